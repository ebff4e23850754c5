"""
Edges of ``timeutil`` the broader tests leave loose: the first and last values
of each range, equal spans and instants, exact boundaries of the days a datetime
may be anywhere on Earth, and the text forms at their limits.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import pendulum
import pytest

from negotiation_records import (
    Moment,
    PartialDate,
    Statement,
    ValidationError,
    format_moment,
    is_before,
    moment_sort_key,
    parse_moment,
)
from negotiation_records.timeutil import (
    EPOCH,
    days_anywhere,
    is_known_by,
    moment_span,
    moment_text,
    since_epoch,
)


NY = "America/New_York"
_BEHIND = dt.timezone(dt.timedelta(hours=-12))
_AHEAD = dt.timezone(dt.timedelta(hours=14))


class _Raises(dt.tzinfo):
    """A tzinfo that fails when asked its offset."""

    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta | None:
        raise RuntimeError("no offset today")

    def dst(self, moment: dt.datetime | None) -> dt.timedelta | None:
        raise RuntimeError("no offset today")

    def tzname(self, moment: dt.datetime | None) -> str | None:
        return None


class _NoOffset(dt.tzinfo):
    """A tzinfo that knows no offset: a datetime with it is naive (PEP 495)."""

    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta | None:
        return None

    def dst(self, moment: dt.datetime | None) -> dt.timedelta | None:
        return None

    def tzname(self, moment: dt.datetime | None) -> str | None:
        return None


def _days_by_clocks(moment: pendulum.DateTime) -> tuple[dt.date, dt.date]:
    """The first and last day *moment* shows at UTC-12, UTC+14 and in its own zone."""
    days: list[dt.date] = [
        moment.astimezone(_BEHIND).date(),
        moment.astimezone(_AHEAD).date(),
    ]
    days.append(dt.date(moment.year, moment.month, moment.day))
    return min(days), max(days)


class TestPartialDateRanges:
    @pytest.mark.parametrize(
        ("year", "month"), [(1, None), (9999, None), (1, 1), (9999, 12), (2025, 1)]
    )
    def test_the_first_and_last_year_and_month_are_accepted(
        self, year: int, month: int | None
    ) -> None:
        """Years run from 1 to 9999 and months from 1 to 12, both ends included."""
        partial = PartialDate(year, month)
        assert (partial.year, partial.month) == (year, month)
        assert parse_moment(str(partial)) == partial

    def test_a_whole_year_spans_january_to_december(self) -> None:
        """A year's span is 1 January to 31 December."""
        year = PartialDate(2025)
        assert (year.start, year.end) == (
            pendulum.date(2025, 1, 1),
            pendulum.date(2025, 12, 31),
        )
        assert PartialDate(2025, 12).start == pendulum.date(2025, 12, 1)

    def test_a_span_contains_itself_and_its_first_and_last_days(self) -> None:
        """The bounds of a span are inside it."""
        june = PartialDate(2025, 6)
        assert june.contains(june)
        assert june.contains(pendulum.date(2025, 6, 1))
        assert june.contains(pendulum.date(2025, 6, 30))
        assert not june.contains(pendulum.date(2025, 5, 31))
        assert PartialDate(2025).contains(PartialDate(2025, 1))
        assert PartialDate(2025).contains(PartialDate(2025, 12))
        assert not PartialDate(2025, 6).contains(PartialDate(2025, 7))
        assert not PartialDate(2025).contains(PartialDate(2024, 12))
        assert not PartialDate(2025).contains(PartialDate(2026, 1))

    def test_a_span_contains_a_datetime_by_its_own_wall_date(self) -> None:
        """A datetime counts by the date on its own clock, not the UTC one."""
        june = PartialDate(2025, 6)
        # 1 July 03:00 UTC, still 30 June in New York.
        assert june.contains(pendulum.datetime(2025, 6, 30, 23, tz=NY))
        # 31 May 22:00 UTC, already 1 June in Kyiv.
        assert june.contains(pendulum.datetime(2025, 6, 1, 1, tz="Europe/Kyiv"))

    def test_equal_spans_are_neither_before_nor_after_each_other(self) -> None:
        """``<`` and ``>`` are strict: a span is not before or after itself."""
        june = PartialDate(2025, 6)
        assert not june < PartialDate(2025, 6)
        assert not june > PartialDate(2025, 6)
        assert june <= PartialDate(2025, 6)
        assert june >= PartialDate(2025, 6)

    def test_comparison_with_a_non_moment_is_a_type_error(self) -> None:
        """Against text or a number ``<`` and ``>`` raise, as Python's values do."""
        june = PartialDate(2025, 6)
        with pytest.raises(TypeError):
            assert june < "2025-07"
        with pytest.raises(TypeError):
            assert june > 2025


