"""The speed and scale benchmark of duaal-leren: one command, every measure side by side.

Run from the repository's root, after ``pip install -e ".[bench]"``::

    python benchmarks/run.py            # full run: corpora of 2,000 and 20,000 trajecten
    python benchmarks/run.py --quick    # a small run that checks the benchmark still works

It writes a seeded synthetic corpus (`corpus.py`; kept in ``benchmarks/.corpus`` and
reused while the generator is unchanged), takes its first tenth as the small corpus, and
measures on both:

1. loading JSON and YAML in three modes: the corpus kept with Python's default garbage
   collection (``kept``); kept the way the library's own bulk loaders keep it, with the
   collector paused (``bulk``: `duaal_leren._files.collector_paused`, as a folder or a
   cohort is read); and one document at a time, loaded, used and dropped (``single``: a CI
   run, a web request). Each against the pydantic v2 peer (`pydantic_model.py`, with shared
   defaults) or PyYAML's C loader, and against the parsing floor: ``orjson.loads`` for
   JSON, libyaml's ``compose`` for YAML (the nodes, no Python data);
2. writing JSON and YAML, against pydantic's ``model_dump_json`` and the floor
   (``orjson.dumps``, PyYAML's C dumper, of the same plain data);
3. validating, planning and progress per traject, against loading it;
4. the command line's start-up: ``duaal-leren validate <one file>``, ``duaal-leren
   --help`` and ``from duaal_leren import load, Traject``, each against ``python -c
   "import attrs, cattrs, pendulum, yaml"``;
5. ``duaal-leren validate --jobs 2`` against ``--jobs 1`` on a folder of 400 trajecten;
6. memory per kept traject, against pydantic;
7. scaling: each step on the large corpus against the small one.

Every step runs in a process of its own, so that one does not inherit the heap of another;
the repetitions of the steps are interleaved (every step once, then every step again), and
each measure is the median of its repetitions. YAML is measured on a tenth of each corpus
(``--yaml-share``): PyYAML's loader takes about 25 ms a document. The quick mode uses a
corpus of 400 (and 40) and one repetition, and fails when anything breaks (a document that
does not load, a step that errs, a calendar built more than once, ``--jobs 2`` writing
other output than ``--jobs 1``), but asserts nothing about time. ``--check`` makes a run
fail when a target of the table is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = HERE / ".corpus"
SCHOOLJAAR = ("2025-09-01", "2026-06-30")  # every corpus contract runs in this school year
CASELOAD = 100
MAX_PER_DAG = 4  # a caseload of 100 holds about 600 conversations a school year
ONE_FILE = ROOT / "examples" / "traject-lotte.yaml"
JOBS_FILES = 400

# The speed targets: name, what is divided by what, the target's text, its test.
TARGETS: tuple[tuple[str, str, str, Callable[[float], bool]], ...] = (
    ("json:single/pydantic", "JSON load one at a time / pydantic", "≤ 1.0", lambda r: r <= 1.0),
    ("json:kept/pydantic", "JSON load, corpus kept / pydantic", "≤ 0.5", lambda r: r <= 0.5),
    ("json:single/floor", "JSON load one at a time / orjson.loads", "≤ 4", lambda r: r <= 4.0),
    (
        "yaml:single/pyyaml",
        "YAML load one at a time / PyYAML C loader",
        "≤ 0.75",
        lambda r: r <= 0.75,
    ),
    ("validate/load", "validate a traject / load it (one at a time)", "≤ 0.5", lambda r: r <= 0.5),
    ("plan/load", "plan a traject's school year / load it", "≤ 2", lambda r: r <= 2.0),
    ("dump:json/pydantic", "JSON dump / pydantic model_dump_json", "≤ 1.0", lambda r: r <= 1.0),
    ("cli:validate", "duaal-leren validate <one file> / imports", "≤ 1.5", lambda r: r <= 1.5),
    ("cli:help", "duaal-leren --help / imports", "≤ 1.25", lambda r: r <= 1.25),
    (
        "cli:first_use",
        "from duaal_leren import load, Traject / imports",
        "≤ 1.4",
        lambda r: r <= 1.4,
    ),
    ("jobs", f"validate --jobs 1 / --jobs 2 ({JOBS_FILES} trajecten)", "≥ 1.6", lambda r: r >= 1.6),
    ("memory", "memory per kept traject / pydantic", "≤ 0.4", lambda r: r <= 0.4),
    ("calendars", "school calendars built for a caseload of 100", "1", lambda r: r == 1),
)
# Every load mode (with the default collector a kept corpus makes each full collection
# walk more objects, so its time grows faster than the corpus), and the work per traject.
SCALED = (
    *(f"{fmt}:{mode}" for fmt in ("json", "yaml") for mode in ("kept", "bulk", "single")),
    "validate",
    "plan",
    "progress",
)
SCALING_TARGET = (8.0, 12.0)
MODES = ("kept", "bulk", "single")
PEERS = {"json": ("duaal-leren", "pydantic", "floor"), "yaml": ("duaal-leren", "pyyaml", "floor")}


# --- steps, each run in a process of its own ----------------------------------------------


def _rss_kb() -> float:
    """The resident set of this process now, in KB."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024


