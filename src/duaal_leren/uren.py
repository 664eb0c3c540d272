"""Planned against actual workplace hours: per week, per month and per school year (R-OAO).

`Urenoverzicht.from_traject` sets a traject's real schedule (`duaal_leren.traject.Rooster`)
against its attendance record (`duaal_leren.aanwezigheid.Aanwezigheden`) for one school
year: per week and per month the hours planned at the workplace, the hours worked, the
absences by kind and the days not recorded; and for the year the planned average (what
R-OAO checks), the running average of what was worked, and a projection of the year's
average from what was worked so far and what is planned for the rest of it. The overview is
data (`to_dict`), a text table (`text`), CSV (`to_csv`), HTML (`to_html`, and the notebook
view), a pandas DataFrame (`to_dataframe`, with the ``pandas`` extra) and a chart of
planned, worked and the 20-hour line (`to_figure`, with the ``plot`` extra).

One rule counts the hours worked everywhere. The record *covers* the days from its first
day up to ``today``:

- a week or a month shows the hours worked only when the record covers every workplace day
  of it (and at least one of its days): a period before the record, after ``today`` or only
  partly covered shows none (``None``, ``-``), so that its hours worked are never set
  against planned hours of days the record does not cover;
- the averages count as the decree does, "zonder rekening te houden met de wettelijke
  feest- en vakantiedagen", over the training weeks of the school year
  (`werkdagen.telweken`) that ended by ``today``: a day before the record's first day
  counts with the hours the schedule plans (the record says nothing of it); a covered day
  counts the hours worked, plus the hours the schedule plans on the day when it is no
  workplace day (a legal holiday, a vacation day, a day taken off to recover a holiday day
  worked), less those it plans on a workplace day under a holiday exception: worked exactly
  as planned, every week counts what the schedule plans;
- `Urenoverzicht.geteld` is the span those weeks cover, with the hours planned and counted
  in it; the school year's hours worked (``jaar.gewerkt``) are exactly those counted hours;
- after ``today`` a day counts, for the projection, with the hours the schedule plans.

The weeks of the year are worked out once per schedule, contract and calendar
(`werkdagen.werkplekuren_per_week`), shared with R-OAO and the rules that check the hours.

Example:
    >>> import duaal_leren
    >>> traject = duaal_leren.load("examples/traject-noor.yaml")
    >>> record = duaal_leren.load("examples/aanwezigheden-noor-2025-10.yaml")
    >>> overzicht = Urenoverzicht.from_traject(traject, record, today="2025-10-26")
    >>> overzicht.gepland_gemiddelde, overzicht.werkelijk_gemiddelde, overzicht.prognose
    (24.237838, 22.6, 23.372973)
    >>> overzicht
    Urenoverzicht(traject='TRJ-2025-0063', schooljaar='2025-2026', today='2025-10-26', weken=44, maanden=10, gepland_gemiddelde=24.237838, werkelijk_gemiddelde=22.6, prognose=23.372973)

References:
    R-OAO: Decreet 10-06-2016 betreffende alternerende opleidingen, art. 3: at least 20 hours
        a week of workplace training on average over the year.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from duaal_leren import _views
from duaal_leren._export import (
    CsvAndHtmlFiles,
    csv_text,
    dataframe,
    html_page,
    require,
)
from duaal_leren._validators import as_day
from duaal_leren.aanwezigheid import AFWEZIGHEDEN, Aanwezigheden, Aanwezigheidsstatus
from duaal_leren.exceptions import DocumentTypeError, checked_lang, shown_id
from duaal_leren.kalender import KalenderArg, Schooljaar, schoolkalenders
from duaal_leren.traject import Traject
from duaal_leren.werkdagen import (
    Weekuren,
    Werkdagen,
    WerkdagenError,
    schooljaren,
    telweken,
    werkplekuren_per_week,
)

if TYPE_CHECKING:
    import pandas
    from matplotlib.figure import Figure

__all__ = ["DREMPEL", "KOLOMMEN", "Urenoverzicht", "Urenperiode", "check_record", "urenoverzichten"]

DREMPEL = 20.0
"""R-OAO's threshold: an OAO has at least 20 workplace hours a week on average."""

