"""
The field kinds of numbers and flags (private; the public names are in
:mod:`negotiation_records.fields`): :class:`Int`, :class:`Number` and
:class:`Bool`, and how a number is written (a whole float as the integer it
equals).
"""

from __future__ import annotations

import math
from typing import Any, ClassVar, Final

from negotiation_records._codegen import Namespace
from negotiation_records._kind import (
    INT_LIMIT,
    TOO_MANY_DIGITS,
    FixedKind,
    FrozenKind,
    Problems,
    SchemaDefs,
    fail,
    flag_small_float,
)
from negotiation_records._plain_numbers import other_real, plain_int, plain_number
from negotiation_records._values import described, short_repr, show_json


__all__ = ["Bool", "Int", "Number", "int_problems", "whole_as_int", "written_number"]


def int_problems(value: object, minimum: int | None, maximum: int | None) -> Problems:
    if value.__class__ is not int:
        if isinstance(value, int) and not isinstance(value, bool):
            value = int(value)
        else:
            return [("", f"must be an integer, got {described(value)}")]
    assert isinstance(value, int)  # noqa: S101 - for the type checker
    if not -INT_LIMIT < value < INT_LIMIT:
        return [("", TOO_MANY_DIGITS)]
    if minimum is not None and value < minimum:
        return [("", f"must be at least {minimum}, got {short_repr(value)}")]
    if maximum is not None and value > maximum:
        return [("", f"must be at most {maximum}, got {short_repr(value)}")]
    return []


class Int(FrozenKind):
    """
    An integer (not a bool), between *min* and *max* when given.

    An instance of an int subclass (an :class:`enum.IntEnum` member) is stored
    as a plain :class:`int`, so that the record holds, compares and writes
    plain JSON data.
    """

    __slots__ = ("max", "min")
    _fields = ("min", "max")
    plain_value: ClassVar[bool] = True
    min: int | None
    max: int | None

    def __init__(self, min: int | None = None, max: int | None = None) -> None:  # noqa: A002 - the bounds' names
        object.__setattr__(self, "min", min)
        object.__setattr__(self, "max", max)

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        return value if value.__class__ is int else plain_int(value)

    def accepts(self) -> str:
        return "int"

    def problems(self, value: object) -> Problems:
        return int_problems(value, self.min, self.max)

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        low = -INT_LIMIT if self.min is None else self.min
        high = INT_LIMIT if self.max is None else self.max
        lo = "<" if self.min is None else "<="
        hi = "<" if self.max is None else "<="
        return [
            f"{pad}if {v}.__class__ is not int or not "
            f"{ns.name(low)} {lo} {v} {hi} {ns.name(high)}:",
            f"{pad}    {fail}",
        ]

    json_class: ClassVar[type | None] = int
    json_words: ClassVar[str] = "an integer"
    # The check refuses anything but an int, which the load keeps as it is.
    reads_as_is: ClassVar[bool] = True

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        found: dict[str, Any] = {"type": "integer"}
        if self.min is not None:
            found["minimum"] = self.min
        if self.max is not None:
            found["maximum"] = self.max
        return found


def _number_problems(value: object, minimum: float | None) -> Problems:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if other_real(value):  # left by plain_number: no float holds it
            return [
                ("", f"must be an int or a float, got {described(value)}, {_INEXACT}")
            ]
        return [("", f"must be a number, got {described(value)}")]
    if isinstance(value, float) and not math.isfinite(value):
        return [("", f"must be a finite number, got {value!r}")]
    if isinstance(value, int) and not -INT_LIMIT < value < INT_LIMIT:
        return [("", TOO_MANY_DIGITS)]
    if minimum is not None and value < minimum:
        if minimum == 0:
            return [("", f"must not be negative, got {short_repr(value)}")]
        return [("", f"must not be less than {minimum:g}, got {short_repr(value)}")]
    return []


#: Why a real number of another class is refused when no float holds it.
_INEXACT: Final = (
    "which no float holds exactly (a record holds JSON's numbers: give "
    "float(value) if its nearest float will do)"
)


def _load_number(value: Any, _conv: Any = None) -> Any:
    if value.__class__ is int:
        return value
    if value.__class__ is float:
        if not math.isfinite(value):
            raise fail(f"must be a finite number, got {show_json(value)}")
        return value or 0.0  # -0.0 as 0.0, which it equals
    raise fail(f"must be a number, got {show_json(value)}")


class Number(FrozenKind):
    """
    An integer or a finite float (not a bool), at least *min* when given.

    An instance of a float subclass (``numpy.float64``), or a real number of
    another class that a float holds exactly (``numpy.float32``,
    ``Decimal("2.5")``, ``Fraction(1, 4)``), is stored as a plain
    :class:`float`, and of an int subclass as a plain :class:`int`, so that the
    record holds, compares and writes plain JSON data; ``-0.0`` is stored as
    ``0.0``, which it equals, and a whole float is written as the integer it
    equals (``1000.0`` as ``1000``, below 2**53), so that equal records write
    the same JSON.  A real number that no float holds (``Decimal("50.21")``,
    ``Fraction(1, 3)``) is refused, not rounded: give ``float(value)`` if its
    nearest float will do.
    """

    __slots__ = ("min",)
    _fields = ("min",)
    min: float | None

    def __init__(self, min: float | None = None) -> None:  # noqa: A002 - the bound's name
        object.__setattr__(self, "min", min)

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        cls = value.__class__
        if cls is int:
            return value
        return (value or 0.0) if cls is float else plain_number(value)

    def accepts(self) -> str:
        return "float"

    def problems(self, value: object) -> Problems:
        return _number_problems(value, self.min)

    def load(self, value: Any, conv: Any) -> Any:
        return _load_number(value)

    def dump(self, value: Any, conv: Any) -> Any:
        return written_number(value)

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{ns.name(written_number)}({v})"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        found: dict[str, Any] = {"type": "number"}
        if self.min is not None:
            found["minimum"] = self.min
        return found


_EXACT: Final = 2.0**53


def whole_as_int(value: Any) -> Any:
    """
    A float that is a whole number of at most 53 bits as the :class:`int` it
    equals (``1000.0`` as ``1000``); any other value as it is (``2.5``,
    ``1e300``, whose digits as an integer would be mostly noise).

    Example:
        >>> whole_as_int(1000.0), whole_as_int(2.5), whole_as_int(7), whole_as_int(1e300)
        (1000, 2.5, 7, 1e+300)
    """
    if value.__class__ is float and value.is_integer() and -_EXACT < value < _EXACT:
        return int(value)
    return value


def written_number(value: Any) -> Any:
    """
    A number as JSON data: :func:`whole_as_int` (``1000.0`` is written
    ``1000``, as ``1000`` is), so that equal records write the same JSON; JSON
    has one kind of number, and reading ``1000`` back gives a value equal to
    the one written.  A small float is flagged
    (:func:`~negotiation_records._kind.flag_small_float`).
    """
    return flag_small_float(whole_as_int(value))


class Bool(FixedKind):
    """``True`` or ``False``."""

    __slots__ = ()
    plain_value: ClassVar[bool] = True

    def accepts(self) -> str:
        return "bool"

    def problems(self, value: object) -> Problems:
        if value.__class__ is not bool:
            return [("", f"must be True or False, got {short_repr(value)}")]
        return []

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        return [f"{pad}if {v}.__class__ is not bool:", f"{pad}    {fail}"]

    json_class: ClassVar[type | None] = bool
    json_words: ClassVar[str] = "true or false"
    # The check refuses anything but a bool, which the load keeps as it is.
    reads_as_is: ClassVar[bool] = True

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"type": "boolean"}
