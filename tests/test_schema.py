"""The JSON Schema of each document kind agrees with the loader on valid and broken documents."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator

import duaal_leren
from duaal_leren import strategies
from duaal_leren._parse import parse_yaml

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FOUNDATION = ("standaardplan", "traject")
# Drawing a traject is slow; the round-trip tests already draw the full number.
FEWER = settings(max_examples=max(10, settings().max_examples // 4))


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(
        duaal_leren.json_schema(kind), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def errors(kind: str, data: Any) -> list[str]:
    return [error.message for error in validator(kind).iter_errors(data)]


def example_data(name: str) -> dict[str, Any]:
    data, _ = parse_yaml((EXAMPLES / name).read_text(encoding="utf-8"), name)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("kind", [k.name for k in duaal_leren.kinds()])
def test_schema_is_a_valid_draft_2020_12_schema(kind: str) -> None:
    schema = duaal_leren.json_schema(kind)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"]["enum"][-1] == duaal_leren.kind_of(kind).schema
    assert schema["required"][0] == "schema"


@pytest.mark.parametrize("kind", FOUNDATION)
def test_schema_follows_the_model(kind: str) -> None:
    schema = duaal_leren.json_schema(kind)
    cls = duaal_leren.kind_of(kind).cls
    fields = attrs.fields(cls)
    assert list(schema["properties"]) == ["schema", *(f.name for f in fields)]
    required = [f.name for f in fields if f.default is attrs.NOTHING]
    assert schema["required"] == ["schema", *required]
    assert schema["additionalProperties"] is False
    for name, definition in schema["$defs"].items():
        # Every object refuses unknown keys, as the loader does, and says what it is.
        assert definition["additionalProperties"] is False, name
        assert definition["description"], name
    assert duaal_leren.json_schema(cls) == schema


@pytest.mark.parametrize(
    "name", sorted(p.name for p in EXAMPLES.glob("*.yaml") if p.name.startswith(FOUNDATION))
)
def test_shipped_examples_validate(name: str) -> None:
    data = example_data(name)
    kind = duaal_leren.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    assert errors(duaal_leren.kind_of(kind).name, data) == []


def check_valid(document: object) -> None:
    kind = duaal_leren.kind_of(document).name
    data = json.loads(duaal_leren.dump(document, format="json"))
    assert errors(kind, data) == []
    # The YAML text holds the very same data as the JSON text.
    assert parse_yaml(duaal_leren.dump(document, format="yaml"), "<tekst>")[0] == data


@FEWER
@given(plan=strategies.standaardplannen())
def test_generated_standaardplannen_validate(plan: duaal_leren.StandaardOpleidingsplan) -> None:
    check_valid(plan)


@FEWER
@given(traject=strategies.trajecten())
def test_generated_trajecten_validate(traject: duaal_leren.Traject) -> None:
    check_valid(traject)


PLAN = "standaardplan-elektrotechniek.yaml"
TRAJECT = "traject-lotte.yaml"


def broken(name: str, path: tuple[str | int, ...], value: Any = None, *, drop: bool = False) -> Any:
    data = copy.deepcopy(example_data(name))
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    if drop:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param(PLAN, broken(PLAN, ("extra",), "x"), id="unknown key"),
        pytest.param(
            PLAN, broken(PLAN, ("competenties", 0, "leerplatsen"), "school"), id="unknown key deep"
        ),
        pytest.param(PLAN, broken(PLAN, ("versie",), drop=True), id="missing field"),
        pytest.param(
            PLAN,
            broken(PLAN, ("competenties", 3, "omschrijving"), drop=True),
            id="missing field deep",
        ),
        pytest.param(PLAN, broken(PLAN, ("schema",), drop=True), id="missing schema"),
        pytest.param(PLAN, broken(PLAN, ("schema",), "duaal-leren/standaardplan@9"), id="version"),
        pytest.param(
            PLAN, broken(PLAN, ("competenties", 0, "leerplaats"), "thuis"), id="wrong enum"
        ),
        pytest.param(PLAN, broken(PLAN, ("versie",), 2025.1), id="number for text"),
        pytest.param(PLAN, broken(PLAN, ("id",), "  "), id="blank text"),
        pytest.param(PLAN, broken(PLAN, ("beroepskwalificaties", 0), "BK-13"), id="bad BK id"),
        pytest.param(
            PLAN,
            broken(PLAN, ("competenties", 0, "referenties", "bk_competenties", 0), "bkc12"),
            id="bad BK competence",
        ),
        pytest.param(
            PLAN, broken(PLAN, ("competenties", 1, "termijn"), "01/09/2025"), id="bad date form"
        ),
        pytest.param(
            PLAN, broken(PLAN, ("competenties", 1, "termijn"), "2025-02-30"), id="no such date"
        ),
        pytest.param(
            TRAJECT, broken(TRAJECT, ("overeenkomst", "soort"), "contract"), id="wrong contract"
        ),
        pytest.param(
            TRAJECT, broken(TRAJECT, ("werkplek", "ondernemingsnummer"), "2456.712.325"), id="KBO"
        ),
        pytest.param(TRAJECT, broken(TRAJECT, ("weekpatroon", "dagen", 0, "uren"), 25), id="hours"),
        pytest.param(
            TRAJECT, broken(TRAJECT, ("mentor", "leeftijdsuitzondering"), "yes"), id="boolean"
        ),
        pytest.param(TRAJECT, broken(TRAJECT, ("lerende",), "Lotte"), id="text for object"),
    ],
)
def test_broken_documents_do_not_validate(name: str, data: Any) -> None:
    kind = "traject" if name == TRAJECT else "standaardplan"
    assert errors(kind, data)
    # The loader refuses them too.
    with pytest.raises(duaal_leren.DocumentError):
        duaal_leren.loads(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize(
    ("day", "valid"),
    [
        ("1899-12-31", False),
        ("1900-01-01", True),
        ("2025-08-25", True),
        ("2199-12-31", True),
        ("2200-01-01", False),
        ("9999-12-31", False),
    ],
)
def test_schema_and_loader_take_the_same_days(day: str, valid: bool) -> None:
    # The model takes the days from 1900-01-01 to 2199-12-31; the schema says so too.
    data = broken(TRAJECT, ("mentor", "aanstelling"), day)
    assert (errors("traject", data) == []) is valid
    text = json.dumps(data, ensure_ascii=False)
    if valid:
        duaal_leren.loads(text)
    else:
        with pytest.raises(duaal_leren.DocumentError):
            duaal_leren.loads(text)


def test_schema_describes_the_days_a_date_may_name() -> None:
    schema = duaal_leren.json_schema("traject")
    aanstelling = schema["$defs"]["Mentor"]["properties"]["aanstelling"]
    assert "1900-01-01" in json.dumps(aanstelling)
    assert "2199-12-31" in json.dumps(aanstelling)
