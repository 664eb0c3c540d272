"""A fast path from parsed data to the models, for documents that are valid.

The detailed converter (`duaal_leren._convert`) reports every problem of a document with its
path, which costs time on every value. Most documents are valid, so `structure` first tries a
plain function generated per model class from the attrs fields themselves: it checks each
value's type exactly as the converter's hooks do and calls the class, whose validators run as
always. At the first thing it does not take for granted (a missing key, an unknown key, a
value of another type, a validator that refuses) it stops, and the caller runs the detailed
converter, which builds the same object or reports every problem. The attrs classes stay the
one description of a document; nothing here is written per class by hand.

The fast path accepts nothing the detailed one refuses and builds equal objects; a property
test holds it to that.

The other way, `plain` gives an object's plain data (for `to_dict`, `dump` and `save`) from
functions generated the same way, equal to the converter's unstructuring, key order
included; a property test holds it to that too.
"""

from __future__ import annotations

import enum
import functools
import math
import re
import threading
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import pendulum

from duaal_leren._parse import lone_surrogate
from duaal_leren._validators import (
    FIRST_DAY,
    LAST_DAY,
    TypedConverter,
    Validator,
    blank,
    non_empty,
)

__all__ = ["Slow", "plain", "plain_for_json", "structure"]


class Slow(Exception):
    """The fast path does not take this document; use the detailed converter."""


# Raising the class makes a new exception each time: a shared instance would keep the
# context (and the frames) of whatever exception it was last raised in.
_SLOW = Slow

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FIRST_YEAR = FIRST_DAY[:4]
_LAST_YEAR = LAST_DAY[:4]
# Dates repeat a great deal across a corpus (deadlines, conversation days); the objects are
# immutable, so one per day is shared. The cache is bounded all the same.
_DATES: dict[str, pendulum.Date] = {}
_DATES_MAX = 100_000


def _date(value: Any) -> pendulum.Date:
    if type(value) is not str:
        raise _SLOW
    try:
        return _DATES[value]
    except KeyError:
        pass
    if _DATE.fullmatch(value) is None or not _FIRST_YEAR <= value[:4] <= _LAST_YEAR:
        raise _SLOW
    day = pendulum.Date.fromisoformat(value)  # ValueError for 2025-02-30: the detailed path says so
    if len(_DATES) < _DATES_MAX:
        _DATES[value] = day
    return day


def _float(value: Any) -> float:
    if type(value) is float:
        if math.isfinite(value):
            return value
        raise _SLOW
    if type(value) is int:
        return float(value)  # OverflowError for a huge int: the detailed path says so
    raise _SLOW


def _plain_enum(tp: Any) -> bool:
    # An enum that is also a str or int (StrEnum, IntEnum) goes through the converter's own
    # hook: cattrs picks the hook of its base type for it.
    return (
        isinstance(tp, type)
        and issubclass(tp, enum.Enum)
        and not issubclass(tp, str | int | float | bytes)
    )


# Types whose values are taken as they are, when of exactly this type (not a subclass: a bool
# is no int here, as for the converter).
_EXACT = {str: "_str", int: "_int", bool: "_bool"}


def _exact(tp: Any, var: str) -> str:
    """A condition that holds when ``var`` is not taken as a value of type ``tp`` as it is."""
    if tp is str:
        # Text with a lone surrogate cannot be written out: the detailed path refuses it.
        # isascii() takes constant time and holds for most text.
        return f"_type({var}) is not _str or not {var}.isascii() and _surrogate({var})"
    return f"_type({var}) is not {_EXACT[tp]}"


# Text above this in the order of text, when ASCII, starts with a character above the
# space: it is neither empty nor white space only.
_VISIBLE = " \U0010ffff"


def _refused(text: str) -> bool:
    """Whether text is refused, as the validators decide.

    Empty, white space only, or (beyond ASCII) holding a lone surrogate or only invisible
    characters.
    """
    if not text or text.isspace():
        return True
    return not text.isascii() and (lone_surrogate(text) is not None or blank(text))


class _Code:
    """Generated functions of one kind, and the namespace of the values they share by name."""

    namespace: dict[str, Any]

    def name(self, value: Any, prefix: str) -> str:
        """The name the generated code knows ``value`` by."""
        key = f"_{prefix}{len(self.namespace)}"
        self.namespace[key] = value
        return key


