"""SARIF 2.1.0 output: `Reports.to_sarif` and ``duaal-leren validate --format sarif``."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import duaal_leren
from duaal_leren.cli import main
from duaal_leren.validation import RULES, Finding, Report, Reports, Severity

ROOT = Path(__file__).parents[1]
EXAMPLES = ROOT / "examples"
BROKEN = ROOT / "tests" / "data" / "traject-kapot.yaml"
SHOWN = "tests/data/traject-kapot.yaml"
TODAY = "2025-10-01"


@pytest.fixture(autouse=True)
def _workspace(monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's root as GitHub's workspace, whether the tests run on GitHub or not."""
    monkeypatch.setenv("GITHUB_WORKSPACE", str(ROOT))


def run(*argv: str) -> tuple[int, dict[str, Any]]:
    out = io.StringIO()
    status = main(["validate", "--format", "sarif", "--today", TODAY, *argv], out=out)
    return status, json.loads(out.getvalue())


def line_of(text: str) -> int:
    lines = BROKEN.read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_broken_file_gives_one_result_per_finding_with_file_and_line() -> None:
    status, sarif = run(str(BROKEN), "--lang", "en")
    assert status == 1
    assert sarif["version"] == "2.1.0"
    [run_] = sarif["runs"]
    driver = run_["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("duaal-leren", duaal_leren.__version__)
    places = {
        r["ruleId"]: (
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in run_["results"]
    }
    assert places == {
        "verwijzing-onbekend": ("error", SHOWN, line_of("- ELT-99")),
        "alloc-niet-gedekt": ("error", SHOWN, line_of("leerplaats: niet-gedekt")),
        "mentor-ervaring": ("error", SHOWN, line_of("ervaring_jaren: 3")),
    }
    messages = [r["message"]["text"] for r in run_["results"]]
    assert "$.mentor.ervaring_jaren: the mentor has 3 years of experience" in " ".join(messages)


def test_every_rule_with_a_finding_is_described_in_the_language_asked() -> None:
    for lang in ("nl", "en"):
        _, sarif = run(str(BROKEN), "--lang", lang)
        driver = sarif["runs"][0]["tool"]["driver"]
        rules = {r["id"]: r for r in driver["rules"]}
        assert set(rules) == {r["ruleId"] for r in sarif["runs"][0]["results"]}
        for result in sarif["runs"][0]["results"]:
            # GitHub finds the rule by index as well as by id.
            assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        rule = RULES["mentor-ervaring"]
        described = rules["mentor-ervaring"]
        assert described["shortDescription"]["text"] == rule.text(lang)
        assert rule.source in described["fullDescription"]["text"]
        assert rule.source in described["help"]["text"]
        assert described["defaultConfiguration"]["level"] == "error"


def test_the_examples_give_no_results_and_no_rules() -> None:
    status, sarif = run(str(EXAMPLES))
    assert status == 0
    assert sarif["runs"][0]["results"] == []
    assert sarif["runs"][0]["tool"]["driver"]["rules"] == []


def test_levels_and_findings_without_a_file_or_line() -> None:
    findings = tuple(
        Finding(f"eigen-{s.value}", s, "$", "fout", "wrong", "practice") for s in Severity
    )
    sarif = json.loads(Reports((Report(findings),)).to_sarif("en"))
    results = sarif["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    # Without a file there is nothing to point at; a rule no registry knows is still described.
    assert all("locations" not in r for r in results)
    described = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["shortDescription"]["text"] for r in described] == sorted(f.code for f in findings)
    assert all("practice" in r["help"]["text"] for r in described)


def test_a_line_is_left_out_where_it_is_unknown_and_paths_become_uris() -> None:
    finding = Finding("eigen", Severity.ERROR, "$", "fout", "wrong", "practice")
    sarif = json.loads(Reports((Report((finding,), "plannen/mijn plan.yaml"),)).to_sarif())
    [location] = sarif["runs"][0]["results"][0]["locations"]
    assert location["physicalLocation"] == {"artifactLocation": {"uri": "plannen/mijn%20plan.yaml"}}


def test_sarif_is_one_of_the_settings_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.duaal-leren]\nformat = "sarif"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    assert main(["validate", str(EXAMPLES), "--today", TODAY], out=out) == 0
    assert json.loads(out.getvalue())["version"] == "2.1.0"


# The official schema, copied unchanged (tests/data/README.md says from where).
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_output_follows_the_sarif_schema(lang: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    _, sarif = run(str(EXAMPLES), str(BROKEN), "--lang", lang)
    finding = Finding("eigen", Severity.INFO, "$", "fout", "wrong", "practice")
    extra = json.loads(Reports((Report((finding,)),)).to_sarif(lang))
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    for document in (sarif, extra):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
        assert errors == []
    assert sarif["runs"][0]["results"]


def test_the_schema_check_finds_what_sarif_forbids() -> None:
    # The check above can fail: a level SARIF does not know and a line 0 are refused.
    jsonschema = pytest.importorskip("jsonschema")
    _, sarif = run(str(BROKEN))
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    result = sarif["runs"][0]["results"][0]
    result["level"] = "fatal"
    result["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(sarif))
    assert len(errors) == 2
