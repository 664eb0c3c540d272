"""The one cattrs converter of the library, and the translation of its errors into problems.

The models know nothing of files. This module builds a private converter (never hooks on
cattrs' global one) that structures plain data into the models strictly: no unknown keys, no
numbers where text is expected, no text split into characters where a list is expected, ISO
8601 dates as `pendulum.Date`. Every failure becomes a `Problem` with its JSON path and a
message in Dutch and English; an unknown key names the field it most likely meant.
Unstructuring leaves out defaults, so files stay short and stable.

`converter("python")` is the same converter for data that comes from Python code or a
database rather than from a file: it also takes what database drivers return where the
model expects it (a `datetime.date`, or a datetime at midnight, for a date; a `Decimal` for
a number; 0 or 1 for true or false; any mapping for an object), and nothing else more.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import functools
import math
import re
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs
import cattrs
import pendulum
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from duaal_leren._parse import child_path, lone_surrogate
from duaal_leren._validators import FIRST_DAY, LAST_DAY, NoDay, to_day
from duaal_leren.exceptions import DuaalLerenError, FieldError, Problem, excerpt
from duaal_leren.leidraad.model import OngeldigeLeidraad

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "MAX_ITEM_PROBLEMS",
    "ValueProblem",
    "Values",
    "converter",
    "problems_of",
]


class ValueProblem(DuaalLerenError, ValueError):
    """A value of the wrong type or form; becomes a `Problem` with the value's path.

    Attributes:
        code: The problem's code (`Problem.code`).
    """

    def __init__(self, message: str, message_en: str, code: str = "ongeldige-waarde") -> None:
        self.code = code
        super().__init__(message, message_en)


_TYPE_NAMES = {
    str: ("tekst", "text"),
    int: ("geheel getal", "whole number"),
    float: ("getal", "number"),
    bool: ("true of false", "true or false"),
}


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "een object" if value else "een leeg object"
    if isinstance(value, list):
        return "een lijst"
    if value is None:
        return "niets (null)"
    return excerpt(value)


def _describe_en(value: Any) -> str:
    if isinstance(value, dict):
        return "an object" if value else "an empty object"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return excerpt(value)


def _wrong_type(value: Any, expected: type) -> ValueProblem:
    nl, en = _TYPE_NAMES[expected]
    return ValueProblem(
        f"verwacht {nl}, gekregen: {_describe(value)}",
        f"expected {en}, got {_describe_en(value)}",
        "verkeerd-type",
    )


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is not str:
        if type(value) in (int, float, bool):
            # YAML read an unquoted 2025.1 or 0800 as a number: say how to keep it as text.
            raise ValueProblem(
                f"verwacht tekst, gekregen: {excerpt(value)}; zet de waarde tussen "
                "aanhalingstekens",
                f"expected text, got {excerpt(value)}; put the value in quotes",
                "verkeerd-type",
            )
        raise _wrong_type(value, str)
    bad = lone_surrogate(value)
    if bad is not None:
        # No text holding one can be written out (as UTF-8, YAML, JSON or iCalendar).
        raise ValueProblem(
            f"de tekst bevat een losse surrogaat ({bad}), geen geldig Unicode-teken",
            f"the text holds a lone surrogate ({bad}), which is not a valid Unicode character",
            "ongeldig-teken",
        )
    return value


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is not int:
        raise _wrong_type(value, int)
    return value


def _structure_float(value: Any, _: Any) -> float:
    if type(value) is float:
        if not math.isfinite(value):
            raise _wrong_type(value, float)
        return value
    if type(value) is int:
        try:
            return float(value)
        except OverflowError:
            raise ValueProblem(
                "het getal is te groot", "the number is too large", "ongeldige-waarde"
            ) from None
    raise _wrong_type(value, float)


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is not bool:
        raise _wrong_type(value, bool)
    return value


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _structure_date(value: Any, _: Any) -> pendulum.Date:
    if type(value) is str and _DATE.fullmatch(value):
        if not FIRST_DAY[:4] <= value[:4] <= LAST_DAY[:4]:
            raise ValueProblem(
                f"de datum moet tussen {FIRST_DAY} en {LAST_DAY} liggen, gekregen: "
                f"{excerpt(value)}",
                f"the date must lie between {FIRST_DAY} and {LAST_DAY}, got {excerpt(value)}",
                "ongeldige-datum",
            )
        try:
            return pendulum.Date.fromisoformat(value)
        except ValueError:
            pass
    return _bad_date(value)


# A database timestamp of a day at midnight, as text.
_MIDNIGHT = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]00:00(?::00(?:\.0+)?)?")


def _structure_python_date(value: Any, _: Any) -> pendulum.Date:
    if isinstance(value, datetime.date):
        try:
            day = to_day(value)
        except NoDay as exc:
            raise ValueProblem(exc.message, exc.message_en, "ongeldige-datum") from None
        return _structure_date(day.isoformat(), None)  # the same range as in a file
    if type(value) is str and (match := _MIDNIGHT.fullmatch(value)) is not None:
        return _structure_date(match.group(1), None)
    return _structure_date(value, None)


def _structure_python_float(value: Any, _: Any) -> float:
    if type(value) is Decimal:
        if not value.is_finite():
            raise _wrong_type(value, float)
        return _structure_float(float(value), None)
    return _structure_float(value, None)


def _structure_python_int(value: Any, _: Any) -> int:
    if type(value) is Decimal and value.is_finite() and value == value.to_integral_value():
        return int(value)
    return _structure_int(value, None)


def _structure_python_bool(value: Any, _: Any) -> bool:
    # SQLite and MySQL keep true and false as the integers 1 and 0.
    if type(value) is int and value in (0, 1):
        return bool(value)
    return _structure_bool(value, None)


def _bad_date(value: Any) -> typing.NoReturn:
    raise ValueProblem(
        f"verwacht een datum als JJJJ-MM-DD, gekregen: {_describe(value)}",
        f"expected a date as YYYY-MM-DD, got {_describe_en(value)}",
        "ongeldige-datum",
    )


def _unstructure_date(value: pendulum.Date) -> str:
    return value.isoformat()


def _structure_enum(cls: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    by_value = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(value: Any, _: Any) -> enum.Enum:
        try:
            return by_value[value]
        except (KeyError, TypeError):
            raise ValueProblem(
                f"{_describe(value)} is geen geldige waarde; kies uit {allowed}",
                f"{_describe_en(value)} is not a valid value; choose from {allowed}",
                "onbekende-keuze",
            ) from None

    return structure


def _is_tuple(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


# A list of half a million wrong items is one mistake (a list put in the wrong place), not
# half a million: past this many, the bad items of a list are counted, not each described.
# Each described one costs about a kilobyte until the problems are reported.
MAX_ITEM_PROBLEMS = 1_000


def _structure_tuple_factory(conv: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(tp: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        args = typing.get_args(tp)
        item_type = args[0]
        item_hook = conv.get_structure_hook(item_type)

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list and type(value) is not tuple:
                raise ValueProblem(
                    f"verwacht een lijst, gekregen: {_describe(value)}",
                    f"expected a list, got {_describe_en(value)}",
                    "verkeerd-type",
                )
            result = []
            errors: list[Exception] = []
            failed = 0
            for index, item in enumerate(value):
                try:
                    result.append(item_hook(item, item_type))
                except Exception as exc:  # noqa: BLE001 - every failure is reported with its index
                    failed += 1
                    if failed > MAX_ITEM_PROBLEMS:
                        continue  # counted, and said below
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"index {index}", index, item_type),
                    ]
                    # The frames of a failure say nothing its path does not; a long list of
                    # bad items would keep all of them alive, for the garbage collector to
                    # go over again and again.
                    errors.append(exc.with_traceback(None))
            if failed > MAX_ITEM_PROBLEMS:
                rest = failed - MAX_ITEM_PROBLEMS
                errors.append(
                    ValueProblem(
                        f"nog {rest} andere items van deze lijst zijn ongeldig; alleen de "
                        f"eerste {MAX_ITEM_PROBLEMS} staan hierboven",
                        f"{rest} more items of this list are invalid; only the first "
                        f"{MAX_ITEM_PROBLEMS} are listed above",
                        "te-veel-problemen",
                    )
                )
            if errors:
                raise IterableValidationError("invalid items", errors, tp)
            return tuple(result)

        return structure

    return factory


def _structure_attrs_factory(
    conv: cattrs.Converter, mappings: bool = False
) -> Callable[[Any], Any]:
    def factory(cls: type[Any]) -> Callable[[Any, Any], Any]:
        generated = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

        def structure(value: Any, _: Any) -> Any:
            if mappings and type(value) is not dict and isinstance(value, Mapping):
                value = dict(value)
            if type(value) is not dict:
                raise ValueProblem(
                    f"verwacht een object met velden, gekregen: {_describe(value)}",
                    f"expected an object with fields, got {_describe_en(value)}",
                    "verkeerd-type",
                )
            try:
                return generated(value, cls)
            except ClassValidationError as exc:
                raise _all_field_errors(conv, cls, value, exc) from None

        return structure

    return factory


def _all_field_errors(
    conv: cattrs.Converter, cls: type[Any], value: dict[str, Any], exc: ClassValidationError
) -> ClassValidationError:
    # attrs stops at the first failing validator, and cattrs does not run the validators
    # at all when a field fails to structure. Run every validator of the fields that did
    # structure, so that all bad values of the object are reported at once. This runs only
    # when the object is already known to be bad.
    errors: list[Exception] = []
    failed: set[str] = set()
    names = {field.name for field in attrs.fields(cls)}
    for sub in exc.exceptions:
        notes = getattr(sub, "__notes__", ())
        if isinstance(sub, FieldError) and not notes and sub.field in names:
            # The validator that stopped __init__: its field's value need not be built
            # again to find the same error (a catalogue of megabytes would be, whole).
            sub.__notes__ = [AttributeValidationNote(f"attribute {sub.field}", sub.field, Any)]
            errors.append(sub)
            failed.add(sub.field)
            continue
        if isinstance(sub, FieldError):
            continue  # found again below, with the others
        errors.append(sub)
        for note in notes:
            if isinstance(note, AttributeValidationNote):
                failed.add(note.name)
    for field in attrs.fields(cls):
        if field.validator is None or field.name not in value or field.name in failed:
            continue
        try:
            field.validator(None, field, conv.structure(value[field.name], field.type))
        except FieldError as error:
            error.__notes__ = [
                AttributeValidationNote(f"attribute {field.name}", field.name, field.type)
            ]
            errors.append(error)
        except Exception:  # noqa: BLE001, S112 - its structuring error is reported already
            continue
    return ClassValidationError(f"While structuring {cls.__name__}", errors, cls)


def _unstructure_attrs_factory(conv: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(cls: type[Any]) -> Callable[[Any], Any]:
        return make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)

    return factory


def _unstructure_tuple_factory(conv: cattrs.Converter) -> Callable[[Any], Any]:
    """A tuple as a list; the items' hook is looked up once per type, not once per item."""

    def factory(tp: Any) -> Callable[[Any], Any]:
        args = typing.get_args(tp)
        item = args[0] if len(args) == 2 and args[1] is Ellipsis else None
        if item in (str, int, bool):
            return list  # taken as they are, as the converter's own hook for them does
        if not (_is_attrs(item) or _is_enum(item) or item is pendulum.Date):
            return lambda t: [conv.unstructure(i) for i in t]
        hook: list[Callable[[Any], Any]] = []

        def unstructure(t: Any) -> list[Any]:
            if not hook:  # on first use: a class may refer to one defined after it
                hook.append(conv.get_unstructure_hook(item))
            each = hook[0]
            return [each(i) for i in t]

        return unstructure

    return factory


