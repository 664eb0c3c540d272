"""The rule engine: findings, rules, the registry, `validate` and `validate_files`.

A rule looks at one part of a document (a plan, or a whole traject) and yields hits; the
engine turns every hit into a `Finding` with the rule's code, severity and source, so that a
finding is always data a tool can show. One run reports every finding of a document.

There is one way through: `validate` checks a model, and `validate_files` reads each file
once, checks it with `validate`, and gives every finding its line in that file. A `Report`
(one document) and `Reports` (the files of one run) write themselves as text, JSON, GitHub
annotations, JUnit XML and SARIF; the command line only chooses one.
"""

from __future__ import annotations

import datetime
import enum
import functools
import importlib.machinery
import inspect
import json
import os
import re
import sys
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import attrs
import pendulum

from duaal_leren import _views
from duaal_leren._export import csv_text, dataframe, text_or_file
from duaal_leren._files import collector_paused, document_paused
from duaal_leren._parse import find_lines
from duaal_leren._validators import as_day
from duaal_leren.aanwezigheid import Aanwezigheden
from duaal_leren.competentie import Competentie
from duaal_leren.documents import Format, _read_document, kind_of, not_a_document
from duaal_leren.exceptions import (
    DocumentError,
    DocumentTypeError,
    DuaalLerenError,
    PathMessage,
    checked_lang,
    excerpt,
    printable,
)
from duaal_leren.gespreksverslag import Gespreksverslag
from duaal_leren.kalender import SchooleigenKalender
from duaal_leren.leidraad.model import Leidraad
from duaal_leren.opleidingsplan import (
    IndividueelOpleidingsplan,
    Opleidingsplan,
    StandaardOpleidingsplan,
)
from duaal_leren.traject import Traject

if TYPE_CHECKING:
    import pandas

__all__ = [
    "ENTRY_POINT_GROUP",
    "REPORT_HEADER",
    "Context",
    "Finding",
    "Hit",
    "Registry",
    "Report",
    "Reports",
    "Rule",
    "RuleError",
    "Severity",
    "Target",
    "validate",
    "validate_files",
]

ENTRY_POINT_GROUP = "duaal_leren.rules"
"""The entry-point group through which an installed package contributes rules."""


class Severity(enum.Enum):
    """How serious a finding is. Only errors make a document fail."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: sorts the worst first."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class RuleError(DuaalLerenError, ValueError):
    """A rule, a selection or a severity override is not valid.

    Example:
        >>> import duaal_leren
        >>> from duaal_leren.validation import RuleError
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> try:
        ...     duaal_leren.validate(traject, select=["nope"])
        ... except RuleError as error:
        ...     print(error)
        ...     print(error.text("en"))
        geen regel met code 'nope'
        no rule with code 'nope'
    """


def _no_rule(pattern: str) -> RuleError:
    return RuleError(f"geen regel met code {pattern!r}", f"no rule with code {pattern!r}")


@attrs.frozen
class Hit:
    """What a rule reports: where, and what is wrong, in Dutch and English.

    Attributes:
        path: JSON path of the value concerned.
        message: In Dutch.
        message_en: In English.
        severity: Overrides the rule's default severity for this hit (for rules whose
            severity depends on the document, such as an uncovered competence in a draft
            versus a signed plan).
    """

    path: str
    message: str
    message_en: str
    severity: Severity | None = None


@attrs.frozen
class Finding(PathMessage):
    """One thing a rule found in a document.

    Attributes:
        code: The stable code of the rule, such as ``alloc-niet-gedekt``.
        severity: error, warning or info.
        path: JSON path into the document, such as ``$.opleidingsplan.competenties[3]``.
        message: What is wrong, in Dutch.
        message_en: The same in English.
        source: Where the rule comes from (decree and article, or practice source).
        line: The line in the file, when the document came from a file.
    """

    code: str
    severity: Severity
    path: str
    message: str
    message_en: str
    source: str
    line: int | None = None

    def to_dict(self, lang: str | None = None, *, both: bool = False) -> dict[str, Any]:
        """Plain data: code, severity, path, location, line, message and source.

        Args:
            lang: The language of ``message``, ``"nl"`` or ``"en"``; by default the
                default language (`duaal_leren.set_default_lang`).
            both: Give the message in both languages instead: ``message`` in Dutch and
                ``message_en`` in English.

        Raises:
            FieldError: ``lang`` names another language.

        Example:
            >>> finding = Finding("code-uniek", Severity.ERROR, "$.competenties[1].code",
            ...                   "dubbele code", "duplicate code", "practice")
            >>> finding.to_dict(both=True)["location"], finding.to_dict("en")["message"]
            (['competenties', 1, 'code'], 'duplicate code')
        """
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "location": list(self.location),
            "line": self.line,
        }
        if both:
            data["message"] = self.message
            data["message_en"] = self.message_en
        else:
            data["message"] = self.text(lang)
        data["source"] = self.source
        return data


class Target(enum.Enum):
    """What a rule looks at."""

    PLAN = "plan"
    """Every opleidingsplan: a standard plan document and the plan inside a traject."""
    INDIVIDUEEL = "individueel"
    """Every individual plan (inside a traject)."""
    TRAJECT = "traject"
    """A whole traject."""
    GESPREKSVERSLAG = "gespreksverslag"
    """Every conversation record: a record document, and each record inside a traject."""
    SCHOOLKALENDER = "schoolkalender"
    """A school's own calendar document."""
    DOCUMENT = "document"
    """Every document, whole, once, whatever its kind."""
    AANWEZIGHEDEN = "aanwezigheden"
    """An attendance record, checked with the traject whose id it names."""


