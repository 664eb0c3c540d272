"""The ``leidraad`` command: list the catalogues, show one, report on a record.

``leidraad list`` names the shipped catalogues; ``leidraad show ID`` prints a catalogue (a
shipped id, or the path of a catalogue or extension file) as text, Markdown, HTML or JSON;
``leidraad status RECORD`` reports how complete a conversation record is. ``status`` exits
with 0 when every item is answered or not applicable, no action is late and no answer points
to an unknown item, with 1 otherwise, and with 2 when the input cannot be read. Text and
Markdown output escape control characters.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from duaal_leren._validators import as_day
from duaal_leren.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_format,
    add_lang,
    date_option,
    in_lang,
    lang,
    to_json,
)
from duaal_leren.exceptions import excerpt, printable

if TYPE_CHECKING:
    from duaal_leren.leidraad.model import Leidraad

__all__ = ["configure", "run"]

_TEXT = "leesbare tekst / readable text"
_JSON = "de gegevens als JSON / the data as JSON"


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommands of ``leidraad`` and their arguments."""
    sub = parser.add_subparsers(
        dest="leidraad_command",
        metavar="SUBCOMMAND",
        parser_class=type(parser),
        help="list, show of status (zie/see SUBCOMMAND --help) / list, show or status",
    )
    sub.required = True
    list_parser = sub.add_parser(
        "list", help="toon de meegeleverde leidraden / list the shipped catalogues"
    )
    add_format(list_parser, {"text": _TEXT, "json": _JSON})
    show = sub.add_parser("show", help="toon een leidraad / print a catalogue")
    show.add_argument(
        "id",
        metavar="ID",
        help="id van een meegeleverde leidraad, of een bestand / a shipped id or a file",
    )
    add_format(
        show,
        {
            "text": _TEXT,
            "md": "Markdown, om af te drukken of te delen / Markdown, to print or share",
            "html": "een HTML-pagina / an HTML page",
            "json": _JSON,
        },
    )
    show.add_argument(
        "--basis",
        metavar="FILE",
        help="het bestand van de basisleidraad van een uitbreiding / the file of the base "
        "catalogue of an extension",
    )
    status = sub.add_parser(
        "status", help="volledigheid van een gespreksverslag / completeness of a record"
    )
    status.add_argument(
        "record",
        metavar="RECORD",
        help="een gespreksverslag (YAML/JSON) / a conversation record (YAML/JSON)",
    )
    add_format(
        status,
        {
            "text": _TEXT,
            "json": "het rapport en de bevindingen als JSON / the report and findings as JSON",
        },
    )
    status.add_argument(
        "--today",
        default=None,
        metavar="YYYY-MM-DD",
        help="de dag van het rapport; standaard vandaag / the day of the report; by default today",
    )
    status.add_argument(
        "--leidraad",
        metavar="FILE",
        help="de leidraad van het verslag, als die niet meegeleverd is / the record's "
        "catalogue, if it is not a shipped one",
    )
    for subparser in (list_parser, show, status):
        # Accepted after the subcommand too: ``duaal-leren leidraad show ID --lang en``.
        add_lang(subparser)


def _looks_like_path(reference: str) -> bool:
    """Whether ``leidraad show`` reads the argument as a file rather than a shipped id."""
    separators = {"/", os.sep} | ({os.altsep} if os.altsep else set())
    return any(sep in reference for sep in separators) or reference.lower().endswith(
        (".yaml", ".yml", ".json")
    )


def _catalogue(reference: str, basis: str | None) -> Leidraad:
    from duaal_leren.leidraad import leidraad, leidraad_ids, load_leidraad

    base = load_leidraad(basis) if basis else None
    if reference in leidraad_ids() and base is None:
        return leidraad(reference)
    # A path that does not exist is reported as a missing file, not as an unknown id.
    if _looks_like_path(reference) or Path(reference).exists():
        return load_leidraad(reference, basis=base)
    return leidraad(reference)


def _run_list(args: argparse.Namespace, out: TextIO) -> int:
    from duaal_leren.leidraad import leidraden

    catalogues = leidraden()
    if args.format == "json":
        data = [
            {"id": c.id, "titel": c.titel, "versie": c.versie, "items": len(c.alle_items)}
            for c in catalogues
        ]
        out.write(to_json(data) + "\n")
        return EXIT_OK
    width = max(len(c.id) for c in catalogues)
    items = "items"
    version = "version" if lang(args) == "en" else "versie"
    for c in catalogues:
        out.write(
            printable(
                f"{c.id:<{width}}  {c.titel} ({version} {c.versie}, {len(c.alle_items)} {items})\n"
            )
        )
    return EXIT_OK


def _run_show(args: argparse.Namespace, out: TextIO) -> int:
    from duaal_leren.leidraad import json_data, render_html, render_markdown, render_text

    catalogue = _catalogue(args.id, args.basis)
    language = lang(args)
    if args.format == "json":
        out.write(to_json(json_data(catalogue)) + "\n")
    elif args.format == "md":
        out.write(printable(render_markdown(catalogue, lang=language)))
    elif args.format == "html":
        out.write(render_html(catalogue, lang=language))
    else:
        out.write(printable(render_text(catalogue, lang=language)))
    return EXIT_OK


def _run_status(args: argparse.Namespace, out: TextIO) -> int:
    from duaal_leren.leidraad import load_leidraad, load_verslag, render_text, volledigheid
    from duaal_leren.validation import Severity, validate

    verslag = load_verslag(args.record)
    catalogue = load_leidraad(args.leidraad) if args.leidraad else None
    language = lang(args)
    if catalogue is not None and catalogue.id != verslag.leidraad.id:
        # The rules look a catalogue up by its id: one of another id would go unused.
        wanted, given = excerpt(verslag.leidraad.id), excerpt(catalogue.id)
        message = in_lang(
            args,
            f"het verslag hoort bij de leidraad {wanted}, niet bij {given}",
            f"the record belongs to the catalogue {wanted}, not to {given}",
        )
        sys.stderr.write(printable(f"{args.record}: $.leidraad.id: {message}") + "\n")
        return EXIT_USAGE
    # The status is that of the day in Flanders, whatever the machine's own zone.
    today = as_day(date_option(args, "--today"))
    findings = validate(
        verslag, today=today, select=["verslag"], leidraden=[catalogue] if catalogue else ()
    ).findings
    blocking = [
        f for f in findings if f.code == "verslag-leidraad" and f.severity is Severity.ERROR
    ]
    if blocking:
        finding = blocking[0]
        sys.stderr.write(
            printable(f"{args.record}: {finding.path}: {finding.text(language)}") + "\n"
        )
        return EXIT_USAGE
    rapport = volledigheid(verslag, catalogue, today=today)
    if args.format == "json":
        data = rapport.to_dict()
        data["findings"] = [f.to_dict(language) for f in findings]
        out.write(to_json(data) + "\n")
    else:
        out.write(printable(render_text(rapport, leidraad=catalogue, lang=language)))
        for finding in findings:
            line = f"{finding.severity.value}: {finding.path}: {finding.text(language)}"
            out.write(printable(line) + "\n")
    errors = any(f.severity is Severity.ERROR for f in findings)
    return EXIT_OK if rapport.in_orde and not errors else EXIT_FINDINGS


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run the subcommand chosen."""
    # An unknown catalogue, like every error of the library, is reported by cli.main.
    runners = {"list": _run_list, "show": _run_show, "status": _run_status}
    return runners[args.leidraad_command](args, out)
