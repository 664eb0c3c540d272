"""Files written whole or not at all, files read within bounds, and errors that name the file.

Every file the library writes (documents, tables, pictures, calendars) goes through
`write_atomic`: the data goes to a temporary file beside the target, which then replaces the
target in one step, so that a crash or a full disk never leaves a half-written file. Only a
regular file is replaced so: a device, a FIFO or standard output (``/dev/null``,
``/dev/stdout``) is written into, as a shell redirection would. A file that cannot be
written raises a `WriteError` that names the user's path and the reason, in Dutch and
English, never the temporary file. `check_writable` finds the same errors before anything
is written, and `write_together` makes the writes of one command replace their files only
when every one of them has been written, so that a command with several outputs writes all
of them or none; `same_file` tells whether an output would overwrite an input.

Reading is bounded the same way: `read_file` reads only a regular file and no more than a
limit, and `read_head` reads the first bytes of a file that a folder scan looks at.
`collector_paused` keeps the garbage collector out of the way of a loader of many files.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import gc
import os
import re
import stat
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NoReturn

import attrs

from duaal_leren.exceptions import WriteError

__all__ = [
    "TEMP_SUFFIX",
    "FileTooLargeError",
    "NotARegularFileError",
    "WriteError",
    "check_not_input",
    "check_writable",
    "collector_paused",
    "document_files",
    "document_paused",
    "make_folder",
    "read_file",
    "read_head",
    "same_file",
    "write_atomic",
    "write_together",
]

TEMP_SUFFIX = ".duaal-leren-tmp"
"""How the temporary file of a write ends: ``.NAME.1a2b3c4d.duaal-leren-tmp`` beside NAME."""

# A temporary file this old belongs to a write that was killed: no write takes this long.
_STALE_AFTER = 15 * 60
_NAME_MAX = 255
# The names of the streams a process has open: writing there goes to the stream, whatever
# kind of file is behind it.
_STREAM = re.compile(r"/dev/(?:stdout|stderr|fd/[0-9]+)|/proc/(?:self|[0-9]+)/fd/[0-9]+")


_PAUSED = threading.Lock()
# How many bulk loads are running, and whether the collector ran before the first began.
_paused = [0, False]


class _Pause(contextlib.ContextDecorator):
    """The context manager `collector_paused` returns: one for all, the state is global.

    A class rather than a generator: a single document is loaded in a pause too, and the
    pause must cost next to nothing beside it.
    """

    __slots__ = ()

    def __enter__(self) -> None:
        with _PAUSED:
            if _paused[0] == 0:
                _paused[1] = gc.isenabled()
                gc.disable()
            _paused[0] += 1

    def __exit__(self, *exc: object) -> None:
        with _PAUSED:
            _paused[0] -= 1
            if _paused[0] == 0 and _paused[1]:
                gc.enable()


_PAUSE = _Pause()


def collector_paused() -> _Pause:
    """Run a block without the cyclic garbage collector, then restore it as it was.

    A loader of many documents (a folder, a cohort) builds hundreds of thousands of objects
    and keeps them: the collector would go over all of them again and again while they are
    built (Python starts a collection after every 700 new objects, and a full one as the
    kept objects grow), for nothing, since documents hold no reference cycles; memory is
    freed by reference counting as ever. Work on one document pauses it too, when no other
    thread runs (`document_paused`): a traject makes thousands of objects. Nested and
    concurrent blocks share one pause: the collector comes back, if it ran before, when the
    last one ends.
    """
    return _PAUSE


class _NoPause:
    """The context manager of `document_paused` when another thread runs: nothing at all."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_NO_PAUSE = _NoPause()


def document_paused() -> _Pause | _NoPause:
    """`collector_paused` for the work on one document (loading, writing, validating it).

    Only while this is the program's one thread: the pause is shared by the whole process,
    and threads that load documents one after the other (a web server's) would otherwise
    keep the collector from ever running for the rest of the program. The loaders of many
    documents pause it whatever runs beside them, for as long as they run.
    """
    return _PAUSE if threading.active_count() == 1 else _NO_PAUSE


# Code that catches the specific OS errors (FileNotFoundError, PermissionError, ...) keeps
# catching them: a WriteError with such a reason is that error too.
class _FolderMissing(WriteError, FileNotFoundError):
    pass


class _NotAFolder(WriteError, NotADirectoryError):
    pass


class _IsAFolder(WriteError, IsADirectoryError):
    pass


class _NoPermission(WriteError, PermissionError):
    pass


class _IsAFile(WriteError, FileExistsError):
    pass


_KINDS: dict[int, type[WriteError]] = {
    errno.ENOENT: _FolderMissing,
    errno.ENOTDIR: _NotAFolder,
    errno.EISDIR: _IsAFolder,
    errno.EACCES: _NoPermission,
    errno.EPERM: _NoPermission,
    errno.EEXIST: _IsAFile,
}


