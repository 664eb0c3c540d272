"""Achieved competences as Open Badges 3.0 credentials (unsigned AchievementCredentials).

For a traject, `credentials` gives one credential per competence that the progress roll-up
(`duaal_leren.voortgang`) counts as mastered on a rating by mentor or school, and one per
cluster of which every competence is mastered: a mid-year *studiebekrachtiging* of a cluster
is such an achievement. Each credential is plain data that validates against the 1EdTech
Open Badges 3.0 AchievementCredential schema:

- the issuer is the school, a Profile with its instellingsnummer as an ``otherIdentifier``;
- the learner is identified only by a salted SHA-256 hash of their pseudonymous id (an
  ``IdentityObject`` with ``hashed: true``): never by name, and no other personal field of
  the traject goes into a credential;
- the achievement is aligned to its CASE item, with the identifiers of `duaal_leren.case`;
- ``resultDescription`` holds the scale's levels and the required level (the threshold),
  ``result`` the level achieved, ``evidence`` the follow-up conversation that gave the
  rating (a URN, no text of the conversation), ``validFrom`` the day it was reached.

The salt is the caller's (``salt``), or derived from a secret (``secret``) and the learner's
id with HMAC-SHA256, so that the same secret gives the same salt in every run and nobody
without the secret can test a guessed id against the hash; with neither, a random salt is
drawn for each call. Signing is not done here: a signer adds the proof (see the docs).

Startcompetenties, mastered before the traject, get no credential: no rating in a follow-up
conversation stands behind them. A cluster's credential counts them as mastered, as the
roll-up does.

References:
    1EdTech Open Badges Specification 3.0: AchievementCredential, IdentityObject,
        ResultDescription, Result, Evidence, Alignment.
    W3C Verifiable Credentials Data Model 2.0.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pendulum

from duaal_leren._files import make_folder, write_atomic, write_together
from duaal_leren._parse import dump_json
from duaal_leren.case import _uuid as case_uuid
from duaal_leren.case import case_uri, cluster_id, competentie_id, niveau_id
from duaal_leren.exceptions import FieldError, excerpt
from duaal_leren.opleidingsplan import PlanReferentie
from duaal_leren.opvolging import Beheersingsschaal, Observatie, Opvolgingsgesprek
from duaal_leren.traject import Traject
from duaal_leren.voortgang import CompetentieVoortgang, Rollup, TrajectVoortgang

__all__ = [
    "CONTEXT",
    "credentials",
    "identity_hash",
    "salt_from_secret",
    "save_credentials",
]

CONTEXT = (
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
)
"""The JSON-LD contexts of an Open Badges 3.0 credential, as the specification names them."""


def _uuid(*parts: str) -> str:
    # The project's names, as the CASE export makes them, kept apart by their first part.
    return case_uuid("openbadges", *parts)


def salt_from_secret(secret: str | bytes, lerende: str) -> str:
    """The salt for a learner, derived from a secret: the same in every run.

    HMAC-SHA256 of the learner's pseudonymous id under the secret, as 32 hex digits. Keep
    the secret out of the documents and the credentials: who has it can recompute the salt,
    and then test guessed ids against a credential's hash.

    Example:
        >>> salt_from_secret("geheim", "LRN-2025-0042") == salt_from_secret("geheim", "LRN-2025-0042")
        True
        >>> len(salt_from_secret("geheim", "LRN-2025-0042"))
        32
    """
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    message = ("duaal-leren/openbadges/salt\x1f" + lerende).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def identity_hash(identity: str, salt: str) -> str:
    """The ``identityHash`` of Open Badges: ``sha256$`` and the hex SHA-256 of id + salt.

    A verifier who knows the learner's id and the salt recomputes it to check that a
    credential is theirs.

    Example:
        >>> identity_hash("LRN-2025-0042", "zout")[:7]
        'sha256$'
    """
    return "sha256$" + hashlib.sha256((identity + salt).encode("utf-8")).hexdigest()


def _stamp(day: pendulum.Date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


@attrs.frozen
class _Context:
    traject: Traject
    voortgang: TrajectVoortgang
    ref: PlanReferentie
    base: str | None
    issuer: dict[str, Any]
    subject_identity: dict[str, Any]

    @property
    def schaal(self) -> Beheersingsschaal:
        return self.voortgang.schaal

    def level_id(self, waarde: int) -> str:
        return case_uri(niveau_id(self.ref, self.schaal.niveau(waarde)), self.base)

    def result_description(self, achievement: str) -> dict[str, Any]:
        schaal = self.schaal
        levels = [
            {
                "id": self.level_id(n.waarde),
                "type": ["RubricCriterionLevel"],
                "name": n.label,
                "level": str(n.waarde),
                **({"description": n.omschrijving} if n.omschrijving else {}),
            }
            for n in schaal.niveaus
        ]
        required = next((n for n in schaal.niveaus if n.waarde >= schaal.drempel), None)
        description: dict[str, Any] = {
            "id": f"urn:uuid:{_uuid('resultaat', achievement)}",
            "type": ["ResultDescription"],
            "name": schaal.naam or "Beheersingsschaal",
            "resultType": "RubricCriterionLevel",
            "allowedValue": [n.label for n in schaal.niveaus],
            "rubricCriterionLevel": levels,
        }
        if required is not None:
            description["requiredLevel"] = self.level_id(required.waarde)
        return description


def _gesprek_of(traject: Traject, bron: Observatie) -> tuple[int, Opvolgingsgesprek] | None:
    """The conversation that recorded the observation, with its index among the traject's."""
    for index, gesprek in enumerate(traject.opvolgingsgesprekken):
        if bron in gesprek.observaties_gedateerd():
            return index, gesprek
    return None


