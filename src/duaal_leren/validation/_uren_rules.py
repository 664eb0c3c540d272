"""Rules of working time and attendance: the schedule, the hours worked, absences reported.

The rules on the schedule look at a traject: a traject holds one weekly pattern or one
rotation, and each dated change of its schedule has a period and names a weekday in it. The
rules on attendance look at an attendance record (`duaal_leren.aanwezigheid.Aanwezigheden`)
together with its traject, as `Context.document` and `Context.traject`: the hours worked and
projected against R-OAO's 20 hours (a warning: an absence through illness does not break the
contract), the days recorded against the schedule and the school holidays (R-HOLIDAY), and
the absences against the traject's agreement on reporting them (a warning: the agreement,
not the law, sets the time). With another document (a traject alone) they find nothing; a
record checked without the traject it names gets ``aanwezigheid-traject`` (a warning), since
nothing of it could be checked.

References:
    R-OAO: Decreet 10-06-2016 betreffende alternerende opleidingen, art. 3.
    R-HOLIDAY: duaalleren.vlaanderen (19-8-2019); besox.be; sociare.be.
    Leidraad opstartgesprek voor leerwerkplekken (2023), "Praktische afspraken": "Hoe
        brengen bedrijf en school elkaar op de hoogte indien de lerende afwezig is?"
"""

from __future__ import annotations

from collections.abc import Iterator

from duaal_leren.aanwezigheid import Aanwezigheden
from duaal_leren.exceptions import excerpt
from duaal_leren.traject import Overeenkomstsoort
from duaal_leren.validation._engine import RULES, Context, Hit, Severity
from duaal_leren.validation._rules import _OAO, _in_kalender, _kalenderjaren
from duaal_leren.validation._vakantie_rules import _HOLIDAY

__all__: list[str] = []

_AFWEZIGHEID = (
    "Leidraad opstartgesprek voor leerwerkplekken (2023), 'Praktische afspraken': 'Hoe "
    "brengen bedrijf en school elkaar op de hoogte indien de lerende afwezig is?' (an "
    "agreement recorded in the traject, no legal term)"
)
_ROOSTER = "Library consistency rule: the schedule of one traject must be unambiguous"


def _record(ctx: Context) -> Aanwezigheden | None:
    """The attendance record a rule checks, when the run checks one with its traject."""
    document = ctx.document
    traject = ctx.traject
    if isinstance(document, Aanwezigheden) and traject is not None:
        return document if document.traject == traject.id else None
    return None


# --- the schedule ---------------------------------------------------------------------


@RULES.rule(
    "rooster",
    titel_en="A traject has one schedule, and each change of it has a period and a weekday in it",
    titel="Een traject heeft één rooster, en elke roosterwijziging heeft een periode en een weekdag daarin",
    severity="error",
    source=_ROOSTER,
    target="traject",
    fix="Keep either weekpatroon or rotatie; give each change an end on or after its start "
    "and blocks for the weekdays of its days.",
)
def rooster(ctx: Context) -> Iterator[Hit]:
    """The schedule says one thing: a single weekly pattern or a rotation, not both.

    A change whose end lies before its start has no days; a change that names none of the
    weekdays of its days changes nothing (a warning: most likely a wrong weekday or date).
    """
    traject = ctx.checked_traject()
    if traject.weekpatroon is not None and traject.rotatie is not None:
        yield Hit(
            "$.rotatie",
            "het traject heeft zowel een weekpatroon als een rotatie; houd er één",
            "the traject has both a weekly pattern and a rotation; keep one",
        )
    for i, change in enumerate(traject.roosterwijzigingen):
        path = f"$.roosterwijzigingen[{i}]"
        if change.einde is not None and change.einde < change.start:
            yield Hit(
                f"{path}.einde",
                f"de wijziging eindigt ({change.einde}) voor ze begint ({change.start})",
                f"the change ends ({change.einde}) before it starts ({change.start})",
            )
            continue
        days = change.laatste_dag.toordinal() - change.start.toordinal() + 1
        weekdays = {(change.start.isoweekday() + n - 1) % 7 + 1 for n in range(min(days, 7))}
        if not any(day.isoweekday in weekdays for day in change.weekdagen):
            yield Hit(
                f"{path}.dagen",
                "de wijziging noemt geen enkele weekdag van haar dagen en verandert dus niets",
                "the change names none of the weekdays of its days, so it changes nothing",
                Severity.WARNING,
            )


# --- attendance -----------------------------------------------------------------------

_TRAJECT = (
    "Library consistency rule: an attendance record is checked against the schedule of the "
    "traject it names"
)


