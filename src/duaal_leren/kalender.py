"""The Flemish school calendar (schoolkalender) of one school year.

A `Schoolkalender` knows, for one school year, the first and last school day, every free
period (the five school vacations, the weekday days off of the law and the school's own free
days and study days) and the legal holidays (feestdagen). The dates of the law come from the
`holidays` package (country ``BE``, the Flemish Community, categories ``school`` and
``public``, Dutch names); the school year's first and last day follow BVR 31-08-2001 art. 7
here, because `holidays` does not hold them, and so do the bounds of the Paasvakantie, which
`holidays` runs on to Easter Monday when Easter falls late. A school adds its own days in a small
`SchooleigenKalender` document (kind ``schoolkalender``). The calendar covers the school
years from `EERSTE_SCHOOLJAAR` to `LAATSTE_SCHOOLJAAR`, those for which `holidays` holds
the Flemish school holidays; another school year is refused rather than given without its
vacations.

A calendar is built once per school year and set of school days and then cached:
`schoolkalender` returns the same object for the same arguments. The days of the law are
read on first use from the package's table ``data/feestdagen-be.json``, made from `holidays`
(`_feestdagentabel`; a test keeps the two equal) because importing `holidays` imports each
of its some 250 countries; a school year the table lacks comes from `holidays` itself.

Example:
    >>> from duaal_leren.kalender import schoolkalender
    >>> kalender = schoolkalender("2025-2026")
    >>> kalender.eerste_schooldag, kalender.laatste_schooldag
    (Date(2025, 9, 1), Date(2026, 6, 30))
    >>> kalender.vrije_periodes[0]
    Vrijeperiode(naam='Herfstvakantie', start=Date(2025, 10, 27), einde=Date(2025, 11, 2), ...)

References:
    BVR 31-08-2001 houdende de organisatie van het schooljaar in het secundair onderwijs,
        art. 7 (school year, vacations and days off).
    duaalleren.vlaanderen (19-8-2019): dual learners are off in the herfst-, kerst-,
        krokus-, paas- and zomervakantie; other days without lessons are no vacation for
        them.
    commercetraining.be (FAQ): pedagogical study days are no school vacation.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import pendulum

from duaal_leren import _views
from duaal_leren._validators import non_empty, optional, typed_fields, validator
from duaal_leren.exceptions import (
    DocumentError,
    DuaalLerenError,
    FieldError,
    Problem,
    excerpt,
    shown_id,
)

__all__ = [
    "EERSTE_SCHOOLJAAR",
    "LAATSTE_SCHOOLJAAR",
    "Dagdeel",
    "Feestdag",
    "KalenderError",
    "SchooleigenDag",
    "SchooleigenKalender",
    "Schooleigensoort",
    "Schooljaar",
    "Schoolkalender",
    "Schoolkalenders",
    "Vrijeperiode",
    "Vrijesoort",
    "schoolkalender",
    "schoolkalenders",
]


class KalenderError(DuaalLerenError, ValueError):
    """A school year or calendar that cannot be made.

    Example:
        >>> from duaal_leren.kalender import KalenderError, Schooljaar
        >>> try:
        ...     Schooljaar.from_text("2025-2027")
        ... except KalenderError as error:
        ...     print(error.text("en"))
        '2025-2027' is not a school year; write it as 2025-2026
    """


def _date(value: dt.date) -> pendulum.Date:
    return pendulum.Date(value.year, value.month, value.day)


def _weekend(value: dt.date) -> bool:
    return value.isoweekday() >= 6


def _days(start: dt.date, end: dt.date) -> Iterator[pendulum.Date]:
    # By ordinal: pendulum's own date arithmetic costs more than the rest of the loop.
    for ordinal in range(start.toordinal(), end.toordinal() + 1):
        yield pendulum.Date.fromordinal(ordinal)


_SCHOOLJAAR = re.compile(r"([0-9]{4})-([0-9]{4})")


@attrs.frozen(eq=False, order=False)
class Schooljaar:
    """A Flemish school year: 1 September to 31 August, named like ``2025-2026``.

    Lessons run from 1 September to 30 June; the zomervakantie that follows belongs to the
    school year it ends.

    Attributes:
        startjaar: The calendar year in which the school year starts (2025 for 2025-2026).

    Example:
        >>> sj = Schooljaar.from_text("2025-2026")
        >>> sj.start, sj.einde, str(sj)
        (Date(2025, 9, 1), Date(2026, 8, 31), '2025-2026')
        >>> Schooljaar.from_date(pendulum.date(2026, 3, 2)) == sj
        True
    """

    startjaar: int

    @classmethod
    def from_text(cls, text: str) -> Schooljaar:
        """Read a school year written as ``2025-2026``.

        Raises:
            KalenderError: The text is not two consecutive years joined by a dash.
        """
        match = _SCHOOLJAAR.fullmatch(text.strip())
        if match is None or int(match.group(2)) != int(match.group(1)) + 1:
            raise KalenderError(
                f"{excerpt(text)} is geen schooljaar; schrijf het als 2025-2026",
                f"{excerpt(text)} is not a school year; write it as 2025-2026",
            )
        return cls(int(match.group(1)))

    @classmethod
    def from_date(cls, datum: dt.date) -> Schooljaar:
        """The school year a date belongs to (1 September to 31 August)."""
        return cls(datum.year if datum.month >= 9 else datum.year - 1)

    @property
    def start(self) -> pendulum.Date:
        """1 September, the school year's first day.

        Raises:
            KalenderError: The day lies before 1 January of year 1 or after 31 December
                9999, where no date can be given (school year 0-1 holds only the first
                dates there are).
        """
        return _dag(self, self.startjaar, 9, 1)

    @property
    def einde(self) -> pendulum.Date:
        """31 August, the school year's last day (the end of the zomervakantie).

        Raises:
            KalenderError: The day lies after 31 December 9999 (school year 9999-10000) or
                before year 1.
        """
        return _dag(self, self.startjaar + 1, 8, 31)

    def __contains__(self, datum: object) -> bool:
        # By the year alone, so that every date belongs to its school year, also one whose
        # first or last day lies beyond the dates there are.
        if not isinstance(datum, dt.date):
            return False
        return (datum.year if datum.month >= 9 else datum.year - 1) == self.startjaar

    def __str__(self) -> str:
        return f"{self.startjaar}-{self.startjaar + 1}"

    # Equality, hash and order by the year, written out: a plan or a validation looks a
    # school year up for every day, and attrs' generated methods build tuples to compare.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.startjaar == other.startjaar

    def __ne__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.startjaar != other.startjaar

    def __hash__(self) -> int:
        return hash((Schooljaar, self.startjaar))

    def __lt__(self, other: Schooljaar) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.startjaar < other.startjaar

    def __le__(self, other: Schooljaar) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.startjaar <= other.startjaar

    def __gt__(self, other: Schooljaar) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.startjaar > other.startjaar

    def __ge__(self, other: Schooljaar) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.startjaar >= other.startjaar


def _dag(jaar: Schooljaar, year: int, month: int, day: int) -> pendulum.Date:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise KalenderError(
            f"schooljaar {jaar} begint of eindigt buiten de datums die bestaan "
            f"(jaar {dt.MINYEAR} tot {dt.MAXYEAR})",
            f"school year {jaar} starts or ends outside the dates there are "
            f"(year {dt.MINYEAR} to {dt.MAXYEAR})",
        )
    return pendulum.Date(year, month, day)


# `holidays` computes the Flemish school holidays from 2010 (earlier years come back without
# them) up to its last year, 2100; BVR 31-08-2001 applies from 2001-2002. A school year
# needs both of its calendar years.
EERSTE_SCHOOLJAAR = Schooljaar(2010)
"""The first school year the calendar covers: 2010-2011."""
LAATSTE_SCHOOLJAAR = Schooljaar(2099)
"""The last school year the calendar covers: 2099-2100."""


def _ondersteund(jaar: Schooljaar) -> None:
    if not EERSTE_SCHOOLJAAR <= jaar <= LAATSTE_SCHOOLJAAR:
        raise KalenderError(
            f"schooljaar {jaar} valt buiten de schoolkalender: die kent de schooljaren "
            f"{EERSTE_SCHOOLJAAR} tot {LAATSTE_SCHOOLJAAR}",
            f"school year {jaar} is outside the school calendar: it covers the school years "
            f"{EERSTE_SCHOOLJAAR} to {LAATSTE_SCHOOLJAAR}",
        )


class Vrijesoort(enum.Enum):
    """What kind of free period a day belongs to; it decides who is off."""

    VAKANTIE = "vakantie"
    """A school vacation: herfst-, kerst-, krokus-, paas- or zomervakantie. Dual learners are
    off too: their contract is suspended (R-HOLIDAY)."""
    FEESTDAG = "feestdag"
    """A legal holiday on a school day (11 November, 1 May, ...): off at school and at work."""
    VRIJE_DAG = "vrije-dag"
    """Another day off of the law (the Friday after Ascension): no school, but no vacation:
    a workplace day stays a workplace day."""
    SCHOOLEIGEN = "schooleigen"
    """A free day or study day of the school itself: no lessons; no vacation either."""


@attrs.frozen(field_transformer=typed_fields)
class Vrijeperiode:
    """Consecutive days off with the same name, such as the Herfstvakantie.

    Attributes:
        naam: Its Dutch name (``Herfstvakantie``, ``Wapenstilstand``, ...).
        start: The first day off.
        einde: The last day off, included.
        soort: Vacation, legal holiday, other day off, or the school's own.
    """

    naam: str
    start: pendulum.Date
    einde: pendulum.Date
    soort: Vrijesoort

    def __contains__(self, datum: object) -> bool:
        return isinstance(datum, dt.date) and self.start <= datum <= self.einde

    @property
    def dagen(self) -> int:
        """How many days the period holds, weekends included."""
        return self.einde.toordinal() - self.start.toordinal() + 1


@attrs.frozen(field_transformer=typed_fields)
class Feestdag:
    """A legal holiday in Belgium (category ``public`` of `holidays`).

    Attributes:
        datum: The day.
        naam: Its Dutch name.
    """

    datum: pendulum.Date
    naam: str


class Schooleigensoort(enum.Enum):
    """The kinds of days a school sets itself."""

    FACULTATIEVE_VRIJE_DAG = "facultatieve-vrije-dag"
    """One full or two half free days the school chooses."""
    PEDAGOGISCHE_STUDIEDAG = "pedagogische-studiedag"
    """A study day for the teachers: no lessons."""
    ANDERE = "andere"
    """Any other day without lessons."""

    @property
    def label(self) -> str:
        """The Dutch name used when a day has no name of its own."""
        return {
            "facultatieve-vrije-dag": "Facultatieve vrije dag",
            "pedagogische-studiedag": "Pedagogische studiedag",
            "andere": "Vrije dag",
        }[self.value]


class Dagdeel(enum.Enum):
    """Which part of a day is free."""

    DAG = "dag"
    VOORMIDDAG = "voormiddag"
    NAMIDDAG = "namiddag"


def _schooljaar_text(name: str, value: Any) -> None:
    if not isinstance(value, str):
        return
    try:
        Schooljaar.from_text(value)
    except KalenderError:
        raise FieldError(
            name,
            f"{excerpt(value)} is geen schooljaar (zoals '2025-2026')",
            f"{excerpt(value)} is not a school year (such as '2025-2026')",
        ) from None


_schooljaar_validator = validator(_schooljaar_text, {"pattern": r"^[0-9]{4}-[0-9]{4}$"})


@attrs.frozen(field_transformer=typed_fields)
class SchooleigenDag:
    """A free day or study day the school sets itself, or a run of them.

    Attributes:
        datum: The (first) day.
        soort: Facultative free day, pedagogical study day, or another day without lessons.
        naam: Its name in the calendar; by default the kind's name.
        einde: The last day, for a run of days; by default the same day.
        dagdeel: ``dag`` for a whole day; ``voormiddag`` or ``namiddag`` for a half day,
            which stays a school day.
    """

    datum: pendulum.Date
    soort: Schooleigensoort = Schooleigensoort.FACULTATIEVE_VRIJE_DAG
    naam: str | None = attrs.field(default=None, validator=optional(non_empty))
    einde: pendulum.Date | None = None
    dagdeel: Dagdeel = Dagdeel.DAG

    @property
    def titel(self) -> str:
        """The name shown in the calendar."""
        return self.naam or self.soort.label

    @property
    def laatste(self) -> pendulum.Date:
        """The last day, included."""
        return self.einde or self.datum


@attrs.frozen(field_transformer=typed_fields)
class SchooleigenKalender:
    """A school's own days for one school year: free days, study days and klassenraden.

    The document kind ``schoolkalender`` (``schema: duaal-leren/schoolkalender@1``). The
    vacations and days off of the law are not listed: they follow from the school year.

    Attributes:
        school: The school's name.
        schooljaar: The school year, such as ``2025-2026``.
        vrije_dagen: The school's own free days and study days.
        klassenraden: The days of the klassenraden; follow-up conversations can be planned
            before each.

    Example:
        >>> import duaal_leren
        >>> eigen = duaal_leren.load("examples/schoolkalender-de-vonk-2025-2026.yaml")
        >>> eigen.school, len(eigen.vrije_dagen)
        ('Technisch Instituut De Vonk (fictief)', 5)
    """

    school: str = attrs.field(validator=non_empty)
    schooljaar: str = attrs.field(validator=_schooljaar_validator)
    vrije_dagen: tuple[SchooleigenDag, ...] = ()
    klassenraden: tuple[pendulum.Date, ...] = ()


def _flemish_subdivision(subdivisions: tuple[str, ...]) -> str:
    # `holidays` names the Flemish Community "Flemish"; accept the ISO-like code as well,
    # so that a release that renames it keeps working.
    for code in ("Flemish", "VLG"):
        if code in subdivisions:
            return code
    raise KalenderError(  # pragma: no cover - depends on the installed holidays
        "deze versie van 'holidays' kent de Vlaamse Gemeenschap niet",
        "this version of 'holidays' does not know the Flemish Community",
    )


_FEESTDAGEN_FILE = "feestdagen-be.json"
"""The days off of the law per school year, as `holidays` gives them (`_feestdagentabel`)."""

_BRON = (
    "holidays: country BE, subdivision Flemish (categories school) and the whole country "
    "(category public), language nl"
)

_Tables = tuple[dict[dt.date, str], dict[dt.date, str]]
_EEN_DAG = dt.timedelta(days=1)


def _uit_holidays(startjaar: int) -> _Tables:
    """What `holidays` gives for one school year: school days off, legal holidays.

    Importing `holidays` imports every one of its some 250 countries (about 50 ms): the
    package's own table (`_uit_tabel`) holds the same days for every supported school year,
    and this is its source and the fallback for a school year it does not hold.
    """
    import holidays
    from holidays.countries.belgium import Belgium

    years = (startjaar, startjaar + 1)
    subdiv = _flemish_subdivision(tuple(Belgium.subdivisions))
    school = holidays.country_holidays(
        "BE", subdiv=subdiv, categories=("school",), language="nl", years=years
    )
    public = holidays.country_holidays("BE", categories=("public",), language="nl", years=years)
    jaar = Schooljaar(startjaar)

    def table(source: Any) -> dict[dt.date, str]:
        result: dict[dt.date, str] = {}
        for day in sorted(source):
            if day in jaar:
                names: list[str] = source.get_list(day)
                # A vacation names the period a day belongs to: prefer it when a day has
                # more than one name.
                vacation = [n for n in names if n.endswith("vakantie")]
                result[day] = (vacation or names)[0]
        return result

    return table(school), table(public)


def _feestdagentabel(
    eerste: Schooljaar = EERSTE_SCHOOLJAAR, laatste: Schooljaar = LAATSTE_SCHOOLJAAR
) -> dict[str, Any]:
    """The table of ``data/feestdagen-be.json``, computed from `holidays`.

    `holidays` stays the source of truth: this makes the package's table from it (a test
    compares the two), and ``python -m duaal_leren.kalender --genereer-feestdagen`` writes
    it after an upgrade of `holidays`. A school year maps to its school days off, as runs of
    days with one name (``[first, last, name]``), and its legal holidays (``[day, name]``),
    from 1 September to 31 August, before the Paasvakantie gets the bounds of the law.

    Args:
        eerste: The first school year in the table.
        laatste: The last school year in the table.
    """
    schooljaren: dict[str, Any] = {}
    for startjaar in range(eerste.startjaar, laatste.startjaar + 1):
        school, public = _uit_holidays(startjaar)
        runs: list[list[str]] = []
        last: dt.date | None = None
        for day, name in school.items():
            if runs and last is not None and runs[-1][2] == name and day == last + _EEN_DAG:
                runs[-1][1] = day.isoformat()
            else:
                runs.append([day.isoformat(), day.isoformat(), name])
            last = day
        schooljaren[str(startjaar)] = {
            "school": runs,
            "feestdagen": [[day.isoformat(), name] for day, name in public.items()],
        }
    return {"bron": _BRON, "schooljaren": schooljaren}


@functools.cache
def _tabel() -> dict[str, Any]:
    # The package's own data, read with the standard library on first use; the package's
    # files are plain files next to this module (hatch packages data/ with the sources).
    import json
    from pathlib import Path

    path = Path(__file__).with_name("data") / _FEESTDAGEN_FILE
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["schooljaren"]
    return data


def _uit_tabel(startjaar: int) -> _Tables | None:
    """The days off of one school year from the package's table, or None if it lacks it."""
    entry = _tabel().get(str(startjaar))
    if entry is None:
        return None
    jaar = Schooljaar(startjaar)
    school: dict[dt.date, str] = {}
    for first, last, name in entry["school"]:
        start, einde = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        for ordinal in range(start.toordinal(), einde.toordinal() + 1):
            school[dt.date.fromordinal(ordinal)] = name
    public = {dt.date.fromisoformat(day): name for day, name in entry["feestdagen"]}
    if not all(day in jaar for day in (*school, *public)):  # pragma: no cover - tested data
        raise KalenderError(
            f"{_FEESTDAGEN_FILE} geeft voor schooljaar {jaar} dagen buiten dat schooljaar",
            f"{_FEESTDAGEN_FILE} gives days outside school year {jaar} for it",
        )
    return school, public