class _Builder(_Code):
    """Generates the code of one structuring function per class, sharing helpers by name."""

    def __init__(self, fallback: Callable[[Any, Any], Any]) -> None:
        self.fallback = fallback
        self.namespace: dict[str, Any] = {
            "_SLOW": _SLOW,
            "_type": type,
            "_date": _date,
            "_float": _float,
            "_surrogate": lone_surrogate,
            "_tuple": tuple,
            "_str": str,
            "_int": int,
            "_bool": bool,
            "_list": list,
            "_dict": dict,
            "_map": map,
            "_new": object.__new__,
            "len": len,
            "_blank": blank,
            "_VISIBLE": _VISIBLE,
            "_refused": _refused,
        }
        self.functions: dict[type[Any], str] = {}

    def expression(self, tp: Any, var: str) -> str | None:
        """An expression that turns ``var`` into a value of type ``tp``, if one does."""
        if tp is float:
            return f"_float({var})"
        if tp is pendulum.Date:
            return f"_date({var})"
        if _plain_enum(tp):
            return f"{self.name({m.value: m for m in tp}, 'enum')}[{var}]"
        if isinstance(tp, type) and attrs.has(tp):
            return f"{self.function(tp)}({var})"
        return None

    def check(self, tp: Any, var: str, indent: str) -> list[str]:
        """Statements that turn ``var`` into a value of type ``tp`` in place, or raise Slow."""
        if tp in _EXACT:
            return [f"{indent}if {_exact(tp, var)}: raise _SLOW"]
        converted = self.expression(tp, var)
        if converted is not None:
            return [f"{indent}{var} = {converted}"]
        args = typing.get_args(tp)
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
            inner = args[0] if args[1] is type(None) else args[1]
            body = self.check(inner, var, indent + "    ")
            return [f"{indent}if {var} is not None:", *body]
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self.tuple_of(args[0], var, indent)
        # Anything else goes through the detailed converter's own hook.
        hook = self.name(self.fallback, "hook")
        tpname = self.name(tp, "type")
        return [f"{indent}{var} = {hook}({var}, {tpname})"]

    def tuple_of(self, item: Any, var: str, indent: str) -> list[str]:
        head = [f"{indent}if _type({var}) is not _list: raise _SLOW"]
        if item in _EXACT:
            return [
                *head,
                f"{indent}for _x in {var}:",
                f"{indent}    if {_exact(item, '_x')}: raise _SLOW",
                f"{indent}{var} = _tuple({var})",
            ]
        converted = self.expression(item, "_x")
        if converted is None:
            converted = f"{self.name(self.item_function(item), 'item')}(_x)"
        # map() calls the item's function without a comprehension's frame and list.
        if converted.endswith("(_x)") and converted[:-4].isidentifier():
            return [*head, f"{indent}{var} = _tuple(_map({converted[:-4]}, {var}))"]
        if converted.endswith("[_x]") and converted[:-4].isidentifier():
            return [*head, f"{indent}{var} = _tuple(_map({converted[:-4]}.__getitem__, {var}))"]
        return [*head, f"{indent}{var} = _tuple([{converted} for _x in {var}])"]

    def item_function(self, item: Any) -> Callable[[Any], Any]:
        lines = ["def _item(_v):", *self.check(item, "_v", "    "), "    return _v"]
        scope: dict[str, Any] = {}
        exec("\n".join(lines), self.namespace, scope)  # noqa: S102 - code generated from the model
        return typing.cast(Callable[[Any], Any], scope["_item"])

    def function(self, cls: type[Any]) -> str:
        """The name of the structuring function of an attrs class, generated on first need."""
        if cls in self.functions:
            return self.functions[cls]
        fname = f"_build_{cls.__name__}_{len(self.functions)}"
        self.functions[cls] = fname
        attrs.resolve_types(cls)
        fields = attrs.fields(cls)
        keys = self.name(frozenset(f.name for f in fields if f.init), "keys")
        lines = [f"def {fname}(_d):", "    if _type(_d) is not _dict: raise _SLOW"]
        if self.direct(cls, fields):
            # Every key is counted as its field is read: a key of no field leaves the count
            # short of the dict's length (cheaper than comparing the keys as sets).
            lines.extend(self.direct_body(cls, fields))
        else:
            lines.append(f"    if not _d.keys() <= {keys}: raise _SLOW")
            lines.extend(self.init_body(cls, [f for f in fields if f.init]))
        exec("\n".join(lines), self.namespace)  # noqa: S102 - code generated from the model
        return fname

    def init_body(self, cls: type[Any], fields: list[attrs.Attribute[Any]]) -> list[str]:
        """Statements that gather the values and call the class, validators and all."""
        lines: list[str] = []
        klass = self.name(cls, "cls")
        required = []
        optional = []
        for field in fields:
            var = f"_{field.name}"
            if field.default is attrs.NOTHING:
                lines.append(f"    {var} = _d[{field.name!r}]")
                lines.extend(self.check(field.type, var, "    "))
                required.append(f"{field.alias}={var}")
            else:
                optional.append(field)
        if optional:
            lines.append("    _kw = {}")
            for field in optional:
                var = f"_{field.name}"
                lines.append(f"    if {field.name!r} in _d:")
                lines.append(f"        {var} = _d[{field.name!r}]")
                lines.extend(self.check(field.type, var, "        "))
                lines.append(f"        _kw[{field.alias!r}] = {var}")
            required.append("**_kw")
        lines.append(f"    return {klass}({', '.join(required)})")
        return lines

    @staticmethod
    def direct(cls: type[Any], fields: tuple[attrs.Attribute[Any], ...]) -> bool:
        """Whether the class can be built by setting its slots, checking what __init__ would.

        That holds for a slotted class without hooks around __init__ whose fields are all
        set by __init__, guarded only by the library's own validators, which look at a
        field's name and value alone, and without converters but the conversions of their
        types (`TypedConverter`): those return a value of the field's type as it is, and the
        checks here let only values of exactly that type through.
        """
        if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
            return False
        # attrs' own __init__, not one written by hand (init=False), and no slots beyond the
        # fields (cache_hash keeps the hash in one).
        code = getattr(cls.__init__, "__code__", None)
        if code is None or not code.co_filename.startswith("<attrs generated"):
            return False
        names = {field.name for field in fields}
        if not set(getattr(cls, "__slots__", ())) <= names | {"__weakref__"}:
            return False
        for field in fields:
            if not field.init:
                return False
            if field.converter is not None and not isinstance(field.converter, TypedConverter):
                return False
            if field.validator is not None and not isinstance(field.validator, Validator):
                return False
            if not isinstance(cls.__dict__.get(field.name), types.MemberDescriptorType):
                return False
            default: Any = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self or field.validator is not None:
                    return False
            elif default is not attrs.NOTHING and field.validator is not None:
                try:  # __init__ checks a default too: one that fails makes a field required
                    field.validator(None, field, default)
                except Exception:  # noqa: BLE001 - then __init__ decides, every time
                    return False
        return True

    @staticmethod
    def text(tp: Any, check: Any, var: str, indent: str) -> list[str] | None:
        """Statements for text that must not be blank, its type and its validator in one.

        For a field of type ``str``, ``str | None`` or ``tuple[str, ...]`` guarded by
        `non_empty` (each item, or when not None): the one condition raises where the type
        check and the validator would, in one pass over a tuple's items.
        """

        def refused(v: str) -> str:
            # Not text, empty, only white space, or (beyond ASCII) a lone surrogate or
            # invisible only: as `_exact` and `validate` decide. Most text is ASCII and
            # starts with a visible character (above " \U0010ffff" in the order of text,
            # for ASCII: a first character above the space): taken in one comparison and
            # one call; any other text is decided in full by `_refused`.
            return (
                f"_type({v}) is not _str or not ({v} > _VISIBLE and {v}.isascii()) "
                f"and _refused({v})"
            )

        args = typing.get_args(tp)
        origin = typing.get_origin(tp)
        if tp is str and check is non_empty:
            return [f"{indent}if {refused(var)}: raise _SLOW"]
        optional = origin in (typing.Union, types.UnionType) and set(args) == {str, type(None)}
        if optional and getattr(check, "optional_of", None) is non_empty:
            return [f"{indent}if {var} is not None and ({refused(var)}): raise _SLOW"]
        each = origin is tuple and args == (str, Ellipsis)
        if each and getattr(check, "each_of", None) is non_empty:
            return [
                f"{indent}if _type({var}) is not _list: raise _SLOW",
                f"{indent}for _x in {var}:",
                f"{indent}    if {refused('_x')}: raise _SLOW",
                f"{indent}{var} = _tuple({var})",
            ]
        return None

    def direct_body(self, cls: type[Any], fields: tuple[attrs.Attribute[Any], ...]) -> list[str]:
        """Statements that build the object slot by slot, with the validators inlined."""
        klass = self.name(cls, "cls")
        lines = [f"    _o = _new({klass})", "    _n = 0"]
        for field in fields:
            setter = self.name(cls.__dict__[field.name].__set__, "set")
            checked = self.text(field.type, field.validator, "_v", "        ")
            if checked is None:
                checked = [
                    *self.check(field.type, "_v", "        "),
                    *self.validate(field.validator, field.name, "_v", "        "),
                ]
            body = [*checked, f"        {setter}(_o, _v)"]
            if field.default is attrs.NOTHING:
                lines.append(f"    _v = _d[{field.name!r}]")
                lines.extend(line[4:] for line in body)
                continue
            lines.append(f"    if {field.name!r} in _d:")
            lines.append(f"        _v = _d[{field.name!r}]")
            lines.append("        _n += 1")
            lines.extend(body)
            lines.append("    else:")
            default: Any = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                factory = self.name(default.factory, "factory")
                lines.append(f"        {setter}(_o, {factory}())")
            else:
                value = self.name(default, "default")
                lines.append(f"        {setter}(_o, {value})")
        required = sum(1 for field in fields if field.default is attrs.NOTHING)
        lines.append(f"    if _n + {required} != len(_d): raise _SLOW")
        lines.append("    return _o")
        return lines

    def validate(self, check: Any, name: str, var: str, indent: str) -> list[str]:
        """Statements that do what a field's validator does, raising Slow where it would raise."""
        if check is None:
            return []
        if check is non_empty:
            # ASCII text is decided inline; other text may be invisible (zero-width space,
            # byte order mark), which the validator's own `blank` decides.
            is_blank = self.name(blank, "blank")
            return [
                f"{indent}if _type({var}) is _str and (not {var} or {var}.isspace() or "
                f"(not {var}.isascii() and {is_blank}({var}))):",
                f"{indent}    raise _SLOW",
            ]
        inner = getattr(check, "optional_of", None)
        if inner is not None:
            body = self.validate(inner, name, var, indent + "    ")
            return [f"{indent}if {var} is not None:", *body] if body else []
        inner = getattr(check, "each_of", None)
        if inner is not None:
            body = self.validate(inner, name, "_y", indent + "    ")
            return [f"{indent}for _y in {var}:", *body] if body else []
        function = self.name(check.check, "check")
        return [f"{indent}{function}({name!r}, {var})"]


