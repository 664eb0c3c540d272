"""The ``redact`` command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.cli._helpers import assert_clean_failure, run

import duaal_leren

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def school(tmp_path: Path) -> Path:
    """A folder of documents with a subfolder."""
    folder = tmp_path / "school"
    (folder / "klas-a").mkdir(parents=True)
    shutil.copy(EXAMPLES / "traject-lotte.yaml", folder / "klas-a")
    shutil.copy(EXAMPLES / "gespreksverslag-opstart-lotte.yaml", folder)
    return folder


def test_a_file_is_copied_without_personal_data(tmp_path: Path) -> None:
    status, out = run(["redact", str(EXAMPLES / "traject-lotte.yaml"), "--output", str(tmp_path)])
    assert status == 0
    copy = tmp_path / "traject-lotte.yaml"
    assert out.splitlines() == [
        str(copy),
        f"1 kopie zonder persoonsgegevens geschreven in {tmp_path}",
    ]
    text = copy.read_text(encoding="utf-8")
    assert "Lotte" not in text
    assert "lotte.peeters@example.org" not in text
    assert duaal_leren.load(copy).lerende.persoonsgegevens is None
    assert duaal_leren.load(copy).id == "TRJ-2025-0042"  # the school's number for it stays


def test_a_folder_keeps_its_layout(school: Path, tmp_path: Path) -> None:
    out = tmp_path / "gedeeld"
    status, text = run(["redact", str(school), "-o", str(out), "--lang", "en"])
    assert status == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml")) == [
        "gespreksverslag-opstart-lotte.yaml",
        "klas-a/traject-lotte.yaml",
    ]
    assert text.splitlines()[-1] == f"2 copies redacted written to {out}"
    # The record loses the names its traject marks as personal.
    record = (out / "gespreksverslag-opstart-lotte.yaml").read_text(encoding="utf-8")
    assert "Koen Vermeulen" not in record


def test_pseudonymised_runs_with_the_same_key_are_identical(
    school: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLEUTEL", "s3cret-key")
    for name in ("een", "twee"):
        status, _ = run(
            [
                "redact",
                str(school),
                "-o",
                str(tmp_path / name),
                "--pseudonymise",
                "--key-env",
                "SLEUTEL",
            ]
        )
        assert status == 0
    one = (tmp_path / "een" / "klas-a" / "traject-lotte.yaml").read_text(encoding="utf-8")
    two = (tmp_path / "twee" / "klas-a" / "traject-lotte.yaml").read_text(encoding="utf-8")
    assert one == two
    assert "lerende-" in one
    # The traject's id is pseudonymised too, the same in the record as in the traject.
    traject_id = duaal_leren.load(tmp_path / "een" / "klas-a" / "traject-lotte.yaml").id
    assert traject_id.startswith("traject-")
    record = duaal_leren.load(tmp_path / "een" / "gespreksverslag-opstart-lotte.yaml")
    assert record.traject == traject_id
    assert "TRJ-2025-0042" not in one
    assert "s3cret-key" not in one
    monkeypatch.setenv("SLEUTEL", "other")
    run(
        [
            "redact",
            str(school),
            "-o",
            str(tmp_path / "drie"),
            "--pseudonymise",
            "--key-env",
            "SLEUTEL",
        ]
    )
    three = (tmp_path / "drie" / "klas-a" / "traject-lotte.yaml").read_text(encoding="utf-8")
    assert three != one


@pytest.mark.parametrize(
    ("options", "env", "message"),
    [
        (["--pseudonymise"], {}, "--key-env"),
        (["--pseudonymise", "--key-env", "GEEN_SLEUTEL"], {}, "GEEN_SLEUTEL"),
        (["--pseudonymise", "--key-env", "LEEG"], {"LEEG": ""}, "LEEG"),
        (["--key-env", "LEEG"], {"LEEG": "x"}, "--pseudonymise"),
    ],
)
def test_a_missing_or_empty_key_is_a_clear_error(
    options: list[str],
    env: dict[str, str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("GEEN_SLEUTEL", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    out = tmp_path / "uit"
    status, _ = run(["redact", str(EXAMPLES / "traject-lotte.yaml"), "-o", str(out), *options])
    assert message in assert_clean_failure(capsys, status)
    assert not out.exists()


def test_the_output_may_not_lie_in_the_input_folder(
    school: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(school.rglob("*"))
    status, _ = run(["redact", str(school), "-o", str(school / "uit")])
    assert "invoermap" in assert_clean_failure(capsys, status)
    assert sorted(school.rglob("*")) == before


def test_a_copy_may_not_overwrite_an_input(
    school: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = school / "gespreksverslag-opstart-lotte.yaml"
    before = record.read_bytes()
    status, _ = run(["redact", str(record), "-o", str(school)])
    assert "invoerbestanden" in assert_clean_failure(capsys, status)
    assert record.read_bytes() == before


def test_an_unreadable_document_writes_nothing(
    school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (school / "kapot.yaml").write_text("schema: duaal-leren/traject@1\nid: x\n", encoding="utf-8")
    out = tmp_path / "uit"
    status, _ = run(["redact", str(school), "-o", str(out)])
    assert "kapot.yaml" in assert_clean_failure(capsys, status)
    assert not out.exists()
