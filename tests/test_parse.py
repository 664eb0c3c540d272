"""The strict YAML and JSON readers and the stable writers (duaal_leren._parse)."""

from __future__ import annotations

import json
import textwrap
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from duaal_leren import DocumentError, _parse, _yaml
from duaal_leren._parse import (
    child_path,
    dump_json,
    dump_yaml,
    json_lines,
    parse_json,
    parse_yaml,
    yaml_lines,
)


def yaml_problems(text: str) -> list[tuple[str, str, int | None]]:
    with pytest.raises(DocumentError) as info:
        parse_yaml(text, "<tekst>")
    return [(p.code, p.path, p.line) for p in info.value.problems]


def json_problems(text: str) -> list[tuple[str, str, int | None]]:
    with pytest.raises(DocumentError) as info:
        parse_json(text, "<tekst>")
    return [(p.code, p.path, p.line) for p in info.value.problems]


# --- scalars ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        # YAML 1.1 reads these as booleans, numbers or times; here they stay text.
        ("no", "no"),
        ("No", "No"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("0123", "0123"),
        ("08:30", "08:30"),
        ("1:20", "1:20"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("0b101", "0b101"),
        ("1_000", "1_000"),
        (".inf", ".inf"),
        ("-.inf", "-.inf"),
        (".nan", ".nan"),
        ("1e5", "1e5"),
        # Dates stay ISO text: the converter checks and reads them.
        ("2025-09-01", "2025-09-01"),
        ("2025-02-30", "2025-02-30"),
        ("2025-09-01 08:30:00", "2025-09-01 08:30:00"),
        # The YAML 1.2 core schema.
        ("~", None),
        ("null", None),
        ("Null", None),
        ("", None),
        ("true", True),
        ("True", True),
        ("false", False),
        ("FALSE", False),
        ("0", 0),
        ("12", 12),
        ("-3", -3),
        ("+3", 3),
        ("7.6", 7.6),
        ("-0.5", -0.5),
        ("1.0e+5", 100000.0),
        (".5", 0.5),
        # Quoting and explicit standard tags keep text as text.
        ("'no'", "no"),
        ('"0123"', "0123"),
        ("!!str 12", "12"),
        ("!!str true", "true"),
        ("tekst met spaties", "tekst met spaties"),
    ],
)
def test_scalars_follow_yaml_1_2(plain: str, expected: Any) -> None:
    data, _ = parse_yaml(f"a: {plain}\n", "<tekst>")
    assert data == {"a": expected}
    assert type(data["a"]) is type(expected)


def test_block_scalars_keep_their_text() -> None:
    text = "a: |\n  regel een\n  regel twee\nb: >-\n  een lange\n  zin\n"
    data, _ = parse_yaml(text, "<tekst>")
    assert data == {"a": "regel een\nregel twee\n", "b": "een lange zin"}


# --- refused constructs ---------------------------------------------------------------------


def test_duplicate_key_is_reported_with_path_and_line() -> None:
    text = "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n"
    assert yaml_problems(text) == [
        ("dubbele-sleutel", "$.b.c", 4),
        ("dubbele-sleutel", "$.a", 5),
    ]


def test_alias_is_refused_where_it_is_used() -> None:
    text = "a: &x [1, 2]\nb: *x\n"
    assert yaml_problems(text) == [("yaml-alias", "$.b", 2)]


def test_alias_as_key_is_refused() -> None:
    text = "a: &k naam\n*k : waarde\n"
    assert yaml_problems(text) == [("yaml-alias", "$", 2)]


def test_merge_key_is_refused() -> None:
    text = "basis: {a: 1}\nlijst:\n- <<: {a: 1}\n  b: 2\n"
    assert yaml_problems(text) == [("yaml-merge", "$.lijst[0]", 3)]


@pytest.mark.parametrize(
    "value",
    ["!!python/object:os.system ls", "!eigen x", "!!binary aGVsbG8=", "!!set {a}", "!!omap []"],
)
def test_custom_and_unsafe_tags_are_refused(value: str) -> None:
    [(code, path, line)] = yaml_problems(f"a: 1\nb: {value}\n")
    assert (code, path, line) == ("yaml-tag", "$.b", 2)


def test_a_complex_key_is_refused() -> None:
    text = "? [a, b]\n: waarde\nc: 1\n"
    assert yaml_problems(text) == [("yaml-sleutel", "$", 1)]


def test_every_refused_construct_of_a_text_is_reported_at_once() -> None:
    text = textwrap.dedent(
        """\
        a: &x 1
        b: *x
        c: !eigen 2
        a: 4
        """
    )
    assert yaml_problems(text) == [
        ("yaml-alias", "$.b", 2),
        ("yaml-tag", "$.c", 3),
        ("dubbele-sleutel", "$.a", 4),
    ]


