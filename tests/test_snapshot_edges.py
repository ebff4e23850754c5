"""
As-of snapshots at their edges: what a snapshot keeps of the links between
records (a counter-proposal, an agreement's round, proposal and the
agreements it amends or supersedes, a vote's subject), of a round postponed
to new dates, of an action that has ended, and of the deadline revision a
compliance shows; and when it hears of a milestone that an agreement sets.
"""

from __future__ import annotations

from typing import Any

import pendulum

from negotiation_records import (
    Action,
    Agreement,
    Deadline,
    DeadlineRevision,
    Milestone,
    Negotiation,
    PartialDate,
    Party,
    Proposal,
    Round,
    StatusChange,
    Ultimatum,
    Vote,
)


D = pendulum.date
PARTIES = [
    Party(id="us", name="United States", kind="state"),
    Party(id="cn", name="China", kind="state"),
]


def _talks(**records: Any) -> Negotiation:
    return Negotiation(id="t", title="T", parties=PARTIES, **records)


def _vote(id_: str, subject: str) -> Vote:
    return Vote(
        id=id_,
        body="Parliament",
        on=D(2025, 2, 1),
        question="Do you approve?",
        subject=subject,
        yes=2,
        no=1,
        result="passed",
    )


def _signed(id_: str, on: pendulum.Date, **links: Any) -> Agreement:
    return Agreement(
        id=id_,
        title=id_.title(),
        stage="ceasefire",
        signatories=["us", "cn"],
        history=[StatusChange(status="signed", on=on)],
        **links,
    )


def test_a_snapshot_keeps_the_round_and_the_countered_proposal_it_keeps() -> None:
    """
    A proposal keeps its round, and a counter-proposal its ``counter_to``,
    once they are in the snapshot too.
    """
    held = Round(
        number=1,
        starts=D(2025, 1, 1),
        history=[StatusChange(status="held", on=D(2025, 1, 1))],
    )
    offer = Proposal(
        id="offer", proposed_by=["us"], made_on=D(2025, 1, 1), summary="A", round=1
    )
    counter = Proposal(
        id="counter",
        proposed_by=["cn"],
        made_on=D(2025, 1, 5),
        summary="B",
        counter_to="offer",
    )
    talks = _talks(rounds=[held], proposals=[offer, counter])
    assert talks.as_of(D(2025, 2, 1)).proposals == (offer, counter)


def test_a_snapshot_keeps_the_links_of_an_agreement_to_records_it_keeps() -> None:
    """
    An agreement's round, ``from_proposal``, ``amends`` and ``supersedes``
    stay once the records they name are in the snapshot too.
    """
    held = Round(
        number=1,
        starts=D(2025, 1, 10),
        history=[StatusChange(status="held", on=D(2025, 1, 10))],
    )
    offer = Proposal(
        id="offer", proposed_by=["us"], made_on=D(2025, 1, 10), summary="A", round=1
    )
    first = _signed("first", D(2025, 2, 1))
    second = _signed("second", D(2025, 3, 1))
    third = _signed(
        "third",
        D(2025, 4, 1),
        round=1,
        from_proposal="offer",
        amends=["first"],
        supersedes=["second"],
    )
    talks = _talks(rounds=[held], proposals=[offer], agreements=[first, second, third])
    assert talks.as_of(D(2025, 5, 1)).agreements == (first, second, third)


def test_a_snapshot_keeps_a_vote_on_each_kind_of_subject() -> None:
    """A vote on a proposal, an ultimatum, an agreement or a milestone keeps it."""
    talks = _talks(
        proposals=[
            Proposal(id="p", proposed_by=["us"], made_on=D(2025, 1, 10), summary="A")
        ],
        ultimatums=[
            Ultimatum(
                id="u",
                issued_by="us",
                addressed_to=["cn"],
                issued_at=D(2025, 1, 11),
                demand="Withdraw",
                deadline=Deadline.on(D(2025, 12, 1)),
            )
        ],
        agreements=[_signed("a", D(2025, 1, 12))],
        milestones=[
            Milestone(
                id="m",
                title="Talks",
                set_on=D(2025, 1, 13),
                deadline=Deadline.on(D(2025, 12, 1)),
            )
        ],
        votes=[
            _vote("on-p", "p"),
            _vote("on-u", "u"),
            _vote("on-a", "a"),
            _vote("on-m", "m"),
        ],
    )
    snapshot = talks.as_of(D(2025, 3, 1))
    assert [vote.subject for vote in snapshot.votes] == ["p", "u", "a", "m"]


