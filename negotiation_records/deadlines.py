"""
Deadlines: when something falls due, how long is left, and how it was revised.

A :class:`Deadline` keeps its *rule* — an absolute moment, an anchor plus a
:class:`~negotiation_records.Period`, or an anchor plus a number of business days
— together with the resolved ``due`` moment.  The rules (see :doc:`/deadlines`):

* calendar parts of a period (years, months, weeks, days) move the wall clock in
  the anchor's zone; exact parts (hours, minutes, seconds) are elapsed time, added
  after the calendar parts.  48 hours across a daylight-saving change is not two
  days;
* a month from 31 January is the last day of February (29 February in a leap
  year); periods are always added to the anchor, never stepped;
* a date-precision deadline lasts to the end of its day in the zone it names
  (UTC when it names none): it is past from the first instant of the next day;
* a period must be positive; an exact period (hours, minutes, seconds) needs an
  anchor with a time of day.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Container, Iterable
from typing import Any

import attrs
import pendulum

from negotiation_records._validators import (
    SOURCE_REFS,
    Problems,
    Record,
    as_optional_text,
    as_text_tuple,
    as_tuple,
    check_instance,
    check_int,
    check_slug,
    check_text,
    check_tuple,
    checked,
    optional,
    short_repr,
    type_name,
)
from negotiation_records.errors import ValidationError, join_path
from negotiation_records.timeutil import (
    Moment,
    PartialDate,
    Period,
    check_date,
    check_moment,
    format_moment,
    moment_eq_key,
    to_date,
    to_moment,
    to_optional_moment,
    zone,
)


__all__ = ["Deadline", "DeadlineRevision"]

_MAX_BUSINESS_DAYS = 100_000
_UTC = pendulum.UTC


def _check_due(value: object) -> Problems:
    if isinstance(value, PartialDate):
        return [("", "must be a date or a datetime, not a month or a year")]
    return check_moment(value)


def _check_anchor(value: object) -> Problems:
    if isinstance(value, PartialDate):
        return [("", f"must be a date or a datetime to count from, not {value}")]
    return check_moment(value)


def _check_period(value: object) -> Problems:
    if not isinstance(value, Period):
        return [("", f"must be a Period, got {type_name(value)} {short_repr(value)}")]
    if value.is_zero:
        return [("", "must be a positive period, got a zero period")]
    return []


def _check_zone_name(value: object) -> Problems:
    try:
        zone(value)  # type: ignore[arg-type]
    except ValidationError:
        return [("", f"unknown time zone {short_repr(value)}")]
    return []


def _as_holidays(
    value: Iterable[pendulum.Date | _dt.date],
) -> tuple[pendulum.Date, ...]:
    items = as_tuple(value)
    if isinstance(items, tuple):
        return tuple(to_date(item) for item in items)
    return items


def _is_business_day(day: _dt.date, holidays: Container[Any]) -> bool:
    return day.weekday() < 5 and day not in holidays


def _count_business_days(
    start: pendulum.Date, n: int, holidays: Container[Any]
) -> tuple[pendulum.Date, tuple[pendulum.Date, ...]]:
    """The *n*-th business day after *start*, and the weekday holidays skipped."""
    day = start
    skipped: list[pendulum.Date] = []
    counted = 0
    while counted < n:
        day = day.add(days=1)
        if day.weekday() >= 5:
            continue
        if day in holidays:
            skipped.append(day)
            continue
        counted += 1
    return day, tuple(skipped)


def _add_period(anchor: pendulum.Date, period: Period) -> Moment:
    """Add *period* to *anchor*: calendar parts on the wall clock, then exact parts."""
    if isinstance(anchor, pendulum.DateTime):
        moved = anchor.add(
            years=period.years,
            months=period.months,
            weeks=period.weeks,
            days=period.days,
        )
        if period.has_exact_part:
            moved = moved.add(
                hours=period.hours, minutes=period.minutes, seconds=period.seconds
            )
        return moved
    return anchor.add(
        years=period.years, months=period.months, weeks=period.weeks, days=period.days
    )


@attrs.frozen(kw_only=True, order=False)
class Deadline(Record):
    """
    When something falls due, with the rule that put it there.

    Build one with :meth:`on`, :meth:`after` or :meth:`after_business_days`; the
    constructor itself is for loading, and checks that ``due`` follows from the
    rule.  Deadlines sort by the instant they pass (:attr:`cutoff`).

    Attributes:
        due: The moment it falls due: a date (lasting to the end of that day in
            ``tz``) or a zone-aware datetime.
        tz: For a date ``due``, the IANA zone whose end of day is the limit
            (``None`` means UTC).  A datetime carries its own zone.
        anchor: What a relative deadline counts from.
        period: For :meth:`after`, the period added to ``anchor``.
        business_days: For :meth:`after_business_days`, how many business days.
        holidays: For :meth:`after_business_days`, the weekday holidays that were
            skipped (kept so that the rule can be checked without a calendar).

    Example:
        >>> deadline = Deadline.after(pendulum.date(2025, 7, 14), days=50)
        >>> deadline.due
        Date(2025, 9, 2)
        >>> deadline.describe(at=pendulum.datetime(2025, 8, 12, tz="UTC"))
        'due in 3 weeks'
    """

    due: Moment = attrs.field(
        converter=to_moment, eq=moment_eq_key, metadata=checked(_check_due)
    )
    tz: str | None = attrs.field(
        default=None, metadata=checked(optional(_check_zone_name))
    )
    anchor: Moment | None = attrs.field(
        default=None,
        converter=to_optional_moment,
        eq=moment_eq_key,
        metadata=checked(optional(_check_anchor)),
    )
    period: Period | None = attrs.field(
        default=None, metadata=checked(optional(_check_period))
    )
    business_days: int | None = attrs.field(
        default=None, metadata=checked(optional(check_int(1)))
    )
    holidays: tuple[pendulum.Date, ...] = attrs.field(
        default=(),
        converter=_as_holidays,
        metadata=checked(check_tuple(check_date, unique="holiday")),
    )

    # --- constructors ---------------------------------------------------------

    @classmethod
    def on(cls, moment: Moment | _dt.date, *, tz: str | None = None) -> Deadline:
        """
        A deadline at an absolute moment.

        A date means the end of that day in *tz* (UTC if not given); a month or a
        year means the end of its last day.  A datetime keeps its zone, or is
        shown in *tz* when given (the instant does not change).

        Example:
            >>> Deadline.on(pendulum.date(2019, 3, 29), tz="Europe/London").cutoff
            DateTime(2019, 3, 30, 0, 0, 0, tzinfo=Timezone('Europe/London'))
        """
        due = to_moment(moment)
        if isinstance(due, PartialDate):
            due = due.end
        if tz is not None and isinstance(due, pendulum.DateTime):
            due = due.in_timezone(zone(tz))
            tz = None
        return cls(due=due, tz=tz)

    @classmethod
    def after(
        cls,
        anchor: Moment | _dt.date,
        period: Period | _dt.timedelta | str | None = None,
        *,
        tz: str | None = None,
        **parts: int,
    ) -> Deadline:
        """
        A deadline a period after *anchor*.

        *period* is a :class:`~negotiation_records.Period`, a
        :class:`pendulum.Duration` (or ``timedelta``), an ISO 8601 duration such
        as ``"P50D"``; or give keyword parts instead (``days=50``).  From a date
        only calendar parts make sense: ``PT48H`` needs a datetime anchor.

        Example:
            >>> ny = pendulum.datetime(2025, 3, 8, 12, tz="America/New_York")
            >>> Deadline.after(ny, "PT48H").due   # across the DST change
            DateTime(2025, 3, 10, 13, 0, 0, tzinfo=Timezone('America/New_York'))
            >>> Deadline.after(ny, days=2).due
            DateTime(2025, 3, 10, 12, 0, 0, tzinfo=Timezone('America/New_York'))
        """
        if period is not None and parts:
            raise ValidationError(
                [("period", "give a period or keyword parts, not both")]
            )
        try:
            resolved = Period(**parts) if period is None else Period.coerce(period)
        except TypeError as exc:
            raise ValidationError([("period", f"unknown period part: {exc}")]) from None
        except ValidationError as exc:
            raise exc.prefixed("period") from None
        start = to_moment(anchor)
        problems = _prefixed(_check_anchor(start), "anchor") + _prefixed(
            _check_period(resolved), "period"
        )
        if problems:
            raise ValidationError(problems)
        due = _resolve_after(start, resolved)
        return cls(due=due, anchor=start, period=resolved, tz=tz)

    @classmethod
    def after_business_days(
        cls,
        anchor: Moment | _dt.date,
        n: int,
        *,
        holidays: Container[Any] = (),
        tz: str | None = None,
    ) -> Deadline:
        """
        A deadline *n* business days (Monday to Friday) after *anchor*.

        The anchor's own day is not counted.  *holidays* is any container of dates
        (a set, a list, or a calendar from the ``holidays`` package); the weekday
        holidays actually skipped are kept in :attr:`holidays`.  From a datetime the
        deadline keeps its time of day.

        Example:
            >>> christmas = {pendulum.date(2025, 12, 25), pendulum.date(2025, 12, 26)}
            >>> Deadline.after_business_days(
            ...     pendulum.date(2025, 12, 19), 5, holidays=christmas
            ... ).due
            Date(2025, 12, 30)
        """
        start = to_moment(anchor)
        problems = _prefixed(_check_anchor(start), "anchor") + _prefixed(
            check_int(1)(n), "business_days"
        )
        if not problems and n > _MAX_BUSINESS_DAYS:
            problems.append(
                ("business_days", f"must be at most {_MAX_BUSINESS_DAYS}, got {n}")
            )
        if problems:
            raise ValidationError(problems)
        assert isinstance(start, pendulum.Date)  # noqa: S101 - narrowed by _check_anchor
        day = start.date() if isinstance(start, pendulum.DateTime) else start
        try:
            last, skipped = _count_business_days(day, n, holidays)
        except (OverflowError, ValueError) as exc:
            raise ValidationError(
                [("business_days", f"runs past the calendar: {exc}")]
            ) from None
        due: Moment = last
        if isinstance(start, pendulum.DateTime):
            due = start.add(days=(last - day).days)
        return cls(due=due, anchor=start, business_days=n, holidays=skipped, tz=tz)

    # --- validation -----------------------------------------------------------

    def _problems(self) -> Iterable[tuple[str, str]]:
        problems: Problems = []
        if self.tz is not None and isinstance(self.due, pendulum.DateTime):
            problems.append(
                ("tz", "is only for a date deadline; a datetime carries its own zone")
            )
        if self.period is not None and self.business_days is not None:
            problems.append(
                ("business_days", "give a period or business days, not both")
            )
            return problems
        if self.holidays and self.business_days is None:
            problems.append(("holidays", "only a business-day deadline skips holidays"))
        if (
            self.period is not None or self.business_days is not None
        ) and self.anchor is None:
            problems.append(("anchor", "a relative deadline needs an anchor"))
            return problems
        if (
            self.anchor is not None
            and self.period is None
            and self.business_days is None
        ):
            problems.append(("anchor", "an anchor needs a period or business days"))
            return problems
        if self.anchor is None:
            return problems
        try:
            if self.period is not None:
                expected = _resolve_after(self.anchor, self.period)
                rule = f"{format_moment(self.anchor)} + {self.period}"
            else:
                assert self.business_days is not None  # noqa: S101
                expected = self._resolve_business_days(self.anchor, self.business_days)
                rule = f"{self.business_days} business days after {format_moment(self.anchor)}"
        except ValidationError as exc:
            return problems + list(exc.errors)
        if moment_eq_key(expected) != moment_eq_key(self.due):
            problems.append(
                (
                    "due",
                    f"{format_moment(self.due)} does not follow from the rule "
                    f"({rule} = {format_moment(expected)})",
                )
            )
        if self.holidays and self.business_days is not None:
            day = _anchor_day(self.anchor)
            last = _anchor_day(expected)
            stray = [
                h for h in self.holidays if not (day < h <= last and h.weekday() < 5)
            ]
            if stray:
                problems.append(
                    (
                        "holidays",
                        f"{format_moment(stray[0])} is not a weekday inside the count",
                    )
                )
        return problems

    def _resolve_business_days(self, anchor: Moment, n: int) -> Moment:
        day = _anchor_day(anchor)
        last, _ = _count_business_days(day, n, frozenset(self.holidays))
        if isinstance(anchor, pendulum.DateTime):
            return anchor.add(days=(last - day).days)
        return last

    # --- questions ------------------------------------------------------------

    @property
    def zone(self) -> pendulum.Timezone | pendulum.FixedTimezone:
        """The zone in which the deadline is read."""
        if isinstance(self.due, pendulum.DateTime):
            return self.due.tzinfo  # type: ignore[return-value]
        return zone(self.tz) if self.tz is not None else _UTC

    @property
    def cutoff(self) -> pendulum.DateTime:
        """
        The first instant at which the deadline has passed.

        For a datetime ``due`` it is ``due`` itself.  For a date it is the first
        instant of the next day in the deadline's zone (the exclusive midnight, or
        the first existing time if midnight is skipped by a clock change).

        Example:
            >>> Deadline.on(pendulum.date(2025, 9, 2)).cutoff
            DateTime(2025, 9, 3, 0, 0, 0, tzinfo=Timezone('UTC'))
        """
        due = self.due
        if isinstance(due, pendulum.DateTime):
            return due
        assert isinstance(due, pendulum.Date)  # noqa: S101 - PartialDate refused on construction
        nxt = due.add(days=1)
        return pendulum.datetime(nxt.year, nxt.month, nxt.day, tz=self.zone)

    def remaining(self, at: Moment | _dt.datetime | None = None) -> pendulum.Duration:
        """
        Time left until :attr:`cutoff` (negative once passed); *at* defaults to now.

        A date *at* means the start of that day in the deadline's zone.

        Example:
            >>> d = Deadline.on(pendulum.datetime(2025, 9, 2, 12, tz="Europe/Kyiv"))
            >>> d.remaining(at=pendulum.datetime(2025, 9, 2, 9, tz="UTC")).in_hours()
            0
            >>> d.remaining(at=pendulum.datetime(2025, 9, 1, 9, tz="UTC")).in_hours()
            24
        """
        instant = self._instant(at)
        delta = _dt.datetime.__sub__(self.cutoff, instant)
        return pendulum.duration(
            days=delta.days, seconds=delta.seconds, microseconds=delta.microseconds
        )

    def is_past(self, at: Moment | _dt.datetime | None = None) -> bool:
        """
        Whether the deadline has passed at *at* (now by default).

        Example:
            >>> d = Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv")
            >>> d.is_past(at=pendulum.datetime(2025, 9, 2, 20, tz="UTC"))
            False
            >>> d.is_past(at=pendulum.datetime(2025, 9, 2, 21, tz="UTC"))
            True
        """
        return self._instant(at) >= self.cutoff

    def describe(self, at: Moment | _dt.datetime | None = None) -> str:
        """
        In words: ``"due in 3 weeks"``, ``"passed 2 days ago"``, ``"due now"``.

        Amounts are rounded down to the largest fitting unit.

        Example:
            >>> d = Deadline.on(pendulum.date(2025, 9, 2))
            >>> d.describe(at=pendulum.date(2025, 9, 5))
            'passed 2 days ago'
        """
        seconds = self.remaining(at).total_seconds()
        if seconds == 0:
            return "due now"
        amount = _humanize(abs(seconds))
        return f"due in {amount}" if seconds > 0 else f"passed {amount} ago"

    def _instant(self, at: Moment | _dt.datetime | None) -> _dt.datetime:
        if at is None:
            return pendulum.now(_UTC)
        moment = to_moment(at)
        problems = check_moment(moment)
        if problems:
            raise ValidationError(_prefixed(problems, "at"))
        if isinstance(moment, pendulum.DateTime):
            return moment
        day = moment.start if isinstance(moment, PartialDate) else moment
        assert isinstance(day, _dt.date)  # noqa: S101
        return pendulum.datetime(day.year, day.month, day.day, tz=self.zone)

    # ordering by cutoff ---------------------------------------------------------

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Deadline):
            return NotImplemented
        return self.cutoff < other.cutoff

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Deadline):
            return NotImplemented
        return self.cutoff <= other.cutoff

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Deadline):
            return NotImplemented
        return self.cutoff > other.cutoff

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Deadline):
            return NotImplemented
        return self.cutoff >= other.cutoff

    def __str__(self) -> str:
        text = format_moment(self.due)
        if self.tz is not None:
            text += f" (end of day, {self.tz})"
        if self.period is not None:
            text += f" [{self.period} after {format_moment(self.anchor)}]"  # type: ignore[arg-type]
        elif self.business_days is not None:
            text += f" [{self.business_days} business days after {format_moment(self.anchor)}]"  # type: ignore[arg-type]
        return text


def _anchor_day(moment: Moment) -> pendulum.Date:
    if isinstance(moment, pendulum.DateTime):
        return moment.date()
    assert isinstance(moment, pendulum.Date)  # noqa: S101
    return moment


def _resolve_after(anchor: Moment, period: Period) -> Moment:
    if isinstance(anchor, PartialDate):
        raise ValidationError(
            [("anchor", "must be a date or a datetime to count from")]
        )
    if period.has_exact_part and not isinstance(anchor, pendulum.DateTime):
        raise ValidationError(
            [
                (
                    "period",
                    f"{period} has hours, minutes or seconds, which need an anchor with "
                    f"a time of day and a zone; got the date {format_moment(anchor)}",
                )
            ]
        )
    try:
        return _add_period(anchor, period)
    except (OverflowError, ValueError) as exc:
        raise ValidationError(
            [
                (
                    "period",
                    f"{format_moment(anchor)} + {period} is outside the calendar ({exc})",
                )
            ]
        ) from None


def _prefixed(problems: Problems, prefix: str) -> Problems:
    return [(join_path(prefix, path), message) for path, message in problems]


_UNITS = (
    ("year", 365 * 86400),
    ("month", 30 * 86400),
    ("week", 7 * 86400),
    ("day", 86400),
    ("hour", 3600),
    ("minute", 60),
)


def _humanize(seconds: float) -> str:
    """Seconds in the largest unit that fits at least twice, rounded down."""
    for name, size in _UNITS:
        if seconds >= 2 * size:
            return f"{int(seconds // size)} {name}s"
    if seconds >= 60:
        return "1 minute"
    count = int(seconds)
    return f"{count} second" + ("" if count == 1 else "s")


@attrs.frozen(kw_only=True)
class DeadlineRevision(Record):
    """
    An earlier deadline that was replaced, with when and why.

    Kept in order in ``Ultimatum.revisions`` by
    :meth:`~negotiation_records.Ultimatum.revise_deadline`.

    Attributes:
        previous: The deadline as it stood before the change.
        revised_on: When the change was announced.
        reason: Why, in the sources' words (optional).
        statement: The id of the statement that announced it (optional).
        sources: Ids of the sources that report the change.

    Example:
        >>> DeadlineRevision(
        ...     previous=Deadline.after(pendulum.date(2025, 7, 14), days=50),
        ...     revised_on=pendulum.date(2025, 7, 28),
        ...     reason="cut to 10-12 days",
        ... ).previous.due
        Date(2025, 9, 2)
    """

    previous: Deadline = attrs.field(
        metadata=checked(check_instance(Deadline, "a Deadline"))
    )
    revised_on: Moment = attrs.field(
        converter=to_moment, eq=moment_eq_key, metadata=checked(check_moment)
    )
    reason: str | None = attrs.field(
        default=None, converter=as_optional_text, metadata=checked(optional(check_text))
    )
    statement: str | None = attrs.field(
        default=None, metadata=checked(optional(check_slug))
    )
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=as_text_tuple, metadata=checked(SOURCE_REFS)
    )
