"""The ``uren`` command: planned against actual workplace hours of a traject (R-OAO).

``duaal-leren uren TRAJECT`` shows, per school year of the contract, the yearly average the
schedule plans; with ``--aanwezigheden FILE`` (an attendance document in YAML or JSON, or a
CSV with the header ``datum,uren,status``) also the hours worked, the absences by kind, the
running average and the projection of the year's average, per week, per month and for the
year. ``--format`` chooses text, JSON or CSV. A CSV with a bad line is refused whole: the
message names the file and every bad line, and the exit status is 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from duaal_leren._validators import as_day
from duaal_leren.cli._common import EXIT_OK, add_format, date_option, lang, to_json
from duaal_leren.documents import MAX_SIZE, load, load_traject
from duaal_leren.exceptions import (
    DocumentError,
    DocumentTypeError,
    Problem,
    printable,
    shown_id,
)

if TYPE_CHECKING:
    from duaal_leren.aanwezigheid import Aanwezigheden

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``uren``."""
    parser.add_argument("traject", metavar="TRAJECT", help="het traject (YAML/JSON) / the traject")
    parser.add_argument(
        "--aanwezigheden",
        default=None,
        metavar="FILE",
        help="de aanwezigheden: een document (YAML/JSON) of CSV met kopregel "
        "datum,uren,status / the attendance: a document (YAML/JSON) or CSV with the header "
        "datum,uren,status",
    )
    add_format(
        parser,
        {
            "text": "leesbare tabellen / readable tables",
            "json": "de gegevens als JSON / the data as JSON",
            "csv": "een rij per week, maand en schooljaar / a row per week, month and school year",
        },
    )
    parser.add_argument(
        "--today",
        default=None,
        metavar="YYYY-MM-DD",
        help="de laatste dag waarvan de uren tellen als gewerkt / the last day whose hours "
        "count as worked",
    )


def _read_csv(path: str, traject: str) -> Aanwezigheden:
    from duaal_leren._files import read_file
    from duaal_leren.aanwezigheid import Aanwezigheden

    try:
        raw = read_file(path, MAX_SIZE)
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        problem = Problem(
            "$",
            "het bestand is geen UTF-8-tekst",
            "the file is not UTF-8 text",
            "geen-tekst",
        )
        raise DocumentError(path, [problem]) from None
    except OSError as exc:
        problem = Problem(
            "$",
            f"het bestand kan niet gelezen worden ({exc.strerror or type(exc).__name__})",
            f"the file cannot be read ({exc.strerror or type(exc).__name__})",
            "bestand-onleesbaar",
        )
        raise DocumentError(path, [problem]) from None
    return Aanwezigheden.from_csv(text, traject=traject, source=path)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print planned against actual hours of the traject."""
    from duaal_leren.aanwezigheid import Aanwezigheden
    from duaal_leren.uren import urenoverzichten

    language = lang(args)
    today = as_day(date_option(args, "--today"))  # by default the day in Flanders
    traject = load_traject(args.traject)
    record: Aanwezigheden | None = None
    if args.aanwezigheden is not None:
        if Path(args.aanwezigheden).suffix.lower() == ".csv":
            document: object = _read_csv(args.aanwezigheden, traject.id)
        else:
            document = load(args.aanwezigheden)
        if not isinstance(document, Aanwezigheden):
            raise DocumentTypeError(
                f"{args.aanwezigheden}: dit is geen aanwezigheidsdocument",
                f"{args.aanwezigheden}: this is no attendance document",
            )
        record = document
        if record.traject != traject.id:
            raise DocumentTypeError(
                f"{args.aanwezigheden}: de aanwezigheden zijn van traject {shown_id(record.traject)}, "
                f"niet van {shown_id(traject.id)}",
                f"{args.aanwezigheden}: the attendance is of traject {shown_id(record.traject)}, "
                f"not of {shown_id(traject.id)}",
            )
    overzichten = urenoverzichten(traject, record, today=today)
    if args.format == "json":
        text = to_json([o.to_dict() for o in overzichten])
    elif args.format == "csv":
        text = "".join(
            o.to_csv() if i == 0 else o.to_csv().split("\r\n", 1)[1]
            for i, o in enumerate(overzichten)
        )
    else:
        text = printable("\n\n".join(o.text(language) for o in overzichten))
    out.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK
