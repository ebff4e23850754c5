"""
Moments, zones and periods: the time values every record uses.

A *moment* is one of

* a :class:`pendulum.Date` — day precision, what news reports usually give;
* a time-zone-aware :class:`pendulum.DateTime` — a named zone
  (``Europe/Kyiv``) or a fixed UTC offset;
* a :class:`PartialDate` — a month (``2025-06``) or a year (``2025``) for vaguer
  sources ("talks stalled in June").

A naive datetime is refused: the library never guesses a zone.  Plain
:class:`datetime.date` and aware :class:`datetime.datetime` values are converted.

Moments are written as text in three forms, all read back exactly
(:func:`format_moment` / :func:`parse_moment`):

* ``2025-07-14``, ``2025-07`` and ``2025`` for dates and partial dates;
* ``2025-07-14T12:00:00-04:00[America/New_York]`` (RFC 9557) for a named zone, so
  the zone survives a round trip; ``2025-07-14T16:00:00Z`` for UTC;
* ``2025-07-14T15:00:00+03:00`` (RFC 3339) for a fixed offset.

Periods (:class:`Period`) are the library's own small value for ISO 8601
durations: ``P50D``, ``PT48H``, ``P3M``, ``P1Y2M10DT2H30M``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
import zoneinfo
from typing import Any, Final, SupportsIndex, TypeAlias, TypedDict

import attrs
import pendulum

from negotiation_records._civil_day import AHEAD_SECONDS, BEHIND_SECONDS
from negotiation_records._frozen import refuse_changes
from negotiation_records._iso_text import iso_wall
from negotiation_records._moment_patterns import date_text, timestamp
from negotiation_records._moment_refusals import (
    impossible_timestamp,
    not_a_moment,
    offset_mismatch,
    text_hint,
)
from negotiation_records._period import Period
from negotiation_records._plain_numbers import plain_int
from negotiation_records._unread import Unread, UnreadMoment, read_failure
from negotiation_records._value_methods import ValueMethods
from negotiation_records._values import described, short_repr
from negotiation_records._version_2_rules import ZONE_ABBREVIATION
from negotiation_records._zone_abbreviations import ABBREVIATED_ZONES, ABBREVIATIONS
from negotiation_records._zones import (
    database_zone_name,
    fixed_zone,
    found_zone,
    offset_suffix,
    zone,
    zone_argument,
)
from negotiation_records.errors import ValidationError


__all__ = [
    "DateInput",
    "Moment",
    "MomentInput",
    "PartialDate",
    "Period",
    "PeriodParts",
    "days_anywhere",
    "format_moment",
    "is_before",
    "is_known_by",
    "moment_sort_key",
    "moment_span",
    "moment_text",
    "parse_moment",
    "to_moment",
    "zone",
    "zone_argument",
]

_UTC = pendulum.UTC
_Fixed: TypeAlias = pendulum.FixedTimezone

Problems = list[tuple[str, str]]


@functools.total_ordering
@refuse_changes
@attrs.frozen(order=False, eq=False, repr=False)
class PartialDate(ValueMethods):
    """
    A month or a year, for sources vaguer than a day ("talks stalled in June").

    A partial date stands for the whole span it covers.  It sorts by the start of
    that span (then the longer span first), so it can be sorted with dates and
    datetimes through :func:`moment_sort_key`; ``<`` and ``>`` against a date
    or datetime follow that order (June 2025 is before 1 June 2025 and before
    16 June alike; a naive datetime is refused).  Whether it is *certainly*
    before a moment is :func:`is_before`'s question: June 2025 is not
    certainly before 16 June.

    Attributes:
        year: The year, 1 to 9999.
        month: The month, 1 to 12 (an IntEnum member is kept as its int), or
            ``None`` for a whole year.

    Example:
        >>> june = PartialDate(2025, 6)
        >>> str(june), str(PartialDate(2025))
        ('2025-06', '2025')
        >>> june.start, june.end
        (Date(2025, 6, 1), Date(2025, 6, 30))
        >>> june.contains(pendulum.date(2025, 6, 16))
        True
        >>> sorted([pendulum.date(2025, 6, 2), june], key=moment_sort_key)
        [PartialDate(year=2025, month=6), Date(2025, 6, 2)]
    """

    year: int = attrs.field(converter=plain_int)  # numpy's int64: a plain int
    month: int | None = attrs.field(default=None, converter=plain_int)

    def __attrs_post_init__(self) -> None:
        problems: Problems = []
        if not isinstance(self.year, int) or isinstance(self.year, bool):
            problems.append(
                ("year", f"must be an integer, got {short_repr(self.year)}")
            )
        elif not 1 <= self.year <= 9999:
            problems.append(
                ("year", f"must be between 1 and 9999, got {short_repr(self.year)}")
            )
        if self.month is not None:
            if not isinstance(self.month, int) or isinstance(self.month, bool):
                problems.append(
                    (
                        "month",
                        f"must be an integer or None, got {short_repr(self.month)}",
                    )
                )
            elif not 1 <= self.month <= 12:
                problems.append(
                    ("month", f"must be between 1 and 12, got {short_repr(self.month)}")
                )
        if problems:
            raise ValidationError(problems)

    @property
    def start(self) -> pendulum.Date:
        """The first day of the span."""
        return pendulum.Date(self.year, self.month or 1, 1)

    @property
    def end(self) -> pendulum.Date:
        """The last day of the span."""
        if self.month is None:
            return pendulum.Date(self.year, 12, 31)
        last = calendar.monthrange(self.year, self.month)[1]
        return pendulum.Date(self.year, self.month, last)

    def contains(self, moment: MomentInput) -> bool:
        """Whether *moment* (its calendar date, in its own zone) lies in this span."""
        moment = moment_argument(moment, "moment")
        if isinstance(moment, PartialDate):
            return self.start <= moment.start and moment.end <= self.end
        day = moment.date() if isinstance(moment, pendulum.DateTime) else moment
        return self.start <= day <= self.end

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, (PartialDate, _dt.date)):
            return NotImplemented
        return moment_sort_key(self) < moment_sort_key(other)

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, (PartialDate, _dt.date)):
            return NotImplemented
        return moment_sort_key(self) > moment_sort_key(other)


Moment: TypeAlias = pendulum.DateTime | pendulum.Date | PartialDate
"""
A date, a zone-aware datetime or a partial date (month or year).

