"""Every text for people takes the same language argument: "nl", "en", or the default."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import duaal_leren
from duaal_leren import FieldError, TrajectVoortgang
from duaal_leren.cohort import Cohort
from duaal_leren.exceptions import default_lang, set_default_lang
from duaal_leren.leidraad import leidraad, render_text
from duaal_leren.planning import ElkeNWeken
from duaal_leren.summary import summarise

ROOT = Path(__file__).resolve().parent.parent
LOTTE = duaal_leren.load_traject(ROOT / "examples" / "traject-lotte.yaml")
TODAY = "2026-03-01"

TEXTS: dict[str, Callable[[str | None], str]] = {
    "TrajectVoortgang.text": lambda lang: TrajectVoortgang.from_traject(LOTTE, today=TODAY).text(
        lang
    ),
    "Matrix.text": lambda lang: Cohort((LOTTE,)).matrix(today=TODAY).text(lang),
    "Cadans.text": lambda lang: ElkeNWeken(6).text(lang),
    "render_text": lambda lang: render_text(leidraad("opstartgesprek"), lang=lang),
    "summarise": lambda lang: summarise(LOTTE, lang),
}


@pytest.fixture
def english_by_default() -> Iterator[None]:
    before = default_lang()
    set_default_lang("en")
    try:
        yield
    finally:
        set_default_lang(before)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_an_unknown_language_is_an_error_not_dutch(name: str) -> None:
    with pytest.raises(FieldError) as info:
        TEXTS[name]("fr")
    assert info.value.field == "lang"


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_a_language_tag_names_its_language(name: str) -> None:
    assert TEXTS[name]("EN") == TEXTS[name]("en") != TEXTS[name]("nl")
    assert TEXTS[name]("nl-BE") == TEXTS[name]("nl")


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_without_a_language_the_default_speaks(name: str, english_by_default: None) -> None:
    assert TEXTS[name](None) == TEXTS[name]("en")