def _detailed(value: Any, tp: Any) -> Any:
    # The detailed converter's hook for a type the fast path does not build itself. cattrs
    # and the converter are imported here, on first need: a document whose types the fast
    # path builds (a traject, a plan) is loaded without them.
    from duaal_leren._convert import converter

    return converter().structure(value, tp)


@functools.cache
def _builder() -> _Builder:
    return _Builder(_detailed)


_FUNCTIONS: dict[type[Any], Callable[[Any], Any]] = {}
_GENERATING = threading.Lock()


def _function(cls: type[Any]) -> Callable[[Any], Any]:
    try:
        return _FUNCTIONS[cls]
    except KeyError:
        with _GENERATING:
            builder = _builder()
            function: Callable[[Any], Any] = builder.namespace[builder.function(cls)]
            _FUNCTIONS[cls] = function
        return function


def structure(data: Any, cls: type[Any]) -> Any:
    """Build ``cls`` from plain data on the fast path.

    Raises:
        Slow: The data is not certainly valid; the detailed converter must decide.
    """
    try:
        return _function(cls)(data)
    except Exception:  # noqa: BLE001 - any doubt sends the document down the detailed path
        raise Slow from None


# Writing: plain data from the models, as the detailed converter's unstructuring gives it.


class _PlainBuilder(_Code):
    """Generates one function per attrs class that gives an object's plain data.

    The data is the converter's (`duaal_leren._convert.converter`): keys in the fields'
    order, the fields without a default first, a field left at its default left out, dates
    as ISO text, choices as their value, tuples as lists. Types it does not know go through
    the converter's own hook. A property test holds the two to the same data, key order and
    all.
    """

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {
            "_list": list,
            "_map": map,
            "_float_seen": _float_seen,
        }
        self.functions: dict[type[Any], str] = {}

    def value(self, tp: Any, var: str) -> str:
        """An expression for the plain data of ``var``, a value of type ``tp``."""
        if tp in (str, int, bool):
            return var
        if tp is float:
            return f"_float_seen({var})"
        if tp is pendulum.Date:
            return f"{var}.isoformat()"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return f"{var}._value_"
        if isinstance(tp, type) and attrs.has(tp):
            return f"{self.function(tp)}({var})"
        args = typing.get_args(tp)
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
            inner = args[0] if args[1] is type(None) else args[1]
            converted = self.value(inner, var)
            return var if converted == var else f"(None if {var} is None else {converted})"
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = args[0]
            if item in (str, int, bool):
                return f"_list({var})"
            if isinstance(item, type) and attrs.has(item):
                return f"_list(_map({self.function(item)}, {var}))"
            return f"[{self.value(item, '_x')} for _x in {var}]"
        hook = self.name(_detailed_plain, "hook")
        return f"{hook}({var}, {self.name(tp, 'type')})"

    def function(self, cls: type[Any]) -> str:
        if cls in self.functions:
            return self.functions[cls]
        fname = f"_plain_{cls.__name__}_{len(self.functions)}"
        self.functions[cls] = fname
        attrs.resolve_types(cls)
        fields = [f for f in attrs.fields(cls) if f.init]
        required = [f for f in fields if f.default is attrs.NOTHING]
        optional = [f for f in fields if f.default is not attrs.NOTHING]
        items = ", ".join(f"{f.name!r}: {self.value(f.type, 'o.' + f.name)}" for f in required)
        lines = [f"def {fname}(o):", f"    d = {{{items}}}"]
        for field in optional:
            default: Any = field.default
            lines.append(f"    v = o.{field.name}")
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    factory = self.name(default.factory, "factory")
                    lines.append(f"    if v != {factory}(o):")
                else:
                    factory = self.name(default.factory, "factory")
                    lines.append(f"    if v != {factory}():")
            elif default is None:
                lines.append("    if v is not None:")
            elif type(default) is tuple and not default:
                lines.append("    if v != ():")
            else:
                known = self.name(default, "default")
                lines.append(f"    if v is not {known} and v != {known}:")
            lines.append(f"        d[{field.name!r}] = {self.value(field.type, 'v')}")
        lines.append("    return d")
        exec("\n".join(lines), self.namespace)  # noqa: S102 - code generated from the model
        return fname


