"""
The iCalendar ``SEQUENCE``: it rises with every significant change (RFC 5546,
2.1.4), counted from the record's history, and never falls.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Agreement,
    Alternative,
    Deadline,
    Milestone,
    Negotiation,
    NegotiationRecordError,
    Party,
    Phase,
    Round,
    StatusChange,
    Ultimatum,
    to_ical,
)
from negotiation_records import strategies as nst
from negotiation_records.timeutil import Moment, moment_span


PARTIES = [
    Party(id="kyiv", name="Ukraine", kind="state"),
    Party(id="moscow", name="Russia", kind="state"),
]
DAY = pendulum.date(2025, 1, 1)
#: The properties whose change RFC 5546 counts as significant (DUE is a VTODO's).
SIGNIFICANT = ("DTSTART", "DTEND", "DURATION", "STATUS")
SUMMARY = "Ultimatum deadline: Russia to Ukraine — Leave"


def talks(**records: Any) -> Negotiation:
    return Negotiation(id="t", title="Talks", parties=PARTIES, **records)


def shown(text: str) -> dict[str, tuple[int, dict[str, str]]]:
    """Each event's UID: its SEQUENCE and its significant properties."""
    unfolded = text.replace("\r\n ", "")
    found = {}
    for block in unfolded.split("BEGIN:VEVENT\r\n")[1:]:
        lines = block.split("END:VEVENT")[0].split("\r\n")
        fields = {}
        for line in filter(None, lines):
            fields[line.partition(":")[0].split(";")[0]] = line
        significant = {k: v for k, v in fields.items() if k in SIGNIFICANT}
        sequence = (
            int(fields["SEQUENCE"].partition(":")[2]) if "SEQUENCE" in fields else 0
        )
        found[fields["UID"]] = (sequence, significant)
    return found


def sequences(text: str) -> dict[str, int]:
    """SEQUENCE by the event's SUMMARY."""
    unfolded = text.replace("\r\n ", "")
    result = {}
    for block in unfolded.split("BEGIN:VEVENT\r\n")[1:]:
        fields = dict(line.split(":", 1) for line in block.split("\r\n") if ":" in line)
        result[fields["SUMMARY"]] = int(fields.get("SEQUENCE", "0"))
    return result


class Watcher:
    """
    A calendar program that keeps every event it saw: each update of an
    event must have a SEQUENCE not lower than the one it has, and higher
    when a significant property changed.
    """

    def __init__(self) -> None:
        self.kept: dict[str, tuple[int, dict[str, str]]] = {}

    def see(self, text: str) -> None:
        for uid, (sequence, significant) in shown(text).items():
            if uid in self.kept:
                before, was = self.kept[uid]
                assert sequence >= before, (uid, before, sequence)
                if significant != was:
                    assert sequence > before, (uid, was, significant, sequence)
            self.kept[uid] = (sequence, significant)


# --- worked examples -------------------------------------------------------------------


class TestUltimatum:
    def ultimatum(self) -> Ultimatum:
        return Ultimatum(
            id="u",
            issued_by="moscow",
            addressed_to=["kyiv"],
            issued_at=DAY,
            demand="Leave",
            deadline=Deadline.after(DAY, days=50),
        )

    def test_withdrawn(self) -> None:
        """STATUS becomes CANCELLED: SEQUENCE 1, with no revision."""
        withdrawn = self.ultimatum().withdraw(on=DAY.add(days=3))
        text = to_ical(talks(ultimatums=[withdrawn]))
        assert "SEQUENCE:1\r\nSTATUS:CANCELLED\r\n" in text

    def test_revised_then_withdrawn(self) -> None:
        revised = self.ultimatum().revise_deadline(
            Deadline.after(DAY.add(days=10), days=10), on=DAY.add(days=10)
        )
        withdrawn = revised.withdraw(on=DAY.add(days=12))
        assert [
            sequences(to_ical(talks(ultimatums=[u])))[SUMMARY]
            for u in (self.ultimatum(), revised, withdrawn)
        ] == [0, 1, 2]
        # as it stood before each change
        assert [
            sequences(to_ical(talks(ultimatums=[withdrawn]), at=at))[SUMMARY]
            for at in (DAY, DAY.add(days=10), DAY.add(days=12))
        ] == [0, 1, 2]

    def test_other_ends_change_nothing_shown(self) -> None:
        """Complied, expired, enforced: the event shows the same, SEQUENCE 0."""
        complied = self.ultimatum().comply(on=DAY.add(days=3))
        enforced = self.ultimatum().expire().enforce(on=DAY.add(days=60))
        for ultimatum in (complied, enforced):
            assert "SEQUENCE" not in to_ical(talks(ultimatums=[ultimatum]))


