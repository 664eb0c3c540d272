"""Personal data in documents: which fields hold it, where else it hides, and copies without it.

The models mark every field that holds personal data of a learner, a parent, a mentor or a
company contact with `PERSOONSGEGEVEN` in its metadata (`personal_fields` lists them).
`redact` returns a copy of a document without them: an optional marked field is emptied, a
required one (the name of a mentor or a company contact) gets the neutral text
`VERWIJDERD`, so that the copy still loads and validates. `pseudonymise` replaces the names,
the learner's id and the traject's id by stable pseudonyms instead: an HMAC-SHA-256 of the
value under a secret key, so that the same learner gets the same pseudonym in every file and
every run with the same key, and no one without the key can go back from the pseudonym to
the value. Both also clean the free text that is left of what identifies a person: the
names, e-mail addresses, phone numbers, addresses and dates of birth of the marked fields,
and any e-mail address, phone number or valid national register number (rijksregisternummer)
typed into a note. A screening or support text is replaced there only where it stands whole
and has `SENTENCE_WORDS` words or more: a single word of it (a strength such as
``nauwkeurig``) is a common word, not a secret. `redact_files` writes the copies of files and
folders, all of them or none. Anything that is no document nor a part of one is refused
(`DocumentTypeError`), never handed back as if it were cleaned.

The same detectors feed the privacy rules of `duaal_leren.validate` (``privacy-*``): a
national register number, an e-mail address or a phone number in a free-text field, and
words that suggest health data (`HEALTH_WORDS`) in the screening and support texts.

The learner's ``id`` is already a pseudonym the school chose: a redacted copy keeps it, so
that the school can match what a sector organisation sends back to its own records; a
pseudonymised copy replaces it (in `Lerende.id` and `Gespreksverslag.lerende` alike), so
that not even the school's own number leaves the school. The traject's id is treated the
same way: a redacted copy keeps it (it is no personal data, and the school needs it); a
pseudonymised copy replaces it with ``traject-`` and 16 hexadecimal digits in `Traject.id`,
`Gespreksverslag.traject` and `Aanwezigheden.traject` alike, so that the copies of a
folder still belong together, and not in the notes either.

Staff of the school (`duaal_leren.traject.Persoon`: trajectbegeleider, contact person,
subject teachers) are not marked: they act in their professional role, and their name and
work contact details are how a reader of the document reaches the school.

References:
    GDPR (Regulation (EU) 2016/679) art. 4(1) and 4(5) (personal data, pseudonymisation),
        art. 9 (health data as a special category), art. 25 (data protection by design).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import operator
import os
import re
import threading
import types
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pendulum

from duaal_leren._files import (
    check_writable,
    document_files,
    make_folder,
    write_atomic,
    write_together,
)
from duaal_leren._validators import PERSOONSGEGEVEN
from duaal_leren.aanwezigheid import Aanwezigheden
from duaal_leren.documents import _read_document, dump, kinds, not_a_document
from duaal_leren.exceptions import FieldError, WriteError
from duaal_leren.gespreksverslag import Antwoord, Gespreksverslag
from duaal_leren.traject import (
    Contact,
    Lerende,
    Ondersteuning,
    Persoonsgegevens,
    Screening,
    Traject,
)

__all__ = [
    "HEALTH_WORDS",
    "SENTENCE_WORDS",
    "VERWIJDERD",
    "TextField",
    "email_addresses",
    "health_words",
    "personal_fields",
    "phone_numbers",
    "pseudonymise",
    "redact",
    "redact_files",
    "rijksregisternummers",
    "text_fields",
    "used_health_words",
]

T = TypeVar("T")

VERWIJDERD = "[verwijderd]"
"""The neutral text that stands for removed personal data ("removed")."""

_NAAM = "[naam]"
_LERENDE = "[lerende]"
_EMAIL = "[e-mail]"
_TELEFOON = "[telefoon]"
_RIJKSREGISTERNUMMER = "[rijksregisternummer]"

HEALTH_WORDS: tuple[str, ...] = (
    "adhd",
    "allergie",
    "angststoornis",
    "arts",
    "astma",
    "autisme",
    "depressie",
    "diabetes",
    "diagnose",
    "epilepsie",
    "handicap",
    "huisarts",
    "medicatie",
    "medicijn",
    "medisch",
    "psych",
    "therapeut",
    "therapie",
    "ziek",
    "zwanger",
)
"""The default words that suggest health data in the screening and support texts.

