"""
A ``pendulum.Duration`` built with parts of both signs becomes a period of
non-negative parts, netted kind by kind, as ``Period.from_duration`` says.

pendulum keeps the parts a duration was built with (its ``_signature``:
``days=2, hours=-1``) and normalises the rest of it as the ``timedelta`` it
is (``days`` 1, ``hours`` 23: 47 hours in all, ``in_seconds()`` 169,200).  A
month stays a month (``months=1, days=-1`` has ``months`` 1 and
``remaining_days`` -1, and compares equal to 29 days).
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from negotiation_records import Deadline, Period, ValidationError


NOON = pendulum.datetime(2025, 7, 14, 12, tz="Europe/Kyiv")
UTC_NOON = pendulum.datetime(2025, 7, 14, 12, tz="UTC")


class TestTheReportedCase:
    """``duration(days=2, hours=-1)`` was refused while the same timedelta was
    accepted."""

    def test_duration_and_timedelta_agree(self) -> None:
        """Both are one calendar day and 23 elapsed hours, as pendulum itself
        normalises the duration (``Duration(days=1, hours=23)``)."""
        duration = pendulum.duration(days=2, hours=-1)
        assert (duration.days, duration.hours, duration.in_seconds()) == (
            1,
            23,
            169_200,
        )
        by_duration = Deadline.after(NOON, duration)
        by_timedelta = Deadline.after(NOON, dt.timedelta(days=2, hours=-1))
        assert by_duration == by_timedelta
        assert str(by_duration.period) == "P1DT23H"
        assert by_duration.due == pendulum.datetime(2025, 7, 16, 11, tz="Europe/Kyiv")

    def test_across_a_clock_change(self) -> None:
        """A calendar day, then 23 elapsed hours: from noon on Friday 7 March
        2025 in New York, noon on Sunday (the clocks moved at 2 a.m.), not the
        11 a.m. that two wall-clock days less an hour would give: the day read
        as elapsed hours is the second one."""
        friday = pendulum.datetime(2025, 3, 7, 12, tz="America/New_York")
        due = Deadline.after(friday, pendulum.duration(days=2, hours=-1)).due
        assert due == pendulum.datetime(2025, 3, 9, 12, tz="America/New_York")
        assert (due - friday).in_hours() == 47

    def test_counted_back_and_extended(self) -> None:
        """``before`` and ``extended`` read the duration the same way."""
        duration = pendulum.duration(days=2, hours=-1)
        assert str(Deadline.before(NOON, duration).period) == "P1DT23H"
        assert str(Deadline.after(NOON, days=1).extended(duration).period) == "P1DT23H"


@pytest.mark.parametrize(
    ("parts", "period"),
    [
        ({"weeks": 1, "days": -1}, "P6D"),  # calendar days net exactly
        ({"years": 1, "months": -1}, "P11M"),  # months too (added in one step)
        ({"years": 2, "months": -1, "days": 3}, "P23M3D"),
        ({"hours": 2, "minutes": -30}, "PT1H30M"),  # elapsed time nets exactly
        ({"days": 1, "seconds": -1}, "PT23H59M59S"),
        ({"days": 1, "microseconds": -1_000_000}, "PT23H59M59S"),
        ({"days": 3, "hours": -30}, "P1DT18H"),  # the fewest days read as hours
        ({"weeks": 1, "days": 2, "hours": -1}, "P8DT23H"),
        ({"days": -1, "hours": 48}, "PT24H"),  # hours are never read as days
        ({"days": 1, "hours": 30, "minutes": -1}, "P1DT29H59M"),
        ({"months": 1, "days": -1, "hours": 48}, "P1MT24H"),
        ({"months": 2, "hours": 3, "minutes": -30}, "P2MT2H30M"),  # months as given
        ({"days": 2, "hours": -0.5}, "P1DT23H30M"),  # an exact part not whole
        ({"days": -1, "hours": 48.5}, "PT24H30M"),
    ],
)
def test_netted(parts: dict[str, float], period: str) -> None:
    """Each kind nets exactly; calendar days against elapsed time of the other
    sign are read as 24 elapsed hours each, the fewest that make it up."""
    duration = pendulum.duration(**parts)
    assert str(Period.from_duration(duration)) == period
    assert str(Deadline.after(NOON, duration).period) == period


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (
            {"days": -1, "hours": 23},
            "period: a period must not be negative, got Duration(hours=-1) "
            "(built with days=-1, hours=23)",
        ),
        (
            {"years": -1, "months": 1},
            "period: a period must not be negative, got Duration(years=-1, months=1)",
        ),
        (
            {"hours": 1.5, "minutes": -120},
            "period: a period must not be negative, got Duration(minutes=-30) "
            "(built with hours=1.5, minutes=-120)",
        ),
        (
            {"hours": -1.5},
            "period: a period must not be negative, got Duration(hours=-1, "
            "minutes=-30) (built with hours=-1.5)",
        ),
        (
            {"days": 1, "hours": -24.5},
            "period: a period must not be negative, got Duration(minutes=-30) "
            "(built with days=1, hours=-24.5)",
        ),
        (
            {"months": 1, "days": -1},
            "period: a period's months and its days or time must not have opposite "
            "signs (a month has no fixed number of days to net them by), got "
            "Duration(months=1, days=-1)",
        ),
        (
            {"months": 1, "hours": -1},
            "period: a period's months and its days or time must not have opposite "
            "signs (a month has no fixed number of days to net them by), got "
            "Duration(months=1, hours=-1)",
        ),
        (
            {"months": -1, "days": 40},
            "period: a period's months and its days or time must not have opposite "
            "signs (a month has no fixed number of days to net them by), got "
            "Duration(months=-1, weeks=5, days=5) (built with months=-1, days=40)",
        ),
    ],
)
def test_refused(parts: dict[str, float], message: str) -> None:
    """A negative total is refused, and so are months against days or time of
    the other sign: a month has no fixed number of days."""
    with pytest.raises(ValidationError) as info:
        Deadline.after(NOON, pendulum.duration(**parts))
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (pendulum.duration(days=-50), "period.days: must not be negative, got -50"),
        (
            pendulum.duration(days=-1, hours=-2),
            "2 problems:\n  period.days: must not be negative, got -1\n"
            "  period.hours: must not be negative, got -2",
        ),
        (
            dt.timedelta(days=2, hours=-49),
            "period: a period must not be negative, got -1 day, 23:00:00",
        ),
    ],
)
def test_negative_durations_refused_as_before(
    period: dt.timedelta, message: str
) -> None:
    """A duration with no positive part, and a negative timedelta, are
    refused as they were, each part at its name."""
    with pytest.raises(ValidationError) as info:
        Deadline.after(NOON, period)
    assert str(info.value) == message


_PART = st.integers(-100, 100)


@given(
    years=st.integers(-2, 2),
    months=st.integers(-24, 24),
    weeks=st.integers(-5, 5),
    days=_PART,
    hours=_PART,
    minutes=_PART,
    seconds=_PART,
)
def test_netting_keeps_the_total(
    *,
    years: int,
    months: int,
    weeks: int,
    days: int,
    hours: int,
    minutes: int,
    seconds: int,
) -> None:
    """Accepted or refused as the totals say; accepted, the period has the
    duration's months and the duration's days and time in all, never more
    calendar days than it was built with, and falls due where pendulum's own
    ``+`` puts the duration in UTC (no clock change)."""
    duration = pendulum.duration(
        years=years,
        months=months,
        weeks=weeks,
        days=days,
        hours=hours,
        minutes=minutes,
        seconds=seconds,
    )
    month_total = 12 * years + months
    calendar_days = 7 * weeks + days
    rest = calendar_days * 86_400 + 3600 * hours + 60 * minutes + seconds
    accepted = month_total >= 0 and rest >= 0 and (month_total, rest) != (0, 0)
    try:
        period = Period.from_duration(duration)
    except ValidationError:
        assert not accepted
        return
    assume(not period.is_zero)
    assert accepted
    assert 12 * period.years + period.months == month_total
    period_days = 7 * period.weeks + period.days
    elapsed = 3600 * period.hours + 60 * period.minutes + period.seconds
    assert period_days * 86_400 + elapsed == rest
    assert period_days <= max(calendar_days, 0)
    if min(years, months, weeks, days, hours, minutes, seconds) >= 0:  # as given
        assert period == Period(
            years=years,
            months=months,
            weeks=weeks,
            days=days,
            hours=hours,
            minutes=minutes,
            seconds=seconds,
        )
    assert Deadline.after(UTC_NOON, duration).due == UTC_NOON + duration
