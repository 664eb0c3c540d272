"""`duaal-leren validate` and `duaal-leren rules` as CI uses them."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from duaal_leren.cli import main

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"
BROKEN = ROOT / "tests" / "data" / "traject-kapot.yaml"
TODAY = "2025-10-01"
# Every shipped example is a duaal-leren document and is checked.
N_EXAMPLES = len([p for p in EXAMPLES.iterdir() if p.suffix in (".yaml", ".yml", ".json")])


# Paths in JSON, GitHub and JUnit output are relative to the workspace of the CI run.
SHOWN = "tests/data/traject-kapot.yaml"


@pytest.fixture(autouse=True)
def _workspace(monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's root as GitHub's workspace, whether the tests run on GitHub or not."""
    monkeypatch.setenv("GITHUB_WORKSPACE", str(ROOT))


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    """The line number of the n-th line of a file that contains ``text``."""
    found = [i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line]
    return found[occurrence - 1]


def test_examples_pass_with_exit_0() -> None:
    status, out = run("validate", str(EXAMPLES), "--today", TODAY)
    assert status == 0
    assert N_EXAMPLES >= 5
    assert out.strip().endswith(f"{N_EXAMPLES} bestanden, 0 fouten, 0 waarschuwingen")


def test_errors_exit_1_and_text_points_at_the_lines() -> None:
    status, out = run("validate", str(BROKEN), "--today", TODAY, "--lang", "en")
    assert status == 1
    lines = out.splitlines()
    expected = {
        "verwijzing-onbekend": line_of(BROKEN, "- ELT-99"),
        "alloc-niet-gedekt": line_of(BROKEN, "leerplaats: niet-gedekt"),
        "mentor-ervaring": line_of(BROKEN, "ervaring_jaren: 3"),
    }
    for code, line in expected.items():
        assert any(f"{BROKEN}:{line}: error [{code}]" in text for text in lines), (code, out)
    assert lines[-1] == "1 file, 3 errors, 0 warnings"


def test_json_output_has_the_stable_shape() -> None:
    status, out = run("validate", str(BROKEN), str(EXAMPLES), "--format", "json", "--today", TODAY)
    assert status == 1
    data = json.loads(out)
    assert set(data) == {"files", "summary"}
    assert data["summary"] == {"files": N_EXAMPLES + 1, "errors": 3, "warnings": 0, "skipped": 0}
    broken = next(f for f in data["files"] if f["path"] == SHOWN)
    assert set(broken) == {"path", "findings"}
    for finding in broken["findings"]:
        assert set(finding) == {"code", "severity", "path", "location", "line", "message"}
        assert isinstance(finding["line"], int)
    mentor = next(f for f in broken["findings"] if f["code"] == "mentor-ervaring")
    assert mentor["path"] == "$.mentor.ervaring_jaren"
    assert mentor["line"] == line_of(BROKEN, "ervaring_jaren: 3")


def test_json_documents_get_line_numbers_too(tmp_path: Path) -> None:
    from duaal_leren import dump, load

    broken_json = tmp_path / "kapot.json"
    broken_json.write_text(dump(load(BROKEN), format="json"), encoding="utf-8")
    status, out = run("validate", str(broken_json), "--format", "json", "--today", TODAY)
    assert status == 1
    findings = json.loads(out)["files"][0]["findings"]
    mentor = next(f for f in findings if f["code"] == "mentor-ervaring")
    assert mentor["line"] == line_of(broken_json, '"ervaring_jaren": 3')


def test_github_annotations() -> None:
    status, out = run(
        "validate", str(BROKEN), "--format", "github", "--today", TODAY, "--lang", "en"
    )
    assert status == 1
    line = line_of(BROKEN, "ervaring_jaren: 3")
    assert (
        f"::error file={SHOWN},line={line},title=mentor-ervaring::$.mentor.ervaring_jaren: "
        "the mentor has 3 years of experience" in out
    )


