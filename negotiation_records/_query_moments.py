"""
When a question is asked (private): the moment and the instant a query is
asked at, and the horizon of a window after it.

The public names are :mod:`negotiation_records.queries`'s, which re-exports
them: :func:`as_of`, :func:`as_of_instant`, :func:`horizon` and
:func:`at_and_horizon`.
"""

from __future__ import annotations

import datetime as _dt

import pendulum

from negotiation_records._argument_problems import ArgumentProblems
from negotiation_records._counted_period import counted_period
from negotiation_records._deadline_arithmetic import start_of_day
from negotiation_records.deadlines import Deadline
from negotiation_records.errors import ValidationError
from negotiation_records.timeutil import (
    Moment,
    PartialDate,
    Period,
    moment_argument,
    since_epoch,
)


__all__ = [
    "as_of",
    "as_of_instant",
    "at_and_horizon",
    "due_by",
    "horizon",
    "start_in_utc",
]


def as_of(at: Moment | _dt.date | None) -> Moment:
    """
    The moment a question is asked about: *at*, or now in UTC.

    Example:
        >>> from negotiation_records.queries import as_of
        >>> as_of(pendulum.date(2025, 7, 20))
        Date(2025, 7, 20)
        >>> as_of(None).timezone_name
        'UTC'
    """
    if at is None:
        return pendulum.now(pendulum.UTC)
    return moment_argument(at, "at")


def as_of_instant(at: Moment | _dt.date | None) -> pendulum.DateTime:
    """
    The one instant a question asked as of *at* is answered at: a datetime
    *at* itself; a date the start of that day in UTC, a month or a year the
    start of its first day in UTC (where :meth:`Negotiation.as_of
    <negotiation_records.Negotiation.as_of>` reads it, by
    :func:`~negotiation_records.timeutil.is_known_by`); now in UTC by
    default.  The deadline queries take both the snapshot and every
    :meth:`Deadline.is_past <negotiation_records.Deadline.is_past>` and
    :meth:`~negotiation_records.Deadline.remaining` at this instant.

    Example:
        >>> from negotiation_records import as_of_instant
        >>> as_of_instant(pendulum.date(2025, 9, 2))
        DateTime(2025, 9, 2, 0, 0, 0, tzinfo=Timezone('UTC'))
        >>> as_of_instant(PartialDate(2025, 9))
        DateTime(2025, 9, 1, 0, 0, 0, tzinfo=Timezone('UTC'))
    """
    moment = as_of(at)
    if isinstance(moment, pendulum.DateTime):
        return moment
    return start_in_utc(moment.start if isinstance(moment, PartialDate) else moment)


def start_in_utc(day: _dt.date) -> pendulum.DateTime:
    """The first instant of *day* in UTC: where the snapshot reads a day."""
    return pendulum.DateTime(day.year, day.month, day.day, tzinfo=pendulum.UTC)


def horizon(
    at: Moment | _dt.date | None, within: Period | _dt.timedelta | str
) -> Moment:
    """
    The end of the window *within* after *at* (now, in UTC, by default): what
    :func:`upcoming_deadlines` keeps to.

    A datetime *at* counts from its instant.  A date, a month or a year counts
    from its first day: with a calendar period (years, months, weeks, days) the
    horizon is a date, which includes its whole day (``2025-08`` plus ``P1M``
    is 1 September); with hours, minutes or seconds, from the start of that
    day in UTC, as :meth:`Negotiation.as_of
    <negotiation_records.Negotiation.as_of>` reads a day (``2025-08-22`` plus
    ``PT48H`` is 24 August, 00:00 UTC).  The period is added by the rules of
    :meth:`Deadline.after <negotiation_records.Deadline.after>`; a bad
    period, or a horizon past the calendar, is a
    :class:`~negotiation_records.ValidationError` at ``within`` (a bad *at*
    at ``at``).

    Example:
        >>> from negotiation_records.queries import horizon
        >>> horizon(pendulum.date(2025, 8, 26), "P7D")
        Date(2025, 9, 2)
        >>> horizon(PartialDate(2025, 8), "P1M")
        Date(2025, 9, 1)
        >>> horizon(pendulum.date(2025, 8, 22), "PT48H")
        DateTime(2025, 8, 24, 0, 0, 0, tzinfo=Timezone('UTC'))
    """
    moment, end = at_and_horizon(at, within)
    return _horizon(moment, within) if end is None else end  # None: refused there


