"""`duaal-leren schema`: the JSON Schema of a document kind."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

import duaal_leren

from ._helpers import assert_clean_failure, run


@pytest.mark.parametrize("kind", ["traject", "standaardplan"])
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
