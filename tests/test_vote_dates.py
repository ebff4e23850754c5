"""
A vote is not dated before what it is on: the proposal made, the ultimatum
issued, the agreement's first dated status change, the milestone set.

A plebiscite recorded a year before the accord it approved was accepted, and
the record "as of" the day of the vote then showed it on nothing.
"""

from __future__ import annotations

import json
from typing import Any

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
    Proposal,
    StatusChange,
    Ultimatum,
    ValidationError,
    Vote,
    from_json,
    to_json,
)


D = pendulum.date
PARTIES = [
    Party(id="colombia", name="Colombia", kind="state"),
    Party(id="farc", name="FARC-EP", kind="group"),
]
ACCORD = Agreement(
    id="final-accord",
    title="Final accord",
    stage="comprehensive",
    signatories=["colombia", "farc"],
    history=[StatusChange(status="signed", on=D(2016, 9, 26))],
)
OFFER = Proposal(
    id="offer",
    proposed_by=["farc"],
    addressed_to=["colombia"],
    made_on=pendulum.datetime(2016, 5, 1, 12, tz="America/Bogota"),
    summary="A bilateral ceasefire",
)
DEMAND = Ultimatum(
    id="demand",
    issued_by="colombia",
    addressed_to=["farc"],
    issued_at=D(2016, 5, 1),
    demand="Lay down arms",
    deadline=Deadline.on(D(2016, 12, 1)),
)
CLOCK = Milestone(
    id="clock",
    title="Weapons handed over",
    set_on=D(2016, 11, 24),
    deadline=Deadline.on(D(2017, 6, 27)),
)


def vote(subject: str | None, on: Any) -> Vote:
    return Vote(
        id="plebiscite",
        body="Electorate",
        on=on,
        question="Do you support the final accord?",
        subject=subject,
        yes=6_377_482,
        no=6_431_376,
        result="failed",
    )


def talks(*votes: Vote) -> Negotiation:
    return Negotiation(
        id="colombia-farc",
        title="Havana talks",
        parties=PARTIES,
        proposals=[OFFER],
        ultimatums=[DEMAND],
        agreements=[ACCORD],
        milestones=[CLOCK],
        votes=list(votes),
    )


def refused(build: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        build()
    return list(caught.value.errors)


@pytest.mark.parametrize(
    ("subject", "on", "words"),
    [
        (
            "final-accord",
            D(2015, 10, 2),
            "agreement it is on, 'final-accord' (first dated 2016-09-26)",
        ),
        (
            "offer",
            D(2016, 4, 30),
            "proposal it is on, 'offer' (made 2016-05-01T12:00:00-05:00[America/Bogota])",
        ),
        (
            "demand",
            PartialDate(2016, 4),
            "ultimatum it is on, 'demand' (issued 2016-05-01)",
        ),
        ("clock", D(2016, 11, 23), "milestone it is on, 'clock' (set 2016-11-24)"),
    ],
)
def test_a_vote_before_what_it_is_on_is_refused(
    subject: str, on: Any, words: str
) -> None:
    """Each kind of subject, its first date named; a month wholly before it is before it."""
    shown = on if isinstance(on, PartialDate) else on.isoformat()
    assert refused(lambda: talks(vote(subject, on))) == [
        ("votes[0].on", f"a vote ({shown}) cannot predate the {words}")
    ]


@pytest.mark.parametrize(
    ("subject", "on"),
    [
        ("final-accord", D(2016, 9, 26)),  # the day it was signed
        ("offer", D(2016, 5, 1)),  # the day it was made, at noon
        ("demand", PartialDate(2016, 5)),  # a month that holds the day
        ("demand", PartialDate(2016)),
        ("clock", pendulum.datetime(2016, 11, 24, 9, tz="America/Bogota")),
        (None, D(1900, 1, 1)),
    ],
)
def test_a_vote_on_or_maybe_after_that_day_is_kept(
    subject: str | None, on: Any
) -> None:
    """Only a vote certainly before the first date is refused."""
    assert talks(vote(subject, on)).votes[0].on == on


def test_a_subject_with_no_first_date_is_not_compared() -> None:
    """An agreement with no dated step and a milestone with no ``set_on`` give no date."""
    undated = attrs.evolve(ACCORD, history=[StatusChange(status="signed")])
    unset = attrs.evolve(CLOCK, set_on=None)
    record = attrs.evolve(
        talks(),
        agreements=[undated],
        milestones=[unset],
        votes=[
            vote("final-accord", D(1990, 1, 1)),
            attrs.evolve(vote("clock", D(1990, 1, 1)), id="second"),
        ],
    )
    assert len(record.votes) == 2


def test_a_subject_shared_by_two_records_is_only_reported_as_shared() -> None:
    """No first date is read for an id that names two records."""
    twin = attrs.evolve(CLOCK, id="final-accord")
    errors = refused(
        lambda: attrs.evolve(
            talks(), milestones=[twin], votes=[vote("final-accord", D(2000, 1, 1))]
        )
    )
    assert [path for path, _ in errors] == ["votes[0].subject"]


def test_a_document_is_refused_alike() -> None:
    """A document read (references all known, the quick path) reports the same."""
    good = talks(vote("final-accord", D(2016, 10, 2)))
    data = json.loads(to_json(good))
    data["votes"][0]["on"] = "2015-10-02"
    errors = refused(lambda: from_json(Negotiation, json.dumps(data)))
    assert errors == refused(lambda: talks(vote("final-accord", D(2015, 10, 2))))


def test_adding_a_vote_or_moving_a_milestone_is_checked() -> None:
    """``with_vote`` checks the new vote; a milestone replaced with a later
    ``set_on`` is refused at the vote it would then predate."""
    record = talks(vote("final-accord", D(2016, 10, 2)))
    early = attrs.evolve(vote("offer", D(2016, 4, 1)), id="early")
    assert refused(lambda: record.with_vote(early)) == [
        (
            "votes[1].on",
            "a vote (2016-04-01) cannot predate the proposal it is on, 'offer' "
            "(made 2016-05-01T12:00:00-05:00[America/Bogota])",
        )
    ]
    on_clock = record.with_vote(
        attrs.evolve(vote("clock", D(2016, 12, 1)), id="on-clock")
    )
    later = attrs.evolve(CLOCK, set_on=D(2016, 12, 2))
    assert refused(lambda: on_clock.with_milestone(later)) == [
        (
            "votes[1].on",
            "a vote (2016-12-01) cannot predate the milestone it is on, 'clock' "
            "(set 2016-12-02)",
        )
    ]
    assert on_clock.with_milestone(
        attrs.evolve(CLOCK, set_on=D(2016, 12, 1))
    ).votes == (on_clock.votes)
