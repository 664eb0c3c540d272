"""Planned against actual workplace hours (`duaal_leren.uren`), against figures worked out by hand.

The traject is the example of Noor (examples/traject-noor.yaml), school year 2025-2026 on the
law's calendar, contract 2025-09-01 (a Monday) to 2026-06-30 (a Tuesday). Its schedule:

- week A (the week of 1 September, then every other week): workplace Monday to Wednesday,
  3 x 7.6 = 22.8 hours; week B: workplace Monday to Thursday, 4 x 7.6 = 30.4 hours;
- an exam week at school 15-19 December 2025 and exam weeks 8-19 June 2026;
- a class trip on Thursday 12 March 2026, a workplace day of a B week.

Weeks are numbered k = 0, 1, ... from Monday 1 September (k even: A, odd: B). Mondays run
from 1 September to 29 June: 44 weeks, k = 0..43. Vacation weeks: herfst k=8 (27 Oct),
kerst k=16, 17 (22 Dec, 29 Dec), krokus k=24 (16 Feb), paas k=31, 32 (6 Apr, 13 Apr). The
last week (k=43, 29-30 June) is cut off by the contract's end and does not count, since the
contract holds whole training weeks. So 43 - 6 = 37 counted weeks: of k = 0..42, 22 are
even (A) less 4 in a vacation (8, 16, 24, 32) = 18 A weeks, 21 odd (B) less 2 (17, 31) = 19
B weeks.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import attrs
import pendulum
import pytest

import duaal_leren
from duaal_leren.aanwezigheid import Aanwezigheden, Aanwezigheid, Aanwezigheidsstatus
from duaal_leren.exceptions import MissingDependencyError
from duaal_leren.kalender import Schooljaar
from duaal_leren.uren import Urenoverzicht, urenoverzichten
from duaal_leren.werkdagen import werkplekuren_gemiddeld

ROOT = Path(__file__).resolve().parent.parent
NOOR = duaal_leren.load_traject(ROOT / "examples" / "traject-noor.yaml")
OKTOBER = duaal_leren.load(ROOT / "examples" / "aanwezigheden-noor-2025-10.yaml")
D = pendulum.date

# 18 A weeks and 19 B weeks: 18 x 22.8 + 19 x 30.4 = 410.4 + 577.6 = 988.0 hours.
# The exam weeks take a B week (k=15), an A week (k=40) and a B week (k=41) to school:
# 988.0 - 30.4 - 22.8 - 30.4 = 904.4. The class trip takes 7.6 more: 896.8 hours.
GEPLAND_TOTAAL = 896.8
GEPLAND_GEMIDDELDE = GEPLAND_TOTAAL / 37  # 24.2378...


def test_the_planned_average_counts_the_rotation_and_the_exam_block() -> None:
    assert werkplekuren_gemiddeld(NOOR) == pytest.approx(GEPLAND_GEMIDDELDE, abs=1e-6)
    # Without the changes the rotation alone gives 988.0 / 37 = 26.7027...
    rotation_only = attrs.evolve(NOOR, roosterwijzigingen=())
    assert werkplekuren_gemiddeld(rotation_only) == pytest.approx(988.0 / 37, abs=1e-6)
    # A single weekly pattern (week A every week) alone gives its own hours: 22.8.
    single = attrs.evolve(NOOR, rotatie=None, weekpatroon=NOOR.rotatie.weken[0])
    assert werkplekuren_gemiddeld(attrs.evolve(single, roosterwijzigingen=())) == 22.8
    # With the exam weeks: 37 x 22.8 = 843.6, less three exam weeks of 22.8 (the class
    # trip falls on a Thursday, a school day of week A): 775.2 / 37 = 20.9513...
    assert werkplekuren_gemiddeld(single) == pytest.approx(775.2 / 37, abs=1e-6)


def test_without_a_record_only_the_plan_is_known() -> None:
    overzicht = Urenoverzicht.from_traject(NOOR, today="2025-10-26")
    assert overzicht.gepland_gemiddelde == pytest.approx(GEPLAND_GEMIDDELDE, abs=1e-6)
    assert overzicht.werkelijk_gemiddelde is None
    assert overzicht.prognose == pytest.approx(GEPLAND_GEMIDDELDE, abs=1e-6)
    assert all(w.gewerkt is None for w in overzicht.weken)


def test_planned_against_actual_per_week_and_per_school_year() -> None:
    # The record runs from 29 September (k=4) to 23 October (k=7); today is Sunday 26
    # October, so weeks k=0..7 have ended. Days before the record count as planned:
    # k=0..3 (A, B, A, B) = 22.8 + 30.4 + 22.8 + 30.4 = 106.4.
    # k=4 (A): 29, 30 Sep, 1 Oct worked 7.6 each = 22.8.
    # k=5 (B): 6, 7 Oct worked 7.6; 8, 9 Oct ill = 15.2.
    # k=6 (A): 13 Oct 7.6; 14 Oct unexcused; 15 Oct 6.0 = 13.6.
    # k=7 (B): 20, 22, 23 Oct 7.6; 21 Oct legitimate absence = 22.8.
    # Worked in all: 106.4 + 22.8 + 15.2 + 13.6 + 22.8 = 180.8 over 8 weeks = 22.6.
    overzicht = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26")
    assert overzicht.werkelijk_gemiddelde == pytest.approx(180.8 / 8)
    weeks = {w.start: w for w in overzicht.weken}
    expected = {
        D(2025, 9, 29): (22.8, 22.8, 0, 0, 0),
        D(2025, 10, 6): (30.4, 15.2, 2, 0, 0),
        D(2025, 10, 13): (22.8, 13.6, 0, 0, 1),
        D(2025, 10, 20): (30.4, 22.8, 0, 1, 0),
    }
    for monday, (gepland, gewerkt, ziekte, gewettigd, ongewettigd) in expected.items():
        week = weeks[monday]
        assert week.gepland == pytest.approx(gepland)
        assert week.gewerkt == pytest.approx(gewerkt)
        assert (week.ziekte, week.gewettigd, week.ongewettigd) == (ziekte, gewettigd, ongewettigd)
        assert week.ontbrekend == 0
    # The running average after k=5: (106.4 + 22.8 + 15.2) / 6 = 144.4 / 6 = 24.0666...
    assert weeks[D(2025, 10, 6)].gemiddelde == pytest.approx(144.4 / 6, abs=1e-6)
    # Before the record nothing was recorded; after today nothing is known.
    assert weeks[D(2025, 9, 22)].gewerkt is None
    assert weeks[D(2025, 11, 3)].gewerkt is None
    assert weeks[D(2025, 11, 3)].gemiddelde is None
    # The projection: worked up to today, planned after it. Planned in k=0..7 is
    # 4 x 22.8 + 4 x 30.4 = 212.8, so the rest of the year plans 896.8 - 212.8 = 684.0:
    # (180.8 + 684.0) / 37 = 864.8 / 37 = 23.3729...
    assert overzicht.prognose == pytest.approx(864.8 / 37, abs=1e-6)
    jaar = overzicht.jaar
    # Hours worked: 7.6 on 29, 30 Sep, 1, 6, 7, 13, 20, 22, 23 Oct = 9 x 7.6 = 68.4, and
    # 6.0 on 15 Oct: 74.4.
    assert jaar.gewerkt == pytest.approx(74.4)
    assert (jaar.ziekte, jaar.gewettigd, jaar.ongewettigd, jaar.andere) == (2, 1, 1, 0)


def test_the_year_plans_hours_only_on_real_workplace_days() -> None:
    # The year's planned hours are those of the real workplace days: the 896.8 of the
    # counted weeks less the legal holidays on workplace days, 11 Nov (Tue, k=10, A) and
    # Whit Monday 25 May (k=38, A), 2 x 7.6 = 15.2 (1 May is a Friday, Ascension 14 May and
    # the Friday after fall on school days of week k=36, A; Easter Monday lies in the
    # vacation); plus the week cut off by the contract's end, k=43 (B): Monday 29 and
    # Tuesday 30 June, 15.2. So 896.8 - 15.2 + 15.2 = 896.8.
    overzicht = Urenoverzicht.from_traject(NOOR, today="2025-10-26")
    assert overzicht.jaar.gepland == pytest.approx(896.8)
    assert overzicht.jaar.gepland == pytest.approx(math.fsum(w.gepland for w in overzicht.weken))
    assert overzicht.jaar.gepland == pytest.approx(math.fsum(m.gepland for m in overzicht.maanden))
    week = next(w for w in overzicht.weken if w.start == D(2025, 11, 10))
    assert week.gepland == pytest.approx(15.2)  # A week, Wapenstilstand on Tuesday
    exams = next(w for w in overzicht.weken if w.start == D(2025, 12, 15))
    assert exams.gepland == 0


def test_missing_days_are_counted_and_lower_the_average() -> None:
    # Only 29 September recorded; the other workplace days up to 1 October are missing.
    record = Aanwezigheden("TRJ-2025-0063", (Aanwezigheid(D(2025, 9, 29), uren=7.6),))
    overzicht = Urenoverzicht.from_traject(NOOR, record, today="2025-10-05")
    # k=0..3 as planned (106.4), k=4 only 7.6 recorded of 22.8: (106.4 + 7.6) / 5 = 22.8
    assert overzicht.werkelijk_gemiddelde == pytest.approx(114.0 / 5)
    assert overzicht.jaar.ontbrekend == 2
    assert any("niet geregistreerd" in s for s in overzicht.signalen())


def test_a_holiday_in_an_ended_week_does_not_lower_the_actual_average() -> None:
    # Week k=10 (10-16 Nov, A): 11 Nov is a legal holiday. Worked 10 and 12 Nov as
    # planned: the week counts 7.6 + 7.6 worked + 7.6 planned on the holiday = 22.8.
    record = Aanwezigheden(
        "TRJ-2025-0063",
        (Aanwezigheid(D(2025, 11, 10), uren=7.6), Aanwezigheid(D(2025, 11, 12), uren=7.6)),
    )
    overzicht = Urenoverzicht.from_traject(NOOR, record, today="2025-11-16")
    week = next(w for w in overzicht.weken if w.start == D(2025, 11, 10))
    assert week.gewerkt == pytest.approx(15.2)
    # Weeks k=0..10 less the herfst week k=8: 10 counted weeks, each as planned (k=0..7
    # and k=9 before the record, k=10 with the holiday): 4 x 22.8 + 4 x 30.4 + 30.4 + 22.8.
    assert overzicht.werkelijk_gemiddelde == pytest.approx((4 * 22.8 + 4 * 30.4 + 30.4 + 22.8) / 10)


def test_the_overview_as_data_csv_and_html() -> None:
    overzicht = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26")
    data = json.loads(json.dumps(overzicht.to_dict()))
    assert data["schooljaar"] == "2025-2026"
    assert data["werkelijk_gemiddelde"] == pytest.approx(22.6)
    assert len(data["weken"]) == 44
    assert len(data["maanden"]) == 10
    lines = overzicht.to_csv().splitlines()
    assert lines[0].startswith("traject,schooljaar,soort,start,einde,gepland,gewerkt,ziekte")
    assert len(lines) == 1 + 44 + 10 + 1
    # The running average after week k=5: (106.4 + 22.8 + 15.2) / 6 = 24.066667.
    assert (
        "TRJ-2025-0063,2025-2026,week,2025-10-06,2025-10-12,30.4,15.2,2,0,0,0,0,24.066667" in lines
    )
    page = overzicht.to_html()
    assert page.startswith('<div class="dl-uren-')
    assert page.endswith("</div>")
    assert "<style>" in page
    assert "<script" not in page
    assert overzicht._repr_html_() == page
    assert "TRJ-2025-0063" in overzicht.text("en")
    assert "projection for the year: 23.4" in overzicht.text("en")


def test_the_overview_warns_below_twenty_hours() -> None:
    # Absent every workplace day in October: the actual average falls below 20.
    days = [d for d in duaal_leren.werkplekdagen(NOOR, D(2025, 9, 1), D(2025, 10, 26))]
    record = Aanwezigheden(
        "TRJ-2025-0063", tuple(Aanwezigheid(d, Aanwezigheidsstatus.ZIEKTE) for d in days)
    )
    overzicht = Urenoverzicht.from_traject(NOOR, record, today="2025-10-26")
    assert overzicht.werkelijk_gemiddelde == 0
    assert any("het werkelijke gemiddelde" in s for s in overzicht.signalen())
    assert overzicht.jaar.ziekte == len(days)


def test_one_overview_per_school_year_of_the_contract() -> None:
    contract = attrs.evolve(NOOR.overeenkomst, einde=D(2026, 12, 18))
    traject = attrs.evolve(NOOR, overeenkomst=contract)
    jaren = [o.schooljaar for o in urenoverzichten(traject, today="2025-10-01")]
    assert jaren == [Schooljaar(2025), Schooljaar(2026)]


def test_to_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    frame = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26").to_dataframe()
    assert list(frame.columns[:5]) == ["soort", "start", "einde", "gepland", "gewerkt"]
    weeks = frame[frame["soort"] == "week"]
    assert len(weeks) == 44
    assert weeks["gewerkt"].isna().sum() == 40
    assert frame["start"].dtype == pd.to_datetime(["2025-09-01"]).dtype


def test_to_dataframe_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pandas" else real(name, *a)
    )
    with pytest.raises(MissingDependencyError):
        Urenoverzicht.from_traject(NOOR, today="2025-10-26").to_dataframe()


def test_to_figure_draws_planned_worked_and_the_threshold() -> None:
    pytest.importorskip("matplotlib")
    figure = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26").to_figure()
    (ax,) = figure.axes
    assert len(ax.patches) == 44  # a bar of planned hours a week
    threshold = [line for line in ax.lines if list(line.get_ydata()) == [20.0, 20.0]]
    assert threshold
    worked = next(line for line in ax.lines if line.get_label() == "gewerkt / worked")
    assert list(worked.get_ydata()) == pytest.approx([22.8, 15.2, 13.6, 22.8])
    # A notebook shows it as an image, with no magic; it stays a matplotlib Figure.
    from matplotlib.figure import Figure

    assert isinstance(figure, Figure)
    assert figure._repr_png_().startswith(b"\x89PNG")  # type: ignore[attr-defined]


def test_validating_files_checks_an_attendance_record_with_its_traject() -> None:
    # The record names its traject; among the files (or given) the two are checked together.
    from duaal_leren.validation import validate_files

    record = ROOT / "tests" / "data" / "aanwezigheden-noor-laat.yaml"
    traject = ROOT / "examples" / "traject-noor.yaml"
    together = validate_files([traject, record], today="2025-11-01")
    codes = {f.code for f in together.reports[1].findings}
    assert codes == {"afwezigheid-melding"}
    given = validate_files([record], today="2025-11-01", trajecten=[NOOR])
    assert [f.code for f in given.reports[0].findings] == [
        f.code for f in together.reports[1].findings
    ]
    # Without its traject there is nothing to check the record against.
    assert validate_files([record], today="2025-11-01").reports[0].findings == ()
