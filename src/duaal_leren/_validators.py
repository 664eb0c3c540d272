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
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import pendulum

from duaal_leren.exceptions import FieldError

__all__ = [
    "FieldError",
    "Validator",
    "as_day",
    "at_least",
    "each",
    "in_range",
    "matches",
    "non_empty",
    "ondernemingsnummer",
    "optional",
]


class Validator:
    """A validator with the JSON Schema keywords that express it."""

    __slots__ = ("check", "schema")

    def __init__(
        self, check: Callable[[str, Any], None], schema: dict[str, Any] | None = None
    ) -> None:
        self.check = check
        self.schema: dict[str, Any] = schema or {}

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        self.check(attribute.name, value)

    def __repr__(self) -> str:
        return f"<Validator {self.schema}>"


def _non_empty(name: str, value: Any) -> None:
    if isinstance(value, str) and not value.strip():
        raise FieldError(name, "mag niet leeg zijn", "must not be empty")


non_empty = Validator(_non_empty, {"minLength": 1, "pattern": r"\S"})
"""A text that holds more than white space."""


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
                f"{value!r} heeft niet de verwachte vorm (zoals {example!r})",
                f"{value!r} does not have the expected form (such as {example!r})",
            )

    return Validator(check, {"pattern": f"^(?:{pattern})$"})


def in_range(low: float, high: float) -> Validator:
    """A finite number from ``low`` to ``high``, both included."""

    def check(name: str, value: Any) -> None:
        if not math.isfinite(value) or not low <= value <= high:
            raise FieldError(
                name,
                f"{value!r} ligt niet tussen {low:g} en {high:g}",
                f"{value!r} is not between {low:g} and {high:g}",
            )

    return Validator(check, {"minimum": low, "maximum": high})


def at_least(low: float) -> Validator:
    """A finite number not below ``low``."""

    def check(name: str, value: Any) -> None:
        if not math.isfinite(value) or value < low:
            raise FieldError(
                name,
                f"{value!r} is kleiner dan {low:g}",
                f"{value!r} is less than {low:g}",
            )

    return Validator(check, {"minimum": low})


def optional(inner: Validator) -> Validator:
    """The inner validator, for a value that may also be ``None``."""

    def check(name: str, value: Any) -> None:
        if value is not None:
            inner.check(name, value)

    return Validator(check, inner.schema)


def each(inner: Validator) -> Validator:
    """The inner validator on every item of a tuple."""

    def check(name: str, value: Sequence[Any]) -> None:
        for item in value:
            inner.check(name, item)

    return Validator(check, {"items": inner.schema})


_KBO = re.compile(r"[01][0-9]{3}\.?[0-9]{3}\.?[0-9]{3}")


def _ondernemingsnummer(name: str, value: Any) -> None:
    # KBO: ten digits, the last two are 97 minus the first eight modulo 97.
    if not isinstance(value, str):
        return
    if _KBO.fullmatch(value) is None:
        raise FieldError(
            name,
            f"{value!r} is geen ondernemingsnummer (vorm 0123.456.749)",
            f"{value!r} is not a company number (form 0123.456.749)",
        )
    digits = value.replace(".", "")
    if 97 - int(digits[:8]) % 97 != int(digits[8:]):
        raise FieldError(
            name,
            f"ondernemingsnummer {value!r} heeft een foutief controlegetal",
            f"company number {value!r} has a wrong check digit",
        )


ondernemingsnummer = Validator(_ondernemingsnummer, {"pattern": f"^{_KBO.pattern}$"})
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
            f"{value!r} is geen datum; schrijf ze als JJJJ-MM-DD",
            f"{value!r} is not a date; write it as YYYY-MM-DD",
        ) from None