def _files(corpus: Path, fmt: str, n: int) -> list[Path]:
    sys.path.insert(0, str(HERE))
    from corpus import Corpus

    manifest = json.loads((corpus / "manifest.json").read_text("utf-8"))
    return Corpus(corpus, manifest["n"], manifest["seed"]).files(fmt)[:n]


def _warm(files: Sequence[Path]) -> None:
    # Read every file once, so that each step meets the same (cached) disk.
    for path in files:
        path.read_bytes()


def _loader(fmt: str, library: str) -> tuple[Callable[[Path], Any], Callable[[Any], int]]:
    """How a library loads one file, and a use of what it loaded (a count of competences)."""
    if library == "duaal-leren":
        import duaal_leren

        return duaal_leren.load, lambda t: len(t.opleidingsplan.competenties)
    if library == "pydantic":
        sys.path.insert(0, str(HERE))
        from pydantic_model import Traject

        return (
            lambda path: Traject.model_validate_json(path.read_bytes()),
            lambda t: len(t.opleidingsplan.competenties),
        )
    if fmt == "json":  # the floor: parsing alone
        import orjson

        return (
            lambda path: orjson.loads(path.read_bytes()),
            lambda d: len(d["opleidingsplan"]["competenties"]),
        )
    import yaml

    if library == "pyyaml":
        return (
            lambda path: yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader),
            lambda d: len(d["opleidingsplan"]["competenties"]),
        )
    return (  # the floor: libyaml's nodes, without building Python data
        lambda path: yaml.compose(path.read_text("utf-8"), Loader=yaml.CSafeLoader),
        lambda node: len(node.value),
    )


def step_load(corpus: Path, n: int, fmt: str, library: str, mode: str) -> dict[str, Any]:
    """Load ``n`` files of one format with one library, in one mode."""
    from duaal_leren._files import collector_paused

    files = _files(corpus, fmt, n)
    _warm(files)
    load, use = _loader(fmt, library)
    # One document first, untimed, for every library: what happens once per process (imports,
    # generated code, pydantic's validators are built when its classes are) is not counted.
    use(load(files[0]))
    gc.collect()
    before = _rss_kb()
    started = time.perf_counter()
    if mode == "single":
        used = 0
        for path in files:
            document = load(path)
            used += use(document)
            del document
        kept: list[Any] = []
    elif mode == "bulk":
        with collector_paused():
            kept = [load(path) for path in files]
    else:
        kept = [load(path) for path in files]
    seconds = time.perf_counter() - started
    grown = _rss_kb() - before
    if mode != "single" and len(kept) != n:
        raise RuntimeError(f"{len(kept)} of {n} documents loaded")
    return {"seconds": seconds, "n": n, "kb_per_document": grown / n if kept else None}


