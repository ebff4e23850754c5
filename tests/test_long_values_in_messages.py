"""
Messages cut the values they quote to 80 characters (docs/errors.md), so
that a hostile or huge input cannot flood a log: the numbers the rules
across records and fields quote too (a round number, a vote's counts, a
milestone's stage), which a document may write with thousands of digits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Alternative,
    Deadline,
    IllegalTransitionError,
    Milestone,
    Negotiation,
    Party,
    Phase,
    Proposal,
    Round,
    ValidationError,
    Vote,
    from_json,
)
from negotiation_records.queries import PhaseEnd
from negotiation_records.votes import Threshold


#: A 4,000-digit number: JSON readers take it (Python's limit is 4,300 digits).
BIG = int("9" * 4000)
#: How it is quoted: cut to 80 characters.
SHOWN = "9" * 77 + "..."
D = pendulum.date


def assert_short(message: str) -> None:
    """No value of *message* is quoted longer than the 80 characters allowed."""
    assert len(message) < 400, message[:200]
    assert not re.search(r"\d{81}", message), message[:200]


def problems_of(build: Any, *args: Any, **kwargs: Any) -> tuple[tuple[str, str], ...]:
    with pytest.raises(ValidationError) as caught:
        build(*args, **kwargs)
    for _, message in caught.value.errors:
        assert_short(message)
    return caught.value.errors


PARTIES = (
    '"parties":[{"id":"a","name":"A","kind":"state"},'
    '{"id":"b","name":"B","kind":"state"}]'
)


def document(**collections: str) -> str:
    """A version-2 negotiation document with *collections* (JSON arrays)."""
    more = "".join(f',"{name}":{items}' for name, items in collections.items())
    return '{"schema_version":2,"id":"t","title":"T",' + PARTIES + more + "}"


class TestWholeRecord:
    """The references a negotiation checks across its records."""

    def test_unknown_round_of_a_proposal(self) -> None:
        """The report's case: a proposal in a round that is not there."""
        proposal = (
            '[{"id":"p","proposed_by":["a"],"addressed_to":["b"],'
            f'"made_on":"2025-07-01","summary":"Meet","round":{BIG}}}]'
        )
        assert problems_of(from_json, Negotiation, document(proposals=proposal)) == (
            ("proposals[0].round", f"unknown round {SHOWN}"),
        )

    def test_unknown_round_of_an_agreement(self) -> None:
        """An agreement reached in a round that is not there."""
        agreement = f'[{{"id":"g","title":"Deal","stage":"framework","round":{BIG}}}]'
        assert problems_of(from_json, Negotiation, document(agreements=agreement)) == (
            ("agreements[0].round", f"unknown round {SHOWN}"),
        )

    def test_a_round_number_used_twice(self) -> None:
        """Two rounds with the same huge number."""
        rounds = f'[{{"number":{BIG}}},{{"number":{BIG}}}]'
        assert problems_of(from_json, Negotiation, document(rounds=rounds)) == (
            ("rounds[1].number", f"round number {SHOWN} is already used by rounds[0]"),
        )

    def test_a_proposal_outside_its_round(self) -> None:
        """A proposal dated outside the round it was made in."""
        problems = problems_of(
            Negotiation,
            id="t",
            title="T",
            parties=[
                Party(id="a", name="A", kind="state"),
                Party(id="b", name="B", kind="state"),
            ],
            rounds=[Round(number=BIG, starts=D(2025, 7, 1), ends=D(2025, 7, 2))],
            proposals=[
                Proposal(
                    id="p",
                    proposed_by=["a"],
                    addressed_to=["b"],
                    made_on=D(2025, 8, 1),
                    summary="Meet",
                    round=BIG,
                )
            ],
        )
        assert problems == (
            (
                "proposals[0].made_on",
                f"2025-08-01 is outside round {SHOWN} (2025-07-01 to 2025-07-02)",
            ),
        )


def vote(**counts: Any) -> Vote:
    return Vote(id="v", body="Parliament", on=D(2025, 7, 1), question="Q", **counts)


