"""
The field kind of a weekend (private; the public name is
:class:`negotiation_records.fields.Weekdays`): a set of weekday numbers.
"""

from __future__ import annotations

from typing import Any, ClassVar

from negotiation_records._codegen import Namespace
from negotiation_records._kind import FixedKind, Problems, SchemaDefs, fail
from negotiation_records._unread import UnreadValues
from negotiation_records._values import described, short_repr, show_json
from negotiation_records.errors import ValidationError


__all__ = ["Weekdays"]

_RANGE = "from 0 (Monday) to 6 (Sunday)"


class Weekdays(FixedKind):
    """
    A set of weekday numbers, Monday 0 to Sunday 6, not all seven: a weekend.
    Written as a sorted JSON array.

    Every day that is not a weekday number is reported.  Days given in an
    order (a JSON array, a list or a tuple) are reported each at its place
    (``weekend[1]``), in that order; a set has no order, so the days of a
    set are reported at the weekend itself (``weekend``), smallest first.
    """

    __slots__ = ()

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        if isinstance(value, (set, frozenset, list, tuple, range)):
            try:
                days = tuple(value)
            except Exception as exc:  # noqa: BLE001 - the user's list, any error
                return UnreadValues(value, exc)
            if not isinstance(value, (set, frozenset)) and not all(
                day.__class__ is int and 0 <= day <= 6 for day in days
            ):
                return days  # in the order given: each bad day at its place
            try:
                return frozenset(days)
            except Exception:  # noqa: BLE001 - an unhashable day, or a __hash__ that raises
                return value  # reported by the check
        return value

    def accepts(self) -> str:
        return "Collection[int]"

    def problems(self, value: object) -> Problems:
        if isinstance(value, UnreadValues):
            return [("", value.message)]
        if isinstance(value, (str, bytes)) or not isinstance(
            value, (set, frozenset, list, tuple, range)
        ):
            return [
                (
                    "",
                    "must be a set of weekday numbers (Monday 0 to Sunday 6), got "
                    f"{described(value)}",
                )
            ]
        try:
            days = list(value)
        except Exception as exc:  # noqa: BLE001 - the user's list, any error
            return [("", UnreadValues(value, exc).message)]
        for day in days:
            if day.__class__ is not int or not 0 <= day <= 6:
                return _bad_days(days, ordered=not isinstance(value, (set, frozenset)))
        if len(set(days)) == 7:
            return [("", "leaves no business day in the week")]
        return []

    def load(self, value: Any, conv: Any) -> Any:
        if value.__class__ is not list:
            raise fail(f"must be an array of weekday numbers, got {show_json(value)}")
        for day in value:
            if day.__class__ is not int or not 0 <= day <= 6:
                raise ValidationError(_array_problems(value))
        days = frozenset(value)
        if len(days) != len(value):
            raise ValidationError(_array_problems(value))
        return days

    def read_code(
        self, ns: Namespace, v: str, pad: str, fail: str, *, conv: Any, depth: int = 0
    ) -> list[str]:
        # load() refuses every day the check would: only all seven days remain.
        return [
            f"{pad}{v} = {self.load_expr(ns, v, conv, depth)}",
            f"{pad}if len({v}) == 7:",
            f"{pad}    {fail}",
        ]

    def dump(self, value: Any, conv: Any) -> Any:
        return sorted(value)

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {
            "type": "array",
            "items": {"type": "integer", "minimum": 0, "maximum": 6},
            "uniqueItems": True,
            "maxItems": 6,
            "description": "Weekday numbers, Monday 0 to Sunday 6.",
        }


def _bad_days(days: list[Any], *, ordered: bool) -> Problems:
    """
    The days of a weekend that are not weekday numbers: each at its index
    when they were given in an order, else (a set) at the weekend, numbers
    first, smallest first.
    """
    bad = [
        (index, day)
        for index, day in enumerate(days)
        if day.__class__ is not int or not 0 <= day <= 6
    ]
    if ordered:
        return [
            (f"[{index}]", f"must be a weekday number {_RANGE}, got {short_repr(day)}")
            for index, day in bad
        ]
    return [
        ("", f"must hold weekday numbers {_RANGE}, got {short_repr(day)}")
        for day in sorted((day for _, day in bad), key=_set_order)
    ]


def _set_order(day: object) -> tuple[int, int, str]:
    """The place of a bad day of a set in its problems: numbers first, smallest first."""
    if day.__class__ is int:
        return (0, day, "")
    return (1, 0, short_repr(day))


def _array_problems(days: list[Any]) -> Problems:
    """
    Every problem of a JSON array of weekday numbers, each at its index, in
    the document's order: a value that is not a weekday number, a day
    named twice.  Only for an array that has one: the valid ones do not
    come here.
    """
    found: Problems = []
    seen: set[int] = set()
    for index, day in enumerate(days):
        if day.__class__ is not int or not 0 <= day <= 6:
            message = f"must be a weekday number {_RANGE}, got {show_json(day)}"
            found.append((f"[{index}]", message))
        elif day in seen:
            found.append((f"[{index}]", f"weekday {day} appears twice"))
        else:
            seen.add(day)
    return found
