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


def test_the_holiday_tables_load_when_a_calendar_is_first_built() -> None:
    loaded = modules_after("import duaal_leren\nduaal_leren.schoolkalender('2025-2026')")
    assert "holidays" in loaded
    assert "icalendar" not in loaded


@pytest.mark.parametrize("name", duaal_leren.__all__)
def test_every_public_name_is_there(name: str) -> None:
    assert getattr(duaal_leren, name) is not None
    assert name in dir(duaal_leren)


def test_a_function_named_like_its_module_stays_the_function() -> None:
    import duaal_leren.voortgang  # binds the submodule to the package

    assert callable(duaal_leren.voortgang)
    assert duaal_leren.voortgang.__module__ == "duaal_leren.voortgang"


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
def test_the_lazy_table_matches_what_type_checkers_see(package: str) -> None:
    # Names are listed twice: imported under TYPE_CHECKING for type checkers, and in the
    # table the package imports them from at run time. Both must say the same.
    import ast
    import importlib

    module = importlib.import_module(package)
    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    for_checkers: dict[str, str] = {}
    at_run_time: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for imported in node.body:
                assert isinstance(imported, ast.ImportFrom)
                for alias in imported.names:
                    for_checkers[alias.name] = str(imported.module)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "lazy_exports"
        ):
            table = ast.literal_eval(node.args[1])
            at_run_time = {name: where for where, names in table.items() for name in names}
    assert at_run_time == for_checkers
    assert set(at_run_time) == set(module.__all__) - {"__version__"}
