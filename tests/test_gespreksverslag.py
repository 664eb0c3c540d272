"""Conversation records: strict files, round trips, completeness, late actions, the rules."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given

import duaal_leren
from duaal_leren.gespreksverslag import Antwoord, Gespreksverslag, Itemstatus
from duaal_leren.leidraad import (
    Leidraad,
    LeidraadReferentie,
    OnbekendeLeidraad,
    leidraad,
    load_verslag,
    render_text,
    volledigheid,
)
from duaal_leren.opvolging import Actie, Deelnemer, Gespreksrol
from duaal_leren.strategies import gespreksverslagen
from duaal_leren.validation import Finding, Severity

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "gespreksverslag-opstart-lotte.yaml"
OCTOBER = pendulum.date(2025, 10, 1)


@pytest.fixture
def verslag() -> Gespreksverslag:
    return load_verslag(EXAMPLE)


@pytest.fixture(scope="module")
def opstart() -> Leidraad:
    return leidraad("opstartgesprek")


def _verslag(
    *antwoorden: Antwoord, acties: tuple[Actie, ...] = (), **kwargs: str
) -> Gespreksverslag:
    return Gespreksverslag(
        leidraad=LeidraadReferentie(kwargs.pop("leidraad", "opstartgesprek"), "1"),
        traject="TRJ-1",
        datum=pendulum.date(2025, 9, 1),
        antwoorden=antwoorden,
        acties=acties,
    )


# --- the example and the file format -----------------------------------------------------


def test_the_example_belongs_to_the_example_traject(
    verslag: Gespreksverslag, traject: duaal_leren.Traject
) -> None:
    assert verslag.traject == traject.id
    assert verslag.lerende == traject.lerende.id
    assert verslag.leidraad == leidraad("opstartgesprek").referentie
    assert {d.rol for d in verslag.deelnemers} >= {
        Gespreksrol.MENTOR,
        Gespreksrol.TRAJECTBEGELEIDER,
        Gespreksrol.LERENDE,
    }
    # The learner is named by id only: no personal data of the traject in the record.
    names = traject.lerende.persoonsgegevens
    assert names is not None
    assert names.naam not in EXAMPLE.read_text(encoding="utf-8")


def test_the_example_file_is_what_dump_writes(verslag: Gespreksverslag) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    assert duaal_leren.dump(verslag) == body


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_example_round_trips(
    verslag: Gespreksverslag, fmt: duaal_leren.Format, tmp_path: Path
) -> None:
    assert duaal_leren.loads(duaal_leren.dump(verslag, fmt)) == verslag
    path = duaal_leren.save(verslag, tmp_path / f"verslag.{fmt}")
    assert load_verslag(path) == verslag


def test_a_record_is_read_strictly() -> None:
    text = (
        "schema: duaal-leren/gespreksverslag@1\n"
        "leidraad:\n  id: opstartgesprek\n"
        "traject: ''\n"
        "datum: 2025-02-30\n"
        "deelnemers:\n- rol: directeur\n"
        "antwoorden:\n- item: klassenraad\n  antwoord: Ja\n"
        "acties:\n- omschrijving: Bellen\n  eigenaar: Koen\n"
    )
    with pytest.raises(duaal_leren.DocumentError) as caught:
        duaal_leren.loads(text, Gespreksverslag)
    assert [(p.path, p.code, p.line) for p in caught.value.problems] == [
        ("$.leidraad.versie", "ontbrekend-veld", 3),
        ("$.traject", "ongeldige-waarde", 4),
        ("$.datum", "ongeldige-datum", 5),
        ("$.deelnemers[0].rol", "onbekende-keuze", 7),
        ("$.antwoorden[0].antwoord", "onbekend-veld", 10),
    ]


def test_an_action_without_a_due_date_is_never_late() -> None:
    # A record's actions are those of a follow-up conversation: the due date may be left
    # open, and such an action is not late on any day.
    text = (
        "schema: duaal-leren/gespreksverslag@1\n"
        "leidraad:\n  id: opstartgesprek\n  versie: '1'\n"
        "traject: TRJ-1\ndatum: 2025-09-01\n"
        "acties:\n- omschrijving: Bellen\n  eigenaar: Koen\n"
    )
    verslag = duaal_leren.loads(text, Gespreksverslag)
    assert verslag.acties == (Actie("Bellen", "Koen"),)
    assert verslag.te_late_acties("2030-01-01") == ()
    assert "Eigenaar: Koen; Vervaldatum: geen" in render_text(verslag, today="2030-01-01")


def test_load_verslag_refuses_other_documents(traject_path: Path) -> None:
    with pytest.raises(duaal_leren.DocumentError) as caught:
        load_verslag(traject_path)
    assert caught.value.problems[0].code == "verkeerde-soort"


def test_the_json_schema_describes_the_record() -> None:
    schema = duaal_leren.json_schema("gespreksverslag")
    assert schema["properties"]["schema"]["enum"] == ["duaal-leren/gespreksverslag@1"]
    assert schema["required"] == ["schema", "leidraad", "traject", "datum"]
    assert schema["$defs"]["Deelnemer"]["properties"]["rol"]["enum"][0] == "lerende"


def test_a_record_names_roles_as_follow_up_conversations_do() -> None:
    # One choice of roles for every conversation: the record's participants and those of a
    # follow-up conversation take the same values, and the file format names them so.
    assert typing.get_type_hints(Deelnemer)["rol"] is Gespreksrol
    assert not hasattr(duaal_leren.leidraad, "Rol")
    schema = duaal_leren.json_schema("gespreksverslag")
    assert schema["$defs"]["Deelnemer"]["properties"]["rol"]["enum"] == [
        rol.value for rol in Gespreksrol
    ]


# --- completeness -----------------------------------------------------------------------


def test_the_example_report(verslag: Gespreksverslag) -> None:
    rapport = volledigheid(verslag, today=OCTOBER)
    assert (rapport.totaal, len(rapport.beantwoord), len(rapport.niet_van_toepassing)) == (
        45,
        40,
        2,
    )
    assert rapport.open == (
        "tips-en-oefeningen",
        "opvolging-vooruitgang",
        "gebruik-informatie-bedrijf",
    )
    assert rapport.niet_van_toepassing == (
        "andere-contactpersonen-school",
        "opleidingen-bedrijf-sector",
    )
    assert not rapport.volledig
    assert not rapport.in_orde
    assert rapport.leidraad == verslag.leidraad
    assert (rapport.traject, rapport.datum, rapport.peildatum) == (
        "TRJ-2025-0042",
        verslag.datum,
        OCTOBER,
    )


def test_the_report_is_per_theme_and_section(verslag: Gespreksverslag) -> None:
    rapport = volledigheid(verslag, today=OCTOBER)
    per_theme = [
        (t.id, len(t.beantwoord), len(t.niet_van_toepassing), len(t.open), t.totaal)
        for t in rapport.themas
    ]
    assert per_theme == [
        ("samenwerking", 12, 1, 0, 13),
        ("lerende", 10, 0, 0, 10),
        ("feedback-en-evaluatie", 18, 1, 3, 22),
    ]
    secties = {s.id: s for t in rapport.themas for s in t.secties}
    assert secties["opvolgingsgesprekken"].open == (
        "opvolging-vooruitgang",
        "gebruik-informatie-bedrijf",
    )
    assert secties["contactpersoon"].volledig
    assert rapport.themas[0].volledig
    assert not rapport.themas[2].volledig


def test_an_empty_record_leaves_everything_open(opstart: Leidraad) -> None:
    rapport = volledigheid(_verslag(), opstart, today=OCTOBER)
    assert rapport.open == tuple(item.id for item in opstart.alle_items)
    assert rapport.beantwoord == rapport.niet_van_toepassing == ()


def test_what_counts_as_answered() -> None:
    verslag = _verslag(
        Antwoord("vooropleiding"),  # listed, not filled in
        Antwoord("startcompetenties", afspraak="Samen bepalen in september"),
        Antwoord("klassenraad", tekst="Op school", niet_van_toepassing=False),
        Antwoord("beslissing-geslaagd", tekst="Geen klassenraad", niet_van_toepassing=True),
        Antwoord("match-bedrijf", tekst="Goed"),
        Antwoord("match-bedrijf", niet_van_toepassing=True),
    )
    assert [verslag.status(i) for i in ("vooropleiding", "startcompetenties", "klassenraad")] == [
        Itemstatus.OPEN,
        Itemstatus.BEANTWOORD,
        Itemstatus.BEANTWOORD,
    ]
    assert verslag.status("beslissing-geslaagd") is Itemstatus.NIET_VAN_TOEPASSING
    assert verslag.status("match-bedrijf") is Itemstatus.NIET_VAN_TOEPASSING
    assert verslag.status("nooit-genoemd") is Itemstatus.OPEN
    assert verslag.antwoord("match-bedrijf") == Antwoord("match-bedrijf", tekst="Goed")
    assert verslag.antwoord("nooit-genoemd") is None


def test_a_complete_record_is_in_order(opstart: Leidraad) -> None:
    answers = tuple(Antwoord(item.id, tekst="besproken") for item in opstart.alle_items)
    rapport = volledigheid(_verslag(*answers), opstart, today=OCTOBER)
    assert rapport.volledig
    assert rapport.in_orde
    assert len(rapport.beantwoord) == 45


def test_the_report_follows_the_ids_not_the_order(
    verslag: Gespreksverslag, opstart: Leidraad
) -> None:
    reordered = attrs.evolve(opstart, themas=opstart.themas[::-1])
    before = volledigheid(verslag, opstart, today=OCTOBER)
    after = volledigheid(verslag, reordered, today=OCTOBER)
    assert set(after.open) == set(before.open)
    assert set(after.beantwoord) == set(before.beantwoord)
    assert after.themas == before.themas[::-1]


def test_answers_to_unknown_items_are_reported(opstart: Leidraad) -> None:
    verslag = _verslag(Antwoord("klassenraad", tekst="Ja"), Antwoord("bestaat-niet", tekst="?"))
    rapport = volledigheid(verslag, opstart, today=OCTOBER)
    assert rapport.onbekende_items == ("bestaat-niet",)
    assert not rapport.in_orde


def test_the_progress_guide_has_a_report_too() -> None:
    verslag = _verslag(
        Antwoord("groei-en-niveau", tekst="Goed gegroeid in installeren"),
        Antwoord("leerplan", niet_van_toepassing=True),
        leidraad="leervooruitgang",
    )
    rapport = volledigheid(verslag, today=OCTOBER)
    assert [(t.id, [s.id for s in t.secties]) for t in rapport.themas] == [
        ("thematieken", ["thematieken"]),
        ("overlegdoelen", ["overlegdoelen"]),
    ]
    assert rapport.beantwoord == ("groei-en-niveau",)
    assert rapport.niet_van_toepassing == ("leerplan",)
    assert len(rapport.open) == 9


def test_a_report_needs_a_known_catalogue() -> None:
    with pytest.raises(OnbekendeLeidraad):
        volledigheid(_verslag(leidraad="bouw"))


def test_the_report_as_json(verslag: Gespreksverslag) -> None:
    data = json.loads(json.dumps(volledigheid(verslag, today=OCTOBER).to_dict()))
    assert data["totaal"] == {"items": 45, "beantwoord": 40, "niet_van_toepassing": 2, "open": 3}
    assert data["peildatum"] == "2025-10-01"
    assert data["te_laat"][0]["vervaldatum"] == "2025-09-19"
    assert data["themas"][2]["secties"][0]["open"] == ["tips-en-oefeningen"]


# --- late actions ---------------------------------------------------------------------------


def test_late_actions_depend_on_the_day(verslag: Gespreksverslag) -> None:
    def late(day: pendulum.Date) -> list[str]:
        return [a.vervaldatum.isoformat() for a in volledigheid(verslag, today=day).te_laat]

    assert late(pendulum.date(2025, 9, 1)) == []
    # Due on the 19th: late only from the day after.
    assert late(pendulum.date(2025, 9, 19)) == []
    assert late(pendulum.date(2025, 9, 20)) == ["2025-09-19"]
    # Done actions (due on 5 and 12 September) are never late.
    assert late(pendulum.date(2025, 11, 1)) == ["2025-09-19", "2025-10-31"]


def test_the_day_can_be_given_as_iso_text(verslag: Gespreksverslag) -> None:
    assert volledigheid(verslag, today="2025-10-01") == volledigheid(verslag, today=OCTOBER)
    assert verslag.te_late_acties("2025-10-01") == verslag.te_late_acties(OCTOBER)
    assert verslag.acties[2].te_laat("2025-10-01")
    with pytest.raises(duaal_leren.DuaalLerenError, match="JJJJ-MM-DD") as caught:
        volledigheid(verslag, today="1 oktober 2025")
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    "check",
    [
        lambda v, day: volledigheid(v, today=day),
        lambda v, day: duaal_leren.validate(v, today=day),
        lambda v, day: v.te_late_acties(day),
        lambda v, day: v.acties[0].te_laat(day),
    ],
    ids=["volledigheid", "validate", "te_late_acties", "te_laat"],
)
@pytest.mark.parametrize("day", ["1 oktober 2025", "2025-13-01", "2025-02-30", ""])
def test_a_day_that_is_no_date_names_the_argument(
    verslag: Gespreksverslag, check: typing.Callable[[Gespreksverslag, str], object], day: str
) -> None:
    # The library's own bilingual error, never the date library's.
    with pytest.raises(duaal_leren.FieldError) as caught:
        check(verslag, day)
    assert caught.value.field == "today"
    assert str(caught.value) == f"today: {day!r} is geen datum; schrijf ze als JJJJ-MM-DD"
    assert caught.value.text("en") == f"today: {day!r} is not a date; write it as YYYY-MM-DD"


def brussels_is_a_day_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the machine's own zone still on 30 September when it is 1 October in Brussels."""

    def today(tz: str = "local") -> pendulum.DateTime:
        day = 1 if tz == "Europe/Brussels" else 30
        return pendulum.datetime(2025, 10 if day == 1 else 9, day)

    monkeypatch.setattr(pendulum, "today", today)


