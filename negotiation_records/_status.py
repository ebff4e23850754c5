"""Status-transition tables and the check shared by the records (private)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TypeVar

from negotiation_records._values import short_repr
from negotiation_records.errors import IllegalTransitionError, ValidationError


__all__ = ["bool_argument", "check_transition"]

S = TypeVar("S", bound=enum.Enum)


def bool_argument(value: object, name: str) -> bool:
    """
    *value*, given to a status method for its flag *name* (``late``):
    ``True`` or ``False``, as a record's bool fields hold, or a
    :class:`~negotiation_records.ValidationError` at *name*.  Any other value
    is refused rather than read as true or false: ``late="no"`` is true.
    """
    if value is True or value is False:
        return value
    raise ValidationError([(name, f"must be True or False, got {short_repr(value)}")])


def check_transition(
    record: str,
    table: Mapping[S, frozenset[S]],
    current: S,
    new: S,
    reason: str | None = None,
) -> None:
    """Raise :class:`IllegalTransitionError` unless *table* allows current → new."""
    if new not in table.get(current, frozenset()):
        allowed = sorted(s.value for s in table.get(current, frozenset()))
        why = reason or (
            f"from {current.value!r} it can go to "
            + (
                ", ".join(repr(a) for a in allowed)
                if allowed
                else "nothing: it is final"
            )
        )
        raise IllegalTransitionError(record, current.value, new.value, why)
