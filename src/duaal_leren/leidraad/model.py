"""Question catalogues (leidraden): themes, sections and items, and extensions of a catalogue.

A `Leidraad` is a guide for one kind of conversation between company, school and learner:
the questions to ask at the start-up conversation, or the topics and consultation goals of a
follow-up conversation. It holds themes (`Thema`); a theme holds either sections (`Sectie`)
with items, or items directly. An `Item` is a question, a topic or a consultation goal, in
the guide's exact wording. An `Uitbreiding` adds sections, items and themes to a catalogue
without copying it; `extend` applies it.

Ids. Every theme, section and item carries an id that is written in the data file and kept
for as long as the catalogue exists: ``klassenraad`` is the question "Wat is de rol van de
mentor op een klassenraad? ...". An id taken from the position (``opstart.lerende.match.03``)
changes meaning as soon as a question is inserted or moved, and an id computed from the wording
(a hash) changes with every corrected typo and says nothing to a reader. A readable id chosen
once survives reordering, new versions and corrected wording, so that a conversation record
written today still points at the right question next year. Ids are unique across the whole
catalogue (themes, sections and items share one namespace), so an item is found by its id
alone, and an extension adds ids of its own and never reuses one.
"""

from __future__ import annotations

import enum
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import attrs

from duaal_leren._validators import matches, non_empty, optional, typed_fields
from duaal_leren.exceptions import DocumentError, FieldError, Problem, checked_lang, excerpt
from duaal_leren.leidraad import _notebook

__all__ = [
    "Aanvulling",
    "Bron",
    "Item",
    "Itemsoort",
    "Leidraad",
    "LeidraadReferentie",
    "Leidraadprobleem",
    "OngeldigeLeidraad",
    "Sectie",
    "Thema",
    "Uitbreiding",
    "extend",
]

_T = TypeVar("_T")

_ID_PATTERN = r"[a-z0-9]+(?:[-.][a-z0-9]+)*"
_id = matches(_ID_PATTERN, "contactpersoon-wie")
_optional_text = optional(non_empty)

# What a theme or catalogue derives from its fields (its items in order, an index by id),
# computed on first use and kept until the object is collected. Keyed by identity: hashing a
# catalogue walks all of it, which costs more than deriving. Not a field of the class, since
# every field is part of the file format, the JSON Schema and equality.
_DERIVED: dict[int, dict[str, Any]] = {}


def _once(obj: object, name: str, compute: Callable[[], _T]) -> _T:
    """``compute()``, the first time ``name`` is asked of ``obj``; the kept value after."""
    derived = _DERIVED.get(id(obj))
    if derived is None:
        derived = _DERIVED[id(obj)] = {}
        # The entry goes while the object is collected, before its id can be reused.
        weakref.finalize(obj, _DERIVED.pop, id(obj), None)
    if name not in derived:
        derived[name] = compute()
    value: _T = derived[name]
    return value


class Itemsoort(enum.Enum):
    """What an item of a catalogue is."""

    VRAAG = "vraag"
    """A question to ask (the start-up guide)."""
    ONDERWERP = "onderwerp"
    """A topic to discuss (the themes of the progress guide)."""
    OVERLEGDOEL = "overlegdoel"
    """A goal to set for the conversation (the consultation goals of the progress guide)."""


@attrs.frozen(field_transformer=typed_fields)
class Item:
    """One question, topic or consultation goal of a catalogue.

    Attributes:
        id: The item's stable id, unique in the catalogue, such as ``klassenraad``.
        tekst: The wording, exactly as in the guide. One item may hold several sentences
            ("Wie is mijn contactpersoon binnen de school? Wat is zijn/haar functie?").
        soort: Question (the default), topic or consultation goal.
        toelichting: Optional explanation for the people in the conversation.
    """

    id: str = attrs.field(validator=_id)
    tekst: str = attrs.field(validator=non_empty)
    soort: Itemsoort = Itemsoort.VRAAG
    toelichting: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(field_transformer=typed_fields)