def step_dump(corpus: Path, n: int) -> dict[str, Any]:
    """Write ``n`` trajecten as JSON and YAML with each library; seconds per pass, median."""
    import orjson
    import yaml

    import duaal_leren

    sys.path.insert(0, str(HERE))
    from pydantic_model import Traject

    files = _files(corpus, "json", n)
    ours = [duaal_leren.load(path) for path in files]
    theirs = [Traject.model_validate_json(path.read_bytes()) for path in files]
    plain = [duaal_leren.to_dict(t) for t in ours]
    writers: dict[str, Callable[[], Any]] = {
        "json:duaal-leren": lambda: [duaal_leren.dump(t, "json") for t in ours],
        "json:pydantic": lambda: [
            m.model_dump_json(indent=2, by_alias=True, exclude_defaults=True) for m in theirs
        ],
        "json:floor": lambda: [orjson.dumps(d, option=orjson.OPT_INDENT_2) for d in plain],
        "yaml:duaal-leren": lambda: [duaal_leren.dump(t, "yaml") for t in ours],
        "yaml:floor": lambda: [
            yaml.dump(d, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
            for d in plain
        ],
    }
    times: dict[str, list[float]] = {name: [] for name in writers}
    for write in writers.values():
        write()  # untimed: first use
    for _ in range(3):  # interleaved passes
        for name, write in writers.items():
            started = time.perf_counter()
            write()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()} | {"n": n}


def step_work(corpus: Path, n: int) -> dict[str, Any]:
    """Validate, plan and compute the progress of ``n`` loaded trajecten, one at a time."""
    from corpus import TODAY

    import duaal_leren
    from duaal_leren import kalender
    from duaal_leren._files import collector_paused
    from duaal_leren.voortgang import TrajectVoortgang

    files = _files(corpus, "json", n)
    with collector_paused():
        trajecten = [duaal_leren.load(path) for path in files]
    duaal_leren.validate(trajecten[0], today=TODAY)  # untimed: the rules' first use
    TrajectVoortgang.from_traject(trajecten[0], today=TODAY)
    counts = {"error": 0, "warning": 0, "info": 0, "passed": 0}
    started = time.perf_counter()
    for traject in trajecten:
        report = duaal_leren.validate(traject, today=TODAY)
        counts["passed"] += report.passed
        for finding in report.findings:
            counts[finding.severity.value] += 1
    validate_seconds = time.perf_counter() - started

    start, einde = (dt.date.fromisoformat(day) for day in SCHOOLJAAR)
    # The first caseload from a cold start: every calendar it needs is built here.
    kalender._build.cache_clear()
    kalender._wettelijke_dagen.cache_clear()

    def plan(caseload: list[Any]) -> int:
        # A plan from scratch, six conversations in the school year: the conversations the
        # documents record are not kept.
        load = duaal_leren.plan_caseload(
            caseload,
            duaal_leren.PerSchooljaar(6),
            start=start,
            einde=einde,
            max_per_dag=MAX_PER_DAG,
            bestaande={t.id: () for t in caseload},
        )
        if len(load.schemas) != len(caseload):
            raise RuntimeError("the caseload has a schedule missing")
        return sum(len(schema.gesprekken) for schema in load.schemas)

    started = time.perf_counter()
    planned = 0
    for first in range(0, len(trajecten), CASELOAD):
        planned += plan(trajecten[first : first + CASELOAD])
        if first == 0:
            calendars = kalender._build.cache_info().misses
    plan_seconds = time.perf_counter() - started

    started = time.perf_counter()
    for traject in trajecten:
        TrajectVoortgang.from_traject(traject, today=TODAY)
    progress_seconds = time.perf_counter() - started
    return {
        "n": n,
        "validate": validate_seconds,
        "plan": plan_seconds,
        "progress": progress_seconds,
        "findings": counts,
        "calendars_built": calendars,
        "conversations_planned": planned,
    }


