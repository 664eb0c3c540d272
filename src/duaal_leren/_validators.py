"""Field validators and conversions that guard one value each.

Rules that need a whole document live in the rule engine; these only say whether a single
value can stand (a code is not empty, a number of hours is not negative). Each validator
carries the JSON Schema keywords that express the same constraint, so that the generated
schema and the model never disagree. `typed_fields` gives every field of a model a
conversion from its type: the obvious conversions happen in the constructor and in
`attrs.evolve` (text to an enum member by its value, a `datetime.date` or ISO text to a
`pendulum.Date`, a list to a tuple), and a value of another type is refused there, not later
inside a rule. `as_day` reads the date a function takes as ``today``. A value that cannot
stand raises a `FieldError` naming its field.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import math
import numbers
import re
import sys
import types
import typing
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Protocol

import attrs
import pendulum

from duaal_leren.exceptions import FieldError, excerpt

PERSOONSGEGEVEN = "duaal_leren.persoonsgegeven"
"""Metadata key that marks an attrs field as personal data (of a learner, a mentor or a
contact person): kept out of ``repr``, of messages and of redacted copies."""

PERSONAL = {PERSOONSGEGEVEN: True}
"""The metadata of a personal field: ``attrs.field(metadata=PERSONAL)``."""

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "PERSONAL",
    "PERSOONSGEGEVEN",
    "FieldError",
    "NoDay",
    "TypedConverter",
    "Validator",
    "as_day",
    "at_least",
    "blank",
    "each",
    "in_range",
    "matches",
    "non_empty",
    "ondernemingsnummer",
    "optional",
    "to_day",
    "typed_fields",
    "validator",
]


# The days a document may name. No plan or traject needs others, and the rules reckon with
# days well beyond a date (a deadline, a term, an age): 9999-12-31 would take them past
# the last year Python knows. The fast path compares the year's four digits as text. Here,
# below both converters, so that the fast path does not import the detailed one.
FIRST_DAY = "1900-01-01"
"""The first day a document may name."""
LAST_DAY = "2199-12-31"
"""The last day a document may name."""


@typing.runtime_checkable
class Validator(Protocol):
    """An attrs validator with the JSON Schema keywords that express it.

    Attributes:
        check: The same check as a function of the field's name and value.
        schema: The JSON Schema keywords of the constraint.
    """

    check: Callable[[str, Any], None]
    schema: dict[str, Any]

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        """Raise `FieldError` when the value cannot stand."""


_AttrsCheck = Callable[[object, "attrs.Attribute[Any]", Any], None]


def validator(
    check: Callable[[str, Any], None],
    schema: dict[str, Any] | None = None,
    *,
    direct: _AttrsCheck | None = None,
) -> Validator:
    """A validator from a check of a field's name and value.

    Args:
        check: Raises `FieldError` for a value that cannot stand.
        schema: The JSON Schema keywords of the same constraint.
        direct: The same check written with attrs' signature, for the hot validators: it
            saves a call on every value of every object a document builds.
    """
    if direct is None:

        def direct(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
            check(attribute.name, value)

    result = typing.cast(Validator, direct)
    result.check = check
    result.schema = schema or {}
    return result


_INVISIBLE = (
    r"\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    r"\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
"""The invisible format characters (Unicode category Cf) of the Basic Multilingual Plane, as
the body of a regular expression's character class, for the JSON Schema."""


def blank(text: str) -> bool:
    """Whether a text shows nothing: empty, or only white space and invisible characters.

    The invisible characters are the format characters (Unicode category Cf), such as a
    zero-width space, a byte order mark or a soft hyphen.

    Example:
        >>> blank(" \u200b\ufeff"), blank("ok\u200b")
        (True, False)
    """
    if not text or text.isspace():
        return True
    if text.isascii():  # constant time in CPython; no ASCII character is invisible
        return False
    # Stops at the first visible character, which is almost always the first.
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)


def _non_empty(name: str, value: Any) -> None:
    if isinstance(value, str) and blank(value):
        raise FieldError(name, "mag niet leeg zijn", "must not be empty")


def _non_empty_direct(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, str) and blank(value):
        raise FieldError(attribute.name, "mag niet leeg zijn", "must not be empty")


non_empty = validator(
    _non_empty,
    {"minLength": 1, "pattern": f"[^\\s{_INVISIBLE}]"},
    direct=_non_empty_direct,
)
"""A text that shows something: more than white space and invisible format characters."""


def matches(pattern: str, example: str) -> Validator:
    """A text that matches a regular expression as a whole.

    Args:
        pattern: The regular expression (anchored at both ends by this function).
        example: A valid value, quoted in the message so a user sees the expected form.
    """
    compiled = re.compile(pattern)

    def check(name: str, value: Any) -> None:
        if isinstance(value, str) and compiled.fullmatch(value) is None:
            raise FieldError(
                name,
                f"{excerpt(value)} heeft niet de verwachte vorm (zoals {example!r})",
                f"{excerpt(value)} does not have the expected form (such as {example!r})",
            )

    return validator(check, {"pattern": f"^(?:{pattern})$"})


