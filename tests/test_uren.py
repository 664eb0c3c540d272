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
from duaal_leren.exceptions import DocumentTypeError, MissingDependencyError
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
    # The year's hours worked are exactly those the average counts: 180.8 in the 8 weeks
    # from 1 September to Sunday 26 October (8 x 22.6 = 180.8), not only the 74.4 recorded.
    assert jaar.gewerkt == pytest.approx(180.8)
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


def test_the_overview_as_data_and_csv(tmp_path: Path) -> None:
    overzicht = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26")
    data = json.loads(json.dumps(overzicht.to_dict()))
    assert data["schooljaar"] == "2025-2026"
    assert data["werkelijk_gemiddelde"] == pytest.approx(22.6)
    assert data["geteld"]["einde"] == "2025-10-26"
    assert len(data["weken"]) == 44
    assert len(data["maanden"]) == 10
    text = overzicht.to_csv()
    lines = text.splitlines()
    assert lines[0] == (
        "traject,schooljaar,soort,start,einde,gepland,gewerkt,ziekte_dagen,gewettigd_dagen,"
        "ongewettigd_dagen,andere_dagen,ontbrekend_dagen,gemiddelde"
    )
    # 44 weeks, 10 months, the year and the span counted.
    assert len(lines) == 1 + 44 + 10 + 1 + 1
    # The running average after week k=5: (106.4 + 22.8 + 15.2) / 6 = 24.066667.
    assert (
        "TRJ-2025-0063,2025-2026,week,2025-10-06,2025-10-12,30.4,15.2,2,0,0,0,0,24.066667" in lines
    )
    # Counted: k=0..7, planned 4 x 22.8 + 4 x 30.4 = 212.8, counted 180.8, average 22.6.
    assert (
        lines[-1]
        == "TRJ-2025-0063,2025-2026,geteld,2025-09-01,2025-10-26,212.8,180.8,2,1,1,0,0,22.6"
    )
    # With a path: the same text, written whole, and the path back.
    path = tmp_path / "uren.csv"
    assert overzicht.to_csv(path) == path
    assert path.read_bytes().decode("utf-8") == text
    with pytest.raises(duaal_leren.WriteError):
        overzicht.to_csv(tmp_path / "geen-map" / "uren.csv")
    assert [p.name for p in tmp_path.iterdir()] == ["uren.csv"]


def test_the_overview_as_html_in_one_language(tmp_path: Path) -> None:
    overzicht = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26")
    view = overzicht._repr_html_()
    assert view.startswith('<div class="dl-view" lang="nl">')
    assert "<script" not in view
    # The school-year table that text() shows is in the view too.
    assert "<h4>Schooljaar</h4>" in view
    assert "schooljaar 2025-09-01 – 2026-06-30" in view
    assert "geteld 2025-09-01 – 2025-10-26" in view
    page = overzicht.to_html(lang="en")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page
    assert "<h4>School year</h4>" in page
    for dutch in ("Schooljaar", "gepland", "gewerkt", "ziekte", "gemiddelde", "Per maand"):
        assert dutch not in page, dutch
    nl = overzicht.to_html()
    for english in ("School year", "planned", "worked", "illness", "average", "Per month"):
        assert english not in nl, english
    path = tmp_path / "uren.html"
    assert overzicht.to_html(path, lang="en") == path
    assert path.read_text(encoding="utf-8") == page
    # The default language of the process sets the view and the text.
    duaal_leren.set_default_lang("en")
    try:
        assert '<div class="dl-view" lang="en">' in overzicht._repr_html_()
        assert overzicht.text().startswith("Workplace hours of TRJ-2025-0063")
    finally:
        duaal_leren.set_default_lang("nl")


def test_the_text_is_in_one_language() -> None:
    overzicht = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26")
    en = overzicht.text("en")
    assert "TRJ-2025-0063" in en
    assert "projection for the year: 23.4" in en
    assert "counted 2025-09-01 – 2025-10-26: 180.8 of 212.8 planned" in en
    for dutch in ("gepland", "gewerkt", "ziekte", "gewettigd", "ontbrekend", "Schooljaar"):
        assert dutch not in en, dutch
    nl = overzicht.text("nl")
    assert "geteld 2025-09-01 – 2025-10-26: 180.8 van 212.8 gepland" in nl
    for english in ("planned", "worked", "illness", "excused", "missing", "School year"):
        assert english not in nl, english


