"""Notebook views: short ``repr`` lines and self-contained HTML with scoped CSS.

The models' ``__repr__`` and ``_repr_html_`` call `short_repr` and `html`; the objects of the
layers above (schedules, progress, cohorts, reports) build their views from the helpers here
(`view`, `fields`, `table`, `legend`, `named_repr`), so that every object looks alike in
JupyterLab (light and dark themes) and VS Code. The module imports no model (it sits below
them), so it reads the objects it shows by their attributes.

The HTML is one ``<div class="dl-view">`` with its own ``<style>``: every rule starts with
that class, so it styles nothing else on the page. Text takes the colour of the page
(``currentColor``); borders and header shades are grey with transparency, legible on a
light and a dark background; coloured cells (levels, calendar days) set a dark text colour
of their own. A view shows no personal data of a learner (the learner by pseudonymous id
only; no names of mentors or signatories): a notebook with its outputs is shared like any
file.
"""

from __future__ import annotations

import datetime as dt
import functools
import html as _html
import io
import reprlib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from duaal_leren.exceptions import checked_lang

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "MAX_REPR",
    "STYLE",
    "escape",
    "fields",
    "html",
    "legend",
    "named_repr",
    "notebook_figure",
    "short_repr",
    "table",
    "view",
]

MAX_REPR = 500
"""The longest ``repr`` of any object the library shows: a line, never a dump."""

