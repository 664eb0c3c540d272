"""The ``import`` command: a CASE 1.1 package (CFPackage) as a standard plan.

``duaal-leren import case PACKAGE.json -o PLAN.yaml`` reads a CFPackage, ours or another
tool's, and writes the standard plan, whole or not at all. What the package holds that the
plan does not keep is printed on standard error, one line each with its JSON path and line,
so that nothing is dropped unseen.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from duaal_leren.cli._common import EXIT_OK, add_lang, in_lang, lang
from duaal_leren.exceptions import printable

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand of ``import``: ``case``."""
    from duaal_leren.cli._common import Parser

    sub = parser.add_subparsers(
        dest="standard",
        metavar="STANDARD",
        required=True,
        parser_class=Parser,
        help="de standaard: case (een CASE 1.1-pakket) / the standard: case (a CASE 1.1 package)",
    )
    case = sub.add_parser(
        "case",
        help="een CASE 1.1-pakket als standaardplan / a CASE 1.1 package as a standard plan",
        description="een CASE 1.1-pakket als standaardplan / a CASE 1.1 package as a standard plan",
    )
    add_lang(case)
    case.add_argument("path", metavar="PACKAGE", help="het pakket (JSON) / the package (JSON)")
    case.add_argument(
        "--output",
        "-o",
        required=True,
        metavar="PLAN.yaml",
        help="het standaardplan om te schrijven (.yaml of .json) / the standard plan to "
        "write (.yaml or .json)",
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Read the package, write the plan and print the notes."""
    from duaal_leren._files import check_not_input
    from duaal_leren.case import read_case
    from duaal_leren.documents import save

    check_not_input(args.output, [args.path], "--output")
    result = read_case(args.path)
    save(result.plan, args.output)
    language = lang(args)
    for note in result.notes:
        where = f"{note.line}: " if note.line is not None else ""
        sys.stderr.write(printable(f"{args.path}:{where}{note.path}: {note.text(language)}") + "\n")
    count = len(result.notes)
    size = len(result.plan.competenties)
    out.write(
        printable(
            in_lang(
                args,
                f"{args.output}: {size} {'competentie' if size == 1 else 'competenties'}; "
                f"{count} {'opmerking' if count == 1 else 'opmerkingen'}",
                f"{args.output}: {size} competence{'' if size == 1 else 's'}; "
                f"{count} note{'' if count == 1 else 's'}",
            )
        )
        + "\n"
    )
    return EXIT_OK
