"""Strict readers and stable writers for YAML and JSON text.

PyYAML on its own keeps the last of two equal keys (losing data), follows anchors and
aliases without bound, builds objects from custom tags, and reads ``no`` as ``False`` and
``08:30`` as a number. These readers use PyYAML (its C parser when present) only to parse,
and build the data themselves: duplicate keys, aliases, merge keys and non-standard tags are
problems; plain scalars follow the YAML 1.2 core schema, narrowed so that everything PyYAML
writes reads back the same; dates stay ISO text for the converter to check. Every problem
carries its JSON path and line, and all problems of a text are reported together.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import yaml

from duaal_leren.exceptions import DocumentError, Problem

try:  # The C parser is much faster; fall back when PyYAML was built without libyaml.
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader

    _BYTE_POSITIONS = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _BYTE_POSITIONS = False

__all__ = [
    "child_path",
    "dump_json",
    "dump_yaml",
    "json_lines",
    "line_for",
    "parse_json",
    "parse_yaml",
]

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


_LAST_STEP = re.compile(r"(\.[^.\[]+|\[[^\]]*\])$")


def line_for(path: str, lines: dict[str, int]) -> int | None:
    """The line of the value at ``path``, or of its nearest ancestor that has one.

    A missing field has no line of its own: the object that lacks it is pointed at.
    """
    while path not in lines and len(path) > 1:
        parent = _LAST_STEP.sub("", path) or "$"
        if parent == path:  # a quoted key holding "]": no parent to find
            break
        path = parent
    return lines.get(path)


def child_path(path: str, key: str | int) -> str:
    """The JSON path of a mapping key or a list index below ``path``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if _IDENT.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


_TAG = "tag:yaml.org,2002:"
_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_BOOL["FALSE"] = False
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _line(event: yaml.Event) -> int | None:
    mark = event.start_mark
    return mark.line + 1 if mark is not None else None


class _Sequence:
    """A YAML sequence being built."""

    __slots__ = ("items", "path")

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Any] = []

    def child(self) -> str:
        return child_path(self.path, len(self.items))

    def add(self, value: Any) -> None:
        self.items.append(value)


class _Mapping:
    """A YAML mapping being built; ``key`` waits for its value, ``None`` for the next key."""

    __slots__ = ("items", "key", "path")

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: dict[str, Any] = {}
        self.key: str | None = None

    def child(self) -> str:
        assert self.key is not None  # noqa: S101 - a value always follows its key
        return child_path(self.path, self.key)

    def add(self, value: Any) -> None:
        assert self.key is not None  # noqa: S101 - a value always follows its key
        self.items[self.key] = value
        self.key = None


# No plan or traject comes near this depth. Stopping here keeps a hostile document from
# costing time: libyaml's work on deep flow collections grows with the square of the depth.
_MAX_DEPTH = 100


