"""The ``duaal-leren`` command line.

`COMMANDS` lists each command: its name, its one-line help and the private module that
declares its arguments (``configure(parser)``) and runs it (``run(args, out)``). A command's
module is imported only when that command is chosen, so ``duaal-leren --help`` imports none
of them and ``duaal-leren validate --help`` only that of ``validate``. Bad input or usage
never ends in a traceback: the command prints one clear message on stderr and exits with
status 2.

Messages are in Dutch; ``--lang en`` (or ``DUAAL_LEREN_LANG=en``) gives English. Text
meant for a terminal passes through ``printable`` first, so that a value from a document
never moves the cursor, changes colours or hides what comes before it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol, TextIO, cast

from duaal_leren.cli._common import EXIT_OK, EXIT_USAGE, Parser, add_lang, lang

__all__ = ["COMMANDS", "Command", "main"]


class Command(NamedTuple):
    """A command of ``duaal-leren``.

    A plain tuple, so that ``duaal-leren --help`` imports neither attrs nor the library's
    errors: what it prints needs neither.

    Attributes:
        name: The word after ``duaal-leren``.
        help: One line for ``--help``, ``"Dutch / English"``.
        module: The module that declares the command's arguments and runs it.
    """

    name: str
    help: str
    module: str


COMMANDS = (
    Command(
        "summary",
        "vat een traject of standaardplan samen / summarise a traject or standard plan",
        "duaal_leren.cli._summary",
    ),
    Command(
        "validate",
        "controleer plannen en trajecten / check plans and trajecten",
        "duaal_leren.cli._validate",
    ),
    Command("rules", "toon de regels / list the validation rules", "duaal_leren.cli._rules"),
    Command(
        "kalender",
        "toon de schoolkalender van een schooljaar / print the school calendar of a school year",
        "duaal_leren.cli._kalender",
    ),
    Command(
        "planning",
        "plan de opvolgingsgesprekken van trajecten / "
        "plan the follow-up conversations of trajecten",
        "duaal_leren.cli._planning",
    ),
    Command(
        "leidraad",
        "leidraden voor gesprekken en hun verslagen / conversation catalogues and records",
        "duaal_leren.cli._leidraad",
    ),
    Command(
        "voortgang",
        "toon de leervooruitgang van een traject of cohorte / show the learning progress",
        "duaal_leren.cli._voortgang",
    ),
    Command(
        "schema",
        "toon het JSON Schema van een documentsoort / print a document kind's JSON Schema",
        "duaal_leren.cli._schema",
    ),
    Command(
        "uren",
        "geplande en gewerkte uren op de werkplek / planned and actual workplace hours",
        "duaal_leren.cli._uren",
    ),
    Command(
        "redact",
        "schrijf een kopie zonder persoonsgegevens / write a copy without personal data",
        "duaal_leren.cli._redact",
    ),
    Command(
        "retention",
        "toon of wis documenten voorbij hun bewaartermijn / "
        "list or delete documents past their retention date",
        "duaal_leren.cli._retention",
    ),
    Command(
        "export",
        "exporteer naar open standaarden (CASE, Open Badges) / "
        "export to open standards (CASE, Open Badges)",
        "duaal_leren.cli._export",
    ),
    Command(
        "import",
        "importeer uit open standaarden (CASE) / import from open standards (CASE)",
        "duaal_leren.cli._import",
    ),
)
"""The commands, in the order ``--help`` lists them."""


class _CommandModule(Protocol):
    def configure(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, out: TextIO) -> int: ...


def _module(name: str) -> _CommandModule:
    [command] = [c for c in COMMANDS if c.name == name]
    return cast(_CommandModule, importlib.import_module(command.module))


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The command parsers, each given its arguments only once its command is chosen.

    argparse picks the command and hands this action the rest of the arguments; only then
    is the command's module imported to declare what it takes.
    """

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        name = values[0] if isinstance(values, list) and values else None
        command_parser = self.choices.get(name) if isinstance(name, str) else None
        if isinstance(command_parser, argparse.ArgumentParser):
            add_lang(command_parser)
            _module(str(name)).configure(command_parser)
        super().__call__(parser, namespace, values, option_string)


def _parser() -> argparse.ArgumentParser:
    from duaal_leren import __version__

    parser = Parser(
        prog="duaal-leren",
        description="Duaal leren: trajecten, opleidingsplannen en hun controles / "
        "dual learning: trajecten, training plans and their checks.",
    )
    parser.add_argument("--version", action="version", version=f"duaal-leren {__version__}")
    add_lang(parser, default=None)
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=Parser, action=_Commands
    )
    for command in COMMANDS:
        sub.add_parser(command.name, help=command.help, description=command.help)
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
    from duaal_leren.exceptions import DocumentError, DuaalLerenError, printable

    try:
        return _module(args.command).run(args, stream)
    except DuaalLerenError as exc:
        # In the language of --lang. A document's problems start with the file they are in.
        prefix = "" if isinstance(exc, DocumentError) else "duaal-leren: "
        sys.stderr.write(printable(f"{prefix}{exc.text(lang(args))}") + "\n")
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
