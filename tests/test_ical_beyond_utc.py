"""
Times an iCalendar file cannot write: after 9999-12-31 or before 0001-01-01 in UTC.

A time in UTC has four digits of year.  A deadline on 9999-12-31 in New York
passes on 10000-01-01 in UTC: it used to be written silently as the last
second of 9999; it is refused now, at its path, naming the record, the
negotiation and the moment.  A timed round that only ends there is written
exactly, its end as a ``DURATION``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Alternative,
    Deadline,
    Milestone,
    Negotiation,
    Party,
    Phase,
    Round,
    Source,
    Ultimatum,
    ValidationError,
    to_ical,
)
from negotiation_records._ical_times import beyond_utc, timed_end
from negotiation_records.cli import main
from negotiation_records.serialization import to_json


NEW_YORK = "America/New_York"
LAST_DAY = pendulum.date(9999, 12, 31)
NO_UTC = (
    "an iCalendar file writes its times in UTC, in the years 0001 to 9999, "
    "and cannot write it"
)
LATE = "after the end of 9999-12-31 in UTC"
#: The end of 9999-12-31 in New York: 10000-01-01T04:59:59.999999Z.
NY_END = "9999-12-31T23:59:59.999999-05:00[America/New_York]"
PARTIES = [
    Party(id="us", name="United States", kind="state"),
    Party(id="ru", name="Russia", kind="state"),
]


def ultimatum(deadline: Deadline, id: str = "u") -> Ultimatum:  # noqa: A002
    return Ultimatum(
        id=id,
        issued_by="us",
        addressed_to=["ru"],
        issued_at=pendulum.date(2025, 7, 14),
        demand="Ceasefire",
        deadline=deadline,
    )


def talks(**records: Any) -> Negotiation:
    return Negotiation(id="t", title="Talks", parties=PARTIES, **records)


def problems(*args: Any, **options: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        to_ical(*args, **options)
    return list(info.value.errors)


def starts(text: str) -> list[str]:
    wanted = ("DTSTART", "DTEND", "DURATION", "DTSTAMP")
    return [line for line in text.split("\r\n") if line.startswith(wanted)]


def last_day_in_new_york(who: str) -> str:
    """The message for a deadline on 9999-12-31 in New York, *who* naming it."""
    return (
        f"{who} (negotiation 't'), due 9999-12-31 in {NEW_YORK}, passes at "
        f"{NY_END}, {LATE}: {NO_UTC}"
    )


class TestDeadlines:
    def test_the_last_day_in_new_york_is_refused(self) -> None:
        """The reported case: no longer written as 99991231T235959Z."""
        record = talks(ultimatums=[ultimatum(Deadline.on(LAST_DAY, tz=NEW_YORK))])
        assert problems(record) == [
            (
                "ultimatums[0].deadline",
                last_day_in_new_york("the deadline of ultimatum 'u'"),
            )
        ]

    def test_the_message_in_full(self) -> None:
        record = talks(ultimatums=[ultimatum(Deadline.on(LAST_DAY, tz=NEW_YORK))])
        with pytest.raises(ValidationError) as info:
            to_ical(record)
        assert str(info.value) == (
            "ultimatums[0].deadline: the deadline of ultimatum 'u' (negotiation "
            "'t'), due 9999-12-31 in America/New_York, passes at "
            "9999-12-31T23:59:59.999999-05:00[America/New_York], after the end of "
            "9999-12-31 in UTC: an iCalendar file writes its times in UTC, in the "
            "years 0001 to 9999, and cannot write it"
        )

    @pytest.mark.parametrize(
        ("tz", "written"),
        [("UTC", "99991231T235959Z"), ("Europe/Kyiv", "99991231T215959Z")],
    )
    def test_the_last_day_in_utc_or_east_of_it_is_written(
        self, tz: str, written: str
    ) -> None:
        """Its end (the last instant of the calendar in its zone) is in 9999 in UTC."""
        record = talks(ultimatums=[ultimatum(Deadline.on(LAST_DAY, tz=tz))])
        assert f"DTSTART:{written}" in starts(to_ical(record))

    def test_a_time_up_to_the_last_second_of_9999_in_utc(self) -> None:
        late = pendulum.datetime(9999, 12, 31, 18, 59, 59, 999999, tz=NEW_YORK)
        record = talks(ultimatums=[ultimatum(Deadline.on(late))])
        assert "DTSTART:99991231T235959Z" in starts(to_ical(record))
        later = pendulum.datetime(9999, 12, 31, 19, tz=NEW_YORK)
        record = talks(ultimatums=[ultimatum(Deadline.on(later))])
        assert problems(record) == [
            (
                "ultimatums[0].deadline",
                "the deadline of ultimatum 'u' (negotiation 't'), due "
                f"9999-12-31T19:00:00-05:00[America/New_York], {LATE}: {NO_UTC}",
            )
        ]

    def test_before_year_1_in_utc(self) -> None:
        """The other edge: 00:30 on 0001-01-01 at +01:00 is in year 0 in UTC."""
        early = pendulum.datetime(1, 1, 1, 0, 30, tz=pendulum.FixedTimezone(3600))
        milestone = Milestone(id="m", title="M", deadline=Deadline.on(early))
        assert problems(talks(milestones=[milestone])) == [
            (
                "milestones[0].deadline",
                "the deadline of milestone 'm' (negotiation 't'), due "
                "0001-01-01T00:30:00+01:00, before 0001-01-01 in UTC: " + NO_UTC,
            )
        ]
        first = pendulum.datetime(1, 1, 1, 1, tz=pendulum.FixedTimezone(3600))
        milestone = Milestone(id="m", title="M", deadline=Deadline.on(first))
        assert "DTSTART:00010101T000000Z" in starts(
            to_ical(talks(milestones=[milestone]))
        )

    def test_every_deadline_at_once_at_its_path(self) -> None:
        """A milestone's alternative, an agreement's times: all, in event order."""
        last = Deadline.on(LAST_DAY, tz=NEW_YORK)
        milestone = Milestone(
            id="m",
            title="M",
            deadline=Deadline.on(pendulum.date(2030, 1, 1)),
            alternatives=[
                Alternative(
                    condition="if", deadline=Deadline.on(pendulum.date(2030, 2, 1))
                ),
                Alternative(condition="otherwise", deadline=last),
            ],
        )
        agreement = Agreement(
            id="a",
            title="A",
            stage="ceasefire",
            in_force=Deadline.on(pendulum.datetime(9999, 12, 31, 22, tz=NEW_YORK)),
            expires=last,
            phases=[
                Phase(name="One", ends=Deadline.on(pendulum.date(2030, 1, 1))),
                Phase(name="Two", ends=last),
            ],
        )
        assert problems(talks(milestones=[milestone], agreements=[agreement])) == [
            (
                "milestones[0].alternatives[1].deadline",
                last_day_in_new_york("alternative deadline 1 of milestone 'm'"),
            ),
            (
                "agreements[0].in_force",
                "the entry into force of agreement 'a' (negotiation 't'), at "
                f"9999-12-31T22:00:00-05:00[America/New_York], {LATE}: {NO_UTC}",
            ),
            (
                "agreements[0].phases[1].ends",
                last_day_in_new_york("the end of phase 1 of agreement 'a'"),
            ),
            (
                "agreements[0].expires",
                last_day_in_new_york("the expiry of agreement 'a'"),
            ),
        ]

    def test_an_entry_into_force_on_the_last_day_is_an_all_day_event(self) -> None:
        """A day has no zone in a calendar: 9999-12-31 is written as it is."""
        agreement = Agreement(
            id="a",
            title="A",
            stage="ceasefire",
            in_force=Deadline.on(LAST_DAY, tz=NEW_YORK),
        )
        text = to_ical(talks(agreements=[agreement]))
        assert "DTSTART;VALUE=DATE:99991231" in starts(text)

    def test_with_at_a_deadline_revised_since_is_named_where_it_is_kept(self) -> None:
        """
        As of 20 July the 9999 deadline was in force; it was revised on
        1 August, so the whole record keeps it in its revisions.  The path is
        that of the whole record: the ultimatum issued later, which the
        snapshot leaves out, still counts.
        """
        revised = ultimatum(Deadline.on(LAST_DAY, tz=NEW_YORK), id="u").revise_deadline(
            Deadline.on(pendulum.date(2026, 1, 1)), on=pendulum.date(2025, 8, 1)
        )
        later = Ultimatum(
            id="later",
            issued_by="us",
            addressed_to=["ru"],
            issued_at=pendulum.date(2025, 9, 1),
            demand="Talks",
            deadline=Deadline.on(pendulum.date(2025, 9, 30)),
        )
        record = talks(ultimatums=[later, revised])
        assert "DTSTART:20260102T000000Z" in starts(to_ical(record))
        assert problems(record, at=pendulum.date(2025, 7, 20)) == [
            (
                "ultimatums[1].revisions[0].previous",
                last_day_in_new_york("the deadline of ultimatum 'u'"),
            )
        ]

    def test_a_current_deadline_after_revisions_is_the_field(self) -> None:
        """Revised to the 9999 deadline: the field itself, not a revision."""
        revised = ultimatum(Deadline.on(pendulum.date(2026, 1, 1))).revise_deadline(
            Deadline.on(LAST_DAY, tz=NEW_YORK), on=pendulum.date(2025, 8, 1)
        )
        assert problems(talks(ultimatums=[revised])) == [
            (
                "ultimatums[0].deadline",
                last_day_in_new_york("the deadline of ultimatum 'u'"),
            )
        ]


class TestRounds:
    def test_a_round_starting_after_9999_in_utc_is_refused(self) -> None:
        late = Round(
            number=2,
            status="scheduled",
            starts=pendulum.datetime(9999, 12, 31, 22, tz=NEW_YORK),
        )
        assert problems(talks(rounds=[late])) == [
            (
                "rounds[0].starts",
                "round 2 (negotiation 't'), starting at "
                f"9999-12-31T22:00:00-05:00[America/New_York], {LATE}: {NO_UTC}",
            )
        ]

    def test_a_round_ending_after_9999_in_utc_has_its_length(self) -> None:
        """No DTEND can be written: DURATION, exact to the second."""
        start = pendulum.datetime(9999, 12, 31, 12, tz="UTC")
        end = pendulum.datetime(9999, 12, 31, 22, 30, 5, 700000, tz=NEW_YORK)
        rnd = Round(number=1, status="scheduled", starts=start, ends=end)
        text = to_ical(talks(rounds=[rnd]))
        assert starts(text)[1:] == ["DTSTART:99991231T120000Z", "DURATION:PT15H30M5S"]
        event: Any
        (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
        assert event["DTSTART"].dt == _dt.datetime(9999, 12, 31, 12, tzinfo=_dt.UTC)
        assert event["DURATION"].dt == _dt.timedelta(hours=15, minutes=30, seconds=5)

    @pytest.mark.parametrize(
        ("seconds", "text"),
        [
            (1, "PT1S"),
            (60, "PT1M"),
            (3600, "PT1H"),
            (3605, "PT1H0M5S"),
            (3660, "PT1H1M"),
            (65, "PT1M5S"),
            (50 * 3600, "PT50H"),
        ],
    )
    def test_the_duration_in_exact_units(self, seconds: int, text: str) -> None:
        """Hours, minutes, seconds: from the first not zero to the last (RFC 5545)."""
        end = pendulum.datetime(9999, 12, 31, 19, tz=NEW_YORK)  # 10000-01-01T00Z
        last_second = pendulum.datetime(9999, 12, 31, 23, 59, 59, tz="UTC")
        start = last_second.subtract(seconds=seconds - 1)
        assert beyond_utc(end) is not None
        assert timed_end(start, end) == f"DURATION:{text}"
        read: Any = icalendar.vDuration.from_ical
        assert read(text) == _dt.timedelta(seconds=seconds)

    def test_an_end_in_the_year_9999_is_a_dtend_as_before(self) -> None:
        start = pendulum.datetime(9999, 12, 31, 12, tz="UTC")
        end = pendulum.datetime(9999, 12, 31, 18, tz=NEW_YORK)
        assert timed_end(start, end) == "DTEND:99991231T230000Z"
        assert timed_end(start, start.add(microseconds=10)) is None


class TestStamp:
    LATE_MOMENT = pendulum.datetime(9999, 12, 31, 22, tz=NEW_YORK)
    MESSAGE = (
        "9999-12-31T22:00:00-05:00[America/New_York], the calendar's DTSTAMP, is "
        f"{LATE}: {NO_UTC}"
    )

    def test_a_stamp_after_9999_in_utc(self) -> None:
        assert problems(Negotiation(id="e", title="E"), stamp=self.LATE_MOMENT) == [
            ("stamp", self.MESSAGE)
        ]

    def test_an_at_without_a_stamp(self) -> None:
        """*at* is the DTSTAMP when no stamp is given: checked with the arguments."""
        assert problems(
            Negotiation(id="e", title="E"), at=self.LATE_MOMENT, name="\x07"
        ) == [
            ("at", self.MESSAGE),
            (
                "name",
                "must not hold a control character (U+0007 at index 0; only tab, "
                "line feed and carriage return are allowed), got '\\x07'",
            ),
        ]

    def test_an_at_with_a_stamp_is_not_the_dtstamp(self) -> None:
        text = to_ical(
            Negotiation(id="e", title="E"),
            at=self.LATE_MOMENT,
            stamp=pendulum.date(2025, 1, 1),
        )
        assert "DTSTAMP" not in text  # no event; nothing to stamp
        record = talks(ultimatums=[ultimatum(Deadline.on(pendulum.date(2025, 9, 2)))])
        text = to_ical(record, at=self.LATE_MOMENT, stamp=pendulum.date(2025, 1, 1))
        assert "DTSTAMP:20250101T000000Z" in starts(text)

    def test_the_latest_date_of_the_sources(self) -> None:
        sources = [
            Source(id="a", publisher="A", published=pendulum.date(2025, 1, 1)),
            Source(id="b", publisher="B", accessed=self.LATE_MOMENT),
        ]
        record = talks(
            ultimatums=[ultimatum(Deadline.on(pendulum.date(2025, 9, 2)))],
            sources=sources,
        )
        assert problems(record) == [
            (
                "sources[1].accessed",
                "source 'b' (negotiation 't'), accessed "
                "9999-12-31T22:00:00-05:00[America/New_York], the latest date of the "
                "sources and so the calendar's DTSTAMP as no stamp is given, "
                f"{LATE}: {NO_UTC}",
            )
        ]
        text = to_ical(record, stamp=pendulum.date(2025, 1, 2))
        assert "DTSTAMP:20250102T000000Z" in starts(text)


class TestSeveral:
    def test_refused_when_its_negotiation_is_reached(self) -> None:
        """The paths are in the negotiation, named in the message; nothing after is read."""
        read: list[str] = []
        good = Negotiation(id="first", title="First")
        bad = talks(ultimatums=[ultimatum(Deadline.on(LAST_DAY, tz=NEW_YORK))])

        def items() -> Iterator[Negotiation]:
            for record in (good, bad, Negotiation(id="third", title="Third")):
                read.append(record.id)
                yield record

        assert problems(items()) == [
            (
                "ultimatums[0].deadline",
                last_day_in_new_york("the deadline of ultimatum 'u'"),
            )
        ]
        assert read == ["first", "t"]


class TestCommandLine:
    @pytest.fixture
    def late(self, tmp_path: Path) -> Path:
        path = tmp_path / "late.json"
        record = talks(ultimatums=[ultimatum(Deadline.on(LAST_DAY, tz=NEW_YORK))])
        path.write_text(to_json(record), encoding="utf-8")
        return path

    def test_an_export_stops_at_it(
        self, late: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """As a value no Parquet column holds: FILE: PATH: MESSAGE, nothing written."""
        other = tmp_path / "other.json"
        other.write_text(to_json(Negotiation(id="o", title="O")), encoding="utf-8")
        out = tmp_path / "late.ics"
        files = [str(other), str(late)]
        assert main(["export", *files, "--format", "ics", "-o", str(out)]) == 1
        assert not out.exists()
        captured = capsys.readouterr()
        assert captured.out == ""
        message = last_day_in_new_york("the deadline of ultimatum 'u'")
        assert captured.err.splitlines() == [
            f"{late}: ultimatums[0].deadline: {message}",
            "negotiation-records: error: export stopped at the first problem; "
            f"nothing was written to {out}",
        ]

    def test_to_standard_output(
        self, late: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["export", str(late), "--format", "ics", "-o", "-"]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.splitlines()[-1] == (
            "negotiation-records: error: export stopped at the first problem; "
            "nothing was written to standard output"
        )

    def test_an_at_after_9999_in_utc(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "e.json"
        path.write_text(to_json(Negotiation(id="e", title="E")), encoding="utf-8")
        at = "9999-12-31T22:00:00-05:00[America/New_York]"
        out = tmp_path / "out.ics"
        command = ["export", str(path), "--format", "ics", "-o", str(out), "--at", at]
        assert main(command) == 2  # a usage error, as a bad --at is
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.endswith(
            f"export: error: argument --at: {at}, the calendar's DTSTAMP, is "
            f"{LATE}: {NO_UTC}\n"
        )
        assert not out.exists()
        # The same --at is no problem for a format that writes no DTSTAMP.
        plover = tmp_path / "out.jsonl"
        command = ["export", str(path), "--format", "plover", "-o", str(plover)]
        assert main([*command, "--at", at]) == 0
