"""The shipped catalogues against their sources, their ids, user catalogues and extensions."""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
import weakref
from pathlib import Path

import attrs
import pytest

import duaal_leren
from duaal_leren.leidraad import (
    Aanvulling,
    Item,
    Itemsoort,
    Leidraad,
    OnbekendeLeidraad,
    OngeldigeLeidraad,
    Sectie,
    Thema,
    Uitbreiding,
    extend,
    json_data,
    leidraad,
    leidraad_ids,
    leidraden,
    load_leidraad,
    loads_leidraad,
)

DATA = Path(__file__).parent / "data"
OPSTART_SOURCE = DATA / "leidraad-opstartgesprek-2023-06.txt"
VOORTGANG_SOURCE = DATA / "leervooruitgang-themafiche.txt"


def _flat(text: str) -> str:
    return " ".join(text.split())


# --- the start-up guide against its source -------------------------------------------------


def _source_paragraphs(text: str) -> list[str]:
    """The paragraphs of the extracted guide, with the extraction's breaks repaired.

    A line that starts with a space begins a new paragraph (the headings that ran into the
    question above them start that way), and a paragraph that starts in lower case after
    one that does not end a sentence continues it (the two questions cut in two).
    """
    paragraphs: list[list[str]] = []
    for block in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in block.split("\n"):
            if line.startswith(" ") and current:
                paragraphs.append(current)
                current = []
            if line.strip():
                current.append(line.strip())
        if current:
            paragraphs.append(current)
    joined: list[str] = []
    for paragraph in (" ".join(lines) for lines in paragraphs):
        if joined and paragraph[0].islower() and not joined[-1].endswith(("?", ")", ".", ":")):
            joined[-1] += " " + paragraph
        else:
            joined.append(paragraph)
    return joined


def _source_sections(text: str) -> list[tuple[str, list[str]]]:
    """(heading, questions) in source order, for every heading followed by questions."""
    sections: list[tuple[str, list[str]]] = []
    heading = None
    for paragraph in _source_paragraphs(text):
        if "?" not in paragraph:
            heading = paragraph
            continue
        if not sections or sections[-1][0] != heading:
            assert heading is not None
            sections.append((heading, []))
        sections[-1][1].append(paragraph)
    return sections


@pytest.fixture(scope="module")
def opstart() -> Leidraad:
    return leidraad("opstartgesprek")


@pytest.fixture(scope="module")
def voortgang() -> Leidraad:
    return leidraad("leervooruitgang")


def test_the_source_has_45_questions_in_nine_sections() -> None:
    sections = _source_sections(OPSTART_SOURCE.read_text(encoding="utf-8"))
    assert [len(questions) for _, questions in sections] == [4, 5, 4, 6, 2, 2, 7, 3, 12]
    assert sum(len(questions) for _, questions in sections) == 45


def test_every_start_up_question_is_word_for_word_the_source(opstart: Leidraad) -> None:
    source = _source_sections(OPSTART_SOURCE.read_text(encoding="utf-8"))
    catalogue = [
        (sectie.titel, [item.tekst for item in sectie.items])
        for thema in opstart.themas
        for sectie in thema.secties
    ]
    assert catalogue == source


def test_every_start_up_question_occurs_verbatim_in_the_source(opstart: Leidraad) -> None:
    # Independent of the paragraph repairs above: only white space may differ.
    source = _flat(OPSTART_SOURCE.read_text(encoding="utf-8"))
    missing = [item.id for item in opstart.alle_items if item.tekst not in source]
    assert missing == []


def test_the_start_up_guide_has_three_themes_and_45_questions(opstart: Leidraad) -> None:
    assert [thema.id for thema in opstart.themas] == [
        "samenwerking",
        "lerende",
        "feedback-en-evaluatie",
    ]
    assert [len(thema.alle_items) for thema in opstart.themas] == [13, 10, 22]
    assert len(opstart.alle_items) == 45
    assert {item.soort for item in opstart.alle_items} == {Itemsoort.VRAAG}