def _is_attrs(tp: Any) -> bool:
    return isinstance(tp, type) and attrs.has(tp)


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


Values = Literal["text", "python"]
"""Where the data to structure comes from: a file's text, or Python code and databases."""


@functools.cache
def converter(values: Values = "text") -> cattrs.Converter:
    """The library's converter, built once for each kind of values.

    Args:
        values: ``"text"`` for data parsed from a file; ``"python"`` for data from code or
            a database, which also takes dates, decimals and 0 or 1 where the model
            expects them (see the module's description).
    """
    python = values == "python"
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_python_int if python else _structure_int)
    conv.register_structure_hook(float, _structure_python_float if python else _structure_float)
    conv.register_structure_hook(bool, _structure_python_bool if python else _structure_bool)
    conv.register_structure_hook(
        pendulum.Date, _structure_python_date if python else _structure_date
    )
    conv.register_unstructure_hook(pendulum.Date, _unstructure_date)
    conv.register_structure_hook_factory(_is_enum, _structure_enum)
    conv.register_unstructure_hook_factory(_is_enum, lambda _: lambda member: member.value)
    conv.register_structure_hook_factory(_is_tuple, _structure_tuple_factory(conv))
    conv.register_unstructure_hook_factory(_is_tuple, _unstructure_tuple_factory(conv))
    conv.register_structure_hook_factory(_is_attrs, _structure_attrs_factory(conv, python))
    conv.register_unstructure_hook_factory(_is_attrs, _unstructure_attrs_factory(conv))
    return conv


