"""Short, readable summaries of documents, for the terminal and for notebooks.

A summary names the learner only by their pseudonymous id: it is meant to be shown and
pasted, so it holds no personal data.
"""

from __future__ import annotations

from collections import Counter

from duaal_leren.competentie import Leerplaats
from duaal_leren.exceptions import checked_lang
from duaal_leren.opleidingsplan import (
    IndividueelOpleidingsplan,
    Opleidingsplan,
    Partij,
    StandaardOpleidingsplan,
)
from duaal_leren.traject import Traject

__all__ = ["summarise"]

_LABELS = {
    "nl": {
        "traject": "Traject",
        "lerende": "Lerende",
        "school": "School",
        "trajectbegeleider": "Trajectbegeleider",
        "werkplek": "Werkplek",
        "mentor": "Mentor",
        "overeenkomst": "Overeenkomst",
        "weekpatroon": "Weekpatroon",
        "rotatie": "Rotatie",
        "week": "week",
        "wijzigingen": "Roosterwijzigingen",
        "uur_werkplek": "u/week op de werkplek",
        "uur_school": "u/week op school",
        "plan": "Opleidingsplan",
        "standaardplan": "Standaardplan",
        "competenties": "competenties",
        "status": "status",
        "start": "startcompetenties",
        "verplaatst": "verplaatst",
        "toegevoegd": "toegevoegd",
        "weggelaten": "weggelaten",
        "getekend": "ondertekend door",
        "niemand": "niemand",
        "clusters": "clusters",
        "per_plaats": "per leerplaats",
        "geen": "geen",
        "tot": "tot",
    },
    "en": {
        "traject": "Traject",
        "lerende": "Learner",
        "school": "School",
        "trajectbegeleider": "Trajectbegeleider",
        "werkplek": "Workplace",
        "mentor": "Mentor",
        "overeenkomst": "Contract",
        "weekpatroon": "Weekly pattern",
        "rotatie": "Rotation",
        "week": "week",
        "wijzigingen": "Schedule changes",
        "uur_werkplek": "h/week at the workplace",
        "uur_school": "h/week at school",
        "plan": "Training plan",
        "standaardplan": "Standard plan",
        "competenties": "competences",
        "status": "status",
        "start": "startcompetenties",
        "verplaatst": "moved",
        "toegevoegd": "added",
        "weggelaten": "left out",
        "getekend": "signed by",
        "niemand": "nobody",
        "clusters": "clusters",
        "per_plaats": "by leerplaats",
        "geen": "none",
        "tot": "to",
    },
}


def _hours(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _per_leerplaats(plan: Opleidingsplan) -> str:
    counts = Counter(c.leerplaats for c in plan.competenties)
    return ", ".join(f"{plaats.value} {counts[plaats]}" for plaats in Leerplaats if counts[plaats])


def _traject(traject: Traject, label: dict[str, str]) -> list[str]:
    lines = [
        f"{label['traject']} {traject.id}",
        f"  {label['lerende']}: {traject.lerende.id}",
        f"  {label['school']}: {traject.school.naam}",
    ]
    if traject.school.trajectbegeleider is not None:
        lines.append(f"  {label['trajectbegeleider']}: {traject.school.trajectbegeleider.naam}")
    lines.append(f"  {label['werkplek']}: {traject.werkplek.onderneming}")
    if traject.mentor is not None:
        lines.append(f"  {label['mentor']}: {traject.mentor.naam}")
    contract = traject.overeenkomst
    lines.append(
        f"  {label['overeenkomst']}: {contract.soort.value.upper()} "
        f"{contract.start.isoformat()} {label['tot']} {contract.einde.isoformat()}"
    )
    if traject.weekpatroon is not None:
        pattern = traject.weekpatroon
        lines.append(
            f"  {label['weekpatroon']}: {_hours(pattern.werkplekuren)} {label['uur_werkplek']}, "
            f"{_hours(pattern.schooluren)} {label['uur_school']}"
        )
    if traject.rotatie is not None:
        weeks = traject.rotatie.weken
        lines.append(f"  {label['rotatie']} ({len(weeks)}):")
        for letter, pattern in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", weeks, strict=False):
            lines.append(
                f"    {label['week']} {letter}: {_hours(pattern.werkplekuren)} "
                f"{label['uur_werkplek']}, {_hours(pattern.schooluren)} {label['uur_school']}"
            )
    if traject.roosterwijzigingen:
        lines.append(f"  {label['wijzigingen']}: {len(traject.roosterwijzigingen)}")
    lines.extend(_individueel(traject.opleidingsplan, label))
    return lines


def _individueel(plan: IndividueelOpleidingsplan, label: dict[str, str]) -> list[str]:
    signed = [p.value for p in Partij if plan.handtekening(p) is not None]
    return [
        f"  {label['plan']}: {plan.opleiding} ({label['standaardplan']} "
        f"{plan.standaardplan.id} {plan.standaardplan.versie}), "
        f"{label['status']} {plan.status.value}",
        f"    {len(plan.competenties)} {label['competenties']}; "
        f"{label['per_plaats']}: {_per_leerplaats(plan)}",
        f"    {label['start']} {len(plan.startcompetenties)}, "
        f"{label['verplaatst']} {len(plan.verplaatst)}, "
        f"{label['toegevoegd']} {len(plan.toegevoegd)}, "
        f"{label['weggelaten']} {len(plan.weggelaten)}",
        f"    {label['getekend']}: {', '.join(signed) if signed else label['niemand']}",
    ]


def _standaard(plan: StandaardOpleidingsplan, label: dict[str, str]) -> list[str]:
    clusters = Counter(c.cluster for c in plan.competenties if c.cluster)
    bks = ", ".join(plan.beroepskwalificaties) or label["geen"]
    return [
        f"{label['standaardplan']} {plan.id} {plan.versie}: {plan.opleiding}",
        f"  BK: {bks}",
        f"  {len(plan.competenties)} {label['competenties']} in {len(clusters)} "
        f"{label['clusters']}; {label['per_plaats']}: {_per_leerplaats(plan)}",
    ]


def summarise(document: object, lang: str | None = None) -> str:
    """A few lines that describe a traject or a standard plan.

    Args:
        document: A `Traject` or a `StandaardOpleidingsplan`.
        lang: ``"nl"`` or ``"en"``.

    Raises:
        TypeError: The document is of another kind.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.summary import summarise
        >>> plan = duaal_leren.load("examples/standaardplan-elektrotechniek.yaml")
        >>> print(summarise(plan, lang="en"))
        Standard plan elektrotechnisch-installateur-duaal 2025.1: Elektrotechnisch installateur duaal
          BK: BK-9001-1
          28 competences in 5 clusters; by leerplaats: school 5, werkplek 13, beide 9, extern 1
    """
    lang = checked_lang(lang)
    label = _LABELS["en" if lang == "en" else "nl"]
    if isinstance(document, Traject):
        return "\n".join(_traject(document, label))
    if isinstance(document, StandaardOpleidingsplan):
        return "\n".join(_standaard(document, label))
    raise TypeError(f"cannot summarise a {type(document).__name__}")
