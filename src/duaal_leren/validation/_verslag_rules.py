"""Rules for conversation records (gespreksverslagen) held with a leidraad.

A record refers to its catalogue by id and version and to the catalogue's items by their
stable ids; these rules check that the references resolve. The catalogue is the user's own
one of that id given to the run (``validate(..., leidraden=...)``), or else the shipped one.
Overdue actions are not checked here: they belong to the completeness report
(`duaal_leren.leidraad.volledigheid`), not to whether a file is valid.

References:
    Leidraad opstartgesprek voor leerwerkplekken (June 2023); "Wat bespreek ik omtrent de
    leervooruitgang?" (brochure "Samen werken aan duaal").
"""

from __future__ import annotations

from collections.abc import Iterator

from duaal_leren._parse import child_path
from duaal_leren.exceptions import excerpt
from duaal_leren.gespreksverslag import Gespreksverslag
from duaal_leren.leidraad._meegeleverd import OnbekendeLeidraad, leidraad
from duaal_leren.leidraad.model import Leidraad
from duaal_leren.validation._engine import RULES, Context, Hit, Severity

__all__: list[str] = []

_SOURCE = "Leidraad opstartgesprek voor leerwerkplekken (2023); 'Wat bespreek ik omtrent de leervooruitgang?'"


def _catalogue(ctx: Context, verslag: Gespreksverslag) -> Leidraad:
    """The record's catalogue: the user's own of that id, or else the shipped one.

    Raises:
        OnbekendeLeidraad: The run knows no catalogue of the record's id.
    """
    own = ctx.leidraden.get(verslag.leidraad.id)
    return own if own is not None else leidraad(verslag.leidraad.id)


@RULES.rule(
    "verslag-leidraad",
    titel="Een gespreksverslag noemt een gekende leidraad, in de versie waarmee het gemaakt is",
    titel_en="A conversation record names a known leidraad, in the version it was made with",
    severity="error",
    source=_SOURCE,
    target="gespreksverslag",
    fix="Correct the leidraad id, or load the sector's own catalogue; update the record to "
    "the catalogue's current version when it was made with another.",
)
def verslag_leidraad(ctx: Context) -> Iterator[Hit]:
    """The record's catalogue must be known; another version of it is a warning.

    Without its catalogue nothing of a record can be checked or reported on; a record made
    with another version may point to items that changed meaning.
    """
    verslag = ctx.checked_verslag()
    ref = verslag.leidraad
    here = child_path(ctx.plan_path, "leidraad")
    try:
        catalogue = _catalogue(ctx, verslag)
    except OnbekendeLeidraad as exc:
        yield Hit(child_path(here, "id"), exc.message, exc.message_en)
        return
    if catalogue.versie != ref.versie:
        yield Hit(
            child_path(here, "versie"),
            f"het verslag gebruikt versie {excerpt(ref.versie)} van {excerpt(ref.id)}, de leidraad is "
            f"versie {excerpt(catalogue.versie)}; controleer of de items nog overeenkomen",
            f"the record uses version {excerpt(ref.versie)} of {excerpt(ref.id)}, the catalogue is "
            f"version {excerpt(catalogue.versie)}; check that the items still match",
            Severity.WARNING,
        )


@RULES.rule(
    "verslag-item",
    titel="Elk antwoord en elke actie van een verslag verwijst één keer naar een item van de leidraad",
    titel_en="Every answer and action of a record points to an item of its leidraad, once",
    severity="error",
    source=_SOURCE,
    target="gespreksverslag",
    fix="Correct the item id (see `duaal-leren leidraad show ID`), or merge the two answers.",
)
def verslag_item(ctx: Context) -> Iterator[Hit]:
    """Answers and actions point to existing items, each item answered once.

    Answers to unknown items would be lost from the completeness report; an item answered
    twice makes the record ambiguous. A record whose catalogue is unknown is not checked
    here: `verslag-leidraad` reports it.
    """
    verslag = ctx.checked_verslag()
    try:
        catalogue = _catalogue(ctx, verslag)
    except OnbekendeLeidraad:
        return
    known = {item.id for item in catalogue.alle_items}
    seen: set[str] = set()
    answers = child_path(ctx.plan_path, "antwoorden")
    for index, antwoord in enumerate(verslag.antwoorden):
        here = child_path(child_path(answers, index), "item")
        if antwoord.item not in known:
            yield _unknown_item(antwoord.item, catalogue, here)
        elif antwoord.item in seen:
            yield Hit(
                here,
                f"het item {excerpt(antwoord.item)} staat meer dan eens in het verslag; "
                "voeg de antwoorden samen",
                f"the item {excerpt(antwoord.item)} occurs more than once in the record; "
                "merge the answers",
            )
        seen.add(antwoord.item)
    actions = child_path(ctx.plan_path, "acties")
    for index, actie in enumerate(verslag.acties):
        if actie.item is not None and actie.item not in known:
            here = child_path(child_path(actions, index), "item")
            yield _unknown_item(actie.item, catalogue, here)


def _unknown_item(item_id: str, catalogue: Leidraad, path: str) -> Hit:
    return Hit(
        path,
        f"de leidraad {excerpt(catalogue.id)} (versie {catalogue.versie}) heeft geen item {excerpt(item_id)}",
        f"the catalogue {excerpt(catalogue.id)} (version {catalogue.versie}) has no item {excerpt(item_id)}",
    )


@RULES.rule(
    "verslag-traject",
    titel="Een verslag in een traject hoort bij dat traject",
    titel_en="A record inside a traject belongs to that traject",
    severity="error",
    source="Library consistency rule: references within one document must resolve",
    target="gespreksverslag",
    fix="Set the record's traject to the id of the traject it is part of.",
)
def verslag_traject(ctx: Context) -> Iterator[Hit]:
    """A record kept in a traject names that traject's id."""
    verslag = ctx.checked_verslag()
    if ctx.traject is not None and verslag.traject != ctx.traject.id:
        yield Hit(
            f"{ctx.plan_path}.traject",
            f"het verslag hoort bij traject {verslag.traject}, niet bij {ctx.traject.id}",
            f"the record belongs to traject {verslag.traject}, not to {ctx.traject.id}",
        )
