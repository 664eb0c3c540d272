"""The GitHub Action of ``action.yml``: its inputs, and its shell steps run here."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
BROKEN = "tests/data/traject-kapot.yaml"
TODAY = "--today 2025-10-01"

BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(BASH is None, reason="the steps run in bash")


def step(name: str) -> dict[str, Any]:
    return next(s for s in STEPS if s.get("name") == name)


def substitute(command: str, **inputs: str) -> str:
    """The command as GitHub runs it: the expressions replaced by the inputs' values."""
    values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    values.update({name.replace("_", "-"): value for name, value in inputs.items()})

    def value(match: re.Match[str]) -> str:
        expression = match.group(1)
        if expression == "github.action_path":
            return str(ROOT)
        assert expression.startswith("inputs."), expression
        return values[expression.removeprefix("inputs.")]

    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", value, command)


def run_step(name: str, **inputs: str) -> subprocess.CompletedProcess[str]:
    command = substitute(step(name)["run"], **inputs)
    # The command line of the environment the tests run in, as the install step gives it.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env["GITHUB_WORKSPACE"] = str(ROOT)
    assert BASH is not None
    return subprocess.run(  # noqa: S603 - the action's own step, with the test's inputs
        [BASH, "-e", "-c", command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_every_input_is_documented_and_has_a_default() -> None:
    assert ACTION["runs"]["using"] == "composite"
    inputs = ACTION["inputs"]
    assert set(inputs) == {"paths", "python-version", "args", "sarif", "upload-sarif"}
    for name, spec in inputs.items():
        assert spec.get("description"), name
        assert "default" in spec, name
    assert (inputs["paths"]["default"], inputs["upload-sarif"]["default"]) == (".", "false")
    docs = (ROOT / "docs" / "validation.md").read_text("utf-8")
    assert all(f"`{name}`" in docs for name in inputs)


def test_every_shell_step_names_its_shell() -> None:
    # A composite action's run steps fail on GitHub without one.
    assert all(s.get("shell") == "bash" for s in STEPS if "run" in s)


def test_the_install_step_installs_the_action_itself() -> None:
    assert substitute(step("Install duaal-leren")["run"]).endswith(f'"{ROOT}"')


def test_the_validate_step_passes_on_the_examples() -> None:
    result = run_step("Validate", paths="examples", args=TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def test_the_validate_step_fails_with_annotations() -> None:
    result = run_step("Validate", paths=f"examples {BROKEN}", args=f"{TODAY} --lang en")
    assert result.returncode == 1
    assert f"::error file={BROKEN},line=" in result.stdout
    assert "title=mentor-ervaring::" in result.stdout


def test_the_sarif_step_writes_the_findings_even_when_they_fail(tmp_path: Path) -> None:
    sarif = tmp_path / "duaal-leren.sarif"
    result = run_step("Write SARIF", paths=BROKEN, args=TODAY, sarif=str(sarif))
    assert result.returncode == 0, result.stderr
    results = json.loads(sarif.read_text("utf-8"))["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {
        "alloc-niet-gedekt",
        "mentor-ervaring",
        "verwijzing-onbekend",
    }
    assert "inputs.sarif != ''" in step("Write SARIF")["if"]


def test_the_sarif_step_still_fails_on_unreadable_files(tmp_path: Path) -> None:
    result = run_step(
        "Write SARIF", paths="no-such-file.yaml", args=TODAY, sarif=str(tmp_path / "out.sarif")
    )
    assert result.returncode != 0


def test_upload_only_when_asked() -> None:
    upload = next(s for s in STEPS if "upload-sarif" in s.get("uses", ""))
    assert "inputs.upload-sarif == 'true'" in upload["if"]
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif }}"
