"""Pictures: the progress chart of a traject and the heat map of a cohort, as PNG and SVG."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from xml.etree import ElementTree

import pytest

import duaal_leren
from duaal_leren import Traject
from duaal_leren._files import WriteError
from duaal_leren.cohort import Cohort, Matrix
from opvolging_strategies import genereer_cohort

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")  # headless, as in CI

from matplotlib.image import imread  # noqa: E402 - after the backend is chosen

from duaal_leren.plot import (  # noqa: E402
    heatmap,
    heatmapfiguur,
    voortgangsfiguur,
    voortgangsgrafiek,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def matrix() -> Matrix:
    bases = [
        duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml"),
        duaal_leren.load_traject(EXAMPLES / "traject-milan.yaml"),
    ]
    return Cohort(tuple(genereer_cohort(bases, 30))).matrix(today="2026-06-30")


def svg_texts(path: Path) -> list[str]:
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_progress_chart_as_png(traject: Traject, tmp_path: Path) -> None:
    path = voortgangsgrafiek(traject, tmp_path / "lotte.png", today="2026-06-30")
    assert path == tmp_path / "lotte.png"
    assert path.read_bytes().startswith(PNG_SIGNATURE)
    height, width, _ = imread(path).shape
    assert (width, height) == (800, 450)
    assert [p.name for p in tmp_path.iterdir()] == ["lotte.png"]


def test_a_chart_that_cannot_be_written_names_the_file(traject: Traject, tmp_path: Path) -> None:
    target = tmp_path / "geen" / "lotte.png"
    with pytest.raises(WriteError) as info:
        voortgangsgrafiek(traject, target, today="2026-06-30")
    assert info.value.text("en") == (
        f"cannot write {target}: the folder {tmp_path / 'geen'} does not exist"
    )
    folder = tmp_path / "map.svg"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        voortgangsgrafiek(traject, folder, today="2026-06-30")
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]
    assert list(folder.iterdir()) == []


def test_progress_chart_as_svg_names_the_traject_and_its_lines(
    traject: Traject, tmp_path: Path
) -> None:
    path = voortgangsgrafiek(traject, tmp_path / "lotte.svg", today="2026-06-30", lang="en")
    texts = svg_texts(path)
    assert "Progress of traject TRJ-2025-0042 (learner LRN-2025-0042)" in texts
    for label in ("mastered", "contract time passed", "risk line", "follow-up conversation"):
        assert label in texts
    assert any(t.startswith("Sep") for t in texts)
    assert "Lotte" not in path.read_text(encoding="utf-8")


def test_the_chart_draws_the_progress_computed(traject: Traject) -> None:
    figure = voortgangsfiguur(traject, today="2026-03-01")
    axes = figure.axes[0]
    mastered, time, risk = axes.get_lines()[:3]
    assert [round(y, 1) for y in mastered.get_ydata()] == [0.0, 7.7, 15.4, 19.2, 30.8, 30.8]
    assert list(time.get_ydata()) == [0, 100]
    assert list(risk.get_ydata()) == [0, 90]
    # One dotted line per held conversation up to the day.
    assert len(axes.get_lines()) == 3 + 2
    assert axes.get_ylim() == (0, 100)


def test_the_same_chart_gives_the_same_svg(traject: Traject, tmp_path: Path) -> None:
    a = voortgangsgrafiek(traject, tmp_path / "a.svg", today="2026-06-30")
    b = voortgangsgrafiek(traject, tmp_path / "b.svg", today="2026-06-30")
    assert a.read_bytes() == b.read_bytes()


def test_heat_map_of_thirty_learners_as_png_and_svg(matrix: Matrix, tmp_path: Path) -> None:
    png = heatmap(matrix, tmp_path / "cohort.png")
    assert png.read_bytes().startswith(PNG_SIGNATURE)
    height, width, _ = imread(png).shape
    assert width > height  # 29 competences across, 30 learners down at a smaller pitch
    assert height >= 30 * 25
    texts = svg_texts(heatmap(matrix, tmp_path / "cohort.svg"))
    assert set(matrix.lerenden) <= {t.rstrip(" !") for t in texts}
    assert set(matrix.competenties) <= set(texts)
    assert "3 beheerst voldoende" in texts


def test_heat_map_marks_learners_at_risk(matrix: Matrix) -> None:
    figure = heatmapfiguur(matrix)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    flagged = [lerende for lerende, r in zip(matrix.lerenden, matrix.risico, strict=True) if r.vlag]
    assert flagged
    assert [label[:-2] for label in labels if label.endswith(" !")] == flagged


def test_an_empty_matrix_still_draws(tmp_path: Path) -> None:
    path = heatmap(Cohort().matrix(today="2026-01-01"), tmp_path / "leeg.png")
    assert path.read_bytes().startswith(PNG_SIGNATURE)


def test_other_formats_are_refused(traject: Traject, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.png"):
        voortgangsgrafiek(traject, tmp_path / "lotte.pdf", today="2026-06-30")
    assert list(tmp_path.iterdir()) == []
    path = voortgangsgrafiek(traject, tmp_path / "lotte", today="2026-06-30", format="svg")
    assert svg_texts(path)


def test_without_matplotlib_the_error_names_the_extra(
    traject: Traject, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "matplotlib" else real(name, *a),
    )
    with pytest.raises(ModuleNotFoundError, match=r"duaal-leren\[plot\]"):
        voortgangsfiguur(traject, today="2026-06-30")


# --- charts that appear in a notebook ---------------------------------------------------------


def test_charts_show_themselves_in_a_notebook_and_stay_figures(
    traject: Traject, matrix: Matrix, tmp_path: Path
) -> None:
    from IPython.core.formatters import DisplayFormatter
    from matplotlib.figure import Figure

    formatter = DisplayFormatter()
    for figure in (voortgangsfiguur(traject, today="2026-03-01"), heatmapfiguur(matrix)):
        assert isinstance(figure, Figure)
        # What IPython shows as the last value of a cell, without %matplotlib or pyplot.
        data, _ = formatter.format(figure)
        assert data["image/png"].startswith(PNG_SIGNATURE)
        assert data["text/plain"].startswith("<NotebookFigure size")
        figure.savefig(tmp_path / "copy.svg")
        assert ElementTree.parse(tmp_path / "copy.svg").getroot().tag == f"{SVG}svg"


def test_the_progress_chart_explains_the_risk_zone_and_mark(traject: Traject) -> None:
    at_risk = voortgangsfiguur(traject, today="2026-03-01")
    legend = [t.get_text() for t in at_risk.axes[0].get_legend().get_texts()]
    assert "risicozone: hieronder gaat de risicovlag op" in legend
    assert legend[-1] == "risico: de tijd loopt voor op wat beheerst is"
    assert "!" in [t.get_text() for t in at_risk.axes[0].texts]
    early = voortgangsfiguur(traject, today="2025-09-15", lang="en")
    legend = [t.get_text() for t in early.axes[0].get_legend().get_texts()]
    assert "at risk: time runs ahead of mastery" not in legend
    assert "!" not in [t.get_text() for t in early.axes[0].texts]


def test_heat_map_tells_not_rated_from_not_in_the_plan(matrix: Matrix) -> None:
    figure = heatmapfiguur(matrix)
    axes, side = figure.axes
    handles = figure.legends[0].legend_handles
    by_label = {h.get_label(): h for h in handles}
    assert by_label["niet beoordeeld"].get_hatch() == "///"
    assert by_label["niet in het plan (-)"].get_hatch() is None
    assert "achterstallig (termijn voorbij)" in by_label
    assert "risico: de tijd loopt voor op wat beheerst is" in by_label
    not_rated = sum(1 for row in matrix.cellen for c in row if c.in_plan and c.text == "")
    hatched = next(c for c in axes.collections if c.get_hatch() == "///")
    assert len(hatched.get_paths()) == not_rated > 0
    # Cells not in the plan carry a "-"; learners at risk a red "!".
    assert "-" in {t.get_text() for t in axes.texts}
    red = [t.get_text() for t in axes.get_yticklabels() if t.get_color() == "#cf222e"]
    assert red
    assert all(name.endswith(" !") for name in red)
    # Each competence code with its description, beside the map.
    lines = [t.get_text() for t in side.texts]
    assert len(lines) == len(matrix.competenties)
    assert lines[0].startswith(f"{matrix.competenties[0]}  {matrix.omschrijvingen[0][:20]}")
    assert all(len(line) < 80 for line in lines)


def _drawn(figure: object) -> object:
    """The figure drawn on an Agg canvas, so that its artists have their places in pixels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)  # type: ignore[arg-type]
    figure.canvas.draw()  # type: ignore[attr-defined]
    return figure.canvas.get_renderer()  # type: ignore[attr-defined]


