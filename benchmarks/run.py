"""The speed and scale benchmark of duaal-leren: one command, every measure side by side.

Run from the repository's root, after ``pip install -e ".[bench]"``::

    python benchmarks/run.py            # full run: corpora of 2,000 and 20,000 trajecten
    python benchmarks/run.py --quick    # a small run that checks the benchmark still works

It writes a seeded synthetic corpus (`corpus.py`; kept in ``benchmarks/.corpus`` and
reused while the generator is unchanged), takes its first tenth as the small corpus, and
measures on both:

1. import: ``python -c "import duaal_leren"`` against ``python -c "import attrs, cattrs,
   pendulum, yaml"`` (and, for information, the first use: ``from duaal_leren import load,
   Traject``);
2. JSON loading of every file, against a pydantic v2 model of the same documents
   (`pydantic_model.py`);
3. YAML loading of every file, against parsing the same files with PyYAML's C loader alone;
4. validation of every loaded traject, against the time it took to load them;
5. planning: one caseload of 100 trajecten over a school year (counting how often a school
   calendar is built), and the whole corpus in caseloads of 100;
6. scaling: each step on the large corpus against the small one;

and the peak memory of each step. Each loading step runs in a process of its own, so that
one does not inherit the heap of another; every loading step keeps what it loads, as a
program that works with a corpus does. The quick mode uses a corpus of 400 (and 40), and
fails when anything breaks (a document that does not load, a step that errs, a calendar
built more than once), but asserts nothing about time. ``--check`` makes a full run fail
when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
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

# name: (what, target, test of the value)
TARGETS: dict[str, tuple[str, str, Callable[[float], bool]]] = {
    "import": (
        "import duaal_leren / import attrs, cattrs, pendulum, yaml",
        "≤ 1.25",
        lambda r: r <= 1.25,
    ),
    "json": ("JSON loading / pydantic v2", "≤ 1.0", lambda r: r <= 1.0),
    "yaml": ("YAML loading / PyYAML C loader alone", "≤ 1.5", lambda r: r <= 1.5),
    "validate": ("validation / JSON loading", "≤ 1.0", lambda r: r <= 1.0),
    "calendar": ("school calendars built for a caseload of 100", "1", lambda r: r == 1),
}
SCALED = ("json", "yaml", "validate", "plan")
SCALING_TARGET = (8.0, 12.0)


# --- steps, each run in a process of its own ----------------------------------------------


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _files(corpus: Path, fmt: str, n: int) -> list[Path]:
    sys.path.insert(0, str(HERE))
    from corpus import Corpus

    manifest = json.loads((corpus / "manifest.json").read_text("utf-8"))
    return Corpus(corpus, manifest["n"], manifest["seed"]).files(fmt)[:n]


def _warm(files: Sequence[Path]) -> None:
    # Read every file once, so that each step meets the same (cached) disk.
    for path in files:
        path.read_bytes()


def _timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def step_load(corpus: Path, n: int, fmt: str, library: str) -> dict[str, Any]:
    """Load ``n`` files of one format with one library, keeping every result."""
    files = all_files = _files(corpus, fmt, n)
    _warm(files)
    if library == "duaal-leren":
        import duaal_leren

        def load_all() -> list[Any]:
            return [duaal_leren.load(path) for path in files]

    elif library == "pydantic":
        sys.path.insert(0, str(HERE))
        from pydantic_model import Traject

        def load_all() -> list[Any]:
            return [Traject.model_validate_json(path.read_bytes()) for path in files]

    else:
        import yaml

        def load_all() -> list[Any]:
            return [yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader) for path in files]

    # One document first, untimed, for every library: what happens once per process (imports,
    # generated code, pydantic's validators are built when its classes are) is not counted.
    files = all_files[:1]
    load_all()
    files = all_files
    seconds, loaded = _timed(load_all)
    if len(loaded) != n:
        raise RuntimeError(f"{len(loaded)} of {n} documents loaded")
    result: dict[str, Any] = {"seconds": seconds, "peak_mb": _peak_mb(), "n": n}
    if library == "duaal-leren" and fmt == "json":
        result.update(_after_loading(loaded))
    return result


def step_single(corpus: Path) -> dict[str, Any]:
    """One document of about 100 competences, parsed and built again and again, nothing kept."""
    from pydantic_model import Traject

    import duaal_leren

    files = _files(corpus, "json", 200)
    sizes = [(abs(len(duaal_leren.load(p).opleidingsplan.competenties) - 100), p) for p in files]
    path = min(sizes, key=lambda item: item[0])[1]
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    competences = len(duaal_leren.loads(text).opleidingsplan.competenties)

    def best(function: Callable[[], Any], number: int = 200) -> float:
        function()
        runs = []
        for _ in range(7):
            started = time.perf_counter()
            for _ in range(number):
                function()
            runs.append((time.perf_counter() - started) / number)
        return min(runs)

    return {
        "competences": competences,
        "bytes": len(raw),
        "duaal-leren": best(lambda: duaal_leren.loads(text, format="json")),
        "pydantic": best(lambda: Traject.model_validate_json(raw)),
    }


def _after_loading(trajecten: list[Any]) -> dict[str, Any]:
    """Validate and plan the loaded corpus; count the school calendars built."""
    from corpus import TODAY

    import duaal_leren
    from duaal_leren import kalender

    duaal_leren.validate(trajecten[0], today=TODAY)  # untimed: the rules' first use

    def validate_all() -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0, "passed": 0}
        for traject in trajecten:
            report = duaal_leren.validate(traject, today=TODAY)
            counts["passed"] += report.passed
            for finding in report.findings:
                counts[finding.severity.value] += 1
        return counts

    validate_seconds, counts = _timed(validate_all)

    start, einde = (dt.date.fromisoformat(day) for day in SCHOOLJAAR)
    # One caseload, from a cold start: every calendar it needs is built here.
    kalender._build.cache_clear()
    kalender._wettelijke_dagen.cache_clear()

    def plan(caseload: list[Any]) -> Any:
        # A plan from scratch, six conversations in the school year: the conversations the
        # documents record are not kept.
        return duaal_leren.plan_caseload(
            caseload,
            duaal_leren.PerSchooljaar(6),
            start=start,
            einde=einde,
            max_per_dag=MAX_PER_DAG,
            bestaande={t.id: () for t in caseload},
        )

    caseload_seconds, caseload = _timed(lambda: plan(trajecten[:CASELOAD]))
    calendars = kalender._build.cache_info().misses
    holiday_tables = kalender._wettelijke_dagen.cache_info().misses
    if len(caseload.schemas) != min(CASELOAD, len(trajecten)):
        raise RuntimeError("the caseload has a schedule missing")

    def plan_all() -> int:
        planned = 0
        for first in range(0, len(trajecten), CASELOAD):
            load = plan(trajecten[first : first + CASELOAD])
            planned += sum(len(schema.gesprekken) for schema in load.schemas)
        return planned

    plan_seconds, planned = _timed(plan_all)
    return {
        "validate_seconds": validate_seconds,
        "findings": counts,
        "caseload_seconds": caseload_seconds,
        "calendars_built": calendars,
        "holiday_tables_built": holiday_tables,
        "plan_seconds": plan_seconds,
        "conversations_planned": planned,
        "peak_mb_all": _peak_mb(),
    }


def _run_step(args: list[str]) -> dict[str, Any]:
    completed = subprocess.run(  # noqa: S603 - this interpreter and this script
        [sys.executable, str(Path(__file__).resolve()), "--step", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr)
        raise SystemExit(f"benchmark step {' '.join(args)} failed")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


# --- import --------------------------------------------------------------------------------

IMPORTS = {
    "baseline": "import attrs, cattrs, pendulum, yaml",
    "duaal_leren": "import duaal_leren",
    "first_use": "from duaal_leren import load, Traject",
}


def measure_imports(repeat: int) -> dict[str, float]:
    """The median wall time of a fresh interpreter running each import, interleaved."""
    times: dict[str, list[float]] = {name: [] for name in IMPORTS}
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for code in IMPORTS.values():  # once untimed: compiled files and disk caches
        subprocess.run([sys.executable, "-c", code], check=True, env=env)  # noqa: S603
    for _ in range(repeat):
        for name, code in IMPORTS.items():
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)  # noqa: S603
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


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
    import pydantic
    import yaml

    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libraries": (
            f"attrs {attrs.__version__}, cattrs {_version('cattrs')}, "
            f"pendulum {_version('pendulum')}, PyYAML {yaml.__version__} "
            f"(libyaml {'yes' if yaml.__with_libyaml__ else 'no'}), pydantic {pydantic.VERSION}"
        ),
        "date": dt.date.today().isoformat(),
    }


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def run(large: int, corpus_dir: Path, seed: int, repeat: int) -> dict[str, Any]:
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
        "corpus": corpus.manifest,
        "imports": measure_imports(repeat),
        "steps": {},
    }
    results["single"] = _run_step([str(corpus.directory), "1", "json", "single"])
    for n in (small, large):
        for fmt, library in (
            ("json", "duaal-leren"),
            ("json", "pydantic"),
            ("yaml", "duaal-leren"),
            ("yaml", "pyyaml"),
        ):
            print(f"{n}: {fmt} with {library} ...", file=sys.stderr, flush=True)
            key = f"{fmt}:{library}:{n}"
            results["steps"][key] = _run_step([str(corpus.directory), str(n), fmt, library])
    return results


def ratios(results: dict[str, Any]) -> dict[str, Any]:
    """The measures as the targets state them, for both corpus sizes."""
    steps = results["steps"]
    small, large = results["sizes"]
    imports = results["imports"]
    out: dict[str, Any] = {
        "import": imports["duaal_leren"] / imports["baseline"],
        "first_use": imports["first_use"] / imports["baseline"],
    }
    for n in (small, large):
        ours = steps[f"json:duaal-leren:{n}"]
        out[f"json:{n}"] = ours["seconds"] / steps[f"json:pydantic:{n}"]["seconds"]
        out[f"yaml:{n}"] = (
            steps[f"yaml:duaal-leren:{n}"]["seconds"] / steps[f"yaml:pyyaml:{n}"]["seconds"]
        )
        out[f"validate:{n}"] = ours["validate_seconds"] / ours["seconds"]
    out["calendar"] = steps[f"json:duaal-leren:{small}"]["calendars_built"]

    def seconds(step: str, n: int) -> float:
        ours = steps[f"json:duaal-leren:{n}"]
        value = {
            "json": ours["seconds"],
            "yaml": steps[f"yaml:duaal-leren:{n}"]["seconds"],
            "validate": ours["validate_seconds"],
            "plan": ours["plan_seconds"],
        }[step]
        return float(value)

    for step in SCALED:
        out[f"scale:{step}"] = seconds(step, large) / seconds(step, small)
    return out


def report(results: dict[str, Any]) -> tuple[str, list[str]]:
    """The Markdown tables of a run, and the targets it missed."""
    small, large = results["sizes"]
    steps = results["steps"]
    r = ratios(results)
    imports = results["imports"]
    missed: list[str] = []

    def verdict(name: str, value: float) -> str:
        ok = TARGETS[name][2](value)
        if not ok:
            missed.append(f"{TARGETS[name][0]}: {value:.2f}, target {TARGETS[name][1]}")
        return "yes" if ok else "**no**"

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.0f} ms"

    def s(seconds: float) -> str:
        return f"{seconds:.2f} s"

    lines = [
        f"| Measure | {small:,} trajecten | {large:,} trajecten | Target | Met |",
        "|---|---:|---:|---|---|",
        f"| `import attrs, cattrs, pendulum, yaml` (a fresh interpreter) | {ms(imports['baseline'])} | | | |",
        f"| `import duaal_leren` | {ms(imports['duaal_leren'])} | | | |",
        f"| ratio | {r['import']:.2f} | | ≤ 1.25 | {verdict('import', r['import'])} |",
        f"| first use: `from duaal_leren import load, Traject` (for information) | {ms(imports['first_use'])} ({r['first_use']:.2f}) | | | |",
    ]
    for fmt, other, name, target in (
        ("json", "pydantic", "pydantic v2 `model_validate_json`", "json"),
        ("yaml", "pyyaml", "PyYAML `CSafeLoader` alone (no model)", "yaml"),
    ):
        ours = [steps[f"{fmt}:duaal-leren:{n}"]["seconds"] for n in (small, large)]
        theirs = [steps[f"{fmt}:{other}:{n}"]["seconds"] for n in (small, large)]
        rs = [r[f"{fmt}:{n}"] for n in (small, large)]
        ok = [verdict(target, value) for value in rs]
        lines += [
            f"| {fmt.upper()} loading, duaal-leren (`load`, every file) | {s(ours[0])} | {s(ours[1])} | | |",
            f"| {fmt.upper()} loading, {name} | {s(theirs[0])} | {s(theirs[1])} | | |",
            f"| ratio | {rs[0]:.2f} | {rs[1]:.2f} | {TARGETS[target][1]} | {ok[0]}, {ok[1]} |",
        ]
    one = results["single"]
    lines.append(
        f"| one document of {one['competences']} competences ({one['bytes'] / 1000:.0f} kB) "
        f"loaded again and again, nothing kept (for information): duaal-leren "
        f"{one['duaal-leren'] * 1000:.2f} ms, pydantic {one['pydantic'] * 1000:.2f} ms; ratio "
        f"| {one['duaal-leren'] / one['pydantic']:.2f} | | | |"
    )
    validate = [steps[f"json:duaal-leren:{n}"]["validate_seconds"] for n in (small, large)]
    vr = [r[f"validate:{n}"] for n in (small, large)]
    vok = [verdict("validate", value) for value in vr]
    first = steps[f"json:duaal-leren:{small}"]
    plan = [steps[f"json:duaal-leren:{n}"]["plan_seconds"] for n in (small, large)]
    lines += [
        f"| validation of every traject (`validate`) | {s(validate[0])} | {s(validate[1])} | | |",
        f"| ratio to JSON loading | {vr[0]:.2f} | {vr[1]:.2f} | ≤ 1.0 | {vok[0]}, {vok[1]} |",
        f"| planning one caseload of {CASELOAD} over 2025-2026 (`plan_caseload`) | {s(first['caseload_seconds'])} | | | |",
        f"| school calendars built for it (holiday tables computed) | {first['calendars_built']} ({first['holiday_tables_built']}) | | 1 | {verdict('calendar', first['calendars_built'])} |",
        f"| planning every traject, in caseloads of {CASELOAD} | {s(plan[0])} | {s(plan[1])} | | |",
    ]
    low, high = SCALING_TARGET
    scale_rows = []
    for step, title in (
        ("json", "JSON loading"),
        ("yaml", "YAML loading"),
        ("validate", "validation"),
        ("plan", "planning"),
    ):
        value = r[f"scale:{step}"]
        ok = low <= value <= high
        if not ok:
            missed.append(f"scaling of {title}: {value:.1f}, target {low:g} to {high:g}")
        scale_rows.append(
            f"| {title} | {value:.1f} | {low:g} to {high:g} | {'yes' if ok else '**no**'} |"
        )
    peak = steps[f"json:duaal-leren:{large}"]
    pyd = steps[f"json:pydantic:{large}"]
    m = results["machine"]
    text = [
        *lines,
        "",
        f"Scaling: time for {large:,} trajecten divided by the time for {small:,}.",
        "",
        "| Step | Ratio | Target | Met |",
        "|---|---:|---|---|",
        *scale_rows,
        "",
        f"Peak memory (resident set of the process) with all {large:,} trajecten loaded from "
        f"JSON: {peak['peak_mb']:,.0f} MB, {peak['peak_mb'] * 1024 / large:,.0f} KB a traject "
        f"(after validating and planning them: {peak['peak_mb_all']:,.0f} MB); the same "
        f"documents as pydantic models: {pyd['peak_mb']:,.0f} MB.",
        "",
        f"Corpus: {large:,} trajecten (seed {results['corpus']['seed']}, generator version "
        f"{results['corpus']['generator_version']}), "
        + ", ".join(
            f"{fmt.upper()} {size / 1e6:,.0f} MB"
            for fmt, size in results["corpus"]["bytes"].items()
        )
        + f"; findings of validation on {large:,}: "
        + ", ".join(f"{k} {v:,}" for k, v in peak["findings"].items())
        + ".",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}; {m['system']}; Python "
        f"{m['python']}; {m['libraries']}; run on {m['date']}.",
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
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--markdown", type=Path, help="also write the tables here")
    parser.add_argument("--check", action="store_true", help="fail when a target is missed")
    parser.add_argument(
        "--from-json", type=Path, help="print the tables of a run saved with --json; run nothing"
    )
    parser.add_argument("--step", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        directory, n, fmt, library = args.step
        gc.collect()
        if library == "single":
            print(json.dumps(step_single(Path(directory))))
        else:
            print(json.dumps(step_load(Path(directory), int(n), fmt, library)))
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
        try:
            results = run(large, corpus_dir, args.seed, repeat=5 if args.quick else 20)
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
        first = results["steps"][f"json:duaal-leren:{small}"]
        if first["calendars_built"] != 1:
            print(f"a caseload built {first['calendars_built']} calendars", file=sys.stderr)
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
