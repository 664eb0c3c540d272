"""The holiday rule (R-HOLIDAY) in days: vacation days worked, their recovery, the summer rest.

Since 1 September 2019 learners in dual learning are off in every school vacation. A
recorded exception (`duaal_leren.vakantie.Vakantieuitzondering`) lets a learner work on
vacation days; those days are recovered on planned workplace days of the same school year,
and the learner always keeps `ZOMERRUST_DAGEN` consecutive days off in July and August.
`vakantiebalans` counts all of it for one school year of a traject, from its working days
(`duaal_leren.werkdagen`) and the school calendar. The rule covers learners with an OAO or an
SAO; a deeltijdse arbeidsovereenkomst is not suspended in the school vacations, and the
validation rules do not apply the holiday rule to it.

Example:
    >>> import duaal_leren
    >>> from duaal_leren.vakantieregeling import vakantiebalans
    >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
    >>> balans = vakantiebalans(traject)
    >>> balans.tekort, balans.houdt_zomerrust
    (0, True)

References:
    R-HOLIDAY: duaalleren.vlaanderen (19-8-2019); besox.be "Wijziging van vakantieregeling in
        het stelsel alternerend leren" (18-9-2019); sociare.be: learners are off in every
        school vacation; an individual exception needs agreement, an annex, recovery in the
        same school year, and four consecutive weeks off in July and August.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
import pendulum

from duaal_leren.kalender import Schooljaar, Schoolkalender, schoolkalender
from duaal_leren.traject import Traject
from duaal_leren.vakantie import Vakantieuitzondering
from duaal_leren.werkdagen import Werkdagen

__all__ = [
    "ZOMERRUST_DAGEN",
    "Vakantiebalans",
    "vakantiebalans",
    "werkplekdagen_in_vakantie",
    "zomerrust",
]

ZOMERRUST_DAGEN = 28
"""The four consecutive weeks off in July and August a learner always keeps (R-HOLIDAY)."""


def _kalender(traject: Traject, kalender: Schoolkalender | None) -> Schoolkalender:
    if kalender is not None:
        return kalender
    return schoolkalender(Schooljaar.from_date(traject.overeenkomst.start))


def _date(value: dt.date) -> pendulum.Date:
    return pendulum.Date(value.year, value.month, value.day)


def _in_vakantie(dagen: Werkdagen, k: Schoolkalender) -> tuple[pendulum.Date, ...]:
    start, end = dagen.schooljaar(k)
    return tuple(d for d in dagen.werkplekdagen(start, end) if k.is_vakantie(d))


def _zomerrust(dagen: Werkdagen, k: Schoolkalender) -> int:
    summer_start = pendulum.Date(k.schooljaar.startjaar + 1, 7, 1)
    end = k.schooljaar.einde
    worked = {d.toordinal() for d in dagen.werkplekdagen(summer_start, end)}
    longest = run = 0
    for ordinal in range(summer_start.toordinal(), end.toordinal() + 1):
        run = 0 if ordinal in worked else run + 1
        longest = max(longest, run)
    return longest


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
        WerkdagenError: The traject has no weekly pattern, or its contract does not run in
            the school year.
    """
    k = _kalender(traject, kalender)
    return _in_vakantie(Werkdagen.from_traject(traject, k, uitzonderingen), k)


def zomerrust(
    traject: Traject,
    kalender: Schoolkalender | None = None,
    uitzonderingen: Sequence[Vakantieuitzondering] | None = None,
) -> int:
    """The longest run of consecutive days off in July and August, in days.

    The summer that ends the school year counts; days outside the contract are days off. A
    learner always keeps `ZOMERRUST_DAGEN` (four weeks) in a row.

    Args:
        traject: The traject.
        kalender: The school year's calendar; by default that of the contract's start.
        uitzonderingen: The recorded holiday exceptions; by default the traject's own.

    Raises:
        WerkdagenError: The traject has no weekly pattern.
    """
    k = _kalender(traject, kalender)
    return _zomerrust(Werkdagen.from_traject(traject, k, uitzonderingen), k)


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
        recupereerbaar: The planned workplace days of the contract in the school year, after
            the first vacation day worked, that are not taken off for recovery yet: the days
            on which the days still owed can be recovered. Fewer than `tekort` means that
            the contract ends before all of them can be.
    """

    schooljaar: Schooljaar
    gewerkt: tuple[pendulum.Date, ...]
    gerecupereerd: tuple[pendulum.Date, ...]
    ongeldige_recuperatie: tuple[pendulum.Date, ...]
    zomerrust: int
    recupereerbaar: tuple[pendulum.Date, ...] = ()

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
        WerkdagenError: The traject has no weekly pattern, or its contract does not run in
            the school year.

    References:
        R-HOLIDAY: besox.be (18-9-2019): "Deze dagen dienen gerecupereerd te worden op dagen
        dat hij normaal opleiding volgt in de onderneming en dit binnen hetzelfde schooljaar."
    """
    k = _kalender(traject, kalender)
    found = traject.vakantie_uitzonderingen if uitzonderingen is None else tuple(uitzonderingen)
    dagen = Werkdagen.from_traject(traject, k, found)
    start, end = dagen.schooljaar(k)
    # The recovery days are checked against the pattern alone: they are the days taken off.
    planned = set(dagen.gepland(start, end))
    # Recovery belongs to the exception whose holiday days fall in this school year: the
    # days of another year's exception neither count here nor are wrong here.
    own = [u for u in found if any(d in k.schooljaar for d in u.dagen)]
    recovery = sorted({d for u in own for d in u.recuperatie if d in k.schooljaar})
    outside = sorted({d for u in own for d in u.recuperatie if d not in k.schooljaar})
    gewerkt = _in_vakantie(dagen, k)
    taken = set(recovery)
    recupereerbaar = (
        tuple(d for d in dagen.gepland(gewerkt[0], end) if d > gewerkt[0] and d not in taken)
        if gewerkt
        else ()
    )
    return Vakantiebalans(
        schooljaar=k.schooljaar,
        gewerkt=gewerkt,
        gerecupereerd=tuple(_date(d) for d in recovery if d in planned),
        ongeldige_recuperatie=tuple(
            _date(d) for d in sorted([*outside, *(d for d in recovery if d not in planned)])
        ),
        zomerrust=_zomerrust(dagen, k),
        recupereerbaar=recupereerbaar,
    )
