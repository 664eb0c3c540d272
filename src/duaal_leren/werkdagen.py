"""Working days and hours of a traject: at the workplace, at school, and for a visit.

From a traject's real schedule (`Rooster`: its weekly pattern or rotation of patterns, with
the dated changes), its contract and the school calendar (`Schoolkalender`), this module
finds the days the learner is at the workplace and at school, the days a trajectbegeleider
can visit, and the workplace hours per week with their yearly average as the decree counts
it (R-OAO). A `Werkdagen` holds what these need of one traject; each school year's days and
weekly hours are worked out once per schedule, contract period and calendar and shared, so
that the planner, the hours overview and the rules that check the same traject count them
only once.

Example:
    >>> import duaal_leren
    >>> from duaal_leren.werkdagen import werkplekdagen, werkplekuren_gemiddeld
    >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
    >>> round(werkplekuren_gemiddeld(traject), 1)
    22.8
    >>> [d.isoformat() for d in werkplekdagen(traject, einde=pendulum.date(2025, 9, 7))]
    ['2025-09-01', '2025-09-02', '2025-09-04']

References:
    R-OAO: Decreet 10-06-2016 betreffende alternerende opleidingen, art. 3: at least 20 hours
        a week of workplace training on average over the year, "zonder rekening te houden
        met de wettelijke feest- en vakantiedagen".
    duaalleren.vlaanderen (19-8-2019): dual learners with an OAO or SAO are off in every
        school vacation; other days without lessons are no vacation for them. A deeltijdse
        arbeidsovereenkomst is not suspended in the school vacations.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
from collections.abc import Iterator, Sequence

import attrs
import pendulum

from duaal_leren.exceptions import DuaalLerenError, shown_id
from duaal_leren.kalender import (
    KalenderArg,
    Schooljaar,
    Schoolkalender,
    Schoolkalenders,
    schoolkalender,
    schoolkalenders,
)
from duaal_leren.traject import Overeenkomstsoort, Rooster, Traject
from duaal_leren.vakantie import Vakantieuitzondering

__all__ = [
    "Weekuren",
    "Werkdagen",
    "WerkdagenError",
    "bezoekdagen",
    "gemiddelde",
    "schooldagen",
    "schooljaren",
    "telweken",
    "werkplekdagen",
    "werkplekuren_gemiddeld",
    "werkplekuren_per_week",
]


class WerkdagenError(DuaalLerenError, ValueError):
    """Working days that cannot be known: no weekly pattern, or no contract in the school year.

    Example:
        >>> import attrs, duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> try:
        ...     werkplekdagen(attrs.evolve(traject, weekpatroon=None))
        ... except WerkdagenError as error:
        ...     print(error.text("en"))
        traject TRJ-2025-0042 has no weekly pattern: its workplace days are unknown
    """


def _date(value: dt.date) -> pendulum.Date:
    return pendulum.Date(value.year, value.month, value.day)


def _days(start: dt.date, end: dt.date) -> Iterator[pendulum.Date]:
    # By ordinal: pendulum's own date arithmetic costs more than the rest of the loop.
    for ordinal in range(start.toordinal(), end.toordinal() + 1):
        yield pendulum.Date.fromordinal(ordinal)


def _jaren(start: dt.date, einde: dt.date) -> list[Schooljaar]:
    first, last = Schooljaar.from_date(start), Schooljaar.from_date(einde)
    return [Schooljaar(y) for y in range(first.startjaar, last.startjaar + 1)]


def _rooster(traject: Traject) -> Rooster:
    rooster = traject.rooster
    if rooster is None:
        raise WerkdagenError(
            f"traject {shown_id(traject.id)} heeft geen weekpatroon: de werkplekdagen zijn niet gekend",
            f"traject {shown_id(traject.id)} has no weekly pattern: its workplace days are unknown",
        )
    return rooster


def _vakantievrij(traject: Traject) -> bool:
    # R-HOLIDAY: since 1-9-2019 learners with an OAO or SAO are off in every school
    # vacation; a deeltijdse arbeidsovereenkomst is ordinary part-time employment.
    return traject.overeenkomst.soort is not Overeenkomstsoort.DEELTIJDSE_ARBEIDSOVEREENKOMST


def _eerste_kalender(traject: Traject) -> Schoolkalender:
    """The law's calendar of the school year in which the contract starts."""
    return schoolkalender(Schooljaar.from_date(traject.overeenkomst.start))


