"""A record says a deadline passed (expired, missed) before any deadline it had could have."""

from __future__ import annotations

import json

import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Deadline,
    Milestone,
    StatusChange,
    Ultimatum,
    ValidationError,
    from_json,
    to_json,
)


JULY_14 = pendulum.date(2025, 7, 14)
DUE = Deadline.after(JULY_14, days=10)  # 2025-07-24, to the end of the day in UTC


def ultimatum(*history: StatusChange, deadline: Deadline = DUE) -> Ultimatum:
    return Ultimatum(
        id="u",
        issued_by="north",
        addressed_to=["south"],
        issued_at=JULY_14,
        demand="Withdraw",
        deadline=deadline,
        history=history,
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

    def test_any_deadline_it_has_had(self) -> None:
        """Cut to 16 July on 15 July: expired on the 17th, before the first deadline."""
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
                "ultimatum 'u' cannot be expired on 2025-07-20: its deadlines "
                "(2025-07-24, 2025-08-31) had not passed",
            ),
        )


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
