"""Agreements, milestones, votes and actions: the records, their rules and references."""

from __future__ import annotations

import contextlib
import datetime
import io
import itertools
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Action,
    ActionKind,
    Agreement,
    AgreementStatus,
    Alternative,
    Condition,
    Deadline,
    DeadlineEntry,
    DeadlineRevision,
    EventKind,
    IllegalTransitionError,
    Milestone,
    MilestoneStatus,
    Negotiation,
    PartialDate,
    Party,
    Phase,
    Proposal,
    Quantity,
    RecordNotFoundError,
    StatusChange,
    Threshold,
    ValidationError,
    Vote,
    VoteResult,
    from_dict,
    from_json,
    to_dict,
    to_json,
    votes,
)
from negotiation_records import strategies as nst
from negotiation_records.cli import main
from negotiation_records.votes import decided_result


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
D = pendulum.date


def errors(call: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        call()
    return list(info.value.errors)


def paths(call: Any) -> list[str]:
    return [path for path, _ in errors(call)]


def truce(**changes: Any) -> Agreement:
    fields: dict[str, Any] = {
        "id": "truce",
        "title": "Truce",
        "stage": "ceasefire",
        "signatories": ["us", "cn"],
        "history": [
            StatusChange(status="signed", on=D(2025, 5, 12)),
            StatusChange(status="in-force", on=D(2025, 5, 14)),
        ],
        "expires": Deadline.after(D(2025, 5, 14), days=90),
    }
    fields.update(changes)
    return Agreement(**fields)


def clock(**changes: Any) -> Milestone:
    fields: dict[str, Any] = {
        "id": "clock",
        "title": "Clock",
        "applies_to": ["us"],
        "set_on": D(2017, 3, 29),
        "deadline": Deadline.on(D(2019, 3, 29)),
    }
    fields.update(changes)
    return Milestone(**fields)


def vote(**changes: Any) -> Vote:
    fields: dict[str, Any] = {
        "id": "v",
        "body": "House",
        "on": D(2019, 3, 29),
        "question": "Approve",
        "result": "failed",
    }
    fields.update(changes)
    return Vote(**fields)


def talks(**changes: Any) -> Negotiation:
    fields: dict[str, Any] = {
        "id": "t",
        "title": "T",
        "parties": [
            Party(id="us", name="United States", kind="state"),
            Party(id="cn", name="China", kind="state"),
        ],
    }
    fields.update(changes)
    return Negotiation(**fields)


# --- agreements --------------------------------------------------------------------


class TestAgreement:
    def test_status_follows_history(self) -> None:
        agreement = truce()
        assert agreement.status is AgreementStatus.IN_FORCE
        assert agreement.status_at(D(2025, 5, 13)) is AgreementStatus.SIGNED
        assert agreement.status_at(D(2025, 5, 1)) is AgreementStatus.DRAFTED

    def test_illegal_steps_are_refused(self) -> None:
        assert paths(
            lambda: truce(history=[StatusChange(status="expired", on=D(2025, 8, 13))])
        ) == ["history[0].status"]
        assert paths(
            lambda: truce(history=[StatusChange(status="ratified", on=D(2025, 5, 14))])
        ) == ["history[0].status"]
        with pytest.raises(IllegalTransitionError):
            truce().with_status("signed")
        terminated = truce().with_status("terminated", on=D(2025, 6, 1))
        with pytest.raises(IllegalTransitionError):
            terminated.with_status("in-force")

    def test_a_provision_id_given_twice_is_refused_on_its_own(self) -> None:
        """As a proposal's term ids: an agreement read on its own (from a
        JSON Lines file of agreements) refuses a repeated provision id,
        once, at the second."""
        twice = [
            Condition(id="pause", text="Pause tariffs", kind="offer"),
            Condition(id="pause", text="Pause them again", kind="offer"),
        ]
        expected = [("provisions[1].id", "provision id 'pause' appears twice")]
        assert errors(lambda: truce(provisions=twice)) == expected
        assert (
            errors(
                lambda: from_dict(
                    Agreement,
                    to_dict(truce()) | {"provisions": [to_dict(c) for c in twice]},
                )
            )
            == expected
        )

    def test_an_unsigned_text_may_enter_into_force(self) -> None:
        """The JCPOA was finalised on 14 July 2015 and never signed; it took
        effect on Adoption Day, 18 October 2015.  A joint statement or an
        initialled text may take effect as it is too."""
        jcpoa = Agreement(
            id="jcpoa",
            title="Joint Comprehensive Plan of Action",
            stage="comprehensive",
            history=[
                StatusChange(status="drafted", on=D(2015, 7, 14)),
                StatusChange(status="in-force", on=D(2015, 10, 18)),
            ],
        )
        assert jcpoa.status is AgreementStatus.IN_FORCE
        assert jcpoa.status_at(D(2015, 9, 1)) is AgreementStatus.DRAFTED
        assert from_json(Agreement, to_json(jcpoa)) == jcpoa
        initialled = truce(
            history=[
                StatusChange(status="initialled", on=D(2025, 5, 12)),
                StatusChange(status="in-force", on=D(2025, 5, 14)),
            ]
        )
        assert initialled.status is AgreementStatus.IN_FORCE
        announced = truce(history=[]).with_status("in-force", on=D(2025, 5, 14))
        assert announced.status is AgreementStatus.IN_FORCE

    def test_extension_keeps_the_earlier_expiry(self) -> None:
        longer = truce().extend(
            Deadline.after(D(2025, 8, 12), days=90), on=D(2025, 8, 11), reason="EO"
        )
        assert [str(d.due) for d in longer.expiries] == ["2025-08-12", "2025-11-10"]
        assert longer.revisions[0].reason == "EO"

    def test_an_expired_truce_extended_is_in_force_again(self) -> None:
        lapsed = truce().with_status("expired", on=D(2025, 8, 13))
        again = lapsed.extend(Deadline.on(D(2025, 12, 1)), on=D(2025, 8, 20))
        assert again.status is AgreementStatus.IN_FORCE

    def test_brought_back_before_it_ran_out_is_refused_at_the_date_given(
        self,
    ) -> None:
        """
        Extended on a day before it expired, an expired truce (a milestone
        missed, an ultimatum expired, revised alike) is refused at the date
        given, the revision's ``revised_on``, not at the step the method
        adds to bring it back, which the caller never gave.
        """
        lapsed = truce().with_status("expired", on=D(2025, 8, 13))
        assert errors(
            lambda: lapsed.extend(Deadline.on(D(2025, 12, 1)), on=D(2025, 8, 10))
        ) == [
            (
                "revisions[0].revised_on",
                "2025-08-10 is before the last dated change of agreement "
                "'truce' (expired on 2025-08-13); a revision that brings it "
                "back comes after it",
            )
        ]
        missed = clock().with_status("missed", on=D(2019, 3, 30))
        assert paths(
            lambda: missed.revise_deadline(
                Deadline.on(D(2019, 4, 12)), on=D(2019, 3, 29)
            )
        ) == ["revisions[0].revised_on"]
        same_day = missed.revise_deadline(
            Deadline.on(D(2019, 4, 12)), on=D(2019, 3, 30)
        )
        assert same_day.status is MilestoneStatus.PENDING

    def test_a_bad_expiry_and_a_bad_revision_are_reported_together(self) -> None:
        bad: Any = "2025-12-01"
        assert paths(lambda: truce().extend(bad, on=bad[:4] + "x")) == [
            "expires",
            "revisions[0].revised_on",
        ]

    def test_extended_to_no_expiry_names_the_argument(self) -> None:
        """
        ``extend(None)`` was reported as revisions without an expiry; it is
        reported at ``expires``, as any other value that is not a deadline,
        with a bad ``on``.
        """
        assert errors(lambda: truce().extend(None, on=D(2025, 8, 1))) == [  # type: ignore[arg-type]
            ("expires", "must be a Deadline, got None")
        ]
        bad: Any = "2025-08-01"
        assert paths(lambda: truce().extend(None, on=bad)) == [  # type: ignore[arg-type]
            "expires",
            "revisions[0].revised_on",
        ]

    def test_no_expiry_no_extension(self) -> None:
        """
        An agreement without an expiry has none to extend: refused at
        ``expires``, the field the new one would take, saying how an end set
        later is recorded (it was an illegal step to the status 'extended',
        which is none).
        """
        assert errors(
            lambda: truce(expires=None).extend(
                Deadline.on(D(2025, 12, 1)), on=D(2025, 8, 1)
            )
        ) == [
            (
                "expires",
                "agreement 'truce' has no expiry to extend; an end first set after "
                "it was reached is a milestone of the agreement, whose deadline "
                "revise_deadline moves",
            )
        ]

    def test_an_expiry_before_it_enters_into_force_is_refused(self) -> None:
        """
        An agreement cannot expire before it enters into force: the current
        expiry and every earlier one (a snapshot shows those) are compared
        with ``in_force``, dates by their days, datetimes as instants.
        """
        kyiv = "Europe/Kyiv"
        starts = Deadline.on(D(2025, 5, 14), tz=kyiv)
        assert errors(
            lambda: truce(in_force=starts, expires=Deadline.on(D(2025, 5, 13), tz=kyiv))
        ) == [
            (
                "expires",
                "falls due (2025-05-13 in Europe/Kyiv) before the agreement enters "
                "into force (2025-05-14 in Europe/Kyiv)",
            )
        ]
        # A truce of one day: in force on its day, expiring at the end of it.
        one_day = truce(in_force=starts, expires=Deadline.on(D(2025, 5, 14), tz=kyiv))
        assert one_day.expiries == (Deadline.on(D(2025, 5, 14), tz=kyiv),)
        noon = pendulum.datetime(2025, 5, 14, 12, tz=kyiv)
        assert paths(
            lambda: truce(
                in_force=Deadline.on(noon),
                expires=Deadline.on(noon.subtract(minutes=1)),
            )
        ) == ["expires"]
        assert truce(in_force=Deadline.on(noon), expires=Deadline.on(noon)).expires
        # A date with no zone may be that day anywhere: only what is certain.
        late_evening = pendulum.datetime(2025, 5, 13, 23, tz="Pacific/Pago_Pago")
        anywhere = truce(
            in_force=Deadline.on(D(2025, 5, 14)), expires=Deadline.on(late_evening)
        )
        assert anywhere.expiries == (Deadline.on(late_evening),)
        # Extending to before the entry into force, and an earlier expiry.
        longer = truce(in_force=starts).extend(
            Deadline.on(D(2025, 12, 1)), on=D(2025, 8, 11)
        )
        assert paths(
            lambda: longer.extend(Deadline.on(D(2025, 5, 1)), on=D(2025, 9, 1))
        ) == ["expires"]
        early = attrs.evolve(longer.revisions[0], previous=Deadline.on(D(2025, 5, 1)))
        assert paths(lambda: attrs.evolve(longer, revisions=[early])) == [
            "revisions[0].previous"
        ]
        # Loaded documents are held to it too.
        document = to_dict(truce(in_force=starts))
        document["expires"] = to_dict(Deadline.on(D(2025, 5, 13), tz=kyiv))
        assert paths(lambda: from_dict(Agreement, document)) == ["expires"]

    def test_an_expiry_at_a_time_of_day_before_its_zoned_day_begins(self) -> None:
        """
        An entry into force on a day that names its zone begins at that day's
        first instant there, for an expiry at a time of day: noon on 13 May in
        New York is before 14 May in New York, even though 14 May has begun
        elsewhere by then. A minute past that midnight is not; where a clock
        change skips midnight, the day begins at the change.
        """
        york = "America/New_York"
        starts = Deadline.on(D(2025, 5, 14), tz=york)
        noon = pendulum.datetime(2025, 5, 13, 12, tz=york)
        message = (
            "falls due (2025-05-13T12:00:00-04:00[America/New_York]) before the "
            "agreement enters into force (2025-05-14 in America/New_York)"
        )
        assert errors(lambda: truce(in_force=starts, expires=Deadline.on(noon))) == [
            ("expires", message)
        ]
        midnight = pendulum.datetime(2025, 5, 14, tz=york)
        for due in (midnight, midnight.add(minutes=1)):
            assert truce(in_force=starts, expires=Deadline.on(due)).expires
        # Extended to it, or holding it as an earlier expiry, loaded or built.
        longer = truce(in_force=starts)
        assert paths(lambda: longer.extend(Deadline.on(noon), on=D(2025, 5, 12))) == [
            "expires"
        ]
        document = to_dict(longer)
        document["expires"] = to_dict(Deadline.on(noon))
        assert paths(lambda: from_dict(Agreement, document)) == ["expires"]
        # Havana skipped midnight on 10 March 2024: the day began at 01:00.
        havana = "America/Havana"
        skipped = Deadline.on(D(2024, 3, 10), tz=havana)
        before = pendulum.datetime(2024, 3, 9, 23, 59, tz=havana)
        assert paths(
            lambda: truce(history=[], in_force=skipped, expires=Deadline.on(before))
        ) == ["expires"]
        first = pendulum.datetime(2024, 3, 10, 1, tz=havana)
        assert truce(history=[], in_force=skipped, expires=Deadline.on(first)).expires

    def test_revisions_need_an_expiry_and_order(self) -> None:
        longer = truce().extend(Deadline.on(D(2025, 12, 1)), on=D(2025, 8, 11))
        assert paths(lambda: attrs.evolve(longer, expires=None)) == ["revisions"]

    def test_revision_before_first_date_is_refused(self) -> None:
        assert paths(
            lambda: truce().extend(Deadline.on(D(2025, 12, 1)), on=D(2025, 5, 1))
        ) == ["revisions[0].revised_on"]

    def test_no_extension_dated_after_the_end(self) -> None:
        """A revision after the agreement was terminated, refused by extend(),
        is refused in a record built or loaded too; one on the same day may
        have come first, and stands."""
        terminated = truce().with_status("terminated", on=D(2025, 6, 1))
        assert terminated.expires is not None
        later = DeadlineRevision(previous=terminated.expires, revised_on=D(2025, 6, 2))
        ((path, message),) = errors(
            lambda: attrs.evolve(
                terminated, expires=Deadline.on(D(2025, 12, 1)), revisions=[later]
            )
        )
        assert path == "revisions[0].revised_on"
        assert message == (
            "2025-06-02 is after agreement 'truce' was terminated (2025-06-01): "
            "it cannot be extended then"
        )
        data = to_dict(truce(expires=Deadline.on(D(2025, 12, 1)), revisions=[later]))
        data["history"].append({"status": "terminated", "on": "2025-06-01"})
        assert paths(lambda: from_dict(Agreement, data)) == ["revisions[0].revised_on"]
        same_day = attrs.evolve(later, revised_on=D(2025, 6, 1))
        assert attrs.evolve(
            terminated, expires=Deadline.on(D(2025, 12, 1)), revisions=[same_day]
        ).revisions == (same_day,)

    def test_ratified_by_each_party_in_turn(self) -> None:
        """New START: Russia ratified on 28 January 2011, the United States on
        2 February; a step each, each party once, named in ``by``."""
        treaty = truce(
            expires=None,
            history=[StatusChange(status="signed", on=D(2010, 4, 8))],
        )
        ratified = treaty.with_status("ratified", on=D(2011, 1, 28), by=["cn"])
        both = ratified.with_status("ratified", on=D(2011, 2, 2), by=["us"])
        assert [change.status for change in both.history] == [
            AgreementStatus.SIGNED,
            AgreementStatus.RATIFIED,
            AgreementStatus.RATIFIED,
        ]
        assert both.status_at(D(2011, 1, 30)) is AgreementStatus.RATIFIED
        assert from_dict(Agreement, to_dict(both)) == both
        assert paths(lambda: ratified.with_status("ratified", on=D(2011, 2, 2))) == [
            "history[2].by"
        ]
        with pytest.raises(ValidationError, match=r"'cn' was already ratified"):
            ratified.with_status("ratified", on=D(2011, 2, 2), by=["us", "cn"])
        data = to_dict(both)
        data["history"][2]["by"] = ["cn"]
        assert paths(lambda: from_dict(Agreement, data)) == ["history[2].by"]
        with pytest.raises(IllegalTransitionError):  # not after it came into force
            both.with_status("in-force", on=D(2011, 2, 5)).with_status(
                "ratified", on=D(2011, 2, 6), by=["uk"]
            )

    def test_ratified_before_it_is_signed(self) -> None:
        """A tentative labour agreement: initialled by the negotiators on 8
        January 2025, ratified by the union's members on 25 February, signed
        after; and a treaty ratified by one party before another signs."""
        contract = truce(expires=None, history=[]).with_status(
            "initialled", on=D(2025, 1, 8)
        )
        ratified = contract.with_status("ratified", on=D(2025, 2, 25), by=["cn"])
        signed = ratified.with_status("signed", on=D(2025, 3, 12))
        assert [change.status for change in signed.history] == [
            AgreementStatus.INITIALLED,
            AgreementStatus.RATIFIED,
            AgreementStatus.SIGNED,
        ]
        assert from_dict(Agreement, to_dict(signed)) == signed
        treaty = truce(
            expires=None,
            history=[StatusChange(status="signed", on=D(2010, 4, 8), by=["cn"])],
        )
        steps = (
            treaty.with_status("ratified", on=D(2011, 1, 28), by=["cn"])
            .with_status("signed", on=D(2011, 2, 1), by=["us"])
            .with_status("ratified", on=D(2011, 2, 2), by=["us"])
            .with_status("in-force", on=D(2011, 2, 5))
        )
        assert steps.status_at(D(2011, 2, 1)) is AgreementStatus.SIGNED
        with pytest.raises(IllegalTransitionError):  # not before it is drafted
            truce(expires=None, history=[]).with_status("ratified", on=D(2025, 1, 8))

    def test_each_party_once_across_other_steps(self) -> None:
        """
        A party signs, initials or ratifies once, whatever steps come between:
        Russia ratifying again after the United States signed is refused, as
        it is right after its first ratification, and a repeat of an earlier
        signing names the parties that took it.
        """
        signed = truce(
            expires=None,
            history=[StatusChange(status="signed", on=D(2010, 4, 8), by=["cn"])],
        )
        steps = signed.with_status(
            "ratified", on=D(2011, 1, 28), by=["cn"]
        ).with_status("signed", on=D(2011, 1, 30), by=["us"])
        assert errors(
            lambda: steps.with_status("ratified", on=D(2011, 2, 2), by=["us", "cn"])
        ) == [("history[3].by", "'cn' was already ratified (history[1])")]
        both = steps.with_status("ratified", on=D(2011, 2, 2), by=["us"])
        assert both.history[3].by == ("us",)
        assert errors(
            lambda: both.with_status("signed", on=D(2011, 2, 3), by=["cn"])
        ) == [("history[4].by", "'cn' was already signed (history[0])")]
        assert errors(lambda: steps.with_status("ratified", on=D(2011, 2, 2))) == [
            (
                "history[3].by",
                "repeats the 'ratified' step of history[1]: name the parties that "
                "took this one (by), each party once",
            )
        ]
        data = to_dict(steps.with_status("ratified", on=D(2011, 2, 2), by=["us"]))
        data["history"][3]["by"] = ["cn"]
        assert paths(lambda: from_dict(Agreement, data)) == ["history[3].by"]

    def test_expired_only_once_the_expiry_passed(self) -> None:
        """Expired on a day its expiry had not passed is refused, as for an ultimatum."""
        due = truce().expires
        assert due is not None
        with pytest.raises(
            IllegalTransitionError, match="had not passed on 2025-06-01"
        ):
            truce().with_status("expired", on=D(2025, 6, 1))
        assert truce().with_status("expired", on=D(2025, 8, 12)).status is (
            AgreementStatus.EXPIRED
        )

    def test_expired_without_a_date_is_dated_at_the_cutoff(self) -> None:
        """Not expired for the whole of its life: expired when the expiry passed."""
        expires = truce().expires
        assert expires is not None
        expired = truce().with_status("expired")
        assert expired.history[-1].on == expires.cutoff
        assert expired.status_at(D(2025, 6, 1)) is AgreementStatus.IN_FORCE
        assert expired.status_at(D(2025, 8, 13)) is AgreementStatus.EXPIRED
        no_expiry = truce(expires=None).with_status("expired")
        assert no_expiry.history[-1].on is None  # no deadline to date it by
        assert paths(
            lambda: truce().extend(
                Deadline.on(D(2025, 11, 10)), on=D(2025, 8, 11), sources="eo"
            )
        ) == ["revisions[0].sources"]

    def test_cannot_amend_itself(self) -> None:
        assert paths(lambda: truce(amends=["truce"], supersedes=["truce"])) == [
            "amends",
            "supersedes",
        ]

    def test_phase_ends_after_it_starts(self) -> None:
        start = D(2025, 1, 19)
        assert Phase(name="One", starts=start, ends=Deadline.after(start, days=42)).ends
        assert paths(
            lambda: Phase(name="One", starts=start, ends=Deadline.on(D(2025, 1, 1)))
        ) == ["ends"]


# --- milestones ---------------------------------------------------------------------


class TestMilestone:
    def test_pending_again_only_by_a_revised_deadline(self) -> None:
        """
        A missed milestone is made pending again by revise_deadline, with
        the deadline that makes it so; with_status("pending") alone would
        leave it pending with its deadline passed, and is refused, as an
        expired ultimatum is revived only by a revision.  A history that
        holds the step is read with the revision, and refused without it.
        """
        missed = clock().with_status("missed", on=D(2019, 3, 30))
        with pytest.raises(IllegalTransitionError, match="'missed' to 'pending'"):
            missed.with_status("pending", on=D(2019, 4, 1))
        revived = missed.revise_deadline(Deadline.on(D(2019, 4, 12)), on=D(2019, 4, 1))
        assert revived.status is MilestoneStatus.PENDING
        again = clock(
            history=revived.history,
            revisions=revived.revisions,
            deadline=revived.deadline,
        )
        assert again == revived
        with pytest.raises(ValidationError) as caught:
            clock(history=revived.history)
        assert caught.value.errors == (
            (
                "history[1].status",
                "milestone 'clock' cannot go back from 'missed' to 'pending' on "
                "2019-04-01: no revision of its deadline brings it back (one made "
                "after the deadline it replaced passed, no earlier than the "
                "'missed' step and no later than this one); revise_deadline "
                "records the new deadline with this step",
            ),
        )

    def test_revisions_and_alternatives(self) -> None:
        later = clock().revise_deadline(
            Deadline.on(D(2019, 4, 12)),
            on=D(2019, 3, 22),
            alternatives=[
                Alternative(
                    condition="if approved",
                    deadline=Deadline.on(D(2019, 5, 22)),
                    applied=False,
                ),
                Alternative(
                    condition="otherwise",
                    deadline=Deadline.on(D(2019, 4, 12)),
                    applied=True,
                ),
            ],
        )
        assert [a.stage for a in later.alternatives] == [1, 1]
        applied = later.applied()
        assert applied is not None
        assert applied.condition == "otherwise"
        assert later.applied(0) is None
        for stage in (2, -1, "1", 1.0, True):
            with pytest.raises(ValidationError) as info:
                later.applied(stage)  # type: ignore[arg-type]
            assert info.value.errors == (
                (
                    "stage",
                    "must be a stage of this milestone, 0 (its first deadline) to 1 "
                    f"(its current one), got {stage!r}",
                ),
            )

    def test_deciding_an_alternative_as_the_talks_go(self) -> None:
        """
        The Article 50 extension of 22 March 2019, recorded before the
        Commons voted: on 29 March the deal was rejected, so "otherwise"
        (12 April) applied; the decision is recorded, with its source, and
        the snapshot before that day shows it undecided.
        """
        pending = clock(sources=[]).revise_deadline(
            Deadline.on(D(2019, 4, 12)),
            on=D(2019, 3, 22),
            alternatives=[
                Alternative(
                    condition="if approved", deadline=Deadline.on(D(2019, 5, 22))
                ),
                Alternative(
                    condition="otherwise",
                    deadline=Deadline.on(D(2019, 4, 12)),
                    sources=["s1"],
                ),
            ],
        )
        vote_day = D(2019, 3, 29)
        decided = pending.decide_alternative(0, applied=False, on=vote_day)
        decided = decided.decide_alternative(
            1, applied=True, on=vote_day, sources=["s2", "s1"]
        )
        assert [(a.applied, a.decided_on) for a in decided.alternatives] == [
            (False, vote_day),
            (True, vote_day),
        ]
        assert decided.alternatives[1].sources == ("s1", "s2")
        applied = decided.applied()
        assert applied is not None
        assert applied.condition == "otherwise"
        # Undated: known whether it applied, not when.
        undated = pending.decide_alternative(1, applied=True)
        assert undated.alternatives[1].decided_on is None
        # What the record checks on construction, it checks here.
        before = errors(
            lambda: pending.decide_alternative(0, applied=True, on=D(2017, 1, 1))
        )
        assert [path for path, _ in before] == ["alternatives[0].decided_on"]
        both = pending.decide_alternative(1, applied=True)
        assert paths(lambda: both.decide_alternative(0, applied=True)) == [
            "alternatives[1].applied"
        ]

    def test_deciding_an_alternative_refuses_bad_arguments(self) -> None:
        pending = clock(
            alternatives=[
                Alternative(
                    condition="if approved", deadline=Deadline.on(D(2019, 5, 22))
                )
            ]
        )
        for index in (1, -1, True, "0", 0.0):
            assert errors(
                lambda i=index: pending.decide_alternative(i, applied=True)
            ) == [
                ("index", f"must name one of its alternatives (0 to 0), got {index!r}")
            ]
        assert errors(lambda: clock().decide_alternative(0, applied=True)) == [
            (
                "index",
                "must name one of its alternatives (none: it has no "
                "alternatives), got 0",
            )
        ]
        for applied in (None, 1, "yes"):
            assert paths(
                lambda a=applied: pending.decide_alternative(0, applied=a)
            ) == ["applied"]
        assert paths(
            lambda: pending.decide_alternative(
                0, applied=True, on=datetime.datetime(2019, 3, 29, 12)
            )
        ) == ["on"]
        assert paths(
            lambda: pending.decide_alternative(0, applied=True, on="2019-03-29")  # type: ignore[arg-type]
        ) == ["on"]
        assert paths(
            lambda: pending.decide_alternative(0, applied=True, sources="s1")
        ) == ["sources"]
        decided = pending.decide_alternative(0, applied=False, on=D(2019, 3, 29))
        assert errors(lambda: decided.decide_alternative(0, applied=False)) == [
            (
                "alternatives[0].applied",
                "was already decided (did not apply, known on 2019-03-29); to "
                "correct it, build the alternative anew (attrs.evolve)",
            )
        ]

    def test_two_applied_alternatives_of_one_deadline_are_refused(self) -> None:
        both = [
            Alternative(condition=c, deadline=Deadline.on(D(2019, 4, 12)), applied=True)
            for c in ("a", "b")
        ]
        assert paths(lambda: clock(alternatives=both)) == ["alternatives[1].applied"]

    def test_an_alternative_of_a_deadline_it_does_not_have(self) -> None:
        alt = Alternative(condition="a", deadline=Deadline.on(D(2019, 4, 12)), stage=2)
        assert paths(lambda: clock(alternatives=[alt])) == ["alternatives[0].stage"]

    def test_an_alternative_before_the_milestone_was_set(self) -> None:
        """
        An alternative's deadline and the day it was decided are no more
        before the milestone was set than its own deadline is.
        """
        early = Alternative(
            condition="if approved",
            deadline=Deadline.on(D(2017, 3, 1)),
            applied=False,
            decided_on=D(2017, 3, 28),
        )
        assert errors(lambda: clock(alternatives=[early])) == [
            (
                "alternatives[0].deadline",
                "falls due (2017-03-01) before the milestone was set (2017-03-29)",
            ),
            (
                "alternatives[0].decided_on",
                "2017-03-28 is before the milestone was set (2017-03-29)",
            ),
        ]
        same_day = attrs.evolve(
            early, deadline=Deadline.on(D(2017, 3, 29)), decided_on=D(2017, 3, 29)
        )
        assert clock(alternatives=[same_day]).alternatives == (same_day,)
        # A month that holds the day it was set may be after it.
        month = attrs.evolve(same_day, decided_on=PartialDate(2017, 3))
        assert clock(alternatives=[month]).alternatives == (month,)
        # Without set_on, nothing to compare with.
        assert clock(set_on=None, alternatives=[early]).alternatives == (early,)
        document = to_dict(clock(alternatives=[same_day]))
        document["alternatives"][0]["decided_on"] = "2017-03-01"
        assert paths(lambda: from_dict(Milestone, document)) == [
            "alternatives[0].decided_on"
        ]

    def test_an_alternative_before_the_revision_that_set_it(self) -> None:
        """
        An alternative of a later deadline was set with that deadline, by its
        revision: it is not decided, and does not fall due, before that day
        (22 March 2019 set 12 April, or 22 May if the Commons approved the
        deal; a decision dated 10 March would put it on the timeline before
        the conditions existed).
        """
        revised = clock().revise_deadline(
            Deadline.on(D(2019, 4, 12)),
            on=D(2019, 3, 22),
            alternatives=[
                Alternative(
                    condition="if the Commons approves the deal",
                    deadline=Deadline.on(D(2019, 5, 22)),
                ),
                Alternative(
                    condition="otherwise", deadline=Deadline.on(D(2019, 4, 12))
                ),
            ],
        )
        assert errors(
            lambda: revised.decide_alternative(0, applied=False, on=D(2019, 3, 10))
        ) == [
            (
                "alternatives[0].decided_on",
                "2019-03-10 is before deadline 1 was set (revisions[0], 2019-03-22)",
            )
        ]
        decided = revised.decide_alternative(0, applied=False, on=D(2019, 3, 22))
        assert decided.alternatives[0].decided_on == D(2019, 3, 22)
        # The month of the revision may be after it; a day certainly before is not.
        month = revised.decide_alternative(1, applied=True, on=PartialDate(2019, 3))
        assert month.alternatives[1].applied
        early = Alternative(
            condition="if extended again",
            deadline=Deadline.on(D(2019, 3, 21)),
            stage=1,
        )
        assert errors(lambda: attrs.evolve(revised, alternatives=[early])) == [
            (
                "alternatives[0].deadline",
                "falls due (2019-03-21) before deadline 1 was set "
                "(revisions[0], 2019-03-22)",
            )
        ]
        # The first deadline's alternatives are still held to set_on alone.
        first = attrs.evolve(early, stage=0)
        assert attrs.evolve(revised, alternatives=[first]).alternatives == (first,)
        # Without set_on, a revision still dates the deadline it set.
        undated = attrs.evolve(revised, set_on=None)
        assert paths(lambda: attrs.evolve(undated, alternatives=[early])) == [
            "alternatives[0].deadline"
        ]
        document = to_dict(decided)
        document["alternatives"][0]["decided_on"] = "2019-03-21"
        assert paths(lambda: from_dict(Milestone, document)) == [
            "alternatives[0].decided_on"
        ]

    def test_a_decision_day_needs_the_decision(self) -> None:
        """``decided_on`` says when it became known whether it applied."""
        assert errors(
            lambda: Alternative(
                condition="if approved",
                deadline=Deadline.on(D(2019, 5, 22)),
                decided_on=D(2019, 3, 29),
            )
        ) == [
            (
                "decided_on",
                "says when it became known whether the alternative applied: give "
                "applied (true or false) with it",
            )
        ]
        for applied in (True, False):
            decided = Alternative(
                condition="if approved",
                deadline=Deadline.on(D(2019, 5, 22)),
                applied=applied,
                decided_on=D(2019, 3, 29),
            )
            assert decided.applied is applied
        unknown = Alternative(
            condition="if approved", deadline=Deadline.on(D(2019, 5, 22))
        )
        assert unknown.decided_on is None

    def test_deadline_before_it_was_set(self) -> None:
        assert paths(lambda: clock(deadline=Deadline.on(D(2016, 1, 1)))) == ["deadline"]

    def test_status_steps(self) -> None:
        missed = clock().with_status("missed", on=D(2019, 3, 30))
        revived = missed.revise_deadline(Deadline.on(D(2019, 6, 1)), on=D(2019, 4, 1))
        assert revived.status is MilestoneStatus.PENDING
        met = revived.with_status("met", on=D(2019, 5, 1))
        with pytest.raises(IllegalTransitionError):
            met.with_status("missed")
        with pytest.raises(IllegalTransitionError):
            met.revise_deadline(Deadline.on(D(2019, 7, 1)), on=D(2019, 5, 2))
        with pytest.raises(ValidationError):
            clock().with_status("late")

    def test_missed_only_once_the_deadline_passed(self) -> None:
        """Missed on a day the deadline had not passed is refused, as for an ultimatum."""
        with pytest.raises(
            IllegalTransitionError, match="had not passed on 2019-03-28"
        ):
            clock().with_status("missed", on=D(2019, 3, 28))
        on_the_day = clock().with_status("missed", on=D(2019, 3, 29))  # passed that day
        assert on_the_day.status is MilestoneStatus.MISSED
        missed = clock().with_status("missed")
        assert missed.status is MilestoneStatus.MISSED

    def test_missed_without_a_date_is_dated_at_the_cutoff(self) -> None:
        """Not missed for the whole of its life: missed when the deadline passed."""
        missed = clock().with_status("missed", by=["uk"])
        assert missed.history[-1].on == clock().deadline.cutoff
        assert missed.history[-1].by == ("uk",)
        assert missed.status_at(D(2019, 3, 29)) is MilestoneStatus.PENDING
        assert missed.status_at(D(2019, 3, 30)) is MilestoneStatus.MISSED
        assert clock().with_status("met").history[-1].on is None  # only the closing

    def test_the_first_status_may_be_restated_dated(self) -> None:
        """The talks active from 10 January: the first status, dated, as the
        constructor's ``status_on=`` and a history may say it; not twice."""
        active = talks().with_status("active", on=D(2025, 1, 10))
        assert active.history == (StatusChange(status="active", on=D(2025, 1, 10)),)
        assert active == talks(status_on=D(2025, 1, 10))
        with pytest.raises(IllegalTransitionError):
            active.with_status("active", on=D(2025, 1, 11))
        drafted = truce(history=[]).with_status("drafted", on=D(2025, 5, 1))
        assert drafted.history[0].on == D(2025, 5, 1)

    def test_a_cutoff_before_the_last_step_needs_a_date(self) -> None:
        """Missed without a date where the deadline passed before the change
        before it: the date to give is asked for, at ``on``."""
        late = clock(history=[StatusChange(status="pending", on=D(2019, 4, 2))])
        with pytest.raises(ValidationError) as info:
            late.with_status("missed")
        assert info.value.errors == (
            (
                "on",
                "not given, and the deadline passed (2019-03-30T00:00:00Z) before "
                "the change before it (2019-04-02): give the day it was missed",
            ),
        )
        assert late.with_status("missed", on=D(2019, 4, 3)).status is (
            MilestoneStatus.MISSED
        )

    def test_every_record_refuses_a_step_alike(self) -> None:
        """A step the rules forbid is an IllegalTransitionError and a name of
        no status a ValidationError at ``status``, with the problems of the
        other arguments (a moment at ``on``, the step's other values where
        the step would go), for the talks as well."""
        concluded = talks().with_status("concluded", on=D(2025, 1, 1))
        signed = truce()
        missed = clock().with_status("missed", on=D(2019, 3, 30))
        for record, again in (
            (concluded, "concluded"),
            (signed, "signed"),
            (missed.with_status("met", on=D(2019, 4, 1)), "met"),
        ):
            with pytest.raises(IllegalTransitionError):
                record.with_status(again, on=D(2025, 2, 1))
            with pytest.raises(ValidationError) as info:
                record.with_status("bogus", on=D(2025, 2, 1))
            assert [path for path, _ in info.value.errors] == ["status"]
            with pytest.raises(ValidationError) as info:
                record.with_status("bogus", on="2025-02-01", by=["UK"])  # type: ignore[arg-type]
            step = f"history[{len(record.history)}]"
            assert [path for path, _ in info.value.errors] == [
                "status",
                "on",
                f"{step}.by[0]",
            ]
            failure = RuntimeError("database went away")

            def ids(error: Exception = failure) -> Iterator[str]:
                yield "uk"
                raise error

            with pytest.raises(ValidationError) as info:
                record.with_status("bogus", by=ids())
            assert [path for path, _ in info.value.errors] == ["status", f"{step}.by"]
            assert info.value.__cause__ is failure

    @pytest.mark.parametrize(
        ("arguments", "field"),
        [({"by": "uk"}, "by"), ({"by": None}, "by"), ({"sources": "src"}, "sources")],
    )
    def test_a_lone_string_is_not_a_list_of_ids(
        self, arguments: dict[str, Any], field: str
    ) -> None:
        """``by="uk"`` is refused, not read as the parties 'u' and 'k'."""
        for record, status in (
            (clock(), "met"),
            (truce(), "suspended"),
            (talks(), "stalled"),
        ):
            assert paths(lambda r=record, s=status: r.with_status(s, **arguments)) == [
                f"history[{len(record.history)}].{field}"
            ]

    @pytest.mark.parametrize(
        "on", ["2025-02-10", pendulum.datetime(2025, 2, 10).naive(), 5]
    )
    def test_a_bad_moment_is_reported_at_on_for_every_status(self, on: Any) -> None:
        """
        A bad ``on`` is reported at ``on``, the argument, as the status
        methods of proposals, ultimatums and rounds report it, for every
        status alike (those checked against a deadline, ``missed`` and
        ``expired``, too); the step's other values where the change would
        take them (``history[n].by``).
        """
        for record, statuses in (
            (clock(), ["met", "missed", "cancelled"]),
            (truce(), ["suspended", "expired", "terminated"]),
        ):
            place = "on"
            found = {
                status: errors(lambda r=record, s=status: r.with_status(s, on=on))
                for status in statuses
            }
            assert {path for problems in found.values() for path, _ in problems} == {
                place
            }
            assert len({tuple(problems) for problems in found.values()}) == 1
            assert paths(
                lambda r=record, s=statuses[1]: r.with_status(s, on=on, by="uk")
            ) == [place, f"history[{len(record.history)}].by"]

    @pytest.mark.parametrize("status", ["met", "cancelled", "superseded"])
    def test_no_revision_dated_after_the_end(self, status: str) -> None:
        """A revision after the milestone was met (cancelled, superseded),
        which revise_deadline refuses, is refused in a record built too."""
        ended = clock().with_status(status, on=D(2019, 3, 1))
        with pytest.raises(IllegalTransitionError):
            ended.revise_deadline(Deadline.on(D(2019, 4, 12)), on=D(2019, 3, 22))
        revision = DeadlineRevision(
            previous=clock().deadline, revised_on=D(2019, 3, 22)
        )
        ((path, message),) = errors(
            lambda: attrs.evolve(
                ended, deadline=Deadline.on(D(2019, 4, 12)), revisions=[revision]
            )
        )
        assert path == "revisions[0].revised_on"
        assert message == (
            f"2019-03-22 is after milestone 'clock' was {status} (2019-03-01): "
            "its deadline cannot be revised then"
        )

    def test_alternatives_given_are_placed_after_those_it_has(self) -> None:
        """
        Revised with alternatives, a milestone that has two already reports
        a value that is no Alternative, and one its rules refuse, at the
        same place: where the alternative would go (``alternatives[2]``),
        not at the first of those it has.
        """
        two = clock(
            alternatives=[
                Alternative(condition="a", deadline=Deadline.on(D(2019, 3, 29))),
                Alternative(condition="b", deadline=Deadline.on(D(2019, 3, 30))),
            ]
        )
        early = Alternative(
            condition="x",
            deadline=Deadline.on(D(2019, 5, 22)),
            applied=False,
            decided_on=D(2016, 1, 1),
        )
        for offered, path in [
            ([5], "alternatives[2]"),
            ([early], "alternatives[2].decided_on"),
            ([early, 5], "alternatives[3]"),
        ]:
            assert paths(
                lambda offered=offered: two.revise_deadline(
                    Deadline.on(D(2019, 4, 12)), on=D(2019, 3, 22), alternatives=offered
                )
            ) == [path]

    def test_revised_with_alternatives_that_are_not_alternatives(self) -> None:
        """Anything but an Alternative is a ValidationError at its place."""
        assert paths(
            lambda: clock().revise_deadline(
                Deadline.on(D(2019, 4, 12)),
                on=D(2019, 3, 22),
                alternatives=[{"condition": "if approved"}],  # type: ignore[list-item]
            )
        ) == ["alternatives[0]"]
        assert paths(
            lambda: clock().revise_deadline(
                Deadline.on(D(2019, 4, 12)), on=D(2019, 3, 22), sources="eo"
            )
        ) == ["revisions[0].sources"]


# --- votes ------------------------------------------------------------------------


class TestVoteResult:
    def test_the_function_reads_its_arguments_as_a_vote_does(self) -> None:
        """decided_result takes a threshold's value as a Vote does (it said
        None, "not decided", for "three-fifths"), and refuses what a Vote
        refuses (a negative count, a bool, text) at the argument's name."""
        assert decided_result("three-fifths", 58, 42, 100) is VoteResult.FAILED
        with pytest.raises(ValidationError) as exc:
            decided_result("nope", -5, no=True, members=None, abstain="2")  # type: ignore[arg-type]
        assert [path for path, _ in exc.value.errors] == [
            "threshold",
            "yes",
            "no",
            "abstain",
        ]

    def test_counts_above_the_members_still_decide_a_rule_of_those_voting(
        self,
    ) -> None:
        """1 for and 2 against fail a simple majority whatever the members:
        recorded as passed with 2 members, both problems are reported at
        once, not the result only once the members are put right."""
        assert errors(
            lambda: Vote(
                id="v",
                body="B",
                on=D(2025, 1, 1),
                question="Q",
                yes=1,
                no=2,
                members=2,
                result="passed",
            )
        ) == [
            ("members", "3 votes recorded, more than the 2 members"),
            (
                "result",
                "'passed' does not agree with the counts: 1 for and 2 against "
                "fails a simple majority of those voting",
            ),
        ]
        # A rule of the members cannot be read from members that do not fit.
        assert decided_result("three-fifths", 2, 2, 3) is None

    @pytest.mark.parametrize(
        ("threshold", "yes", "no", "members", "expected"),
        [
            # simple majority of those voting: abstentions do not count
            ("simple-majority", 286, 344, None, "failed"),
            ("simple-majority", 51, 50, None, "passed"),
            ("simple-majority", 50, 50, None, "failed"),
            # absolute majority of members
            ("absolute-majority", 326, 0, 650, "passed"),
            ("absolute-majority", 325, 0, 650, "failed"),
            # two-thirds of those voting
            ("two-thirds", 20, 10, None, "passed"),
            ("two-thirds", 19, 10, None, "failed"),
            ("two-thirds", 0, 0, None, "failed"),  # no one for: it fails
            ("two-thirds", 1, 0, None, "passed"),
            # two-thirds of members (a federal constitutional law in the Duma)
            ("two-thirds-of-members", 300, 0, 450, "passed"),
            (
                "two-thirds-of-members",
                290,
                10,
                450,
                "failed",
            ),  # 29 to 1 of those voting
            # three-fifths of members (Senate cloture)
            ("three-fifths", 60, 40, 100, "passed"),
            ("three-fifths", 58, 42, 100, "failed"),
            # unanimity: no one against, someone for
            ("unanimity", 15, 0, None, "passed"),
            ("unanimity", 14, 1, None, "failed"),
            ("unanimity", 0, 0, None, "failed"),
        ],
    )
    def test_each_rule(
        self, threshold: str, yes: int, no: int, members: int | None, expected: str
    ) -> None:
        assert decided_result(Threshold(threshold), yes, no, members) is VoteResult(
            expected
        )
        assert vote(
            threshold=threshold, yes=yes, no=no, members=members, result=expected
        ).decided is VoteResult(expected)
        other = "passed" if expected == "failed" else "failed"
        assert paths(
            lambda: vote(
                threshold=threshold, yes=yes, no=no, members=members, result=other
            )
        ) == ["result"]

    def test_the_documented_rules_are_the_rules(self) -> None:
        """Each "passed when ``...``" of the votes module is what the code decides."""
        doc = " ".join((votes.__doc__ or "").split())
        rules = dict(re.findall(r"``([a-z-]+)`` — [^`]*?passed when ``([^`]+)``", doc))
        assert set(rules) == {
            "simple-majority",
            "absolute-majority",
            "two-thirds",
            "two-thirds-of-members",
            "three-fifths",
            "unanimity",
        }
        for name, rule in rules.items():
            for yes in range(4):
                for no in range(4):
                    for members in range(max(1, yes + no), yes + no + 3):
                        counts = {"yes": yes, "no": no, "members": members}
                        said = eval(rule, {}, counts)  # noqa: S307 - the module's text
                        decided = decided_result(Threshold(name), yes, no, members)
                        assert decided is VoteResult("passed" if said else "failed"), (
                            name,
                            rule,
                            yes,
                            no,
                            members,
                        )

    @pytest.mark.parametrize("threshold", ["consensus", "other"])
    def test_counts_do_not_decide(self, threshold: str) -> None:
        assert vote(threshold=threshold, yes=1, no=99, result="passed").decided is None

    def test_missing_counts_are_not_checked_when_they_decide(self) -> None:
        assert vote(threshold="three-fifths", yes=58, result="passed").decided is None
        assert vote(yes=10, result="passed").decided is None

    @pytest.mark.parametrize(
        ("threshold", "counts", "expected"),
        [
            ("unanimity", {"no": 1}, "failed"),  # one against blocks it
            ("unanimity", {"yes": 5, "members": 5}, "passed"),  # no one left
            ("three-fifths", {"yes": 55, "no": 45}, "failed"),  # of >= 100
            ("absolute-majority", {"yes": 40, "no": 60}, "failed"),
            ("simple-majority", {"yes": 400, "members": 650}, "passed"),  # <= 250 no
            ("two-thirds", {"yes": 0}, "failed"),
            ("two-thirds", {"yes": 20, "abstain": 10, "members": 40}, "passed"),
        ],
    )
    def test_missing_counts_checked_as_far_as_they_could_go(
        self, threshold: str, counts: dict[str, int], expected: str
    ) -> None:
        """A result the given counts decide whatever the others are is checked."""
        assert vote(threshold=threshold, result=expected, **counts).decided is (
            VoteResult(expected)
        )
        other = "passed" if expected == "failed" else "failed"
        [(path, message)] = errors(
            lambda: vote(threshold=threshold, result=other, **counts)
        )
        assert path == "result"
        assert "whatever the counts not given" in message

    @settings(max_examples=300, deadline=None)
    @given(
        threshold=st.sampled_from(Threshold),
        yes=st.none() | st.integers(0, 4),
        no=st.none() | st.integers(0, 4),
        abstain=st.none() | st.integers(0, 4),
        members=st.none() | st.integers(1, 8),
    )
    def test_decided_exactly_when_every_completion_agrees(
        self,
        threshold: Threshold,
        yes: int | None,
        no: int | None,
        abstain: int | None,
        members: int | None,
    ) -> None:
        """
        Against every way of filling in the counts not given (each from 0, the
        members at least the votes): a decided result is what each gives, and
        an undecided one has completions that pass and completions that fail.
        """
        given = [yes, no, abstain]
        if members is not None and sum(n or 0 for n in given) > members:
            return  # reported as a count that does not fit the body
        limit = 20
        outcomes = set()
        for y, n, a in itertools.product(
            *([c] if c is not None else range(limit) for c in given)
        ):
            for m in [members] if members is not None else range(1, 3 * limit):
                if y + n + a > m:
                    continue
                outcomes.add(decided_result(threshold, y, n, m, a))
        decided = decided_result(threshold, yes, no, members, abstain)
        if threshold in (Threshold.CONSENSUS, Threshold.OTHER):
            assert decided is None
        elif decided is None:
            assert outcomes == {VoteResult.PASSED, VoteResult.FAILED}
        else:
            assert outcomes == {decided}

    def test_counts_fit_the_body(self) -> None:
        assert paths(
            lambda: vote(yes=60, no=40, abstain=1, members=100, result="passed")
        ) == ["members"]

    def test_message_names_the_rule(self) -> None:
        [(_, message)] = errors(
            lambda: vote(
                threshold="three-fifths", yes=58, no=42, members=100, result="passed"
            )
        )
        assert "needs 60" in message


# --- actions ----------------------------------------------------------------------


class TestAction:
    def test_an_exchange(self) -> None:
        exchange = Action(
            id="swap",
            kind="cooperate",
            by=["us", "cn"],
            on=D(2025, 6, 9),
            summary="Prisoner exchange",
            quantities=[Quantity(amount=307, unit="prisoners")] * 2,
        )
        assert exchange.kind is ActionKind.COOPERATE
        assert len(exchange.quantities) == 2

    def test_needs_a_party_and_ends_after_it_began(self) -> None:
        """An empty ``by`` is the field's own problem (as the schema's minItems
        says); when the fields are valid, an end before the start is reported."""
        assert paths(
            lambda: Action(
                id="a",
                kind="protest",
                by=[],
                on=D(2025, 6, 9),
                ends=D(2025, 6, 1),
                summary="Strike",
            )
        ) == ["by"]
        assert paths(
            lambda: Action(
                id="a",
                kind="protest",
                by=["uaw"],
                on=D(2025, 6, 9),
                ends=D(2025, 6, 1),
                summary="Strike",
            )
        ) == ["ends"]

    def test_sixteen_plover_kinds(self) -> None:
        assert len(ActionKind) == 16


# --- in a negotiation -------------------------------------------------------------


def full() -> Negotiation:
    agreement = truce(
        provisions=[Condition(id="pause", text="Pause tariffs")],
        from_proposal="p",
        round=None,
    ).extend(Deadline.on(D(2025, 11, 10)), on=D(2025, 8, 11), reason="EO 14334")
    milestone = clock(
        id="talks-due",
        set_on=D(2025, 5, 12),
        agreement="truce",
        deadline=Deadline.on(D(2025, 7, 1)),
    )
    return talks(
        proposals=[
            Proposal(id="p", proposed_by="us", made_on=D(2025, 5, 1), summary="Pause")
        ],
        agreements=[agreement],
        milestones=[milestone],
        votes=[
            vote(
                id="v", on=D(2025, 5, 20), subject="truce", yes=3, no=1, result="passed"
            )
        ],
        actions=[
            Action(
                id="a",
                kind="sanction",
                by=["us"],
                toward=["cn"],
                on=D(2025, 6, 1),
                summary="Export controls",
            )
        ],
    )


class TestAgreementCircles:
    """Agreements do not amend or supersede each other in a circle."""

    @staticmethod
    def _talks(**links: dict[str, list[str]]) -> dict[str, Any]:
        return {
            "schema_version": 2,
            "id": "n",
            "title": "N",
            "agreements": [
                {"id": ident, "title": ident, "stage": "comprehensive", **link}
                for ident, link in links.items()
            ],
        }

    @pytest.mark.parametrize(
        ("links", "problem"),
        [
            (
                {
                    "wa-2018": {"supersedes": ["wa-2019"]},
                    "wa-2019": {"supersedes": ["wa-2018"]},
                },
                ("agreements[0].supersedes[0]", "'wa-2018' -> 'wa-2019' -> 'wa-2018'"),
            ),
            (
                {
                    "x": {"amends": ["y"]},
                    "y": {"supersedes": ["z"]},
                    "z": {"amends": ["x"]},
                },
                ("agreements[0].amends[0]", "'x' -> 'y' -> 'z' -> 'x'"),
            ),
            (
                {
                    "a": {},
                    "b": {"amends": ["a"], "supersedes": ["c"]},
                    "c": {"supersedes": ["b"], "amends": ["b"]},
                },
                ("agreements[1].supersedes[0]", "'b' -> 'c' -> 'b'"),
            ),
        ],
        ids=["two-supersede", "three-mixed", "found-twice"],
    )
    def test_a_circle_is_refused_once(
        self, links: dict[str, dict[str, list[str]]], problem: tuple[str, str]
    ) -> None:
        """Built or loaded, a circle is reported once, at the link from its
        first agreement in the record."""
        data = self._talks(**links)
        with pytest.raises(ValidationError) as from_text:
            from_json(Negotiation, json.dumps(data))
        with pytest.raises(ValidationError) as from_data:
            from_dict(Negotiation, data)
        for caught in (from_text, from_data):
            circles = [e for e in caught.value.errors if "in a circle" in e[1]]
            assert len(circles) == 1
            path, message = circles[0]
            assert path == problem[0]
            assert problem[1] in message

    def test_many_circles_each_at_its_own_first_agreement(self) -> None:
        """Pairs that amend each other: each pair is one circle, reported at the
        link of its first agreement (the check is linear in the agreements)."""
        data = self._talks(**{f"a-{k}": {"amends": [f"a-{k ^ 1}"]} for k in range(200)})
        with pytest.raises(ValidationError) as caught:
            from_dict(Negotiation, data)
        assert [path for path, _ in caught.value.errors] == [
            f"agreements[{k}].amends[0]" for k in range(0, 200, 2)
        ]
        assert caught.value.errors[1][1].startswith(
            "agreements amend or supersede each other in a circle ('a-2' -> 'a-3' "
            "-> 'a-2')"
        )

    def test_a_long_circle_is_named_by_its_ends(self) -> None:
        """A circle of 300 agreements is one problem of bounded length."""
        size = 300
        data = self._talks(
            **{f"a-{k}": {"amends": [f"a-{(k + 1) % size}"]} for k in range(size)}
        )
        with pytest.raises(ValidationError) as caught:
            from_dict(Negotiation, data)
        ((path, message),) = [e for e in caught.value.errors if "in a circle" in e[1]]
        assert path == "agreements[0].amends[0]"
        assert (
            "('a-0' -> 'a-1' -> 'a-2' -> 'a-3' -> 'a-4' -> ... 291 more ... -> "
            "'a-296' -> 'a-297' -> 'a-298' -> 'a-299' -> 'a-0')"
        ) in message

    def test_a_chain_is_fine(self) -> None:
        """Colombia 2016: the revised accord supersedes the one the plebiscite
        rejected, and a later text amends the revised one."""
        data = self._talks(
            **{
                "accord-august": {},
                "accord-november": {"supersedes": ["accord-august"]},
                "implementation": {"amends": ["accord-november", "accord-august"]},
            }
        )
        assert len(from_dict(Negotiation, data).agreements) == 3


class TestInANegotiation:
    def test_lookups(self) -> None:
        record = full()
        assert record.agreement("truce").id == "truce"
        assert record.milestone("talks-due").id == "talks-due"
        assert record.vote("v").result is VoteResult.PASSED
        assert record.action("a").kind is ActionKind.SANCTION
        assert record.condition("pause").text == "Pause tariffs"
        with pytest.raises(RecordNotFoundError):
            record.vote("w")

    def test_every_reference_is_checked(self) -> None:
        record = full()
        found = paths(
            lambda: attrs.evolve(
                record,
                agreements=[
                    attrs.evolve(
                        record.agreements[0],
                        signatories=["us", "xx"],
                        from_proposal="nope",
                        round=4,
                        amends=["other"],
                        sources=["s"],
                    )
                ],
                milestones=[
                    attrs.evolve(record.milestones[0], agreement="nope", set_by=["yy"])
                ],
                votes=[attrs.evolve(record.votes[0], party="zz", subject="nope")],
                actions=[attrs.evolve(record.actions[0], toward=["ww"])],
            )
        )
        assert found == [
            "agreements[0].signatories[1]",
            "agreements[0].from_proposal",
            "agreements[0].round",
            "agreements[0].amends[0]",
            "agreements[0].sources[0]",
            "milestones[0].set_by[0]",
            "milestones[0].agreement",
            "votes[0].party",
            "votes[0].subject",
            "actions[0].toward[0]",
        ]

    def test_ids_are_unique(self) -> None:
        record = full()
        found = paths(
            lambda: attrs.evolve(
                record,
                agreements=record.agreements * 2,
                milestones=record.milestones * 2,
                votes=record.votes * 2,
                actions=record.actions * 2,
            )
        )
        assert "agreements[1].id" in found
        assert "milestones[1].id" in found
        assert "votes[1].id" in found
        assert "actions[1].id" in found
        assert "agreements[1].provisions[0].id" in found

    def test_timeline(self) -> None:
        kinds = [(str(e.moment), e.kind) for e in full().timeline()]
        assert ("2025-05-12", EventKind.MILESTONE) in kinds
        assert ("2025-05-20", EventKind.VOTE) in kinds
        assert ("2025-06-01", EventKind.ACTION) in kinds
        assert ("2025-08-11", EventKind.DEADLINE_REVISION) in kinds
        assert ("2025-08-12", EventKind.REPLACED_DEADLINE) in kinds
        assert ("2025-11-10", EventKind.DEADLINE) in kinds
        assert ("2025-05-14", EventKind.STATUS) in kinds

    def test_as_of_leaves_out_and_cuts(self) -> None:
        record = full()
        before = record.as_of(D(2025, 5, 1))
        assert before.agreements == ()
        assert before.milestones == ()
        assert before.votes == ()
        assert before.actions == ()
        july = record.as_of(D(2025, 7, 1))
        agreement = july.agreement("truce")
        assert agreement.revisions == ()
        assert agreement.expires is not None
        assert str(agreement.expires.due) == "2025-08-12"
        assert [a.id for a in july.actions] == ["a"]
        assert record.as_of(D(2025, 5, 13)).agreement("truce").status is (
            AgreementStatus.SIGNED
        )

    def test_as_of_cuts_alternatives(self) -> None:
        milestone = clock().revise_deadline(
            Deadline.on(D(2019, 4, 12)),
            on=D(2019, 3, 22),
            alternatives=[
                Alternative(
                    condition="if approved",
                    deadline=Deadline.on(D(2019, 5, 22)),
                    applied=False,
                    decided_on=D(2019, 3, 29),
                )
            ],
        )
        record = talks(milestones=[milestone])
        assert record.as_of(D(2019, 3, 1)).milestones[0].alternatives == ()
        assert (
            record.as_of(D(2019, 3, 25)).milestones[0].alternatives[0].applied is None
        )
        assert (
            record.as_of(D(2019, 4, 1)).milestones[0].alternatives[0].applied is False
        )

    def test_a_revised_milestone_without_set_on_is_there_before_its_revision(
        self,
    ) -> None:
        """
        A milestone without ``set_on`` is in every snapshot; revised on 22
        March 2019 it vanished before that day (the revision counted as when
        it was first heard of), though its first deadline was in force then.
        A revision shows the milestone was there before it: it does not count,
        as for an agreement; a dated status change does.
        """
        plain = clock(set_on=None)
        revised = plain.revise_deadline(Deadline.on(D(2019, 4, 12)), on=D(2019, 3, 22))
        assert plain.first_dated is None
        assert revised.first_dated is None
        record = talks(milestones=[revised])
        for at, due in [
            (D(2018, 6, 1), "2019-03-29"),
            (D(2019, 3, 21), "2019-03-29"),
            (D(2019, 3, 22), "2019-04-12"),
        ]:
            assert [str(m.deadline.due) for m in record.as_of(at).milestones] == [due]
            assert [
                (e.id, str(e.deadline.due)) for e in record.all_upcoming_deadlines(at)
            ] == [("clock", due)]
        assert record.all_expired_deadlines(D(2019, 3, 30)) == ()
        # a dated status change still dates it
        met = revised.with_status("met", on=D(2019, 4, 1))
        assert met.first_dated == D(2019, 4, 1)
        assert talks(milestones=[met]).as_of(D(2019, 3, 31)).milestones == ()

    def test_as_of_keeps_once_two_alternatives_made_alike(self) -> None:
        """
        The European Council's 22 May alternative (21 March 2019) recorded
        twice, once with its outcome (the Commons rejected the deal on 29
        March): until then the two are one alternative, kept once.
        """
        approved = Alternative(
            condition="if the Commons approves the withdrawal agreement",
            deadline=Deadline.on(D(2019, 5, 22)),
        )
        rejected = attrs.evolve(approved, applied=False, decided_on=D(2019, 3, 29))
        milestone = clock().revise_deadline(
            Deadline.on(D(2019, 4, 12)),
            on=D(2019, 3, 22),
            alternatives=[approved, rejected],
        )
        record = talks(milestones=[milestone])
        before = record.as_of(D(2019, 3, 25))
        assert before.milestones[0].alternatives == (attrs.evolve(approved, stage=1),)
        upcoming = record.all_upcoming_deadlines(D(2019, 3, 25))
        assert [(e.id, str(e.deadline.due)) for e in upcoming] == [
            ("clock", "2019-04-12")
        ]
        assert record.as_of(D(2019, 3, 29)).milestones[0] == milestone

    def test_deadline_queries(self) -> None:
        record = full()
        upcoming = record.all_upcoming_deadlines(D(2025, 6, 1))
        assert [(e.kind, e.id, str(e.deadline.due)) for e in upcoming] == [
            ("milestone", "talks-due", "2025-07-01"),
            ("agreement", "truce", "2025-08-12"),
        ]
        assert [e.id for e in record.all_upcoming_deadlines(D(2025, 6, 1), "P7D")] == []
        passed = record.all_expired_deadlines(D(2025, 7, 2))
        assert [(e.kind, e.id) for e in passed] == [("milestone", "talks-due")]
        assert record.upcoming_deadlines(D(2025, 6, 1)) == ()  # ultimatums only

    def test_a_subclass_is_named_by_the_kind_of_record_it_is(self) -> None:
        """The kind of an entry is one of four words, also for a record class
        of one's own (it was the class's name, lower-cased)."""

        @attrs.frozen(kw_only=True)
        class TreatyClock(Milestone):
            pass

        due = Deadline.on(D(2025, 7, 1))
        entry = DeadlineEntry(TreatyClock(id="clock", title="Clock", deadline=due), due)
        assert entry.kind == "milestone"
        kinds = {e.kind for e in full().all_upcoming_deadlines(D(2025, 6, 1))}
        assert kinds == {"milestone", "agreement"}

    def test_json_round_trip(self) -> None:
        record = full()
        assert from_json(Negotiation, to_json(record)) == record


@settings(max_examples=25, deadline=None)
@given(nst.negotiations())
def test_generated_records_round_trip(record: Negotiation) -> None:
    assert from_json(Negotiation, to_json(record)) == record


# --- the command line and the examples ---------------------------------------------


def cli(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
    return out.getvalue()


class TestCommandLine:
    @pytest.fixture
    def path(self, tmp_path: Path) -> Path:
        sys.path.insert(0, str(EXAMPLES))
        try:
            import article_50

            record = article_50.build_record()
        finally:
            sys.path.remove(str(EXAMPLES))
        target = tmp_path / "a50.json"
        target.write_text(to_json(record), encoding="utf-8")
        return target

    def test_show_text_and_json(self, path: Path) -> None:
        text = cli("show", str(path), "--at", "2019-03-25")
        assert "Milestones:" in text
        assert "Votes:" in text
        assert "article-50-period" in text
        data = json.loads(
            cli("show", str(path), "--at", "2020-03-01", "--format", "json")
        )
        [record] = data["negotiations"]
        assert [v["id"] for v in record["votes"]] == [
            "meaningful-vote-1",
            "meaningful-vote-3",
        ]
        assert record["milestones"][0]["status"] == "met"
        assert record["agreements"][0]["status"] == "in-force"

    def test_deadlines(self, path: Path) -> None:
        text = cli("deadlines", str(path), "--at", "2019-03-25")
        assert "Milestones, agreement expiries and phase ends due" in text
        assert "2019-04-12" in text
        data = json.loads(
            cli("deadlines", str(path), "--at", "2019-03-25", "--format", "json")
        )
        [record] = data["negotiations"]
        due = record["milestones_and_agreements"]["due"]
        assert [(d["kind"], d["id"], d["due"]) for d in due] == [
            ("milestone", "article-50-period", "2019-04-12"),
            ("phase", "withdrawal-agreement", "2020-12-31"),
        ]

    def test_timeline(self, path: Path) -> None:
        text = cli("timeline", str(path))
        assert "vote" in text
        assert "alternative-deadline" in text
