"""The ``kalender`` command: the calendar of a Flemish school year.

``duaal-leren kalender 2025-2026`` prints the first and last school day, the free periods and
the number of school days, with a school's own days from ``--eigen``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any, TextIO

from duaal_leren._validators import as_day
from duaal_leren.cli._common import EXIT_OK, add_format, in_lang, to_json, weekday
from duaal_leren.documents import load
from duaal_leren.exceptions import printable
from duaal_leren.kalender import SchooleigenKalender, Schooljaar, Schoolkalender, schoolkalender

__all__ = ["configure", "kalender_data", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``kalender``."""
    parser.add_argument(
        "schooljaar",
        metavar="SCHOOLJAAR",
        nargs="?",
        help="zoals 2025-2026; standaard dat van --eigen, anders het lopende schooljaar / "
        "such as 2025-2026; by default that of --eigen, else the current school year",
    )
    parser.add_argument(
        "--eigen",
        metavar="FILE",
        help="de eigen vrije dagen en klassenraden van de school (een schoolkalender) / "
        "the school's own days off and klassenraden (a schoolkalender document)",
    )
    add_format(
        parser,
        {
            "text": "leesbare tekst / readable text",
            "json": "de gegevens als JSON / the data as JSON",
        },
    )


def kalender_data(kalender: Schoolkalender) -> dict[str, Any]:
    """The calendar as the JSON of ``duaal-leren kalender --format json``."""
    return {
        "schooljaar": str(kalender.schooljaar),
        "eerste_schooldag": kalender.eerste_schooldag.isoformat(),
        "laatste_schooldag": kalender.laatste_schooldag.isoformat(),
        "vrije_periodes": [
            {"naam": p.naam, "start": p.start.isoformat(), "einde": p.einde.isoformat()}
            for p in kalender.vrije_periodes
        ],
        "schooldagen": len(kalender.schooldagen()),
    }


def _text(args: argparse.Namespace, kalender: Schoolkalender) -> str:
    def day(value: dt.date) -> str:
        return f"{weekday(args, value)} {value.isoformat()}"

    title = in_lang(args, "Schoolkalender", "School calendar") + f" {kalender.schooljaar}"
    if kalender.school:
        title += f", {kalender.school}"
    lines = [
        title,
        in_lang(args, "Eerste schooldag: ", "First school day: ") + day(kalender.eerste_schooldag),
        in_lang(args, "Laatste schooldag: ", "Last school day: ") + day(kalender.laatste_schooldag),
        in_lang(args, "Vrije periodes:", "Free periods:"),
    ]
    entries: list[tuple[dt.date, str]] = []
    for period in kalender.vrije_periodes:
        when = day(period.start)
        if period.einde != period.start:
            when += f" – {day(period.einde)}"
        entries.append((period.start, f"  {when:<32} {period.naam}"))
    for half in kalender.halve_vrije_dagen:
        part = half.dagdeel.value
        label = in_lang(args, f"halve vrije dag, {part}", f"half day off, {part}")
        entries.append((half.datum, f"  {day(half.datum):<32} {half.titel} ({label})"))
    lines.extend(text for _, text in sorted(entries, key=lambda e: e[0]))
    if kalender.klassenraden:
        lines.append("Klassenraden: " + ", ".join(day(d) for d in kalender.klassenraden))
    lines.append(in_lang(args, "Schooldagen: ", "School days: ") + str(len(kalender.schooldagen())))
    return "\n".join(lines)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the calendar of the school year."""
    eigen = load(args.eigen, SchooleigenKalender) if args.eigen else None
    jaar = args.schooljaar
    if jaar is None and eigen is None:
        # The school year of the day in Flanders, whatever the machine's own zone.
        jaar = Schooljaar.from_date(as_day(None))
    kalender = schoolkalender(jaar, eigen)
    if args.format == "json":
        out.write(to_json(kalender_data(kalender)) + "\n")
    else:
        out.write(printable(_text(args, kalender)) + "\n")
    return EXIT_OK