def test_only_the_lost_titles_are_marked_inferred(opstart: Leidraad) -> None:
    paragraphs = set(_source_paragraphs(OPSTART_SOURCE.read_text(encoding="utf-8")))
    titled = [(thema.titel, thema.titel_afgeleid) for thema in opstart.themas]
    titled += [(s.titel, s.titel_afgeleid) for t in opstart.themas for s in t.secties]
    inferred = [title for title, afgeleid in titled if afgeleid]
    assert inferred == ["Samenwerking school en bedrijf", "De lerende"]
    assert "Samenwerking school en bedrijf" not in paragraphs
    assert all(title in paragraphs for title, afgeleid in titled if not afgeleid)
    # The learner section's title is the theme's own heading, the only one in the source.
    assert opstart.thema("lerende").secties[0].titel == opstart.thema("lerende").titel


def test_the_introduction_is_the_guides(opstart: Leidraad) -> None:
    assert opstart.inleiding is not None
    source = _flat(OPSTART_SOURCE.read_text(encoding="utf-8"))
    for paragraph in opstart.inleiding.split("\n\n"):
        assert _flat(paragraph) in source
    assert opstart.bron is not None
    assert opstart.bron.datum == "2023-06"


def test_the_repaired_questions_are_one_item_each(opstart: Leidraad) -> None:
    assert opstart.item("verdeling-competenties").tekst == (
        "Is het duidelijk uit het individueel opleidingsplan welke competenties moeten "
        "worden aangeleerd op school en welke op het bedrijf?"
    )
    assert opstart.item("feedback-attitude").tekst == (
        "Hoe verwacht de school dat men feedback geeft aan de lerende op vlak van attitude?"
    )
    # Questions the extraction ran into a heading end where the question ends.
    assert opstart.item("afwezigheid-melden").tekst.endswith("indien de lerende afwezig is?")
    assert opstart.item("gebruik-feedback").tekst.endswith("gegeven wordt in het bedrijf?")


# --- the progress guide against its source ------------------------------------------------


def test_the_progress_guide_has_three_themes_and_eight_goals(voortgang: Leidraad) -> None:
    source = VOORTGANG_SOURCE.read_text(encoding="utf-8")
    bullets = [
        line.strip()[1:].strip() for line in source.splitlines() if line.strip().startswith("•")
    ]
    goals = re.findall(r"^\s*(\d+)\. (.+?)\s*$", source, flags=re.MULTILINE)
    onderwerpen = [i for i in voortgang.alle_items if i.soort is Itemsoort.ONDERWERP]
    overlegdoelen = [i for i in voortgang.alle_items if i.soort is Itemsoort.OVERLEGDOEL]
    assert [i.tekst for i in onderwerpen] == bullets
    assert len(onderwerpen) == 3
    assert [int(n) for n, _ in goals] == list(range(1, 9))
    assert [i.tekst for i in overlegdoelen] == [text for _, text in goals]
    assert len(voortgang.alle_items) == 11


def test_the_progress_guide_keeps_its_wording(voortgang: Leidraad) -> None:
    source = _flat(VOORTGANG_SOURCE.read_text(encoding="utf-8"))
    assert voortgang.titel in source
    assert voortgang.inleiding is not None
    for paragraph in voortgang.inleiding.split("\n\n"):
        assert _flat(paragraph) in source
    assert "Hoed" not in voortgang.inleiding
    thematieken = voortgang.thema("thematieken")
    assert thematieken.titel_afgeleid
    assert thematieken.toelichting is not None
    assert thematieken.toelichting in source
    # The heading keeps its colon, word for word as in the source.
    assert voortgang.thema("overlegdoelen").titel == "Eventuele overlegdoelen om voorop te stellen:"
    lines = [line.strip() for line in VOORTGANG_SOURCE.read_text(encoding="utf-8").splitlines()]
    assert voortgang.thema("overlegdoelen").titel in lines


# --- ids ------------------------------------------------------------------------------