class TestMilestone:
    def milestone(self) -> Milestone:
        return Milestone(
            id="m",
            title="M",
            set_on=DAY,
            deadline=Deadline.on(DAY.add(months=2)),
            alternatives=[
                Alternative(condition="if so", deadline=Deadline.on(DAY.add(months=3))),
                Alternative(
                    condition="if not", deadline=Deadline.on(DAY.add(months=4))
                ),
            ],
        )

    def test_cancelled(self) -> None:
        """The deadline and each alternative: CANCELLED, one step on."""
        cancelled = self.milestone().with_status("cancelled", on=DAY.add(days=5))
        assert sequences(to_ical(talks(milestones=[cancelled]))) == {
            "Milestone: M": 1,
            "Milestone (alternative): M — if so": 1,
            "Milestone (alternative): M — if not": 1,
        }

    def test_superseded(self) -> None:
        superseded = self.milestone().with_status("superseded", on=DAY.add(days=5))
        assert set(sequences(to_ical(talks(milestones=[superseded]))).values()) == {1}

    def test_an_alternative_decided(self) -> None:
        """TENTATIVE to applied (no STATUS) and to CANCELLED: one step each."""
        milestone = self.milestone()
        decided = attrs.evolve(
            milestone,
            alternatives=[
                attrs.evolve(
                    milestone.alternatives[0], applied=True, decided_on=DAY.add(days=9)
                ),
                attrs.evolve(
                    milestone.alternatives[1], applied=False, decided_on=DAY.add(days=9)
                ),
            ],
        )
        text = to_ical(talks(milestones=[decided]))
        assert sequences(text) == {
            "Milestone: M": 0,
            "Milestone (alternative): M — if so": 1,
            "Milestone (alternative): M — if not": 1,
        }
        before = to_ical(talks(milestones=[decided]), at=DAY.add(days=8))
        assert set(sequences(before).values()) == {0}
        assert text.count("STATUS:TENTATIVE") == 0
        assert before.count("STATUS:TENTATIVE") == 2
        # decided, then the milestone cancelled: one step more
        cancelled = decided.with_status("cancelled", on=DAY.add(days=10))
        assert sequences(to_ical(talks(milestones=[cancelled]))) == {
            "Milestone: M": 1,
            "Milestone (alternative): M — if so": 2,
            "Milestone (alternative): M — if not": 2,
        }

    def test_a_revision_replaces_the_alternatives(self) -> None:
        """A revision moves the deadline and cancels the earlier alternatives."""
        revised = self.milestone().revise_deadline(
            Deadline.on(DAY.add(months=5)),
            on=DAY.add(days=20),
            alternatives=[
                Alternative(
                    condition="if late", deadline=Deadline.on(DAY.add(months=6))
                )
            ],
        )
        assert sequences(to_ical(talks(milestones=[revised]))) == {
            "Milestone: M": 1,
            "Milestone (alternative): M — if so": 1,
            "Milestone (alternative): M — if not": 1,
            "Milestone (alternative): M — if late": 0,
        }

    def test_met_or_missed_change_nothing_shown(self) -> None:
        met = self.milestone().with_status("met", on=DAY.add(days=5))
        assert "SEQUENCE" not in to_ical(talks(milestones=[met]))


