"""Hypothesis strategies that generate valid duaal-leren objects, for property tests.

Every class that is part of a document (a standard plan, a traject, a catalogue or its
extension, a conversation record, a school calendar, an attendance record) has a strategy named after it in the
plural (`competenties` for `Competentie`, `opvolgingsgesprekken` for `Opvolgingsgesprek`,
`leidraden` for `Leidraad`, ...), or after the field that holds it (`niet_aanleerbaar`).
Each object it draws passes the field validators, so it can be dumped and loaded again.
Text is drawn from any Unicode text, mixed with values that trip up careless YAML readers
and writers (``no``, ``0123``, ``08:30``, ``2025-09-01``, ``null``, ``~``, ``#``, ``": "``,
quotes, line breaks, leading and trailing spaces), so that a round trip through a file is
really exercised.

Plans and trajecten are drawn coherent where that is cheap: the codes of a plan are
unique, prerequisites point at earlier competences and their termijnen come no later,
an individual plan is derived from a standard plan with `from_standaardplan`, a contract
ends after it starts, the learner is 15 to 25 at its start, follow-up conversations fall
within the contract and rate the plan's competences on the traject's scale. A catalogue
passes its whole-catalogue checks (unique ids, no empty theme or section). Whole-document
rules are not otherwise guaranteed: a drawn traject may well break one, as real ones do.

This module needs Hypothesis (the ``hypothesis`` extra: ``pip install
duaal-leren[hypothesis]``); the rest of the library does not import it.

Example:
    >>> import duaal_leren
    >>> from hypothesis import given, settings
    >>> from duaal_leren import strategies
    >>> @settings(max_examples=10, deadline=None)
    ... @given(strategies.trajecten())
    ... def test_round_trip(traject):
    ...     assert duaal_leren.loads(duaal_leren.dump(traject)) == traject
    >>> test_round_trip()
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs
import pendulum
from hypothesis import strategies as st

from duaal_leren._validators import blank
from duaal_leren.aanwezigheid import Aanwezigheden, Aanwezigheid, Aanwezigheidsstatus, Melding
from duaal_leren.competentie import Competentie, Leerplaats, Referenties
from duaal_leren.gespreksverslag import Antwoord, Gespreksverslag
from duaal_leren.kalender import (
    Dagdeel,
    SchooleigenDag,
    SchooleigenKalender,
    Schooleigensoort,
    Schooljaar,
)
from duaal_leren.leidraad.model import (
    Aanvulling,
    Bron,
    Item,
    Itemsoort,
    Leidraad,
    LeidraadReferentie,
    Sectie,
    Thema,
    Uitbreiding,
)
from duaal_leren.opleidingsplan import (
    Handtekening,
    IndividueelOpleidingsplan,
    Partij,
    PlanReferentie,
    Planstatus,
    StandaardOpleidingsplan,
    Toevoeging,
    Verplaatsing,
    Weglating,
)
from duaal_leren.opvolging import (
    Actie,
    Agendapunt,
    Beheersingsschaal,
    Beoordelaar,
    Deelnemer,
    Feedback,
    Gesprekslocatie,
    Gespreksrol,
    Gespreksstatus,
    Leerfocus,
    Leerkans,
    NietAanleerbaar,
    Niveau,
    Observatie,
    Opvolgingsgesprek,
)
from duaal_leren.traject import (
    Afspraak,
    Bedrijfscontact,
    Contact,
    Erkenning,
    Leerwerkplek,
    Lerende,
    Meldingsafspraak,
    Meldpartij,
    Mentor,
    Ondersteuning,
    Onderwijsinstelling,
    Overeenkomst,
    Overeenkomstsoort,
    Persoon,
    Persoonsgegevens,
    PraktischeAfspraken,
    Roosterwijziging,
    Rotatie,
    Screening,
    Traject,
    Weekdag,
    Weekpatroon,
    Werkdag,
    WerkdagPlaats,
)
from duaal_leren.vakantie import Vakantieuitzondering

__all__ = [
    "aanvullingen",
    "aanwezigheden",
    "aanwezigheidsdagen",
    "acties",
    "afspraken",
    "agendapunten",
    "antwoorden",
    "bedrijfscontacten",
    "beheersingsschalen",
    "bk_competentiecodes",
    "bk_ids",
    "bronnen",
    "codes",
    "competent_codes",
    "competenties",
    "contacten",
    "datums",
    "deelnemers",
    "erkenningen",
    "esco_uris",
    "feedbacks",
    "gespreksverslagen",
    "handtekeningen",
    "individuele_plannen",
    "items",
    "leerfocussen",
    "leerkansen",
    "leerwerkplekken",
    "leidraadreferenties",
    "leidraden",
    "lerenden",
    "meldingen",
    "meldingsafspraken",
    "mentoren",
    "niet_aanleerbaar",
    "niveaus",
    "observaties",
    "ondernemingsnummers",
    "ondersteuningen",
    "onderwijsinstellingen",
    "opvolgingsgesprekken",
    "overeenkomsten",
    "personen",
    "persoonsgegevens",
    "planreferenties",
    "praktische_afspraken",
    "referenties",
    "roosterwijzigingen",
    "rotaties",
    "schooleigen_dagen",
    "schooleigen_kalenders",
    "screenings",
    "secties",
    "standaardplannen",
    "teksten",
    "themas",
    "toevoegingen",
    "trajecten",
    "uitbreidingen",
    "vakantie_uitzonderingen",
    "verplaatsingen",
    "weekpatronen",
    "weglatingen",
    "werkdagen",
]

T = TypeVar("T")

# Values that a YAML 1.1 reader turns into something else than text, that need quoting,
# or that change when white space or line breaks are handled carelessly.
_TRICKY_TEXT = (
    "yes",
    "no",
    "No",
    "on",
    "off",
    "y",
    "n",
    "true",
    "False",
    "null",
    "Null",
    "~",
    "0123",
    "0o17",
    "0x1F",
    "0b101",
    "08:30",
    "1:20",
    "1_000",
    "+1",
    "-0",
    "1e5",
    "1.0",
    "1.",
    ".5",
    ".inf",
    "-.Inf",
    ".nan",
    "2025-09-01",
    "2025-02-30",
    "2025-9-1",
    "2025-09-01 08:30:00",
    "#",
    "# geen commentaar",
    "a #b",
    ": ",
    "a: b",
    "key:",
    "- item",
    "-",
    "?",
    "? x",
    "[a, b]",
    "{a: 1}",
    "{",
    "]",
    "'",
    '"',
    "'s morgens",
    '"aanhalingstekens"',
    "\\",
    "\\n",
    "@",
    "`",
    "&anker",
    "*alias",
    "!tag",
    "!!str",
    "%YAML",
    "|",
    ">",
    "<<",
    "---",
    "...",
    ",",
    " spatie vooraan",
    "spatie achteraan ",
    "  beide  ",
    "tab\tin het midden",
    "\tvooraan",
    "regel\neen",
    "twee\n\nregels\n",
    "\nvooraan",
    "achteraan\n\n",
    "  ingesprongen\nregel",
    "windows\r\nregel",
    "oude mac\rregel",
    "é ü ç ï ë ô",
    "coördinator",
    "Ærø 🎓",
    "日本語",
    "zero\u200bwidth",
    "nbsp\u00a0nbsp",
    "\u2028scheiding",
    "\x85nel",
    "nul\x00byte",
    "bom\ufeff",
    "schema: duaal-leren/traject@1",
)


def _not_blank(value: str) -> bool:
    # The model's own test: text of only invisible format characters is blank too.
    return not blank(value)


def teksten(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Text that holds more than white space: any Unicode, and values that trip up YAML.

    Args:
        max_size: The longest text drawn from the whole of Unicode.

    Returns:
        A strategy for non-blank `str` values.
    """
    return _teksten(max_size)


