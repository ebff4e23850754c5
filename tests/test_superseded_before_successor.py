"""
An agreement is not superseded before the text that supersedes it was first
dated.  Colombia 2016: the Cartagena accord (signed 26 September) was
rejected in the plebiscite of 2 October and superseded by the revised text,
drafted on 12 November and signed on 24 November; a record that has it
superseded on 1 October, while naming the revised text as what superseded it,
is refused.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Negotiation,
    PartialDate,
    Party,
    StatusChange,
    ValidationError,
    from_json,
    to_dict,
    to_json,
)


D = pendulum.date
PARTIES = [
    Party(id="colombia", name="Government of Colombia", kind="state"),
    Party(id="farc", name="FARC-EP", kind="group"),
]
REVISED = Agreement(
    id="revised-accord",
    title="Final Agreement (Teatro Colón)",
    stage="comprehensive",
    signatories=["colombia", "farc"],
    history=[
        StatusChange(status="drafted", on=D(2016, 11, 12)),
        StatusChange(status="signed", on=D(2016, 11, 24)),
    ],
    supersedes=["final-accord"],
)
MESSAGE = (
    "agreements[0].history[1].on: agreement 'final-accord' cannot be superseded "
    "(2016-10-01) before the agreement that supersedes it, 'revised-accord', "
    "was first dated (2016-11-12)"
)


def cartagena(superseded: pendulum.Date | PartialDate) -> Agreement:
    """The first accord, superseded on *superseded*."""
    return Agreement(
        id="final-accord",
        title="Final Agreement (Cartagena)",
        stage="comprehensive",
        signatories=["colombia", "farc"],
        history=[
            StatusChange(status="signed", on=D(2016, 9, 26)),
            StatusChange(status="superseded", on=superseded),
        ],
    )


def record(*agreements: Agreement) -> Negotiation:
    """The process with *agreements*."""
    return Negotiation(id="c", title="C", parties=PARTIES, agreements=list(agreements))


def test_superseded_when_the_revised_text_was_signed() -> None:
    """The true record: superseded on 24 November; it round-trips."""
    talks = record(cartagena(D(2016, 11, 24)), REVISED)
    assert talks.agreement("final-accord").status.value == "superseded"
    assert from_json(Negotiation, to_json(talks)) == talks


def test_superseded_on_the_first_day_of_the_successor() -> None:
    """The day the successor was first dated is not before it."""
    record(cartagena(D(2016, 11, 12)), REVISED)


def test_a_month_that_may_hold_the_first_day_is_not_before_it() -> None:
    """'November 2016' may be 12 November or later: accepted."""
    record(cartagena(PartialDate(2016, 11)), REVISED)


def test_superseded_before_the_successor_existed_is_refused() -> None:
    """Built whole: the step is named, with both dates."""
    with pytest.raises(ValidationError) as caught:
        record(cartagena(D(2016, 10, 1)), REVISED)
    assert str(caught.value) == MESSAGE


def test_added_successor_is_checked() -> None:
    """with_agreement checks the texts the added one supersedes."""
    with pytest.raises(ValidationError) as caught:
        record(cartagena(D(2016, 10, 1))).with_agreement(REVISED)
    assert str(caught.value) == MESSAGE


def test_replaced_superseded_text_is_checked() -> None:
    """
    with_agreement of the superseded text itself, its step moved before the
    successor existed, is refused; moved to a later day, it is kept.
    """
    talks = record(cartagena(D(2016, 11, 24)), REVISED)
    with pytest.raises(ValidationError) as caught:
        talks.with_agreement(cartagena(D(2016, 10, 1)))
    assert str(caught.value) == MESSAGE
    later = talks.with_agreement(cartagena(D(2016, 11, 30)))
    assert later.agreement("final-accord").status_on == D(2016, 11, 30)


def test_replaced_successor_first_dated_later_is_checked() -> None:
    """
    with_agreement of the successor, now first dated after the step that
    says it superseded the older text, is refused.
    """
    talks = record(cartagena(D(2016, 11, 24)), REVISED)
    redated = attrs.evolve(
        REVISED, history=[StatusChange(status="drafted", on=D(2016, 12, 1))]
    )
    with pytest.raises(ValidationError) as caught:
        talks.with_agreement(redated)
    assert str(caught.value) == (
        "agreements[0].history[1].on: agreement 'final-accord' cannot be "
        "superseded (2016-11-24) before the agreement that supersedes it, "
        "'revised-accord', was first dated (2016-12-01)"
    )


def test_loaded_document_is_refused() -> None:
    """Loading checks it too."""
    data = to_dict(record(cartagena(D(2016, 10, 1))))
    data["agreements"].append(to_dict(REVISED))
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, to_json(data))
    assert str(caught.value) == MESSAGE


def test_an_undated_or_earlier_successor_lets_it_be() -> None:
    """
    Another text that supersedes it and is undated, or dated early enough,
    may be the one that replaced it then: not refused.
    """
    undated = Agreement(
        id="interim", title="Interim text", stage="partial", supersedes=["final-accord"]
    )
    earlier = Agreement(
        id="interim",
        title="Interim text",
        stage="partial",
        history=[StatusChange(status="drafted", on=D(2016, 9, 30))],
        supersedes=["final-accord"],
    )
    record(cartagena(D(2016, 10, 1)), REVISED, undated)
    record(cartagena(D(2016, 10, 1)), REVISED, earlier)


def test_no_successor_named_is_not_checked() -> None:
    """Superseded by a text the record does not hold: nothing to compare."""
    record(cartagena(D(2016, 10, 1)))
