"""First use of the package from many threads at once: every lazy name arrives, no import fails."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# Names from each lazily imported part of the package, reached as users reach them: the
# readers, the guides and their records, the validator, the planner and progress.
NAMES = (
    "load",
    "leidraad.OnbekendeLeidraad",
    "leidraad.html_fragment",
    "validate",
    "Gespreksverslag",
    "leidraden",
    "voortgang",
    "plan_opvolging",
    "leidraad.render_html",
    "Traject",
    "leidraad.volledigheid",
    "leidraad.leidraad",
)

FIRST_USE = textwrap.dedent(
    """
    import sys
    import threading
    import time

    names = sys.argv[2:]
    if sys.argv[1] == "slow":
        # A slow disk or a busy machine: finding cattrs takes a while, long enough for
        # every thread to be on its way into the imports before the first one is done.
        class SlowFinder:
            @staticmethod
            def find_spec(name, path=None, target=None):
                if name == "cattrs":
                    time.sleep(0.3)

        sys.meta_path.insert(0, SlowFinder)

    import duaal_leren

    start = threading.Barrier(16)
    errors = []

    def first_use(index):
        start.wait()
        try:
            # Each thread in another order, so that threads start on different modules.
            for name in names[index % len(names) :] + names[: index % len(names)]:
                value = duaal_leren
                for part in name.split("."):
                    value = getattr(value, part)
            record = duaal_leren.load("examples/gespreksverslag-opstart-lotte.yaml")
            duaal_leren.validate(record)
            # A notebook's view of a record reaches the renderer through the lazy names.
            record._repr_html_()
        except BaseException as exc:
            errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=first_use, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("\\n".join(errors))
    sys.exit(1 if errors else 0)
    """
)


def _first_uses(speed: str, tries: int) -> list[str]:
    """The errors of ``tries`` fresh interpreters, run side by side, each doing first use."""
    # A fresh interpreter for each try: only the very first use imports anything.
    processes = [
        subprocess.Popen(  # noqa: S603 - this interpreter, a fixed script
            [sys.executable, "-c", FIRST_USE, speed, *NAMES],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(tries)
    ]
    failures = []
    for process in processes:
        output, _ = process.communicate(timeout=120)
        if process.returncode != 0:
            failures.append(output)
    return failures


def test_sixteen_threads_can_use_the_package_first_at_once() -> None:
    failures = _first_uses("normal", 8)
    assert not failures, failures[0]


def test_first_use_from_many_threads_is_safe_when_importing_is_slow() -> None:
    # Slow imports widen the moments in which two threads each hold part of an import the
    # other needs; before first use was made safe, this failed every time.
    failures = _first_uses("slow", 2)
    assert not failures, failures[0]


def test_the_records_module_imports_no_reader_and_no_renderer() -> None:
    # The record model sits below the modules that read records and render them; an import
    # back, even inside a function, is a cycle that threads importing both at once can
    # deadlock on.
    import ast
    from pathlib import Path

    import duaal_leren.gespreksverslag as gespreksverslag

    assert gespreksverslag.__file__ is not None
    tree = ast.parse(Path(gespreksverslag.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    imported |= {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert imported.isdisjoint(
        {
            "duaal_leren.leidraad",
            "duaal_leren.leidraad._catalogus",
            "duaal_leren.leidraad._meegeleverd",
            "duaal_leren.leidraad.render",
            "duaal_leren.documents",
        }
    )
