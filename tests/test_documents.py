"""Reading and writing documents: what a user sees when a file is fine, and when it is not."""

from __future__ import annotations

import json
import os
import stat
import sys
import textwrap
import threading
from pathlib import Path

import attrs
import pytest

import duaal_leren
from duaal_leren import DocumentError, Problem
from duaal_leren.exceptions import DocumentTypeError

PLAN_HEAD = """\
schema: duaal-leren/standaardplan@1
id: p
opleiding: Opleiding
versie: '1'
"""

COMPETENTIE = """\
competenties:
- code: A
  omschrijving: Iets
  leerplaats: school
"""


def problems_of(text: str, **kwargs: object) -> list[Problem]:
    with pytest.raises(DocumentError) as info:
        duaal_leren.loads(text, **kwargs)  # type: ignore[arg-type]
    return list(info.value.problems)


def one_problem(text: str) -> Problem:
    [problem] = problems_of(text)
    return problem


def file_problem(path: Path) -> tuple[DocumentError, Problem]:
    with pytest.raises(DocumentError) as info:
        duaal_leren.load(path)
    [problem] = info.value.problems
    return info.value, problem


# --- the shipped examples ---------------------------------------------------------------------


def test_examples_load(traject_path: Path, standaardplan_path: Path) -> None:
    traject = duaal_leren.load(traject_path)
    plan = duaal_leren.load(standaardplan_path)
    assert isinstance(traject, duaal_leren.Traject)
    assert isinstance(plan, duaal_leren.StandaardOpleidingsplan)
    assert traject.opleidingsplan.standaardplan == plan.referentie
    assert len(plan.competenties) == 28


def test_traject_from_yaml_equals_its_json(traject: duaal_leren.Traject, tmp_path: Path) -> None:
    target = duaal_leren.save(traject, tmp_path / "traject.json")
    assert target.read_text(encoding="utf-8").startswith('{\n  "schema": "duaal-leren/traject@1"')
    assert duaal_leren.load_traject(target) == traject


def test_dump_of_an_example_is_stable(traject: duaal_leren.Traject) -> None:
    text = duaal_leren.dump(traject)
    assert text.startswith("schema: duaal-leren/traject@1\nid: TRJ-2025-0042\n")
    assert duaal_leren.dump(duaal_leren.loads(text)) == text


def test_dump_leaves_out_defaults_and_writes_dates_plain(
    traject: duaal_leren.Traject,
) -> None:
    text = duaal_leren.dump(traject)
    assert "leeftijdsuitzondering" not in text
    assert "  start: 2025-09-01\n" in text
    data = json.loads(duaal_leren.dump(traject, format="json"))
    assert data["overeenkomst"] == {
        "soort": "oao",
        "start": "2025-09-01",
        "einde": "2026-06-30",
        "uren_per_week": 38.0,
    }


def test_dump_refuses_an_unknown_format(traject: duaal_leren.Traject) -> None:
    with pytest.raises(ValueError, match="xml"):
        duaal_leren.dump(traject, format="xml")  # type: ignore[arg-type]


def test_dump_refuses_what_is_no_document() -> None:
    competentie = duaal_leren.Competentie("A", "Iets", duaal_leren.Leerplaats.SCHOOL)
    with pytest.raises(DocumentError) as info:
        duaal_leren.dump(competentie)
    assert info.value.problems[0].code == "onbekende-soort"


# --- files that cannot be read ---------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "bestaat-niet.yaml"
    error, problem = file_problem(path)
    assert error.source == str(path)
    assert (problem.code, problem.path, problem.line) == ("bestand-ontbreekt", "$", None)
    assert "bestaat niet" in problem.message
    assert "does not exist" in problem.message_en


def test_missing_file_named_by_a_string(tmp_path: Path) -> None:
    name = str(tmp_path / "bestaat-niet.yaml")
    with pytest.raises(DocumentError) as info:
        duaal_leren.load(name)
    assert info.value.source == name
    assert info.value.problems[0].code == "bestand-ontbreekt"


def test_directory(tmp_path: Path) -> None:
    _, problem = file_problem(tmp_path)
    assert problem.code == "geen-bestand"


