"""Each built-in rule: the shipped examples pass it, and a document that breaks it fails it."""

from __future__ import annotations

import graphlib
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import duaal_leren
from duaal_leren import (
    Competentie,
    Contact,
    Erkenning,
    Handtekening,
    IndividueelOpleidingsplan,
    Leerplaats,
    Overeenkomstsoort,
    Partij,
    Persoon,
    Planstatus,
    StandaardOpleidingsplan,
    Toevoeging,
    Traject,
    Verplaatsing,
    Weekdag,
    Weekpatroon,
    Weglating,
    Werkdag,
    WerkdagPlaats,
)
from duaal_leren.validation import RULES, Severity
from duaal_leren.validation._rules import _cycles

EXAMPLES = Path(__file__).parent.parent / "examples"
TODAY = pendulum.date(2025, 10, 1)
D = pendulum.date


@pytest.fixture(scope="module")
def standaard() -> StandaardOpleidingsplan:
    return duaal_leren.load_standaardplan(EXAMPLES / "standaardplan-elektrotechniek.yaml")


@pytest.fixture(scope="module")
def traject() -> Traject:
    return duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")


def findings(
    document: object,
    code: str,
    standaard: StandaardOpleidingsplan | None = None,
    today: pendulum.Date = TODAY,
) -> list[duaal_leren.Finding]:
    report = duaal_leren.validate(
        document, today=today, select=[code], standaardplannen=[standaard] if standaard else ()
    )
    return [f for f in report.findings if f.code == code]


def with_plan(traject: Traject, **changes: object) -> Traject:
    return attrs.evolve(traject, opleidingsplan=attrs.evolve(traject.opleidingsplan, **changes))


def with_competentie(traject: Traject, target: str, **changes: object) -> Traject:
    plan = traject.opleidingsplan
    competenties = tuple(
        attrs.evolve(c, **changes) if c.code == target else c for c in plan.competenties
    )
    return with_plan(traject, competenties=competenties)


def with_mentor(traject: Traject, **changes: object) -> Traject:
    assert traject.mentor is not None
    return attrs.evolve(traject, mentor=attrs.evolve(traject.mentor, **changes))


def test_every_rule_passes_on_the_examples(
    traject: Traject, standaard: StandaardOpleidingsplan
) -> None:
    for document in (traject, standaard):
        report = duaal_leren.validate(document, today=TODAY, standaardplannen=[standaard])
        assert report.findings == ()


def test_every_rule_has_code_title_source_fix_and_doc() -> None:
    for rule in RULES:
        assert rule.code == rule.code.lower()
        assert " " not in rule.code
        assert rule.titel_en
        assert rule.source
        assert rule.fix
        assert rule.doc


# --- R-ALLOC -----------------------------------------------------------------------------


def test_uncovered_competence_is_an_error_in_a_signed_plan(traject: Traject) -> None:
    broken = with_competentie(traject, "ELT-04", leerplaats=Leerplaats.NIET_GEDEKT)
    [finding] = findings(broken, "alloc-niet-gedekt")
    assert finding.severity is Severity.ERROR
    assert finding.path == "$.opleidingsplan.competenties[3].leerplaats"
    assert "ELT-04" in finding.message
    assert "ELT-04" in finding.message_en


def test_uncovered_competence_is_a_warning_in_a_draft(traject: Traject) -> None:
    broken = with_competentie(traject, "ELT-04", leerplaats=Leerplaats.NIET_GEDEKT)
    draft = with_plan(broken, status=Planstatus.ONTWERP, handtekeningen=())
    [finding] = findings(draft, "alloc-niet-gedekt")
    assert finding.severity is Severity.WARNING


def test_uncovered_competence_is_a_warning_in_a_standard_plan(
    standaard: StandaardOpleidingsplan,
) -> None:
    first = attrs.evolve(standaard.competenties[0], leerplaats=Leerplaats.NIET_GEDEKT)
    plan = attrs.evolve(standaard, competenties=(first, *standaard.competenties[1:]))
    [finding] = findings(plan, "alloc-niet-gedekt")
    assert finding.severity is Severity.WARNING
    assert finding.path == "$.competenties[0].leerplaats"


def test_outside_provider_should_be_named(traject: Traject) -> None:
    broken = with_competentie(traject, "ELT-05", externe_aanbieder=None)
    [finding] = findings(broken, "alloc-extern-aanbieder")
    assert finding.severity is Severity.WARNING
    assert finding.path.endswith("competenties[4].externe_aanbieder")


def test_provider_on_a_competence_learned_elsewhere_is_a_warning(traject: Traject) -> None:
    odd = with_competentie(traject, "ELT-04", externe_aanbieder="Centrum X")
    [finding] = findings(odd, "alloc-extern-aanbieder")
    assert finding.severity is Severity.WARNING


def test_practising_at_a_place_outside_the_leerplaats(traject: Traject) -> None:
    broken = with_competentie(traject, "ELT-02", inoefening=Leerplaats.WERKPLEK)
    [finding] = findings(broken, "alloc-verdeling")
    assert finding.path.endswith("competenties[1].inoefening")
    assert finding.severity is Severity.WARNING


# --- codes, references, cycles -------------------------------------------------------------


def test_duplicate_code_is_reported_at_the_second(traject: Traject) -> None:
    broken = with_competentie(traject, "ELT-04", code="ELT-02")
    [finding] = findings(broken, "code-uniek")
    assert finding.path == "$.opleidingsplan.competenties[3].code"
    # The message names the competence by its code and the first one by its path, counted
    # from 0 as in the finding's own path; never "competentie 2" counted from 1.
    assert "ELT-02" in finding.message
    assert "$.opleidingsplan.competenties[1]" in finding.message
    assert "$.opleidingsplan.competenties[1]" in finding.message_en
    assert "competentie 2" not in finding.message
    assert "competence 2" not in finding.message_en


def test_unknown_references_are_reported_with_their_place(traject: Traject) -> None:
    broken = with_competentie(traject, "ELT-02", vereisten=("ELT-01", "ELT-99"))
    broken = with_plan(
        broken,
        startcompetenties=("ELT-01", "NOPE"),
        verplaatst=(Verplaatsing("GONE", Leerplaats.SCHOOL, Leerplaats.WERKPLEK, "x"),),
        toegevoegd=(Toevoeging("EXTRA", "x"),),
    )
    paths = {f.path for f in findings(broken, "verwijzing-onbekend")}
    assert paths == {
        "$.opleidingsplan.competenties[1].vereisten[1]",
        "$.opleidingsplan.startcompetenties[1]",
        "$.opleidingsplan.verplaatst[0].code",
        "$.opleidingsplan.toegevoegd[0].code",
    }


def _plan(*pairs: tuple[str, tuple[str, ...]]) -> StandaardOpleidingsplan:
    return StandaardOpleidingsplan(
        "p",
        "Opleiding",
        "1",
        tuple(Competentie(code, code, Leerplaats.SCHOOL, vereisten=req) for code, req in pairs),
    )


def test_a_cycle_is_named_whole_and_once() -> None:
    plan = _plan(("A", ("C",)), ("B", ("A",)), ("C", ("B",)), ("D", ("A",)))
    [finding] = findings(plan, "vereisten-cyclus")
    assert "A -> C -> B -> A" in finding.message
    assert finding.path == "$.competenties[0].vereisten"


