"""
The days a business-day count skips (private module; the public names are in
:mod:`negotiation_records.deadlines`): a weekend is a set of weekday numbers,
Monday 0 to Sunday 6.
"""

from __future__ import annotations

from collections.abc import Iterable

from negotiation_records._unread import read_failure
from negotiation_records._weekday_kind import Weekdays
from negotiation_records.errors import ValidationError, join_path


__all__ = ["DEFAULT_WEEKEND", "as_weekend", "check_weekend", "weekend_for"]

_WEEKEND = Weekdays()

DEFAULT_WEEKEND: frozenset[int] = frozenset({5, 6})
"""Saturday and Sunday, as :meth:`datetime.date.weekday` numbers them (Monday is 0)."""


def check_weekend(value: object) -> list[tuple[str, str]]:
    """
    Problems with a weekend: a set of weekday numbers, Monday 0 to Sunday 6.

    At least one day of the week must be a business day; an empty weekend (every
    day counts) is allowed.  The rule of the ``weekend`` field
    (:class:`~negotiation_records.fields.Weekdays`).
    """
    return _WEEKEND.problems(value)


def as_weekend(value: Iterable[int]) -> frozenset[int]:
    """A weekend as a frozenset of weekday numbers; anything else passes through."""
    converted: frozenset[int] = _WEEKEND.convert(value)
    return converted


def weekend_for(
    holidays: object, weekend: Iterable[int] | None = None
) -> frozenset[int]:
    """
    The weekend a business-day count skips.

    *weekend* when given; otherwise the ``weekend`` of a calendar from the
    ``holidays`` package (``holidays.Israel().weekend`` is ``{4, 5}``, Friday and
    Saturday); otherwise Saturday and Sunday.  (A calendar that answers
    ``is_working_day`` is then asked about each day instead, and the deadline
    keeps its weekend in the first week counted: see
    :meth:`~negotiation_records.Deadline.after_business_days`.)  A weekend that is not a set of
    weekday numbers raises :class:`~negotiation_records.ValidationError`.

    Example:
        >>> from negotiation_records.deadlines import weekend_for
        >>> sorted(weekend_for(()))
        [5, 6]
        >>> sorted(weekend_for((), weekend={4, 5}))
        [4, 5]
    """
    path = "weekend"
    if weekend is None:
        weekend = getattr(holidays, "weekend", None)
        path = "holidays.weekend"
        if weekend is None:
            return DEFAULT_WEEKEND
    days = as_weekend(weekend)
    problems = check_weekend(days)
    if problems:
        prefixed = [(join_path(path, at), message) for at, message in problems]
        raise ValidationError(prefixed) from read_failure([days])
    return frozenset(days)
