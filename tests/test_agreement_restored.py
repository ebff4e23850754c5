"""
An agreement restored without an extension, and then expired once more.

An agreement that expired may come back into force without an extension (a
decision that restores it); its expiry is then still the one that passed.  If
it expires again, that second ``expired`` step ran out on the same expiry:
``status_at``, the snapshot and the timeline show it from its own date, and an
extension made after the restoration is not taken for the one that brought
the agreement back.
"""

from __future__ import annotations

import pendulum
import pytest

from negotiation_records import (
    Agreement,
    AgreementStatus,
    Deadline,
    DeadlineRevision,
    EventKind,
    Negotiation,
    PartialDate,
    StatusChange,
    ValidationError,
)
from negotiation_records._revivals import answering, ran_out_again, revivals


D = pendulum.date
UTC = pendulum.UTC
EXPIRY = Deadline.on(D(2025, 7, 10))  # passes at the end of 10 July, UTC
IN_FORCE, EXPIRED = AgreementStatus.IN_FORCE, AgreementStatus.EXPIRED


def _truce(*steps: tuple[object, object], **changes: object) -> Agreement:
    history = [
        StatusChange(status=status, on=on)  # type: ignore[arg-type]
        for status, on in steps
    ]
    return Agreement(
        id="truce",
        title="Truce",
        stage="ceasefire",
        history=history,
        expires=changes.pop("expires", EXPIRY),  # type: ignore[arg-type]
        **changes,  # type: ignore[arg-type]
    )


def _restored_twice() -> Agreement:
    """In force 1 July, expired 11 July, restored 12 July, expired 20 July."""
    return _truce(
        ("in-force", D(2025, 7, 1)),
        ("expired", D(2025, 7, 11)),
        ("in-force", D(2025, 7, 12)),
        ("expired", D(2025, 7, 20)),
    )


def _again(agreement: Agreement) -> frozenset[int]:
    """The expired steps that ran out on the expiry of the one before them."""
    return ran_out_again(
        agreement.history, agreement.revisions, agreement.RAN_OUT, agreement.REVIVED
    )


def _talks(agreement: Agreement) -> Negotiation:
    return Negotiation(id="t", title="Truce talks", agreements=[agreement])


def _summaries(talks: Negotiation, at: pendulum.Date) -> list[str]:
    return [
        event.summary for event in talks.timeline(at) if event.kind is EventKind.STATUS
    ]


class TestRestoredWithoutExtension:
    @pytest.mark.parametrize(
        ("day", "status"),
        [
            (D(2025, 7, 5), IN_FORCE),
            (D(2025, 7, 11), EXPIRED),
            (D(2025, 7, 15), IN_FORCE),
            (D(2025, 7, 19), IN_FORCE),
            (D(2025, 7, 20), EXPIRED),
            (D(2025, 9, 1), EXPIRED),
        ],
    )
    def test_the_second_expiry_counts_from_its_own_date(
        self, day: pendulum.Date, status: AgreementStatus
    ) -> None:
        assert _restored_twice().status_at(day) is status

    def test_the_snapshot_keeps_the_second_expiry_once_it_happened(self) -> None:
        truce = _restored_twice()
        talks = _talks(truce)
        assert talks.as_of(D(2025, 7, 15)).agreements[0].history == truce.history[:3]
        assert talks.as_of(D(2025, 8, 1)).agreements[0] == truce
        later = talks.as_of(D(2025, 8, 1))
        for day in (D(2025, 7, 11), D(2025, 7, 15), D(2025, 7, 20)):
            assert later.as_of(day) == talks.as_of(day)

    def test_the_timeline_as_of_a_day_lists_both_expiries(self) -> None:
        talks = _talks(_restored_twice())
        assert _summaries(talks, D(2025, 8, 1)) == [
            "Agreement 'truce' in force",
            "Agreement 'truce' expired",
            "Agreement 'truce' in force",
            "Agreement 'truce' expired",
        ]
        assert len(_summaries(talks, D(2025, 7, 15))) == 3

    def test_the_second_expiry_is_the_step_that_ran_out_again(self) -> None:
        assert _again(_restored_twice()) == {3}

    def test_restored_on_its_expiry_day_and_expired_again_that_day(self) -> None:
        truce = _truce(
            ("in-force", D(2025, 7, 1)),
            ("expired", D(2025, 7, 11)),
            ("in-force", D(2025, 7, 12)),
            ("expired", D(2025, 7, 12)),
        )
        assert truce.status_at(D(2025, 7, 13)) is EXPIRED
        assert _talks(truce).as_of(D(2025, 7, 13)).agreements[0] == truce


