"""Follow-up schedules: cadences, the planner, caseloads and the planning command."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import signal
import uuid
from collections.abc import Iterator
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duaal_leren
from duaal_leren.cli import main
from duaal_leren.exceptions import FieldError
from duaal_leren.kalender import Schooljaar, schoolkalender
from duaal_leren.opvolging import Gespreksrol, Gespreksstatus
from duaal_leren.planning import (
    SCHEMA_HEADER,
    STANDAARDAGENDA,
    ElkeNWeken,
    PerSchooljaar,
    PlanningError,
    VoorAnkers,
    Voorkeur,
    cadans,
    plan_caseload,
    plan_opvolging,
    status_text,
)
from duaal_leren.traject import Traject, Weekdag, Weekpatroon, Werkdag, WerkdagPlaats
from duaal_leren.werkdagen import bezoekdagen, werkplekdagen

ROOT = Path(__file__).resolve().parent.parent
LOTTE_MET_GESPREKKEN = duaal_leren.load_traject(ROOT / "examples" / "traject-lotte.yaml")
# Most tests plan a fresh year: without the conversations the example already records.
LOTTE = attrs.evolve(LOTTE_MET_GESPREKKEN, opvolgingsgesprekken=())
DE_VONK = schoolkalender(
    eigen=duaal_leren.load(ROOT / "examples" / "schoolkalender-de-vonk-2025-2026.yaml")
)

D = pendulum.date
W, S = WerkdagPlaats.WERKPLEK, WerkdagPlaats.SCHOOL
DAGEN = list(Weekdag)


def with_pattern(traject: Traject, *blocks: tuple[Weekdag, WerkdagPlaats, float]) -> Traject:
    return attrs.evolve(traject, weekpatroon=Weekpatroon(tuple(Werkdag(*b) for b in blocks)))


def with_contract(traject: Traject, start: dt.date, einde: dt.date) -> Traject:
    contract = attrs.evolve(traject.overeenkomst, start=start, einde=einde)
    return attrs.evolve(traject, overeenkomst=contract)


# --- cadence ------------------------------------------------------------------------------


def test_cadans_from_text() -> None:
    assert cadans("6w") == ElkeNWeken(6)
    assert cadans("elke-4-weken") == ElkeNWeken(4)
    assert cadans("4/jaar") == PerSchooljaar(4)
    assert cadans("3x") == PerSchooljaar(3)
    assert cadans("klassenraad") == VoorAnkers()
    assert cadans("voor:2025-12-17,2026-03-25").datums == (D(2025, 12, 17), D(2026, 3, 25))
    for bad in ("", "0w", "w", "elke-x-weken", "voor:morgen", "3 per jaar"):
        with pytest.raises(PlanningError):
            cadans(bad)


def test_a_cadence_has_at_most_52_weeks_or_conversations() -> None:
    assert cadans("52/jaar") == PerSchooljaar(52)
    assert cadans("52w") == ElkeNWeken(52)
    for bad in ("99999/jaar", "53x", "53w", "elke-60-weken"):
        with pytest.raises(PlanningError, match="van 1 tot 52") as info:
            cadans(bad)
        assert "from 1 to 52" in info.value.text("en")
    with pytest.raises(FieldError):
        PerSchooljaar(53)
    with pytest.raises(FieldError):
        ElkeNWeken(0)
    agreed = attrs.evolve(LOTTE, afspraken=attrs.evolve(LOTTE.afspraken, opvolging_weken=60))
    with pytest.raises(PlanningError, match="langer dan 52 weken"):
        plan_opvolging(agreed)


# --- follow-up schedules ------------------------------------------------------------------


def test_every_six_weeks() -> None:
    schema = plan_opvolging(LOTTE, ElkeNWeken(6), kalender=DE_VONK)
    dates = [g.datum for g in schema.gesprekken]
    assert dates == [
        D(2025, 10, 13),
        D(2025, 11, 24),
        D(2026, 1, 5),
        D(2026, 2, 12),
        D(2026, 3, 26),
        D(2026, 5, 7),
        D(2026, 6, 18),
    ]
    assert all(d in bezoekdagen(LOTTE, kalender=DE_VONK) for d in dates)
    assert [g.sleutel for g in schema.gesprekken][:2] == ["opvolging-01", "opvolging-02"]
    assert schema.onplanbaar == ()
    assert schema.gesprekken[0].agenda == STANDAARDAGENDA


def test_n_per_school_year_spreads_the_workplace_days_evenly() -> None:
    schema = plan_opvolging(LOTTE, PerSchooljaar(4), kalender=DE_VONK)
    assert len(schema.gesprekken) == 4
    counts = [p.werkplekdagen for p in schema.begeleidingsperiodes()]
    assert len(counts) == 5
    assert max(counts) - min(counts) <= 3


def test_a_contract_for_part_of_the_year_gets_its_share() -> None:
    half = with_contract(LOTTE, D(2026, 2, 2), D(2026, 6, 30))
    assert len(plan_opvolging(half, PerSchooljaar(6)).gesprekken) == 3


def test_before_each_klassenraad() -> None:
    schema = plan_opvolging(LOTTE, VoorAnkers(), kalender=DE_VONK)
    assert [(g.datum, g.sleutel) for g in schema.gesprekken] == [
        (D(2025, 12, 16), "voor-klassenraad-2025-12-17"),
        (D(2026, 3, 24), "voor-klassenraad-2026-03-25"),
        (D(2026, 6, 23), "voor-klassenraad-2026-06-24"),
    ]
    with pytest.raises(PlanningError) as info:
        plan_opvolging(LOTTE, VoorAnkers())  # the law's calendar has no klassenraden
    assert "klassenraad" in info.value.text("en")


def test_anchor_on_a_monday_after_a_vacation_goes_back_before_it() -> None:
    schema = plan_opvolging(LOTTE, VoorAnkers((D(2026, 4, 20),), naam="evaluatie"))
    assert [g.datum for g in schema.gesprekken] == [D(2026, 4, 2)]


def test_preferred_weekdays_and_times() -> None:
    voorkeur = Voorkeur(weekdagen=(Weekdag.DONDERDAG,), tijdstippen=(pendulum.time(14, 15),))
    schema = plan_opvolging(LOTTE, PerSchooljaar(5), voorkeur=voorkeur)
    assert {g.datum.isoweekday() for g in schema.gesprekken} == {4}
    assert {(g.start.hour, g.start.minute) for g in schema.gesprekken} == {(14, 15)}


def test_times_are_brussels_time_across_summer_time() -> None:
    schema = plan_opvolging(LOTTE, ElkeNWeken(1), start=D(2026, 3, 16), einde=D(2026, 4, 3))
    winter, summer = schema.gesprekken
    assert (winter.datum, summer.datum) == (D(2026, 3, 23), D(2026, 3, 30))
    assert winter.start.isoformat() == "2026-03-23T10:00:00+01:00"
    assert summer.start.isoformat() == "2026-03-30T10:00:00+02:00"
    assert summer.start.timezone_name == "Europe/Brussels"
    assert summer.einde - summer.start == pendulum.duration(hours=1)


def test_conversations_already_planned_or_held_are_kept() -> None:
    first = plan_opvolging(LOTTE, ElkeNWeken(6))
    assert first.gesprekken[1].datum == D(2025, 11, 24)
    # The first was held as proposed; the second three days later than proposed, at 8:30
    # (a naive time is Brussels time; an aware one is converted).
    held = [first.gesprekken[0].start.in_timezone("UTC"), dt.datetime(2025, 11, 27, 8, 30)]
    second = plan_opvolging(LOTTE, ElkeNWeken(6), bestaande=held)
    kept = [g for g in second.gesprekken if g.bestaand]
    assert [g.start.isoformat() for g in kept] == [
        "2025-10-13T10:00:00+02:00",
        "2025-11-27T08:30:00+01:00",
    ]
    # The moved conversation keeps its identity, and so its calendar uid.
    assert [g.uid for g in second.gesprekken[:2]] == [g.uid for g in first.gesprekken[:2]]
    # The cadence goes on from the day it was held.
    assert second.gesprekken[2].datum == D(2026, 1, 8)


def test_the_conversations_the_traject_records_are_kept_by_default() -> None:
    recorded = [g.datum for g in LOTTE_MET_GESPREKKEN.opvolgingsgesprekken]
    assert recorded == [D(2025, 11, 20), D(2026, 2, 5), D(2026, 4, 23)]
    schema = plan_opvolging(LOTTE_MET_GESPREKKEN, PerSchooljaar(4))
    assert [g.datum for g in schema.gesprekken if g.bestaand] == recorded
    assert len(schema.gesprekken) == 4
    fresh = plan_opvolging(LOTTE_MET_GESPREKKEN, PerSchooljaar(4), bestaande=())
    assert fresh == plan_opvolging(LOTTE, PerSchooljaar(4))
    cancelled = attrs.evolve(
        LOTTE_MET_GESPREKKEN.opvolgingsgesprekken[0], status=Gespreksstatus.GEANNULEERD
    )
    traject = attrs.evolve(
        LOTTE_MET_GESPREKKEN,
        opvolgingsgesprekken=(cancelled, *LOTTE_MET_GESPREKKEN.opvolgingsgesprekken[1:]),
    )
    kept = [g.datum for g in plan_opvolging(traject, PerSchooljaar(4)).gesprekken if g.bestaand]
    assert kept == recorded[1:]


def test_the_agreed_cadence_is_the_default() -> None:
    assert LOTTE.afspraken.opvolging_weken == 12
    assert plan_opvolging(LOTTE).cadans == ElkeNWeken(12)
    none = attrs.evolve(LOTTE, afspraken=attrs.evolve(LOTTE.afspraken, opvolging_weken=None))
    with pytest.raises(PlanningError) as info:
        plan_opvolging(none)
    assert "no cadence given or agreed" in info.value.text("en")
    assert plan_caseload([LOTTE, attrs.evolve(none, id="TRJ-2")], ElkeNWeken(4)).schemas


def test_a_kept_conversation_outside_the_cadence_is_kept_as_extra() -> None:
    schema = plan_opvolging(LOTTE, VoorAnkers(), kalender=DE_VONK, bestaande=[D(2025, 9, 8)])
    extra = [g for g in schema.gesprekken if g.sleutel.startswith("extra-")]
    assert [(g.datum, g.bestaand) for g in extra] == [(D(2025, 9, 8), True)]
    assert len(schema.gesprekken) == 4


def test_begeleidingsperiodes_cover_the_plan() -> None:
    schema = plan_opvolging(LOTTE, ElkeNWeken(6), kalender=DE_VONK)
    periods = schema.begeleidingsperiodes()
    assert periods[0].start == schema.start
    assert periods[-1].einde == schema.einde
    for before, after in itertools.pairwise(periods):
        assert after.start == before.einde.add(days=1)
    assert [p.start for p in periods[1:]] == [g.datum for g in schema.gesprekken]
    assert sum(p.werkplekdagen for p in periods) == len(werkplekdagen(LOTTE, kalender=DE_VONK))


def test_no_visit_day_is_an_error() -> None:
    school_only = with_pattern(LOTTE, (Weekdag.MAANDAG, S, 7.6), (Weekdag.ZATERDAG, W, 8))
    with pytest.raises(PlanningError) as info:
        plan_opvolging(school_only, ElkeNWeken(4))
    assert "no day for a visit" in info.value.text("en")
    with pytest.raises(PlanningError):
        plan_opvolging(LOTTE, ElkeNWeken(4), start=D(2026, 7, 1))


def test_schedule_shows_as_html_without_the_learners_name() -> None:
    schema = plan_opvolging(LOTTE, PerSchooljaar(3))
    html = schema._repr_html_()
    assert html.startswith('<div class="dl-view" lang="nl"><style>')
    assert "<h3>Opvolgingsgesprekken LRN-2025-0042</h3>" in html
    assert html.count("<tr><td>") == 3  # one row per conversation
    assert "<td>2025-11-10</td><td>ma</td><td>10:00</td>" in html
    assert "Lotte" not in html
    assert "Peeters" not in html
    weird = attrs.evolve(LOTTE, lerende=attrs.evolve(LOTTE.lerende, id="<b>&"))
    assert "&lt;b&gt;&amp;" in plan_opvolging(weird, PerSchooljaar(1))._repr_html_()


def test_participants_with_roles_and_no_personal_data() -> None:
    schema = plan_opvolging(LOTTE, PerSchooljaar(1))
    assert [(g.rol, g.naam, g.email) for g in schema.genodigden] == [
        (Gespreksrol.TRAJECTBEGELEIDER, "Ann De Smet", "ann.desmet@example.org"),
        (Gespreksrol.MENTOR, "Koen Vermeulen", "koen@example.org"),
        (Gespreksrol.LERENDE, "LRN-2025-0042", None),
    ]


# --- caseload ------------------------------------------------------------------------------


def caseload_trajecten(n: int) -> list[Traject]:
    return [
        attrs.evolve(
            LOTTE, id=f"TRJ-{i:02d}", lerende=attrs.evolve(LOTTE.lerende, id=f"LRN-{i:02d}")
        )
        for i in range(n)
    ]


def test_caseload_at_most_k_visits_a_day() -> None:
    trajecten = caseload_trajecten(6)
    caseload = plan_caseload(trajecten, PerSchooljaar(4), max_per_dag=2)
    assert len(caseload.gesprekken) == 24
    per_day = caseload.per_dag()
    assert max(len(found) for found in per_day.values()) == 2
    for found in per_day.values():
        assert len({g.start for g in found}) == len(found)  # different times
    assert all(len(s.gesprekken) == 4 for s in caseload.schemas)
    assert caseload == plan_caseload(list(reversed(trajecten)), PerSchooljaar(4), max_per_dag=2)
    html = caseload._repr_html_()
    assert html.count("<tr>") == 25
    assert '<span class="dl-ok">voorstel</span>' in html


def test_a_caseload_builds_the_school_calendar_once() -> None:
    from duaal_leren import kalender

    kalender._build.cache_clear()
    kalender._wettelijke_dagen.cache_clear()
    caseload = plan_caseload(caseload_trajecten(30), PerSchooljaar(6), max_per_dag=4)
    assert len(caseload.schemas) == 30
    # One school year: its calendar and the holiday tables behind it are built once, for
    # every traject of the caseload and every rule that asks again.
    assert kalender._build.cache_info().misses == 1
    assert kalender._wettelijke_dagen.cache_info().misses == 1


def test_caseload_counts_kept_conversations() -> None:
    trajecten = caseload_trajecten(2)
    bestaande = {"TRJ-00": [D(2025, 11, 10)], "TRJ-01": [dt.datetime(2025, 11, 10, 10, 0)]}
    caseload = plan_caseload(trajecten, PerSchooljaar(3), max_per_dag=2, bestaande=bestaande)
    day = caseload.per_dag()[D(2025, 11, 10)]
    assert [(g.traject, g.start.format("HH:mm")) for g in day] == [
        ("TRJ-01", "10:00"),
        ("TRJ-00", "13:30"),
    ]
    with pytest.raises(PlanningError):
        plan_caseload(trajecten, PerSchooljaar(3), max_per_dag=0)
    with pytest.raises(PlanningError):
        plan_caseload([LOTTE, LOTTE], PerSchooljaar(3))


@pytest.fixture
def binnen_tien_seconden() -> Iterator[None]:
    """Fail a test that runs longer than ten seconds, instead of waiting for it."""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - Windows
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError("langer dan tien seconden / longer than ten seconds")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, 10)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_start_times_stay_within_the_day() -> None:
    voorkeur = Voorkeur()
    assert [t.format("HH:mm") for t in voorkeur.starturen()] == ["10:00", "13:30", "15:00", "16:30"]
    taken = [pendulum.time(10, 0), pendulum.time(13, 30), pendulum.time(15, 0)]
    assert voorkeur.tijdstip(taken) == pendulum.time(16, 30)
    assert voorkeur.tijdstip([*taken, pendulum.time(16, 30)]) is None
    # Twenty visits that day: the day is full, and no time runs past midnight.
    assert voorkeur.tijdstip([pendulum.time(10, 0)] * 20) == pendulum.time(13, 30)
    late = Voorkeur(tijdstippen=(pendulum.time(22, 0),), einduur=pendulum.time(23, 59))
    assert late.starturen() == (pendulum.time(22, 0),)
    assert late.tijdstip([pendulum.time(22, 0)]) is None
    # A visit that overlaps one already on the day is no option either.
    assert voorkeur.tijdstip([pendulum.time(9, 30)]) == pendulum.time(13, 30)


def test_a_visit_may_not_run_past_midnight() -> None:
    with pytest.raises(FieldError, match="middernacht") as info:
        Voorkeur(tijdstippen=(pendulum.time(23, 30),))
    assert "runs past midnight" in info.value.text("en")
    with pytest.raises(FieldError):
        Voorkeur(duur=pendulum.duration(minutes=0))
    with pytest.raises(FieldError):
        Voorkeur(duur=pendulum.duration(hours=24))


def test_a_caseload_with_many_conversations_on_one_day_finishes_quickly(
    binnen_tien_seconden: None,
) -> None:
    # Twenty copies of a traject that records three conversations: each of those days has
    # twenty conversations that cannot move and no time is recorded for them.
    trajecten = [attrs.evolve(LOTTE_MET_GESPREKKEN, id=f"TRJ-{i:02d}") for i in range(20)]
    with pytest.raises(PlanningError) as info:
        plan_caseload(trajecten, PerSchooljaar(4))
    assert "het gesprek van 2025-11-20 krijgt geen uur" in str(info.value)
    assert "the conversation of 2025-11-20 gets no time" in info.value.text("en")
    # With their times, they keep them, however many there are.
    bestaande = {
        t.id: [dt.datetime(2025, 11, 20, 8, 0) + dt.timedelta(minutes=20 * i)]
        for i, t in enumerate(trajecten)
    }
    caseload = plan_caseload(trajecten, PerSchooljaar(4), bestaande=bestaande, max_per_dag=20)
    day = caseload.per_dag()[D(2025, 11, 20)]
    assert [g.start.format("HH:mm") for g in day][:4] == ["08:00", "08:20", "08:40", "09:00"]
    assert all(g.bestaand for g in day)


def test_a_full_day_sends_the_visit_to_another_day(binnen_tien_seconden: None) -> None:
    trajecten = caseload_trajecten(20)
    caseload = plan_caseload(trajecten, PerSchooljaar(4), max_per_dag=20)
    allowed = set(Voorkeur().starturen())
    for day, found in caseload.per_dag().items():
        assert len(found) <= 4, day
        starts = [g.start.time() for g in found]
        assert set(starts) <= allowed
        assert len(set(starts)) == len(starts)
        assert all(g.einde.date() == day for g in found)
    assert sum(len(s.gesprekken) for s in caseload.schemas) == 80


# --- properties -----------------------------------------------------------------------------


@st.composite
def plannen(draw: st.DrawFn) -> tuple[Traject, object, Voorkeur, list[dt.date]]:
    startjaar = draw(st.integers(2019, 2030))
    blocks: list[tuple[Weekdag, WerkdagPlaats, float]] = []
    for day in DAGEN[:6]:
        places = draw(st.sampled_from(["", "w", "s", "ws", "ws"]))
        for place in places:
            blocks.append(
                (day, W if place == "w" else S, draw(st.sampled_from([3.0, 4.0, 7.6, 8.0])))
            )
    if not any(b[1] is W and b[0] in DAGEN[:5] for b in blocks):
        blocks.append((draw(st.sampled_from(DAGEN[:5])), W, 7.6))
    start = D(startjaar, 9, 1).add(days=draw(st.integers(0, 120)))
    einde = D(startjaar + 1, 6, 30).subtract(days=draw(st.integers(0, 90)))
    traject = with_contract(with_pattern(LOTTE, *blocks), start, einde)
    span = (einde - start).days
    anchors = tuple(
        sorted(
            {
                start.add(days=d)
                for d in draw(st.lists(st.integers(1, span), min_size=1, max_size=4))
            }
        )
    )
    cad = draw(
        st.one_of(
            st.builds(ElkeNWeken, st.integers(1, 10)),
            st.builds(PerSchooljaar, st.integers(1, 8)),
            st.just(VoorAnkers(anchors, naam="anker", marge=draw(st.integers(3, 30)))),
        )
    )
    voorkeur = Voorkeur(
        weekdagen=tuple(draw(st.lists(st.sampled_from(DAGEN), max_size=3, unique=True)))
    )
    bestaande = [
        start.add(days=d) for d in draw(st.lists(st.integers(0, span), max_size=3, unique=True))
    ]
    return traject, cad, voorkeur, bestaande


@settings(deadline=None)
@given(plannen())
def test_schedules_never_land_on_a_day_off_or_a_school_day(
    plan: tuple[Traject, ElkeNWeken | PerSchooljaar | VoorAnkers, Voorkeur, list[dt.date]],
) -> None:
    traject, cad, voorkeur, bestaande = plan
    schema = plan_opvolging(traject, cad, voorkeur=voorkeur, bestaande=bestaande)
    assert schema == plan_opvolging(traject, cad, voorkeur=voorkeur, bestaande=bestaande)
    pattern = traject.weekpatroon
    assert pattern is not None
    work = {b.dag.isoweekday for b in pattern.dagen if b.plaats is W}
    school = {b.dag.isoweekday for b in pattern.dagen if b.plaats is S}
    whole = {d for d in work - school if d <= 5}
    kalender = schoolkalender(Schooljaar.from_date(traject.overeenkomst.start))
    for g in schema.gesprekken:
        if g.bestaand:
            continue
        day = g.datum
        assert traject.overeenkomst.start <= day <= traject.overeenkomst.einde
        assert kalender.vrije_periode(day) is None
        assert not kalender.is_feestdag(day)
        assert kalender.is_schooldag(day)
        assert day.isoweekday() in work
        if whole:
            assert day.isoweekday() not in school  # never a school day of the learner
    kept = sorted(g.datum for g in schema.gesprekken if g.bestaand)
    assert kept == sorted(bestaande)
    assert len({g.datum for g in schema.gesprekken}) == len(schema.gesprekken)
    assert len({g.uid for g in schema.gesprekken}) == len(schema.gesprekken)


# --- the command -----------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.fixture
def lotte_zonder_gesprekken(tmp_path: Path) -> Path:
    """Lotte's traject without recorded conversations, as a file."""
    return duaal_leren.save(LOTTE, tmp_path / "lotte.yaml")


