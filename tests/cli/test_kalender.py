"""`duaal-leren kalender`: the calendar of a school year, with a school's own days."""

from __future__ import annotations

import io
from pathlib import Path

import attrs

import duaal_leren
from duaal_leren.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_the_school_calendar_carries_no_terminal_escape(tmp_path: Path) -> None:
    text = (EXAMPLES / "schoolkalender-de-vonk-2025-2026.yaml").read_text("utf-8")
    eigen = duaal_leren.loads(text)
    school = duaal_leren.save(
        attrs.evolve(eigen, school="De Vonk\x1b]0;x\x07"), tmp_path / "school.yaml"
    )
    status, out = run("kalender", "--eigen", str(school))
    assert status == 0
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "De Vonk\\x1b]0;x\\x07" in out