def _write_error(
    path: str | os.PathLike[str], reden: str, reden_en: str, code: int | None
) -> WriteError:
    kind = _KINDS.get(code, WriteError) if code is not None else WriteError
    return kind(path, reden, reden_en, code)


def _parent(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _missing_folder(path: Path) -> Path | None:
    """The highest folder above ``path`` that does not exist, named as the user wrote it."""
    missing = None
    for folder in [_parent(path), *_parent(path).parents]:
        if folder.exists():
            break
        missing = folder
    return missing


def _file_on_the_way(path: Path) -> Path | None:
    """The first part of ``path`` above the file itself that is a file, not a folder."""
    for folder in reversed([_parent(path), *_parent(path).parents]):
        if folder.exists() and not folder.is_dir():
            return folder
    return None


def _error(path: str | os.PathLike[str], exc: OSError) -> WriteError:
    """The reason an OS error gives, about the user's path rather than a temporary file."""
    user = Path(path)
    code = exc.errno
    missing = _missing_folder(user) if code == errno.ENOENT else None
    if missing is not None:
        return _write_error(
            path, f"de map {missing} bestaat niet", f"the folder {missing} does not exist", code
        )
    blocking = _file_on_the_way(user) if code == errno.ENOTDIR else None
    if blocking is not None:
        return _write_error(
            path,
            f"{blocking} is een bestand, geen map",
            f"{blocking} is a file, not a folder",
            code,
        )
    if code == errno.EISDIR:
        return _write_error(path, "het is een map", "it is a folder", code)
    if code in (errno.EACCES, errno.EPERM):
        return _write_error(path, "geen schrijfrechten", "no permission to write", code)
    if code == errno.EROFS:
        return _write_error(
            path, "het bestandssysteem is alleen-lezen", "the file system is read-only", code
        )
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _write_error(path, "de schijf is vol", "the disk is full", code)
    # ``strerror`` leaves out the file name, which may be the temporary file's.
    reason = exc.strerror or str(exc)
    return _write_error(path, reason, reason, code)


def _target(path: str | os.PathLike[str]) -> Path:
    # A symbolic link is followed: the file it points at is written and the link stays.
    return Path(os.path.realpath(path))


def _in_place(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is written into rather than replaced.

    So it is when it exists and is no regular file (a device, a FIFO, a socket), or when it
    names a stream such as ``/dev/stdout``.
    """
    if _STREAM.fullmatch(os.path.abspath(path)):
        return True
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Make sure a file can be written at ``path``, without writing anything.

    Returns:
        The file that would be written: ``path`` with symbolic links followed, or ``path``
        itself for a device, a FIFO or a stream such as ``/dev/stdout``.

    Raises:
        WriteError: The folder does not exist, a part of the path is a file, the path is a
            folder, or the folder (for a device: the device) cannot be written to.
    """
    if _in_place(path):
        if not os.access(path, os.W_OK):
            _raise(path, errno.EACCES)
        return Path(path)
    target = _target(path)
    if target.is_dir():
        _raise(path, errno.EISDIR)
    folder = target.parent
    if not folder.exists():
        _raise(path, errno.ENOENT)
    if not folder.is_dir():
        _raise(path, errno.ENOTDIR)
    if not os.access(folder, os.W_OK | os.X_OK):
        _raise(path, errno.EACCES)
    return target


def _raise(path: str | os.PathLike[str], code: int) -> NoReturn:
    raise _error(path, OSError(code, os.strerror(code)))


def make_folder(path: str | os.PathLike[str]) -> Path:
    """Create a folder and the folders above it, unless they exist.

    Raises:
        WriteError: It cannot be created, or ``path`` is a file.
    """
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise _write_error(
            path, "het is een bestand, geen map", "it is a file, not a folder", errno.EEXIST
        ) from None
    except OSError as exc:
        raise _error(path, exc) from None
    return folder


def same_file(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]
) -> Path | None:
    """The input that writing ``output`` would overwrite, or None.

    Symbolic links and hard links count: two names of one file are the same file.
    """
    target = _target(output)
    if not target.exists():
        return None
    for name in inputs:
        try:
            if os.path.samefile(target, name):
                return Path(name)
        except OSError:
            continue
    return None


def check_not_input(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]], option: str
) -> None:
    """Refuse to write over a file that is read.

    Args:
        output: The file to write.
        inputs: The files read.
        option: The option that names ``output``, such as ``--output``, for the message.

    Raises:
        WriteError: ``output`` is one of ``inputs``, by this name or another.
    """
    overwritten = same_file(output, inputs)
    if overwritten is None:
        return
    which = f" ({overwritten})" if os.fspath(overwritten) != os.fspath(output) else ""
    raise WriteError(
        output,
        f"het is een van de invoerbestanden{which}; kies een ander bestand voor {option}",
        f"it is one of the input files{which}; choose another file for {option}",
    )


