"""Recorded exceptions to the holiday rule (R-HOLIDAY).

Since 1 September 2019 learners in dual learning are off in every school vacation: the
execution of their contract is suspended. A `Vakantieuitzondering` records an individual
exception, when a real learning opportunity comes up in a vacation. It is part of the traject;
`duaal_leren.vakantieregeling.vakantiebalans` checks its days against the school calendar.

References:
    R-HOLIDAY: duaalleren.vlaanderen (19-8-2019); besox.be "Wijziging van vakantieregeling in
        het stelsel alternerend leren" (18-9-2019); sociare.be.
"""

from __future__ import annotations

import attrs
import pendulum

from duaal_leren._validators import non_empty, optional, typed_fields
from duaal_leren.opleidingsplan import Partij

__all__ = ["Vakantieuitzondering"]


@attrs.frozen(field_transformer=typed_fields)
class Vakantieuitzondering:
    """A recorded exception: the learner trains at the workplace on days of a school vacation.

    Since 1 September 2019 learners are off in every school vacation. An individual exception
    needs a real learning opportunity, the agreement of school, company and learner, an annex
    to the contract, and the days must be recovered on planned workplace days in the same
    school year; the learner always keeps four consecutive weeks off in July and August.

    Attributes:
        dagen: The vacation days the learner works.
        recuperatie: The planned workplace days the learner takes off instead.
        akkoord: The parties that agreed: school, onderneming, lerende.
        bijlage: The annex to the contract that records the exception.
        leerkans: The learning opportunity that justifies it.
        datum: When the exception was agreed.

    References:
        R-HOLIDAY: duaalleren.vlaanderen (19-8-2019); besox.be "Wijziging van
        vakantieregeling in het stelsel alternerend leren" (18-9-2019); sociare.be.
    """

    dagen: tuple[pendulum.Date, ...]
    recuperatie: tuple[pendulum.Date, ...] = ()
    akkoord: tuple[Partij, ...] = ()
    bijlage: str | None = attrs.field(default=None, validator=optional(non_empty))
    leerkans: str | None = attrs.field(default=None, validator=optional(non_empty))
    datum: pendulum.Date | None = None

    @property
    def ontbrekend_akkoord(self) -> tuple[Partij, ...]:
        """The parties whose agreement is not recorded."""
        return tuple(p for p in Partij if p not in self.akkoord)
