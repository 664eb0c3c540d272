"""The rules of follow-up conversations (opvolgingsgesprekken) and their ratings.

A conversation refers to competences of the learner's plan and rates them on the traject's
scale; a held conversation records at least one rating; conversations lie within the
contract and follow each other no further apart than school and company agreed. None of
these is law: they keep the record consistent and the agreements visible, so all are
warnings except references and levels that cannot be read at all.

References:
    "Wat bespreek ik omtrent de leervooruitgang?" (theme sheet, "Samen werken aan duaal"):
        consultation goal 1, assess growth and level per competence.
    R-SCALE: dualimento.be opleidingstool (a single source).
    R-CONTACT: scanjeschoolvoorduaal.be 02-3 (a single source): contact and evaluation moments
        are agreed at the start; no legal minimum number of visits exists.
    Good practice from learner records elsewhere (DOMAIN.md section 6): a learner's
        self-assessment is kept beside, never averaged into, the mentor's rating; an explicit
        override wins.
"""

from __future__ import annotations

from collections.abc import Iterator

import pendulum

from duaal_leren.opvolging import Beheersingsschaal, Gespreksstatus, Opvolgingsgesprek
from duaal_leren.validation._engine import RULES, Context, Hit

__all__: list[str] = []

_PROGRESS = "'Wat bespreek ik omtrent de leervooruitgang?' (Samen werken aan duaal), overlegdoel 1"
_REFS = "Library consistency rule: references within one document must resolve; " + _PROGRESS
_SCALE = "R-SCALE: dualimento.be opleidingstool (a single source)"
_SELF = (
    "Good practice from learner records elsewhere (no legal source): keep a learner's "
    "self-assessment beside, never averaged into, the mentor's rating; an explicit override wins"
)
_CONTACT = "R-CONTACT: scanjeschoolvoorduaal.be 02-3 (agreement between school and company; no legal minimum)"


def _path(i: int, rest: str = "") -> str:
    return f"$.opvolgingsgesprekken[{i}]{rest}"


def _unknown_references(gesprek: Opvolgingsgesprek, known: set[str]) -> Iterator[tuple[str, str]]:
    """Every competence code a conversation names that is not ``known``, with its path.

    The JSON path below the conversation is worked out only for those: most codes are known.
    """
    for j, o in enumerate(gesprek.observaties):
        if o.competentie not in known:
            yield o.competentie, f".observaties[{j}].competentie"
    for field, items in (
        ("feedback_technisch", gesprek.feedback_technisch),
        ("feedback_attitude", gesprek.feedback_attitude),
    ):
        for j, feedback in enumerate(items):
            for k, code in enumerate(feedback.competenties):
                if code not in known:
                    yield code, f".{field}[{j}].competenties[{k}]"
    if gesprek.leerfocus is not None:
        for k, code in enumerate(gesprek.leerfocus.competenties):
            if code not in known:
                yield code, f".leerfocus.competenties[{k}]"
    for j, kans in enumerate(gesprek.extra_leerkansen):
        for k, code in enumerate(kans.competenties):
            if code not in known:
                yield code, f".extra_leerkansen[{j}].competenties[{k}]"
    for j, item in enumerate(gesprek.niet_aanleerbaar):
        if item.competentie not in known:
            yield item.competentie, f".niet_aanleerbaar[{j}].competentie"


@RULES.rule(
    "opvolging-competentie-onbekend",
    titel_en="A follow-up conversation names only competences of the learner's plan",
    titel="Een opvolgingsgesprek noemt alleen competenties uit het plan van de lerende",
    severity="error",
    source=_REFS,
    target="traject",
    fix="Correct the competence code, or add the competence to the individual plan first.",
)
def opvolging_competentie_onbekend(ctx: Context) -> Iterator[Hit]:
    """Every competence a conversation names is in the learner's individual plan.

    Observations, feedback, the leerfocus, extra learning opportunities and competences that
    can no longer be taught name competences by code; a left-out competence is not in the
    plan. An observation of an unknown code is not counted in the progress.
    """
    traject = ctx.checked_traject()
    known = set(traject.opleidingsplan.codes)
    for i, gesprek in enumerate(traject.opvolgingsgesprekken):
        for code, rest in _unknown_references(gesprek, known):
            yield Hit(
                _path(i, rest),
                f"competentie {code} staat niet in het opleidingsplan van de lerende",
                f"competence {code} is not in the learner's training plan",
            )