KOLOMMEN = (
    "traject",
    "schooljaar",
    "soort",
    "start",
    "einde",
    "gepland",
    "gewerkt",
    *(f"{s.value}_dagen" for s in AFWEZIGHEDEN),
    "ontbrekend_dagen",
    "gemiddelde",
)
"""The columns of `Urenoverzicht.to_csv` and `Urenoverzicht.to_dataframe`.

``gepland``, ``gewerkt`` and ``gemiddelde`` are hours (``gemiddelde`` hours a week); the
columns ending in ``_dagen`` count days.
"""

# The dtypes of KOLOMMEN in a DataFrame: hours Float64 (they may be missing), days Int64.
_DTYPES = (
    "string",
    "string",
    "string",
    "date",
    "date",
    "Float64",
    "Float64",
    *("Int64" for _ in AFWEZIGHEDEN),
    "Int64",
    "Float64",
)


def _round(value: float) -> float:
    # Sums of hours like 7.6 carry binary noise; a millionth of an hour is none a user sees.
    return round(value, 6)


@attrs.frozen
class Urenperiode:
    """Planned against actual hours of one period: a week, a month, the year or `geteld`.

    Attributes:
        soort: ``week``, ``maand``, ``schooljaar`` or ``geteld`` (the span of
            `Urenoverzicht.geteld`).
        start: The period's first day in the contract.
        einde: The period's last day in the contract.
        gepland: The hours planned at the workplace on the period's workplace days (no
            legal holidays, no vacation days of an OAO or SAO); for ``geteld``, the hours
            the schedule plans in its training weeks, as the decree counts them.
        gewerkt: For a week or a month, the hours recorded as worked, when the record
            covers every workplace day of the period (from the record's first day up to
            ``today``), else ``None``; for ``schooljaar`` and ``geteld``, the hours the
            actual average counts (see `Urenoverzicht.geteld`).
        ziekte: Days absent through illness.
        gewettigd: Days of legitimate absence.
        ongewettigd: Days of unexcused absence.
        andere: Days of another absence.
        ontbrekend: Workplace days from the record's first day up to ``today`` that the
            record does not hold.
        gemiddelde: The running average of the hours worked a week, as the decree counts
            it, over the training weeks that ended by the period's end and by ``today``;
            ``None`` before the first such week or without a record.
    """

    soort: str
    start: pendulum.Date
    einde: pendulum.Date
    gepland: float
    gewerkt: float | None
    ziekte: int = 0
    gewettigd: int = 0
    ongewettigd: int = 0
    andere: int = 0
    ontbrekend: int = 0
    gemiddelde: float | None = None

    def afwezig(self, status: Aanwezigheidsstatus) -> int:
        """The days of one kind of absence."""
        return int(getattr(self, status.value))

    def to_dict(self) -> dict[str, Any]:
        """Plain data: dates as ISO text, hours as numbers, ``None`` where unknown."""
        return {
            "soort": self.soort,
            "start": self.start.isoformat(),
            "einde": self.einde.isoformat(),
            "gepland": self.gepland,
            "gewerkt": self.gewerkt,
            **{s.value: self.afwezig(s) for s in AFWEZIGHEDEN},
            "ontbrekend": self.ontbrekend,
            "gemiddelde": self.gemiddelde,
        }

    def __repr__(self) -> str:
        return _views.named_repr(
            "Urenperiode",
            soort=self.soort,
            start=self.start.isoformat(),
            einde=self.einde.isoformat(),
            gepland=self.gepland,
            gewerkt=self.gewerkt,
            afwezig=sum(self.afwezig(s) for s in AFWEZIGHEDEN),
            ontbrekend=self.ontbrekend,
            gemiddelde=self.gemiddelde,
        )


@attrs.frozen
class _Dag:
    """What one day of the school year counts for."""

    datum: pendulum.Date
    rooster: float  # the hours the schedule plans, whatever the calendar says
    gepland: float  # the hours planned at the workplace: 0 on a day that is no workplace day
    werkplekdag: bool
    gedekt: bool  # from the record's first day up to today
    gewerkt: float | None  # recorded and up to today; None otherwise
    status: Aanwezigheidsstatus | None
    ontbrekend: bool
    telt: float | None  # the day's hours for the running average; None after today


