r"""Validation of many files in worker processes, with exactly the reports of a serial run.

`validate_files_parallel` gives the `Reports` that `validate_files` gives for the same
files and options, in the same order, using several processes: a CI job that checks
hundreds of plans uses every core. The files are checked in chunks, each by
`validate_files` in a worker. What makes one file depend on another is kept: the standard
plans and catalogues among the files serve the documents of every chunk, as they serve all
files in a serial run. Each worker reads those once, when it starts; they are checked
themselves in a chunk of their own, where they serve one another as in a serial run.

Which files may be a standard plan or a catalogue is decided from their bytes, erring on
the safe side: a file that spells neither schema, and writes no escape that could spell
one (``\u0061``), is neither. A file taken for one wrongly costs only time. An attendance
record is checked against its traject, which may be any file of the run: a run with a file
that may be one (decided the same way) is checked in this process.
"""

from __future__ import annotations

import concurrent.futures
import datetime
import multiprocessing
import os
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from duaal_leren._files import collector_paused, read_head
from duaal_leren.bewaring import Bewaarbeleid, active_policy, retention_policy
from duaal_leren.documents import MAX_SIZE, load
from duaal_leren.exceptions import DuaalLerenError
from duaal_leren.leidraad.model import Leidraad
from duaal_leren.opleidingsplan import StandaardOpleidingsplan
from duaal_leren.privacy import health_words, used_health_words
from duaal_leren.traject import Traject
from duaal_leren.validation._engine import Report, Reports, Severity, validate_files

__all__ = ["jobs_for", "validate_files_parallel"]

# The schemas of the kinds that serve other files (`validate_files`: standard plans for
# individual plans, catalogues for conversation records) as a document spells them
# (``duaal-leren/standaardplan@1``; a traject's reference to its plan has no "@"), and the
# escapes of JSON and YAML that could spell a letter or the "@" of them without the word
# showing (``\u0061``, ``\x61``, ``\U00000061``, a line folded with a backslash). Other
# escapes (``\n``, ``\u00e9``) spell no such character.
_ESCAPE = re.compile(rb"\\(?:u00|x|U000000)[4-7][0-9a-fA-F]|\\[\r\n]")
_SERVING = (b"standaardplan@", b"leidraad@")
# An attendance record is checked against the traject it belongs to, which may be any
# other file of the run: a run with one is checked in this process.
_NEEDS_ALL = (b"aanwezigheden@",)
# Chunks per worker: enough that a worker with slow files does not leave the others idle.
_CHUNKS_PER_JOB = 4


def jobs_for(jobs: int) -> int:
    """The number of processes that ``jobs`` asks for: 0 is one per CPU core."""
    return jobs if jobs > 0 else os.cpu_count() or 1


def _kinds(path: str | os.PathLike[str], max_size: int) -> tuple[bool, bool]:
    """Whether a file may serve others, and whether it may need every traject of the run.

    The first: a standard plan or a catalogue; the second: an attendance record. See the
    module's text.
    """
    try:
        raw = read_head(path, max_size + 1)
    except OSError:
        return False, False  # not read here, not read by the loader either: neither
    if b"\\" in raw and _ESCAPE.search(raw) is not None:
        return True, True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True, True  # another encoding: the bytes say nothing
    return (
        any(schema in raw for schema in _SERVING),
        any(schema in raw for schema in _NEEDS_ALL),
    )


def _may_serve(path: str | os.PathLike[str], max_size: int) -> bool:
    """Whether a file may be a standard plan or a catalogue."""
    return _kinds(path, max_size)[0]


# The worker's standard plans and catalogues of the files, read once when it starts (or
# read by the parent before it forks the workers, which inherit them): one run at a time
# in a process, since they are the module's.
_served: tuple[list[StandaardOpleidingsplan], list[Leidraad]] = ([], [])
_ONE_RUN = threading.Lock()


def _start(paths: Sequence[str | os.PathLike[str]], max_size: int | None) -> None:
    plans: list[StandaardOpleidingsplan] = []
    catalogues: list[Leidraad] = []
    for path in paths:
        try:
            document = load(path, max_size=max_size)
        except DuaalLerenError:
            continue  # unreadable: its own chunk reports it, and it serves no one
        if isinstance(document, StandaardOpleidingsplan):
            plans.append(document)
        elif isinstance(document, Leidraad):
            catalogues.append(document)
    _served[0][:] = plans
    _served[1][:] = catalogues