# Grey with transparency reads on a light and on a dark background alike; JupyterLab's and
# VS Code's own variables win where they are set. Coloured cells carry a dark text colour
# of their own, since their background stays light in a dark theme.
STYLE = """
.dl-view { color-scheme: light dark; color: inherit;
  --dl-border: var(--jp-border-color2, rgba(127, 127, 127, 0.4));
  --dl-shade: rgba(127, 127, 127, 0.13);
  --dl-red: #d1242f; --dl-green: #2da44e; --dl-ink: #1f2328;
  font-family: var(--jp-ui-font-family, var(--vscode-font-family, system-ui, sans-serif));
  font-size: var(--jp-ui-font-size1, 13px); line-height: 1.4; }
.dl-view h3 { font-size: 1.1em; margin: 0.2em 0 0.4em; }
.dl-view h4 { font-size: 1em; margin: 0.8em 0 0.3em; }
.dl-view p { margin: 0.3em 0; }
.dl-view table { border-collapse: collapse; margin: 0.3em 0; font-size: 0.95em; }
.dl-view caption { text-align: left; font-weight: 600; padding: 0.2em 0; }
.dl-view th, .dl-view td { border: 1px solid var(--dl-border); padding: 0.15em 0.45em;
  text-align: left; vertical-align: top; color: inherit; background: transparent; }
.dl-view thead th, .dl-view tbody th { background: var(--dl-shade); font-weight: 600; }
.dl-view .dl-card { border: 1px solid var(--dl-border); border-radius: 6px;
  padding: 0.5em 0.8em; max-width: 60em; }
.dl-view table.dl-fields th, .dl-view table.dl-fields td { border: none;
  background: transparent; padding: 0.05em 1.2em 0.05em 0; }
.dl-view table.dl-fields th { font-weight: normal; opacity: 0.75; white-space: nowrap; }
.dl-view .dl-muted { opacity: 0.7; }
.dl-view .dl-ok { color: var(--dl-green); font-weight: 600; }
.dl-view .dl-bad, .dl-view .risico { color: var(--dl-red); font-weight: 700; }
.dl-view .dl-warn { color: #bf8700; font-weight: 600; }
.dl-view ul.dl-legend, .dl-view ul.legende { list-style: none; padding: 0; margin: 0.4em 0;
  display: flex; gap: 0.4em 1.2em; flex-wrap: wrap; }
.dl-view .dl-swatch, .dl-view ul.legende span { display: inline-block; width: 1em;
  height: 1em; border: 1px solid var(--dl-border); vertical-align: middle;
  margin-right: 0.35em; box-sizing: border-box; }
.dl-view td.cel { text-align: center; min-width: 1.6em; }
.dl-view .beheerst, .dl-view .bezig, .dl-view td[style] { color: var(--dl-ink); }
.dl-view .beheerst { background: #8fd19e; }
.dl-view .bezig { background: #ffe08a; }
.dl-view .niet-gestart { background: repeating-linear-gradient(45deg,
  rgba(127, 127, 127, 0.45) 0 1px, transparent 1px 5px); }
.dl-view .buiten-plan { background: transparent; opacity: 0.55; }
.dl-view .achterstallig { outline: 2px solid var(--dl-red); outline-offset: -2px; }
.dl-view .dl-months { display: flex; flex-wrap: wrap; gap: 0.6em; }
.dl-view table.dl-month td { text-align: right; padding: 0.05em 0.25em; min-width: 1.5em; }
.dl-view table.dl-month caption { text-align: center; }
.dl-view .dl-weekend { opacity: 0.5; }
.dl-view .dl-vakantie { background: #9ecbff; color: var(--dl-ink); }
.dl-view .dl-feestdag { background: #ff9492; color: var(--dl-ink); }
.dl-view .dl-vrije-dag { background: #d2a8ff; color: var(--dl-ink); }
.dl-view .dl-schooleigen { background: #ffd33d; color: var(--dl-ink); }
.dl-view .dl-half { background: linear-gradient(135deg, #ffd33d 50%, #ffeca0 50%);
  color: var(--dl-ink); }
.dl-view .dl-klassenraad { outline: 2px solid var(--dl-green); outline-offset: -2px; }
@media print { .dl-view * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def escape(value: object) -> str:
    """HTML text for a value: ``None`` is empty, a date is ISO 8601, the rest ``str``.

    Example:
        >>> escape("<b>&"), escape(None), escape(dt.date(2026, 3, 1))
        ('&lt;b&gt;&amp;', '', '2026-03-01')
    """
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return _html.escape(value.isoformat())
    return _html.escape(str(value), quote=True)


def view(body: str, lang: str | None = None) -> str:
    """Wrap HTML (whose text the caller escaped) in the scoped, styled block of the views."""
    lang = checked_lang(lang)
    return f'<div class="dl-view" lang="{lang}"><style>{STYLE}</style>{body}</div>'


def fields(pairs: Iterable[tuple[str, object]]) -> str:
    """Labels and values as a table of two columns; values are escaped, unless a `Raw`.

    A table rather than a definition list: notebook front ends style tables alike, lists
    each their own way.
    """
    items = "".join(
        f'<tr><th scope="row">{escape(label)}</th>{_td(value)}</tr>' for label, value in pairs
    )
    return f'<table class="dl-fields"><tbody>{items}</tbody></table>'


class Raw:
    """HTML that is escaped already, to pass through `fields` and `table` as it is."""

    __slots__ = ("attributes", "html")

    def __init__(self, html: str, attributes: str = "") -> None:
        self.html = html
        self.attributes = attributes


def _td(value: object, tag: str = "td") -> str:
    if isinstance(value, Raw):
        space = " " if value.attributes else ""
        return f"<{tag}{space}{value.attributes}>{value.html}</{tag}>"
    return f"<{tag}>{escape(value)}</{tag}>"


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    caption: str | None = None,
    attributes: str = "",
) -> str:
    """A table; plain values are escaped, a `Raw` cell is taken as it is."""
    space = " " if attributes else ""
    parts = [f"<table{space}{attributes}>"]
    if caption is not None:
        parts.append(f"<caption>{escape(caption)}</caption>")
    parts.append(
        "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr></thead>"
    )
    parts.append("<tbody>")
    parts.extend("<tr>" + "".join(_td(cell) for cell in row) + "</tr>" for row in rows)
    parts.append("</tbody></table>")
    return "".join(parts)


def legend(items: Iterable[tuple[str, str]]) -> str:
    """A legend: each item a swatch (its CSS classes or ``style:`` and a style) and a text."""
    parts = []
    for look, text in items:
        if look.startswith("style:"):
            swatch = f'<span class="dl-swatch" style="{escape(look[6:])}"></span>'
        else:
            swatch = f'<span class="dl-swatch {escape(look)}"></span>'
        parts.append(f"<li>{swatch}{escape(text)}</li>")
    return '<ul class="dl-legend">' + "".join(parts) + "</ul>"


_SHORT = reprlib.Repr()
# Set one by one: Python 3.11's Repr takes no keyword arguments.
_SHORT.maxstring = _SHORT.maxother = 60
_SHORT.maxlist = _SHORT.maxtuple = 4


def named_repr(name: str, **values: object) -> str:
    """A ``repr`` line ``Name(key=value, ...)`` whose values are cut short, bounded in length.

    Example:
        >>> named_repr("Report", source="x.yaml", passed=True)
        "Report(source='x.yaml', passed=True)"
        >>> len(named_repr("X", text="y" * 10_000)) < 100
        True
    """
    parts = ", ".join(f"{key}={_SHORT.repr(value)}" for key, value in values.items())
    text = f"{name}({parts})"
    return text if len(text) <= MAX_REPR else text[: MAX_REPR - 4] + "...)"


def _kind(obj: object) -> str:
    """The first of the known model classes in the object's class hierarchy."""
    for cls in type(obj).__mro__:
        if cls.__name__ in _KNOWN:
            return cls.__name__
    return ""


