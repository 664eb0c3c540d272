"""Catalogues and conversation records as text, Markdown, HTML and JSON data.

A catalogue renders as an agenda to print and take to the conversation: every item
numbered, with a box to tick and room to write the answer or agreement. A record renders
with the answers filled in and the open items highlighted, followed by the actions, those
past their due date marked. The HTML is one self-contained document (inline CSS, no scripts,
no external resources) laid out for A4 paper; `html_fragment` gives the part a notebook shows.
Every text from a catalogue or record is escaped.

Labels are Dutch by default and English with ``lang="en"``; the wording of the items is
always the catalogue's own.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import pendulum

from duaal_leren._convert import converter
from duaal_leren._export import Cell, Row, html_table
from duaal_leren._validators import as_day
from duaal_leren.exceptions import checked_lang
from duaal_leren.gespreksverslag import Antwoord, Gespreksverslag, Itemstatus
from duaal_leren.leidraad._meegeleverd import OnbekendeLeidraad
from duaal_leren.leidraad._meegeleverd import leidraad as shipped
from duaal_leren.leidraad._volledigheid import Volledigheidsrapport, volledigheid
from duaal_leren.leidraad.model import Item, Itemsoort, Leidraad, Sectie, Thema
from duaal_leren.opvolging import Actie, Deelnemer, Gespreksrol

__all__ = ["html_fragment", "json_data", "render_html", "render_markdown", "render_text"]

_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "bron": "Bron",
        "leidraad": "Leidraad",
        "versie": "versie",
        "basis": "uitbreiding van",
        "afgeleid": "titel afgeleid",
        "afgeleid_uitleg": "Deze titel staat niet in de bron en is gekozen bij het opmaken van de leidraad.",
        "datum": "Datum",
        "plaats": "Plaats",
        "aanwezig": "Aanwezig",
        "traject": "Traject",
        "lerende": "Lerende",
        "antwoord": "Antwoord",
        "afspraak": "Afspraak",
        "antwoord_afspraak": "Antwoord / afspraak",
        "open": "open",
        "nvt": "niet van toepassing",
        "beantwoord": "beantwoord",
        "items": "items",
        "van": "van",
        "verslag": "Gespreksverslag",
        "deelnemers": "Deelnemers",
        "acties": "Acties",
        "actie": "Actie",
        "eigenaar": "Eigenaar",
        "vervaldatum": "Vervaldatum",
        "item": "Item",
        "status": "Status",
        "afgerond": "afgerond op",
        "te_laat": "te laat",
        "lopend": "lopend",
        "notities": "Notities",
        "onbekend": "Antwoorden op items die niet in de leidraad staan",
        "zonder_leidraad": "Antwoorden (de leidraad is niet beschikbaar)",
        "volledigheid": "Volledigheid",
        "te_laat_op": "Acties te laat op",
        "geen": "geen",
        "thema": "Thema",
        "sectie": "Sectie",
    },
    "en": {
        "bron": "Source",
        "leidraad": "Catalogue",
        "versie": "version",
        "basis": "extension of",
        "afgeleid": "title inferred",
        "afgeleid_uitleg": "This title is not in the source; it was chosen when the catalogue was made.",
        "datum": "Date",
        "plaats": "Place",
        "aanwezig": "Present",
        "traject": "Traject",
        "lerende": "Learner",
        "antwoord": "Answer",
        "afspraak": "Agreement",
        "antwoord_afspraak": "Answer / agreement",
        "open": "open",
        "nvt": "not applicable",
        "beantwoord": "answered",
        "items": "items",
        "van": "of",
        "verslag": "Conversation record",
        "deelnemers": "Participants",
        "acties": "Actions",
        "actie": "Action",
        "eigenaar": "Owner",
        "vervaldatum": "Due date",
        "item": "Item",
        "status": "Status",
        "afgerond": "done on",
        "te_laat": "overdue",
        "lopend": "pending",
        "notities": "Notes",
        "onbekend": "Answers to items that are not in the catalogue",
        "zonder_leidraad": "Answers (the catalogue is not available)",
        "volledigheid": "Completeness",
        "te_laat_op": "Actions overdue on",
        "geen": "none",
        "thema": "Theme",
        "sectie": "Section",
    },
}

_ROLES_EN = {
    Gespreksrol.LERENDE: "learner",
    Gespreksrol.MENTOR: "mentor",
    Gespreksrol.TRAJECTBEGELEIDER: "trajectbegeleider",
    Gespreksrol.VAKLEERKRACHT: "subject teacher",
    Gespreksrol.CONTACTPERSOON_SCHOOL: "school contact",
    Gespreksrol.MEDEWERKER_BEDRIJF: "company staff",
    Gespreksrol.OUDER: "parent",
    Gespreksrol.ANDER: "other",
}


def _labels(lang: str) -> dict[str, str]:
    return _LABELS["en" if lang == "en" else "nl"]


def _numbers(leidraad: Leidraad) -> dict[str, int]:
    """Every item's number in the agenda.

    Each kind of item is numbered on its own through the whole catalogue, as the guides do:
    the start-up guide's questions 1 to 45, the progress guide's consultation goals 1 to 8.
    """
    counters: dict[Itemsoort, int] = {}
    numbers = {}
    for item in leidraad.alle_items:
        counters[item.soort] = counters.get(item.soort, 0) + 1
        numbers[item.id] = counters[item.soort]
    return numbers


def _rol(rol: Gespreksrol, lang: str) -> str:
    return _ROLES_EN[rol] if lang == "en" else rol.value


def _bron_text(leidraad: Leidraad) -> str | None:
    bron = leidraad.bron
    if bron is None:
        return None
    parts = [bron.titel, *(p for p in (bron.uitgever, bron.datum, bron.url) if p)]
    text = ", ".join(parts)
    return f"{text}. {bron.opmerking}" if bron.opmerking else text


def _ref_text(leidraad: Leidraad, label: dict[str, str]) -> str:
    text = f"{leidraad.id}, {label['versie']} {leidraad.versie}"
    if leidraad.basis is not None:
        text += f" ({label['basis']} {leidraad.basis.id} {leidraad.basis.versie})"
    return text


def _resolve(verslag_id: str, leidraad: Leidraad | None) -> Leidraad | None:
    if leidraad is not None:
        return leidraad
    try:
        return shipped(verslag_id)
    except OnbekendeLeidraad:
        return None


def _sections(thema: Thema) -> tuple[tuple[str | None, Sectie], ...]:
    """The sections to show, each with its number suffix; a theme without sections shows none."""
    if not thema.secties:
        return ((None, thema.indeling[0]),)
    return tuple((str(n), sectie) for n, sectie in enumerate(thema.secties, start=1))


# --- JSON -----------------------------------------------------------------------------


def json_data(leidraad: Leidraad) -> dict[str, Any]:
    """The catalogue as plain data in the fixed shape that other tools read.

    The shape is ``{"id", "titel", "bron", "themas": [{"id", "titel", "secties": [{"id",
    "titel", "vragen": [{"id", "tekst"}]}]}]}``; a theme without sections has one section
    with the theme's id and title. ``bron`` is the source's fields, or ``null``.

    Example:
        >>> from duaal_leren.leidraad import json_data, leidraad
        >>> data = json_data(leidraad("leervooruitgang"))
        >>> [(t["id"], len(t["secties"][0]["vragen"])) for t in data["themas"]]
        [('thematieken', 3), ('overlegdoelen', 8)]
    """
    return {
        "id": leidraad.id,
        "titel": leidraad.titel,
        "bron": converter().unstructure(leidraad.bron) if leidraad.bron is not None else None,
        "themas": [
            {
                "id": thema.id,
                "titel": thema.titel,
                "secties": [
                    {
                        "id": sectie.id,
                        "titel": sectie.titel,
                        "vragen": [{"id": item.id, "tekst": item.tekst} for item in sectie.items],
                    }
                    for sectie in thema.indeling
                ],
            }
            for thema in leidraad.themas
        ],
    }


# --- text -----------------------------------------------------------------------------


def _text_leidraad(leidraad: Leidraad, lang: str) -> list[str]:
    label = _labels(lang)
    lines = [leidraad.titel, f"{label['leidraad']} {_ref_text(leidraad, label)}"]
    bron = _bron_text(leidraad)
    if bron:
        lines.append(f"{label['bron']}: {bron}")
    if leidraad.inleiding:
        lines.extend(["", leidraad.inleiding])
    numbers = _numbers(leidraad)
    for t, thema in enumerate(leidraad.themas, start=1):
        lines.extend(["", f"{t}. {thema.titel}{_afgeleid_text(thema.titel_afgeleid, label)}"])
        if thema.toelichting:
            lines.append(f"   {thema.toelichting}")
        for suffix, sectie in _sections(thema):
            indent = "   "
            if suffix is not None:
                lines.append(
                    f"   {t}.{suffix} {sectie.titel}{_afgeleid_text(sectie.titel_afgeleid, label)}"
                )
                if sectie.toelichting:
                    lines.append(f"      {sectie.toelichting}")
                indent = "      "
            for item in sectie.items:
                lines.append(f"{indent}{numbers[item.id]}. {item.tekst} [{item.id}]")
    return lines


def _afgeleid_text(afgeleid: bool, label: dict[str, str]) -> str:
    return f" ({label['afgeleid']})" if afgeleid else ""


def _counts(beantwoord: int, nvt: int, open_: int, label: dict[str, str]) -> str:
    return f"{beantwoord} {label['beantwoord']}, {nvt} {label['nvt']}, {open_} {label['open']}"


def _text_rapport(rapport: Volledigheidsrapport, leidraad: Leidraad | None, lang: str) -> list[str]:
    label = _labels(lang)
    texts = {item.id: item.tekst for item in leidraad.alle_items} if leidraad else {}
    numbers = _numbers(leidraad) if leidraad else {}
    lines = [
        f"{label['verslag']} {rapport.traject}, {rapport.datum.isoformat()}",
        f"{label['leidraad']} {rapport.leidraad.id}, {label['versie']} {rapport.leidraad.versie}: "
        f"{rapport.totaal} {label['items']}; "
        + _counts(
            len(rapport.beantwoord), len(rapport.niet_van_toepassing), len(rapport.open), label
        ),
    ]
    for t, thema in enumerate(rapport.themas, start=1):
        lines.append(
            f"  {t}. {thema.titel}: "
            + _counts(len(thema.beantwoord), len(thema.niet_van_toepassing), len(thema.open), label)
        )
        if len(thema.secties) > 1 or thema.secties[0].id != thema.id:
            for s, sectie in enumerate(thema.secties, start=1):
                lines.append(
                    f"     {t}.{s} {sectie.titel}: "
                    + _counts(
                        len(sectie.beantwoord),
                        len(sectie.niet_van_toepassing),
                        len(sectie.open),
                        label,
                    )
                )
    if rapport.open:
        lines.extend(["", f"{label['open'].capitalize()}:"])
        for item_id in rapport.open:
            words = [f"{numbers[item_id]}.", texts[item_id]] if item_id in texts else []
            lines.append("  - " + " ".join([*words, f"[{item_id}]"]))
    lines.extend(["", f"{label['te_laat_op']} {rapport.peildatum.isoformat()}:"])
    if not rapport.te_laat:
        lines.append(f"  {label['geen']}")
    for actie in rapport.te_laat:
        lines.append(
            f"  - {actie.omschrijving} ({label['eigenaar'].lower()}: {actie.eigenaar}; "
            f"{label['vervaldatum'].lower()}: {_due(actie, label)})"
        )
    if rapport.onbekende_items:
        lines.extend(["", f"{label['onbekend']}: {', '.join(rapport.onbekende_items)}"])
    return lines


def _text_verslag(
    verslag: Gespreksverslag, leidraad: Leidraad | None, today: pendulum.Date, lang: str
) -> list[str]:
    label = _labels(lang)
    lines = [f"{label['verslag']}: {leidraad.titel if leidraad else verslag.leidraad.id}"]
    for key, value in _header(verslag, label):
        lines.append(f"{key}: {value}")
    if verslag.deelnemers:
        lines.extend(["", f"{label['deelnemers']}:"])
        lines.extend(f"  - {_deelnemer(d, lang)}" for d in verslag.deelnemers)
    by_item = _answers(verslag)
    numbers = _numbers(leidraad) if leidraad else {}
    if leidraad is not None:
        for t, thema in enumerate(leidraad.themas, start=1):
            lines.extend(["", f"{t}. {thema.titel}"])
            for suffix, sectie in _sections(thema):
                if suffix is not None:
                    lines.append(f"   {t}.{suffix} {sectie.titel}")
                for item in sectie.items:
                    lines.extend(
                        _text_item(item, numbers[item.id], by_item.get(item.id, []), label)
                    )
    unknown = _unknown_answers(verslag, leidraad)
    if unknown:
        lines.extend(["", label["onbekend"] if leidraad else label["zonder_leidraad"]])
        for antwoord in unknown:
            lines.append(f"  [{antwoord.item}] {_status_text(antwoord.status, label)}")
            lines.extend(f"      {key}: {value}" for key, value in _answer_parts(antwoord, label))
    if verslag.acties:
        lines.extend(["", f"{label['acties']}:"])
        for actie in verslag.acties:
            lines.append(f"  - {actie.omschrijving} ({_actie_status(actie, today, label)})")
            lines.append(
                f"    {label['eigenaar']}: {actie.eigenaar}; "
                f"{label['vervaldatum']}: {_due(actie, label)}"
                + (f"; {label['item']}: {actie.item}" if actie.item else "")
            )
    if verslag.notities:
        lines.extend(["", f"{label['notities']}:", verslag.notities])
    return lines


def _text_item(
    item: Item, number: int, answers: list[Antwoord], label: dict[str, str]
) -> list[str]:
    status = _merged_status(answers)
    lines = [f"      {number}. {item.tekst} [{item.id}] -- {_status_text(status, label)}"]
    for antwoord in answers:
        lines.extend(f"         {key}: {value}" for key, value in _answer_parts(antwoord, label))
    return lines


def render_text(
    obj: Leidraad | Gespreksverslag | Volledigheidsrapport,
    *,
    leidraad: Leidraad | None = None,
    today: pendulum.Date | str | None = None,
    lang: str | None = None,
) -> str:
    """Plain text for the terminal: a catalogue's agenda, a record, or a completeness report.

    Args:
        obj: A catalogue, a conversation record, or a completeness report.
        leidraad: The catalogue of a record or report; by default the shipped one it
            names. Without a catalogue, a record lists its answers by item id.
        today: The day against which a record's actions are marked late, as a date or as
            ISO text (``2025-10-01``); by default the current date in Europe/Brussels.
        lang: ``"nl"`` or ``"en"`` for the labels.

    Example:
        >>> from duaal_leren.leidraad import leidraad, render_text
        >>> print(render_text(leidraad("leervooruitgang")).splitlines()[0])
        Wat bespreek ik omtrent de leervooruitgang?
    """
    lang = checked_lang(lang)
    if isinstance(obj, Leidraad):
        lines = _text_leidraad(obj, lang)
    elif isinstance(obj, Volledigheidsrapport):
        lines = _text_rapport(obj, _resolve(obj.leidraad.id, leidraad), lang)
    else:
        day = as_day(today)
        lines = _text_verslag(obj, _resolve(obj.leidraad.id, leidraad), day, lang)
    return "\n".join(lines) + "\n"


# --- parts shared by the record renderings ---------------------------------------------


def _header(verslag: Gespreksverslag, label: dict[str, str]) -> list[tuple[str, str]]:
    rows = [(label["traject"], verslag.traject)]
    if verslag.lerende:
        rows.append((label["lerende"], verslag.lerende))
    rows.append((label["datum"], verslag.datum.isoformat()))
    if verslag.plaats:
        rows.append((label["plaats"], verslag.plaats))
    rows.append(
        (label["leidraad"], f"{verslag.leidraad.id}, {label['versie']} {verslag.leidraad.versie}")
    )
    return rows


def _deelnemer(deelnemer: Deelnemer, lang: str) -> str:
    role = ", ".join(p for p in (_rol(deelnemer.rol, lang), deelnemer.functie) if p)
    return f"{deelnemer.naam} ({role})" if deelnemer.naam else role


def _answers(verslag: Gespreksverslag) -> dict[str, list[Antwoord]]:
    result: dict[str, list[Antwoord]] = {}
    for antwoord in verslag.antwoorden:
        result.setdefault(antwoord.item, []).append(antwoord)
    return result


def _unknown_answers(verslag: Gespreksverslag, leidraad: Leidraad | None) -> list[Antwoord]:
    known = {item.id for item in leidraad.alle_items} if leidraad else set()
    return [a for a in verslag.antwoorden if a.item not in known]


def _merged_status(answers: list[Antwoord]) -> Itemstatus:
    statuses = {a.status for a in answers}
    for status in (Itemstatus.NIET_VAN_TOEPASSING, Itemstatus.BEANTWOORD):
        if status in statuses:
            return status
    return Itemstatus.OPEN


def _status_text(status: Itemstatus, label: dict[str, str]) -> str:
    return {
        Itemstatus.BEANTWOORD: label["beantwoord"],
        Itemstatus.NIET_VAN_TOEPASSING: label["nvt"],
        Itemstatus.OPEN: label["open"].upper(),
    }[status]


def _answer_parts(antwoord: Antwoord, label: dict[str, str]) -> list[tuple[str, str]]:
    parts = []
    if antwoord.tekst:
        parts.append((label["antwoord"], antwoord.tekst))
    if antwoord.afspraak:
        parts.append((label["afspraak"], antwoord.afspraak))
    return parts


def _due(actie: Actie, label: dict[str, str]) -> str:
    return actie.vervaldatum.isoformat() if actie.vervaldatum is not None else label["geen"]


def _actie_status(actie: Actie, today: pendulum.Date, label: dict[str, str]) -> str:
    if actie.afgerond is not None:
        return f"{label['afgerond']} {actie.afgerond.isoformat()}"
    if actie.te_laat(today):
        return label["te_laat"]
    return label["lopend"]


# --- Markdown -------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#])")
_MD_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+=>])", re.MULTILINE)


def _md(text: str) -> str:
    """Text escaped for Markdown: it shows as written, never as markup."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)

    def line_start(match: re.Match[str]) -> str:
        if match.group(2) is not None:
            return f"{match.group(1)}{match.group(2)}\\{match.group(3)}"
        return f"{match.group(4)}\\{match.group(5)}"

    return _MD_LINE_START.sub(line_start, text)


