"""Strict readers and stable writers for YAML and JSON text.

PyYAML on its own keeps the last of two equal keys (losing data), follows anchors and
aliases without bound, builds objects from custom tags, and reads ``no`` as ``False`` and
``08:30`` as a number. These readers use PyYAML (its C parser when present) only to parse,
and build the data themselves: duplicate keys, aliases, merge keys, non-standard tags, tags
that contradict their value (``!!int Elektro``), lone surrogates and nesting deeper than 100
levels are problems; plain scalars follow the YAML 1.2 core schema, narrowed so that
everything PyYAML writes reads back the same; dates stay ISO text for the converter to check.
Every problem carries its JSON path and line, and all problems of a text are reported
together. A broken document costs time linear in its length, and line numbers are kept only
for the paths asked for.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Callable, Collection
from typing import Any

import orjson
import yaml

from duaal_leren.exceptions import DocumentError, Problem, excerpt

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
    "find_lines",
    "json_lines",
    "line_for",
    "lone_surrogate",
    "parse_json",
    "parse_yaml",
    "yaml_lines",
]

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


# The last step of a path as `child_path` writes it: ``.name``, ``[3]`` or ``["any key"]``
# (a JSON string, which may itself hold ``]``, ``.`` or an escaped quote).
_LAST_STEP = re.compile(r'(\.[^.\[]+|\[[0-9]+\]|\["(?:[^"\\]|\\.)*"\])$')


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


def _with_ancestors(paths: Collection[str]) -> set[str]:
    """The paths, and every path that holds one of them."""
    found: set[str] = set()
    for path in paths:
        while path not in found:
            found.add(path)
            parent = _LAST_STEP.sub("", path) or "$"
            if parent == path:
                break
            path = parent
    return found


def child_path(path: str, key: str | int) -> str:
    """The JSON path of a mapping key or a list index below ``path``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if _IDENT.fullmatch(key):
        return f"{path}.{key}"
    quoted = json.dumps(key, ensure_ascii=False)
    if not quoted.isascii():
        # A lone surrogate cannot be written out: escape it, as JSON itself would.
        quoted = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return f"{path}[{quoted}]"


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def lone_surrogate(text: str) -> str | None:
    """The first lone surrogate in ``text`` as ``U+D800``, or ``None`` when it holds none.

    A lone surrogate is no Unicode character: text holding one cannot be written as UTF-8.
    """
    if text.isascii():  # constant time in CPython, and true of most text
        return None
    found = _SURROGATE.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


_TAG = "tag:yaml.org,2002:"
_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_BOOL["FALSE"] = False
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
# The forms of YAML's timestamp type (yaml.org/type/timestamp.html).
_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
)


def _is_timestamp(text: str) -> bool:
    """Whether the text is a timestamp of YAML that names a moment that exists."""
    found = _TIMESTAMP.fullmatch(text)
    if found is None:
        return False
    numbers = [int(part) for part in found.groups() if part is not None]
    year, month, day, *time = numbers
    try:
        datetime.date(year, month, day)  # 2025-13-45 does not exist
        if time:
            datetime.time(time[0], time[1], time[2])  # nor does 25:00:00
    except ValueError:
        return False
    return True


_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _line(event: yaml.Event) -> int | None:
    mark = event.start_mark
    return mark.line + 1 if mark is not None else None


class _LinesFound(Exception):
    """Every line asked for is known: the rest of the text need not be read."""


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


def _too_deep(source: str, path: str, line: int | None) -> DocumentError:
    return DocumentError(
        source,
        [
            Problem(
                path,
                f"het document is te diep genest (meer dan {_MAX_DEPTH} niveaus)",
                f"the document is nested too deeply (more than {_MAX_DEPTH} levels)",
                "te-diep",
                line,
            )
        ],
    )


# What the nesting scan looks for in a flow collection, and how it passes over the rest.
_FLOW_TOKEN = re.compile(r"[\[\]{}\"'#\n]")
_DOUBLE_QUOTED = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"')
_SINGLE_QUOTED = re.compile(r"'[^']*+(?:''[^']*+)*+'")
_SPACES = re.compile(r"[ \t]*+")
_PROPERTIES = re.compile(r"(?:[&!][^ \t]*+[ \t]*+)*+")
_KEY_END = re.compile(r":(?=[ \t]|$)|[ \t]#")


def _after(pattern: re.Pattern[str], text: str, start: int) -> int:
    """Where a match of ``pattern`` at ``start`` ends (the patterns here match anywhere)."""
    found = pattern.match(text, start)
    return start if found is None else found.end()


