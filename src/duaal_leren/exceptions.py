"""The exceptions of duaal-leren.

Every error the library raises on purpose derives from `DuaalLerenError` and says what is
wrong in Dutch and in English: ``error.text("en")`` is the English text, ``str(error)`` the
text in the default language, Dutch unless `set_default_lang` chose another. A single value that cannot stand (a field of a model, or an argument of a
function) is a `FieldError` that names it. Errors about a document (a file or a text that
cannot be read as a plan or traject) are `DocumentError`s: they carry every problem found in
the document as data, each with a JSON path into the document and, where known, the line in
the file, and a message in Dutch and in English. An optional dependency that is not
installed is a `MissingDependencyError` naming the extra that installs it; a path or a text
given where a model is expected is a `DocumentTypeError`. `excerpt` and `printable` make a
user's value safe to show in a message or an output. The domain
modules add their own: `duaal_leren.kalender.KalenderError`,
`duaal_leren.planning.PlanningError`, `duaal_leren.validation.RuleError` and
`duaal_leren.cohort.CohortError`.
"""

from __future__ import annotations

import json
import os
import re
import reprlib
from collections.abc import Iterable
from typing import Any, Literal

import attrs

__all__ = [
    "LANGS",
    "DocumentError",
    "DocumentTypeError",
    "DuaalLerenError",
    "FieldError",
    "Lang",
    "MissingDependencyError",
    "PathMessage",
    "Problem",
    "WriteError",
    "checked_lang",
    "default_lang",
    "excerpt",
    "location",
    "printable",
    "set_default_lang",
    "shown_id",
]

Lang = Literal["nl", "en"]
"""A language of the messages: ``"nl"`` (Dutch) or ``"en"`` (English)."""

LANGS: tuple[Lang, ...] = ("nl", "en")
"""The languages of the messages."""

# One setting for the whole process, as the locale is: a web application that serves both
# languages passes ``lang`` with each call instead.
_DEFAULT: list[Lang] = ["nl"]


def default_lang() -> Lang:
    """The language of messages where none is given: Dutch unless `set_default_lang` chose."""
    return _DEFAULT[0]


def set_default_lang(lang: str) -> None:
    """Choose the language of messages where none is given, for the whole process.

    It sets what ``str()`` of an error and every ``text()``, ``to_dict()`` and ``to_json()``
    of the library's errors, problems, findings and reports give without ``lang``.

    Args:
        lang: ``"nl"`` or ``"en"``; a regional code such as ``"nl-BE"`` or ``"en_GB"``
            counts as its language.

    Raises:
        FieldError: Another language.

    Example:
        >>> import duaal_leren
        >>> duaal_leren.set_default_lang("en")
        >>> try:
        ...     duaal_leren.Competentie("", "Iets", "school")
        ... except duaal_leren.FieldError as error:
        ...     print(error)
        code: must not be empty
        >>> duaal_leren.set_default_lang("nl")
    """
    _DEFAULT[0] = checked_lang(lang)


def checked_lang(lang: str | None) -> Lang:
    """The language a ``lang`` argument names: the default for ``None``.

    Raises:
        FieldError: ``lang`` names another language than Dutch or English.

    Example:
        >>> checked_lang("EN"), checked_lang("nl-BE"), checked_lang(None)
        ('en', 'nl', 'nl')
    """
    if lang is None:
        return _DEFAULT[0]
    for known in LANGS:  # the common case, first
        if lang == known:
            return known
    code = re.split(r"[-_]", lang, maxsplit=1)[0].lower() if isinstance(lang, str) else None
    for known in LANGS:
        if code == known:
            return known
    raise FieldError(
        "lang",
        f"onbekende taal {excerpt(lang)}; kies 'nl' of 'en'",
        f"unknown language {excerpt(lang)}; choose 'nl' or 'en'",
    )


_STEP = re.compile(r'\.([A-Za-z_][A-Za-z0-9_-]*)|\[([0-9]+)\]|\[("(?:[^"\\]|\\.)*")\]')