def _name_max(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):  # pragma: no cover - platform dependent
        return _NAME_MAX


def _temp_stem(target: Path) -> str:
    """The start of the temporary file's name.

    The target's name, cut to leave room for the rest (``.`` + 8 hex digits +
    `TEMP_SUFFIX`) within the longest name a folder holds.
    """
    room = min(_name_max(target.parent), _NAME_MAX) - len(f"..12345678{TEMP_SUFFIX}")
    stem = ""
    for char in target.name:
        if len(os.fsencode(stem + char)) > room:
            break
        stem += char
    return f".{stem}."


def _clean_stale(target: Path) -> None:
    """Remove the temporary files that killed writes of ``target`` left behind."""
    stem = _temp_stem(target)
    pattern = re.compile(re.escape(stem) + "[0-9a-f]{8}" + re.escape(TEMP_SUFFIX))
    limit = time.time() - _STALE_AFTER
    try:
        with os.scandir(target.parent) as entries:
            for entry in entries:
                if not pattern.fullmatch(entry.name):
                    continue
                with contextlib.suppress(OSError):
                    if (
                        entry.is_file(follow_symlinks=False)
                        and entry.stat(follow_symlinks=False).st_mtime < limit
                    ):
                        os.unlink(entry.path)
    except OSError:
        pass  # the write itself reports a folder that cannot be read or written


def _keep_owner(tmp: Path, old: os.stat_result) -> None:
    # Only root may give a file to another user; anyone may keep a group they belong to.
    if not hasattr(os, "chown"):  # pragma: no cover - Windows
        return
    for uid in (old.st_uid, -1):
        try:
            os.chown(tmp, uid, old.st_gid)
        except OSError:
            continue
        return


