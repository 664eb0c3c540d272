"""The ``duaal-leren leidraad`` command: list the catalogues, show one, report on a record.

``leidraad list`` names the shipped catalogues; ``leidraad show ID`` prints a catalogue (a
shipped id, or the path of a catalogue or extension file) as text, Markdown, HTML or JSON;
``leidraad status RECORD`` reports how complete a conversation record is. ``status`` exits
with 0 when every item is answered or not applicable, no action is late and no answer points
to an unknown item, with 1 otherwise, and with 2 when the input cannot be read. Text and
Markdown output escape control characters (see `duaal_leren.cli.printable`).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import pendulum

from duaal_leren.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Command, printable

if TYPE_CHECKING:
    from duaal_leren.leidraad.model import Leidraad

__all__ = ["LEIDRAAD_COMMAND"]


def _lang(args: argparse.Namespace) -> str:
    return str(getattr(args, "lang", None) or os.environ.get("DUAAL_LEREN_LANG") or "nl")


def _date(text: str) -> pendulum.Date:
    try:
        value = pendulum.Date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is geen datum JJJJ-MM-DD / is not a date YYYY-MM-DD"
        ) from None
    return pendulum.date(value.year, value.month, value.day)


def _configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(
        dest="leidraad_command", metavar="SUBCOMMAND", parser_class=type(parser)
    )
    sub.required = True
    list_parser = sub.add_parser(
        "list", help="toon de meegeleverde leidraden / list the shipped catalogues"
    )
    list_parser.add_argument("--format", choices=("text", "json"), default="text")
    show = sub.add_parser("show", help="toon een leidraad / print a catalogue")
    show.add_argument(
        "id",
        metavar="ID",
        help="id van een meegeleverde leidraad, of een bestand / a shipped id or a file",
    )
    show.add_argument("--format", choices=("text", "md", "html", "json"), default="text")
    show.add_argument(
        "--basis",
        metavar="FILE",
        help="basisleidraad van een uitbreiding / base catalogue of an extension",
    )
    status = sub.add_parser(
        "status", help="volledigheid van een gespreksverslag / completeness of a record"
    )
    status.add_argument("record", metavar="RECORD", help="een gespreksverslag (YAML/JSON)")
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.add_argument(
        "--today", type=_date, default=None, help="peildatum JJJJ-MM-DD / reference date"
    )
    status.add_argument(
        "--leidraad",
        metavar="FILE",
        help="de leidraad van het verslag, als die niet meegeleverd is / the record's catalogue file",
    )
    for subparser in (list_parser, show, status):
        # Accepted after the subcommand too: ``duaal-leren leidraad show ID --lang en``.
        subparser.add_argument(
            "--lang", choices=("nl", "en"), default=argparse.SUPPRESS, help="taal / language"
        )


def _looks_like_path(reference: str) -> bool:
    """Whether ``leidraad show`` reads the argument as a file rather than a shipped id."""
    separators = {"/", os.sep} | ({os.altsep} if os.altsep else set())
    return any(sep in reference for sep in separators) or reference.lower().endswith(
        (".yaml", ".yml", ".json")
    )


def _catalogue(reference: str, basis: str | None) -> Leidraad:
    from duaal_leren.leidraad._catalogus import leidraad, leidraad_ids, load_leidraad

    base = load_leidraad(basis) if basis else None
    if reference in leidraad_ids() and base is None:
        return leidraad(reference)
    # A path that does not exist is reported as a missing file, not as an unknown id.
    if _looks_like_path(reference) or Path(reference).exists():
        return load_leidraad(reference, basis=base)
    return leidraad(reference)


def _run_list(args: argparse.Namespace, out: TextIO) -> int:
    from duaal_leren.leidraad._catalogus import leidraden

    catalogues = leidraden()
    if args.format == "json":
        data = [
            {"id": c.id, "titel": c.titel, "versie": c.versie, "items": len(c.alle_items)}
            for c in catalogues
        ]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    width = max(len(c.id) for c in catalogues)
    items = "items"
    version = "version" if _lang(args) == "en" else "versie"
    for c in catalogues:
        out.write(
            printable(
                f"{c.id:<{width}}  {c.titel} ({version} {c.versie}, {len(c.alle_items)} {items})\n"
            )
        )
    return EXIT_OK


def _run_show(args: argparse.Namespace, out: TextIO) -> int:
    from duaal_leren.leidraad.render import json_data, render_html, render_markdown, render_text

    catalogue = _catalogue(args.id, args.basis)
    lang = _lang(args)
    if args.format == "json":
        out.write(json.dumps(json_data(catalogue), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "md":
        out.write(printable(render_markdown(catalogue, lang=lang)))
    elif args.format == "html":
        out.write(render_html(catalogue, lang=lang))
    else:
        out.write(printable(render_text(catalogue, lang=lang)))
    return EXIT_OK


def _run_status(args: argparse.Namespace, out: TextIO) -> int:
    from duaal_leren.leidraad._catalogus import load_leidraad, load_verslag
    from duaal_leren.leidraad.render import render_text
    from duaal_leren.leidraad.verslag import verslag_findings, volledigheid

    verslag = load_verslag(args.record)
    catalogue = load_leidraad(args.leidraad) if args.leidraad else None
    # The status is that of the day in Flanders, whatever the machine's own zone.
    today = args.today or pendulum.today("Europe/Brussels").date()
    findings = verslag_findings(verslag, catalogue)
    blocking = [f for f in findings if f["code"] == "onbekende-leidraad"]
    lang = _lang(args)
    if blocking:
        import sys

        finding = blocking[0]
        message = finding["message_en"] if lang == "en" else finding["message"]
        sys.stderr.write(printable(f"{args.record}: {finding['path']}: {message}") + "\n")
        return EXIT_USAGE
    rapport = volledigheid(verslag, catalogue, today=today)
    if args.format == "json":
        data = rapport.as_dict()
        data["findings"] = list(findings)
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(printable(render_text(rapport, leidraad=catalogue, lang=lang)))
        for finding in findings:
            message = finding["message_en"] if lang == "en" else finding["message"]
            out.write(printable(f"{finding['severity']}: {finding['path']}: {message}") + "\n")
    errors = any(f["severity"] == "error" for f in findings)
    return EXIT_OK if rapport.in_orde and not errors else EXIT_FINDINGS


def _run(args: argparse.Namespace, out: TextIO) -> int:
    # An unknown catalogue, like every error of the library, is reported by cli.main.
    runners = {"list": _run_list, "show": _run_show, "status": _run_status}
    return runners[args.leidraad_command](args, out)


LEIDRAAD_COMMAND = Command(
    "leidraad",
    "leidraden voor gesprekken en hun verslagen / conversation catalogues and records",
    _configure,
    _run,
)
"""The ``leidraad`` subcommand of ``duaal-leren``."""
