"""Files written whole or not at all.

Every file the library writes (documents, tables, pictures, calendars) goes through
`write_atomic`: the data goes to a temporary file beside the target, which then replaces the
target in one step, so that a crash or a full disk never leaves a half-written file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["write_atomic"]


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

    Text is written as UTF-8, exactly as given (no newline translation).

    Returns:
        The path written.

    Raises:
        OSError: The file cannot be written; an existing file is then left as it was.
    """
    target = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = _create_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
