"""Hostile documents: every mutated document is built or refused with the library's error.

The mutators and the checks live in ``benchmarks/fuzz.py``, which runs them thousands of
times without shrinking (``python benchmarks/fuzz.py --count 5000``); here Hypothesis runs
them on the shipped examples and on documents drawn from `duaal_leren.strategies`, and
shrinks what fails. A built document must hold no lone surrogate, must not come from a
contradicted or foreign tag, a repeated key or an alias, and must go through every writer:
YAML and JSON text that reads back equal, files, the validation report, the summary, the
progress report, the follow-up plan and its iCalendar export, the renderings of catalogues
and records, the school calendar. Broken documents of several megabytes are refused within
generous bounds of time and memory, with a message of bounded length.
"""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import duaal_leren
import duaal_leren.documents

ROOT = Path(__file__).resolve().parent.parent


def _load_fuzz() -> ModuleType:
    # The benchmark is a script, not a package: load it by path, under a name of its own.
    name = "duaal_leren_benchmarks_fuzz"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "fuzz.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


fuzz = _load_fuzz()

SHIPPED = fuzz.shipped_bases()
MUTATORS = sorted(fuzz.MUTATORS)
DRAWN = st.one_of(*fuzz.strategies_by_kind().values())
# No explain phase: it reruns a failing case many times, and a case may be megabytes.
FUZZ_SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
)


def explain(case: Any, outcome: Any) -> str:
    """What went wrong with a case, and the start of the document, for the test's message."""
    payload = case.payload
    head = repr(payload[:600]) + (f" ... ({len(payload)} in all)" if len(payload) > 600 else "")
    failures = "\n".join(f"  {failure}" for failure in outcome.failures)
    return f"{case.mutator} on {case.base}: {case.note}\n{failures}\n{head}"


def assert_handled(case: Any) -> None:
    outcome = fuzz.check(case)
    assert not outcome.failures, explain(case, outcome)


# --- the harness itself -------------------------------------------------------------------------


@pytest.mark.parametrize("base", SHIPPED, ids=lambda base: base.name)
def test_every_shipped_document_goes_through_every_writer(base: Any) -> None:
    # The checks find nothing wrong with a valid document: a failure below is the library's.
    case = fuzz.Case(base.name, "none", "unchanged", json.dumps(base.data, ensure_ascii=False))
    outcome = fuzz.check(case)
    assert outcome.accepted
    assert not outcome.failures, explain(case, outcome)


def test_the_checks_see_an_accepted_refusal_and_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    # A check that could not fail would pass every fuzzed document.
    text = json.dumps(SHIPPED[0].data)
    outcome = fuzz.check(fuzz.Case("x", "none", "", text, refuse="duplicate-key"))
    assert [f.kind for f in outcome.failures] == ["accepted-duplicate-key"]

    def crash(*args: object, **kwargs: object) -> object:
        raise ZeroDivisionError

    monkeypatch.setattr(duaal_leren.documents, "_build", crash)
    [failure] = fuzz.check(fuzz.Case("x", "none", "", text)).failures
    assert (failure.kind, failure.error) == ("load-crash", "ZeroDivisionError: ")


# --- mutated documents ------------------------------------------------------------------------


@FUZZ_SETTINGS
@given(
    base=st.sampled_from(SHIPPED),
    mutator=st.sampled_from(MUTATORS),
    rng=st.randoms(use_true_random=False),
)
def test_mutated_shipped_documents_are_built_or_refused(
    base: Any, mutator: str, rng: random.Random
) -> None:
    assert_handled(fuzz.mutate(rng, base, mutator))


@FUZZ_SETTINGS
@given(obj=DRAWN, mutator=st.sampled_from(MUTATORS), rng=st.randoms(use_true_random=False))
def test_mutated_drawn_documents_are_built_or_refused(
    obj: object, mutator: str, rng: random.Random
) -> None:
    assert_handled(fuzz.mutate(rng, fuzz.base_from_object(type(obj).__name__, obj), mutator))


# --- what must be refused, case by case --------------------------------------------------------

TRAJECT = (ROOT / "examples" / "traject-lotte.yaml").read_text(encoding="utf-8")
TRAJECT_DATA = json.loads(duaal_leren.dump(duaal_leren.loads(TRAJECT), "json"))


def refused(text: str) -> duaal_leren.DuaalLerenError:
    with pytest.raises(duaal_leren.DuaalLerenError) as info:
        duaal_leren.loads(text)
    return info.value


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\udc80b", "\\ud83d\\ud83d"])
@pytest.mark.parametrize("base", SHIPPED, ids=lambda base: base.name)
def test_a_lone_surrogate_in_json_is_refused(base: Any, escape: str) -> None:
    # Python's JSON reader turns the escape into a lone surrogate, which no writer can encode.
    path = next(
        p
        for p in fuzz.paths(base.data)
        if isinstance(fuzz.get(base.data, p), str) and p != ("schema",)
    )
    data = json.loads(json.dumps(base.data))
    fuzz.put(data, path, "__SURROGATE__")
    error = refused(json.dumps(data).replace("__SURROGATE__", escape))
    str(error).encode("utf-8")
    error.text("en").encode("utf-8")


@pytest.mark.parametrize(
    "text",
    [
        TRAJECT.replace("\nid: TRJ-2025-0042\n", "\nid: TRJ-\udc80\n"),
        TRAJECT.replace("\nid: TRJ-2025-0042\n", "\nid: TRJ-2025-0042\n\ud800: 1\n"),
        TRAJECT.replace("\nid: TRJ-2025-0042\n", "\nid: TRJ-2025-0042 # \udfff\n"),
        json.dumps(dict(TRAJECT_DATA, id="TRJ-\udc80"), ensure_ascii=False),
    ],
    ids=["yaml-value", "yaml-key", "yaml-comment", "json-value"],
)
def test_a_lone_surrogate_in_the_text_itself_is_refused(text: str) -> None:
    # A `str` may hold lone surrogates (from `surrogateescape`, or a careless decoder).
    error = refused(text)
    str(error).encode("utf-8")
    error.text("en").encode("utf-8")