def test_junit_report_parses_and_counts_failures() -> None:
    status, out = run("validate", str(BROKEN), str(EXAMPLES), "--format", "junit", "--today", TODAY)
    assert status == 1
    root = ElementTree.fromstring(out.split("\n", 1)[1])
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("tests") == str(N_EXAMPLES + 1)
    assert suite.get("failures") == "1"
    failures = [case for case in suite.iter("testcase") if case.find("failure") is not None]
    assert [case.get("name") for case in failures] == [SHOWN]


def test_unreadable_files_exit_2_and_the_others_are_still_checked(tmp_path: Path) -> None:
    bad = tmp_path / "stuk.yaml"
    bad.write_text("schema: duaal-leren/traject@1\nid: [\n", encoding="utf-8")
    status, out = run("validate", str(bad), str(BROKEN), "--format", "json", "--today", TODAY)
    assert status == 2
    data = json.loads(out)
    by_path = {f["path"]: f["findings"] for f in data["files"]}
    assert by_path[str(bad)][0]["code"] == "yaml-syntax"
    assert by_path[str(bad)][0]["line"] is not None
    assert len(by_path[SHOWN]) == 3


def test_missing_path_exits_2_and_is_reported_once(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run("validate", "bestaat-niet.yaml")
    assert status == 2
    assert "bestaat-niet.yaml: error [bestand-ontbreekt] $: het bestand bestaat niet" in out
    assert out.splitlines()[-1] == "1 bestand, 1 fout, 0 waarschuwingen"
    assert capsys.readouterr().err == ""


def test_directories_are_searched_for_duaal_leren_documents_only(tmp_path: Path) -> None:
    (tmp_path / "plannen").mkdir()
    shutil.copy(BROKEN, tmp_path / "plannen" / "a.yaml")
    shutil.copy(EXAMPLES / "standaardplan-elektrotechniek.yaml", tmp_path / "plannen" / "b.yml")
    (tmp_path / "ci.yaml").write_text("jobs: {}\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    shutil.copy(BROKEN, tmp_path / ".hidden" / "c.yaml")
    (tmp_path / "notes.txt").write_text("schema: duaal-leren/traject@1\n", encoding="utf-8")
    status, out = run("validate", str(tmp_path), "--format", "json", "--today", TODAY)
    paths = sorted(Path(f["path"]).name for f in json.loads(out)["files"])
    assert paths == ["a.yaml", "b.yml"]
    assert status == 1


def test_select_ignore_severity_and_today_options() -> None:
    status, out = run(
        "validate",
        str(BROKEN),
        "--select",
        "mentor,alloc",
        "--ignore",
        "alloc",
        "--format",
        "json",
        "--today",
        TODAY,
    )
    codes = [f["code"] for f in json.loads(out)["files"][0]["findings"]]
    assert codes == ["mentor-ervaring"]
    assert status == 1
    status, out = run(
        "validate",
        str(BROKEN),
        "--severity",
        "mentor=warning",
        "--severity",
        "alloc=info",
        "--severity",
        "verwijzing=info",
        "--today",
        TODAY,
    )
    assert status == 0
    assert "warning [mentor-ervaring]" in out
    assert "info [alloc-niet-gedekt]" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", str(BROKEN), "--select", "geen-regel"],
        ["validate", str(BROKEN), "--today", "gisteren"],
        ["validate", str(BROKEN), "--severity", "mentor"],
        ["validate", str(BROKEN), "--severity", "mentor=luid"],
        ["validate", str(BROKEN), "--format", "xml"],
        ["validate"],
    ],
)
def test_usage_errors_exit_2_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run(*argv)
    assert status == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_settings_come_from_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(BROKEN, tmp_path / "traject.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.duaal-leren]\nignore = ["mentor"]\ntoday = "2025-10-01"\nformat = "json"\n'
        'lang = "en"\n[tool.duaal-leren.severity]\nalloc = "warning"\n',
        encoding="utf-8",
    )
    sub = tmp_path / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)  # found in a parent folder, as a repository's root
    status, out = run("validate", str(tmp_path / "traject.yaml"))
    data = json.loads(out)
    findings = {f["code"]: f for f in data["files"][0]["findings"]}
    assert set(findings) == {"alloc-niet-gedekt", "verwijzing-onbekend"}
    assert findings["alloc-niet-gedekt"]["severity"] == "warning"
    assert findings["verwijzing-onbekend"]["message"].startswith("prerequisite")
    assert status == 1
    # The command line wins over the file.
    status, out = run(
        "validate",
        str(tmp_path / "traject.yaml"),
        "--ignore",
        "verwijzing,alloc",
        "--format",
        "text",
    )
    assert "mentor-ervaring" in out
    assert status == 1


