"""
A milestone that an agreement sets is not set before that agreement was
first dated, as a vote on an agreement does not predate it: the Colombia-FARC
accord's D+180 (laying down of arms) was set by the revised text, signed on
24 November 2016, not before.
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
    from_json,
    to_dict,
    to_json,
)
from negotiation_records.serialization import converter


D = pendulum.date
PARTIES = [
    Party(id="colombia", name="Government of Colombia", kind="state"),
    Party(id="farc", name="FARC-EP", kind="group"),
]
ACCORD = Agreement(
    id="revised-accord",
    title="Final Agreement (Teatro Colón)",
    stage="comprehensive",
    signatories=["colombia", "farc"],
    history=[
        StatusChange(status="signed", on=D(2016, 11, 24)),
        StatusChange(status="in-force", on=D(2016, 12, 1)),
    ],
)
MESSAGE = (
    "milestones[0].set_on: a milestone an agreement sets (2016-11-01) cannot "
    "predate the agreement, 'revised-accord' (first dated 2016-11-24)"
)


def handover(set_on: pendulum.Date) -> Milestone:
    """D+180, set on *set_on* by the revised accord."""
    return Milestone(
        id="d-plus-180",
        title="Laying down of arms complete (D+180)",
        agreement="revised-accord",
        applies_to=["farc"],
        set_on=set_on,
        deadline=Deadline.after(D(2016, 12, 1), days=180, tz="America/Bogota"),
    )


def test_set_on_the_day_the_agreement_is_first_dated() -> None:
    """Set on the day of the signature: accepted, and it round-trips."""
    talks = Negotiation(
        id="c",
        title="C",
        parties=PARTIES,
        agreements=[ACCORD],
        milestones=[handover(D(2016, 11, 24))],
    )
    assert talks.milestone("d-plus-180").deadline.due == D(2017, 5, 30)
    assert from_json(Negotiation, to_json(talks)) == talks


def test_set_before_the_agreement_is_refused() -> None:
    """Built whole: the milestone's set_on is named, with both dates."""
    with pytest.raises(ValidationError) as caught:
        Negotiation(
            id="c",
            title="C",
            parties=PARTIES,
            agreements=[ACCORD],
            milestones=[handover(D(2016, 11, 1))],
        )
    assert str(caught.value) == MESSAGE


def test_added_later_is_refused() -> None:
    """with_milestone checks the added milestone against the agreement."""
    talks = Negotiation(id="c", title="C", parties=PARTIES, agreements=[ACCORD])
    with pytest.raises(ValidationError) as caught:
        talks.with_milestone(handover(D(2016, 11, 1)))
    assert str(caught.value) == MESSAGE


def test_agreement_dated_later_by_with_agreement_is_refused() -> None:
    """An undated agreement given its first date after the milestone was set."""
    undated = attrs.evolve(ACCORD, history=[])
    talks = Negotiation(
        id="c",
        title="C",
        parties=PARTIES,
        agreements=[undated],
        milestones=[handover(D(2016, 11, 1))],
    )
    assert talks.as_of(D(2016, 11, 2)).milestones[0].agreement == "revised-accord"
    with pytest.raises(ValidationError) as caught:
        talks.with_agreement(ACCORD)
    assert str(caught.value) == MESSAGE


def test_loaded_document_is_refused() -> None:
    """Loading a document checks it too (the fast path for known references)."""
    undated = attrs.evolve(ACCORD, history=[])
    talks = Negotiation(
        id="c",
        title="C",
        parties=PARTIES,
        agreements=[undated],
        milestones=[handover(D(2016, 11, 1))],
    )
    data = to_dict(talks)
    data["agreements"][0]["history"] = converter.unstructure(ACCORD.history)
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, to_json(data))
    assert str(caught.value) == MESSAGE


def test_without_set_on_its_first_dated_change_counts() -> None:
    """
    No set_on: the milestone is first dated by its first dated status
    change, which is named when it predates the agreement; one dated after
    the signature is accepted.
    """
    unset = attrs.evolve(handover(D(2016, 11, 24)), set_on=None)
    early = attrs.evolve(
        unset,
        history=[
            StatusChange(status="pending"),
            StatusChange(status="met", on=D(2016, 11, 1)),
        ],
    )
    with pytest.raises(ValidationError) as caught:
        Negotiation(
            id="c", title="C", parties=PARTIES, agreements=[ACCORD], milestones=[early]
        )
    assert caught.value.errors == (
        (
            "milestones[0].history[1].on",
            "a milestone an agreement sets (2016-11-01) cannot predate the "
            "agreement, 'revised-accord' (first dated 2016-11-24)",
        ),
    )
    late = attrs.evolve(unset, history=[StatusChange(status="met", on=D(2017, 6, 27))])
    talks = Negotiation(
        id="c", title="C", parties=PARTIES, agreements=[ACCORD], milestones=[late]
    )
    assert from_json(Negotiation, to_json(talks)) == talks


def test_undated_or_unset_is_not_checked() -> None:
    """No date at all, or an agreement with no dated step: nothing to compare."""
    no_set_on = attrs.evolve(handover(D(2016, 11, 24)), set_on=None)
    Negotiation(
        id="c", title="C", parties=PARTIES, agreements=[ACCORD], milestones=[no_set_on]
    )
    Negotiation(
        id="c",
        title="C",
        parties=PARTIES,
        agreements=[attrs.evolve(ACCORD, history=[])],
        milestones=[handover(D(2016, 11, 1))],
    )


def test_a_month_that_holds_the_first_date_is_not_before_it() -> None:
    """'November 2016' may be the day of the signature: not refused."""
    talks = Negotiation(
        id="c",
        title="C",
        parties=PARTIES,
        agreements=[ACCORD],
        milestones=[
            attrs.evolve(handover(D(2016, 11, 24)), set_on=PartialDate(2016, 11))
        ],
    )
    assert talks.milestones[0].set_on == PartialDate(2016, 11)
