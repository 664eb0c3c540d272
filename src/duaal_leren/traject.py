"""One learner's dual trajectory (traject): learner, school, workplace, contract and plan.

A traject ties together a learner (lerende), the school (onderwijsinstelling) with its
trajectbegeleider, the company workplace (leerwerkplek) with its mentor, the contract
(overeenkomst), the schedule of school and workplace days, the individual opleidingsplan and
practical agreements.

The schedule (`Rooster`) is one weekly pattern (``weekpatroon``) or a rotation of several
(``rotatie``: week A, week B, ... from an anchor week), with dated changes on top
(``roosterwijzigingen``: a block of exam weeks at school, a moved workplace day, a class
trip), each with its reason. `Traject.rooster` puts them together; ``docs/werktijd.md``
describes the whole model.

Personal data of the learner (name, date of birth, contact details, screening and support
needs) sits only in the fields marked with `PERSOONSGEGEVEN` in their metadata: the
``persoonsgegevens``, ``screening`` and ``ondersteuning`` of `Lerende`. They are left out of
``repr`` so that they never end up in a log, and a redacted copy can drop them.

References:
    Decreet 10-06-2016 betreffende alternerende opleidingen (contracts, mentor, recognition).
    Decreet 30-03-2018 betreffende duaal leren en de aanloopfase; BVR 14-09-2018.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from typing import Any

import attrs
import pendulum

from duaal_leren import _views
from duaal_leren._validators import (
    PERSONAL,
    PERSOONSGEGEVEN,
    at_least,
    in_range,
    non_empty,
    ondernemingsnummer,
    optional,
    typed_fields,
    validator,
)
from duaal_leren.exceptions import FieldError
from duaal_leren.gespreksverslag import Gespreksverslag
from duaal_leren.opleidingsplan import IndividueelOpleidingsplan
from duaal_leren.opvolging import Beheersingsschaal, Opvolgingsgesprek
from duaal_leren.vakantie import Vakantieuitzondering

__all__ = [
    "PERSOONSGEGEVEN",
    "Afspraak",
    "Bedrijfscontact",
    "Contact",
    "Erkenning",
    "Leerwerkplek",
    "Lerende",
    "Meldingsafspraak",
    "Meldpartij",
    "Mentor",
    "Ondersteuning",
    "Onderwijsinstelling",
    "Overeenkomst",
    "Overeenkomstsoort",
    "Persoon",
    "Persoonsgegevens",
    "PraktischeAfspraken",
    "Rooster",
    "Roosterwijziging",
    "Rotatie",
    "Screening",
    "Traject",
    "Weekdag",
    "Weekpatroon",
    "Werkdag",
    "WerkdagPlaats",
]

_PERSONAL = PERSONAL


@attrs.frozen(field_transformer=typed_fields)
class Contact:
    """How to reach someone.

    Attributes:
        email: E-mail address.
        telefoon: Phone number.
        bereikbaarheid: When and how best to reach them ("ma-vr 8-16u, liefst per mail").
    """

    email: str | None = attrs.field(default=None, validator=optional(non_empty))
    telefoon: str | None = attrs.field(default=None, validator=optional(non_empty))
    bereikbaarheid: str | None = attrs.field(default=None, validator=optional(non_empty))


# Shared empty parts: the objects are immutable, so every default can be the same one.
_NO_CONTACT = Contact()


@attrs.frozen(field_transformer=typed_fields)
class Persoon:
    """A person in the traject (contact person, trajectbegeleider, teacher).

    Attributes:
        naam: Full name.
        functie: Role or subject ("vakleerkracht elektriciteit").
        contact: How and when to reach them.
    """

    naam: str = attrs.field(validator=non_empty)
    functie: str | None = attrs.field(default=None, validator=optional(non_empty))
    contact: Contact = attrs.field(default=_NO_CONTACT)


@attrs.frozen(repr=False, field_transformer=typed_fields)
class Persoonsgegevens:
    """Identifying data of the learner. Personal data: never logged.

    Attributes:
        naam: Full name.
        geboortedatum: Date of birth (R-LEARNER checks the age from it).
        contact: Contact details of the learner.
        adres: Home address.
    """

    naam: str = attrs.field(validator=non_empty)
    geboortedatum: pendulum.Date | None = None
    contact: Contact = attrs.field(default=_NO_CONTACT)
    adres: str | None = attrs.field(default=None, validator=optional(non_empty))

    def __repr__(self) -> str:
        # Personal data: a log or a traceback names the class, never what it holds.
        return "Persoonsgegevens(<persoonsgegevens>)"


@attrs.frozen(repr=False, field_transformer=typed_fields)
class Screening:
    """Outcome of the screening arbeidsrijpheid: the klassenraad's non-binding advice.

    Personal data: never logged.

    Attributes:
        datum: When the advice was given.
        advies: The advice as given ("arbeidsrijp", "arbeidsbereid", ...).
        sterktes: The learner's strengths.
        aandachtspunten: Points of attention.
    """

    datum: pendulum.Date | None = None
    advies: str | None = attrs.field(default=None, validator=optional(non_empty))
    sterktes: tuple[str, ...] = ()
    aandachtspunten: tuple[str, ...] = ()

    def __repr__(self) -> str:
        # Personal data: a log or a traceback names the class, never what it holds.
        return "Screening(<screening>)"


@attrs.frozen(repr=False, field_transformer=typed_fields)
class Ondersteuning:
    """Support needs of the learner and what was agreed. Personal data: never logged.

    Attributes:
        noden: What support the learner needs.
        afspraken: What school and company agreed to provide.
    """

    noden: tuple[str, ...] = ()
    afspraken: tuple[str, ...] = ()

    def __repr__(self) -> str:
        # Personal data: a log or a traceback names the class, never what it holds.
        return "Ondersteuning(<ondersteuning>)"


@attrs.frozen(field_transformer=typed_fields)
class Lerende:
    """The learner.

    Attributes:
        id: A pseudonymous id that identifies the learner across documents without naming
            them; safe to log and to show in schedules.
        vooropleiding: Prior education.
        motivatie: Why the learner chose this course and workplace.
        leerplicht_voltooid: Whether the learner has finished full-time compulsory
            schooling (voltijdse leerplicht); R-LEARNER reads it. Unknown when ``None``.
        persoonsgegevens: Name, date of birth, contact details. Personal data.
        screening: Outcome of the screening arbeidsrijpheid. Personal data.
        ondersteuning: Support needs. Personal data.
    """

    id: str = attrs.field(validator=non_empty)
    vooropleiding: str | None = attrs.field(default=None, validator=optional(non_empty))
    motivatie: str | None = attrs.field(default=None, validator=optional(non_empty))
    leerplicht_voltooid: bool | None = None
    persoonsgegevens: Persoonsgegevens | None = attrs.field(
        default=None, repr=False, metadata=_PERSONAL
    )
    screening: Screening | None = attrs.field(default=None, repr=False, metadata=_PERSONAL)
    ondersteuning: Ondersteuning | None = attrs.field(default=None, repr=False, metadata=_PERSONAL)


@attrs.frozen(field_transformer=typed_fields)
class Onderwijsinstelling:
    """The school.

    Attributes:
        naam: Name of the school.
        instellingsnummer: The school's number with the Flemish education administration.
        contactpersoon: The company's contact person at the school.
        trajectbegeleider: The school's coordinator who follows the learner at the workplace.
        vakleerkrachten: Subject teachers involved.
    """

    naam: str = attrs.field(validator=non_empty)
    trajectbegeleider: Persoon | None = None
    instellingsnummer: str | None = attrs.field(default=None, validator=optional(non_empty))
    contactpersoon: Persoon | None = None
    vakleerkrachten: tuple[Persoon, ...] = ()


@attrs.frozen(field_transformer=typed_fields)
class Erkenning:
    """Recognition of a vestiging as leerwerkplek for one course (R-ERKENNING).

    Recognition is granted per opleiding and per vestiging by the sectoral partnership and is
    valid for five years (mtechplus.be; commercetraining.be).

    Attributes:
        opleiding: The course it is recognised for.
        geldig_tot: The last day of validity.
        geldig_vanaf: The first day of validity.
        nummer: The recognition's reference, if any.
    """

    opleiding: str = attrs.field(validator=non_empty)
    geldig_tot: pendulum.Date
    geldig_vanaf: pendulum.Date | None = None
    nummer: str | None = attrs.field(default=None, validator=optional(non_empty))


@attrs.frozen(field_transformer=typed_fields)
class Leerwerkplek:
    """The company workplace.

    Attributes:
        onderneming: The company's name.
        ondernemingsnummer: Its KBO number, such as ``0123.456.749``.
        vestiging: The establishment where the learner works (recognition is per vestiging).
        vestigingsnummer: Its KBO establishment number.
        adres: Address of the vestiging.
        erkenningen: Recognitions as leerwerkplek, per course.
    """

    onderneming: str = attrs.field(validator=non_empty)
    ondernemingsnummer: str | None = attrs.field(
        default=None, validator=optional(ondernemingsnummer)
    )
    vestiging: str | None = attrs.field(default=None, validator=optional(non_empty))
    vestigingsnummer: str | None = attrs.field(default=None, validator=optional(non_empty))
    adres: str | None = attrs.field(default=None, validator=optional(non_empty))
    erkenningen: tuple[Erkenning, ...] = ()


@attrs.frozen(field_transformer=typed_fields)
class Mentor:
    """The company's trainer of the learner (R-MENTOR).

    Attributes:
        naam: Full name.
        geboortedatum: Date of birth; the mentor must be at least 25 on appointment.
        aanstelling: Date of appointment as mentor of this learner.
        ervaring_jaren: Years of experience in the trade.
        vrijstelling_ervaring: Why the experience requirement is waived (relevant education
            or EVC), if it is.
        uittreksel_strafregister: Issue date of the criminal-record extract (model 596.2).
        mentoropleiding: Date the mentor training was completed.
        leeftijdsuitzondering: The partnership allows a mentor from 23 instead of 25.
        contact: How and when to reach the mentor.
    """

    naam: str = attrs.field(validator=non_empty, repr=False, metadata=_PERSONAL)
    geboortedatum: pendulum.Date | None = attrs.field(default=None, repr=False, metadata=_PERSONAL)
    aanstelling: pendulum.Date | None = None
    ervaring_jaren: float | None = attrs.field(default=None, validator=optional(at_least(0)))
    vrijstelling_ervaring: str | None = attrs.field(default=None, validator=optional(non_empty))
    uittreksel_strafregister: pendulum.Date | None = None
    mentoropleiding: pendulum.Date | None = None
    leeftijdsuitzondering: bool = False
    contact: Contact = attrs.field(default=_NO_CONTACT, repr=False, metadata=_PERSONAL)


@attrs.frozen(field_transformer=typed_fields)
class Bedrijfscontact:
    """Another contact at the company, with their role (HR, directie, ploegbaas, ...)."""

    naam: str = attrs.field(validator=non_empty, repr=False, metadata=_PERSONAL)
    rol: str = attrs.field(validator=non_empty)
    contact: Contact = attrs.field(default=_NO_CONTACT, repr=False, metadata=_PERSONAL)


class Overeenkomstsoort(enum.Enum):
    """The kind of contract (Decreet 10-06-2016 art. 3).

    References:
        R-OAO: Decreet 10-06-2016 art. 3; vlaanderen.be "overeenkomsten".
    """

    OAO = "oao"
    """Overeenkomst alternerende opleiding: at least 20 workplace hours a week on average."""
    SAO = "sao"
    """Stageovereenkomst alternerende opleiding: fewer hours or a simulated workplace."""
    DEELTIJDSE_ARBEIDSOVEREENKOMST = "deeltijdse-arbeidsovereenkomst"
    """A part-time employment contract."""


@attrs.frozen(field_transformer=typed_fields)
class Overeenkomst:
    """The contract between company and learner.

    Attributes:
        soort: OAO, SAO or deeltijdse arbeidsovereenkomst.
        start: First day of the contract.
        einde: Last day of the contract.
        uren_per_week: The company's normal weekly working hours (school plus workplace
            for a full-time OAO, typically 38).
    """

    soort: Overeenkomstsoort
    start: pendulum.Date
    einde: pendulum.Date
    uren_per_week: float | None = attrs.field(default=None, validator=optional(in_range(0, 60)))

    @property
    def periode(self) -> pendulum.Interval[pendulum.Date]:
        """The contract period as an interval from start to end."""
        return pendulum.Interval(self.start, self.einde)


class Weekdag(enum.Enum):
    """A day of the week."""

    MAANDAG = "maandag"
    DINSDAG = "dinsdag"
    WOENSDAG = "woensdag"
    DONDERDAG = "donderdag"
    VRIJDAG = "vrijdag"
    ZATERDAG = "zaterdag"
    ZONDAG = "zondag"

    @property
    def isoweekday(self) -> int:
        """1 for Monday to 7 for Sunday, as `datetime.date.isoweekday`."""
        # A table, not a search of the members: every day of every schedule asks it.
        return _ISOWEEKDAG[self]


_ISOWEEKDAG = {day: number for number, day in enumerate(Weekdag, start=1)}


class WerkdagPlaats(enum.Enum):
    """Where the learner spends (part of) a day of the weekly pattern."""

    SCHOOL = "school"
    WERKPLEK = "werkplek"


@attrs.frozen(field_transformer=typed_fields)
class Werkdag:
    """One block of the weekly pattern: a weekday, where, and how many hours.

    A day split between school and workplace has two blocks.
    """

    dag: Weekdag
    plaats: WerkdagPlaats
    uren: float = attrs.field(validator=in_range(0, 24))


@attrs.frozen(field_transformer=typed_fields)
class Weekpatroon:
    """Which weekdays the learner is at the workplace and at school, with the hours.

    Example:
        >>> p = Weekpatroon((
        ...     Werkdag(Weekdag.MAANDAG, WerkdagPlaats.WERKPLEK, 7.6),
        ...     Werkdag(Weekdag.DINSDAG, WerkdagPlaats.SCHOOL, 7.6),
        ... ))
        >>> p.werkplekuren, p.dagen_van(WerkdagPlaats.SCHOOL)
        (7.6, (<Weekdag.DINSDAG: 'dinsdag'>,))
    """

    dagen: tuple[Werkdag, ...]

    def uren(self, plaats: WerkdagPlaats) -> float:
        """Hours a week at one place."""
        return sum(d.uren for d in self.dagen if d.plaats is plaats)

    @property
    def werkplekuren(self) -> float:
        """Hours a week at the workplace."""
        return self.uren(WerkdagPlaats.WERKPLEK)

    @property
    def schooluren(self) -> float:
        """Hours a week at school."""
        return self.uren(WerkdagPlaats.SCHOOL)

    def dagen_van(self, plaats: WerkdagPlaats) -> tuple[Weekdag, ...]:
        """The weekdays with time at one place, Monday first."""
        days = {d.dag for d in self.dagen if d.plaats is plaats}
        return tuple(d for d in Weekdag if d in days)


def _at_least_one(name: str, value: Sequence[Any]) -> None:
    if not value:
        raise FieldError(name, "heeft minstens één item nodig", "needs at least one item")


_NOT_EMPTY_LIST = validator(_at_least_one, {"minItems": 1})


def _maandag(day: dt.date) -> int:
    """The ordinal of the Monday of the day's week (ordinal 1, 1 January of year 1, is one)."""
    ordinal = day.toordinal()
    return ordinal - (ordinal - 1) % 7