@attrs.frozen
class Urenoverzicht(CsvAndHtmlFiles):
    """Planned against actual workplace hours of one traject in one school year.

    Attributes:
        traject: The traject's id.
        schooljaar: The school year.
        today: The last day whose hours the record gives.
        weken: One period per week (Monday to Sunday) of the contract in the school year.
        maanden: One period per month.
        jaar: The whole school year; its ``gewerkt`` is that of `geteld`.
        gepland_gemiddelde: The yearly average the schedule plans (what R-OAO checks).
        werkelijk_gemiddelde: The average of the hours worked over the training weeks
            ended by ``today``; ``None`` without a record or before the first such week.
        prognose: The year's average from the hours worked up to ``today`` and the hours
            planned after it.
        geteld: The span the actual average counts: from the school year's first day in the
            contract to the end of the last training week ended by ``today``, with the hours
            the schedule plans in its training weeks (``gepland``) and the hours counted
            (``gewerkt``: worked from the record's first day, planned before it; legal
            holidays and vacation days as planned); ``None`` without a record or before the
            first such week.
        drempel: R-OAO's threshold, 20 hours.
    """

    traject: str
    schooljaar: Schooljaar
    today: pendulum.Date
    weken: tuple[Urenperiode, ...]
    maanden: tuple[Urenperiode, ...]
    jaar: Urenperiode
    gepland_gemiddelde: float
    werkelijk_gemiddelde: float | None
    prognose: float
    geteld: Urenperiode | None = None
    drempel: float = DREMPEL

    @classmethod
    def from_traject(
        cls,
        traject: Traject,
        aanwezigheden: Aanwezigheden | None = None,
        *,
        schooljaar: Schooljaar | None = None,
        today: dt.date | str | None = None,
        kalender: KalenderArg = None,
    ) -> Urenoverzicht:
        """The overview of one school year of a traject.

        Args:
            traject: The traject.
            aanwezigheden: Its attendance record; without one, only what is planned.
            schooljaar: The school year; by default that of ``today`` when the contract
                runs in it, else the first of the contract.
            today: The last day whose hours count as worked, as a date or ISO text
                (default: the current date in Europe/Brussels); never later than the end
                (Sunday) of the week of the record's last day, since a record says nothing
                of the days after it: a record kept up to October and read in December
                gives October's figures, not a shortfall of the weeks not yet recorded.
            kalender: The school calendar(s); by default the law's calendar of each year.

        Raises:
            DocumentTypeError: The record belongs to another traject.
            WerkdagenError: The traject has no schedule, or its contract does not run in
                the school year.
            KalenderError: The calendar does not cover the school year.
            FieldError: ``today`` is no day.
        """
        check_record(traject, aanwezigheden)
        day = as_day(today)
        if aanwezigheden is not None and aanwezigheden.dagen:
            last = max(d.datum for d in aanwezigheden.dagen)
            day = min(day, last.add(days=6 - last.weekday()))
        kalenders = schoolkalenders(kalender)
        if schooljaar is None:
            jaren = schooljaren(traject)
            current = Schooljaar.from_date(day)
            schooljaar = current if current in jaren else jaren[0]
        k = kalenders.voor(schooljaar)
        weeks = werkplekuren_per_week(traject, k)
        werkdagen = Werkdagen.from_traject(traject, kalenders)
        start, einde = werkdagen.schooljaar(k)
        days = _dagen(traject, werkdagen, aanwezigheden, start, einde, day)
        counted = telweken(weeks)
        return _overzicht(traject.id, schooljaar, day, weeks, counted, days)

    # --- forms -------------------------------------------------------------------------

    def perioden(self) -> tuple[Urenperiode, ...]:
        """Every period: the weeks, the months, the school year, then `geteld` if any."""
        geteld = () if self.geteld is None else (self.geteld,)
        return (*self.weken, *self.maanden, self.jaar, *geteld)

    def __repr__(self) -> str:
        return _views.named_repr(
            "Urenoverzicht",
            traject=self.traject,
            schooljaar=str(self.schooljaar),
            today=self.today.isoformat(),
            weken=len(self.weken),
            maanden=len(self.maanden),
            gepland_gemiddelde=self.gepland_gemiddelde,
            werkelijk_gemiddelde=self.werkelijk_gemiddelde,
            prognose=self.prognose,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data that `json.dumps` accepts."""
        return {
            "traject": self.traject,
            "schooljaar": str(self.schooljaar),
            "today": self.today.isoformat(),
            "drempel": self.drempel,
            "gepland_gemiddelde": self.gepland_gemiddelde,
            "werkelijk_gemiddelde": self.werkelijk_gemiddelde,
            "prognose": self.prognose,
            "geteld": None if self.geteld is None else self.geteld.to_dict(),
            "jaar": self.jaar.to_dict(),
            "maanden": [p.to_dict() for p in self.maanden],
            "weken": [p.to_dict() for p in self.weken],
        }

    def rows(self) -> list[list[Any]]:
        """One row per period (`perioden`) under `KOLOMMEN`."""
        return [[self.traject, str(self.schooljaar), *_cells(p.to_dict())] for p in self.perioden()]

    def csv(self, delimiter: str = ",") -> str:
        """The periods as CSV text; the same as ``to_csv()`` without a path."""
        return csv_text(KOLOMMEN, self.rows(), delimiter)

    def text(self, lang: str | None = None) -> str:
        """The overview as a text table: the year's averages, then the months and the weeks."""
        lang = checked_lang(lang)
        label = _LABELS[lang]
        lines = [
            f"{label['titel']} {self.traject}, {label['schooljaar']} {self.schooljaar} "
            f"({label['tot']} {self.today.isoformat()})",
            *(f"  {name}: {value}" for name, value in self._summary(lang)),
        ]
        for warning in self.signalen(lang):
            lines.append(f"  ! {warning}")
        lines.append(f"  {label['eenheden']}")
        header = _header(lang)
        for titel, periods in self._tables(lang):
            lines.append("")
            lines.append(titel)
            lines.extend(_table(header, [_row(p, lang) for p in periods]))
        return "\n".join(lines)

    def signalen(self, lang: str | None = None) -> list[str]:
        """Warnings for a coordinator: an average below the threshold, days not recorded."""
        en = checked_lang(lang) == "en"
        out = []
        for what, value in (
            (("het geplande gemiddelde", "the planned average"), self.gepland_gemiddelde),
            (("het werkelijke gemiddelde", "the actual average"), self.werkelijk_gemiddelde),
            (("de prognose", "the projection"), self.prognose),
        ):
            if value is not None and value < self.drempel:
                out.append(
                    f"{what[1]} ({_uur(value)}) is below {self.drempel:g} hours a week"
                    if en
                    else f"{what[0]} ({_uur(value)}) ligt onder {self.drempel:g} uur per week"
                )
        if self.jaar.ontbrekend:
            n = self.jaar.ontbrekend
            out.append(
                f"{n} workplace day(s) up to {self.today.isoformat()} are not recorded"
                if en
                else f"{n} werkplekdag(en) tot {self.today.isoformat()} zijn niet geregistreerd"
            )
        return out

    def html(self, lang: str | None = None) -> str:
        """A self-contained HTML page of the overview; the same as ``to_html()`` without a path."""
        lang = checked_lang(lang)
        return html_page(self._title(lang), self._view(lang), lang)

    def _repr_html_(self) -> str:
        return self._view(checked_lang(None))

    def _title(self, lang: str) -> str:
        label = _LABELS[lang]
        return f"{label['titel']} {self.traject}, {label['schooljaar']} {self.schooljaar}"

    def _summary(self, lang: str) -> list[tuple[str, str]]:
        label = _LABELS[lang]
        out = [
            (label["gepland_gemiddelde"], _uur(self.gepland_gemiddelde)),
            (label["werkelijk_gemiddelde"], _uur(self.werkelijk_gemiddelde)),
        ]
        if self.geteld is not None:
            g = self.geteld
            out.append(
                (
                    f"{label['geteld']} {g.start.isoformat()} – {g.einde.isoformat()}",
                    f"{_uur(g.gewerkt)} {label['van']} {_uur(g.gepland)} {label['gepland']}",
                )
            )
        out.append((label["prognose"], _uur(self.prognose)))
        out.append((label["drempel"], _uur(self.drempel)))
        return out

    def _tables(self, lang: str) -> list[tuple[str, Sequence[Urenperiode]]]:
        label = _LABELS[lang]
        geteld = () if self.geteld is None else (self.geteld,)
        return [
            (label["jaar"], (self.jaar, *geteld)),
            (label["maanden"], self.maanden),
            (label["weken"], self.weken),
        ]

    def _view(self, lang: str) -> str:
        label = _LABELS[lang]
        low = 'class="dl-bad"'
        pairs: list[tuple[str, object]] = []
        for name, value in self._summary(lang):
            number = {
                label["gepland_gemiddelde"]: self.gepland_gemiddelde,
                label["werkelijk_gemiddelde"]: self.werkelijk_gemiddelde,
                label["prognose"]: self.prognose,
            }.get(name)
            below = number is not None and number < self.drempel
            pairs.append((name, _views.Raw(_views.escape(value), low) if below else value))
        parts = [f"<h3>{_views.escape(self._title(lang))}</h3>", _views.fields(pairs)]
        parts.extend(
            f'<p class="dl-warn">{_views.escape(warning)}</p>' for warning in self.signalen(lang)
        )
        parts.append(f'<p class="dl-muted">{_views.escape(label["eenheden"])}</p>')
        header = _header(lang)
        for titel, periods in self._tables(lang):
            rows = []
            for period in periods:
                cells: list[object] = list(_row(period, lang))
                if period.gemiddelde is not None and period.gemiddelde < self.drempel:
                    cells[-1] = _views.Raw(_views.escape(cells[-1]), low)
                rows.append(cells)
            parts.append(f"<h4>{_views.escape(titel)}</h4>" + _views.table(header, rows))
        parts.append(_views.legend([("style:background: var(--dl-red)", label["onder"])]))
        return _views.view("".join(parts), lang)

    def to_dataframe(self) -> pandas.DataFrame:
        """The periods as a pandas DataFrame: one row per week, month, the year and `geteld`.

        The columns are those of `KOLOMMEN` and `to_csv`: ``traject``, ``schooljaar``,
        ``soort`` (``string``); ``start``, ``einde`` (``datetime64[ns]``); ``gepland``,
        ``gewerkt``, ``gemiddelde`` (hours, ``Float64``, ``<NA>`` where unknown); the
        absences and ``ontbrekend_dagen`` (days, ``Int64``).

        Raises:
            MissingDependencyError: pandas is not installed (a `ModuleNotFoundError`).

        Example:
            >>> import duaal_leren
            >>> noor = duaal_leren.load("examples/traject-noor.yaml")
            >>> frame = Urenoverzicht.from_traject(noor, today="2025-10-26").to_dataframe()
            >>> str(frame["start"].dtype), str(frame["gepland"].dtype), str(frame["ziekte_dagen"].dtype)
            ('datetime64[ns]', 'Float64', 'Int64')
        """
        return dataframe(list(zip(KOLOMMEN, _DTYPES, strict=True)), self.rows())

    def to_figure(self, figure: Figure | None = None, *, lang: str | None = None) -> Figure:
        """A chart over the weeks: hours planned, hours worked and the 20-hour line.

        The legend stands beside the axes, where it hides no bar or line.

        Args:
            figure: The figure to draw on; by default a new matplotlib `Figure` that a
                notebook shows inline as an image.
            lang: The language of the title, the axis and the legend (default: that of
                `duaal_leren.set_default_lang`).

        Raises:
            MissingDependencyError: matplotlib is not installed (a `ModuleNotFoundError`).
        """
        label = _LABELS[checked_lang(lang)]
        require("matplotlib", "plot")
        # A figure a notebook shows inline, as the charts of duaal_leren.plot are.
        fig = figure if figure is not None else _views.notebook_figure()(figsize=(11, 4))
        ax = fig.add_subplot()
        # The weeks by their index, labelled by their Monday: a bar a week, no date axis.
        x = list(range(len(self.weken)))
        ax.bar(x, [w.gepland for w in self.weken], color="#9ecae1", label=label["gepland"])
        worked = [(i, w.gewerkt) for i, w in enumerate(self.weken) if w.gewerkt is not None]
        if worked:
            ax.plot(
                [i for i, _ in worked],
                [h for _, h in worked],
                "o-",
                color="#08519c",
                label=label["gewerkt"],
            )
        running = [(i, w.gemiddelde) for i, w in enumerate(self.weken) if w.gemiddelde is not None]
        if running:
            ax.plot(
                [i for i, _ in running],
                [h for _, h in running],
                "--",
                color="#31a354",
                label=label["gemiddelde"],
            )
        ticks = x[::4]
        ax.set_xticks(ticks, [self.weken[i].start.isoformat() for i in ticks], rotation=45)
        ax.axhline(
            self.drempel,
            color="#de2d26",
            linewidth=1.5,
            label=f"{self.drempel:g} {label['uur']} (R-OAO)",
        )
        ax.set_ylabel(label["uur_per_week"])
        ax.set_title(f"{self.traject} {self.schooljaar}: {label['grafiek']}")
        # Outside the axes, to the right: the worked weeks can be anywhere in the year, and
        # no corner of the axes is free of bars in every year.
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0)
        fig.tight_layout()
        return fig


