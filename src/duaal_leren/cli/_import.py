"""Placeholder of a command under construction (replaced by its implementation)."""

from __future__ import annotations

import argparse
from typing import TextIO

from duaal_leren.cli._common import EXIT_USAGE

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of the command."""


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run the command."""
    return EXIT_USAGE
