"""What the commands of ``duaal-leren`` share: exit statuses, language, options and output.

The parser whose errors are one line, the language of the output (``--lang``, else
``DUAAL_LEREN_LANG``, else Dutch), the dates of options (read by `as_day`, the library's one
date reader, so that a wrong one is reported in the language asked for), the weekdays of
``--weekdagen`` and of printed dates, a ``--format`` option that describes each of its
choices, the search of folders for documents, and JSON that any output takes. This module
imports little at the top (not even attrs, which the library's errors need): `duaal_leren.cli`
imports it to build ``--help``, which stays about as fast as Python's own start.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    import datetime as dt

    import pendulum

    from duaal_leren.traject import Weekdag

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "Parser",
    "add_format",
    "add_lang",
    "date_option",
    "in_lang",
    "lang",
    "to_json",
    "weekdagen",
    "weekday",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2.

    Its ``--help`` is described in both languages, as every other option.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "add_help": False})
        self.add_argument(
            "-h",
            "--help",
            action="help",
            help="toon deze hulp en stop / show this help and exit",
        )

    def error(self, message: str) -> NoReturn:
        from duaal_leren.exceptions import printable

        self.exit(EXIT_USAGE, printable(f"{self.prog}: {message} (zie/see --help)") + "\n")


# --- language -------------------------------------------------------------------------


def lang(args: argparse.Namespace, default: str | None = None) -> str:
    """The language of the output: ``--lang``, else ``DUAAL_LEREN_LANG``, else ``default``.

    ``default`` is the language of the settings file, where a command has one; without it,
    Dutch.
    """
    return str(getattr(args, "lang", None) or os.environ.get("DUAAL_LEREN_LANG") or default or "nl")


def in_lang(args: argparse.Namespace, nl: str, en: str) -> str:
    """``en`` when the output is in English, ``nl`` otherwise."""
    return en if lang(args) == "en" else nl


def add_lang(parser: argparse.ArgumentParser, default: str | None = argparse.SUPPRESS) -> None:
    """``--lang``, before the command and after it: ``duaal-leren validate --lang en ...``.

    Args:
        parser: The parser of the command line, or of a command.
        default: ``None`` on the command line's own parser; a command's parser leaves the
            value of the one before the command as it is.
    """
    parser.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=default,
        help="taal van de uitvoer en meldingen: nl (Nederlands) of en (Engels) / language of "
        "the output and messages: nl (Dutch) or en (English)",
    )


# --- options --------------------------------------------------------------------------


def add_format(
    parser: argparse.ArgumentParser,
    formats: Mapping[str, str],
    default: str | None = "text",
    *,
    default_help: tuple[str, str] = ("text", "text"),
) -> None:
    """``--format``, with a help text that says what each choice gives, in both languages.

    Args:
        parser: The command's parser.
        formats: Each choice with what it gives, ``"Dutch / English"``.
        default: The value when the option is not given.
        default_help: The default as the help text names it, in Dutch and in English.
    """
    halves = {name: what.partition(" / ")[::2] for name, what in formats.items()}
    dutch = ", ".join(f"{name} ({nl})" for name, (nl, _) in halves.items())
    english = ", ".join(f"{name} ({en})" for name, (_, en) in halves.items())
    parser.add_argument(
        "--format",
        choices=tuple(formats),
        default=default,
        help=f"uitvoer: {dutch}; standaard {default_help[0]} / "
        f"output: {english}; by default {default_help[1]}",
    )


def date_option(args: argparse.Namespace, option: str) -> pendulum.Date | None:
    """The date given with ``option`` (``"--today"``), or ``None`` when it is not given.

    The text is read when the command runs, not by argparse, so that a wrong date is
    reported in the language of ``--lang``, wherever that stands on the line.

    Raises:
        FieldError: The text is no date written as ``YYYY-MM-DD`` (an empty one neither).
    """
    from duaal_leren._validators import as_day

    text = getattr(args, option.removeprefix("--").replace("-", "_"))
    return None if text is None else as_day(text, option)


# The weekdays as dates are printed with them, Monday first.
_WEEKDAYS = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def weekday(args: argparse.Namespace, date: dt.date) -> str:
    """The short name of the weekday of ``date``: ``ma`` or ``Mon``."""
    return _WEEKDAYS[in_lang(args, "nl", "en")][date.isoweekday() - 1]


def weekdagen(text: str) -> tuple[Weekdag, ...]:
    """The argument type of a list of weekdays: ``ma,do``, ``maandag``, ``mon,thu``.

    Raises:
        argparse.ArgumentTypeError: A part names no weekday; argparse reports it.
    """
    from duaal_leren.exceptions import excerpt
    from duaal_leren.traject import Weekdag

    names: dict[str, Weekdag] = {day.value: day for day in Weekdag}
    for short in _WEEKDAYS.values():
        names.update({name.lower(): day for name, day in zip(short, Weekdag, strict=True)})
    days = []
    for part in text.split(","):
        key = part.strip().lower()
        if key not in names:
            raise argparse.ArgumentTypeError(
                f"onbekende weekdag {excerpt(part.strip())} / unknown weekday; gebruik/use ma,di,wo,do,vr"
            )
        days.append(names[key])
    return tuple(days)


# --- input ----------------------------------------------------------------------------

# --- output ---------------------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


def to_json(data: Any) -> str:
    r"""``data`` as indented JSON that any UTF-8 output takes.

    JSON escapes control characters itself; a lone surrogate (from a file name that is no
    UTF-8) it leaves as it is, and no UTF-8 output takes that, so it becomes ``\udcxx``.
    """
    # `dump_json`: the text of ``json.dumps(..., indent=2)``, written by orjson where it is
    # the same (a report of hundreds of files is written at once).
    from duaal_leren._parse import dump_json

    text = dump_json(data).removesuffix("\n")
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