def location(path: str) -> tuple[str | int, ...]:
    """The keys and indexes of a JSON path, from the document down, for mapping it to a field.

    Example:
        >>> location("$.opleidingsplan.competenties[3].termijn")
        ('opleidingsplan', 'competenties', 3, 'termijn')
        >>> location('$.lerende["rare sleutel"]'), location("$")
        (('lerende', 'rare sleutel'), ())
    """
    steps: list[str | int] = []
    position = 1 if path.startswith("$") else 0
    while position < len(path):
        match = _STEP.match(path, position)
        if match is None:
            break  # not a path this library writes: what was read so far
        name, index, quoted = match.groups()
        if name is not None:
            steps.append(name)
        elif index is not None:
            steps.append(int(index))
        else:
            steps.append(json.loads(quoted))
        position = match.end()
    return tuple(steps)


class _Excerpt(reprlib.Repr):
    def repr_int(self, x: int, level: int) -> str:
        # Python refuses to turn an int of more than 4,300 digits into text at all.
        if x.bit_length() > 3 * self.maxlong:
            return f"<{x.bit_length()}-bit int>"
        return super().repr_int(x, level)


_REPR = _Excerpt()
_REPR.maxstring = 60
_REPR.maxlong = 40
_REPR.maxother = 60
_REPR.maxlevel = 3
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = 5
_REPR.maxdict = 4


def shown_id(value: str) -> str:
    """An id for a message: as it is when short and printable, else as an `excerpt`.

    Ids (of a traject, a learner) name what a message is about and are shown bare, as
    people write them; an id of thousands of characters, or with control characters, is
    cut and escaped as any quoted value.

    Example:
        >>> shown_id("TRJ-2025-0042")
        'TRJ-2025-0042'
        >>> len(shown_id("x" * 10_000)) < 100
        True
    """
    if len(value) <= 80 and value.isprintable():
        return value
    return excerpt(value)


def excerpt(value: object) -> str:
    """The ``repr`` of a value for a message, cut to a short excerpt.

    A message quotes what was given so that the reader recognises it, never the whole of a
    long value: a document with a five-megabyte text gives a message of one line, not of five
    megabytes. Control characters and lone surrogates come out escaped, as ``repr`` writes
    them, so a message never carries a terminal escape sequence.

    Example:
        >>> excerpt("kort")
        "'kort'"
        >>> excerpt("x" * 1000)
        "'xxxxxxxxxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxxxxxxxxxxxx'"
    """
    # Most values quoted are short numbers and texts, whose repr is the excerpt already: a
    # document with half a million wrong values asks for a million excerpts.
    # (Exact types: reprlib treats a subclass as any other object.)
    if isinstance(value, str) and type(value) is str and len(value) <= _REPR.maxstring:
        text = repr(value)
        if len(text) <= _REPR.maxstring:
            return text
    elif isinstance(value, int) and type(value) is int and value.bit_length() < 64:
        return repr(value)
    return _REPR.repr(value)