STEPS: dict[str, Callable[..., dict[str, Any]]] = {
    "load": step_load,
    "dump": step_dump,
    "work": step_work,
}


def _run_step(name: str, *args: Any) -> dict[str, Any]:
    completed = subprocess.run(  # noqa: S603 - this interpreter and this script
        [sys.executable, str(Path(__file__).resolve()), "--step", json.dumps([name, *args])],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr)
        raise SystemExit(f"benchmark step {name} {args} failed")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


# --- commands: start-up and parallel validation -------------------------------------------


def _command(name: str) -> list[str]:
    """The installed ``duaal-leren`` next to this interpreter, or the module."""
    script = Path(sys.executable).with_name(name)
    return [str(script)] if script.exists() else [sys.executable, "-m", "duaal_leren.cli"]


def _timed_runs(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """The median wall time of each command, its runs interleaved."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    # As after `pip install`, which compiles every module: the first, untimed run writes
    # the bytecode of every module (the library's and its dependencies') into a cache of
    # its own, never next to the sources. Without it, the library's modules would be
    # compiled on every run while the dependencies' bytecode is read.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "duaal-leren-bench-pycache")
    for argv in commands.values():  # once untimed: compiled files and disk caches
        subprocess.run(argv, check=False, env=env, capture_output=True, cwd=ROOT)  # noqa: S603
    for _ in range(repeat):
        for name, argv in commands.items():
            started = time.perf_counter()
            subprocess.run(argv, check=False, env=env, capture_output=True, cwd=ROOT)  # noqa: S603
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def measure_startup(repeat: int) -> dict[str, float]:
    """A fresh process for each: the imports, the command line, the first use."""
    cli = _command("duaal-leren")
    python = sys.executable
    return _timed_runs(
        {
            "baseline": [python, "-c", "import attrs, cattrs, pendulum, yaml"],
            "import": [python, "-c", "import duaal_leren"],
            "first_use": [python, "-c", "from duaal_leren import load, Traject"],
            "help": [*cli, "--help"],
            "validate": [*cli, "validate", "--today", "2025-10-01", str(ONE_FILE)],
        },
        repeat,
    )


def measure_jobs(corpus: Path, count: int, repeat: int) -> dict[str, Any]:
    """``validate --jobs 1`` and ``--jobs 2`` on a folder of ``count`` trajecten."""
    from corpus import TODAY

    folder = corpus / f"jobs-{count}"
    if not folder.is_dir() or len(list(folder.iterdir())) != count:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        for path in _files(corpus, "json", count):
            (folder / path.name).symlink_to(path)
    cli = _command("duaal-leren")
    argv = [*cli, "validate", "--today", TODAY, "--format", "json", str(folder)]
    # The same output from both: the benchmark checks what the tests check.
    outputs = {
        jobs: subprocess.run(  # noqa: S603
            [*argv, "--jobs", jobs], check=False, capture_output=True, cwd=ROOT
        )
        for jobs in ("1", "2")
    }
    if outputs["1"].stdout != outputs["2"].stdout or not outputs["1"].stdout:
        raise SystemExit("validate --jobs 2 wrote other output than --jobs 1")
    times = _timed_runs({"1": [*argv, "--jobs", "1"], "2": [*argv, "--jobs", "2"]}, repeat)
    return {"files": count, "jobs_1": times["1"], "jobs_2": times["2"]}


# --- the run and its report ---------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    except OSError:
        pass
    import attrs
    import orjson
    import pydantic
    import yaml

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libraries": (
            f"attrs {attrs.__version__}, cattrs {_version('cattrs')}, "
            f"pendulum {_version('pendulum')}, PyYAML {yaml.__version__} "
            f"(libyaml {'yes' if yaml.__with_libyaml__ else 'no'}), orjson {orjson.__version__}, "
            f"pydantic {pydantic.VERSION}"
        ),
        "load_average_at_start": f"{load:.1f}",
        "date": dt.date.today().isoformat(),
    }


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def _median_steps(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each number over the repetitions of one step; the rest from the first."""
    result = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, int | float) and not isinstance(value, bool) and value is not None:
            result[key] = statistics.median(r[key] for r in runs)
    return result


