"""The attendance record (`duaal_leren.aanwezigheid`): a document, and an import from CSV."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from hypothesis import given

import duaal_leren
from duaal_leren import strategies
from duaal_leren.aanwezigheid import Aanwezigheden, Aanwezigheid, Aanwezigheidsstatus, Melding
from duaal_leren.exceptions import DocumentError, FieldError
from duaal_leren.traject import Meldpartij

ROOT = Path(__file__).resolve().parent.parent
YAML = ROOT / "examples" / "aanwezigheden-noor-2025-10.yaml"
CSV = ROOT / "examples" / "aanwezigheden-noor-2025-10.csv"
D = pendulum.date


def test_the_example_loads_as_its_own_kind() -> None:
    record = duaal_leren.load(YAML)
    assert isinstance(record, Aanwezigheden)
    assert duaal_leren.kind_of(record).name == "aanwezigheden"
    assert record.traject == "TRJ-2025-0063"
    day = record.dag(D(2025, 10, 8))
    assert day is not None
    assert day.status is Aanwezigheidsstatus.ZIEKTE
    assert day.melding == Melding(
        D(2025, 10, 8), Meldpartij.LERENDE, (Meldpartij.MENTOR, Meldpartij.TRAJECTBEGELEIDER)
    )
    assert record.dag(D(2025, 10, 15)) == Aanwezigheid(
        D(2025, 10, 15), Aanwezigheidsstatus.AANWEZIG, 6.0
    )


def test_the_csv_example_imports_to_the_same_record() -> None:
    text = CSV.read_text(encoding="utf-8")
    assert Aanwezigheden.from_csv(text, traject="TRJ-2025-0063") == duaal_leren.load(YAML)


def test_a_record_holds_no_free_text() -> None:
    # The kind of an absence is all it says: no field could hold a health detail.
    for cls in (Aanwezigheden, Aanwezigheid, Melding):
        for field in cls.__attrs_attrs__:
            assert field.type not in (str, "str") or field.name == "traject", (cls, field.name)


def test_a_day_is_recorded_once() -> None:
    day = Aanwezigheid(D(2025, 10, 1), uren=7.6)
    with pytest.raises(FieldError, match="2025-10-01"):
        Aanwezigheden("TRJ-1", (day, day))
    text = "schema: duaal-leren/aanwezigheden@1\ntraject: T\ndagen:\n- datum: 2025-10-01\n- datum: 2025-10-01\n"
    with pytest.raises(DocumentError) as caught:
        duaal_leren.loads(text)
    assert caught.value.problems[0].path == "$.dagen"


def test_a_csv_with_one_bad_line_is_refused_whole() -> None:
    text = (
        "datum,uren,status\n"
        "2025-10-06,7.6,aanwezig\n"
        "2025-10-07,7.6,aanwezig\n"
        "2025-10-08,zeven,aanwezig\n"
        "2025-10-09,,ziekte\n"
    )
    with pytest.raises(DocumentError) as caught:
        Aanwezigheden.from_csv(text, traject="T", source="tijdsregistratie.csv")
    error = caught.value
    assert error.source == "tijdsregistratie.csv"
    assert [(p.line, p.path) for p in error.problems] == [(4, "$.dagen[2].uren")]
    assert "regel 4" in error.text("nl")
    assert "line 4" in error.text("en")


def test_every_bad_line_is_reported_with_its_number() -> None:
    text = (
        "datum,uren,status,gemeld_op,gemeld_door,gemeld_aan\n"
        "2025-10-06,7.6,aanwezig,,,\n"
        "\n"
        "2025-02-30,7.6,aanwezig,,,\n"  # no such day
        "2025-10-07,25,aanwezig,,,\n"  # more than a day
        "2025-10-08,,ziek,,,\n"  # no such status
        "2025-10-09,,aanwezig,,,\n"  # present without hours
        "2025-10-06,0,ziekte,,,\n"  # the day of line 2 again
        "2025-10-10,0,ziekte,2025-10-10,dokter,mentor\n"  # no such party
        "2025-10-13,0,ziekte,,lerende,\n"  # reported, but not when
        "2025-10-14,7.6\n"  # too few fields
    )
    with pytest.raises(DocumentError) as caught:
        Aanwezigheden.from_csv(text, traject="T")
    problems = [(p.line, p.path.rsplit(".", 1)[-1], p.code) for p in caught.value.problems]
    assert problems == [
        (4, "datum", "ongeldige-datum"),
        (5, "uren", "ongeldige-waarde"),
        (6, "status", "onbekende-keuze"),
        (7, "uren", "ontbrekend-veld"),
        (8, "datum", "dubbele-dag"),
        (9, "gemeld_door", "onbekende-keuze"),
        (10, "gemeld_op", "ontbrekend-veld"),
        (11, "dagen[8]", "ongeldige-regel"),  # the ninth line of data
    ]
    assert "regel 2" in caught.value.problems[4].message


@pytest.mark.parametrize(
    "header",
    ["", "datum,uren\n", "datum,uren,status,opmerking\n", "datum,uren,status,uren\n"],
)
def test_a_bad_header_is_refused_on_line_1(header: str) -> None:
    with pytest.raises(DocumentError) as caught:
        Aanwezigheden.from_csv(header + "2025-10-06,7.6,aanwezig\n", traject="T")
    (problem,) = caught.value.problems
    assert (problem.line, problem.code) == (1, "ongeldige-kopregel")


def test_a_spreadsheet_with_semicolons_and_decimal_commas() -> None:
    text = "\ufeffDatum;Uren;Status;gemeld_op;gemeld_door;gemeld_aan\r\n2025-10-06;7,6;Aanwezig;;;\r\n2025-10-08;;ziekte;2025-10-08;lerende;mentor|school\r\n"
    record = Aanwezigheden.from_csv(text, traject="T")
    assert record.dagen == (
        Aanwezigheid(D(2025, 10, 6), Aanwezigheidsstatus.AANWEZIG, 7.6),
        Aanwezigheid(
            D(2025, 10, 8),
            Aanwezigheidsstatus.ZIEKTE,
            0.0,
            Melding(D(2025, 10, 8), Meldpartij.LERENDE, (Meldpartij.MENTOR, Meldpartij.SCHOOL)),
        ),
    )


@given(record=strategies.aanwezigheden())
def test_csv_round_trip(record: Aanwezigheden) -> None:
    # Hours print with %g: six significant digits, as a time clock gives them.
    again = Aanwezigheden.from_csv(record.to_csv(), traject=record.traject)
    assert [d.datum for d in again.dagen] == [d.datum for d in record.dagen]
    assert [d.status for d in again.dagen] == [d.status for d in record.dagen]
    assert [d.uren for d in again.dagen] == pytest.approx(
        [float(f"{d.uren:g}") for d in record.dagen]
    )


def test_json_schema_of_the_kind() -> None:
    schema = duaal_leren.json_schema("aanwezigheden")
    assert schema["title"].endswith("attendance and absences of one learner at the workplace")
    day = schema["$defs"]["Aanwezigheid"]["properties"]
    assert day["status"]["enum"] == ["aanwezig", "ziekte", "gewettigd", "ongewettigd", "andere"]
    assert day["uren"]["maximum"] == 24


def test_every_bad_field_of_a_line_is_reported() -> None:
    # Both the reporter and the party told are unknown: both are named, nothing imported.
    text = "datum,uren,status,gemeld_op,gemeld_door,gemeld_aan\n2025-10-08,0,ziekte,2025-10-08,leraar,xx\n"
    with pytest.raises(DocumentError) as caught:
        Aanwezigheden.from_csv(text, traject="T", source="klok.csv")
    problems = [(p.line, p.path, p.code) for p in caught.value.problems]
    assert problems == [
        (2, "$.dagen[0].gemeld_door", "onbekende-keuze"),
        (2, "$.dagen[0].gemeld_aan", "onbekende-keuze"),
    ]
    message = caught.value.text("en")
    assert "'leraar' is no party" in message
    assert "'xx' is no party" in message


def test_the_repr_is_one_short_line_without_the_days() -> None:
    record = duaal_leren.load(YAML)
    text = repr(record)
    assert text == (
        "Aanwezigheden(traject='TRJ-2025-0063', schooljaren='2025-2026', start='2025-09-29', "
        "einde='2025-10-23', dagen=14, afwezig=4)"
    )
    empty = Aanwezigheden("T")
    assert repr(empty) == (
        "Aanwezigheden(traject='T', schooljaren=None, start=None, einde=None, dagen=0, afwezig=0)"
    )
    two_years = Aanwezigheden(
        "T", (Aanwezigheid(D(2025, 10, 6), uren=7.6), Aanwezigheid(D(2026, 9, 7), uren=7.6))
    )
    assert "schooljaren='2025-2026 .. 2026-2027'" in repr(two_years)


def test_to_csv_gives_the_text_or_writes_the_file_whole(tmp_path: Path) -> None:
    record = duaal_leren.load(YAML)
    text = record.to_csv()
    assert text == record.csv()
    assert text.splitlines()[0] == "datum,uren,status,gemeld_op,gemeld_door,gemeld_aan"
    assert "2025-10-08,0,ziekte,2025-10-08,lerende,mentor;trajectbegeleider" in text.splitlines()
    path = tmp_path / "noor.csv"
    assert record.to_csv(path) == path
    assert path.read_text(encoding="utf-8") == text
    assert (
        Aanwezigheden.from_csv(path.read_text(encoding="utf-8"), traject=record.traject) == record
    )
    # A file that cannot be written: a clear error, and nothing is left behind.
    with pytest.raises(duaal_leren.WriteError):
        record.to_csv(tmp_path / "geen-map" / "noor.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["noor.csv"]


def test_a_csv_names_only_the_days_a_document_may_name() -> None:
    # As in YAML and JSON: 1900-01-01 to 2199-12-31.
    text = "datum,uren,status\n0001-01-01,7.6,aanwezig\n2025-10-07,7.6,aanwezig\n"
    with pytest.raises(DocumentError) as caught:
        Aanwezigheden.from_csv(text, traject="T")
    [problem] = caught.value.problems
    assert (problem.line, problem.path) == (2, "$.dagen[0].datum")
    assert "1900-01-01" in problem.message_en