def test_by_default_the_day_is_that_of_brussels(
    verslag: Gespreksverslag, monkeypatch: pytest.MonkeyPatch
) -> None:
    brussels_is_a_day_ahead(monkeypatch)
    assert volledigheid(verslag).peildatum == OCTOBER
    assert verslag.te_late_acties() == volledigheid(verslag, today=OCTOBER).te_laat


def test_an_action_is_late_when_not_done_after_its_due_date() -> None:
    actie = Actie("Bellen", "Koen", pendulum.date(2025, 9, 10))
    assert not actie.te_laat(pendulum.date(2025, 9, 10))
    assert actie.te_laat(pendulum.date(2025, 9, 11))
    done = attrs.evolve(actie, afgerond=pendulum.date(2025, 9, 30))
    assert not done.te_laat(pendulum.date(2025, 12, 1))
    verslag = _verslag(acties=(actie, done))
    assert verslag.te_late_acties(pendulum.date(2025, 9, 11)) == (actie,)


# --- the rules of a record -------------------------------------------------------------------


def _findings(verslag: Gespreksverslag, *leidraden: Leidraad) -> list[Finding]:
    report = duaal_leren.validate(verslag, today=OCTOBER, select=["verslag"], leidraden=leidraden)
    return list(report.findings)


def test_the_example_has_no_findings(verslag: Gespreksverslag) -> None:
    assert _findings(verslag) == []


