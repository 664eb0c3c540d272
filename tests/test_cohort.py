"""A cohort of trajecten: loading, filtering, the learner x competence matrix and its exports."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tracemalloc
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pendulum
import pytest

import duaal_leren
from duaal_leren import Traject
from duaal_leren.cohort import Cohort, CohortError, Matrix
from duaal_leren.opvolging import Beheersingsschaal
from duaal_leren.voortgang import Status
from opvolging_strategies import genereer_cohort

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BROKEN = Path(__file__).parent / "data" / "traject-kapot.yaml"
TODAY = pendulum.date(2026, 3, 1)


@pytest.fixture(scope="module")
def voorbeelden() -> Cohort:
    # Lotte's and Milan's: the figures below are computed by hand for these two.
    return Cohort.load(EXAMPLES / "traject-lotte.yaml", EXAMPLES / "traject-milan.yaml")


@pytest.fixture(scope="module")
def dertig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with 32 generated trajecten, beside a standard plan and other YAML."""
    folder = tmp_path_factory.mktemp("cohort")
    bases = [
        duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml"),
        duaal_leren.load_traject(EXAMPLES / "traject-milan.yaml"),
    ]
    for traject in genereer_cohort(bases, 32):
        sub = folder / ("a" if traject.id[-1] in "02468" else "b")
        sub.mkdir(exist_ok=True)
        duaal_leren.save(traject, sub / f"{traject.id}.yaml")
    shutil.copy(EXAMPLES / "standaardplan-elektrotechniek.yaml", folder)
    (folder / "ci.yaml").write_text("jobs: {}\n", encoding="utf-8")
    return folder


# --- loading and filtering -----------------------------------------------------------------


def test_a_directory_gives_its_trajecten_only(voorbeelden: Cohort) -> None:
    assert [t.id for t in voorbeelden] == ["TRJ-2025-0042", "TRJ-2025-0057"]
    assert len(voorbeelden) == 2
    # The folder holds a standard plan, a calendar and a conversation record beside them.
    folder = Cohort.load(EXAMPLES)
    files = sorted(EXAMPLES.glob("traject-*.yaml"))
    assert [t.id for t in folder] == [duaal_leren.load_traject(f).id for f in files]
    assert {"TRJ-2025-0042", "TRJ-2025-0057"} <= {t.id for t in folder}


def test_files_and_directories_can_be_mixed(dertig: Path) -> None:
    cohort = Cohort.load(dertig / "a", EXAMPLES / "traject-lotte.yaml")
    assert len(cohort) == 17
    assert cohort.trajecten[-1].id == "TRJ-2025-0042"


def test_every_unreadable_file_is_reported_together(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "traject-lotte.yaml", tmp_path / "goed.yaml")
    (tmp_path / "kapot.yaml").write_text("schema: duaal-leren/traject@1\nid: [\n", encoding="utf-8")
    (tmp_path / "leeg.json").write_text('{"schema": "duaal-leren/traject@1"}', encoding="utf-8")
    with pytest.raises(CohortError) as info:
        Cohort.load(tmp_path, EXAMPLES / "standaardplan-elektrotechniek.yaml")
    sources = [Path(e.source).name for e in info.value.errors]
    assert sources == ["kapot.yaml", "leeg.json", "standaardplan-elektrotechniek.yaml"]
    assert "kapot.yaml" in str(info.value)
    assert "problem" in info.value.text("en")
    assert isinstance(info.value, duaal_leren.DuaalLerenError)


def test_the_same_traject_twice_is_reported(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        shutil.copy(EXAMPLES / "traject-lotte.yaml", tmp_path / name)
    with pytest.raises(CohortError) as info:
        Cohort.load(tmp_path)
    assert [e.source for e in info.value.errors] == [
        str(tmp_path / "b.yaml"),
        str(tmp_path / "c.yaml"),
    ]
    problem = info.value.errors[0].problems[0]
    assert (problem.path, problem.code) == ("$.id", "dubbel-traject")
    assert problem.message == (
        f"traject TRJ-2025-0042 komt twee keer voor (ook in {tmp_path / 'a.yaml'})"
    )
    assert problem.message_en.startswith("traject TRJ-2025-0042 occurs twice")
    with pytest.raises(CohortError):
        Cohort.load(EXAMPLES / "traject-lotte.yaml", EXAMPLES)


def test_hidden_folders_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".oud").mkdir()
    shutil.copy(BROKEN, tmp_path / ".oud" / "kapot.yaml")
    shutil.copy(EXAMPLES / "traject-milan.yaml", tmp_path)
    assert [t.id for t in Cohort.load(tmp_path)] == ["TRJ-2025-0057"]


