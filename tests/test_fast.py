"""The fast path from data to the models builds exactly what the detailed converter builds.

`duaal_leren.load` first tries a structuring function generated from the attrs classes and
falls back to the detailed converter, which reports every problem with its path, when the
fast path has any doubt. These properties hold the two together: on valid documents the fast
path is taken and builds equal objects; on broken ones it never accepts what the detailed
converter refuses.
"""

from __future__ import annotations

import copy
import enum
import gc
import json
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import duaal_leren
from duaal_leren import strategies
from duaal_leren._convert import converter, problems_of
from duaal_leren._fast import Slow, _Builder
from duaal_leren._fast import plain as fast_plain
from duaal_leren._fast import structure as fast_structure
from duaal_leren._validators import non_empty
from duaal_leren.documents import _models
from duaal_leren.kalender import SchooleigenKalender

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

DOCUMENTS = st.one_of(
    strategies.trajecten(),
    strategies.standaardplannen(),
    strategies.gespreksverslagen(),
    strategies.leidraden(),
    strategies.uitbreidingen(),
    strategies.schooleigen_kalenders(),
)


def body_of(document: object) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(duaal_leren.dump(document, format="json"))
    del data["schema"]
    return data


def detailed(body: dict[str, Any], cls: type[Any]) -> object | Exception:
    try:
        result: object = converter().structure(body, cls)
    except Exception as exc:  # noqa: BLE001 - the test compares outcomes
        return exc
    return result


@given(document=DOCUMENTS)
def test_a_valid_document_takes_the_fast_path_and_builds_the_same_object(
    document: object,
) -> None:
    cls = type(document)
    body = body_of(document)
    fast = fast_structure(body, cls)  # a valid document never falls back
    assert fast == document
    assert fast == detailed(body, cls)
    assert type(fast) is cls


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_takes_the_fast_path(path: Path) -> None:
    document = duaal_leren.load(path)
    body = body_of(document)
    assert fast_structure(body, type(document)) == document


def walk(data: Any, steps: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield steps, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*steps, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(value, (*steps, index))


# Values at the edges of what the hooks and validators take: empty and blank text, dates that
# do not exist, booleans where numbers go, numbers where text goes, huge numbers.
EDGE_VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "\t",
            "2025-02-30",
            "2025-13-01",
            "1899-12-31",
            "1900-01-01",
            "2199-12-31",
            "2200-01-01",
            "9999-12-31",
            "0001-01-01",
            "x\ud800",
            "\udfff",
            "é\udc80",
            "2025-9-1",
            "20250901",
            "2025-W01-1",
            "school",
            "werkplek",
            "gehouden",
            "BK-0130-5",
            "co 03080",
            "0456.712.325",
            "0456.712.326",
            True,
            False,
            0,
            -1,
            1,
            24,
            25,
            61,
            1.5,
            -0.5,
            10**400,
            None,
            [],
            {},
            [""],
            ["2025-09-01"],
        ]
    ),
    st.text(max_size=6),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
)

SOURCES = (
    st.sampled_from([duaal_leren.load(p) for p in sorted(EXAMPLES.glob("*.yaml"))]) | DOCUMENTS
)


@given(document=SOURCES, data=st.data())
def test_the_fast_path_never_accepts_what_the_detailed_path_refuses(
    document: object, data: st.DataObject
) -> None:
    cls = type(document)
    body = copy.deepcopy(body_of(document))
    places = list(walk(body))
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        steps, target = data.draw(st.sampled_from(places), label="where")
        action = data.draw(st.sampled_from(["replace", "drop", "add"]), label="action")
        if action == "replace" and steps:
            parent: Any = body
            for step in steps[:-1]:
                parent = parent[step]
            parent[steps[-1]] = data.draw(EDGE_VALUES, label="value")
        elif action == "drop" and isinstance(target, dict) and target:
            del target[data.draw(st.sampled_from(sorted(target)), label="key")]
        elif action == "add" and isinstance(target, dict):
            target[data.draw(st.text(max_size=8), label="key")] = data.draw(EDGE_VALUES)
        places = list(walk(body))
    try:
        fast = fast_structure(body, cls)
    except Slow:
        return  # the detailed path decides; the other tests check what it says
    assert fast == detailed(body, cls)


def test_load_reports_the_problems_of_a_document_the_fast_path_refuses() -> None:
    text = (EXAMPLES / "traject-lotte.yaml").read_text(encoding="utf-8")
    broken = text.replace("vooropleiding: 2de graad elektriciteit", "vooropleiding: ''", 1)
    with pytest.raises(duaal_leren.DocumentError) as info:
        duaal_leren.loads(broken)
    [problem] = info.value.problems
    assert problem.path == "$.lerende.vooropleiding"
    assert problem.line == 6