def test_a_self_reference_is_a_cycle_and_separate_cycles_are_each_reported() -> None:
    plan = _plan(("A", ("A",)), ("B", ("C",)), ("C", ("B",)), ("E", ()))
    messages = sorted(f.message_en for f in findings(plan, "vereisten-cyclus"))
    assert messages == [
        "the prerequisites form a cycle: A -> A",
        "the prerequisites form a cycle: B -> C -> B",
    ]


def test_no_cycle_in_a_long_chain_and_it_stays_fast() -> None:
    n = 5000
    pairs = [(f"C{i}", (f"C{i - 1}",) if i else ()) for i in range(n)]
    plan = _plan(*pairs)
    assert findings(plan, "vereisten-cyclus") == []
    closing = _plan(*pairs[1:], ("C0", (f"C{n - 1}",)))
    [finding] = findings(closing, "vereisten-cyclus")
    assert finding.message_en.count("->") == n


# --- deadlines -----------------------------------------------------------------------------


def test_termijn_before_a_prerequisite(traject: Traject) -> None:
    # ELT-13 requires ELT-03 (termijn 2025-12-19).
    broken = with_competentie(traject, "ELT-13", termijn=D(2025, 12, 1))
    [finding] = findings(broken, "termijn-voor-vereiste")
    assert "ELT-03" in finding.message
    assert finding.path.endswith(".termijn")


def test_termijn_outside_the_contract(traject: Traject) -> None:
    broken = with_competentie(traject, "ELT-13", termijn=D(2026, 8, 1))
    [finding] = findings(broken, "termijn-buiten-overeenkomst")
    assert finding.severity is Severity.WARNING


# --- R-IOP -------------------------------------------------------------------------------


def test_standard_competence_missing_without_reason(
    traject: Traject, standaard: StandaardOpleidingsplan
) -> None:
    plan = traject.opleidingsplan
    kept = tuple(c for c in plan.competenties if c.code != "ELT-24")
    broken = with_plan(traject, competenties=kept)
    [finding] = findings(broken, "iop-standaard", standaard)
    assert "ELT-24" in finding.message
    # Left out with a reason, it is fine.
    fixed = with_plan(broken, weggelaten=(*plan.weggelaten, Weglating("ELT-24", "reden")))
    assert findings(fixed, "iop-standaard", standaard) == []


def test_iop_needs_the_standard_plan(traject: Traject) -> None:
    kept = tuple(c for c in traject.opleidingsplan.competenties if c.code != "ELT-24")
    assert findings(with_plan(traject, competenties=kept), "iop-standaard") == []


def test_move_from_the_wrong_place_is_a_warning(
    traject: Traject, standaard: StandaardOpleidingsplan
) -> None:
    move = Verplaatsing("ELT-17", Leerplaats.BEIDE, Leerplaats.SCHOOL, "reden")
    [finding] = findings(with_plan(traject, verplaatst=(move,)), "iop-standaard", standaard)
    assert finding.severity is Severity.WARNING


def test_moved_competence_must_have_its_new_leerplaats(traject: Traject) -> None:
    broken = with_competentie(traject, "ELT-17", leerplaats=Leerplaats.WERKPLEK)
    [finding] = findings(broken, "iop-samenhang")
    assert finding.path == "$.opleidingsplan.verplaatst[0].naar"


def test_deviation_without_reason(traject: Traject) -> None:
    plan = traject.opleidingsplan
    broken = with_plan(traject, toegevoegd=(Toevoeging("ELT-X1"),))
    [finding] = findings(broken, "iop-reden")
    assert finding.path == "$.opleidingsplan.toegevoegd[0].reden"
    assert plan.toegevoegd[0].reden  # the example has one


# --- R-SIGN ------------------------------------------------------------------------------


def test_active_plan_without_all_signatures(traject: Traject) -> None:
    plan = traject.opleidingsplan
    broken = with_plan(traject, handtekeningen=plan.handtekeningen[:2])
    [finding] = findings(broken, "sign-ontbreekt")
    assert "lerende" in finding.message
    draft = with_plan(broken, status=Planstatus.ONTWERP)
    assert findings(draft, "sign-ontbreekt") == []


def test_signed_after_the_contract_start(traject: Traject) -> None:
    late = Handtekening(Partij.LERENDE, D(2025, 9, 15))
    plan = traject.opleidingsplan
    broken = with_plan(traject, handtekeningen=(*plan.handtekeningen[:2], late))
    [finding] = findings(broken, "sign-na-start")
    assert finding.severity is Severity.WARNING
    assert finding.path == "$.opleidingsplan.handtekeningen[2].datum"


# --- R-MENTOR ----------------------------------------------------------------------------


def test_mentor_too_young_unless_the_partnership_allows_23(traject: Traject) -> None:
    young = with_mentor(traject, geboortedatum=D(2001, 9, 1))  # 23 on 2025-08-25
    [finding] = findings(young, "mentor-leeftijd")
    assert "23" in finding.message
    allowed = with_mentor(young, leeftijdsuitzondering=True)
    assert findings(allowed, "mentor-leeftijd") == []
    turns_25_after = with_mentor(traject, geboortedatum=D(2000, 8, 26))
    assert len(findings(turns_25_after, "mentor-leeftijd")) == 1
    turns_25_on = with_mentor(traject, geboortedatum=D(2000, 8, 25))
    assert findings(turns_25_on, "mentor-leeftijd") == []


def test_mentor_experience(traject: Traject) -> None:
    assert len(findings(with_mentor(traject, ervaring_jaren=4.5), "mentor-ervaring")) == 1
    waived = with_mentor(traject, ervaring_jaren=2, vrijstelling_ervaring="EVC-attest")
    assert findings(waived, "mentor-ervaring") == []
    [unknown] = findings(with_mentor(traject, ervaring_jaren=None), "mentor-ervaring")
    assert unknown.severity is Severity.WARNING


def test_criminal_record_extract_at_most_a_year_old(traject: Traject) -> None:
    old = with_mentor(traject, uittreksel_strafregister=D(2024, 8, 24))
    assert len(findings(old, "mentor-uittreksel")) == 1
    exactly_a_year = with_mentor(traject, uittreksel_strafregister=D(2024, 8, 25))
    assert findings(exactly_a_year, "mentor-uittreksel") == []
    [missing] = findings(with_mentor(traject, uittreksel_strafregister=None), "mentor-uittreksel")
    assert missing.severity is Severity.WARNING


def test_mentor_training_within_a_year(traject: Traject) -> None:
    late = with_mentor(traject, mentoropleiding=D(2026, 9, 1))
    assert len(findings(late, "mentor-opleiding")) == 1
    pending = with_mentor(traject, mentoropleiding=None)
    [info] = findings(pending, "mentor-opleiding", today=D(2026, 1, 1))
    assert info.severity is Severity.INFO
    [overdue] = findings(pending, "mentor-opleiding", today=D(2026, 9, 1))
    assert overdue.severity is Severity.ERROR


# --- R-ERKENNING ---------------------------------------------------------------------------


