"""Follow-up test data: trajecten with conversations about their own plan, and a cohort.

Used by the tests of `duaal_leren.opvolging`, `duaal_leren.voortgang` and the cohort. The
strategies for the parts (`observaties`, `opvolgingsgesprekken`, `beheersingsschalen`) are
the public ones of `duaal_leren.strategies`; here they are put together so that every
traject has conversations, on a scale chosen by the test.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from hypothesis import strategies as st

from duaal_leren import Traject, strategies
from duaal_leren.opvolging import (
    Beoordelaar,
    Gesprekslocatie,
    Gespreksstatus,
    Observatie,
    Opvolgingsgesprek,
)
from duaal_leren.strategies import observaties

__all__ = ["genereer_cohort", "observaties", "trajecten_met_gesprekken"]


@st.composite
def trajecten_met_gesprekken(draw: st.DrawFn, eigen_schaal: bool | None = None) -> Traject:
    """Trajecten with up to four follow-up conversations about their own competences.

    Args:
        eigen_schaal: ``True`` for a traject with a scale of its own, ``False`` for the
            default scale; by default either.
    """
    # Drawn without follow-up of its own: the conversations and the scale come from here.
    traject = draw(strategies.trajecten(opvolging=False))
    scale = None
    if eigen_schaal is True or (eigen_schaal is None and draw(st.booleans())):
        scale = draw(strategies.beheersingsschalen())
    niveaus = scale.waarden if scale is not None else (1, 2, 3, 4)
    codes = traject.opleidingsplan.codes
    gesprekken = draw(
        st.lists(strategies.opvolgingsgesprekken(codes, niveaus), max_size=4).map(tuple)
    )
    weeks = draw(st.none() | st.integers(1, 26))
    return attrs.evolve(
        traject,
        opvolgingsgesprekken=gesprekken,
        beheersingsschaal=scale,
        afspraken=attrs.evolve(traject.afspraken, opvolging_weken=weeks),
    )


_MENTORS = ("Koen Vermeulen", "Hilde Wuyts", "Nadia Peeters", "Jan Claes")
_BEGELEIDERS = ("Ann De Smet", "Pieter Goossens", "Leen Maes")


def genereer_cohort(bases: Sequence[Traject], n: int, seed: int = 2025) -> list[Traject]:
    """``n`` trajecten made from ``bases``, each with its own ids, people and ratings.

    Deterministic for a seed: every learner gets a mentor and trajectbegeleider from a few
    names, two to four held conversations in the contract, and ratings by mentor and school
    (and some self-assessments) of a random part of the plan.
    """
    import random

    rng = random.Random(seed)
    result = []
    for i in range(n):
        base = bases[i % len(bases)]
        contract = base.overeenkomst
        span = (contract.einde - contract.start).days
        codes = base.opleidingsplan.codes
        days = sorted(rng.sample(range(20, span), rng.randint(2, 4)))
        gesprekken = []
        for day in days:
            datum = contract.start.add(days=day)
            rated = rng.sample(codes, rng.randint(1, min(8, len(codes))))
            ratings = [
                Observatie(
                    code,
                    rng.choice((1, 2, 3, 3, 4)),
                    rng.choice((Beoordelaar.MENTOR, Beoordelaar.VAKLEERKRACHT)),
                )
                for code in rated
            ]
            ratings += [
                Observatie(code, rng.randint(1, 4), Beoordelaar.LERENDE)
                for code in rated
                if rng.random() < 0.2
            ]
            gesprekken.append(
                Opvolgingsgesprek(
                    datum,
                    rng.choice(list(Gesprekslocatie)),
                    Gespreksstatus.GEHOUDEN,
                    observaties=tuple(ratings),
                )
            )
        assert base.mentor is not None
        assert base.school.trajectbegeleider is not None
        result.append(
            attrs.evolve(
                base,
                id=f"TRJ-2025-{1000 + i:04d}",
                lerende=attrs.evolve(base.lerende, id=f"LRN-2025-{1000 + i:04d}"),
                mentor=attrs.evolve(base.mentor, naam=rng.choice(_MENTORS)),
                school=attrs.evolve(
                    base.school,
                    trajectbegeleider=attrs.evolve(
                        base.school.trajectbegeleider, naam=rng.choice(_BEGELEIDERS)
                    ),
                ),
                opvolgingsgesprekken=tuple(gesprekken),
            )
        )
    return result
