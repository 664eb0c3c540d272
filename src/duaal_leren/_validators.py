"""Field validators that guard one value each, and know their own JSON Schema.

Rules that need a whole document live in the rule engine; these only say whether a single
value can stand (a code is not empty, a number of hours is not negative). Each validator
carries the JSON Schema keywords that express the same constraint, so that the generated
schema and the model never disagree. `as_day` reads the date a function takes as ``today``.
A value that cannot stand raises a `FieldError` naming its field.
"""

from __future__ import annotations

import math
import re
import typing
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import attrs
import pendulum

from duaal_leren.exceptions import FieldError, excerpt

__all__ = [
    "FieldError",
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
    "validator",
]


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


def as_day(value: pendulum.Date | str | None, field: str = "today") -> pendulum.Date:
    """The day a time-dependent function works for: given, as ISO text, or today in Brussels.

    Raises:
        FieldError: ``value`` is text that is no date written as ``YYYY-MM-DD``.
    """
    if value is None:
        return pendulum.today("Europe/Brussels").date()
    if not isinstance(value, str):
        return value
    try:
        return pendulum.Date.fromisoformat(value)
    except ValueError:
        raise FieldError(
            field,
            f"{excerpt(value)} is geen datum; schrijf ze als JJJJ-MM-DD",
            f"{excerpt(value)} is not a date; write it as YYYY-MM-DD",
        ) from None
