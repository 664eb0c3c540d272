"""The strict YAML and JSON readers and the stable writers (duaal_leren._parse)."""

from __future__ import annotations

import json
import textwrap
from typing import Any

import pytest

from duaal_leren import DocumentError
from duaal_leren._parse import (
    child_path,
    dump_json,
    dump_yaml,
    json_lines,
    parse_json,
    parse_yaml,
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


@pytest.mark.parametrize(
    "text",
    [
        "- " * 50_000 + "x",
        "[" * 50_000 + "]" * 50_000,
        "{a: " * 50_000,
        "".join(" " * i + "a:\n" for i in range(300)),
    ],
)
def test_very_deep_yaml_is_refused(text: str) -> None:
    # libyaml composes nodes recursively in C: a deep document once crashed Python.
    with pytest.raises(DocumentError) as info:
        parse_yaml(text, "diep.yaml")
    [problem] = info.value.problems
    assert info.value.source == "diep.yaml"
    assert problem.code == "te-diep"
    assert problem.line is not None


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
