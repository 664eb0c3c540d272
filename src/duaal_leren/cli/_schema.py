"""The ``schema`` command: the JSON Schema of a document kind."""

from __future__ import annotations

import argparse
from typing import TextIO

from duaal_leren.cli._common import EXIT_OK, to_json
from duaal_leren.documents import json_schema, kinds

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``schema``."""
    names = ", ".join(kind.name for kind in kinds())
    parser.add_argument("kind", metavar="KIND", help=f"documentsoort / document kind: {names}")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the JSON Schema of the kind."""
    out.write(to_json(json_schema(args.kind)) + "\n")
    return EXIT_OK