def test_the_risk_mark_stays_inside_the_chart_on_the_contracts_last_day(traject: Traject) -> None:
    import attrs
    import pendulum

    from duaal_leren.opvolging import Gesprekslocatie, Gespreksstatus, Opvolgingsgesprek

    held = Opvolgingsgesprek(
        pendulum.date(2026, 6, 4), Gesprekslocatie.WERKPLEK, Gespreksstatus.GEHOUDEN
    )
    lotte2 = attrs.evolve(traject, opvolgingsgesprekken=(*traject.opvolgingsgesprekken, held))
    assert traject.overeenkomst.einde == pendulum.date(2026, 6, 30)
    figure = voortgangsfiguur(lotte2, today="2026-06-30")
    renderer = _drawn(figure)
    axes = figure.axes[0]
    [mark] = [t for t in axes.texts if t.get_text() == "!"]
    box, inside = mark.get_window_extent(renderer), axes.get_window_extent(renderer)
    assert inside.x0 <= box.x0
    assert box.x1 <= inside.x1  # on the last day it stuck out on the right
    assert inside.y0 <= box.y0
    assert box.y1 <= inside.y1


def test_heat_map_draws_the_not_in_plan_dash_in_proportion_to_the_cell(matrix: Matrix) -> None:
    figure = heatmapfiguur(matrix)
    renderer = _drawn(figure)
    axes = figure.axes[0]
    cell_height = axes.get_window_extent(renderer).height / len(matrix.lerenden)
    cell_points = cell_height * 72 / figure.dpi
    dashes = [t for t in axes.texts if t.get_text() == "-"]
    assert dashes
    for dash in dashes:
        # At least half a cell high, and bold: a stroke one sees, not 3 pixels.
        assert dash.get_fontsize() >= 0.5 * cell_points
        assert dash.get_fontweight() == "bold"
