"""An overview across learners: a cohort of trajecten and its learner x competence matrix.

A `Cohort` is a collection of trajecten, read from a directory of traject files, and
filtered by school, mentor, trajectbegeleider or course. Its `Matrix` holds the current level
of every competence of every learner (by the roll-up rule of `duaal_leren.voortgang`), and
exports as CSV, as a self-contained HTML page, and as a pandas DataFrame when pandas is
installed (the ``pandas`` extra: ``pip install 'duaal-leren[pandas]'``).

Example:
    >>> from duaal_leren.cohort import Cohort
    >>> cohort = Cohort.load("examples/traject-lotte.yaml", "examples/traject-milan.yaml")
    >>> [t.lerende.id for t in cohort]
    ['LRN-2025-0042', 'LRN-2025-0057']
    >>> matrix = cohort.matrix(today="2026-03-01")
    >>> matrix.cel("LRN-2025-0042", "ELT-03").niveau
    3
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pendulum

from duaal_leren import _views
from duaal_leren._export import (
    Cell,
    CsvAndHtmlFiles,
    csv_text,
    html_page,
    html_table,
    level_colour,
    require,
)
from duaal_leren._files import collector_paused, document_files
from duaal_leren._validators import as_day
from duaal_leren.exceptions import (
    DocumentError,
    DuaalLerenError,
    FieldError,
    Problem,
    checked_lang,
    shown_id,
)
from duaal_leren.opvolging import Beheersingsschaal
from duaal_leren.traject import Traject
from duaal_leren.voortgang import (
    RISICODREMPEL,
    Risico,
    Rollup,
    Status,
    TrajectVoortgang,
)

if TYPE_CHECKING:
    import pandas

__all__ = ["Cel", "Cohort", "CohortError", "Matrix"]


class CohortError(DuaalLerenError, ValueError):
    """Files of a cohort could not be read as trajecten.

    Every file is tried; the errors of all files that failed are raised together.

    Attributes:
        errors: The error of each file that failed, in file order.
    """

    def __init__(self, errors: Iterable[DocumentError]) -> None:
        self.errors = tuple(errors)
        # `text(lang)` gives every file's problems, in Dutch (``nl``) or English (``en``).
        super().__init__(
            "\n".join(error.text("nl") for error in self.errors),
            "\n".join(error.text("en") for error in self.errors),
        )


def _files_of(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files a cohort reads: those named, and the traject files in the directories."""
    return [path for path, _ in document_files(paths, "traject")]


def _twice(files: Sequence[Path], trajecten: Sequence[Traject]) -> list[DocumentError]:
    """An error for each traject whose id an earlier file already had."""
    first: dict[str, Path] = {}
    errors = []
    for path, traject in zip(files, trajecten, strict=True):
        if traject.id not in first:
            first[traject.id] = path
            continue
        errors.append(
            DocumentError(
                str(path),
                [
                    Problem(
                        "$.id",
                        f"traject {shown_id(traject.id)} komt twee keer voor (ook in {first[traject.id]})",
                        f"traject {shown_id(traject.id)} occurs twice (also in {first[traject.id]})",
                        "dubbel-traject",
                    )
                ],
            )
        )
    return errors


def _norm(text: str | None) -> str | None:
    return " ".join(text.casefold().split()) if text is not None else None


