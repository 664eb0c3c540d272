"""The rule engine: reports, selection, severities, custom rules, files and their output."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import attrs
import pendulum
import pytest

import duaal_leren
from duaal_leren import Leerplaats, Traject
from duaal_leren.exceptions import DocumentTypeError
from duaal_leren.validation import (
    RULES,
    Context,
    Hit,
    Registry,
    Report,
    Reports,
    RuleError,
    Severity,
    validate,
    validate_files,
)

EXAMPLES = Path(__file__).parent.parent / "examples"
BROKEN = Path(__file__).parent / "data" / "traject-kapot.yaml"
TODAY = "2025-10-01"


@pytest.fixture
def traject() -> Traject:
    return duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")


@pytest.fixture
def broken() -> Traject:
    return duaal_leren.load_traject(BROKEN)


def test_a_broken_document_reports_every_finding_at_once() -> None:
    [report] = validate_files([BROKEN], today=TODAY)
    assert not report.passed
    assert set(report.codes()) == {"alloc-niet-gedekt", "mentor-ervaring", "verwijzing-onbekend"}
    assert all(f.severity is Severity.ERROR for f in report.errors)
    assert report.source == str(BROKEN)


def test_findings_are_data_with_both_languages_and_a_source(broken: Traject) -> None:
    report = validate(broken, today=TODAY)
    assert report.findings
    for finding in report.findings:
        assert finding.path.startswith("$.")
        assert finding.message
        assert finding.message_en
        assert finding.message != finding.message_en
        assert finding.source
        assert finding.text("en") == finding.message_en
    data = json.loads(report.to_json(lang="en"))
    assert data["passed"] is False
    assert {f["code"] for f in data["findings"]} == set(report.codes())
    assert all(f["message"] for f in data["findings"])


def test_report_prints_one_line_per_finding_and_a_verdict() -> None:
    [report] = validate_files([BROKEN], today=TODAY)
    lines = report.text("en").splitlines()
    assert lines[0].startswith(f"{BROKEN}:")
    assert len(lines) == len(report.findings) + 1
    assert lines[-1].endswith("failed: 3 errors, 0 warnings")
    assert "niet in orde" in str(report)
    assert "<table>" in report._repr_html_()


def test_warnings_do_not_fail_a_report(traject: Traject) -> None:
    late = attrs.evolve(
        traject, overeenkomst=attrs.evolve(traject.overeenkomst, start=pendulum.date(2025, 11, 3))
    )
    report = validate(late, today=TODAY, select=["lerende"])
    assert report.passed
    assert bool(report)
    assert [f.code for f in report.warnings] == ["lerende-start-laat"]


def test_findings_come_worst_first() -> None:
    broken = duaal_leren.load_traject(BROKEN)
    draft_plan = attrs.evolve(
        broken.opleidingsplan, handtekeningen=(), status=duaal_leren.Planstatus.ONTWERP
    )
    report = validate(attrs.evolve(broken, opleidingsplan=draft_plan), today=TODAY)
    ranks = [f.severity.rank for f in report.findings]
    assert ranks == sorted(ranks)
    assert Severity.WARNING in {f.severity for f in report.findings}


def test_select_and_ignore_by_code_or_word_prefix(broken: Traject) -> None:
    assert set(validate(broken, today=TODAY, select=["mentor"]).codes()) == {"mentor-ervaring"}
    assert set(validate(broken, today=TODAY, ignore=["mentor", "alloc"]).codes()) == {
        "verwijzing-onbekend"
    }
    assert validate(broken, today=TODAY, select=["mentor-ervaring"]).codes() == ["mentor-ervaring"]
    # A prefix matches whole words only: "ment" is no rule.
    with pytest.raises(RuleError, match="ment"):
        validate(broken, today=TODAY, select=["ment"])
    with pytest.raises(RuleError):
        validate(broken, today=TODAY, ignore=["nope"])


def test_severity_overrides_most_specific_wins(broken: Traject) -> None:
    report = validate(
        broken,
        today=TODAY,
        severity={"mentor": "info", "alloc": "warning", "alloc-niet-gedekt": "info"},
    )
    levels = {f.code: f.severity for f in report.findings}
    assert levels["mentor-ervaring"] is Severity.INFO
    assert levels["alloc-niet-gedekt"] is Severity.INFO
    assert levels["verwijzing-onbekend"] is Severity.ERROR
    with pytest.raises(RuleError):
        validate(broken, today=TODAY, severity={"nope": "info"})
    with pytest.raises(ValueError, match="loud"):
        validate(broken, today=TODAY, severity={"mentor": "loud"})


def test_today_makes_time_dependent_rules_reproducible(traject: Traject) -> None:
    pending = attrs.evolve(traject, mentor=attrs.evolve(traject.mentor, mentoropleiding=None))
    early = validate(pending, today="2026-01-01", select=["mentor-opleiding"])
    late = validate(pending, today=pendulum.date(2026, 9, 1), select=["mentor-opleiding"])
    assert early.passed
    assert early.findings[0].severity is Severity.INFO
    assert not late.passed


def test_load_problems_become_findings_with_the_same_shape(tmp_path: Path) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text("schema: duaal-leren/traject@1\nid: x\nonbekend: 1\n", encoding="utf-8")
    report, missing = validate_files([path, tmp_path / "missing.yaml"])
    assert not report.passed
    assert report.unreadable
    # Each finding keeps the code of its problem, as `load` gives it.
    assert {f.code for f in report.findings} == {"onbekend-veld", "ontbrekend-veld"}
    unknown = next(f for f in report.findings if f.path == "$.onbekend")
    assert unknown.line == 3
    assert unknown.severity is Severity.ERROR
    assert missing.unreadable
    assert missing.findings[0].code == "bestand-ontbreekt"


@pytest.mark.parametrize(
    "given",
    [
        str(EXAMPLES / "standaardplan-elektrotechniek.yaml"),
        EXAMPLES / "standaardplan-elektrotechniek.yaml",
        (EXAMPLES / "standaardplan-elektrotechniek.yaml").read_text(encoding="utf-8"),
        (EXAMPLES / "standaardplan-elektrotechniek.yaml").read_bytes(),
    ],
    ids=["str-path", "path", "text", "bytes"],
)
def test_validate_takes_models_and_points_paths_and_texts_to_the_files(given: object) -> None:
    # No guessing whether a str is a path or a document: files go through validate_files.
    with pytest.raises(DocumentTypeError) as info:
        validate(given)
    assert isinstance(info.value, TypeError)
    assert "validate_files" in info.value.text("en")


def test_validate_refuses_what_is_no_document() -> None:
    with pytest.raises(DocumentTypeError, match="dict"):
        validate({"schema": "duaal-leren/traject@1"})


def test_a_class_named_like_a_calendar_is_no_calendar() -> None:
    # The calendar rules run on SchooleigenKalender itself, not on any class of that name.
    fake = type("SchooleigenKalender", (), {"schooljaar": "2025-2026", "vrije_dagen": ()})()
    with pytest.raises(DocumentTypeError):
        validate(fake)


def test_a_schools_own_calendar_is_checked_by_the_calendar_rules() -> None:
    from duaal_leren.validation import Target

    eigen = duaal_leren.load(EXAMPLES / "schoolkalender-de-vonk-2025-2026.yaml")
    registry = Registry()

    @registry.rule(
        "eigen-kalender", titel="Gezien", severity="info", source="t", target="schoolkalender"
    )
    def gezien(ctx: Context) -> Iterator[Hit]:
        """Sees every calendar."""
        yield Hit("$", "gezien", "seen")

    assert registry["eigen-kalender"].target is Target.SCHOOLKALENDER
    assert validate(eigen, registry=registry).codes() == ["eigen-kalender"]


def test_a_custom_registry_and_decorator() -> None:
    registry = Registry()

    @registry.rule(
        "eigen-cluster",
        titel="Elke competentie hoort bij een cluster",
        titel_en="Every competence has a cluster",
        severity="warning",
        source="Sector agreement",
        target="plan",
        fix="Add a cluster.",
    )
    def eigen_cluster(ctx: Context) -> Iterator[Hit]:
        """Competences without a cluster cannot be shown in the sector tool."""
        assert ctx.plan is not None
        for i, c in enumerate(ctx.plan.competenties):
            if c.cluster is None:
                yield Hit(ctx.competentie_path(i), "geen cluster", "no cluster")

    plan = duaal_leren.load_standaardplan(EXAMPLES / "standaardplan-elektrotechniek.yaml")
    bare = attrs.evolve(plan.competenties[0], cluster=None)
    plan = attrs.evolve(plan, competenties=(bare, *plan.competenties[1:]))
    report = validate(plan, registry=registry)
    assert report.codes() == ["eigen-cluster"]
    assert report.findings[0].source == "Sector agreement"
    assert report.findings[0].severity is Severity.WARNING
    assert registry["eigen-cluster"].doc.startswith("Competences without")
    assert registry["eigen-cluster"].text() == "Elke competentie hoort bij een cluster"
    assert registry["eigen-cluster"].text("en") == "Every competence has a cluster"
    with pytest.raises(RuleError):
        registry.rule("eigen-cluster", titel="t", severity="error", source="s", target="plan")(
            lambda ctx: iter(())
        )


def test_rules_added_to_the_default_registry_run_by_default(traject: Traject) -> None:
    @RULES.rule(
        "test-altijd", titel="Altijd", severity="info", source="test", target="traject", fix="-"
    )
    def altijd(ctx: Context) -> Iterator[Hit]:
        """Reports every traject."""
        yield Hit("$", "altijd", "always")

    try:
        report = validate(traject, today=TODAY)
        assert report.codes() == ["test-altijd"]
        assert report.passed
    finally:
        RULES.remove("test-altijd")
    assert "test-altijd" not in RULES


def test_installed_packages_contribute_rules_through_entry_points(
    monkeypatch: pytest.MonkeyPatch, traject: Traject, tmp_path: Path
) -> None:
    def register(registry: Registry) -> None:
        @registry.rule(
            "sector-geen-zaterdag",
            titel="Geen zaterdagen",
            severity="error",
            source="Sector CAO",
            target="traject",
            fix="-",
        )
        def geen_zaterdag(ctx: Context) -> Iterator[Hit]:
            """The sector does not work on Saturdays."""
            assert ctx.traject is not None
            assert ctx.traject.weekpatroon is not None
            for i, dag in enumerate(ctx.traject.weekpatroon.dagen):
                if dag.dag is duaal_leren.Weekdag.ZATERDAG:
                    yield Hit(f"$.weekpatroon.dagen[{i}]", "zaterdag", "Saturday")

    # A package installed as pip installs one: its module, and its metadata declaring the
    # entry point, in a folder on sys.path.
    module = tmp_path / "sector_regels.py"
    module.write_text("register = None\n", encoding="utf-8")
    info = tmp_path / "sector_regels-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: sector-regels\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[duaal_leren.rules]\nsector = sector_regels:register\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import sector_regels  # type: ignore[import-not-found]

    monkeypatch.setattr(sector_regels, "register", register)
    monkeypatch.setattr(RULES, "_entry_points_loaded", False)
    try:
        assert "sector-geen-zaterdag" in RULES
        saturday = duaal_leren.Werkdag(
            duaal_leren.Weekdag.ZATERDAG, duaal_leren.WerkdagPlaats.WERKPLEK, 4
        )
        assert traject.weekpatroon is not None
        week = attrs.evolve(traject.weekpatroon, dagen=(*traject.weekpatroon.dagen, saturday))
        report = validate(attrs.evolve(traject, weekpatroon=week), today=TODAY, select=["sector"])
        assert report.codes() == ["sector-geen-zaterdag"]
    finally:
        RULES.remove("sector-geen-zaterdag")


def test_rules_stay_fast_on_a_large_plan() -> None:
    # Linear rules: 5,000 competences with prerequisites validate in one pass. (Timing
    # targets live in the benchmarks; this guards the behaviour at that size.)
    competenties = tuple(
        duaal_leren.Competentie(
            f"C{i:05d}", "x", Leerplaats.BEIDE, vereisten=(f"C{i - 1:05d}",) if i else ()
        )
        for i in range(5000)
    )
    plan = duaal_leren.StandaardOpleidingsplan("groot", "Groot", "1", competenties)
    report = validate(plan)
    assert report.passed
    assert report.findings == ()


def test_report_of_nothing_passes() -> None:
    assert Report(()).passed


def test_findings_of_a_file_carry_their_line() -> None:
    [report] = validate_files([BROKEN], today=TODAY)
    assert report.findings
    lines = BROKEN.read_text(encoding="utf-8").splitlines()
    for finding in report.findings:
        assert finding.line is not None
    mentor = next(f for f in report.findings if f.code == "mentor-ervaring")
    assert mentor.line is not None
    assert "ervaring_jaren: 3" in lines[mentor.line - 1]


def test_a_context_names_what_a_rule_needs_when_it_is_missing() -> None:
    plan = duaal_leren.load_standaardplan(EXAMPLES / "standaardplan-elektrotechniek.yaml")
    ctx = Context(plan, pendulum.date(2025, 10, 1), plan=plan)
    assert ctx.checked_plan() is plan
    with pytest.raises(RuleError) as info:
        ctx.checked_traject()
    assert info.value.text("en") == "this rule needs a traject"
    with pytest.raises(RuleError, match="gespreksverslag"):
        ctx.checked_verslag()


def _failing_registry(error: Exception) -> Registry:
    """A registry with a rule that reports once and then raises, and a rule that works."""
    registry = Registry()

    @registry.rule(
        "eigen-breekt", titel="Breekt", severity="warning", source="Eigen bron", target="traject"
    )
    def breekt(ctx: Context) -> Iterator[Hit]:
        """Reports one thing, then cannot go on."""
        yield Hit("$.mentor", "eerst dit", "this first")
        raise error

    @registry.rule(
        "eigen-werkt", titel="Werkt", severity="warning", source="Andere bron", target="traject"
    )
    def werkt(ctx: Context) -> Iterator[Hit]:
        """Always reports."""
        yield Hit("$.lerende", "altijd", "always")

    return registry


def test_a_library_error_in_a_rule_becomes_a_finding_naming_the_rule(traject: Traject) -> None:
    from duaal_leren.kalender import KalenderError

    error = KalenderError("geen kalender voor dit jaar", "no calendar for this year")
    report = validate(traject, today=TODAY, registry=_failing_registry(error))
    assert set(report.codes()) == {"eigen-breekt", "eigen-werkt"}
    failed = [f for f in report.findings if f.severity is Severity.ERROR]
    assert len(failed) == 1
    [finding] = failed
    assert finding.code == "eigen-breekt"
    assert finding.source == "Eigen bron"
    assert finding.path == "$"
    assert "eigen-breekt" in finding.message
    assert "eigen-breekt" in finding.message_en
    assert "geen kalender voor dit jaar" in finding.message
    assert "no calendar for this year" in finding.message_en
    # What the rule found before it failed is kept, and the other rule ran.
    assert any(f.message == "eerst dit" for f in report.findings)
    assert any(f.message == "altijd" for f in report.findings)
    assert not report.passed


def test_a_failed_rule_follows_the_severity_set_for_it(traject: Traject) -> None:
    error = duaal_leren.DuaalLerenError("kapot", "broken")
    registry = _failing_registry(error)
    report = validate(traject, today=TODAY, registry=registry, severity={"eigen-breekt": "info"})
    assert report.passed
    report = validate(traject, today=TODAY, registry=registry, ignore=["eigen-breekt"])
    assert report.codes() == ["eigen-werkt"]


def test_a_programming_error_in_a_rule_is_not_hidden(traject: Traject) -> None:
    registry = _failing_registry(AttributeError("bug"))
    with pytest.raises(AttributeError, match="bug"):
        validate(traject, today=TODAY, registry=registry)


# --- files ---------------------------------------------------------------------------------------


def test_each_file_is_read_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import duaal_leren.documents

    reads: list[str] = []
    real = duaal_leren.documents.read_file

    def counting(path: Path, max_size: int) -> bytes:
        reads.append(str(path))
        return real(path, max_size)

    monkeypatch.setattr(duaal_leren.documents, "read_file", counting)
    reports = validate_files([BROKEN, EXAMPLES / "traject-lotte.yaml"], today=TODAY)
    assert all(f.line is not None for f in reports[0].findings)
    assert reads == [str(BROKEN), str(EXAMPLES / "traject-lotte.yaml")]


def test_standard_plans_among_the_files_serve_the_others(tmp_path: Path, traject: Traject) -> None:
    # The traject comes first: a plan later in the list serves it all the same.
    standaard = EXAMPLES / "standaardplan-elektrotechniek.yaml"
    plan = traject.opleidingsplan
    gone = next(
        c.code
        for c in duaal_leren.load_standaardplan(standaard).competenties
        if c.code not in plan.startcompetenties
    )
    kept = tuple(c for c in plan.competenties if c.code != gone)
    kort = attrs.evolve(traject, opleidingsplan=attrs.evolve(plan, competenties=kept))
    path = duaal_leren.save(kort, tmp_path / "kort.yaml")
    alone = validate_files([path], today=TODAY, select=["iop-standaard"])
    assert alone[0].findings == ()
    together = validate_files([path, standaard], today=TODAY, select=["iop-standaard"])
    assert together[0].codes() == ["iop-standaard"]
    assert together[0].findings[0].line is not None
    given = validate_files(
        [path],
        today=TODAY,
        select=["iop-standaard"],
        standaardplannen=[duaal_leren.load_standaardplan(standaard)],
    )
    assert given[0].codes() == ["iop-standaard"]


def test_one_path_is_no_list_of_paths() -> None:
    with pytest.raises(DocumentTypeError, match="lijst van paden"):
        validate_files(str(BROKEN))
    with pytest.raises(DocumentTypeError):
        validate_files(BROKEN)  # type: ignore[arg-type]


def test_a_wrong_rule_name_fails_before_any_file_is_read(tmp_path: Path) -> None:
    with pytest.raises(RuleError):
        validate_files([tmp_path / "missing.yaml"], select=["nope"])
    with pytest.raises(RuleError):
        validate_files([tmp_path / "missing.yaml"], severity={"mentor": "loud"})


def test_findings_of_a_file_come_in_the_order_of_its_lines() -> None:
    [report] = validate_files([BROKEN], today=TODAY)
    lines = [f.line or 0 for f in report.findings]
    assert lines == sorted(lines)


def test_a_json_file_gets_its_lines_too(tmp_path: Path, broken: Traject) -> None:
    path = duaal_leren.save(broken, tmp_path / "kapot.json")
    [report] = validate_files([path], today=TODAY)
    mentor = next(f for f in report.findings if f.code == "mentor-ervaring")
    assert mentor.line is not None
    assert '"ervaring_jaren": 3' in path.read_text(encoding="utf-8").splitlines()[mentor.line - 1]


# --- what the reports write ----------------------------------------------------------------------


@pytest.fixture
def reports(tmp_path: Path) -> Reports:
    """A broken file whose unknown prerequisite holds a terminal escape, and a missing file."""
    path = tmp_path / "kapot\x1b]0;titel\x07.yaml"
    text = BROKEN.read_text("utf-8").replace("- ELT-99", '- "ELT-\\e[31m\\v\\x9b99"')
    path.write_text(text, "utf-8")
    return validate_files([path, tmp_path / "weg.yaml"], today=TODAY)


def test_reports_text_counts_files_errors_and_warnings(reports: Reports) -> None:
    assert not reports.passed
    assert [r.unreadable for r in reports] == [False, True]
    assert reports.text("en").splitlines()[-1] == "2 files, 4 errors, 0 warnings"
    assert reports.text().splitlines()[-1] == "2 bestanden, 4 fouten, 0 waarschuwingen"
    assert "weg.yaml: error [bestand-ontbreekt] $: het bestand bestaat niet" in reports.text()


def test_reports_json_has_the_stable_shape(reports: Reports) -> None:
    data = json.loads(reports.to_json("en"))
    assert set(data) == {"files", "summary"}
    assert data["summary"] == {"files": 2, "errors": 4, "warnings": 0}
    for file in data["files"]:
        assert set(file) == {"path", "findings"}
        for finding in file["findings"]:
            assert set(finding) == {"code", "severity", "path", "location", "line", "message"}
    # JSON escapes the control characters itself; the value stays the value.
    messages = [f["message"] for f in data["files"][0]["findings"]]
    assert any("ELT-\x1b[31m\x0b\x9b99" in m for m in messages)


def test_reports_github_annotations_point_at_lines(reports: Reports) -> None:
    out = reports.to_github("en")
    mentor = next(f for f in reports[0].findings if f.code == "mentor-ervaring")
    assert f",line={mentor.line},title=mentor-ervaring::$.mentor.ervaring_jaren: " in out
    assert "::error file=" in out


def test_reports_junit_counts_failures_and_unreadable_files(reports: Reports) -> None:
    from xml.etree import ElementTree

    root = ElementTree.fromstring(reports.to_junit().encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "1")
    failure = suite.find("testcase/failure")
    assert failure is not None
    assert "ELT-\\x1b[31m\\x0b\\x9b99" in (failure.text or "")


def test_every_text_format_escapes_control_characters(reports: Reports) -> None:
    for out in (reports.text(), reports.to_github(), reports.to_junit(), reports[0].text()):
        assert not any(c in out for c in "\x1b\x0b\x9b\x07")
        assert "kapot\\x1b]0;titel\\x07.yaml" in out


# --- the report in a notebook, as CSV and as a DataFrame -------------------------------------


def test_report_html_is_in_one_language_at_a_time() -> None:
    [report] = validate_files([BROKEN], today=TODAY)
    dutch = report.html("nl")
    assert "<th>ernst</th><th>code</th><th>pad</th><th>regel</th><th>melding</th>" in dutch
    assert '<span class="dl-bad">fout</span>' in dutch
    assert ">error<" not in dutch
    assert "niet in orde</span> (3 fouten, 0 waarschuwingen)" in dutch
    assert all(f.message.split(":")[0] in dutch for f in report.findings)
    english = report.html("en")
    assert "<th>severity</th>" in english
    assert '<span class="dl-bad">error</span>' in english
    assert "failed</span> (3 errors, 0 warnings)" in english
    assert "ernst" not in english
    assert report._repr_html_() == report.html()
    duaal_leren.set_default_lang("en")
    try:
        assert report._repr_html_() == english
    finally:
        duaal_leren.set_default_lang("nl")


def test_counts_of_one_are_singular_in_every_language_and_format() -> None:
    from xml.etree import ElementTree

    from duaal_leren.validation import Finding

    def finding(code: str, severity: Severity) -> Finding:
        return Finding(code, severity, "$", "iets", "something", "practice")

    one_each = Report((finding("a", Severity.ERROR), finding("b", Severity.WARNING)), "een.yaml")
    one_warning = Report((finding("b", Severity.WARNING),), "twee.yaml")
    assert one_each.text().splitlines()[-1] == "een.yaml: niet in orde: 1 fout, 1 waarschuwing"
    assert one_each.text("en").splitlines()[-1] == "een.yaml: failed: 1 error, 1 warning"
    assert one_warning.text().splitlines()[-1] == "twee.yaml: in orde: 0 fouten, 1 waarschuwing"
    assert "(0 fouten, 1 waarschuwing)" in one_warning.html()
    assert "(0 errors, 1 warning)" in one_warning.html("en")
    assert "(1 fout, 1 waarschuwing)" in one_each.html()
    both = Reports((one_warning,))
    assert both.text().splitlines()[-1] == "1 bestand, 0 fouten, 1 waarschuwing"
    assert both.text("en").splitlines()[-1] == "1 file, 0 errors, 1 warning"
    assert "(0 errors, 1 warning)" in both.html("en")
    junit = ElementTree.fromstring(Reports((one_each,)).to_junit().encode("utf-8"))
    failure = junit.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "1 error"


def test_a_clean_report_says_so_without_an_empty_table() -> None:
    plan = duaal_leren.load(EXAMPLES / "standaardplan-elektrotechniek.yaml")
    report = validate(plan)
    assert not report.findings
    html = report.html()
    assert "<table" not in html
    assert '<p class="dl-ok">Geen bevindingen: alles in orde.</p>' in html
    assert "No findings: all is well." in report.html("en")


def test_report_as_csv_and_dataframe(tmp_path: Path) -> None:
    import csv
    import io

    [report] = validate_files([BROKEN], today=TODAY)
    rows = list(csv.reader(io.StringIO(report.to_csv(lang="en"))))
    assert rows[0] == ["file", "code", "severity", "path", "line", "message", "source"]
    assert [r[1] for r in rows[1:]] == report.codes()
    assert all(r[0] == str(BROKEN) for r in rows[1:])
    assert [r[5] for r in rows[1:]] == [f.message_en for f in report.findings]
    assert report.to_csv(tmp_path / "r.csv").read_bytes().decode() == report.to_csv()
    frame = report.to_dataframe()
    assert frame["code"].tolist() == report.codes()
    assert str(frame["line"].dtype) == "Int64"
    assert frame["line"].tolist() == [f.line for f in report.findings]
    assert {str(frame[c].dtype) for c in ("file", "code", "severity", "message")} == {"string"}
    clean = validate(duaal_leren.load(EXAMPLES / "standaardplan-elektrotechniek.yaml"))
    assert clean.to_dataframe().shape == (0, 7)


def test_report_data_keep_severity_codes_and_their_messages_follow_lang() -> None:
    import csv
    import io

    [report] = validate_files([BROKEN], today=TODAY)
    dutch = report.to_csv()
    frame = report.to_dataframe().to_dict("list")
    duaal_leren.set_default_lang("en")
    try:
        # The display language does not change the data written.
        assert report.to_csv() == dutch
        assert report.to_dataframe().to_dict("list") == frame
    finally:
        duaal_leren.set_default_lang("nl")
    rows = list(csv.reader(io.StringIO(dutch)))[1:]
    assert [r[5] for r in rows] == [f.message for f in report.findings]
    english = list(csv.reader(io.StringIO(report.to_csv(lang="en"))))[1:]
    assert [r[5] for r in english] == [f.message_en for f in report.findings]
    # The severity is a code in both: "error", never "fout".
    assert {r[2] for r in rows} == {r[2] for r in english} == {"error"}
    assert report.to_dataframe("en")["message"].tolist() == [r[5] for r in english]


def test_report_reprs_are_short(broken: Traject) -> None:
    report = validate(broken, today=TODAY)
    assert repr(report) == ("Report(source=None, passed=False, errors=3, warnings=0, findings=3)")
    many = Report(report.findings * 500, source="x" * 1000)
    assert len(repr(many)) < 200
    reports = validate_files([BROKEN, EXAMPLES / "traject-lotte.yaml"], today=TODAY)
    assert repr(reports).startswith("Reports(files=2, passed=False, errors=3,")


def test_the_collector_is_paused_while_files_are_checked_and_on_again_after() -> None:
    # A bulk check keeps Python's cyclic collector out of the way, and restores it.
    import gc

    seen: list[bool] = []
    registry = Registry()

    @registry.rule(
        "eigen-gc", titel="t", titel_en="t", severity="info", source="test", target="traject"
    )
    def spy(ctx: Context) -> Iterator[Hit]:
        seen.append(gc.isenabled())
        return iter(())

    assert gc.isenabled()
    validate_files([EXAMPLES / "traject-lotte.yaml"], registry=registry)
    assert seen == [False]
    assert gc.isenabled()


def test_without_a_package_declaring_rules_the_search_of_packages_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from duaal_leren.validation._engine import _may_declare

    assert not _may_declare("duaal_leren.rules")
    other = tmp_path / "ander-1.0.dist-info"
    other.mkdir()
    (other / "entry_points.txt").write_text("[console_scripts]\nx = y:z\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert not _may_declare("duaal_leren.rules")
    (other / "entry_points.txt").write_text("[duaal_leren.rules]\nx = y:z\n", encoding="utf-8")
    assert _may_declare("duaal_leren.rules")


def test_a_zip_on_the_path_leaves_the_search_to_the_standard_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from duaal_leren.validation._engine import _may_declare

    archive = tmp_path / "pakketten.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    monkeypatch.syspath_prepend(str(archive))
    assert _may_declare("duaal_leren.rules")


def test_the_collector_is_paused_for_one_document_only_while_no_other_thread_runs(
    traject: Traject,
) -> None:
    # Threads that check documents one after the other (a web server's) would otherwise
    # keep Python's cycle collector from running for the whole process.
    import gc
    import threading

    seen: list[bool] = []
    registry = Registry()

    @registry.rule("test-gc", titel="-", severity="info", source="-", target="traject", fix="-")
    def gc_state(ctx: Context) -> Iterator[Hit]:
        """Notes whether the collector runs."""
        seen.append(gc.isenabled())
        return iter(())

    alone = threading.active_count() == 1
    validate(traject, today=TODAY, registry=registry)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        validate(traject, today=TODAY, registry=registry)
        duaal_leren.loads(duaal_leren.dump(traject, "json"))
    finally:
        stop.set()
        other.join()
    assert seen[1] is True
    if alone:  # the test runner runs no thread of its own: then this one pauses it
        assert seen[0] is False
    assert gc.isenabled()


def test_an_unzipped_egg_on_the_path_leaves_the_search_to_the_standard_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from duaal_leren.validation._engine import _may_declare

    egg = tmp_path / "sector_regels-1.0-py3.11.egg"
    (egg / "EGG-INFO").mkdir(parents=True)
    (egg / "EGG-INFO" / "entry_points.txt").write_text(
        "[duaal_leren.rules]\nsector = sector_regels:register\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(egg))
    assert _may_declare("duaal_leren.rules")