def test_file_name_with_a_nul_character() -> None:
    with pytest.raises(DocumentError) as info:
        duaal_leren.load("plan\x00.yaml")
    assert info.value.problems[0].code == "onleesbaar-bestand"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "geheim.yaml"
    path.write_text(PLAN_HEAD, encoding="utf-8")
    real_open = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        if os.fspath(name) == str(path):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    # As if the file's mode forbade reading (root may read anything, so do not chmod).
    monkeypatch.setattr(os, "open", refuse)
    error, problem = file_problem(path)
    assert error.source == str(path)
    assert problem.code == "onleesbaar-bestand"
    assert problem.message == "het bestand kan niet gelezen worden (geen leesrechten)"
    assert problem.message_en == "the file cannot be read (no permission to read)"


def test_an_empty_name_reads_no_folder() -> None:
    error, problem = file_problem("")  # type: ignore[arg-type]
    assert error.source == '""'
    assert problem.code == "onleesbaar-bestand"
    assert problem.message_en == "an empty file name is no file"


def test_a_fifo_is_no_file_and_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    errors: list[BaseException] = []

    def read() -> None:
        try:
            duaal_leren.load(fifo)
        except BaseException as exc:  # noqa: BLE001 - the test looks at it
            errors.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():
        # Let a reader that waits for a writer go, so the test fails instead of hanging.
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=10)
        pytest.fail("reading a FIFO waited for a writer")
    [error] = errors
    assert isinstance(error, DocumentError)
    assert error.problems[0].code == "geen-bestand"
    assert "FIFO" in error.problems[0].message_en


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_no_file(device: str) -> None:
    _, problem = file_problem(Path(device))
    assert problem.code == "geen-bestand"
    assert problem.message == "dit is geen gewoon bestand maar een apparaat, FIFO of socket"


def test_a_file_larger_than_the_limit_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "groot.yaml"
    path.write_text(PLAN_HEAD + COMPETENTIE, encoding="utf-8")
    assert duaal_leren.load(path, max_size=path.stat().st_size).id == "p"
    error, problem = file_problem_with(path, max_size=100)
    assert error.source == str(path)
    assert problem.code == "bestand-te-groot"
    size = path.stat().st_size
    assert problem.message_en == (
        f"the file is larger than 100 bytes, the limit for a document ({size} bytes)"
    )
    # The default is the module's MAX_SIZE, 50 MiB.
    assert duaal_leren.documents.MAX_SIZE == 50 * 1024 * 1024
    monkeypatch.setattr(duaal_leren.documents, "MAX_SIZE", 1024 * 1024)
    path.write_bytes(b"#" * (1024 * 1024 + 1))
    assert file_problem(path)[1].message == (
        "het bestand is groter dan 1 MB, de grens voor een document (1048577 bytes)"
    )


def file_problem_with(path: Path, **kwargs: int) -> tuple[DocumentError, Problem]:
    with pytest.raises(DocumentError) as info:
        duaal_leren.load(path, **kwargs)
    [problem] = info.value.problems
    return info.value, problem


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("leeg.yaml", ""),
        ("leeg.json", ""),
        ("wit.yaml", "\n  \n"),
        ("commentaar.yaml", "# niets\n"),
        ("wit.json", " \n"),
    ],
)
def test_empty_file(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    _, problem = file_problem(path)
    assert (problem.code, problem.path) == ("leeg-document", "$")
    assert "leeg" in problem.message
    assert "empty" in problem.message_en


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes((PLAN_HEAD + "toelichting: café\n").encode("latin-1"))
    _, problem = file_problem(path)
    assert (problem.code, problem.line) == ("geen-utf8", 5)
    assert "UTF-8" in problem.message


def test_bytes_that_are_not_utf8() -> None:
    with pytest.raises(DocumentError) as info:
        duaal_leren.loads((PLAN_HEAD + "toelichting: café\n").encode("latin-1"))
    assert info.value.problems[0].code == "geen-utf8"
    assert info.value.source == "<tekst>"


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (PLAN_HEAD + COMPETENTIE).encode())
    assert duaal_leren.load(path).id == "p"
    assert duaal_leren.loads(path.read_bytes()).id == "p"


# --- malformed text ---------------------------------------------------------------------------