@attrs.define
class Context:
    """What a rule sees: the part of the document it checks, and the run's settings.

    Attributes:
        document: The whole document being validated.
        today: The date the run treats as today.
        plan: The plan being checked (for plan rules), else ``None``.
        plan_path: The JSON path of that plan (or conversation record) in the document.
        traject: The traject, when the document is one.
        verslag: The conversation record being checked (for record rules).
        standaardplannen: Standard plans known to the run, by (id, versie).
        leidraden: The user's own catalogues known to the run, by id (conversation records
            may follow them; the shipped ones are always known).
    """

    document: object
    today: pendulum.Date
    plan: Opleidingsplan | None = None
    plan_path: str = "$"
    traject: Traject | None = None
    verslag: Gespreksverslag | None = None
    standaardplannen: Mapping[tuple[str, str], StandaardOpleidingsplan] = attrs.field(factory=dict)
    leidraden: Mapping[str, Leidraad] = attrs.field(factory=dict)
    _index: dict[str, int] | None = attrs.field(default=None, init=False)

    @property
    def index(self) -> dict[str, int]:
        """Position of each competence code in the plan (the first, for duplicates)."""
        if self._index is None:
            index: dict[str, int] = {}
            for i, competentie in enumerate(self.plan.competenties if self.plan else ()):
                index.setdefault(competentie.code, i)
            self._index = index
        return self._index

    def competentie_path(self, i: int, field: str | None = None) -> str:
        """The JSON path of the plan's i-th competence, or of one of its fields."""
        base = f"{self.plan_path}.competenties[{i}]"
        return f"{base}.{field}" if field else base

    def competentie(self, code: str) -> Competentie | None:
        """The plan's competence with this code, if any."""
        i = self.index.get(code)
        return self.plan.competenties[i] if self.plan is not None and i is not None else None

    def checked_traject(self) -> Traject:
        """The traject, for a rule whose target guarantees one.

        Raises:
            RuleError: The context has no traject (a rule registered with the wrong target).
        """
        if self.traject is None:
            raise RuleError("deze regel heeft een traject nodig", "this rule needs a traject")
        return self.traject

    def checked_plan(self) -> Opleidingsplan:
        """The plan, for a rule whose target guarantees one.

        Raises:
            RuleError: The context has no plan (a rule registered with the wrong target).
        """
        if self.plan is None:
            raise RuleError("deze regel heeft een plan nodig", "this rule needs a plan")
        return self.plan

    def checked_verslag(self) -> Gespreksverslag:
        """The conversation record, for a rule whose target guarantees one.

        Raises:
            RuleError: The context has no record (a rule registered with the wrong target).
        """
        if self.verslag is None:
            raise RuleError(
                "deze regel heeft een gespreksverslag nodig",
                "this rule needs a conversation record",
            )
        return self.verslag

    @property
    def standaardplan(self) -> StandaardOpleidingsplan | None:
        """The standard plan an individual plan refers to, when the run knows it."""
        if not isinstance(self.plan, IndividueelOpleidingsplan):
            return None
        ref = self.plan.standaardplan
        return self.standaardplannen.get((ref.id, ref.versie))


Check = Callable[[Context], Iterable[Hit]]


@attrs.frozen
class Rule:
    """A check with a stable code, a default severity and its source.

    Attributes:
        code: Stable, lower-case, words joined by hyphens (``mentor-leeftijd``); users
            select and ignore rules by code or by a prefix of whole words (``mentor``).
        titel: What the rule requires, in one Dutch line.
        severity: The default severity of its findings.
        source: The legal or practice source (decree and article, or the practice source).
        target: What it looks at: plans, individual plans or trajecten.
        check: Yields a `Hit` for every violation.
        fix: How to fix a violation, in English.
        titel_en: What the rule requires, in English (the Dutch title when not given).
    """

    code: str
    titel: str
    severity: Severity
    source: str
    target: Target
    check: Check = attrs.field(eq=False, repr=False)
    fix: str = ""
    titel_en: str = ""

    def text(self, lang: str | None = None) -> str:
        """The title in Dutch (``nl``) or English (``en``), by default the default one."""
        return (self.titel_en or self.titel) if checked_lang(lang) == "en" else self.titel

    @property
    def doc(self) -> str:
        """The check's docstring: what the rule looks at and why."""
        return (self.check.__doc__ or "").strip()


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code == p or code.startswith(p + "-") or p == "all" for p in patterns)


def _may_declare(group: str) -> bool:
    """Whether an installed package may declare entry points of ``group``.

    False only when that is certain: `importlib.metadata` finds packages through the path
    finder alone, every entry of `sys.path` is a folder (or missing), and no
    ``entry_points.txt`` of a package in one of them names the group. Then the standard
    library's search of every installed package (some 10 ms on start-up, for the common
    case of no plugin) is left out; in any other case it decides.
    """
    for finder in sys.meta_path:
        if finder is not importlib.machinery.PathFinder and hasattr(finder, "find_distributions"):
            return True
    needle = group.encode()
    for entry in sys.path:
        if entry.lower().endswith((".egg", ".egg/")):
            return True  # an egg: its metadata is inside (EGG-INFO)
        try:
            names = os.listdir(entry or ".")
        except NotADirectoryError:
            return True  # a zip file: the standard library looks inside
        except OSError:
            continue  # a folder that is not there holds nothing
        for name in names:
            low = name.lower()
            if low.endswith((".egg", ".egg-link")):
                return True
            if low.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(entry or ".", name, "entry_points.txt"), "rb") as f:
                        declared = f.read()
                except OSError:
                    continue  # no entry points, or an .egg-info file, which has none
                if needle in declared:
                    return True
    return False


