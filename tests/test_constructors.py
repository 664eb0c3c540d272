"""Constructors and `attrs.evolve` hold the types of the fields.

The obvious conversions happen (text to an enum member by its value, a `datetime.date` or ISO
text to a `pendulum.Date`, a list to a tuple, a whole number to a float); any other value of
a wrong type is a `FieldError` naming the field, raised where the object is made, not later
inside a rule. A traject built in code never makes `validate` raise anything but the
library's own errors.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import duaal_leren
from duaal_leren import (
    Competentie,
    DuaalLerenError,
    FieldError,
    Leerplaats,
    Overeenkomst,
    Overeenkomstsoort,
    Persoonsgegevens,
    Referenties,
    Traject,
    Weekdag,
    Weekpatroon,
    Werkdag,
    WerkdagPlaats,
    strategies,
)

TODAY = pendulum.date(2026, 3, 1)


def test_text_becomes_the_enum_member_of_that_value() -> None:
    assert Competentie("X-1", "Iets", "werkplek").leerplaats is Leerplaats.WERKPLEK  # type: ignore[arg-type]


def test_an_unknown_choice_names_the_field_and_the_choices() -> None:
    with pytest.raises(FieldError) as caught:
        Competentie("X-1", "Iets", "werkplaats")  # type: ignore[arg-type]
    assert caught.value.field == "leerplaats"
    assert "'werkplaats'" in caught.value.text("en")
    assert "'werkplek'" in caught.value.text("en")


@pytest.mark.parametrize(
    "given",
    [
        "2026-01-31",
        datetime.date(2026, 1, 31),
        datetime.datetime(2026, 1, 31),
        pendulum.datetime(2026, 1, 31, tz="Europe/Brussels"),
        "2026-01-31T00:00:00",
        pendulum.date(2026, 1, 31),
    ],
)
def test_dates_become_pendulum_dates(given: object) -> None:
    competentie = Competentie("X-1", "Iets", Leerplaats.SCHOOL, termijn=given)  # type: ignore[arg-type]
    assert competentie.termijn == pendulum.date(2026, 1, 31)
    assert type(competentie.termijn) is pendulum.Date


@pytest.mark.parametrize(
    "given",
    [
        3,
        "31/01/2026",
        "2026-02-30",
        datetime.datetime(2026, 1, 31, 10, 30),
        "2026-01-31T10:30:00",
    ],
)
def test_what_is_no_day_is_refused_as_a_date(given: object) -> None:
    with pytest.raises(FieldError) as caught:
        Competentie("X-1", "Iets", Leerplaats.SCHOOL, termijn=given)  # type: ignore[arg-type]
    assert caught.value.field == "termijn"


def test_lists_become_tuples_with_their_items_converted() -> None:
    pattern = Weekpatroon([Werkdag("maandag", "werkplek", 8)])  # type: ignore[arg-type]
    assert pattern.dagen == (Werkdag(Weekdag.MAANDAG, WerkdagPlaats.WERKPLEK, 8.0),)
    assert type(pattern.dagen) is tuple
    assert type(pattern.dagen[0].uren) is float
    competentie = Competentie("X-1", "Iets", Leerplaats.SCHOOL, vereisten=["A", "B"])  # type: ignore[arg-type]
    assert competentie.vereisten == ("A", "B")
    hash(competentie)  # a frozen object holds no list


def test_a_decimal_number_of_hours_is_a_float() -> None:
    day = Werkdag(Weekdag.MAANDAG, WerkdagPlaats.WERKPLEK, decimal.Decimal("7.6"))  # type: ignore[arg-type]
    assert day.uren == 7.6
    assert type(day.uren) is float


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Competentie(1, "Iets", Leerplaats.SCHOOL), "code"),  # type: ignore[arg-type]
        (lambda: Competentie("X-1", "Iets", Leerplaats.SCHOOL, vereisten="A"), "vereisten"),  # type: ignore[arg-type]
        (lambda: Competentie("X-1", "Iets", Leerplaats.SCHOOL, vereisten=[1]), "vereisten"),  # type: ignore[list-item]
        (lambda: Competentie("X-1", "Iets", Leerplaats.SCHOOL, referenties={}), "referenties"),  # type: ignore[arg-type]
        (lambda: Werkdag(Weekdag.MAANDAG, WerkdagPlaats.SCHOOL, "8"), "uren"),  # type: ignore[arg-type]
        (lambda: Werkdag(Weekdag.MAANDAG, WerkdagPlaats.SCHOOL, True), "uren"),
        (lambda: Overeenkomst("oao", "2025-09-01", 2026), "einde"),  # type: ignore[arg-type]
        (lambda: duaal_leren.Mentor("M", leeftijdsuitzondering=1), "leeftijdsuitzondering"),  # type: ignore[arg-type]
    ],
)
def test_a_wrong_type_is_a_field_error_naming_the_field(
    build: typing.Callable[[], object], field: str
) -> None:
    with pytest.raises(FieldError) as caught:
        build()
    assert caught.value.field == field


def test_a_dict_for_a_part_says_how_to_build_it() -> None:
    with pytest.raises(FieldError) as caught:
        Competentie("X-1", "Iets", Leerplaats.SCHOOL, referenties={"esco": []})  # type: ignore[arg-type]
    assert "from_dict" in caught.value.text("en")


def test_an_item_of_the_wrong_type_is_named_by_its_index() -> None:
    with pytest.raises(FieldError) as caught:
        Weekpatroon((Werkdag(Weekdag.MAANDAG, WerkdagPlaats.SCHOOL, 8), "dinsdag"))  # type: ignore[arg-type]
    assert caught.value.field == "dagen"
    assert "item 1" in caught.value.text("en")


def test_evolve_converts_and_checks_as_the_constructor(traject: Traject) -> None:
    contract = attrs.evolve(traject.overeenkomst, einde=datetime.date(2026, 6, 30), soort="sao")
    assert contract.einde == pendulum.date(2026, 6, 30)
    assert contract.soort is Overeenkomstsoort.SAO
    with pytest.raises(FieldError) as caught:
        attrs.evolve(traject, lerende="LRN-1")
    assert caught.value.field == "lerende"


def test_a_message_about_personal_data_names_its_type_not_its_value() -> None:
    with pytest.raises(FieldError) as caught:
        Persoonsgegevens("Lotte", geboortedatum=20080314)  # type: ignore[arg-type]
    assert "20080314" not in caught.value.text("nl") + caught.value.text("en")
    assert "int" in caught.value.text("en")


# --- one field of a traject replaced by a value of another type -----------------------------


class _Other(enum.Enum):
    X = "x"


_ODD_VALUES = st.sampled_from(
    [
        None,
        0,
        -1,
        7,
        2.5,
        True,
        "",
        "tekst",
        "school",
        "2026-01-31",
        "2026-01-31T10:00:00",
        decimal.Decimal("1.5"),
        datetime.date(2026, 1, 31),
        datetime.datetime(2026, 1, 31, 10),
        pendulum.date(2026, 1, 31),
        [],
        ["a"],
        (),
        {},
        {"code": "X"},
        _Other.X,
        Leerplaats.SCHOOL,
        Referenties(),
        object(),
    ]
)

Steps = tuple[str | int, ...]


def _places(obj: object, steps: Steps = ()) -> Iterator[Steps]:
    """Every field and item below an object, as the steps that reach it."""
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            here = (*steps, field.name)
            yield here
            yield from _places(getattr(obj, field.name), here)
    elif isinstance(obj, tuple):
        for index, item in enumerate(obj):
            here = (*steps, index)
            yield here
            yield from _places(item, here)


def _replaced(obj: Any, steps: Steps, value: object) -> Any:
    """The object with the value at ``steps`` replaced, rebuilt through its constructors."""
    step, rest = steps[0], steps[1:]
    if isinstance(obj, tuple):
        assert isinstance(step, int)
        inner = value if not rest else _replaced(obj[step], rest, value)
        return (*obj[:step], inner, *obj[step + 1 :])
    assert isinstance(step, str)
    inner = value if not rest else _replaced(getattr(obj, step), rest, value)
    return attrs.evolve(obj, **{step: inner})


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(traject=strategies.trajecten(), data=st.data(), value=_ODD_VALUES)
def test_validate_of_a_traject_built_in_code_raises_only_the_librarys_errors(
    traject: Traject, data: st.DataObject, value: object
) -> None:
    steps = data.draw(st.sampled_from(list(_places(traject))))
    try:
        changed = _replaced(traject, steps, value)
    except DuaalLerenError:
        return  # refused where it was made, naming the field
    try:
        report = duaal_leren.validate(changed, today=TODAY)
    except DuaalLerenError:
        return
    assert isinstance(report, duaal_leren.Report)


def test_a_school_calendar_built_in_code_converts_and_checks_like_the_models() -> None:
    from duaal_leren.kalender import SchooleigenDag, SchooleigenKalender, Schooleigensoort

    dag = SchooleigenDag(datetime.date(2025, 10, 3), "pedagogische-studiedag")
    eigen = SchooleigenKalender(
        "De Vonk", "2025-2026", vrije_dagen=[dag], klassenraden=["2025-12-15"]
    )
    assert dag.soort is Schooleigensoort.PEDAGOGISCHE_STUDIEDAG
    assert eigen.vrije_dagen == (dag,)
    assert eigen.klassenraden == (pendulum.date(2025, 12, 15),)
    with pytest.raises(duaal_leren.FieldError) as info:
        SchooleigenKalender("De Vonk", "2025-2026", klassenraden=[12])
    assert info.value.field == "klassenraden"
