"""Strict reading and stable writing of JSON text, and the JSON paths both formats share.

The reader builds the data itself rather than trusting a parser's defaults: repeated keys,
NaN, lone surrogates and numbers too long to read are problems, as aliases, merge keys and
custom or contradicting tags are in YAML (`duaal_leren._yaml`, imported on first need: JSON
is read and written without PyYAML). Every problem carries its JSON path and line, and all
problems of a text are reported together. A broken document costs time linear in its
length, and line numbers are kept only for the paths asked for.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Collection
from typing import Any

import orjson

from duaal_leren._paths import _LAST_STEP, _empty, child_path, line_for
from duaal_leren.exceptions import DocumentError, Problem, excerpt

__all__ = [
    "child_path",
    "dump_json",
    "find_lines",
    "json_lines",
    "line_for",
    "lone_surrogate",
    "parse_json",
]

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def lone_surrogate(text: str) -> str | None:
    """The first lone surrogate in ``text`` as ``U+D800``, or ``None`` when it holds none.

    A lone surrogate is no Unicode character: text holding one cannot be written as UTF-8.
    """
    if text.isascii():  # constant time in CPython, and true of most text
        return None
    found = _SURROGATE.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


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
    if format == "json":
        lines = json_lines(text, wanted)
    else:
        from duaal_leren._yaml import yaml_lines

        lines = yaml_lines(text, wanted)
    return {path: line_for(path, lines) for path in wanted}


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
    text: str,
    source: str,
    *,
    with_lines: bool | Collection[str] = False,
    raw: bytes | None = None,
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
        raw: The same text as UTF-8 bytes, when the caller has them (read from a file):
            parsed without encoding the text again.

    Raises:
        DocumentError: The text is not well-formed JSON, or holds what is refused above.
    """
    if not text or text.isspace():
        raise DocumentError(source, [_empty()])
    data = _parse_json_fast(text if raw is None else raw)
    if data is _UNSURE:
        data = _parse_json_detailed(text, source)
    if with_lines is False:
        return data, {}
    return data, _json_lines(text, None if with_lines is True else with_lines)[0]


_UNSURE: Any = object()


def _parse_json_fast(text: str | bytes) -> Any:
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
    # The same counts on the text or its UTF-8 bytes: a quote or a backslash is one byte,
    # never part of another character's.
    if isinstance(text, bytes):
        if b"\\" in text:
            if b"\\\\" in text:
                return _UNSURE
            quotes = text.count(b'"') - text.count(b'\\"')
        else:
            quotes = text.count(b'"')
    elif "\\" in text:
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


def dump_json(data: Any, *, floats_as_json: bool = False) -> str:
    """JSON text of plain data, indented, keys in the given order, Unicode kept.

    The text is that of ``json.dumps(data, ensure_ascii=False, indent=2)`` and a line
    break, byte for byte; orjson writes it (`json`'s indenting encoder is pure Python) where
    it writes the same, and `json` where it may not (see `_written_as_json`).

    Args:
        data: The data.
        floats_as_json: The caller knows that every float in the data is finite and not
            below 1e-4 (but 0), which orjson writes as `json` does: the text is not
            looked at for others.
    """
    try:
        written = _orjson_dumps(data, option=_INDENT_2)
    except TypeError:  # orjson.JSONEncodeError: a key not str, an int beyond 64 bits, ...
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if not floats_as_json and not _written_as_json(written):
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


def __getattr__(name: str) -> Any:
    # The YAML reader and writer live in `duaal_leren._yaml`, imported on first need.
    if name in ("parse_yaml", "yaml_lines", "dump_yaml"):
        from duaal_leren import _yaml

        return getattr(_yaml, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
