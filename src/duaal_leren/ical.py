"""iCalendar (RFC 5545) export of follow-up schedules.

`to_ical` turns the schedule of one traject, a whole caseload, or any list of schedules into
one calendar: one event per conversation, in the Europe/Brussels time zone (its VTIMEZONE is
included), with the trajectbegeleider as organiser and the participants as attendees with
their roles. The learner appears only by their pseudonymous id: never their name or contact
details. Every event's UID is derived from the traject's id and the conversation's identity
(`Gesprek.uid`), so importing a calendar again updates the events instead of doubling them.
`save_ical` writes the file whole or not at all.

Every value a traject can hold is exported: a line break or another control character in a
name, an id or an agenda item is written as RFC 5545 allows (line breaks only inside the
description, other control characters replaced by U+FFFD); an e-mail address with a control
character is no address, so that participant is named by role; conversations far in the
past or the future get a time zone that covers their years.

The `icalendar` package is imported on first use, not with `duaal_leren`.

Example:
    >>> import duaal_leren
    >>> from duaal_leren.ical import to_ical
    >>> from duaal_leren.planning import PerSchooljaar, plan_opvolging
    >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
    >>> text = to_ical(plan_opvolging(traject, PerSchooljaar(3))).decode()
    >>> text.count("BEGIN:VEVENT"), "TZID:Europe/Brussels" in text
    (3, True)

References:
    RFC 5545: Internet Calendaring and Scheduling Core Object Specification (iCalendar).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import urllib.parse
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

from duaal_leren._files import write_atomic
from duaal_leren.opvolging import Gespreksrol
from duaal_leren.planning import TIJDZONE, Caseload, Genodigde, Gesprek, Opvolgingsschema

if TYPE_CHECKING:
    import icalendar

__all__ = ["save_ical", "to_ical"]

Schemas = Opvolgingsschema | Caseload | Iterable[Opvolgingsschema]
"""What can be exported: one schedule, a caseload, or several schedules."""

# RFC 5545 3.2.16: the trajectbegeleider leads the conversation; mentor and learner are
# needed for it.
_ROLE = {
    Gespreksrol.TRAJECTBEGELEIDER: "CHAIR",
    Gespreksrol.MENTOR: "REQ-PARTICIPANT",
    Gespreksrol.LERENDE: "REQ-PARTICIPANT",
}


# RFC 5545 3.3.11: a TEXT value holds no control character but a tab, and a line break only
# escaped; 3.1: a parameter value holds none at all. Whatever str.splitlines takes for a line
# break counts as one, since readers split on those too. A lone surrogate (from a JSON
# escape) cannot be written in UTF-8: it is replaced like a control character.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_UNFIT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_REPLACEMENT = "\ufffd"

# RFC 6068 2: the characters a mailto address keeps as they are; others are percent-encoded.
_MAILTO_SAFE = "!$'()*+,;:@"

# `icalendar` looks up to 64 days past the last day of a time zone it writes out: a later
# last day would run past 31 December 9999.
_LAATSTE_ZONEDAG = dt.date.max - dt.timedelta(days=70)


def _escape_text(value: str) -> str:
    """Text of several lines: every line break a line feed, no other control character."""
    return _UNFIT.sub(_REPLACEMENT, _LINE_BREAK.sub("\n", value))


def _regel(value: str) -> str:
    """Text on one line: line breaks and tabs become spaces, no other control character."""
    return _UNFIT.sub(_REPLACEMENT, _LINE_BREAK.sub(" ", value).replace("\t", " "))


def _mailto(email: str) -> str | None:
    """The ``mailto:`` URI of an e-mail address, or None when it cannot be an address."""
    if _LINE_BREAK.search(email) or _UNFIT.search(email):
        # No mail can reach it, and any reading of it would be a guess.
        return None
    return "mailto:" + urllib.parse.quote(email, safe=_MAILTO_SAFE)


def _schemas(schemas: Schemas) -> tuple[Opvolgingsschema, ...]:
    if isinstance(schemas, Opvolgingsschema):
        return (schemas,)
    if isinstance(schemas, Caseload):
        return schemas.schemas
    return tuple(schemas)


def _address(genodigde: Genodigde, *, organizer: bool = False) -> icalendar.vCalAddress:
    import icalendar

    naam = _regel(genodigde.naam)
    mailto = _mailto(genodigde.email) if genodigde.email else None
    if mailto is not None:
        address = icalendar.vCalAddress(mailto)
    else:
        # A cal-address is any URI (RFC 5545 3.3.3); without an e-mail address the
        # participant is named by role, so no client tries to send it an invitation.
        name = urllib.parse.quote(naam, safe="")
        address = icalendar.vCalAddress(f"urn:duaal-leren:{genodigde.rol.value}:{name}")
    address.params["CN"] = naam
    if not organizer:  # ROLE and CUTYPE are parameters of an attendee only (RFC 5545 3.8.4)
        address.params["ROLE"] = _ROLE.get(genodigde.rol, "OPT-PARTICIPANT")
        address.params["CUTYPE"] = "INDIVIDUAL"
    return address


def _description(schema: Opvolgingsschema, gesprek: Gesprek) -> str:
    # One value per line: a line break inside a value would split it over two.
    werkplek = _regel(schema.werkplek) + (f" ({_regel(schema.adres)})" if schema.adres else "")
    lines = [
        f"Opvolgingsgesprek van traject {_regel(schema.traject)}",
        f"Lerende: {_regel(schema.lerende)}",
        f"Werkplek: {werkplek}",
        *(
            f"{g.rol.value.capitalize()}: {_regel(g.naam)}"
            for g in schema.genodigden
            if g.rol is not Gespreksrol.LERENDE
        ),
    ]
    if gesprek.agenda:
        lines += ["", "Agenda:", *(f"- {_regel(item)}" for item in gesprek.agenda)]
    return _escape_text("\n".join(lines))


def _spans(years: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of consecutive years: (first, last) for each."""
    spans: list[tuple[int, int]] = []
    for year in sorted(set(years)):
        if spans and spans[-1][1] + 1 == year:
            spans[-1] = (spans[-1][0], year)
        else:
            spans.append((year, year))
    return spans