class Registry:
    """A set of rules by code. `RULES` is the default one that `validate` uses."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        self._entry_points_loaded = False

    def add(self, rule: Rule) -> Rule:
        """Register a rule.

        Raises:
            RuleError: Another rule has the same code.
        """
        if rule.code in self._rules and self._rules[rule.code] != rule:
            raise RuleError(
                f"er is al een regel met code {rule.code!r}",
                f"a rule with code {rule.code!r} is already registered",
            )
        self._rules[rule.code] = rule
        return rule

    def rule(
        self,
        code: str,
        *,
        titel: str,
        titel_en: str = "",
        severity: Severity | str,
        source: str,
        target: Target | str,
        fix: str = "",
    ) -> Callable[[Check], Check]:
        """Register the decorated function as a rule's check.

        The function receives a `Context` and yields a `Hit` for every violation; its
        docstring explains the rule in the rule reference.

        Args:
            code: The rule's stable code: lower case, words joined by hyphens.
            titel: What the rule requires, in one Dutch line.
            titel_en: The same in English (default: ``titel``).
            severity: The default severity: ``"error"``, ``"warning"`` or ``"info"``.
            source: The legal or practice source the rule rests on.
            target: What it looks at: ``"plan"``, ``"individueel"``, ``"traject"``,
                ``"gespreksverslag"`` or ``"schoolkalender"``.
            fix: How to fix a violation, in English.

        Raises:
            RuleError: The severity is not one of the three, or the code is taken.

        Example:
            >>> from duaal_leren.validation import Hit, Registry
            >>> registry = Registry()
            >>> @registry.rule("eigen-cluster", titel="Elke competentie hoort bij een cluster",
            ...                titel_en="Every competence has a cluster",
            ...                severity="warning", source="Our sector's agreement",
            ...                target="plan")
            ... def eigen_cluster(ctx):
            ...     '''Competences without a cluster are hard to find in our tool.'''
            ...     for i, c in enumerate(ctx.plan.competenties):
            ...         if c.cluster is None:
            ...             yield Hit(ctx.competentie_path(i), "geen cluster", "no cluster")
            >>> [r.code for r in registry]
            ['eigen-cluster']
        """

        def decorate(check: Check) -> Check:
            self.add(
                Rule(
                    code,
                    titel,
                    _severity(code, severity),
                    source,
                    Target(target),
                    check,
                    fix,
                    titel_en,
                )
            )
            return check

        return decorate

    def remove(self, code: str) -> None:
        """Unregister a rule."""
        self._rules.pop(code, None)

    def __iter__(self) -> Iterator[Rule]:
        self.load_entry_points()
        return iter(sorted(self._rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(list(iter(self)))

    def __getitem__(self, code: str) -> Rule:
        self.load_entry_points()
        return self._rules[code]

    def __contains__(self, code: object) -> bool:
        self.load_entry_points()
        return code in self._rules

    def load_entry_points(self) -> None:
        """Let installed packages contribute rules, once.

        A package declares, in its ``pyproject.toml``::

            [project.entry-points."duaal_leren.rules"]
            mijn-sector = "mijn_sector.regels:register"

        and ``register(registry)`` adds its rules. Only the default registry loads them.
        """
        if self._entry_points_loaded or self is not RULES:
            return
        self._entry_points_loaded = True
        if not _may_declare(ENTRY_POINT_GROUP):
            return
        from importlib.metadata import entry_points

        for entry_point in entry_points(group=ENTRY_POINT_GROUP):
            register = entry_point.load()
            register(self)

    def select(
        self, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
    ) -> list[Rule]:
        """The rules chosen by ``select`` (all when ``None``) minus those in ``ignore``.

        Codes match whole rules or prefixes of whole words: ``mentor`` selects
        ``mentor-leeftijd`` and ``mentor-ervaring``; ``all`` selects every rule.

        Raises:
            RuleError: A code or prefix matches no rule.
        """
        rules = list(self)
        for pattern in [*(select or ()), *(ignore or ())]:
            if not any(_matches(r.code, [pattern]) for r in rules):
                raise _no_rule(pattern)
        chosen = [r for r in rules if select is None or _matches(r.code, select)]
        return [r for r in chosen if not (ignore and _matches(r.code, ignore))]


RULES = Registry()
"""The default registry: the built-in rules and those of installed packages."""


def _where(source: str | None, line: int | None) -> str:
    where = source or "<document>"
    return f"{where}:{line}" if line is not None else where


def _line(source: str | None, finding: Finding, lang: str) -> str:
    """One finding as a line of text: place, severity, code, path and message."""
    place = _where(source, finding.line)
    return printable(
        f"{place}: {finding.severity.value} [{finding.code}] {finding.path}: {finding.text(lang)}"
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _counts(errors: int, warnings: int, lang: str) -> str:
    """The counts of a verdict, singular for one: ``1 fout, 2 waarschuwingen``."""
    if lang == "en":
        return f"{_count(errors, 'error', 'errors')}, {_count(warnings, 'warning', 'warnings')}"
    return (
        f"{_count(errors, 'fout', 'fouten')}, {_count(warnings, 'waarschuwing', 'waarschuwingen')}"
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json(data: object) -> str:
    # JSON escapes control characters itself; a lone surrogate (from a file name that is no
    # UTF-8) it leaves as it is, and no UTF-8 output takes that.
    return _SURROGATE.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False, indent=2)
    )


def _escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


@attrs.frozen
class Report:
    """The findings of one validation run on one document.

    Attributes:
        findings: Every finding: worst first, then in document order; from
            `validate_files`, in the order of the file's lines.
        source: The file the document came from, if any.
        unreadable: The file could not be read as a document; its findings (of code
            ``document``) say why.
    """

    findings: tuple[Finding, ...]
    source: str | None = None
    unreadable: bool = False

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def passed(self) -> bool:
        """Whether the document has no errors (warnings and info allowed)."""
        return not self.errors

    def __bool__(self) -> bool:
        return self.passed

    def codes(self) -> list[str]:
        """The codes of the findings, in order (handy in tests)."""
        return [f.code for f in self.findings]

    def to_dict(self, lang: str | None = None, *, both: bool = False) -> dict[str, Any]:
        """Plain data: the source, whether it passed, and the findings (`Finding.to_dict`).

        Raises:
            FieldError: ``lang`` names another language.
        """
        lang = checked_lang(lang)
        return {
            "path": self.source,
            "passed": self.passed,
            "findings": [f.to_dict(lang, both=both) for f in self.findings],
        }

    def to_json(self, lang: str | None = None, *, both: bool = False) -> str:
        """The report as JSON text (`to_dict`)."""
        return _json(self.to_dict(lang, both=both))

    def text(self, lang: str | None = None) -> str:
        """Readable text: one line per finding, then a verdict; control characters escaped.

        Example:
            >>> import duaal_leren
            >>> plan = duaal_leren.load("examples/standaardplan-elektrotechniek.yaml")
            >>> print(duaal_leren.validate(plan).text("en"))
            <document>: passed: 0 errors, 0 warnings
        """
        lang = checked_lang(lang)
        where = printable(self.source or "<document>")
        lines = [_line(self.source, f, lang) for f in self.findings]
        errors, warnings = len(self.errors), len(self.warnings)
        counts = _counts(errors, warnings, lang)
        if lang == "en":
            verdict = "passed" if self.passed else "failed"
        else:
            verdict = "in orde" if self.passed else "niet in orde"
        lines.append(f"{where}: {verdict}: {counts}")
        return "\n".join(lines)

    def to_github(self, lang: str | None = None) -> str:
        """GitHub Actions annotations, one line per finding, pointing at the file's lines."""
        lang = checked_lang(lang)
        lines = []
        for f in self.findings:
            props = [f"file={_escape_property(self.source)}"] if self.source else []
            if f.line is not None:
                props.append(f"line={f.line}")
            props.append(f"title={_escape_property(f.code)}")
            message = _escape_data(f"{f.path}: {f.text(lang)}")
            lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{message}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return _views.named_repr(
            "Report",
            source=self.source,
            passed=self.passed,
            errors=len(self.errors),
            warnings=len(self.warnings),
            findings=len(self.findings),
        )

    def rows(self, lang: str | None = None) -> list[list[object]]:
        """One row per finding, under `REPORT_HEADER`, for CSV and spreadsheets.

        ``severity`` is a code (``error``, ``warning``, ``info``) in every language; the
        message is in ``lang``, in Dutch without it: data do not change with the default
        (display) language.

        Raises:
            FieldError: ``lang`` names another language.
        """
        lang = "nl" if lang is None else checked_lang(lang)
        return [
            [self.source, f.code, f.severity.value, f.path, f.line, f.text(lang), f.source]
            for f in self.findings
        ]

    @overload
    def to_csv(self, path: None = None, lang: str | None = None) -> str: ...
    @overload
    def to_csv(self, path: str | os.PathLike[str], lang: str | None = None) -> Path: ...
    def to_csv(
        self, path: str | os.PathLike[str] | None = None, lang: str | None = None
    ) -> str | Path:
        """The findings as CSV (`REPORT_HEADER`, one row each), as text or to a file.

        The columns are codes and data: ``severity`` is the code ``error``, ``warning`` or
        ``info`` whatever the language; the ``message`` is in ``lang`` (Dutch without it,
        whatever the default language), as `rows`.

        Without ``path`` the text is returned; with it, the file is written whole or not at
        all and its path returned.

        Raises:
            FieldError: ``lang`` names another language.
            WriteError: The file cannot be written (an `OSError`).
        """
        return text_or_file(csv_text(REPORT_HEADER, self.rows(lang)), path)

    def to_dataframe(self, lang: str | None = None) -> pandas.DataFrame:
        """The findings as a pandas DataFrame, one row each (needs the ``pandas`` extra).

        Columns and dtypes, as in `REPORT_HEADER`: ``file``, ``code``, ``severity`` (a code:
        ``error``, ``warning``, ``info``, in every language), ``path`` (``string``); ``line``
        (``Int64``, ``<NA>`` when not known); ``message`` (``string``, in ``lang``; Dutch
        without it, whatever the default language); ``source``
        (``string``: the rule's legal or practical source). No findings: no rows, the same
        columns.

        Raises:
            MissingDependencyError: pandas is not installed (a `ModuleNotFoundError`).
            FieldError: ``lang`` names another language.
        """
        return dataframe(list(zip(REPORT_HEADER, _REPORT_DTYPES, strict=True)), self.rows(lang))

    def html(self, lang: str | None = None) -> str:
        """An HTML view of the report in one language.

        The verdict, then a table of the findings, or a line saying there are none.

        Raises:
            FieldError: ``lang`` names another language.
        """
        lang = checked_lang(lang)
        return _views.view(self._body(lang), lang)

    def _body(self, lang: str) -> str:
        label = _REPORT_LABELS[lang]
        where = self.source or label["document"]
        errors, warnings = len(self.errors), len(self.warnings)
        look = "dl-ok" if self.passed else "dl-bad"
        verdict = (
            f'<p><strong>{_views.escape(where)}</strong>: <span class="{look}">'
            f"{_views.escape(label['in orde'] if self.passed else label['niet in orde'])}"
            f"</span> ({_views.escape(_counts(errors, warnings, lang))})</p>"
        )
        if not self.findings:
            return verdict + f'<p class="dl-ok">{_views.escape(label["geen"])}</p>'
        severity_look = {Severity.ERROR: "dl-bad", Severity.WARNING: "dl-warn", Severity.INFO: ""}
        rows = [
            (
                _views.Raw(
                    f'<span class="{severity_look[f.severity]}">'
                    f"{_views.escape(label[f.severity.value])}</span>"
                ),
                _views.Raw(f"<code>{_views.escape(f.code)}</code>"),
                _views.Raw(f"<code>{_views.escape(f.path)}</code>"),
                f.line,
                f.text(lang),
                f.source,
            )
            for f in self.findings
        ]
        return verdict + _views.table(label["kolommen"], rows)

    def _repr_html_(self) -> str:
        return self.html()


