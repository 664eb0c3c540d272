"""iCalendar export, read back with the icalendar package."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import icalendar
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings

import duaal_leren
from duaal_leren import strategies
from duaal_leren._files import WriteError
from duaal_leren.cli import main
from duaal_leren.ical import save_ical, to_ical
from duaal_leren.planning import (
    ElkeNWeken,
    Opvolgingsschema,
    PerSchooljaar,
    PlanningError,
    plan_caseload,
    plan_opvolging,
)
from duaal_leren.traject import Traject, Weekdag, Weekpatroon, Werkdag, WerkdagPlaats

ROOT = Path(__file__).resolve().parent.parent
LOTTE_PATH = ROOT / "examples" / "traject-lotte.yaml"
LOTTE = attrs.evolve(duaal_leren.load_traject(LOTTE_PATH), opvolgingsgesprekken=())
STAMP = dt.datetime(2025, 8, 30, 12, 0, tzinfo=dt.UTC)
BRUSSELS = ZoneInfo("Europe/Brussels")


def events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def test_events_parse_back_with_dates_zone_and_uids() -> None:
    schema = plan_opvolging(LOTTE, ElkeNWeken(6))
    data = to_ical(schema, stempel=STAMP)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Brussels"
    found = events(data)
    assert len(found) == len(schema.gesprekken)
    for event, gesprek in zip(found, schema.gesprekken, strict=True):
        start = event.decoded("DTSTART")
        assert start == gesprek.start
        assert start.utcoffset() == gesprek.start.utcoffset()
        assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
        assert (start.hour, start.minute) == (10, 0)
        assert event.decoded("DTEND") - start == dt.timedelta(hours=1)
        assert str(event["UID"]) == gesprek.uid
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["STATUS"]) == "TENTATIVE"
    # Summer and winter time: the wall clock stays at 10:00, the offset follows.
    offsets = {e.decoded("DTSTART").utcoffset() for e in found}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}


def test_uids_are_stable_across_exports_and_moves() -> None:
    first = plan_opvolging(LOTTE, ElkeNWeken(6))
    again = plan_opvolging(LOTTE, ElkeNWeken(6))
    assert to_ical(first, stempel=STAMP) == to_ical(again, stempel=STAMP)
    # The second conversation was held three days later: re-exported, it keeps its UID,
    # so a calendar client moves the event instead of adding one.
    moved = plan_opvolging(LOTTE, ElkeNWeken(6), bestaande=[dt.datetime(2025, 11, 27, 9, 0)])
    before = {str(e["UID"]): e.decoded("DTSTART") for e in events(to_ical(first))}
    after = {str(e["UID"]): e.decoded("DTSTART") for e in events(to_ical(moved))}
    uid = first.gesprekken[1].uid
    assert before[uid].date() == dt.date(2025, 11, 24)
    assert after[uid] == dt.datetime(2025, 11, 27, 9, 0, tzinfo=BRUSSELS)
    assert (
        str(next(e for e in events(to_ical(moved)) if str(e["UID"]) == uid)["STATUS"])
        == "CONFIRMED"
    )
    # Different trajecten never share a UID.
    other = attrs.evolve(LOTTE, id="TRJ-ANDER")
    assert not set(before) & {g.uid for g in plan_opvolging(other, ElkeNWeken(6)).gesprekken}


def test_summary_description_and_attendees() -> None:
    schema = plan_opvolging(LOTTE, PerSchooljaar(3))
    event = events(to_ical(schema))[0]
    assert str(event["SUMMARY"]) == (
        "Opvolgingsgesprek LRN-2025-0042 – Elektro Vermeulen bv, Vestiging Fictiefdorp"
    )
    description = str(event["DESCRIPTION"])
    assert "Lerende: LRN-2025-0042" in description
    assert "Trajectbegeleider: Ann De Smet\nMentor: Koen Vermeulen" in description
    assert "Werkplek: Elektro Vermeulen bv, Vestiging Fictiefdorp (Industrieweg 7" in description
    assert "- Leerfocus voor de volgende begeleidingsperiode" in description
    assert str(event["LOCATION"]).endswith("Industrieweg 7, 9999 Fictiefdorp")
    attendees = event["ATTENDEE"]
    roles = [(str(a), a.params["ROLE"], a.params["CN"]) for a in attendees]
    assert roles == [
        ("mailto:ann.desmet@example.org", "CHAIR", "Ann De Smet"),
        ("mailto:koen@example.org", "REQ-PARTICIPANT", "Koen Vermeulen"),
        ("urn:duaal-leren:lerende:LRN-2025-0042", "REQ-PARTICIPANT", "LRN-2025-0042"),
    ]
    assert str(event["ORGANIZER"]) == "mailto:ann.desmet@example.org"


def test_the_learner_appears_only_by_pseudonymous_id() -> None:
    text = to_ical(plan_opvolging(LOTTE, PerSchooljaar(3))).decode()
    personal = LOTTE.lerende.persoonsgegevens
    assert personal is not None
    unfolded = text.replace("\r\n ", "")
    for secret in (
        personal.naam,
        "Lotte",
        "Peeters",
        personal.contact.email,
        personal.contact.telefoon,
        personal.adres,
        "dyslexie",
    ):
        assert secret
        assert secret not in unfolded


def test_one_calendar_for_a_caseload() -> None:
    trajecten = [attrs.evolve(LOTTE, id=f"TRJ-{i}") for i in range(3)]
    caseload = plan_caseload(trajecten, PerSchooljaar(2), max_per_dag=1)
    found = events(to_ical(caseload, naam="Caseload Ann"))
    assert len(found) == 6
    assert len({str(e["UID"]) for e in found}) == 6
    assert len({e.decoded("DTSTART").date() for e in found}) == 6
    calendar = icalendar.Calendar.from_ical(to_ical(caseload, naam="Caseload Ann"))
    assert str(calendar["X-WR-CALNAME"]) == "Caseload Ann"
    assert to_ical(caseload.schemas, stempel=STAMP) == to_ical(caseload, stempel=STAMP)


def test_save_writes_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    schema = plan_opvolging(LOTTE, PerSchooljaar(3))
    target = tmp_path / "lotte.ics"
    assert save_ical(schema, target, stempel=STAMP) == target
    assert target.read_bytes() == to_ical(schema, stempel=STAMP)
    target.write_bytes(b"oud")

    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        save_ical(schema, target)
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["lotte.ics"]


def test_a_calendar_that_cannot_be_written_names_the_file(tmp_path: Path) -> None:
    schema = plan_opvolging(LOTTE, PerSchooljaar(3))
    target = tmp_path / "agenda" / "lotte.ics"
    with pytest.raises(WriteError) as info:
        save_ical(schema, target)
    assert str(info.value) == (
        f"{target} kan niet geschreven worden: de map {tmp_path / 'agenda'} bestaat niet"
    )
    assert list(tmp_path.iterdir()) == []


def test_naive_stamp_is_utc_and_empty_schedules_still_make_a_calendar() -> None:
    schema = plan_opvolging(LOTTE, ElkeNWeken(6))
    empty = attrs.evolve(schema, gesprekken=())
    calendar = icalendar.Calendar.from_ical(to_ical(empty, stempel=dt.datetime(2025, 1, 1)))
    assert calendar.walk("VEVENT") == []
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    event = events(to_ical(schema, stempel=dt.datetime(2025, 1, 1, 12)))[0]
    assert event.decoded("DTSTAMP") == dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC)
    assert pendulum.instance(event.decoded("DTSTART")).timezone_name == "Europe/Brussels"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_planning_command_writes_ics_files(tmp_path: Path) -> None:
    other = tmp_path / "ander.yaml"
    other.write_text(
        LOTTE_PATH.read_text("utf-8").replace("id: TRJ-2025-0042", "id: TRJ/ANDER"), "utf-8"
    )
    one = tmp_path / "caseload.ics"
    status, _ = run(
        "planning",
        str(LOTTE_PATH),
        str(other),
        "--cadans",
        "3/jaar",
        "--ics",
        str(one),
        "--ics-dir",
        str(tmp_path / "per-traject"),
    )
    assert status == 0
    assert len(events(one.read_bytes())) == 6
    files = sorted(p.name for p in (tmp_path / "per-traject").iterdir())
    # An id with a character a file name cannot hold gets a short hash, so that two ids
    # never share a file.
    assert files[0] == "TRJ-2025-0042.ics"
    assert re.fullmatch(r"TRJ_ANDER-[0-9a-f]{8}\.ics", files[1])
    lotte = events((tmp_path / "per-traject" / "TRJ-2025-0042.ics").read_bytes())
    assert {str(e["UID"]) for e in lotte} < {str(e["UID"]) for e in events(one.read_bytes())}


# --- every loadable value -------------------------------------------------------------


def with_contacts(traject: Traject, email: str) -> Traject:
    school, mentor = traject.school, traject.mentor
    assert school.trajectbegeleider is not None
    assert mentor is not None
    begeleider = school.trajectbegeleider
    return attrs.evolve(
        traject,
        school=attrs.evolve(
            school,
            trajectbegeleider=attrs.evolve(
                begeleider, contact=attrs.evolve(begeleider.contact, email=email)
            ),
        ),
        mentor=attrs.evolve(mentor, contact=attrs.evolve(mentor.contact, email="koen@example.org")),
    )


def only_lines(data: bytes) -> list[str]:
    """The unfolded content lines: a line break in a value must never start a new one."""
    return data.decode().replace("\r\n ", "").split("\r\n")


def test_an_email_with_a_line_break_is_no_address_and_adds_no_property() -> None:
    traject = with_contacts(LOTTE, "ann@example.org\nX-INGESLOTEN:ja")
    data = to_ical(plan_opvolging(traject, PerSchooljaar(3)), stempel=STAMP)
    assert not any(line.startswith("X-INGESLOTEN") for line in only_lines(data))
    event = events(data)[0]
    addresses = [str(a) for a in event["ATTENDEE"]]
    assert addresses[0] == "urn:duaal-leren:trajectbegeleider:Ann%20De%20Smet"
    assert addresses[1] == "mailto:koen@example.org"
    assert str(event["ORGANIZER"]) == addresses[0]


def test_an_email_with_characters_a_uri_does_not_allow_is_encoded() -> None:
    traject = with_contacts(LOTTE, "ann de smet%?#@example.org")
    event = events(to_ical(plan_opvolging(traject, PerSchooljaar(3))))[0]
    assert str(event["ORGANIZER"]) == "mailto:ann%20de%20smet%25%3F%23@example.org"


@pytest.mark.parametrize(
    "text",
    [
        "LRN\n1",
        "LRN\r\n1",
        "LRN\r1",
        "LRN\x001",
        "LRN\x1b[31m1",
        "LRN\u20281",
        "LRN\x851",
        "LRN\ud8001",
    ],
)
def test_control_characters_in_names_and_ids_make_no_broken_lines(text: str) -> None:
    traject = attrs.evolve(
        LOTTE,
        id=f"TRJ {text}",
        lerende=attrs.evolve(LOTTE.lerende, id=text),
        werkplek=attrs.evolve(LOTTE.werkplek, onderneming=text, adres=f"Straat\n{text}"),
    )
    schema = plan_opvolging(traject, PerSchooljaar(3), agenda=[text, "gewoon"])
    data = to_ical(schema, stempel=STAMP)
    lines = only_lines(data)
    assert all(
        not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029" for c in line)
        for line in lines
    )
    calendar = icalendar.Calendar.from_ical(data)
    [event, *_] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Opvolgingsgesprek LRN")
    assert "\n" not in str(calendar["X-WR-CALNAME"])
    learner = event["ATTENDEE"][-1]
    assert learner.params["CN"].startswith("LRN")
    assert "\n" not in learner.params["CN"]
    # The description keeps its own lines, one per participant and agenda item.
    description = str(event["DESCRIPTION"]).split("\n")
    assert description[1].startswith("Lerende: LRN")
    assert "- gewoon" in description
    assert len({str(e["UID"]) for e in calendar.walk("VEVENT")}) == len(schema.gesprekken)


@pytest.mark.parametrize("day", [pendulum.date(1, 1, 1), pendulum.date(9999, 12, 31)])
def test_conversations_at_the_ends_of_the_dates_are_exported(day: pendulum.Date) -> None:
    gesprek = duaal_leren.load_traject(LOTTE_PATH).opvolgingsgesprekken[0]
    traject = attrs.evolve(LOTTE, opvolgingsgesprekken=(attrs.evolve(gesprek, datum=day),))
    schema = plan_opvolging(traject, PerSchooljaar(3))
    data = to_ical(schema, stempel=STAMP)
    starts = sorted(e.decoded("DTSTART") for e in events(data))
    assert starts == sorted(g.start for g in schema.gesprekken)
    assert day in {s.date() for s in starts}
    # The time zone covers the years of the conversations, not every year between them.
    assert len(data) < 20_000


def test_the_planning_command_exports_an_email_with_a_line_break(tmp_path: Path) -> None:
    text = LOTTE_PATH.read_text("utf-8").replace(
        "ann.desmet@example.org", '"ann.desmet@example.org\\nX-INGESLOTEN: ja"'
    )
    assert "X-INGESLOTEN" in text
    source = tmp_path / "traject.yaml"
    source.write_text(text, "utf-8")
    status, out = run("planning", str(source), "--cadans", "3/jaar", "--ics", "-")
    assert status == 0
    assert len(events(out.encode())) == 3
    assert "X-INGESLOTEN" not in out


_WERKWEEK = Weekpatroon(tuple(Werkdag(d, WerkdagPlaats.WERKPLEK, 8.0) for d in list(Weekdag)[:5]))


def _schema(traject: Traject) -> Opvolgingsschema:
    """The traject's plan; for one that cannot be planned, the same with a full year to plan."""
    try:
        return plan_opvolging(traject, PerSchooljaar(2))
    except PlanningError:
        contract = traject.overeenkomst
        # A full week at the workplace, with no rotation or change of schedule to undo it.
        ruim = attrs.evolve(
            traject,
            weekpatroon=_WERKWEEK,
            rotatie=None,
            roosterwijzigingen=(),
            overeenkomst=attrs.evolve(
                contract, einde=max(contract.einde, contract.start.add(days=366))
            ),
        )
        return plan_opvolging(ruim, PerSchooljaar(2))


