"""Ultimatums, consequences, status changes and deadline revisions."""

from __future__ import annotations

import unicodedata
from typing import Any

import attrs
import pendulum
import pytest

from negotiation_records import (
    Condition,
    Consequence,
    ConsequenceKind,
    Deadline,
    DeadlineRevision,
    IllegalTransitionError,
    Milestone,
    Negotiation,
    PartialDate,
    Party,
    Response,
    Stance,
    Ultimatum,
    UltimatumStatus,
    ValidationError,
    from_dict,
    to_dict,
)
from tests.strategies_foundation import errors_of, slug_error


ISSUED = pendulum.date(2025, 7, 14)
DUE = pendulum.date(2025, 9, 2)
FIFTY_DAYS = Deadline.after(ISSUED, days=50)


def ultimatum(**changes: Any) -> Ultimatum:
    """The US 50-day ultimatum to Russia, with *changes* applied."""
    kwargs: dict[str, Any] = {
        "id": "us-ultimatum",
        "issued_by": "united-states",
        "addressed_to": ["russia"],
        "issued_at": ISSUED,
        "demand": "Reach a ceasefire with Ukraine",
        "deadline": FIFTY_DAYS,
    }
    kwargs.update(changes)
    return Ultimatum(**kwargs)


def refusal(record: Ultimatum, method: str, **kwargs: Any) -> str:
    """The message of the IllegalTransitionError *method* raises."""
    with pytest.raises(IllegalTransitionError) as info:
        getattr(record, method)(**kwargs)
    return str(info.value)


class TestConsequence:
    def test_fields(self) -> None:
        """A consequence has text, a kind and whom it would hit."""
        c = Consequence(
            text="Secondary sanctions on countries that buy Russian oil",
            kind="secondary-sanction",
            targets=["countries that purchase Russian oil"],
        )
        assert c.kind is ConsequenceKind.SECONDARY_SANCTION
        assert c.target_parties == ()
        assert Consequence(text="Something").kind is ConsequenceKind.OTHER

    def test_invalid(self) -> None:
        """Bad kinds, blank or repeated targets and bad party ids are reported."""
        assert errors_of(
            Consequence,
            text="",
            kind="tariffs",
            targets=["buyers", "buyers"],
            target_parties=["Russia"],
        ) == (
            ("text", "must be non-empty text, got ''"),
            (
                "kind",
                "'tariffs' is not a valid ConsequenceKind (choose from 'tariff', "
                "'sanction', 'secondary-sanction', 'military', 'diplomatic', "
                "'legal', 'other')",
            ),
            ("targets[1]", "target 'buyers' appears twice"),
            ("target_parties[0]", slug_error("Russia")),
        )


