"""Learning progress (leervooruitgang) of a traject: per competence, overall, risk and focus.

`TrajectVoortgang.from_traject` reads the ratings recorded in a traject's follow-up
conversations and gives, per competence, the current level by a roll-up rule (`Rollup`: an
explicit override wins, else the latest rating by mentor or school; the learner's
self-assessment is shown beside it and never mixed into it), whether it is mastered, and its
history. Over the whole traject it counts what
is mastered, in progress and not started, per leerplaats too, lists what is overdue, raises a
risk flag when the share of the contract period that has passed runs ahead of the share of
competences mastered, and suggests a learning focus for the next begeleidingsperiode.

Every function that depends on the date takes ``today``, so that a result can be reproduced.

Example:
    >>> import duaal_leren
    >>> from duaal_leren.voortgang import TrajectVoortgang
    >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
    >>> v = TrajectVoortgang.from_traject(traject, today="2026-02-28")
    >>> v.competentie("ELT-03").niveau, v.competentie("ELT-03").status.value
    (3, 'beheerst')
    >>> v.risico.vlag
    True

References:
    "Wat bespreek ik omtrent de leervooruitgang?", consultation goals 1 (growth and level per
        competence) and 7 (the focus of the next begeleidingsperiode).
    R-SCALE: dualimento.be opleidingstool (a single source): the four-level scale.
    The risk rule follows the practice of apprenticeship tools elsewhere (off track when the
        share of time elapsed is at least 10 points ahead of the share achieved); it is a
        signal for the conversation, not a legal rule.
"""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from duaal_leren import _views
from duaal_leren._export import (
    CsvAndHtmlFiles,
    Row,
    csv_text,
    dataframe,
    html_page,
    html_table,
)
from duaal_leren._validators import as_day
from duaal_leren.competentie import Competentie, Leerplaats
from duaal_leren.exceptions import FieldError, checked_lang
from duaal_leren.opleidingsplan import Verplaatsing
from duaal_leren.opvolging import (
    Beheersingsschaal,
    Beoordelaar,
    Gespreksstatus,
    Observatie,
)
from duaal_leren.traject import Traject

if TYPE_CHECKING:
    import pandas

__all__ = [
    "RISICODREMPEL",
    "ROW_HEADER",
    "CompetentieVoortgang",
    "Meting",
    "Risico",
    "Rollup",
    "Status",
    "Telling",
    "TrajectVoortgang",
    "geschiedenis",
    "planwijzigingen",
    "schaal",
    "tijdlijn",
]

RISICODREMPEL = 10.0
"""The default risk threshold, in percentage points."""


class Status(enum.Enum):
    """Where a competence stands."""

    BEHEERST = "beheerst"
    """Mastered: rated at or above the scale's threshold, or a startcompetentie."""
    BEZIG = "bezig"
    """In progress: rated, below the threshold."""
    NIET_GESTART = "niet-gestart"
    """Not started: no rating by mentor or school yet."""


_SCHOOL_EN_MENTOR = frozenset(
    {Beoordelaar.MENTOR, Beoordelaar.VAKLEERKRACHT, Beoordelaar.TRAJECTBEGELEIDER}
)


def _frozen(values: Iterable[Beoordelaar]) -> frozenset[Beoordelaar]:
    return frozenset(values)


def _not_the_learner(
    _: object, attribute: attrs.Attribute[Any], value: frozenset[Beoordelaar]
) -> None:
    if Beoordelaar.LERENDE in value:
        raise FieldError(
            attribute.name,
            "een zelfevaluatie staat naast het niveau en telt er nooit in mee: laat "
            "Beoordelaar.LERENDE weg uit beoordelaars",
            "a self-assessment is shown beside the level, never counted in it: "
            "leave Beoordelaar.LERENDE out of beoordelaars",
        )


