"""The strict YAML reader and the stable YAML writer (see `duaal_leren._parse`).

PyYAML on its own keeps the last of two equal keys (losing data), follows anchors and
aliases without bound, builds objects from custom tags, and reads ``no`` as ``False`` and
``08:30`` as a number. This reader uses PyYAML (its C parser when present) only to parse,
and builds the data itself: duplicate keys, aliases, merge keys, non-standard tags, tags
that contradict their value (``!!int Elektro``), lone surrogates and nesting deeper than 100
levels are problems; plain scalars follow the YAML 1.2 core schema, narrowed so that
everything PyYAML writes reads back the same; dates stay ISO text for the converter to check.

A module of its own so that PyYAML is imported only when YAML is read or written: reading
and writing JSON does without it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection
from typing import Any

import yaml

from duaal_leren._paths import _LAST_STEP, _empty, _with_ancestors, child_path
from duaal_leren.exceptions import DocumentError, Problem, excerpt

try:  # The C parser is much faster; fall back when PyYAML was built without libyaml.
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader

    _BYTE_POSITIONS = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _BYTE_POSITIONS = False

__all__ = ["dump_yaml", "parse_yaml", "yaml_lines"]


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


class _Unusual(Exception):
    """The plain reading (`_YamlBuilder.build_plain`) leaves this document to the detailed one."""


_SCALAR = yaml.ScalarEvent
_MAPPING_START = yaml.MappingStartEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_MAPPING_END = yaml.MappingEndEvent
_SEQUENCE_END = yaml.SequenceEndEvent
_NO_KEY: Any = object()  # the value taken next goes into a sequence
_NO_KEY_EXPECTED: Any = object()  # the scalar taken next is a mapping's key


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

    def build_plain(self) -> Any:
        """`build` for a document read without lines, as long as nothing in it is unusual.

        The same data as `build`, without working out a path for every value (only a
        problem needs one): one loop over the events with the common cases inline. Anything
        that may be a problem (a tag written out, an alias, a repeated or merge key, a
        complex key, a scalar `scalar` would find a problem in, nesting at the limit) raises
        `_Unusual`, and the caller reads the text again with `build`, which reports it.
        """
        get_event = self.loader.get_event
        # What the plain scalars of this document read as, by their text: values repeat a
        # great deal within a document (codes, levels, dates). Kept for this document only:
        # no text of a document outlives its reading.
        seen: dict[str, Any] = {}
        stack: list[Any] = []
        # Per open mapping on the stack, the key whose value comes next (_NO_KEY: a key).
        keys: list[Any] = []
        key: Any = _NO_KEY
        while True:
            event: Any = get_event()
            kind = type(event)
            if kind is _SCALAR:
                if event.tag is not None:
                    raise _Unusual
                text = event.value
                if key is _NO_KEY_EXPECTED:
                    # A mapping's key: text as written; "<<" may be a merge key.
                    if text == "<<" or text in stack[-1]:
                        raise _Unusual
                    key = text
                    continue
                if not event.implicit[0]:  # quoted or a block: text
                    value: Any = text
                else:
                    try:
                        value = seen[text]
                    except KeyError:
                        count = len(self.problems)
                        value = self.scalar(event, "$")
                        if len(self.problems) != count:
                            raise _Unusual from None
                        seen[text] = value
            elif kind is _MAPPING_START or kind is _SEQUENCE_START:
                if event.tag is not None or len(stack) >= _MAX_DEPTH - 1:
                    raise _Unusual
                if key is _NO_KEY_EXPECTED:
                    raise _Unusual  # a complex key
                keys.append(key)
                if kind is _MAPPING_START:
                    stack.append({})
                    key = _NO_KEY_EXPECTED
                else:
                    stack.append([])
                    key = _NO_KEY
                continue
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                value = stack.pop()
                key = keys.pop()
            else:  # an alias
                raise _Unusual
            if not stack:
                return value
            if key is _NO_KEY:
                stack[-1].append(value)
            else:
                stack[-1][key] = value
                key = _NO_KEY_EXPECTED

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
    if with_lines is False:
        try:
            return _read_yaml(loader, text, source, with_lines, plain=True)
        except _Unusual:
            loader = _Loader(text)
    return _read_yaml(loader, text, source, with_lines, plain=False)


def _read_yaml(
    loader: _Loader, text: str, source: str, with_lines: bool | Collection[str], *, plain: bool
) -> tuple[Any, dict[str, int]]:
    """`parse_yaml` from its loader; ``plain``: by `_YamlBuilder.build_plain`."""
    builder = _YamlBuilder(loader, source, with_lines)
    try:
        builder.next()  # the start of the stream
        if loader.check_event(yaml.StreamEndEvent):
            raise DocumentError(source, [_empty()])
        builder.next()  # the start of the document
        data = builder.build_plain() if plain else builder.build()
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


def _refuse_if_deep(text: str, source: str, line: int | None) -> None:
    """Say ``te-diep`` when the text nests too deeply before the line where libyaml stopped.

    libyaml may stop on a deep text before the builder does, with an error of its own: the
    same text then gets the same answer whatever libyaml's limits and wording are.
    """
    deep = _deep_line(text, line)
    if deep is not None:
        raise _too_deep(source, "$", deep)


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