class TestUltimatumFields:
    def test_defaults(self) -> None:
        """A new ultimatum is pending with no responses or revisions."""
        u = ultimatum()
        assert u.status is UltimatumStatus.PENDING
        assert u.status_on is None
        assert u.responses == ()
        assert u.revisions == ()
        assert u.consequences == ()
        assert u.deadline.due == DUE
        assert u.deadlines == (FIFTY_DAYS,)
        assert u.label == "ultimatum 'us-ultimatum'"

    def test_demand_as_text_or_condition(self) -> None:
        """The demand is text (NFC) or a Condition."""
        assert ultimatum(
            demand=unicodedata.normalize("NFD", "Cessez-le-feu à Kyiv")
        ).demand == ("Cessez-le-feu à Kyiv")
        term = Condition(id="ceasefire-50", text="Reach a ceasefire")
        assert ultimatum(demand=term).demand is term

    @pytest.mark.parametrize(
        ("demand", "message"),
        [
            (" ", "must be non-empty text, got ' '"),
            (5, "must be a Condition or text, got int 5"),
            (None, "must be a Condition or text, got None"),
        ],
    )
    def test_bad_demand(self, demand: object, message: str) -> None:
        """A blank or non-text demand is refused."""
        assert errors_of(ultimatum, demand=demand) == (("demand", message),)

    def test_deadline_must_be_a_deadline(self) -> None:
        """The deadline is a Deadline, not a date."""
        assert errors_of(ultimatum, deadline=DUE) == (
            ("deadline", "must be a Deadline, got Date Date(2025, 9, 2)"),
        )

    def test_consequences_must_be_consequences(self) -> None:
        """Consequences are Consequence records."""
        assert errors_of(ultimatum, consequences=["tariffs"]) == (
            ("consequences[0]", "must be a Consequence, got str 'tariffs'"),
        )

    def test_ids_and_addressees(self) -> None:
        """Ids are slugs; the issuer is not addressed; no addressee twice."""
        assert errors_of(ultimatum, id="US ultimatum", issued_by="") == (
            ("id", slug_error("US ultimatum")),
            ("issued_by", slug_error("")),
        )
        assert errors_of(ultimatum, addressed_to=["russia", "united-states"]) == (
            ("addressed_to", "'united-states' cannot address an ultimatum to itself"),
        )
        assert errors_of(ultimatum, addressed_to=["russia", "russia"]) == (
            ("addressed_to[1]", "party 'russia' appears twice"),
        )

    def test_dates_not_before_issue(self) -> None:
        """Responses, revisions and status changes do not predate the ultimatum."""
        early = pendulum.date(2025, 7, 1)
        assert errors_of(
            ultimatum,
            responses=[Response(party="russia", on=early, stance="rejects")],
            revisions=[DeadlineRevision(previous=FIFTY_DAYS, revised_on=early)],
            status="withdrawn",
            status_on=early,
        ) == (
            (
                "responses[0].on",
                "2025-07-01 is before the ultimatum was issued (2025-07-14)",
            ),
            (
                "revisions[0].revised_on",
                "2025-07-01 is before the ultimatum was issued (2025-07-14)",
            ),
            (
                "status_on",
                "2025-07-01 is before the ultimatum was issued (2025-07-14)",
            ),
        )

    def test_revisions_in_order(self) -> None:
        """Revisions are kept in the order they were made."""
        assert errors_of(
            ultimatum,
            revisions=[
                DeadlineRevision(
                    previous=FIFTY_DAYS, revised_on=pendulum.date(2025, 8, 1)
                ),
                DeadlineRevision(
                    previous=FIFTY_DAYS, revised_on=pendulum.date(2025, 7, 29)
                ),
            ],
        ) == (
            (
                "revisions[1].revised_on",
                "2025-07-29 is before the revision before it (2025-08-01); "
                "revisions must be in the order they were made",
            ),
        )

    def test_revisions_in_order_whatever_their_precision(self) -> None:
        """
        The cut to "10 or 12 days" stamped three ways: 23:00 on 28 July in
        Washington (03:00 UTC on the 29th), the day 28 July, 01:00 on 29 July
        in Kyiv (22:00 UTC on the 28th).  None is before the one before it,
        yet the third is five hours before the first: refused, naming it.
        """
        washington = pendulum.datetime(2025, 7, 28, 23, tz="America/New_York")
        kyiv = pendulum.datetime(2025, 7, 29, 1, tz="Europe/Kyiv")
        assert errors_of(
            ultimatum,
            revisions=[
                DeadlineRevision(previous=FIFTY_DAYS, revised_on=on)
                for on in (washington, pendulum.date(2025, 7, 28), kyiv)
            ],
        ) == (
            (
                "revisions[2].revised_on",
                "2025-07-29T01:00:00+03:00[Europe/Kyiv] is before an earlier revision, "
                "revisions[0] (2025-07-28T23:00:00-04:00[America/New_York]); "
                "revisions must be in "
                "the order they were made",
            ),
        )

    def test_unknown_status(self) -> None:
        """An unknown status lists the valid ones."""
        assert errors_of(ultimatum, status="ignored") == (
            (
                "status",
                "'ignored' is not a valid UltimatumStatus (choose from 'pending', "
                "'complied', 'expired', 'enforced', 'withdrawn')",
            ),
        )