def test_syntax_error_has_a_line() -> None:
    [(code, path, line)] = yaml_problems("a: 1\nb: [1, 2\nc: 3\n")
    assert (code, path) == ("yaml-syntax", "$")
    assert line is not None
    assert line >= 2


def test_control_character_is_a_syntax_error_on_its_line() -> None:
    assert yaml_problems("a: 1\nb: x\x07\n") == [("yaml-syntax", "$", 2)]


def test_more_than_one_document_is_refused() -> None:
    assert yaml_problems("a: 1\n---\nb: 2\n") == [("meerdere-documenten", "$", 2)]


@pytest.mark.parametrize("text", ["", "\n\n", "# alleen commentaar\n"])
def test_empty_yaml(text: str) -> None:
    assert yaml_problems(text) == [("leeg-document", "$", None)]


@pytest.mark.parametrize("text", ["", " \n\t"])
def test_empty_json(text: str) -> None:
    assert json_problems(text) == [("leeg-document", "$", None)]


def deep(form: str, depth: int) -> str:
    """A YAML text nested ``depth`` levels deep, written in one of several forms."""
    if form == "flow":
        return "[" * depth + "]" * depth
    if form == "flow-open":
        return "[" * depth
    if form == "flow-map":
        return "{a: " * depth
    if form == "flow-lines":
        return "[\n" * depth + "]\n" * depth
    if form == "block":
        return "- " * depth + "x"
    if form == "block-map":
        return "".join(" " * i + "a:\n" for i in range(depth))
    if form == "block-seq-map":
        return "".join("  " * i + "- a:\n" for i in range(depth // 2 + 1))
    if form == "bare-seq":  # sequences at the column of their key
        return "".join(" " * i + "a:\n" + " " * i + "- b:\n" for i in range(0, depth + 2, 2))
    if form == "block-then-flow":
        return "a:\n  b:\n    - " + "[" * depth + "]" * depth
    raise AssertionError(form)


FORMS = (
    "flow",
    "flow-open",
    "flow-map",
    "flow-lines",
    "block",
    "block-map",
    "block-seq-map",
    "bare-seq",
    "block-then-flow",
)


def refused_as_too_deep(text: str) -> int:
    """The line of the one ``te-diep`` problem of a text."""
    with pytest.raises(DocumentError) as info:
        parse_yaml(text, "diep.yaml")
    [problem] = info.value.problems
    assert info.value.source == "diep.yaml"
    assert (problem.code, problem.path) == ("te-diep", "$")
    assert problem.line is not None
    return problem.line


@pytest.mark.parametrize("depth", [101, 150, 999, 1000, 1001, 5000, 50_000])
@pytest.mark.parametrize("form", FORMS)
def test_very_deep_yaml_is_refused(form: str, depth: int) -> None:
    # libyaml composes nodes recursively in C: a deep document once crashed Python. libyaml
    # also stops deep texts itself, at a depth and in words of its own; the answer is the
    # same whichever of the two stops first.
    if form.startswith(("block-map", "block-seq", "bare")) and depth > 1001:
        return  # each level is a line longer than the last: the text would be huge
    refused_as_too_deep(deep(form, depth))


class StoppingLoader(_yaml._Loader):
    """A libyaml that gives up on every text at its first event, in words of its own.

    It stands for a libyaml whose limits or wording differ from those of the one installed.
    """

    stop_line: int | None = None  # counted from 0; None: the last line of the text

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.last_line = stream.count("\n") if self.stop_line is None else self.stop_line

    def get_event(self) -> yaml.Event:
        mark = yaml.Mark("<text>", 0, self.last_line, 0, None, 0)
        raise yaml.scanner.ScannerError("ergens", mark, "een fout in nieuwe woorden", mark)


@pytest.fixture
def stopping_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_yaml, "_Loader", StoppingLoader)


@pytest.mark.parametrize("form", FORMS)
def test_a_deep_text_is_too_deep_whatever_libyaml_stops_on(form: str) -> None:
    text = deep(form, 150)
    line = refused_as_too_deep(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_yaml, "_Loader", StoppingLoader)
        assert refused_as_too_deep(text) == line


@pytest.mark.usefixtures("stopping_libyaml")
@pytest.mark.parametrize(
    "text",
    [
        "a: [1, 2\nc: 3\n",
        deep("block-map", 90) + "  b\tc: [\n",
        deep("flow-open", 99),
        # Brackets in quotes, comments, block scalars and plain text open nothing.
        'a: "' + "[" * 300 + '"\n',
        "b: '" + "{" * 300 + "'\n",
        "# " + "[" * 300 + "\n",
        "c: |\n  " + "[" * 300 + "\n  - [ - [\n",
        "d: tekst " + "[" * 300 + "\n",
        "e: [a, '" + "[" * 300 + '\', "[[[", b # [[[[\n  ]\n' * 3,
        "f: 'over\n  " + "[" * 300 + " regels'\n",
    ],
)
def test_an_error_of_libyaml_in_a_shallow_text_stays_a_syntax_error(text: str) -> None:
    [(code, path, line)] = yaml_problems(text)
    assert (code, path) == ("yaml-syntax", "$")
    assert line is not None


@pytest.mark.usefixtures("stopping_libyaml")
def test_nesting_after_libyamls_error_does_not_count(monkeypatch: pytest.MonkeyPatch) -> None:
    # The error is on the first line; what follows it was never read.
    monkeypatch.setattr(StoppingLoader, "stop_line", 0)
    assert yaml_problems("a: [1,\n" + deep("flow", 500)) == [("yaml-syntax", "$", 1)]


def test_yaml_nested_a_hundred_levels_is_read() -> None:
    data, _ = parse_yaml("- " * 100 + "x", "<tekst>")
    for _ in range(100):
        [data] = data
    assert data == "x"


def test_very_deep_json_is_a_document_error() -> None:
    with pytest.raises(DocumentError) as info:
        parse_json("[" * 100_000 + "]" * 100_000, "<tekst>")
    assert info.value.problems[0].code == "json-syntax"


def test_deep_json_within_the_reader_limit_is_read() -> None:
    data, _ = parse_json("[" * 500 + "]" * 500, "<tekst>")
    depth = 0
    while data:
        data, depth = data[0], depth + 1
    assert depth == 499


# --- JSON -------------------------------------------------------------------------------------


def test_json_duplicate_keys_are_reported_at_the_repeat() -> None:
    text = '{\n "a": 1,\n "b": {"c": 1,\n  "c": 2},\n "a": 3\n}'
    assert json_problems(text) == [
        ("dubbele-sleutel", "$.b.c", 4),
        ("dubbele-sleutel", "$.a", 5),
    ]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_refuses_non_numbers(constant: str) -> None:
    [(code, path, _)] = json_problems(f'{{"a": {constant}}}')
    assert (code, path) == ("json-syntax", "$")


def test_json_syntax_error_has_a_line() -> None:
    assert json_problems('{\n "a": 1,\n "b": \n}') == [("json-syntax", "$", 4)]


def test_json_lines_gives_the_line_of_every_value() -> None:
    text = textwrap.dedent(
        """\
        {
          "schema": "x",
          "lijst": [
            {"code": "A",
             "naam met spatie": [1, 2]},
            3
          ],
          "leeg": {},
          "x": null
        }
        """
    )
    lines = json_lines(text)
    assert lines == {
        "$": 1,
        "$.schema": 2,
        "$.lijst": 3,
        "$.lijst[0]": 4,
        "$.lijst[0].code": 4,
        '$.lijst[0]["naam met spatie"]': 5,
        '$.lijst[0]["naam met spatie"][0]': 5,
        '$.lijst[0]["naam met spatie"][1]': 5,
        "$.lijst[1]": 6,
        "$.leeg": 8,
        "$.x": 9,
    }


def test_json_lines_handles_escapes_and_brackets_in_text() -> None:
    text = '{"a": "x\\"}{[,:",\n "b": "\\n"}'
    assert json_lines(text) == {"$": 1, "$.a": 1, "$.b": 2}


def test_parse_with_lines_matches_for_yaml_and_json() -> None:
    data = {"a": [{"b": 1}, 2], "c": {"d": "x"}}
    from_yaml, yaml_lines = parse_yaml(dump_yaml(data), "<tekst>", with_lines=True)
    from_json, lines = parse_json(dump_json(data), "<tekst>", with_lines=True)
    assert from_yaml == from_json == data
    assert (
        set(yaml_lines)
        == set(lines)
        == {
            "$",
            "$.a",
            "$.a[0]",
            "$.a[0].b",
            "$.a[1]",
            "$.c",
            "$.c.d",
        }
    )


# --- paths ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("code", "$.code"),
        ("uren_per_week", "$.uren_per_week"),
        ("vestigings-nummer", "$.vestigings-nummer"),
        (3, "$[3]"),
        ("met spatie", '$["met spatie"]'),
        ("1abc", '$["1abc"]'),
        ('aan"hal', '$["aan\\"hal"]'),
        ("", '$[""]'),
        ("é", '$["é"]'),
    ],
)
def test_child_path(key: str | int, expected: str) -> None:
    assert child_path("$", key) == expected