def test_planning_command_text() -> None:
    status, out = run(
        "planning",
        str(ROOT / "examples" / "traject-lotte.yaml"),
        "--kalender",
        str(ROOT / "examples" / "schoolkalender-de-vonk-2025-2026.yaml"),
        "--cadans",
        "klassenraad",
    )
    assert status == 0
    assert out.splitlines() == [
        "Traject TRJ-2025-0042: lerende LRN-2025-0042, Elektro Vermeulen bv, Vestiging Fictiefdorp",
        "  cadans: voor elke klassenraad, van 2025-09-01 tot 2026-06-30",
        "   1  do 2025-11-20 10:00-11:00  al vastgelegd",
        "   2  di 2025-12-16 10:00-11:00  voorstel",
        "   3  do 2026-02-05 10:00-11:00  al vastgelegd",
        "   4  di 2026-03-24 10:00-11:00  voorstel",
        "   5  do 2026-04-23 10:00-11:00  al vastgelegd",
        "   6  di 2026-06-23 10:00-11:00  voorstel",
        "  begeleidingsperiodes: 7 (werkplekdagen: 31, 11, 16, 17, 7, 24, 4)",
    ]


def test_planning_command_json_with_kept_conversation(lotte_zonder_gesprekken: Path) -> None:
    status, out = run(
        "planning",
        str(lotte_zonder_gesprekken),
        "--cadans",
        "3/jaar",
        "--bestaande",
        "TRJ-2025-0042=2025-11-20T09:30",
        "--weekdagen",
        "ma,do",
        "--tijdstippen",
        "9:00",
        "--duur",
        "45",
        "--format",
        "json",
    )
    assert status == 0
    data = json.loads(out)
    assert list(data) == ["trajecten", "max_per_dag"]
    (traject,) = data["trajecten"]
    assert traject["cadans"] == "3 per schooljaar"
    first = traject["gesprekken"][0]
    assert first["start"] == "2025-11-20T09:30:00+01:00"
    assert first["einde"] == "2025-11-20T10:15:00+01:00"
    assert first["bestaand"] is True
    assert [g["start"][11:16] for g in traject["gesprekken"][1:]] == ["09:00", "09:00"]
    assert len(traject["begeleidingsperiodes"]) == 4