@functools.cache
def _wettelijke_dagen(startjaar: int) -> _Tables:
    """The days off of the law for one school year: school days off, legal holidays.

    Built once per school year, on first use, from the package's table; a school year the
    table does not hold comes from `holidays` itself.
    """
    tables = _uit_tabel(startjaar)
    school, public = tables if tables is not None else _uit_holidays(startjaar)
    _paasvakantie(school, public, Schooljaar(startjaar))
    return school, public


def _paasvakantie(school: dict[dt.date, str], public: dict[dt.date, str], jaar: Schooljaar) -> None:
    """Give the Paasvakantie the bounds of BVR 31-08-2001 art. 7, in place.

    Two weeks from the first Monday of April; from Easter Monday when Easter is in March;
    from the second Monday before Easter when Easter is after 15 April, with Easter Monday
    an extra day off after it. `holidays` runs the vacation on to Easter Monday whenever
    Easter falls on or after 14 April; the published calendars end it on Easter Sunday and
    list Easter Monday as a day off of its own. The days off are the same; the bounds, which
    schedules, the iCalendar export and the holiday rule use, are not.
    """
    # Easter Sunday is the one Belgian legal holiday on a Sunday in March or April: taking it
    # from the table of `holidays` keeps Easter computed in one place.
    pasen = next(
        (
            d
            for d in public
            if d.month in (3, 4) and d.isoweekday() == 7 and d.year > jaar.startjaar
        ),
        None,
    )
    if pasen is None:  # pragma: no cover - every year of the supported range has Easter
        return
    if pasen.month == 3:
        start = pasen + dt.timedelta(days=1)
    elif pasen > dt.date(pasen.year, 4, 15):
        start = pasen - dt.timedelta(days=13)
    else:
        april = dt.date(pasen.year, 4, 1)
        start = april + dt.timedelta(days=(7 - april.weekday()) % 7)
    einde = start + dt.timedelta(days=13)
    name = school.get(start, "Paasvakantie")
    for day in [d for d, n in school.items() if n == name and not start <= d <= einde]:
        # A legal holiday (Easter Monday) stays off through the public table.
        del school[day]
    for day in _days(start, einde):
        school[dt.date(day.year, day.month, day.day)] = name