# Control characters (but line feed and tab), DEL, the C1 controls (U+009B starts an escape
# sequence on its own), lone surrogates (which no output encoding takes) and the two
# non-characters that XML refuses.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    r"""Text for a terminal, a log or an XML file: control characters written as escapes.

    Line feeds and tabs stay; every other control character, and whatever no UTF-8 output
    or XML parser accepts, becomes its escape as Python writes it. A file name or a value
    of a document shown this way never moves the cursor, changes colours or hides what
    comes before it.

    Example:
        >>> printable("rood: \x1b[31m, regel\nnieuw")
        'rood: \\x1b[31m, regel\nnieuw'
    """
    return _UNPRINTABLE.sub(_escape, text)


class DuaalLerenError(Exception):
    """Base class of every error raised by duaal-leren.

    The message is written for the school coordinator, mentor or trajectbegeleider who reads
    it, in Dutch, with the same in English. ``str(error)`` is the text in the default
    language (Dutch, unless `set_default_lang` chose English); the ``duaal-leren`` command
    prints the language of ``--lang``.

    Attributes:
        message: What is wrong, in Dutch.
        message_en: The same in English.

    Example:
        >>> import duaal_leren
        >>> try:
        ...     duaal_leren.Competentie("", "Iets", duaal_leren.Leerplaats.SCHOOL)
        ... except duaal_leren.DuaalLerenError as error:
        ...     print(error)
        ...     print(error.text("en"))
        code: mag niet leeg zijn
        code: must not be empty
    """

    message: str
    message_en: str

    def __init__(self, message: str, message_en: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        # Without an English text the Dutch one stands for both.
        self.message_en = message_en if message_en is not None else message

    def text(self, lang: str | None = None) -> str:
        """The message in Dutch (``"nl"``) or English (``"en"``), by default the default one.

        Raises:
            FieldError: ``lang`` names another language.
        """
        return self.message_en if checked_lang(lang) == "en" else self.message

    def __str__(self) -> str:
        return self.text()


class FieldError(DuaalLerenError, ValueError):
    """A single value breaks an invariant of its field, or of the argument it was given for.

    Attributes:
        field: The name of the field or argument, such as ``code`` or ``today``.
        message: What is wrong with the value, in Dutch, without the field's name.
        message_en: The same in English.

    Example:
        >>> from duaal_leren import FieldError, Leerplaats
        >>> from duaal_leren.competentie import Competentie
        >>> try:
        ...     Competentie("ELT-01", " ", Leerplaats.SCHOOL)
        ... except FieldError as error:
        ...     print(error.field, "|", error.message, "|", error.text("en"))
        omschrijving | mag niet leeg zijn | omschrijving: must not be empty
    """

    def __init__(self, field: str, message: str, message_en: str) -> None:
        self.field = field
        super().__init__(message, message_en)

    def text(self, lang: str | None = None) -> str:
        """The message in Dutch (``"nl"``) or English (``"en"``), after the field's name."""
        return f"{self.field}: {super().text(lang)}"


class MissingDependencyError(DuaalLerenError, ModuleNotFoundError):
    """An optional dependency is not installed; the message names the extra to install.

    Attributes:
        name: The module that is missing, such as ``matplotlib``.
        extra: The extra of duaal-leren that installs it, such as ``plot``.
    """

    def __init__(self, module: str, extra: str) -> None:
        self.extra = extra
        install = f"pip install 'duaal-leren[{extra}]'"
        super().__init__(
            f"{module} is niet geïnstalleerd; installeer het met {install}",
            f"{module} is not installed; install it with {install}",
        )
        self.name = module


class DocumentTypeError(DuaalLerenError, TypeError):
    """A function that takes a model was given something else, such as a path or a text.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.exceptions import DocumentTypeError
        >>> try:
        ...     duaal_leren.validate("examples/traject-lotte.yaml")
        ... except DocumentTypeError as error:
        ...     print(error.text("en"))
        validate takes a model, not a path or a text (str); read files with validate_files, or load them first
    """


# The length of the text of a DocumentError, and of one of its lines, at most (about).
_MAX_TEXT = 8_000
_MAX_LINE = 500


def _cut(text: str, limit: int) -> str:
    """The text, or its start and end around ``...`` when it is longer than ``limit``."""
    if len(text) <= limit:
        return text
    tail = limit // 4
    return text[: limit - tail - 3] + "..." + text[len(text) - tail :]


class PathMessage:
    """What a problem and a finding share: a path into a document and a bilingual message.

    A base for frozen attrs classes with the fields ``path``, ``message`` and
    ``message_en``.
    """

    __slots__ = ()
    path: str
    message: str
    message_en: str

    @property
    def location(self) -> tuple[str | int, ...]:
        """The path as keys and indexes, such as ``("competenties", 3, "termijn")``.

        A form maps it to its own field; see `location`.
        """
        return location(self.path)

    def text(self, lang: str | None = None) -> str:
        """The message in Dutch (``"nl"``) or English (``"en"``), by default the default one.

        Raises:
            FieldError: ``lang`` names another language.
        """
        return self.message_en if checked_lang(lang) == "en" else self.message