_KNOWN = frozenset(
    {"Traject", "StandaardOpleidingsplan", "IndividueelOpleidingsplan", "Schoolkalender"}
)


def short_repr(obj: Any) -> str:
    """A one-line ``repr`` of a model object that names it without dumping it.

    It holds ids, names of schools and courses, and counts; never the learner's personal
    data, never more than `MAX_REPR` characters.
    """
    kind = _kind(obj)
    name = type(obj).__name__
    if kind == "Traject":
        return named_repr(
            name,
            id=obj.id,
            lerende=obj.lerende.id,
            opleiding=obj.opleidingsplan.opleiding,
            competenties=len(obj.opleidingsplan.competenties),
            opvolgingsgesprekken=len(obj.opvolgingsgesprekken),
        )
    if kind == "StandaardOpleidingsplan":
        return named_repr(name, id=obj.id, versie=obj.versie, competenties=len(obj.competenties))
    if kind == "IndividueelOpleidingsplan":
        return named_repr(
            name,
            opleiding=obj.opleiding,
            standaardplan=f"{obj.standaardplan.id}@{obj.standaardplan.versie}",
            status=obj.status.value,
            competenties=len(obj.competenties),
        )
    if kind == "Schoolkalender":
        values: dict[str, object] = {"schooljaar": str(obj.schooljaar)}
        if obj.school is not None:
            values["school"] = obj.school
        values["vrije_periodes"] = len(obj.vrije_periodes)
        return named_repr(name, **values)
    values = {}
    if (ident := getattr(obj, "id", None)) is not None:
        values["id"] = ident
    return named_repr(name, **values)


def html(obj: Any) -> str:
    """A self-contained HTML view of a model object for Jupyter, in the default language."""
    kind = _kind(obj)
    if kind == "Traject":
        return traject_html(obj)
    if kind in ("StandaardOpleidingsplan", "IndividueelOpleidingsplan"):
        return plan_html(obj)
    if kind == "Schoolkalender":
        return kalender_html(obj)
    return view(f"<pre>{escape(short_repr(obj))}</pre>")


# --- traject ------------------------------------------------------------------------------

_TRAJECT = {
    "nl": {
        "traject": "Traject",
        "lerende": "lerende (pseudoniem)",
        "opleiding": "opleiding",
        "school": "school",
        "werkplek": "werkplek",
        "overeenkomst": "overeenkomst",
        "plan": "opleidingsplan",
        "gesprekken": "opvolgingsgesprekken",
        "volgende": "volgend gepland gesprek",
        "geen": "geen",
        "competenties": "competenties",
        "start": "startcompetenties",
        "uur": "u/week",
        "tot": "tot",
        "datum": "datum",
        "plaats": "plaats",
        "status": "status",
        "observaties": "beoordelingen",
        "bevindingen": "Bevindingen: duaal_leren.validate(traject) toont ze.",
        "gehouden": "gehouden",
        "gepland": "gepland",
        "geannuleerd": "geannuleerd",
    },
    "en": {
        "traject": "Traject",
        "lerende": "learner (pseudonym)",
        "opleiding": "course",
        "school": "school",
        "werkplek": "workplace",
        "overeenkomst": "contract",
        "plan": "training plan",
        "gesprekken": "follow-up conversations",
        "volgende": "next planned conversation",
        "geen": "none",
        "competenties": "competences",
        "start": "startcompetenties",
        "uur": "h/week",
        "tot": "to",
        "datum": "date",
        "plaats": "place",
        "status": "status",
        "observaties": "ratings",
        "bevindingen": "Findings: duaal_leren.validate(traject) shows them.",
        "gehouden": "held",
        "gepland": "planned",
        "geannuleerd": "cancelled",
    },
}