def test_planning_command_reads_a_folder(tmp_path: Path, lotte_zonder_gesprekken: Path) -> None:
    folder = tmp_path / "caseload"
    folder.mkdir()
    for i in range(3):
        text = lotte_zonder_gesprekken.read_text("utf-8")
        (folder / f"t{i}.yaml").write_text(
            text.replace("id: TRJ-2025-0042", f"id: TRJ-{i}"), "utf-8"
        )
    (folder / "ci.yaml").write_text("jobs: {}\n", "utf-8")
    status, out = run(
        "planning", str(folder), "--cadans", "2/jaar", "--max-per-dag", "1", "--format", "json"
    )
    assert status == 0
    data = json.loads(out)
    days = [g["start"][:10] for t in data["trajecten"] for g in t["gesprekken"]]
    assert len(days) == 6
    assert len(set(days)) == 6


def test_planning_command_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    lotte = str(ROOT / "examples" / "traject-lotte.yaml")
    assert run("planning", lotte, "--cadans", "vaak")[0] == 2
    assert "onbekende cadans" in capsys.readouterr().err
    assert run("--lang", "en", "planning", lotte, "--bestaande", "TRJ-X=2025-10-01")[0] == 2
    assert "unknown traject" in capsys.readouterr().err
    assert run("planning", lotte, "--weekdagen", "maandag,feestdag")[0] == 2
    assert "onbekende weekdag" in capsys.readouterr().err


