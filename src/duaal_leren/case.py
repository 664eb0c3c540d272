"""Competence frameworks as 1EdTech CASE 1.1 packages (CFPackage): export and import.

A standard plan is a competence framework, and CASE (Competencies and Academic Standards
Exchange) is the open standard that learning platforms, OpenSALT, CASS and Moodle read
frameworks in. `to_case` writes a plan as a CFPackage: one ``CFDocument`` for the plan, a
``CFItem`` per cluster and per competence, ``CFAssociations`` for the tree (``isChildOf``
with a ``sequenceNumber``), the prerequisites (``precedes``) and the references to BK,
Competent and ESCO (``exactMatchOf``, ``isRelatedTo``), and the mastery scale as a
``CFRubric``. What CASE has no field for (leerplaats, aanbreng, inoefening, termijn) goes in
``extensions`` under the key ``duaal-leren``.

Identifiers are UUIDs of version 5 in the project's namespace `NAMESPACE`, derived from the
plan's id and version and the competence code (or cluster name): the same plan gives the
same identifiers in every run, on every machine, and an individual plan's competences share
their identifiers with the standard plan's. URIs are ``urn:uuid:`` URNs unless the caller
gives a base URI of their own: the library invents no address.

`from_case` (`read_case` for a file) reads a CFPackage back into a standard plan: ours, or
another tool's. What does not map is not dropped silently: `CaseImport.notes` lists it, each
note with the JSON path of what it is about. Export, import and export again gives the same
package.

References:
    1EdTech Competencies and Academic Standards Exchange (CASE) Service Version 1.1, JSON
        Schema binding of getCFPackage.
    RFC 4122 (UUID version 5 and its variant).
"""

from __future__ import annotations

import datetime
import json
import os
import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from duaal_leren._parse import child_path, line_for, parse_json
from duaal_leren._validators import FieldError, blank
from duaal_leren.competentie import (
    BK_COMPETENTIE,
    BK_ID,
    COMPETENT_CODE,
    ESCO_URI,
    Competentie,
    Leerplaats,
    Referenties,
)
from duaal_leren.documents import DATA_SOURCE, MAX_SIZE, _read
from duaal_leren.exceptions import DocumentError, Problem, excerpt
from duaal_leren.opleidingsplan import (
    IndividueelOpleidingsplan,
    PlanReferentie,
    StandaardOpleidingsplan,
)
from duaal_leren.opvolging import Beheersingsschaal, Niveau

__all__ = [
    "DEFAULT_CREATOR",
    "EXTENSION",
    "LAST_CHANGE",
    "NAMESPACE",
    "CaseImport",
    "case_uri",
    "cluster_id",
    "competentie_id",
    "document_id",
    "from_case",
    "niveau_id",
    "read_case",
    "rubriek_id",
    "to_case",
]

NAMESPACE = uuid.UUID("61a36a26-6ace-4af1-8cc9-7d20cf434bf5")
"""The project's UUID namespace: every identifier of an export is a UUID 5 in it.

A fixed random UUID, chosen once for duaal-leren; it must never change, or the identifiers
of every exported framework change with it.
"""

EXTENSION = "duaal-leren"
"""The key under ``extensions`` that holds what CASE has no field for."""

DEFAULT_CREATOR = "duaal-leren"
"""The ``creator`` of a CFDocument when the caller names none: the tool that wrote it."""

LAST_CHANGE = "1970-01-01T00:00:00+00:00"
"""The ``lastChangeDateTime`` when the caller gives none.

A plan records no time of change, and an export must be the same in every run: this fixed
value says "unknown". Give ``last_change`` to state the real one.
"""

_CASE_VERSION = "1.1"
_STANDAARD = "standaardplan"
_INDIVIDUEEL = "individueel-opleidingsplan"
_CLUSTER_TYPE = "Cluster"
_COMPETENTIE_TYPE = "Competentie"
_CRITERION_CATEGORY = "beheersing"
_CRITERION_DESCRIPTION = "Beheersing van een competentie volgens de beheersingsschaal"
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_URI_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S*")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[8-9a-b][0-9a-f]{3}-[0-9a-f]{12}")
_ASSOCIATION_TYPES = frozenset(
    {
        "isChildOf",
        "isPeerOf",
        "isPartOf",
        "exactMatchOf",
        "precedes",
        "isRelatedTo",
        "replacedBy",
        "exemplar",
        "hasSkillLevel",
        "isTranslationOf",
    }
)

# The kinds of external reference: the field of `Referenties`, the pattern of its values,
# the targetType of the association's destination, and the association type.
_REFERENCE_KINDS: tuple[tuple[str, str, str, str], ...] = (
    ("beroepskwalificaties", BK_ID, "ext:beroepskwalificatie", "isRelatedTo"),
    ("bk_competenties", BK_COMPETENTIE, "ext:bk-competentie", "exactMatchOf"),
    ("competent", COMPETENT_CODE, "ext:competent", "isRelatedTo"),
    ("esco", ESCO_URI, "ext:esco", "isRelatedTo"),
)


# --- identifiers -------------------------------------------------------------------------


def _uuid(*parts: str) -> str:
    # JSON of the parts is an unambiguous name: no separator can occur inside a part.
    return str(uuid.uuid5(NAMESPACE, json.dumps(parts, ensure_ascii=True)))


def _referentie(plan: StandaardOpleidingsplan | IndividueelOpleidingsplan) -> PlanReferentie:
    if isinstance(plan, StandaardOpleidingsplan):
        return plan.referentie
    return plan.standaardplan


def document_id(plan: StandaardOpleidingsplan | IndividueelOpleidingsplan) -> str:
    """The identifier of the CFDocument of a plan.

    An individual plan's document differs from its standard plan's, but its competences
    share their identifiers with the standard plan's (`competentie_id`).
    """
    soort = _STANDAARD if isinstance(plan, StandaardOpleidingsplan) else _INDIVIDUEEL
    ref = _referentie(plan)
    return _uuid(soort, ref.id, ref.versie)


def competentie_id(plan: PlanReferentie, code: str) -> str:
    """The identifier of the CFItem of a competence: a UUID 5 of plan id, version and code.

    Example:
        >>> from duaal_leren.opleidingsplan import PlanReferentie
        >>> ref = PlanReferentie("elektrotechnisch-installateur-duaal", "2025.1")
        >>> competentie_id(ref, "ELT-03") == competentie_id(ref, "ELT-03")
        True
        >>> competentie_id(ref, "ELT-03")[14], competentie_id(ref, "ELT-03")[19] in "89ab"
        ('5', True)
    """
    return _uuid("competentie", plan.id, plan.versie, code)