REPORT_HEADER = ("file", "code", "severity", "path", "line", "message", "source")
"""The columns of `Report.rows`, `Report.to_csv` and `Report.to_dataframe`."""

_REPORT_DTYPES = ("string", "string", "string", "string", "Int64", "string", "string")

_REPORT_LABELS: dict[str, dict[str, Any]] = {
    "nl": {
        "document": "document",
        "in orde": "in orde",
        "niet in orde": "niet in orde",
        "geen": "Geen bevindingen: alles in orde.",
        "error": "fout",
        "warning": "waarschuwing",
        "info": "info",
        "kolommen": ("ernst", "code", "pad", "regel", "melding", "bron"),
    },
    "en": {
        "document": "document",
        "in orde": "passed",
        "niet in orde": "failed",
        "geen": "No findings: all is well.",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "kolommen": ("severity", "code", "path", "line", "message", "source"),
    },
}


@attrs.frozen
class Reports:
    """The reports of one run over files, one per file in the order given (`validate_files`).

    Iterate over it, index it or take its `len` as a sequence of `Report`.

    Attributes:
        reports: One report per file.
    """

    reports: tuple[Report, ...]

    def __repr__(self) -> str:
        return _views.named_repr(
            "Reports",
            files=len(self.reports),
            passed=self.passed,
            errors=sum(len(r.errors) for r in self.reports),
            warnings=sum(len(r.warnings) for r in self.reports),
        )

    def __iter__(self) -> Iterator[Report]:
        return iter(self.reports)

    def html(self, lang: str | None = None) -> str:
        """An HTML view of every report in one language, one after the other.

        Raises:
            FieldError: ``lang`` names another language.
        """
        lang = checked_lang(lang)
        return _views.view("".join(r._body(lang) for r in self.reports), lang)

    def _repr_html_(self) -> str:
        return self.html()

    def __len__(self) -> int:
        return len(self.reports)

    @overload
    def __getitem__(self, index: int) -> Report: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Report, ...]: ...
    def __getitem__(self, index: int | slice) -> Report | tuple[Report, ...]:
        return self.reports[index]

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error, of every file."""
        return tuple(f for r in self.reports for f in r.errors)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning, of every file."""
        return tuple(f for r in self.reports for f in r.warnings)

    @property
    def passed(self) -> bool:
        """Whether every file was read and has no errors."""
        return all(r.passed for r in self.reports)

    def __bool__(self) -> bool:
        return self.passed

    def _summary(self) -> dict[str, int]:
        return {
            "files": len(self.reports),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
        }

    def to_dict(self, lang: str | None = None, *, both: bool = False) -> dict[str, Any]:
        """Plain data: per file its path and findings, and the counts of the whole run.

        Each finding has its code, severity, path, location, line and message (in
        ``lang``, or in both languages with ``both``, as `Finding.to_dict`); the summary
        counts the files, errors and warnings.

        Raises:
            FieldError: ``lang`` names another language.
        """
        lang = checked_lang(lang)
        return {
            "files": [
                {
                    "path": r.source,
                    "findings": [
                        {k: v for k, v in f.to_dict(lang, both=both).items() if k != "source"}
                        for f in r.findings
                    ],
                }
                for r in self.reports
            ],
            "summary": self._summary(),
        }

    def to_json(self, lang: str | None = None, *, both: bool = False) -> str:
        """`to_dict` as JSON text."""
        return _json(self.to_dict(lang, both=both))

    def text(self, lang: str | None = None) -> str:
        """Readable text: one line per finding, then the counts; control characters escaped."""
        lang = checked_lang(lang)
        lines = [_line(r.source, f, lang) for r in self.reports for f in r.findings]
        s = self._summary()
        if lang == "en":
            files = _count(s["files"], "file", "files")
        else:
            files = _count(s["files"], "bestand", "bestanden")
        lines.append(f"{files}, {_counts(s['errors'], s['warnings'], lang)}")
        return "\n".join(lines)

    def to_github(self, lang: str | None = None) -> str:
        """GitHub Actions annotations of every file, one line per finding."""
        lang = checked_lang(lang)
        return "\n".join(text for r in self.reports if (text := r.to_github(lang)))

    def to_junit(self, lang: str | None = None) -> str:
        """JUnit XML: a test case per file, failed by its errors, an error if unreadable.

        Warnings and info go to the test case's ``system-out``.
        """
        lang = checked_lang(lang)
        files = str(len(self.reports))
        failures = str(sum(1 for r in self.reports if not r.passed and not r.unreadable))
        errors = str(sum(1 for r in self.reports if r.unreadable))
        # Imported here: only a run that writes JUnit XML needs it (start-up).
        from xml.etree import ElementTree

        suites = ElementTree.Element(
            "testsuites", name="duaal-leren", tests=files, failures=failures, errors=errors
        )
        suite = ElementTree.SubElement(
            suites,
            "testsuite",
            name="duaal-leren validate",
            tests=files,
            failures=failures,
            errors=errors,
        )
        for r in self.reports:
            # XML 1.0 has no way to write most control characters, escaped or not.
            where = r.source or "<document>"
            case = ElementTree.SubElement(
                suite, "testcase", classname="duaal-leren", name=printable(where)
            )
            bad = r.errors
            if bad:
                element = ElementTree.SubElement(
                    case,
                    "error" if r.unreadable else "failure",
                    message=_count(len(bad), "error", "errors"),
                    type=printable(bad[0].code),
                )
                element.text = printable(
                    "\n".join(
                        f"{where}:{f.line or '-'}: [{f.code}] {f.path}: {f.text(lang)}" for f in bad
                    )
                )
            others = [f for f in r.findings if f.severity is not Severity.ERROR]
            if others:
                out = ElementTree.SubElement(case, "system-out")
                out.text = printable(
                    "\n".join(
                        f"{where}:{f.line or '-'}: {f.severity.value} [{f.code}] {f.path}: "
                        f"{f.text(lang)}"
                        for f in others
                    )
                )
        ElementTree.indent(suites)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(
            suites, encoding="unicode"
        )

    def to_sarif(self, lang: str | None = None) -> str:
        """SARIF 2.1.0 JSON, as GitHub code scanning reads it: one run of ``duaal-leren``.

        The run describes every rule with a finding (its title in ``lang``, its
        explanation and its source) and has a result per finding: the rule's code, the
        level (``error``, ``warning`` or ``note`` for info), the message in ``lang`` and,
        for a file, its path as given and the finding's line where it is known.

        Raises:
            FieldError: ``lang`` names another language.

        Example:
            >>> import duaal_leren
            >>> reports = duaal_leren.validate_files(["examples/traject-lotte.yaml"])
            >>> sarif = json.loads(reports.to_sarif("en"))
            >>> sarif["version"], sarif["runs"][0]["tool"]["driver"]["name"]
            ('2.1.0', 'duaal-leren')
        """
        from duaal_leren import __version__

        lang = checked_lang(lang)
        findings = [(r.source, f) for r in self.reports for f in r.findings]
        codes = sorted({f.code for _, f in findings})
        index = {code: i for i, code in enumerate(codes)}
        first: dict[str, Finding] = {}
        for _, f in findings:
            first.setdefault(f.code, f)
        results = []
        for source, f in findings:
            result: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f"{f.path}: {f.text(lang)}"},
            }
            if source:
                physical: dict[str, Any] = {
                    "artifactLocation": {"uri": urllib.parse.quote(source, safe="/:")}
                }
                if f.line is not None:
                    physical["region"] = {"startLine": f.line}
                result["locations"] = [{"physicalLocation": physical}]
            results.append(result)
        sarif = {
            "$schema": _SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "duaal-leren",
                            "version": __version__,
                            "informationUri": "https://pypi.org/project/duaal-leren/",
                            "rules": [_sarif_rule(first[code], lang) for code in codes],
                        }
                    },
                    "results": results,
                }
            ],
        }
        return _json(sarif)