class TestSpansAndKeys:
    def test_a_date_spans_its_utc_day(self) -> None:
        """The span of a day is its UTC midnight to the next (exclusive)."""
        start, end = moment_span(dt.date(1970, 1, 1))
        assert start == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        assert end == dt.datetime(1970, 1, 2, tzinfo=dt.UTC)

    def test_a_datetime_spans_its_instant(self) -> None:
        """A datetime's span is one instant, in UTC."""
        moment = pendulum.datetime(2025, 7, 14, 12, tz=NY)
        assert moment_span(moment) == (
            dt.datetime(2025, 7, 14, 16, tzinfo=dt.UTC),
            dt.datetime(2025, 7, 14, 16, tzinfo=dt.UTC),
        )

    def test_a_span_before_the_first_instant_is_cut_to_it(self) -> None:
        """Year 1 in a zone ahead of UTC begins before 0001-01-01 UTC: cut, not moved."""
        first = dt.datetime.min.replace(tzinfo=dt.UTC)
        moment = pendulum.datetime(1, 1, 1, tz="Asia/Tokyo")
        assert moment_span(moment) == (first, first)

    def test_a_longer_span_at_the_same_start_sorts_first(self) -> None:
        """Year, month, day, datetime at the same start sort longest first."""
        items: list[Moment] = [
            pendulum.datetime(2025, 1, 1, tz="UTC"),
            pendulum.date(2025, 1, 1),
            PartialDate(2025, 1),
            PartialDate(2025),
        ]
        keys = [moment_sort_key(item) for item in items]
        assert keys == sorted(keys, reverse=True)
        assert len(set(keys)) == 4


class TestWhatIsNotAMoment:
    @pytest.mark.parametrize(
        "value",
        [
            "2025-07-14",
            None,
            pendulum.DateTime(2025, 7, 14, 12, tzinfo=_Raises()),
            pendulum.DateTime(2025, 7, 14, 12, tzinfo=_NoOffset()),
            dt.datetime(2025, 7, 14, 12, tzinfo=_Raises()),
            pendulum.naive(2025, 7, 14, 12),
        ],
        ids=repr,
    )
    def test_is_refused_by_every_reader_of_moments(self, value: object) -> None:
        """Text, None, a zone without an offset, a naive datetime: ValidationError."""
        readers = (moment_sort_key, moment_span, days_anywhere)
        for read in readers:
            with pytest.raises(ValidationError):
                read(value)  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            is_known_by(value, pendulum.date(2025, 7, 14))  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            is_before(pendulum.date(2025, 7, 13), value)  # type: ignore[arg-type]

    def test_an_offset_in_microseconds_has_no_days_anywhere(self) -> None:
        """No zone has an offset finer than a second: refused, not counted."""
        odd = dt.timezone(dt.timedelta(hours=1, microseconds=1))
        with pytest.raises(ValidationError, match="whole number of seconds"):
            days_anywhere(pendulum.DateTime(2025, 7, 14, 12, tzinfo=odd))

    def test_plain_dates_and_datetimes_are_read_as_records_read_them(self) -> None:
        """A standard-library date or aware datetime is a moment everywhere."""
        day = dt.date(2025, 8, 15)
        assert days_anywhere(day) == (pendulum.date(2025, 8, 15),) * 2
        assert moment_sort_key(day) == moment_sort_key(pendulum.date(2025, 8, 15))
        noon = dt.datetime(2025, 8, 15, 12, tzinfo=dt.UTC)
        assert days_anywhere(noon) == (
            pendulum.date(2025, 8, 15),
            pendulum.date(2025, 8, 16),
        )
        assert is_known_by(day, day)
        assert is_before(day, noon + dt.timedelta(days=1))