class Sectie:
    """A section of a theme, with its items.

    Attributes:
        id: The section's stable id, unique in the catalogue.
        titel: The heading.
        titel_afgeleid: The heading is not in the source: it was lost in the text
            extraction, or the source has none, and was chosen by the catalogue's editors.
        toelichting: Optional explanation.
        items: The section's questions, topics or goals, in the guide's order.
    """

    id: str = attrs.field(validator=_id)
    titel: str = attrs.field(validator=non_empty)
    titel_afgeleid: bool = False
    toelichting: str | None = attrs.field(default=None, validator=_optional_text)
    items: tuple[Item, ...] = ()


@attrs.frozen(field_transformer=typed_fields)
class Thema:
    """A theme of a catalogue: either sections with items, or items directly.

    Attributes:
        id: The theme's stable id, unique in the catalogue.
        titel: The heading.
        titel_afgeleid: The heading is not in the source (see `Sectie.titel_afgeleid`).
        toelichting: Optional explanation.
        secties: The theme's sections.
        items: The theme's items, for a theme without sections.
    """

    id: str = attrs.field(validator=_id)
    titel: str = attrs.field(validator=non_empty)
    titel_afgeleid: bool = False
    toelichting: str | None = attrs.field(default=None, validator=_optional_text)
    secties: tuple[Sectie, ...] = ()
    items: tuple[Item, ...] = ()

    @property
    def indeling(self) -> tuple[Sectie, ...]:
        """The theme's sections; a theme without sections is one section of its own.

        That one section has the theme's id, title and items, so that agendas, reports and
        the JSON form treat every theme alike.
        """
        if self.secties:
            return self.secties
        return _once(
            self, "indeling", lambda: (Sectie(id=self.id, titel=self.titel, items=self.items),)
        )

    @property
    def alle_items(self) -> tuple[Item, ...]:
        """Every item of the theme, section by section."""
        return _once(
            self,
            "alle_items",
            lambda: tuple(item for sectie in self.indeling for item in sectie.items),
        )


