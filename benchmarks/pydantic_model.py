r"""A pydantic v2 model of the traject document, mirroring the attrs model, for benchmarks only.

This module is not part of the library. The benchmark uses it to compare how fast a JSON
traject document is read by `duaal_leren.loads` and by ``Traject.model_validate_json``.
For the comparison to be fair, the model describes the same documents with the same
strictness as the attrs classes and the library's converter (``duaal_leren._convert``):

- every class of a traject document has a model here, with the same fields, the same
  required fields and the same defaults; unknown keys are refused (``extra="forbid"``);
- strict mode: text must be a JSON string, a whole number a JSON integer (not ``3.0``, not
  ``true``), a number an integer or a finite float (``allow_inf_nan=False``), a flag a JSON
  boolean, a date a string ``YYYY-MM-DD`` that names a real day, a list a JSON array (read
  into a tuple), an enum one of its values;
- `NonEmpty` is exactly ``_validators.non_empty``: text that is not only white space as
  `str.strip` defines it. The pattern ``[^\s\x1c-\x1f]`` (Rust regex, searched) holds
  exactly for those strings: Rust's ``\s`` is Unicode ``White_Space``, to which Python's
  `str.isspace` adds the four separators U+001C to U+001F (checked over every code point);
- patterns are those of the attrs validators, anchored as ``re.fullmatch`` anchors them;
  the ESCO pattern's ``\S`` is widened the same way as `NonEmpty`;
- the checks the attrs classes run beyond single values are model validators: the
  ascending levels of a `Beheersingsschaal`, the check digit of a company number;
- a default object (an empty `Contact`, `Referenties`, `PraktischeAfspraken`) is one
  instance shared by every model that leaves the field out, as the attrs classes share
  theirs; the models are frozen, so sharing is safe, and pydantic does not copy a default
  (a ``default_factory`` would build a new object per field, which makes pydantic 12-16%
  slower than it need be).

What pydantic does not do like the library: a JSON object that repeats a key keeps the last
value instead of being refused, and the problems are reported in pydantic's words.
"""

import enum
import itertools
from datetime import date
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

__all__ = [
    "Actie",
    "Afspraak",
    "Agendapunt",
    "Antwoord",
    "Bedrijfscontact",
    "Beheersingsschaal",
    "Beoordelaar",
    "Competentie",
    "Contact",
    "Deelnemer",
    "Erkenning",
    "Feedback",
    "Gesprekslocatie",
    "Gespreksrol",
    "Gespreksstatus",
    "Gespreksverslag",
    "Handtekening",
    "IndividueelOpleidingsplan",
    "Leerfocus",
    "Leerkans",
    "Leerplaats",
    "Leerwerkplek",
    "LeidraadReferentie",
    "Lerende",
    "Mentor",
    "NietAanleerbaar",
    "Niveau",
    "NonEmpty",
    "Observatie",
    "Ondersteuning",
    "Onderwijsinstelling",
    "Opvolgingsgesprek",
    "Overeenkomst",
    "Overeenkomstsoort",
    "Partij",
    "Persoon",
    "Persoonsgegevens",
    "PlanReferentie",
    "Planstatus",
    "PraktischeAfspraken",
    "Referenties",
    "Screening",
    "Toevoeging",
    "Traject",
    "Vakantieuitzondering",
    "Verplaatsing",
    "Weekdag",
    "Weekpatroon",
    "Weglating",
    "Werkdag",
    "WerkdagPlaats",
]

# The patterns of the attrs validators (duaal_leren.competentie, duaal_leren._validators,
# duaal_leren.leidraad.model), copied; `matches` anchors them with re.fullmatch.
BK_ID = r"BK-[0-9]{4}-[0-9]+(-DBK-[0-9]+)?"
BK_COMPETENTIE = r"bkc[0-9]{7}"
COMPETENT_CODE = r"co [0-9]{5}"
ESCO_URI = r"https?://data\.europa\.eu/esco/\S+"
KBO = r"[01][0-9]{3}\.?[0-9]{3}\.?[0-9]{3}"
LEIDRAAD_ID = r"[a-z0-9]+(?:[-.][a-z0-9]+)*"

