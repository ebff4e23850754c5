"""Status-transition tables and the check shared by the records (private)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TypeVar

from negotiation_records.errors import IllegalTransitionError


S = TypeVar("S", bound=enum.Enum)


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
