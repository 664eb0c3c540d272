"""What the command tests share: running the command in-process, and a clean failure."""

from __future__ import annotations

import io

import pytest

from duaal_leren.cli import main


def run(args: list[str]) -> tuple[int, str]:
    """The exit status and standard output of ``duaal-leren ARGS``."""
    out = io.StringIO()
    status = main(args, out=out)
    return status, out.getvalue()


def assert_clean_failure(capsys: pytest.CaptureFixture[str], status: int) -> str:
    """Status 2 with a message on standard error and no traceback; the message."""
    assert status == 2
    err = capsys.readouterr().err
    assert err.strip()
    assert "Traceback" not in err
    return err
