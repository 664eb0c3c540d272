"""Embedding in a school tool: plain data in and out, findings for a form, one language.

`from_dict` builds a document or a part of one from what a database or a web form gives, as
strictly as a file is read; `to_dict` gives plain data back that `json.dumps` accepts.
Problems and findings turn into plain data with their path as keys and indexes, in one
language or both, and `validate` refuses what is no document.
"""

from __future__ import annotations

import datetime
import decimal
import json
import types
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import duaal_leren
from duaal_leren import (
    Competentie,
    DocumentError,
    DocumentTypeError,
    DuaalLerenError,
    FieldError,
    Leerplaats,
    Lerende,
    Problem,
    StandaardOpleidingsplan,
    Traject,
    from_dict,
    strategies,
    to_dict,
)
from duaal_leren.validation import Finding, Severity

TODAY = pendulum.date(2026, 3, 1)
FEWER = settings(
    max_examples=max(10, settings().max_examples // 2),
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)


@pytest.fixture(autouse=True)
def _dutch_by_default() -> Iterator[None]:
    yield
    duaal_leren.set_default_lang("nl")


def as_database_row(data: Any, *, dates: bool = True) -> Any:
    """Plain data as a database driver returns it: dates as `datetime.date`, lists as tuples.

    Every text written as a date becomes one: only for documents without such free text.
    """
    if isinstance(data, dict):
        return {k: as_database_row(v, dates=dates) for k, v in data.items()}
    if isinstance(data, list):
        return tuple(as_database_row(v, dates=dates) for v in data)
    if dates and isinstance(data, str) and len(data) == 10 and data[4] == "-" and data[7] == "-":
        try:
            return datetime.date.fromisoformat(data)
        except ValueError:
            return data
    return data


# --- from_dict and to_dict --------------------------------------------------------------------


def test_the_example_traject_from_database_values_without_a_schema_key(traject: Traject) -> None:
    data = to_dict(traject)
    json.dumps(data)  # plain data, as JSON takes it
    row = as_database_row({k: v for k, v in data.items() if k != "schema"})
    assert isinstance(row["overeenkomst"]["start"], datetime.date)
    assert from_dict(row, Traject) == traject
    assert from_dict(json.loads(json.dumps(data))) == traject


def test_the_schema_key_is_checked_when_present(traject: Traject) -> None:
    data = to_dict(traject)
    assert data["schema"] == "duaal-leren/traject@1"
    with pytest.raises(DocumentError) as caught:
        from_dict(data, StandaardOpleidingsplan)
    assert [p.code for p in caught.value.problems] == ["verkeerde-soort"]
    with pytest.raises(DocumentError) as caught:
        from_dict({**data, "schema": "duaal-leren/traject@9"}, Traject)
    assert [p.code for p in caught.value.problems] == ["toekomstige-versie"]


def test_without_a_class_the_schema_key_is_required(traject: Traject) -> None:
    body = {k: v for k, v in to_dict(traject).items() if k != "schema"}
    with pytest.raises(DocumentError) as caught:
        from_dict(body)
    assert [(p.path, p.code) for p in caught.value.problems] == [("$.schema", "ontbrekend-veld")]


def test_a_part_of_a_document_comes_and_goes_as_plain_data() -> None:
    row = {
        "code": "ELT-01",
        "omschrijving": "Installeert",
        "leerplaats": "werkplek",
        "termijn": datetime.datetime(2026, 1, 31),
        "vereisten": ("ELT-00",),
    }
    competentie = from_dict(row, Competentie)
    assert competentie.leerplaats is Leerplaats.WERKPLEK
    assert competentie.termijn == pendulum.date(2026, 1, 31)
    assert to_dict(competentie) == {
        "code": "ELT-01",
        "omschrijving": "Installeert",
        "leerplaats": "werkplek",
        "vereisten": ["ELT-00"],
        "termijn": "2026-01-31",
    }
    assert to_dict(Lerende("LRN-1")) == {"id": "LRN-1"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2026, 1, 31), pendulum.date(2026, 1, 31)),
        (datetime.datetime(2026, 1, 31), pendulum.date(2026, 1, 31)),
        ("2026-01-31T00:00:00", pendulum.date(2026, 1, 31)),
        ("2026-01-31 00:00:00", pendulum.date(2026, 1, 31)),
        ("2026-01-31", pendulum.date(2026, 1, 31)),
    ],
)
def test_database_dates_are_read_as_days(value: object, expected: pendulum.Date) -> None:
    row = {"code": "X", "omschrijving": "Iets", "leerplaats": "school", "termijn": value}
    assert from_dict(row, Competentie).termijn == expected


@pytest.mark.parametrize(
    "value",
    [
        datetime.datetime(2026, 1, 31, 10, 30),
        "2026-01-31T10:30:00",
        20260131,
        "31-01-2026",
        datetime.date(1850, 1, 1),
    ],
)
def test_what_is_no_day_is_refused_as_in_a_file(value: object) -> None:
    row = {"code": "X", "omschrijving": "Iets", "leerplaats": "school", "termijn": value}
    with pytest.raises(DocumentError) as caught:
        from_dict(row, Competentie)
    [problem] = caught.value.problems
    assert (problem.path, problem.code) == ("$.termijn", "ongeldige-datum")


