"""Redacted and pseudonymised copies, and the exports that leave personal data out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

import duaal_leren
from duaal_leren import privacy
from duaal_leren._validators import PERSOONSGEGEVEN
from duaal_leren.exceptions import DocumentError, DocumentTypeError, FieldError, WriteError
from duaal_leren.traject import Traject

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
TODAY = "2026-01-15"

# Lotte's personal data as a reader finds it in the file, written down by hand: the check
# does not rest on the marks alone. What identifies her may stand nowhere in a redacted
# copy; the screening and support texts nowhere as a whole text (a single word of them, such
# as "nauwkeurig", may stand in a note that uses it in its own sense).
LOTTE = (
    "Lotte",
    "Peeters",
    "2008-03-14",
    "lotte.peeters@example.org",
    "0470 00 00 42",
    "Voorbeeldstraat",
)
LOTTE_WHOLE = (
    "arbeidsrijp",
    "nauwkeurig",
    "leergierig",
    "stiptheid 's morgens",
    "extra tijd bij schriftelijke opdrachten (dyslexie)",
    "voorleessoftware op school",
    "mondelinge toelichting bij werkbonnen",
)

# Rules whose findings rest on the data a copy removes: ages from dates of birth, and the
# contact details of the mentor.
NEEDS_PERSONAL_DATA = {"rollen", "mentor-leeftijd", "lerende-leeftijd", "lerende-start-laat"}


def _leaves(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, pendulum.Date):
        return [value.isoformat()]
    if isinstance(value, tuple):
        return [text for item in value for text in _leaves(item)]
    if attrs.has(type(value)):
        return [text for a in attrs.fields(type(value)) for text in _leaves(getattr(value, a.name))]
    return []


IDENTIFYING = {"naam", "email", "telefoon", "adres", "geboortedatum"}


def _marked_leaves(document: object) -> list[tuple[str, str]]:
    """Every text and date held by a field marked personal: (the field holding it, the text)."""
    found: list[tuple[str, str]] = []

    def inside(name: str, value: object) -> None:
        if isinstance(value, tuple):
            for item in value:
                inside(name, item)
        elif attrs.has(type(value)):
            for a in attrs.fields(type(value)):
                inside(a.name, getattr(value, a.name))
        elif value is not None:
            found.extend((name, text) for text in _leaves(value))

    def visit(obj: object) -> None:
        if isinstance(obj, tuple):
            for item in obj:
                visit(item)
        elif attrs.has(type(obj)):
            for a in attrs.fields(type(obj)):
                value = getattr(obj, a.name)
                if a.metadata.get(PERSOONSGEGEVEN):
                    inside(a.name, value)
                else:
                    visit(value)

    visit(document)
    return found


def personal_strings(document: object) -> set[str]:
    """The texts that identify a person: names, e-mail addresses, phone numbers, addresses
    and dates of birth held by a marked field (the learner's first name alone: `LOTTE`)."""
    found = {text for name, text in _marked_leaves(document) if name in IDENTIFYING}
    return {text for text in found if len(text) >= 3}


def whole_texts(document: object) -> set[str]:
    """The other texts of marked fields: the screening and support texts, reachability."""
    return {
        text
        for name, text in _marked_leaves(document)
        if name not in IDENTIFYING and not re.fullmatch(r"[0-9-]+", text)
    }


def sentence_long(text: str) -> bool:
    return len(re.findall(r"\w+", text)) >= 3


def normal(text: str) -> str:
    return " ".join(text.casefold().split())


def present(text: str, secrets: set[str] | tuple[str, ...]) -> list[str]:
    """The secrets found in ``text`` as whole words, regardless of case."""
    return [s for s in secrets if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text, re.IGNORECASE)]


def assert_no_personal_data(
    copy: object, text: str, identifying: set[str], whole: set[str]
) -> None:
    """The guarantee of a redacted copy: no identifying text anywhere, no screening or
    support text as a whole text, and none of sentence length inside another text."""
    assert present(text, identifying) == []
    texts = {normal(f.text) for f in privacy.text_fields(copy)}
    assert texts & {normal(s) for s in whole} == set()
    assert present(" ".join(text.split()), {s for s in whole if sentence_long(s)}) == []