def _evidence(ctx: _Context, items: Sequence[CompetentieVoortgang]) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for item in items:
        if item.bron is None:
            continue
        held = _gesprek_of(ctx.traject, item.bron)
        if held is None:
            continue
        index, gesprek = held
        # Named by a URN of the traject and the conversation's place in it: it points at
        # the record without quoting it, so no word said in the conversation ends up here.
        key = _uuid("opvolgingsgesprek", ctx.traject.id, str(index), gesprek.datum.isoformat())
        found[key] = {
            "id": f"urn:uuid:{key}",
            "type": ["Evidence"],
            "name": f"Opvolgingsgesprek van {gesprek.datum.isoformat()}",
            "genre": "opvolgingsgesprek",
        }
    return list(found.values())


def _credential(
    ctx: _Context,
    *,
    kind: str,
    case_item: str,
    code: str | None,
    naam: str,
    omschrijving: str,
    items: Sequence[CompetentieVoortgang],
) -> dict[str, Any]:
    rated = [item for item in items if item.niveau is not None and item.bron is not None]
    level = min(item.niveau for item in rated if item.niveau is not None)
    reached = max(item.bron.datum for item in rated if item.bron and item.bron.datum)
    achievement_id = f"urn:uuid:{_uuid('achievement', case_item)}"
    credential_id = _uuid("credential", ctx.traject.id, case_item)
    item_uri = case_uri(case_item, ctx.base)
    alignment: dict[str, Any] = {
        "type": ["Alignment"],
        "targetName": naam,
        "targetUrl": item_uri,
        "targetDescription": omschrijving,
        "targetFramework": ctx.traject.opleidingsplan.opleiding,
        "targetType": "CFItem",
    }
    if code is not None:
        alignment["targetCode"] = code
    achievement: dict[str, Any] = {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": "Competency",
        "name": naam,
        "description": omschrijving,
        "criteria": {"narrative": _criteria(ctx.schaal, kind)},
        "alignment": [alignment],
        "resultDescription": [ctx.result_description(case_item)],
        "inLanguage": "nl",
        "tag": [kind],
    }
    if code is not None:
        achievement["humanCode"] = code
    result_description = achievement["resultDescription"][0]
    return {
        "@context": list(CONTEXT),
        "id": f"urn:uuid:{credential_id}",
        "type": ["VerifiableCredential", "AchievementCredential"],
        "name": f"{naam}: beheerst",
        "issuer": ctx.issuer,
        "validFrom": _stamp(reached),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [ctx.subject_identity],
            "achievement": achievement,
            "result": [
                {
                    "type": ["Result"],
                    "resultDescription": result_description["id"],
                    # A level off the scale (a rule reports it) has no level to point at.
                    **({"achievedLevel": ctx.level_id(level)} if level in ctx.schaal else {}),
                    "value": ctx.schaal.label(level),
                    "status": "Completed",
                }
            ],
        },
        "evidence": _evidence(ctx, items),
    }


def _criteria(schaal: Beheersingsschaal, kind: str) -> str:
    threshold = f"niveau {schaal.drempel} ({schaal.label(schaal.drempel)}) of hoger"
    if kind == "cluster":
        return (
            f"Elke competentie van de cluster is beheerst: {threshold}, beoordeeld door "
            "mentor of school in een opvolgingsgesprek, of een startcompetentie."
        )
    return f"Beoordeeld op {threshold} door mentor of school in een opvolgingsgesprek."


def _file_stem(text: str) -> str:
    # A name any file system takes: ASCII letters, digits and dashes, short.
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    return stem[:40].strip("-") or "x"