Each is the start of a word and matches regardless of case: ``ziek`` finds ``ziekte`` and
``ziekenhuis``, ``psych`` finds ``psycholoog``, ``psychiater`` and ``psychisch``. The list
names illnesses, diagnoses, treatment and care; learning disorders (``dyslexie``,
``dyscalculie``) are left out on purpose, because a support agreement routinely and
legitimately names them (extra time, reading software): add them with `health_words` where
the school's policy wants them flagged.
"""

_WORDS: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "health_words", default=HEALTH_WORDS
)


@contextlib.contextmanager
def health_words(words: Iterable[str]) -> Iterator[tuple[str, ...]]:
    """Let the rule ``privacy-gezondheid`` use other words inside the block.

    Args:
        words: The words (word starts, any case); empty ones are an error.

    Raises:
        FieldError: A word is empty or no text.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.privacy import HEALTH_WORDS, health_words
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> with health_words([*HEALTH_WORDS, "dyslexie"]):
        ...     report = duaal_leren.validate(traject, today="2025-10-01", select=["privacy"])
        >>> [(f.code, f.path) for f in report.findings]
        [('privacy-gezondheid', '$.lerende.ondersteuning.noden[0]')]
    """
    chosen = tuple(words)
    for word in chosen:
        if not isinstance(word, str) or not word.strip():
            raise FieldError(
                "health_words",
                "verwacht niet-lege woorden",
                "expected words that are not empty",
            )
    token = _WORDS.set(tuple(word.strip().casefold() for word in chosen))
    try:
        yield chosen
    finally:
        _WORDS.reset(token)


def used_health_words() -> tuple[str, ...]:
    """The words ``privacy-gezondheid`` looks for now: `HEALTH_WORDS` or those of `health_words`."""
    return _WORDS.get()


# --- detectors ---------------------------------------------------------------------------

# Eleven digits as a rijksregisternummer is written: 85.07.30-033.28, 85073003328, with
# spaces, dots or dashes between the groups; never part of a longer run of digits.
_NN_SHAPE = re.compile(
    r"(?<![\d.])\d{2}[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{3}[ .-]?\d{2}(?![\d])(?!\.\d)"
)
_EMAIL_SHAPE = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# A Belgian number: 0 or +32 or 0032, then 8 (landline) or 9 (mobile) digits in groups.
_PHONE_SHAPE = re.compile(
    r"(?<![\w+])(?:\+32|0032|0)[ ./-]?(?:\(0\))?[ ]?[1-9](?:[ ./-]?\d){7,8}(?![\d])"
)
# A company number (ondernemingsnummer, 0123.456.749) is no phone number.
_KBO_SHAPE = re.compile(r"[01]\d{3}\.\d{3}\.\d{3}")


def rijksregisternummers(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a Belgian national register number with a valid check digit.

    The check digits decide (`stdnum.be.nn`, which also knows the numbers of people born
    from 2000 on): a date or another number of eleven digits whose check digits do not
    fit is not one.

    Returns:
        The start and end of each number in the text.

    Example:
        >>> from duaal_leren.privacy import rijksregisternummers
        >>> rijksregisternummers("rrn 85.07.30-033.28, niet 85.07.30-033.29")
        [(4, 19)]
    """
    shaped = list(_NN_SHAPE.finditer(text))
    if not shaped:
        return []
    # stdnum imports ssl, socket and pydoc (about 10 to 50 ms): only once a text has the
    # shape of one.
    from stdnum.be import nn

    return [m.span() for m in shaped if nn.is_valid(m.group())]


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    # Blanked out with spaces of the same length, so that the other detectors neither see
    # a number twice nor shift their positions.
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def email_addresses(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds an e-mail address.

    Example:
        >>> from duaal_leren.privacy import email_addresses
        >>> email_addresses("mail naar a.b@example.org of bel")
        [(10, 25)]
    """
    return [m.span() for m in _EMAIL_SHAPE.finditer(text)]


def phone_numbers(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a Belgian phone number (not a national register number).

    Example:
        >>> from duaal_leren.privacy import phone_numbers
        >>> phone_numbers("bel 0470 12 34 56 of 09 000 00 01; KBO 0456.712.325")
        [(4, 17), (21, 33)]
    """
    rest = _blank(text, [*rijksregisternummers(text), *email_addresses(text)])
    return [
        m.span() for m in _PHONE_SHAPE.finditer(rest) if not _KBO_SHAPE.fullmatch(m.group().strip())
    ]


@functools.lru_cache(maxsize=16)
def _health_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # One alternation for the whole list, compiled once per list of words.
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)


def health_word_in(text: str, words: Sequence[str] | None = None) -> bool:
    """Whether ``text`` holds a word that starts with one of ``words`` (`used_health_words`)."""
    chosen = tuple(words) if words is not None else used_health_words()
    return bool(chosen) and _health_pattern(chosen).search(text) is not None


# --- fields ------------------------------------------------------------------------------


def _fields(cls: Any) -> tuple[attrs.Attribute[Any], ...]:
    """The attrs fields of a model class (typed loosely: callers have checked attrs.has)."""
    return tuple(attrs.fields(cls))


def _marked(attribute: attrs.Attribute[Any]) -> bool:
    return bool(attribute.metadata.get(PERSOONSGEGEVEN))


def _attrs_classes(tp: Any, found: dict[type[Any], None]) -> None:
    for arg in typing.get_args(tp):
        _attrs_classes(arg, found)
    if isinstance(tp, type) and attrs.has(tp) and tp not in found:
        found[tp] = None
        for hint in typing.get_type_hints(tp).values():
            _attrs_classes(hint, found)


_MODEL_CLASSES: dict[tuple[type[Any], ...], dict[type[Any], None]] = {}


def _model_classes() -> dict[type[Any], None]:
    """Every model class of every document kind: the documents and their parts."""
    # Kept per set of kinds: walking the type hints costs more than a copy itself.
    roots = tuple(kind.cls for kind in kinds())
    found = _MODEL_CLASSES.get(roots)
    if found is None:
        found = {}
        for cls in roots:
            _attrs_classes(cls, found)
        _MODEL_CLASSES[roots] = found
    return found


