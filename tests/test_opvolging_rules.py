"""The rules of follow-up conversations: the examples pass them, broken records fail them."""

from __future__ import annotations

from pathlib import Path

import attrs
import pendulum
import pytest

import duaal_leren
from duaal_leren import Traject
from duaal_leren.opvolging import (
    Beheersingsschaal,
    Beoordelaar,
    Feedback,
    Gesprekslocatie,
    Gespreksstatus,
    Leerfocus,
    Niveau,
    Observatie,
    Opvolgingsgesprek,
)
from duaal_leren.validation import RULES, Finding, Severity

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
D = pendulum.date
CODES = (
    "opvolging-buiten-overeenkomst",
    "opvolging-competentie-onbekend",
    "opvolging-frequentie",
    "opvolging-niveau",
    "opvolging-zelfevaluatie-vastgesteld",
    "opvolging-zonder-observaties",
)


def findings(traject: Traject, code: str, today: str = "2026-06-30") -> list[Finding]:
    report = duaal_leren.validate(traject, today=today, select=[code])
    return list(report.findings)


def with_gesprek(traject: Traject, i: int, **changes: object) -> Traject:
    gesprekken = list(traject.opvolgingsgesprekken)
    gesprekken[i] = attrs.evolve(gesprekken[i], **changes)
    return attrs.evolve(traject, opvolgingsgesprekken=tuple(gesprekken))


def add_gesprek(traject: Traject, gesprek: Opvolgingsgesprek) -> Traject:
    return attrs.evolve(traject, opvolgingsgesprekken=(*traject.opvolgingsgesprekken, gesprek))


def test_the_rules_are_registered_with_their_sources() -> None:
    registered = [r for r in RULES if r.code.startswith("opvolging-")]
    assert tuple(r.code for r in registered) == CODES
    for rule in registered:
        assert rule.doc
        assert rule.fix
        assert rule.source
        assert rule.target.value == "traject"
    assert "R-CONTACT" in RULES["opvolging-frequentie"].source
    assert "R-SCALE" in RULES["opvolging-niveau"].source


@pytest.mark.parametrize("name", ["traject-lotte.yaml", "traject-milan.yaml"])
@pytest.mark.parametrize("today", ["2025-10-01", "2026-06-30"])
def test_the_examples_pass(name: str, today: str) -> None:
    report = duaal_leren.validate(
        duaal_leren.load(EXAMPLES / name), today=today, select=["opvolging"]
    )
    assert report.findings == ()


# --- references and levels ------------------------------------------------------------------


def test_an_observation_of_a_competence_not_in_the_plan(traject: Traject) -> None:
    first = traject.opvolgingsgesprekken[0]
    broken = with_gesprek(
        traject,
        0,
        observaties=(*first.observaties, Observatie("ELT-18", 3, Beoordelaar.MENTOR)),
        leerfocus=Leerfocus(("ELT-99",)),
        feedback_attitude=(Feedback("stipt", competenties=("ELT-98",)),),
    )
    found = findings(broken, "opvolging-competentie-onbekend")
    assert [(f.path, f.severity) for f in found] == [
        ("$.opvolgingsgesprekken[0].feedback_attitude[0].competenties[0]", Severity.ERROR),
        ("$.opvolgingsgesprekken[0].leerfocus.competenties[0]", Severity.ERROR),
        (
            f"$.opvolgingsgesprekken[0].observaties[{len(first.observaties)}].competentie",
            Severity.ERROR,
        ),
    ]
    assert "ELT-18" in found[2].message
    assert "not in the learner's training plan" in found[2].message_en


def test_a_level_not_on_the_scale(traject: Traject) -> None:
    first = traject.opvolgingsgesprekken[0]
    broken = with_gesprek(
        traject, 0, observaties=(*first.observaties, Observatie("ELT-04", 5, Beoordelaar.MENTOR))
    )
    [finding] = findings(broken, "opvolging-niveau")
    assert finding.path == f"$.opvolgingsgesprekken[0].observaties[{len(first.observaties)}].niveau"
    assert finding.severity is Severity.ERROR
    assert "(1, 2, 3, 4)" in finding.message


def test_levels_follow_the_trajects_own_scale(traject: Traject) -> None:
    scale = Beheersingsschaal(tuple(Niveau(w, str(w)) for w in (0, 1, 2, 3)), drempel=2)
    found = findings(attrs.evolve(traject, beheersingsschaal=scale), "opvolging-niveau")
    # Lotte's level 4 for ELT-24 is not on this scale; the other levels are.
    assert [f.path for f in found] == ["$.opvolgingsgesprekken[2].observaties[6].niveau"]


def test_a_threshold_above_every_level(traject: Traject) -> None:
    scale = attrs.evolve(Beheersingsschaal.standaard(), drempel=5)
    [finding] = findings(attrs.evolve(traject, beheersingsschaal=scale), "opvolging-niveau")
    assert finding.path == "$.beheersingsschaal.drempel"
    assert "could ever be mastered" in finding.message_en