def at_and_horizon(
    at: Moment | _dt.date | None, within: Period | _dt.timedelta | str | None
) -> tuple[Moment, Moment | None]:
    """
    *at* read as :func:`as_of` reads it, and the :func:`horizon` *within*
    after it (``None`` without *within*): the arguments of
    :func:`upcoming_deadlines` and :func:`all_upcoming_deadlines`, checked
    together.  A bad *at* and a bad *within* are reported at once, at ``at``
    and at ``within``; whether a good period runs past the calendar depends
    on *at*, and is asked once *at* is good.

    Example:
        >>> from negotiation_records.queries import at_and_horizon
        >>> at_and_horizon(pendulum.date(2025, 8, 26), "P7D")
        (Date(2025, 8, 26), Date(2025, 9, 2))
        >>> at_and_horizon("2025-08-26", "P7")
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: 2 problems:
          at: must be a date, a zone-aware datetime or a PartialDate, got str '2025-08-26' (parse text with parse_moment)
          within: 'P7' is not an ISO 8601 duration of whole non-negative parts (like P50D, PT48H, P3M or P1Y2M10DT2H30M)
    """
    arguments = ArgumentProblems()
    moment = arguments.read(lambda: as_of(at))
    if within is None:
        arguments.raise_any()
        assert moment is not None  # noqa: S101 - no problem: at was read
        return moment, None
    if moment is None:  # the period alone, with no moment to add it to
        arguments.add(_period_problems(within))
        arguments.raise_any()
    assert moment is not None  # noqa: S101 - no problem: at was read
    return moment, _horizon(moment, within)


def _period_problems(within: object) -> list[tuple[str, str]]:
    """
    The problems, at ``within``, of *within* as :meth:`Deadline.after
    <negotiation_records.Deadline.after>` reads a period.
    """
    try:
        counted_period(within, {})  # type: ignore[arg-type]
    except ValidationError as exc:
        return list(exc.renamed({"period": "within"}).errors)
    return []


def _horizon(at: Moment, within: Period | _dt.timedelta | str) -> Moment:
    """*at* + *within* (see :func:`horizon`): a datetime, or a date (that whole day)."""
    try:
        return Deadline.after(_counted_from(at, within), within).due
    except ValidationError as exc:
        raise exc.renamed({"period": "within", "anchor": "at"}) from exc.__cause__


def _counted_from(at: Moment, within: Period | _dt.timedelta | str) -> pendulum.Date:
    """
    Where a horizon counts from: *at* itself if a datetime; else its first day,
    as a date for a calendar period and as that day's first instant in UTC for
    a period with hours, minutes or seconds.
    """
    if isinstance(at, pendulum.DateTime):
        return at
    day = at.start if isinstance(at, PartialDate) else at
    try:
        exact = Period.coerce(within).has_exact_part
    except Exception:  # noqa: BLE001 - a bad period: Deadline.after reports it
        return day
    if not exact:
        return day
    return start_in_utc(day)


def due_by(deadline: Deadline, horizon: Moment) -> bool:
    """Whether *deadline* falls due by *horizon* (see :func:`upcoming_deadlines`)."""
    if isinstance(deadline.due, pendulum.DateTime):
        if isinstance(horizon, pendulum.DateTime):
            return deadline.is_past(horizon)
        assert isinstance(horizon, pendulum.Date)  # noqa: S101 - from Deadline.after
        if horizon >= _dt.date.max:  # the whole calendar
            return True
        return deadline.is_past(horizon + _dt.timedelta(days=1))
    if isinstance(horizon, pendulum.DateTime):
        # The due day has begun, in the deadline's zone (never overflows).
        assert isinstance(deadline.due, _dt.date)  # noqa: S101 - a date deadline
        begun = start_of_day(deadline.due, deadline.zone)
        return since_epoch(horizon) >= since_epoch(begun)
    return bool(horizon >= deadline.due)
