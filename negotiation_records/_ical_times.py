"""
The times of an iCalendar file (private): how :mod:`negotiation_records.ical`
writes an instant, a day and the end of an event, and which instants it can
write at all.

A time in UTC (``20250902T210000Z``) has four digits of year, so it runs from
0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.  An instant outside (the end of
9999-12-31 in New York is 10000-01-01T04:59:59.999999Z) is never moved to the
edge: :func:`beyond_utc` says where it is, and the calendar refuses it, or,
for the end of a round, writes its length instead (``DURATION``).
"""

from __future__ import annotations

import datetime as _dt
from typing import Final

import pendulum

from negotiation_records.errors import ValidationError
from negotiation_records.timeutil import Moment, moment_span, moment_text, since_epoch


__all__ = [
    "NO_UTC",
    "all_day_end",
    "beyond_utc",
    "check_stamp",
    "day_start",
    "timed_end",
    "utc",
    "utc_text",
]

_SECOND: Final = _dt.timedelta(seconds=1)
#: The first and the last instant a time in UTC can be at, as time since 1970.
_FIRST: Final = since_epoch(_dt.datetime.min.replace(tzinfo=_dt.UTC))
_LAST: Final = since_epoch(_dt.datetime.max.replace(tzinfo=_dt.UTC))

NO_UTC: Final = (
    "an iCalendar file writes its times in UTC, in the years 0001 to 9999, "
    "and cannot write it"
)
"""Why an instant :func:`beyond_utc` is refused, the end of the message."""


def beyond_utc(moment: _dt.datetime) -> str | None:
    """
    Where an aware datetime is when no time in UTC can be at it (``after the
    end of 9999-12-31 in UTC``, ``before 0001-01-01 in UTC``), or ``None``.

    Example:
        >>> beyond_utc(pendulum.datetime(9999, 12, 31, 20, tz="America/New_York"))
        'after the end of 9999-12-31 in UTC'
        >>> beyond_utc(pendulum.datetime(9999, 12, 31, 18, tz="America/New_York")) is None
        True
    """
    offset = since_epoch(moment)
    if offset > _LAST:
        return "after the end of 9999-12-31 in UTC"
    if offset < _FIRST:
        return "before 0001-01-01 in UTC"
    return None


def utc(moment: pendulum.DateTime) -> _dt.datetime:
    """
    The instant of a datetime, in UTC (cut at the calendar's edges, where
    :func:`beyond_utc` has it: what is written is checked first).
    """
    return moment_span(moment)[0]


def utc_text(instant: _dt.datetime) -> str:
    """A UTC datetime as iCalendar writes it, to the second."""
    return (
        f"{instant.year:04d}{instant.month:02d}{instant.day:02d}T"
        f"{instant.hour:02d}{instant.minute:02d}{instant.second:02d}Z"
    )


def _date_text(day: _dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _duration_text(seconds: int) -> str:
    """
    A positive number of seconds as a ``DURATION`` (RFC 5545, 3.3.6) of exact
    units: hours, minutes and seconds, from the first that is not zero to the
    last (``PT12H``, ``PT1H0M5S``), as its grammar wants them.
    """
    hours, rest = divmod(seconds, 3600)
    units = [(hours, "H"), *zip(divmod(rest, 60), "MS", strict=True)]
    kept = [index for index, (value, _) in enumerate(units) if value]
    parts = units[kept[0] : kept[-1] + 1]
    return "PT" + "".join(f"{value}{unit}" for value, unit in parts)


def timed_end(starts: pendulum.DateTime, ends: Moment | None) -> str | None:
    """
    The end of an event from *starts* to *ends*, when *ends* is a time:
    ``DTEND``, if later than ``DTSTART`` as written (to the second), else
    ``None``; its length, ``DURATION`` (exact, to the second), when no time
    in UTC can be at *ends* (:func:`beyond_utc`), as no ``DTEND`` can follow.

    Example:
        >>> starts = pendulum.datetime(9999, 12, 31, 12, tz="UTC")
        >>> timed_end(starts, starts.add(hours=2))
        'DTEND:99991231T140000Z'
        >>> timed_end(starts, pendulum.datetime(9999, 12, 31, 22, tz="America/New_York"))
        'DURATION:PT15H'
    """
    if not isinstance(ends, pendulum.DateTime):
        return None
    seconds = since_epoch(ends) // _SECOND - since_epoch(starts) // _SECOND
    if seconds <= 0:
        return None
    if beyond_utc(ends) is None:
        return f"DTEND:{utc_text(utc(ends))}"
    return f"DURATION:{_duration_text(seconds)}"


def day_start(day: _dt.date) -> tuple[str, _dt.datetime]:
    """
    The start of an all-day event on *day* (``DTSTART;VALUE=DATE``), and where
    it sorts: the start of that day in UTC.  With no ``DTEND`` it lasts that
    one day (RFC 5545, 3.6.1).
    """
    return f"DTSTART;VALUE=DATE:{_date_text(day)}", moment_span(day)[0]


def all_day_end(first: _dt.date, last: _dt.date) -> str:
    """
    The end of an all-day event from *first* to *last*: ``DTEND``, the day
    after *last* (exclusive); ``DURATION`` when that day is past 9999-12-31.
    """
    if last < _dt.date.max:
        return f"DTEND;VALUE=DATE:{_date_text(last + _dt.timedelta(days=1))}"
    return f"DURATION:P{(last - first).days + 1}D"


def check_stamp(moment: Moment, path: str) -> None:
    """
    Refuse the moment that ``DTSTAMP`` is (*stamp*, else *at*: *path*) when
    no time in UTC can be at it (:func:`beyond_utc`).  A date (or a month, a
    year) is written as the start of its first day in UTC, which always can.

    Example:
        >>> check_stamp(pendulum.datetime(9999, 12, 31, 20, tz="America/New_York"), "at")
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: at: 9999-12-31T20:00:00-05:00[America/New_York], the calendar's DTSTAMP, is after the end of 9999-12-31 in UTC: an iCalendar file writes its times in UTC, in the years 0001 to 9999, and cannot write it
    """
    edge = beyond_utc(moment) if isinstance(moment, _dt.datetime) else None
    if edge is not None:
        message = f"{moment_text(moment)}, the calendar's DTSTAMP, is {edge}"
        raise ValidationError([(path, f"{message}: {NO_UTC}")])
