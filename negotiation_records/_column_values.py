"""
A record's field values as the values of its Arrow columns (private), for
:mod:`negotiation_records.tables`: one function per kind of column, each giving
a tuple with one value per column, and :class:`UnfitError` for a value of a
valid record that its column cannot hold (an integer beyond int64).

Moments become UTC microseconds since 1970 (cut to the calendar's edges), a
zone name, a precision and the moment's text; days become days since 1970.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any, Final

from negotiation_records._deadline_arithmetic import start_of_day
from negotiation_records._in_words import describe_start
from negotiation_records._values import short_repr
from negotiation_records.deadlines import Deadline
from negotiation_records.timeutil import (
    EPOCH,
    Moment,
    PartialDate,
    moment_text,
    since_epoch,
    zone_name,
)


__all__ = [
    "UnfitError",
    "choice",
    "day",
    "deadline",
    "float64",
    "int64",
    "maybe_moment",
    "moment",
    "one",
    "start",
    "status",
    "text_of",
]

_INT64_MIN: Final = -(2**63)
_INT64_MAX: Final = 2**63 - 1
_MICROSECOND: Final = since_epoch(EPOCH.replace(microsecond=1))
_DAY_US: Final = 86_400_000_000
_EPOCH_DAY: Final = EPOCH.toordinal()
#: The first and last microsecond of the calendar in UTC, since 1970: an
#: instant beyond them (9999-12-31 in New York ends in 10000 in UTC) is cut to
#: them, as :func:`~negotiation_records.timeutil.moment_span` cuts, so that
#: every timestamp converts (pandas and Python cannot hold year 0 or 10000).
_FIRST_US: Final = (1 - _EPOCH_DAY) * _DAY_US
_LAST_US: Final = (_dt.date.max.toordinal() + 1 - _EPOCH_DAY) * _DAY_US - 1


def _utc_micros(instant: _dt.datetime) -> int:
    """An instant's UTC microseconds since 1970, cut to the calendar's edges."""
    return min(max(since_epoch(instant) // _MICROSECOND, _FIRST_US), _LAST_US)


class UnfitError(Exception):
    """A value the column cannot hold; *where* is the path inside the field."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where


def one(value: Any) -> tuple[Any, ...]:
    """A value its column holds as it is."""
    return (value,)


def choice(value: Any) -> tuple[Any, ...]:
    """An enum member (or ``None``) as its value."""
    return (None if value is None else value.value,)


def status(value: Any) -> tuple[Any, ...]:
    """A status: a member as its value, text (a status of your own) as it is."""
    return (value.value if isinstance(value, enum.Enum) else value,)


def text_of(value: Any) -> tuple[Any, ...]:
    """A value written as its text."""
    return (str(value),)


def int64(value: Any) -> tuple[Any, ...]:
    """An integer, which must fit an int64 column."""
    if not _INT64_MIN <= value <= _INT64_MAX:
        raise UnfitError(f"{short_repr(value)} does not fit an int64 column")
    return (value,)


def float64(value: Any) -> tuple[Any, ...]:
    """A number, which a float64 column must hold exactly."""
    try:
        number = float(value)
    except OverflowError:
        number = None
    if number is None or (value.__class__ is int and int(number) != value):
        raise UnfitError(
            f"{short_repr(value)} cannot be held exactly by a float64 column"
        )
    return (number,)


def day(value: Any) -> tuple[Any, ...]:
    """A date as days since 1970."""
    return (value.toordinal() - _EPOCH_DAY,)


def moment(value: Moment) -> tuple[Any, ...]:
    """UTC microseconds, zone name, precision and text of a moment."""
    if isinstance(value, PartialDate):
        precision = "year" if value.month is None else "month"
        begins = (value.start.toordinal() - _EPOCH_DAY) * _DAY_US
        return (begins, None, precision, str(value))
    if isinstance(value, _dt.datetime):  # zone-aware: records hold no naive ones
        micros = _utc_micros(value)
        return (micros, zone_name(value), "instant", moment_text(value))
    begins = (value.toordinal() - _EPOCH_DAY) * _DAY_US
    return (begins, None, "day", value.isoformat())


def maybe_moment(value: Moment | None) -> tuple[Any, ...]:
    """The columns of :func:`moment`, all empty for ``None``."""
    return (None, None, None, None) if value is None else moment(value)


def deadline(value: Deadline) -> tuple[Any, ...]:
    """Cutoff in UTC microseconds, zone, precision, due text and rule of a deadline."""
    return _deadline_row(value, value.cutoff)


def start(value: Deadline) -> tuple[Any, ...]:
    """
    The columns of a deadline that marks a start (an agreement's entry into
    force): its instant is the start of its day in its zone, or its datetime.
    """
    due = value.due
    rule = describe_start(value)
    if isinstance(due, _dt.datetime) or not isinstance(due, _dt.date):
        return _deadline_row(value, value.cutoff, rule)  # a datetime: itself
    return _deadline_row(value, start_of_day(due, value.zone), rule)


def _deadline_row(
    value: Deadline, instant: _dt.datetime, rule: str | None = None
) -> tuple[Any, ...]:
    precision = "instant" if isinstance(value.due, _dt.datetime) else "day"
    return (
        _utc_micros(instant),
        zone_name(instant),
        precision,
        moment_text(value.due),
        value.describe_rule() if rule is None else rule,
    )