OPSTART_IDS = [
    "contactpersoon-wie",
    "contactpersoon-bereikbaarheid",
    "trajectbegeleider-en-vakleerkracht",
    "andere-contactpersonen-school",
    "aanpak-duaal-leren",
    "visie-samenwerking",
    "verwachtingen-mentor",
    "verwachtingen-andere-medewerkers",
    "veiligheidsafspraken",
    "aanwezigheidsdagen",
    "schoolkalender",
    "deelname-activiteiten",
    "afwezigheid-melden",
    "wie-is-de-lerende",
    "contactgegevens-lerende",
    "vooropleiding",
    "motivatie-opleiding",
    "motivatie-duaal-leren",
    "screening-arbeidsrijpheid",
    "match-bedrijf",
    "bereikbaarheid-werkplek",
    "aandachtspunten-leertraject",
    "ondersteuning-door-school",
    "opleidingsplan-in-overleg",
    "startcompetenties",
    "verdeling-competenties",
    "volgorde-en-termijn",
    "meer-dan-opleidingsplan",
    "opleidingen-bedrijf-sector",
    "tips-en-oefeningen",
    "feedback-technisch",
    "feedback-attitude",
    "gebruik-feedback",
    "opvolging-wie",
    "opvolging-frequentie-duur",
    "opvolging-aanwezigen",
    "opvolging-onderwerpen",
    "opvolging-voorbereiding",
    "opvolging-vooruitgang",
    "mentor-informeert-school",
    "gebruik-informatie-bedrijf",
    "school-informeert-mentor",
    "lerende-houdt-vooruitgang-bij",
    "beslissing-geslaagd",
    "klassenraad",
]

VOORTGANG_IDS = [
    "leervooruitgang-school-en-werkplek",
    "leerfocus-volgende-periode",
    "leerplan",
    "groei-en-niveau",
    "vaardigheden-versterken",
    "aanleren-les-en-werkplek",
    "einddoelen-traject",
    "leerstof-school-volgende-periode",
    "aansluiting-leerplan",
    "focus-volgende-periode",
    "extra-leerkansen",
]


def test_item_ids_are_kept(opstart: Leidraad, voortgang: Leidraad) -> None:
    # Records in the field point at these ids: changing one orphans their answers.
    assert [item.id for item in opstart.alle_items] == OPSTART_IDS
    assert [item.id for item in voortgang.alle_items] == VOORTGANG_IDS


@pytest.mark.parametrize("catalogue_id", ["opstartgesprek", "leervooruitgang"])
def test_ids_are_unique_across_themes_sections_and_items(catalogue_id: str) -> None:
    catalogue = leidraad(catalogue_id)
    ids = [t.id for t in catalogue.themas]
    ids += [s.id for t in catalogue.themas for s in t.secties]
    ids += [i.id for i in catalogue.alle_items]
    assert len(ids) == len(set(ids)) == len(catalogue.ids)


def test_ids_do_not_depend_on_the_order(opstart: Leidraad) -> None:
    reordered = attrs.evolve(
        opstart,
        themas=tuple(
            attrs.evolve(
                thema,
                secties=tuple(
                    attrs.evolve(sectie, items=sectie.items[::-1]) for sectie in thema.secties[::-1]
                ),
            )
            for thema in opstart.themas[::-1]
        ),
    )
    assert [i.id for i in reordered.alle_items] != OPSTART_IDS
    for item in opstart.alle_items:
        assert reordered.item(item.id) == item


def test_derived_values_are_computed_once_per_catalogue(opstart: Leidraad) -> None:
    # A catalogue is asked for its items and by id again and again while a record is
    # measured or printed: the same tuples and items come back, not new ones.
    assert opstart.alle_items is opstart.alle_items
    assert opstart.item("klassenraad") is opstart.item("klassenraad")
    voortgang = leidraad("leervooruitgang")
    thema = voortgang.thema("overlegdoelen")
    assert thema.indeling is thema.indeling
    assert thema.alle_items is thema.alle_items
    # A changed copy has values of its own.
    shorter = attrs.evolve(opstart, themas=opstart.themas[:1])
    assert len(shorter.alle_items) == 13
    assert shorter.item("contactpersoon-wie") is opstart.item("contactpersoon-wie")
    with pytest.raises(KeyError):
        shorter.item("klassenraad")


def test_derived_values_do_not_keep_a_catalogue_alive(opstart: Leidraad) -> None:
    from duaal_leren.leidraad import model

    before = len(model._DERIVED)
    copy = attrs.evolve(opstart, versie="2")
    assert copy.item("klassenraad") == opstart.item("klassenraad")
    ref = weakref.ref(copy)
    del copy
    gc.collect()
    assert ref() is None
    assert len(model._DERIVED) == before


def test_lookups_fail_with_key_error(opstart: Leidraad) -> None:
    with pytest.raises(KeyError):
        opstart.item("bestaat-niet")
    with pytest.raises(KeyError):
        opstart.thema("contactpersoon")  # a section, not a theme


# --- shipped catalogues -----------------------------------------------------------------