class TestExtendedAfterTheRestoration:
    """
    Restored on 12 July with no extension, then extended on 15 July to 1
    August while in force: the extension did not bring it back, and the
    expiry that follows ran out on the new expiry, not on the old one.
    """

    def _truce(self, expired_on: pendulum.Date) -> Agreement:
        restored = _truce(
            ("in-force", D(2025, 7, 1)),
            ("expired", D(2025, 7, 11)),
            ("in-force", D(2025, 7, 12)),
        ).extend(Deadline.on(D(2025, 8, 1)), on=D(2025, 7, 15))
        return restored.with_status("expired", on=expired_on)

    def test_the_extension_answers_no_step_back(self) -> None:
        truce = self._truce(D(2025, 8, 2))
        assert list(revivals(truce)) == []
        assert _again(truce) == frozenset()

    def test_an_expiry_dated_on_the_new_due_day_waits_for_its_end(self) -> None:
        truce = self._truce(D(2025, 8, 1))
        assert truce.status_at(pendulum.datetime(2025, 8, 1, 12, tz=UTC)) is IN_FORCE
        assert truce.status_at(D(2025, 8, 2)) is EXPIRED
        noon = _talks(truce).as_of(pendulum.datetime(2025, 8, 1, 12, tz=UTC))
        assert noon.agreements[0].history == truce.history[:3]
        assert noon.agreements[0].expires == Deadline.on(D(2025, 8, 1))

    def test_an_expiry_after_the_new_due_day_counts_from_its_date(self) -> None:
        truce = self._truce(D(2025, 8, 2))
        assert truce.status_at(D(2025, 8, 2)) is EXPIRED
        assert _talks(truce).as_of(D(2025, 8, 3)).agreements[0] == truce

    def test_the_timeline_does_not_place_the_extension_at_the_step_back(self) -> None:
        events = _talks(self._truce(D(2025, 8, 2))).timeline()
        order = [event.summary for event in events]
        restored = order.index("Agreement 'truce' in force", 2)
        extended = next(i for i, text in enumerate(order) if "extended" in text)
        assert restored < extended


class TestExtensionThatBroughtItBack:
    """An extension made between the expiry and the step back still answers it."""

    def test_the_second_expiry_needs_the_new_expiry(self) -> None:
        truce = (
            _truce(("in-force", D(2025, 7, 1)), ("expired", D(2025, 7, 11)))
            .extend(Deadline.on(D(2025, 7, 20)), on=D(2025, 7, 12))
            .with_status("expired", on=D(2025, 7, 20))
        )
        assert list(revivals(truce)) == [(1, 0)]
        assert _again(truce) == frozenset()
        assert truce.status_at(pendulum.datetime(2025, 7, 20, 12, tz=UTC)) is IN_FORCE
        assert truce.status_at(D(2025, 7, 21)) is EXPIRED

    def test_a_revision_of_uncertain_date_may_have_answered_it(self) -> None:
        """
        Extended "in July" to 1 August: the extension may have brought the
        agreement back on 12 July, so the expiry of 20 July needs a deadline
        of its own, and waits for 1 August's to pass.
        """
        truce = _truce(
            ("in-force", D(2025, 7, 1)),
            ("expired", D(2025, 7, 11)),
            ("in-force", D(2025, 7, 12)),
            ("expired", PartialDate(2025, 8)),
            expires=Deadline.on(D(2025, 8, 1)),
            revisions=[
                DeadlineRevision(previous=EXPIRY, revised_on=PartialDate(2025, 7))
            ],
        )
        assert _again(truce) == frozenset()
        assert truce.status_at(D(2025, 8, 15)) is IN_FORCE
        assert truce.status_at(D(2025, 9, 1)) is EXPIRED


