"""What type checkers infer for the main entry points; mypy checks this file, nothing runs it.

A class given to a reader makes its result that class; without one, the kind is only known
when the document is read. `assert_type` fails the type check when an inference changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, assert_type

import duaal_leren
from duaal_leren import (
    IndividueelOpleidingsplan,
    Report,
    Reports,
    StandaardOpleidingsplan,
    Traject,
    TrajectVoortgang,
)
from duaal_leren.gespreksverslag import Gespreksverslag
from duaal_leren.leidraad import Leidraad, leidraad
from duaal_leren.planning import Opvolgingsschema

# Reading: a class given is the class returned.
assert_type(duaal_leren.load("traject.yaml"), Any)
assert_type(duaal_leren.load(Path("traject.yaml"), Traject), Traject)
assert_type(duaal_leren.load("plan.yaml", StandaardOpleidingsplan), StandaardOpleidingsplan)
assert_type(duaal_leren.loads("schema: duaal-leren/traject@1"), Any)
assert_type(duaal_leren.loads(b"{}", Gespreksverslag), Gespreksverslag)
assert_type(duaal_leren.loads("{}", format="json"), Any)
assert_type(duaal_leren.load_traject("traject.yaml"), Traject)
assert_type(duaal_leren.load_standaardplan("plan.yaml"), StandaardOpleidingsplan)

traject = duaal_leren.load_traject("traject.yaml")
assert_type(traject.opleidingsplan, IndividueelOpleidingsplan)

# Plain data: a class given is the class returned, for a document or a part of one.
assert_type(duaal_leren.from_dict({"schema": "duaal-leren/traject@1"}), Any)
assert_type(duaal_leren.from_dict({}, Traject), Traject)
assert_type(duaal_leren.from_dict({}, duaal_leren.Competentie), duaal_leren.Competentie)
assert_type(duaal_leren.to_dict(traject), dict[str, Any])

# Writing.
assert_type(duaal_leren.dump(traject), str)
assert_type(duaal_leren.dump(traject, "json"), str)
assert_type(duaal_leren.save(traject, "kopie.yaml"), Path)

# Validation: objects give one report, files one report per file; findings as plain data.
assert_type(duaal_leren.validate(traject).to_dict(both=True), dict[str, Any])
assert_type(duaal_leren.validate(traject).findings[0].location, tuple[str | int, ...])
assert_type(duaal_leren.default_lang(), Literal["nl", "en"])
assert_type(duaal_leren.validate(traject, today="2025-10-01"), Report)
assert_type(duaal_leren.validate_files(["traject.yaml"]), Reports)
assert_type(duaal_leren.validate(traject).passed, bool)

# Planning and progress.
assert_type(duaal_leren.plan_opvolging(traject), Opvolgingsschema)
assert_type(TrajectVoortgang.from_traject(traject, today="2026-03-01"), TrajectVoortgang)
assert_type(duaal_leren.werkplekuren_gemiddeld(traject), float)

# The shipped catalogues.
assert_type(leidraad("opstartgesprek"), Leidraad)
