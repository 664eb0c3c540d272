"""A learner's traject: the weekly pattern, the contract, field checks and personal data."""

from __future__ import annotations

import math
import re
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duaal_leren
from duaal_leren import (
    PERSOONSGEGEVEN,
    Contact,
    FieldError,
    Leerwerkplek,
    Lerende,
    Mentor,
    Ondersteuning,
    Overeenkomst,
    Overeenkomstsoort,
    Persoonsgegevens,
    Screening,
    Traject,
    Weekdag,
    Weekpatroon,
    Werkdag,
    WerkdagPlaats,
    strategies,
)

# Drawing a traject is slow; the round-trip tests draw the full number.
FEWER = settings(max_examples=max(10, settings().max_examples // 4))


def test_weekpatroon_hours(traject: Traject) -> None:
    pattern = traject.weekpatroon
    assert pattern is not None
    assert pattern.werkplekuren == pytest.approx(3 * 7.6)
    assert pattern.schooluren == pytest.approx(2 * 7.6)
    assert pattern.uren(WerkdagPlaats.WERKPLEK) == pattern.werkplekuren
    assert pattern.dagen_van(WerkdagPlaats.SCHOOL) == (Weekdag.WOENSDAG, Weekdag.VRIJDAG)


def test_a_split_day_counts_at_both_places_and_days_come_monday_first() -> None:
    pattern = Weekpatroon(
        (
            Werkdag(Weekdag.VRIJDAG, WerkdagPlaats.WERKPLEK, 8),
            Werkdag(Weekdag.DINSDAG, WerkdagPlaats.SCHOOL, 4),
            Werkdag(Weekdag.DINSDAG, WerkdagPlaats.WERKPLEK, 3.5),
            Werkdag(Weekdag.MAANDAG, WerkdagPlaats.WERKPLEK, 7.6),
        )
    )
    assert pattern.werkplekuren == pytest.approx(19.1)
    assert pattern.schooluren == 4
    assert pattern.dagen_van(WerkdagPlaats.WERKPLEK) == (
        Weekdag.MAANDAG,
        Weekdag.DINSDAG,
        Weekdag.VRIJDAG,
    )
    assert pattern.dagen_van(WerkdagPlaats.SCHOOL) == (Weekdag.DINSDAG,)


def test_an_empty_pattern_has_no_hours() -> None:
    pattern = Weekpatroon(())
    assert pattern.werkplekuren == 0
    assert pattern.schooluren == 0
    assert pattern.dagen_van(WerkdagPlaats.SCHOOL) == ()


@given(pattern=strategies.weekpatronen())
def test_hours_add_up(pattern: Weekpatroon) -> None:
    total = sum(d.uren for d in pattern.dagen)
    assert math.isclose(pattern.werkplekuren + pattern.schooluren, total, abs_tol=1e-9)
    for plaats in WerkdagPlaats:
        days = pattern.dagen_van(plaats)
        assert [d.isoweekday for d in days] == sorted({d.isoweekday for d in days})


def test_weekday_numbers() -> None:
    assert [d.isoweekday for d in Weekdag] == [1, 2, 3, 4, 5, 6, 7]
    assert Weekdag.MAANDAG.isoweekday == pendulum.Date(2025, 9, 1).isoweekday()


def test_contract_period(traject: Traject) -> None:
    period = traject.overeenkomst.periode
    assert period.start == traject.overeenkomst.start
    assert period.end == traject.overeenkomst.einde
    assert period.in_days() == 302


# --- field validators -------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["0456.712.325", "0456712325", "0456.712325", "1000.000.021"])
def test_valid_company_numbers(number: str) -> None:
    assert Leerwerkplek("Bedrijf", ondernemingsnummer=number).ondernemingsnummer == number


@pytest.mark.parametrize(
    ("number", "check_digit"),
    [
        ("0456.712.326", True),
        ("0456712324", True),
        ("2456.712.325", False),
        ("456.712.325", False),
        ("0456-712-325", False),
        ("0456.712.32", False),
        ("BE0456712325", False),
        (" 0456712325", False),
    ],
)
def test_invalid_company_numbers(number: str, check_digit: bool) -> None:
    with pytest.raises(FieldError) as info:
        Leerwerkplek("Bedrijf", ondernemingsnummer=number)
    assert info.value.field == "ondernemingsnummer"
    assert ("controlegetal" in info.value.message) is check_digit
    assert ("check digit" in info.value.message_en) is check_digit


@given(number=strategies.ondernemingsnummers(), position=st.integers(0, 9), shift=st.integers(1, 9))
def test_drawn_company_numbers_are_valid_and_a_changed_digit_is_not(
    number: str, position: int, shift: int
) -> None:
    Leerwerkplek("Bedrijf", ondernemingsnummer=number)
    digits = [c for c in number if c != "."]
    digits[position] = str((int(digits[position]) + shift) % 10)
    # The check digits catch every single changed digit (97 is prime).
    with pytest.raises(FieldError):
        Leerwerkplek("Bedrijf", ondernemingsnummer="".join(digits))


@given(
    with_dots=strategies.ondernemingsnummers(dots=True),
    without=strategies.ondernemingsnummers(dots=False),
)
def test_ondernemingsnummers_with_or_without_dots(with_dots: str, without: str) -> None:
    assert re.fullmatch(r"[01][0-9]{3}\.[0-9]{3}\.[0-9]{3}", with_dots)
    assert re.fullmatch(r"[01][0-9]{9}", without)


@pytest.mark.parametrize("uren", [-0.5, 24.5, math.inf, math.nan])
def test_hours_of_a_day_are_0_to_24(uren: float) -> None:
    with pytest.raises(FieldError) as info:
        Werkdag(Weekdag.MAANDAG, WerkdagPlaats.SCHOOL, uren)
    assert info.value.field == "uren"
    assert "0" in info.value.message_en
    assert "24" in info.value.message_en


@pytest.mark.parametrize("uren", [0, 24, 7.6])
def test_hours_at_the_bounds_are_valid(uren: float) -> None:
    assert Werkdag(Weekdag.MAANDAG, WerkdagPlaats.SCHOOL, uren).uren == uren


def test_weekly_hours_of_a_contract_are_0_to_60() -> None:
    start, einde = pendulum.Date(2025, 9, 1), pendulum.Date(2026, 6, 30)
    assert Overeenkomst(Overeenkomstsoort.OAO, start, einde, 60).uren_per_week == 60
    with pytest.raises(FieldError):
        Overeenkomst(Overeenkomstsoort.OAO, start, einde, 61)
    with pytest.raises(FieldError):
        Overeenkomst(Overeenkomstsoort.OAO, start, einde, -1)


def test_experience_is_not_negative() -> None:
    assert Mentor("M", ervaring_jaren=0).ervaring_jaren == 0
    with pytest.raises(FieldError):
        Mentor("M", ervaring_jaren=-1)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Lerende(" "),
        lambda: Persoonsgegevens(""),
        lambda: Contact(email=""),
        lambda: duaal_leren.Persoon("\t"),
        lambda: duaal_leren.Onderwijsinstelling("S", instellingsnummer=" "),
        lambda: duaal_leren.Bedrijfscontact("N", ""),
        lambda: duaal_leren.Afspraak("werkuren", " "),
        lambda: duaal_leren.Erkenning("", pendulum.Date(2029, 8, 31)),
    ],
)
def test_blank_text_is_refused(build: object) -> None:
    with pytest.raises(FieldError, match="mag niet leeg zijn"):
        build()  # type: ignore[operator]