def test_unknown_items_and_repeated_answers_are_errors(opstart: Leidraad) -> None:
    verslag = _verslag(
        Antwoord("klassenraad", tekst="Ja"),
        Antwoord("bestaat-niet", tekst="?"),
        Antwoord("klassenraad", afspraak="Uitnodigen"),
        acties=(
            Actie("Bellen", "Koen", pendulum.date(2025, 9, 10), item="ook-niet"),
            Actie("Mailen", "Ann", pendulum.date(2025, 9, 30), item="klassenraad"),
        ),
    )
    findings = _findings(verslag)
    assert [(f.code, f.severity, f.path) for f in findings] == [
        ("verslag-item", Severity.ERROR, "$.acties[0].item"),
        ("verslag-item", Severity.ERROR, "$.antwoorden[1].item"),
        ("verslag-item", Severity.ERROR, "$.antwoorden[2].item"),
    ]
    unknown = findings[1]
    assert "'bestaat-niet'" in unknown.message
    assert unknown.message_en.startswith("the catalogue 'opstartgesprek' (version 1)")
    assert "more than once" in findings[2].message_en


def test_overdue_actions_are_no_finding() -> None:
    # Overdue is where a record stands on a day (the completeness report), not whether the
    # file is valid: the same record always gives the same findings.
    verslag = _verslag(acties=(Actie("Bellen", "Koen", pendulum.date(2000, 1, 1)),))
    assert _findings(verslag) == []


