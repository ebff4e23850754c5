"""
The iCalendar export: ``STATUS:CANCELLED`` by the rule of the deadline
queries, and an agreement's entry into force on its day.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import icalendar
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Agreement,
    Alternative,
    Deadline,
    Milestone,
    Negotiation,
    Party,
    Phase,
    StatusChange,
    Ultimatum,
    to_ical,
)
from negotiation_records.ical import ICAL_ZONE_PROPERTY
from negotiation_records.timeline import EventKind
from negotiation_records.timeutil import Moment


UTC = _dt.UTC
JERUSALEM = "Asia/Jerusalem"
PARTIES = [
    Party(id="kyiv", name="Ukraine", kind="state"),
    Party(id="moscow", name="Russia", kind="state"),
]
DAY = pendulum.date(2025, 1, 1)


def talks(**records: Any) -> Negotiation:
    return Negotiation(id="t", title="Talks", parties=PARTIES, **records)


def events(text: str) -> list[Any]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def statuses(record: Negotiation, at: Any = None) -> dict[str, str | None]:
    """Each event's STATUS (None when it has none), by its SUMMARY."""
    return {
        str(e["SUMMARY"]): str(e["STATUS"]) if "STATUS" in e else None
        for e in events(to_ical(record, at=at))
    }


def gaza(terminated: Moment | None = None) -> Agreement:
    """The Gaza ceasefire of 2025 (terminated on 18 March 2025 by default)."""
    start = pendulum.datetime(2025, 1, 19, 11, 15, tz=JERUSALEM)
    agreement = Agreement(
        id="gaza-ceasefire-2025",
        title="Gaza ceasefire",
        stage="ceasefire",
        history=[
            StatusChange(status="signed", on=pendulum.date(2025, 1, 15)),
            StatusChange(status="in-force", on=start),
        ],
        in_force=Deadline.on(start),
        phases=[
            Phase(
                name="Phase one",
                starts=start,
                ends=Deadline.on_day(42, counting_from=start),
            ),
            Phase(
                name="Phase two",
                ends=Deadline.on_day(84, counting_from=start),
            ),
        ],
    )
    if terminated is None:
        terminated = pendulum.datetime(2025, 3, 18, 2, tz=JERUSALEM)
    return agreement.with_status("terminated", on=terminated)


IN_FORCE = "Agreement enters into force: Gaza ceasefire"
PHASE_ONE = "Agreement phase ends: Gaza ceasefire — Phase one"
PHASE_TWO = "Agreement phase ends: Gaza ceasefire — Phase two"


class TestAgreementClosedLater:
    def test_gaza(self) -> None:
        """
        Terminated on 18 March 2025: its entry into force (19 January) and
        the end of phase one (1 March) had passed, and keep no STATUS; phase
        two (to end 12 April) is CANCELLED.
        """
        assert statuses(talks(agreements=[gaza()])) == {
            IN_FORCE: None,
            PHASE_ONE: None,
            PHASE_TWO: "CANCELLED",
        }

    def test_as_it_stood(self) -> None:
        """With ``at``, the termination counts once known."""
        record = talks(agreements=[gaza()])
        assert set(statuses(record, at=pendulum.date(2025, 3, 10)).values()) == {None}
        assert statuses(record, at=pendulum.date(2025, 3, 19)) == statuses(record)

    def test_superseded_after_entry_into_force(self) -> None:
        """The Joint Plan of Action, in force in 2014, superseded in 2016."""
        jpoa = Agreement(
            id="jpoa",
            title="Joint Plan of Action",
            stage="partial",
            history=[StatusChange(status="signed", on=pendulum.date(2013, 11, 24))],
            in_force=Deadline.on(pendulum.date(2014, 1, 20)),
            expires=Deadline.on(pendulum.date(2016, 6, 30)),
        ).with_status("superseded", on=pendulum.date(2016, 1, 16))
        assert statuses(talks(agreements=[jpoa])) == {
            "Agreement enters into force: Joint Plan of Action": None,
            "Agreement expires: Joint Plan of Action": "CANCELLED",
        }

    @pytest.mark.parametrize(
        "terminated",
        [
            pendulum.datetime(2025, 1, 17, tz=JERUSALEM),  # before it came into force
            pendulum.date(2025, 1, 19),  # on its day, by date
        ],
    )
    def test_closed_before_or_on_the_day(self, terminated: Moment) -> None:
        """Terminated before an event's moment passed (or on its day): CANCELLED."""
        signed = Agreement(
            id="gaza-ceasefire-2025",
            title="Gaza ceasefire",
            stage="ceasefire",
            history=[StatusChange(status="signed", on=pendulum.date(2025, 1, 15))],
            in_force=Deadline.on(pendulum.date(2025, 1, 19)),
            phases=[
                Phase(
                    name="Phase one",
                    ends=Deadline.on_day(42, counting_from=pendulum.date(2025, 1, 19)),
                )
            ],
        ).with_status("terminated", on=terminated)
        assert set(statuses(talks(agreements=[signed])).values()) == {"CANCELLED"}

    def test_closed_at_an_unrecorded_time(self) -> None:
        """An undated termination cancels every event, as for the queries."""
        agreement = Agreement(
            id="a",
            title="A",
            stage="ceasefire",
            history=[
                StatusChange(status="signed", on=DAY),
                StatusChange(status="terminated"),
            ],
            in_force=Deadline.on(DAY.add(days=1)),
            expires=Deadline.on(DAY.add(days=30)),
        )
        assert set(statuses(talks(agreements=[agreement])).values()) == {"CANCELLED"}


