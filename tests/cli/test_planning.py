"""`duaal-leren planning` and `kalender`: what they read, what they write, what they print."""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import os
import tracemalloc
from pathlib import Path

import attrs
import pytest

import duaal_leren
from duaal_leren._files import document_files
from duaal_leren.cli import main
from duaal_leren.cli._planning import ics_bestandsnaam

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
LOTTE = EXAMPLES / "traject-lotte.yaml"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def traject_file(folder: Path, name: str, traject_id: str, **werkplek: str) -> Path:
    traject = duaal_leren.load_traject(LOTTE)
    traject = attrs.evolve(
        traject,
        id=traject_id,
        werkplek=attrs.evolve(traject.werkplek, **werkplek),
    )
    return duaal_leren.save(traject, folder / name)


# --- one calendar file per traject ------------------------------------------------------------


def test_two_trajecten_never_share_a_calendar_file(tmp_path: Path) -> None:
    folder = tmp_path / "trajecten"
    folder.mkdir()
    ids = ["TRJ/2025/0042", "TRJ 2025 0042", "TRJ-2025-0001", "trj-2025-0001"]
    for i, traject_id in enumerate(ids):
        traject_file(folder, f"t{i}.yaml", traject_id)
    ics = tmp_path / "ics"
    status, _ = run("planning", str(folder), "--cadans", "2/jaar", "--ics-dir", str(ics))
    assert status == 0
    files = sorted(p.name for p in ics.iterdir())
    assert len(files) == 4
    for name in files:
        calendars = (ics / name).read_text("utf-8").count("BEGIN:VEVENT")
        assert calendars >= 2
    # The same names on every run.
    assert sorted(ics_bestandsnaam(ids).values()) == files


def test_a_plain_id_is_its_own_file_name() -> None:
    names = ics_bestandsnaam(["TRJ-2025-0042", "TRJ/2025/0042", "TRJ 2025 0042"])
    assert names["TRJ-2025-0042"] == "TRJ-2025-0042.ics"
    assert names["TRJ/2025/0042"].startswith("TRJ_2025_0042-")
    assert names["TRJ 2025 0042"].startswith("TRJ_2025_0042-")
    assert names["TRJ/2025/0042"] != names["TRJ 2025 0042"]
    assert len(ics_bestandsnaam(["x" * 300])["x" * 300].encode()) < 255


# --- what is read -----------------------------------------------------------------------------


def test_an_unreadable_file_is_named_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    traject_file(tmp_path, "a.yaml", "TRJ-A")
    locked = traject_file(tmp_path, "b.yaml", "TRJ-B")
    real_open = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        # As if the file's mode forbade reading: the tests run as root, who reads anything.
        if os.fspath(name) == str(locked):  # type: ignore[call-overload]
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    status, out = run("planning", str(tmp_path))
    assert (status, out) == (2, "")
    err = capsys.readouterr().err
    assert err.startswith(f"{locked}: 1 probleem\n")
    assert "het bestand kan niet gelezen worden (geen leesrechten)" in err
    assert "Errno" not in err
    status, _ = run("--lang", "en", "planning", str(tmp_path))
    assert "the file cannot be read (no permission to read)" in capsys.readouterr().err


def test_an_empty_name_is_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    traject_file(tmp_path, "a.yaml", "TRJ-A")
    monkeypatch.chdir(tmp_path)
    status, out = run("planning", "")
    assert (status, out) == (2, "")
    assert "een lege bestandsnaam is geen bestand" in capsys.readouterr().err


def test_a_folder_scan_reads_only_the_head_of_a_file(tmp_path: Path) -> None:
    (tmp_path / "data.json").write_bytes(b"[" + b"0," * 10_000_000 + b"0]")
    traject_file(tmp_path, "a.yaml", "TRJ-A")
    tracemalloc.start()
    try:
        found = [path for path, _ in document_files([str(tmp_path)], "traject")]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.name for p in found] == ["a.yaml"]
    assert peak < 2_000_000


# --- what is printed --------------------------------------------------------------------------


def test_the_plan_carries_no_terminal_escape(tmp_path: Path) -> None:
    path = traject_file(tmp_path, "a.yaml", "TRJ-A", onderneming="Elektro\x1b[2J\x9b")
    status, out = run("planning", str(path), "--cadans", "2/jaar")
    assert status == 0
    assert "\x1b" not in out
    assert "\x9b" not in out
    assert "Elektro\\x1b[2J\\x9b" in out


# --- the options, named after the parameters they set -----------------------------------------


def test_the_options_shape_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(
        "planning",
        str(LOTTE),
        "--cadans",
        "4w",
        "--start",
        "2025-10-01",
        "--einde",
        "2026-03-31",
        "--weekdagen",
        "di,do",
        "--tijdstippen",
        "09:30",
        "--duur",
        "45",
        "--bestaande",
        "2025-10-14T11:00",
        "--format",
        "json",
    )
    assert status == 0, capsys.readouterr().err
    [plan] = json.loads(out)["trajecten"]
    assert (plan["start"], plan["einde"]) == ("2025-10-01", "2026-03-31")
    proposed = [g for g in plan["gesprekken"] if not g["bestaand"]]
    assert proposed
    for gesprek in proposed:
        start = dt.datetime.fromisoformat(gesprek["start"])
        assert dt.date(2025, 10, 1) <= start.date() <= dt.date(2026, 3, 31)
        assert start.isoweekday() in (2, 4)
        assert dt.datetime.fromisoformat(gesprek["einde"]) - start == dt.timedelta(minutes=45)
    starts = [g["start"] for g in plan["gesprekken"] if g["bestaand"]]
    assert any(s.startswith("2025-10-14T11:00") for s in starts)


@pytest.mark.parametrize(
    "argv",
    [
        ["--start", "1 oktober"],
        ["--einde", ""],
        ["--weekdagen", "ma,feestdag"],
        ["--tijdstippen", "25:00"],
        ["--bestaande", "TRJ-X=2025-10-01"],
    ],
)
def test_a_bad_option_is_a_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run("planning", str(LOTTE), *argv)
    assert (status, out) == (2, "")
    err = capsys.readouterr().err
    assert argv[0] in err
    assert "Traceback" not in err
