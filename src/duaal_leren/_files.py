"""Files written whole or not at all, and errors that name the file the user asked for.

Every file the library writes (documents, tables, pictures, calendars) goes through
`write_atomic`: the data goes to a temporary file beside the target, which then replaces the
target in one step, so that a crash or a full disk never leaves a half-written file. A file
that cannot be written raises a `WriteError` that names the user's path and the reason, in
Dutch and English, never the temporary file. `check_writable` finds the same errors before
anything is written, so that a command with several outputs writes all of them or none;
`same_file` tells whether an output would overwrite an input.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from duaal_leren.exceptions import WriteError

__all__ = [
    "WriteError",
    "check_not_input",
    "check_writable",
    "make_folder",
    "same_file",
    "write_atomic",
]


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


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Make sure a file can be written at ``path``, without writing anything.

    Returns:
        The file that would be written: ``path`` with symbolic links followed.

    Raises:
        WriteError: The folder does not exist, a part of the path is a file, the path is a
            folder, or the folder cannot be written to.
    """
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


def _create_beside(target: Path) -> tuple[int, Path]:
    # Not tempfile.mkstemp: its file is private (mode 0600), and replacing the target with
    # it would take the file away from everyone the user shares it with. A new file gets
    # the usual mode (0666 less the umask); an existing file keeps its own.
    import secrets

    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - a clash of random names
            continue
        try:
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        return fd, tmp


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write a file whole or not at all, keeping an existing file's mode.

    Text is written as UTF-8, exactly as given (no newline translation). A symbolic link
    is followed: the file it points at gets the data, and the link stays a link.

    Returns:
        The path written, as given.

    Raises:
        WriteError: The file cannot be written (an `OSError`); an existing file is then
            left as it was.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    target = _target(path)
    if target.is_dir():
        _raise(path, errno.EISDIR)
    try:
        fd, tmp = _create_beside(target)
    except OSError as exc:
        raise _error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _error(path, exc) from None
        raise
    return Path(path)