@settings(
    max_examples=max(10, settings().max_examples // 2),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(strategies.trajecten())
def test_every_traject_exports_and_parses_back(traject: Traject) -> None:
    schema = _schema(traject)
    data = to_ical(schema, stempel=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    found = calendar.walk("VEVENT")
    assert [str(e["UID"]) for e in found] == [g.uid for g in schema.gesprekken]
    assert [e.decoded("DTSTART") for e in found] == [g.start for g in schema.gesprekken]
    for event in found:
        attendees = event["ATTENDEE"]
        # One attendee parses back as itself, several as a list.
        names = [
            a.params["CN"] for a in (attendees if isinstance(attendees, list) else [attendees])
        ]
        assert len(names) == len(schema.genodigden)


def test_a_rotating_schedule_exports_visits_on_its_workplace_days_only() -> None:
    from duaal_leren.werkdagen import bezoekdagen

    root = Path(__file__).resolve().parent.parent
    noor = duaal_leren.load_traject(root / "examples" / "traject-noor.yaml")
    schema = plan_opvolging(noor, PerSchooljaar(4), bestaande=())
    starts = [e.decoded("DTSTART") for e in events(to_ical(schema, stempel=STAMP))]
    assert len(starts) == 4
    visits = set(bezoekdagen(noor))
    assert all(start.date() in visits for start in starts)
    # None in the exam weeks of June, none on the Thursday of the class trip.
    assert not [s for s in starts if dt.date(2026, 6, 8) <= s.date() <= dt.date(2026, 6, 19)]
    assert dt.date(2026, 3, 12) not in {s.date() for s in starts}