class TestUncertainDates:
    """
    Where the dates do not say whether a revision came between two expiries,
    the second is read on the expiry that passed: shown from its own date,
    not held back for ever for a deadline the record may never have had.
    """

    @pytest.mark.parametrize("first", [None, PartialDate(2025, 7), D(2025, 7, 16)])
    def test_an_extension_in_time_does_not_come_between(self, first: object) -> None:
        """
        Extended in time on 5 July (from 10 to 15 July), expired (on 16 July,
        "in July" or undated), restored on 5 August without an extension,
        expired again on 20 August.
        """
        truce = _truce(
            ("in-force", D(2025, 7, 1)),
            ("expired", first),
            ("in-force", D(2025, 8, 5)),
            ("expired", D(2025, 8, 20)),
            expires=Deadline.on(D(2025, 7, 15)),
            revisions=[DeadlineRevision(previous=EXPIRY, revised_on=D(2025, 7, 5))],
        )
        assert _again(truce) == {3}
        assert truce.status_at(D(2025, 8, 19)) is IN_FORCE
        assert truce.status_at(D(2025, 8, 21)) is EXPIRED
        assert _talks(truce).as_of(D(2026, 1, 1)).agreements[0] == truce

    def test_an_undated_second_expiry_counts_once_the_restoration_does(self) -> None:
        truce = _truce(
            ("in-force", D(2025, 7, 1)),
            ("expired", D(2025, 7, 11)),
            ("in-force", D(2025, 7, 12)),
            ("expired", None),
        )
        assert _again(truce) == {3}
        assert truce.status_at(D(2025, 7, 11)) is EXPIRED
        assert truce.status_at(D(2026, 1, 1)) is EXPIRED
        assert _talks(truce).as_of(D(2026, 1, 1)).agreements[0] == truce

    def test_an_extension_that_answered_an_earlier_step_back_is_not_between(
        self,
    ) -> None:
        """
        Expired on 11 July, extended on 12 July to the 15th (back in force),
        expired (undated), restored on 20 July without an extension, expired
        again on the 25th: the extension of 12 July came before the undated
        expiry, so the last one ran out on the expiry of the 15th.
        """
        truce = _truce(
            ("in-force", D(2025, 7, 1)),
            ("expired", D(2025, 7, 11)),
            ("in-force", D(2025, 7, 12)),
            ("expired", None),
            ("in-force", D(2025, 7, 20)),
            ("expired", D(2025, 7, 25)),
            expires=Deadline.on(D(2025, 7, 15)),
            revisions=[DeadlineRevision(previous=EXPIRY, revised_on=D(2025, 7, 12))],
        )
        assert list(revivals(truce)) == [(1, 0)]
        assert _again(truce) == {5}
        assert truce.status_at(D(2025, 7, 26)) is EXPIRED
        assert _talks(truce).as_of(D(2026, 1, 1)).agreements[0] == truce


def test_a_revision_before_its_first_dated_step_is_refused() -> None:
    """
    In force "in July" and suspended "in 2025", extended "in 2025" and then
    "in January": the suspension came after the entry into force, so the
    agreement is first heard of in July, and the extension of January is
    before it (a later step dated more vaguely does not move the first date
    earlier; once, the snapshot left such an extension out instead).
    """
    with pytest.raises(ValidationError) as caught:
        _truce(
            ("in-force", PartialDate(2025, 7)),
            ("suspended", PartialDate(2025)),
            expires=Deadline.on(D(2025, 9, 30)),
            revisions=[
                DeadlineRevision(
                    previous=Deadline.on(D(2025, 8, 31)), revised_on=PartialDate(2025)
                ),
                DeadlineRevision(
                    previous=Deadline.on(D(2025, 8, 30)),
                    revised_on=PartialDate(2025, 1),
                ),
            ],
        )
    assert caught.value.errors == (
        (
            "revisions[1].revised_on",
            "2025-01 is before the agreement's first date (2025-07)",
        ),
    )