def _checked(document: object, function: str) -> None:
    """Refuse what is no document nor a part of one, as `duaal_leren.validate` does.

    Returning it unchanged would hand back a row of personal data as if it were cleaned.
    """
    if isinstance(document, str | bytes | os.PathLike):
        raise not_a_document(function, document, reader="redact_files")
    if type(document) in _model_classes():
        return
    raise not_a_document(function, document, reader="redact_files", part=True)


def personal_fields() -> tuple[tuple[type[Any], str], ...]:
    """Every field of every document kind marked as personal data: (model class, field name).

    Sorted by class name and field name; the table of ``docs/privacy.md`` is this list.

    Example:
        >>> from duaal_leren.privacy import personal_fields
        >>> ("Mentor", "naam") in [(cls.__name__, name) for cls, name in personal_fields()]
        True
    """
    pairs = [(cls, a.name) for cls in _model_classes() for a in _fields(cls) if _marked(a)]
    return tuple(sorted(pairs, key=lambda p: (p[0].__name__, p[1])))


@attrs.frozen
class TextField:
    """One text in a document, where it is, and what kind of field holds it.

    Attributes:
        path: The JSON path of the text, such as ``$.lerende.motivatie`` or
            ``$.opvolgingsgesprekken[0].acties[1].omschrijving``.
        text: The text.
        owner: The model object whose field it is.
        field: The name of the field.
        contact: The field is meant for contact details (inside a `Contact`, or marked
            personal): an e-mail address or a phone number belongs there.
    """

    path: str
    text: str
    owner: object
    field: str
    contact: bool


def text_fields(document: object) -> Iterator[TextField]:
    """Every text of a document or of a part of one, in document order.

    Walks the model's fields of type `str` (and tuples of them) down through every part.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.privacy import text_fields
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> [f.path for f in text_fields(traject)][:3]
        ['$.id', '$.lerende.id', '$.lerende.vooropleiding']
    """
    texts = DocumentTexts(document)
    for i in range(len(texts.entries)):
        yield texts.field(i)


# --- one walk per document ---------------------------------------------------------------

# What the walk records of each text: the text, the object whose field holds it, the field's
# name, where that object is (`_Place`), the place in a tuple (-1: the field itself), and the
# contact flag. Paths are put together only when a rule reports one: most texts need none.
_Entry = tuple[str, object, str, "_Place", int, bool]
# Where an object is: the document itself (None), or the place of the object holding it with
# the field's name and the place in a tuple (-1: the field itself).
_Place = tuple[Any, str, int] | None
_Record = Callable[[_Entry], None]
_Walker = Callable[[Any, _Place, bool, "_Entries"], None]

# The parts whose texts `DocumentTexts.parts_texts` finds without looking at every text: the
# screening, the support and the answers of a conversation record (``privacy-gezondheid``).
_PARTS: tuple[type[Any], ...] = (Screening, Ondersteuning, Antwoord)


class _Entries(list[_Entry]):
    """The texts a walk records, and which of them each part of `_PARTS` holds."""

    __slots__ = ("parts",)

    def __init__(self) -> None:
        super().__init__()
        # Per part of `_PARTS` walked: the part, and where its texts (and those of its own
        # parts) start and end among the entries.
        self.parts: list[tuple[object, int, int]] = []


# Per class: its walker (an attrs class), or None for a class whose values hold no text (no
# str, tuple nor attrs class). A class that is missing has not been looked at yet.
_KINDS: dict[type[Any], _Walker | None] = {}
_NEW: Any = object()
_MAKING = threading.RLock()


def _path(place: _Place, field: str, index: int) -> str:
    """The JSON path of a field (``index`` -1) or of an item of it, in the object at ``place``."""
    parts = [f".{field}" if index < 0 else f".{field}[{index}]"]
    while place is not None:
        place, field, index = place
        parts.append(f".{field}" if index < 0 else f".{field}[{index}]")
    parts.append("$")
    return "".join(reversed(parts))


def _value(
    value: object, owner: object, name: str, place: _Place, contact: bool, record: _Entries
) -> None:
    """A field's value, walked as `text_fields` has always walked it: by what it is."""
    if isinstance(value, str):
        record.append((value, owner, name, place, -1, contact))
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            _item(item, owner, name, place, i, contact, record)
    else:
        walker = _walker(type(value))
        if walker is not None:
            walker(value, (place, name, -1), contact, record)


def _item(
    item: object,
    owner: object,
    name: str,
    place: _Place,
    i: int,
    contact: bool,
    record: _Entries,
) -> None:
    """An item of a tuple, walked by what it is (a tuple in a tuple holds no text)."""
    if isinstance(item, str):
        record.append((item, owner, name, place, i, contact))
    elif not isinstance(item, tuple):
        walker = _walker(type(item))
        if walker is not None:
            walker(item, (place, name, i), contact, record)


def _walker(cls: type[Any]) -> _Walker | None:
    """The walker of a class: generated once per attrs class, None for a class without text."""
    known = _KINDS.get(cls, _NEW)
    if known is not _NEW:
        return typing.cast(_Walker | None, known)
    with _MAKING:
        return _make_walker(cls, set())