@attrs.frozen
class Cohort:
    """A collection of trajecten, for an overview across learners.

    Attributes:
        trajecten: The trajecten, in the order they were read.
    """

    trajecten: tuple[Traject, ...] = ()

    @classmethod
    @collector_paused()
    def load(cls, *paths: str | os.PathLike[str]) -> Cohort:
        """Read trajecten from files and directories.

        A directory is searched recursively for ``*.yaml``, ``*.yml`` and ``*.json`` files
        that declare ``schema: duaal-leren/traject@...``; hidden files and folders, and other
        documents such as standard plans, are skipped. A file named explicitly must be a
        traject. A traject (by its id) may occur once.

        Raises:
            CohortError: One or more files could not be read as a traject, or hold a
                traject read already; all are reported together.
        """
        from duaal_leren.documents import load_traject

        errors: list[DocumentError] = []
        # An empty name is a mistake (an unset variable), not the current folder.
        for name in paths:
            if not os.fspath(name):
                try:
                    load_traject("")
                except DocumentError as exc:
                    errors.append(exc)
        files = _files_of(name for name in paths if os.fspath(name))
        read: list[Path] = []
        trajecten: list[Traject] = []
        for path in files:
            try:
                trajecten.append(load_traject(path))
                read.append(path)
            except DocumentError as exc:
                errors.append(exc)
        errors.extend(_twice(read, trajecten))
        if errors:
            raise CohortError(errors)
        return cls(tuple(trajecten))

    def __iter__(self) -> Iterator[Traject]:
        return iter(self.trajecten)

    def __repr__(self) -> str:
        return _views.named_repr(
            "Cohort", trajecten=len(self.trajecten), ids=[t.id for t in self.trajecten[:5]]
        )

    def _repr_html_(self) -> str:
        return self._html(checked_lang(None))

    def _html(self, lang: str, limit: int = 100) -> str:
        """A table of the trajecten, at most ``limit`` rows (a note says how many more)."""
        en = lang == "en"
        headers = (
            ("traject", "learner", "course", "school", "workplace", "contract", "held", "competences")
            if en
            else ("traject", "lerende", "opleiding", "school", "werkplek", "overeenkomst", "gehouden", "competenties")
        )  # fmt: skip
        rows = [
            (
                t.id,
                t.lerende.id,
                t.opleidingsplan.opleiding,
                t.school.naam,
                t.werkplek.onderneming,
                f"{t.overeenkomst.start.isoformat()} – {t.overeenkomst.einde.isoformat()}",
                sum(1 for g in t.opvolgingsgesprekken if g.gehouden),
                len(t.opleidingsplan.competenties),
            )
            for t in self.trajecten[:limit]
        ]
        title = f"Cohort: {len(self.trajecten)} trajecten"
        body = f"<h3>{_views.escape(title)}</h3>" + _views.table(headers, rows)
        if len(self.trajecten) > limit:
            rest = len(self.trajecten) - limit
            more = f"and {rest} more" if en else f"en nog {rest}"
            body += f'<p class="dl-muted">{_views.escape(more)}</p>'
        hint = (
            "The matrix of levels: cohort.matrix(today=...)"
            if en
            else "Het overzicht van de niveaus: cohort.matrix(today=...)"
        )
        return _views.view(body + f'<p class="dl-muted">{_views.escape(hint)}</p>', lang)

    def __len__(self) -> int:
        return len(self.trajecten)

    def filter(
        self,
        *,
        school: str | None = None,
        mentor: str | None = None,
        trajectbegeleider: str | None = None,
        opleiding: str | None = None,
    ) -> Cohort:
        """The trajecten that match every criterion given.

        Names are compared without regard to case and extra white space.

        Args:
            school: The school's name or instellingsnummer.
            mentor: The mentor's name.
            trajectbegeleider: The trajectbegeleider's name.
            opleiding: The course's name, or the id of its standard plan.

        Example:
            >>> from duaal_leren.cohort import Cohort
            >>> cohort = Cohort.load("examples")
            >>> [t.id for t in cohort.filter(mentor="koen vermeulen")]
            ['TRJ-2025-0042']
        """
        wanted = {
            "school": _norm(school),
            "mentor": _norm(mentor),
            "trajectbegeleider": _norm(trajectbegeleider),
            "opleiding": _norm(opleiding),
        }

        def matches(traject: Traject) -> bool:
            begeleider = traject.school.trajectbegeleider
            values = {
                "school": {_norm(traject.school.naam), _norm(traject.school.instellingsnummer)},
                "mentor": {_norm(traject.mentor.naam if traject.mentor else None)},
                "trajectbegeleider": {_norm(begeleider.naam if begeleider else None)},
                "opleiding": {
                    _norm(traject.opleidingsplan.opleiding),
                    _norm(traject.opleidingsplan.standaardplan.id),
                },
            }
            return all(want is None or want in values[key] for key, want in wanted.items())

        return Cohort(tuple(t for t in self.trajecten if matches(t)))

    def voortgang(
        self,
        *,
        today: pendulum.Date | str | None = None,
        rollup: Rollup | None = None,
        risicodrempel: float = RISICODREMPEL,
    ) -> tuple[TrajectVoortgang, ...]:
        """The progress of every traject on one day; see `TrajectVoortgang.from_traject`."""
        day = as_day(today)
        return tuple(
            TrajectVoortgang.from_traject(t, today=day, rollup=rollup, risicodrempel=risicodrempel)
            for t in self.trajecten
        )

    def matrix(
        self,
        *,
        today: pendulum.Date | str | None = None,
        rollup: Rollup | None = None,
        risicodrempel: float = RISICODREMPEL,
    ) -> Matrix:
        """The learner x competence matrix of current levels on one day.

        Args:
            today: The day (default: the current date in Europe/Brussels).
            rollup: The roll-up rule (default: `Rollup()`).
            risicodrempel: The risk threshold, in percentage points.
        """
        day = as_day(today)
        return Matrix.from_items(
            self.voortgang(today=day, rollup=rollup, risicodrempel=risicodrempel), day
        )