# Strategies are immutable, so one instance serves every caller: tests that call these
# inside their own composite strategies then do not build a new strategy on every draw,
# which costs more than the drawing.
@functools.cache
def _teksten(max_size: int) -> st.SearchStrategy[str]:
    anything = st.text(st.characters(codec="utf-8"), min_size=1, max_size=max_size)
    tricky = st.sampled_from(_TRICKY_TEXT)
    glued = st.lists(tricky | anything, min_size=2, max_size=3).map("".join)
    return st.one_of(tricky, anything, glued).filter(_not_blank)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _digits(n: int) -> st.SearchStrategy[str]:
    # ASCII digits only: ``\d`` in a pattern also takes other scripts' digits.
    return st.text("0123456789", min_size=n, max_size=n)


def datums(
    start: datetime.date = datetime.date(1950, 1, 1),
    einde: datetime.date = datetime.date(2099, 12, 31),
) -> st.SearchStrategy[pendulum.Date]:
    """Dates as `pendulum.Date`, the type the model uses.

    Args:
        start: The earliest date.
        einde: The latest date (inclusive).
    """
    return _datums(start, einde)


@functools.cache
def _datums(min_value: datetime.date, max_value: datetime.date) -> st.SearchStrategy[pendulum.Date]:
    return st.dates(min_value, max_value).map(_to_pendulum)


def _to_pendulum(day: datetime.date) -> pendulum.Date:
    return pendulum.Date(day.year, day.month, day.day)


def bk_ids() -> st.SearchStrategy[str]:
    """Ids of beroepskwalificaties, such as ``BK-0130-5`` and ``BK-0130-5-DBK-01``."""

    def bk(nummer: str, versie: int, deel: int | None) -> str:
        return f"BK-{nummer}-{versie}" + ("" if deel is None else f"-DBK-{deel:02d}")

    return st.builds(bk, _digits(4), st.integers(1, 9), _optional(st.integers(1, 20)))


def bk_competentiecodes() -> st.SearchStrategy[str]:
    """Codes of competences inside a BK, such as ``bkc0051279``."""
    return _digits(7).map("bkc".__add__)


def competent_codes() -> st.SearchStrategy[str]:
    """Competent codes, such as ``co 03080``."""
    return _digits(5).map("co ".__add__)


def esco_uris() -> st.SearchStrategy[str]:
    """ESCO URIs, such as ``http://data.europa.eu/esco/skill/<uuid>``."""

    def uri(scheme: str, soort: str, uuid: object) -> str:
        return f"{scheme}://data.europa.eu/esco/{soort}/{uuid}"

    return st.builds(
        uri,
        st.sampled_from(("http", "https")),
        st.sampled_from(("skill", "occupation", "isco")),
        st.uuids(),
    )


def codes() -> st.SearchStrategy[str]:
    """Codes of competences: plan codes (``ELT-07``), BK codes, or any non-blank text."""

    def plancode(prefix: str, n: int) -> str:
        return f"{prefix}-{n:02d}"

    realistic = st.builds(
        plancode,
        st.sampled_from(("ELT", "LAS", "HOUT", "ZORG", "LOG", "BOUW")),
        st.integers(1, 99),
    )
    return st.one_of(realistic, bk_competentiecodes(), teksten(max_size=12))


def ondernemingsnummers(*, dots: bool | None = None) -> st.SearchStrategy[str]:
    """KBO company numbers with a correct check digit, such as ``0456.712.325``.

    Args:
        dots: ``True`` for ``0456.712.325``, ``False`` for ``0456712325``; by default
            either.
    """

    def number(base: int, with_dots: bool) -> str:
        # The last two digits are 97 minus the first eight modulo 97.
        digits = f"{base:08d}{97 - base % 97:02d}"
        return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}" if with_dots else digits

    choice = st.booleans() if dots is None else st.just(dots)
    return st.builds(number, st.integers(0, 19_999_999), choice)


def _unique_tuples(
    strategy: st.SearchStrategy[str], max_size: int
) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(strategy, max_size=max_size, unique=True).map(tuple)


def referenties() -> st.SearchStrategy[Referenties]:
    """References of a competence to BK, Competent and ESCO."""
    return st.builds(
        Referenties,
        beroepskwalificaties=_unique_tuples(bk_ids(), 2),
        bk_competenties=_unique_tuples(bk_competentiecodes(), 2),
        competent=_unique_tuples(competent_codes(), 2),
        esco=_unique_tuples(esco_uris(), 2),
    )


# Strategies drawn from inside composite strategies are built once: building them anew on
# every draw costs more than the drawing.
_TEKST = teksten()
_OPTIONELE_TEKST = _optional(_TEKST)
_KORTE_TEKST = _optional(teksten(max_size=20))
_CODE = codes()
_DAG = datums(datetime.date(2015, 1, 1), datetime.date(2040, 12, 31))
_TERMIJN = datums(datetime.date(2020, 9, 1), datetime.date(2035, 6, 30))
_REFERENTIES = st.just(Referenties()) | referenties()
_LEERPLAATS = st.sampled_from(Leerplaats)
_OPTIONELE_TERMIJN = _optional(_TERMIJN)
# Who introduces and who practises a competence learned at both places.
_VERDELING = st.sampled_from((Leerplaats.SCHOOL, Leerplaats.WERKPLEK, Leerplaats.BEIDE))


def _draw_competentie(draw: st.DrawFn, code: str, eerdere: Sequence[str] | None) -> Competentie:
    leerplaats = draw(_LEERPLAATS)
    aanbreng = inoefening = None
    if leerplaats is Leerplaats.BEIDE and draw(st.booleans()):
        aanbreng, inoefening = draw(_VERDELING), draw(_VERDELING)
    if eerdere is None:
        vereisten = draw(_unique_tuples(_CODE, 2))
    elif eerdere:
        vereisten = draw(_unique_tuples(st.sampled_from(tuple(eerdere)), 3))
    else:
        vereisten = ()
    return Competentie(
        code=code,
        omschrijving=draw(_TEKST),
        leerplaats=leerplaats,
        cluster=draw(_KORTE_TEKST),
        aanbreng=aanbreng,
        inoefening=inoefening,
        externe_aanbieder=draw(_KORTE_TEKST) if leerplaats is Leerplaats.EXTERN else None,
        vereisten=vereisten,
        termijn=draw(_OPTIONELE_TERMIJN),
        referenties=draw(_REFERENTIES),
    )


@st.composite
def _competentie(
    draw: st.DrawFn, code: st.SearchStrategy[str], eerdere: Sequence[str] | None
) -> Competentie:
    return _draw_competentie(draw, draw(code), eerdere)


def competenties(
    *,
    code: st.SearchStrategy[str] | None = None,
    eerdere: Sequence[str] | None = None,
) -> st.SearchStrategy[Competentie]:
    """Competences, each with a leerplaats.

    One learned at both places sometimes says who introduces and who practises it; only
    one learned elsewhere (``extern``) names an outside provider.

    Args:
        code: Draws the competence's code; by default `codes`.
        eerdere: Codes of competences that come before it, from which its prerequisites
            are drawn (none when empty); by default prerequisites are any codes.
    """
    return _competentie(_CODE if code is None else code, eerdere)


def _draw_competenties(
    draw: st.DrawFn, min_size: int, max_size: int, vermijd: frozenset[str] = frozenset()
) -> tuple[Competentie, ...]:
    drawn = draw(st.lists(_CODE, min_size=min_size, max_size=max_size, unique=True))
    unique = [code for code in drawn if code not in vermijd]
    drawn_competenties = [
        _draw_competentie(draw, code, unique[:index]) for index, code in enumerate(unique)
    ]
    return _in_order(drawn_competenties)


def _in_order(competenties: Sequence[Competentie]) -> tuple[Competentie, ...]:
    # A competence's termijn comes no earlier than the termijnen of its prerequisites
    # (R-ORDER); prerequisites come first, so one pass moves every termijn far enough.
    result: list[Competentie] = []
    deadlines: dict[str, pendulum.Date] = {}
    for competentie in competenties:
        before = [deadlines[v] for v in competentie.vereisten if v in deadlines]
        if competentie.termijn is not None and before:
            competentie = attrs.evolve(competentie, termijn=max(competentie.termijn, *before))
        if competentie.termijn is not None:
            deadlines[competentie.code] = competentie.termijn
        result.append(competentie)
    return tuple(result)


