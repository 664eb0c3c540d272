"""The ``duaal-leren`` command line.

Each command is a `Command`: a name, a help text, a function that declares its arguments
and one that runs it. Bad input or usage never ends in a traceback: the command prints one
clear message on stderr and exits with status 2.

Messages are in Dutch; ``--lang en`` (or ``DUAAL_LEREN_LANG=en``) gives English. Text
meant for a terminal passes through `printable` first, so that a value from a document never
moves the cursor, changes colours or hides what comes before it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

import attrs

from duaal_leren.exceptions import DocumentError, DuaalLerenError

__all__ = [
    "COMMANDS",
    "SCHEMA_COMMAND",
    "SUMMARY_COMMAND",
    "Command",
    "commands",
    "main",
    "printable",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


@attrs.frozen
class Command:
    """A subcommand of ``duaal-leren``.

    Attributes:
        name: The word after ``duaal-leren``.
        help: One line for ``--help``.
        configure: Declares the command's arguments on its parser.
        run: Runs the command with the parsed arguments and returns the exit status.
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, TextIO], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (zie/see --help)\n")


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
    or XML parser accepts, becomes its escape as Python writes it.

    Example:
        >>> printable("rood: \x1b[31m, regel\nnieuw")
        'rood: \\x1b[31m, regel\nnieuw'
    """
    return _UNPRINTABLE.sub(_escape, text)


def _lang(args: argparse.Namespace) -> str:
    return str(getattr(args, "lang", None) or os.environ.get("DUAAL_LEREN_LANG") or "nl")


def _t(args: argparse.Namespace, nl: str, en: str) -> str:
    return en if _lang(args) == "en" else nl


# --- schema ---------------------------------------------------------------------------


def _configure_schema(parser: argparse.ArgumentParser) -> None:
    from duaal_leren.documents import kinds

    parser.add_argument(
        "kind", metavar="KIND", help="documentsoort: " + ", ".join(k.name for k in kinds())
    )


def _run_schema(args: argparse.Namespace, out: TextIO) -> int:
    from duaal_leren.documents import json_schema

    out.write(json.dumps(json_schema(args.kind), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


# --- summary --------------------------------------------------------------------------


def _configure_summary(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="een traject of standaardplan (YAML/JSON)")


def _run_summary(args: argparse.Namespace, out: TextIO) -> int:
    from duaal_leren.documents import load
    from duaal_leren.summary import summarise

    document = load(args.path)
    try:
        text = printable(summarise(document, lang=_lang(args)))
    except TypeError:
        message = _t(
            args,
            f"duaal-leren: {args.path}: een samenvatting bestaat voor een traject of een "
            "standaardplan, niet voor dit document",
            f"duaal-leren: {args.path}: a summary exists for a traject or a standard plan, "
            "not for this document",
        )
        sys.stderr.write(printable(message) + "\n")
        return EXIT_USAGE
    out.write(text + "\n")
    return EXIT_OK


SUMMARY_COMMAND = Command(
    "summary",
    "vat een traject of standaardplan samen / summarise a traject or standard plan",
    _configure_summary,
    _run_summary,
)

SCHEMA_COMMAND = Command(
    "schema",
    "toon het JSON Schema van een documentsoort / print a document kind's JSON Schema",
    _configure_schema,
    _run_schema,
)

# Commands as "module:attribute", imported only when the command line runs: the modules
# that define them import this one for `Command`, so this module cannot import them first.
COMMANDS: list[str] = [
    "duaal_leren.cli:SUMMARY_COMMAND",
    "duaal_leren.validation._cli:VALIDATE_COMMAND",
    "duaal_leren.validation._cli:RULES_COMMAND",
    "duaal_leren._planning_cli:KALENDER_COMMAND",
    "duaal_leren._planning_cli:PLANNING_COMMAND",
    "duaal_leren.leidraad._cli:LEIDRAAD_COMMAND",
    "duaal_leren._voortgang_cli:VOORTGANG_COMMAND",
    "duaal_leren.cli:SCHEMA_COMMAND",
]
"""The commands, in the order ``--help`` lists them, as ``"module:attribute"``."""


def commands() -> list[Command]:
    """The `Command` objects named in `COMMANDS`."""
    import importlib

    found = []
    for spec in COMMANDS:
        module, _, attribute = spec.partition(":")
        found.append(getattr(importlib.import_module(module), attribute))
    return found


def _parser() -> argparse.ArgumentParser:
    from duaal_leren import __version__

    parser = _Parser(
        prog="duaal-leren",
        description="Duaal leren: trajecten, opleidingsplannen en hun controles.",
    )
    parser.add_argument("--version", action="version", version=f"duaal-leren {__version__}")
    parser.add_argument(
        "--lang", choices=("nl", "en"), default=None, help="taal van de meldingen / language"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in commands():
        command_parser = sub.add_parser(command.name, help=command.help)
        # Accepted after the command too: ``duaal-leren validate --lang en ...``.
        command_parser.add_argument(
            "--lang", choices=("nl", "en"), default=argparse.SUPPRESS, help="taal / language"
        )
        command.configure(command_parser)
        command_parser.set_defaults(_run=command.run)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status.

    Args:
        argv: The arguments, without the program name; by default ``sys.argv[1:]``.
        out: Where normal output goes; by default standard output.
    """
    stream = out or sys.stdout
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--version"]:
        from duaal_leren import __version__

        stream.write(f"duaal-leren {__version__}\n")
        return EXIT_OK
    parser = _parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        status: int = args._run(args, stream)
    except DuaalLerenError as exc:
        # In the language of --lang. A document's problems start with the file they are in.
        prefix = "" if isinstance(exc, DocumentError) else "duaal-leren: "
        sys.stderr.write(printable(f"{prefix}{exc.text(_lang(args))}") + "\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader (``| head``) went away; that is not an error of the command. Point
        # stdout at devnull so that the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        # A file that cannot be written or read outside the document loader.
        sys.stderr.write(printable(f"duaal-leren: {exc}") + "\n")
        return EXIT_USAGE
    return status


def _entry() -> None:  # pragma: no cover - exercised through the console script
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    _entry()
