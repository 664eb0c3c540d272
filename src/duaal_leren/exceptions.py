"""The exceptions of duaal-leren.

Every error the library raises on purpose derives from `DuaalLerenError` and says what is
wrong in Dutch and in English: ``str(error)`` is the Dutch text, ``error.text("en")`` the
English one. A single value that cannot stand (a field of a model, or an argument of a
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

import os
import re
import reprlib
from collections.abc import Iterable

import attrs

__all__ = [
    "DocumentError",
    "DocumentTypeError",
    "DuaalLerenError",
    "FieldError",
    "MissingDependencyError",
    "Problem",
    "WriteError",
    "excerpt",
    "printable",
]


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
    it, in Dutch, with the same in English. ``str(error)`` is the Dutch text; the
    ``duaal-leren`` command prints the language of ``--lang``.

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

    def text(self, lang: str = "nl") -> str:
        """The message in Dutch (``"nl"``) or English (``"en"``)."""
        return self.message_en if lang == "en" else self.message

    def __str__(self) -> str:
        return self.text("nl")


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

    def text(self, lang: str = "nl") -> str:
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


@attrs.frozen
class Problem:
    """One thing wrong with a document.

    Attributes:
        path: JSON path of the offending value, for example
            ``$.opleidingsplan.competenties[3].termijn``; ``$`` is the whole document.
        message: What is wrong, in Dutch.
        message_en: The same in English.
        code: A stable identifier of the kind of problem (``ontbrekend-veld``,
            ``onbekend-veld``, ``ongeldige-waarde``, ...), for tools that react to it.
        line: The line in the file (1-based) where the value is, when known.
    """

    path: str
    message: str
    message_en: str
    code: str = "ongeldige-waarde"
    line: int | None = None

    def text(self, lang: str = "nl") -> str:
        """The message in the given language (``"nl"`` or ``"en"``)."""
        return self.message_en if lang == "en" else self.message


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

    def _text(self, lang: str) -> str:
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

    def summary(self, lang: str = "nl") -> str:
        """One line naming the source and the number of problems."""
        n = len(self.problems)
        if lang == "en":
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