def _plan_id() -> st.SearchStrategy[str]:
    slug = st.from_regex(r"[a-z]{3,12}(-[a-z]{3,12}){0,2}-duaal", fullmatch=True)
    return slug | teksten(max_size=20)


def _versie() -> st.SearchStrategy[str]:
    def jaarversie(jaar: int, n: int) -> str:
        return f"{jaar}.{n}"

    return st.builds(jaarversie, st.integers(2019, 2035), st.integers(1, 3)) | teksten(max_size=10)


_PLAN_ID = _plan_id()
_VERSIE = _versie()
_BK_IDS = _unique_tuples(bk_ids(), 3)


def standaardplannen(
    *, min_competenties: int = 1, max_competenties: int = 8
) -> st.SearchStrategy[StandaardOpleidingsplan]:
    """Standard plans with unique codes and prerequisites pointing at earlier competences.

    Args:
        min_competenties: The fewest competences a plan has.
        max_competenties: The most competences a plan has.
    """
    return _standaardplannen(min_competenties, max_competenties)


@functools.cache
def _standaardplannen(
    min_competenties: int, max_competenties: int
) -> st.SearchStrategy[StandaardOpleidingsplan]:
    @st.composite
    def standaardplan(draw: st.DrawFn) -> StandaardOpleidingsplan:
        return StandaardOpleidingsplan(
            id=draw(_PLAN_ID),
            opleiding=draw(_TEKST),
            versie=draw(_VERSIE),
            competenties=_draw_competenties(draw, min_competenties, max_competenties),
            beroepskwalificaties=draw(_BK_IDS),
            toelichting=draw(_OPTIONELE_TEKST),
        )

    return standaardplan()


def planreferenties() -> st.SearchStrategy[PlanReferentie]:
    """References to a standard plan by id and version."""
    return st.builds(PlanReferentie, id=_PLAN_ID, versie=_VERSIE)


def _draw_handtekening(draw: st.DrawFn, partij: Partij) -> Handtekening:
    return Handtekening(partij, draw(_DAG), draw(_OPTIONELE_TEKST))


def handtekeningen(
    partij: st.SearchStrategy[Partij] | None = None,
) -> st.SearchStrategy[Handtekening]:
    """Signatures of a plan.

    Args:
        partij: Draws who signs; by default any of the three parties.
    """
    return st.builds(
        Handtekening,
        partij=st.sampled_from(Partij) if partij is None else partij,
        datum=_DAG,
        naam=_OPTIONELE_TEKST,
    )


def _other_leerplaats(van: Leerplaats) -> st.SearchStrategy[Leerplaats]:
    return st.sampled_from(tuple(p for p in Leerplaats if p is not van))


def verplaatsingen() -> st.SearchStrategy[Verplaatsing]:
    """Moves of a competence from one leerplaats to another."""

    @st.composite
    def verplaatsing(draw: st.DrawFn) -> Verplaatsing:
        van = draw(_LEERPLAATS)
        naar = draw(_other_leerplaats(van))
        return Verplaatsing(draw(_CODE), van, naar, draw(_OPTIONELE_TEKST))

    return verplaatsing()


def toevoegingen() -> st.SearchStrategy[Toevoeging]:
    """Competences added on top of a standard plan, with their reason."""
    return st.builds(Toevoeging, code=_CODE, reden=_OPTIONELE_TEKST)


def weglatingen() -> st.SearchStrategy[Weglating]:
    """Competences of a standard plan left out, with their reason."""
    return st.builds(Weglating, code=_CODE, reden=_OPTIONELE_TEKST)


def _subset(draw: st.DrawFn, items: Sequence[str], max_size: int | None = None) -> list[str]:
    if not items:
        return []
    return draw(st.lists(st.sampled_from(tuple(items)), max_size=max_size, unique=True))


@st.composite
def _individueel_plan(
    draw: st.DrawFn, standaardplan: st.SearchStrategy[StandaardOpleidingsplan]
) -> IndividueelOpleidingsplan:
    standaard = draw(standaardplan)
    required = {v for c in standaard.competenties for v in c.vereisten}
    # Only competences nothing else needs are left out, so no prerequisite is left hanging.
    dropped = _subset(draw, [c.code for c in standaard.competenties if c.code not in required])
    kept = [c for c in standaard.competenties if c.code not in dropped]
    kept_codes = [c.code for c in kept]
    moved = set(_subset(draw, kept_codes))
    moves = [
        Verplaatsing(
            c.code, c.leerplaats, draw(_other_leerplaats(c.leerplaats)), draw(_OPTIONELE_TEKST)
        )
        for c in kept
        if c.code in moved
    ]
    extra = _draw_competenties(draw, 0, 3, vermijd=frozenset(standaard.codes))
    # An added competence usually builds on the plan's own.
    extra = tuple(
        attrs.evolve(c, vereisten=(*_subset(draw, kept_codes, 2), *c.vereisten)) for c in extra
    )
    termijnen = {
        code: draw(_TERMIJN) for code in _subset(draw, kept_codes + [c.code for c in extra], 3)
    }
    plan = IndividueelOpleidingsplan.from_standaardplan(
        standaard,
        startcompetenties=_subset(draw, kept_codes, 3),
        verplaatst=moves,
        toegevoegd=[(c, draw(_OPTIONELE_TEKST)) for c in extra],
        weggelaten=[Weglating(code, draw(_OPTIONELE_TEKST)) for code in dropped],
        termijnen=termijnen,
    )
    signing = draw(st.lists(st.sampled_from(Partij), unique=True))
    signatures = tuple(_draw_handtekening(draw, partij) for partij in signing)
    # Only a plan signed by all three is in force (R-SIGN).
    status = (
        draw(st.sampled_from(Planstatus)) if len(signing) == len(Partij) else Planstatus.ONTWERP
    )
    return attrs.evolve(
        plan,
        competenties=_in_order(plan.competenties),
        status=status,
        handtekeningen=signatures,
    )


def individuele_plannen(
    standaardplan: StandaardOpleidingsplan
    | st.SearchStrategy[StandaardOpleidingsplan]
    | None = None,
) -> st.SearchStrategy[IndividueelOpleidingsplan]:
    """Individual plans, derived from a standard plan with `from_standaardplan`.

    Competences nothing else needs may be left out, others moved to another leerplaats,
    new ones added; some get a termijn, some are startcompetenties. The plan is signed by
    some, all or none of the three parties, and only in force or finished when signed by
    all.

    Args:
        standaardplan: The standard plan to derive from, or a strategy drawing it; by
            default `standaardplannen`.
    """
    if isinstance(standaardplan, StandaardOpleidingsplan):
        return _individueel_plan(st.just(standaardplan))
    return _individueel_plan(standaardplannen() if standaardplan is None else standaardplan)


_TEKSTLIJST = st.lists(_TEKST, max_size=3).map(tuple)


def contacten() -> st.SearchStrategy[Contact]:
    """Contact details: e-mail, phone, when to reach someone."""
    email = st.emails() | _TEKST
    telefoon = st.from_regex(r"0[1-9]{1,2}( [0-9]{2,3}){3}", fullmatch=True) | _TEKST
    return st.builds(
        Contact,
        email=_optional(email),
        telefoon=_optional(telefoon),
        bereikbaarheid=_OPTIONELE_TEKST,
    )


_CONTACT = st.just(Contact()) | contacten()


def personen() -> st.SearchStrategy[Persoon]:
    """People of the traject: contact persons, trajectbegeleiders, teachers."""
    return st.builds(Persoon, naam=_TEKST, functie=_OPTIONELE_TEKST, contact=_CONTACT)


def persoonsgegevens() -> st.SearchStrategy[Persoonsgegevens]:
    """Identifying data of a learner."""
    return st.builds(
        Persoonsgegevens,
        naam=_TEKST,
        geboortedatum=_optional(datums()),
        contact=_CONTACT,
        adres=_OPTIONELE_TEKST,
    )


def screenings() -> st.SearchStrategy[Screening]:
    """Outcomes of the screening arbeidsrijpheid."""
    advies = st.sampled_from(("arbeidsrijp", "arbeidsbereid", "niet arbeidsrijp")) | _TEKST
    return st.builds(
        Screening,
        datum=_optional(datums()),
        advies=_optional(advies),
        sterktes=_TEKSTLIJST,
        aandachtspunten=_TEKSTLIJST,
    )


