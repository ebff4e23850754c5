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


def _back(on: str, later: str = "", label: str = "ultimatum 'u'") -> str:
    ran_out = "'missed'" if label.startswith("milestone") else "'expired'"
    return (
        f"{label} cannot go back from {ran_out} to 'pending'{on}: no revision of "
        "its deadline brings it back (one made after the deadline it replaced "
        f"passed, no earlier than the {ran_out} step and no later than this "
        f"one{later}); revise_deadline records the new deadline with this step"
    )


def _early(on: str, cutoff: str, label: str = "ultimatum 'u'") -> str:
    return (
        f"{on} is before the deadline it replaces passed ({cutoff}), so {label} "
        "was not expired yet; a revision that brings it back comes after its "
        "deadline passed"
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
    later = "; revisions[0] was made later, on 2025-09-10"
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
            _back(" on 2019-04-14", label="milestone 'article-50'"),
        ),
    )
    fields["revisions"] = [_revision(D(2019, 4, 14), first)]
    fields["deadline"] = Deadline.on(D(2019, 10, 31), tz="Europe/Brussels")
    assert Milestone(**fields).status is MilestoneStatus.PENDING


def _tariff_truce(*steps: StatusChange) -> Agreement:
    """In force from 14 May 2025, its expiry 12 August, then *steps*."""
    return Agreement(
        id="truce",
        title="Tariff truce",
        stage="ceasefire",
        history=[_step("in-force", D(2025, 5, 14)), *steps],
        expires=Deadline.on(D(2025, 8, 12)),
    )