_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _sarif_rule(finding: Finding, lang: str) -> dict[str, Any]:
    """The SARIF description of the rule behind ``finding``, in ``lang``.

    A code that no registered rule has (an unreadable file, a rule that failed) is
    described by the finding itself.
    """
    rule: Rule | None = None
    if finding.code in RULES:
        rule = RULES[finding.code]
    title = rule.text(lang) if rule else finding.code
    source = rule.source if rule else finding.source
    explanation = (inspect.cleandoc(rule.doc) if rule else "") or title
    label = "Source" if lang == "en" else "Bron"
    help_text = f"{title}\n\n{label}: {source}"
    if rule and rule.fix:
        help_text += f"\n\nFix: {rule.fix}"
    severity = rule.severity if rule else finding.severity
    return {
        "id": finding.code,
        "name": finding.code,
        "shortDescription": {"text": title},
        "fullDescription": {"text": f"{explanation}\n\n{label}: {source}"},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": _SARIF_LEVEL[severity]},
        "properties": {"source": source},
    }


def _contexts(
    document: object,
    today: pendulum.Date,
    plans: Mapping[tuple[str, str], StandaardOpleidingsplan],
    leidraden: Mapping[str, Leidraad],
    trajecten: Mapping[str, Traject],
) -> Iterator[tuple[Target, Context]]:
    """The parts of a document the rules look at, each with the target of its rules."""

    def context(**part: Any) -> Context:
        return Context(document, today, standaardplannen=plans, leidraden=leidraden, **part)

    # A whole document, with its traject: itself, or the one a record or attendance names
    # when that traject is known to the run (a retention period may count from its contract).
    if isinstance(document, Traject):
        own: Traject | None = document
    elif isinstance(document, Gespreksverslag | Aanwezigheden):
        own = trajecten.get(document.traject)
    else:
        own = None
    yield Target.DOCUMENT, context(traject=own)
    if isinstance(document, Traject):
        yield Target.TRAJECT, context(traject=document)
        plan_ctx = context(
            plan=document.opleidingsplan, plan_path="$.opleidingsplan", traject=document
        )
        yield Target.PLAN, plan_ctx
        yield Target.INDIVIDUEEL, plan_ctx
        for i, verslag in enumerate(document.gespreksverslagen):
            yield (
                Target.GESPREKSVERSLAG,
                context(plan_path=f"$.gespreksverslagen[{i}]", traject=document, verslag=verslag),
            )
    elif isinstance(document, Aanwezigheden):
        # An attendance record is checked against its traject's schedule and agreements.
        # Without the traject among the known ones (a file checked alone, a typo in the id)
        # the rules still see the record, with no traject: `aanwezigheid-traject` reports
        # that nothing could be checked, the others find nothing to check it against.
        yield Target.AANWEZIGHEDEN, context(traject=trajecten.get(document.traject))
    elif isinstance(document, Gespreksverslag):
        yield Target.GESPREKSVERSLAG, context(verslag=document)
    elif isinstance(document, SchooleigenKalender):
        yield Target.SCHOOLKALENDER, context()
    elif isinstance(document, IndividueelOpleidingsplan):
        ctx = context(plan=document)
        yield Target.PLAN, ctx
        yield Target.INDIVIDUEEL, ctx
    elif isinstance(document, StandaardOpleidingsplan):
        yield Target.PLAN, context(plan=document)


