"""Guides for conversations (leidraden), records of the conversations, and printable agendas.

Two catalogues ship with the library, word for word from their sources: ``opstartgesprek``,
the 45 questions of the *Leidraad opstartgesprek voor leerwerkplekken* (June 2023) for the
start-up conversation between company and school, and ``leervooruitgang``, the three themes
and eight consultation goals of *Wat bespreek ik omtrent de leervooruitgang?* for the
follow-up conversations. `leidraad` returns one, `load_leidraad` reads a user's own catalogue
or an `Uitbreiding` that adds questions to a shipped one.

A `Gespreksverslag` records a conversation held with a catalogue; `volledigheid` tells which
items are answered, not applicable or open, and which actions are late. `render_html`,
`render_markdown` and `render_text` print a catalogue as an agenda and a record with its
answers.

Example:
    >>> from duaal_leren.leidraad import leidraad
    >>> opstart = leidraad("opstartgesprek")
    >>> opstart.titel, opstart.versie, len(opstart.alle_items)
    ('Leidraad opstartgesprek voor leerwerkplekken', '1', 45)

    The package itself can be called for the same:

    >>> import duaal_leren
    >>> duaal_leren.leidraad("leervooruitgang") == leidraad("leervooruitgang")
    True
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

from duaal_leren._lazy import lazy_exports

if TYPE_CHECKING:
    from duaal_leren.leidraad._catalogus import load_leidraad, load_verslag
    from duaal_leren.leidraad._meegeleverd import (
        OnbekendeLeidraad,
        leidraad,
        leidraad_ids,
        leidraden,
    )
    from duaal_leren.leidraad.model import (
        Aanvulling,
        Bron,
        Item,
        Itemsoort,
        Leidraad,
        LeidraadReferentie,
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
    from duaal_leren.leidraad.verslag import (
        Actie,
        Antwoord,
        Deelnemer,
        Gespreksverslag,
        Itemstatus,
        Sectiestatus,
        Themastatus,
        VerslagFinding,
        Volledigheidsrapport,
        verslag_findings,
        volledigheid,
    )

__all__ = [
    "Aanvulling",
    "Actie",
    "Antwoord",
    "Bron",
    "Deelnemer",
    "Gespreksverslag",
    "Item",
    "Itemsoort",
    "Itemstatus",
    "Leidraad",
    "LeidraadReferentie",
    "OnbekendeLeidraad",
    "Sectie",
    "Sectiestatus",
    "Thema",
    "Themastatus",
    "Uitbreiding",
    "VerslagFinding",
    "Volledigheidsrapport",
    "extend",
    "html_fragment",
    "json_data",
    "leidraad",
    "leidraad_ids",
    "leidraden",
    "load_leidraad",
    "load_verslag",
    "render_html",
    "render_markdown",
    "render_text",
    "verslag_findings",
    "volledigheid",
]


class _CallableModule(types.ModuleType):
    """This package, callable: ``duaal_leren.leidraad("opstartgesprek")``."""

    def __call__(self, id: str) -> Leidraad:
        from duaal_leren.leidraad._meegeleverd import leidraad

        return leidraad(id)


# The package is both the home of the catalogue model and, called, the way to a shipped
# catalogue. Giving the module a callable class keeps every form of import working (a
# function bound to the same name on the parent package would break
# ``import duaal_leren.leidraad.render``). Type checkers do not see the call: they use
# ``from duaal_leren.leidraad import leidraad``.
sys.modules[__name__].__class__ = _CallableModule

# The names above are imported on first use: a traject file with records needs the model,
# not the renderer.
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "duaal_leren.leidraad._catalogus": ("load_leidraad", "load_verslag"),
        "duaal_leren.leidraad._meegeleverd": (
            "OnbekendeLeidraad",
            "leidraad",
            "leidraad_ids",
            "leidraden",
        ),
        "duaal_leren.leidraad.model": (
            "Aanvulling",
            "Bron",
            "Item",
            "Itemsoort",
            "Leidraad",
            "LeidraadReferentie",
            "Sectie",
            "Thema",
            "Uitbreiding",
            "extend",
        ),
        "duaal_leren.leidraad.render": (
            "html_fragment",
            "json_data",
            "render_html",
            "render_markdown",
            "render_text",
        ),
        "duaal_leren.leidraad.verslag": (
            "Actie",
            "Antwoord",
            "Deelnemer",
            "Gespreksverslag",
            "Itemstatus",
            "Sectiestatus",
            "Themastatus",
            "VerslagFinding",
            "Volledigheidsrapport",
            "verslag_findings",
            "volledigheid",
        ),
    },
    __all__,
)