class _YamlBuilder:
    """Builds plain Python data from the parser's events of one document, gathering problems.

    It works from events with an explicit stack rather than from a composed node tree:
    libyaml composes nodes recursively in C and crashes the interpreter on a deeply
    nested document, while the stack stops cleanly at `_MAX_DEPTH`. Aliases are refused
    as events, so an anchor alone (``&a``) is harmless.
    """

    def __init__(self, loader: _Loader, source: str, with_lines: bool) -> None:
        self.loader = loader
        self.source = source
        # PyYAML's stubs leave ``resolve`` untyped.
        self.resolve: Callable[[type[yaml.Node], str | None, Any], str] = loader.resolve
        self.problems: list[Problem] = []
        self.lines: dict[str, int] | None = {} if with_lines else None

    def next(self) -> yaml.Event:
        event = self.loader.get_event()
        if event is None:  # pragma: no cover - the parser ends every stream with its end
            raise yaml.YAMLError("unexpected end of the stream")
        return event

    def problem(self, event: yaml.Event, path: str, code: str, nl: str, en: str) -> None:
        self.problems.append(Problem(path, nl, en, code, _line(event)))

    def tag(self, event: Any, kind: type[yaml.Node]) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            value = event.value if kind is yaml.ScalarNode else None
            tag = self.resolve(kind, value, event.implicit)
        return str(tag)

    def skip(self, depth: int = 0) -> None:
        """Consume the events of one node (``depth`` 0) or the rest of a collection (1)."""
        while True:
            event = self.next()
            if isinstance(event, _START):
                depth += 1
            elif isinstance(event, _END):
                depth -= 1
            if depth <= 0:
                return

    def key(self, event: yaml.Event, mapping: _Mapping) -> None:
        """Take the key a mapping's next entry starts with; skip entries that cannot be read."""
        if isinstance(event, yaml.ScalarEvent):
            if self.tag(event, yaml.ScalarNode) == _TAG + "merge":
                self.problem(
                    event,
                    mapping.path,
                    "yaml-merge",
                    "samenvoegsleutels (<<) zijn niet toegestaan",
                    "merge keys (<<) are not allowed",
                )
                self.skip()
                return
            key = str(event.value)
            if key in mapping.items:
                self.problem(
                    event,
                    child_path(mapping.path, key),
                    "dubbele-sleutel",
                    f"de sleutel {key!r} komt twee keer voor; de eerste waarde zou verloren gaan",
                    f"the key {key!r} occurs twice; the first value would be lost",
                )
                self.skip()
                return
            mapping.key = key
            return
        if isinstance(event, yaml.AliasEvent):
            self.alias(event, mapping.path)
        else:
            self.problem(
                event,
                mapping.path,
                "yaml-sleutel",
                "een sleutel moet een eenvoudige tekst zijn",
                "a key must be plain text",
            )
            self.skip(1)
        self.skip()

    def too_deep(self, event: yaml.Event, path: str) -> DocumentError:
        return DocumentError(
            self.source,
            [
                Problem(
                    path,
                    f"het document is te diep genest (meer dan {_MAX_DEPTH} niveaus)",
                    f"the document is nested too deeply (more than {_MAX_DEPTH} levels)",
                    "te-diep",
                    _line(event),
                )
            ],
        )

    def alias(self, event: yaml.Event, path: str) -> None:
        self.problem(
            event,
            path,
            "yaml-alias",
            "ankers en aliassen (&, *) zijn niet toegestaan; schrijf de waarde uit",
            "anchors and aliases (&, *) are not allowed; write the value out",
        )

    def build(self) -> Any:
        """The data of the next node of the event stream, with everything below it."""
        stack: list[_Sequence | _Mapping] = []
        while True:
            event = self.next()
            if isinstance(event, _END):
                value: Any = stack.pop().items
            else:
                top = stack[-1] if stack else None
                if isinstance(top, _Mapping) and top.key is None:
                    self.key(event, top)
                    continue
                path = top.child() if top is not None else "$"
                line = _line(event)
                if self.lines is not None and line is not None:
                    self.lines[path] = line
                if isinstance(event, yaml.ScalarEvent):
                    value = self.scalar(event, path)
                elif isinstance(event, yaml.AliasEvent):
                    self.alias(event, path)
                    value = None
                else:
                    is_map = isinstance(event, yaml.MappingStartEvent)
                    kind: type[yaml.Node] = yaml.MappingNode if is_map else yaml.SequenceNode
                    tag = self.tag(event, kind)
                    if tag == _TAG + ("map" if is_map else "seq"):
                        if len(stack) >= _MAX_DEPTH:
                            raise self.too_deep(event, path)
                        stack.append(_Mapping(path) if is_map else _Sequence(path))
                        continue
                    self.bad_tag(event, tag, path)
                    self.skip(1)
                    value = None
            if not stack:
                return value
            stack[-1].add(value)

    def scalar(self, event: yaml.ScalarEvent, path: str) -> Any:
        value = str(event.value)
        tag = self.tag(event, yaml.ScalarNode)
        if tag == _TAG + "str" or tag == _TAG + "timestamp":
            return value
        if tag == _TAG + "null":
            return None if value in _NULL else value
        if tag == _TAG + "bool":
            return _BOOL.get(value, value)
        if tag == _TAG + "int":
            if not _INT.fullmatch(value):
                return value
            try:
                return int(value)
            except ValueError:
                # Python refuses to convert very long digit strings (a guard against
                # denial of service); no plan needs such a number.
                self.problem(
                    event,
                    path,
                    "ongeldige-waarde",
                    "het getal heeft te veel cijfers",
                    "the number has too many digits",
                )
                return None
        if tag == _TAG + "float":
            return float(value) if _FLOAT.fullmatch(value) else value
        self.bad_tag(event, tag, path)
        return None

    def bad_tag(self, event: yaml.Event, tag: str, path: str) -> None:
        self.problem(
            event,
            path,
            "yaml-tag",
            f"de tag {tag!r} is niet toegestaan",
            f"the tag {tag!r} is not allowed",
        )