def test_yaml_syntax_error_with_line(tmp_path: Path) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text(PLAN_HEAD + "competenties: [\n  {code: A\n", encoding="utf-8")
    error, problem = file_problem(path)
    assert problem.code == "yaml-syntax"
    assert problem.line is not None
    assert problem.line >= 5
    assert problem.message.startswith("geen geldige YAML")
    assert problem.message_en.startswith("not valid YAML")
    assert f"regel {problem.line}" in str(error)


def test_json_syntax_error_with_line(tmp_path: Path) -> None:
    path = tmp_path / "kapot.json"
    path.write_text(
        '{\n  "schema": "duaal-leren/standaardplan@1",\n  "id": \n}\n', encoding="utf-8"
    )
    _, problem = file_problem(path)
    assert (problem.code, problem.line) == ("json-syntax", 4)
    assert problem.message.startswith("geen geldige JSON")


def test_duplicate_key_in_yaml() -> None:
    problem = one_problem(PLAN_HEAD + COMPETENTIE + "  omschrijving: Nog iets\n")
    assert (problem.code, problem.path, problem.line) == (
        "dubbele-sleutel",
        "$.competenties[0].omschrijving",
        9,
    )
    assert "'omschrijving'" in problem.message


def test_duplicate_key_in_json() -> None:
    text = textwrap.dedent(
        """\
        {
          "schema": "duaal-leren/standaardplan@1",
          "id": "p",
          "opleiding": "o",
          "versie": "1",
          "competenties": [],
          "id": "q"
        }
        """
    )
    problem = one_problem(text)
    assert (problem.code, problem.path, problem.line) == ("dubbele-sleutel", "$.id", 7)


def test_anchors_and_aliases_are_refused() -> None:
    text = PLAN_HEAD + "competenties:\n- code: &c A\n  omschrijving: *c\n  leerplaats: school\n"
    problem = one_problem(text)
    assert (problem.code, problem.path, problem.line) == (
        "yaml-alias",
        "$.competenties[0].omschrijving",
        7,
    )


def test_merge_key_is_refused() -> None:
    text = PLAN_HEAD + COMPETENTIE + "- <<: {omschrijving: Iets, leerplaats: school}\n  code: B\n"
    problem = one_problem(text)
    assert (problem.code, problem.path, problem.line) == ("yaml-merge", "$.competenties[1]", 9)


def test_custom_tag_is_refused() -> None:
    text = PLAN_HEAD + "toelichting: !!python/object/apply:os.system [ls]\n" + COMPETENTIE
    problem = one_problem(text)
    assert (problem.code, problem.path, problem.line) == ("yaml-tag", "$.toelichting", 5)
    assert "python/object/apply:os.system" in problem.message


# --- the schema key ---------------------------------------------------------------------------


def test_missing_schema() -> None:
    problem = one_problem(
        PLAN_HEAD.replace("schema: duaal-leren/standaardplan@1\n", "") + COMPETENTIE
    )
    assert (problem.code, problem.path) == ("ontbrekend-veld", "$.schema")
    assert "schema: duaal-leren/traject@1" in problem.message


def test_unknown_kind() -> None:
    problem = one_problem(PLAN_HEAD.replace("standaardplan@1", "rapport@1") + COMPETENTIE)
    assert (problem.code, problem.path, problem.line) == ("onbekende-soort", "$.schema", 1)
    assert "'rapport'" in problem.message
    for kind in duaal_leren.kinds():
        assert kind.name in problem.message_en


@pytest.mark.parametrize("value", ["traject", "duaal-leren/traject", "duaal-leren/traject@x", "1"])
def test_malformed_schema_value(value: str) -> None:
    problem = one_problem(f"schema: {value}\nid: x\n")
    assert (problem.code, problem.path) == ("onbekende-soort", "$.schema")


def test_future_format_version() -> None:
    problem = one_problem(PLAN_HEAD.replace("@1", "@2") + COMPETENTIE)
    assert (problem.code, problem.path, problem.line) == ("toekomstige-versie", "$.schema", 1)
    assert "werk duaal-leren bij" in problem.message
    assert "upgrade duaal-leren" in problem.message_en


