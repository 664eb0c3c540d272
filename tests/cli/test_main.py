"""The ``duaal-leren`` command: output, languages, and clean failures without tracebacks."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import duaal_leren
from duaal_leren.cli import COMMANDS, Command, main
from duaal_leren.cli._common import Parser, add_lang

from ._helpers import assert_clean_failure, run


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(["--version"])
    assert status == 0
    assert out == f"duaal-leren {duaal_leren.__version__}\n"
    assert capsys.readouterr().out == ""


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "weg.yaml"
    status, _ = run(["summary", str(path)])
    err = assert_clean_failure(capsys, status)
    assert str(path) in err
    assert "het bestand bestaat niet" in err


def test_broken_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text(
        "schema: duaal-leren/standaardplan@1\nid: p\nopleiding: o\nversie: 2025.1\n"
        "competenties:\n- code: A\n  leerplaats: thuis\n",
        encoding="utf-8",
    )
    status, out = run(["summary", str(path)])
    err = assert_clean_failure(capsys, status)
    assert out == ""
    assert err.startswith(f"{path}: 3 problemen\n")
    assert "regel 4, $.versie: " in err
    assert "$.competenties[0].omschrijving" in err
    assert "$.competenties[0].leerplaats" in err
    status, _ = run(["--lang", "en", "summary", str(path)])
    err = assert_clean_failure(capsys, status)
    assert err.startswith(f"{path}: 3 problems\n")
    assert "line 4, $.versie: expected text" in err


def test_unknown_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run(["frobnicate"])
    err = assert_clean_failure(capsys, status)
    assert "frobnicate" in err


def test_missing_argument(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run(["schema"])
    err = assert_clean_failure(capsys, status)
    assert "KIND" in err


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run([])
    err = assert_clean_failure(capsys, status)
    assert "usage: duaal-leren" in err
    assert "summary" in err
    assert "schema" in err


def console_script() -> str | None:
    # In CI the environment is activated; elsewhere the script sits beside the interpreter.
    beside = shutil.which("duaal-leren", path=str(Path(sys.executable).parent))
    return shutil.which("duaal-leren") or beside


@pytest.mark.skipif(console_script() is None, reason="the package is not installed")
def test_installed_console_script(traject_path: Path) -> None:
    script = console_script()
    assert script is not None
    result = subprocess.run(  # noqa: S603 - the installed command, fixed arguments
        [script, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"duaal-leren {duaal_leren.__version__}"
    result = subprocess.run(  # noqa: S603 - the installed command, fixed arguments
        [script, "summary", str(traject_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Traject TRJ-2025-0042\n")


@pytest.mark.skipif(console_script() is None, reason="the package is not installed")
def test_a_closed_pipe_is_no_error() -> None:
    script = console_script()
    assert script is not None
    # `duaal-leren schema traject | head -1`: the reader leaves after one line.
    with subprocess.Popen(  # noqa: S603 - the installed command, fixed arguments
        [script, "schema", "traject"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        process.stdout.readline()
        process.stdout.close()
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert b"Traceback" not in err


ESCAPE = "\x1b[31m"


def test_error_messages_carry_no_terminal_escape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"kapot{ESCAPE}.yaml"
    status, _ = run(["summary", str(path)])
    err = assert_clean_failure(capsys, status)
    assert "\x1b" not in err
    assert "kapot\\x1b[31m.yaml" in err


def test_a_fifo_or_device_ends_cleanly_and_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    for name in (str(fifo), "/dev/zero"):
        status, _ = run(["summary", name])
        err = assert_clean_failure(capsys, status)
        assert err.startswith(f"{name}: 1 probleem\n")
        assert "geen gewoon bestand" in err


# --- what --help imports, and what it says ------------------------------------------------------


def modules_after(*argv: str) -> set[str]:
    """The modules a fresh interpreter holds after ``duaal-leren ARGV``."""
    code = (
        "import json, sys\n"
        "from duaal_leren.cli import main\n"
        f"status = main({list(argv)!r})\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


COMMAND_MODULES = {command.module for command in COMMANDS}
HEAVY = (
    "duaal_leren.validation",
    "duaal_leren.validation._rules",
    "duaal_leren.validation._engine",
    "duaal_leren.planning",
    "duaal_leren.kalender",
    "duaal_leren.documents",
    "duaal_leren.leidraad",
    "duaal_leren.voortgang",
)


def test_the_help_imports_no_command_and_no_rule() -> None:
    loaded = modules_after("--help")
    assert "duaal_leren.cli" in loaded
    assert not loaded & COMMAND_MODULES
    for heavy in HEAVY:
        assert heavy not in loaded


def test_the_help_imports_neither_attrs_nor_the_librarys_errors() -> None:
    # What --help prints needs neither: it starts about as fast as Python itself.
    loaded = modules_after("--help")
    assert {"attrs", "attr", "cattrs", "pendulum", "yaml", "duaal_leren.exceptions"}.isdisjoint(
        loaded
    )


def test_a_usage_error_is_one_line_without_the_errors_imported_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", "--jobs", "x", "examples"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("duaal-leren validate: argument --jobs/-j")
    assert err.count("\n") == 1


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_the_help_of_a_command_imports_that_command_only(command: Command) -> None:
    loaded = modules_after(command.name, "--help")
    assert loaded & COMMAND_MODULES == {command.module}


def parsers(command: Command) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """The parser of the command, and those of its subcommands, as ``main`` builds them."""
    parser = Parser(prog=f"duaal-leren {command.name}")
    add_lang(parser)
    importlib.import_module(command.module).configure(parser)
    pending = [(command.name, parser)]
    while pending:
        name, current = pending.pop()
        yield name, current
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                pending.extend((f"{name} {sub}", p) for sub, p in action.choices.items())


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_option_is_described_in_both_languages(command: Command) -> None:
    for name, parser in parsers(command):
        for action in parser._actions:
            what = f"{name} {action.option_strings or action.dest}"
            assert action.help, what
            dutch, sep, english = action.help.partition(" / ")
            assert sep, f"{what}: {action.help!r} is not 'Dutch / English'"
            assert dutch.strip(), what
            assert english.strip(), what
            if action.choices is not None and not isinstance(action.choices, dict):
                for choice in action.choices:
                    assert f"{choice} (" in dutch, f"{what}: {choice} is not described"
                    assert f"{choice} (" in english, f"{what}: {choice} is not described"


def test_the_top_level_help_is_bilingual(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run(["--help"])
    assert status == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command.name in out
        assert " / " in command.help


def test_an_unknown_option_is_reported_without_its_control_characters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _ = run(["schema", "traject", "--kleur\x1b[2J"])
    err = assert_clean_failure(capsys, status)
    assert "\x1b" not in err
    assert "--kleur\\x1b[2J" in err


def test_the_package_runs_as_a_module(traject_path: Path) -> None:
    result = subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, "-m", "duaal_leren.cli", "summary", str(traject_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Traject TRJ-2025-0042\n")
