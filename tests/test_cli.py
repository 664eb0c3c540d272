"""The ``duaal-leren`` command: output, languages, and clean failures without tracebacks."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from jsonschema import Draft202012Validator

import duaal_leren
from duaal_leren.cli import main


def run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    status = main(args, out=out)
    return status, out.getvalue()


def assert_clean_failure(capsys: pytest.CaptureFixture[str], status: int) -> str:
    assert status == 2
    err = capsys.readouterr().err
    assert err.strip()
    assert "Traceback" not in err
    return err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(["--version"])
    assert status == 0
    assert out == f"duaal-leren {duaal_leren.__version__}\n"
    assert capsys.readouterr().out == ""


def test_summary_of_the_traject(traject_path: Path) -> None:
    status, out = run(["summary", str(traject_path)])
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Traject TRJ-2025-0042"
    assert "  Lerende: LRN-2025-0042" in lines
    assert "  Overeenkomst: OAO 2025-09-01 tot 2026-06-30" in lines
    # The summary can be pasted anywhere: it does not name the learner.
    assert "Lotte" not in out
    assert "Peeters" not in out


def test_summary_of_the_standaardplan(standaardplan_path: Path) -> None:
    status, out = run(["summary", str(standaardplan_path)])
    assert status == 0
    assert out.startswith("Standaardplan elektrotechnisch-installateur-duaal 2025.1: ")
    assert "  28 competenties in 5 clusters; " in out


def test_summary_of_a_json_file(traject: duaal_leren.Traject, tmp_path: Path) -> None:
    path = duaal_leren.save(traject, tmp_path / "traject.json")
    assert run(["summary", str(path)]) == run(["summary", str(tmp_path / "traject.json")])
    status, out = run(["summary", str(path)])
    assert status == 0
    assert out.startswith("Traject TRJ-2025-0042\n")


def test_summary_in_english(traject_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DUAAL_LEREN_LANG", raising=False)
    status, out = run(["--lang", "en", "summary", str(traject_path)])
    assert status == 0
    assert "  Learner: LRN-2025-0042" in out.splitlines()
    assert "  Contract: OAO 2025-09-01 to 2026-06-30" in out.splitlines()
    assert run(["summary", "--lang", "en", str(traject_path)]) == (status, out)
    monkeypatch.setenv("DUAAL_LEREN_LANG", "en")
    assert run(["summary", str(traject_path)]) == (status, out)


@pytest.mark.parametrize("kind", ["traject", "standaardplan"])
def test_schema_prints_the_json_schema(kind: str) -> None:
    status, out = run(["schema", kind])
    assert status == 0
    schema = json.loads(out)
    assert schema == duaal_leren.json_schema(kind)
    Draft202012Validator.check_schema(schema)


def test_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(["schema", "rapport"])
    err = assert_clean_failure(capsys, status)
    assert out == ""
    assert "onbekende documentsoort" in err
    assert "traject" in err


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


def test_summary_of_another_kind_is_a_clean_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    record = Path(__file__).parent.parent / "examples" / "gespreksverslag-opstart-lotte.yaml"
    status, out = run(["summary", str(record)])
    err = assert_clean_failure(capsys, status)
    assert out == ""
    assert "traject" in err


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


def test_summary_text_carries_no_terminal_escape(
    traject: duaal_leren.Traject, tmp_path: Path
) -> None:
    changed = attrs.evolve(
        traject, werkplek=attrs.evolve(traject.werkplek, onderneming=f"Elektro{ESCAPE}\x9b2J")
    )
    path = duaal_leren.save(changed, tmp_path / "t.yaml")
    status, out = run(["summary", str(path)])
    assert status == 0
    assert "\x1b" not in out
    assert "\x9b" not in out
    assert "Elektro\\x1b[31m\\x9b2J" in out


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
