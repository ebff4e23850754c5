"""
A deadline's due moment told to follow from its anchor and period at once
(``lands_on``) only when working it out (``resolve_after``) gives the same
instant in the same zone; the deadline's check then asks no more.
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation_records import Deadline, Period, ValidationError
from negotiation_records._deadline_arithmetic import at_elapsed, lands_on, resolve_after
from negotiation_records.timeutil import moment_eq_key, zone


_ZONES = ["UTC", "America/New_York", "Europe/Istanbul", "Australia/Lord_Howe"]
_DAYS = st.dates(min_value=dt.date(1, 1, 8), max_value=dt.date(9999, 12, 20)).map(
    lambda day: pendulum.Date(day.year, day.month, day.day)
)
_INSTANTS = st.builds(
    at_elapsed,
    st.integers(-(10**9), 2 * 10**9).map(lambda s: dt.timedelta(seconds=s)),
    st.sampled_from(_ZONES).map(zone),
)


def _follows(anchor: object, period: Period, before: bool, due: object) -> bool:
    try:
        expected = resolve_after(anchor, period, before)  # type: ignore[arg-type]
    except ValidationError:
        return False
    return moment_eq_key(expected) == moment_eq_key(due)


@given(
    anchor=_DAYS,
    weeks=st.integers(0, 3),
    days=st.integers(0, 60),
    before=st.booleans(),
    off=st.sampled_from([0, 0, 1, -1, 7]),
)
def test_days_after_a_date(
    anchor: pendulum.Date, weeks: int, days: int, before: bool, off: int
) -> None:
    """A date moved by weeks and days: told exactly when it follows."""
    period = Period(weeks=weeks, days=days)
    expected = resolve_after(anchor, period, before)
    assert isinstance(expected, pendulum.Date)
    due = expected.add(days=off) if off else expected
    assert lands_on(anchor, period, before, due) is _follows(
        anchor, period, before, due
    )


@given(
    anchor=_INSTANTS,
    hours=st.integers(0, 100),
    seconds=st.integers(0, 3599),
    before=st.booleans(),
    off=st.sampled_from([0, 0, 1, -3600]),
)
def test_hours_after_a_datetime(
    anchor: pendulum.DateTime, hours: int, seconds: int, before: bool, off: int
) -> None:
    """A datetime moved by elapsed time in its zone: told exactly when it follows."""
    period = Period(hours=hours, seconds=seconds)
    expected = resolve_after(anchor, period, before)
    assert isinstance(expected, pendulum.DateTime)
    due = at_elapsed(
        expected
        - pendulum.DateTime(1970, 1, 1, tzinfo=pendulum.UTC)
        + dt.timedelta(seconds=off),
        expected.tzinfo,  # type: ignore[arg-type]
    )
    assert lands_on(anchor, period, before, due) is _follows(
        anchor, period, before, due
    )


@pytest.mark.parametrize(
    ("anchor", "period", "due"),
    [
        (pendulum.date(2025, 1, 31), Period(months=1), pendulum.date(2025, 2, 28)),
        (pendulum.date(2025, 7, 14), Period(days=50), pendulum.datetime(2025, 9, 2)),
        (
            pendulum.datetime(2025, 7, 29, 17, tz="America/New_York"),
            Period(days=2),
            pendulum.datetime(2025, 7, 31, 17, tz="America/New_York"),
        ),
        (
            pendulum.datetime(2025, 7, 29, 17, tz="America/New_York"),
            Period(hours=48),
            pendulum.datetime(2025, 7, 31, 21, tz="UTC"),
        ),
    ],
)
def test_other_rules_are_worked_out(
    anchor: object, period: Period, due: object
) -> None:
    """Months, a datetime due for a date, days on a datetime, another zone: not told."""
    assert lands_on(anchor, period, before=False, due=due) is False  # type: ignore[arg-type]


def test_a_deadline_off_its_rule_is_still_refused() -> None:
    """The check words a due moment that does not follow as before."""
    with pytest.raises(ValidationError) as caught:
        Deadline(
            due=pendulum.date(2025, 9, 3),
            anchor=pendulum.date(2025, 7, 14),
            period=Period(days=50),
        )
    assert list(caught.value.errors) == [
        (
            "due",
            "2025-09-03 does not follow from the rule (2025-07-14 + P50D = 2025-09-02)",
        )
    ]
