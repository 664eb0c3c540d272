"""The ``export`` command: ``export case`` and ``export ob3``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_case import errors as case_errors
from test_openbadges import errors as ob3_errors

from ._helpers import assert_clean_failure, run

EXAMPLES = Path(__file__).parent.parent.parent / "examples"
PLAN = str(EXAMPLES / "standaardplan-elektrotechniek.yaml")
LOTTE = str(EXAMPLES / "traject-lotte.yaml")


def test_export_case_prints_a_valid_package() -> None:
    status, out = run(["export", "case", PLAN])
    assert status == 0
    package = json.loads(out)
    assert case_errors(package) == []
    assert package["CFDocument"]["title"] == "Elektrotechnisch installateur duaal"


def test_export_case_is_identical_in_two_processes(tmp_path: Path) -> None:
    outputs = []
    for name in ("een.json", "twee.json"):
        subprocess.run(  # noqa: S603 - this interpreter, our own command
            [sys.executable, "-m", "duaal_leren.cli", "export", "case", PLAN, "-o",
             str(tmp_path / name)],
            check=True,
        )  # fmt: skip
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["CFItems"]


def test_export_case_with_a_base(tmp_path: Path) -> None:
    target = tmp_path / "pakket.json"
    status, out = run(["export", "case", PLAN, "-o", str(target), "--base", "https://x.org/c/"])
    assert (status, out) == (0, "")
    document = json.loads(target.read_text(encoding="utf-8"))["CFDocument"]
    assert document["uri"] == "https://x.org/c/" + document["identifier"]


def test_export_case_of_a_traject_gives_its_plan() -> None:
    status, out = run(["export", "case", LOTTE])
    assert status == 0
    codes = [i.get("humanCodingScheme") for i in json.loads(out)["CFItems"]]
    assert "ELT-X1" in codes
    assert "ELT-18" not in codes


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["export", "case", PLAN, "--base", "geen uri"], "base"),
        (["export", "case", PLAN, "--last-change", "morgen"], "last_change"),
        (["export", "case", "bestaat-niet.yaml"], "bestaat-niet.yaml"),
        (["export", "case", PLAN, "-o", PLAN], "invoerbestanden"),
        (["export", "ob3", LOTTE, "--output", "x", "--today", "30/06"], "--today"),
        (["export", "ob3", PLAN, "--output", "x"], "standaardplan"),
        (["export"], "STANDARD"),
    ],
)
def test_bad_input_is_a_clean_failure(
    capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    status, _ = run(args)
    assert said in assert_clean_failure(capsys, status)


def test_export_ob3_writes_valid_credentials(tmp_path: Path) -> None:
    folder = tmp_path / "badges"
    status, out = run(
        ["export", "ob3", LOTTE, "--output", str(folder), "--today", "2026-06-30", "--salt", "z"]
    )
    assert status == 0
    files = sorted(folder.iterdir())
    assert len(files) == 14
    assert sorted(out.split()) == sorted(str(f) for f in files)
    for file in files:
        assert ob3_errors(json.loads(file.read_text(encoding="utf-8"))) == []
    again = tmp_path / "opnieuw"
    run(["export", "ob3", LOTTE, "--output", str(again), "--today", "2026-06-30", "--salt", "z"])
    assert [f.read_bytes() for f in files] == [f.read_bytes() for f in sorted(again.iterdir())]


def test_export_ob3_derives_the_salt_from_the_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from duaal_leren.openbadges import salt_from_secret

    monkeypatch.setenv("DUAAL_LEREN_OB3_SECRET", "geheim")
    run(["export", "ob3", LOTTE, "--output", str(tmp_path), "--today", "2026-06-30"])
    salts = {
        json.loads(f.read_text(encoding="utf-8"))["credentialSubject"]["identifier"][0]["salt"]
        for f in tmp_path.iterdir()
    }
    assert salts == {salt_from_secret("geheim", "LRN-2025-0042")}


def test_export_ob3_says_when_nothing_is_mastered(tmp_path: Path) -> None:
    status, out = run(
        ["export", "ob3", LOTTE, "--output", str(tmp_path / "b"), "--today", "2025-09-30",
         "--lang", "en"]
    )  # fmt: skip
    assert status == 0
    assert "no badges" in out