@attrs.frozen
class Rollup:
    """The roll-up rule: how the current level of a competence follows from its ratings.

    1. An override wins: the latest observation marked ``vastgesteld``.
    2. Otherwise the latest rating by one of ``beoordelaars``: by default the mentor and the
       school (vakleerkracht and trajectbegeleider).

    Between ratings of the same day, the one recorded later wins (a later conversation, or
    later in a conversation's list). The learner's self-assessment never counts, also not
    when marked ``vastgesteld``: it is shown beside the level.

    Attributes:
        beoordelaars: Whose ratings count. Cannot hold `Beoordelaar.LERENDE` (a
            `duaal_leren.FieldError`).

    Example:
        >>> from duaal_leren.opvolging import Beoordelaar, Observatie
        >>> from duaal_leren.voortgang import Rollup
        >>> ratings = [
        ...     Observatie("ELT-03", 2, Beoordelaar.MENTOR),
        ...     Observatie("ELT-03", 4, Beoordelaar.LERENDE),
        ... ]
        >>> Rollup().choose(ratings).niveau
        2
        >>> Rollup(beoordelaars=[Beoordelaar.VAKLEERKRACHT]).choose(ratings) is None
        True
    """

    beoordelaars: frozenset[Beoordelaar] = attrs.field(
        default=_SCHOOL_EN_MENTOR, converter=_frozen, validator=_not_the_learner
    )

    def choose(self, geschiedenis: Iterable[Observatie]) -> Observatie | None:
        """The observation that sets the current level, or ``None`` when none counts.

        Args:
            geschiedenis: The ratings of one competence, oldest first (by date, then in
                the order recorded).
        """
        override: Observatie | None = None
        latest: Observatie | None = None
        for observatie in geschiedenis:
            if observatie.zelfevaluatie:
                continue
            if observatie.vastgesteld:
                override = observatie
            if observatie.beoordelaar in self.beoordelaars:
                latest = observatie
        return override if override is not None else latest


def schaal(traject: Traject) -> Beheersingsschaal:
    """The scale of a traject: its own, or the default four-level scale."""
    return traject.beheersingsschaal or Beheersingsschaal.standaard()


def geschiedenis(
    traject: Traject, *, today: pendulum.Date | str | None = None
) -> dict[str, tuple[Observatie, ...]]:
    """Every rating up to ``today``, per competence code, oldest first.

    Ratings of cancelled conversations do not count. Each observation has its date filled
    in (the conversation's, when it has none of its own); ratings of one day keep the order
    in which they were recorded.

    Args:
        traject: The traject.
        today: Ratings dated after this day are left out (default: the current date in
            Europe/Brussels).
    """
    day = as_day(today)
    gesprekken = sorted(
        (g for g in traject.opvolgingsgesprekken if g.status is not Gespreksstatus.GEANNULEERD),
        key=lambda g: g.datum,
    )
    dated = [o for g in gesprekken for o in g.observaties_gedateerd()]
    dated = [o for o in dated if o.datum is not None and o.datum <= day]
    dated.sort(key=lambda o: o.datum or day)  # stable: the recorded order breaks ties
    result: dict[str, list[Observatie]] = {}
    for observatie in dated:
        result.setdefault(observatie.competentie, []).append(observatie)
    return {code: tuple(items) for code, items in result.items()}


@attrs.frozen
class CompetentieVoortgang:
    """The progress of one competence.

    Attributes:
        competentie: The competence, as in the learner's plan.
        status: Mastered, in progress, or not started.
        niveau: The current level by the roll-up rule; ``None`` when not rated.
        label: The label of that level on the scale.
        bron: The observation that sets the level.
        zelfevaluatie: The latest self-assessment of the learner, shown beside the level.
        geschiedenis: Every rating up to the day, the learner's included, oldest first.
        startcompetentie: The learner mastered it at the start of the traject.
        achterstallig: Overdue: its termijn has passed and it is not mastered.
    """

    competentie: Competentie
    status: Status
    niveau: int | None = None
    label: str | None = None
    bron: Observatie | None = None
    zelfevaluatie: Observatie | None = None
    geschiedenis: tuple[Observatie, ...] = ()
    startcompetentie: bool = False
    achterstallig: bool = False

    @property
    def code(self) -> str:
        """The competence's code."""
        return self.competentie.code

    @property
    def beheerst(self) -> bool:
        """Whether it is mastered."""
        return self.status is Status.BEHEERST


@attrs.frozen
class Telling:
    """How many competences are mastered, in progress and not started."""

    beheerst: int = 0
    bezig: int = 0
    niet_gestart: int = 0

    @property
    def totaal(self) -> int:
        """All competences counted."""
        return self.beheerst + self.bezig + self.niet_gestart

    @classmethod
    def from_items(cls, items: Iterable[CompetentieVoortgang]) -> Telling:
        """Count a collection of competences by status."""
        counts = {status: 0 for status in Status}
        for item in items:
            counts[item.status] += 1
        return cls(counts[Status.BEHEERST], counts[Status.BEZIG], counts[Status.NIET_GESTART])


