"""Agendas and records as HTML, Markdown and text, read back with real parsers."""

from __future__ import annotations

import html.parser
import re
from collections.abc import Callable
from pathlib import Path

import attrs
import html5lib
import markdown
import pendulum
import pytest

from duaal_leren.gespreksverslag import Antwoord, Gespreksverslag
from duaal_leren.leidraad import (
    Leidraad,
    LeidraadReferentie,
    html_fragment,
    leidraad,
    load_verslag,
    render_html,
    render_markdown,
    render_text,
)
from duaal_leren.opvolging import Actie, Deelnemer, Gespreksrol

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "gespreksverslag-opstart-lotte.yaml"
OCTOBER = pendulum.date(2025, 10, 1)
NASTY = "<script>alert('x')</script> & \"quotes\" *ster* _laag_ [link](http://x) # | `code`"
Render = Callable[..., str]
OPEN_IN_EXAMPLE = ["tips-en-oefeningen", "opvolging-vooruitgang", "gebruik-informatie-bedrijf"]


class _Page(html.parser.HTMLParser):
    """The text, the elements and the class of every ``li`` of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.items: dict[str, str] = {}
        self.attributes: list[tuple[str, str | None]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        if tag == "style":
            self._skip += 1
        values = dict(attrs)
        if tag == "li" and (values.get("id") or "").startswith("item-"):
            self.items[str(values["id"])[5:]] = values.get("class") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def _read(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _flat(text: str) -> str:
    return " ".join(text.split())


def _valid(page: str) -> None:
    # html5lib in strict mode raises on the first parse error of the HTML standard.
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


@pytest.fixture
def verslag() -> Gespreksverslag:
    return load_verslag(EXAMPLE)


@pytest.fixture
def nasty() -> Gespreksverslag:
    """A record full of text that would be markup, with an answer to an unknown item."""
    return Gespreksverslag(
        leidraad=LeidraadReferentie("opstartgesprek", "1"),
        traject=NASTY,
        datum=pendulum.date(2025, 9, 1),
        plaats=NASTY,
        deelnemers=(Deelnemer(Gespreksrol.MENTOR, naam=NASTY),),
        antwoorden=(
            Antwoord("klassenraad", tekst=NASTY, afspraak=f"1. eerst\n\n- dan\n{NASTY}"),
            Antwoord("<b>onbekend</b>", tekst=NASTY),
        ),
        acties=(Actie(NASTY, NASTY, pendulum.date(2025, 9, 2), item="`x`|y"),),
        notities=NASTY,
    )


# --- HTML -----------------------------------------------------------------------------


@pytest.mark.parametrize("catalogue_id", ["opstartgesprek", "leervooruitgang"])
def test_the_agenda_is_valid_html_with_every_item(catalogue_id: str) -> None:
    catalogue = leidraad(catalogue_id)
    page = render_html(catalogue)
    _valid(page)
    read = _read(page)
    text = _flat(" ".join(read.text))
    for item in catalogue.alle_items:
        assert item.tekst in text
    for thema in catalogue.themas:
        assert thema.titel in text
    assert list(read.items) == [item.id for item in catalogue.alle_items]
    assert catalogue.titel == _flat(re.search(r"<title>(.*?)</title>", page, re.S)[1])  # type: ignore[index]


def test_the_agenda_numbers_each_kind_of_item() -> None:
    text = _flat(" ".join(_read(render_html(leidraad("leervooruitgang"))).text))
    assert "1. De leervooruitgang van de leerling" in text
    assert "1. Evalueer of bespreek hoe de leerling" in text
    assert "8. Bespreek of zoek naar extra leerkansen" in text
    text = _flat(" ".join(_read(render_html(leidraad("opstartgesprek"))).text))
    assert "45. Wat is de rol van de mentor op een klassenraad?" in text


def test_the_agenda_has_room_to_write() -> None:
    page = render_html(leidraad("opstartgesprek"))
    assert page.count('class="schrijfruimte"') == 45
    assert page.count('class="vak"') == 45
    for field in ("Datum", "Plaats", "Aanwezig", "Traject"):
        assert f'<th scope="row">{field}</th><td></td>' in page


@pytest.mark.parametrize(
    "obj", ["opstartgesprek", "leervooruitgang", "record"], ids=["opstart", "voortgang", "record"]
)
def test_pages_are_self_contained_and_print_on_a4(obj: str, verslag: Gespreksverslag) -> None:
    page = render_html(verslag if obj == "record" else leidraad(obj), today=OCTOBER)
    read = _read(page)
    assert "script" not in read.tags
    assert {"link", "img", "iframe", "object", "embed"}.isdisjoint(read.tags)
    assert [name for name, _ in read.attributes if name in ("src", "href")] == []
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    assert style is not None
    css = style[1]
    assert "@page { size: A4;" in css
    assert "@media print" in css
    assert "url(" not in css
    assert "@import" not in css
    assert 'charset="utf-8"' in page


def test_the_record_shows_answers_and_highlights_open_items(verslag: Gespreksverslag) -> None:
    page = render_html(verslag, today=OCTOBER)
    _valid(page)
    read = _read(page)
    text = _flat(" ".join(read.text))
    for antwoord in verslag.antwoorden:
        for value in (antwoord.tekst, antwoord.afspraak):
            if value:
                assert _flat(value) in text
    open_items = [item for item, css in read.items.items() if "open" in css.split()]
    assert open_items == OPEN_IN_EXAMPLE
    assert read.items["andere-contactpersonen-school"] == "item niet-van-toepassing"
    assert read.items["klassenraad"] == "item beantwoord"
    # Open items keep room to write; answered ones do not.
    assert page.count('class="schrijfruimte"') == 3
    assert "40 beantwoord" not in text  # the counts are in a table
    assert "Volledigheid Thema beantwoord niet van toepassing open" in text
    assert "45 items 40 2 3" in text


def test_late_actions_are_marked(verslag: Gespreksverslag) -> None:
    page = render_html(verslag, today=OCTOBER)
    rows = re.findall(r'<tr class="te-laat">(.*?)</tr>', page)
    assert len(rows) == 1
    assert "2025-09-19" in rows[0]
    assert "te laat" in rows[0]
    assert (
        re.findall(r'<tr class="te-laat">', render_html(verslag, today=pendulum.date(2025, 9, 1)))
        == []
    )


def test_every_text_is_escaped(nasty: Gespreksverslag) -> None:
    page = render_html(nasty, today=OCTOBER)
    _valid(page)
    read = _read(page)
    assert "script" not in read.tags
    assert "b" not in read.tags
    text = " ".join(read.text)
    assert text.count(NASTY) >= 7
    assert "<b>onbekend</b>" in text
    assert "Antwoorden op items die niet in de leidraad staan" in text


def test_a_record_without_its_catalogue_still_renders(nasty: Gespreksverslag) -> None:
    other = Gespreksverslag(
        leidraad=LeidraadReferentie("eigen-leidraad", "3"),
        traject="TRJ-9",
        datum=pendulum.date(2025, 9, 1),
        antwoorden=(Antwoord("eigen.vraag", tekst="Een antwoord"), Antwoord("eigen.open")),
    )
    page = render_html(other, today=OCTOBER)
    _valid(page)
    read = _read(page)
    text = _flat(" ".join(read.text))
    assert "Antwoorden (de leidraad is niet beschikbaar)" in text
    assert "eigen.vraag" in text
    assert "Een antwoord" in text
    assert "eigen.open OPEN" in text


def test_the_record_renders_with_a_given_catalogue(verslag: Gespreksverslag) -> None:
    renamed = Leidraad(
        id="opstartgesprek",
        titel="Eigen titel",
        versie="1",
        themas=leidraad("opstartgesprek").themas[:1],
    )
    text = _flat(" ".join(_read(render_html(verslag, leidraad=renamed, today=OCTOBER)).text))
    assert "Gespreksverslag: Eigen titel" in text
    assert "13 items 12 1 0" in text
    # Answers to items of the themes left out are not lost.
    assert "Antwoorden op items die niet in de leidraad staan" in text


def test_english_labels(verslag: Gespreksverslag) -> None:
    page = render_html(verslag, today=OCTOBER, lang="en")
    _valid(page)
    assert '<html lang="en">' in page
    text = _flat(" ".join(_read(page).text))
    assert "Conversation record" in text
    assert "overdue" in text
    assert "Kan de school het bedrijf ondersteunen" in text  # the wording stays the guide's


def test_notebooks_show_html(verslag: Gespreksverslag) -> None:
    catalogue = leidraad("opstartgesprek")
    for obj in (catalogue, verslag):
        fragment = obj._repr_html_()
        assert fragment == html_fragment(obj)
        assert fragment.startswith('<div class="dl"><style>')
        assert "@page" not in fragment
        html5lib.HTMLParser(strict=True).parseFragment(fragment)
    text = _flat(" ".join(_read(catalogue._repr_html_()).text))
    assert all(item.tekst in text for item in catalogue.alle_items)


# --- Markdown -------------------------------------------------------------------------


def _markdown_text(source: str) -> str:
    return _flat(" ".join(_read(markdown.markdown(source, extensions=["tables"])).text))


@pytest.mark.parametrize("catalogue_id", ["opstartgesprek", "leervooruitgang"])
def test_the_markdown_agenda_reads_back(catalogue_id: str) -> None:
    catalogue = leidraad(catalogue_id)
    source = render_markdown(catalogue)
    text = _markdown_text(source)
    for item in catalogue.alle_items:
        assert item.tekst in text
        assert item.id in text
    assert source.count("- [ ] **") == len(catalogue.alle_items)
    # The room to write belongs to its item: one list, no paragraph between items.
    rendered = markdown.markdown(source, extensions=["tables"])
    assert rendered.count("<li>") == len(catalogue.alle_items)
    assert rendered.count("<ul>") == sum(len(t.indeling) for t in catalogue.themas)
    headings = re.findall(r"^(#{1,3}) ", source, re.MULTILINE)
    assert headings.count("#") == 1
    assert headings.count("##") == len(catalogue.themas)


def test_the_markdown_record_reads_back(verslag: Gespreksverslag) -> None:
    source = render_markdown(verslag, today=OCTOBER)
    text = _markdown_text(source)
    for antwoord in verslag.antwoorden:
        for value in (antwoord.tekst, antwoord.afspraak):
            if value:
                assert _flat(value) in text
    assert source.count("- [x] **") == 42
    rendered = markdown.markdown(source, extensions=["tables"])
    assert "</ul>\n<p><strong>Antwoord" not in rendered
    assert rendered.count("<ul>") == 1 + 9  # the participants, then one list per section
    assert source.count("- [ ] **") == 3
    assert source.count("**OPEN**") == 3
    assert "| **TE LAAT** |" in source
    assert "40 beantwoord, 2 niet van toepassing, 3 open (van 45 items)" in text


def test_markdown_shows_text_as_written(nasty: Gespreksverslag) -> None:
    source = render_markdown(nasty, today=OCTOBER)
    rendered = markdown.markdown(source, extensions=["tables"])
    read = _read(rendered)
    assert {"script", "em", "strong", "a", "h1"} & set(read.tags) == {"strong", "h1"}
    text = " ".join(read.text)
    assert "<b>onbekend</b>" in text
    # Lines that would start a list or a heading stay text.
    assert "1. eerst" in text
    assert "- dan" in text


def test_markdown_keeps_every_character_of_the_text(nasty: Gespreksverslag) -> None:
    text = _markdown_text(render_markdown(nasty, today=OCTOBER))
    assert _flat(NASTY) in text


# --- text -----------------------------------------------------------------------------


def test_the_text_agenda(verslag: Gespreksverslag) -> None:
    catalogue = leidraad("opstartgesprek")
    text = render_text(catalogue)
    for item in catalogue.alle_items:
        assert f"{item.tekst} [{item.id}]" in text
    assert "1. Samenwerking school en bedrijf (titel afgeleid)" in text
    assert "   1.1 Contactpersoon" in text
    record = render_text(verslag, today=OCTOBER)
    assert "Wat is de rol van de mentor op een klassenraad?" in record
    assert "-- OPEN" in record
    assert "(te laat)" in record


def test_the_text_report(verslag: Gespreksverslag) -> None:
    from duaal_leren.leidraad import volledigheid

    text = render_text(volledigheid(verslag, today=OCTOBER))
    assert "45 items; 40 beantwoord, 2 niet van toepassing, 3 open" in text
    assert "3.3 Opvolgingsgesprekken: 10 beantwoord, 0 niet van toepassing, 2 open" in text
    assert "  - 30. Kan de school het bedrijf ondersteunen" in text
    assert "Acties te laat op 2025-10-01:" in text
    quiet = render_text(volledigheid(verslag, today=pendulum.date(2025, 9, 1)), lang="en")
    assert "Actions overdue on 2025-09-01:\n  none" in quiet


@pytest.mark.parametrize("render", [render_html, render_markdown, render_text, html_fragment])
def test_the_day_of_a_rendering_can_be_iso_text(render: Render, verslag: Gespreksverslag) -> None:
    assert render(verslag, today="2025-10-01") == render(verslag, today=OCTOBER)
    assert render(verslag, today="2025-09-01") != render(verslag, today=OCTOBER)


@pytest.mark.parametrize("render", [render_html, render_markdown, render_text, html_fragment])
def test_by_default_a_rendering_uses_the_day_in_brussels(
    render: Render, verslag: Gespreksverslag, monkeypatch: pytest.MonkeyPatch
) -> None:
    def today(tz: str = "local") -> pendulum.DateTime:
        # The machine's own zone is still on 30 September; Brussels is on 1 October.
        if tz == "Europe/Brussels":
            return pendulum.datetime(2025, 10, 1)
        return pendulum.datetime(2025, 9, 30)

    monkeypatch.setattr(pendulum, "today", today)
    assert render(verslag) == render(verslag, today=OCTOBER)


def _participants(text: str) -> list[str]:
    lines = text.split("\n\n")[1].splitlines()
    return [line.removeprefix("  - ") for line in lines[1:]]


def test_roles_are_named_in_the_language_of_the_labels(verslag: Gespreksverslag) -> None:
    english = _participants(render_text(verslag, today=OCTOBER, lang="en"))
    dutch = _participants(render_text(verslag, today=OCTOBER))
    assert english == [
        "Ann De Smet (trajectbegeleider)",
        "Bart Claes (school contact, coördinator duaal leren)",
        "Koen Vermeulen (mentor)",
        "Els Janssens (company staff, HR)",
        "learner",
    ]
    assert dutch[1] == "Bart Claes (contactpersoon-school, coördinator duaal leren)"
    # Every role has its English name.
    everyone = attrs.evolve(verslag, deelnemers=tuple(Deelnemer(rol) for rol in Gespreksrol))
    assert _participants(render_text(everyone, today=OCTOBER, lang="en")) == [
        "learner",
        "mentor",
        "trajectbegeleider",
        "subject teacher",
        "school contact",
        "company staff",
        "parent",
        "other",
    ]
