"""Moments, partial dates, zones, text forms and periods (``timeutil``)."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
import zoneinfo
from importlib.resources.abc import Traversable
from typing import Any

import pendulum
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from negotiation_records import (
    Deadline,
    Moment,
    PartialDate,
    Period,
    Proposal,
    Statement,
    ValidationError,
    format_moment,
    from_json,
    is_before,
    moment_sort_key,
    parse_moment,
    to_json,
)
from negotiation_records._zone_abbreviations import ABBREVIATED_ZONES, depends_on_host
from negotiation_records.timeutil import (
    check_date,
    check_moment,
    is_known_by,
    moment_argument,
    moment_eq_key,
    moment_span,
    to_date,
    to_moment,
    to_optional_moment,
    zone,
    zone_name,
)
from tests.strategies_foundation import errors_of


UTC = dt.UTC
NY = "America/New_York"
ZONE_NAMES = sorted(zoneinfo.available_timezones())
#: The names zone() reads (no abbreviation, nothing that depends on the machine).
READ_ZONE_NAMES = [
    name
    for name in ZONE_NAMES
    if name.upper() not in ABBREVIATED_ZONES and not depends_on_host(name)
]

dates = st.dates().map(lambda d: pendulum.Date(d.year, d.month, d.day))
partial_dates = st.builds(
    PartialDate, st.integers(1, 9999), st.none() | st.integers(1, 12)
)
# Zones whose meaning depends on the machine (localtime, posix/..., right/...)
# are refused by zone(); datetimes in them are tested on their own.
# Drawn from the names zone() reads, not filtered: a filter on every draw let
# a random run fail Hypothesis's filter_too_much health check.
portable_zones = st.sampled_from(READ_ZONE_NAMES).map(zoneinfo.ZoneInfo)
zoned_datetimes = st.datetimes(timezones=portable_zones).map(pendulum.instance)
fixed_offsets = st.integers(-(24 * 3600 - 1), 24 * 3600 - 1).map(
    lambda seconds: dt.timezone(dt.timedelta(seconds=seconds))
)
offset_datetimes = st.datetimes(timezones=fixed_offsets).map(to_moment)
moments: st.SearchStrategy[Moment] = st.one_of(
    dates, partial_dates, zoned_datetimes, offset_datetimes
)
# Datetimes whose calendar date is the same in their zone and in UTC.
utc_datetimes = st.datetimes(timezones=st.just(UTC)).map(pendulum.instance)


def same_moment(a: object, b: object) -> bool:
    """Equal, of the same type, and (for datetimes) in the same zone and fold."""
    if type(a) is not type(b) or a != b:
        return False
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return (
            moment_eq_key(a) == moment_eq_key(b)
            and zone_name(a) == zone_name(b)
            and a.utcoffset() == b.utcoffset()
            and a.replace(tzinfo=None) == b.replace(tzinfo=None)
        )
    return True


EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)


def same_instant(a: dt.datetime, b: dt.datetime) -> bool:
    """The same instant (``==`` is always False across zones in a fold or gap)."""
    return dt.datetime.__sub__(a, EPOCH) == dt.datetime.__sub__(b, EPOCH)


def parse_error(text: object) -> str:
    """The single message parse_moment gives for *text*."""
    with pytest.raises(ValidationError) as info:
        parse_moment(text)  # type: ignore[arg-type]
    (path, message), *rest = info.value.errors
    assert path == "$"
    assert not rest
    return message


#: Zoned datetimes around the autumn clock changes of 2025 (Kyiv 26 October,
#: New York 2 November), either fold.
_AUTUMN_MOMENTS = st.builds(
    lambda wall, name, fold: pendulum.instance(wall, tz=name).replace(fold=fold),
    st.datetimes(
        min_value=dt.datetime(2025, 10, 25), max_value=dt.datetime(2025, 11, 4)
    ),
    st.sampled_from(["America/New_York", "Europe/Kyiv", "UTC"]),
    st.sampled_from([0, 1]),
)


class TestPartialDate:
    def test_month_and_year(self) -> None:
        """A month or a year prints as ISO text and knows its first and last day."""
        june = PartialDate(2025, 6)
        assert str(june) == "2025-06"
        assert (june.start, june.end) == (
            pendulum.date(2025, 6, 1),
            pendulum.date(2025, 6, 30),
        )
        year = PartialDate(2025)
        assert str(year) == "2025"
        assert (year.start, year.end) == (
            pendulum.date(2025, 1, 1),
            pendulum.date(2025, 12, 31),
        )

    @pytest.mark.parametrize(
        ("year", "month", "last"),
        [(2024, 2, 29), (2023, 2, 28), (2000, 2, 29), (1900, 2, 28), (2025, 4, 30)],
    )
    def test_end_of_month(self, year: int, month: int, last: int) -> None:
        """The last day of a month follows leap years and month lengths."""
        assert PartialDate(year, month).end == pendulum.date(year, month, last)

    def test_small_years_print_with_four_digits(self) -> None:
        """Years are zero-padded to four digits."""
        assert str(PartialDate(33, 1)) == "0033-01"

    @pytest.mark.parametrize(
        ("year", "month", "errors"),
        [
            (0, None, (("year", "must be between 1 and 9999, got 0"),)),
            (10000, 1, (("year", "must be between 1 and 9999, got 10000"),)),
            (True, None, (("year", "must be an integer, got True"),)),
            ("2025", None, (("year", "must be an integer, got '2025'"),)),
            (2025, 13, (("month", "must be between 1 and 12, got 13"),)),
            (2025, 0, (("month", "must be between 1 and 12, got 0"),)),
            (2025, 6.0, (("month", "must be an integer or None, got 6.0"),)),
            (
                -1,
                False,
                (
                    ("year", "must be between 1 and 9999, got -1"),
                    ("month", "must be an integer or None, got False"),
                ),
            ),
        ],
    )
    def test_invalid(self, year: object, month: object, errors: object) -> None:
        """Out-of-range or wrongly typed parts are refused, all of them together."""
        assert errors_of(PartialDate, year=year, month=month) == errors

    def test_contains(self) -> None:
        """A span contains the dates, datetimes and spans inside it."""
        june = PartialDate(2025, 6)
        assert june.contains(pendulum.date(2025, 6, 30))
        assert not june.contains(pendulum.date(2025, 7, 1))
        # 30 June 23:00 in Kyiv is 1 July nowhere that matters: its own date counts
        assert june.contains(pendulum.datetime(2025, 6, 30, 23, tz="Europe/Kyiv"))
        assert PartialDate(2025).contains(june)
        assert not june.contains(PartialDate(2025))

    def test_comparison_with_dates_and_datetimes(self) -> None:
        """A span compares by its start; at the same start the longer is first."""
        june = PartialDate(2025, 6)
        first = pendulum.date(2025, 6, 1)
        assert june < first
        assert first > june
        assert june <= first
        assert not june > first
        assert PartialDate(2025) < june
        assert june < pendulum.datetime(2025, 6, 1, tz="UTC")
        assert june > pendulum.date(2025, 5, 31)
        items: list[Moment] = [first, june, PartialDate(2025)]
        assert sorted(items, key=moment_sort_key) == [
            PartialDate(2025),
            june,
            first,
        ]

    def test_plain_datetimes_compare_by_their_instant(self) -> None:
        """A ``datetime.datetime`` is read as the moment it converts to, not its day."""
        june = PartialDate(2025, 6)
        # 31 May, 23:00 at -05:00 is 1 June, 04:00 UTC: after the start of June.
        plain = dt.datetime(2025, 5, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
        assert june < plain
        assert (june < plain) == (june < pendulum.instance(plain))
        assert moment_sort_key(plain) == moment_sort_key(pendulum.instance(plain))
        assert moment_span(plain) == moment_span(pendulum.instance(plain))
        assert is_before(plain, pendulum.date(2025, 6, 2))
        assert not is_before(plain, pendulum.date(2025, 5, 31))
        assert not june.contains(plain)  # its own calendar date is 31 May
        assert june.contains(dt.date(2025, 6, 1))

    @pytest.mark.parametrize(
        ("call", "path"),
        [
            (lambda naive: PartialDate(2025, 6) < naive, "$"),
            (lambda naive: PartialDate(2025, 6) > naive, "$"),
            (lambda naive: PartialDate(2025, 6).contains(naive), "moment"),
            (moment_sort_key, "$"),
            (moment_span, "$"),
            (
                lambda naive: is_before(naive, pendulum.datetime(2025, 7, 1, tz="UTC")),
                "first",
            ),
            (lambda naive: is_before(PartialDate(2025, 6), naive), "second"),
            (lambda naive: is_before(naive, pendulum.date(2025, 6, 1)), "first"),
        ],
    )
    def test_naive_datetimes_are_refused(self, call: Any, path: str) -> None:
        """Comparing with a naive datetime would guess its zone: refused (at
        the argument's name, for is_before and contains)."""
        with pytest.raises(ValidationError) as exc:
            call(dt.datetime(2025, 7, 1, 12))
        assert exc.value.errors[0][0] == path
        assert "naive datetime 2025-07-01T12:00:00 has no time zone" in str(exc.value)

    def test_is_before_names_each_argument_that_is_not_a_moment(self) -> None:
        """Every argument that is wrong is reported, at its name."""
        refused = "must be a date, a zone-aware datetime or a PartialDate, got "
        forms = "(YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339/RFC 9557 timestamp))"
        unread = "(parse_moment does not read it either: "
        with pytest.raises(ValidationError) as exc:
            is_before("x", "y")  # type: ignore[arg-type]
        assert exc.value.errors == (
            ("first", f"{refused}str 'x' {unread}'x' is not a moment {forms}"),
            ("second", f"{refused}str 'y' {unread}'y' is not a moment {forms}"),
        )
        with pytest.raises(ValidationError) as exc:
            is_before(pendulum.date(2025, 1, 1), None)  # type: ignore[arg-type]
        assert exc.value.errors == (("second", refused + "None"),)
        naive = pendulum.naive(2025, 7, 1, 12)
        with pytest.raises(ValidationError) as exc:
            is_before(naive, naive)
        assert [path for path, _ in exc.value.errors] == ["first", "second"]

    def test_comparison_with_other_types_is_refused(self) -> None:
        """Ordering against text is a TypeError, as for dates."""
        with pytest.raises(TypeError):
            _ = PartialDate(2025) < "2026"
        with pytest.raises(TypeError):
            _ = PartialDate(2025) > 2024

    def test_value_semantics(self) -> None:
        """Partial dates are frozen, hashable and equal by value."""
        assert PartialDate(2025, 6) == PartialDate(2025, 6)
        assert PartialDate(2025, 6) != PartialDate(2025)
        assert len({PartialDate(2025, 6), PartialDate(2025, 6)}) == 1


class TestSpansAndOrder:
    def test_span_of_a_date_is_its_utc_day(self) -> None:
        """A date covers its day read in UTC, end exclusive."""
        assert moment_span(pendulum.date(2025, 7, 14)) == (
            dt.datetime(2025, 7, 14, tzinfo=UTC),
            dt.datetime(2025, 7, 15, tzinfo=UTC),
        )

    @given(moment=dates | partial_dates, at=dates)
    @example(moment=PartialDate(2025, 7), at=pendulum.Date(2025, 7, 31))
    @example(moment=PartialDate(2025, 7), at=pendulum.Date(2025, 8, 1))
    @example(moment=PartialDate(2025), at=pendulum.Date(2025, 12, 31))
    @example(moment=PartialDate(2025), at=pendulum.Date(2026, 1, 1))
    @example(moment=pendulum.Date(2025, 7, 14), at=pendulum.Date(2025, 7, 14))
    @example(moment=pendulum.Date(2025, 7, 15), at=pendulum.Date(2025, 7, 14))
    def test_known_by_a_day_as_by_its_first_instant(
        self, moment: pendulum.Date | PartialDate, at: pendulum.Date
    ) -> None:
        """
        As of a day, a date or a month is known as of the first instant of that
        day in UTC, where *at* is read from: a date from its own day on, a
        month or a year once its last day has passed.
        """
        first_instant = pendulum.datetime(at.year, at.month, at.day, tz="UTC")
        known = is_known_by(moment, at)
        assert known == is_known_by(moment, first_instant)
        last = moment.end if isinstance(moment, PartialDate) else moment
        assert known == (last < at if isinstance(moment, PartialDate) else last <= at)

    @given(
        moment=moments,
        at=utc_datetimes | zoned_datetimes | offset_datetimes | dates | partial_dates,
    )
    @example(
        moment=pendulum.Date(2025, 7, 14),
        at=pendulum.datetime(2025, 7, 13, 23, 59, 59, 999999, tz="UTC"),
    )
    @example(
        moment=pendulum.Date(2025, 7, 14), at=pendulum.datetime(2025, 7, 14, tz="UTC")
    )
    @example(moment=pendulum.Date(1, 1, 1), at=pendulum.datetime(1, 1, 1, tz="UTC"))
    @example(
        moment=PartialDate(9999),
        at=pendulum.datetime(9999, 12, 31, 23, 59, 59, 999999, tz="UTC"),
    )
    def test_known_by_the_spans_of_both(self, moment: Moment, at: Moment) -> None:
        """
        Whatever the kinds of both, what :func:`is_known_by` answers is the
        rule it states on their spans in UTC: a month or a year once its span
        has ended by the start of *at*'s, any other moment once its own has
        begun (worked out here as time since the start of the calendar, which
        never overflows: the span of "9999" ends after the last instant).
        """

        def start(value: Moment) -> dt.timedelta:
            if isinstance(value, dt.datetime):
                naive = dt.datetime.combine(value.date(), value.time())  # plain
                offset = value.utcoffset()
                assert offset is not None
                return (naive - dt.datetime.min) - offset
            first = value.start if isinstance(value, PartialDate) else value
            return dt.timedelta(days=first.toordinal() - 1)

        if isinstance(moment, PartialDate):
            expected = dt.timedelta(days=moment.end.toordinal()) <= start(at)
        else:
            expected = start(moment) <= start(at)
        assert is_known_by(moment, at) == expected

    def test_span_of_a_datetime_is_one_instant(self) -> None:
        """A datetime covers one instant, given in UTC."""
        moment = pendulum.datetime(2025, 7, 14, 12, tz=NY)
        start, end = moment_span(moment)
        assert start == end == dt.datetime(2025, 7, 14, 16, tzinfo=UTC)
        assert start.tzinfo is UTC

    def test_span_at_the_edges_of_the_calendar(self) -> None:
        """Spans beyond 9999-12-31 or before 0001-01-01 UTC are cut, not an error."""
        last = dt.datetime.max.replace(tzinfo=UTC)
        first = dt.datetime.min.replace(tzinfo=UTC)
        assert moment_span(pendulum.date(9999, 12, 31))[1] == last
        assert moment_span(PartialDate(9999))[1] == last
        early = pendulum.datetime(1, 1, 1, tz=pendulum.FixedTimezone(5 * 3600))
        assert moment_span(early) == (first, first)

    def test_sort_order_of_precisions(self) -> None:
        """Year, month, day, then times within the day: coarser spans come first."""
        kyiv = pendulum.datetime(2025, 6, 1, 9, tz="Europe/Kyiv")
        items: list[Moment] = [
            kyiv,
            pendulum.date(2025, 6, 1),
            PartialDate(2025, 6),
            PartialDate(2025),
            pendulum.date(2025, 5, 31),
        ]
        assert sorted(items, key=moment_sort_key) == [
            PartialDate(2025),
            pendulum.date(2025, 5, 31),
            PartialDate(2025, 6),
            pendulum.date(2025, 6, 1),
            kyiv,
        ]

    def test_sort_key_works_at_the_edges_of_the_calendar(self) -> None:
        """The key never overflows, from year 1 to 9999-12-31."""
        items: list[Moment] = [
            pendulum.date(9999, 12, 31),
            PartialDate(9999, 12),
            pendulum.datetime(1, 1, 1, tz=pendulum.FixedTimezone(5 * 3600)),
            pendulum.date(1, 1, 1),
            pendulum.instance(dt.datetime.max.replace(tzinfo=UTC)),
        ]
        assert sorted(items, key=moment_sort_key) == [
            items[2],
            items[3],
            items[1],
            items[0],
            items[4],
        ]

    def test_is_before_between_datetimes_is_by_instant(self) -> None:
        """Two datetimes compare as instants, whatever their zones."""
        ny_noon = pendulum.datetime(2025, 7, 14, 12, tz=NY)
        kyiv = pendulum.datetime(2025, 7, 14, 18, tz="Europe/Kyiv")  # 15:00 UTC
        assert is_before(kyiv, ny_noon)
        assert not is_before(ny_noon, kyiv)
        assert not is_before(ny_noon, ny_noon.in_timezone("UTC"))

    @given(_AUTUMN_MOMENTS, _AUTUMN_MOMENTS)
    def test_is_before_is_the_order_of_instants(
        self, first: pendulum.DateTime, second: pendulum.DateTime
    ) -> None:
        """Same zone or not, repeated hours included: earlier instant first."""
        assert is_before(first, second) == (first.timestamp() < second.timestamp())

    def test_is_before_with_dates_reads_whole_days(self) -> None:
        """Between dates, months and years only whole days decide."""
        day = pendulum.date(2025, 6, 16)
        assert is_before(pendulum.date(2025, 6, 15), day)
        assert not is_before(PartialDate(2025, 6), day)
        assert not is_before(day, PartialDate(2025, 6))
        assert is_before(PartialDate(2025, 5), day)
        assert is_before(day, PartialDate(2025, 7))
        assert is_before(PartialDate(2024), PartialDate(2025, 1))

    def test_a_date_against_a_datetime_is_that_day_anywhere(self) -> None:
        """A date names no zone: it is before a datetime only if that day is over everywhere."""
        day = pendulum.date(2025, 6, 16)
        evening = pendulum.datetime(2025, 6, 16, 23, tz="Pacific/Auckland")
        assert not is_before(day, evening)
        assert not is_before(evening, day)
        # 23:00 on the 17th in Auckland is 11:00 UTC: still the 16th at UTC-12.
        assert not is_before(day, evening.add(days=1))
        over = pendulum.datetime(2025, 6, 17, 12, tz="UTC")  # midnight at UTC-12
        assert is_before(day, over)
        assert not is_before(day, over.subtract(microseconds=1))
        assert is_before(PartialDate(2025, 6), over.add(months=1))
        assert not is_before(PartialDate(2025, 6), pendulum.datetime(2025, 7, 1, 11))

    def test_a_datetime_is_before_a_date_only_if_earlier_everywhere(self) -> None:
        """A datetime is before a date only if it shows an earlier day at UTC+14 too."""
        day = pendulum.date(2025, 6, 16)
        starts = pendulum.datetime(2025, 6, 15, 10, tz="UTC")  # midnight at UTC+14
        assert not is_before(starts, day)
        assert is_before(starts.subtract(microseconds=1), day)
        late = pendulum.datetime(2025, 6, 15, 23, tz="Etc/GMT+12")  # 16 June in UTC
        assert not is_before(late, day)
        assert not is_before(day, late)

    def test_a_source_dating_by_its_own_day(self) -> None:
        """A proposal dated 16 August in Moscow may come before an Alaska meeting ended."""
        ended = pendulum.datetime(2025, 8, 15, 14, 45, tz="America/Anchorage")
        reported = pendulum.date(2025, 8, 16)  # 01:45 on the 16th in Moscow
        assert not is_before(ended, reported)
        assert not is_before(reported, ended)
        assert is_before(ended, pendulum.date(2025, 8, 17))
        assert is_before(pendulum.date(2025, 8, 14), ended)

    def test_a_far_offset_widens_the_reach(self) -> None:
        """A local mean time beyond UTC+14 or UTC-12 still shows its own day."""
        sitka = pendulum.datetime(1800, 6, 16, 0, 30, tz="America/Sitka")  # LMT +14:58
        offset = sitka.utcoffset()
        assert offset is not None
        assert offset > dt.timedelta(hours=14)  # 23:32 on the 15th at +14
        assert not is_before(sitka, pendulum.date(1800, 6, 16))
        assert is_before(sitka, pendulum.date(1800, 6, 17))
        west = pendulum.FixedTimezone(-20 * 3600)
        far_west = pendulum.datetime(2025, 6, 15, 23, tz=west)  # the 16th at UTC-12
        assert not is_before(pendulum.date(2025, 6, 15), far_west)
        assert is_before(pendulum.date(2025, 6, 14), far_west)

    @given(
        st.one_of(dates, partial_dates), st.one_of(zoned_datetimes, offset_datetimes)
    )
    def test_a_day_against_a_datetime_is_read_in_every_zone(
        self, days: Moment, moment: pendulum.DateTime
    ) -> None:
        """Before (or after) exactly when so by the datetime's day at every offset."""
        first, last = (
            (days.start, days.end) if isinstance(days, PartialDate) else (days, days)
        )
        offset = moment.utcoffset()
        assert offset is not None
        local_days = []
        for shift in [offset, *(dt.timedelta(minutes=15 * q) for q in range(-48, 57))]:
            try:
                local = moment.in_timezone(pendulum.FixedTimezone(0)) + shift
            except OverflowError:  # the day is off the calendar: outside any span
                continue
            local_days.append(local.date())
        assume(len(local_days) == 106)  # not at the edge of the calendar
        assert is_before(days, moment) == all(d > last for d in local_days)
        assert is_before(moment, days) == all(d < first for d in local_days)

    def test_the_new_reading_never_refuses_what_the_own_day_allowed(self) -> None:
        """Before by every zone's day is before by the datetime's own day as well."""
        moment = pendulum.datetime(2025, 6, 16, 23, 30, tz="Pacific/Kiritimati")
        for day in (pendulum.date(2025, 6, d) for d in range(10, 25)):
            if is_before(day, moment):
                assert day < moment.date()
            if is_before(moment, day):
                assert moment.date() < day

    @given(moments, moments)
    def test_is_before_is_asymmetric(self, a: Moment, b: Moment) -> None:
        """No two moments are each before the other."""
        assert not (is_before(a, b) and is_before(b, a))

    @given(moments)
    def test_is_before_is_irreflexive(self, a: Moment) -> None:
        """No moment is before itself."""
        assert not is_before(a, a)

    @given(moments, moments)
    def test_sort_key_agrees_with_is_before(self, a: Moment, b: Moment) -> None:
        """What is certainly before sorts first, in any zones."""
        if is_before(a, b):
            assert moment_sort_key(a) < moment_sort_key(b)

    @given(st.one_of(zoned_datetimes, offset_datetimes), st.one_of(zoned_datetimes))
    def test_sort_key_orders_datetimes_by_instant(
        self, a: pendulum.DateTime, b: pendulum.DateTime
    ) -> None:
        """Among datetimes the key is the instant, in any zones."""
        assert (moment_sort_key(a) < moment_sort_key(b)) == is_before(a, b)
        assert (moment_sort_key(a) == moment_sort_key(b)) == (a == b)

    @given(st.lists(moments, max_size=8))
    def test_sorting_is_a_total_preorder(self, items: list[Moment]) -> None:
        """Sorting by the key is stable and idempotent for any mix of moments."""
        once = sorted(items, key=moment_sort_key)
        assert sorted(once, key=moment_sort_key) == once
        keys = [moment_sort_key(m) for m in once]
        assert keys == sorted(keys)


class TestEqualityKey:
    def test_same_instant_in_other_zones_differs(self) -> None:
        """A datetime's key holds its zone, so equal instants in two zones differ."""
        ny = pendulum.datetime(2025, 7, 14, 12, tz=NY)
        utc = ny.in_timezone("UTC")
        fixed = ny.in_timezone(pendulum.FixedTimezone(-4 * 3600))
        assert ny == utc == fixed
        assert len({moment_eq_key(ny), moment_eq_key(utc), moment_eq_key(fixed)}) == 3

    def test_other_values_are_their_own_key(self) -> None:
        """Dates, partial dates and None are compared as they are."""
        assert moment_eq_key(pendulum.date(2025, 7, 14)) == pendulum.date(2025, 7, 14)
        assert moment_eq_key(None) is None


def _tzfile(name: str) -> Traversable:
    return importlib.resources.files("tzdata").joinpath("zoneinfo", *name.split("/"))


class _TwoHoursAhead(dt.tzinfo):
    """A minimal tzinfo without a name, as some libraries write them."""

    def utcoffset(self, _: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=2)

    def dst(self, _: dt.datetime | None) -> None:
        return None

    def tzname(self, _: dt.datetime | None) -> str:
        raise NotImplementedError


class TestConversion:
    def test_plain_date_becomes_pendulum_date(self) -> None:
        """datetime.date becomes pendulum.Date; a pendulum.Date stays itself."""
        converted = to_moment(dt.date(2024, 2, 29))
        assert type(converted) is pendulum.Date
        assert converted == pendulum.date(2024, 2, 29)
        same = pendulum.date(2025, 1, 1)
        assert to_moment(same) is same

    def test_zoneinfo_zone_stays_named(self) -> None:
        """An aware datetime with a zoneinfo zone keeps the zone's name."""
        value = dt.datetime(2025, 7, 14, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Kyiv"))
        converted = to_moment(value)
        assert isinstance(converted, pendulum.DateTime)
        assert converted.timezone_name == "Europe/Kyiv"
        assert converted == value
        assert isinstance(converted.tzinfo, pendulum.Timezone)

    def test_fixed_offset_and_utc(self) -> None:
        """A datetime.timezone becomes a fixed offset; UTC becomes pendulum's UTC."""
        plus3 = to_moment(
            dt.datetime(2025, 7, 14, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))
        )
        assert isinstance(plus3, pendulum.DateTime)
        assert isinstance(plus3.tzinfo, pendulum.FixedTimezone)
        assert plus3.utcoffset() == dt.timedelta(hours=3)
        utc = to_moment(dt.datetime(2025, 7, 14, 12, tzinfo=UTC))
        assert isinstance(utc, pendulum.DateTime)
        assert utc.timezone_name == "UTC"

    def test_pendulum_datetime_is_kept(self) -> None:
        """A pendulum datetime with a pendulum zone is returned as it is."""
        value = pendulum.datetime(2025, 7, 14, 12, tz=NY)
        assert to_moment(value) is value

    def test_pendulum_datetime_with_stdlib_zone_is_converted(self) -> None:
        """A pendulum datetime carrying a stdlib zone gets a pendulum zone."""
        value = pendulum.DateTime.fromisoformat("2025-07-14T12:00:00+03:00")
        converted = to_moment(value)
        assert isinstance(converted, pendulum.DateTime)
        assert isinstance(converted.tzinfo, pendulum.FixedTimezone)
        assert converted == value

    def test_skipped_wall_time_keeps_the_stdlib_instant(self) -> None:
        """A time in a spring-forward gap becomes the real time at the same instant."""
        gap = dt.datetime(2025, 3, 9, 2, 30, tzinfo=zoneinfo.ZoneInfo(NY))
        converted = to_moment(gap)
        assert isinstance(converted, pendulum.DateTime)
        assert same_instant(converted, gap)  # as the standard library reads it
        assert same_moment(converted, pendulum.datetime(2025, 3, 9, 3, 30, tz=NY))

    @pytest.mark.parametrize(("fold", "real"), [(0, (3, 30)), (1, (1, 30))])
    def test_pendulum_datetime_at_a_skipped_wall_time_becomes_the_real_time(
        self, fold: int, real: tuple[int, int]
    ) -> None:
        """pendulum's own constructor keeps 02:30 on the night New York skipped
        it (offset -05:00, text the loader refuses): it is read as a standard
        library datetime is, the real time at the instant PEP 495 gives it."""
        tz = pendulum.timezone(NY)
        gap = pendulum.DateTime(2025, 3, 9, 2, 30, tzinfo=tz, fold=fold)
        converted = to_moment(gap)
        stdlib = dt.datetime(2025, 3, 9, 2, 30, fold=fold, tzinfo=zoneinfo.ZoneInfo(NY))
        assert isinstance(converted, pendulum.DateTime)
        assert same_instant(converted, stdlib)
        assert same_moment(converted, pendulum.datetime(2025, 3, 9, *real, tz=NY))
        assert same_moment(parse_moment(format_moment(converted)), converted)

    @pytest.mark.parametrize("fold", [0, 1])
    def test_pendulum_datetime_in_a_repeated_hour_is_kept(self, fold: int) -> None:
        """Both sides of a fall-back hour exist: kept as they are, fold and all."""
        value = pendulum.DateTime(
            2025, 11, 2, 1, 30, tzinfo=pendulum.timezone(NY), fold=fold
        )
        assert to_moment(value) is value

    @given(
        st.sampled_from(
            [
                (NY, dt.date(2025, 3, 9)),
                ("Europe/London", dt.date(2025, 3, 30)),
                ("Europe/Kyiv", dt.date(2025, 3, 30)),
                ("Australia/Lord_Howe", dt.date(2025, 10, 5)),
                (NY, dt.date(2025, 11, 2)),
            ]
        ),
        st.times(max_value=dt.time(4, 59, 59)),
        st.sampled_from([0, 1]),
    )
    def test_every_pendulum_wall_time_round_trips_in_a_record(
        self, day: tuple[str, dt.date], time: dt.time, fold: int
    ) -> None:
        """Whatever wall time a pendulum datetime is built at, a moment field
        stores what it writes and the loader reads back: the early hours of the
        nights the clocks changed in 2025 (New York, London, Kyiv, and Lord
        Howe's half-hour change in spring; New York in autumn)."""
        name, date = day
        parts = (date.year, date.month, date.day, time.hour, time.minute, time.second)
        value = pendulum.DateTime(*parts, tzinfo=pendulum.timezone(name), fold=fold)
        statement = Statement(id="s", speaker="A", said_on=value, text="t")
        stdlib = dt.datetime(*parts, fold=fold, tzinfo=zoneinfo.ZoneInfo(name))
        assert isinstance(statement.said_on, dt.datetime)
        assert same_instant(statement.said_on, stdlib)
        back = from_json(Statement, to_json(statement))
        assert back == statement
        assert same_moment(back.said_on, statement.said_on)

    def test_statement_said_at_a_skipped_wall_time_round_trips(self) -> None:
        """A Statement said at a skipped wall time is stored at the real time and
        read back from its JSON."""
        gap = pendulum.DateTime(2025, 3, 9, 2, 30, tzinfo=pendulum.timezone(NY))
        statement = Statement(id="s", speaker="A", said_on=gap, text="t")
        assert same_moment(
            statement.said_on, pendulum.datetime(2025, 3, 9, 3, 30, tz=NY)
        )
        text = to_json(statement)
        assert '"said_on":"2025-03-09T03:30:00-04:00[America/New_York]"' in text
        assert from_json(Statement, text) == statement

    @pytest.mark.parametrize("fold", [0, 1])
    def test_repeated_hour_keeps_its_fold(self, fold: int) -> None:
        """In a fall-back hour, fold picks the side and is kept."""
        value = dt.datetime(2025, 11, 2, 1, 30, fold=fold, tzinfo=zoneinfo.ZoneInfo(NY))
        converted = to_moment(value)
        assert isinstance(converted, pendulum.DateTime)
        assert converted.fold == fold
        assert converted.utcoffset() == value.utcoffset()

    def test_edges_of_the_calendar(self) -> None:
        """Datetimes whose UTC instant is out of range keep their wall time."""
        value = dt.datetime(1, 1, 1, tzinfo=zoneinfo.ZoneInfo("Asia/Kolkata"))
        converted = to_moment(value)
        assert isinstance(converted, pendulum.DateTime)
        assert converted.timezone_name == "Asia/Kolkata"
        assert converted.replace(tzinfo=None) == dt.datetime(1, 1, 1)

    @pytest.mark.parametrize("key", [None, "Not/AZone"])
    def test_zone_pendulum_cannot_name_becomes_an_offset(self, key: str | None) -> None:
        """A zoneinfo zone read from a file without a known key keeps its offset."""
        with _tzfile("Europe/Kyiv").open("rb") as file:
            tz = zoneinfo.ZoneInfo.from_file(file, key=key)
        converted = to_moment(dt.datetime(2025, 7, 1, 12, tzinfo=tz))
        assert isinstance(converted, pendulum.DateTime)
        assert isinstance(converted.tzinfo, pendulum.FixedTimezone)
        assert converted.utcoffset() == dt.timedelta(hours=3)

    @pytest.mark.parametrize("key", [None, "right/Europe/Kyiv", "localtime"])
    def test_pendulum_zone_a_record_could_not_read_back_becomes_an_offset(
        self, key: str | None
    ) -> None:
        """A pendulum zone without a name (``pendulum.now()`` where
        ``TZ=:/etc/localtime``) or with one that depends on the machine is
        replaced by its offset: a record never writes a zone it cannot read."""
        with _tzfile("Europe/Kyiv").open("rb") as file:
            tz = pendulum.Timezone.from_file(file, key=key)
        value = pendulum.DateTime(2025, 7, 1, 12, tzinfo=tz)
        converted = to_moment(value)
        assert isinstance(converted, pendulum.DateTime)
        assert isinstance(converted.tzinfo, pendulum.FixedTimezone)
        assert converted.utcoffset() == dt.timedelta(hours=3)
        assert converted == value
        statement = Statement(id="s", speaker="A", text="x", said_on=value)
        assert "2025-07-01T12:00:00+03:00" in to_json(statement)
        assert from_json(Statement, to_json(statement)) == statement

    @pytest.mark.parametrize("pendulums", [False, True])
    def test_a_posix_zone_is_the_zone_of_that_name(self, pendulums: bool) -> None:
        """
        ``posix/Europe/Paris`` is the database's copy of ``Europe/Paris``: a
        deadline a month after noon on 1 March in it is noon on 1 April, Paris
        summer time (as a fixed offset it was 13:00 on the Paris wall clock).
        """
        with _tzfile("Europe/Paris").open("rb") as file:
            if pendulums:
                start: dt.datetime = pendulum.DateTime(
                    2025,
                    3,
                    1,
                    12,
                    tzinfo=pendulum.Timezone.from_file(file, key="posix/Europe/Paris"),
                )
            else:
                tz = zoneinfo.ZoneInfo.from_file(file, key="posix/Europe/Paris")
                start = dt.datetime(2025, 3, 1, 12, tzinfo=tz)
        deadline = Deadline.after(start, months=1)
        assert deadline.anchor is not None
        assert format_moment(deadline.anchor) == (
            "2025-03-01T12:00:00+01:00[Europe/Paris]"
        )
        assert format_moment(deadline.due) == "2025-04-01T12:00:00+02:00[Europe/Paris]"

    def test_a_pendulum_zone_a_record_reads_stays_named(self) -> None:
        """A named zone of pendulum's own is kept, whichever object it is."""
        with _tzfile("Europe/Kyiv").open("rb") as file:
            tz = pendulum.Timezone.from_file(file, key="Europe/Kyiv")
        converted = to_moment(pendulum.DateTime(2025, 7, 1, 12, tzinfo=tz))
        assert isinstance(converted, pendulum.DateTime)
        assert converted.timezone_name == "Europe/Kyiv"
        assert format_moment(converted) == "2025-07-01T12:00:00+03:00[Europe/Kyiv]"

    def test_an_offset_of_a_fraction_of_a_second_is_refused(self) -> None:
        """No zone has one, and a moment's offset is written to the second: the
        instant would move (it was rounded silently)."""
        tz = dt.timezone(dt.timedelta(minutes=19, seconds=32, microseconds=130000))
        value = dt.datetime(1937, 1, 1, 12, tzinfo=tz)
        assert to_moment(value) is value  # type: ignore[comparison-overlap]
        with pytest.raises(ValidationError) as info:
            Statement(id="s", speaker="A", text="x", said_on=value)
        assert info.value.errors == (
            (
                "said_on",
                "the UTC offset of 1937-01-01T12:00:00+00:19:32.130000 is not a whole "
                "number of seconds (no zone has such an offset; a moment's is "
                "written to the second)",
            ),
        )

    def test_custom_tzinfo_becomes_an_offset(self) -> None:
        """A tzinfo pendulum cannot read is replaced by its offset."""
        converted = to_moment(dt.datetime(2025, 7, 1, 12, tzinfo=_TwoHoursAhead()))
        assert isinstance(converted, pendulum.DateTime)
        assert converted.utcoffset() == dt.timedelta(hours=2)
        assert converted == dt.datetime(2025, 7, 1, 10, tzinfo=UTC)

    @pytest.mark.parametrize(
        ("wall", "offset", "stored"),
        [
            (
                (12, 0),
                dt.timedelta(hours=-5),
                "2025-03-09T13:00:00-04:00[America/New_York]",
            ),
            (
                (12, 0),
                dt.timedelta(hours=-4, minutes=-56),
                "2025-03-09T12:56:00-04:00[America/New_York]",
            ),
            (
                (12, 0),
                dt.timedelta(hours=-4),
                "2025-03-09T12:00:00-04:00[America/New_York]",
            ),
            (  # in the hour the clocks skipped, at the offset before it
                (2, 30),
                dt.timedelta(hours=-5),
                "2025-03-09T03:30:00-04:00[America/New_York]",
            ),
        ],
    )
    def test_a_pytz_zone_keeps_the_instant(
        self, wall: tuple[int, int], offset: dt.timedelta, stored: str
    ) -> None:
        """
        A pytz zone is read by its name, at the instant the datetime gives: a
        datetime moved by a day without ``normalize()`` (still at the offset
        of the day before a clock change), built with ``tzinfo=`` (at the
        zone's first offset, local mean time), or localized in the hour the
        clocks skipped, is not read by its wall clock.
        """
        zone = _PytzLike("America/New_York", offset)
        given = dt.datetime(2025, 3, 9, *wall, tzinfo=zone)
        converted = to_moment(given)
        assert converted == given
        assert format_moment(converted) == stored

    @pytest.mark.parametrize(
        "value",
        [dt.datetime(2025, 7, 14, 12), "2025-07-14", 5, None, PartialDate(2025)],
        ids=repr,
    )
    def test_other_values_pass_through(self, value: object) -> None:
        """Naive datetimes, text and other values are left for the check."""
        assert to_moment(value) is value  # type: ignore[arg-type]

    def test_optional_and_date_converters(self) -> None:
        """to_optional_moment keeps None; to_date converts dates only."""
        assert to_optional_moment(None) is None
        assert to_optional_moment(dt.date(2025, 1, 2)) == pendulum.date(2025, 1, 2)
        assert type(to_date(dt.date(2025, 1, 2))) is pendulum.Date
        same = pendulum.date(2025, 1, 2)
        assert to_date(same) is same
        now: Any = dt.datetime(2025, 1, 2, tzinfo=UTC)
        assert to_date(now) is now


class _PytzLike(dt.tzinfo):
    """A zone as pytz makes one: a name, ``localize``, one offset per object."""

    def __init__(self, zone: str, offset: dt.timedelta) -> None:
        self.zone = zone
        self._offset = offset

    def localize(self, value: dt.datetime) -> dt.datetime:
        return value.replace(tzinfo=self)

    def utcoffset(self, value: dt.datetime | None) -> dt.timedelta:
        return self._offset

    def dst(self, value: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, value: dt.datetime | None) -> str:
        return "EST"


class TestMomentChecks:
    def test_naive_datetime_needs_a_zone(self) -> None:
        """A naive datetime is refused with a message saying a zone is needed."""
        assert check_moment(dt.datetime(2025, 7, 14, 12)) == [
            (
                "",
                "naive datetime 2025-07-14T12:00:00 has no time zone; give it a zone "
                "(the library never guesses one) or record a date",
            )
        ]

    def test_text_gets_a_hint(self) -> None:
        """Text is refused with a pointer to parse_moment."""
        assert check_moment("2025-07-14") == [
            (
                "",
                "must be a date, a zone-aware datetime or a PartialDate, got str "
                "'2025-07-14' (parse text with parse_moment)",
            )
        ]

    def test_valid_moments_pass(self) -> None:
        """Dates, aware datetimes and partial dates pass."""
        for value in (
            pendulum.date(2025, 7, 14),
            pendulum.datetime(2025, 7, 14, tz=NY),
            PartialDate(2025),
        ):
            assert check_moment(value) == []

    def test_other_types(self) -> None:
        """Anything else names its type and value."""
        assert check_moment(1.5) == [
            (
                "",
                "must be a date, a zone-aware datetime or a PartialDate, got float 1.5",
            )
        ]

    def test_check_date(self) -> None:
        """A calendar date passes; a datetime or text does not."""
        assert check_date(pendulum.date(2025, 1, 1)) == []
        assert check_date(pendulum.datetime(2025, 1, 1)) == [
            (
                "",
                "must be a date, got DateTime "
                "DateTime(2025, 1, 1, 0, 0, 0, tzinfo=Timezone('UTC'))",
            )
        ]


class TestZones:
    def test_named_zone(self) -> None:
        """A known IANA name gives a pendulum zone; UTC gives pendulum's UTC."""
        assert zone("Europe/Kyiv").name == "Europe/Kyiv"
        assert zone("UTC") == pendulum.UTC

    @pytest.mark.parametrize(
        "name", ["Europe/Kiev2", "", "x" * 65, "Europe/\x00Kyiv", 3, None, "+03:00"]
    )
    def test_unknown_zone(self, name: object) -> None:
        """Unknown names, empty or odd values give one clear ValidationError."""
        with pytest.raises(ValidationError) as info:
            zone(name)  # type: ignore[arg-type]
        assert info.value.errors == (("$", f"unknown time zone {name!r}"),)

    @pytest.mark.parametrize("name", ["utc", "Utc", "uTC"])
    def test_a_name_spelled_otherwise_than_the_database(self, name: str) -> None:
        """
        Pendulum reads "utc" in any case as UTC, which the time-zone database
        (and zoneinfo, and other languages' readers) spell only "UTC": such a
        name, written back as given, would not be found by them.
        """
        with pytest.raises(ValidationError) as info:
            zone(name)
        assert info.value.errors == (
            (
                "$",
                f"time zone {name!r} is not written so in the time-zone database, "
                "whose names other readers match exactly: write 'UTC'",
            ),
        )
        assert zone("Etc/UTC").name == "Etc/UTC"

    @pytest.mark.parametrize(
        ("name", "spelled"),
        [
            ("America/new_york", "America/New_York"),
            ("europe/kyiv", "Europe/Kyiv"),
            ("ETC/GMT+5", "Etc/GMT+5"),
        ],
    )
    def test_a_name_in_another_case(self, name: str, spelled: str) -> None:
        """A database name written in another case is told how it is written."""
        with pytest.raises(ValidationError) as info:
            zone(name)
        assert info.value.errors == (
            (
                "$",
                f"time zone {name!r} is not written so in the time-zone database, "
                f"whose names other readers match exactly: write {spelled!r}",
            ),
        )
        assert zone(spelled).name == spelled

    def test_zone_asked_again(self) -> None:
        """
        A zone asked for again is the same zone, and a refused name stays
        refused however often it is asked, whether or not others were found.
        """
        assert zone("Asia/Tbilisi") is zone("Asia/Tbilisi")
        for _ in range(2):
            with pytest.raises(ValidationError, match="abbreviation"):
                zone("EST")
            with pytest.raises(ValidationError, match="depends on the machine"):
                zone("localtime")
            with pytest.raises(ValidationError, match="unknown time zone"):
                zone("Asia/Tbilisi2")

        class Name(str):
            __slots__ = ()

        assert zone(Name("Asia/Tbilisi")) is zone("Asia/Tbilisi")

    def test_zone_name(self) -> None:
        """zone_name gives the IANA name, or None for a fixed offset."""
        assert zone_name(pendulum.datetime(2025, 1, 1, tz=NY)) == NY
        fixed = pendulum.datetime(2025, 1, 1, tz=pendulum.FixedTimezone(3600))
        assert zone_name(fixed) is None


class TestFormatAndParse:
    @pytest.mark.parametrize(
        ("moment", "text"),
        [
            (
                pendulum.datetime(2025, 7, 14, 12, tz=NY),
                "2025-07-14T12:00:00-04:00[America/New_York]",
            ),
            (pendulum.datetime(2025, 7, 14, 16), "2025-07-14T16:00:00Z"),
            (
                pendulum.datetime(2025, 7, 14, 15, tz=pendulum.FixedTimezone(10800)),
                "2025-07-14T15:00:00+03:00",
            ),
            (
                pendulum.datetime(2025, 7, 14, 15, tz=pendulum.FixedTimezone(0)),
                "2025-07-14T15:00:00+00:00",
            ),
            (
                pendulum.datetime(2025, 7, 14, 15, 0, 0, 1500, tz="Europe/Kyiv"),
                "2025-07-14T15:00:00.001500+03:00[Europe/Kyiv]",
            ),
            (
                pendulum.datetime(1900, 1, 1, tz="Europe/Amsterdam"),
                "1900-01-01T00:00:00+00:19:32[Europe/Amsterdam]",
            ),
            (pendulum.date(2024, 2, 29), "2024-02-29"),
            (PartialDate(2025, 6), "2025-06"),
            (PartialDate(2025), "2025"),
        ],
    )
    def test_known_forms(self, moment: Moment, text: str) -> None:
        """Each kind of moment has one text form, which parses back exactly."""
        assert format_moment(moment) == text
        assert same_moment(parse_moment(text), moment)

    @pytest.mark.parametrize(
        ("text", "written"),
        [
            ("2025-07-14T12:00:00-00:00", "2025-07-14T12:00:00Z"),
            ("2025-07-14t12:00:00-00:00", "2025-07-14T12:00:00Z"),
            ("2025-07-14T12:00:00-00:00:00", "2025-07-14T12:00:00Z"),
            (
                "2025-07-14T12:00:00-00:00[America/New_York]",
                "2025-07-14T08:00:00-04:00[America/New_York]",
            ),
        ],
    )
    def test_an_unknown_local_offset_is_utc(self, text: str, written: str) -> None:
        """RFC 3339's -00:00 (the time in UTC is known, the local offset is not)
        is read as Z, which RFC 9557 gives that meaning, and written Z."""
        moment = parse_moment(text)
        assert isinstance(moment, pendulum.DateTime)
        assert format_moment(moment) == written
        assert moment == pendulum.datetime(2025, 7, 14, 12)
        if "[" not in text:
            assert moment.tzinfo is pendulum.UTC
            assert same_moment(moment, parse_moment("2025-07-14T12:00:00Z"))

    def test_a_fixed_offset_of_zero_keeps_its_meaning(self) -> None:
        """+00:00 is a fixed offset of zero, written back as +00:00."""
        moment = parse_moment("2025-07-14T12:00:00+00:00")
        assert isinstance(moment, pendulum.DateTime)
        assert isinstance(moment.tzinfo, pendulum.FixedTimezone)
        assert format_moment(moment) == "2025-07-14T12:00:00+00:00"

    def test_format_refuses_other_values(self) -> None:
        """Formatting something that is not a moment is a ValidationError, a
        naive datetime too: what format_moment writes, parse_moment reads."""
        with pytest.raises(ValidationError) as info:
            format_moment("2025")  # type: ignore[arg-type]
        assert info.value.errors == (
            (
                "$",
                "must be a date, a zone-aware datetime or a PartialDate, got str "
                "'2025' (parse text with parse_moment)",
            ),
        )
        for naive in (pendulum.naive(2025, 7, 14, 12), dt.datetime(2025, 7, 14, 12)):
            with pytest.raises(ValidationError, match="naive datetime"):
                format_moment(naive)

    @given(
        when=st.datetimes(
            min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)
        ),
        where=st.one_of(
            st.sampled_from(READ_ZONE_NAMES).map(pendulum.timezone),
            st.integers(-86399, 86399).map(pendulum.FixedTimezone),
        ),
        fold=st.integers(0, 1),
    )
    def test_a_datetime_is_written_as_isoformat_writes_it(
        self, when: dt.datetime, where: Any, fold: int
    ) -> None:
        """
        The text of a datetime is its wall clock and offset as ``isoformat()``
        writes them (microseconds only when there are some, an offset of
        seconds in full), then its zone's name; UTC's is ``Z``.  Folds, local
        mean times and offsets of any number of seconds included.
        """
        # as a record holds it (a time the clocks skipped is moved past the gap)
        moment = to_moment(when.replace(tzinfo=where, fold=fold))
        assert isinstance(moment, pendulum.DateTime)
        text = format_moment(moment)
        aware = dt.datetime.combine(moment, moment.timetz()).isoformat()
        if isinstance(where, pendulum.FixedTimezone):
            assert text == aware
        elif where.key == "UTC":
            assert text == aware.removesuffix("+00:00") + "Z"
        else:
            assert text == f"{aware}[{where.key}]"
        assert same_moment(parse_moment(text), moment)

    # a wall time the clocks skipped, and one they repeated (each side)
    @example(when=dt.datetime(2025, 3, 9, 2, 30), name=NY, fold=0, found=True)
    @example(when=dt.datetime(2025, 3, 9, 2, 30), name=NY, fold=1, found=True)
    @example(when=dt.datetime(2025, 11, 2, 1, 30), name=NY, fold=1, found=True)
    @example(when=dt.datetime(2025, 3, 30, 2, 30), name="EST", fold=0, found=True)
    @given(
        when=st.datetimes(
            min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)
        ),
        name=st.sampled_from(ZONE_NAMES),
        fold=st.integers(0, 1),
        found=st.booleans(),
    )
    def test_a_pendulum_datetime_argument_is_read_as_a_field_reads_it(
        self, when: dt.datetime, name: str, fold: int, found: bool
    ) -> None:
        """
        ``moment_argument`` gives a pendulum datetime what a field's
        conversion gives it (a wall time the clocks skipped moved past the
        gap, the fold kept) or refuses what the field's check refuses (an
        abbreviation), whether or not ``zone()`` has read the zone's name.
        """
        if found and name in READ_ZONE_NAMES:
            assert zone(name) is pendulum.timezone(name)
        value = pendulum.DateTime(
            *when.timetuple()[:6], when.microsecond, pendulum.timezone(name), fold=fold
        )
        stored = to_moment(value)
        problems = check_moment(stored)
        if problems:
            with pytest.raises(ValidationError) as info:
                moment_argument(value, "at")
            assert info.value.errors == (("at", problems[0][1]),)
            return
        read = moment_argument(value, "at")
        assert isinstance(read, pendulum.DateTime)
        assert isinstance(stored, pendulum.DateTime)
        assert read.tzinfo is stored.tzinfo
        assert (read.fold, read.timetuple()) == (stored.fold, stored.timetuple())
        assert read.microsecond == stored.microsecond

    def test_format_reads_standard_library_values_as_a_record_does(self) -> None:
        """A zoneinfo datetime keeps its zone's name; a date is a date."""
        value = dt.datetime(2025, 7, 14, 12, tzinfo=zoneinfo.ZoneInfo(NY))
        assert format_moment(value) == "2025-07-14T12:00:00-04:00[America/New_York]"
        assert format_moment(dt.date(2025, 7, 14)) == "2025-07-14"

    @pytest.mark.parametrize(
        ("text", "utc", "zone_name"),
        [
            ("2025-07-14T16:00:00+00:00", "2025-07-14T16:00:00", None),
            (
                "2025-07-14T16:00:00Z[Europe/Paris]",
                "2025-07-14T16:00:00",
                "Europe/Paris",
            ),
            (
                "2025-07-14T18:00:00+02:00[Europe/Paris]",
                "2025-07-14T16:00:00",
                "Europe/Paris",
            ),
        ],
    )
    def test_parse_other_valid_forms(
        self, text: str, utc: str, zone_name: str | None
    ) -> None:
        """RFC 3339 offsets and a Z instant in a named zone are read."""
        parsed = parse_moment(text)
        assert isinstance(parsed, pendulum.DateTime)
        assert parsed.in_timezone("UTC").isoformat().startswith(utc)
        assert parsed.timezone_name == zone_name or (
            zone_name is None and isinstance(parsed.tzinfo, pendulum.FixedTimezone)
        )

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "2025-07-14T12:00:00",
                "'2025-07-14T12:00:00' has no UTC offset; write one (Z, +03:00), followed by a "
                "zone if you like (-04:00[America/New_York]), or give a date",
            ),
            (
                "2025-07-20T12:00:00.500000000Z",
                "'2025-07-20T12:00:00.500000000Z' has more than six digits after the "
                "second: a moment is kept to the microsecond; round or cut it to six "
                "(.123456)",
            ),
            (
                "2025-07-20T12:00:00.1234567+05:45:30",
                "'2025-07-20T12:00:00.1234567+05:45:30' has more than six digits "
                "after the second: a moment is kept to the microsecond; round or "
                "cut it to six (.123456)",
            ),
            (
                "2025-07-20T12:00:00.1234567+03:00[Europe/Kyiv]",
                "'2025-07-20T12:00:00.1234567+03:00[Europe/Kyiv]' has more than six "
                "digits after the second: a moment is kept to the microsecond; round "
                "or cut it to six (.123456)",
            ),
            (
                "2025-07-14T12:00",
                "'2025-07-14T12:00' has no UTC offset; write one (Z, +03:00), followed by a "
                "zone if you like (-04:00[America/New_York]), or give a date; a "
                "timestamp gives the seconds too: '2025-07-14T12:00:00Z'",
            ),
            (
                "2025-07-14T12:00Z",
                "'2025-07-14T12:00Z' has no seconds; RFC 3339 timestamps give them: "
                "'2025-07-14T12:00:00Z'",
            ),
            (
                "2025-07-14T12:00-04:00[America/New_York]",
                "'2025-07-14T12:00-04:00[America/New_York]' has no seconds; RFC 3339 "
                "timestamps give them: '2025-07-14T12:00:00-04:00[America/New_York]'",
            ),
            (  # no advice on the form would make these a time there is
                "2025-07-14T24:00Z",
                "impossible timestamp '2025-07-14T24:00Z': hour must be in 0..23",
            ),
            (
                "2025-07-14T24:00",
                "impossible timestamp '2025-07-14T24:00': hour must be in 0..23",
            ),
            (
                "2025-02-29T10:00:00",
                "impossible timestamp '2025-02-29T10:00:00': day is out of range "
                "for month",
            ),
            (
                "2025-07-14T12:60[Europe/Kyiv]",
                "impossible timestamp '2025-07-14T12:60[Europe/Kyiv]': minute must "
                "be in 0..59",
            ),
            (
                "2023-09-15T00:00[America/New_York]",
                "'2023-09-15T00:00[America/New_York]' names a zone but no UTC "
                "offset; write the offset before the zone: "
                "'2023-09-15T00:00:00-04:00[America/New_York]'",
            ),
            (
                "2023-11-05T01:30:00[America/New_York]",
                "'2023-11-05T01:30:00[America/New_York]' names a zone but no UTC "
                "offset; write the offset before the zone: "
                "'2023-11-05T01:30:00-04:00[America/New_York]' or "
                "'2023-11-05T01:30:00-05:00[America/New_York]' (that time came "
                "twice there)",
            ),
            (
                "2023-03-12T02:30:00[America/New_York]",
                "'2023-03-12T02:30:00[America/New_York]' names a zone but no UTC "
                "offset; write the offset before the zone (America/New_York had no "
                "such time: its clocks went forward then)",
            ),
            (
                "1900-01-01T00:00:00[Europe/Amsterdam]",
                "'1900-01-01T00:00:00[Europe/Amsterdam]' names a zone but no UTC "
                "offset; write the offset before the zone: "
                "'1900-01-01T00:00:00+00:19:32[Europe/Amsterdam]'",
            ),
            (
                "0001-01-01T00:00[Asia/Tokyo]",
                "'0001-01-01T00:00[Asia/Tokyo]' names a zone but no UTC offset; "
                "write the offset before the zone: "
                "'0001-01-01T00:00:00+09:18:59[Asia/Tokyo]'",
            ),
            (
                "9999-12-31T23:00[America/New_York]",
                "'9999-12-31T23:00[America/New_York]' names a zone but no UTC "
                "offset; write the offset before the zone: "
                "'9999-12-31T23:00:00-05:00[America/New_York]'",
            ),
            (
                "2023-09-15T00:00:00[Mars/Base]",
                "'2023-09-15T00:00:00[Mars/Base]' names a zone but no UTC offset; "
                "write the offset before the zone",
            ),
            (
                "2023-02-29",
                "impossible date '2023-02-29': day is out of range for month",
            ),
            (
                "2025-13",
                "impossible date '2025-13': month: must be between 1 and 12, got 13",
            ),
            (
                "0000",
                "impossible date '0000': year: must be between 1 and 9999, got 0",
            ),
            (
                "2025-02-30T12:00:00Z",
                "impossible timestamp '2025-02-30T12:00:00Z': day is out of range "
                "for month",
            ),
            *(
                (
                    text,
                    f"impossible timestamp {text!r}: the minutes and seconds of a "
                    "UTC offset run from 00 to 59",
                )
                for text in (
                    "2025-07-14T12:00:00+00:60",  # not +01:00
                    "2025-07-14T12:00:00+05:75",  # not +06:15
                    "2025-07-14T12:00:00-02:99",
                    "2025-07-14T12:00:00+00:00:60",
                    "2025-07-14T12:00:00+00:60[Europe/London]",  # London was +01:00
                )
            ),
            *(
                (
                    text,
                    f"impossible timestamp {text!r}: the hours of a UTC offset run "
                    "from 00 to 23",
                )
                for text in (
                    "2025-07-14T12:00:00+24:00",  # not the next day
                    "2025-07-14T12:00:00-99:00",
                    "2025-07-14T12:00:00+24:00[Europe/London]",
                )
            ),
            (
                "2025-07-14T12:00:00-05:00[America/New_York]",
                "offset -05:00 does not match America/New_York at that instant "
                "(-04:00) in '2025-07-14T12:00:00-05:00[America/New_York]'; write "
                "'2025-07-14T13:00:00-04:00[America/New_York]' for that instant, or "
                "for that wall clock: '2025-07-14T12:00:00-04:00[America/New_York]'",
            ),
            (
                "9999-12-31T23:00:00-04:00[America/New_York]",
                "offset -04:00 does not match America/New_York at that instant "
                "(-05:00) in '9999-12-31T23:00:00-04:00[America/New_York]'; for that "
                "wall clock: '9999-12-31T23:00:00-05:00[America/New_York]'",
            ),
            (
                "0001-01-01T00:00:00Z[America/New_York]",
                "timestamp '0001-01-01T00:00:00Z[America/New_York]' out of range: "
                "date value out of range",
            ),
            (
                "2025-07-14T12:00:00+03:00[Mars/Olympus]",
                "unknown time zone 'Mars/Olympus'",
            ),
            (
                "now",
                "'now' is not a moment (YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339/RFC "
                "9557 timestamp)",
            ),
            (
                "14 July 2025",
                "'14 July 2025' is not a moment (YYYY, YYYY-MM, YYYY-MM-DD or an RFC "
                "3339/RFC 9557 timestamp)",
            ),
            (
                "2025-7-14",
                "'2025-7-14' is not a moment (YYYY, YYYY-MM, YYYY-MM-DD or an RFC "
                "3339/RFC 9557 timestamp)",
            ),
            (
                "+2025-07-14",
                "'+2025-07-14' is not a moment (YYYY, YYYY-MM, YYYY-MM-DD or an RFC "
                "3339/RFC 9557 timestamp)",
            ),
            (5, "must be a moment as text, got int 5"),
            (None, "must be a moment as text, got None"),
        ],
    )
    def test_parse_refuses(self, text: object, message: str) -> None:
        """Naive, impossible, mismatched and unknown forms are refused clearly."""
        assert parse_error(text) == message

    @given(
        wall=st.datetimes(dt.datetime(1850, 1, 1), dt.datetime(2100, 12, 31)),
        zone_name=st.sampled_from([NY, "Europe/London", "Australia/Lord_Howe", "UTC"]),
    )
    def test_the_offsets_suggested_are_read(
        self, wall: dt.datetime, zone_name: str
    ) -> None:
        """
        Every text a zone-without-offset refusal suggests reads as that wall
        time in that zone.
        """
        local = wall.replace(microsecond=0).isoformat()
        message = parse_error(f"{local}[{zone_name}]")
        suggested = re.findall(r"'([^']*[+-][0-9:]+\[[^]]+\])'", message)
        if "no such time" in message:
            assert suggested == []
            return
        assert suggested
        for text in suggested:
            moment = parse_moment(text)
            assert isinstance(moment, pendulum.DateTime)
            assert moment.naive() == wall.replace(microsecond=0)
            assert moment.timezone_name == zone_name

    @pytest.mark.parametrize("fold", [0, 1])
    @pytest.mark.parametrize(
        ("zone_name", "wall"),
        [
            (NY, dt.datetime(2025, 11, 2, 1, 30)),
            ("Europe/London", dt.datetime(2025, 10, 26, 1, 30)),
            ("Europe/Kyiv", dt.datetime(2025, 10, 26, 3, 30)),
        ],
    )
    def test_repeated_hour_round_trips(
        self, zone_name: str, wall: dt.datetime, fold: int
    ) -> None:
        """Both sides of a DST-ambiguous hour survive format and parse."""
        moment = to_moment(wall.replace(tzinfo=zoneinfo.ZoneInfo(zone_name), fold=fold))
        text = format_moment(moment)
        back = parse_moment(text)
        assert same_moment(back, moment)
        assert isinstance(back, pendulum.DateTime)
        assert back.fold == fold

    def test_the_two_sides_of_a_repeated_hour_differ(self) -> None:
        """The two readings of 01:30 on the fall-back night are an hour apart."""
        first = parse_moment("2025-11-02T01:30:00-04:00[America/New_York]")
        second = parse_moment("2025-11-02T01:30:00-05:00[America/New_York]")
        assert isinstance(first, pendulum.DateTime)
        assert isinstance(second, pendulum.DateTime)
        assert (second - first).in_hours() == 1

    def test_edges_of_the_calendar_round_trip(self) -> None:
        """Moments in year 1 and year 9999 round-trip in named zones."""
        for moment in (
            to_moment(dt.datetime(1, 1, 1, tzinfo=zoneinfo.ZoneInfo("Asia/Kolkata"))),
            pendulum.datetime(9999, 12, 31, 23, tz=NY),
            pendulum.datetime(9999, 12, 31, 23, 59, tz="Pacific/Kiritimati"),
        ):
            assert same_moment(parse_moment(format_moment(moment)), moment)

    @given(dates)
    def test_dates_round_trip(self, moment: pendulum.Date) -> None:
        """Every date round-trips through text."""
        assert same_moment(parse_moment(format_moment(moment)), moment)

    @given(partial_dates)
    def test_partial_dates_round_trip(self, moment: PartialDate) -> None:
        """Every month and year round-trips through text."""
        assert same_moment(parse_moment(format_moment(moment)), moment)

    @given(zoned_datetimes)
    def test_zoned_datetimes_round_trip(self, moment: pendulum.DateTime) -> None:
        """Every datetime in a named zone round-trips with its zone and fold."""
        assert same_moment(parse_moment(format_moment(moment)), moment)

    @given(offset_datetimes)
    def test_offset_datetimes_round_trip(self, moment: pendulum.DateTime) -> None:
        """Every datetime at a fixed offset round-trips with its offset."""
        assert same_moment(parse_moment(format_moment(moment)), moment)

    @given(st.datetimes(timezones=portable_zones))
    def test_converted_datetimes_keep_instant_and_zone(
        self, value: dt.datetime
    ) -> None:
        """Converting a zoneinfo datetime keeps its instant and zone name."""
        converted = to_moment(value)
        assert isinstance(converted, pendulum.DateTime)
        assert zone_name(converted) == getattr(value.tzinfo, "key", None)
        if (
            dt.datetime(1, 1, 2)
            < value.replace(tzinfo=None)
            < dt.datetime(9999, 12, 30)
        ):
            assert same_instant(converted, value)


