"""Hypothesis strategies for follow-up conversations, ratings and scales; a generated cohort.

Used by the tests of `duaal_leren.opvolging`, `duaal_leren.voortgang` and the cohort: they
draw conversations whose observations refer to the competences of a drawn traject, on the
traject's scale, so that progress and round trips are exercised on coherent data.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs
import pendulum
from hypothesis import strategies as st

from duaal_leren import Leerplaats, Traject, strategies
from duaal_leren.opvolging import (
    Actiepunt,
    Agendapunt,
    Beheersingsschaal,
    Beoordelaar,
    Feedback,
    Gespreksdeelnemer,
    Gesprekslocatie,
    Gespreksrol,
    Gespreksstatus,
    Leerfocus,
    Leerkans,
    NietAanleerbaar,
    Niveau,
    Observatie,
    Opvolgingsgesprek,
)

DAYS = strategies.datums(datetime.date(2024, 9, 1), datetime.date(2027, 6, 30))


def _optional(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


def schalen() -> st.SearchStrategy[Beheersingsschaal]:
    """Scales of two to seven levels, the threshold one of them."""

    @st.composite
    def schaal(draw: st.DrawFn) -> Beheersingsschaal:
        waarden = sorted(draw(st.sets(st.integers(0, 10), min_size=2, max_size=7)))
        niveaus = tuple(Niveau(w, draw(strategies.teksten(max_size=20))) for w in waarden)
        return Beheersingsschaal(
            niveaus=niveaus,
            drempel=draw(st.sampled_from(waarden)),
            naam=draw(_optional(strategies.teksten())),
        )

    return schaal()


def observaties(
    codes: Sequence[str],
    niveaus: Sequence[int] = (1, 2, 3, 4),
    beoordelaar: st.SearchStrategy[Beoordelaar] | None = None,
    datum: st.SearchStrategy[pendulum.Date | None] | None = None,
) -> st.SearchStrategy[Observatie]:
    """Ratings of one of ``codes`` on one of ``niveaus``."""
    return st.builds(
        Observatie,
        competentie=st.sampled_from(list(codes)),
        niveau=st.sampled_from(list(niveaus)),
        beoordelaar=st.sampled_from(Beoordelaar) if beoordelaar is None else beoordelaar,
        datum=_optional(DAYS) if datum is None else datum,
        toelichting=_optional(strategies.teksten()),
        bewijs=st.lists(strategies.teksten(max_size=20), max_size=2).map(tuple),
        vastgesteld=st.booleans(),
    )


def opvolgingsgesprekken(
    codes: Sequence[str], niveaus: Sequence[int] = (1, 2, 3, 4)
) -> st.SearchStrategy[Opvolgingsgesprek]:
    """Conversations whose every field is drawn, referring to ``codes``."""
    some_codes = (
        st.lists(st.sampled_from(list(codes)), max_size=3).map(tuple) if codes else st.just(())
    )
    text = strategies.teksten()
    return st.builds(
        Opvolgingsgesprek,
        datum=DAYS,
        plaats=st.sampled_from(Gesprekslocatie),
        status=st.sampled_from(Gespreksstatus),
        deelnemers=st.lists(
            st.builds(Gespreksdeelnemer, rol=st.sampled_from(Gespreksrol), naam=_optional(text)),
            max_size=3,
        ).map(tuple),
        agenda=st.lists(
            st.builds(
                Agendapunt,
                leidraad=st.just("leervooruitgang") | text,
                item=st.sampled_from(("groei-en-niveau", "extra-leerkansen")) | text,
                notitie=_optional(text),
            ),
            max_size=2,
        ).map(tuple),
        observaties=(
            st.lists(observaties(codes, niveaus), max_size=6).map(tuple) if codes else st.just(())
        ),
        feedback_technisch=st.lists(
            st.builds(
                Feedback,
                tekst=text,
                door=_optional(st.sampled_from(Gespreksrol)),
                competenties=some_codes,
            ),
            max_size=2,
        ).map(tuple),
        feedback_attitude=st.lists(
            st.builds(Feedback, tekst=text, door=_optional(st.sampled_from(Gespreksrol))),
            max_size=2,
        ).map(tuple),
        leerfocus=_optional(
            st.builds(
                Leerfocus,
                competenties=some_codes,
                omschrijving=_optional(text),
                tot=_optional(DAYS),
            )
        ),
        acties=st.lists(
            st.builds(
                Actiepunt,
                omschrijving=text,
                eigenaar=text,
                vervaldatum=_optional(DAYS),
                afgerond=_optional(DAYS),
            ),
            max_size=2,
        ).map(tuple),
        extra_leerkansen=st.lists(
            st.builds(Leerkans, omschrijving=text, competenties=some_codes), max_size=2
        ).map(tuple),
        niet_aanleerbaar=(
            st.lists(
                st.builds(
                    NietAanleerbaar,
                    competentie=st.sampled_from(list(codes)),
                    waar=st.sampled_from((Leerplaats.SCHOOL, Leerplaats.WERKPLEK)),
                    reden=_optional(text),
                    naar=_optional(st.sampled_from(Leerplaats)),
                    aanbieder=_optional(text),
                ),
                max_size=2,
            ).map(tuple)
            if codes
            else st.just(())
        ),
        verslag=_optional(text),
    )


@st.composite
def trajecten_met_gesprekken(draw: st.DrawFn, eigen_schaal: bool | None = None) -> Traject:
    """Trajecten with follow-up conversations about their own competences.

    Args:
        eigen_schaal: ``True`` for a traject with a scale of its own, ``False`` for the
            default scale; by default either.
    """
    traject = draw(strategies.trajecten())
    scale = None
    if eigen_schaal is True or (eigen_schaal is None and draw(st.booleans())):
        scale = draw(schalen())
    niveaus = scale.waarden if scale is not None else (1, 2, 3, 4)
    codes = traject.opleidingsplan.codes
    gesprekken = draw(st.lists(opvolgingsgesprekken(codes, niveaus), max_size=4).map(tuple))
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
