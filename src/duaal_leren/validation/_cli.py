"""The ``validate`` and ``rules`` commands: check files in CI and list the rules.

``duaal-leren validate PATH...`` checks files and directories (recursively: ``*.yaml``,
``*.yml``, ``*.json`` that declare a ``duaal-leren/`` schema), reports in text, JSON, GitHub
annotations or JUnit XML, and exits 0 without errors, 1 with errors, 2 on usage errors or
files that cannot be read as documents (the other files are still checked). A document that
a rule cannot check (a library error while validating) is reported as failed with that
error, and the other files are still checked. Settings may also come from
``[tool.duaal-leren]`` in the ``pyproject.toml`` of the checked repository. Every output
format escapes control characters (see `duaal_leren.cli.printable`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO
from xml.etree import ElementTree

import attrs
import pendulum

from duaal_leren._files import read_head
from duaal_leren._validators import as_day
from duaal_leren.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Command, printable
from duaal_leren.documents import MAX_SIZE, load
from duaal_leren.exceptions import DocumentError, DuaalLerenError
from duaal_leren.opleidingsplan import StandaardOpleidingsplan
from duaal_leren.validation._engine import (
    RULES,
    Finding,
    Report,
    RuleError,
    Severity,
    document_findings,
    validate,
    with_lines,
)

__all__ = ["RULES_COMMAND", "VALIDATE_COMMAND", "collect_files", "find_settings"]

_SUFFIXES = (".yaml", ".yml", ".json")
# The schema key at the start of a YAML line, or after "{" or "," in JSON on one line.
_DECLARES = re.compile(r"""(?:^|[{,])\s*"?schema"?\s*:\s*"?duaal-leren/""", re.MULTILINE)
_SETTINGS = ("select", "ignore", "severity", "today", "lang", "format")


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def collect_files(paths: Sequence[str]) -> Iterator[tuple[Path, bool]]:
    """The files to check: named files as given, directories searched recursively.

    Yields each file with whether it was named explicitly. In directories, hidden files and
    folders are skipped, and so are files that do not declare a ``duaal-leren/`` schema
    (other YAML in a repository, such as CI configuration): only the first 4 KB of a file
    is read to tell. An empty name is not searched as the current folder.
    """
    for name in paths:
        path = Path(name)
        if name and path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path).parts
                if any(part.startswith(".") for part in relative):
                    continue
                if found.suffix.lower() in _SUFFIXES and found.is_file() and _declares(found):
                    yield found, False
        else:
            yield path, True


def _declares(path: Path) -> bool:
    try:
        head = read_head(path, 4096).decode("utf-8", errors="replace")
    except OSError:
        return True  # let the loader report it
    return _DECLARES.search(head) is not None


def find_settings(start: Path) -> tuple[dict[str, Any], Path | None]:
    """``[tool.duaal-leren]`` from the nearest ``pyproject.toml`` at or above ``start``.

    Raises:
        RuleError: The table has unknown keys or the file is not valid TOML.
    """
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise RuleError(
                    f"{candidate}: geen geldige TOML ({exc})",
                    f"{candidate}: not valid TOML ({exc})",
                ) from None
            tool = data.get("tool", {})
            table = tool.get("duaal-leren") if isinstance(tool, dict) else None
            if table is None:
                return {}, candidate
            if not isinstance(table, dict):
                raise RuleError(
                    f"{candidate}: [tool.duaal-leren] moet een tabel zijn",
                    f"{candidate}: [tool.duaal-leren] must be a table",
                )
            unknown = sorted(set(table) - set(_SETTINGS))
            if unknown:
                raise RuleError(
                    f"{candidate}: onbekende instelling(en) in [tool.duaal-leren]: "
                    f"{', '.join(unknown)}; gekend zijn: {', '.join(_SETTINGS)}",
                    f"{candidate}: unknown setting(s) in [tool.duaal-leren]: "
                    f"{', '.join(unknown)}; known are: {', '.join(_SETTINGS)}",
                )
            _check_settings(table, candidate)
            return dict(table), candidate
    return {}, None


