"""The ``retention`` command: the documents past the school's retention date, listed or deleted.

``duaal-leren retention PATH...`` lists the trajecten, conversation records and attendance
records past the date of the retention policy in ``[tool.duaal-leren.bewaring]`` of the
nearest ``pyproject.toml`` (see `duaal_leren.bewaring`), and changes nothing. ``--delete``
removes them: every one is checked first, and when one cannot be removed none is. A
document whose date cannot be determined (its traject is not among the files) is named on
stderr and the command exits 1, so that it is not forgotten. Without a policy the command
says so and exits 2: the library has no default period.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from duaal_leren.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, date_option, in_lang
from duaal_leren.cli._usage import UsageError
from duaal_leren.exceptions import printable

if TYPE_CHECKING:
    from duaal_leren.bewaring import Bewaarbeleid, Retention

__all__ = ["configure", "run"]

_TABLE = "[tool.duaal-leren.bewaring]"


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``retention``."""
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="documenten en mappen met documenten / documents and folders of documents",
    )
    parser.add_argument(
        "--today",
        default=None,
        metavar="YYYY-MM-DD",
        help="de dag waarop de termijnen getoetst worden (standaard vandaag) / the day to check "
        "the dates against (by default today)",
    )
    parser.add_argument(
        "--delete",
        action="store_true",
        help="wis de documenten voorbij hun bewaartermijn, alle of geen / delete the "
        "documents past their retention date, all or none",
    )


def _policy(start: Path) -> Bewaarbeleid:
    """The policy of the nearest ``pyproject.toml`` at or above ``start``.

    Read as ``validate`` reads its settings, with the same checks and messages.
    """
    from duaal_leren.cli._validate import _policy as policy_of
    from duaal_leren.cli._validate import find_settings

    settings, _ = find_settings(start)
    policy = policy_of(settings)
    if policy is None:
        raise UsageError(
            f"geen bewaarbeleid: zet de termijnen van de school in {_TABLE} van pyproject.toml "
            "(de bibliotheek heeft geen standaardtermijn)",
            f"no retention policy: set the school's periods in {_TABLE} of pyproject.toml "
            "(the library has no default period)",
        )
    return policy


def _undetermined(args: argparse.Namespace, found: Retention, out: TextIO) -> int:
    """Name the documents without a date on stderr; the exit status they give."""
    for item in found.undetermined:
        sys.stderr.write(
            printable(
                in_lang(
                    args,
                    f"{item.path}: geen vervaldatum: {item.message}",
                    f"{item.path}: no retention date: {item.message_en}",
                )
            )
            + "\n"
        )
    if not found.undetermined:
        return EXIT_OK
    count = len(found.undetermined)
    out.write(
        in_lang(
            args,
            f"{count} document(en) zonder gekende vervaldatum (zie de meldingen)",
            f"{count} document(s) without a known retention date (see the notices)",
        )
        + "\n"
    )
    return EXIT_FINDINGS


def run(args: argparse.Namespace, out: TextIO) -> int:
    """List the documents past their date, or delete them."""
    from duaal_leren.bewaring import delete, expired

    today = date_option(args, "--today")
    policy = _policy(Path.cwd())
    found = expired(args.paths, policy, today)
    for item in found.expired:
        out.write(printable(f"{item.path}\t{item.vervaldatum.isoformat()}") + "\n")
    if not args.delete:
        out.write(
            in_lang(
                args,
                f"{len(found.expired)} document(en) voorbij hun bewaartermijn; niets gewist "
                "(--delete wist ze)",
                f"{len(found.expired)} document(s) past their retention date; nothing deleted "
                "(--delete deletes them)",
            )
            + "\n"
        )
        return _undetermined(args, found, out)
    result = delete(item.path for item in found.expired)
    for path, reason in result.failed:
        out.write(
            printable(
                in_lang(
                    args,
                    f"niet gewist: {path}: {reason}",
                    f"not deleted: {path}: {reason}",
                )
            )
            + "\n"
        )
    out.write(
        in_lang(
            args,
            f"{len(result.deleted)} document(en) gewist",
            f"{len(result.deleted)} document(s) deleted",
        )
        + "\n"
    )
    status = _undetermined(args, found, out)
    return EXIT_USAGE if result.failed else status
