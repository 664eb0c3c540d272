"""``validate --jobs N``: validation in several processes gives the output of a serial run."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import duaal_leren
from duaal_leren.cli import main
from duaal_leren.validation import validate_files, validate_files_parallel
from duaal_leren.validation._parallel import _may_serve

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FORMATS = ("text", "json", "github", "junit", "sarif")


@pytest.fixture(autouse=True)
def _workspace(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Trajecten with findings, in YAML and JSON, a standard plan they need, written last
    (a serial run lets it serve the files before it), a record and its catalogue, a plan
    whose schema is spelled with an escape, and files that cannot be read."""
    root = tmp_path_factory.mktemp("trajecten")
    sources = [
        EXAMPLES / "traject-lotte.yaml",
        EXAMPLES / "traject-milan.yaml",
        ROOT / "tests/data/traject-kapot.yaml",
    ]
    for n in range(36):
        source = sources[n % 3]
        traject = duaal_leren.load(source)
        if n % 2:
            (root / f"t{n:02d}-{source.stem}.json").write_text(
                duaal_leren.dump(traject, "json"), encoding="utf-8"
            )
        else:
            shutil.copy(source, root / f"t{n:02d}-{source.stem}.yaml")
    shutil.copy(EXAMPLES / "gespreksverslag-opstart-lotte.yaml", root / "g-verslag.yaml")
    (root / "t99-kapot.json").write_text('{"schema": "duaal-leren/traject@1", "id": 1,\n "id": 2}')
    (root / "t98-leeg.yaml").write_text("schema: duaal-leren/traject@1\nid: [\n")
    plan = duaal_leren.to_dict(duaal_leren.load(EXAMPLES / "standaardplan-elektrotechniek.yaml"))
    # A competence the trajecten lack: a finding (iop-standaard) only the plan gives.
    plan["competenties"].append({**plan["competenties"][0], "code": "ELT-EXTRA"})
    (root / "zz-standaardplan.json").write_text(
        json.dumps(plan, indent=1).replace("standaardplan@", "st\\u0061ndaardplan@"),
        encoding="utf-8",
    )
    return root


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_processes_write_what_one_writes(folder: Path, fmt: str) -> None:
    serial = run("validate", "--today", "2026-01-15", "--format", fmt, str(folder))
    parallel = run("validate", "--today", "2026-01-15", "--format", fmt, "--jobs", "2", str(folder))
    assert parallel == serial
    assert serial[0] == 2  # unreadable files among them


def test_the_serial_run_has_findings_from_the_plan_written_last(folder: Path) -> None:
    _, text = run("validate", "--today", "2026-01-15", "--jobs", "2", str(folder))
    _, alone = run(
        "validate",
        "--today",
        "2026-01-15",
        *sorted(str(p) for p in folder.iterdir() if not p.name.startswith("zz")),
    )
    # The plan serves the trajecten (R-IOP) in every process: without it, no such finding.
    extra = [line for line in text.splitlines() if "ELT-EXTRA" in line]
    assert len(extra) == 36  # every traject refers to this plan
    assert "ELT-EXTRA" not in alone