def test_the_repr_is_one_short_line() -> None:
    overzicht = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26")
    assert repr(overzicht) == (
        "Urenoverzicht(traject='TRJ-2025-0063', schooljaar='2025-2026', today='2025-10-26', "
        "weken=44, maanden=10, gepland_gemiddelde=24.237838, werkelijk_gemiddelde=22.6, "
        "prognose=23.372973)"
    )
    assert repr(overzicht.weken[5]) == (
        "Urenperiode(soort='week', start='2025-10-06', einde='2025-10-12', gepland=30.4, "
        "gewerkt=15.2, afwezig=2, ontbrekend=0, gemiddelde=24.066667)"
    )


def test_hours_worked_follow_one_rule_and_show_no_phantom_shortfall() -> None:
    # The record covers 29 September (its first day) to 26 October (today).
    overzicht = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26")
    months = {m.start.format("YYYY-MM"): m for m in overzicht.maanden}
    # September: 1-28 September lie before the record, so no hours worked are shown
    # (before: 15.2 worked against the 121.6 planned on the whole month).
    assert months["2025-09"].gepland == pytest.approx(121.6)
    assert months["2025-09"].gewerkt is None
    # October: its workplace days (1 Oct of k=4 A; 6-9, 13-15, 20-23) all lie between the
    # record's first day and today; 27-31 October is the autumn vacation. Planned
    # 7.6 + 30.4 + 22.8 + 30.4 = 91.2; worked 1, 6, 7, 13, 20, 22, 23 Oct 7 x 7.6 = 53.2
    # and 6.0 on 15 Oct: 59.2 (the 32.0 short: 4 days absent and 1.6 hours on 15 Oct).
    assert months["2025-10"].gepland == pytest.approx(91.2)
    assert months["2025-10"].gewerkt == pytest.approx(59.2)
    assert months["2025-11"].gewerkt is None  # after today
    # The span the average counts, with its planned hours: k=0..7 plan 212.8; counted are
    # 106.4 (k=0..3, before the record, as planned) + 74.4 (k=4..7 worked) = 180.8.
    geteld = overzicht.geteld
    assert geteld is not None
    assert (geteld.start, geteld.einde) == (D(2025, 9, 1), D(2025, 10, 26))
    assert geteld.gepland == pytest.approx(212.8)
    assert geteld.gewerkt == pytest.approx(180.8) == overzicht.jaar.gewerkt
    assert geteld.gewerkt / 8 == pytest.approx(overzicht.werkelijk_gemiddelde)
    # A week the record covers only in part shows no hours worked: with a record from
    # Wednesday 1 October, week k=4 (29 Sep - 5 Oct) misses Monday and Tuesday.
    late = attrs.evolve(OKTOBER, dagen=tuple(d for d in OKTOBER.dagen if d.datum >= D(2025, 10, 1)))
    partly = Urenoverzicht.from_traject(NOOR, late, today="2025-10-26")
    week = next(w for w in partly.weken if w.start == D(2025, 9, 29))
    assert week.gewerkt is None
    # So does a week that today cuts: on Wednesday 22 October, Thursday 23 is still ahead.
    wednesday = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-22")
    week = next(w for w in wednesday.weken if w.start == D(2025, 10, 20))
    assert week.gewerkt is None
    # Without a record nothing is counted.
    plan = Urenoverzicht.from_traject(NOOR, today="2025-10-26")
    assert plan.geteld is None
    assert plan.jaar.gewerkt is None


