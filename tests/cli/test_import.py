"""The ``import`` command: ``import case``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import duaal_leren

from ._helpers import assert_clean_failure, run

ROOT = Path(__file__).parent.parent.parent
PLAN = ROOT / "examples" / "standaardplan-elektrotechniek.yaml"
FIXTURE = ROOT / "tests" / "data" / "case-opensalt-fixture.json"


def test_export_import_export_reproduces_the_package(tmp_path: Path) -> None:
    package, plan = tmp_path / "pakket.json", tmp_path / "plan.yaml"
    assert run(["export", "case", str(PLAN), "-o", str(package)])[0] == 0
    status, out = run(["import", "case", str(package), "-o", str(plan)])
    assert status == 0
    assert "28 competenties; 0 opmerkingen" in out
    assert duaal_leren.load(plan) == duaal_leren.load(PLAN)
    status, again = run(["export", "case", str(plan)])
    assert again == package.read_text(encoding="utf-8")


def test_what_does_not_map_is_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "plan.yaml"
    status, out = run(["import", "case", str(FIXTURE), "-o", str(target), "--lang", "en"])
    assert status == 0
    err = capsys.readouterr().err
    assert f"{FIXTURE}:9: $.CFDocument.publisher: CFDocument.publisher is not kept" in err
    assert "isPeerOf" in err
    assert "3 competences" in out
    assert [c.code for c in duaal_leren.load(target).competenties] == ["D1.1", "D1.2", "D2.1"]


def test_values_ignored_or_replaced_are_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package, target = tmp_path / "pakket.json", tmp_path / "plan.yaml"
    assert run(["export", "case", str(PLAN), "-o", str(package)])[0] == 0
    data = json.loads(package.read_text(encoding="utf-8"))
    data["CFDocument"]["title"] = ""
    index = next(i for i, item in enumerate(data["CFItems"]) if "humanCodingScheme" in item)
    data["CFItems"][index]["extensions"]["duaal-leren"]["positie"] = "x"
    package.write_text(json.dumps(data, indent=2), encoding="utf-8")
    status, out = run(["import", "case", str(package), "-o", str(target)])
    assert status == 0
    assert "28 competenties; 2 opmerkingen" in out
    err = capsys.readouterr().err
    assert "$.CFDocument.title: lege title: het id van het plan wordt de opleiding" in err
    assert f"$.CFItems[{index}].extensions.duaal-leren.positie: 'x' is geen geldige positie" in err


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("{ geen json", "regel 1, $: geen geldige JSON"),
        ("[1, 2]", "geen CASE-pakket"),
        ('{"CFDocument": {"identifier": "x"}}', "$.CFDocument.identifier: 'x' is geen UUID"),
    ],
)
def test_bad_input_is_a_clean_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, said: str
) -> None:
    package = tmp_path / "pakket.json"
    package.write_text(text, encoding="utf-8")
    target = tmp_path / "plan.yaml"
    status, _ = run(["import", "case", str(package), "-o", str(target)])
    err = assert_clean_failure(capsys, status)
    assert str(package) in err
    assert said in err
    assert not target.exists()


def test_a_missing_package_and_a_missing_output(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run(["import", "case", "weg.json", "-o", "plan.yaml"])
    assert "weg.json" in assert_clean_failure(capsys, status)
    status, _ = run(["import", "case", str(FIXTURE)])
    assert "--output" in assert_clean_failure(capsys, status)
    status, _ = run(["import", "case", str(FIXTURE), "-o", str(FIXTURE)])
    assert_clean_failure(capsys, status)
    assert json.loads(FIXTURE.read_text(encoding="utf-8"))["CFItems"]
