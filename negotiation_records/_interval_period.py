"""
A :class:`pendulum.Interval` (what ``b - a`` gives for two datetimes or two
dates) read as a :class:`~negotiation_records.Period` (private; see
:meth:`Period.from_duration <negotiation_records.Period.from_duration>`).

An interval knows its two ends.  It is read as the calendar parts pendulum
finds between them (years, months, days: what pendulum's own ``+`` adds) and,
from where those parts reach on the start's wall clock, the elapsed time to
the end (not pendulum's hours, which are the wall clocks' difference).  So a
deadline counted by it from its start falls due at its end, by the library's
rule (calendar parts on the wall clock, then exact parts as elapsed time),
across clock changes too.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pendulum

from negotiation_records._deadline_arithmetic import add_calendar, add_period, in_zone
from negotiation_records.errors import ValidationError
from negotiation_records.timeutil import (
    Period,
    moment_text,
    since_epoch,
    to_moment,
)


__all__ = ["interval_period"]

#: How many days fewer than the first guess are tried at one number of months:
#: a clock change moves a wall time by a day at most (Samoa skipped one).
_DAYS_TRIED = 3


def interval_period(interval: pendulum.Interval[Any]) -> Period:
    """
    The period from *interval*'s start to its end.

    The years and months are pendulum's (``interval.years``,
    ``interval.months``); the days are as many whole days as then fit on the
    start's wall clock (pendulum's ``weeks * 7 + remaining_days``, unless a
    clock change skips the wall time they reach, so that it lies after the
    end); the hours, minutes and seconds are the elapsed time from there to
    the end.  Where the months reach past the end (a clock change skips that
    wall time, or pendulum counts a month too many: 3 May 2001 to 1 February
    2004 is not 2 years 9 months), a month fewer is counted, and then none.
    Between two dates the period is years, months and days.

    An interval that ends before it starts is refused, as a negative duration
    is; so is one that is not a whole number of seconds.

    Example:
        >>> ny = "America/New_York"
        >>> start = pendulum.datetime(2025, 3, 8, 12, tz=ny)
        >>> str(interval_period(pendulum.datetime(2025, 3, 10, 12, tz=ny) - start))
        'P2D'
        >>> str(interval_period(pendulum.datetime(2025, 3, 9, 3, 30, tz=ny) - start))
        'PT14H30M'
    """
    start, end = _ends(interval)
    total = interval.years * 12 + interval.months
    months_tried = sorted({total, max(total - 1, 0), 0}, reverse=True)
    if isinstance(start, pendulum.DateTime):
        assert isinstance(end, pendulum.DateTime)  # noqa: S101 - pendulum checks
        if since_epoch(end) < since_epoch(start):
            raise _runs_back(start, end)
        assert start.tzinfo is not None  # noqa: S101 - made aware by _ends
        try:
            end_day = in_zone(end, start.tzinfo).date()
        except OverflowError:
            raise ValidationError(
                [
                    (
                        "$",
                        f"the interval from {moment_text(start)} to "
                        f"{moment_text(end)} ends outside the calendar on the "
                        "clock of its start",
                    )
                ]
            ) from None
        for count in months_tried:
            years, months = divmod(count, 12)
            reached = add_calendar(start, Period(years=years, months=months))
            if reached <= end_day:
                period = _fit(start, end, years, months, (end_day - reached).days)
                if period is not None:
                    return period
        return _exact(start, end, Period())  # no calendar part: all elapsed
    if end < start:
        raise _runs_back(start, end)
    for count in months_tried:  # 0 always fits
        years, months = divmod(count, 12)
        reached = add_calendar(start, Period(years=years, months=months))
        if reached <= end:
            break
    return Period(years=years, months=months, days=(end - reached).days)


def _ends(interval: pendulum.Interval[Any]) -> tuple[pendulum.Date, pendulum.Date]:
    """
    The start and end of *interval* as moments; two naive datetimes (which an
    interval may join) as UTC, where the wall clock is elapsed time too.
    """
    ends = []
    for given in (interval.start, interval.end):
        aware = given
        if isinstance(given, _dt.datetime) and given.tzinfo is None:
            aware = given.replace(tzinfo=pendulum.UTC)
        moment = to_moment(aware)
        assert isinstance(moment, pendulum.Date)  # noqa: S101 - a date or datetime
        ends.append(moment)
    return ends[0], ends[1]


def _runs_back(start: pendulum.Date, end: pendulum.Date) -> ValidationError:
    """The refusal of an interval that ends before it starts."""
    return ValidationError(
        [
            (
                "$",
                "a period must not be negative, got an interval that runs back "
                f"from {moment_text(start)} to {moment_text(end)}",
            )
        ]
    )


def _fit(
    start: pendulum.DateTime, end: pendulum.DateTime, years: int, months: int, days: int
) -> Period | None:
    """
    The period of *years*, *months* and the most days up to *days* whose wall
    time, from *start*, is not after *end*, with the rest as elapsed time;
    ``None`` if none of the few tried is.
    """
    for count in range(days, max(days - _DAYS_TRIED, -1), -1):
        calendar = Period(years=years, months=months, days=count)
        if since_epoch(_reach(start, calendar)) <= since_epoch(end):
            return _exact(start, end, calendar)
    return None


def _exact(
    start: pendulum.DateTime, end: pendulum.DateTime, calendar: Period
) -> Period:
    """*calendar* and the elapsed time from where it reaches to *end*."""
    rest = since_epoch(end) - since_epoch(_reach(start, calendar))
    if rest.microseconds:
        raise ValidationError(
            [("$", "fractions of a second are not supported in a period")]
        )
    hours, seconds = divmod(rest // _dt.timedelta(seconds=1), 3600)
    minutes, seconds = divmod(seconds, 60)
    return calendar + Period(hours=hours, minutes=minutes, seconds=seconds)


def _reach(start: pendulum.DateTime, calendar: Period) -> pendulum.DateTime:
    """Where *calendar* reaches from *start*, by the deadlines' rule."""
    reached = add_period(start, calendar)
    assert isinstance(reached, pendulum.DateTime)  # noqa: S101 - from a datetime
    return reached
