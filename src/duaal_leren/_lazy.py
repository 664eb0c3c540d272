"""Names of a package that are imported when first used (PEP 562).

`import duaal_leren` should cost little more than its dependencies: a script that only reads
files must not pay for the planner, the guides or the calendar. A package lists its public
names once, as the imports under ``if TYPE_CHECKING:`` that type checkers read; at run time
that block is not executed, and `lazy_exports` reads it from the package's source instead,
so the table that type checkers see and the one the package imports from are one table. A
name's module is imported on first access and the name is then kept on the package, so
later access is as fast as a plain attribute.

First use may come from many threads at once. The imports a name needs are made one at a
time, under one lock for the whole library: two threads importing different modules that
share a dependency with an import cycle of its own (cattrs has one) could otherwise each
hold a part of it and wait for the other, which CPython reports as a deadlock or as a
partly imported module. None of the library's modules uses a lazy name while it is being
imported, so the lock never waits for an import that waits for it.
"""

from __future__ import annotations

import ast
import importlib
import sys
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["lazy_exports", "lazy_table"]

_importing = threading.RLock()
"""Held while a lazy name is imported; reentrant, as one import may need another name."""


def lazy_table(source: str) -> dict[str, str]:
    """For each name imported under the module-level ``if TYPE_CHECKING:``, its module.

    Raises:
        ValueError: The block holds something other than ``from module import names``.
    """
    table: dict[str, str] = {}
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"):
            continue
        for statement in node.body:
            if not isinstance(statement, ast.ImportFrom) or statement.level:
                raise ValueError(f"line {statement.lineno}: only 'from module import name'")
            for alias in statement.names:
                table[alias.asname or alias.name] = str(statement.module)
    return table


def lazy_exports(package: str) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module ``__getattr__`` and ``__dir__`` that import the package's names on first use.

    Args:
        package: The package's ``__name__``; its source's ``if TYPE_CHECKING:`` block
            names every public name and its module.

    Returns:
        The ``__getattr__`` and ``__dir__`` functions for the package's namespace. The
        submodules the names come from are attributes too (``duaal_leren.planning``).

    Raises:
        ValueError: A name is also the name of one of the package's submodules. Importing
            that submodule would bind the module to the package's name, over the name.
    """
    module_object = sys.modules[package]
    spec = module_object.__spec__
    get_source = getattr(spec.loader, "get_source", None) if spec is not None else None
    source = get_source(package) if get_source is not None else None
    if source is None:  # pragma: no cover - every installed form of the package has source
        raise ImportError(f"{package}: the source of the package is needed for its names")
    where = lazy_table(source)
    # The submodules the names come from can be reached as attributes too, as when the
    # package imported them itself; any other submodule is imported the usual way.
    submodules = {module[len(package) + 1 :].partition(".")[0] for module in where.values()}
    clashes = sorted(set(where) & submodules)
    if clashes:
        raise ValueError(f"{package}: names that are also submodules: {', '.join(clashes)}")
    namespace = module_object.__dict__
    public = tuple(getattr(module_object, "__all__", where))

    def __getattr__(name: str) -> Any:  # noqa: N807 - the PEP 562 hook
        module = where.get(name)
        if module is None and name not in submodules:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        with _importing:
            # Another thread may have finished this name while this one waited.
            if name in namespace:
                return namespace[name]
            if module is not None:
                value = getattr(importlib.import_module(module), name)
            else:
                value = importlib.import_module(f"{package}.{name}")
            namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807 - the PEP 562 hook
        return sorted({*public, *namespace})

    return __getattr__, __dir__
