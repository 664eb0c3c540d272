"""The holiday rule in days (R-HOLIDAY): vacation days worked, recovery, the summer rest."""

from __future__ import annotations

import pendulum
import pytest

import duaal_leren
from duaal_leren.kalender import Schooljaar, schoolkalender
from duaal_leren.opleidingsplan import Partij
from duaal_leren.vakantie import Vakantieuitzondering
from duaal_leren.vakantieregeling import (
    vakantiebalans,
    werkplekdagen_in_vakantie,
    zomerrust,
)
from duaal_leren.werkdagen import werkplekdagen
from trajecten import (
    LOTTE,
    OUTSIDE_THE_CALENDAR,
    D,
    with_contract,
)

# --- the holiday rule (R-HOLIDAY) -----------------------------------------------------------

EXCEPTION = Vakantieuitzondering(
    dagen=(D(2026, 2, 16), D(2026, 2, 17)),  # Krokusvakantie, Monday and Tuesday
    recuperatie=(D(2026, 3, 2), D(2026, 3, 4), D(2026, 9, 7)),  # Mon; Wed (school); next year
    akkoord=(Partij.SCHOOL, Partij.ONDERNEMING),
    bijlage="Bijlage 2 bij de overeenkomst",
    leerkans="Plaatsing van een laadpaal bij een klant",
)


def test_exception_days_are_workplace_days_and_recovery_days_are_not() -> None:
    days = werkplekdagen(LOTTE, uitzonderingen=[EXCEPTION])
    assert D(2026, 2, 16) in days
    assert D(2026, 2, 17) in days
    assert D(2026, 3, 2) not in days
    assert werkplekdagen_in_vakantie(LOTTE, uitzonderingen=[EXCEPTION]) == (
        D(2026, 2, 16),
        D(2026, 2, 17),
    )
    assert werkplekdagen_in_vakantie(LOTTE) == ()
    assert EXCEPTION.ontbrekend_akkoord == (Partij.LERENDE,)


def test_vakantiebalans() -> None:
    balans = vakantiebalans(LOTTE, uitzonderingen=[EXCEPTION])
    assert balans.schooljaar == Schooljaar(2025)
    assert balans.gewerkt == (D(2026, 2, 16), D(2026, 2, 17))
    assert balans.gerecupereerd == (D(2026, 3, 2),)
    assert balans.ongeldige_recuperatie == (D(2026, 3, 4), D(2026, 9, 7))
    assert balans.tekort == 1
    assert balans.houdt_zomerrust  # the contract ends on 30 June


def test_the_days_left_to_recover_on() -> None:
    # After the krokusvakantie, the planned workplace days up to the contract's end that are
    # not taken off yet: the day still owed can be recovered on any of them.
    balans = vakantiebalans(LOTTE, uitzonderingen=[EXCEPTION])
    assert balans.recupereerbaar[0] == D(2026, 2, 23)  # the Monday after the vacation
    assert D(2026, 3, 2) not in balans.recupereerbaar  # already taken off for recovery
    assert balans.recupereerbaar[-1] == D(2026, 6, 30)  # the contract's last day, a Tuesday
    assert len(balans.recupereerbaar) >= balans.tekort
    # A contract that ends in the Krokusvakantie leaves none.
    short = with_contract(LOTTE, LOTTE.overeenkomst.start, D(2026, 2, 22))
    assert vakantiebalans(short, uitzonderingen=[EXCEPTION]).recupereerbaar == ()


def test_four_weeks_off_in_july_and_august() -> None:
    summer = with_contract(LOTTE, D(2025, 9, 1), D(2026, 8, 31))
    k = schoolkalender("2025-2026")
    assert zomerrust(summer, k) == 62
    july = tuple(d for d in (D(2026, 7, n) for n in range(1, 32)) if d.isoweekday() in (1, 2, 4))
    worked = Vakantieuitzondering(dagen=july)
    # Worked through July (last day Thursday 30 July): off from 31 July to 31 August.
    assert zomerrust(summer, k, [worked]) == 32
    assert vakantiebalans(summer, k, [worked]).houdt_zomerrust
    longer = Vakantieuitzondering(dagen=(*july, D(2026, 8, 6)))
    assert zomerrust(summer, k, [longer]) == 25
    assert not vakantiebalans(summer, k, [longer]).houdt_zomerrust


@OUTSIDE_THE_CALENDAR
def test_a_contract_outside_the_calendar_is_a_library_error(
    start: pendulum.Date, einde: pendulum.Date
) -> None:
    with pytest.raises(duaal_leren.DuaalLerenError):
        vakantiebalans(with_contract(LOTTE, start, einde))