def _eerste_schooldag(jaar: Schooljaar) -> pendulum.Date:
    # BVR 31-08-2001 art. 7: 1 September, or the Monday after when it is a weekend day.
    day = jaar.start
    while _weekend(day):
        day = day.add(days=1)
    return day


def _laatste_schooldag(jaar: Schooljaar) -> pendulum.Date:
    # BVR 31-08-2001 art. 7: 30 June, or the Friday before when it is a weekend day.
    day = pendulum.Date(jaar.startjaar + 1, 6, 30)
    while _weekend(day):
        day = day.subtract(days=1)
    return day


def _eigen_problemen(eigen: SchooleigenKalender, jaar: Schooljaar) -> list[Problem]:
    problems = []
    for i, dag in enumerate(eigen.vrije_dagen):
        path = f"$.vrije_dagen[{i}]"
        for field, value in (("datum", dag.datum), ("einde", dag.einde)):
            if value is not None and value not in jaar:
                problems.append(
                    Problem(
                        f"{path}.{field}",
                        f"{value.isoformat()} valt niet in schooljaar {jaar}",
                        f"{value.isoformat()} is not in school year {jaar}",
                        "buiten-schooljaar",
                    )
                )
        if dag.einde is not None and dag.einde < dag.datum:
            problems.append(
                Problem(
                    f"{path}.einde",
                    f"het einde {dag.einde.isoformat()} ligt voor de start {dag.datum.isoformat()}",
                    f"the end {dag.einde.isoformat()} is before the start {dag.datum.isoformat()}",
                    "einde-voor-start",
                )
            )
        if dag.einde is not None and dag.dagdeel is not Dagdeel.DAG:
            problems.append(
                Problem(
                    f"{path}.dagdeel",
                    "een halve vrije dag is één dag; laat 'einde' weg",
                    "a half free day is one day; leave out 'einde'",
                    "ongeldige-waarde",
                )
            )
    for i, day in enumerate(eigen.klassenraden):
        if day not in jaar:
            problems.append(
                Problem(
                    f"$.klassenraden[{i}]",
                    f"{day.isoformat()} valt niet in schooljaar {jaar}",
                    f"{day.isoformat()} is not in school year {jaar}",
                    "buiten-schooljaar",
                )
            )
    return problems


