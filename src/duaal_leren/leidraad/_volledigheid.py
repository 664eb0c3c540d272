"""How complete a conversation record is against its catalogue.

`volledigheid` reports per theme and section of the catalogue which items of a
`Gespreksverslag` are answered, not applicable or still open, which actions are past their
due date on a given day, and which answers point to items the catalogue does not have. The
catalogue is the one given, or else the shipped one the record names.
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from duaal_leren._convert import converter
from duaal_leren._validators import as_day
from duaal_leren.gespreksverslag import Gespreksverslag, Itemstatus
from duaal_leren.leidraad._meegeleverd import leidraad as shipped
from duaal_leren.leidraad.model import Leidraad, LeidraadReferentie
from duaal_leren.opvolging import Actie

__all__ = ["Sectiestatus", "Themastatus", "Volledigheidsrapport", "volledigheid"]


@attrs.frozen
class Sectiestatus:
    """The items of one section by where they stand, each group in catalogue order.

    Attributes:
        id: The section's id (for a theme without sections: the theme's id).
        titel: The section's title.
        beantwoord: Ids of the answered items.
        niet_van_toepassing: Ids of the items marked not applicable.
        open: Ids of the open items.
    """

    id: str
    titel: str
    beantwoord: tuple[str, ...] = ()
    niet_van_toepassing: tuple[str, ...] = ()
    open: tuple[str, ...] = ()

    @property
    def totaal(self) -> int:
        """The number of items."""
        return len(self.beantwoord) + len(self.niet_van_toepassing) + len(self.open)

    @property
    def volledig(self) -> bool:
        """Whether no item is open."""
        return not self.open


@attrs.frozen
class Themastatus:
    """The sections of one theme by where their items stand.

    Attributes:
        id: The theme's id.
        titel: The theme's title.
        secties: One status per section, in catalogue order.
    """

    id: str
    titel: str
    secties: tuple[Sectiestatus, ...]

    @property
    def beantwoord(self) -> tuple[str, ...]:
        """Ids of the answered items of the theme."""
        return tuple(i for s in self.secties for i in s.beantwoord)

    @property
    def niet_van_toepassing(self) -> tuple[str, ...]:
        """Ids of the theme's items marked not applicable."""
        return tuple(i for s in self.secties for i in s.niet_van_toepassing)

    @property
    def open(self) -> tuple[str, ...]:
        """Ids of the open items of the theme."""
        return tuple(i for s in self.secties for i in s.open)

    @property
    def totaal(self) -> int:
        """The number of items."""
        return sum(s.totaal for s in self.secties)

    @property
    def volledig(self) -> bool:
        """Whether no item is open."""
        return not self.open


