"""Fixtures shared by the tests, and the Hypothesis profiles.

The ``ci`` profile (loaded when the ``CI`` environment variable is set) runs 200 examples
per property and has no deadline, since shared CI machines are slow and uneven. The
``dev`` profile runs fewer, for a quick loop. ``HYPOTHESIS_PROFILE`` picks one explicitly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import duaal_leren

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=30, deadline=1000)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def traject_path() -> Path:
    """The shipped example traject (YAML)."""
    return EXAMPLES / "traject-lotte.yaml"


@pytest.fixture
def standaardplan_path() -> Path:
    """The shipped example standard plan (YAML)."""
    return EXAMPLES / "standaardplan-elektrotechniek.yaml"


@pytest.fixture
def traject(traject_path: Path) -> duaal_leren.Traject:
    """The shipped example traject, loaded."""
    return duaal_leren.load_traject(traject_path)


@pytest.fixture
def standaardplan(standaardplan_path: Path) -> duaal_leren.StandaardOpleidingsplan:
    """The shipped example standard plan, loaded."""
    return duaal_leren.load_standaardplan(standaardplan_path)
