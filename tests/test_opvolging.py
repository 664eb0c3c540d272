"""Follow-up conversations and the scale: the model, the files, and their strictness."""

from __future__ import annotations

import functools
from pathlib import Path

import attrs
import jsonschema
import pendulum
import pytest
from hypothesis import given

import duaal_leren
from duaal_leren import FieldError, Leerplaats, Traject, strategies, to_dict
from duaal_leren.opvolging import (
    Actie,
    Beheersingsschaal,
    Beoordelaar,
    Feedback,
    Gesprekslocatie,
    Gespreksstatus,
    Leerfocus,
    Leerkans,
    NietAanleerbaar,
    Niveau,
    Observatie,
    Opvolgingsgesprek,
)
from opvolging_strategies import trajecten_met_gesprekken

D = pendulum.date

MINIMAL = """\
schema: duaal-leren/traject@1
id: TRJ-2025-0001
lerende:
  id: LRN-2025-0001
school:
  naam: Technisch Instituut De Vonk
werkplek:
  onderneming: Elektro Vermeulen bv
overeenkomst:
  soort: oao
  start: 2025-09-01
  einde: 2026-06-30
opleidingsplan:
  standaardplan:
    id: elektrotechnisch-installateur-duaal
    versie: "2025.1"
  opleiding: Elektrotechnisch installateur duaal
  competenties:
  - code: ELT-03
    omschrijving: Maakt een installatie spanningsloos
    leerplaats: beide
"""


def with_conversation(text: str) -> str:
    return MINIMAL + "opvolgingsgesprekken:\n" + text


# --- the scale -----------------------------------------------------------------------------


def test_the_default_scale_is_the_four_levels_of_the_sector_tools() -> None:
    scale = Beheersingsschaal.standaard()
    assert [(n.waarde, n.label) for n in scale.niveaus] == [
        (1, "beheerst onvoldoende"),
        (2, "kan het onder begeleiding"),
        (3, "beheerst voldoende"),
        (4, "kan het zelfstandig"),
    ]
    assert scale.drempel == 3
    assert scale.bron is not None
    assert "dualimento" in scale.bron
    assert Beheersingsschaal.standaard() is scale  # read once


def test_scale_answers_questions_about_levels() -> None:
    scale = Beheersingsschaal.standaard()
    assert scale.waarden == (1, 2, 3, 4)
    assert (scale.laagste, scale.hoogste) == (1, 4)
    assert 3 in scale
    assert 5 not in scale
    assert scale.label(4) == "kan het zelfstandig"
    assert scale.label(7) == "7"
    assert [scale.beheerst(v) for v in (1, 2, 3, 4)] == [False, False, True, True]
    assert [scale.fractie(v) for v in (0, 1, 2, 4, 9)] == [0.0, 0.0, 1 / 3, 1.0, 1.0]
    with pytest.raises(KeyError):
        scale.niveau(5)


def test_a_scale_of_one_level_is_complete_at_that_level() -> None:
    scale = Beheersingsschaal((Niveau(1, "behaald"),), drempel=1)
    assert scale.fractie(1) == 1.0
    assert scale.beheerst(1)


@pytest.mark.parametrize(
    "niveaus",
    [(), (Niveau(2, "b"), Niveau(1, "a")), (Niveau(1, "a"), Niveau(1, "b"))],
    ids=["empty", "descending", "duplicate"],
)
def test_scale_levels_must_ascend_without_duplicates(niveaus: tuple[Niveau, ...]) -> None:
    with pytest.raises(FieldError) as info:
        Beheersingsschaal(niveaus, drempel=1)
    assert info.value.field == "niveaus"
    assert info.value.message
    assert info.value.message_en


def test_a_traject_names_its_own_scale_in_its_file() -> None:
    text = MINIMAL + (
        "beheersingsschaal:\n"
        "  drempel: 2\n"
        "  niveaus:\n"
        "  - {waarde: 1, label: nog niet}\n"
        "  - {waarde: 2, label: behaald}\n"
    )
    traject = duaal_leren.loads(text)
    assert traject.beheersingsschaal == Beheersingsschaal(
        (Niveau(1, "nog niet"), Niveau(2, "behaald")), drempel=2
    )