def test_as_many_processes_as_cores_and_a_setting_give_the_same(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = run("validate", "--today", "2026-01-15", "--format", "json", str(folder))
    assert run("validate", "--today", "2026-01-15", "--format", "json", "-j", "0", str(folder)) == (
        serial
    )
    (tmp_path / "pyproject.toml").write_text('[tool.duaal-leren]\njobs = 3\ntoday = "2026-01-15"\n')
    monkeypatch.chdir(tmp_path)
    assert run("validate", "--format", "json", str(folder)) == serial


@pytest.mark.parametrize("value", ["-1", "twee"])
def test_jobs_must_be_a_whole_number_not_below_0(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("validate", "--jobs", value, "examples")[0] == 2
    assert "--jobs" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["-1", "2.5", '"2"', "true"])
def test_jobs_setting_must_be_a_whole_number_not_below_0(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.duaal-leren]\njobs = {value}\n")
    monkeypatch.chdir(tmp_path)
    assert run("validate", str(EXAMPLES))[0] == 2
    assert "[tool.duaal-leren].jobs" in capsys.readouterr().err


def test_the_library_function_gives_the_reports_of_validate_files(folder: Path) -> None:
    files = sorted(folder.iterdir())
    serial = validate_files(files, today="2026-01-15")
    assert validate_files_parallel(files, jobs=2, today="2026-01-15") == serial
    assert validate_files_parallel(files, jobs=1, today="2026-01-15") == serial


def test_a_wrong_rule_fails_before_any_process_starts(folder: Path) -> None:
    with pytest.raises(duaal_leren.validation.RuleError):
        validate_files_parallel(sorted(folder.iterdir()), jobs=2, select=["geen-regel"])


def test_which_files_may_serve_others(folder: Path, tmp_path: Path) -> None:
    assert _may_serve(folder / "zz-standaardplan.json", 10**6)  # spelled with an escape
    assert _may_serve(EXAMPLES / "standaardplan-elektrotechniek.yaml", 10**6)
    assert not _may_serve(folder / "t00-traject-lotte.yaml", 10**6)
    assert not _may_serve(tmp_path / "ontbreekt.yaml", 10**6)
    (tmp_path / "utf16.yaml").write_bytes("schema: duaal-leren/traject@1\n".encode("utf-16"))
    assert _may_serve(tmp_path / "utf16.yaml", 10**6)
    data = json.loads((folder / "t01-traject-milan.json").read_text("utf-8"))
    assert data["schema"] == "duaal-leren/traject@1"


@pytest.mark.parametrize(
    ("text", "serves"),
    [
        ('{"schema": "duaal-leren/standaardplan@1"}', True),
        ("schema: duaal-leren/leidraad@1\n", True),
        ('{"schema": "duaal-leren/st\\u0061ndaardplan@1"}', True),
        ('{"schema": "duaal-leren/leidraad\\u00401"}', True),
        ('schema: "duaal-leren/leidr\\x61ad@1"\n', True),
        ('schema: "duaal-leren/standaard\\\n  plan@1"\n', True),
        ('{"schema": "duaal-leren/traject@1", "x": "caf\\u00e9\\nregel"}', False),
        ("schema: duaal-leren/traject@1\nopleidingsplan:\n  standaardplan:\n    id: x\n", False),
        ("schema: duaal-leren/gespreksverslag@1\nleidraad:\n  id: x\n", False),
    ],
)
def test_a_file_serves_others_when_it_may_spell_their_schema(
    text: str, serves: bool, tmp_path: Path
) -> None:
    path = tmp_path / "document.json"
    path.write_text(text, encoding="utf-8")
    assert _may_serve(path, 10**6) is serves


def test_an_attendance_record_is_checked_with_its_traject_in_any_chunk(tmp_path: Path) -> None:
    # The record needs its traject, which may be any file of the run: such a run is checked
    # in one process, with the reports of a serial run.
    for n in range(12):
        shutil.copy(EXAMPLES / "traject-lotte.yaml", tmp_path / f"t{n:02d}.yaml")
    shutil.copy(EXAMPLES / "traject-noor.yaml", tmp_path / "t99-noor.yaml")
    shutil.copy(ROOT / "tests/data/aanwezigheden-noor-laat.yaml", tmp_path / "a00-record.yaml")
    files = sorted(tmp_path.iterdir())
    serial = validate_files(files, today="2025-11-01")
    assert {f.code for f in serial.reports[0].findings} == {"afwezigheid-melding"}
    assert validate_files_parallel(files, jobs=2, today="2025-11-01") == serial


# A retention policy and health words in the settings give findings only with the settings:
# "dyslexie" is among the support needs of Lotte and of the broken traject (24 of the 36
# trajecten), and every traject's contract ends on 30 June 2026, five years before today.
PRIVACY_SETTINGS = (
    '[tool.duaal-leren]\ntoday = "2031-07-01"\nselect = ["bewaring", "privacy"]\n'
    "[tool.duaal-leren.bewaring]\ntraject = { jaren = 5 }\n"
    '[tool.duaal-leren.privacy]\ngezondheidswoorden = ["dyslexie"]\n'
)


def test_two_processes_use_the_retention_policy_and_health_words_of_the_settings(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(PRIVACY_SETTINGS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    serial = run("validate", "--format", "json", "--jobs", "1", str(folder))
    assert run("validate", "--format", "json", "--jobs", "2", str(folder)) == serial
    codes = [
        finding["code"] for file in json.loads(serial[1])["files"] for finding in file["findings"]
    ]
    assert codes.count("privacy-gezondheid") == 24
    assert codes.count("bewaring-voorbij") == 36


def test_workers_of_a_fresh_interpreter_get_the_policy_and_words(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A worker that is not forked (spawn, the default on macOS and Windows) inherits no
    # context variable: the policy and the words are handed to it.
    import multiprocessing

    from duaal_leren.bewaring import Bewaarbeleid, retention_policy
    from duaal_leren.privacy import health_words
    from duaal_leren.validation import _parallel

    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(_parallel.multiprocessing, "get_context", lambda: spawn)
    files = sorted(folder.iterdir())
    options = {"today": "2031-07-01", "select": ["bewaring", "privacy"]}
    with (
        retention_policy(Bewaarbeleid.from_dict({"traject": {"jaren": 5}})),
        health_words(["dyslexie"]),
    ):
        serial = validate_files(files, **options)
        parallel = validate_files_parallel(files, jobs=2, **options)
    assert parallel == serial
    codes = [f.code for report in serial for f in report.findings]
    assert codes.count("privacy-gezondheid") == 24
    assert codes.count("bewaring-voorbij") == 36
