"""
The field kind of a weekend (private; the public name is
:class:`negotiation_records.fields.Weekdays`): a set of weekday numbers.
"""

from __future__ import annotations

from typing import Any, ClassVar

from negotiation_records._kind import FixedKind, Problems, SchemaDefs, fail
from negotiation_records._unread import UnreadValues
from negotiation_records._values import described, short_repr, show_json


__all__ = ["Weekdays"]


class Weekdays(FixedKind):
    """
    A set of weekday numbers, Monday 0 to Sunday 6, not all seven: a weekend.
    Written as a sorted JSON array.
    """

    __slots__ = ()

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        if isinstance(value, (set, frozenset, list, tuple)):
            try:
                days = tuple(value)
            except Exception as exc:  # noqa: BLE001 - the user's list, any error
                return UnreadValues(value, exc)
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
            value, (set, frozenset, list, tuple)
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
        found: Problems = []
        for day in days:
            if day.__class__ is not int or not 0 <= day <= 6:
                found.append(
                    (
                        "",
                        "must hold weekday numbers from 0 (Monday) to 6 (Sunday), "
                        f"got {short_repr(day)}",
                    )
                )
        if not found and len(set(days)) == 7:
            found.append(("", "leaves no business day in the week"))
        return found

    def load(self, value: Any, conv: Any) -> Any:
        if value.__class__ is not list:
            raise fail(f"must be an array of weekday numbers, got {show_json(value)}")
        for day in value:
            if day.__class__ is not int:
                raise fail(
                    f"must hold integers (weekday numbers), got {show_json(day)}"
                )
        days = frozenset(value)
        if len(days) != len(value):
            raise fail(f"must name each weekday once, got {short_repr(value)}")
        return days

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
