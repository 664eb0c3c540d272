"""Fuzzing of the document readers and writers: mutated documents of every kind.

Run from the repository's root, after ``pip install -e ".[dev]"`` (Hypothesis draws the
valid documents the mutations start from)::

    python benchmarks/fuzz.py --count 5000 --seed 1

It starts from valid documents of every kind (the shipped examples and catalogues, and
documents drawn from `duaal_leren.strategies`, dumped as YAML and JSON) and changes them
the way careless tools and hostile users do: a value of the wrong type, a Unicode edge case
(a lone surrogate, a zero-width space, a byte-order mark, control characters, direction
marks), a huge number, a very long text, a deeply nested list, an explicit YAML tag, an
anchor or a merge key, a repeated key, a flipped or cut byte. Every mutated document must be
either built or refused with the library's own error (`duaal_leren.DuaalLerenError`), with a
message of bounded length; a built one must hold no lone surrogate, must not come from a
contradicted or foreign tag, a repeated key or an alias, and must go through every writer
(YAML and JSON text that reads back equal, files, the validation report, the summary, the
progress report, the follow-up plan and its iCalendar export, the renderings of catalogues
and records, the school calendar), each writing text that is valid UTF-8. Every document
runs in a worker process, so a document that takes more than ``--max-seconds`` or more than
``--max-mb`` of memory is reported, and one that hangs is stopped.

The command prints a summary by failure class, with the exception's last frame (and the last
frame in duaal-leren), and a reproducer of each class cut down line by line while it fails
the same way; ``--out DIR`` writes the reproducers to files. It exits with 1 when anything
failed. `tests/test_fuzz.py` runs the same mutators and checks under Hypothesis.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import multiprocessing
import multiprocessing.connection
import random
import re
import resource
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLES = ROOT / "examples"
CATALOGUES = ROOT / "src" / "duaal_leren" / "leidraad" / "data"
SOURCE = ROOT / "src" / "duaal_leren"
TODAY = "2025-10-01"  # the validation and progress "today": fixed, so a run is reproducible
MAX_MESSAGE = 10_000  # characters of an error message, in either language
MAX_SECONDS = 3.0
MAX_MB = 300.0

# --- hostile values ---------------------------------------------------------------------

LONE_SURROGATES = ("\ud800", "\udfff", "a\udc80b", "\ud83d", "\udbff\ud800")
UNICODE_EDGES = (
    "\u200b",  # zero-width space
    "\ufeff",  # byte-order mark, inside a text
    "\x00",
    "\x01",
    "\x07",
    "\x1b[31mrood\x1b[0m",  # a terminal escape sequence
    "\x7f",
    "\x85",  # next line (NEL)
    "\u2028",
    "\u2029",
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\u200e",
    "\u061c",  # Arabic letter mark
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "\ufffd",
    "e\u0301",  # a combining accent
    "\U0001f393",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # a joined emoji
    "İ",
    "ß",
    "\u00a0",
    "\t",
    "\r",
    "\r\n",
    " ",
    "",
    "\\",
    '"',
    "'",
    "\u3000",
)
TYPE_ZOO: tuple[Any, ...] = (
    0,
    -1,
    1,
    7,
    1.5,
    -0.0,
    True,
    False,
    None,
    "",
    " ",
    "tekst",
    "2025-09-01",
    "1",
    "true",
    [],
    {},
    [1, 2],
    ["a"],
    {"a": 1},
    {"": None},
    [[[]]],
)
HUGE_NUMBERS: tuple[Any, ...] = (
    2**31,
    2**63,
    2**64,
    -(2**63) - 1,
    10**20,
    10**300,
    10**4000,  # under Python's limit for turning digits into an int
    1e308,
    -1e308,
    5e-324,
    1.7976931348623157e308,
)
# JSON numbers written as text: the reader turns some into infinity or refuses them.
HUGE_NUMBER_TEXTS = ("1e999", "-1e999", "1" * 5000, "0." + "0" * 5000 + "1", "1e-999", "-0")
EDGE_DATES = (
    "0001-01-01",
    "9999-12-31",
    "0000-01-01",
    "2025-02-29",
    "2024-02-29",
    "2025-13-01",
    "2025-00-10",
    "2025-09-31",
    "+2025-09-01",
    "2025-9-1",
    "2025-09-01T08:30:00",
    "2025-09-01 ",
    "２０２５-０９-０１",  # full-width digits: `\d` would take them
    "2025-W36-1",
    "20250901",
    "1900-02-29",
    "2100-01-01",
    "1970-01-01",
)
SCHEMAS = (
    "duaal-leren/traject@0",
    "duaal-leren/traject@2",
    "duaal-leren/traject@99999999999999999999999",
    "duaal-leren/traject@01",
    "duaal-leren/traject@-1",
    "duaal-leren/standaardplan@1",
    "duaal-leren/leidraad@1",
    "duaal-leren/leidraad-uitbreiding@1",
    "duaal-leren/gespreksverslag@1",
    "duaal-leren/schoolkalender@1",
    "duaal-leren/onbekend@1",
    "duaal-leren/traject@1 ",
    "duaal-leren/traject@١",
    "Duaal-Leren/Traject@1",
    "",
)
KEY_NAMES = ("", " ", "onbekend", "$", "a.b", "[0]", "schema", "\u200bid", "\ud800", "x" * 5000)
# Tags whose text the library must refuse as contradicting the tag, with texts that are no
# value of that type in YAML 1.1 or 1.2.
CONTRADICTED = {
    "int": ("abc", "1.5", "", "ja", "2025-09-01", "1 2", "0x", "--1", "1e5", "٣"),
    "float": ("abc", "", "ja", "1.2.3", "2025-09-01", "e5", "--1.0", "1,5"),
    "bool": ("abc", "", "maybe", "2", "ja", "nee", "1.0"),
    "null": ("abc", "0", "false", "niets", "nul", "None"),
    "timestamp": ("abc", "", "2025-13-45", "gisteren", "12:00", "2025/09/01"),
}
# Tags a reader must never honour.
FOREIGN_TAGS = (
    "tag:yaml.org,2002:python/object:os.system",
    "tag:yaml.org,2002:python/object/apply:os.system",
    "tag:yaml.org,2002:python/name:os.system",
    "tag:yaml.org,2002:python/str",
    "tag:yaml.org,2002:python/tuple",
    "tag:yaml.org,2002:binary",
    "tag:yaml.org,2002:set",
    "tag:yaml.org,2002:omap",
    "tag:yaml.org,2002:pairs",
    "tag:yaml.org,2002:value",
    "tag:yaml.org,2002:yaml",
    "!eigen",
    "tag:example.com,2025:x",
)
_YAML_TAG = "tag:yaml.org,2002:"
BAD_BYTES = (
    b"\xff",
    b"\xfe\xff",
    b"\xc0\x80",  # an overlong NUL
    b"\xed\xa0\x80",  # a surrogate in CESU-8
    b"\xef\xbb\xbf",  # a byte-order mark in the middle
    b"\x00",
    b"\x1b",
    b"\xe2\x80",  # a cut character
    b"\r",
    b"\t",
    b"\n---\n",
    b": ",
    b"&a ",
    b"*a",
    b"!!int ",
    b"{",
    b"]",
    b'"',
    b"#",
)


# --- documents -----------------------------------------------------------------------------

Path_ = tuple[str | int, ...]
Payload = str | bytes


@dataclass(frozen=True)
class Base:
    """A valid document a mutation starts from.

    Attributes:
        name: Where it came from: a file name, or the kind and number of a drawn one.
        data: Its plain data, as read from its JSON text.
    """

    name: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Case:
    """One mutated document.

    Attributes:
        base: The name of the document it started from.
        mutator: The mutator that made it.
        note: What the mutator did, in a line.
        payload: The text (loaded with ``loads``) or bytes (loaded with ``load``).
        refuse: Why it must be refused, when it must be: ``contradicted-tag``,
            ``foreign-tag``, ``duplicate-key``, ``yaml-alias``; ``None`` when either outcome
            is right.
        marker: Text that a reproducer of an accepted refusal must keep (the tag, the
            alias), so that cutting it down does not cut out the cause.
    """

    base: str
    mutator: str
    note: str
    payload: Payload
    refuse: str | None = None
    marker: str | None = None


def base_from_text(name: str, text: str) -> Base:
    """A base document from the text of a valid document (the shipped files)."""
    import duaal_leren

    return Base(name, json.loads(duaal_leren.dump(duaal_leren.loads(text), "json")))


def base_from_object(name: str, obj: object) -> Base:
    """A base document from a model object (a drawn one)."""
    import duaal_leren

    return Base(name, json.loads(duaal_leren.dump(obj, "json")))


def shipped_bases() -> list[Base]:
    """The shipped examples and catalogues, as base documents."""
    files = sorted(EXAMPLES.glob("*.yaml")) + sorted(CATALOGUES.glob("*.yaml"))
    return [base_from_text(f.name, f.read_text(encoding="utf-8")) for f in files]


def strategies_by_kind() -> dict[str, Any]:
    """A Hypothesis strategy of valid documents for each document kind."""
    from duaal_leren import strategies

    return {
        "standaardplan": strategies.standaardplannen(),
        "traject": strategies.trajecten(),
        "leidraad": strategies.leidraden(),
        "leidraad-uitbreiding": strategies.uitbreidingen(),
        "gespreksverslag": strategies.gespreksverslagen(),
        "schoolkalender": strategies.schooleigen_kalenders(),
    }


def drawn_bases(per_kind: int, seed: int) -> list[Base]:
    """Documents drawn from `duaal_leren.strategies`, ``per_kind`` of each kind, seeded."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    bases: list[Base] = []
    for kind, strategy in strategies_by_kind().items():
        drawn: list[object] = []

        @hypothesis_seed(seed)
        @settings(
            max_examples=per_kind,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy)
        def collect(obj: object) -> None:
            drawn.append(obj)  # noqa: B023 - run at once, before the next kind

        collect()
        bases.extend(base_from_object(f"{kind}#{i}", obj) for i, obj in enumerate(drawn))
    return bases