periods = st.builds(
    Period,
    years=st.integers(0, 9999),
    months=st.integers(0, 9999 * 12),
    weeks=st.integers(0, 9999 * 53),
    days=st.integers(0, 9999 * 366),
    hours=st.integers(0, 9999 * 366 * 24),
    minutes=st.integers(0, 9999 * 366 * 24 * 60),
    seconds=st.integers(0, 9999 * 366 * 24 * 3600),
)
small_periods = st.builds(
    Period,
    years=st.integers(0, 3),
    months=st.integers(0, 11),
    weeks=st.integers(0, 10),
    days=st.integers(0, 400),
    hours=st.integers(0, 23),
    minutes=st.integers(0, 59),
    seconds=st.integers(0, 59),
)


class TestPeriod:
    @pytest.mark.parametrize(
        ("text", "period"),
        [
            ("P50D", Period(days=50)),
            ("PT48H", Period(hours=48)),
            ("P3M", Period(months=3)),
            ("P2W", Period(weeks=2)),
            ("P1W3D", Period(weeks=1, days=3)),
            (
                "P1Y2M10DT2H30M",
                Period(years=1, months=2, days=10, hours=2, minutes=30),
            ),
            ("PT0S", Period()),
            ("PT90S", Period(seconds=90)),
        ],
    )
    def test_parse_and_format(self, text: str, period: Period) -> None:
        """ISO 8601 durations are read into their parts and written back the same."""
        assert Period.parse(text) == period
        assert period.isoformat() == text
        assert str(period) == text

    def test_month_is_not_thirty_days(self) -> None:
        """Unlike pendulum.Duration, P1M and P30D differ."""
        assert Period.parse("P1M") != Period.parse("P30D")
        assert hash(Period(months=1)) != hash(Period(days=30))

    @pytest.mark.parametrize(
        "text",
        [
            "P",
            "PT",
            "P1.5D",
            "-P1D",
            "P1DT",
            "1D",
            "p1d",
            "P1H",
            "PT1D",
            "P" + "1" * 64 + "D",
        ],
    )
    def test_parse_refuses_other_text(self, text: str) -> None:
        """Empty, fractional, negative, misplaced and overlong forms are refused."""
        with pytest.raises(ValidationError) as info:
            Period.parse(text)
        assert info.value.errors == (
            (
                "$",
                f"{text!r} is not an ISO 8601 duration of whole non-negative parts "
                "(like P50D, PT48H, P3M or P1Y2M10DT2H30M)",
            ),
        )

    def test_parse_refuses_non_text(self) -> None:
        """A number is not a duration text."""
        with pytest.raises(ValidationError) as info:
            Period.parse(50)  # type: ignore[arg-type]
        assert info.value.errors == (
            ("$", "must be an ISO 8601 duration as text, got int 50"),
        )

    def test_parse_refuses_huge_parts_naming_the_text(self) -> None:
        """A part beyond the calendar is refused, naming the part and the text."""
        with pytest.raises(ValidationError) as info:
            Period.parse("P10000Y")
        assert info.value.errors == (
            ("years", "is too large (10000 > 9999) in 'P10000Y'"),
        )

    def test_parts_python_cannot_write_are_refused_as_too_large(self) -> None:
        """An integer of more than 4300 digits (which str() refuses) is refused
        as any part too large or negative is, not with a raw ValueError."""
        assert errors_of(Period, days=10**5000, hours=-(10**5000)) == (
            ("days", "is too large (<int of more than 4300 digits> > 3659634)"),
            ("hours", "must not be negative, got <int of more than 4300 digits>"),
        )
        with pytest.raises(ValidationError) as info:
            Deadline.after(pendulum.date(2025, 7, 14), days=10**5000)
        assert [path for path, _ in info.value.errors] == ["period.days"]

    def test_invalid_parts(self) -> None:
        """Negative, fractional and boolean parts are refused together."""
        assert errors_of(Period, days=-1, hours=1.5, weeks=True) == (
            ("weeks", "must be a whole number, got bool True"),
            ("days", "must not be negative, got -1"),
            ("hours", "must be a whole number, got float 1.5"),
        )

    def test_from_duration(self) -> None:
        """A pendulum Duration gives the parts it was built with."""
        assert Period.from_duration(pendulum.duration(months=3, days=2)) == Period(
            months=3, days=2
        )
        assert Period.from_duration(
            pendulum.duration(years=1, weeks=2, days=1, hours=5, minutes=6, seconds=7)
        ) == Period(years=1, weeks=2, days=1, hours=5, minutes=6, seconds=7)
        assert Period.from_duration(pendulum.duration(hours=48)) == Period(hours=48)

    def test_from_duration_reads_whole_valued_floats(self) -> None:
        """pendulum's + and * keep seconds=172800.0: the integer it is."""
        summed = pendulum.duration(hours=36) + pendulum.duration(hours=12)
        assert summed._signature["seconds"] == 172800.0  # type: ignore[attr-defined]
        assert Period.from_duration(summed) == Period(seconds=172800)
        assert Period.from_duration(pendulum.duration(hours=24) * 2) == Period(
            seconds=172800
        )
        assert Period.from_duration(
            pendulum.duration(hours=1) + pendulum.duration(minutes=30)
        ) == Period(seconds=5400)

    def test_from_duration_with_a_part_that_is_not_whole(self) -> None:
        """Exact parts that are not whole are the elapsed time they make (24
        hours are not a calendar day); a fraction of a second is refused."""
        assert Period.from_duration(pendulum.duration(hours=1.5)) == Period(
            hours=1, minutes=30
        )
        assert Period.from_duration(pendulum.duration(hours=48.5)) == Period(
            hours=48, minutes=30
        )
        assert Period.from_duration(
            pendulum.duration(days=1, hours=0.25, minutes=1.5)
        ) == Period(days=1, minutes=16, seconds=30)
        assert Period.from_duration(pendulum.duration(minutes=2880.5)) == Period(
            hours=48, seconds=30
        )
        with pytest.raises(ValidationError) as info:
            Period.from_duration(
                pendulum.duration(hours=1) + pendulum.duration(seconds=0.5)
            )
        assert info.value.errors == (
            ("$", "fractions of a second are not supported in a period"),
        )

    def test_from_timedelta(self) -> None:
        """A timedelta gives days, hours, minutes and seconds."""
        assert Period.from_duration(
            dt.timedelta(days=2, hours=3, minutes=4, seconds=5)
        ) == Period(days=2, hours=3, minutes=4, seconds=5)

    def test_from_interval_counts_its_calendar_parts(self) -> None:
        """A pendulum Interval gives the years, months and days between its
        ends, as pendulum's own ``+`` adds them: 1 January to 1 February is a
        month, not 31 days."""
        interval = pendulum.interval(
            pendulum.datetime(2025, 1, 1), pendulum.datetime(2025, 2, 1)
        )
        assert Period.from_duration(interval) == Period(months=1)
        assert Period.coerce(interval) == Period(months=1)

    def test_from_interval_hours_are_elapsed(self) -> None:
        """The rest is elapsed time: 47 hours from noon on 8 March 2025 in New
        York is two days; to 03:30 on the 9th, 14 hours 30 minutes pass,
        although the wall clocks are 15½ hours apart."""
        noon = pendulum.datetime(2025, 3, 8, 12, tz="America/New_York")
        monday = pendulum.datetime(2025, 3, 10, 12, tz="America/New_York")
        sunday = pendulum.datetime(2025, 3, 9, 3, 30, tz="America/New_York")
        assert Period.from_duration(monday - noon) == Period(days=2)
        assert Period.from_duration(sunday - noon) == Period(hours=14, minutes=30)

    def test_from_interval_between_dates(self) -> None:
        """Between dates: years, months and days."""
        interval = pendulum.date(2025, 9, 2) - pendulum.date(2024, 7, 14)
        assert Period.from_duration(interval) == Period(years=1, months=1, days=19)

    def test_from_interval_that_runs_back_is_refused(self) -> None:
        """An interval whose end is before its start is negative."""
        with pytest.raises(ValidationError) as info:
            Period.from_duration(pendulum.date(2025, 7, 14) - pendulum.date(2025, 9, 2))
        assert info.value.errors == (
            (
                "$",
                "a period must not be negative, got an interval that runs back "
                "from 2025-09-02 to 2025-07-14",
            ),
        )

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (
                dt.timedelta(days=-1),
                "a period must not be negative, got -1 day, 0:00:00",
            ),
            (
                dt.timedelta(seconds=1, microseconds=5),
                "fractions of a second are not supported in a period",
            ),
            (
                pendulum.duration(seconds=1, microseconds=5),
                "fractions of a second are not supported in a period",
            ),
            ("P1D", "must be a duration, got str 'P1D'"),
        ],
    )
    def test_from_duration_refuses(self, value: object, message: str) -> None:
        """Negative or fractional durations and non-durations are refused."""
        with pytest.raises(ValidationError) as info:
            Period.from_duration(value)  # type: ignore[arg-type]
        assert info.value.errors == (("$", message),)

    def test_coerce(self) -> None:
        """coerce accepts a Period, ISO text or a duration."""
        fifty = Period(days=50)
        assert Period.coerce(fifty) is fifty
        assert Period.coerce("P50D") == fifty
        assert Period.coerce(pendulum.duration(days=50)) == fifty

    def test_parts(self) -> None:
        """Calendar and exact parts split a period in two."""
        period = Period.parse("P1Y2M3W4DT5H6M7S")
        assert period.calendar_part == Period(years=1, months=2, weeks=3, days=4)
        assert period.exact_part == Period(hours=5, minutes=6, seconds=7)
        assert period.has_exact_part
        assert not period.calendar_part.has_exact_part
        assert Period().is_zero
        assert not period.is_zero

    def test_to_duration_keeps_months(self) -> None:
        """to_duration builds a pendulum Duration with the same parts."""
        duration = Period(months=1, weeks=1, hours=2).to_duration()
        assert (duration.months, duration.weeks, duration.hours) == (1, 1, 2)

    def test_add(self) -> None:
        """Adding periods adds their parts, never flattening months."""
        assert Period(months=1) + Period(months=1, days=2) == Period(months=2, days=2)
        with pytest.raises(TypeError):
            _ = Period(days=1) + 1

    @pytest.mark.parametrize(
        ("period", "words"),
        [
            (Period(days=50), "50 days"),
            (Period(months=1, weeks=2), "1 month 2 weeks"),
            (Period(hours=48), "48 hours"),
            (Period(years=1, seconds=1), "1 year 1 second"),
            (Period(), "0 seconds"),
        ],
    )
    def test_describe(self, period: Period, words: str) -> None:
        """describe() spells the parts out, singular or plural."""
        assert period.describe() == words

    @given(periods)
    def test_iso_round_trip(self, period: Period) -> None:
        """Period.parse(p.isoformat()) == p for every period."""
        assert Period.parse(period.isoformat()) == period

    @given(small_periods)
    def test_duration_round_trip(self, period: Period) -> None:
        """A period survives a trip through pendulum.Duration unchanged."""
        assert Period.from_duration(period.to_duration()) == period


