"""The README's Python example runs as written, and its quick start names real commands."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from duaal_leren.cli import COMMANDS, main

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    [code] = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own documentation
    out = capsys.readouterr().out
    assert "LRN-2025-0042" in out
    assert "True []" in out


def test_quick_start_is_two_commands_of_real_subcommands() -> None:
    [block] = re.findall(r"## Quick start.*?```sh\n(.*?)```", README, flags=re.DOTALL)
    lines = block.strip().splitlines()
    assert len(lines) == 2
    known = {c.name for c in COMMANDS}
    used = re.findall(r"duaal-leren (\w+)", block)
    assert used
    assert set(used) <= known


def test_the_main_job_shows_what_the_library_plans() -> None:
    # A newcomer sees proposed conversations, not only the ones already recorded.
    [block] = re.findall(r"## Quick start.*?```sh\n(.*?)```", README, flags=re.DOTALL)
    first = block.strip().splitlines()[0]
    [planning] = [part.strip() for part in first.split("&&") if "duaal-leren planning" in part]
    argv = shlex.split(planning)[1:]
    out = io.StringIO()
    with contextlib.chdir(ROOT):
        assert main(argv, out=out) == 0
    assert "voorstel" in out.getvalue()
    assert "al vastgelegd" in out.getvalue()