class TestAgreement:
    def agreement(self) -> Agreement:
        start = DAY.add(days=1)
        return Agreement(
            id="a",
            title="Truce",
            stage="ceasefire",
            history=[StatusChange(status="signed", on=DAY)],
            in_force=Deadline.on(start),
            expires=Deadline.after(start, days=90),
            phases=[Phase(name="Phase one", ends=Deadline.after(start, days=42))],
        )

    def test_in_force_is_no_change_shown(self) -> None:
        in_force = self.agreement().with_status("in-force", on=DAY.add(days=1))
        assert "SEQUENCE" not in to_ical(talks(agreements=[in_force]))

    def test_extended_then_terminated(self) -> None:
        extended = (
            self.agreement()
            .with_status("in-force", on=DAY.add(days=1))
            .extend(Deadline.after(DAY.add(days=91), days=90), on=DAY.add(days=80))
        )
        # a phase end counts the expiry's revisions too (an agreement that
        # had expired before the phase ended closes it)
        assert sequences(to_ical(talks(agreements=[extended]))) == {
            "Agreement enters into force: Truce": 0,
            "Agreement phase ends: Truce — Phase one": 1,
            "Agreement expires: Truce": 1,
        }
        for status in ("terminated", "superseded"):
            ended = extended.with_status(status, on=DAY.add(days=100))
            text = to_ical(talks(agreements=[ended]))
            # the step counts for every event, though only the expiry, still
            # to come on day 100, is CANCELLED: the others had passed
            assert sequences(text) == {
                "Agreement enters into force: Truce": 1,
                "Agreement phase ends: Truce — Phase one": 2,
                "Agreement expires: Truce": 2,
            }
            assert text.count("STATUS:CANCELLED") == 1
            assert "SEQUENCE:2\r\nSTATUS:CANCELLED\r\n" in text

    def test_expired_then_extended_reopens_a_phase(self) -> None:
        """
        A phase ending after the agreement expired is CANCELLED; the extension
        that puts the agreement back in force reopens it, with a higher
        SEQUENCE (a calendar would otherwise keep it cancelled), in the
        record's calendars and as of each day.
        """
        start = DAY.add(days=1)
        agreement = Agreement(
            id="a",
            title="Truce",
            stage="ceasefire",
            history=[
                StatusChange(status="signed", on=DAY),
                StatusChange(status="in-force", on=start),
            ],
            in_force=Deadline.on(start),
            expires=Deadline.after(start, days=30),
            phases=[Phase(name="Phase two", ends=Deadline.after(start, days=60))],
        )
        expired = agreement.with_status("expired", on=start.add(days=31))
        renewed = expired.extend(Deadline.after(start, days=120), on=start.add(days=40))
        watcher = Watcher()
        for version in (agreement, expired, renewed):
            watcher.see(to_ical(talks(agreements=[version])))
        phase = "Agreement phase ends: Truce — Phase two"
        text = to_ical(talks(agreements=[renewed]))
        assert sequences(text)[phase] == 3  # expired, in force again, extended
        assert "STATUS:CANCELLED" not in text
        as_of = Watcher()
        for offset in range(50):
            as_of.see(to_ical(talks(agreements=[renewed]), at=DAY.add(days=offset)))