def test_leidraden_lists_the_shipped_catalogues() -> None:
    assert leidraad_ids() == ("leervooruitgang", "opstartgesprek")
    assert [c.id for c in leidraden()] == ["leervooruitgang", "opstartgesprek"]
    shipped = Path(duaal_leren.leidraad.__file__).parent / "data"
    assert sorted(p.stem for p in shipped.glob("*.yaml")) == list(leidraad_ids())


def test_a_shipped_catalogue_is_read_once() -> None:
    assert leidraad("opstartgesprek") is leidraad("opstartgesprek")


def test_an_unknown_catalogue_is_named_in_the_error() -> None:
    with pytest.raises(OnbekendeLeidraad) as caught:
        leidraad("bouw")
    error = caught.value
    assert error.id == "bouw"
    assert (
        str(error)
        == error.text("nl")
        == error.message
        == ("geen meegeleverde leidraad 'bouw'; gekend zijn: leervooruitgang, opstartgesprek")
    )
    assert (
        error.text("en")
        == error.message_en
        == ("no shipped catalogue 'bouw'; known are: leervooruitgang, opstartgesprek")
    )
    assert isinstance(error, duaal_leren.DuaalLerenError)
    assert isinstance(error, LookupError)


def test_importing_the_library_reads_no_catalogue() -> None:
    code = "import duaal_leren, duaal_leren.leidraad._meegeleverd as c;print(len(c._read))"
    result = subprocess.run(  # noqa: S603 - this Python, with fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0"


@pytest.mark.parametrize("catalogue_id", ["opstartgesprek", "leervooruitgang"])
def test_shipped_catalogues_round_trip(catalogue_id: str) -> None:
    catalogue = leidraad(catalogue_id)
    for fmt in ("yaml", "json"):
        assert duaal_leren.loads(duaal_leren.dump(catalogue, fmt)) == catalogue


@pytest.mark.parametrize("catalogue_id", ["opstartgesprek", "leervooruitgang"])
def test_the_json_form_has_the_fixed_shape(catalogue_id: str) -> None:
    catalogue = leidraad(catalogue_id)
    data = json.loads(json.dumps(json_data(catalogue)))
    assert list(data) == ["id", "titel", "bron", "themas"]
    assert data["id"] == catalogue_id
    for thema in data["themas"]:
        assert list(thema) == ["id", "titel", "secties"]
        for sectie in thema["secties"]:
            assert list(sectie) == ["id", "titel", "vragen"]
            for vraag in sectie["vragen"]:
                assert list(vraag) == ["id", "tekst"]
    texts = [v["tekst"] for t in data["themas"] for s in t["secties"] for v in s["vragen"]]
    assert texts == [item.tekst for item in catalogue.alle_items]


def test_a_theme_without_sections_is_one_section_in_the_json_form(voortgang: Leidraad) -> None:
    data = json_data(voortgang)
    assert [(t["id"], [s["id"] for s in t["secties"]]) for t in data["themas"]] == [
        ("thematieken", ["thematieken"]),
        ("overlegdoelen", ["overlegdoelen"]),
    ]
    assert data["themas"][1]["secties"][0]["titel"] == voortgang.thema("overlegdoelen").titel
    assert data["bron"]["titel"] == voortgang.bron.titel
    assert "Samen werken aan duaal" in data["bron"]["opmerking"]


# --- user catalogues ----------------------------------------------------------------------

SECTOR_CATALOGUE = """\
schema: duaal-leren/leidraad@1
id: opstart-zorg
titel: Opstartgesprek zorg
versie: '2025.1'
bron:
  titel: Werkgroep zorg
  datum: '2025'
themas:
- id: zorg
  titel: Zorg
  secties:
  - id: hygiene
    titel: Hygiëne
    items:
    - id: zorg.handhygiene
      tekst: Welke afspraken gelden rond handhygiëne?
      toelichting: Denk aan de richtlijnen van de voorziening.
  - id: privacy
    titel: Privacy
    items:
    - id: zorg.beroepsgeheim
      tekst: Hoe gaat de lerende om met het beroepsgeheim?
- id: doelen
  titel: Doelen
  items:
  - id: zorg.leerdoel
    tekst: Welke leerdoelen stellen we voorop?
    soort: overlegdoel
"""


def test_a_user_catalogue_loads_from_yaml_and_json(tmp_path: Path) -> None:
    path = tmp_path / "zorg.yaml"
    path.write_text(SECTOR_CATALOGUE, encoding="utf-8")
    catalogue = load_leidraad(path)
    assert duaal_leren.load(path) == catalogue
    assert [item.id for item in catalogue.alle_items] == [
        "zorg.handhygiene",
        "zorg.beroepsgeheim",
        "zorg.leerdoel",
    ]
    assert catalogue.item("zorg.leerdoel").soort is Itemsoort.OVERLEGDOEL
    json_path = tmp_path / "zorg.json"
    json_path.write_text(duaal_leren.dump(catalogue, "json"), encoding="utf-8")
    assert load_leidraad(json_path) == catalogue


def _problems(source: str | Path) -> list[tuple[str, str, int | None]]:
    read = load_leidraad if isinstance(source, Path) else loads_leidraad
    with pytest.raises(duaal_leren.DocumentError) as caught:
        read(source)
    return [(p.path, p.code, p.line) for p in caught.value.problems]


def test_duplicate_ids_name_both_places(tmp_path: Path) -> None:
    path = tmp_path / "dubbel.yaml"
    path.write_text(
        SECTOR_CATALOGUE.replace("id: zorg.beroepsgeheim", "id: zorg.handhygiene").replace(
            "- id: doelen", "- id: hygiene"
        ),
        encoding="utf-8",
    )
    with pytest.raises(duaal_leren.DocumentError) as caught:
        load_leidraad(path)
    error = caught.value
    assert error.source == str(path)
    assert [(p.path, p.code, p.line) for p in error.problems] == [
        ("$.themas[0].secties[1].items[0].id", "dubbele-id", 21),
        ("$.themas[1].id", "dubbele-id", 23),
    ]
    assert "$.themas[0].secties[0].items[0].id" in error.problems[0].message
    assert "already occurs at $.themas[0].secties[0].id" in error.problems[1].message_en
    assert str(path) in error.text()


def test_empty_and_missing_questions_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "leeg.yaml"
    text = SECTOR_CATALOGUE.replace(
        "tekst: Welke afspraken gelden rond handhygiëne?", "tekst: '   '"
    ).replace("    tekst: Welke leerdoelen stellen we voorop?\n", "")
    path.write_text(text, encoding="utf-8")
    assert _problems(path) == [
        ("$.themas[0].secties[0].items[0].tekst", "ongeldige-waarde", 16),
        ("$.themas[1].items[0].tekst", "ontbrekend-veld", 26),
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("  titel: Doelen\n", "  titel: Doelen\n  secties:\n  - id: extra\n    titel: Extra\n"),
            [
                ("$.themas[1].secties[0].items", "lege-sectie", 26),
                ("$.themas[1].items", "secties-en-items", 29),
            ],
        ),
        (
            (
                "  - id: privacy\n    titel: Privacy\n    items:\n",
                "  - id: privacy\n    titel: Privacy\n    iets:\n",
            ),
            [("$.themas[0].secties[1].iets", "onbekend-veld", 21)],
        ),
        (("id: opstart-zorg", "id: Opstart Zorg"), [("$.id", "ongeldige-waarde", 2)]),
        (("versie: '2025.1'", "versie: 2025.1"), [("$.versie", "verkeerd-type", 4)]),
    ],
)
def test_catalogue_problems_have_path_code_and_line(
    tmp_path: Path, change: tuple[str, str], expected: list[tuple[str, str, int]]
) -> None:
    path = tmp_path / "fout.yaml"
    assert change[0] in SECTOR_CATALOGUE
    path.write_text(SECTOR_CATALOGUE.replace(*change), encoding="utf-8")
    assert _problems(path) == expected


