"""JSON Schema (draft 2020-12) generated from the models, never written by hand.

The generator walks the attrs classes of a document kind: field types give the JSON types,
the field validators give their own keywords (patterns, ranges), and docstrings give
descriptions. Unknown keys are refused (``additionalProperties: false``), as the loader does.
"""

from __future__ import annotations

import enum
import inspect
import types
import typing
from typing import Any

import attrs
import pendulum

from duaal_leren._convert import FIRST_DAY, LAST_DAY
from duaal_leren._validators import Validator

__all__ = ["schema_for"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _description(cls: type[Any]) -> str | None:
    doc = inspect.getdoc(cls)
    return doc.split("\n\n", 1)[0].replace("\n", " ") if doc else None


# The loader takes the days of the years of FIRST_DAY to LAST_DAY (1900 to 2199): the
# pattern says so for the year's digits (tests/test_schema.py holds it to the loader), the
# description in words.
_DATE = {
    "type": "string",
    "format": "date",
    "pattern": r"^(?:19|2[01])\d{2}-\d{2}-\d{2}$",
    "description": f"A date as YYYY-MM-DD, from {FIRST_DAY} to {LAST_DAY}.",
}


class _Generator:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        if origin is typing.Union or origin is types.UnionType:
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            inner = (
                self.type_schema(args[0])
                if len(args) == 1
                else {"anyOf": [self.type_schema(a) for a in args]}
            )
            return {"anyOf": [inner, {"type": "null"}]}
        if origin is tuple:
            return {"type": "array", "items": self.type_schema(typing.get_args(tp)[0])}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is pendulum.Date:
            return dict(_DATE)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if isinstance(tp, type) and attrs.has(tp):
            self.define(tp)
            return {"$ref": f"#/$defs/{tp.__name__}"}
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a model bug

    def object_schema(self, cls: type[Any]) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            schema = self.type_schema(hints[field.name])
            if isinstance(field.validator, Validator):
                schema = _with_constraints(schema, field.validator.schema)
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        result: dict[str, Any] = {"type": "object"}
        description = _description(cls)
        if description:
            result["description"] = description
        result["properties"] = properties
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        return result

    def define(self, cls: type[Any]) -> None:
        if cls.__name__ in self.defs:
            return
        self.defs[cls.__name__] = {}  # placeholder against recursion
        self.defs[cls.__name__] = self.object_schema(cls)


def _with_constraints(schema: dict[str, Any], constraints: dict[str, Any]) -> dict[str, Any]:
    if not constraints:
        return schema
    if "anyOf" in schema:
        first, *rest = schema["anyOf"]
        return {"anyOf": [_with_constraints(first, constraints), *rest]}
    merged = dict(schema)
    for key, value in constraints.items():
        if key == "items" and "items" in merged:
            merged["items"] = _with_constraints(merged["items"], value)
        else:
            merged[key] = value
    return merged


def schema_for(cls: type[Any], name: str, version: int, title: str) -> dict[str, Any]:
    """The JSON Schema of a document kind whose model is ``cls``."""
    generator = _Generator()
    body = generator.object_schema(cls)
    versions = [f"duaal-leren/{name}@{v}" for v in range(1, version + 1)]
    properties = {
        "schema": {"enum": versions, "description": "The document's kind and format version."},
        **body["properties"],
    }
    result: dict[str, Any] = {
        "$schema": _DRAFT,
        "$id": f"urn:duaal-leren:schema:{name}:{version}",
        "title": f"duaal-leren {name} (format {version}): {title}",
        "type": "object",
        "properties": properties,
        "required": ["schema", *body.get("required", [])],
        "additionalProperties": False,
    }
    if generator.defs:
        result["$defs"] = dict(sorted(generator.defs.items()))
    return result