def _check_settings(table: dict[str, Any], candidate: Path) -> None:
    """Every setting of ``[tool.duaal-leren]`` has the type and values it needs."""

    def fail(key: str, nl: str, en: str) -> RuleError:
        where = f"{candidate}: [tool.duaal-leren].{key}"
        return RuleError(f"{where}: {nl}", f"{where}: {en}")

    for key in ("select", "ignore"):
        value = table.get(key)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            raise fail(
                key,
                'verwacht een lijst van regelcodes, zoals ["mentor", "alloc-verdeling"]',
                'expected a list of rule codes, such as ["mentor", "alloc-verdeling"]',
            )
    severity = table.get("severity")
    levels = {s.value for s in Severity}
    if severity is not None and not (
        isinstance(severity, dict)
        and all(isinstance(v, str) and v in levels for v in severity.values())
    ):
        raise fail(
            "severity",
            'verwacht een tabel van regelcode naar "error", "warning" of "info"',
            'expected a table of rule code to "error", "warning" or "info"',
        )
    today = table.get("today")
    if today is not None and not isinstance(today, str | dt.date):
        raise fail("today", "verwacht een datum JJJJ-MM-DD", "expected a date YYYY-MM-DD")
    for key, allowed in (("lang", ("nl", "en")), ("format", tuple(sorted(_FORMATS)))):
        value = table.get(key)
        if value is not None and value not in allowed:
            choices = ", ".join(allowed)
            raise fail(key, f"kies uit {choices}", f"choose from {choices}")


@attrs.frozen
class _FileResult:
    path: str
    report: Report
    unreadable: bool = False


def _document_report(path: str, exc: DuaalLerenError) -> Report:
    if isinstance(exc, DocumentError):
        return Report(document_findings(exc), path)
    # Any other error of the library about this one file: the file fails with its message.
    finding = Finding(
        "document", Severity.ERROR, "$", exc.text("nl"), exc.text("en"), "duaal-leren"
    )
    return Report((finding,), path)


def _name(path: str | Path) -> str:
    return os.fspath(path) or '""'


def run_validation(
    paths: Sequence[str],
    *,
    today: pendulum.Date | None,
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
    severity: dict[str, str] | None,
    max_size: int | None = None,
) -> list[_FileResult]:
    """Load every file, then validate each with the standard plans found among them.

    A file that cannot be loaded, or whose validation raises an error of the library, is
    reported with that error; the other files are checked all the same.
    """
    loaded: list[tuple[str | Path, object | None, DuaalLerenError | None]] = []
    for name in paths:
        # An empty name is no folder to search: load tells what is wrong with it.
        found: list[tuple[str | Path, bool]] = [*collect_files([name])] if name else [(name, True)]
        for path, _explicit in found:
            try:
                loaded.append((path, load(path, max_size=max_size), None))
            except DuaalLerenError as exc:
                loaded.append((path, None, exc))
    plans = [doc for _, doc, _ in loaded if isinstance(doc, StandaardOpleidingsplan)]
    results = []
    for path, doc, error in loaded:
        name = _name(path)
        if error is not None:
            results.append(_FileResult(name, _document_report(name, error), True))
            continue
        try:
            report = validate(
                doc,
                today=today,
                select=select,
                ignore=ignore,
                severity=severity,
                standaardplannen=plans,
            )
        except RuleError:
            raise  # a bad --select or --severity is the command's error, not the file's
        except DuaalLerenError as exc:
            results.append(_FileResult(name, _document_report(name, exc)))
            continue
        report = with_lines(attrs.evolve(report, source=name), Path(path))
        # In a file, findings read best in the order of its lines.
        ordered = sorted(report.findings, key=lambda f: (f.line or 0, f.severity.rank))
        results.append(_FileResult(name, attrs.evolve(report, findings=tuple(ordered))))
    return results


# --- output formats --------------------------------------------------------------------


def _summary(results: list[_FileResult]) -> dict[str, int]:
    return {
        "files": len(results),
        "errors": sum(len(r.report.errors) for r in results),
        "warnings": sum(len(r.report.warnings) for r in results),
    }