def _between(
    days: Sequence[pendulum.Date], start: dt.date, einde: dt.date
) -> tuple[pendulum.Date, ...]:
    return tuple(days[bisect.bisect_left(days, start) : bisect.bisect_right(days, einde)])


@functools.lru_cache(maxsize=1024)
def _jaar(
    rooster: Rooster,
    start: pendulum.Date,
    einde: pendulum.Date,
    kalender: Schoolkalender,
    extra: frozenset[dt.date],
    vrij: frozenset[dt.date],
    vakantievrij: bool = True,
) -> tuple[tuple[pendulum.Date, ...], tuple[pendulum.Date, ...]]:
    """The planned and the actual workplace days from ``start`` to ``einde``, in one school year.

    Cached: the key holds the schedule, the dates and the calendar, no traject, so a cohort
    whose learners share a schedule and a contract period shares the days too.
    """
    return _werkplekdagen_van_jaar(rooster, start, einde, kalender, extra, vrij, vakantievrij)


def _werkplekdagen_van_jaar(
    rooster: Rooster,
    start: pendulum.Date,
    einde: pendulum.Date,
    kalender: Schoolkalender,
    extra: frozenset[dt.date],
    vrij: frozenset[dt.date],
    vakantievrij: bool = True,
) -> tuple[tuple[pendulum.Date, ...], tuple[pendulum.Date, ...]]:
    planned: list[pendulum.Date] = []
    actual: list[pendulum.Date] = []
    for day in _days(start, einde):
        holiday = kalender.is_feestdag(day)
        off = vakantievrij and kalender.is_vakantie(day)
        if rooster.werkplekuren(day) > 0 and not off and not holiday:
            planned.append(day)
            if day not in vrij:
                actual.append(day)
        elif day in extra and not holiday:
            actual.append(day)
    return tuple(planned), tuple(actual)


