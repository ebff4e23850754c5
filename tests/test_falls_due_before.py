"""A deadline that falls due before its record began: instants where both are placed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation_records import (
    Deadline,
    Milestone,
    PartialDate,
    Phase,
    Ultimatum,
    ValidationError,
    from_json,
    to_json,
)
from negotiation_records.timeutil import Moment


#: 00:00 UTC on 15 July 2025, morning in Tokyo, evening of the 14th in New York.
TOKYO_MORNING = pendulum.datetime(2025, 7, 15, 9, tz="Asia/Tokyo")
#: 12:00 UTC on 14 July 2025: the day 14 July is over at UTC+14.
NOON_UTC = pendulum.datetime(2025, 7, 14, 12, tz="UTC")
JULY_14 = pendulum.date(2025, 7, 14)


def ultimatum(issued: Moment, deadline: Deadline) -> Ultimatum:
    return Ultimatum(
        id="u",
        issued_by="us",
        addressed_to=["ru"],
        issued_at=issued,
        demand="Ceasefire",
        deadline=deadline,
    )


def milestone(set_on: Moment, deadline: Deadline) -> Milestone:
    return Milestone(id="m", title="Ratification", set_on=set_on, deadline=deadline)


def phase(starts: Moment, ends: Deadline) -> Phase:
    return Phase(name="pause", starts=starts, ends=ends)


class TestFallsDueBefore:
    """``Deadline.falls_due_before``: instants when placed, days otherwise."""

    def test_a_date_in_its_zone_against_a_datetime(self) -> None:
        """14 July in New York ends at 04:00 UTC on the 15th; in Kyiv at 21:00 UTC on the 14th."""
        assert not Deadline.on(JULY_14, tz="America/New_York").falls_due_before(
            TOKYO_MORNING
        )
        assert Deadline.on(JULY_14, tz="Europe/Kyiv").falls_due_before(TOKYO_MORNING)
        assert Deadline.on(JULY_14, tz="Pacific/Kiritimati").falls_due_before(NOON_UTC)
        assert not Deadline.on(JULY_14, tz="Pacific/Pago_Pago").falls_due_before(
            NOON_UTC
        )

    def test_exactly_at_the_cutoff_is_not_before(self) -> None:
        """The deadline passes at its cutoff: at that instant it did not fall due before."""
        deadline = Deadline.on(JULY_14, tz="Europe/Kyiv")
        assert not deadline.falls_due_before(deadline.cutoff)
        assert deadline.falls_due_before(deadline.cutoff.add(microseconds=1))

    def test_a_date_without_a_zone_may_be_that_day_anywhere(self) -> None:
        """No zone named: it fell due before a moment only if that day is over everywhere."""
        deadline = Deadline.on(JULY_14)
        late_in_new_york = pendulum.datetime(2025, 7, 14, 22, tz="America/New_York")
        assert not deadline.falls_due_before(late_in_new_york)  # 02:00 UTC on the 15th
        # The 15th in Tokyo, still the 14th in Honolulu and at UTC-12.
        assert not deadline.falls_due_before(TOKYO_MORNING)
        over_everywhere = pendulum.datetime(2025, 7, 15, 12, tz="UTC")
        assert deadline.falls_due_before(over_everywhere)  # midnight at UTC-12
        assert not deadline.falls_due_before(over_everywhere.subtract(microseconds=1))
        assert deadline.falls_due_before(pendulum.date(2025, 7, 15))

    def test_a_date_or_a_month_moment_is_read_by_days(self) -> None:
        """A moment of a day or a month is not placed in time: compared by days."""
        deadline = Deadline.on(JULY_14, tz="Pacific/Kiritimati")
        assert not deadline.falls_due_before(JULY_14)
        assert not deadline.falls_due_before(PartialDate(2025, 7))
        assert deadline.falls_due_before(pendulum.date(2025, 7, 15))
        assert deadline.falls_due_before(PartialDate(2025, 8))

    def test_a_datetime_deadline_is_an_instant(self) -> None:
        """A datetime deadline is compared as the instant it is."""
        due = pendulum.datetime(
            2025, 7, 15, 8, tz="Asia/Tokyo"
        )  # 23:00 UTC on the 14th
        assert Deadline.on(due).falls_due_before(TOKYO_MORNING)
        assert not Deadline.on(due).falls_due_before(due)
        assert not Deadline.on(due).falls_due_before(JULY_14)  # the same day

    def test_plain_moments_are_converted(self) -> None:
        """A plain date or aware datetime is read as ``is_past`` reads it."""
        deadline = Deadline.on(JULY_14, tz="America/New_York")
        assert not deadline.falls_due_before(dt.datetime(2025, 7, 15, tzinfo=dt.UTC))
        assert deadline.falls_due_before(dt.date(2025, 7, 15))

    def test_a_naive_datetime_is_refused(self) -> None:
        with pytest.raises(ValidationError, match=r"^moment: naive datetime"):
            Deadline.on(JULY_14).falls_due_before(dt.datetime(2025, 7, 15))

    @pytest.mark.parametrize(
        "tz",
        ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Tokyo", "America/New_York"],
    )
    def test_every_hour_around_the_due_day(self, tz: str) -> None:
        """Hour by hour from four days before to four days after, in zones 25
        hours apart, moments in other zones: the instant decides."""
        deadline = Deadline.on(JULY_14, tz=tz)
        start = pendulum.datetime(2025, 7, 10, tz="UTC")
        for hours in range(9 * 24):
            for where in ("Pacific/Kiritimati", "Etc/GMT+12", "UTC"):
                at = start.add(hours=hours).in_timezone(where)
                assert deadline.falls_due_before(at) == (deadline.cutoff < at), at

    @given(
        st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
        st.sampled_from(
            ["America/New_York", "Pacific/Kiritimati", "Asia/Tokyo", "UTC"]
        ),
        st.datetimes(
            dt.datetime(1900, 1, 2),
            dt.datetime(2100, 12, 30),
            timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-11))]),
        ),
    )
    def test_placed_dates_agree_with_is_past(
        self, day: dt.date, tz: str, moment: dt.datetime
    ) -> None:
        """A placed date deadline falls due before a datetime exactly when it had passed."""
        deadline = Deadline.on(day, tz=tz)
        at = pendulum.instance(moment)
        assert deadline.falls_due_before(at) == (
            deadline.is_past(at) and deadline.cutoff != at
        )


class TestTheRecordsCheckIt:
    """Ultimatums, milestones and phases: refused only when the deadline had passed."""

    @pytest.mark.parametrize("build", [ultimatum, milestone, phase])
    def test_a_deadline_still_to_come_in_its_zone(
        self, build: Callable[[Moment, Deadline], object]
    ) -> None:
        """Issued on a Tokyo morning, due by the end of the day before in New York."""
        build(TOKYO_MORNING, Deadline.on(JULY_14, tz="America/New_York"))

    @pytest.mark.parametrize(
        ("build", "path", "began"),
        [
            (ultimatum, "deadline", "the ultimatum was issued"),
            (milestone, "deadline", "the milestone was set"),
            (phase, "ends", "the phase starts"),
        ],
    )
    def test_a_deadline_already_past_in_its_zone(
        self, build: Callable[[Moment, Deadline], object], path: str, began: str
    ) -> None:
        """Due by the end of 14 July at UTC+14, which was over by noon UTC."""
        deadline = Deadline.on(JULY_14, tz="Pacific/Kiritimati")
        with pytest.raises(ValidationError) as caught:
            build(NOON_UTC, deadline)
        assert caught.value.errors == (
            (
                path,
                f"falls due (2025-07-14 in Pacific/Kiritimati) before {began} "
                "(2025-07-14T12:00:00Z)",
            ),
        )

    def test_read_from_a_document(self) -> None:
        """The same rule when a document is read: written in Tokyo, read back."""
        document = json.loads(
            to_json(ultimatum(NOON_UTC, Deadline.on(JULY_14, tz="America/New_York")))
        )
        document["issued_at"] = "2025-07-15T09:00:00+09:00[Asia/Tokyo]"
        loaded = from_json(Ultimatum, json.dumps(document))
        assert loaded.issued_at == TOKYO_MORNING
        document["deadline"]["tz"] = "Europe/Kyiv"
        with pytest.raises(ValidationError, match="in Europe/Kyiv"):
            from_json(Ultimatum, json.dumps(document))

    def test_a_date_deadline_without_a_zone_by_days(self) -> None:
        """Unplaced: an ultimatum issued late on its due day (in New York) stands."""
        late = pendulum.datetime(2025, 7, 14, 22, tz="America/New_York")
        assert ultimatum(late, Deadline.on(JULY_14)).deadline.due == JULY_14


class TestEveryDeadlineItHasHad:
    """A revised deadline is checked too: cut to before the start, it is refused."""

    def test_a_revision_to_before_the_issue(self) -> None:
        """Issued 14 July, due 24 July, cut on 20 July to 1 July: refused."""
        pause = ultimatum(JULY_14, Deadline.on(pendulum.date(2025, 7, 24)))
        with pytest.raises(ValidationError) as caught:
            pause.revise_deadline(
                Deadline.on(pendulum.date(2025, 7, 1)), on=pendulum.date(2025, 7, 20)
            )
        assert caught.value.errors == (
            (
                "deadline",
                "falls due (2025-07-01) before the ultimatum was issued (2025-07-14)",
            ),
        )

    def test_every_earlier_deadline_at_its_revision(self) -> None:
        """Each deadline replaced is at ``revisions[i].previous``, read from a document."""
        pause = ultimatum(JULY_14, Deadline.on(pendulum.date(2025, 7, 24)))
        for day in (20, 21):
            pause = pause.revise_deadline(
                Deadline.on(pendulum.date(2025, 7, 30)), on=pendulum.date(2025, 7, day)
            )
        document = json.loads(to_json(pause))
        document["revisions"][1]["previous"]["due"] = "2025-07-13"
        document["deadline"]["due"] = "2025-07-12"
        with pytest.raises(ValidationError) as caught:
            from_json(Ultimatum, json.dumps(document))
        assert caught.value.errors == (
            (
                "revisions[1].previous",
                "falls due (2025-07-13) before the ultimatum was issued (2025-07-14)",
            ),
            (
                "deadline",
                "falls due (2025-07-12) before the ultimatum was issued (2025-07-14)",
            ),
        )

    def test_a_milestone_revised_to_before_it_was_set(self) -> None:
        goal = milestone(JULY_14, Deadline.on(pendulum.date(2025, 12, 31)))
        with pytest.raises(ValidationError) as caught:
            goal.revise_deadline(
                Deadline.on(pendulum.date(2025, 7, 1)), on=pendulum.date(2025, 8, 1)
            )
        assert caught.value.errors == (
            (
                "deadline",
                "falls due (2025-07-01) before the milestone was set (2025-07-14)",
            ),
        )
