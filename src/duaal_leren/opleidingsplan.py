"""Training plans (opleidingsplannen): the standard plan of a course and a learner's own plan.

A dual course has one standard plan (standaardtraject, being replaced by the doelenkader): the
competences of its beroepskwalificaties, grouped in clusters, each allocated to school,
workplace or both. The individual plan (individueel opleidingsplan) attached to a learner's
contract starts from it and is adapted to the learner: competences already mastered
(startcompetenties), competences moved to the other leerplaats, extra and dropped
competences, each deviation with its reason, and the signatures of school, company and
learner.

References:
    R-ALLOC: onderwijs.vlaanderen.be "1 standaardtraject per opleiding".
    R-IOP: scanjeschoolvoorduaal.be 01-5; "Wat bespreek ik omtrent de leervooruitgang?".
    R-SIGN: maakjebedrijfduaal-bxl.be "een contract afsluiten"; commercetraining.be.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping

import attrs
import pendulum

from duaal_leren import _views
from duaal_leren._validators import (
    PERSONAL,
    each,
    matches,
    non_empty,
    optional,
    typed_fields,
)
from duaal_leren.competentie import BK_ID, Competentie, Leerplaats

__all__ = [
    "Handtekening",
    "IndividueelOpleidingsplan",
    "Opleidingsplan",
    "Partij",
    "PlanReferentie",
    "Planstatus",
    "StandaardOpleidingsplan",
    "Toevoeging",
    "Verplaatsing",
    "Weglating",
]


class Opleidingsplan:
    """What the standard and the individual plan have in common: a list of competences.

    Both `StandaardOpleidingsplan` and `IndividueelOpleidingsplan` are Opleidingsplannen, so
    ``isinstance(plan, Opleidingsplan)`` holds for either.
    """

    __slots__ = ()
    competenties: tuple[Competentie, ...]

    def __repr__(self) -> str:
        # A notebook or a log shows a short line, never the whole plan.
        return _views.short_repr(self)

    def _repr_html_(self) -> str:
        return _views.html(self)

    def competentie(self, code: str) -> Competentie:
        """The competence with this code.

        Raises:
            KeyError: The plan has no competence with this code.
        """
        for competentie in self.competenties:
            if competentie.code == code:
                return competentie
        raise KeyError(code)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the plan's competences, in plan order."""
        return tuple(c.code for c in self.competenties)

    def per_leerplaats(self) -> dict[Leerplaats, tuple[Competentie, ...]]:
        """The competences grouped by leerplaats, each group in plan order."""
        groups: dict[Leerplaats, list[Competentie]] = {}
        for competentie in self.competenties:
            groups.setdefault(competentie.leerplaats, []).append(competentie)
        return {plaats: tuple(items) for plaats, items in groups.items()}


@attrs.frozen(repr=False, field_transformer=typed_fields)
class StandaardOpleidingsplan(Opleidingsplan):
    """The standard plan of a dual course (standaardtraject or doelenkader).

    Attributes:
        id: Identifies the plan, for example ``elektrotechnicus-duaal``.
        opleiding: The name of the course.
        versie: The version of the plan, so that individual plans can say which one they
            follow.
        beroepskwalificaties: The BK ids the course leads to.
        competenties: The competences, in the plan's order.
        toelichting: Free text about the plan.
    """

    id: str = attrs.field(validator=non_empty)
    opleiding: str = attrs.field(validator=non_empty)
    versie: str = attrs.field(validator=non_empty)
    competenties: tuple[Competentie, ...]
    beroepskwalificaties: tuple[str, ...] = attrs.field(
        default=(), validator=each(matches(BK_ID, "BK-0130-5"))
    )
    toelichting: str | None = None

    @property
    def referentie(self) -> PlanReferentie:
        """The reference an individual plan uses to point at this plan."""
        return PlanReferentie(self.id, self.versie)


@attrs.frozen(field_transformer=typed_fields)
class PlanReferentie:
    """Points at a standard plan by id and version."""

    id: str = attrs.field(validator=non_empty)
    versie: str = attrs.field(validator=non_empty)


class Planstatus(enum.Enum):
    """The life of an individual plan."""

    ONTWERP = "ontwerp"
    """Being drawn up; not yet signed."""
    ACTIEF = "actief"
    """In force: signed and attached to the contract."""
    AFGEROND = "afgerond"
    """The trajectory has ended."""


class Partij(enum.Enum):
    """The three parties that draw up and sign an opleidingsplan (R-SIGN)."""

    SCHOOL = "school"
    ONDERNEMING = "onderneming"
    LERENDE = "lerende"


@attrs.frozen(field_transformer=typed_fields)
class Handtekening:
    """A party's signature of the plan, with its date.

    Attributes:
        partij: Who signed: school, onderneming or lerende.
        naam: The name of the person who signed (for a minor learner, the parent may sign
            too; record them as a second signature of the same party).
        datum: The date of signing.
    """

    partij: Partij
    datum: pendulum.Date
    naam: str | None = attrs.field(
        default=None, validator=optional(non_empty), repr=False, metadata=PERSONAL
    )


@attrs.frozen(field_transformer=typed_fields)
class Verplaatsing:
    """A competence moved to another leerplaats than in the standard plan (R-IOP).

    Attributes:
        code: The competence.
        van: Where the standard plan has it learned.
        naar: Where this learner learns it.
        reden: Why, for example that the workplace cannot offer the task.
    """

    code: str = attrs.field(validator=non_empty)
    van: Leerplaats
    naar: Leerplaats
    reden: str | None = attrs.field(default=None, validator=optional(non_empty))