# --- writers ----------------------------------------------------------------------------------


def test_dump_yaml_writes_dates_plain_and_quotes_what_would_change() -> None:
    data = {
        "datum": "2025-09-01",
        "antwoord": "no",
        "getal": "0123",
        "uur": "08:30",
        "niets": "~",
        "tekst": "gewoon",
        "regels": "een\ntwee\n",
    }
    text = dump_yaml(data)
    assert text == textwrap.dedent(
        """\
        datum: 2025-09-01
        antwoord: 'no'
        getal: '0123'
        uur: 08:30
        niets: '~'
        tekst: gewoon
        regels: |
          een
          twee
        """
    )
    assert parse_yaml(text, "<tekst>")[0] == data


def test_dump_keeps_key_order_and_unicode() -> None:
    data = {"z": "één", "a": ["ü", 1.5, True, None]}
    assert dump_yaml(data).splitlines()[0] == "z: één"
    assert dump_json(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert parse_yaml(dump_yaml(data), "<tekst>")[0] == data


def test_a_number_with_too_many_digits_is_a_problem_not_a_crash() -> None:
    assert yaml_problems("a: 1\nb: " + "7" * 5000 + "\n") == [("ongeldige-waarde", "$.b", 2)]


def test_control_character_after_non_ascii_text_is_on_its_line() -> None:
    assert yaml_problems("é: 1\nb: ééé\nc: x\x07\n") == [("yaml-syntax", "$", 3)]


# --- explicit tags ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "!!int Elektro Vermeulen bv",
        "!!int 1.5",
        "!!int 0x1F",
        "!!float Elektro Vermeulen bv",
        "!!float .inf",
        "!!bool Elektro Vermeulen bv",
        "!!bool yes",
        "!!null Elektro Vermeulen bv",
        "!!timestamp Elektro Vermeulen bv",
        '!!int "twaalf"',
    ],
)
def test_an_explicit_tag_that_contradicts_the_value_is_refused(value: str) -> None:
    problems = yaml_problems(f"a: 1\nonderneming: {value}\n")
    assert problems == [("yaml-tag", "$.onderneming", 2)]


