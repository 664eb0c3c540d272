"""Summaries of documents: what they say, in both languages, and what they never say."""

from __future__ import annotations

from collections import Counter

import attrs
import pendulum
import pytest
from hypothesis import given, settings

import duaal_leren
from duaal_leren import (
    Competentie,
    Contact,
    Leerplaats,
    Ondersteuning,
    Persoonsgegevens,
    Screening,
    StandaardOpleidingsplan,
    Traject,
    Weekdag,
    Weekpatroon,
    Werkdag,
    WerkdagPlaats,
    strategies,
)
from duaal_leren.summary import summarise

# Drawing a traject is slow; the round-trip tests draw the full number.
FEWER = settings(max_examples=max(10, settings().max_examples // 4))


def per_leerplaats(plan: StandaardOpleidingsplan) -> str:
    counts = Counter(c.leerplaats for c in plan.competenties)
    return ", ".join(f"{p.value} {counts[p]}" for p in Leerplaats if counts[p])


def test_standaardplan_summary(standaardplan: StandaardOpleidingsplan) -> None:
    assert summarise(standaardplan).splitlines() == [
        "Standaardplan elektrotechnisch-installateur-duaal 2025.1: "
        "Elektrotechnisch installateur duaal",
        "  BK: BK-9001-1",
        f"  28 competenties in 5 clusters; per leerplaats: {per_leerplaats(standaardplan)}",
    ]


def test_standaardplan_summary_in_english(standaardplan: StandaardOpleidingsplan) -> None:
    lines = summarise(standaardplan, lang="en").splitlines()
    assert lines[0].startswith("Standard plan elektrotechnisch-installateur-duaal 2025.1")
    assert lines[2] == (
        f"  28 competences in 5 clusters; by leerplaats: {per_leerplaats(standaardplan)}"
    )


def test_standaardplan_without_bk_or_clusters() -> None:
    plan = StandaardOpleidingsplan(
        "p", "Opleiding", "1", (Competentie("A", "Iets", Leerplaats.NIET_GEDEKT),)
    )
    assert summarise(plan).splitlines()[1:] == [
        "  BK: geen",
        "  1 competenties in 0 clusters; per leerplaats: niet-gedekt 1",
    ]
    assert summarise(plan, lang="en").splitlines()[1] == "  BK: none"


def test_traject_summary(traject: Traject) -> None:
    text = summarise(traject)
    lines = text.splitlines()
    assert lines[0] == "Traject TRJ-2025-0042"
    for expected in (
        "  Lerende: LRN-2025-0042",
        "  School: Technisch Instituut De Vonk (fictief)",
        "  Trajectbegeleider: Ann De Smet",
        "  Werkplek: Elektro Vermeulen bv",
        "  Mentor: Koen Vermeulen",
        "  Overeenkomst: OAO 2025-09-01 tot 2026-06-30",
        "  Weekpatroon: 22.8 u/week op de werkplek, 15.2 u/week op school",
        "    startcompetenties 2, verplaatst 1, toegevoegd 1, weggelaten 1",
        "    ondertekend door: school, onderneming, lerende",
    ):
        assert expected in lines
    assert any(
        line.startswith("  Opleidingsplan: Elektrotechnisch installateur duaal")
        and line.endswith("status actief")
        for line in lines
    )


def test_traject_summary_in_english(traject: Traject) -> None:
    lines = summarise(traject, lang="en").splitlines()
    for expected in (
        "  Learner: LRN-2025-0042",
        "  Workplace: Elektro Vermeulen bv",
        "  Contract: OAO 2025-09-01 to 2026-06-30",
        "  Weekly pattern: 22.8 h/week at the workplace, 15.2 h/week at school",
        "    startcompetenties 2, moved 1, added 1, left out 1",
        "    signed by: school, onderneming, lerende",
    ):
        assert expected in lines


def test_summary_names_the_learner_only_by_id(traject: Traject) -> None:
    for lang in ("nl", "en"):
        text = summarise(traject, lang=lang)
        assert "LRN-2025-0042" in text
        assert "Lotte" not in text
        assert "Peeters" not in text
        assert "2008" not in text


def test_traject_without_mentor_pattern_or_signatures(traject: Traject) -> None:
    bare = attrs.evolve(
        traject,
        mentor=None,
        weekpatroon=None,
        opleidingsplan=attrs.evolve(traject.opleidingsplan, handtekeningen=()),
    )
    text = summarise(bare)
    assert "Mentor" not in text
    assert "Weekpatroon" not in text
    assert "    ondertekend door: niemand" in text.splitlines()
    assert "    signed by: nobody" in summarise(bare, lang="en").splitlines()


def test_whole_hours_are_written_without_decimals(traject: Traject) -> None:
    pattern = Weekpatroon(
        (
            *(Werkdag(d, WerkdagPlaats.WERKPLEK, 8) for d in list(Weekdag)[:4]),
            Werkdag(Weekdag.VRIJDAG, WerkdagPlaats.SCHOOL, 6.0),
        )
    )
    text = summarise(attrs.evolve(traject, weekpatroon=pattern))
    assert "  Weekpatroon: 32 u/week op de werkplek, 6 u/week op school" in text.splitlines()


def test_other_objects_cannot_be_summarised() -> None:
    with pytest.raises(TypeError, match="Competentie"):
        summarise(Competentie("A", "Iets", Leerplaats.SCHOOL))


MARKER = "⟦privé⟧"


@FEWER
@given(traject=strategies.trajecten())
def test_summary_of_any_traject_holds_no_personal_data(traject: Traject) -> None:
    lerende = attrs.evolve(
        traject.lerende,
        persoonsgegevens=Persoonsgegevens(
            MARKER + "naam",
            geboortedatum=pendulum.Date(1234, 5, 6),
            contact=Contact(MARKER + "mail", MARKER + "tel"),
            adres=MARKER + "adres",
        ),
        screening=Screening(advies=MARKER + "advies", sterktes=(MARKER,)),
        ondersteuning=Ondersteuning((MARKER,), (MARKER,)),
    )
    for lang in ("nl", "en"):
        text = summarise(attrs.evolve(traject, lerende=lerende), lang=lang)
        assert MARKER not in text
        assert "1234-05-06" not in text
        assert traject.lerende.id in text


def test_summary_of_a_rotation_and_its_changes() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    noor = duaal_leren.load_traject(root / "examples" / "traject-noor.yaml")
    lines = summarise(noor).splitlines()
    assert "  Rotatie (2):" in lines
    assert "    week A: 22.8 u/week op de werkplek, 15.2 u/week op school" in lines
    assert "    week B: 30.4 u/week op de werkplek, 7.6 u/week op school" in lines
    assert "  Roosterwijzigingen: 3" in lines
    assert not [line for line in lines if line.startswith("  Weekpatroon")]
    english = summarise(noor, lang="en").splitlines()
    assert "  Schedule changes: 3" in english
