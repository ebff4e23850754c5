"""
Windows: the span of days in which something proposed should happen.

"A new round next week" or "by the end of the month" is not a moment but a span
of calendar days.  A :class:`Window` keeps that span (both ends included) and,
optionally, the words the source used.  Weeks are ISO weeks, Monday to Sunday.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pendulum

from negotiation_records._argument_problems import ArgumentProblems
from negotiation_records._record import Record, argument_problems, frozen_record
from negotiation_records._unread import UnreadMoment, read_failure
from negotiation_records._values import described
from negotiation_records.errors import ValidationError
from negotiation_records.fields import (
    DateKind,
    Maybe,
    Text,
    field,
)
from negotiation_records.timeutil import (
    DateInput,
    Moment,
    PartialDate,
    check_moment,
    moment_argument,
    to_date,
    to_moment,
)


__all__ = ["Window"]


def _day_of(value: object, path: str) -> pendulum.Date:
    """
    The calendar date of a date, or of an aware datetime in its own zone.

    Anything else (a naive datetime, text, a month) is refused, naming *path*.
    """
    if isinstance(value, (_dt.datetime, UnreadMoment)):
        read = to_moment(value)  # type: ignore[arg-type]  # a bad zone: UnreadMoment
        problems = check_moment(read)
        if problems:
            error = ValidationError((path, message) for _, message in problems)
            raise error from read_failure([read])
        assert isinstance(value, _dt.datetime)  # noqa: S101 - read: a datetime
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, _dt.date):
        return to_date(value)
    raise ValidationError([(path, f"must be a date, got {described(value)}")])


def _week_after(day: pendulum.Date) -> tuple[pendulum.Date, pendulum.Date]:
    """
    The Monday and the Sunday of the ISO week after *day*'s, or a
    :class:`ValidationError` at ``of`` when that week ends past the calendar.
    """
    try:
        monday = day.subtract(days=day.weekday()).add(weeks=1)
        return monday, monday.add(days=6)
    except OverflowError:
        raise ValidationError(
            [
                (
                    "of",
                    f"the week after {day} is outside the calendar, "
                    f"which ends on {_dt.date.max}",
                )
            ]
        ) from None


@frozen_record(kw_only=True, init=False)
class Window(Record):
    """
    A span of calendar days, both ends included, with the words that named it.

    Build it from a reference date with :meth:`next_week` or
    :meth:`end_of_month`, or give the two ends with :meth:`between`.  Days are
    calendar days wherever the reader is: a datetime is in the window when its
    date, in its own zone, is.

    Attributes:
        start: The first day.
        end: The last day (not before ``start``).
        label: How the source put it ("next week"), optional.

    Example:
        >>> week = Window.next_week(of=pendulum.date(2025, 7, 19))
        >>> week.start, week.end
        (Date(2025, 7, 21), Date(2025, 7, 27))
        >>> week.contains(pendulum.date(2025, 7, 23))
        True
        >>> str(week)
        'next week (2025-07-21..2025-07-27)'
    """

    start: pendulum.Date = field(DateKind())
    end: pendulum.Date = field(DateKind())
    label: str | None = field(Maybe(Text()), default=None)

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            start: DateInput,
            end: DateInput,
            label: str | None = ...,
        ) -> None: ...

    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.end < self.start:
            yield ("end", f"must not be before start ({self.start}), got {self.end}")

    @classmethod
    def between(
        cls, start: _dt.date, end: _dt.date, *, label: str | None = None
    ) -> Window:
        """
        The days from *start* to *end*, both included.

        Example:
            >>> Window.between(pendulum.date(2025, 8, 1), pendulum.date(2025, 8, 8)).days
            8
            >>> Window.between(pendulum.date(2025, 8, 8), pendulum.date(2025, 8, 1))
            Traceback (most recent call last):
            ...
            negotiation_records.errors.ValidationError: end: must not be before start (2025-08-08), got 2025-08-01
        """
        return cls(start=to_date(start), end=to_date(end), label=label)

    @classmethod
    def next_week(
        cls, *, of: _dt.date | pendulum.DateTime, label: str | None = "next week"
    ) -> Window:
        """
        The Monday-to-Sunday week after the one containing *of* (ISO weeks).

        Said on a Sunday, "next week" starts the following day.  *of* is a date,
        or an aware datetime (its date in its own zone).  From Monday 20
        December 9999 on there is no next week in the calendar: a
        :class:`~negotiation_records.ValidationError` at ``of`` (with a bad
        *label*'s problem, if there is one: every problem at once).

        Example:
            >>> Window.next_week(of=pendulum.date(2025, 7, 20)).start   # a Sunday
            Date(2025, 7, 21)
            >>> Window.next_week(of=pendulum.date(2025, 12, 29)).end   # across the year
            Date(2026, 1, 11)
            >>> Window.next_week(of=pendulum.date(9999, 12, 28))
            Traceback (most recent call last):
            ...
            negotiation_records.errors.ValidationError: of: the week after 9999-12-28 is outside the calendar, which ends on 9999-12-31
        """
        return cls._from_day(of, label, _week_after)

    @classmethod
    def end_of_month(
        cls,
        *,
        of: _dt.date | pendulum.DateTime,
        label: str | None = "by the end of the month",
    ) -> Window:
        """
        From *of* to the last day of its month, both included.

        Example:
            >>> Window.end_of_month(of=pendulum.date(2024, 2, 10)).end   # leap year
            Date(2024, 2, 29)
            >>> Window.end_of_month(of=pendulum.date(2025, 2, 10)).days
            19
        """
        return cls._from_day(of, label, lambda day: (day, day.end_of("month")))

    @classmethod
    def _from_day(
        cls,
        of: object,
        label: str | None,
        ends: Callable[[pendulum.Date], tuple[pendulum.Date, pendulum.Date]],
    ) -> Window:
        """
        The window whose *ends* are found from the day *of*, named *label*: a
        bad *of* and a bad *label* are reported together.
        """
        arguments = ArgumentProblems()
        found = arguments.read(lambda: ends(_day_of(of, "of")))
        arguments.add(argument_problems(cls, "label", label)[1])
        arguments.raise_any()
        assert found is not None  # noqa: S101 - no problem: the ends were found
        start, end = found
        return cls(start=start, end=end, label=label)

    @property
    def days(self) -> int:
        """How many days the window spans (both ends counted)."""
        return (self.end - self.start).days + 1

    def contains(self, moment: Moment | _dt.date) -> bool:
        """
        Whether *moment* falls inside the window.

        A datetime counts by its calendar date in its own zone (so 23:30 in Kyiv on
        the last day is inside, although it is already the next day in Tokyo); a
        month or a year counts only if it lies wholly inside.  A naive datetime is
        refused.

        Example:
            >>> week = Window.next_week(of=pendulum.date(2025, 7, 19))
            >>> week.contains(pendulum.datetime(2025, 7, 27, 23, 30, tz="Europe/Kyiv"))
            True
            >>> week.contains(PartialDate(2025, 7))
            False
        """
        value = moment_argument(moment, "moment")  # a date, a datetime or a month
        if isinstance(value, PartialDate):
            return self.start <= value.start and value.end <= self.end
        day = _day_of(value, "moment")
        return self.start <= day <= self.end

    def __str__(self) -> str:
        span = f"{self.start}..{self.end}"
        return f"{self.label} ({span})" if self.label else span