@attrs.frozen
class Cel:
    """One cell of the matrix: where one learner stands on one competence.

    Attributes:
        status: Mastered, in progress or not started; ``None`` when the competence is not
            in this learner's plan.
        niveau: The current level, if rated.
        label: The level's label on the learner's scale.
        fractie: Where the level lies on the learner's scale, from 0.0 to 1.0.
        startcompetentie: Mastered at the start of the traject.
        achterstallig: Its termijn has passed and it is not mastered.
        zelfevaluatie: The learner's latest self-assessment, shown apart.
    """

    status: Status | None = None
    niveau: int | None = None
    label: str | None = None
    fractie: float | None = None
    startcompetentie: bool = False
    achterstallig: bool = False
    zelfevaluatie: int | None = None

    @property
    def in_plan(self) -> bool:
        """Whether the competence is in the learner's plan."""
        return self.status is not None

    @property
    def text(self) -> str:
        """The cell as written in CSV.

        The level; ``S`` for a startcompetentie without a rating; empty when not rated;
        ``-`` when not in the plan.
        """
        if self.status is None:
            return "-"
        if self.niveau is not None:
            return str(self.niveau)
        return "S" if self.startcompetentie else ""


_NOT_IN_PLAN = Cel()


@attrs.frozen
class Matrix(CsvAndHtmlFiles):
    """The learner x competence matrix of a cohort on one day.

    Rows are learners (by pseudonymous id), columns competence codes: the codes of every
    plan, in the order they first appear.

    Attributes:
        datum: The day.
        lerenden: The learners' ids, one per row.
        trajecten: The trajecten's ids, one per row.
        competenties: The competence codes, one per column.
        cellen: The cells, row by row.
        risico: The risk flag of each row's traject.
        schaal: The scale of every traject when they share one; ``None`` when they differ
            (compare ``fractie`` then).
        omschrijvingen: The description of each competence code, as in the first plan
            that holds it; empty when the matrix was made without them.
    """

    datum: pendulum.Date
    lerenden: tuple[str, ...]
    trajecten: tuple[str, ...]
    competenties: tuple[str, ...]
    cellen: tuple[tuple[Cel, ...], ...]
    risico: tuple[Risico, ...]
    schaal: Beheersingsschaal | None
    omschrijvingen: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return _views.named_repr(
            "Matrix",
            datum=self.datum.isoformat(),
            lerenden=len(self.lerenden),
            competenties=len(self.competenties),
            risico=sum(1 for r in self.risico if r.vlag),
        )

    def omschrijving(self, code: str) -> str | None:
        """The description of a competence code, when the matrix holds it."""
        if not self.omschrijvingen:
            return None
        return dict(zip(self.competenties, self.omschrijvingen, strict=True)).get(code)

    @classmethod
    def from_items(cls, items: Sequence[TrajectVoortgang], datum: pendulum.Date) -> Matrix:
        """Build the matrix from the progress of each traject."""
        codes: dict[str, str] = {}
        for v in items:
            for item in v.competenties:
                codes.setdefault(item.code, item.competentie.omschrijving)
        columns = tuple(codes)
        rows = []
        for v in items:
            by_code = {
                item.code: Cel(
                    status=item.status,
                    niveau=item.niveau,
                    label=item.label,
                    fractie=v.schaal.fractie(item.niveau) if item.niveau is not None else None,
                    startcompetentie=item.startcompetentie,
                    achterstallig=item.achterstallig,
                    zelfevaluatie=item.zelfevaluatie.niveau if item.zelfevaluatie else None,
                )
                for item in v.competenties
            }
            rows.append(tuple(by_code.get(code, _NOT_IN_PLAN) for code in columns))
        scales = {v.schaal for v in items}
        return cls(
            datum=datum,
            lerenden=tuple(v.lerende for v in items),
            trajecten=tuple(v.traject for v in items),
            competenties=columns,
            cellen=tuple(rows),
            risico=tuple(v.risico for v in items),
            schaal=scales.pop() if len(scales) == 1 else None,
            omschrijvingen=tuple(codes.values()),
        )

    def cel(self, lerende: str, competentie: str) -> Cel:
        """The cell of a learner (the first row with this id) and a competence code.

        Raises:
            KeyError: No such learner or competence.
        """
        try:
            row = self.lerenden.index(lerende)
            column = self.competenties.index(competentie)
        except ValueError:
            raise KeyError((lerende, competentie)) from None
        return self.cellen[row][column]

    @property
    def header(self) -> tuple[str, ...]:
        """The CSV header: ``lerende``, ``traject``, then the competence codes."""
        return ("lerende", "traject", *self.competenties)

    def rows(self) -> list[list[str]]:
        """The rows as written in CSV: learner id, traject id, then each cell's `Cel.text`."""
        return [
            [lerende, traject, *(cel.text for cel in row)]
            for lerende, traject, row in zip(
                self.lerenden, self.trajecten, self.cellen, strict=True
            )
        ]

    def csv(self, delimiter: str = ",") -> str:
        """The matrix as CSV text (cells as in `Cel.text`); the same as ``to_csv()``."""
        return csv_text(self.header, self.rows(), delimiter)

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for JSON: the day, the columns and per learner the levels."""
        return {
            "datum": self.datum.isoformat(),
            "competenties": list(self.competenties),
            "lerenden": [
                {
                    "lerende": lerende,
                    "traject": traject,
                    "risico": risico.vlag,
                    "niveaus": {
                        code: cel.niveau
                        for code, cel in zip(self.competenties, row, strict=True)
                        if cel.in_plan
                    },
                    "status": {
                        code: cel.status.value
                        for code, cel in zip(self.competenties, row, strict=True)
                        if cel.status is not None
                    },
                }
                for lerende, traject, risico, row in zip(
                    self.lerenden, self.trajecten, self.risico, self.cellen, strict=True
                )
            ],
        }

    def text(self, lang: str | None = None) -> str:
        """The matrix as a text table, for a terminal: cells as in the CSV."""
        lang = checked_lang(lang)
        header = self.header
        rows = self.rows()
        widths = [max(len(str(r[i])) for r in [list(header), *rows]) for i in range(len(header))]
        lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
        for row, risico in zip(rows, self.risico, strict=True):
            text = "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
            lines.append(text + ("  !" if risico.vlag else ""))
        legend = (
            "S = startcompetentie, empty = not rated, - = not in the plan, ! = at risk"
            if lang == "en"
            else "S = startcompetentie, leeg = niet beoordeeld, - = niet in het plan, ! = risico"
        )
        lines.append(legend)
        for lerende, risico in zip(self.lerenden, self.risico, strict=True):
            if risico.vlag:
                lines.append(f"! {lerende}: {risico.text(lang)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def html(self, lang: str | None = None) -> str:
        """The matrix as a self-contained HTML page: colours by level, text escaped."""
        lang = checked_lang(lang)
        title = (
            f"Learner x competence matrix on {self.datum}"
            if lang == "en"
            else f"Overzicht lerenden x competenties op {self.datum}"
        )
        return html_page(title, f"<h1>{escape(title)}</h1>\n{self._table(lang)}", lang)

    def _repr_html_(self) -> str:
        lang = checked_lang(None)
        title = (
            f"Learner x competence matrix on {self.datum}"
            if lang == "en"
            else f"Overzicht lerenden x competenties op {self.datum}"
        )
        return _views.view(f"<h3>{escape(title)}</h3>{self._table(lang)}", lang)

    def _table(self, lang: str) -> str:
        en = lang == "en"
        rows = []
        for lerende, traject, risico, row in zip(
            self.lerenden, self.trajecten, self.risico, self.cellen, strict=True
        ):
            reason = escape(risico.text(lang))
            flag = f' <span class="risico" title="{reason}">!</span>' if risico.vlag else ""
            # An id breaks at its hyphens in a narrow window ("LRN- / 2025- / 0042"): it
            # keeps to one line, in the page and in a notebook alike (an inline style).
            name = Cell(
                f"{escape(lerende)}{flag}", f'{_NOWRAP} title="{escape(traject)}"', header=True
            )
            rows.append(
                [
                    name,
                    *(
                        _html_cell(code, cel, en)
                        for code, cel in zip(self.competenties, row, strict=True)
                    ),
                ]
            )
        headers: list[str | Cell] = [Cell("learner" if en else "lerende", _NOWRAP, header=True)]
        for code in self.competenties:
            about = self.omschrijving(code)
            tip = f' title="{escape(about)}"' if about else ""
            # Competence codes may break: 28 columns of unbroken codes no longer fit on A4.
            headers.append(Cell(escape(code), f'scope="col"{tip}', header=True))
        risks = [
            f"<li><strong>{escape(lerende)}</strong>: {escape(risico.text(lang))}</li>"
            for lerende, risico in zip(self.lerenden, self.risico, strict=True)
            if risico.vlag
        ]
        at_risk = ""
        if risks:
            at_risk = (
                f'<p><span class="risico">!</span> {"at risk" if en else "risico"}:</p>'
                f'<ul class="risicos">{"".join(risks)}</ul>'
            )
        return html_table(headers, rows) + "\n" + _legend(self.schaal, en) + at_risk

    def to_dataframe(self, waarde: Literal["niveau", "status"] = "niveau") -> pandas.DataFrame:
        """The matrix as a pandas DataFrame: one row per learner, one column per competence.

        Needs pandas (the ``pandas`` extra).

        Args:
            waarde: ``"niveau"`` for the levels (nullable integers, ``<NA>`` when not rated
                or not in the plan); ``"status"`` for ``beheerst``, ``bezig`` or
                ``niet-gestart`` (``<NA>`` when not in the plan).

        Raises:
            MissingDependencyError: pandas is not installed (a `ModuleNotFoundError`).
            FieldError: ``waarde`` is neither (a `ValueError`).
        """
        require("pandas", "pandas")
        import pandas as pd

        index = pd.Index(list(self.lerenden), name="lerende")
        columns = pd.Index(list(self.competenties), name="competentie")
        if waarde == "niveau":
            levels = [[cel.niveau for cel in row] for row in self.cellen]
            return pd.DataFrame(levels, index=index, columns=columns, dtype="Int64")
        if waarde == "status":
            statuses = [
                [cel.status.value if cel.status is not None else None for cel in row]
                for row in self.cellen
            ]
            return pd.DataFrame(statuses, index=index, columns=columns, dtype="string")
        raise FieldError(
            "waarde",
            f"kies 'niveau' of 'status', niet {waarde!r}",
            f"choose 'niveau' or 'status', not {waarde!r}",
        )


_NOWRAP = 'style="white-space: nowrap"'


def _html_cell(code: str, cel: Cel, en: bool) -> Cell:
    if cel.status is None:
        return Cell("-", f'class="cel buiten-plan" title="{escape(code)}"')
    classes = ["cel", cel.status.value]
    if cel.achterstallig:
        classes.append("achterstallig")
    tip = [code]
    if cel.label:
        tip.append(cel.label)
    if cel.startcompetentie:
        tip.append("startcompetentie")
    if cel.zelfevaluatie is not None:
        tip.append(f"{'self-assessment' if en else 'zelfevaluatie'} {cel.zelfevaluatie}")
    if cel.achterstallig:
        tip.append("overdue" if en else "achterstallig")
    style = f' style="background:{level_colour(cel.fractie)}"' if cel.fractie is not None else ""
    return Cell(
        escape(cel.text), f'class="{" ".join(classes)}"{style} title="{escape(": ".join(tip))}"'
    )


def _legend(schaal: Beheersingsschaal | None, en: bool) -> str:
    items = []
    if schaal is not None:
        for n in schaal.niveaus:
            items.append(
                f'<li><span style="background:{level_colour(schaal.fractie(n.waarde))}"></span>'
                f"{n.waarde} {escape(n.label)}</li>"
            )
    items += [
        '<li><span class="beheerst"></span>S startcompetentie</li>',
        f'<li><span class="niet-gestart"></span>{"not rated" if en else "niet beoordeeld"}</li>',
        f'<li><span class="buiten-plan"></span>- {"not in the plan" if en else "niet in het plan"}</li>',
        f'<li><span class="achterstallig"></span>{"overdue" if en else "achterstallig"}</li>',
        '<li><strong class="risico">!</strong>&nbsp;'
        + (
            "at risk: time runs ahead of mastery (see below)"
            if en
            else "risico: de tijd loopt voor op wat beheerst is (zie onder)"
        )
        + "</li>",
    ]
    return '<ul class="legende">' + "".join(items) + "</ul>"