def test_filter_by_school_mentor_trajectbegeleider_and_course(voorbeelden: Cohort) -> None:
    def ids(cohort: Cohort) -> list[str]:
        return [t.id for t in cohort]

    assert ids(voorbeelden.filter(mentor="Hilde  WUYTS")) == ["TRJ-2025-0057"]
    assert ids(voorbeelden.filter(trajectbegeleider="ann de smet")) == ["TRJ-2025-0042"]
    assert len(voorbeelden.filter(school="Technisch Instituut De Vonk (fictief)")) == 2
    assert len(voorbeelden.filter(school="999991")) == 2
    assert len(voorbeelden.filter(opleiding="elektrotechnisch installateur duaal")) == 2
    assert len(voorbeelden.filter(opleiding="elektrotechnisch-installateur-duaal")) == 2
    assert ids(voorbeelden.filter(school="999991", mentor="Koen Vermeulen")) == ["TRJ-2025-0042"]
    assert (
        ids(voorbeelden.filter(mentor="Koen Vermeulen", trajectbegeleider="Pieter Goossens")) == []
    )
    assert voorbeelden.filter() == voorbeelden


def test_filter_skips_trajecten_without_the_person(voorbeelden: Cohort) -> None:
    zonder = attrs.evolve(voorbeelden.trajecten[0], mentor=None)
    cohort = Cohort((zonder, voorbeelden.trajecten[1]))
    assert [t.id for t in cohort.filter(mentor="Koen Vermeulen")] == []


# --- the matrix ----------------------------------------------------------------------------


def test_the_matrix_holds_every_learner_and_competence(voorbeelden: Cohort) -> None:
    matrix = voorbeelden.matrix(today=TODAY)
    assert matrix.lerenden == ("LRN-2025-0042", "LRN-2025-0057")
    assert matrix.trajecten == ("TRJ-2025-0042", "TRJ-2025-0057")
    # Lotte's plan order first, then what only Milan has.
    assert matrix.competenties[:3] == ("ELT-01", "ELT-02", "ELT-03")
    assert matrix.competenties[-2:] == ("ELT-X1", "ELT-18")
    assert len(matrix.cellen) == 2
    assert all(len(row) == len(matrix.competenties) for row in matrix.cellen)
    assert matrix.schaal is not None
    assert matrix.schaal.drempel == 3


def test_cells_show_level_status_and_what_is_not_in_the_plan(voorbeelden: Cohort) -> None:
    matrix = voorbeelden.matrix(today=TODAY)
    lotte = matrix.cel("LRN-2025-0042", "ELT-13")
    assert (lotte.niveau, lotte.status, lotte.achterstallig, lotte.zelfevaluatie) == (
        2,
        Status.BEZIG,
        True,
        3,
    )
    assert lotte.text == "2"
    assert lotte.fractie == pytest.approx(1 / 3)
    start = matrix.cel("LRN-2025-0042", "ELT-01")
    assert (start.text, start.status, start.startcompetentie) == ("S", Status.BEHEERST, True)
    assert matrix.cel("LRN-2025-0042", "ELT-05").text == ""
    weg = matrix.cel("LRN-2025-0042", "ELT-18")  # left out of Lotte's plan
    assert (weg.text, weg.in_plan) == ("-", False)
    assert matrix.cel("LRN-2025-0057", "ELT-X1").text == "-"
    with pytest.raises(KeyError):
        matrix.cel("LRN-9999", "ELT-01")


def test_the_matrix_uses_each_learners_scale(voorbeelden: Cohort) -> None:
    strenger = attrs.evolve(Beheersingsschaal.standaard(), drempel=4)
    own = attrs.evolve(voorbeelden.trajecten[1], beheersingsschaal=strenger)
    matrix = Cohort((voorbeelden.trajecten[0], own)).matrix(today=TODAY)
    assert matrix.schaal is None  # two scales
    assert matrix.cel("LRN-2025-0057", "ELT-02").status is Status.BEZIG  # 3 is below 4 there
    assert matrix.cel("LRN-2025-0042", "ELT-02").status is Status.BEHEERST