class TestUltimatumWithdrawnLate:
    def ultimatum(self) -> Ultimatum:
        return Ultimatum(
            id="u",
            issued_by="moscow",
            addressed_to=["kyiv"],
            issued_at=DAY,
            demand="Leave",
            deadline=Deadline.after(DAY, days=10),
        )

    @pytest.mark.parametrize(
        ("offset", "expected"),
        [(5, "CANCELLED"), (10, "CANCELLED"), (11, None), (30, None)],
    )
    def test_withdrawn(self, offset: int, expected: str | None) -> None:
        """
        Withdrawn before its deadline passed (or on its day), CANCELLED;
        withdrawn after it passed, the deadline did run out: no STATUS, as
        :meth:`Negotiation.expired_deadlines` still lists it.
        """
        withdrawn = self.ultimatum().withdraw(on=DAY.add(days=offset))
        record = talks(ultimatums=[withdrawn])
        (status,) = statuses(record).values()
        assert status == expected
        listed = bool(record.expired_deadlines(at=DAY.add(days=40)))
        assert listed == (expected is None)

    def test_expired_then_withdrawn(self) -> None:
        """Marked expired, then withdrawn: the deadline had passed, no STATUS."""
        later = self.ultimatum().expire().withdraw(on=DAY.add(days=20))
        assert set(statuses(talks(ultimatums=[later])).values()) == {None}


class TestMilestoneClosedLater:
    def milestone(self) -> Milestone:
        return Milestone(
            id="m",
            title="M",
            set_on=DAY,
            deadline=Deadline.on(DAY.add(days=10)),
            alternatives=[
                Alternative(
                    condition="undecided", deadline=Deadline.on(DAY.add(days=5))
                ),
                Alternative(
                    condition="applied",
                    deadline=Deadline.on(DAY.add(days=6)),
                    applied=True,
                ),
                Alternative(
                    condition="not applied",
                    deadline=Deadline.on(DAY.add(days=7)),
                    applied=False,
                ),
                Alternative(condition="later", deadline=Deadline.on(DAY.add(days=30))),
            ],
        )

    @pytest.mark.parametrize("status", ["cancelled", "superseded"])
    def test_closed_after_its_deadline(self, status: str) -> None:
        """
        Cancelled or superseded on day 20: its deadline (day 10) and the
        alternatives that had passed keep the STATUS they had; the one still
        to come (day 30) is CANCELLED.
        """
        closed = self.milestone().with_status(status, on=DAY.add(days=20))
        assert statuses(talks(milestones=[closed])) == {
            "Milestone: M": None,
            "Milestone (alternative): M — undecided": "TENTATIVE",
            "Milestone (alternative): M — applied": None,
            "Milestone (alternative): M — not applied": "CANCELLED",
            "Milestone (alternative): M — later": "CANCELLED",
        }

    def test_closed_between(self) -> None:
        """Cancelled on day 6, by date: what passed by then stays, the rest ends."""
        closed = self.milestone().with_status("cancelled", on=DAY.add(days=6))
        assert statuses(talks(milestones=[closed])) == {
            "Milestone: M": "CANCELLED",
            "Milestone (alternative): M — undecided": "TENTATIVE",
            "Milestone (alternative): M — applied": "CANCELLED",
            "Milestone (alternative): M — not applied": "CANCELLED",
            "Milestone (alternative): M — later": "CANCELLED",
        }

    def test_agrees_with_the_queries(self) -> None:
        """A milestone cancelled late is listed as expired and not CANCELLED."""
        late = self.milestone().with_status("cancelled", on=DAY.add(days=20))
        early = self.milestone().with_status("cancelled", on=DAY.add(days=3))
        for milestone, cancelled in ((late, False), (early, True)):
            record = talks(milestones=[milestone])
            listed = [e.id for e in record.all_expired_deadlines(at=DAY.add(days=40))]
            assert listed == ([] if cancelled else ["m"])
            status = statuses(record)["Milestone: M"]
            assert status == ("CANCELLED" if cancelled else None)


