"""The package's table of the days off of the law against `holidays`, its source.

`holidays` imports every one of its countries to give Belgium; the package reads the same
days from ``data/feestdagen-be.json``. These tests keep the two equal: after an upgrade of
`holidays` that changes a day, the first test fails until the table is generated again
(``python -m duaal_leren.kalender --genereer-feestdagen``).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from duaal_leren import kalender
from duaal_leren.kalender import EERSTE_SCHOOLJAAR, LAATSTE_SCHOOLJAAR

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src" / "duaal_leren" / "data" / "feestdagen-be.json"


def run(script: str) -> list[str]:
    """The lines a fresh interpreter prints running ``script`` in the project's root."""
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_packaged_table_is_what_holidays_gives_byte_for_byte(tmp_path: Path) -> None:
    written = kalender._genereer_feestdagen(str(tmp_path / "feestdagen-be.json"))
    assert Path(written).read_bytes() == TABLE.read_bytes()


def test_the_table_holds_every_supported_school_year_and_no_other() -> None:
    years = json.loads(TABLE.read_text(encoding="utf-8"))["schooljaren"]
    assert list(years) == [
        str(year) for year in range(EERSTE_SCHOOLJAAR.startjaar, LAATSTE_SCHOOLJAAR.startjaar + 1)
    ]


@pytest.mark.parametrize(
    "startjaar", range(EERSTE_SCHOOLJAAR.startjaar, LAATSTE_SCHOOLJAAR.startjaar + 1)
)
def test_each_school_year_reads_back_as_holidays_gives_it(startjaar: int) -> None:
    assert kalender._uit_tabel(startjaar) == kalender._uit_holidays(startjaar)


def test_the_table_names_a_known_year_as_the_published_calendar_does() -> None:
    # vlaanderen.be, school year 2025-2026: Herfstvakantie 27 October to 2 November,
    # Wapenstilstand on Tuesday 11 November; Easter on 5 April 2026.
    tables = kalender._uit_tabel(2025)
    assert tables is not None
    school, public = tables
    assert [d for d, n in school.items() if n == "Herfstvakantie"] == [
        dt.date(2025, 10, 27) + dt.timedelta(days=i) for i in range(7)
    ]
    assert school[dt.date(2025, 11, 11)] == public[dt.date(2025, 11, 11)] == "Wapenstilstand"
    assert public[dt.date(2026, 4, 5)] == "Pasen"
    assert len(public) == 12


def test_a_school_year_the_table_lacks_comes_from_holidays() -> None:
    # The table is replaced by an empty one: the calendar is the same, from `holidays`.
    lines = run(
        "import sys\n"
        "from duaal_leren import kalender\n"
        "expected = kalender.schoolkalender('2025-2026')\n"
        "print('holidays' in sys.modules)\n"
        "kalender._tabel = lambda: {}\n"
        "kalender._build.cache_clear(); kalender._wettelijke_dagen.cache_clear()\n"
        "again = kalender.schoolkalender('2025-2026')\n"
        "print(again is not expected, again == expected, 'holidays' in sys.modules)\n"
    )
    assert lines == ["False", "True True True"]


def test_loading_validating_and_planning_a_traject_do_not_import_holidays() -> None:
    lines = run(
        "import sys\n"
        "import duaal_leren\n"
        "traject = duaal_leren.load('examples/traject-lotte.yaml')\n"
        "report = duaal_leren.validate(traject)\n"
        "schema = duaal_leren.plan_opvolging(traject)\n"
        "kalender = duaal_leren.schoolkalender('2025-2026')\n"
        "print(len(schema.gesprekken) > 0, kalender.is_feestdag(__import__('datetime').date(2025, 11, 11)))\n"
        "print(sorted(m for m in sys.modules if m == 'holidays' or m.startswith('holidays.')))\n"
    )
    assert lines == ["True True", "[]"]


def test_the_calendar_of_every_school_year_is_the_same_from_the_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The Paasvakantie's bounds of the law are applied to the table's days as to those of
    # `holidays`: every calendar is the same either way.
    from_table = {y: kalender._wettelijke_dagen.__wrapped__(y) for y in (2010, 2023, 2099)}
    monkeypatch.setattr(kalender, "_uit_tabel", lambda startjaar: None)
    for year, tables in from_table.items():
        assert kalender._wettelijke_dagen.__wrapped__(year) == tables
