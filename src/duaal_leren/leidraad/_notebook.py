"""How a catalogue or a conversation record shows itself in a notebook (``_repr_html_``).

The models sit below the renderer: `duaal_leren.leidraad.render` imports them, and a record
is shown with the answers in its catalogue, which only the layers above the models look up.
So the models do not import the renderer. They ask this module, which sits below both and
imports neither: it reaches `html_fragment` through the package's names, which are imported
on first use, one at a time under the library's lock (`duaal_leren._lazy`), as any lazy name.
"""

from __future__ import annotations

import importlib
from typing import Protocol, cast

__all__ = ["html"]


class _Fragment(Protocol):
    def __call__(self, obj: object, /) -> str: ...


def html(obj: object) -> str:
    """The HTML a notebook shows for a catalogue or a conversation record.

    It is `duaal_leren.leidraad.html_fragment` of the object, with the defaults: the shipped
    catalogue a record names, today's date, Dutch labels.
    """
    # The package is imported already: it holds the models' modules.
    package = importlib.import_module(__name__.rpartition(".")[0])
    return cast(_Fragment, package.html_fragment)(obj)
