"""The examples in the docstrings of duaal_leren run, and give what they show."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import duaal_leren

REPO_ROOT = Path(__file__).resolve().parent.parent
OPTIONFLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

# Modules that need an optional dependency, skipped (not failed) without it.
_OPTIONAL = {"duaal_leren.strategies": "hypothesis"}


def _modules() -> list[ModuleType]:
    names = [duaal_leren.__name__]
    names += [
        info.name
        for info in pkgutil.walk_packages(duaal_leren.__path__, prefix=f"{duaal_leren.__name__}.")
    ]
    modules = []
    for name in sorted(names):
        needs = _OPTIONAL.get(name)
        if needs is not None and importlib.util.find_spec(needs) is None:
            continue
        modules.append(importlib.import_module(name))
    return modules


def _doctests() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder()
    found: list[doctest.DocTest] = []
    for module in _modules():
        found.extend(test for test in finder.find(module) if test.examples)
    return sorted(found, key=lambda test: test.name)


DOCTESTS = _doctests()


def test_the_docstrings_hold_examples() -> None:
    # Guards against a finder that silently collects nothing: these modules have examples.
    names = {test.name for test in DOCTESTS}
    assert "duaal_leren" in names
    assert "duaal_leren.documents.load" in names
    assert "duaal_leren.competentie.Competentie" in names
    assert len(DOCTESTS) >= 9


@pytest.mark.parametrize("test", DOCTESTS, ids=[test.name for test in DOCTESTS])
def test_docstring_example(test: doctest.DocTest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO_ROOT)
    runner = doctest.DocTestRunner(optionflags=OPTIONFLAGS)
    output: list[str] = []
    # DocTestRunner.run changes the globals; run on a copy so tests stay independent.
    test.globs = dict(test.globs)
    result = runner.run(test, out=output.append)
    assert result.attempted > 0
    if result.failed:
        pytest.fail("".join(output), pytrace=False)