@attrs.frozen(field_transformer=typed_fields)
class Rotatie:
    """Weekly patterns that take turns: week A, week B, ... and then A again.

    The week (Monday to Sunday) that holds ``start`` follows the first pattern, the next
    week the second, and so on; after the last pattern the first comes again. Weeks before
    ``start`` follow the same turn backwards, and school vacations do not stop it: the
    turn counts calendar weeks, as a school's timetable of A and B weeks does.

    Attributes:
        start: A day of the week that follows the first pattern (usually its Monday).
        weken: The weekly patterns in turn; one or more.

    Example:
        >>> a = Weekpatroon((Werkdag(Weekdag.MAANDAG, WerkdagPlaats.WERKPLEK, 7.6),))
        >>> b = Weekpatroon((Werkdag(Weekdag.MAANDAG, WerkdagPlaats.SCHOOL, 7.6),))
        >>> rotatie = Rotatie(pendulum.date(2025, 9, 1), (a, b))
        >>> rotatie.patroon(pendulum.date(2025, 9, 10)) is b
        True
    """

    start: pendulum.Date
    weken: tuple[Weekpatroon, ...] = attrs.field(validator=_NOT_EMPTY_LIST)

    def patroon(self, day: dt.date) -> Weekpatroon:
        """The weekly pattern of the week that holds ``day``."""
        weeks = (_maandag(day) - _maandag(self.start)) // 7
        return self.weken[weeks % len(self.weken)]


