"""Working days of a traject: at the workplace, at school, for a visit; hours for R-OAO."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pendulum
import pytest

import duaal_leren
from duaal_leren import werkdagen
from duaal_leren.kalender import KalenderError, Schooljaar, schoolkalender
from duaal_leren.opleidingsplan import Partij
from duaal_leren.planning import ElkeNWeken, VoorAnkers, plan_opvolging
from duaal_leren.traject import Weekdag
from duaal_leren.vakantie import Vakantieuitzondering
from duaal_leren.validation import validate
from duaal_leren.werkdagen import (
    Werkdagen,
    WerkdagenError,
    bezoekdagen,
    schooldagen,
    schooljaren,
    werkplekdagen,
    werkplekuren_gemiddeld,
    werkplekuren_per_week,
)
from trajecten import (
    DAGEN,
    DE_VONK,
    LOTTE,
    OUTSIDE_THE_CALENDAR,
    ROOT,
    D,
    S,
    W,
    with_contract,
    with_pattern,
)

# --- workplace days and school days -------------------------------------------------------


def test_workplace_days_follow_pattern_and_calendar() -> None:
    days = werkplekdagen(LOTTE)
    assert days[:4] == (D(2025, 9, 1), D(2025, 9, 2), D(2025, 9, 4), D(2025, 9, 8))
    assert all(d.isoweekday() in (1, 2, 4) for d in days)
    k = schoolkalender("2025-2026")
    assert not any(k.is_vakantie(d) or k.is_feestdag(d) for d in days)
    assert D(2025, 11, 11) not in days  # Wapenstilstand, a Tuesday
    assert D(2025, 10, 27) not in days  # Herfstvakantie
    assert days[-1] == D(2026, 6, 30)


def test_days_off_that_are_no_vacation_stay_workplace_days() -> None:
    friday = with_pattern(LOTTE, (Weekdag.VRIJDAG, W, 7.6), (Weekdag.MAANDAG, S, 7.6))
    days = werkplekdagen(friday, kalender=DE_VONK)
    assert D(2026, 5, 15) in days  # the Friday after Ascension: no school, but work
    assert D(2026, 5, 1) not in days  # Dag van de Arbeid is a legal holiday
    # ... but nobody from school visits on it.
    assert D(2026, 5, 15) not in bezoekdagen(friday, kalender=DE_VONK)


def test_school_days_of_the_learner() -> None:
    days = schooldagen(LOTTE, kalender=DE_VONK)
    assert days[:3] == (D(2025, 9, 3), D(2025, 9, 5), D(2025, 9, 10))
    assert D(2025, 10, 15) not in days  # pedagogical study day
    assert D(2025, 10, 17) in days
    assert all(DE_VONK.is_schooldag(d) and d.isoweekday() in (3, 5) for d in days)


def test_visit_days_prefer_whole_workplace_days() -> None:
    split = with_pattern(
        LOTTE,
        (Weekdag.MAANDAG, W, 7.6),
        (Weekdag.DINSDAG, W, 4),
        (Weekdag.DINSDAG, S, 3.6),
        (Weekdag.WOENSDAG, S, 7.6),
    )
    assert {d.isoweekday() for d in bezoekdagen(split)} == {1}
    only_split = with_pattern(LOTTE, (Weekdag.DINSDAG, W, 4), (Weekdag.DINSDAG, S, 3.6))
    assert {d.isoweekday() for d in bezoekdagen(only_split)} == {2}


def test_no_weekly_pattern_is_an_error() -> None:
    with pytest.raises(WerkdagenError) as info:
        werkplekdagen(attrs.evolve(LOTTE, weekpatroon=None))
    assert "weekly pattern" in info.value.text("en")


def test_school_years_of_a_contract() -> None:
    long = with_contract(LOTTE, D(2025, 9, 1), D(2027, 6, 30))
    assert schooljaren(long) == (Schooljaar(2025), Schooljaar(2026))


# --- hours (R-OAO) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "oao"),
    [((5.0, 5.0, 5.0, 4.5), False), ((5.0, 5.0, 5.0, 5.0), True), ((5.0, 5.0, 5.0, 5.5), True)],
)
def test_yearly_average_on_both_sides_of_20_hours(hours: tuple[float, ...], oao: bool) -> None:
    blocks = [(day, W, h) for day, h in zip(DAGEN, hours, strict=False)]
    traject = with_pattern(LOTTE, *blocks, (Weekdag.VRIJDAG, S, 8.0))
    average = werkplekuren_gemiddeld(traject)
    assert average == pytest.approx(sum(hours))
    assert (average >= 20) is oao


def test_legal_holidays_and_vacations_do_not_lower_the_average() -> None:
    # Lotte works 3 x 7.6 hours; Wapenstilstand and Pinkstermaandag fall on her workplace
    # days, and the vacations take 12 weeks: the decree counts none of it.
    assert werkplekuren_gemiddeld(LOTTE) == pytest.approx(22.8)
    weeks = {w.maandag: w for w in werkplekuren_per_week(LOTTE)}
    assert weeks[D(2025, 11, 10)].uren == pytest.approx(15.2)
    assert weeks[D(2025, 11, 10)].gepland == pytest.approx(22.8)
    assert weeks[D(2025, 11, 10)].telt
    assert not weeks[D(2025, 10, 27)].telt  # Herfstvakantie
    assert weeks[D(2025, 10, 27)].uren == 0
    training = [w for w in weeks.values() if w.telt]
    assert len(training) == 38


def test_average_uses_the_calendar_for_a_contract_in_summer() -> None:
    summer = with_contract(LOTTE, D(2026, 7, 1), D(2026, 8, 31))
    assert werkplekuren_gemiddeld(summer, schoolkalender("2025-2026")) == 0.0


def test_average_of_a_contract_shorter_than_a_week() -> None:
    short = with_contract(LOTTE, D(2025, 9, 3), D(2025, 9, 5))  # Wednesday to Friday
    # One workplace day (Thursday, 7.6 hours) in three days of a week.
    assert werkplekuren_gemiddeld(short) == pytest.approx(7.6 / (3 / 7))


def test_average_outside_the_contract_is_an_error() -> None:
    with pytest.raises(WerkdagenError):
        werkplekuren_gemiddeld(LOTTE, schoolkalender("2027-2028"))


# --- dates at the ends of what a date can hold ---------------------------------------------


@OUTSIDE_THE_CALENDAR
def test_a_contract_outside_the_calendar_is_a_library_error(
    start: pendulum.Date, einde: pendulum.Date
) -> None:
    traject = with_contract(LOTTE, start, einde)
    calls = [
        lambda: werkplekdagen(traject),
        lambda: bezoekdagen(traject),
        lambda: werkplekuren_gemiddeld(traject),
    ]
    for call in calls:
        with pytest.raises(duaal_leren.DuaalLerenError):
            call()


# --- each school year's days worked out once -------------------------------------------------

HOLIDAY_WORK = Vakantieuitzondering(
    dagen=(D(2026, 2, 16),),  # Krokusvakantie
    recuperatie=(D(2026, 3, 2),),
    akkoord=tuple(Partij),
    bijlage="Bijlage 2 bij de overeenkomst",
    leerkans="Plaatsing van een laadpaal bij een klant",
)


@pytest.fixture
def year_computations(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[object, ...]]]:
    """The school years whose workplace days are worked out, one entry each time."""
    calls: list[tuple[object, ...]] = []
    compute = werkdagen._werkplekdagen_van_jaar

    def counting(*args: Any) -> tuple[tuple[pendulum.Date, ...], tuple[pendulum.Date, ...]]:
        calls.append(args)
        return compute(*args)

    werkdagen._jaar.cache_clear()
    monkeypatch.setattr(werkdagen, "_werkplekdagen_van_jaar", counting)
    yield calls
    werkdagen._jaar.cache_clear()


def test_validating_and_planning_work_out_the_workplace_days_once(
    year_computations: list[tuple[object, ...]],
) -> None:
    traject = attrs.evolve(LOTTE, vakantie_uitzonderingen=(HOLIDAY_WORK,))
    report = validate(traject)
    # The holiday rules asked for the days: the recovery is checked, and found in order.
    assert not [f for f in report.findings if f.code.startswith("vakantie-")]
    assert len(year_computations) == 1
    schema = plan_opvolging(traject, ElkeNWeken(6))
    plan_opvolging(traject, ElkeNWeken(8))
    # One school year, one contract: the planner finds the days the rules worked out.
    assert len(year_computations) == 1
    assert D(2026, 2, 16) in schema.werkplekdagen
    assert D(2026, 3, 2) not in schema.werkplekdagen


def test_a_werkdagen_answers_every_question_about_a_traject() -> None:
    dagen = Werkdagen.from_traject(LOTTE, DE_VONK)
    assert dagen.werkplekdagen() == werkplekdagen(LOTTE, kalender=DE_VONK)
    assert dagen.bezoekdagen() == bezoekdagen(LOTTE, kalender=DE_VONK)
    assert dagen.schooldagen() == schooldagen(LOTTE, kalender=DE_VONK)
    part = dagen.werkplekdagen(D(2025, 10, 1), D(2025, 10, 31))
    assert part == tuple(d for d in dagen.werkplekdagen() if d.month == 10 and d.year == 2025)
    # The weekly pattern alone: a recovery day taken off is still a planned workplace day.
    with_exception = Werkdagen.from_traject(LOTTE, DE_VONK, [HOLIDAY_WORK])
    assert D(2026, 3, 2) in with_exception.gepland()
    assert D(2026, 3, 2) not in with_exception.werkplekdagen()
    assert D(2026, 2, 16) in with_exception.werkplekdagen()
    assert D(2026, 2, 16) not in with_exception.gepland()


def test_workplace_days_over_several_school_years() -> None:
    long = with_contract(LOTTE, D(2025, 9, 1), D(2027, 6, 30))
    days = werkplekdagen(long, kalender=DE_VONK)  # De Vonk's own days in 2025-2026 only
    assert D(2026, 9, 1) in days  # a Tuesday of the next school year, on the law's calendar
    assert days == tuple(sorted(days))
    assert werkplekdagen(long, D(2026, 6, 29), D(2026, 9, 2)) == (
        D(2026, 6, 29),
        D(2026, 6, 30),
        D(2026, 9, 1),
    )
    assert werkplekdagen(long, D(2026, 3, 1), D(2026, 2, 1)) == ()


def test_a_calendar_given_as_an_iterator_serves_every_traject() -> None:
    from duaal_leren.planning import plan_caseload

    other = attrs.evolve(LOTTE, id="TRJ-2", lerende=attrs.evolve(LOTTE.lerende, id="LRN-2"))
    caseload = plan_caseload([LOTTE, other], VoorAnkers(), kalender=iter([DE_VONK]), max_per_dag=2)
    assert [len(s.gesprekken) for s in caseload.schemas] == [3, 3]


def test_a_school_year_outside_the_calendar_is_refused() -> None:
    traject = with_contract(LOTTE, D(2100, 9, 1), D(2101, 6, 30))
    with pytest.raises(KalenderError):
        Werkdagen.from_traject(traject).werkplekdagen()
    assert Schooljaar(2100) in schooljaren(traject)


def test_a_deeltijdse_arbeidsovereenkomst_works_through_the_school_vacations() -> None:
    # The holiday rule (R-HOLIDAY) suspends OAO and SAO contracts in every school vacation;
    # a part-time employment contract is not suspended: its pattern's days stay workplace
    # days, except the legal holidays.
    contract = attrs.evolve(
        LOTTE.overeenkomst,
        soort=duaal_leren.Overeenkomstsoort.DEELTIJDSE_ARBEIDSOVEREENKOMST,
        einde=pendulum.date(2026, 8, 31),
    )
    worker = attrs.evolve(LOTTE, overeenkomst=contract)
    summer = werkplekdagen(worker, pendulum.date(2026, 7, 1), pendulum.date(2026, 8, 31))
    assert len(summer) == 25  # Mondays, Tuesdays and Thursdays of July and August
    assert pendulum.date(2026, 7, 21) not in summer  # Nationale feestdag, a Tuesday
    autumn = werkplekdagen(worker, pendulum.date(2025, 10, 27), pendulum.date(2025, 11, 2))
    assert [d.isoformat() for d in autumn] == ["2025-10-27", "2025-10-28", "2025-10-30"]
    oao = attrs.evolve(
        LOTTE, overeenkomst=attrs.evolve(contract, soort=duaal_leren.Overeenkomstsoort.OAO)
    )
    assert werkplekdagen(oao, pendulum.date(2026, 7, 1), pendulum.date(2026, 8, 31)) == ()


# --- the real schedule: a rotation with dated changes (examples/traject-noor.yaml) -------

NOOR = duaal_leren.load_traject(ROOT / "examples" / "traject-noor.yaml")


def test_a_rotation_alternates_its_weeks() -> None:
    days = werkplekdagen(NOOR, einde=D(2025, 9, 14))
    # Week A (1-7 Sep): Monday to Wednesday; week B (8-14 Sep): Monday to Thursday.
    assert [d.isoformat() for d in days] == [
        "2025-09-01",
        "2025-09-02",
        "2025-09-03",
        "2025-09-08",
        "2025-09-09",
        "2025-09-10",
        "2025-09-11",
    ]
    assert [d.isoformat() for d in schooldagen(NOOR, einde=D(2025, 9, 14))] == [
        "2025-09-04",
        "2025-09-05",
        "2025-09-12",
    ]


def test_changes_move_the_days_of_the_schedule() -> None:
    # The exam week 15-19 December: every day at school, none at the workplace.
    assert werkplekdagen(NOOR, D(2025, 12, 15), D(2025, 12, 19)) == ()
    assert len(schooldagen(NOOR, D(2025, 12, 15), D(2025, 12, 19))) == 5
    # The class trip on Thursday 12 March (week B): at school; Thursday 5 March (week A)
    # is a school day anyway, Wednesday 11 March a workplace day.
    trip_week = werkplekdagen(NOOR, D(2026, 3, 9), D(2026, 3, 15))
    assert [d.isoformat() for d in trip_week] == ["2026-03-09", "2026-03-10", "2026-03-11"]
    assert D(2026, 3, 12) in schooldagen(NOOR, D(2026, 3, 9), D(2026, 3, 15))


def test_visits_fall_only_on_real_workplace_days() -> None:
    visits = bezoekdagen(NOOR)
    workdays = set(werkplekdagen(NOOR))
    assert visits
    assert set(visits) <= workdays
    assert not [d for d in visits if D(2026, 6, 8) <= d <= D(2026, 6, 19)]
    assert D(2026, 3, 12) not in visits


def test_the_weeks_count_the_rotation() -> None:
    weeks = {w.maandag: w for w in werkplekuren_per_week(NOOR)}
    assert weeks[D(2025, 9, 1)].gepland == pytest.approx(22.8)  # A
    assert weeks[D(2025, 9, 8)].gepland == pytest.approx(30.4)  # B
    assert weeks[D(2025, 12, 15)].gepland == 0  # the exam week
    assert weeks[D(2026, 3, 9)].gepland == pytest.approx(22.8)  # B less the class trip


def test_the_rotation_turns_through_the_vacations() -> None:
    # The herfstvakantie (27 Oct, k=8) is an A week, so 3 November (k=9) is a B week.
    assert NOOR.rotatie.patroon(D(2025, 10, 27)) is NOOR.rotatie.weken[0]
    assert NOOR.rotatie.patroon(D(2025, 11, 3)) is NOOR.rotatie.weken[1]
    # Before the anchor the turn runs backwards: 25 August is a B week.
    assert NOOR.rotatie.patroon(D(2025, 8, 25)) is NOOR.rotatie.weken[1]


def test_the_weeks_of_a_school_year_are_worked_out_once() -> None:
    from duaal_leren.werkdagen import _weken

    traject = attrs.evolve(NOOR, id="TRJ-ONCE")
    werkplekuren_gemiddeld(traject)
    before = _weken.cache_info().hits
    # The rules and the hours overview ask again: the weeks come from the cache.
    werkplekuren_gemiddeld(traject)
    werkplekuren_per_week(traject)
    assert _weken.cache_info().hits == before + 2


def test_the_planner_plans_on_real_workplace_days_only() -> None:
    schema = plan_opvolging(NOOR, ElkeNWeken(4), bestaande=())
    days = {g.start.date() for g in schema.gesprekken}
    assert days
    assert days <= set(werkdagen.bezoekdagen(NOOR))
    # Never in the exam weeks, never on a Thursday of week A (a school day).
    assert not [d for d in days if D(2025, 12, 15) <= d <= D(2025, 12, 19)]
    assert not [
        d for d in days if d.isoweekday() == 4 and NOOR.rotatie.patroon(d) is NOOR.rotatie.weken[0]
    ]
    assert schema.werkplekdagen == werkplekdagen(NOOR)
