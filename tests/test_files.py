"""Files the library writes are written whole or not at all, with the usual permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import duaal_leren
from duaal_leren._files import write_atomic


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("umask_022")
def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    written = write_atomic(tmp_path / "tabel.csv", "a,b\r\n")
    assert mode(written) == 0o644
    assert written.read_bytes() == b"a,b\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tabel.csv"]


@pytest.mark.usefixtures("umask_022")
def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "gedeeld.ics"
    target.write_bytes(b"old")
    target.chmod(0o664)
    write_atomic(target, b"new")
    assert mode(target) == 0o664
    assert target.read_bytes() == b"new"


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "oud.csv"
    target.write_text("oud", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "nieuw")
    assert target.read_text(encoding="utf-8") == "oud"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oud.csv"]


@pytest.mark.usefixtures("umask_022")
def test_calendars_and_tables_are_readable_by_others(tmp_path: Path) -> None:
    traject = duaal_leren.load_traject(
        Path(__file__).parent.parent / "examples" / "traject-lotte.yaml"
    )
    schema = duaal_leren.plan_opvolging(traject)
    ics = duaal_leren.save_ical(schema, tmp_path / "lotte.ics")
    assert mode(ics) == 0o644
    progress = duaal_leren.voortgang(traject, today="2026-01-15")
    assert mode(progress.to_csv(tmp_path / "voortgang.csv")) == 0o644
