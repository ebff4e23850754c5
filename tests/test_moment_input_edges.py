"""
Edges of reading Python values as moments (``timeutil.to_moment`` to
``zone_name``) that the broader tests leave loose: pendulum values returned as
they are, zones whose names depend on the machine, ``posix/`` copies of
abbreviations, and text given where a date is expected.

Each test names the mutant of ``negotiation_records/timeutil.py`` it was
written to kill (mutation review of lines 616-822).
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import zoneinfo

import pendulum
import pytest

from negotiation_records import (
    PartialDate,
    Statement,
    ValidationError,
    format_moment,
    from_json,
    to_json,
)
from negotiation_records.timeutil import check_date, check_moment, to_date, to_moment
from negotiation_records.windows import Window


NY = "America/New_York"


def _pendulum_zone_from_file(name: str, key: str | None) -> pendulum.Timezone:
    """pendulum's zone read from tzdata's file of *name*, under the name *key*."""
    path = importlib.resources.files("tzdata").joinpath("zoneinfo", *name.split("/"))
    with path.open("rb") as file:
        return pendulum.Timezone.from_file(file, key=key)


def _zoneinfo_from_file(name: str, key: str | None) -> zoneinfo.ZoneInfo:
    """The standard library's zone read from tzdata's file of *name*, as *key*."""
    path = importlib.resources.files("tzdata").joinpath("zoneinfo", *name.split("/"))
    with path.open("rb") as file:
        return zoneinfo.ZoneInfo.from_file(file, key=key)


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
        return "LMT"


class TestPendulumValuesAreKept:
    @pytest.mark.parametrize(
        "seconds",
        [16200, -34200, 0, 50400],  # Kabul, the Marquesas, +00:00, Kiribati
    )
    def test_a_datetime_at_a_fixed_offset_is_returned_as_it_is(
        self, seconds: int
    ) -> None:
        """Kills 661 ``return value`` deleted (a copy through
        ``pendulum.instance`` instead of the value itself)."""
        value = pendulum.DateTime(
            2025, 7, 1, 12, tzinfo=pendulum.FixedTimezone(seconds)
        )
        assert to_moment(value) is value

    @pytest.mark.parametrize(
        ("name", "parts", "fold"),
        [
            ("Europe/Kyiv", (2025, 7, 1, 12, 0), 0),
            ("Asia/Kabul", (2025, 7, 1, 12, 0), 0),
            (NY, (2025, 11, 2, 1, 30), 1),  # the second 01:30 of the night
            ("Australia/Lord_Howe", (2025, 4, 6, 1, 45), 1),  # a half-hour fall-back
            ("Asia/Kolkata", (1, 1, 1, 0, 0), 0),  # its UTC instant is off the calendar
        ],
    )
    def test_a_zone_read_from_a_file_under_its_own_name_is_kept(
        self, name: str, parts: tuple[int, int, int, int, int], fold: int
    ) -> None:
        """
        A pendulum zone read from a file, named as the database names it, is
        kept, whichever object it is, and so is the datetime in it (fold and
        all).  Kills 657 ``and`` -> ``or`` and 657 ``and`` reduced to
        ``found_zone(tz.key) is not tz`` (both build a copy in the cached zone
        and drop a fold of 1).
        """
        tz = _pendulum_zone_from_file(name, name)
        value = pendulum.DateTime(*parts, tzinfo=tz, fold=fold)
        converted = to_moment(value)
        assert converted is value
        assert converted.tzinfo is tz
        assert converted.fold == fold


class TestStandardDatetimesInPendulumZones:
    @pytest.mark.parametrize(
        ("name", "wall", "fold", "text"),
        [
            (NY, (2025, 3, 9, 2, 30), 0, "2025-03-09T03:30:00-04:00[America/New_York]"),
            (NY, (2025, 3, 9, 2, 30), 1, "2025-03-09T01:30:00-05:00[America/New_York]"),
            (
                "Australia/Lord_Howe",
                (2025, 10, 5, 2, 15),
                0,
                "2025-10-05T02:45:00+11:00[Australia/Lord_Howe]",
            ),
            (
                "Europe/London",
                (2025, 3, 30, 1, 30),
                0,
                "2025-03-30T02:30:00+01:00[Europe/London]",
            ),
            (
                "Australia/Lord_Howe",
                (2025, 4, 6, 1, 45),
                1,
                "2025-04-06T01:45:00+10:30[Australia/Lord_Howe]",
            ),
        ],
    )
    def test_a_skipped_wall_time_in_pendulums_zone_becomes_the_real_time(
        self, name: str, wall: tuple[int, int, int, int, int], fold: int, text: str
    ) -> None:
        """
        A standard-library datetime carrying pendulum's own zone object, at a
        wall time the clocks skipped, is read as PEP 495 reads it: the real
        time at that instant, never the skipped wall time.  Kills a hand-made
        mutant of ``_in_named_zone``: ``value.astimezone(tz)`` for
        ``value.astimezone(_dt.UTC).astimezone(tz)`` (the same tzinfo object:
        ``astimezone`` returns the skipped time unchanged).
        """
        value = dt.datetime(*wall, fold=fold, tzinfo=pendulum.timezone(name))
        converted = to_moment(value)
        assert type(converted) is pendulum.DateTime
        assert format_moment(converted) == text
        assert converted.timestamp() == value.timestamp()  # the instant PEP 495 gives
        statement = Statement(id="s", speaker="A", text="x", said_on=value)
        assert f'"said_on":"{text}"' in to_json(statement)
        assert from_json(Statement, to_json(statement)) == statement


class TestZonesARecordCannotName:
    def test_a_zoneinfo_zone_that_depends_on_the_machine_becomes_an_offset(
        self,
    ) -> None:
        """
        ``ZoneInfo("Factory")`` is a zone of the database whose name
        :func:`zone` refuses: its offset is kept, not its name, and the record
        reads back what it writes.  Kills 669 ``return _in_named_zone(...)``
        deleted (pendulum would keep ``Timezone('Factory')``).
        """
        value = dt.datetime(2025, 7, 1, 12, tzinfo=zoneinfo.ZoneInfo("Factory"))
        converted = to_moment(value)
        assert isinstance(converted, pendulum.DateTime)
        assert isinstance(converted.tzinfo, pendulum.FixedTimezone)
        assert format_moment(converted) == "2025-07-01T12:00:00+00:00"
        statement = Statement(id="s", speaker="A", text="x", said_on=value)
        assert '"said_on":"2025-07-01T12:00:00+00:00"' in to_json(statement)
        assert from_json(Statement, to_json(statement)) == statement

    def test_a_posix_copy_of_an_abbreviation_keeps_its_offset(self) -> None:
        """
        ``posix/EST`` is not read as the zone ``EST`` (an abbreviation, which a
        record refuses by name): like any zone the library does not name, it
        becomes its offset at that instant.  Kills 722 ``and`` without
        ``_readable(name[6:])`` (``EST`` kept, then refused as an abbreviation).
        """
        value = dt.datetime(
            2025, 7, 1, 12, tzinfo=_zoneinfo_from_file("EST", "posix/EST")
        )
        converted = to_moment(value)
        assert isinstance(converted, pendulum.DateTime)
        assert isinstance(converted.tzinfo, pendulum.FixedTimezone)
        assert format_moment(converted) == "2025-07-01T12:00:00-05:00"
        assert check_moment(converted) == []

    @pytest.mark.parametrize(
        ("name", "offset", "text"),
        [
            ("Not/AZone", dt.timedelta(hours=2), "2025-07-01T12:00:00+02:00"),
            (
                "Mars/Olympus",
                dt.timedelta(hours=-3, minutes=-30),
                "2025-07-01T12:00:00-03:30",
            ),
        ],
    )
    def test_a_pytz_zone_of_an_unknown_name_becomes_its_offset(
        self, name: str, offset: dt.timedelta, text: str
    ) -> None:
        """
        A pytz zone is read by its name; one pendulum cannot find becomes its
        UTC offset, and a record holds pendulum's datetime.  Kills a hand-made
        mutant of ``to_moment``: the value returned unchanged when
        ``pendulum.DateTime.instance`` fails.
        """
        value = dt.datetime(2025, 7, 1, 12, tzinfo=_PytzLike(name, offset))
        converted = to_moment(value)
        assert type(converted) is pendulum.DateTime
        assert isinstance(converted.tzinfo, pendulum.FixedTimezone)
        assert format_moment(converted) == text
        statement = Statement(id="s", speaker="A", text="x", said_on=value)
        assert type(statement.said_on) is pendulum.DateTime
        assert from_json(Statement, to_json(statement)) == statement

    @pytest.mark.parametrize("name", ["Factory", "posix/Europe/Paris"])
    def test_a_pytz_zone_named_after_the_machine_is_not_kept_by_name(
        self, name: str
    ) -> None:
        """
        A pytz zone is read by its name; one whose name :func:`zone` refuses
        (``Factory``, ``posix/...``) becomes its offset, or the zone after
        ``posix/``, as a zoneinfo zone of that name does: the record reads
        back what it wrote (it was kept as ``Timezone(name)`` and written as
        ``...[Factory]``, which the loader refuses).
        """
        try:
            zoneinfo.ZoneInfo(name)
        except zoneinfo.ZoneInfoNotFoundError:
            pytest.skip(f"no zone {name} on this machine")
        offset = dt.timedelta(hours=2 if name.startswith("posix/") else 0)
        value = dt.datetime(2025, 7, 1, 12, tzinfo=_PytzLike(name, offset))
        statement = Statement(id="s", speaker="A", text="x", said_on=value)
        assert from_json(Statement, to_json(statement)) == statement

    @pytest.mark.xfail(
        strict=True,
        reason="BUG: a pendulum zone's name is trusted over the rules it carries",
    )
    def test_a_pendulum_zone_under_another_zones_name_keeps_its_instant(
        self,
    ) -> None:
        """
        A pendulum zone with Paris's rules under the key ``Europe/Kyiv`` is
        kept as it is: the record writes ``12:00:00+02:00[Europe/Kyiv]``,
        which the loader refuses (Kyiv is at +03:00 then).  The same zone from
        zoneinfo keeps the instant (13:00 in Kyiv).  Mutants 657 ``and`` ->
        ``or`` and 657 reduced to ``found_zone(tz.key) is not tz`` make this
        pass.
        """
        tz = _pendulum_zone_from_file("Europe/Paris", "Europe/Kyiv")
        value = pendulum.DateTime(2025, 7, 1, 12, tzinfo=tz)
        statement = Statement(id="s", speaker="A", text="x", said_on=value)
        assert from_json(Statement, to_json(statement)) == statement


class TestAbbreviations:
    @pytest.mark.parametrize(
        ("name", "seconds", "instead"),
        [
            ("EST", -18000, "'America/New_York' or 'America/Toronto'"),
            ("MST7MDT", -25200, "'America/Denver'"),
        ],
    )
    def test_a_fixed_offset_named_as_an_abbreviation_is_refused(
        self, name: str, seconds: int, instead: str
    ) -> None:
        """
        pendulum's fixed offset named ``EST`` is refused by its name, as the
        zone ``EST`` is.  Kills 775 ``or`` reduced to ``getattr(tzinfo, "key",
        None)`` (a fixed offset has a name but no key).
        """
        tz = pendulum.FixedTimezone(seconds, name=name)
        value = pendulum.DateTime(2025, 7, 1, 12, tzinfo=tz)
        message = (
            f"time zone {name!r} is an abbreviation, not a place; name the IANA "
            f"zone instead, such as {instead}"
        )
        assert check_moment(to_moment(value)) == [("", message)]
        with pytest.raises(ValidationError) as info:
            Statement(id="s", speaker="A", text="x", said_on=value)
        assert info.value.errors == (("said_on", message),)

    @pytest.mark.parametrize("name", ["CET", "cet", "Cet"])
    def test_an_abbreviation_is_refused_in_any_case(self, name: str) -> None:
        """
        :func:`check_moment` (and so ``Window.next_week``, which reads its
        argument through it) refuses an abbreviation however it is written.
        Kills a hand-made mutant of ``check_moment``: ``name in
        ABBREVIATED_ZONES`` for ``name.upper() in ABBREVIATED_ZONES``.
        """
        value = pendulum.DateTime(
            2025, 7, 1, 12, tzinfo=pendulum.FixedTimezone(3600, name=name)
        )
        message = (
            f"time zone {name!r} is an abbreviation, not a place; name the IANA "
            "zone instead, such as 'Europe/Paris', 'Europe/Berlin' or "
            "'Europe/Brussels'"
        )
        assert check_moment(to_moment(value)) == [("", message)]
        with pytest.raises(ValidationError) as info:
            Window.next_week(of=value)
        assert info.value.errors == (("of", message),)

    def test_a_fixed_offset_named_in_lower_case_is_refused_by_a_record_too(
        self,
    ) -> None:
        """
        :func:`check_moment` refuses ``cet`` (it compares in upper case), and
        so does a record's compiled check (``MomentKind.check_code``), which
        compared the name as it is and accepted the value.
        """
        value = pendulum.DateTime(
            2025, 7, 1, 12, tzinfo=pendulum.FixedTimezone(3600, name="cet")
        )
        assert check_moment(value) != []
        with pytest.raises(ValidationError):
            Statement(id="s", speaker="A", text="x", said_on=value)

    @pytest.mark.parametrize(("name", "key"), [("EST", "est"), ("CET", "Cet")])
    def test_a_zone_keyed_by_an_abbreviation_in_another_case_is_a_validation_error(
        self, name: str, key: str
    ) -> None:
        """
        A zone keyed by an abbreviation in any case (``est``, which the
        database does not have on a case-sensitive file system) is refused
        by a ValidationError naming the abbreviation (pendulum's
        ``InvalidTimezone`` escaped the record's constructor).
        """
        try:
            pendulum.timezone(key)
        except pendulum.tz.exceptions.InvalidTimezone:
            pass
        else:
            pytest.skip("this file system finds zone names in any case")
        value = dt.datetime(2025, 7, 1, 12, tzinfo=_zoneinfo_from_file(name, key))
        with pytest.raises(ValidationError) as info:
            Statement(id="s", speaker="A", text="x", said_on=value)
        assert f"time zone {name!r} is an abbreviation" in str(info.value)


class TestNamelessZonesBecomeTheirOffset:
    @pytest.mark.parametrize("pendulums", [False, True])
    @pytest.mark.parametrize(
        ("name", "parts", "text"),
        [
            (NY, (2025, 7, 1, 12), "2025-07-01T12:00:00-04:00"),
            (NY, (1800, 1, 1, 12), "1800-01-01T12:00:00-04:56:02"),  # local mean time
            ("Pacific/Marquesas", (2025, 7, 1, 12), "2025-07-01T12:00:00-09:30"),
            ("Europe/London", (999, 1, 2, 12), "0999-01-02T12:00:00-00:01:15"),
            ("Australia/Lord_Howe", (2025, 7, 1, 12), "2025-07-01T12:00:00+10:30"),
            ("Asia/Kabul", (2025, 7, 1, 12), "2025-07-01T12:00:00+04:30"),
        ],
    )
    def test_a_zone_without_a_name_keeps_its_exact_offset(
        self,
        name: str,
        parts: tuple[int, int, int, int],
        text: str,
        pendulums: bool,
    ) -> None:
        """
        A zone read from a file without a key is replaced by its UTC offset
        at that instant, to the second, west of UTC as well as east: the wall
        clock and the instant stay.  Kills a hand-made mutant of
        ``_at_fixed_offset``: ``offset.seconds`` for
        ``int(offset.total_seconds())`` (a day too far east for a negative
        offset).
        """
        value: dt.datetime
        if pendulums:
            value = pendulum.DateTime(
                *parts, tzinfo=_pendulum_zone_from_file(name, None)
            )
        else:
            value = dt.datetime(*parts, tzinfo=_zoneinfo_from_file(name, None))
        converted = to_moment(value)
        assert isinstance(converted, pendulum.DateTime)
        assert isinstance(converted.tzinfo, pendulum.FixedTimezone)
        assert format_moment(converted) == text
        assert converted.utcoffset() == value.utcoffset()
        assert converted == value


class TestDatesOnly:
    @pytest.mark.parametrize("parts", [(1, 1, 1), (999, 1, 2), (2024, 2, 29)])
    def test_a_date_of_a_subclass_becomes_pendulums_date(
        self, parts: tuple[int, int, int]
    ) -> None:
        """
        A subclass of ``datetime.date`` or of ``pendulum.Date`` is read as
        the plain ``pendulum.Date`` of that day, before the year 1000 too.
        Kills hand-made mutants of ``to_moment`` and ``to_date``:
        ``isinstance(value, pendulum.Date)`` for ``type(value) is
        pendulum.Date`` (the subclass kept).
        """

        class Day(dt.date):
            pass

        class PendulumDay(pendulum.Date):
            pass

        for value in (Day(*parts), PendulumDay(*parts)):
            for read in (to_moment(value), to_date(value)):
                assert type(read) is pendulum.Date
                assert read == pendulum.Date(*parts)
            statement = Statement(id="s", speaker="A", text="x", said_on=value)
            assert type(statement.said_on) is pendulum.Date
            text = to_json(statement)
            assert f'"said_on":"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}"' in text
            assert from_json(Statement, text) == statement

    @pytest.mark.parametrize(
        ("value", "got"),
        [
            ("2025-08-01", "str '2025-08-01'"),
            (PartialDate(2025, 8), "PartialDate PartialDate(year=2025, month=8)"),
            (PartialDate(2025), "PartialDate PartialDate(year=2025, month=None)"),
            (None, "None"),
            (20250801, "int 20250801"),
        ],
    )
    def test_what_is_not_a_date_is_passed_to_the_check(
        self, value: object, got: str
    ) -> None:
        """
        ``to_date`` passes a value that is not a date through for
        :func:`check_date` to report: never a raw ``AttributeError``.  Kills
        749 ``and`` reduced to ``not isinstance(value, _dt.datetime)``.
        """
        assert to_date(value) is value  # type: ignore[arg-type]
        assert check_date(value) == [("", f"must be a date, got {got}")]
        with pytest.raises(ValidationError) as info:
            Window.between(value, pendulum.date(2025, 8, 8))
        assert info.value.errors == (("start", f"must be a date, got {got}"),)