def test_workplace_not_recognised_for_the_course(traject: Traject) -> None:
    other = Erkenning("Kapper duaal", D(2029, 1, 1))
    broken = attrs.evolve(traject, werkplek=attrs.evolve(traject.werkplek, erkenningen=(other,)))
    [finding] = findings(broken, "erkenning")
    assert finding.severity is Severity.ERROR


def test_recognition_expiring_during_the_contract_is_a_warning(traject: Traject) -> None:
    soon = Erkenning("Elektrotechnisch installateur duaal", D(2026, 3, 31), D(2021, 4, 1))
    expiring = attrs.evolve(traject, werkplek=attrs.evolve(traject.werkplek, erkenningen=(soon,)))
    [finding] = findings(expiring, "erkenning")
    assert finding.severity is Severity.WARNING
    expired = Erkenning("Elektrotechnisch installateur duaal", D(2025, 6, 30))
    broken = attrs.evolve(traject, werkplek=attrs.evolve(traject.werkplek, erkenningen=(expired,)))
    assert findings(broken, "erkenning")[0].severity is Severity.ERROR


# --- R-LEARNER ---------------------------------------------------------------------------


def _born(traject: Traject, day: pendulum.Date) -> Traject:
    data = traject.lerende.persoonsgegevens
    assert data is not None
    lerende = attrs.evolve(traject.lerende, persoonsgegevens=attrs.evolve(data, geboortedatum=day))
    return attrs.evolve(traject, lerende=lerende)


def test_learner_age_15_to_25(traject: Traject) -> None:
    assert findings(_born(traject, D(2010, 9, 2)), "lerende-leeftijd")  # 14 on 2025-09-01
    assert findings(_born(traject, D(2010, 9, 1)), "lerende-leeftijd") == []  # 15
    assert findings(_born(traject, D(1999, 9, 2)), "lerende-leeftijd") == []  # 25
    assert findings(_born(traject, D(1999, 9, 1)), "lerende-leeftijd")  # 26
    # The message names neither the learner nor the birth date.
    [finding] = findings(_born(traject, D(2010, 9, 2)), "lerende-leeftijd")
    assert "2010" not in finding.message
    assert "Lotte" not in finding.message


def test_late_start_is_a_warning(traject: Traject) -> None:
    late = attrs.evolve(
        traject, overeenkomst=attrs.evolve(traject.overeenkomst, start=D(2025, 11, 17))
    )
    [finding] = findings(late, "lerende-start-laat")
    assert finding.severity is Severity.WARNING


# --- R-OAO -------------------------------------------------------------------------------


def _pattern(werkplek: float, school: float) -> Weekpatroon:
    return Weekpatroon(
        (
            Werkdag(Weekdag.MAANDAG, WerkdagPlaats.WERKPLEK, werkplek),
            Werkdag(Weekdag.DINSDAG, WerkdagPlaats.SCHOOL, school),
        )
    )


def test_oao_below_20_hours_and_sao_from_20(traject: Traject) -> None:
    below = attrs.evolve(traject, weekpatroon=_pattern(19.5, 18.5))
    [finding] = findings(below, "oao-uren")
    assert finding.severity is Severity.ERROR
    assert findings(attrs.evolve(traject, weekpatroon=_pattern(20, 18)), "oao-uren") == []
    sao = attrs.evolve(
        traject,
        weekpatroon=_pattern(20, 18),
        overeenkomst=attrs.evolve(traject.overeenkomst, soort=Overeenkomstsoort.SAO),
    )
    [warning] = findings(sao, "oao-uren")
    assert warning.severity is Severity.WARNING


def test_oao_hours_add_up_to_the_contract(traject: Traject) -> None:
    short = attrs.evolve(traject, weekpatroon=_pattern(22, 10))
    [finding] = findings(short, "oao-voltijds")
    assert "32" in finding.message
    assert "38" in finding.message


# --- roles -------------------------------------------------------------------------------


def test_roles_named_and_reachable(traject: Traject) -> None:
    no_mentor = attrs.evolve(traject, mentor=None)
    [finding] = findings(no_mentor, "rollen")
    assert finding.path == "$.mentor"
    assert finding.severity is Severity.ERROR
    unreachable = attrs.evolve(
        traject,
        school=attrs.evolve(traject.school, trajectbegeleider=Persoon("X", contact=Contact())),
    )
    [warning] = findings(unreachable, "rollen")
    assert warning.severity is Severity.WARNING
    assert warning.path == "$.school.trajectbegeleider.contact"


def test_individual_plan_document_on_its_own(traject: Traject) -> None:
    plan: IndividueelOpleidingsplan = traject.opleidingsplan
    report = duaal_leren.validate(plan, today=TODAY)
    assert report.passed


# --- conversation records ------------------------------------------------------------------


def _with_record(traject: Traject) -> Traject:
    verslag = duaal_leren.load(EXAMPLES / "gespreksverslag-opstart-lotte.yaml")
    return attrs.evolve(traject, gespreksverslagen=(verslag,))


def test_a_record_inside_a_traject_is_checked(traject: Traject) -> None:
    with_record = _with_record(traject)
    assert duaal_leren.validate(with_record, today=TODAY, select=["verslag"]).findings == ()
    verslag = with_record.gespreksverslagen[0]
    wrong = attrs.evolve(verslag.antwoorden[0], item="bestaat-niet")
    broken = attrs.evolve(
        with_record,
        gespreksverslagen=(
            attrs.evolve(verslag, antwoorden=(wrong, *verslag.antwoorden[1:]), traject="ANDER"),
        ),
    )
    report = duaal_leren.validate(broken, today=TODAY, select=["verslag"])
    by_code = {f.code: f for f in report.findings}
    assert set(by_code) == {"verslag-item", "verslag-traject"}
    assert by_code["verslag-item"].path == "$.gespreksverslagen[0].antwoorden[0].item"
    assert by_code["verslag-traject"].path == "$.gespreksverslagen[0].traject"


def test_a_record_of_an_unknown_leidraad(traject: Traject) -> None:
    verslag = _with_record(traject).gespreksverslagen[0]
    unknown = attrs.evolve(verslag, leidraad=attrs.evolve(verslag.leidraad, id="geen-leidraad"))
    [finding] = findings(unknown, "verslag-leidraad")
    assert finding.severity is Severity.ERROR
    assert finding.path == "$.leidraad.id"


# --- R-HOLIDAY ---------------------------------------------------------------------------


def _exception(**changes: object) -> duaal_leren.Vakantieuitzondering:
    base = duaal_leren.Vakantieuitzondering(
        dagen=(D(2025, 12, 23),),  # a Tuesday in the kerstvakantie
        recuperatie=(D(2026, 1, 13),),  # a Tuesday: a planned workplace day
        akkoord=(Partij.SCHOOL, Partij.ONDERNEMING, Partij.LERENDE),
        bijlage="Bijlage 2 bij de OAO",
        leerkans="Oplevering van een grote installatie",
    )
    return attrs.evolve(base, **changes)


def test_a_complete_holiday_exception_passes(traject: Traject) -> None:
    ok = attrs.evolve(traject, vakantie_uitzonderingen=(_exception(),))
    assert duaal_leren.validate(ok, today=TODAY, select=["vakantie"]).findings == ()