class TestRound:
    def test_postponed_and_scheduled_again(self) -> None:
        """Away while postponed; back two steps on, with its new start."""
        first = Round(number=3).schedule(
            starts=pendulum.datetime(2025, 7, 23, 19, tz="Europe/Istanbul"),
            on=pendulum.date(2025, 7, 16),
        )
        postponed = first.postpone(on=pendulum.date(2025, 7, 21))
        again = postponed.schedule(
            starts=pendulum.datetime(2025, 7, 30, 19, tz="Europe/Istanbul"),
            on=pendulum.date(2025, 7, 25),
        )
        assert sequences(to_ical(talks(rounds=[first]))) == {"Round 3: Talks": 0}
        assert sequences(to_ical(talks(rounds=[postponed]))) == {}
        text = to_ical(talks(rounds=[again]))
        assert sequences(text) == {"Round 3: Talks": 2}
        assert "DTSTART:20250730T160000Z\r\n" in text
        # postponed once more and scheduled again: two more
        third = again.postpone(on=pendulum.date(2025, 7, 28)).schedule(
            starts=pendulum.date(2025, 8, 4), on=pendulum.date(2025, 7, 29)
        )
        assert sequences(to_ical(talks(rounds=[third]))) == {"Round 3: Talks": 4}

    def test_as_it_stood(self) -> None:
        """With ``at``, the steps known then."""
        again = (
            Round(number=3)
            .schedule(starts=pendulum.date(2025, 7, 23), on=pendulum.date(2025, 7, 16))
            .postpone(on=pendulum.date(2025, 7, 21))
            .schedule(starts=pendulum.date(2025, 7, 30), on=pendulum.date(2025, 7, 25))
        )
        record = talks(rounds=[again])
        assert sequences(to_ical(record, at=pendulum.date(2025, 7, 22))) == {}
        assert sequences(to_ical(record, at=pendulum.date(2025, 7, 26))) == {
            "Round 3: Talks": 2
        }

    def test_a_round_made_scheduled(self) -> None:
        """``status="scheduled"``, or a first step restating "proposed": 0."""
        for rnd in (
            Round(number=1, status="scheduled", starts=DAY),
            Round(
                number=1,
                history=[
                    StatusChange(status="proposed", on=DAY),
                    StatusChange(status="scheduled", on=DAY),
                ],
                starts=DAY.add(days=3),
            ),
        ):
            assert "SEQUENCE" not in to_ical(talks(rounds=[rnd]))


# --- properties ------------------------------------------------------------------------


def _base() -> dict[str, Any]:
    return {
        "ultimatum": Ultimatum(
            id="u",
            issued_by="moscow",
            addressed_to=["kyiv"],
            issued_at=DAY,
            demand="Leave",
            deadline=Deadline.after(DAY, days=30),
        ),
        "milestone": Milestone(
            id="m",
            title="M",
            set_on=DAY,
            deadline=Deadline.on(DAY.add(days=40)),
            alternatives=[
                Alternative(condition="if so", deadline=Deadline.on(DAY.add(days=50))),
                Alternative(condition="if not", deadline=Deadline.on(DAY.add(days=60))),
            ],
        ),
        "agreement": Agreement(
            id="a",
            title="A",
            stage="ceasefire",
            history=[StatusChange(status="signed", on=DAY)],
            in_force=Deadline.on(DAY.add(days=2)),
            expires=Deadline.after(DAY.add(days=2), days=30),
            phases=[
                Phase(name="One", ends=Deadline.after(DAY.add(days=2), days=10)),
                # ends after the expiry: closed while the agreement has expired
                Phase(name="Two", ends=Deadline.after(DAY.add(days=2), days=60)),
            ],
        ),
        "round": Round(number=1),
    }


Change = Callable[[Any, pendulum.Date, int], Any]


def _decide(milestone: Milestone, day: pendulum.Date, n: int) -> Milestone:
    """Decide the first undecided alternative (applied if *n* is even)."""
    alternatives = list(milestone.alternatives)
    for index, alternative in enumerate(alternatives):
        if alternative.applied is None:
            alternatives[index] = attrs.evolve(
                alternative, applied=n % 2 == 0, decided_on=day
            )
            return attrs.evolve(milestone, alternatives=alternatives)
    return milestone


CHANGES: dict[str, list[Change]] = {
    "ultimatum": [
        lambda u, d, n: u.revise_deadline(Deadline.on(d.add(days=n)), on=d),
        lambda u, d, n: u.withdraw(on=d),
        lambda u, d, n: u.comply(on=d, late=True),
        lambda u, d, n: u.expire(on=d),
        lambda u, d, n: u.enforce(on=d),
    ],
    "milestone": [
        lambda m, d, n: m.revise_deadline(
            Deadline.on(d.add(days=n)),
            on=d,
            alternatives=[
                Alternative(condition=f"case {n}", deadline=Deadline.on(d.add(days=n)))
            ][: n % 2],
        ),
        lambda m, d, n: m.with_status(
            ("met", "missed", "cancelled", "superseded", "pending")[n % 5], on=d
        ),
        _decide,
    ],
    "agreement": [
        lambda a, d, n: a.with_status(
            (
                "in-force",
                "suspended",
                "expired",
                "terminated",
                "superseded",
                "ratified",
            )[n % 6],
            on=d,
        ),
        lambda a, d, n: a.extend(Deadline.on(d.add(days=n)), on=d),
    ],
    "round": [
        lambda r, d, n: r.schedule(
            starts=d.add(days=n)
            if n % 2
            else pendulum.datetime(d.year, d.month, d.day, 10, tz="Europe/Kyiv").add(
                days=n
            ),
            ends=d.add(days=n + n % 3) if n % 2 else None,
            on=d,
        ),
        lambda r, d, n: r.postpone(on=d),
        lambda r, d, n: r.cancel(on=d),
        lambda r, d, n: r.hold(on=d),
    ],
}