@RULES.rule(
    "opvolging-niveau",
    titel_en="Every rating is a level of the traject's scale, and the scale's threshold is one",
    titel="Elke beoordeling is een niveau van de schaal van het traject, en de drempel is er een",
    severity="error",
    source=_SCALE,
    target="traject",
    fix="Use a level of the scale (by default 1 to 4), or name the scale the ratings use "
    "under beheersingsschaal.",
)
def opvolging_niveau(ctx: Context) -> Iterator[Hit]:
    """A rating is one of the levels of the traject's scale.

    The scale is the default four-level one (1 beheerst onvoldoende, 2 kan het onder
    begeleiding, 3 beheerst voldoende, 4 kan het zelfstandig) unless the traject names its
    own. A mastery threshold that is none of the scale's levels is reported too: above the
    highest level, nothing could ever be mastered.
    """
    traject = ctx.checked_traject()
    scale = traject.beheersingsschaal or Beheersingsschaal.standaard()
    if scale.drempel not in scale:
        above = scale.drempel > scale.hoogste
        yield Hit(
            "$.beheersingsschaal.drempel",
            f"de drempel {scale.drempel} is geen niveau van de schaal"
            + ("; geen enkele competentie kan zo beheerst worden" if above else ""),
            f"the threshold {scale.drempel} is not a level of the scale"
            + ("; no competence could ever be mastered" if above else ""),
        )
    levels = ", ".join(str(v) for v in scale.waarden)
    for i, gesprek in enumerate(traject.opvolgingsgesprekken):
        for j, o in enumerate(gesprek.observaties):
            if o.niveau not in scale:
                yield Hit(
                    _path(i, f".observaties[{j}].niveau"),
                    f"niveau {o.niveau} van {o.competentie} staat niet op de schaal ({levels})",
                    f"level {o.niveau} of {o.competentie} is not on the scale ({levels})",
                )


@RULES.rule(
    "opvolging-zelfevaluatie-vastgesteld",
    titel_en="A self-assessment does not set a level",
    titel="Een zelfevaluatie legt geen niveau vast",
    severity="warning",
    source=_SELF,
    target="traject",
    fix="Record the agreed level as an observation of the mentor or the school marked "
    "vastgesteld, and keep the learner's own rating as a plain self-assessment.",
)
def opvolging_zelfevaluatie_vastgesteld(ctx: Context) -> Iterator[Hit]:
    """The learner's self-assessment is never an override.

    It is shown beside the level of mentor and school, never mixed into it; marked
    ``vastgesteld`` it would look like an override, but the progress ignores it. No law or
    guide of the field says so: the rule rests on good practice from learner records
    elsewhere (keep the self-assessment beside the mentor's rating; let an explicit
    override win), hence a warning.
    """
    for i, gesprek in enumerate(ctx.checked_traject().opvolgingsgesprekken):
        for j, o in enumerate(gesprek.observaties):
            if o.zelfevaluatie and o.vastgesteld:
                yield Hit(
                    _path(i, f".observaties[{j}].vastgesteld"),
                    f"de zelfevaluatie van {o.competentie} is als vastgesteld gemarkeerd; "
                    "ze telt niet mee voor het niveau",
                    f"the self-assessment of {o.competentie} is marked vastgesteld; it does "
                    "not count towards the level",
                )


@RULES.rule(
    "opvolging-zonder-observaties",
    titel_en="A held follow-up conversation records at least one rating",
    titel="Een gehouden opvolgingsgesprek bevat minstens één beoordeling",
    severity="warning",
    source=_PROGRESS,
    target="traject",
    fix="Record the level of the competences discussed (observaties), or set the "
    "conversation's status to gepland or geannuleerd.",
)
def opvolging_zonder_observaties(ctx: Context) -> Iterator[Hit]:
    """A held conversation rates at least one competence.

    The first consultation goal of a follow-up conversation is to assess the learner's
    growth and level per competence; a held conversation without any rating leaves the
    progress where it was.
    """
    for i, gesprek in enumerate(ctx.checked_traject().opvolgingsgesprekken):
        if gesprek.gehouden and not gesprek.observaties:
            yield Hit(
                _path(i, ".observaties"),
                f"het opvolgingsgesprek van {gesprek.datum} is gehouden, maar er is geen "
                "enkele competentie beoordeeld",
                f"the follow-up conversation of {gesprek.datum} was held, but no competence "
                "was rated",
            )