@attrs.frozen
class Risico:
    """The risk flag of a traject: is the learner falling behind the contract's clock?

    The flag is raised when the share of the contract period that has passed runs ahead of
    the share of competences mastered by at least ``drempel`` percentage points.
    Startcompetenties are left out of both shares: the contract's time is for the others.

    Attributes:
        vlag: Whether the traject is at risk.
        aandeel_tijd: The share of the contract period passed, from 0.0 to 1.0.
        aandeel_beheerst: The share of competences mastered, from 0.0 to 1.0.
        drempel: The threshold, in percentage points.
        reden: Why the flag is or is not raised, in Dutch.
        reden_en: The same in English.
    """

    vlag: bool
    aandeel_tijd: float
    aandeel_beheerst: float
    drempel: float
    reden: str
    reden_en: str

    @property
    def achterstand(self) -> float:
        """How far mastery lags behind time, in percentage points (negative: ahead)."""
        return (self.aandeel_tijd - self.aandeel_beheerst) * 100

    def text(self, lang: str | None = None) -> str:
        """The reason in Dutch (``nl``) or English (``en``)."""
        lang = checked_lang(lang)
        return self.reden_en if lang == "en" else self.reden


def _aandeel_tijd(traject: Traject, day: pendulum.Date) -> float:
    start, einde = traject.overeenkomst.start, traject.overeenkomst.einde
    if day <= start:
        return 0.0
    if day >= einde:
        return 1.0
    # Ordinals: subtracting pendulum dates makes an Interval, which costs far more.
    return (day.toordinal() - start.toordinal()) / (einde.toordinal() - start.toordinal())


def _check_drempel(drempel: float) -> None:
    # A threshold of NaN flags nothing and ends up as NaN in JSON, which is no JSON.
    if not math.isfinite(drempel) or not 0 <= drempel <= 100:
        raise FieldError(
            "risicodrempel",
            f"{drempel!r} is geen getal van 0 tot 100 (procentpunten)",
            f"{drempel!r} is not a number from 0 to 100 (percentage points)",
        )


def _risico(tijd: float, beheerst: float, drempel: float) -> Risico:
    lag = (tijd - beheerst) * 100
    # A hair of tolerance, so that 30% against 20% counts as the 10 points it is.
    flag = lag >= drempel - 1e-9
    t, b, d = f"{tijd:.0%}", f"{beheerst:.0%}", f"{drempel:g}"
    if flag:
        reden = (
            f"{t} van de contractperiode is verstreken, maar pas {b} van de competenties is "
            f"beheerst: {lag:.0f} procentpunten achter (drempel {d})"
        )
        reden_en = (
            f"{t} of the contract period has passed, but only {b} of the competences are "
            f"mastered: {lag:.0f} percentage points behind (threshold {d})"
        )
    else:
        reden = (
            f"{t} van de contractperiode is verstreken en {b} van de competenties is "
            f"beheerst: binnen de drempel van {d} procentpunten"
        )
        reden_en = (
            f"{t} of the contract period has passed and {b} of the competences are "
            f"mastered: within the threshold of {d} percentage points"
        )
    return Risico(flag, tijd, beheerst, drempel, reden, reden_en)


def _op_werkplek(competentie: Competentie) -> bool:
    return competentie.leerplaats.op_werkplek or (
        competentie.inoefening is not None and competentie.inoefening.op_werkplek
    )


def _niet_meer_op_werkplek(traject: Traject, day: pendulum.Date) -> frozenset[str]:
    codes: set[str] = set()
    for gesprek in traject.opvolgingsgesprekken:
        if gesprek.status is Gespreksstatus.GEHOUDEN and gesprek.datum <= day:
            codes.update(
                n.competentie for n in gesprek.niet_aanleerbaar if n.waar is Leerplaats.WERKPLEK
            )
    return frozenset(codes)


def _leerfocus(
    items: Sequence[CompetentieVoortgang], geblokkeerd: frozenset[str], max_aantal: int
) -> tuple[CompetentieVoortgang, ...]:
    status = {item.code: item.status for item in items}
    order = {item.code: i for i, item in enumerate(items)}
    candidates = [
        item
        for item in items
        if not item.beheerst
        and item.code not in geblokkeerd
        and _op_werkplek(item.competentie)
        # A prerequisite the plan does not hold blocks nothing; the rules report it.
        and all(
            status.get(v, Status.BEHEERST) is Status.BEHEERST for v in item.competentie.vereisten
        )
    ]

    def key(item: CompetentieVoortgang) -> tuple[bool, datetime.date, bool, int]:
        termijn = item.competentie.termijn
        beyond = datetime.date.max  # no termijn: after every termijn
        return (
            termijn is None,
            termijn or beyond,
            item.status is not Status.BEZIG,
            order[item.code],
        )

    candidates.sort(key=key)
    return tuple(candidates[:max_aantal])