_steps = st.lists(
    st.tuples(
        st.sampled_from(sorted(CHANGES)),
        st.integers(0, 10),
        st.integers(1, 20),
        st.integers(0, 40),
    ),
    max_size=14,
)


def _negotiation(state: dict[str, Any]) -> Negotiation:
    return talks(
        ultimatums=[state["ultimatum"]],
        milestones=[state["milestone"]],
        agreements=[state["agreement"]],
        rounds=[state["round"]],
    )


@settings(max_examples=60, database=None, deadline=None)
@given(_steps)
def test_a_record_changed_by_its_methods(
    steps: list[tuple[str, int, int, int]],
) -> None:
    """
    A record walked through legal changes (each a method of its records,
    each a few days after the one before): every event's SEQUENCE never
    falls, and rises whenever its DTSTART, DTEND, DURATION or STATUS changes,
    both in the calendars of each version and, for the last version, in the
    calendars as of each day of its story.
    """
    state = _base()
    watcher = Watcher()
    record = _negotiation(state)
    watcher.see(to_ical(record))
    day = DAY.add(days=3)
    for which, pick, gap, n in steps:
        day = day.add(days=gap)
        choices = CHANGES[which]
        try:
            changed = choices[pick % len(choices)](state[which], day, n)
            candidate = _negotiation({**state, which: changed})
        except NegotiationRecordError:
            continue  # not a legal change of this record now
        state[which] = changed
        record = candidate
        watcher.see(to_ical(record))
    as_of = Watcher()
    for at in [DAY.add(days=offset) for offset in range(0, (day - DAY).days + 2, 3)]:
        as_of.see(to_ical(record, at=at))
    # the last snapshot is the whole record
    assert shown(to_ical(record, at=day.add(days=1))) == shown(to_ical(record))


def _moments(record: Negotiation) -> Iterable[Moment]:
    """The dated moments of *record*'s histories, revisions and decisions."""
    for ultimatum in record.ultimatums:
        yield ultimatum.issued_at
        yield from (r.revised_on for r in ultimatum.revisions)
        yield from (c.on for c in ultimatum.history if c.on is not None)
    for milestone in record.milestones:
        yield from (r.revised_on for r in milestone.revisions)
        yield from (c.on for c in milestone.history if c.on is not None)
        yield from (a.decided_on for a in milestone.alternatives if a.decided_on)
    for agreement in record.agreements:
        yield from (r.revised_on for r in agreement.revisions)
        yield from (c.on for c in agreement.history if c.on is not None)
    for rnd in record.rounds:
        yield from (c.on for c in rnd.history if c.on is not None)
        if rnd.starts is not None:
            yield rnd.starts


@settings(max_examples=30, database=None, deadline=None)
@given(nst.negotiations())
def test_as_of_a_later_moment_never_lowers_sequence(record: Negotiation) -> None:
    """Any valid record, as of each moment of its story in turn (and now)."""
    instants = sorted(
        {edge for moment in _moments(record) for edge in moment_span(moment)}
    )
    watcher = Watcher()
    for instant in instants[:: max(1, len(instants) // 12)]:
        at = pendulum.instance(instant)
        if at.year > _dt.MAXYEAR - 1:
            continue
        watcher.see(to_ical(record, at=at))
    watcher.see(to_ical(record))