def _check(
    paths: Sequence[str | os.PathLike[str]],
    serve: bool,
    options: dict[str, Any],
    settings: tuple[Bewaarbeleid | None, tuple[str, ...]],
) -> tuple[Report, ...]:
    if serve:
        options = {
            **options,
            "standaardplannen": [*options["standaardplannen"], *_served[0]],
            "leidraden": [*options["leidraden"], *_served[1]],
        }
    # The retention policy and health words of the caller's context, set again here: a
    # worker's context is its own (a fresh interpreter has none of the caller's values).
    policy, words = settings
    with collector_paused(), retention_policy(policy), health_words(words):
        return validate_files(paths, **options).reports


def validate_files_parallel(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int,
    today: datetime.date | str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    severity: Mapping[str, Severity | str] | None = None,
    standaardplannen: Iterable[StandaardOpleidingsplan] = (),
    leidraden: Iterable[Leidraad] = (),
    trajecten: Iterable[Traject] = (),
    max_size: int | None = None,
) -> Reports:
    """`validate_files` in ``jobs`` processes (0: one per CPU core); the same reports.

    The retention policy (`duaal_leren.bewaring.retention_policy`) and the health words
    (`duaal_leren.privacy.health_words`) in force where it is called apply in every process.

    Args:
        paths: The files, as for `validate_files`.
        jobs: How many processes; 1 checks the files in this process.
        today: As for `validate_files`.
        select: As for `validate_files`.
        ignore: As for `validate_files`.
        severity: As for `validate_files`.
        standaardplannen: As for `validate_files`.
        leidraden: As for `validate_files`.
        trajecten: As for `validate_files`.
        max_size: As for `validate_files`.

    Raises:
        RuleError: As for `validate_files`, before any file is read.
        FieldError: As for `validate_files`.
    """
    files = list(paths)
    options: dict[str, Any] = {
        "today": today,
        "select": select,
        "ignore": ignore,
        "severity": severity,
        "standaardplannen": list(standaardplannen),
        "leidraden": list(leidraden),
        "trajecten": list(trajecten),
        "max_size": max_size,
    }
    validate_files([], **options)  # a wrong rule, severity or day fails here, as it would
    workers = min(jobs_for(jobs), len(files))
    limit = max_size if max_size is not None else MAX_SIZE
    kinds = [_kinds(path, limit) for path in files] if workers > 1 else []
    if workers <= 1 or any(needs_all for _, needs_all in kinds):
        with collector_paused():
            return validate_files(files, **options)
    serving = [i for i, (serves, _) in enumerate(kinds) if serves]
    chosen = set(serving)
    rest = [i for i in range(len(files)) if i not in chosen]
    size = max(1, -(-len(rest) // (workers * _CHUNKS_PER_JOB)))
    chunks = [(serving, False)] if serving else []
    chunks += [(rest[i : i + size], True) for i in range(0, len(rest), size)]
    settings = (active_policy(), used_health_words())
    with _ONE_RUN:
        return _run(files, workers, serving, chunks, options, settings)


def _run(
    files: list[str | os.PathLike[str]],
    workers: int,
    serving: list[int],
    chunks: list[tuple[list[int], bool]],
    options: dict[str, Any],
    settings: tuple[Bewaarbeleid | None, tuple[str, ...]],
) -> Reports:
    max_size = options["max_size"]
    rest = [i for chunk, serve in chunks if serve for i in chunk]
    reports: list[Report | None] = [None] * len(files)
    context = multiprocessing.get_context()
    serving_files = [files[i] for i in serving]
    # The first file is checked here, before the workers start: a forked worker then
    # inherits what its first use costs (the rules, the school calendars, the holiday
    # tables), as it inherits the standard plans and catalogues read here.
    _start(serving_files, max_size)
    if rest:
        first = chunks[1 if serving else 0]
        reports[first[0][0]] = _check([files[first[0][0]]], True, options, settings)[0]
        del first[0][0]
    if context.get_start_method() == "fork":
        pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=context)
    else:  # a fresh interpreter reads the standard plans and catalogues itself
        pool = concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start, initargs=(serving_files, max_size)
        )
    with pool:
        futures = {
            pool.submit(_check, [files[i] for i in chunk], serve, options, settings): chunk
            for chunk, serve in chunks
            if chunk
        }
        for future in concurrent.futures.as_completed(futures):
            for index, report in zip(futures[future], future.result(), strict=True):
                reports[index] = report
    return Reports(tuple(r for r in reports if r is not None))