def run(
    large: int,
    corpus_dir: Path,
    seed: int,
    *,
    repeat: int,
    repeat_large: int,
    yaml_share: int,
    startup_repeat: int,
    jobs_files: int,
) -> dict[str, Any]:
    """Write the corpus, run every step on both sizes, and gather the results."""
    sys.path.insert(0, str(HERE))
    from corpus import write_corpus

    small = max(1, large // 10)
    print(f"corpus: {large} trajecten in {corpus_dir} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    corpus = write_corpus(corpus_dir, large, seed)
    print(f"corpus ready in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    results: dict[str, Any] = {
        "machine": machine(),
        "sizes": [small, large],
        "yaml_share": yaml_share,
        "repeat": [repeat, repeat_large],
        "corpus": corpus.manifest,
        "steps": {},
    }
    directory = str(corpus.directory)
    for n, repetitions in ((small, repeat), (large, repeat_large)):
        steps: dict[str, tuple[Any, ...]] = {}
        for fmt, libraries in PEERS.items():
            count = n if fmt == "json" else max(1, n // yaml_share)
            for library in libraries:
                for mode in MODES:
                    steps[f"load:{fmt}:{library}:{mode}:{n}"] = (
                        "load",
                        directory,
                        count,
                        fmt,
                        library,
                        mode,
                    )
        steps[f"work:{n}"] = ("work", directory, n)
        if n == small:
            steps["dump"] = ("dump", directory, min(n, 200))
        runs: dict[str, list[dict[str, Any]]] = {key: [] for key in steps}
        for rep in range(repetitions):
            for key, args in steps.items():
                print(f"{n}: {key} ({rep + 1}/{repetitions}) ...", file=sys.stderr, flush=True)
                runs[key].append(_run_step(*args))
        for key, values in runs.items():
            results["steps"][key] = _median_steps(values)
    print("start-up ...", file=sys.stderr, flush=True)
    results["startup"] = measure_startup(startup_repeat)
    print("validate --jobs ...", file=sys.stderr, flush=True)
    results["jobs"] = measure_jobs(corpus.directory, min(jobs_files, large), max(1, repeat))
    return results


def _per_doc(step: dict[str, Any]) -> float:
    return float(step["seconds"]) / int(step["n"])


def ratios(results: dict[str, Any]) -> dict[str, float]:
    """Every ratio of the report, by name; the targets' names among them."""
    steps = results["steps"]
    small, large = results["sizes"]
    out: dict[str, float] = {}
    for n in (small, large):
        for fmt, (ours, peer, _) in PEERS.items():
            for mode in MODES:
                mine = _per_doc(steps[f"load:{fmt}:{ours}:{mode}:{n}"])
                out[f"{fmt}:{mode}/{peer}:{n}"] = mine / _per_doc(
                    steps[f"load:{fmt}:{peer}:{mode}:{n}"]
                )
                out[f"{fmt}:{mode}/floor:{n}"] = mine / _per_doc(
                    steps[f"load:{fmt}:floor:{mode}:{n}"]
                )
        work = steps[f"work:{n}"]
        single = _per_doc(steps[f"load:json:duaal-leren:single:{n}"])
        for name in ("validate", "plan", "progress"):
            out[f"{name}/load:{n}"] = work[name] / work["n"] / single
        kept = steps[f"load:json:duaal-leren:kept:{n}"]["kb_per_document"]
        out[f"memory:{n}"] = kept / steps[f"load:json:pydantic:kept:{n}"]["kb_per_document"]
    dump = steps["dump"]
    out["dump:json/pydantic"] = dump["json:duaal-leren"] / dump["json:pydantic"]
    out["dump:json/floor"] = dump["json:duaal-leren"] / dump["json:floor"]
    out["dump:yaml/floor"] = dump["yaml:duaal-leren"] / dump["yaml:floor"]
    startup = results["startup"]
    for name in ("import", "first_use", "help", "validate"):
        out[f"cli:{name}"] = startup[name] / startup["baseline"]
    out["jobs"] = results["jobs"]["jobs_1"] / results["jobs"]["jobs_2"]
    out["calendars"] = steps[f"work:{small}"]["calendars_built"]
    for step in SCALED:
        if ":" in step:
            fmt, mode = step.split(":")
            key = f"load:{fmt}:duaal-leren:{mode}"
            value = steps[f"{key}:{large}"]["seconds"] / steps[f"{key}:{small}"]["seconds"]
        else:
            value = steps[f"work:{large}"][step] / steps[f"work:{small}"][step]
        out[f"scale:{step}"] = value
    # The targets, on the large corpus where they are per document.
    for fmt, peer in (("json", "pydantic"), ("yaml", "pyyaml")):
        for mode in MODES:
            out[f"{fmt}:{mode}/{peer}"] = out[f"{fmt}:{mode}/{peer}:{large}"]
            out[f"{fmt}:{mode}/floor"] = out[f"{fmt}:{mode}/floor:{large}"]
    for name in ("validate", "plan", "progress"):
        out[f"{name}/load"] = out[f"{name}/load:{large}"]
    out["memory"] = out[f"memory:{large}"]
    return out


def report(results: dict[str, Any]) -> tuple[str, list[str]]:
    """The Markdown tables of a run, and the targets it missed."""
    small, large = results["sizes"]
    steps = results["steps"]
    r = ratios(results)
    missed: list[str] = []

    def us(seconds: float) -> str:
        return f"{seconds * 1e6:,.0f} µs"

    lines = [
        f"Loading, µs per document ({large:,} trajecten; YAML: {max(1, large // results['yaml_share']):,}), "
        "and ratios: duaal-leren's time divided by the other's.",
        "",
        "| Format, library | corpus kept, default GC | kept as the bulk loaders keep it (GC paused) "
        "| one at a time (load, use, drop) |",
        "|---|---:|---:|---:|",
    ]
    names = {
        "duaal-leren": "`duaal_leren.load`",
        "pydantic": "pydantic v2 `model_validate_json` (shared defaults)",
        "pyyaml": "PyYAML `CSafeLoader`",
        "floor": "",
    }
    for fmt, libraries in PEERS.items():
        for library in libraries:
            name = names[library] or (
                "`orjson.loads` (the floor)" if fmt == "json" else "libyaml `compose` (the floor)"
            )
            cells = [us(_per_doc(steps[f"load:{fmt}:{library}:{mode}:{large}"])) for mode in MODES]
            lines.append(f"| {fmt.upper()}: {name} | " + " | ".join(cells) + " |")
        peer = libraries[1]
        for other in (peer, "floor"):
            cells = [f"{r[f'{fmt}:{mode}/{other}:{large}']:.2f}" for mode in MODES]
            lines.append(f"| {fmt.upper()}: ratio to {other} | " + " | ".join(cells) + " |")
    work = steps[f"work:{large}"]
    dump = steps["dump"]
    startup = results["startup"]
    jobs = results["jobs"]
    kept_ours = steps[f"load:json:duaal-leren:kept:{large}"]["kb_per_document"]
    kept_theirs = steps[f"load:json:pydantic:kept:{large}"]["kb_per_document"]
    lines += [
        "",
        f"Other steps ({large:,} trajecten unless said otherwise).",
        "",
        "| Measure | Value | Ratio |",
        "|---|---:|---:|",
        f"| validate a traject (`validate`, one at a time) / load it one at a time | "
        f"{us(work['validate'] / work['n'])} | {r['validate/load']:.2f} |",
        f"| plan a traject's school year (`plan_caseload`, caseloads of {CASELOAD}) / load it | "
        f"{us(work['plan'] / work['n'])} | {r['plan/load']:.2f} |",
        f"| progress of a traject (`TrajectVoortgang.from_traject`) / load it | "
        f"{us(work['progress'] / work['n'])} | {r['progress/load']:.2f} |",
        f"| school calendars built for the first caseload of {CASELOAD} | "
        f"{steps[f'work:{small}']['calendars_built']} | |",
        f"| JSON dump (`dump(t, 'json')`, {dump['n']} trajecten) / pydantic `model_dump_json(indent=2)` | "
        f"{us(dump['json:duaal-leren'] / dump['n'])} vs {us(dump['json:pydantic'] / dump['n'])} "
        f"| {r['dump:json/pydantic']:.2f} |",
        f"| JSON dump / the floor (`orjson.dumps` of the plain data, indented) | "
        f"{us(dump['json:floor'] / dump['n'])} | {r['dump:json/floor']:.2f} |",
        f"| YAML dump (`dump(t, 'yaml')`) / the floor (PyYAML `CSafeDumper`) | "
        f"{us(dump['yaml:duaal-leren'] / dump['n'])} vs {us(dump['yaml:floor'] / dump['n'])} "
        f"| {r['dump:yaml/floor']:.2f} |",
        f'| `python -c "import attrs, cattrs, pendulum, yaml"` (the imports) | '
        f"{startup['baseline'] * 1000:.0f} ms | 1 |",
        f'| `python -c "import duaal_leren"` / the imports | {startup["import"] * 1000:.0f} ms '
        f"| {r['cli:import']:.2f} |",
        f"| `from duaal_leren import load, Traject` / the imports | "
        f"{startup['first_use'] * 1000:.0f} ms | {r['cli:first_use']:.2f} |",
        f"| `duaal-leren --help` / the imports | {startup['help'] * 1000:.0f} ms "
        f"| {r['cli:help']:.2f} |",
        f"| `duaal-leren validate <one file>` / the imports | "
        f"{startup['validate'] * 1000:.0f} ms | {r['cli:validate']:.2f} |",
        f"| `validate --jobs 1` / `--jobs 2`, {jobs['files']} trajecten | "
        f"{jobs['jobs_1']:.2f} s / {jobs['jobs_2']:.2f} s | {r['jobs']:.2f} |",
        f"| memory per kept traject (resident set grown / documents) / pydantic | "
        f"{kept_ours:,.0f} KB vs {kept_theirs:,.0f} KB | {r['memory']:.2f} |",
    ]
    target_rows = ["| Target | Ratio | Target | Met |", "|---|---:|---|---|"]
    for key, what, text, test in TARGETS:
        value = r[key]
        ok = test(value)
        if not ok:
            missed.append(f"{what}: {value:.2f}, target {text}")
        target_rows.append(f"| {what} | {value:.2f} | {text} | {'yes' if ok else '**no**'} |")
    low, high = SCALING_TARGET
    for step in SCALED:
        value = r[f"scale:{step}"]
        ok = low <= value <= high
        if not ok:
            missed.append(f"scaling of {step}: {value:.1f}, target {low:g} to {high:g}")
        target_rows.append(
            f"| scaling {large:,} / {small:,}: {step} | {value:.1f} | {low:g} to {high:g} "
            f"| {'yes' if ok else '**no**'} |"
        )
    small_rows = [
        f"The same on the small corpus ({small:,}; YAML {max(1, small // results['yaml_share']):,}):"
        " ratios, duaal-leren / the other.",
        "",
        "| Ratio | kept | bulk | single |",
        "|---|---:|---:|---:|",
    ]
    for fmt, (_, peer, _) in PEERS.items():
        for other in (peer, "floor"):
            cells = [f"{r[f'{fmt}:{mode}/{other}:{small}']:.2f}" for mode in MODES]
            small_rows.append(f"| {fmt.upper()} / {other} | " + " | ".join(cells) + " |")
    small_rows.append(
        f"| validate, plan, progress / load one at a time | {r[f'validate/load:{small}']:.2f} | "
        f"{r[f'plan/load:{small}']:.2f} | {r[f'progress/load:{small}']:.2f} |"
    )
    m = results["machine"]
    findings = work["findings"]
    text = [
        *lines,
        "",
        *target_rows,
        "",
        *small_rows,
        "",
        f"Corpus: {large:,} trajecten (seed {results['corpus']['seed']}, generator version "
        f"{results['corpus']['generator_version']}); findings of validation on {large:,}: "
        + ", ".join(f"{k} {v:,}" for k, v in findings.items())
        + f". Repetitions: {results['repeat'][0]} on {small:,}, {results['repeat'][1]} on "
        f"{large:,}, interleaved; medians.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}; {m['system']}; Python "
        f"{m['python']}; {m['libraries']}; load average {m['load_average_at_start']} at the "
        f"start; run on {m['date']}.",
    ]
    return "\n".join(text) + "\n", missed


def _at_least(low: int) -> Callable[[str], int]:
    """An argparse type: a whole number not below ``low``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {value}")
        return value

    return parse


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a corpus of 400: checks it works")
    parser.add_argument(
        "--n", type=_at_least(10), help="the large corpus (default 20,000; 400 quick)"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="where to keep it")
    parser.add_argument(
        "--repeat", type=_at_least(1), help="repetitions on the small corpus (default 3; 1 quick)"
    )
    parser.add_argument(
        "--repeat-large", type=_at_least(1), default=1, help="repetitions on the large corpus"
    )
    parser.add_argument(
        "--yaml-share", type=_at_least(1), default=10, help="YAML on 1/this of each corpus"
    )
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--markdown", type=Path, help="also write the tables here")
    parser.add_argument("--check", action="store_true", help="fail when a target is missed")
    parser.add_argument(
        "--from-json", type=Path, help="print the tables of a run saved with --json; run nothing"
    )
    parser.add_argument("--step", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        name, *step_args = json.loads(args.step)
        gc.collect()
        print(json.dumps(STEPS[name](Path(step_args[0]), *step_args[1:])))
        return 0
    if args.from_json:
        try:
            results = json.loads(args.from_json.read_text(encoding="utf-8"))
            report(results)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            parser.exit(2, f"{parser.prog}: {args.from_json} holds no results of a run: {exc}\n")
    else:
        large = args.n if args.n is not None else (400 if args.quick else 20_000)
        corpus_dir = args.corpus / f"n{large}-seed{args.seed}"
        repeat = args.repeat or (1 if args.quick else 3)
        try:
            results = run(
                large,
                corpus_dir,
                args.seed,
                repeat=repeat,
                repeat_large=args.repeat_large,
                yaml_share=args.yaml_share,
                startup_repeat=3 if args.quick else 20,
                jobs_files=40 if args.quick else JOBS_FILES,
            )
        except OSError as exc:
            parser.exit(
                2, f"{parser.prog}: cannot write the corpus to {corpus_dir}: {exc.strerror}\n"
            )
    text, missed = report(results)
    print(text)
    if args.json and not args.from_json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    if args.quick:
        # Nothing about time: only that every step ran and did its work.
        small = results["sizes"][0]
        built = results["steps"][f"work:{small}"]["calendars_built"]
        if built != 1:
            print(f"a caseload built {built} calendars", file=sys.stderr)
            return 1
        print("quick run: every step ran (times are not checked)", file=sys.stderr)
        return 0
    if missed:
        print("missed targets:\n  " + "\n  ".join(missed), file=sys.stderr)
        return 1 if args.check else 0
    print("every target met", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
