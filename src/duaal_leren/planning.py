"""The plan of a traject's follow-up conversations, and of a whole caseload.

This module plans the opvolgingsgesprekken of a traject, or of a trajectbegeleider's whole
caseload: on days the learner is at the workplace and the school is open
(`duaal_leren.werkdagen.bezoekdagen`), never in a vacation or on a day off, at a cadence
(`ElkeNWeken`, `PerSchooljaar`, `VoorAnkers`), kept stable when conversations were already
planned or held. The periods between conversations are the begeleidingsperiodes.

Times are pendulum DateTimes in Europe/Brussels: a visit at 10:00 stays at 10:00 on both
sides of a change to or from summer time.

Example:
    >>> import duaal_leren
    >>> from duaal_leren.planning import ElkeNWeken, plan_opvolging
    >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
    >>> schema = plan_opvolging(traject, ElkeNWeken(6))
    >>> [g.datum.isoformat() for g in schema.gesprekken][:3]
    ['2025-10-13', '2025-11-20', '2026-01-05']

References:
    R-CONTACT: scanjeschoolvoorduaal.be 02-3: contact moments are agreed at the start; no
        legal minimum number of visits.
    "Wat bespreek ik omtrent de leervooruitgang?" (Samen werken aan duaal): the themes of a
        follow-up conversation.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import hashlib
import itertools
import math
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import attrs
import pendulum

from duaal_leren import _views
from duaal_leren._export import csv_text, dataframe, text_or_file
from duaal_leren._validators import at_least, in_range, non_empty
from duaal_leren.exceptions import DuaalLerenError, FieldError, checked_lang, excerpt, shown_id
from duaal_leren.kalender import KalenderArg, Schooljaar, Schoolkalenders, schoolkalenders
from duaal_leren.opvolging import Gespreksrol, Gespreksstatus
from duaal_leren.traject import Traject, Weekdag
from duaal_leren.werkdagen import Werkdagen, WerkdagenError

if TYPE_CHECKING:
    import pandas

__all__ = [
    "MAX_CADANS",
    "SCHEMA_HEADER",
    "STANDAARDAGENDA",
    "TIJDZONE",
    "Begeleidingsperiode",
    "Cadans",
    "Caseload",
    "ElkeNWeken",
    "Genodigde",
    "Gesprek",
    "Opvolgingsschema",
    "PerSchooljaar",
    "PlanningError",
    "VoorAnkers",
    "Voorkeur",
    "cadans",
    "plan_caseload",
    "plan_opvolging",
    "schema_header",
    "status_text",
    "vastgelegde_dagen",
]

TIJDZONE = "Europe/Brussels"
"""The time zone of every planned conversation."""

STANDAARDAGENDA: tuple[str, ...] = (
    "Leervooruitgang op school en op de werkplek",
    "Leerfocus voor de volgende begeleidingsperiode",
    "Leerplan: wat komt op school aan bod en hoe sluit het aan bij het werk",
)
"""The three themes of a follow-up conversation ("Wat bespreek ik omtrent de
leervooruitgang?"), the agenda of a conversation unless another is given."""


class PlanningError(DuaalLerenError, ValueError):
    """A plan that cannot be made: no weekly pattern, no workplace day, an empty period.

    A traject whose working days cannot be known (`duaal_leren.werkdagen.WerkdagenError`)
    cannot be planned either: the planner raises this error for it, with the same message.
    """


# --- dates ----------------------------------------------------------------------------


def _plus_dagen(day: dt.date, days: int) -> pendulum.Date:
    """The day so many days later (earlier, when negative), held within the dates there are.

    A bound past 31 December 9999 or before 1 January of year 1 includes every date on
    that side, so holding it there changes no comparison with a real date.
    """
    ordinal = day.toordinal() + days
    return pendulum.Date.fromordinal(min(max(ordinal, 1), dt.date.max.toordinal()))


def _datum(value: dt.date) -> pendulum.Date:
    return pendulum.Date(value.year, value.month, value.day)


def _schooljaren(start: dt.date, einde: dt.date) -> list[Schooljaar]:
    first, last = Schooljaar.from_date(start), Schooljaar.from_date(einde)
    return [Schooljaar(y) for y in range(first.startjaar, last.startjaar + 1)]


# --- cadence and preferences ----------------------------------------------------------


MAX_CADANS = 52
"""The most weeks between two conversations, and the most conversations in a school year:
a cadence beyond it would be no cadence (a visit a year) or a visit on every workplace day."""


@attrs.frozen
class ElkeNWeken:
    """A conversation every so many weeks, counted from the start of the plan.

    Attributes:
        weken: The number of weeks between two conversations, from 1 to `MAX_CADANS`.
    """

    weken: int = attrs.field(validator=in_range(1, MAX_CADANS))

    def text(self, lang: str | None = None) -> str:
        """The cadence in words."""
        lang = checked_lang(lang)
        return f"every {self.weken} weeks" if lang == "en" else f"elke {self.weken} weken"


@attrs.frozen
class PerSchooljaar:
    """A number of conversations per school year, spread evenly over its workplace days.

    Attributes:
        aantal: The number of conversations in a school year, from 1 to `MAX_CADANS`.
    """

    aantal: int = attrs.field(validator=in_range(1, MAX_CADANS))

    def text(self, lang: str | None = None) -> str:
        """The cadence in words."""
        lang = checked_lang(lang)
        if lang == "en":
            return f"{self.aantal} per school year"
        return f"{self.aantal} per schooljaar"


@attrs.frozen
class VoorAnkers:
    """A conversation before each of a set of dates, such as each klassenraad.

    The conversation is planned on the last possible day within ``marge`` days before the
    anchor, so that what it finds reaches the meeting.

    Attributes:
        datums: The anchor dates; empty for the klassenraden of the school calendars.
        naam: What the anchors are, for texts and identities.
        marge: How many days before an anchor the conversation may be.
    """

    datums: tuple[pendulum.Date, ...] = ()
    naam: str = attrs.field(default="klassenraad", validator=non_empty)
    marge: int = attrs.field(default=21, validator=at_least(1))

    def text(self, lang: str | None = None) -> str:
        """The cadence in words."""
        lang = checked_lang(lang)
        return f"before each {self.naam}" if lang == "en" else f"voor elke {self.naam}"


Cadans = ElkeNWeken | PerSchooljaar | VoorAnkers
"""How often, or when, follow-up conversations take place."""


def cadans(text: str) -> Cadans:
    """Read a cadence written as on the command line.

    ``6w`` (or ``elke-6-weken``): every 6 weeks; ``4/jaar`` (or ``4x``): four per school
    year; ``klassenraad``: before each klassenraad of the school calendar;
    ``voor:2025-12-17,2026-03-25``: before each of these dates.

    Raises:
        PlanningError: The text is none of these, or its number is not from 1 to
            `MAX_CADANS`.

    Example:
        >>> cadans("6w"), cadans("4/jaar")
        (ElkeNWeken(weken=6), PerSchooljaar(aantal=4))
    """
    value = text.strip().lower()
    try:
        return _lees_cadans(value)
    except FieldError:
        raise PlanningError(
            f"cadans {excerpt(text)}: het aantal weken of gesprekken per schooljaar moet van 1 tot "
            f"{MAX_CADANS} zijn",
            f"cadence {excerpt(text)}: the number of weeks or of conversations per school year must "
            f"be from 1 to {MAX_CADANS}",
        ) from None
    except ValueError:
        pass
    raise PlanningError(
        f"onbekende cadans {excerpt(text)}; gebruik bv. 6w, 4/jaar, klassenraad of voor:2025-12-17",
        f"unknown cadence {excerpt(text)}; use e.g. 6w, 4/jaar, klassenraad or voor:2025-12-17",
    )


def _lees_cadans(value: str) -> Cadans:
    """The cadence a lower-case text names; ValueError when it names none."""
    if value.endswith("w") and value[:-1].isdigit():
        return ElkeNWeken(int(value[:-1]))
    if value.startswith("elke-") and value.endswith("-weken"):
        return ElkeNWeken(int(value[5:-6]))
    for suffix in ("/jaar", "/schooljaar", "x"):
        if value.endswith(suffix) and value[: -len(suffix)].isdigit():
            return PerSchooljaar(int(value[: -len(suffix)]))
    if value in ("klassenraad", "voor-klassenraad"):
        return VoorAnkers()
    if value.startswith("voor:"):
        days = tuple(pendulum.Date.fromisoformat(d.strip()) for d in value[5:].split(","))
        return VoorAnkers(days, naam="afspraak")
    raise ValueError(value)


_TIJDSTIPPEN = (pendulum.time(10, 0), pendulum.time(13, 30))
_EEN_UUR = pendulum.duration(hours=1)
_EINDUUR = pendulum.time(18, 0)
# Between two visits that follow the listed start times: time to go to the next workplace.
_VERPLAATSING = 30
_DAG = 24 * 60


def _minuten(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def _duur_minuten(duur: dt.timedelta) -> int:
    return math.ceil(duur.total_seconds() / 60)


def _positieve_duur(
    inst: object, attribute: attrs.Attribute[pendulum.Duration], value: dt.timedelta
) -> None:
    if not isinstance(value, dt.timedelta) or not 0 < value.total_seconds() < _DAG * 60:
        raise FieldError(
            attribute.name,
            f"{value!r} is geen duur van meer dan 0 en minder dan een dag",
            f"{value!r} is no duration of more than 0 and less than a day",
        )


@attrs.frozen
class Voorkeur:
    """When a trajectbegeleider prefers to visit.

    The visits of one day start at the given start times, in order; when a day has more
    visits than start times, the next ones follow the last start time, each after the
    previous one and half an hour to travel, as long as they end by ``einduur``. A day whose
    start times are all taken is full: a visit goes to another day. Times never run past
    the end of the day.

    Attributes:
        weekdagen: Preferred weekdays; a preferred day is chosen over a closer other day.
            Empty: no preference.
        tijdstippen: Start times, in order: the first visit of a day starts at the first,
            a second visit that day at the second, and so on.
        duur: How long a conversation takes: more than zero and less than a day.
        einduur: The time by which the visits after the listed start times have ended.

    Raises:
        FieldError: The duration is not positive or is a day or more, or a visit at one of
            the start times would end after midnight.

    Example:
        >>> voorkeur = Voorkeur()
        >>> [t.isoformat() for t in voorkeur.starturen()]
        ['10:00:00', '13:30:00', '15:00:00', '16:30:00']
        >>> voorkeur.tijdstip([pendulum.time(10, 0)])
        Time(13, 30, 0)
        >>> print(voorkeur.tijdstip(voorkeur.starturen()))
        None
    """

    weekdagen: tuple[Weekdag, ...] = ()
    tijdstippen: tuple[pendulum.Time, ...] = _TIJDSTIPPEN
    duur: pendulum.Duration = attrs.field(default=_EEN_UUR, validator=_positieve_duur)
    einduur: pendulum.Time = _EINDUUR

    def __attrs_post_init__(self) -> None:
        duur = _duur_minuten(self.duur)
        for t in self.tijdstippen:
            if _minuten(t) + duur >= _DAG:
                raise FieldError(
                    "tijdstippen",
                    f"een gesprek van {duur} minuten om {t.strftime('%H:%M')} loopt over "
                    "middernacht",
                    f"a conversation of {duur} minutes at {t.strftime('%H:%M')} runs past midnight",
                )

    def starturen(self) -> tuple[pendulum.Time, ...]:
        """Every start time a day offers, in order: the given ones, then those after them.

        Without given start times a day starts at 10:00.
        """
        times = list(self.tijdstippen) or [pendulum.time(10, 0)]
        duur = _duur_minuten(self.duur)
        start = _minuten(times[-1]) + duur + _VERPLAATSING
        while start + duur <= _minuten(self.einduur):
            times.append(pendulum.time(start // 60, start % 60))
            start += duur + _VERPLAATSING
        return tuple(times)

    def tijdstip(self, taken: Iterable[dt.time]) -> pendulum.Time | None:
        """The first start time of a day whose visit overlaps none that is taken.

        Args:
            taken: The start times of the visits already on that day; each lasts ``duur``.

        Returns:
            The start time, or None when the day is full.
        """
        duur = _duur_minuten(self.duur)
        busy = [_minuten(t) for t in taken]
        for t in self.starturen():
            begin = _minuten(t)
            if all(begin + duur <= other or other + duur <= begin for other in busy):
                return t
        return None


# --- the schedule ---------------------------------------------------------------------


@attrs.frozen
class Genodigde:
    """Someone invited to the follow-up conversations of a traject.

    Attributes:
        rol: Trajectbegeleider, mentor or lerende.
        naam: The name; for the learner the pseudonymous id, never the name.
        email: The e-mail address; never that of the learner.
    """

    rol: Gespreksrol
    naam: str
    email: str | None = None


def _genodigden(traject: Traject) -> tuple[Genodigde, ...]:
    found = []
    begeleider = traject.school.trajectbegeleider
    if begeleider is not None:
        found.append(
            Genodigde(Gespreksrol.TRAJECTBEGELEIDER, begeleider.naam, begeleider.contact.email)
        )
    if traject.mentor is not None:
        found.append(
            Genodigde(Gespreksrol.MENTOR, traject.mentor.naam, traject.mentor.contact.email)
        )
    # The learner's name and contact details are personal data: schedules and calendars are
    # shared and pasted, so they carry only the pseudonymous id.
    found.append(Genodigde(Gespreksrol.LERENDE, traject.lerende.id))
    return tuple(found)


_UID_NAMESPACE = uuid.UUID("5d0f6c2e-3b8a-5c47-9a51-6f2d7e4b1c90")


@attrs.frozen
class Gesprek:
    """One follow-up conversation (opvolgingsgesprek) at the workplace.

    Attributes:
        traject: The traject's id.
        sleutel: The conversation's identity within the traject: which slot of the cadence
            it fills (``2025-2026/02``, ``opvolging-03``, ``voor-klassenraad-2025-12-17``),
            or ``extra-`` and its date for a kept conversation outside the cadence. It stays
            the same when the conversation moves.
        start: When it starts, in Europe/Brussels.
        einde: When it ends.
        bestaand: Whether it was planned or held already (given to the planner) rather than
            proposed by it.
        agenda: What the conversation discusses.
    """

    traject: str
    sleutel: str
    start: pendulum.DateTime
    einde: pendulum.DateTime
    bestaand: bool = False
    agenda: tuple[str, ...] = STANDAARDAGENDA

    @property
    def datum(self) -> pendulum.Date:
        """The day of the conversation."""
        return self.start.date()

    @property
    def status(self) -> str:
        """The status as a code, the same in every language: ``vastgelegd`` or ``voorstel``.

        ``vastgelegd``: planned or held already; ``voorstel``: proposed by the planner.
        `status_text` names it for people, in one language.
        """
        return _STATUS_CODE[0 if self.bestaand else 1]

    @property
    def uid(self) -> str:
        """A globally unique id derived from the traject and the conversation's identity.

        The same conversation keeps its uid when it is planned again or moved, so that a
        calendar client updates the event instead of adding a second one.
        """
        name = f"{self.traject}\n{self.sleutel}"
        # uuid.uuid5 by hand: it encodes the name strictly, and an id read from JSON can hold
        # a lone surrogate. For every other name the bytes, and so the uid, are the same.
        data = name.encode("utf-8", "surrogatepass")
        digest = hashlib.sha1(_UID_NAMESPACE.bytes + data, usedforsecurity=False).digest()
        return f"{uuid.UUID(bytes=digest[:16], version=5)}@duaal-leren"


@attrs.frozen
class Begeleidingsperiode:
    """The period from one follow-up conversation to the next, with its learning focus.

    The first period starts with the plan (the opstartgesprek sets its focus), each next one
    on the day of a conversation; the last one ends with the plan.

    Attributes:
        volgnummer: 1 for the first period.
        start: Its first day.
        einde: Its last day.
        werkplekdagen: How many days of it the learner is at the workplace.
    """

    volgnummer: int
    start: pendulum.Date
    einde: pendulum.Date
    werkplekdagen: int


_WEEKDAG_KORT = ("ma", "di", "wo", "do", "vr", "za", "zo")


@attrs.frozen
class Opvolgingsschema:
    """The planned follow-up conversations of one traject.

    Attributes:
        traject: The traject's id.
        lerende: The learner's pseudonymous id.
        werkplek: The company, and its vestiging when known.
        adres: The address of the vestiging.
        genodigden: Who is invited, with their roles.
        cadans: The cadence it was planned at.
        start: The first day of the plan.
        einde: The last day of the plan.
        gesprekken: The conversations in time order, kept ones and proposed ones.
        onplanbaar: Target days for which no day could be found: no workplace day of the
            learner in reach, or every such day full.
        werkplekdagen: The learner's workplace days from ``start`` to ``einde``.
    """

    traject: str
    lerende: str
    werkplek: str
    adres: str | None
    genodigden: tuple[Genodigde, ...]
    cadans: Cadans
    start: pendulum.Date
    einde: pendulum.Date
    gesprekken: tuple[Gesprek, ...]
    onplanbaar: tuple[pendulum.Date, ...] = ()
    werkplekdagen: tuple[pendulum.Date, ...] = attrs.field(default=(), repr=False)

    def begeleidingsperiodes(self) -> tuple[Begeleidingsperiode, ...]:
        """The begeleidingsperiodes of the plan.

        From the start to the first conversation, between conversations, and from the last
        conversation to the end of the plan.

        Example:
            >>> import duaal_leren
            >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
            >>> schema = plan_opvolging(traject, PerSchooljaar(3))
            >>> [(p.start.isoformat(), p.werkplekdagen) for p in schema.begeleidingsperiodes()]
            [('2025-09-01', 31), ('2025-11-20', 27), ('2026-02-05', 24), ('2026-04-23', 28)]
        """
        # By ordinal: the day after the plan may lie past the last date there is. A kept
        # conversation outside the plan starts no period outside it.
        first, after = self.start.toordinal(), self.einde.toordinal() + 1
        bounds = [
            first,
            *(min(max(g.datum.toordinal(), first), after) for g in self.gesprekken),
            after,
        ]
        periods: list[Begeleidingsperiode] = []
        for low, nxt in itertools.pairwise(bounds):
            if low < nxt:
                start = pendulum.Date.fromordinal(low)
                end = pendulum.Date.fromordinal(nxt - 1)
                count = sum(1 for d in self.werkplekdagen if start <= d <= end)
                periods.append(Begeleidingsperiode(len(periods) + 1, start, end, count))
        return tuple(periods)

    def __repr__(self) -> str:
        return _views.named_repr(
            "Opvolgingsschema",
            traject=self.traject,
            lerende=self.lerende,
            cadans=self.cadans.text(),
            start=self.start.isoformat(),
            einde=self.einde.isoformat(),
            gesprekken=len(self.gesprekken),
            onplanbaar=len(self.onplanbaar),
        )

    def rows(self, lang: str | None = None) -> list[list[object]]:
        """One row per conversation, under `schema_header`, for CSV and spreadsheets.

        Without ``lang`` the values are codes, whatever the default language: ``bestaand``
        is ``true`` or ``false``, ``status`` ``vastgelegd`` or ``voorstel``. With ``lang``
        they are texts in that language (``nee``, ``voorstel``; ``no``, ``proposed``).

        Raises:
            FieldError: ``lang`` names another language.
        """
        language = _data_lang(lang)
        return [_row(self, g, language) for g in self.gesprekken]

    @overload
    def to_csv(self, path: None = None, delimiter: str = ",", lang: str | None = None) -> str: ...
    @overload
    def to_csv(
        self, path: str | os.PathLike[str], delimiter: str = ",", lang: str | None = None
    ) -> Path: ...
    def to_csv(
        self,
        path: str | os.PathLike[str] | None = None,
        delimiter: str = ",",
        lang: str | None = None,
    ) -> str | Path:
        """The conversations as CSV (one row each, `rows`), as text or to a file.

        Without ``lang`` the header is `SCHEMA_HEADER` and the values are codes, the same
        whatever the default language; with ``lang`` the header and the values are in that
        language, all of them (`schema_header`, `rows`).

        Without ``path`` the text is returned; with it, the file is written whole or not at
        all and its path returned.

        Raises:
            FieldError: ``lang`` names another language.

        Example:
            >>> import duaal_leren
            >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
            >>> schema = plan_opvolging(traject, PerSchooljaar(3), bestaande=())
            >>> print(schema.to_csv().splitlines()[1])
            TRJ-2025-0042,LRN-2025-0042,"Elektro Vermeulen bv, Vestiging Fictiefdorp",2025-2026/01,2025-11-10,2025-11-10T10:00:00+01:00,2025-11-10T11:00:00+01:00,false,voorstel,...
            >>> print(schema.to_csv(lang="en").splitlines()[0])
            traject,learner,workplace,key,date,start,end,existing,status,uid
        """
        rows = self.rows(lang)
        return text_or_file(csv_text(schema_header(lang), rows, delimiter), path)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Plain data, for JSON: the schedule, its conversations and begeleidingsperiodes.

        The traject, who is invited, the cadence, the period, every conversation, the target
        days that found no day, and the begeleidingsperiodes.

        The values are the same whatever the default language: ``bestaand`` is a boolean,
        ``status`` a code (``vastgelegd`` or ``voorstel``, `Gesprek.status`); only the
        cadence is a text, in ``lang`` (Dutch without it).

        The invitees carry the names and e-mail addresses the traject holds for the
        trajectbegeleider and the mentor; the learner appears by pseudonymous id only.

        Raises:
            FieldError: ``lang`` names another language.
        """
        lang = _data_lang(lang) or "nl"
        return {
            "traject": self.traject,
            "lerende": self.lerende,
            "werkplek": self.werkplek,
            "adres": self.adres,
            "genodigden": [
                {"rol": g.rol.value, "naam": g.naam, "email": g.email} for g in self.genodigden
            ],
            "cadans": self.cadans.text(lang),
            "start": self.start.isoformat(),
            "einde": self.einde.isoformat(),
            "gesprekken": [_gesprek_dict(g) for g in self.gesprekken],
            "onplanbaar": [d.isoformat() for d in self.onplanbaar],
            "begeleidingsperiodes": [
                {
                    "volgnummer": p.volgnummer,
                    "start": p.start.isoformat(),
                    "einde": p.einde.isoformat(),
                    "werkplekdagen": p.werkplekdagen,
                }
                for p in self.begeleidingsperiodes()
            ],
        }

    def to_dataframe(self, lang: str | None = None) -> pandas.DataFrame:
        """The conversations as a pandas DataFrame, one row each (needs the ``pandas`` extra).

        Columns and dtypes: ``traject``, ``lerende``, ``werkplek``, ``sleutel`` (``string``);
        ``datum`` (``datetime64[ns]``); ``start``, ``einde``
        (``datetime64[ns, Europe/Brussels]``); ``bestaand`` (``boolean``: planned or held
        already); ``status`` (``string``: the code ``vastgelegd`` or ``voorstel``, or with
        ``lang`` its text in that language, `status_text`); ``uid`` (``string``). The values
        are the same whatever the default language.

        Raises:
            MissingDependencyError: pandas is not installed (a `ModuleNotFoundError`).
            FieldError: ``lang`` names another language.
        """
        return _frame(self.gesprekken, {self.traject: self}, _data_lang(lang))

    def _repr_html_(self) -> str:
        return self._html(checked_lang(None))

    def _html(self, lang: str) -> str:
        en = lang == "en"
        # Keyed by ordinal: the day after the last period may lie past the last date.
        since = {p.einde.toordinal() + 1: p.werkplekdagen for p in self.begeleidingsperiodes()}
        rows = [
            (
                i,
                g.datum.isoformat(),
                _WEEKDAG[lang][g.datum.isoweekday() - 1],
                g.start.format("HH:mm"),
                _status_cell(g, lang),
                since.get(g.datum.toordinal(), 0),
            )
            for i, g in enumerate(self.gesprekken, 1)
        ]
        headers = (
            ("nr", "date", "day", "time", "status", "workplace days since the last conversation")
            if en
            else ("nr", "datum", "dag", "uur", "status", "werkplekdagen sinds vorig gesprek")
        )
        title = f"{'Follow-up conversations' if en else 'Opvolgingsgesprekken'} {self.lerende}"
        info: list[tuple[str, object]] = [
            ("traject", self.traject),
            ("workplace" if en else "werkplek", self.werkplek),
            ("cadence" if en else "cadans", self.cadans.text(lang)),
            (
                "period" if en else "periode",
                f"{self.start.isoformat()} {'to' if en else 'tot'} {self.einde.isoformat()}",
            ),
            ("invited" if en else "genodigden", ", ".join(g.rol.value for g in self.genodigden)),
        ]
        if self.onplanbaar:
            info.append(
                (
                    "no day found for" if en else "geen dag gevonden voor",
                    ", ".join(d.isoformat() for d in self.onplanbaar),
                )
            )
        body = (
            f"<h3>{_views.escape(title)}</h3>"
            + _views.fields(info)
            + _views.table(headers, rows)
            + _status_legend(lang)
        )
        return _views.view(body, lang)


SCHEMA_HEADER = (
    "traject",
    "lerende",
    "werkplek",
    "sleutel",
    "datum",
    "start",
    "einde",
    "bestaand",
    "status",
    "uid",
)
"""The columns of a schedule's and a caseload's CSV and DataFrame, one row per conversation.

A CSV written with ``lang="en"`` has them in English (`schema_header`).
"""

_SCHEMA_HEADER_EN = (
    "traject",
    "learner",
    "workplace",
    "key",
    "date",
    "start",
    "end",
    "existing",
    "status",
    "uid",
)


def schema_header(lang: str | None = None) -> tuple[str, ...]:
    """The CSV header of a schedule or caseload: `SCHEMA_HEADER`, or in ``lang``'s words.

    Without ``lang`` the header is `SCHEMA_HEADER`, whatever the default language.

    Raises:
        FieldError: ``lang`` names another language.

    Example:
        >>> schema_header("en")[:3], schema_header()[:3]
        (('traject', 'learner', 'workplace'), ('traject', 'lerende', 'werkplek'))
    """
    return _SCHEMA_HEADER_EN if _data_lang(lang) == "en" else SCHEMA_HEADER


def _data_lang(lang: str | None) -> str | None:
    """The language of exported data: only one given explicitly, never the default one.

    Data (CSV, dicts, DataFrames) must not change when a notebook switches its display
    language; ``None`` means codes.
    """
    return None if lang is None else checked_lang(lang)


_SCHEMA_DTYPES = (
    "string",
    "string",
    "string",
    "string",
    "date",
    "datetime",
    "datetime",
    "boolean",
    "string",
    "string",
)

_WEEKDAG = {"nl": _WEEKDAG_KORT, "en": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")}

# One vocabulary: a conversation planned or held before the planner ran reads the same in a
# schedule, a caseload and on the command line.
_STATUS = {"nl": ("al vastgelegd", "voorstel"), "en": ("already recorded", "proposed")}
# The codes of data exports, and the words for ``bestaand`` in a CSV of one language.
_STATUS_CODE = ("vastgelegd", "voorstel")
_JA_NEE = {None: ("true", "false"), "nl": ("ja", "nee"), "en": ("yes", "no")}


def status_text(gesprek: Gesprek, lang: str | None = None) -> str:
    """How a schedule and a caseload name a conversation's status, in one vocabulary.

    ``al vastgelegd`` (planned or held already, and kept) or ``voorstel`` (proposed by the
    planner); in English ``already recorded`` or ``proposed``.

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> [status_text(g) for g in plan_opvolging(traject, PerSchooljaar(4)).gesprekken]
        ['al vastgelegd', 'voorstel', 'al vastgelegd', 'al vastgelegd']
    """
    return _STATUS[checked_lang(lang)][0 if gesprek.bestaand else 1]


def _status_cell(gesprek: Gesprek, lang: str) -> _views.Raw:
    look = "dl-muted" if gesprek.bestaand else "dl-ok"
    return _views.Raw(f'<span class="{look}">{_views.escape(status_text(gesprek, lang))}</span>')


def _status_legend(lang: str) -> str:
    if lang == "en":
        text = (
            "already recorded: planned or held before, kept as it is; proposed: a day the "
            "planner chose"
        )
    else:
        text = (
            "al vastgelegd: eerder gepland of gehouden, blijft zoals het is; voorstel: een dag "
            "die de planner koos"
        )
    return f'<p class="dl-muted">{_views.escape(text)}</p>'


def _row(schema: Opvolgingsschema, g: Gesprek, lang: str | None) -> list[object]:
    """A conversation's row: codes without ``lang``, else texts in that one language."""
    return [
        schema.traject,
        schema.lerende,
        schema.werkplek,
        g.sleutel,
        g.datum.isoformat(),
        g.start.isoformat(),
        g.einde.isoformat(),
        _JA_NEE[lang][0 if g.bestaand else 1],
        g.status if lang is None else status_text(g, lang),
        g.uid,
    ]


def _gesprek_dict(g: Gesprek) -> dict[str, Any]:
    return {
        "sleutel": g.sleutel,
        "datum": g.datum.isoformat(),
        "start": g.start.isoformat(),
        "einde": g.einde.isoformat(),
        "bestaand": g.bestaand,
        "status": g.status,
        "uid": g.uid,
        "agenda": list(g.agenda),
    }


def _frame(
    gesprekken: Sequence[Gesprek], schemas: Mapping[str, Opvolgingsschema], lang: str | None
) -> pandas.DataFrame:
    rows = []
    for g in gesprekken:
        row = _row(schemas[g.traject], g, lang)
        row[7] = g.bestaand
        rows.append(row)
    return dataframe(list(zip(SCHEMA_HEADER, _SCHEMA_DTYPES, strict=True)), rows)


@attrs.frozen
class Caseload:
    """The follow-up conversations of a trajectbegeleider's whole caseload.

    Attributes:
        schemas: One schedule per traject, by traject id.
        max_per_dag: The most visits planned on one day.
    """

    schemas: tuple[Opvolgingsschema, ...]
    max_per_dag: int

    def __repr__(self) -> str:
        return _views.named_repr(
            "Caseload",
            trajecten=len(self.schemas),
            gesprekken=sum(len(s.gesprekken) for s in self.schemas),
            max_per_dag=self.max_per_dag,
        )

    @property
    def gesprekken(self) -> tuple[Gesprek, ...]:
        """Every conversation, in time order."""
        return tuple(
            sorted(
                (g for s in self.schemas for g in s.gesprekken), key=lambda g: (g.start, g.traject)
            )
        )

    def per_dag(self) -> dict[pendulum.Date, tuple[Gesprek, ...]]:
        """The conversations of each day that has any, in time order."""
        days: dict[pendulum.Date, list[Gesprek]] = {}
        for g in self.gesprekken:
            days.setdefault(g.datum, []).append(g)
        return {day: tuple(found) for day, found in days.items()}

    def rows(self, lang: str | None = None) -> list[list[object]]:
        """One row per conversation in time order, as `Opvolgingsschema.rows`.

        Raises:
            FieldError: ``lang`` names another language.
        """
        language = _data_lang(lang)
        by_id = {s.traject: s for s in self.schemas}
        return [_row(by_id[g.traject], g, language) for g in self.gesprekken]

    @overload
    def to_csv(self, path: None = None, delimiter: str = ",", lang: str | None = None) -> str: ...
    @overload
    def to_csv(
        self, path: str | os.PathLike[str], delimiter: str = ",", lang: str | None = None
    ) -> Path: ...
    def to_csv(
        self,
        path: str | os.PathLike[str] | None = None,
        delimiter: str = ",",
        lang: str | None = None,
    ) -> str | Path:
        """Every conversation as CSV (in time order), as text or to a file.

        Codes under `SCHEMA_HEADER` without ``lang``, whatever the default language; with
        it, the header and the values in that language, as `Opvolgingsschema.to_csv`.

        Without ``path`` the text is returned; with it, the file is written whole or not at
        all and its path returned.

        Raises:
            FieldError: ``lang`` names another language.
        """
        rows = self.rows(lang)
        return text_or_file(csv_text(schema_header(lang), rows, delimiter), path)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Plain data, for JSON: the most visits a day and every schedule's `to_dict`.

        Raises:
            FieldError: ``lang`` names another language.
        """
        lang = _data_lang(lang) or "nl"
        return {
            "max_per_dag": self.max_per_dag,
            "schemas": [s.to_dict(lang) for s in self.schemas],
        }

    def to_dataframe(self, lang: str | None = None) -> pandas.DataFrame:
        """Every conversation in time order as a pandas DataFrame (the ``pandas`` extra).

        The columns, dtypes and values are those of `Opvolgingsschema.to_dataframe`.

        Raises:
            MissingDependencyError: pandas is not installed (a `ModuleNotFoundError`).
            FieldError: ``lang`` names another language.
        """
        by_id = {s.traject: s for s in self.schemas}
        return _frame(self.gesprekken, by_id, _data_lang(lang))

    def _repr_html_(self) -> str:
        return self._html(checked_lang(None))

    def _html(self, lang: str) -> str:
        en = lang == "en"
        by_id = {s.traject: s for s in self.schemas}
        rows = [
            (
                g.datum.isoformat(),
                _WEEKDAG[lang][g.datum.isoweekday() - 1],
                g.start.format("HH:mm"),
                by_id[g.traject].lerende,
                by_id[g.traject].werkplek,
                _status_cell(g, lang),
            )
            for g in self.gesprekken
        ]
        if en:
            title = (
                f"Follow-up conversations of {len(self.schemas)} trajecten "
                f"(at most {self.max_per_dag} a day)"
            )
            headers = ("date", "day", "time", "learner", "workplace", "status")
        else:
            title = (
                f"Opvolgingsgesprekken van {len(self.schemas)} trajecten "
                f"(max. {self.max_per_dag} per dag)"
            )
            headers = ("datum", "dag", "uur", "lerende", "werkplek", "status")
        body = f"<h3>{_views.escape(title)}</h3>" + _views.table(headers, rows)
        return _views.view(body + _status_legend(lang), lang)


# --- the planner ----------------------------------------------------------------------

Bestaand = dt.date | dt.datetime
"""A conversation already planned or held: a day, or a day and time."""


class _Bezetting:
    """The visits already on each day, shared by the trajecten of one caseload."""

    def __init__(self, max_per_dag: int, voorkeur: Voorkeur) -> None:
        self.max_per_dag = max_per_dag
        self.voorkeur = voorkeur
        self.times: dict[dt.date, list[dt.time]] = {}

    def vrij(self, day: dt.date) -> bool:
        """Whether a new visit fits: fewer than the most a day, and a start time free."""
        taken = self.times.get(day, [])
        return len(taken) < self.max_per_dag and self.voorkeur.tijdstip(taken) is not None

    def neem(self, day: dt.date, time: dt.time) -> None:
        self.times.setdefault(day, []).append(time)

    def taken(self, day: dt.date) -> list[dt.time]:
        return self.times.get(day, [])


@attrs.frozen
class _Vast:
    datum: pendulum.Date
    start: pendulum.DateTime
    einde: pendulum.DateTime


def _moment(day: dt.date, time: dt.time) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, time.hour, time.minute, tz=TIJDZONE)


def _vast(
    bestaande: Mapping[str, Iterable[Bestaand]], voorkeur: Voorkeur, bezetting: _Bezetting
) -> dict[str, list[_Vast]]:
    """The kept conversations of each traject, registered on their days.

    Those with a time come first, so that those given as a day get a time still free.
    """
    kept: dict[str, list[_Vast]] = {key: [] for key in bestaande}
    given = [(key, value) for key, values in bestaande.items() for value in values]
    for key, value in given:
        if isinstance(value, dt.datetime):
            with _binnen_datums(key, value):
                # A naive time is wall-clock time in Brussels; an aware one is converted.
                start = pendulum.instance(value, tz=TIJDZONE).in_timezone(TIJDZONE)
                found = _Vast(start.date(), start, start + voorkeur.duur)
            bezetting.neem(found.datum, start.time())
            kept[key].append(found)
    for key, value in given:
        if not isinstance(value, dt.datetime):
            time = voorkeur.tijdstip(bezetting.taken(value))
            if time is None:
                raise _vol(key, value, voorkeur, len(bezetting.taken(value)))
            with _binnen_datums(key, value):
                start = _moment(value, time)
                found = _Vast(start.date(), start, start + voorkeur.duur)
            bezetting.neem(found.datum, start.time())
            kept[key].append(found)
    return {key: sorted(found, key=lambda v: v.start) for key, found in kept.items()}


@contextlib.contextmanager
def _binnen_datums(traject: str, value: Bestaand) -> Iterator[None]:
    """Turn a kept conversation whose start or end is no date into a `PlanningError`.

    Near 1 January of year 1 or 31 December 9999 the conversion to Brussels time or the
    end of the conversation can fall outside the dates there are.
    """
    try:
        yield
    except (OverflowError, ValueError):
        raise PlanningError(
            f"traject {shown_id(traject)}: het gesprek van {value.isoformat()} valt buiten de datums "
            f"die bestaan (jaar {dt.MINYEAR} tot {dt.MAXYEAR}, in de tijd van Brussel)",
            f"traject {shown_id(traject)}: the conversation of {value.isoformat()} lies outside the "
            f"dates there are (year {dt.MINYEAR} to {dt.MAXYEAR}, in Brussels time)",
        ) from None


def _vol(traject: str, day: dt.date, voorkeur: Voorkeur, taken: int) -> PlanningError:
    # A conversation already held or planned cannot move; it needs a time of its own.
    times = voorkeur.starturen()
    first, end = times[0].strftime("%H:%M"), voorkeur.einduur.strftime("%H:%M")
    minutes = _duur_minuten(voorkeur.duur)
    return PlanningError(
        f"traject {shown_id(traject)}: het gesprek van {day.isoformat()} krijgt geen uur: die dag "
        f"zijn er al {taken} gesprekken en de {len(times)} beginuren van {first} tot {end} "
        f"(gesprekken van {minutes} minuten) zijn bezet; geef meer beginuren, een kortere "
        "duur, of het uur van de gesprekken",
        f"traject {shown_id(traject)}: the conversation of {day.isoformat()} gets no time: that day "
        f"already has {taken} conversations and the {len(times)} start times from {first} "
        f"to {end} (conversations of {minutes} minutes) are taken; give more start times, "
        "a shorter duration, or the time of the conversations",
    )


class _Planner:
    """Chooses the days of one traject's conversations."""

    def __init__(
        self,
        days: Sequence[pendulum.Date],
        voorkeur: Voorkeur,
        bezetting: _Bezetting,
        vast: list[_Vast],
    ) -> None:
        self.days = days
        self.preferred = {d.isoweekday for d in voorkeur.weekdagen}
        self.bezetting = bezetting
        self.vast = vast
        self.used: set[int] = set()
        self.own: set[dt.date] = {v.datum for v in vast}
        self.slots: list[tuple[str, _Vast | pendulum.Date]] = []
        self.onplanbaar: list[pendulum.Date] = []

    def kies(
        self, lo: dt.date, hi: dt.date, doel: dt.date, *, laatst: bool = False
    ) -> pendulum.Date | None:
        """The best free day from ``lo`` to ``hi``.

        A preferred weekday first, then the closest to ``doel`` (or the latest, for
        ``laatst``), then the earliest.
        """
        best: pendulum.Date | None = None
        best_key: tuple[int, int, int] | None = None
        i = bisect.bisect_left(self.days, lo)
        j = bisect.bisect_right(self.days, hi)
        for day in self.days[i:j]:
            if day in self.own or not self.bezetting.vrij(day):
                continue
            other = int(bool(self.preferred) and day.isoweekday() not in self.preferred)
            distance = -day.toordinal() if laatst else abs(day.toordinal() - doel.toordinal())
            key = (other, distance, day.toordinal())
            if best_key is None or key < best_key:
                best, best_key = day, key
        return best

    def bestaand(self, lo: dt.date, hi: dt.date) -> _Vast | None:
        """The first kept conversation from ``lo`` to ``hi`` not used for a slot yet."""
        for i, kept in enumerate(self.vast):
            if i not in self.used and lo <= kept.datum <= hi:
                self.used.add(i)
                return kept
        return None

    def vul(
        self,
        sleutel: str,
        lo: dt.date,
        hi: dt.date,
        doel: dt.date,
        *,
        laatst: bool = False,
        vanaf: dt.date | None = None,
    ) -> pendulum.Date | None:
        """Fill one slot and return its day, or None when no day is free.

        A kept conversation from ``vanaf`` (by default ``lo``) to ``hi`` fills it, else a new
        day from ``lo`` to ``hi``.
        """
        kept = self.bestaand(vanaf or lo, hi)
        if kept is not None:
            self.slots.append((sleutel, kept))
            return kept.datum
        day = self.kies(lo, hi, doel, laatst=laatst)
        if day is None:
            return None
        self.own.add(day)
        self.slots.append((sleutel, day))
        return day

    def extra(self) -> None:
        for i, kept in enumerate(self.vast):
            if i not in self.used:
                self.slots.append((f"extra-{kept.start.format('YYYY-MM-DD[T]HHmm')}", kept))


def _elke_n_weken(
    p: _Planner,
    cad: ElkeNWeken,
    start: pendulum.Date,
    end: pendulum.Date,
    kalenders: Schoolkalenders,
) -> None:
    step = cad.weken * 7
    half = step // 2
    pointer = start
    k = 0
    while (doel := pointer.add(days=step)) <= end:
        k += 1
        lo = max(pointer.add(days=1), doel.subtract(days=half))
        hi = min(doel.add(days=half), end)
        # A conversation already held or planned after the previous one takes this slot,
        # and the cadence continues from it.
        day = p.vul(f"opvolging-{k:02d}", lo, hi, doel, vanaf=pointer.add(days=1))
        if day is None:
            if kalenders.voor(doel).is_schooldag(doel):
                p.onplanbaar.append(doel)
            pointer = doel
        else:
            pointer = day


def _per_schooljaar(
    p: _Planner,
    cad: PerSchooljaar,
    start: pendulum.Date,
    end: pendulum.Date,
    kalenders: Schoolkalenders,
) -> None:
    for jaar in _schooljaren(start, end):
        first, last = max(start, jaar.start), min(end, jaar.einde)
        candidates = [d for d in p.days if first <= d <= last]
        if not candidates:
            continue
        # A contract that covers part of a school year gets its share of the conversations.
        k = kalenders.voor(jaar)
        share = len(k.schooldagen(first, last)) / max(1, len(k.schooldagen()))
        count = max(1, round(cad.aantal * share))
        n = len(candidates)
        targets = [candidates[min(n - 1, i * n // (count + 1))] for i in range(1, count + 1)]
        bounds = [first.toordinal()]
        for a, b in itertools.pairwise(targets):
            bounds.append((a.toordinal() + b.toordinal()) // 2 + 1)
        bounds.append(last.toordinal() + 1)
        for i, doel in enumerate(targets):
            lo = dt.date.fromordinal(bounds[i])
            hi = dt.date.fromordinal(bounds[i + 1] - 1)
            if lo > hi or p.vul(f"{jaar}/{i + 1:02d}", lo, hi, doel) is None:
                p.onplanbaar.append(doel)


def _voor_ankers(
    p: _Planner,
    cad: VoorAnkers,
    start: pendulum.Date,
    end: pendulum.Date,
    kalenders: Schoolkalenders,
) -> None:
    anchors = sorted(set(cad.datums)) or kalenders.klassenraden(start, _plus_dagen(end, cad.marge))
    if not anchors:
        raise PlanningError(
            f"geen {cad.naam} gekend tussen {start.isoformat()} en {end.isoformat()}: "
            "geef de schoolkalender met de klassenraden, of de datums",
            f"no {cad.naam} known from {start.isoformat()} to {end.isoformat()}: "
            "give the school calendar with the klassenraden, or the dates",
        )
    for anchor in anchors:
        if anchor.toordinal() == 1:
            continue  # no day lies before the first date there is
        lo = max(start, _plus_dagen(anchor, -cad.marge))
        hi = min(end, _plus_dagen(anchor, -1))
        if lo > hi:
            continue
        if p.vul(f"voor-{cad.naam}-{anchor.isoformat()}", lo, hi, hi, laatst=True) is None:
            p.onplanbaar.append(anchor)


def _plan(
    traject: Traject,
    cad: Cadans,
    kalenders: Schoolkalenders,
    voorkeur: Voorkeur,
    vast: list[_Vast],
    periode: tuple[dt.date | None, dt.date | None],
    bezetting: _Bezetting,
    agenda: tuple[str, ...],
) -> Opvolgingsschema:
    contract = traject.overeenkomst
    start = _datum(max(contract.start, periode[0]) if periode[0] is not None else contract.start)
    end = _datum(min(contract.einde, periode[1]) if periode[1] is not None else contract.einde)
    if start > end:
        raise PlanningError(
            f"traject {shown_id(traject.id)}: de planperiode is leeg ({start.isoformat()} na {end.isoformat()})",
            f"traject {shown_id(traject.id)}: the planning period is empty ({start.isoformat()} after {end.isoformat()})",
        )
    try:
        werkdagen = Werkdagen.from_traject(traject, kalenders)
    except WerkdagenError as error:
        # Without its working days the traject cannot be planned: that is the planner's error.
        raise PlanningError(error.message, error.message_en) from error
    days = werkdagen.bezoekdagen(start, end)
    if not days:
        raise PlanningError(
            f"traject {shown_id(traject.id)}: de lerende is van {start.isoformat()} tot {end.isoformat()} "
            "op geen enkele schooldag op de werkplek; er is geen dag voor een bezoek",
            f"traject {shown_id(traject.id)}: from {start.isoformat()} to {end.isoformat()} the learner is "
            "at the workplace on no school day; there is no day for a visit",
        )
    planner = _Planner(days, voorkeur, bezetting, vast)
    if isinstance(cad, ElkeNWeken):
        _elke_n_weken(planner, cad, start, end, kalenders)
    elif isinstance(cad, PerSchooljaar):
        _per_schooljaar(planner, cad, start, end, kalenders)
    else:
        _voor_ankers(planner, cad, start, end, kalenders)
    planner.extra()
    gesprekken = []
    for sleutel, slot in planner.slots:
        if isinstance(slot, _Vast):
            begin, einde, kept = slot.start, slot.einde, True
        else:
            time = voorkeur.tijdstip(bezetting.taken(slot))
            if time is None:  # pragma: no cover - the planner chose a day with a free time
                raise _vol(traject.id, slot, voorkeur, len(bezetting.taken(slot)))
            bezetting.neem(slot, time)
            begin, kept = _moment(slot, time), False
            einde = begin + voorkeur.duur
        gesprekken.append(Gesprek(traject.id, sleutel, begin, einde, kept, agenda))
    gesprekken.sort(key=lambda g: (g.start, g.sleutel))
    werkplek = traject.werkplek.onderneming
    if traject.werkplek.vestiging:
        werkplek = f"{werkplek}, {traject.werkplek.vestiging}"
    return Opvolgingsschema(
        traject=traject.id,
        lerende=traject.lerende.id,
        werkplek=werkplek,
        adres=traject.werkplek.adres,
        genodigden=_genodigden(traject),
        cadans=cad,
        start=start,
        einde=end,
        gesprekken=tuple(gesprekken),
        onplanbaar=tuple(sorted(set(planner.onplanbaar))),
        werkplekdagen=werkdagen.werkplekdagen(start, end),
    )


def vastgelegde_dagen(traject: Traject) -> list[pendulum.Date]:
    """The days of the conversations the traject records, except the cancelled ones.

    A plan keeps these: they are planned or held already (``al vastgelegd``).
    """
    return [
        g.datum for g in traject.opvolgingsgesprekken if g.status is not Gespreksstatus.GEANNULEERD
    ]


def _cadans_voor(traject: Traject, cadans: Cadans | None) -> Cadans:
    if cadans is not None:
        return cadans
    weeks = traject.afspraken.opvolging_weken
    if weeks is None:
        raise PlanningError(
            f"traject {shown_id(traject.id)}: geen cadans gegeven of afgesproken "
            "(afspraken.opvolging_weken); geef er een, zoals elke 6 weken",
            f"traject {shown_id(traject.id)}: no cadence given or agreed "
            "(afspraken.opvolging_weken); give one, such as every 6 weeks",
        )
    if weeks > MAX_CADANS:
        raise PlanningError(
            f"traject {shown_id(traject.id)}: de afgesproken cadans van {weeks} weken "
            f"(afspraken.opvolging_weken) is langer dan {MAX_CADANS} weken; geef een cadans",
            f"traject {shown_id(traject.id)}: the agreed cadence of {weeks} weeks "
            f"(afspraken.opvolging_weken) is longer than {MAX_CADANS} weeks; give a cadence",
        )
    return ElkeNWeken(weeks)


def plan_opvolging(
    traject: Traject,
    cadans: Cadans | None = None,
    *,
    kalender: KalenderArg = None,
    voorkeur: Voorkeur | None = None,
    bestaande: Iterable[Bestaand] | None = None,
    start: dt.date | None = None,
    einde: dt.date | None = None,
    agenda: Sequence[str] = STANDAARDAGENDA,
) -> Opvolgingsschema:
    """Plan the follow-up conversations of one traject.

    Conversations fall on days the learner is at the workplace and the school is open
    (`duaal_leren.werkdagen.bezoekdagen`): never in a vacation, on a legal holiday, on another day off or study day
    of the school, or on a school day of the learner. Conversations already planned or held
    are kept as they are and fill the slot of the cadence they fall in. The same input always
    gives the same plan.

    Args:
        traject: The traject.
        cadans: How often: `ElkeNWeken`, `PerSchooljaar` or `VoorAnkers`; by default every
            so many weeks as the traject's agreements say (``afspraken.opvolging_weken``).
        kalender: The school calendar(s); by default the law's calendar of each school year.
        voorkeur: Preferred weekdays, start times and duration.
        bestaande: Conversations already planned or held: days, or days and times (a naive
            time is Brussels time); by default those the traject records, except the
            cancelled ones. Pass ``()`` to plan as if none were.
        start: The first day of the plan; by default the contract's start.
        einde: The last day of the plan; by default the contract's end.
        agenda: The agenda of each proposed conversation.

    Raises:
        PlanningError: The traject has no weekly pattern, the period is empty, the learner
            has no workplace day on which the school is open, anchors are missing, no
            cadence is given or agreed, a conversation given as a day finds no start time
            free that day (give its time, or more start times), or a kept conversation
            starts or ends outside the dates there are (year 1 to 9999).
        KalenderError: A day of the period lies in a school year the calendar does not
            cover (`duaal_leren.kalender.EERSTE_SCHOOLJAAR` to `LAATSTE_SCHOOLJAAR`).

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> schema = plan_opvolging(traject, PerSchooljaar(3), bestaande=[pendulum.date(2025, 11, 20)])
        >>> [(g.datum.isoformat(), g.bestaand) for g in schema.gesprekken]
        [('2025-11-20', True), ('2026-01-29', False), ('2026-04-23', False)]
    """
    voorkeur = voorkeur or Voorkeur()
    # One traject has one visit a day at most; the start times of a day still bound it.
    bezetting = _Bezetting(1 << 30, voorkeur)
    given = vastgelegde_dagen(traject) if bestaande is None else bestaande
    vast = _vast({traject.id: given}, voorkeur, bezetting)[traject.id]
    cad = _cadans_voor(traject, cadans)
    kalenders = schoolkalenders(kalender)
    periode = (start, einde)
    return _plan(traject, cad, kalenders, voorkeur, vast, periode, bezetting, tuple(agenda))


def plan_caseload(
    trajecten: Iterable[Traject],
    cadans: Cadans | None = None,
    *,
    max_per_dag: int = 2,
    kalender: KalenderArg = None,
    voorkeur: Voorkeur | None = None,
    bestaande: Mapping[str, Sequence[Bestaand]] | None = None,
    start: dt.date | None = None,
    einde: dt.date | None = None,
    agenda: Sequence[str] = STANDAARDAGENDA,
) -> Caseload:
    """Plan the follow-up conversations of many trajecten, at most ``max_per_dag`` a day.

    The trajecten are planned one after the other in order of their id, each on the days
    that still have room; conversations already planned or held take their place first.

    Args:
        trajecten: The trajecten of the caseload.
        cadans: How often, for every traject; by default each traject's agreed cadence.
        max_per_dag: The most visits on one day.
        kalender: The school calendar(s); by default the law's calendar of each school year.
        voorkeur: Preferred weekdays, start times and duration.
        bestaande: Conversations already planned or held, by traject id; a traject not in
            it keeps the conversations it records, except the cancelled ones.
        start: The first day of the plan; by default each contract's start.
        einde: The last day of the plan; by default each contract's end.
        agenda: The agenda of each proposed conversation.

    Raises:
        PlanningError: As `plan_opvolging`, for any traject (the start times of a day are
            shared by the whole caseload); or ``max_per_dag`` is below 1, or two trajecten
            have the same id.
    """
    if max_per_dag < 1:
        raise PlanningError(
            f"max_per_dag moet minstens 1 zijn, niet {max_per_dag}",
            f"max_per_dag must be at least 1, not {max_per_dag}",
        )
    ordered = sorted(trajecten, key=lambda t: t.id)
    ids = [t.id for t in ordered]
    for a, b in itertools.pairwise(ids):
        if a == b:
            raise PlanningError(
                f"traject {shown_id(a)} komt twee keer voor", f"traject {shown_id(a)} occurs twice"
            )
    voorkeur = voorkeur or Voorkeur()
    # Made once: a calendar given as an iterator is read once, and serves every traject.
    kalenders = schoolkalenders(kalender)
    bezetting = _Bezetting(max_per_dag, voorkeur)
    given = bestaande or {}
    kept = _vast(
        {t.id: given[t.id] if t.id in given else vastgelegde_dagen(t) for t in ordered},
        voorkeur,
        bezetting,
    )
    cadansen = {t.id: _cadans_voor(t, cadans) for t in ordered}
    periode = (start, einde)
    schemas = tuple(
        _plan(t, cadansen[t.id], kalenders, voorkeur, kept[t.id], periode, bezetting, tuple(agenda))
        for t in ordered
    )
    return Caseload(schemas, max_per_dag)