def test_a_bad_scale_in_a_file_is_reported_with_its_path() -> None:
    text = MINIMAL + (
        "beheersingsschaal:\n  drempel: 2\n  niveaus:\n"
        "  - {waarde: 2, label: b}\n  - {waarde: 1, label: a}\n"
    )
    with pytest.raises(duaal_leren.DocumentError) as info:
        duaal_leren.loads(text)
    [problem] = info.value.problems
    assert problem.path == "$.beheersingsschaal.niveaus"
    assert "oplopen" in problem.message


# --- the conversation in the traject file -------------------------------------------------


def test_files_without_conversations_keep_loading_and_are_written_the_same() -> None:
    traject = duaal_leren.loads(MINIMAL)
    assert traject.opvolgingsgesprekken == ()
    assert traject.beheersingsschaal is None
    assert traject.afspraken.opvolging_weken is None
    written = duaal_leren.dump(traject)
    assert "opvolgingsgesprekken" not in written
    assert "beheersingsschaal" not in written
    assert "opvolging_weken" not in written


def test_the_example_holds_three_held_conversations_of_the_school_year(traject: Traject) -> None:
    gesprekken = traject.opvolgingsgesprekken
    assert [g.datum.isoformat() for g in gesprekken] == ["2025-11-20", "2026-02-05", "2026-04-23"]
    assert all(g.status is Gespreksstatus.GEHOUDEN for g in gesprekken)
    assert all(g.observaties for g in gesprekken)
    assert traject.afspraken.opvolging_weken == 12
    first = gesprekken[0]
    assert first.plaats is Gesprekslocatie.WERKPLEK
    assert (first.agenda[0].leidraad, first.agenda[0].item) == (
        "leervooruitgang",
        "groei-en-niveau",
    )
    # Technical feedback and feedback on attitude are kept apart.
    assert first.feedback_technisch[0].competenties == ("ELT-06",)
    assert "te laat" in first.feedback_attitude[0].tekst
    assert first.leerfocus is not None
    assert first.leerfocus.competenties == ("ELT-03", "ELT-07", "ELT-11")
    assert first.leerfocus.tot == D(2026, 2, 5)


def test_the_example_survives_a_round_trip_in_both_formats(
    traject: Traject, tmp_path: Path
) -> None:
    for fmt in ("yaml", "json"):
        assert duaal_leren.loads(duaal_leren.dump(traject, fmt)) == traject
        path = duaal_leren.save(traject, tmp_path / f"t.{fmt}")
        assert duaal_leren.load(path) == traject


@given(trajecten_met_gesprekken())
def test_every_traject_with_conversations_survives_a_round_trip(traject: Traject) -> None:
    for fmt in ("yaml", "json"):
        assert duaal_leren.loads(duaal_leren.dump(traject, fmt)) == traject


@functools.cache
def schema_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(duaal_leren.json_schema("traject"))


@given(trajecten_met_gesprekken())
def test_the_json_schema_accepts_every_written_traject(traject: Traject) -> None:
    schema_validator().validate(to_dict(traject))


@given(strategies.beheersingsschalen())
def test_every_scale_round_trips_inside_a_traject(scale: Beheersingsschaal) -> None:
    traject = attrs.evolve(duaal_leren.loads(MINIMAL), beheersingsschaal=scale)
    assert duaal_leren.loads(duaal_leren.dump(traject)) == traject


