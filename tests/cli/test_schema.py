"""`duaal-leren schema`: the JSON Schema of a document kind."""

from __future__ import annotations

import io
import json

import pytest
from jsonschema import Draft202012Validator

import duaal_leren
from duaal_leren.cli import main


def run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    status = main(args, out=out)
    return status, out.getvalue()


def assert_clean_failure(capsys: pytest.CaptureFixture[str], status: int) -> str:
    assert status == 2
    err = capsys.readouterr().err
    assert err.strip()
    assert "Traceback" not in err
    return err


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
