"""
Hypothesis strategies of plain values (private; the public names are in
:mod:`negotiation_records.strategies`): identifiers, texts, zones, moments,
periods, and the pools of ids and chains of moments the record strategies
draw from.
"""

from __future__ import annotations

import datetime as _dt
import functools
import unicodedata
import zoneinfo
from collections.abc import Container, Sequence
from typing import Any, Final, TypeVar

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from negotiation_records.deadlines import Deadline
from negotiation_records.errors import ValidationError
from negotiation_records.fields import SLUG_PATTERN, Country, text_problems
from negotiation_records.timeutil import (
    Moment,
    PartialDate,
    Period,
    to_moment,
    zone,
)


T = TypeVar("T")
S = st.SearchStrategy

FIRST_DAY = _dt.date(1900, 1, 1)
LAST_DAY = _dt.date(2100, 12, 31)


# --- building blocks ------------------------------------------------------------------


@functools.cache
def slugs() -> S[str]:
    """
    Identifiers: lower-case slugs of 1 to 64 characters; about one in eight
    is long (50 to 64 characters), so that the limit is reached.

    Example:
        >>> from negotiation_records.strategies import slugs
        >>> from negotiation_records.fields import Slug
        >>> Slug().problems(slugs().example())
        []
    """
    short = st.from_regex(SLUG_PATTERN, fullmatch=True)
    return st.integers(0, 7).flatmap(lambda n: _LONG_SLUGS if n == 7 else short)


