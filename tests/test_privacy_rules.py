"""The privacy rules: national register numbers, e-mail and phone in free text, health words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.be import nn

import duaal_leren
from duaal_leren import privacy
from duaal_leren.exceptions import DocumentError, FieldError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TODAY = "2025-10-01"
LOTTE = duaal_leren.load(EXAMPLES / "traject-lotte.yaml")
LOTTE_DATA = duaal_leren.to_dict(LOTTE)
RECORD = duaal_leren.load(EXAMPLES / "gespreksverslag-opstart-lotte.yaml")

VALID = "85.07.30-033.28"  # the example of the register's own documentation
VALID_2000 = "17 07 30 033 84"  # born in 2017: the check digits count from 2000
INVALID = "85.07.30-033.29"  # the same, one check digit off


def privacy_findings(document: object, rules: str = "privacy") -> list[tuple[str, str]]:
    report = duaal_leren.validate(document, today=TODAY, select=[rules])
    return [(f.code, f.path) for f in report.findings]


def with_text(data: dict[str, Any], path: str, text: str) -> Any:
    """The traject of ``data`` with the text at JSON path ``path`` set to ``text``."""
    import copy

    from duaal_leren.exceptions import location

    changed = copy.deepcopy(data)
    keys = location(path)
    node: Any = changed
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = text
    return duaal_leren.from_dict(changed)


def test_the_examples_have_no_privacy_findings() -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        assert privacy_findings(duaal_leren.load(path)) == [], path.name


TEXT_PATHS = [f.path for f in privacy.text_fields(LOTTE)]


@pytest.mark.parametrize("path", TEXT_PATHS)
def test_a_valid_national_register_number_in_any_text_of_a_traject_is_an_error(path: str) -> None:
    try:
        traject = with_text(LOTTE_DATA, path, f"zie {VALID} hier")
    except DocumentError:
        pytest.skip("this field takes no such text (a company number, ...)")
    report = duaal_leren.validate(traject, today=TODAY, select=["privacy-rijksregisternummer"])
    [finding] = report.findings
    assert (finding.code, finding.path, finding.severity.value) == (
        "privacy-rijksregisternummer",
        path,
        "error",
    )
    for text in (finding.message, finding.message_en, str(finding.to_dict())):
        assert "85" not in text.replace(path, "")
        assert "033" not in text


def test_most_texts_of_a_traject_can_hold_one() -> None:
    # The parametrised test skips only the few fields with a format of their own.
    assert len(TEXT_PATHS) > 100


@pytest.mark.parametrize(
    "text",
    [VALID, VALID.replace(".", "").replace("-", ""), VALID_2000, "rrn: 85 07 30 033 28."],
)
def test_with_or_without_separators_and_for_people_born_after_2000(text: str) -> None:
    traject = with_text(LOTTE_DATA, "$.lerende.motivatie", text)
    assert privacy_findings(traject) == [("privacy-rijksregisternummer", "$.lerende.motivatie")]


@pytest.mark.parametrize(
    "text",
    [
        INVALID,
        "12345678901",
        "gesprek op 2025-11-20 om 10.30",
        "werkbon 20251120-001.12",
        "0456.712.325",
        "rekening BE68 5390 0754 7034",
    ],
)
def test_a_plausible_but_invalid_number_is_not_flagged(text: str) -> None:
    traject = with_text(LOTTE_DATA, "$.lerende.motivatie", text)
    assert privacy_findings(traject, "privacy-rijksregisternummer") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 .-/:", max_size=40))
def test_a_number_is_flagged_only_when_its_check_digits_fit(text: str) -> None:
    for start, end in privacy.rijksregisternummers(text):
        assert nn.is_valid(text[start:end])


@given(st.integers(0, 99), st.integers(1, 12), st.integers(1, 28), st.integers(1, 997))
def test_every_valid_number_is_found_in_every_spelling(y: int, m: int, d: int, n: int) -> None:
    base = f"{y:02d}{m:02d}{d:02d}{n:03d}"
    check = 97 - int(base) % 97
    number = base + f"{check:02d}"
    if not nn.is_valid(number):
        number = base + f"{97 - int('2' + base) % 97:02d}"
    if not nn.is_valid(number):
        return  # a birth date after today
    spelled = nn.format(number)
    for text in (number, spelled, spelled.replace(".", " ").replace("-", " ")):
        assert privacy.rijksregisternummers(f"nr {text}.") != []


def test_an_email_address_in_free_text_is_a_warning_but_not_in_contact_details() -> None:
    traject = with_text(LOTTE_DATA, "$.afspraken.afwezigheid", "Mail naar lotte@example.org")
    report = duaal_leren.validate(traject, today=TODAY, select=["privacy"])
    [finding] = report.findings
    assert (finding.code, finding.path, finding.severity.value) == (
        "privacy-email",
        "$.afspraken.afwezigheid",
        "warning",
    )
    assert "@" not in finding.message
    assert "lotte" not in finding.message_en
    # The contact details of the example hold addresses: no finding there.
    assert privacy_findings(LOTTE) == []


def test_a_phone_number_in_free_text_is_a_warning() -> None:
    path = "$.opvolgingsgesprekken[0].agenda[1].notitie"
    traject = with_text(LOTTE_DATA, path, "Bel +32 470 12 34 56")
    report = duaal_leren.validate(traject, today=TODAY, select=["privacy"])
    [finding] = report.findings
    assert (finding.code, finding.path, finding.severity.value) == (
        "privacy-telefoon",
        path,
        "warning",
    )
    assert "470" not in finding.message
    assert "470" not in finding.message_en


@pytest.mark.parametrize("text", ["0470 12 34 56", "09/000.00.01", "0032 9 000 00 01"])
def test_phone_numbers_as_people_write_them(text: str) -> None:
    assert privacy.phone_numbers(f"bel {text} na 16u") != []


@pytest.mark.parametrize("text", ["KBO 0456.712.325", "7u30-16u", "2025-09-01", "ELT-03"])
def test_no_phone_number(text: str) -> None:
    assert privacy.phone_numbers(text) == []


def with_record(record_data: dict[str, Any]) -> Any:
    """Lotte's traject with one conversation record inside it."""
    part = {k: v for k, v in record_data.items() if k != "schema"}
    return duaal_leren.from_dict({**LOTTE_DATA, "gespreksverslagen": [part]})