@attrs.frozen
class Problem(PathMessage):
    """One thing wrong with a document.

    Attributes:
        path: JSON path of the offending value, for example
            ``$.opleidingsplan.competenties[3].termijn``; ``$`` is the whole document.
        message: What is wrong, in Dutch.
        message_en: The same in English.
        code: A stable identifier of the kind of problem (``ontbrekend-veld``,
            ``onbekend-veld``, ``ongeldige-waarde``, ...), for tools that react to it.
        line: The line in the file (1-based) where the value is, when known.

    Example:
        >>> problem = Problem("$.competenties[3].termijn", "geen datum", "no date")
        >>> problem.location
        ('competenties', 3, 'termijn')
        >>> problem.to_dict(lang="en")["message"]
        'no date'
    """

    path: str
    message: str
    message_en: str
    code: str = "ongeldige-waarde"
    line: int | None = None

    def to_dict(self, lang: str | None = None, *, both: bool = False) -> dict[str, Any]:
        """Plain data for a tool or a form: path, location, line, code and message.

        Args:
            lang: The language of ``message``: ``"nl"`` or ``"en"``; the default language
                when not given.
            both: Give the message in both languages instead: ``message`` in Dutch and
                ``message_en`` in English.

        Raises:
            FieldError: ``lang`` names another language.
        """
        data: dict[str, Any] = {
            "path": self.path,
            "location": list(self.location),
            "line": self.line,
            "code": self.code,
        }
        if both:
            data["message"] = self.message
            data["message_en"] = self.message_en
        else:
            data["message"] = self.text(lang)
        return data


class DocumentError(DuaalLerenError, ValueError):
    """A document could not be read: it is missing, malformed, or does not fit the model.

    All problems of one document are gathered and raised together. Its message (`text`) is
    a line naming the source, then one line per problem. A message is read by a person: of a
    document with very many problems it lists those that fit in about 8,000 characters and
    counts the others, and it cuts a line that is very long (a path with a long key).
    `problems` holds every problem, whole.

    Attributes:
        source: Where the document came from: a file path, or ``<tekst>`` for a string.
        problems: Every problem found, in document order.
    """

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self._text("nl"), self._text("en"))

    def _text(self, lang: Lang) -> str:
        lines = [self.summary(lang)]
        size = len(lines[0])
        for shown, problem in enumerate(self.problems):
            where = f"regel {problem.line}, " if lang != "en" else f"line {problem.line}, "
            prefix = where if problem.line is not None else ""
            line = _cut(f"  {prefix}{problem.path}: {problem.text(lang)}", _MAX_LINE)
            if size + len(line) >= _MAX_TEXT:
                rest = len(self.problems) - shown
                if lang == "en":
                    lines.append(f"  ... and {rest} more problem{'s' if rest != 1 else ''}")
                else:
                    lines.append(f"  ... en nog {rest} {'probleem' if rest == 1 else 'problemen'}")
                break
            lines.append(line)
            size += len(line) + 1
        return "\n".join(lines)

    def summary(self, lang: str | None = None) -> str:
        """One line naming the source and the number of problems."""
        n = len(self.problems)
        if checked_lang(lang) == "en":
            return f"{self.source}: {n} problem{'s' if n != 1 else ''}"
        return f"{self.source}: {n} {'probleem' if n == 1 else 'problemen'}"


class WriteError(DuaalLerenError, OSError):
    """A file or folder cannot be written; nothing was changed.

    Still an `OSError`, with its ``errno`` when one is known, for code that catches those.

    Attributes:
        path: The path as the user gave it.
        reden: Why it cannot be written, in Dutch.
        reden_en: The same in English.

    Example:
        >>> from duaal_leren._files import write_atomic
        >>> from duaal_leren import WriteError
        >>> try:
        ...     write_atomic("geen-map/tabel.csv", "a,b")
        ... except WriteError as error:
        ...     print(error)
        ...     print(error.text("en"))
        geen-map/tabel.csv kan niet geschreven worden: de map geen-map bestaat niet
        cannot write geen-map/tabel.csv: the folder geen-map does not exist
    """

    def __init__(
        self, path: str | os.PathLike[str], reden: str, reden_en: str, code: int | None = None
    ) -> None:
        self.path = os.fspath(path)
        self.reden = reden
        self.reden_en = reden_en
        super().__init__(
            f"{self.path} kan niet geschreven worden: {reden}",
            f"cannot write {self.path}: {reden_en}",
        )
        self.errno = code
        self.filename = self.path
