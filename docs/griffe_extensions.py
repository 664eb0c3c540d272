"""Griffe extensions that make the API reference read like the code is used.

mkdocstrings loads them from ``mkdocs.yml``; they change only how the reference is
rendered, never the library.

- `DocstringSections`: the docstrings follow the Google style, which names the section
  ``Example:`` or ``Examples:``. Griffe knows only the plural and renders ``Example:`` as an
  admonition of plain Markdown, where ``>>>`` becomes a quote and ``x["key"]`` a broken
  link; the section is renamed before the docstring is parsed. The items of a
  ``References:`` section (one source per line) become a list, so that Markdown does not
  run them together into one paragraph.
- `ModelClasses`: griffe reads the source without running it, so it cannot see the
  ``__init__`` that attrs writes for a class. This extension gives each attrs class the
  signature attrs generates (fields in order, defaults, keyword-only fields), and hides the
  field attributes from the members, since the signature and the class docstring's
  ``Attributes:`` section already describe them. It hides ``__slots__`` too, a detail of
  the implementation, and takes the labels "class-attribute" and "instance-attribute" off
  the members of an enum, which are neither in the sense a reader looks for.
"""

from __future__ import annotations

import enum
import importlib
import re
from typing import Any

import attrs
import griffe

_EXAMPLE_HEADING = re.compile(r"^(\s*)Example:[ \t]*$", re.MULTILINE)
_REFERENCES = re.compile(r"^References:[ \t]*\n((?:(?:    .*)?\n?)+)", re.MULTILINE)
_REFERENCE_ITEM = re.compile(r"^    (?=\S)", re.MULTILINE)


def _reference_list(match: re.Match[str]) -> str:
    return "References:\n" + _REFERENCE_ITEM.sub("    - ", match.group(1))


class DocstringSections(griffe.Extension):
    """Renames ``Example:`` to ``Examples:`` and lists the items of ``References:``."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Rewrite the package's own docstring (`on_object` sees only its members)."""
        self.on_object(obj=pkg)

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the sections of one object's docstring, if it has one."""
        if obj.is_alias:
            return  # the object it points at is rewritten where it is defined
        if obj.docstring is not None:
            text = _EXAMPLE_HEADING.sub(r"\1Examples:", obj.docstring.value)
            obj.docstring.value = _REFERENCES.sub(_reference_list, text)


def _runtime_class(cls: griffe.Class) -> type[Any] | None:
    try:
        module = importlib.import_module(cls.module.path)
    except ImportError:
        return None
    found: object = module
    for name in cls.path.removeprefix(cls.module.path + ".").split("."):
        found = getattr(found, name, None)
    return found if isinstance(found, type) else None


def _default(field: attrs.Attribute[Any]) -> str | None:
    default: object = field.default
    if default is attrs.NOTHING:
        return None
    factory = getattr(default, "factory", None)
    if factory is not None:  # attrs.Factory: show the call that makes the default
        return f"{getattr(factory, '__name__', 'factory')}()"
    return repr(default)


class ModelClasses(griffe.Extension):
    """Shows attrs classes with their ``__init__`` signature, and enums with their members."""

    def on_class(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        """Adjust one class: its signature if it is an attrs class, its members if an enum."""
        if "__slots__" in cls.members:
            cls.members["__slots__"].public = False
        runtime = _runtime_class(cls)
        if runtime is not None and issubclass(runtime, enum.Enum):
            for name in runtime.__members__:
                member = cls.members.get(name)
                if isinstance(member, griffe.Attribute):
                    member.labels -= {"class-attribute", "instance-attribute"}
            return
        if runtime is None or not attrs.has(runtime) or "__init__" in cls.members:
            return
        parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
        for field in attrs.fields(runtime):
            if not field.init:
                continue
            member = cls.all_members.get(field.name)
            annotation = getattr(member, "annotation", None) or (
                field.type if isinstance(field.type, str) else None
            )
            kind = (
                griffe.ParameterKind.keyword_only
                if field.kw_only
                else griffe.ParameterKind.positional_or_keyword
            )
            parameters.append(
                griffe.Parameter(
                    field.alias or field.name,
                    annotation=annotation,
                    kind=kind,
                    default=_default(field),
                )
            )
            if field.name in cls.members:
                # Hidden, not removed: the Attributes section takes its types from them.
                cls.members[field.name].public = False
        init = griffe.Function(
            "__init__",
            lineno=cls.lineno,
            endlineno=cls.lineno,
            parent=cls,
            parameters=griffe.Parameters(*parameters),
            returns="None",
        )
        cls.set_member("__init__", init)
