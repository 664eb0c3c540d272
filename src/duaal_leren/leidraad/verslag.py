"""Conversation records (gespreksverslagen) held with a catalogue, and how complete they are.

A `Gespreksverslag` records one conversation of a traject held with a `Leidraad`: when, who
took part in which role, per item what was answered or agreed or that it does not apply, and
the follow-up actions with their owner and due date. `volledigheid` reports per theme and
section which items are answered, not applicable or still open, and which actions are past
their due date on a given day. `verslag_findings` gives the problems of a record against its
catalogue (answers to unknown items, another catalogue version) as plain data, in the shape
of the validation findings.

A record refers to the catalogue by id and version (`LeidraadReferentie`) and to items by
their stable ids, so it stays readable when the catalogue gets new items or a new order.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Literal, TypedDict

import attrs
import pendulum

from duaal_leren._validators import as_day, non_empty, optional
from duaal_leren.leidraad._meegeleverd import OnbekendeLeidraad
from duaal_leren.leidraad._meegeleverd import leidraad as shipped
from duaal_leren.leidraad.model import Leidraad, LeidraadReferentie
from duaal_leren.opvolging import Gespreksrol

__all__ = [
    "Actie",
    "Antwoord",
    "Deelnemer",
    "Gespreksverslag",
    "Itemstatus",
    "Sectiestatus",
    "Themastatus",
    "VerslagFinding",
    "Volledigheidsrapport",
    "verslag_findings",
    "volledigheid",
]

_optional_text = optional(non_empty)


@attrs.frozen
class Deelnemer:
    """Someone who took part in the conversation.

    Attributes:
        rol: The role in which they took part.
        naam: Their name; leave it out for the learner, whom the record names by the
            traject's pseudonymous learner id.
        functie: Their function, such as ``HR`` or ``coördinator duaal leren``.
    """

    rol: Gespreksrol
    naam: str | None = attrs.field(default=None, validator=_optional_text)
    functie: str | None = attrs.field(default=None, validator=_optional_text)


class Itemstatus(enum.Enum):
    """Where an item of the catalogue stands in a record."""

    BEANTWOORD = "beantwoord"
    """An answer or an agreement is recorded."""
    NIET_VAN_TOEPASSING = "niet-van-toepassing"
    """The item does not apply to this traject."""
    OPEN = "open"
    """Nothing is recorded yet."""


@attrs.frozen
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


@attrs.frozen
class Actie:
    """A follow-up action agreed in the conversation.

    Attributes:
        omschrijving: What is to be done.
        eigenaar: Who does it: a name, a role, or both.
        vervaldatum: By when.
        item: The id of the item it follows from, if any.
        afgerond: The day it was done; empty while it is not.
    """

    omschrijving: str = attrs.field(validator=non_empty)
    eigenaar: str = attrs.field(validator=non_empty)
    vervaldatum: pendulum.Date
    item: str | None = attrs.field(default=None, validator=_optional_text)
    afgerond: pendulum.Date | None = None

    def te_laat(self, today: pendulum.Date | str) -> bool:
        """Whether the action is not done and its due date lies before ``today``.

        Args:
            today: The day to check against, as a date or as ISO text (``2025-10-01``).

        Raises:
            FieldError: ``today`` is text that is not a date written as ``YYYY-MM-DD``.
        """
        # Read first, so that a bad day is an error for a done action too.
        day = as_day(today)
        return self.afgerond is None and self.vervaldatum < day


@attrs.frozen
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
        return _statuses(self.antwoorden).get(item_id, Itemstatus.OPEN)

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
        from duaal_leren.leidraad.render import html_fragment

        return html_fragment(self)


def _statuses(antwoorden: Iterable[Antwoord]) -> dict[str, Itemstatus]:
    # An item with several entries takes the most decided of them: not applicable over
    # answered over open. Repeated entries are reported by verslag_findings.
    rank = {Itemstatus.OPEN: 0, Itemstatus.BEANTWOORD: 1, Itemstatus.NIET_VAN_TOEPASSING: 2}
    result: dict[str, Itemstatus] = {}
    for antwoord in antwoorden:
        status = antwoord.status
        current = result.get(antwoord.item)
        if current is None or rank[status] > rank[current]:
            result[antwoord.item] = status
    return result


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

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data for JSON, with dates as ISO text."""
        from duaal_leren._convert import converter

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
    statuses = _statuses(verslag.antwoorden)
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


class VerslagFinding(TypedDict):
    """One problem of a conversation record, as plain data.

    The keys are those of the validation findings: a stable ``code``, a ``severity``
    (``error``, ``warning`` or ``info``), the JSON ``path`` of the offending value, and the
    message in Dutch (``message``) and English (``message_en``).
    """

    code: str
    severity: Literal["error", "warning", "info"]
    path: str
    message: str
    message_en: str


def _finding(
    code: str,
    severity: Literal["error", "warning", "info"],
    path: str,
    message: str,
    message_en: str,
) -> VerslagFinding:
    return {
        "code": code,
        "severity": severity,
        "path": path,
        "message": message,
        "message_en": message_en,
    }