# Python's \s (str.isspace) is Rust's \s plus U+001C to U+001F.
_NOT_SPACE = r"[^\s\x1c-\x1f]"


def _full(pattern: str) -> str:
    """The pattern anchored at both ends, for pydantic's regex search: as `re.fullmatch`."""
    widened = pattern.replace(r"\S", _NOT_SPACE)
    return f"^(?:{widened})$"


NonEmpty = Annotated[str, StringConstraints(pattern=_NOT_SPACE)]
"""Text that holds more than white space: ``_validators.non_empty``."""


def _check_digit(value: str) -> str:
    digits = value.replace(".", "")
    if 97 - int(digits[:8]) % 97 != int(digits[8:]):
        raise ValueError(f"company number {value!r} has a wrong check digit")
    return value


Ondernemingsnummer = Annotated[
    str, StringConstraints(pattern=_full(KBO)), AfterValidator(_check_digit)
]
"""A Belgian company number with a correct check digit: ``_validators.ondernemingsnummer``."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


# --- competentie.py --------------------------------------------------------------------


class Leerplaats(enum.Enum):
    """Where a competence is learned."""

    SCHOOL = "school"
    WERKPLEK = "werkplek"
    BEIDE = "beide"
    EXTERN = "extern"
    NIET_GEDEKT = "niet-gedekt"


class Referenties(_Model):
    """References of a competence to external frameworks."""

    beroepskwalificaties: tuple[Annotated[str, StringConstraints(pattern=_full(BK_ID))], ...] = ()
    bk_competenties: tuple[
        Annotated[str, StringConstraints(pattern=_full(BK_COMPETENTIE))], ...
    ] = ()
    competent: tuple[Annotated[str, StringConstraints(pattern=_full(COMPETENT_CODE))], ...] = ()
    esco: tuple[Annotated[str, StringConstraints(pattern=_full(ESCO_URI))], ...] = ()


_Referenties_LEEG = Referenties()
"""The one empty Referenties, shared as the default (as the attrs model shares its default)."""


class Competentie(_Model):
    """A competence of an opleidingsplan."""

    code: NonEmpty
    omschrijving: NonEmpty
    leerplaats: Leerplaats
    cluster: NonEmpty | None = None
    aanbreng: Leerplaats | None = None
    inoefening: Leerplaats | None = None
    externe_aanbieder: NonEmpty | None = None
    vereisten: tuple[NonEmpty, ...] = ()
    termijn: date | None = None
    referenties: Referenties = _Referenties_LEEG


# --- opleidingsplan.py -----------------------------------------------------------------


class PlanReferentie(_Model):
    """Points at a standard plan by id and version."""

    id: NonEmpty
    versie: NonEmpty


class Planstatus(enum.Enum):
    """The life of an individual plan."""

    ONTWERP = "ontwerp"
    ACTIEF = "actief"
    AFGEROND = "afgerond"


class Partij(enum.Enum):
    """The three parties that sign an opleidingsplan."""

    SCHOOL = "school"
    ONDERNEMING = "onderneming"
    LERENDE = "lerende"


class Handtekening(_Model):
    """A party's signature of the plan."""

    partij: Partij
    datum: date
    naam: NonEmpty | None = None


class Verplaatsing(_Model):
    """A competence moved to another leerplaats."""

    code: NonEmpty
    van: Leerplaats
    naar: Leerplaats
    reden: NonEmpty | None = None


class Toevoeging(_Model):
    """A competence added on top of the standard plan."""

    code: NonEmpty
    reden: NonEmpty | None = None


class Weglating(_Model):
    """A competence of the standard plan left out."""

    code: NonEmpty
    reden: NonEmpty | None = None


class IndividueelOpleidingsplan(_Model):
    """The opleidingsplan of one learner."""

    standaardplan: PlanReferentie
    opleiding: NonEmpty
    competenties: tuple[Competentie, ...]
    status: Planstatus = Planstatus.ONTWERP
    startcompetenties: tuple[NonEmpty, ...] = ()
    verplaatst: tuple[Verplaatsing, ...] = ()
    toegevoegd: tuple[Toevoeging, ...] = ()
    weggelaten: tuple[Weglating, ...] = ()
    handtekeningen: tuple[Handtekening, ...] = ()


