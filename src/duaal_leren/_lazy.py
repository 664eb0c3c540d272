"""Names of a package that are imported when first used (PEP 562).

`import duaal_leren` should cost little more than its dependencies: a script that only reads
files must not pay for the planner, the guides or the calendar. The package lists where each
name lives; the module is imported on first access and the name is then kept on the package,
so later access is as fast as a plain attribute.

First use may come from many threads at once. The imports a name needs are made one at a
time, under one lock for the whole library: two threads importing different modules that
share a dependency with an import cycle of its own (cattrs has one) could otherwise each
hold a part of it and wait for the other, which CPython reports as a deadlock or as a
partly imported module. None of the library's modules uses a lazy name while it is being
imported, so the lock never waits for an import that waits for it.
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["lazy_exports"]

_importing = threading.RLock()
"""Held while a lazy name is imported; reentrant, as one import may need another name."""


def lazy_exports(
    package: str, modules: Mapping[str, Iterable[str]], public: Iterable[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module ``__getattr__`` and ``__dir__`` that import names on first use.

    Args:
        package: The package's ``__name__``.
        modules: For each module, the names the package takes from it.
        public: The package's ``__all__``.

    Returns:
        The ``__getattr__`` and ``__dir__`` functions for the package's namespace. The
        submodules the names come from are attributes too (``duaal_leren.planning``).
    """
    where = {name: module for module, names in modules.items() for name in names}
    # The submodules the names come from can be reached as attributes too, as when the
    # package imported them itself; any other submodule is imported the usual way.
    submodules = {module[len(package) + 1 :].partition(".")[0] for module in modules}
    module_object = sys.modules[package]
    namespace = module_object.__dict__
    clashes = {name for name in where if where[name] == f"{package}.{name}"}
    if clashes and type(module_object) is types.ModuleType:
        # A name taken from the submodule of the same name (the function `voortgang` of
        # `duaal_leren.voortgang`): importing the submodule binds the module to the
        # package's name, and the package must keep offering the function.
        module_object.__class__ = _keeping(clashes)
    public = tuple(public)

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


def _keeping(names: set[str]) -> type[types.ModuleType]:
    class _Package(types.ModuleType):
        def __setattr__(self, name: str, value: Any) -> None:
            if name in names and isinstance(value, types.ModuleType):
                value = getattr(value, name)
            super().__setattr__(name, value)

    return _Package
