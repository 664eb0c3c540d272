"""The ``validate`` command: check files in CI.

``duaal-leren validate PATH...`` checks files and folders (recursively: ``*.yaml``,
``*.yml``, ``*.json`` that declare a ``duaal-leren/`` schema), reports in text, JSON, GitHub
annotations or JUnit XML, and exits 0 without errors, 1 with errors, 2 on usage errors or
files that cannot be read as documents (the other files are still checked). A document that
a rule cannot check (a library error while validating) is reported as failed with that
error, and the other files are still checked. Settings may also come from
``[tool.duaal-leren]`` in the ``pyproject.toml`` of the checked repository. Every output
format escapes control characters.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tomllib
from pathlib import Path
from typing import Any, TextIO

from duaal_leren._files import document_files
from duaal_leren._validators import as_day
from duaal_leren.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_format,
    date_option,
    lang,
)
from duaal_leren.documents import MAX_SIZE
from duaal_leren.exceptions import excerpt
from duaal_leren.validation import Reports, RuleError, Severity, validate_files

__all__ = ["configure", "find_settings", "run"]

_FORMATS = {
    "text": "een regel per bevinding en een telling / a line per finding and a count",
    "json": "de bevindingen per bestand als JSON / the findings of each file as JSON",
    "github": "annotaties voor GitHub Actions / annotations for GitHub Actions",
    "junit": "JUnit XML, een testgeval per bestand / JUnit XML, a test case per file",
}
_SETTINGS = ("select", "ignore", "severity", "today", "lang", "format")


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


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


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``validate``."""
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="bestanden of mappen / files or folders"
    )
    add_format(
        parser,
        _FORMATS,
        default=None,
        default_help=(
            "format uit [tool.duaal-leren], anders text",
            "format from [tool.duaal-leren], else text",
        ),
    )
    parser.add_argument(
        "--select",
        default=None,
        metavar="CODES",
        help="alleen deze regels: codes of voorvoegsels van hele woorden, met komma's / only "
        "these rules: codes or prefixes of whole words, comma-separated",
    )
    parser.add_argument(
        "--ignore",
        default=None,
        metavar="CODES",
        help="regels om over te slaan, met komma's / rules to skip, comma-separated",
    )
    parser.add_argument(
        "--severity",
        action="append",
        default=None,
        metavar="CODE=LEVEL",
        help="ernst van een regel wijzigen: error, warning of info; herhaalbaar / change a "
        "rule's severity: error, warning or info; repeatable",
    )
    parser.add_argument(
        "--today",
        default=None,
        metavar="YYYY-MM-DD",
        help="de dag die tijdsafhankelijke regels als vandaag nemen / the day time-dependent "
        "rules take as today",
    )
    parser.add_argument(
        "--max-size",
        type=_megabytes,
        default=None,
        metavar="MB",
        help=f"grootste bestand dat gelezen wordt, in MB (standaard {MAX_SIZE // 2**20}) / "
        f"largest file read, in MB (default {MAX_SIZE // 2**20})",
    )


def _megabytes(text: str) -> int:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1024 * 1024:
        raise argparse.ArgumentTypeError(
            f"{excerpt(text)}: een aantal megabytes groter dan 0 / a number of megabytes above 0"
        )
    return int(value * 1024 * 1024)


def _files(paths: list[str]) -> list[str | Path]:
    # An empty name is no folder to search: the file's report says what is wrong with it.
    files: list[str | Path] = []
    for name in paths:
        if name:
            files.extend(path for path, _ in document_files([name]))
        else:
            files.append(name)
    return files


def _severity(args: argparse.Namespace, settings: dict[str, Any]) -> dict[str, str]:
    severity: dict[str, str] = dict(settings.get("severity", {}))
    for item in args.severity or ():
        code, sep, level = item.partition("=")
        if not sep:
            raise RuleError(
                f"--severity: verwacht CODE=LEVEL, niet {excerpt(item)}",
                f"--severity: expected CODE=LEVEL, got {excerpt(item)}",
            )
        severity[code.strip()] = level.strip()
    for code, level in severity.items():
        if level not in {s.value for s in Severity}:
            raise RuleError(
                f"ernst {code}={excerpt(level)}: kies error, warning of info",
                f"severity {code}={excerpt(level)}: choose error, warning or info",
            )
    return severity


def _write(reports: Reports, fmt: str, language: str, out: TextIO) -> None:
    writers = {
        "text": reports.text,
        "json": reports.to_json,
        "github": reports.to_github,
        "junit": reports.to_junit,
    }
    text = writers[fmt](language)
    if text:
        out.write(text + "\n")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Check the files; exit 0 without errors, 1 with errors, 2 with unreadable files."""
    settings, _ = find_settings(Path.cwd())
    select = _csv(args.select) if args.select is not None else settings.get("select")
    ignore = _csv(args.ignore) if args.ignore is not None else settings.get("ignore")
    today = date_option(args, "--today")
    if today is None and settings.get("today") is not None:
        today = as_day(str(settings["today"]), "[tool.duaal-leren].today")
    language = lang(args, settings.get("lang"))
    fmt = args.format or settings.get("format") or "text"
    reports = validate_files(
        _files(args.paths),
        today=today,
        select=select,
        ignore=ignore,
        severity=_severity(args, settings),
        max_size=args.max_size,
    )
    _write(reports, fmt, language, out)
    # A missing file is reported among the findings of that file, like any unreadable one.
    if any(r.unreadable for r in reports):
        return EXIT_USAGE
    return EXIT_OK if reports.passed else EXIT_FINDINGS
