"""
A record whose deadline ran out comes back only with a revision of it.

An ultimatum that expired, or a milestone that was missed, is pending again
only with a new deadline: ``revise_deadline`` records both.  A history built
or read with the step back and no revision to answer it is refused, since
its deadline would still be the one that passed.
"""

from __future__ import annotations

import json
from typing import Any

import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Deadline,
    DeadlineRevision,
    Milestone,
    MilestoneStatus,
    Negotiation,
    PartialDate,
    Party,
    StatusChange,
    Ultimatum,
    UltimatumStatus,
    ValidationError,
    from_json,
    to_dict,
)


D = pendulum.date
US_DEADLINE = Deadline.after(D(2025, 7, 14), days=50)  # due 2 September 2025


def _ultimatum(**changes: Any) -> Ultimatum:
    fields: dict[str, Any] = {
        "id": "u",
        "issued_by": "us",
        "addressed_to": ["ru"],
        "issued_at": D(2025, 7, 14),
        "demand": "Ceasefire",
        "deadline": US_DEADLINE,
    }
    fields.update(changes)
    return Ultimatum(**fields)


def _step(status: str, on: object = None) -> StatusChange:
    return StatusChange(status=status, on=on)  # type: ignore[arg-type]


def _revision(on: object, previous: Deadline = US_DEADLINE) -> DeadlineRevision:
    return DeadlineRevision(previous=previous, revised_on=on)  # type: ignore[arg-type]


def _back(on: str, later: str = "") -> str:
    return (
        f"ultimatum 'u' cannot go back from 'expired' to 'pending'{on} with no "
        f"revision of its deadline made by then{later}: its deadline had passed, "
        "and revise_deadline records the new one with this step"
    )


def test_revise_deadline_brings_an_expired_ultimatum_back() -> None:
    """The methods' record is read again as it is, history and revision."""
    revived = (
        _ultimatum()
        .expire(on=D(2025, 9, 3))
        .revise_deadline(Deadline.on(D(2025, 9, 30)), on=D(2025, 9, 5))
    )
    assert revived.status is UltimatumStatus.PENDING
    again = _ultimatum(
        history=revived.history, revisions=revived.revisions, deadline=revived.deadline
    )
    assert again == revived


def test_pending_again_with_no_revision_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        _ultimatum(
            history=[_step("expired", D(2025, 9, 3)), _step("pending", D(2025, 9, 5))]
        )
    assert caught.value.errors == (("history[1].status", _back(" on 2025-09-05")),)


def test_a_revision_made_after_the_step_back_does_not_answer_it() -> None:
    """Pending again on 5 September, its new deadline set only on the 10th."""
    with pytest.raises(ValidationError) as caught:
        _ultimatum(
            history=[_step("expired", D(2025, 9, 3)), _step("pending", D(2025, 9, 5))],
            revisions=[_revision(D(2025, 9, 10))],
            deadline=Deadline.on(D(2025, 9, 30)),
        )
    later = " (revisions[0] was made later, 2025-09-10)"
    assert caught.value.errors == (
        ("history[1].status", _back(" on 2025-09-05", later)),
    )


def test_a_revision_made_before_the_deadline_passed_is_an_extension() -> None:
    """
    Extended on 1 September to the 4th, expired on the 5th, pending again
    on the 6th: the extension of the 1st came before the first deadline
    passed, and so did not bring it back.
    """
    with pytest.raises(ValidationError) as caught:
        _ultimatum(
            history=[_step("expired", D(2025, 9, 5)), _step("pending", D(2025, 9, 6))],
            revisions=[_revision(D(2025, 9, 1))],
            deadline=Deadline.on(D(2025, 9, 4)),
        )
    assert caught.value.errors == (("history[1].status", _back(" on 2025-09-06")),)


def test_an_undated_expiry_and_step_back() -> None:
    """Undated steps need the revision too: one after the deadline passed."""
    undated = [_step("expired"), _step("pending")]
    with pytest.raises(ValidationError) as caught:
        _ultimatum(history=undated)
    assert caught.value.errors == (("history[1].status", _back("")),)
    revived = _ultimatum(
        history=undated,
        revisions=[_revision(D(2025, 9, 5))],
        deadline=Deadline.on(D(2025, 9, 30)),
    )
    assert revived.status is UltimatumStatus.PENDING
    with pytest.raises(ValidationError) as early:
        _ultimatum(
            history=undated,
            revisions=[_revision(D(2025, 8, 20))],
            deadline=Deadline.on(D(2025, 9, 30)),
        )
    assert early.value.errors == (("history[1].status", _back("")),)