class TestSinceEpoch:
    def test_counts_from_1970_01_01_utc(self) -> None:
        """The epoch is 1970-01-01 UTC, whatever the zone of the datetime."""
        assert dt.datetime(1970, 1, 1, tzinfo=dt.UTC) == EPOCH
        assert since_epoch(pendulum.datetime(1970, 1, 1, tz="UTC")) == dt.timedelta(0)
        assert since_epoch(dt.datetime(1970, 1, 2, tzinfo=dt.UTC)) == dt.timedelta(1)
        new_york = pendulum.datetime(1969, 12, 31, 19, tz=NY)  # 00:00 UTC
        assert since_epoch(new_york) == dt.timedelta(0)
        plus_three = dt.timezone(dt.timedelta(hours=3))
        assert since_epoch(dt.datetime(1970, 1, 1, 3, tzinfo=plus_three)) == (
            dt.timedelta(0)
        )
        assert since_epoch(pendulum.datetime(2025, 7, 14, 16, tz="UTC")) == (
            dt.timedelta(seconds=1752508800)
        )


class TestDaysAnywhere:
    @pytest.mark.parametrize(
        "moment",
        [
            pendulum.datetime(2025, 8, 15, 9, 59, 59, tz="UTC"),
            pendulum.datetime(2025, 8, 15, 10, tz="UTC"),
            pendulum.datetime(2025, 8, 15, 11, 59, 59, tz="UTC"),
            pendulum.datetime(2025, 8, 15, 12, tz="UTC"),
            pendulum.datetime(2025, 8, 15, 5, 59, 59, tz=NY),
            pendulum.datetime(2025, 8, 15, 6, tz=NY),
            pendulum.datetime(2025, 8, 15, 7, 59, 59, tz=NY),
            pendulum.datetime(2025, 8, 15, 8, tz=NY),
            pendulum.datetime(2025, 8, 15, 12, 59, 59, tz="Europe/Kyiv"),
            pendulum.datetime(2025, 8, 15, 13, tz="Europe/Kyiv"),
            pendulum.datetime(2025, 8, 15, 14, 59, 59, tz="Europe/Kyiv"),
            pendulum.datetime(2025, 8, 15, 15, tz="Europe/Kyiv"),
            pendulum.datetime(2025, 8, 15, 10, 30, tz="Asia/Kolkata"),
            pendulum.datetime(2025, 8, 15, 15, 29, 59, tz="Asia/Kolkata"),
            pendulum.datetime(2025, 8, 15, 15, 30, tz="Asia/Kolkata"),
            pendulum.datetime(2025, 8, 15, 17, 29, 59, tz="Asia/Kolkata"),
            pendulum.datetime(2025, 8, 15, 17, 30, tz="Asia/Kolkata"),
            pendulum.datetime(2025, 8, 15, 23, 59, 59, tz="Pacific/Kiritimati"),
            # Local mean time, offset by whole seconds (+00:19:32).
            pendulum.datetime(1900, 1, 1, 10, 19, 31, tz="Europe/Amsterdam"),
            pendulum.datetime(1900, 1, 1, 10, 19, 32, tz="Europe/Amsterdam"),
            pendulum.datetime(1900, 1, 1, 12, 19, 31, tz="Europe/Amsterdam"),
            pendulum.datetime(1900, 1, 1, 12, 19, 32, tz="Europe/Amsterdam"),
            pendulum.datetime(2025, 8, 15, tz="Pacific/Pago_Pago"),
            # Two days apart from their own: UTC-12 two days back, UTC+14 ahead.
            pendulum.datetime(2025, 8, 15, 1, 59, 59, tz="Pacific/Kiritimati"),
            pendulum.datetime(2025, 8, 15, 2, tz="Pacific/Kiritimati"),
            pendulum.datetime(2025, 8, 15, 21, 59, 59, tz="Etc/GMT+12"),
            pendulum.datetime(2025, 8, 15, 22, tz="Etc/GMT+12"),
            pendulum.datetime(2025, 8, 15, 23, 59, 59, tz="Etc/GMT+12"),
            pendulum.datetime(2025, 8, 15, tz="Etc/GMT-14"),
        ],
        ids=str,
    )
    def test_the_days_a_datetime_shows_from_utc_minus_12_to_utc_plus_14(
        self, moment: pendulum.DateTime
    ) -> None:
        """To the second: the first day at UTC-12, the last at UTC+14."""
        assert days_anywhere(moment) == _days_by_clocks(moment)

    def test_a_zone_further_out_than_utc_minus_12_keeps_its_own_day(self) -> None:
        """Local mean time further behind than UTC-12 shows its own, earlier day."""
        # Until 1845 Manila kept the American side's time, 15:56:08 behind UTC.
        moment = pendulum.datetime(1844, 12, 30, 20, tz="Asia/Manila")
        assert moment.utcoffset() == -dt.timedelta(hours=15, minutes=56, seconds=8)
        assert days_anywhere(moment) == _days_by_clocks(moment)
        assert days_anywhere(moment)[0] == pendulum.date(1844, 12, 30)

    def test_days_off_the_calendar_are_left_out(self) -> None:
        """The first day of the calendar is the first day anywhere, not an error."""
        early = pendulum.datetime(1, 1, 1, 5, tz="UTC")
        assert days_anywhere(early) == (pendulum.date(1, 1, 1), pendulum.date(1, 1, 1))
        late = pendulum.datetime(9999, 12, 31, 20, tz="UTC")
        assert days_anywhere(late) == (
            pendulum.date(9999, 12, 31),
            pendulum.date(9999, 12, 31),
        )
        both = pendulum.datetime(1, 1, 1, 11, tz="UTC")
        assert days_anywhere(both) == (pendulum.date(1, 1, 1), pendulum.date(1, 1, 2))


