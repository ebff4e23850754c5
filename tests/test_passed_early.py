"""A record says a deadline passed (expired, missed) before any deadline it had could have."""

from __future__ import annotations

import json

import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Deadline,
    DeadlineRevision,
    Milestone,
    StatusChange,
    Ultimatum,
    ValidationError,
    from_json,
    to_json,
)


JULY_14 = pendulum.date(2025, 7, 14)
DUE = Deadline.after(JULY_14, days=10)  # 2025-07-24, to the end of the day in UTC


def ultimatum(
    *history: StatusChange,
    deadline: Deadline = DUE,
    revisions: tuple[DeadlineRevision, ...] = (),
) -> Ultimatum:
    return Ultimatum(
        id="u",
        issued_by="north",
        addressed_to=["south"],
        issued_at=JULY_14,
        demand="Withdraw",
        deadline=deadline,
        history=history,
        revisions=revisions,
    )


def expired(on: object) -> StatusChange:
    return StatusChange(status="expired", on=on)  # type: ignore[arg-type]


class TestUltimatums:
    def test_expired_before_its_deadline_passed(self) -> None:
        """What ``expire`` refuses, the constructor and the loader refuse."""
        with pytest.raises(ValidationError) as caught:
            ultimatum(expired(pendulum.date(2025, 7, 15)))
        assert caught.value.errors == (
            (
                "history[0].on",
                "ultimatum 'u' cannot be expired on 2025-07-15: the deadline "
                "(2025-07-24) had not passed",
            ),
        )
        document = json.loads(to_json(ultimatum()))
        document["history"] = [{"status": "expired", "on": "2025-07-15"}]
        with pytest.raises(ValidationError, match=r"^history\[0\]\.on: ultimatum 'u'"):
            from_json(Ultimatum, json.dumps(document))

    def test_expired_on_its_due_day_or_after(self) -> None:
        """On the due day it may have passed by the day's end; undated, it is let be."""
        for on in (
            pendulum.date(2025, 7, 24),
            pendulum.date(2025, 7, 25),
            pendulum.datetime(2025, 7, 25, tz="UTC"),
            None,
        ):
            assert ultimatum(expired(on)).status.value == "expired"

    def test_an_instant_before_the_cutoff(self) -> None:
        """A datetime is compared as the instant it is: one microsecond early is refused."""
        last = pendulum.datetime(2025, 7, 24, 23, 59, 59, 999_999, tz="UTC")
        with pytest.raises(ValidationError, match="had not passed"):
            ultimatum(expired(last))

    def test_a_month_that_may_hold_the_expiry(self) -> None:
        """July 2025 holds the deadline's cut-off: not certainly early."""
        from negotiation_records import PartialDate

        assert ultimatum(expired(PartialDate(2025, 7))).status.value == "expired"
        with pytest.raises(ValidationError, match="had not passed"):
            ultimatum(expired(PartialDate(2025, 6)), deadline=DUE)

    def test_the_deadline_in_force_then(self) -> None:
        """Cut to 16 July on 15 July: expired on the 17th, before the first
        deadline.  Extended on 15 July to 31 August: an expiry on 20 July is
        refused, naming the deadline in force then (the 24 July one was
        replaced before it passed)."""
        cut = (
            ultimatum()
            .revise_deadline(
                Deadline.on(pendulum.date(2025, 7, 16)), on=pendulum.date(2025, 7, 15)
            )
            .expire(on=pendulum.date(2025, 7, 17))
        )
        assert from_json(Ultimatum, to_json(cut)) == cut
        extended = ultimatum().revise_deadline(
            Deadline.on(pendulum.date(2025, 8, 31)), on=pendulum.date(2025, 7, 15)
        )
        with pytest.raises(ValidationError) as caught:
            from_json(
                Ultimatum,
                to_json(extended).replace(
                    '"history":[]',
                    '"history":[{"status":"expired","on":"2025-07-20"}]',
                ),
            )
        assert caught.value.errors == (
            (
                "history[0].on",
                "ultimatum 'u' cannot be expired on 2025-07-20: the deadline "
                "(2025-08-31) had not passed",
            ),
        )

    def test_a_revision_after_the_step_leaves_it_be(self) -> None:
        """
        Due 24 July and extended on 26 July, after it had passed, to 31 August
        (no step revived it): an expiry on 25 July is against the first
        deadline, one on 27 July against the second, which had not passed.  A
        revision dated only by its month ("July") may come after either.
        """
        from negotiation_records import PartialDate

        def extended_on(on: object, *history: StatusChange) -> Ultimatum:
            revision = DeadlineRevision(previous=DUE, revised_on=on)  # type: ignore[arg-type]
            return ultimatum(
                *history,
                deadline=Deadline.on(pendulum.date(2025, 8, 31)),
                revisions=(revision,),
            )

        july_26 = pendulum.date(2025, 7, 26)
        assert extended_on(july_26, expired(pendulum.date(2025, 7, 25))).history
        with pytest.raises(ValidationError) as caught:
            extended_on(july_26, expired(pendulum.date(2025, 7, 27)))
        assert caught.value.errors == (
            (
                "history[0].on",
                "ultimatum 'u' cannot be expired on 2025-07-27: the deadline "
                "(2025-08-31) had not passed",
            ),
        )
        for on in (pendulum.date(2025, 7, 25), pendulum.date(2025, 7, 27)):
            assert extended_on(PartialDate(2025, 7), expired(on)).history


