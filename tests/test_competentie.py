"""Competences, where they are learned, and their references to external frameworks."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given

from duaal_leren import Competentie, FieldError, Leerplaats, Referenties, strategies


@pytest.mark.parametrize(
    ("plaats", "op_school", "op_werkplek"),
    [
        (Leerplaats.SCHOOL, True, False),
        (Leerplaats.WERKPLEK, False, True),
        (Leerplaats.BEIDE, True, True),
        (Leerplaats.EXTERN, False, False),
        (Leerplaats.NIET_GEDEKT, False, False),
    ],
)
def test_leerplaats_says_who_teaches(
    plaats: Leerplaats, op_school: bool, op_werkplek: bool
) -> None:
    assert plaats.op_school is op_school
    assert plaats.op_werkplek is op_werkplek


def test_leerplaats_values_are_the_words_of_the_files() -> None:
    assert [p.value for p in Leerplaats] == ["school", "werkplek", "beide", "extern", "niet-gedekt"]


def test_competentie_defaults() -> None:
    competentie = Competentie("ELT-01", "Werkt veilig", Leerplaats.BEIDE)
    assert competentie.cluster is None
    assert competentie.aanbreng is None
    assert competentie.inoefening is None
    assert competentie.vereisten == ()
    assert competentie.termijn is None
    assert competentie.referenties == Referenties()


def test_competentie_is_frozen_and_changes_with_evolve() -> None:
    competentie = Competentie("ELT-01", "Werkt veilig", Leerplaats.BEIDE)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        competentie.code = "ELT-02"  # type: ignore[misc]
    later = attrs.evolve(competentie, termijn=pendulum.Date(2026, 6, 1))
    assert later.termijn == pendulum.Date(2026, 6, 1)
    assert competentie.termijn is None


# Text that shows nothing: white space, and invisible format characters (Unicode category
# Cf) such as a zero-width space, a byte order mark or a word joiner, alone or mixed.
BLANK = ["", " ", "\t\n", "\u00a0", "\u200b", "\ufeff", " \u200b\u2060 ", "\u00ad\u200e"]


@pytest.mark.parametrize("blank", BLANK)
@pytest.mark.parametrize("field", ["code", "omschrijving", "cluster", "externe_aanbieder"])
def test_blank_text_is_refused(field: str, blank: str) -> None:
    values: dict[str, Any] = {"code": "A", "omschrijving": "Iets", "leerplaats": Leerplaats.SCHOOL}
    values[field] = blank
    with pytest.raises(FieldError) as info:
        Competentie(**values)
    assert info.value.field == field
    assert info.value.message == "mag niet leeg zijn"
    assert info.value.message_en == "must not be empty"


@pytest.mark.parametrize("blank", BLANK)
def test_the_schema_refuses_the_same_blank_text(blank: str) -> None:
    import re

    from duaal_leren._validators import non_empty

    assert re.search(non_empty.schema["pattern"], blank) is None


@pytest.mark.parametrize("text", ["A\u200b", "\ufeffA", "\u200bé", "日本"])
def test_visible_text_with_invisible_characters_stands(text: str) -> None:
    import re

    from duaal_leren._validators import non_empty

    assert Competentie(text, text, Leerplaats.SCHOOL).code == text
    assert re.search(non_empty.schema["pattern"], text) is not None


def test_blank_prerequisite_is_refused() -> None:
    with pytest.raises(FieldError) as info:
        Competentie("B", "Iets", Leerplaats.SCHOOL, vereisten=("A", " "))
    assert info.value.field == "vereisten"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("beroepskwalificaties", "BK-0130-5"),
        ("beroepskwalificaties", "BK-0130-12"),
        ("beroepskwalificaties", "BK-0130-5-DBK-01"),
        ("bk_competenties", "bkc0051279"),
        ("competent", "co 03080"),
        ("esco", "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"),
        ("esco", "https://data.europa.eu/esco/occupation/1"),
    ],
)
def test_valid_references(field: str, value: str) -> None:
    referenties = Referenties(**{field: (value,)})
    assert getattr(referenties, field) == (value,)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("beroepskwalificaties", "BK-130-5"),
        ("beroepskwalificaties", "BK-0130"),
        ("beroepskwalificaties", "bk-0130-5"),
        ("beroepskwalificaties", "BK-0130-5-DBK"),
        ("beroepskwalificaties", " BK-0130-5"),
        ("bk_competenties", "bkc005127"),
        ("bk_competenties", "BKC0051279"),
        ("competent", "co03080"),
        ("competent", "co 3080"),
        ("esco", "http://example.org/esco/skill/1"),
        ("esco", "http://data.europa.eu/esco/"),
        ("esco", "http://data.europa.eu/esco/skill/a b"),
    ],
)
def test_invalid_references_are_refused_with_an_example(field: str, value: str) -> None:
    with pytest.raises(FieldError) as info:
        Referenties(**{field: (value,)})
    assert info.value.field == field
    assert repr(value) in info.value.message
    assert "zoals" in info.value.message
    assert "such as" in info.value.message_en


@given(competentie=strategies.competenties())
def test_drawn_competences_are_valid(competentie: Competentie) -> None:
    # Building a copy runs every validator again.
    assert attrs.evolve(competentie) == competentie
    assert competentie.code.strip()
    assert competentie.omschrijving.strip()


@given(competentie=strategies.competenties(eerdere=["A", "B"]))
def test_drawn_prerequisites_come_from_earlier_codes(competentie: Competentie) -> None:
    assert set(competentie.vereisten) <= {"A", "B"}
    assert len(set(competentie.vereisten)) == len(competentie.vereisten)


@given(competentie=strategies.competenties(eerdere=[]))
def test_a_first_competence_has_no_prerequisites(competentie: Competentie) -> None:
    assert competentie.vereisten == ()
