"""The ISO text of dates and wall clocks is the standard library's, byte for byte."""

from __future__ import annotations

import datetime as dt

import pendulum
from hypothesis import example, given
from hypothesis import strategies as st

from negotiation_records import Window, to_json
from negotiation_records._iso_text import iso_date, iso_wall


@example(day=dt.date(1, 1, 1))
@example(day=dt.date(999, 12, 31))
@example(day=dt.date(1000, 1, 1))
@example(day=dt.date(9999, 12, 31))
@given(day=st.dates())
def test_a_date_is_written_as_isoformat_writes_it(day: dt.date) -> None:
    """Every date of the calendar, years of fewer than four digits included."""
    assert iso_date(day) == day.isoformat()
    as_pendulum = pendulum.Date(day.year, day.month, day.day)
    assert iso_date(as_pendulum) == day.isoformat()


@example(when=dt.datetime(1, 1, 1), fold=0)
@example(when=dt.datetime(999, 12, 31, 23, 59, 59, 999999), fold=1)
@example(when=dt.datetime(1000, 1, 1, 0, 0, 0, 1), fold=0)
@example(when=dt.datetime(9999, 12, 31, 23, 59, 59), fold=0)
@given(when=st.datetimes(), fold=st.integers(0, 1))
def test_a_wall_clock_is_written_as_isoformat_writes_it(
    when: dt.datetime, fold: int
) -> None:
    """Microseconds only when there are some, as ``isoformat()`` writes them."""
    when = when.replace(fold=fold)
    assert iso_wall(when) == when.isoformat()
    aware = pendulum.instance(when, tz="UTC")
    assert iso_wall(aware) == when.isoformat()


def test_a_record_writes_its_dates_as_isoformat() -> None:
    """A record's date fields go through the same text."""
    window = Window.between(pendulum.date(812, 7, 1), pendulum.date(2025, 7, 27))
    assert to_json(window) == '{"start":"0812-07-01","end":"2025-07-27","label":null}'
