"""Importing the package is cheap: names, catalogues, holiday tables and icalendar load on use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import duaal_leren

HEAVY = (
    "holidays",
    "icalendar",
    "duaal_leren.leidraad.render",
    "duaal_leren.planning",
    "duaal_leren.validation",
    "duaal_leren.kalender",
)


def modules_after(script: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``script``."""
    code = f"{script}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_importing_the_package_imports_none_of_its_modules() -> None:
    loaded = modules_after("import duaal_leren")
    ours = {m for m in loaded if m.startswith("duaal_leren.")}
    assert ours <= {"duaal_leren._lazy"}
    for heavy in ("attrs", "cattrs", "pendulum", "yaml", *HEAVY):
        assert heavy not in loaded


def test_loading_a_traject_needs_no_calendar_guide_or_planner() -> None:
    loaded = modules_after("import duaal_leren\nduaal_leren.load('examples/traject-lotte.yaml')")
    assert "duaal_leren.traject" in loaded
    for heavy in HEAVY:
        assert heavy not in loaded


def test_a_valid_traject_loads_on_the_fast_path_without_cattrs() -> None:
    # cattrs builds the detailed converter, which only a document with a problem (or a
    # dump) needs; a broken document still gets every problem with its path.
    loaded = modules_after("import duaal_leren\nduaal_leren.load('examples/traject-lotte.yaml')")
    assert "cattrs" not in loaded
    assert "duaal_leren._convert" not in loaded
    broken = modules_after(
        "import duaal_leren\n"
        "try:\n"
        "    duaal_leren.load('tests/data/traject-kapot.yaml')\n"
        "    duaal_leren.loads('schema: duaal-leren/traject@1\\nid: 5\\n')\n"
        "except duaal_leren.DocumentError as error:\n"
        "    assert any(p.path == '$.id' for p in error.problems), error.problems\n"
        "else:\n"
        "    raise SystemExit('no error')"
    )
    assert "cattrs" in broken


def test_a_validation_run_in_text_imports_no_junit_writer() -> None:
    loaded = modules_after(
        "from duaal_leren.cli import main\n"
        "import io\n"
        "main(['validate', 'examples/traject-lotte.yaml'], out=io.StringIO())"
    )
    assert "duaal_leren.validation" in loaded
    assert "xml.etree.ElementTree" not in loaded


def test_the_national_register_check_is_imported_only_for_a_candidate_number() -> None:
    # python-stdnum pulls in ssl, socket and pydoc: a text without 11 digits never needs it.
    script = (
        "import duaal_leren\n"
        "plan = duaal_leren.load('examples/standaardplan-elektrotechniek.yaml')\n"
        "assert duaal_leren.validate(plan).passed"
    )
    assert "stdnum" not in modules_after(script)
    numbered = script.replace(
        "assert",
        "plan = __import__('attrs').evolve(plan, toelichting='85.07.30-033.28')\nassert not",
    )
    assert "stdnum" in modules_after(numbered)


def test_a_calendar_is_built_from_the_package_table_without_holidays() -> None:
    # `holidays` imports every country it knows: the package's own table of the days off
    # of the law (checked against it in test_wettelijke_dagen.py) is read instead.
    loaded = modules_after("import duaal_leren\nduaal_leren.schoolkalender('2025-2026')")
    assert "duaal_leren.kalender" in loaded
    assert "holidays" not in loaded
    assert "icalendar" not in loaded


@pytest.mark.parametrize("name", duaal_leren.__all__)
def test_every_public_name_is_there(name: str) -> None:
    assert getattr(duaal_leren, name) is not None
    assert name in dir(duaal_leren)


def test_no_public_name_is_also_a_submodule(monkeypatch: pytest.MonkeyPatch) -> None:
    # Importing a submodule binds it to the package under its name: a function of the same
    # name would be replaced by the module. Such a table is refused when the package loads.
    import importlib.machinery
    import types

    from duaal_leren._lazy import lazy_exports

    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from pakket.voortgang import voortgang\n"
    )

    class Loader:
        def get_source(self, name: str) -> str:
            return source

    package = types.ModuleType("pakket")
    package.__spec__ = importlib.machinery.ModuleSpec("pakket", Loader())  # type: ignore[arg-type]
    monkeypatch.setitem(sys.modules, "pakket", package)
    with pytest.raises(ValueError, match="voortgang"):
        lazy_exports("pakket")


def test_a_submodule_is_reachable_as_an_attribute() -> None:
    assert duaal_leren.planning.plan_opvolging is duaal_leren.plan_opvolging


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="geen_naam"):
        _ = duaal_leren.geen_naam  # type: ignore[attr-defined]


def test_other_submodules_are_imported_the_usual_way() -> None:
    # A module with optional dependencies (strategies needs hypothesis) is not imported by
    # looking up an attribute: hasattr stays a harmless question.
    loaded = modules_after(
        "import duaal_leren\n"
        "assert not hasattr(duaal_leren, 'strategies')\n"
        "assert not hasattr(duaal_leren, 'data')\n"
        "from duaal_leren import strategies"
    )
    assert "duaal_leren.strategies" in loaded


@pytest.mark.parametrize("package", ["duaal_leren", "duaal_leren.leidraad"])
def test_the_public_names_are_listed_once_for_type_checkers_and_at_run_time(package: str) -> None:
    # The imports under TYPE_CHECKING are the one table: type checkers read them, and the
    # package imports each name from the module they name. __all__ says the same names.
    import importlib

    from duaal_leren._lazy import lazy_table

    module = importlib.import_module(package)
    assert module.__file__ is not None
    table = lazy_table(Path(module.__file__).read_text(encoding="utf-8"))
    assert set(table) == set(module.__all__) - {"__version__"}
    for name, where in table.items():
        assert getattr(module, name) is getattr(importlib.import_module(where), name)