def test_planning_command_refuses_bad_duration_cadence_and_conversation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lotte = str(ROOT / "examples" / "traject-lotte.yaml")
    for duur in ("100000", "4", "0", "481"):
        assert run("planning", lotte, "--duur", duur)[0] == 2
        assert "5 tot 480" in capsys.readouterr().err
    assert run("planning", lotte, "--duur", "480", "--cadans", "2/jaar")[0] == 0
    for cadence in ("99999/jaar", "53x", "53w", "elke-0-weken"):
        assert run("planning", lotte, "--cadans", cadence)[0] == 2
        assert "van 1 tot 52" in capsys.readouterr().err
    status, _ = run("--lang", "en", "planning", lotte, "--bestaande", "TRJ-2025-0042=2019-10-01")
    assert status == 2
    err = capsys.readouterr().err
    assert "2019-10-01 is outside the contract of traject TRJ-2025-0042" in err
    assert "(2025-09-01 to 2026-06-30)" in err
    assert run("planning", lotte, "--bestaande", "2026-07-01T10:00")[0] == 2


def test_planning_command_gives_a_recorded_conversation_its_time() -> None:
    lotte = str(ROOT / "examples" / "traject-lotte.yaml")
    status, out = run(
        "planning", lotte, "--bestaande", "TRJ-2025-0042=2025-11-20T08:15", "--format", "json"
    )
    assert status == 0
    (traject,) = json.loads(out)["trajecten"]
    on_the_day = [g for g in traject["gesprekken"] if g["start"].startswith("2025-11-20")]
    assert [(g["start"][11:16], g["bestaand"]) for g in on_the_day] == [("08:15", True)]