@attrs.frozen(field_transformer=typed_fields)
class Roosterwijziging:
    """A dated change of the schedule: a block of weeks, or a single day, with its reason.

    On each day from ``start`` to ``einde`` whose weekday the change names, the change's
    blocks replace the day's blocks of the weekly pattern; the weekdays it does not name
    keep theirs. So a block of exam weeks at school names Monday to Friday at school, a
    class trip on a workplace day names that one weekday at school, and a day without
    school or workplace names its weekday with 0 hours. Where changes overlap, the last one
    listed wins.

    Attributes:
        start: The first day of the change.
        reden: Why the schedule changes ("examenweken", "klasuitstap", ...).
        dagen: The blocks that apply, per weekday, as in a `Weekpatroon`.
        einde: The last day of the change; the change is of ``start`` alone when empty.

    Example:
        >>> uitstap = Roosterwijziging(
        ...     pendulum.date(2026, 3, 12),
        ...     "klasuitstap",
        ...     (Werkdag(Weekdag.DONDERDAG, WerkdagPlaats.SCHOOL, 7.6),),
        ... )
        >>> uitstap.laatste_dag.isoformat()
        '2026-03-12'
    """

    start: pendulum.Date
    reden: str = attrs.field(validator=non_empty)
    dagen: tuple[Werkdag, ...]
    einde: pendulum.Date | None = None

    @property
    def laatste_dag(self) -> pendulum.Date:
        """The last day of the change: ``einde``, or ``start`` for a change of one day."""
        return self.einde if self.einde is not None else self.start

    @property
    def weekdagen(self) -> frozenset[Weekdag]:
        """The weekdays the change names."""
        return frozenset(block.dag for block in self.dagen)