def test_risk_per_learner(voorbeelden: Cohort) -> None:
    matrix = voorbeelden.matrix(today="2026-05-20")
    assert [r.vlag for r in matrix.risico] == [True, False]
    text = matrix.text()
    assert "! LRN-2025-0042: " in text
    assert "LRN-2025-0057:" not in text
    assert text.splitlines()[1].endswith("  !")


# --- exports -------------------------------------------------------------------------------


def test_csv_has_a_header_and_a_row_per_learner(voorbeelden: Cohort, tmp_path: Path) -> None:
    matrix = voorbeelden.matrix(today=TODAY)
    rows = list(csv.reader(io.StringIO(matrix.csv())))
    assert rows[0] == ["lerende", "traject", *matrix.competenties]
    assert [r[:2] for r in rows[1:]] == [
        ["LRN-2025-0042", "TRJ-2025-0042"],
        ["LRN-2025-0057", "TRJ-2025-0057"],
    ]
    lotte = dict(zip(rows[0], rows[1], strict=True))
    assert (lotte["ELT-01"], lotte["ELT-03"], lotte["ELT-05"], lotte["ELT-18"]) == (
        "S",
        "3",
        "",
        "-",
    )
    path = matrix.to_csv(tmp_path / "matrix.csv")
    assert path.read_bytes() == matrix.csv().encode("utf-8")
    assert path.read_bytes().count(b"\r\n") == 3


def test_csv_cells_are_never_formulas(voorbeelden: Cohort) -> None:
    lotte, milan = voorbeelden
    odd = Cohort(
        (
            attrs.evolve(lotte, id="=1+2", lerende=attrs.evolve(lotte.lerende, id="@SUM(A1)")),
            attrs.evolve(milan, id="+cmd|' /C calc'!A0"),
        )
    )
    rows = list(csv.reader(io.StringIO(odd.matrix(today=TODAY).csv())))
    assert [r[:2] for r in rows[1:]] == [
        ["'@SUM(A1)", "'=1+2"],
        ["LRN-2025-0057", "'+cmd|' /C calc'!A0"],
    ]
    # Levels and the marks of the matrix stay as they are.
    first = dict(zip(rows[0], rows[1], strict=True))
    assert (first["ELT-01"], first["ELT-03"], first["ELT-18"]) == ("S", "3", "-")


