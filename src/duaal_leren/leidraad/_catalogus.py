"""Reading catalogues, extensions and records from a user's files and texts.

An extension is applied to the shipped catalogue it names (`_meegeleverd`), whose names are
offered here too.
"""

from __future__ import annotations

import os
import re
from typing import Any

import attrs

from duaal_leren.exceptions import DocumentError, Problem
from duaal_leren.leidraad._meegeleverd import (
    OnbekendeLeidraad,
    leidraad,
    leidraad_ids,
    leidraden,
)
from duaal_leren.leidraad.model import Leidraad, Uitbreiding, extend
from duaal_leren.leidraad.verslag import Gespreksverslag

__all__ = [
    "OnbekendeLeidraad",
    "leidraad",
    "leidraad_ids",
    "leidraden",
    "load_leidraad",
    "load_verslag",
]


def _path_of(source: str | os.PathLike[str] | bytes) -> str | None:
    """The file path of a source, or ``None`` for a text, as `load` tells them apart."""
    if isinstance(source, bytes):
        return None
    if isinstance(source, str) and (
        "\n" in source or source.lstrip().startswith(("{", "[", "schema:"))
    ):
        return None
    return os.fspath(source)


def _text_of(source: str | os.PathLike[str] | bytes, path: str | None) -> str:
    """The text of a source that `load` has read before: the file at ``path``, or the text."""
    if path is not None:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    if isinstance(source, bytes):
        return source.decode("utf-8-sig")
    return os.fspath(source)


def _with_lines(exc: DocumentError, text: str, path: str | None) -> DocumentError:
    # extend() knows the paths of its problems in the extension, not the lines of the file.
    from duaal_leren._parse import json_lines, yaml_lines

    is_json = path.lower().endswith(".json") if path else text.lstrip().startswith("{")
    lines = (json_lines if is_json else yaml_lines)(text, [p.path for p in exc.problems])
    problems = []
    for problem in exc.problems:
        where = problem.path
        # A value that is missing has no line: point at the object that lacks it.
        while where not in lines and len(where) > 1:
            where = re.sub(r"(\.[^.\[]+|\[[^\]]*\])$", "", where) or "$"
        problems.append(attrs.evolve(problem, line=lines.get(where)))
    return DocumentError(exc.source, problems)


def load_leidraad(
    source: str | os.PathLike[str] | bytes, *, basis: Leidraad | None = None
) -> Leidraad:
    """Read a catalogue, or an extension of one, from a file or a text.

    A ``leidraad`` document is returned as it is. A ``leidraad-uitbreiding`` document is
    applied to its base catalogue: ``basis`` when given, otherwise the shipped catalogue it
    names.

    Args:
        source: A path to a YAML or JSON file, or the document's text.
        basis: The base catalogue of an extension that does not extend a shipped one.

    Returns:
        The complete catalogue.

    Raises:
        DocumentError: The document cannot be read, is of another kind, or does not fit:
            every problem with its path and line.
        OnbekendeLeidraad: An extension names a base that is not shipped, and none was given.

    Example:
        >>> from duaal_leren.leidraad import load_leidraad
        >>> bouw = load_leidraad('''
        ... schema: duaal-leren/leidraad-uitbreiding@1
        ... id: opstartgesprek-bouw
        ... titel: Leidraad opstartgesprek, bouw
        ... versie: '1'
        ... basis: opstartgesprek
        ... aanvullingen:
        ... - bij: verwachtingen-samenwerking
        ...   items:
        ...   - id: bouw.vca
        ...     tekst: Moet de lerende een VCA-attest halen?
        ... ''')
        >>> bouw.item("bouw.vca").tekst
        'Moet de lerende een VCA-attest halen?'
    """
    from duaal_leren.documents import TEXT_SOURCE, load

    document: Any = load(source)
    if isinstance(document, Leidraad):
        return document
    path = _path_of(source)
    name = path if path is not None else TEXT_SOURCE
    if not isinstance(document, Uitbreiding):
        raise DocumentError(
            name,
            [
                Problem(
                    "$.schema",
                    "verwacht een leidraad of een leidraad-uitbreiding",
                    "expected a leidraad or a leidraad-uitbreiding",
                    "verkeerde-soort",
                )
            ],
        )
    base = basis if basis is not None else leidraad(document.basis)
    try:
        return extend(base, document, source=name)
    except DocumentError as exc:
        # Only now is the text needed again, to find the lines of the problems.
        raise _with_lines(exc, _text_of(source, path), path) from None


def load_verslag(source: str | os.PathLike[str] | bytes) -> Gespreksverslag:
    """Read a conversation record from a file or a text; any other kind is an error.

    Raises:
        DocumentError: As `duaal_leren.load`.
    """
    from duaal_leren.documents import load

    return load(source, Gespreksverslag)