def test_the_answers_about_contact_details_may_hold_them() -> None:
    # The example record answers "contactpersoon-bereikbaarheid" with a phone number.
    data = duaal_leren.to_dict(RECORD)
    assert "09 000 00 02" in duaal_leren.dump(RECORD)
    assert privacy_findings(with_record(data)) == []
    visie = next(i for i, a in enumerate(data["antwoorden"]) if a["item"] == "visie-samenwerking")
    data["antwoorden"][visie]["tekst"] = "Bel Bart op 09 000 00 02"
    assert privacy_findings(with_record(data)) == [
        ("privacy-telefoon", f"$.gespreksverslagen[0].antwoorden[{visie}].tekst")
    ]


def test_health_words_in_the_support_texts_are_a_warning() -> None:
    traject = with_text(
        LOTTE_DATA, "$.lerende.ondersteuning.noden[0]", "Neemt medicatie voor epilepsie"
    )
    report = duaal_leren.validate(traject, today=TODAY, select=["privacy"])
    [finding] = report.findings
    assert (finding.code, finding.path, finding.severity.value) == (
        "privacy-gezondheid",
        "$.lerende.ondersteuning.noden[0]",
        "warning",
    )
    assert "epilepsie" not in finding.message


def test_health_words_elsewhere_are_not_the_rules_business() -> None:
    traject = with_text(LOTTE_DATA, "$.lerende.motivatie", "Wil later in een ziekenhuis werken")
    assert privacy_findings(traject) == []


def test_the_health_words_can_be_chosen() -> None:
    assert privacy_findings(LOTTE) == []
    with privacy.health_words([*privacy.HEALTH_WORDS, "dyslexie"]) as words:
        assert "dyslexie" in words
        assert privacy_findings(LOTTE) == [
            ("privacy-gezondheid", "$.lerende.ondersteuning.noden[0]")
        ]
    assert privacy.used_health_words() == privacy.HEALTH_WORDS
    with privacy.health_words([]):
        traject = with_text(LOTTE_DATA, "$.lerende.ondersteuning.noden[0]", "medicatie")
        assert privacy_findings(traject) == []
    with pytest.raises(FieldError), privacy.health_words(["ziek", " "]):
        pass


def test_a_start_up_answer_on_support_is_checked_for_health_words() -> None:
    data = duaal_leren.to_dict(RECORD)
    i = next(
        i for i, a in enumerate(data["antwoorden"]) if a["item"] == "aandachtspunten-leertraject"
    )
    data["antwoorden"][i]["tekst"] = "Volgt therapie op woensdag"
    assert privacy_findings(with_record(data)) == [
        ("privacy-gezondheid", f"$.gespreksverslagen[0].antwoorden[{i}].tekst")
    ]


def test_a_standard_plan_is_checked_too() -> None:
    plan = duaal_leren.load(EXAMPLES / "standaardplan-elektrotechniek.yaml")
    data = duaal_leren.to_dict(plan)
    data["toelichting"] = f"contact: x@example.org, {VALID}"
    changed = duaal_leren.from_dict(data)
    assert sorted(privacy_findings(changed)) == [
        ("privacy-email", "$.toelichting"),
        ("privacy-rijksregisternummer", "$.toelichting"),
    ]


def test_a_record_in_a_file_of_its_own_is_checked_too() -> None:
    # Every document kind is checked once, whole: not only trajecten and plans.
    data = duaal_leren.to_dict(RECORD)
    data["antwoorden"][0]["afspraak"] = f"Zie rijksregister {VALID}"
    changed = duaal_leren.from_dict(data)
    assert privacy_findings(changed) == [
        ("privacy-rijksregisternummer", "$.antwoorden[0].afspraak"),
    ]


def test_the_severity_of_a_privacy_rule_can_be_lowered() -> None:
    traject = with_text(LOTTE_DATA, "$.lerende.motivatie", VALID)
    report = duaal_leren.validate(
        traject,
        today=TODAY,
        select=["privacy"],
        severity={"privacy-rijksregisternummer": "warning"},
    )
    assert report.passed
    assert [f.severity.value for f in report.findings] == ["warning"]