class TestMilestonesAndAgreements:
    def test_a_milestone_missed_before_its_deadline(self) -> None:
        with pytest.raises(ValidationError) as caught:
            Milestone(
                id="m",
                title="Clock",
                deadline=Deadline.on(pendulum.date(2025, 2, 3)),
                history=[StatusChange(status="missed", on=pendulum.date(2025, 1, 25))],
            )
        assert caught.value.errors == (
            (
                "history[0].on",
                "milestone 'm' cannot be missed on 2025-01-25: the deadline "
                "(2025-02-03) had not passed",
            ),
        )

    def test_against_the_deadline_in_force_then(self) -> None:
        """A truce due to end on 1 March, extended on 20 February to 1 June:
        "expired on 2 March" is refused on load (the expiry in force then had
        not passed); a milestone due 3 February, extended on 1 February to
        3 March, "missed on 4 February" likewise."""
        march_1 = Deadline.on(pendulum.date(2025, 3, 1))
        extended = (
            Agreement(id="a", title="A", stage="ceasefire", expires=march_1)
            .with_status("signed", on=pendulum.date(2025, 1, 15))
            .with_status("in-force", on=pendulum.date(2025, 1, 19))
            .extend(
                Deadline.on(pendulum.date(2025, 6, 1)), on=pendulum.date(2025, 2, 20)
            )
        )
        document = json.loads(to_json(extended))
        document["history"].append({"status": "expired", "on": "2025-03-02"})
        with pytest.raises(ValidationError) as caught:
            from_json(Agreement, json.dumps(document))
        assert caught.value.errors == (
            (
                "history[2].on",
                "agreement 'a' cannot be expired on 2025-03-02: its expiry "
                "(2025-06-01) had not passed",
            ),
        )
        february_3 = Deadline.on(pendulum.date(2025, 2, 3))
        with pytest.raises(ValidationError) as caught:
            Milestone(
                id="m",
                title="Clock",
                deadline=Deadline.on(pendulum.date(2025, 3, 3)),
                revisions=[
                    DeadlineRevision(
                        previous=february_3, revised_on=pendulum.date(2025, 2, 1)
                    )
                ],
                history=[StatusChange(status="missed", on=pendulum.date(2025, 2, 4))],
            )
        assert caught.value.errors == (
            (
                "history[0].on",
                "milestone 'm' cannot be missed on 2025-02-04: the deadline "
                "(2025-03-03) had not passed",
            ),
        )

    def test_an_agreement_expired_before_its_expiry(self) -> None:
        signed = [
            StatusChange(status="signed", on=pendulum.date(2025, 1, 15)),
            StatusChange(status="in-force", on=pendulum.date(2025, 1, 19)),
        ]
        with pytest.raises(ValidationError) as caught:
            Agreement(
                id="a",
                title="A",
                stage="ceasefire",
                expires=Deadline.on(pendulum.date(2025, 3, 1)),
                history=[
                    *signed,
                    StatusChange(status="expired", on=pendulum.date(2025, 2, 1)),
                ],
            )
        assert caught.value.errors == (
            (
                "history[2].on",
                "agreement 'a' cannot be expired on 2025-02-01: its expiry "
                "(2025-03-01) had not passed",
            ),
        )
        # Without an expiry, nothing says when it was due to end.
        Agreement(
            id="a",
            title="A",
            stage="ceasefire",
            history=[
                *signed,
                StatusChange(status="expired", on=pendulum.date(2025, 2, 1)),
            ],
        )
