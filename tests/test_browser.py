"""Seen in a real browser: the notebook views and the printable pages in headless Chromium.

Every HTML view a coordinator sees in a notebook is opened as a page and must render with no
message on the browser's console. The printable pages the command line writes (the progress
report of ``duaal-leren voortgang --format html``, the cohort matrix of the same command, the
conversation guide of ``duaal-leren leidraad show --format html``) are printed to A4 PDF:
every word of every table cell must be in the PDF's text (a column cut off at the page's
edge would be missing), nothing may be drawn past the page's right edge, and the number of
pages is as expected.

Needs a Chromium (Debian's ``chromium`` package; CI installs it) and pypdf to read the PDF;
without either the tests are skipped, with a message that says which is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

import duaal_leren
from duaal_leren.cli import main
from duaal_leren.cohort import Cohort
from duaal_leren.kalender import schoolkalender
from duaal_leren.planning import PerSchooljaar, plan_caseload, plan_opvolging
from duaal_leren.validation import validate, validate_files
from duaal_leren.voortgang import TrajectVoortgang

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LOTTE = EXAMPLES / "traject-lotte.yaml"
MILAN = EXAMPLES / "traject-milan.yaml"
BROKEN = Path(__file__).parent / "data" / "traject-kapot.yaml"
TODAY = "2026-03-01"


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


BROWSER = _browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium found (install Debian's chromium package: apt-get install chromium)",
)

# A4 in PDF points, and a hair of tolerance for rounding.
A4 = (595.0, 842.0)


def chromium(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a profile of its own; its log goes to stderr."""
    assert BROWSER is not None
    options = [
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        options.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return subprocess.run(  # noqa: S603 - our own arguments, no shell
        [BROWSER, *options, *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def console(log: str) -> list[str]:
    """The messages a page wrote to the browser's console, from Chromium's log."""
    return [line for line in log.splitlines() if ":CONSOLE" in line]


def render(tmp_path: Path, page: Path) -> str:
    """The page's DOM after rendering; fails on any console message."""
    result = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert console(result.stderr) == [], page.name
    return result.stdout


def page_of(tmp_path: Path, name: str, fragment: str, head: str = "") -> Path:
    path = tmp_path / f"{name}.html"
    path.write_text(
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{name}</title>{head}</head><body>{fragment}</body></html>\n",
        encoding="utf-8",
    )
    return path


def test_the_console_check_catches_an_error(tmp_path: Path) -> None:
    # The check itself: a page that writes to the console fails it.
    page = page_of(tmp_path, "kapot", "<script>console.error('kapot')</script><p>x</p>")
    result = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert any('"kapot"' in line for line in console(result.stderr))


def _views() -> dict[str, Callable[[], object]]:
    lotte = duaal_leren.load_traject(LOTTE)
    milan = duaal_leren.load_traject(MILAN)
    eigen = duaal_leren.load(EXAMPLES / "schoolkalender-de-vonk-2025-2026.yaml")
    cohort = Cohort((lotte, milan))
    return {
        "traject": lambda: lotte,
        "plan": lambda: lotte.opleidingsplan,
        "standaardplan": lambda: duaal_leren.load(EXAMPLES / "standaardplan-elektrotechniek.yaml"),
        "cohort": lambda: cohort,
        "kalender": lambda: schoolkalender(eigen=eigen),
        "report": lambda: validate_files([BROKEN, LOTTE], today=TODAY),
        "report-clean": lambda: validate(lotte, today="2025-10-01"),
        "schema": lambda: plan_opvolging(lotte, PerSchooljaar(4)),
        "caseload": lambda: plan_caseload([lotte, milan], PerSchooljaar(4)),
        "voortgang": lambda: TrajectVoortgang.from_traject(lotte, today=TODAY),
        "matrix": lambda: cohort.matrix(today=TODAY),
    }


@pytest.mark.parametrize("name", list(_views()))
def test_notebook_views_render_without_console_messages(tmp_path: Path, name: str) -> None:
    obj = _views()[name]()
    fragment = obj._repr_html_()  # type: ignore[attr-defined]
    dom = render(tmp_path, page_of(tmp_path, name, fragment))
    assert '<div class="dl-view" lang="nl">' in dom
    assert "<table" in dom or "Geen bevindingen" in dom


# --- printable pages -------------------------------------------------------------------------


class _Cells(HTMLParser):
    """The text of every table cell of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.depth = 0
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self.skip += 1
        if tag in ("td", "th"):
            self.depth += 1
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self.skip -= 1
        if tag in ("td", "th"):
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.cells[-1] += data


def _words(text: str) -> Counter[str]:
    # NFKC: the PDF's fonts set "fl" and "fi" as ligatures (U+FB02, U+FB01).
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text)))


def printed(tmp_path: Path, page: Path) -> tuple[int, str, float]:
    """Print a page to A4 PDF: its number of pages, its text, and the right-most x of any text."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf reads the printed PDF (the dev extra)")
    pdf = tmp_path / f"{page.stem}.pdf"
    result = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert console(result.stderr) == []
    reader = pypdf.PdfReader(pdf)
    texts = []
    right = 0.0
    for number, sheet in enumerate(reader.pages, 1):
        box = sheet.mediabox
        assert (round(float(box.width)), round(float(box.height))) == A4, number

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            nonlocal right
            if text.strip():
                right = max(right, cm[0] * tm[4] + cm[4])

        text = sheet.extract_text(visitor_text=visit)
        assert text.strip(), f"page {number} is empty"
        texts.append(text)
    return len(reader.pages), "\n".join(texts), right


def cells_in_pdf(page: Path, text: str) -> None:
    parser = _Cells()
    parser.feed(page.read_text(encoding="utf-8"))
    assert parser.cells
    wanted = _words(" ".join(parser.cells))
    found = _words(text)
    missing = {word: n for word, n in wanted.items() if found[word] < n}
    assert missing == {}, page.name


def cli_page(tmp_path: Path, name: str, *arguments: str) -> Path:
    target = tmp_path / f"{name}.html"
    assert main([*arguments, "--format", "html", "--output", str(target)]) == 0
    return target


def test_progress_report_prints_on_a4_without_clipping(tmp_path: Path) -> None:
    page = cli_page(tmp_path, "voortgang", "voortgang", str(LOTTE), "--today", TODAY)
    render(tmp_path, page)
    pages, text, right = printed(tmp_path, page)
    # 28 competences in 12 columns: two pages.
    assert pages == 2
    assert right < A4[0]
    cells_in_pdf(page, text)


def test_cohort_matrix_prints_on_a4_without_clipping(tmp_path: Path) -> None:
    page = cli_page(tmp_path, "matrix", "voortgang", str(LOTTE), str(MILAN), "--today", TODAY)
    render(tmp_path, page)
    pages, text, right = printed(tmp_path, page)
    # Two learners by 29 competences: one page, every column on it.
    assert pages == 1
    assert right < A4[0]
    cells_in_pdf(page, text)


def test_conversation_guide_prints_on_a4_without_clipping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["leidraad", "show", "opstartgesprek", "--format", "html"]) == 0
    page = tmp_path / "leidraad.html"
    page.write_text(capsys.readouterr().out, encoding="utf-8")
    render(tmp_path, page)
    pages, text, right = printed(tmp_path, page)
    # 45 items with their questions: a handful of pages, none of them empty.
    assert 4 <= pages <= 12
    assert right < A4[0]
    cells_in_pdf(page, text)


def test_the_clipping_check_catches_a_table_too_wide_for_the_page(tmp_path: Path) -> None:
    # The check itself: a table wider than A4 is cut off at the page's edge when printed.
    cells = "".join(f"<td>kolom{n:02d}breed</td>" for n in range(40))
    table = f'<table style="white-space: nowrap"><tr>{cells}</tr></table>'
    page = page_of(tmp_path, "breed", table, "<style>@page { size: A4; }</style>")
    _, text, right = printed(tmp_path, page)
    cut = right >= A4[0]
    try:
        cells_in_pdf(page, text)
    except AssertionError:
        cut = True
    assert cut