# --- paths into plain data ---------------------------------------------------------------


def paths(data: Any, here: Path_ = ()) -> Iterator[Path_]:
    """Every path into plain data, the root's children first, below ``here``."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*here, key)
            yield from paths(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*here, index)
            yield from paths(value, (*here, index))


def get(data: Any, path: Path_) -> Any:
    """The value at ``path``."""
    for step in path:
        data = data[step]
    return data


def put(data: Any, path: Path_, value: Any) -> None:
    """Set the value at ``path`` (which must not be the root)."""
    get(data, path[:-1])[path[-1]] = value


def show(path: Path_) -> str:
    """A path as JSON path text, such as ``$.competenties[3].code``."""
    return "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in path)


def _pick_path(rng: random.Random, data: Any, leaf: Callable[[Any], bool] | None = None) -> Path_:
    found = [p for p in paths(data) if leaf is None or leaf(get(data, p))]
    # The schema key is mutated on purpose by its own mutator only.
    chosen = [p for p in found if p != ("schema",)] or found
    return rng.choice(chosen) if chosen else ()


def _excerpt(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:28]}...{text[-28:]} ({len(text)} chars)"


# --- writing mutated data ----------------------------------------------------------------


def as_json(rng: random.Random, data: Any) -> str:
    """JSON text of data, sometimes escaped to ASCII, sometimes on one line."""
    return json.dumps(data, ensure_ascii=rng.random() < 0.5, indent=rng.choice((None, 2)))


class _NoAliases(yaml.SafeDumper):
    """Writes a value that occurs twice out twice: no anchors unless a mutator adds them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def as_yaml(data: Any) -> str:
    """YAML text of data, as any YAML writer would write it."""
    text: str = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)
    return text


