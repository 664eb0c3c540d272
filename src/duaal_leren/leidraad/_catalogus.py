"""Reading catalogues, extensions and records from a user's files and texts.

An extension is applied to the shipped catalogue it names (`_meegeleverd`), or to the base
given; its problems get the lines of the file or text they are in.
"""

from __future__ import annotations

import os
from typing import Any

import attrs

from duaal_leren.exceptions import DocumentError, Problem
from duaal_leren.gespreksverslag import Gespreksverslag
from duaal_leren.leidraad._meegeleverd import leidraad
from duaal_leren.leidraad.model import Leidraad, Uitbreiding, extend

__all__ = ["load_leidraad", "load_verslag", "loads_leidraad"]


def _complete(
    document: Any, basis: Leidraad | None, source: str, text_of: Any, is_json: bool
) -> Leidraad:
    """The catalogue a document read as a leidraad or an extension of one stands for."""
    if isinstance(document, Leidraad):
        return document
    if not isinstance(document, Uitbreiding):
        raise DocumentError(
            source,
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
        return extend(base, document, source=source)
    except DocumentError as exc:
        # Only now is the text needed again, to find the lines of the problems.
        raise _with_lines(exc, text_of(), is_json) from None


def _with_lines(exc: DocumentError, text: str, is_json: bool) -> DocumentError:
    # extend() knows the paths of its problems in the extension, not the lines of the text.
    from duaal_leren._parse import find_lines

    lines = find_lines(text, "json" if is_json else "yaml", [p.path for p in exc.problems])
    problems = [attrs.evolve(p, line=lines.get(p.path)) for p in exc.problems]
    return DocumentError(exc.source, problems)


def load_leidraad(path: str | os.PathLike[str], *, basis: Leidraad | None = None) -> Leidraad:
    """Read a catalogue, or an extension of one, from a file.

    A ``leidraad`` document is returned as it is. A ``leidraad-uitbreiding`` document is
    applied to its base catalogue: ``basis`` when given, otherwise the shipped catalogue it
    names.

    Args:
        path: The path of a YAML or JSON file.
        basis: The base catalogue of an extension that does not extend a shipped one.

    Returns:
        The complete catalogue.

    Raises:
        DocumentError: The file cannot be read, is of another kind, or does not fit: every
            problem with its path and line.
        OnbekendeLeidraad: An extension names a base that is not shipped, and none was given.
    """
    from duaal_leren.documents import load

    document: Any = load(path)
    name = os.fspath(path)

    def text() -> str:
        with open(name, encoding="utf-8-sig") as handle:
            return handle.read()

    return _complete(document, basis, name, text, name.lower().endswith(".json"))


def loads_leidraad(text: str | bytes, *, basis: Leidraad | None = None) -> Leidraad:
    """Read a catalogue, or an extension of one, from its text: as `load_leidraad`.

    Args:
        text: The document's text (YAML or JSON), or its UTF-8 bytes.
        basis: The base catalogue of an extension that does not extend a shipped one.

    Raises:
        DocumentError: As `load_leidraad`; the problems name the source ``<tekst>``.
        OnbekendeLeidraad: As `load_leidraad`.

    Example:
        >>> from duaal_leren.leidraad import loads_leidraad
        >>> bouw = loads_leidraad('''
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
    from duaal_leren.documents import TEXT_SOURCE, loads

    document: Any = loads(text)
    decoded = text.decode("utf-8-sig") if isinstance(text, bytes) else text
    return _complete(
        document, basis, TEXT_SOURCE, lambda: decoded, decoded.lstrip().startswith(("{", "["))
    )


def load_verslag(path: str | os.PathLike[str]) -> Gespreksverslag:
    """Read a conversation record from a file; any other kind is an error.

    Raises:
        DocumentError: As `duaal_leren.load`.
    """
    from duaal_leren.documents import load

    return load(path, Gespreksverslag)
