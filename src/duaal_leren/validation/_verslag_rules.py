"""Rules for conversation records (gespreksverslagen) held with a leidraad.

A record refers to its catalogue by id and version and to the catalogue's items by their
stable ids; these rules check that the references resolve, through
`duaal_leren.leidraad.verslag_findings`. Overdue actions are not checked here: they belong to
the completeness report (``duaal-leren leidraad status``), not to whether a file is valid.

References:
    Leidraad opstartgesprek voor leerwerkplekken (June 2023); "Wat bespreek ik omtrent de
    leervooruitgang?" (brochure "Samen werken aan duaal").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from duaal_leren.leidraad.verslag import Gespreksverslag, VerslagFinding, verslag_findings
from duaal_leren.validation._engine import RULES, Context, Hit, Severity

__all__: list[str] = []

_SOURCE = "Leidraad opstartgesprek voor leerwerkplekken (2023); 'Wat bespreek ik omtrent de leervooruitgang?'"


# The two rules below share the findings of a record: computed once per record and path,
# not once per code. A record is a frozen, hashable value; the cache holds only a few.
@functools.lru_cache(maxsize=64)
def _findings(verslag: Gespreksverslag, path: str) -> tuple[VerslagFinding, ...]:
    return verslag_findings(verslag, path=path)


def _hits(ctx: Context, *codes: str) -> Iterator[Hit]:
    for finding in _findings(ctx.checked_verslag(), ctx.plan_path):
        if finding["code"] in codes:
            yield Hit(
                finding["path"],
                finding["message"],
                finding["message_en"],
                Severity(finding["severity"]),
            )


@RULES.rule(
    "verslag-leidraad",
    title="A conversation record names a known leidraad, in the version it was made with",
    titel="Een gespreksverslag noemt een gekende leidraad, in de versie waarmee het gemaakt is",
    severity="error",
    source=_SOURCE,
    target="gespreksverslag",
    fix="Correct the leidraad id, or load the sector's own catalogue; update the record to "
    "the catalogue's current version when it was made with another.",
)
def verslag_leidraad(ctx: Context) -> Iterator[Hit]:
    """The record's catalogue must be known; another version of it is a warning."""
    yield from _hits(ctx, "onbekende-leidraad", "andere-leidraadversie")


@RULES.rule(
    "verslag-item",
    title="Every answer and action of a record points to an item of its leidraad, once",
    titel="Elk antwoord en elke actie van een verslag verwijst één keer naar een item van de leidraad",
    severity="error",
    source=_SOURCE,
    target="gespreksverslag",
    fix="Correct the item id (see `duaal-leren leidraad show ID`), or merge the two answers.",
)
def verslag_item(ctx: Context) -> Iterator[Hit]:
    """Answers and actions point to existing items, each item answered once.

    Answers to unknown items would be lost from the completeness report; an item answered
    twice makes the record ambiguous.
    """
    yield from _hits(ctx, "onbekend-item", "dubbel-antwoord")


@RULES.rule(
    "verslag-traject",
    title="A record inside a traject belongs to that traject",
    titel="Een verslag in een traject hoort bij dat traject",
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
