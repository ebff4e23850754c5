"""
Which of a record's deadline revisions were made before or after a moment,
without asking each of them (private).

A record's revisions (:class:`~negotiation_records.DeadlineRevision`) are in
the order they were made.  Its checks ask, for each step of its history,
which revisions were certainly made before the step and which certainly after
it (:func:`~negotiation_records.timeutil.is_before`): asked revision by
revision, that is the number of steps times the number of revisions, and a
truce revived a few hundred times took seconds to build.

Where every revision is dated by a day and the days never go back, the
commonest record, the revisions certainly made before a moment are the
first few and those certainly made after it the last few: ``is_before``
compares a day with a day, a month, a year or a datetime by the days they
may be (:func:`~negotiation_records.timeutil.day_ordinals`), so a revision
is certainly before *on* exactly when its day comes before *on*'s first
day, and certainly after it exactly when its day comes after *on*'s last.
Both are found by bisection.  Any other list of revisions (a revision dated
by a month, at a time of day, or out of order) gives no days, and the
caller asks the revisions one by one.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
from collections.abc import Sequence
from typing import Final

import pendulum

from negotiation_records.deadlines import DeadlineRevision
from negotiation_records.timeutil import Moment, day_ordinals


__all__ = ["made_around", "revision_days"]

_ordinal: Final = _dt.date.toordinal


def revision_days(revisions: Sequence[DeadlineRevision]) -> list[int] | None:
    """
    The days (``date.toordinal()``) on which *revisions* were made, when
    each is dated by a day and no day comes before the one above it;
    ``None`` otherwise.
    """
    days = []
    for revision in revisions:
        made = revision.revised_on
        if made.__class__ is not pendulum.Date:
            return None
        days.append(_ordinal(made))
    if any(later < earlier for earlier, later in itertools.pairwise(days)):
        return None
    return days


def made_around(days: Sequence[int], on: Moment) -> tuple[int, int]:
    """
    ``(before, after)`` for the revisions made on *days* (as
    :func:`revision_days` gives them): those before index *before* were
    certainly made before *on*, those from index *after* on certainly after
    it (``is_before(revised_on, on)`` and ``is_before(on, revised_on)``),
    and those between may have been made either side of it.
    """
    first, last = day_ordinals(on)
    return bisect.bisect_left(days, first), bisect.bisect_right(days, last)