class TestVoteCounts:
    """A vote's result against its counts; its counts against its members."""

    def test_the_reports_document(self) -> None:
        """A huge count in a document: the message quotes it cut."""
        text = (
            '{"id":"v","body":"Parliament","on":"2025-07-01","question":"Q",'
            f'"yes":{BIG},"no":1,"result":"failed"}}'
        )
        assert problems_of(from_json, Vote, text) == (
            (
                "result",
                f"'failed' does not agree with the counts: {SHOWN} for and 1 "
                "against passes a simple majority of those voting",
            ),
        )

    @pytest.mark.parametrize(
        ("threshold", "reason"),
        [
            (
                Threshold.ABSOLUTE_MAJORITY,
                f"{SHOWN} of {SHOWN} members in favour passes an absolute majority "
                f"(needs {'5' + '0' * 76}...)",
            ),
            (
                Threshold.TWO_THIRDS_OF_MEMBERS,
                f"{SHOWN} of {SHOWN} members in favour passes two thirds of the "
                f"members (needs {'6' * 77}...)",
            ),
            (
                Threshold.THREE_FIFTHS,
                f"{SHOWN} of {SHOWN} members in favour passes a three-fifths vote "
                f"(needs {'6' + '0' * 76}...)",
            ),
        ],
    )
    def test_thresholds_of_the_members(self, threshold: Threshold, reason: str) -> None:
        """The counts and the number of votes needed, each cut."""
        problems = problems_of(
            vote, yes=BIG, members=BIG, threshold=threshold, result="failed"
        )
        assert problems == (
            ("result", f"'failed' does not agree with the counts: {reason}"),
        )

    @pytest.mark.parametrize(
        ("threshold", "rule"),
        [
            (Threshold.TWO_THIRDS, "two thirds of those voting"),
            (Threshold.UNANIMITY, "a unanimous vote"),
        ],
    )
    def test_thresholds_of_those_voting(self, threshold: Threshold, rule: str) -> None:
        """For and against, each cut."""
        problems = problems_of(
            vote, yes=BIG, no=BIG, threshold=threshold, result="passed"
        )
        assert problems == (
            (
                "result",
                f"'passed' does not agree with the counts: {SHOWN} for and {SHOWN} "
                f"against fails {rule}",
            ),
        )

    def test_counts_not_given(self) -> None:
        """A result decided whatever the missing counts: those given, cut."""
        problems = problems_of(vote, yes=BIG, members=BIG + 10, result="failed")
        assert problems == (
            (
                "result",
                f"'failed' does not agree with the counts: {SHOWN} for of "
                f"{'1' + '0' * 76}... members passes a simple majority of those voting "
                "whatever the counts not given (against, abstaining)",
            ),
        )

    def test_more_votes_than_members(self) -> None:
        """The sum of the counts and the members, each cut (a tie fails a
        simple majority whatever the members: the result agrees)."""
        assert problems_of(vote, yes=BIG, no=BIG, members=BIG, result="failed") == (
            (
                "members",
                f"{'1' + '9' * 76}... votes recorded, more than the {SHOWN} members",
            ),
        )

    def test_a_sum_too_long_to_write(self) -> None:
        """Counts of 4,300 digits add up to more than Python writes: no
        ValueError escapes, the message says what it is."""
        most = 10**4300 - 1
        assert problems_of(vote, yes=most, no=most, members=1, result="failed") == (
            (
                "members",
                "<int of more than 4300 digits> votes recorded, more than the 1 members",
            ),
        )


def test_a_milestone_alternatives_stage() -> None:
    """A stage the milestone does not have."""
    problems = problems_of(
        Milestone,
        id="m",
        title="Exit",
        deadline=Deadline.on(D(2019, 3, 29)),
        alternatives=[
            Alternative(condition="if", deadline=Deadline.on(D(2019, 4, 12)), stage=BIG)
        ],
    )
    assert problems == (
        ("alternatives[0].stage", f"the milestone has no deadline {SHOWN} (it has 1)"),
    )


