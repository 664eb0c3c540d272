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
from typing import Any

import yaml

from duaal_leren.exceptions import DocumentError, Problem

try:  # The C parser is much faster; fall back when PyYAML was built without libyaml.
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["child_path", "dump_json", "dump_yaml", "json_lines", "parse_json", "parse_yaml"]

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


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


class _YamlBuilder:
    """Builds plain Python data from a composed YAML node tree, gathering problems."""

    def __init__(self, with_lines: bool) -> None:
        self.problems: list[Problem] = []
        self.lines: dict[str, int] | None = {} if with_lines else None
        self.seen: set[int] = set()

    def problem(self, node: yaml.Node, path: str, code: str, nl: str, en: str) -> None:
        self.problems.append(Problem(path, nl, en, code, node.start_mark.line + 1))

    def build(self, node: yaml.Node, path: str) -> Any:
        if self.lines is not None:
            self.lines[path] = node.start_mark.line + 1
        if id(node) in self.seen:
            self.problem(
                node,
                path,
                "yaml-alias",
                "ankers en aliassen (&, *) zijn niet toegestaan; schrijf de waarde uit",
                "anchors and aliases (&, *) are not allowed; write the value out",
            )
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                return self.bad_tag(node, path)
            return [self.build(item, child_path(path, i)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: str) -> Any:
        if node.tag != _TAG + "map":
            return self.bad_tag(node, path)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self.problem(
                    key_node,
                    path,
                    "yaml-merge",
                    "samenvoegsleutels (<<) zijn niet toegestaan",
                    "merge keys (<<) are not allowed",
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(
                    key_node,
                    path,
                    "yaml-sleutel",
                    "een sleutel moet een eenvoudige tekst zijn",
                    "a key must be plain text",
                )
                continue
            key = str(key_node.value)
            here = child_path(path, key)
            if key in result:
                self.problem(
                    key_node,
                    here,
                    "dubbele-sleutel",
                    f"de sleutel {key!r} komt twee keer voor; de eerste waarde zou verloren gaan",
                    f"the key {key!r} occurs twice; the first value would be lost",
                )
                continue
            result[key] = self.build(value_node, here)
        return result

    def scalar(self, node: yaml.Node, path: str) -> Any:
        value = str(node.value)
        tag = node.tag
        if tag == _TAG + "str" or tag == _TAG + "timestamp":
            return value
        if tag == _TAG + "null":
            return None if value in _NULL else value
        if tag == _TAG + "bool":
            return _BOOL.get(value, value)
        if tag == _TAG + "int":
            return int(value) if _INT.fullmatch(value) else value
        if tag == _TAG + "float":
            return float(value) if _FLOAT.fullmatch(value) else value
        return self.bad_tag(node, path)

    def bad_tag(self, node: yaml.Node, path: str) -> None:
        self.problem(
            node,
            path,
            "yaml-tag",
            f"de tag {node.tag!r} is niet toegestaan",
            f"the tag {node.tag!r} is not allowed",
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
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "onleesbaar"
        raise DocumentError(
            source,
            [
                Problem(
                    "$",
                    f"geen geldige YAML: {what}",
                    f"not valid YAML: {what}",
                    "yaml-syntax",
                    line,
                )
            ],
        ) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise DocumentError(
            source, [Problem("$", f"geen geldige YAML: {exc}", f"not valid YAML: {exc}", "yaml-syntax")]
        ) from None
    finally:
        loader.dispose()
    if node is None:
        raise DocumentError(source, [_empty()])
    builder = _YamlBuilder(with_lines)
    try:
        data = builder.build(node, "$")
    except RecursionError:
        raise DocumentError(
            source,
            [Problem("$", "het document is te diep genest", "the document is nested too deeply")],
        ) from None
    if builder.problems:
        raise DocumentError(source, builder.problems)
    return data, builder.lines or {}


def _empty() -> Problem:
    return Problem("$", "het document is leeg", "the document is empty", "leeg-document")


class _Duplicates(dict[str, Any]):
    """A JSON object in which a key occurred more than once."""

    duplicates: list[str]


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    duplicates: list[str] = []
    for key, value in pairs:
        if key in result:
            duplicates.append(key)
        else:
            result[key] = value
    if not duplicates:
        return result
    marked = _Duplicates(result)
    marked.duplicates = duplicates
    return marked


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _find_duplicates(data: Any, path: str, lines: dict[str, int], out: list[Problem]) -> None:
    if isinstance(data, dict):
        for key in getattr(data, "duplicates", ()):
            here = child_path(path, key)
            out.append(
                Problem(
                    here,
                    f"de sleutel {key!r} komt twee keer voor; de eerste waarde zou verloren gaan",
                    f"the key {key!r} occurs twice; the first value would be lost",
                    "dubbele-sleutel",
                    lines.get(here),
                )
            )
        for key, value in data.items():
            _find_duplicates(value, child_path(path, key), lines, out)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            _find_duplicates(item, child_path(path, i), lines, out)


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
    try:
        data = json.loads(text, object_pairs_hook=_object_pairs, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            source,
            [Problem("$", f"geen geldige JSON: {exc.msg}", f"not valid JSON: {exc.msg}", "json-syntax", exc.lineno)],
        ) from None
    except (ValueError, RecursionError) as exc:
        raise DocumentError(
            source, [Problem("$", f"geen geldige JSON: {exc}", f"not valid JSON: {exc}", "json-syntax")]
        ) from None
    lines = json_lines(text) if with_lines else {}
    problems: list[Problem] = []
    _find_duplicates(data, "$", lines, problems)
    if problems:
        raise DocumentError(source, problems)
    return data, lines


_JSON_TOKEN = re.compile(
    r"""(?P<str>"(?:[^"\\]|\\.)*")|(?P<open>[\[{])|(?P<close>[\]}])|(?P<colon>:)|(?P<comma>,)"""
    r"""|(?P<nl>\n)|(?P<lit>[^\s\[\]{}:,"]+)|(?P<ws>[ \t\r]+)""",
    re.DOTALL,
)


def json_lines(text: str) -> dict[str, int]:
    """The line of every value of a well-formed JSON text, by JSON path."""
    lines: dict[str, int] = {}
    line = 1
    # Each frame: [path, is_object, current key or index, expecting_key]
    stack: list[list[Any]] = []
    pending_key: str | None = None

    def value_path() -> str:
        if not stack:
            return "$"
        path, is_object, key, _ = stack[-1]
        return child_path(path, key if is_object else key)

    for match in _JSON_TOKEN.finditer(text):
        kind = match.lastgroup
        token = match.group()
        if kind == "nl":
            line += 1
        elif kind == "ws" or kind == "colon":
            continue
        elif kind == "comma":
            if stack and not stack[-1][1]:
                stack[-1][2] += 1
            elif stack:
                stack[-1][3] = True
        elif kind == "open":
            here = value_path()
            lines.setdefault(here, line)
            if token == "{":
                stack.append([here, True, None, True])
            else:
                stack.append([here, False, 0, False])
        elif kind == "close":
            stack.pop()
        elif kind == "str" and stack and stack[-1][1] and stack[-1][3]:
            pending_key = json.loads(token)
            stack[-1][2] = pending_key
            stack[-1][3] = False
            lines.setdefault(child_path(stack[-1][0], pending_key), line)
        else:
            lines.setdefault(value_path(), line)
            line += token.count("\n")
    return lines


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _StableDumper(_Dumper):
    """Writes dates unquoted and text with line breaks as literal blocks."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _ISO_DATE.fullmatch(value):
        # Tagged as a timestamp, the date is written plain; the reader keeps it as text.
        return dumper.represent_scalar(_TAG + "timestamp", value)
    if "\n" in value:
        return dumper.represent_scalar(_TAG + "str", value, style="|")
    return dumper.represent_str(value)


_StableDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """YAML text of plain data, keys in the given order, Unicode kept."""
    return yaml.dump(  # noqa: S506 - a safe dumper is used
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