def _checked_model(document: object) -> None:
    """Refuse what is no model: a path or a text is read with `validate_files` or `load`."""
    if isinstance(document, str | bytes | os.PathLike):
        raise not_a_document("validate", document, reader="validate_files")
    if isinstance(document, IndividueelOpleidingsplan):
        return  # no document of its own, but part of a traject that tools check alone
    try:
        kind_of(document)
    except DocumentError:
        raise not_a_document(
            "validate", document, reader="validate_files", extra=("IndividueelOpleidingsplan",)
        ) from None


def _severity(code: str, level: Severity | str) -> Severity:
    try:
        return Severity(level)
    except ValueError:
        raise RuleError(
            f"ernst {code}={excerpt(level)}: kies error, warning of info",
            f"severity {code}={excerpt(level)}: choose error, warning or info",
        ) from None


def _selected(
    registry: Registry,
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
    severity: Mapping[str, Severity | str] | None,
) -> tuple[list[Rule], dict[str, Severity]]:
    """The rules to run and the severity overrides, or a `RuleError` for a wrong name."""
    rules = registry.select(select, ignore)
    overrides = {k: _severity(k, v) for k, v in (severity or {}).items()}
    for pattern in overrides:
        if not any(_matches(r.code, [pattern]) for r in registry):
            raise _no_rule(pattern)
    return rules, overrides


