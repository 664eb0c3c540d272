"""`duaal-leren schema`: the JSON Schema of a document kind."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

import duaal_leren

from ._helpers import assert_clean_failure, run


@pytest.mark.parametrize("kind", ["traject", "standaardplan", "aanwezigheden"])
def test_schema_prints_the_json_schema(kind: str) -> None:
    status, out = run(["schema", kind])
    assert status == 0
    schema = json.loads(out)
    assert schema == duaal_leren.json_schema(kind)
    Draft202012Validator.check_schema(schema)


def test_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(["schema", "rapport"])
    err = assert_clean_failure(capsys, status)
    assert out == ""
    assert "onbekende documentsoort" in err
    assert "traject" in err


def test_the_schema_of_attendance_accepts_the_example() -> None:
    from pathlib import Path

    status, out = run(["schema", "aanwezigheden"])
    assert status == 0
    root = Path(__file__).resolve().parent.parent.parent
    record = duaal_leren.load(root / "examples" / "aanwezigheden-noor-2025-10.yaml")
    data = json.loads(duaal_leren.dump(record, format="json"))
    Draft202012Validator(json.loads(out)).validate(data)
    assert not Draft202012Validator(json.loads(out)).is_valid({**data, "traject": ""})