def _quote_end(text: str, start: int) -> int:
    """Where the quoted scalar that opens at ``start`` ends, or -1 when it does not."""
    pattern = _SINGLE_QUOTED if text[start] == "'" else _DOUBLE_QUOTED
    found = pattern.match(text, start)
    return -1 if found is None else found.end()


def _deep_line(text: str, last_line: int | None) -> int | None:
    """The line where the nesting of a YAML text first goes past `_MAX_DEPTH`, if it does.

    libyaml has limits of its own and reads ahead of the events it hands out: on ``[`` x
    50,000 it gives up, in words of its own, before the builder has seen the 101st level.
    After libyaml refused a text, this scan decides whether the text nests too deeply up to
    the line of libyaml's error (``None``: anywhere), so that the answer does not depend on
    libyaml's limits or wording. It is a cheap estimate, not a parser: it counts flow
    brackets outside quotes and comments, and block collections by their indentation. It
    runs only on texts that libyaml refused, in time linear in their length.
    """
    # Each open block collection: its column, and its kind ("seq", "map", or "bare" for a
    # sequence written at the column of the key it belongs to).
    blocks: list[tuple[int, str]] = []
    line = 1
    pos = 0
    size = len(text)
    literal: int | None = None  # the lines indented beyond this column are a block scalar
    while pos < size and (last_line is None or line <= last_line):
        eol = text.find("\n", pos)
        if eol < 0:
            eol = size
        raw = text[pos:eol]
        start, pos, line = pos, eol + 1, line + 1  # the next line, unless a value spans lines
        indent = _after(_SPACES, raw, 0)
        if literal is not None:
            if indent == len(raw) or indent > literal:
                continue
            literal = None
        if indent == len(raw) or raw[indent] == "#" or raw.startswith("%"):
            continue
        while blocks and blocks[-1][0] > indent:
            blocks.pop()
        i = indent
        if raw.startswith(("---", "...")) and raw[3:4] in ("", " ", "\t"):
            blocks.clear()
            i = _after(_SPACES, raw, 3)
        entry = raw.startswith("-", i) and raw[i + 1 : i + 2] in ("", " ", "\t")
        if blocks and blocks[-1] == (indent, "bare") and not entry:
            blocks.pop()
        # Entries of block sequences and explicit keys, several on one line: "- - x".
        while i < len(raw) and raw[i] in "-?" and raw[i + 1 : i + 2] in ("", " ", "\t"):
            kind = "seq" if raw[i] == "-" else "map"
            if not blocks or i > blocks[-1][0]:
                blocks.append((i, kind))
            elif kind == "seq" and blocks[-1] == (i, "map"):
                blocks.append((i, "bare"))
            i = _after(_SPACES, raw, i + 1)
            if len(blocks) > _MAX_DEPTH:
                return line - 1
        i = _after(_PROPERTIES, raw, i)
        if i >= len(raw):
            continue
        key_at = i
        if raw[i] in "'\"":
            end = _quote_end(text, start + i)
            if end < 0:
                return None
            if end > eol:  # a quoted scalar over several lines
                line += text.count("\n", start + i, end)
                eol = text.find("\n", end)
                pos = size if eol < 0 else eol + 1
                continue
            after = _after(_SPACES, raw, end - start)
            if not (raw.startswith(":", after) and raw[after + 1 : after + 2] in ("", " ", "\t")):
                continue
            i = after
        elif raw[i] not in "[{|>#*":
            found = _KEY_END.search(raw, i)
            if found is None or found.group() != ":":
                continue  # plain text
            i = found.start()
        else:
            key_at = -1
        if key_at >= 0:
            if not blocks or key_at > blocks[-1][0]:
                blocks.append((key_at, "map"))
                if len(blocks) > _MAX_DEPTH:
                    return line - 1
            i = _after(_PROPERTIES, raw, _after(_SPACES, raw, i + 1))
            if i >= len(raw):
                continue
        if raw[i] in "[{":
            pos, line, flow, deep = _scan_flow(text, start + i, line - 1, len(blocks), last_line)
            if deep:
                return line
            if flow:  # the text, or the lines to look at, ended inside the collection
                return None
            # Whatever follows a flow collection on its line opens nothing.
            eol = text.find("\n", pos)
            if eol < 0:
                return None
            pos, line = eol + 1, line + 1
        elif raw[i] in "|>":
            literal = blocks[-1][0] if blocks else -1
        elif raw[i] in "'\"":
            end = _quote_end(text, start + i)
            if end < 0:
                return None
            if end > eol:
                line += text.count("\n", start + i, end)
                eol = text.find("\n", end)
                pos = size if eol < 0 else eol + 1
    return None