def test_planning_command_never_overwrites_an_input(
    tmp_path: Path, lotte_zonder_gesprekken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = lotte_zonder_gesprekken.read_bytes()
    status, out = run(
        "planning", str(lotte_zonder_gesprekken), "--ics", str(lotte_zonder_gesprekken)
    )
    assert (status, out) == (2, "")
    err = capsys.readouterr().err
    assert err == (
        f"duaal-leren: {lotte_zonder_gesprekken} kan niet geschreven worden: het is een van de "
        "invoerbestanden; kies een ander bestand voor --ics\n"
    )
    assert lotte_zonder_gesprekken.read_bytes() == before
    # Also through another name of the same file, and for a file read from a folder.
    link = tmp_path / "link.ics"
    link.symlink_to(lotte_zonder_gesprekken)
    assert run("planning", str(tmp_path), "--ics", str(link))[0] == 2
    assert lotte_zonder_gesprekken.read_bytes() == before
    school = ROOT / "examples" / "schoolkalender-de-vonk-2025-2026.yaml"
    school_before = school.read_bytes()
    status, _ = run(
        "planning", str(lotte_zonder_gesprekken), "--kalender", str(school), "--ics", str(school)
    )
    assert status == 2
    assert school.read_bytes() == school_before


def test_planning_command_checks_the_calendar_file_before_planning(
    tmp_path: Path, lotte_zonder_gesprekken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run(
        "planning", str(lotte_zonder_gesprekken), "--ics", str(tmp_path / "geen" / "x.ics")
    )
    assert (status, out) == (2, "")
    err = capsys.readouterr().err
    assert f"de map {tmp_path / 'geen'} bestaat niet" in err
    assert ".tmp" not in err
    (tmp_path / "bestand").write_text("", "utf-8")
    status, _ = run(
        "--lang",
        "en",
        "planning",
        str(lotte_zonder_gesprekken),
        "--ics-dir",
        str(tmp_path / "bestand"),
    )
    assert status == 2
    assert "it is a file, not a folder" in capsys.readouterr().err


def test_planning_command_writes_the_calendar_to_standard_output(
    tmp_path: Path, lotte_zonder_gesprekken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out = run("planning", str(lotte_zonder_gesprekken), "--cadans", "3/jaar", "--ics", "-")
    assert status == 0
    assert out.startswith("BEGIN:VCALENDAR\r\n")
    assert out.count("BEGIN:VEVENT") == 3
    assert not (tmp_path / "-").exists()


# --- dates at the ends of what a date can hold ---------------------------------------------

EERSTE_DAG, LAATSTE_DAG = D(1, 1, 1), D(9999, 12, 31)


@pytest.mark.parametrize(
    ("start", "einde"),
    [
        (D(9999, 1, 1), LAATSTE_DAG),
        (EERSTE_DAG, D(1, 12, 31)),
        (EERSTE_DAG, LAATSTE_DAG),
        (D(2100, 9, 1), D(2101, 6, 30)),
    ],
)
def test_a_contract_outside_the_calendar_is_a_library_error(
    start: pendulum.Date, einde: pendulum.Date
) -> None:
    traject = attrs.evolve(
        LOTTE, overeenkomst=attrs.evolve(LOTTE.overeenkomst, start=start, einde=einde)
    )
    calls = [
        *(lambda c=c: plan_opvolging(traject, c) for c in (ElkeNWeken(4), PerSchooljaar(3))),
        lambda: plan_opvolging(traject, VoorAnkers(marge=10**7)),
    ]
    for call in calls:
        with pytest.raises(duaal_leren.DuaalLerenError):
            call()


def test_anchors_and_margins_at_the_ends_of_the_dates() -> None:
    far = plan_opvolging(LOTTE, cadans("voor:0001-01-01,2026-01-12,9999-12-31"))
    assert [g.datum for g in far.gesprekken] == [D(2026, 1, 8)]
    wide = plan_opvolging(LOTTE, VoorAnkers((D(2026, 1, 12),), marge=10**7))
    assert [g.datum for g in wide.gesprekken] == [D(2026, 1, 8)]
    # The klassenraden come from the school's own calendar, however far the margin reaches.
    raden = plan_opvolging(LOTTE, VoorAnkers(marge=10**7), kalender=DE_VONK)
    assert raden.gesprekken


def test_conversations_at_the_ends_of_the_dates_are_kept() -> None:
    gesprek = LOTTE_MET_GESPREKKEN.opvolgingsgesprekken[0]
    traject = attrs.evolve(
        LOTTE,
        opvolgingsgesprekken=(
            attrs.evolve(gesprek, datum=EERSTE_DAG),
            attrs.evolve(gesprek, datum=LAATSTE_DAG),
        ),
    )
    schema = plan_opvolging(traject, PerSchooljaar(2))
    assert schema.gesprekken[0].datum == EERSTE_DAG
    assert schema.gesprekken[-1].datum == LAATSTE_DAG
    # The periods stay within the plan, whatever lies outside it.
    periods = schema.begeleidingsperiodes()
    assert periods[0].start == schema.start
    assert periods[-1].einde == schema.einde
    assert "9999-12-31" in schema._repr_html_()
    assert attrs.evolve(schema, einde=LAATSTE_DAG).begeleidingsperiodes()[-1].einde == LAATSTE_DAG


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(9999, 12, 31, 23, 30),
        dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC),
        dt.datetime(1, 1, 1, 0, 0),
        dt.datetime(1, 1, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=5))),
    ],
)
def test_a_kept_conversation_beyond_the_dates_is_a_planning_error(moment: dt.datetime) -> None:
    with pytest.raises(PlanningError) as info:
        plan_opvolging(LOTTE, ElkeNWeken(6), bestaande=[moment])
    assert "TRJ-2025-0042" in info.value.text("en")


