"""
Time in words (private): a length of time, as :meth:`Deadline.describe
<negotiation_records.Deadline.describe>` says it, and a deadline that marks a
start, as the timeline and the tables say an entry into force.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pendulum

from negotiation_records._deadline_arithmetic import anchor_day, resolve_day
from negotiation_records.timeutil import Moment, moment_text


if TYPE_CHECKING:
    from negotiation_records.deadlines import Deadline


__all__ = [
    "business_days_words",
    "counting_words",
    "describe_start",
    "in_words",
    "rule_words",
]

_UNITS = (
    ("year", 365 * 86400),
    ("month", 30 * 86400),
    ("week", 7 * 86400),
    ("day", 86400),
    ("hour", 3600),
    ("minute", 60),
)


def in_words(seconds: float) -> str:
    """
    *seconds* (not negative) in the largest unit that fits at least twice,
    rounded down: a month is 30 days, a year 365.

    Example:
        >>> in_words(13 * 86400), in_words(14 * 86400), in_words(119), in_words(1)
        ('13 days', '2 weeks', '1 minute', '1 second')
    """
    for name, size in _UNITS:
        if seconds >= 2 * size:
            return f"{int(seconds // size)} {name}s"
    if seconds >= 60:
        return "1 minute"
    if seconds < 1:
        return "less than a second"
    count = int(seconds)
    return f"{count} second" + ("" if count == 1 else "s")


def describe_start(
    deadline: Deadline, show: Callable[[Moment], str] = moment_text
) -> str:
    """
    A deadline that marks a start (an agreement's entry into force) in words:
    on its day, with its zone (a start, not the end of that day, which a
    deadline's own rule says: ``on 2021-01-22, America/New_York``), at its
    datetime (written by *show*), or its counting rule (``90 days after
    2020-10-24``).
    """
    words = counting_words(deadline)
    if words is None:
        where = "" if deadline.tz is None else f", {deadline.tz}"
        return f"on {show(deadline.due)}{where}"
    return words


def counting_words(deadline: Deadline) -> str | None:
    """
    How *deadline* is counted, in words, with the notes on its calendar but
    not the end of the day (for a start, or where the due day's end is said
    beside it): ``10 business days after 2025-12-19 (not 2025-12-25)``;
    ``None`` for a deadline on a fixed day or instant.
    """
    counted = _counting_rule(deadline)
    return None if counted is None else _with_notes(*counted[:2])


_WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


def business_days_words(deadline: Deadline) -> tuple[str, list[str]]:
    """
    A business-day rule in words, and notes on the calendar it counted by
    where that is not Monday to Friday alone: another weekend, the holidays
    skipped and the weekend days worked (the ones
    :meth:`Deadline.after_business_days
    <negotiation_records.Deadline.after_business_days>` kept, those inside
    the count), so that two rules that fall due apart read apart.

    Example:
        >>> import pendulum
        >>> from negotiation_records import Deadline
        >>> Deadline.after_business_days(
        ...     pendulum.date(2025, 7, 14), 5, holidays=[pendulum.date(2025, 7, 16)]
        ... ).describe_rule()
        '5 business days after 2025-07-14 (not 2025-07-16)'
    """
    n = deadline.business_days
    unit = "business day" if n == 1 else "business days"
    text = f"{n} {unit} after {moment_text(deadline.anchor)}"  # type: ignore[arg-type]
    notes = []
    if deadline.weekend != frozenset({5, 6}):
        days = [_WEEKDAYS[day] for day in sorted(deadline.weekend)] or ["none"]
        names = " and ".join([", ".join(days[:-1]), days[-1]] if days[:-1] else days)
        notes.append(f"weekend {names}")
    for word, dates in (("not", deadline.holidays), ("working", deadline.workdays)):
        if dates:
            shown = ", ".join(str(day) for day in dates[:3])
            if len(dates) > 3:
                shown += f" and {len(dates) - 3} more"
            notes.append(f"{word} {shown}")
    return text, notes


def rule_words(deadline: Deadline) -> str:
    """
    A deadline's rule in words (:meth:`Deadline.describe_rule
    <negotiation_records.Deadline.describe_rule>`): its counting rule, or
    the day or instant it is on; a deadline on a day names the zone whose
    day ends it (one on a fixed day always, UTC if it names none: nothing
    else places that day; a counted one only when it names a zone, so that
    the rules written before zones were named read as they did, its day
    UTC's).
    """
    day_ends = not isinstance(deadline.due, pendulum.DateTime)
    counted = _counting_rule(deadline)
    if counted is None:
        rule = f"on {moment_text(deadline.due)}"
        return (
            f"{rule} (to the end of the day, {deadline.tz or 'UTC'})"
            if day_ends
            else rule
        )
    rule, notes, zone_named = counted
    if day_ends and deadline.tz is not None and not zone_named:
        notes.append(f"to the end of the day, {deadline.tz}")
    return _with_notes(rule, notes)


def _with_notes(text: str, notes: list[str]) -> str:
    return f"{text} ({'; '.join(notes)})" if notes else text


def _counting_rule(deadline: Deadline) -> tuple[str, list[str], bool] | None:
    """
    The counting rule of *deadline* in words, notes on it, and whether they
    name its zone (``None``: a deadline on a fixed day or instant).
    """
    anchor = deadline.anchor
    if anchor is None:
        return None
    if deadline.period is not None:
        way = "before" if deadline.counts_back else "after"
        return f"{deadline.period.describe()} {way} {moment_text(anchor)}", [], False
    if deadline.day is not None:
        rule = f"day {deadline.day} counting from {moment_text(anchor)}"
        first = resolve_day(anchor, 1, deadline.tz)
        if first != anchor_day(anchor):
            return rule, [f"day 1 is {first} in {deadline.tz or 'UTC'}"], True
        return rule, ["day 1"], False
    if deadline.business_days is not None:
        return (*business_days_words(deadline), False)
    return None