def test_decimals_zero_and_one_and_mappings_as_drivers_give_them(traject: Traject) -> None:
    data = to_dict(traject)
    data["overeenkomst"]["uren_per_week"] = decimal.Decimal("38.0")
    data["mentor"]["leeftijdsuitzondering"] = 1
    data["afspraken"] = types.MappingProxyType({"opvolging_weken": decimal.Decimal(4)})
    built = from_dict(data)
    assert built.overeenkomst.uren_per_week == 38.0
    assert built.mentor is not None
    assert built.mentor.leeftijdsuitzondering is True
    assert built.afspraken.opvolging_weken == 4


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("code", 12, "verkeerd-type"),  # a number is no text
        ("code", datetime.date(2026, 1, 1), "verkeerd-type"),  # nor is a date
        ("omschrijving", ["a"], "verkeerd-type"),
        ("leerplaats", "werkplaats", "onbekende-keuze"),
        ("vereisten", "A", "verkeerd-type"),  # text is not split into a list
    ],
)
def test_as_strict_as_a_file_with_the_same_problems(field: str, value: object, code: str) -> None:
    row: dict[str, Any] = {"code": "X", "omschrijving": "Iets", "leerplaats": "school"}
    row[field] = value
    with pytest.raises(DocumentError) as caught:
        from_dict(row, Competentie)
    [problem] = caught.value.problems
    assert (problem.path, problem.code) == (f"$.{field}", code)
    assert caught.value.source == "<gegevens>"


def test_problems_have_the_same_paths_and_codes_as_reading_a_file(traject: Traject) -> None:
    data = to_dict(traject)
    data["opleidingsplan"]["competenties"][1]["leerplaats"] = "nergens"
    data["overeenkomst"]["start"] = "1 september"
    data["lerende"]["omschijving"] = "x"
    del data["school"]
    with pytest.raises(DocumentError) as from_data:
        from_dict(data)
    with pytest.raises(DocumentError) as from_text:
        duaal_leren.loads(json.dumps(data))

    def shape(error: DocumentError) -> set[tuple[str, str, str]]:
        return {(p.path, p.code, p.message_en) for p in error.problems}

    assert shape(from_data.value) == shape(from_text.value)
    assert len(from_data.value.problems) == 4


def test_an_unknown_key_names_the_field_it_most_likely_meant() -> None:
    row = {"code": "X", "omschijving": "Iets", "leerplaats": "school"}
    with pytest.raises(DocumentError) as caught:
        from_dict(row, Competentie)
    unknown = next(p for p in caught.value.problems if p.code == "onbekend-veld")
    assert unknown.text("en") == "unknown field 'omschijving'; did you mean 'omschrijving'?"
    assert "bedoel je 'omschrijving'?" in unknown.text("nl")


def test_an_unknown_key_far_from_every_field_suggests_nothing() -> None:
    row = {"code": "X", "omschrijving": "Iets", "leerplaats": "school", "zzz": 1}
    with pytest.raises(DocumentError) as caught:
        from_dict(row, Competentie)
    assert caught.value.problems[0].text("en") == "unknown field 'zzz'"


def test_personal_values_are_not_quoted_in_problems(traject: Traject) -> None:
    data = to_dict(traject)
    data["lerende"]["persoonsgegevens"]["naam"] = 12345678
    with pytest.raises(DocumentError) as caught:
        from_dict(data)
    assert "12345678" not in str(caught.value) + caught.value.text("en")


def test_the_source_named_in_problems_can_be_given() -> None:
    with pytest.raises(DocumentError) as caught:
        from_dict({"code": "X"}, Competentie, source="rij 12")
    assert caught.value.source == "rij 12"


@pytest.mark.parametrize("cls", [dict, int, Finding, Problem])
def test_from_dict_builds_only_documents_and_their_parts(cls: type[Any]) -> None:
    with pytest.raises(DocumentTypeError) as caught:
        from_dict({}, cls)
    assert cls.__name__ in caught.value.text("en")


@pytest.mark.parametrize("obj", [{}, None, 42, "traject.yaml"])
def test_to_dict_takes_only_documents_and_their_parts(obj: object) -> None:
    with pytest.raises(DocumentTypeError):
        to_dict(obj)


def test_a_mapping_that_is_no_object_is_a_problem_of_the_document() -> None:
    with pytest.raises(DocumentError) as caught:
        from_dict([1, 2], Competentie)  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in caught.value.problems] == [("$", "verkeerd-type")]


DOCUMENTS = st.one_of(
    strategies.trajecten(),
    strategies.standaardplannen(),
    strategies.gespreksverslagen(),
    strategies.schooleigen_kalenders(),
)


