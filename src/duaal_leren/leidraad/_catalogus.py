"""The shipped catalogues, and reading catalogues, extensions and records from files.

The shipped catalogues are data files in ``data/``, read with the same strict loader as a
user's files the first time one is asked for, and kept. Nothing is read when the package is
imported.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
import re
from typing import Any

import attrs

from duaal_leren.exceptions import DocumentError, DuaalLerenError, Problem
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

_SHIPPED = ("leervooruitgang", "opstartgesprek")
"""The ids of the shipped catalogues; each is ``data/<id>.yaml``."""


class OnbekendeLeidraad(DuaalLerenError, LookupError):
    """No shipped catalogue has the id asked for.

    Attributes:
        id: The id asked for.
    """

    def __init__(self, leidraad_id: str) -> None:
        self.id = leidraad_id
        known = ", ".join(_SHIPPED)
        super().__init__(
            f"geen meegeleverde leidraad {leidraad_id!r}; gekend zijn: {known}",
            f"no shipped catalogue {leidraad_id!r}; known are: {known}",
        )


def leidraad_ids() -> tuple[str, ...]:
    """The ids of the shipped catalogues, sorted, without reading them."""
    return _SHIPPED


@functools.cache
def _shipped(leidraad_id: str) -> Leidraad:
    from duaal_leren.documents import load

    resource = importlib.resources.files("duaal_leren.leidraad") / "data" / f"{leidraad_id}.yaml"
    with importlib.resources.as_file(resource) as path:
        catalogue = load(path, Leidraad)
    if catalogue.id != leidraad_id:  # pragma: no cover - guarded by the tests of the data
        raise DocumentError(
            str(path),
            [Problem("$.id", "id en bestandsnaam verschillen", "id and file name differ")],
        )
    return catalogue


def leidraad(leidraad_id: str) -> Leidraad:
    """A shipped catalogue by its id.

    The shipped catalogues are ``opstartgesprek`` (Leidraad opstartgesprek voor
    leerwerkplekken, June 2023: 45 questions) and ``leervooruitgang`` (Wat bespreek ik
    omtrent de leervooruitgang?: three themes and eight consultation goals). Each is read and
    checked once, on first use.

    Raises:
        OnbekendeLeidraad: No shipped catalogue has this id.

    Example:
        >>> from duaal_leren.leidraad import leidraad
        >>> voortgang = leidraad("leervooruitgang")
        >>> [thema.id for thema in voortgang.themas]
        ['thematieken', 'overlegdoelen']
        >>> len(voortgang.thema("overlegdoelen").items)
        8
    """
    if leidraad_id not in _SHIPPED:
        raise OnbekendeLeidraad(leidraad_id)
    return _shipped(leidraad_id)


def leidraden() -> tuple[Leidraad, ...]:
    """Every shipped catalogue, by id.

    Example:
        >>> from duaal_leren.leidraad import leidraden
        >>> [catalogue.id for catalogue in leidraden()]
        ['leervooruitgang', 'opstartgesprek']
    """
    return tuple(leidraad(leidraad_id) for leidraad_id in _SHIPPED)


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
    from duaal_leren._parse import parse_json, parse_yaml

    is_json = path.lower().endswith(".json") if path else text.lstrip().startswith("{")
    parse = parse_json if is_json else parse_yaml
    _, lines = parse(text, exc.source, with_lines=True)
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