def _make_walker(cls: type[Any], making: set[type[Any]]) -> _Walker | None:
    known = _KINDS.get(cls, _NEW)
    if known is not _NEW:
        return typing.cast(_Walker | None, known)
    if issubclass(cls, str | tuple):
        return None  # walked as a text or a tuple, never by a walker; not kept as one
    if not attrs.has(cls):
        _KINDS[cls] = None
        return None
    making.add(cls)
    walker = _WalkerCode(cls, making).function()
    making.discard(cls)
    _KINDS[cls] = walker
    return walker


class _WalkerCode:
    """The code of one class's walker, generated from its attrs fields, in their order.

    For each field the walker reads the value once and compares its exact type with the
    type the field declares: a text is recorded, the items of a tuple are looked at, a part
    is walked by the walker of its class, and a date, a number, an enum or None is passed
    over. A value of any other type goes to `_value`, which walks it by what it is, as
    `text_fields` always has: the declared types make the common case quick, what is found
    never depends on them.
    """

    def __init__(self, cls: type[Any], making: set[type[Any]]) -> None:
        self.cls = cls
        self.making = making
        self.namespace: dict[str, Any] = {
            "_type": type,
            "_str": str,
            "_tuple": tuple,
            "_value": _value,
            "_item": _item,
        }

    def name(self, value: object) -> str:
        key = f"_n{len(self.namespace)}"
        self.namespace[key] = value
        return key

    def function(self) -> _Walker:
        try:
            attrs.resolve_types(self.cls)
        except Exception:  # noqa: BLE001 - hints that do not resolve: every field by its value
            resolved = False
        else:
            resolved = True
        lines = ["def _walk(o, p, c, E):", "    R = E.append"]
        part = issubclass(self.cls, _PARTS)
        if part:
            lines.append("    n = len(E)")
        if issubclass(self.cls, Contact):
            lines.append("    c = True")
        for attribute in _fields(self.cls):
            flag = "True" if _marked(attribute) else "c"
            declared = attribute.type if resolved else None
            lines.append(f"    v = o.{attribute.name}")
            lines.extend("    " + line for line in self.field(declared, attribute.name, flag))
        if part:
            lines.append("    E.parts.append((o, n, len(E)))")
        lines.append("    return")
        exec("\n".join(lines), self.namespace)  # noqa: S102 - code generated from the model
        return typing.cast(_Walker, self.namespace["_walk"])

    def field(self, tp: Any, name: str, flag: str) -> list[str]:
        """Statements that walk the value ``v`` of field ``name``, declared as ``tp``."""
        generic = f"_value(v, o, {name!r}, p, {flag}, E)"
        args = typing.get_args(tp)
        if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
            rest = [a for a in args if a is not type(None)]
            if len(rest) != 1:
                return [generic]
            return ["if v is not None:", *("    " + s for s in self.field(rest[0], name, flag))]
        if tp is str:
            return [
                "if _type(v) is _str:",
                f"    R((v, o, {name!r}, p, -1, {flag}))",
                "else:",
                f"    {generic}",
            ]
        if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
            return [
                "if _type(v) is _tuple:",
                "    if v:",
                *("        " + s for s in self.items(args[0], name, flag)),
                "else:",
                f"    {generic}",
            ]
        walker = self.walker(tp)
        if walker is _NEW:
            return [generic]
        if walker is None:  # a date, a number, an enum: no text
            return [f"if _type(v) is not {self.name(tp)}:", f"    {generic}"]
        return [
            f"if _type(v) is {self.name(tp)}:",
            f"    {self.name(walker)}(v, (p, {name!r}, -1), {flag}, E)",
            "else:",
            f"    {generic}",
        ]

    def items(self, tp: Any, name: str, flag: str) -> list[str]:
        """Statements that walk the items of the tuple ``v`` of field ``name``."""
        if tp is str:
            return [
                "for i, x in enumerate(v):",
                "    if _type(x) is _str:",
                f"        R((x, o, {name!r}, p, i, {flag}))",
                "    else:",
                f"        _item(x, o, {name!r}, p, i, {flag}, E)",
            ]
        walker = self.walker(tp)
        if walker is None or walker is _NEW:
            return ["for i, x in enumerate(v):", f"    _item(x, o, {name!r}, p, i, {flag}, E)"]
        return [
            "for i, x in enumerate(v):",
            f"    if _type(x) is {self.name(tp)}:",
            f"        {self.name(walker)}(x, (p, {name!r}, i), {flag}, E)",
            "    else:",
            f"        _item(x, o, {name!r}, p, i, {flag}, E)",
        ]

    def walker(self, tp: Any) -> Any:
        """The walker of a declared class: None for a class without text, _NEW for no quick one."""
        if not isinstance(tp, type) or issubclass(tp, str | tuple) or tp in self.making:
            return _NEW  # a union, a text, a class that holds itself: walked by its value
        return _make_walker(tp, self.making)


_TEXT = operator.itemgetter(0)
# Every byte of UTF-8 but an ASCII digit, a byte of a character beyond ASCII, "@" and NUL.
_SCREENED = bytes(b for b in range(1, 128) if not (48 <= b <= 57 or b == 64))
# What is left of that, every byte but NUL as "x".
_AS_X = b"\0" + b"x" * 255
# The fewest digits of a phone number (0 and 8 more), the fewest any detector needs.
_FEWEST = 9
_RUN = b"x" * _FEWEST


