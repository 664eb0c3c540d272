"""`duaal-leren voortgang`: one traject's progress, or the matrix of a cohort."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from duaal_leren.cli import main

ROOT = Path(__file__).resolve().parents[2]
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


def test_a_directory_gives_the_matrix(tmp_path: Path) -> None:
    # Lotte's and Milan's trajecten in a folder of their own: the figures are theirs.
    for name in ("traject-lotte.yaml", "traject-milan.yaml"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    status, out = run("voortgang", str(tmp_path), "--today", "2026-05-20")
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
        str(EXAMPLES / "traject-lotte.yaml"),
        str(EXAMPLES / "traject-milan.yaml"),
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


def test_an_output_never_overwrites_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.yaml"
    shutil.copy(LOTTE, copy)
    before = copy.read_bytes()
    status, out = run("voortgang", str(copy), "-o", str(copy))
    assert (status, out) == (2, "")
    assert "het is een van de invoerbestanden; kies een ander bestand voor --output" in (
        capsys.readouterr().err
    )
    assert copy.read_bytes() == before
    # A file read from a folder counts too, and so does the chart, by any name.
    link = tmp_path / "grafiek.png"
    link.symlink_to(copy)
    status, out = run("voortgang", str(copy), "--grafiek", str(link))
    assert (status, out) == (2, "")
    assert f"het is een van de invoerbestanden ({copy}); kies een ander bestand voor --grafiek" in (
        capsys.readouterr().err
    )
    assert copy.read_bytes() == before
    status, out = run("voortgang", str(tmp_path), "--format", "csv", "--output", str(copy))
    assert (status, out) == (2, "")
    assert copy.read_bytes() == before


def test_nothing_is_written_when_one_output_cannot_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "voortgang.csv"
    chart = tmp_path / "BAD" / "x.png"
    status, out = run(
        "voortgang", LOTTE, "--format", "csv", "-o", str(target), "--grafiek", str(chart)
    )
    assert (status, out) == (2, "")
    assert f"de map {tmp_path / 'BAD'} bestaat niet" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    # Nor is anything printed.
    status, out = run("voortgang", str(EXAMPLES), "--grafiek", str(chart))
    assert (status, out) == (2, "")
    assert "bestaat niet" in capsys.readouterr().err


def test_output_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    status, out = run("voortgang", LOTTE, "--today", "2026-02-28", "--format", "json", "-o", "-")
    assert status == 0
    assert json.loads(out)["traject"] == "TRJ-2025-0042"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("drempel", ["nan", "inf", "-inf", "-1", "100.5", "tien"])
def test_the_risk_threshold_is_a_number_from_0_to_100(
    drempel: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run("voortgang", LOTTE, f"--risicodrempel={drempel}", "--format", "json")
    assert (status, out) == (2, "")
    assert "0 tot 100" in capsys.readouterr().err


def test_the_risk_threshold_bounds_are_accepted() -> None:
    for drempel in ("0", "100", "12.5"):
        status, out = run(
            "voortgang",
            LOTTE,
            "--today",
            "2026-02-28",
            "--risicodrempel",
            drempel,
            "--format",
            "json",
        )
        assert status == 0
        assert json.loads(out)["risico"]["drempel"] == float(drempel)


def test_the_same_traject_twice_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(LOTTE, tmp_path / "a.yaml")
    shutil.copy(LOTTE, tmp_path / "b.yaml")
    status, out = run("voortgang", str(tmp_path))
    assert (status, out) == (2, "")
    err = capsys.readouterr().err
    assert "traject TRJ-2025-0042 komt twee keer voor" in err
    assert "b.yaml" in err
    status, out = run("--lang", "en", "voortgang", LOTTE, LOTTE)
    assert (status, out) == (2, "")
    assert "traject TRJ-2025-0042 occurs twice" in capsys.readouterr().err


def test_no_trajecten_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run("voortgang", str(tmp_path))
    assert (status, out) == (2, "")
    assert f"geen trajecten gevonden in {tmp_path}" in capsys.readouterr().err
    status, out = run("--lang", "en", "voortgang", str(EXAMPLES), "--mentor", "niemand")
    assert (status, out) == (2, "")
    err = capsys.readouterr().err
    assert "no trajecten in" in err
    assert "match --mentor 'niemand'" in err


def test_output_to_dev_null_keeps_it_a_device() -> None:
    before = os.stat("/dev/null")
    try:
        status, out = run("voortgang", LOTTE, "--today", "2026-02-28", "-o", "/dev/null")
        after = os.stat("/dev/null")
    finally:
        # Put /dev/null back if a broken writer replaced it (the tests run as root).
        if not stat.S_ISCHR(os.stat("/dev/null").st_mode) and os.geteuid() == 0:
            os.unlink("/dev/null")
            os.mknod("/dev/null", 0o666 | stat.S_IFCHR, before.st_rdev)
            os.chmod("/dev/null", 0o666)  # noqa: S103 - as /dev/null always is
    assert (status, out) == (0, "")
    assert stat.S_ISCHR(after.st_mode)
    assert after.st_rdev == before.st_rdev


def test_the_chart_is_not_kept_when_the_table_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    table = tmp_path / "voortgang.csv"
    chart = tmp_path / "grafiek.svg"
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        # The disk fills up while the table is written, after the chart.
        if ".voortgang.csv." in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    status, out = run(
        "voortgang", LOTTE, "--today", "2026-02-28", "--format", "csv",
        "-o", str(table), "--grafiek", str(chart),
    )  # fmt: skip
    assert (status, out) == (2, "")
    assert f"{table} kan niet geschreven worden: de schijf is vol" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["voortgang", LOTTE, "--today", ""],
        ["validate", LOTTE, "--today", ""],
        ["leidraad", "status", str(EXAMPLES / "gespreksverslag-opstart-lotte.yaml"), "--today", ""],
    ],
)
def test_an_empty_today_is_an_error_in_every_command(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run(*argv)
    assert (status, out) == (2, "")
    assert "--today" in capsys.readouterr().err


def test_an_empty_name_is_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(LOTTE, tmp_path / "lotte.yaml")
    monkeypatch.chdir(tmp_path)
    status, out = run("voortgang", "", "--today", "2026-02-28")
    assert (status, out) == (2, "")
    assert "een lege bestandsnaam is geen bestand" in capsys.readouterr().err


def test_the_text_carries_no_terminal_escape(tmp_path: Path) -> None:
    import attrs

    import duaal_leren

    traject = duaal_leren.load_traject(LOTTE)
    traject = attrs.evolve(traject, id="TRJ\x1b[2J\x9b")
    path = duaal_leren.save(traject, tmp_path / "t.yaml")
    for argv in ([str(path)], [str(tmp_path), "--school", traject.school.naam]):
        status, out = run("voortgang", *argv, "--today", "2026-02-28")
        assert status == 0
        assert "\x1b" not in out
        assert "\x9b" not in out
        assert "TRJ\\x1b[2J\\x9b" in out