def cluster_id(plan: PlanReferentie, naam: str) -> str:
    """The identifier of the CFItem of a cluster, from plan id, version and cluster name."""
    return _uuid("cluster", plan.id, plan.versie, naam)


def rubriek_id(plan: PlanReferentie) -> str:
    """The identifier of the CFRubric of a plan's mastery scale."""
    return _uuid("rubriek", plan.id, plan.versie)


def _criterium_id(plan: PlanReferentie) -> str:
    return _uuid("rubriekcriterium", plan.id, plan.versie)


def niveau_id(plan: PlanReferentie, niveau: Niveau) -> str:
    """The identifier of the CFRubricCriterionLevel of a level of the scale."""
    return _uuid("niveau", plan.id, plan.versie, str(niveau.waarde), niveau.label)


def _check_base(base: str | None) -> None:
    if base is not None and (not isinstance(base, str) or not _URI_START.fullmatch(base)):
        raise FieldError(
            "base",
            f"{excerpt(base)} is geen absolute URI (zoals https://voorbeeld.be/case/)",
            f"{excerpt(base)} is not an absolute URI (such as https://example.org/case/)",
        )


def _check_last_change(value: str) -> None:
    valid = isinstance(value, str) and _DATE_TIME.fullmatch(value) is not None
    if valid:
        try:
            datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            valid = False
    if not valid:
        raise FieldError(
            "last_change",
            f"{excerpt(value)} is geen datum en tijd volgens RFC 3339 (2025-09-01T00:00:00Z)",
            f"{excerpt(value)} is no RFC 3339 date-time (2025-09-01T00:00:00Z)",
        )


def case_uri(identifier: str, base: str | None = None) -> str:
    """The URI of an object: ``urn:uuid:<identifier>``, or the identifier after ``base``.

    Args:
        identifier: The object's UUID.
        base: An absolute URI that the identifier is appended to (a ``/`` is put between
            unless the base ends in ``/``, ``:``, ``#`` or ``=``); ``None`` for URNs.

    Raises:
        FieldError: ``base`` is not an absolute URI.

    Example:
        >>> case_uri("9f0c3a56-0000-5000-8000-000000000000")
        'urn:uuid:9f0c3a56-0000-5000-8000-000000000000'
        >>> case_uri("9f0c3a56-0000-5000-8000-000000000000", "https://example.org/case")
        'https://example.org/case/9f0c3a56-0000-5000-8000-000000000000'
    """
    _check_base(base)
    if base is None:
        return f"urn:uuid:{identifier}"
    return base + ("" if base.endswith(("/", ":", "#", "=")) else "/") + identifier


# --- export ------------------------------------------------------------------------------


def _link(title: str, identifier: str, uri: str, target: str | None = None) -> dict[str, str]:
    link = {"title": title, "identifier": identifier, "uri": uri}
    if target is not None:
        link["targetType"] = target
    return link


@attrs.define
class _Exporter:
    ref: PlanReferentie
    base: str | None
    stamp: str
    associations: list[dict[str, Any]] = attrs.Factory(list)

    def uri(self, identifier: str) -> str:
        return case_uri(identifier, self.base)

    def associate(
        self,
        kind: str,
        origin: dict[str, str],
        destination: dict[str, str],
        sequence: int | None = None,
    ) -> None:
        identifier = _uuid(
            "associatie",
            self.ref.id,
            self.ref.versie,
            kind,
            origin["identifier"],
            destination["identifier"],
            str(sequence),
        )
        association: dict[str, Any] = {
            "identifier": identifier,
            "associationType": kind,
            "uri": self.uri(identifier),
            # Copies: a caller who changes one association changes no other.
            "originNodeURI": dict(origin),
            "destinationNodeURI": dict(destination),
            "lastChangeDateTime": self.stamp,
        }
        if sequence is not None:
            association["sequenceNumber"] = sequence
        self.associations.append(association)

    def rubric(self, schaal: Beheersingsschaal) -> dict[str, Any]:
        rubric_id, criterion_id = rubriek_id(self.ref), _criterium_id(self.ref)
        levels = []
        for position, niveau in enumerate(schaal.niveaus, start=1):
            level_id = niveau_id(self.ref, niveau)
            level: dict[str, Any] = {
                "identifier": level_id,
                "uri": self.uri(level_id),
                "quality": niveau.label,
                "score": niveau.waarde,
                "position": position,
                "rubricCriterionId": criterion_id,
                "lastChangeDateTime": self.stamp,
            }
            if niveau.omschrijving is not None:
                level["description"] = niveau.omschrijving
            levels.append(level)
        extension: dict[str, Any] = {"drempel": schaal.drempel}
        if schaal.bron is not None:
            extension["bron"] = schaal.bron
        rubric: dict[str, Any] = {
            "identifier": rubric_id,
            "uri": self.uri(rubric_id),
            "lastChangeDateTime": self.stamp,
        }
        if schaal.naam is not None:
            rubric["title"] = schaal.naam
        rubric["CFRubricCriteria"] = [
            {
                "identifier": criterion_id,
                "uri": self.uri(criterion_id),
                "category": _CRITERION_CATEGORY,
                "description": _CRITERION_DESCRIPTION,
                "position": 1,
                "rubricId": rubric_id,
                "lastChangeDateTime": self.stamp,
                "CFRubricCriterionLevels": levels,
            }
        ]
        rubric["extensions"] = {EXTENSION: extension}
        return rubric


def _competence_extension(competentie: Competentie, positie: int) -> dict[str, Any]:
    data: dict[str, Any] = {"positie": positie, "leerplaats": competentie.leerplaats.value}
    if competentie.aanbreng is not None:
        data["aanbreng"] = competentie.aanbreng.value
    if competentie.inoefening is not None:
        data["inoefening"] = competentie.inoefening.value
    if competentie.externe_aanbieder is not None:
        data["externe_aanbieder"] = competentie.externe_aanbieder
    if competentie.termijn is not None:
        data["termijn"] = competentie.termijn.isoformat()
    return data


def _reference_link(exporter: _Exporter, kind: str, value: str, target: str) -> dict[str, str]:
    # An ESCO reference is an address ESCO publishes; the codes of BK and Competent have
    # none that this library may name, so they get a URN of their own.
    uri = value if kind == "esco" else f"urn:uuid:{_uuid('referentie', kind, value)}"
    return _link(value, value, uri, target)


