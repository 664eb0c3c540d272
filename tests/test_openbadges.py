"""Open Badges 3.0 credentials of mastered competences (duaal_leren.openbadges).

Every credential is checked against the published OB 3.0 AchievementCredential schema
(tests/data, copied unchanged), resolved offline.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pendulum
import pytest
from referencing.jsonschema import DRAFT201909

import duaal_leren
from duaal_leren._validators import PERSOONSGEGEVEN
from duaal_leren.case import to_case
from duaal_leren.exceptions import WriteError
from duaal_leren.openbadges import credentials, identity_hash, salt_from_secret, save_credentials
from duaal_leren.traject import Traject
from test_case import format_checker, registry

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parent.parent / "examples"
TRAJECTEN = sorted(EXAMPLES.glob("traject-*.yaml"))
TODAY = "2026-06-30"
SECRET = "geheim"  # noqa: S105 (a value for the tests)
OTHER_SECRET = "ander geheim"  # noqa: S105


def ob3_validator() -> jsonschema.Draft201909Validator:
    """A validator of the OB 3.0 AchievementCredential schema, offline, with formats."""
    name = "ob-v3p0-achievementcredential.schema.json"
    schema = json.loads((DATA / name).read_text(encoding="utf-8"))
    return jsonschema.Draft201909Validator(
        schema,
        registry=registry(DRAFT201909, name, "ob-v3p0-profile.schema.json"),
        format_checker=format_checker(jsonschema.Draft201909Validator),
    )


def errors(credential: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in ob3_validator().iter_errors(credential)]


def personal_values(obj: object) -> set[str]:
    """Every value held in a field marked PERSOONSGEGEVEN, anywhere in ``obj``, as text."""
    found: set[str] = set()

    def leaves(value: object) -> None:
        if value is None or isinstance(value, bool):
            return
        if attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                leaves(getattr(value, field.name))
        elif isinstance(value, tuple | list):
            for part in value:
                leaves(part)
        elif isinstance(value, pendulum.Date):
            found.add(value.isoformat())
        else:
            found.add(str(value))

    def walk(value: object) -> None:
        if attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                part = getattr(value, field.name)
                if field.metadata.get(PERSOONSGEGEVEN):
                    leaves(part)
                else:
                    walk(part)
        elif isinstance(value, tuple | list):
            for part in value:
                walk(part)

    walk(obj)
    return found


@pytest.fixture(scope="module", params=TRAJECTEN, ids=lambda p: p.name)
def traject(request: pytest.FixtureRequest) -> Traject:
    return duaal_leren.load(request.param, Traject)


@pytest.fixture(scope="module")
def lotte() -> Traject:
    return duaal_leren.load(EXAMPLES / "traject-lotte.yaml", Traject)


def test_the_copied_schema_is_ob_3_0() -> None:
    schema = json.loads(
        (DATA / "ob-v3p0-achievementcredential.schema.json").read_text(encoding="utf-8")
    )
    assert schema["$id"].endswith("ob_v3p0_achievementcredential-jsonschema1.json")
    jsonschema.Draft201909Validator.check_schema(schema)


def test_every_credential_of_the_examples_validates(traject: Traject) -> None:
    found = credentials(traject, today=TODAY, salt="zout")
    for name, credential in found.items():
        assert errors(credential) == [], name


def test_the_examples_give_credentials() -> None:
    counts = {
        path.name: len(credentials(duaal_leren.load(path), today=TODAY, salt="z"))
        for path in TRAJECTEN
    }
    assert counts["traject-lotte.yaml"] == 14
    assert counts["traject-milan.yaml"] >= 1


def test_no_personal_field_appears_in_any_credential(traject: Traject) -> None:
    personal = personal_values(traject)
    assert traject.lerende.persoonsgegevens is not None
    assert traject.lerende.persoonsgegevens.naam in personal  # the test sees the data
    text = json.dumps(credentials(traject, today=TODAY, secret=SECRET), ensure_ascii=False)
    leaked = sorted(value for value in personal if value in text)
    assert leaked == []
    assert traject.lerende.id not in text  # only its salted hash


def test_the_broken_schema_check_is_no_rubber_stamp(lotte: Traject) -> None:
    credential = next(iter(credentials(lotte, today=TODAY, salt="x").values()))
    del credential["issuer"]
    credential["validFrom"] = "30 juni"
    assert len(errors(credential)) == 2


def test_mastered_competences_and_full_clusters_get_credentials(lotte: Traject) -> None:
    found = credentials(lotte, today=TODAY, salt="zout")
    codes = [
        c["credentialSubject"]["achievement"].get("humanCode")
        for c in found.values()
        if c["credentialSubject"]["achievement"]["tag"] == ["competentie"]
    ]
    # Rated at level 3 or more by mentor or school by 2026-06-30 (see the example).
    assert codes == [
        "ELT-02", "ELT-03", "ELT-04", "ELT-06", "ELT-07", "ELT-08", "ELT-09",
        "ELT-11", "ELT-12", "ELT-13", "ELT-22", "ELT-24", "ELT-25",
    ]  # fmt: skip
    # ELT-01 and ELT-10 are startcompetenties: mastered, but no rating stands behind them.
    clusters = [
        c["credentialSubject"]["achievement"]["name"]
        for c in found.values()
        if c["credentialSubject"]["achievement"]["tag"] == ["cluster"]
    ]
    assert clusters == ["Voorbereiden van de werkzaamheden"]
    assert list(credentials(lotte, today="2025-09-30", salt="zout")) == []


def test_a_competence_credential_in_detail(lotte: Traject) -> None:
    found = credentials(lotte, today=TODAY, salt="zout")
    [credential] = [c for n, c in found.items() if n.startswith("competentie-ELT-03-")]
    subject = credential["credentialSubject"]
    # Mentor rated 2 on 2025-11-20 and 3 on 2026-02-05.
    assert credential["validFrom"] == "2026-02-05T00:00:00Z"
    [result] = subject["result"]
    [description] = subject["achievement"]["resultDescription"]
    levels = {lv["id"]: lv["name"] for lv in description["rubricCriterionLevel"]}
    assert levels[result["achievedLevel"]] == "beheerst voldoende"
    assert levels[description["requiredLevel"]] == "beheerst voldoende"
    assert description["allowedValue"] == [
        "beheerst onvoldoende",
        "kan het onder begeleiding",
        "beheerst voldoende",
        "kan het zelfstandig",
    ]
    [evidence] = credential["evidence"]
    assert evidence["id"].startswith("urn:uuid:")
    assert evidence["name"] == "Opvolgingsgesprek van 2026-02-05"
    issuer = credential["issuer"]
    assert issuer["name"] == "Technisch Instituut De Vonk (fictief)"
    assert issuer["otherIdentifier"] == [
        {
            "type": "IdentifierEntry",
            "identifier": "999991",
            "identifierType": "ext:instellingsnummer",
        }
    ]


def test_the_achievement_is_aligned_to_its_case_item(lotte: Traject) -> None:
    standaard = duaal_leren.load(EXAMPLES / "standaardplan-elektrotechniek.yaml")
    base = "https://example.org/case/"
    items = {
        i["humanCodingScheme"]: i["uri"]
        for i in to_case(standaard, base=base)["CFItems"]
        if "humanCodingScheme" in i
    }
    clusters = {
        i["fullStatement"]: i["uri"]
        for i in to_case(standaard, base=base)["CFItems"]
        if i["CFItemType"] == "Cluster"
    }
    for credential in credentials(lotte, today=TODAY, salt="z", base=base).values():
        achievement = credential["credentialSubject"]["achievement"]
        [alignment] = achievement["alignment"]
        assert alignment["targetType"] == "CFItem"
        if "humanCode" in achievement:
            assert alignment["targetUrl"] == items[achievement["humanCode"]]
        else:
            assert alignment["targetUrl"] == clusters[achievement["name"]]


def test_the_learner_is_a_salted_hash(lotte: Traject) -> None:
    credential = next(iter(credentials(lotte, today=TODAY, salt="zout").values()))
    [identity] = credential["credentialSubject"]["identifier"]
    expected = hashlib.sha256(b"LRN-2025-0042zout").hexdigest()
    assert identity == {
        "type": "IdentityObject",
        "identityHash": f"sha256${expected}",
        "identityType": "identifier",
        "hashed": True,
        "salt": "zout",
    }
    assert identity_hash("LRN-2025-0042", "zout") == f"sha256${expected}"


def test_the_salt_from_a_secret_is_stable_and_a_random_one_is_not(lotte: Traject) -> None:
    def salts(**options: Any) -> set[str]:
        found = credentials(lotte, today=TODAY, **options).values()
        return {c["credentialSubject"]["identifier"][0]["salt"] for c in found}

    assert (
        salts(secret=SECRET) == salts(secret=SECRET) == {salt_from_secret(SECRET, "LRN-2025-0042")}
    )
    assert salts(secret=SECRET) != salts(secret=OTHER_SECRET)
    assert salts() != salts()
    assert len(salts()) == 1  # one salt for all credentials of one export


def test_credentials_are_identical_in_two_runs(lotte: Traject) -> None:
    first = credentials(lotte, today=TODAY, salt="z")
    assert json.dumps(first) == json.dumps(credentials(lotte, today=TODAY, salt="z"))
    assert all(n.endswith(".json") and "/" not in n for n in first)


def test_save_writes_every_file_or_none(lotte: Traject, tmp_path: Path) -> None:
    paths = save_credentials(lotte, tmp_path / "badges", today=TODAY, salt="z")
    assert [p.name for p in paths] == list(credentials(lotte, today=TODAY, salt="z"))
    assert json.loads(paths[0].read_text(encoding="utf-8"))["type"][1] == "AchievementCredential"
    # A folder where the last file must go: the write fails and no file is written.
    target = tmp_path / "tweede"
    target.mkdir()
    (target / paths[-1].name).mkdir()
    with pytest.raises(WriteError):
        save_credentials(lotte, target, today=TODAY, salt="z")
    assert [p.name for p in target.iterdir()] == [paths[-1].name]
