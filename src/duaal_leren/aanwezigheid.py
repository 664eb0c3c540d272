r"""Attendance at the workplace (aanwezigheden): what actually happened, day by day.

An attendance record (`Aanwezigheden`, the document kind ``aanwezigheden``) belongs to one
traject and holds, per date, the hours the learner worked at the workplace, or an absence
with its kind (`Aanwezigheidsstatus`: ziekte, gewettigd, ongewettigd, andere), and whether, when, by whom
and to whom the absence was reported (`Melding`). It holds no reason and no free text: the
kind of an absence is all a school and a company need to know, and a health detail is never
stored. A record is read like every document (YAML or JSON, ``schema:
duaal-leren/aanwezigheden@1``) or imported from the CSV of a time clock or a spreadsheet
(`Aanwezigheden.from_csv`): every bad line is reported with its number and nothing is
imported until every line is good.

`duaal_leren.uren` sets a record against the traject's schedule (planned against actual);
the rules of ``validation`` check it against the schedule, the school holidays and the
agreement on reporting absences (`duaal_leren.traject.Meldingsafspraak`).

Example:
    >>> record = Aanwezigheden.from_csv(
    ...     "datum,uren,status\n2025-10-06,7.6,aanwezig\n2025-10-08,,ziekte\n",
    ...     traject="TRJ-2025-0063",
    ... )
    >>> [(d.datum.isoformat(), d.uren, d.status.value) for d in record.dagen]
    [('2025-10-06', 7.6, 'aanwezig'), ('2025-10-08', 0.0, 'ziekte')]

References:
    Leidraad opstartgesprek voor leerwerkplekken (2023), "Praktische afspraken": "Hoe
        brengen bedrijf en school elkaar op de hoogte indien de lerende afwezig is?"
"""

from __future__ import annotations

import csv
import enum
import io
import math
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, overload

import attrs
import pendulum

from duaal_leren import _views
from duaal_leren._files import write_atomic
from duaal_leren._validators import (
    FIRST_DAY,
    LAST_DAY,
    in_range,
    non_empty,
    typed_fields,
    validator,
)
from duaal_leren.exceptions import DocumentError, FieldError, Problem, excerpt
from duaal_leren.traject import Meldpartij

__all__ = [
    "AFWEZIGHEDEN",
    "CSV_KOLOMMEN",
    "Aanwezigheden",
    "Aanwezigheid",
    "Aanwezigheidsstatus",
    "Melding",
]


class Aanwezigheidsstatus(enum.Enum):
    """What happened on a day: the learner was at the workplace, or absent, and why (kind only)."""

    AANWEZIG = "aanwezig"
    """At the workplace, for the hours recorded."""
    ZIEKTE = "ziekte"
    """Absent through illness; no health detail is recorded, only the kind."""
    GEWETTIGD = "gewettigd"
    """A legitimate absence (a family event, a summons, ...)."""
    ONGEWETTIGD = "ongewettigd"
    """An unexcused absence."""
    ANDERE = "andere"
    """Another absence."""

    @property
    def afwezig(self) -> bool:
        """Whether the status is an absence."""
        return self is not Aanwezigheidsstatus.AANWEZIG


AFWEZIGHEDEN = tuple(s for s in Aanwezigheidsstatus if s.afwezig)
"""The kinds of absence, in the order of `Aanwezigheidsstatus`."""


@attrs.frozen(field_transformer=typed_fields)
class Melding:
    """How an absence was reported.

    Attributes:
        datum: The day it was reported.
        door: Who reported it.
        aan: Who was told.
    """

    datum: pendulum.Date
    door: Meldpartij | None = None
    aan: tuple[Meldpartij, ...] = ()


@attrs.frozen(field_transformer=typed_fields)
class Aanwezigheid:
    """One day of the record: the hours worked at the workplace, or an absence.

    Attributes:
        datum: The day.
        status: ``aanwezig``, or the kind of absence.
        uren: The hours worked at the workplace that day (0 for a whole day's absence; an
            absence for part of the day keeps the hours worked).
        melding: How the absence was reported, when it was.
    """

    datum: pendulum.Date
    status: Aanwezigheidsstatus = Aanwezigheidsstatus.AANWEZIG
    uren: float = attrs.field(default=0.0, validator=in_range(0, 24))
    melding: Melding | None = None


