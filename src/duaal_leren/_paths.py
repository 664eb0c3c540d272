"""JSON paths of the values of a document, as problems and findings name them."""

from __future__ import annotations

import json
import re
from collections.abc import Collection

from duaal_leren.exceptions import Problem

__all__ = ["child_path", "line_for"]

_SURROGATE = re.compile(r"[\ud800-\udfff]")

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


# The last step of a path as `child_path` writes it: ``.name``, ``[3]`` or ``["any key"]``
# (a JSON string, which may itself hold ``]``, ``.`` or an escaped quote).
_LAST_STEP = re.compile(r'(\.[^.\[]+|\[[0-9]+\]|\["(?:[^"\\]|\\.)*"\])$')


def line_for(path: str, lines: dict[str, int]) -> int | None:
    """The line of the value at ``path``, or of its nearest ancestor that has one.

    A missing field has no line of its own: the object that lacks it is pointed at.
    """
    while path not in lines and len(path) > 1:
        parent = _LAST_STEP.sub("", path) or "$"
        if parent == path:  # a quoted key holding "]": no parent to find
            break
        path = parent
    return lines.get(path)


def _with_ancestors(paths: Collection[str]) -> set[str]:
    """The paths, and every path that holds one of them."""
    found: set[str] = set()
    for path in paths:
        while path not in found:
            found.add(path)
            parent = _LAST_STEP.sub("", path) or "$"
            if parent == path:
                break
            path = parent
    return found


def child_path(path: str, key: str | int) -> str:
    """The JSON path of a mapping key or a list index below ``path``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if _IDENT.fullmatch(key):
        return f"{path}.{key}"
    quoted = json.dumps(key, ensure_ascii=False)
    if not quoted.isascii():
        # A lone surrogate cannot be written out: escape it, as JSON itself would.
        quoted = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return f"{path}[{quoted}]"


def _empty() -> Problem:
    return Problem("$", "het document is leeg", "the document is empty", "leeg-document")
