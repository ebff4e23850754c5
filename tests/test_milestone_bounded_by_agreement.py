"""
A milestone that an agreement sets did not exist before that agreement was
first dated, even when the record does not say when it was set: its
deadline is not revised before then, and no vote on it is dated before
then.  Greece 2015: the euro summit statement of 13 July set the prior
actions to be legislated by 15 July; the Hellenic Parliament voted on them
in the night of 15 to 16 July.  A record with the deadline revised on
1 July, or a vote on the prior actions on 10 July, is refused.
"""

from __future__ import annotations

import attrs
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
    from_json,
    to_dict,
    to_json,
)


D = pendulum.date
SUMMIT_DAY = pendulum.datetime(2015, 7, 13, 8, 45, tz="Europe/Brussels")
PARTIES = [
    Party(id="greece", name="Greece", kind="state"),
    Party(id="euro-area", name="Euro area", kind="organization"),
    Party(id="hellenic-parliament", name="Hellenic Parliament", kind="organization"),
]
STATEMENT = Agreement(
    id="euro-summit-statement",
    title="Euro Summit Statement",
    stage="framework",
    signatories=["greece", "euro-area"],
    history=[StatusChange(status="signed", on=SUMMIT_DAY)],
)
PRIOR_ACTIONS = Milestone(
    id="prior-actions",
    title="First prior actions legislated",
    agreement="euro-summit-statement",
    applies_to=["greece"],
    deadline=Deadline.on(D(2015, 7, 15), tz="Europe/Athens"),
)
AFTER = "the agreement, 'euro-summit-statement' (first dated 2015-07-13T08:45:00+02:00[Europe/Brussels])"


def revised(
    on: pendulum.Date, set_on: pendulum.Date | PartialDate | None = None
) -> Milestone:
    """The prior actions, given one more day on *on* (set on *set_on*)."""
    return attrs.evolve(PRIOR_ACTIONS, set_on=set_on).revise_deadline(
        Deadline.on(D(2015, 7, 16), tz="Europe/Athens"), on=on
    )


def vote(on: pendulum.Date) -> Vote:
    """The parliament's vote on the prior actions, on *on*."""
    return Vote(
        id="prior-actions-vote",
        body="hellenic-parliament",
        on=on,
        question="Approve the first prior actions",
        subject="prior-actions",
        yes=229,
        no=64,
        abstain=6,
        members=300,
        threshold="simple-majority",
        result="passed",
    )


def record(milestone: Milestone = PRIOR_ACTIONS, *votes: Vote) -> Negotiation:
    """The talks with the statement, *milestone* and *votes*."""
    return Negotiation(
        id="greece-2015",
        title="Greece and its creditors, 2015",
        parties=PARTIES,
        agreements=[STATEMENT],
        milestones=[milestone],
        votes=list(votes),
    )


REVISION_MESSAGE = (
    "milestones[0].revisions[0].revised_on: a milestone an agreement sets cannot be "
    f"revised (2015-07-01) before {AFTER}"
)
VOTE_MESSAGE = (
    "votes[0].on: a vote (2015-07-10) cannot predate the milestone it is on, "
    "'prior-actions' (set by the agreement 'euro-summit-statement', first dated "
    "2015-07-13T08:45:00+02:00[Europe/Brussels])"
)


def test_revised_and_voted_on_after_the_statement() -> None:
    """The true record: revised on 14 July, voted on 15 July; it round-trips."""
    talks = record(revised(D(2015, 7, 14)), vote(D(2015, 7, 15)))
    assert talks.milestone("prior-actions").deadline.due.day == 16
    assert from_json(Negotiation, to_json(talks)) == talks


def test_revised_on_the_day_of_the_statement() -> None:
    """13 July may be after 08:45 in Brussels: not refused."""
    record(revised(D(2015, 7, 13)), vote(D(2015, 7, 13)))