# --- the same rule as the queries, as a property --------------------------------------


@st.composite
def closed_records(draw: st.DrawFn) -> tuple[Negotiation, pendulum.DateTime]:
    """
    An ultimatum withdrawn, a milestone cancelled and an agreement terminated,
    each on a day (or at an hour) of the story, and a moment to ask at.
    """

    def moment() -> Moment:
        day = DAY.add(days=draw(st.integers(1, 60)))
        if draw(st.booleans()):
            return day
        return pendulum.datetime(
            day.year, day.month, day.day, draw(st.integers(0, 23)), tz=JERUSALEM
        )

    def deadline() -> Deadline:
        due = moment()
        if isinstance(due, pendulum.DateTime):
            return Deadline.on(due)
        return Deadline.on(due, tz=JERUSALEM)

    ultimatum = Ultimatum(
        id="u",
        issued_by="moscow",
        addressed_to=["kyiv"],
        issued_at=DAY,
        demand="Leave",
        deadline=deadline(),
    ).withdraw(on=moment())
    milestone = Milestone(
        id="m", title="M", set_on=DAY, deadline=deadline()
    ).with_status(draw(st.sampled_from(["cancelled", "superseded"])), on=moment())
    agreement = Agreement(
        id="a",
        title="A",
        stage="ceasefire",
        history=[StatusChange(status="signed", on=DAY)],
        expires=deadline(),
        phases=[Phase(name="One", ends=deadline())],
    ).with_status(draw(st.sampled_from(["terminated", "superseded"])), on=moment())
    record = talks(
        ultimatums=[ultimatum], milestones=[milestone], agreements=[agreement]
    )
    at = pendulum.datetime(2025, 1, 1, tz=UTC).add(hours=draw(st.integers(0, 24 * 70)))
    return record, at


@settings(max_examples=150, database=None, deadline=None)
@given(closed_records())
def test_cancelled_unless_the_queries_say_it_ran_out(
    case: tuple[Negotiation, pendulum.DateTime],
) -> None:
    """
    As of any moment, an event of a record closed by then is CANCELLED
    exactly when the deadline queries do not count its deadline as run out:
    neither listed as expired (its deadline passed) nor as upcoming (not yet).
    """
    record, at = case
    snapshot = record.as_of(at)
    found = {
        str(e["SUMMARY"]): "STATUS" in e and str(e["STATUS"]) == "CANCELLED"
        for e in events(to_ical(record, at=at))
    }
    listed = {
        (entry.kind, entry.id)
        for entry in record.all_expired_deadlines(at=at)
        + record.all_upcoming_deadlines(at=at)
    }
    agreement = snapshot.agreements[0]
    ends = agreement.phases[0].ends
    closed = {
        "ultimatum": snapshot.ultimatums[0].status.value == "withdrawn",
        "milestone": snapshot.milestones[0].status.value != "pending",
        "agreement": agreement.status.value != "signed",
        # A phase ending after the expiry in force is closed by it.
        "phase": agreement.status.value != "signed"
        or (
            agreement.expires is not None
            and ends is not None
            and agreement.expires < ends
        ),
    }
    summaries = {
        ("ultimatum", "u"): "Ultimatum deadline: Russia to Ukraine — Leave",
        ("milestone", "m"): "Milestone: M",
        ("agreement", "a"): "Agreement expires: A",
        ("phase", "a"): "Agreement phase ends: A — One",
    }
    for (kind, record_id), summary in summaries.items():
        if not closed[kind]:
            assert not found[summary]
            continue
        assert found[summary] is ((kind, record_id) not in listed), (kind, found)


# --- entry into force ----------------------------------------------------------------