def _finite(value: Any) -> bool:
    return isinstance(value, int) or math.isfinite(value)


def in_range(low: float, high: float) -> Validator:
    """A finite number from ``low`` to ``high``, both included."""

    def check(name: str, value: Any) -> None:
        # Python compares an int of any size with a float exactly; only converting it
        # (math.isfinite) would overflow.
        if not _finite(value) or not low <= value <= high:
            raise FieldError(
                name,
                f"{excerpt(value)} ligt niet tussen {low:g} en {high:g}",
                f"{excerpt(value)} is not between {low:g} and {high:g}",
            )

    return validator(check, {"minimum": low, "maximum": high})


def at_least(low: float) -> Validator:
    """A finite number not below ``low``."""

    def check(name: str, value: Any) -> None:
        if not _finite(value) or value < low:
            raise FieldError(
                name,
                f"{excerpt(value)} is kleiner dan {low:g}",
                f"{excerpt(value)} is less than {low:g}",
            )

    return validator(check, {"minimum": low})


def optional(inner: Validator) -> Validator:
    """The inner validator, for a value that may also be ``None``."""

    def check(name: str, value: Any) -> None:
        if value is not None:
            inner.check(name, value)

    def direct(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            inner(inst, attribute, value)

    result = validator(check, inner.schema, direct=direct)
    typing.cast(Any, result).optional_of = inner  # read by the fast loader (duaal_leren._fast)
    return result


def each(inner: Validator) -> Validator:
    """The inner validator on every item of a tuple."""

    def check(name: str, value: Sequence[Any]) -> None:
        for item in value:
            inner.check(name, item)

    if inner is non_empty:  # the most common by far: lists of codes

        def direct(inst: object, attribute: attrs.Attribute[Any], value: Sequence[Any]) -> None:
            for item in value:
                if isinstance(item, str) and (not item or item.isspace()):
                    _non_empty(attribute.name, item)

    else:

        def direct(inst: object, attribute: attrs.Attribute[Any], value: Sequence[Any]) -> None:
            for item in value:
                inner(inst, attribute, item)

    result = validator(check, {"items": inner.schema}, direct=direct)
    typing.cast(Any, result).each_of = inner  # read by the fast loader (duaal_leren._fast)
    return result


_KBO = re.compile(r"[01][0-9]{3}\.?[0-9]{3}\.?[0-9]{3}")


def _ondernemingsnummer(name: str, value: Any) -> None:
    # KBO: ten digits, the last two are 97 minus the first eight modulo 97.
    if not isinstance(value, str):
        return
    if _KBO.fullmatch(value) is None:
        raise FieldError(
            name,
            f"{excerpt(value)} is geen ondernemingsnummer (vorm 0123.456.749)",
            f"{excerpt(value)} is not a company number (form 0123.456.749)",
        )
    digits = value.replace(".", "")
    if 97 - int(digits[:8]) % 97 != int(digits[8:]):
        raise FieldError(
            name,
            f"ondernemingsnummer {excerpt(value)} heeft een foutief controlegetal",
            f"company number {excerpt(value)} has a wrong check digit",
        )


ondernemingsnummer = validator(_ondernemingsnummer, {"pattern": f"^{_KBO.pattern}$"})
"""A Belgian company number (KBO) with a correct check digit, dots optional."""


class NoDay(ValueError):
    """A value that stands for no day; `message` and `message_en` say why."""

    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en


# ISO text of a day, and a database timestamp of that day at midnight (``T`` or a space
# between the day and the time, as drivers write them).
_DAY_TEXT = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ]00:00(?::00(?:\.0+)?)?)?")


