"""The ``rules`` command: the rules of ``validate``, as a list, as Markdown or as JSON.

``duaal-leren rules --format md`` generates the rule reference, ``docs/rules.md``.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from duaal_leren.cli._common import EXIT_OK, add_format, lang, to_json
from duaal_leren.validation import RULES

__all__ = ["configure", "rules_markdown", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``rules``."""
    add_format(
        parser,
        {
            "text": "code, ernst en titel per regel / code, severity and title of each rule",
            "md": "de regelreferentie in Markdown (docs/rules.md) / the rule reference in "
            "Markdown (docs/rules.md)",
            "json": "elke regel met zijn bron en oplossing als JSON / every rule with its "
            "source and fix as JSON",
        },
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
        lines.append(
            f"| [`{rule.code}`](#{rule.code}) | {rule.severity.value} | {rule.text('en')} |"
        )
    for rule in rules:
        lines += [
            "",
            f"## {rule.code}",
            "",
            f"**{rule.text('en')}.** Default severity: *{rule.severity.value}*; applies to: "
            f"{rule.target.value}.",
            "",
            " ".join(rule.doc.split()) if rule.doc else "",
            "",
            f"- Source: {rule.source}",
            f"- How to fix: {rule.fix}" if rule.fix else "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def run(args: argparse.Namespace, out: TextIO) -> int:
    """List the rules."""
    if args.format == "md":
        out.write(rules_markdown())
    elif args.format == "json":
        data = [
            {
                "code": r.code,
                "severity": r.severity.value,
                "titel": r.text("nl"),
                "titel_en": r.text("en"),
                "source": r.source,
                "target": r.target.value,
                "fix": r.fix,
            }
            for r in RULES
        ]
        out.write(to_json(data) + "\n")
    else:
        rules = list(RULES)
        width = max(len(r.code) for r in rules) + 2
        language = lang(args)
        for r in rules:
            out.write(f"{r.code:<{width}}{r.severity.value:<9}{r.text(language)}\n")
    return EXIT_OK