def validate(
    document: object,
    *,
    today: datetime.date | str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    severity: Mapping[str, Severity | str] | None = None,
    standaardplannen: Iterable[StandaardOpleidingsplan] = (),
    leidraden: Iterable[Leidraad] = (),
    trajecten: Iterable[Traject] = (),
    registry: Registry | None = None,
) -> Report:
    """Check a model against the rules and report every finding.

    Files are checked with `validate_files`, which reads them and gives each finding its
    line.

    Args:
        document: A `Traject`, a `StandaardOpleidingsplan`, an `IndividueelOpleidingsplan`,
            a conversation record (`Gespreksverslag`) or a school's own calendar
            (`SchooleigenKalender`); another document kind has no rules and passes.
        today: The date the time-dependent rules treat as today, as a date (a datetime
            only at midnight) or ISO text (default: the current date in Europe/Brussels);
            fix it in CI for reproducible runs.
        select: Codes or code prefixes of the rules to run (default: all).
        ignore: Codes or code prefixes of rules to skip.
        severity: Overrides of rules' severities, by code or prefix.
        standaardplannen: Standard plans an individual plan may refer to (R-IOP).
        leidraden: The user's own catalogues a conversation record may follow (the shipped
            ones are always known).
        trajecten: Trajecten an attendance record (`Aanwezigheden`) may belong to: the
            record is checked against the traject whose id it names.
        registry: The rules to use (default: `RULES`).

    A rule that stops on an error of the library (a `DuaalLerenError`, such as a school
    year the calendar does not know) does not stop the run: that becomes a finding of the
    rule, of severity error unless ``severity`` says otherwise, and the other rules still
    run. Any other exception is a bug in the rule and is raised.

    Returns:
        The report, its findings worst first.

    Raises:
        DocumentTypeError: ``document`` is a path or a text (`str`, `bytes`,
            `os.PathLike`), or no document at all.
        RuleError: ``select``, ``ignore`` or ``severity`` names no rule, or ``severity``
            gives a level other than error, warning or info.
        FieldError: ``today`` is no day: text that is no date written as ``YYYY-MM-DD``,
            or a datetime with a time of day.

    Example:
        >>> import duaal_leren
        >>> traject = duaal_leren.load("examples/traject-lotte.yaml")
        >>> duaal_leren.validate(traject, today="2025-10-01").passed
        True
    """
    _checked_model(document)
    today = as_day(today)
    rules, overrides = _selected(registry or RULES, select, ignore, severity)
    plans = {(p.id, p.versie): p for p in standaardplannen}
    catalogues = {c.id: c for c in leidraden}
    findings: list[Finding] = []
    by_target: dict[Target, list[Rule]] = {}
    for rule in rules:
        by_target.setdefault(rule.target, []).append(rule)
    known = {t.id: t for t in trajecten}
    # The rules make many short-lived objects and no reference cycles: the collector is
    # kept out of the way, as while loading (see `document_paused`).
    with document_paused():
        parts = _contexts(document, today, plans, catalogues, known)
        _run(parts, by_target, overrides, findings)
    findings.sort(key=_order)
    return Report(tuple(findings))


def _run(
    parts: Iterable[tuple[Target, Context]],
    by_target: dict[Target, list[Rule]],
    overrides: dict[str, Severity],
    findings: list[Finding],
) -> None:
    """Run the rules on each part of a document, adding what they find to ``findings``."""
    for target, ctx in parts:
        for rule in by_target.get(target, ()):
            level = _override(rule.code, overrides)
            try:
                for hit in rule.check(ctx):
                    findings.append(
                        Finding(
                            rule.code,
                            level or hit.severity or rule.severity,
                            hit.path,
                            hit.message,
                            hit.message_en,
                            rule.source,
                        )
                    )
            except DuaalLerenError as exc:
                # A value of the document the rule cannot handle (a school year the calendar
                # does not know, ...): the document is not checked by this rule, which is
                # itself a finding, and the other rules still run. Any other exception is
                # a bug in the rule and goes up.
                findings.append(_failed(rule, ctx, exc, level))


def _failed(rule: Rule, ctx: Context, exc: DuaalLerenError, level: Severity | None) -> Finding:
    """The finding of a rule that stopped on a library error: it could not check the part."""
    return Finding(
        rule.code,
        level or Severity.ERROR,
        ctx.plan_path,
        f"regel {rule.code} kon dit niet nagaan: {exc.text('nl')}",
        f"rule {rule.code} could not check this: {exc.text('en')}",
        rule.source,
    )


def _unreadable(source: str, exc: DuaalLerenError) -> Report:
    """The report of a file that cannot be read as a document: its problems, as findings.

    Each finding keeps the code of its problem (``onbekend-veld``, ``ongeldige-datum``,
    ``bestand-ontbreekt``, ...), so that a tool tells them apart as it does for `load`.
    """
    if isinstance(exc, DocumentError):
        findings = tuple(
            Finding(
                p.code,
                Severity.ERROR,
                p.path,
                p.message,
                p.message_en,
                "duaal-leren file format",
                p.line,
            )
            for p in exc.problems
        )
    else:
        findings = (_library_error(exc),)
    return Report(findings, source, unreadable=True)