def to_case(
    plan: StandaardOpleidingsplan | IndividueelOpleidingsplan,
    *,
    base: str | None = None,
    creator: str = DEFAULT_CREATOR,
    last_change: str = LAST_CHANGE,
    schaal: Beheersingsschaal | None = None,
) -> dict[str, Any]:
    """A plan as a CASE 1.1 CFPackage: plain data that `json.dumps` accepts.

    An individual plan gives the competence part of it: its competences as agreed, with
    the identifiers of the standard plan they come from.

    Args:
        plan: A standard plan, or an individual plan.
        base: An absolute URI to build the objects' URIs from; ``urn:uuid:`` URNs when not
            given.
        creator: Who publishes the framework (``CFDocument.creator``): the school or the
            partnership; by default `DEFAULT_CREATOR`.
        last_change: The ``lastChangeDateTime`` of every object, an RFC 3339 date-time; by
            default `LAST_CHANGE`, so that every run gives the same package.
        schaal: The mastery scale, written as the rubric; by default
            `Beheersingsschaal.standaard`.

    Returns:
        The CFPackage, with the keys in a fixed order.

    Raises:
        FieldError: ``base`` is not an absolute URI, ``last_change`` no RFC 3339 date-time,
            or two competences share a code.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.case import to_case
        >>> plan = duaal_leren.load("examples/standaardplan-elektrotechniek.yaml")
        >>> package = to_case(plan)
        >>> package["CFDocument"]["title"], package["CFDocument"]["caseVersion"]
        ('Elektrotechnisch installateur duaal', '1.1')
        >>> item = next(i for i in package["CFItems"] if i.get("humanCodingScheme") == "ELT-03")
        >>> item["fullStatement"]
        'Maakt een installatie spanningsloos en beveiligt ze tegen herinschakelen'
        >>> item["uri"] == "urn:uuid:" + item["identifier"]
        True
    """
    _check_base(base)
    _check_last_change(last_change)
    ref = _referentie(plan)
    schaal = schaal or Beheersingsschaal.standaard()
    seen: set[str] = set()
    for competentie in plan.competenties:
        if competentie.code in seen:
            raise FieldError(
                "competenties",
                f"de code {excerpt(competentie.code)} komt twee keer voor; CASE geeft elke "
                "competentie één identificatie",
                f"the code {excerpt(competentie.code)} occurs twice; CASE gives each "
                "competence one identifier",
            )
        seen.add(competentie.code)
    exporter = _Exporter(ref, base, last_change)
    doc_id = document_id(plan)
    soort = _STANDAARD if isinstance(plan, StandaardOpleidingsplan) else _INDIVIDUEEL
    document: dict[str, Any] = {
        "identifier": doc_id,
        "uri": exporter.uri(doc_id),
        "creator": creator,
        "title": plan.opleiding,
        "lastChangeDateTime": last_change,
        "caseVersion": _CASE_VERSION,
        "version": ref.versie,
        "language": "nl",
    }
    if isinstance(plan, StandaardOpleidingsplan) and plan.toelichting is not None:
        document["description"] = plan.toelichting
    document["extensions"] = {EXTENSION: {"id": ref.id, "soort": soort}}
    doc_link = _link(plan.opleiding, doc_id, document["uri"])

    # The clusters, in the order of their first competence, then the competences.
    clusters: dict[str, dict[str, str]] = {}
    items: list[dict[str, Any]] = []
    children: dict[str, int] = {}

    def child_of(parent: dict[str, str], child: dict[str, str]) -> None:
        children[parent["identifier"]] = children.get(parent["identifier"], 0) + 1
        exporter.associate("isChildOf", child, parent, children[parent["identifier"]])

    for competentie in plan.competenties:
        naam = competentie.cluster
        if naam is not None and naam not in clusters:
            identifier = cluster_id(ref, naam)
            item: dict[str, Any] = {
                "identifier": identifier,
                "fullStatement": naam,
                "CFItemType": _CLUSTER_TYPE,
                "uri": exporter.uri(identifier),
                "language": "nl",
                "lastChangeDateTime": last_change,
            }
            items.append(item)
            clusters[naam] = _link(naam, identifier, item["uri"])
            child_of(doc_link, clusters[naam])
    links: dict[str, dict[str, str]] = {}
    for positie, competentie in enumerate(plan.competenties, start=1):
        identifier = competentie_id(ref, competentie.code)
        item = {
            "identifier": identifier,
            "fullStatement": competentie.omschrijving,
            "CFItemType": _COMPETENTIE_TYPE,
            "uri": exporter.uri(identifier),
            "humanCodingScheme": competentie.code,
            "language": "nl",
            "lastChangeDateTime": last_change,
            "extensions": {EXTENSION: _competence_extension(competentie, positie)},
        }
        items.append(item)
        links[competentie.code] = _link(competentie.code, identifier, item["uri"])
        naam = competentie.cluster
        child_of(clusters[naam] if naam is not None else doc_link, links[competentie.code])
    for competentie in plan.competenties:
        for sequence, code in enumerate(competentie.vereisten, start=1):
            # A prerequisite outside the plan is still named: by its code and identifier.
            before = links.get(code) or _link(
                code, competentie_id(ref, code), exporter.uri(competentie_id(ref, code))
            )
            exporter.associate("precedes", before, links[competentie.code], sequence)
    for competentie in plan.competenties:
        for field, _, target, kind in _REFERENCE_KINDS:
            for sequence, value in enumerate(getattr(competentie.referenties, field), start=1):
                destination = _reference_link(exporter, field, value, target)
                exporter.associate(kind, links[competentie.code], destination, sequence)
    if isinstance(plan, StandaardOpleidingsplan):
        for sequence, bk in enumerate(plan.beroepskwalificaties, start=1):
            destination = _reference_link(
                exporter, "beroepskwalificaties", bk, _REFERENCE_KINDS[0][2]
            )
            exporter.associate("isRelatedTo", doc_link, destination, sequence)
    return {
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": exporter.associations,
        "CFRubrics": [exporter.rubric(schaal)],
    }


# --- import: the structure ---------------------------------------------------------------


@attrs.frozen
class CaseImport:
    """A CFPackage read back: the standard plan, the scale, and what did not map.

    Attributes:
        plan: The standard plan.
        schaal: The mastery scale of the package's rubric, when it has one that maps.
        notes: What the package holds that the plan does not keep, each with the JSON path
            (and line, when read from a file) of what it is about, code
            ``niet-overgenomen``; notes of one kind are counted in one note.
    """

    plan: StandaardOpleidingsplan
    schaal: Beheersingsschaal | None
    notes: tuple[Problem, ...] = ()


