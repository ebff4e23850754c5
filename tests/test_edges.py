"""The edges of the calendar, host-dependent zones, weekends and country codes."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import holidays
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Deadline,
    Milestone,
    MilestoneStatus,
    PartialDate,
    Ultimatum,
    UltimatumStatus,
    ValidationError,
    from_dict,
    to_dict,
)
from negotiation_records import _deadline_arithmetic as arithmetic_module
from negotiation_records._countries import ISO_3166_1_ALPHA_2
from negotiation_records._deadline_arithmetic import (
    count_business_days,
    resolve_business_days,
)
from negotiation_records._weekends import check_weekend
from negotiation_records.deadlines import DEFAULT_WEEKEND, weekend_for
from negotiation_records.timeutil import format_moment, parse_moment, to_moment, zone


LAST_DAY = pendulum.date(9999, 12, 31)
FIRST_DAY = pendulum.date(1, 1, 1)


class TestEndOfTheCalendar:
    """A deadline on 9999-12-31 has no next day to pass at."""

    @pytest.mark.parametrize("tz", [None, "Asia/Tokyo", "America/New_York"])
    def test_cutoff_is_the_last_instant(self, tz: str | None) -> None:
        """The cutoff is the due day's last microsecond, on its own wall clock."""
        cutoff = Deadline.on(LAST_DAY, tz=tz).cutoff
        assert (cutoff.year, cutoff.month, cutoff.day) == (9999, 12, 31)
        assert cutoff.time() == dt.time.max
        assert cutoff.timezone_name == (tz or "UTC")

    @pytest.mark.parametrize("tz", [None, "Asia/Tokyo", "America/New_York"])
    def test_questions_answer(self, tz: str | None) -> None:
        """remaining, is_past and describe work from today and from the last day."""
        deadline = Deadline.on(LAST_DAY, tz=tz)
        assert deadline.is_past() is False
        assert deadline.describe(at=pendulum.date(2025, 7, 20)) == "due in 7979 years"
        assert deadline.remaining().days > 365 * 7000
        assert deadline.is_past(at=LAST_DAY) is False
        assert deadline.describe(at=LAST_DAY) == "due in 23 hours"

    def test_order_with_others(self) -> None:
        """Deadlines at the ends of the calendar sort with the rest."""
        far = Deadline.on(LAST_DAY, tz="America/New_York")
        near = Deadline.on(pendulum.date(2025, 9, 2))
        first = Deadline.on(FIRST_DAY, tz="Asia/Tokyo")
        assert sorted([far, near, first]) == [first, near, far]
        assert far > near >= first

    @pytest.mark.parametrize("tz", [None, "Asia/Tokyo", "America/New_York"])
    def test_a_step_on_the_last_day(self, tz: str | None) -> None:
        """Expired or missed on the last day (or in its month or year): every
        deadline had passed by its end; no OverflowError."""
        for due in (pendulum.date(9999, 12, 30), LAST_DAY):
            deadline = Deadline.on(due, tz=tz)
            for on in (LAST_DAY, PartialDate(9999, 12), PartialDate(9999)):
                assert deadline.had_passed_by(on) is True
            ultimatum = Ultimatum(
                id="u",
                issued_by="a",
                addressed_to=["b"],
                issued_at=pendulum.date(9999, 1, 1),
                demand="x",
                deadline=deadline,
            )
            assert ultimatum.expire(on=LAST_DAY).status is UltimatumStatus.EXPIRED
            milestone = Milestone(id="m", title="x", deadline=deadline)
            missed = milestone.with_status("missed", on=LAST_DAY)
            assert missed.status is MilestoneStatus.MISSED
        assert Deadline.on(LAST_DAY).had_passed_by(pendulum.date(9999, 12, 30)) is False

    def test_loaded_far_deadline(self) -> None:
        """A loaded document due on the last day answers without an error."""
        loaded = from_dict(Deadline, to_dict(Deadline.on(LAST_DAY, tz="Pacific/Apia")))
        assert loaded.is_past(at=pendulum.datetime(2025, 1, 1, tz="UTC")) is False