@attrs.frozen(field_transformer=typed_fields)
class Toevoeging:
    """A competence the learner learns on top of the standard plan (R-IOP)."""

    code: str = attrs.field(validator=non_empty)
    reden: str | None = attrs.field(default=None, validator=optional(non_empty))


@attrs.frozen(field_transformer=typed_fields)
class Weglating:
    """A competence of the standard plan this learner does not learn, with the reason."""

    code: str = attrs.field(validator=non_empty)
    reden: str | None = attrs.field(default=None, validator=optional(non_empty))


@attrs.frozen(repr=False, field_transformer=typed_fields)
class IndividueelOpleidingsplan(Opleidingsplan):
    """The opleidingsplan of one learner, derived from a standard plan.

    ``competenties`` holds the learner's competences as agreed: those of the standard plan
    that are kept (moved ones with their new leerplaats) and the extra ones, with the
    learner's termijnen. The other fields record how and why the plan deviates from the
    standard plan, so that the deviations can be checked and explained.

    Attributes:
        standaardplan: The standard plan it was derived from.
        opleiding: The name of the course.
        competenties: The learner's competences.
        status: Draft, in force, or finished.
        startcompetenties: Codes of competences the learner already masters at the start.
        verplaatst: Competences moved to another leerplaats.
        toegevoegd: Competences added on top of the standard plan.
        weggelaten: Competences of the standard plan left out.
        handtekeningen: Signatures of school, company and learner (R-SIGN).
    """

    standaardplan: PlanReferentie
    opleiding: str = attrs.field(validator=non_empty)
    competenties: tuple[Competentie, ...]
    status: Planstatus = Planstatus.ONTWERP
    startcompetenties: tuple[str, ...] = attrs.field(default=(), validator=each(non_empty))
    verplaatst: tuple[Verplaatsing, ...] = ()
    toegevoegd: tuple[Toevoeging, ...] = ()
    weggelaten: tuple[Weglating, ...] = ()
    handtekeningen: tuple[Handtekening, ...] = ()

    @classmethod
    def from_standaardplan(
        cls,
        standaardplan: StandaardOpleidingsplan,
        *,
        startcompetenties: Iterable[str] = (),
        verplaatst: Iterable[Verplaatsing] = (),
        toegevoegd: Iterable[tuple[Competentie, str | None]] = (),
        weggelaten: Iterable[Weglating] = (),
        termijnen: Mapping[str, pendulum.Date] | None = None,
    ) -> IndividueelOpleidingsplan:
        """Derive a learner's plan from a standard plan.

        The competences of the standard plan are copied, without the left-out ones; moved
        competences get their new leerplaats; extra competences are appended; termijnen
        override those of the standard plan. The result is a draft.

        Args:
            standaardplan: The course's standard plan.
            startcompetenties: Codes the learner already masters.
            verplaatst: Moves to another leerplaats; ``van`` should be the standard plan's
                leerplaats.
            toegevoegd: Extra competences, each with the reason for adding it.
            weggelaten: Competences of the standard plan to leave out, with reasons.
            termijnen: Deadlines per competence code.

        Raises:
            KeyError: A move, a termijn or a left-out competence names a code that is not
                in the plan.

        Example:
            >>> import duaal_leren
            >>> standaard = duaal_leren.load("examples/standaardplan-elektrotechniek.yaml")
            >>> plan = duaal_leren.IndividueelOpleidingsplan.from_standaardplan(
            ...     standaard, startcompetenties=["ELT-01"]
            ... )
            >>> plan.status.value, len(plan.competenties) == len(standaard.competenties)
            ('ontwerp', True)
        """
        moves = {move.code: move for move in verplaatst}
        dropped = tuple(weggelaten)
        dropped_codes = {w.code for w in dropped}
        extra = tuple(toegevoegd)
        deadlines = dict(termijnen or {})
        known = set(standaardplan.codes) | {c.code for c, _ in extra}
        for code in (*moves, *dropped_codes, *deadlines):
            if code not in known:
                raise KeyError(code)

        def adapt(competentie: Competentie) -> Competentie:
            move = moves.get(competentie.code)
            leerplaats = move.naar if move is not None else competentie.leerplaats
            termijn = deadlines.get(competentie.code, competentie.termijn)
            if leerplaats is competentie.leerplaats and termijn == competentie.termijn:
                return competentie
            return attrs.evolve(competentie, leerplaats=leerplaats, termijn=termijn)

        kept = [adapt(c) for c in standaardplan.competenties if c.code not in dropped_codes]
        kept.extend(adapt(c) for c, _ in extra)
        return cls(
            standaardplan=standaardplan.referentie,
            opleiding=standaardplan.opleiding,
            competenties=tuple(kept),
            startcompetenties=tuple(startcompetenties),
            verplaatst=tuple(moves.values()),
            toegevoegd=tuple(Toevoeging(c.code, reden) for c, reden in extra),
            weggelaten=dropped,
        )

    def effectieve_competenties(self) -> tuple[Competentie, ...]:
        """The competences still to be learned: the plan's, without the startcompetenties.

        Example:
            >>> import duaal_leren
            >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
            >>> plan = traject.opleidingsplan
            >>> len(plan.effectieve_competenties()) == (
            ...     len(plan.competenties) - len(plan.startcompetenties))
            True
        """
        mastered = set(self.startcompetenties)
        return tuple(c for c in self.competenties if c.code not in mastered)

    def handtekening(self, partij: Partij) -> Handtekening | None:
        """The earliest signature of a party, or ``None`` when it has not signed."""
        signed = [h for h in self.handtekeningen if h.partij is partij]
        return min(signed, key=lambda h: h.datum) if signed else None

    @property
    def ondertekend(self) -> bool:
        """Whether school, company and learner have all signed (R-SIGN)."""
        return all(self.handtekening(p) is not None for p in Partij)