@pytest.mark.parametrize("digits", ["9" * 10, "9" * 5000, "0" * 5000 + "2"])
def test_a_format_version_of_many_digits_is_newer(digits: str) -> None:
    problem = one_problem(PLAN_HEAD.replace("@1", "@" + digits) + COMPETENTIE)
    assert (problem.code, problem.path) == ("toekomstige-versie", "$.schema")
    assert len(problem.message) < 300


def test_format_version_with_leading_zeros() -> None:
    assert duaal_leren.loads(PLAN_HEAD.replace("@1", "@0001") + COMPETENTIE).id == "p"


def test_format_version_zero() -> None:
    problem = one_problem(PLAN_HEAD.replace("@1", "@0") + COMPETENTIE)
    assert (problem.code, problem.path) == ("onbekende-soort", "$.schema")


@pytest.mark.parametrize("text", ["- a\n- b\n", '["a"]', "gewoon tekst\nop twee regels\n", "12\n"])
def test_document_that_is_no_object(text: str) -> None:
    problem = one_problem(text)
    assert (problem.code, problem.path) == ("verkeerd-type", "$")


def test_wrong_kind_for_load_traject(standaardplan_path: Path, traject_path: Path) -> None:
    with pytest.raises(DocumentError) as info:
        duaal_leren.load_traject(standaardplan_path)
    [problem] = info.value.problems
    assert (problem.code, problem.path, problem.line) == ("verkeerde-soort", "$.schema", 3)
    assert "'traject'" in problem.message
    assert "'standaardplan'" in problem.message
    with pytest.raises(DocumentError) as info:
        duaal_leren.load_standaardplan(traject_path)
    assert info.value.problems[0].code == "verkeerde-soort"
    with pytest.raises(DocumentError):
        duaal_leren.load(traject_path, duaal_leren.StandaardOpleidingsplan)
    assert isinstance(duaal_leren.load(traject_path, duaal_leren.Traject), duaal_leren.Traject)


# --- the model's fields -----------------------------------------------------------------------


def test_unknown_field() -> None:
    text = PLAN_HEAD + COMPETENTIE + "  leerplaatsen: werkplek\n"
    problem = one_problem(text)
    assert (problem.code, problem.path, problem.line) == (
        "onbekend-veld",
        "$.competenties[0].leerplaatsen",
        9,
    )
    assert "'leerplaatsen'" in problem.message
    assert "unknown field" in problem.message_en


def test_missing_required_field_points_at_its_object() -> None:
    text = (
        PLAN_HEAD
        + "competenties:\n- code: A\n  leerplaats: school\n- code: B\n  leerplaats: beide\n"
    )
    problems = problems_of(text)
    assert [(p.code, p.path, p.line) for p in problems] == [
        ("ontbrekend-veld", "$.competenties[0].omschrijving", 6),
        ("ontbrekend-veld", "$.competenties[1].omschrijving", 8),
    ]
    assert "verplicht veld 'omschrijving' ontbreekt" in problems[0].message
    assert "required field 'omschrijving' is missing" in problems[0].message_en


def test_missing_required_field_in_json_points_at_its_object() -> None:
    text = (
        '{"schema": "duaal-leren/standaardplan@1",\n"id": "p",\n"opleiding": "o",\n"versie": "1"}'
    )
    problem = one_problem(text)
    assert (problem.code, problem.path, problem.line) == ("ontbrekend-veld", "$.competenties", 1)


def test_number_where_text_is_expected_says_to_quote_it() -> None:
    problem = one_problem(PLAN_HEAD.replace("versie: '1'", "versie: 2025.1") + COMPETENTIE)
    assert (problem.code, problem.path, problem.line) == ("verkeerd-type", "$.versie", 4)
    assert "aanhalingstekens" in problem.message
    assert "quotes" in problem.message_en


def test_text_where_a_number_is_expected() -> None:
    # The traject lacks required fields too: every problem comes at once.
    problems = problems_of(
        "schema: duaal-leren/traject@1\n"
        "weekpatroon:\n  dagen:\n  - dag: maandag\n    plaats: school\n    uren: zeven\n"
    )
    [uren] = [p for p in problems if p.path == "$.weekpatroon.dagen[0].uren"]
    assert (uren.code, uren.line) == ("verkeerd-type", 6)
    assert "getal" in uren.message
    assert "number" in uren.message_en
    assert {p.code for p in problems} == {"verkeerd-type", "ontbrekend-veld"}