def test_field_problems_and_repeated_ids_come_together() -> None:
    text = SECTOR_CATALOGUE.replace("id: opstart-zorg", "id: Opstart Zorg").replace(
        "id: zorg.beroepsgeheim", "id: zorg.handhygiene"
    )
    assert _problems(text) == [
        ("$.id", "ongeldige-waarde", 2),
        ("$.themas[0].secties[1].items[0].id", "dubbele-id", 21),
    ]


def test_a_catalogue_needs_themes_and_items() -> None:
    header = "schema: duaal-leren/leidraad@1\nid: x\ntitel: X\nversie: '1'\n"
    assert _problems(header) == [("$.themas", "ontbrekend-veld", 1)]
    assert _problems(header + "themas: []\n") == [("$.themas", "geen-themas", 5)]
    assert _problems(header + "themas:\n- id: a\n  titel: A\n") == [
        ("$.themas[0].secties", "leeg-thema", 6)
    ]


def test_building_a_bad_catalogue_in_python_fails() -> None:
    dubbel = Thema("a", "A", items=(Item("x", "Een?"), Item("x", "Twee?")))
    with pytest.raises(duaal_leren.FieldError) as caught:
        Leidraad("l", "L", "1", themas=(dubbel, Thema("b", "B")))
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.field == "themas"
    # Dutch by default, English on request; every problem after its own path.
    assert (
        str(error)
        == error.text("nl")
        == (
            "$.themas[1].secties: het thema heeft geen secties en geen items; "
            "$.themas[0].items[1].id: de id 'x' komt al voor op $.themas[0].items[0].id; "
            "elke id is uniek in de leidraad"
        )
    )
    assert error.text("en") == (
        "$.themas[1].secties: the theme has no sections and no items; "
        "$.themas[0].items[1].id: the id 'x' already occurs at $.themas[0].items[0].id; "
        "every id is unique in the catalogue"
    )
    with pytest.raises(ValueError, match="mag niet leeg zijn"):
        Item("x", " ")