def _long_parts(data: bytes) -> dict[int, int]:
    """The parts of NUL-separated ``data`` that are `_FEWEST` bytes long or more: their lengths."""
    found: dict[int, int] = {}
    i, last = 0, 0
    at = data.find(_RUN)
    while at >= 0:
        start = data.rfind(b"\0", 0, at) + 1
        end = data.find(b"\0", at)
        end = len(data) if end < 0 else end
        i += data.count(b"\0", last, start)
        last = start
        found[i] = end - start
        at = data.find(_RUN, end)
    return found


def _parts_with(data: bytes, needle: bytes) -> list[int]:
    """The parts of NUL-separated ``data`` that hold ``needle``, in order."""
    found: list[int] = []
    i, last = 0, 0
    at = data.find(needle)
    while at >= 0:
        i += data.count(b"\0", last, at)
        last = at
        found.append(i)
        end = data.find(b"\0", at)
        if end < 0:
            break
        at = data.find(needle, end)
    return found


# A phone number as `_PHONE_SHAPE` without its look-arounds: where the phone detector finds
# one (in the text with register numbers and e-mail addresses blanked out), this finds one
# in the text itself. Blanking only turns six or more characters into spaces, and a phone
# number holds two spaces in a row at most, so no number found crosses a blanked stretch.
_PHONE_LOOSE = re.compile(r"(?:\+32|0032|0)[ ./-]?(?:\(0\))?[ ]?[1-9](?:[ ./-]?\d){7,8}")


class DocumentTexts:
    """Every text of a document, found in one walk, and the texts each detector finds in.

    The privacy rules of one validation share one of these: the walk, and the screening of
    all texts at once, are done once per document rather than once per rule. A detector
    (`rijksregisternummers`, `email_addresses`, `phone_numbers`) then runs only on the
    texts that pass a screen that every text it finds something in passes: the texts found
    are exactly those it finds when it runs on every text.

    Attributes:
        entries: Per text, in document order (as `text_fields`): the text, the object whose
            field holds it, the field's name, where that object is, the place in a tuple
            (-1 for the field itself), and whether the field is meant for contact details
            (`TextField.contact`).
    """

    __slots__ = ("_screen", "entries")

    def __init__(self, document: object) -> None:
        self.entries: _Entries = _Entries()
        self._screen: tuple[dict[int, int], list[int]] | None = None
        walker = _walker(type(document))
        if walker is not None:
            walker(document, None, False, self.entries)

    def path(self, i: int) -> str:
        """The JSON path of the i-th text."""
        _, _, field, place, index, _ = self.entries[i]
        return _path(place, field, index)

    def field(self, i: int) -> TextField:
        """The i-th text as a `TextField`."""
        text, owner, field, place, index, contact = self.entries[i]
        return TextField(_path(place, field, index), text, owner, field, contact)

    def _screened(self) -> tuple[dict[int, int], list[int]]:
        """The texts with 9 or more digits (with how many, or more), and those with an @.

        Done in C for all texts at once: joined by NUL (a character no detector matches),
        as UTF-8, every byte deleted but an ASCII digit, "@", a byte of a character beyond
        ASCII (it may be a digit of another script, or one `stdnum` reads as a digit) and
        NUL. What is left of a text is at least as long as it has digits.
        """
        if self._screen is None:
            data = "\0".join(map(_TEXT, self.entries)).encode("utf-8", "surrogatepass")
            data = data.translate(None, _SCREENED)
            if data.count(b"\0") + 1 == len(self.entries):
                self._screen = (_long_parts(data.translate(_AS_X)), _parts_with(data, b"@"))
            else:  # a NUL in a text: one text at a time
                each = [
                    e[0].encode("utf-8", "surrogatepass").translate(None, _SCREENED)
                    for e in self.entries
                ]
                digits = {i: len(d) for i, d in enumerate(each) if len(d) >= _FEWEST}
                self._screen = (digits, [i for i, d in enumerate(each) if b"@" in d])
        return self._screen

    def with_rijksregisternummer(self) -> list[int]:
        """The texts that hold a national register number (`rijksregisternummers`).

        Only a text with 11 digits or more can hold one.
        """
        entries = self.entries
        digits, _ = self._screened()
        return [i for i, n in digits.items() if n >= 11 and rijksregisternummers(entries[i][0])]

    def with_email_address(self, skip: Callable[[int], bool] | None = None) -> list[int]:
        """The texts that hold an e-mail address (`email_addresses`): only those with an @.

        Args:
            skip: Texts not to look at (by their index), asked before the detector runs.
        """
        entries = self.entries
        return [
            i
            for i in self._screened()[1]
            if (skip is None or not skip(i)) and email_addresses(entries[i][0])
        ]

    def with_phone_number(self, skip: Callable[[int], bool] | None = None) -> list[int]:
        """The texts that hold a phone number (`phone_numbers`): 9 digits at least.

        Args:
            skip: As for `with_email_address`.
        """
        entries = self.entries
        return [
            i
            for i in self._screened()[0]
            if (skip is None or not skip(i))
            and _PHONE_LOOSE.search(entries[i][0])
            and phone_numbers(entries[i][0])
        ]

    def parts_texts(self) -> list[int]:
        """The texts of the fields of a screening, a support or an answer, in document order.

        Only those parts' own fields: not the texts of the parts they hold.
        """
        entries = self.entries
        found = [
            i
            for part, start, end in entries.parts
            for i in range(start, end)
            if entries[i][1] is part
        ]
        return sorted(found)