def to_day(value: object, *, quote: bool = True) -> pendulum.Date:
    """The day a value stands for: a date, a datetime at midnight, or ISO text of either.

    A `datetime.datetime` (or a `pendulum.DateTime`) is taken when its time is midnight,
    as a database returns a day stored in a timestamp column; any other time of day is
    refused rather than cut off.

    Args:
        value: The value.
        quote: Whether a message may quote the value (not for personal data).

    Raises:
        NoDay: The value stands for no day.

    Example:
        >>> import datetime
        >>> to_day(datetime.datetime(2026, 1, 31)), to_day("2026-01-31T00:00:00")
        (Date(2026, 1, 31), Date(2026, 1, 31))
    """
    if type(value) is pendulum.Date:
        return value
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return pendulum.Date(value.year, value.month, value.day)
        shown = excerpt(value.isoformat()) if quote else "een tijdstip"
        shown_en = excerpt(value.isoformat()) if quote else "a moment"
        raise NoDay(
            f"verwacht een datum, gekregen: {shown} met een uur verschillend van middernacht; "
            "geef de dag (.date())",
            f"expected a date, got {shown_en} with a time of day other than midnight; "
            "give the day (.date())",
        )
    if isinstance(value, datetime.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        match = _DAY_TEXT.fullmatch(value)
        if match is not None:
            try:
                return pendulum.Date.fromisoformat(match.group(1))
            except ValueError:
                pass
        shown = excerpt(value) if quote else "de tekst"
        shown_en = excerpt(value) if quote else "the text"
        raise NoDay(
            f"{shown} is geen datum; schrijf ze als JJJJ-MM-DD",
            f"{shown_en} is not a date; write it as YYYY-MM-DD",
        )
    shown = excerpt(value) if quote else f"een waarde van type {type(value).__name__}"
    shown_en = excerpt(value) if quote else f"a value of type {type(value).__name__}"
    raise NoDay(
        f"verwacht een datum (JJJJ-MM-DD of een datetime.date), gekregen: {shown}",
        f"expected a date (YYYY-MM-DD or a datetime.date), got {shown_en}",
    )


Convert = Callable[[Any], Any]


def _given(value: Any, quote: bool) -> tuple[str, str]:
    """How a message names a value: an excerpt and its type, or its type alone."""
    kind = type(value).__name__
    if quote and not isinstance(value, dict | list | tuple | set | frozenset):
        return f"{excerpt(value)} ({kind})", f"{excerpt(value)} ({kind})"
    return f"een waarde van type {kind}", f"a value of type {kind}"


def _type_names(tp: Any) -> tuple[str, str]:
    names = {
        str: ("tekst", "text"),
        int: ("een geheel getal", "a whole number"),
        float: ("een getal", "a number"),
        bool: ("True of False", "True or False"),
    }
    if tp in names:
        return names[tp]
    name = getattr(tp, "__name__", str(tp))
    return f"een {name}", f"a {name}"


def _refuse(
    name: str, expected: tuple[str, str], value: Any, quote: bool, hint: str = ""
) -> typing.NoReturn:
    nl, en = _given(value, quote)
    raise FieldError(
        name,
        f"verwacht {expected[0]}, gekregen: {nl}{hint}",
        f"expected {expected[1]}, got {en}{hint}",
    )


def _conversion(tp: Any, name: str, quote: bool) -> Convert | None:
    """A function that turns a value into one of type ``tp`` or raises `FieldError`.

    ``None`` for a type that is taken as it is.
    """
    if tp is str:

        def to_str(value: Any) -> str:
            if type(value) is str:
                return value
            if isinstance(value, str):
                return str.__str__(value)
            _refuse(name, ("tekst", "text"), value, quote)

        return to_str
    if tp is bool:

        def to_bool(value: Any) -> bool:
            if type(value) is bool:
                return value
            _refuse(name, _type_names(bool), value, quote)

        return to_bool
    if tp is int:

        def to_int(value: Any) -> int:
            if type(value) is int:
                return value
            if isinstance(value, int) and not isinstance(value, bool):
                return int(value)
            _refuse(name, _type_names(int), value, quote)

        return to_int
    if tp is float:

        def to_float(value: Any) -> float:
            if type(value) is float:
                return value
            if isinstance(value, bool) or not isinstance(value, numbers.Real | Decimal):
                _refuse(name, _type_names(float), value, quote)
            try:
                return float(value)
            except OverflowError:
                raise FieldError(name, "het getal is te groot", "the number is too large") from None

        return to_float
    if tp is pendulum.Date:

        def to_date(value: Any) -> pendulum.Date:
            if type(value) is pendulum.Date:
                return value
            try:
                return to_day(value, quote=quote)
            except NoDay as exc:
                raise FieldError(name, exc.message, exc.message_en) from None

        return to_date
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_conversion(tp, name, quote)
    if isinstance(tp, type) and attrs.has(tp):
        return _model_conversion(tp, name)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return _union_conversion(tp, args, name, quote)
    if origin in (tuple, frozenset) and args and (origin is frozenset or args[-1] is Ellipsis):
        return _collection_conversion(origin, args[0], name, quote)
    return None


def _enum_conversion(tp: type[enum.Enum], name: str, quote: bool) -> Convert:
    by_value = {member.value: member for member in tp}
    allowed = ", ".join(repr(v) for v in by_value)

    def to_member(value: Any) -> enum.Enum:
        if isinstance(value, tp):
            return value
        try:
            return by_value[value]
        except (KeyError, TypeError):
            nl, en = _given(value, quote)
            raise FieldError(
                name,
                f"{nl} is geen {tp.__name__}; kies uit {allowed}",
                f"{en} is no {tp.__name__}; choose from {allowed}",
            ) from None

    return to_member


def _model_conversion(tp: type[Any], name: str) -> Convert:
    def to_model(value: Any) -> Any:
        if isinstance(value, tp):
            return value
        hint = ""
        if isinstance(value, dict):
            hint = f"; duaal_leren.from_dict(data, {tp.__name__}) builds one from plain data"
        _refuse(name, _type_names(tp), value, False, hint)

    return to_model


def _union_conversion(tp: Any, args: tuple[Any, ...], name: str, quote: bool) -> Convert | None:
    optional = type(None) in args
    inner = [a for a in args if a is not type(None)]
    conversions = [_conversion(a, name, quote) for a in inner]
    if any(c is None for c in conversions):
        return None  # a member taken as it is: the union is too
    if len(inner) == 1:
        only = typing.cast(Convert, conversions[0])

        def to_optional(value: Any) -> Any:
            return None if value is None else only(value)

        return to_optional
    exact = tuple(a for a in inner if isinstance(a, type))
    names = [_type_names(a) for a in inner]
    expected = (" of ".join(n[0] for n in names), " or ".join(n[1] for n in names))

    def to_member(value: Any) -> Any:
        if value is None and optional:
            return None
        if type(value) in exact:
            return value
        for convert in conversions:
            try:
                return typing.cast(Convert, convert)(value)
            except FieldError:
                continue
        _refuse(name, expected, value, quote)

    return to_member


def _collection_conversion(origin: Any, item: Any, name: str, quote: bool) -> Convert:
    convert = _conversion(item, name, quote)
    accepted = (list, tuple) if origin is tuple else (set, frozenset)
    expected = ("een lijst", "a list") if origin is tuple else ("een verzameling", "a set")

    def to_collection(value: Any) -> Any:
        if not isinstance(value, accepted):
            _refuse(name, expected, value, quote)
        if convert is None:
            return value if type(value) is origin else origin(value)
        items = []
        for index, each_item in enumerate(value):
            try:
                items.append(convert(each_item))
            except FieldError as exc:
                raise FieldError(
                    name, f"item {index}: {exc.message}", f"item {index}: {exc.message_en}"
                ) from None
        return origin(items)

    return to_collection


class TypedConverter:
    """The conversion of one field, made from its type on first use (see `typed_fields`).

    The type is read on first use, not when the class is made: an annotation may name a
    class defined further down its module.
    """

    __slots__ = ("_cls", "_convert", "_name", "_quote")
    # attrs reads a converter's signature for the annotations of ``__init__``: given here,
    # it is not worked out again for each of the several hundred fields on import.
    __signature__ = inspect.Signature(
        [inspect.Parameter("value", inspect.Parameter.POSITIONAL_ONLY, annotation=Any)],
        return_annotation=Any,
    )

    def __init__(self, cls: type[Any], name: str, quote: bool) -> None:
        self._cls = cls
        self._name = name
        self._quote = quote
        self._convert: Convert = self._first

    def __call__(self, value: Any) -> Any:
        return self._convert(value)

    def _first(self, value: Any) -> Any:
        module = sys.modules.get(self._cls.__module__)
        hints = typing.get_type_hints(self._cls, vars(module) if module else None)
        convert = _conversion(hints[self._name], self._name, self._quote)
        self._convert = convert if convert is not None else _same
        return self._convert(value)


def _same(value: Any) -> Any:
    return value


def typed_fields(cls: type[Any], fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer`` that gives each field the conversion of its type.

    Use it as ``@attrs.frozen(field_transformer=typed_fields)``. A field with a converter
    of its own keeps it. The conversions run in ``__init__`` and `attrs.evolve`; the fast
    loading path (`duaal_leren._fast`) sets fields it has checked itself and skips them.
    A message quotes the value only where the field shows in ``repr``: the values of
    personal data (a class with its own ``__repr__``, a field with ``repr=False``) are
    named by their type alone.
    """
    hidden = "__repr__" in cls.__dict__
    return [
        field
        if field.converter is not None or not field.init
        else field.evolve(
            converter=TypedConverter(cls, field.name, quote=bool(field.repr) and not hidden)
        )
        for field in fields
    ]


def as_day(
    value: pendulum.Date | datetime.date | str | None, field: str = "today"
) -> pendulum.Date:
    """The day a time-dependent function works for: given, as ISO text, or today in Brussels.

    A `datetime.date` is taken as its day, a `datetime.datetime` only at midnight (see
    `to_day`).

    Raises:
        FieldError: ``value`` is no day: text that is no date written as ``YYYY-MM-DD``, a
            datetime with a time of day, or a value of another type.
    """
    if value is None:
        return pendulum.today("Europe/Brussels").date()
    if type(value) is pendulum.Date:
        return value
    try:
        return to_day(value)
    except NoDay as exc:
        raise FieldError(field, exc.message, exc.message_en) from None