@RULES.rule(
    "aanwezigheid-traject",
    titel_en="An attendance record is checked together with the traject it names",
    titel="Aanwezigheden worden gecontroleerd samen met het traject dat ze noemen",
    severity="warning",
    source=_TRAJECT,
    target="aanwezigheden",
    fix="Pass the traject's file too (duaal-leren validate traject.yaml aanwezigheden.yaml, "
    "or validate(record, trajecten=[traject])), or correct the traject id in the record.",
)
def aanwezigheid_traject(ctx: Context) -> Iterator[Hit]:
    """The traject an attendance record names is among the documents checked.

    Without it the days cannot be held against the schedule, the school holidays or the
    agreement on absences: the other attendance rules find nothing, and the record would
    pass unchecked. A file checked alone (as pre-commit does with a changed file) or a
    typo in the traject id gets this warning instead.
    """
    document = ctx.document
    if isinstance(document, Aanwezigheden) and ctx.traject is None:
        traject = excerpt(document.traject)
        yield Hit(
            "$.traject",
            f"het traject {traject} staat niet bij de gecontroleerde bestanden: de "
            "aanwezigheden zijn niet tegen het rooster gecontroleerd",
            f"the traject {traject} is not among the files checked: the attendance was not "
            "checked against the schedule",
        )


@RULES.rule(
    "uren-werkelijk",
    titel_en="The hours worked, and the year's projection, stay at 20 a week on average",
    titel="De gewerkte uren en de prognose voor het jaar blijven gemiddeld op 20 uur per week",
    severity="warning",
    source=_OAO + "; absences through illness do not break the contract",
    target="aanwezigheden",
    fix="Talk with school and company about the hours lost; plan extra workplace days, or "
    "check that every day worked is recorded.",
)
def uren_werkelijk(ctx: Context) -> Iterator[Hit]:
    """An OAO whose schedule plans 20 hours a week, but whose learner works fewer.

    Checked on an attendance record with its traject, per school year up to the run's
    today: the average of the hours worked, and the projection of the year's average from
    them and what is planned for the rest. A warning, not an error: R-OAO is about the
    contract and its schedule (rule ``oao-uren``), and an absence through illness does not
    break it; but a coordinator needs to see it before the year is over.
    """
    from duaal_leren.kalender import schoolkalender
    from duaal_leren.uren import DREMPEL, Urenoverzicht
    from duaal_leren.werkdagen import WerkdagenError

    record = _record(ctx)
    traject = ctx.traject
    if record is None or traject is None or traject.rooster is None:
        return
    if traject.overeenkomst.soort is not Overeenkomstsoort.OAO:
        return
    for jaar in _kalenderjaren(traject):
        try:
            overzicht = Urenoverzicht.from_traject(
                traject, record, schooljaar=jaar, today=ctx.today, kalender=schoolkalender(jaar)
            )
        except WerkdagenError:
            continue  # no day of the contract in that school year
        if overzicht.gepland_gemiddelde < DREMPEL:
            continue  # oao-uren reports the schedule itself
        for what, what_en, value in (
            (
                "het gemiddelde van de gewerkte uren",
                "the average of the hours worked",
                overzicht.werkelijk_gemiddelde,
            ),
            ("de prognose voor het jaar", "the projection for the year", overzicht.prognose),
        ):
            if value is not None and value < DREMPEL:
                yield Hit(
                    "$.dagen",
                    f"in schooljaar {jaar} is {what} {value:.1f} uur per week, onder "
                    f"{DREMPEL:g} (gepland: {overzicht.gepland_gemiddelde:.1f})",
                    f"in school year {jaar} {what_en} is {value:.1f} hours a week, below "
                    f"{DREMPEL:g} (planned: {overzicht.gepland_gemiddelde:.1f})",
                )