# --- copies ------------------------------------------------------------------------------

# Fields that hold identifiers and references to other parts, not text: no personal data is
# cleaned out of them, so that every reference still resolves in the copy.
_REFERENCES = frozenset(
    {
        "beroepskwalificaties",
        "bk_competenties",
        "code",
        "competent",
        "competentie",
        "competenties",
        "esco",
        "id",
        "item",
        "leidraad",
        "startcompetenties",
        "traject",
        "vereisten",
        "versie",
    }
)


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _pseudonym(key: bytes, label: str, value: str) -> str:
    # Imported here: checking documents (the privacy rules) needs no hashing.
    import hashlib
    import hmac

    digest = hmac.new(key, f"{label}\x00{_normal(value)}".encode(), hashlib.sha256).hexdigest()
    return f"{label}-{digest[:16]}"


@attrs.frozen
class _Plan:
    """What a copy replaces: per personal text, what stands for it; how names are made."""

    key: bytes | None
    replacements: dict[str, str]

    def name(self, value: str) -> str:
        return _pseudonym(self.key, "persoon", value) if self.key is not None else _NAAM

    def learner(self, value: str) -> str:
        return _pseudonym(self.key, "lerende", value) if self.key is not None else value

    def traject(self, value: str) -> str:
        return _pseudonym(self.key, "traject", value) if self.key is not None else value


def _date_texts(day: pendulum.Date) -> tuple[str, ...]:
    # A date in a note is written as people write it, not only as ISO text.
    d, m, y = day.day, day.month, day.year
    return (
        day.isoformat(),
        f"{d}/{m}/{y}",
        f"{d:02d}/{m:02d}/{y}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d:02d}.{m:02d}.{y}",
        f"{d}-{m}-{y}",
    )


SENTENCE_WORDS = 3
"""How many words a screening or support text needs to be cleaned from other free text.

Such a text is removed from its own field always; in a note it is replaced only where it
stands whole and has at least this many words, so that a strength such as ``nauwkeurig``
does not wipe the word from every note that uses it in its own sense.
"""

# The fields of a marked part whose texts identify a person wherever they stand, and what
# stands for them in free text; names are handled apart (a pseudonym or ``[naam]``).
_IDENTIFYING = {"email": _EMAIL, "telefoon": _TELEFOON, "adres": VERWIJDERD}


def _sentence(text: str) -> bool:
    return len(re.findall(r"\w+", text)) >= SENTENCE_WORDS


def _note(plan: _Plan, field: str, value: object) -> None:
    """Note the texts of a marked field (or of a part inside one) that free text loses."""
    if value is None:
        return
    if isinstance(value, tuple):
        for item in value:
            _note(plan, field, item)
    elif isinstance(value, pendulum.Date):
        # A date of birth identifies; another date (of the screening) does not.
        if field == "geboortedatum":
            for text in _date_texts(value):
                plan.replacements.setdefault(text, VERWIJDERD)
    elif isinstance(value, str):
        if field == "naam":
            plan.replacements.setdefault(value, plan.name(value))
        elif field in _IDENTIFYING:
            plan.replacements.setdefault(value, _IDENTIFYING[field])
        elif _sentence(value):
            # A screening or support text, a reachability: only whole, of sentence length.
            plan.replacements.setdefault(value, VERWIJDERD)
    elif attrs.has(type(value)):
        for attribute in _fields(type(value)):
            _note(plan, attribute.name, getattr(value, attribute.name))


def _collect(document: object, plan: _Plan, learner_names: list[str]) -> None:
    """Note the personal texts of ``document`` with what replaces them, and more.

    Also the learner's names, and, for a pseudonymised copy, the ids it replaces (of the
    learner and of the traject) in the notes too; a redacted copy keeps them everywhere.
    """

    def visit(obj: object) -> None:
        if not attrs.has(type(obj)):
            if isinstance(obj, tuple):
                for item in obj:
                    visit(item)
            return
        for attribute in _fields(type(obj)):
            value = getattr(obj, attribute.name)
            if isinstance(value, str) and _learner_id(obj, attribute.name):
                if plan.key is not None:
                    plan.replacements.setdefault(value, plan.learner(value))
            elif isinstance(value, str) and _traject_id(obj, attribute.name):
                if plan.key is not None:
                    plan.replacements.setdefault(value, plan.traject(value))
            elif not _marked(attribute):
                visit(value)
            else:
                if isinstance(value, Persoonsgegevens):
                    learner_names.append(value.naam)
                _note(plan, attribute.name, value)

    visit(document)


def _learner_parts(plan: _Plan, learner_names: Iterable[str]) -> None:
    # The learner is often named by first name alone in notes ("Lotte houdt een logboek
    # bij"): each part of the learner's name of three letters or more stands for them too.
    for full in learner_names:
        stand_in = plan.name(full) if plan.key is not None else _LERENDE
        plan.replacements[full] = stand_in
        for part in full.split():
            if len(part) >= 3:
                plan.replacements.setdefault(part, stand_in)


