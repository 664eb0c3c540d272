"""The ``retention`` command: the documents past the school's retention date, listed or deleted.

``duaal-leren retention PATH...`` lists the trajecten and conversation records past the date
of the retention policy in ``[tool.duaal-leren.bewaring]`` of the nearest
``pyproject.toml`` (see `duaal_leren.bewaring`), and changes nothing. ``--delete`` removes
them: every one is checked first, and when one cannot be removed none is. Without a policy
the command says so and exits 2: the library has no default period.
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from duaal_leren.cli._common import EXIT_OK, EXIT_USAGE, date_option, in_lang
from duaal_leren.exceptions import DuaalLerenError, printable

if TYPE_CHECKING:
    from duaal_leren.bewaring import Bewaarbeleid

__all__ = ["configure", "run"]

_TABLE = "[tool.duaal-leren.bewaring]"


class _UsageError(DuaalLerenError, ValueError):
    """A missing or wrong policy; the command line prints it and exits with status 2."""


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
    """The policy of the nearest ``pyproject.toml`` at or above ``start``."""
    from duaal_leren.bewaring import Bewaarbeleid

    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if not candidate.is_file():
            continue
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise _UsageError(
                f"{candidate}: geen geldige TOML ({exc})", f"{candidate}: not valid TOML ({exc})"
            ) from None
        tool = data.get("tool", {})
        table = tool.get("duaal-leren", {}) if isinstance(tool, dict) else {}
        policy = table.get("bewaring") if isinstance(table, dict) else None
        if policy is None:
            break
        try:
            return Bewaarbeleid.from_dict(policy, "tool.duaal-leren.bewaring")
        except DuaalLerenError as exc:
            raise _UsageError(
                f"{candidate}: {exc.text('nl')}", f"{candidate}: {exc.text('en')}"
            ) from None
    raise _UsageError(
        f"geen bewaarbeleid: zet de termijnen van de school in {_TABLE} van pyproject.toml "
        "(de bibliotheek heeft geen standaardtermijn)",
        f"no retention policy: set the school's periods in {_TABLE} of pyproject.toml "
        "(the library has no default period)",
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """List the documents past their date, or delete them."""
    from duaal_leren.bewaring import delete, expired

    today = date_option(args, "--today")
    policy = _policy(Path.cwd())
    found = expired(args.paths, policy, today)
    for item in found:
        out.write(printable(f"{item.path}\t{item.vervaldatum.isoformat()}") + "\n")
    if not args.delete:
        out.write(
            in_lang(
                args,
                f"{len(found)} document(en) voorbij hun bewaartermijn; niets gewist "
                "(--delete wist ze)",
                f"{len(found)} document(s) past their retention date; nothing deleted "
                "(--delete deletes them)",
            )
            + "\n"
        )
        return EXIT_OK
    result = delete(item.path for item in found)
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
    return EXIT_OK if not result.failed else EXIT_USAGE