def test_a_self_assessment_marked_as_override(traject: Traject) -> None:
    first = traject.opvolgingsgesprekken[0]
    observaties = tuple(
        attrs.evolve(o, vastgesteld=True) if o.zelfevaluatie else o for o in first.observaties
    )
    [finding] = findings(
        with_gesprek(traject, 0, observaties=observaties), "opvolging-zelfevaluatie-vastgesteld"
    )
    assert finding.path == "$.opvolgingsgesprekken[0].observaties[2].vastgesteld"
    assert finding.severity is Severity.WARNING


def test_the_self_assessment_rule_cites_what_it_rests_on() -> None:
    # The progress sheet's first goal is about growth and level, not self-assessment: the
    # rule rests on the good practice of learner records elsewhere (DOMAIN.md section 6).
    rule = RULES["opvolging-zelfevaluatie-vastgesteld"]
    assert "overlegdoel" not in rule.source
    assert "self-assessment" in rule.source
    assert rule.severity is Severity.WARNING


# --- conversations --------------------------------------------------------------------------


def test_a_held_conversation_without_observations(traject: Traject) -> None:
    broken = with_gesprek(traject, 1, observaties=())
    [finding] = findings(broken, "opvolging-zonder-observaties")
    assert finding.path == "$.opvolgingsgesprekken[1].observaties"
    assert "2026-02-05" in finding.message
    planned = with_gesprek(broken, 1, status=Gespreksstatus.GEPLAND)
    assert findings(planned, "opvolging-zonder-observaties") == []


def test_a_conversation_outside_the_contract(traject: Traject) -> None:
    late = add_gesprek(traject, Opvolgingsgesprek(D(2026, 7, 3), Gesprekslocatie.ONLINE))
    [finding] = findings(late, "opvolging-buiten-overeenkomst")
    assert finding.path == "$.opvolgingsgesprekken[3].datum"
    assert "2025-09-01" in finding.message
    cancelled = with_gesprek(late, 3, status=Gespreksstatus.GEANNULEERD)
    assert findings(cancelled, "opvolging-buiten-overeenkomst") == []


def test_conversations_further_apart_than_agreed(traject: Traject) -> None:
    # Without the second conversation, 154 days pass between the first and the third.
    gap = attrs.evolve(
        traject,
        opvolgingsgesprekken=(traject.opvolgingsgesprekken[0], traject.opvolgingsgesprekken[2]),
    )
    [finding] = findings(gap, "opvolging-frequentie")
    assert finding.path == "$.opvolgingsgesprekken[1].datum"
    assert finding.severity is Severity.WARNING
    assert "tussen 2025-11-20 en 2026-04-23 liggen 154 dagen" in finding.message
    assert "every 12 weeks" in finding.message_en
    # A cancelled conversation does not close the gap.
    cancelled = with_gesprek(traject, 1, status=Gespreksstatus.GEANNULEERD)
    assert [f.path for f in findings(cancelled, "opvolging-frequentie")] == [
        "$.opvolgingsgesprekken[2].datum"
    ]


def test_the_gap_since_the_last_conversation_counts_up_to_today(traject: Traject) -> None:
    early = attrs.evolve(traject, opvolgingsgesprekken=traject.opvolgingsgesprekken[:1])
    assert findings(early, "opvolging-frequentie", today="2026-02-12") == []
    [finding] = findings(early, "opvolging-frequentie", today="2026-02-13")
    assert finding.path == "$.opvolgingsgesprekken"
    assert "sinds 2025-11-20" in finding.message
    # A conversation planned ahead closes the gap; one planned in the past does not.
    planned = add_gesprek(early, Opvolgingsgesprek(D(2026, 2, 10), Gesprekslocatie.SCHOOL))
    assert findings(planned, "opvolging-frequentie", today="2026-02-09") == []
    assert len(findings(planned, "opvolging-frequentie", today="2026-02-13")) == 1


def test_the_first_conversation_counts_from_the_contract_start(traject: Traject) -> None:
    none = attrs.evolve(traject, opvolgingsgesprekken=())
    assert findings(none, "opvolging-frequentie", today="2025-11-24") == []
    [finding] = findings(none, "opvolging-frequentie", today="2025-11-25")
    assert "sinds 2025-09-01" in finding.message


def test_no_cadence_agreed_no_check(traject: Traject) -> None:
    free = attrs.evolve(
        traject,
        afspraken=attrs.evolve(traject.afspraken, opvolging_weken=None),
        opvolgingsgesprekken=(),
    )
    assert findings(free, "opvolging-frequentie") == []


def test_a_cadence_must_be_at_least_a_week() -> None:
    text = (EXAMPLES / "traject-lotte.yaml").read_text(encoding="utf-8")
    with pytest.raises(duaal_leren.DocumentError) as info:
        duaal_leren.loads(text.replace("opvolging_weken: 12", "opvolging_weken: 0"))
    [problem] = info.value.problems
    assert problem.path == "$.afspraken.opvolging_weken"


def test_the_rule_reference_lists_the_rules() -> None:
    page = (EXAMPLES.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    for code in CODES:
        assert f"## {code}" in page
