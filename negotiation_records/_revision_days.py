"""
Which of a record's deadline revisions were made before or after a moment,
without asking each of them (private).

A record's revisions (:class:`~negotiation_records.DeadlineRevision`) are in
the order they were made.  Its checks ask, for each step of its history,
which revisions were certainly made before the step and which certainly after
it (:func:`~negotiation_records.timeutil.is_before`): asked revision by
revision, that is the number of steps times the number of revisions, and a
truce revived a few hundred times took seconds to build.

:func:`~negotiation_records.timeutil.is_before` never says a moment is before
another unless it is, and a moment is certainly before another whenever
every day it may be (:func:`~negotiation_records.timeutil.day_ordinals`: a
day, a month's days, the days a datetime shows from UTC-12 to UTC+14) comes
before every day the other may be.  So the revisions whose days all end
before *on*'s first day, counted from the first revision with the latest day
of any up to it, are certainly before *on*, and those whose days all start
after *on*'s last day, counted back from the last revision with the earliest
day of any from it, certainly after: both found by bisection, whatever the
revisions are dated by.  Only the revisions between (made about when *on*
was: the same day, a month that holds it) are asked one by one.  Revisions
dated by days that never go back, the commonest record, leave between them
only those of *on*'s own days.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from negotiation_records.deadlines import DeadlineRevision
from negotiation_records.timeutil import Moment, day_ordinals, is_before


__all__ = ["RevisionDays"]


class RevisionDays:
    """
    The days on which a record's revisions (*revisions*, in the order they
    were made) may have been made, kept for bisection.
    """

    __slots__ = ("_firsts", "_lasts", "revisions")

    revisions: Sequence[DeadlineRevision]

    def __init__(self, revisions: Sequence[DeadlineRevision]) -> None:
        self.revisions = revisions
        spans = [day_ordinals(revision.revised_on) for revision in revisions]
        # the latest last day of the revisions up to each, and the earliest
        # first day of those from each on: both never go down
        self._lasts = list(itertools.accumulate((last for _, last in spans), max))
        firsts = itertools.accumulate((first for first, _ in reversed(spans)), min)
        self._firsts = list(firsts)[::-1]

    def around(self, on: Moment) -> tuple[int, int]:
        """
        ``(before, after)``: the revisions before index *before* were
        certainly made before *on* (``is_before(revised_on, on)``), those
        from index *after* on certainly after it, and those between are to
        be asked one by one.
        """
        first, last = day_ordinals(on)
        before = bisect.bisect_left(self._lasts, first)
        return before, max(before, bisect.bisect_right(self._firsts, last))

    def made_before(self, on: Moment, start: int) -> int:
        """
        One past the last revision from index *start* on certainly made
        before *on*; *start* if none was.  The revisions are in the order
        they were made, so all before it count as made before *on* too.
        """
        before, after = self.around(on)
        revisions = self.revisions
        for later in range(after - 1, max(start, before) - 1, -1):
            if is_before(revisions[later].revised_on, on):
                return later + 1
        return max(start, before)