def test_a_holiday_exception_needs_agreement_annex_and_opportunity(traject: Traject) -> None:
    bare = _exception(akkoord=(Partij.SCHOOL,), bijlage=None, leerkans=None)
    broken = attrs.evolve(traject, vakantie_uitzonderingen=(bare,))
    paths = sorted(f.path for f in findings(broken, "vakantie-uitzondering"))
    assert paths == [
        "$.vakantie_uitzonderingen[0].akkoord",
        "$.vakantie_uitzonderingen[0].bijlage",
        "$.vakantie_uitzonderingen[0].leerkans",
    ]
    [akkoord] = [f for f in findings(broken, "vakantie-uitzondering") if "akkoord" in f.path]
    assert "onderneming" in akkoord.message
    assert "lerende" in akkoord.message


def test_holiday_days_must_be_recovered_on_workplace_days(traject: Traject) -> None:
    short = attrs.evolve(traject, vakantie_uitzonderingen=(_exception(recuperatie=()),))
    [finding] = findings(short, "vakantie-recuperatie")
    assert "1" in finding.message
    # A Wednesday is a school day for this learner: it does not count as recovery.
    wrong = attrs.evolve(
        traject, vakantie_uitzonderingen=(_exception(recuperatie=(D(2026, 1, 14),)),)
    )
    messages = [f.message_en for f in findings(wrong, "vakantie-recuperatie")]
    assert any("2026-01-14" in m for m in messages)
    assert any("not recovered" in m for m in messages)


def test_four_weeks_off_in_summer(traject: Traject) -> None:
    summer = tuple(
        day
        for day in (D(2026, 7, 1).add(days=n) for n in range(62))
        if day.isoweekday() in (1, 2, 4)
    )
    busy = attrs.evolve(
        traject,
        overeenkomst=attrs.evolve(traject.overeenkomst, einde=D(2026, 8, 31)),
        vakantie_uitzonderingen=(_exception(dagen=summer, recuperatie=()),),
    )
    [finding] = findings(busy, "vakantie-zomerrust")
    assert "28" in finding.message
    # Working only in July leaves August free.
    july = tuple(d for d in summer if d.month == 7)
    fine = attrs.evolve(busy, vakantie_uitzonderingen=(_exception(dagen=july, recuperatie=()),))
    assert findings(fine, "vakantie-zomerrust") == []


def test_oao_average_is_counted_per_school_year(traject: Traject) -> None:
    two_years = attrs.evolve(
        traject,
        weekpatroon=_pattern(19, 19),
        overeenkomst=attrs.evolve(traject.overeenkomst, einde=D(2027, 6, 30), uren_per_week=38),
    )
    messages = [f.message_en for f in findings(two_years, "oao-uren")]
    assert len(messages) == 2
    assert "2025-2026" in messages[0]
    assert "2026-2027" in messages[1]


def test_late_start_uses_the_last_school_day_of_october(traject: Traject) -> None:
    # In 2025 the herfstvakantie runs from 27 October: the last school day of October is
    # Friday 24 October, so a contract starting on Monday 27 October is late.
    in_holiday = attrs.evolve(
        traject, overeenkomst=attrs.evolve(traject.overeenkomst, start=D(2025, 10, 27))
    )
    [finding] = findings(in_holiday, "lerende-start-laat")
    assert "2025-10-24" in finding.message
    on_time = attrs.evolve(
        traject, overeenkomst=attrs.evolve(traject.overeenkomst, start=D(2025, 10, 24))
    )
    assert findings(on_time, "lerende-start-laat") == []


# --- corrections after review of the sources ------------------------------------------------


def test_missing_trajectbegeleider_is_a_warning_missing_mentor_an_error(traject: Traject) -> None:
    no_begeleider = attrs.evolve(
        traject, school=attrs.evolve(traject.school, trajectbegeleider=None)
    )
    [finding] = findings(no_begeleider, "rollen")
    assert finding.severity is Severity.WARNING
    [mentor] = findings(attrs.evolve(traject, mentor=None), "rollen")
    assert mentor.severity is Severity.ERROR


def test_contract_starting_in_summer_belongs_to_the_coming_school_year(traject: Traject) -> None:
    summer = attrs.evolve(
        traject, overeenkomst=attrs.evolve(traject.overeenkomst, start=D(2025, 8, 18))
    )
    assert findings(summer, "lerende-start-laat") == []
    assert findings(summer, "oao-uren") == []


def test_mentor_training_counts_from_the_later_of_recognition_and_appointment(
    traject: Traject,
) -> None:
    # Recognised 2024-09-01, mentor appointed 2025-08-25: due by 2026-08-25.
    assert findings(with_mentor(traject, mentoropleiding=D(2026, 8, 25)), "mentor-opleiding") == []
    # Recognised after the appointment: the year runs from the recognition.
    late_recognition = Erkenning(
        "Elektrotechnisch installateur duaal", D(2029, 8, 31), D(2025, 9, 1)
    )
    recognised = attrs.evolve(
        traject, werkplek=attrs.evolve(traject.werkplek, erkenningen=(late_recognition,))
    )
    on_time = with_mentor(recognised, mentoropleiding=D(2026, 8, 31))
    assert findings(on_time, "mentor-opleiding") == []
    [late] = findings(with_mentor(recognised, mentoropleiding=D(2026, 9, 2)), "mentor-opleiding")
    assert "erkenning" in late.message


def test_recognition_longer_than_five_years_is_a_warning(traject: Traject) -> None:
    long = Erkenning("Elektrotechnisch installateur duaal", D(2031, 1, 1), D(2024, 9, 1))
    odd = attrs.evolve(traject, werkplek=attrs.evolve(traject.werkplek, erkenningen=(long,)))
    [finding] = findings(odd, "erkenning")
    assert finding.severity is Severity.WARNING
    assert "vijf jaar" in finding.message


def test_learner_age_message_does_not_give_the_age(traject: Traject) -> None:
    [young] = findings(_born(traject, D(2011, 1, 1)), "lerende-leeftijd")
    assert "jonger dan 15" in young.message
    assert "14" not in young.message
    [old] = findings(_born(traject, D(1990, 1, 1)), "lerende-leeftijd")
    assert "older than 25" in old.message_en
    assert "35" not in old.message_en


def test_holiday_recovery_is_counted_per_school_year(traject: Traject) -> None:
    two_years = attrs.evolve(
        traject, overeenkomst=attrs.evolve(traject.overeenkomst, einde=D(2027, 6, 30))
    )
    first = _exception()
    second = _exception(dagen=(D(2026, 12, 22),), recuperatie=(D(2027, 1, 12),))
    both = attrs.evolve(two_years, vakantie_uitzonderingen=(first, second))
    assert findings(both, "vakantie-recuperatie") == []
    # Year 1's recovery moved into year 2 does not recover year 1, nor count for year 2.
    moved = attrs.evolve(
        two_years,
        vakantie_uitzonderingen=(
            _exception(recuperatie=(D(2027, 1, 14),)),
            _exception(dagen=(D(2026, 12, 22),), recuperatie=()),
        ),
    )
    messages = [f.message_en for f in findings(moved, "vakantie-recuperatie")]
    assert any("2025-2026" in m and "2027-01-14" in m for m in messages)
    assert any("2026-2027" in m and "not recovered" in m for m in messages)