class TestIsBefore:
    def test_the_same_instant_in_two_zones_is_not_before_itself(self) -> None:
        """Equal instants: neither is before the other, whatever their zones."""
        new_york = pendulum.datetime(2025, 7, 14, 12, tz=NY)
        utc = pendulum.datetime(2025, 7, 14, 16, tz="UTC")
        assert not is_before(new_york, utc)
        assert not is_before(utc, new_york)
        assert is_before(new_york, utc.add(microseconds=1))

    def test_the_same_instant_in_one_zone_is_not_before_itself(self) -> None:
        """Equal instants sharing a tzinfo: neither is before the other."""
        one = pendulum.datetime(2025, 7, 14, 12, tz=NY)
        other = pendulum.datetime(2025, 7, 14, 12, tz=NY)
        assert not is_before(one, other)
        assert is_before(one, other.add(microseconds=1))

    def test_the_second_of_a_repeated_hour_comes_after_the_first(self) -> None:
        """01:30 EDT is before 01:30 EST, an hour later, in the same zone."""
        tz = pendulum.timezone(NY)
        first = pendulum.DateTime(2025, 11, 2, 1, 30, tzinfo=tz)
        second = pendulum.DateTime(2025, 11, 2, 1, 30, tzinfo=tz, fold=1)
        assert is_before(first, second)
        assert not is_before(second, first)
        assert since_epoch(second) - since_epoch(first) == dt.timedelta(hours=1)

    def test_a_day_is_not_before_a_datetime_that_may_show_it(self) -> None:
        """A day is before a datetime only when every clock shows a later day."""
        noon = pendulum.datetime(2025, 8, 16, 12, tz="UTC")  # the 16th everywhere
        assert is_before(pendulum.date(2025, 8, 15), noon)
        eleven = pendulum.datetime(2025, 8, 16, 11, 59, 59, tz="UTC")
        assert not is_before(pendulum.date(2025, 8, 15), eleven)  # the 15th at UTC-12
        assert not is_before(noon, pendulum.date(2025, 8, 16))
        before_ten = pendulum.datetime(2025, 8, 16, 9, 59, 59, tz="UTC")
        assert is_before(before_ten, pendulum.date(2025, 8, 17))  # 23:59:59 at UTC+14
        ten = pendulum.datetime(2025, 8, 16, 10, tz="UTC")  # the 17th at UTC+14
        assert not is_before(ten, pendulum.date(2025, 8, 17))

    def test_adjacent_days_and_spans(self) -> None:
        """Day precision: all days of the first before all days of the second."""
        assert not is_before(pendulum.date(2025, 7, 14), pendulum.date(2025, 7, 14))
        assert is_before(PartialDate(2025, 6), pendulum.date(2025, 7, 1))
        assert not is_before(PartialDate(2025, 6), pendulum.date(2025, 6, 30))
        assert is_before(pendulum.date(2025, 5, 31), PartialDate(2025, 6))
        assert not is_before(pendulum.date(2025, 6, 1), PartialDate(2025, 6))
        assert is_before(dt.date(2025, 5, 31), pendulum.date(2025, 6, 1))
        assert not is_before(pendulum.date(2025, 6, 1), dt.date(2025, 6, 1))

    def test_plain_aware_datetimes_compare_as_instants(self) -> None:
        """A standard-library aware datetime is read as an instant, on either side."""
        noon = dt.datetime(2025, 7, 14, 12, tzinfo=dt.UTC)
        one = pendulum.datetime(2025, 7, 14, 13, tz="UTC")
        assert is_before(noon, one)
        assert not is_before(one, noon)
        assert is_before(noon, noon + dt.timedelta(seconds=1))
        assert not is_before(noon + dt.timedelta(seconds=1), noon)
        assert is_before(pendulum.datetime(2025, 7, 14, 11, tz="UTC"), noon)

    def test_a_naive_datetime_is_refused_at_its_argument(self) -> None:
        """A naive datetime on either side is refused with the argument's name."""
        naive = pendulum.naive(2025, 7, 14, 12)
        for first, second, path in [
            (naive, pendulum.date(2025, 7, 15), "first"),
            (pendulum.date(2025, 7, 13), naive, "second"),
            (naive, pendulum.datetime(2025, 7, 15, tz="UTC"), "first"),
            (pendulum.datetime(2025, 7, 13, tz="UTC"), naive, "second"),
        ]:
            with pytest.raises(ValidationError) as caught:
                is_before(first, second)
            assert [p for p, _ in caught.value.errors] == [path]