# --- personal data ----------------------------------------------------------------------------

MARKER = "⟦geheim⟧"


def test_personal_data_is_not_in_repr(traject: Traject) -> None:
    text = repr(traject)
    gegevens = traject.lerende.persoonsgegevens
    assert gegevens is not None
    for value in (
        gegevens.naam,
        "Peeters",
        str(gegevens.geboortedatum),
        repr(gegevens.geboortedatum),
        gegevens.contact.email,
        gegevens.contact.telefoon,
        gegevens.adres,
        "stiptheid 's morgens",
        "dyslexie",
        "voorleessoftware",
    ):
        assert value is not None
        assert value not in text, value
    # The pseudonymous id is there, and the mentor's birth date is not.
    assert traject.lerende.id in text
    assert "1981" not in text


@FEWER
@given(traject=strategies.trajecten())
def test_personal_data_of_any_traject_is_not_in_repr(traject: Traject) -> None:
    lerende = attrs.evolve(
        traject.lerende,
        persoonsgegevens=Persoonsgegevens(
            MARKER + "naam",
            geboortedatum=pendulum.Date(1234, 5, 6),
            contact=Contact(MARKER + "mail", MARKER + "tel", MARKER + "wanneer"),
            adres=MARKER + "adres",
        ),
        screening=Screening(
            pendulum.Date(1234, 5, 7), MARKER + "advies", (MARKER + "sterk",), (MARKER + "let op",)
        ),
        ondersteuning=Ondersteuning((MARKER + "nood",), (MARKER + "afspraak",)),
    )
    text = repr(attrs.evolve(traject, lerende=lerende))
    assert MARKER not in text
    assert "Date(1234, 5, 6)" not in text
    assert "Date(1234, 5, 7)" not in text


