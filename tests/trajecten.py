"""Trajecten and calendars that the tests of working days and of the holiday rule share."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pendulum
import pytest

import duaal_leren
from duaal_leren.kalender import schoolkalender
from duaal_leren.traject import Traject, Weekdag, Weekpatroon, Werkdag, WerkdagPlaats

__all__ = [
    "DAGEN",
    "DE_VONK",
    "EERSTE_DAG",
    "LAATSTE_DAG",
    "LOTTE",
    "OUTSIDE_THE_CALENDAR",
    "ROOT",
    "D",
    "S",
    "W",
    "with_contract",
    "with_pattern",
]

ROOT = Path(__file__).resolve().parent.parent
LOTTE = attrs.evolve(
    duaal_leren.load_traject(ROOT / "examples" / "traject-lotte.yaml"), opvolgingsgesprekken=()
)
DE_VONK = schoolkalender(
    eigen=duaal_leren.load(ROOT / "examples" / "schoolkalender-de-vonk-2025-2026.yaml")
)

D = pendulum.date
W, S = WerkdagPlaats.WERKPLEK, WerkdagPlaats.SCHOOL
DAGEN = list(Weekdag)
EERSTE_DAG, LAATSTE_DAG = D(1, 1, 1), D(9999, 12, 31)


def with_pattern(traject: Traject, *blocks: tuple[Weekdag, WerkdagPlaats, float]) -> Traject:
    return attrs.evolve(traject, weekpatroon=Weekpatroon(tuple(Werkdag(*b) for b in blocks)))


def with_contract(traject: Traject, start: dt.date, einde: dt.date) -> Traject:
    contract = attrs.evolve(traject.overeenkomst, start=start, einde=einde)
    return attrs.evolve(traject, overeenkomst=contract)


OUTSIDE_THE_CALENDAR = pytest.mark.parametrize(
    ("start", "einde"),
    [
        (D(9999, 1, 1), LAATSTE_DAG),
        (EERSTE_DAG, D(1, 12, 31)),
        (EERSTE_DAG, LAATSTE_DAG),
        (D(2100, 9, 1), D(2101, 6, 30)),
    ],
)
