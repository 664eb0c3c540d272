"""The ``duaal-leren leidraad`` command: its outputs and exit statuses."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import html5lib
import pendulum
import pytest

from duaal_leren import save
from duaal_leren.cli import main
from duaal_leren.gespreksverslag import Antwoord
from duaal_leren.leidraad import leidraad, load_verslag

ROOT = Path(__file__).resolve().parents[2]
RECORD = ROOT / "examples" / "gespreksverslag-opstart-lotte.yaml"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_list() -> None:
    status, out = run("leidraad", "list")
    assert status == 0
    assert out.splitlines() == [
        "leervooruitgang  Wat bespreek ik omtrent de leervooruitgang? (versie 1, 11 items)",
        "opstartgesprek   Leidraad opstartgesprek voor leerwerkplekken (versie 1, 45 items)",
    ]
    status, out = run("leidraad", "list", "--format", "json")
    assert status == 0
    assert json.loads(out)[1] == {
        "id": "opstartgesprek",
        "titel": "Leidraad opstartgesprek voor leerwerkplekken",
        "versie": "1",
        "items": 45,
    }


def test_show_json_has_the_fixed_shape() -> None:
    status, out = run("leidraad", "show", "opstartgesprek", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert list(data) == ["id", "titel", "bron", "themas"]
    assert [t["titel"] for t in data["themas"]] == [
        "Samenwerking school en bedrijf",
        "De lerende",
        "Feedback en evaluatie",
    ]
    vragen = [v for t in data["themas"] for s in t["secties"] for v in s["vragen"]]
    assert len(vragen) == 45
    assert all(list(v) == ["id", "tekst"] for v in vragen)
    assert data["bron"]["datum"] == "2023-06"


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("text", "Leidraad opstartgesprek voor leerwerkplekken\n"),
        ("md", "# Leidraad opstartgesprek voor leerwerkplekken\n"),
        ("html", "<!DOCTYPE html>\n"),
    ],
)
def test_show_formats(fmt: str, start: str) -> None:
    status, out = run("leidraad", "show", "opstartgesprek", "--format", fmt)
    assert status == 0
    assert out.startswith(start)
    assert "Wat is de rol van de mentor op een klassenraad?" in out
    if fmt == "html":
        html5lib.HTMLParser(strict=True).parse(out)


def test_show_defaults_to_text_and_takes_the_language_after_the_subcommand() -> None:
    status, out = run("leidraad", "show", "leervooruitgang", "--lang", "en")
    assert status == 0
    assert out.splitlines()[1] == "Catalogue leervooruitgang, version 1"


def test_show_reads_a_catalogue_or_an_extension_file(tmp_path: Path) -> None:
    extension = tmp_path / "bouw.yaml"
    extension.write_text(
        "schema: duaal-leren/leidraad-uitbreiding@1\nid: opstartgesprek-bouw\n"
        "titel: Opstart bouw\nversie: '1'\nbasis: opstartgesprek\naanvullingen:\n"
        "- bij: praktische-afspraken\n  items:\n  - id: bouw.werfkledij\n"
        "    tekst: Wie zorgt voor de werkkledij?\n",
        encoding="utf-8",
    )
    status, out = run("leidraad", "show", str(extension), "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["id"] == "opstartgesprek-bouw"
    assert data["themas"][0]["secties"][2]["vragen"][-1] == {
        "id": "bouw.werfkledij",
        "tekst": "Wie zorgt voor de werkkledij?",
    }


def test_show_an_unknown_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run("leidraad", "show", "bouw")
    assert (status, out) == (2, "")
    assert capsys.readouterr().err == (
        "duaal-leren: geen meegeleverde leidraad 'bouw'; "
        "gekend zijn: leervooruitgang, opstartgesprek\n"
    )
    for argv in (
        ("--lang", "en", "leidraad", "show", "bouw"),
        ("leidraad", "show", "bouw", "--lang", "en"),
    ):
        status, _ = run(*argv)
        assert status == 2
        assert capsys.readouterr().err == (
            "duaal-leren: no shipped catalogue 'bouw'; known are: leervooruitgang, opstartgesprek\n"
        )


@pytest.mark.parametrize(
    "reference", ["/nonexistent.yaml", "bouw.yaml", "bouw.json", "catalogi/bouw", "BOUW.YML"]
)
def test_show_a_path_that_does_not_exist(
    reference: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # An argument that looks like a file is one: a typo in a path is a missing file.
    monkeypatch.chdir(tmp_path)
    status, out = run("leidraad", "show", reference)
    assert (status, out) == (2, "")
    err = capsys.readouterr().err
    assert err == f"{reference}: 1 probleem\n  $: het bestand bestaat niet\n"
    status, _ = run("leidraad", "show", reference, "--lang", "en")
    assert status == 2
    assert "$: the file does not exist" in capsys.readouterr().err


def test_show_a_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text(
        "schema: duaal-leren/leidraad@1\nid: k\ntitel: K\nversie: '1'\nthemas:\n"
        "- id: a\n  titel: A\n  items:\n  - id: a\n    tekst: Dubbel?\n",
        encoding="utf-8",
    )
    status, out = run("leidraad", "show", str(path))
    assert (status, out) == (2, "")
    err = capsys.readouterr().err
    assert f"{path}: 1 probleem" in err
    assert "regel 9, $.themas[0].items[0].id: de id 'a' komt al voor op $.themas[0].id" in err


def test_status_of_the_example() -> None:
    status, out = run("leidraad", "status", str(RECORD), "--today", "2025-10-01")
    # Three items are open and one action is late.
    assert status == 1
    assert out.splitlines()[:2] == [
        "Gespreksverslag TRJ-2025-0042, 2025-08-26",
        "Leidraad opstartgesprek, versie 1: 45 items; 40 beantwoord, 2 niet van toepassing, 3 open",
    ]
    assert "  - 39. Hoe verwacht de school dat de vooruitgang" in out
    assert "Acties te laat op 2025-10-01:\n  - Het evaluatieformulier bezorgen" in out


def test_status_is_that_of_the_day_in_brussels(monkeypatch: pytest.MonkeyPatch) -> None:
    def today(tz: str = "local") -> pendulum.DateTime:
        # The machine's own zone is still on 30 September; Brussels is on 1 October.
        if tz == "Europe/Brussels":
            return pendulum.datetime(2025, 10, 1)
        return pendulum.datetime(2025, 9, 30)

    monkeypatch.setattr(pendulum, "today", today)
    assert run("leidraad", "status", str(RECORD)) == run(
        "leidraad", "status", str(RECORD), "--today", "2025-10-01"
    )


def test_status_as_json() -> None:
    status, out = run(
        "leidraad", "status", str(RECORD), "--today", "2025-09-01", "--format", "json"
    )
    assert status == 1
    data = json.loads(out)
    assert data["totaal"]["open"] == 3
    assert data["te_laat"] == []
    assert data["findings"] == []
    assert data["volledig"] is False


def test_status_of_a_complete_record_is_zero(tmp_path: Path) -> None:
    answers = tuple(
        Antwoord(i.id, tekst="besproken") for i in leidraad("opstartgesprek").alle_items
    )
    complete = attrs.evolve(load_verslag(RECORD), antwoorden=answers, acties=())
    path = save(complete, tmp_path / "volledig.yaml")
    status, out = run("leidraad", "status", str(path), "--today", "2025-10-01")
    assert status == 0
    assert "45 beantwoord, 0 niet van toepassing, 0 open" in out


def test_status_reports_unknown_items(tmp_path: Path) -> None:
    text = RECORD.read_text(encoding="utf-8").replace("item: klassenraad", "item: klasraad")
    path = tmp_path / "tikfout.yaml"
    path.write_text(text, encoding="utf-8")
    status, out = run("leidraad", "status", str(path), "--today", "2025-09-01")
    assert status == 1
    assert (
        "error: $.antwoorden[42].item: de leidraad 'opstartgesprek' (versie 1) heeft geen item 'klasraad'"
        in out
    )
    assert "Antwoorden op items die niet in de leidraad staan: klasraad" in out


def test_status_with_the_catalogue_of_the_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = tmp_path / "eigen.yaml"
    catalogue.write_text(
        "schema: duaal-leren/leidraad@1\nid: eigen\ntitel: Eigen\nversie: '1'\nthemas:\n"
        "- id: t\n  titel: T\n  items:\n  - id: t.een\n    tekst: Een?\n  - id: t.twee\n    tekst: Twee?\n",
        encoding="utf-8",
    )
    record = tmp_path / "verslag.yaml"
    record.write_text(
        "schema: duaal-leren/gespreksverslag@1\nleidraad:\n  id: eigen\n  versie: '1'\n"
        "traject: TRJ-1\ndatum: 2025-09-01\nantwoorden:\n- item: t.een\n  tekst: Ja\n",
        encoding="utf-8",
    )
    status, _ = run("leidraad", "status", str(record))
    assert status == 2
    assert "geen meegeleverde leidraad 'eigen'" in capsys.readouterr().err
    status, out = run("leidraad", "status", str(record), "--leidraad", str(catalogue))
    assert status == 1
    assert "Leidraad eigen, versie 1: 2 items; 1 beantwoord, 0 niet van toepassing, 1 open" in out
    assert "  - 2. Twee? [t.twee]" in out


def test_status_refuses_a_catalogue_of_another_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = tmp_path / "eigen.yaml"
    catalogue.write_text(
        "schema: duaal-leren/leidraad@1\nid: eigen\ntitel: Eigen\nversie: '1'\nthemas:\n"
        "- id: t\n  titel: T\n  items:\n  - id: t.een\n    tekst: Een?\n",
        encoding="utf-8",
    )
    status, out = run("leidraad", "status", str(RECORD), "--leidraad", str(catalogue))
    assert (status, out) == (2, "")
    err = capsys.readouterr().err
    assert err == (
        f"{RECORD}: $.leidraad.id: het verslag hoort bij de leidraad 'opstartgesprek', "
        "niet bij 'eigen'\n"
    )
    status, _ = run("--lang", "en", "leidraad", "status", str(RECORD), "--leidraad", str(catalogue))
    assert status == 2
    assert "the record belongs to the catalogue 'opstartgesprek', not to 'eigen'" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["leidraad", "status", "bestaat-niet.yaml"], "het bestand bestaat niet"),
        (
            ["leidraad", "status", str(ROOT / "examples" / "traject-lotte.yaml")],
            "verwacht een document van soort 'gespreksverslag'",
        ),
        (["leidraad", "status", str(RECORD), "--today", "1 oktober"], "is geen datum"),
        (["leidraad", "show", "opstartgesprek", "--format", "pdf"], "invalid choice"),
        (["leidraad"], "SUBCOMMAND"),
    ],
)
def test_usage_errors_exit_with_two(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run(*argv)
    assert (status, out) == (2, "")
    assert message in capsys.readouterr().err


def test_help_lists_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--help")[0] == 0
    assert "leidraad" in capsys.readouterr().out


def test_text_output_carries_no_terminal_escape(tmp_path: Path) -> None:
    extension = tmp_path / "bouw.yaml"
    extension.write_text(
        "schema: duaal-leren/leidraad-uitbreiding@1\nid: opstartgesprek-bouw\n"
        "titel: \"Opstart \\e[2Jbouw\"\nversie: '1'\nbasis: opstartgesprek\naanvullingen:\n"
        "- bij: praktische-afspraken\n  items:\n  - id: bouw.werfkledij\n"
        '    tekst: "Wie zorgt voor de \\e]0;x\\a werkkledij?"\n',
        encoding="utf-8",
    )
    for fmt in ("text", "md"):
        status, out = run("leidraad", "show", str(extension), "--format", fmt)
        assert status == 0
        assert "\x1b" not in out
        assert "\x07" not in out
        # Markdown escapes some of the punctuation as well.
        assert "\\x07 werkkledij" in out
    text = RECORD.read_text(encoding="utf-8").replace("item: klassenraad", 'item: "klas\\e[2Jraad"')
    path = tmp_path / "tikfout.yaml"
    path.write_text(text, encoding="utf-8")
    status, out = run("leidraad", "status", str(path), "--today", "2025-09-01")
    assert status == 1
    assert "\x1b" not in out
    assert "klas\\x1b[2Jraad" in out


def test_an_empty_today_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run("leidraad", "status", str(RECORD), "--today", "")
    assert (status, out) == (2, "")
    assert "--today: '' is geen datum" in capsys.readouterr().err