def test_another_trajects_record_is_refused() -> None:
    lotte = duaal_leren.load_traject(ROOT / "examples" / "traject-lotte.yaml")
    with pytest.raises(duaal_leren.DuaalLerenError) as caught:
        Urenoverzicht.from_traject(lotte, OKTOBER, today="2025-10-26")
    assert isinstance(caught.value, DocumentTypeError)
    assert caught.value.text("en") == (
        "the attendance is of traject TRJ-2025-0063, not of TRJ-2025-0042"
    )
    assert "de aanwezigheden zijn van traject TRJ-2025-0063" in caught.value.text("nl")
    with pytest.raises(DocumentTypeError):
        urenoverzichten(lotte, OKTOBER, today="2025-10-26")


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
    pytest.importorskip("pandas")
    frame = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26").to_dataframe()
    # The columns of the CSV, with the dtypes of the other tables of the library.
    assert list(frame.columns) == [
        "traject",
        "schooljaar",
        "soort",
        "start",
        "einde",
        "gepland",
        "gewerkt",
        "ziekte_dagen",
        "gewettigd_dagen",
        "ongewettigd_dagen",
        "andere_dagen",
        "ontbrekend_dagen",
        "gemiddelde",
    ]
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert dtypes == {
        "traject": "string",
        "schooljaar": "string",
        "soort": "string",
        "start": "datetime64[ns]",
        "einde": "datetime64[ns]",
        "gepland": "Float64",
        "gewerkt": "Float64",
        "ziekte_dagen": "Int64",
        "gewettigd_dagen": "Int64",
        "ongewettigd_dagen": "Int64",
        "andere_dagen": "Int64",
        "ontbrekend_dagen": "Int64",
        "gemiddelde": "Float64",
    }
    weeks = frame[frame["soort"] == "week"]
    assert len(weeks) == 44
    assert weeks["gewerkt"].isna().sum() == 40  # only k=4..7 are covered by the record
    assert set(frame["traject"]) == {"TRJ-2025-0063"}
    assert set(frame["schooljaar"]) == {"2025-2026"}
    year = frame[frame["soort"] == "schooljaar"].iloc[0]
    assert year["ziekte_dagen"] == 2
    assert year["gewerkt"] == pytest.approx(180.8)


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
    figure = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26").to_figure(lang="en")
    (ax,) = figure.axes
    assert len(ax.patches) == 44  # a bar of planned hours a week
    threshold = [line for line in ax.lines if list(line.get_ydata()) == [20.0, 20.0]]
    assert threshold
    worked = next(line for line in ax.lines if line.get_label() == "worked")
    assert list(worked.get_ydata()) == pytest.approx([22.8, 15.2, 13.6, 22.8])
    # One language: title, axis and legend all English.
    legend = ax.get_legend()
    texts = [t.get_text() for t in legend.get_texts()]
    assert texts == ["worked", "average", "20 hours (R-OAO)", "planned"]
    assert ax.get_title() == "TRJ-2025-0063 2025-2026: planned and worked"
    assert ax.get_ylabel() == "hours a week"
    dutch = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26").to_figure(lang="nl")
    (ax_nl,) = dutch.axes
    assert [t.get_text() for t in ax_nl.get_legend().get_texts()] == [
        "gewerkt",
        "gemiddelde",
        "20 uur (R-OAO)",
        "gepland",
    ]
    # The legend hides no data: it lies wholly outside the axes.
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(figure).get_renderer()
    box = legend.get_window_extent(renderer)
    axes_box = ax.get_window_extent(renderer)
    assert box.x0 >= axes_box.x1
    assert box.x1 <= figure.bbox.x1  # and still on the figure
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
    # Without its traject the record cannot be checked, and the rule that says so speaks.
    alone = validate_files([record], today="2025-11-01").reports[0].findings
    assert {f.code for f in alone} == {"aanwezigheid-traject"}


def test_a_record_read_long_after_its_last_day_gives_the_figures_of_its_last_week() -> None:
    # The record ends on Thursday 23 October 2025: read in December 2026 it still says what
    # it said on Sunday 26 October, not that every later workplace day was missed.
    then = Urenoverzicht.from_traject(NOOR, OKTOBER, today="2025-10-26")
    later = Urenoverzicht.from_traject(
        NOOR, OKTOBER, schooljaar=Schooljaar(2025), today="2026-12-04"
    )
    assert later.today == pendulum.date(2025, 10, 26)
    assert later.werkelijk_gemiddelde == then.werkelijk_gemiddelde == pytest.approx(22.6)
    assert later.prognose == pytest.approx(then.prognose)
    report = duaal_leren.validate(OKTOBER, today="2026-12-04", trajecten=[NOOR])
    assert [f.code for f in report.findings if f.code == "uren-werkelijk"] == []