def test_each_step_back_takes_a_revision_of_its_own() -> None:
    """Revived on 5 September to the 10th, expired again, back on the 12th."""
    second = Deadline.on(D(2025, 9, 10))
    history = [
        _step("expired", D(2025, 9, 3)),
        _step("pending", D(2025, 9, 5)),
        _step("expired", D(2025, 9, 11)),
        _step("pending", D(2025, 9, 12)),
    ]
    with pytest.raises(ValidationError) as caught:
        _ultimatum(
            history=history, revisions=[_revision(D(2025, 9, 5))], deadline=second
        )
    assert caught.value.errors == (("history[3].status", _back(" on 2025-09-12")),)
    twice = _ultimatum(
        history=history,
        revisions=[_revision(D(2025, 9, 5)), _revision(D(2025, 9, 12), second)],
        deadline=Deadline.on(D(2025, 9, 30)),
    )
    assert twice.status is UltimatumStatus.PENDING
    assert twice.deadline.due == D(2025, 9, 30)


def test_a_missed_milestone_pending_again() -> None:
    """The Article 50 period, missed and extended on 11 April 2019."""
    first = Deadline.on(D(2019, 4, 12), tz="Europe/Brussels")
    history = [_step("missed", D(2019, 4, 13)), _step("pending", D(2019, 4, 14))]
    fields: dict[str, Any] = {
        "id": "article-50",
        "title": "Article 50 period",
        "set_on": D(2017, 3, 29),
        "deadline": first,
        "history": history,
    }
    with pytest.raises(ValidationError) as caught:
        Milestone(**fields)
    assert caught.value.errors == (
        (
            "history[1].status",
            "milestone 'article-50' cannot go back from 'missed' to 'pending' on "
            "2019-04-14 with no revision of its deadline made by then: its deadline "
            "had passed, and revise_deadline records the new one with this step",
        ),
    )
    fields["revisions"] = [_revision(D(2019, 4, 14), first)]
    fields["deadline"] = Deadline.on(D(2019, 10, 31), tz="Europe/Brussels")
    assert Milestone(**fields).status is MilestoneStatus.PENDING


def test_an_agreement_may_come_back_into_force_without_an_extension() -> None:
    """As documented: a decision that restores it, its expiry still the one that passed."""
    truce = Agreement(
        id="truce",
        title="Tariff truce",
        stage="ceasefire",
        history=[
            _step("in-force", D(2025, 5, 14)),
            _step("expired", D(2025, 8, 13)),
            _step("in-force", D(2025, 8, 20)),
        ],
        expires=Deadline.on(D(2025, 8, 12)),
    )
    assert truce.status.value == "in-force"
    assert truce.expires is not None
    assert truce.expires.due == D(2025, 8, 12)


def _talks(ultimatum: Ultimatum) -> Negotiation:
    return Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="United States", kind="state"),
            Party(id="ru", name="Russia", kind="state"),
        ],
        ultimatums=[ultimatum],
    )


def test_a_document_with_a_step_back_and_no_revision_is_refused() -> None:
    revived = (
        _ultimatum()
        .expire(on=D(2025, 9, 3))
        .revise_deadline(Deadline.on(D(2025, 9, 30)), on=D(2025, 9, 5))
    )
    data = to_dict(_talks(revived))
    data["ultimatums"][0]["revisions"] = []
    data["ultimatums"][0]["deadline"] = to_dict(US_DEADLINE)
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, json.dumps(data))
    assert caught.value.errors == (
        ("ultimatums[0].history[1].status", _back(" on 2025-09-05")),
    )


def test_a_snapshot_keeps_the_revision_a_known_step_back_shows() -> None:
    """
    Pending again on 5 September by a revision dated only "September": on
    the 10th the month has not passed, but the step back is known, and it
    shows the revision was made, so the snapshot keeps it (a valid record,
    its deadline the new one).  On the 4th neither is known.
    """
    ultimatum = _ultimatum(
        history=[_step("expired", D(2025, 9, 3)), _step("pending", D(2025, 9, 5))],
        revisions=[_revision(PartialDate(2025, 9))],
        deadline=Deadline.on(D(2025, 9, 30)),
    )
    talks = _talks(ultimatum)
    [then] = talks.as_of(D(2025, 9, 10)).ultimatums
    assert then.status is UltimatumStatus.PENDING
    assert then.revisions == ultimatum.revisions
    assert then.deadline.due == D(2025, 9, 30)
    [before] = talks.as_of(D(2025, 9, 4)).ultimatums
    assert before.status is UltimatumStatus.EXPIRED
    assert before.revisions == ()
    assert before.deadline == US_DEADLINE