def findings(document: object) -> set[tuple[str, str]]:
    report = duaal_leren.validate(document, today=TODAY)
    return {(f.code, f.path) for f in report.findings if f.code not in NEEDS_PERSONAL_DATA}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_the_redacted_copy_of_each_example_holds_none_of_its_personal_data(
    path: Path, tmp_path: Path
) -> None:
    original = duaal_leren.load(path)
    [written] = privacy.redact_files([path], tmp_path)
    text = written.read_text(encoding="utf-8")
    copy = duaal_leren.load(written)
    identifying, whole = personal_strings(original), whole_texts(original)
    if path.name == "traject-lotte.yaml":
        identifying |= set(LOTTE)
        whole |= set(LOTTE_WHOLE)
    assert_no_personal_data(copy, text, identifying, whole)
    assert type(copy) is type(original)
    assert findings(copy) == findings(original)
    assert (
        duaal_leren.validate(copy, today=TODAY).passed
        == duaal_leren.validate(original, today=TODAY).passed
    )


def test_lottes_hand_written_strings_are_in_the_example_before_redaction() -> None:
    # The list above is of strings that are really there: otherwise the test proves nothing.
    text = (EXAMPLES / "traject-lotte.yaml").read_text(encoding="utf-8")
    assert present(text, LOTTE) == list(LOTTE)
    assert present(text, LOTTE_WHOLE) == list(LOTTE_WHOLE)
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    assert set(LOTTE_WHOLE) <= whole_texts(traject)


def test_a_folder_is_redacted_as_a_whole_so_a_record_loses_the_names_of_its_traject(
    tmp_path: Path,
) -> None:
    out = tmp_path / "uit"
    written = privacy.redact_files([EXAMPLES], out)
    assert sorted(p.name for p in written) == sorted(p.name for p in EXAMPLE_FILES)
    identifying: set[str] = set()
    whole: set[str] = set()
    for path in EXAMPLE_FILES:
        identifying |= personal_strings(duaal_leren.load(path))
        whole |= whole_texts(duaal_leren.load(path))
    for path in written:
        copy = duaal_leren.load(path)
        assert_no_personal_data(copy, path.read_text(encoding="utf-8"), identifying, whole)


def test_redaction_keeps_what_is_not_personal() -> None:
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    copy = privacy.redact(traject)
    assert copy.lerende.id == "LRN-2025-0042"
    assert copy.lerende.persoonsgegevens is None
    assert copy.lerende.screening is None
    assert copy.lerende.ondersteuning is None
    assert copy.mentor is not None
    assert copy.mentor.naam == privacy.VERWIJDERD
    assert traject.mentor is not None
    assert copy.mentor.aanstelling == traject.mentor.aanstelling
    assert copy.opleidingsplan == attrs.evolve(
        traject.opleidingsplan,
        handtekeningen=tuple(
            attrs.evolve(h, naam=None) for h in traject.opleidingsplan.handtekeningen
        ),
    )
    gesprek = copy.opvolgingsgesprekken[1]
    assert gesprek.acties[0].omschrijving == (
        "[lerende] houdt een logboek bij van de aansluitingen die ze maakt."
    )
    assert all(d.naam is None for d in gesprek.deelnemers)
    assert copy.opvolgingsgesprekken[0].acties[0].eigenaar == "[naam] (mentor)"


def test_redaction_replaces_numbers_and_addresses_typed_into_free_text() -> None:
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    noisy = attrs.evolve(
        traject,
        lerende=attrs.evolve(
            traject.lerende,
            motivatie="Mail x.y@example.org of bel 0499 11 22 33; rrn 85.07.30-033.28.",
        ),
    )
    copy = privacy.redact(noisy)
    assert copy.lerende.motivatie == "Mail [e-mail] of bel [telefoon]; rrn [rijksregisternummer]."