def check_record(traject: Traject, aanwezigheden: Aanwezigheden | None) -> None:
    """Refuse an attendance record that belongs to another traject.

    Raises:
        DocumentTypeError: The record names another traject than ``traject.id``.

    Example:
        >>> import duaal_leren
        >>> lotte = duaal_leren.load("examples/traject-lotte.yaml")
        >>> record = duaal_leren.load("examples/aanwezigheden-noor-2025-10.yaml")
        >>> try:
        ...     check_record(lotte, record)
        ... except DocumentTypeError as error:
        ...     print(error.text("en"))
        the attendance is of traject TRJ-2025-0063, not of TRJ-2025-0042
    """
    if aanwezigheden is not None and aanwezigheden.traject != traject.id:
        raise DocumentTypeError(
            f"de aanwezigheden zijn van traject {shown_id(aanwezigheden.traject)}, niet van {shown_id(traject.id)}",
            f"the attendance is of traject {shown_id(aanwezigheden.traject)}, not of {shown_id(traject.id)}",
        )


def urenoverzichten(
    traject: Traject,
    aanwezigheden: Aanwezigheden | None = None,
    *,
    today: dt.date | str | None = None,
    kalender: KalenderArg = None,
) -> tuple[Urenoverzicht, ...]:
    """The overview of every school year of the contract that holds a training week.

    Args:
        traject: The traject.
        aanwezigheden: Its attendance record.
        today: As for `Urenoverzicht.from_traject`.
        kalender: As for `Urenoverzicht.from_traject`.

    Raises:
        DocumentTypeError: The record belongs to another traject.
        WerkdagenError: The traject has no schedule.
        KalenderError: The calendar does not cover a school year of the contract.
    """
    check_record(traject, aanwezigheden)
    out = []
    for jaar in schooljaren(traject):
        try:
            out.append(
                Urenoverzicht.from_traject(
                    traject, aanwezigheden, schooljaar=jaar, today=today, kalender=kalender
                )
            )
        except WerkdagenError:
            if traject.rooster is None:
                raise
            continue  # the contract holds no day of that school year
    return tuple(out)