@attrs.frozen
class Volledigheidsrapport:
    """How complete a conversation record is, per theme and section, on a given day.

    Attributes:
        leidraad: The catalogue the report was made with.
        traject: The traject of the record.
        datum: The day of the conversation.
        peildatum: The day against which due dates were checked.
        themas: One status per theme, in catalogue order.
        te_laat: The actions not done whose due date lies before ``peildatum``.
        onbekende_items: Ids the record answers that the catalogue does not have.
    """

    leidraad: LeidraadReferentie
    traject: str
    datum: pendulum.Date
    peildatum: pendulum.Date
    themas: tuple[Themastatus, ...]
    te_laat: tuple[Actie, ...] = ()
    onbekende_items: tuple[str, ...] = ()

    @property
    def beantwoord(self) -> tuple[str, ...]:
        """Ids of every answered item."""
        return tuple(i for t in self.themas for i in t.beantwoord)

    @property
    def niet_van_toepassing(self) -> tuple[str, ...]:
        """Ids of every item marked not applicable."""
        return tuple(i for t in self.themas for i in t.niet_van_toepassing)

    @property
    def open(self) -> tuple[str, ...]:
        """Ids of every open item."""
        return tuple(i for t in self.themas for i in t.open)

    @property
    def totaal(self) -> int:
        """The number of items of the catalogue."""
        return sum(t.totaal for t in self.themas)

    @property
    def volledig(self) -> bool:
        """Whether every item is answered or marked not applicable."""
        return not self.open

    @property
    def in_orde(self) -> bool:
        """Complete, no action overdue, and no answer to an unknown item."""
        return self.volledig and not self.te_laat and not self.onbekende_items

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data for JSON, with dates as ISO text."""
        conv = converter()
        return {
            "leidraad": conv.unstructure(self.leidraad),
            "traject": self.traject,
            "datum": self.datum.isoformat(),
            "peildatum": self.peildatum.isoformat(),
            "volledig": self.volledig,
            "totaal": {
                "items": self.totaal,
                "beantwoord": len(self.beantwoord),
                "niet_van_toepassing": len(self.niet_van_toepassing),
                "open": len(self.open),
            },
            "themas": [
                {
                    "id": thema.id,
                    "titel": thema.titel,
                    "secties": [
                        {
                            "id": sectie.id,
                            "titel": sectie.titel,
                            "beantwoord": list(sectie.beantwoord),
                            "niet_van_toepassing": list(sectie.niet_van_toepassing),
                            "open": list(sectie.open),
                        }
                        for sectie in thema.secties
                    ],
                }
                for thema in self.themas
            ],
            "te_laat": [conv.unstructure(actie) for actie in self.te_laat],
            "onbekende_items": list(self.onbekende_items),
        }


def _catalogue_for(verslag: Gespreksverslag, leidraad: Leidraad | None) -> Leidraad:
    if leidraad is not None:
        return leidraad
    return shipped(verslag.leidraad.id)


def volledigheid(
    verslag: Gespreksverslag,
    leidraad: Leidraad | None = None,
    *,
    today: pendulum.Date | str | None = None,
) -> Volledigheidsrapport:
    """Which items of a record are answered, not applicable or open, and which actions are late.

    Args:
        verslag: The conversation record.
        leidraad: The catalogue it was held with; by default the shipped catalogue the
            record names.
        today: The day to check due dates against, as a date or as ISO text
            (``2025-10-01``); by default the current date in Europe/Brussels.

    Returns:
        The report, per theme and section in catalogue order.

    Raises:
        OnbekendeLeidraad: No catalogue was given and none is shipped with the record's id.
        FieldError: ``today`` is text that is not a date written as ``YYYY-MM-DD``.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.leidraad import volledigheid
        >>> verslag = duaal_leren.load("examples/gespreksverslag-opstart-lotte.yaml")
        >>> rapport = volledigheid(verslag, today="2025-10-01")
        >>> len(rapport.beantwoord), len(rapport.niet_van_toepassing), len(rapport.open)
        (40, 2, 3)
        >>> [actie.eigenaar for actie in rapport.te_laat]
        ['Ann De Smet (trajectbegeleider)']
    """
    catalogue = _catalogue_for(verslag, leidraad)
    statuses = verslag.statussen()
    themas = []
    for thema in catalogue.themas:
        secties = []
        for sectie in thema.indeling:
            groups: dict[Itemstatus, list[str]] = {status: [] for status in Itemstatus}
            for item in sectie.items:
                groups[statuses.get(item.id, Itemstatus.OPEN)].append(item.id)
            secties.append(
                Sectiestatus(
                    sectie.id,
                    sectie.titel,
                    tuple(groups[Itemstatus.BEANTWOORD]),
                    tuple(groups[Itemstatus.NIET_VAN_TOEPASSING]),
                    tuple(groups[Itemstatus.OPEN]),
                )
            )
        themas.append(Themastatus(thema.id, thema.titel, tuple(secties)))
    known = {item.id for item in catalogue.alle_items}
    unknown = tuple(dict.fromkeys(a.item for a in verslag.antwoorden if a.item not in known))
    day = as_day(today)
    return Volledigheidsrapport(
        leidraad=catalogue.referentie,
        traject=verslag.traject,
        datum=verslag.datum,
        peildatum=day,
        themas=tuple(themas),
        te_laat=verslag.te_late_acties(day),
        onbekende_items=unknown,
    )
