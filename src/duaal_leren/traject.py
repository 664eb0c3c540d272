"""One learner's dual trajectory (traject): learner, school, workplace, contract and plan.

A traject ties together a learner (lerende), the school (onderwijsinstelling) with its
trajectbegeleider, the company workplace (leerwerkplek) with its mentor, the contract
(overeenkomst), the weekly pattern of school and workplace days, the individual
opleidingsplan and practical agreements.

Personal data of the learner (name, date of birth, contact details, screening and support
needs) sits only in the fields marked with `PERSOONSGEGEVEN` in their metadata: the
``persoonsgegevens``, ``screening`` and ``ondersteuning`` of `Lerende`. They are left out of
``repr`` so that they never end up in a log, and a redacted copy can drop them.

References:
    Decreet 10-06-2016 betreffende alternerende opleidingen (contracts, mentor, recognition).
    Decreet 30-03-2018 betreffende duaal leren en de aanloopfase; BVR 14-09-2018.
"""

from __future__ import annotations

import enum

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
)
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
    "Mentor",
    "Ondersteuning",
    "Onderwijsinstelling",
    "Overeenkomst",
    "Overeenkomstsoort",
    "Persoon",
    "Persoonsgegevens",
    "PraktischeAfspraken",
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
        return list(Weekdag).index(self) + 1


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


@attrs.frozen(field_transformer=typed_fields)
class Afspraak:
    """A practical agreement on one subject."""

    onderwerp: str = attrs.field(validator=non_empty)
    afspraak: str = attrs.field(validator=non_empty)


@attrs.frozen(field_transformer=typed_fields)
class PraktischeAfspraken:
    """Practical agreements between school, company and learner.

    Attributes:
        afwezigheid: How the learner reports an absence, and to whom.
        veiligheid: Safety agreements (equipment, instruction, risks).
        overige: Other agreements (working hours, clothing, transport, ...).
        opvolging_weken: The agreed cadence of follow-up conversations: at most this many
            weeks between two of them (R-CONTACT: an agreement, no legal minimum).
    """

    afwezigheid: str | None = attrs.field(default=None, validator=optional(non_empty))
    veiligheid: str | None = attrs.field(default=None, validator=optional(non_empty))
    overige: tuple[Afspraak, ...] = ()
    opvolging_weken: int | None = attrs.field(default=None, validator=optional(at_least(1)))


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
        weekpatroon: School and workplace days of a normal week.
        bedrijfscontacten: Other contacts at the company.
        afspraken: Practical agreements.
        opvolgingsgesprekken: The follow-up conversations, planned, held and cancelled.
        beheersingsschaal: The scale competences are rated on; the default four-level
            scale (`Beheersingsschaal.standaard`) when empty.
        gespreksverslagen: Records of conversations held with a leidraad, such as the
            opstartgesprek.
        vakantie_uitzonderingen: Recorded exceptions that let the learner work in a school
            holiday (R-HOLIDAY).

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

    def __repr__(self) -> str:
        # A notebook or a log shows a short line, never the whole document.
        return _views.short_repr(self)

    def _repr_html_(self) -> str:
        return _views.html(self)
