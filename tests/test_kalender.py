"""The Flemish school calendar against the published calendars and the law (BVR 31-08-2001 art. 7)."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest
from dateutil.easter import easter

import duaal_leren
from duaal_leren.cli import main
from duaal_leren.exceptions import DocumentError
from duaal_leren.kalender import (
    EERSTE_SCHOOLJAAR,
    LAATSTE_SCHOOLJAAR,
    Dagdeel,
    KalenderError,
    SchooleigenDag,
    SchooleigenKalender,
    Schooleigensoort,
    Schooljaar,
    Schoolkalender,
    Vrijesoort,
    _wettelijke_dagen,
    schoolkalender,
    schoolkalenders,
)

ROOT = Path(__file__).resolve().parent.parent
DE_VONK = ROOT / "examples" / "schoolkalender-de-vonk-2025-2026.yaml"

D = dt.date

# The published Flemish calendars (vlaanderen.be "Schoolvakanties"), one per school year:
# first and last school day, and every free period with a weekday in it. A day off of the law
# that falls in a weekend (11 November 2023, 1 May 2027) gives no day off and is not listed.
PUBLISHED: dict[str, tuple[dt.date, dt.date, list[tuple[str, dt.date, dt.date]]]] = {
    # Easter on 31 March 2024: the Paasvakantie starts on Easter Monday. 1 September is a
    # Friday; 30 June a Sunday, so the last school day is Friday 28 June.
    "2023-2024": (
        D(2023, 9, 1),
        D(2024, 6, 28),
        [
            ("Herfstvakantie", D(2023, 10, 30), D(2023, 11, 5)),
            ("Kerstvakantie", D(2023, 12, 25), D(2024, 1, 7)),
            ("Krokusvakantie", D(2024, 2, 12), D(2024, 2, 18)),
            ("Paasvakantie", D(2024, 4, 1), D(2024, 4, 14)),
            ("Dag van de Arbeid", D(2024, 5, 1), D(2024, 5, 1)),
            ("O. L. H. Hemelvaart", D(2024, 5, 9), D(2024, 5, 9)),
            ("Vrijdag na O. L. H. Hemelvaart", D(2024, 5, 10), D(2024, 5, 10)),
            ("Pinkstermaandag", D(2024, 5, 20), D(2024, 5, 20)),
            ("Zomervakantie", D(2024, 7, 1), D(2024, 8, 31)),
        ],
    ),
    # Easter on 20 April 2025, after 15 April: the Paasvakantie runs from the second Monday
    # before Easter to Easter Sunday, and Easter Monday follows it as a day off of its own.
    # 1 September is a Sunday, so school starts on Monday 2 September.
    "2024-2025": (
        D(2024, 9, 2),
        D(2025, 6, 30),
        [
            ("Herfstvakantie", D(2024, 10, 28), D(2024, 11, 3)),
            ("Wapenstilstand", D(2024, 11, 11), D(2024, 11, 11)),
            ("Kerstvakantie", D(2024, 12, 23), D(2025, 1, 5)),
            ("Krokusvakantie", D(2025, 3, 3), D(2025, 3, 9)),
            ("Paasvakantie", D(2025, 4, 7), D(2025, 4, 20)),
            ("Paasmaandag", D(2025, 4, 21), D(2025, 4, 21)),
            ("Dag van de Arbeid", D(2025, 5, 1), D(2025, 5, 1)),
            ("O. L. H. Hemelvaart", D(2025, 5, 29), D(2025, 5, 29)),
            ("Vrijdag na O. L. H. Hemelvaart", D(2025, 5, 30), D(2025, 5, 30)),
            ("Pinkstermaandag", D(2025, 6, 9), D(2025, 6, 9)),
            ("Zomervakantie", D(2025, 7, 1), D(2025, 8, 31)),
        ],
    ),
    # Easter on 5 April 2026: the Paasvakantie starts on the first Monday of April.
    "2025-2026": (
        D(2025, 9, 1),
        D(2026, 6, 30),
        [
            ("Herfstvakantie", D(2025, 10, 27), D(2025, 11, 2)),
            ("Wapenstilstand", D(2025, 11, 11), D(2025, 11, 11)),
            ("Kerstvakantie", D(2025, 12, 22), D(2026, 1, 4)),
            ("Krokusvakantie", D(2026, 2, 16), D(2026, 2, 22)),
            ("Paasvakantie", D(2026, 4, 6), D(2026, 4, 19)),
            ("Dag van de Arbeid", D(2026, 5, 1), D(2026, 5, 1)),
            ("O. L. H. Hemelvaart", D(2026, 5, 14), D(2026, 5, 14)),
            ("Vrijdag na O. L. H. Hemelvaart", D(2026, 5, 15), D(2026, 5, 15)),
            ("Pinkstermaandag", D(2026, 5, 25), D(2026, 5, 25)),
            ("Zomervakantie", D(2026, 7, 1), D(2026, 8, 31)),
        ],
    ),
    # 1 November 2026 is a Sunday: the Herfstvakantie is the week after. 25 December is a
    # Friday. Easter on 28 March 2027: the Paasvakantie starts on Easter Monday.
    "2026-2027": (
        D(2026, 9, 1),
        D(2027, 6, 30),
        [
            ("Herfstvakantie", D(2026, 11, 2), D(2026, 11, 8)),
            ("Wapenstilstand", D(2026, 11, 11), D(2026, 11, 11)),
            ("Kerstvakantie", D(2026, 12, 21), D(2027, 1, 3)),
            ("Krokusvakantie", D(2027, 2, 8), D(2027, 2, 14)),
            ("Paasvakantie", D(2027, 3, 29), D(2027, 4, 11)),
            ("O. L. H. Hemelvaart", D(2027, 5, 6), D(2027, 5, 6)),
            ("Vrijdag na O. L. H. Hemelvaart", D(2027, 5, 7), D(2027, 5, 7)),
            ("Pinkstermaandag", D(2027, 5, 17), D(2027, 5, 17)),
            ("Zomervakantie", D(2027, 7, 1), D(2027, 8, 31)),
        ],
    ),
}


def weekdays(start: dt.date, end: dt.date) -> list[dt.date]:
    days = (start + dt.timedelta(days=i) for i in range((end - start).days + 1))
    return [d for d in days if d.isoweekday() <= 5]


@pytest.mark.parametrize("jaar", sorted(PUBLISHED))
def test_matches_the_published_calendar(jaar: str) -> None:
    first, last, periods = PUBLISHED[jaar]
    kalender = schoolkalender(jaar)
    assert kalender.eerste_schooldag == first
    assert kalender.laatste_schooldag == last
    assert [(p.naam, p.start, p.einde) for p in kalender.vrije_periodes] == periods


@pytest.mark.parametrize("jaar", sorted(PUBLISHED))
def test_school_days_are_the_weekdays_that_are_not_free(jaar: str) -> None:
    first, last, periods = PUBLISHED[jaar]
    free = {d for _, start, end in periods for d in weekdays(start, end)}
    expected = [d for d in weekdays(first, last) if d not in free]
    kalender = schoolkalender(jaar)
    assert list(kalender.schooldagen()) == expected
    assert all(kalender.is_schooldag(d) for d in expected)


def test_easter_after_15_april_ends_the_paasvakantie_on_easter_sunday() -> None:
    # The published calendars of 2024-2025 and 2027-2028 end the Paasvakantie on Easter
    # Sunday and list Easter Monday as a day off of its own.
    for jaar, pasen in (("2024-2025", D(2025, 4, 20)), ("2027-2028", D(2028, 4, 16))):
        kalender = schoolkalender(jaar)
        assert easter(pasen.year) == pasen
        [paas] = [p for p in kalender.vakanties if p.naam == "Paasvakantie"]
        assert (paas.start, paas.einde) == (pasen - dt.timedelta(days=13), pasen)
        maandag = kalender.vrije_periode(pasen + dt.timedelta(days=1))
        assert maandag is not None
        assert (maandag.naam, maandag.soort) == ("Paasmaandag", Vrijesoort.FEESTDAG)
        assert not kalender.is_vakantie(pasen + dt.timedelta(days=1))
        assert not kalender.is_schooldag(pasen + dt.timedelta(days=1))
        assert kalender.is_schooldag(pasen + dt.timedelta(days=2))


def test_easter_in_march_starts_the_paasvakantie_on_easter_monday() -> None:
    kalender = schoolkalender("2023-2024")
    assert easter(2024) == D(2024, 3, 31)
    assert kalender.is_schooldag(D(2024, 3, 29))  # Good Friday is a school day
    assert kalender.vrije_periode(D(2024, 4, 1)).naam == "Paasvakantie"
    assert kalender.is_schooldag(D(2024, 4, 15))


def law_days_off(startjaar: int) -> set[dt.date]:
    """The weekdays off of a school year, written out from BVR 31-08-2001 art. 7."""
    y0, y1 = startjaar, startjaar + 1

    def monday_of(day: dt.date) -> dt.date:
        return day - dt.timedelta(days=day.weekday())

    def week(start: dt.date, n: int = 1) -> set[dt.date]:
        return {start + dt.timedelta(days=i) for i in range(7 * n)}

    off: set[dt.date] = set()
    nov1 = D(y0, 11, 1)
    off |= week(monday_of(nov1) if nov1.isoweekday() != 7 else nov1 + dt.timedelta(days=1))
    xmas = D(y0, 12, 25)
    start = monday_of(xmas) if xmas.isoweekday() <= 5 else monday_of(xmas) + dt.timedelta(days=7)
    off |= week(start, 2)
    pasen = easter(y1)
    off |= week(pasen - dt.timedelta(days=48))  # the 7th Monday before Easter
    if pasen.month == 3:
        off |= week(pasen + dt.timedelta(days=1), 2)
    elif pasen > D(y1, 4, 15):
        off |= week(pasen - dt.timedelta(days=13), 2)
    else:
        first_monday = D(y1, 4, 1) + dt.timedelta(days=(7 - D(y1, 4, 1).weekday()) % 7)
        off |= week(first_monday, 2)
    off |= {
        D(y0, 11, 11),
        pasen + dt.timedelta(days=1),  # Easter Monday
        D(y1, 5, 1),
        pasen + dt.timedelta(days=39),  # Ascension Day
        pasen + dt.timedelta(days=40),  # the Friday after
        pasen + dt.timedelta(days=50),  # Whit Monday
    }
    return {d for d in off if d.isoweekday() <= 5}


@pytest.mark.parametrize("startjaar", range(2010, 2100))
def test_every_school_year_follows_the_law(startjaar: int) -> None:
    kalender = schoolkalender(Schooljaar(startjaar))
    first, last = kalender.eerste_schooldag, kalender.laatste_schooldag
    off = {
        d for p in kalender.vrije_periodes for d in weekdays(p.start, p.einde) if first <= d <= last
    }
    assert off == {d for d in law_days_off(startjaar) if first <= d <= last}
    assert first.isoweekday() <= 5
    assert first <= D(startjaar, 9, 3)
    assert last.isoweekday() <= 5
    assert last >= D(startjaar + 1, 6, 28)
    zomer = kalender.vakanties[-1]
    assert (zomer.naam, zomer.start, zomer.einde) == (
        "Zomervakantie",
        D(startjaar + 1, 7, 1),
        D(startjaar + 1, 8, 31),
    )


def law_vacations(startjaar: int) -> list[tuple[str, dt.date, dt.date]]:
    """The five school vacations of a school year, written out from DOMAIN.md section 4."""
    y0, y1 = startjaar, startjaar + 1

    def monday_of(day: dt.date) -> dt.date:
        return day - dt.timedelta(days=day.weekday())

    nov1 = D(y0, 11, 1)
    herfst = monday_of(nov1) if nov1.isoweekday() != 7 else nov1 + dt.timedelta(days=1)
    xmas = D(y0, 12, 25)
    kerst = monday_of(xmas) + dt.timedelta(days=0 if xmas.isoweekday() <= 5 else 7)
    pasen = easter(y1)
    krokus = pasen - dt.timedelta(days=48)
    if pasen.month == 3:
        paas = pasen + dt.timedelta(days=1)
    elif pasen > D(y1, 4, 15):
        paas = pasen - dt.timedelta(days=13)
    else:
        paas = D(y1, 4, 1) + dt.timedelta(days=(7 - D(y1, 4, 1).weekday()) % 7)
    return [
        ("Herfstvakantie", herfst, herfst + dt.timedelta(days=6)),
        ("Kerstvakantie", kerst, kerst + dt.timedelta(days=13)),
        ("Krokusvakantie", krokus, krokus + dt.timedelta(days=6)),
        ("Paasvakantie", paas, paas + dt.timedelta(days=13)),
        ("Zomervakantie", D(y1, 7, 1), D(y1, 8, 31)),
    ]


@pytest.mark.parametrize("startjaar", range(2010, 2100))
def test_every_vacation_has_the_bounds_of_the_law(startjaar: int) -> None:
    kalender = schoolkalender(Schooljaar(startjaar))
    got = [(p.naam, p.start, p.einde) for p in kalender.vakanties]
    assert got == law_vacations(startjaar)
    # Easter Monday outside the Paasvakantie is a day off of its own, never a vacation day.
    maandag = easter(startjaar + 1) + dt.timedelta(days=1)
    paas = kalender.vakanties[3]
    if maandag not in paas:
        period = kalender.vrije_periode(maandag)
        assert period is not None
        assert period.soort is Vrijesoort.FEESTDAG


def test_kinds_of_free_days() -> None:
    kalender = schoolkalender("2025-2026")
    assert kalender.vrije_periode(D(2025, 10, 29)).soort is Vrijesoort.VAKANTIE
    assert kalender.vrije_periode(D(2025, 11, 11)).soort is Vrijesoort.FEESTDAG
    assert kalender.vrije_periode(D(2026, 5, 15)).soort is Vrijesoort.VRIJE_DAG
    assert kalender.is_vakantie(D(2026, 7, 21))
    assert not kalender.is_vakantie(D(2026, 5, 15))
    assert [p.naam for p in kalender.vakanties] == [
        "Herfstvakantie",
        "Kerstvakantie",
        "Krokusvakantie",
        "Paasvakantie",
        "Zomervakantie",
    ]
    # Legal holidays on a weekend or in a vacation are known too.
    assert kalender.is_feestdag(D(2026, 7, 21))
    assert kalender.is_feestdag(D(2026, 4, 5))  # Pasen, a Sunday
    assert not kalender.is_feestdag(D(2026, 5, 15))


def test_school_days_of_a_range_and_weekends() -> None:
    kalender = schoolkalender("2025-2026")
    assert kalender.schooldagen(D(2025, 11, 7), D(2025, 11, 12)) == (
        pendulum.date(2025, 11, 7),
        pendulum.date(2025, 11, 10),
        pendulum.date(2025, 11, 12),
    )
    assert not kalender.is_schooldag(D(2025, 9, 6))  # Saturday
    assert not kalender.is_schooldag(D(2025, 8, 29))  # before the first school day
    assert not kalender.is_schooldag(D(2026, 7, 1))
    assert kalender.schooldagen(D(2026, 7, 1), D(2026, 8, 31)) == ()


def test_schooljaar() -> None:
    sj = Schooljaar.from_text(" 2025-2026 ")
    assert (sj.start, sj.einde, str(sj)) == (D(2025, 9, 1), D(2026, 8, 31), "2025-2026")
    assert Schooljaar.from_date(D(2025, 8, 31)) == Schooljaar(2024)
    assert Schooljaar.from_date(D(2025, 9, 1)) == sj
    assert D(2026, 8, 31) in sj
    assert D(2026, 9, 1) not in sj
    for bad in ("2025-2027", "2025", "25-26", "2025/2026"):
        with pytest.raises(KalenderError) as info:
            Schooljaar.from_text(bad)
        assert "2025-2026" in info.value.text("en")


def test_built_once_per_school_year_and_set_of_days() -> None:
    eigen = duaal_leren.load(DE_VONK)
    assert schoolkalender("2025-2026") is schoolkalender(Schooljaar(2025))
    assert schoolkalender(eigen=eigen) is schoolkalender("2025-2026", eigen)
    assert schoolkalender(eigen=eigen) is not schoolkalender("2025-2026")
    # The tables of `holidays` are computed once per school year, whatever the school.
    before = _wettelijke_dagen.cache_info()
    other = SchooleigenKalender(
        "Andere school", "2025-2026", (SchooleigenDag(pendulum.date(2025, 9, 5)),)
    )
    schoolkalender(eigen=other)
    after = _wettelijke_dagen.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 1


def test_import_does_not_load_holidays_or_icalendar() -> None:
    code = (
        "import sys, duaal_leren, duaal_leren.kalender, duaal_leren.planning, duaal_leren.ical;"
        "print('holidays' in sys.modules, 'icalendar' in sys.modules)"
    )
    result = subprocess.run(  # noqa: S603 - runs this interpreter on fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.split() == ["False", "False"]


# --- the school's own days -------------------------------------------------------------


def test_the_schools_own_days() -> None:
    eigen = duaal_leren.load(DE_VONK)
    assert isinstance(eigen, SchooleigenKalender)
    kalender = schoolkalender(eigen=eigen)
    assert kalender.school == "Technisch Instituut De Vonk (fictief)"
    studiedag = kalender.vrije_periode(D(2025, 10, 15))
    assert (studiedag.naam, studiedag.soort) == ("Pedagogische studiedag", Vrijesoort.SCHOOLEIGEN)
    assert kalender.vrije_periode(D(2025, 11, 10)).naam == "Brugdag Wapenstilstand"
    assert not kalender.is_schooldag(D(2025, 11, 10))
    # A half free day stays a school day.
    assert kalender.is_schooldag(D(2026, 6, 30))
    assert [h.datum for h in kalender.halve_vrije_dagen] == [D(2026, 6, 30)]
    assert kalender.klassenraden == (D(2025, 12, 17), D(2026, 3, 25), D(2026, 6, 24))
    assert len(kalender.schooldagen()) == len(schoolkalender("2025-2026").schooldagen()) - 4


def test_own_days_run_over_several_days_and_never_hide_the_law() -> None:
    eigen = SchooleigenKalender(
        "School",
        "2025-2026",
        (
            SchooleigenDag(
                pendulum.date(2026, 3, 2), einde=pendulum.date(2026, 3, 3), naam="Sportdagen"
            ),
            SchooleigenDag(pendulum.date(2025, 11, 11), Schooleigensoort.ANDERE),
        ),
    )
    kalender = schoolkalender(eigen=eigen)
    sport = kalender.vrije_periode(D(2026, 3, 3))
    assert (sport.start, sport.einde, sport.dagen) == (D(2026, 3, 2), D(2026, 3, 3), 2)
    assert kalender.vrije_periode(D(2025, 11, 11)).naam == "Wapenstilstand"


def test_own_days_outside_the_school_year_are_refused() -> None:
    eigen = SchooleigenKalender(
        "School",
        "2025-2026",
        (
            SchooleigenDag(pendulum.date(2026, 9, 2)),
            SchooleigenDag(pendulum.date(2026, 3, 3), einde=pendulum.date(2026, 3, 2)),
            SchooleigenDag(
                pendulum.date(2026, 3, 9),
                einde=pendulum.date(2026, 3, 10),
                dagdeel=Dagdeel.VOORMIDDAG,
            ),
        ),
        klassenraden=(pendulum.date(2025, 6, 20),),
    )
    with pytest.raises(DocumentError) as info:
        schoolkalender(eigen=eigen)
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("$.vrije_dagen[0].datum", "buiten-schooljaar"),
        ("$.vrije_dagen[1].einde", "einde-voor-start"),
        ("$.vrije_dagen[2].dagdeel", "ongeldige-waarde"),
        ("$.klassenraden[0]", "buiten-schooljaar"),
    ]


def test_the_supported_school_years_are_those_holidays_knows() -> None:
    import holidays
    from holidays.countries.belgium import Belgium

    def school(year: int) -> object:
        return holidays.country_holidays("BE", subdiv="Flemish", categories=("school",), years=year)

    # The Flemish school holidays start in 2010 and end with the package's last year.
    assert not school(EERSTE_SCHOOLJAAR.startjaar - 1)
    assert school(EERSTE_SCHOOLJAAR.startjaar)
    assert Belgium.end_year >= LAATSTE_SCHOOLJAAR.startjaar + 1
    assert (str(EERSTE_SCHOOLJAAR), str(LAATSTE_SCHOOLJAAR)) == ("2010-2011", "2099-2100")


@pytest.mark.parametrize("jaar", ["1800-1801", "1999-2000", "2009-2010", "2100-2101"])
def test_a_school_year_outside_the_data_is_refused(jaar: str) -> None:
    with pytest.raises(KalenderError) as info:
        schoolkalender(jaar)
    assert str(info.value) == (
        f"schooljaar {jaar} valt buiten de schoolkalender: die kent de schooljaren "
        "2010-2011 tot 2099-2100"
    )
    assert info.value.text("en") == (
        f"school year {jaar} is outside the school calendar: it covers the school years "
        "2010-2011 to 2099-2100"
    )
    # The same for a school's own calendar of that year, when the calendar is built.
    eigen = SchooleigenKalender("School", jaar)
    with pytest.raises(KalenderError) as own:
        schoolkalender(eigen=eigen)
    assert str(own.value) == str(info.value)


def test_the_first_and_last_supported_school_years_are_whole() -> None:
    first = schoolkalender(EERSTE_SCHOOLJAAR)
    assert [p.naam for p in first.vakanties] == [
        "Herfstvakantie",
        "Kerstvakantie",
        "Krokusvakantie",
        "Paasvakantie",
        "Zomervakantie",
    ]
    last = schoolkalender(LAATSTE_SCHOOLJAAR)
    assert last.vakanties[-1].einde == D(2100, 8, 31)


def test_school_year_must_match_the_schools_calendar() -> None:
    eigen = duaal_leren.load(DE_VONK)
    with pytest.raises(KalenderError):
        schoolkalender("2026-2027", eigen)
    with pytest.raises(KalenderError):
        schoolkalender()


def test_schoolkalender_document_round_trip_and_checks() -> None:
    eigen = duaal_leren.load(DE_VONK)
    assert duaal_leren.loads(duaal_leren.dump(eigen, format="json")) == eigen
    text = DE_VONK.read_text("utf-8").replace("schooljaar: 2025-2026", "schooljaar: 2025-2027")
    text = text.replace("soort: andere", "soort: vakantie")
    with pytest.raises(DocumentError) as info:
        duaal_leren.loads(text)
    paths = {p.path for p in info.value.problems}
    assert paths == {"$.schooljaar", "$.vrije_dagen[4].soort"}


def test_schoolkalender_json_schema_accepts_the_example() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = duaal_leren.json_schema("schoolkalender")
    assert schema["properties"]["schema"]["enum"] == ["duaal-leren/schoolkalender@1"]
    data = json.loads(duaal_leren.dump(duaal_leren.load(DE_VONK), format="json"))
    jsonschema.validate(data, schema)


# --- the command -------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_kalender_json_has_the_fixed_shape() -> None:
    status, out = run("kalender", "2025-2026", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert list(data) == [
        "schooljaar",
        "eerste_schooldag",
        "laatste_schooldag",
        "vrije_periodes",
        "schooldagen",
    ]
    assert data["schooljaar"] == "2025-2026"
    assert data["eerste_schooldag"] == "2025-09-01"
    assert data["laatste_schooldag"] == "2026-06-30"
    assert data["vrije_periodes"][0] == {
        "naam": "Herfstvakantie",
        "start": "2025-10-27",
        "einde": "2025-11-02",
    }
    assert all(list(p) == ["naam", "start", "einde"] for p in data["vrije_periodes"])
    first, last, periods = PUBLISHED["2025-2026"]
    free = {d for _, start, end in periods for d in weekdays(start, end)}
    assert data["schooldagen"] == len([d for d in weekdays(first, last) if d not in free])


def test_kalender_with_the_schools_days_as_text() -> None:
    status, out = run("kalender", "--eigen", str(DE_VONK))
    assert status == 0
    assert out.splitlines()[0] == "Schoolkalender 2025-2026, Technisch Instituut De Vonk (fictief)"
    assert "  wo 2025-10-15                    Pedagogische studiedag" in out
    assert "  ma 2025-10-27 – zo 2025-11-02    Herfstvakantie" in out
    assert out.rstrip().endswith("Schooldagen: 178")
    status, out = run("--lang", "en", "kalender", "2024-2025")
    assert "First school day: Mon 2024-09-02" in out


def test_kalender_bad_year_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("--lang", "en", "kalender", "2025-2027")
    assert status == 2
    assert "is not a school year" in capsys.readouterr().err
    for jaar in ("1800-1801", "1999-2000", "2100-2101"):
        assert run("kalender", jaar) == (2, "")
        assert f"schooljaar {jaar} valt buiten de schoolkalender" in capsys.readouterr().err


def test_schoolkalender_is_a_value() -> None:
    kalender = schoolkalender("2025-2026")
    assert isinstance(kalender, Schoolkalender)
    assert D(2026, 1, 1) in kalender
    assert D(2026, 9, 1) not in kalender
    assert "_vrij=" not in repr(kalender)
    assert "_feest=" not in repr(kalender)


def test_school_years_at_the_ends_of_the_dates() -> None:
    first, last = D(1, 1, 1), D(9999, 12, 31)
    # Every date belongs to a school year, even where that year starts or ends beyond the
    # dates a date can hold.
    assert Schooljaar.from_date(first) == Schooljaar(0)
    assert first in Schooljaar(0)
    assert last in Schooljaar(9999)
    assert first not in Schooljaar(1)
    assert pendulum.date(2025, 8, 31) in Schooljaar(2024)
    assert pendulum.date(2025, 9, 1) not in Schooljaar(2024)
    # Its first or last day itself cannot be given: a library error, not a ValueError.
    with pytest.raises(KalenderError) as info:
        _ = Schooljaar(0).start
    assert "0-1" in info.value.text("en")
    with pytest.raises(KalenderError):
        _ = Schooljaar(9999).einde
    assert Schooljaar(0).einde == D(1, 8, 31)
    assert Schooljaar(9999).start == D(9999, 9, 1)
    for jaar in (Schooljaar(0), Schooljaar(9999), Schooljaar(-5), Schooljaar(10**6)):
        with pytest.raises(KalenderError):
            schoolkalender(jaar)


def test_a_long_school_year_text_is_quoted_as_an_excerpt() -> None:
    with pytest.raises(KalenderError) as info:
        Schooljaar.from_text("2025-" + "9" * 10_000)
    assert len(str(info.value)) < 300
    assert len(info.value.text("en")) < 300


def test_schoolkalenders_give_each_school_year_its_calendar() -> None:
    eigen = schoolkalender(eigen=duaal_leren.load(DE_VONK))
    kalenders = schoolkalenders(iter([eigen]))
    assert schoolkalenders(kalenders) is kalenders
    assert kalenders.voor(D(2026, 3, 2)) is eigen
    assert kalenders.voor(Schooljaar(2025)) is eigen
    assert kalenders.voor(D(2026, 9, 1)) is schoolkalender("2026-2027")
    assert kalenders.klassenraden(D(2025, 9, 1), D(2026, 3, 25)) == [
        D(2025, 12, 17),
        D(2026, 3, 25),
    ]
    assert schoolkalenders().klassenraden(D(2025, 9, 1), D(2026, 8, 31)) == []
    with pytest.raises(KalenderError):
        schoolkalenders(eigen).voor(D(2100, 9, 1))


# --- looked up once per school year ------------------------------------------------------------

from hypothesis import given  # noqa: E402 - the section's own imports
from hypothesis import strategies as st  # noqa: E402

from duaal_leren import kalender as _kalender  # noqa: E402


@given(st.integers(2010, 2030), st.integers(2010, 2030))
def test_school_years_compare_and_hash_by_their_year(a: int, b: int) -> None:
    x, y = Schooljaar(a), Schooljaar(b)
    assert (x == y, x != y, x < y, x <= y, x > y, x >= y) == (
        a == b,
        a != b,
        a < b,
        a <= b,
        a > b,
        a >= b,
    )
    assert hash(x) == hash(Schooljaar(a))
    assert len({x, y}) == (1 if a == b else 2)
    assert x != a  # a school year is no int
    assert sorted([y, x]) == [Schooljaar(min(a, b)), Schooljaar(max(a, b))]
    with pytest.raises(TypeError):
        _ = x < a  # type: ignore[operator]


@given(
    st.integers(2015, 2028),
    st.dates(dt.date(2015, 8, 1), dt.date(2029, 9, 30)),
    st.dates(dt.date(2015, 8, 1), dt.date(2029, 9, 30)),
)
def test_school_days_are_the_weekdays_between_the_first_and_last_outside_free_periods(
    year: int, start: dt.date, einde: dt.date
) -> None:
    kalender = schoolkalender(Schooljaar(year))

    def by_definition(day: dt.date) -> bool:
        return (
            kalender.eerste_schooldag <= day <= kalender.laatste_schooldag
            and day.weekday() < 5
            and kalender.vrije_periode(day) is None
        )

    for day in (start, einde, pendulum.date(start.year, start.month, start.day)):
        assert kalender.is_schooldag(day) is by_definition(day)
    first, last = max(kalender.eerste_schooldag, start), min(kalender.laatste_schooldag, einde)
    expected = [
        pendulum.Date.fromordinal(o)
        for o in range(first.toordinal(), last.toordinal() + 1)
        if by_definition(dt.date.fromordinal(o))
    ]
    assert list(kalender.schooldagen(start, einde)) == expected
    assert len(kalender.schooldagen()) == sum(
        by_definition(dt.date.fromordinal(o))
        for o in range(
            kalender.eerste_schooldag.toordinal(), kalender.laatste_schooldag.toordinal() + 1
        )
    )


def test_a_datetime_is_no_school_day_question() -> None:
    kalender = schoolkalender("2025-2026")
    with pytest.raises(TypeError):
        kalender.is_schooldag(dt.datetime(2025, 9, 2, 10))  # type: ignore[arg-type]


def test_the_calendars_of_many_days_are_built_once_per_school_year() -> None:
    _kalender._build.cache_clear()
    kalenders = schoolkalenders()
    days = [dt.date(2025, 9, 1) + dt.timedelta(days=n) for n in range(731)]  # to 1 September 2027
    found = {kalenders.voor(day).schooljaar for day in days}
    assert found == {Schooljaar(2025), Schooljaar(2026), Schooljaar(2027)}
    assert _kalender._build.cache_info().misses == 3
    assert kalenders.voor(Schooljaar(2026)) is schoolkalender("2026-2027")