def test_every_problem_of_a_conversation_is_reported_at_once() -> None:
    text = with_conversation(
        "- datum: 2025-13-01\n"
        "  plaats: kantoor\n"
        "  status: gehouden\n"
        "  observaties:\n"
        "  - competentie: ELT-03\n"
        "    niveau: '3'\n"
        "    beoordelaar: ouder\n"
        "    nivo: 3\n"
    )
    with pytest.raises(duaal_leren.DocumentError) as info:
        duaal_leren.loads(text)
    problems = {p.path: p for p in info.value.problems}
    base = "$.opvolgingsgesprekken[0]"
    assert set(problems) == {
        f"{base}.datum",
        f"{base}.plaats",
        f"{base}.observaties[0].niveau",
        f"{base}.observaties[0].beoordelaar",
        f"{base}.observaties[0].nivo",
    }
    assert "'werkplek', 'school', 'online'" in problems[f"{base}.plaats"].message
    assert "'lerende'" in problems[f"{base}.observaties[0].beoordelaar"].message_en
    assert problems[f"{base}.observaties[0].nivo"].code == "onbekend-veld"
    assert all(p.line is not None for p in info.value.problems)


def test_a_held_conversation_needs_date_and_place() -> None:
    with pytest.raises(duaal_leren.DocumentError) as info:
        duaal_leren.loads(with_conversation("- status: gehouden\n"))
    assert {p.path for p in info.value.problems} == {
        "$.opvolgingsgesprekken[0].datum",
        "$.opvolgingsgesprekken[0].plaats",
    }
    assert {p.code for p in info.value.problems} == {"ontbrekend-veld"}


def test_the_status_is_planned_unless_said_otherwise() -> None:
    traject = duaal_leren.loads(with_conversation("- datum: 2025-10-02\n  plaats: online\n"))
    [gesprek] = traject.opvolgingsgesprekken
    assert gesprek.status is Gespreksstatus.GEPLAND
    assert not gesprek.gehouden


# --- the conversation's own questions -------------------------------------------------------


def test_observations_without_a_date_take_the_conversation_date() -> None:
    gesprek = Opvolgingsgesprek(
        D(2025, 11, 20),
        Gesprekslocatie.SCHOOL,
        observaties=(
            Observatie("ELT-03", 2, Beoordelaar.MENTOR),
            Observatie("ELT-03", 3, Beoordelaar.VAKLEERKRACHT, D(2025, 11, 14)),
        ),
    )
    assert [o.datum for o in gesprek.observaties_gedateerd()] == [D(2025, 11, 20), D(2025, 11, 14)]
    assert gesprek.observaties[0].datum is None  # the record itself is unchanged


def test_a_self_assessment_is_recognised() -> None:
    assert Observatie("ELT-03", 3, Beoordelaar.LERENDE).zelfevaluatie
    assert not Observatie("ELT-03", 3, Beoordelaar.TRAJECTBEGELEIDER).zelfevaluatie


def test_the_competences_a_conversation_refers_to() -> None:
    gesprek = Opvolgingsgesprek(
        D(2025, 11, 20),
        Gesprekslocatie.WERKPLEK,
        observaties=(Observatie("A", 2, Beoordelaar.MENTOR),),
        feedback_technisch=(Feedback("goed", competenties=("B",)),),
        feedback_attitude=(Feedback("stipt", competenties=("C",)),),
        leerfocus=Leerfocus(("D",)),
        extra_leerkansen=(Leerkans("werf", ("E",)),),
        niet_aanleerbaar=(NietAanleerbaar("F", Leerplaats.WERKPLEK),),
    )
    assert gesprek.competenties() == frozenset("ABCDEF")


def test_solutions_found_become_moves_of_the_plan(traject: Traject) -> None:
    gesprek = Opvolgingsgesprek(
        D(2026, 4, 23),
        Gesprekslocatie.WERKPLEK,
        niet_aanleerbaar=(
            NietAanleerbaar(
                "ELT-16", Leerplaats.WERKPLEK, "geen verwarming meer", Leerplaats.SCHOOL
            ),
            NietAanleerbaar("ELT-15", Leerplaats.WERKPLEK, "nog geen oplossing"),
            NietAanleerbaar("ELT-99", Leerplaats.WERKPLEK, naar=Leerplaats.SCHOOL),
            NietAanleerbaar("ELT-04", Leerplaats.SCHOOL, naar=Leerplaats.WERKPLEK),
        ),
    )
    moves = gesprek.verplaatsingen(traject.opleidingsplan)
    # No solution yet, not in the plan, or already learned there: no move.
    assert [(m.code, m.van, m.naar, m.reden) for m in moves] == [
        ("ELT-16", Leerplaats.WERKPLEK, Leerplaats.SCHOOL, "geen verwarming meer")
    ]