# --- classes of users' own kinds, and the fast path's own state ------------------------------


class Kleur(str, enum.Enum):  # noqa: UP042 - the form many users write
    ROOD = "rood"


class Getal(enum.IntEnum):
    EEN = 1


@attrs.frozen
class MetMengsels:
    kleur: Kleur
    getal: Getal = Getal.EEN


@attrs.frozen
class SlechteStandaard:
    naam: str = attrs.field(default="", validator=non_empty)


@attrs.frozen(init=False)
class EigenInit:
    code: str

    def __init__(self, code: str) -> None:
        if code != code.upper():
            raise ValueError("hoofdletters")
        self.__attrs_init__(code)  # type: ignore[attr-defined]


@attrs.frozen(cache_hash=True)
class MetHash:
    code: str


@pytest.mark.parametrize(
    ("cls", "body"),
    [
        (MetMengsels, {"kleur": "rood"}),
        (MetMengsels, {"kleur": "rood", "getal": True}),
        (MetMengsels, {"kleur": "rood", "getal": 1.0}),
        (SlechteStandaard, {}),
        (SlechteStandaard, {"naam": "x"}),
        (EigenInit, {"code": "abc"}),
        (EigenInit, {"code": "ABC"}),
        (MetHash, {"code": "abc"}),
    ],
)
def test_classes_outside_the_library_get_what_the_detailed_path_gives(
    cls: type[Any], body: dict[str, Any]
) -> None:
    expected = detailed(body, cls)
    try:
        fast = fast_structure(body, cls)
    except Slow:
        return
    assert not isinstance(expected, Exception), (fast, expected)
    assert fast == expected
    assert type(fast) is type(expected)
    assert [type(getattr(fast, f.name)) for f in attrs.fields(cls)] == [
        type(getattr(expected, f.name)) for f in attrs.fields(cls)
    ]
    hash(fast)


class Tekst(str):
    pass


def test_a_date_is_text_of_exactly_the_type_str() -> None:
    body = {"school": "De Vonk", "schooljaar": "2025-2026", "klassenraden": ["2025-12-15"]}
    fast_structure(body, SchooleigenKalender)  # the day is now known
    with pytest.raises(Slow):
        fast_structure({**body, "klassenraden": [Tekst("2025-12-15")]}, SchooleigenKalender)


class Groot:
    pass


def test_falling_back_keeps_nothing_of_the_callers_state_alive() -> None:
    def caller() -> weakref.ref[Groot]:
        big = Groot()
        try:
            raise RuntimeError("some error of the caller")
        except RuntimeError:
            with pytest.raises(duaal_leren.DocumentError):
                duaal_leren.loads(
                    '{"schema": "duaal-leren/schoolkalender@1", "school": "x",'
                    ' "schooljaar": "2025-2026", "klassenraden": 5}'
                )
        return weakref.ref(big)

    ref = caller()
    gc.collect()
    assert ref() is None


# --- what neither path takes ------------------------------------------------------------------

KALENDER = {"school": "De Vonk", "schooljaar": "2025-2026"}


@pytest.mark.parametrize(
    "body",
    [
        {**KALENDER, "school": "De Vonk\ud800"},
        {**KALENDER, "school": "\udfff"},
        {**KALENDER, "klassenraden": ["2025-12-15"], "school": "é\udc80"},
    ],
)
def test_text_with_a_lone_surrogate_is_refused_by_both_paths(body: dict[str, Any]) -> None:
    # No writer can write such text out: the object would crash dump, save and the exports.
    with pytest.raises(Slow):
        fast_structure(body, SchooleigenKalender)
    error = detailed(body, SchooleigenKalender)
    assert isinstance(error, Exception)
    [problem] = problems_of(error)
    assert (problem.path, problem.code) == ("$.school", "ongeldig-teken")
    assert "U+D" in problem.message_en


@pytest.mark.parametrize("day", ["1899-12-31", "2200-01-01", "9999-12-31", "0001-01-01"])
def test_a_date_outside_the_model_is_refused_by_both_paths(day: str) -> None:
    body = {**KALENDER, "klassenraden": [day]}
    with pytest.raises(Slow):
        fast_structure(body, SchooleigenKalender)
    error = detailed(body, SchooleigenKalender)
    assert isinstance(error, Exception)
    [problem] = problems_of(error)
    assert (problem.path, problem.code) == ("$.klassenraden[0]", "ongeldige-datum")
    assert "1900-01-01" in problem.message
    assert "2199-12-31" in problem.message_en