def test_another_catalogue_version_is_a_warning(
    verslag: Gespreksverslag, opstart: Leidraad
) -> None:
    newer = attrs.evolve(opstart, versie="2")
    findings = _findings(verslag, newer)
    assert [(f.code, f.severity, f.path) for f in findings] == [
        ("verslag-leidraad", Severity.WARNING, "$.leidraad.versie")
    ]


def test_an_unknown_catalogue_is_an_error_and_nothing_else_is_checked() -> None:
    unknown = _findings(_verslag(Antwoord("x", tekst="y"), leidraad="bouw"))
    assert [(f.code, f.severity, f.path) for f in unknown] == [
        ("verslag-leidraad", Severity.ERROR, "$.leidraad.id")
    ]
    assert "opstartgesprek" in unknown[0].message


def test_the_users_own_catalogue_is_found_by_its_id(opstart: Leidraad) -> None:
    eigen = attrs.evolve(opstart, id="bouw")
    verslag = _verslag(
        Antwoord("klassenraad", tekst="Ja"), Antwoord("x", tekst="y"), leidraad="bouw"
    )
    assert [(f.code, f.path) for f in _findings(verslag, eigen)] == [
        ("verslag-item", "$.antwoorden[1].item")
    ]
    # A catalogue of another id is not the record's.
    assert [f.code for f in _findings(verslag, opstart)] == ["verslag-leidraad"]


@given(gespreksverslagen(leidraad("leervooruitgang")))
def test_records_drawn_for_a_catalogue_answer_its_items(verslag: Gespreksverslag) -> None:
    rapport = volledigheid(verslag, today=OCTOBER)
    assert rapport.leidraad == leidraad("leervooruitgang").referentie
    assert rapport.onbekende_items == ()
    # Only a repeated answer can be wrong: every id is the catalogue's.
    assert {f.code for f in _findings(verslag)} <= {"verslag-item"}
    assert all("more than once" in f.message_en for f in _findings(verslag))


def test_findings_inside_a_traject_carry_its_path(
    traject: duaal_leren.Traject, verslag: Gespreksverslag
) -> None:
    other = attrs.evolve(verslag, antwoorden=(Antwoord("bestaat-niet", tekst="?"),))
    report = duaal_leren.validate(
        attrs.evolve(traject, gespreksverslagen=(verslag, other)), today="2025-10-01"
    )
    assert [f.path for f in report.findings if f.code.startswith("verslag-")] == [
        "$.gespreksverslagen[1].antwoorden[0].item"
    ]