_Check = Callable[[Any], bool]


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_uuid(value: Any) -> bool:
    # The schema's pattern is searched for, not matched whole; so is it here.
    return isinstance(value, str) and _UUID.search(value) is not None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_object(value: Any) -> bool:
    return isinstance(value, dict)


_WHAT: dict[_Check, tuple[str, str]] = {
    _is_text: ("tekst", "text"),
    _is_uuid: ("een UUID (RFC 4122)", "a UUID (RFC 4122)"),
    _is_int: ("een geheel getal", "an integer"),
    _is_number: ("een getal", "a number"),
    _is_object: ("een object", "an object"),
}

_LINK: dict[str, tuple[_Check, bool]] = {
    "title": (_is_text, True),
    "identifier": (_is_text, True),
    "uri": (_is_text, True),
}
_COMMON: dict[str, tuple[_Check, bool]] = {
    "identifier": (_is_uuid, True),
    "uri": (_is_text, True),
    "lastChangeDateTime": (_is_text, True),
    "extensions": (_is_object, False),
}
_SHAPES: dict[str, dict[str, tuple[_Check, bool]]] = {
    "CFDocument": {**_COMMON, "creator": (_is_text, True), "title": (_is_text, True)}
    | {"version": (_is_text, False), "description": (_is_text, False)},
    "CFItems": {
        **_COMMON,
        "fullStatement": (_is_text, True),
        "humanCodingScheme": (_is_text, False),
        "CFItemType": (_is_text, False),
    },
    "CFAssociations": {
        **_COMMON,
        "associationType": (_is_text, True),
        "sequenceNumber": (_is_int, False),
        "originNodeURI": (_is_object, True),
        "destinationNodeURI": (_is_object, True),
    },
    "CFRubrics": {**_COMMON, "title": (_is_text, False)},
    "CFRubricCriteria": {**_COMMON},
    "CFRubricCriterionLevels": {
        **{k: v for k, v in _COMMON.items() if k != "extensions"},
        "quality": (_is_text, False),
        "description": (_is_text, False),
        "score": (_is_number, False),
        "position": (_is_int, False),
    },
}


def _check_shape(
    value: Any, path: str, shape: Mapping[str, tuple[_Check, bool]], problems: list[Problem]
) -> None:
    if not isinstance(value, dict):
        problems.append(Problem(path, "geen JSON-object", "not a JSON object", "ongeldige-waarde"))
        return
    for key, (check, required) in shape.items():
        where = child_path(path, key)
        if key not in value:
            if required:
                problems.append(
                    Problem(
                        where,
                        "dit verplichte veld van CASE 1.1 ontbreekt",
                        "this required field of CASE 1.1 is missing",
                        "ontbrekend-veld",
                    )
                )
        elif not check(value[key]):
            nl, en = _WHAT[check]
            problems.append(
                Problem(
                    where,
                    f"{excerpt(value[key])} is geen {nl}".replace("geen een ", "geen "),
                    f"{excerpt(value[key])} is not {en}",
                    "ongeldige-waarde",
                )
            )


def _check_list(
    container: Mapping[str, Any], key: str, path: str, problems: list[Problem]
) -> list[tuple[str, Any]]:
    """The entries of an optional list of ``container`` with their paths, checked."""
    where = child_path(path, key)
    entries = container.get(key, [])
    if not isinstance(entries, list):
        problems.append(Problem(where, "geen lijst", "not a list", "ongeldige-waarde"))
        return []
    found = []
    for index, entry in enumerate(entries):
        entry_path = child_path(where, index)
        _check_shape(entry, entry_path, _SHAPES[key], problems)
        found.append((entry_path, entry))
    return found


def _check_package(package: Any) -> list[Problem]:
    """What makes ``package`` no CFPackage that CASE 1.1 accepts, as far as it is read."""
    if not isinstance(package, dict) or not isinstance(package.get("CFDocument"), dict):
        return [
            Problem(
                "$",
                "geen CASE-pakket (CFPackage): een JSON-object met een CFDocument verwacht",
                "not a CASE package (CFPackage): expected a JSON object with a CFDocument",
                "geen-cfpackage",
            )
        ]
    problems: list[Problem] = []
    _check_shape(package["CFDocument"], "$.CFDocument", _SHAPES["CFDocument"], problems)
    _check_list(package, "CFItems", "$", problems)
    for path, association in _check_list(package, "CFAssociations", "$", problems):
        if not isinstance(association, dict):
            continue
        kind = association.get("associationType")
        if isinstance(kind, str) and not (
            kind in _ASSOCIATION_TYPES or re.search(r"(ext:)[a-zA-Z0-9.\-_]+", kind)
        ):
            problems.append(
                Problem(
                    child_path(path, "associationType"),
                    f"{excerpt(kind)} is geen soort verband van CASE 1.1",
                    f"{excerpt(kind)} is not an association type of CASE 1.1",
                    "ongeldige-waarde",
                )
            )
        for end in ("originNodeURI", "destinationNodeURI"):
            if isinstance(association.get(end), dict):
                _check_shape(association[end], child_path(path, end), _LINK, problems)
    for path, rubric in _check_list(package, "CFRubrics", "$", problems):
        if isinstance(rubric, dict):
            for cpath, criterion in _check_list(rubric, "CFRubricCriteria", path, problems):
                if isinstance(criterion, dict):
                    _check_list(criterion, "CFRubricCriterionLevels", cpath, problems)
    return problems


# --- import: the mapping -----------------------------------------------------------------


@attrs.define
class _Notes:
    """The notes of an import, those of one kind gathered into one note with a count."""

    lines: dict[str, int]
    found: dict[tuple[str, str], list[Any]] = attrs.Factory(dict)

    def add(self, key: str, path: str, nl: str, en: str) -> None:
        """A note; the notes of the same ``key`` become one, at the first one's path."""
        entry = self.found.setdefault((key, nl), [path, nl, en, 0])
        entry[3] += 1

    def unknown_keys(
        self, obj: Mapping[str, Any], path: str, known: frozenset[str], what: str
    ) -> None:
        for key in obj:
            if key not in known:
                self.add(
                    f"{what}.{key}",
                    child_path(path, key),
                    f"{what}.{key} wordt niet overgenomen",
                    f"{what}.{key} is not kept",
                )

    def problems(self) -> tuple[Problem, ...]:
        result = []
        for path, nl, en, count in self.found.values():
            if count > 1:
                nl, en = f"{nl} ({count} keer)", f"{en} ({count} times)"
            result.append(Problem(path, nl, en, "niet-overgenomen", line_for(path, self.lines)))
        # By line in the file, when the lines are known; else in the order found.
        return tuple(sorted(result, key=lambda p: p.line or 0))


