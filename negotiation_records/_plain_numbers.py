"""
Numbers given to a record, as it stores them (private): plain :class:`int`
and :class:`float`, whatever class they were given as.
"""

from __future__ import annotations

import operator
from decimal import Decimal
from numbers import Integral, Real
from typing import Any


__all__ = ["other_real", "plain_int", "plain_number"]


def plain_int(value: Any) -> Any:
    """
    *value* as a plain :class:`int` if it is an instance of a subclass (an
    :class:`enum.IntEnum` member) or another integral class (``numpy.int64``,
    which counts taken from pandas are), a bool aside; anything else
    unchanged, for the kind's check to refuse.

    ``int.__int__`` gives the plain number whatever the subclass overrides;
    ``operator.index`` is how Python reads any other integer as one.

    Example:
        >>> import enum
        >>> class Seats(enum.IntEnum):
        ...     COMMONS = 650
        >>> plain_int(Seats.COMMONS).__class__, plain_int(True), plain_int(1.0)
        (<class 'int'>, True, 1.0)
    """
    if isinstance(value, int):
        return value if isinstance(value, bool) else int.__int__(value)
    if isinstance(value, Integral) and not isinstance(value, bool):
        try:
            return operator.index(value)
        except Exception:  # noqa: BLE001 - a broken integer is refused as it is
            return value
    return value


def plain_number(value: Any) -> Any:
    """
    *value* as a plain :class:`float` if it is an instance of a subclass
    (``numpy.float64``) or a real number of another class that a float holds
    exactly (``numpy.float32``, ``Decimal("2.5")``, ``Fraction(1, 4)``), or
    as a plain :class:`int` if an integer of another class
    (:func:`plain_int`); anything else unchanged, for the kind's check to
    refuse (``Decimal("50.21")``, which no float holds: see
    :func:`other_real`).

    Example:
        >>> from decimal import Decimal
        >>> plain_number(Decimal("2.5")), plain_number(Decimal("50.21"))
        (2.5, Decimal('50.21'))
    """
    if isinstance(value, float):
        return float.__float__(value) or 0.0  # -0.0 as 0.0, which it equals
    if other_real(value):
        try:
            number = float(value)
            exact = bool(number == value) or number != number  # noqa: PLR0124 - NaN
        except Exception:  # noqa: BLE001 - a broken number is refused as it is
            return value
        return (number or 0.0) if exact else value
    return plain_int(value)


def other_real(value: object) -> bool:
    """
    Whether *value* is a real number of a class other than :class:`int`,
    :class:`float` and the integers (``numpy.float32``, a
    :class:`~decimal.Decimal`, though it is not registered as a
    :class:`numbers.Real`, a :class:`~fractions.Fraction`): one that
    :func:`plain_number` stores as a float if a float holds it exactly, and
    otherwise leaves as it is, for the kind's check to refuse.
    """
    return isinstance(value, (Real, Decimal)) and not isinstance(
        value, (int, float, Integral)
    )
