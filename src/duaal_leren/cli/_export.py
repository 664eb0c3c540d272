"""The ``export`` command: a plan as a CASE 1.1 package, a traject's badges as Open Badges 3.0.

``duaal-leren export case PLAN`` prints the CFPackage of a standard plan (or of the
competence part of a traject's individual plan) as JSON; ``-o FILE`` writes it to a file,
whole or not at all. ``duaal-leren export ob3 TRAJECT --output DIR`` writes one unsigned
AchievementCredential per mastered competence and cluster into a folder, all files or none;
``--today`` fixes the day of the progress roll-up. The salt of the learner's identity hash
is ``--salt``, or derived from the secret in the environment variable
``DUAAL_LEREN_OB3_SECRET`` (a secret does not belong on a command line, where other users
and the shell history see it), or else drawn at random.
"""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from duaal_leren.cli._common import EXIT_OK, add_lang, date_option, in_lang, to_json
from duaal_leren.cli._usage import UsageError
from duaal_leren.exceptions import printable

__all__ = ["SECRET_VARIABLE", "configure", "run"]

# The name of a variable, not a secret.
SECRET_VARIABLE = "DUAAL_LEREN_OB3_SECRET"  # noqa: S105
"""The environment variable that holds the secret the salt of ``export ob3`` derives from."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommands of ``export``: ``case`` and ``ob3``."""
    from duaal_leren.cli._common import Parser

    sub = parser.add_subparsers(
        dest="standard",
        metavar="STANDARD",
        required=True,
        parser_class=Parser,
        help="de standaard: case (CASE 1.1-pakket van een plan), ob3 (Open Badges 3.0 van "
        "een traject) / the standard: case (CASE 1.1 package of a plan), ob3 (Open Badges "
        "3.0 of a traject)",
    )
    case = sub.add_parser(
        "case",
        help="een plan als CASE 1.1-pakket (JSON) / a plan as a CASE 1.1 package (JSON)",
        description="een plan als CASE 1.1-pakket (JSON) / a plan as a CASE 1.1 package (JSON)",
    )
    add_lang(case)
    case.add_argument(
        "path",
        metavar="PLAN",
        help="een standaardplan, of een traject (het individuele plan) / a standard plan, "
        "or a traject (its individual plan)",
    )
    case.add_argument(
        "--output",
        "-o",
        default=None,
        metavar="FILE",
        help="schrijf naar een bestand in plaats van de uitvoer / write to a file instead of "
        "standard output",
    )
    case.add_argument(
        "--base",
        default=None,
        metavar="URI",
        help="basis-URI voor de URI's (standaard urn:uuid:) / base URI for the URIs (by "
        "default urn:uuid:)",
    )
    case.add_argument(
        "--creator",
        default=None,
        metavar="NAAM",
        help="wie het kader uitgeeft (CFDocument.creator) / who publishes the framework "
        "(CFDocument.creator)",
    )
    case.add_argument(
        "--last-change",
        default=None,
        metavar="DATUMTIJD",
        help="lastChangeDateTime, zoals 2025-09-01T00:00:00Z / lastChangeDateTime, such as "
        "2025-09-01T00:00:00Z",
    )
    ob3 = sub.add_parser(
        "ob3",
        help="Open Badges 3.0 van wat een lerende beheerst / Open Badges 3.0 of what a "
        "learner masters",
        description="Open Badges 3.0 van wat een lerende beheerst / Open Badges 3.0 of what "
        "a learner masters",
    )
    add_lang(ob3)
    ob3.add_argument("path", metavar="TRAJECT", help="een traject / a traject")
    ob3.add_argument(
        "--output",
        "-o",
        required=True,
        metavar="DIR",
        help="de map voor de badges, één JSON-bestand per badge / the folder for the "
        "badges, one JSON file per badge",
    )
    ob3.add_argument(
        "--today",
        default=None,
        metavar="YYYY-MM-DD",
        help="de dag van de voortgang / the day to compute the progress for",
    )
    ob3.add_argument(
        "--salt",
        default=None,
        metavar="TEKST",
        help=f"het zout van de hash van de lerende (anders uit {SECRET_VARIABLE}, anders "
        f"willekeurig) / the salt of the learner's hash (else from {SECRET_VARIABLE}, else "
        "random)",
    )
    ob3.add_argument(
        "--base",
        default=None,
        metavar="URI",
        help="basis-URI van de CASE-items, als bij export case / base URI of the CASE items, "
        "as for export case",
    )
    ob3.add_argument(
        "--issuer-id",
        default=None,
        metavar="URI",
        help="de URI van de school als uitgever (zoals een did:web) / the URI of the school "
        "as issuer (such as a did:web)",
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``export case`` or ``export ob3``."""
    if args.standard == "case":
        return _case(args, out)
    return _ob3(args, out)


def _case(args: argparse.Namespace, out: TextIO) -> int:
    from duaal_leren._files import check_not_input, write_atomic
    from duaal_leren.case import DEFAULT_CREATOR, LAST_CHANGE, to_case
    from duaal_leren.documents import load
    from duaal_leren.opleidingsplan import IndividueelOpleidingsplan, StandaardOpleidingsplan
    from duaal_leren.traject import Traject

    if args.output:
        check_not_input(args.output, [args.path], "--output")
    document = load(args.path)
    if isinstance(document, Traject):
        document = document.opleidingsplan
    if not isinstance(document, StandaardOpleidingsplan | IndividueelOpleidingsplan):
        raise UsageError(
            f"{args.path}: export case neemt een standaardplan of een traject",
            f"{args.path}: export case takes a standard plan or a traject",
        )
    package = to_case(
        document,
        base=args.base,
        creator=args.creator or DEFAULT_CREATOR,
        last_change=args.last_change or LAST_CHANGE,
    )
    text = to_json(package) + "\n"
    if args.output:
        write_atomic(args.output, text)
    else:
        out.write(text)
    return EXIT_OK


def _ob3(args: argparse.Namespace, out: TextIO) -> int:
    from duaal_leren.documents import load_traject
    from duaal_leren.openbadges import save_credentials

    today = date_option(args, "--today")
    traject = load_traject(args.path)
    secret = os.environ.get(SECRET_VARIABLE) or None
    paths = save_credentials(
        traject,
        args.output,
        today=today,
        salt=args.salt,
        secret=secret,
        base=args.base,
        issuer_id=args.issuer_id,
    )
    for path in paths:
        out.write(printable(str(path)) + "\n")
    if not paths:
        out.write(
            in_lang(
                args,
                "geen badges: nog niets beheerst op een beoordeling van mentor of school",
                "no badges: nothing mastered yet on a rating by mentor or school",
            )
            + "\n"
        )
    return EXIT_OK