_DOC_KEYS = frozenset(
    {
        "identifier",
        "uri",
        "creator",
        "title",
        "lastChangeDateTime",
        "caseVersion",
        "version",
        "language",
        "description",
        "extensions",
    }
)
_ITEM_KEYS = frozenset(
    {
        "identifier",
        "uri",
        "lastChangeDateTime",
        "fullStatement",
        "humanCodingScheme",
        "CFItemType",
        "language",
        "extensions",
    }
)
_ASSOCIATION_KEYS = frozenset(
    {
        "identifier",
        "uri",
        "lastChangeDateTime",
        "associationType",
        "originNodeURI",
        "destinationNodeURI",
        "sequenceNumber",
    }
)
_LINK_KEYS = frozenset({"title", "identifier", "uri", "targetType"})
_RUBRIC_KEYS = frozenset(
    {"identifier", "uri", "lastChangeDateTime", "title", "CFRubricCriteria", "extensions"}
)
_CRITERION_KEYS = frozenset(
    {
        "identifier",
        "uri",
        "lastChangeDateTime",
        "category",
        "description",
        "position",
        "rubricId",
        "CFRubricCriterionLevels",
    }
)
_LEVEL_KEYS = frozenset(
    {
        "identifier",
        "uri",
        "lastChangeDateTime",
        "quality",
        "description",
        "score",
        "position",
        "rubricCriterionId",
    }
)
_COMPETENCE_EXTENSION_KEYS = frozenset(
    {"positie", "leerplaats", "aanbreng", "inoefening", "externe_aanbieder", "termijn"}
)


def _extension(obj: Mapping[str, Any], path: str, notes: _Notes, what: str) -> dict[str, Any]:
    """Our part of an object's extensions; other tools' parts are noted."""
    extensions = obj.get("extensions", {})
    where = child_path(path, "extensions")
    for key in extensions:
        if key != EXTENSION:
            notes.add(
                f"{what}.extensions",
                child_path(where, key),
                f"{what}.extensions.{key} wordt niet overgenomen",
                f"{what}.extensions.{key} is not kept",
            )
    ours = extensions.get(EXTENSION, {})
    if not isinstance(ours, dict):
        notes.add(
            f"{what}.{EXTENSION}",
            child_path(where, EXTENSION),
            "geen object; niet overgenomen",
            "not an object; not kept",
        )
        return {}
    return ours


# A competence to try one value of an extension on: its own validators judge the value.
_PROBE: dict[str, Any] = {"code": "x", "omschrijving": "x", "leerplaats": Leerplaats.BEIDE}


def _reference(link: Mapping[str, Any]) -> tuple[str, str] | None:
    """The field of `Referenties` and the value an association's destination names."""
    target = link.get("targetType")
    for field, pattern, kind_target, _ in _REFERENCE_KINDS:
        if target == kind_target and re.fullmatch(pattern, link["identifier"]):
            return field, link["identifier"]
    # Another tool's link: the first of its parts that has the form of a code.
    for value in (link["identifier"], link["title"], link["uri"]):
        for field, pattern, _, _ in _REFERENCE_KINDS:
            if re.fullmatch(pattern, value):
                return field, value
    return None


def _sort_key(entry: tuple[int, Mapping[str, Any]]) -> tuple[bool, int, int]:
    index, association = entry
    sequence = association.get("sequenceNumber")
    return (sequence is None, sequence or 0, index)