def test_a_contradicting_tag_is_reported_with_the_other_problems() -> None:
    text = "a: !!int x\nb:\n- !!bool nee\na: 2\n"
    assert yaml_problems(text) == [
        ("yaml-tag", "$.a", 1),
        ("yaml-tag", "$.b[0]", 3),
        ("dubbele-sleutel", "$.a", 4),
    ]


def test_the_message_of_a_contradicting_tag_does_not_repeat_the_value() -> None:
    with pytest.raises(DocumentError) as info:
        parse_yaml("naam: !!int Lotte Peeters\n", "<tekst>")
    assert "Lotte" not in info.value.text("nl") + info.value.text("en")
    assert "!!int" in info.value.text("en")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("!!int 12", 12),
        ("!!int -3", -3),
        ('!!int "12"', 12),
        ("!!float 7.5", 7.5),
        ("!!float 12", 12.0),
        ("!!bool true", True),
        ("!!null ~", None),
        ("!!null", None),
        ("!!str 12", "12"),
        ("!!timestamp 2025-09-01", "2025-09-01"),
    ],
)
def test_an_explicit_tag_that_fits_the_value_is_read(value: str, expected: Any) -> None:
    data, _ = parse_yaml(f"a: {value}\n", "<tekst>")
    assert data == {"a": expected}
    assert type(data["a"]) is type(expected)


# --- JSON: lone surrogates and long numbers ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1,\n "b": "x\\ud800y"}', [("ongeldig-teken", "$.b", 2)]),
        ('{"a": [\n "ok",\n "\\udfff"]}', [("ongeldig-teken", "$.a[1]", 3)]),
        ('{"a": 1,\n "\\ud800": 2}', [("ongeldig-teken", '$["\\ud800"]', 2)]),
        ('"\\ud800"', [("ongeldig-teken", "$", 1)]),
        # The first of a pair alone, and the second one alone.
        (
            '{"a": "\\ud83d",\n "b": "\\ude00x"}',
            [("ongeldig-teken", "$.a", 1), ("ongeldig-teken", "$.b", 2)],
        ),
        ('{"a": "x",\n "b": "\ud800"}', [("ongeldig-teken", "$.b", 2)]),
    ],
)
def test_json_refuses_lone_surrogates(text: str, expected: list[tuple[str, str, int]]) -> None:
    with pytest.raises(DocumentError) as info:
        parse_json(text, "<tekst>")
    assert [(p.code, p.path, p.line) for p in info.value.problems] == expected
    # Every message can be written out, as UTF-8 too.
    for lang in ("nl", "en"):
        info.value.text(lang).encode("utf-8")