@FEWER
@given(document=DOCUMENTS)
def test_documents_round_trip_through_plain_data(document: object) -> None:
    data = to_dict(document)
    assert from_dict(data) == document
    assert from_dict(data, type(document)) == document
    assert from_dict(json.loads(json.dumps(data))) == document
    assert from_dict(as_database_row(data, dates=False)) == document


@FEWER
@given(part=st.one_of(strategies.competenties(), strategies.lerenden(), strategies.mentoren()))
def test_parts_round_trip_through_plain_data(part: object) -> None:
    data = to_dict(part)
    assert "schema" not in data
    assert from_dict(json.loads(json.dumps(data)), type(part)) == part


# --- validate refuses what it cannot check ---------------------------------------------------


@pytest.mark.parametrize("given", [{}, None, 42, [], object()])
def test_validate_refuses_what_is_no_document(given: object) -> None:
    with pytest.raises(DocumentTypeError) as caught:
        duaal_leren.validate(given)
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, DuaalLerenError)
    assert "Traject" in caught.value.text("en")


def test_validate_of_a_traject_as_a_dict_says_to_build_it_first(traject: Traject) -> None:
    with pytest.raises(DocumentTypeError) as caught:
        duaal_leren.validate(to_dict(traject))
    assert "from_dict" in caught.value.text("en")


def test_validate_takes_a_date_or_midnight_for_today(traject: Traject) -> None:
    by_date = duaal_leren.validate(traject, today=datetime.date(2026, 3, 1))
    assert by_date == duaal_leren.validate(traject, today=datetime.datetime(2026, 3, 1))
    with pytest.raises(FieldError) as caught:
        duaal_leren.validate(traject, today=datetime.datetime(2026, 3, 1, 12))
    assert caught.value.field == "today"


# --- findings and problems for a user interface ----------------------------------------------


def test_a_finding_as_plain_data_in_one_language_or_both() -> None:
    finding = Finding(
        "code-uniek",
        Severity.ERROR,
        "$.opleidingsplan.competenties[3].code",
        "dubbele code",
        "duplicate code",
        "practice",
    )
    assert finding.location == ("opleidingsplan", "competenties", 3, "code")
    assert finding.to_dict("en") == {
        "code": "code-uniek",
        "severity": "error",
        "path": "$.opleidingsplan.competenties[3].code",
        "location": ["opleidingsplan", "competenties", 3, "code"],
        "line": None,
        "message": "duplicate code",
        "source": "practice",
    }
    both = finding.to_dict(both=True)
    assert (both["message"], both["message_en"]) == ("dubbele code", "duplicate code")
    json.dumps(both)


def test_a_problem_as_plain_data_with_its_location() -> None:
    problem = Problem('$.lerende["rare sleutel"][2]', "fout", "wrong", "onbekend-veld", 4)
    assert problem.location == ("lerende", "rare sleutel", 2)
    assert problem.to_dict("en") == {
        "path": '$.lerende["rare sleutel"][2]',
        "location": ["lerende", "rare sleutel", 2],
        "line": 4,
        "code": "onbekend-veld",
        "message": "wrong",
    }
    assert problem.to_dict(both=True)["message_en"] == "wrong"


def test_a_report_as_plain_data_in_both_languages(traject: Traject) -> None:
    broken = attrs.evolve(traject, mentor=attrs.evolve(traject.mentor, ervaring_jaren=1.0))
    report = duaal_leren.validate(broken, today=TODAY, select=["mentor-ervaring"])
    [finding] = report.to_dict(both=True)["findings"]
    assert finding["location"] == ["mentor", "ervaring_jaren"]
    assert finding["message"] != finding["message_en"]


@pytest.mark.parametrize("lang", ["EN", "en-GB", "en_US"])
def test_a_regional_or_capitalised_code_counts_as_its_language(lang: str) -> None:
    problem = Problem("$", "fout", "wrong")
    assert problem.text(lang) == "wrong"


@pytest.mark.parametrize("lang", ["fr", "", "english"])
def test_an_unknown_language_is_an_error(lang: str, traject: Traject) -> None:
    report = duaal_leren.validate(traject, today=TODAY)
    with pytest.raises(FieldError) as caught:
        report.to_dict(lang=lang)
    assert caught.value.field == "lang"
    with pytest.raises(FieldError):
        Problem("$", "fout", "wrong").text(lang)
    with pytest.raises(FieldError):
        duaal_leren.set_default_lang(lang)


def test_the_default_language_sets_str_and_text_of_errors_and_reports(traject: Traject) -> None:
    with pytest.raises(FieldError) as caught:
        Competentie("", "Iets", Leerplaats.SCHOOL)
    assert str(caught.value) == "code: mag niet leeg zijn"
    duaal_leren.set_default_lang("en")
    assert duaal_leren.default_lang() == "en"
    assert str(caught.value) == "code: must not be empty"
    assert caught.value.text("nl") == "code: mag niet leeg zijn"
    report = duaal_leren.validate(traject, today=TODAY)
    verdict = report.text().splitlines()[-1].split(": ")[1]
    assert verdict == ("passed" if report.passed else "failed")
