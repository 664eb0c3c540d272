"""The exceptions: one hierarchy, every error in Dutch and English, on the command line too."""

from __future__ import annotations

import importlib
import importlib.util
import io
import pkgutil
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import duaal_leren
from duaal_leren import DuaalLerenError, FieldError, MissingDependencyError
from duaal_leren.cli import main
from duaal_leren.planning import cadans
from duaal_leren.voortgang import TrajectVoortgang

ROOT = Path(__file__).resolve().parent.parent
LOTTE = str(ROOT / "examples" / "traject-lotte.yaml")
BROKEN_TRAJECT = "schema: duaal-leren/traject@1\nid: x\n"


def public_error_classes() -> dict[str, type[BaseException]]:
    """Every exception class a public module of the package lists in its ``__all__``."""
    found: dict[str, type[BaseException]] = {}
    modules = [duaal_leren.__name__]
    modules += [
        info.name
        for info in pkgutil.walk_packages(duaal_leren.__path__, "duaal_leren.")
        if not any(part.startswith("_") for part in info.name.split("."))
    ]
    for name in modules:
        module = importlib.import_module(name)
        for attribute in getattr(module, "__all__", ()):
            value = getattr(module, attribute)
            if isinstance(value, type) and issubclass(value, BaseException):
                found[value.__name__] = value
    return found


Trigger = Callable[[Path, pytest.MonkeyPatch], object]


def _cohort(tmp_path: Path, _: pytest.MonkeyPatch) -> object:
    from duaal_leren.cohort import Cohort

    (tmp_path / "kapot.yaml").write_text(BROKEN_TRAJECT, encoding="utf-8")
    return Cohort.load(tmp_path)


def _missing_pandas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    from duaal_leren.cohort import Cohort

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pandas" else real(name, *a)
    )
    return Cohort.load(LOTTE).matrix(today="2026-03-01").to_dataframe()


def _unknown_leidraad(tmp_path: Path, _: pytest.MonkeyPatch) -> object:
    from duaal_leren.leidraad import leidraad

    return leidraad("bouw")


def _duplicate_ids(tmp_path: Path, _: pytest.MonkeyPatch) -> object:
    from duaal_leren.leidraad import Item, Leidraad, Sectie, Thema

    sectie = Sectie("s", "S", items=(Item("dubbel", "Een?"), Item("dubbel", "Twee?")))
    return Leidraad("eigen", "Eigen", "1", themas=(Thema("t", "T", secties=(sectie,)),))


# One thing a user does that raises each public error class.
TRIGGERS: dict[str, Trigger] = {
    "CohortError": _cohort,
    "DocumentError": lambda tmp_path, _: duaal_leren.loads(BROKEN_TRAJECT),
    "DocumentTypeError": lambda tmp_path, _: duaal_leren.validate(LOTTE),
    "FieldError": lambda tmp_path, _: duaal_leren.Competentie(
        "", "Iets", duaal_leren.Leerplaats.SCHOOL
    ),
    "KalenderError": lambda tmp_path, _: duaal_leren.Schooljaar.from_text("2025-2027"),
    "MissingDependencyError": _missing_pandas,
    "OnbekendeLeidraad": _unknown_leidraad,
    "OngeldigeLeidraad": _duplicate_ids,
    "PlanningError": lambda tmp_path, _: cadans("soms"),
    "RuleError": lambda tmp_path, _: duaal_leren.validate(duaal_leren.load(LOTTE), select=["nope"]),
    "WerkdagenError": lambda tmp_path, _: duaal_leren.werkplekdagen(
        attrs.evolve(duaal_leren.load(LOTTE), weekpatroon=None)
    ),
    "WriteError": lambda tmp_path, _: duaal_leren.save(
        duaal_leren.load(LOTTE), tmp_path / "geen-map" / "traject.yaml"
    ),
}


