"""The package's modules import one way: no cycle, and nothing below the command line imports it.

A cycle between modules, even through an import inside a function, makes the import order
matter and first use from several threads fragile; a domain module that imports the command
line drags argparse and every command into a library call. Both are read from the source
with `ast`, so an import hidden in a function counts.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "duaal_leren"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    named: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            named.add(module)
            named.update(f"{module}.{alias.name}" for alias in node.names)
    # A module importing its own package's __init__ (for a name) is not a dependency on
    # the package's other modules; a package importing its submodules is.
    return {m for m in named if m in MODULES and m != name and not name.startswith(m + ".")}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycle() -> list[str] | None:
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                return [*trail[trail.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt, [*trail, nxt])):
                return found
        state[node] = 2
        return None

    for node in sorted(GRAPH):
        if node not in state and (found := visit(node, [node])):
            return found
    return None


def test_no_import_cycle() -> None:
    assert _cycle() is None, " -> ".join(_cycle() or [])


def test_nothing_outside_the_command_line_imports_it() -> None:
    offenders = {
        name: sorted(m for m in deps if m == "duaal_leren.cli" or m.startswith("duaal_leren.cli."))
        for name, deps in GRAPH.items()
        if not (name == "duaal_leren.cli" or name.startswith("duaal_leren.cli."))
    }
    assert {name: deps for name, deps in offenders.items() if deps} == {}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_replaces_its_class(name: str) -> None:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    swaps = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Attribute) and t.attr == "__class__" for t in node.targets)
    ]
    assert swaps == []


# The layers, from the bottom up; a module may import modules of its own layer (without a
# cycle) and of the layers below it, never above. CONTRIBUTING.md and docs/architecture.md
# describe them; the picture in the docs is drawn from this table (`python
# tests/test_layers.py` draws it again).
LAYERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Errors, single values and files",
        "Fouten, enkelvoudige waarden en bestanden",
        ("exceptions", "_validators", "_lazy", "_views", "_files"),
    ),
    (
        "Models",
        "Modellen",
        (
            "competentie",
            "opleidingsplan",
            "opvolging",
            "leidraad.model",
            "leidraad._notebook",
            "gespreksverslag",
            "vakantie",
            "traject",
            "aanwezigheid",
        ),
    ),
    (
        "Reading and writing",
        "Lezen en schrijven",
        ("_paths", "_parse", "_yaml", "_convert", "_fast", "_schema", "_export", "documents"),
    ),
    (
        "Catalogues and calendar",
        "Leidraden en kalender",
        ("leidraad", "kalender"),
    ),
    ("Working days and hours", "Werkdagen en uren", ("werkdagen", "vakantieregeling", "uren")),
    (
        "Planning, progress and exports",
        "Planning, voortgang en export",
        (
            "planning",
            "voortgang",
            "cohort",
            "ical",
            "plot",
            "summary",
            "strategies",
            "privacy",
            "bewaring",
            "case",
            "openbadges",
        ),
    ),
    ("Validation", "Validatie", ("validation",)),
    ("Command line", "Opdrachtregel", ("cli",)),
)


def layer_of(module: str) -> int | None:
    """The layer of a module of the package (by the longest prefix that names it)."""
    name = module.removeprefix("duaal_leren.")
    best: tuple[int, int] | None = None
    for index, (_, _, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            named = name == prefix or name.startswith(prefix + ".")
            if named and (best is None or len(prefix) > best[1]):
                best = (index, len(prefix))
    return None if best is None else best[0]


def test_every_module_has_a_layer() -> None:
    assert [m for m in MODULES if m != "duaal_leren" and layer_of(m) is None] == []


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = []
    for name, deps in GRAPH.items():
        if name == "duaal_leren":
            continue  # the package's own names: every layer's public names, on first use
        here = layer_of(name)
        assert here is not None
        upward.extend(
            f"{name} ({LAYERS[here][0]}) imports {dep} ({LAYERS[there][0]})"
            for dep in sorted(deps)
            if (there := layer_of(dep)) is not None and there > here
        )
    assert upward == []


def draw() -> str:
    """The layers as a self-contained SVG picture, the command line on top."""
    import textwrap
    from html import escape

    width, gap, line = 760, 14, 18
    bands = [
        (title, titel, textwrap.wrap(", ".join(modules), 72))
        for title, titel, modules in reversed(LAYERS)
    ]
    heights = [34 + line * len(lines) for _, _, lines in bands]
    height = sum(heights) + gap * (len(bands) + 1) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="sans-serif" role="img" '
        'aria-label="The layers of duaal-leren">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        '<defs><marker id="pijl" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#57606a"/>'
        "</marker></defs>",
    ]
    y = gap
    for row, ((title, titel, lines), band) in enumerate(zip(bands, heights, strict=True)):
        parts.append(
            f'<rect x="20" y="{y}" width="{width - 80}" height="{band}" rx="6" '
            'fill="#ddf4ff" stroke="#54aeff"/>'
        )
        parts.append(
            f'<text x="34" y="{y + 22}" font-size="15" font-weight="bold" fill="#0a3069">'
            f"{escape(title)} <tspan font-weight='normal' font-style='italic'>"
            f"({escape(titel)})</tspan></text>"
        )
        parts.extend(
            f'<text x="34" y="{y + 42 + line * i}" font-size="13" fill="#24292f" '
            f'font-family="monospace">{escape(text)}</text>'
            for i, text in enumerate(lines)
        )
        if row < len(bands) - 1:
            parts.append(
                f'<line x1="{width - 40}" y1="{y + band / 2}" x2="{width - 40}" '
                f'y2="{y + band + gap + heights[row + 1] / 2 - 4}" stroke="#57606a" '
                'stroke-width="2" marker-end="url(#pijl)"/>'
            )
        y += band + gap
    parts.append(
        f'<text x="{width - 34}" y="{height - 6}" font-size="11" fill="#57606a" '
        'text-anchor="end">imports run downwards</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


PICTURE = Path(__file__).resolve().parent.parent / "docs" / "architecture.svg"


def test_the_picture_in_the_docs_shows_these_layers() -> None:
    assert PICTURE.read_text(encoding="utf-8") == draw(), "run: python tests/test_layers.py"


if __name__ == "__main__":
    PICTURE.write_text(draw(), encoding="utf-8")
