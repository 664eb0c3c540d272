"""CASE 1.1 export and import of competence frameworks (duaal_leren.case).

Exports are checked against the published CASE 1.1 JSON Schema (tests/data, copied
unchanged), resolved offline: a `referencing` registry holds the copied schema and refuses
to fetch anything else.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
import uuid
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from referencing import Registry, Resource, Specification
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

import duaal_leren
from duaal_leren import strategies
from duaal_leren.case import (
    LAST_CHANGE,
    NAMESPACE,
    case_uri,
    competentie_id,
    document_id,
    from_case,
    read_case,
    to_case,
)
from duaal_leren.exceptions import DocumentError, FieldError
from duaal_leren.opleidingsplan import IndividueelOpleidingsplan, StandaardOpleidingsplan
from duaal_leren.opvolging import Beheersingsschaal, Niveau

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "standaardplan-elektrotechniek.yaml"
FIXTURE = DATA / "case-opensalt-fixture.json"
_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})"
)


def _no_fetch(uri: str) -> Resource[Any]:
    raise NoSuchResource(ref=uri)  # tests never reach the network


def registry(specification: Specification[Any], *names: str) -> Registry[Any]:
    """The copied schemas, under their own ids, and nothing fetched.

    The draft is given, not read from ``$schema``: the CASE schema names its draft with
    ``http://``, which `referencing` does not recognise.
    """
    found: Registry[Any] = Registry(retrieve=_no_fetch)  # type: ignore[call-arg]
    for name in names:
        schema = json.loads((DATA / name).read_text(encoding="utf-8"))
        found = found.with_resource(schema["$id"], specification.create_resource(schema))
    return found


def format_checker(cls: type[jsonschema.protocols.Validator]) -> jsonschema.FormatChecker:
    """The draft's format checker with strict ``date-time`` and ``uri``.

    jsonschema checks those two only with optional packages; here they are checked always.
    """
    checker = copy.deepcopy(cls.FORMAT_CHECKER)

    @checker.checks("date-time")
    def date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _RFC3339.fullmatch(value):
            return False
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True

    @checker.checks("uri")
    def uri(value: object) -> bool:
        return not isinstance(value, str) or re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:\S+", value)

    return checker


def case_validator() -> jsonschema.Draft202012Validator:
    """A validator of the CASE 1.1 CFPackage schema, offline and with format checks."""
    name = "case-v1p1-cfpackage.schema.json"
    schema = json.loads((DATA / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema,
        registry=registry(DRAFT202012, name),
        format_checker=format_checker(jsonschema.Draft202012Validator),
    )


def errors(package: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in case_validator().iter_errors(package)]


@pytest.fixture(scope="module")
def plan() -> StandaardOpleidingsplan:
    return duaal_leren.load(EXAMPLE, StandaardOpleidingsplan)


@pytest.fixture(scope="module")
def package(plan: StandaardOpleidingsplan) -> dict[str, Any]:
    return to_case(plan)


def items_by_code(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["humanCodingScheme"]: i for i in package["CFItems"] if "humanCodingScheme" in i}


def associations(package: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [a for a in package["CFAssociations"] if a["associationType"] == kind]


# --- the copied schema ---------------------------------------------------------------------


def test_the_copied_schema_is_case_1_1() -> None:
    schema = json.loads((DATA / "case-v1p1-cfpackage.schema.json").read_text(encoding="utf-8"))
    assert "CASE) Service Version 1.1" in schema["title"]
    assert schema["$schema"] == "http://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_schema_rejects_what_it_should(package: dict[str, Any]) -> None:
    # The validator is no rubber stamp: a broken package fails it.
    broken = copy.deepcopy(package)
    broken["CFItems"][0]["identifier"] = "not-a-uuid"
    broken["CFDocument"]["lastChangeDateTime"] = "gisteren"
    broken["CFDocument"]["uri"] = "geen uri"
    assert len(errors(broken)) == 3


# --- export --------------------------------------------------------------------------------


def test_the_example_export_validates(package: dict[str, Any]) -> None:
    assert errors(package) == []


def test_identifiers_are_uuid5_of_the_projects_namespace(
    plan: StandaardOpleidingsplan, package: dict[str, Any]
) -> None:
    item = items_by_code(package)["ELT-03"]
    name = json.dumps(["competentie", plan.id, plan.versie, "ELT-03"])
    assert item["identifier"] == str(uuid.uuid5(NAMESPACE, name))
    for obj in (package["CFDocument"], *package["CFItems"], *package["CFAssociations"]):
        value = uuid.UUID(obj["identifier"])
        assert value.version == 5
        assert value.variant == uuid.RFC_4122
        assert obj["uri"] == f"urn:uuid:{obj['identifier']}"


def test_two_exports_are_identical(plan: StandaardOpleidingsplan) -> None:
    assert json.dumps(to_case(plan)) == json.dumps(to_case(plan))


def test_an_item_carries_code_and_description_verbatim(
    plan: StandaardOpleidingsplan, package: dict[str, Any]
) -> None:
    items = items_by_code(package)
    assert list(items) == list(plan.codes)
    for competentie in plan.competenties:
        assert items[competentie.code]["fullStatement"] == competentie.omschrijving
    assert items["ELT-01"]["extensions"]["duaal-leren"] == {
        "positie": 1,
        "leerplaats": "beide",
        "aanbreng": "school",
        "inoefening": "werkplek",
    }
    assert items["ELT-05"]["extensions"]["duaal-leren"]["externe_aanbieder"] == (
        "Opleidingscentrum Veilig Werken (fictief)"
    )


def test_clusters_are_parents_in_order(package: dict[str, Any]) -> None:
    clusters = [i for i in package["CFItems"] if i["CFItemType"] == "Cluster"]
    assert [c["fullStatement"] for c in clusters] == [
        "Veiligheid, welzijn en milieu",
        "Voorbereiden van de werkzaamheden",
        "Installeren",
        "Controleren en opleveren",
        "Communicatie en kwaliteit",
    ]
    installeren = clusters[2]["identifier"]
    children = [
        (a["originNodeURI"]["title"], a["sequenceNumber"])
        for a in associations(package, "isChildOf")
        if a["destinationNodeURI"]["identifier"] == installeren
    ]
    assert children == [(f"ELT-{n}", n - 10) for n in range(11, 19)]
    top = [
        (a["originNodeURI"]["title"], a["sequenceNumber"])
        for a in associations(package, "isChildOf")
        if a["destinationNodeURI"]["identifier"] == package["CFDocument"]["identifier"]
    ]
    assert top[2] == ("Installeren", 3)


def test_prerequisites_and_references_are_associations(package: dict[str, Any]) -> None:
    items = items_by_code(package)
    before_13 = [
        (a["originNodeURI"]["title"], a["sequenceNumber"])
        for a in associations(package, "precedes")
        if a["destinationNodeURI"]["identifier"] == items["ELT-13"]["identifier"]
    ]
    assert before_13 == [("ELT-03", 1), ("ELT-06", 2)]
    assert before_13[0][0] == "ELT-03"
    [match] = [
        a
        for a in associations(package, "exactMatchOf")
        if a["originNodeURI"]["identifier"] == items["ELT-01"]["identifier"]
    ]
    assert match["destinationNodeURI"]["identifier"] == "bkc9000001"
    assert match["destinationNodeURI"]["targetType"] == "ext:bk-competentie"
    [bk] = [
        a
        for a in associations(package, "isRelatedTo")
        if a["originNodeURI"]["identifier"] == package["CFDocument"]["identifier"]
    ]
    assert bk["destinationNodeURI"]["identifier"] == "BK-9001-1"


def test_the_scale_is_a_rubric(package: dict[str, Any]) -> None:
    [rubric] = package["CFRubrics"]
    [criterion] = rubric["CFRubricCriteria"]
    levels = criterion["CFRubricCriterionLevels"]
    assert [(lv["score"], lv["quality"]) for lv in levels] == [
        (1, "beheerst onvoldoende"),
        (2, "kan het onder begeleiding"),
        (3, "beheerst voldoende"),
        (4, "kan het zelfstandig"),
    ]
    assert rubric["extensions"]["duaal-leren"]["drempel"] == 3


def test_a_base_uri_makes_the_uris(plan: StandaardOpleidingsplan) -> None:
    package = to_case(plan, base="https://example.org/case")
    document = package["CFDocument"]
    assert document["uri"] == f"https://example.org/case/{document['identifier']}"
    assert errors(package) == []
    assert [i["identifier"] for i in package["CFItems"]] == [
        i["identifier"] for i in to_case(plan)["CFItems"]
    ]


@pytest.mark.parametrize("base", ["geen uri", "", "/relatief/pad", "https://x.org/ met spatie"])
def test_a_bad_base_is_refused(plan: StandaardOpleidingsplan, base: str) -> None:
    with pytest.raises(FieldError, match="base"):
        to_case(plan, base=base)


def test_creator_and_last_change_are_the_callers(plan: StandaardOpleidingsplan) -> None:
    package = to_case(plan, creator="Sectoraal partnerschap", last_change="2025-09-01T08:00:00Z")
    assert package["CFDocument"]["creator"] == "Sectoraal partnerschap"
    assert {i["lastChangeDateTime"] for i in package["CFItems"]} == {"2025-09-01T08:00:00Z"}
    assert to_case(plan)["CFDocument"]["lastChangeDateTime"] == LAST_CHANGE
    with pytest.raises(FieldError, match="last_change"):
        to_case(plan, last_change="2025-13-01T00:00:00Z")


def test_duplicate_codes_are_refused(plan: StandaardOpleidingsplan) -> None:
    doubled = attrs.evolve(plan, competenties=(*plan.competenties, plan.competenties[0]))
    with pytest.raises(FieldError, match="ELT-01"):
        to_case(doubled)


def test_an_individual_plan_shares_the_standard_identifiers(plan: StandaardOpleidingsplan) -> None:
    traject = duaal_leren.load(ROOT / "examples" / "traject-lotte.yaml")
    individual: IndividueelOpleidingsplan = traject.opleidingsplan
    package = to_case(individual)
    assert errors(package) == []
    standard = items_by_code(to_case(plan))
    items = items_by_code(package)
    assert items["ELT-03"]["identifier"] == standard["ELT-03"]["identifier"]
    assert items["ELT-17"]["extensions"]["duaal-leren"]["leerplaats"] == "school"  # moved
    assert "ELT-18" not in items  # left out
    assert items["ELT-X1"]["identifier"] == competentie_id(individual.standaardplan, "ELT-X1")
    assert package["CFDocument"]["identifier"] == document_id(individual)
    assert package["CFDocument"]["identifier"] != document_id(plan)


# --- import --------------------------------------------------------------------------------


def test_import_then_export_reproduces_the_example(
    plan: StandaardOpleidingsplan, package: dict[str, Any]
) -> None:
    result = from_case(json.loads(json.dumps(package)))
    assert result.plan == plan
    assert result.schaal == Beheersingsschaal.standaard()
    assert result.notes == ()
    assert to_case(result.plan, schaal=result.schaal) == package


@given(strategies.standaardplannen())
def test_round_trip_of_any_standard_plan(plan: StandaardOpleidingsplan) -> None:
    package = to_case(plan)
    assert errors(package) == []
    result = from_case(json.loads(json.dumps(package)))
    assert result.plan == plan
    assert result.notes == ()
    assert to_case(result.plan, schaal=result.schaal) == package


def test_a_scale_of_its_own_round_trips(plan: StandaardOpleidingsplan) -> None:
    schaal = Beheersingsschaal(
        (Niveau(0, "niet gezien"), Niveau(5, "kan het", "zonder hulp")),
        drempel=5,
        naam="Twee niveaus",
        bron="eigen schaal",
    )
    package = to_case(plan, schaal=schaal)
    assert errors(package) == []
    assert from_case(package).schaal == schaal


def test_another_tools_package_maps_and_reports_the_rest() -> None:
    package = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert errors(package) == []  # the fixture is a valid CASE 1.1 package
    result = read_case(FIXTURE)
    plan = result.plan
    assert plan.opleiding == "Installatietechniek (OpenSALT-voorbeeld)"
    assert plan.versie == "3"
    assert [(c.code, c.cluster) for c in plan.competenties] == [
        ("D1.1", "Werkvoorbereiding"),
        ("D1.2", "Werkvoorbereiding"),
        ("D2.1", "Veiligheid"),
    ]
    d12 = plan.competentie("D1.2")
    assert d12.vereisten == ("D1.1",)
    assert d12.referenties.competent == ("co 01234",)
    assert plan.competentie("D2.1").referenties.esco == (
        "http://data.europa.eu/esco/skill/1b2c3d4e-0000-4000-8000-000000000001",
    )
    assert {c.leerplaats.value for c in plan.competenties} == {"niet-gedekt"}
    noted = {n.path for n in result.notes}
    # Nothing the plan does not keep goes unmentioned.
    for path in (
        "$.CFDefinitions",
        "$.CFDocument.publisher",
        "$.CFDocument.officialSourceURL",
        "$.CFItems[0].notes",
        "$.CFItems[1].abbreviatedStatement",
        "$.CFItems[4].extensions.opensalt",
        "$.CFAssociations[7]",  # exactMatchOf to another framework's item
        "$.CFAssociations[8]",  # isPeerOf
        "$.CFAssociations[9]",  # exemplar
        "$.CFAssociations[9].notes",
        "$.CFDocument.creator",
        "$.CFDocument.identifier",
    ):
        assert path in noted, path
    publisher = next(n for n in result.notes if n.path == "$.CFDocument.publisher")
    assert publisher.line == 9
    assert all(n.code == "niet-overgenomen" for n in result.notes)
    # The plan it gives exports as a valid package too.
    assert errors(to_case(plan)) == []


def _copy(package: dict[str, Any]) -> dict[str, Any]:
    copy: dict[str, Any] = json.loads(json.dumps(package))
    return copy


def test_a_position_that_is_ignored_is_noted(package: dict[str, Any]) -> None:
    changed = _copy(package)
    index = next(
        i for i, item in enumerate(changed["CFItems"]) if item.get("humanCodingScheme") == "ELT-03"
    )
    changed["CFItems"][index]["extensions"]["duaal-leren"]["positie"] = "x"
    result = from_case(changed)
    [note] = [n for n in result.notes if "positie" in n.path]
    assert note.path == f"$.CFItems[{index}].extensions.duaal-leren.positie"
    assert note.message_en == (
        "'x' is no valid positie (a whole number); the positions are not used, the "
        "package's order stays"
    )
    assert note.code == "niet-overgenomen"
    # A positie missing beside others is noted on the item too.
    missing = _copy(package)
    del missing["CFItems"][index]["extensions"]["duaal-leren"]["positie"]
    [note] = [n for n in from_case(missing).notes if "positie" in n.message]
    assert note.path == f"$.CFItems[{index}]"
    # Without any positie the package's order is meant: nothing to note.
    none = _copy(package)
    for item in none["CFItems"]:
        item.get("extensions", {}).get("duaal-leren", {}).pop("positie", None)
    assert [n for n in from_case(none).notes if "positie" in n.message] == []


def test_an_empty_title_and_other_blanks_replaced_are_noted(package: dict[str, Any]) -> None:
    changed = _copy(package)
    changed["CFDocument"]["title"] = ""
    changed["CFDocument"]["description"] = " "
    cluster = next(
        i for i, item in enumerate(changed["CFItems"]) if "humanCodingScheme" not in item
    )
    changed["CFItems"][cluster]["fullStatement"] = ""
    result = from_case(changed)
    assert result.plan.opleiding == result.plan.id  # the default, ...
    by_path = {n.path: n.message for n in result.notes}
    # ... said where it comes from, as every other value replaced or dropped.
    assert by_path["$.CFDocument.title"] == "lege title: het id van het plan wordt de opleiding"
    assert by_path["$.CFDocument.description"] == "lege description wordt niet overgenomen"
    assert by_path[f"$.CFItems[{cluster}].fullStatement"] == (
        "lege fullStatement van een cluster: zijn competenties krijgen geen cluster"
    )


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda p: p.__delitem__("CFDocument"), "$"),
        (lambda p: p["CFItems"][1].__delitem__("fullStatement"), "$.CFItems[1].fullStatement"),
        (lambda p: p["CFItems"][2].__setitem__("identifier", "ELT-07"), "$.CFItems[2].identifier"),
        (
            lambda p: p["CFAssociations"][0].__setitem__("sequenceNumber", "1"),
            "$.CFAssociations[0].sequenceNumber",
        ),
        (
            lambda p: p["CFAssociations"][3]["originNodeURI"].__delitem__("uri"),
            "$.CFAssociations[3].originNodeURI.uri",
        ),
        (
            lambda p: p["CFAssociations"][4].__setitem__("associationType", "isFriendOf"),
            "$.CFAssociations[4].associationType",
        ),
        (lambda p: p.__setitem__("CFItems", {}), "$.CFItems"),
    ],
)
def test_a_package_that_breaks_the_schema_is_refused_with_its_place(
    package: dict[str, Any], change: Any, path: str
) -> None:
    broken = copy.deepcopy(package)
    change(broken)
    assert errors(broken) != []  # the published schema refuses it too
    with pytest.raises(DocumentError) as raised:
        from_case(broken, source="pakket.json")
    assert [p.path for p in raised.value.problems] == [path]
    assert raised.value.source == "pakket.json"


def test_not_a_package_at_all() -> None:
    with pytest.raises(DocumentError, match="CFPackage"):
        from_case([1, 2])


def test_read_case_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "kapot.json"
    path.write_text('{\n  "CFDocument": {\n    "identifier": 7,\n', encoding="utf-8")
    with pytest.raises(DocumentError) as raised:
        read_case(path)
    assert raised.value.source == str(path)
    assert raised.value.problems[0].line == 4
    path.write_text('{\n  "CFDocument": {\n    "identifier": 7\n  }\n}\n', encoding="utf-8")
    with pytest.raises(DocumentError) as raised:
        read_case(path)
    problem = next(p for p in raised.value.problems if p.path == "$.CFDocument.identifier")
    assert problem.line == 3


def test_case_uri_appends_to_the_base() -> None:
    assert case_uri("abc", "urn:example:") == "urn:example:abc"
    assert case_uri("abc", "https://x.org/case/") == "https://x.org/case/abc"
    assert case_uri("abc") == "urn:uuid:abc"