def test_a_number_too_large_for_hours() -> None:
    problems = problems_of(
        "schema: duaal-leren/traject@1\n"
        "weekpatroon:\n  dagen:\n  - dag: maandag\n    plaats: school\n    uren: 1" + "0" * 400
    )
    [uren] = [p for p in problems if p.path == "$.weekpatroon.dagen[0].uren"]
    assert (uren.code, uren.line, uren.message_en) == (
        "ongeldige-waarde",
        6,
        "the number is too large",
    )


def test_text_where_a_list_or_object_is_expected() -> None:
    text = PLAN_HEAD + "beroepskwalificaties: BK-0130-5\ncompetenties:\n- A\n"
    problems = problems_of(text)
    assert [(p.code, p.path, p.line) for p in problems] == [
        ("verkeerd-type", "$.beroepskwalificaties", 5),
        ("verkeerd-type", "$.competenties[0]", 7),
    ]
    assert "lijst" in problems[0].message
    assert "object" in problems[1].message


def test_bad_enum_value_lists_the_choices() -> None:
    problem = one_problem(PLAN_HEAD + COMPETENTIE.replace("school", "thuis"))
    assert (problem.code, problem.path, problem.line) == (
        "onbekende-keuze",
        "$.competenties[0].leerplaats",
        8,
    )
    for plaats in duaal_leren.Leerplaats:
        assert repr(plaats.value) in problem.message
        assert repr(plaats.value) in problem.message_en


@pytest.mark.parametrize(
    "value", ["2025-02-30", "2025-13-01", "01/09/2025", "2025-9-1", "20250901"]
)
def test_invalid_date(value: str) -> None:
    problem = one_problem(PLAN_HEAD + COMPETENTIE + f"  termijn: {value}\n")
    assert (problem.code, problem.path, problem.line) == (
        "ongeldige-datum",
        "$.competenties[0].termijn",
        9,
    )
    assert "JJJJ-MM-DD" in problem.message
    assert "YYYY-MM-DD" in problem.message_en


def test_field_validators_report_the_field() -> None:
    text = PLAN_HEAD.replace("id: p", "id: '  '") + "beroepskwalificaties: [BK-13]\n" + COMPETENTIE
    problems = problems_of(text)
    assert [(p.code, p.path, p.line) for p in problems] == [
        ("ongeldige-waarde", "$.id", 2),
        ("ongeldige-waarde", "$.beroepskwalificaties", 5),
    ]
    assert "leeg" in problems[0].message
    assert "BK-0130-5" in problems[1].message


def test_bad_company_number_is_reported(traject_path: Path) -> None:
    text = traject_path.read_text(encoding="utf-8").replace("0456.712.325", "0456.712.326")
    problem = one_problem(text)
    assert (problem.code, problem.path) == ("ongeldige-waarde", "$.werkplek.ondernemingsnummer")
    assert problem.line == text.splitlines().index("  ondernemingsnummer: 0456.712.326") + 1
    assert "controlegetal" in problem.message
    assert "check digit" in problem.message_en


def test_every_problem_is_reported_together_in_line_order() -> None:
    text = textwrap.dedent(
        """\
        schema: duaal-leren/standaardplan@1
        id: p
        opleiding: 12
        versie: '1'
        competenties:
        - code: A
          omschrijving: Iets
          leerplaats: ergens
          termijn: 2025-02-30
        - omschrijving: Zonder code
          leerplaats: school
          extra: x
        toelichting: [een, lijst]
        """
    )
    with pytest.raises(DocumentError) as info:
        duaal_leren.loads(text)
    problems = [(p.code, p.path, p.line) for p in info.value.problems]
    assert problems == [
        ("verkeerd-type", "$.opleiding", 3),
        ("onbekende-keuze", "$.competenties[0].leerplaats", 8),
        ("ongeldige-datum", "$.competenties[0].termijn", 9),
        ("ontbrekend-veld", "$.competenties[1].code", 10),
        ("onbekend-veld", "$.competenties[1].extra", 12),
        ("verkeerd-type", "$.toelichting", 13),
    ]
    message = str(info.value)
    assert message.startswith("<tekst>: 6 problemen\n")
    assert "  regel 9, $.competenties[0].termijn: " in message
    english = info.value.text("en")
    assert english.startswith("<tekst>: 6 problems\n")
    assert "  line 9, $.competenties[0].termijn: expected a date" in english


