"""Planned against actual workplace hours: per week, per month and per school year (R-OAO).

`Urenoverzicht.from_traject` sets a traject's real schedule (`duaal_leren.traject.Rooster`)
against its attendance record (`duaal_leren.aanwezigheid.Aanwezigheden`) for one school
year: per week and per month the hours planned at the workplace, the hours worked, the
absences by kind and the days not recorded; and for the year the planned average (what
R-OAO checks), the running average of what was worked, and a projection of the year's
average from what was worked so far and what is planned for the rest of it. The overview is
data (`to_dict`), a text table (`text`), CSV (`to_csv`), self-contained HTML for a notebook
(`to_html`), a pandas DataFrame (`to_dataframe`, with the ``pandas`` extra) and a chart of
planned, worked and the 20-hour line (`to_figure`, with the ``plot`` extra).

The averages count as the decree does, "zonder rekening te houden met de wettelijke feest-
en vakantiedagen": over the training weeks of the school year (`werkdagen.telweken`), a day
the schedule plans at the workplace that is a legal holiday or a vacation day counts with
the hours the schedule plans. So a day counts, for the averages:

- before the record's first day: the hours the schedule plans (the record says nothing of it);
- from the record's first day to ``today``: the hours worked, plus the hours the schedule
  plans on the day when it is no workplace day (a legal holiday, a vacation day, a day taken
  off to recover a holiday day worked), less those it plans on a workplace day under a
  holiday exception: worked exactly as planned, every week counts what the schedule plans;
- after ``today``: for the projection, the hours the schedule plans.

The weeks of the year are worked out once per schedule, contract and calendar
(`werkdagen.werkplekuren_per_week`), shared with R-OAO and the rules that check the hours.

Example:
    >>> import duaal_leren
    >>> traject = duaal_leren.load("examples/traject-noor.yaml")
    >>> record = duaal_leren.load("examples/aanwezigheden-noor-2025-10.yaml")
    >>> overzicht = Urenoverzicht.from_traject(traject, record, today="2025-10-26")
    >>> overzicht.gepland_gemiddelde, overzicht.werkelijk_gemiddelde, overzicht.prognose
    (24.237838, 22.6, 23.372973)

References:
    R-OAO: Decreet 10-06-2016 betreffende alternerende opleidingen, art. 3: at least 20 hours
        a week of workplace training on average over the year.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from duaal_leren import _views
from duaal_leren._export import csv_text, require
from duaal_leren._validators import as_day
from duaal_leren.aanwezigheid import AFWEZIGHEDEN, Aanwezigheden, Aanwezigheidsstatus
from duaal_leren.exceptions import MissingDependencyError, checked_lang
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

__all__ = ["DREMPEL", "Urenoverzicht", "Urenperiode", "urenoverzichten"]

DREMPEL = 20.0
"""R-OAO's threshold: an OAO has at least 20 workplace hours a week on average."""

_KOLOMMEN = (
    "soort",
    "start",
    "einde",
    "gepland",
    "gewerkt",
    *(s.value for s in AFWEZIGHEDEN),
    "ontbrekend",
    "gemiddelde",
)


def _round(value: float) -> float:
    # Sums of hours like 7.6 carry binary noise; a millionth of an hour is none a user sees.
    return round(value, 6)