@attrs.frozen(eq=False)
class Werkdagen:
    """What the working days of one traject depend on: its schedule, contract and calendars.

    Make one with `Werkdagen.from_traject` and pass it along: every question about the
    traject's days is answered from it, and each school year's days are worked out once.

    Attributes:
        traject: The traject's id.
        start: The contract's first day.
        einde: The contract's last day.
        rooster: The real schedule: weekly pattern or rotation, with the dated changes.
        kalenders: The school calendars.
        extra: The vacation days worked under a recorded exception.
        recuperatie: The workplace days taken off to recover them.
        vakantievrij: Whether the learner is off in the school vacations: true for an OAO
            and an SAO (R-HOLIDAY), false for a deeltijdse arbeidsovereenkomst, which the
            school vacations do not suspend.

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> dagen = Werkdagen.from_traject(traject)
        >>> len(dagen.werkplekdagen()), len(dagen.bezoekdagen()), len(dagen.schooldagen())
        (110, 110, 72)
    """

    traject: str
    start: pendulum.Date
    einde: pendulum.Date
    rooster: Rooster
    kalenders: Schoolkalenders
    extra: frozenset[dt.date] = frozenset()
    recuperatie: frozenset[dt.date] = frozenset()
    vakantievrij: bool = True

    @classmethod
    def from_traject(
        cls,
        traject: Traject,
        kalender: KalenderArg = None,
        uitzonderingen: Sequence[Vakantieuitzondering] | None = None,
    ) -> Werkdagen:
        """The working days of a traject.

        Args:
            traject: The traject.
            kalender: The school calendar(s); by default the law's calendar of each school
                year.
            uitzonderingen: The recorded holiday exceptions; by default the traject's own.

        Raises:
            WerkdagenError: The traject has no weekly pattern.
        """
        rooster = _rooster(traject)
        found = traject.vakantie_uitzonderingen if uitzonderingen is None else uitzonderingen
        return cls(
            traject=traject.id,
            start=_date(traject.overeenkomst.start),
            einde=_date(traject.overeenkomst.einde),
            rooster=rooster,
            kalenders=schoolkalenders(kalender),
            extra=frozenset(d for u in found for d in u.dagen),
            recuperatie=frozenset(d for u in found for d in u.recuperatie),
            vakantievrij=_vakantievrij(traject),
        )

    def periode(
        self, start: dt.date | None = None, einde: dt.date | None = None
    ) -> tuple[pendulum.Date, pendulum.Date]:
        """The part of the contract from ``start`` to ``einde`` (empty when start > einde)."""
        first = max(self.start, start) if start is not None else self.start
        last = min(self.einde, einde) if einde is not None else self.einde
        return _date(first), _date(last)

    def schooljaar(self, kalender: Schoolkalender) -> tuple[pendulum.Date, pendulum.Date]:
        """The first and last day of the contract in a calendar's school year.

        Raises:
            WerkdagenError: The contract does not run in that school year.
        """
        jaar = kalender.schooljaar
        first, last = self.periode(jaar.start, jaar.einde)
        if first > last:
            raise WerkdagenError(
                f"het contract van traject {shown_id(self.traject)} loopt niet in schooljaar {jaar}",
                f"the contract of traject {shown_id(self.traject)} does not run in school year {jaar}",
            )
        return first, last

    def _dagen(
        self, start: dt.date | None, einde: dt.date | None, which: int
    ) -> tuple[pendulum.Date, ...]:
        first, last = self.periode(start, einde)
        if first > last:
            return ()
        result: list[pendulum.Date] = []
        for jaar in _jaren(first, last):
            # The calendar first: it refuses a school year it does not cover, whose first
            # or last day may lie beyond the dates there are.
            kalender = self.kalenders.voor(jaar)
            low, high = self.periode(jaar.start, jaar.einde)
            extra = frozenset(d for d in self.extra if low <= d <= high)
            vrij = frozenset(d for d in self.recuperatie if low <= d <= high)
            days = _jaar(self.rooster, low, high, kalender, extra, vrij, self.vakantievrij)[which]
            result.extend(_between(days, first, last))
        return tuple(result)

    def werkplekdagen(
        self, start: dt.date | None = None, einde: dt.date | None = None
    ) -> tuple[pendulum.Date, ...]:
        """The days the learner is at the workplace; see `werkplekdagen`.

        Raises:
            KalenderError: A day lies in a school year the calendar does not cover.
        """
        return self._dagen(start, einde, 1)

    def gepland(
        self, start: dt.date | None = None, einde: dt.date | None = None
    ) -> tuple[pendulum.Date, ...]:
        """The workplace days of the schedule alone, without the holiday exceptions.

        A day of the contract with workplace hours in the schedule and that is neither in a
        school vacation nor a legal holiday: the days on which a vacation day worked can be
        recovered.

        Raises:
            KalenderError: A day lies in a school year the calendar does not cover.
        """
        return self._dagen(start, einde, 0)

    def schooldagen(
        self, start: dt.date | None = None, einde: dt.date | None = None
    ) -> tuple[pendulum.Date, ...]:
        """The days the learner is at school; see `schooldagen`.

        Raises:
            KalenderError: A day lies in a school year the calendar does not cover.
        """
        first, last = self.periode(start, einde)
        return tuple(
            day
            for day in _days(first, last)
            if self.rooster.uren(day)[1] > 0 and self.kalenders.voor(day).is_schooldag(day)
        )

    def bezoekdagen(
        self, start: dt.date | None = None, einde: dt.date | None = None
    ) -> tuple[pendulum.Date, ...]:
        """The days a trajectbegeleider can visit; see `bezoekdagen`.

        Raises:
            KalenderError: A day lies in a school year the calendar does not cover.
        """
        # Visits fall on school days, so only a whole workplace day from Monday to Friday
        # counts as one.
        whole = self.rooster.hele_werkplekdagen
        rooster = self.rooster
        return tuple(
            day
            for day in self.werkplekdagen(start, einde)
            if self.kalenders.voor(day).is_schooldag(day)
            and (not whole or (rooster.uren(day)[1] == 0 and day.isoweekday() <= 5))
        )


def schooljaren(traject: Traject) -> tuple[Schooljaar, ...]:
    """The school years the traject's contract runs in."""
    return tuple(_jaren(traject.overeenkomst.start, traject.overeenkomst.einde))