def _syntax_error(source: str, what: str, line: int | None) -> DocumentError:
    return DocumentError(
        source,
        [
            Problem(
                "$", f"geen geldige YAML: {what}", f"not valid YAML: {what}", "yaml-syntax", line
            )
        ],
    )


def parse_yaml(text: str, source: str, *, with_lines: bool = False) -> tuple[Any, dict[str, int]]:
    """Parse one YAML document strictly.

    Args:
        text: The YAML text.
        source: Names the text in messages (a file path or ``<tekst>``).
        with_lines: Also return the line of every value, by JSON path.

    Returns:
        The data, and the lines by JSON path (empty unless asked for).

    Raises:
        DocumentError: The text is not one well-formed, plain YAML document.
    """
    loader = _Loader(text)
    builder = _YamlBuilder(loader, source, with_lines)
    try:
        builder.next()  # the start of the stream
        if loader.check_event(yaml.StreamEndEvent):
            raise DocumentError(source, [_empty()])
        builder.next()  # the start of the document
        data = builder.build()
        builder.next()  # the end of the document
        if not loader.check_event(yaml.StreamEndEvent):
            extra = builder.next()
            raise DocumentError(
                source,
                [
                    Problem(
                        "$",
                        "de tekst bevat meer dan één YAML-document (---); zet elk in een "
                        "eigen bestand",
                        "the text holds more than one YAML document (---); put each in a "
                        "file of its own",
                        "meerdere-documenten",
                        _line(extra),
                    )
                ],
            )
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "onleesbaar"
        raise _syntax_error(source, what, mark.line + 1 if mark is not None else None) from None
    except yaml.reader.ReaderError as exc:
        # libyaml counts the position in bytes of UTF-8, PyYAML's own reader in characters.
        if _BYTE_POSITIONS:
            line = text.encode("utf-8")[: exc.position].count(b"\n") + 1
        else:  # pragma: no cover - depends on the PyYAML build
            line = text[: exc.position].count("\n") + 1
        nl = "stuurtekens zijn niet toegestaan"
        en = "control characters are not allowed"
        raise DocumentError(
            source,
            [
                Problem(
                    "$", f"geen geldige YAML: {nl}", f"not valid YAML: {en}", "yaml-syntax", line
                )
            ],
        ) from None
    except yaml.YAMLError as exc:
        raise _syntax_error(source, str(exc), None) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise DocumentError(source, builder.problems)
    return data, builder.lines or {}


def _empty() -> Problem:
    return Problem("$", "het document is leeg", "the document is empty", "leeg-document")


class _Duplicates(dict[str, Any]):
    """A JSON object in which a key occurred more than once."""

    duplicates: list[str]