def test_the_problems_of_a_catalogue_are_data() -> None:
    dubbel = Thema("a", "A", items=(Item("x", "Een?"), Item("x", "Twee?")))
    with pytest.raises(OngeldigeLeidraad) as caught:
        Leidraad("l", "L", "1", themas=(dubbel, Thema("b", "B")))
    problems = caught.value.problems
    assert [(p.path, p.code) for p in problems] == [
        ((1, "secties"), "leeg-thema"),
        ((0, "items", 1, "id"), "dubbele-id"),
    ]
    assert [p.json_path for p in problems] == ["$.themas[1].secties", "$.themas[0].items[1].id"]
    assert problems[1].message_en == (
        "the id 'x' already occurs at $.themas[0].items[0].id; every id is unique in the catalogue"
    )


def test_the_model_of_a_catalogue_does_not_import_its_serializer() -> None:
    # A model that builds its serializer's exceptions depends on it: the catalogue's own
    # check raises a plain error, which reading a file turns into problems with paths.
    code = (
        "import sys, duaal_leren.leidraad.model;"
        "print(sorted(m for m in sys.modules if m.startswith(('cattrs', 'duaal_leren._convert'))))"
    )
    result = subprocess.run(  # noqa: S603 - this Python, with fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- extensions ----------------------------------------------------------------------------

BOUW_EXTENSION = """\
schema: duaal-leren/leidraad-uitbreiding@1
id: opstartgesprek-bouw
titel: Leidraad opstartgesprek, bouw
versie: '1'
basis: opstartgesprek
basisversie: '1'
inleiding: Aangevuld door de sector bouw.
aanvullingen:
- bij: verwachtingen-samenwerking
  items:
  - id: bouw.vca
    tekst: Moet de lerende een VCA-attest halen?
- bij: lerende
  secties:
  - id: bouw.werven
    titel: Werven
    items:
    - id: bouw.werfvervoer
      tekst: Hoe geraakt de lerende op de werf?
themas:
- id: bouw.materieel
  titel: Materieel
  items:
  - id: bouw.machines
    tekst: Met welke machines mag de lerende werken?
"""


def test_an_extension_adds_without_copying(tmp_path: Path, opstart: Leidraad) -> None:
    path = tmp_path / "bouw.yaml"
    path.write_text(BOUW_EXTENSION, encoding="utf-8")
    bouw = load_leidraad(path)
    assert (bouw.id, bouw.titel, bouw.versie) == (
        "opstartgesprek-bouw",
        "Leidraad opstartgesprek, bouw",
        "1",
    )
    assert bouw.basis == opstart.referentie
    assert bouw.bron == opstart.bron
    assert bouw.inleiding is not None
    assert bouw.inleiding.endswith("Aangevuld door de sector bouw.")
    ids = [item.id for item in bouw.alle_items]
    assert len(ids) == 48
    # The base's items keep their ids and order; additions come after their neighbours.
    assert [i for i in ids if not i.startswith("bouw.")] == OPSTART_IDS
    verwachtingen = bouw.thema("samenwerking").secties[1]
    assert verwachtingen.items[-1].id == "bouw.vca"
    assert [s.id for s in bouw.thema("lerende").secties][-1] == "bouw.werven"
    assert bouw.themas[-1].id == "bouw.materieel"
    assert isinstance(duaal_leren.load(path), Uitbreiding)


def test_an_extension_file_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from duaal_leren.leidraad import _catalogus

    path = tmp_path / "bouw.yaml"
    path.write_text(BOUW_EXTENSION, encoding="utf-8")
    reads: list[str] = []
    real_open = open

    def counting_open(file: str, *args: str, **kwargs: str) -> object:
        reads.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(_catalogus, "open", counting_open, raising=False)
    assert len(load_leidraad(path).alle_items) == 48
    assert reads == []
    # Only an extension with problems is read again, for the lines of its problems.
    broken = tmp_path / "fout.yaml"
    broken.write_text(BOUW_EXTENSION.replace("id: bouw.vca", "id: klassenraad"), encoding="utf-8")
    with pytest.raises(duaal_leren.DocumentError) as caught:
        load_leidraad(broken)
    assert reads == [str(broken)]
    assert all(p.line is not None for p in caught.value.problems)


def test_an_extension_adds_items_to_a_theme_without_sections(voortgang: Leidraad) -> None:
    extra = Uitbreiding(
        id="leervooruitgang-school",
        titel="Leervooruitgang, met een eigen doel",
        versie="1",
        basis="leervooruitgang",
        aanvullingen=(
            Aanvulling(
                bij="overlegdoelen",
                items=(Item("school.portfolio", "Bespreek het portfolio", Itemsoort.OVERLEGDOEL),),
            ),
        ),
    )
    extended = extend(voortgang, extra)
    assert extended.thema("overlegdoelen").items[-1].id == "school.portfolio"
    assert len(extended.alle_items) == 12


def _extension_problems(text: str, **kwargs: Leidraad) -> list[tuple[str, str, int | None]]:
    with pytest.raises(duaal_leren.DocumentError) as caught:
        loads_leidraad(text, **kwargs)
    return [(p.path, p.code, p.line) for p in caught.value.problems]


def test_extension_problems_point_into_the_extension() -> None:
    text = (
        BOUW_EXTENSION.replace("bij: verwachtingen-samenwerking", "bij: bestaat-niet")
        .replace("id: bouw.werfvervoer", "id: klassenraad")
        .replace("basisversie: '1'", "basisversie: '0'")
        .replace("id: bouw.machines", "id: bouw.vca")
    )
    assert _extension_problems(text) == [
        ("$.basisversie", "andere-basisversie", 6),
        ("$.aanvullingen[0].bij", "onbekend-doel", 9),
        ("$.aanvullingen[1].secties[0].items[0].id", "dubbele-id", 18),
        ("$.themas[0].items[0].id", "dubbele-id", 24),
    ]
    with pytest.raises(duaal_leren.DocumentError) as caught:
        loads_leidraad(text)
    clash = caught.value.problems[2]
    assert clash.message_en == (
        "the id 'klassenraad' already occurs at $.themas[2].secties[2].items[11].id of "
        "'opstartgesprek'; every id is unique in the catalogue"
    )
    assert "$.aanvullingen[0].items[0].id" in caught.value.problems[3].message


def test_extension_targets_must_fit() -> None:
    text = (
        "schema: duaal-leren/leidraad-uitbreiding@1\nid: x\ntitel: X\nversie: '1'\n"
        "basis: opstartgesprek\naanvullingen:\n"
        "- bij: lerende\n  items:\n  - id: x.a\n    tekst: A?\n"
        "- bij: match\n  secties:\n  - id: x.s\n    titel: S\n    items:\n"
        "    - id: x.b\n      tekst: B?\n"
        "- bij: contactpersoon\n"
    )
    problems = _extension_problems(text)
    assert [(path, code) for path, code, _ in problems] == [
        ("$.aanvullingen[0].items", "items-bij-secties"),
        ("$.aanvullingen[1].secties", "secties-in-sectie"),
        ("$.aanvullingen[2]", "lege-aanvulling"),
    ]
    assert all(line is not None for _, _, line in problems)


def test_an_extension_of_a_catalogue_that_is_not_shipped(tmp_path: Path) -> None:
    zorg_path = tmp_path / "zorg.yaml"
    zorg_path.write_text(SECTOR_CATALOGUE, encoding="utf-8")
    zorg = load_leidraad(zorg_path)
    text = (
        "schema: duaal-leren/leidraad-uitbreiding@1\nid: zorg-plus\ntitel: Zorg plus\n"
        "versie: '1'\nbasis: opstart-zorg\naanvullingen:\n"
        "- bij: privacy\n  items:\n  - id: plus.foto\n    tekst: Mag de lerende foto's nemen?\n"
    )
    with pytest.raises(OnbekendeLeidraad):
        loads_leidraad(text)
    plus = loads_leidraad(text, basis=zorg)
    assert plus.item("plus.foto").tekst == "Mag de lerende foto's nemen?"
    assert _extension_problems(text, basis=leidraad("opstartgesprek")) == [
        ("$.basis", "andere-basis", 5),
        ("$.aanvullingen[0].bij", "onbekend-doel", 7),
    ]


def test_load_leidraad_refuses_other_documents(traject_path: Path) -> None:
    with pytest.raises(duaal_leren.DocumentError) as caught:
        load_leidraad(traject_path)
    assert caught.value.problems[0].code == "verkeerde-soort"


def test_a_large_catalogue_with_repeated_ids_is_refused_in_time_that_grows_with_its_size() -> None:
    # Each problem used to be wrapped once per segment of its path, seven exceptions for an
    # item's id and three times over while loading: a catalogue of a few megabytes took
    # up to a minute to refuse. The problems are plain data now, one object each.
    import time

    count = 10_000
    items = [{"id": "dubbel", "tekst": "Een vraag?"} for _ in range(count)]
    sectie = {"id": "s", "titel": "S", "items": items}
    document = {
        "schema": "duaal-leren/leidraad@1",
        "id": "groot",
        "titel": "Groot",
        "versie": "1",
        "themas": [{"id": "t", "titel": "T", "secties": [sectie]}],
    }
    started = time.perf_counter()
    with pytest.raises(duaal_leren.DocumentError) as caught:
        duaal_leren.loads(json.dumps(document))
    assert time.perf_counter() - started < 60
    problems = caught.value.problems
    # The first thousand are described, the rest counted, as for any long list.
    assert len(problems) == 1001
    assert {p.code for p in problems} == {"dubbele-id", "te-veel-problemen"}
    assert "$.themas[0].secties[0].items[1000].id" in {p.path for p in problems}
    [rest] = [p for p in problems if p.code == "te-veel-problemen"]
    assert str(count - 1 - 1000) in rest.message

    thema = Thema("t", "T", secties=(Sectie("s", "S", items=(Item("dubbel", "?"),) * count),))
    with pytest.raises(OngeldigeLeidraad) as built:
        Leidraad("groot", "Groot", "1", themas=(thema,))
    # Every problem is data; the text names the first few and counts the rest.
    assert len(built.value.problems) == count - 1
    assert len(str(built.value)) < 2_000
    assert str(count - 1 - 10) in built.value.text("en")


def test_the_package_is_a_plain_package() -> None:
    # The package used to swap its own class to be callable; a shipped catalogue comes from
    # the function `leidraad` in it.
    import types

    package = duaal_leren.leidraad
    assert type(package) is types.ModuleType
    assert not callable(package)
    assert package.leidraad("opstartgesprek") is leidraad("opstartgesprek")


def _package_imports(path: Path) -> set[str]:
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_rendering_depends_on_the_models_and_not_the_other_way() -> None:
    # The models of catalogues and records are shown in a notebook without importing the
    # renderer, which imports them: no import, even inside a function, goes back up.
    source = Path(duaal_leren.__file__).parent
    for model in (source / "leidraad" / "model.py", source / "gespreksverslag.py"):
        imports = _package_imports(model)
        assert "duaal_leren.leidraad.render" not in imports, model
        assert "duaal_leren.leidraad._volledigheid" not in imports, model
        assert "duaal_leren.leidraad._meegeleverd" not in imports, model
        assert "duaal_leren._convert" not in imports, model
    assert {"duaal_leren.leidraad.model", "duaal_leren.gespreksverslag"} <= _package_imports(
        source / "leidraad" / "render.py"
    )