def verslag_findings(
    verslag: Gespreksverslag,
    leidraad: Leidraad | None = None,
    *,
    today: pendulum.Date | str | None = None,
    path: str = "$",
) -> tuple[VerslagFinding, ...]:
    """The problems of a conversation record measured against its catalogue.

    Codes:
        ``onbekende-leidraad`` (error): no catalogue was given and none is shipped with the
        record's id, or the given catalogue has another id; nothing else is checked then.
        ``andere-leidraadversie`` (warning): the record was made with another version.
        ``onbekend-item`` (error): an answer or an action points to an item id the
        catalogue does not have.
        ``dubbel-antwoord`` (error): an item is answered in more than one entry.
        ``actie-te-laat`` (warning, only when ``today`` is given): an action is not done
        and its due date lies before ``today``.

    Args:
        verslag: The conversation record.
        leidraad: Its catalogue; by default the shipped catalogue the record names.
        today: The day to check due dates against, as a date or as ISO text
            (``2025-10-01``); without it, due dates are not checked, so that the same record
            always gives the same findings.
        path: The JSON path of the record in its document: ``$`` for a record file,
            ``$.gespreksverslagen[0]`` for the first record inside a traject.

    Returns:
        The findings in document order, empty when the record is in order.

    Raises:
        FieldError: ``today`` is text that is not a date written as ``YYYY-MM-DD``.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.leidraad import verslag_findings
        >>> verslag = duaal_leren.load("examples/gespreksverslag-opstart-lotte.yaml")
        >>> verslag_findings(verslag)
        ()
        >>> [f["code"] for f in verslag_findings(verslag, today="2025-10-01")]
        ['actie-te-laat']
    """
    from duaal_leren._parse import child_path

    day = None if today is None else as_day(today)
    ref = verslag.leidraad
    ref_path = child_path(path, "leidraad")
    try:
        catalogue = _catalogue_for(verslag, leidraad)
    except OnbekendeLeidraad as exc:
        return (
            _finding(
                "onbekende-leidraad",
                "error",
                child_path(ref_path, "id"),
                exc.message,
                exc.message_en,
            ),
        )
    if catalogue.id != ref.id:
        return (
            _finding(
                "onbekende-leidraad",
                "error",
                child_path(ref_path, "id"),
                f"het verslag hoort bij de leidraad {ref.id!r}, niet bij {catalogue.id!r}",
                f"the record belongs to the catalogue {ref.id!r}, not to {catalogue.id!r}",
            ),
        )
    found: list[VerslagFinding] = []
    if catalogue.versie != ref.versie:
        found.append(
            _finding(
                "andere-leidraadversie",
                "warning",
                child_path(ref_path, "versie"),
                f"het verslag gebruikt versie {ref.versie!r} van {ref.id!r}, de leidraad is "
                f"versie {catalogue.versie!r}; controleer of de items nog overeenkomen",
                f"the record uses version {ref.versie!r} of {ref.id!r}, the catalogue is "
                f"version {catalogue.versie!r}; check that the items still match",
            )
        )
    known = {item.id for item in catalogue.alle_items}
    seen: set[str] = set()
    for index, antwoord in enumerate(verslag.antwoorden):
        here = child_path(child_path(child_path(path, "antwoorden"), index), "item")
        if antwoord.item not in known:
            found.append(_unknown_item(antwoord.item, catalogue, here))
        elif antwoord.item in seen:
            found.append(
                _finding(
                    "dubbel-antwoord",
                    "error",
                    here,
                    f"het item {antwoord.item!r} staat meer dan eens in het verslag; "
                    "voeg de antwoorden samen",
                    f"the item {antwoord.item!r} occurs more than once in the record; "
                    "merge the answers",
                )
            )
        seen.add(antwoord.item)
    for index, actie in enumerate(verslag.acties):
        here = child_path(child_path(path, "acties"), index)
        if actie.item is not None and actie.item not in known:
            found.append(_unknown_item(actie.item, catalogue, child_path(here, "item")))
        if day is not None and actie.te_laat(day):
            found.append(
                _finding(
                    "actie-te-laat",
                    "warning",
                    child_path(here, "vervaldatum"),
                    f"de actie van {actie.eigenaar} was af te ronden tegen "
                    f"{actie.vervaldatum.isoformat()} en is niet afgerond",
                    f"the action of {actie.eigenaar} was due by "
                    f"{actie.vervaldatum.isoformat()} and is not done",
                )
            )
    return tuple(found)


def _unknown_item(item_id: str, catalogue: Leidraad, path: str) -> VerslagFinding:
    return _finding(
        "onbekend-item",
        "error",
        path,
        f"de leidraad {catalogue.id!r} (versie {catalogue.versie}) heeft geen item {item_id!r}",
        f"the catalogue {catalogue.id!r} (version {catalogue.versie}) has no item {item_id!r}",
    )