def test_redact_and_pseudonymise_return_the_same_kind_for_a_part_of_a_document() -> None:
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    assert traject.mentor is not None
    mentor = privacy.redact(traject.mentor)
    assert type(mentor) is type(traject.mentor)
    assert mentor.naam == privacy.VERWIJDERD
    assert privacy.pseudonymise(traject.mentor, "k").naam.startswith("persoon-")


def test_two_pseudonymised_runs_with_the_same_key_give_identical_files(tmp_path: Path) -> None:
    one = privacy.redact_files([EXAMPLES], tmp_path / "een", key="geheime sleutel")
    two = privacy.redact_files([EXAMPLES], tmp_path / "twee", key="geheime sleutel")
    other = privacy.redact_files([EXAMPLES], tmp_path / "ander", key="andere sleutel")
    for a, b in zip(one, two, strict=True):
        assert a.read_bytes() == b.read_bytes()
        assert "geheime sleutel" not in a.read_text(encoding="utf-8")
    lotte = {p.name: p.read_text(encoding="utf-8") for p in one}["traject-lotte.yaml"]
    lotte_other = {p.name: p.read_text(encoding="utf-8") for p in other}["traject-lotte.yaml"]
    ids = set(re.findall(r"(?:lerende|persoon)-[0-9a-f]{16}", lotte))
    ids_other = set(re.findall(r"(?:lerende|persoon)-[0-9a-f]{16}", lotte_other))
    assert ids
    assert ids_other
    assert not ids & ids_other


def test_the_same_learner_gets_the_same_pseudonym_in_every_file_and_run() -> None:
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    record = duaal_leren.load(EXAMPLES / "gespreksverslag-opstart-lotte.yaml")
    a = privacy.pseudonymise(traject, b"k")
    b = privacy.pseudonymise(record, "k")
    assert a.lerende.id == b.lerende
    assert re.fullmatch(r"lerende-[0-9a-f]{16}", a.lerende.id)
    assert a.mentor is not None
    assert a.mentor.naam == privacy.pseudonymise(traject, "k").mentor.naam
    # The learner's first name in a note stands for the same person as the full name in
    # the learner's signature.
    note = a.opvolgingsgesprekken[1].acties[0].omschrijving
    [signature] = [h for h in a.opleidingsplan.handtekeningen if h.partij.value == "lerende"]
    assert note.split()[0] == signature.naam
    assert privacy.pseudonymise(traject, "x").lerende.id != a.lerende.id


def test_an_empty_key_is_an_error() -> None:
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    with pytest.raises(FieldError, match="key"):
        privacy.pseudonymise(traject, "")
    with pytest.raises(FieldError):
        privacy.redact_files([EXAMPLES / "traject-lotte.yaml"], "ergens", key=b"")


def test_redact_files_refuses_a_folder_inside_the_input_folder(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "t.yaml").write_bytes((EXAMPLES / "traject-lotte.yaml").read_bytes())
    with pytest.raises(WriteError, match="invoermap"):
        privacy.redact_files([source], source / "uit")
    with pytest.raises(WriteError, match="invoermap"):
        privacy.redact_files([source], source)
    assert sorted(p.name for p in source.iterdir()) == ["t.yaml"]


def test_redact_files_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    source = tmp_path / "t.yaml"
    source.write_bytes((EXAMPLES / "traject-lotte.yaml").read_bytes())
    before = source.read_bytes()
    with pytest.raises(WriteError, match="invoerbestanden"):
        privacy.redact_files([source], tmp_path)
    assert source.read_bytes() == before


