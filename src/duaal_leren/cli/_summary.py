"""The ``summary`` command: a traject or a standard plan in a few lines of text."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from duaal_leren.cli._common import EXIT_OK, EXIT_USAGE, in_lang, lang
from duaal_leren.documents import load
from duaal_leren.exceptions import printable
from duaal_leren.summary import summarise

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``summary``."""
    parser.add_argument(
        "path",
        metavar="PATH",
        help="een traject of standaardplan (YAML/JSON) / a traject or standard plan (YAML/JSON)",
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the summary of the document."""
    document = load(args.path)
    try:
        text = printable(summarise(document, lang=lang(args)))
    except TypeError:
        message = in_lang(
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
