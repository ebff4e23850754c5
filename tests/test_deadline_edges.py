"""
Deadline rules at their edges: the checks of a deadline built by its constructor,
business days counted with calendars of one's own and at the calendar's end,
comparisons at the same instant, and days anywhere of unusual inputs.
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from negotiation_records import Deadline, Period, ValidationError


def test_a_day_whose_midnight_is_skipped_ends_at_the_clock_change() -> None:
    """Havana's clocks jumped from 00:00 to 01:00 on 10 March 2024, so the 9th
    ends at 01:00:00 on the 10th exactly: not a second early or late."""
    deadline = Deadline.on(pendulum.date(2024, 3, 9), tz="America/Havana")
    assert deadline.cutoff == pendulum.datetime(2024, 3, 10, 1, tz="America/Havana")
    assert deadline.cutoff.second == 0
    assert deadline.cutoff.microsecond == 0
    # 23:59:59 on the 9th at -05:00; a second later is 01:00 at -04:00.
    just_before = pendulum.datetime(2024, 3, 10, 4, 59, 59, tz="UTC")
    assert not deadline.is_past(at=just_before)
    assert deadline.is_past(at=just_before.add(seconds=1))


def test_workdays_alone_are_kept_earliest_first() -> None:
    """Worked weekend days given with no holidays are kept earliest first, so the
    deadline equals the same one given them in order."""
    # Friday 3 January 2025; Saturdays 4 and 11 January worked: the 7th business
    # day is Saturday 11 January.
    given = [pendulum.date(2025, 1, 11), pendulum.date(2025, 1, 4)]
    deadline = Deadline(
        due=pendulum.date(2025, 1, 11),
        anchor=pendulum.date(2025, 1, 3),
        business_days=7,
        workdays=given,
    )
    assert deadline.workdays == (pendulum.date(2025, 1, 4), pendulum.date(2025, 1, 11))
    assert deadline == Deadline(
        due=pendulum.date(2025, 1, 11),
        anchor=pendulum.date(2025, 1, 3),
        business_days=7,
        workdays=sorted(given),
    )


def test_a_day_count_with_business_days_is_refused() -> None:
    """A deadline gives a day count or business days, not both, even where the
    two agree (Monday 6 January 2025: one business day on is day 2)."""
    with pytest.raises(ValidationError) as caught:
        Deadline(
            due=pendulum.date(2025, 1, 7),
            anchor=pendulum.date(2025, 1, 6),
            business_days=1,
            day=2,
        )
    assert caught.value.errors == (
        ("day", "give a day, a period or business days: only one of them"),
    )


def test_business_days_without_an_anchor_are_refused() -> None:
    """A business-day count needs a day to count from."""
    with pytest.raises(ValidationError) as caught:
        Deadline(due=pendulum.date(2025, 1, 7), business_days=1)
    assert caught.value.errors == (("anchor", "a relative deadline needs an anchor"),)


def test_period_and_business_days_is_the_only_problem_reported() -> None:
    """A period and business days together is one problem: the due is not also
    checked against either."""
    with pytest.raises(ValidationError) as caught:
        Deadline(
            due=pendulum.date(2025, 1, 3),
            anchor=pendulum.date(2025, 1, 1),
            period=Period(days=1),
            business_days=1,
        )
    assert caught.value.errors == (
        ("business_days", "give a period or business days, not both"),
    )


def test_a_date_deadline_east_of_utc_had_not_passed_by_the_day_before() -> None:
    """A date deadline is read by days: the end of 2 September at UTC+14 had not
    passed by 1 September (a day), though 1 September ends later at UTC-12."""
    deadline = Deadline.on(pendulum.date(2025, 9, 2), tz="Pacific/Kiritimati")
    assert deadline.had_passed_by(pendulum.date(2025, 9, 1)) is False
    assert deadline.had_passed_by(pendulum.date(2025, 9, 2)) is True


def test_a_day_and_a_period_is_the_only_problem_reported() -> None:
    """A day and a period together is one problem: the due is not also checked
    against the period."""
    with pytest.raises(ValidationError) as caught:
        Deadline(
            due=pendulum.date(2025, 2, 3),
            anchor=pendulum.date(2025, 1, 19),
            period=Period(days=14),  # 2 February: the due follows the day only
            day=16,
        )
    assert caught.value.errors == (
        ("day", "give a day, a period or business days: only one of them"),
    )


def test_a_day_count_due_at_a_datetime_is_one_problem() -> None:
    """A day count due at a datetime is told that a day count falls due on a date,
    and nothing more."""
    with pytest.raises(ValidationError) as caught:
        Deadline(
            due=pendulum.datetime(2025, 2, 3, tz="UTC"),
            anchor=pendulum.datetime(2025, 1, 19, tz="UTC"),
            day=16,
        )
    assert caught.value.errors == (
        ("due", "a day count falls due on a date (the end of that day)"),
    )


class _FridaySaturdayWeekends(frozenset[dt.date]):
    """Holidays that can say which days are weekend days, but not which are worked."""

    def is_weekend(self, day: dt.date) -> bool:
        return day.weekday() in (4, 5)


def test_a_calendar_without_is_working_day_is_not_asked_its_weekend() -> None:
    """A container that says which days are weekend days but not which are worked
    lends only its holidays: the weekend stays Saturday and Sunday."""
    deadline = Deadline.after_business_days(
        pendulum.date(2025, 1, 2), 1, holidays=_FridaySaturdayWeekends()
    )
    assert deadline.weekend == frozenset({5, 6})
    assert deadline.due == pendulum.date(2025, 1, 3)


class _MondayToFriday(frozenset[dt.date]):
    """A calendar that knows its working days, as one of the holidays package does."""

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5

    def is_weekend(self, day: dt.date) -> bool:
        return day.weekday() >= 5


def test_a_working_day_calendar_counts_to_the_last_week_of_the_calendar() -> None:
    """A calendar that knows its working days counts to the calendar's last days
    (from Saturday 9999-12-25), without looking past 9999-12-31."""
    start = pendulum.date(9999, 12, 25)  # a Saturday
    deadline = Deadline.after_business_days(start, 1, holidays=_MondayToFriday())
    assert deadline.due == pendulum.date(9999, 12, 27)
    assert Deadline.after_business_days(
        start, 5, holidays=_MondayToFriday()
    ).due == pendulum.date(9999, 12, 31)


class _SundayToThursday(frozenset[dt.date]):
    """A working-day calendar whose weekend is Friday and Saturday, with no `weekend`."""

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() not in (4, 5)

    def is_weekend(self, day: dt.date) -> bool:
        return day.weekday() in (4, 5)


def test_the_weekend_is_read_in_the_last_whole_week_of_the_calendar() -> None:
    """From Friday 9999-12-24 the seven days after the start are the calendar's
    last: the calendar's own weekend (Friday and Saturday) is still read."""
    deadline = Deadline.after_business_days(
        pendulum.date(9999, 12, 24), 1, holidays=_SundayToThursday()
    )
    assert deadline.weekend == frozenset({4, 5})
    assert deadline.due == pendulum.date(9999, 12, 26)  # Sunday


