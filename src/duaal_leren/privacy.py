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
import hashlib
import hmac
import os
import re
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pendulum
from stdnum.be import nn

from duaal_leren._files import (
    check_writable,
    document_files,
    make_folder,
    write_atomic,
    write_together,
)
from duaal_leren._validators import PERSOONSGEGEVEN
from duaal_leren.aanwezigheid import Aanwezigheden
from duaal_leren.documents import _read_document, dump, kinds
from duaal_leren.exceptions import DocumentTypeError, FieldError, WriteError
from duaal_leren.gespreksverslag import Gespreksverslag
from duaal_leren.traject import Contact, Lerende, Persoonsgegevens, Traject

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
    return [m.span() for m in _NN_SHAPE.finditer(text) if nn.is_valid(m.group())]


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


def _health_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
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
        kind = type(document).__name__
        raise DocumentTypeError(
            f"{function} neemt een model, geen pad of tekst ({kind}); lees bestanden met "
            "redact_files, of eerst met load",
            f"{function} takes a model, not a path or a text ({kind}); read files with "
            "redact_files, or load them first",
        )
    if type(document) in _model_classes():
        return
    kind = type(document).__name__
    known = ", ".join(k.cls.__name__ for k in kinds())
    hint_nl, hint_en = "", ""
    if isinstance(document, Mapping):
        hint_nl = "; bouw het model eerst met duaal_leren.from_dict"
        hint_en = "; build the model first with duaal_leren.from_dict"
    given_nl = "None" if document is None else f"een object van type {kind}"
    given_en = "None" if document is None else f"an object of type {kind}"
    raise DocumentTypeError(
        f"{function} neemt een document ({known}) of een deel ervan, geen {given_nl}{hint_nl}",
        f"{function} takes a document ({known}) or a part of one, not {given_en}{hint_en}",
    )


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
    yield from _texts(document, "$", contact=False)


def _texts(obj: object, path: str, *, contact: bool) -> Iterator[TextField]:
    if not attrs.has(type(obj)):
        return
    inside_contact = contact or isinstance(obj, Contact)
    for attribute in _fields(type(obj)):
        value = getattr(obj, attribute.name)
        here = f"{path}.{attribute.name}"
        field_contact = inside_contact or _marked(attribute)
        if isinstance(value, str):
            yield TextField(here, value, obj, attribute.name, field_contact)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield TextField(f"{here}[{i}]", item, obj, attribute.name, field_contact)
                else:
                    yield from _texts(item, f"{here}[{i}]", contact=field_contact)
        else:
            yield from _texts(value, here, contact=field_contact)


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
