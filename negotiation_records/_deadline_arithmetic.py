"""
Calendar and clock arithmetic of deadlines (private; see
:mod:`negotiation_records.deadlines` for the rules): the same instant in
another zone, a wall time read by the "compatible" rule, the first instant of a
day, a period added to (or taken from) a moment, the due moment a period or a
day count gives from an anchor, the days a zone's clocks skipped, and business
days counted past weekends, holidays and skipped days (with what a holidays
container must hold).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import os
import struct
import zoneinfo
from collections.abc import Callable, Collection, Container, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, Final

import pendulum

from negotiation_records._values import described, raised_text, short_repr, type_name
from negotiation_records.errors import ValidationError
from negotiation_records.timeutil import (
    EPOCH,
    Moment,
    Period,
    from_stdlib,
    moment_text,
    since_epoch,
    zone,
)


__all__ = [
    "MAX_BUSINESS_DAYS",
    "MAX_DAYS_OFF",
    "HolidayLookupError",
    "NoBusinessDayError",
    "add_calendar",
    "add_period",
    "anchor_day",
    "at_elapsed",
    "count_business_days",
    "counting_zone",
    "holiday_problems",
    "in_zone",
    "lands_on",
    "localize",
    "missing_days",
    "resolve_after",
    "resolve_business_days",
    "resolve_day",
    "skipped_days",
    "start_of_day",
    "too_many_business_days",
    "utc",
    "working_day_rule",
]


def utc(moment: _dt.datetime) -> _dt.datetime:
    """The same instant in UTC.

    Aware datetimes that share a ``tzinfo`` compare and subtract by wall clock in
    Python (a repeated hour compares equal to itself an hour later); in UTC they
    compare as instants.
    """
    return _dt.datetime.astimezone(moment, _dt.UTC)


def in_zone(instant: _dt.datetime, tz: _dt.tzinfo) -> pendulum.DateTime:
    """
    *instant* as a pendulum datetime in *tz* (same instant).

    Raises :class:`OverflowError` when the wall time in *tz* lies outside the
    calendar (before 0001-01-01 or after 9999-12-31).
    """
    if isinstance(tz, (pendulum.Timezone, pendulum.FixedTimezone)):
        # What pendulum.instance(...).in_timezone(tz) gives, built directly:
        # several times faster, and deadlines are resolved on every load.
        # In UTC, as a plain datetime: pendulum's own replace() (which astimezone
        # calls) does not keep the fold that marks the second of two repeated
        # hours, and a plain datetime's offset is several times faster to find.
        try:
            if instant.__class__ is not _dt.datetime:
                plain = EPOCH + since_epoch(instant)
            elif instant.tzinfo is not _dt.UTC:
                plain = _dt.datetime.astimezone(instant, _dt.UTC)
            else:
                plain = instant
            return from_stdlib(_dt.datetime.astimezone(plain, tz), tz)
        except OverflowError:
            return at_elapsed(since_epoch(instant), tz)
    return pendulum.instance(utc(instant)).in_timezone(tz)  # type: ignore[arg-type]


#: 400 Gregorian years: the calendar repeats, weekdays included, and so do the
#: rules of every zone that far from the years its table covers.
_CYCLE = _dt.timedelta(days=146_097)


def at_elapsed(elapsed: _dt.timedelta, tz: _dt.tzinfo) -> pendulum.DateTime:
    """
    The instant *elapsed* after 1970-01-01 UTC, as a pendulum datetime in *tz*.

    Works to the first and last days of the calendar in every zone, where the
    instant in UTC may lie outside it (9999-12-31 at 21:00 in New York is in
    year 10000 in UTC): there the instant is read 400 years nearer and its wall
    time moved back.  Raises :class:`OverflowError` when the wall time in *tz*
    itself lies outside the calendar.
    """
    try:
        return from_stdlib(_dt.datetime.astimezone(EPOCH + elapsed, tz), tz)
    except OverflowError:
        shift = _CYCLE if elapsed < _dt.timedelta(0) else -_CYCLE
        local = _dt.datetime.astimezone(EPOCH + (elapsed + shift), tz)
        wall = local.replace(tzinfo=None) - shift
        return from_stdlib(wall.replace(fold=local.fold), tz)


def localize(wall: _dt.datetime, tz: _dt.tzinfo) -> pendulum.DateTime:
    """
    The naive wall time *wall* in *tz*, by the "compatible" rule.

    A wall time that happens twice is read as the first; one that a clock change
    skips is moved forward by the length of the gap (``fold=0`` in PEP 495 gives
    exactly that).
    """
    return in_zone(wall.replace(tzinfo=tz, fold=0), tz)


def start_of_day(day: _dt.date, tz: _dt.tzinfo) -> pendulum.DateTime:
    """
    The first instant at which the wall clock in *tz* shows *day* (or a later day).

    Normally midnight; the first of two midnights when midnight is repeated; the
    instant of the clock change when midnight is skipped.
    """
    wall = _dt.datetime.combine(day, _dt.time())
    try:
        early = utc(wall.replace(tzinfo=tz, fold=0))
    except OverflowError:
        # The first or last day of the calendar, whose midnight lies outside
        # the calendar in UTC: no clock changes there, midnight is the start.
        return from_stdlib(wall, tz)
    if _dt.datetime.astimezone(early, tz).replace(tzinfo=None) == wall:
        return in_zone(early, tz)
    # Midnight does not exist: the day starts at the clock change, which lies
    # between the two readings of midnight (PEP 495 fold=1 is before it, fold=0
    # after it).  Find it to the second.
    late = utc(wall.replace(tzinfo=tz, fold=1))
    low, high = min(early, late), max(early, late)
    while high - low > _dt.timedelta(seconds=1):
        middle = low + (high - low) // 2
        middle = middle.replace(microsecond=0)
        if _dt.datetime.astimezone(middle, tz).date() >= day:
            high = middle
        else:
            low = middle
    return in_zone(high, tz)


_FIRST_DAY_ORDINAL: Final = _dt.date.min.toordinal()
_LAST_DAY_ORDINAL: Final = _dt.date.max.toordinal()


def add_calendar(anchor: _dt.date, period: Period, sign: int = 1) -> pendulum.Date:
    """
    Years and months (clamped to the month's end), then weeks and days; with
    *sign* -1, taken away instead.

    The same rule as pendulum's ``Date.add``, in plain :mod:`datetime`
    arithmetic, which is several times faster (deadlines are resolved every time
    a record is loaded).
    """
    months = anchor.month - 1 + sign * period.months
    year = anchor.year + sign * period.years + months // 12
    month = months % 12 + 1
    if not _dt.MINYEAR <= year <= _dt.MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    day = anchor.day
    if day > 28:  # every month has 28 days: only a later day may be clamped
        day = min(day, calendar.monthrange(year, month)[1])
    days = 7 * period.weeks + period.days
    if not days:
        return pendulum.Date(year, month, day)
    # Weeks and days counted on the days' ordinals: a timedelta built by
    # keywords costs more than the rest of this function.  The period's
    # limits keep the count well within a timedelta's; past the calendar's
    # ends it is refused as date + timedelta refuses it.
    moved = _dt.date(year, month, day).toordinal() + sign * days
    if not _FIRST_DAY_ORDINAL <= moved <= _LAST_DAY_ORDINAL:
        raise OverflowError("date value out of range")
    return pendulum.Date.fromordinal(moved)


def add_period(anchor: Moment, period: Period, sign: int = 1) -> Moment:
    """
    Add *period* to *anchor* (with *sign* -1, take it away): calendar parts on
    the wall clock, then exact parts as elapsed time.
    """
    if isinstance(anchor, pendulum.DateTime):
        tz = anchor.tzinfo
        assert tz is not None  # noqa: S101 - aware by check_moment
        moved: pendulum.DateTime = anchor
        if period.years or period.months or period.weeks or period.days:
            day = add_calendar(anchor, period, sign)
            moved = localize(
                _dt.datetime.combine(day, anchor.time().replace(tzinfo=None)), tz
            )
        if period.has_exact_part:
            elapsed = _dt.timedelta(
                hours=period.hours, minutes=period.minutes, seconds=period.seconds
            )
            # In plain datetime arithmetic: pendulum's own addition is slower.
            moved = at_elapsed(since_epoch(moved) + sign * elapsed, tz)
        return moved
    assert isinstance(anchor, pendulum.Date)  # noqa: S101 - PartialDate refused before
    return add_calendar(anchor, period, sign)


# --- days a zone's clocks skipped ----------------------------------------------------

_DAY_SECONDS: Final = 86_400
_EPOCH_ORDINAL: Final = _dt.date(1970, 1, 1).toordinal()

#: The days each zone's clocks skipped, by zone name: a fact of the zone
#: database, not of any record, read once for each zone.
_MISSING: dict[str, frozenset[_dt.date]] = {}


def missing_days(tz: _dt.tzinfo | None) -> frozenset[_dt.date]:
    """
    The calendar dates that never came on the wall clock of *tz*: days its
    clocks jumped over whole, as when a place moves its clocks a day ahead to
    the other side of the date line.  Samoa (``Pacific/Apia``) went from the
    end of Thursday 29 December 2011 to Saturday 31 December; Kwajalein
    skipped Saturday 21 August 1993.

    Read once for each zone, from the TZif file :mod:`zoneinfo` reads
    (:data:`zoneinfo.TZPATH`, then the ``tzdata`` package): only the
    transitions that move the clock forward by a day or more are looked at,
    and a day in such a gap is skipped unless another stretch of the zone's
    time shows it (a later jump back).  UTC, a fixed offset and a zone
    without a name or a file skip none; so does the daylight-saving rule a
    zone follows after the last transition of its file, which moves clocks by
    hours.

    Example:
        >>> sorted(missing_days(pendulum.timezone("Pacific/Apia")))
        [datetime.date(2011, 12, 30)]
    """
    key = tz.key if isinstance(tz, zoneinfo.ZoneInfo) else None
    if not isinstance(key, str):
        return frozenset()
    found = _MISSING.get(key)
    if found is None:
        found = _MISSING[key] = skipped_in(_tzif(key))
    return found


def _tzif(key: str) -> bytes:
    """
    The TZif data of the zone named *key*, found where :mod:`zoneinfo` looks;
    none for a name that is a path out of the zone database (a zone read
    from a file may be given any name).
    """
    if os.path.isabs(key) or os.path.normpath(key) != key or key.startswith(".."):
        return b""
    for root in zoneinfo.TZPATH:
        path = os.path.join(root, key)
        if os.path.isfile(path):
            with open(path, "rb") as file:
                return file.read()
    *folders, name = key.split("/")
    try:
        # Loaded here, as rarely needed: it loads tempfile and shutil too.
        import importlib.resources  # noqa: PLC0415

        package = importlib.resources.files(".".join(["tzdata.zoneinfo", *folders]))
        return package.joinpath(name).read_bytes()
    except (ImportError, OSError, ValueError, TypeError):  # no such zone there
        return b""


def skipped_in(data: bytes) -> frozenset[_dt.date]:
    """
    The days skipped by the zone whose TZif data (RFC 8536) is *data*; none
    when it cannot be read.  A day is skipped when its whole wall-clock span,
    midnight to midnight, lies inside the gap of one transition (the clock
    moves from the wall time before it to the wall time after it) and no
    stretch of the zone's time between transitions shows any of it.
    """
    try:
        moments, offsets = _transitions(data)
    except (ValueError, IndexError, struct.error):
        return frozenset()
    skipped: set[_dt.date] = set()
    for index, moment in enumerate(moments):
        before, after = offsets[index], offsets[index + 1]
        if after - before < _DAY_SECONDS:
            continue  # not a day's jump: every date still shows
        first = -(-(moment + before) // _DAY_SECONDS)  # the first midnight in the gap
        for day in range(first, (moment + after) // _DAY_SECONDS):
            ordinal = _EPOCH_ORDINAL + day
            if 1 <= ordinal <= _dt.date.max.toordinal() and not _shown(
                day, moments, offsets
            ):
                skipped.add(_dt.date.fromordinal(ordinal))
    return frozenset(skipped)


def _shown(day: int, moments: tuple[int, ...], offsets: list[int]) -> bool:
    """
    Whether a stretch of the zone's time shows any of the *day*-th day after
    1970-01-01 on its wall clock: stretch *i* runs from transition *i* - 1 to
    transition *i* (open at the ends), at ``offsets[i]``.
    """
    start, end = day * _DAY_SECONDS, (day + 1) * _DAY_SECONDS
    for index, offset in enumerate(offsets):
        shows_from = moments[index - 1] + offset if index else None
        shows_to = moments[index] + offset if index < len(moments) else None
        if (shows_from is None or shows_from < end) and (
            shows_to is None or shows_to > start
        ):
            return True
    return False


def _transitions(data: bytes) -> tuple[tuple[int, ...], list[int]]:
    """
    The instants of the transitions of TZif *data* (seconds since 1970 UTC,
    from its 64-bit part when it has one), and the UTC offsets in seconds:
    before the first (its first local time type) and from each on.
    """
    version, counts = _tzif_header(data, 0)
    at, width = 44, 4
    if version >= b"2":  # the 64-bit data follows the 32-bit data
        utc_flags, std_flags, leaps, times, types, chars = counts
        at += times * 5 + types * 6 + chars + leaps * 8 + std_flags + utc_flags
        _, counts = _tzif_header(data, at)
        at, width = at + 44, 8
    times, types = counts[3], counts[4]
    moments = struct.unpack_from(f">{times}{'q' if width == 8 else 'l'}", data, at)
    kinds = data[at + times * width : at + times * (width + 1)]
    at += times * (width + 1)
    # Data cut short lacks its local time types (struct.error), or its kinds.
    local = [struct.unpack_from(">l", data, at + 6 * kind)[0] for kind in range(types)]
    return moments, [local[0], *(local[kind] for kind in kinds)]


def _tzif_header(data: bytes, at: int) -> tuple[bytes, tuple[int, ...]]:
    """The version and the six counts of the TZif header at *at*."""
    if data[at : at + 4] != b"TZif":
        raise ValueError("not TZif data")
    return data[at + 4 : at + 5], struct.unpack_from(">6L", data, at + 20)


def counting_zone(anchor: Moment, tz: str | None) -> _dt.tzinfo:
    """
    The zone whose days a business-day count from *anchor* counts: a
    datetime's own, else the zone *tz* names (a date deadline's), else UTC.
    """
    if isinstance(anchor, pendulum.DateTime) and anchor.tzinfo is not None:
        return anchor.tzinfo
    return _dt.UTC if tz is None else zone(tz)


def skipped_days(anchor: Moment, tz: str | None) -> tuple[str, frozenset[_dt.date]]:
    """
    The name of the :func:`counting_zone` of a business-day count from
    *anchor* (with the deadline's *tz*) and the days its clocks skipped
    (:func:`missing_days`), which no count keeps as a holiday or a workday.
    """
    clock = counting_zone(anchor, tz)
    return getattr(clock, "key", None) or str(clock), missing_days(clock)


class HolidayLookupError(Exception):
    """A holidays container failed to say whether a day is a holiday."""


MAX_BUSINESS_DAYS: Final = 100_000
"""The most business days a deadline counts (a count takes time)."""

MAX_DAYS_OFF: Final = 366
"""
The most days in a row without a business day that a count asked of a
calendar day by day passes: a whole (leap) year.  No real calendar closes for
so long; one that answers "closed" for every day (a ``__contains__`` that
always says yes, an ``is_working_day`` that always says no) would otherwise be
asked about every day to the end of the calendar.
"""


class NoBusinessDayError(Exception):
    """
    A calendar asked day by day gave :data:`MAX_DAYS_OFF` days in a row
    without a business day, from *first* to *last*.
    """

    def __init__(self, first: _dt.date, last: _dt.date) -> None:
        super().__init__(first, last)
        self.first = first
        self.last = last


def no_business_day(holidays: object, exc: NoBusinessDayError, asked: str) -> str:
    """
    The message refusing *holidays* that left no business day for
    :data:`MAX_DAYS_OFF` days in a row (*exc*); *asked* is how it was asked
    (``"day in holidays"`` or ``"holidays.is_working_day(day)"``).
    """
    return (
        f"{short_repr(holidays)} leaves no business day in {MAX_DAYS_OFF} days in "
        f"a row ({exc.first} to {exc.last}): no real calendar closes for a whole "
        f"year; check what `{asked}` answers for a day that is worked"
    )


def too_many_business_days(n: int) -> str:
    """The message refusing a count of *n* business days, over the limit."""
    return f"must be at most {MAX_BUSINESS_DAYS}, got {short_repr(n)}"


def resolve_business_days(
    anchor: Moment,
    n: int,
    holidays: Container[Any],
    weekend: frozenset[int],
    workdays: AbstractSet[_dt.date] = frozenset(),
    *,
    own_rule: bool = False,
    tz: str | None = None,
) -> tuple[
    Moment, frozenset[int], tuple[pendulum.Date, ...], tuple[pendulum.Date, ...]
]:
    """
    The due moment *n* business days after *anchor* (keeping a datetime's time
    of day on the wall clock), the weekend counted by, the holidays skipped and
    the weekend days worked (see :func:`count_business_days`), the days
    counted being those of the :func:`counting_zone` (the datetime's zone, or
    the one *tz* names): a day its clocks skipped is none.  With *own_rule*, a
    calendar that knows its own working days is asked about each day
    (:func:`working_day_rule`).  Raises
    :class:`~negotiation_records.ValidationError` at ``business_days`` or
    ``holidays``.
    """
    if n > MAX_BUSINESS_DAYS:  # refused before counting: the count takes time
        raise ValidationError([("business_days", too_many_business_days(n))])
    day = anchor_day(anchor)
    working_day = None
    missing = missing_days(counting_zone(anchor, tz))
    try:
        if own_rule:
            working_day, weekend = working_day_rule(holidays, day, weekend)
        last, skipped, worked = count_business_days(
            day,
            n,
            holidays,
            weekend,
            workdays=workdays,
            working_day=working_day,
            missing=missing,
        )
    except HolidayLookupError as exc:
        raise ValidationError(
            [("holidays", f"cannot look dates up in {short_repr(holidays)}: {exc}")]
        ) from exc.__cause__  # the calendar's own exception
    except NoBusinessDayError as exc:
        asked = "day in holidays" if working_day is None else "is_working_day(day)"
        raise ValidationError(
            [("holidays", no_business_day(holidays, exc, asked))]
        ) from None
    except (OverflowError, ValueError) as exc:
        raise ValidationError(
            [("business_days", f"runs past the calendar: {exc}")]
        ) from None
    if isinstance(anchor, pendulum.DateTime):
        assert anchor.tzinfo is not None  # noqa: S101
        wall = _dt.datetime.combine(last, anchor.time().replace(tzinfo=None))
        return localize(wall, anchor.tzinfo), weekend, skipped, worked
    return last, weekend, skipped, worked


def working_day_rule(
    holidays: object, start: pendulum.Date, weekend: frozenset[int]
) -> tuple[Callable[[_dt.date], object] | None, frozenset[int]]:
    """
    How a calendar that knows its own working days says so, and its weekend.

    A calendar from the ``holidays`` package answers ``is_working_day(day)``
    for each day: its weekend may have changed over the years (the United Arab
    Emirates moved theirs from Friday and Saturday to Saturday and Sunday in
    2022) and some weekend days are worked (China's make-up working days,
    its ``weekend_workdays``).  Such a calendar gives that function, with the
    weekend it keeps in the first week counted (its ``is_weekend``, when it
    has one; else *weekend*, its ``weekend``); any other container gives
    ``None`` and *weekend*.  A lookup that raises is reported as
    :class:`HolidayLookupError`.
    """
    working_day = getattr(holidays, "is_working_day", None)
    if not callable(working_day):
        return None, weekend
    is_weekend = getattr(holidays, "is_weekend", None)
    if not callable(is_weekend):
        return working_day, weekend
    day = _dt.date(start.year, start.month, start.day)
    if day > _dt.date.max - _dt.timedelta(days=7):
        return working_day, weekend  # no week left to look at: the count fails
    week = [day + _dt.timedelta(days=offset) for offset in range(1, 8)]
    try:
        return working_day, frozenset(d.weekday() for d in week if is_weekend(d))
    except Exception as exc:
        raise HolidayLookupError(raised_text(exc)) from exc


def count_business_days(
    start: pendulum.Date,
    n: int,
    holidays: Container[Any],
    weekend: frozenset[int],
    *,
    workdays: AbstractSet[_dt.date] = frozenset(),
    working_day: Callable[[_dt.date], object] | None = None,
    missing: AbstractSet[_dt.date] = frozenset(),
) -> tuple[pendulum.Date, tuple[pendulum.Date, ...], tuple[pendulum.Date, ...]]:
    """
    The *n*-th business day after *start*, the holidays skipped and the
    weekend days worked.

    A business day is a day that is neither in *weekend* (weekday numbers,
    Monday 0) nor in *holidays*, or a day of *workdays* (weekend days that
    are worked); the holidays kept are those that fall on a day that would
    otherwise have counted.  With *working_day* (a calendar's own rule, see
    :func:`working_day_rule`) each day is asked of it instead, and what it
    says is kept the same way: the days off outside *weekend* as holidays,
    the days worked inside it as workdays.  A lookup that raises is reported
    as :class:`HolidayLookupError`, whatever it raised.

    A day of *missing* (one the zone's clocks skipped, :func:`missing_days`)
    is no business day, whatever the weekend, the holidays, the workdays or
    the calendar would say (it is not asked), and is kept in neither list:
    there was no such day to be off or at work.

    A built-in ``list`` or ``tuple`` of *holidays* (whose items
    :func:`holiday_problems` has checked to be dates) is looked up in a
    ``frozenset`` of its items, which finds the same days, so that it is
    counted by whole weeks as a set is, and each day costs one lookup, not
    one for each holiday listed.  Any other container (a ``holidays``
    calendar, one with only ``__contains__``) is asked as it is, and one
    that leaves no business day in :data:`MAX_DAYS_OFF` days in a row (a whole
    year) raises :class:`NoBusinessDayError` at once rather than be asked
    about every day to the end of the calendar.  A set's count always ends
    (every holiday is known, and the days after the last one count).
    """
    day = _dt.date(start.year, start.month, start.day)
    one_day = _dt.timedelta(days=1)
    skipped: list[pendulum.Date] = []
    worked: list[pendulum.Date] = []
    counted = 0
    if working_day is None and (type(holidays) is list or type(holidays) is tuple):
        # Looked up in a set: a list's `in` costs its length, on every day.
        holidays = frozenset(holidays)
    if working_day is None and isinstance(holidays, (set, frozenset)):
        # every holiday known: whole weeks
        day, counted = _whole_weeks(
            day, n, (holidays, weekend, workdays, missing), skipped, worked
        )
    # A built-in set's count always ends (the days after its last one count);
    # any other calendar is refused after MAX_DAYS_OFF days off in a row.
    bounded = working_day is not None or type(holidays) not in (set, frozenset)
    idle = 0  # days in a row without a business day
    while counted < n:
        day += one_day
        if missing and day in missing:  # no such day: neither off nor worked
            idle += 1
            continue
        off = day.weekday() in weekend
        try:
            if working_day is not None:
                works = bool(working_day(day))
            elif off:
                works = day in workdays
            else:
                works = day not in holidays
        except Exception as exc:
            raise HolidayLookupError(raised_text(exc)) from exc
        if works:
            counted += 1
            idle = 0
            if off:
                worked.append(pendulum.Date(day.year, day.month, day.day))
        else:
            idle += 1
            if idle >= MAX_DAYS_OFF and bounded:
                raise NoBusinessDayError(day - (idle - 1) * one_day, day)
            if not off:
                skipped.append(pendulum.Date(day.year, day.month, day.day))
    last = pendulum.Date(day.year, day.month, day.day)
    return last, tuple(skipped), tuple(worked)


def _whole_weeks(
    day: _dt.date,
    n: int,
    rule: tuple[
        AbstractSet[Any], frozenset[int], AbstractSet[_dt.date], AbstractSet[_dt.date]
    ],
    skipped: list[pendulum.Date],
    worked: list[pendulum.Date],
) -> tuple[_dt.date, int]:
    """
    The day reached and the business days counted after *day* by whole weeks,
    leaving at least two weeks' worth of the *n* to count day by day.  *rule*
    is the holidays, the weekend, the workdays and the days the zone's clocks
    skipped: a week holds ``7 - len(weekend)`` business days but for the
    holidays on them (a set, so that every one is known), which are added to
    *skipped*, and for the skipped days on them, which are kept nowhere, and
    with the workdays in it that came, which are added to *worked*.  The work
    grows with the holidays, not with *n*: a loaded deadline of 100,000
    business days is checked at once rather than day by day.
    """
    holidays, weekend, workdays, missing = rule
    per_week = 7 - len(weekend)
    if per_week <= 0 or n <= 2 * per_week:
        return day, 0
    on_workdays = sorted(
        holiday
        for holiday in holidays
        if isinstance(holiday, _dt.date)
        and not isinstance(holiday, _dt.datetime)
        and holiday.weekday() not in weekend
        and holiday not in missing
    )
    extra = sorted(d for d in workdays if d.weekday() in weekend and d not in missing)
    gone = sorted(d for d in missing if d.weekday() not in weekend)
    counted = 0
    while n - counted > 2 * per_week:
        weeks = (n - counted) // per_week - 1  # ends before the n-th business day
        end = day + _dt.timedelta(weeks=weeks)
        inside = _between(on_workdays, day, end)
        added = _between(extra, day, end)
        lost = len(_between(gone, day, end))
        step = per_week * weeks - len(inside) - lost + len(added)
        if counted + step >= n:  # worked weekend days reach the n-th: day by day
            break
        skipped += (pendulum.Date(h.year, h.month, h.day) for h in inside)
        worked += (pendulum.Date(w.year, w.month, w.day) for w in added)
        counted += step
        day = end
    return day, counted


def _between(days: list[_dt.date], after: _dt.date, last: _dt.date) -> list[_dt.date]:
    """The days of the sorted *days* after *after*, up to *last*."""
    return days[bisect.bisect_right(days, after) : bisect.bisect_right(days, last)]


def holiday_problems(
    holidays: object,
) -> tuple[list[tuple[str, str]], Exception | None]:
    """
    What is wrong with *holidays* given to ``Deadline.after_business_days``:
    not a container, or a collection holding something other than calendar
    dates (a datetime, a text), which a lookup by date would never find, or
    a date a list holds that cannot be looked up (its ``__hash__`` raises);
    and the exception the container or the date raised, if one did, to be
    the error's ``__cause__``.  A container that cannot be listed is only
    looked dates up in.
    """
    if isinstance(holidays, (str, bytes)) or not isinstance(holidays, Container):
        return [
            (
                "holidays",
                "must be a container of dates (a set, a list or a holidays "
                f"calendar), got {described(holidays)}",
            )
        ], None
    if not isinstance(holidays, Collection):
        return [], None
    try:
        values = list(holidays)
    except Exception as exc:  # noqa: BLE001 - the user's container, any error
        listed = f"cannot list the dates in {short_repr(holidays)}: {raised_text(exc)}"
        return [("holidays", listed)], exc
    indexed = isinstance(holidays, Sequence)  # a set or a mapping has no places
    problems = [
        (
            f"holidays[{index}]" if indexed else "holidays",
            f"must hold calendar dates, got {described(value)}"
            + (
                " (give its date: a deadline counts whole days)"
                if isinstance(value, _dt.datetime)
                else ""
            ),
        )
        for index, value in enumerate(values)
        if not isinstance(value, _dt.date) or isinstance(value, _dt.datetime)
    ]
    if problems:
        return problems, None
    if type(holidays) in _FINDS_WHAT_IT_LISTS:
        return _unhashed(values) if type(holidays) in {list, tuple} else ([], None)
    # The count asks `day in holidays`: a container that lists dates it does
    # not find that way (a pandas Series looks in its index) would skip none.
    try:
        lost = next((day for day in values if day not in holidays), None)
    except Exception as exc:  # noqa: BLE001 - the user's container, any error
        found = f"cannot look dates up in {short_repr(holidays)}: {raised_text(exc)}"
        return [("holidays", found)], exc
    if lost is None:
        return [], None
    return [
        (
            "holidays",
            f"lists {lost} but does not find it when asked `in` ({type_name(holidays)}"
            "; a pandas Series looks in its index, not its values): give a set or "
            "a list of the dates",
        )
    ], None


def _unhashed(
    values: list[object],
) -> tuple[list[tuple[str, str]], Exception | None]:
    """
    The first date of a list of holidays whose ``__hash__`` raises (a subclass
    of the user's own), at its index: the count looks the days up in a set.
    """
    for index, value in enumerate(values):
        try:
            hash(value)
        except Exception as exc:  # noqa: BLE001 - the user's date, any error
            message = (
                f"cannot be looked up: hashing {short_repr(value)} raised "
                f"{raised_text(exc)}; give plain dates (the exception is the "
                "error's __cause__)"
            )
            return [(f"holidays[{index}]", message)], exc
    return [], None


#: Containers whose ``in`` finds what iterating them gives.
_FINDS_WHAT_IT_LISTS: Final = frozenset({list, tuple, set, frozenset, dict})


# --- a deadline's rule, as the records check it ------------------------------------


def resolve_after(anchor: Moment, period: Period, before: bool = False) -> Moment:
    """*period* after *anchor* (before it, counted back); problems at ``period``."""
    if period.has_exact_part and not isinstance(anchor, pendulum.DateTime):
        raise ValidationError(
            [
                (
                    "period",
                    f"{period} has hours, minutes or seconds, which need an anchor with "
                    f"a time of day and a zone; got the date {moment_text(anchor)}",
                )
            ]
        )
    try:
        return add_period(anchor, period, -1 if before else 1)
    except (OverflowError, ValueError) as exc:
        sign = "-" if before else "+"
        raise ValidationError(
            [
                (
                    "period",
                    f"{moment_text(anchor)} {sign} {period} is outside the calendar "
                    f"({exc})",
                )
            ]
        ) from None


def lands_on(anchor: Moment, period: Period, before: bool, due: Moment) -> bool:
    """
    Whether *due* is, by instant and zone, what :func:`resolve_after` gives for
    *anchor* and *period* (counted back when *before*), told without working
    it out where that is quick: a date moved by weeks and days (the days'
    ordinals), a datetime moved by hours, minutes and seconds in its own zone
    (the instants).  ``False`` means not told so: work it out.
    """
    if period.years or period.months:
        return False
    if anchor.__class__ is pendulum.Date:
        if due.__class__ is not pendulum.Date or period.has_exact_part:
            return False
        days = 7 * period.weeks + period.days
        apart = _dt.date.toordinal(due) - _dt.date.toordinal(anchor)
        return apart == (-days if before else days)
    if (
        anchor.__class__ is not pendulum.DateTime
        or due.__class__ is not pendulum.DateTime
        or due.tzinfo is not anchor.tzinfo
        or period.weeks
        or period.days
    ):
        return False
    seconds = 3600 * period.hours + 60 * period.minutes + period.seconds
    moved = since_epoch(due) - since_epoch(anchor)
    return moved == _dt.timedelta(seconds=-seconds if before else seconds)


def resolve_day(anchor: Moment, day: int, tz: str | None = None) -> pendulum.Date:
    """
    Day *day* counted from *anchor*'s day, which is day 1: a datetime's day
    in the zone *tz* (``None``: UTC), where the deadline's days end, so that
    day 1 is never a day that ended before the count began.
    """
    if isinstance(anchor, pendulum.DateTime):
        try:
            anchor = in_zone(anchor, pendulum.UTC if tz is None else zone(tz))
        except OverflowError:
            where = f"{moment_text(anchor)} in {tz or 'UTC'}"
            raise ValidationError(
                [("day", f"the day of {where} is outside the calendar")]
            ) from None
    start = anchor_day(anchor)
    try:
        moved = start + _dt.timedelta(days=day - 1)
    except (OverflowError, ValueError) as exc:
        raise ValidationError(
            [("day", f"day {day} from {start} is outside the calendar ({exc})")]
        ) from None
    return pendulum.Date(moved.year, moved.month, moved.day)


def anchor_day(moment: Moment) -> pendulum.Date:
    """The calendar date of a date or datetime (a datetime's own zone)."""
    if isinstance(moment, pendulum.DateTime):
        return pendulum.Date(moment.year, moment.month, moment.day)
    assert isinstance(moment, pendulum.Date)  # noqa: S101
    return moment