@attrs.frozen(field_transformer=typed_fields)
class Bron:
    """Where a catalogue comes from.

    Attributes:
        titel: Title of the source document.
        uitgever: Who published it.
        datum: When: a year, a month or a day (``2023``, ``2023-06``, ``2023-06-15``).
        url: Where it can be found.
        opmerking: Anything else a reader should know about the source.
    """

    titel: str = attrs.field(validator=non_empty)
    uitgever: str | None = attrs.field(default=None, validator=_optional_text)
    datum: str | None = attrs.field(
        default=None,
        validator=optional(matches(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?", "2023-06")),
    )
    url: str | None = attrs.field(default=None, validator=_optional_text)
    opmerking: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(field_transformer=typed_fields)
class LeidraadReferentie:
    """Names one version of a catalogue, as a conversation record does.

    Attributes:
        id: The catalogue's id, such as ``opstartgesprek``.
        versie: Its version, such as ``"1"``.
    """

    id: str = attrs.field(validator=_id)
    versie: str = attrs.field(validator=non_empty)


_Segment = str | int


@attrs.frozen(field_transformer=typed_fields)
class Leidraadprobleem:
    """One problem of a catalogue that no single field shows, as data.

    Attributes:
        path: Where it is, as the keys and indexes below the catalogue's ``themas``: ``(0,
            "items", 1, "id")`` is the id of the second item of the first theme; ``()`` is
            the list of themes itself.
        message: What is wrong, in Dutch.
        message_en: The same in English.
        code: A stable code, such as ``dubbele-id``.
    """

    path: tuple[_Segment, ...]
    message: str
    message_en: str
    code: str

    @property
    def json_path(self) -> str:
        """The JSON path in the catalogue, such as ``$.themas[0].items[1].id``."""
        return _path_text(("themas", *self.path))


_SHOWN = 10
"""How many problems the text of an `OngeldigeLeidraad` names; all of them are data."""


class OngeldigeLeidraad(FieldError):
    """A catalogue that cannot be used as a whole: no theme, an id used twice, an empty theme.

    It is a `FieldError` of the ``themas`` field that carries every problem as data
    (``problems``), so that reading a file reports each with its own path and line. Its
    text names the problems after their paths, in Dutch (``str()``) or in English
    (``text("en")``).

    Attributes:
        problems: Every problem, in the order of the catalogue.
    """

    def __init__(self, problems: Sequence[Leidraadprobleem]) -> None:
        self.problems = tuple(problems)
        super().__init__("themas", self._summary("nl"), self._summary("en"))

    def _summary(self, lang: str) -> str:
        # A catalogue of thousands of repeated ids is one mistake: the text names the first
        # problems and counts the rest, the data keeps them all.
        parts = [
            f"{p.json_path}: {p.message_en if lang == 'en' else p.message}"
            for p in self.problems[:_SHOWN]
        ]
        rest = len(self.problems) - _SHOWN
        if rest > 0:
            parts.append(f"{rest} more problems" if lang == "en" else f"nog {rest} problemen")
        return "; ".join(parts)

    def text(self, lang: str | None = None) -> str:
        """Every problem with its path; the paths name the field already."""
        return self.message_en if checked_lang(lang) == "en" else self.message


def _path_text(segments: Sequence[_Segment]) -> str:
    text = "$"
    for segment in segments:
        text += f"[{segment}]" if isinstance(segment, int) else f".{segment}"
    return text


_Found = tuple[tuple[_Segment, ...], str, str, str]
"""A problem found in a catalogue: path segments, message, English message, code."""


def _nodes(
    themas: Iterable[Thema], prefix: tuple[_Segment, ...] = ("themas",)
) -> Iterator[tuple[tuple[_Segment, ...], str]]:
    """Every id of the themes, with the path segments of its ``id`` field, in order."""
    for t, thema in enumerate(themas):
        here = (*prefix, t)
        yield (*here, "id"), thema.id
        for s, sectie in enumerate(thema.secties):
            yield (*here, "secties", s, "id"), sectie.id
            for i, item in enumerate(sectie.items):
                yield (*here, "secties", s, "items", i, "id"), item.id
        for i, item in enumerate(thema.items):
            yield (*here, "items", i, "id"), item.id


def _duplicates(
    nodes: Iterable[tuple[tuple[_Segment, ...], str]],
    taken: dict[str, tuple[str, str]] | None = None,
) -> Iterator[_Found]:
    """A problem for every id that was seen before, naming where it was first.

    ``taken`` holds ids that exist already, with where they are in Dutch and in English.
    """
    first: dict[str, tuple[str, str]] = dict(taken or {})
    for segments, node_id in nodes:
        if node_id in first:
            where, where_en = first[node_id]
            yield (
                segments,
                f"de id {excerpt(node_id)} komt al voor op {where}; elke id is uniek in de leidraad",
                f"the id {excerpt(node_id)} already occurs at {where_en}; every id is unique in the catalogue",
                "dubbele-id",
            )
        else:
            first[node_id] = (_path_text(segments), _path_text(segments))


def _shape(thema: Thema, here: tuple[_Segment, ...]) -> Iterator[_Found]:
    """Problems of a theme's layout: sections and items mixed, or nothing to ask."""
    if thema.secties and thema.items:
        yield (
            (*here, "items"),
            "een thema bevat ofwel secties ofwel items, niet allebei; zet deze items in een sectie",
            "a theme holds either sections or items, not both; put these items in a section",
            "secties-en-items",
        )
    elif not thema.secties and not thema.items:
        yield (
            (*here, "secties"),
            "het thema heeft geen secties en geen items",
            "the theme has no sections and no items",
            "leeg-thema",
        )
    for s, sectie in enumerate(thema.secties):
        if not sectie.items:
            yield (
                (*here, "secties", s, "items"),
                "de sectie heeft geen items",
                "the section has no items",
                "lege-sectie",
            )


def _catalogue_problems(themas: tuple[Thema, ...]) -> list[_Found]:
    if not themas:
        return [
            (
                ("themas",),
                "een leidraad heeft minstens één thema",
                "a catalogue has at least one theme",
                "geen-themas",
            )
        ]
    found = [p for t, thema in enumerate(themas) for p in _shape(thema, ("themas", t))]
    found.extend(_duplicates(_nodes(themas)))
    return found


def _raise(found: list[_Found]) -> None:
    if found:
        raise OngeldigeLeidraad(
            [
                Leidraadprobleem(tuple(segments[1:]), nl, en, code)
                for segments, nl, en, code in found
            ]
        )


def _check_themas(_: object, attribute: attrs.Attribute[Any], themas: tuple[Thema, ...]) -> None:
    # A whole-catalogue invariant: a catalogue with a repeated id cannot be used at all,
    # since records find their items by id. Reported with the exact path of each problem.
    _raise(_catalogue_problems(themas))


@attrs.frozen(field_transformer=typed_fields)
class Leidraad:
    """A catalogue of questions, topics or consultation goals for one kind of conversation.

    Constructing a catalogue checks it as a whole: at least one theme, every id unique, a
    theme holds sections or items (not both, not neither), no empty section. A catalogue
    that fails raises an `OngeldigeLeidraad` (a `FieldError`, so a `ValueError`) that carries
    every problem as data; read from a file, the same problems come out as a `DocumentError`
    with paths and lines.

    Attributes:
        id: The catalogue's stable id, such as ``opstartgesprek``.
        titel: Its title.
        versie: The version of its content; a record names the version it used.
        taal: The language of the wording (``nl``).
        bron: Where it comes from.
        inleiding: The guide's introduction.
        basis: The catalogue this one extends, when it was made by `extend`.
        themas: The themes, in the guide's order.

    Example:
        >>> from duaal_leren.leidraad import leidraad
        >>> opstart = leidraad("opstartgesprek")
        >>> [thema.titel for thema in opstart.themas]
        ['Samenwerking school en bedrijf', 'De lerende', 'Feedback en evaluatie']
        >>> len(opstart.alle_items)
        45
        >>> opstart.item("klassenraad").tekst
        'Wat is de rol van de mentor op een klassenraad? En waar en wanneer zullen de klassenraden plaatsvinden?'
    """

    id: str = attrs.field(validator=_id)
    titel: str = attrs.field(validator=non_empty)
    versie: str = attrs.field(validator=non_empty)
    taal: str = attrs.field(default="nl", validator=matches(r"[a-z]{2}(?:-[A-Z]{2})?", "nl"))
    bron: Bron | None = None
    inleiding: str | None = attrs.field(default=None, validator=_optional_text, repr=False)
    basis: LeidraadReferentie | None = None
    themas: tuple[Thema, ...] = attrs.field(kw_only=True, validator=_check_themas, repr=False)

    @property
    def referentie(self) -> LeidraadReferentie:
        """This catalogue's id and version, for a conversation record."""
        return LeidraadReferentie(self.id, self.versie)

    @property
    def alle_items(self) -> tuple[Item, ...]:
        """Every item, theme by theme and section by section."""
        return _once(
            self, "alle_items", lambda: tuple(i for thema in self.themas for i in thema.alle_items)
        )

    @property
    def ids(self) -> frozenset[str]:
        """The ids of every theme, section and item."""
        return frozenset(node_id for _, node_id in _nodes(self.themas))

    def item(self, item_id: str) -> Item:
        """The item with this id.

        Raises:
            KeyError: The catalogue has no item with this id.
        """
        # Ids are unique in a catalogue (checked on construction): one item per id.
        index = _once(self, "item", lambda: {item.id: item for item in self.alle_items})
        return index[item_id]

    def thema(self, thema_id: str) -> Thema:
        """The theme with this id.

        Raises:
            KeyError: The catalogue has no theme with this id.
        """
        for thema in self.themas:
            if thema.id == thema_id:
                return thema
        raise KeyError(thema_id)

    def _repr_html_(self) -> str:
        # The agenda, as `duaal_leren.leidraad.html_fragment` shows it.
        return _notebook.html(self)


@attrs.frozen(field_transformer=typed_fields)
class Aanvulling:
    """Extra sections or items for one theme or section of the base catalogue.

    Attributes:
        bij: The id of the theme or section of the base catalogue to add to.
        secties: New sections, added at the end of a theme that has sections.
        items: New items, added at the end of a section, or of a theme without sections.
    """

    bij: str = attrs.field(validator=_id)
    secties: tuple[Sectie, ...] = ()
    items: tuple[Item, ...] = ()


@attrs.frozen(field_transformer=typed_fields)
class Uitbreiding:
    """A catalogue made from another one by adding to it, without copying it.

    A sector keeps only its own questions in an extension; `extend` (or `load_leidraad`,
    which reads either kind of file) gives the complete catalogue, with the base's items
    and ids unchanged. Additions come after what the base holds at the same place.

    Attributes:
        id: The id of the extended catalogue, such as ``opstartgesprek-bouw``.
        titel: Its title.
        versie: The version of the extension.
        basis: The id of the catalogue it extends, such as ``opstartgesprek``.
        basisversie: The base version it was written for; another version is an error.
        bron: Where the additions come from; by default the base's source is kept.
        inleiding: Text shown after the base's introduction.
        aanvullingen: Sections and items added to themes and sections of the base.
        themas: New themes, after the base's themes.
    """

    id: str = attrs.field(validator=_id)
    titel: str = attrs.field(validator=non_empty)
    versie: str = attrs.field(validator=non_empty)
    basis: str = attrs.field(validator=_id)
    basisversie: str | None = attrs.field(default=None, validator=_optional_text)
    bron: Bron | None = None
    inleiding: str | None = attrs.field(default=None, validator=_optional_text)
    aanvullingen: tuple[Aanvulling, ...] = ()
    themas: tuple[Thema, ...] = ()


def _extension_problems(basis: Leidraad, uitbreiding: Uitbreiding) -> list[_Found]:
    found: list[_Found] = []
    if uitbreiding.basis != basis.id:
        found.append(
            (
                ("basis",),
                f"deze uitbreiding hoort bij {excerpt(uitbreiding.basis)}, niet bij {excerpt(basis.id)}",
                f"this extension belongs to {excerpt(uitbreiding.basis)}, not to {excerpt(basis.id)}",
                "andere-basis",
            )
        )
    if uitbreiding.basisversie is not None and uitbreiding.basisversie != basis.versie:
        found.append(
            (
                ("basisversie",),
                f"geschreven voor versie {excerpt(uitbreiding.basisversie)} van {excerpt(basis.id)}, "
                f"maar versie {excerpt(basis.versie)} is geladen",
                f"written for version {excerpt(uitbreiding.basisversie)} of {excerpt(basis.id)}, "
                f"but version {excerpt(basis.versie)} is loaded",
                "andere-basisversie",
            )
        )
    themes = {thema.id: thema for thema in basis.themas}
    sections = {sectie.id: sectie for thema in basis.themas for sectie in thema.secties}
    taken = {
        node_id: (
            f"{_path_text(p)} van {excerpt(basis.id)}",
            f"{_path_text(p)} of {excerpt(basis.id)}",
        )
        for p, node_id in _nodes(basis.themas)
    }
    new_nodes: list[tuple[tuple[_Segment, ...], str]] = []
    for a, aanvulling in enumerate(uitbreiding.aanvullingen):
        here: tuple[_Segment, ...] = ("aanvullingen", a)
        found.extend(_addition_problems(aanvulling, here, themes, sections))
        for s, sectie in enumerate(aanvulling.secties):
            new_nodes.append(((*here, "secties", s, "id"), sectie.id))
            new_nodes.extend(
                ((*here, "secties", s, "items", i, "id"), item.id)
                for i, item in enumerate(sectie.items)
            )
            if not sectie.items:
                found.append(
                    (
                        (*here, "secties", s, "items"),
                        "de sectie heeft geen items",
                        "the section has no items",
                        "lege-sectie",
                    )
                )
        new_nodes.extend(
            ((*here, "items", i, "id"), item.id) for i, item in enumerate(aanvulling.items)
        )
    for t, thema in enumerate(uitbreiding.themas):
        found.extend(_shape(thema, ("themas", t)))
    new_nodes.extend(_nodes(uitbreiding.themas))
    found.extend(_duplicates(new_nodes, taken))
    return found


def _addition_problems(
    aanvulling: Aanvulling,
    here: tuple[_Segment, ...],
    themes: dict[str, Thema],
    sections: dict[str, Sectie],
) -> Iterator[_Found]:
    if not aanvulling.secties and not aanvulling.items:
        yield (
            here,
            "de aanvulling voegt niets toe: geef secties of items",
            "the addition adds nothing: give sections or items",
            "lege-aanvulling",
        )
    if aanvulling.bij in sections:
        if aanvulling.secties:
            yield (
                (*here, "secties"),
                f"{excerpt(aanvulling.bij)} is een sectie; een sectie krijgt items, geen secties",
                f"{excerpt(aanvulling.bij)} is a section; a section takes items, not sections",
                "secties-in-sectie",
            )
        return
    thema = themes.get(aanvulling.bij)
    if thema is None:
        known = ", ".join([*themes, *sections])
        yield (
            (*here, "bij"),
            f"de leidraad heeft geen thema of sectie {excerpt(aanvulling.bij)}; gekend zijn: {known}",
            f"the catalogue has no theme or section {excerpt(aanvulling.bij)}; known are: {known}",
            "onbekend-doel",
        )
    elif thema.secties and aanvulling.items:
        names = ", ".join(sectie.id for sectie in thema.secties)
        yield (
            (*here, "items"),
            f"het thema {excerpt(thema.id)} heeft secties; voeg items toe bij een sectie ({names}) "
            "of voeg een nieuwe sectie toe",
            f"the theme {excerpt(thema.id)} has sections; add items to a section ({names}) "
            "or add a new section",
            "items-bij-secties",
        )
    elif thema.items and aanvulling.secties:
        yield (
            (*here, "secties"),
            f"het thema {excerpt(thema.id)} heeft geen secties, maar items; voeg items toe",
            f"the theme {excerpt(thema.id)} has no sections but items; add items",
            "secties-bij-items",
        )


def _extended_theme(thema: Thema, additions: dict[str, list[Aanvulling]]) -> Thema:
    secties = tuple(
        attrs.evolve(
            sectie,
            items=sectie.items + tuple(i for a in additions.get(sectie.id, ()) for i in a.items),
        )
        for sectie in thema.secties
    )
    own = additions.get(thema.id, ())
    return attrs.evolve(
        thema,
        secties=secties + tuple(s for a in own for s in a.secties),
        items=thema.items + tuple(i for a in own for i in a.items),
    )


def extend(basis: Leidraad, uitbreiding: Uitbreiding, *, source: str = "<uitbreiding>") -> Leidraad:
    """The complete catalogue of an extension: the base with the additions in place.

    Args:
        basis: The catalogue the extension names as its ``basis``.
        uitbreiding: The extension.
        source: Names the extension in error messages (its file path).

    Returns:
        A catalogue with the extension's id, title and version, the base's themes with the
        added sections and items after their own, and the new themes at the end. Its
        ``basis`` names the base catalogue and version.

    Raises:
        DocumentError: The extension belongs to another catalogue or base version, adds to
            a theme or section the base does not have, reuses an id, or adds a section
            without items. Every problem has its path in the extension.

    Example:
        >>> from duaal_leren.leidraad import Aanvulling, Item, Uitbreiding, extend, leidraad
        >>> bouw = Uitbreiding(
        ...     id="opstartgesprek-bouw",
        ...     titel="Leidraad opstartgesprek, bouw",
        ...     versie="1",
        ...     basis="opstartgesprek",
        ...     aanvullingen=(
        ...         Aanvulling(
        ...             bij="verwachtingen-samenwerking",
        ...             items=(Item("bouw.vca", "Moet de lerende een VCA-attest halen?"),),
        ...         ),
        ...     ),
        ... )
        >>> uitgebreid = extend(leidraad("opstartgesprek"), bouw)
        >>> len(uitgebreid.alle_items), uitgebreid.basis.id
        (46, 'opstartgesprek')
    """
    found = _extension_problems(basis, uitbreiding)
    if found:
        raise DocumentError(
            source, [Problem(_path_text(s), nl, en, code) for s, nl, en, code in found]
        )
    additions: dict[str, list[Aanvulling]] = {}
    for aanvulling in uitbreiding.aanvullingen:
        additions.setdefault(aanvulling.bij, []).append(aanvulling)
    inleiding = "\n\n".join(t for t in (basis.inleiding, uitbreiding.inleiding) if t) or None
    return Leidraad(
        id=uitbreiding.id,
        titel=uitbreiding.titel,
        versie=uitbreiding.versie,
        taal=basis.taal,
        bron=uitbreiding.bron or basis.bron,
        inleiding=inleiding,
        basis=basis.referentie,
        themas=tuple(_extended_theme(t, additions) for t in basis.themas) + uitbreiding.themas,
    )