def test_an_action_is_late_once_its_due_date_passed_undone() -> None:
    actie = Actie("checklist", "mentor", vervaldatum=D(2025, 11, 27))
    assert not actie.te_laat(D(2025, 11, 27))
    assert actie.te_laat(D(2025, 11, 28))
    assert not attrs.evolve(actie, afgerond=D(2025, 11, 26)).te_laat(D(2026, 1, 1))
    assert not Actie("logboek", "lerende").te_laat(D(2030, 1, 1))


def test_an_action_of_a_follow_up_conversation_takes_the_day_as_iso_text() -> None:
    # One action for every conversation: a record's and a follow-up conversation's are
    # checked against a day given as a date or as ISO text alike.
    actie = Actie("checklist", "mentor", vervaldatum=D(2025, 11, 27))
    assert actie.te_laat("2025-11-28")
    assert not actie.te_laat("2025-11-27")
    with pytest.raises(FieldError):
        actie.te_laat("28 november")


def test_participants_of_every_conversation_are_one_model(traject: Traject) -> None:
    # A follow-up conversation's participant may carry a function, as a record's does.
    gesprek = traject.opvolgingsgesprekken[0]
    mentor = attrs.evolve(gesprek.deelnemers[0], functie="ploegbaas")
    changed = attrs.evolve(
        traject,
        opvolgingsgesprekken=(attrs.evolve(gesprek, deelnemers=(mentor,)),),
    )
    assert duaal_leren.loads(duaal_leren.dump(changed)) == changed
    assert "functie: ploegbaas" in duaal_leren.dump(changed)


@pytest.mark.parametrize(
    ("cls", "kwargs"),
    [
        (Observatie, {"competentie": " ", "niveau": 2, "beoordelaar": Beoordelaar.MENTOR}),
        (Feedback, {"tekst": ""}),
        (Actie, {"omschrijving": "x", "eigenaar": "  "}),
        (Leerkans, {"omschrijving": "\n"}),
    ],
)
def test_text_fields_must_hold_more_than_white_space(cls: type, kwargs: dict[str, object]) -> None:
    with pytest.raises(FieldError):
        cls(**kwargs)


# --- levels are bounded ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "niveau", [10**400, -(10**400), 1001, -1001], ids=["400 digits", "-400 digits", "1001", "-1001"]
)
def test_a_rating_of_an_absurd_level_is_refused_at_the_field(niveau: int) -> None:
    with pytest.raises(FieldError) as caught:
        Observatie("ELT-03", niveau, Beoordelaar.MENTOR)
    error = caught.value
    assert error.field == "niveau"
    assert "ligt niet tussen -1000 en 1000" in error.message
    assert "is not between -1000 and 1000" in error.message_en
    # The message quotes an excerpt of the number, never its hundreds of digits.
    assert len(error.message) < 100


def test_a_scale_level_is_bounded_too() -> None:
    with pytest.raises(FieldError) as caught:
        Niveau(10**400, "te veel")
    assert caught.value.field == "waarde"


def test_a_document_with_a_level_of_400_digits_is_refused_with_its_path() -> None:
    text = Path("examples/traject-lotte.yaml").read_text(encoding="utf-8")
    assert "niveau: 3\n" in text
    with pytest.raises(duaal_leren.DocumentError) as caught:
        duaal_leren.loads(text.replace("niveau: 3\n", f"niveau: {'9' * 400}\n", 1))
    [problem] = caught.value.problems
    assert problem.path.endswith(".niveau")
    assert "ligt niet tussen -1000 en 1000" in problem.message


def test_the_place_on_a_scale_of_any_whole_number_is_between_0_and_1() -> None:
    schaal = Beheersingsschaal((Niveau(1, "een"), Niveau(4, "vier")), drempel=3)
    assert schaal.fractie(10**400) == 1.0
    assert schaal.fractie(-(10**400)) == 0.0
    assert schaal.fractie(2) == pytest.approx(1 / 3)