def _timezone(years: Sequence[int]) -> icalendar.Timezone:
    """The VTIMEZONE of Brussels for the years of the events.

    One run of years at a time: a conversation in a far year (a typing error, often) adds
    its own year, not the thousands of years between it and the others.
    """
    import icalendar

    parts = [
        icalendar.Timezone.from_tzid(
            TIJDZONE,
            first_date=dt.date(first, 1, 1),
            last_date=min(dt.date(last, 12, 31), _LAATSTE_ZONEDAG),
        )
        for first, last in _spans(years)
    ]
    zone = parts[0]
    if len(parts) > 1:
        for part in parts[1:]:
            for observance in part.subcomponents:
                zone.add_component(observance)
        covered = ", ".join(f"{first} to {last}" for first, last in _spans(years))
        zone["COMMENT"] = icalendar.vText(f"This timezone only works in the years {covered}.")
    return zone


def _local(moment: pendulum.DateTime, zone: dt.tzinfo) -> dt.datetime:
    # A plain datetime with a zoneinfo zone: icalendar writes its TZID from it.
    local = moment.in_timezone(TIJDZONE)
    return dt.datetime(
        local.year, local.month, local.day, local.hour, local.minute, local.second,
        tzinfo=zone, fold=local.fold,
    )  # fmt: skip


def to_ical(
    schemas: Schemas,
    *,
    naam: str | None = None,
    stempel: dt.datetime | None = None,
) -> bytes:
    """An iCalendar file of one or more follow-up schedules.

    Args:
        schemas: An `Opvolgingsschema`, a `Caseload`, or several schedules.
        naam: The calendar's name (``X-WR-CALNAME``); by default it names the traject or the
            number of trajecten.
        stempel: The creation time written as each event's DTSTAMP; by default now. Fix it
            for output that is the same byte for byte.

    Returns:
        The calendar as RFC 5545 text, UTF-8 encoded, with CRLF line ends.
    """
    from zoneinfo import ZoneInfo

    import icalendar

    from duaal_leren import __version__

    found = _schemas(schemas)
    zone = ZoneInfo(TIJDZONE)
    stamp = (pendulum.instance(stempel) if stempel is not None else pendulum.now()).in_timezone(
        "UTC"
    )
    stamp_utc = dt.datetime(
        stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second, tzinfo=dt.UTC
    )
    if naam is None:
        naam = (
            f"Opvolgingsgesprekken {found[0].lerende}"
            if len(found) == 1
            else f"Opvolgingsgesprekken ({len(found)} trajecten)"
        )
    naam = _regel(naam)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//duaal-leren//duaal-leren {__version__}//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", naam)
    calendar.add("x-wr-timezone", TIJDZONE)
    years = [m.year for s in found for g in s.gesprekken for m in (g.start, g.einde)]
    calendar.add_component(_timezone(years or [stamp.year]))
    for schema in found:
        for gesprek in schema.gesprekken:
            event = icalendar.Event()
            event.add("uid", gesprek.uid)
            event.add("dtstamp", stamp_utc)
            event.add("dtstart", _local(gesprek.start, zone))
            event.add("dtend", _local(gesprek.einde, zone))
            event.add(
                "summary", f"Opvolgingsgesprek {_regel(schema.lerende)} – {_regel(schema.werkplek)}"
            )
            event.add("description", _description(schema, gesprek))
            location = schema.werkplek + (f", {schema.adres}" if schema.adres else "")
            event.add("location", _regel(location))
            event.add("categories", ["Opvolgingsgesprek", "Duaal leren"])
            # A proposal of the planner is tentative until it is confirmed by being passed
            # back as a conversation already planned.
            event.add("status", "CONFIRMED" if gesprek.bestaand else "TENTATIVE")
            for genodigde in schema.genodigden:
                if genodigde.rol is Gespreksrol.TRAJECTBEGELEIDER:
                    event.add("organizer", _address(genodigde, organizer=True))
                event.add("attendee", _address(genodigde))
            calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def save_ical(
    schemas: Schemas,
    path: str | os.PathLike[str],
    *,
    naam: str | None = None,
    stempel: dt.datetime | None = None,
) -> Path:
    """Write an iCalendar file of one or more follow-up schedules, whole or not at all.

    The calendar goes to a temporary file beside the target, which then replaces the target
    in one step.

    Args:
        schemas: An `Opvolgingsschema`, a `Caseload`, or several schedules.
        path: The ``.ics`` file to write.
        naam: The calendar's name; see `to_ical`.
        stempel: The DTSTAMP of the events; see `to_ical`.

    Returns:
        The path written.

    Raises:
        WriteError: The file cannot be written (an `OSError` that names
            the path and the reason); an existing file is then left as it was.
    """
    target = Path(path)
    data = to_ical(schemas, naam=naam, stempel=stempel)
    write_atomic(target, data)
    return target
