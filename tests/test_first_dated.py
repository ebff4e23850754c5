"""
When an agreement or a milestone is first heard of: its first dated status
change, in the order of its history, not the change whose date sorts first.

The changes of a history are in the order they were made (a change certainly
before an earlier one is refused), so a change dated "2025" after one of 20
January 2025 came no earlier than 20 January: the record is first heard of
then, and a deadline revision or a vote dated 5 January is before it.
"""

from __future__ import annotations

import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Deadline,
    Milestone,
    Negotiation,
    PartialDate,
    Party,
    StatusChange,
    ValidationError,
    Vote,
)


D = pendulum.date
SIGNED = StatusChange(status="signed", on=D(2025, 1, 20))
VAGUE = StatusChange(status="in-force", on=PartialDate(2025))


def truce(*history: StatusChange) -> Agreement:
    return Agreement(
        id="truce",
        title="Truce",
        stage="ceasefire",
        history=history,
        expires=Deadline.on(D(2025, 6, 30)),
    )


def test_a_later_change_dated_more_vaguely_does_not_move_it_earlier() -> None:
    assert truce(SIGNED, VAGUE).first_dated == D(2025, 1, 20)
    assert truce(VAGUE).first_dated == PartialDate(2025)
    assert truce(StatusChange(status="drafted"), SIGNED).first_dated == D(2025, 1, 20)
    assert truce().first_dated is None


def test_a_revision_before_it_was_first_heard_of_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        truce(SIGNED, VAGUE).extend(Deadline.on(D(2025, 12, 31)), on=D(2025, 1, 5))
    assert caught.value.errors == (
        (
            "revisions[0].revised_on",
            "2025-01-05 is before the agreement's first date (2025-01-20)",
        ),
    )
    # Dated by its month, it may be as late as the signing: let be.
    later = truce(SIGNED, VAGUE).extend(
        Deadline.on(D(2025, 12, 31)), on=PartialDate(2025, 1)
    )
    assert later.expires == Deadline.on(D(2025, 12, 31))


def test_a_vote_before_it_was_first_heard_of_is_refused() -> None:
    vote = Vote(
        id="approval",
        body="parliament",
        on=D(2025, 1, 5),
        question="Approve the truce?",
        subject="truce",
        yes=60,
        no=40,
        result="passed",
    )
    with pytest.raises(ValidationError) as caught:
        Negotiation(
            id="t",
            title="T",
            parties=[Party(id="parliament", name="Parliament", kind="organization")],
            agreements=[truce(SIGNED, VAGUE)],
            votes=[vote],
        )
    assert caught.value.errors == (
        (
            "votes[0].on",
            "a vote (2025-01-05) cannot predate the agreement it is on, 'truce' "
            "(first dated 2025-01-20)",
        ),
    )


def test_a_milestone_without_set_on_is_first_heard_of_by_its_first_change() -> None:
    clock = Milestone(
        id="clock",
        title="Clock",
        deadline=Deadline.on(D(2025, 6, 30)),
        history=[
            StatusChange(status="missed", on=D(2025, 7, 1)),
            StatusChange(status="met", on=PartialDate(2025)),
        ],
    )
    assert clock.first_dated == D(2025, 7, 1)