def _per_leerplaats(competenties: Sequence[Any]) -> str:
    counts: dict[str, int] = {}
    for c in competenties:
        counts[c.leerplaats.value] = counts.get(c.leerplaats.value, 0) + 1
    return ", ".join(f"{place} {n}" for place, n in counts.items())


def traject_html(traject: Any, lang: str | None = None) -> str:
    """A card of a traject: who, where, the contract, the plan and the conversations.

    The learner appears by pseudonymous id only; persons are not named.
    """
    lang = checked_lang(lang)
    label = _TRAJECT[lang]
    plan = traject.opleidingsplan
    werkplek = traject.werkplek.onderneming
    if traject.werkplek.vestiging:
        werkplek = f"{werkplek}, {traject.werkplek.vestiging}"
    school = traject.school.naam
    if traject.school.instellingsnummer:
        school = f"{school} ({traject.school.instellingsnummer})"
    contract = traject.overeenkomst
    contract_text = (
        f"{contract.soort.value}, {contract.start.isoformat()} {label['tot']} "
        f"{contract.einde.isoformat()}"
    )
    if contract.uren_per_week is not None:
        contract_text += f", {contract.uren_per_week:g} {label['uur']}"
    plan_text = (
        f"{len(plan.competenties)} {label['competenties']} ({_per_leerplaats(plan.competenties)}); "
        f"{len(plan.startcompetenties)} {label['start']}; {plan.status.value}"
    )
    gesprekken = sorted(traject.opvolgingsgesprekken, key=lambda g: g.datum)
    counts: dict[str, int] = {}
    for g in gesprekken:
        counts[g.status.value] = counts.get(g.status.value, 0) + 1
    count_text = ", ".join(f"{n} {label.get(s, s)}" for s, n in counts.items()) or label["geen"]
    planned = [g for g in gesprekken if g.status.value == "gepland"]
    volgende = (
        f"{planned[0].datum.isoformat()} ({planned[0].plaats.value})" if planned else label["geen"]
    )
    card = [
        f"<h3>{escape(label['traject'])} {escape(traject.id)}</h3>",
        fields(
            [
                (label["lerende"], traject.lerende.id),
                (label["opleiding"], plan.opleiding),
                (label["school"], school),
                (label["werkplek"], werkplek),
                (label["overeenkomst"], contract_text),
                (label["plan"], plan_text),
                (label["gesprekken"], count_text),
                (label["volgende"], volgende),
            ]
        ),
    ]
    if gesprekken:
        rows = [
            (g.datum, g.plaats.value, label.get(g.status.value, g.status.value), len(g.observaties))
            for g in gesprekken
        ]
        headers = (label["datum"], label["plaats"], label["status"], label["observaties"])
        card.append(table(headers, rows, caption=label["gesprekken"]))
    card.append(f'<p class="dl-muted">{escape(label["bevindingen"])}</p>')
    return view(f'<div class="dl-card">{"".join(card)}</div>', lang)


# --- plans --------------------------------------------------------------------------------

_PLAN = {
    "nl": {
        "standaard": "Standaardopleidingsplan",
        "individueel": "Individueel opleidingsplan",
        "versie": "versie",
        "standaardplan": "standaardplan",
        "status": "status",
        "competenties": "competenties",
        "zonder": "(zonder cluster)",
        "kolommen": (
            "code",
            "omschrijving",
            "leerplaats",
            "aanbreng",
            "inoefening",
            "vereisten",
            "termijn",
        ),
        "start": "startcompetentie",
        "ondertekend": "ondertekend door",
        "beroepskwalificaties": "beroepskwalificaties",
    },
    "en": {
        "standaard": "Standard training plan",
        "individueel": "Individual training plan",
        "versie": "version",
        "standaardplan": "standard plan",
        "status": "status",
        "competenties": "competences",
        "zonder": "(no cluster)",
        "kolommen": (
            "code",
            "description",
            "leerplaats",
            "aanbreng",
            "inoefening",
            "prerequisites",
            "termijn",
        ),
        "start": "startcompetentie",
        "ondertekend": "signed by",
        "beroepskwalificaties": "professional qualifications",
    },
}