def test_the_personal_data_objects_name_only_their_class_in_repr() -> None:
    gegevens = Persoonsgegevens(
        MARKER + "naam",
        geboortedatum=pendulum.Date(1234, 5, 6),
        contact=Contact(MARKER + "mail"),
        adres=MARKER + "adres",
    )
    screening = Screening(pendulum.Date(1234, 5, 7), MARKER + "advies", (MARKER + "sterk",))
    ondersteuning = Ondersteuning((MARKER + "nood",), (MARKER + "afspraak",))
    assert repr(gegevens) == str(gegevens) == "Persoonsgegevens(<persoonsgegevens>)"
    assert repr(screening) == "Screening(<screening>)"
    assert repr(ondersteuning) == "Ondersteuning(<ondersteuning>)"
    # In a container too, as a log line or an f-string shows them.
    text = f"{[gegevens, screening, ondersteuning]!r} {(gegevens,)}"
    assert MARKER not in text
    assert "1234" not in text


def personal_fields() -> set[tuple[str, str]]:
    found = set()
    for name in duaal_leren.traject.__all__:
        cls = getattr(duaal_leren.traject, name)
        if isinstance(cls, type) and attrs.has(cls):
            found |= {
                (cls.__name__, f.name) for f in attrs.fields(cls) if f.metadata.get(PERSOONSGEGEVEN)
            }
    return found


def test_persoonsgegeven_marks_exactly_the_personal_fields() -> None:
    assert personal_fields() == {
        ("Lerende", "persoonsgegevens"),
        ("Lerende", "screening"),
        ("Lerende", "ondersteuning"),
        ("Mentor", "naam"),
        ("Mentor", "geboortedatum"),
        ("Mentor", "contact"),
        ("Bedrijfscontact", "naam"),
        ("Bedrijfscontact", "contact"),
    }
    for field in attrs.fields(Lerende):
        # What is marked is left out of repr; what is left in is not marked.
        assert (not field.repr) is bool(field.metadata.get(PERSOONSGEGEVEN)), field.name


def test_traject_is_frozen(traject: Traject) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        traject.id = "ander"  # type: ignore[misc]


def test_leerplicht_voltooid_is_read_written_and_unknown_when_left_out(traject: Traject) -> None:
    # A document written before the field existed loads unchanged, with the status unknown.
    data = duaal_leren.to_dict(traject)
    data["lerende"].pop("leerplicht_voltooid", None)
    older = duaal_leren.from_dict(data)
    assert older.lerende.leerplicht_voltooid is None
    assert "leerplicht_voltooid" not in duaal_leren.dump(older)
    for done in (True, False):
        changed = attrs.evolve(older, lerende=attrs.evolve(older.lerende, leerplicht_voltooid=done))
        text = duaal_leren.dump(changed)
        assert f"leerplicht_voltooid: {str(done).lower()}" in text
        assert duaal_leren.loads(text, Traject).lerende.leerplicht_voltooid is done