def test_a_tuple_of_holidays_is_counted_to_the_end_as_a_list_is() -> None:
    """A tuple of holidays is counted as a list of the same days is, however many
    days off in a row it holds."""
    start = pendulum.date(2025, 1, 1)
    closed = [start.add(days=i) for i in range(1, 401)]  # 400 days in a row
    by_list = Deadline.after_business_days(start, 1, holidays=closed)
    by_tuple = Deadline.after_business_days(start, 1, holidays=tuple(closed))
    assert by_tuple.due == by_list.due == pendulum.date(2026, 2, 6)  # a Friday


def test_deadlines_with_the_same_cutoff_are_not_greater_and_are_greater_or_equal() -> (
    None
):
    """Two deadlines that pass at the same instant (the end of 2 September in UTC,
    and midnight UTC on the 3rd) are neither before nor after each other."""
    by_day = Deadline.on(pendulum.date(2025, 9, 2))
    at_midnight = Deadline.on(pendulum.datetime(2025, 9, 3, tz="UTC"))
    assert by_day.cutoff == at_midnight.cutoff
    assert not by_day > at_midnight
    assert not at_midnight > by_day
    assert by_day >= at_midnight
    assert at_midnight >= by_day
    assert not by_day < at_midnight
    assert by_day <= at_midnight


def test_a_single_holiday_given_as_a_set_is_kept_as_a_tuple() -> None:
    """One holiday given in a set is kept as a tuple, as a list is: the deadline
    equals the one its rule builds."""
    # Friday 20 December 2024 + 5 business days, Christmas Day skipped: Monday 30th.
    kept = Deadline(
        due=pendulum.date(2024, 12, 30),
        anchor=pendulum.date(2024, 12, 20),
        business_days=5,
        holidays={pendulum.date(2024, 12, 25)},
    )
    assert kept.holidays == (pendulum.date(2024, 12, 25),)
    assert kept == Deadline.after_business_days(
        pendulum.date(2024, 12, 20), 5, holidays={pendulum.date(2024, 12, 25)}
    )


def test_days_anywhere_of_a_plain_date() -> None:
    """A standard-library date is its own day anywhere."""
    from negotiation_records.timeutil import days_anywhere

    assert days_anywhere(dt.date(2025, 7, 14)) == (
        pendulum.date(2025, 7, 14),
        pendulum.date(2025, 7, 14),
    )