def test_unknown_pyproject_setting_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.duaal-leren]\nselekt = []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, _ = run("validate", str(BROKEN))
    assert status == 2
    assert "selekt" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("setting", "key"),
    [
        ('severity = "x"', "severity"),
        ("select = [1]", "select"),
        ('select = "mentor"', "select"),
        ('lang = "fr"', "lang"),
        ('format = "xml"', "format"),
        ("today = 5", "today"),
        ('[tool.duaal-leren.severity]\nmentor = "luid"', "severity"),
        ("bewaring = 5", "bewaring"),
        ("[tool.duaal-leren.bewaring]\ntraject = 5", "bewaring.traject"),
        ("[tool.duaal-leren.bewaring]\nplan = { jaren = 5 }", "bewaring.plan"),
        ('[tool.duaal-leren.bewaring]\ntraject = { jaren = "5" }', "bewaring.traject.jaren"),
        ("privacy = 5", "privacy"),
        ("[tool.duaal-leren.privacy]\nwoorden = []", "privacy"),
        ('[tool.duaal-leren.privacy]\ngezondheidswoorden = "ziek"', "privacy.gezondheidswoorden"),
        ('[tool.duaal-leren.privacy]\ngezondheidswoorden = [" "]', "privacy.gezondheidswoorden"),
    ],
)
def test_wrong_settings_in_pyproject_are_usage_errors(
    setting: str,
    key: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.duaal-leren]\n{setting}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, _ = run("validate", str(BROKEN))
    assert status == 2
    err = capsys.readouterr().err
    assert f"[tool.duaal-leren].{key}" in err
    assert "Traceback" not in err


def test_retention_policy_and_health_words_come_from_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lotte = str(EXAMPLES / "traject-lotte.yaml")
    monkeypatch.chdir(tmp_path)
    options = ("--today", "2031-07-01", "--select", "bewaring,privacy", "--format", "json")

    def findings() -> list[tuple[str, str]]:
        status, out = run("validate", lotte, *options)
        found = json.loads(out)["files"][0]["findings"]
        assert status == (1 if any(f["severity"] == "error" for f in found) else 0)
        return [(f["code"], f["path"]) for f in found]

    # Without settings: no policy, and the default words do not flag Lotte's dyslexia.
    assert findings() == []
    (tmp_path / "pyproject.toml").write_text(
        "[tool.duaal-leren.bewaring]\ntraject = { jaren = 5 }\n"
        '[tool.duaal-leren.privacy]\ngezondheidswoorden = ["dyslexie"]\n',
        encoding="utf-8",
    )
    # Lotte's contract ends on 30 June 2026: five years later, 1 July 2031 is past it.
    assert sorted(findings()) == [
        ("bewaring-voorbij", "$"),
        ("privacy-gezondheid", "$.lerende.ondersteuning.noden[0]"),
    ]
    # The words replace the default list: a list without "dyslexie" flags nothing.
    (tmp_path / "pyproject.toml").write_text(
        '[tool.duaal-leren.privacy]\ngezondheidswoorden = ["diagnose"]\n', encoding="utf-8"
    )
    assert findings() == []


def test_a_wrong_retention_setting_names_the_file_and_the_setting_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.duaal-leren.bewaring]\ntraject = { jaren = -1 }\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert run("validate", "--lang", "en", str(BROKEN))[0] == 2
    err = capsys.readouterr().err
    assert err == (
        f"duaal-leren: {tmp_path / 'pyproject.toml'}: [tool.duaal-leren].bewaring.traject.jaren: "
        "expected a whole number from 0, not -1\n"
    )


