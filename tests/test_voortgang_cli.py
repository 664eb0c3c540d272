"""`duaal-leren voortgang`: one traject's progress, or the matrix of a cohort."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from duaal_leren.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LOTTE = str(EXAMPLES / "traject-lotte.yaml")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_one_traject_as_text() -> None:
    status, out = run("voortgang", LOTTE, "--today", "2026-02-28")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Voortgang van traject TRJ-2025-0042 (lerende LRN-2025-0042) op 2026-02-28"
    assert any(line.startswith("  Risico: JA; 60% van de contractperiode") for line in lines)
    assert (
        "  Voorgestelde leerfocus: ELT-13 (termijn 2026-02-13), ELT-09, ELT-11, ELT-25, ELT-15"
        in lines
    )


def test_one_traject_in_english_json_csv_and_html() -> None:
    status, out = run(
        "--lang", "en", "voortgang", LOTTE, "--today", "2026-02-28", "--format", "json"
    )
    assert status == 0
    data = json.loads(out)
    assert data["traject"] == "TRJ-2025-0042"
    assert data["risico"]["reden"].startswith("60% of the contract period")
    _, out = run("voortgang", LOTTE, "--today", "2026-02-28", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:2] == ["code", "omschrijving"]
    assert len(rows) == 29
    _, out = run("voortgang", LOTTE, "--today", "2026-02-28", "--format", "html")
    assert out.startswith("<!DOCTYPE html>")


def test_a_directory_gives_the_matrix() -> None:
    status, out = run("voortgang", str(EXAMPLES), "--today", "2026-05-20")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["lerende", "traject", "ELT-01", "ELT-02"]
    assert lines[1].startswith("LRN-2025-0042  TRJ-2025-0042  S ")
    assert lines[1].endswith("!")
    assert not lines[2].endswith("!")
    assert lines[-1].startswith("! LRN-2025-0042: ")


def test_a_single_file_with_a_filter_gives_the_matrix_too() -> None:
    status, out = run("voortgang", LOTTE, "--mentor", "Koen Vermeulen", "--format", "json")
    assert status == 0
    assert [row["lerende"] for row in json.loads(out)["lerenden"]] == ["LRN-2025-0042"]


def test_filters_and_csv_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "matrix.csv"
    status, out = run(
        "voortgang",
        str(EXAMPLES),
        "--trajectbegeleider",
        "pieter goossens",
        "--format",
        "csv",
        "--today",
        "2026-03-01",
        "--output",
        str(target),
    )
    assert (status, out) == (0, "")
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r[0] for r in rows[1:]] == ["LRN-2025-0057"]


def test_html_of_the_matrix() -> None:
    status, out = run("voortgang", str(EXAMPLES), "--format", "html", "--today", "2026-03-01")
    assert status == 0
    assert "<table>" in out
    assert "LRN-2025-0057" in out


def test_charts_are_saved_beside_the_output(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    chart = tmp_path / "lotte.png"
    status, _ = run("voortgang", LOTTE, "--today", "2026-06-30", "--grafiek", str(chart))
    assert status == 0
    assert chart.read_bytes().startswith(b"\x89PNG")
    heat = tmp_path / "cohort.svg"
    status, _ = run("voortgang", str(EXAMPLES), "--today", "2026-06-30", "--grafiek", str(heat))
    assert status == 0
    assert "<svg" in heat.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--today", "1 maart"], "--today"),
        (["--grafiek", "x.pdf"], ".png"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run("voortgang", LOTTE, *argv)
    assert (status, out) == (2, "")
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_unreadable_trajecten_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(EXAMPLES / "traject-milan.yaml", tmp_path)
    (tmp_path / "kapot.yaml").write_text("schema: duaal-leren/traject@1\nid: x\n", encoding="utf-8")
    status, out = run("voortgang", str(tmp_path))
    assert (status, out) == (2, "")
    assert "kapot.yaml" in capsys.readouterr().err


def test_a_standard_plan_is_no_traject(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("voortgang", str(EXAMPLES / "standaardplan-elektrotechniek.yaml"))
    assert status == 2
    assert "traject" in capsys.readouterr().err


def test_the_command_is_listed_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "voortgang" in capsys.readouterr().out