@attrs.frozen
class TrajectVoortgang(CsvAndHtmlFiles):
    """The progress of one traject on one day.

    Attributes:
        traject: The traject's id.
        lerende: The learner's pseudonymous id.
        datum: The day the progress is computed for.
        schaal: The scale the levels are on.
        competenties: The progress of every competence of the plan, in plan order.
            Startcompetenties count as mastered.
        risico: The risk flag, with its reason.
        leerfocus: The suggested learning focus for the next begeleidingsperiode: competences
            not mastered whose prerequisites are, that can be practised at the workplace,
            nearest termijn first.
    """

    traject: str
    lerende: str
    datum: pendulum.Date
    schaal: Beheersingsschaal
    competenties: tuple[CompetentieVoortgang, ...]
    risico: Risico
    leerfocus: tuple[CompetentieVoortgang, ...] = ()

    @classmethod
    def from_traject(
        cls,
        traject: Traject,
        *,
        today: pendulum.Date | str | None = None,
        rollup: Rollup | None = None,
        risicodrempel: float = RISICODREMPEL,
        max_leerfocus: int = 5,
    ) -> TrajectVoortgang:
        """The progress of a traject on a day.

        Args:
            traject: The traject, with its follow-up conversations.
            today: The day to compute for; ratings dated later are left out (default: the
                current date in Europe/Brussels).
            rollup: The roll-up rule (default: `Rollup()`).
            risicodrempel: The risk threshold, in percentage points: a finite number from 0
                to 100.
            max_leerfocus: The most competences to suggest as learning focus.

        Returns:
            The progress per competence, the counts, the risk flag and the suggested focus.

        Raises:
            FieldError: ``today`` is no date, or ``risicodrempel`` is not from 0 to 100.

        Example:
            >>> import duaal_leren
            >>> from duaal_leren.voortgang import TrajectVoortgang
            >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
            >>> v = TrajectVoortgang.from_traject(traject, today="2025-12-01")
            >>> elt03 = v.competentie("ELT-03")
            >>> elt03.niveau, elt03.label, elt03.zelfevaluatie.niveau
            (2, 'kan het onder begeleiding', 3)
            >>> [item.code for item in v.leerfocus]
            ['ELT-03', 'ELT-08', 'ELT-07', 'ELT-09', 'ELT-15']
        """
        day = as_day(today)
        _check_drempel(risicodrempel)
        rule = rollup or Rollup()
        scale = schaal(traject)
        plan = traject.opleidingsplan
        history = geschiedenis(traject, today=day)
        start = set(plan.startcompetenties)
        items = []
        for competentie in plan.competenties:
            ratings = history.get(competentie.code, ())
            chosen = rule.choose(ratings)
            selfs = [o for o in ratings if o.zelfevaluatie]
            is_start = competentie.code in start
            if chosen is not None:
                status = Status.BEHEERST if scale.beheerst(chosen.niveau) else Status.BEZIG
            elif is_start:
                status = Status.BEHEERST
            else:
                status = Status.NIET_GESTART
            overdue = (
                status is not Status.BEHEERST
                and competentie.termijn is not None
                and competentie.termijn < day
            )
            items.append(
                CompetentieVoortgang(
                    competentie=competentie,
                    status=status,
                    niveau=chosen.niveau if chosen else None,
                    label=scale.label(chosen.niveau) if chosen else None,
                    bron=chosen,
                    zelfevaluatie=selfs[-1] if selfs else None,
                    geschiedenis=ratings,
                    startcompetentie=is_start,
                    achterstallig=overdue,
                )
            )
        effective = [item for item in items if not item.startcompetentie]
        mastered = sum(1 for item in effective if item.beheerst)
        share = mastered / len(effective) if effective else 1.0
        return cls(
            traject=traject.id,
            lerende=traject.lerende.id,
            datum=day,
            schaal=scale,
            competenties=tuple(items),
            risico=_risico(_aandeel_tijd(traject, day), share, risicodrempel),
            leerfocus=_leerfocus(items, _niet_meer_op_werkplek(traject, day), max_leerfocus),
        )

    def competentie(self, code: str) -> CompetentieVoortgang:
        """The progress of the competence with this code.

        Raises:
            KeyError: The plan has no such competence.
        """
        for item in self.competenties:
            if item.code == code:
                return item
        raise KeyError(code)

    def with_status(self, status: Status) -> tuple[CompetentieVoortgang, ...]:
        """The competences with one status, in plan order."""
        return tuple(item for item in self.competenties if item.status is status)

    @property
    def beheerst(self) -> tuple[CompetentieVoortgang, ...]:
        """The mastered competences."""
        return self.with_status(Status.BEHEERST)

    @property
    def bezig(self) -> tuple[CompetentieVoortgang, ...]:
        """The competences in progress."""
        return self.with_status(Status.BEZIG)

    @property
    def niet_gestart(self) -> tuple[CompetentieVoortgang, ...]:
        """The competences not started."""
        return self.with_status(Status.NIET_GESTART)

    @property
    def achterstallig(self) -> tuple[CompetentieVoortgang, ...]:
        """The overdue competences: termijn passed, not mastered."""
        return tuple(item for item in self.competenties if item.achterstallig)

    def telling(self) -> Telling:
        """How many competences are mastered, in progress and not started."""
        return Telling.from_items(self.competenties)

    def per_leerplaats(self) -> dict[Leerplaats, Telling]:
        """The counts per leerplaats, in the order of `Leerplaats`, leaving out empty ones.

        Example:
            >>> import duaal_leren
            >>> from duaal_leren.voortgang import TrajectVoortgang
            >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
            >>> v = TrajectVoortgang.from_traject(traject, today="2026-06-30")
            >>> {p.value: (t.beheerst, t.totaal) for p, t in v.per_leerplaats().items()}
            {'school': (4, 6), 'werkplek': (6, 12), 'beide': (5, 9), 'extern': (0, 1)}
        """
        groups: dict[Leerplaats, list[CompetentieVoortgang]] = {}
        for item in self.competenties:
            groups.setdefault(item.competentie.leerplaats, []).append(item)
        return {p: Telling.from_items(groups[p]) for p in Leerplaats if p in groups}

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Plain data, for JSON: the counts, risk, focus and every competence."""
        lang = checked_lang(lang)
        counts = self.telling()
        return {
            "traject": self.traject,
            "lerende": self.lerende,
            "datum": self.datum.isoformat(),
            "schaal": {
                "niveaus": {str(n.waarde): n.label for n in self.schaal.niveaus},
                "drempel": self.schaal.drempel,
            },
            "telling": {
                "beheerst": counts.beheerst,
                "bezig": counts.bezig,
                "niet-gestart": counts.niet_gestart,
                "totaal": counts.totaal,
            },
            "per_leerplaats": {
                p.value: {"beheerst": t.beheerst, "bezig": t.bezig, "niet-gestart": t.niet_gestart}
                for p, t in self.per_leerplaats().items()
            },
            "achterstallig": [item.code for item in self.achterstallig],
            "risico": {
                "vlag": self.risico.vlag,
                "aandeel_tijd": round(self.risico.aandeel_tijd, 4),
                "aandeel_beheerst": round(self.risico.aandeel_beheerst, 4),
                "drempel": self.risico.drempel,
                "reden": self.risico.text(lang),
            },
            "leerfocus": [item.code for item in self.leerfocus],
            "competenties": [_item_dict(item) for item in self.competenties],
        }

    def rows(self) -> list[list[object]]:
        """One row per competence, under `ROW_HEADER`, for CSV and spreadsheets."""
        return [
            [
                item.code,
                item.competentie.omschrijving,
                item.competentie.leerplaats.value,
                item.competentie.termijn.isoformat() if item.competentie.termijn else None,
                item.status.value,
                item.niveau,
                item.label,
                item.bron.beoordelaar.value if item.bron else None,
                item.bron.datum.isoformat() if item.bron and item.bron.datum else None,
                item.zelfevaluatie.niveau if item.zelfevaluatie else None,
                "ja" if item.startcompetentie else "nee",
                "ja" if item.achterstallig else "nee",
            ]
            for item in self.competenties
        ]

    def text(self, lang: str | None = None) -> str:
        """Readable text: counts, overdue competences, risk, focus, then every competence."""
        lang = checked_lang(lang)
        return "\n".join(_text(self, _LABELS["en" if lang == "en" else "nl"], lang))

    def __str__(self) -> str:
        return self.text()

    def csv(self, delimiter: str = ",") -> str:
        """The competences as CSV text; the same as ``to_csv()`` without a path."""
        return csv_text(ROW_HEADER, self.rows(), delimiter)

    def html(self, lang: str | None = None) -> str:
        """A self-contained HTML page of the progress; the same as ``to_html()`` without a path."""
        lang = checked_lang(lang)
        return html_page(self._title(lang), self._html_body(lang), lang)

    def to_dataframe(self) -> pandas.DataFrame:
        """The competences as a pandas DataFrame, indexed by code (needs the ``pandas`` extra).

        Columns and dtypes, as in `ROW_HEADER`: ``omschrijving``, ``leerplaats`` (``string``),
        ``termijn`` (``datetime64[ns]``, ``NaT`` for none), ``status`` (``string``:
        ``beheerst``, ``bezig``, ``niet-gestart``), ``niveau`` (``Int64``), ``label``,
        ``beoordelaar`` (``string``), ``datum`` (``datetime64[ns]``: the day of the rating
        that sets the level), ``zelfevaluatie`` (``Int64``), ``startcompetentie``,
        ``achterstallig`` (``boolean``). Missing values are ``<NA>`` or ``NaT``.

        Raises:
            MissingDependencyError: pandas is not installed (a `ModuleNotFoundError`).

        Example:
            >>> import duaal_leren
            >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
            >>> frame = TrajectVoortgang.from_traject(traject, today="2026-02-28").to_dataframe()
            >>> frame.loc["ELT-03", "status"], int(frame.loc["ELT-03", "niveau"])
            ('beheerst', 3)
        """
        rows = []
        for row in self.rows():
            row[-2] = row[-2] == "ja"
            row[-1] = row[-1] == "ja"
            rows.append(row)
        return dataframe(list(zip(ROW_HEADER, _DTYPES, strict=True)), rows, index="code")

    def __repr__(self) -> str:
        counts = self.telling()
        return _views.named_repr(
            "TrajectVoortgang",
            traject=self.traject,
            lerende=self.lerende,
            datum=self.datum.isoformat(),
            beheerst=f"{counts.beheerst}/{counts.totaal}",
            achterstallig=len(self.achterstallig),
            risico=self.risico.vlag,
        )

    def _repr_html_(self) -> str:
        lang = checked_lang(None)
        legend = _views.legend(
            [
                ("beheerst", _STATUS_LABEL[lang][Status.BEHEERST]),
                ("bezig", _STATUS_LABEL[lang][Status.BEZIG]),
                ("niet-gestart", _STATUS_LABEL[lang][Status.NIET_GESTART]),
                ("achterstallig", _LABELS[lang]["achterstallig"].lower()),
            ]
        )
        return _views.view(self._html_body(lang, heading="h3") + legend, lang)

    def _title(self, lang: str) -> str:
        label = _LABELS["en" if lang == "en" else "nl"]
        return f"{label['voortgang']} {self.traject} ({self.datum.isoformat()})"

    def _html_body(self, lang: str, heading: str = "h1") -> str:
        label = _LABELS["en" if lang == "en" else "nl"]
        counts = self.telling()
        risk_class = ' class="risico"' if self.risico.vlag else ""
        rows = [
            Row(row, f'class="{item.status.value}{" achterstallig" if item.achterstallig else ""}"')
            for item, row in zip(self.competenties, self.rows(), strict=True)
        ]
        focus = ", ".join(escape(item.code) for item in self.leerfocus) or escape(label["geen"])
        return (
            f"<{heading}>{escape(self._title(lang))}</{heading}>\n"
            f'<p class="meta">{escape(label["lerende"])}: {escape(self.lerende)}; '
            f"{escape(label['beheerst'])} {counts.beheerst}, {escape(label['bezig'])} "
            f"{counts.bezig}, {escape(label['niet_gestart'])} {counts.niet_gestart}</p>\n"
            f"<p{risk_class}>{escape(label['risico'])}: {escape(self.risico.text(lang))}</p>\n"
            f"<p>{escape(label['leerfocus'])}: {focus}</p>\n" + html_table(label["kolommen"], rows)
        )


ROW_HEADER = (
    "code",
    "omschrijving",
    "leerplaats",
    "termijn",
    "status",
    "niveau",
    "label",
    "beoordelaar",
    "datum",
    "zelfevaluatie",
    "startcompetentie",
    "achterstallig",
)
"""The columns of `TrajectVoortgang.rows`."""

_DTYPES = (
    "string",
    "string",
    "string",
    "date",
    "string",
    "Int64",
    "string",
    "string",
    "date",
    "Int64",
    "boolean",
    "boolean",
)


def _item_dict(item: CompetentieVoortgang) -> dict[str, Any]:
    return {
        "code": item.code,
        "leerplaats": item.competentie.leerplaats.value,
        "termijn": item.competentie.termijn.isoformat() if item.competentie.termijn else None,
        "status": item.status.value,
        "niveau": item.niveau,
        "label": item.label,
        "beoordelaar": item.bron.beoordelaar.value if item.bron else None,
        "datum": item.bron.datum.isoformat() if item.bron and item.bron.datum else None,
        "zelfevaluatie": item.zelfevaluatie.niveau if item.zelfevaluatie else None,
        "startcompetentie": item.startcompetentie,
        "achterstallig": item.achterstallig,
        "geschiedenis": [
            {
                "datum": o.datum.isoformat() if o.datum else None,
                "niveau": o.niveau,
                "beoordelaar": o.beoordelaar.value,
                "vastgesteld": o.vastgesteld,
            }
            for o in item.geschiedenis
        ],
    }


_LABELS: dict[str, dict[str, Any]] = {
    "nl": {
        "voortgang": "Voortgang van traject",
        "lerende": "lerende",
        "op": "op",
        "schaal": "Schaal",
        "beheerst_vanaf": "beheerst vanaf",
        "competenties": "competenties",
        "beheerst": "beheerst",
        "bezig": "bezig",
        "niet_gestart": "niet gestart",
        "startcompetenties": "startcompetenties",
        "per_leerplaats": "Per leerplaats (beheerst/totaal)",
        "achterstallig": "Achterstallig",
        "termijn": "termijn",
        "risico": "Risico",
        "ja": "JA",
        "nee": "nee",
        "leerfocus": "Voorgestelde leerfocus",
        "geen": "geen",
        "startcompetentie": "startcompetentie",
        "zelfevaluatie": "zelfevaluatie",
        "kolommen": ROW_HEADER,
    },
    "en": {
        "voortgang": "Progress of traject",
        "lerende": "learner",
        "op": "on",
        "schaal": "Scale",
        "beheerst_vanaf": "mastered from",
        "competenties": "competences",
        "beheerst": "mastered",
        "bezig": "in progress",
        "niet_gestart": "not started",
        "startcompetenties": "startcompetenties",
        "per_leerplaats": "By leerplaats (mastered/total)",
        "achterstallig": "Overdue",
        "termijn": "termijn",
        "risico": "Risk",
        "ja": "YES",
        "nee": "no",
        "leerfocus": "Suggested learning focus",
        "geen": "none",
        "startcompetentie": "startcompetentie",
        "zelfevaluatie": "self-assessment",
        "kolommen": (
            "code",
            "description",
            "leerplaats",
            "termijn",
            "status",
            "level",
            "label",
            "rated by",
            "date",
            "self-assessment",
            "startcompetentie",
            "overdue",
        ),
    },
}

_STATUS_LABEL = {
    "nl": {Status.BEHEERST: "beheerst", Status.BEZIG: "bezig", Status.NIET_GESTART: "niet gestart"},
    "en": {
        Status.BEHEERST: "mastered",
        Status.BEZIG: "in progress",
        Status.NIET_GESTART: "not started",
    },
}


def _text(v: TrajectVoortgang, label: dict[str, Any], lang: str) -> list[str]:
    statuses = _STATUS_LABEL["en" if lang == "en" else "nl"]
    counts = v.telling()
    starts = sum(1 for item in v.competenties if item.startcompetentie)
    levels = ", ".join(f"{n.waarde} {n.label}" for n in v.schaal.niveaus)
    places = ", ".join(f"{p.value} {t.beheerst}/{t.totaal}" for p, t in v.per_leerplaats().items())
    overdue = ", ".join(
        f"{item.code} ({label['termijn']} {item.competentie.termijn})" for item in v.achterstallig
    )
    focus = ", ".join(
        item.code
        + (f" ({label['termijn']} {item.competentie.termijn})" if item.competentie.termijn else "")
        for item in v.leerfocus
    )
    lines = [
        f"{label['voortgang']} {v.traject} ({label['lerende']} {v.lerende}) {label['op']} {v.datum}",
        f"  {label['schaal']}: {levels}; {label['beheerst_vanaf']} {v.schaal.drempel}",
        f"  {counts.totaal} {label['competenties']}: {counts.beheerst} {label['beheerst']} "
        f"({starts} {label['startcompetenties']}), {counts.bezig} {label['bezig']}, "
        f"{counts.niet_gestart} {label['niet_gestart']}",
        f"  {label['per_leerplaats']}: {places}",
        f"  {label['achterstallig']}: {overdue or label['geen']}",
        f"  {label['risico']}: {label['ja'] if v.risico.vlag else label['nee']}; {v.risico.text(lang)}",
        f"  {label['leerfocus']}: {focus or label['geen']}",
        f"  {label['competenties'].capitalize()}:",
    ]
    width = max((len(item.code) for item in v.competenties), default=0)
    for item in v.competenties:
        details = []
        if item.niveau is not None and item.bron is not None:
            details.append(
                f"{item.niveau} {item.label} ({item.bron.beoordelaar.value}, {item.bron.datum})"
            )
        elif item.startcompetentie:
            details.append(label["startcompetentie"])
        if item.zelfevaluatie is not None:
            details.append(f"{label['zelfevaluatie']} {item.zelfevaluatie.niveau}")
        if item.achterstallig:
            details.append(
                f"{label['achterstallig'].lower()} ({label['termijn']} {item.competentie.termijn})"
            )
        line = f"    {item.code:<{width}}  {statuses[item.status]:<12}  {'; '.join(details)}"
        lines.append(line.rstrip())
    return lines


@attrs.frozen
class Meting:
    """One point of a traject's progress over time.

    Attributes:
        datum: The day.
        aandeel_tijd: The share of the contract period passed on that day.
        aandeel_beheerst: The share of competences mastered (startcompetenties left out).
        beheerst: How many competences were mastered (startcompetenties left out).
        totaal: How many competences there are (startcompetenties left out).
    """

    datum: pendulum.Date
    aandeel_tijd: float
    aandeel_beheerst: float
    beheerst: int
    totaal: int


def tijdlijn(
    traject: Traject,
    *,
    today: pendulum.Date | str | None = None,
    rollup: Rollup | None = None,
) -> tuple[Meting, ...]:
    """The progress over time, as the share of competences mastered on each day.

    There is a point at the start of the contract, on every day with a rating, and on
    ``today``.

    Args:
        traject: The traject.
        today: The last day (default: the current date in Europe/Brussels); clipped to the
            contract's end.
        rollup: The roll-up rule (default: `Rollup()`).

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.voortgang import tijdlijn
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> [(m.datum.isoformat(), m.beheerst) for m in tijdlijn(traject, today="2026-03-01")]
        [('2025-09-01', 0), ('2025-11-14', 2), ('2025-11-20', 4), ('2026-01-30', 5), ('2026-02-05', 8), ('2026-03-01', 8)]
    """
    contract = traject.overeenkomst
    last = min(as_day(today), contract.einde)
    days = {contract.start, last}
    for items in geschiedenis(traject, today=last).values():
        days.update(o.datum for o in items if o.datum is not None and o.datum >= contract.start)
    result = []
    for day in sorted(days):
        v = TrajectVoortgang.from_traject(traject, today=day, rollup=rollup)
        effective = [item for item in v.competenties if not item.startcompetentie]
        mastered = sum(1 for item in effective if item.beheerst)
        result.append(
            Meting(day, v.risico.aandeel_tijd, v.risico.aandeel_beheerst, mastered, len(effective))
        )
    return tuple(result)


def planwijzigingen(
    traject: Traject, *, today: pendulum.Date | str | None = None
) -> tuple[Verplaatsing, ...]:
    """The moves of the individual plan that held conversations asked for and the plan lacks.

    When a conversation found that a competence can no longer be taught where planned and
    agreed where it will be learned instead, the plan should move it (R-IOP). This lists
    those moves, the latest agreement per competence, leaving out those the plan already
    made.

    Args:
        traject: The traject.
        today: Conversations after this day are left out (default: the current date in
            Europe/Brussels).

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.voortgang import planwijzigingen
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> [(v.code, v.naar.value) for v in planwijzigingen(traject, today="2026-06-30")]
        [('ELT-16', 'school')]
    """
    day = as_day(today)
    plan = traject.opleidingsplan
    latest: dict[str, Verplaatsing] = {}
    held = sorted(
        (g for g in traject.opvolgingsgesprekken if g.gehouden and g.datum <= day),
        key=lambda g: g.datum,
    )
    for gesprek in held:
        for move in gesprek.verplaatsingen(plan):
            latest[move.code] = move
    return tuple(latest.values())
