"""The standard plan of a course and a learner's individual plan derived from it."""

from __future__ import annotations

from collections import Counter

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duaal_leren import (
    Competentie,
    FieldError,
    Handtekening,
    IndividueelOpleidingsplan,
    Leerplaats,
    Opleidingsplan,
    Partij,
    PlanReferentie,
    Planstatus,
    StandaardOpleidingsplan,
    Toevoeging,
    Traject,
    Verplaatsing,
    Weglating,
    strategies,
)

# Drawing plans is slow; the round-trip tests draw the full number.
HALF = settings(max_examples=max(10, settings().max_examples // 2))
FEWER = settings(max_examples=max(10, settings().max_examples // 4))


def test_both_plans_are_opleidingsplannen(
    standaardplan: StandaardOpleidingsplan, traject: Traject
) -> None:
    assert isinstance(standaardplan, Opleidingsplan)
    assert isinstance(traject.opleidingsplan, Opleidingsplan)


def test_competentie_by_code(standaardplan: StandaardOpleidingsplan) -> None:
    competentie = standaardplan.competentie("ELT-13")
    assert competentie.code == "ELT-13"
    assert competentie.vereisten == ("ELT-03", "ELT-06")
    with pytest.raises(KeyError, match="ELT-99"):
        standaardplan.competentie("ELT-99")


def test_codes_in_plan_order(standaardplan: StandaardOpleidingsplan) -> None:
    assert standaardplan.codes == tuple(f"ELT-{n:02d}" for n in range(1, 29))


def test_per_leerplaats_groups_in_plan_order(standaardplan: StandaardOpleidingsplan) -> None:
    groups = standaardplan.per_leerplaats()
    assert sum(len(g) for g in groups.values()) == len(standaardplan.competenties)
    assert Leerplaats.NIET_GEDEKT not in groups  # no empty groups
    assert [c.code for c in groups[Leerplaats.EXTERN]] == ["ELT-05"]
    for plaats, group in groups.items():
        assert all(c.leerplaats is plaats for c in group)
        positions = [standaardplan.codes.index(c.code) for c in group]
        assert positions == sorted(positions)


def test_referentie(standaardplan: StandaardOpleidingsplan, traject: Traject) -> None:
    assert standaardplan.referentie == PlanReferentie(
        "elektrotechnisch-installateur-duaal", "2025.1"
    )
    assert traject.opleidingsplan.standaardplan == standaardplan.referentie


def test_lotte_s_plan_is_derived_from_the_standard_plan(
    standaardplan: StandaardOpleidingsplan, traject: Traject
) -> None:
    plan = traject.opleidingsplan
    laadpaal = attrs.evolve(plan.competentie("ELT-X1"), termijn=None)
    derived = IndividueelOpleidingsplan.from_standaardplan(
        standaardplan,
        startcompetenties=["ELT-01", "ELT-10"],
        verplaatst=plan.verplaatst,
        toegevoegd=[(laadpaal, plan.toegevoegd[0].reden)],
        weggelaten=plan.weggelaten,
        termijnen={
            "ELT-03": pendulum.Date(2025, 12, 19),
            "ELT-06": pendulum.Date(2025, 11, 28),
            "ELT-13": pendulum.Date(2026, 2, 13),
            "ELT-14": pendulum.Date(2026, 5, 29),
            "ELT-X1": pendulum.Date(2026, 6, 19),
        },
    )
    assert derived == attrs.evolve(plan, status=Planstatus.ONTWERP, handtekeningen=())


def test_from_standaardplan_applies_every_deviation(
    standaardplan: StandaardOpleidingsplan,
) -> None:
    extra = Competentie("EXTRA-1", "Installeert een laadpaal", Leerplaats.WERKPLEK)
    move = Verplaatsing("ELT-17", Leerplaats.WERKPLEK, Leerplaats.SCHOOL, "geen domotica")
    plan = IndividueelOpleidingsplan.from_standaardplan(
        standaardplan,
        startcompetenties=["ELT-01"],
        verplaatst=[move],
        toegevoegd=[(extra, "veel laadpalen")],
        weggelaten=[Weglating("ELT-18", "al behaald")],
        termijnen={"ELT-02": pendulum.Date(2025, 12, 1), "EXTRA-1": pendulum.Date(2026, 5, 1)},
    )
    assert plan.standaardplan == standaardplan.referentie
    assert plan.opleiding == standaardplan.opleiding
    assert plan.status is Planstatus.ONTWERP
    assert plan.handtekeningen == ()
    # Omissions are dropped, additions appended.
    assert "ELT-18" not in plan.codes
    assert plan.codes[-1] == "EXTRA-1"
    assert plan.codes[:-1] == tuple(c for c in standaardplan.codes if c != "ELT-18")
    # Moves and termijnen are applied; everything else is the standard plan's.
    assert plan.competentie("ELT-17").leerplaats is Leerplaats.SCHOOL
    assert plan.competentie("ELT-02").termijn == pendulum.Date(2025, 12, 1)
    assert plan.competentie("EXTRA-1").termijn == pendulum.Date(2026, 5, 1)
    assert plan.competentie("ELT-03") == standaardplan.competentie("ELT-03")
    # The deviations are recorded with their reasons.
    assert plan.startcompetenties == ("ELT-01",)
    assert plan.verplaatst == (move,)
    assert plan.toegevoegd == (Toevoeging("EXTRA-1", "veel laadpalen"),)
    assert plan.weggelaten == (Weglating("ELT-18", "al behaald"),)


@pytest.mark.parametrize(
    "deviation",
    [
        {"verplaatst": [Verplaatsing("ELT-99", Leerplaats.SCHOOL, Leerplaats.WERKPLEK)]},
        {"weggelaten": [Weglating("ELT-99")]},
        {"termijnen": {"ELT-99": pendulum.Date(2026, 1, 1)}},
    ],
)
def test_from_standaardplan_refuses_unknown_codes(
    standaardplan: StandaardOpleidingsplan, deviation: dict[str, object]
) -> None:
    with pytest.raises(KeyError, match="ELT-99"):
        IndividueelOpleidingsplan.from_standaardplan(standaardplan, **deviation)  # type: ignore[arg-type]


@HALF
@given(standaard=strategies.standaardplannen(), data=st.data())
def test_from_standaardplan_properties(
    standaard: StandaardOpleidingsplan, data: st.DataObject
) -> None:
    codes = list(standaard.codes)
    dropped = data.draw(st.lists(st.sampled_from(codes), unique=True, max_size=len(codes) - 1))
    kept = [c for c in codes if c not in dropped]
    moved = {
        code: data.draw(st.sampled_from(Leerplaats))
        for code in data.draw(st.lists(st.sampled_from(kept), unique=True))
    }
    extra = data.draw(
        st.lists(
            strategies.competenties(code=strategies.codes().filter(lambda c: c not in codes)),
            max_size=3,
            unique_by=lambda c: c.code,
        )
    )
    all_codes = kept + [c.code for c in extra]
    deadlines = data.draw(
        st.dictionaries(st.sampled_from(all_codes), strategies.datums(), max_size=3)
    )
    plan = IndividueelOpleidingsplan.from_standaardplan(
        standaard,
        verplaatst=[
            Verplaatsing(code, standaard.competentie(code).leerplaats, naar)
            for code, naar in moved.items()
        ],
        toegevoegd=[(c, None) for c in extra],
        weggelaten=[Weglating(code) for code in dropped],
        termijnen=deadlines,
    )
    assert list(plan.codes) == all_codes
    originals = {c.code: c for c in (*standaard.competenties, *extra)}
    for competentie in plan.competenties:
        original = originals[competentie.code]
        assert competentie.leerplaats is moved.get(competentie.code, original.leerplaats)
        assert competentie.termijn == deadlines.get(competentie.code, original.termijn)
        assert (
            attrs.evolve(competentie, leerplaats=original.leerplaats, termijn=original.termijn)
            == original
        )


@FEWER
@given(plan=strategies.individuele_plannen())
def test_drawn_plans(plan: IndividueelOpleidingsplan) -> None:
    effectief = plan.effectieve_competenties()
    assert [c.code for c in effectief] == [
        c for c in plan.codes if c not in set(plan.startcompetenties)
    ]
    # Only a plan signed by all three is in force; codes are unique, prerequisites earlier.
    if plan.status is not Planstatus.ONTWERP:
        assert plan.ondertekend
    assert len(set(plan.codes)) == len(plan.codes)
    earlier: set[str] = set()
    for competentie in plan.competenties:
        assert set(competentie.vereisten) <= earlier
        earlier.add(competentie.code)
        # No termijn comes before the termijn of a prerequisite.
        for code in competentie.vereisten:
            vereiste = plan.competentie(code).termijn
            if competentie.termijn is not None and vereiste is not None:
                assert vereiste <= competentie.termijn


def test_effectieve_competenties_of_lotte(traject: Traject) -> None:
    plan = traject.opleidingsplan
    effectief = [c.code for c in plan.effectieve_competenties()]
    assert "ELT-01" not in effectief
    assert "ELT-10" not in effectief
    assert len(effectief) == len(plan.competenties) - 2


def test_handtekening_is_the_earliest_of_a_party(traject: Traject) -> None:
    plan = attrs.evolve(
        traject.opleidingsplan,
        handtekeningen=(
            Handtekening(Partij.LERENDE, pendulum.Date(2025, 9, 3), "ouder"),
            Handtekening(Partij.SCHOOL, pendulum.Date(2025, 8, 28)),
            Handtekening(Partij.LERENDE, pendulum.Date(2025, 8, 30), "lerende"),
        ),
    )
    lerende = plan.handtekening(Partij.LERENDE)
    assert lerende is not None
    assert lerende.datum == pendulum.Date(2025, 8, 30)
    assert plan.handtekening(Partij.ONDERNEMING) is None
    assert not plan.ondertekend


def test_ondertekend_needs_all_three_parties(traject: Traject) -> None:
    assert traject.opleidingsplan.ondertekend
    assert {h.partij for h in traject.opleidingsplan.handtekeningen} == set(Partij)
    unsigned = attrs.evolve(traject.opleidingsplan, handtekeningen=())
    assert not unsigned.ondertekend
    assert all(unsigned.handtekening(p) is None for p in Partij)


def test_signer_name_is_not_in_repr() -> None:
    handtekening = Handtekening(Partij.LERENDE, pendulum.Date(2025, 8, 28), "Lotte Peeters")
    assert "Lotte" not in repr(handtekening)


def test_counts_per_leerplaats_of_lotte(traject: Traject) -> None:
    plan = traject.opleidingsplan
    counts = Counter(c.leerplaats for c in plan.competenties)
    assert {p: len(g) for p, g in plan.per_leerplaats().items()} == dict(counts)


@pytest.mark.parametrize(
    "build",
    [
        lambda: PlanReferentie("", "1"),
        lambda: PlanReferentie("p", " "),
        lambda: StandaardOpleidingsplan("p", "o", "1", (), beroepskwalificaties=("BK-1",)),
        lambda: StandaardOpleidingsplan(" ", "o", "1", ()),
        lambda: Verplaatsing("", Leerplaats.SCHOOL, Leerplaats.WERKPLEK),
        lambda: Toevoeging("A", reden=""),
        lambda: Weglating("\n"),
        lambda: Handtekening(Partij.SCHOOL, pendulum.Date(2025, 1, 1), naam=""),
        lambda: IndividueelOpleidingsplan(
            PlanReferentie("p", "1"), "o", (), startcompetenties=("",)
        ),
    ],
)
def test_field_validators_refuse_bad_values(build: object) -> None:
    with pytest.raises(FieldError):
        build()  # type: ignore[operator]
