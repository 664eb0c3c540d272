"""The ``planning`` command: plan follow-up conversations and write them as calendars.

``duaal-leren planning TRAJECT...`` plans the follow-up conversations of one traject or a
whole caseload and prints them, or writes them as an iCalendar file (``--ics``) or one file
per traject (``--ics-dir``, see `ics_bestandsnaam` for the names). Every calendar is
written, or none.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs
import pendulum

from duaal_leren._files import (
    WriteError,
    check_not_input,
    check_writable,
    document_files,
    make_folder,
    write_together,
)
from duaal_leren.cli._common import (
    EXIT_OK,
    add_format,
    date_option,
    in_lang,
    lang,
    to_json,
    weekdagen,
    weekday,
)
from duaal_leren.documents import load
from duaal_leren.exceptions import excerpt, printable, shown_id
from duaal_leren.kalender import SchooleigenKalender, schoolkalender
from duaal_leren.planning import (
    Bestaand,
    Caseload,
    Opvolgingsschema,
    PlanningError,
    Voorkeur,
    cadans,
    plan_caseload,
    vastgelegde_dagen,
)
from duaal_leren.traject import Traject

__all__ = ["configure", "ics_bestandsnaam", "planning_data", "run"]

_TIME = re.compile(r"([01]?[0-9]|2[0-3])[:u.h]([0-5][0-9])")


def _tijdstippen(text: str) -> tuple[pendulum.Time, ...]:
    times = []
    for part in text.split(","):
        match = _TIME.fullmatch(part.strip())
        if match is None:
            raise argparse.ArgumentTypeError(
                f"geen uur {excerpt(part.strip())} / not a time; schrijf/write 10:00"
            )
        times.append(pendulum.time(int(match.group(1)), int(match.group(2))))
    return tuple(times)


def _positief(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{excerpt(text)}: verwacht/expected 1, 2, 3, ...")
    return int(text)


_DUUR = (5, 480)


def _duur(text: str) -> int:
    low, high = _DUUR
    if not text.isdigit() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(
            f"{excerpt(text)}: een duur in minuten van {low} tot {high} / "
            f"a duration in minutes from {low} to {high}"
        )
    return int(text)


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``planning``."""
    parser.add_argument(
        "trajecten",
        metavar="TRAJECT",
        nargs="+",
        help="trajectbestanden, of mappen met trajectbestanden / traject files, or folders "
        "of traject files",
    )
    parser.add_argument(
        "--cadans",
        default=None,
        help="6w: elke 6 weken; 4/jaar: 4 per schooljaar; klassenraad: voor elke klassenraad "
        "van --kalender; voor:2025-12-17,2026-03-25: voor deze datums; standaard de "
        "afgesproken opvolging_weken van elk traject / 6w: every 6 weeks; 4/jaar: 4 per "
        "school year; klassenraad: before every klassenraad of --kalender; "
        "voor:2025-12-17,2026-03-25: before these dates; by default each traject's agreed "
        "opvolging_weken",
    )
    parser.add_argument(
        "--kalender",
        metavar="FILE",
        action="append",
        default=[],
        help="eigen vrije dagen en klassenraden van de school (een schoolkalender), per "
        "schooljaar; herhaalbaar / the school's own days off and klassenraden (a "
        "schoolkalender document), one per school year; repeatable",
    )
    parser.add_argument(
        "--start",
        metavar="YYYY-MM-DD",
        help="eerste dag van de planning / first day of the plan",
    )
    parser.add_argument(
        "--einde",
        metavar="YYYY-MM-DD",
        help="laatste dag van de planning / last day of the plan",
    )
    parser.add_argument(
        "--weekdagen",
        type=weekdagen,
        default=(),
        metavar="DAGEN",
        help="voorkeursdagen, bv. ma,do / preferred weekdays, e.g. ma,do or mon,thu",
    )
    parser.add_argument(
        "--tijdstippen",
        type=_tijdstippen,
        default=None,
        metavar="UREN",
        help="beginuren van het eerste, tweede, ... bezoek van een dag (standaard 10:00,13:30) "
        "/ start times of the first, second, ... visit of a day (default 10:00,13:30)",
    )
    parser.add_argument(
        "--duur",
        type=_duur,
        default=60,
        metavar="MINUTEN",
        help=f"duur van een gesprek in minuten, van {_DUUR[0]} tot {_DUUR[1]} (standaard 60) "
        f"/ length of a conversation in minutes, from {_DUUR[0]} to {_DUUR[1]} (default 60)",
    )
    parser.add_argument(
        "--max-per-dag",
        type=_positief,
        default=2,
        metavar="N",
        help="hoogstens zoveel bezoeken per dag (standaard 2) / at most this many visits a day "
        "(default 2)",
    )
    parser.add_argument(
        "--bestaande",
        metavar="TRAJECT=DATUM",
        action="append",
        default=[],
        help="nog een gesprek dat al gepland of gehouden is, naast die in het traject, of het "
        "uur van een gesprek dat het traject op die dag opneemt: TRJ-2025-0042=2025-10-14 of "
        "TRJ-2025-0042=2025-10-14T09:30; herhaalbaar; bij één traject mag 'TRAJECT=' weg / "
        "another conversation already planned or held, beside those the traject records, or "
        "the time of one it records on that day: TRJ-2025-0042=2025-10-14 or "
        "TRJ-2025-0042=2025-10-14T09:30; repeatable; with one traject 'TRAJECT=' may go",
    )
    parser.add_argument(
        "--ics",
        metavar="FILE",
        help="schrijf alle gesprekken in één .ics-bestand; '-' schrijft het naar de uitvoer / "
        "write every conversation to one .ics file; '-' writes it to standard output",
    )
    parser.add_argument(
        "--ics-dir",
        metavar="DIR",
        help="schrijf één .ics-bestand per traject in deze map / write one .ics file per "
        "traject into this folder",
    )
    add_format(
        parser,
        {
            "text": "leesbare tekst / readable text",
            "json": "de planning als JSON / the plan as JSON",
        },
    )