def as_text(rng: random.Random, data: Any) -> str:
    """JSON or YAML text of data."""
    return as_json(rng, data) if rng.random() < 0.5 else as_yaml(data)


def _nodes(node: yaml.Node) -> Iterator[yaml.Node]:
    yield node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield from _nodes(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nodes(item)


def _value_nodes(root: yaml.Node) -> list[yaml.Node]:
    # Every node that is a value (not a key), except the schema's.
    keys = {id(k) for n in _nodes(root) if isinstance(n, yaml.MappingNode) for k, _ in n.value}
    schema = {
        id(v)
        for k, v in (root.value if isinstance(root, yaml.MappingNode) else ())
        if k.value == "schema"
    }
    return [n for n in _nodes(root) if id(n) not in keys and id(n) not in schema and n is not root]


def _compose(data: Any) -> yaml.Node:
    node = yaml.compose(as_yaml(data), Loader=yaml.SafeLoader)
    assert node is not None  # noqa: S101 - a base document is never empty
    return node


def _serialize(node: yaml.Node) -> str:
    text: str = yaml.serialize(node, Dumper=yaml.SafeDumper, allow_unicode=True, width=100)
    return text


# --- mutators -------------------------------------------------------------------------------

Mutator = Callable[[random.Random, Base], Case]
MUTATORS: dict[str, Mutator] = {}


def mutator(function: Mutator) -> Mutator:
    """Register a mutator under its name, without the leading ``mutate_``."""
    MUTATORS[function.__name__.removeprefix("mutate_")] = function
    return function


def _data_case(
    rng: random.Random, base: Base, name: str, path: Path_, value: Any, fmt: str | None = None
) -> Case:
    data = copy.deepcopy(base.data)
    if path:
        put(data, path, value)
    text = as_json(rng, data) if fmt == "json" else as_yaml(data) if fmt else as_text(rng, data)
    return Case(base.name, name, f"{show(path)} = {_excerpt(value)}", text)


@mutator
def mutate_wrong_type(rng: random.Random, base: Base) -> Case:
    """A value replaced by a value of another type."""
    path = _pick_path(rng, base.data)
    old = get(base.data, path)
    choices = [v for v in TYPE_ZOO if type(v) is not type(old)] or list(TYPE_ZOO)
    return _data_case(rng, base, "wrong_type", path, copy.deepcopy(rng.choice(choices)))


@mutator
def mutate_swap(rng: random.Random, base: Base) -> Case:
    """A value replaced by a value from elsewhere in the document."""
    path = _pick_path(rng, base.data)
    other = get(base.data, _pick_path(rng, base.data))
    return _data_case(rng, base, "swap", path, copy.deepcopy(other))


@mutator
def mutate_unicode(rng: random.Random, base: Base) -> Case:
    """A text with a Unicode edge case in it, or replaced by one; JSON for lone surrogates."""
    path = _pick_path(rng, base.data, lambda v: isinstance(v, str))
    old = get(base.data, path) if path else ""
    surrogate = rng.random() < 0.4
    edge = rng.choice(LONE_SURROGATES if surrogate else UNICODE_EDGES)
    where = rng.randint(0, len(old)) if isinstance(old, str) else 0
    value = rng.choice((edge, f"{old[:where]}{edge}{old[where:]}", edge + "x" + edge))
    fmt = "json" if surrogate and rng.random() < 0.8 else None
    return _data_case(rng, base, "unicode", path, value, fmt)


@mutator
def mutate_unicode_key(rng: random.Random, base: Base) -> Case:
    """A key with a Unicode edge case or an odd name, added or renamed."""
    data = copy.deepcopy(base.data)
    mappings = [p for p in paths(data) if isinstance(get(data, p), dict)]
    path: Path_ = rng.choice(mappings) if mappings and rng.random() < 0.8 else ()
    target = get(data, path)
    key = rng.choice((*KEY_NAMES, *LONE_SURROGATES, *UNICODE_EDGES))
    if target and rng.random() < 0.5:
        old = rng.choice(list(target))
        target[key if rng.random() < 0.5 else old + key] = target.pop(old)
    else:
        target[key] = rng.choice(TYPE_ZOO)
    return Case(
        base.name, "unicode_key", f"key {_excerpt(key)} at {show(path)}", as_json(rng, data)
    )


@mutator
def mutate_huge(rng: random.Random, base: Base) -> Case:
    """A huge number, a very long text, a long list or a deeply nested one."""
    path = _pick_path(rng, base.data)
    old = get(base.data, path)
    what = rng.choice(("number", "number-text", "text", "list", "nested"))
    if what == "number":
        value: Any = rng.choice(HUGE_NUMBERS)
    elif what == "text":
        unit = rng.choice(("x", "é", "\U0001f393", "ab ", "\n", str(old)[:10] or "y"))
        value = unit * rng.choice((10_000, 100_000, 200_000))
    elif what == "list":
        # Long, but a few megabytes at most.
        size = len(json.dumps(old)) + 2
        value = [old] * max(1, min(rng.choice((1_000, 10_000)), 4_000_000 // size))
    elif what == "nested":
        depth = rng.choice((30, 200, 990, 5_000, 50_000))
        # Written by hand, in JSON or in YAML's flow style: Python's writers recurse.
        fmt = rng.choice(("json", "yaml"))
        marker = "__NESTED__"
        case = _data_case(rng, base, "huge", path, marker, fmt)
        nested = "[" * depth + json.dumps(old) + "]" * depth
        quoted = json.dumps(marker) if fmt == "json" else marker
        text = str(case.payload).replace(quoted, nested, 1)
        return Case(base.name, "huge", f"{show(path)} = nested {depth} deep ({fmt})", text)
    else:
        # A number written as JSON text, which Python's JSON writer would not write.
        marker = "__HUGE__"
        case = _data_case(rng, base, "huge", path, marker, "json")
        number = rng.choice(HUGE_NUMBER_TEXTS)
        text = str(case.payload).replace(json.dumps(marker), number, 1)
        return Case(base.name, "huge", f"{show(path)} = {_excerpt(number)}", text)
    return _data_case(rng, base, "huge", path, value)


@mutator
def mutate_date(rng: random.Random, base: Base) -> Case:
    """A date replaced by an edge case: out of range, invalid, or almost ISO."""
    iso = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
    path = _pick_path(rng, base.data, lambda v: isinstance(v, str) and bool(iso.fullmatch(v)))
    return _data_case(rng, base, "date", path, rng.choice(EDGE_DATES))


@mutator
def mutate_keys(rng: random.Random, base: Base) -> Case:
    """A key removed, or an unknown one added."""
    data = copy.deepcopy(base.data)
    mappings = [p for p in paths(data) if isinstance(get(data, p), dict)]
    path: Path_ = rng.choice(mappings) if mappings and rng.random() < 0.8 else ()
    target = get(data, path)
    if target and rng.random() < 0.6:
        key = rng.choice(list(target))
        del target[key]
        note = f"removed {show((*path, key))}"
    else:
        target["onbekend"] = rng.choice(TYPE_ZOO)
        note = f"added {show((*path, 'onbekend'))}"
    return Case(base.name, "keys", note, as_text(rng, data))


@mutator
def mutate_schema(rng: random.Random, base: Base) -> Case:
    """The ``schema`` key of another kind, of another version, or malformed."""
    value = rng.choice((*SCHEMAS, *TYPE_ZOO))
    return _data_case(rng, base, "schema", ("schema",), value)


@mutator
def mutate_duplicate_key(rng: random.Random, base: Base) -> Case:
    """A key written twice in one mapping, in JSON or YAML."""
    data = copy.deepcopy(base.data)
    mappings = [p for p in paths(data) if isinstance(get(data, p), dict) and get(data, p)]
    path: Path_ = rng.choice(mappings) if mappings and rng.random() < 0.8 else ()
    key = rng.choice(list(get(data, path)))
    value = rng.choice((copy.deepcopy(get(data, (*path, key))), *TYPE_ZOO))
    note = f"{show((*path, key))} twice"
    if rng.random() < 0.5:
        target = get(data, path)
        marker = "__DUPLICATE__"
        items = list(target.items())
        target.clear()
        for k, v in items:
            target[k] = v
            if k == key:
                target[marker] = value
        text = as_json(rng, data).replace(json.dumps(marker), json.dumps(key), 1)
        return Case(base.name, "duplicate_key", note, text, "duplicate-key")
    root = _compose(data)
    node = root
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next(v for k, v in node.value if k.value == step)
        else:
            node = node.value[step]
    assert isinstance(node, yaml.MappingNode)  # noqa: S101 - the path leads to a mapping
    again = _compose({"x": value}).value[0][1]
    node.value.append((yaml.ScalarNode(_YAML_TAG + "str", str(key)), again))
    return Case(base.name, "duplicate_key", note + " (YAML)", _serialize(root), "duplicate-key")


@mutator
def mutate_tag(rng: random.Random, base: Base) -> Case:
    """An explicit YAML tag on a value: standard, contradicted by the text, or foreign."""
    root = _compose(base.data)
    node = rng.choice(_value_nodes(root))
    what = rng.choice(("contradicted", "standard", "foreign"))
    refuse: str | None = None
    if what == "contradicted":
        tag = rng.choice(sorted(CONTRADICTED))
        text = rng.choice(CONTRADICTED[tag])
        if isinstance(node, yaml.ScalarNode) and not _looks_like(tag, node.value):
            text = rng.choice((text, node.value))
        replacement: yaml.Node = yaml.ScalarNode(_YAML_TAG + tag, text)
        refuse = "contradicted-tag"
        note = f"!!{tag} {text!r}"
    elif what == "standard":
        tag = rng.choice(("str", "int", "float", "bool", "null", "timestamp", "map", "seq"))
        replacement = copy.copy(node)
        replacement.tag = _YAML_TAG + tag
        value = node.value if isinstance(node, yaml.ScalarNode) else "(collection)"
        scalar = isinstance(node, yaml.ScalarNode)
        if scalar and tag in CONTRADICTED and not _looks_like(tag, node.value):
            refuse = "contradicted-tag"
        if (tag in ("map", "seq")) == scalar:
            refuse = "contradicted-tag"  # a collection tag on a text, or the other way round
        elif (tag == "map" and isinstance(node, yaml.SequenceNode)) or (
            tag == "seq" and isinstance(node, yaml.MappingNode)
        ):
            refuse = "contradicted-tag"
        note = f"!!{tag} on {_excerpt(value)}"
    else:
        tag = rng.choice(FOREIGN_TAGS)
        replacement = copy.copy(node)
        replacement.tag = tag
        refuse = "foreign-tag"
        note = f"<{tag}>"
    _replace(root, node, replacement)
    text = _serialize(root)
    short = replacement.tag.replace(_YAML_TAG, "!!")
    marker = next((m for m in (short + " ", f"!<{replacement.tag}>") if m in text), None)
    if marker is None:
        # The writer left out a tag that the text resolves to anyway (`2025-13-45` is a
        # timestamp to YAML 1.1): there is no tag to contradict.
        refuse = None
    return Case(base.name, "tag", note, text, refuse, marker)


def _looks_like(tag: str, text: str) -> bool:
    """Whether a text is a value of a tag's type in YAML 1.1 or 1.2 (generously)."""
    patterns = {
        "int": r"[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[0-9][0-9_]*)",
        "float": r"[-+]?([0-9][0-9_]*)?\.?[0-9_]*([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)",
        "bool": r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
        "null": r"~|null|Null|NULL|",
        "timestamp": r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]+.*)?",
    }
    match = re.fullmatch(patterns[tag], text)
    return match is not None and (tag != "float" or any(c.isdigit() for c in text) or "." in text)


def _replace(root: yaml.Node, old: yaml.Node, new: yaml.Node) -> None:
    for node in _nodes(root):
        if isinstance(node, yaml.MappingNode):
            node.value = [(k, new if v is old else v) for k, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            node.value = [new if v is old else v for v in node.value]


@mutator
def mutate_yaml_alias(rng: random.Random, base: Base) -> Case:
    """An anchor and an alias, a merge key, or a billion laughs."""
    what = rng.choice(("alias", "merge", "laughs"))
    if what == "laughs":
        lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        lines += [
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]"
            for i in range(8)
        ]
        text = as_yaml(base.data) + "\n".join(lines) + "\n"
        return Case(base.name, "yaml_alias", "a billion laughs", text, "yaml-alias", "*a")
    root = _compose(base.data)
    values = _value_nodes(root)
    if what == "alias":
        # The same node twice: the writer gives it an anchor and writes an alias.
        # A text, so that no value comes to hold itself.
        scalars = [n for n in values if isinstance(n, yaml.ScalarNode)]
        source, target = rng.choice(scalars), rng.choice(values)
        if target is source:
            target = root.value[0][1]  # the schema's value
        _replace(root, target, source)
        return Case(base.name, "yaml_alias", "an alias", _serialize(root), "yaml-alias", "*id")
    mappings = [n for n in _nodes(root) if isinstance(n, yaml.MappingNode)]
    mapping = rng.choice(mappings)
    merged = _compose({"onbekend": 1})
    mapping.value.append((yaml.ScalarNode(_YAML_TAG + "merge", "<<"), merged))
    return Case(base.name, "yaml_alias", "a merge key", _serialize(root), "yaml-alias", "<<")


@mutator
def mutate_bytes(rng: random.Random, base: Base) -> Case:
    """Bytes of the text flipped, cut, inserted, repeated or left out; read as bytes."""
    raw = bytearray(as_text(rng, base.data).encode("utf-8"))
    notes = []
    for _ in range(rng.choice((1, 1, 2, 3, 8))):
        what = rng.choice(("flip", "cut", "insert", "repeat", "delete", "encoding"))
        at = rng.randrange(len(raw) + 1)
        if what == "flip" and raw:
            at = min(at, len(raw) - 1)
            raw[at] ^= 1 << rng.randrange(8)
        elif what == "cut":
            del raw[at:]
        elif what == "insert":
            raw[at:at] = rng.choice(BAD_BYTES)
        elif what == "repeat":
            end = min(len(raw), at + rng.randint(1, 200))
            raw[at:at] = raw[at:end] * rng.randint(1, 5)
        elif what == "delete":
            del raw[at : at + rng.randint(1, 50)]
        else:
            codec = rng.choice(("utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252"))
            raw = bytearray(bytes(raw).decode("utf-8", "replace").encode(codec, "replace"))
        notes.append(f"{what}@{at}")
    return Case(base.name, "bytes", ", ".join(notes), bytes(raw))


@mutator
def mutate_text(rng: random.Random, base: Base) -> Case:
    """Characters inserted in the text, lines swapped, or a byte-order mark in front."""
    text = as_text(rng, base.data)
    what = rng.choice(("insert", "swap", "bom", "indent", "crlf"))
    if what == "insert":
        at = rng.randrange(len(text) + 1)
        edge = rng.choice((*UNICODE_EDGES, *LONE_SURROGATES, "\t", ": ", "- ", "[", "{", "#"))
        text = text[:at] + edge + text[at:]
    elif what == "swap":
        lines = text.splitlines(keepends=True)
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        text = "".join(lines)
    elif what == "bom":
        text = "\ufeff" + text
    elif what == "indent":
        lines = text.splitlines(keepends=True)
        i = rng.randrange(len(lines))
        lines[i] = rng.choice(("\t", " ", "  ", "\u00a0")) + lines[i]
        text = "".join(lines)
    else:
        text = text.replace("\n", rng.choice(("\r\n", "\r", "\u2028", "\x85")))
    return Case(base.name, "text", what, text)


def mutate(rng: random.Random, base: Base, name: str | None = None) -> Case:
    """A mutation of a base document, by the mutator named or by any."""
    return MUTATORS[name or rng.choice(sorted(MUTATORS))](rng, base)


# --- checking one document -----------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """Something wrong with how the library handled one document.

    Attributes:
        kind: The failure's class: ``load-crash``, ``writer-crash``, ``lone-surrogate``,
            ``accepted-contradicted-tag``, ``round-trip``, ``not-utf8``, ``long-message``,
            ``slow``, ``memory``, ``hang``, ...
        step: The reader or writer that failed (``load``, ``dump-yaml``, ``to_ical``, ...).
        error: The exception's type and the start of its message, if any.
        frame: The exception's last frame, ``file:line in function``.
        own_frame: The last frame in duaal-leren's own source.
        detail: More about this one document (not part of its `signature`).
    """

    kind: str
    step: str
    error: str = ""
    frame: str = ""
    own_frame: str = ""
    detail: str = ""

    @property
    def signature(self) -> tuple[str, str, str, str]:
        """What tells two failures apart: class, step, exception type and where."""
        # By function, not line: the source may change while a long run goes on.
        where = re.sub(r":[0-9]+ in ", " in ", self.own_frame or self.frame)
        return (self.kind, self.step, self.error.partition(":")[0], where)

    def __str__(self) -> str:
        where = f" at {self.frame}" if self.frame else ""
        own = (
            f" (duaal-leren: {self.own_frame})"
            if self.own_frame and self.own_frame != self.frame
            else ""
        )
        error = f": {self.error}" if self.error else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"[{self.kind}] {self.step}{error}{where}{own}{detail}"


def _frame(summary: traceback.FrameSummary) -> str:
    name = summary.filename
    with contextlib.suppress(ValueError):
        name = str(Path(name).resolve().relative_to(ROOT))
    return f"{name}:{summary.lineno} in {summary.name}"


def failure_of(kind: str, step: str, exc: BaseException) -> Failure:
    """A failure from an exception, with its last frame and its last frame in duaal-leren."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = [f for f in frames if str(SOURCE) in str(Path(f.filename).resolve())]
    message = str(exc).splitlines()[0] if str(exc) else ""
    return Failure(
        kind,
        step,
        f"{type(exc).__name__}: {_excerpt(message)[1:-1]}",
        _frame(frames[-1]) if frames else "",
        _frame(own[-1]) if own else "",
    )


def lone_surrogate_in(obj: Any, seen: set[int] | None = None) -> bool:
    """Whether any text inside a model object (its fields, tuples, mappings) is not Unicode."""
    import attrs

    seen = set() if seen is None else seen
    if id(obj) in seen:
        return False
    seen.add(id(obj))
    if isinstance(obj, str):
        return any("\ud800" <= c <= "\udfff" for c in obj)
    if isinstance(obj, dict):
        return any(lone_surrogate_in(k, seen) or lone_surrogate_in(v, seen) for k, v in obj.items())
    if isinstance(obj, list | tuple | set | frozenset):
        return any(lone_surrogate_in(v, seen) for v in obj)
    if attrs.has(type(obj)):
        return any(lone_surrogate_in(getattr(obj, f.name), seen) for f in attrs.fields(type(obj)))
    return False


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes):
        yield value.decode("utf-8")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(k)
            yield from _texts(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _texts(v)


@dataclass
class Outcome:
    """What happened to one document.

    Attributes:
        accepted: Whether it was built.
        failures: What went wrong.
        seconds: How long reading, checking and writing it took.
    """

    accepted: bool = False
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0


def _writers(obj: Any, tmp: Path) -> Iterator[tuple[str, Callable[[], Any], bool]]:
    """Every writer of a loaded document: name, call, and whether library errors are fine.

    Writing the document itself (text and files) must always work; a report, a plan or a
    rendering may refuse a document it cannot use, with the library's error.
    """
    import duaal_leren
    from duaal_leren.gespreksverslag import Gespreksverslag
    from duaal_leren.kalender import SchooleigenKalender, schoolkalender
    from duaal_leren.leidraad import (
        Leidraad,
        Uitbreiding,
        extend,
        html_fragment,
        json_data,
        leidraad,
        leidraad_ids,
        render_html,
        render_markdown,
        render_text,
        volledigheid,
    )
    from duaal_leren.summary import summarise

    yield "save-yaml", lambda: duaal_leren.save(obj, tmp / "doc.yaml").read_bytes(), False
    yield "save-json", lambda: duaal_leren.save(obj, tmp / "doc.json").read_bytes(), False

    def report() -> list[str]:
        r = duaal_leren.validate(obj, today=TODAY)
        return [r.text("nl"), r.text("en"), r.to_json("en"), r._repr_html_(), str(r)]

    yield "validate", report, True
    if isinstance(obj, duaal_leren.Traject | duaal_leren.StandaardOpleidingsplan):
        yield "summarise", lambda: [summarise(obj, "nl"), summarise(obj, "en")], False
    if isinstance(obj, duaal_leren.Traject):
        from duaal_leren.ical import to_ical
        from duaal_leren.planning import plan_opvolging
        from duaal_leren.voortgang import TrajectVoortgang

        def progress() -> list[Any]:
            v = TrajectVoortgang.from_traject(obj, today=TODAY)
            return [v.text("nl"), v.text("en"), v.csv(), v.html("en"), json.dumps(v.to_dict())]

        yield "voortgang", progress, True
        yield "plan_opvolging+to_ical", lambda: to_ical(plan_opvolging(obj)), True
    if isinstance(obj, Leidraad):
        yield (
            "render-leidraad",
            lambda: [
                render_text(obj),
                render_markdown(obj),
                render_html(obj),
                html_fragment(obj),
                json.dumps(json_data(obj), ensure_ascii=False),
            ],
            True,
        )
    if isinstance(obj, Uitbreiding) and obj.basis in leidraad_ids():
        yield "extend+render", lambda: render_text(extend(leidraad(obj.basis), obj)), True
    if isinstance(obj, Gespreksverslag):
        yield "volledigheid", lambda: render_text(volledigheid(obj, today=TODAY)), True
        yield (
            "render-verslag",
            lambda: [
                render_text(obj, today=TODAY),
                render_markdown(obj, today=TODAY),
                render_html(obj, today=TODAY, lang="en"),
            ],
            True,
        )
    if isinstance(obj, SchooleigenKalender):

        def calendar() -> list[Any]:
            kalender = schoolkalender(eigen=obj)
            return [str(p) for p in kalender.vrije_periodes] + [str(kalender.schooldagen())]

        yield "schoolkalender", calendar, True


def check(case: Case) -> Outcome:
    """Read a mutated document and, when it is built, write it with every writer.

    Returns:
        Whether it was built, and every failure: an exception other than the library's, a
        message that is too long or not UTF-8, a lone surrogate or a refused construct
        accepted, a writer that fails or writes what does not read back or is not UTF-8.
    """
    import duaal_leren

    outcome = Outcome()
    start = time.perf_counter()
    try:
        _check(case, outcome, duaal_leren)
    finally:
        outcome.seconds = time.perf_counter() - start
    return outcome


def _check_refused_report(case: Case, failures: list[Failure], duaal_leren: Any) -> None:
    """`validate_files` of a document that cannot be read reports its problems as findings."""
    from duaal_leren.validation import validate_files

    raw = (
        case.payload
        if isinstance(case.payload, bytes)
        else case.payload.encode("utf-8", "surrogatepass")
    )
    try:
        with tempfile.TemporaryDirectory() as tmp:
            # No extension: the content says YAML or JSON, as for a text.
            path = Path(tmp) / "document"
            path.write_bytes(raw)
            reports = validate_files([path], today=TODAY)
        for text in (reports.text("nl"), reports.text("en"), reports.to_json(), reports.to_junit()):
            text.encode("utf-8")
    except UnicodeError as exc:
        failures.append(failure_of("not-utf8", "validate-refused", exc))
        return
    except Exception as exc:  # noqa: BLE001
        failures.append(failure_of("writer-crash", "validate-refused", exc))
        return
    if reports.passed:
        failures.append(Failure("refused-but-passed", "validate-refused"))


def _check(case: Case, outcome: Outcome, duaal_leren: Any) -> None:
    failures = outcome.failures
    try:
        obj = duaal_leren.loads(case.payload)
    except duaal_leren.DuaalLerenError as exc:
        for lang in ("nl", "en"):
            message = exc.text(lang)
            if len(message) > MAX_MESSAGE:
                failures.append(
                    Failure("long-message", "load", detail=f"{len(message)} characters ({lang})")
                )
                break
            try:
                message.encode("utf-8")
            except UnicodeEncodeError as error:
                failures.append(failure_of("message-not-utf8", "load", error))
                break
        _check_refused_report(case, failures, duaal_leren)
        return
    except Exception as exc:  # noqa: BLE001 - any other exception is what we look for
        failures.append(failure_of("load-crash", "load", exc))
        return
    outcome.accepted = True
    if case.refuse is not None:
        failures.append(Failure(f"accepted-{case.refuse}", "load", detail=case.note))
    if lone_surrogate_in(obj):
        # Every writer then fails to encode it: that is one failure, not one per writer.
        failures.append(Failure("lone-surrogate", "load"))
        return
    for fmt in ("yaml", "json"):
        try:
            text = duaal_leren.dump(obj, fmt)
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            failures.append(failure_of("not-utf8", f"dump-{fmt}", exc))
            continue
        except Exception as exc:  # noqa: BLE001
            failures.append(failure_of("writer-crash", f"dump-{fmt}", exc))
            continue
        try:
            again = duaal_leren.loads(text)
        except Exception as exc:  # noqa: BLE001
            failures.append(failure_of("round-trip", f"reload-{fmt}", exc))
            continue
        if again != obj:
            failures.append(Failure("round-trip", f"reload-{fmt}", "reads back different"))
    with tempfile.TemporaryDirectory() as tmp:
        for step, call, refusal_ok in _writers(obj, Path(tmp)):
            try:
                for text in _texts(call()):
                    text.encode("utf-8")
            except UnicodeError as exc:
                failures.append(failure_of("not-utf8", step, exc))
            except duaal_leren.DuaalLerenError as exc:
                if not refusal_ok:
                    failures.append(failure_of("writer-refused", step, exc))
                elif len(str(exc)) > MAX_MESSAGE or len(exc.text("en")) > MAX_MESSAGE:
                    failures.append(Failure("long-message", step, detail=f"{len(str(exc))} chars"))
            except Exception as exc:  # noqa: BLE001
                failures.append(failure_of("writer-crash", step, exc))


# --- cutting a reproducer down ---------------------------------------------------------------


def minimise(case: Case, fails: Callable[[Case], bool], seconds: float = 30.0) -> Case:
    """The case cut down as far as it can be while it still ``fails``, within ``seconds``.

    A JSON document loses mappings' entries and lists' items one at a time; any other text
    loses chunks of lines, halving the chunk size as in delta debugging.
    """
    deadline = time.monotonic() + seconds
    if isinstance(case.payload, str):
        try:
            data = json.loads(case.payload)
        except ValueError:
            data = None
        if isinstance(data, dict):
            whole = _with(case, json.dumps(data, indent=2))
            if fails(whole):
                return _minimise_data(whole, data, fails, deadline)
    return _minimise_lines(case, fails, deadline)


def _with(case: Case, payload: Payload) -> Case:
    return Case(case.base, case.mutator, case.note, payload, case.refuse, case.marker)


def _minimise_data(case: Case, data: Any, fails: Callable[[Case], bool], deadline: float) -> Case:
    best = case
    progress = True
    while progress and time.monotonic() < deadline:
        progress = False
        for path in sorted(paths(data), key=len):
            if path == ("schema",) or time.monotonic() > deadline:
                continue
            candidate = copy.deepcopy(data)
            try:
                parent = get(candidate, path[:-1])
                del parent[path[-1]]
            except (KeyError, IndexError, TypeError):
                continue  # gone with an earlier cut
            trial = _with(case, json.dumps(candidate, indent=2))
            if fails(trial):
                data, best, progress = candidate, trial, True
                break
    return best


def _minimise_lines(case: Case, fails: Callable[[Case], bool], deadline: float) -> Case:
    is_bytes = isinstance(case.payload, bytes)
    raw = (
        case.payload
        if isinstance(case.payload, bytes)
        else case.payload.encode("utf-8", "surrogatepass")
    )
    lines = raw.splitlines(keepends=True)

    def build(kept: Sequence[bytes]) -> Case:
        joined = b"".join(kept)
        return _with(case, joined if is_bytes else joined.decode("utf-8", "surrogatepass"))

    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i = 0
        while i < len(lines) and time.monotonic() < deadline:
            candidate = lines[:i] + lines[i + chunk :]
            if candidate and fails(build(candidate)):
                lines = candidate
            else:
                i += chunk
        chunk //= 2
    return build(lines)


# --- the command ---------------------------------------------------------------------------


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker(connection: multiprocessing.connection.Connection) -> None:
    """Check the cases sent, one at a time, and send back the outcome and memory used."""
    import duaal_leren

    duaal_leren.load(EXAMPLES / "traject-lotte.yaml")  # import what loading needs, once
    while True:
        case = connection.recv()
        if case is None:
            return
        before = _peak_mb()
        outcome = check(case)
        connection.send((outcome, _peak_mb() - before, _peak_mb()))


class Runner:
    """Runs cases in a worker process, restarting it after a hang, a crash or a big peak."""

    def __init__(self, hard_timeout: float) -> None:
        self.hard_timeout = hard_timeout
        self.context = multiprocessing.get_context("spawn")
        self.process: Any = None
        self.connection: multiprocessing.connection.Connection | None = None

    def start(self) -> None:
        """Start a fresh worker."""
        ours, theirs = self.context.Pipe()
        self.process = self.context.Process(target=_worker, args=(theirs,), daemon=True)
        self.process.start()
        self.connection = ours

    def stop(self) -> None:
        """Stop the worker, whatever it is doing."""
        if self.process is not None:
            self.process.kill()
            self.process.join()
        self.process = self.connection = None

    def run(self, case: Case) -> tuple[Outcome | None, float, str]:
        """The outcome and the memory it took (MB), or ``None`` and ``hang`` or ``crash``."""
        if self.connection is None:
            self.start()
        assert self.connection is not None  # noqa: S101 - started just above
        try:
            self.connection.send(case)
            if not self.connection.poll(self.hard_timeout):
                self.stop()
                return None, 0.0, "hang"
            outcome, grown, peak = self.connection.recv()
        except (EOFError, OSError, BrokenPipeError):
            self.stop()
            return None, 0.0, "crash"
        if grown > 50 or peak > 1024:
            # A process's peak only grows: start afresh, so that the next big document is
            # measured from the same baseline.
            self.stop()
        return outcome, grown, ""


def _same(failure: Failure) -> Callable[[Case], bool]:
    """Whether a cut-down case still fails as ``failure`` did, checked in this process."""

    def fails(case: Case) -> bool:
        if failure.kind in ("slow", "memory", "hang", "crash"):
            return False  # a case like that is shown whole: cutting it down takes too long
        if failure.kind.startswith("accepted-"):
            text = case.payload if isinstance(case.payload, str) else case.payload.decode("latin-1")
            if case.marker is None or case.marker not in text:
                return False  # the cut took out what had to be refused
        return any(f.signature == failure.signature for f in check(case).failures)

    return fails


def _show_payload(payload: Payload, limit: int = 1500) -> str:
    if isinstance(payload, bytes):
        text = repr(payload)
    else:
        text = payload.encode("unicode_escape", "backslashreplace").decode("ascii")
        text = text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
    return text if len(text) <= limit else f"{text[:limit]}\n... ({len(payload)} in all)"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the fuzzer; returns 1 when anything failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=2000, help="documents to try (2000)")
    parser.add_argument("--seed", type=int, default=1, help="the seed of the run (1)")
    parser.add_argument(
        "--drawn", type=int, default=15, help="documents drawn per kind as bases (15)"
    )
    parser.add_argument("--mutator", choices=sorted(MUTATORS), help="only this mutator")
    parser.add_argument("--max-seconds", type=float, default=MAX_SECONDS)
    parser.add_argument("--max-mb", type=float, default=MAX_MB)
    parser.add_argument("--hard-timeout", type=float, default=60.0, help="stop a document after")
    parser.add_argument("--out", type=Path, help="write a reproducer of each class here")
    parser.add_argument("--no-minimise", action="store_true", help="show reproducers whole")
    args = parser.parse_args(argv)
    if args.count < 1 or args.drawn < 0:
        parser.error("--count must be at least 1 and --drawn at least 0")

    print(f"fuzz: seed {args.seed}, {args.count} documents", flush=True)
    bases = shipped_bases() + drawn_bases(args.drawn, args.seed)
    print(f"fuzz: {len(bases)} valid documents to start from", flush=True)
    runner = Runner(args.hard_timeout)
    found: dict[tuple[str, str, str, str], tuple[Failure, Case, int]] = {}
    accepted = 0
    slowest = (0.0, "")
    started = time.perf_counter()
    try:
        for i in range(args.count):
            rng = random.Random(f"{args.seed}:{i}")  # noqa: S311 - reproducible, not secret
            case = mutate(rng, rng.choice(bases), args.mutator)
            outcome, grown, died = runner.run(case)
            failures: list[Failure] = []
            if outcome is None:
                failures.append(Failure(died, case.mutator, detail=case.note))
            else:
                accepted += outcome.accepted
                failures = list(outcome.failures)
                if outcome.seconds > slowest[0]:
                    slowest = (outcome.seconds, f"{case.mutator}: {case.note}")
                if outcome.seconds > args.max_seconds:
                    failures.append(
                        Failure(
                            "slow", case.mutator, detail=f"{outcome.seconds:.1f} s: {case.note}"
                        )
                    )
                if grown > args.max_mb:
                    failures.append(
                        Failure("memory", case.mutator, detail=f"{grown:.0f} MB: {case.note}")
                    )
            for failure in failures:
                key = failure.signature
                seen = found.get(key)
                found[key] = (failure, seen[1] if seen else case, (seen[2] if seen else 0) + 1)
            if (i + 1) % 250 == 0:
                elapsed = time.perf_counter() - started
                print(
                    f"fuzz: {i + 1} documents, {len(found)} failure classes, {elapsed:.0f} s",
                    flush=True,
                )
    finally:
        runner.stop()

    print(f"\nfuzz: {args.count} documents, {accepted} built, {args.count - accepted} refused")
    print(f"fuzz: slowest {slowest[0]:.2f} s ({slowest[1]})")
    if not found:
        print("fuzz: no failures")
        return 0
    by_class: dict[str, int] = {}
    for failure, _, n in found.values():
        by_class[failure.kind] = by_class.get(failure.kind, 0) + n
    print("\nfailures by class:")
    for kind, n in sorted(by_class.items(), key=lambda kv: -kv[1]):
        print(f"  {kind}: {n}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    for number, (failure, case, n) in enumerate(
        sorted(found.values(), key=lambda v: v[0].signature), 1
    ):
        small = case if args.no_minimise else minimise(case, _same(failure))
        print(f"\n--- {number}. {failure} ({n} documents)")
        print(f"    from {case.base} by {case.mutator}: {case.note}")
        print(_show_payload(small.payload))
        if args.out:
            suffix = ".bin" if isinstance(small.payload, bytes) else ".txt"
            target = args.out / f"{number:03d}-{failure.kind}{suffix}"
            data = (
                small.payload
                if isinstance(small.payload, bytes)
                else small.payload.encode("utf-8", "surrogatepass")
            )
            target.write_bytes(data)
    return 1


if __name__ == "__main__":
    sys.exit(main())
