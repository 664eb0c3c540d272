"""Rules for school holidays (R-HOLIDAY), checked on the Flemish school calendar.

Since 1 September 2019 learners in dual learning with an OAO or an SAO are off in every
school holiday. An individual exception needs a real learning opportunity, the agreement of
all parties and an annex to the contract; the days are recovered on planned workplace days in
the same school year, and the learner always keeps four consecutive weeks off in July and
August. The rules here apply to OAO and SAO contracts only: a deeltijdse
arbeidsovereenkomst is ordinary part-time employment, which the school holidays do not
suspend.

References:
    R-HOLIDAY: duaalleren.vlaanderen (19-8-2019); besox.be "Wijziging van vakantieregeling in
        het stelsel alternerend leren" (18-9-2019); sociare.be.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from duaal_leren.traject import Overeenkomstsoort, Traject
from duaal_leren.validation._engine import RULES, Context, Hit, Severity
from duaal_leren.validation._rules import _in_kalender, _kalenderjaren

if TYPE_CHECKING:
    from duaal_leren.vakantieregeling import Vakantiebalans

__all__: list[str] = []

_HOLIDAY = (
    "R-HOLIDAY: duaalleren.vlaanderen (19-8-2019); besox.be 'Wijziging van vakantieregeling "
    "in het stelsel alternerend leren' (18-9-2019); sociare.be"
)


def _geldt(traject: Traject) -> bool:
    """Whether the holiday rule applies: to OAO and SAO contracts, not to a deeltijdse one."""
    return traject.overeenkomst.soort is not Overeenkomstsoort.DEELTIJDSE_ARBEIDSOVEREENKOMST


def _balances(traject: Traject) -> Iterator[Vakantiebalans]:
    """The holiday balance of each school year of a traject with recorded exceptions."""
    from duaal_leren.kalender import schoolkalender
    from duaal_leren.vakantieregeling import vakantiebalans
    from duaal_leren.werkdagen import WerkdagenError

    if not traject.vakantie_uitzonderingen or traject.rooster is None or not _geldt(traject):
        return
    # A school year the calendar does not know is left out: overeenkomst-kalender says so.
    for jaar in _kalenderjaren(traject):
        try:
            yield vakantiebalans(traject, schoolkalender(jaar))
        except WerkdagenError:
            continue  # no training week of the contract falls in that school year


@RULES.rule(
    "vakantie-uitzondering",
    titel_en="Work in a school holiday rests on a recorded exception: learning opportunity, "
    "agreement of all parties, annex",
    titel="Werk in een schoolvakantie steunt op een geregistreerde uitzondering: leerkans, akkoord van alle partijen, bijlage",
    severity="error",
    source=_HOLIDAY,
    target="traject",
    fix="Record the learning opportunity, the agreement of school, company and learner, and "
    "the annex to the contract; or give the learner the holiday off.",
)
def vakantie_uitzondering(ctx: Context) -> Iterator[Hit]:
    """An exception needs a learning opportunity, everyone's agreement and an annex.

    An individual exception to the holiday rule needs a real learning opportunity, the
    agreement of school, company and learner, and an annex to the contract. Like every
    rule of R-HOLIDAY, it applies to OAO and SAO contracts only.
    """
    traject = ctx.checked_traject()
    if not _geldt(traject):
        return
    for j, uitzondering in enumerate(traject.vakantie_uitzonderingen):
        path = f"$.vakantie_uitzonderingen[{j}]"
        missing = [p.value for p in uitzondering.ontbrekend_akkoord]
        if missing:
            who = ", ".join(missing)
            yield Hit(
                f"{path}.akkoord",
                f"het akkoord ontbreekt van: {who}",
                f"the agreement is missing of: {who}",
            )
        if uitzondering.bijlage is None:
            yield Hit(
                f"{path}.bijlage",
                "de bijlage bij de overeenkomst ontbreekt",
                "the annex to the contract is missing",
            )
        if uitzondering.leerkans is None:
            yield Hit(
                f"{path}.leerkans",
                "de leerkans die de uitzondering rechtvaardigt ontbreekt",
                "the learning opportunity that justifies the exception is missing",
            )


@RULES.rule(
    "vakantie-recuperatie",
    titel_en="Holiday days worked are recovered on planned workplace days of the same school year",
    titel="Gewerkte vakantiedagen worden gerecupereerd op geplande werkplekdagen van hetzelfde schooljaar",
    severity="error",
    source=_HOLIDAY,
    target="traject",
    fix="Plan as many recovery days as holiday days worked, on the learner's workplace days "
    "of the same school year.",
)
def vakantie_recuperatie(ctx: Context) -> Iterator[Hit]:
    """Holiday days worked are recovered in the same school year.

    Every holiday day worked is recovered on a planned workplace day of the same school
    year; recovery days elsewhere do not count. Recovery is owed "tenzij de overeenkomst
    vroeger eindigt" (sociare.be): the library reads this as a contract that ends before
    the days *can* be recovered. Days not recovered are a warning when fewer planned
    workplace days, not yet taken off for recovery, remain after the first holiday day
    worked and before the contract ends (in that school year) than days are owed; otherwise
    an error. A contract that ends on 30 June, its normal end, leaves the whole spring to
    recover in. Applies to OAO and SAO contracts only (R-HOLIDAY).
    """
    traject = ctx.checked_traject()
    for balans in _balances(traject):
        jaar = balans.schooljaar
        if balans.ongeldige_recuperatie:
            days = ", ".join(d.isoformat() for d in balans.ongeldige_recuperatie)
            yield Hit(
                "$.vakantie_uitzonderingen",
                f"recuperatiedagen die geen geplande werkplekdag van schooljaar {jaar} zijn: {days}",
                f"recovery days that are no planned workplace day of school year {jaar}: {days}",
            )
        if balans.tekort:
            # Recovery is owed unless the contract ends earlier (sociare.be): when it ends
            # before the days can be recovered, the finding is a warning.
            ends_early = len(balans.recupereerbaar) < balans.tekort
            yield Hit(
                "$.vakantie_uitzonderingen",
                f"in schooljaar {jaar} zijn {balans.tekort} gewerkte vakantiedag(en) niet "
                "gerecupereerd",
                f"in school year {jaar}, {balans.tekort} holiday day(s) worked are not recovered",
                Severity.WARNING if ends_early else None,
            )


@RULES.rule(
    "vakantie-zomerrust",
    titel_en="The learner keeps four consecutive weeks off in July and August",
    titel="De lerende houdt vier aaneengesloten weken vrij in juli en augustus",
    severity="error",
    source=_HOLIDAY,
    target="traject",
    fix="Move holiday work so that four weeks in a row in July and August stay free.",
)
def vakantie_zomerrust(ctx: Context) -> Iterator[Hit]:
    """Even with an exception, the learner always has four consecutive weeks off in summer.

    Applies to OAO and SAO contracts only: R-HOLIDAY does not cover a deeltijdse
    arbeidsovereenkomst.
    """
    from duaal_leren.vakantieregeling import ZOMERRUST_DAGEN

    for balans in _balances(ctx.checked_traject()):
        jaar = balans.schooljaar
        if balans.zomerrust < ZOMERRUST_DAGEN:
            yield Hit(
                "$.vakantie_uitzonderingen",
                f"in de zomer van schooljaar {jaar} is de langste vrije periode "
                f"{balans.zomerrust} dagen; minstens {ZOMERRUST_DAGEN} aaneengesloten",
                f"in the summer of school year {jaar} the longest time off is "
                f"{balans.zomerrust} days; at least {ZOMERRUST_DAGEN} in a row",
            )


@RULES.rule(
    "vakantie-feestdag",
    titel_en="A holiday exception does not schedule work on a legal holiday",
    titel="Een vakantie-uitzondering plant geen werk op een wettelijke feestdag",
    severity="error",
    source=_HOLIDAY + "; legal holidays (feestdagen) are days off at school and at work",
    target="traject",
    fix="Remove the legal holiday from the exception's days, or choose another vacation day.",
)
def vakantie_feestdag(ctx: Context) -> Iterator[Hit]:
    """An exception's days are no legal holidays.

    An exception lets the learner work on vacation days; a legal holiday inside a vacation
    (Christmas, Easter Monday, 21 July) stays a day off, and the days worked do not count
    it. Reported rather than silently left out: a learner cannot be scheduled on it. Days in
    a school year the calendar does not know are left to ``overeenkomst-kalender``. Applies
    to OAO and SAO contracts only, like every rule of R-HOLIDAY.
    """
    from duaal_leren.kalender import Schooljaar, schoolkalender

    traject = ctx.checked_traject()
    if not _geldt(traject):
        return
    for j, uitzondering in enumerate(traject.vakantie_uitzonderingen):
        for k, day in enumerate(uitzondering.dagen):
            jaar = Schooljaar.from_date(day)
            if not _in_kalender(jaar):
                continue
            naam = next((f.naam for f in schoolkalender(jaar).feestdagen if f.datum == day), None)
            if naam is not None:
                yield Hit(
                    f"$.vakantie_uitzonderingen[{j}].dagen[{k}]",
                    f"{day.isoformat()} is een wettelijke feestdag ({naam}); daarop kan de "
                    "lerende niet ingepland worden",
                    f"{day.isoformat()} is a legal holiday ({naam}); the learner cannot be "
                    "scheduled on it",
                )