@attrs.define
class _Importer:
    package: Mapping[str, Any]
    notes: _Notes

    items: dict[str, tuple[str, dict[str, Any]]] = attrs.Factory(dict)
    parents: dict[str, str] = attrs.Factory(dict)
    children: dict[str, list[tuple[int, str, dict[str, Any]]]] = attrs.Factory(dict)

    def run(self) -> CaseImport:
        document = self.package["CFDocument"]
        self.notes.unknown_keys(
            self.package,
            "$",
            frozenset({"CFDocument", "CFItems", "CFAssociations", "CFRubrics"}),
            "CFPackage",
        )
        self.notes.unknown_keys(document, "$.CFDocument", _DOC_KEYS, "CFDocument")
        doc_ext = _extension(document, "$.CFDocument", self.notes, "CFDocument")
        for index, item in enumerate(self.package.get("CFItems", [])):
            path = f"$.CFItems[{index}]"
            if item["identifier"] in self.items:
                self.notes.add(
                    "dubbel-item",
                    child_path(path, "identifier"),
                    "een tweede item met deze identifier wordt niet overgenomen",
                    "a second item with this identifier is not kept",
                )
                continue
            self.items[item["identifier"]] = (path, item)
        associations = list(enumerate(self.package.get("CFAssociations", [])))
        self._tree(document, associations)
        competences = self._competences(document)
        references = self._associations(document, associations, competences)
        plan = self._plan(document, doc_ext, competences, references)
        schaal = self._rubrics()
        self._compare(plan, schaal)
        return CaseImport(plan, schaal, self.notes.problems())

    def _tree(self, document: Mapping[str, Any], associations: list[tuple[int, Any]]) -> None:
        for index, association in sorted(associations, key=_sort_key):
            if association["associationType"] != "isChildOf":
                continue
            path = f"$.CFAssociations[{index}]"
            child = association["originNodeURI"]["identifier"]
            parent = association["destinationNodeURI"]["identifier"]
            if child not in self.items:
                self.notes.add(
                    "isChildOf-buiten",
                    child_path(path, "originNodeURI"),
                    "isChildOf van een item buiten het pakket wordt niet overgenomen",
                    "isChildOf of an item outside the package is not kept",
                )
                continue
            if parent != document["identifier"] and parent not in self.items:
                self.notes.add(
                    "isChildOf-ouder",
                    child_path(path, "destinationNodeURI"),
                    "de ouder ligt buiten het pakket; het item komt bovenaan",
                    "the parent lies outside the package; the item is put at the top",
                )
                parent = document["identifier"]
            if child in self.parents:
                self.notes.add(
                    "isChildOf-tweede",
                    path,
                    "een tweede ouder van een item wordt niet overgenomen",
                    "a second parent of an item is not kept",
                )
                continue
            self.parents[child] = parent
            self.children.setdefault(parent, []).append((index, child, association))

    def _competences(self, document: Mapping[str, Any]) -> list[Competentie]:
        """The leaves of the tree become competences, their parents clusters."""
        leaves = [i for i in self.items if i not in self.children]
        for identifier, (path, item) in self.items.items():
            if identifier in self.children:
                self._cluster_notes(identifier, path, item, document)
        # Depth first by sequenceNumber, then the items that hang nowhere, in package order.
        order: list[str] = []

        def walk(parent: str) -> None:
            for _, child, _ in self.children.get(parent, []):
                if child not in order:
                    order.append(child)
                    walk(child)

        walk(document["identifier"])
        order.extend(i for i in self.items if i not in order)
        ranked = [i for i in order if i in set(leaves)]
        positions: dict[str, Any] = {
            i: _extension(self.items[i][1], self.items[i][0], _Notes({}), "").get("positie")
            for i in ranked
        }
        if ranked and all(_is_int(p) for p in positions.values()):
            ranked.sort(key=lambda i: int(positions[i]))  # all ints, checked above
        else:
            self._position_notes(positions)
        result: list[Competentie] = []
        codes: set[str] = set()
        for identifier in ranked:
            competentie = self._competence(identifier)
            if competentie is None:
                continue
            if competentie.code in codes:
                path = self.items[identifier][0]
                self.notes.add(
                    "dubbele-code",
                    child_path(path, "humanCodingScheme"),
                    f"de code {excerpt(competentie.code)} komt al voor; dit item wordt niet "
                    "overgenomen",
                    f"the code {excerpt(competentie.code)} occurs already; this item is not kept",
                )
                continue
            codes.add(competentie.code)
            result.append(competentie)
        return result

    def _position_notes(self, positions: Mapping[str, Any]) -> None:
        """Why the competences keep the package's order: a positie missing or no integer.

        Without any positie the package's order is the order meant; no note then.
        """
        if all(p is None for p in positions.values()):
            return
        for identifier, positie in positions.items():
            path = self.items[identifier][0]
            if positie is None:
                self.notes.add(
                    "geen-positie",
                    path,
                    "geen positie, wel bij andere competenties: de posities worden niet "
                    "gebruikt, de volgorde van het pakket blijft",
                    "no positie, while other competences have one: the positions are not "
                    "used, the package's order stays",
                )
            elif not _is_int(positie):
                where = child_path(child_path(child_path(path, "extensions"), EXTENSION), "positie")
                self.notes.add(
                    "ongeldige-positie",
                    where,
                    f"{excerpt(positie)} is geen geldige positie (een geheel getal); de "
                    "posities worden niet gebruikt, de volgorde van het pakket blijft",
                    f"{excerpt(positie)} is no valid positie (a whole number); the positions "
                    "are not used, the package's order stays",
                )

    def _cluster_notes(
        self, identifier: str, path: str, item: Mapping[str, Any], document: Mapping[str, Any]
    ) -> None:
        keys = _ITEM_KEYS - {"humanCodingScheme", "extensions"}
        self.notes.unknown_keys(item, path, keys, "CFItems(cluster)")
        if blank(item["fullStatement"]):
            self.notes.add(
                "geen-clusternaam",
                child_path(path, "fullStatement"),
                "lege fullStatement van een cluster: zijn competenties krijgen geen cluster",
                "empty fullStatement of a cluster: its competences get no cluster",
            )
        if item.get("CFItemType", _CLUSTER_TYPE) != _CLUSTER_TYPE:
            self.notes.add(
                "cluster-type",
                child_path(path, "CFItemType"),
                "CFItemType van een cluster wordt niet overgenomen",
                "CFItemType of a cluster is not kept",
            )
        self._language(item, path)
        parent = self.parents.get(identifier, document["identifier"])
        if parent != document["identifier"]:
            self.notes.add(
                "genest",
                path,
                "een item onder een ander item met kinderen: de plan kent één niveau van "
                "clusters; dit item wordt alleen de cluster van zijn kinderen",
                "an item below another item with children: a plan knows one level of "
                "clusters; this item only becomes the cluster of its children",
            )

    def _language(self, item: Mapping[str, Any], path: str) -> None:
        if item.get("language", "nl") != "nl":
            self.notes.add(
                "language",
                child_path(path, "language"),
                "language wordt niet overgenomen (een plan is in het Nederlands)",
                "language is not kept (a plan is in Dutch)",
            )

    def _competence(self, identifier: str) -> Competentie | None:
        path, item = self.items[identifier]
        self.notes.unknown_keys(item, path, _ITEM_KEYS, "CFItems")
        self._language(item, path)
        if item.get("CFItemType", _COMPETENTIE_TYPE) != _COMPETENTIE_TYPE:
            self.notes.add(
                "competentie-type",
                child_path(path, "CFItemType"),
                "CFItemType van een competentie wordt niet overgenomen",
                "CFItemType of a competence is not kept",
            )
        code = item.get("humanCodingScheme")
        if code is None or blank(code):
            self.notes.add(
                "geen-code",
                path,
                "geen humanCodingScheme: de identifier wordt de code",
                "no humanCodingScheme: the identifier becomes the code",
            )
            code = identifier
        omschrijving = item["fullStatement"]
        if blank(omschrijving):
            self.notes.add(
                "geen-omschrijving",
                child_path(path, "fullStatement"),
                "lege fullStatement: de code wordt de omschrijving",
                "empty fullStatement: the code becomes the description",
            )
            omschrijving = code
        ext = _extension(item, path, self.notes, "CFItems")
        where = child_path(child_path(path, "extensions"), EXTENSION)
        self.notes.unknown_keys(ext, where, _COMPETENCE_EXTENSION_KEYS, f"extensions.{EXTENSION}")
        fields: dict[str, Any] = {}
        for key in ("leerplaats", "aanbreng", "inoefening", "externe_aanbieder", "termijn"):
            if key in ext:
                try:
                    probe = Competentie(**{**_PROBE, key: ext[key]})
                except (FieldError, TypeError, ValueError):
                    self.notes.add(
                        f"ongeldig-{key}",
                        child_path(where, key),
                        f"{excerpt(ext[key])} is geen geldige {key}; niet overgenomen",
                        f"{excerpt(ext[key])} is no valid {key}; not kept",
                    )
                    continue
                fields[key] = getattr(probe, key)
        if "leerplaats" not in fields:
            self.notes.add(
                "geen-leerplaats",
                path,
                "geen leerplaats: niet-gedekt tot het plan ze toewijst",
                "no leerplaats: niet-gedekt (not covered) until the plan allocates it",
            )
            fields["leerplaats"] = Leerplaats.NIET_GEDEKT
        parent = self.parents.get(identifier)
        if parent is not None and parent in self.items:
            fields["cluster"] = self.items[parent][1]["fullStatement"] or None
            if fields["cluster"] is not None and blank(fields["cluster"]):
                fields["cluster"] = None
        return Competentie(code=code, omschrijving=omschrijving, **fields)

    def _associations(
        self,
        document: Mapping[str, Any],
        associations: list[tuple[int, Any]],
        competences: list[Competentie],
    ) -> dict[str, dict[str, list[str]]]:
        """Prerequisites into the competences, references returned per code ("" the plan)."""
        code_of = {}
        for identifier, (_, item) in self.items.items():
            code = item.get("humanCodingScheme")
            code_of[identifier] = identifier if code is None or blank(code) else code
        known = {c.code for c in competences}
        vereisten: dict[str, list[str]] = {}
        references: dict[str, dict[str, list[str]]] = {}
        for index, association in sorted(associations, key=_sort_key):
            path = f"$.CFAssociations[{index}]"
            kind = association["associationType"]
            self.notes.unknown_keys(association, path, _ASSOCIATION_KEYS, "CFAssociations")
            for end in ("originNodeURI", "destinationNodeURI"):
                self.notes.unknown_keys(
                    association[end], child_path(path, end), _LINK_KEYS, f"CFAssociations.{end}"
                )
            origin = association["originNodeURI"]
            destination = association["destinationNodeURI"]
            if kind == "isChildOf":
                continue
            if kind == "precedes":
                after = code_of.get(destination["identifier"])
                if after not in known:
                    self._not_kept(path, kind)
                    continue
                before = code_of.get(origin["identifier"])
                if before is None:
                    before = origin["title"]
                    self.notes.add(
                        "precedes-buiten",
                        child_path(path, "originNodeURI"),
                        "een vereiste buiten het pakket: de titel wordt de code",
                        "a prerequisite outside the package: its title becomes the code",
                    )
                elif before not in known:
                    self._not_kept(path, kind)
                    continue
                vereisten.setdefault(str(after), []).append(before)
                continue
            if kind in ("exactMatchOf", "isRelatedTo"):
                found = None if destination["identifier"] in self.items else _reference(destination)
                if origin["identifier"] == document["identifier"]:
                    owner = ""
                else:
                    owner = code_of.get(origin["identifier"]) or ""
                    if owner not in known:
                        found = None
                if found is not None and (owner or found[0] == "beroepskwalificaties"):
                    references.setdefault(owner, {}).setdefault(found[0], []).append(found[1])
                    continue
            self._not_kept(path, kind)
        for index, competentie in enumerate(competences):
            if competentie.code in vereisten:
                competences[index] = attrs.evolve(
                    competentie, vereisten=tuple(vereisten[competentie.code])
                )
            if competentie.code in references:
                refs = references[competentie.code]
                competences[index] = attrs.evolve(
                    competences[index],
                    referenties=Referenties(**{k: tuple(v) for k, v in refs.items()}),
                )
        return references

    def _not_kept(self, path: str, kind: str) -> None:
        self.notes.add(
            f"associatie-{kind}",
            path,
            f"een verband {kind} dat het plan niet kent wordt niet overgenomen",
            f"an association {kind} that the plan has no place for is not kept",
        )

    def _plan(
        self,
        document: Mapping[str, Any],
        ext: Mapping[str, Any],
        competences: list[Competentie],
        references: Mapping[str, Mapping[str, list[str]]],
    ) -> StandaardOpleidingsplan:
        self._language(document, "$.CFDocument")
        where = child_path(child_path("$.CFDocument", "extensions"), EXTENSION)
        self.notes.unknown_keys(ext, where, frozenset({"id", "soort"}), f"extensions.{EXTENSION}")
        plan_id = ext.get("id")
        if not isinstance(plan_id, str) or blank(plan_id):
            self.notes.add(
                "geen-id",
                "$.CFDocument",
                "geen id van het plan: de identifier van het CFDocument wordt het id",
                "no plan id: the CFDocument's identifier becomes the id",
            )
            plan_id = document["identifier"]
        if ext.get("soort", _STANDAARD) != _STANDAARD:
            self.notes.add(
                "soort",
                child_path(where, "soort"),
                "het pakket komt van een individueel opleidingsplan; het wordt een standaardplan",
                "the package comes from an individual plan; it becomes a standard plan",
            )
        versie = document.get("version")
        if versie is None or blank(versie):
            self.notes.add(
                "geen-versie",
                "$.CFDocument",
                "geen version: de versie wordt 'onbekend'",
                "no version: the versie becomes 'onbekend'",
            )
            versie = "onbekend"
        opleiding = document["title"]
        if blank(opleiding):
            self.notes.add(
                "geen-titel",
                "$.CFDocument.title",
                "lege title: het id van het plan wordt de opleiding",
                "empty title: the plan id becomes the opleiding",
            )
            opleiding = plan_id
        toelichting = document.get("description")
        if toelichting is not None and blank(toelichting):
            self.notes.add(
                "geen-toelichting",
                "$.CFDocument.description",
                "lege description wordt niet overgenomen",
                "an empty description is not kept",
            )
        if document.get("creator") != DEFAULT_CREATOR:
            self.notes.add(
                "creator",
                "$.CFDocument.creator",
                "creator wordt niet overgenomen; geef hem bij de export opnieuw mee",
                "creator is not kept; give it again when exporting",
            )
        return StandaardOpleidingsplan(
            id=plan_id,
            opleiding=opleiding,
            versie=versie,
            competenties=tuple(competences),
            beroepskwalificaties=tuple(references.get("", {}).get("beroepskwalificaties", ())),
            toelichting=None if toelichting is None or blank(toelichting) else toelichting,
        )

    def _rubrics(self) -> Beheersingsschaal | None:
        schaal = None
        for index, rubric in enumerate(self.package.get("CFRubrics", [])):
            path = f"$.CFRubrics[{index}]"
            self.notes.unknown_keys(rubric, path, _RUBRIC_KEYS, "CFRubrics")
            found = self._scale(rubric, path) if schaal is None else None
            if found is None:
                self.notes.add(
                    "rubriek",
                    path,
                    "deze rubric wordt niet overgenomen als beheersingsschaal",
                    "this rubric is not kept as the mastery scale",
                )
            schaal = schaal or found
        return schaal

    def _scale(self, rubric: Mapping[str, Any], path: str) -> Beheersingsschaal | None:
        ext = _extension(rubric, path, self.notes, "CFRubrics")
        where = child_path(child_path(path, "extensions"), EXTENSION)
        self.notes.unknown_keys(
            ext, where, frozenset({"drempel", "bron"}), f"extensions.{EXTENSION}"
        )
        criteria = rubric.get("CFRubricCriteria", [])
        if len(criteria) != 1 or not _is_int(ext.get("drempel")):
            return None
        criterion = criteria[0]
        cpath = child_path(child_path(path, "CFRubricCriteria"), 0)
        self.notes.unknown_keys(criterion, cpath, _CRITERION_KEYS, "CFRubricCriteria")
        levels = []
        entries = criterion.get("CFRubricCriterionLevels", [])
        ranked = sorted(enumerate(entries), key=lambda e: (e[1].get("position", 0), e[0]))
        for index, level in ranked:
            lpath = child_path(child_path(cpath, "CFRubricCriterionLevels"), index)
            self.notes.unknown_keys(level, lpath, _LEVEL_KEYS, "CFRubricCriterionLevels")
            score, label = level.get("score"), level.get("quality") or level.get("description")
            if not _is_number(score) or score != int(score) or not label or blank(label):
                return None
            omschrijving = level.get("description") if level.get("quality") else None
            levels.append((int(score), label, omschrijving))
        try:
            return Beheersingsschaal(
                niveaus=tuple(Niveau(w, label, o) for w, label, o in levels),
                drempel=ext["drempel"],
                naam=rubric.get("title") or None,
                bron=ext.get("bron"),
            )
        except (FieldError, TypeError, ValueError):
            return None

    def _compare(self, plan: StandaardOpleidingsplan, schaal: Beheersingsschaal | None) -> None:
        """Note the identifiers and URIs that a new export of the plan would not give."""
        again = to_case(plan, schaal=schaal)
        expected = {again["CFDocument"]["identifier"]}
        expected.update(item["identifier"] for item in again["CFItems"])
        expected.update(a["identifier"] for a in again["CFAssociations"])
        for rubric in again["CFRubrics"]:
            expected.update(_identifiers(rubric))
        stamps = {LAST_CHANGE}
        for path, obj in _objects(self.package):
            if obj["identifier"] not in expected or not obj["uri"].endswith(obj["identifier"]):
                self.notes.add(
                    "identifier",
                    child_path(path, "identifier"),
                    "identifier en uri worden niet overgenomen; een nieuwe export leidt ze af "
                    "uit id, versie en code",
                    "identifier and uri are not kept; a new export derives them from id, "
                    "version and code",
                )
            if obj["lastChangeDateTime"] not in stamps:
                self.notes.add(
                    "lastChangeDateTime",
                    child_path(path, "lastChangeDateTime"),
                    "lastChangeDateTime wordt niet overgenomen",
                    "lastChangeDateTime is not kept",
                )