def test_redact_files_writes_every_copy_or_none(tmp_path: Path) -> None:
    good = tmp_path / "in" / "goed.yaml"
    good.parent.mkdir()
    good.write_bytes((EXAMPLES / "traject-lotte.yaml").read_bytes())
    bad = tmp_path / "in" / "kapot.yaml"
    bad.write_text("schema: duaal-leren/traject@1\nid: x\n", encoding="utf-8")
    out = tmp_path / "uit"
    with pytest.raises(DocumentError):
        privacy.redact_files([good, bad], out)
    assert not out.exists() or list(out.iterdir()) == []
    # A copy that cannot be written (a folder stands in its place): none is written.
    out.mkdir(exist_ok=True)
    (out / "kapot.yaml").mkdir()
    bad.write_bytes((EXAMPLES / "traject-milan.yaml").read_bytes())
    with pytest.raises(WriteError):
        privacy.redact_files([good, bad], out)
    assert sorted(p.name for p in out.iterdir()) == ["kapot.yaml"]


def test_a_folder_keeps_its_layout(tmp_path: Path) -> None:
    source = tmp_path / "school"
    (source / "klas-a").mkdir(parents=True)
    (source / "klas-a" / "lotte.yaml").write_bytes((EXAMPLES / "traject-lotte.yaml").read_bytes())
    (source / "milan.yaml").write_bytes((EXAMPLES / "traject-milan.yaml").read_bytes())
    (source / "notities.txt").write_text("geen document", encoding="utf-8")
    written = privacy.redact_files([source], tmp_path / "uit")
    assert sorted(p.relative_to(tmp_path / "uit").as_posix() for p in written) == [
        "klas-a/lotte.yaml",
        "milan.yaml",
    ]


def test_two_inputs_with_the_same_name_are_refused(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "t.yaml").write_bytes((EXAMPLES / "traject-lotte.yaml").read_bytes())
    with pytest.raises(WriteError, match="dezelfde kopie"):
        privacy.redact_files([tmp_path / "a" / "t.yaml", tmp_path / "b" / "t.yaml"], tmp_path / "u")
    assert not (tmp_path / "u").exists()


# --- the exports ---------------------------------------------------------------------------


def lotte_secrets() -> set[str]:
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    learner: set[str] = set()
    for name in ("persoonsgegevens", "screening", "ondersteuning"):
        learner.update(_leaves(getattr(traject.lerende, name)))
    return {s for s in learner | set(LOTTE) if len(s) >= 3}


def test_the_cohort_matrix_holds_no_personal_data_of_the_learners() -> None:
    from duaal_leren.cohort import Cohort

    matrix = Cohort.load(EXAMPLES).matrix(today=TODAY)
    for text in (matrix.csv(), matrix.html(), str(matrix.to_dict())):
        assert present(text, lotte_secrets()) == []
    assert "LRN-2025-0042" in matrix.csv()


def test_the_progress_report_holds_no_personal_data_of_the_learner() -> None:
    from duaal_leren.voortgang import TrajectVoortgang

    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    report = TrajectVoortgang.from_traject(traject, today=TODAY)
    for text in (report.text(), report.text("en"), report.html(), str(report.to_dict())):
        assert present(text, lotte_secrets()) == []


def test_the_icalendar_export_holds_no_personal_data_of_the_learner() -> None:
    from duaal_leren.ical import to_ical
    from duaal_leren.planning import PerSchooljaar, plan_opvolging

    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    bare = attrs.evolve(traject, opvolgingsgesprekken=())
    text = to_ical(plan_opvolging(bare, PerSchooljaar(3))).decode().replace("\r\n ", "")
    assert present(text, lotte_secrets()) == []
    assert "LRN-2025-0042" in text


# --- the marks -----------------------------------------------------------------------------


def marked_table() -> list[tuple[str, str]]:
    return [(cls.__name__, name) for cls, name in privacy.personal_fields()]


def test_the_table_of_personal_fields_in_the_docs_is_the_marked_fields() -> None:
    page = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| `(\w+)` \|", page, re.MULTILINE)
    assert rows == marked_table()


def test_the_names_of_people_in_conversations_and_signatures_are_marked() -> None:
    table = marked_table()
    for pair in (
        ("Handtekening", "naam"),
        ("Deelnemer", "naam"),
        ("Lerende", "persoonsgegevens"),
        ("Lerende", "screening"),
        ("Lerende", "ondersteuning"),
        ("Mentor", "naam"),
    ):
        assert pair in table