def ondersteuningen() -> st.SearchStrategy[Ondersteuning]:
    """Support needs of a learner and what was agreed."""
    return st.builds(Ondersteuning, noden=_TEKSTLIJST, afspraken=_TEKSTLIJST)


_LERENDE_ID = st.from_regex(r"LRN-20[0-9]{2}-[0-9]{4}", fullmatch=True) | _TEKST
_TRAJECT_ID = st.from_regex(r"TRJ-20[0-9]{2}-[0-9]{4}", fullmatch=True) | _TEKST


def lerenden() -> st.SearchStrategy[Lerende]:
    """Learners, with or without their personal data."""
    return st.builds(
        Lerende,
        id=_LERENDE_ID,
        vooropleiding=_OPTIONELE_TEKST,
        motivatie=_OPTIONELE_TEKST,
        leerplicht_voltooid=_optional(st.booleans()),
        persoonsgegevens=_optional(persoonsgegevens()),
        screening=_optional(screenings()),
        ondersteuning=_optional(ondersteuningen()),
    )


_PERSOON = personen()


def onderwijsinstellingen() -> st.SearchStrategy[Onderwijsinstelling]:
    """Schools."""
    return st.builds(
        Onderwijsinstelling,
        naam=_TEKST,
        trajectbegeleider=_optional(_PERSOON),
        instellingsnummer=_optional(_digits(6) | teksten(max_size=10)),
        contactpersoon=_optional(_PERSOON),
        vakleerkrachten=st.lists(_PERSOON, max_size=2).map(tuple),
    )


def erkenningen() -> st.SearchStrategy[Erkenning]:
    """Recognitions of a vestiging as leerwerkplek, valid five years (R-ERKENNING)."""

    def erkenning(
        opleiding: str, vanaf: pendulum.Date, with_start: bool, nummer: str | None
    ) -> Erkenning:
        tot = vanaf.add(years=5).subtract(days=1)
        return Erkenning(opleiding, tot, vanaf if with_start else None, nummer)

    return st.builds(erkenning, _TEKST, _DAG, st.booleans(), _optional(teksten(max_size=12)))


def leerwerkplekken() -> st.SearchStrategy[Leerwerkplek]:
    """Company workplaces, with a KBO number that has a correct check digit, if any."""
    return st.builds(
        Leerwerkplek,
        onderneming=_TEKST,
        ondernemingsnummer=_optional(ondernemingsnummers()),
        vestiging=_OPTIONELE_TEKST,
        vestigingsnummer=_optional(_digits(9).map("2".__add__) | _TEKST),
        adres=_OPTIONELE_TEKST,
        erkenningen=st.lists(erkenningen(), max_size=2).map(tuple),
    )


_ERVARING = st.integers(0, 40).map(float) | st.floats(0, 60, allow_nan=False)


def _draw_mentor(draw: st.DrawFn, aanstelling: pendulum.Date) -> Mentor:
    def maybe(day: pendulum.Date) -> pendulum.Date | None:
        return day if draw(st.booleans()) else None

    geboren = aanstelling.subtract(years=draw(st.integers(23, 64)), days=draw(st.integers(0, 364)))
    return Mentor(
        naam=draw(_TEKST),
        geboortedatum=maybe(geboren),
        aanstelling=maybe(aanstelling),
        ervaring_jaren=draw(_optional(_ERVARING)),
        vrijstelling_ervaring=draw(_OPTIONELE_TEKST),
        uittreksel_strafregister=maybe(aanstelling.subtract(days=draw(st.integers(0, 400)))),
        mentoropleiding=maybe(aanstelling.add(days=draw(st.integers(-365, 400)))),
        leeftijdsuitzondering=draw(st.booleans()),
        contact=draw(_CONTACT),
    )


def mentoren() -> st.SearchStrategy[Mentor]:
    """Mentors, 23 to 64 years old on their appointment."""

    @st.composite
    def mentor(draw: st.DrawFn) -> Mentor:
        return _draw_mentor(draw, draw(_DAG))

    return mentor()


def bedrijfscontacten() -> st.SearchStrategy[Bedrijfscontact]:
    """Other contacts at the company, with their role."""
    rol = st.sampled_from(("HR", "directie", "ploegbaas", "preventieadviseur")) | _TEKST
    return st.builds(Bedrijfscontact, naam=_TEKST, rol=rol, contact=_CONTACT)


def _uren(high: float) -> st.SearchStrategy[float]:
    common = tuple(u for u in (0.0, 0.5, 3.8, 4.0, 7.6, 8.0, 38.0) if u <= high)
    return st.sampled_from(common) | st.floats(0, high, allow_nan=False)


def overeenkomsten() -> st.SearchStrategy[Overeenkomst]:
    """Contracts that end after they start, within three years."""

    @st.composite
    def overeenkomst(draw: st.DrawFn) -> Overeenkomst:
        start = draw(_DAG)
        return Overeenkomst(
            soort=draw(st.sampled_from(Overeenkomstsoort)),
            start=start,
            einde=start.add(days=draw(st.integers(1, 3 * 366))),
            uren_per_week=draw(_optional(_uren(60))),
        )

    return overeenkomst()


def werkdagen() -> st.SearchStrategy[Werkdag]:
    """Blocks of a weekly pattern: a weekday, a place and 0 to 24 hours."""
    return st.builds(
        Werkdag, dag=st.sampled_from(Weekdag), plaats=st.sampled_from(WerkdagPlaats), uren=_uren(24)
    )


_UREN_PER_BLOK = _uren(12)


def weekpatronen() -> st.SearchStrategy[Weekpatroon]:
    """Weekly patterns: each weekday once at each place at most, with 0 to 12 hours."""

    @st.composite
    def weekpatroon(draw: st.DrawFn) -> Weekpatroon:
        blocks: list[Werkdag] = []
        for dag in draw(st.lists(st.sampled_from(Weekdag), unique=True, max_size=7)):
            for plaats in draw(st.lists(st.sampled_from(WerkdagPlaats), min_size=1, unique=True)):
                blocks.append(Werkdag(dag, plaats, draw(_UREN_PER_BLOK)))
        return Weekpatroon(tuple(blocks))

    return weekpatroon()


def rotaties() -> st.SearchStrategy[Rotatie]:
    """Rotations of one to four weekly patterns from a day in a school year of the contracts."""
    return st.builds(
        Rotatie,
        start=_DAG,
        weken=st.lists(weekpatronen(), min_size=1, max_size=4).map(tuple),
    )


def roosterwijzigingen() -> st.SearchStrategy[Roosterwijziging]:
    """Dated changes of a schedule: a single day, or a block of up to five weeks.

    The end comes on or after the start; the blocks name weekdays as a weekly pattern does.
    """

    @st.composite
    def roosterwijziging(draw: st.DrawFn) -> Roosterwijziging:
        start = draw(_DAG)
        einde = None if draw(st.booleans()) else start.add(days=draw(st.integers(0, 35)))
        pattern = draw(weekpatronen())
        return Roosterwijziging(
            start=start,
            reden=draw(st.sampled_from(("examenweken", "klasuitstap", "stageweek")) | _TEKST),
            dagen=pattern.dagen,
            einde=einde,
        )

    return roosterwijziging()


_MELDPARTIJ = st.sampled_from(Meldpartij)
_MELDPARTIJEN = st.lists(_MELDPARTIJ, min_size=1, max_size=3, unique=True).map(tuple)


def meldingsafspraken() -> st.SearchStrategy[Meldingsafspraak]:
    """Agreements on reporting an absence: who tells whom, within 0 to 5 days."""
    return st.builds(
        Meldingsafspraak, door=_MELDPARTIJ, aan=_MELDPARTIJEN, binnen_dagen=st.integers(0, 5)
    )


def afspraken() -> st.SearchStrategy[Afspraak]:
    """Practical agreements on one subject."""
    onderwerp = st.sampled_from(("werkuren", "vervoer", "kledij", "maaltijden")) | _TEKST
    return st.builds(Afspraak, onderwerp=onderwerp, afspraak=_TEKST)