Examples of each, and the rules for comparing and counting from them, are in
:doc:`/deadlines`.
"""

MomentInput: TypeAlias = Moment | _dt.date
"""
What a moment field takes: a moment, or a plain :class:`datetime.date` or
zone-aware :class:`datetime.datetime`, which the record converts (a naive
datetime is refused).

Example:
    >>> import datetime
    >>> from negotiation_records import Round
    >>> Round(number=1, status="held", starts=datetime.date(2025, 5, 16)).starts
    Date(2025, 5, 16)
"""

DateInput: TypeAlias = _dt.date
"""
What a date field takes: a :class:`pendulum.Date` or a plain
:class:`datetime.date`, which the record converts.

Example:
    >>> import datetime
    >>> from negotiation_records import Window
    >>> Window(start=datetime.date(2025, 7, 21), end=datetime.date(2025, 7, 27)).end
    Date(2025, 7, 27)
"""


class PeriodParts(TypedDict, total=False):
    """
    The keyword parts of a period, as :meth:`Deadline.after
    <negotiation_records.Deadline.after>`, :meth:`~negotiation_records.Deadline.before`
    and :meth:`~negotiation_records.Deadline.extended` take them (``days=50``):
    whole numbers, those of :class:`~negotiation_records.Period`.  A type
    checker refuses a part misspelt (``dayz=5``); the library refuses it too,
    naming the parts it knows.
    """

    years: int
    months: int
    weeks: int
    days: int
    hours: int
    minutes: int
    seconds: int


class KeepsFold:
    """
    Mixin for slotted classes whose fields hold moments: pickling (and
    :mod:`copy`) keeps the ``fold`` of a datetime in a field.

    pendulum pickles a ``DateTime`` without its ``fold``, so the second of two
    repeated wall times (01:30 EST when New York's clocks go back) would come
    back as the first (01:30 EDT), an hour earlier.  An instance holding such
    a datetime is rebuilt by :func:`_with_folds`, which puts the fold back.
    """

    __slots__ = ()

    def __reduce_ex__(self, protocol: SupportsIndex) -> Any:
        reduced = super().__reduce_ex__(protocol)
        if isinstance(reduced, tuple) and len(reduced) > 2:
            state = reduced[2]
            if isinstance(state, dict):
                folded = tuple(name for name, v in state.items() if _folded(v))
                if folded:
                    return (_with_folds, (type(self), state, folded))
        return reduced


def _folded(value: object) -> bool:
    return isinstance(value, pendulum.DateTime) and value.fold == 1


def _with_folds(cls: type[Any], state: dict[str, Any], folded: tuple[str, ...]) -> Any:
    """An instance of *cls* with *state*, the datetimes in *folded* at ``fold=1``."""
    instance: Any = object.__new__(cls)
    instance.__setstate__(state)
    for name in folded:
        m = getattr(instance, name)
        parts = (m.year, m.month, m.day, m.hour, m.minute, m.second, m.microsecond)
        object.__setattr__(instance, name, pendulum.DateTime(*parts, m.tzinfo, fold=1))
    return instance


EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
"""1970-01-01 in UTC, as a plain ``datetime``: what :func:`since_epoch` counts from."""
_EPOCH_ORDINAL = EPOCH.toordinal()
_NAIVE_EPOCH: Final = EPOCH.replace(tzinfo=None)
_FIRST_INSTANT = _dt.datetime.min.replace(tzinfo=_dt.UTC)
_LAST_INSTANT = _dt.datetime.max.replace(tzinfo=_dt.UTC)
_combine: Final = _dt.datetime.combine
_timetz: Final = _dt.datetime.timetz
_subtract: Final = _dt.datetime.__sub__
_astimezone: Final = _dt.datetime.astimezone


def _plain(moment: _dt.datetime) -> _dt.datetime:
    """
    *moment* as a plain ``datetime``: the same fields, zone and fold.

    zoneinfo finds the offset of a plain datetime in C, and of a subclass
    (pendulum's) through calls back into Python for its ordinal and time: the
    copy makes a comparison, a subtraction or ``isoformat()`` of a datetime in
    a named zone up to twice as fast.
    """
    return _combine(moment, _timetz(moment))


#: The classes of the moments a record holds (a DateTime may still be naive).
_MOMENTS: Final = frozenset([pendulum.Date, pendulum.DateTime, PartialDate])


def moment_argument(value: Any, path: str = "$") -> Moment:
    """
    *value*, given to a function or method as a moment, converted
    (:func:`to_moment`) and checked: a date, an aware datetime or a partial
    date.  Anything else (``None``, a naive datetime, text) is refused with a
    :class:`~negotiation_records.ValidationError` at *path*.

    Example:
        >>> import datetime
        >>> moment_argument(datetime.date(2025, 7, 14), "on")
        Date(2025, 7, 14)
        >>> moment_argument(datetime.datetime(2025, 7, 14, 12), "at")
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: at: naive datetime 2025-07-14T12:00:00 has no time zone; give it a zone (the library never guesses one) or record a date
    """
    cls = value.__class__
    if cls is pendulum.Date or cls is PartialDate:
        return value  # type: ignore[no-any-return]
    if cls is pendulum.DateTime:  # as a record holds it, commonly: read at once
        tz = value.tzinfo
        if tz is _UTC:
            return value  # type: ignore[no-any-return]
        if tz.__class__ is pendulum.Timezone and found_zone(tz.key) is tz:
            # A zone zone() read by its name (no abbreviation, whole seconds):
            # what to_moment gives, with nothing for check_moment to refuse.
            return _real_time(value, tz)
    moment = to_moment(value)
    problems = check_moment(moment)
    if problems:
        raise ValidationError(problems).prefixed(path) from read_failure([moment])
    return moment


def _offsets(moment: MomentInput) -> tuple[_dt.timedelta, _dt.timedelta]:
    """Start and (exclusive) end of a moment's span, as offsets from 1970-01-01Z.

    Offsets never overflow, even for the first and last days of the calendar.
    """
    first: _dt.date
    last: _dt.date
    if moment.__class__ is pendulum.Date:  # the commonest first
        first = last = moment
    elif isinstance(moment, _dt.datetime) and moment.tzinfo is not None:
        try:
            instant = _subtract(_plain(moment), EPOCH)
        except Exception:  # noqa: BLE001 - a tzinfo that raises: refused below
            return _offsets(moment_argument(moment))
        return instant, instant
    elif isinstance(moment, PartialDate):
        first, last = moment.start, moment.end
    elif isinstance(moment, _dt.date) and not isinstance(moment, _dt.datetime):
        first = last = moment
    else:  # a naive datetime, or not a moment: refused
        return _offsets(moment_argument(moment))
    start = _dt.timedelta(days=first.toordinal() - _EPOCH_ORDINAL)
    end = _dt.timedelta(days=last.toordinal() - _EPOCH_ORDINAL + 1)
    return start, end


def _instant(offset: _dt.timedelta) -> _dt.datetime:
    try:
        return EPOCH + offset
    except OverflowError:
        return _FIRST_INSTANT if offset < _dt.timedelta(0) else _LAST_INSTANT


def moment_span(moment: MomentInput) -> tuple[_dt.datetime, _dt.datetime]:
    """
    The span of time a moment covers, as a pair of aware UTC datetimes.

    A datetime covers a single instant (start == end).  A date, month or year covers
    its calendar days read **in UTC** — the convention by which moments without a
    zone are placed among zoned ones; the end is exclusive.  At the edges of the
    calendar (an end after 9999-12-31, or a year-1 instant before 0001-01-01 UTC)
    the span is cut to the first or last representable instant.

    Example:
        >>> start, end = moment_span(pendulum.date(2025, 7, 14))
        >>> start.isoformat(), end.isoformat()
        ('2025-07-14T00:00:00+00:00', '2025-07-15T00:00:00+00:00')
    """
    start, end = _offsets(moment)
    return _instant(start), _instant(end)


def moment_sort_key(moment: MomentInput) -> tuple[_dt.timedelta, _dt.timedelta]:
    """
    A key that sorts dates, datetimes and partial dates together.

    Moments sort by the start of the span they cover (:func:`moment_span`, days
    read in UTC); at the same start the longer span comes first, so "June 2025"
    comes before "1 June 2025", which comes before "1 June 2025, 09:00 UTC".
    The key is opaque: compare keys, do not read them.  It works for every moment,
    from 0001-01-01 to 9999-12-31.  A plain ``date`` or aware ``datetime`` is
    read as a record field converts it (an aware one by its instant, not just
    its day); a naive datetime is refused with a
    :class:`~negotiation_records.ValidationError`, as everywhere.

    Example:
        >>> kyiv = pendulum.datetime(2025, 6, 1, 9, tz="Europe/Kyiv")
        >>> sorted(
        ...     [kyiv, pendulum.date(2025, 6, 1), PartialDate(2025, 6)],
        ...     key=moment_sort_key,
        ... )  # doctest: +NORMALIZE_WHITESPACE
        [PartialDate(year=2025, month=6), Date(2025, 6, 1),
         DateTime(2025, 6, 1, 9, 0, 0, tzinfo=Timezone('Europe/Kyiv'))]

        The Kyiv morning is 06:00 UTC, after the start of the UTC day.
    """
    start, end = _offsets(moment)
    return start, start - end


_FIRST_ORDINAL: Final = _dt.date.min.toordinal()
_LAST_ORDINAL: Final = _dt.date.max.toordinal()


def day_ordinals(moment: MomentInput) -> tuple[int, int]:
    """
    :func:`days_anywhere` as the days' proleptic Gregorian ordinals
    (``date.toordinal()``), for checks that compare many moments.
    """
    if moment.__class__ is pendulum.Date:
        day = _dt.date.toordinal(moment)
        return day, day
    if moment.__class__ is PartialDate:
        return moment.start.toordinal(), moment.end.toordinal()
    if moment.__class__ is pendulum.DateTime and moment.tzinfo is not None:
        try:
            offset = _plain(moment).utcoffset()
        except Exception:  # noqa: BLE001 - a tzinfo that raises: refused below
            offset = None
        if offset is not None and not offset.microseconds:
            # In whole seconds, as offsets are: the microseconds cannot move
            # the wall clock across a midnight.
            ahead = offset.days * 86400 + offset.seconds
            clock = moment.hour * 3600 + moment.minute * 60 + moment.second
            day = _dt.date.toordinal(moment)  # its own, by its own wall clock
            # The wall clocks at UTC-12 and at UTC+14, where further out
            # than its own, and the days they show.
            behind = clock - BEHIND_SECONDS - ahead
            further = clock + AHEAD_SECONDS - ahead
            first = day + behind // 86400 if behind < clock else day
            last = day + further // 86400 if further > clock else day
            # Off the calendar (year 0, year 10000): no day of it is beyond.
            if first < _FIRST_ORDINAL or last > _LAST_ORDINAL:
                return max(first, _FIRST_ORDINAL), min(last, _LAST_ORDINAL)
            return first, last
    elif isinstance(moment, _dt.date) and not isinstance(moment, _dt.datetime):
        return moment.toordinal(), moment.toordinal()
    return day_ordinals(moment_argument(moment))  # refused, or read as a field reads it


def days_anywhere(moment: MomentInput) -> tuple[pendulum.Date, pendulum.Date]:
    """
    The first and last calendar day *moment* may be, anywhere on Earth.

    A date is its own day, a month or a year its first and last days.  A
    datetime is on different days in different places: it is every day it
    shows on a wall clock from UTC-12 to UTC+14 (or in its own zone, where
    that is further out, as a local mean time may be).  A date, month or year
    names no zone, so it is certainly before a datetime only when its last
    day comes before the datetime's first, and after it only when its first
    day comes after the datetime's last: the rule of :func:`is_before` across
    precisions.  Days before 0001-01-01 or after 9999-12-31 are left out.

    Example:
        >>> from negotiation_records.timeutil import days_anywhere
        >>> alaska = pendulum.datetime(2025, 8, 15, 14, 45, tz="America/Anchorage")
        >>> days_anywhere(alaska)  # 22:45 UTC: the 15th at UTC-12, the 16th at UTC+14
        (Date(2025, 8, 15), Date(2025, 8, 16))
    """
    first, last = day_ordinals(moment)
    return pendulum.Date.fromordinal(first), pendulum.Date.fromordinal(last)


_PENDULUM_DATE: Final = pendulum.Date


def is_before(first: MomentInput, second: MomentInput) -> bool:
    """
    Whether *first* is certainly before *second*.

    Two datetimes compare as instants, and two moments of day precision as
    calendar days: *first* is before *second* only when all its days come
    before all of *second*'s, so "June 2025" is not before "16 June 2025".  A
    date, month or year names no zone, so it may be those days anywhere on
    Earth: it is before a datetime only when the datetime shows a later day
    everywhere, from UTC-12 to UTC+14 (:func:`days_anywhere`), and after it
    only when the datetime shows an earlier day everywhere.  A proposal dated
    16 August by a source in Moscow may have come before a meeting in Alaska
    ended at 14:45 on 15 August (01:45 on the 16th in Moscow).  Validation
    uses this rule, so it never refuses a record for an order the sources
    cannot settle.  Across precisions it is not transitive, so a history or a
    list of revisions is checked step by step against every earlier step, not
    only the one before it.  What is before sorts first by
    :func:`moment_sort_key`.

    Example:
        >>> is_before(pendulum.date(2025, 7, 14), pendulum.date(2025, 7, 15))
        True
        >>> is_before(PartialDate(2025, 6), pendulum.date(2025, 6, 16))
        False
        >>> ended = pendulum.datetime(2025, 8, 15, 14, 45, tz="America/Anchorage")
        >>> is_before(ended, pendulum.date(2025, 8, 16)), is_before(ended, pendulum.date(2025, 8, 17))
        (False, True)
    """
    if first.__class__ is _PENDULUM_DATE and second.__class__ is _PENDULUM_DATE:
        return first < second  # the commonest: two days (date's own comparison)
    if first.__class__ not in _MOMENTS or second.__class__ not in _MOMENTS:
        first, second = _both_moments(first, second)
    if isinstance(first, pendulum.DateTime) and isinstance(second, pendulum.DateTime):
        if first.tzinfo is None or second.tzinfo is None:  # naive: refused
            _both_moments(first, second)
        if first.tzinfo is not second.tzinfo:
            # Python compares datetimes in different zones as instants.
            return _plain(first) < _plain(second)
        # Sharing a tzinfo they compare by wall clock, ignoring fold: compare instants.
        return since_epoch(first) < since_epoch(second)
    if getattr(first, "tzinfo", 0) is None or getattr(second, "tzinfo", 0) is None:
        _both_moments(first, second)  # naive: refused
    return day_ordinals(first)[1] < day_ordinals(second)[0]


def _both_moments(first: Any, second: Any) -> tuple[Moment, Moment]:
    """:func:`is_before`'s arguments, converted, or refused at their names."""
    first, second = to_moment(first), to_moment(second)
    named = (("first", first), ("second", second))
    problems = [(name, m) for name, value in named for _, m in check_moment(value)]
    if problems:
        raise ValidationError(problems) from read_failure([first, second])
    return first, second


def is_known_by(moment: MomentInput, at: MomentInput) -> bool:
    """
    Whether something dated *moment* had surely happened by *at*.

    Both are read as the start of the span they cover (:func:`moment_span`:
    days in UTC).  A date or a datetime counts when it starts no later than
    *at* starts: a day-precision event counts as of that day, a datetime as of
    its instant (as of the date 9 August, what happened at 00:00 UTC that day
    counts, what happened at 10:00 does not).  A month or a year counts only
    once its whole span has passed: "July 2025" is not known as of 31 July,
    since what happened "in July" may not have happened yet; it is as of
    1 August.

    Example:
        >>> from negotiation_records.timeutil import is_known_by
        >>> is_known_by(PartialDate(2025, 7), pendulum.date(2025, 7, 31))
        False
        >>> is_known_by(PartialDate(2025, 7), pendulum.date(2025, 8, 1))
        True
        >>> is_known_by(pendulum.date(2025, 7, 14), pendulum.date(2025, 7, 14))
        True
    """
    if type(at) is pendulum.Date:  # the commonest: as of a day, by days
        if type(moment) is pendulum.Date:
            return _dt.date.__le__(moment, at)
        if type(moment) is PartialDate:  # its last day before *at*: its month or year
            if moment.month is None:
                return moment.year < at.year
            return (moment.year, moment.month) < (at.year, at.month)
    elif type(at) is pendulum.DateTime and type(moment) is pendulum.Date:
        if at.tzinfo is _UTC:  # the queries' instants: a day is known from its start
            return _dt.date.toordinal(moment) <= _dt.date.toordinal(at)
    if isinstance(moment, PartialDate):
        return _offsets(moment)[1] <= _offsets(at)[0]
    return _offsets(moment)[0] <= _offsets(at)[0]


# --- conversion from Python values -------------------------------------------


def since_epoch(value: _dt.datetime) -> _dt.timedelta:
    """
    An aware datetime's instant as the time since 1970-01-01 UTC.

    Unlike ``astimezone(UTC)`` this never overflows at the edges of the calendar,
    and unlike ``==``/``<`` it does not compare two datetimes sharing a tzinfo by
    their wall clocks (which ignores ``fold``).
    """
    if (tz := value.tzinfo).__class__ in _PENDULUM_ZONES:  # C asks by name: slower
        wall = _combine(value, _time(value))  # the wall clock, with its fold
        return _subtract(wall, _NAIVE_EPOCH) - tz.utcoffset(wall)
    return _subtract(_plain(value), EPOCH)


def moment_eq_key(value: object) -> object:
    """
    Equality key for moment fields: a datetime compares by instant **and** zone.

    ``pendulum.DateTime`` equality is by instant alone, so ``12:00-04:00`` in New
    York equals ``16:00Z``; records compare the zone too, because it decides what
    "one day later" means.
    """
    if isinstance(value, _dt.datetime):
        tz = value.tzinfo
        name = tz.name if isinstance(tz, pendulum.Timezone) else str(value.utcoffset())
        # In UTC: two datetimes sharing a tzinfo compare by wall clock and ignore
        # ``fold``, so 01:30 EDT would equal 01:30 EST an hour later.
        return (since_epoch(value), name)
    return value


def to_moment(value: Moment | _dt.date) -> Moment:
    """
    Convert a date or an aware datetime to a moment; pass anything else through.

    Used as the converter of every moment field.  ``datetime.date`` becomes
    ``pendulum.Date``; an aware ``datetime.datetime`` becomes ``pendulum.DateTime``
    keeping its zone (a ``zoneinfo`` or pytz zone stays named, and so does a
    python-dateutil zone of the time-zone database) and the instant its
    ``utcoffset()`` gives (a pytz datetime moved without ``normalize()`` keeps
    its instant, not its wall clock; PEP 495: a wall time skipped by a clock
    change becomes the real time then, ``fold`` picks the side of a repeated
    hour).  A ``pendulum.DateTime`` is read the same way: one built at a
    skipped wall time (02:30 on 9 March 2025 in New York) becomes the real time
    (03:30), so that a record stores what it writes and reads back.  A zone
    that pendulum cannot name, or whose name :func:`zone` would not read back
    (a ``zoneinfo`` zone read from a file, a custom ``tzinfo``, the nameless
    zone ``pendulum.now()`` gives where ``TZ=:/etc/localtime``, ``right/...``),
    is replaced by its UTC offset at that instant; a zone ``posix/NAME`` is the
    zone ``NAME`` (the database's copy of it, with the same rules), so that
    deadlines counted from it keep its clock changes.  A naive datetime, a UTC
    offset that is not a whole number of seconds, a string or any other value
    is passed through unchanged for the field's check to report, as is (in a
    marker) a datetime whose ``tzinfo`` raises when asked its UTC offset.

    Example:
        >>> import datetime, zoneinfo
        >>> from negotiation_records.timeutil import to_moment
        >>> to_moment(datetime.date(2025, 7, 14))
        Date(2025, 7, 14)
        >>> to_moment(
        ...     datetime.datetime(2025, 7, 14, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Kyiv"))
        ... )
        DateTime(2025, 7, 14, 12, 0, 0, tzinfo=Timezone('Europe/Kyiv'))
    """
    if isinstance(value, _dt.datetime):
        tz = value.tzinfo
        if isinstance(value, pendulum.DateTime):  # a pendulum zone has an offset
            if isinstance(tz, pendulum.Timezone):
                if tz is _UTC:
                    return value
                if found_zone(tz.key) is not tz and not _readable(tz.key):
                    return _in_named_zone(value, tz.key)  # its offset, or refused
                return _real_time(value, tz)
            if isinstance(tz, pendulum.FixedTimezone):
                return value
        try:
            offset = value.utcoffset() if tz is not None else None
        except Exception as exc:  # noqa: BLE001 - the user's tzinfo, any error
            return UnreadMoment(value, exc)  # type: ignore[return-value]  # reported
        if offset is None or offset.microseconds:
            return value  # type: ignore[return-value]  # reported by check_moment
        if isinstance(value.tzinfo, zoneinfo.ZoneInfo):
            return _in_named_zone(value, value.tzinfo.key)
        if (name := database_zone_name(value)) is not None:  # dateutil's
            return _in_named_zone(value, name)
        try:
            read = pendulum.DateTime.instance(value)
        except Exception:  # noqa: BLE001 - a tzinfo pendulum cannot read
            return _at_fixed_offset(value)
        same_wall = read.replace(tzinfo=None) == value.replace(tzinfo=None)
        name = getattr(read.tzinfo, "name", None)  # kept if a record reads it back
        if same_wall and read.utcoffset() == offset and _readable(name):
            return read  # the same wall time at the same offset: the same instant
        # pendulum put the wall time in the zone of that name (pytz's) at
        # another instant (a pytz zone not localized, moved by a timedelta
        # without normalize(), or in a skipped hour): the instant given.
        return _in_named_zone(value, name)
    if isinstance(value, _dt.date):
        if type(value) is pendulum.Date:
            return value
        return pendulum.Date(value.year, value.month, value.day)
    return value


def _readable(name: str | None) -> bool:
    """Whether :func:`zone` reads the zone name *name* (so a record can hold it)."""
    try:
        zone(name)  # type: ignore[arg-type]
    except ValidationError:
        return False
    return True


def _real_time(value: pendulum.DateTime, tz: pendulum.Timezone) -> pendulum.DateTime:
    """
    *value*, a datetime in the named zone *tz*; but at a wall time that *tz*
    skipped (a clock change), the real time at the instant the standard
    library gives it (PEP 495), as :func:`to_moment` reads any datetime:
    02:30 on 9 March 2025 in New York becomes 03:30, what
    :func:`format_moment` writes and :func:`parse_moment` reads back.
    """
    plain = _plain(value)
    try:
        real = _astimezone(_astimezone(plain, _dt.UTC), tz)
    except OverflowError:  # at the edges of the calendar: keep the wall time
        return value
    if real == plain:  # one tzinfo: the same wall time (a repeated one keeps its fold)
        return value
    return from_stdlib(real, tz)


def _in_named_zone(value: _dt.datetime, name: str | None) -> Moment:
    """*value* in the pendulum zone *name*, same instant; a fixed offset if unnamed."""
    try:
        tz = zone(name)  # type: ignore[arg-type]
    except ValidationError:  # no key, or a zone pendulum does not know
        if isinstance(name, str) and name.startswith("posix/") and _readable(name[6:]):
            return _in_named_zone(value, name[6:])  # the same zone, by its name
        if not (isinstance(name, str) and name.upper() in ABBREVIATED_ZONES):
            return _at_fixed_offset(value)
        seconds = int(value.utcoffset().total_seconds())  # type: ignore[union-attr]
        tz = pendulum.FixedTimezone(seconds, name=name.upper())  # the check refuses it
    try:
        local = value.astimezone(_dt.UTC).astimezone(tz)
    except OverflowError:  # at the edges of the calendar: keep the wall time
        local = value
    return from_stdlib(local, tz)


def _at_fixed_offset(value: _dt.datetime) -> Moment:
    """*value* with its zone replaced by its UTC offset at that instant."""
    offset = value.utcoffset()
    assert offset is not None  # noqa: S101 - only aware datetimes come here
    return from_stdlib(value, fixed_zone(int(offset.total_seconds())))


def to_optional_moment(value: Moment | _dt.date | None) -> Moment | None:
    """:func:`to_moment` that keeps ``None``."""
    return None if value is None else to_moment(value)


def to_date(value: pendulum.Date | _dt.date) -> pendulum.Date:
    """Convert a ``datetime.date`` (not a datetime) to ``pendulum.Date``."""
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        if type(value) is pendulum.Date:
            return value
        return pendulum.Date(value.year, value.month, value.day)
    return value  # type: ignore[return-value]  # reported by check_date


_MOMENT_LABEL = "a date, a zone-aware datetime or a PartialDate"


def check_moment(value: object, label: str = _MOMENT_LABEL) -> Problems:
    """
    Problems with a moment field's value (see :func:`to_moment`); *label*
    says what the field takes, where it takes no month or year.
    """
    if isinstance(value, Unread):  # a tzinfo that raised when asked its offset
        return [("", value.message)]
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return [
                (
                    "",
                    f"naive datetime {value.isoformat()} has no time zone; give it a "
                    "zone (the library never guesses one) or record a date",
                )
            ]
        name = getattr(value.tzinfo, "name", None) or getattr(value.tzinfo, "key", None)
        if isinstance(name, str) and name.upper() in ABBREVIATED_ZONES:
            return [
                (
                    "",
                    ZONE_ABBREVIATION.format(
                        name=short_repr(name), instead=ABBREVIATIONS[name.upper()]
                    ),
                )
            ]
        if value.utcoffset().microseconds:  # type: ignore[union-attr]
            return [
                (
                    "",
                    f"the UTC offset of {value.isoformat()} is not a whole number "
                    "of seconds (no zone has such an offset; a moment's is written "
                    "to the second)",
                )
            ]
        return []
    if isinstance(value, (_dt.date, PartialDate)):
        return []
    hint = text_hint(value)
    return [
        (
            "",
            f"must be {label}, got {described(value)}{hint}",
        )
    ]


def check_date(value: object) -> Problems:
    """Problems with a field that must be a calendar date."""
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return []
    return [("", f"must be a date, got {described(value)}")]


def zone_name(moment: _dt.datetime) -> str | None:
    """The IANA name of a datetime's zone, or ``None`` for a fixed offset."""
    tz = moment.tzinfo
    if isinstance(tz, pendulum.Timezone):
        return tz.name
    return None


# --- text ---------------------------------------------------------------------

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?", re.ASCII)


def format_moment(moment: Moment | _dt.date) -> str:
    """
    Write a moment as text: ISO dates, RFC 9557 for named zones, RFC 3339 otherwise.

    UTC is written with ``Z``; a fixed offset of zero keeps ``+00:00``.
    An offset with seconds (the local mean time of zones before standard time,
    ``+00:19:32`` in 19th-century Amsterdam) is written ``+HH:MM:SS`` and read back.
    A standard-library date or datetime is read as a record reads it
    (``timeutil.to_moment``: a ``zoneinfo`` zone keeps its name); a naive datetime,
    or anything else that is not a moment, is a
    :class:`~negotiation_records.ValidationError`: what this writes,
    :func:`parse_moment` reads back.

    Example:
        >>> format_moment(pendulum.datetime(2025, 7, 14, 12, tz="America/New_York"))
        '2025-07-14T12:00:00-04:00[America/New_York]'
        >>> format_moment(pendulum.datetime(2025, 7, 14, 16))
        '2025-07-14T16:00:00Z'
        >>> format_moment(pendulum.date(2025, 7, 14)), format_moment(PartialDate(2025, 6))
        ('2025-07-14', '2025-06')
    """
    return moment_text(moment_argument(moment))


_time: Final = _dt.datetime.time
_PENDULUM_ZONES: Final = frozenset([pendulum.Timezone, pendulum.FixedTimezone])


def moment_text(moment: Moment) -> str:
    """
    :func:`format_moment` of a moment a record holds, unchecked (a record's
    moments were checked when it was built).
    """
    if moment.__class__ is pendulum.DateTime:
        tz = moment.tzinfo
        if tz.__class__ in _PENDULUM_ZONES:
            # The wall clock, then the offset its zone gives a plain copy (fold
            # kept), in C; isoformat() of the aware copy works it out anew.
            text = iso_wall(moment)
            if tz.__class__ is pendulum.FixedTimezone:  # the same offset at any time
                return text + offset_suffix(tz.utcoffset(moment))
            name = tz.key  # what pendulum's ``name`` gives, without the property
            if name == "UTC":
                return text + "Z"
            return f"{text}{offset_suffix(tz.utcoffset(_combine(moment, _time(moment))))}[{name}]"
    if isinstance(moment, pendulum.DateTime):
        tz = moment.tzinfo
        text = _plain(moment).isoformat()
        if isinstance(tz, pendulum.Timezone):
            name = tz.key  # what pendulum's ``name`` gives, without the property
            if name == "UTC":
                return text[:-6] + "Z"
            return f"{text}[{name}]"
        return text
    if isinstance(moment, PartialDate):
        return str(moment)
    if isinstance(moment, _dt.date):
        return moment.isoformat()
    raise ValidationError([("$", f"must be {_MOMENT_LABEL}, got {short_repr(moment)}")])


def parse_moment(text: str) -> Moment:
    """
    Read a moment written by :func:`format_moment` (or plain RFC 3339).

    The parser is strict: no guessing of zones, no ``"now"``, no other layouts.
    A named zone's offset must be the zone's offset at that instant.  RFC 3339's
    lower-case ``t`` and ``z`` are read as ``T`` and ``Z`` (and written back in
    upper case by :func:`format_moment`).  RFC 3339's ``-00:00`` (UTC known,
    local offset unknown: RFC 9557's ``Z``) is read and written as ``Z``.

    Example:
        >>> parse_moment("2025-07-14T12:00:00-04:00[America/New_York]").timezone_name
        'America/New_York'
        >>> parse_moment("2025-06")
        PartialDate(year=2025, month=6)
        >>> parse_moment("2025-07-14T12:00:00")
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: $: '2025-07-14T12:00:00' has no UTC offset; write one (Z, +03:00), followed by a zone if you like (-04:00[America/New_York]), or give a date
    """
    if not isinstance(text, str):
        raise ValidationError(
            [
                (
                    "$",
                    f"must be a moment as text, got {described(text)}",
                )
            ]
        )
    if len(text) == 10 and date_text().fullmatch(text):  # the commonest: a date
        try:
            return pendulum.Date.fromisoformat(text)
        except ValueError as exc:
            raise ValidationError(
                [("$", f"impossible date {short_repr(text)}: {exc}")]
            ) from None
    match = timestamp().fullmatch(text)
    if match:
        local, offset, name = match.groups()
        # RFC 3339 (section 5.6) allows a lower-case "t" and "z": read them as
        # "T" and "Z" (and write them upper-case).
        return _parse_datetime(
            text, local[:10] + "T" + local[11:], offset.upper(), name
        )
    try:
        partial = _PARTIAL.fullmatch(text)
        if partial:
            year, month = partial.groups()
            return PartialDate(int(year), None if month is None else int(month))
    except ValueError as exc:
        raise ValidationError(
            [("$", f"impossible date {short_repr(text)}: {exc}")]
        ) from None
    raise not_a_moment(text)


def _parse_datetime(text: str, local: str, offset: str, name: str | None) -> Moment:
    if offset in ("-00:00", "-00:00:00"):  # RFC 3339: local offset unknown (Z)
        offset = "Z"
    elif offset != "Z" and (offset[1:3] > "23" or offset[4] > "5" or offset[7:8] > "5"):
        # +HH:MM[:SS]: fromisoformat would add them up (+05:75 read as +06:15)
        # or refuse +24:00 in its own words
        runs = (
            "hours of a UTC offset run from 00 to 23"
            if offset[1:3] > "23"
            else "minutes and seconds of a UTC offset run from 00 to 59"
        )
        raise impossible_timestamp(text, f"the {runs}")
    try:
        parsed = _dt.datetime.fromisoformat(
            local + ("+00:00" if offset == "Z" else offset)
        )
    except ValueError as exc:
        raise impossible_timestamp(text, str(exc)) from None
    if name is not None:
        tz = zone(name)
        try:
            zoned = parsed.astimezone(tz)
        except OverflowError as exc:
            # At the edges of the calendar the UTC instant is out of range; read
            # the wall time in the zone instead, on the side the offset names.
            if offset == "Z":
                raise ValidationError(
                    [("$", f"timestamp {short_repr(text)} out of range: {exc}")]
                ) from None
            wall = parsed.replace(tzinfo=tz)
            zoned = (
                wall.replace(fold=1) if wall.utcoffset() != parsed.utcoffset() else wall
            )
        if offset != "Z" and zoned.utcoffset() != parsed.utcoffset():
            raise offset_mismatch(text, parsed, zoned, local, name)
        return from_stdlib(zoned, tz)
    if offset == "Z":
        return from_stdlib(parsed, _UTC)
    seconds = int(parsed.utcoffset().total_seconds())  # type: ignore[union-attr]
    return from_stdlib(parsed, fixed_zone(seconds))


def from_stdlib(value: _dt.datetime, tz: Any) -> pendulum.DateTime:
    """The wall time of *value* (a plain ``datetime``) as a pendulum datetime in *tz*."""
    parts = (
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
        tz,
    )
    if value.fold:
        return pendulum.DateTime(*parts, fold=1)
    # Without keywords: the commonest case, at half the cost of a call with them.
    return pendulum.DateTime(*parts)
