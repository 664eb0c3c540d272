"""Conversation records (gespreksverslagen): a conversation of a traject held with a leidraad.

A `Gespreksverslag` records one conversation held with a catalogue of questions (a
`duaal_leren.leidraad.Leidraad`): when, who took part in which role, per item what was
answered or agreed or that it does not apply (`Antwoord`), and the follow-up actions with
their owner and due date. The participants and actions are those of every conversation
(`duaal_leren.opvolging.Deelnemer`, `duaal_leren.opvolging.Actie`).

A record refers to its catalogue by id and version (`LeidraadReferentie`) and to items by
their stable ids, so it stays readable when the catalogue gets new items or a new order. The
record knows nothing of the catalogues themselves: how complete it is against one is
`duaal_leren.leidraad.volledigheid`, whether its references resolve is a rule of
`duaal_leren.validate`.
"""

from __future__ import annotations

import enum

import attrs
import pendulum

import duaal_leren.leidraad._notebook as _notebook
from duaal_leren._validators import as_day, non_empty, optional, typed_fields
from duaal_leren.leidraad.model import LeidraadReferentie
from duaal_leren.opvolging import Actie, Deelnemer

__all__ = ["Antwoord", "Gespreksverslag", "Itemstatus"]

_optional_text = optional(non_empty)


class Itemstatus(enum.Enum):
    """Where an item of the catalogue stands in a record."""

    BEANTWOORD = "beantwoord"
    """An answer or an agreement is recorded."""
    NIET_VAN_TOEPASSING = "niet-van-toepassing"
    """The item does not apply to this traject."""
    OPEN = "open"
    """Nothing is recorded yet."""


@attrs.frozen(field_transformer=typed_fields)
class Antwoord:
    """What was said about one item of the catalogue.

    An entry with neither text nor agreement, and not marked as not applicable, leaves the
    item open: a record can list every item in advance and be filled in during the talk.

    Attributes:
        item: The id of the item in the catalogue.
        tekst: The answer given.
        afspraak: The agreement made.
        niet_van_toepassing: The item does not apply; ``tekst`` may say why.
    """

    item: str = attrs.field(validator=non_empty)
    tekst: str | None = attrs.field(default=None, validator=_optional_text)
    afspraak: str | None = attrs.field(default=None, validator=_optional_text)
    niet_van_toepassing: bool = False

    @property
    def status(self) -> Itemstatus:
        """Answered, not applicable, or open."""
        if self.niet_van_toepassing:
            return Itemstatus.NIET_VAN_TOEPASSING
        if self.tekst is not None or self.afspraak is not None:
            return Itemstatus.BEANTWOORD
        return Itemstatus.OPEN


@attrs.frozen(field_transformer=typed_fields)
class Gespreksverslag:
    """The record of one conversation of a traject, held with a catalogue.

    Attributes:
        leidraad: The catalogue used: its id and version.
        traject: The id of the traject the conversation belongs to.
        datum: The day of the conversation.
        lerende: The learner's pseudonymous id.
        plaats: Where it was held.
        deelnemers: Who took part, with their roles.
        antwoorden: What was answered or agreed per item, or that it does not apply.
        acties: The follow-up actions.
        notities: Anything else worth keeping.

    Example:
        >>> import duaal_leren
        >>> verslag = duaal_leren.load("examples/gespreksverslag-opstart-lotte.yaml")
        >>> verslag.leidraad.id, verslag.traject, verslag.datum.isoformat()
        ('opstartgesprek', 'TRJ-2025-0042', '2025-08-26')
        >>> verslag.status("beslissing-geslaagd").value
        'beantwoord'
    """

    leidraad: LeidraadReferentie
    traject: str = attrs.field(validator=non_empty)
    datum: pendulum.Date
    lerende: str | None = attrs.field(default=None, validator=_optional_text)
    plaats: str | None = attrs.field(default=None, validator=_optional_text)
    deelnemers: tuple[Deelnemer, ...] = ()
    antwoorden: tuple[Antwoord, ...] = ()
    acties: tuple[Actie, ...] = ()
    notities: str | None = attrs.field(default=None, validator=_optional_text)

    def antwoord(self, item_id: str) -> Antwoord | None:
        """The first entry for an item, or ``None`` when the record has none."""
        for antwoord in self.antwoorden:
            if antwoord.item == item_id:
                return antwoord
        return None

    def status(self, item_id: str) -> Itemstatus:
        """Where one item stands: answered, not applicable, or open."""
        return self.statussen().get(item_id, Itemstatus.OPEN)

    def statussen(self) -> dict[str, Itemstatus]:
        """Where every item with an entry stands, by item id; items without one are open.

        An item with several entries takes the most decided of them: not applicable over
        answered over open. Repeated entries are an error of the record (rule
        ``verslag-item``).
        """
        rank = {Itemstatus.OPEN: 0, Itemstatus.BEANTWOORD: 1, Itemstatus.NIET_VAN_TOEPASSING: 2}
        result: dict[str, Itemstatus] = {}
        for antwoord in self.antwoorden:
            status = antwoord.status
            current = result.get(antwoord.item)
            if current is None or rank[status] > rank[current]:
                result[antwoord.item] = status
        return result

    def te_late_acties(self, today: pendulum.Date | str | None = None) -> tuple[Actie, ...]:
        """The actions not done whose due date lies before ``today``.

        Args:
            today: The day to check against, as a date or as ISO text (``2025-10-01``);
                by default the current date in Europe/Brussels.

        Raises:
            FieldError: ``today`` is text that is not a date written as ``YYYY-MM-DD``.
        """
        day = as_day(today)
        return tuple(actie for actie in self.acties if actie.te_laat(day))

    def _repr_html_(self) -> str:
        # The record with its catalogue, as `duaal_leren.leidraad.html_fragment` shows it.
        return _notebook.html(self)
