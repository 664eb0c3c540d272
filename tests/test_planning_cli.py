"""`duaal-leren planning` and `kalender`: what they read, what they write, what they print."""

from __future__ import annotations

import errno
import io
import os
import tracemalloc
from pathlib import Path

import attrs
import pytest

import duaal_leren
from duaal_leren._planning_cli import _bestanden, ics_bestandsnaam
from duaal_leren.cli import main

ROOT = Path(__file__).resolve().parent.parent
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
    status, _ = run("planning", str(folder), "--cadence", "2/jaar", "--ics-dir", str(ics))
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
        found = _bestanden([str(tmp_path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.name for p in found] == ["a.yaml"]
    assert peak < 2_000_000


# --- what is printed --------------------------------------------------------------------------


def test_the_plan_carries_no_terminal_escape(tmp_path: Path) -> None:
    path = traject_file(tmp_path, "a.yaml", "TRJ-A", onderneming="Elektro\x1b[2J\x9b")
    status, out = run("planning", str(path), "--cadence", "2/jaar")
    assert status == 0
    assert "\x1b" not in out
    assert "\x9b" not in out
    assert "Elektro\\x1b[2J\\x9b" in out


def test_the_school_calendar_carries_no_terminal_escape(tmp_path: Path) -> None:
    text = (EXAMPLES / "schoolkalender-de-vonk-2025-2026.yaml").read_text("utf-8")
    eigen = duaal_leren.loads(text)
    school = duaal_leren.save(
        attrs.evolve(eigen, school="De Vonk\x1b]0;x\x07"), tmp_path / "school.yaml"
    )
    status, out = run("kalender", "--school", str(school))
    assert status == 0
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "De Vonk\\x1b]0;x\\x07" in out