@pytest.mark.parametrize(
    ("tag", "text"), [(tag, text) for tag, texts in fuzz.CONTRADICTED.items() for text in texts]
)
def test_a_contradicted_tag_is_refused(tag: str, text: str) -> None:
    # `id` is a text: reading `!!int abc` as the text "abc" would ignore what the file says.
    document = TRAJECT.replace("\nid: TRJ-2025-0042\n", f"\nid: !!{tag} {json.dumps(text)}\n")
    assert document != TRAJECT
    refused(document)


@pytest.mark.parametrize("tag", fuzz.FOREIGN_TAGS)
def test_a_foreign_tag_is_refused(tag: str) -> None:
    short = tag.replace("tag:yaml.org,2002:", "!!") if tag.startswith("tag:yaml") else f"!<{tag}>"
    if tag.startswith("!"):
        short = tag
    document = TRAJECT.replace("\nid: TRJ-2025-0042\n", f"\nid: {short} TRJ-2025-0042\n")
    assert document != TRAJECT
    refused(document)


# --- broken documents of several megabytes ---------------------------------------------------

MB = 1024 * 1024


def _long_json_string() -> str:
    # A five-megabyte text, then an error at the very end: the closing brace is missing.
    data = dict(TRAJECT_DATA, id="x" * (5 * MB))
    return json.dumps(data)[:-1]


def _yaml_wrong_type() -> str:
    # A five-megabyte text where an object belongs.
    return TRAJECT.replace("\nlerende:\n", f"\nlerende: {'y' * (5 * MB)}\nonbekend:\n", 1)


def _yaml_huge_list_of_wrong_type() -> str:
    # Half a million numbers where the plan's competences belong.
    data = json.loads(json.dumps(TRAJECT_DATA))
    data["opleidingsplan"]["competenties"] = list(range(500_000))
    return json.dumps(data)


def _catalogue_with_repeated_ids() -> str:
    # Tens of thousands of questions with the same id.
    item = "    - id: dubbel\n      tekst: Een vraag die vaak terugkomt?\n"
    head = "schema: duaal-leren/leidraad@1\nid: groot\ntitel: Groot\nversie: '1'\nthemas:\n"
    theme = (
        "- id: thema\n  titel: Thema\n  secties:\n  - id: sectie\n    titel: Sectie\n    items:\n"
    )
    return head + theme + item * (2 * MB // len(item))


def _many_unknown_keys() -> str:
    # A hundred thousand fields the model does not know, each a problem of its own.
    extra = {f"onbekend{i}": i for i in range(100_000)}
    return json.dumps({**TRAJECT_DATA, **extra})


def _deeply_nested() -> str:
    depth = 2 * MB
    return '{"schema": "duaal-leren/traject@1", "id": ' + "[" * depth + "]" * depth + "}"


def _repeated_keys() -> str:
    # The same key a hundred thousand times in one object.
    body = ", ".join(f'"id": "{i}"' for i in range(100_000))
    return '{"schema": "duaal-leren/traject@1", ' + body + "}"


BIG: dict[str, Callable[[], str]] = {
    "long-json-string-cut": _long_json_string,
    "yaml-text-for-an-object": _yaml_wrong_type,
    "long-list-of-wrong-type": _yaml_huge_list_of_wrong_type,
    "catalogue-with-repeated-ids": _catalogue_with_repeated_ids,
    "many-unknown-keys": _many_unknown_keys,
    "deeply-nested": _deeply_nested,
    "repeated-keys": _repeated_keys,
}


# Runs in a process of its own: the time without tracemalloc (which slows Python down a
# few times), then the peak memory with it; an alarm stops a run that takes far too long,
# so that a test fails in seconds, not minutes.
_MEASURE = """
import json, signal, sys, time, tracemalloc
import duaal_leren

text = open(sys.argv[1], encoding="utf-8").read()

class TooLong(BaseException):
    pass  # not an Exception: no `except Exception` in the library may take it for a problem

def too_long(*args):
    raise TooLong

def run(limit):
    signal.signal(signal.SIGALRM, too_long)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        duaal_leren.loads(text)
    except duaal_leren.DuaalLerenError as error:
        return type(error).__name__, len(str(error)), len(error.text("en"))
    except TooLong:
        return "timeout", 0, 0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return "accepted", 0, 0

start = time.perf_counter()
outcome = run(float(sys.argv[2]))
seconds = time.perf_counter() - start
peak = None
if outcome[0] not in ("timeout", "accepted") and seconds < float(sys.argv[2]):
    tracemalloc.start()
    run(6 * float(sys.argv[2]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak": peak}))
"""


@pytest.mark.parametrize("make", BIG.values(), ids=list(BIG))
def test_a_broken_document_of_megabytes_is_refused_within_bounds(
    make: Callable[[], str], tmp_path: Path
) -> None:
    # Generous bounds: each takes well under a second where it works as it should.
    text = make()
    assert 1 * MB < len(text.encode("utf-8")) < 10 * MB
    document = tmp_path / "groot.txt"
    document.write_text(text, encoding="utf-8")
    limit = 10
    run = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", _MEASURE, str(document), str(limit)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    measured = json.loads(run.stdout)
    error, nl, en = measured["outcome"]
    assert error not in ("accepted", "timeout"), measured
    assert measured["seconds"] < limit
    assert measured["peak"] < 300 * MB
    assert nl < 10_000
    assert en < 10_000