def test_a_tool_table_that_is_no_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool]\n"duaal-leren" = 5\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("validate", str(BROKEN))[0] == 2
    assert "moet een tabel zijn" in capsys.readouterr().err


def test_a_toml_date_is_a_valid_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.duaal-leren]\ntoday = 2025-10-01\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert run("validate", str(EXAMPLES))[0] == 0


def test_compact_json_documents_in_a_directory_are_found(tmp_path: Path) -> None:
    from duaal_leren import load

    compact = json.dumps(json.loads(__import__("duaal_leren").dump(load(BROKEN), format="json")))
    (tmp_path / "t.json").write_text(compact, encoding="utf-8")
    status, out = run("validate", str(tmp_path), "--today", TODAY)
    assert status == 1
    assert out.splitlines()[-1] == "1 bestand, 3 fouten, 0 waarschuwingen"


def test_the_language_may_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUAAL_LEREN_LANG", "en")
    _, out = run("validate", str(BROKEN), "--today", TODAY)
    assert out.splitlines()[-1] == "1 file, 3 errors, 0 warnings"


# --- output that its reader can take -----------------------------------------------------------


@pytest.fixture
def escaping(tmp_path: Path) -> Path:
    """A broken traject whose unknown prerequisite holds a terminal escape and a VT."""
    path = tmp_path / "kapot.yaml"
    text = BROKEN.read_text("utf-8").replace("- ELT-99", '- "ELT-\\e[31m\\v\\x9b99"')
    path.write_text(text, "utf-8")
    return path