@attrs.frozen(repr=False, cache_hash=True)
class Schoolkalender:
    """The calendar of one Flemish school year, with the school's own days.

    Make one with `schoolkalender`, which caches it.

    Attributes:
        schooljaar: The school year.
        eerste_schooldag: 1 September, or the Monday after when that is a weekend day.
        laatste_schooldag: 30 June, or the Friday before when that is a weekend day.
        vrije_periodes: Every free period from 1 September to 31 August, in date order,
            ending with the zomervakantie. A period that holds no weekday (11 November on a
            Saturday) is left out: the law grants no replacement day.
        feestdagen: Every legal holiday from 1 September to 31 August, weekends included.
        halve_vrije_dagen: The school's half free days; they stay school days.
        klassenraden: The school's klassenraden.
        school: The school's name, when the calendar holds its own days.
    """

    schooljaar: Schooljaar
    eerste_schooldag: pendulum.Date
    laatste_schooldag: pendulum.Date
    vrije_periodes: tuple[Vrijeperiode, ...]
    feestdagen: tuple[Feestdag, ...]
    halve_vrije_dagen: tuple[SchooleigenDag, ...] = ()
    klassenraden: tuple[pendulum.Date, ...] = ()
    school: str | None = None
    _vrij: dict[dt.date, Vrijeperiode] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _feest: dict[dt.date, str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    # The same days as ordinals, for loops over many days (the weekly hours of a caseload).
    _vakantie_ordinals: frozenset[int] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _feest_ordinals: frozenset[int] = attrs.field(init=False, eq=False, repr=False, hash=False)
    # Every school day, in order and as a set: planning asks about each day of a contract.
    _schooldagen: tuple[pendulum.Date, ...] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _schooldag_set: frozenset[dt.date] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __repr__(self) -> str:
        # A notebook or a log shows a short line, never every day of the year.
        return _views.short_repr(self)

    def _repr_html_(self) -> str:
        return _views.html(self)

    def __attrs_post_init__(self) -> None:
        vrij = {
            day: period
            for period in self.vrije_periodes
            for day in _days(period.start, period.einde)
        }
        object.__setattr__(self, "_vrij", vrij)
        object.__setattr__(self, "_feest", {f.datum: f.naam for f in self.feestdagen})
        vakantie = (d.toordinal() for d, p in vrij.items() if p.soort is Vrijesoort.VAKANTIE)
        object.__setattr__(self, "_vakantie_ordinals", frozenset(vakantie))
        object.__setattr__(
            self, "_feest_ordinals", frozenset(f.datum.toordinal() for f in self.feestdagen)
        )
        schooldagen = tuple(
            day
            for day in _days(self.eerste_schooldag, self.laatste_schooldag)
            if not _weekend(day) and day not in vrij
        )
        object.__setattr__(self, "_schooldagen", schooldagen)
        object.__setattr__(self, "_schooldag_set", frozenset(schooldagen))

    def __contains__(self, datum: object) -> bool:
        return datum in self.schooljaar

    def vrije_periode(self, datum: dt.date) -> Vrijeperiode | None:
        """The free period a day lies in, or None."""
        return self._vrij.get(datum)

    def is_schooldag(self, datum: dt.date) -> bool:
        """Whether the school gives lessons on a day.

        A school day is a weekday from the first to the last school day that lies in no free
        period. A half free day is a school day.

        Example:
            >>> from duaal_leren.kalender import schoolkalender
            >>> kalender = schoolkalender("2025-2026")
            >>> kalender.is_schooldag(pendulum.date(2025, 11, 11))  # Wapenstilstand
            False
            >>> kalender.is_schooldag(pendulum.date(2025, 11, 12))
            True
        """
        if datum.__class__ is pendulum.Date or datum.__class__ is dt.date:
            return datum in self._schooldag_set
        return (  # a datetime, or another subclass: compared as before
            self.eerste_schooldag <= datum <= self.laatste_schooldag
            and not _weekend(datum)
            and datum not in self._vrij
        )

    def is_vakantie(self, datum: dt.date) -> bool:
        """Whether a day lies in a school vacation (herfst-, kerst-, krokus-, paas-, zomer-)."""
        period = self._vrij.get(datum)
        return period is not None and period.soort is Vrijesoort.VAKANTIE

    def is_feestdag(self, datum: dt.date) -> bool:
        """Whether a day is a legal holiday, on a weekday or not."""
        return datum in self._feest

    def schooldagen(
        self, start: dt.date | None = None, einde: dt.date | None = None
    ) -> tuple[pendulum.Date, ...]:
        """The school days of the year, or of the part of it from ``start`` to ``einde``.

        Args:
            start: The first day to consider (included); by default the first school day.
            einde: The last day to consider (included); by default the last school day.
        """
        days = self._schooldagen
        if start is None and einde is None:
            return days
        first = bisect.bisect_left(days, start) if start is not None else 0
        last = bisect.bisect_right(days, einde) if einde is not None else len(days)
        return days[first:last]

    @property
    def vakanties(self) -> tuple[Vrijeperiode, ...]:
        """The school vacations of the year, zomervakantie last."""
        return tuple(p for p in self.vrije_periodes if p.soort is Vrijesoort.VAKANTIE)


def _periods(days: list[tuple[pendulum.Date, str, Vrijesoort]]) -> tuple[Vrijeperiode, ...]:
    periods: list[Vrijeperiode] = []
    for day, name, soort in days:
        last = periods[-1] if periods else None
        if (
            last is not None
            and last.naam == name
            and last.soort is soort
            and last.einde.add(days=1) == day
        ):
            periods[-1] = attrs.evolve(last, einde=day)
        else:
            periods.append(Vrijeperiode(name, day, day, soort))
    return tuple(p for p in periods if any(not _weekend(d) for d in _days(p.start, p.einde)))


@functools.lru_cache(maxsize=64)
def _build(jaar: Schooljaar, eigen: SchooleigenKalender | None) -> Schoolkalender:
    if eigen is not None:
        problems = _eigen_problemen(eigen, jaar)
        if problems:
            raise DocumentError(
                f"schoolkalender {shown_id(eigen.school)} {eigen.schooljaar}", problems
            )
    school, public = _wettelijke_dagen(jaar.startjaar)
    own: dict[dt.date, SchooleigenDag] = {}
    halve: list[SchooleigenDag] = []
    for dag in eigen.vrije_dagen if eigen is not None else ():
        if dag.dagdeel is Dagdeel.DAG:
            for day in _days(dag.datum, dag.laatste):
                own.setdefault(day, dag)
        else:
            halve.append(dag)
    days: list[tuple[pendulum.Date, str, Vrijesoort]] = []
    for day in _days(jaar.start, jaar.einde):
        if day in school:
            name = school[day]
            if name.endswith("vakantie"):
                soort = Vrijesoort.VAKANTIE
            elif day in public:
                soort = Vrijesoort.FEESTDAG
            else:
                soort = Vrijesoort.VRIJE_DAG
            days.append((day, name, soort))
        elif day in public:
            days.append((day, public[day], Vrijesoort.FEESTDAG))
        elif day in own:
            days.append((day, own[day].titel, Vrijesoort.SCHOOLEIGEN))
    return Schoolkalender(
        schooljaar=jaar,
        eerste_schooldag=_eerste_schooldag(jaar),
        laatste_schooldag=_laatste_schooldag(jaar),
        vrije_periodes=_periods(days),
        feestdagen=tuple(Feestdag(_date(day), name) for day, name in sorted(public.items())),
        halve_vrije_dagen=tuple(sorted(halve, key=lambda d: d.datum)),
        klassenraden=tuple(sorted(set(eigen.klassenraden))) if eigen is not None else (),
        school=eigen.school if eigen is not None else None,
    )


def schoolkalender(
    schooljaar: Schooljaar | str | None = None, eigen: SchooleigenKalender | None = None
) -> Schoolkalender:
    """The calendar of a Flemish school year, built once and cached.

    Args:
        schooljaar: The school year, as a `Schooljaar` or as text like ``2025-2026``; by
            default the school year of ``eigen``.
        eigen: The school's own free days, study days and klassenraden.

    Returns:
        The calendar; the same object for the same arguments.

    Raises:
        KalenderError: No school year is given, it does not match that of ``eigen``, or it
            lies outside `EERSTE_SCHOOLJAAR` to `LAATSTE_SCHOOLJAAR`.
        DocumentError: A day of ``eigen`` lies outside its school year, or ends before it
            starts.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.kalender import schoolkalender
        >>> eigen = duaal_leren.load("examples/schoolkalender-de-vonk-2025-2026.yaml")
        >>> kalender = schoolkalender(eigen=eigen)
        >>> kalender.vrije_periode(pendulum.date(2025, 10, 15)).naam
        'Pedagogische studiedag'
        >>> kalender is schoolkalender("2025-2026", eigen)
        True
    """
    if schooljaar is None:
        if eigen is None:
            raise KalenderError(
                "geef een schooljaar of een schoolkalender",
                "give a school year or a school calendar",
            )
        schooljaar = eigen.schooljaar
    jaar = Schooljaar.from_text(schooljaar) if isinstance(schooljaar, str) else schooljaar
    _ondersteund(jaar)
    if eigen is not None and Schooljaar.from_text(eigen.schooljaar) != jaar:
        raise KalenderError(
            f"de schoolkalender van {eigen.school} is voor {eigen.schooljaar}, niet voor {jaar}",
            f"the school calendar of {eigen.school} is for {eigen.schooljaar}, not for {jaar}",
        )
    return _build(jaar, eigen)


class Schoolkalenders:
    """The calendar of every school year: the ones given, else the law's.

    What the functions that span several school years take as ``kalender``: one school's
    calendar, several (one per school year), or none. Make one with `schoolkalenders`, once
    per call, and pass it along: the calendars of the law are looked up (and cached by
    `schoolkalender`) only for the school years asked for.

    Example:
        >>> from duaal_leren.kalender import schoolkalender, schoolkalenders
        >>> kalenders = schoolkalenders(schoolkalender("2025-2026"))
        >>> kalenders.voor(pendulum.date(2026, 10, 1)).schooljaar
        Schooljaar(startjaar=2026)
    """

    __slots__ = ("_by_year",)

    def __init__(self, kalenders: Iterable[Schoolkalender] = ()) -> None:
        # By the school year's first calendar year; the law's calendars join as they are
        # looked up, so that asking for every day of a contract costs a dict look-up a day.
        self._by_year: dict[int, Schoolkalender] = {k.schooljaar.startjaar: k for k in kalenders}

    def voor(self, wanneer: dt.date | Schooljaar) -> Schoolkalender:
        """The calendar of a school year, or of the school year a day lies in.

        Raises:
            KalenderError: No calendar was given for it and the law's calendar does not
                cover it (`EERSTE_SCHOOLJAAR` to `LAATSTE_SCHOOLJAAR`).
        """
        if isinstance(wanneer, Schooljaar):
            year = wanneer.startjaar
        else:
            year = wanneer.year if wanneer.month >= 9 else wanneer.year - 1
        found = self._by_year.get(year)
        if found is None:
            found = self._by_year[year] = schoolkalender(Schooljaar(year))
        return found

    def klassenraden(self, start: dt.date, einde: dt.date) -> list[pendulum.Date]:
        """The klassenraden of the given calendars from ``start`` to ``einde``, in order."""
        # Only a school's own calendar has klassenraden: the law's calendars have none, so
        # the school years without a calendar given need not be built (nor known).
        days = {d for k in self._by_year.values() for d in k.klassenraden if start <= d <= einde}
        return sorted(days)


KalenderArg = Schoolkalender | Iterable[Schoolkalender] | Schoolkalenders | None
"""One school calendar, several (for several school years), `Schoolkalenders`, or None for
the law's calendar of every school year."""


def schoolkalenders(kalender: KalenderArg = None) -> Schoolkalenders:
    """The calendars a ``kalender`` argument names, made once.

    Args:
        kalender: One school calendar, several (for several school years), or None for the
            law's calendar of every school year. `Schoolkalenders` come back as they are.
    """
    if isinstance(kalender, Schoolkalenders):
        return kalender
    if isinstance(kalender, Schoolkalender):
        return Schoolkalenders((kalender,))
    return Schoolkalenders(kalender or ())


def _genereer_feestdagen(path: str | None = None) -> str:
    """Write ``data/feestdagen-be.json`` (or ``path``) from `holidays`; return the path."""
    import json
    from pathlib import Path

    from duaal_leren._files import write_atomic

    target = Path(path) if path else Path(__file__).with_name("data") / _FEESTDAGEN_FILE
    table = _feestdagentabel()

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    # Compact, one school year a line: a new release of `holidays` shows as a short diff.
    years = ",\n".join(
        f"{compact(year)}:{compact(entry)}" for year, entry in table["schooljaren"].items()
    )
    text = f'{{"bron":{compact(table["bron"])},"schooljaren":{{\n{years}\n}}}}\n'
    return str(write_atomic(target, text))


if __name__ == "__main__":  # pragma: no cover - run by hand after an upgrade of holidays
    # python -m duaal_leren.kalender --genereer-feestdagen [PATH]
    import sys

    if sys.argv[1:2] != ["--genereer-feestdagen"] or len(sys.argv) > 3:
        sys.exit("gebruik / usage: python -m duaal_leren.kalender --genereer-feestdagen [PATH]")
    print(_genereer_feestdagen(sys.argv[2] if len(sys.argv) == 3 else None))