# --- opvolging.py ----------------------------------------------------------------------


class Niveau(_Model):
    """One level of a Beheersingsschaal."""

    waarde: int
    label: NonEmpty
    omschrijving: NonEmpty | None = None


class Beheersingsschaal(_Model):
    """A scale of mastery: at least one level, values ascending without duplicates."""

    niveaus: tuple[Niveau, ...]
    drempel: int
    naam: NonEmpty | None = None
    bron: NonEmpty | None = None

    @model_validator(mode="after")
    def _ascending(self) -> Self:
        if not self.niveaus:
            raise ValueError("a scale has at least one level")
        for before, after in itertools.pairwise(self.niveaus):
            if after.waarde <= before.waarde:
                raise ValueError(
                    f"the levels must ascend without duplicates; {after.waarde} follows "
                    f"{before.waarde}"
                )
        return self


class Gesprekslocatie(enum.Enum):
    """Where a follow-up conversation takes place."""

    WERKPLEK = "werkplek"
    SCHOOL = "school"
    ONLINE = "online"


class Gespreksstatus(enum.Enum):
    """Planned, held or called off."""

    GEPLAND = "gepland"
    GEHOUDEN = "gehouden"
    GEANNULEERD = "geannuleerd"


class Gespreksrol(enum.Enum):
    """The role in which someone takes part in a conversation."""

    LERENDE = "lerende"
    MENTOR = "mentor"
    TRAJECTBEGELEIDER = "trajectbegeleider"
    VAKLEERKRACHT = "vakleerkracht"
    CONTACTPERSOON_SCHOOL = "contactpersoon-school"
    MEDEWERKER_BEDRIJF = "medewerker-bedrijf"
    OUDER = "ouder"
    ANDER = "ander"


class Beoordelaar(enum.Enum):
    """Who rated a competence."""

    MENTOR = "mentor"
    VAKLEERKRACHT = "vakleerkracht"
    TRAJECTBEGELEIDER = "trajectbegeleider"
    LERENDE = "lerende"


class Deelnemer(_Model):
    """Someone who takes part in a conversation (a follow-up conversation or a record)."""

    rol: Gespreksrol
    naam: NonEmpty | None = None
    functie: NonEmpty | None = None


class Agendapunt(_Model):
    """An item of a leidraad on the agenda."""

    leidraad: NonEmpty
    item: NonEmpty
    notitie: NonEmpty | None = None


class Observatie(_Model):
    """A rating of one competence."""

    competentie: NonEmpty
    niveau: int
    beoordelaar: Beoordelaar
    datum: date | None = None
    toelichting: NonEmpty | None = None
    bewijs: tuple[NonEmpty, ...] = ()
    vastgesteld: bool = False


class Feedback(_Model):
    """Feedback on technical competences or on attitude."""

    tekst: NonEmpty
    door: Gespreksrol | None = None
    competenties: tuple[NonEmpty, ...] = ()


class Leerfocus(_Model):
    """The learning focus for the next period."""

    competenties: tuple[NonEmpty, ...] = ()
    omschrijving: NonEmpty | None = None
    tot: date | None = None


class Actie(_Model):
    """An action agreed in a conversation (a follow-up conversation or a record)."""

    omschrijving: NonEmpty
    eigenaar: NonEmpty
    vervaldatum: date | None = None
    item: NonEmpty | None = None
    afgerond: date | None = None


class Leerkans(_Model):
    """An extra learning opportunity at the workplace."""

    omschrijving: NonEmpty
    competenties: tuple[NonEmpty, ...] = ()


class NietAanleerbaar(_Model):
    """A competence that can no longer be taught where planned."""

    competentie: NonEmpty
    waar: Leerplaats
    reden: NonEmpty | None = None
    naar: Leerplaats | None = None
    aanbieder: NonEmpty | None = None