def test_a_revision_made_before_a_dated_one_answers_no_later_step() -> None:
    """
    Revisions are in the order they were made: one dated "July" that comes
    before one of 5 July was made by 5 July, so it did not bring back an
    agreement that expired on the 9th, whatever its own date allows.
    """
    first, second = Deadline.on(D(2025, 7, 3)), Deadline.on(D(2025, 7, 8))
    history = (
        StatusChange(status=IN_FORCE, on=D(2025, 7, 1)),
        StatusChange(status=EXPIRED, on=D(2025, 7, 9)),
        StatusChange(status=IN_FORCE, on=D(2025, 7, 12)),
    )
    revisions = (
        DeadlineRevision(previous=first, revised_on=PartialDate(2025, 7)),
        DeadlineRevision(previous=second, revised_on=D(2025, 7, 5)),
    )
    assert list(answering(history, revisions, EXPIRED, IN_FORCE)) == []
    assert list(answering(history, revisions[:1], EXPIRED, IN_FORCE)) == [(1, 0)]


def test_an_undated_expiry_after_an_extension_in_force_waits_for_it() -> None:
    """
    Restored on 12 July with no extension, extended on 15 July to 1 August
    while in force, then expired with no date (as a file may say it): the
    extension came before the expiry (extending an expired agreement
    records a step back, and there is none), so the agreement is in force
    until 1 August has passed.
    """
    truce = _truce(
        ("in-force", D(2025, 7, 1)),
        ("expired", D(2025, 7, 11)),
        ("in-force", D(2025, 7, 12)),
    ).extend(Deadline.on(D(2025, 8, 1)), on=D(2025, 7, 15))
    truce = _truce(
        *((change.status, change.on) for change in truce.history),
        ("expired", None),
        expires=truce.expires,
        revisions=truce.revisions,
    )
    assert _again(truce) == frozenset()
    talks = _talks(truce)
    for day in (D(2025, 7, 13), D(2025, 7, 15), D(2025, 8, 1)):
        assert truce.status_at(day) is IN_FORCE, day
        assert len(talks.as_of(day).agreements[0].history) == 3, day
    assert truce.status_at(D(2025, 8, 2)) is EXPIRED
    assert talks.as_of(D(2025, 8, 2)).agreements[0] == truce


def test_both_expiries_of_uncertain_date() -> None:
    """
    Expired "in July", restored on 5 August with no extension, expired
    again with no date: the second expiry ran out on the expiry that passed
    and counts once the restoration does.
    """
    truce = _truce(
        ("in-force", D(2025, 7, 1)),
        ("expired", PartialDate(2025, 7)),
        ("in-force", D(2025, 8, 5)),
        ("expired", None),
    )
    assert _again(truce) == {3}
    assert truce.status_at(D(2025, 8, 6)) is EXPIRED
    assert _talks(truce).as_of(D(2026, 1, 1)).agreements[0] == truce


def test_a_snapshot_of_a_snapshot_reads_revisions_in_their_order() -> None:
    """
    Extended "in July" and then at 06:00 on 5 July (Tokyo), expired at 05:00
    on 9 July (New York) and back in force on the 12th: the "July" extension
    was made by 5 July, so it did not bring the agreement back.  A snapshot
    of a later snapshot reads the same as the snapshot itself.
    """
    tokyo, new_york = "Asia/Tokyo", "America/New_York"
    kiritimati, pago_pago = "Pacific/Kiritimati", "Pacific/Pago_Pago"
    truce = _truce(
        ("in-force", pendulum.datetime(2025, 7, 3, 11, tz=tokyo)),
        ("suspended", PartialDate(2025)),
        ("in-force", D(2025, 7, 8)),
        ("suspended", D(2025, 7, 9)),
        ("expired", pendulum.datetime(2025, 7, 9, 5, tz=new_york)),
        ("in-force", pendulum.datetime(2025, 7, 12, 16, tz=kiritimati)),
        expires=Deadline.on(pendulum.datetime(2025, 7, 6, 13, tz=pago_pago)),
        revisions=[
            DeadlineRevision(
                previous=Deadline.on(D(2025, 7, 13)), revised_on=PartialDate(2025, 7)
            ),
            DeadlineRevision(
                previous=Deadline.on(pendulum.datetime(2025, 7, 10, 13, tz=kiritimati)),
                revised_on=pendulum.datetime(2025, 7, 5, 6, tz=tokyo),
            ),
        ],
    )
    assert list(revivals(truce)) == []
    talks = _talks(truce)
    early = pendulum.datetime(2025, 7, 5, 6, tz=tokyo)
    later = pendulum.datetime(2025, 7, 9, 5, tz=new_york)
    assert talks.as_of(later).as_of(early) == talks.as_of(early)
