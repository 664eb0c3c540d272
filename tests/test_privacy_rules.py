"""The privacy rules: national register numbers, e-mail and phone in free text, health words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from stdnum.be import nn

import duaal_leren
from duaal_leren import privacy, strategies
from duaal_leren._validators import PERSOONSGEGEVEN
from duaal_leren.exceptions import DocumentError, FieldError, location
from duaal_leren.gespreksverslag import Antwoord
from duaal_leren.traject import Contact, Ondersteuning, Screening
from duaal_leren.validation import _privacy_rules
from duaal_leren.validation._engine import RULES, Context

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


# --- the shared walk finds what a plain walk finds ------------------------------------------
#
# The rules walk a document once per validation with generated code and screen all texts at
# once before the detectors run (`privacy.DocumentTexts`). Below is the plain walk and the
# plain rules they replace: every text, every detector on every text. The property holds the
# quick ones to the same findings, in the same order, on drawn trajecten with planted values.


CONTACT_ITEMS = {"contactpersoon-wie", "contactpersoon-bereikbaarheid", "contactgegevens-lerende"}
SUPPORT_ITEMS = {
    "screening-arbeidsrijpheid",
    "aandachtspunten-leertraject",
    "ondersteuning-door-school",
}
CODES = ["privacy-rijksregisternummer", "privacy-email", "privacy-telefoon", "privacy-gezondheid"]


def plain_texts(obj: object, path: str = "$", contact: bool = False) -> list[tuple[Any, ...]]:
    """(path, text, owner, field, contact) of every text, as the first version walked them."""
    if not attrs.has(type(obj)):
        return []
    found: list[tuple[Any, ...]] = []
    inside = contact or isinstance(obj, Contact)
    for attribute in attrs.fields(type(obj)):
        value = getattr(obj, attribute.name)
        here = f"{path}.{attribute.name}"
        flag = inside or bool(attribute.metadata.get(PERSOONSGEGEVEN))
        if isinstance(value, str):
            found.append((here, value, obj, attribute.name, flag))
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    found.append((f"{here}[{i}]", item, obj, attribute.name, flag))
                else:
                    found += plain_texts(item, f"{here}[{i}]", flag)
        else:
            found += plain_texts(value, here, flag)
    return found


def plain_findings(document: object, words: tuple[str, ...]) -> dict[str, list[str]]:
    """The paths each privacy rule reports, every detector run on every text."""
    texts = plain_texts(document)

    def contact(owner: object, flag: bool) -> bool:
        return flag or (isinstance(owner, Antwoord) and owner.item in CONTACT_ITEMS)

    def support(owner: object, field: str) -> bool:
        return isinstance(owner, Screening | Ondersteuning) or (
            isinstance(owner, Antwoord)
            and owner.item in SUPPORT_ITEMS
            and field in ("tekst", "afspraak")
        )

    health = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")", re.IGNORECASE)
    return {
        "privacy-rijksregisternummer": [p for p, t, *_ in texts if privacy.rijksregisternummers(t)],
        "privacy-email": [
            p for p, t, o, _, c in texts if not contact(o, c) and privacy.email_addresses(t)
        ],
        "privacy-telefoon": [
            p for p, t, o, _, c in texts if not contact(o, c) and privacy.phone_numbers(t)
        ],
        "privacy-gezondheid": [
            p for p, t, o, f, _ in texts if words and support(o, f) and health.search(t)
        ],
    }


def rule_findings(document: object) -> dict[str, list[str]]:
    """The paths each privacy rule reports, in its own order, sharing one context."""
    ctx = Context(document, pendulum.Date(2025, 10, 1))
    return {code: [hit.path for hit in RULES[code].check(ctx)] for code in CODES}


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ARABIC_PHONE = "04" + "70123456".translate(ARABIC)  # digits of another script match too
PLANTED = st.one_of(
    st.sampled_from(  # national register numbers, and numbers that are none
        [
            VALID,
            VALID_2000,
            INVALID,
            VALID.replace(".", "").replace("-", ""),
            VALID.translate(FULLWIDTH),  # stdnum reads full-width digits as digits
            "12345678901",
            "tel. 09/000.00.01, rrn 85073003328",
            "2025-09-01 tot 2026-06-30",
        ]
    ),
    st.sampled_from(  # e-mail addresses
        ["lotte@example.org", "mail a.b@example.be of bel", "x@y", "Bel 09 000 00 02 of a@b.be"]
    ),
    st.sampled_from(  # phone numbers
        [
            "0470 12 34 56",
            "+32 9 000 00 01",
            "0032 (0) 9 000 00 01",
            ARABIC_PHONE,
            "KBO 0456.712.325",
            "a\x00b 0470 12 34 56",  # a NUL in a text: the texts are screened one by one
        ]
    ),
    st.sampled_from(privacy.HEALTH_WORDS).map(lambda w: f"heeft {w.upper()}ie"),
    st.sampled_from(["épilepsie, Medicatie", "dyslexie", "ziek"]),
    st.text(alphabet="0123456789 .-+()/@abé٣３\x00", max_size=30),
)


def planted(document: Any, data: st.DataObject) -> Any:
    """The document with a few of its texts replaced by drawn values (where the field takes them)."""
    paths = [p for p, *_ in plain_texts(document)]
    if not paths:
        return document
    # The screening, support and answer texts too, where the health words are looked for.
    support = [p for p in paths if re.search(r"screening|ondersteuning|antwoorden", p)] or paths
    result = document
    for _ in range(data.draw(st.integers(1, 6), label="plants")):
        path = data.draw(st.sampled_from(paths) | st.sampled_from(support), label="path")
        text = data.draw(PLANTED, label="text")
        where = data.draw(st.sampled_from(["whole", "after"]), label="where")
        changed = duaal_leren.to_dict(result)
        keys = location(path)
        node: Any = changed
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = text if where == "whole" else f"{node[keys[-1]]} {text}"
        try:
            result = duaal_leren.from_dict(changed)
        except DocumentError:
            continue  # a field with a format of its own (an id, a code) takes no such text
    return result


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    traject=strategies.trajecten(),
    data=st.data(),
    words=st.sampled_from([privacy.HEALTH_WORDS, ("medicatie", "dyslexie"), ("ZIEK",)]),
)
def test_the_shared_walk_finds_what_a_plain_walk_finds(
    traject: Any, data: st.DataObject, words: tuple[str, ...]
) -> None:
    document = planted(traject, data)
    assert [
        (f.path, f.text, f.owner, f.field, f.contact) for f in privacy.text_fields(document)
    ] == plain_texts(document)
    with privacy.health_words(words) as chosen:
        expected = plain_findings(document, tuple(w.casefold() for w in chosen))
        assert rule_findings(document) == expected
        report = duaal_leren.validate(document, today=TODAY, select=["privacy"])
    for code, paths in expected.items():
        event(f"{code}: {'found' if paths else 'none'}")
    for code in CODES:
        assert sorted(f.path for f in report.findings if f.code == code) == sorted(expected[code])


@settings(max_examples=30, deadline=None)
@given(record=strategies.gespreksverslagen(), data=st.data())
def test_a_record_alone_finds_what_a_plain_walk_finds(record: Any, data: st.DataObject) -> None:
    document = planted(record, data)
    assert rule_findings(document) == plain_findings(document, privacy.HEALTH_WORDS)


def test_every_detector_finds_the_planted_values_in_a_traject() -> None:
    # The planted values above are found at all (so that the property compares findings).
    traject = with_text(LOTTE_DATA, "$.lerende.motivatie", f"{VALID.translate(FULLWIDTH)}")
    assert privacy_findings(traject) == [("privacy-rijksregisternummer", "$.lerende.motivatie")]
    traject = with_text(LOTTE_DATA, "$.afspraken.afwezigheid", "a\x00b bel 0470 12 34 56")
    assert privacy_findings(traject) == [("privacy-telefoon", "$.afspraken.afwezigheid")]


def test_a_validation_keeps_no_walk_of_the_document_once_it_returns() -> None:
    traject = with_text(LOTTE_DATA, "$.lerende.motivatie", VALID)
    report = duaal_leren.validate(traject, today=TODAY)
    assert [f.code for f in report.findings if f.code.startswith("privacy")] == [
        "privacy-rijksregisternummer"
    ]
    assert _privacy_rules._WALKS == {}
    # The next validation of another document walks that document, not the last one.
    assert privacy_findings(LOTTE) == []
