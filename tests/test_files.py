"""Files the library writes are written whole or not at all, with the usual permissions,
and a file that cannot be written is named with the reason, never a temporary file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

import duaal_leren
from duaal_leren._files import WriteError, check_writable, write_atomic
from duaal_leren.cli import main


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


def test_a_missing_folder_is_named_not_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "ontbreekt" / "dieper" / "tabel.csv"
    with pytest.raises(WriteError) as info:
        write_atomic(target, "a,b\r\n")
    error = info.value
    assert str(error) == (
        f"{target} kan niet geschreven worden: de map {tmp_path / 'ontbreekt'} bestaat niet"
    )
    assert error.text("en") == (
        f"cannot write {target}: the folder {tmp_path / 'ontbreekt'} does not exist"
    )
    assert ".tmp" not in str(error)
    assert error.path == str(target)
    # Still the OS error it was, for code that catches those.
    assert isinstance(error, FileNotFoundError)
    assert isinstance(error, duaal_leren.DuaalLerenError)
    assert error.errno == errno.ENOENT
    assert list(tmp_path.iterdir()) == []


def test_a_folder_or_a_file_in_the_way_is_named(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as folder:
        write_atomic(tmp_path, "x")
    assert isinstance(folder.value, WriteError)
    assert str(folder.value) == f"{tmp_path} kan niet geschreven worden: het is een map"
    (tmp_path / "bestand").write_text("", encoding="utf-8")
    with pytest.raises(NotADirectoryError) as file:
        write_atomic(tmp_path / "bestand" / "x.csv", "x")
    assert isinstance(file.value, WriteError)
    assert file.value.text("en").endswith(f"{tmp_path / 'bestand'} is a file, not a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestand"]


def test_no_permission_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(PermissionError) as info:
        write_atomic(tmp_path / "x.csv", "x")
    monkeypatch.setattr(os, "open", real_open)
    assert (
        str(info.value) == f"{tmp_path / 'x.csv'} kan niet geschreven worden: geen schrijfrechten"
    )
    assert info.value.text("en").endswith("no permission to write")


def test_a_symbolic_link_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "echt.csv"
    real.write_text("oud", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert write_atomic(link, "nieuw") == link
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "nieuw"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["echt.csv", "link.csv"]


def test_check_writable_writes_nothing(tmp_path: Path) -> None:
    assert check_writable(tmp_path / "nieuw.csv") == (tmp_path / "nieuw.csv").resolve()
    with pytest.raises(WriteError, match=r"de map .* bestaat niet"):
        check_writable(tmp_path / "geen" / "x.png")
    with pytest.raises(WriteError, match="het is een map"):
        check_writable(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_command_prints_the_reason_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "geen" / "voortgang.txt"
    lotte = str(Path(__file__).parent.parent / "examples" / "traject-lotte.yaml")
    assert main(["--lang", "en", "voortgang", lotte, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"duaal-leren: cannot write {target}: the folder {tmp_path / 'geen'} does not exist\n"
    )