def _bestaande(args: argparse.Namespace, trajecten: Sequence[Traject]) -> dict[str, list[Bestaand]]:
    # The conversations a traject records are kept; --bestaande adds to them, or gives one
    # of them its time.
    result: dict[str, list[Bestaand]] = {t.id: list(vastgelegde_dagen(t)) for t in trajecten}
    by_id = {t.id: t for t in trajecten}
    for spec in args.bestaande:
        traject_id, sep, when = spec.rpartition("=")
        if not sep and len(trajecten) == 1:
            traject_id = trajecten[0].id
        if traject_id not in by_id:
            raise PlanningError(
                f"--bestaande {excerpt(spec)}: onbekend traject {excerpt(traject_id)}",
                f"--bestaande {excerpt(spec)}: unknown traject {excerpt(traject_id)}",
            )
        value: Bestaand
        try:
            value = dt.datetime.fromisoformat(when) if "T" in when else dt.date.fromisoformat(when)
        except ValueError:
            raise PlanningError(
                f"--bestaande {excerpt(spec)}: geen datum of tijdstip (2025-10-14 of 2025-10-14T09:30)",
                f"--bestaande {excerpt(spec)}: not a date or time (2025-10-14 or 2025-10-14T09:30)",
            ) from None
        day = value.date() if isinstance(value, dt.datetime) else value
        contract = by_id[traject_id].overeenkomst
        if not contract.start <= day <= contract.einde:
            raise PlanningError(
                f"--bestaande {excerpt(spec)}: {day.isoformat()} valt buiten de overeenkomst van "
                f"traject {shown_id(traject_id)} ({contract.start.isoformat()} tot "
                f"{contract.einde.isoformat()})",
                f"--bestaande {excerpt(spec)}: {day.isoformat()} is outside the contract of traject "
                f"{shown_id(traject_id)} ({contract.start.isoformat()} to {contract.einde.isoformat()})",
            )
        kept = result[traject_id]
        if isinstance(value, dt.datetime) and day in kept:
            kept[kept.index(day)] = value
        else:
            kept.append(value)
    return result