class Opvolgingsgesprek(_Model):
    """A follow-up conversation on the learner's progress."""

    datum: date
    plaats: Gesprekslocatie
    status: Gespreksstatus = Gespreksstatus.GEPLAND
    deelnemers: tuple[Deelnemer, ...] = ()
    agenda: tuple[Agendapunt, ...] = ()
    observaties: tuple[Observatie, ...] = ()
    feedback_technisch: tuple[Feedback, ...] = ()
    feedback_attitude: tuple[Feedback, ...] = ()
    leerfocus: Leerfocus | None = None
    acties: tuple[Actie, ...] = ()
    extra_leerkansen: tuple[Leerkans, ...] = ()
    niet_aanleerbaar: tuple[NietAanleerbaar, ...] = ()
    verslag: NonEmpty | None = None


# --- leidraad/model.py and leidraad/verslag.py -----------------------------------------


class LeidraadReferentie(_Model):
    """Names one version of a catalogue."""

    id: Annotated[str, StringConstraints(pattern=_full(LEIDRAAD_ID))]
    versie: NonEmpty


class Antwoord(_Model):
    """What was said about one item of the catalogue."""

    item: NonEmpty
    tekst: NonEmpty | None = None
    afspraak: NonEmpty | None = None
    niet_van_toepassing: bool = False


class Gespreksverslag(_Model):
    """The record of one conversation held with a catalogue."""

    leidraad: LeidraadReferentie
    traject: NonEmpty
    datum: date
    lerende: NonEmpty | None = None
    plaats: NonEmpty | None = None
    deelnemers: tuple[Deelnemer, ...] = ()
    antwoorden: tuple[Antwoord, ...] = ()
    acties: tuple[Actie, ...] = ()
    notities: NonEmpty | None = None


# --- vakantie.py -----------------------------------------------------------------------


class Vakantieuitzondering(_Model):
    """A recorded exception to the holiday rule."""

    dagen: tuple[date, ...]
    recuperatie: tuple[date, ...] = ()
    akkoord: tuple[Partij, ...] = ()
    bijlage: NonEmpty | None = None
    leerkans: NonEmpty | None = None
    datum: date | None = None


# --- traject.py ------------------------------------------------------------------------


class Contact(_Model):
    """How to reach someone."""

    email: NonEmpty | None = None
    telefoon: NonEmpty | None = None
    bereikbaarheid: NonEmpty | None = None


_Contact_LEEG = Contact()
"""The one empty Contact, shared as the default (as the attrs model shares its default)."""


class Persoon(_Model):
    """A person in the traject."""

    naam: NonEmpty
    functie: NonEmpty | None = None
    contact: Contact = _Contact_LEEG


class Persoonsgegevens(_Model):
    """Identifying data of the learner."""

    naam: NonEmpty
    geboortedatum: date | None = None
    contact: Contact = _Contact_LEEG
    adres: NonEmpty | None = None


class Screening(_Model):
    """Outcome of the screening arbeidsrijpheid (the texts are not checked for content)."""

    datum: date | None = None
    advies: NonEmpty | None = None
    sterktes: tuple[str, ...] = ()
    aandachtspunten: tuple[str, ...] = ()


class Ondersteuning(_Model):
    """Support needs of the learner (the texts are not checked for content)."""

    noden: tuple[str, ...] = ()
    afspraken: tuple[str, ...] = ()


class Lerende(_Model):
    """The learner."""

    id: NonEmpty
    vooropleiding: NonEmpty | None = None
    motivatie: NonEmpty | None = None
    persoonsgegevens: Persoonsgegevens | None = None
    screening: Screening | None = None
    ondersteuning: Ondersteuning | None = None


class Onderwijsinstelling(_Model):
    """The school."""

    naam: NonEmpty
    trajectbegeleider: Persoon | None = None
    instellingsnummer: NonEmpty | None = None
    contactpersoon: Persoon | None = None
    vakleerkrachten: tuple[Persoon, ...] = ()


class Erkenning(_Model):
    """Recognition of a vestiging as leerwerkplek for one course."""

    opleiding: NonEmpty
    geldig_tot: date
    geldig_vanaf: date | None = None
    nummer: NonEmpty | None = None