NEW_YORK_LAST_EVENING = pendulum.datetime(9999, 12, 31, 20, tz="America/New_York")
KYIV_FIRST_NIGHT = pendulum.datetime(1, 1, 1, 3, tz="Europe/Kyiv")


class TestArithmeticAtTheEdges:
    """Results on the first and last days of the calendar, in any zone, work."""

    @pytest.mark.parametrize(
        ("make", "due"),
        [
            # 9999-12-31 21:00 in New York is in year 10000 in UTC.
            (
                lambda: Deadline.after(
                    pendulum.datetime(9999, 12, 30, 20, tz="America/New_York"), days=1
                ),
                "9999-12-31T20:00:00-05:00[America/New_York]",
            ),
            (
                lambda: Deadline.after(
                    pendulum.datetime(9999, 12, 31, 20, tz="America/New_York"), hours=1
                ),
                "9999-12-31T21:00:00-05:00[America/New_York]",
            ),
            # 0001-01-01 01:00 in Kyiv (local mean time, +02:02:04) is before
            # 0001-01-01 in UTC.
            (
                lambda: Deadline.before(
                    pendulum.datetime(1, 1, 2, 1, tz="Europe/Kyiv"), days=1
                ),
                "0001-01-01T01:00:00+02:02:04[Europe/Kyiv]",
            ),
            (
                lambda: Deadline.before(
                    pendulum.datetime(1, 1, 1, 3, tz="Europe/Kyiv"), hours=2
                ),
                "0001-01-01T01:00:00+02:02:04[Europe/Kyiv]",
            ),
            (
                lambda: Deadline.on(
                    pendulum.datetime(9999, 12, 31, 1, tz="UTC"), tz="America/New_York"
                ),
                "9999-12-30T20:00:00-05:00[America/New_York]",
            ),
        ],
    )
    def test_results_that_can_be_written_are_given(self, make: Any, due: str) -> None:
        """The wall time exists, so the deadline does; and it loads back."""
        deadline = make()
        assert format_moment(deadline.due) == due
        assert from_dict(Deadline, to_dict(deadline)) == deadline
        assert deadline.is_past(at=pendulum.datetime(9000, 1, 1, tz="UTC")) is (
            deadline.due.year == 1
        )

    def test_a_loaded_rule_at_the_end_is_checked(self) -> None:
        """A document whose due is an hour after its anchor on the last evening loads."""
        loaded = from_dict(
            Deadline,
            {
                "due": "9999-12-31T21:00:00-05:00[America/New_York]",
                "anchor": "9999-12-31T20:00:00-05:00[America/New_York]",
                "period": "PT1H",
            },
        )
        assert loaded.due == pendulum.datetime(9999, 12, 31, 21, tz="America/New_York")

    @pytest.mark.parametrize(
        ("make", "path"),
        [
            (lambda: Deadline.after(NEW_YORK_LAST_EVENING, hours=4), "period"),
            (lambda: Deadline.before(KYIV_FIRST_NIGHT, hours=4), "period"),
            (
                lambda: Deadline.on(
                    pendulum.datetime(9999, 12, 31, 21, tz="America/New_York"), tz="UTC"
                ),
                "tz",
            ),
            (
                lambda: Deadline.on(
                    pendulum.datetime(1, 1, 1, 1, tz="Europe/Kyiv"), tz="UTC"
                ),
                "tz",
            ),
        ],
    )
    def test_results_outside_the_calendar_are_refused(
        self, make: Any, path: str
    ) -> None:
        """Past 9999-12-31 or before 0001-01-01 on the wall clock: a ValidationError."""
        with pytest.raises(ValidationError) as exc:
            make()
        (problem,) = exc.value.errors
        assert problem[0] == path
        assert "outside the calendar" in problem[1]


class TestStartOfTheCalendar:
    """0001-01-01 east of UTC starts before the calendar does, in UTC."""

    @pytest.mark.parametrize("tz", ["Europe/Kyiv", "Asia/Tokyo", "America/New_York"])
    def test_first_day(self, tz: str) -> None:
        """A deadline on the first day, asked about at that day, is still open."""
        deadline = Deadline.on(FIRST_DAY, tz=tz)
        assert deadline.is_past(at=FIRST_DAY) is False
        assert deadline.describe(at=FIRST_DAY) == "due in 24 hours"
        assert deadline.is_past(at=pendulum.date(1, 1, 2)) is True