def _schema_data(schema: Opvolgingsschema) -> dict[str, Any]:
    return {
        "traject": schema.traject,
        "lerende": schema.lerende,
        "werkplek": schema.werkplek,
        "cadans": schema.cadans.text(),
        "start": schema.start.isoformat(),
        "einde": schema.einde.isoformat(),
        "gesprekken": [
            {
                "uid": g.uid,
                "sleutel": g.sleutel,
                "start": g.start.isoformat(),
                "einde": g.einde.isoformat(),
                "bestaand": g.bestaand,
            }
            for g in schema.gesprekken
        ],
        "begeleidingsperiodes": [
            {
                "volgnummer": p.volgnummer,
                "start": p.start.isoformat(),
                "einde": p.einde.isoformat(),
                "werkplekdagen": p.werkplekdagen,
            }
            for p in schema.begeleidingsperiodes()
        ],
        "onplanbaar": [d.isoformat() for d in schema.onplanbaar],
    }


def planning_data(caseload: Caseload) -> dict[str, Any]:
    """The plan as the JSON of ``duaal-leren planning --format json``."""
    return {
        "trajecten": [_schema_data(s) for s in caseload.schemas],
        "max_per_dag": caseload.max_per_dag,
    }


def _schema_text(args: argparse.Namespace, schema: Opvolgingsschema) -> list[str]:
    language = lang(args)
    lines = [
        f"Traject {schema.traject}: "
        + in_lang(args, "lerende", "learner")
        + f" {schema.lerende}, {schema.werkplek}",
        "  "
        + in_lang(args, "cadans", "cadence")
        + f": {schema.cadans.text(language)}, "
        + in_lang(
            args, f"van {schema.start} tot {schema.einde}", f"from {schema.start} to {schema.einde}"
        ),
    ]
    for i, g in enumerate(schema.gesprekken, 1):
        status = (
            in_lang(args, "al vastgelegd", "already recorded")
            if g.bestaand
            else in_lang(args, "voorstel", "proposed")
        )
        lines.append(
            f"  {i:>2}  {weekday(args, g.datum)} {g.datum.isoformat()} "
            f"{g.start.format('HH:mm')}-{g.einde.format('HH:mm')}  {status}"
        )
    periods = schema.begeleidingsperiodes()
    lines.append(
        "  "
        + in_lang(args, "begeleidingsperiodes", "begeleidingsperiodes")
        + f": {len(periods)} ("
        + in_lang(args, "werkplekdagen", "workplace days")
        + ": "
        + ", ".join(str(p.werkplekdagen) for p in periods)
        + ")"
    )
    if schema.onplanbaar:
        lines.append(
            "  "
            + in_lang(args, "geen dag gevonden rond", "no day found near")
            + ": "
            + ", ".join(d.isoformat() for d in schema.onplanbaar)
        )
    return lines


_NAAM_LENGTE = 100