def _create_beside(target: Path) -> tuple[int, Path]:
    # Not tempfile.mkstemp: its file is private (mode 0600), and replacing the target with
    # it would take the file away from everyone the user shares it with. A new file gets
    # the usual mode (0666 less the umask); an existing file keeps its own, and its owner
    # where the user may give it.
    import secrets

    stem = _temp_stem(target)
    while True:
        tmp = target.with_name(f"{stem}{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - a clash of random names
            continue
        try:
            old = target.stat()
        except FileNotFoundError:
            return fd, tmp
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        try:
            # The owner first: a change of owner clears the set-id bits of the mode.
            if (old.st_uid, old.st_gid) != os.fstat(fd)[4:6]:
                _keep_owner(tmp, old)
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        return fd, tmp


def _sync_folder(folder: Path) -> None:
    """Make the rename in ``folder`` durable; where a folder cannot be synced, skip it."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - Windows opens no folders
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@attrs.define
class _Batch:
    """The writes of a `write_together` block, to be finished when it ends."""

    replace: list[tuple[str | os.PathLike[str], Path, Path]] = attrs.Factory(list)
    into: list[tuple[str | os.PathLike[str], bytes]] = attrs.Factory(list)


_BATCH: contextvars.ContextVar[_Batch | None] = contextvars.ContextVar("batch", default=None)


@contextlib.contextmanager
def write_together() -> Iterator[None]:
    """Let the `write_atomic` calls inside the block replace their files only at its end.

    Every file is written to its temporary file first; only when the block ends without an
    error do they all replace their targets (devices and FIFOs are then written into). An
    error in the block removes the temporary files and leaves every target as it was. A
    block inside another belongs to the outer one.
    """
    if _BATCH.get() is not None:
        yield
        return
    batch = _Batch()
    token = _BATCH.set(batch)
    try:
        yield
    except BaseException:
        for _, tmp, _ in batch.replace:
            tmp.unlink(missing_ok=True)
        raise
    finally:
        _BATCH.reset(token)
    for index, (path, tmp, target) in enumerate(batch.replace):
        try:
            _replace(path, tmp, target)
        except BaseException:
            for _, later, _ in batch.replace[index + 1 :]:
                later.unlink(missing_ok=True)
            raise
    for path, raw in batch.into:
        _write_into(path, raw)


def _write_into(path: str | os.PathLike[str], raw: bytes) -> None:
    """Write into a device, a FIFO or a stream, as ``>>`` in a shell would."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND)
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
    except OSError as exc:
        raise _error(path, exc) from None


def _stage(path: str | os.PathLike[str], raw: bytes) -> tuple[Path, Path]:
    """Write ``raw`` to a temporary file beside the target; returns it and the target."""
    target = _target(path)
    if target.is_dir():
        _raise(path, errno.EISDIR)
    _clean_stale(target)
    try:
        fd, tmp = _create_beside(target)
    except OSError as exc:
        raise _error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _error(path, exc) from None
        raise
    return tmp, target


def _replace(path: str | os.PathLike[str], tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _error(path, exc) from None
        raise
    _sync_folder(target.parent)


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write a file whole or not at all, keeping an existing file's mode and owner.

    Text is written as UTF-8, exactly as given (no newline translation). A symbolic link
    is followed: the file it points at gets the data, and the link stays a link. The file
    is replaced, not rewritten: another hard link to the old file keeps the old content.
    A device, a FIFO or a stream (``/dev/null``, ``/dev/stdout``) is written into instead.
    The temporary file is named ``.NAME.<8 hex digits>.duaal-leren-tmp``; one that a killed
    write left behind is removed by the next write of the same file once it is older than
    15 minutes.

    Returns:
        The path written, as given.

    Raises:
        WriteError: The file cannot be written (an `OSError`); an existing file is then
            left as it was.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    batch = _BATCH.get()
    if _in_place(path):
        if batch is not None:
            batch.into.append((path, raw))
        else:
            _write_into(path, raw)
        return Path(path)
    tmp, target = _stage(path, raw)
    if batch is not None:
        batch.replace.append((path, tmp, target))
    else:
        _replace(path, tmp, target)
    return Path(path)


# --- reading -------------------------------------------------------------------------------


class NotARegularFileError(OSError):
    """The path is a device, a FIFO or a socket: no file to read."""


class FileTooLargeError(OSError):
    """The file is larger than the limit it is read with.

    Attributes:
        size: The file's size in bytes, as far as known.
        limit: The limit, in bytes.
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, os.strerror(errno.EFBIG))
        self.size = size
        self.limit = limit


def _open_regular(path: str | os.PathLike[str]) -> tuple[int, os.stat_result]:
    # Without waiting: opening a FIFO would otherwise block until someone writes to it.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFileError(errno.ENODEV, "not a regular file")
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def _read_up_to(fd: int, size: int) -> bytes:
    chunks = []
    while size > 0:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Raises:
        FileTooLargeError: The file has more than ``limit`` bytes; they are not read.
        NotARegularFileError: It is a device, a FIFO or a socket.
        OSError: It cannot be opened or read (`IsADirectoryError` for a folder, ...).
    """
    fd, info = _open_regular(path)
    try:
        if info.st_size > limit:
            raise FileTooLargeError(info.st_size, limit)
        raw = _read_up_to(fd, limit + 1)
    finally:
        os.close(fd)
    # A file that grows while it is read, or one that tells no size (/proc), ends here.
    if len(raw) > limit:
        raise FileTooLargeError(len(raw), limit)
    return raw


def read_head(path: str | os.PathLike[str], size: int = 4096) -> bytes:
    """The first ``size`` bytes of a regular file; nothing for a device, FIFO or socket.

    For a folder scan that looks at the head of a file to decide whether to read it.

    Raises:
        OSError: The file cannot be opened or read.
    """
    try:
        fd, _ = _open_regular(path)
    except NotARegularFileError:
        return b""
    try:
        return _read_up_to(fd, size)
    finally:
        os.close(fd)


# --- documents in folders ------------------------------------------------------------

_SUFFIXES = (".yaml", ".yml", ".json")


def _declares(schema: str) -> re.Pattern[str]:
    # The schema key at the start of a YAML line, or after "{" or "," in JSON on one line.
    return re.compile(
        r"""(?:^|[{,])\s*"?schema"?\s*:\s*"?duaal-leren/""" + re.escape(schema), re.MULTILINE
    )


def document_files(
    paths: Iterable[str | os.PathLike[str]], kind: str = ""
) -> Iterator[tuple[Path, bool]]:
    """The files to read: named files as given, folders searched recursively.

    Yields each file with whether it was named explicitly. In folders, hidden files and
    folders are skipped, and so are files that do not declare a ``duaal-leren/`` schema (or
    ``duaal-leren/KIND@`` given a ``kind``), such as CI configuration: only the first 4 KB of
    a file is read to tell. A file that cannot be read is kept, for the loader to say why.
    Callers deal with an empty name themselves: it is no folder, and not the current one.

    Args:
        paths: Files and folders, as a user names them.
        kind: A document kind, such as ``traject``; every kind when empty.
    """
    declares = _declares(f"{kind}@" if kind else "")
    for name in paths:
        path = Path(name)
        if os.fspath(name) and path.is_dir():
            for found in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in found.relative_to(path).parts):
                    continue
                if found.suffix.lower() not in _SUFFIXES or not found.is_file():
                    continue
                try:
                    head = read_head(found, 4096).decode("utf-8", errors="replace")
                except OSError:
                    yield found, False
                    continue
                if declares.search(head):
                    yield found, False
        else:
            yield path, True