def _unique_days(name: str, value: Sequence[Aanwezigheid]) -> None:
    seen: set[pendulum.Date] = set()
    for day in value:
        if day.datum in seen:
            raise FieldError(
                name,
                f"de dag {day.datum.isoformat()} staat meer dan eens in de lijst",
                f"the day {day.datum.isoformat()} is in the list more than once",
            )
        seen.add(day.datum)


_UNIQUE_DAYS = validator(_unique_days)

CSV_KOLOMMEN = ("datum", "uren", "status", "gemeld_op", "gemeld_door", "gemeld_aan")
"""The columns of an attendance CSV: the first three required, the reporting ones optional.

``gemeld_aan`` names one or more parties separated by ``;`` (or by ``|`` in a file whose
fields are separated by ``;``).
"""

_REQUIRED = CSV_KOLOMMEN[:3]
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_STATUSES = ", ".join(s.value for s in Aanwezigheidsstatus)
_PARTIES = ", ".join(p.value for p in Meldpartij)


@attrs.frozen(field_transformer=typed_fields)
class Aanwezigheden:
    """The attendance record of one traject: a document of its own.

    Attributes:
        traject: The id of the traject the record belongs to.
        dagen: The recorded days, each date once.

    Example:
        >>> import duaal_leren
        >>> record = duaal_leren.load("examples/aanwezigheden-noor-2025-10.yaml")
        >>> record.traject, len(record.dagen), record.dag(pendulum.date(2025, 10, 8)).status
        ('TRJ-2025-0063', 14, <Aanwezigheidsstatus.ZIEKTE: 'ziekte'>)
    """

    traject: str = attrs.field(validator=non_empty)
    dagen: tuple[Aanwezigheid, ...] = attrs.field(default=(), validator=_UNIQUE_DAYS)

    def dag(self, datum: pendulum.Date) -> Aanwezigheid | None:
        """The record of a day, if the day is recorded."""
        return next((d for d in self.dagen if d.datum == datum), None)

    @classmethod
    def from_csv(cls, text: str, *, traject: str, source: str = "<csv>") -> Aanwezigheden:
        """Import a record from CSV: a header row, then one day per line.

        The header names the columns ``datum,uren,status`` and, optionally,
        ``gemeld_op,gemeld_door,gemeld_aan`` (see `CSV_KOLOMMEN`), in any order. A file
        whose header is separated by ``;`` (a spreadsheet in Dutch) may write hours with a
        decimal comma. ``uren`` may be empty for an absence (0 hours). Blank lines are
        skipped.

        Args:
            text: The CSV text.
            traject: The id of the traject the record belongs to.
            source: The file's name, for the error message.

        Raises:
            DocumentError: A line is bad; every bad line is listed with its number, and
                nothing is imported.
        """
        return _from_csv(cls, text, traject, source)

    def __repr__(self) -> str:
        # One line of ids and counts: a notebook shows it, and it never lists the days.
        first = min((d.datum for d in self.dagen), default=None)
        last = max((d.datum for d in self.dagen), default=None)
        return _views.named_repr(
            "Aanwezigheden",
            traject=self.traject,
            schooljaren=_schooljaren(first, last),
            start=first.isoformat() if first else None,
            einde=last.isoformat() if last else None,
            dagen=len(self.dagen),
            afwezig=sum(1 for d in self.dagen if d.status.afwezig),
        )

    def csv(self) -> str:
        """The record as CSV text; the same as ``to_csv()`` without a path."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_KOLOMMEN)
        for day in self.dagen:
            melding = day.melding
            writer.writerow(
                [
                    day.datum.isoformat(),
                    f"{day.uren:g}",
                    day.status.value,
                    melding.datum.isoformat() if melding else "",
                    melding.door.value if melding and melding.door else "",
                    ";".join(p.value for p in melding.aan) if melding else "",
                ]
            )
        return buffer.getvalue()

    @overload
    def to_csv(self, path: None = None) -> str: ...
    @overload
    def to_csv(self, path: str | os.PathLike[str]) -> Path: ...
    def to_csv(self, path: str | os.PathLike[str] | None = None) -> str | Path:
        """The record as CSV with every column of `CSV_KOLOMMEN`; `from_csv` reads it back.

        Without ``path`` the text is returned; with it, the file is written whole or not at
        all and its path returned.

        Raises:
            WriteError: The file cannot be written; an existing file is left as it was.
        """
        text = self.csv()
        return text if path is None else write_atomic(path, text)


def _schooljaren(first: pendulum.Date | None, last: pendulum.Date | None) -> str | None:
    # A school year runs from 1 September (kalender.Schooljaar, a layer above the models).
    if first is None or last is None:
        return None
    start = first.year if first.month >= 9 else first.year - 1
    end = last.year if last.month >= 9 else last.year - 1
    return f"{start}-{start + 1}" if start == end else f"{start}-{start + 1} .. {end}-{end + 1}"


def _from_csv(cls: type[Aanwezigheden], text: str, traject: str, source: str) -> Aanwezigheden:
    problems: list[Problem] = []
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(rows)
    except StopIteration:
        header = []
    names = [name.strip().lower() for name in header]
    unknown = [n for n in names if n not in CSV_KOLOMMEN]
    missing = [n for n in _REQUIRED if n not in names]
    if unknown or missing or len(set(names)) != len(names):
        parts_nl, parts_en = [], []
        if missing:
            parts_nl.append("ontbrekende kolommen: " + ", ".join(missing))
            parts_en.append("missing columns: " + ", ".join(missing))
        if unknown:
            parts_nl.append("onbekende kolommen: " + ", ".join(excerpt(n) for n in unknown))
            parts_en.append("unknown columns: " + ", ".join(excerpt(n) for n in unknown))
        if len(set(names)) != len(names):
            parts_nl.append("een kolom staat er twee keer")
            parts_en.append("a column is there twice")
        raise DocumentError(
            source,
            [
                Problem(
                    "$",
                    "de kopregel moet de kolommen datum,uren,status hebben; " + "; ".join(parts_nl),
                    "the header row must name the columns datum,uren,status; "
                    + "; ".join(parts_en),
                    "ongeldige-kopregel",
                    1,
                )
            ],
        )
    seen: dict[pendulum.Date, int] = {}
    days: list[Aanwezigheid] = []
    index = 0
    try:
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            day = _row(row, names, rows.line_num, index, delimiter, problems, seen)
            index += 1
            if day is not None:
                days.append(day)
    except csv.Error as exc:
        problems.append(
            Problem(
                "$",
                f"geen geldige CSV ({excerpt(str(exc))})",
                f"not valid CSV ({excerpt(str(exc))})",
                "ongeldige-csv",
                rows.line_num,
            )
        )
    if problems:
        raise DocumentError(source, problems)
    return cls(traject, tuple(days))


def _row(
    row: list[str],
    names: list[str],
    line: int,
    index: int,
    delimiter: str,
    problems: list[Problem],
    seen: dict[pendulum.Date, int],
) -> Aanwezigheid | None:
    before = len(problems)

    def fail(column: str, nl: str, en: str, code: str = "ongeldige-waarde") -> None:
        problems.append(Problem(f"$.dagen[{index}].{column}", nl, en, code, line))

    if len(row) != len(names):
        problems.append(
            Problem(
                f"$.dagen[{index}]",
                f"de regel heeft {len(row)} velden; de kopregel {len(names)}",
                f"the line has {len(row)} fields; the header row {len(names)}",
                "ongeldige-regel",
                line,
            )
        )
        return None
    cells = {name: cell.strip() for name, cell in zip(names, row, strict=True)}
    datum = _date(cells["datum"], "datum", fail)
    status: Aanwezigheidsstatus | None = None
    try:
        status = Aanwezigheidsstatus(cells["status"].lower())
    except ValueError:
        fail(
            "status",
            f"{excerpt(cells['status'])} is geen status; kies uit {_STATUSES}",
            f"{excerpt(cells['status'])} is no status; choose from {_STATUSES}",
            "onbekende-keuze",
        )
    uren = _hours(cells["uren"], status, delimiter, fail)
    melding = _melding(cells, delimiter, fail)
    if datum is not None:
        if datum in seen:
            fail(
                "datum",
                f"de dag {datum.isoformat()} staat al op regel {seen[datum]}",
                f"the day {datum.isoformat()} is on line {seen[datum]} already",
                "dubbele-dag",
            )
        else:
            seen[datum] = line
    if len(problems) > before or datum is None or status is None or uren is None:
        return None
    return Aanwezigheid(datum, status, uren, melding)


def _date(text: str, column: str, fail: Any) -> pendulum.Date | None:
    if _DATE.fullmatch(text) and not FIRST_DAY[:4] <= text[:4] <= LAST_DAY[:4]:
        # The days a YAML or JSON document may name; a CSV no other.
        fail(
            column,
            f"de datum moet tussen {FIRST_DAY} en {LAST_DAY} liggen, gekregen: {excerpt(text)}",
            f"the date must lie between {FIRST_DAY} and {LAST_DAY}, got {excerpt(text)}",
            "ongeldige-datum",
        )
        return None
    if _DATE.fullmatch(text):
        try:
            return pendulum.Date.fromisoformat(text)
        except ValueError:
            pass
    fail(
        column,
        f"verwacht een datum als JJJJ-MM-DD, gekregen: {excerpt(text)}",
        f"expected a date as YYYY-MM-DD, got {excerpt(text)}",
        "ongeldige-datum",
    )
    return None


def _hours(
    text: str, status: Aanwezigheidsstatus | None, delimiter: str, fail: Any
) -> float | None:
    if not text:
        if status is Aanwezigheidsstatus.AANWEZIG:
            fail(
                "uren",
                "de uren ontbreken voor een dag aanwezig",
                "the hours are missing for a day present",
                "ontbrekend-veld",
            )
            return None
        return 0.0
    number = text.replace(",", ".") if delimiter == ";" else text
    try:
        hours = float(number)
    except ValueError:
        hours = math.nan
    if not math.isfinite(hours) or not 0 <= hours <= 24:
        fail(
            "uren",
            f"verwacht een aantal uren van 0 tot 24, gekregen: {excerpt(text)}",
            f"expected a number of hours from 0 to 24, got {excerpt(text)}",
        )
        return None
    return hours


def _melding(cells: dict[str, str], delimiter: str, fail: Any) -> Melding | None:
    op, door, aan = (cells.get(c, "") for c in CSV_KOLOMMEN[3:])
    if not (op or door or aan):
        return None
    datum = _date(op, "gemeld_op", fail) if op else None
    if not op:
        fail(
            "gemeld_op",
            "wie meldde of aan wie staat er, maar niet wanneer",
            "who reported or to whom is given, but not when",
            "ontbrekend-veld",
        )
    parties: list[Meldpartij] = []
    bad = False
    separator = "|" if delimiter == ";" else ";"
    columns = (
        ("gemeld_door", [door] if door else []),
        ("gemeld_aan", aan.split(separator) if aan else []),
    )
    for column, values in columns:
        for value in values:
            try:
                parties.append(Meldpartij(value.strip().lower()))
            except ValueError:
                # Every bad party of the line is reported, not only the first one.
                fail(
                    column,
                    f"{excerpt(value.strip())} is geen partij; kies uit {_PARTIES}",
                    f"{excerpt(value.strip())} is no party; choose from {_PARTIES}",
                    "onbekende-keuze",
                )
                bad = True
    if datum is None or bad:
        return None
    if door:
        return Melding(datum, parties[0], tuple(parties[1:]))
    return Melding(datum, None, tuple(parties))