def _cleaner(plan: _Plan) -> Callable[[str], str]:
    known = sorted((t for t in plan.replacements if len(t.strip()) >= 3), key=len, reverse=True)
    if not known:
        pattern = None
    else:
        # Whole words only, and any white space between them: a text typed into a note
        # may be wrapped or spaced differently.
        pattern = re.compile(
            r"(?<!\w)(?:"
            + "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in known)
            + r")(?!\w)",
            re.IGNORECASE,
        )
    lookup: dict[str, str] = {}
    for text in known:
        lookup.setdefault(_normal(text), plan.replacements[text])

    def clean(text: str) -> str:
        if pattern is not None:
            text = pattern.sub(lambda m: lookup.get(_normal(m.group()), VERWIJDERD), text)
        for find, stand_in in (
            (rijksregisternummers, _RIJKSREGISTERNUMMER),
            (email_addresses, _EMAIL),
            (phone_numbers, _TELEFOON),
        ):
            for start, end in reversed(find(text)):
                text = text[:start] + stand_in + text[end:]
        return text

    return clean


def _default(attribute: attrs.Attribute[Any]) -> tuple[bool, Any]:
    default = attribute.default
    if default is attrs.NOTHING:
        return False, None
    factory = getattr(default, "factory", None)
    if isinstance(default, attrs.Factory) and callable(factory):  # type: ignore[arg-type]
        return True, factory()
    return True, default


def _learner_id(obj: object, name: str) -> bool:
    return (isinstance(obj, Lerende) and name == "id") or (
        isinstance(obj, Gespreksverslag) and name == "lerende"
    )


def _traject_id(obj: object, name: str) -> bool:
    # Every place that names a traject: the traject itself and the records that belong to
    # it, so that a pseudonymised folder still pairs them.
    return (isinstance(obj, Traject) and name == "id") or (
        isinstance(obj, Gespreksverslag | Aanwezigheden) and name == "traject"
    )


def _copy(obj: T, plan: _Plan, clean: Callable[[str], str]) -> T:
    if isinstance(obj, tuple):
        return typing.cast(T, tuple(_copy(item, plan, clean) for item in obj))
    if not attrs.has(type(obj)) or isinstance(obj, Contact):
        # Contact details are where an e-mail address or a phone number belongs: those of
        # a marked person go as a whole, the others stay.
        return obj
    changes: dict[str, Any] = {}
    for attribute in _fields(type(obj)):
        value = getattr(obj, attribute.name)
        if _marked(attribute):
            new = _personal(attribute, value, plan)
        elif _learner_id(obj, attribute.name) and isinstance(value, str):
            new = plan.learner(value)
        elif _traject_id(obj, attribute.name) and isinstance(value, str):
            new = plan.traject(value)
        elif attribute.name in _REFERENCES:
            new = value
        elif isinstance(value, str):
            new = clean(value)
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            new = tuple(clean(v) for v in value)
        else:
            new = _copy(value, plan, clean)
        if new is not value and new != value:
            changes[attribute.name] = new
    return attrs.evolve(obj, **changes) if changes else obj  # type: ignore[misc]


def _personal(attribute: attrs.Attribute[Any], value: object, plan: _Plan) -> object:
    """What a marked field holds in the copy: a pseudonym, its default, or neutral text."""
    if value is None:
        return None
    if plan.key is not None and isinstance(value, str):
        return plan.replacements.get(value) or plan.name(value)
    has_default, default = _default(attribute)
    if has_default:
        return default
    # A required field: neutral text keeps the copy loadable.
    return VERWIJDERD


def _key(key: object) -> bytes:
    if not isinstance(key, str | bytes):
        # The type only: the value of a key is a secret, even a wrong one.
        kind = type(key).__name__
        raise FieldError(
            "key",
            f"de sleutel voor pseudoniemen moet tekst (str) of bytes zijn, geen {kind}",
            f"the key for pseudonyms must be text (str) or bytes, not {kind}",
        )
    raw = key.encode() if isinstance(key, str) else key
    if not raw:
        raise FieldError(
            "key",
            "de sleutel voor pseudoniemen mag niet leeg zijn",
            "the key for pseudonyms must not be empty",
        )
    return raw


def _plan_for(documents: Iterable[object], key: bytes | None, known: Iterable[str]) -> _Plan:
    plan = _Plan(key, {})
    learners: list[str] = []
    for document in documents:
        _collect(document, plan, learners)
    _learner_parts(plan, learners)
    for text in known:
        plan.replacements.setdefault(text, plan.name(text))
    return plan


def redact(document: T, *, known: Iterable[str] = ()) -> T:
    """A copy of a document, or of a part of one, without personal data.

    Every field marked `PERSOONSGEGEVEN` is emptied; a required one (the name of a mentor or
    a company contact) becomes `VERWIJDERD`, so that the copy still loads and validates.
    In the other texts, what identifies a person is replaced: the names, e-mail addresses,
    phone numbers, addresses and dates of birth of the marked fields, and any e-mail
    address (``[e-mail]``), phone number (``[telefoon]``) and national register number
    (``[rijksregisternummer]``). The learner's name stands as ``[lerende]`` (each part of
    it too: notes name the learner by first name), other names as ``[naam]``, an address
    or a date of birth as `VERWIJDERD`. A screening or support text (or another text of a
    marked field, such as a reachability) is replaced only where it stands whole and has
    `SENTENCE_WORDS` words or more; a single word of it stays. Identifiers and references
    stay as they are, the learner's pseudonymous ``id`` and the traject's id included.

    Args:
        document: A `Traject`, a `Gespreksverslag`, an `Aanwezigheden` or any other
            document or part of one (a `Mentor`, ...).
        known: More personal texts to replace in the free text, such as the names of the
            trajecten a conversation record belongs to (`redact_files` passes those).

    Returns:
        A new object of the same class.

    Raises:
        DocumentTypeError: ``document`` is no document nor a part of one: a path, a text,
            a dict (build the model first with `duaal_leren.from_dict`), ``None``.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.privacy import redact
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> copy = redact(traject)
        >>> copy.lerende.persoonsgegevens, copy.mentor.naam, copy.lerende.id
        (None, '[verwijderd]', 'LRN-2025-0042')
        >>> copy.opvolgingsgesprekken[1].acties[0].omschrijving
        '[lerende] houdt een logboek bij van de aansluitingen die ze maakt.'
    """
    _checked(document, "redact")
    plan = _plan_for([document], None, known)
    return _copy(document, plan, _cleaner(plan))