def _as_json(results: list[_FileResult], lang: str) -> str:
    data = {
        "files": [
            {
                "path": r.path,
                "findings": [
                    {
                        "code": f.code,
                        "severity": f.severity.value,
                        "path": f.path,
                        "line": f.line,
                        "message": f.text(lang),
                    }
                    for f in r.report.findings
                ],
            }
            for r in results
        ],
        "summary": _summary(results),
    }
    # JSON escapes control characters itself; a lone surrogate (from a file name that is
    # no UTF-8) it leaves as it is, and no UTF-8 output takes that.
    return _SURROGATE.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False, indent=2)
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _as_text(results: list[_FileResult], lang: str) -> str:
    lines = []
    for r in results:
        for f in r.report.findings:
            place = f"{r.path}:{f.line}" if f.line is not None else r.path
            lines.append(
                printable(f"{place}: {f.severity.value} [{f.code}] {f.path}: {f.text(lang)}")
            )
    s = _summary(results)
    if lang == "en":
        lines.append(
            f"{_count(s['files'], 'file', 'files')}, {_count(s['errors'], 'error', 'errors')}, "
            f"{_count(s['warnings'], 'warning', 'warnings')}"
        )
    else:
        lines.append(
            f"{_count(s['files'], 'bestand', 'bestanden')}, "
            f"{_count(s['errors'], 'fout', 'fouten')}, "
            f"{_count(s['warnings'], 'waarschuwing', 'waarschuwingen')}"
        )
    return "\n".join(lines)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _as_github(results: list[_FileResult], lang: str) -> str:
    lines = []
    for r in results:
        for f in r.report.findings:
            props = [f"file={_escape_property(r.path)}"]
            if f.line is not None:
                props.append(f"line={f.line}")
            props.append(f"title={_escape_property(f.code)}")
            message = _escape_data(f"{f.path}: {f.text(lang)}")
            lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{message}")
    return "\n".join(lines)


def _as_junit(results: list[_FileResult], lang: str) -> str:
    s = _summary(results)
    failures = sum(1 for r in results if not r.report.passed and not r.unreadable)
    errors = sum(1 for r in results if r.unreadable)
    suites = ElementTree.Element(
        "testsuites",
        name="duaal-leren",
        tests=str(s["files"]),
        failures=str(failures),
        errors=str(errors),
    )
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        name="duaal-leren validate",
        tests=str(s["files"]),
        failures=str(failures),
        errors=str(errors),
    )
    for r in results:
        # XML 1.0 has no way to write most control characters, escaped or not.
        case = ElementTree.SubElement(
            suite, "testcase", classname="duaal-leren", name=printable(r.path)
        )
        bad = r.report.errors
        if bad:
            tag = "error" if r.unreadable else "failure"
            element = ElementTree.SubElement(
                case, tag, message=f"{len(bad)} error(s)", type=printable(bad[0].code)
            )
            element.text = printable(
                "\n".join(
                    f"{r.path}:{f.line or '-'}: [{f.code}] {f.path}: {f.text(lang)}" for f in bad
                )
            )
        others = [f for f in r.report.findings if f.severity is not Severity.ERROR]
        if others:
            out = ElementTree.SubElement(case, "system-out")
            out.text = printable(
                "\n".join(
                    f"{r.path}:{f.line or '-'}: {f.severity.value} [{f.code}] {f.path}: "
                    f"{f.text(lang)}"
                    for f in others
                )
            )
    ElementTree.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(
        suites, encoding="unicode"
    )


_FORMATS = {"text": _as_text, "json": _as_json, "github": _as_github, "junit": _as_junit}


# --- the commands ----------------------------------------------------------------------


def _configure_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="bestanden of mappen / files or directories"
    )
    parser.add_argument(
        "--format", choices=sorted(_FORMATS), default=None, help="uitvoer / output (text)"
    )
    parser.add_argument(
        "--select", default=None, help="regels, met komma's / rule codes, comma-separated"
    )
    parser.add_argument("--ignore", default=None, help="regels om over te slaan / rules to skip")
    parser.add_argument(
        "--severity",
        action="append",
        default=None,
        metavar="CODE=LEVEL",
        help="ernst van een regel wijzigen / change a rule's severity (error, warning, info)",
    )
    parser.add_argument(
        "--today",
        default=None,
        metavar="YYYY-MM-DD",
        help="datum voor tijdsafhankelijke regels / the date rules treat as today",
    )
    parser.add_argument(
        "--max-size",
        type=_megabytes,
        default=None,
        metavar="MB",
        help=f"grootste bestand dat gelezen wordt / largest file read "
        f"({MAX_SIZE // (1024 * 1024)} MB)",
    )


def _megabytes(text: str) -> int:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1024 * 1024:
        raise argparse.ArgumentTypeError(
            f"{text!r}: een aantal megabytes groter dan 0 / a number of megabytes above 0"
        )
    return int(value * 1024 * 1024)