def praktische_afspraken() -> st.SearchStrategy[PraktischeAfspraken]:
    """Practical agreements: absence, safety, others, and the follow-up cadence."""
    return st.builds(
        PraktischeAfspraken,
        afwezigheid=_OPTIONELE_TEKST,
        veiligheid=_OPTIONELE_TEKST,
        overige=st.lists(afspraken(), max_size=3).map(tuple),
        opvolging_weken=_optional(st.integers(1, 52)),
        afwezigheidsmelding=_optional(meldingsafspraken()),
    )


# --- attendance ----------------------------------------------------------------------------


def meldingen() -> st.SearchStrategy[Melding]:
    """Reports of an absence: a day, maybe by whom, to nobody named or to some parties."""
    return st.builds(
        Melding,
        datum=_DAG,
        door=_optional(_MELDPARTIJ),
        aan=st.lists(_MELDPARTIJ, max_size=3, unique=True).map(tuple),
    )


def aanwezigheidsdagen() -> st.SearchStrategy[Aanwezigheid]:
    """Days of an attendance record: present with hours, or absent (maybe for part of the day)."""
    return st.builds(
        Aanwezigheid,
        datum=_DAG,
        status=st.sampled_from(Aanwezigheidsstatus),
        uren=_uren(24),
        melding=_optional(meldingen()),
    )


def aanwezigheden() -> st.SearchStrategy[Aanwezigheden]:
    """Attendance records of a traject: up to 30 days, each date once."""
    return st.builds(
        Aanwezigheden,
        traject=_TRAJECT_ID,
        dagen=st.lists(aanwezigheidsdagen(), max_size=30, unique_by=lambda day: day.datum).map(
            tuple
        ),
    )


# --- follow-up conversations and the scale -----------------------------------------------

_OPVOLGING_DAG = datums(datetime.date(2024, 9, 1), datetime.date(2027, 6, 30))
_STANDAARD_WAARDEN = (1, 2, 3, 4)
"""The levels of the default scale (`Beheersingsschaal.standaard`), without reading it."""


def _join_id(first: str, rest: Sequence[tuple[str, str]]) -> str:
    return first + "".join(sep + part for sep, part in rest)


# Words joined by ``-`` or ``.``, such as ``klassenraad`` or ``bouw.vca``: built from parts,
# since drawing from the regular expression costs several times more.
_ID_PART = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)
_LEIDRAAD_ID = st.builds(
    _join_id, _ID_PART, st.lists(st.tuples(st.sampled_from("-."), _ID_PART), max_size=2)
)
_ITEM_REFERENTIE = _LEIDRAAD_ID | _TEKST
"""The id of an item of a catalogue, or any text, as a typo in a record may give."""
_ROL = st.sampled_from(Gespreksrol)
_LABEL = teksten(max_size=20)


def niveaus() -> st.SearchStrategy[Niveau]:
    """Levels of a scale: a value from 0 to 10 and a label."""
    return st.builds(Niveau, waarde=st.integers(0, 10), label=_LABEL, omschrijving=_OPTIONELE_TEKST)


def beheersingsschalen() -> st.SearchStrategy[Beheersingsschaal]:
    """Scales of two to seven ascending levels, the threshold one of their values."""
    return _BEHEERSINGSSCHALEN


@st.composite
def _beheersingsschaal(draw: st.DrawFn) -> Beheersingsschaal:
    waarden = sorted(draw(st.sets(st.integers(0, 10), min_size=2, max_size=7)))
    return Beheersingsschaal(
        niveaus=tuple(Niveau(w, draw(_LABEL), draw(_OPTIONELE_TEKST)) for w in waarden),
        drempel=draw(st.sampled_from(waarden)),
        naam=draw(_OPTIONELE_TEKST),
        bron=draw(_KORTE_TEKST),
    )


_BEHEERSINGSSCHALEN = _beheersingsschaal()


def deelnemers() -> st.SearchStrategy[Deelnemer]:
    """People taking part in a conversation, in a role, maybe with a name and a function."""
    return st.builds(Deelnemer, rol=_ROL, naam=_OPTIONELE_TEKST, functie=_KORTE_TEKST)


def agendapunten() -> st.SearchStrategy[Agendapunt]:
    """Agenda items: an item of the progress guide by id, or any text."""
    return st.builds(
        Agendapunt,
        leidraad=st.just("leervooruitgang") | _TEKST,
        item=st.sampled_from(("groei-en-niveau", "extra-leerkansen", "leerplan")) | _TEKST,
        notitie=_OPTIONELE_TEKST,
    )


# The parts of a conversation are drawn by functions that take the codes and levels as
# values, so that a traject's conversations about its own plan need no new strategies for
# every drawn traject: building and checking those costs more than drawing with them.


def _pick(draw: st.DrawFn, values: Sequence[T]) -> T:
    return values[draw(st.integers(0, len(values) - 1))]


def _draw_code(draw: st.DrawFn, codes: Sequence[str] | None) -> str:
    return draw(_CODE) if codes is None else _pick(draw, codes)


def _draw_codes(draw: st.DrawFn, codes: Sequence[str] | None) -> tuple[str, ...]:
    if codes is not None and not codes:
        return ()
    return tuple(_draw_code(draw, codes) for _ in range(draw(st.integers(0, 3))))


def _tuple_of(draw: st.DrawFn, max_size: int, part: Callable[[], T]) -> tuple[T, ...]:
    return tuple(part() for _ in range(draw(st.integers(0, max_size))))


_BEOORDELAAR = st.sampled_from(Beoordelaar)
_OPTIONELE_OPVOLGING_DAG = _optional(_OPVOLGING_DAG)
_BEWIJS = st.lists(_LABEL, max_size=2).map(tuple)
_WAAR = st.sampled_from((Leerplaats.SCHOOL, Leerplaats.WERKPLEK))


def _draw_observatie(
    draw: st.DrawFn,
    codes: Sequence[str] | None,
    waarden: Sequence[int],
    beoordelaar: st.SearchStrategy[Beoordelaar] = _BEOORDELAAR,
    datum: st.SearchStrategy[pendulum.Date | None] = _OPTIONELE_OPVOLGING_DAG,
) -> Observatie:
    return Observatie(
        competentie=_draw_code(draw, codes),
        niveau=_pick(draw, waarden),
        beoordelaar=draw(beoordelaar),
        datum=draw(datum),
        toelichting=draw(_OPTIONELE_TEKST),
        bewijs=draw(_BEWIJS),
        vastgesteld=draw(st.booleans()),
    )


def _draw_feedback(draw: st.DrawFn, codes: Sequence[str] | None) -> Feedback:
    return Feedback(draw(_TEKST), draw(_optional(_ROL)), _draw_codes(draw, codes))


def _draw_leerfocus(draw: st.DrawFn, codes: Sequence[str] | None) -> Leerfocus:
    return Leerfocus(
        _draw_codes(draw, codes), draw(_OPTIONELE_TEKST), draw(_OPTIONELE_OPVOLGING_DAG)
    )


def _draw_leerkans(draw: st.DrawFn, codes: Sequence[str] | None) -> Leerkans:
    return Leerkans(draw(_TEKST), _draw_codes(draw, codes))


def _draw_niet_aanleerbaar(draw: st.DrawFn, codes: Sequence[str] | None) -> NietAanleerbaar:
    return NietAanleerbaar(
        competentie=_draw_code(draw, codes),
        waar=draw(_WAAR),
        reden=draw(_OPTIONELE_TEKST),
        naar=draw(_optional(_LEERPLAATS)),
        aanbieder=draw(_KORTE_TEKST),
    )