def test_a_marked_field_is_kept_out_of_repr() -> None:
    from duaal_leren.opvolging import Deelnemer, Gespreksrol

    assert "Koen" not in repr(Deelnemer(Gespreksrol.MENTOR, naam="Koen Vermeulen"))


def test_text_fields_walks_every_text_with_its_path() -> None:
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    fields = {f.path: f for f in privacy.text_fields(traject)}
    assert fields["$.lerende.motivatie"].text.startswith("Wil snel")
    assert fields["$.lerende.persoonsgegevens.contact.email"].contact
    assert not fields["$.opvolgingsgesprekken[0].acties[1].omschrijving"].contact
    assert fields["$.lerende.screening.sterktes[1]"].text == "leergierig"


def _with(data: dict[str, Any], keys: list[str | int], value: str) -> dict[str, Any]:
    node: Any = data
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value
    return data


def test_a_traject_built_in_code_is_redacted_too() -> None:
    traject: Traject = duaal_leren.load_traject(EXAMPLES / "traject-milan.yaml")
    data = duaal_leren.to_dict(traject)
    _with(data, ["lerende", "motivatie"], "Milan wil zonnepanelen leren plaatsen.")
    copy = privacy.redact(duaal_leren.from_dict(data))
    assert copy.lerende.motivatie == "[lerende] wil zonnepanelen leren plaatsen."


# --- what is no document -----------------------------------------------------------------


@pytest.mark.parametrize("function", ["redact", "pseudonymise"])
def test_what_is_no_document_is_refused_not_returned(function: str) -> None:
    copy = getattr(privacy, function)
    args = ("k",) if function == "pseudonymise" else ()
    row = duaal_leren.to_dict(duaal_leren.load(EXAMPLES / "traject-lotte.yaml"))
    with pytest.raises(DocumentTypeError) as caught:
        copy(row, *args)
    assert caught.value.text("en") == (
        f"{function} takes a document (Aanwezigheden, Gespreksverslag, Leidraad, Uitbreiding, "
        "SchooleigenKalender, StandaardOpleidingsplan, Traject) or a part of one, not an "
        "object of type dict; build the model first with duaal_leren.from_dict"
    )
    assert "Lotte" not in str(caught.value)
    with pytest.raises(DocumentTypeError, match="None"):
        copy(None, *args)
    for path in ("examples/traject-lotte.yaml", EXAMPLES / "traject-lotte.yaml", b"id: x"):
        with pytest.raises(DocumentTypeError) as caught:
            copy(path, *args)
        assert "redact_files" in caught.value.text("en")
    with pytest.raises(DocumentTypeError, match="int"):
        copy(5, *args)
    with pytest.raises(DocumentTypeError, match="tuple"):
        copy((), *args)


def test_a_key_of_the_wrong_type_says_what_a_key_must_be() -> None:
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    for key in (5, None, ["k"]):
        with pytest.raises(FieldError) as caught:
            privacy.pseudonymise(traject, key)  # type: ignore[arg-type]
        assert caught.value.text("en") == (
            f"key: the key for pseudonyms must be text (str) or bytes, not {type(key).__name__}"
        )
    with pytest.raises(FieldError, match="tekst \\(str\\) of bytes"):
        privacy.redact_files([EXAMPLES / "traject-lotte.yaml"], "ergens", key=5)  # type: ignore[arg-type]
    with pytest.raises(FieldError, match="mag niet leeg"):
        privacy.pseudonymise(traject, b"")


# --- what is cleaned from free text --------------------------------------------------------


def test_a_single_word_of_the_screening_in_a_note_stays() -> None:
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    copy = privacy.redact(traject)
    assert copy.opvolgingsgesprekken[0].feedback_technisch[0].tekst == (
        "Werkt nauwkeurig bij het aansluiten en controleert het schema vooraf."
    )
    assert traject.lerende.screening is not None
    werf = attrs.evolve(
        traject,
        lerende=attrs.evolve(
            traject.lerende,
            motivatie="Op de werf komt de vergrendeling eerst.",
            screening=attrs.evolve(traject.lerende.screening, sterktes=("werf",)),
        ),
    )
    assert privacy.redact(werf).lerende.motivatie == "Op de werf komt de vergrendeling eerst."
    assert privacy.pseudonymise(werf, "k").lerende.motivatie == (
        "Op de werf komt de vergrendeling eerst."
    )


