"""Hypothesis strategies that generate valid duaal-leren objects, for property tests.

Every model class has a strategy named after it in the plural (`competenties` for
`Competentie`, `trajecten` for `Traject`, ...). Each object it draws passes the field
validators, so it can be dumped and loaded again. Text is drawn from any Unicode text,
mixed with values that trip up careless YAML readers and writers (``no``, ``0123``,
``08:30``, ``2025-09-01``, ``null``, ``~``, ``#``, ``": "``, quotes, line breaks,
leading and trailing spaces), so that a round trip through a file is really exercised.

Plans and trajecten are drawn coherent where that is cheap: the codes of a plan are
unique, prerequisites point at earlier competences and their termijnen come no later,
an individual plan is derived from a standard plan with `from_standaardplan`, a contract
ends after it starts, the learner is 15 to 25 at its start. Whole-document rules are not
otherwise guaranteed: a drawn traject may well break one, as real ones do.

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
from collections.abc import Sequence
from typing import TypeVar

import attrs
import pendulum
from hypothesis import strategies as st

from duaal_leren.competentie import Competentie, Leerplaats, Referenties
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
from duaal_leren.traject import (
    Afspraak,
    Bedrijfscontact,
    Contact,
    Erkenning,
    Leerwerkplek,
    Lerende,
    Mentor,
    Ondersteuning,
    Onderwijsinstelling,
    Overeenkomst,
    Overeenkomstsoort,
    Persoon,
    Persoonsgegevens,
    PraktischeAfspraken,
    Screening,
    Traject,
    Weekdag,
    Weekpatroon,
    Werkdag,
    WerkdagPlaats,
)

__all__ = [
    "afspraken",
    "bedrijfscontacten",
    "bk_competentiecodes",
    "bk_ids",
    "codes",
    "competent_codes",
    "competenties",
    "contacten",
    "datums",
    "erkenningen",
    "esco_uris",
    "handtekeningen",
    "individuele_plannen",
    "leerwerkplekken",
    "lerenden",
    "mentoren",
    "ondernemingsnummers",
    "ondersteuningen",
    "onderwijsinstellingen",
    "overeenkomsten",
    "personen",
    "persoonsgegevens",
    "planreferenties",
    "praktische_afspraken",
    "referenties",
    "screenings",
    "standaardplannen",
    "teksten",
    "toevoegingen",
    "trajecten",
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
    return bool(value.strip())


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
    min_value: datetime.date = datetime.date(1950, 1, 1),
    max_value: datetime.date = datetime.date(2099, 12, 31),
) -> st.SearchStrategy[pendulum.Date]:
    """Dates as `pendulum.Date`, the type the model uses.

    Args:
        min_value: The earliest date.
        max_value: The latest date.
    """
    return _datums(min_value, max_value)


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


def lerenden() -> st.SearchStrategy[Lerende]:
    """Learners, with or without their personal data."""
    pseudoniem = st.from_regex(r"LRN-20[0-9]{2}-[0-9]{4}", fullmatch=True) | _TEKST
    return st.builds(
        Lerende,
        id=pseudoniem,
        vooropleiding=_OPTIONELE_TEKST,
        motivatie=_OPTIONELE_TEKST,
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
    )


_KLEIN_PLAN = individuele_plannen(standaardplannen(max_competenties=5))
_TRAJECT_ID = st.from_regex(r"TRJ-20[0-9]{2}-[0-9]{4}", fullmatch=True) | _TEKST
_LERENDE = lerenden()
_SCHOOL = onderwijsinstellingen()
_WERKPLEK = leerwerkplekken()
_OVEREENKOMST = overeenkomsten()
_WEEKPATROON = _optional(weekpatronen())
_BEDRIJFSCONTACTEN = st.lists(bedrijfscontacten(), max_size=2).map(tuple)
_AFSPRAKEN = st.just(PraktischeAfspraken()) | praktische_afspraken()


@st.composite
def _traject(
    draw: st.DrawFn, opleidingsplan: st.SearchStrategy[IndividueelOpleidingsplan]
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
    return Traject(
        id=draw(_TRAJECT_ID),
        lerende=lerende,
        school=draw(_SCHOOL),
        werkplek=werkplek,
        overeenkomst=contract,
        opleidingsplan=plan,
        mentor=mentor,
        weekpatroon=draw(_WEEKPATROON),
        bedrijfscontacten=draw(_BEDRIJFSCONTACTEN),
        afspraken=draw(_AFSPRAKEN),
    )


def trajecten(
    opleidingsplan: st.SearchStrategy[IndividueelOpleidingsplan] | None = None,
) -> st.SearchStrategy[Traject]:
    """Trajecten: a learner, school, workplace, contract, plan and agreements.

    Args:
        opleidingsplan: Draws the learner's plan; by default `individuele_plannen` of
            standard plans with up to five competences, since a traject draws much else.
    """
    return _TRAJECTEN if opleidingsplan is None else _traject(opleidingsplan)


_TRAJECTEN = _traject(_KLEIN_PLAN)
