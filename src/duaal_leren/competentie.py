"""Competences (competenties) and where they are learned (leerplaats).

A competentie is one thing a learner must be able to do by the end of a dual course. Its code
comes from the beroepskwalificatie (BK) of the course; the plan says where it is learned:
at school, at the workplace (werkplek), or both. A plan may also record that nobody covers a
competence yet, or that an outside provider does (rule R-ALLOC).
"""

from __future__ import annotations

import enum

import attrs
import pendulum

from duaal_leren._validators import each, matches, non_empty, optional, typed_fields

__all__ = ["Competentie", "Leerplaats", "Referenties"]


class Leerplaats(enum.Enum):
    """Where a competence is learned.

    References:
        R-ALLOC: onderwijs.vlaanderen.be "1 standaardtraject per opleiding";
            scanjeschoolvoorduaal.be question 01-5.
    """

    SCHOOL = "school"
    """Learned at school."""
    WERKPLEK = "werkplek"
    """Learned at the company workplace (leerwerkplek)."""
    BEIDE = "beide"
    """Learned at school and at the workplace."""
    EXTERN = "extern"
    """Covered by an outside provider (a training centre, another school)."""
    NIET_GEDEKT = "niet-gedekt"
    """Nobody covers it yet: a provider still has to be found."""

    @property
    def op_school(self) -> bool:
        """Whether the school teaches (part of) the competence."""
        return self in (Leerplaats.SCHOOL, Leerplaats.BEIDE)

    @property
    def op_werkplek(self) -> bool:
        """Whether the workplace teaches (part of) the competence."""
        return self in (Leerplaats.WERKPLEK, Leerplaats.BEIDE)


BK_ID = r"BK-[0-9]{4}-[0-9]+(-DBK-[0-9]+)?"
BK_COMPETENTIE = r"bkc[0-9]{7}"
COMPETENT_CODE = r"co [0-9]{5}"
ESCO_URI = r"https?://data\.europa\.eu/esco/\S+"


@attrs.frozen(field_transformer=typed_fields)
class Referenties:
    """References of a competence to external frameworks.

    Attributes:
        beroepskwalificaties: BK ids, such as ``BK-0130-5`` or ``BK-0130-5-DBK-01``.
        bk_competenties: competence codes inside a BK, such as ``bkc0051279``.
        competent: Competent codes, such as ``co 03080``.
        esco: ESCO skill URIs.
    """

    beroepskwalificaties: tuple[str, ...] = attrs.field(
        default=(), validator=each(matches(BK_ID, "BK-0130-5"))
    )
    bk_competenties: tuple[str, ...] = attrs.field(
        default=(), validator=each(matches(BK_COMPETENTIE, "bkc0051279"))
    )
    competent: tuple[str, ...] = attrs.field(
        default=(), validator=each(matches(COMPETENT_CODE, "co 03080"))
    )
    esco: tuple[str, ...] = attrs.field(
        default=(),
        validator=each(matches(ESCO_URI, "http://data.europa.eu/esco/skill/...")),
    )


# Most competences have no references: they share one immutable empty value.
_NO_REFERENTIES = Referenties()


@attrs.frozen(field_transformer=typed_fields)
class Competentie:
    """A competence of an opleidingsplan.

    Attributes:
        code: Identifies the competence within its plan; usually the BK code.
        omschrijving: What the learner must be able to do.
        leerplaats: Where it is learned.
        cluster: The cluster of the standard plan it belongs to, if any.
        aanbreng: Who introduces it (school, werkplek, beide or extern), when the plan
            splits introducing from practising.
        inoefening: Who has the learner practise it.
        externe_aanbieder: The outside provider, for ``Leerplaats.EXTERN``.
        vereisten: Codes of the competences that must come first (prerequisites).
        termijn: The date by which it should be acquired.
        referenties: Codes in external frameworks (BK, Competent, ESCO).

    Example:
        >>> from duaal_leren import Competentie, Leerplaats
        >>> c = Competentie("bkc0051279", "Leest een elektrisch schema", Leerplaats.BEIDE)
        >>> c.leerplaats.op_werkplek
        True
    """

    code: str = attrs.field(validator=non_empty)
    omschrijving: str = attrs.field(validator=non_empty)
    leerplaats: Leerplaats
    cluster: str | None = attrs.field(default=None, validator=optional(non_empty))
    aanbreng: Leerplaats | None = None
    inoefening: Leerplaats | None = None
    externe_aanbieder: str | None = attrs.field(default=None, validator=optional(non_empty))
    vereisten: tuple[str, ...] = attrs.field(default=(), validator=each(non_empty))
    termijn: pendulum.Date | None = None
    referenties: Referenties = attrs.field(default=_NO_REFERENTIES)
