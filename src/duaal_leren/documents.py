"""Reading and writing documents: standard plans and trajecten as YAML or JSON files.

Every document names its kind and format version in one top-level key, for example
``schema: duaal-leren/traject@1``. `load` reads a file and `loads` a text; both check it
strictly and return the model; `dump` and `save` write a model back. ``loads(dump(x)) == x``
for every valid ``x``. `from_dict` and `to_dict` do the same with plain Python data (from a
database, a web form or ``json``), for a document or any part of one. All problems of a document are reported together in one
`DocumentError`. `kinds` lists the document kinds, a plain table of the model classes.

Example:
    >>> import duaal_leren
    >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
    >>> text = duaal_leren.dump(traject, format="json")
    >>> duaal_leren.loads(text) == traject
    True
"""

from __future__ import annotations

import codecs
import errno
import functools
import importlib
import os
import re
import typing
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import attrs

from duaal_leren._fast import Slow
from duaal_leren._fast import plain as fast_plain
from duaal_leren._fast import plain_for_json as fast_plain_for_json
from duaal_leren._fast import structure as fast_structure
from duaal_leren._files import (
    FileTooLargeError,
    NotARegularFileError,
    document_paused,
    read_file,
    write_atomic,
)
from duaal_leren._parse import dump_json, find_lines, parse_json
from duaal_leren.exceptions import (
    DocumentError,
    DocumentTypeError,
    FieldError,
    Problem,
    checked_lang,
    excerpt,
)
from duaal_leren.gespreksverslag import Gespreksverslag
from duaal_leren.leidraad.model import Leidraad, Uitbreiding
from duaal_leren.opleidingsplan import StandaardOpleidingsplan
from duaal_leren.traject import PERSOONSGEGEVEN, Traject

if TYPE_CHECKING:
    from duaal_leren._convert import Values

__all__ = [
    "MAX_SIZE",
    "Format",
    "Kind",
    "dump",
    "from_dict",
    "json_schema",
    "kind_of",
    "kinds",
    "load",
    "load_standaardplan",
    "load_traject",
    "loads",
    "not_a_document",
    "save",
    "to_dict",
]

T = TypeVar("T")
Format = Literal["yaml", "json"]
"""The two file formats: ``"yaml"`` and ``"json"``."""

SCHEMA_KEY = "schema"
_SCHEMA = re.compile(r"duaal-leren/([a-z][a-z0-9-]*)@([0-9]+)")
# More digits than any format version will have; Python refuses to read an int of more
# than 4,300 digits at all.
_VERSION_DIGITS = 9

MAX_SIZE = 50 * 1024 * 1024
"""The largest file `load` reads by default, in bytes (50 MiB); its ``max_size`` sets another.

A plan or traject is some kilobytes; the limit keeps a wrong file (a database dump, a
video, ``/dev/zero``) from filling the memory.
"""


@attrs.frozen
class Kind:
    """A kind of document: its name, the model class, and the format version it writes.

    Attributes:
        name: The kind's name in the ``schema`` key, such as ``traject``.
        cls: The model class of the document.
        version: The newest format version; files of this or an older version are read.
        titel: A short description, in Dutch.
        titel_en: The same in English (the title of the kind's JSON Schema).
    """

    name: str
    cls: type[Any]
    version: int
    titel: str
    titel_en: str

    @property
    def schema(self) -> str:
        """The value of the ``schema`` key this library writes, such as ``duaal-leren/traject@1``."""
        return f"duaal-leren/{self.name}@{self.version}"

    def text(self, lang: str | None = None) -> str:
        """The description in Dutch (``nl``) or English (``en``), by default the default one."""
        return self.titel_en if checked_lang(lang) == "en" else self.titel


_KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "standaardplan",
            StandaardOpleidingsplan,
            1,
            "standaardplan van een opleiding",
            "standard plan of a course",
        ),
        Kind(
            "traject",
            Traject,
            1,
            "het duale traject van één lerende",
            "one learner's dual trajectory",
        ),
        Kind(
            "leidraad",
            Leidraad,
            1,
            "vragenlijst (leidraad) voor een gesprek",
            "catalogue of questions for a conversation",
        ),
        Kind(
            "leidraad-uitbreiding",
            Uitbreiding,
            1,
            "aanvullingen op een leidraad",
            "additions to a catalogue",
        ),
        Kind(
            "gespreksverslag",
            Gespreksverslag,
            1,
            "verslag van één gesprek",
            "record of one conversation",
        ),
    )
}

# Kinds whose model is imported by name on first use, so that reading a plan or a traject
# does not load it: the ``schoolkalender`` kind's model, `SchooleigenKalender`, lives in
# `duaal_leren.kalender`, a layer above this module; an attendance record's model is
# needed only by those who keep attendance.
_LAZY_KINDS = (
    (
        "schoolkalender",
        "duaal_leren.kalender",
        "SchooleigenKalender",
        1,
        "de eigen vrije dagen, studiedagen en klassenraden van een school voor één schooljaar",
        "a school's own free days, study days and klassenraden for one school year",
    ),
    (
        "aanwezigheden",
        "duaal_leren.aanwezigheid",
        "Aanwezigheden",
        1,
        "aanwezigheden en afwezigheden van één lerende op de werkplek",
        "attendance and absences of one learner at the workplace",
    ),
)
_LAZY_NAMES = frozenset(entry[0] for entry in _LAZY_KINDS)


def _lazy_kind(entry: tuple[str, str, str, int, str, str]) -> Kind:
    name, module, attribute, version, titel, titel_en = entry
    kind = _KINDS.get(name)
    if kind is None:
        cls = getattr(importlib.import_module(module), attribute)
        # setdefault: two threads resolving it at once keep one and the same Kind.
        kind = _KINDS.setdefault(name, Kind(name, cls, version, titel, titel_en))
    return kind


def _all_kinds() -> None:
    for entry in _LAZY_KINDS:
        _lazy_kind(entry)


def _named(name: str) -> Kind | None:
    if name in _LAZY_NAMES:
        return _lazy_kind(next(e for e in _LAZY_KINDS if e[0] == name))
    return _KINDS.get(name)


def _names() -> str:
    return ", ".join(sorted({*_KINDS, *_LAZY_NAMES}))


def kinds() -> tuple[Kind, ...]:
    """Every known document kind, by name."""
    _all_kinds()
    return tuple(_KINDS[name] for name in sorted(_KINDS))


def not_a_document(
    function: str,
    value: object,
    *,
    reader: str,
    extra: Sequence[str] = (),
    part: bool = False,
) -> DocumentTypeError:
    """The error of a function that takes a document and was given ``value``.

    Args:
        function: The function's name, as the user called it.
        value: What it was given: a path or a text, a dict, ``None``, another object.
        reader: The function that reads files for it (``validate_files``).
        extra: Classes it takes beside the document kinds.
        part: Whether it takes a part of a document too.
    """
    kind = type(value).__name__
    if isinstance(value, str | bytes | os.PathLike):
        return DocumentTypeError(
            f"{function} neemt een model, geen pad of tekst ({kind}); lees bestanden met "
            f"{reader}, of eerst met load",
            f"{function} takes a model, not a path or a text ({kind}); read files with "
            f"{reader}, or load them first",
        )
    known = ", ".join([*(k.cls.__name__ for k in kinds()), *extra])
    hint_nl, hint_en = "", ""
    if isinstance(value, Mapping):
        hint_nl = "; bouw het model eerst met duaal_leren.from_dict"
        hint_en = "; build the model first with duaal_leren.from_dict"
    given_nl = "None" if value is None else f"een object van type {kind}"
    given_en = "None" if value is None else f"an object of type {kind}"
    part_nl, part_en = (" of een deel ervan", " or a part of one") if part else ("", "")
    return DocumentTypeError(
        f"{function} neemt een document ({known}){part_nl}, geen {given_nl}{hint_nl}",
        f"{function} takes a document ({known}){part_en}, not {given_en}{hint_en}",
    )


