"""The ``retention`` command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.cli._helpers import assert_clean_failure, run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
POLICY = """\
[tool.duaal-leren.bewaring]
gespreksverslag = { jaren = 1 }
"""


@pytest.fixture
def archief(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with the examples and a retention policy, as working directory."""
    shutil.copytree(EXAMPLES, tmp_path / "archief")
    (tmp_path / "pyproject.toml").write_text(POLICY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "archief"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_dry_run_lists_exactly_the_documents_past_their_date_and_changes_nothing(
    archief: Path,
) -> None:
    before = snapshot(archief)
    status, out = run(["retention", "archief", "--today", "2026-08-27"])
    assert status == 0
    assert out.splitlines() == [
        "archief/gespreksverslag-opstart-lotte.yaml\t2026-08-26",
        "1 document(en) voorbij hun bewaartermijn; niets gewist (--delete wist ze)",
    ]
    status, out = run(["retention", "archief", "--today", "2026-08-26", "--lang", "en"])
    assert out.splitlines() == [
        "0 document(s) past their retention date; nothing deleted (--delete deletes them)"
    ]
    assert snapshot(archief) == before


def test_delete_removes_them(archief: Path) -> None:
    status, out = run(["retention", "archief", "--today", "2026-08-27", "--delete"])
    assert status == 0
    assert out.splitlines()[-1] == "1 document(en) gewist"
    assert not (archief / "gespreksverslag-opstart-lotte.yaml").exists()
    assert (archief / "traject-lotte.yaml").exists()


def test_without_a_policy_nothing_is_past_its_date(
    archief: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("pyproject.toml").write_text("[tool.duaal-leren]\n", encoding="utf-8")
    status, _ = run(["retention", "archief", "--delete"])
    assert "geen bewaarbeleid" in assert_clean_failure(capsys, status)
    assert (archief / "gespreksverslag-opstart-lotte.yaml").exists()


def test_a_wrong_policy_names_the_setting(
    archief: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("pyproject.toml").write_text(
        '[tool.duaal-leren.bewaring]\ntraject = { jaren = "vijf" }\n', encoding="utf-8"
    )
    status, _ = run(["retention", "archief"])
    # Named as validate names its settings, with the file.
    err = assert_clean_failure(capsys, status)
    assert "pyproject.toml: [tool.duaal-leren].bewaring.traject.jaren" in err


def test_a_wrong_date_is_a_clear_error(archief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run(["retention", "archief", "--today", "morgen"])
    assert "--today" in assert_clean_failure(capsys, status)


def test_attendance_records_have_a_retention_date_too(archief: Path) -> None:
    Path("pyproject.toml").write_text(
        "[tool.duaal-leren.bewaring]\naanwezigheden = { jaren = 1 }\n", encoding="utf-8"
    )
    status, out = run(["retention", "archief", "--today", "2026-10-24"])
    assert status == 0
    assert out.splitlines() == [
        "archief/aanwezigheden-noor-2025-10.yaml\t2026-10-23",
        "1 document(en) voorbij hun bewaartermijn; niets gewist (--delete wist ze)",
    ]


def test_a_record_whose_traject_is_missing_is_named_not_dropped(
    archief: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("pyproject.toml").write_text(
        '[tool.duaal-leren.bewaring]\ngespreksverslag = { jaren = 5, na = "einde-overeenkomst" }\n',
        encoding="utf-8",
    )
    record = "archief/gespreksverslag-opstart-lotte.yaml"
    status, out = run(["retention", record, "--today", "2031-07-01"])
    assert status == 1
    assert out.splitlines() == [
        "0 document(en) voorbij hun bewaartermijn; niets gewist (--delete wist ze)",
        "1 document(en) zonder gekende vervaldatum (zie de meldingen)",
    ]
    assert capsys.readouterr().err.splitlines() == [
        f"{record}: geen vervaldatum: het traject 'TRJ-2025-0042' staat niet tussen de "
        "bestanden, dus het einde van de overeenkomst is onbekend"
    ]
    status, out = run(["retention", record, "--today", "2031-07-01", "--lang", "en", "--delete"])
    assert status == 1
    assert out.splitlines() == [
        "0 document(s) deleted",
        "1 document(s) without a known retention date (see the notices)",
    ]
    assert capsys.readouterr().err.splitlines() == [
        f"{record}: no retention date: the traject 'TRJ-2025-0042' is not among the files, so "
        "the end of the contract is unknown"
    ]
    assert (archief / "gespreksverslag-opstart-lotte.yaml").exists()
    # With the traject among the files, the record is listed.
    status, out = run(["retention", record, "archief/traject-lotte.yaml", "--today", "2031-07-01"])
    assert status == 0
    assert out.splitlines()[0] == f"{record}\t2031-06-30"
