"""Retention: policies, the documents past their date, deleting them, and the rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
import pendulum
import pytest

import duaal_leren
from duaal_leren.bewaring import (
    Anker,
    Bewaarbeleid,
    Bewaartermijn,
    Undetermined,
    active_policy,
    delete,
    expired,
    retention_policy,
)
from duaal_leren.exceptions import FieldError, WriteError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LOTTE = duaal_leren.load_traject(EXAMPLES / "traject-lotte.yaml")  # contract ends 2026-06-30
RECORD = duaal_leren.load(EXAMPLES / "gespreksverslag-opstart-lotte.yaml")  # held 2025-08-26
NOOR = duaal_leren.load_traject(EXAMPLES / "traject-noor.yaml")  # contract ends 2026-06-30
ATTENDANCE = duaal_leren.load(EXAMPLES / "aanwezigheden-noor-2025-10.yaml")  # last day 2025-10-23
FIVE_YEARS = Bewaarbeleid.from_dict(
    {"traject": {"jaren": 5}, "gespreksverslag": {"jaren": 1, "maanden": 6}}
)


def test_a_traject_is_kept_a_period_after_the_end_of_its_contract() -> None:
    assert FIVE_YEARS.vervaldatum(LOTTE) == pendulum.date(2031, 6, 30)
    assert not FIVE_YEARS.voorbij(LOTTE, "2031-06-30")
    assert FIVE_YEARS.voorbij(LOTTE, "2031-07-01")


def test_a_record_is_kept_a_period_after_the_conversation_or_after_its_traject() -> None:
    assert FIVE_YEARS.vervaldatum(RECORD) == pendulum.date(2027, 2, 26)
    after_contract = Bewaarbeleid.from_dict(
        {"gespreksverslag": {"jaren": 5, "na": "einde-overeenkomst"}}
    )
    assert after_contract.termijnen["gespreksverslag"].na is Anker.EINDE_OVEREENKOMST
    assert after_contract.vervaldatum(RECORD) is None  # its traject is unknown
    assert after_contract.vervaldatum(RECORD, {LOTTE.id: LOTTE}) == pendulum.date(2031, 6, 30)
    assert after_contract.vervaldatum(LOTTE) is None  # no period for trajecten


def test_other_kinds_have_no_retention_date() -> None:
    plan = duaal_leren.load(EXAMPLES / "standaardplan-elektrotechniek.yaml")
    assert FIVE_YEARS.vervaldatum(plan) is None
    assert not FIVE_YEARS.voorbij(plan, "2999-01-01")


def test_a_period_counts_months_and_days_too() -> None:
    termijn = Bewaartermijn(maanden=1, dagen=1)
    assert termijn.na_dag(pendulum.date(2026, 1, 31)) == pendulum.date(2026, 3, 1)
    with pytest.raises(FieldError):
        Bewaartermijn(jaren=-1)


@pytest.mark.parametrize(
    ("table", "where"),
    [
        ({"standaardplan": {"jaren": 5}}, "bewaring.standaardplan"),
        ({"traject": 5}, "bewaring.traject"),
        ({"traject": {"jaar": 5}}, "bewaring.traject"),
        ({"traject": {"jaren": 2.5}}, "bewaring.traject.jaren"),
        ({"traject": {"jaren": True}}, "bewaring.traject.jaren"),
        ({"traject": {}}, "bewaring.traject"),
        ({"traject": {"jaren": 5, "na": "datum"}}, "bewaring.traject.na"),
        ({"aanwezigheden": {"jaren": 5, "na": "datum"}}, "bewaring.aanwezigheden.na"),
    ],
)
def test_a_wrong_policy_names_the_setting(table: object, where: str) -> None:
    with pytest.raises(FieldError) as caught:
        Bewaarbeleid.from_dict(table)  # type: ignore[arg-type]
    assert caught.value.field == where


def folder_of_examples(tmp_path: Path) -> Path:
    folder = tmp_path / "archief"
    shutil.copytree(EXAMPLES, folder)
    return folder


def test_expired_lists_exactly_the_documents_past_their_date(tmp_path: Path) -> None:
    folder = folder_of_examples(tmp_path)
    policy = Bewaarbeleid.from_dict({"gespreksverslag": {"jaren": 1}})
    assert expired([folder], policy, "2026-08-26").expired == ()
    [found] = expired([folder], policy, "2026-08-27").expired
    assert found.path.name == "gespreksverslag-opstart-lotte.yaml"
    assert found.vervaldatum == pendulum.date(2026, 8, 26)
    # Every example traject's contract ends on 2026-06-30; the record dates from 2025.
    assert [e.path.name for e in expired([folder], FIVE_YEARS, "2031-06-30").expired] == [
        "gespreksverslag-opstart-lotte.yaml"
    ]
    everything = expired([folder], FIVE_YEARS, "2031-07-01")
    assert everything.undetermined == ()
    assert [e.path.name for e in everything.expired] == [
        "gespreksverslag-opstart-lotte.yaml",
        *sorted(p.name for p in folder.glob("traject-*.yaml")),
    ]


def test_delete_removes_all_or_none(tmp_path: Path) -> None:
    folder = folder_of_examples(tmp_path)
    found = [e.path for e in expired([folder], FIVE_YEARS, "2035-01-01").expired]
    assert found
    found[-1].unlink()  # gone between listing and deleting
    with pytest.raises(WriteError, match="niets gewist"):
        delete(found)
    assert all(p.exists() for p in found[:-1])
    result = delete(found[:-1])
    assert result.deleted == tuple(found[:-1])
    assert result.failed == ()
    assert not any(p.exists() for p in found)
    assert (folder / "standaardplan-elektrotechniek.yaml").exists()


def test_the_rule_warns_only_while_a_policy_is_set() -> None:
    assert duaal_leren.validate(LOTTE, today="2040-01-01", select=["bewaring"]).findings == ()
    assert active_policy() is None
    with retention_policy(FIVE_YEARS):
        late = duaal_leren.validate(LOTTE, today="2031-07-01", select=["bewaring"])
        on_time = duaal_leren.validate(LOTTE, today="2031-06-30", select=["bewaring"])
    assert [(f.code, f.path, f.severity.value) for f in late.findings] == [
        ("bewaring-voorbij", "$", "warning")
    ]
    assert "2031-06-30" in late.findings[0].message
    assert on_time.findings == ()
    assert active_policy() is None


def test_an_attendance_record_is_kept_after_its_last_day_or_after_its_traject() -> None:
    last_day = Bewaarbeleid.from_dict({"aanwezigheden": {"jaren": 5}})
    assert last_day.termijnen["aanwezigheden"].na is Anker.LAATSTE_DAG
    assert last_day.vervaldatum(ATTENDANCE) == pendulum.date(2030, 10, 23)
    assert last_day.voorbij(ATTENDANCE, "2030-10-24")
    assert not last_day.voorbij(ATTENDANCE, "2030-10-23")
    after_contract = Bewaarbeleid.from_dict(
        {"aanwezigheden": {"jaren": 5, "na": "einde-overeenkomst"}}
    )
    assert after_contract.vervaldatum(ATTENDANCE) is None  # its traject is unknown
    assert after_contract.vervaldatum(ATTENDANCE, {NOOR.id: NOOR}) == pendulum.date(2031, 6, 30)
    # A record without days has no last day.
    empty = attrs.evolve(ATTENDANCE, dagen=())
    assert last_day.vervaldatum(empty) is None


def test_an_unknown_kind_names_every_kind_with_a_period() -> None:
    with pytest.raises(FieldError) as caught:
        Bewaarbeleid.from_dict({"standaardplan": {"jaren": 5}})
    assert caught.value.text("en").endswith("choose from traject, gespreksverslag, aanwezigheden")


def test_expired_lists_an_attendance_record_past_its_date(tmp_path: Path) -> None:
    folder = folder_of_examples(tmp_path)
    policy = Bewaarbeleid.from_dict({"aanwezigheden": {"jaren": 1, "na": "einde-overeenkomst"}})
    assert expired([folder], policy, "2027-06-30").expired == ()
    [found] = expired([folder], policy, "2027-07-01").expired
    assert (found.path.name, found.vervaldatum) == (
        "aanwezigheden-noor-2025-10.yaml",
        pendulum.date(2027, 6, 30),
    )


def test_a_document_whose_traject_is_missing_is_reported_not_dropped(tmp_path: Path) -> None:
    folder = folder_of_examples(tmp_path)
    (folder / "traject-lotte.yaml").unlink()
    (folder / "traject-noor.yaml").unlink()
    policy = Bewaarbeleid.from_dict(
        {
            "gespreksverslag": {"jaren": 5, "na": "einde-overeenkomst"},
            "aanwezigheden": {"jaren": 5, "na": "einde-overeenkomst"},
            "traject": {"jaren": 5},
        }
    )
    report = expired([folder], policy, "2031-07-01")
    assert [e.path.name for e in report.expired] == ["traject-milan.yaml"]
    assert report.undetermined == (
        Undetermined(
            folder / "aanwezigheden-noor-2025-10.yaml",
            "TRJ-2025-0063",
            "het traject 'TRJ-2025-0063' staat niet tussen de bestanden, dus het einde van de "
            "overeenkomst is onbekend",
            "the traject 'TRJ-2025-0063' is not among the files, so the end of the contract "
            "is unknown",
        ),
        Undetermined(
            folder / "gespreksverslag-opstart-lotte.yaml",
            "TRJ-2025-0042",
            "het traject 'TRJ-2025-0042' staat niet tussen de bestanden, dus het einde van de "
            "overeenkomst is onbekend",
            "the traject 'TRJ-2025-0042' is not among the files, so the end of the contract "
            "is unknown",
        ),
    )
    # With its traject among the files, the record has its date again.
    with_traject = expired(
        [folder, EXAMPLES / "traject-lotte.yaml"], policy, "2031-07-01"
    ).undetermined
    assert [u.path.name for u in with_traject] == ["aanwezigheden-noor-2025-10.yaml"]


def test_an_attendance_record_without_days_is_undetermined(tmp_path: Path) -> None:
    path = tmp_path / "leeg.yaml"
    duaal_leren.save(attrs.evolve(ATTENDANCE, dagen=()), path)
    report = expired([path], Bewaarbeleid.from_dict({"aanwezigheden": {"jaren": 1}}), "2040-01-01")
    assert report.expired == ()
    [undetermined] = report.undetermined
    assert (undetermined.traject, undetermined.message_en) == (
        None,
        "the record holds no day, so it has no last day",
    )
