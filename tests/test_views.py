"""Notebook views: a short repr and a scoped HTML view of every object a coordinator looks at."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import duaal_leren
from duaal_leren import _views
from duaal_leren.cohort import Cohort
from duaal_leren.kalender import schoolkalender
from duaal_leren.opvolging import Gespreksstatus
from duaal_leren.planning import PerSchooljaar, plan_caseload, plan_opvolging
from duaal_leren.traject import Traject
from duaal_leren.validation import validate, validate_files
from duaal_leren.voortgang import TrajectVoortgang
from opvolging_strategies import genereer_cohort

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LOTTE = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
MILAN = duaal_leren.load_traject(EXAMPLES / "traject-milan.yaml")
TODAY = "2026-03-01"

# Personal data the example trajecten hold: none of it may appear in a repr or a view.
PERSONAL = (
    "Lotte",
    "Peeters",
    "lotte.peeters@example.org",
    "2008-03-14",
    "Voorbeeldstraat",
    "Koen Vermeulen",
    "koen@example.org",
    "dyslexie",
)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.classes: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        self.classes.extend((dict(attrs).get("class") or "").split())

    def handle_data(self, data: str) -> None:
        if self.open[-1:] != ["style"]:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]


def page(html: str) -> _Page:
    parser = _Page()
    parser.feed(html)
    return parser


def every_object(trajecten: list[Traject]) -> Iterator[object]:
    """Every object a coordinator looks at, built from these trajecten."""
    cohort = Cohort(tuple(trajecten))
    yield cohort
    yield cohort.matrix(today=TODAY)
    # Planned afresh: generated trajecten share the days of the conversations they record.
    yield plan_caseload(
        trajecten, PerSchooljaar(4), max_per_dag=4, bestaande={t.id: () for t in trajecten}
    )
    yield validate_files([EXAMPLES / "traject-lotte.yaml", EXAMPLES / "traject-milan.yaml"])
    for traject in trajecten[:3]:
        yield traject
        yield traject.opleidingsplan
        yield plan_opvolging(traject, PerSchooljaar(4))
        yield TrajectVoortgang.from_traject(traject, today=TODAY)
        yield validate(traject, today=TODAY)
    yield duaal_leren.load(EXAMPLES / "standaardplan-elektrotechniek.yaml")
    yield schoolkalender(eigen=duaal_leren.load(EXAMPLES / "schoolkalender-de-vonk-2025-2026.yaml"))


def test_no_repr_is_longer_than_500_characters_and_none_holds_personal_data() -> None:
    # A large generated caseload: many trajecten, long plans, many conversations.
    large = list(genereer_cohort([LOTTE, MILAN], 300))
    for obj in [*every_object([LOTTE, MILAN]), *every_object(large)]:
        text = repr(obj)
        assert len(text) <= _views.MAX_REPR, (type(obj).__name__, len(text))
        assert "\n" not in text
        assert text.startswith(type(obj).__name__ + "(")
        for value in PERSONAL:
            assert value not in text, (type(obj).__name__, value)


def test_every_view_is_one_scoped_block_without_personal_data() -> None:
    for obj in every_object([LOTTE, MILAN]):
        html = obj._repr_html_()  # type: ignore[attr-defined]
        assert html.startswith('<div class="dl-view" lang="nl"><style>'), type(obj).__name__
        assert html.endswith("</div>")
        style = html.split("<style>", 1)[1].split("</style>", 1)[0]
        # Every rule is scoped to the view's own block: it styles nothing else on the page.
        selectors = re.findall(r"(?:^|})\s*([^{}@]+?)\s*\{", style)
        assert selectors
        for selector in selectors:
            for part in selector.split(","):
                assert part.strip().startswith(".dl-view"), part
        assert "<script" not in html
        for value in PERSONAL:
            assert value not in html, (type(obj).__name__, value)


def test_the_style_reads_in_light_and_dark_themes() -> None:
    # The page's own text colour, the themes' variables with fallbacks, and dark text on
    # the light fills of coloured cells.
    assert "color-scheme: light dark" in _views.STYLE
    assert "var(--jp-border-color2, rgba(127, 127, 127, 0.4))" in _views.STYLE
    assert ".dl-view .beheerst, .dl-view .bezig, .dl-view td[style] { color: var(--dl-ink); }" in (
        _views.STYLE
    )
    assert "#fff" not in _views.STYLE.lower()  # no white background that glares in the dark


def test_every_coloured_cell_carries_dark_text() -> None:
    # A fill stays light in a dark theme, where the inherited text is light: every rule that
    # paints a background in a colour (a hex value, also in a gradient) must give its class
    # the dark ink, or the day 30 June 2026 (a half day off) is light on yellow.
    import re

    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", _views.STYLE)
    inked = {
        selector.strip()
        for selectors, body in rules
        if "color: var(--dl-ink)" in body
        for selector in selectors.split(",")
    }
    coloured = [
        selector.strip()
        for selectors, body in rules
        if re.search(r"background:[^;]*#[0-9a-f]{3,6}", body)
        for selector in selectors.split(",")
    ]
    assert ".dl-view .dl-half" in coloured
    assert {".dl-view .dl-vakantie", ".dl-view .beheerst", ".dl-view .bezig"} <= set(coloured)
    assert [s for s in coloured if s not in inked] == []


def test_traject_card() -> None:
    held = LOTTE.opvolgingsgesprekken[0]
    planned = attrs.evolve(held, datum=held.datum.add(days=200), status=Gespreksstatus.GEPLAND)
    traject = attrs.evolve(LOTTE, opvolgingsgesprekken=(*LOTTE.opvolgingsgesprekken, planned))
    text = " ".join(page(traject._repr_html_()).text)
    for expected in (
        "Traject TRJ-2025-0042",
        "LRN-2025-0042",
        "Elektrotechnisch installateur duaal",
        "Technisch Instituut De Vonk (fictief) (999991)",
        "Elektro Vermeulen bv, Vestiging Fictiefdorp",
        "oao, 2025-09-01 tot 2026-06-30, 38 u/week",
        "28 competenties (beide 9, school 6, werkplek 12, extern 1); 2 startcompetenties; actief",
        "3 gehouden, 1 gepland",
        "2026-06-08 (werkplek)",
    ):
        assert expected in text, expected
    assert text.count("gehouden") == 4  # the count, and three rows of the table
    english = " ".join(page(_views.traject_html(LOTTE, "en")).text)
    assert "next planned conversation" in english
    assert "3 held" in english


def test_plan_grouped_by_cluster() -> None:
    plan = LOTTE.opleidingsplan
    html = plan._repr_html_()
    captions = re.findall(r"<caption>(.*?)</caption>", html)
    clusters = list(dict.fromkeys(c.cluster for c in plan.competenties))
    assert len(captions) == len(clusters)
    assert captions[0] == "Veiligheid, welzijn en milieu (5)"
    assert sum(int(c.rsplit("(", 1)[1][:-1]) for c in captions) == len(plan.competenties)
    assert "<th>aanbreng</th><th>inoefening</th><th>vereisten</th><th>termijn</th>" in html
    # ELT-03: introduced at school, practised at work, after ELT-02, by a termijn.
    assert (
        "<td>beide</td><td>school</td><td>werkplek</td><td>ELT-02</td><td>2025-12-19</td>" in html
    )
    # Startcompetenties are marked, signatures show the parties and never the names.
    assert html.count('title="startcompetentie">S</span>') == len(plan.startcompetenties)
    assert "ondertekend door" in html
    standaard = duaal_leren.load(EXAMPLES / "standaardplan-elektrotechniek.yaml")
    assert "Standaardopleidingsplan: " in standaard._repr_html_()


def test_calendar_year_view() -> None:
    kalender = schoolkalender(
        eigen=duaal_leren.load(EXAMPLES / "schoolkalender-de-vonk-2025-2026.yaml")
    )
    html = kalender._repr_html_()
    parsed = page(html)
    months = re.findall(r'<table class="dl-month"><caption>(.*?)</caption>', html)
    assert months[0] == "september 2025"
    assert months[-1] == "augustus 2026"
    assert len(months) == 12
    # 11 November is a legal holiday; the school's study day of 15 October its own; the
    # klassenraad of 17 December outlined; the afternoon of 30 June half free.
    assert '<td class="dl-feestdag" title="Wapenstilstand">11</td>' in html
    assert '<td class="dl-schooleigen" title="Pedagogische studiedag">15</td>' in html
    assert '<td class="dl-klassenraad" title="klassenraad">17</td>' in html
    assert 'class="dl-half" title="Laatste schooldag, namiddag vrij (namiddag)">30</td>' in html
    # Every vacation day, weekends too, and the swatch in the legend.
    assert parsed.classes.count("dl-vakantie") == sum(p.dagen for p in kalender.vakanties) + 1
    text = " ".join(parsed.text)
    assert "178" in text  # school days
    assert "Herfstvakantie" in text
    for key in ("vakantie", "wettelijke feestdag", "klassenraad", "halve vrije dag"):
        assert key in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_views_follow_the_default_language(lang: str) -> None:
    duaal_leren.set_default_lang(lang)
    try:
        html = LOTTE._repr_html_()
    finally:
        duaal_leren.set_default_lang("nl")
    assert f'lang="{lang}"' in html
    assert ("workplace" in html) is (lang == "en")
