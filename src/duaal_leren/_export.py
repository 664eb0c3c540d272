"""Writing tables: CSV text and self-contained HTML pages, written whole or not at all.

Shared by the progress of one traject (`duaal_leren.voortgang`), the overview of a cohort
(`duaal_leren.cohort`) and the follow-up schedules (`duaal_leren.planning`), so that all write
the same kind of files; `html_table` is the one table maker of every HTML view.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, overload

from duaal_leren._files import write_atomic
from duaal_leren.exceptions import MissingDependencyError

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Cell",
    "CsvAndHtmlFiles",
    "Row",
    "csv_text",
    "dataframe",
    "html_page",
    "html_table",
    "level_colour",
    "require",
    "text_or_file",
    "write_atomic",
]


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV
# Injection"); tab and carriage return as well, in some programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    # A number written as text stays a number, and a lone "-" (not in the plan) is no
    # formula; any other text that a spreadsheet would run gets an apostrophe before it.
    if value.startswith(_FORMULA_START) and value != "-" and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ",") -> str:
    r"""CSV text with a header line; ``None`` becomes an empty cell.

    Lines end in CRLF, as RFC 4180 and spreadsheet programs expect. Text that a spreadsheet
    would take for a formula (it starts with ``=``, ``+``, ``-`` or ``@``) gets an
    apostrophe before it, so that opening the file never runs it; numbers stay numbers.

    Example:
        >>> csv_text(["id", "niveau"], [["=1+2", 3], ["-", -1], ["TRJ-1", None]])
        "id,niveau\r\n'=1+2,3\r\n-,-1\r\nTRJ-1,\r\n"
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([_cell(cell) for cell in row])
    return buffer.getvalue()


_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.5rem;
       color: #1f2328; }
