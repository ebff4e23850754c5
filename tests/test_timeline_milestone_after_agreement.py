"""
A milestone an agreement sets is listed after that agreement's first dated
step: the US-Taliban agreement signed in Doha on 29 February 2020 set the
14-month withdrawal clock and the 135-day first phase that day, and the
timeline reads "signed", then the milestones.
"""

from __future__ import annotations

import pendulum

from negotiation_records import (
    Agreement,
    Deadline,
    Milestone,
    Negotiation,
    PartialDate,
    Party,
    StatusChange,
)


D = pendulum.date
PARTIES = [
    Party(id="united-states", name="United States", kind="state"),
    Party(id="taliban", name="Taliban", kind="group"),
]
SIGNED_AT = pendulum.datetime(2020, 2, 29, 16, 0, tz="Asia/Qatar")


SIGNED_ON = D(2020, 2, 29)


def doha(signed: pendulum.Date | pendulum.DateTime = SIGNED_ON) -> Agreement:
    """The agreement, signed on *signed*."""
    return Agreement(
        id="doha-agreement",
        title="Agreement for Bringing Peace to Afghanistan",
        stage="framework",
        signatories=["united-states", "taliban"],
        history=[StatusChange(status="signed", on=signed)],
    )


def withdrawal(set_on: pendulum.Date | PartialDate | None) -> Milestone:
    """The 14-month clock, set on *set_on* by the agreement."""
    return Milestone(
        id="withdrawal",
        title="All foreign forces withdrawn",
        agreement="doha-agreement",
        applies_to=["united-states"],
        set_on=set_on,
        deadline=Deadline.after(D(2020, 2, 29), months=14, tz="Asia/Kabul"),
    )


PHASE_ONE = Milestone(
    id="phase-one",
    title="First phase of the withdrawal",
    agreement="doha-agreement",
    applies_to=["united-states"],
    deadline=Deadline.after(D(2020, 2, 29), days=135, tz="Asia/Kabul"),
    history=[StatusChange(status="pending", on=D(2020, 2, 29))],
)


def order(agreement: Agreement, *milestones: Milestone) -> list[tuple[str, str]]:
    """The kinds and ids of the timeline's events of February 2020."""
    talks = Negotiation(
        id="doha",
        title="US-Taliban talks",
        parties=PARTIES,
        agreements=[agreement],
        milestones=list(milestones),
    )
    return [
        (event.kind.value, str(event.record_id))
        for event in talks.timeline()
        if str(event.moment).startswith("2020-02")
    ]


def test_set_the_day_it_was_signed() -> None:
    """Set that day, or first dated by a step that day: after the signature."""
    assert order(doha(), withdrawal(D(2020, 2, 29)), PHASE_ONE) == [
        ("status", "doha-agreement"),
        ("milestone", "withdrawal"),
        ("status", "phase-one"),
    ]


def test_set_that_day_of_a_signature_at_a_time() -> None:
    """
    Signed at 16:00 in Doha: a milestone dated by the day alone, which
    would come first among that day's events, follows the signature.
    """
    assert order(doha(SIGNED_AT), withdrawal(D(2020, 2, 29))) == [
        ("status", "doha-agreement"),
        ("milestone", "withdrawal"),
    ]


def test_set_in_the_month_it_was_signed() -> None:
    """
    Set "February 2020" (it may be the 29th): listed after the signature,
    still shown as the month, as a response dated by a month follows what
    it answers.
    """
    talks = Negotiation(
        id="doha",
        title="US-Taliban talks",
        parties=PARTIES,
        agreements=[doha()],
        milestones=[withdrawal(PartialDate(2020, 2))],
    )
    events = talks.timeline()
    assert [(str(e.moment), e.kind.value) for e in events[:2]] == [
        ("2020-02-29", "status"),
        ("2020-02", "milestone"),
    ]


def test_set_on_a_later_day_keeps_its_day() -> None:
    """Set two days later: on its own day, as before."""
    talks = Negotiation(
        id="doha",
        title="US-Taliban talks",
        parties=PARTIES,
        agreements=[doha()],
        milestones=[withdrawal(D(2020, 3, 2))],
    )
    assert [(str(e.moment), e.kind.value) for e in talks.timeline()[:2]] == [
        ("2020-02-29", "status"),
        ("2020-03-02", "milestone"),
    ]
