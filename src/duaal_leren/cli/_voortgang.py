"""The ``voortgang`` command: the progress of one traject, or the matrix of a cohort.

``duaal-leren voortgang TRAJECT.yaml`` shows one traject's progress: counts, overdue
competences, the risk flag with its reason, the suggested learning focus, and every
competence. Given a directory, several files, or a filter, it shows the learner x competence
matrix of the cohort instead. ``--format`` chooses text, JSON, CSV or HTML; ``--output``
writes to a file (whole or not at all) instead of standard output; ``--grafiek`` also saves
the progress chart or the heat map as PNG or SVG (needs the ``plot`` extra). Before anything
is written, every output is checked: it must not be one of the files read, and its folder
must exist and be writable; then both are written, or neither. The text format escapes
control characters.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import pendulum

from duaal_leren._files import (
    check_not_input,
    check_writable,
    document_files,
    write_atomic,
    write_together,
)
from duaal_leren._validators import as_day
from duaal_leren.cli._common import (
    EXIT_OK,
    add_format,
    date_option,
    lang,
    to_json,
)
from duaal_leren.cli._usage import UsageError
from duaal_leren.documents import load
from duaal_leren.exceptions import excerpt, printable
from duaal_leren.voortgang import RISICODREMPEL

if TYPE_CHECKING:
    from duaal_leren.cohort import Matrix
    from duaal_leren.voortgang import TrajectVoortgang

__all__ = ["configure", "run"]

_FILTERS = ("school", "mentor", "trajectbegeleider", "opleiding")


def _drempel(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(
            f"{excerpt(text)}: een getal van 0 tot 100 / a number from 0 to 100"
        )
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``voortgang``."""
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="een traject, of mappen en bestanden van een cohorte / a traject, or the "
        "directories and files of a cohort",
    )
    add_format(
        parser,
        {
            "text": "leesbare tekst / readable text",
            "json": "de gegevens als JSON / the data as JSON",
            "csv": "een tabel voor een rekenblad / a table for a spreadsheet",
            "html": "een HTML-pagina / an HTML page",
        },
    )
    parser.add_argument(
        "--today",
        default=None,
        metavar="YYYY-MM-DD",
        help="de dag van de voortgang / the day to compute the progress for",
    )
    parser.add_argument(
        "--output",
        "-o",
        default=None,
        metavar="FILE",
        help="schrijf naar een bestand; '-' is de uitvoer / write to a file; '-' is stdout",
    )
    parser.add_argument(
        "--grafiek",
        default=None,
        metavar="FILE.png|FILE.svg",
        help="bewaar ook de voortgangsgrafiek of heatmap, als PNG of SVG / also save the "
        "progress chart or heat map, as PNG or SVG",
    )
    parser.add_argument(
        "--risicodrempel",
        type=_drempel,
        default=RISICODREMPEL,
        metavar="PUNTEN",
        help=f"risicodrempel in procentpunten, van 0 tot 100 / risk threshold in percentage "
        f"points, from 0 to 100 ({RISICODREMPEL:g})",
    )
    for name in _FILTERS:
        parser.add_argument(
            f"--{name}",
            default=None,
            metavar="NAAM",
            help=f"alleen trajecten met deze {name} / only trajecten with this {name}",
        )


def _emit(
    text: str, chart: Callable[[], object] | None, args: argparse.Namespace, out: TextIO
) -> None:
    """Save the chart and write the text: both files, or neither."""
    text = text if text.endswith("\n") else text + "\n"
    if args.format == "text":
        text = printable(text)
    to_file = bool(args.output) and args.output != "-"
    with write_together():
        if chart is not None:
            chart()
        if to_file:
            write_atomic(args.output, text)
    if not to_file:
        out.write(text)


def _check_outputs(args: argparse.Namespace, inputs: Sequence[Path]) -> None:
    """Refuse an output that would overwrite a file read, or that cannot be written."""
    outputs = [("--output", args.output), ("--grafiek", args.grafiek)]
    for option, name in outputs:
        if not name or (option == "--output" and name == "-"):
            continue
        check_not_input(name, inputs, option)
        check_writable(name)
    if (
        args.output
        and args.grafiek
        and os.path.realpath(args.output) == os.path.realpath(args.grafiek)
    ):
        raise UsageError(
            "--output en --grafiek zijn hetzelfde bestand",
            "--output and --grafiek are the same file",
        )


def _render(fmt: str, language: str, shown: TrajectVoortgang | Matrix, data: object) -> str:
    """A traject's progress or a cohort's matrix in the chosen format (``data``: for JSON)."""
    if fmt == "json":
        return to_json(data)
    if fmt == "csv":
        return shown.csv()
    if fmt == "html":
        return shown.html(language)
    return shown.text(language)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Show the progress of the traject, or the matrix of the cohort."""
    language = lang(args)
    today = as_day(date_option(args, "--today"))  # by default the day in Flanders
    if not all(args.paths):
        load("")  # an empty name is no folder to search: the loader says so
    if args.grafiek:
        _image(args.grafiek)  # a bad name fails before any work is done
    filters = {name: getattr(args, name) for name in _FILTERS}
    single = len(args.paths) == 1 and Path(args.paths[0]).is_file()
    if single and not any(filters.values()):
        return _run_traject(args, out, today, language)
    return _run_cohort(args, out, today, language, filters)


def _run_traject(args: argparse.Namespace, out: TextIO, today: pendulum.Date, language: str) -> int:
    from duaal_leren.documents import load_traject
    from duaal_leren.voortgang import TrajectVoortgang

    _check_outputs(args, [Path(args.paths[0])])
    traject = load_traject(args.paths[0])
    result = TrajectVoortgang.from_traject(traject, today=today, risicodrempel=args.risicodrempel)
    text = _render(args.format, language, result, result.to_dict(language))
    chart = None
    if args.grafiek:
        from duaal_leren.plot import voortgangsgrafiek

        def chart() -> object:
            return voortgangsgrafiek(
                traject,
                _image(args.grafiek),
                today=today,
                risicodrempel=args.risicodrempel,
                lang=language,
            )

    _emit(text, chart, args, out)
    return EXIT_OK


def _run_cohort(
    args: argparse.Namespace,
    out: TextIO,
    today: pendulum.Date,
    language: str,
    filters: dict[str, str | None],
) -> int:
    from duaal_leren.cohort import Cohort

    files = [path for path, _ in document_files(args.paths, "traject")]
    if not files:
        raise UsageError(
            "geen trajecten gevonden in " + ", ".join(args.paths),
            "no trajecten found in " + ", ".join(args.paths),
        )
    _check_outputs(args, files)
    cohort = Cohort.load(*files).filter(**filters)
    if not cohort:
        chosen = ", ".join(f"--{k} {excerpt(v)}" for k, v in filters.items() if v)
        raise UsageError(
            f"geen trajecten in {', '.join(args.paths)} voldoen aan {chosen}",
            f"no trajecten in {', '.join(args.paths)} match {chosen}",
        )
    matrix = cohort.matrix(today=today, risicodrempel=args.risicodrempel)
    text = _render(args.format, language, matrix, matrix.to_dict())
    chart = None
    if args.grafiek:
        from duaal_leren.plot import heatmap

        def chart() -> object:
            return heatmap(matrix, _image(args.grafiek), lang=language)

    _emit(text, chart, args, out)
    return EXIT_OK


def _image(name: str) -> Path:
    path = Path(name)
    if path.suffix.lower() not in (".png", ".svg"):
        raise UsageError(
            f"--grafiek: kies .png of .svg ({name})", f"--grafiek: choose .png or .svg ({name})"
        )
    return path
