"""Property tests: every valid document survives a trip through text and files, and no
input, however broken, ends in anything but a `DocumentError` with well-formed problems."""

from __future__ import annotations

import copy
import datetime
import importlib
import json
import pkgutil
import subprocess
import sys
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import duaal_leren
from duaal_leren import strategies
from duaal_leren._parse import child_path
from duaal_leren.aanwezigheid import Aanwezigheden, Aanwezigheid, Melding
from duaal_leren.gespreksverslag import Antwoord
from duaal_leren.kalender import SchooleigenDag
from duaal_leren.leidraad import (
    Aanvulling,
    Bron,
    Item,
    LeidraadReferentie,
    Sectie,
    Thema,
    Uitbreiding,
)
from duaal_leren.opvolging import Actie, Deelnemer
from duaal_leren.traject import Meldingsafspraak, Roosterwijziging, Rotatie

FORMATS = ("yaml", "json")
# For the robustness tests, which each load a whole document: the round trips run the
# profile's full number.
HALF = settings(max_examples=max(10, settings().max_examples // 2))
# The kinds of the foundation; other kinds have tests of their own.
KINDS = (duaal_leren.kind_of("standaardplan"), duaal_leren.kind_of("traject"))


def assert_well_formed(error: duaal_leren.DocumentError) -> None:
    """Every problem can be shown to a user: a path, a code, messages in both languages."""
    assert error.problems
    for problem in error.problems:
        assert problem.path.startswith("$")
        assert problem.code
        assert problem.message.strip()
        assert problem.message_en.strip()
        assert problem.line is None or problem.line >= 1
    lines = [p.line or 0 for p in error.problems]
    assert lines == sorted(lines)
    assert str(error) == error.text("nl")
    assert error.text("en").startswith(error.source)


def load_or_error(load: Callable[[], object]) -> object | duaal_leren.DocumentError:
    """The loaded document, or the DocumentError; any other exception fails the test."""
    try:
        return load()
    except duaal_leren.DocumentError as error:
        assert_well_formed(error)
        return error


def expect_error(load: Callable[[], object]) -> duaal_leren.DocumentError:
    result = load_or_error(load)
    assert isinstance(result, duaal_leren.DocumentError), result
    return result


# --- round trips --------------------------------------------------------------------------


def check_round_trip(document: object, directory: Path) -> None:
    for fmt in FORMATS:
        # save writes dump(document): loading the file is load(dump(document)).
        target = directory / f"document.{fmt}"
        assert duaal_leren.save(document, target) == target
        text = target.read_text(encoding="utf-8")
        loaded = duaal_leren.load(target)
        assert loaded == document, fmt
        assert type(loaded) is type(document)
        # Writing is stable: the loaded object gives the very same text.
        assert duaal_leren.dump(loaded, format=fmt) == text, fmt  # type: ignore[arg-type]
    # No temporary file is left behind.
    assert sorted(p.name for p in directory.iterdir()) == ["document.json", "document.yaml"]


# One test per kind runs both formats on each drawn document: drawing a document costs
# more than its trips through text and files.


@given(plan=strategies.standaardplannen())
def test_standaardplan_round_trip(
    plan: duaal_leren.StandaardOpleidingsplan, tmp_path_factory: pytest.TempPathFactory
) -> None:
    check_round_trip(plan, tmp_path_factory.mktemp("plan"))


@given(traject=strategies.trajecten())
def test_traject_round_trip(
    traject: duaal_leren.Traject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    check_round_trip(traject, tmp_path_factory.mktemp("traject"))


def check_text_round_trip(document: object) -> None:
    schema = duaal_leren.kind_of(document).schema
    for fmt in FORMATS:
        text = duaal_leren.dump(document, format=fmt)  # type: ignore[arg-type]
        # The document says first what it is.
        assert text.startswith((f"schema: {schema}\n", f'{{\n  "schema": "{schema}"')), fmt
        loaded = duaal_leren.loads(text)
        assert loaded == document, fmt
        assert type(loaded) is type(document)
        assert duaal_leren.dump(loaded, format=fmt) == text, fmt  # type: ignore[arg-type]


# Files are written and read the same way for every kind, as the trips above show: the
# other kinds go through text only, which is where they differ.


@given(verslag=strategies.gespreksverslagen())
def test_gespreksverslag_round_trip(verslag: duaal_leren.Gespreksverslag) -> None:
    check_text_round_trip(verslag)


@given(catalogue=strategies.leidraden())
def test_leidraad_round_trip(catalogue: duaal_leren.Leidraad) -> None:
    check_text_round_trip(catalogue)


@given(uitbreiding=strategies.uitbreidingen())
def test_leidraad_uitbreiding_round_trip(uitbreiding: Uitbreiding) -> None:
    check_text_round_trip(uitbreiding)


@given(kalender=strategies.schooleigen_kalenders())
def test_schoolkalender_round_trip(kalender: duaal_leren.SchooleigenKalender) -> None:
    check_text_round_trip(kalender)


@given(record=strategies.aanwezigheden())
def test_aanwezigheden_round_trip(record: Aanwezigheden) -> None:
    check_text_round_trip(record)


ROUND_TRIPS = {
    "aanwezigheden": test_aanwezigheden_round_trip,
    "gespreksverslag": test_gespreksverslag_round_trip,
    "leidraad": test_leidraad_round_trip,
    "leidraad-uitbreiding": test_leidraad_uitbreiding_round_trip,
    "schoolkalender": test_schoolkalender_round_trip,
    "standaardplan": test_standaardplan_round_trip,
    "traject": test_traject_round_trip,
}


def test_every_kind_has_a_round_trip_test() -> None:
    assert sorted(ROUND_TRIPS) == [kind.name for kind in duaal_leren.kinds()]


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_PLAN = duaal_leren.load_standaardplan(EXAMPLES / "standaardplan-elektrotechniek.yaml")
EXAMPLE_TRAJECT = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")


@pytest.mark.parametrize("fmt", FORMATS)
def test_extreme_dates_round_trip(fmt: duaal_leren.Format) -> None:
    first, second, *rest = EXAMPLE_PLAN.competenties
    plan = attrs.evolve(
        EXAMPLE_PLAN,
        competenties=(
            attrs.evolve(first, termijn=pendulum.Date(1900, 1, 1)),
            attrs.evolve(second, termijn=pendulum.Date(2199, 12, 31)),
            *rest,
        ),
    )
    text = duaal_leren.dump(plan, format=fmt)
    assert "1900-01-01" in text
    assert "2199-12-31" in text
    assert duaal_leren.loads(text) == plan


# The model takes the days from 1900-01-01 to 2199-12-31: the rules reckon with days well
# beyond a date, and 9999-12-31 took them past the last year Python knows.
FIRST_DAY = datetime.date(1900, 1, 1)
LAST_DAY = datetime.date(2199, 12, 31)


@given(day=strategies.datums(FIRST_DAY, LAST_DAY))
def test_any_date_round_trips(day: pendulum.Date) -> None:
    competentie = duaal_leren.Competentie("C-1", "Iets", duaal_leren.Leerplaats.SCHOOL)
    plan = duaal_leren.StandaardOpleidingsplan(
        "p", "Opleiding", "1", (attrs.evolve(competentie, termijn=day),)
    )
    for fmt in FORMATS:
        text = duaal_leren.dump(plan, format=fmt)  # type: ignore[arg-type]
        assert duaal_leren.loads(text) == plan


LOTTE_TEXT = (EXAMPLES / "traject-lotte.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
@given(
    day=strategies.datums(datetime.date.min, FIRST_DAY - datetime.timedelta(days=1))
    | strategies.datums(LAST_DAY + datetime.timedelta(days=1), datetime.date.max)
)
def test_a_date_outside_the_model_is_refused(fmt: str, day: pendulum.Date) -> None:
    data = to_data(EXAMPLE_TRAJECT)
    data["mentor"]["aanstelling"] = day.isoformat()
    error = expect_error(lambda: duaal_leren.loads(as_text(data, fmt), format=fmt))  # type: ignore[arg-type]
    [problem] = error.problems
    assert (problem.code, problem.path) == ("ongeldige-datum", "$.mentor.aanstelling")
    assert problem.line is not None
    # The message says which days are taken, in both languages.
    assert "1900-01-01" in problem.message
    assert "2199-12-31" in problem.message_en


def test_a_mentor_appointed_in_the_year_9999_is_refused() -> None:
    text = LOTTE_TEXT.replace("aanstelling: 2025-08-25", "aanstelling: 9999-12-31")
    error = expect_error(lambda: duaal_leren.loads(text))
    assert [(p.code, p.path, p.line) for p in error.problems] == [
        ("ongeldige-datum", "$.mentor.aanstelling", 273)
    ]


# --- garbage in, DocumentError out -------------------------------------------------------


@given(text=st.text())
def test_any_text_gives_a_document_error(text: str) -> None:
    expect_error(lambda: duaal_leren.loads(text))
    expect_error(lambda: duaal_leren.loads(text, format="yaml"))
    expect_error(lambda: duaal_leren.loads(text, format="json"))


@given(text=st.text())
def test_any_text_as_a_path_gives_a_document_error(text: str) -> None:
    # load takes any text for a file name: the file is read, or found missing or unreadable.
    expect_error(lambda: duaal_leren.load(text))


@given(raw=st.binary())
def test_any_bytes_give_a_document_error(raw: bytes) -> None:
    expect_error(lambda: duaal_leren.loads(raw))


@given(text=st.text(), kind=st.sampled_from(KINDS))
def test_any_text_after_a_schema_line_gives_a_document_error(
    text: str, kind: duaal_leren.Kind
) -> None:
    expect_error(lambda: duaal_leren.loads(f"schema: {kind.schema}\n{text}"))


JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=10),
    st.sampled_from(["no", "0123", "08:30", "2025-02-30", "2025-09-01", "", " "]),
)
# For changes that must not break the whole text: JSON has no NaN or infinity.
FINITE_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=10),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def as_text(data: Any, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1)
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)