def problems_of(exc: BaseException, path: str = "$") -> Iterator[Problem]:
    """Every problem in a structuring error, with its JSON path, in document order."""
    # A stack rather than nested generators: each problem of a long list would otherwise
    # pass up through a generator per level of the document.
    stack: list[tuple[BaseException | Problem, str]] = [(exc, path)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, Problem):
            yield item
        elif isinstance(item, OngeldigeLeidraad):
            yield from _catalogue_problems(item, path)
        elif isinstance(item, ForbiddenExtraKeysError):
            names = [field.name for field in attrs.fields(item.cl)] if _is_attrs(item.cl) else []
            for key in sorted(item.extra_fields, key=str):
                yield _unknown_field(path, key, names)
        elif isinstance(item, ClassValidationError | IterableValidationError):
            parts: list[tuple[BaseException | Problem, str]] = []
            for sub in item.exceptions:
                sub_path = _path_of(sub, path)
                if isinstance(sub, KeyError) and sub_path != path:
                    name = sub_path.rsplit(".", 1)[-1]
                    missing = Problem(
                        sub_path,
                        f"verplicht veld {excerpt(name)} ontbreekt",
                        f"required field {excerpt(name)} is missing",
                        "ontbrekend-veld",
                    )
                    parts.append((missing, sub_path))
                else:
                    parts.append((sub, sub_path))
            stack.extend(reversed(parts))
        else:
            yield _problem(item, path)


