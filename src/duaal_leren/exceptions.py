"""The exceptions of duaal-leren.

Every error the library raises on purpose derives from `DuaalLerenError`. Errors about a
document (a file or a text that cannot be read as a plan or traject) are `DocumentError`s:
they carry every problem found in the document as data, each with a JSON path into the
document and, where known, the line in the file, and a message in Dutch and in English.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["DocumentError", "DuaalLerenError", "Problem"]


class DuaalLerenError(Exception):
    """Base class of every error raised by duaal-leren."""


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

    All problems of one document are gathered and raised together.

    Attributes:
        source: Where the document came from: a file path, or ``<tekst>`` for a string.
        problems: Every problem found, in document order.
    """

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self.format("nl"))

    def format(self, lang: str = "nl") -> str:
        """All problems as readable text, one per line, in Dutch (``nl``) or English (``en``)."""
        lines = [self.summary(lang)]
        for problem in self.problems:
            where = f"regel {problem.line}, " if lang != "en" else f"line {problem.line}, "
            prefix = where if problem.line is not None else ""
            lines.append(f"  {prefix}{problem.path}: {problem.text(lang)}")
        return "\n".join(lines)

    def summary(self, lang: str = "nl") -> str:
        """One line naming the source and the number of problems."""
        n = len(self.problems)
        if lang == "en":
            return f"{self.source}: {n} problem{'s' if n != 1 else ''}"
        return f"{self.source}: {n} {'probleem' if n == 1 else 'problemen'}"