def pseudonymise(document: T, key: bytes | str, *, known: Iterable[str] = ()) -> T:
    """A copy of a document with stable pseudonyms for names and for the learner's id.

    As `redact`, but every marked name (and its occurrences in the free text) becomes
    ``persoon-`` and 16 hexadecimal digits, the learner's id (`Lerende.id`,
    `Gespreksverslag.lerende`) ``lerende-`` and 16, and the traject's id (`Traject.id`,
    `Gespreksverslag.traject`, `Aanwezigheden.traject`) ``traject-`` and 16, in the notes
    too: the first 64 bits of an HMAC-SHA-256 of the value (its case and spacing aside)
    under ``key``. A record and its traject pseudonymised with the same key still belong
    together. The same value gives the same
    pseudonym in every document and every run with the same key; without the key no one
    can tell which value it stands for. The key itself is written nowhere.

    Args:
        document: A document or a part of one.
        key: The secret key: text (UTF-8) or bytes, not empty. Keep it out of the
            repository, for example in an environment variable.
        known: As for `redact`.

    Raises:
        DocumentTypeError: ``document`` is no document nor a part of one.
        FieldError: The key is empty, or neither text nor bytes.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.privacy import pseudonymise
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> one = pseudonymise(traject, "geheim")
        >>> one.lerende.id.startswith("lerende-"), one.mentor.naam.startswith("persoon-")
        (True, True)
        >>> one == pseudonymise(traject, "geheim"), one == pseudonymise(traject, "ander")
        (True, False)
    """
    _checked(document, "pseudonymise")
    plan = _plan_for([document], _key(key), known)
    return _copy(document, plan, _cleaner(plan))


# --- files -------------------------------------------------------------------------------


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def redact_files(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    key: bytes | str | None = None,
) -> list[Path]:
    """Write a redacted (or, with ``key``, pseudonymised) copy of files and folders.

    A named file is copied into ``output`` under its own name; the documents found in a
    named folder keep their place below it (``klas/traject.yaml`` becomes
    ``OUTPUT/klas/traject.yaml``). The personal texts of every document read are cleaned
    from all of them, so that a conversation record written apart from its traject loses
    the learner's name too. Every file is read and checked first; then all copies are
    written, or none.

    Args:
        paths: Files and folders, as for ``duaal-leren validate``.
        output: The folder to write into; it is created when missing, and it must not be
            (inside) a folder that is read, nor hold a file that is read.
        key: The secret key for `pseudonymise`; without it, `redact`.

    Returns:
        The files written, in the order read.

    Raises:
        DocumentError: A file cannot be read as a document; nothing is written.
        WriteError: ``output`` lies in a folder read, a copy would overwrite a file read,
            two inputs would give the same copy, or the folder cannot be written.
        FieldError: ``key`` is empty, or neither text nor bytes.
    """
    secret = _key(key) if key is not None else None
    target = Path(output)
    sources: list[tuple[Path, Path]] = []
    for name in paths:
        root = Path(name)
        if os.fspath(name) and root.is_dir():
            if _inside(target, root):
                raise WriteError(
                    target,
                    f"de map ligt in de invoermap {root}; kies een map erbuiten",
                    f"the folder lies in the input folder {root}; choose one outside it",
                )
            for found, _ in document_files([root]):
                sources.append((found, target / found.relative_to(root)))
        else:
            sources.append((root, target / root.name))
    documents = []
    for source, _ in sources:
        document, _, fmt = _read_document(source)
        documents.append((document, fmt))
    seen: dict[Path, Path] = {}
    for source, copy in sources:
        if copy.resolve() in seen:
            raise WriteError(
                copy,
                f"{source} en {seen[copy.resolve()]} geven dezelfde kopie",
                f"{source} and {seen[copy.resolve()]} give the same copy",
            )
        seen[copy.resolve()] = source
        for other, _ in sources:
            if copy.exists() and os.path.samefile(copy, other):
                raise WriteError(
                    copy,
                    f"het is een van de invoerbestanden ({other})",
                    f"it is one of the input files ({other})",
                )
    plan = _plan_for([d for d, _ in documents], secret, ())
    clean = _cleaner(plan)
    texts = [dump(_copy(document, plan, clean), fmt) for document, fmt in documents]
    for _, copy in sources:
        make_folder(copy.parent)
        check_writable(copy)
    with write_together():
        for (_, copy), text in zip(sources, texts, strict=True):
            write_atomic(copy, text)
    return [copy for _, copy in sources]