class TestComply:
    def test_comply_before_the_deadline(self) -> None:
        """Meeting the demand in time marks it complied on that day."""
        done = ultimatum().comply(on=pendulum.date(2025, 8, 20))
        assert done.status is UltimatumStatus.COMPLIED
        assert done.status_on == pendulum.date(2025, 8, 20)

    def test_comply_on_the_last_day(self) -> None:
        """The due date itself is still in time (a date lasts to its end)."""
        assert ultimatum().comply(on=DUE).status is UltimatumStatus.COMPLIED
        last_minute = pendulum.datetime(2025, 9, 2, 23, 59, tz="UTC")
        assert ultimatum().comply(on=last_minute).status is UltimatumStatus.COMPLIED

    def test_comply_at_the_instant_the_deadline_passes(self) -> None:
        """
        At the very instant a deadline passes (its cutoff) the demand is met
        in time, as the deadline queries count it: no late=True; a
        microsecond later it is late.
        """
        cutoff = pendulum.datetime(2020, 2, 1, tz="Europe/Brussels")
        brexit = ultimatum(
            issued_at=pendulum.date(2019, 3, 29), deadline=Deadline.on(cutoff)
        )
        done = brexit.comply(on=cutoff)
        assert done.status is UltimatumStatus.COMPLIED
        talks = Negotiation(
            id="n",
            title="T",
            parties=[
                Party(id="united-states", name="United States", kind="state"),
                Party(id="russia", name="Russia", kind="state"),
            ],
            ultimatums=[done],
        )
        assert talks.expired_deadlines(at=pendulum.date(2020, 3, 1)) == ()
        day_end = ultimatum(deadline=Deadline.on(pendulum.date(2025, 9, 2)))
        midnight = day_end.deadline.cutoff
        assert day_end.comply(on=midnight).status is UltimatumStatus.COMPLIED
        assert "pass late=True" in refusal(
            brexit, "comply", on=cutoff.add(microseconds=1)
        )

    def test_comply_after_the_deadline_needs_late(self) -> None:
        """Late compliance is refused unless the record says late=True."""
        day_after = pendulum.date(2025, 9, 3)
        assert refusal(ultimatum(), "comply", on=day_after) == (
            "ultimatum 'us-ultimatum' cannot go from 'pending' to 'complied': the "
            "deadline had passed; pass late=True to record late compliance"
        )
        late = ultimatum().comply(on=day_after, late=True)
        assert late.status is UltimatumStatus.COMPLIED

    def test_comply_reports_a_bad_on_and_a_bad_late_together(self) -> None:
        """Every problem of the arguments at once, each at its name."""
        with pytest.raises(ValidationError) as info:
            ultimatum().comply(on="2025-09-01", late="no")  # type: ignore[arg-type]
        assert [path for path, _ in info.value.errors] == ["on", "late"]
        with pytest.raises(ValidationError) as info:
            ultimatum().comply(on=None, late=1)  # type: ignore[arg-type]
        assert [path for path, _ in info.value.errors] == ["on", "late"]

    def test_expired_ultimatum_complied_only_with_late(self) -> None:
        """After expiry, compliance needs late=True even if dated earlier."""
        expired = ultimatum().expire()
        assert refusal(expired, "comply", on=pendulum.date(2025, 9, 10)) == (
            "ultimatum 'us-ultimatum' cannot go from 'expired' to 'complied': the "
            "deadline had passed; pass late=True to record late compliance"
        )
        done = expired.comply(on=pendulum.date(2025, 9, 10), late=True)
        assert done.status is UltimatumStatus.COMPLIED

    @pytest.mark.parametrize("late", ["no", 1, 0, None, "False"])
    def test_late_must_be_a_bool(self, late: Any) -> None:
        """late= takes True or False, as a record's bool fields do: "no" is
        not read as true, nor 0 as false, in time or late."""
        for on in (pendulum.date(2025, 8, 20), pendulum.date(2025, 9, 10)):
            assert errors_of(ultimatum().comply, on=on, late=late) == (
                ("late", f"must be True or False, got {late!r}"),
            )

    def test_late_false_is_the_default(self) -> None:
        """late=False is the same as leaving it out."""
        on = pendulum.date(2025, 8, 20)
        assert ultimatum().comply(on=on, late=False) == ultimatum().comply(on=on)

    def test_complied_is_final(self) -> None:
        """A complied ultimatum cannot be enforced, expired or withdrawn."""
        done = ultimatum().comply(on=pendulum.date(2025, 8, 1))
        final = "from 'complied' it can go to nothing: it is final"
        assert refusal(done, "enforce", on=DUE).endswith(final)
        assert refusal(done, "withdraw", on=DUE).endswith(final)
        assert refusal(done, "expire").endswith(final)
        assert refusal(done, "comply", on=DUE).endswith(final)