@RULES.rule(
    "opvolging-buiten-overeenkomst",
    titel_en="A follow-up conversation lies within the contract period",
    titel="Een opvolgingsgesprek valt binnen de periode van de overeenkomst",
    severity="warning",
    source=_CONTACT,
    target="traject",
    fix="Correct the date of the conversation, or the start and end of the contract.",
)
def opvolging_buiten_overeenkomst(ctx: Context) -> Iterator[Hit]:
    """A conversation takes place between the start and the end of the contract.

    Follow-up conversations discuss the learner's progress during the contract; one before
    its start or after its end is most likely a wrong date. Cancelled conversations are not
    checked.
    """
    traject = ctx.checked_traject()
    contract = traject.overeenkomst
    for i, gesprek in enumerate(traject.opvolgingsgesprekken):
        if gesprek.status is Gespreksstatus.GEANNULEERD:
            continue
        if not contract.start <= gesprek.datum <= contract.einde:
            yield Hit(
                _path(i, ".datum"),
                f"het opvolgingsgesprek van {gesprek.datum} valt buiten de overeenkomst "
                f"({contract.start} tot {contract.einde})",
                f"the follow-up conversation of {gesprek.datum} lies outside the contract "
                f"({contract.start} to {contract.einde})",
            )


@RULES.rule(
    "opvolging-frequentie",
    titel_en="Follow-up conversations are no further apart than agreed",
    titel="Opvolgingsgesprekken liggen niet verder uit elkaar dan afgesproken",
    severity="warning",
    source=_CONTACT,
    target="traject",
    fix="Plan a follow-up conversation within the agreed number of weeks "
    "(afspraken.opvolging_weken), or record the agreement that was really made.",
)
def opvolging_frequentie(ctx: Context) -> Iterator[Hit]:
    """No more weeks pass between two follow-up conversations than school and company agreed.

    The contact moments are fixed at the start (``afspraken.opvolging_weken``: at most that
    many weeks between two follow-up conversations). Checked from the start of
    the contract over the held conversations, and those still planned from ``today`` on, to
    ``today`` or the end of the contract, whichever comes first. A conversation planned
    for a day already past is not counted: it was not recorded as held. Runs only when a
    cadence is agreed.
    """
    traject = ctx.checked_traject()
    weeks = traject.afspraken.opvolging_weken
    if weeks is None:
        return
    contract = traject.overeenkomst
    counted = sorted(
        (
            (g.datum, i)
            for i, g in enumerate(traject.opvolgingsgesprekken)
            if contract.start <= g.datum <= contract.einde
            and (
                g.status is Gespreksstatus.GEHOUDEN
                or (g.status is Gespreksstatus.GEPLAND and g.datum >= ctx.today)
            )
        ),
        key=lambda item: item[0],
    )
    limit = weeks * 7
    previous = contract.start
    for datum, i in counted:
        if datum.toordinal() - previous.toordinal() > limit:
            yield _gap(_path(i, ".datum"), previous, datum, weeks)
        previous = datum
    until = min(ctx.today, contract.einde)
    if until.toordinal() - previous.toordinal() > limit:
        yield _gap("$.opvolgingsgesprekken", previous, until, weeks, open_ended=True)


def _gap(
    path: str, since: pendulum.Date, until: pendulum.Date, weeks: int, *, open_ended: bool = False
) -> Hit:
    days = until.toordinal() - since.toordinal()
    if open_ended:
        return Hit(
            path,
            f"sinds {since} is er {days} dagen geen opvolgingsgesprek geweest of gepland; "
            f"afgesproken is om de {weeks} weken",
            f"no follow-up conversation was held or planned in the {days} days since {since}; "
            f"the agreement is every {weeks} weeks",
        )
    return Hit(
        path,
        f"tussen {since} en {until} liggen {days} dagen zonder opvolgingsgesprek; "
        f"afgesproken is om de {weeks} weken",
        f"{days} days pass between {since} and {until} without a follow-up conversation; "
        f"the agreement is every {weeks} weeks",
    )