def test_a_round_in_a_refused_change() -> None:
    """The round's label, which status changes quote, is cut."""
    cancelled = Round(number=BIG).cancel()
    assert cancelled.label == f"round {SHOWN}"
    with pytest.raises(IllegalTransitionError) as caught:
        cancelled.hold(on=D(2025, 1, 1))
    assert_short(str(caught.value))
    assert str(caught.value).startswith(f"round {SHOWN} cannot go from 'cancelled'")


class TestPhaseEnd:
    START = D(2025, 1, 19)
    AGREEMENT = Agreement(
        id="gaza",
        title="Gaza ceasefire",
        stage="ceasefire",
        phases=[
            Phase(
                name="Phase " + "one " * 100,
                starts=START,
                ends=Deadline.on_day(42, counting_from=START),
            )
        ],
    )

    def test_an_index_that_is_no_phase(self) -> None:
        """A huge index is cut."""
        assert problems_of(PhaseEnd, agreement=self.AGREEMENT, index=BIG) == (
            ("index", f"agreement 'gaza' has no phase {SHOWN}"),
        )

    def test_an_index_too_long_to_write(self) -> None:
        """One Python cannot write is refused by the rule of every integer field."""
        assert problems_of(PhaseEnd, agreement=self.AGREEMENT, index=10**5000) == (
            ("index", "must have at most 4300 digits"),
        )

    def test_a_long_name(self) -> None:
        """The label quotes the phase's name cut."""
        label = PhaseEnd(agreement=self.AGREEMENT, index=0).label
        assert (
            label
            == f"phase {repr('Phase ' + 'one ' * 100)[:77]}... of agreement 'gaza'"
        )


def test_an_unknown_period_part() -> None:
    """A keyword part's name, which may be anything, is cut."""
    name = "x" * 1000
    assert problems_of(Deadline.after, D(2025, 1, 1), **{name: 1}) == (
        (
            f"period.{name}",
            f"unknown period part '{'x' * 76}... (use years, months, weeks, days, "
            "hours, minutes or seconds)",
        ),
    )


class _Calendar:
    """A holidays container that fails with a long message, in one of its ways."""

    def __init__(self, failing: str) -> None:
        self.failing = failing

    def _fail(self) -> None:
        raise OSError("database went away " * 500)

    def __contains__(self, item: object) -> bool:
        if self.failing == "in":
            self._fail()
        return item == D(2025, 12, 29)

    def __len__(self) -> int:
        return 1

    def __iter__(self) -> Iterator[object]:
        if self.failing == "iter":
            self._fail()
        return iter([D(2025, 12, 29)])

    def is_working_day(self, day: object) -> bool:
        self._fail()
        return True

    def __repr__(self) -> str:
        return "Calendar()"


@pytest.mark.parametrize(
    ("failing", "start"),
    [
        ("iter", "cannot list the dates in Calendar(): OSError: database went away"),
        ("in", "cannot look dates up in Calendar(): OSError: database went away"),
        ("count", "cannot look dates up in Calendar(): OSError: database went away"),
    ],
)
def test_a_calendars_long_failure(failing: str, start: str) -> None:
    """What a calendar's own exception says is cut (to 200 characters)."""
    ((path, message),) = problems_of(
        Deadline.after_business_days, D(2025, 12, 19), 3, holidays=_Calendar(failing)
    )
    assert path == "holidays"
    assert message.startswith(start)
    assert message.endswith("...")
    assert len(message) < 300


class _BrokenDate(dt.date):
    """A date of your own whose year cannot be read, with a long reason."""

    @property
    def year(self) -> int:
        raise RuntimeError("no year today " * 100)


def test_a_status_date_that_fails_when_read() -> None:
    """What the failing date's exception says is cut, and named."""
    ((path, message),) = problems_of(
        Proposal,
        id="p",
        proposed_by=["a"],
        addressed_to=["b"],
        made_on=D(2025, 1, 1),
        summary="Meet",
        status="accepted",
        status_on=_BrokenDate(2025, 1, 2),
    )
    assert path == "status_on"
    assert message.startswith(
        "must be a moment, got _BrokenDate(2025, 1, 2) (RuntimeError: no year today"
    )
    assert message.endswith("...)")