def test_revised_before_the_agreement_is_refused() -> None:
    """Built whole, added by with_milestone, or read: the revision is named."""
    with pytest.raises(ValidationError) as caught:
        record(revised(D(2015, 7, 1)))
    assert str(caught.value) == REVISION_MESSAGE
    with pytest.raises(ValidationError) as caught:
        record().with_milestone(revised(D(2015, 7, 1)))
    assert str(caught.value) == REVISION_MESSAGE
    data = to_dict(record(revised(D(2015, 7, 14))))
    data["milestones"][0]["revisions"][0]["revised_on"] = "2015-07-01"
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, to_json(data))
    assert str(caught.value) == REVISION_MESSAGE


def test_set_on_does_not_hide_an_early_revision() -> None:
    """
    Set "July 2015", which may hold 13 July, and revised on 1 July, which
    "July 2015" does not settle as before it: the revision still predates
    the agreement, and only that is reported.
    """
    with pytest.raises(ValidationError) as caught:
        record(revised(D(2015, 7, 1), set_on=PartialDate(2015, 7)))
    assert str(caught.value) == REVISION_MESSAGE


def test_revision_before_set_on_is_reported_once() -> None:
    """
    Read with a revision before the milestone was set (and the agreement):
    the milestone's own rule says so, and the whole-record rule adds nothing.
    """
    data = to_dict(record(revised(D(2015, 7, 14), set_on=D(2015, 7, 13))))
    data["milestones"][0]["revisions"][0]["revised_on"] = "2015-07-01"
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, to_json(data))
    assert caught.value.errors == (
        (
            "milestones[0].revisions[0].revised_on",
            "2015-07-01 is before the milestone was set (2015-07-13)",
        ),
    )


def test_vote_before_the_agreement_is_refused() -> None:
    """
    A vote on a milestone with no set_on is held to the first date of the
    agreement that sets it: built whole, added by with_vote, or read.
    """
    with pytest.raises(ValidationError) as caught:
        record(PRIOR_ACTIONS, vote(D(2015, 7, 10)))
    assert str(caught.value) == VOTE_MESSAGE
    with pytest.raises(ValidationError) as caught:
        record().with_vote(vote(D(2015, 7, 10)))
    assert str(caught.value) == VOTE_MESSAGE
    data = to_dict(record(PRIOR_ACTIONS, vote(D(2015, 7, 15))))
    data["votes"][0]["on"] = "2015-07-10"
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, to_json(data))
    assert str(caught.value) == VOTE_MESSAGE


def test_agreement_redated_after_a_vote_on_its_milestone_is_refused() -> None:
    """
    with_agreement giving the statement a later first date than a vote on
    the milestone it sets: refused, as the whole check would.
    """
    talks = record(PRIOR_ACTIONS, vote(D(2015, 7, 15)))
    later = attrs.evolve(
        STATEMENT, history=[StatusChange(status="signed", on=D(2015, 7, 17))]
    )
    with pytest.raises(ValidationError) as caught:
        talks.with_agreement(later)
    assert caught.value.errors == (
        (
            "votes[0].on",
            "a vote (2015-07-15) cannot predate the milestone it is on, "
            "'prior-actions' (set by the agreement 'euro-summit-statement', "
            "first dated 2015-07-17)",
        ),
    )


def test_set_on_is_what_a_vote_is_held_to() -> None:
    """With set_on, the vote is held to it (as before), in its own words."""
    with pytest.raises(ValidationError) as caught:
        record(attrs.evolve(PRIOR_ACTIONS, set_on=D(2015, 7, 14)), vote(D(2015, 7, 13)))
    assert caught.value.errors == (
        (
            "votes[0].on",
            "a vote (2015-07-13) cannot predate the milestone it is on, "
            "'prior-actions' (set 2015-07-14)",
        ),
    )


def test_undated_agreement_lets_it_be() -> None:
    """An agreement with no dated step bounds nothing."""
    undated = attrs.evolve(STATEMENT, history=[])
    Negotiation(
        id="greece-2015",
        title="Greece and its creditors, 2015",
        parties=PARTIES,
        agreements=[undated],
        milestones=[revised(D(2015, 7, 1))],
        votes=[vote(D(2015, 7, 10))],
    )
