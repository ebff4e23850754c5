"""A revision cannot set a deadline that had passed when it was made."""

from __future__ import annotations

import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Alternative,
    Deadline,
    DeadlineRevision,
    Milestone,
    PartialDate,
    StatusChange,
    Ultimatum,
    ValidationError,
)


D = pendulum.date
BRUSSELS = "Europe/Brussels"


def _article_50() -> Milestone:
    return Milestone(
        id="article-50",
        title="Article 50 period",
        set_on=D(2017, 3, 29),
        deadline=Deadline.after(D(2017, 3, 29), years=2, tz=BRUSSELS),
    )


def _ultimatum() -> Ultimatum:
    return Ultimatum(
        id="u",
        issued_by="us",
        addressed_to=["ru"],
        issued_at=D(2025, 7, 14),
        demand="Ceasefire",
        deadline=Deadline.after(D(2025, 7, 14), days=50),
    )


def _truce() -> Agreement:
    return Agreement(
        id="truce",
        title="Tariff truce",
        stage="ceasefire",
        history=[StatusChange(status="in-force", on=D(2025, 5, 14))],
        expires=Deadline.on(D(2025, 8, 12)),
    )


def test_a_milestone_extended_to_a_day_already_past() -> None:
    """On 11 April 2019 the period could not be extended to 1 April."""
    with pytest.raises(ValidationError) as caught:
        _article_50().revise_deadline(
            Deadline.on(D(2019, 4, 1), tz=BRUSSELS), on=D(2019, 4, 11)
        )
    assert caught.value.errors == (
        (
            "deadline",
            "falls due (2019-04-01 in Europe/Brussels) before it was set "
            "(revisions[0], 2019-04-11)",
        ),
    )


def test_an_ultimatum_cut_to_a_day_already_past() -> None:
    with pytest.raises(ValidationError) as caught:
        _ultimatum().revise_deadline(Deadline.on(D(2025, 7, 20)), on=D(2025, 7, 29))
    assert caught.value.errors == (
        (
            "deadline",
            "falls due (2025-07-20) before it was set (revisions[0], 2025-07-29)",
        ),
    )


def test_an_agreement_extended_to_a_day_already_past() -> None:
    with pytest.raises(ValidationError) as caught:
        _truce().extend(Deadline.on(D(2025, 6, 1)), on=D(2025, 8, 11))
    assert caught.value.errors == (
        (
            "expires",
            "falls due (2025-06-01) before it was set (revisions[0], 2025-08-11)",
        ),
    )


def test_each_revision_is_held_to_its_own_day() -> None:
    """
    The first of two revisions set a deadline before its own day: reported
    at that deadline, the ``previous`` of the second revision; the second
    revision's deadline is later than its day and passes.
    """
    with pytest.raises(ValidationError) as caught:
        Milestone(
            id="article-50",
            title="Article 50 period",
            set_on=D(2017, 3, 29),
            deadline=Deadline.on(D(2019, 10, 31), tz=BRUSSELS),
            revisions=[
                DeadlineRevision(
                    previous=_article_50().deadline, revised_on=D(2019, 3, 22)
                ),
                DeadlineRevision(
                    previous=Deadline.on(D(2019, 3, 21), tz=BRUSSELS),
                    revised_on=D(2019, 4, 11),
                ),
            ],
        )
    assert caught.value.errors == (
        (
            "revisions[1].previous",
            "falls due (2019-03-21 in Europe/Brussels) before it was set "
            "(revisions[0], 2019-03-22)",
        ),
    )


def test_a_deadline_on_the_day_of_its_revision_or_later_is_let_be() -> None:
    """
    A day is not certainly before itself, and a deadline at 04:00 in Beirut
    is not certainly before a revision dated that day (the day began earlier
    elsewhere): only a date certainly before is refused.
    """
    same_day = _ultimatum().revise_deadline(
        Deadline.on(D(2025, 7, 29)), on=D(2025, 7, 29)
    )
    assert same_day.deadline.due == D(2025, 7, 29)
    early = pendulum.datetime(2025, 7, 29, 4, tz="Asia/Beirut")
    timed = _ultimatum().revise_deadline(Deadline.on(early), on=D(2025, 7, 29))
    assert timed.deadline.due == early


def test_a_revision_dated_by_month_after_a_dated_one_counts_from_that_day() -> None:
    """
    Revisions are in the order they were made: one dated "July" after one
    of 30 July was made on 30 July or later, so the deadline it set (29 July)
    had passed, and an alternative of that deadline was not decided on
    28 July (the full timeline listed that decision before the revisions,
    and the snapshots hid it until August).
    """
    revisions = [
        DeadlineRevision(
            previous=Deadline.on(D(2025, 8, 5)), revised_on=D(2025, 7, 30)
        ),
        DeadlineRevision(
            previous=Deadline.on(D(2025, 8, 8)), revised_on=PartialDate(2025, 7)
        ),
    ]
    with pytest.raises(ValidationError) as caught:
        Milestone(
            id="m",
            title="Clock",
            deadline=Deadline.on(D(2025, 7, 29)),
            revisions=revisions,
        )
    assert caught.value.errors == (
        (
            "deadline",
            "falls due (2025-07-29) before it was set (revisions[1], after "
            "revisions[0], 2025-07-30)",
        ),
    )
    with pytest.raises(ValidationError) as caught:
        Milestone(
            id="m",
            title="Clock",
            deadline=Deadline.on(D(2025, 8, 10)),
            revisions=revisions,
            alternatives=[
                Alternative(
                    condition="if so",
                    deadline=Deadline.on(D(2025, 8, 10)),
                    stage=2,
                    applied=True,
                    decided_on=D(2025, 7, 28),
                )
            ],
        )
    assert caught.value.errors == (
        (
            "alternatives[0].decided_on",
            "2025-07-28 is before deadline 2 was set (revisions[1], after "
            "revisions[0], 2025-07-30)",
        ),
    )


def test_a_revision_dated_to_the_instant_between_does_not_hide_the_day() -> None:
    """
    Whether 29 July is certainly before a day and before an instant is read
    differently (a date may be that day anywhere on Earth): a revision at
    05:00 UTC on 30 July between the one of 30 July and one dated "July"
    does not let the last set 29 July.
    """
    between = (
        _ultimatum()
        .revise_deadline(Deadline.on(D(2025, 8, 20)), on=D(2025, 7, 30))
        .revise_deadline(
            Deadline.on(D(2025, 8, 25)), on=pendulum.datetime(2025, 7, 30, 5, tz="UTC")
        )
    )
    with pytest.raises(ValidationError) as caught:
        between.revise_deadline(Deadline.on(D(2025, 7, 29)), on=PartialDate(2025, 7))
    assert caught.value.errors == (
        (
            "deadline",
            "falls due (2025-07-29) before it was set (revisions[2], after "
            "revisions[0], 2025-07-30)",
        ),
    )
