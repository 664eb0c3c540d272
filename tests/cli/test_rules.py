"""`duaal-leren rules`: the rules of `validate`, as text, Markdown and JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

from duaal_leren.cli import main

ROOT = Path(__file__).parents[2]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_rules_command_lists_every_rule_in_three_formats() -> None:
    from duaal_leren.validation import RULES

    status, out = run("rules")
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()] == [r.code for r in RULES]
    data = json.loads(run("rules", "--format", "json")[1])
    assert {r["code"] for r in data} == {r.code for r in RULES}
    assert all(r["source"] and r["titel"] and r["titel_en"] for r in data)


def test_rule_reference_page_is_up_to_date() -> None:
    _, generated = run("rules", "--format", "md")
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == generated, "regenerate: duaal-leren rules --format md > docs/rules.md"


def test_rules_are_listed_in_dutch_and_in_english() -> None:
    from duaal_leren.validation import RULES

    for rule in RULES:
        assert rule.titel, rule.code
        assert rule.titel != rule.titel_en
    _, dutch = run("rules")
    _, english = run("rules", "--lang", "en")
    rule = RULES["vereisten-cyclus"]
    assert rule.titel in dutch
    assert rule.titel_en not in dutch
    assert rule.titel_en in english