def test_unrecovered_days_are_a_warning_when_the_contract_ends_early(traject: Traject) -> None:
    # The contract ends in the kerstvakantie: no workplace day is left to recover on.
    early = attrs.evolve(
        traject,
        overeenkomst=attrs.evolve(traject.overeenkomst, einde=D(2026, 1, 4)),
        vakantie_uitzonderingen=(_exception(recuperatie=()),),
    )
    [finding] = findings(early, "vakantie-recuperatie")
    assert finding.severity is Severity.WARNING


def test_a_contract_that_ends_before_it_starts(traject: Traject) -> None:
    backwards = attrs.evolve(
        traject, overeenkomst=attrs.evolve(traject.overeenkomst, einde=D(2025, 1, 1))
    )
    [finding] = findings(backwards, "overeenkomst-periode")
    assert finding.path == "$.overeenkomst.einde"
    assert finding.severity is Severity.ERROR


def test_a_school_calendar_with_a_day_outside_its_school_year() -> None:
    eigen = duaal_leren.load(EXAMPLES / "schoolkalender-de-vonk-2025-2026.yaml")
    assert duaal_leren.validate(eigen).findings == ()
    stray = attrs.evolve(eigen.vrije_dagen[0], datum=D(2027, 3, 1))
    broken = attrs.evolve(eigen, vrije_dagen=(stray, *eigen.vrije_dagen[1:]))
    [finding] = findings(broken, "schoolkalender")
    assert finding.path.startswith("$.vrije_dagen[0]")


# --- the calendar's range and the edges of dates -------------------------------------------

MIN, MAX = D(1, 1, 1), D(9999, 12, 31)


def with_contract(traject: Traject, start: pendulum.Date, einde: pendulum.Date) -> Traject:
    return attrs.evolve(
        traject, overeenkomst=attrs.evolve(traject.overeenkomst, start=start, einde=einde)
    )


def test_a_contract_before_the_calendar_is_a_finding_not_an_exception(traject: Traject) -> None:
    old = with_contract(traject, D(2005, 9, 1), D(2006, 6, 30))
    report = duaal_leren.validate(old, today=TODAY)
    calendar = [f for f in report.findings if f.code == "overeenkomst-kalender"]
    assert sorted(f.path for f in calendar) == ["$.overeenkomst.einde", "$.overeenkomst.start"]
    for finding in calendar:
        assert finding.severity is Severity.ERROR
        assert finding.source
        assert "2005-2006" in finding.message
        assert "2010-2011" in finding.message
        assert "2005-2006" in finding.message_en
        assert "2099-2100" in finding.message_en
        assert finding.message != finding.message_en
    # The rules that need no calendar still run: the termijnen now lie after the contract.
    assert not report.passed
    assert {"overeenkomst-kalender", "termijn-buiten-overeenkomst"} <= set(report.codes())
    # No rule failed on the calendar: each skips what it cannot check.
    assert not any("could not check" in f.message_en for f in report.findings)


def test_a_contract_that_runs_past_the_calendar_is_checked_where_it_can_be(
    traject: Traject,
) -> None:
    late = with_contract(traject, D(2099, 9, 1), D(2101, 6, 30))
    late = attrs.evolve(late, opleidingsplan=attrs.evolve(late.opleidingsplan, competenties=()))
    report = duaal_leren.validate(late, today=TODAY)
    [finding] = [f for f in report.findings if f.code == "overeenkomst-kalender"]
    assert finding.path == "$.overeenkomst.einde"
    assert "2100-2101" in finding.message_en
    # The school year the calendar knows is still checked: too few hours for an OAO.
    few = attrs.evolve(
        late, weekpatroon=Weekpatroon((Werkdag(Weekdag.MAANDAG, WerkdagPlaats.WERKPLEK, 8),))
    )
    messages = [f.message_en for f in findings(few, "oao-uren")]
    assert messages
    assert all("2099-2100" in m for m in messages)


def test_a_contract_within_the_calendar_has_no_calendar_finding(traject: Traject) -> None:
    for start, einde in ((D(2010, 9, 1), D(2011, 6, 30)), (D(2099, 9, 1), D(2100, 8, 31))):
        assert findings(with_contract(traject, start, einde), "overeenkomst-kalender") == []


def _edges(traject: Traject) -> dict[str, Traject]:
    """Trajecten built in code with dates at the ends of what a date can hold."""
    mentor = traject.mentor
    assert mentor is not None
    erkenning = traject.werkplek.erkenningen[0]
    plan = traject.opleidingsplan
    gesprek = traject.opvolgingsgesprekken[0]
    with_erkenning = lambda **changes: attrs.evolve(  # noqa: E731
        traject,
        werkplek=attrs.evolve(traject.werkplek, erkenningen=(attrs.evolve(erkenning, **changes),)),
    )
    return {
        "mentor appointed on the last day": with_mentor(traject, aanstelling=MAX),
        "mentor appointed on the first day": with_mentor(
            traject, aanstelling=MIN, uittreksel_strafregister=MIN, mentoropleiding=None
        ),
        "mentor born on the last day": with_mentor(traject, geboortedatum=MAX),
        "training on the last day": with_mentor(traject, mentoropleiding=MAX),
        "recognised from the last year": with_erkenning(geldig_vanaf=D(9999, 6, 1)),
        "recognised from the first day until the last": with_erkenning(
            geldig_vanaf=MIN, geldig_tot=MAX
        ),
        "recognition for the contract of the last year": with_contract(
            with_erkenning(geldig_vanaf=D(9999, 1, 1), geldig_tot=MAX), D(9999, 2, 1), MAX
        ),
        "contract over every date": with_contract(traject, MIN, MAX),
        "contract in the first year": with_contract(traject, MIN, D(1, 12, 31)),
        "contract in the last year": with_contract(traject, D(9999, 1, 1), MAX),
        "contract ending before the first day it starts": with_contract(traject, MAX, MIN),
        "learner born on the first day": attrs.evolve(
            traject,
            lerende=attrs.evolve(
                traject.lerende,
                persoonsgegevens=attrs.evolve(traject.lerende.persoonsgegevens, geboortedatum=MIN),
            ),
        ),
        "termijn and signature on the last day": with_plan(
            with_competentie(traject, "ELT-04", termijn=MAX),
            handtekeningen=tuple(attrs.evolve(h, datum=MAX) for h in plan.handtekeningen),
        ),
        "conversations on the first and last day": attrs.evolve(
            traject,
            opvolgingsgesprekken=(
                attrs.evolve(gesprek, datum=MIN),
                attrs.evolve(gesprek, datum=MAX),
            ),
        ),
        "holiday exception at both ends": attrs.evolve(
            traject,
            vakantie_uitzonderingen=(
                _exception(dagen=(MAX, D(2025, 12, 23), MIN), recuperatie=(MIN, MAX)),
            ),
        ),
    }