def tpnw(in_force: Deadline) -> Negotiation:
    agreement = Agreement(
        id="tpnw",
        title="TPNW",
        stage="comprehensive",
        history=[
            StatusChange(status="signed", on=pendulum.date(2017, 9, 20)),
            StatusChange(status="in-force", on=pendulum.date(2021, 1, 22)),
        ],
        in_force=in_force,
    )
    return Negotiation(id="t", title="TPNW", agreements=[agreement])


class TestEntryIntoForce:
    def test_on_a_day_is_an_all_day_event(self) -> None:
        """
        The TPNW entered into force on 22 January 2021 (90 days after the
        50th ratification, New York time): an all-day event on that day,
        not an instant at its end.
        """
        record = tpnw(
            Deadline.after(pendulum.date(2020, 10, 24), days=90, tz="America/New_York")
        )
        text = to_ical(record)
        lines = text.split("\r\n")
        assert "DTSTART;VALUE=DATE:20210122" in lines
        assert not [line for line in lines if line.startswith(("DTEND", "DURATION"))]
        assert not [line for line in lines if line.startswith(ICAL_ZONE_PROPERTY)]
        (event,) = events(text)
        assert event["DTSTART"].dt == _dt.date(2021, 1, 22)
        description = str(event["DESCRIPTION"])
        assert "Enters into force on 2021-01-22" in description
        assert "\nRule: 90 days after 2020-10-24.\n" in description
        assert "passes at" not in description
        assert "end of the day" not in description  # a start, not an end

    def test_at_an_instant(self) -> None:
        """A datetime entry into force is written at its instant, its zone named."""
        moment = pendulum.datetime(2021, 1, 22, 0, 1, tz="America/New_York")
        (event,) = events(to_ical(tpnw(Deadline.on(moment))))
        assert event["DTSTART"].dt == _dt.datetime(2021, 1, 22, 5, 1, tzinfo=UTC)
        assert str(event[ICAL_ZONE_PROPERTY]) == "America/New_York"
        assert "Enters into force at 2021-01-22T00:01:00" in str(event["DESCRIPTION"])

    def test_the_timeline_places_it_on_its_day(self) -> None:
        """The timeline lists it on the same day as the calendar."""
        record = tpnw(
            Deadline.after(pendulum.date(2020, 10, 24), days=90, tz="America/New_York")
        )
        (entry,) = [e for e in record.timeline() if e.kind is EventKind.AGREEMENT]
        assert entry.moment == pendulum.date(2021, 1, 22)

    def test_in_order_among_the_deadlines(self) -> None:
        """
        Sorted by the start of its day (in UTC): before a deadline that passes
        at the end of that day, after one that passed the day before.
        """
        day = pendulum.date(2025, 3, 1)
        agreement = Agreement(
            id="a",
            title="A",
            stage="ceasefire",
            in_force=Deadline.on(day),
            phases=[
                Phase(
                    name="Before",
                    ends=Deadline.on(day.subtract(days=1), tz=JERUSALEM),
                ),
                Phase(name="Same day", ends=Deadline.on(day)),
            ],
        )
        found = [
            str(e["SUMMARY"]) for e in events(to_ical(talks(agreements=[agreement])))
        ]
        assert found == [
            "Agreement phase ends: A — Before",
            "Agreement enters into force: A",
            "Agreement phase ends: A — Same day",
        ]

    def test_deadlines_stay_at_their_cutoff(self) -> None:
        """A phase's end and an expiry on a day are still the instant the day ends."""
        day = pendulum.date(2025, 3, 1)
        agreement = Agreement(
            id="a",
            title="A",
            stage="ceasefire",
            in_force=Deadline.on(day, tz=JERUSALEM),
            expires=Deadline.on(day.add(days=10), tz=JERUSALEM),
            phases=[Phase(name="One", ends=Deadline.on(day, tz=JERUSALEM))],
        )
        lines = to_ical(talks(agreements=[agreement])).split("\r\n")
        assert [line for line in lines if line.startswith("DTSTART")] == [
            "DTSTART;VALUE=DATE:20250301",
            "DTSTART:20250301T220000Z",
            "DTSTART:20250311T220000Z",
        ]

    def test_on_the_last_day_of_the_calendar(self) -> None:
        """9999-12-31: an all-day event with no end to write."""
        (event,) = events(to_ical(tpnw(Deadline.on(pendulum.date(9999, 12, 31)))))
        assert event["DTSTART"].dt == _dt.date(9999, 12, 31)
        assert "DTEND" not in event