def test_json_keeps_a_surrogate_pair_as_one_character() -> None:
    data, _ = parse_json('{"a": "\\ud83d\\ude00", "b": "\\u00e9"}', "<tekst>")
    assert data == {"a": "\U0001f600", "b": "é"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1,\n "b": ' + "7" * 5000 + "}", [("ongeldige-waarde", "$.b", 2)]),
        ('{"a": [1,\n -' + "7" * 5000 + "]}", [("ongeldige-waarde", "$.a[1]", 2)]),
        (
            '{"a": ' + "7" * 5000 + ',\n "a": 2}',
            [("ongeldige-waarde", "$.a", 1), ("dubbele-sleutel", "$.a", 2)],
        ),
    ],
)
def test_json_number_with_too_many_digits_is_a_problem_with_its_place(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert json_problems(text) == expected


def test_json_number_with_many_digits_within_the_limit_is_read() -> None:
    data, _ = parse_json('{"a": ' + "7" * 4000 + ', "b": 1.' + "5" * 5000 + "}", "<tekst>")
    assert data["a"] == int("7" * 4000)


def test_yaml_number_with_too_many_digits_is_a_problem_in_lists_and_with_tags() -> None:
    text = "a:\n- 1\n- -" + "7" * 5000 + "\nb: !!int " + "7" * 5000 + "\n"
    assert yaml_problems(text) == [
        ("ongeldige-waarde", "$.a[1]", 3),
        ("ongeldige-waarde", "$.b", 4),
    ]


# --- the cost of a broken document ------------------------------------------------------------

MB = 1_000_000


def seconds_of(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def peak_of(work: Callable[[], object]) -> int:
    """The peak of the memory (bytes) that ``work`` takes.

    Tracing memory slows Python down several times: times are measured without it.
    """
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def refused_with_a_short_message(text: str) -> None:
    with pytest.raises(DocumentError) as info:
        parse_json(text, "<tekst>")
    [problem] = info.value.problems
    assert problem.line is not None
    assert len(info.value.text("nl")) < 500


# Generous bounds: each document is a few megabytes; the long texts once took gigabytes.
LONG_JSON = {
    "long text": '{"a": "' + "x" * (5 * MB) + '",\n "a": 1}',
    "long text of escapes": '{"a": "' + "\\n" * (3 * MB) + '",\n "a": 1}',
    "long number": '{"a": "x",\n "b": ' + "7" * (5 * MB) + "}",
    "long text with a surrogate": '{"a": "' + "x" * (5 * MB) + '",\n "b": "\\ud800"}',
}
MANY_JSON = {
    **LONG_JSON,
    "many values": '{"a": [' + "1," * MB + '1],\n "a": 1}',
    "many objects": '{"a": [' + '{"b": [1]},' * (MB // 5) + '{"b": 1}],\n "a": 1}',
    "a surrogate at the end": '{"a": [' + '"x",' * (MB // 2) + '"\\ud800"]}',
    "a long number at the end": '{"a": [' + "1," * MB + "7" * 5000 + "]}",
}


@pytest.mark.parametrize("name", LONG_JSON)
def test_refusing_a_json_document_with_a_long_value_takes_little_memory(name: str) -> None:
    assert peak_of(lambda: refused_with_a_short_message(LONG_JSON[name])) < 300 * MB


@pytest.mark.parametrize("name", MANY_JSON)
def test_refusing_a_big_json_document_takes_little_time(name: str) -> None:
    assert seconds_of(lambda: refused_with_a_short_message(MANY_JSON[name])) < 10


def test_lines_of_a_big_json_document_cost_little_when_only_some_are_asked_for() -> None:
    text = '{"a": [' + "1," * MB + '1],\n "b": {"c": [1,\n 2]}}'
    found: dict[str, int] = {}

    def lines() -> None:
        found.update(parse_json(text, "<tekst>", with_lines=["$.b.c[1]", "$.a[7]"])[1])

    assert seconds_of(lines) < 10
    assert found == {"$": 1, "$.a": 1, "$.a[7]": 1, "$.b": 2, "$.b.c": 2, "$.b.c[1]": 3}
    # Only the lines asked for are kept: far less than the million values would take.
    assert peak_of(lines) < 300 * MB


def test_yaml_lines_can_be_asked_for_some_paths_only() -> None:
    text = "a:\n- 1\n- 2\nb:\n  c: 3\n"
    _, lines = parse_yaml(text, "<tekst>", with_lines=["$.b.c", "$.a[1]"])
    assert lines == {"$": 1, "$.a": 2, "$.a[1]": 3, "$.b": 5, "$.b.c": 5}


def test_message_about_a_long_key_quotes_an_excerpt() -> None:
    key = "k" * MB
    for parse, text in [
        (parse_json, f'{{"{key}": 1,\n"{key}": 2}}'),
        (parse_yaml, f"? {key}\n: 1\n? {key}\n: 2\n"),
    ]:
        with pytest.raises(DocumentError) as info:
            parse(text, "<tekst>")
        [problem] = info.value.problems
        assert problem.code == "dubbele-sleutel"
        assert len(problem.message) < 200
        assert len(problem.message_en) < 200


def test_deep_yaml_refused_after_libyamls_error_costs_little(stopping_libyaml: None) -> None:
    text = "a: tekst\n" * (MB // 4) + "b:\n  c: " + "[" * 200
    assert seconds_of(lambda: refused_as_too_deep(text)) < 10


@pytest.mark.parametrize("value", ["2025-13-45", "2025-02-30", "2025-09-01 25:00:00"])
def test_an_explicit_timestamp_must_name_a_moment_that_exists(value: str) -> None:
    assert yaml_problems(f"a: !!timestamp {value}\n") == [("yaml-tag", "$.a", 1)]


@pytest.mark.parametrize(
    ("text", "line"),
    [("a: 1\nb: x\udc80\n", 2), ("a: 1\n\ud800: 1\n", 2), ("a: 1 # \udfff\n", 1)],
    ids=["value", "key", "comment"],
)
def test_yaml_text_with_a_lone_surrogate_is_refused(text: str, line: int) -> None:
    # A str given in code may hold one (from surrogateescape, or a careless decoder).
    with pytest.raises(DocumentError) as info:
        parse_yaml(text, "<tekst>")
    assert [(p.code, p.path, p.line) for p in info.value.problems] == [
        ("ongeldig-teken", "$", line)
    ]
    info.value.text("en").encode("utf-8")


def test_the_non_specific_tag_makes_a_scalar_text() -> None:
    data, _ = parse_yaml("a: ! 12\nb: ! true\nc: ! [1]\n", "<tekst>")
    assert data == {"a": "12", "b": "true", "c": [1]}


def test_yaml_lines_gives_the_lines_asked_for_and_what_holds_them() -> None:
    text = "a:\n  b:\n    - x\n    - y\nc: 1\n"
    assert yaml_lines(text, ["$.a.b[1]", "$.c", "$.a.missing"]) == {
        "$": 1,
        "$.a": 2,
        "$.a.b": 3,
        "$.a.b[1]": 4,
        "$.c": 5,
    }


def test_yaml_lines_stops_reading_once_every_line_is_found() -> None:
    # The lines of a broken document's problems are looked up in a second reading; it ends
    # where the last of them is, so a huge document whose problems come first is not read
    # again whole. What follows (here: text that is not YAML at all) is never reached.
    text = "a: 1\nb: 2\n" + "c: [\n" * 3 + "}}} not yaml"
    assert yaml_lines(text, ["$.b"]) == {"$": 1, "$.b": 2}
    # A key that a finished mapping does not hold is not waited for either.
    assert yaml_lines("a:\n  x: 1\nb: [\n", ["$.a.y"]) == {"$": 1, "$.a": 2}


@pytest.mark.parametrize("key", ["x-]", "a.b", 'q"]x', "x[1]", "é ]"])
def test_a_key_with_brackets_or_dots_gets_its_line(key: str) -> None:
    # Such a key is written ["..."] in a path; its line must still be found.
    text = json.dumps({"a": 1, key: 2}, indent=2)
    assert json_lines(text, [child_path("$", key)])[child_path("$", key)] == 3
    yaml_text = f"a: 1\n{json.dumps(key)}: 2\n"
    assert yaml_lines(yaml_text, [child_path("$", key)])[child_path("$", key)] == 2


# --- the fast JSON reader (orjson) against the detailed one (json) ---------------------------

from hypothesis import given  # noqa: E402 - the section's own imports
from hypothesis import strategies as st  # noqa: E402

# Few distinct keys, so that objects often repeat one: "a" may also be written "\u0061".
_KEYS = st.sampled_from(["a", "b", "é", 'a"b', "a\\b", "\n", "\ud800", "\U0001f600", ""])
_TEXTS = st.lists(
    st.characters(codec=None, categories=None)  # every code point, lone surrogates too
    | st.sampled_from(['"', "\\", "\x00", "\x1f", "\u2028", "1e+", "+", "/"]),
    max_size=6,
).map("".join)
_NUMBERS = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from([2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63), -(2**63) - 1, 10**400]),
    st.floats(allow_nan=False, allow_infinity=False),
    # Written as they are: beyond a float, beyond Python's digits, and no numbers at all.
    st.sampled_from(
        ["1e400", "-1E+400", "1e-400", "-0", "-0.0", "7" * 4400, "1" * 4301, "NaN", "-Infinity"]
    ).map(lambda literal: ("raw", literal)),
)


@st.composite
def _json_trees(draw: st.DrawFn) -> Any:
    """A JSON value as a tree: an object is a list of (key, value) pairs, keys may repeat."""
    leaves = st.none() | st.booleans() | _NUMBERS | _TEXTS
    return draw(
        st.recursive(
            leaves,
            lambda inner: (
                st.lists(inner, max_size=4).map(lambda items: ("list", items))
                | st.lists(st.tuples(_KEYS, inner), max_size=4).map(lambda pairs: ("obj", pairs))
            ),
            max_leaves=12,
        )
    )


def _escaped(text: str, random: Any) -> str:
    """A JSON string literal of ``text``, each character written raw or escaped at random."""
    out = ['"']
    for char in text:
        code = ord(char)
        short = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "/": "\\/"}.get(char)
        if code > 0xFFFF:
            high, low = divmod(code - 0x10000, 0x400)
            escaped = f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04X}"
        else:
            escaped = f"\\u{code:04x}"
        if char in '"\\' or code < 0x20:
            out.append(short if short is not None and random.random() < 0.5 else escaped)
        else:
            out.append(escaped if random.random() < 0.3 else char)
    out.append('"')
    return "".join(out)


def _written(tree: Any, random: Any) -> str:
    space = random.choice(["", " ", "\n", " \t\r\n "])
    if isinstance(tree, tuple) and tree[0] == "raw":
        return str(tree[1])
    if isinstance(tree, tuple) and tree[0] == "list":
        return "[" + space + ",".join(_written(item, random) for item in tree[1]) + "]"
    if isinstance(tree, tuple):
        pairs = (f"{_escaped(k, random)}{space}:{space}{_written(v, random)}" for k, v in tree[1])
        return "{" + space + ("," + space).join(pairs) + space + "}"
    if isinstance(tree, str):
        return _escaped(tree, random)
    return json.dumps(tree)


def _repeats(tree: Any) -> bool:
    if isinstance(tree, tuple) and tree[0] == "raw":
        return False
    if isinstance(tree, tuple) and tree[0] == "obj":
        keys = [k for k, _ in tree[1]]
        if len(set(keys)) < len(keys):
            return True
        return any(_repeats(v) for _, v in tree[1])
    if isinstance(tree, tuple):
        return any(_repeats(item) for item in tree[1])
    return False


def _same(a: Any, b: Any) -> bool:
    """Equal, of the same types, and objects with their keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return a.hex() == b.hex()  # -0.0 is not 0.0 here
    return bool(a == b)


def _outcome(read: Callable[[str], Any], text: str) -> tuple[str, Any]:
    try:
        return "data", read(text)
    except DocumentError as exc:
        return "refused", [(p.path, p.code, p.line, p.message, p.message_en) for p in exc.problems]


@given(_json_trees(), st.randoms(use_true_random=False))
def test_the_fast_json_reader_reads_and_refuses_exactly_as_the_detailed_one(
    tree: Any, random: Any
) -> None:
    text = _written(tree, random)
    fast = _outcome(lambda t: parse_json(t, "<tekst>")[0], text)
    detailed = _outcome(lambda t: _parse._parse_json_detailed(t, "<tekst>"), text)
    assert fast[0] == detailed[0]
    if fast[0] == "data":
        assert _same(fast[1], detailed[1])
    else:
        assert fast[1] == detailed[1]
    if _repeats(tree):
        # A repeated key, however it is written, is never read by orjson alone.
        assert _parse._parse_json_fast(text) is _parse._UNSURE


@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers(-(2**63), 2**63 - 1)
        | st.text(max_size=5)
        | st.floats(allow_nan=False, allow_infinity=False, max_value=1e15, min_value=-1e15),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_the_fast_json_reader_takes_a_document_without_repeats_or_escaped_backslashes(
    data: Any,
) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if "\\\\" in text or "\\ud" in text.lower():
        return  # what orjson does not decide alone
    fast = _parse._parse_json_fast(text)
    assert fast is not _parse._UNSURE
    assert _same(fast, json.loads(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1, "\\u0061": 2}', [("$.a", "dubbele-sleutel", 1)]),
        (
            '{"x": {"y": [{"k": 1,\n "k": {"z": "\\"q\\""}}]}}',
            [("$.x.y[0].k", "dubbele-sleutel", 2)],
        ),
        ('{"a\\"b": 1, "a\\u0022b": 2}', [('$["a\\"b"]', "dubbele-sleutel", 1)]),
        ('[{"a": "\\ud800"}]', [("$[0].a", "ongeldig-teken", 1)]),
        ('{"a": ' + "9" * 4301 + "}", [("$.a", "ongeldige-waarde", 1)]),
    ],
    ids=["escaped-key", "deep", "escaped-quote-in-key", "lone-surrogate", "long-number"],
)
def test_json_that_orjson_would_take_differently_is_refused_as_before(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert [(p, c, line) for c, p, line in json_problems(text)] == expected


@pytest.mark.parametrize("number", [2**64, -(2**63) - 1, 10**30, 123456789012345678901234567890])
def test_a_json_integer_beyond_64_bits_stays_an_exact_int(number: int) -> None:
    data, _ = parse_json(f'{{"tel": "+32 2 123", "n": {number}}}', "<tekst>")
    assert data == {"tel": "+32 2 123", "n": number}
    assert type(data["n"]) is int


# --- the fast JSON writer (orjson) -------------------------------------------------------------

_PLAIN = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()  # beyond 64 bits too
    | st.floats()  # NaN, Infinity, -0.0, 5e-324, 1e-07 too
    | st.text(st.characters(codec="utf-8") | st.sampled_from('\x00\x1f\x7f\u2028"\\/é😀')),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(
            st.text(max_size=4) | st.integers() | st.booleans() | st.none() | st.floats(),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@given(_PLAIN)
def test_the_json_writer_writes_exactly_what_json_dumps_writes(data: Any) -> None:
    assert dump_json(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_the_json_writer_leaves_a_document_to_orjson() -> None:
    import orjson

    data = {
        "schema": "x",
        "uren": 7.6,
        "tekst": "e-mail: één\nregel",
        "n": [1, 2**63],
        "d": {},
        # An ESCO URI holds a UUID, whose "453e-a7" is no number.
        "esco": ["http://data.europa.eu/esco/skill/2c3f0b9c-fb0c-453e-a7a9-52765"],
    }
    assert _parse._written_as_json(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    for number in (1e-05, -2.5e-07, [1e-10]):
        written = orjson.dumps({"x": number}, option=orjson.OPT_INDENT_2)
        assert not _parse._written_as_json(written)


_SCALAR_TEXT = st.sampled_from(
    [
        "",
        "~",
        "null",
        "true",
        "False",
        "12",
        "-3",
        "0x1A",
        "1.5",
        ".5",
        "1e3",
        "2025-09-01",
        "<<",
        "a: b",
        "- x",
        "#",
        "'q'",
        "naam",
        "Ünïcode",
        "  spaces  ",
        "12:30",
        "yes",
        "on",
    ]
) | st.text(max_size=12)


def _nested(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=4) | st.dictionaries(_SCALAR_TEXT, inner, max_size=4)


_PLAIN_DATA = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | _SCALAR_TEXT
    | st.floats(allow_nan=False, allow_infinity=False),
    _nested,
    max_leaves=20,
)


@given(
    data=_PLAIN_DATA,
    flow=st.sampled_from([None, True, False]),
    style=st.sampled_from([None, "'", '"', "|"]),
)
def test_yaml_read_without_lines_gives_the_data_read_with_lines(
    data: Any, flow: bool | None, style: str | None
) -> None:
    # Read without lines, a document takes the quick reading until anything in it may be
    # a problem; read with lines, always the detailed one. Both give the same data and the
    # same problems, whatever the document's style.
    text = yaml.safe_dump(
        {"doc": data}, default_flow_style=flow, default_style=style, allow_unicode=True
    )

    def read(with_lines: bool) -> Any:
        try:
            return _parse.parse_yaml(text, "t.yaml", with_lines=with_lines)[0]
        except DocumentError as error:
            return [(p.code, p.path, p.line) for p in error.problems]

    assert read(False) == read(True)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb:\n  c: 2\n  c: 3\n",
        "a: &x 1\nb: *x\n",
        "a:\n  <<: {b: 1}\n",
        "a: !!int 12\nb: !!str 5\n",
        "a: !!int nope\n",
        "? [1, 2]\n: x\n",
        "a: ! 12\n",
        "a: 1" + "0" * 5000 + "\n",
    ],
)
def test_yaml_read_without_lines_reports_what_the_detailed_reading_reports(text: str) -> None:
    def read(with_lines: bool) -> Any:
        try:
            return _parse.parse_yaml(text, "t.yaml", with_lines=with_lines)[0]
        except DocumentError as error:
            return [(p.code, p.path, p.line, p.message) for p in error.problems]

    assert read(False) == read(True)


def test_reading_yaml_keeps_nothing_of_a_document_once_read() -> None:
    # Plain scalars are read once per value within a document; no text of a document (a
    # name, a note) is kept in the process after it has been read.
    texts = [f"a: Jan Peeters {i} {'x' * 100_000}\n" for i in range(20)]
    _parse_yaml_quietly(texts[0])  # what is made once per process is made here
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for text in texts[1:]:
            _parse_yaml_quietly(text)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 200_000, kept


def _parse_yaml_quietly(text: str) -> None:
    data, _ = _parse.parse_yaml(text, "t.yaml")
    assert data["a"].startswith("Jan Peeters")
