"""
Which spans of time in a list share a moment with an earlier one (private),
without comparing every pair.

A span runs from ``since`` to ``until``, both optional (an open end reaches
everything), and two spans overlap unless one ends before the other starts,
by :func:`~negotiation_records.timeutil.is_before`:
:meth:`Membership.overlaps <negotiation_records.Membership.overlaps>`.
``is_before`` compares two datetimes as instants and anything else as
calendar days (a month or a year as all its days, a datetime against a day as
the days it shows anywhere on Earth:
:func:`~negotiation_records.timeutil.days_anywhere`); across precisions it
is not transitive, so the spans cannot simply be sorted and compared with
their neighbours.

Instead each comparison is one of a few kinds, fixed by what the two ends are
(open, a datetime, a day or more): the earlier spans are kept in one index per
kind of their ends and per way of reading them (instants, or days), each a
Fenwick tree of the latest end (``until``) among the spans that start
(``since``) no later than a given key.  A span overlaps an earlier one exactly
when, in the index of some kind, a span that starts no later than it ends
also ends no earlier than it starts.  That is ``O(n log n)`` for *n* spans
instead of the ``O(n²)`` of comparing every pair, and it finds the same
overlaps, since each index compares exactly as ``is_before`` does for its
kind of ends.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterator, Sequence
from typing import Final, Literal

import pendulum

from negotiation_records.timeutil import (
    Moment,
    PartialDate,
    day_ordinals,
    moment_argument,
    since_epoch,
)


__all__ = ["overlapping_earlier"]

#: What an end of a span is: open (``None``), a datetime, or a day or more.
_End = Literal["open", "datetime", "days"]
#: How ends are read in an index: as instants, as days, or not at all (open).
_Reading = Literal["instant", "day", "open"]

_MICROSECOND: Final = _dt.timedelta(microseconds=1)

#: The ways each kind of end may be read: a datetime as an instant (against
#: another datetime) or as the days it may be (against a day); a day only as days.
_READINGS: Final[dict[_End, tuple[_Reading, ...]]] = {
    "open": ("open",),
    "datetime": ("instant", "day"),
    "days": ("day",),
}

_Index = tuple[_End, _End, _Reading, _Reading]


class _Ends:
    """One end of a span, read every way ``is_before`` reads it."""

    __slots__ = ("first_day", "instant", "kind", "last_day")

    def __init__(self, moment: Moment | None) -> None:
        self.kind: _End
        self.instant = 0
        self.first_day = self.last_day = 0
        if moment is None:
            self.kind = "open"
            return
        if moment.__class__ not in (pendulum.Date, pendulum.DateTime, PartialDate):
            moment = moment_argument(moment)  # as is_before reads it
        if isinstance(moment, pendulum.DateTime):
            self.kind = "datetime"
            self.instant = since_epoch(moment) // _MICROSECOND
        else:
            self.kind = "days"
        # the days it may be (a datetime's anywhere on Earth: days_anywhere)
        self.first_day, self.last_day = day_ordinals(moment)

    def start_key(self, reading: _Reading) -> int:
        """Where the span starting here starts, read as *reading*."""
        return self.instant if reading == "instant" else self.first_day

    def end_key(self, reading: _Reading) -> int:
        """Where the span ending here ends, read as *reading*."""
        return self.instant if reading == "instant" else self.last_day


def _reading(earlier: _End, given: _Ends) -> _Reading | None:
    """
    How an end of kind *earlier* is compared with *given* (``None``: it is
    not, as an open end on either side overlaps everything).
    """
    if earlier == "open" or given.kind == "open":
        return None
    if earlier == "datetime" and given.kind == "datetime":
        return "instant"
    return "day"


class _LatestEnd:
    """
    A Fenwick tree over the start keys of an index: the latest end key
    among the spans added that start no later than a given key.
    """

    __slots__ = ("keys", "tree")

    def __init__(self, keys: Sequence[int]) -> None:
        self.keys = sorted(set(keys))
        self.tree: list[int | None] = [None] * (len(self.keys) + 1)

    def add(self, start: int, end: int) -> None:
        """Add a span starting at *start* and ending at *end*."""
        position = bisect.bisect_left(self.keys, start) + 1
        while position < len(self.tree):
            latest = self.tree[position]
            if latest is None or latest < end:
                self.tree[position] = end
            position += position & -position

    def reaches(self, start_by: int | None, end_from: int | None) -> bool:
        """
        Whether a span added starts no later than *start_by* and ends no
        earlier than *end_from* (``None``: whatever its start, or its end).
        """
        position = (
            len(self.keys)
            if start_by is None
            else bisect.bisect_right(self.keys, start_by)
        )
        while position > 0:
            latest = self.tree[position]
            if latest is not None and (end_from is None or latest >= end_from):
                return True
            position -= position & -position
        return False


def _indexes(since: _Ends, until: _Ends) -> Iterator[_Index]:
    """The indexes a span with these ends is added to."""
    for starts in _READINGS[since.kind]:
        for ends in _READINGS[until.kind]:
            yield since.kind, until.kind, starts, ends


def overlapping_earlier(
    spans: Sequence[tuple[Moment | None, Moment | None]],
) -> list[bool]:
    """
    For each span ``(since, until)`` of *spans*, whether it overlaps one
    before it in *spans*: shares a moment with it, by the rule of
    :meth:`Membership.overlaps <negotiation_records.Membership.overlaps>`.

    Example:
        >>> june, july = pendulum.date(2025, 6, 1), pendulum.date(2025, 7, 1)
        >>> overlapping_earlier([(june, june), (july, None), (None, july)])
        [False, False, True]
    """
    ends = [(_Ends(since), _Ends(until)) for since, until in spans]
    starts: dict[_Index, list[int]] = {}
    for since, until in ends:
        for index in _indexes(since, until):
            starts.setdefault(index, []).append(since.start_key(index[2]))
    trees = {index: _LatestEnd(keys) for index, keys in starts.items()}
    kinds = sorted({(since.kind, until.kind) for since, until in ends})
    found = []
    for since, until in ends:
        found.append(any(_meets(trees, kind, since, until) for kind in kinds))
        for index in _indexes(since, until):
            trees[index].add(since.start_key(index[2]), until.end_key(index[3]))
    return found


def _meets(
    trees: dict[_Index, _LatestEnd],
    kind: tuple[_End, _End],
    since: _Ends,
    until: _Ends,
) -> bool:
    """
    Whether a span added with ends of *kind* overlaps the span from *since*
    to *until*: it does not start after this one ends, nor end before this
    one starts.
    """
    earlier_since, earlier_until = kind
    starts = _reading(earlier_since, until)
    ends = _reading(earlier_until, since)
    tree = trees.get(
        (
            earlier_since,
            earlier_until,
            _READINGS[earlier_since][0] if starts is None else starts,
            _READINGS[earlier_until][0] if ends is None else ends,
        )
    )
    if tree is None:
        return False
    return tree.reaches(
        None if starts is None else until.end_key(starts),
        None if ends is None else since.start_key(ends),
    )