class TestHostZones:
    """Zone names that mean different zones on different machines are refused."""

    @pytest.mark.parametrize(
        "name",
        [
            "localtime",
            "posixrules",
            "Factory",
            "LocalTime",
            "posix/Europe/Kyiv",
            "right/UTC",
            "/etc/localtime",
            "../zoneinfo/UTC",
            "Europe/../UTC",
        ],
    )
    def test_refused(self, name: str) -> None:
        """zone() refuses the name, saying why."""
        with pytest.raises(ValidationError, match="depends on the machine"):
            zone(name)

    def test_deadline_zone_refused(self) -> None:
        """A deadline naming such a zone is refused with the same reason."""
        with pytest.raises(ValidationError) as info:
            Deadline.on(pendulum.date(2025, 9, 2), tz="localtime")
        assert info.value.errors[0][0] == "tz"
        assert "depends on the machine" in info.value.errors[0][1]

    def test_text_refused(self) -> None:
        """A moment written with such a zone is not read."""
        with pytest.raises(ValidationError, match="depends on the machine"):
            parse_moment("2025-07-14T12:00:00Z[posixrules]")

    def test_named_zones_still_work(self) -> None:
        """Ordinary names, Etc/ names and the legacy ones are accepted (not the
        abbreviations such as EST5EDT: see tests/test_history.py)."""
        for name in ("Europe/Kyiv", "UTC", "Etc/GMT+5", "US/Eastern"):
            assert zone(name).name == name

    def test_host_zoneinfo_becomes_an_offset(self) -> None:
        """A zoneinfo datetime in a host zone keeps its instant at a fixed offset;
        in ``posix/NAME`` it is in the zone ``NAME``, whose copy that is."""
        value = dt.datetime(2025, 7, 14, 12, tzinfo=zoneinfo.ZoneInfo("right/UTC"))
        assert format_moment(to_moment(value)) == "2025-07-14T12:00:00+00:00"
        value = dt.datetime(2025, 7, 14, 12, tzinfo=zoneinfo.ZoneInfo("posix/UTC"))
        assert format_moment(to_moment(value)) == "2025-07-14T12:00:00Z"


class TestLowerCaseTAndZ:
    """RFC 3339 (section 5.6) allows 't' and 'z'; they are written upper-case."""

    @pytest.mark.parametrize(
        ("text", "written"),
        [
            ("2025-07-14t12:00:00z", "2025-07-14T12:00:00Z"),
            ("2025-07-14t12:00:00Z", "2025-07-14T12:00:00Z"),
            ("2025-07-14T12:00:00z", "2025-07-14T12:00:00Z"),
            ("2025-07-14t15:00:00+03:00", "2025-07-14T15:00:00+03:00"),
            (
                "2025-07-14t12:00:00-04:00[America/New_York]",
                "2025-07-14T12:00:00-04:00[America/New_York]",
            ),
        ],
    )
    def test_read_and_normalised(self, text: str, written: str) -> None:
        """The moment is read, and written back in the canonical form."""
        assert format_moment(parse_moment(text)) == written

    def test_naive_lower_case_still_refused(self) -> None:
        """A lower-case 't' does not make a naive time acceptable."""
        with pytest.raises(ValidationError, match="has no UTC offset"):
            parse_moment("2025-07-14t12:00:00")