# The identifier pattern with its inner part run long: 50 to 64 characters.
_LONG_SLUGS: Final = st.from_regex(
    r"[a-z0-9][a-z0-9._-]{48,62}[a-z0-9]", fullmatch=True
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def texts(*, max_size: int | None = 40) -> S[str]:
    """
    Free text as records store it: NFC-normalised, any Unicode scalar but the
    control characters other than tab, line feed and carriage return, with at
    least one visible character (see :class:`~negotiation_records.fields.Text`),
    at most *max_size* characters long once normalised (NFC writes a few
    characters as two or three; ``None``: no limit, as for ``st.text``).
    About half mix in letters of the scripts talks are written in (Cyrillic,
    Arabic, Hebrew, Devanagari, Chinese, ...), combining marks and emoji,
    which drawing from every code point alike almost never gives.

    Example:
        >>> from negotiation_records.strategies import texts
        >>> texts().example().strip() != ""
        True
        >>> all(len(text) <= 1 for text in [texts(max_size=1).example()])
        True

    Raises:
        hypothesis.errors.InvalidArgument: *max_size* is not a whole number
            of at least 1 (a bool is not one), nor ``None``.
    """
    if max_size is not None and (
        max_size.__class__ is bool or not isinstance(max_size, int) or max_size < 1
    ):
        raise InvalidArgument(
            "texts(max_size=...) must be a whole number of at least 1 or None, "
            f"got {max_size!r}"
        )
    return _texts(max_size)


#: Letters of the scripts names and quotes are written in, which drawing from
#: every code point almost never gives: Cyrillic, Turkish, Arabic and Hebrew
#: (right to left), Devanagari, Chinese, Japanese and Korean, Greek; combining
#: marks (a letter and its accent, which NFC may join), a flag and emoji
#: joined by U+200D.
_SCRIPTS: Final = tuple(
    "ЗеленськийїєґЇЄҐ"
    "ÇçĞğİıŞşÖöÜü"
    "مرحبابالعالم"
    "שלוםעליכם"
    "नमस्तेक्षत्र"
    "中文日本語한국어"
    "αβγΩάή"
    "\u0301\u0308\u0327\u0323\u05b0\u064e"
    "\U0001f1fa\U0001f1e6\U0001f600\u200d\U0001f469"
)


@functools.cache
def _texts(max_size: int | None) -> S[str]:
    """:func:`texts`, its argument checked: one strategy a size."""
    return (
        st.one_of(
            st.text(
                st.characters(codec="utf-8", exclude_categories=["Cc"])
                | st.sampled_from("\t\n\r"),
                min_size=1,
                max_size=max_size,
            ),
            # text() merges an alphabet's parts into one range of code points,
            # in which the scripts' letters would be as rare as any: a list
            # of characters from either keeps them at about half.
            st.lists(
                st.characters(codec="utf-8", exclude_categories=["Cc"])
                | st.sampled_from(_SCRIPTS),
                min_size=1,
                max_size=max_size,
            ).map("".join),
        )
        .map(nfc)
        .filter(
            lambda text: (
                (max_size is None or len(text) <= max_size) and not text_problems(text)
            )
        )
    )


@functools.cache
def country_codes() -> S[str]:
    codes = Country.codes
    if codes:
        return st.sampled_from(sorted(codes))
    return st.from_regex(r"[A-Z]{2}", fullmatch=True)  # pragma: no cover


@functools.cache
def zone_name_list() -> tuple[str, ...]:
    names = []
    for name in sorted(zoneinfo.available_timezones()):
        try:
            zone(name)
        except ValidationError:  # pragma: no cover - depends on the tz database
            continue
        names.append(name)
    return tuple(names)


@functools.cache
def zone_names() -> S[str]:
    """
    Names of IANA time zones that this system knows (``Europe/Kyiv``).

    Example:
        >>> from negotiation_records.strategies import zone_names
        >>> from negotiation_records.timeutil import zone
        >>> zone(zone_names().example()) is not None
        True
    """
    return st.sampled_from(zone_name_list())


@functools.cache
def dates() -> S[pendulum.Date]:
    """
    Calendar dates from 1900 to 2100, as :class:`pendulum.Date`.

    Example:
        >>> from negotiation_records.strategies import dates
        >>> type(dates().example()).__name__
        'Date'
    """
    return st.dates(FIRST_DAY, LAST_DAY).map(
        lambda day: pendulum.Date(day.year, day.month, day.day)
    )


@functools.cache
def fixed_offsets() -> S[pendulum.FixedTimezone]:
    return st.integers(-18 * 60, 18 * 60).map(
        lambda minutes: pendulum.FixedTimezone(minutes * 60)
    )


@functools.cache
def datetimes() -> S[pendulum.DateTime]:
    """
    Zone-aware datetimes: in a named zone, in UTC, or at a fixed offset.

    Wall times skipped by a clock change are never generated; times that happen
    twice come with either ``fold``, and the second of two repeated wall times
    (``fold=1``, rare among all times) is also drawn on purpose, from the hours
    that the clocks of a few zones repeat (about one datetime in four).

    Example:
        >>> from negotiation_records.strategies import datetimes
        >>> datetimes().example().tzinfo is not None
        True
    """
    # Three of four from anywhere: each its own strategy object, since one_of
    # keeps a strategy given twice only once (1:1, not 3:1).
    anywhere = [_anywhere().map(as_pendulum) for _ in range(3)]
    return st.one_of(*anywhere, repeated_wall_times())


@functools.cache
def _anywhere() -> S[_dt.datetime]:
    """Aware datetimes from 1900 to 2100, in any zone, none a skipped wall time."""
    return st.datetimes(
        _dt.datetime(1900, 1, 2),  # noqa: DTZ001 - hypothesis takes naive bounds
        _dt.datetime(2100, 12, 30),  # noqa: DTZ001
        timezones=zones(),
        allow_imaginary=False,
    )


#: Wall times that happen twice, when the clocks go back: zone, the date and
#: the hour and minute at which that day's repeated time begins, and how many
#: minutes repeat (half an hour on Lord Howe Island).
_REPEATED: Final = (
    ("America/New_York", (2025, 11, 2, 1, 0), 60),
    ("Europe/London", (2024, 10, 27, 1, 0), 60),
    ("Europe/Kyiv", (2023, 10, 29, 3, 0), 60),
    ("Australia/Lord_Howe", (2025, 4, 6, 1, 30), 30),
    ("America/Santiago", (2025, 4, 5, 23, 0), 60),
)


@functools.cache
def repeated_wall_times() -> S[pendulum.DateTime]:
    """
    The second of two repeated wall times (``fold=1``): 01:30 EST on the night
    New York's clocks go back, an hour after 01:30 EDT.

    Example:
        >>> from negotiation_records.strategies import repeated_wall_times
        >>> repeated_wall_times().example().fold
        1
    """

    def make(drawn: tuple[tuple[str, tuple[int, ...], int], int, object]) -> Any:
        (name, (year, month, day, hour, minute), length), minutes, _ = drawn
        start = _dt.datetime(year, month, day, hour, minute)  # noqa: DTZ001
        wall = start + _dt.timedelta(minutes=minutes % length)
        return pendulum.datetime(
            wall.year, wall.month, wall.day, wall.hour, wall.minute, tz=name, fold=1
        )

    # A datetime drawn and left unused makes each of these take more choices
    # than a datetime of any zone: Hypothesis shrinks to the example of the
    # fewest choices, and a failure that has nothing to do with clocks going
    # back is then shown with a plain date or datetime, not with this.
    return st.tuples(st.sampled_from(_REPEATED), st.integers(0, 59), _anywhere()).map(
        make
    )


def as_pendulum(value: _dt.datetime) -> pendulum.DateTime:
    moment = to_moment(value)
    assert isinstance(moment, pendulum.DateTime)  # noqa: S101
    return moment


@functools.cache
def partial_dates() -> S[PartialDate]:
    """
    Months (``2025-06``) and years (``2025``).

    Example:
        >>> from negotiation_records.strategies import partial_dates
        >>> isinstance(partial_dates().example(), PartialDate)
        True
    """
    return st.builds(
        PartialDate,
        st.integers(FIRST_DAY.year, LAST_DAY.year),
        st.none() | st.integers(1, 12),
    )


@functools.cache
def moments() -> S[Moment]:
    """
    Moments of every kind: dates, zone-aware datetimes, months and years.

    Example:
        >>> from negotiation_records.strategies import moments
        >>> from negotiation_records.timeutil import check_moment
        >>> check_moment(moments().example())
        []
    """
    return st.one_of(dates(), datetimes(), partial_dates())


def period_part(limit: int) -> S[int]:
    return st.one_of(st.just(0), st.integers(1, limit))


def periods(*, calendar_only: bool = False) -> S[Period]:
    """
    Non-zero ISO 8601 periods (``P1Y2M10DT2H30M``); *calendar_only* leaves out
    hours, minutes and seconds (what a date can be counted with).

    Example:
        >>> from negotiation_records.strategies import periods
        >>> periods().example().is_zero
        False

    Raises:
        hypothesis.errors.InvalidArgument: *calendar_only* is not a bool.
    """
    if not isinstance(calendar_only, bool):
        raise InvalidArgument(
            f"periods(calendar_only=...) must be True or False, got {calendar_only!r}"
        )
    return _periods(calendar_only)


@functools.cache
def _periods(calendar_only: bool) -> S[Period]:
    """:func:`periods`, its argument checked."""

    def exact(limit: int) -> S[int]:
        return st.just(0) if calendar_only else period_part(limit)

    return st.builds(
        Period,
        years=period_part(20),
        months=period_part(30),
        weeks=period_part(10),
        days=period_part(400),
        hours=exact(100),
        minutes=exact(200),
        seconds=exact(5000),
    ).filter(lambda period: not period.is_zero)


def optional(strategy: S[T]) -> S[T | None]:
    return st.none() | strategy


def text_lists(*, max_size: int = 3) -> S[list[str]]:
    return st.lists(texts(max_size=20), max_size=max_size, unique=True)


class Pools:
    """
    The ids a record may refer to; ``None`` means any slug.

    Each method returns a strategy; the strategies are built once per pool.
    """

    def __init__(
        self,
        parties: Sequence[str] | None = None,
        sources: Sequence[str] | None = None,
        statements: Sequence[str] | None = None,
    ) -> None:
        self._party = one_of_pool(parties)
        self._some_party = slugs() if parties is None else some_of_pool(parties)
        self._parties = many_of_pool(parties)
        self._source = one_of_pool(sources)
        self._sources = many_of_pool(sources)
        self._statement = one_of_pool(statements)

    def party(self) -> S[str | None]:
        return self._party

    def some_party(self) -> S[str]:
        return self._some_party

    def party_list(self, exclude: str | None = None) -> S[list[str]]:
        if exclude is None:
            return self._parties
        return self._parties.map(lambda found: [i for i in found if i != exclude])

    def source(self) -> S[str | None]:
        return self._source

    def source_list(self) -> S[list[str]]:
        return self._sources

    def statement(self) -> S[str | None]:
        return self._statement


def one_of_pool(pool: Sequence[str] | None) -> S[str | None]:
    if pool is None:
        return optional(slugs())
    if not pool:
        return st.none()
    return optional(some_of_pool(pool))


def some_of_pool(pool: Sequence[str]) -> S[str]:
    return st.sampled_from(tuple(pool))


def many_of_pool(pool: Sequence[str] | None) -> S[list[str]]:
    if pool is None:
        return st.lists(slugs(), max_size=3, unique=True)
    if not pool:
        return st.just([])
    return st.lists(some_of_pool(pool), max_size=3, unique=True)


ANY_POOLS = Pools()


# --- chains of moments that never go backwards ------------------------------------------


@functools.cache
def zones() -> S[_dt.tzinfo]:
    """Named zones (three of five: each its own strategy, one_of keeps one of
    a strategy given twice), UTC and fixed offsets."""
    named = [zone_names().map(zone) for _ in range(3)]
    return st.one_of(*named, st.just(pendulum.UTC), fixed_offsets())


TIME_OF_DAY: Final = st.tuples(
    st.integers(0, 23), st.integers(0, 59), st.integers(0, 59)
)
MOMENT_KIND: Final = st.sampled_from(("date", "datetime", "month", "year"))
GAP: Final = st.integers(3, 400)
FIRST: Final = st.dates(FIRST_DAY, _dt.date(2050, 1, 1))
STEPS: Final = st.integers(0, 3)


@st.composite
def chain(draw: st.DrawFn, size: int, after: Moment | None = None) -> list[Moment]:
    """
    *size* moments in order: none is before an earlier one, nor before *after*
    when it is given (the first then falls at least three days past its last day).

    Days at least three apart keep datetimes in order whatever their zones (local
    times differ from UTC by at most 26 hours); a month or a year stands for the
    span around its day.
    """
    if after is None:
        day = draw(FIRST)
    else:
        day = last_day(after) + _dt.timedelta(days=draw(GAP))
    found: list[Moment] = []
    for index in range(size):
        if index:
            day += _dt.timedelta(days=draw(GAP))
        found.append(
            moment_on(day, draw(MOMENT_KIND), draw(zones()), draw(TIME_OF_DAY))
        )
    return found


def last_day(moment: Moment) -> _dt.date:
    """The last calendar day of *moment* (a datetime's day in its own zone)."""
    if isinstance(moment, PartialDate):
        return moment.end
    if isinstance(moment, pendulum.DateTime):
        return moment.date()
    return moment


def moment_on(
    day: _dt.date, kind: str, tz: _dt.tzinfo, time: tuple[int, int, int]
) -> Moment:
    """A moment on *day*: the date, a datetime on it, its month or its year."""
    date = pendulum.Date(day.year, day.month, day.day)
    if kind == "month":
        return PartialDate(day.year, day.month)
    if kind == "year":
        return PartialDate(day.year)
    if kind == "datetime":
        moment = pendulum.datetime(day.year, day.month, day.day, *time, tz=tz)
        if moment.date() == date:  # a clock change may push a wall time past midnight
            return moment
    return date


# --- deadlines -------------------------------------------------------------------------


@functools.cache
def deadlines() -> S[Deadline]:
    """
    Deadlines by every rule: on a moment, a period after or before an anchor,
    day *n* counted inclusively from an anchor, and business days after an
    anchor (with holidays skipped).

    Example:
        >>> from negotiation_records.strategies import deadlines
        >>> isinstance(deadlines().example(), Deadline)
        True
    """
    return st.one_of(
        deadlines_on(),
        deadlines_after(),
        _deadlines_before(),
        _deadlines_on_day(),
        deadlines_business(),
    )


@functools.cache
def deadlines_on() -> S[Deadline]:
    return st.one_of(
        st.builds(
            Deadline.on, st.one_of(dates(), partial_dates()), tz=optional(zone_names())
        ),
        st.builds(Deadline.on, datetimes()),
    )


@functools.cache
def deadlines_after() -> S[Deadline]:
    from_dates = st.builds(
        Deadline.after,
        dates().filter(lambda day: day.year <= 2050),
        periods(calendar_only=True),
        tz=optional(zone_names()),
    )
    from_datetimes = st.builds(
        Deadline.after,
        datetimes().filter(lambda moment: moment.year <= 2050),
        periods(),
    )
    return st.one_of(from_dates, from_datetimes)


@functools.cache
def _deadlines_before() -> S[Deadline]:
    from_dates = st.builds(
        Deadline.before,
        dates().filter(lambda day: day.year >= 1950),
        periods(calendar_only=True),
        tz=optional(zone_names()),
    )
    from_datetimes = st.builds(
        Deadline.before,
        datetimes().filter(lambda moment: moment.year >= 1950),
        periods(),
    )
    return st.one_of(from_dates, from_datetimes)


@functools.cache
def _deadlines_on_day() -> S[Deadline]:
    anchors = st.one_of(dates(), datetimes()).filter(lambda m: m.year <= 2050)
    return st.builds(
        lambda n, anchor, tz: Deadline.on_day(n, counting_from=anchor, tz=tz),
        st.integers(1, 400),
        anchors,
        optional(zone_names()),
    )


@st.composite
def deadlines_business(draw: st.DrawFn) -> Deadline:
    anchor = draw(st.one_of(dates(), datetimes()).filter(lambda m: m.year <= 2050))
    n = draw(st.integers(1, 60))
    day = anchor.date() if isinstance(anchor, pendulum.DateTime) else anchor
    # Mostly inside the count (n business days span about 7n/5 calendar
    # days), so that holidays are skipped and kept; some beyond it.
    span = n * 7 // 5 + 2
    offsets = draw(
        st.lists(st.integers(1, span + 30), min_size=1, max_size=5, unique=True)
    )
    skipped = {day.add(days=offset) for offset in offsets}
    holidays: Container[Any] = skipped
    tz = None if isinstance(anchor, pendulum.DateTime) else draw(optional(zone_names()))
    weekend = draw(
        st.sampled_from([None, {5, 6}, {4, 5}, {6}, set()])  # Israel, one day, none
        | st.sets(st.integers(0, 6), max_size=6)
    )
    if weekend and draw(st.booleans()):  # a calendar that works some weekend days
        # Weekend days inside the count, so that the days worked count.
        inside = [
            offset
            for offset in range(1, span + 1)
            if day.add(days=offset).weekday() in weekend
        ]
        worked = (
            draw(st.lists(st.sampled_from(inside), max_size=4, unique=True))
            if inside
            else []
        )
        holidays = _WorkingCalendar(
            skipped, weekend, {day.add(days=offset) for offset in worked}
        )
        weekend = None
    return Deadline.after_business_days(
        anchor, n, holidays=holidays, tz=tz, weekend=weekend
    )


class _WorkingCalendar:
    """
    A calendar that knows its own working days, as one of the ``holidays``
    package does: its holidays, its weekend and the weekend days worked.
    """

    def __init__(
        self,
        holidays: set[pendulum.Date],
        weekend: set[int],
        worked: set[pendulum.Date],
    ) -> None:
        self.holidays = holidays
        self.weekend = weekend
        self.worked = worked

    def __contains__(self, day: object) -> bool:
        return day in self.holidays

    def is_weekend(self, day: _dt.date) -> bool:
        return day.weekday() in self.weekend

    def is_working_day(self, day: _dt.date) -> bool:
        if self.is_weekend(day):
            return day in self.worked
        return day not in self.holidays
