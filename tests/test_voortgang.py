"""Learning progress: the roll-up rule, per competence and per traject, risk and focus."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from random import Random

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from duaal_leren import Competentie, FieldError, Leerplaats, Traject
from duaal_leren.opvolging import (
    Beheersingsschaal,
    Beoordelaar,
    Gesprekslocatie,
    Gespreksstatus,
    NietAanleerbaar,
    Niveau,
    Observatie,
    Opvolgingsgesprek,
)
from duaal_leren.voortgang import (
    ROW_HEADER,
    Rollup,
    Status,
    TrajectVoortgang,
    geschiedenis,
    planwijzigingen,
    tijdlijn,
)
from opvolging_strategies import observaties, trajecten_met_gesprekken

D = pendulum.date
START = D(2025, 9, 1)
M, VK, TB, L = (
    Beoordelaar.MENTOR,
    Beoordelaar.VAKLEERKRACHT,
    Beoordelaar.TRAJECTBEGELEIDER,
    Beoordelaar.LERENDE,
)


def small_traject(
    traject: Traject,
    n: int = 10,
    *,
    start: pendulum.Date = START,
    days: int = 100,
    gesprekken: tuple[Opvolgingsgesprek, ...] = (),
    **plan: object,
) -> Traject:
    """The example traject with a plan of ``n`` plain competences C01.. learned at work."""
    competenties = tuple(
        Competentie(f"C{i:02d}", f"competentie {i}", Leerplaats.WERKPLEK) for i in range(1, n + 1)
    )
    return attrs.evolve(
        traject,
        overeenkomst=attrs.evolve(traject.overeenkomst, start=start, einde=start.add(days=days)),
        opleidingsplan=attrs.evolve(
            traject.opleidingsplan,
            **{
                "competenties": competenties,
                "startcompetenties": (),
                "verplaatst": (),
                "toegevoegd": (),
                **plan,
            },
        ),
        opvolgingsgesprekken=gesprekken,
    )


def held(datum: pendulum.Date, *ratings: Observatie, **kwargs: object) -> Opvolgingsgesprek:
    return Opvolgingsgesprek(
        datum, Gesprekslocatie.WERKPLEK, Gespreksstatus.GEHOUDEN, observaties=ratings, **kwargs
    )


def rate(code: str, niveau: int, who: Beoordelaar = M, **kwargs: object) -> Observatie:
    return Observatie(code, niveau, who, **kwargs)


# --- the roll-up rule ----------------------------------------------------------------------


def test_the_latest_rating_of_mentor_or_school_sets_the_level() -> None:
    history = [rate("A", 2, VK), rate("A", 3, M), rate("A", 1, TB), rate("A", 4, L)]
    chosen = Rollup().choose(history)
    assert chosen is history[2]


def test_an_override_wins_over_later_ratings() -> None:
    override = rate("A", 3, TB, vastgesteld=True)
    history = [rate("A", 1, M), override, rate("A", 2, M), rate("A", 4, VK)]
    assert Rollup().choose(history) is override


def test_a_self_assessment_never_counts_not_even_as_override() -> None:
    assert Rollup().choose([rate("A", 4, L), rate("A", 4, L, vastgesteld=True)]) is None
    mentor = rate("A", 2, M)
    assert Rollup().choose([mentor, rate("A", 4, L, vastgesteld=True)]) is mentor


def test_the_rule_can_count_fewer_raters_but_never_the_learner() -> None:
    history = [rate("A", 3, VK), rate("A", 2, M)]
    assert Rollup(beoordelaars=[VK]).choose(history) is history[0]
    assert Rollup(beoordelaars={M, TB}).beoordelaars == frozenset({M, TB})
    with pytest.raises(ValueError, match="zelfevaluatie") as info:
        Rollup(beoordelaars=[M, L])
    assert isinstance(info.value, FieldError)
    assert "self-assessment" in info.value.text("en")


ratings = st.lists(observaties(["A"]), max_size=12)


@given(ratings, st.lists(observaties(["A"], beoordelaar=st.just(L)), max_size=6), st.randoms())
def test_property_self_assessments_never_change_the_level(
    base: list[Observatie], selfs: list[Observatie], random: Random
) -> None:
    mixed = base + selfs
    random.shuffle(mixed)
    # Shuffling changes the order of the others too; compare against the same order.
    without = [o for o in mixed if not o.zelfevaluatie]
    assert Rollup().choose(mixed) is Rollup().choose(without)
    chosen = Rollup().choose(mixed)
    assert chosen is None or not chosen.zelfevaluatie


@given(ratings, observaties(["A"], beoordelaar=st.sampled_from([M, VK, TB])), ratings)
def test_property_an_override_always_wins(
    before: list[Observatie], override: Observatie, after: list[Observatie]
) -> None:
    override = attrs.evolve(override, vastgesteld=True)
    later = [attrs.evolve(o, vastgesteld=False) for o in after]
    assert Rollup().choose([*before, override, *later]) is override


@given(ratings)
def test_property_without_override_the_latest_counted_rating_wins(
    history: list[Observatie],
) -> None:
    plain = [attrs.evolve(o, vastgesteld=False) for o in history]
    counted = [o for o in plain if not o.zelfevaluatie]
    assert Rollup().choose(plain) is (counted[-1] if counted else None)


@given(trajecten_met_gesprekken(), st.data())
def test_property_a_traject_without_self_assessments_has_the_same_progress(
    traject: Traject, data: st.DataObject
) -> None:
    today = data.draw(st.dates(traject.overeenkomst.start, traject.overeenkomst.einde))
    day = D(today.year, today.month, today.day)
    stripped = attrs.evolve(
        traject,
        opvolgingsgesprekken=tuple(
            attrs.evolve(g, observaties=tuple(o for o in g.observaties if not o.zelfevaluatie))
            for g in traject.opvolgingsgesprekken
        ),
    )
    full, bare = (
        TrajectVoortgang.from_traject(traject, today=day),
        TrajectVoortgang.from_traject(stripped, today=day),
    )
    assert [(i.code, i.niveau, i.status) for i in full.competenties] == [
        (i.code, i.niveau, i.status) for i in bare.competenties
    ]
    assert full.risico == bare.risico
    assert [i.code for i in full.leerfocus] == [i.code for i in bare.leerfocus]
    for item in full.competenties:
        assert item.bron is None or not item.bron.zelfevaluatie
        assert item.zelfevaluatie is None or item.zelfevaluatie.zelfevaluatie


@given(trajecten_met_gesprekken(), st.data())
def test_property_an_override_in_a_held_conversation_sets_the_level(
    traject: Traject, data: st.DataObject
) -> None:
    codes = traject.opleidingsplan.codes
    if not codes:
        return
    code = data.draw(st.sampled_from(codes))
    scale = traject.beheersingsschaal or Beheersingsschaal.standaard()
    level = data.draw(st.sampled_from(scale.waarden))
    last = max(
        [g.datum for g in traject.opvolgingsgesprekken]
        + [o.datum for g in traject.opvolgingsgesprekken for o in g.observaties if o.datum]
        + [traject.overeenkomst.start]
    )
    override = held(last.add(days=1), rate(code, level, TB, vastgesteld=True))
    with_override = attrs.evolve(
        traject, opvolgingsgesprekken=(*traject.opvolgingsgesprekken, override)
    )
    item = TrajectVoortgang.from_traject(with_override, today=last.add(days=1)).competentie(code)
    assert item.niveau == level
    assert item.beheerst == scale.beheerst(level)


# --- one competence ------------------------------------------------------------------------


def test_levels_self_assessment_and_history_of_the_example(traject: Traject) -> None:
    v = TrajectVoortgang.from_traject(traject, today="2025-12-01")
    elt03 = v.competentie("ELT-03")
    assert (elt03.niveau, elt03.label, elt03.status) == (
        2,
        "kan het onder begeleiding",
        Status.BEZIG,
    )
    assert elt03.bron is not None
    assert elt03.bron.beoordelaar is M
    assert elt03.zelfevaluatie is not None
    assert elt03.zelfevaluatie.niveau == 3  # shown beside, not counted
    assert [(o.niveau, o.beoordelaar) for o in elt03.geschiedenis] == [(2, M), (3, L)]
    later = TrajectVoortgang.from_traject(traject, today="2026-02-28").competentie("ELT-03")
    assert (later.niveau, later.status) == (3, Status.BEHEERST)
    with pytest.raises(KeyError):
        v.competentie("ELT-99")


def test_a_later_rating_of_the_mentor_overrules_an_earlier_one_of_the_teacher(
    traject: Traject,
) -> None:
    elt07 = TrajectVoortgang.from_traject(traject, today="2026-02-28").competentie("ELT-07")
    assert [(o.datum, o.beoordelaar, o.niveau) for o in elt07.geschiedenis] == [
        (D(2026, 1, 30), VK, 2),
        (D(2026, 2, 5), M, 3),
    ]
    assert elt07.niveau == 3


def test_startcompetenties_are_mastered_without_a_rating(traject: Traject) -> None:
    item = TrajectVoortgang.from_traject(traject, today="2025-09-01").competentie("ELT-01")
    assert item.startcompetentie
    assert item.status is Status.BEHEERST
    assert item.niveau is None


def test_ratings_after_today_and_of_cancelled_conversations_do_not_count(traject: Traject) -> None:
    t = small_traject(
        traject,
        gesprekken=(
            held(D(2025, 10, 1), rate("C01", 3)),
            attrs.evolve(held(D(2025, 10, 8), rate("C02", 3)), status=Gespreksstatus.GEANNULEERD),
            Opvolgingsgesprek(
                D(2025, 10, 20), Gesprekslocatie.ONLINE, observaties=(rate("C03", 3),)
            ),
        ),
    )
    assert (
        TrajectVoortgang.from_traject(t, today="2025-09-30").competentie("C01").status
        is Status.NIET_GESTART
    )
    on = TrajectVoortgang.from_traject(t, today="2025-10-31")
    assert on.competentie("C01").niveau == 3
    assert on.competentie("C02").status is Status.NIET_GESTART  # cancelled
    assert on.competentie("C03").niveau == 3  # planned, but the rating was recorded
    assert set(geschiedenis(t, today="2025-10-31")) == {"C01", "C03"}


def test_overdue_means_termijn_passed_and_not_mastered(traject: Traject) -> None:
    before = TrajectVoortgang.from_traject(traject, today="2026-02-13")
    assert not before.competentie("ELT-13").achterstallig
    after = TrajectVoortgang.from_traject(traject, today="2026-02-14")
    assert [i.code for i in after.achterstallig] == ["ELT-13"]
    mastered = TrajectVoortgang.from_traject(traject, today="2026-06-30")
    assert not mastered.competentie("ELT-13").achterstallig
    assert [i.code for i in mastered.achterstallig] == ["ELT-14", "ELT-X1"]


def test_a_traject_with_its_own_scale_uses_its_threshold(traject: Traject) -> None:
    scale = Beheersingsschaal(
        tuple(Niveau(w, f"niveau {w}") for w in range(1, 6)), drempel=4, naam="vijf"
    )
    t = attrs.evolve(traject, beheersingsschaal=scale)
    item = TrajectVoortgang.from_traject(t, today="2026-06-30").competentie("ELT-24")
    assert (item.niveau, item.label, item.status) == (4, "niveau 4", Status.BEHEERST)
    assert (
        TrajectVoortgang.from_traject(t, today="2026-06-30").competentie("ELT-02").status
        is Status.BEZIG
    )


# --- the traject ---------------------------------------------------------------------------


def test_counts_and_progress_per_leerplaats(traject: Traject) -> None:
    v = TrajectVoortgang.from_traject(traject, today="2026-06-30")
    counts = v.telling()
    assert (counts.beheerst, counts.bezig, counts.niet_gestart, counts.totaal) == (15, 2, 11, 28)
    assert len(v.beheerst) == 15
    assert [i.code for i in v.bezig] == ["ELT-14", "ELT-15"]
    assert len(v.niet_gestart) == 11
    per = {p.value: (t.beheerst, t.bezig, t.niet_gestart) for p, t in v.per_leerplaats().items()}
    assert per == {
        "school": (4, 0, 2),
        "werkplek": (6, 1, 5),
        "beide": (5, 1, 3),
        "extern": (0, 0, 1),
    }


def test_the_risk_flag_compares_time_passed_with_competences_mastered(traject: Traject) -> None:
    # 10 competences over 100 days: on day 30, 2 mastered is 10 points behind.
    gesprekken = (held(D(2025, 9, 15), rate("C01", 3), rate("C02", 4), rate("C03", 2)),)
    t = small_traject(traject, gesprekken=gesprekken)
    on = TrajectVoortgang.from_traject(t, today=D(2025, 10, 1))
    assert on.risico.aandeel_tijd == pytest.approx(0.3)
    assert on.risico.aandeel_beheerst == pytest.approx(0.2)
    assert on.risico.achterstand == pytest.approx(10)
    assert on.risico.vlag
    assert "30%" in on.risico.reden
    assert "20%" in on.risico.reden
    assert "10 procentpunten achter" in on.risico.reden
    assert "percentage points behind" in on.risico.text("en")
    assert not TrajectVoortgang.from_traject(t, today=D(2025, 10, 1), risicodrempel=11).risico.vlag
    # One more mastered competence: no longer behind.
    better = attrs.evolve(
        t, opvolgingsgesprekken=(*gesprekken, held(D(2025, 9, 20), rate("C04", 3)))
    )
    calm = TrajectVoortgang.from_traject(better, today=D(2025, 10, 1)).risico
    assert not calm.vlag
    assert "binnen de drempel" in calm.reden
    assert "within the threshold" in calm.reden_en


@pytest.mark.parametrize("drempel", [float("nan"), float("inf"), -0.5, 100.5])
def test_the_risk_threshold_is_a_finite_number_from_0_to_100(
    traject: Traject, drempel: float
) -> None:
    with pytest.raises(FieldError) as info:
        TrajectVoortgang.from_traject(traject, today=D(2026, 2, 28), risicodrempel=drempel)
    assert info.value.field == "risicodrempel"
    assert "0 tot 100" in str(info.value)
    assert "from 0 to 100" in info.value.text("en")
    for edge in (0, 100):
        assert (
            TrajectVoortgang.from_traject(
                traject, today=D(2026, 2, 28), risicodrempel=edge
            ).risico.drempel
            == edge
        )


def test_time_is_clipped_to_the_contract(traject: Traject) -> None:
    t = small_traject(traject)
    assert TrajectVoortgang.from_traject(t, today=D(2025, 8, 1)).risico.aandeel_tijd == 0.0
    assert TrajectVoortgang.from_traject(t, today=D(2027, 1, 1)).risico.aandeel_tijd == 1.0
    # Nothing mastered before the start is no risk yet.
    assert not TrajectVoortgang.from_traject(t, today=D(2025, 8, 1)).risico.vlag


def test_startcompetenties_are_left_out_of_the_risk_shares(traject: Traject) -> None:
    t = small_traject(traject, n=4, startcompetenties=("C01", "C02"))
    v = TrajectVoortgang.from_traject(t, today=D(2025, 9, 1))
    assert v.telling().beheerst == 2
    assert v.risico.aandeel_beheerst == 0.0
    everything = small_traject(traject, n=2, startcompetenties=("C01", "C02"))
    assert (
        TrajectVoortgang.from_traject(everything, today=D(2025, 12, 1)).risico.aandeel_beheerst
        == 1.0
    )


def test_the_suggested_focus_follows_prerequisites_termijnen_and_the_workplace(
    traject: Traject,
) -> None:
    v = TrajectVoortgang.from_traject(traject, today="2025-12-01")
    codes = [i.code for i in v.leerfocus]
    # Nearest termijn first, then what is in progress, then plan order.
    assert codes == ["ELT-03", "ELT-08", "ELT-07", "ELT-09", "ELT-15"]
    for item in v.leerfocus:
        assert not item.beheerst
        assert item.competentie.leerplaats.op_werkplek
        assert all(v.competentie(r).beheerst for r in item.competentie.vereisten)
    # ELT-11 needs ELT-07, not yet mastered; ELT-02 is learned at school only.
    assert "ELT-11" not in codes
    assert (
        TrajectVoortgang.from_traject(traject, today="2025-12-01", max_leerfocus=2).leerfocus
        == v.leerfocus[:2]
    )


def test_a_competence_that_can_no_longer_be_taught_at_work_is_not_suggested(
    traject: Traject,
) -> None:
    t = small_traject(
        traject,
        n=3,
        gesprekken=(
            held(
                D(2025, 10, 1),
                rate("C01", 2),
                niet_aanleerbaar=(NietAanleerbaar("C02", Leerplaats.WERKPLEK),),
            ),
        ),
    )
    assert [i.code for i in TrajectVoortgang.from_traject(t, today=D(2025, 10, 2)).leerfocus] == [
        "C01",
        "C03",
    ]
    assert [i.code for i in TrajectVoortgang.from_traject(t, today=D(2025, 9, 30)).leerfocus] == [
        "C01",
        "C02",
        "C03",
    ]


def test_the_progress_over_time(traject: Traject) -> None:
    points = tijdlijn(traject, today="2026-03-01")
    assert [(p.datum.isoformat(), p.beheerst) for p in points] == [
        ("2025-09-01", 0),
        ("2025-11-14", 2),
        ("2025-11-20", 4),
        ("2026-01-30", 5),
        ("2026-02-05", 8),
        ("2026-03-01", 8),
    ]
    assert all(p.totaal == 26 for p in points)
    assert points[-1].aandeel_beheerst == pytest.approx(8 / 26)
    shares = [p.aandeel_tijd for p in points]
    assert shares == sorted(shares)
    # After the contract the line stops at its end.
    assert tijdlijn(traject, today="2027-01-01")[-1].datum == traject.overeenkomst.einde


def test_plan_changes_asked_by_held_conversations(traject: Traject) -> None:
    assert planwijzigingen(traject, today="2026-04-22") == ()
    [move] = planwijzigingen(traject, today="2026-06-30")
    assert (move.code, move.van, move.naar) == ("ELT-16", Leerplaats.WERKPLEK, Leerplaats.SCHOOL)
    assert move.reden is not None
    assert "verwarmingstoestellen" in move.reden
    # Once the plan made the move, nothing is asked any more.
    plan = traject.opleidingsplan
    moved = tuple(
        attrs.evolve(c, leerplaats=Leerplaats.SCHOOL) if c.code == "ELT-16" else c
        for c in plan.competenties
    )
    done = attrs.evolve(traject, opleidingsplan=attrs.evolve(plan, competenties=moved))
    assert planwijzigingen(done, today="2026-06-30") == ()


# --- output --------------------------------------------------------------------------------


def test_text_in_two_languages(traject: Traject) -> None:
    v = TrajectVoortgang.from_traject(traject, today="2026-02-28")
    text = v.text()
    assert text.splitlines()[0] == (
        "Voortgang van traject TRJ-2025-0042 (lerende LRN-2025-0042) op 2026-02-28"
    )
    assert "Achterstallig: ELT-13 (termijn 2026-02-13)" in text
    assert "Risico: JA;" in text
    assert (
        "ELT-03  beheerst      3 beheerst voldoende (mentor, 2026-02-05); zelfevaluatie 3" in text
    )
    assert str(v) == text
    english = v.text("en")
    assert "Overdue: ELT-13" in english
    assert "self-assessment 3" in english
    # No personal data: the learner appears only by id.
    assert "Lotte" not in text


def test_json_data(traject: Traject) -> None:
    data = json.loads(
        json.dumps(TrajectVoortgang.from_traject(traject, today="2026-02-28").to_dict("en"))
    )
    assert data["telling"] == {"beheerst": 10, "bezig": 4, "niet-gestart": 14, "totaal": 28}
    assert data["risico"]["vlag"] is True
    assert data["risico"]["reden"].startswith("60% of the contract period")
    assert data["achterstallig"] == ["ELT-13"]
    elt03 = next(c for c in data["competenties"] if c["code"] == "ELT-03")
    assert (elt03["niveau"], elt03["zelfevaluatie"], elt03["beoordelaar"]) == (3, 3, "mentor")
    assert len(elt03["geschiedenis"]) == 3


def test_csv_rows_and_atomic_file(traject: Traject, tmp_path: Path) -> None:
    v = TrajectVoortgang.from_traject(traject, today="2026-02-28")
    rows = list(csv.reader(io.StringIO(v.csv())))
    assert tuple(rows[0]) == ROW_HEADER
    assert len(rows) == 29
    elt13 = dict(zip(ROW_HEADER, next(r for r in rows if r[0] == "ELT-13"), strict=True))
    assert elt13["status"] == "bezig"
    assert elt13["achterstallig"] == "ja"
    assert elt13["zelfevaluatie"] == "3"
    path = v.to_csv(tmp_path / "voortgang.csv", delimiter=";")
    assert path.read_text(encoding="utf-8").startswith("code;omschrijving;leerplaats")
    assert [p.name for p in tmp_path.iterdir()] == ["voortgang.csv"]


def test_csv_text_that_looks_like_a_formula_stays_text(traject: Traject) -> None:
    plan = traject.opleidingsplan
    first = attrs.evolve(plan.competenties[0], omschrijving='=HYPERLINK("http://x")')
    second = attrs.evolve(plan.competenties[1], omschrijving="-2+3 bij elke stap")
    odd = attrs.evolve(
        traject,
        opleidingsplan=attrs.evolve(plan, competenties=(first, second, *plan.competenties[2:])),
    )
    rows = list(
        csv.reader(io.StringIO(TrajectVoortgang.from_traject(odd, today="2026-02-28").csv()))
    )
    assert rows[1][1] == '\'=HYPERLINK("http://x")'
    assert rows[2][1] == "'-2+3 bij elke stap"
    # Levels stay numbers.
    elt03 = dict(zip(ROW_HEADER, next(r for r in rows if r[0] == "ELT-03"), strict=True))
    assert elt03["niveau"] == "3"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_page_is_self_contained_and_escaped(traject: Traject, tmp_path: Path) -> None:
    plan = traject.opleidingsplan
    nasty = tuple(
        attrs.evolve(c, omschrijving="<script>alert(1)</script> & co") if c.code == "ELT-02" else c
        for c in plan.competenties
    )
    t = attrs.evolve(traject, opleidingsplan=attrs.evolve(plan, competenties=nasty))
    page = TrajectVoortgang.from_traject(t, today="2026-02-28").html()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "link" not in parser.tags
    assert "<script>alert(1)</script> & co" in "".join(parser.text)
    assert "http" not in page
    path = TrajectVoortgang.from_traject(t, today="2026-02-28").to_html(
        tmp_path / "v.html", lang="en"
    )
    assert '<html lang="en">' in path.read_text(encoding="utf-8")


def test_csv_and_html_as_text_without_a_path(traject: Traject, tmp_path: Path) -> None:
    v = TrajectVoortgang.from_traject(traject, today="2026-02-28")
    # One scheme: to_csv() and to_html() give the text; with a path they write it.
    assert v.to_csv() == v.csv()
    assert v.to_csv(delimiter=";") == v.csv(";")
    assert v.to_html() == v.html()
    assert v.to_html(lang="en") == v.html("en")
    path = v.to_csv(tmp_path / "v.csv")
    assert path.read_bytes().decode("utf-8") == v.to_csv()


def test_progress_as_a_dataframe(traject: Traject) -> None:
    v = TrajectVoortgang.from_traject(traject, today="2026-02-28")
    frame = v.to_dataframe()
    assert frame.index.name == "code"
    assert list(frame.index) == [item.code for item in v.competenties]
    assert list(frame.columns) == list(ROW_HEADER[1:])
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert dtypes["niveau"] == dtypes["zelfevaluatie"] == "Int64"
    assert dtypes["termijn"] == dtypes["datum"] == "datetime64[ns]"
    assert dtypes["startcompetentie"] == dtypes["achterstallig"] == "boolean"
    assert dtypes["status"] == dtypes["omschrijving"] == "string"
    assert frame.loc["ELT-13", "achterstallig"]
    assert frame.loc["ELT-13", "status"] == "bezig"
    assert str(frame.loc["ELT-13", "termijn"].date()) == "2026-02-13"
    # Counted the same as the object counts.
    assert (frame["status"] == "beheerst").sum() == v.telling().beheerst == 10
    assert frame["niveau"].isna().sum() == sum(1 for item in v.competenties if item.niveau is None)


def test_progress_repr_and_notebook_view(traject: Traject) -> None:
    v = TrajectVoortgang.from_traject(traject, today="2026-02-28")
    assert repr(v) == (
        "TrajectVoortgang(traject='TRJ-2025-0042', lerende='LRN-2025-0042', "
        "datum='2026-02-28', beheerst='10/28', achterstallig=1, risico=True)"
    )
    html = v._repr_html_()
    assert html.startswith('<div class="dl-view" lang="nl"><style>')
    assert "<h3>Voortgang van traject TRJ-2025-0042 (2026-02-28)</h3>" in html
    assert '<p class="risico">Risico: 60% van de contractperiode' in html
    # The legend explains the row colours.
    for text in ("beheerst", "bezig", "niet gestart", "achterstallig"):
        assert f"></span>{text}</li>" in html
    assert "Lotte" not in html
