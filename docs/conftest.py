"""Run the examples of the documentation as tests.

pytest collects every Markdown page under ``docs/`` and runs its ```` ```python ```` blocks
in page order, sharing one namespace per page: plain code blocks are executed, blocks of
``>>>`` lines are checked as doctests (with ELLIPSIS and NORMALIZE_WHITESPACE). A block
that cannot run is marked ``<!-- skip: next -->`` in the page.

The examples run with the repository root as working directory, so that they read the
shipped examples as ``examples/traject-lotte.yaml``, and find a fresh folder in ``tmp``
(a `pathlib.Path`) to save files in.
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the files one page saves, shared by the examples of that page."""
    return tmp_path_factory.mktemp("docs")


@pytest.fixture
def repo_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository root, made the working directory while an example runs."""
    monkeypatch.chdir(REPO_ROOT)
    return REPO_ROOT


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(
            doctest_optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        ),
        SkipParser(),
    ],
    patterns=["*.md", "**/*.md"],
    fixtures=["repo_root", "tmp"],
).pytest()
