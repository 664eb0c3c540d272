"""The catalogues shipped with the library, by id.

The shipped catalogues are data files in ``data/``, read and checked with the converter the
first time one is asked for, and kept. Nothing is read when the package is imported.

The completeness of a record (`_volledigheid`), the renderer and the record rules find the
shipped catalogue a record names here, and reading a user's files (`_catalogus`) builds on
it. The data files are read with the parser and the converter directly: a shipped catalogue
is a catalogue, never another kind of document.
"""

from __future__ import annotations

import importlib.resources
import threading

from duaal_leren.exceptions import DocumentError, DuaalLerenError, Problem, excerpt
from duaal_leren.leidraad.model import Leidraad

__all__ = ["OnbekendeLeidraad", "leidraad", "leidraad_ids", "leidraden"]

_SHIPPED = ("leervooruitgang", "opstartgesprek")
"""The ids of the shipped catalogues; each is ``data/<id>.yaml``."""

_SCHEMA = "duaal-leren/leidraad@1"
"""The ``schema`` key of a shipped catalogue's file."""


class OnbekendeLeidraad(DuaalLerenError, LookupError):
    """No shipped catalogue has the id asked for.

    Attributes:
        id: The id asked for.
    """

    def __init__(self, leidraad_id: str) -> None:
        self.id = leidraad_id
        known = ", ".join(_SHIPPED)
        super().__init__(
            f"geen meegeleverde leidraad {excerpt(leidraad_id)}; gekend zijn: {known}",
            f"no shipped catalogue {excerpt(leidraad_id)}; known are: {known}",
        )


def leidraad_ids() -> tuple[str, ...]:
    """The ids of the shipped catalogues, sorted, without reading them."""
    return _SHIPPED


_read: dict[str, Leidraad] = {}
_reading = threading.Lock()


def _shipped(leidraad_id: str) -> Leidraad:
    # One lock for the first reading: threads that ask at once get the same object.
    with _reading:
        catalogue = _read.get(leidraad_id)
        if catalogue is None:
            catalogue = _read[leidraad_id] = _from_data(leidraad_id)
    return catalogue


def _from_data(leidraad_id: str) -> Leidraad:
    # The converter and the parser are needed only once a catalogue is first asked for. A
    # broken data file is reported like a user's; the tests of the data keep that from
    # happening.
    from duaal_leren._convert import converter, problems_of
    from duaal_leren._yaml import parse_yaml

    name = f"{leidraad_id}.yaml"
    resource = importlib.resources.files("duaal_leren.leidraad") / "data" / name
    data, _ = parse_yaml(resource.read_text(encoding="utf-8"), name)
    if not isinstance(data, dict) or data.pop("schema", None) != _SCHEMA:  # pragma: no cover
        raise DocumentError(
            name, [Problem("$.schema", f"verwacht {_SCHEMA}", f"expected {_SCHEMA}")]
        )
    try:
        catalogue: Leidraad = converter().structure(data, Leidraad)
    except Exception as exc:  # noqa: BLE001 # pragma: no cover - any error is a problem
        raise DocumentError(name, list(problems_of(exc))) from None
    if catalogue.id != leidraad_id:  # pragma: no cover
        raise DocumentError(
            name, [Problem("$.id", "id en bestandsnaam verschillen", "id and file name differ")]
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
