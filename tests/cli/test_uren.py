"""`duaal-leren uren`: planned against actual workplace hours, as text, JSON and CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ._helpers import assert_clean_failure, run

ROOT = Path(__file__).resolve().parent.parent.parent
NOOR = str(ROOT / "examples" / "traject-noor.yaml")
LOTTE = str(ROOT / "examples" / "traject-lotte.yaml")
YAML = str(ROOT / "examples" / "aanwezigheden-noor-2025-10.yaml")
CSV = str(ROOT / "examples" / "aanwezigheden-noor-2025-10.csv")


def test_text_with_the_csv_record() -> None:
    status, out = run(["uren", NOOR, "--aanwezigheden", CSV, "--today", "2025-10-26"])
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Werkplekuren van TRJ-2025-0063, schooljaar 2025-2026 (tot 2025-10-26)"
    # The hand computation of tests/test_uren.py: 24.24, 22.6 and 23.37.
    assert "  gepland gemiddelde per week: 24.2" in lines
    assert "  werkelijk gemiddelde per week: 22.6" in lines
    assert "  prognose voor het jaar: 23.4" in lines
    week = next(line for line in lines if line.startswith("  2025-10-06 – 2025-10-12"))
    assert week.split()[3:] == ["30.4", "15.2", "2", "0", "0", "0", "0", "24.1"]


def test_the_yaml_and_the_csv_record_give_the_same() -> None:
    args = ["uren", NOOR, "--today", "2025-10-26", "--format", "json", "--aanwezigheden"]
    assert run([*args, YAML]) == run([*args, CSV])


def test_json() -> None:
    status, out = run(
        ["uren", NOOR, "--aanwezigheden", YAML, "--today", "2025-10-26", "--format", "json"]
    )
    assert status == 0
    (jaar,) = json.loads(out)
    assert jaar["prognose"] == pytest.approx(864.8 / 37, abs=1e-6)
    assert jaar["jaar"]["ziekte"] == 2


def test_csv_without_a_record() -> None:
    status, out = run(["uren", LOTTE, "--today", "2025-10-01", "--format", "csv"])
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("traject,schooljaar,soort,")
    assert lines[-1].startswith("TRJ-2025-0042,2025-2026,schooljaar,2025-09-01,2026-06-30,")


def test_english() -> None:
    status, out = run(["uren", LOTTE, "--today", "2025-10-01", "--lang", "en"])
    assert status == 0
    assert "  planned average a week: 22.8" in out.splitlines()


def test_a_bad_csv_line_exits_2_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "klok.csv"
    path.write_text(
        "datum,uren,status\n2025-10-06,7.6,aanwezig\n2025-10-07,7.6,weg\n", encoding="utf-8"
    )
    status, out = run(["uren", NOOR, "--aanwezigheden", str(path)])
    err = assert_clean_failure(capsys, status)
    assert out == ""
    assert str(path) in err
    assert "regel 3" in err
    assert "'weg'" in err


def test_a_record_of_another_traject(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run(["uren", LOTTE, "--aanwezigheden", YAML])
    err = assert_clean_failure(capsys, status)
    assert "TRJ-2025-0063" in err


def test_a_document_that_is_no_record(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run(["uren", NOOR, "--aanwezigheden", LOTTE])
    assert "geen aanwezigheidsdocument" in assert_clean_failure(capsys, status)


def test_a_missing_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run(["uren", NOOR, "--aanwezigheden", str(tmp_path / "nergens.csv")])
    assert "nergens.csv" in assert_clean_failure(capsys, status)


def test_the_year_shows_the_hours_the_average_counts() -> None:
    # 180.8 counted (106.4 planned before the record from 29 September, 74.4 worked in
    # it) against 212.8 planned in weeks 1 September - 26 October: 180.8 / 8 = 22.6.
    status, out = run(["uren", NOOR, "--aanwezigheden", CSV, "--today", "2025-10-26"])
    assert status == 0
    lines = out.splitlines()
    assert "  geteld 2025-09-01 – 2025-10-26: 180.8 van 212.8 gepland" in lines
    month = next(line for line in lines if line.startswith("  2025-09 "))
    assert month.split()[1:3] == ["121.6", "-"]  # September: mostly before the record
    status, out = run(
        ["uren", NOOR, "--aanwezigheden", CSV, "--today", "2025-10-26", "--format", "csv"]
    )
    assert out.splitlines()[-1].startswith("TRJ-2025-0063,2025-2026,geteld,2025-09-01,2025-10-26,")