# --- the computation ------------------------------------------------------------------


def _dagen(
    traject: Traject,
    werkdagen: Werkdagen,
    aanwezigheden: Aanwezigheden | None,
    start: pendulum.Date,
    einde: pendulum.Date,
    today: pendulum.Date,
) -> list[_Dag]:
    rooster = werkdagen.rooster
    workdays = set(werkdagen.werkplekdagen(start, einde))
    records = {d.datum: d for d in aanwezigheden.dagen} if aanwezigheden is not None else {}
    first = min(records) if records else None
    days = []
    for ordinal in range(start.toordinal(), einde.toordinal() + 1):
        datum = pendulum.Date.fromordinal(ordinal)
        planned = rooster.werkplekuren(datum)
        workday = datum in workdays
        expected = planned if workday else 0.0
        record = records.get(datum)
        covered = first is not None and first <= datum <= today
        if first is None or datum < first:
            worked, status, missing, counts = None, None, False, planned
        elif datum <= today:
            worked = record.uren if record is not None else 0.0
            status = record.status if record is not None else None
            missing = record is None and workday
            counts = worked - expected + planned
        else:
            worked, status, missing, counts = None, None, False, None
        days.append(
            _Dag(datum, planned, expected, workday, covered, worked, status, missing, counts)
        )
    return days