def _codes_argument(codes: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if codes is None else tuple(codes)


@st.composite
def _observatie(
    draw: st.DrawFn,
    codes: tuple[str, ...] | None,
    waarden: tuple[int, ...],
    beoordelaar: st.SearchStrategy[Beoordelaar],
    datum: st.SearchStrategy[pendulum.Date | None],
) -> Observatie:
    return _draw_observatie(draw, codes, waarden, beoordelaar, datum)


def observaties(
    codes: Sequence[str] | None = None,
    waarden: Sequence[int] | None = None,
    *,
    beoordelaar: st.SearchStrategy[Beoordelaar] | None = None,
    datum: st.SearchStrategy[pendulum.Date | None] | None = None,
) -> st.SearchStrategy[Observatie]:
    """Ratings of a competence: a level, who gave it, maybe a date, evidence.

    Args:
        codes: The competences to rate; by default any codes.
        waarden: The levels to rate on; by default those of the default four-level scale.
        beoordelaar: Draws who rated; by default anyone, the learner included.
        datum: Draws the day of the rating; by default none, or a day of the school
            years 2024-2025 to 2026-2027.

    Raises:
        ValueError: ``codes`` or ``waarden`` is empty.
    """
    if (codes is not None and not codes) or (waarden is not None and not waarden):
        raise ValueError("observaties needs at least one code and one level")
    return _observatie(
        _codes_argument(codes),
        _STANDAARD_WAARDEN if waarden is None else tuple(waarden),
        _BEOORDELAAR if beoordelaar is None else beoordelaar,
        _OPTIONELE_OPVOLGING_DAG if datum is None else datum,
    )


@st.composite
def _feedback(draw: st.DrawFn, codes: tuple[str, ...] | None) -> Feedback:
    return _draw_feedback(draw, codes)


def feedbacks(codes: Sequence[str] | None = None) -> st.SearchStrategy[Feedback]:
    """Feedback given to the learner, by someone in a role or by no one named.

    Args:
        codes: The competences it may be about (none when empty); by default any codes.
    """
    return _feedback(_codes_argument(codes))


@st.composite
def _leerfocus(draw: st.DrawFn, codes: tuple[str, ...] | None) -> Leerfocus:
    return _draw_leerfocus(draw, codes)


def leerfocussen(codes: Sequence[str] | None = None) -> st.SearchStrategy[Leerfocus]:
    """Learning focuses for the next begeleidingsperiode.

    Args:
        codes: The competences to focus on (none when empty); by default any codes.
    """
    return _leerfocus(_codes_argument(codes))


def acties(item: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Actie]:
    """Actions of a conversation, with an owner, maybe due, done, or for an item.

    Args:
        item: Draws the id of the item an action follows from; by default an id or any
            text, as a typo in a record may give.
    """
    return st.builds(
        Actie,
        omschrijving=_TEKST,
        eigenaar=_TEKST,
        vervaldatum=_OPTIONELE_OPVOLGING_DAG,
        item=_optional(_ITEM_REFERENTIE if item is None else item),
        afgerond=_OPTIONELE_OPVOLGING_DAG,
    )


@st.composite
def _leerkans(draw: st.DrawFn, codes: tuple[str, ...] | None) -> Leerkans:
    return _draw_leerkans(draw, codes)


def leerkansen(codes: Sequence[str] | None = None) -> st.SearchStrategy[Leerkans]:
    """Extra learning opportunities at the workplace.

    Args:
        codes: The competences they help with (none when empty); by default any codes.
    """
    return _leerkans(_codes_argument(codes))


@st.composite
def _niet_aanleerbaar(draw: st.DrawFn, codes: tuple[str, ...] | None) -> NietAanleerbaar:
    return _draw_niet_aanleerbaar(draw, codes)


def niet_aanleerbaar(codes: Sequence[str] | None = None) -> st.SearchStrategy[NietAanleerbaar]:
    """Competences that can no longer be taught where planned (`NietAanleerbaar`).

    Args:
        codes: The competences; by default any codes.

    Raises:
        ValueError: ``codes`` is empty.
    """
    if codes is not None and not codes:
        raise ValueError("niet_aanleerbaar needs at least one code")
    return _niet_aanleerbaar(_codes_argument(codes))


_GESPREKSDEELNEMERS = st.lists(deelnemers(), max_size=3).map(tuple)
_AGENDA = st.lists(agendapunten(), max_size=2).map(tuple)
_ACTIES = st.lists(acties(), max_size=2).map(tuple)
_GESPREKSLOCATIE = st.sampled_from(Gesprekslocatie)
_GESPREKSSTATUS = st.sampled_from(Gespreksstatus)


def _draw_opvolgingsgesprek(
    draw: st.DrawFn,
    codes: Sequence[str] | None,
    waarden: Sequence[int],
    datum: st.SearchStrategy[pendulum.Date],
) -> Opvolgingsgesprek:
    # Without codes, nothing refers to a competence: no ratings, nothing to move.
    rated = codes is None or bool(codes)
    return Opvolgingsgesprek(
        datum=draw(datum),
        plaats=draw(_GESPREKSLOCATIE),
        status=draw(_GESPREKSSTATUS),
        deelnemers=draw(_GESPREKSDEELNEMERS),
        agenda=draw(_AGENDA),
        observaties=(
            _tuple_of(draw, 6, lambda: _draw_observatie(draw, codes, waarden)) if rated else ()
        ),
        feedback_technisch=_tuple_of(draw, 2, lambda: _draw_feedback(draw, codes)),
        feedback_attitude=_tuple_of(draw, 2, lambda: _draw_feedback(draw, ())),
        leerfocus=_draw_leerfocus(draw, codes) if draw(st.booleans()) else None,
        acties=draw(_ACTIES),
        extra_leerkansen=_tuple_of(draw, 2, lambda: _draw_leerkans(draw, codes)),
        niet_aanleerbaar=(
            _tuple_of(draw, 2, lambda: _draw_niet_aanleerbaar(draw, codes)) if rated else ()
        ),
        verslag=draw(_OPTIONELE_TEKST),
    )


@st.composite
def _opvolgingsgesprek(
    draw: st.DrawFn,
    codes: tuple[str, ...] | None,
    waarden: tuple[int, ...],
    datum: st.SearchStrategy[pendulum.Date],
) -> Opvolgingsgesprek:
    return _draw_opvolgingsgesprek(draw, codes, waarden, datum)


def opvolgingsgesprekken(
    codes: Sequence[str] | None = None,
    waarden: Sequence[int] | None = None,
    *,
    datum: st.SearchStrategy[pendulum.Date] | None = None,
) -> st.SearchStrategy[Opvolgingsgesprek]:
    """Follow-up conversations, planned, held or cancelled, with every part drawn.

    Args:
        codes: The competences the conversation rates and refers to (none when empty); by
            default any codes. Pass a plan's codes for a conversation about that plan.
        waarden: The levels of the scale it rates on; by default those of the default
            four-level scale. Pass ``Beheersingsschaal.waarden`` for another scale.
        datum: Draws the day of the conversation; by default a day of the school years
            2024-2025 to 2026-2027.

    Raises:
        ValueError: ``waarden`` is empty.
    """
    if waarden is not None and not waarden:
        raise ValueError("opvolgingsgesprekken needs at least one level")
    if codes is None and waarden is None and datum is None:
        return _OPVOLGINGSGESPREKKEN
    return _opvolgingsgesprek(
        _codes_argument(codes),
        _STANDAARD_WAARDEN if waarden is None else tuple(waarden),
        _OPVOLGING_DAG if datum is None else datum,
    )


_OPVOLGINGSGESPREKKEN = _opvolgingsgesprek(None, _STANDAARD_WAARDEN, _OPVOLGING_DAG)


# --- holiday exceptions ----------------------------------------------------------------


def _unique_days(
    day: st.SearchStrategy[pendulum.Date], min_size: int, max_size: int
) -> st.SearchStrategy[tuple[pendulum.Date, ...]]:
    return st.lists(day, min_size=min_size, max_size=max_size, unique=True).map(
        lambda days: tuple(sorted(days))
    )


def vakantie_uitzonderingen() -> st.SearchStrategy[Vakantieuitzondering]:
    """Recorded holiday exceptions: one to five days, their recovery, who agreed.

    The days are any days: whether they fall in a vacation is a rule of the traject
    (R-HOLIDAY), checked against the school calendar, not an invariant of the record.
    """
    return st.builds(
        Vakantieuitzondering,
        dagen=_unique_days(_OPVOLGING_DAG, 1, 5),
        recuperatie=_unique_days(_OPVOLGING_DAG, 0, 5),
        akkoord=st.lists(st.sampled_from(Partij), unique=True).map(tuple),
        bijlage=_KORTE_TEKST,
        leerkans=_OPTIONELE_TEKST,
        datum=_optional(_OPVOLGING_DAG),
    )


# --- catalogues (leidraden) and conversation records ------------------------------------


def _unique_id(draw: st.DrawFn, taken: set[str]) -> str:
    # Ids share one namespace in a catalogue: a drawn id that is taken gets a number.
    drawn = node_id = draw(_LEIDRAAD_ID)
    number = len(taken)
    while node_id in taken:
        number += 1
        node_id = f"{drawn}-{number}"
    taken.add(node_id)
    return node_id


def leidraadreferenties() -> st.SearchStrategy[LeidraadReferentie]:
    """References to a catalogue by id and version: a shipped one, or any other."""
    return _LEIDRAADREFERENTIES


_LEIDRAADREFERENTIES = st.builds(
    LeidraadReferentie,
    id=st.sampled_from(("opstartgesprek", "leervooruitgang")) | _LEIDRAAD_ID,
    versie=st.just("1") | _VERSIE,
)


def bronnen() -> st.SearchStrategy[Bron]:
    """Sources of a catalogue, dated by a year, a month or a day."""
    return _BRONNEN


def _bron_datum(day: pendulum.Date, parts: int) -> str:
    return day.isoformat()[: (4, 7, 10)[parts]]


_BRONNEN = st.builds(
    Bron,
    titel=_TEKST,
    uitgever=_OPTIONELE_TEKST,
    datum=_optional(st.builds(_bron_datum, _DAG, st.integers(0, 2))),
    url=_optional(st.just("https://www.vlaanderen.be/duaal-leren") | _TEKST),
    opmerking=_OPTIONELE_TEKST,
)
_OPTIONELE_BRON = _optional(_BRONNEN)


_ITEMSOORT = st.sampled_from(Itemsoort)


def _draw_item(draw: st.DrawFn, taken: set[str]) -> Item:
    return Item(_unique_id(draw, taken), draw(_TEKST), draw(_ITEMSOORT), draw(_OPTIONELE_TEKST))


def _draw_items(draw: st.DrawFn, taken: set[str]) -> tuple[Item, ...]:
    return tuple(_draw_item(draw, taken) for _ in range(draw(st.integers(1, 3))))


def _draw_sectie(draw: st.DrawFn, taken: set[str]) -> Sectie:
    return Sectie(
        id=_unique_id(draw, taken),
        titel=draw(_TEKST),
        titel_afgeleid=draw(st.booleans()),
        toelichting=draw(_OPTIONELE_TEKST),
        items=_draw_items(draw, taken),
    )


def _draw_thema(draw: st.DrawFn, taken: set[str]) -> Thema:
    thema_id = _unique_id(draw, taken)
    with_sections = draw(st.booleans())
    secties = (
        tuple(_draw_sectie(draw, taken) for _ in range(draw(st.integers(1, 2))))
        if with_sections
        else ()
    )
    return Thema(
        id=thema_id,
        titel=draw(_TEKST),
        titel_afgeleid=draw(st.booleans()),
        toelichting=draw(_OPTIONELE_TEKST),
        secties=secties,
        items=() if with_sections else _draw_items(draw, taken),
    )


@st.composite
def _items(draw: st.DrawFn) -> Item:
    return _draw_item(draw, set())


@st.composite
def _secties(draw: st.DrawFn) -> Sectie:
    return _draw_sectie(draw, set())


@st.composite
def _themas(draw: st.DrawFn) -> Thema:
    return _draw_thema(draw, set())


def items() -> st.SearchStrategy[Item]:
    """Items of a catalogue: questions, topics and consultation goals with a valid id."""
    return _items()


def secties() -> st.SearchStrategy[Sectie]:
    """Sections of a catalogue with one to three items, every id unique."""
    return _secties()


def themas() -> st.SearchStrategy[Thema]:
    """Themes of a catalogue: one or two sections, or one to three items; ids unique."""
    return _themas()


_TAAL = st.sampled_from(("nl", "nl-BE", "en", "fr"))


@st.composite
def _leidraad(draw: st.DrawFn) -> Leidraad:
    taken: set[str] = set()
    return Leidraad(
        id=draw(_LEIDRAAD_ID),
        titel=draw(_TEKST),
        versie=draw(_VERSIE),
        taal=draw(_TAAL),
        bron=draw(_OPTIONELE_BRON),
        inleiding=draw(_OPTIONELE_TEKST),
        basis=draw(_optional(_LEIDRAADREFERENTIES)),
        themas=tuple(_draw_thema(draw, taken) for _ in range(draw(st.integers(1, 3)))),
    )


def leidraden() -> st.SearchStrategy[Leidraad]:
    """Catalogues of one to three themes that pass the whole-catalogue checks.

    Every theme holds sections or items (not both, not neither), no section is empty, and
    every id of a theme, section or item is unique in the catalogue.
    """
    return _LEIDRADEN


_LEIDRADEN = _leidraad()


def aanvullingen() -> st.SearchStrategy[Aanvulling]:
    """Additions of an extension: sections or items for a theme or section of the base.

    Whether they fit a base catalogue is checked when the extension is applied (`extend`),
    not by the object: the ids they add to are any ids.
    """
    return _AANVULLINGEN


@st.composite
def _aanvulling(draw: st.DrawFn) -> Aanvulling:
    taken: set[str] = set()
    bij = draw(_LEIDRAAD_ID)
    if draw(st.booleans()):
        added = tuple(_draw_sectie(draw, taken) for _ in range(draw(st.integers(1, 2))))
        return Aanvulling(bij, secties=added)
    return Aanvulling(bij, items=_draw_items(draw, taken))


_AANVULLINGEN = _aanvulling()
_BASIS = st.sampled_from(("opstartgesprek", "leervooruitgang")) | _LEIDRAAD_ID
_BASISVERSIE = _optional(st.just("1") | _VERSIE)


def uitbreidingen() -> st.SearchStrategy[Uitbreiding]:
    """Extensions of a catalogue, adding sections, items and themes to any base id."""
    return _UITBREIDINGEN


@st.composite
def _uitbreiding(draw: st.DrawFn) -> Uitbreiding:
    taken: set[str] = set()
    return Uitbreiding(
        id=draw(_LEIDRAAD_ID),
        titel=draw(_TEKST),
        versie=draw(_VERSIE),
        basis=draw(_BASIS),
        basisversie=draw(_BASISVERSIE),
        bron=draw(_OPTIONELE_BRON),
        inleiding=draw(_OPTIONELE_TEKST),
        aanvullingen=draw(st.lists(_AANVULLINGEN, max_size=2).map(tuple)),
        themas=tuple(_draw_thema(draw, taken) for _ in range(draw(st.integers(0, 2)))),
    )


_UITBREIDINGEN = _uitbreiding()


def antwoorden(item: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Antwoord]:
    """Answers of a record: answered, agreed, not applicable, or still open.

    Args:
        item: Draws the id of the item answered; by default an id or any text, as a typo
            in a record may give.
    """
    return st.builds(
        Antwoord,
        item=_ITEM_REFERENTIE if item is None else item,
        tekst=_optional(teksten(max_size=200)),
        afspraak=_OPTIONELE_TEKST,
        niet_van_toepassing=st.booleans(),
    )


def gespreksverslagen(
    leidraad: Leidraad | None = None,
    *,
    traject: st.SearchStrategy[str] | None = None,
    lerende: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Gespreksverslag]:
    """Records of conversations held with a catalogue.

    Args:
        leidraad: The catalogue the records are held with: they name its id and version,
            and answer its items (an item may be answered twice, as happens). By default
            any catalogue reference and any item ids, so that a record need not match a
            catalogue.
        traject: Draws the id of the traject; by default any id.
        lerende: Draws the learner's id; by default none or any id.
    """
    if leidraad is None:
        reference: st.SearchStrategy[LeidraadReferentie] = _LEIDRAADREFERENTIES
        item: st.SearchStrategy[str] | None = None
    else:
        reference = st.just(leidraad.referentie)
        item = st.sampled_from(tuple(i.id for i in leidraad.alle_items))
    return st.builds(
        Gespreksverslag,
        leidraad=reference,
        traject=_TRAJECT_ID if traject is None else traject,
        datum=_OPVOLGING_DAG,
        lerende=_optional(_LERENDE_ID) if lerende is None else lerende,
        plaats=_KORTE_TEKST,
        deelnemers=st.lists(deelnemers(), max_size=3).map(tuple),
        antwoorden=st.lists(antwoorden(item), max_size=5).map(tuple),
        acties=st.lists(acties(item), max_size=3).map(tuple),
        notities=_optional(teksten(max_size=200)),
    )


# --- a school's own calendar -----------------------------------------------------------


def _draw_schooleigen_dag(draw: st.DrawFn, jaar: Schooljaar) -> SchooleigenDag:
    # From 1 September, so that a run of days ends by 30 June at the latest.
    datum = jaar.start.add(days=draw(st.integers(0, 297)))
    dagdeel = draw(st.sampled_from(Dagdeel))
    einde = None
    # A half day is one day; a whole day may start a run of a few days.
    if dagdeel is Dagdeel.DAG and draw(st.booleans()):
        einde = datum.add(days=draw(st.integers(0, 4)))
    return SchooleigenDag(
        datum=datum,
        soort=draw(st.sampled_from(Schooleigensoort)),
        naam=draw(_KORTE_TEKST),
        einde=einde,
        dagdeel=dagdeel,
    )


_SCHOOLJAAR = st.builds(Schooljaar, st.integers(2015, 2040))


def schooleigen_dagen(
    schooljaar: Schooljaar | None = None,
) -> st.SearchStrategy[SchooleigenDag]:
    """A school's own free days and study days, between 1 September and 30 June.

    Args:
        schooljaar: The school year they fall in; by default any from 2015-2016 to
            2040-2041.
    """

    @st.composite
    def dag(draw: st.DrawFn) -> SchooleigenDag:
        return _draw_schooleigen_dag(draw, schooljaar or draw(_SCHOOLJAAR))

    return dag()


def schooleigen_kalenders() -> st.SearchStrategy[SchooleigenKalender]:
    """A school's own calendars: free days and klassenraden in the named school year."""

    @st.composite
    def kalender(draw: st.DrawFn) -> SchooleigenKalender:
        jaar = draw(_SCHOOLJAAR)
        lessons = datums(jaar.start, jaar.start.add(days=301))
        return SchooleigenKalender(
            school=draw(_TEKST),
            schooljaar=str(jaar),
            vrije_dagen=tuple(
                _draw_schooleigen_dag(draw, jaar) for _ in range(draw(st.integers(0, 4)))
            ),
            klassenraden=draw(_unique_days(lessons, 0, 4)),
        )

    return kalender()


_KLEIN_PLAN = individuele_plannen(standaardplannen(max_competenties=5))
_LERENDE = lerenden()
_SCHOOL = onderwijsinstellingen()
_WERKPLEK = leerwerkplekken()
_OVEREENKOMST = overeenkomsten()
_WEEKPATROON = _optional(weekpatronen())
_ROTATIE = rotaties()
_ROOSTERWIJZIGINGEN = st.lists(roosterwijzigingen(), max_size=2).map(tuple)
_BEDRIJFSCONTACTEN = st.lists(bedrijfscontacten(), max_size=2).map(tuple)
_AFSPRAKEN = st.just(PraktischeAfspraken()) | praktische_afspraken()


@st.composite
def _traject(
    draw: st.DrawFn,
    opleidingsplan: st.SearchStrategy[IndividueelOpleidingsplan],
    opvolging: bool | None,
) -> Traject:
    plan = draw(opleidingsplan)
    contract = draw(_OVEREENKOMST)
    lerende = draw(_LERENDE)
    gegevens = lerende.persoonsgegevens
    if gegevens is not None and gegevens.geboortedatum is not None:
        # The learner is 15 to 25 when the contract starts (R-LEARNER).
        geboren = contract.start.subtract(
            years=draw(st.integers(15, 24)), days=draw(st.integers(0, 364))
        )
        gegevens = attrs.evolve(gegevens, geboortedatum=geboren)
        lerende = attrs.evolve(lerende, persoonsgegevens=gegevens)
    werkplek = draw(_WERKPLEK)
    # The workplace is usually recognised for the learner's own course.
    werkplek = attrs.evolve(
        werkplek,
        erkenningen=tuple(
            attrs.evolve(e, opleiding=plan.opleiding) if draw(st.booleans()) else e
            for e in werkplek.erkenningen
        ),
    )
    mentor = None
    if draw(st.booleans()):
        mentor = _draw_mentor(draw, contract.start.subtract(days=draw(st.integers(0, 60))))
    traject = Traject(
        id=draw(_TRAJECT_ID),
        lerende=lerende,
        school=draw(_SCHOOL),
        werkplek=werkplek,
        overeenkomst=contract,
        opleidingsplan=plan,
        mentor=mentor,
        bedrijfscontacten=draw(_BEDRIJFSCONTACTEN),
        afspraken=draw(_AFSPRAKEN),
        # The schedule's shapes: one weekly pattern (or none), or a rotation; with changes.
        **(
            {"rotatie": draw(_ROTATIE)}
            if draw(st.integers(0, 3)) == 0
            else {"weekpatroon": draw(_WEEKPATROON)}
        ),
        roosterwijzigingen=draw(_ROOSTERWIJZIGINGEN),
    )
    # Half of the trajecten are followed up: conversations, records, a scale, exceptions.
    followed_up = draw(st.booleans()) if opvolging is None else opvolging
    return _draw_follow_up(draw, traject) if followed_up else traject


def _draw_follow_up(draw: st.DrawFn, traject: Traject) -> Traject:
    """The traject with what happens during it, coherent with its plan and contract.

    The conversations fall within the contract and rate the plan's competences on the
    traject's scale; the records name the traject and its learner.
    """
    scale = draw(_optional(_BEHEERSINGSSCHALEN))
    waarden = _STANDAARD_WAARDEN if scale is None else scale.waarden
    contract = traject.overeenkomst
    days = st.dates(contract.start, contract.einde).map(_to_pendulum)
    codes = traject.opleidingsplan.codes
    # Few of each: a traject draws much else, and one of a kind exercises its round trip.
    gesprekken = sorted(
        (
            _draw_opvolgingsgesprek(draw, codes, waarden, days)
            for _ in range(draw(st.integers(1, 2)))
        ),
        key=lambda gesprek: gesprek.datum,
    )
    verslagen = [
        attrs.evolve(verslag, traject=traject.id, lerende=traject.lerende.id, datum=draw(days))
        for verslag in draw(st.lists(_GESPREKSVERSLAGEN, max_size=1))
    ]
    return attrs.evolve(
        traject,
        opvolgingsgesprekken=tuple(gesprekken),
        beheersingsschaal=scale,
        gespreksverslagen=tuple(verslagen),
        vakantie_uitzonderingen=draw(_VAKANTIE_UITZONDERINGEN),
    )


_GESPREKSVERSLAGEN = gespreksverslagen()
_VAKANTIE_UITZONDERINGEN = st.lists(vakantie_uitzonderingen(), max_size=1).map(tuple)


def trajecten(
    opleidingsplan: st.SearchStrategy[IndividueelOpleidingsplan] | None = None,
    *,
    opvolging: bool | None = None,
) -> st.SearchStrategy[Traject]:
    """Trajecten: a learner, school, workplace, contract, plan and agreements.

    A traject that is followed up holds one or two follow-up conversations within the
    contract about the plan's competences, on the default scale or a scale of its own, and
    maybe the record of a conversation held with a catalogue and a holiday exception.

    Args:
        opleidingsplan: Draws the learner's plan; by default `individuele_plannen` of
            standard plans with up to five competences, since a traject draws much else.
        opvolging: ``True`` for trajecten that are all followed up, ``False`` for none;
            by default half of them are.
    """
    if opleidingsplan is None:
        return _TRAJECTEN[opvolging]
    return _traject(opleidingsplan, opvolging)


_TRAJECTEN = {opvolging: _traject(_KLEIN_PLAN, opvolging) for opvolging in (None, True, False)}