class TestRepeatedHour:
    """Datetimes in the hour a clock change repeats are told apart by instant."""

    first = pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York", fold=0)
    second = pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York", fold=1)

    def test_same_wall_clock_different_instants(self) -> None:
        """01:30 EDT and 01:30 EST are an hour apart."""
        assert self.first.utcoffset() != self.second.utcoffset()

    def test_is_before_uses_instants(self) -> None:
        """is_before does not compare two datetimes sharing a zone by wall clock."""
        assert is_before(self.first, self.second)
        assert not is_before(self.second, self.first)

    def test_equality_key_uses_instants(self) -> None:
        """Records holding the two moments are not equal."""
        assert moment_eq_key(self.first) != moment_eq_key(self.second)
        one = Statement(id="s", speaker="A", said_on=self.first, text="t")
        other = Statement(id="s", speaker="A", said_on=self.second, text="t")
        assert one != other


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("2025-07-14", "(parse text with parse_moment)"),
        ("2025-07", "(parse text with parse_moment)"),
        (
            "14/07/2025",
            "(parse_moment does not read it either: '14/07/2025' is not a moment "
            "(YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339/RFC 9557 timestamp))",
        ),
        (
            "2025-07-14T12:00:00",
            "(parse_moment does not read it either: '2025-07-14T12:00:00' has no "
            "UTC offset; write one (Z, +03:00), followed by a zone if you like "
            "(-04:00[America/New_York]), or give a date)",
        ),
    ],
)
def test_text_given_for_a_moment_is_told_what_parse_moment_makes_of_it(
    text: str, hint: str
) -> None:
    """The advice to parse a text is given only for a text parse_moment reads."""
    with pytest.raises(ValidationError) as exc:
        Proposal(id="p", proposed_by=["a"], made_on=text, summary="S")  # type: ignore[arg-type]
    ((path, message),) = exc.value.errors
    assert path == "made_on"
    assert message.endswith(f"got str {text!r} {hint}")


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("2025-07-19T10:00:00-05:00[America/New_York]", 2),  # EST written in July
        ("2025-11-02T01:30:00-06:00[America/New_York]", 3),  # the wall clock came twice
        ("2025-03-09T02:30:00-06:00[America/New_York]", 1),  # the wall clock never came
        ("9999-12-31T23:00:00-04:00[America/New_York]", 1),  # the instant is past 9999
    ],
)
def test_an_offset_its_zone_does_not_have_is_told_each_text_that_reads(
    text: str, suggested: int
) -> None:
    """
    Which was meant, the instant or the wall clock, is not guessed: the
    message writes each of them that there is, and each reads.
    """
    with pytest.raises(ValidationError) as exc:
        parse_moment(text)
    ((_, message),) = exc.value.errors
    texts = re.findall(r"'([^']+)'", message.partition(";")[2])
    assert len(texts) == suggested
    for written in texts:
        assert isinstance(parse_moment(written), pendulum.DateTime)
    if "for that instant" in message:
        instant = parse_moment(texts[0])
        assert isinstance(instant, pendulum.DateTime)
        assert instant == dt.datetime.fromisoformat(text.partition("[")[0])