def plan_html(plan: Any, lang: str | None = None) -> str:
    """A plan's competences grouped by cluster.

    Each with its leerplaats, aanbreng, inoefening, prerequisites and termijn; an individual
    plan marks its startcompetenties.
    """
    lang = checked_lang(lang)
    label: Any = _PLAN[lang]
    individual = _kind(plan) == "IndividueelOpleidingsplan"
    starts = set(getattr(plan, "startcompetenties", ()))
    if individual:
        title = f"{label['individueel']}: {plan.opleiding}"
        info: list[tuple[str, object]] = [
            (
                label["standaardplan"],
                f"{plan.standaardplan.id} {label['versie']} {plan.standaardplan.versie}",
            ),
            (label["status"], plan.status.value),
        ]
        signed = ", ".join(h.partij.value for h in plan.handtekeningen)
        if signed:
            info.append((label["ondertekend"], signed))
    else:
        title = f"{label['standaard']}: {plan.opleiding}"
        info = [("id", plan.id), (label["versie"], plan.versie)]
        if plan.beroepskwalificaties:
            info.append((label["beroepskwalificaties"], ", ".join(plan.beroepskwalificaties)))
    info.append(
        (label["competenties"], f"{len(plan.competenties)} ({_per_leerplaats(plan.competenties)})")
    )
    clusters: dict[str | None, list[Any]] = {}
    for c in plan.competenties:
        clusters.setdefault(c.cluster, []).append(c)
    parts = [f"<h3>{escape(title)}</h3>", fields(info)]
    for cluster, items in clusters.items():
        rows = []
        for c in items:
            code: object = c.code
            if c.code in starts:
                code = Raw(
                    f'{escape(c.code)} <span class="dl-ok" title="{escape(label["start"])}">S</span>'
                )
            leerplaats = c.leerplaats.value
            if c.externe_aanbieder:
                leerplaats = f"{leerplaats} ({c.externe_aanbieder})"
            rows.append(
                (
                    code,
                    c.omschrijving,
                    leerplaats,
                    c.aanbreng.value if c.aanbreng else None,
                    c.inoefening.value if c.inoefening else None,
                    ", ".join(c.vereisten),
                    c.termijn,
                )
            )
        caption = f"{cluster or label['zonder']} ({len(items)})"
        parts.append(table(label["kolommen"], rows, caption=caption))
    if starts:
        parts.append(legend([("dl-ok", f"S {label['start']}")]))
    return view("".join(parts), lang)


# --- school calendar ----------------------------------------------------------------------

_KALENDER = {
    "nl": {
        "titel": "Schoolkalender",
        "eerste": "eerste schooldag",
        "laatste": "laatste schooldag",
        "schooldagen": "schooldagen",
        "klassenraden": "klassenraden",
        "periodes": "Vrije periodes",
        "kolommen": ("naam", "van", "tot", "dagen", "soort"),
        "maanden": (
            "september", "oktober", "november", "december", "januari", "februari", "maart",
            "april", "mei", "juni", "juli", "augustus",
        ),
        "dagen": ("ma", "di", "wo", "do", "vr", "za", "zo"),
        "vakantie": "vakantie",
        "feestdag": "wettelijke feestdag",
        "vrije-dag": "andere vrije dag",
        "schooleigen": "vrije dag of studiedag van de school",
        "half": "halve vrije dag",
        "klassenraad": "klassenraad",
        "weekend": "weekend",
        "geen": "geen",
    },
    "en": {
        "titel": "School calendar",
        "eerste": "first school day",
        "laatste": "last school day",
        "schooldagen": "school days",
        "klassenraden": "klassenraden",
        "periodes": "Free periods",
        "kolommen": ("name", "from", "to", "days", "kind"),
        "maanden": (
            "September", "October", "November", "December", "January", "February", "March",
            "April", "May", "June", "July", "August",
        ),
        "dagen": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"),
        "vakantie": "vacation",
        "feestdag": "legal holiday",
        "vrije-dag": "other day off",
        "schooleigen": "the school's own day off or study day",
        "half": "half day off",
        "klassenraad": "klassenraad",
        "weekend": "weekend",
        "geen": "none",
    },
}  # fmt: skip