def _run_validate(args: argparse.Namespace, out: TextIO) -> int:
    settings, _ = find_settings(Path.cwd())
    select = _csv(args.select) if args.select is not None else settings.get("select")
    ignore = _csv(args.ignore) if args.ignore is not None else settings.get("ignore")
    severity: dict[str, str] = dict(settings.get("severity", {}))
    for item in args.severity or ():
        code, sep, level = item.partition("=")
        if not sep:
            raise RuleError(
                f"--severity: verwacht CODE=LEVEL, niet {item!r}",
                f"--severity: expected CODE=LEVEL, got {item!r}",
            )
        severity[code.strip()] = level.strip()
    for code, level in severity.items():
        if level not in {s.value for s in Severity}:
            raise RuleError(
                f"ernst {code}={level!r}: kies error, warning of info",
                f"severity {code}={level!r}: choose error, warning or info",
            )
    # An empty --today is a mistake, not "today": only a missing one means the current date.
    today_text = args.today if args.today is not None else settings.get("today")
    today = as_day(str(today_text), "--today") if today_text is not None else None
    lang = args.lang or os.environ.get("DUAAL_LEREN_LANG") or settings.get("lang") or "nl"
    fmt = args.format or settings.get("format") or "text"
    if fmt not in _FORMATS:
        raise RuleError(
            f"formaat {fmt!r}: kies {', '.join(sorted(_FORMATS))}",
            f"format {fmt!r}: choose {', '.join(sorted(_FORMATS))}",
        )
    results = run_validation(
        args.paths,
        today=today,
        select=select,
        ignore=ignore,
        severity=severity,
        max_size=args.max_size,
    )
    text = _FORMATS[fmt](results, lang)
    if text:
        out.write(text + "\n")
    # A missing file is reported among the findings of that file, like any unreadable one.
    if any(r.unreadable for r in results):
        return EXIT_USAGE
    return EXIT_FINDINGS if any(not r.report.passed for r in results) else EXIT_OK


VALIDATE_COMMAND = Command(
    "validate",
    "controleer plannen en trajecten / check plans and trajecten",
    _configure_validate,
    _run_validate,
)


def rules_markdown() -> str:
    """The rule reference as Markdown, generated from the registry."""
    lines = [
        "# Rule reference",
        "",
        "Every rule of `duaal-leren validate`, generated from the rule registry with "
        "`duaal-leren rules --format md`. Select or ignore rules by code or by a prefix of "
        "whole words (`mentor` covers every `mentor-*` rule); change a rule's severity with "
        "`--severity CODE=LEVEL`.",
        "",
        "| code | severity | checks |",
        "|---|---|---|",
    ]
    rules = list(RULES)
    for rule in rules:
        lines.append(f"| [`{rule.code}`](#{rule.code}) | {rule.severity.value} | {rule.title} |")
    for rule in rules:
        lines += [
            "",
            f"## {rule.code}",
            "",
            f"**{rule.title}.** Default severity: *{rule.severity.value}*; applies to: "
            f"{rule.target.value}.",
            "",
            " ".join(rule.doc.split()) if rule.doc else "",
            "",
            f"- Source: {rule.source}",
            f"- How to fix: {rule.fix}" if rule.fix else "",
        ]
    return "\n".join(line for line in lines).rstrip() + "\n"


def _configure_rules(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "md", "json"), default="text")


def _run_rules(args: argparse.Namespace, out: TextIO) -> int:
    lang = args.lang or os.environ.get("DUAAL_LEREN_LANG") or "nl"
    if args.format == "md":
        out.write(rules_markdown())
    elif args.format == "json":
        data = [
            {
                "code": r.code,
                "severity": r.severity.value,
                "title": r.title,
                "titel": r.title_in("nl"),
                "source": r.source,
                "target": r.target.value,
                "fix": r.fix,
            }
            for r in RULES
        ]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        rules = list(RULES)
        width = max(len(r.code) for r in rules) + 2
        for r in rules:
            out.write(f"{r.code:<{width}}{r.severity.value:<9}{r.title_in(lang)}\n")
    return EXIT_OK


RULES_COMMAND = Command(
    "rules",
    "toon de regels / list the validation rules",
    _configure_rules,
    _run_rules,
)