def _overzicht(
    traject: str,
    jaar: Schooljaar,
    today: pendulum.Date,
    weeks: Sequence[Weekuren],
    counted: Sequence[Weekuren],
    days: list[_Dag],
) -> Urenoverzicht:
    by_date = {d.datum: d for d in days}
    counted_mondays = {w.maandag for w in counted}
    weight = sum(w.dagen for w in counted) / 7
    recorded = any(d.gedekt for d in days)

    # The running average at the end of each counted week that ended by today.
    running: list[tuple[pendulum.Date, float]] = []
    total = done = planned_done = 0.0
    projected = 0.0
    for week in weeks:
        week_days = [d for d in days if week.maandag <= d.datum <= week.maandag.add(days=6)]
        if week.maandag not in counted_mondays:
            continue
        projected += math.fsum(d.telt if d.telt is not None else d.rooster for d in week_days)
        last = week_days[-1].datum
        if recorded and last <= today:
            total += math.fsum(d.telt or 0.0 for d in week_days)
            planned_done += math.fsum(d.rooster for d in week_days)
            done += week.dagen / 7
            running.append((last, _round(total / done)))

    def average_at(first: pendulum.Date, last: pendulum.Date) -> float | None:
        # A period after today has no average of hours worked yet.
        if first > today:
            return None
        found = None
        for end, value in running:
            if end <= last:
                found = value
        return found

    def period(
        soort: str, first: pendulum.Date, last: pendulum.Date, worked: float | None = None
    ) -> Urenperiode:
        ordinals = range(first.toordinal(), last.toordinal() + 1)
        part = [by_date[pendulum.Date.fromordinal(o)] for o in ordinals]
        if soort in ("week", "maand"):
            # The one rule of the hours worked: only a period whose every workplace day the
            # record covers, so that they never stand against hours of days it says nothing of.
            covered = any(d.gedekt for d in part) and all(d.gedekt for d in part if d.werkplekdag)
            worked = _round(math.fsum(d.gewerkt or 0.0 for d in part)) if covered else None
        absent = {s: sum(1 for d in part if d.status is s) for s in AFWEZIGHEDEN}
        return Urenperiode(
            soort,
            first,
            last,
            _round(math.fsum(d.gepland for d in part)),
            worked,
            ziekte=absent[Aanwezigheidsstatus.ZIEKTE],
            gewettigd=absent[Aanwezigheidsstatus.GEWETTIGD],
            ongewettigd=absent[Aanwezigheidsstatus.ONGEWETTIGD],
            andere=absent[Aanwezigheidsstatus.ANDERE],
            ontbrekend=sum(1 for d in part if d.ontbrekend),
            gemiddelde=average_at(first, last),
        )

    start, einde = days[0].datum, days[-1].datum
    weken = tuple(
        period("week", max(w.maandag, start), min(w.maandag.add(days=6), einde)) for w in weeks
    )
    maanden = []
    first = start
    while first <= einde:
        month_end = first.end_of("month")
        maanden.append(period("maand", first, min(month_end, einde)))
        first = month_end.add(days=1)
    geteld = None
    counted_total = None
    if running:
        counted_total = _round(total)
        geteld = attrs.evolve(
            period("geteld", start, running[-1][0], counted_total),
            gepland=_round(planned_done),
        )
    planned = _round(math.fsum(w.gepland for w in counted) / weight) if weight else 0.0
    return Urenoverzicht(
        traject=traject,
        schooljaar=jaar,
        today=today,
        weken=weken,
        maanden=tuple(maanden),
        jaar=period("schooljaar", start, einde, counted_total),
        gepland_gemiddelde=planned,
        werkelijk_gemiddelde=running[-1][1] if running else None,
        prognose=_round(projected / weight) if weight else 0.0,
        geteld=geteld,
    )


