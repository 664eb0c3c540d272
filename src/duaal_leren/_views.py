"""Notebook views of the models: a short ``repr`` and a self-contained HTML card.

The models' ``__repr__`` and ``_repr_html_`` call these. The module imports no model (it
sits below them), so it reads the objects it shows by their attributes.
"""

from __future__ import annotations

import html as _html
from typing import Any

__all__ = ["html", "short_repr"]


def short_repr(obj: Any) -> str:
    """A one-line ``repr`` of a model object that names it without dumping it."""
    parts = []
    if (ident := getattr(obj, "id", None)) is not None:
        parts.append(f"id={ident!r}")
    if (lerende := getattr(obj, "lerende", None)) is not None:
        parts.append(f"lerende={getattr(lerende, 'id', None)!r}")
    return f"{type(obj).__name__}({', '.join(parts)})"


def html(obj: Any) -> str:
    """A self-contained HTML view of a model object for Jupyter."""
    return f"<pre>{_html.escape(short_repr(obj))}</pre>"