def credentials(
    traject: Traject,
    *,
    today: pendulum.Date | str | None = None,
    salt: str | None = None,
    secret: str | bytes | None = None,
    base: str | None = None,
    issuer_id: str | None = None,
    rollup: Rollup | None = None,
) -> dict[str, dict[str, Any]]:
    """The unsigned Open Badges 3.0 credentials of what a learner has mastered.

    Args:
        traject: The traject, with its follow-up conversations.
        today: The day of the progress roll-up (default: today in Europe/Brussels).
        salt: The salt of the learner's identity hash.
        secret: A secret to derive the salt from (`salt_from_secret`), when no ``salt`` is
            given; with neither, a random salt is drawn.
        base: The base URI of the CASE items the achievements are aligned to, as given to
            `duaal_leren.case.to_case`; ``urn:uuid:`` URNs by default.
        issuer_id: The URI of the school as issuer, such as the ``did:web`` its signer uses;
            by default a ``urn:uuid:`` derived from its instellingsnummer (or name).
        rollup: The roll-up rule (default: `Rollup()`).

    Returns:
        The credentials by a file name that stays the same across runs:
        ``competentie-<code>-<8 hex>.json`` and ``cluster-<name>-<8 hex>.json``, in plan
        order.

    Raises:
        FieldError: ``today`` is no date, or ``base`` is not an absolute URI.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.openbadges import credentials
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> found = credentials(traject, today="2026-06-30", salt="zout")
        >>> sorted(found)[:2]
        ['cluster-Voorbereiden-van-de-werkzaamheden-....json', 'competentie-ELT-02-....json']
        >>> badge = found[next(n for n in found if "ELT-03" in n)]
        >>> badge["validFrom"], badge["credentialSubject"]["result"][0]["value"]
        ('2026-02-05T00:00:00Z', 'beheerst voldoende')
    """
    case_uri("0", base)  # a bad base fails before any work
    voortgang = TrajectVoortgang.from_traject(traject, today=today, rollup=rollup)
    plan = traject.opleidingsplan
    ref = plan.standaardplan
    school = traject.school
    number = school.instellingsnummer
    issuer: dict[str, Any] = {
        "id": issuer_id or f"urn:uuid:{_uuid('school', number or school.naam)}",
        "type": ["Profile"],
        "name": school.naam,
    }
    if number is not None:
        issuer["otherIdentifier"] = [
            {
                "type": "IdentifierEntry",
                "identifier": number,
                "identifierType": "ext:instellingsnummer",
            }
        ]
    lerende = traject.lerende.id
    if salt is None:
        salt = salt_from_secret(secret, lerende) if secret is not None else secrets.token_hex(16)
    elif not isinstance(salt, str) or not salt:
        raise FieldError("salt", f"{excerpt(salt)} is geen zout", f"{excerpt(salt)} is no salt")
    identity = {
        "type": "IdentityObject",
        "identityHash": identity_hash(lerende, salt),
        "identityType": "identifier",
        "hashed": True,
        "salt": salt,
    }
    ctx = _Context(traject, voortgang, ref, base, issuer, identity)
    result: dict[str, dict[str, Any]] = {}

    def add(stem: str, credential: dict[str, Any]) -> None:
        short = credential["id"].removeprefix("urn:uuid:")[:8]
        result[f"{stem}-{short}.json"] = credential

    clusters: dict[str, list[CompetentieVoortgang]] = {}
    for item in voortgang.competenties:
        competentie = item.competentie
        if competentie.cluster is not None:
            clusters.setdefault(competentie.cluster, []).append(item)
        if not item.beheerst or item.niveau is None or item.bron is None:
            continue
        credential = _credential(
            ctx,
            kind="competentie",
            case_item=competentie_id(ref, competentie.code),
            code=competentie.code,
            naam=f"{competentie.code} {competentie.omschrijving}",
            omschrijving=competentie.omschrijving,
            items=[item],
        )
        add(f"competentie-{_file_stem(competentie.code)}", credential)
    for naam, items in clusters.items():
        rated = [i for i in items if i.niveau is not None and i.bron is not None]
        if not all(i.beheerst for i in items) or not rated:
            continue
        credential = _credential(
            ctx,
            kind="cluster",
            case_item=cluster_id(ref, naam),
            code=None,
            naam=naam,
            omschrijving=f"Alle competenties van de cluster {naam} beheerst",
            items=items,
        )
        add(f"cluster-{_file_stem(naam)}", credential)
    return result


def save_credentials(
    traject: Traject, folder: str | os.PathLike[str], **options: Any
) -> list[Path]:
    """Write the credentials of `credentials` as JSON files into a folder, all or none.

    The folder is created when it does not exist. Options are those of `credentials`.

    Returns:
        The paths written, in the order of `credentials`.

    Raises:
        WriteError: The folder or a file cannot be written; no file was then changed.
    """
    found = credentials(traject, **options)
    target = make_folder(folder)
    paths = []
    with write_together():
        for name, credential in found.items():
            paths.append(write_atomic(target / name, dump_json(credential)))
    return paths
