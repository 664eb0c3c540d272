"""duaal-leren: a typed model of Flemish dual learning (duaal leren).

A learner's dual trajectory (`Traject`) between a school and a company workplace, the
training plan (`Opleidingsplan`: the `StandaardOpleidingsplan` of a course and the
`IndividueelOpleidingsplan` of one learner) with its competences (`Competentie`) and where
each is learned (`Leerplaats`), read from and written to YAML and JSON files.

Example:
    >>> import duaal_leren
    >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
    >>> traject.werkplek.onderneming
    'Elektro Vermeulen bv'
"""

from __future__ import annotations

from duaal_leren.competentie import Competentie, Leerplaats, Referenties
from duaal_leren.documents import (
    Format,
    Kind,
    dump,
    json_schema,
    kind_of,
    kinds,
    load,
    load_standaardplan,
    load_traject,
    loads,
    save,
)
from duaal_leren.exceptions import DocumentError, DuaalLerenError, Problem
from duaal_leren.validation import Finding, Report, Severity, validate
from duaal_leren.opleidingsplan import (
    Handtekening,
    IndividueelOpleidingsplan,
    Opleidingsplan,
    Partij,
    PlanReferentie,
    Planstatus,
    StandaardOpleidingsplan,
    Toevoeging,
    Verplaatsing,
    Weglating,
)
from duaal_leren.traject import (
    PERSOONSGEGEVEN,
    Afspraak,
    Bedrijfscontact,
    Contact,
    Erkenning,
    Leerwerkplek,
    Lerende,
    Mentor,
    Onderwijsinstelling,
    Ondersteuning,
    Overeenkomst,
    Overeenkomstsoort,
    Persoon,
    Persoonsgegevens,
    PraktischeAfspraken,
    Screening,
    Traject,
    Weekdag,
    Weekpatroon,
    Werkdag,
    WerkdagPlaats,
)

__version__ = "0.1.0"

__all__ = [
    "PERSOONSGEGEVEN",
    "Afspraak",
    "Bedrijfscontact",
    "Competentie",
    "Contact",
    "DocumentError",
    "DuaalLerenError",
    "Erkenning",
    "Finding",
    "Format",
    "Handtekening",
    "IndividueelOpleidingsplan",
    "Kind",
    "Leerplaats",
    "Leerwerkplek",
    "Lerende",
    "Mentor",
    "Onderwijsinstelling",
    "Ondersteuning",
    "Opleidingsplan",
    "Overeenkomst",
    "Overeenkomstsoort",
    "Partij",
    "Persoon",
    "Persoonsgegevens",
    "PlanReferentie",
    "Planstatus",
    "PraktischeAfspraken",
    "Problem",
    "Referenties",
    "Report",
    "Screening",
    "Severity",
    "StandaardOpleidingsplan",
    "Toevoeging",
    "Traject",
    "Verplaatsing",
    "Weekdag",
    "Weekpatroon",
    "Weglating",
    "Werkdag",
    "WerkdagPlaats",
    "__version__",
    "dump",
    "json_schema",
    "kind_of",
    "kinds",
    "load",
    "load_standaardplan",
    "load_traject",
    "loads",
    "save",
    "validate",
]
