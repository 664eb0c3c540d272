"""Workplace days and hours of a traject, and the plan of its follow-up conversations.

From a traject's weekly pattern (`Weekpatroon`), its contract and the school calendar
(`Schoolkalender`), this module finds the days the learner is at the workplace and at school,
the workplace hours per week and their yearly average as the decree counts it, and what the
holiday rule (R-HOLIDAY) needs to know. It then plans the opvolgingsgesprekken of a traject,
or of a trajectbegeleider's whole caseload: on days the learner is at the workplace and the
school is open, never in a vacation or on a day off, at a cadence, kept stable when
conversations were already planned or held. The periods between conversations are the
begeleidingsperiodes.

Times are pendulum DateTimes in Europe/Brussels: a visit at 10:00 stays at 10:00 on both
sides of a change to or from summer time.

Example:
    >>> import duaal_leren
    >>> from duaal_leren.planning import ElkeNWeken, plan_opvolging, werkplekuren_gemiddeld
    >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
    >>> round(werkplekuren_gemiddeld(traject), 1)
    22.8
    >>> schema = plan_opvolging(traject, ElkeNWeken(6))
    >>> [g.datum.isoformat() for g in schema.gesprekken][:3]
    ['2025-10-13', '2025-11-20', '2026-01-05']

References:
    R-OAO: Decreet 10-06-2016 betreffende alternerende opleidingen, art. 3: at least 20 hours
        a week of workplace training on average over the year, "zonder rekening te houden
        met de wettelijke feest- en vakantiedagen".
    R-HOLIDAY: duaalleren.vlaanderen (19-8-2019); besox.be; sociare.be: learners are off in
        every school vacation; an individual exception needs agreement, an annex, recovery in
        the same school year, and four consecutive weeks off in July and August.
    R-CONTACT: scanjeschoolvoorduaal.be 02-3: contact moments are agreed at the start; no
        legal minimum number of visits.
    "Wat bespreek ik omtrent de leervooruitgang?" (Samen werken aan duaal): the themes of a
        follow-up conversation.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import hashlib
import html
import itertools
import math
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs
import pendulum

from duaal_leren._validators import at_least, in_range, non_empty
from duaal_leren.exceptions import DuaalLerenError, FieldError, excerpt
from duaal_leren.kalender import Schooljaar, Schoolkalender, schoolkalender
from duaal_leren.opvolging import Gespreksrol, Gespreksstatus
from duaal_leren.traject import Traject, Weekdag, Weekpatroon, WerkdagPlaats
from duaal_leren.vakantie import Vakantieuitzondering

__all__ = [
    "MAX_CADANS",
    "STANDAARDAGENDA",
    "TIJDZONE",
    "ZOMERRUST_DAGEN",
    "Begeleidingsperiode",
    "Cadans",
    "Caseload",
    "ElkeNWeken",
    "Genodigde",
    "Gesprek",
    "Opvolgingsschema",
    "PerSchooljaar",
    "PlanningError",
    "Vakantiebalans",
    "VoorAnkers",
    "Voorkeur",
    "Weekuren",
    "bezoekdagen",
    "cadans",
    "plan_caseload",
    "plan_opvolging",
    "schooldagen",
    "schooljaren",
    "vakantiebalans",
    "werkplekdagen",
    "werkplekdagen_in_vakantie",
    "werkplekuren_gemiddeld",
    "werkplekuren_per_week",
    "zomerrust",
]

TIJDZONE = "Europe/Brussels"
"""The time zone of every planned conversation."""

ZOMERRUST_DAGEN = 28
"""The four consecutive weeks off in July and August a learner always keeps (R-HOLIDAY)."""

STANDAARDAGENDA: tuple[str, ...] = (
    "Leervooruitgang op school en op de werkplek",
    "Leerfocus voor de volgende begeleidingsperiode",
    "Leerplan: wat komt op school aan bod en hoe sluit het aan bij het werk",
)
"""The three themes of a follow-up conversation ("Wat bespreek ik omtrent de
leervooruitgang?"), the agenda of a conversation unless another is given."""


class PlanningError(DuaalLerenError, ValueError):
    """A plan that cannot be made: no weekly pattern, no workplace day, an empty period."""


# --- calendars and patterns -----------------------------------------------------------

KalenderArg = Schoolkalender | Iterable[Schoolkalender] | None
"""One school calendar, several (for several school years), or None for the law's calendar."""


class _Kalenders:
    """The school calendar of each school year: the given ones, else the law's (cached)."""

    def __init__(self, given: KalenderArg) -> None:
        if isinstance(given, Schoolkalender):
            given = (given,)
        self._by_year = {k.schooljaar: k for k in given or ()}

    def voor(self, datum: dt.date) -> Schoolkalender:
        jaar = Schooljaar.van(datum)
        found = self._by_year.get(jaar)
        return found if found is not None else schoolkalender(jaar)

    def klassenraden(self, van: dt.date, tot: dt.date) -> list[pendulum.Date]:
        # Only a school's own calendar has klassenraden: the law's calendars have none, so
        # the school years without a calendar given need not be built (nor known).
        days = {d for k in self._by_year.values() for d in k.klassenraden if van <= d <= tot}
        return sorted(days)


def _jaren(van: dt.date, tot: dt.date) -> list[Schooljaar]:
    return [
        Schooljaar(y)
        for y in range(Schooljaar.van(van).startjaar, Schooljaar.van(tot).startjaar + 1)
    ]


def _date(value: dt.date) -> pendulum.Date:
    return pendulum.Date(value.year, value.month, value.day)


def _plus_dagen(day: dt.date, days: int) -> pendulum.Date:
    """The day so many days later (earlier, when negative), held within the dates there are.

    A bound past 31 December 9999 or before 1 January of year 1 includes every date on
    that side, so holding it there changes no comparison with a real date.
    """
    ordinal = day.toordinal() + days
    return pendulum.Date.fromordinal(min(max(ordinal, 1), dt.date.max.toordinal()))


def _days(start: dt.date, end: dt.date) -> Iterator[pendulum.Date]:
    # By ordinal: pendulum's own date arithmetic costs more than the rest of the loop.
    for ordinal in range(start.toordinal(), end.toordinal() + 1):
        yield pendulum.Date.fromordinal(ordinal)


def _patroon(traject: Traject) -> Weekpatroon:
    if traject.weekpatroon is None:
        raise PlanningError(
            f"traject {traject.id} heeft geen weekpatroon: de werkplekdagen zijn niet gekend",
            f"traject {traject.id} has no weekly pattern: its workplace days are unknown",
        )
    return traject.weekpatroon


def _uren(patroon: Weekpatroon, plaats: WerkdagPlaats) -> dict[int, float]:
    """Hours at one place per ISO weekday (1 Monday to 7 Sunday), for days with hours."""
    hours: dict[int, float] = {}
    for block in patroon.dagen:
        if block.plaats is plaats and block.uren > 0:
            day = block.dag.isoweekday
            hours[day] = hours.get(day, 0.0) + block.uren
    return hours


def _periode(
    traject: Traject, van: dt.date | None, tot: dt.date | None
) -> tuple[pendulum.Date, pendulum.Date]:
    contract = traject.overeenkomst
    start = max(contract.start, van) if van is not None else contract.start
    end = min(contract.einde, tot) if tot is not None else contract.einde
    return _date(start), _date(end)


def _uitzonderingen(
    traject: Traject, uitzonderingen: Sequence[Vakantieuitzondering] | None
) -> tuple[Vakantieuitzondering, ...]:
    if uitzonderingen is not None:
        return tuple(uitzonderingen)
    return traject.vakantie_uitzonderingen


def schooljaren(traject: Traject) -> tuple[Schooljaar, ...]:
    """The school years the traject's contract runs in."""
    return tuple(_jaren(traject.overeenkomst.start, traject.overeenkomst.einde))


# --- workplace days and school days ---------------------------------------------------


def werkplekdagen(
    traject: Traject,
    van: dt.date | None = None,
    tot: dt.date | None = None,
    *,
    kalender: KalenderArg = None,
    uitzonderingen: Sequence[Vakantieuitzondering] | None = None,
) -> tuple[pendulum.Date, ...]:
    """The days the learner is at the workplace.

    A day of the contract whose weekday has workplace hours in the weekly pattern, unless it
    lies in a school vacation or is a legal holiday; plus the vacation days worked under a
    recorded exception, less the days taken off to recover them. School days off that are no
    vacation (pedagogical study days, the Friday after Ascension) stay workplace days.

    Args:
        traject: The traject.
        van: The first day to consider; by default the contract's start.
        tot: The last day to consider; by default the contract's end.
        kalender: The school calendar(s); by default the law's calendar of each school year.
        uitzonderingen: The recorded holiday exceptions; by default the traject's own.

    Raises:
        PlanningError: The traject has no weekly pattern.

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> [d.isoformat() for d in werkplekdagen(traject, tot=pendulum.date(2025, 9, 7))]
        ['2025-09-01', '2025-09-02', '2025-09-04']
    """
    work = _uren(_patroon(traject), WerkdagPlaats.WERKPLEK)
    start, end = _periode(traject, van, tot)
    kalenders = _Kalenders(kalender)
    extra: set[dt.date] = set()
    off: set[dt.date] = set()
    for uitzondering in _uitzonderingen(traject, uitzonderingen):
        extra.update(uitzondering.dagen)
        off.update(uitzondering.recuperatie)
    result = []
    for day in _days(start, end):
        k = kalenders.voor(day)
        planned = day.isoweekday() in work and not k.is_vakantie(day) and not k.is_feestdag(day)
        if (planned and day not in off) or (day in extra and not k.is_feestdag(day)):
            result.append(day)
    return tuple(result)


def schooldagen(
    traject: Traject,
    van: dt.date | None = None,
    tot: dt.date | None = None,
    *,
    kalender: KalenderArg = None,
) -> tuple[pendulum.Date, ...]:
    """The days the learner is at school: school days whose weekday has school hours.

    Args:
        traject: The traject.
        van: The first day to consider; by default the contract's start.
        tot: The last day to consider; by default the contract's end.
        kalender: The school calendar(s); by default the law's calendar of each school year.

    Raises:
        PlanningError: The traject has no weekly pattern.
    """
    school = _uren(_patroon(traject), WerkdagPlaats.SCHOOL)
    start, end = _periode(traject, van, tot)
    kalenders = _Kalenders(kalender)
    return tuple(
        day
        for day in _days(start, end)
        if day.isoweekday() in school and kalenders.voor(day).is_schooldag(day)
    )


def bezoekdagen(
    traject: Traject,
    van: dt.date | None = None,
    tot: dt.date | None = None,
    *,
    kalender: KalenderArg = None,
    uitzonderingen: Sequence[Vakantieuitzondering] | None = None,
) -> tuple[pendulum.Date, ...]:
    """The days a trajectbegeleider can visit the learner at the workplace.

    Workplace days of the learner on which the school is open (a school day of the
    calendar: never a vacation, a day off or a study day). When the weekly pattern has whole
    workplace days, only those: a day split between school and workplace is left for when
    there is no other.

    Raises:
        PlanningError: The traject has no weekly pattern.
    """
    patroon = _patroon(traject)
    if kalender is not None and not isinstance(kalender, Schoolkalender):
        kalender = tuple(kalender)  # read twice below
    school = _uren(patroon, WerkdagPlaats.SCHOOL)
    work = _uren(patroon, WerkdagPlaats.WERKPLEK)
    # Visits fall on school days, so only a whole workplace day from Monday to Friday counts.
    whole = {day for day in work if day not in school and day <= 5}
    kalenders = _Kalenders(kalender)
    return tuple(
        day
        for day in werkplekdagen(
            traject, van, tot, kalender=kalender, uitzonderingen=uitzonderingen
        )
        if kalenders.voor(day).is_schooldag(day) and (not whole or day.isoweekday() in whole)
    )


# --- hours ----------------------------------------------------------------------------


@attrs.frozen
class Weekuren:
    """The workplace hours of one week (Monday to Sunday) of a traject.

    Attributes:
        maandag: The week's Monday.
        uren: The hours the learner actually spends at the workplace that week: vacation
            days and legal holidays give none.
        gepland: The hours the weekly pattern plans on the week's days in the contract,
            whatever the calendar says.
        dagen: How many days of the week lie in the contract (7 for a whole week).
        telt: Whether it is a training week: it holds a weekday of the contract outside the
            school vacations.
    """

    maandag: pendulum.Date
    uren: float
    gepland: float
    dagen: int
    telt: bool


def _schooljaar_periode(
    traject: Traject, kalender: Schoolkalender | None
) -> tuple[Schoolkalender, pendulum.Date, pendulum.Date]:
    k = (
        kalender
        if kalender is not None
        else schoolkalender(Schooljaar.van(traject.overeenkomst.start))
    )
    start, end = _periode(traject, k.schooljaar.begin, k.schooljaar.einde)
    if start > end:
        raise PlanningError(
            f"het contract van traject {traject.id} loopt niet in schooljaar {k.schooljaar}",
            f"the contract of traject {traject.id} does not run in school year {k.schooljaar}",
        )
    return k, start, end


def werkplekuren_per_week(
    traject: Traject, kalender: Schoolkalender | None = None
) -> tuple[Weekuren, ...]:
    """The workplace hours of every week of the contract in one school year.

    Args:
        traject: The traject.
        kalender: The school year's calendar; by default the law's calendar of the school
            year in which the contract starts.

    Raises:
        PlanningError: The traject has no weekly pattern, or its contract does not run in the
            school year.

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> week = werkplekuren_per_week(traject)[10]  # Wapenstilstand on Tuesday
        >>> week.maandag.isoformat(), round(week.uren, 1), round(week.gepland, 1)
        ('2025-11-10', 15.2, 22.8)
    """
    work = _uren(_patroon(traject), WerkdagPlaats.WERKPLEK)
    k, start, end = _schooljaar_periode(traject, kalender)
    weeks = []
    vacation, holiday = k._vakantie_ordinals, k._feest_ordinals
    first, last = start.toordinal(), end.toordinal()
    # Days by ordinal: ordinal 1 (1 January of year 1) is a Monday.
    for monday in range(first - start.isoweekday() + 1, last + 1, 7):
        uren = gepland = 0.0
        telt = False
        low, high = max(monday, first), min(monday + 6, last)
        for day in range(low, high + 1):
            weekday = (day - 1) % 7 + 1
            hours = work.get(weekday, 0.0)
            gepland += hours
            in_vacation = day in vacation
            if not in_vacation and day not in holiday:
                uren += hours
            if weekday <= 5 and not in_vacation:
                telt = True
        weeks.append(
            Weekuren(
                maandag=pendulum.Date.fromordinal(monday),
                uren=uren,
                gepland=gepland,
                dagen=high - low + 1,
                telt=telt,
            )
        )
    return tuple(weeks)


def werkplekuren_gemiddeld(traject: Traject, kalender: Schoolkalender | None = None) -> float:
    """The yearly average of workplace hours per week, as the decree counts it.

    The decree counts "gemiddeld op jaarbasis ... zonder rekening te houden met de wettelijke
    feest- en vakantiedagen". So the average runs over the training weeks of the contract in
    the school year: a week wholly in a school vacation is none, and a legal holiday or
    vacation day inside a training week does not lower it (the hours the pattern plans that
    week count). Weeks cut off by the start or end of the contract count only when the
    contract holds no whole training week, each for its share of seven days. With one weekly
    pattern the result is the pattern's workplace hours; the calendar decides which weeks
    count.

    Args:
        traject: The traject.
        kalender: The school year's calendar; by default the law's calendar of the school
            year in which the contract starts. Only the part of the contract in that school
            year counts.

    Returns:
        The average hours a week; 0 when the contract holds no training week.

    Raises:
        PlanningError: The traject has no weekly pattern, or its contract does not run in the
            school year.

    References:
        R-OAO: Decreet 10-06-2016 betreffende alternerende opleidingen, art. 3.

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> round(werkplekuren_gemiddeld(traject), 2)
        22.8
    """
    weeks = [w for w in werkplekuren_per_week(traject, kalender) if w.telt]
    whole = [w for w in weeks if w.dagen == 7]
    counted = whole or weeks
    weight = sum(w.dagen for w in counted) / 7
    if not weight:
        return 0.0
    # Rounded to a millionth of an hour: sums of hours like 7.6 carry binary noise that
    # would put a pattern of exactly 20 hours a hair below the line.
    return round(math.fsum(w.gepland for w in counted) / weight, 6)


# --- the holiday rule -----------------------------------------------------------------


def werkplekdagen_in_vakantie(
    traject: Traject,
    kalender: Schoolkalender | None = None,
    uitzonderingen: Sequence[Vakantieuitzondering] | None = None,
) -> tuple[pendulum.Date, ...]:
    """The days of one school year the learner works at the workplace in a school vacation.

    Args:
        traject: The traject.
        kalender: The school year's calendar; by default that of the contract's start.
        uitzonderingen: The recorded holiday exceptions; by default the traject's own.

    Raises:
        PlanningError: The traject has no weekly pattern, or its contract does not run in the
            school year.
    """
    k, start, end = _schooljaar_periode(traject, kalender)
    return tuple(
        d
        for d in werkplekdagen(traject, start, end, kalender=k, uitzonderingen=uitzonderingen)
        if k.is_vakantie(d)
    )


def zomerrust(
    traject: Traject,
    kalender: Schoolkalender | None = None,
    uitzonderingen: Sequence[Vakantieuitzondering] | None = None,
) -> int:
    """The longest run of consecutive days off in July and August, in days.

    The summer that ends the school year counts; days outside the contract are days off. A
    learner always keeps `ZOMERRUST_DAGEN` (four weeks) in a row.

    Raises:
        PlanningError: The traject has no weekly pattern.
    """
    k = (
        kalender
        if kalender is not None
        else schoolkalender(Schooljaar.van(traject.overeenkomst.start))
    )
    summer_start = pendulum.Date(k.schooljaar.startjaar + 1, 7, 1)
    worked = set(
        werkplekdagen(
            traject,
            summer_start,
            k.schooljaar.einde,
            kalender=k,
            uitzonderingen=uitzonderingen,
        )
    )
    longest = run = 0
    for day in _days(summer_start, k.schooljaar.einde):
        run = 0 if day in worked else run + 1
        longest = max(longest, run)
    return longest


@attrs.frozen
class Vakantiebalans:
    """What the holiday rule needs to know about one school year of a traject.

    Attributes:
        schooljaar: The school year.
        gewerkt: The vacation days the learner works at the workplace.
        gerecupereerd: Recovery days that are planned workplace days of the same school year.
        ongeldige_recuperatie: Recovery days that are not: outside the school year or the
            contract, in a vacation, on a legal holiday, or on a day without workplace hours.
        zomerrust: The longest run of days off in July and August.
    """

    schooljaar: Schooljaar
    gewerkt: tuple[pendulum.Date, ...]
    gerecupereerd: tuple[pendulum.Date, ...]
    ongeldige_recuperatie: tuple[pendulum.Date, ...]
    zomerrust: int

    @property
    def tekort(self) -> int:
        """How many vacation days worked are not recovered yet."""
        return max(0, len(self.gewerkt) - len(self.gerecupereerd))

    @property
    def houdt_zomerrust(self) -> bool:
        """Whether the learner keeps four consecutive weeks off in July and August."""
        return self.zomerrust >= ZOMERRUST_DAGEN


def vakantiebalans(
    traject: Traject,
    kalender: Schoolkalender | None = None,
    uitzonderingen: Sequence[Vakantieuitzondering] | None = None,
) -> Vakantiebalans:
    """The vacation days worked, their recovery and the summer rest of one school year.

    Args:
        traject: The traject.
        kalender: The school year's calendar; by default that of the contract's start.
        uitzonderingen: The recorded holiday exceptions; by default the traject's own.

    Raises:
        PlanningError: The traject has no weekly pattern, or its contract does not run in the
            school year.

    References:
        R-HOLIDAY: besox.be (18-9-2019): "Deze dagen dienen gerecupereerd te worden op dagen
        dat hij normaal opleiding volgt in de onderneming en dit binnen hetzelfde schooljaar."
    """
    k, start, end = _schooljaar_periode(traject, kalender)
    found = _uitzonderingen(traject, uitzonderingen)
    # The recovery days are checked against the pattern alone: they are the days taken off.
    planned = set(werkplekdagen(traject, start, end, kalender=k, uitzonderingen=()))
    # Recovery belongs to the exception whose holiday days fall in this school year: the
    # days of another year's exception neither count here nor are wrong here.
    own = [u for u in found if any(d in k.schooljaar for d in u.dagen)]
    recovery = sorted({d for u in own for d in u.recuperatie if d in k.schooljaar})
    outside = sorted({d for u in own for d in u.recuperatie if d not in k.schooljaar})
    return Vakantiebalans(
        schooljaar=k.schooljaar,
        gewerkt=werkplekdagen_in_vakantie(traject, k, found),
        gerecupereerd=tuple(_date(d) for d in recovery if d in planned),
        ongeldige_recuperatie=tuple(
            _date(d) for d in sorted([*outside, *(d for d in recovery if d not in planned)])
        ),
        zomerrust=zomerrust(traject, k, found),
    )


# --- cadence and preferences ----------------------------------------------------------


MAX_CADANS = 52
"""The most weeks between two conversations, and the most conversations in a school year:
a cadence beyond it would be no cadence (a visit a year) or a visit on every workplace day."""


@attrs.frozen
class ElkeNWeken:
    """A conversation every so many weeks, counted from the start of the plan.

    Attributes:
        weken: The number of weeks between two conversations, from 1 to `MAX_CADANS`.
    """

    weken: int = attrs.field(validator=in_range(1, MAX_CADANS))

    def tekst(self, lang: str = "nl") -> str:
        """The cadence in words."""
        return f"every {self.weken} weeks" if lang == "en" else f"elke {self.weken} weken"


@attrs.frozen
class PerSchooljaar:
    """A number of conversations per school year, spread evenly over its workplace days.

    Attributes:
        aantal: The number of conversations in a school year, from 1 to `MAX_CADANS`.
    """

    aantal: int = attrs.field(validator=in_range(1, MAX_CADANS))

    def tekst(self, lang: str = "nl") -> str:
        """The cadence in words."""
        if lang == "en":
            return f"{self.aantal} per school year"
        return f"{self.aantal} per schooljaar"


@attrs.frozen
class VoorAnkers:
    """A conversation before each of a set of dates, such as each klassenraad.

    The conversation is planned on the last possible day within ``marge`` days before the
    anchor, so that what it finds reaches the meeting.

    Attributes:
        datums: The anchor dates; empty for the klassenraden of the school calendars.
        naam: What the anchors are, for texts and identities.
        marge: How many days before an anchor the conversation may be.
    """

    datums: tuple[pendulum.Date, ...] = ()
    naam: str = attrs.field(default="klassenraad", validator=non_empty)
    marge: int = attrs.field(default=21, validator=at_least(1))

    def tekst(self, lang: str = "nl") -> str:
        """The cadence in words."""
        return f"before each {self.naam}" if lang == "en" else f"voor elke {self.naam}"


Cadans = ElkeNWeken | PerSchooljaar | VoorAnkers
"""How often, or when, follow-up conversations take place."""


def cadans(text: str) -> Cadans:
    """Read a cadence written as on the command line.

    ``6w`` (or ``elke-6-weken``): every 6 weeks; ``4/jaar`` (or ``4x``): four per school
    year; ``klassenraad``: before each klassenraad of the school calendar;
    ``voor:2025-12-17,2026-03-25``: before each of these dates.

    Raises:
        PlanningError: The text is none of these, or its number is not from 1 to
            `MAX_CADANS`.

    Example:
        >>> cadans("6w"), cadans("4/jaar")
        (ElkeNWeken(weken=6), PerSchooljaar(aantal=4))
    """
    value = text.strip().lower()
    try:
        return _lees_cadans(value)
    except FieldError:
        raise PlanningError(
            f"cadans {excerpt(text)}: het aantal weken of gesprekken per schooljaar moet van 1 tot "
            f"{MAX_CADANS} zijn",
            f"cadence {excerpt(text)}: the number of weeks or of conversations per school year must "
            f"be from 1 to {MAX_CADANS}",
        ) from None
    except ValueError:
        pass
    raise PlanningError(
        f"onbekende cadans {excerpt(text)}; gebruik bv. 6w, 4/jaar, klassenraad of voor:2025-12-17",
        f"unknown cadence {excerpt(text)}; use e.g. 6w, 4/jaar, klassenraad or voor:2025-12-17",
    )


def _lees_cadans(value: str) -> Cadans:
    """The cadence a lower-case text names; ValueError when it names none."""
    if value.endswith("w") and value[:-1].isdigit():
        return ElkeNWeken(int(value[:-1]))
    if value.startswith("elke-") and value.endswith("-weken"):
        return ElkeNWeken(int(value[5:-6]))
    for suffix in ("/jaar", "/schooljaar", "x"):
        if value.endswith(suffix) and value[: -len(suffix)].isdigit():
            return PerSchooljaar(int(value[: -len(suffix)]))
    if value in ("klassenraad", "voor-klassenraad"):
        return VoorAnkers()
    if value.startswith("voor:"):
        days = tuple(pendulum.Date.fromisoformat(d.strip()) for d in value[5:].split(","))
        return VoorAnkers(days, naam="afspraak")
    raise ValueError(value)


_TIJDSTIPPEN = (pendulum.time(10, 0), pendulum.time(13, 30))
_EEN_UUR = pendulum.duration(hours=1)
_EINDUUR = pendulum.time(18, 0)
# Between two visits that follow the listed start times: time to go to the next workplace.
_VERPLAATSING = 30
_DAG = 24 * 60


def _minuten(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def _duur_minuten(duur: dt.timedelta) -> int:
    return math.ceil(duur.total_seconds() / 60)


def _positieve_duur(
    inst: object, attribute: attrs.Attribute[pendulum.Duration], value: dt.timedelta
) -> None:
    if not isinstance(value, dt.timedelta) or not 0 < value.total_seconds() < _DAG * 60:
        raise FieldError(
            attribute.name,
            f"{value!r} is geen duur van meer dan 0 en minder dan een dag",
            f"{value!r} is no duration of more than 0 and less than a day",
        )


@attrs.frozen
class Voorkeur:
    """When a trajectbegeleider prefers to visit.

    The visits of one day start at the given start times, in order; when a day has more
    visits than start times, the next ones follow the last start time, each after the
    previous one and half an hour to travel, as long as they end by ``einduur``. A day whose
    start times are all taken is full: a visit goes to another day. Times never run past
    the end of the day.

    Attributes:
        weekdagen: Preferred weekdays; a preferred day is chosen over a closer other day.
            Empty: no preference.
        tijdstippen: Start times, in order: the first visit of a day starts at the first,
            a second visit that day at the second, and so on.
        duur: How long a conversation takes: more than zero and less than a day.
        einduur: The time by which the visits after the listed start times have ended.

    Raises:
        FieldError: The duration is not positive or is a day or more, or a visit at one of
            the start times would end after midnight.

    Example:
        >>> voorkeur = Voorkeur()
        >>> [t.isoformat() for t in voorkeur.starturen()]
        ['10:00:00', '13:30:00', '15:00:00', '16:30:00']
        >>> voorkeur.tijdstip([pendulum.time(10, 0)])
        Time(13, 30, 0)
        >>> print(voorkeur.tijdstip(voorkeur.starturen()))
        None
    """

    weekdagen: tuple[Weekdag, ...] = ()
    tijdstippen: tuple[pendulum.Time, ...] = _TIJDSTIPPEN
    duur: pendulum.Duration = attrs.field(default=_EEN_UUR, validator=_positieve_duur)
    einduur: pendulum.Time = _EINDUUR

    def __attrs_post_init__(self) -> None:
        duur = _duur_minuten(self.duur)
        for t in self.tijdstippen:
            if _minuten(t) + duur >= _DAG:
                raise FieldError(
                    "tijdstippen",
                    f"een gesprek van {duur} minuten om {t.strftime('%H:%M')} loopt over "
                    "middernacht",
                    f"a conversation of {duur} minutes at {t.strftime('%H:%M')} runs past midnight",
                )

    def starturen(self) -> tuple[pendulum.Time, ...]:
        """Every start time a day offers, in order: the given ones, then those after them.

        Without given start times a day starts at 10:00.
        """
        times = list(self.tijdstippen) or [pendulum.time(10, 0)]
        duur = _duur_minuten(self.duur)
        start = _minuten(times[-1]) + duur + _VERPLAATSING
        while start + duur <= _minuten(self.einduur):
            times.append(pendulum.time(start // 60, start % 60))
            start += duur + _VERPLAATSING
        return tuple(times)

    def tijdstip(self, taken: Iterable[dt.time]) -> pendulum.Time | None:
        """The first start time of a day whose visit overlaps none that is taken.

        Args:
            taken: The start times of the visits already on that day; each lasts ``duur``.

        Returns:
            The start time, or None when the day is full.
        """
        duur = _duur_minuten(self.duur)
        busy = [_minuten(t) for t in taken]
        for t in self.starturen():
            begin = _minuten(t)
            if all(begin + duur <= other or other + duur <= begin for other in busy):
                return t
        return None


# --- the schedule ---------------------------------------------------------------------


@attrs.frozen
class Genodigde:
    """Someone invited to the follow-up conversations of a traject.

    Attributes:
        rol: Trajectbegeleider, mentor or lerende.
        naam: The name; for the learner the pseudonymous id, never the name.
        email: The e-mail address; never that of the learner.
    """

    rol: Gespreksrol
    naam: str
    email: str | None = None


def _genodigden(traject: Traject) -> tuple[Genodigde, ...]:
    found = []
    begeleider = traject.school.trajectbegeleider
    if begeleider is not None:
        found.append(
            Genodigde(Gespreksrol.TRAJECTBEGELEIDER, begeleider.naam, begeleider.contact.email)
        )
    if traject.mentor is not None:
        found.append(
            Genodigde(Gespreksrol.MENTOR, traject.mentor.naam, traject.mentor.contact.email)
        )
    # The learner's name and contact details are personal data: schedules and calendars are
    # shared and pasted, so they carry only the pseudonymous id.
    found.append(Genodigde(Gespreksrol.LERENDE, traject.lerende.id))
    return tuple(found)


_UID_NAMESPACE = uuid.UUID("5d0f6c2e-3b8a-5c47-9a51-6f2d7e4b1c90")


@attrs.frozen
class Gesprek:
    """One follow-up conversation (opvolgingsgesprek) at the workplace.

    Attributes:
        traject: The traject's id.
        sleutel: The conversation's identity within the traject: which slot of the cadence
            it fills (``2025-2026/02``, ``opvolging-03``, ``voor-klassenraad-2025-12-17``),
            or ``extra-`` and its date for a kept conversation outside the cadence. It stays
            the same when the conversation moves.
        start: When it starts, in Europe/Brussels.
        einde: When it ends.
        bestaand: Whether it was planned or held already (given to the planner) rather than
            proposed by it.
        agenda: What the conversation discusses.
    """

    traject: str
    sleutel: str
    start: pendulum.DateTime
    einde: pendulum.DateTime
    bestaand: bool = False
    agenda: tuple[str, ...] = STANDAARDAGENDA

    @property
    def datum(self) -> pendulum.Date:
        """The day of the conversation."""
        return self.start.date()

    @property
    def uid(self) -> str:
        """A globally unique id derived from the traject and the conversation's identity.

        The same conversation keeps its uid when it is planned again or moved, so that a
        calendar client updates the event instead of adding a second one.
        """
        name = f"{self.traject}\n{self.sleutel}"
        # uuid.uuid5 by hand: it encodes the name strictly, and an id read from JSON can hold
        # a lone surrogate. For every other name the bytes, and so the uid, are the same.
        data = name.encode("utf-8", "surrogatepass")
        digest = hashlib.sha1(_UID_NAMESPACE.bytes + data, usedforsecurity=False).digest()
        return f"{uuid.UUID(bytes=digest[:16], version=5)}@duaal-leren"


@attrs.frozen
class Begeleidingsperiode:
    """The period from one follow-up conversation to the next, with its learning focus.

    The first period starts with the plan (the opstartgesprek sets its focus), each next one
    on the day of a conversation; the last one ends with the plan.

    Attributes:
        volgnummer: 1 for the first period.
        start: Its first day.
        einde: Its last day.
        werkplekdagen: How many days of it the learner is at the workplace.
    """

    volgnummer: int
    start: pendulum.Date
    einde: pendulum.Date
    werkplekdagen: int


_WEEKDAG_KORT = ("ma", "di", "wo", "do", "vr", "za", "zo")


def _table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return (
        f"<table><caption>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


@attrs.frozen
class Opvolgingsschema:
    """The planned follow-up conversations of one traject.

    Attributes:
        traject: The traject's id.
        lerende: The learner's pseudonymous id.
        werkplek: The company, and its vestiging when known.
        adres: The address of the vestiging.
        genodigden: Who is invited, with their roles.
        cadans: The cadence it was planned at.
        van: The first day of the plan.
        tot: The last day of the plan.
        gesprekken: The conversations in time order, kept ones and proposed ones.
        onplanbaar: Target days for which no day could be found: no workplace day of the
            learner in reach, or every such day full.
        werkplekdagen: The learner's workplace days from ``van`` to ``tot``.
    """

    traject: str
    lerende: str
    werkplek: str
    adres: str | None
    genodigden: tuple[Genodigde, ...]
    cadans: Cadans
    van: pendulum.Date
    tot: pendulum.Date
    gesprekken: tuple[Gesprek, ...]
    onplanbaar: tuple[pendulum.Date, ...] = ()
    werkplekdagen: tuple[pendulum.Date, ...] = attrs.field(default=(), repr=False)

    def begeleidingsperiodes(self) -> tuple[Begeleidingsperiode, ...]:
        """The begeleidingsperiodes of the plan.

        From the start to the first conversation, between conversations, and from the last
        conversation to the end of the plan.

        Example:
            >>> import duaal_leren
            >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
            >>> schema = plan_opvolging(traject, PerSchooljaar(3))
            >>> [(p.start.isoformat(), p.werkplekdagen) for p in schema.begeleidingsperiodes()]
            [('2025-09-01', 31), ('2025-11-20', 27), ('2026-02-05', 24), ('2026-04-23', 28)]
        """
        # By ordinal: the day after the plan may lie past the last date there is. A kept
        # conversation outside the plan starts no period outside it.
        first, after = self.van.toordinal(), self.tot.toordinal() + 1
        bounds = [
            first,
            *(min(max(g.datum.toordinal(), first), after) for g in self.gesprekken),
            after,
        ]
        periods: list[Begeleidingsperiode] = []
        for low, nxt in itertools.pairwise(bounds):
            if low < nxt:
                start = pendulum.Date.fromordinal(low)
                end = pendulum.Date.fromordinal(nxt - 1)
                count = sum(1 for d in self.werkplekdagen if start <= d <= end)
                periods.append(Begeleidingsperiode(len(periods) + 1, start, end, count))
        return tuple(periods)

    def _repr_html_(self) -> str:
        # Keyed by ordinal: the day after the last period may lie past the last date.
        since = {p.einde.toordinal() + 1: p.werkplekdagen for p in self.begeleidingsperiodes()}
        rows = [
            (
                i,
                g.datum.isoformat(),
                _WEEKDAG_KORT[g.datum.isoweekday() - 1],
                g.start.format("HH:mm"),
                "al vastgelegd" if g.bestaand else "voorstel",
                since.get(g.datum.toordinal(), 0),
            )
            for i, g in enumerate(self.gesprekken, 1)
        ]
        caption = (
            f"Opvolgingsgesprekken {self.lerende} – {self.werkplek} "
            f"({self.cadans.tekst()}, {self.van.isoformat()} tot {self.tot.isoformat()})"
        )
        headers = ("nr", "datum", "dag", "uur", "status", "werkplekdagen sinds vorig gesprek")
        return _table(caption, headers, rows)


@attrs.frozen
class Caseload:
    """The follow-up conversations of a trajectbegeleider's whole caseload.

    Attributes:
        schemas: One schedule per traject, by traject id.
        max_per_dag: The most visits planned on one day.
    """

    schemas: tuple[Opvolgingsschema, ...]
    max_per_dag: int

    @property
    def gesprekken(self) -> tuple[Gesprek, ...]:
        """Every conversation, in time order."""
        return tuple(
            sorted(
                (g for s in self.schemas for g in s.gesprekken), key=lambda g: (g.start, g.traject)
            )
        )

    def per_dag(self) -> dict[pendulum.Date, tuple[Gesprek, ...]]:
        """The conversations of each day that has any, in time order."""
        days: dict[pendulum.Date, list[Gesprek]] = {}
        for g in self.gesprekken:
            days.setdefault(g.datum, []).append(g)
        return {day: tuple(found) for day, found in days.items()}

    def _repr_html_(self) -> str:
        by_id = {s.traject: s for s in self.schemas}
        rows = [
            (
                g.datum.isoformat(),
                _WEEKDAG_KORT[g.datum.isoweekday() - 1],
                g.start.format("HH:mm"),
                by_id[g.traject].lerende,
                by_id[g.traject].werkplek,
                "gepland of gehouden" if g.bestaand else "voorstel",
            )
            for g in self.gesprekken
        ]
        caption = f"Opvolgingsgesprekken van {len(self.schemas)} trajecten (max. {self.max_per_dag} per dag)"
        return _table(caption, ("datum", "dag", "uur", "lerende", "werkplek", "status"), rows)


# --- the planner ----------------------------------------------------------------------

Bestaand = dt.date | dt.datetime
"""A conversation already planned or held: a day, or a day and time."""


class _Bezetting:
    """The visits already on each day, shared by the trajecten of one caseload."""

    def __init__(self, max_per_dag: int, voorkeur: Voorkeur) -> None:
        self.max_per_dag = max_per_dag
        self.voorkeur = voorkeur
        self.times: dict[dt.date, list[dt.time]] = {}

    def vrij(self, day: dt.date) -> bool:
        """Whether a new visit fits: fewer than the most a day, and a start time free."""
        taken = self.times.get(day, [])
        return len(taken) < self.max_per_dag and self.voorkeur.tijdstip(taken) is not None

    def neem(self, day: dt.date, time: dt.time) -> None:
        self.times.setdefault(day, []).append(time)

    def taken(self, day: dt.date) -> list[dt.time]:
        return self.times.get(day, [])


@attrs.frozen
class _Vast:
    datum: pendulum.Date
    start: pendulum.DateTime
    einde: pendulum.DateTime


def _moment(day: dt.date, time: dt.time) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, time.hour, time.minute, tz=TIJDZONE)


def _vast(
    bestaande: Mapping[str, Iterable[Bestaand]], voorkeur: Voorkeur, bezetting: _Bezetting
) -> dict[str, list[_Vast]]:
    """The kept conversations of each traject, registered on their days.

    Those with a time come first, so that those given as a day get a time still free.
    """
    kept: dict[str, list[_Vast]] = {key: [] for key in bestaande}
    given = [(key, value) for key, values in bestaande.items() for value in values]
    for key, value in given:
        if isinstance(value, dt.datetime):
            with _binnen_datums(key, value):
                # A naive time is wall-clock time in Brussels; an aware one is converted.
                start = pendulum.instance(value, tz=TIJDZONE).in_timezone(TIJDZONE)
                found = _Vast(start.date(), start, start + voorkeur.duur)
            bezetting.neem(found.datum, start.time())
            kept[key].append(found)
    for key, value in given:
        if not isinstance(value, dt.datetime):
            time = voorkeur.tijdstip(bezetting.taken(value))
            if time is None:
                raise _vol(key, value, voorkeur, len(bezetting.taken(value)))
            with _binnen_datums(key, value):
                start = _moment(value, time)
                found = _Vast(start.date(), start, start + voorkeur.duur)
            bezetting.neem(found.datum, start.time())
            kept[key].append(found)
    return {key: sorted(found, key=lambda v: v.start) for key, found in kept.items()}


@contextlib.contextmanager
def _binnen_datums(traject: str, value: Bestaand) -> Iterator[None]:
    """Turn a kept conversation whose start or end is no date into a `PlanningError`.

    Near 1 January of year 1 or 31 December 9999 the conversion to Brussels time or the
    end of the conversation can fall outside the dates there are.
    """
    try:
        yield
    except (OverflowError, ValueError):
        raise PlanningError(
            f"traject {traject}: het gesprek van {value.isoformat()} valt buiten de datums "
            f"die bestaan (jaar {dt.MINYEAR} tot {dt.MAXYEAR}, in de tijd van Brussel)",
            f"traject {traject}: the conversation of {value.isoformat()} lies outside the "
            f"dates there are (year {dt.MINYEAR} to {dt.MAXYEAR}, in Brussels time)",
        ) from None


def _vol(traject: str, day: dt.date, voorkeur: Voorkeur, taken: int) -> PlanningError:
    # A conversation already held or planned cannot move; it needs a time of its own.
    times = voorkeur.starturen()
    first, end = times[0].strftime("%H:%M"), voorkeur.einduur.strftime("%H:%M")
    minutes = _duur_minuten(voorkeur.duur)
    return PlanningError(
        f"traject {traject}: het gesprek van {day.isoformat()} krijgt geen uur: die dag "
        f"zijn er al {taken} gesprekken en de {len(times)} beginuren van {first} tot {end} "
        f"(gesprekken van {minutes} minuten) zijn bezet; geef meer beginuren, een kortere "
        "duur, of het uur van de gesprekken",
        f"traject {traject}: the conversation of {day.isoformat()} gets no time: that day "
        f"already has {taken} conversations and the {len(times)} start times from {first} "
        f"to {end} (conversations of {minutes} minutes) are taken; give more start times, "
        "a shorter duration, or the time of the conversations",
    )


class _Planner:
    """Chooses the days of one traject's conversations."""

    def __init__(
        self,
        days: Sequence[pendulum.Date],
        voorkeur: Voorkeur,
        bezetting: _Bezetting,
        vast: list[_Vast],
    ) -> None:
        self.days = days
        self.preferred = {d.isoweekday for d in voorkeur.weekdagen}
        self.bezetting = bezetting
        self.vast = vast
        self.used: set[int] = set()
        self.own: set[dt.date] = {v.datum for v in vast}
        self.slots: list[tuple[str, _Vast | pendulum.Date]] = []
        self.onplanbaar: list[pendulum.Date] = []

    def kies(
        self, lo: dt.date, hi: dt.date, doel: dt.date, *, laatst: bool = False
    ) -> pendulum.Date | None:
        """The best free day from ``lo`` to ``hi``.

        A preferred weekday first, then the closest to ``doel`` (or the latest, for
        ``laatst``), then the earliest.
        """
        best: pendulum.Date | None = None
        best_key: tuple[int, int, int] | None = None
        i = bisect.bisect_left(self.days, lo)
        j = bisect.bisect_right(self.days, hi)
        for day in self.days[i:j]:
            if day in self.own or not self.bezetting.vrij(day):
                continue
            other = int(bool(self.preferred) and day.isoweekday() not in self.preferred)
            distance = -day.toordinal() if laatst else abs(day.toordinal() - doel.toordinal())
            key = (other, distance, day.toordinal())
            if best_key is None or key < best_key:
                best, best_key = day, key
        return best

    def bestaand(self, lo: dt.date, hi: dt.date) -> _Vast | None:
        """The first kept conversation from ``lo`` to ``hi`` not used for a slot yet."""
        for i, kept in enumerate(self.vast):
            if i not in self.used and lo <= kept.datum <= hi:
                self.used.add(i)
                return kept
        return None

    def vul(
        self,
        sleutel: str,
        lo: dt.date,
        hi: dt.date,
        doel: dt.date,
        *,
        laatst: bool = False,
        vanaf: dt.date | None = None,
    ) -> pendulum.Date | None:
        """Fill one slot and return its day, or None when no day is free.

        A kept conversation from ``vanaf`` (by default ``lo``) to ``hi`` fills it, else a new
        day from ``lo`` to ``hi``.
        """
        kept = self.bestaand(vanaf or lo, hi)
        if kept is not None:
            self.slots.append((sleutel, kept))
            return kept.datum
        day = self.kies(lo, hi, doel, laatst=laatst)
        if day is None:
            return None
        self.own.add(day)
        self.slots.append((sleutel, day))
        return day

    def extra(self) -> None:
        for i, kept in enumerate(self.vast):
            if i not in self.used:
                self.slots.append((f"extra-{kept.start.format('YYYY-MM-DD[T]HHmm')}", kept))


def _elke_n_weken(
    p: _Planner, cad: ElkeNWeken, start: pendulum.Date, end: pendulum.Date, kalenders: _Kalenders
) -> None:
    step = cad.weken * 7
    half = step // 2
    pointer = start
    k = 0
    while (doel := pointer.add(days=step)) <= end:
        k += 1
        lo = max(pointer.add(days=1), doel.subtract(days=half))
        hi = min(doel.add(days=half), end)
        # A conversation already held or planned after the previous one takes this slot,
        # and the cadence continues from it.
        day = p.vul(f"opvolging-{k:02d}", lo, hi, doel, vanaf=pointer.add(days=1))
        if day is None:
            if kalenders.voor(doel).is_schooldag(doel):
                p.onplanbaar.append(doel)
            pointer = doel
        else:
            pointer = day


def _per_schooljaar(
    p: _Planner, cad: PerSchooljaar, start: pendulum.Date, end: pendulum.Date, kalenders: _Kalenders
) -> None:
    for jaar in _jaren(start, end):
        first, last = max(start, jaar.begin), min(end, jaar.einde)
        candidates = [d for d in p.days if first <= d <= last]
        if not candidates:
            continue
        # A contract that covers part of a school year gets its share of the conversations.
        k = kalenders.voor(jaar.begin)
        share = len(k.schooldagen(first, last)) / max(1, len(k.schooldagen()))
        count = max(1, round(cad.aantal * share))
        n = len(candidates)
        targets = [candidates[min(n - 1, i * n // (count + 1))] for i in range(1, count + 1)]
        bounds = [first.toordinal()]
        for a, b in itertools.pairwise(targets):
            bounds.append((a.toordinal() + b.toordinal()) // 2 + 1)
        bounds.append(last.toordinal() + 1)
        for i, doel in enumerate(targets):
            lo = dt.date.fromordinal(bounds[i])
            hi = dt.date.fromordinal(bounds[i + 1] - 1)
            if lo > hi or p.vul(f"{jaar}/{i + 1:02d}", lo, hi, doel) is None:
                p.onplanbaar.append(doel)


def _voor_ankers(
    p: _Planner, cad: VoorAnkers, start: pendulum.Date, end: pendulum.Date, kalenders: _Kalenders
) -> None:
    anchors = sorted(set(cad.datums)) or kalenders.klassenraden(start, _plus_dagen(end, cad.marge))
    if not anchors:
        raise PlanningError(
            f"geen {cad.naam} gekend tussen {start.isoformat()} en {end.isoformat()}: "
            "geef de schoolkalender met de klassenraden, of de datums",
            f"no {cad.naam} known from {start.isoformat()} to {end.isoformat()}: "
            "give the school calendar with the klassenraden, or the dates",
        )
    for anchor in anchors:
        if anchor.toordinal() == 1:
            continue  # no day lies before the first date there is
        lo = max(start, _plus_dagen(anchor, -cad.marge))
        hi = min(end, _plus_dagen(anchor, -1))
        if lo > hi:
            continue
        if p.vul(f"voor-{cad.naam}-{anchor.isoformat()}", lo, hi, hi, laatst=True) is None:
            p.onplanbaar.append(anchor)


def _plan(
    traject: Traject,
    cad: Cadans,
    kalender: KalenderArg,
    voorkeur: Voorkeur,
    vast: list[_Vast],
    van: dt.date | None,
    tot: dt.date | None,
    bezetting: _Bezetting,
    agenda: tuple[str, ...],
) -> Opvolgingsschema:
    start, end = _periode(traject, van, tot)
    if start > end:
        raise PlanningError(
            f"traject {traject.id}: de planperiode is leeg ({start.isoformat()} na {end.isoformat()})",
            f"traject {traject.id}: the planning period is empty ({start.isoformat()} after {end.isoformat()})",
        )
    kalender = (
        tuple(kalender)
        if kalender is not None and not isinstance(kalender, Schoolkalender)
        else kalender
    )
    kalenders = _Kalenders(kalender)
    days = bezoekdagen(traject, start, end, kalender=kalender)
    if not days:
        raise PlanningError(
            f"traject {traject.id}: de lerende is van {start.isoformat()} tot {end.isoformat()} "
            "op geen enkele schooldag op de werkplek; er is geen dag voor een bezoek",
            f"traject {traject.id}: from {start.isoformat()} to {end.isoformat()} the learner is "
            "at the workplace on no school day; there is no day for a visit",
        )
    planner = _Planner(days, voorkeur, bezetting, vast)
    if isinstance(cad, ElkeNWeken):
        _elke_n_weken(planner, cad, start, end, kalenders)
    elif isinstance(cad, PerSchooljaar):
        _per_schooljaar(planner, cad, start, end, kalenders)
    else:
        _voor_ankers(planner, cad, start, end, kalenders)
    planner.extra()
    gesprekken = []
    for sleutel, slot in planner.slots:
        if isinstance(slot, _Vast):
            begin, einde, kept = slot.start, slot.einde, True
        else:
            time = voorkeur.tijdstip(bezetting.taken(slot))
            if time is None:  # pragma: no cover - the planner chose a day with a free time
                raise _vol(traject.id, slot, voorkeur, len(bezetting.taken(slot)))
            bezetting.neem(slot, time)
            begin, kept = _moment(slot, time), False
            einde = begin + voorkeur.duur
        gesprekken.append(Gesprek(traject.id, sleutel, begin, einde, kept, agenda))
    gesprekken.sort(key=lambda g: (g.start, g.sleutel))
    werkplek = traject.werkplek.onderneming
    if traject.werkplek.vestiging:
        werkplek = f"{werkplek}, {traject.werkplek.vestiging}"
    return Opvolgingsschema(
        traject=traject.id,
        lerende=traject.lerende.id,
        werkplek=werkplek,
        adres=traject.werkplek.adres,
        genodigden=_genodigden(traject),
        cadans=cad,
        van=start,
        tot=end,
        gesprekken=tuple(gesprekken),
        onplanbaar=tuple(sorted(set(planner.onplanbaar))),
        werkplekdagen=werkplekdagen(traject, start, end, kalender=kalender),
    )


def _opgenomen(traject: Traject) -> list[pendulum.Date]:
    """The days of the conversations the traject records, except the cancelled ones."""
    return [
        g.datum for g in traject.opvolgingsgesprekken if g.status is not Gespreksstatus.GEANNULEERD
    ]


def _cadans_van(traject: Traject, cadans: Cadans | None) -> Cadans:
    if cadans is not None:
        return cadans
    weeks = traject.afspraken.opvolging_weken
    if weeks is None:
        raise PlanningError(
            f"traject {traject.id}: geen cadans gegeven of afgesproken "
            "(afspraken.opvolging_weken); geef er een, zoals elke 6 weken",
            f"traject {traject.id}: no cadence given or agreed "
            "(afspraken.opvolging_weken); give one, such as every 6 weeks",
        )
    if weeks > MAX_CADANS:
        raise PlanningError(
            f"traject {traject.id}: de afgesproken cadans van {weeks} weken "
            f"(afspraken.opvolging_weken) is langer dan {MAX_CADANS} weken; geef een cadans",
            f"traject {traject.id}: the agreed cadence of {weeks} weeks "
            f"(afspraken.opvolging_weken) is longer than {MAX_CADANS} weeks; give a cadence",
        )
    return ElkeNWeken(weeks)


def plan_opvolging(
    traject: Traject,
    cadans: Cadans | None = None,
    *,
    kalender: KalenderArg = None,
    voorkeur: Voorkeur | None = None,
    bestaande: Iterable[Bestaand] | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
    agenda: Sequence[str] = STANDAARDAGENDA,
) -> Opvolgingsschema:
    """Plan the follow-up conversations of one traject.

    Conversations fall on days the learner is at the workplace and the school is open
    (`bezoekdagen`): never in a vacation, on a legal holiday, on another day off or study day
    of the school, or on a school day of the learner. Conversations already planned or held
    are kept as they are and fill the slot of the cadence they fall in. The same input always
    gives the same plan.

    Args:
        traject: The traject.
        cadans: How often: `ElkeNWeken`, `PerSchooljaar` or `VoorAnkers`; by default every
            so many weeks as the traject's agreements say (``afspraken.opvolging_weken``).
        kalender: The school calendar(s); by default the law's calendar of each school year.
        voorkeur: Preferred weekdays, start times and duration.
        bestaande: Conversations already planned or held: days, or days and times (a naive
            time is Brussels time); by default those the traject records, except the
            cancelled ones. Pass ``()`` to plan as if none were.
        van: The first day of the plan; by default the contract's start.
        tot: The last day of the plan; by default the contract's end.
        agenda: The agenda of each proposed conversation.

    Raises:
        PlanningError: The traject has no weekly pattern, the period is empty, the learner
            has no workplace day on which the school is open, anchors are missing, no
            cadence is given or agreed, a conversation given as a day finds no start time
            free that day (give its time, or more start times), or a kept conversation
            starts or ends outside the dates there are (year 1 to 9999).
        KalenderError: A day of the period lies in a school year the calendar does not
            cover (`duaal_leren.kalender.EERSTE_SCHOOLJAAR` to `LAATSTE_SCHOOLJAAR`).

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> schema = plan_opvolging(traject, PerSchooljaar(3), bestaande=[pendulum.date(2025, 11, 20)])
        >>> [(g.datum.isoformat(), g.bestaand) for g in schema.gesprekken]
        [('2025-11-20', True), ('2026-01-29', False), ('2026-04-23', False)]
    """
    voorkeur = voorkeur or Voorkeur()
    # One traject has one visit a day at most; the start times of a day still bound it.
    bezetting = _Bezetting(1 << 30, voorkeur)
    given = _opgenomen(traject) if bestaande is None else bestaande
    vast = _vast({traject.id: given}, voorkeur, bezetting)[traject.id]
    cad = _cadans_van(traject, cadans)
    return _plan(traject, cad, kalender, voorkeur, vast, van, tot, bezetting, tuple(agenda))


def plan_caseload(
    trajecten: Iterable[Traject],
    cadans: Cadans | None = None,
    *,
    max_per_dag: int = 2,
    kalender: KalenderArg = None,
    voorkeur: Voorkeur | None = None,
    bestaande: Mapping[str, Sequence[Bestaand]] | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
    agenda: Sequence[str] = STANDAARDAGENDA,
) -> Caseload:
    """Plan the follow-up conversations of many trajecten, at most ``max_per_dag`` a day.

    The trajecten are planned one after the other in order of their id, each on the days
    that still have room; conversations already planned or held take their place first.

    Args:
        trajecten: The trajecten of the caseload.
        cadans: How often, for every traject; by default each traject's agreed cadence.
        max_per_dag: The most visits on one day.
        kalender: The school calendar(s); by default the law's calendar of each school year.
        voorkeur: Preferred weekdays, start times and duration.
        bestaande: Conversations already planned or held, by traject id; a traject not in
            it keeps the conversations it records, except the cancelled ones.
        van: The first day of the plan; by default each contract's start.
        tot: The last day of the plan; by default each contract's end.
        agenda: The agenda of each proposed conversation.

    Raises:
        PlanningError: As `plan_opvolging`, for any traject (the start times of a day are
            shared by the whole caseload); or ``max_per_dag`` is below 1, or two trajecten
            have the same id.
    """
    if max_per_dag < 1:
        raise PlanningError(
            f"max_per_dag moet minstens 1 zijn, niet {max_per_dag}",
            f"max_per_dag must be at least 1, not {max_per_dag}",
        )
    ordered = sorted(trajecten, key=lambda t: t.id)
    ids = [t.id for t in ordered]
    for a, b in itertools.pairwise(ids):
        if a == b:
            raise PlanningError(f"traject {a} komt twee keer voor", f"traject {a} occurs twice")
    voorkeur = voorkeur or Voorkeur()
    kalender = (
        tuple(kalender)
        if kalender is not None and not isinstance(kalender, Schoolkalender)
        else kalender
    )
    bezetting = _Bezetting(max_per_dag, voorkeur)
    given = bestaande or {}
    kept = _vast(
        {t.id: given[t.id] if t.id in given else _opgenomen(t) for t in ordered},
        voorkeur,
        bezetting,
    )
    cadansen = {t.id: _cadans_van(t, cadans) for t in ordered}
    schemas = tuple(
        _plan(t, cadansen[t.id], kalender, voorkeur, kept[t.id], van, tot, bezetting, tuple(agenda))
        for t in ordered
    )
    return Caseload(schemas, max_per_dag)