def test_a_screening_or_support_text_of_sentence_length_is_replaced_where_it_stands_whole() -> None:
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    noted = attrs.evolve(
        traject,
        lerende=attrs.evolve(
            traject.lerende,
            motivatie="Afgesproken: Mondelinge  toelichting bij werkbonnen. Arbeidsrijp; "
            "voorleessoftware op school is er.",
        ),
    )
    assert privacy.redact(noted).lerende.motivatie == (
        "Afgesproken: [verwijderd]. Arbeidsrijp; [verwijderd] is er."
    )


def test_what_identifies_a_person_is_replaced_in_free_text() -> None:
    traject = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    assert traject.mentor is not None
    noted = attrs.evolve(
        traject,
        lerende=attrs.evolve(
            traject.lerende,
            motivatie="Peeters, geboren 14/03/2008, woont Voorbeeldstraat 1, 9999 Fictiefdorp; "
            "mail lotte.peeters@example.org, bel 0470 00 00 42; mentor "
            f"{traject.mentor.naam}; screening op 2025-06-20.",
        ),
    )
    assert privacy.redact(noted).lerende.motivatie == (
        "[lerende], geboren [verwijderd], woont [verwijderd]; mail [e-mail], bel [telefoon]; "
        "mentor [naam]; screening op 2025-06-20."
    )


# --- the traject's id ----------------------------------------------------------------------


def test_pseudonymisation_replaces_the_traject_id_the_same_way_everywhere() -> None:
    lotte = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")
    record = duaal_leren.load(EXAMPLES / "gespreksverslag-opstart-lotte.yaml")
    noor = duaal_leren.load_traject(EXAMPLES / "traject-noor.yaml")
    attendance = duaal_leren.load(EXAMPLES / "aanwezigheden-noor-2025-10.yaml")
    one = privacy.pseudonymise(lotte, "k")
    assert re.fullmatch(r"traject-[0-9a-f]{16}", one.id)
    assert privacy.pseudonymise(record, "k").traject == one.id
    assert privacy.pseudonymise(attendance, "k").traject == privacy.pseudonymise(noor, "k").id
    assert privacy.pseudonymise(noor, "k").id != one.id
    assert privacy.pseudonymise(lotte, "x").id != one.id
    # Typed into a note, the ids are replaced as well.
    noted = attrs.evolve(lotte, lerende=attrs.evolve(lotte.lerende, motivatie=f"Zie {lotte.id}."))
    assert privacy.pseudonymise(noted, "k").lerende.motivatie == f"Zie {one.id}."
    # Redaction keeps the traject's id: it is no personal data, and the school needs it.
    assert privacy.redact(lotte).id == "TRJ-2025-0042"
    assert privacy.redact(attendance).traject == "TRJ-2025-0063"


def test_a_pseudonymised_folder_still_pairs_attendance_with_its_traject(tmp_path: Path) -> None:
    from duaal_leren.validation import validate_files

    written = privacy.redact_files([EXAMPLES], tmp_path / "uit", key="k")
    for path in written:
        assert "TRJ-2025-" not in path.read_text(encoding="utf-8"), path.name
    reports = validate_files(written, today=TODAY)  # one report per file, in that order
    [report] = [r for p, r in zip(written, reports, strict=True) if p.name.startswith("aanw")]
    assert "aanwezigheid-traject" not in report.codes()
    # Alone, the same record finds no traject: the pairing above is what the ids give.
    [record] = [p for p in written if p.name.startswith("aanw")]
    assert "aanwezigheid-traject" in validate_files([record], today=TODAY).reports[0].codes()