def _veilig(traject_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", traject_id).strip("._")[:_NAAM_LENGTE] or "traject"


def ics_bestandsnaam(traject_ids: Sequence[str]) -> dict[str, str]:
    """The file name of each traject's calendar in ``planning --ics-dir``.

    An id made of letters, digits, ``.``, ``_`` and ``-`` is its own name: ``TRJ-2025-0042``
    gives ``TRJ-2025-0042.ics``. Any other character becomes ``_``, and then, since two ids
    may become the same name, 8 hex digits of the id's SHA-256 follow:
    ``TRJ/2025/0042`` gives ``TRJ_2025_0042-`` + 8 hex digits + ``.ics``. So do names that
    differ only in upper and lower case (one file on Windows and macOS). Two trajecten
    never share a file, and a traject gets the same name on every run.

    Example:
        >>> ics_bestandsnaam(["TRJ-1", "TRJ/1", "TRJ 1"])["TRJ-1"]
        'TRJ-1.ics'
    """

    def hashed(traject_id: str) -> str:
        digest = hashlib.sha256(traject_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        return f"{_veilig(traject_id)}-{digest}"

    names = {t: _veilig(t) if _veilig(t) == t else hashed(t) for t in traject_ids}
    folded: dict[str, list[str]] = {}
    for traject_id, name in names.items():
        folded.setdefault(name.casefold(), []).append(traject_id)
    for clash in folded.values():
        if len(clash) > 1:
            for traject_id in clash:
                names[traject_id] = hashed(traject_id)
    if len({n.casefold() for n in names.values()}) < len(names):  # pragma: no cover
        raise PlanningError(
            "twee trajecten krijgen hetzelfde .ics-bestand; geef ze een ander id",
            "two trajecten get the same .ics file; give them another id",
        )
    return {t: f"{name}.ics" for t, name in names.items()}


def _uitvoer(args: argparse.Namespace, inputs: Sequence[Path]) -> None:
    """Refuse an output that would overwrite an input, or that cannot be written."""
    if args.ics and args.ics != "-":
        check_not_input(args.ics, inputs, "--ics")
        check_writable(args.ics)
    if args.ics_dir:
        folder = Path(args.ics_dir)
        if folder.exists() and not folder.is_dir():
            raise WriteError(
                args.ics_dir, "het is een bestand, geen map", "it is a file, not a folder"
            )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Plan the conversations; print them, or write them as calendars."""
    from duaal_leren.ical import save_ical, to_ical

    start, einde = date_option(args, "--start"), date_option(args, "--einde")
    for name in args.trajecten:
        if not name:
            load(name)  # an empty name is no folder to search: the loader says so
    files = [path for path, _ in document_files(args.trajecten, "traject")]
    if not files:
        raise PlanningError(
            "geen trajecten gevonden in " + ", ".join(args.trajecten),
            "no trajecten found in " + ", ".join(args.trajecten),
        )
    inputs = [*files, *(Path(p) for p in args.kalender)]
    _uitvoer(args, inputs)
    trajecten = [load(file, Traject) for file in files]
    kalenders = [schoolkalender(eigen=load(p, SchooleigenKalender)) for p in args.kalender]
    voorkeur = Voorkeur(weekdagen=args.weekdagen, duur=pendulum.duration(minutes=args.duur))
    if args.tijdstippen:
        voorkeur = attrs.evolve(voorkeur, tijdstippen=args.tijdstippen)
    caseload = plan_caseload(
        trajecten,
        cadans(args.cadans) if args.cadans else None,
        max_per_dag=args.max_per_dag,
        kalender=kalenders,
        voorkeur=voorkeur,
        bestaande=_bestaande(args, trajecten),
        start=start,
        einde=einde,
    )
    # Every calendar is written, or none: a failure in one leaves all files as they were.
    with write_together():
        if args.ics_dir:
            names = ics_bestandsnaam([s.traject for s in caseload.schemas])
            targets = {t: Path(args.ics_dir) / name for t, name in names.items()}
            for target in targets.values():
                check_not_input(target, inputs, "--ics-dir")
            make_folder(args.ics_dir)
            for schema in caseload.schemas:
                save_ical(schema, targets[schema.traject])
        if args.ics and args.ics != "-":
            save_ical(caseload, args.ics)
    if args.ics == "-":
        # The calendar is the output: a plan beside it would make it no calendar.
        out.write(to_ical(caseload).decode("utf-8"))
        return EXIT_OK
    if args.format == "json":
        out.write(to_json(planning_data(caseload)) + "\n")
    else:
        blocks = ["\n".join(_schema_text(args, s)) for s in caseload.schemas]
        out.write(printable("\n\n".join(blocks)) + "\n")
    return EXIT_OK