EDGES = tuple(_edges(duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")).items())


@pytest.mark.parametrize(("case", "edge"), EDGES, ids=[case for case, _ in EDGES])
@pytest.mark.parametrize("today", [TODAY, MIN, MAX], ids=["today", "first-day", "last-day"])
def test_rules_report_dates_at_the_edges_instead_of_raising(
    case: str, edge: Traject, today: pendulum.Date
) -> None:
    report = duaal_leren.validate(edge, today=today)
    assert report.findings
    assert not any("could not check" in f.message_en for f in report.findings), case


def test_rules_at_the_edges_still_say_what_is_wrong(traject: Traject) -> None:
    edges = _edges(traject)
    codes = {case: set(duaal_leren.validate(t, today=TODAY).codes()) for case, t in edges.items()}
    assert "mentor-leeftijd" in codes["mentor born on the last day"]
    assert "mentor-opleiding" in codes["training on the last day"]
    assert "erkenning" in codes["recognised from the first day until the last"]
    assert "overeenkomst-periode" in codes["contract ending before the first day it starts"]
    assert "lerende-leeftijd" in codes["learner born on the first day"]
    assert "sign-na-start" in codes["termijn and signature on the last day"]
    assert "opvolging-buiten-overeenkomst" in codes["conversations on the first and last day"]
    assert "overeenkomst-kalender" in codes["contract over every date"]
    assert "vakantie-recuperatie" in codes["holiday exception at both ends"]


# --- the rules of leerplicht, deviations and holidays on legal holidays --------------------


def test_unrecorded_deviations_from_the_standard_plan(
    traject: Traject, standaard: StandaardOpleidingsplan
) -> None:
    # ELT-04 moved from werkplek to school without a 'verplaatst' entry, and a new
    # competence appended without a 'toegevoegd' entry.
    moved = with_competentie(traject, "ELT-04", leerplaats=Leerplaats.SCHOOL)
    extra = Competentie("ELT-X2", "Installeert een warmtepomp", Leerplaats.WERKPLEK)
    broken = with_plan(moved, competenties=(*moved.opleidingsplan.competenties, extra))
    found = findings(broken, "iop-afwijking", standaard)
    assert {f.path for f in found} == {
        "$.opleidingsplan.competenties[3].leerplaats",
        f"$.opleidingsplan.competenties[{len(traject.opleidingsplan.competenties)}].code",
    }
    assert all(f.severity is Severity.WARNING for f in found)
    assert any("ELT-04" in f.message and "werkplek" in f.message for f in found)
    assert any("ELT-X2" in f.message_en for f in found)
    # Recorded with their reasons, they are no longer findings.
    plan = broken.opleidingsplan
    recorded = with_plan(
        broken,
        verplaatst=(
            *plan.verplaatst,
            Verplaatsing("ELT-04", Leerplaats.WERKPLEK, Leerplaats.SCHOOL, "r"),
        ),
        toegevoegd=(*plan.toegevoegd, Toevoeging("ELT-X2", "r")),
    )
    assert findings(recorded, "iop-afwijking", standaard) == []
    # Without the standard plan, nothing can be compared.
    assert findings(broken, "iop-afwijking") == []


def test_changed_split_description_and_prerequisites_are_deviations(
    traject: Traject, standaard: StandaardOpleidingsplan
) -> None:
    broken = with_competentie(traject, "ELT-03", inoefening=Leerplaats.SCHOOL)
    broken = with_competentie(broken, "ELT-06", omschrijving="Leest een schema")
    broken = with_competentie(broken, "ELT-07", vereisten=())
    paths = sorted(f.path for f in findings(broken, "iop-afwijking", standaard))
    assert paths == [
        "$.opleidingsplan.competenties[2].inoefening",
        "$.opleidingsplan.competenties[5].omschrijving",
        "$.opleidingsplan.competenties[6].vereisten",
    ]
    # A move of the competence records a change of who introduces or practises it.
    move = Verplaatsing("ELT-03", Leerplaats.BEIDE, Leerplaats.BEIDE, "labo op school")
    plan = broken.opleidingsplan
    recorded = with_plan(broken, verplaatst=(*plan.verplaatst, move))
    assert "$.opleidingsplan.competenties[2].inoefening" not in {
        f.path for f in findings(recorded, "iop-afwijking", standaard)
    }


def test_prerequisites_of_left_out_competences_may_go(
    traject: Traject, standaard: StandaardOpleidingsplan
) -> None:
    # ELT-18 is left out with a reason in the example; a prerequisite on a left-out or
    # added competence follows from a recorded deviation.
    plan = traject.opleidingsplan
    assert findings(traject, "iop-afwijking", standaard) == []
    extra_prerequisite = with_competentie(
        traject, "ELT-23", vereisten=("ELT-19", "ELT-22", "ELT-X1")
    )
    assert findings(extra_prerequisite, "iop-afwijking", standaard) == []
    assert plan.weggelaten


def _recovery_short(traject: Traject, einde: pendulum.Date) -> Traject:
    return attrs.evolve(
        traject,
        overeenkomst=attrs.evolve(traject.overeenkomst, einde=einde),
        vakantie_uitzonderingen=(_exception(recuperatie=()),),
    )


def test_unrecovered_days_are_an_error_when_the_contract_ends_on_30_june(traject: Traject) -> None:
    # The normal end of the contract leaves plenty of workplace days to recover on.
    [finding] = findings(_recovery_short(traject, D(2026, 6, 30)), "vakantie-recuperatie")
    assert finding.severity is Severity.ERROR
    # Ending in the kerstvakantie, right after the day worked, nothing is left to recover on.
    [early] = findings(_recovery_short(traject, D(2026, 1, 4)), "vakantie-recuperatie")
    assert early.severity is Severity.WARNING
    # Ending a week after the vacation, the days could have been recovered.
    [week] = findings(_recovery_short(traject, D(2026, 1, 9)), "vakantie-recuperatie")
    assert week.severity is Severity.ERROR


def _deeltijds(traject: Traject) -> Traject:
    return attrs.evolve(
        traject,
        overeenkomst=attrs.evolve(
            traject.overeenkomst,
            soort=Overeenkomstsoort.DEELTIJDSE_ARBEIDSOVEREENKOMST,
            einde=D(2026, 8, 31),
        ),
    )


def test_the_holiday_rule_does_not_apply_to_a_deeltijdse_arbeidsovereenkomst(
    traject: Traject,
) -> None:
    summer = tuple(
        day
        for day in (D(2026, 7, 1).add(days=n) for n in range(62))
        if day.isoweekday() in (1, 2, 4)
    )
    bare = duaal_leren.Vakantieuitzondering(dagen=summer)
    worker = attrs.evolve(_deeltijds(traject), vakantie_uitzonderingen=(bare,))
    assert duaal_leren.validate(worker, today=TODAY, select=["vakantie"]).findings == ()
    # The same exception in an OAO breaks every part of the rule.
    oao = attrs.evolve(
        worker, overeenkomst=attrs.evolve(worker.overeenkomst, soort=Overeenkomstsoort.OAO)
    )
    assert duaal_leren.validate(oao, today=TODAY, select=["vakantie"]).findings


def test_mentor_training_is_not_postponed_by_a_later_recognition(traject: Traject) -> None:
    renewal = Erkenning("Elektrotechnisch installateur duaal", D(2034, 8, 31), D(2029, 9, 1))
    renewed = attrs.evolve(
        traject,
        werkplek=attrs.evolve(
            traject.werkplek, erkenningen=(*traject.werkplek.erkenningen, renewal)
        ),
    )
    pending = with_mentor(renewed, mentoropleiding=None)
    [overdue] = findings(pending, "mentor-opleiding", today=D(2026, 9, 1))
    assert overdue.severity is Severity.ERROR
    assert "2026-08-25" in overdue.message
    late = with_mentor(renewed, mentoropleiding=D(2027, 1, 1))
    assert len(findings(late, "mentor-opleiding")) == 1


def test_mentor_training_counts_from_the_first_recognition_after_the_appointment(
    traject: Traject,
) -> None:
    # No recognition in force at the appointment: the first one after it starts the year,
    # not the renewal after that.
    first = Erkenning("Elektrotechnisch installateur duaal", D(2030, 8, 31), D(2025, 10, 1))
    later = Erkenning("Elektrotechnisch installateur duaal", D(2035, 8, 31), D(2030, 9, 1))
    recognised = attrs.evolve(
        traject, werkplek=attrs.evolve(traject.werkplek, erkenningen=(later, first))
    )
    [finding] = findings(
        with_mentor(recognised, mentoropleiding=None), "mentor-opleiding", today=D(2026, 10, 2)
    )
    assert finding.severity is Severity.ERROR
    assert "2026-10-01" in finding.message


def test_an_extract_dated_after_the_appointment_is_a_warning(traject: Traject) -> None:
    after = with_mentor(traject, uittreksel_strafregister=D(2025, 9, 15))
    [finding] = findings(after, "mentor-uittreksel")
    assert finding.severity is Severity.WARNING
    assert "2025-09-15" in finding.message
    assert "after the appointment" in finding.message_en
    on_the_day = with_mentor(traject, uittreksel_strafregister=D(2025, 8, 25))
    assert findings(on_the_day, "mentor-uittreksel") == []


def test_a_missing_mentor_birth_date_is_a_warning(traject: Traject) -> None:
    [finding] = findings(with_mentor(traject, geboortedatum=None), "mentor-leeftijd")
    assert finding.severity is Severity.WARNING
    assert finding.path == "$.mentor.geboortedatum"


def test_exception_days_on_a_legal_holiday_are_reported(traject: Traject) -> None:
    # 25 December 2025 (Kerstmis) lies in the kerstvakantie: nobody can be scheduled on it.
    holiday = _exception(dagen=(D(2025, 12, 23), D(2025, 12, 25)))
    scheduled = attrs.evolve(traject, vakantie_uitzonderingen=(holiday,))
    [finding] = findings(scheduled, "vakantie-feestdag")
    assert finding.severity is Severity.ERROR
    assert finding.path == "$.vakantie_uitzonderingen[0].dagen[1]"
    assert "2025-12-25" in finding.message
    assert (
        findings(
            attrs.evolve(traject, vakantie_uitzonderingen=(_exception(),)), "vakantie-feestdag"
        )
        == []
    )


def _leerplicht(traject: Traject, value: bool | None) -> Traject:
    return attrs.evolve(traject, lerende=attrs.evolve(traject.lerende, leerplicht_voltooid=value))


def test_learner_has_finished_full_time_compulsory_schooling(traject: Traject) -> None:
    assert findings(_leerplicht(traject, True), "lerende-leerplicht") == []
    [unknown] = findings(_leerplicht(traject, None), "lerende-leerplicht")
    assert unknown.severity is Severity.WARNING
    assert unknown.path == "$.lerende.leerplicht_voltooid"
    [not_done] = findings(_leerplicht(traject, False), "lerende-leerplicht")
    assert not_done.severity is Severity.ERROR


# --- the real schedule, attendance (R-OAO, R-HOLIDAY, the agreement on absences) ---------

NOOR = duaal_leren.load_traject(EXAMPLES / "traject-noor.yaml")
# The example month with its absences reported late or not at all (same hours).
OKTOBER = duaal_leren.load(EXAMPLES.parent / "tests" / "data" / "aanwezigheden-noor-laat.yaml")
EIND_OKTOBER = D(2025, 10, 26)


def attendance_findings(
    record: object, traject: Traject, code: str, today: pendulum.Date = EIND_OKTOBER
) -> list[tuple[str, str, Severity | None]]:
    """The hits of a rule on an attendance record checked with its traject.

    The rules see the record as the document and its traject beside it, as the engine
    gives them once it pairs the two (see validation/_uren_rules.py).
    """
    from duaal_leren.validation import Context

    ctx = Context(record, today, traject=traject)
    return [(h.path, h.message_en, h.severity) for h in RULES[code].check(ctx)]


def test_the_rotation_example_passes_every_rule() -> None:
    assert duaal_leren.validate(NOOR, today=TODAY).findings == ()


def test_oao_uren_counts_the_exam_block() -> None:
    # Week A alone with the exam weeks: 775.2 / 37 = 20.95 (tests/test_uren.py): passes;
    # with 7.6 fewer in week A (15.2 hours a week): 37 x 15.2 = 562.4, less three exam
    # weeks of 15.2 = 516.8 / 37 = 13.97: fails, at the rotation.
    week_a = NOOR.rotatie.weken[0]
    assert findings(NOOR, "oao-uren") == []
    short_a = Weekpatroon(week_a.dagen[1:])  # Tuesday and Wednesday: 15.2 hours
    rotation = attrs.evolve(NOOR.rotatie, weken=(short_a, short_a))
    [finding] = findings(attrs.evolve(NOOR, rotatie=rotation), "oao-uren")
    assert finding.path == "$.rotatie"
    assert "14.0" in finding.message_en


def test_oao_voltijds_checks_every_week_of_a_rotation() -> None:
    week_a, week_b = NOOR.rotatie.weken
    rotation = attrs.evolve(NOOR.rotatie, weken=(week_a, Weekpatroon(week_b.dagen[:-1])))
    [finding] = findings(attrs.evolve(NOOR, rotatie=rotation), "oao-voltijds")
    assert finding.path == "$.rotatie.weken[1]"


def test_rooster_refuses_two_schedules_and_empty_changes() -> None:
    both = attrs.evolve(NOOR, weekpatroon=NOOR.rotatie.weken[0])
    [finding] = findings(both, "rooster")
    assert (finding.path, finding.severity) == ("$.rotatie", Severity.ERROR)
    trip = NOOR.roosterwijzigingen[1]
    backwards = attrs.evolve(trip, einde=trip.start.subtract(days=1))
    wrong_day = attrs.evolve(trip, start=D(2026, 3, 13))  # a Friday; the change names Thursday
    changes = (backwards, wrong_day)
    found = findings(attrs.evolve(NOOR, roosterwijzigingen=changes), "rooster")
    assert [(f.path, f.severity) for f in found] == [
        ("$.roosterwijzigingen[0].einde", Severity.ERROR),
        ("$.roosterwijzigingen[1].dagen", Severity.WARNING),
    ]


def test_uren_werkelijk_warns_when_worked_or_projected_falls_below_20() -> None:
    assert attendance_findings(OKTOBER, NOOR, "uren-werkelijk") == []
    # Ill on every workplace day from 1 September to 26 October: worked 0 a week, and the
    # projection (0 + 896.8 - 8 x 26.6) / 37 = 684.0 / 37 = 18.49, below 20 as well.
    days = duaal_leren.werkplekdagen(NOOR, D(2025, 9, 1), D(2025, 10, 26))
    ill = duaal_leren.from_dict(
        {"traject": NOOR.id, "dagen": [{"datum": d.isoformat(), "status": "ziekte"} for d in days]},
        OKTOBER.__class__,
    )
    hits = attendance_findings(ill, NOOR, "uren-werkelijk")
    assert [m for _, m, _ in hits] == [
        "in school year 2025-2026 the average of the hours worked is 0.0 hours a week, below "
        "20 (planned: 24.2)",
        "in school year 2025-2026 the projection for the year is 18.5 hours a week, below 20 "
        "(planned: 24.2)",
    ]
    assert RULES["uren-werkelijk"].severity is Severity.WARNING
    # Another traject's record, or a traject alone: nothing to check.
    assert attendance_findings(ill, attrs.evolve(NOOR, id="TRJ-X"), "uren-werkelijk") == []
    assert findings(NOOR, "uren-werkelijk") == []


def test_aanwezigheid_dag() -> None:
    from duaal_leren.aanwezigheid import Aanwezigheid, Aanwezigheidsstatus

    assert attendance_findings(OKTOBER, NOOR, "aanwezigheid-dag") == []
    days = (
        Aanwezigheid(D(2025, 10, 28), uren=7.6),  # herfstvakantie, no exception
        Aanwezigheid(D(2025, 10, 2), uren=7.6),  # a Thursday of week A: school
        Aanwezigheid(D(2025, 12, 16), Aanwezigheidsstatus.ZIEKTE),  # ill in the exam week at school
        Aanwezigheid(D(2026, 7, 6), uren=7.6),  # after the contract
        Aanwezigheid(D(2025, 10, 6), uren=7.6),  # a workplace day of week B: fine
    )
    record = attrs.evolve(OKTOBER, dagen=days)
    hits = attendance_findings(record, NOOR, "aanwezigheid-dag")
    assert [(p, s) for p, _, s in hits] == [
        ("$.dagen[0]", None),  # the rule's own severity: an error (R-HOLIDAY)
        ("$.dagen[1]", Severity.WARNING),
        ("$.dagen[2]", Severity.WARNING),
        ("$.dagen[3]", Severity.WARNING),
    ]
    assert RULES["aanwezigheid-dag"].severity is Severity.ERROR
    assert "school holiday" in hits[0][1]
    # With a recorded exception, the vacation day is a workplace day.
    from duaal_leren.vakantie import Vakantieuitzondering

    exception = Vakantieuitzondering(
        dagen=(D(2025, 10, 28),), recuperatie=(D(2025, 11, 3),), leerkans="beurs"
    )
    excepted = attrs.evolve(NOOR, vakantie_uitzonderingen=(exception,))
    assert [p for p, _, _ in attendance_findings(record, excepted, "aanwezigheid-dag")] == [
        "$.dagen[1]",
        "$.dagen[2]",
        "$.dagen[3]",
    ]


def test_afwezigheid_melding_follows_the_agreement() -> None:
    hits = attendance_findings(OKTOBER, NOOR, "afwezigheid-melding")
    assert hits == [
        ("$.dagen[8].melding", "the absence of 2025-10-14 was not reported", None),
        (
            "$.dagen[11].melding.datum",
            "the absence of 2025-10-21 was reported 2 day(s) later; the agreement is within 0",
            None,
        ),
        (
            "$.dagen[11].melding.aan",
            "the absence of 2025-10-21 was not reported to: trajectbegeleider",
            None,
        ),
    ]
    assert RULES["afwezigheid-melding"].severity is Severity.WARNING
    # Without an agreement in the traject, no term to keep.
    afspraken = attrs.evolve(NOOR.afspraken, afwezigheidsmelding=None)
    assert (
        attendance_findings(OKTOBER, attrs.evolve(NOOR, afspraken=afspraken), "afwezigheid-melding")
        == []
    )


def test_aanwezigheid_traject_warns_when_the_record_is_checked_without_its_traject() -> None:
    import io

    from duaal_leren.cli import main

    record_file = EXAMPLES / "aanwezigheden-noor-2025-10.yaml"
    record = duaal_leren.load(record_file)
    # Alone, the record cannot be held against the schedule: a warning, not silence.
    alone = duaal_leren.validate(record, today=EIND_OKTOBER)
    [finding] = alone.findings
    assert (finding.code, finding.severity, finding.path) == (
        "aanwezigheid-traject",
        Severity.WARNING,
        "$.traject",
    )
    assert finding.message == (
        "het traject 'TRJ-2025-0063' staat niet bij de gecontroleerde bestanden: de "
        "aanwezigheden zijn niet tegen het rooster gecontroleerd"
    )
    assert alone.passed  # a warning: the record itself may be right
    assert "traject" in RULES["aanwezigheid-traject"].fix
    # With its traject, the rule is quiet and the others run.
    together = duaal_leren.validate(record, today=EIND_OKTOBER, trajecten=[NOOR])
    assert "aanwezigheid-traject" not in together.codes()
    # A typo in the traject id: the traject given is not the one named.
    typo = attrs.evolve(record, traject="TRJ-2025-0036")
    assert duaal_leren.validate(typo, today=EIND_OKTOBER, trajecten=[NOOR]).codes() == [
        "aanwezigheid-traject"
    ]
    # A record whose day breaks aanwezigheid-dag, checked alone: only this warning, and no
    # error from the rules that need the traject.
    from duaal_leren.aanwezigheid import Aanwezigheid

    holiday = attrs.evolve(record, dagen=(Aanwezigheid(D(2025, 10, 28), uren=7.6),))
    assert duaal_leren.validate(holiday, today=EIND_OKTOBER).codes() == ["aanwezigheid-traject"]
    assert (
        "aanwezigheid-dag"
        in duaal_leren.validate(holiday, today=EIND_OKTOBER, trajecten=[NOOR]).codes()
    )
    # Files: the record alone warns, with its line; with the traject's file it does not.
    [report] = duaal_leren.validate_files([record_file], today=EIND_OKTOBER)
    assert [(f.code, f.line) for f in report.findings] == [("aanwezigheid-traject", 4)]
    reports = duaal_leren.validate_files(
        [record_file, EXAMPLES / "traject-noor.yaml"], today=EIND_OKTOBER
    )
    assert "aanwezigheid-traject" not in reports[0].codes()
    # The command line, as pre-commit runs it with the one changed file.
    out = io.StringIO()
    assert main(["validate", "--today", "2025-10-26", str(record_file)], out=out) == 0
    text = out.getvalue()
    assert "warning [aanwezigheid-traject] $.traject" in text
    assert text.splitlines()[-1] == "1 bestand, 0 fouten, 1 waarschuwing"


@given(
    st.integers(min_value=0, max_value=12).flatmap(
        lambda n: st.lists(
            st.lists(st.integers(min_value=0, max_value=n - 1), max_size=3) if n else st.just([]),
            min_size=n,
            max_size=n,
        )
    )
)
def test_prerequisite_cycles_are_found_exactly_where_graphlib_finds_one(
    graph: list[list[int]],
) -> None:
    # The quick check that a plan has no cycle, and the components of a plan that has one,
    # agree with the standard library's topological sort.
    try:
        order = graphlib.TopologicalSorter({i: set(e) for i, e in enumerate(graph)})
        tuple(order.static_order())
    except graphlib.CycleError:
        has_cycle = True
    else:
        has_cycle = False
    assert bool(_cycles(graph)) == has_cycle
    for component in _cycles(graph):
        assert component