def _md_cell(text: str) -> str:
    return _md(text).replace("|", "\\|").replace("\n", " ")


def _md_block(text: str, indent: str) -> str:
    """A multi-line text as Markdown paragraphs, every line indented."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "\n\n".join(
        "\n".join(f"{indent}{_md(line.strip())}" for line in paragraph.splitlines())
        for paragraph in paragraphs
    )


_WRITE_LINE = "." * 72
_MD_INDENT = "    "
"""Indent of the paragraphs inside a list item: four spaces, which every Markdown reads so."""


def _md_leidraad(leidraad: Leidraad, lang: str) -> list[str]:
    label = _labels(lang)
    lines = [f"# {_md(leidraad.titel)}", ""]
    meta = f"*{label['leidraad']}* `{leidraad.id}`, {label['versie']} {_md(leidraad.versie)}"
    if leidraad.basis is not None:
        meta += f" ({label['basis']} `{leidraad.basis.id}` {_md(leidraad.basis.versie)})"
    lines.append(meta)
    bron = _bron_text(leidraad)
    if bron:
        lines.extend(["", f"*{label['bron']}:* {_md(bron)}"])
    if leidraad.inleiding:
        lines.extend(["", _md_block(leidraad.inleiding, "")])
    lines.extend(
        [
            "",
            "| | |",
            "|---|---|",
            f"| {label['datum']} | |",
            f"| {label['plaats']} | |",
            f"| {label['aanwezig']} | |",
            f"| {label['traject']} | |",
        ]
    )
    numbers = _numbers(leidraad)
    for t, thema in enumerate(leidraad.themas, start=1):
        lines.extend(["", f"## {t}. {_md(thema.titel)}"])
        if thema.titel_afgeleid:
            lines.extend(["", f"*{label['afgeleid_uitleg']}*"])
        if thema.toelichting:
            lines.extend(["", _md_block(thema.toelichting, "")])
        for suffix, sectie in _sections(thema):
            if suffix is not None:
                lines.extend(["", f"### {t}.{suffix} {_md(sectie.titel)}"])
                if sectie.titel_afgeleid:
                    lines.extend(["", f"*{label['afgeleid_uitleg']}*"])
                if sectie.toelichting:
                    lines.extend(["", _md_block(sectie.toelichting, "")])
            lines.append("")
            for item in sectie.items:
                lines.append(f"- [ ] **{numbers[item.id]}.** {_md(item.tekst)} `{item.id}`")
                if item.toelichting:
                    lines.extend(["", _md_block(item.toelichting, _MD_INDENT)])
                # Paragraphs of their own inside the item, so renderers keep the lines apart.
                lines.extend(
                    [
                        "",
                        f"{_MD_INDENT}{label['antwoord_afspraak']}: {_WRITE_LINE}",
                        "",
                        f"{_MD_INDENT}{_WRITE_LINE}",
                        "",
                    ]
                )
    return lines


def _md_verslag(
    verslag: Gespreksverslag, leidraad: Leidraad | None, today: pendulum.Date, lang: str
) -> list[str]:
    label = _labels(lang)
    title = leidraad.titel if leidraad else verslag.leidraad.id
    lines = [f"# {label['verslag']}: {_md(title)}", "", "| | |", "|---|---|"]
    lines.extend(f"| {key} | {_md_cell(value)} |" for key, value in _header(verslag, label))
    by_item = _answers(verslag)
    if leidraad is not None:
        rapport = volledigheid(verslag, leidraad, today=today)
        lines.extend(
            [
                "",
                f"**{label['volledigheid']}:** "
                + _counts(
                    len(rapport.beantwoord),
                    len(rapport.niet_van_toepassing),
                    len(rapport.open),
                    label,
                )
                + f" ({label['van']} {rapport.totaal} {label['items']})",
            ]
        )
    if verslag.deelnemers:
        lines.extend(["", f"## {label['deelnemers']}", ""])
        lines.extend(f"- {_md(_deelnemer(d, lang))}" for d in verslag.deelnemers)
    numbers = _numbers(leidraad) if leidraad else {}
    if leidraad is not None:
        for t, thema in enumerate(leidraad.themas, start=1):
            lines.extend(["", f"## {t}. {_md(thema.titel)}"])
            for suffix, sectie in _sections(thema):
                if suffix is not None:
                    lines.extend(["", f"### {t}.{suffix} {_md(sectie.titel)}"])
                lines.append("")
                for item in sectie.items:
                    lines.extend(_md_item(item, numbers[item.id], by_item.get(item.id, []), label))
    unknown = _unknown_answers(verslag, leidraad)
    if unknown:
        lines.extend(["", f"## {label['onbekend'] if leidraad else label['zonder_leidraad']}", ""])
        for antwoord in unknown:
            lines.extend(_md_item(None, antwoord.item, [antwoord], label))
    if verslag.acties:
        lines.extend(
            [
                "",
                f"## {label['acties']}",
                "",
                f"| {label['actie']} | {label['eigenaar']} | {label['vervaldatum']} | "
                f"{label['item']} | {label['status']} |",
                "|---|---|---|---|---|",
            ]
        )
        for actie in verslag.acties:
            status = _actie_status(actie, today, label)
            if actie.te_laat(today):
                status = f"**{status.upper()}**"
            ref = ""
            if actie.item in numbers:
                ref = f"{numbers[actie.item]}. `{actie.item}`"
            elif actie.item:
                # Not in the catalogue, so not known to be safe inside a code span.
                ref = _md_cell(actie.item)
            lines.append(
                f"| {_md_cell(actie.omschrijving)} | {_md_cell(actie.eigenaar)} | "
                f"{_due(actie, label)} | {ref} | {status} |"
            )
    if verslag.notities:
        lines.extend(["", f"## {label['notities']}", "", _md_block(verslag.notities, "")])
    return lines


def _md_item(
    item: Item | None, number: int | str, answers: list[Antwoord], label: dict[str, str]
) -> list[str]:
    status = _merged_status(answers)
    box = " " if status is Itemstatus.OPEN else "x"
    if item is not None:
        head = f"- [{box}] **{number}.** {_md(item.tekst)} `{item.id}`"
    else:
        # An id the catalogue does not know: any text, so escaped rather than quoted as code.
        head = f"- [{box}] {_md(str(number))}"
    if status is Itemstatus.OPEN:
        head += f" **{label['open'].upper()}**"
    elif status is Itemstatus.NIET_VAN_TOEPASSING:
        head += f" *({label['nvt']})*"
    lines = [head]
    for antwoord in answers:
        for key, value in _answer_parts(antwoord, label):
            block = _md_block(value, _MD_INDENT)
            if "\n" in block:
                lines.extend(["", f"{_MD_INDENT}**{key}:**", "", block])
            else:
                lines.extend(["", f"{_MD_INDENT}**{key}:** {block.lstrip()}"])
    if status is Itemstatus.OPEN:
        lines.extend(["", f"{_MD_INDENT}{label['antwoord_afspraak']}: {_WRITE_LINE}"])
    lines.append("")
    return lines


def render_markdown(
    obj: Leidraad | Gespreksverslag,
    *,
    leidraad: Leidraad | None = None,
    today: pendulum.Date | str | None = None,
    lang: str | None = None,
) -> str:
    """Markdown of a catalogue (an agenda with room to write) or of a conversation record.

    Args:
        obj: A catalogue or a conversation record.
        leidraad: The catalogue of a record; by default the shipped one it names.
        today: The day against which a record's actions are marked late, as a date or as
            ISO text (``2025-10-01``); by default the current date in Europe/Brussels.
        lang: ``"nl"`` or ``"en"`` for the labels.

    Example:
        >>> from duaal_leren.leidraad import leidraad, render_markdown
        >>> agenda = render_markdown(leidraad("opstartgesprek"))
        >>> agenda.splitlines()[0]
        '# Leidraad opstartgesprek voor leerwerkplekken'
        >>> "- [ ] **45.** Wat is de rol van de mentor op een klassenraad?" in agenda
        True
    """
    lang = checked_lang(lang)
    if isinstance(obj, Leidraad):
        lines = _md_leidraad(obj, lang)
    else:
        day = as_day(today)
        lines = _md_verslag(obj, _resolve(obj.leidraad.id, leidraad), day, lang)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip("\n") + "\n"


# --- HTML -----------------------------------------------------------------------------

_PAGE_CSS = """
@page { size: A4; margin: 15mm 14mm 17mm 14mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #fff; color: #111; }
@media screen { main.dl { max-width: 182mm; margin: 0 auto; padding: 10mm 6mm; } }
@media print { main.dl { max-width: none; margin: 0; padding: 0; } }
"""

_CSS = """
.dl { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt;
  line-height: 1.4; color: #111; }
.dl h1 { font-size: 17pt; margin: 0 0 2mm; }
.dl h2 { font-size: 13.5pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.2pt solid #333;
  break-after: avoid; page-break-after: avoid; }
.dl h3 { font-size: 11.5pt; margin: 4mm 0 1mm; break-after: avoid; page-break-after: avoid; }
.dl p { margin: 1mm 0; }
.dl .meta, .dl .id, .dl .uitleg { color: #555; font-size: 8.5pt; }
.dl .id { font-family: ui-monospace, Menlo, Consolas, monospace; }
.dl .afgeleid { font-size: 8pt; font-weight: normal; color: #555; border: 0.5pt solid #888;
  border-radius: 2pt; padding: 0 1.2mm; margin-left: 2mm; white-space: nowrap; }
.dl table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; }
.dl th, .dl td { border: 0.5pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
.dl th { background: #f1f1f1; font-weight: 600; }
.dl table.invulvelden td { height: 7mm; }
.dl table.invulvelden th { width: 28mm; }
.dl ol.items { list-style: none; margin: 0; padding: 0; }
.dl li.item { break-inside: avoid; page-break-inside: avoid; padding: 1.5mm 0 2.5mm 2mm;
  border-bottom: 0.5pt solid #ddd; border-left: 1.5mm solid transparent; }
.dl .tekst { margin: 0; }
.dl .nr { font-weight: 700; margin-right: 1.2mm; }
.dl .vak { display: inline-block; width: 3.2mm; height: 3.2mm; border: 0.8pt solid #333;
  margin-right: 2mm; vertical-align: -0.5mm; text-align: center; line-height: 3.2mm; font-size: 8pt; }
.dl .schrijfruimte { margin-top: 1mm; }
.dl .schrijfruimte .label { color: #555; font-size: 8.5pt; }
.dl .lijn { border-bottom: 0.5pt dotted #777; height: 6.5mm; }
.dl dl.antwoord { margin: 1mm 0 0 5.5mm; }
.dl dl.antwoord dt { font-weight: 600; font-size: 9pt; color: #333; }
.dl dl.antwoord dd { margin: 0 0 1mm 0; white-space: pre-line; }
.dl li.open { border-left-color: #d97706; background: #fff4e0; }
.dl li.niet-van-toepassing { color: #666; }
.dl .status { font-size: 8pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em;
  border-radius: 2pt; padding: 0 1.2mm; margin-left: 2mm; }
.dl .status.open { background: #d97706; color: #fff; }
.dl .status.niet-van-toepassing { border: 0.5pt solid #888; color: #555; }
.dl .status.beantwoord { border: 0.5pt solid #15803d; color: #15803d; }
.dl tr.te-laat td { color: #b91c1c; font-weight: 600; }
.dl .acties td:first-child { width: 38%; }
.dl .inleiding { font-size: 9.5pt; color: #333; }
.dl .notities { white-space: pre-line; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_paragraphs(text: str, css_class: str | None = None) -> str:
    attr = f' class="{css_class}"' if css_class else ""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(f"<p{attr}>{_e(p.strip())}</p>" for p in paragraphs)


def _html_title(title: str, afgeleid: bool, label: dict[str, str]) -> str:
    text = _e(title)
    if afgeleid:
        text += f'<span class="afgeleid" title="{_e(label["afgeleid_uitleg"])}">{_e(label["afgeleid"])}</span>'
    return text


def _html_meta(leidraad: Leidraad, label: dict[str, str]) -> str:
    parts = [
        f'{_e(label["leidraad"])} <span class="id">{_e(leidraad.id)}</span>, '
        f"{_e(label['versie'])} {_e(leidraad.versie)}"
    ]
    if leidraad.basis is not None:
        parts.append(f"{_e(label['basis'])} {_e(leidraad.basis.id)} {_e(leidraad.basis.versie)}")
    bron = _bron_text(leidraad)
    if bron:
        parts.append(f"{_e(label['bron'])}: {_e(bron)}")
    return f'<p class="meta">{" · ".join(parts)}</p>'


def _html_write_room(label: dict[str, str], lines: int) -> str:
    return (
        f'<div class="schrijfruimte"><span class="label">{_e(label["antwoord_afspraak"])}</span>'
        + '<div class="lijn"></div>' * lines
        + "</div>"
    )


def _html_structure(
    leidraad: Leidraad, label: dict[str, str], item_html: Callable[[Item, int], str]
) -> list[str]:
    parts: list[str] = []
    numbers = _numbers(leidraad)
    for t, thema in enumerate(leidraad.themas, start=1):
        parts.append(f'<section class="thema" id="thema-{_e(thema.id)}">')
        parts.append(f"<h2>{t}. {_html_title(thema.titel, thema.titel_afgeleid, label)}</h2>")
        if thema.toelichting:
            parts.append(_html_paragraphs(thema.toelichting, "uitleg"))
        for suffix, sectie in _sections(thema):
            if suffix is not None:
                parts.append(f'<section class="sectie" id="sectie-{_e(sectie.id)}">')
                parts.append(
                    f"<h3>{t}.{suffix} {_html_title(sectie.titel, sectie.titel_afgeleid, label)}</h3>"
                )
                if sectie.toelichting:
                    parts.append(_html_paragraphs(sectie.toelichting, "uitleg"))
            parts.append('<ol class="items">')
            parts.extend(item_html(item, numbers[item.id]) for item in sectie.items)
            parts.append("</ol>")
            if suffix is not None:
                parts.append("</section>")
        parts.append("</section>")
    return parts


def _html_item_head(item: Item, number: int, mark: str, extra: str = "") -> str:
    toelichting = _html_paragraphs(item.toelichting, "uitleg") if item.toelichting else ""
    return (
        f'<p class="tekst"><span class="vak" aria-hidden="true">{mark}</span>'
        f'<span class="nr">{number}.</span>{_e(item.tekst)}{extra}</p>'
        f'{toelichting}<p class="id">{_e(item.id)}</p>'
    )


def _html_leidraad_body(leidraad: Leidraad, lang: str) -> str:
    label = _labels(lang)
    parts = [f"<header><h1>{_e(leidraad.titel)}</h1>", _html_meta(leidraad, label)]
    fields = [
        [Cell(_e(label[key]), 'scope="row"', header=True), None]
        for key in ("datum", "plaats", "aanwezig", "traject")
    ]
    parts.append(html_table(None, fields, attributes='class="invulvelden"') + "</header>")
    if leidraad.inleiding:
        parts.append(f'<section class="inleiding">{_html_paragraphs(leidraad.inleiding)}</section>')

    def item_html(item: Item, number: int) -> str:
        return (
            f'<li class="item" id="item-{_e(item.id)}">'
            + _html_item_head(item, number, "")
            + _html_write_room(label, 2)
            + "</li>"
        )

    parts.extend(_html_structure(leidraad, label, item_html))
    return "".join(parts)


def _html_answers(answers: list[Antwoord], label: dict[str, str]) -> str:
    rows = [
        f"<dt>{_e(key)}</dt><dd>{_e(value)}</dd>"
        for antwoord in answers
        for key, value in _answer_parts(antwoord, label)
    ]
    return f'<dl class="antwoord">{"".join(rows)}</dl>' if rows else ""


def _html_status(status: Itemstatus, label: dict[str, str]) -> str:
    return f'<span class="status {status.value}">{_e(_status_text(status, label))}</span>'


def _html_verslag_body(
    verslag: Gespreksverslag, leidraad: Leidraad | None, today: pendulum.Date, lang: str
) -> str:
    label = _labels(lang)
    title = leidraad.titel if leidraad else verslag.leidraad.id
    parts = [f"<header><h1>{_e(label['verslag'])}: {_e(title)}</h1>"]
    if leidraad is not None:
        parts.append(_html_meta(leidraad, label))
    header = [
        [Cell(_e(key), 'scope="row"', header=True), value] for key, value in _header(verslag, label)
    ]
    parts.append(html_table(None, header) + "</header>")
    by_item = _answers(verslag)
    numbers = _numbers(leidraad) if leidraad else {}
    if leidraad is not None:
        parts.append(_html_summary(volledigheid(verslag, leidraad, today=today), label))
    if verslag.deelnemers:
        parts.append(f'<section class="deelnemers"><h2>{_e(label["deelnemers"])}</h2><ul>')
        parts.extend(f"<li>{_e(_deelnemer(d, lang))}</li>" for d in verslag.deelnemers)
        parts.append("</ul></section>")

    def item_html(item: Item, number: int) -> str:
        answers = by_item.get(item.id, [])
        status = _merged_status(answers)
        mark = "" if status is Itemstatus.OPEN else "&#x2713;"
        room = _html_write_room(label, 2) if status is Itemstatus.OPEN else ""
        return (
            f'<li class="item {status.value}" id="item-{_e(item.id)}">'
            + _html_item_head(item, number, mark, _html_status(status, label))
            + _html_answers(answers, label)
            + room
            + "</li>"
        )

    if leidraad is not None:
        parts.extend(_html_structure(leidraad, label, item_html))
    unknown = _unknown_answers(verslag, leidraad)
    if unknown:
        heading = label["onbekend"] if leidraad else label["zonder_leidraad"]
        parts.append(f'<section class="onbekend"><h2>{_e(heading)}</h2><ol class="items">')
        for antwoord in unknown:
            parts.append(
                f'<li class="item {antwoord.status.value}"><p class="tekst">'
                f'<span class="id">{_e(antwoord.item)}</span>{_html_status(antwoord.status, label)}</p>'
                + _html_answers([antwoord], label)
                + "</li>"
            )
        parts.append("</ol></section>")
    if verslag.acties:
        parts.append(_html_actions(verslag.acties, numbers, today, label))
    if verslag.notities:
        parts.append(
            f'<section><h2>{_e(label["notities"])}</h2><p class="notities">{_e(verslag.notities)}</p></section>'
        )
    return "".join(parts)


def _html_summary(rapport: Volledigheidsrapport, label: dict[str, str]) -> str:
    headers = [
        Cell(_e(text), 'scope="col"', header=True)
        for text in (label["thema"], label["beantwoord"], label["nvt"], label["open"])
    ]
    rows = [
        (thema.titel, len(thema.beantwoord), len(thema.niet_van_toepassing), len(thema.open))
        for thema in rapport.themas
    ]
    total = (
        Cell(f"{rapport.totaal} {_e(label['items'])}", 'scope="row"', header=True),
        len(rapport.beantwoord),
        len(rapport.niet_van_toepassing),
        len(rapport.open),
    )
    return (
        f'<section class="volledigheid"><h2>{_e(label["volledigheid"])}</h2>'
        f"{html_table(headers, rows, footer=total)}</section>"
    )


def _html_actions(
    acties: tuple[Actie, ...], numbers: dict[str, int], today: pendulum.Date, label: dict[str, str]
) -> str:
    headers = [
        Cell(_e(label[key]), 'scope="col"', header=True)
        for key in ("actie", "eigenaar", "vervaldatum", "item", "status")
    ]
    rows = []
    for actie in acties:
        item = ""
        if actie.item:
            number = f"{numbers[actie.item]}. " if actie.item in numbers else ""
            item = f'{number}<span class="id">{_e(actie.item)}</span>'
        cells = [
            actie.omschrijving,
            actie.eigenaar,
            _due(actie, label),
            Cell(item),
            _actie_status(actie, today, label),
        ]
        # A late action marks its whole row.
        rows.append(Row(cells, 'class="te-laat"' if actie.te_laat(today) else ""))
    return (
        f'<section class="acties"><h2>{_e(label["acties"])}</h2>'
        f"{html_table(headers, rows)}</section>"
    )


def _html_body(
    obj: Leidraad | Gespreksverslag,
    leidraad: Leidraad | None,
    today: pendulum.Date | str | None,
    lang: str,
) -> tuple[str, str]:
    """The body's content and the document title."""
    if isinstance(obj, Leidraad):
        return _html_leidraad_body(obj, lang), obj.titel
    catalogue = _resolve(obj.leidraad.id, leidraad)
    day = as_day(today)
    label = _labels(lang)
    title = f"{label['verslag']} {obj.traject} {obj.datum.isoformat()}"
    return _html_verslag_body(obj, catalogue, day, lang), title


def render_html(
    obj: Leidraad | Gespreksverslag,
    *,
    leidraad: Leidraad | None = None,
    today: pendulum.Date | str | None = None,
    lang: str | None = None,
) -> str:
    """A self-contained HTML document of a catalogue or a conversation record, for A4 paper.

    The catalogue becomes an agenda with a box and room to write under every item; the
    record shows the answers, highlights the open items and marks late actions. The page
    carries its own CSS (``@page`` A4, print rules) and loads nothing from elsewhere.

    Args:
        obj: A catalogue or a conversation record.
        leidraad: The catalogue of a record; by default the shipped one it names.
        today: The day against which a record's actions are marked late, as a date or as
            ISO text (``2025-10-01``); by default the current date in Europe/Brussels.
        lang: ``"nl"`` or ``"en"`` for the labels and the page language.

    Example:
        >>> from duaal_leren.leidraad import leidraad, render_html
        >>> page = render_html(leidraad("opstartgesprek"))
        >>> page.startswith("<!DOCTYPE html>"), "size: A4" in page
        (True, True)
    """
    lang = checked_lang(lang)
    body, title = _html_body(obj, leidraad, today, lang)
    language = "en" if lang == "en" else "nl"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_PAGE_CSS}{_CSS}</style>\n</head>\n"
        f'<body>\n<main class="dl">{body}</main>\n</body>\n</html>\n'
    )


def html_fragment(
    obj: Leidraad | Gespreksverslag,
    *,
    leidraad: Leidraad | None = None,
    today: pendulum.Date | str | None = None,
    lang: str | None = None,
) -> str:
    """The HTML a notebook shows for a catalogue or a record: one element with its own style.

    The styles apply only inside the element, so the notebook's own look is left alone.

    Args:
        obj: A catalogue or a conversation record.
        leidraad: The catalogue of a record; by default the shipped one it names.
        today: The day against which a record's actions are marked late, as a date or as
            ISO text (``2025-10-01``); by default the current date in Europe/Brussels.
        lang: ``"nl"`` or ``"en"`` for the labels.
    """
    lang = checked_lang(lang)
    body, _ = _html_body(obj, leidraad, today, lang)
    return f'<div class="dl"><style>{_CSS}</style>{body}</div>'