def _unknown_field(path: str, key: Any, names: list[str]) -> Problem:
    """The problem of an unknown key, naming the field it most likely meant."""
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.75) if isinstance(key, str) else []
    hint = (f"; bedoel je {close[0]!r}?", f"; did you mean {close[0]!r}?") if close else ("", "")
    return Problem(
        child_path(path, key),
        f"onbekend veld {excerpt(key)}{hint[0]}",
        f"unknown field {excerpt(key)}{hint[1]}",
        "onbekend-veld",
    )


def _catalogue_problems(exc: OngeldigeLeidraad, path: str) -> Iterator[Problem]:
    """The problems of a catalogue as a whole, each with its path below ``path``.

    ``path`` is that of the field the error names (``$.themas``); past `MAX_ITEM_PROBLEMS`
    the problems are counted, as the bad items of a long list are.
    """
    for problem in exc.problems[:MAX_ITEM_PROBLEMS]:
        where = path
        for segment in problem.path:
            where = child_path(where, segment)
        yield Problem(where, problem.message, problem.message_en, problem.code)
    rest = len(exc.problems) - MAX_ITEM_PROBLEMS
    if rest > 0:
        yield Problem(
            path,
            f"nog {rest} andere problemen in de thema's; alleen de eerste "
            f"{MAX_ITEM_PROBLEMS} staan hierboven",
            f"{rest} more problems in the themes; only the first {MAX_ITEM_PROBLEMS} "
            "are listed above",
            "te-veel-problemen",
        )


def _path_of(sub: BaseException, path: str) -> str:
    """The path of one part of a structuring error, from its notes."""
    sub_path = path
    for note in getattr(sub, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            sub_path = child_path(path, note.name)
        elif isinstance(note, IterableValidationNote):
            sub_path = child_path(path, note.index)
    return sub_path


def _problem(exc: BaseException, path: str) -> Problem:
    if isinstance(exc, ValueProblem):
        return Problem(path, exc.message, exc.message_en, exc.code)
    if isinstance(exc, DuaalLerenError):
        # The path names the field already: the message alone, without a FieldError's name.
        return Problem(path, exc.message, exc.message_en, "ongeldige-waarde")
    # The error's own text may repeat a long value: an excerpt of it.
    return Problem(
        path,
        f"ongeldige waarde ({excerpt(str(exc))})",
        f"invalid value ({excerpt(str(exc))})",
        "ongeldige-waarde",
    )