def kind_of(obj_or_name: object) -> Kind:
    """The document kind of a model object, a model class or a kind name.

    Raises:
        DocumentError: It is no document kind.
    """
    if isinstance(obj_or_name, str):
        kind = _named(obj_or_name)
    else:
        cls = obj_or_name if isinstance(obj_or_name, type) else type(obj_or_name)
        kind = next((k for k in _KINDS.values() if k.cls is cls), None)
        if kind is None:
            _all_kinds()
            kind = next((k for k in _KINDS.values() if k.cls is cls), None)
    if kind is None:
        known = _names()
        raise DocumentError(
            excerpt(obj_or_name) if isinstance(obj_or_name, str) else type(obj_or_name).__name__,
            [
                Problem(
                    "$",
                    f"onbekende documentsoort; gekend zijn: {known}",
                    f"unknown document kind; known kinds: {known}",
                    "onbekende-soort",
                )
            ],
        )
    return kind


TEXT_SOURCE = "<tekst>"
"""The source named in the problems of a document read from text."""


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size} bytes"
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


# Reasons the operating system gives, in both languages; others in its own words.
_REASONS = {
    errno.EACCES: ("geen leesrechten", "no permission to read"),
    errno.EPERM: ("geen leesrechten", "no permission to read"),
    errno.ENOTDIR: ("een deel van het pad is geen map", "a part of the path is not a folder"),
    errno.ENAMETOOLONG: ("de naam is te lang", "the name is too long"),
    errno.ELOOP: ("te veel symbolische links", "too many symbolic links"),
    errno.EIO: ("invoer-/uitvoerfout van de schijf", "input/output error of the disk"),
}


def _read(path: Path, name: str, max_size: int) -> str:
    return _read_raw(path, name, max_size)[0]


