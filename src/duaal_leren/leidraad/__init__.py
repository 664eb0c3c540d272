"""Guides for conversations (leidraden): the catalogues, how complete a record is, agendas.

Two catalogues ship with the library, word for word from their sources: ``opstartgesprek``,
the 45 questions of the *Leidraad opstartgesprek voor leerwerkplekken* (June 2023) for the
start-up conversation between company and school, and ``leervooruitgang``, the three themes
and eight consultation goals of *Wat bespreek ik omtrent de leervooruitgang?* for the
follow-up conversations. `leidraad` returns one, `load_leidraad` (a file) and `loads_leidraad`
(a text) read a user's own catalogue or an `Uitbreiding` that adds questions to a shipped one.

A conversation held with a catalogue is recorded in a `duaal_leren.gespreksverslag.Gespreksverslag`;
`volledigheid` tells which of its items are answered, not applicable or open, and which
actions are late. `render_html`, `render_markdown` and `render_text` print a catalogue as an
agenda and a record with its answers.

Example:
    >>> from duaal_leren.leidraad import leidraad
    >>> opstart = leidraad("opstartgesprek")
    >>> opstart.titel, opstart.versie, len(opstart.alle_items)
    ('Leidraad opstartgesprek voor leerwerkplekken', '1', 45)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from duaal_leren._lazy import lazy_exports

if TYPE_CHECKING:
    from duaal_leren.leidraad._catalogus import load_leidraad, load_verslag, loads_leidraad
    from duaal_leren.leidraad._meegeleverd import (
        OnbekendeLeidraad,
        leidraad,
        leidraad_ids,
        leidraden,
    )
    from duaal_leren.leidraad._volledigheid import (
        Sectiestatus,
        Themastatus,
        Volledigheidsrapport,
        volledigheid,
    )
    from duaal_leren.leidraad.model import (
        Aanvulling,
        Bron,
        Item,
        Itemsoort,
        Leidraad,
        Leidraadprobleem,
        LeidraadReferentie,
        OngeldigeLeidraad,
        Sectie,
        Thema,
        Uitbreiding,
        extend,
    )
    from duaal_leren.leidraad.render import (
        html_fragment,
        json_data,
        render_html,
        render_markdown,
        render_text,
    )

__all__ = [
    "Aanvulling",
    "Bron",
    "Item",
    "Itemsoort",
    "Leidraad",
    "LeidraadReferentie",
    "Leidraadprobleem",
    "OnbekendeLeidraad",
    "OngeldigeLeidraad",
    "Sectie",
    "Sectiestatus",
    "Thema",
    "Themastatus",
    "Uitbreiding",
    "Volledigheidsrapport",
    "extend",
    "html_fragment",
    "json_data",
    "leidraad",
    "leidraad_ids",
    "leidraden",
    "load_leidraad",
    "load_verslag",
    "loads_leidraad",
    "render_html",
    "render_markdown",
    "render_text",
    "volledigheid",
]

# The names above are imported on first use, read from the imports for type checkers: a
# traject file with records needs the model, not the renderer.
__getattr__, __dir__ = lazy_exports(__name__)