class TestExpire:
    def test_expire_defaults_to_the_cutoff(self) -> None:
        """Without on=, the ultimatum expires at its deadline's cut-off."""
        expired = ultimatum().expire()
        assert expired.status is UltimatumStatus.EXPIRED
        assert expired.status_on == ultimatum().deadline.cutoff

    @pytest.mark.parametrize(
        "on",
        [
            DUE,
            pendulum.date(2025, 9, 3),
            pendulum.datetime(2025, 9, 3, tz="UTC"),
            PartialDate(2025, 9),
        ],
        ids=str,
    )
    def test_expire_once_the_deadline_passed(self, on: Any) -> None:
        """Expiry on or after the due day is accepted."""
        assert ultimatum().expire(on=on).status is UltimatumStatus.EXPIRED

    @pytest.mark.parametrize(
        ("on", "shown"),
        [
            (pendulum.date(2025, 8, 1), "2025-08-01"),
            (pendulum.datetime(2025, 9, 2, 12, tz="UTC"), "2025-09-02T12:00:00Z"),
            (PartialDate(2025, 8), "2025-08"),
        ],
    )
    def test_expire_before_the_deadline_is_refused(self, on: Any, shown: str) -> None:
        """An ultimatum cannot expire before its deadline has passed."""
        assert refusal(ultimatum(), "expire", on=on) == (
            "ultimatum 'us-ultimatum' cannot go from 'pending' to 'expired': the "
            f"deadline (2025-09-02) had not passed on {shown}"
        )


class TestEnforceAndWithdraw:
    def test_expired_can_be_enforced(self) -> None:
        """The consequences can follow an expiry."""
        enforced = ultimatum().expire().enforce(on=pendulum.date(2025, 9, 5))
        assert enforced.status is UltimatumStatus.ENFORCED
        assert enforced.status_on == pendulum.date(2025, 9, 5)

    def test_pending_can_be_enforced(self) -> None:
        """Consequences imposed before the deadline are recorded too."""
        assert (
            ultimatum().enforce(on=pendulum.date(2025, 8, 6)).status
            is UltimatumStatus.ENFORCED
        )

    def test_withdraw(self) -> None:
        """The issuer can withdraw a pending or expired ultimatum."""
        assert ultimatum().withdraw(on=pendulum.date(2025, 8, 1)).status is (
            UltimatumStatus.WITHDRAWN
        )
        assert ultimatum().expire().withdraw(on=pendulum.date(2025, 9, 3)).status is (
            UltimatumStatus.WITHDRAWN
        )

    def test_enforced_and_withdrawn_are_final(self) -> None:
        """Nothing follows enforcement or withdrawal."""
        enforced = ultimatum().enforce(on=DUE)
        assert refusal(enforced, "withdraw", on=DUE) == (
            "ultimatum 'us-ultimatum' cannot go from 'enforced' to 'withdrawn': from "
            "'enforced' it can go to nothing: it is final"
        )
        withdrawn = ultimatum().withdraw(on=DUE)
        assert refusal(withdrawn, "enforce", on=DUE).endswith("it is final")

    def test_expired_cannot_expire_again(self) -> None:
        """Expiry happens once."""
        assert refusal(ultimatum().expire(), "expire") == (
            "ultimatum 'us-ultimatum' cannot go from 'expired' to 'expired': from "
            "'expired' it can go to 'complied', 'enforced', 'withdrawn'"
        )

    def test_status_change_before_issue_is_refused(self) -> None:
        """A status change dated before the ultimatum is a ValidationError."""
        with pytest.raises(ValidationError) as info:
            ultimatum().withdraw(on=pendulum.date(2025, 7, 1))
        assert info.value.errors == (
            (
                "history[0].on",
                "2025-07-01 is before the ultimatum was issued (2025-07-14)",
            ),
        )