h1 { font-size: 1.3rem; }
p.meta { color: #57606a; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.45rem; text-align: left; }
th { background: #f6f8fa; position: sticky; top: 0; }
td.cel { text-align: center; min-width: 1.6rem; }
.beheerst { background: #8fd19e; }
.bezig { background: #ffe08a; }
.niet-gestart { background: repeating-linear-gradient(45deg, #afb8c1 0 1px, #ffffff 1px 5px); }
.buiten-plan { background: #ffffff; color: #8c959f; }
.achterstallig { outline: 2px solid #cf222e; outline-offset: -2px; }
.risico { color: #cf222e; font-weight: bold; }
ul.legende { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
ul.legende span { display: inline-block; width: 1rem; height: 1rem; border: 1px solid #d0d7de;
                  vertical-align: middle; margin-right: 0.3rem; }
/* Printed on A4: colours kept, tables small enough that no column is cut off. */
@page { size: A4; margin: 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; }
  table { font-size: 7pt; }
  th { position: static; }
  th, td { padding: 0.1rem 0.2rem; }
  td.cel { min-width: 0; }
  tr { break-inside: avoid; }
}
"""


class Cell:
    """A table cell whose content is HTML already (escaped by its maker), with attributes.

    Plain values in `html_table` are escaped; a `Cell` is taken as it is, for a cell with
    a class, a colour or markup of its own.
    """

    __slots__ = ("attributes", "header", "html")

    def __init__(self, html: str, attributes: str = "", *, header: bool = False) -> None:
        self.html = html
        self.attributes = attributes
        self.header = header

    def render(self) -> str:
        """The cell as a ``<td>`` (or ``<th>``) element."""
        tag = "th" if self.header else "td"
        space = " " if self.attributes else ""
        return f"<{tag}{space}{self.attributes}>{self.html}</{tag}>"


class Row:
    """A table row with attributes of its own, such as ``class="bezig achterstallig"``.

    The attributes are HTML already (escaped by their maker); the cells are as in any row.
    """

    __slots__ = ("attributes", "cells")

    def __init__(self, cells: Sequence[object], attributes: str = "") -> None:
        self.cells = cells
        self.attributes = attributes

    def render(self) -> str:
        """The row as a ``<tr>`` element."""
        space = " " if self.attributes else ""
        return (
            f"<tr{space}{self.attributes}>" + "".join(_render_cell(c) for c in self.cells) + "</tr>"
        )


def _render_row(row: Sequence[object] | Row) -> str:
    if isinstance(row, Row):
        return row.render()
    return "<tr>" + "".join(_render_cell(c) for c in row) + "</tr>"


def _render_cell(value: object) -> str:
    if isinstance(value, Cell):
        return value.render()
    return f"<td>{escape('' if value is None else str(value))}</td>"


def html_table(
    headers: Sequence[str | Cell] | None,
    rows: Iterable[Sequence[object] | Row],
    *,
    caption: str | None = None,
    footer: Sequence[object] | None = None,
    attributes: str = "",
) -> str:
    """An HTML table: the one table maker of every HTML view and report.

    Example:
        >>> print(html_table(["code", "niveau"], [["ELT-01", 3], Row(["<b>", None], 'class="x"')]))
        <table><thead><tr><th>code</th><th>niveau</th></tr></thead>
        <tbody>
        <tr><td>ELT-01</td><td>3</td></tr>
        <tr class="x"><td>&lt;b&gt;</td><td></td></tr>
        </tbody></table>

    Args:
        headers: The column headers (plain text is escaped; a `Cell` is taken as it is), or
            `None` for a table without a header row, such as one of labels and values.
        rows: The rows; plain values are escaped, `None` is an empty cell. A `Row` carries
            attributes of its own.
        caption: A caption, as plain text.
        footer: A last row in ``<tfoot>``, such as totals.
        attributes: Attributes of the ``<table>`` element, such as ``class="schema"``.
    """
    body = "".join(_render_row(row) + "\n" for row in rows)
    space = " " if attributes else ""
    parts = [f"<table{space}{attributes}>"]
    if caption is not None:
        parts.append(f"<caption>{escape(caption)}</caption>")
    if headers is not None:
        head = "".join(
            h.render() if isinstance(h, Cell) else f"<th>{escape(h)}</th>" for h in headers
        )
        parts.append(f"<thead><tr>{head}</tr></thead>\n")
    parts.append(f"<tbody>\n{body}</tbody>")
    if footer is not None:
        parts.append("<tfoot><tr>" + "".join(_render_cell(c) for c in footer) + "</tr></tfoot>")
    parts.append("</table>")
    return "".join(parts)


def html_page(title: str, body: str, lang: str = "nl") -> str:
    """A self-contained HTML page: the style is inline, nothing is loaded from elsewhere.

    Args:
        title: The page title, as plain text (escaped here).
        body: The page body, as HTML whose text the caller escaped.
        lang: The page's language.
    """
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


# Levels are coloured from the lowest (light red) over amber to the highest (green), the same
# in the HTML matrix and in the heat map.
_STOPS = ((0.0, (0xF5, 0xB7, 0xB1)), (0.5, (0xFF, 0xE0, 0x8A)), (1.0, (0x58, 0xB3, 0x68)))

START_COLOUR = "#8fd19e"
"""The colour of a startcompetentie without a rating (as ``.beheerst`` in the HTML)."""
NOT_RATED_COLOUR = "#eaeef2"
"""The colour of a competence not rated yet."""
NOT_IN_PLAN_COLOUR = "#ffffff"
"""The colour of a competence not in the learner's plan."""


def level_colour(fractie: float) -> str:
    """The colour of a level at ``fractie`` of its scale (0.0 lowest, 1.0 highest), as ``#rrggbb``."""
    fractie = min(1.0, max(0.0, fractie))
    for (low, a), (high, b) in itertools.pairwise(_STOPS):
        if fractie <= high:
            t = (fractie - low) / (high - low)
            r, g, bl = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
            return f"#{r:02x}{g:02x}{bl:02x}"
    raise AssertionError(fractie)  # pragma: no cover - the stops end at 1.0


def text_or_file(text: str, path: str | os.PathLike[str] | None) -> str | Path:
    """The text itself without a path; else write it there whole or not at all, and give the path.

    The one scheme of every ``to_csv(path=None)`` and ``to_html(path=None)``.
    """
    if path is None:
        return text
    return write_atomic(path, text)


class CsvAndHtmlFiles:
    """``to_csv`` and ``to_html`` for a class that gives its ``csv`` and ``html`` text.

    Each writes the text to ``path`` whole or not at all and gives the path, or gives the
    text itself without a path (`text_or_file`).
    """

    __slots__ = ()

    def csv(self, delimiter: str = ",") -> str:
        """The CSV text."""
        raise NotImplementedError  # pragma: no cover - every class gives its own

    def html(self, lang: str | None = None) -> str:
        """The text of a self-contained HTML page."""
        raise NotImplementedError  # pragma: no cover - every class gives its own

    @overload
    def to_csv(self, path: None = None, delimiter: str = ",") -> str: ...
    @overload
    def to_csv(self, path: str | os.PathLike[str], delimiter: str = ",") -> Path: ...
    def to_csv(
        self, path: str | os.PathLike[str] | None = None, delimiter: str = ","
    ) -> str | Path:
        """The CSV text (`csv`), or written to ``path`` whole or not at all.

        Returns:
            The text without a path; else the path written.

        Raises:
            WriteError: The file cannot be written; an existing file is left as it was.
        """
        return text_or_file(self.csv(delimiter), path)

    @overload
    def to_html(self, path: None = None, lang: str | None = None) -> str: ...
    @overload
    def to_html(self, path: str | os.PathLike[str], lang: str | None = None) -> Path: ...
    def to_html(
        self, path: str | os.PathLike[str] | None = None, lang: str | None = None
    ) -> str | Path:
        """The HTML page (`html`), in one language, or written to ``path`` whole or not at all.

        Returns:
            The text without a path; else the path written.

        Raises:
            WriteError: The file cannot be written; an existing file is left as it was.
        """
        return text_or_file(self.html(lang), path)


def dataframe(
    columns: Sequence[tuple[str, str]],
    rows: Iterable[Sequence[object]],
    *,
    index: str | None = None,
) -> pandas.DataFrame:
    """A pandas DataFrame with a dtype for every column, the same for any number of rows.

    Args:
        columns: Each column's name and dtype: a pandas dtype (``"string"``, ``"Int64"``,
            ``"Float64"``, ``"boolean"``), ``"date"`` for a day (``datetime64[ns]``, ``NaT``
            for none) or ``"datetime"`` for a moment in Brussels time
            (``datetime64[ns, Europe/Brussels]``).
        rows: The rows, one value per column; ``None`` is missing (``<NA>``, ``NaT``).
        index: The column that becomes the index, if any.

    Raises:
        MissingDependencyError: pandas is not installed (the ``pandas`` extra).
    """
    require("pandas", "pandas")
    import pandas as pd

    values = list(zip(*rows, strict=True)) or [()] * len(columns)
    data = {}
    for (name, dtype), column in zip(columns, values, strict=True):
        if dtype == "date":
            days = pd.Series([None if v is None else str(v) for v in column], dtype="object")
            data[name] = pd.to_datetime(days).astype("datetime64[ns]")
        elif dtype == "datetime":
            moments = pd.Series([None if v is None else str(v) for v in column], dtype="object")
            utc = pd.to_datetime(moments, utc=True).astype("datetime64[ns, UTC]")
            data[name] = utc.dt.tz_convert("Europe/Brussels")
        else:
            data[name] = pd.Series(list(column), dtype=dtype)
    frame = pd.DataFrame(data, columns=[name for name, _ in columns])
    return frame.set_index(index) if index is not None else frame


def require(module: str, extra: str) -> None:
    """Fail with a clear message when an optional dependency is not installed.

    Raises:
        MissingDependencyError: ``module`` cannot be imported (a `ModuleNotFoundError`);
            the message names the extra that installs it.
    """
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise MissingDependencyError(module, extra)