def test_a_snapshot_drops_the_subject_of_a_vote_on_a_record_not_heard_of() -> None:
    """
    A vote on a milestone with no ``set_on`` (so no date to predate), known
    only by a step after the snapshot, is kept without its subject.
    """
    talks = _talks(
        milestones=[
            Milestone(
                id="m",
                title="Talks",
                deadline=Deadline.on(D(2025, 12, 1)),
                history=[StatusChange(status="met", on=D(2025, 6, 1))],
            )
        ],
        votes=[_vote("on-m", "m")],
    )
    snapshot = talks.as_of(D(2025, 3, 1))
    assert snapshot.milestones == ()
    assert [vote.subject for vote in snapshot.votes] == [None]


def test_a_snapshot_keeps_the_end_of_an_action_once_it_is_known() -> None:
    """An action's ``ends`` stays once known; before then it is left open."""
    action = Action(
        id="exchange",
        kind="cooperate",
        by=["us"],
        on=D(2025, 1, 1),
        ends=D(2025, 1, 5),
        summary="Prisoners exchanged",
    )
    talks = _talks(actions=[action])
    assert talks.as_of(D(2025, 1, 10)).actions == (action,)
    assert talks.as_of(D(2025, 1, 3)).actions[0].ends is None


def test_a_round_postponed_to_new_dates_keeps_them() -> None:
    """
    A round whose last known step postponed it keeps the dates it was
    postponed to: nothing after the snapshot set them.
    """
    postponed = Round(
        number=1,
        starts=D(2025, 1, 20),
        history=[
            StatusChange(status="scheduled", on=D(2025, 1, 1)),
            StatusChange(status="postponed", on=D(2025, 1, 3)),
        ],
    )
    talks = _talks(rounds=[postponed])
    assert talks.as_of(D(2025, 1, 4)).rounds == (postponed,)


def test_a_milestone_of_an_agreement_is_not_heard_of_by_an_undated_step() -> None:
    """
    A milestone with no ``set_on`` that an agreement sets is heard of with the
    agreement or by a dated step known, not by an undated step.
    """
    truce = _signed("truce", D(2025, 5, 12))
    talks_milestone = Milestone(
        id="talks",
        title="Talks",
        applies_to=["us"],
        deadline=Deadline.on(D(2025, 12, 1)),
        agreement="truce",
        history=[StatusChange(status="met")],
    )
    talks = _talks(agreements=[truce], milestones=[talks_milestone])
    assert talks.as_of(D(2025, 3, 1)).milestones == ()
    assert talks.as_of(D(2025, 6, 1)).milestones == (talks_milestone,)


class TestACompliance:
    """
    What a snapshot keeps of an ultimatum complied with, extended "in
    September" from 2 to 20 September: the compliance on the 10th shows the
    extension was made, unless an expiry before it said it was late.
    """

    FIRST = Deadline.on(D(2025, 9, 2))

    def _talks(self, *steps: tuple[str, pendulum.Date]) -> Negotiation:
        extended = Ultimatum(
            id="u",
            issued_by="us",
            addressed_to=["cn"],
            issued_at=D(2025, 7, 14),
            demand="Withdraw",
            deadline=Deadline.on(D(2025, 9, 20)),
            revisions=[
                DeadlineRevision(previous=self.FIRST, revised_on=PartialDate(2025, 9))
            ],
            history=[StatusChange(status=status, on=on) for status, on in steps],
        )
        return _talks(ultimatums=[extended])

    def test_after_a_first_step_that_restates_it_pending(self) -> None:
        """
        The compliance, not the first step, decides: pending on 1 August and
        complied with on 10 September, the ultimatum keeps the extension.
        """
        talks = self._talks(("pending", D(2025, 8, 1)), ("complied", D(2025, 9, 10)))
        [snapshot] = talks.as_of(D(2025, 9, 15)).ultimatums
        assert snapshot.deadline.due == D(2025, 9, 20)
        assert snapshot.revisions == talks.ultimatums[0].revisions

    def test_after_an_expiry_it_shows_nothing(self) -> None:
        """Expired on 3 September, then complied with: said late, no revision."""
        talks = self._talks(("expired", D(2025, 9, 3)), ("complied", D(2025, 9, 10)))
        [snapshot] = talks.as_of(D(2025, 9, 15)).ultimatums
        assert snapshot.deadline == self.FIRST
        assert snapshot.revisions == ()
