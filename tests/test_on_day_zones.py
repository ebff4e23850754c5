"""Deadline.on_day from a datetime counts the days of the deadline's zone."""

from __future__ import annotations

import datetime as _dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation_records import Deadline, ValidationError, from_json, to_json


# A ceasefire that took effect at 01:30 on 19 January in Jerusalem: 23:30 on
# 18 January in UTC.
START = pendulum.datetime(2025, 1, 18, 23, 30, tz="UTC")


def test_day_1_is_the_starts_day_in_the_named_zone() -> None:
    """Counted on Jerusalem's calendar, day 1 is 19 January there, not the
    18th (which had ended in Jerusalem before the count began)."""
    first = Deadline.on_day(1, counting_from=START, tz="Asia/Jerusalem")
    assert (first.due, first.tz) == (pendulum.date(2025, 1, 19), "Asia/Jerusalem")
    assert not first.is_past(START)
    assert first.remaining(START) == pendulum.duration(hours=22, minutes=30)
    sixteenth = Deadline.on_day(16, counting_from=START, tz="Asia/Jerusalem")
    assert sixteenth.due == pendulum.date(2025, 2, 3)


def test_the_anchors_own_zone_is_unchanged() -> None:
    start = pendulum.datetime(2025, 1, 19, 8, 30, tz="Asia/Jerusalem")
    deadline = Deadline.on_day(16, counting_from=start)
    assert (deadline.due, deadline.tz) == (pendulum.date(2025, 2, 3), "Asia/Jerusalem")


def test_a_fixed_offset_counts_in_utc_where_the_day_ends() -> None:
    """Without a zone name the deadline's days are UTC's, and so is day 1."""
    start = pendulum.parse("2025-01-19T01:30:00+02:00")
    assert isinstance(start, pendulum.DateTime)
    deadline = Deadline.on_day(1, counting_from=start)
    assert (deadline.due, deadline.tz) == (pendulum.date(2025, 1, 18), None)
    assert not deadline.is_past(start)
    named = Deadline.on_day(1, counting_from=start, tz="Asia/Jerusalem")
    assert named.due == pendulum.date(2025, 1, 19)


def test_read_back_and_checked_by_the_same_rule() -> None:
    deadline = Deadline.on_day(3, counting_from=START, tz="Asia/Jerusalem")
    assert from_json(Deadline, to_json(deadline)) == deadline
    # A document whose due counted the anchor's UTC day is refused.
    text = to_json(deadline).replace('"2025-01-21"', '"2025-01-20"')
    with pytest.raises(ValidationError, match="does not follow from the rule"):
        from_json(Deadline, text)


ZONES = st.sampled_from(
    [
        "UTC",
        "Asia/Jerusalem",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
        "America/St_Johns",
        "Asia/Kathmandu",
        "Europe/London",
    ]
)


@given(
    instant=st.datetimes(
        min_value=_dt.datetime(1990, 1, 1), max_value=_dt.datetime(2040, 1, 1)
    ),
    anchor_zone=ZONES,
    tz=ZONES,
    n=st.integers(1, 400),
)
def test_never_due_before_the_count_began(
    instant: _dt.datetime, anchor_zone: str, tz: str, n: int
) -> None:
    """Day *n* ends after the start, and day 1 is the start's day in *tz*."""
    start = pendulum.instance(instant, tz="UTC").in_timezone(anchor_zone)
    deadline = Deadline.on_day(n, counting_from=start, tz=tz)
    assert not deadline.is_past(start)
    local = start.in_timezone(tz).date()
    assert deadline.due == local.add(days=n - 1)