def test_uids_stay_those_of_earlier_exports() -> None:
    # A calendar client updates an event only while its uid stays the same: the uid is the
    # UUID 5 of the traject and the slot, as it always was.
    gesprek = plan_opvolging(LOTTE, PerSchooljaar(3)).gesprekken[0]
    namespace = uuid.UUID("5d0f6c2e-3b8a-5c47-9a51-6f2d7e4b1c90")
    expected = uuid.uuid5(namespace, f"{gesprek.traject}\n{gesprek.sleutel}")
    assert gesprek.uid == f"{expected}@duaal-leren"
    # An id read from JSON may hold a lone surrogate; it still has a uid of its own.
    odd = attrs.evolve(gesprek, traject="TRJ-\ud800")
    assert odd.uid.endswith("@duaal-leren")
    assert odd.uid != gesprek.uid


# --- one vocabulary, plain data, CSV and DataFrames -----------------------------------------


def test_a_held_conversation_reads_the_same_in_a_schedule_and_a_caseload() -> None:
    # Lotte's example records three held conversations; the planner keeps them.
    schema = plan_opvolging(LOTTE_MET_GESPREKKEN, PerSchooljaar(4))
    caseload = plan_caseload([LOTTE_MET_GESPREKKEN], PerSchooljaar(4))
    kept, proposed = "al vastgelegd", "voorstel"
    assert [status_text(g) for g in schema.gesprekken] == [kept, proposed, kept, kept]
    assert status_text(schema.gesprekken[0], "en") == "already recorded"
    for html in (schema._repr_html_(), caseload._repr_html_()):
        assert html.count(">al vastgelegd</span>") == 3
        assert html.count(">voorstel</span>") == 1
        assert ">gepland of gehouden<" not in html
    assert schema.to_csv() == caseload.to_csv()
    assert [row[8] for row in caseload.rows("en")][:2] == ["already recorded", "proposed"]