class TestIsKnownBy:
    def test_a_year_is_known_from_the_first_day_of_the_next(self) -> None:
        """As of days: a year once it has ended, a month likewise."""
        assert not is_known_by(PartialDate(2025), pendulum.date(2025, 12, 31))
        assert is_known_by(PartialDate(2025), pendulum.date(2026, 1, 1))
        assert not is_known_by(PartialDate(2025, 7), pendulum.date(2025, 7, 31))
        assert is_known_by(PartialDate(2025, 7), pendulum.date(2025, 8, 1))
        assert not is_known_by(PartialDate(2025, 12), pendulum.date(2025, 12, 31))
        assert is_known_by(PartialDate(2025, 12), pendulum.date(2026, 1, 1))

    def test_a_day_is_known_from_its_start(self) -> None:
        """A day counts as of that day, and as of its first UTC instant."""
        day = pendulum.date(2025, 7, 14)
        assert is_known_by(day, day)
        assert not is_known_by(day, pendulum.date(2025, 7, 13))
        assert is_known_by(day, pendulum.datetime(2025, 7, 14, tz="UTC"))
        assert not is_known_by(
            day, pendulum.datetime(2025, 7, 13, 23, 59, 59, 999999, tz="UTC")
        )
        # In another zone: by the instant (00:00 UTC is 20:00 the day before in New York).
        assert is_known_by(day, pendulum.datetime(2025, 7, 13, 20, tz=NY))
        assert not is_known_by(day, pendulum.datetime(2025, 7, 13, 19, 59, tz=NY))

    def test_a_span_is_known_as_its_end_instant(self) -> None:
        """A month is known exactly from the instant after it, in UTC."""
        july = PartialDate(2025, 7)
        assert is_known_by(july, pendulum.datetime(2025, 8, 1, tz="UTC"))
        assert not is_known_by(
            july, pendulum.datetime(2025, 7, 31, 23, 59, 59, 999999, tz="UTC")
        )
        assert is_known_by(july, PartialDate(2025, 8))
        assert not is_known_by(july, PartialDate(2025))

    def test_a_day_is_known_as_of_a_month_from_its_start(self) -> None:
        """As of a month means as of its first day."""
        assert is_known_by(pendulum.date(2025, 7, 1), PartialDate(2025, 7))
        assert not is_known_by(pendulum.date(2025, 7, 2), PartialDate(2025, 7))
        assert is_known_by(pendulum.date(2025, 1, 1), PartialDate(2025))
        assert not is_known_by(pendulum.date(2025, 6, 30), PartialDate(2025))

    def test_a_datetime_is_known_from_its_instant(self) -> None:
        """A datetime counts as of its instant, and as of a day from that day's start."""
        at = pendulum.datetime(2025, 7, 14, 12, tz=NY)
        assert is_known_by(at, at)
        assert is_known_by(at, pendulum.datetime(2025, 7, 14, 16, tz="UTC"))
        assert not is_known_by(at, pendulum.datetime(2025, 7, 14, 15, 59, tz="UTC"))
        midnight = pendulum.datetime(2025, 7, 14, tz="UTC")
        assert is_known_by(midnight, pendulum.date(2025, 7, 14))
        assert not is_known_by(midnight.add(seconds=1), pendulum.date(2025, 7, 14))