def _object_pairs(repeated: list[bool]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """The JSON reader's hook for objects; it notes in ``repeated`` when a key repeats."""

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        # A key occurred more than once: keep the first value and remember the repeats.
        first: dict[str, Any] = {}
        duplicates: list[str] = []
        for key, value in pairs:
            if key in first:
                duplicates.append(key)
            else:
                first[key] = value
        marked = _Duplicates(first)
        marked.duplicates = duplicates
        repeated.append(True)
        return marked

    return build


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _find_duplicates(data: Any, lines: dict[str, int]) -> list[Problem]:
    # A stack rather than recursion: the JSON reader accepts nesting close to the
    # interpreter's recursion limit.
    found: list[Problem] = []
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key in getattr(value, "duplicates", ()):
                here = child_path(path, key)
                found.append(
                    Problem(
                        here,
                        f"de sleutel {key!r} komt twee keer voor; de eerste waarde zou verloren "
                        "gaan",
                        f"the key {key!r} occurs twice; the first value would be lost",
                        "dubbele-sleutel",
                        lines.get(here),
                    )
                )
            stack.extend((child_path(path, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((child_path(path, i), item) for i, item in enumerate(value))
    return sorted(found, key=lambda p: p.line or 0)


def parse_json(text: str, source: str, *, with_lines: bool = False) -> tuple[Any, dict[str, int]]:
    """Parse a JSON document strictly: no duplicate keys, no NaN or Infinity.

    Args:
        text: The JSON text.
        source: Names the text in messages.
        with_lines: Also return the line of every value, by JSON path.

    Raises:
        DocumentError: The text is not well-formed JSON, or repeats a key.
    """
    if not text.strip():
        raise DocumentError(source, [_empty()])
    repeated: list[bool] = []
    try:
        data = json.loads(
            text, object_pairs_hook=_object_pairs(repeated), parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as exc:
        raise DocumentError(
            source,
            [
                Problem(
                    "$",
                    f"geen geldige JSON: {exc.msg}",
                    f"not valid JSON: {exc.msg}",
                    "json-syntax",
                    exc.lineno,
                )
            ],
        ) from None
    except (ValueError, RecursionError) as exc:
        raise DocumentError(
            source,
            [Problem("$", f"geen geldige JSON: {exc}", f"not valid JSON: {exc}", "json-syntax")],
        ) from None
    lines, repeats = _json_lines(text) if with_lines else ({}, {})
    if repeated:
        # Only a broken document pays for the line numbers.
        lines, repeats = _json_lines(text)
        raise DocumentError(source, _find_duplicates(data, {**lines, **repeats}))
    return data, lines


_JSON_TOKEN = re.compile(
    r"""(?P<str>"(?:[^"\\]|\\.)*")|(?P<open>[\[{])|(?P<close>[\]}])|(?P<colon>:)|(?P<comma>,)"""
    r"""|(?P<nl>\n)|(?P<lit>[^\s\[\]{}:,"]+)|(?P<ws>[ \t\r]+)""",
    re.DOTALL,
)


def json_lines(text: str) -> dict[str, int]:
    """The line of every value of a well-formed JSON text, by JSON path.

    The line of a value in an object is the line of its key.
    """
    return _json_lines(text)[0]


def _json_lines(text: str) -> tuple[dict[str, int], dict[str, int]]:
    # The lines of the first occurrence of every path, and of the repeats of a key.
    lines: dict[str, int] = {}
    repeats: dict[str, int] = {}
    line = 1
    # Each frame: [path, is_object, current key or index, expecting a key]
    stack: list[list[Any]] = []

    def value_path() -> str:
        if not stack:
            return "$"
        return child_path(stack[-1][0], stack[-1][2])

    for match in _JSON_TOKEN.finditer(text):
        kind = match.lastgroup
        lexeme = match.group()
        if kind == "nl":
            line += 1
        elif kind in ("ws", "colon"):
            continue
        elif kind == "comma":
            if stack and not stack[-1][1]:
                stack[-1][2] += 1
            elif stack:
                stack[-1][3] = True
        elif kind == "open":
            here = value_path()
            lines.setdefault(here, line)
            stack.append([here, True, None, True] if lexeme == "{" else [here, False, 0, False])
        elif kind == "close":
            if stack:
                stack.pop()
        elif kind == "str" and stack and stack[-1][1] and stack[-1][3]:
            key = json.loads(lexeme)
            stack[-1][2] = key
            stack[-1][3] = False
            here = child_path(stack[-1][0], key)
            if here in lines:
                repeats[here] = line
            lines.setdefault(here, line)
        else:
            lines.setdefault(value_path(), line)
    return lines, repeats


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _StableDumper(_Dumper):
    """Writes dates unquoted and text with line breaks as literal blocks."""


def _represent_str(dumper: _StableDumper, value: str) -> yaml.Node:
    if _ISO_DATE.fullmatch(value):
        # Tagged as a timestamp, the date is written plain; the reader keeps it as text.
        return dumper.represent_scalar(_TAG + "timestamp", value)
    if "\n" in value:
        return dumper.represent_scalar(_TAG + "str", value, style="|")
    return dumper.represent_str(value)


_StableDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """YAML text of plain data, keys in the given order, Unicode kept."""
    return yaml.dump(
        data,
        Dumper=_StableDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


def dump_json(data: Any) -> str:
    """JSON text of plain data, indented, keys in the given order, Unicode kept."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