def _scan_flow(
    text: str, pos: int, line: int, blocks: int, last_line: int | None
) -> tuple[int, int, int, bool]:
    """Follows the flow collection that opens at ``pos`` until it closes.

    Returns:
        Where the scan stopped, its line, the flow depth there, and whether the nesting
        went past `_MAX_DEPTH` (then the line is where it did).
    """
    size = len(text)
    flow = 0
    while True:
        found = _FLOW_TOKEN.search(text, pos)
        if found is None:
            return size, line, flow, False
        start = found.start()
        char = text[start]
        pos = start + 1
        if char == "\n":
            line += 1
            if last_line is not None and line > last_line:
                return pos, line, flow, False
        elif char in "[{":
            flow += 1
            if flow + blocks > _MAX_DEPTH:
                return pos, line, flow, True
        elif char in "]}":
            flow -= 1
            if flow <= 0:
                return pos, line, 0, False
        elif char == "#":
            if start == 0 or text[start - 1] in " \t\n":  # a comment, to the end of its line
                eol = text.find("\n", pos)
                pos = size if eol < 0 else eol
        elif start == 0 or text[start - 1] in " \t\n[{,:?":  # a quote where a value starts
            end = _quote_end(text, start)
            if end < 0:
                return size, line, flow, False
            line += text.count("\n", start, end)
            pos = end


