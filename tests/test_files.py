"""Files the library writes are written whole or not at all, with the usual permissions,
and a file that cannot be written is named with the reason, never a temporary file."""

from __future__ import annotations

import errno
import os
import stat
import threading
import time
from pathlib import Path

import pytest

import duaal_leren
from duaal_leren._files import (
    TEMP_SUFFIX,
    WriteError,
    check_writable,
    read_head,
    write_atomic,
    write_together,
)
from duaal_leren.cli import main
from duaal_leren.voortgang import TrajectVoortgang


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
    progress = TrajectVoortgang.from_traject(traject, today="2026-01-15")
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


# --- devices, FIFOs and other files that are not regular ----------------------------------


def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    # More than a pipe holds, so that the writer must wait for the reader.
    payload = b"0123456789abcdef" * 20_000
    # The read end is opened first and without waiting: a writer that replaced the FIFO
    # instead of opening it then leaves the reader with nothing, and the test cannot hang.
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    received = bytearray()

    def read() -> None:
        deadline = time.monotonic() + 10
        while len(received) < len(payload) and time.monotonic() < deadline:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                chunk = b""
            if not chunk:
                time.sleep(0.01)
            received.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert write_atomic(fifo, payload) == fifo
        reader.join(timeout=20)
    finally:
        os.close(fd)
    assert bytes(received) == payload
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pijp"]


def _keep_dev_null(before: os.stat_result) -> None:
    """Put /dev/null back if a broken writer replaced it (the tests run as root)."""
    after = os.stat("/dev/null")
    if not stat.S_ISCHR(after.st_mode) and os.geteuid() == 0:
        os.unlink("/dev/null")
        os.mknod("/dev/null", 0o666 | stat.S_IFCHR, before.st_rdev)
        os.chmod("/dev/null", 0o666)  # noqa: S103 - as /dev/null always is


def test_dev_null_stays_a_device() -> None:
    before = os.stat("/dev/null")
    assert stat.S_ISCHR(before.st_mode)
    try:
        assert write_atomic("/dev/null", "weg\n") == Path("/dev/null")
        after = os.stat("/dev/null")
    finally:
        _keep_dev_null(before)
    assert stat.S_ISCHR(after.st_mode)
    assert after.st_rdev == before.st_rdev
    assert stat.S_IMODE(after.st_mode) == stat.S_IMODE(before.st_mode)
    assert check_writable("/dev/null") == Path("/dev/null")


# --- names, owners, links and what a crash leaves ----------------------------------------


def test_a_name_of_255_bytes_can_be_written(tmp_path: Path) -> None:
    # The temporary file beside it must still fit in a folder entry (NAME_MAX).
    for name in ("v" * 251 + ".csv", "é" * 125 + ".csv"):
        assert len(name.encode()) in (254, 255)
        written = write_atomic(tmp_path / name, "a,b\n")
        assert written.read_bytes() == b"a,b\n"
        write_atomic(tmp_path / name, "c,d\n")
        assert written.read_bytes() == b"c,d\n"
    assert len(list(tmp_path.iterdir())) == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another user")
def test_a_replaced_file_keeps_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "gedeeld.csv"
    target.write_bytes(b"oud")
    os.chown(target, 4242, 4343)
    write_atomic(target, "nieuw")
    assert (target.stat().st_uid, target.stat().st_gid) == (4242, 4343)
    assert target.read_bytes() == b"nieuw"


def test_a_hard_link_keeps_the_old_content(tmp_path: Path) -> None:
    # As documented: the file is replaced whole, so another name of the old file (a
    # snapshot made with hard links, say) keeps what it had.
    target = tmp_path / "tabel.csv"
    target.write_bytes(b"oud")
    other = tmp_path / "snapshot.csv"
    os.link(target, other)
    write_atomic(target, "nieuw")
    assert target.read_bytes() == b"nieuw"
    assert other.read_bytes() == b"oud"


def test_the_folder_is_synced_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomic(tmp_path / "tabel.csv", "a")
    assert synced == ["file", "folder"]


def test_a_folder_that_cannot_be_synced_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    assert write_atomic(tmp_path / "tabel.csv", "a").read_bytes() == b"a"


def test_temporary_files_of_killed_writes_are_cleaned_up(tmp_path: Path) -> None:
    target = tmp_path / "tabel.csv"
    stale = tmp_path / f".tabel.csv.0123abcd{TEMP_SUFFIX}"
    fresh = tmp_path / f".tabel.csv.89abcdef{TEMP_SUFFIX}"
    other = tmp_path / f".andere.csv.0123abcd{TEMP_SUFFIX}"
    own = tmp_path / ".tabel.csv.bak"
    for path in (stale, fresh, other, own):
        path.write_bytes(b"half")
    an_hour_ago = time.time() - 3600
    for path in (stale, other, own):
        os.utime(path, (an_hour_ago, an_hour_ago))
    write_atomic(target, "a")
    # Only an old one of this file's own: another write may still be busy with a new one.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, fresh.name, other.name, own.name]
    )


def test_write_together_writes_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "grafiek.svg"
    second = tmp_path / "tabel.csv"
    second.write_bytes(b"oud")
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").endswith(TEMP_SUFFIX) and ".tabel" in (
            os.readlink(f"/proc/self/fd/{fd}")
        ):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)

    def write_both() -> None:
        with write_together():
            write_atomic(first, "<svg/>")
            assert not first.exists()
            write_atomic(second, "nieuw")

    with pytest.raises(WriteError, match="de schijf is vol"):
        write_both()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tabel.csv"]
    assert second.read_bytes() == b"oud"
    monkeypatch.setattr(os, "fsync", real_fsync)
    with write_together():
        write_atomic(first, "<svg/>")
        write_atomic(second, "nieuw")
    assert (first.read_bytes(), second.read_bytes()) == (b"<svg/>", b"nieuw")


def test_read_head_reads_only_the_head(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(b"x" * 10_000)
    assert read_head(path, 100) == b"x" * 100
    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    # A FIFO is no file: nothing is read from it, and nothing waits for a writer.
    assert read_head(fifo, 100) == b""


# --- the collector paused for a bulk load --------------------------------------------------------


def test_the_collector_is_paused_in_a_bulk_load_and_restored_after() -> None:
    import gc

    from duaal_leren._files import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer load still runs
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), collector_paused():
        _ = 1 / 0
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_program_stays_off() -> None:
    import gc

    from duaal_leren._files import collector_paused

    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_concurrent_bulk_loads_restore_the_collector_when_the_last_ends() -> None:
    import gc

    from duaal_leren._files import collector_paused

    inside, release = threading.Event(), threading.Event()

    def load() -> None:
        with collector_paused():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=load)
    thread.start()
    inside.wait(10)
    with collector_paused():
        pass
    assert not gc.isenabled()  # the thread's load still runs
    release.set()
    thread.join(10)
    assert gc.isenabled()