# --- the schedule: rotation, dated changes, the agreement on absences ---------------------


def test_a_rotation_needs_a_week_and_a_change_a_reason() -> None:
    from duaal_leren.exceptions import FieldError
    from duaal_leren.traject import Meldingsafspraak, Meldpartij, Roosterwijziging, Rotatie

    with pytest.raises(FieldError, match="weken"):
        Rotatie(pendulum.date(2025, 9, 1), ())
    with pytest.raises(FieldError, match="reden"):
        Roosterwijziging(pendulum.date(2025, 9, 1), " ", ())
    with pytest.raises(FieldError, match="aan"):
        Meldingsafspraak(Meldpartij.LERENDE, ())


def test_a_rotation_in_a_file_is_checked_with_paths() -> None:
    root = Path(__file__).resolve().parent.parent
    text = (root / "examples" / "traject-noor.yaml").read_text(encoding="utf-8")
    broken = text.replace("  weken:\n  - dagen:", "  weken: []\n  oud:\n  - dagen:", 1)
    with pytest.raises(duaal_leren.DocumentError) as caught:
        duaal_leren.loads(broken)
    paths = {p.path for p in caught.value.problems}
    assert {"$.rotatie.weken", "$.rotatie.oud"} <= paths


def test_the_rooster_of_a_traject() -> None:
    from duaal_leren.traject import Rooster

    root = Path(__file__).resolve().parent.parent
    noor = duaal_leren.load_traject(root / "examples" / "traject-noor.yaml")
    rooster = noor.rooster
    assert isinstance(rooster, Rooster)
    assert rooster.uren(pendulum.date(2025, 9, 4)) == (0.0, 7.6)  # Thursday of week A
    assert rooster.uren(pendulum.date(2025, 9, 11)) == (7.6, 0.0)  # Thursday of week B
    assert rooster.uren(pendulum.date(2026, 3, 12)) == (0.0, 7.6)  # the class trip
    assert rooster.uren(pendulum.date(2025, 12, 15)) == (0.0, 7.6)  # an exam day
    assert rooster.uren(pendulum.date(2025, 12, 20)) == (0.0, 0.0)  # its Saturday
    # The same schedule is equal and hashes alike: what is worked out from it is shared.
    again = duaal_leren.load_traject(root / "examples" / "traject-noor.yaml").rooster
    assert again == rooster
    assert hash(again) == hash(rooster)
    # One weekly pattern has the same schedule whatever the contract's start.
    lotte = duaal_leren.load_traject(root / "examples" / "traject-lotte.yaml")
    later = attrs.evolve(
        lotte, overeenkomst=attrs.evolve(lotte.overeenkomst, start=pendulum.date(2025, 9, 8))
    )
    assert later.rooster == lotte.rooster
    assert attrs.evolve(lotte, weekpatroon=None).rooster is None


def test_the_last_change_listed_wins() -> None:
    from duaal_leren.traject import Roosterwijziging, Weekdag, Werkdag, WerkdagPlaats

    root = Path(__file__).resolve().parent.parent
    noor = duaal_leren.load_traject(root / "examples" / "traject-noor.yaml")
    day = pendulum.date(2025, 12, 17)  # a Wednesday of the exam week
    werk = Roosterwijziging(
        day, "bedrijfsbezoek", (Werkdag(Weekdag.WOENSDAG, WerkdagPlaats.WERKPLEK, 4),)
    )
    changed = attrs.evolve(noor, roosterwijzigingen=(*noor.roosterwijzigingen, werk))
    assert changed.rooster is not None
    assert changed.rooster.uren(day) == (4.0, 0.0)
    # A weekday the change does not name keeps the schedule's blocks.
    assert changed.rooster.uren(pendulum.date(2025, 12, 18)) == (0.0, 7.6)