class _YamlBuilder:
    """Builds plain Python data from the parser's events of one document, gathering problems.

    It works from events with an explicit stack rather than from a composed node tree:
    libyaml composes nodes recursively in C and crashes the interpreter on a deeply
    nested document, while the stack stops cleanly at `_MAX_DEPTH`. Aliases are refused
    as events, so an anchor alone (``&a``) is harmless.
    """

    def __init__(
        self,
        loader: _Loader,
        source: str,
        with_lines: bool | Collection[str],
        lines_only: bool = False,
    ) -> None:
        self.loader = loader
        self.source = source
        # PyYAML's stubs leave ``resolve`` untyped.
        self.resolve: Callable[[type[yaml.Node], str | None, Any], str] = loader.resolve
        self.problems: list[Problem] = []
        self.lines: dict[str, int] | None = None if with_lines is False else {}
        # The paths whose lines are asked for, with what holds them; None: every path.
        self.targets: set[str] | None = None
        # With ``lines_only``, the paths still to be found, and which of them each
        # collection holds: the walk ends once every path is found or cannot be any more.
        self.pending: set[str] | None = None
        self.below: dict[str, list[str]] = {}
        if with_lines is not True and with_lines is not False:
            self.targets = _with_ancestors(with_lines)
            if lines_only:
                self.pending = set(self.targets)
                for path in self.targets:
                    parent = _LAST_STEP.sub("", path) or "$"
                    if parent != path:
                        self.below.setdefault(parent, []).append(path)

    def next(self) -> yaml.Event:
        event = self.loader.get_event()
        if event is None:  # pragma: no cover - the parser ends every stream with its end
            raise yaml.YAMLError("unexpected end of the stream")
        return event

    def problem(self, event: yaml.Event, path: str, code: str, nl: str, en: str) -> None:
        self.problems.append(Problem(path, nl, en, code, _line(event)))

    def tag(self, event: Any, kind: type[yaml.Node]) -> str:
        tag = event.tag
        if tag == "!" and kind is yaml.ScalarNode:
            # The non-specific tag makes a scalar text (YAML 1.2, 6.9.1); libyaml marks it
            # implicit, which would resolve ``! 12`` to a number.
            return _TAG + "str"
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
                    f"de sleutel {excerpt(key)} komt twee keer voor; de eerste waarde zou verloren gaan",
                    f"the key {excerpt(key)} occurs twice; the first value would be lost",
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

    def alias(self, event: yaml.Event, path: str) -> None:
        self.problem(
            event,
            path,
            "yaml-alias",
            "ankers en aliassen (&, *) zijn niet toegestaan; schrijf de waarde uit",
            "anchors and aliases (&, *) are not allowed; write the value out",
        )

    def found_all_of(self, path: str) -> None:
        """A collection has ended: what it would hold and was not found, it does not hold."""
        assert self.pending is not None  # noqa: S101 - called only with lines_only
        stack = list(self.below.get(path, ()))
        while stack:
            missing = stack.pop()
            if missing in self.pending:
                self.pending.discard(missing)
                stack.extend(self.below.get(missing, ()))
        if not self.pending:
            raise _LinesFound

    def build(self) -> Any:
        """The data of the next node of the event stream, with everything below it."""
        stack: list[_Sequence | _Mapping] = []
        while True:
            event = self.next()
            if isinstance(event, _END):
                closed = stack.pop()
                value: Any = closed.items
                if self.pending is not None:
                    self.found_all_of(closed.path)
            else:
                top = stack[-1] if stack else None
                if isinstance(top, _Mapping) and top.key is None:
                    self.key(event, top)
                    continue
                path = top.child() if top is not None else "$"
                line = _line(event)
                if (
                    self.lines is not None
                    and line is not None
                    and (self.targets is None or path in self.targets)
                ):
                    self.lines[path] = line
                    if self.pending is not None:
                        self.pending.discard(path)
                        if not self.pending:
                            raise _LinesFound
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
                            # "$": the path of a value this deep says nothing its line does not.
                            raise _too_deep(self.source, "$", _line(event))
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
        # A tag written out (``!!int x``) must fit the value, as YAML requires; an implicit
        # one only says what the plain text looks like, and text that fits no form stays text.
        explicit = event.tag is not None and event.tag != "!"
        if tag == _TAG + "str":
            return value
        if tag == _TAG + "timestamp":
            if explicit and not _is_timestamp(value):
                return self.contradicts(event, tag, path)
            return value
        if tag == _TAG + "null":
            if value in _NULL:
                return None
            return self.contradicts(event, tag, path) if explicit else value
        if tag == _TAG + "bool":
            if value in _BOOL:
                return _BOOL[value]
            return self.contradicts(event, tag, path) if explicit else value
        if tag == _TAG + "int":
            if not _INT.fullmatch(value):
                return self.contradicts(event, tag, path) if explicit else value
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
            # The core schema's floats include whole numbers: ``!!float 12`` is 12.0.
            if _FLOAT.fullmatch(value) or (explicit and _INT.fullmatch(value)):
                return float(value)
            return self.contradicts(event, tag, path) if explicit else value
        self.bad_tag(event, tag, path)
        return None

    def contradicts(self, event: yaml.Event, tag: str, path: str) -> None:
        # The value is not quoted: it may be personal data, and this reader does not know
        # which fields are.
        short = "!!" + tag.removeprefix(_TAG)
        self.problem(
            event,
            path,
            "yaml-tag",
            f"de waarde past niet bij de tag {short}",
            f"the value does not fit the tag {short}",
        )

    def bad_tag(self, event: yaml.Event, tag: str, path: str) -> None:
        self.problem(
            event,
            path,
            "yaml-tag",
            f"de tag {excerpt(tag)} is niet toegestaan",
            f"the tag {excerpt(tag)} is not allowed",
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


def parse_yaml(
    text: str, source: str, *, with_lines: bool | Collection[str] = False
) -> tuple[Any, dict[str, int]]:
    """Parse one YAML document strictly.

    Args:
        text: The YAML text.
        source: Names the text in messages (a file path or ``<tekst>``).
        with_lines: Also return the line of every value (``True``), or only of the values at
            these JSON paths and of the mappings and sequences that hold them, by JSON path.

    Returns:
        The data, and the lines by JSON path (empty unless asked for).

    Raises:
        DocumentError: The text is not one well-formed, plain YAML document.
    """
    try:
        loader = _Loader(text)
    except UnicodeEncodeError as exc:
        # libyaml reads UTF-8: a text given in code may hold a lone surrogate, which is no
        # Unicode character and has none.
        bad = f"U+{ord(text[exc.start]):04X}"
        raise DocumentError(
            source,
            [
                Problem(
                    "$",
                    f"de tekst bevat een losse surrogaat ({bad}), geen geldig Unicode-teken",
                    f"the text holds a lone surrogate ({bad}), which is not a valid Unicode "
                    "character",
                    "ongeldig-teken",
                    text.count("\n", 0, exc.start) + 1,
                )
            ],
        ) from None
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
        line = mark.line + 1 if mark is not None else None
        _refuse_if_deep(text, source, line)
        what = exc.problem or exc.context or "onleesbaar"
        raise _syntax_error(source, what, line) from None
    except yaml.reader.ReaderError as exc:
        # libyaml counts the position in bytes of UTF-8, PyYAML's own reader in characters.
        if _BYTE_POSITIONS:
            line = text.encode("utf-8", "surrogatepass")[: exc.position].count(b"\n") + 1
        else:  # pragma: no cover - depends on the PyYAML build
            line = text[: exc.position].count("\n") + 1
        _refuse_if_deep(text, source, line)
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
        _refuse_if_deep(text, source, None)
        raise _syntax_error(source, str(exc), None) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise DocumentError(source, builder.problems)
    return data, builder.lines or {}


def yaml_lines(text: str, wanted: Collection[str]) -> dict[str, int]:
    """The lines of the values at these JSON paths, and of what holds them, in a YAML text.

    For the problems of a document already read: the text is read only as far as the last
    line asked for, so a broken document of megabytes whose problems come early is not read
    a second time whole. A path that is not in the text has no line.
    """
    try:
        loader = _Loader(text)
    except UnicodeEncodeError:
        return {}
    builder = _YamlBuilder(loader, "<tekst>", wanted, lines_only=True)
    try:
        builder.next()  # the start of the stream
        if not loader.check_event(yaml.StreamEndEvent):
            builder.next()  # the start of the document
            builder.build()
    except (_LinesFound, yaml.YAMLError, DocumentError):
        pass  # every line asked for is found, or the text ends early: keep what is found
    finally:
        loader.dispose()
    return builder.lines or {}


def find_lines(text: str, format: str, paths: Collection[str]) -> dict[str, int | None]:
    """The line of each JSON path in a document's text: the one lookup of lines.

    Problems of a document that cannot be read, and findings of the rules on one that can,
    get their lines here. A value that is not in the text (a missing field) gets the line
    of the nearest object that holds it; a path with no such object has no line.

    Args:
        text: The document's text, as it was read.
        format: ``"json"`` or ``"yaml"``, as the text was read.
        paths: The JSON paths to look up.
    """
    if not paths:
        return {}
    wanted = set(paths)
    lines = json_lines(text, wanted) if format == "json" else yaml_lines(text, wanted)
    return {path: line_for(path, lines) for path in wanted}


def _refuse_if_deep(text: str, source: str, line: int | None) -> None:
    """Say ``te-diep`` when the text nests too deeply before the line where libyaml stopped.

    libyaml may stop on a deep text before the builder does, with an error of its own: the
    same text then gets the same answer whatever libyaml's limits and wording are.
    """
    deep = _deep_line(text, line)
    if deep is not None:
        raise _too_deep(source, "$", deep)


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


class _TooManyDigits:
    """Stands for a JSON number of more digits than Python converts to an int.

    Python refuses long digit strings (a guard against denial of service, see
    `sys.get_int_max_str_digits`); no plan needs such a number.
    """

    __slots__ = ()


_TOO_MANY_DIGITS = _TooManyDigits()


def _checked_int(digits: str) -> Any:
    try:
        return int(digits)
    except ValueError:
        return _TOO_MANY_DIGITS


# A lone surrogate reaches JSON data through an escape such as \ud800 (a pair of them is
# one character), or through a text given in code.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _may_hold_surrogates(text: str) -> bool:
    if "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None:
        return True
    return lone_surrogate(text) is not None


# Each problem found in JSON data: its path, code, messages, and whether its line is that of
# a repeated key rather than of the first occurrence.
_Found = tuple[str, str, str, str, bool]


def _found_in_text(node: tuple[Any, str | int] | None, text: str, is_key: bool) -> _Found | None:
    bad = lone_surrogate(text)
    if bad is None:
        return None
    # The text itself is not quoted: it may be personal data.
    nl, en = ("de sleutel", "the key") if is_key else ("de tekst", "the text")
    return (
        _path_of(node),
        "ongeldig-teken",
        f"{nl} bevat een losse surrogaat ({bad}), geen geldig Unicode-teken",
        f"{en} holds a lone surrogate ({bad}), which is not a valid Unicode character",
        False,
    )


def _path_of(node: tuple[Any, str | int] | None) -> str:
    """The JSON path of a node of `_json_problems`: (parent node, key), the root ``None``."""
    steps: list[str | int] = []
    while node is not None:
        node, key = node
        steps.append(key)
    path = "$"
    for key in reversed(steps):
        path = child_path(path, key)
    return path


def _items(
    container: Any, node: tuple[Any, str | int] | None, found: list[_Found], texts: bool
) -> Any:
    """The items of a JSON list or object; notes the problems of an object's keys."""
    if type(container) is list:
        return enumerate(container)
    for key in getattr(container, "duplicates", ()):
        found.append(
            (
                _path_of((node, key)),
                "dubbele-sleutel",
                f"de sleutel {excerpt(key)} komt twee keer voor; de eerste waarde zou "
                "verloren gaan",
                f"the key {excerpt(key)} occurs twice; the first value would be lost",
                True,
            )
        )
    if texts:
        for key in container:
            problem = _found_in_text((node, key), key, is_key=True)
            if problem is not None:
                found.append(problem)
    return iter(container.items())


def _json_problems(data: Any, *, texts: bool, numbers: bool) -> list[_Found]:
    """Repeated keys, and if asked lone surrogates and too long numbers, in JSON data.

    A stack rather than recursion (the JSON reader accepts nesting close to the
    interpreter's recursion limit); a path is spelled out only for a problem.
    """
    found: list[_Found] = []

    def scalar(node: tuple[Any, str | int] | None, value: Any) -> None:
        if value is _TOO_MANY_DIGITS:
            found.append(
                (
                    _path_of(node),
                    "ongeldige-waarde",
                    "het getal heeft te veel cijfers",
                    "the number has too many digits",
                    False,
                )
            )
        elif type(value) is str:
            problem = _found_in_text(node, value, is_key=False)
            if problem is not None:
                found.append(problem)

    scalar(None, data)
    # One iterator per open collection: holding every item of a long list at once would
    # cost memory, and make the garbage collector go over the whole document again and again.
    stack: list[tuple[tuple[Any, str | int] | None, Any]] = []
    if isinstance(data, dict | list):
        stack.append((None, _items(data, None, found, texts)))
    while stack:
        node, items = stack[-1]
        for key, value in items:
            kind = type(value)
            if kind is dict or kind is list or kind is _Duplicates:
                child = (node, key)
                stack.append((child, _items(value, child, found, texts)))
                break
            if (texts and kind is str) or (numbers and value is _TOO_MANY_DIGITS):
                scalar((node, key), value)
        else:
            stack.pop()
    return found


def parse_json(
    text: str, source: str, *, with_lines: bool | Collection[str] = False
) -> tuple[Any, dict[str, int]]:
    """Parse a JSON document strictly.

    No duplicate keys, no NaN or Infinity, no numbers of more digits than Python converts,
    no lone surrogates (``"\ud800"``: no Unicode character, and no text can be written with
    one).

    Args:
        text: The JSON text.
        source: Names the text in messages.
        with_lines: Also return the line of every value (``True``), or only of the values at
            these JSON paths and of the objects and lists that hold them.

    Raises:
        DocumentError: The text is not well-formed JSON, or holds what is refused above.
    """
    if not text or text.isspace():
        raise DocumentError(source, [_empty()])
    data = _parse_json_fast(text)
    if data is _UNSURE:
        data = _parse_json_detailed(text, source)
    if with_lines is False:
        return data, {}
    return data, _json_lines(text, None if with_lines is True else with_lines)[0]


_UNSURE: Any = object()


def _parse_json_fast(text: str) -> Any:
    r"""The data of a JSON text read by orjson, or ``_UNSURE`` when `json` must decide.

    orjson refuses what this reader refuses (NaN and Infinity, lone surrogates, numbers too
    big for a float) but for two things, which are checked here at the cost of two counts:

    - a repeated key: orjson keeps the last value. Every key and every text of the document
      is one quoted string; without repeats, the data holds exactly the strings of the text,
      and writing it back (orjson, compact) shows the same number of string quotes. A repeat
      drops at least its key, so fewer quotes come back. Quotes are counted as the number of
      ``"`` less the escaped ones (``\"``), which is exact while no backslash is escaped
      (``\\``); a text that escapes one goes to `json`, as does the data.
    - an integer beyond 64 bits: orjson reads it as a float (`json` as the exact int). Such
      a float is at least 2**63 and orjson writes it with an exponent (``e+18`` or more):
      a digit, ``e`` and ``+`` anywhere in the written data sends the text to `json`.

    orjson also refuses nesting deeper than its limits, which `json` then decides.
    Whatever orjson refuses goes to `json`, so every problem is reported as before.
    """
    try:
        data = _orjson_loads(text)
        written = _orjson_dumps(data)
    except (_OrjsonDecodeError, _OrjsonEncodeError):
        return _UNSURE
    plus = written.find(b"+")
    while plus != -1:  # a "+" is rare outside such a float: a phone number
        if written[plus - 1 : plus] == b"e" and written[plus - 2 : plus - 1].isdigit():
            return _UNSURE
        plus = written.find(b"+", plus + 1)
    if "\\" in text:
        if "\\\\" in text:
            return _UNSURE
        quotes = text.count('"') - text.count('\\"')
    else:
        quotes = text.count('"')
    if b"\\" in written:
        if b"\\\\" in written:
            return _UNSURE
        quotes -= written.count(b'"') - written.count(b'\\"')
    else:
        quotes -= written.count(b'"')
    return data if quotes == 0 else _UNSURE


def _parse_json_detailed(text: str, source: str) -> Any:
    """The data of a JSON text read by `json`, every problem found with its path and line."""
    repeated: list[bool] = []
    checked_numbers = False
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
    except RecursionError as exc:
        raise _json_error(source, exc) from None
    except ValueError:
        # NaN or Infinity, or a number of too many digits: read again to tell which, and
        # where. Only a broken document pays for that.
        repeated.clear()
        try:
            data = json.loads(
                text,
                object_pairs_hook=_object_pairs(repeated),
                parse_constant=_refuse_constant,
                parse_int=_checked_int,
            )
        except (ValueError, RecursionError) as exc:
            raise _json_error(source, exc) from None
        checked_numbers = True
    texts = _may_hold_surrogates(text)
    if repeated or checked_numbers or texts:
        found = _json_problems(data, texts=texts, numbers=checked_numbers)
        if found:
            # Only a broken document pays for line numbers, and only for its problems.
            lines, repeats = _json_lines(text, [f[0] for f in found])
            problems = [
                Problem(
                    path,
                    nl,
                    en,
                    code,
                    repeats.get(path) if at_repeat else line_for(path, lines),
                )
                for path, code, nl, en, at_repeat in found
            ]
            problems.sort(key=lambda p: p.line or 0)
            raise DocumentError(source, problems)
    return data


_orjson_loads = orjson.loads
_orjson_dumps = orjson.dumps
_OrjsonDecodeError = orjson.JSONDecodeError
_OrjsonEncodeError = orjson.JSONEncodeError
_INDENT_2 = orjson.OPT_INDENT_2


def _json_error(source: str, exc: BaseException) -> DocumentError:
    return DocumentError(
        source,
        [Problem("$", f"geen geldige JSON: {exc}", f"not valid JSON: {exc}", "json-syntax")],
    )


# Tokens of JSON text, and the parts that nest. The quantifiers are possessive: the regular
# expression engine then keeps no state per character of a long text, nor per escape.
_JSON_STRING = r'"[^"\\]*+(?:\\.[^"\\]*+)*+"'
_JSON_LITERAL = r'[^\s\[\]{},:"]++'
_JSON_TOKEN = re.compile(_JSON_STRING + r"|[\[\]{},:]|" + _JSON_LITERAL, re.DOTALL)


def _nested(levels: int) -> str:
    """A pattern for a JSON list or object with at most ``levels`` levels of them inside."""
    inner = ""
    for _ in range(levels):
        inner = r'[\[{](?:[^\[\]{}"]++|' + _JSON_STRING + (f"|{inner}" if inner else "")
        inner += r")*+[\]}]"
    return inner


# Collections passed over whole: most are shallower than this, and one match of the regular
# expression engine passes over a list of a million objects in well under a second.
_JSON_NESTED = _nested(6)
_JSON_NESTING = re.compile(_JSON_STRING + "|" + _JSON_NESTED + r"|[\[\]{}]", re.DOTALL)


@functools.lru_cache(maxsize=64)
def _json_items(count: int) -> re.Pattern[str]:
    """A pattern for ``count`` items of a JSON list, each followed by its comma."""
    item = f"(?:{_JSON_STRING}|{_JSON_NESTED}|{_JSON_LITERAL})"
    return re.compile(rf"(?:\s*+{item}\s*+,){{{count}}}+", re.DOTALL)


def json_lines(text: str, wanted: Collection[str] | None = None) -> dict[str, int]:
    """The line of every value of a well-formed JSON text, by JSON path.

    The line of a value in an object is the line of its key. With ``wanted``, only the
    lines of the values at those paths and of what holds them.
    """
    return _json_lines(text, wanted)[0]


def _step(text: str) -> str | int | None:
    """The key or index of the last step of a JSON path (``.code``, ``[3]``, ``["a b"]``)."""
    if text.startswith("."):
        return text[1:]
    inner = text[1:-1]
    if inner.isdigit():
        return int(inner)
    try:
        key = json.loads(inner)
    except ValueError:
        return None
    return key if isinstance(key, str) else None


def _steps_below(paths: Collection[str]) -> dict[str, set[str | int]]:
    """For each path that holds one of ``paths``, the steps from it towards them."""
    below: dict[str, set[str | int]] = {}
    for path in paths:
        while len(path) > 1:
            found = _LAST_STEP.search(path)
            step = _step(found.group()) if found is not None else None
            if found is None or step is None:
                break
            parent = path[: found.start()] or "$"
            if parent in below:  # and so is what holds it
                below[parent].add(step)
                break
            below[parent] = {step}
            path = parent
    return below


def _skip_nested(text: str, start: int, depth: int = 0) -> int:
    """Where the JSON list or object ends that opens at ``start`` or (``depth`` 1) holds it."""
    for found in _JSON_NESTING.finditer(text, start):
        start, end = found.span()
        if end - start > 1:  # a text, or a collection passed over whole
            if depth == 0:
                return end
        elif text[start] in "[{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return end
    return len(text)


_NOTHING: set[str | int] = set()


def _forward(text: str, pos: int, stack: list[list[Any]]) -> int:
    """Where to go on in a list, from ``pos`` where its current item starts.

    That is the next item asked for, or past the last one the end of the list.
    """
    frame = stack[-1]
    todo: list[int] = frame[5]
    while todo and todo[-1] < frame[2]:
        todo.pop()
    if not todo:
        stack.pop()
        return _skip_nested(text, pos, 1)
    gap = todo[-1] - frame[2]
    if gap > 0:
        found = _json_items(gap).match(text, pos)
        if found is not None:  # else an item nests deeper: take the items one by one
            frame[2] += gap
            return found.end()
    return pos


def _json_lines(
    text: str, wanted: Collection[str] | None = None
) -> tuple[dict[str, int], dict[str, int]]:
    """The lines of the first occurrence of each path, and of the repeats of a key.

    One pass over the text that keeps only the lines asked for: those of ``wanted`` and of
    what holds them, or every line when ``wanted`` is ``None``. Collections that hold nothing
    asked for are passed over whole. Lines are counted between the values noted, so a
    document costs no memory beyond the answer, and time linear in its length.
    """
    lines: dict[str, int] = {}
    repeats: dict[str, int] = {}
    below = None if wanted is None else _steps_below(wanted)
    line, counted = 1, 0
    # Each frame: [path, is an object, current key or index, expecting a key, the steps
    # below it to note (None: all), for a list the indexes among them still to come,
    # highest first]
    stack: list[list[Any]] = []
    search = _JSON_TOKEN.search
    pos = 0
    while (found := search(text, pos)) is not None:
        start, pos = found.span()
        char = text[start]
        frame = stack[-1] if stack else None
        if char == ",":
            if frame is not None:
                if frame[1]:
                    frame[3] = True
                else:
                    frame[2] += 1
                    if frame[5] is not None:
                        pos = _forward(text, pos, stack)
            continue
        if char == ":":
            continue
        if char in "]}":
            if stack:
                stack.pop()
            continue
        if frame is not None and frame[1] and frame[3]:  # a key
            key = json.loads(found.group())
            frame[2], frame[3] = key, False
            if frame[4] is None or key in frame[4]:
                line += text.count("\n", counted, start)
                counted = start
                key_path = child_path(frame[0], key)
                if key_path in lines:
                    repeats[key_path] = line
                else:
                    lines[key_path] = line
            continue
        # A value. The line of one in an object is that of its key, noted above.
        if frame is None:
            here: str | None = "$"
        elif frame[1] and char not in "[{":
            continue
        elif frame[4] is None or frame[2] in frame[4]:
            here = child_path(frame[0], frame[2])
        else:
            here = None
        if here is not None and (frame is None or not frame[1]):
            line += text.count("\n", counted, start)
            counted = start
            lines.setdefault(here, line)
        if char not in "[{":
            continue
        steps = None if below is None else below.get(here, _NOTHING) if here else _NOTHING
        if steps is not None and not steps:
            pos = _skip_nested(text, start)  # nothing asked for inside
            continue
        if char == "{":
            stack.append([here, True, None, True, steps, None])
            continue
        todo = None if steps is None else sorted((s for s in steps if type(s) is int), reverse=True)
        stack.append([here, False, 0, False, steps, todo])
        if todo is not None:
            pos = _forward(text, pos, stack)
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
    """JSON text of plain data, indented, keys in the given order, Unicode kept.

    The text is that of ``json.dumps(data, ensure_ascii=False, indent=2)`` and a line
    break, byte for byte; orjson writes it (`json`'s indenting encoder is pure Python) where
    it writes the same, and `json` where it may not (see `_written_as_json`).
    """
    try:
        written = _orjson_dumps(data, option=_INDENT_2)
    except TypeError:  # orjson.JSONEncodeError: a key not str, an int beyond 64 bits, ...
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if not _written_as_json(written):
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return written.decode("utf-8") + "\n"


def _written_as_json(written: bytes) -> bool:
    """Whether orjson's text is certainly the one `json` writes.

    The two differ only on floats: orjson writes NaN and Infinity as ``null`` (`json`
    as ``NaN``, ``Infinity``), and a float below 1e-4 as ``0.00001`` or ``1e-7`` (`json`
    as ``1e-05``, ``1e-07``). So a ``null``, a ``0.0000`` or a digit before ``e-`` (rare
    in a document: fields left empty are left out) leaves the writing to `json`.
    """
    if b"null" in written or b"0.0000" in written:
        return False
    found = written.find(b"e-")
    while found != -1:  # "e-" is mostly text: "e-mail", a UUID's "453e-a7c9"
        start = found
        while start and written[start - 1] in _NUMBER_BYTES:
            start -= 1
        if start < found and written[start - 1 : start] in _BEFORE_A_NUMBER:
            return False  # a number, as indented JSON writes one: after a space or "["
        found = written.find(b"e-", found + 1)
    return True


_NUMBER_BYTES = frozenset(b"0123456789.-")
_BEFORE_A_NUMBER = (b" ", b"[", b"\n", b"")