# --- YAML 1.2 scalars -------------------------------------------------------------------------


def test_yaml_1_1_booleans_and_numbers_stay_text() -> None:
    text = textwrap.dedent(
        """\
        schema: duaal-leren/standaardplan@1
        id: no
        opleiding: yes
        versie: 0123
        competenties:
        - code: 08:30
          omschrijving: 1:20
          leerplaats: school
          cluster: on
          vereisten: [off, 0x1F, 1_000, ~text]
        """
    )
    plan = duaal_leren.loads(text, duaal_leren.StandaardOpleidingsplan)
    assert (plan.id, plan.opleiding, plan.versie) == ("no", "yes", "0123")
    [competentie] = plan.competenties
    assert (competentie.code, competentie.omschrijving, competentie.cluster) == (
        "08:30",
        "1:20",
        "on",
    )
    assert competentie.vereisten == ("off", "0x1F", "1_000", "~text")


def test_booleans_are_true_and_false_only() -> None:
    mentor = "schema: duaal-leren/traject@1\nmentor:\n  naam: M\n  leeftijdsuitzondering: {}\n"
    problems = problems_of(mentor.format("yes"))
    [flag] = [p for p in problems if p.path == "$.mentor.leeftijdsuitzondering"]
    assert flag.code == "verkeerd-type"
    assert "true" in flag.message_en
    problems = problems_of(mentor.format("true"))
    assert not [p for p in problems if p.path.startswith("$.mentor")]


def test_null_is_none_for_optional_fields_and_wrong_for_required_ones() -> None:
    plan = duaal_leren.loads(PLAN_HEAD + "toelichting: ~\n" + COMPETENTIE + "  cluster: null\n")
    assert plan.toelichting is None
    assert plan.competenties[0].cluster is None
    problem = one_problem(PLAN_HEAD.replace("id: p", "id:") + COMPETENTIE)
    assert (problem.code, problem.path) == ("verkeerd-type", "$.id")
    assert "null" in problem.message


# --- path or text -----------------------------------------------------------------------------


def test_load_reads_paths_and_loads_reads_texts(standaardplan_path: Path) -> None:
    plan = duaal_leren.load(standaardplan_path)
    text = standaardplan_path.read_text(encoding="utf-8")
    assert duaal_leren.load(str(standaardplan_path)) == plan
    assert duaal_leren.loads(text) == plan
    assert duaal_leren.loads(text.encode("utf-8")) == plan
    json_text = duaal_leren.dump(plan, format="json")
    assert duaal_leren.loads(json_text) == plan
    one_line = '{"schema": "duaal-leren/standaardplan@1", "id": "p", "opleiding": "o", '
    one_line += '"versie": "1", "competenties": []}'
    assert duaal_leren.loads(one_line).id == "p"
    with pytest.raises(DocumentError) as info:
        duaal_leren.loads("schema: duaal-leren/standaardplan@1")
    assert info.value.source == "<tekst>"
    assert info.value.problems[0].code == "ontbrekend-veld"