class TestWhoAndWhy:
    """Every status method records who made the step, why, and the sources."""

    @pytest.mark.parametrize(
        ("method", "kwargs", "status"),
        [
            ("comply", {"on": pendulum.date(2025, 8, 30)}, UltimatumStatus.COMPLIED),
            (
                "comply",
                {"on": pendulum.date(2025, 9, 30), "late": True},
                UltimatumStatus.COMPLIED,
            ),
            ("expire", {}, UltimatumStatus.EXPIRED),
            ("enforce", {"on": pendulum.date(2025, 9, 3)}, UltimatumStatus.ENFORCED),
            ("withdraw", {"on": pendulum.date(2025, 8, 1)}, UltimatumStatus.WITHDRAWN),
        ],
    )
    def test_by_reason_and_sources_are_kept(
        self, method: str, kwargs: dict[str, Any], status: UltimatumStatus
    ) -> None:
        """They land in the status change, through a round trip as well."""
        from negotiation_records import from_json, to_json

        who = "russia" if status is UltimatumStatus.COMPLIED else "united-states"
        moved = getattr(ultimatum(), method)(
            **kwargs,
            by=[who],
            reason="Announced by the White House",
            sources=["wh-2025"],
        )
        change = moved.history[-1]
        assert (change.status, change.by, change.reason, change.sources) == (
            status,
            (who,),
            "Announced by the White House",
            ("wh-2025",),
        )
        assert change.on == kwargs.get("on", FIFTY_DAYS.cutoff)
        assert from_json(Ultimatum, to_json(moved)) == moved

    def test_its_issuer_does_not_comply_with_it(self) -> None:
        """
        Complying is what the parties it was addressed to do: a compliance
        ``by`` the issuer is refused at the party, by :meth:`comply` and on
        load alike.  The issuer may enforce or withdraw it, and others may
        enforce it (sanctions imposed by its allies).
        """
        with pytest.raises(ValidationError) as info:
            ultimatum().comply(on=pendulum.date(2025, 8, 30), by=["united-states"])
        message = (
            "'united-states' issued the ultimatum and cannot have complied with it"
        )
        assert info.value.errors == (("history[0].by[0]", message),)
        data = to_dict(ultimatum().comply(on=pendulum.date(2025, 8, 30), by=["russia"]))
        data["history"][0]["by"] = ["russia", "united-states"]
        with pytest.raises(ValidationError) as info:
            from_dict(Ultimatum, data)
        assert info.value.errors == (("history[0].by[1]", message),)
        enforced = (
            ultimatum()
            .expire()
            .enforce(
                on=pendulum.date(2025, 9, 3), by=["united-states", "european-union"]
            )
        )
        assert enforced.history[-1].by == ("united-states", "european-union")

    def test_every_bad_argument_at_once(self) -> None:
        """A bad ``on`` and ``late`` at their names, the rest where the
        change would take them: all at once, before the deadline is looked at."""
        with pytest.raises(ValidationError) as info:
            ultimatum().comply(
                on="2025-08-30",  # type: ignore[arg-type]
                late="no",  # type: ignore[arg-type]
                by="russia",
                sources=["Not An Id"],
            )
        assert [path for path, _ in info.value.errors] == [
            "on",
            "late",
            "history[0].by",
            "history[0].sources[0]",
        ]
        expired = ultimatum().expire()
        with pytest.raises(ValidationError) as info:
            expired.enforce(on=pendulum.date(2025, 9, 3), reason="")
        assert [path for path, _ in info.value.errors] == ["history[1].reason"]
        with pytest.raises(ValidationError) as info:
            ultimatum().expire(by=["BAD"])
        assert [path for path, _ in info.value.errors] == ["history[0].by[0]"]

    def test_the_step_is_checked_first_and_the_deadline_last(self) -> None:
        """A step from a final status is refused whatever the arguments, as
        ``with_status`` refuses it; an expiry before the deadline passed once
        the arguments are good."""
        withdrawn = ultimatum().withdraw(on=pendulum.date(2025, 8, 1))
        for method, kwargs in (
            ("enforce", {"on": "x", "by": "us"}),
            ("comply", {"on": pendulum.date(2025, 9, 30)}),
            ("expire", {"on": pendulum.date(2025, 8, 2), "reason": ""}),
        ):
            assert "it is final" in refusal(withdrawn, method, **kwargs)
        early = pendulum.date(2025, 8, 1)
        assert refusal(ultimatum(), "expire", on=early, by=["united-states"]) == (
            "ultimatum 'us-ultimatum' cannot go from 'pending' to 'expired': the "
            "deadline (2025-09-02) had not passed on 2025-08-01"
        )
        withdrawn = ultimatum().withdraw(on=early)
        assert "it is final" in refusal(
            withdrawn, "enforce", on=pendulum.date(2025, 9, 3), reason="Tariffs"
        )