def test_schedule_as_plain_data_for_json() -> None:
    schema = plan_opvolging(LOTTE, PerSchooljaar(3))
    data = json.loads(json.dumps(schema.to_dict()))
    assert data["traject"] == "TRJ-2025-0042"
    assert data["cadans"] == "3 per schooljaar"
    assert [g["datum"] for g in data["gesprekken"]] == ["2025-11-10", "2026-01-29", "2026-04-23"]
    assert data["gesprekken"][0]["start"] == "2025-11-10T10:00:00+01:00"
    assert data["gesprekken"][0]["bestaand"] is False
    assert data["gesprekken"][0]["status"] == "voorstel"
    assert data["gesprekken"][0]["agenda"] == list(STANDAARDAGENDA)
    assert [p["werkplekdagen"] for p in data["begeleidingsperiodes"]] == [
        p.werkplekdagen for p in schema.begeleidingsperiodes()
    ]
    assert {g["rol"] for g in data["genodigden"]} == {"trajectbegeleider", "mentor", "lerende"}
    assert "Lotte" not in json.dumps(data)
    caseload = plan_caseload(caseload_trajecten(2), PerSchooljaar(2))
    both = json.loads(json.dumps(caseload.to_dict("en")))
    assert both["max_per_dag"] == 2
    assert [s["traject"] for s in both["schemas"]] == ["TRJ-00", "TRJ-01"]
    assert both["schemas"][0]["cadans"] == "2 per school year"


def test_schedule_and_caseload_as_csv_text_or_file(tmp_path: Path) -> None:
    import csv

    schema = plan_opvolging(LOTTE, PerSchooljaar(3))
    text = schema.to_csv()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(SCHEMA_HEADER)
    assert [r[4] for r in rows[1:]] == ["2025-11-10", "2026-01-29", "2026-04-23"]
    assert rows[1][7:9] == ["false", "voorstel"]  # codes, in every language
    path = schema.to_csv(tmp_path / "schema.csv", delimiter=";")
    assert path == tmp_path / "schema.csv"
    assert path.read_text(encoding="utf-8").splitlines()[0] == ";".join(SCHEMA_HEADER)
    caseload = plan_caseload(caseload_trajecten(3), PerSchooljaar(2), max_per_dag=1)
    lines = list(csv.reader(io.StringIO(caseload.to_csv())))
    assert len(lines) == 1 + 6
    days = [line[4] for line in lines[1:]]
    assert days == sorted(days)  # in time order
    written = caseload.to_csv(tmp_path / "caseload.csv").read_bytes()
    assert written.decode("utf-8") == caseload.to_csv()