class TestBusinessDayLimit:
    """At most 100,000 business days are counted, and more are refused at once."""

    @staticmethod
    def _forbid_counting(monkeypatch: pytest.MonkeyPatch) -> None:
        """Make any count of business days fail the test: a refusal must come first."""

        def count(*args: object) -> object:
            pytest.fail(f"business days were counted: {args!r}")

        monkeypatch.setattr(arithmetic_module, "count_business_days", count)

    @pytest.mark.parametrize("count", [100_001, 10**18])
    def test_loaded_refused_before_counting(
        self, count: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A loaded deadline with too many business days is refused without counting."""
        data = to_dict(Deadline.after_business_days(pendulum.date(2025, 1, 1), 5))
        assert isinstance(data, dict)
        data["business_days"] = count
        self._forbid_counting(monkeypatch)
        with pytest.raises(ValidationError) as info:
            from_dict(Deadline, data)
        assert ("business_days", f"must be at most 100000, got {count}") in (
            info.value.errors
        )

    def test_resolve_refuses_before_counting(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The arithmetic itself refuses a count above the limit before counting."""
        self._forbid_counting(monkeypatch)
        with pytest.raises(ValidationError, match="at most 100000"):
            resolve_business_days(
                pendulum.date(2025, 1, 1), 10**18, (), DEFAULT_WEEKEND
            )


class _Only:
    """A container that answers ``in`` and nothing else: counted day by day."""

    def __init__(self, days: frozenset[dt.date]) -> None:
        self.days = days

    def __contains__(self, day: object) -> bool:
        return day in self.days


class TestWholeWeeks:
    """A set of holidays (every one known) is counted by whole weeks, with the
    same answer as day by day."""

    @settings(max_examples=300)
    @given(
        start=st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
        n=st.integers(0, 3_000),
        weekend=st.frozensets(st.integers(0, 6), max_size=6),
        closed=st.frozensets(
            st.dates(dt.date(2000, 1, 1), dt.date(2045, 12, 31)), max_size=60
        ),
        worked=st.frozensets(
            st.dates(dt.date(2000, 1, 1), dt.date(2045, 12, 31)), max_size=60
        ),
    )
    def test_the_same_as_day_by_day(
        self,
        start: dt.date,
        n: int,
        weekend: frozenset[int],
        closed: frozenset[dt.date],
        worked: frozenset[dt.date],
    ) -> None:
        """With weekend days worked too (those on weekdays are ignored)."""
        begin = pendulum.Date(start.year, start.month, start.day)
        assert count_business_days(begin, n, closed, weekend, workdays=worked) == (
            count_business_days(begin, n, _Only(closed), weekend, workdays=worked)
        )

    def test_every_workday_a_holiday_for_weeks(self) -> None:
        """Weeks whose every business day is a holiday are skipped whole."""
        start = pendulum.date(2025, 1, 5)  # a Sunday
        closed = frozenset(
            start.add(days=offset)
            for offset in range(1, 71)
            if start.add(days=offset).weekday() < 5
        )
        due, skipped, _ = count_business_days(start, 20, closed, DEFAULT_WEEKEND)
        assert (due, skipped, ()) == count_business_days(
            start, 20, _Only(closed), DEFAULT_WEEKEND
        )
        assert len(skipped) == 50
        assert due == pendulum.date(2025, 4, 11)

    def test_the_largest_count_is_checked_at_once(self) -> None:
        """A loaded deadline of 100,000 business days is checked without
        counting every day (it took some 16 ms a deadline)."""
        deadline = Deadline.after_business_days(
            pendulum.date(2025, 1, 1),
            100_000,
            holidays=[pendulum.date(2025, 12, 25), pendulum.date(2026, 1, 1)],
        )
        assert from_dict(Deadline, to_dict(deadline)) == deadline
        assert (
            deadline.due
            == count_business_days(
                pendulum.date(2025, 1, 1),
                100_000,
                _Only(frozenset(deadline.holidays)),
                DEFAULT_WEEKEND,
            )[0]
        )


class TestWeekend:
    """Business days skip a weekend that need not be Saturday and Sunday."""

    THURSDAY = pendulum.date(2025, 11, 6)

    def test_default(self) -> None:
        """Saturday and Sunday by default: one business day after Thursday is Friday."""
        assert {5, 6} == DEFAULT_WEEKEND
        assert count_business_days(self.THURSDAY, 1, (), DEFAULT_WEEKEND)[
            0
        ] == pendulum.date(2025, 11, 7)

    def test_friday_and_saturday(self) -> None:
        """With a Friday–Saturday weekend it is Sunday."""
        day, skipped, _ = count_business_days(self.THURSDAY, 1, (), frozenset({4, 5}))
        assert (day, skipped) == (pendulum.date(2025, 11, 9), ())

    def test_israel_calendar(self) -> None:
        """A holidays calendar's own weekend is used: Israel's is Friday and Saturday."""
        israel = holidays.country_holidays("IL")
        weekend = weekend_for(israel)
        assert weekend == {4, 5}
        day, *_ = count_business_days(self.THURSDAY, 1, israel, weekend)
        assert day == pendulum.date(2025, 11, 9)

    def test_explicit_weekend_wins(self) -> None:
        """weekend= given overrides the calendar's."""
        assert weekend_for(holidays.country_holidays("IL"), {6}) == {6}
        assert weekend_for(holidays.country_holidays("GB")) == {5, 6}
        assert weekend_for([pendulum.date(2025, 12, 25)]) == DEFAULT_WEEKEND

    def test_holiday_on_a_new_business_day(self) -> None:
        """A holiday on a Sunday is skipped (and kept) when Sunday is a business day."""
        sunday = pendulum.date(2025, 11, 9)
        day, skipped, _ = count_business_days(
            self.THURSDAY, 1, {sunday}, frozenset({4, 5})
        )
        assert (day, skipped) == (pendulum.date(2025, 11, 10), (sunday,))

    def test_no_weekend(self) -> None:
        """An empty weekend counts every day."""
        day, *_ = count_business_days(self.THURSDAY, 3, (), frozenset())
        assert day == pendulum.date(2025, 11, 9)

    @pytest.mark.parametrize(
        ("weekend", "message"),
        [
            ({7}, "from 0 (Monday) to 6 (Sunday), got 7"),
            ({True}, "got True"),
            ("56", "must be a set of weekday numbers"),
            (set(range(7)), "leaves no business day"),
        ],
    )
    def test_bad_weekend(self, weekend: object, message: str) -> None:
        """A weekend that is not a set of weekday numbers is refused."""
        assert message in check_weekend(weekend)[0][1]
        with pytest.raises(ValidationError, match="weekend"):
            weekend_for((), weekend)  # type: ignore[arg-type]

    def test_deadline_keeps_its_weekend(self) -> None:
        """The Israeli count gives Sunday, keeps its weekend and round-trips."""
        deadline = Deadline.after_business_days(
            self.THURSDAY, 1, holidays=holidays.country_holidays("IL")
        )
        assert deadline.due == pendulum.date(2025, 11, 9)
        assert deadline.weekend == frozenset({4, 5})
        assert to_dict(deadline)["weekend"] == [4, 5]
        assert from_dict(Deadline, to_dict(deadline)) == deadline
        with pytest.raises(ValidationError, match="weekend: only a business-day"):
            Deadline.on(self.THURSDAY).__class__(due=self.THURSDAY, weekend={4, 5})
        wrong = to_dict(deadline) | {"weekend": [5, 6]}
        with pytest.raises(ValidationError, match="due"):
            from_dict(Deadline, wrong)  # the rule gives another day

    def test_default_weekend_deadline_unchanged(self) -> None:
        """A calendar with Saturday–Sunday weekend builds a deadline as before."""
        deadline = Deadline.after_business_days(
            self.THURSDAY, 1, holidays=holidays.country_holidays("GB")
        )
        assert deadline.due == pendulum.date(2025, 11, 7)


class TestCountryCodes:
    """The ISO 3166-1 alpha-2 list shipped as data."""

    def test_count(self) -> None:
        """249 codes are officially assigned."""
        assert len(ISO_3166_1_ALPHA_2) == 249

    def test_shape(self) -> None:
        """Every code is two upper-case ASCII letters."""
        assert all(
            len(code) == 2 and code.isascii() and code.isupper()
            for code in ISO_3166_1_ALPHA_2
        )

    @pytest.mark.parametrize("code", ["UA", "RU", "US", "TR", "GB", "CN", "SS", "AX"])
    def test_assigned(self, code: str) -> None:
        """The codes of the examples' parties are in the list."""
        assert code in ISO_3166_1_ALPHA_2

    @pytest.mark.parametrize("code", ["ZZ", "XX", "UK", "XK", "EU", "AN", "YU", "AA"])
    def test_not_assigned(self, code: str) -> None:
        """User-assigned (XK, ZZ, XX, AA) and reserved (UK, EU, AN, YU) codes are not."""
        assert code not in ISO_3166_1_ALPHA_2