class TestRespond:
    def test_respond(self) -> None:
        """respond() appends a response and leaves the status alone."""
        u = ultimatum().respond(
            "russia",
            on=PartialDate(2025, 7),
            stance="rejects",
            text="Called it blackmail",
            statement="zakharova-blackmail",
        )
        assert u.status is UltimatumStatus.PENDING
        assert u.responses[0].stance is Stance.REJECTS
        assert u.responses[0].on == PartialDate(2025, 7)

    def test_bad_response_names_its_place(self) -> None:
        """A malformed response is reported at the index it would take."""
        answered = ultimatum().respond("russia", on=ISSUED, stance="rejects")
        with pytest.raises(ValidationError) as info:
            answered.respond("Russia", on=ISSUED, stance="rejects")
        assert info.value.errors == (("responses[1].party", slug_error("Russia")),)

    def test_response_before_issue_is_refused(self) -> None:
        """A response dated before the ultimatum is refused."""
        with pytest.raises(ValidationError) as info:
            ultimatum().respond(
                "russia", on=pendulum.date(2025, 7, 10), stance="rejects"
            )
        assert info.value.errors == (
            (
                "responses[0].on",
                "2025-07-10 is before the ultimatum was issued (2025-07-14)",
            ),
        )

    def test_the_issuer_cannot_respond(self) -> None:
        """The party that issued an ultimatum cannot answer it, by respond(),
        on construction or on load (as a proposer cannot answer its proposal);
        any other party can, addressed or not."""
        message = "'united-states' issued the ultimatum and cannot respond to it"
        with pytest.raises(ValidationError) as info:
            ultimatum().respond("united-states", on=ISSUED, stance="supports")
        assert info.value.errors == (("responses[0].party", message),)
        answer = Response(party="united-states", on=ISSUED, stance="supports")
        assert errors_of(ultimatum, responses=[answer]) == (
            ("responses[0].party", message),
        )
        data = to_dict(ultimatum()) | {"responses": [to_dict(answer)]}
        with pytest.raises(ValidationError) as info:
            from_dict(Ultimatum, data)
        assert info.value.errors == (("responses[0].party", message),)
        ally = ultimatum().respond("ukraine", on=ISSUED, stance="supports")
        assert ally.responses[0].party == "ukraine"