def test_an_agreement_may_come_back_into_force_without_an_extension() -> None:
    """As documented: a decision that restores it, its expiry still the one that passed."""
    truce = _tariff_truce(
        _step("expired", D(2025, 8, 13)), _step("in-force", D(2025, 8, 20))
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


def test_revise_deadline_before_the_deadline_passed_does_not_bring_it_back() -> None:
    """
    Marked expired "in September", its deadline due 2 September: a revision
    on 1 September came before the deadline passed, so the ultimatum had
    not expired then, and the method says so at the revision's date.
    """
    lapsed = _ultimatum().expire(on=PartialDate(2025, 9))
    with pytest.raises(ValidationError) as caught:
        lapsed.revise_deadline(Deadline.on(D(2025, 12, 30)), on=D(2025, 9, 1))
    assert caught.value.errors == (
        ("revisions[0].revised_on", _early("2025-09-01", "2025-09-03T00:00:00Z")),
    )
    revived = lapsed.revise_deadline(Deadline.on(D(2025, 12, 30)), on=D(2025, 9, 3))
    assert revived.status is UltimatumStatus.PENDING


def test_a_snapshot_waits_for_the_revision_of_an_undated_step_back() -> None:
    """
    Expired and pending again, both undated, by a revision of 5 September:
    the step back is known only once the revision is, so on the 3rd and
    4th the ultimatum reads expired (its deadline passed on the 2nd).
    """
    talks = _talks(
        _ultimatum(
            history=[_step("expired"), _step("pending")],
            revisions=[_revision(D(2025, 9, 5))],
            deadline=Deadline.on(D(2025, 9, 30)),
        )
    )
    for day, status, revisions in [
        (D(2025, 9, 2), UltimatumStatus.PENDING, 0),
        (D(2025, 9, 3), UltimatumStatus.EXPIRED, 0),
        (D(2025, 9, 4), UltimatumStatus.EXPIRED, 0),
        (D(2025, 9, 5), UltimatumStatus.PENDING, 1),
    ]:
        [then] = talks.as_of(day).ultimatums
        assert (then.status, len(then.revisions)) == (status, revisions), day
        assert talks.ultimatums[0].status_at(day) is status
        assert [u.id for u in talks.pending_ultimatums(day)] == (
            ["u"] if status is UltimatumStatus.PENDING else []
        )


def test_a_revision_counts_once_its_step_back_is_known() -> None:
    """
    Expired (undated) after its deadline of 21 July, extended on 30 July to
    20 August, pending again on 4 August: until the 4th the ultimatum reads
    expired, its deadline the one that passed (a record has no step for a
    deadline revised while it stood expired), and from the 4th pending with
    the new one.  A snapshot of a later snapshot reads the same.
    """
    first = Deadline.on(D(2025, 7, 21))
    talks = _talks(
        _ultimatum(
            deadline=Deadline.on(D(2025, 8, 20)),
            history=[_step("expired"), _step("pending", D(2025, 8, 4))],
            revisions=[_revision(D(2025, 7, 30), first)],
            issued_at=D(2025, 7, 1),
        )
    )
    for day in (D(2025, 7, 25), D(2025, 7, 30), D(2025, 8, 3)):
        [then] = talks.as_of(day).ultimatums
        assert (then.status, then.deadline) == (UltimatumStatus.EXPIRED, first), day
        assert [e.record.id for e in talks.all_expired_deadlines(day)] == ["u"]
        assert talks.as_of(D(2025, 8, 10)).as_of(day) == talks.as_of(day)
    [back] = talks.as_of(D(2025, 8, 4)).ultimatums
    assert back.status is UltimatumStatus.PENDING
    assert back.deadline.due == D(2025, 8, 20)


def test_a_known_expiry_keeps_the_revision_that_lets_it_be() -> None:
    """
    Due 21 July, expired on the 22nd, extended on 3 August to the 13th
    (pending again), cut "in 2025" to 7 August, expired on the 8th.  As of
    14 August the year is not over, but the 8 August expiry is known, and
    only the cut lets it be (the 21 July deadline was replaced on 3 August,
    the 13 August one had not passed): the snapshot keeps the cut.  It was
    refused as a record whose expiry came before its deadline passed.
    """
    first, second = Deadline.on(D(2025, 7, 21)), Deadline.on(D(2025, 8, 13))
    ultimatum = _ultimatum(
        issued_at=D(2025, 7, 1),
        deadline=Deadline.on(D(2025, 8, 7)),
        history=[
            _step("expired", D(2025, 7, 22)),
            _step("pending", D(2025, 8, 3)),
            _step("expired", D(2025, 8, 8)),
        ],
        revisions=[
            _revision(D(2025, 8, 3), first),
            _revision(PartialDate(2025), second),
        ],
    )
    talks = _talks(ultimatum)
    [then] = talks.as_of(D(2025, 8, 14)).ultimatums
    assert then == ultimatum
    [before] = talks.as_of(D(2025, 8, 5)).ultimatums
    assert (before.status, before.deadline) == (UltimatumStatus.PENDING, second)


def test_an_extension_before_the_expiry_passed_does_not_bring_an_agreement_back() -> (
    None
):
    """Marked expired "in August", its expiry 12 August: extended on the 10th, it had not expired."""
    truce = _tariff_truce(_step("expired", PartialDate(2025, 8)))
    with pytest.raises(ValidationError) as caught:
        truce.extend(Deadline.on(D(2025, 11, 10)), on=D(2025, 8, 10))
    early = _early("2025-08-10", "2025-08-13T00:00:00Z", "agreement 'truce'")
    assert caught.value.errors == (("revisions[0].revised_on", early),)
    extended = truce.extend(Deadline.on(D(2025, 11, 10)), on=D(2025, 8, 13))
    assert extended.status.value == "in-force"


def test_revisions_answer_in_the_order_they_were_made() -> None:
    """
    Due 10 January, extended "in January" to the 20th, cut on 15 January to
    the 18th, expired on the 19th and pending again on the 25th: the
    "January" extension came before the cut of the 15th, so it brought
    nothing back, and the step back has no revision of its own.
    """
    revisions = [
        _revision(PartialDate(2025, 1), Deadline.on(D(2025, 1, 10))),
        _revision(D(2025, 1, 15), Deadline.on(D(2025, 1, 20))),
    ]
    with pytest.raises(ValidationError) as caught:
        _ultimatum(
            issued_at=D(2025, 1, 1),
            deadline=Deadline.on(D(2025, 1, 18)),
            revisions=revisions,
            history=[
                _step("expired", D(2025, 1, 19)),
                _step("pending", D(2025, 1, 25)),
            ],
        )
    assert caught.value.errors == (("history[1].status", _back(" on 2025-01-25")),)


def test_a_revision_with_no_step_back_holds_the_expiry_back_in_snapshots() -> None:
    """
    Expired on 3 September, then extended on the 10th to the 30th with no
    step back (as a version-1 document records it): the snapshots from the
    10th to the 30th hold no ``expired`` step and their timelines no such
    event, so such a snapshot read again as of the 5th reads it pending,
    where the snapshot as of the 5th reads it expired (the concepts guide).
    """
    extended = _ultimatum().revise_deadline(
        Deadline.on(D(2025, 9, 30)), on=D(2025, 9, 10)
    )
    ultimatum = _ultimatum(
        history=[_step("expired", D(2025, 9, 3))],
        revisions=extended.revisions,
        deadline=extended.deadline,
    )
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="US", kind="state"),
            Party(id="ru", name="RU", kind="state"),
        ],
        ultimatums=[ultimatum],
    )

    def expiries(record: Negotiation) -> list[str]:
        return [
            str(change.on)
            for change in record.ultimatums[0].history
            if change.status is UltimatumStatus.EXPIRED
        ]

    known, later, after = (talks.as_of(D(2025, 9, day)) for day in (5, 15, 30))
    assert expiries(known) == ["2025-09-03"]
    assert known.ultimatums[0].status is UltimatumStatus.EXPIRED
    assert expiries(later) == []
    assert later.ultimatums[0].status is UltimatumStatus.PENDING
    assert "status" not in [e.kind.value for e in talks.timeline(D(2025, 9, 15))]
    assert later.as_of(D(2025, 9, 5)).ultimatums[0].status is UltimatumStatus.PENDING
    assert expiries(after) == []  # the 30th's deadline passes at its end
    assert expiries(talks.as_of(D(2025, 10, 1))) == ["2025-09-03"]