def test_load_takes_no_text_for_a_path(standaardplan_path: Path) -> None:
    # No guessing: a str is a path, even one that starts like a document.
    one_line = '{"schema": "duaal-leren/standaardplan@1", "id": "p"}'
    with pytest.raises(DocumentError) as info:
        duaal_leren.load(one_line)
    assert info.value.problems[0].code == "bestand-ontbreekt"
    assert info.value.source == one_line
    # A name with a line break is most likely a text: the message says to use loads, and
    # names it by an excerpt, not whole.
    text = standaardplan_path.read_text(encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        duaal_leren.load(text)
    assert "loads" in info.value.problems[0].message_en
    assert len(info.value.source) < 100
    with pytest.raises(DocumentTypeError) as type_info:
        duaal_leren.load(text.encode("utf-8"))  # type: ignore[arg-type]
    assert isinstance(type_info.value, TypeError)
    assert "loads" in type_info.value.text("en")


def test_loads_with_an_explicit_format(standaardplan: duaal_leren.StandaardOpleidingsplan) -> None:
    text = duaal_leren.dump(standaardplan, format="json")
    assert duaal_leren.loads(text, format="json") == standaardplan
    # JSON is YAML too, but the JSON reader's messages are the ones asked for.
    [problem] = problems_of("{\n", format="json")
    assert problem.code == "json-syntax"


@pytest.mark.parametrize("suffix", [".yml", ".YAML", ".txt", ""])
def test_format_follows_the_extension_or_the_content(
    standaardplan: duaal_leren.StandaardOpleidingsplan, tmp_path: Path, suffix: str
) -> None:
    formats: tuple[duaal_leren.Format, ...] = ("yaml", "json")
    for fmt in formats:
        path = tmp_path / f"plan-{fmt}{suffix}"
        path.write_text(duaal_leren.dump(standaardplan, format=fmt), encoding="utf-8")
        assert duaal_leren.load(path) == standaardplan


# --- save -------------------------------------------------------------------------------------


def test_save_picks_the_format_from_the_extension(
    standaardplan: duaal_leren.StandaardOpleidingsplan, tmp_path: Path
) -> None:
    as_json = duaal_leren.save(standaardplan, tmp_path / "plan.JSON")
    as_yaml = duaal_leren.save(standaardplan, tmp_path / "plan.txt")
    forced = duaal_leren.save(standaardplan, tmp_path / "plan.yaml", format="json")
    assert as_json.read_text(encoding="utf-8") == duaal_leren.dump(standaardplan, "json")
    assert as_yaml.read_text(encoding="utf-8") == duaal_leren.dump(standaardplan, "yaml")
    assert forced.read_text(encoding="utf-8") == duaal_leren.dump(standaardplan, "json")


def test_save_is_atomic_when_replacing_fails(
    traject: duaal_leren.Traject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "traject.yaml"
    target.write_text("oude inhoud\n", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="schijf is vol"):
        duaal_leren.save(traject, target)
    assert target.read_text(encoding="utf-8") == "oude inhoud\n"
    assert [p.name for p in tmp_path.iterdir()] == ["traject.yaml"]


def test_save_of_no_document_leaves_the_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("oude inhoud\n", encoding="utf-8")
    with pytest.raises(DocumentError):
        duaal_leren.save({"schema": "duaal-leren/standaardplan@1"}, target)
    assert target.read_text(encoding="utf-8") == "oude inhoud\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_save_into_a_missing_directory_fails_cleanly(
    traject: duaal_leren.Traject, tmp_path: Path
) -> None:
    with pytest.raises(FileNotFoundError):
        duaal_leren.save(traject, tmp_path / "ontbreekt" / "traject.yaml")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_save_keeps_the_mode_of_the_file_it_replaces(
    traject: duaal_leren.Traject, tmp_path: Path
) -> None:
    target = tmp_path / "traject.yaml"
    target.write_text("oud\n", encoding="utf-8")
    target.chmod(0o640)
    duaal_leren.save(traject, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_save_gives_a_new_file_the_usual_mode(traject: duaal_leren.Traject, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = duaal_leren.save(traject, tmp_path / "traject.yaml")
    finally:
        os.umask(old)
    # Not private (0600) as a temporary file would be: others may read it, as any file.
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


# --- kinds ------------------------------------------------------------------------------------


def test_kinds(traject: duaal_leren.Traject) -> None:
    names = [k.name for k in duaal_leren.kinds()]
    assert names == sorted(names)
    assert {"standaardplan", "traject", "aanwezigheden"} <= set(names)
    kind = duaal_leren.kind_of("traject")
    assert kind is duaal_leren.kind_of(duaal_leren.Traject) is duaal_leren.kind_of(traject)
    assert kind.schema == "duaal-leren/traject@1"
    assert kind.text() == kind.titel
    assert kind.text("en") == kind.titel_en == "one learner's dual trajectory"
    for each in duaal_leren.kinds():
        assert each is duaal_leren.kind_of(each.cls) is duaal_leren.kind_of(each.name)
        assert each.titel
        assert each.titel_en
        assert each.titel != each.titel_en
    with pytest.raises(DocumentError) as info:
        duaal_leren.kind_of("rapport")
    assert info.value.problems[0].code == "onbekende-soort"
    with pytest.raises(DocumentError):
        duaal_leren.kind_of(duaal_leren.Competentie)


def test_document_error_is_a_value_error_with_readable_text() -> None:
    error = DocumentError("plan.yaml", [Problem("$.id", "fout", "wrong", line=3)])
    assert isinstance(error, ValueError)
    assert isinstance(error, duaal_leren.DuaalLerenError)
    assert str(error) == "plan.yaml: 1 probleem\n  regel 3, $.id: fout"
    assert error.text("en") == "plan.yaml: 1 problem\n  line 3, $.id: wrong"
    without_line = attrs.evolve(error.problems[0], line=None)
    assert DocumentError("x", [without_line]).text("en") == "x: 1 problem\n  $.id: wrong"


def test_problems_in_personal_fields_do_not_repeat_the_value(traject_path: Path) -> None:
    text = traject_path.read_text(encoding="utf-8")
    text = text.replace("geboortedatum: 2008-03-14", "geboortedatum: 14/03/2008")
    text = text.replace("advies: arbeidsrijp", "advies: 17")
    with pytest.raises(duaal_leren.DocumentError) as caught:
        duaal_leren.loads(text)
    problems = {p.path: p for p in caught.value.problems}
    birth = problems["$.lerende.persoonsgegevens.geboortedatum"]
    assert birth.message == "verwacht een datum als JJJJ-MM-DD"
    assert birth.message_en == "expected a date as YYYY-MM-DD"
    assert "17" not in problems["$.lerende.screening.advies"].message_en
    assert "14/03/2008" not in caught.value.text("en")


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_text_with_a_byte_order_mark_reads_as_the_same_file(tmp_path: Path, suffix: str) -> None:
    plan = duaal_leren.load("examples/standaardplan-elektrotechniek.yaml")
    text = duaal_leren.dump(plan, "json" if suffix == ".json" else "yaml")
    (tmp_path / f"plan{suffix}").write_text("\ufeff" + text, encoding="utf-8")
    assert duaal_leren.loads("\ufeff" + text) == duaal_leren.load(tmp_path / f"plan{suffix}")


def test_a_misspelt_key_in_a_file_names_the_field_it_meant_on_its_line() -> None:
    text = PLAN_HEAD + COMPETENTIE.replace(
        "omschrijving: Iets", "omschrijving: Iets\n  termjin: 2026-01-31"
    )
    [problem] = problems_of(text)
    assert (problem.path, problem.code, problem.line) == (
        "$.competenties[0].termjin",
        "onbekend-veld",
        8,
    )
    assert problem.text("en") == "unknown field 'termjin'; did you mean 'termijn'?"
    assert problem.location == ("competenties", 0, "termjin")


def test_a_plan_round_trips_through_plain_data_with_its_schema_key(
    standaardplan: duaal_leren.StandaardOpleidingsplan,
) -> None:
    data = duaal_leren.to_dict(standaardplan)
    assert next(iter(data)) == "schema"
    assert json.loads(duaal_leren.dump(standaardplan, format="json")) == data
    assert duaal_leren.from_dict(data) == standaardplan


# --- documents written before the schedule could rotate -----------------------------------


def test_old_trajecten_load_and_write_back_unchanged() -> None:
    # The example trajecten and the test data were written with one weekpatroon: they load
    # to the same schedule, and writing them back adds none of the new fields.
    root = Path(__file__).resolve().parent.parent
    for name in (
        "examples/traject-lotte.yaml",
        "examples/traject-milan.yaml",
        "tests/data/traject-kapot.yaml",
    ):
        traject = duaal_leren.load_traject(root / name)
        assert traject.rotatie is None
        assert traject.roosterwijzigingen == ()
        assert traject.afspraken.afwezigheidsmelding is None
        rooster = traject.rooster
        assert rooster is not None
        assert rooster.weken == (traject.weekpatroon,)
        text = duaal_leren.dump(traject)
        for key in ("rotatie:", "roosterwijzigingen:", "afwezigheidsmelding:"):
            assert key not in text
        assert duaal_leren.loads(text) == traject