class Leerwerkplek(_Model):
    """The company workplace."""

    onderneming: NonEmpty
    ondernemingsnummer: Ondernemingsnummer | None = None
    vestiging: NonEmpty | None = None
    vestigingsnummer: NonEmpty | None = None
    adres: NonEmpty | None = None
    erkenningen: tuple[Erkenning, ...] = ()


class Mentor(_Model):
    """The company's trainer of the learner."""

    naam: NonEmpty
    geboortedatum: date | None = None
    aanstelling: date | None = None
    ervaring_jaren: Annotated[float, Field(ge=0)] | None = None
    vrijstelling_ervaring: NonEmpty | None = None
    uittreksel_strafregister: date | None = None
    mentoropleiding: date | None = None
    leeftijdsuitzondering: bool = False
    contact: Contact = _Contact_LEEG


class Bedrijfscontact(_Model):
    """Another contact at the company."""

    naam: NonEmpty
    rol: NonEmpty
    contact: Contact = _Contact_LEEG


class Overeenkomstsoort(enum.Enum):
    """The kind of contract."""

    OAO = "oao"
    SAO = "sao"
    DEELTIJDSE_ARBEIDSOVEREENKOMST = "deeltijdse-arbeidsovereenkomst"


class Overeenkomst(_Model):
    """The contract; the attrs class does not check that it ends after it starts (a rule does)."""

    soort: Overeenkomstsoort
    start: date
    einde: date
    uren_per_week: Annotated[float, Field(ge=0, le=60)] | None = None


class Weekdag(enum.Enum):
    """A day of the week."""

    MAANDAG = "maandag"
    DINSDAG = "dinsdag"
    WOENSDAG = "woensdag"
    DONDERDAG = "donderdag"
    VRIJDAG = "vrijdag"
    ZATERDAG = "zaterdag"
    ZONDAG = "zondag"


class WerkdagPlaats(enum.Enum):
    """Where the learner spends (part of) a day."""

    SCHOOL = "school"
    WERKPLEK = "werkplek"


class Werkdag(_Model):
    """One block of the weekly pattern."""

    dag: Weekdag
    plaats: WerkdagPlaats
    uren: Annotated[float, Field(ge=0, le=24)]


class Weekpatroon(_Model):
    """School and workplace days of a normal week (the attrs class checks nothing more)."""

    dagen: tuple[Werkdag, ...]


class Afspraak(_Model):
    """A practical agreement on one subject."""

    onderwerp: NonEmpty
    afspraak: NonEmpty


class PraktischeAfspraken(_Model):
    """Practical agreements between school, company and learner."""

    afwezigheid: NonEmpty | None = None
    veiligheid: NonEmpty | None = None
    overige: tuple[Afspraak, ...] = ()
    opvolging_weken: Annotated[int, Field(ge=1)] | None = None


_PraktischeAfspraken_LEEG = PraktischeAfspraken()
"""The one empty PraktischeAfspraken, shared as the default (as the attrs model shares its default)."""


class Traject(_Model):
    """A ``duaal-leren/traject@1`` document: the ``schema`` key and the traject's fields."""

    schema_: Literal["duaal-leren/traject@1"] = Field(alias="schema")
    id: NonEmpty
    lerende: Lerende
    school: Onderwijsinstelling
    werkplek: Leerwerkplek
    overeenkomst: Overeenkomst
    opleidingsplan: IndividueelOpleidingsplan
    mentor: Mentor | None = None
    weekpatroon: Weekpatroon | None = None
    bedrijfscontacten: tuple[Bedrijfscontact, ...] = ()
    afspraken: PraktischeAfspraken = _PraktischeAfspraken_LEEG
    opvolgingsgesprekken: tuple[Opvolgingsgesprek, ...] = ()
    beheersingsschaal: Beheersingsschaal | None = None
    gespreksverslagen: tuple[Gespreksverslag, ...] = ()
    vakantie_uitzonderingen: tuple[Vakantieuitzondering, ...] = ()