def _identifiers(obj: Any) -> Iterator[str]:
    if isinstance(obj, dict):
        if isinstance(obj.get("identifier"), str) and "uri" in obj:
            yield obj["identifier"]
        for value in obj.values():
            yield from _identifiers(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _identifiers(value)


def _objects(package: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """The objects of a package that have an identifier, a uri and a time of change."""
    yield "$.CFDocument", package["CFDocument"]
    for key in ("CFItems", "CFAssociations"):
        for index, obj in enumerate(package.get(key, [])):
            yield f"$.{key}[{index}]", obj
    for index, rubric in enumerate(package.get("CFRubrics", [])):
        path = f"$.CFRubrics[{index}]"
        yield path, rubric
        for cindex, criterion in enumerate(rubric.get("CFRubricCriteria", [])):
            cpath = f"{path}.CFRubricCriteria[{cindex}]"
            yield cpath, criterion
            for lindex, level in enumerate(criterion.get("CFRubricCriterionLevels", [])):
                yield f"{cpath}.CFRubricCriterionLevels[{lindex}]", level


def from_case(
    package: Any, *, source: str = DATA_SOURCE, lines: Mapping[str, int] | None = None
) -> CaseImport:
    """A standard plan from a CASE 1.1 CFPackage (plain data, as `json.load` gives it).

    Clusters and competences are told apart by the tree: an item with children (by
    ``isChildOf``) is a cluster, the others are competences, whose cluster is the
    ``fullStatement`` of their parent. ``humanCodingScheme`` is the code, ``fullStatement``
    the description; ``precedes`` gives the prerequisites, ``exactMatchOf`` and
    ``isRelatedTo`` to a BK, BK competence, Competent or ESCO code the references; the
    ``duaal-leren`` extensions the leerplaats and the rest. Whatever else the package holds
    is listed in the notes.

    Args:
        package: The CFPackage.
        source: Names the package in messages.
        lines: The line of each JSON path in the file it was read from, for the notes.

    Returns:
        The plan, its scale, and the notes.

    Raises:
        DocumentError: ``package`` is no CFPackage: a required field is missing or of the
            wrong kind; every problem is listed with its JSON path.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.case import from_case, to_case
        >>> plan = duaal_leren.load("examples/standaardplan-elektrotechniek.yaml")
        >>> result = from_case(to_case(plan))
        >>> result.plan == plan, result.notes
        (True, ())
    """
    where = dict(lines or {})
    problems = _check_package(package)
    if problems:
        raise DocumentError(
            source, [attrs.evolve(p, line=line_for(p.path, where)) for p in problems]
        )
    try:
        return _Importer(package, _Notes(where)).run()
    except FieldError as exc:
        raise DocumentError(
            source, [Problem("$", exc.text("nl"), exc.text("en"), "ongeldige-waarde")]
        ) from None


def read_case(path: str | os.PathLike[str], *, max_size: int | None = None) -> CaseImport:
    """Read a CFPackage from a JSON file into a standard plan; see `from_case`.

    Raises:
        DocumentError: The file is missing, unreadable, larger than ``max_size`` (by
            default 50 MiB), not UTF-8, not JSON, or no CFPackage; the problems name the
            file, the JSON path and the line.
    """
    name = os.fspath(path)
    # The loader's reading, so that a file that cannot be read gets the same messages.
    text = _read(Path(path), name, MAX_SIZE if max_size is None else max_size)
    data, lines = parse_json(text, name, with_lines=True)
    return from_case(data, source=name, lines=lines)
