"""The ``validate`` command: check files in CI.

``duaal-leren validate PATH...`` checks files and folders (recursively: ``*.yaml``,
``*.yml``, ``*.json`` that declare a ``duaal-leren/`` schema), reports in text, JSON, GitHub
annotations, JUnit XML or SARIF, and exits 0 without errors, 1 with errors, 2 on usage errors,
files that cannot be read as documents (the other files are still checked) or a run that
checked no document at all (unless ``--allow-empty``). A file named on the command line that
declares no ``duaal-leren/`` schema (a CI workflow, ``.pre-commit-config.yaml``) is skipped
and counted as such, as one found in a folder is, or reported with ``--unknown-files
error``. A document that a rule cannot check (a library error while validating) is reported
as failed with that error, and the other files are still checked. The standard plans of
``--standaardplannen`` are loaded whatever files are checked, so that a commit that changes
only a traject is checked against them; so are the trajecten of ``--trajecten``, so that a
commit that changes only an attendance record is checked against its traject's schedule. Paths in the JSON, GitHub, JUnit and SARIF output are
relative to ``GITHUB_WORKSPACE``, else to the root of the git repository of the file, so
that annotations land on the file. Settings may also come from ``[tool.duaal-leren]`` in
the ``pyproject.toml`` of the checked repository, among them a retention policy
(``[tool.duaal-leren.bewaring]``) and the words that suggest health data
(``[tool.duaal-leren.privacy] gezondheidswoorden``) for the rules on personal data. Every output format escapes control
characters. ``--jobs N`` checks the files in N processes (0: one per CPU core), with the
output of a run in one process.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from duaal_leren._files import _declares, document_files, read_head
from duaal_leren._validators import as_day
from duaal_leren.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_format,
    date_option,
    lang,
    to_json,
)
from duaal_leren.documents import MAX_SIZE
from duaal_leren.exceptions import FieldError, excerpt
from duaal_leren.opleidingsplan import StandaardOpleidingsplan
from duaal_leren.traject import Traject
from duaal_leren.validation import (
    Finding,
    Report,
    Reports,
    RuleError,
    Severity,
    validate_files,
)

if TYPE_CHECKING:
    from duaal_leren.bewaring import Bewaarbeleid

__all__ = ["configure", "find_settings", "run"]

_FORMATS = {
    "text": "een regel per bevinding en een telling / a line per finding and a count",
    "json": "de bevindingen per bestand als JSON / the findings of each file as JSON",
    "github": "annotaties voor GitHub Actions / annotations for GitHub Actions",
    "junit": "JUnit XML, een testgeval per bestand / JUnit XML, a test case per file",
    "sarif": "SARIF 2.1.0 voor GitHub code scanning / SARIF 2.1.0 for GitHub code scanning",
}
_SETTINGS = (
    "allow-empty",
    "bewaring",
    "format",
    "ignore",
    "jobs",
    "lang",
    "privacy",
    "select",
    "severity",
    "standaardplannen",
    "today",
    "trajecten",
    "unknown-files",
)
_UNKNOWN_FILES = ("error", "skip")
_PRIVACY = ("gezondheidswoorden",)
_EPILOG = (
    "exitcodes / exit codes: 0 geen fouten / no errors; 1 fouten gevonden / errors found; "
    "2 gebruiksfout, onleesbaar bestand of geen document gecontroleerd / usage error, "
    "unreadable file or no document checked. Instellingen / settings: [tool.duaal-leren] in "
    "de dichtstbijzijnde pyproject.toml / in the nearest pyproject.toml ("
    + ", ".join(_SETTINGS)
    + ")."
)


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
            import tomllib  # only when there is a file to read

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
    plans = table.get("standaardplannen")
    if plans is not None and not (
        isinstance(plans, list) and all(isinstance(v, str) and v for v in plans)
    ):
        raise fail(
            "standaardplannen",
            'verwacht een lijst van bestanden of mappen, zoals ["plannen"]',
            'expected a list of files or folders, such as ["plannen"]',
        )
    trajecten = table.get("trajecten")
    if trajecten is not None and not (
        isinstance(trajecten, list) and all(isinstance(v, str) and v for v in trajecten)
    ):
        raise fail(
            "trajecten",
            'verwacht een lijst van bestanden of mappen, zoals ["trajecten"]',
            'expected a list of files or folders, such as ["trajecten"]',
        )
    allow_empty = table.get("allow-empty")
    if allow_empty is not None and not isinstance(allow_empty, bool):
        raise fail("allow-empty", "verwacht true of false", "expected true or false")
    jobs = table.get("jobs")
    if jobs is not None and (type(jobs) is not int or jobs < 0):
        raise fail(
            "jobs",
            "verwacht een geheel getal, 0 of meer (0: een proces per kern)",
            "expected a whole number, 0 or more (0: a process per core)",
        )
    _check_privacy(table.get("privacy"), fail)
    if table.get("bewaring") is not None:
        try:
            _policy(table)
        except FieldError as error:
            raise RuleError(
                f"{candidate}: {error.text('nl')}", f"{candidate}: {error.text('en')}"
            ) from None
    for key, allowed in (
        ("lang", ("nl", "en")),
        ("format", tuple(sorted(_FORMATS))),
        ("unknown-files", _UNKNOWN_FILES),
    ):
        value = table.get(key)
        if value is not None and value not in allowed:
            choices = ", ".join(allowed)
            raise fail(key, f"kies uit {choices}", f"choose from {choices}")


def _check_privacy(privacy: object, fail: Callable[[str, str, str], RuleError]) -> None:
    """``[tool.duaal-leren.privacy]`` is a table of known keys with a list of words."""
    if privacy is None:
        return
    if not isinstance(privacy, dict):
        raise fail(
            "privacy",
            "verwacht een tabel, zoals [tool.duaal-leren.privacy]",
            "expected a table, such as [tool.duaal-leren.privacy]",
        )
    unknown = sorted(set(privacy) - set(_PRIVACY))
    if unknown:
        names, known = ", ".join(map(excerpt, unknown)), ", ".join(_PRIVACY)
        raise fail(
            "privacy",
            f"onbekende instelling(en) {names}; gekend is {known}",
            f"unknown setting(s) {names}; known is {known}",
        )
    words = privacy.get("gezondheidswoorden")
    if words is not None and not (
        isinstance(words, list) and all(isinstance(w, str) and w.strip() for w in words)
    ):
        raise fail(
            "privacy.gezondheidswoorden",
            'verwacht een lijst van niet-lege woorden, zoals ["diagnose", "therapie"]',
            'expected a list of words that are not empty, such as ["diagnose", "therapie"]',
        )


def _policy(settings: dict[str, Any]) -> Bewaarbeleid | None:
    """The retention policy of ``[tool.duaal-leren.bewaring]``, or None without one.

    Raises:
        FieldError: The table is not a valid policy; the message names the setting.
    """
    table = settings.get("bewaring")
    if table is None:
        return None
    # Only a run with the setting pays for the retention module.
    from duaal_leren.bewaring import Bewaarbeleid

    return Bewaarbeleid.from_dict(table, "[tool.duaal-leren].bewaring")


def _privacy_settings(settings: dict[str, Any]) -> contextlib.ExitStack:
    """The retention policy and health words of the settings, entered for a run.

    The rules read both from context variables; `validate_files_parallel` hands them on to
    its worker processes, so that ``--jobs N`` checks with the same policy and words.
    """
    stack = contextlib.ExitStack()
    policy = _policy(settings)
    if policy is not None:
        from duaal_leren.bewaring import retention_policy

        stack.enter_context(retention_policy(policy))
    words = settings.get("privacy", {}).get("gezondheidswoorden")
    if words is not None:
        from duaal_leren.privacy import health_words

        stack.enter_context(health_words(words))
    return stack


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``validate``."""
    parser.epilog = _EPILOG
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
    parser.add_argument(
        "--standaardplannen",
        action="append",
        default=None,
        metavar="PATH",
        help="standaardplannen (bestanden of mappen) die altijd geladen worden, welke bestanden "
        "ook gecontroleerd worden; herhaalbaar / standard plans (files or folders) loaded "
        "whatever files are checked; repeatable",
    )
    parser.add_argument(
        "--trajecten",
        action="append",
        default=None,
        metavar="PATH",
        help="trajecten (bestanden of mappen) die altijd geladen worden, zodat aanwezigheden "
        "tegen het rooster van hun traject gecontroleerd worden; herhaalbaar / trajecten "
        "(files or folders) loaded whatever files are checked, so that attendance records are "
        "checked against their traject's schedule; repeatable",
    )
    parser.add_argument(
        "--unknown-files",
        choices=_UNKNOWN_FILES,
        default=None,
        help="een bestand zonder duaal-leren-schema: skip (overslaan en tellen, standaard) of "
        "error (een fout, exitcode 2) / a file without a duaal-leren schema: skip (skipped and "
        "counted, the default) or error (an error, exit code 2)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help="controleer in N processen, 0 voor een per processorkern (standaard 1); de uitvoer "
        "is die van een run in één proces / check in N processes, 0 for one per CPU core "
        "(default 1); the output is that of a run in one process",
    )
    parser.add_argument(
        "--allow-empty",
        action="store_true",
        default=None,
        help="een run die geen document controleert is geen fout / a run that checks no "
        "document is no error",
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


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(
            f"{excerpt(text)}: een geheel getal, 0 of meer / a whole number, 0 or more"
        )
    return value


def _declares_schema(path: Path) -> bool:
    """Whether a named file declares a ``duaal-leren/`` schema, as a folder scan decides.

    A file whose head cannot be read counts as a document: the loader says why it fails.
    """
    try:
        head = read_head(path, 4096).decode("utf-8", errors="replace")
    except OSError:
        return True
    return bool(_declares("").search(head))


def _files(paths: list[str], unknown: str) -> tuple[list[str | Path], list[Report], int]:
    """The files to check, the reports of named files that are no documents, and a count.

    Files without a ``duaal-leren/`` schema are left out, named or found in a folder; with
    ``unknown == "error"`` each named one gets a report that says it is no document, else
    it counts among the skipped files (those left out of folders are not counted).
    """
    # An empty name is no folder to search: the file's report says what is wrong with it.
    files: list[str | Path] = []
    unknowns: list[Report] = []
    skipped = 0
    for name in paths:
        if not name:
            files.append(name)
            continue
        for path, named in document_files([name]):
            if not named or not path.exists() or _declares_schema(path):
                files.append(path)
            elif unknown == "error":
                unknowns.append(_no_document(str(path)))
            else:
                skipped += 1
    return files, unknowns, skipped


def _no_document(source: str) -> Report:
    finding = Finding(
        "geen-document",
        Severity.ERROR,
        "$",
        "geen duaal-leren-document: het bestand declareert geen schema duaal-leren/...",
        "not a duaal-leren document: the file declares no schema duaal-leren/...",
        "duaal-leren",
    )
    return Report((finding,), source, unreadable=True)


def _standaardplannen(names: list[str], base: Path) -> list[StandaardOpleidingsplan]:
    """The standard plans of files and folders, relative to ``base``.

    Raises:
        DocumentError: A file cannot be read as a document.
        RuleError: A file named is no standard plan.
    """
    from duaal_leren.documents import load

    plans = []
    for name in names:
        for path, named in document_files([base / name], "standaardplan"):
            document = load(path)
            if not isinstance(document, StandaardOpleidingsplan):
                if not named:
                    continue
                raise RuleError(
                    f"--standaardplannen: {excerpt(str(path))} is geen standaardplan",
                    f"--standaardplannen: {excerpt(str(path))} is no standard plan",
                )
            plans.append(document)
    return plans


def _trajecten(names: list[str], base: Path) -> list[Traject]:
    """The trajecten of files and folders, relative to ``base``.

    Raises:
        DocumentError: A file cannot be read as a document.
        RuleError: A file named is no traject.
    """
    from duaal_leren.documents import load

    found = []
    for name in names:
        for path, named in document_files([base / name], "traject"):
            document = load(path)
            if not isinstance(document, Traject):
                if not named:
                    continue
                raise RuleError(
                    f"--trajecten: {excerpt(str(path))} is geen traject",
                    f"--trajecten: {excerpt(str(path))} is no traject",
                )
            found.append(document)
    return found


def _root(path: Path, roots: dict[Path, Path | None] | None = None) -> Path | None:
    """The folder paths are shown relative to: ``GITHUB_WORKSPACE``, else the git root.

    Args:
        path: An absolute path.
        roots: The git roots found so far in this run, by folder: asked once per folder,
            not once per file.
    """
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace:
        return Path(os.path.abspath(workspace))
    folder = path.parent
    if roots is not None and folder in roots:
        return roots[folder]
    # A worktree or submodule has a .git file instead of a folder.
    root = next((p for p in (folder, *folder.parents) if (p / ".git").exists()), None)
    if roots is not None:
        roots[folder] = root
    return root


def _shown(source: str, roots: dict[Path, Path | None] | None = None) -> str:
    """``source`` relative to `_root` where it lies inside it, else as given."""
    if source == '""':
        return source
    path = Path(os.path.abspath(source))
    root = _root(path, roots)
    if root is None or not path.is_relative_to(root):
        return source
    return path.relative_to(root).as_posix()


def _relative(reports: Reports) -> Reports:
    roots: dict[Path, Path | None] = {}
    return Reports(
        tuple(attrs.evolve(r, source=_shown(r.source, roots)) if r.source else r for r in reports)
    )


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


def _write(reports: Reports, skipped: int, fmt: str, language: str, out: TextIO) -> None:
    if fmt == "text":
        text = reports.text(language)
        if skipped:
            # The count of skipped files joins the summary, the last line.
            text += f", {skipped} {'skipped' if language == 'en' else 'overgeslagen'}"
    elif fmt == "json":
        data = _relative(reports).to_dict(language)
        data["summary"]["skipped"] = skipped
        text = to_json(data)
    elif fmt == "github":
        text = _relative(reports).to_github(language)
    elif fmt == "sarif":
        text = _relative(reports).to_sarif(language)
    else:
        text = _relative(reports).to_junit(language)
    if text:
        out.write(text + "\n")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Check the files; exit 0 without errors, 1 with errors, 2 with unreadable files.

    A run that checked no document exits 2 as well, unless empty runs are allowed.
    """
    settings, pyproject = find_settings(Path.cwd())
    select = _csv(args.select) if args.select is not None else settings.get("select")
    ignore = _csv(args.ignore) if args.ignore is not None else settings.get("ignore")
    today = date_option(args, "--today")
    if today is None and settings.get("today") is not None:
        today = as_day(str(settings["today"]), "[tool.duaal-leren].today")
    language = lang(args, settings.get("lang"))
    fmt = args.format or settings.get("format") or "text"
    unknown = args.unknown_files or settings.get("unknown-files") or "skip"
    allow_empty = bool(args.allow_empty or settings.get("allow-empty"))
    # The settings file names folders relative to itself; the command line, to here.
    plans = _standaardplannen(args.standaardplannen or [], Path.cwd())
    if args.standaardplannen is None and pyproject is not None:
        plans = _standaardplannen(settings.get("standaardplannen", []), pyproject.parent)
    trajecten = _trajecten(args.trajecten or [], Path.cwd())
    if args.trajecten is None and pyproject is not None:
        trajecten = _trajecten(settings.get("trajecten", []), pyproject.parent)
    files, unknowns, skipped = _files(args.paths, unknown)
    jobs = args.jobs if args.jobs is not None else settings.get("jobs", 1)
    options: dict[str, Any] = {
        "today": today,
        "select": select,
        "ignore": ignore,
        "severity": _severity(args, settings),
        "standaardplannen": plans,
        "trajecten": trajecten,
        "max_size": args.max_size,
    }
    with _privacy_settings(settings):
        if jobs == 1:  # validate_files pauses the collector itself
            reports = validate_files(files, **options)
        else:
            from duaal_leren.validation._parallel import validate_files_parallel

            reports = validate_files_parallel(files, jobs=jobs, **options)
    reports = Reports((*reports, *unknowns))
    _write(reports, skipped, fmt, language, out)
    if not len(reports) and not allow_empty:
        sys.stderr.write(
            (
                "duaal-leren: no document checked: none of the files declares a schema "
                "duaal-leren/...; --allow-empty allows that"
                if language == "en"
                else "duaal-leren: geen document gecontroleerd: geen van de bestanden declareert "
                "een schema duaal-leren/...; --allow-empty laat dat toe"
            )
            + "\n"
        )
        return EXIT_USAGE
    # A missing file is reported among the findings of that file, like any unreadable one.
    if any(r.unreadable for r in reports):
        return EXIT_USAGE
    return EXIT_OK if reports.passed else EXIT_FINDINGS