def _detailed_plain(value: Any, tp: Any) -> Any:
    from duaal_leren._convert import converter

    _odd_floats.seen = True  # what it holds is not looked at
    return converter().unstructure(value, unstructure_as=tp)


# Whether the data made last in this thread may hold a float that orjson writes otherwise
# than `json`: not finite, or so small that `json` writes it with an exponent (1e-05).
_odd_floats = threading.local()


def _float_seen(value: float) -> float:
    if (not -_SMALL < value < _SMALL and math.isfinite(value)) or value == 0.0:
        return value
    _odd_floats.seen = True
    return value


_SMALL = 1e-4


_PLAIN: dict[type[Any], Callable[[Any], Any]] = {}


def plain(obj: Any) -> Any:
    """The plain data of an attrs object of the models, as the converter unstructures it."""
    cls = type(obj)
    try:
        function = _PLAIN[cls]
    except KeyError:
        with _GENERATING:
            builder = _plain_builder()
            function = builder.namespace[builder.function(cls)]
            _PLAIN[cls] = function
    return function(obj)


def plain_for_json(obj: Any) -> tuple[Any, bool]:
    """`plain`, and whether every float in the data is one orjson writes as `json` does."""
    _odd_floats.seen = False
    data = plain(obj)
    return data, not _odd_floats.seen


@functools.cache
def _plain_builder() -> _PlainBuilder:
    return _PlainBuilder()