def test_control_characters_are_escaped_in_every_format(escaping: Path) -> None:
    status, out = run("validate", str(escaping), "--today", TODAY, "--format", "junit")
    assert status == 1
    root = ElementTree.fromstring(out.encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert "ELT-\\x1b[31m\\x0b\\x9b99" in (failure.text or "")
    for fmt in ("text", "github"):
        status, out = run("validate", str(escaping), "--today", TODAY, "--format", fmt)
        assert status == 1
        assert not any(c in out for c in "\x1b\x0b\x9b"), fmt
        assert "ELT-\\x1b[31m\\x0b\\x9b99" in out
    status, out = run("validate", str(escaping), "--today", TODAY, "--format", "json")
    messages = [f["message"] for f in json.loads(out)["files"][0]["findings"]]
    assert any("ELT-\x1b[31m\x0b\x9b99" in m for m in messages)


def test_a_file_name_with_control_characters_is_escaped(tmp_path: Path) -> None:
    shutil.copy(BROKEN, tmp_path / "kapot\x1b]0;titel\x07.yaml")
    for fmt in ("text", "github", "junit"):
        status, out = run("validate", str(tmp_path), "--today", TODAY, "--format", fmt)
        assert status == 1
        assert "\x1b" not in out
        assert "\x07" not in out
        assert "kapot\\x1b]0;titel\\x07.yaml" in out
    ElementTree.fromstring(out.encode("utf-8"))


# --- what is read, and how much --------------------------------------------------------------


def test_an_empty_name_is_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(BROKEN, tmp_path / "kapot.yaml")
    monkeypatch.chdir(tmp_path)
    status, out = run("validate", "", str(EXAMPLES / "traject-lotte.yaml"), "--today", TODAY)
    assert status == 2
    assert "error [onleesbaar-bestand] $: een lege bestandsnaam is geen bestand" in out
    assert "kapot.yaml" not in out
    assert out.splitlines()[-1] == "2 bestanden, 1 fout, 0 waarschuwingen"


def test_an_empty_today_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run("validate", str(EXAMPLES / "traject-lotte.yaml"), "--today", "")
    assert (status, out) == (2, "")
    assert "--today: '' is geen datum" in capsys.readouterr().err


def test_a_folder_scan_reads_only_the_head_of_a_file(tmp_path: Path) -> None:
    import tracemalloc

    from duaal_leren._files import document_files

    (tmp_path / "data.json").write_bytes(b"[" + b"0," * 10_000_000 + b"0]")
    shutil.copy(EXAMPLES / "traject-lotte.yaml", tmp_path / "lotte.yaml")
    tracemalloc.start()
    try:
        found = [p.name for p, _ in document_files([str(tmp_path)])]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == ["lotte.yaml"]
    assert peak < 2_000_000


def test_files_larger_than_max_size_are_not_read(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    big.write_text("schema: duaal-leren/traject@1\n" + "# opvulling\n" * 100_000, encoding="utf-8")
    shutil.copy(EXAMPLES / "traject-lotte.yaml", tmp_path / "lotte.yaml")
    status, out = run("validate", str(tmp_path), "--today", TODAY, "--max-size", "1")
    assert status == 2
    assert f"{big}: error [bestand-te-groot] $: het bestand is groter dan 1 MB" in out
    assert out.splitlines()[-1] == "2 bestanden, 1 fout, 0 waarschuwingen"
    status, out = run("validate", str(tmp_path / "lotte.yaml"), "--max-size", "0.001")
    assert status == 2
    assert "groter dan 1048 bytes" in out


def test_a_library_error_while_validating_fails_that_file_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from duaal_leren.kalender import KalenderError
    from duaal_leren.validation import _engine

    real = _engine.validate

    def validate(document: object, **kwargs: object) -> object:
        if getattr(document, "id", None) == "TRJ-2025-0042":
            raise KalenderError(
                "schooljaar 2099-2100 is niet gekend", "school year 2099-2100 is not known"
            )
        return real(document, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_engine, "validate", validate)
    status, out = run("--lang", "en", "validate", str(EXAMPLES), "--today", TODAY)
    assert status == 1
    lotte = EXAMPLES / "traject-lotte.yaml"
    assert f"{lotte}: error [document] $: school year 2099-2100 is not known" in out
    assert out.splitlines()[-1] == f"{N_EXAMPLES} files, 1 error, 0 warnings"
    status, out = run("validate", str(EXAMPLES), "--today", TODAY, "--format", "junit")
    root = ElementTree.fromstring(out.encode("utf-8"))
    assert root.get("failures") == "1"
    assert root.get("tests") == str(N_EXAMPLES)


# --- a repository's other files, the standard plans and empty runs ---------------------------

WORKFLOW = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"


def test_named_files_without_a_schema_are_skipped_and_counted(tmp_path: Path) -> None:
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    ci = tmp_path / ".github" / "workflows" / "ci.yml"
    ci.write_text(WORKFLOW, encoding="utf-8")
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text("repos: []\n", encoding="utf-8")
    lotte = str(EXAMPLES / "traject-lotte.yaml")
    status, out = run("validate", lotte, str(ci), str(config), "--today", TODAY)
    assert status == 0, out
    assert "schema" not in out
    assert out.splitlines()[-1] == "1 bestand, 0 fouten, 0 waarschuwingen, 2 overgeslagen"
    status, out = run("validate", lotte, str(ci), "--today", TODAY, "--lang", "en")
    assert out.splitlines()[-1] == "1 file, 0 errors, 0 warnings, 1 skipped"
    status, out = run("validate", lotte, str(ci), "--today", TODAY, "--format", "json")
    assert json.loads(out)["summary"]["skipped"] == 1
    assert [f["path"] for f in json.loads(out)["files"]] == ["examples/traject-lotte.yaml"]


def test_unknown_files_error_says_it_is_no_duaal_leren_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Plannen\n", encoding="utf-8")
    ci = tmp_path / "ci.yml"
    ci.write_text(WORKFLOW, encoding="utf-8")
    lotte = str(EXAMPLES / "traject-lotte.yaml")
    argv = ["validate", lotte, str(readme), str(ci), "--today", TODAY]
    status, out = run(*argv, "--unknown-files", "error")
    assert status == 2
    for path in (readme, ci):
        assert f"{path}: error [geen-document] $: geen duaal-leren-document" in out
    assert "leeg" not in out
    assert out.splitlines()[-1] == "3 bestanden, 2 fouten, 0 waarschuwingen"
    # The same from the settings file.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.duaal-leren]\nunknown-files = "error"\n', encoding="utf-8"
    )
    assert run(*argv)[0] == 2
    assert run(*argv, "--unknown-files", "skip")[0] == 0


def test_a_run_that_checked_nothing_fails_unless_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ci = tmp_path / "ci.yml"
    ci.write_text(WORKFLOW, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for argv in (["validate", str(ci)], ["validate", str(tmp_path)]):
        status, out = run(*argv, "--lang", "en")
        assert status == 2
        assert "no document checked" in capsys.readouterr().err
        status, out = run(*argv, "--allow-empty")
        assert status == 0
        assert out.startswith("0 bestanden, 0 fouten, 0 waarschuwingen")
        assert capsys.readouterr().err == ""
    (tmp_path / "pyproject.toml").write_text(
        "[tool.duaal-leren]\nallow-empty = true\n", encoding="utf-8"
    )
    assert run("validate", str(ci))[0] == 0


def test_allow_empty_in_settings_must_be_a_boolean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.duaal-leren]\nallow-empty = "ja"\nstandaardplannen = "plannen"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert run("validate", str(EXAMPLES))[0] == 2
    assert "[tool.duaal-leren]." in capsys.readouterr().err


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository whose standard plan has a competence the traject's plan lacks."""
    (tmp_path / "plannen").mkdir()
    (tmp_path / "trajecten").mkdir()
    standaard = (EXAMPLES / "standaardplan-elektrotechniek.yaml").read_text("utf-8")
    extra = (
        "  - code: ELT-98\n    omschrijving: Een extra competentie\n    leerplaats: school\n"
        "    cluster: Veiligheid, welzijn en milieu\n"
    )
    standaard = standaard.replace("competenties:\n", "competenties:\n" + extra, 1)
    (tmp_path / "plannen" / "elektrotechniek.yaml").write_text(standaard, encoding="utf-8")
    shutil.copy(EXAMPLES / "traject-lotte.yaml", tmp_path / "trajecten" / "lotte.yaml")
    return tmp_path


def test_standaardplannen_are_loaded_whatever_files_are_checked(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    traject = str(repository / "trajecten" / "lotte.yaml")
    argv = ["validate", traject, "--today", TODAY, "--select", "iop-standaard", "--lang", "en"]
    _, out = run(*argv)
    assert "ELT-98" not in out  # without the standard plan, nothing to compare with
    _, out = run(*argv, "--standaardplannen", str(repository / "plannen"))
    assert "[iop-standaard]" in out
    assert "ELT-98" in out
    assert out.splitlines()[-1] == "1 file, 0 errors, 1 warning"
    _, out = run(*argv, "--standaardplannen", str(repository / "plannen" / "elektrotechniek.yaml"))
    assert "ELT-98" in out
    # From the settings file, relative to it, wherever the command runs.
    (repository / "pyproject.toml").write_text(
        '[tool.duaal-leren]\nstandaardplannen = ["plannen"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(repository / "trajecten")
    _status, out = run(*argv)
    assert "ELT-98" in out


def test_a_standaardplan_option_that_names_no_standard_plan_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lotte = str(EXAMPLES / "traject-lotte.yaml")
    status, _ = run("validate", lotte, "--standaardplannen", lotte)
    assert status == 2
    assert "is geen standaardplan" in capsys.readouterr().err


@pytest.fixture
def attendance(tmp_path: Path) -> Path:
    """A repository with Noor's traject and an attendance record with a day in a holiday."""
    (tmp_path / "trajecten").mkdir()
    (tmp_path / "aanwezigheden").mkdir()
    shutil.copy(EXAMPLES / "traject-noor.yaml", tmp_path / "trajecten" / "noor.yaml")
    record = (EXAMPLES / "aanwezigheden-noor-2025-10.yaml").read_text("utf-8")
    record += "- datum: 2025-10-28\n  uren: 7.6\n"  # the autumn holiday
    (tmp_path / "aanwezigheden" / "oktober.yaml").write_text(record, encoding="utf-8")
    return tmp_path


def test_trajecten_are_loaded_whatever_files_are_checked(
    attendance: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pre-commit passes only the changed record; its traject still checks it.
    record = str(attendance / "aanwezigheden" / "oktober.yaml")
    argv = ["validate", record, "--today", "2025-11-05", "--lang", "en"]
    status, out = run(*argv)
    assert status == 0
    assert "[aanwezigheid-traject]" in out
    status, out = run(*argv, "--trajecten", str(attendance / "trajecten"))
    assert status == 1
    assert "[aanwezigheid-dag]" in out
    assert "[aanwezigheid-traject]" not in out
    (attendance / "pyproject.toml").write_text(
        '[tool.duaal-leren]\ntrajecten = ["trajecten"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(attendance / "aanwezigheden")
    status, out = run(*argv)
    assert status == 1
    assert "[aanwezigheid-dag]" in out


def test_trajecten_setting_and_option_are_checked(
    attendance: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    record = str(attendance / "aanwezigheden" / "oktober.yaml")
    status, _ = run("validate", record, "--trajecten", record)
    assert status == 2
    assert "is geen traject" in capsys.readouterr().err
    (attendance / "pyproject.toml").write_text(
        '[tool.duaal-leren]\ntrajecten = "trajecten"\n', encoding="utf-8"
    )
    monkeypatch.chdir(attendance)
    assert run("validate", record)[0] == 2
    assert "[tool.duaal-leren].trajecten" in capsys.readouterr().err


def test_paths_are_relative_to_the_git_root_whatever_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "trajecten").mkdir()
    shutil.copy(BROKEN, repo / "trajecten" / "kapot.yaml")
    monkeypatch.chdir(repo / "trajecten")
    line = line_of(BROKEN, "ervaring_jaren: 3")
    for name in ("kapot.yaml", str(repo / "trajecten" / "kapot.yaml")):
        status, out = run("validate", name, "--today", TODAY, "--format", "github")
        assert status == 1
        assert f"::error file=trajecten/kapot.yaml,line={line},title=mentor-ervaring" in out
        status, out = run("validate", name, "--today", TODAY, "--format", "json")
        assert json.loads(out)["files"][0]["path"] == "trajecten/kapot.yaml"
        status, out = run("validate", name, "--today", TODAY, "--format", "junit")
        assert 'name="trajecten/kapot.yaml"' in out
    # A worktree has a .git file; GITHUB_WORKSPACE, where set, comes first.
    (repo / ".git").rmdir()
    (repo / ".git").write_text("gitdir: elders\n", encoding="utf-8")
    status, out = run("validate", "kapot.yaml", "--today", TODAY, "--format", "github")
    assert "file=trajecten/kapot.yaml," in out
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo / "trajecten"))
    status, out = run("validate", "kapot.yaml", "--today", TODAY, "--format", "github")
    assert "file=kapot.yaml," in out


def test_paths_outside_any_repository_are_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE")
    if any((p / ".git").exists() for p in tmp_path.parents):
        pytest.skip("the temporary folder lies inside a git repository")
    shutil.copy(BROKEN, tmp_path / "kapot.yaml")
    _status, out = run("validate", str(tmp_path / "kapot.yaml"), "--format", "github")
    assert f"file={tmp_path / 'kapot.yaml'}," in out


def test_help_states_the_exit_codes_and_the_settings_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("validate", "--help")[0] == 0
    help_text = " ".join(capsys.readouterr().out.split())
    for text in ("0 geen fouten", "1 fouten gevonden", "2 gebruiksfout", "[tool.duaal-leren]"):
        assert text in help_text
    assert "pyproject.toml" in help_text


def test_the_documented_settings_are_accepted(tmp_path: Path) -> None:
    from duaal_leren.cli._validate import find_settings

    page = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    section = page.split("## Settings in `pyproject.toml`", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    settings, _ = find_settings(tmp_path)
    assert settings["bewaring"]["traject"] == {"jaren": 5}
    assert settings["privacy"]["gezondheidswoorden"][-1] == "dyslexie"