# --- text -----------------------------------------------------------------------------

_LABELS = {
    "nl": {
        "titel": "Werkplekuren van",
        "schooljaar": "schooljaar",
        "tot": "tot",
        "gepland_gemiddelde": "gepland gemiddelde per week",
        "werkelijk_gemiddelde": "werkelijk gemiddelde per week",
        "geteld": "geteld",
        "van": "van",
        "prognose": "prognose voor het jaar",
        "drempel": "drempel (R-OAO)",
        "periode": "periode",
        "gepland": "gepland",
        "gewerkt": "gewerkt",
        "ontbrekend": "ontbrekend",
        "gemiddelde": "gemiddelde",
        "jaar": "Schooljaar",
        "maanden": "Per maand",
        "weken": "Per week",
        "eenheden": "gepland, gewerkt en gemiddelde in uur; afwezigheden en ontbrekend in "
        "dagen; '-': niet (volledig) geregistreerd",
        "onder": "gemiddelde onder 20 uur per week",
        "uur": "uur",
        "uur_per_week": "uur per week",
        "grafiek": "gepland en gewerkt",
        "ziekte": "ziekte",
        "gewettigd": "gewettigd",
        "ongewettigd": "ongewettigd",
        "andere": "andere",
    },
    "en": {
        "titel": "Workplace hours of",
        "schooljaar": "school year",
        "tot": "up to",
        "gepland_gemiddelde": "planned average a week",
        "werkelijk_gemiddelde": "actual average a week",
        "geteld": "counted",
        "van": "of",
        "prognose": "projection for the year",
        "drempel": "threshold (R-OAO)",
        "periode": "period",
        "gepland": "planned",
        "gewerkt": "worked",
        "ontbrekend": "missing",
        "gemiddelde": "average",
        "jaar": "School year",
        "maanden": "Per month",
        "weken": "Per week",
        "eenheden": "planned, worked and average in hours; absences and missing in days; "
        "'-': not (wholly) recorded",
        "onder": "average below 20 hours a week",
        "uur": "hours",
        "uur_per_week": "hours a week",
        "grafiek": "planned and worked",
        "ziekte": "illness",
        "gewettigd": "excused",
        "ongewettigd": "unexcused",
        "andere": "other",
    },
}


def _uur(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _cells(data: dict[str, Any]) -> list[Any]:
    return [data[c.removesuffix("_dagen")] for c in KOLOMMEN[2:]]


def _header(lang: str) -> list[str]:
    label = _LABELS[lang]
    return [
        label["periode"],
        label["gepland"],
        label["gewerkt"],
        *(label[s.value] for s in AFWEZIGHEDEN),
        label["ontbrekend"],
        label["gemiddelde"],
    ]


def _row(period: Urenperiode, lang: str) -> list[str]:
    span = f"{period.start.isoformat()} – {period.einde.isoformat()}"
    if period.soort == "maand":
        name = period.start.format("YYYY-MM")
    elif period.soort == "schooljaar":
        name = f"{_LABELS[lang]['schooljaar']} {span}"
    elif period.soort == "geteld":
        name = f"{_LABELS[lang]['geteld']} {span}"
    else:
        name = span
    return [
        name,
        _uur(period.gepland),
        _uur(period.gewerkt),
        *(str(period.afwezig(s)) for s in AFWEZIGHEDEN),
        str(period.ontbrekend),
        _uur(period.gemiddelde),
    ]


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  " + "  ".join([first, *rest])

    return [line(header), *(line(r) for r in rows)]