class TestText:
    @pytest.mark.parametrize(
        ("text", "offset"),
        [
            ("2025-07-14T12:00:00+23:59", dt.timedelta(hours=23, minutes=59)),
            ("2025-07-14T12:00:00-23:00", -dt.timedelta(hours=23)),
            ("2025-07-14T12:00:00+05:59", dt.timedelta(hours=5, minutes=59)),
            ("2025-07-14T12:00:00+05:50:59", dt.timedelta(hours=5, seconds=3059)),
            ("2025-07-14T12:00:00+00:19:32", dt.timedelta(seconds=1172)),
        ],
    )
    def test_the_largest_offsets_are_read(
        self, text: str, offset: dt.timedelta
    ) -> None:
        """Hours to 23, minutes and seconds to 59, read and written back as given."""
        moment = parse_moment(text)
        assert moment.utcoffset() == offset  # type: ignore[union-attr]
        assert format_moment(moment) == text

    @pytest.mark.parametrize(
        ("text", "runs"),
        [
            (
                "2025-07-14T12:00:00+24:00",
                "the hours of a UTC offset run from 00 to 23",
            ),
            (
                "2025-07-14T12:00:00+05:60",
                "the minutes and seconds of a UTC offset run from 00 to 59",
            ),
            (
                "2025-07-14T12:00:00+23:60",
                "the minutes and seconds of a UTC offset run from 00 to 59",
            ),
            (
                "2025-07-14T12:00:00+05:00:60",
                "the minutes and seconds of a UTC offset run from 00 to 59",
            ),
        ],
    )
    def test_offsets_out_of_range_are_refused(self, text: str, runs: str) -> None:
        """An offset field past its range is refused, saying which, not added up."""
        with pytest.raises(ValidationError) as caught:
            parse_moment(text)
        assert caught.value.errors == (("$", f"impossible timestamp {text!r}: {runs}"),)

    @pytest.mark.parametrize("text", ["2025-W28-1", "2025/07/14", "20250714XY"])
    def test_ten_characters_that_are_not_a_date_are_not_a_moment(
        self, text: str
    ) -> None:
        """Only YYYY-MM-DD is a date: an ISO week date or other layout is refused."""
        with pytest.raises(ValidationError, match="is not a moment"):
            parse_moment(text)

    @pytest.mark.parametrize("value", ["2025-07-14", None, 20250714])
    def test_moment_text_refuses_what_is_not_a_moment(self, value: object) -> None:
        """``moment_text`` writes no text for a value that is not a moment."""
        with pytest.raises(ValidationError) as caught:
            moment_text(value)  # type: ignore[arg-type]
        assert [path for path, _ in caught.value.errors] == ["$"]

    def test_a_pendulum_datetime_in_an_abbreviated_zone_is_refused(self) -> None:
        """``EST`` is an abbreviation, not a place: not written, even from pendulum."""
        est = pendulum.DateTime(2025, 1, 1, 12, tzinfo=pendulum.timezone("EST"))
        with pytest.raises(ValidationError, match="abbreviation"):
            format_moment(est)

    def test_a_datetime_subclass_is_written_as_its_class_is(self) -> None:
        """A subclass of pendulum's DateTime is written as a DateTime is."""

        class Stamp(pendulum.DateTime):
            pass

        for tz in (
            pendulum.UTC,
            pendulum.timezone(NY),
            pendulum.FixedTimezone(3 * 3600),
        ):
            stamp = Stamp(2025, 7, 14, 12, 0, 0, 5, tzinfo=tz)
            plain = pendulum.DateTime(2025, 7, 14, 12, 0, 0, 5, tzinfo=tz)
            assert format_moment(stamp) == format_moment(plain)
        assert format_moment(Stamp(2025, 7, 14, 12, tzinfo=pendulum.UTC)) == (
            "2025-07-14T12:00:00Z"
        )