class TestCutOffBeforeTheIssue:
    """
    A date deadline of the day before the issue is accepted (that day may
    still run west of UTC), though its cut-off, in UTC as it names no zone,
    came before the issue: an expiry the library dates itself is dated at
    the issue, not at that cut-off, which the record would refuse.
    """

    ISSUED_AT = pendulum.datetime(2000, 1, 2, 0, 0, 1)

    def early(self) -> Ultimatum:
        return ultimatum(
            issued_at=self.ISSUED_AT, deadline=Deadline.on(pendulum.date(2000, 1, 1))
        )

    def test_expire_without_a_date(self) -> None:
        assert self.early().expire().history[0].on == self.ISSUED_AT

    def test_comply_late(self) -> None:
        done = self.early().comply(on=pendulum.date(2000, 2, 1), late=True)
        assert [(c.status, c.on) for c in done.history] == [
            (UltimatumStatus.EXPIRED, self.ISSUED_AT),
            (UltimatumStatus.COMPLIED, pendulum.date(2000, 2, 1)),
        ]

    def test_a_milestone_missed_without_a_date(self) -> None:
        clock = Milestone(
            id="m",
            title="Clock",
            set_on=self.ISSUED_AT,
            deadline=Deadline.on(pendulum.date(2000, 1, 1)),
        )
        assert clock.with_status("missed").history[0].on == self.ISSUED_AT


class _BadHashText(str):
    """Text whose ``__hash__`` raises something other than TypeError."""

    __slots__ = ()

    def __hash__(self) -> int:
        raise RuntimeError("no hash today")


class _BadHash:
    """A value whose ``__hash__`` raises something other than TypeError."""

    def __hash__(self) -> int:
        raise RuntimeError("no hash today")


class TestValuesWhoseHashRaises:
    """A value whose hashing raises is reported, never raised raw."""

    def test_addressed_to(self) -> None:
        """An addressee that is not a slug is reported as such, once."""
        ((path, message),) = errors_of(ultimatum, addressed_to=[_BadHash()])
        assert path == "addressed_to[0]"
        assert message.startswith("must be a lower-case slug")

    def test_a_stance_of_a_response(self) -> None:
        """The stance is reported at the response's place."""
        ((path, message),) = errors_of(
            ultimatum().respond,
            party="russia",
            on=pendulum.date(2025, 7, 15),
            stance=_BadHashText("rejects"),
        )
        assert path == "responses[0].stance"
        assert "hashing raised RuntimeError: no hash today" in message