@attrs.frozen
class Urenperiode:
    """Planned against actual hours of one period: a week, a month or the school year.

    Attributes:
        soort: ``week``, ``maand`` or ``schooljaar``.
        start: The period's first day in the contract.
        einde: The period's last day in the contract.
        gepland: The hours planned at the workplace on the period's workplace days (no
            legal holidays, no vacation days of an OAO or SAO).
        gewerkt: The hours recorded as worked, from the record's first day up to ``today``;
            ``None`` when no day of the period lies there.
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


@attrs.frozen
class _Dag:
    """What one day of the school year counts for."""

    datum: pendulum.Date
    rooster: float  # the hours the schedule plans, whatever the calendar says
    gepland: float  # the hours planned at the workplace: 0 on a day that is no workplace day
    gewerkt: float | None  # recorded and up to today; None otherwise
    status: Aanwezigheidsstatus | None
    ontbrekend: bool
    telt: float | None  # the day's hours for the running average; None after today


@attrs.frozen
class Urenoverzicht:
    """Planned against actual workplace hours of one traject in one school year.

    Attributes:
        traject: The traject's id.
        schooljaar: The school year.
        today: The last day whose hours the record gives.
        weken: One period per week (Monday to Sunday) of the contract in the school year.
        maanden: One period per month.
        jaar: The whole school year.
        gepland_gemiddelde: The yearly average the schedule plans (what R-OAO checks).
        werkelijk_gemiddelde: The average of the hours worked over the training weeks
            ended by ``today``; ``None`` without a record or before the first such week.
        prognose: The year's average from the hours worked up to ``today`` and the hours
            planned after it.
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
                (default: the current date in Europe/Brussels).
            kalender: The school calendar(s); by default the law's calendar of each year.

        Raises:
            WerkdagenError: The traject has no schedule, or its contract does not run in
                the school year.
            KalenderError: The calendar does not cover the school year.
            FieldError: ``today`` is no day.
        """
        day = as_day(today)
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
        """Every period: the weeks, the months, then the school year."""
        return (*self.weken, *self.maanden, self.jaar)

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
            "jaar": self.jaar.to_dict(),
            "maanden": [p.to_dict() for p in self.maanden],
            "weken": [p.to_dict() for p in self.weken],
        }

    def to_csv(self) -> str:
        """One row per period (weeks, months, the year), with the traject and school year."""
        header = ["traject", "schooljaar", *_KOLOMMEN]
        rows = [[self.traject, str(self.schooljaar), *_cells(p.to_dict())] for p in self.perioden()]
        return csv_text(header, rows)

    def text(self, lang: str | None = None) -> str:
        """The overview as a text table: the year's averages, then the months and the weeks."""
        en = checked_lang(lang) == "en"
        label = _LABELS["en" if en else "nl"]
        lines = [
            f"{label['titel']} {self.traject}, {label['schooljaar']} {self.schooljaar} "
            f"({label['tot']} {self.today.isoformat()})",
            f"  {label['gepland_gemiddelde']}: {_uur(self.gepland_gemiddelde)}",
            f"  {label['werkelijk_gemiddelde']}: {_uur(self.werkelijk_gemiddelde)}",
            f"  {label['prognose']}: {_uur(self.prognose)}",
            f"  {label['drempel']}: {_uur(self.drempel)}",
        ]
        for warning in self.signalen(lang):
            lines.append(f"  ! {warning}")
        header = [label[c] for c in ("periode", "gepland", "gewerkt")]
        header += [s.value for s in AFWEZIGHEDEN] + [label["ontbrekend"], label["gemiddelde"]]
        for titel, periods in (
            (label["jaar"], (self.jaar,)),
            (label["maanden"], self.maanden),
            (label["weken"], self.weken),
        ):
            lines.append("")
            lines.append(titel)
            lines.extend(_table(header, [_row(p) for p in periods]))
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

    def to_html(self) -> str:
        """Self-contained HTML (a ``<div>`` with its own scoped CSS), legible light or dark."""
        # A class of its own, the same in every run, so that its CSS touches nothing else.
        key = f"{self.traject}\x00{self.schooljaar}".encode("utf-8", "surrogatepass")
        scope = f"dl-uren-{zlib.crc32(key):08x}"
        label = _LABELS["nl"]
        head = [label["periode"], label["gepland"], label["gewerkt"]]
        head += [s.value for s in AFWEZIGHEDEN] + [label["ontbrekend"], label["gemiddelde"]]
        parts = [
            f'<div class="{scope}">',
            "<style>",
            f".{scope} {{ font-family: sans-serif; color: inherit; }}",
            f".{scope} table {{ border-collapse: collapse; margin: 0.5em 0; }}",
            f".{scope} th, .{scope} td {{ border: 1px solid rgba(127,127,127,0.45); "
            "padding: 2px 8px; text-align: right; }",
            f".{scope} th:first-child, .{scope} td:first-child {{ text-align: left; }}",
            f".{scope} th {{ background: rgba(127,127,127,0.15); }}",
            f".{scope} .onder {{ color: #c0392b; font-weight: bold; }}",
            f".{scope} .signaal {{ border-left: 4px solid #e67e22; padding-left: 6px; }}",
            "</style>",
            f"<h3>{html.escape(label['titel'])} {html.escape(self.traject)}, "
            f"{html.escape(str(self.schooljaar))}</h3>",
            "<ul>",
        ]
        for name, value in (
            ("gepland_gemiddelde", self.gepland_gemiddelde),
            ("werkelijk_gemiddelde", self.werkelijk_gemiddelde),
            ("prognose", self.prognose),
        ):
            low = value is not None and value < self.drempel
            mark = ' class="onder"' if low else ""
            parts.append(
                f"<li>{html.escape(label[name])}: <span{mark}>{html.escape(_uur(value))}</span></li>"
            )
        parts.append("</ul>")
        for warning in self.signalen("nl"):
            parts.append(f'<p class="signaal">{html.escape(warning)}</p>')
        for titel, periods in (
            (label["maanden"], self.maanden),
            (label["weken"], self.weken),
        ):
            parts.append(f"<h4>{html.escape(titel)}</h4><table><thead><tr>")
            parts.extend(f"<th>{html.escape(h)}</th>" for h in head)
            parts.append("</tr></thead><tbody>")
            for period in periods:
                cells = _row(period)
                low = period.gemiddelde is not None and period.gemiddelde < self.drempel
                parts.append("<tr>")
                for i, cell in enumerate(cells):
                    mark = ' class="onder"' if low and i == len(cells) - 1 else ""
                    parts.append(f"<td{mark}>{html.escape(cell)}</td>")
                parts.append("</tr>")
            parts.append("</tbody></table>")
        parts.append("</div>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_dataframe(self) -> pandas.DataFrame:
        """The periods as a pandas DataFrame: one row per week, month and the year.

        Raises:
            MissingDependencyError: pandas is not installed (a `ModuleNotFoundError`).
        """
        try:
            require("pandas", "pandas")
        except ModuleNotFoundError:
            raise MissingDependencyError("pandas", "pandas") from None
        import pandas as pd

        frame = pd.DataFrame([p.to_dict() for p in self.perioden()], columns=list(_KOLOMMEN))
        for column in ("start", "einde"):
            frame[column] = pd.to_datetime(frame[column])
        for column in ("gewerkt", "gemiddelde"):
            frame[column] = frame[column].astype("Float64")
        return frame

    def to_figure(self, figure: Figure | None = None) -> Figure:
        """A chart over the weeks: hours planned, hours worked and the 20-hour line.

        Args:
            figure: The figure to draw on; by default a new matplotlib `Figure` that a
                notebook shows inline as an image.

        Raises:
            MissingDependencyError: matplotlib is not installed (a `ModuleNotFoundError`).
        """
        try:
            require("matplotlib", "plot")
        except ModuleNotFoundError:
            raise MissingDependencyError("matplotlib", "plot") from None
        # A figure a notebook shows inline, as the charts of duaal_leren.plot are.
        fig = figure if figure is not None else _views.notebook_figure()(figsize=(10, 4))
        ax = fig.add_subplot()
        # The weeks by their index, labelled by their Monday: a bar a week, no date axis.
        x = list(range(len(self.weken)))
        ax.bar(x, [w.gepland for w in self.weken], color="#9ecae1", label="gepland / planned")
        worked = [(i, w.gewerkt) for i, w in enumerate(self.weken) if w.gewerkt is not None]
        if worked:
            ax.plot(
                [i for i, _ in worked],
                [h for _, h in worked],
                "o-",
                color="#08519c",
                label="gewerkt / worked",
            )
        running = [(i, w.gemiddelde) for i, w in enumerate(self.weken) if w.gemiddelde is not None]
        if running:
            ax.plot(
                [i for i, _ in running],
                [h for _, h in running],
                "--",
                color="#31a354",
                label="gemiddelde / average",
            )
        ticks = x[::4]
        ax.set_xticks(ticks, [self.weken[i].start.isoformat() for i in ticks], rotation=45)
        ax.axhline(self.drempel, color="#de2d26", linewidth=1.5, label=f"{self.drempel:g} uur")
        ax.set_ylabel("uur per week / hours a week")
        ax.set_title(f"{self.traject} {self.schooljaar}: gepland en gewerkt / planned and worked")
        ax.legend(loc="lower left")
        fig.tight_layout()
        return fig


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
        WerkdagenError: The traject has no schedule.
        KalenderError: The calendar does not cover a school year of the contract.
    """
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
        expected = planned if datum in workdays else 0.0
        record = records.get(datum)
        if first is None or datum < first:
            worked, status, missing, counts = None, None, False, planned
        elif datum <= today:
            worked = record.uren if record is not None else 0.0
            status = record.status if record is not None else None
            missing = record is None and datum in workdays
            counts = worked - expected + planned
        else:
            worked, status, missing, counts = None, None, False, None
        days.append(_Dag(datum, planned, expected, worked, status, missing, counts))
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
    recorded = any(d.gewerkt is not None for d in days)

    # The running average at the end of each counted week that ended by today.
    running: list[tuple[pendulum.Date, float]] = []
    total = done = 0.0
    projected = 0.0
    for week in weeks:
        week_days = [d for d in days if week.maandag <= d.datum <= week.maandag.add(days=6)]
        if week.maandag not in counted_mondays:
            continue
        projected += math.fsum(d.telt if d.telt is not None else d.rooster for d in week_days)
        last = week_days[-1].datum
        if recorded and last <= today:
            total += math.fsum(d.telt or 0.0 for d in week_days)
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

    def period(soort: str, first: pendulum.Date, last: pendulum.Date) -> Urenperiode:
        ordinals = range(first.toordinal(), last.toordinal() + 1)
        part = [by_date[pendulum.Date.fromordinal(o)] for o in ordinals]
        worked = [d.gewerkt for d in part if d.gewerkt is not None]
        absent = {s: sum(1 for d in part if d.status is s) for s in AFWEZIGHEDEN}
        return Urenperiode(
            soort,
            first,
            last,
            _round(math.fsum(d.gepland for d in part)),
            _round(math.fsum(worked)) if worked else None,
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
    planned = _round(math.fsum(w.gepland for w in counted) / weight) if weight else 0.0
    return Urenoverzicht(
        traject=traject,
        schooljaar=jaar,
        today=today,
        weken=weken,
        maanden=tuple(maanden),
        jaar=period("schooljaar", start, einde),
        gepland_gemiddelde=planned,
        werkelijk_gemiddelde=running[-1][1] if running else None,
        prognose=_round(projected / weight) if weight else 0.0,
    )


# --- text -----------------------------------------------------------------------------

_LABELS = {
    "nl": {
        "titel": "Werkplekuren van",
        "schooljaar": "schooljaar",
        "tot": "tot",
        "gepland_gemiddelde": "gepland gemiddelde per week",
        "werkelijk_gemiddelde": "werkelijk gemiddelde per week",
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
    },
    "en": {
        "titel": "Workplace hours of",
        "schooljaar": "school year",
        "tot": "up to",
        "gepland_gemiddelde": "planned average a week",
        "werkelijk_gemiddelde": "actual average a week",
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
    },
}


def _uur(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _cells(data: dict[str, Any]) -> list[Any]:
    return [data[c] for c in _KOLOMMEN]


def _row(period: Urenperiode) -> list[str]:
    name = (
        period.start.format("YYYY-MM")
        if period.soort == "maand"
        else f"{period.start.isoformat()} – {period.einde.isoformat()}"
    )
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
