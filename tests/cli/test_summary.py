"""`duaal-leren summary`: a traject or a standard plan in a few lines, in either language."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import duaal_leren

from ._helpers import assert_clean_failure, run

ESCAPE = "\x1b[31m"


def test_summary_of_the_traject(traject_path: Path) -> None:
    status, out = run(["summary", str(traject_path)])
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Traject TRJ-2025-0042"
    assert "  Lerende: LRN-2025-0042" in lines
    assert "  Overeenkomst: OAO 2025-09-01 tot 2026-06-30" in lines
    # The summary can be pasted anywhere: it does not name the learner.
    assert "Lotte" not in out
    assert "Peeters" not in out


def test_summary_of_the_standaardplan(standaardplan_path: Path) -> None:
    status, out = run(["summary", str(standaardplan_path)])
    assert status == 0
    assert out.startswith("Standaardplan elektrotechnisch-installateur-duaal 2025.1: ")
    assert "  28 competenties in 5 clusters; " in out


def test_summary_of_a_json_file(traject: duaal_leren.Traject, tmp_path: Path) -> None:
    path = duaal_leren.save(traject, tmp_path / "traject.json")
    assert run(["summary", str(path)]) == run(["summary", str(tmp_path / "traject.json")])
    status, out = run(["summary", str(path)])
    assert status == 0
    assert out.startswith("Traject TRJ-2025-0042\n")


def test_summary_in_english(traject_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DUAAL_LEREN_LANG", raising=False)
    status, out = run(["--lang", "en", "summary", str(traject_path)])
    assert status == 0
    assert "  Learner: LRN-2025-0042" in out.splitlines()
    assert "  Contract: OAO 2025-09-01 to 2026-06-30" in out.splitlines()
    assert run(["summary", "--lang", "en", str(traject_path)]) == (status, out)
    monkeypatch.setenv("DUAAL_LEREN_LANG", "en")
    assert run(["summary", str(traject_path)]) == (status, out)


def test_summary_of_another_kind_is_a_clean_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    record = Path(__file__).parents[2] / "examples" / "gespreksverslag-opstart-lotte.yaml"
    status, out = run(["summary", str(record)])
    err = assert_clean_failure(capsys, status)
    assert out == ""
    assert "traject" in err


def test_summary_text_carries_no_terminal_escape(
    traject: duaal_leren.Traject, tmp_path: Path
) -> None:
    changed = attrs.evolve(
        traject, werkplek=attrs.evolve(traject.werkplek, onderneming=f"Elektro{ESCAPE}\x9b2J")
    )
    path = duaal_leren.save(changed, tmp_path / "t.yaml")
    status, out = run(["summary", str(path)])
    assert status == 0
    assert "\x1b" not in out
    assert "\x9b" not in out
    assert "Elektro\\x1b[31m\\x9b2J" in out