@given(data=JSON_VALUES, fmt=st.sampled_from(FORMATS))
def test_any_data_gives_a_document_error(data: Any, fmt: duaal_leren.Format) -> None:
    expect_error(lambda: duaal_leren.loads(as_text(data, fmt), format=fmt))


@HALF
@given(data=st.data(), kind=st.sampled_from(KINDS), fmt=st.sampled_from(FORMATS))
def test_any_fields_of_a_kind_give_a_document_error(
    data: st.DataObject, kind: duaal_leren.Kind, fmt: duaal_leren.Format
) -> None:
    names = [f.name for f in attrs.fields(kind.cls)]
    keys = st.sampled_from(names) | st.text(max_size=8)
    body = data.draw(st.dictionaries(keys, JSON_VALUES, max_size=8))
    document = {"schema": kind.schema, **body}
    expect_error(lambda: duaal_leren.loads(as_text(document, fmt), format=fmt))


# --- mutations of valid documents ----------------------------------------------------------

Steps = tuple[str | int, ...]


def to_data(document: object) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(duaal_leren.dump(document, format="json"))
    return data


def walk(data: Any, steps: Steps = ()) -> Iterator[tuple[Steps, Any]]:
    yield steps, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*steps, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(value, (*steps, index))


def json_path(steps: Steps) -> str:
    result = "$"
    for step in steps:
        result = child_path(result, step)
    return result


