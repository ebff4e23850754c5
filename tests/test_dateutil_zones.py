"""
Datetimes in python-dateutil's zones (pandas and older code use them): a zone
of the time-zone database keeps its name, so calendar arithmetic keeps its
clock changes; a zone without one keeps its UTC offset, as before.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
from dateutil import tz  # type: ignore[import-untyped]
from dateutil.zoneinfo import get_zonefile_instance  # type: ignore[import-untyped]
from hypothesis import given
from hypothesis import strategies as st

from negotiation_records import Deadline, Statement, format_moment, from_json, to_json
from negotiation_records.timeutil import to_moment


NEW_YORK = tz.gettz("America/New_York")


def test_a_database_zone_keeps_its_name() -> None:
    noon = dt.datetime(2025, 1, 15, 12, tzinfo=NEW_YORK)
    assert (
        format_moment(to_moment(noon)) == "2025-01-15T12:00:00-05:00[America/New_York]"
    )


def test_months_move_the_wall_clock_across_a_clock_change() -> None:
    """Six months after noon in New York is noon there, not 13:00."""
    noon = dt.datetime(2025, 1, 15, 12, tzinfo=NEW_YORK)
    due = Deadline.after(noon, months=6).due
    assert format_moment(due) == "2025-07-15T12:00:00-04:00[America/New_York]"


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("America/Argentina/Buenos_Aires", "-03:00[America/Argentina/Buenos_Aires]"),
        ("Etc/GMT+5", "-05:00[Etc/GMT+5]"),
        ("Europe/London", "+00:00[Europe/London]"),
        ("UTC", "Z"),
    ],
)
def test_names_of_one_to_three_parts(name: str, written: str) -> None:
    moment = dt.datetime(2025, 1, 15, 12, tzinfo=tz.gettz(name))
    assert format_moment(to_moment(moment)) == "2025-01-15T12:00:00" + written


def test_dateutils_own_copy_of_the_database() -> None:
    kyiv = get_zonefile_instance().get("Europe/Kyiv") or get_zonefile_instance().get(
        "Europe/Kiev"
    )
    assert kyiv is not None
    summer = to_moment(dt.datetime(2025, 7, 15, 12, tzinfo=kyiv))
    assert format_moment(summer).startswith("2025-07-15T12:00:00+03:00[Europe/Ki")


@pytest.mark.parametrize(
    ("zone", "written"),
    [
        (tz.tzstr("EST5EDT"), "2025-01-15T12:00:00-05:00"),
        (tz.tzoffset(None, 3600), "2025-01-15T12:00:00+01:00"),
    ],
    ids=["posix-rule", "offset"],
)
def test_a_zone_without_a_file_keeps_its_offset(zone: dt.tzinfo, written: str) -> None:
    assert (
        format_moment(to_moment(dt.datetime(2025, 1, 15, 12, tzinfo=zone))) == written
    )


def test_a_file_of_other_rules_under_a_zones_name_keeps_its_offset(
    tmp_path: Path,
) -> None:
    """A file named like a zone but holding another zone's rules is not that zone."""
    found = [Path(p) / "Asia" / "Tokyo" for p in zoneinfo.TZPATH]
    tokyo = next((path for path in found if path.is_file()), None)
    if tokyo is None:  # dateutil reads the system's files (tzdata's are too slim)
        pytest.skip("no system time-zone database")
    impostor = tmp_path / "Europe" / "Paris"
    impostor.parent.mkdir()
    impostor.write_bytes(tokyo.read_bytes())
    moment = dt.datetime(2025, 1, 15, 12, tzinfo=tz.tzfile(str(impostor)))
    assert format_moment(to_moment(moment)) == "2025-01-15T12:00:00+09:00"


def test_a_record_stores_and_reads_back_the_named_zone() -> None:
    said = Statement(
        id="s",
        speaker="Spokesperson",
        party="united-states",
        said_on=dt.datetime(2025, 7, 14, 12, tzinfo=NEW_YORK),
        text="Fifty days.",
    )
    text = to_json(said)
    assert "[America/New_York]" in text
    assert from_json(Statement, text) == said


@given(
    moment=st.datetimes(
        min_value=dt.datetime(1902, 1, 1), max_value=dt.datetime(2036, 12, 31)
    ),
    name=st.sampled_from(
        ["America/New_York", "Europe/Dublin", "Australia/Lord_Howe", "Pacific/Apia"]
    ),
)
def test_the_instant_is_kept(moment: dt.datetime, name: str) -> None:
    """The named zone is the same instant as dateutil's reading of the wall time.

    (dateutil reads the 32-bit part of the zone's file: before December 1901
    it has the zone's local mean time, and from 2038 it repeats the last
    transition instead of the rule, so its offsets differ from the
    database's and it keeps them: the next test.)
    """
    given_moment = moment.replace(tzinfo=tz.gettz(name))
    read = to_moment(given_moment)
    assert isinstance(read, dt.datetime)
    # Compared as instants in UTC: an aware datetime in a repeated hour is
    # equal to no datetime of another zone (PEP 495).
    assert read.astimezone(dt.UTC) == given_moment.astimezone(dt.UTC)
    assert format_moment(read).endswith(f"[{name}]")


@pytest.mark.parametrize(
    ("wall", "name", "written"),
    [
        # Skipped by the clock change (27 April 1941, 9 March 2025 in New
        # York): dateutil reads the wall time at the summer offset, an instant
        # the zone names by its winter time (found by a random seed).
        (
            dt.datetime(1941, 4, 27, 2, 0),
            "America/New_York",
            "1941-04-27T01:00:00-05:00[America/New_York]",
        ),
        (
            dt.datetime(2025, 3, 9, 2, 30),
            "America/New_York",
            "2025-03-09T01:30:00-05:00[America/New_York]",
        ),
        # Repeated (2 November 2025): the first of the two, as fold=0 says.
        (
            dt.datetime(2025, 11, 2, 1, 30),
            "America/New_York",
            "2025-11-02T01:30:00-04:00[America/New_York]",
        ),
        # The day Samoa skipped (30 December 2011): dateutil's offset then.
        (
            dt.datetime(2011, 12, 30, 12),
            "Pacific/Apia",
            "2011-12-31T12:00:00+14:00[Pacific/Apia]",
        ),
    ],
    ids=["1941-gap", "2025-gap", "2025-repeated", "apia-skipped-day"],
)
def test_a_wall_time_at_a_clock_change_keeps_the_zone(
    wall: dt.datetime, name: str, written: str
) -> None:
    """A wall time the zone skipped or repeated is the zone's, at its instant."""
    given_moment = wall.replace(tzinfo=tz.gettz(name))
    read = to_moment(given_moment)
    assert isinstance(read, dt.datetime)
    assert format_moment(read) == written
    assert read.astimezone(dt.UTC) == given_moment.astimezone(dt.UTC)


def test_where_dateutil_reads_the_zone_otherwise_its_offset_is_kept() -> None:
    """dateutil reads no daylight-saving time in New York after 2037: the
    zone is not the database's there, so the instant keeps dateutil's offset."""
    summer = dt.datetime(2040, 7, 1, 12, tzinfo=NEW_YORK)
    assert format_moment(to_moment(summer)) == "2040-07-01T12:00:00-05:00"
