"""The rule engine: findings, rules, the registry and `validate`.

A rule looks at one part of a document (a plan, or a whole traject) and yields hits; the
engine turns every hit into a `Finding` with the rule's code, severity and source, so that a
finding is always data a tool can show. One run reports every finding of a document.
"""

from __future__ import annotations

import enum
import functools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pendulum

from duaal_leren._validators import as_day
from duaal_leren.competentie import Competentie
from duaal_leren.exceptions import DocumentError, DuaalLerenError
from duaal_leren.leidraad.verslag import Gespreksverslag
from duaal_leren.opleidingsplan import (
    IndividueelOpleidingsplan,
    Opleidingsplan,
    StandaardOpleidingsplan,
)
from duaal_leren.traject import Traject

__all__ = [
    "ENTRY_POINT_GROUP",
    "Context",
    "Finding",
    "Hit",
    "Registry",
    "Report",
    "Rule",
    "RuleError",
    "Severity",
    "Target",
    "document_findings",
    "validate",
    "with_lines",
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
        >>> try:
        ...     duaal_leren.validate("examples/traject-lotte.yaml", select=["nope"])
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
class Finding:
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

    def text(self, lang: str = "nl") -> str:
        """The message in Dutch (``nl``) or English (``en``)."""
        return self.message_en if lang == "en" else self.message

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """Plain data: code, severity, path, line, message (in ``lang``), source."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "message": self.text(lang),
            "source": self.source,
        }


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
    """

    document: object
    today: pendulum.Date
    plan: Opleidingsplan | None = None
    plan_path: str = "$"
    traject: Traject | None = None
    verslag: Gespreksverslag | None = None
    standaardplannen: Mapping[tuple[str, str], StandaardOpleidingsplan] = attrs.field(factory=dict)
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
        title: What the rule requires, in one English line.
        severity: The default severity of its findings.
        source: The legal or practice source (decree and article, or the practice source).
        target: What it looks at: plans, individual plans or trajecten.
        check: Yields a `Hit` for every violation.
        fix: How to fix a violation, in English.
        titel: What the rule requires, in Dutch (the English title when not given).
    """

    code: str
    title: str
    severity: Severity
    source: str
    target: Target
    check: Check = attrs.field(eq=False, repr=False)
    fix: str = ""
    titel: str = ""

    def title_in(self, lang: str = "nl") -> str:
        """The title in Dutch (``nl``) or English (``en``)."""
        return self.title if lang == "en" or not self.titel else self.titel

    @property
    def doc(self) -> str:
        """The check's docstring: what the rule looks at and why."""
        return (self.check.__doc__ or "").strip()


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code == p or code.startswith(p + "-") or p == "all" for p in patterns)


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
        title: str,
        severity: Severity | str,
        source: str,
        target: Target | str,
        fix: str = "",
        titel: str = "",
    ) -> Callable[[Check], Check]:
        """Register the decorated function as a rule's check.

        The function receives a `Context` and yields a `Hit` for every violation; its
        docstring explains the rule in the rule reference.

        Args:
            code: The rule's stable code: lower case, words joined by hyphens.
            title: What the rule requires, in one English line.
            severity: The default severity: ``"error"``, ``"warning"`` or ``"info"``.
            source: The legal or practice source the rule rests on.
            target: What it looks at: ``"plan"``, ``"individueel"``, ``"traject"``,
                ``"gespreksverslag"`` or ``"schoolkalender"``.
            fix: How to fix a violation, in English.
            titel: The title in Dutch, shown by ``duaal-leren rules`` (default: ``title``).

        Raises:
            RuleError: The severity is not one of the three, or the code is taken.

        Example:
            >>> from duaal_leren.validation import Hit, Registry
            >>> registry = Registry()
            >>> @registry.rule("eigen-cluster", title="Every competence has a cluster",
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
                    title,
                    _severity(code, severity),
                    source,
                    Target(target),
                    check,
                    fix,
                    titel,
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


@attrs.frozen
class Report:
    """The findings of one validation run on one document.

    Attributes:
        findings: Every finding, worst first, then in document order.
        source: The file the document came from, if any.
    """

    findings: tuple[Finding, ...]
    source: str | None = None

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

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """Plain data: the source, whether it passed, and the findings."""
        return {
            "path": self.source,
            "passed": self.passed,
            "findings": [f.to_dict(lang) for f in self.findings],
        }

    def to_json(self, lang: str = "nl") -> str:
        """The report as JSON text."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2)

    def format(self, lang: str = "nl") -> str:
        """Readable text: one line per finding, then a summary line."""
        where = self.source or "<document>"
        lines = []
        for f in self.findings:
            place = f"{where}:{f.line}" if f.line is not None else where
            lines.append(f"{place}: {f.severity.value} [{f.code}] {f.path}: {f.text(lang)}")
        errors, warnings = len(self.errors), len(self.warnings)
        if lang == "en":
            verdict = "passed" if self.passed else "failed"
            lines.append(f"{where}: {verdict}: {errors} errors, {warnings} warnings")
        else:
            verdict = "in orde" if self.passed else "niet in orde"
            lines.append(f"{where}: {verdict}: {errors} fouten, {warnings} waarschuwingen")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.format()

    def _repr_html_(self) -> str:
        from html import escape

        rows = "".join(
            f"<tr><td>{escape(f.severity.value)}</td><td><code>{escape(f.code)}</code></td>"
            f"<td><code>{escape(f.path)}</code></td><td>{escape(f.message)}</td></tr>"
            for f in self.findings
        )
        verdict = "in orde" if self.passed else "niet in orde"
        return (
            f"<p><strong>{escape(self.source or 'document')}</strong>: {verdict}</p>"
            "<table><thead><tr><th>ernst</th><th>code</th><th>pad</th><th>melding</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )


def _contexts(
    document: object,
    today: pendulum.Date,
    plans: Mapping[tuple[str, str], StandaardOpleidingsplan],
) -> Iterator[tuple[Target, Context]]:
    if isinstance(document, Traject):
        yield Target.TRAJECT, Context(document, today, traject=document, standaardplannen=plans)
        plan_ctx = Context(
            document,
            today,
            plan=document.opleidingsplan,
            plan_path="$.opleidingsplan",
            traject=document,
            standaardplannen=plans,
        )
        yield Target.PLAN, plan_ctx
        yield Target.INDIVIDUEEL, plan_ctx
        for i, verslag in enumerate(document.gespreksverslagen):
            yield (
                Target.GESPREKSVERSLAG,
                Context(
                    document,
                    today,
                    plan_path=f"$.gespreksverslagen[{i}]",
                    traject=document,
                    verslag=verslag,
                    standaardplannen=plans,
                ),
            )
    elif isinstance(document, Gespreksverslag):
        yield Target.GESPREKSVERSLAG, Context(document, today, verslag=document)
    elif type(document).__name__ == "SchooleigenKalender":
        # Compared by name: the calendar module loads the holiday tables, which validating
        # a plan or traject never needs.
        yield Target.SCHOOLKALENDER, Context(document, today)
    elif isinstance(document, IndividueelOpleidingsplan):
        ctx = Context(document, today, plan=document, standaardplannen=plans)
        yield Target.PLAN, ctx
        yield Target.INDIVIDUEEL, ctx
    elif isinstance(document, StandaardOpleidingsplan):
        yield Target.PLAN, Context(document, today, plan=document, standaardplannen=plans)


def document_findings(exc: DocumentError) -> tuple[Finding, ...]:
    """The problems of a document that could not be loaded, as findings of code ``document``."""
    return tuple(
        Finding(
            "document",
            Severity.ERROR,
            p.path,
            p.message,
            p.message_en,
            "duaal-leren file format",
            p.line,
        )
        for p in exc.problems
    )


def _severity(code: str, level: Severity | str) -> Severity:
    try:
        return Severity(level)
    except ValueError:
        raise RuleError(
            f"ernst {code}={level!r}: kies error, warning of info",
            f"severity {code}={level!r}: choose error, warning or info",
        ) from None


def validate(
    document: object,
    *,
    today: pendulum.Date | str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    severity: Mapping[str, Severity | str] | None = None,
    standaardplannen: Iterable[StandaardOpleidingsplan] = (),
    registry: Registry | None = None,
) -> Report:
    """Check a document against the rules and report every finding.

    Args:
        document: A `Traject`, a `StandaardOpleidingsplan`, an `IndividueelOpleidingsplan`
            or a conversation record (`Gespreksverslag`);
            or a path or text, which is loaded first (load problems become findings with
            code ``document``).
        today: The date the time-dependent rules treat as today (default: the current
            date in Europe/Brussels); fix it in CI for reproducible runs.
        select: Codes or code prefixes of the rules to run (default: all).
        ignore: Codes or code prefixes of rules to skip.
        severity: Overrides of rules' severities, by code or prefix.
        standaardplannen: Standard plans an individual plan may refer to (R-IOP).
        registry: The rules to use (default: `RULES`).

    A rule that stops on an error of the library (a `DuaalLerenError`, such as a school
    year the calendar does not know) does not stop the run: that becomes a finding of the
    rule, of severity error unless ``severity`` says otherwise, and the other rules still
    run. Any other exception is a bug in the rule and is raised.

    Returns:
        The report, its findings worst first.

    Raises:
        RuleError: ``select``, ``ignore`` or ``severity`` names no rule, or ``severity``
            gives a level other than error, warning or info.
        FieldError: ``today`` is text that is no date written as ``YYYY-MM-DD``.

    Example:
        >>> import duaal_leren
        >>> report = duaal_leren.validate("examples/traject-lotte.yaml", today="2025-10-01")
        >>> report.passed
        True
    """
    today = as_day(today)
    rules = (registry or RULES).select(select, ignore)
    overrides = {k: _severity(k, v) for k, v in (severity or {}).items()}
    for pattern in overrides:
        if not any(_matches(r.code, [pattern]) for r in (registry or RULES)):
            raise _no_rule(pattern)
    source: str | None = None
    if isinstance(document, str | bytes | os.PathLike):
        from duaal_leren.documents import load

        if isinstance(document, os.PathLike) or (
            isinstance(document, str) and "\n" not in document
        ):
            source = os.fspath(document)
        try:
            document = load(document)
        except DocumentError as exc:
            return Report(document_findings(exc), source)
    plans = {(p.id, p.versie): p for p in standaardplannen}
    findings: list[Finding] = []
    by_target: dict[Target, list[Rule]] = {}
    for rule in rules:
        by_target.setdefault(rule.target, []).append(rule)
    for target, ctx in _contexts(document, today, plans):
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
    findings.sort(key=_order)
    report = Report(tuple(findings), source)
    return with_lines(report, source) if source is not None else report


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


def with_lines(report: Report, path: str | os.PathLike[str]) -> Report:
    """The report with the line in the file of each finding that has none yet."""
    if all(f.line is not None for f in report.findings):
        return report
    from duaal_leren._parse import json_lines, line_for, yaml_lines

    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
        wanted = [f.path for f in report.findings if f.line is None]
        lines = (json_lines if file.suffix.lower() == ".json" else yaml_lines)(text, wanted)
    except (OSError, UnicodeDecodeError, DocumentError):
        return report
    findings = tuple(
        f if f.line is not None else attrs.evolve(f, line=line_for(f.path, lines))
        for f in report.findings
    )
    return attrs.evolve(report, findings=findings)


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