def _library_error(exc: DuaalLerenError) -> Finding:
    """A finding of code ``document`` for an error of the library about one file."""
    return Finding("document", Severity.ERROR, "$", exc.text("nl"), exc.text("en"), "duaal-leren")


@collector_paused()
def validate_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    today: datetime.date | str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    severity: Mapping[str, Severity | str] | None = None,
    standaardplannen: Iterable[StandaardOpleidingsplan] = (),
    leidraden: Iterable[Leidraad] = (),
    trajecten: Iterable[Traject] = (),
    registry: Registry | None = None,
    max_size: int | None = None,
) -> Reports:
    """Read each file once, check it with `validate`, and give every finding its line.

    The standard plans among the files serve the individual plans of the others (R-IOP),
    as do those of ``standaardplannen``; so do the catalogues among the files and those of
    ``leidraden`` for the conversation records. A file that cannot be read as a document gets a
    report marked `Report.unreadable` whose findings (code ``document``) are its problems;
    a library error while checking one file fails that file alone (a finding of code
    ``document``); the other files are checked all the same. Directories are not searched:
    pass the files.

    Args:
        paths: The files, each a `str` or `os.PathLike`.
        today: As for `validate`.
        select: As for `validate`.
        ignore: As for `validate`.
        severity: As for `validate`.
        standaardplannen: Standard plans from elsewhere that individual plans may refer to.
        leidraden: Catalogues from elsewhere that conversation records may follow.
        trajecten: Trajecten from elsewhere that attendance records may belong to.
        registry: As for `validate`.
        max_size: The largest file read, in bytes (default: `duaal_leren.documents.MAX_SIZE`).

    Returns:
        One report per file, in the order given; a report's findings in the order of the
        file's lines.

    Raises:
        RuleError: As for `validate`, before any file is read.
        FieldError: As for `validate`.
        DocumentTypeError: ``paths`` is a single path, not a list of them.

    Example:
        >>> from duaal_leren.validation import validate_files
        >>> reports = validate_files(
        ...     ["examples/traject-lotte.yaml", "tests/data/traject-kapot.yaml"],
        ...     today="2025-10-01",
        ... )
        >>> [report.passed for report in reports]
        [True, False]
        >>> print(reports[1].findings[-1].line, reports[1].findings[-1].code)
        275 mentor-ervaring
    """
    if isinstance(paths, str | bytes | os.PathLike):
        # A str is iterable too: its letters are no files.
        raise DocumentTypeError(
            "validate_files neemt een lijst van paden, geen enkel pad",
            "validate_files takes a list of paths, not a single path",
        )
    today = as_day(today)
    _selected(registry or RULES, select, ignore, severity)  # a wrong name fails before reading
    # Every file is read first: a standard plan or catalogue in a later file serves the
    # documents before it. Each keeps its text, so that its findings get their lines
    # without reading the file again.
    read: list[_Read | Report] = []
    for path in paths:
        source = os.fspath(path) or '""'
        try:
            document, text, fmt = _read_document(path, max_size=max_size)
        except DuaalLerenError as exc:
            read.append(_unreadable(source, exc))
        else:
            read.append(_Read(source, document, text, fmt))
    documents = [item.document for item in read if isinstance(item, _Read)]
    plans = [*standaardplannen, *(d for d in documents if isinstance(d, StandaardOpleidingsplan))]
    catalogues = [*leidraden, *(d for d in documents if isinstance(d, Leidraad))]
    known = [*trajecten, *(d for d in documents if isinstance(d, Traject))]
    reports = []
    for item in read:
        if isinstance(item, Report):
            reports.append(item)
            continue
        try:
            report = validate(
                item.document,
                today=today,
                select=select,
                ignore=ignore,
                severity=severity,
                standaardplannen=plans,
                leidraden=catalogues,
                trajecten=known,
                registry=registry,
            )
        except RuleError:
            raise
        except DuaalLerenError as exc:
            # An error of the library about this one document (not a rule's: those are
            # findings already): it fails, the other files are still checked.
            reports.append(Report((_library_error(exc),), item.source))
            continue
        reports.append(Report(_placed(report.findings, item.text, item.format), item.source))
    return Reports(tuple(reports))


@attrs.frozen
class _Read:
    """A file read as a document, with its text for finding the lines of its findings."""

    source: str
    document: object
    text: str
    format: Format


def _placed(findings: tuple[Finding, ...], text: str, fmt: Format) -> tuple[Finding, ...]:
    """The findings with their lines in the text they were read from, in the order of lines."""
    lines = find_lines(text, fmt, [f.path for f in findings])
    placed = [attrs.evolve(f, line=lines[f.path]) for f in findings]
    placed.sort(key=lambda f: (f.line or 0, f.severity.rank))
    return tuple(placed)


def _override(code: str, overrides: Mapping[str, Severity]) -> Severity | None:
    # The most specific pattern wins: ``mentor-leeftijd=info`` over ``mentor=warning``.
    best: tuple[int, Severity] | None = None
    for pattern, level in overrides.items():
        if _matches(code, [pattern]) and (best is None or len(pattern) > best[0]):
            best = (len(pattern), level)
    return best[1] if best else None


def _order(finding: Finding) -> tuple[int, tuple[tuple[int, str], ...], str]:
    return (_RANK[finding.severity], _path_key(finding.path), finding.code)


@functools.lru_cache(maxsize=4096)
def _path_key(path: str) -> tuple[tuple[int, str], ...]:
    # Sort "[10]" after "[9]": split the path into names and numbers.
    parts: list[tuple[int, str]] = []
    for token in path.replace("[", ".[").split("."):
        if token.startswith("[") and token.endswith("]") and token[1:-1].isdigit():
            parts.append((int(token[1:-1]), ""))
        else:
            parts.append((-1, token))
    return tuple(parts)