def test_falls_due_before_a_plain_aware_datetime_compares_instants() -> None:
    """A standard-library aware datetime is compared with the deadline's cutoff as
    an instant: the 14th in New York ends at 04:00 UTC on the 15th."""
    deadline = Deadline.on(pendulum.date(2025, 7, 14), tz="America/New_York")
    later = dt.datetime(2025, 7, 15, 5, tzinfo=dt.UTC)
    earlier = dt.datetime(2025, 7, 15, 3, tzinfo=dt.UTC)
    assert deadline.falls_due_before(later) is True
    assert deadline.falls_due_before(earlier) is False


def test_falls_due_before_a_naive_datetime_is_refused_at_moment() -> None:
    """A naive datetime is refused at the argument's name, ``moment``."""
    deadline = Deadline.on(pendulum.date(2025, 7, 14))
    with pytest.raises(ValidationError) as caught:
        deadline.falls_due_before(pendulum.naive(2025, 7, 15, 5))
    assert [path for path, _ in caught.value.errors] == ["moment"]


def test_the_weekend_kept_is_that_of_the_seven_days_after_the_start() -> None:
    """The weekend kept is that of the seven days after the start (not the start's
    own): the United Arab Emirates moved theirs from Friday-Saturday to
    Saturday-Sunday on 1 January 2022, so counted from Friday 31 December 2021
    it is {5, 6}."""
    holidays = pytest.importorskip("holidays")
    uae = holidays.country_holidays("AE", years=range(2021, 2023))
    deadline = Deadline.after_business_days(
        pendulum.date(2021, 12, 31), 3, holidays=uae
    )
    assert deadline.weekend == frozenset({5, 6})
    assert deadline.due == pendulum.date(2022, 1, 5)


class _ClosedOnWednesdays(frozenset[dt.date]):
    """A set-based calendar that knows its own working days: Wednesdays are off."""

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day.weekday() != 2


def test_a_set_that_knows_its_working_days_is_asked_each_day() -> None:
    """A set that knows its own working days is asked about each day (its
    Wednesdays off count), not counted by whole weeks of its dates."""
    start = pendulum.date(2025, 1, 3)  # a Friday
    deadline = Deadline.after_business_days(start, 20, holidays=_ClosedOnWednesdays())
    # Four business days a week (Mon, Tue, Thu, Fri): the 20th is Friday 7 February.
    assert deadline.due == pendulum.date(2025, 2, 7)
    assert len(deadline.holidays) == 5  # the five Wednesdays passed


class _NoOffset(dt.tzinfo):
    """A tzinfo that knows no offset: a datetime with it is naive (PEP 495)."""

    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta | None:
        return None

    def dst(self, moment: dt.datetime | None) -> dt.timedelta | None:
        return None

    def tzname(self, moment: dt.datetime | None) -> str | None:
        return None


def test_days_anywhere_refuses_a_datetime_whose_zone_has_no_offset() -> None:
    """A datetime whose zone gives no offset is naive: a ValidationError."""
    from negotiation_records.timeutil import days_anywhere

    with pytest.raises(ValidationError):
        days_anywhere(pendulum.DateTime(2025, 7, 14, 12, tzinfo=_NoOffset()))


def test_a_holiday_on_the_anchor_day_is_refused() -> None:
    """A holiday on the anchor's own day is not one the count skipped."""
    with pytest.raises(ValidationError) as caught:
        Deadline(
            due=pendulum.date(2025, 1, 7),
            anchor=pendulum.date(2025, 1, 6),  # a Monday
            business_days=1,
            holidays=[pendulum.date(2025, 1, 6)],
        )
    assert caught.value.errors == (
        ("holidays[0]", "2025-01-06 is not a weekday inside the count"),
    )


def test_the_weekend_of_a_working_day_calendar_counted_from_a_saturday() -> None:
    """Counted from a Saturday, the seven days after it hold both weekend days."""
    deadline = Deadline.after_business_days(
        pendulum.date(2025, 1, 4), 1, holidays=_MondayToFriday()
    )
    assert deadline.weekend == frozenset({5, 6})
    assert deadline.due == pendulum.date(2025, 1, 6)


def test_the_weekend_kept_stops_seven_days_after_the_start() -> None:
    """The weekend is read from seven days after the start, no more: from Saturday
    25 December 2021 in the United Arab Emirates those hold Friday 31 December
    (old weekend) and Saturday 1 January (new weekend), not Sunday 2 January."""
    holidays = pytest.importorskip("holidays")
    uae = holidays.country_holidays("AE", years=range(2021, 2023))
    deadline = Deadline.after_business_days(
        pendulum.date(2021, 12, 25), 1, holidays=uae
    )
    assert deadline.weekend == frozenset({4, 5})