def test_every_public_error_is_a_duaal_leren_error() -> None:
    classes = public_error_classes()
    assert {"DuaalLerenError", "DocumentError", "FieldError", "RuleError"} <= set(classes)
    for cls in classes.values():
        assert issubclass(cls, DuaalLerenError), cls
    # A new public error needs a way to raise it below, so its messages are checked too.
    assert set(classes) - {"DuaalLerenError"} == set(TRIGGERS)


@pytest.mark.parametrize("name", sorted(TRIGGERS))
def test_every_public_error_speaks_dutch_and_english(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cls = public_error_classes()[name]
    with pytest.raises(cls) as info:
        TRIGGERS[name](tmp_path, monkeypatch)
    error = info.value
    assert isinstance(error, DuaalLerenError)
    assert error.message.strip()
    assert error.message_en.strip()
    assert error.message != error.message_en
    assert str(error) == error.text() == error.text("nl")
    assert error.text("en") != error.text("nl")
    assert error.message_en in error.text("en") or error.text("en") in error.message_en


def test_the_exported_errors_are_the_ones_the_modules_raise() -> None:
    from duaal_leren import kalender, planning, validation

    assert duaal_leren.FieldError is duaal_leren.exceptions.FieldError
    assert duaal_leren.KalenderError is kalender.KalenderError
    assert duaal_leren.PlanningError is planning.PlanningError
    assert duaal_leren.RuleError is validation.RuleError
    # Callers that catch ValueError keep working.
    for cls in (FieldError, duaal_leren.KalenderError, duaal_leren.PlanningError):
        assert issubclass(cls, ValueError)
    assert issubclass(duaal_leren.RuleError, ValueError)
    assert issubclass(MissingDependencyError, ModuleNotFoundError)


def test_a_field_error_names_its_field_in_both_languages() -> None:
    with pytest.raises(FieldError) as info:
        duaal_leren.Competentie("ELT-01", " ", duaal_leren.Leerplaats.SCHOOL)
    assert info.value.field == "omschrijving"
    assert info.value.message == "mag niet leeg zijn"
    assert str(info.value) == "omschrijving: mag niet leeg zijn"
    assert info.value.text("en") == "omschrijving: must not be empty"


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(MissingDependencyError) as info:
        _missing_pandas(tmp_path, monkeypatch)
    assert info.value.name == "pandas"
    assert info.value.extra == "pandas"
    assert "pip install 'duaal-leren[pandas]'" in info.value.text("en")
    assert "niet geïnstalleerd" in str(info.value)


# --- values a user gives that were plain ValueErrors -------------------------------------


def test_a_bad_today_is_a_field_error(traject: duaal_leren.Traject) -> None:
    with pytest.raises(FieldError) as info:
        duaal_leren.validate(traject, today="1 oktober")
    assert info.value.field == "today"
    assert "geen datum" in str(info.value)
    assert "YYYY-MM-DD" in info.value.text("en")
    with pytest.raises(FieldError, match="today"):
        TrajectVoortgang.from_traject(traject, today="2026-02-30")


def test_a_bad_severity_is_a_rule_error(traject: duaal_leren.Traject) -> None:
    with pytest.raises(duaal_leren.RuleError) as info:
        duaal_leren.validate(traject, today="2025-10-01", severity={"mentor": "loud"})
    assert "kies error, warning of info" in str(info.value)
    assert "choose error, warning or info" in info.value.text("en")


def test_dump_with_an_unknown_format(traject: duaal_leren.Traject) -> None:
    with pytest.raises(FieldError) as info:
        duaal_leren.dump(traject, "xml")  # type: ignore[arg-type]
    assert info.value.field == "format"
    assert str(info.value) == "format: onbekend formaat 'xml'; kies 'yaml' of 'json'"
    assert info.value.text("en") == "format: unknown format 'xml'; use 'yaml' or 'json'"


def test_the_rollup_refuses_the_learner_in_both_languages() -> None:
    from duaal_leren.opvolging import Beoordelaar

    with pytest.raises(FieldError) as info:
        duaal_leren.Rollup(beoordelaars=[Beoordelaar.LERENDE])
    assert info.value.field == "beoordelaars"
    assert "zelfevaluatie" in str(info.value)
    assert "self-assessment" in info.value.text("en")


def test_a_matrix_column_other_than_niveau_or_status() -> None:
    pytest.importorskip("pandas")
    from duaal_leren.cohort import Cohort

    matrix = Cohort.load(LOTTE).matrix(today="2026-03-01")
    with pytest.raises(FieldError) as info:
        matrix.to_dataframe("kleur")  # type: ignore[arg-type]
    assert info.value.field == "waarde"
    assert "kies 'niveau' of 'status'" in str(info.value)
    assert "choose 'niveau' or 'status'" in info.value.text("en")


def test_a_picture_in_another_format(traject: duaal_leren.Traject, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from duaal_leren.plot import voortgangsgrafiek

    with pytest.raises(FieldError) as info:
        voortgangsgrafiek(traject, tmp_path / "lotte.pdf", today="2026-06-30")
    assert info.value.field == "path"
    assert "kies .png of .svg, niet 'pdf'" in str(info.value)
    assert "choose .png or .svg, not 'pdf'" in info.value.text("en")
    with pytest.raises(FieldError, match="format"):
        voortgangsgrafiek(traject, tmp_path / "lotte", today="2026-06-30", format="gif")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


# --- the command line prints the language of --lang ---------------------------------------


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(args, out=io.StringIO())
    return status, capsys.readouterr().err


USAGE_ERRORS = [
    pytest.param(
        ["validate", "--select", "nope", LOTTE],
        "duaal-leren: geen regel met code 'nope'\n",
        "duaal-leren: no rule with code 'nope'\n",
        id="validate-select",
    ),
    pytest.param(
        ["validate", "--severity", "mentor=loud", LOTTE],
        "duaal-leren: ernst mentor='loud': kies error, warning of info\n",
        "duaal-leren: severity mentor='loud': choose error, warning or info\n",
        id="validate-severity",
    ),
    pytest.param(
        ["planning", LOTTE, "--cadans", "soms"],
        "duaal-leren: onbekende cadans 'soms'; gebruik bv. 6w, 4/jaar, klassenraad of "
        "voor:2025-12-17\n",
        "duaal-leren: unknown cadence 'soms'; use e.g. 6w, 4/jaar, klassenraad or "
        "voor:2025-12-17\n",
        id="planning-cadans",
    ),
    pytest.param(
        ["kalender", "2025-2027"],
        "duaal-leren: '2025-2027' is geen schooljaar; schrijf het als 2025-2026\n",
        "duaal-leren: '2025-2027' is not a school year; write it as 2025-2026\n",
        id="kalender-schooljaar",
    ),
    pytest.param(
        ["voortgang", LOTTE, "--today", "1 maart"],
        "duaal-leren: --today: '1 maart' is geen datum; schrijf ze als JJJJ-MM-DD\n",
        "duaal-leren: --today: '1 maart' is not a date; write it as YYYY-MM-DD\n",
        id="voortgang-today",
    ),
    pytest.param(
        ["voortgang", LOTTE, "--grafiek", "lotte.pdf"],
        "duaal-leren: --grafiek: kies .png of .svg (lotte.pdf)\n",
        "duaal-leren: --grafiek: choose .png or .svg (lotte.pdf)\n",
        id="voortgang-grafiek",
    ),
]


@pytest.mark.parametrize(("argv", "dutch", "english"), USAGE_ERRORS)
def test_usage_errors_in_the_language_asked_for(
    argv: list[str],
    dutch: str,
    english: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DUAAL_LEREN_LANG", raising=False)
    assert run(argv, capsys) == (2, dutch)
    assert run(["--lang", "en", *argv], capsys) == (2, english)
    assert run([argv[0], "--lang", "en", *argv[1:]], capsys) == (2, english)
    monkeypatch.setenv("DUAAL_LEREN_LANG", "en")
    assert run(argv, capsys) == (2, english)


def test_a_document_error_lists_its_problems_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DUAAL_LEREN_LANG", raising=False)
    path = tmp_path / "kapot.yaml"
    path.write_text(BROKEN_TRAJECT, encoding="utf-8")
    status, dutch = run(["summary", str(path)], capsys)
    assert status == 2
    assert dutch.startswith(f"{path}: ")
    assert "problemen\n" in dutch.splitlines(keepends=True)[0]
    assert "verplicht veld" in dutch
    status, english = run(["--lang", "en", "summary", str(path)], capsys)
    assert status == 2
    assert english.startswith(f"{path}: ")
    assert "problems\n" in english.splitlines(keepends=True)[0]
    assert "required field" in english
    assert len(english.splitlines()) == len(dutch.splitlines()) > 2


# --- messages of a bounded length ----------------------------------------------------------


def test_a_document_error_with_very_many_problems_counts_those_it_does_not_list() -> None:
    from duaal_leren import DocumentError, Problem

    problems = [
        Problem(f"$.lijst[{i}]", "verwacht tekst", "expected text", "verkeerd-type", i + 1)
        for i in range(100_000)
    ]
    error = DocumentError("groot.json", problems)
    assert len(error.problems) == 100_000  # the data holds every problem
    for lang in ("nl", "en"):
        text = error.text(lang)
        assert len(text) < 10_000
        lines = text.splitlines()
        assert lines[1] == (
            "  regel 1, $.lijst[0]: verwacht tekst"
            if lang == "nl"
            else "  line 1, $.lijst[0]: expected text"
        )
        listed = len(lines) - 2
        assert listed > 20
        rest = 100_000 - listed
        assert lines[-1] == (
            f"  ... en nog {rest} problemen" if lang == "nl" else f"  ... and {rest} more problems"
        )
    assert str(error) == error.text("nl")


def test_a_document_error_cuts_a_very_long_path() -> None:
    from duaal_leren import DocumentError, Problem

    path = '$["' + "k" * 1_000_000 + '"]'
    error = DocumentError("x.json", [Problem(path, "onbekend veld", "unknown field")])
    [_, line] = error.text("en").splitlines()
    assert len(line) < 1_000
    assert line.startswith('  $["kkk')
    assert line.endswith('"]: unknown field')
    assert error.problems[0].path == path


def test_a_document_error_with_a_few_problems_lists_them_all() -> None:
    from duaal_leren import DocumentError, Problem

    problems = [Problem(f"$.a{i}", "fout", "wrong", line=i + 1) for i in range(30)]
    assert len(DocumentError("x", problems).text("en").splitlines()) == 31


SHORT_VALUES = ["kort", "x" * 38, 0, -(2**63), 2**64, True, None, 1.5]
LONG_VALUES = ["x" * 59, "x" * 1000, "\x07" * 20, "é" * 60, 10**5000, list(range(100))]


@pytest.mark.parametrize("value", SHORT_VALUES + LONG_VALUES, ids=lambda v: type(v).__name__)
def test_excerpt_is_the_repr_of_a_short_value_and_bounded_for_others(value: object) -> None:
    text = duaal_leren.exceptions.excerpt(value)
    assert len(text) <= 70
    if any(value is short for short in SHORT_VALUES):
        assert text == repr(value)
    else:
        assert "..." in text or text.startswith("<")
    text.encode("utf-8")


def test_excerpt_escapes_a_lone_surrogate() -> None:
    assert duaal_leren.exceptions.excerpt("a\ud800") == "'a\\ud800'"


def test_printable_escapes_what_would_move_the_cursor_or_break_xml() -> None:
    from duaal_leren.exceptions import printable

    assert printable("rood: \x1b[31m") == "rood: \\x1b[31m"
    assert printable("csi \x9b, del \x7f, bel \x07") == "csi \\x9b, del \\x7f, bel \\x07"
    assert printable("los \ud800, niet \ufffe") == "los \\ud800, niet \\ufffe"
    # Line feeds and tabs are text; letters of any script stay as they are.
    assert printable("regel\n\tnieuw café ĳ 日本") == "regel\n\tnieuw café ĳ 日本"
