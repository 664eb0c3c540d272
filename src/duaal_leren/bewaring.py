"""Retention (bewaring): how long the school keeps a document, and which are past their date.

A `Bewaarbeleid` (retention policy) gives per document kind a period (`Bewaartermijn`) after
an anchor: a traject is kept for a period after the end of its contract
(``overeenkomst.einde``); a conversation record for a period after the day of the
conversation (``datum``), an attendance record (``aanwezigheden``) after its last recorded
day (``laatste-dag``), either of them also after the end of the contract of its traject
when that traject is known. The period is the school's decision: the library has no
default, and presents none as law. A policy comes from code or from the settings of a
repository::

    [tool.duaal-leren.bewaring]
    traject = { jaren = 5 }
    gespreksverslag = { jaren = 5, na = "einde-overeenkomst" }
    aanwezigheden = { jaren = 5 }

`expired` lists the files past their date, and those whose date it cannot determine (their
traject is not among the files): a record is never dropped from the list in silence.
`delete` removes files, after checking that every one of them can be removed. The rule ``bewaring-voorbij`` of `duaal_leren.validate` warns
about a document past its date while a policy is set (`retention_policy`).

References:
    GDPR (Regulation (EU) 2016/679) art. 5(1)(e): storage limitation, no longer than needed.
    privacyopschool.katholiekonderwijs.vlaanderen, "Hoe lang moeten de dossiers van de
        leerlingen bewaard worden?" (checked 5/09/2018): education law sets how long some
        documents must at least be kept, privacy law that they are kept no longer than
        needed; it refers to omzendbrief SO/2003/02 for the periods of documents about
        pupils. No source found states a period for the documents of dual learning.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pendulum

from duaal_leren._files import document_files
from duaal_leren._validators import as_day, at_least, typed_fields
from duaal_leren.aanwezigheid import Aanwezigheden
from duaal_leren.documents import kind_of, load
from duaal_leren.exceptions import FieldError, WriteError, excerpt
from duaal_leren.gespreksverslag import Gespreksverslag
from duaal_leren.traject import Traject

__all__ = [
    "Anker",
    "Bewaarbeleid",
    "Bewaartermijn",
    "Deletion",
    "Expired",
    "Retention",
    "Undetermined",
    "active_policy",
    "delete",
    "expired",
    "retention_policy",
]


class Anker(enum.Enum):
    """What a retention period counts from."""

    EINDE_OVEREENKOMST = "einde-overeenkomst"
    """The last day of the contract (``overeenkomst.einde`` of the traject)."""
    DATUM = "datum"
    """The day of the conversation (``datum`` of a conversation record)."""
    LAATSTE_DAG = "laatste-dag"
    """The last day an attendance record holds (the latest ``datum`` of its ``dagen``)."""


# The anchors each kind can count from; the first is the default.
_ANCHORS: dict[str, tuple[Anker, ...]] = {
    "traject": (Anker.EINDE_OVEREENKOMST,),
    "gespreksverslag": (Anker.DATUM, Anker.EINDE_OVEREENKOMST),
    "aanwezigheden": (Anker.LAATSTE_DAG, Anker.EINDE_OVEREENKOMST),
}
_KINDS = (Traject, Gespreksverslag, Aanwezigheden)


@attrs.frozen
class _Unknown:
    """Why a document with a period has no date: its traject is missing, or its days."""

    traject: str | None
    message: str
    message_en: str


@attrs.frozen(field_transformer=typed_fields)
class Bewaartermijn:
    """A retention period: years, months and days after an anchor.

    Attributes:
        jaren: Years.
        maanden: Months.
        dagen: Days.
        na: What the period counts from.

    Example:
        >>> import pendulum
        >>> from duaal_leren.bewaring import Bewaartermijn
        >>> Bewaartermijn(jaren=5).na_dag(pendulum.date(2026, 6, 30))
        Date(2031, 6, 30)
    """

    jaren: int = attrs.field(default=0, validator=at_least(0))
    maanden: int = attrs.field(default=0, validator=at_least(0))
    dagen: int = attrs.field(default=0, validator=at_least(0))
    na: Anker = Anker.EINDE_OVEREENKOMST

    def na_dag(self, anker: pendulum.Date) -> pendulum.Date:
        """The last day to keep a document whose anchor is ``anker``."""
        return anker.add(years=self.jaren, months=self.maanden, days=self.dagen)


def _fail(where: str, nl: str, en: str) -> FieldError:
    return FieldError(where, nl, en)


@attrs.frozen
class Bewaarbeleid:
    """A school's retention policy: a period per document kind.

    Attributes:
        termijnen: The period of each kind (``traject``, ``gespreksverslag``,
            ``aanwezigheden``); a kind without one is kept as long as the school likes.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.bewaring import Bewaarbeleid
        >>> beleid = Bewaarbeleid.from_dict({"traject": {"jaren": 5}})
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> beleid.vervaldatum(traject)
        Date(2031, 6, 30)
        >>> beleid.voorbij(traject, "2031-07-01"), beleid.voorbij(traject, "2031-06-30")
        (True, False)
    """

    termijnen: Mapping[str, Bewaartermijn] = attrs.field(factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "bewaring") -> Bewaarbeleid:
        """The policy of a settings table such as ``[tool.duaal-leren.bewaring]``.

        Args:
            data: Per kind a table with ``jaren``, ``maanden``, ``dagen`` (whole numbers,
                not negative) and optionally ``na``: ``einde-overeenkomst`` (the only one,
                and the default, for a traject), ``datum`` (the default for a
                conversation record) or ``laatste-dag`` (the default for an attendance
                record).
            where: The name of the table, for the messages.

        Raises:
            FieldError: A kind, a key or a value is unknown or wrong.
        """
        if not isinstance(data, Mapping):
            raise _fail(where, "verwacht een tabel per documentsoort", "expected a table per kind")
        termijnen: dict[str, Bewaartermijn] = {}
        for kind, table in data.items():
            here = f"{where}.{kind}"
            if kind not in _ANCHORS:
                known = ", ".join(_ANCHORS)
                raise _fail(
                    here,
                    f"geen documentsoort met een bewaartermijn; kies uit {known}",
                    f"no document kind with a retention period; choose from {known}",
                )
            if not isinstance(table, Mapping):
                raise _fail(
                    here,
                    "verwacht een tabel, zoals { jaren = 5 }",
                    "expected a table, such as { jaren = 5 }",
                )
            unknown = sorted(set(table) - {"jaren", "maanden", "dagen", "na"})
            if unknown:
                raise _fail(
                    here,
                    f"onbekende sleutel(s) {', '.join(map(excerpt, unknown))}; gekend zijn jaren, maanden, dagen, na",
                    f"unknown key(s) {', '.join(map(excerpt, unknown))}; known are jaren, maanden, dagen, na",
                )
            numbers = {k: table.get(k, 0) for k in ("jaren", "maanden", "dagen")}
            for key, value in numbers.items():
                if type(value) is not int or value < 0:
                    raise _fail(
                        f"{here}.{key}",
                        f"verwacht een geheel getal vanaf 0, niet {excerpt(value)}",
                        f"expected a whole number from 0, not {excerpt(value)}",
                    )
            if not any(numbers.values()):
                raise _fail(here, "de termijn is leeg", "the period is empty")
            anchors = _ANCHORS[kind]
            anchor_text = table.get("na", anchors[0].value)
            allowed = [a.value for a in anchors]
            if anchor_text not in allowed:
                raise _fail(
                    f"{here}.na",
                    f"kies uit {', '.join(allowed)}",
                    f"choose from {', '.join(allowed)}",
                )
            termijnen[kind] = Bewaartermijn(**numbers, na=Anker(anchor_text))
        return cls(termijnen)

    def vervaldatum(
        self, document: object, trajecten: Mapping[str, Traject] | None = None
    ) -> pendulum.Date | None:
        """The last day to keep ``document``, or ``None`` when there is none.

        ``None`` when the policy sets no period for its kind, and when the date cannot be
        determined: a record counted from the end of its traject's contract without that
        traject, an attendance record without days. `expired` tells these apart.

        Args:
            document: A `Traject`, a `Gespreksverslag` or an `Aanwezigheden`; other kinds
                have no period.
            trajecten: Trajecten by id, for a record counted from the end of the contract
                of its traject.
        """
        date, _ = self._dated(document, trajecten)
        return date

    def _dated(
        self, document: object, trajecten: Mapping[str, Traject] | None
    ) -> tuple[pendulum.Date | None, _Unknown | None]:
        """The last day to keep ``document``, or why a document with a period has none."""
        if not isinstance(document, _KINDS):
            return None, None
        termijn = self.termijnen.get(kind_of(document).name)
        if termijn is None:
            return None, None
        if isinstance(document, Traject):
            return termijn.na_dag(document.overeenkomst.einde), None
        if termijn.na is Anker.DATUM and isinstance(document, Gespreksverslag):
            return termijn.na_dag(document.datum), None
        if termijn.na is Anker.LAATSTE_DAG and isinstance(document, Aanwezigheden):
            if not document.dagen:
                return None, _Unknown(
                    None,
                    "het register bevat geen dag, dus het heeft geen laatste dag",
                    "the record holds no day, so it has no last day",
                )
            return termijn.na_dag(max(day.datum for day in document.dagen)), None
        traject = (trajecten or {}).get(document.traject)
        if traject is None:
            named = excerpt(document.traject)
            return None, _Unknown(
                document.traject,
                f"het traject {named} staat niet tussen de bestanden, dus het einde van de "
                "overeenkomst is onbekend",
                f"the traject {named} is not among the files, so the end of the contract is "
                "unknown",
            )
        return termijn.na_dag(traject.overeenkomst.einde), None

    def voorbij(
        self,
        document: object,
        today: pendulum.Date | str | None = None,
        trajecten: Mapping[str, Traject] | None = None,
    ) -> bool:
        """Whether ``document`` is past its last day on ``today`` (by default, today)."""
        date = self.vervaldatum(document, trajecten)
        return date is not None and date < as_day(today)


_POLICY: contextvars.ContextVar[Bewaarbeleid | None] = contextvars.ContextVar(
    "retention_policy", default=None
)


@contextlib.contextmanager
def retention_policy(policy: Bewaarbeleid | None) -> Iterator[Bewaarbeleid | None]:
    """Let the rule ``bewaring-voorbij`` check against ``policy`` inside the block.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.bewaring import Bewaarbeleid, retention_policy
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> with retention_policy(Bewaarbeleid.from_dict({"traject": {"jaren": 5}})):
        ...     report = duaal_leren.validate(traject, today="2031-07-01", select=["bewaring"])
        >>> report.codes()
        ['bewaring-voorbij']
    """
    token = _POLICY.set(policy)
    try:
        yield policy
    finally:
        _POLICY.reset(token)


def active_policy() -> Bewaarbeleid | None:
    """The policy set with `retention_policy`, or ``None``."""
    return _POLICY.get()


@attrs.frozen
class Expired:
    """A file past its retention date.

    Attributes:
        path: The file.
        vervaldatum: Its last day to be kept.
    """

    path: Path
    vervaldatum: pendulum.Date


@attrs.frozen
class Undetermined:
    """A file the policy gives a period, whose date could not be determined.

    Attributes:
        path: The file.
        traject: The id of the traject it belongs to when that traject is not among the
            files read (give it too), or ``None`` when something else is missing (an
            attendance record without days).
        message: Why, in Dutch.
        message_en: Why, in English.
    """

    path: Path
    traject: str | None
    message: str
    message_en: str


@attrs.frozen
class Retention:
    """What `expired` found.

    Attributes:
        expired: The files past their date, in the order found.
        undetermined: The files whose date could not be determined, in the order found:
            neither kept nor deleted by the list, they need a look (or their traject).
    """

    expired: tuple[Expired, ...]
    undetermined: tuple[Undetermined, ...]


def expired(
    paths: Iterable[str | os.PathLike[str]],
    policy: Bewaarbeleid,
    today: pendulum.Date | str | None = None,
) -> Retention:
    """The files past their retention date on ``today``, and those without a known date.

    Folders are searched as ``duaal-leren validate`` does. A record counted from the end of
    its traject's contract finds that traject among the files read; when it is not there,
    the record is listed in `Retention.undetermined` (with the traject's id), never left
    out in silence.

    Example:
        >>> from duaal_leren.bewaring import Bewaarbeleid, expired
        >>> beleid = Bewaarbeleid.from_dict(
        ...     {"gespreksverslag": {"jaren": 5, "na": "einde-overeenkomst"}}
        ... )
        >>> found = expired(["examples/gespreksverslag-opstart-lotte.yaml"], beleid, "2031-07-01")
        >>> found.expired, [(u.path.name, u.traject) for u in found.undetermined]
        ((), [('gespreksverslag-opstart-lotte.yaml', 'TRJ-2025-0042')])

    Raises:
        DocumentError: A file cannot be read as a document; nothing is listed then.
    """
    day = as_day(today)
    documents = [(path, load(path)) for path, _ in document_files(paths)]
    trajecten = {d.id: d for _, d in documents if isinstance(d, Traject)}
    found: list[Expired] = []
    unknown: list[Undetermined] = []
    for path, document in documents:
        date, why = policy._dated(document, trajecten)
        if why is not None:
            unknown.append(Undetermined(path, why.traject, why.message, why.message_en))
        elif date is not None and date < day:
            found.append(Expired(path, date))
    return Retention(tuple(found), tuple(unknown))


@attrs.frozen
class Deletion:
    """What `delete` did.

    Attributes:
        deleted: The files removed.
        failed: The files that could not be removed, each with the reason.
    """

    deleted: tuple[Path, ...]
    failed: tuple[tuple[Path, str], ...]


def _why_not(path: Path) -> tuple[str, str] | None:
    if not path.is_file():
        return "geen bestand", "not a file"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return "de map is niet schrijfbaar", "the folder is not writable"
    return None


def delete(paths: Iterable[Path]) -> Deletion:
    """Remove the files, all or none as far as the file system allows.

    Every file is checked first (it is still a file, its folder writable); when one fails,
    none is removed and a `WriteError` says which. Only then are they removed; a removal
    that still fails (the file system changed in between) is reported in
    `Deletion.failed`, and the others are still removed.

    Raises:
        WriteError: A file cannot be removed; nothing was.
    """
    files = list(paths)
    problems = [(p, why) for p in files if (why := _why_not(p)) is not None]
    if problems:
        path, (nl, en) = problems[0]
        more = len(problems) - 1
        raise WriteError(
            path,
            f"{nl}, dus kan het niet gewist worden; niets gewist"
            + (f" ({more} andere ook niet)" if more else ""),
            f"{en}, so it cannot be deleted; nothing deleted"
            + (f" ({more} others neither)" if more else ""),
        )
    deleted, failed = [], []
    for path in files:
        try:
            path.unlink()
        except OSError as exc:
            failed.append((path, exc.strerror or str(exc)))
        else:
            deleted.append(path)
    return Deletion(tuple(deleted), tuple(failed))