@RULES.rule(
    "aanwezigheid-dag",
    titel_en="Attendance is recorded on the learner's workplace days, never in a school "
    "holiday without an exception",
    titel="Aanwezigheid staat op werkplekdagen van de lerende, nooit in een schoolvakantie "
    "zonder uitzondering",
    severity="error",
    source=_HOLIDAY + "; the traject's schedule",
    target="aanwezigheden",
    fix="Correct the date, record the change of schedule (roosterwijzigingen) or the holiday "
    "exception (vakantie_uitzonderingen), or remove the day.",
)
def aanwezigheid_dag(ctx: Context) -> Iterator[Hit]:
    """Hours worked fall on workplace days of the real schedule, within the contract.

    Hours worked in a school vacation without a recorded exception break R-HOLIDAY (an
    error, for an OAO or SAO). Hours worked on another day that is no workplace day (a day
    the schedule puts at school, a weekend, a legal holiday, a day outside the contract),
    and an absence on a day the learner was not expected at the workplace, are warnings:
    most likely the schedule's change or the date was not recorded.
    """
    from duaal_leren.kalender import Schooljaar, schoolkalender
    from duaal_leren.werkdagen import Werkdagen

    record = _record(ctx)
    traject = ctx.traject
    if record is None or traject is None or traject.rooster is None:
        return
    werkdagen = Werkdagen.from_traject(traject)
    contract = traject.overeenkomst
    vakantievrij = werkdagen.vakantievrij
    for i, day in enumerate(record.dagen):
        datum = day.datum
        path = f"$.dagen[{i}]"
        worked = day.uren > 0
        if not contract.start <= datum <= contract.einde:
            yield Hit(
                path,
                f"{datum.isoformat()} valt buiten de overeenkomst ({contract.start} tot "
                f"{contract.einde})",
                f"{datum.isoformat()} falls outside the contract ({contract.start} to "
                f"{contract.einde})",
                Severity.WARNING,
            )
            continue
        jaar = Schooljaar.from_date(datum)
        if not _in_kalender(jaar):
            continue  # overeenkomst-kalender reports it on the traject
        if datum in werkdagen.werkplekdagen(datum, datum):
            continue
        kalender = schoolkalender(jaar)
        if worked and vakantievrij and kalender.is_vakantie(datum):
            yield Hit(
                path,
                f"op {datum.isoformat()} zijn uren gewerkt in een schoolvakantie zonder "
                "geregistreerde uitzondering",
                f"hours are worked on {datum.isoformat()}, in a school holiday without a "
                "recorded exception",
            )
        elif worked:
            yield Hit(
                path,
                f"op {datum.isoformat()} zijn uren gewerkt, maar het is geen werkplekdag "
                "van het rooster",
                f"hours are worked on {datum.isoformat()}, but it is no workplace day of "
                "the schedule",
                Severity.WARNING,
            )
        elif day.status.afwezig:
            yield Hit(
                path,
                f"een afwezigheid op {datum.isoformat()}, een dag zonder werkplek in het rooster",
                f"an absence on {datum.isoformat()}, a day without workplace in the schedule",
                Severity.WARNING,
            )


@RULES.rule(
    "afwezigheid-melding",
    titel_en="An absence is reported as the traject's agreement says: by whom, to whom, in time",
    titel="Een afwezigheid wordt gemeld zoals het traject afspreekt: door wie, aan wie, op tijd",
    severity="warning",
    source=_AFWEZIGHEID,
    target="aanwezigheden",
    fix="Record when and to whom the absence was reported, or talk about the agreement with "
    "the learner.",
)
def afwezigheid_melding(ctx: Context) -> Iterator[Hit]:
    """Where the traject records how absences are reported, each absence follows it.

    The agreement (``afspraken.afwezigheidsmelding``) says who tells whom, within how many
    days; an absence without a report, a report after that time, or one that did not reach
    everyone agreed is a warning. Without an agreement nothing is checked: no law sets it.
    """
    record = _record(ctx)
    traject = ctx.traject
    if record is None or traject is None:
        return
    afspraak = traject.afspraken.afwezigheidsmelding
    if afspraak is None:
        return
    for i, day in enumerate(record.dagen):
        if not day.status.afwezig:
            continue
        path = f"$.dagen[{i}]"
        melding = day.melding
        datum = day.datum.isoformat()
        if melding is None:
            yield Hit(
                f"{path}.melding",
                f"de afwezigheid van {datum} is niet gemeld",
                f"the absence of {datum} was not reported",
            )
            continue
        late = melding.datum.toordinal() - day.datum.toordinal()
        if late > afspraak.binnen_dagen:
            yield Hit(
                f"{path}.melding.datum",
                f"de afwezigheid van {datum} is {late} dag(en) later gemeld; de afspraak is "
                f"binnen {afspraak.binnen_dagen}",
                f"the absence of {datum} was reported {late} day(s) later; the agreement is "
                f"within {afspraak.binnen_dagen}",
            )
        if melding.door is not None and melding.door is not afspraak.door:
            yield Hit(
                f"{path}.melding.door",
                f"de afwezigheid van {datum} is gemeld door {melding.door.value}; de afspraak "
                f"is {afspraak.door.value}",
                f"the absence of {datum} was reported by {melding.door.value}; the agreement "
                f"is {afspraak.door.value}",
            )
        missing = [p.value for p in afspraak.aan if melding.aan and p not in melding.aan]
        if missing:
            yield Hit(
                f"{path}.melding.aan",
                f"de afwezigheid van {datum} is niet gemeld aan: {', '.join(missing)}",
                f"the absence of {datum} was not reported to: {', '.join(missing)}",
            )