class TestReviseDeadline:
    def test_revision_keeps_the_earlier_deadline(self) -> None:
        """The 50-day deadline cut to 10-12 days stays on record."""
        cut_on = pendulum.date(2025, 7, 28)
        shorter = Deadline.after(cut_on, days=10)
        u = ultimatum().revise_deadline(
            shorter,
            on=cut_on,
            reason="cut to 10-12 days",
            statement="trump-cut",
            sources=["src"],
        )
        assert u.deadline == shorter
        assert u.deadline.due == pendulum.date(2025, 8, 7)
        (revision,) = u.revisions
        assert revision.previous == FIFTY_DAYS
        assert revision.revised_on == cut_on
        assert (revision.reason, revision.statement, revision.sources) == (
            "cut to 10-12 days",
            "trump-cut",
            ("src",),
        )
        assert u.status is UltimatumStatus.PENDING
        assert u.status_on is None

    def test_revisions_stay_in_order(self) -> None:
        """Each revision appends the replaced deadline, oldest first."""
        second = Deadline.after(pendulum.date(2025, 7, 28), days=10)
        third = Deadline.on(pendulum.date(2025, 8, 8))
        u = (
            ultimatum()
            .revise_deadline(second, on=pendulum.date(2025, 7, 28))
            .revise_deadline(third, on=pendulum.date(2025, 7, 29))
        )
        assert [r.previous for r in u.revisions] == [FIFTY_DAYS, second]
        assert u.deadlines == (FIFTY_DAYS, second, third)

    def test_revision_out_of_order_is_refused(self) -> None:
        """A revision dated before the previous one is a ValidationError."""
        u = ultimatum().revise_deadline(
            Deadline.on(pendulum.date(2025, 8, 8)), on=pendulum.date(2025, 7, 29)
        )
        with pytest.raises(ValidationError) as info:
            u.revise_deadline(
                Deadline.on(pendulum.date(2025, 8, 9)), on=pendulum.date(2025, 7, 28)
            )
        assert info.value.errors == (
            (
                "revisions[1].revised_on",
                "2025-07-28 is before the revision before it (2025-07-29); "
                "revisions must be in the order they were made",
            ),
        )

    def test_a_bad_deadline_and_a_bad_revision_are_reported_together(self) -> None:
        """As when the record is read: the new deadline's problem at ``deadline``
        and the revision's at its place, together."""
        with pytest.raises(ValidationError) as info:
            ultimatum().revise_deadline("2025-09-01", on="bad")  # type: ignore[arg-type]
        assert [path for path, _ in info.value.errors] == [
            "deadline",
            "revisions[0].revised_on",
        ]

    def test_bad_revision_names_its_place(self) -> None:
        """A malformed revision is reported at the index it would take."""
        with pytest.raises(ValidationError) as info:
            ultimatum().revise_deadline(
                Deadline.on(pendulum.date(2025, 8, 8)),
                on=pendulum.date(2025, 7, 29),
                reason=" ",
                statement="Trump",
            )
        assert info.value.errors == (
            ("revisions[0].reason", "must be non-empty text, got ' '"),
            ("revisions[0].statement", slug_error("Trump")),
        )

    def test_revising_an_expired_ultimatum_revives_it(self) -> None:
        """An extension after expiry makes the ultimatum pending again."""
        expired = ultimatum().expire()
        revived = expired.revise_deadline(
            Deadline.on(pendulum.date(2025, 10, 1)), on=pendulum.date(2025, 9, 4)
        )
        assert revived.status is UltimatumStatus.PENDING
        assert revived.status_on == pendulum.date(2025, 9, 4)
        assert revived.revisions[0].previous == FIFTY_DAYS

    @pytest.mark.parametrize("status", ["complied", "enforced", "withdrawn"])
    def test_no_revision_dated_after_it_was_settled(self, status: str) -> None:
        """What revise_deadline refuses, a record built or loaded with a
        revision dated after the settling step is refused for too; the same
        day may have come first, and stands."""
        settled = ultimatum(status=status, status_on=pendulum.date(2025, 8, 1))
        revision = DeadlineRevision(
            previous=settled.deadline, revised_on=pendulum.date(2025, 8, 5)
        )
        new = Deadline.on(pendulum.date(2025, 10, 1))
        with pytest.raises(ValidationError) as exc:
            attrs.evolve(settled, deadline=new, revisions=[revision])
        assert exc.value.errors == (
            (
                "revisions[0].revised_on",
                f"2025-08-05 is after ultimatum 'us-ultimatum' was {status} "
                "(2025-08-01): its deadline cannot be revised then",
            ),
        )
        same_day = attrs.evolve(revision, revised_on=pendulum.date(2025, 8, 1))
        assert attrs.evolve(settled, deadline=new, revisions=[same_day]).revisions == (
            same_day,
        )

    @pytest.mark.parametrize(
        ("status", "article"),
        [("complied", "a"), ("enforced", "an"), ("withdrawn", "a")],
    )
    def test_settled_ultimatum_cannot_be_revised(
        self, status: str, article: str
    ) -> None:
        """Only a pending or expired ultimatum's deadline can change (and the
        message says "an enforced ultimatum")."""
        settled = ultimatum(status=status)
        assert refusal(
            settled,
            "revise_deadline",
            new=Deadline.on(pendulum.date(2025, 10, 1)),
            on=pendulum.date(2025, 9, 1),
        ) == (
            f"ultimatum 'us-ultimatum' cannot go from {status!r} to 'revised': "
            f"{article} {status} ultimatum's deadline cannot be revised"
        )
