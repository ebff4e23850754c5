"""
Days a zone's clocks skipped (Samoa's 30 December 2011) are no business days.

Samoa moved across the date line at the end of Thursday 29 December 2011: its
clocks went from 23:59:59 that day (UTC-10) straight to 00:00 on Saturday
31 December (UTC+14), so 30 December 2011 never came in ``Pacific/Apia``.
Kwajalein did the same on Saturday 21 August 1993, and the Phoenix and Line
Islands of Kiribati on 31 December 1994.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import struct
import zoneinfo
from collections.abc import Iterator

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import Deadline, ValidationError, from_dict, to_dict
from negotiation_records import _deadline_arithmetic as arithmetic_module
from negotiation_records._deadline_arithmetic import (
    count_business_days,
    missing_days,
    skipped_in,
    start_of_day,
)
from negotiation_records.deadlines import DEFAULT_WEEKEND
from negotiation_records.timeutil import zone


APIA = "Pacific/Apia"
SAMOA_SKIPPED = dt.date(2011, 12, 30)  # a Friday
KWAJALEIN = "Pacific/Kwajalein"
KWAJALEIN_SKIPPED = dt.date(1993, 8, 21)  # a Saturday
HOUR = 3600
DAY = 24 * HOUR
#: 2000-01-01 00:00 UTC, where the made-up zones below change their clocks.
BASE = 946_684_800


def _midnight(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """Local midnight of *day* in *tz* (``fold=0``), as an instant in UTC."""
    return dt.datetime.combine(day, dt.time(), tzinfo=tz).astimezone(dt.UTC)


def _offset(instant: dt.datetime, tz: dt.tzinfo) -> dt.timedelta:
    """The UTC offset of *tz* at *instant*."""
    offset = instant.astimezone(tz).utcoffset()
    assert offset is not None
    return offset


def tzif(moments: list[int], offsets: list[int], *, version: int = 2) -> bytes:
    """
    TZif data (RFC 8536) of a made-up zone: *offsets* (seconds) are the UTC
    offset before the first of *moments* (seconds since 1970 UTC) and from
    each on.  Version 1 holds 32-bit data only; version 2 the same again in
    64 bits, and an empty rule for the time after the last transition.
    """
    assert len(offsets) == len(moments) + 1
    names = b"LMT\x00"

    def block(code: str) -> bytes:
        counts = struct.pack(">6L", 0, 0, 0, len(moments), len(offsets), len(names))
        head = b"TZif" + (b"2" if version == 2 else b"\x00") + bytes(15) + counts
        return (
            head
            + struct.pack(f">{len(moments)}{code}", *moments)
            + bytes(range(1, len(moments) + 1))
            + b"".join(struct.pack(">lBB", offset, 0, 0) for offset in offsets)
            + names
        )

    if version == 1:
        return block("l")
    return block("l") + block("q") + b"\n\n"


def shown_days(data: bytes, first: int, last: int) -> set[dt.date]:
    """
    The local dates the made-up zone of *data* shows at each whole hour from
    *first* to *last* (UTC), read by :mod:`zoneinfo` itself: with transitions
    and offsets in whole hours, a day shown at all is shown at a whole hour.
    """
    tz = zoneinfo.ZoneInfo.from_file(io.BytesIO(data))
    return {
        dt.datetime.fromtimestamp(moment, tz).date()
        for moment in range(first, last + 1, HOUR)
    }


def skipped_by_the_clock(data: bytes, first: int, last: int) -> set[dt.date]:
    """The days from the first to the last date shown that were never shown."""
    shown = shown_days(data, first, last)
    low, high = min(shown), max(shown)
    every = {low + dt.timedelta(days=n) for n in range((high - low).days + 1)}
    return every - shown


class TestMissingDays:
    """The days a zone skipped are read from the zone database, once a zone."""

    @pytest.mark.parametrize(
        ("name", "skipped"),
        [
            (APIA, {SAMOA_SKIPPED}),
            ("Pacific/Fakaofo", {SAMOA_SKIPPED}),  # Tokelau moved with Samoa
            (KWAJALEIN, {KWAJALEIN_SKIPPED}),
            ("Pacific/Kiritimati", {dt.date(1994, 12, 31)}),
            ("Asia/Manila", {dt.date(1844, 12, 31)}),  # the Philippines, 1844
            ("Pacific/Pago_Pago", set()),  # American Samoa stayed where it was
            ("America/New_York", set()),  # an hour's gap skips no day
            ("Europe/London", set()),
            ("UTC", set()),
        ],
    )
    def test_zones(self, name: str, skipped: set[dt.date]) -> None:
        """What zoneinfo says: the skipped day is the one whose midnight and the
        next day's midnight are the same instant."""
        tz = zone(name)
        assert missing_days(tz) == skipped
        for day in skipped:
            after = day + dt.timedelta(days=1)
            assert _midnight(after, tz) - _midnight(day, tz) == dt.timedelta(0)
            before = day - dt.timedelta(days=1)
            assert start_of_day(before, tz).date() == before
            assert start_of_day(day, tz).date() == after  # it starts the next day

    @pytest.mark.parametrize(
        "tz",
        [
            None,
            dt.UTC,
            dt.timezone(dt.timedelta(hours=-10)),
            pendulum.FixedTimezone(14 * HOUR),
            zoneinfo.ZoneInfo.from_file(
                io.BytesIO(tzif([BASE], [-10 * HOUR, 14 * HOUR]))
            ),
        ],
    )
    def test_zones_without_a_name_skip_none(self, tz: dt.tzinfo | None) -> None:
        """A fixed offset skips no day; nor does a zone read from a file that
        has no name (the database is asked by name)."""
        assert missing_days(tz) == frozenset()

    def test_a_plain_zoneinfo_zone(self) -> None:
        """A ``zoneinfo`` zone is read as pendulum's of the same name is."""
        assert missing_days(zoneinfo.ZoneInfo(APIA)) == {SAMOA_SKIPPED}

    def test_read_from_the_tzdata_package(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without a system zone database, the ``tzdata`` package's, as
        zoneinfo reads it; a name found nowhere skips no day."""
        monkeypatch.setattr(zoneinfo, "TZPATH", ("/nowhere/zoneinfo",))
        monkeypatch.setattr(arithmetic_module, "_MISSING", {})
        assert missing_days(zone(APIA)) == {SAMOA_SKIPPED}
        data = tzif([BASE], [-10 * HOUR, 14 * HOUR])
        for key in (
            "Nowhere/Atlantis",
            "../Pacific/Apia",
            "/usr/share/zoneinfo/Pacific/Apia",
        ):
            unknown = zoneinfo.ZoneInfo.from_file(io.BytesIO(data), key=key)
            assert missing_days(unknown) == frozenset(), key

    def test_every_zone_agrees_with_the_clocks(self) -> None:
        """In every zone each day read as skipped has no length (its midnight is
        the next one), and the rule a zone follows after its table (read here
        from 2037 to 2041) never moves its clocks by a day."""
        for name in sorted(zoneinfo.available_timezones()):
            tz = zoneinfo.ZoneInfo(name)
            for day in missing_days(tz):
                after = day + dt.timedelta(days=1)
                assert _midnight(after, tz) == _midnight(day, tz), name
            offsets = [
                _offset(dt.datetime(year, month, 1, tzinfo=dt.UTC), tz)
                for year in range(2037, 2042)
                for month in range(1, 13)
            ]
            assert max(offsets) - min(offsets) < dt.timedelta(days=1), name

    @pytest.mark.parametrize(
        ("before", "jump_at", "jump", "skipped"),
        [
            # Samoa's jump: a day ahead at midnight skips that day.
            (-10, 0, 24, {dt.date(2000, 1, 1)}),
            # A day ahead at noon skips no day: 1 January is shown from noon,
            # although its midnight and the next one are the same instant.
            (-12, 12, 24, set()),
            # A day and a half ahead at midnight skips the day whole, although
            # its midnight and the next one are twelve hours apart.
            (-18, 0, 36, {dt.date(2000, 1, 1)}),
            # 46 hours ahead at 01:00 skips no whole day: 1 January is shown
            # to 01:00, and 2 January from 23:00.
            (-23, 1, 46, set()),
            (-23, 0, 46, {dt.date(2000, 1, 1)}),
        ],
    )
    def test_a_day_is_skipped_only_when_no_instant_shows_it(
        self, before: int, jump_at: int, jump: int, skipped: set[dt.date]
    ) -> None:
        """Whether midnights coincide is not the test: whether the clocks ever
        show the day is.  (Offsets *before* and *jump* in hours; the jump at
        *jump_at* o'clock on 1 January 2000, local time.)"""
        moment = BASE + (jump_at - before) * HOUR
        data = tzif([moment], [before * HOUR, (before + jump) * HOUR])
        assert skipped_in(data) == skipped
        assert skipped_by_the_clock(data, moment - 3 * DAY, moment + 3 * DAY) == skipped

    def test_a_day_shown_again_is_not_skipped(self) -> None:
        """A jump back that shows a skipped day after all leaves it a day."""
        ahead = BASE + 12 * HOUR  # 00:00 on 1 January at UTC-12
        back = ahead + 6 * HOUR  # 06:00 on 2 January at UTC+12: back to 1 January
        data = tzif([ahead, back], [-12 * HOUR, 12 * HOUR, -12 * HOUR])
        assert skipped_in(data) == frozenset()
        assert skipped_by_the_clock(data, BASE - 3 * DAY, BASE + 3 * DAY) == set()

    def test_version_1_data(self) -> None:
        """Data of the first version (32-bit times only) is read too."""
        moment = BASE + 10 * HOUR
        data = tzif([moment], [-10 * HOUR, 14 * HOUR], version=1)
        assert skipped_in(data) == {dt.date(2000, 1, 1)}

    @pytest.mark.parametrize(
        "data",
        [
            b"",
            b"not a zone",
            tzif([BASE], [-10 * HOUR, 14 * HOUR])[:60],  # cut short
            tzif([BASE], [-10 * HOUR, 14 * HOUR])[:-10],  # its local times cut
            tzif([BASE], [-10 * HOUR, 14 * HOUR], version=1)[:-10],
            tzif([BASE], [-10 * HOUR, 14 * HOUR]).replace(b"TZif2", b"TZxf2", 2),
        ],
    )
    def test_unreadable_data_skips_none(self, data: bytes) -> None:
        """Data that is not TZif, or is cut short, skips no day."""
        assert skipped_in(data) == frozenset()

    @settings(max_examples=200)
    @given(
        steps=st.lists(
            st.tuples(st.integers(1, 120), st.integers(-23, 23)),
            min_size=1,
            max_size=12,
        ),
        first=st.integers(-23, 23),
    )
    def test_as_the_clocks_show(self, steps: list[tuple[int, int]], first: int) -> None:
        """Any zone, any transitions (whole hours apart, offsets in whole
        hours): the days read as skipped are those zoneinfo never shows."""
        moments, offsets, moment = [], [first * HOUR], BASE
        for hours, offset in steps:
            moment += hours * HOUR
            moments.append(moment)
            offsets.append(offset * HOUR)
        data = tzif(moments, offsets)
        expected = skipped_by_the_clock(data, BASE - 3 * DAY, moment + 3 * DAY)
        assert skipped_in(data) == expected


class TestBusinessDays:
    """A day the zone skipped is not counted, in any zone, on any path."""

    def test_samoa(self) -> None:
        """One business day after Thursday 29 December 2011 in Apia is Monday
        2 January 2012."""
        # By hand: the count starts the day after the anchor.  Friday 30
        # December never came in Samoa; Saturday 31 December and Sunday
        # 1 January are the weekend; Monday 2 January is the first business
        # day.  (Before the fix the count took the Friday that never was.)
        deadline = Deadline.after_business_days(pendulum.date(2011, 12, 29), 1, tz=APIA)
        assert deadline.due == pendulum.date(2012, 1, 2)
        assert deadline.holidays == ()
        assert deadline.workdays == ()
        # Its cutoff is the end of Monday 2 January in Samoa (UTC+14).
        assert deadline.cutoff == pendulum.datetime(2012, 1, 3, tz=APIA)
        # Two business days: Monday and Tuesday.
        two = Deadline.after_business_days(pendulum.date(2011, 12, 29), 2, tz=APIA)
        assert two.due == pendulum.date(2012, 1, 3)

    def test_samoa_from_a_datetime(self) -> None:
        """From a datetime its own zone counts, and the time of day is kept."""
        anchor = pendulum.datetime(2011, 12, 29, 9, tz=APIA)
        due = Deadline.after_business_days(anchor, 1).due
        assert isinstance(due, pendulum.DateTime)
        assert due == pendulum.datetime(2012, 1, 2, 9, tz=APIA)
        assert due.utcoffset() == dt.timedelta(hours=14)

    def test_anchor_on_the_skipped_day(self) -> None:
        """A date anchor may name the day that never came (a datetime cannot:
        its wall time is read forward to 31 December): the count starts after
        it, and Monday 2 January is the first business day."""
        deadline = Deadline.after_business_days(pendulum.date(2011, 12, 30), 1, tz=APIA)
        assert deadline.due == pendulum.date(2012, 1, 2)
        assert pendulum.datetime(2011, 12, 30, 12, tz=APIA).day == 31

    @pytest.mark.parametrize("tz", [None, "UTC", "Pacific/Pago_Pago", "Europe/London"])
    def test_other_zones_unchanged(self, tz: str | None) -> None:
        """Elsewhere (American Samoa too) 30 December 2011 was a Friday like any."""
        deadline = Deadline.after_business_days(pendulum.date(2011, 12, 29), 1, tz=tz)
        assert deadline.due == pendulum.date(2011, 12, 30)

    def test_a_holiday_on_the_skipped_day_is_not_kept(self) -> None:
        """The day is not counted whatever the holidays say, and a holiday on it
        is not kept as skipped: it did not fall on a day that would have counted."""
        deadline = Deadline.after_business_days(
            pendulum.date(2011, 12, 29),
            1,
            tz=APIA,
            holidays={SAMOA_SKIPPED, dt.date(2012, 1, 2)},
        )
        assert deadline.due == pendulum.date(2012, 1, 3)
        assert deadline.holidays == (pendulum.date(2012, 1, 2),)

    def test_a_calendar_is_not_asked_about_it(self) -> None:
        """A calendar that knows its working days is not asked about a day that
        never came (and could not say it was worked)."""
        calendar = _EveryDayWorked()
        deadline = Deadline.after_business_days(
            pendulum.date(2011, 12, 29), 3, tz=APIA, holidays=calendar
        )
        # Saturday 31 December, Sunday 1 and Monday 2 January, all worked.
        assert deadline.due == pendulum.date(2012, 1, 2)
        assert SAMOA_SKIPPED not in calendar.asked
        assert deadline.workdays == (
            pendulum.date(2011, 12, 31),
            pendulum.date(2012, 1, 1),
        )

    @pytest.mark.parametrize(
        ("weekend", "due"),
        [
            (DEFAULT_WEEKEND, dt.date(1993, 8, 23)),  # it was a Saturday anyway
            (frozenset(), dt.date(1993, 8, 22)),  # every day counts, but that one
            (frozenset({4, 5}), dt.date(1993, 8, 22)),  # a Friday–Saturday weekend
        ],
    )
    def test_kwajalein(self, weekend: frozenset[int], due: dt.date) -> None:
        """Kwajalein skipped Saturday 21 August 1993: it matters only where
        Saturday is a business day."""
        deadline = Deadline.after_business_days(
            pendulum.date(1993, 8, 20), 1, tz=KWAJALEIN, weekend=weekend
        )
        assert deadline.due == due

    def test_a_worked_weekend_day_that_never_came(self) -> None:
        """A weekend day listed as worked is not counted if it never came."""
        day, skipped, worked = count_business_days(
            pendulum.date(1993, 8, 20),
            1,
            frozenset(),
            DEFAULT_WEEKEND,
            workdays=frozenset({KWAJALEIN_SKIPPED}),
            missing=frozenset({KWAJALEIN_SKIPPED}),
        )
        assert (day, skipped, worked) == (pendulum.date(1993, 8, 23), (), ())

    @settings(max_examples=300)
    @given(
        start=st.dates(dt.date(2011, 6, 1), dt.date(2012, 2, 1)),
        n=st.integers(1, 300),
        weekend=st.frozensets(st.integers(0, 6), max_size=6),
        closed=st.frozensets(
            st.dates(dt.date(2011, 6, 1), dt.date(2013, 6, 1)), max_size=40
        ),
        worked=st.frozensets(
            st.dates(dt.date(2011, 6, 1), dt.date(2013, 6, 1)), max_size=20
        ),
        skipped=st.frozensets(
            st.dates(dt.date(2011, 6, 1), dt.date(2013, 6, 1)), max_size=4
        ),
    )
    def test_by_whole_weeks_as_day_by_day(
        self,
        *,
        start: dt.date,
        n: int,
        weekend: frozenset[int],
        closed: frozenset[dt.date],
        worked: frozenset[dt.date],
        skipped: frozenset[dt.date],
    ) -> None:
        """A set of holidays is counted by whole weeks: the same answer as day by
        day, and as a plain count of the days that came and were worked."""
        begin = pendulum.Date(start.year, start.month, start.day)
        fast = count_business_days(
            begin, n, closed, weekend, workdays=worked, missing=skipped
        )
        slow = count_business_days(
            begin, n, _Only(closed), weekend, workdays=worked, missing=skipped
        )
        assert fast == slow
        assert fast[0] == _reference(
            begin, n, closed=closed, weekend=weekend, worked=worked, skipped=skipped
        )
        assert not set(fast[1]) & skipped
        assert not set(fast[2]) & skipped

    @settings(max_examples=100)
    @given(
        start=st.dates(dt.date(2011, 10, 1), dt.date(2012, 2, 1)),
        n=st.integers(1, 60),
    )
    def test_apia_against_the_clocks(self, start: dt.date, n: int) -> None:
        """Counted in Apia, the same as counting the days whose midnights differ,
        the rule the brief gave, there true (Samoa jumped at midnight)."""
        anchor = pendulum.Date(start.year, start.month, start.day)
        expected = _reference(
            anchor,
            n,
            closed=frozenset(),
            weekend=DEFAULT_WEEKEND,
            worked=frozenset(),
            skipped=_apia_no_length(),
        )
        assert Deadline.after_business_days(anchor, n, tz=APIA).due == expected

    @settings(max_examples=100)
    @given(
        start=st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
        n=st.integers(1, 400),
        name=st.sampled_from(["Europe/London", "America/New_York", "Asia/Tokyo"]),
    )
    def test_normal_zones_count_as_utc(self, start: dt.date, n: int, name: str) -> None:
        """A zone that skipped no day counts as UTC does."""
        anchor = pendulum.Date(start.year, start.month, start.day)
        assert (
            Deadline.after_business_days(anchor, n, tz=name).due
            == Deadline.after_business_days(anchor, n).due
        )


def _days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    while first <= last:
        yield first
        first += dt.timedelta(days=1)


@functools.cache
def _apia_no_length() -> frozenset[dt.date]:
    """The days from September 2011 to June 2012 whose midnight in Apia is the
    same instant as the next day's, or later."""
    tz = zone(APIA)
    return frozenset(
        day
        for day in _days(dt.date(2011, 9, 1), dt.date(2012, 6, 1))
        if _midnight(day + dt.timedelta(days=1), tz) <= _midnight(day, tz)
    )


def _reference(
    start: dt.date,
    n: int,
    *,
    closed: frozenset[dt.date],
    weekend: frozenset[int],
    worked: frozenset[dt.date],
    skipped: frozenset[dt.date],
) -> dt.date:
    """The *n*-th business day after *start*, counted plainly day by day."""
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        if day in skipped:
            continue
        if day.weekday() in weekend:
            counted += day in worked
        else:
            counted += day not in closed
    return day


class _Only:
    """A container that answers ``in`` and nothing else: counted day by day."""

    def __init__(self, days: frozenset[dt.date]) -> None:
        self.days = days

    def __contains__(self, day: object) -> bool:
        return day in self.days


class _EveryDayWorked:
    """A calendar (``is_working_day``) that works every day, and notes each day asked."""

    weekend = DEFAULT_WEEKEND

    def __init__(self) -> None:
        self.asked: list[dt.date] = []

    def __contains__(self, day: object) -> bool:
        return False

    def is_working_day(self, day: dt.date) -> bool:
        self.asked.append(day)
        return True


class TestLoaded:
    """A serialized deadline holds its rule and its due day, and they agree."""

    def test_round_trip(self) -> None:
        """The Samoan deadline is written with its zone and read back equal."""
        deadline = Deadline.after_business_days(
            pendulum.date(2011, 12, 29), 3, tz=APIA, holidays={dt.date(2012, 1, 2)}
        )
        data = to_dict(deadline)
        assert isinstance(data, dict)
        assert data["due"] == "2012-01-05"  # 2 January was a holiday
        assert data["tz"] == APIA
        assert from_dict(Deadline, data) == deadline

    def test_the_day_that_never_came_is_not_due(self) -> None:
        """A document that counted the day that never came is refused."""
        data = to_dict(
            Deadline.after_business_days(pendulum.date(2011, 12, 29), 1, tz=APIA)
        )
        assert isinstance(data, dict)
        data["due"] = "2011-12-30"
        with pytest.raises(ValidationError) as info:
            from_dict(Deadline, data)
        assert list(info.value.errors) == [
            (
                "due",
                "2011-12-30 does not follow from the rule "
                "(1 business day after 2011-12-29 = 2012-01-02)",
            )
        ]

    def test_the_same_document_in_utc(self) -> None:
        """Without the zone, 30 December 2011 was a Friday like any other."""
        data = to_dict(Deadline.after_business_days(pendulum.date(2011, 12, 29), 1))
        assert isinstance(data, dict)
        assert data["due"] == "2011-12-30"
        assert from_dict(Deadline, data).due == pendulum.date(2011, 12, 30)

    def test_a_holiday_that_never_came(self) -> None:
        """A holiday listed on the day the zone skipped is refused at its place:
        no count keeps one."""
        data = to_dict(
            Deadline.after_business_days(pendulum.date(2011, 12, 29), 1, tz=APIA)
        )
        assert isinstance(data, dict)
        data["holidays"] = ["2012-01-02", "2011-12-30"]
        data["due"] = "2012-01-03"
        with pytest.raises(ValidationError) as info:
            from_dict(Deadline, data)
        assert list(info.value.errors) == [
            (
                "holidays[1]",
                "2011-12-30 is not a day in Pacific/Apia: its clocks skipped it",
            )
        ]

    def test_a_workday_that_never_came(self) -> None:
        """A weekend day listed as worked on the day the zone skipped is refused,
        once, at its place."""
        data = to_dict(
            Deadline.after_business_days(pendulum.date(1993, 8, 20), 1, tz=KWAJALEIN)
        )
        assert isinstance(data, dict)
        data["workdays"] = ["1993-08-21"]
        with pytest.raises(ValidationError) as info:
            from_dict(Deadline, data)
        assert list(info.value.errors) == [
            (
                "workdays[0]",
                "1993-08-21 is not a day in Pacific/Kwajalein: its clocks skipped it",
            )
        ]

    def test_a_datetime_anchor(self) -> None:
        """From a datetime the anchor's zone is the one counted, on load too."""
        deadline = Deadline.after_business_days(
            pendulum.datetime(2011, 12, 29, 9, tz=APIA), 1
        )
        assert from_dict(Deadline, to_dict(deadline)) == deadline


class TestCalendarDays:
    """Calendar-day rules count dates, as pendulum's date arithmetic does: a
    day a zone skipped is still a date (these tests pin that behaviour)."""

    def test_on_day(self) -> None:
        """Day 2 counting from 29 December 2011 in Apia is the 30th, which never
        came: the deadline passes when it would have begun, at the end of the
        29th (the same instant as the start of the 31st)."""
        deadline = Deadline.on_day(
            2, counting_from=pendulum.date(2011, 12, 29), tz=APIA
        )
        assert deadline.due == pendulum.date(2011, 12, 30)
        assert deadline.cutoff == pendulum.datetime(2011, 12, 31, tz=APIA)
        end_of_29th = Deadline.on(pendulum.date(2011, 12, 29), tz=APIA).cutoff
        assert deadline.cutoff == end_of_29th

    def test_after_days_from_a_date_and_from_a_datetime(self) -> None:
        """A day after the 29th is the date 30 December; from a datetime the wall
        time that never came is read forward to the 31st (the compatible rule)."""
        assert Deadline.after(
            pendulum.date(2011, 12, 29), days=1, tz=APIA
        ).due == pendulum.date(2011, 12, 30)
        noon = pendulum.datetime(2011, 12, 29, 12, tz=APIA)
        assert Deadline.after(noon, days=1).due == pendulum.datetime(
            2011, 12, 31, 12, tz=APIA
        )