def _month(
    kalender: Any, year: int, month: int, name: str, label: Mapping[str, Any],
    half: Mapping[dt.date, Any], raden: set[dt.date],
) -> str:  # fmt: skip
    first = dt.date(year, month, 1)
    days = (dt.date(year + month // 12, month % 12 + 1, 1) - first).days
    cells: list[str] = ["<td></td>"] * first.weekday()
    for n in range(1, days + 1):
        day = dt.date(year, month, n)
        classes = []
        tip = []
        period = kalender.vrije_periode(day)
        if period is not None:
            classes.append(f"dl-{period.soort.value}")
            tip.append(period.naam)
        elif day.weekday() >= 5:
            classes.append("dl-weekend")
        if day in half:
            classes.append("dl-half")
            tip.append(f"{half[day].titel} ({half[day].dagdeel.value})")
        if day in raden:
            classes.append("dl-klassenraad")
            tip.append(str(label["klassenraad"]))
        attributes = f' class="{" ".join(classes)}"' if classes else ""
        if tip:
            attributes += f' title="{escape("; ".join(tip))}"'
        cells.append(f"<td{attributes}>{n}</td>")
    rows = ["".join(cells[i : i + 7]) for i in range(0, len(cells), 7)]
    head = "".join(f"<th>{escape(d)}</th>" for d in label["dagen"])
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    return (
        f'<table class="dl-month"><caption>{escape(name)} {year}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def kalender_html(kalender: Any, lang: str | None = None) -> str:
    """A year view of a school calendar, then the list of its free periods.

    Twelve months from September, each day coloured by what it is: a vacation, a legal
    holiday, another day off, the school's own day, a half day off, a klassenraad.
    """
    lang = checked_lang(lang)
    label: Any = _KALENDER[lang]
    jaar = kalender.schooljaar
    title = f"{label['titel']} {jaar}" + (f": {kalender.school}" if kalender.school else "")
    raden = set(kalender.klassenraden)
    half = {d.datum: d for d in kalender.halve_vrije_dagen}
    info = [
        (label["eerste"], kalender.eerste_schooldag),
        (label["laatste"], kalender.laatste_schooldag),
        (label["schooldagen"], len(kalender.schooldagen())),
        (
            label["klassenraden"],
            ", ".join(d.isoformat() for d in sorted(raden)) or label["geen"],
        ),
    ]
    months = []
    for i, name in enumerate(label["maanden"]):
        month = (8 + i) % 12 + 1
        year = jaar.startjaar if month >= 9 else jaar.startjaar + 1
        months.append(_month(kalender, year, month, name, label, half, raden))
    periods = [
        (p.naam, p.start, p.einde, p.dagen, label.get(p.soort.value, p.soort.value))
        for p in kalender.vrije_periodes
    ]
    keys = [
        ("dl-vakantie", label["vakantie"]),
        ("dl-feestdag", label["feestdag"]),
        ("dl-vrije-dag", label["vrije-dag"]),
        ("dl-schooleigen", label["schooleigen"]),
        ("dl-half", label["half"]),
        ("dl-klassenraad", label["klassenraad"]),
        ("dl-weekend", label["weekend"]),
    ]
    body = (
        f"<h3>{escape(title)}</h3>"
        + fields(info)
        + legend(keys)
        + f'<div class="dl-months">{"".join(months)}</div>'
        + f"<h4>{escape(label['periodes'])}</h4>"
        + table(label["kolommen"], periods)
    )
    return view(body, lang)


@functools.cache
def notebook_figure() -> type[Figure]:
    """A matplotlib `Figure` class that Jupyter shows inline as a PNG, without a magic.

    Made on first use, once matplotlib is there: the charts of `duaal_leren.plot` and
    `Urenoverzicht.to_figure` draw on it, and it stays a `Figure` in every other way.
    """
    from matplotlib.figure import Figure

    class NotebookFigure(Figure):
        """A matplotlib figure that a notebook shows inline, as a PNG image."""

        def _repr_png_(self) -> bytes:
            buffer = io.BytesIO()
            self.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
            return buffer.getvalue()

    NotebookFigure.__module__ = "duaal_leren.plot"
    return NotebookFigure
