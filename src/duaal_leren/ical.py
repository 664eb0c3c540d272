"""iCalendar (RFC 5545) export of follow-up schedules.

`to_ical` turns the schedule of one traject, a whole caseload, or any list of schedules into
one calendar: one event per conversation, in the Europe/Brussels time zone (its VTIMEZONE is
included), with the trajectbegeleider as organiser and the participants as attendees with
their roles. The learner appears only by their pseudonymous id: never their name or contact
details. Every event's UID is derived from the traject's id and the conversation's identity
(`Gesprek.uid`), so importing a calendar again updates the events instead of doubling them.
`save_ical` writes the file whole or not at all.

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
import urllib.parse
from collections.abc import Iterable
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


def _schemas(schemas: Schemas) -> tuple[Opvolgingsschema, ...]:
    if isinstance(schemas, Opvolgingsschema):
        return (schemas,)
    if isinstance(schemas, Caseload):
        return schemas.schemas
    return tuple(schemas)


def _address(genodigde: Genodigde, *, organizer: bool = False) -> icalendar.vCalAddress:
    import icalendar

    if genodigde.email:
        address = icalendar.vCalAddress(f"mailto:{genodigde.email}")
    else:
        # A cal-address is any URI (RFC 5545 3.3.3); without an e-mail address the
        # participant is named by role, so no client tries to send it an invitation.
        name = urllib.parse.quote(genodigde.naam, safe="")
        address = icalendar.vCalAddress(f"urn:duaal-leren:{genodigde.rol.value}:{name}")
    address.params["CN"] = genodigde.naam
    if not organizer:  # ROLE and CUTYPE are parameters of an attendee only (RFC 5545 3.8.4)
        address.params["ROLE"] = _ROLE.get(genodigde.rol, "OPT-PARTICIPANT")
        address.params["CUTYPE"] = "INDIVIDUAL"
    return address


def _description(schema: Opvolgingsschema, gesprek: Gesprek) -> str:
    werkplek = schema.werkplek + (f" ({schema.adres})" if schema.adres else "")
    lines = [
        f"Opvolgingsgesprek van traject {schema.traject}",
        f"Lerende: {schema.lerende}",
        f"Werkplek: {werkplek}",
        *(
            f"{g.rol.value.capitalize()}: {g.naam}"
            for g in schema.genodigden
            if g.rol is not Gespreksrol.LERENDE
        ),
    ]
    if gesprek.agenda:
        lines += ["", "Agenda:", *(f"- {item}" for item in gesprek.agenda)]
    return "\n".join(lines)


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
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//duaal-leren//duaal-leren {__version__}//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", naam)
    calendar.add("x-wr-timezone", TIJDZONE)
    starts = [g.start for s in found for g in s.gesprekken]
    first = min(starts).year if starts else stamp.year
    last = max(starts).year if starts else stamp.year
    calendar.add_component(
        icalendar.Timezone.from_tzid(
            TIJDZONE, first_date=dt.date(first, 1, 1), last_date=dt.date(last, 12, 31)
        )
    )
    for schema in found:
        for gesprek in schema.gesprekken:
            event = icalendar.Event()
            event.add("uid", gesprek.uid)
            event.add("dtstamp", stamp_utc)
            event.add("dtstart", _local(gesprek.start, zone))
            event.add("dtend", _local(gesprek.einde, zone))
            event.add("summary", f"Opvolgingsgesprek {schema.lerende} – {schema.werkplek}")
            event.add("description", _description(schema, gesprek))
            location = schema.werkplek + (f", {schema.adres}" if schema.adres else "")
            event.add("location", location)
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