def under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}["))


# The shipped examples hold every part of a traject; drawn plans add odd text.
VALID_DATA = st.sampled_from([to_data(EXAMPLE_TRAJECT), to_data(EXAMPLE_PLAN)]) | (
    strategies.standaardplannen(max_competenties=4).map(to_data)
)


@HALF
@given(original=VALID_DATA, data=st.data(), fmt=st.sampled_from(FORMATS))
def test_dropping_a_key(
    original: dict[str, Any], data: st.DataObject, fmt: duaal_leren.Format
) -> None:
    document = copy.deepcopy(original)
    objects = [(steps, v) for steps, v in walk(document) if isinstance(v, dict) and v]
    steps, target = data.draw(st.sampled_from(objects))
    key = data.draw(st.sampled_from(sorted(target)))
    del target[key]
    result = load_or_error(lambda: duaal_leren.loads(as_text(document, fmt), format=fmt))
    if isinstance(result, duaal_leren.DocumentError):
        # Only a required field can be missed, and it is the one problem.
        [problem] = result.problems
        assert problem.code == "ontbrekend-veld"
        assert problem.path == json_path((*steps, key))
        # A missing field has no line of its own: the line is the object's.
        assert problem.line is not None
        assert repr(key) in problem.message
        assert repr(key) in problem.message_en


@HALF
@given(original=VALID_DATA, data=st.data(), fmt=st.sampled_from(FORMATS))
def test_adding_an_unknown_key(
    original: dict[str, Any], data: st.DataObject, fmt: duaal_leren.Format
) -> None:
    document = copy.deepcopy(original)
    objects = [(steps, v) for steps, v in walk(document) if isinstance(v, dict)]
    steps, target = data.draw(st.sampled_from(objects))
    key = "x-" + data.draw(st.text(max_size=10))
    target[key] = data.draw(FINITE_SCALARS)
    error = expect_error(lambda: duaal_leren.loads(as_text(document, fmt), format=fmt))
    [problem] = error.problems
    assert problem.code == "onbekend-veld"
    assert problem.path == json_path((*steps, key))
    assert problem.line is not None


def json_type(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


OTHER_VALUES = st.one_of(
    FINITE_SCALARS,
    st.lists(FINITE_SCALARS, max_size=2),
    st.dictionaries(st.text(max_size=5), FINITE_SCALARS, max_size=2),
)


@HALF
@given(original=VALID_DATA, data=st.data(), fmt=st.sampled_from(FORMATS))
def test_changing_a_type(
    original: dict[str, Any], data: st.DataObject, fmt: duaal_leren.Format
) -> None:
    document = copy.deepcopy(original)
    values = [(steps, v) for steps, v in walk(document) if steps]
    steps, old = data.draw(st.sampled_from(values))
    new = data.draw(OTHER_VALUES.filter(lambda v: json_type(v) != json_type(old)))
    parent: Any = document
    for step in steps[:-1]:
        parent = parent[step]
    parent[steps[-1]] = new
    result = load_or_error(lambda: duaal_leren.loads(as_text(document, fmt), format=fmt))
    if isinstance(result, duaal_leren.DocumentError):
        # The problems are about the changed value, not about anything else.
        where = json_path(steps)
        for problem in result.problems:
            assert under(problem.path, where), (problem, where)
            assert problem.line is not None


# --- the strategies module ----------------------------------------------------------------

STRATEGY_OF: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    Aanvulling: strategies.aanvullingen,
    Actie: strategies.acties,
    Antwoord: strategies.antwoorden,
    Bron: strategies.bronnen,
    Deelnemer: strategies.deelnemers,
    Item: strategies.items,
    LeidraadReferentie: strategies.leidraadreferenties,
    SchooleigenDag: strategies.schooleigen_dagen,
    Sectie: strategies.secties,
    Thema: strategies.themas,
    Uitbreiding: strategies.uitbreidingen,
    duaal_leren.Afspraak: strategies.afspraken,
    duaal_leren.Agendapunt: strategies.agendapunten,
    duaal_leren.Bedrijfscontact: strategies.bedrijfscontacten,
    duaal_leren.Beheersingsschaal: strategies.beheersingsschalen,
    duaal_leren.Competentie: strategies.competenties,
    duaal_leren.Contact: strategies.contacten,
    duaal_leren.Erkenning: strategies.erkenningen,
    duaal_leren.Feedback: strategies.feedbacks,
    duaal_leren.Gespreksverslag: strategies.gespreksverslagen,
    duaal_leren.Handtekening: strategies.handtekeningen,
    duaal_leren.IndividueelOpleidingsplan: strategies.individuele_plannen,
    duaal_leren.Leerfocus: strategies.leerfocussen,
    duaal_leren.Leerkans: strategies.leerkansen,
    duaal_leren.Leerwerkplek: strategies.leerwerkplekken,
    duaal_leren.Leidraad: strategies.leidraden,
    duaal_leren.Lerende: strategies.lerenden,
    duaal_leren.Mentor: strategies.mentoren,
    duaal_leren.NietAanleerbaar: strategies.niet_aanleerbaar,
    duaal_leren.Niveau: strategies.niveaus,
    duaal_leren.Observatie: strategies.observaties,
    duaal_leren.Onderwijsinstelling: strategies.onderwijsinstellingen,
    duaal_leren.Ondersteuning: strategies.ondersteuningen,
    duaal_leren.Opvolgingsgesprek: strategies.opvolgingsgesprekken,
    duaal_leren.Overeenkomst: strategies.overeenkomsten,
    duaal_leren.Persoon: strategies.personen,
    duaal_leren.Persoonsgegevens: strategies.persoonsgegevens,
    duaal_leren.PlanReferentie: strategies.planreferenties,
    duaal_leren.PraktischeAfspraken: strategies.praktische_afspraken,
    duaal_leren.Referenties: strategies.referenties,
    duaal_leren.SchooleigenKalender: strategies.schooleigen_kalenders,
    duaal_leren.Screening: strategies.screenings,
    duaal_leren.StandaardOpleidingsplan: strategies.standaardplannen,
    duaal_leren.Toevoeging: strategies.toevoegingen,
    duaal_leren.Traject: strategies.trajecten,
    duaal_leren.Vakantieuitzondering: strategies.vakantie_uitzonderingen,
    duaal_leren.Verplaatsing: strategies.verplaatsingen,
    duaal_leren.Weekpatroon: strategies.weekpatronen,
    duaal_leren.Weglating: strategies.weglatingen,
    duaal_leren.Werkdag: strategies.werkdagen,
    Aanwezigheden: strategies.aanwezigheden,
    Aanwezigheid: strategies.aanwezigheidsdagen,
    Melding: strategies.meldingen,
    Meldingsafspraak: strategies.meldingsafspraken,
    Roosterwijziging: strategies.roosterwijzigingen,
    Rotatie: strategies.rotaties,
}


def public_attrs_classes() -> set[type[Any]]:
    """Every attrs class that a public module of the package names in its ``__all__``."""
    found: set[type[Any]] = set()
    for info in pkgutil.walk_packages(duaal_leren.__path__, "duaal_leren."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if isinstance(value, type) and attrs.has(value):
                found.add(value)
    return found


def document_parts(cls: type[Any], found: set[type[Any]]) -> set[type[Any]]:
    """``cls`` and every attrs class its fields can hold, however deep."""
    if cls not in found:
        found.add(cls)
        for hint in typing.get_type_hints(cls).values():
            for tp in (hint, *typing.get_args(hint)):
                for inner in (tp, *typing.get_args(tp)):
                    if isinstance(inner, type) and attrs.has(inner):
                        document_parts(inner, found)
    return found


def test_every_part_of_a_document_has_a_strategy() -> None:
    public = public_attrs_classes()
    parts: set[type[Any]] = set()
    for kind in duaal_leren.kinds():
        document_parts(kind.cls, parts)
    # The walk sees the newer parts of a traject, not only the foundation.
    assert {duaal_leren.Opvolgingsgesprek, duaal_leren.Vakantieuitzondering, Deelnemer} <= parts
    # Every part is public: a user can build each object a file holds.
    assert parts <= public, sorted(c.__name__ for c in parts - public)
    missing = sorted(c.__name__ for c in parts - set(STRATEGY_OF))
    assert not missing, f"no strategy for {missing}"
    # The other public classes are results and tools (reports, progress, plans of visits),
    # never read from a file: a strategy for one would be a strategy for nothing.
    extra = sorted(c.__name__ for c in set(STRATEGY_OF) - parts)
    assert not extra, f"a strategy for a class no document holds: {extra}"


def test_strategies_module_exports_sorted_functions() -> None:
    assert strategies.__all__ == sorted(strategies.__all__)
    for name in strategies.__all__:
        assert isinstance(getattr(strategies, name)(), st.SearchStrategy), name


@pytest.mark.parametrize("cls", sorted(STRATEGY_OF, key=str))
@settings(max_examples=10)
@given(data=st.data())
def test_each_strategy_draws_valid_objects_of_its_class(
    cls: type[Any], data: st.DataObject
) -> None:
    drawn = data.draw(STRATEGY_OF[cls]())
    assert type(drawn) is cls
    # Building a copy runs every field validator again.
    assert attrs.evolve(drawn) == drawn


@settings(max_examples=10)
@given(traject=strategies.trajecten(opvolging=True))
def test_a_followed_up_traject_is_drawn_coherent(traject: duaal_leren.Traject) -> None:
    contract = traject.overeenkomst
    codes = set(traject.opleidingsplan.codes)
    scale = traject.beheersingsschaal or duaal_leren.Beheersingsschaal.standaard()
    assert traject.opvolgingsgesprekken
    days = [gesprek.datum for gesprek in traject.opvolgingsgesprekken]
    assert days == sorted(days)
    for gesprek in traject.opvolgingsgesprekken:
        assert contract.start <= gesprek.datum <= contract.einde
        assert gesprek.competenties() <= codes
        assert {o.niveau for o in gesprek.observaties} <= set(scale.waarden)
    for verslag in traject.gespreksverslagen:
        assert (verslag.traject, verslag.lerende) == (traject.id, traject.lerende.id)
        assert contract.start <= verslag.datum <= contract.einde


@settings(max_examples=10)
@given(traject=strategies.trajecten(opvolging=False))
def test_a_traject_that_is_not_followed_up_has_nothing_of_it(
    traject: duaal_leren.Traject,
) -> None:
    assert traject.opvolgingsgesprekken == traject.gespreksverslagen == ()
    assert traject.vakantie_uitzonderingen == ()
    assert traject.beheersingsschaal is None


def test_importing_the_package_does_not_import_hypothesis() -> None:
    script = "import sys, duaal_leren; print('hypothesis' in sys.modules)"
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("mentor", "aanstelling"), "x" * 5_000_000),
        (("overeenkomst", "soort"), "x" * 5_000_000),
        (("id",), [0] * 1_000_000),
        (("id",), float("1" * 5000)),
        (("id",), {"x" * 5_000_000: 1}),
    ],
    ids=["date", "choice", "list", "number", "object-with-long-key"],
)
def test_a_message_quotes_only_an_excerpt_of_a_long_value(
    where: tuple[str, ...], value: Any
) -> None:
    data = to_data(EXAMPLE_TRAJECT)
    target = data
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    # JSON has no infinity; 1e999 is a number too large for a float, read as infinity.
    text = json.dumps(data).replace("Infinity", "1e999")
    error = expect_error(lambda: duaal_leren.loads(text, format="json"))
    for problem in error.problems:
        assert len(problem.message) < 500
        assert len(problem.message_en) < 500
    assert len(error.text("nl")) < 10_000


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_long_list_of_wrong_items_is_described_up_to_a_limit_and_counted(fmt: str) -> None:
    from duaal_leren._convert import MAX_ITEM_PROBLEMS

    data = to_data(EXAMPLE_TRAJECT)
    data["opleidingsplan"]["competenties"] = list(range(MAX_ITEM_PROBLEMS + 250))
    error = expect_error(lambda: duaal_leren.loads(as_text(data, fmt), format=fmt))  # type: ignore[arg-type]
    [counted] = [p for p in error.problems if p.code == "te-veel-problemen"]
    described = [p for p in error.problems if p is not counted]
    assert [p.path for p in described] == [
        f"$.opleidingsplan.competenties[{i}]" for i in range(MAX_ITEM_PROBLEMS)
    ]
    assert {p.code for p in described} == {"verkeerd-type"}
    assert counted.path == "$.opleidingsplan.competenties"
    assert counted.line is not None
    assert "250" in counted.message
    assert "250" in counted.message_en