@pytest.mark.parametrize("day", ["1900-01-01", "2199-12-31"])
def test_the_first_and_last_day_of_the_model_take_the_fast_path(day: str) -> None:
    built = fast_structure({**KALENDER, "klassenraden": [day]}, SchooleigenKalender)
    assert built.klassenraden[0].isoformat() == day


@pytest.mark.parametrize("school", ["\u200b", "\ufeff", " \u200b\u2060 ", "\u00ad"])
def test_invisible_text_is_empty_on_both_paths(school: str) -> None:
    body = {**KALENDER, "school": school}
    with pytest.raises(Slow):
        fast_structure(body, SchooleigenKalender)
    error = detailed(body, SchooleigenKalender)
    assert isinstance(error, Exception)
    [problem] = problems_of(error)
    assert problem.path == "$.school"
    assert problem.message_en.endswith("must not be empty")


@pytest.mark.parametrize("school", ["De Vonk\u200b", "Sint-Jozef\u00e9"])
def test_visible_text_with_invisible_characters_takes_the_fast_path(school: str) -> None:
    assert fast_structure({**KALENDER, "school": school}, SchooleigenKalender).school == school


def test_the_fast_loading_path_still_sets_fields_without_calling_init(
    traject: duaal_leren.Traject,
) -> None:
    # The conversions of the constructors (`typed_fields`) cost a file read nothing: the
    # fast path builds every model by setting its slots, as before it had them.
    # (A catalogue alone checks its themes as a whole, in __init__.)
    slow = {cls.__name__ for cls in _models() if not _Builder.direct(cls, attrs.fields(cls))}
    assert slow == {"Leidraad"}
    assert fast_structure(body_of(traject), duaal_leren.Traject) == traject


def _ordered(data: Any) -> Any:
    """Data with every mapping as its list of items: equal only with the keys in order."""
    if isinstance(data, dict):
        return [(key, _ordered(value)) for key, value in data.items()]
    if isinstance(data, list):
        return [_ordered(item) for item in data]
    return data


@given(document=DOCUMENTS)
def test_the_fast_plain_data_is_the_converters_keys_in_order(document: object) -> None:
    # `to_dict`, `dump` and `save` write what the generated functions give: the converter's
    # data, key order and all, for every document and every part of it.
    assert _ordered(fast_plain(document)) == _ordered(converter().unstructure(document))


@given(document=DOCUMENTS)
def test_dump_json_is_the_text_json_writes_byte_for_byte(document: object) -> None:
    expected = json.dumps(duaal_leren.to_dict(document), ensure_ascii=False, indent=2) + "\n"
    assert duaal_leren.dump(document, "json") == expected


@pytest.mark.parametrize("hours", [0.0, 0.5, 1e-5, 2.5e-7, 0.0001, 23.99999999])
def test_dump_json_writes_small_hours_as_json_does(hours: float) -> None:
    traject = duaal_leren.load(EXAMPLES / "traject-lotte.yaml")
    week = traject.weekpatroon
    assert week is not None
    day = attrs.evolve(week.dagen[0], uren=hours)
    changed = attrs.evolve(traject, weekpatroon=attrs.evolve(week, dagen=(day,)))
    expected = json.dumps(duaal_leren.to_dict(changed), ensure_ascii=False, indent=2) + "\n"
    assert duaal_leren.dump(changed, "json") == expected
    assert duaal_leren.loads(duaal_leren.dump(changed, "json")) == changed


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\t",
        "\n\n",
        "\x1c",
        "\x7f",
        " a",
        "\ta",
        "a ",
        "!",
        "~",
        "é",
        "\u00a0",
        " \u00a0",
        "\u200b",
        "\ufeff",
        "\u200bx",
        "\u3000",
        "\u3000x",
        "\ud800",
        "a\ud800",
        "\U0010ffff",
        " \U0010ffff",
        " \U0010ffffx",
    ],
)
def test_text_is_taken_by_the_fast_path_exactly_when_the_detailed_path_takes_it(
    text: str,
) -> None:
    # The fast path decides most text in one comparison: text that starts with a visible
    # ASCII character. Every other text, it decides as the validators do.
    body = {"code": text, "omschrijving": "Iets", "leerplaats": "school"}
    expected = detailed(body, duaal_leren.Competentie)
    try:
        result: object = fast_structure(body, duaal_leren.Competentie)
    except Slow:
        assert isinstance(expected, Exception)
    else:
        assert result == expected