class TestPickledMoments:
    @pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
    def test_the_first_of_two_repeated_wall_times_stays_the_first(
        self, protocol: int
    ) -> None:
        """01:30 EDT (fold 0) on the night the clocks go back is not moved to EST."""
        tz = pendulum.timezone(NY)
        edt = pendulum.DateTime(2025, 11, 2, 1, 30, tzinfo=tz)
        est = pendulum.DateTime(2025, 11, 2, 1, 30, tzinfo=tz, fold=1)
        for said_on in (edt, est):
            said = Statement(id="s", speaker="A", text="x", said_on=said_on)
            for twin in (
                pickle.loads(pickle.dumps(said, protocol=protocol)),  # noqa: S301
                copy.copy(said),
                copy.deepcopy(said),
            ):
                assert twin == said
                assert isinstance(twin.said_on, pendulum.DateTime)
                assert twin.said_on.utcoffset() == said_on.utcoffset()
                assert format_moment(twin.said_on) == format_moment(said_on)


class TestRecordsCompareZones:
    def test_the_same_instant_in_another_zone_is_another_record(self) -> None:
        """Records compare a datetime by its instant and its zone."""

        def said(on: pendulum.DateTime | pendulum.Date) -> Statement:
            return Statement(id="s", speaker="A", text="x", said_on=on)

        new_york = said(pendulum.datetime(2025, 7, 14, 12, tz=NY))
        assert new_york == said(pendulum.datetime(2025, 7, 14, 12, tz=NY))
        assert new_york != said(pendulum.datetime(2025, 7, 14, 16, tz="UTC"))
        fixed = pendulum.datetime(2025, 7, 14, 12, tz=pendulum.FixedTimezone(-4 * 3600))
        assert new_york != said(fixed)
        assert new_york != said(pendulum.datetime(2025, 7, 14, 13, tz=NY))
        # Toronto keeps New York's clock, but it is another zone.
        assert new_york != said(
            pendulum.datetime(2025, 7, 14, 12, tz="America/Toronto")
        )
        assert said(pendulum.date(2025, 7, 14)) != said(pendulum.date(2025, 7, 15))
