"""The ``redact`` command: copies of documents without personal data, or with pseudonyms.

``duaal-leren redact PATH... --output DIR`` writes a redacted copy of every file named, and
of every document in every folder named (keeping its place below the folder), into ``DIR``.
A redacted copy keeps the ids of the learner and the traject; ``--pseudonymise --key-env
VAR`` writes stable pseudonyms for them and for the names instead, with the secret key
read from the environment variable ``VAR``: the key is never an argument (it would stand in
the shell's history and in the list of processes) and never written. The copies are
written all together or not at all; ``DIR`` must not be (inside) a folder read, and no copy
may overwrite a file read.
"""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from duaal_leren.cli._common import EXIT_OK, in_lang
from duaal_leren.cli._usage import UsageError
from duaal_leren.exceptions import printable

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``redact``."""
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="documenten en mappen met documenten / documents and folders of documents",
    )
    parser.add_argument(
        "--output",
        "-o",
        required=True,
        metavar="DIR",
        help="de map voor de kopieën, buiten de invoermappen / the folder for the copies, "
        "outside the input folders",
    )
    parser.add_argument(
        "--pseudonymise",
        action="store_true",
        help="vervang namen en de id's van de lerende en het traject door vaste pseudoniemen in "
        "plaats van ze te verwijderen of te houden / replace names and the ids of the learner "
        "and the traject by stable pseudonyms instead of removing or keeping them",
    )
    parser.add_argument(
        "--key-env",
        default=None,
        metavar="VAR",
        help="de omgevingsvariabele met de geheime sleutel voor --pseudonymise / the "
        "environment variable that holds the secret key for --pseudonymise",
    )


def _key(args: argparse.Namespace) -> str | None:
    if not args.pseudonymise:
        if args.key_env:
            raise UsageError(
                "--key-env hoort bij --pseudonymise", "--key-env goes with --pseudonymise"
            )
        return None
    if not args.key_env:
        raise UsageError(
            "--pseudonymise vraagt --key-env VAR: de omgevingsvariabele met de sleutel",
            "--pseudonymise needs --key-env VAR: the environment variable with the key",
        )
    key = os.environ.get(args.key_env, "")
    if not key:
        raise UsageError(
            f"de omgevingsvariabele {args.key_env} is niet gezet of leeg; zet er de geheime "
            "sleutel in",
            f"the environment variable {args.key_env} is not set or empty; put the secret "
            "key in it",
        )
    return key


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Write the copies and list them."""
    from duaal_leren.privacy import redact_files

    key = _key(args)
    written = redact_files(args.paths, args.output, key=key)
    for path in written:
        out.write(printable(str(path)) + "\n")
    verb = (
        in_lang(args, "gepseudonimiseerd", "pseudonymised")
        if key
        else in_lang(args, "zonder persoonsgegevens", "redacted")
    )
    count = len(written)
    out.write(
        in_lang(
            args,
            f"{count} {'kopie' if count == 1 else 'kopieën'} {verb} geschreven in {args.output}",
            f"{count} {'copy' if count == 1 else 'copies'} {verb} written to {args.output}",
        )
        + "\n"
    )
    return EXIT_OK
