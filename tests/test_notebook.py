"""The tutorial notebook runs from top to bottom, and every object in it shows itself.

`docs/tutorial.ipynb` is executed with nbclient in a fresh ``python3`` kernel (ipykernel, in
the ``dev`` extra), with the repository's root as working directory, as a reader runs it.
Its cells are tagged with what they show: ``chart`` cells must give an image, ``view:...``
cells an HTML view, ``dataframe`` cells a table.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.ipynb"


def _tags(cell: Any) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


@pytest.fixture(scope="module")
def executed() -> Any:
    notebook = nbformat.read(TUTORIAL, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": str(ROOT)}},
    )
    # Jupyter's own packages warn about their configuration paths; that is not ours to fail on.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        client.execute()  # raises CellExecutionError on any error in a cell
    return notebook


def test_the_stored_notebook_has_no_outputs() -> None:
    notebook = nbformat.read(TUTORIAL, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


def test_the_tutorial_covers_what_a_coordinator_looks_at() -> None:
    notebook = nbformat.read(TUTORIAL, as_version=4)
    tags = [tag for cell in notebook.cells for tag in _tags(cell)]
    for view in ("traject", "plan", "kalender", "schema", "report", "voortgang", "cohort"):
        assert f"view:{view}" in tags
    assert "view:matrix" in tags
    assert tags.count("chart") == 2
    assert "dataframe" in tags


def test_every_cell_runs_and_shows_what_it_is_about(executed: Any) -> None:
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        assert not [o for o in cell.outputs if o.output_type == "error"]
        assert not [o for o in cell.outputs if o.get("name") == "stderr"], cell.source
        results = [o for o in cell.outputs if o.output_type == "execute_result"]
        for tag in _tags(cell):
            assert len(results) == 1, cell.source
            data = results[0].data
            if tag == "chart":
                assert data["image/png"], cell.source
                assert data["text/plain"].startswith("<NotebookFigure size")
            elif tag.startswith("view:"):
                html = data["text/html"]
                assert html.startswith('<div class="dl-view" lang="nl">'), cell.source
                assert "Lotte" not in html
            elif tag == "dataframe":
                assert "<table" in data["text/html"], cell.source


def test_the_recorded_conversation_shows_in_the_report(executed: Any) -> None:
    report = next(cell for cell in executed.cells if "view:report" in _tags(cell))
    html = report.outputs[0].data["text/html"]
    assert "Geen bevindingen: alles in orde." in html
    progress = next(cell for cell in executed.cells if "view:voortgang" in _tags(cell))
    assert (
        "Voortgang van traject TRJ-2025-0042 (2026-06-30)" in progress.outputs[0].data["text/html"]
    )