def _read_raw(path: Path, name: str, max_size: int) -> tuple[str, bytes]:
    """The text of a file, and its bytes without a byte order mark (for a JSON parser)."""

    def fail(nl: str, en: str, code: str, line: int | None = None) -> DocumentError:
        if "\n" in name:
            # A name with a line break is most likely a document's text given to `load`: it
            # is named by an excerpt, not whole, and the message says where text is read.
            hint = ("; een tekst lees je met loads", "; read a text with loads")
            problem = Problem("$", nl + hint[0], en + hint[1], code, line)
            return DocumentError(excerpt(name), [problem])
        return DocumentError(name, [Problem("$", nl, en, code, line)])

    if not name:
        # Path("") is the current folder: an empty name must not read or scan that.
        problem = Problem(
            "$",
            "een lege bestandsnaam is geen bestand",
            "an empty file name is no file",
            "onleesbaar-bestand",
        )
        raise DocumentError('""', [problem])
    try:
        raw = read_file(path, max_size)
    except FileNotFoundError:
        raise fail(
            "het bestand bestaat niet", "the file does not exist", "bestand-ontbreekt"
        ) from None
    except IsADirectoryError:
        raise fail(
            "dit is een map, geen bestand", "this is a directory, not a file", "geen-bestand"
        ) from None
    except NotARegularFileError:
        raise fail(
            "dit is geen gewoon bestand maar een apparaat, FIFO of socket",
            "this is no regular file but a device, FIFO or socket",
            "geen-bestand",
        ) from None
    except FileTooLargeError as exc:
        raise fail(
            f"het bestand is groter dan {_size(exc.limit)}, de grens voor een document "
            f"({exc.size} bytes)",
            f"the file is larger than {_size(exc.limit)}, the limit for a document "
            f"({exc.size} bytes)",
            "bestand-te-groot",
        ) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        nl, en = _REASONS.get(exc.errno or 0, (reason, reason))
        raise fail(
            f"het bestand kan niet gelezen worden ({nl})",
            f"the file cannot be read ({en})",
            "onleesbaar-bestand",
        ) from None
    except ValueError:
        # The operating system refuses a path with a NUL character before opening it.
        raise fail(
            "dit is geen geldige bestandsnaam",
            "this is not a valid file name",
            "onleesbaar-bestand",
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(
            f"het bestand is geen UTF-8-tekst (byte {exc.start})",
            f"the file is not UTF-8 text (byte {exc.start})",
            "geen-utf8",
            line,
        ) from None
    return text, raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw


def _format_of(text: str, path: Path | None) -> Format:
    if path is not None:
        suffix = path.suffix.lower()
        if suffix == ".json":
            return "json"
        if suffix in (".yaml", ".yml"):
            return "yaml"
    return "json" if text.lstrip().startswith(("{", "[")) else "yaml"


def _parse(text: str, fmt: Format, source: str, raw: bytes | None) -> Any:
    # Without line numbers: only a broken document pays for them (see `_build`).
    if fmt == "json":
        return parse_json(text, source, raw=raw)[0]
    from duaal_leren._yaml import parse_yaml  # PyYAML only for YAML

    return parse_yaml(text, source)[0]


def _kind_from(data: Any, source: str) -> Kind:
    def fail(path: str, nl: str, en: str, code: str) -> DocumentError:
        return DocumentError(source, [Problem(path, nl, en, code)])

    example = "schema: duaal-leren/traject@1"
    if not isinstance(data, dict):
        raise fail(
            "$",
            f"het document moet een object met velden zijn, te beginnen met {example!r}",
            f"the document must be an object with fields, starting with {example!r}",
            "verkeerd-type",
        )
    value = data.get(SCHEMA_KEY)
    if value is None:
        raise fail(
            "$.schema",
            f"het veld 'schema' ontbreekt; het zegt wat voor document dit is, zoals {example!r}",
            f"the field 'schema' is missing; it says what kind of document this is, such as {example!r}",
            "ontbrekend-veld",
        )
    match = _SCHEMA.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise fail(
            "$.schema",
            f"{excerpt(value)} is geen geldige documentsoort; verwacht zoals {example!r}",
            f"{excerpt(value)} is not a valid document kind; expected such as {example!r}",
            "onbekende-soort",
        )
    name, digits = match.group(1), match.group(2).lstrip("0") or "0"
    kind = _named(name)
    if kind is None:
        known = _names()
        raise fail(
            "$.schema",
            f"onbekende documentsoort {excerpt(name)}; gekend zijn: {known}",
            f"unknown document kind {excerpt(name)}; known kinds: {known}",
            "onbekende-soort",
        )
    # A version of more digits than any is newer than every version read, and is quoted
    # as an excerpt.
    version = int(digits) if len(digits) <= _VERSION_DIGITS else None
    shown = str(version) if version is not None else excerpt(digits)
    if version is None or version > kind.version:
        raise fail(
            "$.schema",
            f"formaatversie {shown} van {name!r} is nieuwer dan deze versie van duaal-leren "
            f"leest (tot {kind.version}); werk duaal-leren bij",
            f"format version {shown} of {name!r} is newer than this version of duaal-leren "
            f"reads (up to {kind.version}); upgrade duaal-leren",
            "toekomstige-versie",
        )
    if version < 1:
        raise fail(
            "$.schema",
            f"formaatversie {version} bestaat niet",
            f"format version {version} does not exist",
            "onbekende-soort",
        )
    return kind


_PERSONAL_PATHS: dict[type[object], re.Pattern[str] | None] = {}


def _personal_paths(cls: type[object]) -> re.Pattern[str] | None:
    """A pattern matching the JSON paths of the personal fields of a document class."""
    found: list[str] = []

    def walk(tp: Any, path: str, depth: int) -> None:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if typing.get_origin(tp) is tuple:
            walk(args[0], path + r"\[\d+\]", depth)
            return
        if args and typing.get_origin(tp) is not None:
            for arg in args:
                walk(arg, path, depth)
            return
        if not (isinstance(tp, type) and attrs.has(tp)) or depth > 12:
            return
        hints = typing.get_type_hints(tp)
        for field in attrs.fields(tp):
            here = f"{path}\\.{field.name}"
            if field.metadata.get(PERSOONSGEGEVEN):
                found.append(here)
            else:
                walk(hints[field.name], here, depth + 1)

    if cls not in _PERSONAL_PATHS:
        walk(cls, r"\$", 0)
        pattern = "(?:" + "|".join(found) + r")(?:[.\[]|$)"
        _PERSONAL_PATHS[cls] = re.compile(pattern) if found else None
    return _PERSONAL_PATHS[cls]


_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_GIVEN = re.compile(r"(, gekregen:|, got) .*$")


def _redacted(problem: Problem, cls: type[object]) -> Problem:
    # A message about a learner's personal field must not repeat its value: messages are
    # shown and logged, personal data never is.
    pattern = _personal_paths(cls)
    if pattern is None or not pattern.match(problem.path):
        return problem

    def hide(text: str, placeholder: str) -> str:
        return _QUOTED.sub(placeholder, _GIVEN.sub("", text))

    return attrs.evolve(
        problem,
        message=hide(problem.message, "‹verborgen›"),
        message_en=hide(problem.message_en, "‹hidden›"),
    )


def _document(data: Any, source: str, expected: type[Any] | None) -> tuple[Kind, Any]:
    """The kind a document's ``schema`` key names, and its data without that key.

    The kind is checked against the class expected, when one is.

    Raises:
        DocumentError: The key is missing or wrong, or names another kind than expected.
    """
    kind = _kind_from(data, source)
    if expected is not None and kind.cls is not expected:
        want = kind_of(expected)
        raise DocumentError(
            source,
            [
                Problem(
                    "$.schema",
                    f"verwacht een document van soort {want.name!r}, maar dit is {kind.name!r}",
                    f"expected a document of kind {want.name!r}, but this is {kind.name!r}",
                    "verkeerde-soort",
                )
            ],
        )
    return kind, {k: v for k, v in data.items() if k != SCHEMA_KEY}


def _structure(body: Any, cls: type[T], source: str, values: Values) -> T:
    """Build ``cls`` from its data: on the fast path when certainly valid, else in detail.

    Raises:
        DocumentError: Every problem of the data, with its path; the values of personal
            fields are not quoted.
    """
    try:
        return typing.cast(T, fast_structure(body, cls))
    except Slow:
        pass  # not certainly valid: the detailed converter builds it or says what is wrong
    from duaal_leren._convert import converter, problems_of

    try:
        return converter(values).structure(body, cls)
    except Exception as exc:  # noqa: BLE001 - every structuring failure becomes a problem
        problems = [_redacted(p, cls) for p in problems_of(exc)]
        raise DocumentError(source, problems) from None


def _build(
    text: str, fmt: Format, source: str, expected: type[Any] | None, raw: bytes | None = None
) -> Any:
    # One document makes thousands of objects and no reference cycles: the collector is
    # kept out of the way while it is built, as for many (see `document_paused`).
    try:
        with document_paused():
            data = _parse(text, fmt, source, raw)
            kind, body = _document(data, source, expected)
            return _structure(body, kind.cls, source, "text")
    except DocumentError as exc:
        # Only a broken document pays for the line numbers, and only for its problems.
        lines = find_lines(text, fmt, [p.path for p in exc.problems if p.line is None])
        problems = [
            p if p.line is not None else attrs.evolve(p, line=lines[p.path]) for p in exc.problems
        ]
        problems.sort(key=lambda p: p.line or 0)
        raise DocumentError(source, problems) from None


@overload
def load(path: str | os.PathLike[str], cls: None = None, *, max_size: int | None = None) -> Any: ...
@overload
def load(path: str | os.PathLike[str], cls: type[T], *, max_size: int | None = None) -> T: ...
def load(
    path: str | os.PathLike[str],
    cls: type[T] | None = None,
    *,
    max_size: int | None = None,
) -> Any:
    """Read a document from a file.

    The ``schema`` key of the document says what it is; the matching model is returned. A
    document held as text is read with `loads`.

    Args:
        path: The path (`str` or `os.PathLike`) of a ``.yaml``, ``.yml`` or ``.json`` file;
            another extension is read as JSON when the text starts with ``{`` or ``[``, as
            YAML otherwise.
        cls: The model class expected (`Traject`, `StandaardOpleidingsplan`, ...); a
            document of another kind is then an error.
        max_size: The largest file read, in bytes; by default `MAX_SIZE` (50 MiB). Only a
            regular file is read: a device, a FIFO or a socket is an error.

    Returns:
        The model object.

    Raises:
        DocumentError: The file is missing, unreadable, no regular file, larger than
            ``max_size`` (code ``bestand-te-groot``), empty, not UTF-8, not well-formed, of
            an unknown kind or a newer format version, or does not fit the model. Every
            problem is listed with its JSON path and line.
        DocumentTypeError: ``path`` is no `str` or `os.PathLike` (text as `bytes` is read
            with `loads`).

    Example:
        >>> import duaal_leren
        >>> plan = duaal_leren.load("examples/standaardplan-elektrotechniek.yaml")
        >>> plan.opleiding
        'Elektrotechnisch installateur duaal'
    """
    return _read_document(path, cls, max_size=max_size)[0]


def _read_document(
    path: str | os.PathLike[str], cls: type[Any] | None = None, *, max_size: int | None = None
) -> tuple[Any, str, Format]:
    """`load`, also giving the text read and its format, for finding lines in it later.

    Validating files reads each file once: the rules' findings get their lines from this
    text, not from reading the file again.

    Returns:
        The model, the text of the file and ``"yaml"`` or ``"json"``.

    Raises:
        DocumentError: As `load`.
        DocumentTypeError: As `load`.
    """
    if not isinstance(path, str | os.PathLike):
        raise DocumentTypeError(
            f"load leest een bestand en neemt een pad, geen {type(path).__name__}; "
            "lees een tekst met loads",
            f"load reads a file and takes a path, not {type(path).__name__}; "
            "read a text with loads",
        )
    file = Path(path)
    limit = MAX_SIZE if max_size is None else max_size
    name = os.fspath(path) and str(file)
    text, raw = _read_raw(file, name, limit)
    fmt = _format_of(text, file)
    return _build(text, fmt, name, cls, raw), text, fmt


@overload
def loads(text: str | bytes, cls: None = None, *, format: Format | None = None) -> Any: ...
@overload
def loads(text: str | bytes, cls: type[T], *, format: Format | None = None) -> T: ...
def loads(text: str | bytes, cls: type[T] | None = None, *, format: Format | None = None) -> Any:
    """Read a document from its text, YAML or JSON.

    Args:
        text: The document's text, or its UTF-8 bytes.
        cls: The model class expected, as for `load`.
        format: ``"yaml"`` or ``"json"``; by default JSON when the text starts with ``{``
            or ``[``, YAML otherwise.

    Raises:
        DocumentError: As `load`; the problems name the source ``<tekst>``.

    Example:
        >>> import duaal_leren
        >>> try:
        ...     duaal_leren.loads(b'{"schema": "duaal-leren/standaardplan@1", "id": "x"}')
        ... except duaal_leren.DocumentError as error:
        ...     print(error.source, [problem.path for problem in error.problems])
        <tekst> ['$.opleiding', '$.versie', '$.competenties']
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError(
                TEXT_SOURCE,
                [Problem("$", "de tekst is geen UTF-8", "the text is not UTF-8", "geen-utf8")],
            ) from exc
    # A byte order mark is no content: a text read without "utf-8-sig" may still start
    # with one, and the same document in a file is read without it.
    text = text.removeprefix("\ufeff")
    fmt = format or _format_of(text, None)
    return _build(text, fmt, TEXT_SOURCE, cls)


def load_traject(path: str | os.PathLike[str]) -> Traject:
    """Read a traject document from a file; any other kind is an error. See `load`."""
    return load(path, Traject)


def load_standaardplan(path: str | os.PathLike[str]) -> StandaardOpleidingsplan:
    """Read a standard plan document from a file; any other kind is an error. See `load`."""
    return load(path, StandaardOpleidingsplan)


DATA_SOURCE = "<gegevens>"
"""The source named in the problems of a document built from plain data (`from_dict`)."""


@functools.cache
def _models() -> dict[type[Any], Kind | None]:
    """Every class of a document or of a part of one, with the document kind of each."""
    found: dict[type[Any], Kind | None] = {}

    def walk(tp: Any) -> None:
        for arg in typing.get_args(tp):
            walk(arg)
        if isinstance(tp, type) and attrs.has(tp) and tp not in found:
            found[tp] = None
            for hint in typing.get_type_hints(tp).values():
                walk(hint)

    documents = kinds()
    for kind in documents:
        walk(kind.cls)
    found.update({kind.cls: kind for kind in documents})
    return found


def _model_names() -> tuple[str, str]:
    documents = ", ".join(kind.cls.__name__ for kind in kinds())
    return (
        f"een document ({documents}) of een deel ervan (Competentie, Lerende, ...)",
        f"a document ({documents}) or a part of one (Competentie, Lerende, ...)",
    )


@overload
def from_dict(data: Mapping[str, Any], cls: None = None, *, source: str = ...) -> Any: ...
@overload
def from_dict(data: Mapping[str, Any], cls: type[T], *, source: str = ...) -> T: ...
def from_dict(
    data: Mapping[str, Any], cls: type[T] | None = None, *, source: str = DATA_SOURCE
) -> Any:
    """Build a document, or any part of one, from plain Python data.

    The data is what `to_dict` gives, what ``json.loads`` reads, or what a database returns:
    it is checked as strictly as a file is read, with the same problems, paths and codes.
    Besides the values of a file it takes what database drivers return where the model
    expects them: a `datetime.date`, or a `datetime.datetime` (or ISO text of one) at
    midnight, for a date (any other time of day is refused); a `decimal.Decimal` for a
    number; the integers 0 and 1 for ``false`` and ``true``; tuples for lists and any
    mapping for an object.

    Args:
        data: The plain data: a mapping of field names to values.
        cls: The class to build: a document (`Traject`, `StandaardOpleidingsplan`, ...)
            or a part of one (`Competentie`, `Lerende`, ...). A document's ``schema`` key
            is then optional, and checked when present. Without ``cls`` the data must
            name its kind in its ``schema`` key, as a file does.
        source: What the problems name as the data's origin, such as ``"rij 12"``.

    Returns:
        The model object.

    Raises:
        DocumentError: The data does not fit the model; every problem is listed with its
            JSON path (`Problem.location` gives it as keys and indexes).
        DocumentTypeError: ``cls`` is no document or part of one.

    Example:
        >>> import datetime
        >>> from duaal_leren import Competentie, Leerplaats, from_dict
        >>> row = {"code": "ELT-01", "omschrijving": "Installeert", "leerplaats": "werkplek",
        ...        "termijn": datetime.date(2026, 1, 31)}
        >>> competentie = from_dict(row, Competentie)
        >>> competentie.leerplaats is Leerplaats.WERKPLEK, competentie.termijn
        (True, Date(2026, 1, 31))
    """
    models = _models()
    if cls is not None and cls not in models:
        nl, en = _model_names()
        shown = cls.__name__ if isinstance(cls, type) else excerpt(cls)
        raise DocumentTypeError(
            f"from_dict bouwt {nl}, geen {shown}", f"from_dict builds {en}, not {shown}"
        )
    if isinstance(data, Mapping) and type(data) is not dict:
        data = dict(data)
    if cls is None or (models[cls] is not None and isinstance(data, dict) and SCHEMA_KEY in data):
        kind, body = _document(data, source, cls)
        return _structure(body, kind.cls, source, "python")
    return _structure(data, cls, source, "python")


def to_dict(obj: object) -> dict[str, Any]:
    """The plain data of a document, or of any part of one, that `json.dumps` accepts.

    Dates become ISO text, choices their value, lists lists; fields left at their default
    are left out, as in a file. A document starts with its ``schema`` key, so that
    ``from_dict(to_dict(x)) == x`` with or without the class.

    Raises:
        DocumentTypeError: ``obj`` is no document or part of one.

    Example:
        >>> import json, duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> data = duaal_leren.to_dict(traject)
        >>> data["schema"], data["overeenkomst"]["start"]
        ('duaal-leren/traject@1', '2025-09-01')
        >>> duaal_leren.from_dict(json.loads(json.dumps(data))) == traject
        True
    """
    models = _models()
    if type(obj) not in models:
        nl, en = _model_names()
        shown = type(obj).__name__
        raise DocumentTypeError(
            f"to_dict neemt {nl}, geen {shown}", f"to_dict takes {en}, not {shown}"
        )
    with document_paused():
        data: dict[str, Any] = fast_plain(obj)
    kind = models[type(obj)]
    return {SCHEMA_KEY: kind.schema, **data} if kind is not None else data


def _document_data(obj: object) -> dict[str, Any]:
    """The plain data of a document, with its ``schema`` key first; a part is no document."""
    kind = kind_of(obj)
    with document_paused():
        return {SCHEMA_KEY: kind.schema, **fast_plain(obj)}


def _dump_yaml(data: Any) -> str:
    from duaal_leren._yaml import dump_yaml  # PyYAML only for YAML

    return dump_yaml(data)


_WRITERS: dict[str, Callable[[Any], str]] = {"yaml": _dump_yaml, "json": dump_json}


def dump(obj: object, format: Format = "yaml") -> str:
    """The text of a document, in YAML or JSON.

    Keys come in the model's order and fields left at their default are omitted, so that
    the same object always gives the same text.

    Args:
        obj: A document: a `Traject`, a `StandaardOpleidingsplan`, ...
        format: ``"yaml"`` or ``"json"``.

    Raises:
        DocumentError: ``obj`` is not a document.
        FieldError: ``format`` is not one of the two formats (a `ValueError`).
    """
    if format not in _WRITERS:
        raise FieldError(
            "format",
            f"onbekend formaat {format!r}; kies 'yaml' of 'json'",
            f"unknown format {format!r}; use 'yaml' or 'json'",
        )
    if format == "json":
        kind = kind_of(obj)
        with document_paused():
            data, floats_as_json = fast_plain_for_json(obj)
            return dump_json({SCHEMA_KEY: kind.schema, **data}, floats_as_json=floats_as_json)
    return _WRITERS[format](_document_data(obj))


def save(obj: object, path: str | os.PathLike[str], format: Format | None = None) -> Path:
    """Write a document to a file, whole or not at all.

    The text goes to a temporary file beside the target, which then replaces the target in
    one step: a crash or a full disk never leaves a half-written file.

    Args:
        obj: The document.
        path: The file to write.
        format: ``"yaml"`` or ``"json"``; by default from the file's extension
            (``.json`` for JSON, anything else YAML).

    Returns:
        The path written.

    Raises:
        DocumentError: ``obj`` is not a document.
        OSError: The file cannot be written; an existing file is then left as it was.
    """
    target = Path(path)
    fmt: Format = format or ("json" if target.suffix.lower() == ".json" else "yaml")
    text = dump(obj, fmt)
    write_atomic(target, text)
    return target


def json_schema(kind: str | type[Any]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document kind, generated from the model.

    Args:
        kind: The kind's name (``"traject"``, ``"standaardplan"``, ...) or its model class.

    Raises:
        DocumentError: No such kind.

    Example:
        >>> import duaal_leren
        >>> schema = duaal_leren.json_schema("traject")
        >>> schema["properties"]["schema"]["enum"]
        ['duaal-leren/traject@1']
    """
    found = kind_of(kind)
    from duaal_leren._schema import schema_for

    return schema_for(found.cls, found.name, found.version, found.titel_en)