def test_csv_is_written_whole_or_not_at_all(
    voorbeelden: Cohort, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "matrix.csv"
    target.write_text("oud\n", encoding="utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="schijf vol"):
        voorbeelden.matrix(today=TODAY).to_csv(target)
    assert target.read_text(encoding="utf-8") == "oud\n"
    assert [p.name for p in tmp_path.iterdir()] == ["matrix.csv"]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.cells = 0
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "td":
            self.cells += 1
        for name, value in attrs:
            # Nothing is loaded from elsewhere.
            assert name not in ("src", "href"), (tag, name, value)


def test_html_is_self_contained_and_escaped(voorbeelden: Cohort, tmp_path: Path) -> None:
    odd = attrs.evolve(
        voorbeelden.trajecten[1],
        lerende=attrs.evolve(voorbeelden.trajecten[1].lerende, id='<b>"LRN"</b> & co'),
    )
    matrix = Cohort((voorbeelden.trajecten[0], odd)).matrix(today=TODAY)
    page = matrix.html()
    assert "<b>" not in page
    assert "&lt;b&gt;&quot;LRN&quot;&lt;/b&gt; &amp; co" in page
    parser = _Page()
    parser.feed(page)
    assert "script" not in parser.tags
    assert parser.cells == 2 * len(matrix.competenties)
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page
    assert "beheerst voldoende" in page  # the legend names the levels
    english = matrix.to_html(tmp_path / "matrix.html", lang="en").read_text(encoding="utf-8")
    assert "not in the plan" in english


def test_dataframe_of_levels_and_of_statuses(voorbeelden: Cohort) -> None:
    pd = pytest.importorskip("pandas")
    matrix = voorbeelden.matrix(today=TODAY)
    frame = matrix.to_dataframe()
    assert list(frame.index) == ["LRN-2025-0042", "LRN-2025-0057"]
    assert frame.index.name == "lerende"
    assert list(frame.columns) == list(matrix.competenties)
    assert str(frame["ELT-03"].dtype) == "Int64"
    assert frame.loc["LRN-2025-0042", "ELT-03"] == 3
    assert pd.isna(frame.loc["LRN-2025-0042", "ELT-01"])  # startcompetentie, no level
    assert pd.isna(frame.loc["LRN-2025-0042", "ELT-18"])  # not in the plan
    status = matrix.to_dataframe("status")
    assert status.loc["LRN-2025-0042", "ELT-01"] == "beheerst"
    assert status.loc["LRN-2025-0042", "ELT-13"] == "bezig"
    assert pd.isna(status.loc["LRN-2025-0042", "ELT-18"])
    with pytest.raises(ValueError, match="waarde"):
        matrix.to_dataframe("kleur")  # type: ignore[arg-type]


def test_without_pandas_the_dataframe_says_which_extra_to_install(
    voorbeelden: Cohort, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pandas" else real(name, *a)
    )
    with pytest.raises(ModuleNotFoundError, match=r"duaal-leren\[pandas\]"):
        voorbeelden.matrix(today=TODAY).to_dataframe()


def test_json_data(voorbeelden: Cohort) -> None:
    data = json.loads(json.dumps(voorbeelden.matrix(today=TODAY).to_dict()))
    assert data["datum"] == "2026-03-01"
    lotte = data["lerenden"][0]
    assert lotte["traject"] == "TRJ-2025-0042"
    assert lotte["niveaus"]["ELT-03"] == 3
    assert lotte["niveaus"]["ELT-01"] is None
    assert "ELT-18" not in lotte["niveaus"]
    assert lotte["status"]["ELT-01"] == "beheerst"


def test_a_cohort_of_thirty_generated_trajecten_exports_everywhere(
    dertig: Path, tmp_path: Path
) -> None:
    cohort = Cohort.load(dertig)
    assert len(cohort) == 32
    matrix = cohort.matrix(today="2026-06-30")
    assert len(matrix.lerenden) == 32
    assert len(set(matrix.lerenden)) == 32
    rows = list(csv.reader(io.StringIO(matrix.to_csv(tmp_path / "m.csv").read_text("utf-8"))))
    assert len(rows) == 33
    page = matrix.to_html(tmp_path / "m.html").read_text(encoding="utf-8")
    parser = _Page()
    parser.feed(page)
    assert parser.cells == 32 * len(matrix.competenties)
    pd = pytest.importorskip("pandas")
    frame = matrix.to_dataframe()
    assert frame.shape == (32, len(matrix.competenties))
    # The frame and the cells agree, level by level.
    for i, row in enumerate(matrix.cellen):
        for j, cel in enumerate(row):
            value = frame.iat[i, j]
            assert (pd.isna(value) and cel.niveau is None) or value == cel.niveau
    # Filtering narrows the matrix to the chosen mentor's learners.
    mentor = cohort.trajecten[0].mentor
    assert mentor is not None
    chosen = cohort.filter(mentor=mentor.naam)
    assert 0 < len(chosen) < 32
    assert all(t.mentor is not None and t.mentor.naam == mentor.naam for t in chosen)


def test_every_generated_traject_is_still_valid(dertig: Path) -> None:
    for traject in Cohort.load(dertig):
        report = duaal_leren.validate(traject, today="2026-06-30", select=["opvolging"])
        assert [f.code for f in report.findings if f.severity.value == "error"] == []


def test_matrix_of_an_empty_cohort() -> None:
    matrix = Cohort().matrix(today=TODAY)
    assert matrix == Matrix(TODAY, (), (), (), (), (), None)
    assert matrix.csv() == "lerende,traject\r\n"


def test_voortgang_of_every_traject(voorbeelden: Cohort) -> None:
    results = voorbeelden.voortgang(today=TODAY)
    assert [v.traject for v in results] == ["TRJ-2025-0042", "TRJ-2025-0057"]
    assert all(v.datum == TODAY for v in results)
    assert isinstance(voorbeelden.trajecten[0], Traject)


def test_an_empty_name_is_an_error_not_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An unset shell variable gives an empty name; it must not read whatever folder the
    # program happens to run in.
    shutil.copy(EXAMPLES / "traject-lotte.yaml", tmp_path / "lotte.yaml")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CohortError) as info:
        Cohort.load("")
    assert len(info.value.errors) == 1


def test_a_folder_scan_does_not_read_unrelated_files_whole(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "traject-lotte.yaml", tmp_path / "lotte.yaml")
    (tmp_path / "data.json").write_bytes(b"[" + b"0," * 5_000_000 + b"0]")
    tracemalloc.start()
    try:
        cohort = Cohort.load(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(cohort) == 1
    assert peak < 5_000_000


# --- notebook views and the one CSV/HTML scheme ----------------------------------------------


def test_cohort_and_matrix_reprs_are_short(voorbeelden: Cohort, dertig: Path) -> None:
    assert repr(voorbeelden) == "Cohort(trajecten=2, ids=['TRJ-2025-0042', 'TRJ-2025-0057'])"
    matrix = voorbeelden.matrix(today=TODAY)
    assert repr(matrix) == "Matrix(datum='2026-03-01', lerenden=2, competenties=29, risico=2)"
    big = Cohort.load(dertig)
    assert len(repr(big)) < 200
    assert repr(big).startswith("Cohort(trajecten=32, ids=[")
    assert len(repr(big.matrix(today=TODAY))) < 100


def test_cohort_shows_a_table_of_its_trajecten(voorbeelden: Cohort, dertig: Path) -> None:
    html = voorbeelden._repr_html_()
    assert html.startswith('<div class="dl-view" lang="nl"><style>')
    assert "<h3>Cohort: 2 trajecten</h3>" in html
    assert "<td>TRJ-2025-0057</td><td>LRN-2025-0057</td>" in html
    assert "Lotte" not in html
    assert "Peeters" not in html
    big = Cohort.load(dertig)
    assert big._html("nl", limit=10).count("<tr>") == 11
    assert "en nog 22" in big._html("nl", limit=10)


def test_matrix_notebook_table_has_its_style_and_explains_the_mark(voorbeelden: Cohort) -> None:
    matrix = voorbeelden.matrix(today=TODAY)
    html = matrix._repr_html_()
    # The legend swatches are sized and bordered by the view's own, scoped style.
    assert ".dl-view ul.legende span { display: inline-block; width: 1em;" in html
    assert ".dl-view .niet-gestart { background: repeating-linear-gradient" in html
    assert '<li><span class="niet-gestart"></span>niet beoordeeld</li>' in html
    # The red "!" is in the legend, and every learner at risk has the reason below.
    assert '<strong class="risico">!</strong>&nbsp;risico:' in html
    assert "<li><strong>LRN-2025-0042</strong>: " in html
    assert "<li><strong>LRN-2025-0057</strong>: " in html
    # Column headers carry the competence's description.
    assert 'title="Werkt veilig volgens de geldende voorschriften' in html
    assert matrix.omschrijving("ELT-01") == matrix.omschrijvingen[0]
    assert matrix.omschrijving("XXX") is None


def test_matrix_ids_do_not_wrap_in_a_narrow_window(voorbeelden: Cohort) -> None:
    # At 1200 px a learner id broke at its hyphens: "LRN- / 2025- / 0042 !".
    matrix = voorbeelden.matrix(today=TODAY)
    nowrap = 'style="white-space: nowrap"'
    for html in (matrix.html(), matrix.html("en"), matrix._repr_html_()):
        for lerende in matrix.lerenden:
            assert re.search(f'<th {nowrap} title="[^"]*">{lerende}', html), lerende
        assert f"<th {nowrap}>" in html  # the header of the learners' column


def test_matrix_csv_and_html_as_text_without_a_path(voorbeelden: Cohort, tmp_path: Path) -> None:
    matrix = voorbeelden.matrix(today=TODAY)
    assert matrix.to_csv() == matrix.csv()
    assert matrix.to_html(lang="en") == matrix.html("en")
    assert matrix.to_html(tmp_path / "m.html").read_text(encoding="utf-8") == matrix.html()