def werkplekdagen(
    traject: Traject,
    start: dt.date | None = None,
    einde: dt.date | None = None,
    *,
    kalender: KalenderArg = None,
    uitzonderingen: Sequence[Vakantieuitzondering] | None = None,
) -> tuple[pendulum.Date, ...]:
    """The days the learner is at the workplace.

    A day of the contract with workplace hours in the schedule (the weekly pattern or the
    rotation, with its dated changes), unless it lies in a school vacation or is a legal
    holiday; plus the vacation days worked under a
    recorded exception, less the days taken off to recover them. School days off that are no
    vacation (pedagogical study days, the Friday after Ascension) stay workplace days. A
    deeltijdse arbeidsovereenkomst is not suspended in the school vacations (R-HOLIDAY covers
    OAO and SAO): its vacation days stay workplace days too.

    Args:
        traject: The traject.
        start: The first day to consider; by default the contract's start.
        einde: The last day to consider; by default the contract's end.
        kalender: The school calendar(s); by default the law's calendar of each school year.
        uitzonderingen: The recorded holiday exceptions; by default the traject's own.

    Raises:
        WerkdagenError: The traject has no weekly pattern.
        KalenderError: A day lies in a school year the calendar does not cover.

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> [d.isoformat() for d in werkplekdagen(traject, einde=pendulum.date(2025, 9, 7))]
        ['2025-09-01', '2025-09-02', '2025-09-04']
    """
    dagen = Werkdagen.from_traject(traject, kalender, uitzonderingen)
    return dagen.werkplekdagen(start, einde)


def schooldagen(
    traject: Traject,
    start: dt.date | None = None,
    einde: dt.date | None = None,
    *,
    kalender: KalenderArg = None,
) -> tuple[pendulum.Date, ...]:
    """The days the learner is at school: school days with school hours in the schedule.

    Args:
        traject: The traject.
        start: The first day to consider; by default the contract's start.
        einde: The last day to consider; by default the contract's end.
        kalender: The school calendar(s); by default the law's calendar of each school year.

    Raises:
        WerkdagenError: The traject has no weekly pattern.
        KalenderError: A day lies in a school year the calendar does not cover.
    """
    return Werkdagen.from_traject(traject, kalender, ()).schooldagen(start, einde)


def bezoekdagen(
    traject: Traject,
    start: dt.date | None = None,
    einde: dt.date | None = None,
    *,
    kalender: KalenderArg = None,
    uitzonderingen: Sequence[Vakantieuitzondering] | None = None,
) -> tuple[pendulum.Date, ...]:
    """The days a trajectbegeleider can visit the learner at the workplace.

    Workplace days of the learner on which the school is open (a school day of the
    calendar: never a vacation, a day off or a study day). When the schedule has whole
    workplace days, only those: a day split between school and workplace is left for when
    there is no other.

    Args:
        traject: The traject.
        start: The first day to consider; by default the contract's start.
        einde: The last day to consider; by default the contract's end.
        kalender: The school calendar(s); by default the law's calendar of each school year.
        uitzonderingen: The recorded holiday exceptions; by default the traject's own.

    Raises:
        WerkdagenError: The traject has no weekly pattern.
        KalenderError: A day lies in a school year the calendar does not cover.
    """
    dagen = Werkdagen.from_traject(traject, kalender, uitzonderingen)
    return dagen.bezoekdagen(start, einde)


# --- hours (R-OAO) --------------------------------------------------------------------