def test_exported_data_stay_the_same_whatever_the_display_language() -> None:
    # A notebook that shows English must not write other data than one that shows Dutch:
    # `bestaand` said "nee" beside an English "proposed" in one CSV.
    schema = plan_opvolging(LOTTE_MET_GESPREKKEN, ElkeNWeken(6))
    caseload = plan_caseload([LOTTE_MET_GESPREKKEN], ElkeNWeken(6))
    exports = (
        lambda: schema.to_csv(),
        lambda: caseload.to_csv(),
        lambda: schema.to_dict(),
        lambda: caseload.to_dict(),
        lambda: schema.to_dataframe().to_dict("list"),
        lambda: caseload.to_dataframe().to_dict("list"),
    )
    dutch = [export() for export in exports]
    duaal_leren.set_default_lang("en")
    try:
        assert [export() for export in exports] == dutch
    finally:
        duaal_leren.set_default_lang("nl")
    # Codes: a boolean and a status that no language names.
    assert {(g.bestaand, g.status) for g in schema.gesprekken} == {
        (True, "vastgelegd"),
        (False, "voorstel"),
    }
    lines = [r.split(",") for r in schema.to_csv().splitlines()[1:]]
    assert {tuple(r[-3:-1]) for r in lines} == {("true", "vastgelegd"), ("false", "voorstel")}
    data = schema.to_dict()["gesprekken"]
    assert {(g["bestaand"], g["status"]) for g in data} == {
        (True, "vastgelegd"),
        (False, "voorstel"),
    }
    frame = schema.to_dataframe()
    assert set(frame["status"]) == {"vastgelegd", "voorstel"}
    assert frame["bestaand"].tolist() == [g.bestaand for g in schema.gesprekken]
    # A language given explicitly chooses the words, all of them, in one CSV.
    english = [r.split(",") for r in schema.to_csv(lang="en").splitlines()]
    assert english[0] == [
        "traject", "learner", "workplace", "key", "date", "start", "end", "existing",
        "status", "uid",
    ]  # fmt: skip
    assert {tuple(r[-3:-1]) for r in english[1:]} == {
        ("yes", "already recorded"),
        ("no", "proposed"),
    }
    dutch_csv = [r.split(",") for r in schema.to_csv(lang="nl").splitlines()]
    assert dutch_csv[0] == list(SCHEMA_HEADER)
    assert {tuple(r[-3:-1]) for r in dutch_csv[1:]} == {
        ("ja", "al vastgelegd"),
        ("nee", "voorstel"),
    }
    assert caseload.to_csv(lang="en") == schema.to_csv(lang="en")
    assert set(schema.to_dataframe("en")["status"]) == {"already recorded", "proposed"}
    assert schema.to_dict("en")["cadans"] == "every 6 weeks"
    assert schema.to_dict()["cadans"] == "elke 6 weken"
    with pytest.raises(duaal_leren.FieldError):
        schema.to_csv(lang="fr")


def test_schedule_and_caseload_as_dataframes() -> None:
    schema = plan_opvolging(LOTTE_MET_GESPREKKEN, PerSchooljaar(4))
    frame = schema.to_dataframe()
    assert list(frame.columns) == list(SCHEMA_HEADER)
    assert {str(frame[c].dtype) for c in ("traject", "sleutel", "status", "uid")} == {"string"}
    assert str(frame["datum"].dtype) == "datetime64[ns]"
    assert str(frame["start"].dtype) == "datetime64[ns, Europe/Brussels]"
    assert str(frame["bestaand"].dtype) == "boolean"
    assert frame["bestaand"].tolist() == [True, False, True, True]
    assert frame["start"].iloc[0].hour == 10
    assert frame["datum"].dt.date.tolist() == [g.datum for g in schema.gesprekken]
    caseload = plan_caseload(caseload_trajecten(3), PerSchooljaar(2))
    assert caseload.to_dataframe()["traject"].tolist() == [g.traject for g in caseload.gesprekken]
    empty = plan_caseload([], PerSchooljaar(2)).to_dataframe()
    assert list(empty.columns) == list(SCHEMA_HEADER)
    assert len(empty) == 0
    assert str(empty["start"].dtype) == "datetime64[ns, Europe/Brussels]"


def test_schedule_and_caseload_reprs_are_one_short_line() -> None:
    schema = plan_opvolging(LOTTE, PerSchooljaar(3))
    assert repr(schema) == (
        "Opvolgingsschema(traject='TRJ-2025-0042', lerende='LRN-2025-0042', "
        "cadans='3 per schooljaar', start='2025-09-01', einde='2026-06-30', gesprekken=3, "
        "onplanbaar=0)"
    )
    caseload = plan_caseload(caseload_trajecten(40), PerSchooljaar(6), max_per_dag=4)
    assert repr(caseload) == "Caseload(trajecten=40, gesprekken=240, max_per_dag=4)"


def test_a_traject_with_a_very_long_id_gets_a_message_of_one_short_line() -> None:
    # Ids are shown as they are when short; one of ten thousand characters is cut, as any
    # quoted value (found by the fuzzer: a traject without a school day to visit).
    lotte = duaal_leren.load(Path(__file__).resolve().parent.parent / "examples/traject-lotte.yaml")
    week = duaal_leren.Weekpatroon(())
    long = attrs.evolve(
        lotte,
        id="x" * 10_000,
        weekpatroon=None,
        rotatie=duaal_leren.Rotatie(weken=(week,), start=pendulum.Date(2015, 1, 1)),
        overeenkomst=attrs.evolve(
            lotte.overeenkomst, start=pendulum.Date(2015, 1, 1), einde=pendulum.Date(2015, 1, 2)
        ),
        opvolgingsgesprekken=(),
    )
    with pytest.raises(duaal_leren.PlanningError) as info:
        duaal_leren.plan_opvolging(long, duaal_leren.PerSchooljaar(6))
    for lang in ("nl", "en"):
        assert len(info.value.text(lang)) < 300
        assert "xxx...xxx" in info.value.text(lang)