def _per_weekdag(blocks: Sequence[Werkdag]) -> dict[int, tuple[float, float]]:
    """Workplace and school hours per ISO weekday named by the blocks."""
    hours: dict[int, tuple[float, float]] = {}
    for block in blocks:
        werk, school = hours.get(block.dag.isoweekday, (0.0, 0.0))
        if block.plaats is WerkdagPlaats.WERKPLEK:
            werk += block.uren
        else:
            school += block.uren
        hours[block.dag.isoweekday] = (werk, school)
    return hours


_GEEN_UREN = (0.0, 0.0)
_EEN_MAANDAG = pendulum.Date(2001, 1, 1)


@attrs.frozen(cache_hash=True)
class Rooster:
    """The real schedule of a traject: which hours fall at the workplace and at school, per date.

    Not a part of the document but a view of it: `Traject.rooster` builds it from the
    weekly pattern or the rotation, with the dated changes on top. It is hashable, so that
    what is worked out from a schedule (the workplace days of a school year, its average
    hours) is worked out once and shared by every traject with the same schedule.

    Attributes:
        weken: The weekly patterns in turn (one for a single weekly pattern).
        start: A day of the week that follows the first pattern.
        wijzigingen: The dated changes, in the order listed.

    Example:
        >>> import duaal_leren
        >>> rooster = duaal_leren.load("examples/traject-lotte.yaml").rooster
        >>> rooster.uren(pendulum.date(2025, 9, 1)), rooster.uren(pendulum.date(2025, 9, 3))
        ((7.6, 0.0), (0.0, 7.6))
    """

    weken: tuple[Weekpatroon, ...]
    start: pendulum.Date
    wijzigingen: tuple[Roosterwijziging, ...] = ()
    _anker: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _weken: tuple[dict[int, tuple[float, float]], ...] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _gewijzigd: dict[int, tuple[float, float]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        # What every date asks is worked out once: the hours per weekday of each pattern,
        # and the hours of every day a change names.
        changed: dict[int, tuple[float, float]] = {}
        for change in self.wijzigingen:
            named = _per_weekdag(change.dagen)
            first, last = change.start.toordinal(), change.laatste_dag.toordinal()
            for ordinal in range(first, last + 1):
                hours = named.get((ordinal - 1) % 7 + 1)
                if hours is not None:
                    changed[ordinal] = hours
        object.__setattr__(self, "_anker", _maandag(self.start))
        object.__setattr__(self, "_weken", tuple(_per_weekdag(w.dagen) for w in self.weken))
        object.__setattr__(self, "_gewijzigd", changed)

    @classmethod
    def from_traject(cls, traject: Traject) -> Rooster | None:
        """The schedule of a traject; ``None`` when it records neither pattern nor rotation.

        A rotation comes before a single weekly pattern when a traject holds both (rule
        ``rooster`` reports that as an error).
        """
        if traject.rotatie is not None:
            rotatie = traject.rotatie
            return cls(rotatie.weken, rotatie.start, traject.roosterwijzigingen)
        if traject.weekpatroon is not None:
            # One pattern turns with no week: any anchor does, and the same one lets every
            # traject with this pattern share what is worked out from it.
            return cls((traject.weekpatroon,), _EEN_MAANDAG, traject.roosterwijzigingen)
        return None

    def uren(self, day: dt.date) -> tuple[float, float]:
        """The hours at the workplace and at school on a day, whatever the calendar says."""
        return self.uren_op(day.toordinal())

    def uren_op(self, ordinal: int) -> tuple[float, float]:
        """`uren` of the day with this ordinal (`datetime.date.toordinal`), for long runs of days."""
        changed = self._gewijzigd.get(ordinal)
        if changed is not None:
            return changed
        week = self._weken[((ordinal - self._anker) // 7) % len(self._weken)]
        return week.get((ordinal - 1) % 7 + 1, _GEEN_UREN)

    def werkplekuren(self, day: dt.date) -> float:
        """The workplace hours of the schedule on a day, whatever the calendar says."""
        return self.uren(day)[0]

    @property
    def hele_werkplekdagen(self) -> bool:
        """Whether the schedule has whole workplace days (workplace, no school) on weekdays.

        Counts the weekly patterns and the changes alike.
        """
        tables = [*self._weken, *(_per_weekdag(c.dagen) for c in self.wijzigingen)]
        return any(
            werk > 0 and school == 0 and day <= 5
            for table in tables
            for day, (werk, school) in table.items()
        )


class Meldpartij(enum.Enum):
    """Who reports an absence, or is told of it."""

    LERENDE = "lerende"
    OUDERS = "ouders"
    MENTOR = "mentor"
    ONDERNEMING = "onderneming"
    TRAJECTBEGELEIDER = "trajectbegeleider"
    SCHOOL = "school"


# The schedule `Traject.rooster` made last, with the parts it was made of: one tuple,
# replaced whole, so that a thread reads either the old one or the new one.
_LAST_ROOSTER: list[tuple[Any, Any, Any, Rooster | None]] = [(object(), None, None, None)]


@attrs.frozen(field_transformer=typed_fields)
class Meldingsafspraak:
    """The agreement on reporting an absence: who tells whom, and within how many days.

    The Leidraad opstartgesprek asks it at the start ("Hoe brengen bedrijf en school elkaar
    op de hoogte indien de lerende afwezig is?"); the agreement, not the law, sets the time.

    Attributes:
        door: Who reports the absence (usually the learner).
        aan: Who is told: one or more.
        binnen_dagen: Within how many days of the absence; 0 for the same day.
    """

    door: Meldpartij
    aan: tuple[Meldpartij, ...] = attrs.field(validator=_NOT_EMPTY_LIST)
    binnen_dagen: int = attrs.field(default=0, validator=in_range(0, 366))


@attrs.frozen(field_transformer=typed_fields)
class Afspraak:
    """A practical agreement on one subject."""

    onderwerp: str = attrs.field(validator=non_empty)
    afspraak: str = attrs.field(validator=non_empty)


@attrs.frozen(field_transformer=typed_fields)
class PraktischeAfspraken:
    """Practical agreements between school, company and learner.

    Attributes:
        afwezigheid: How the learner reports an absence, and to whom, in words.
        veiligheid: Safety agreements (equipment, instruction, risks).
        overige: Other agreements (working hours, clothing, transport, ...).
        opvolging_weken: The agreed cadence of follow-up conversations: at most this many
            weeks between two of them (R-CONTACT: an agreement, no legal minimum).
        afwezigheidsmelding: The same agreement on absences as data: who tells whom,
            within how many days; rule ``afwezigheid-melding`` checks an attendance record
            against it.
    """

    afwezigheid: str | None = attrs.field(default=None, validator=optional(non_empty))
    veiligheid: str | None = attrs.field(default=None, validator=optional(non_empty))
    overige: tuple[Afspraak, ...] = ()
    opvolging_weken: int | None = attrs.field(default=None, validator=optional(at_least(1)))
    afwezigheidsmelding: Meldingsafspraak | None = None


_NO_AFSPRAKEN = PraktischeAfspraken()


@attrs.frozen(field_transformer=typed_fields)
class Traject:
    """One learner's dual trajectory between a school and a company workplace.

    Attributes:
        id: Identifies the traject.
        lerende: The learner.
        school: The school with its trajectbegeleider.
        werkplek: The company workplace.
        mentor: The learner's mentor at the company.
        overeenkomst: The contract.
        opleidingsplan: The learner's individual opleidingsplan.
        weekpatroon: School and workplace days of a normal week, when every week is the
            same.
        bedrijfscontacten: Other contacts at the company.
        afspraken: Practical agreements.
        opvolgingsgesprekken: The follow-up conversations, planned, held and cancelled.
        beheersingsschaal: The scale competences are rated on; the default four-level
            scale (`Beheersingsschaal.standaard`) when empty.
        gespreksverslagen: Records of conversations held with a leidraad, such as the
            opstartgesprek.
        vakantie_uitzonderingen: Recorded exceptions that let the learner work in a school
            holiday (R-HOLIDAY).
        rotatie: Weekly patterns that take turns (week A, week B, ...), instead of one
            ``weekpatroon``.
        roosterwijzigingen: Dated changes of the schedule (exam weeks at school, a moved
            workplace day, a class trip), each with its reason.

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> traject.lerende
        Lerende(id='LRN-2025-0042', vooropleiding='2de graad elektriciteit', motivatie=...)
        >>> traject.overeenkomst.soort.value
        'oao'
    """

    id: str = attrs.field(validator=non_empty)
    lerende: Lerende
    school: Onderwijsinstelling
    werkplek: Leerwerkplek
    overeenkomst: Overeenkomst
    opleidingsplan: IndividueelOpleidingsplan
    mentor: Mentor | None = None
    weekpatroon: Weekpatroon | None = None
    bedrijfscontacten: tuple[Bedrijfscontact, ...] = ()
    afspraken: PraktischeAfspraken = attrs.field(default=_NO_AFSPRAKEN)
    opvolgingsgesprekken: tuple[Opvolgingsgesprek, ...] = ()
    beheersingsschaal: Beheersingsschaal | None = None
    gespreksverslagen: tuple[Gespreksverslag, ...] = ()
    vakantie_uitzonderingen: tuple[Vakantieuitzondering, ...] = ()
    rotatie: Rotatie | None = None
    roosterwijzigingen: tuple[Roosterwijziging, ...] = ()

    @property
    def rooster(self) -> Rooster | None:
        """The real schedule: the pattern or rotation with the dated changes; see `Rooster`.

        ``None`` when the traject records neither a weekly pattern nor a rotation.
        """
        # The rules and the hours overview ask for it many times over: the last one made is
        # kept, with the very parts it was made of (held, so that none can be another).
        last = _LAST_ROOSTER[0]
        if (
            last[0] is self.rotatie
            and last[1] is self.weekpatroon
            and last[2] is self.roosterwijzigingen
        ):
            return last[3]
        rooster = Rooster.from_traject(self)
        _LAST_ROOSTER[0] = (self.rotatie, self.weekpatroon, self.roosterwijzigingen, rooster)
        return rooster

    def __repr__(self) -> str:
        # A notebook or a log shows a short line, never the whole document.
        return _views.short_repr(self)

    def _repr_html_(self) -> str:
        return _views.html(self)
