"""The ``kalender`` and ``planning`` commands.

``duaal-leren kalender 2025-2026`` prints a Flemish school year: first and last school day,
free periods and the number of school days, with a school's own days from ``--school``.
``duaal-leren planning TRAJECT...`` plans the follow-up conversations of one traject or a
whole caseload and prints them, or writes them as an iCalendar file (``--ics``) or one file
per traject (``--ics-dir``, see `ics_bestandsnaam` for the names).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
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
    make_folder,
    read_head,
    write_together,
)
from duaal_leren.cli import EXIT_OK, Command, _lang, _t, printable
from duaal_leren.documents import load
from duaal_leren.kalender import (
    SchooleigenKalender,
    Schooljaar,
    Schoolkalender,
    schoolkalender,
)
from duaal_leren.planning import (
    TIJDZONE,
    Bestaand,
    Caseload,
    Opvolgingsschema,
    PlanningError,
    Voorkeur,
    _opgenomen,
    cadans,
    plan_caseload,
)
from duaal_leren.traject import Traject, Weekdag

__all__ = ["KALENDER_COMMAND", "PLANNING_COMMAND", "ics_bestandsnaam"]

_DAG = ("ma", "di", "wo", "do", "vr", "za", "zo")
_DAY = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _weekday(args: argparse.Namespace, day: dt.date) -> str:
    return (_DAY if _lang(args) == "en" else _DAG)[day.isoweekday() - 1]


def _schoolkalenders(paths: Sequence[str]) -> list[SchooleigenKalender]:
    return [load(path, SchooleigenKalender) for path in paths]


# --- kalender -------------------------------------------------------------------------


def _configure_kalender(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "schooljaar",
        metavar="SCHOOLJAAR",
        nargs="?",
        help="zoals 2025-2026; standaard dat van --school, anders het lopende schooljaar",
    )
    parser.add_argument(
        "--school",
        metavar="FILE",
        help="de eigen vrije dagen en klassenraden van de school (schema schoolkalender)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")


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


def _kalender_text(args: argparse.Namespace, kalender: Schoolkalender) -> str:
    def day(value: dt.date) -> str:
        return f"{_weekday(args, value)} {value.isoformat()}"

    title = _t(args, "Schoolkalender", "School calendar") + f" {kalender.schooljaar}"
    if kalender.school:
        title += f", {kalender.school}"
    lines = [
        title,
        _t(args, "Eerste schooldag: ", "First school day: ") + day(kalender.eerste_schooldag),
        _t(args, "Laatste schooldag: ", "Last school day: ") + day(kalender.laatste_schooldag),
        _t(args, "Vrije periodes:", "Free periods:"),
    ]
    entries: list[tuple[dt.date, str]] = []
    for period in kalender.vrije_periodes:
        when = day(period.start)
        if period.einde != period.start:
            when += f" – {day(period.einde)}"
        entries.append((period.start, f"  {when:<32} {period.naam}"))
    for half in kalender.halve_vrije_dagen:
        part = half.dagdeel.value
        label = _t(args, f"halve vrije dag, {part}", f"half day off, {part}")
        entries.append((half.datum, f"  {day(half.datum):<32} {half.titel} ({label})"))
    lines.extend(text for _, text in sorted(entries, key=lambda e: e[0]))
    if kalender.klassenraden:
        lines.append(
            _t(args, "Klassenraden: ", "Klassenraden: ")
            + ", ".join(day(d) for d in kalender.klassenraden)
        )
    lines.append(_t(args, "Schooldagen: ", "School days: ") + str(len(kalender.schooldagen())))
    return "\n".join(lines)


def _run_kalender(args: argparse.Namespace, out: TextIO) -> int:
    eigen = _schoolkalenders([args.school])[0] if args.school else None
    jaar = args.schooljaar
    if jaar is None and eigen is None:
        jaar = Schooljaar.van(pendulum.today(TIJDZONE).date())
    kalender = schoolkalender(jaar, eigen)
    if args.format == "json":
        out.write(json.dumps(kalender_data(kalender), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(printable(_kalender_text(args, kalender)) + "\n")
    return EXIT_OK


KALENDER_COMMAND = Command(
    "kalender",
    "toon de schoolkalender van een schooljaar / print the school calendar of a school year",
    _configure_kalender,
    _run_kalender,
)


# --- planning -------------------------------------------------------------------------

_WEEKDAGEN = {
    **{short: day for short, day in zip(_DAG, Weekdag, strict=True)},
    **{day.value: day for day in Weekdag},
    **{short.lower(): day for short, day in zip(_DAY, Weekdag, strict=True)},
}


def _weekdagen(text: str) -> tuple[Weekdag, ...]:
    days = []
    for part in text.split(","):
        key = part.strip().lower()
        if key not in _WEEKDAGEN:
            raise argparse.ArgumentTypeError(
                f"onbekende weekdag {part.strip()!r} / unknown weekday; gebruik/use ma,di,wo,do,vr"
            )
        days.append(_WEEKDAGEN[key])
    return tuple(days)


_TIME = re.compile(r"([01]?[0-9]|2[0-3])[:u.h]([0-5][0-9])")


def _tijdstippen(text: str) -> tuple[pendulum.Time, ...]:
    times = []
    for part in text.split(","):
        match = _TIME.fullmatch(part.strip())
        if match is None:
            raise argparse.ArgumentTypeError(
                f"geen uur {part.strip()!r} / not a time; schrijf/write 10:00"
            )
        times.append(pendulum.time(int(match.group(1)), int(match.group(2))))
    return tuple(times)


def _datum(text: str) -> pendulum.Date:
    try:
        return pendulum.Date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"geen datum {text!r} / not a date; schrijf/write 2025-10-01"
        ) from None


def _positief(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: verwacht/expected 1, 2, 3, ...")
    return int(text)


_DUUR = (5, 480)


def _duur(text: str) -> int:
    low, high = _DUUR
    if not text.isdigit() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(
            f"{text!r}: een duur in minuten van {low} tot {high} / "
            f"a duration in minutes from {low} to {high}"
        )
    return int(text)


def _configure_planning(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "trajecten",
        metavar="TRAJECT",
        nargs="+",
        help="trajectbestanden, of mappen met trajectbestanden",
    )
    parser.add_argument(
        "--cadence",
        "--cadans",
        dest="cadans",
        default=None,
        help="6w: elke 6 weken; 4/jaar: 4 per schooljaar; klassenraad: voor elke klassenraad "
        "van --school; voor:2025-12-17,2026-03-25: voor deze datums; standaard de afgesproken "
        "opvolging_weken van elk traject",
    )
    parser.add_argument(
        "--school",
        metavar="FILE",
        action="append",
        default=[],
        help="eigen vrije dagen en klassenraden van de school, per schooljaar (herhaalbaar)",
    )
    parser.add_argument("--van", type=_datum, help="eerste dag van de planning (JJJJ-MM-DD)")
    parser.add_argument("--tot", type=_datum, help="laatste dag van de planning (JJJJ-MM-DD)")
    parser.add_argument("--dagen", type=_weekdagen, default=(), help="voorkeursdagen, bv. ma,do")
    parser.add_argument(
        "--uren",
        type=_tijdstippen,
        default=None,
        help="beginuren van het eerste, tweede, ... bezoek van een dag (standaard 10:00,13:30)",
    )
    parser.add_argument(
        "--duur",
        type=_duur,
        default=60,
        help=f"duur van een gesprek in minuten, van {_DUUR[0]} tot {_DUUR[1]}",
    )
    parser.add_argument(
        "--max-per-dag", type=_positief, default=2, help="hoogstens zoveel bezoeken per dag"
    )
    parser.add_argument(
        "--gesprek",
        metavar="TRAJECT=DATUM",
        action="append",
        default=[],
        help="nog een gesprek dat al gepland of gehouden is, naast die in het traject, of "
        "het uur van een gesprek dat het traject op die dag opneemt: "
        "TRJ-2025-0042=2025-10-14 of TRJ-2025-0042=2025-10-14T09:30 (herhaalbaar; het "
        "traject mag weg bij één traject)",
    )
    parser.add_argument(
        "--ics",
        metavar="FILE",
        help="schrijf alle gesprekken in één .ics-bestand; '-' schrijft het naar de uitvoer",
    )
    parser.add_argument(
        "--ics-dir", metavar="DIR", help="schrijf één .ics-bestand per traject in deze map"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _bestanden(paths: Sequence[str]) -> list[Path]:
    """The traject files to read: the files named, and the traject files in the folders.

    In a folder only the head of a file is read to tell a traject; a file that cannot be
    read is kept, for the loader to say why.
    """
    found: list[Path] = []
    for name in paths:
        if not name:
            load(name)  # an empty name is no folder to search: the loader says so
        path = Path(name)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.suffix.lower() in (".yaml", ".yml", ".json") and file.is_file():
                    try:
                        head = read_head(file, 4096).decode("utf-8", errors="replace")
                    except OSError:
                        found.append(file)
                        continue
                    if "duaal-leren/traject@" in head:
                        found.append(file)
        else:
            found.append(path)
    return found


def _bestaande(args: argparse.Namespace, trajecten: Sequence[Traject]) -> dict[str, list[Bestaand]]:
    # The conversations a traject records are kept; --gesprek adds to them, or gives one
    # of them its time.
    result: dict[str, list[Bestaand]] = {t.id: list(_opgenomen(t)) for t in trajecten}
    by_id = {t.id: t for t in trajecten}
    for spec in args.gesprek:
        traject_id, sep, when = spec.rpartition("=")
        if not sep and len(trajecten) == 1:
            traject_id = trajecten[0].id
        if traject_id not in by_id:
            raise PlanningError(
                f"--gesprek {spec!r}: onbekend traject {traject_id!r}",
                f"--gesprek {spec!r}: unknown traject {traject_id!r}",
            )
        value: Bestaand
        try:
            value = dt.datetime.fromisoformat(when) if "T" in when else dt.date.fromisoformat(when)
        except ValueError:
            raise PlanningError(
                f"--gesprek {spec!r}: geen datum of tijdstip (2025-10-14 of 2025-10-14T09:30)",
                f"--gesprek {spec!r}: not a date or time (2025-10-14 or 2025-10-14T09:30)",
            ) from None
        day = value.date() if isinstance(value, dt.datetime) else value
        contract = by_id[traject_id].overeenkomst
        if not contract.start <= day <= contract.einde:
            raise PlanningError(
                f"--gesprek {spec!r}: {day.isoformat()} valt buiten de overeenkomst van "
                f"traject {traject_id} ({contract.start.isoformat()} tot "
                f"{contract.einde.isoformat()})",
                f"--gesprek {spec!r}: {day.isoformat()} is outside the contract of traject "
                f"{traject_id} ({contract.start.isoformat()} to {contract.einde.isoformat()})",
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
        "cadans": schema.cadans.tekst(),
        "van": schema.van.isoformat(),
        "tot": schema.tot.isoformat(),
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
    lang = _lang(args)
    lines = [
        f"Traject {schema.traject}: "
        + _t(args, "lerende", "learner")
        + f" {schema.lerende}, {schema.werkplek}",
        "  "
        + _t(args, "cadans", "cadence")
        + f": {schema.cadans.tekst(lang)}, "
        + _t(args, f"van {schema.van} tot {schema.tot}", f"from {schema.van} to {schema.tot}"),
    ]
    for i, g in enumerate(schema.gesprekken, 1):
        status = (
            _t(args, "al vastgelegd", "already recorded")
            if g.bestaand
            else _t(args, "voorstel", "proposed")
        )
        lines.append(
            f"  {i:>2}  {_weekday(args, g.datum)} {g.datum.isoformat()} "
            f"{g.start.format('HH:mm')}-{g.einde.format('HH:mm')}  {status}"
        )
    periods = schema.begeleidingsperiodes()
    lines.append(
        "  "
        + _t(args, "begeleidingsperiodes", "begeleidingsperiodes")
        + f": {len(periods)} ("
        + _t(args, "werkplekdagen", "workplace days")
        + ": "
        + ", ".join(str(p.werkplekdagen) for p in periods)
        + ")"
    )
    if schema.onplanbaar:
        lines.append(
            "  "
            + _t(args, "geen dag gevonden rond", "no day found near")
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


def _run_planning(args: argparse.Namespace, out: TextIO) -> int:
    from duaal_leren.ical import save_ical, to_ical

    files = _bestanden(args.trajecten)
    if not files:
        raise PlanningError(
            "geen trajecten gevonden in " + ", ".join(args.trajecten),
            "no trajecten found in " + ", ".join(args.trajecten),
        )
    inputs = [*files, *(Path(p) for p in args.school)]
    _uitvoer(args, inputs)
    trajecten = [load(file, Traject) for file in files]
    kalenders = [schoolkalender(eigen=e) for e in _schoolkalenders(args.school)]
    voorkeur = Voorkeur(weekdagen=args.dagen, duur=pendulum.duration(minutes=args.duur))
    if args.uren:
        voorkeur = attrs.evolve(voorkeur, tijdstippen=args.uren)
    caseload = plan_caseload(
        trajecten,
        cadans(args.cadans) if args.cadans else None,
        max_per_dag=args.max_per_dag,
        kalender=kalenders,
        voorkeur=voorkeur,
        bestaande=_bestaande(args, trajecten),
        van=args.van,
        tot=args.tot,
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
        out.write(json.dumps(planning_data(caseload), ensure_ascii=False, indent=2) + "\n")
    else:
        blocks = ["\n".join(_schema_text(args, s)) for s in caseload.schemas]
        out.write(printable("\n\n".join(blocks)) + "\n")
    return EXIT_OK


PLANNING_COMMAND = Command(
    "planning",
    "plan de opvolgingsgesprekken van trajecten / plan the follow-up conversations of trajecten",
    _configure_planning,
    _run_planning,
)
