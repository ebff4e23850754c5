"""
The period a deadline counts (private): :meth:`Deadline.after
<negotiation_records.Deadline.after>`'s and :meth:`Deadline.before
<negotiation_records.Deadline.before>`'s *period* or keyword parts, read and
checked, and the ``within`` of the deadline queries.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

from negotiation_records._period import Period, period_from
from negotiation_records.errors import ValidationError, join_path
from negotiation_records.fields import PeriodKind


__all__ = ["counted_period"]

_PERIOD = PeriodKind()


def counted_period(
    period: Period | _dt.timedelta | str | None, parts: Mapping[str, object]
) -> Period:
    """
    The period a deadline counts, given to :meth:`Deadline.after` or
    :meth:`Deadline.before` as *period* or keyword *parts*
    (:func:`~negotiation_records._period.period_from`), and not zero: a
    :class:`~negotiation_records.ValidationError` with every problem, at
    ``period``.  Neither given is a problem of its own ("give a period"),
    not the zero period it would read as.
    """
    if period is None and not parts:
        raise ValidationError(
            [
                (
                    "period",
                    "no period given: give one (a Period, a timedelta or ISO "
                    "text such as 'P50D') or keyword parts (days=50)",
                )
            ]
        )
    resolved = period_from(period, parts)
    problems = [
        (join_path("period", path), message)
        for path, message in _PERIOD.problems(resolved)
    ]
    if problems:
        raise ValidationError(problems)
    return resolved
