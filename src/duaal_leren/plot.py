"""Pictures of progress: one traject over time, and a heat map of a cohort's matrix.

`voortgangsfiguur` draws the share of competences mastered over the contract period
against the share of time passed, with the risk line and the follow-up conversations;
`heatmapfiguur` draws the learner x competence matrix of a cohort, coloured by level.
`voortgangsgrafiek` and `heatmap` save them as PNG or SVG, whole or not at all.

Needs matplotlib (the ``plot`` extra: ``pip install 'duaal-leren[plot]'``). The figures are
made without pyplot, so they work on any backend, also headless, and leave no global state.
They are matplotlib `Figure` objects that also show themselves in a notebook: as the last
value of a Jupyter cell they appear as a PNG image, with no ``%matplotlib`` magic and no
pyplot import.

Example:
    >>> import duaal_leren
    >>> from duaal_leren.plot import voortgangsfiguur
    >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
    >>> figuur = voortgangsfiguur(traject, today="2026-06-30")
    >>> [line.get_label() for line in figuur.axes[0].get_lines()][:2]
    ['beheerst', 'verstreken contracttijd']
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pendulum

from duaal_leren import _views
from duaal_leren._export import (
    NOT_IN_PLAN_COLOUR,
    NOT_RATED_COLOUR,
    START_COLOUR,
    level_colour,
    require,
    write_atomic,
)
from duaal_leren._validators import as_day
from duaal_leren.exceptions import FieldError, checked_lang
from duaal_leren.traject import Traject
from duaal_leren.voortgang import RISICODREMPEL, Rollup, TrajectVoortgang, tijdlijn

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from duaal_leren.cohort import Matrix

__all__ = ["heatmap", "heatmapfiguur", "voortgangsfiguur", "voortgangsgrafiek"]

Beeldformaat = Literal["png", "svg"]

_LABELS = {
    "nl": {
        "beheerst": "beheerst",
        "tijd": "verstreken contracttijd",
        "risico": "risicogrens",
        "gesprek": "opvolgingsgesprek",
        "vandaag": "vandaag",
        "as": "% van de competenties / van de contracttijd",
        "titel": "Voortgang van traject",
        "lerende": "lerende",
        "matrix": "Competenties per lerende op",
        "start": "startcompetentie",
        "niet": "niet beoordeeld",
        "buiten": "niet in het plan (-)",
        "achterstallig": "achterstallig (termijn voorbij)",
        "risico_lerende": "risico: de tijd loopt voor op wat beheerst is",
        "risicozone": "risicozone: hieronder gaat de risicovlag op",
        "competenties": "Competenties",
    },
    "en": {
        "beheerst": "mastered",
        "tijd": "contract time passed",
        "risico": "risk line",
        "gesprek": "follow-up conversation",
        "vandaag": "today",
        "as": "% of the competences / of the contract time",
        "titel": "Progress of traject",
        "lerende": "learner",
        "matrix": "Competences per learner on",
        "start": "startcompetentie",
        "niet": "not rated",
        "buiten": "not in the plan (-)",
        "achterstallig": "overdue (termijn passed)",
        "risico_lerende": "at risk: time runs ahead of mastery",
        "risicozone": "risk zone: below it the risk flag goes up",
        "competenties": "Competences",
    },
}


_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def _month_starts(start: pendulum.Date, einde: pendulum.Date) -> list[pendulum.Date]:
    """The first days of the months from ``start`` to ``einde``, thinned to at most 12."""
    months = []
    month = pendulum.Date(start.year, start.month, 1)
    if month < start:
        month = month.add(months=1)
    while month <= einde:
        months.append(month)
        month = month.add(months=1)
    step = -(-len(months) // 12)  # ceiling division
    return months[::step]


def _month_label(month: pendulum.Date, lang: str, *, first: bool) -> str:
    name = _MONTHS["en" if lang == "en" else "nl"][month.month - 1]
    return f"{name}\n{month.year}" if first or month.month == 1 else name


def voortgangsfiguur(
    traject: Traject,
    *,
    today: pendulum.Date | str | None = None,
    rollup: Rollup | None = None,
    risicodrempel: float = RISICODREMPEL,
    lang: str | None = None,
) -> Figure:
    """The progress of one traject over time, as a matplotlib figure a notebook shows inline.

    The step line is the share of competences mastered (startcompetenties left out); the
    straight line the share of the contract period passed; below it, dashed, the risk line
    ``risicodrempel`` points lower: progress in the shaded zone under that line raises the
    risk flag, and a red ``!`` then marks the last point. Held follow-up conversations are
    marked with dotted vertical lines. The legend explains every line, zone and mark.

    Args:
        traject: The traject.
        today: The last day drawn (default: the current date in Europe/Brussels).
        rollup: The roll-up rule (default: `Rollup()`).
        risicodrempel: The risk threshold, in percentage points.
        lang: ``"nl"`` or ``"en"`` for the labels.

    Raises:
        MissingDependencyError: matplotlib is not installed (a `ModuleNotFoundError`).
    """
    lang = checked_lang(lang)
    _require_matplotlib()

    label = _LABELS["en" if lang == "en" else "nl"]
    day = as_day(today)
    points = tijdlijn(traject, today=day, rollup=rollup)
    contract = traject.overeenkomst

    def x(datum: pendulum.Date) -> float:
        # Days since the contract's start: the axis gets month labels of its own below.
        return float(datum.toordinal() - contract.start.toordinal())

    figure = _views.notebook_figure()(figsize=(8, 4.5), layout="constrained")
    axes = figure.add_subplot()
    axes.plot(
        [x(p.datum) for p in points],
        [p.aandeel_beheerst * 100 for p in points],
        drawstyle="steps-post",
        color="#1a7f37",
        linewidth=2,
        marker="o",
        markersize=4,
        label=label["beheerst"],
    )
    start, einde = x(contract.start), x(contract.einde)
    axes.plot([start, einde], [0, 100], color="#57606a", linewidth=1, label=label["tijd"])
    # The risk line starts where the time passed reaches the threshold.
    axes.plot(
        [start + (einde - start) * risicodrempel / 100, einde],
        [0, 100 - risicodrempel],
        color="#cf222e",
        linestyle="--",
        linewidth=1,
        label=label["risico"],
    )
    axes.fill_between(
        [start, start + (einde - start) * risicodrempel / 100, einde],
        [0, 0, 0],
        [0, 0, 100 - risicodrempel],
        color="#cf222e",
        alpha=0.08,
        linewidth=0,
        label=label["risicozone"],
    )
    held = sorted(g.datum for g in traject.opvolgingsgesprekken if g.gehouden and g.datum <= day)
    for i, datum in enumerate(held):
        axes.axvline(
            x(datum),
            color="#8c959f",
            linestyle=":",
            linewidth=1,
            label=label["gesprek"] if i == 0 else "_nolegend_",
        )
    axes.set_xlim(start, max(einde, start + 1))
    axes.set_ylim(0, 100)
    months = _month_starts(contract.start, contract.einde)
    names = [_month_label(m, lang, first=i == 0) for i, m in enumerate(months)]
    axes.set_xticks([x(m) for m in months], names, fontsize="small")
    axes.set_ylabel(label["as"])
    axes.set_title(f"{label['titel']} {traject.id} ({label['lerende']} {traject.lerende.id})")
    axes.grid(visible=True, axis="y", color="#eaeef2")
    handles, names = axes.get_legend_handles_labels()
    risico = TrajectVoortgang.from_traject(
        traject, today=day, rollup=rollup, risicodrempel=risicodrempel
    ).risico
    if risico.vlag and points:
        last = points[-1]
        # Beside the last point, always inside the axes: on the contract's last day (or its
        # first) the point lies on the edge, and a mark centred there is cut in half.
        where = (x(last.datum) - start) / max(einde - start, 1)
        ha, dx = ("right", -4) if where > 0.97 else ("left", 4) if where < 0.03 else ("center", 0)
        high = last.aandeel_beheerst * 100 > 90
        axes.annotate(
            "!",
            (x(last.datum), last.aandeel_beheerst * 100),
            xytext=(dx, -4 if high else 4),
            textcoords="offset points",
            color="#cf222e",
            fontweight="bold",
            ha=ha,
            va="top" if high else "bottom",
        )
        handles.append(_risk_mark())
        names.append(label["risico_lerende"])
    axes.legend(handles, names, loc="upper left", fontsize="small")
    return figure


def _risk_mark() -> Line2D:
    from matplotlib.lines import Line2D

    return Line2D([], [], linestyle="none", marker="$!$", color="#cf222e", markersize=9)


def heatmapfiguur(matrix: Matrix, *, lang: str | None = None) -> Figure:
    """The learner x competence matrix as a heat map, as a figure a notebook shows inline.

    Each cell is coloured by where its level lies on the learner's scale (light red for the
    lowest, green for the highest) and shows the level, or ``S`` for a startcompetentie.
    Cells not rated yet are hatched grey; cells of a competence not in the learner's plan
    are left white with a ``-``; overdue cells have a red border. Learners at risk are
    marked with a red ``!``. The legend explains every colour and mark, and a list beside
    the map gives each competence code its description.

    Args:
        matrix: The matrix of a cohort (`duaal_leren.cohort.Cohort.matrix`).
        lang: ``"nl"`` or ``"en"`` for the labels.

    Raises:
        MissingDependencyError: matplotlib is not installed (a `ModuleNotFoundError`).
    """
    lang = checked_lang(lang)
    _require_matplotlib()
    from matplotlib.collections import PatchCollection
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Patch, Rectangle

    label = _LABELS["en" if lang == "en" else "nl"]
    rows, columns = len(matrix.lerenden), len(matrix.competenties)
    image = []
    not_rated: list[Rectangle] = []
    overdue: list[Rectangle] = []
    for y, row in enumerate(matrix.cellen):
        colours = []
        for x, cel in enumerate(row):
            if cel.status is None:
                colour = NOT_IN_PLAN_COLOUR
            elif cel.fractie is not None:
                colour = level_colour(cel.fractie)
            elif cel.startcompetentie:
                colour = START_COLOUR
            else:
                colour = NOT_RATED_COLOUR
                not_rated.append(Rectangle((x - 0.5, y - 0.5), 1, 1))
            if cel.achterstallig:
                overdue.append(Rectangle((x - 0.5 + 0.06, y - 0.5 + 0.06), 0.88, 0.88))
            colours.append(to_rgb(colour))
        image.append(colours)
    described = bool(matrix.omschrijvingen) and columns > 0
    width = min(4 + 0.32 * columns + (4.5 if described else 0), 44)
    height = min(max(2.2 + 0.3 * rows, 1.4 + 0.17 * columns if described else 0), 40)
    figure = _views.notebook_figure()(figsize=(width, height), layout="constrained")
    if described:
        axes, side = figure.subplots(1, 2, width_ratios=[max(columns, 1) * 0.32 + 2, 4.5])
    else:
        axes = figure.add_subplot()
    if rows and columns:
        axes.imshow(image, aspect="auto", interpolation="nearest")
        axes.add_collection(
            PatchCollection(
                not_rated,
                facecolor="none",
                edgecolor="#8c959f",
                hatch="///",
                linewidth=0,
            )
        )
        axes.add_collection(
            PatchCollection(overdue, facecolor="none", edgecolor="#cf222e", linewidth=1.5)
        )
    axes.set_xticks(range(columns), list(matrix.competenties), rotation=90, fontsize="small")
    names = [
        f"{lerende} !" if risico.vlag else lerende
        for lerende, risico in zip(matrix.lerenden, matrix.risico, strict=True)
    ]
    axes.set_yticks(range(rows), names, fontsize="small")
    for tick, risico in zip(axes.get_yticklabels(), matrix.risico, strict=True):
        if risico.vlag:
            tick.set_color("#cf222e")
    # Cell text only while it stays readable. The "-" of a cell not in the plan is a thin
    # stroke: at the size of the levels' digits it is some 3 pixels wide, so it is drawn
    # bold at three quarters of a cell's side (about 0.3 inch, 21.6 points) to be seen.
    if rows * columns <= 2500:
        dash = 0.75 * 0.3 * 72
        for y, row in enumerate(matrix.cellen):
            for x, cel in enumerate(row):
                if cel.text == "-":
                    axes.text(
                        x, y, "-", ha="center", va="center", fontsize=dash,
                        fontweight="bold", color="#57606a",
                    )  # fmt: skip
                elif cel.text:
                    axes.text(
                        x, y, cel.text, ha="center", va="center", fontsize="x-small",
                        color="#1f2328",
                    )  # fmt: skip
    axes.set_xticks([c - 0.5 for c in range(1, columns)], minor=True)
    axes.set_yticks([r - 0.5 for r in range(1, rows)], minor=True)
    axes.grid(which="minor", color="#d0d7de", linewidth=0.5)
    axes.tick_params(which="minor", length=0)
    axes.set_title(f"{label['matrix']} {matrix.datum}")
    if described:
        _descriptions(side, matrix, label["competenties"])
    handles: list[Patch | Line2D] = []
    if matrix.schaal is not None:
        handles = [
            Patch(
                facecolor=level_colour(matrix.schaal.fractie(n.waarde)),
                edgecolor="#d0d7de",
                label=f"{n.waarde} {n.label}",
            )
            for n in matrix.schaal.niveaus
        ]
    handles += [
        Patch(facecolor=START_COLOUR, edgecolor="#d0d7de", label=f"S {label['start']}"),
        Patch(facecolor=NOT_RATED_COLOUR, edgecolor="#8c959f", hatch="///", label=label["niet"]),
        Patch(facecolor=NOT_IN_PLAN_COLOUR, edgecolor="#d0d7de", label=label["buiten"]),
        Patch(facecolor="none", edgecolor="#cf222e", linewidth=1.5, label=label["achterstallig"]),
    ]
    risk = _risk_mark()
    risk.set_label(label["risico_lerende"])
    handles.append(risk)
    figure.legend(handles=handles, loc="outside lower center", ncols=4, fontsize="small")
    return figure


def _descriptions(side: Axes, matrix: Matrix, title: str) -> None:
    """List each competence code with its description, cut to fit, beside the heat map."""
    side.set_axis_off()
    side.set_title(title, fontsize="small", loc="left")
    count = len(matrix.competenties)
    for i, (code, about) in enumerate(zip(matrix.competenties, matrix.omschrijvingen, strict=True)):
        text = about if len(about) <= 58 else about[:57].rstrip() + "…"
        side.text(
            0,
            1 - (i + 0.5) / count,
            f"{code}  {text}",
            transform=side.transAxes,
            fontsize="x-small",
            va="center",
            ha="left",
        )


def _require_matplotlib() -> None:
    require("matplotlib", "plot")


def _save(figure: Figure, path: str | os.PathLike[str], format: Beeldformaat | None) -> Path:
    target = Path(path)
    fmt = format or target.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise FieldError(
            "format" if format else "path",
            f"kies .png of .svg, niet {fmt!r} ({target.name})",
            f"choose .png or .svg, not {fmt!r} ({target.name})",
        )
    import matplotlib

    buffer = io.BytesIO()
    # Without dates and with fixed ids, the same figure gives the same file every time.
    metadata: dict[str, str | None] = {"Date": None} if fmt == "svg" else {"Software": None}
    with matplotlib.rc_context({"svg.hashsalt": "duaal-leren", "svg.fonttype": "none"}):
        figure.savefig(buffer, format=fmt, metadata=metadata, dpi=100)
    return write_atomic(target, buffer.getvalue())


def voortgangsgrafiek(
    traject: Traject,
    path: str | os.PathLike[str],
    *,
    today: pendulum.Date | str | None = None,
    rollup: Rollup | None = None,
    risicodrempel: float = RISICODREMPEL,
    lang: str | None = None,
    format: Beeldformaat | None = None,
) -> Path:
    """Save the progress chart of one traject (see `voortgangsfiguur`) as PNG or SVG.

    Args:
        traject: The traject.
        path: The file to write; its extension (``.png``, ``.svg``) gives the format.
        today: The last day drawn (default: the current date in Europe/Brussels).
        rollup: The roll-up rule (default: `Rollup()`).
        risicodrempel: The risk threshold, in percentage points.
        lang: ``"nl"`` or ``"en"`` for the labels.
        format: ``"png"`` or ``"svg"``, when the extension does not say.

    Returns:
        The path written.

    Raises:
        MissingDependencyError: matplotlib is not installed (a `ModuleNotFoundError`).
        FieldError: The format is neither PNG nor SVG (a `ValueError`).
        WriteError: The file cannot be written (an `OSError`).
    """
    lang = checked_lang(lang)
    figure = voortgangsfiguur(
        traject, today=today, rollup=rollup, risicodrempel=risicodrempel, lang=lang
    )
    return _save(figure, path, format)


def heatmap(
    matrix: Matrix,
    path: str | os.PathLike[str],
    *,
    lang: str | None = None,
    format: Beeldformaat | None = None,
) -> Path:
    """Save the heat map of a cohort's matrix (see `heatmapfiguur`) as PNG or SVG.

    Args:
        matrix: The matrix of a cohort.
        path: The file to write; its extension (``.png``, ``.svg``) gives the format.
        lang: ``"nl"`` or ``"en"`` for the labels.
        format: ``"png"`` or ``"svg"``, when the extension does not say.

    Returns:
        The path written.

    Raises:
        MissingDependencyError: matplotlib is not installed (a `ModuleNotFoundError`).
        FieldError: The format is neither PNG nor SVG (a `ValueError`).
        WriteError: The file cannot be written (an `OSError`).
    """
    lang = checked_lang(lang)
    return _save(heatmapfiguur(matrix, lang=lang), path, format)