@attrs.frozen
class Weekuren:
    """The workplace hours of one week (Monday to Sunday) of a traject.

    Attributes:
        maandag: The week's Monday.
        uren: The hours the learner actually spends at the workplace that week: legal
            holidays give none, nor do vacation days of an OAO or SAO.
        gepland: The hours the schedule plans on the week's days in the contract,
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


def werkplekuren_per_week(
    traject: Traject, kalender: Schoolkalender | None = None
) -> tuple[Weekuren, ...]:
    """The workplace hours of every week of the contract in one school year.

    Args:
        traject: The traject.
        kalender: The school year's calendar; by default the law's calendar of the school
            year in which the contract starts.

    Raises:
        WerkdagenError: The traject has no weekly pattern, or its contract does not run in
            the school year.

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> week = werkplekuren_per_week(traject)[10]  # Wapenstilstand on Tuesday
        >>> week.maandag.isoformat(), round(week.uren, 1), round(week.gepland, 1)
        ('2025-11-10', 15.2, 22.8)
    """
    rooster = _rooster(traject)
    k = kalender if kalender is not None else _eerste_kalender(traject)
    start, end = Werkdagen.from_traject(traject, k, ()).schooljaar(k)
    return _weken(rooster, start, end, k, _vakantievrij(traject))


@functools.lru_cache(maxsize=1024)
def _weken(
    rooster: Rooster,
    start: pendulum.Date,
    end: pendulum.Date,
    k: Schoolkalender,
    vakantievrij: bool,
) -> tuple[Weekuren, ...]:
    """The weeks of one school year of a schedule and contract period.

    Cached by schedule, dates and calendar: the hours overview, R-OAO and its sibling rules
    ask the same school year of the same traject, and a cohort shares its schedules.
    """
    weeks = []
    vacation, holiday = k._vakantie_ordinals, k._feest_ordinals
    # The hours of a contract the vacations do not suspend go on through them.
    suspended = vacation if vakantievrij else frozenset()
    first, last = start.toordinal(), end.toordinal()
    uren_op = rooster.uren_op
    # Days by ordinal: ordinal 1 (1 January of year 1) is a Monday.
    for monday in range(first - start.isoweekday() + 1, last + 1, 7):
        uren = gepland = 0.0
        telt = False
        low, high = max(monday, first), min(monday + 6, last)
        for day in range(low, high + 1):
            weekday = (day - 1) % 7 + 1
            hours = uren_op(day)[0]
            gepland += hours
            in_vacation = day in vacation
            if day not in suspended and day not in holiday:
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


def telweken(weken: Sequence[Weekuren]) -> tuple[Weekuren, ...]:
    """The weeks the yearly average runs over, as the decree counts them.

    The training weeks (`Weekuren.telt`); of those, the whole weeks, unless the contract
    holds no whole training week: then the weeks cut off by its start or end, each for its
    share of seven days.
    """
    weeks = [w for w in weken if w.telt]
    whole = [w for w in weeks if w.dagen == 7]
    return tuple(whole or weeks)


def werkplekuren_gemiddeld(traject: Traject, kalender: Schoolkalender | None = None) -> float:
    """The yearly average of workplace hours per week, as the decree counts it.

    The decree counts "gemiddeld op jaarbasis ... zonder rekening te houden met de wettelijke
    feest- en vakantiedagen". So the average runs over the training weeks of the contract in
    the school year: a week wholly in a school vacation is none, and a legal holiday or
    vacation day inside a training week does not lower it (the hours the schedule plans that
    week count). Weeks cut off by the start or end of the contract count only when the
    contract holds no whole training week, each for its share of seven days. With one weekly
    pattern the result is the pattern's workplace hours; with a rotation, or a block of
    weeks at school, the weeks of the school year decide it. Worked out once per schedule,
    contract period and calendar.

    Args:
        traject: The traject.
        kalender: The school year's calendar; by default the law's calendar of the school
            year in which the contract starts. Only the part of the contract in that school
            year counts.

    Returns:
        The average hours a week; 0 when the contract holds no training week.

    Raises:
        WerkdagenError: The traject has no weekly pattern, or its contract does not run in
            the school year.

    References:
        R-OAO: Decreet 10-06-2016 betreffende alternerende opleidingen, art. 3.

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> round(werkplekuren_gemiddeld(traject), 2)
        22.8
    """
    return gemiddelde(telweken(werkplekuren_per_week(traject, kalender)))


def gemiddelde(weken: Sequence[Weekuren], uren: Sequence[float] | None = None) -> float:
    """The average hours a week over counted weeks, each for its share of seven days.

    Args:
        weken: The counted weeks (`telweken`).
        uren: The hours of each week; by default those the schedule plans (`Weekuren.gepland`).

    Returns:
        The average; 0 for no weeks.
    """
    weight = sum(w.dagen for w in weken) / 7
    if not weight:
        return 0.0
    hours = [w.gepland for w in weken] if uren is None else uren
    # Rounded to a millionth of an hour: sums of hours like 7.6 carry binary noise that
    # would put a pattern of exactly 20 hours a hair below the line.
    return round(math.fsum(hours) / weight, 6)
