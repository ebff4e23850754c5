"""Proposals, responses, and the proposal status changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest

from negotiation_records import (
    Condition,
    IllegalTransitionError,
    PartialDate,
    Proposal,
    ProposalStatus,
    Response,
    Stance,
    ValidationError,
    Window,
    from_dict,
    to_dict,
)
from tests.strategies_foundation import errors_of, slug_error


MADE = pendulum.date(2025, 7, 19)
LATER = pendulum.date(2025, 7, 25)


def proposal(**changes: Any) -> Proposal:
    """Ukraine's invitation to a new round, with *changes* applied."""
    kwargs: dict[str, Any] = {
        "id": "new-round",
        "proposed_by": "ukraine",
        "addressed_to": ["russia"],
        "made_on": MADE,
        "summary": "A new round of talks next week",
    }
    kwargs.update(changes)
    return Proposal(**kwargs)


def answer(party: str = "russia", on: Any = LATER, stance: str = "rejects") -> Response:
    """A response."""
    return Response(party=party, on=on, stance=stance)


class TestResponse:
    def test_fields(self) -> None:
        """A response is a party, a moment, a stance and optional words."""
        r = Response(
            party="russia",
            on=PartialDate(2025, 7),
            stance="rejects",
            text="Called it blackmail",
            statement="zakharova-blackmail",
            sources=["src"],
        )
        assert r.stance is Stance.REJECTS
        assert r.sources == ("src",)

    def test_invalid(self) -> None:
        """Every bad field of a response is reported together."""
        assert errors_of(
            Response,
            party="",
            on=dt.datetime(2025, 7, 19, 12),
            stance="maybe",
            text=5,
        ) == (
            ("party", slug_error("")),
            (
                "on",
                "naive datetime 2025-07-19T12:00:00 has no time zone; give it a zone "
                "(the library never guesses one) or record a date",
            ),
            (
                "stance",
                "'maybe' is not a valid Stance (choose from 'supports', 'accepts', "
                "'undecided', 'opposes', 'rejects')",
            ),
            ("text", "must be text (str), got int 5"),
        )

    def test_on_is_required(self) -> None:
        """A response without a moment is refused."""
        assert errors_of(Response, party="russia", on=None, stance="rejects") == (
            (
                "on",
                "must be a date, a zone-aware datetime or a PartialDate, got None",
            ),
        )


class TestProposalFields:
    def test_defaults(self) -> None:
        """A new proposal is pending, with no terms, round or responses."""
        p = proposal()
        assert p.status is ProposalStatus.PENDING
        assert p.status.is_open
        assert (p.round, p.counter_to, p.status_on, p.window) == (
            None,
            None,
            None,
            None,
        )
        assert p.terms == ()
        assert p.responses == ()
        assert p.sources == ()
        assert p.label == "proposal 'new-round'"

    def test_full(self) -> None:
        """Terms, a round, a window and sources are kept."""
        week = Window.next_week(of=MADE)
        p = proposal(
            terms=[Condition(id="ceasefire", text="A ceasefire", kind="offer")],
            round=3,
            window=week,
            sources=["src"],
        )
        assert p.terms[0].id == "ceasefire"
        assert (p.round, p.window) == (3, week)

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (0, "must be at least 1, got 0"),
            (-2, "must be at least 1, got -2"),
            (True, "must be an integer, got bool True"),
            ("3", "must be an integer, got str '3'"),
            (3.0, "must be an integer, got float 3.0"),
        ],
    )
    def test_round_number(self, value: object, message: str) -> None:
        """A round number is an integer of at least 1, never a bool."""
        assert errors_of(proposal, round=value) == (("round", message),)

    def test_window_must_be_a_window(self) -> None:
        """The window is a Window, not the words for it."""
        assert errors_of(proposal, window="next week") == (
            ("window", "must be a Window, got str 'next week'"),
        )

    def test_terms_must_be_conditions(self) -> None:
        """Terms are Condition records, with distinct ids."""
        term = Condition(id="ceasefire", text="A ceasefire")
        assert errors_of(proposal, terms=["ceasefire"]) == (
            ("terms[0]", "must be a Condition, got str 'ceasefire'"),
        )
        assert errors_of(
            proposal, terms=[term, Condition(id="ceasefire", text="Another")]
        ) == (("terms[1].id", "term id 'ceasefire' appears twice"),)

    def test_ids_and_parties(self) -> None:
        """Ids are slugs; the proposer is not an addressee; no addressee twice."""
        assert errors_of(
            proposal, id="New Round", proposed_by="Ukraine", counter_to="-x"
        ) == (
            ("id", slug_error("New Round")),
            ("proposed_by[0]", slug_error("Ukraine")),
            ("counter_to", slug_error("-x")),
        )
        assert errors_of(proposal, addressed_to=["russia", "ukraine"]) == (
            ("addressed_to", "'ukraine' cannot address a proposal to itself"),
        )
        assert errors_of(proposal, addressed_to=["russia", "russia"]) == (
            ("addressed_to[1]", "party 'russia' appears twice"),
        )

    def test_cannot_counter_itself(self) -> None:
        """counter_to names another proposal."""
        assert errors_of(proposal, counter_to="new-round") == (
            ("counter_to", "a proposal cannot counter itself"),
        )

    def test_summary_and_made_on_required(self) -> None:
        """The summary is text and made_on a moment."""
        assert errors_of(proposal, summary=" ", made_on=None) == (
            (
                "made_on",
                "must be a date, a zone-aware datetime or a PartialDate, got None",
            ),
            ("summary", "must be non-empty text, got ' '"),
        )

    def test_response_rules(self) -> None:
        """The proposer cannot respond; responses do not predate the proposal."""
        assert errors_of(
            proposal,
            responses=[
                answer("ukraine"),
                answer(on=pendulum.date(2025, 7, 18)),
                answer(on=PartialDate(2025, 7)),
                answer(on=pendulum.datetime(2025, 7, 19, 1, tz="Europe/Moscow")),
            ],
        ) == (
            (
                "responses[0].party",
                "'ukraine' made the proposal and cannot respond to it",
            ),
            (
                "responses[1].on",
                "2025-07-18 is before the proposal was made (2025-07-19)",
            ),
        )

    def test_identical_responses_are_refused(self) -> None:
        """The same response twice is a mistake."""
        assert errors_of(proposal, responses=[answer(), answer()])[0][0] == (
            "responses[1]"
        )

    def test_status_on_not_before_made_on(self) -> None:
        """
        The status cannot change before the proposal was made; the step the
        status arguments made is reported at them (a history given is not).
        """
        assert errors_of(
            proposal, status="withdrawn", status_on=pendulum.date(2025, 7, 1)
        ) == (
            (
                "status_on",
                "2025-07-01 is before the proposal was made (2025-07-19)",
            ),
        )

    def test_lapsed_with_addressee_response_is_invalid(self) -> None:
        """Lapsed without response means no addressee answered."""
        assert errors_of(
            proposal, status="lapsed-without-response", responses=[answer()]
        ) == (
            (
                "status",
                "a proposal that lapsed without response cannot have responses from "
                "the parties it was addressed to: responses[0] is from 'russia'",
            ),
        )
        # A comment by a third party is not an answer from the addressee.
        proposal(status="lapsed-without-response", responses=[answer("turkiye")])

    def test_unknown_status_lists_choices(self) -> None:
        """An unknown status names every valid one."""
        assert errors_of(proposal, status="open") == (
            (
                "status",
                "'open' is not a valid ProposalStatus (choose from 'pending', "
                "'accepted', 'rejected', 'countered', 'withdrawn', 'expired', "
                "'lapsed-without-response')",
            ),
        )


ALLOWED = {
    ProposalStatus.PENDING: {
        ProposalStatus.ACCEPTED,
        ProposalStatus.REJECTED,
        ProposalStatus.COUNTERED,
        ProposalStatus.WITHDRAWN,
        ProposalStatus.EXPIRED,
        ProposalStatus.LAPSED_WITHOUT_RESPONSE,
    },
    ProposalStatus.COUNTERED: {
        ProposalStatus.ACCEPTED,
        ProposalStatus.REJECTED,
        ProposalStatus.WITHDRAWN,
        ProposalStatus.EXPIRED,
    },
}

METHODS: dict[ProposalStatus, Callable[..., Proposal]] = {
    ProposalStatus.ACCEPTED: Proposal.accept,
    ProposalStatus.REJECTED: Proposal.reject,
    ProposalStatus.COUNTERED: Proposal.mark_countered,
    ProposalStatus.WITHDRAWN: Proposal.withdraw,
    ProposalStatus.EXPIRED: Proposal.expire,
    ProposalStatus.LAPSED_WITHOUT_RESPONSE: Proposal.lapse,
}


class TestStatusChanges:
    @pytest.mark.parametrize("current", list(ProposalStatus), ids=lambda s: s.value)
    @pytest.mark.parametrize("target", list(METHODS), ids=lambda s: s.value)
    def test_transition_table(
        self, current: ProposalStatus, target: ProposalStatus
    ) -> None:
        """Each method moves an open proposal as allowed and refuses the rest."""
        start = proposal(status=current)
        method = METHODS[target]
        if target in ALLOWED.get(current, set()):
            moved = method(start, on=LATER)
            assert moved.status is target
            assert moved.status_on == LATER
            assert start.status is current  # the original is unchanged
        else:
            with pytest.raises(IllegalTransitionError) as info:
                method(start, on=LATER)
            assert info.value.current == current.value
            assert info.value.requested == target.value

    def test_withdrawn_cannot_be_accepted(self) -> None:
        """A withdrawn proposal is final: accepting it is refused with a reason."""
        withdrawn = proposal().withdraw(on=LATER)
        with pytest.raises(IllegalTransitionError) as info:
            withdrawn.accept(on=LATER)
        assert str(info.value) == (
            "proposal 'new-round' cannot go from 'withdrawn' to 'accepted': from "
            "'withdrawn' it can go to nothing: it is final"
        )

    def test_countered_lists_the_ways_on(self) -> None:
        """The refusal names what the current status allows."""
        with pytest.raises(IllegalTransitionError) as info:
            proposal().mark_countered().mark_countered()
        assert str(info.value) == (
            "proposal 'new-round' cannot go from 'countered' to 'countered': from "
            "'countered' it can go to 'accepted', 'expired', 'rejected', 'withdrawn'"
        )

    def test_status_on_is_optional(self) -> None:
        """A status change without a date leaves status_on empty."""
        assert proposal().reject().status_on is None

    def test_status_on_before_made_on_is_refused(self) -> None:
        """A change dated before the proposal is a ValidationError."""
        with pytest.raises(ValidationError) as info:
            proposal().accept(on=pendulum.date(2025, 7, 1))
        assert info.value.errors == (
            (
                "history[0].on",
                "2025-07-01 is before the proposal was made (2025-07-19)",
            ),
        )

    def test_lapse_after_an_answer_is_refused(self) -> None:
        """A proposal an addressee answered cannot lapse without response."""
        answered = proposal().respond("russia", on=LATER, stance="undecided")
        with pytest.raises(IllegalTransitionError) as info:
            answered.lapse(on=LATER)
        assert str(info.value) == (
            "proposal 'new-round' cannot go from 'pending' to "
            "'lapsed-without-response': 'russia' responded to it"
        )

    def test_lapse_with_a_third_party_comment(self) -> None:
        """A comment from a party not addressed does not stop a lapse."""
        commented = proposal().respond("turkiye", on=LATER, stance="supports")
        assert (
            commented.lapse(on=LATER).status is ProposalStatus.LAPSED_WITHOUT_RESPONSE
        )


class TestWhoAndWhy:
    """Every status method records who made the step, why, and the sources."""

    @pytest.mark.parametrize("target", list(METHODS), ids=lambda s: s.value)
    def test_by_reason_and_sources_are_kept(self, target: ProposalStatus) -> None:
        """They land in the status change, through a round trip as well."""
        from negotiation_records import from_json, to_json

        moved = METHODS[target](
            proposal(),
            on=LATER,
            by=["russia"],
            reason="Said at the Istanbul press conference",
            sources=["tass-2025-07-25"],
        )
        change = moved.history[-1]
        assert (change.status, change.on, change.by, change.reason, change.sources) == (
            target,
            LATER,
            ("russia",),
            "Said at the Istanbul press conference",
            ("tass-2025-07-25",),
        )
        assert from_json(Proposal, to_json(moved)) == moved

    def test_every_bad_argument_at_once(self) -> None:
        """A bad date at ``on``, the rest where the change would take them."""
        with pytest.raises(ValidationError) as info:
            proposal().accept(
                on="2025-07-25",  # type: ignore[arg-type]
                by="russia",
                reason=" ",
                sources=["Not An Id"],
            )
        assert [path for path, _ in info.value.errors] == [
            "on",
            "history[0].by",
            "history[0].reason",
            "history[0].sources[0]",
        ]

    def test_a_forbidden_step_is_refused_before_the_arguments(self) -> None:
        """The step is checked first, as ``with_status`` checks it."""
        with pytest.raises(IllegalTransitionError):
            proposal().withdraw(on=LATER).accept(on="x", by="r")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "target",
        [ProposalStatus.ACCEPTED, ProposalStatus.REJECTED, ProposalStatus.COUNTERED],
        ids=lambda s: s.value,
    )
    def test_a_proposer_does_not_answer_its_own_proposal(
        self, target: ProposalStatus
    ) -> None:
        """
        Accepting, rejecting and countering answer a proposal, which a party
        that made it does not do (as it cannot respond to it): refused at the
        party, by the method and on load alike; the other parties may.
        """
        joint = proposal(proposed_by=["ukraine", "turkiye"])
        with pytest.raises(ValidationError) as info:
            METHODS[target](joint, on=LATER, by=["russia", "turkiye"])
        assert info.value.errors == (
            (
                "history[0].by[1]",
                f"'turkiye' is one of its proposers and cannot have {target.value} it",
            ),
        )
        data = to_dict(METHODS[target](proposal(), on=LATER, by=["russia"]))
        data["history"][0]["by"] = ["ukraine"]
        with pytest.raises(ValidationError) as info:
            from_dict(Proposal, data)
        assert info.value.errors == (
            (
                "history[0].by[0]",
                f"'ukraine' made the proposal and cannot have {target.value} it",
            ),
        )
        assert METHODS[target](joint, on=LATER, by=["russia"]).status is target

    def test_its_proposer_withdraws_it_and_anyone_may_see_it_expire(self) -> None:
        """The steps that do not answer it may name a proposer."""
        assert proposal().withdraw(on=LATER, by=["ukraine"]).history[-1].by == (
            "ukraine",
        )
        assert proposal().expire(on=LATER, by=["ukraine", "russia"]).status is (
            ProposalStatus.EXPIRED
        )

    def test_unknown_parties_and_sources_are_refused_in_the_talks(self) -> None:
        """``by`` and ``sources`` refer to the negotiation's parties and sources."""
        from negotiation_records import Negotiation, Party

        accepted = proposal().accept(on=LATER, by=["turkiye"], sources=["nowhere"])
        with pytest.raises(ValidationError) as info:
            Negotiation(
                id="talks",
                title="Talks",
                parties=[
                    Party(id="ukraine", name="Ukraine", kind="state"),
                    Party(id="russia", name="Russia", kind="state"),
                ],
                proposals=[accepted],
            )
        assert {path for path, _ in info.value.errors} == {
            "proposals[0].history[0].by[0]",
            "proposals[0].history[0].sources[0]",
        }


class TestRespond:
    def test_respond_adds_a_response(self) -> None:
        """respond() returns a copy with the response appended; status unchanged."""
        p = proposal()
        answered = p.respond(
            "russia",
            on=LATER,
            stance="undecided",
            text="No official response yet",
            statement="peskov-momentum",
            sources=["src"],
        )
        assert p.responses == ()
        assert answered.status is ProposalStatus.PENDING
        assert answered.responses == (
            Response(
                party="russia",
                on=LATER,
                stance=Stance.UNDECIDED,
                text="No official response yet",
                statement="peskov-momentum",
                sources=("src",),
            ),
        )
        again = answered.respond("russia", on=LATER.add(days=1), stance="rejects")
        assert [r.stance for r in again.responses] == [Stance.UNDECIDED, Stance.REJECTS]

    @pytest.mark.parametrize(
        "status", ["withdrawn", "expired", "lapsed-without-response"]
    )
    def test_response_to_a_closed_proposal_is_refused(self, status: str) -> None:
        """No one can answer a withdrawn, expired or lapsed proposal."""
        with pytest.raises(IllegalTransitionError) as info:
            proposal(status=status).respond("russia", on=LATER, stance="accepts")
        assert str(info.value) == (
            f"proposal 'new-round' cannot go from {status!r} to 'responded': it is "
            f"{status} and can no longer be answered"
        )

    def test_a_response_given_before_the_withdrawal_is_recorded(self) -> None:
        """
        Russia's answer of 24 July, learnt of after the proposal was
        withdrawn on the 25th, is recorded by ``respond`` as a record holding
        it is valid; one dated the 26th is refused, naming the withdrawal.
        """
        withdrawn = proposal().withdraw(on=LATER)
        answered = withdrawn.respond(
            "russia", on=LATER.subtract(days=1), stance="rejects"
        )
        assert answered.responses[0].on == LATER.subtract(days=1)
        assert from_dict(Proposal, to_dict(answered)) == answered  # a valid record
        with pytest.raises(IllegalTransitionError) as info:
            withdrawn.respond("russia", on=LATER.add(days=1), stance="rejects")
        assert str(info.value).endswith(
            "it is withdrawn and can no longer be answered after 2025-07-25"
        )
        in_july = proposal().withdraw(on=PartialDate(2025, 7))
        assert in_july.respond("russia", on=LATER, stance="rejects").responses

    @pytest.mark.parametrize("status", ["pending", "countered", "accepted", "rejected"])
    def test_response_to_a_settled_proposal_is_recorded(self, status: str) -> None:
        """Answers to open or settled proposals are recorded."""
        p = proposal(status=status).respond("russia", on=LATER, stance="accepts")
        assert len(p.responses) == 1

    def test_bad_response_is_a_validation_error(self) -> None:
        """A response with bad values is refused with paths."""
        with pytest.raises(ValidationError) as info:
            proposal().respond("Russia", on=LATER, stance="yes")
        assert info.value.errors == (
            ("responses[0].party", slug_error("Russia")),
            (
                "responses[0].stance",
                "'yes' is not a valid Stance (choose from 'supports', 'accepts', "
                "'undecided', 'opposes', 'rejects')",
            ),
        )

    @pytest.mark.parametrize(
        "status", ["withdrawn", "expired", "lapsed-without-response"]
    )
    def test_no_answer_after_it_closed(self, status: str) -> None:
        """A response dated after the proposal was withdrawn (expired, lapsed),
        which respond() refuses, is refused in a record built or loaded too;
        one of the same day may have come first, and stands."""
        closed_on = pendulum.date(2025, 7, 22)
        closed = proposal(status=status, status_on=closed_on)
        late = answer("belarus", on=LATER)
        with pytest.raises(ValidationError) as info:
            attrs.evolve(closed, responses=[late])
        assert info.value.errors == (
            (
                "responses[0].on",
                f"2025-07-25 is after the proposal became {status!r} (2025-07-22): "
                "it can no longer be answered then",
            ),
        )
        data = to_dict(
            attrs.evolve(closed, responses=[answer("belarus", on=closed_on)])
        )
        assert from_dict(Proposal, data).responses[0].on == closed_on
        data["responses"][0]["on"] = "2025-07-25"
        with pytest.raises(ValidationError) as info:
            from_dict(Proposal, data)
        assert [path for path, _ in info.value.errors] == ["responses[0].on"]

    def test_the_proposer_cannot_respond(self) -> None:
        """The proposing party's answer is refused by the proposal's checks."""
        with pytest.raises(ValidationError) as info:
            proposal().respond("ukraine", on=LATER, stance="supports")
        assert info.value.errors == (
            (
                "responses[0].party",
                "'ukraine' made the proposal and cannot respond to it",
            ),
        )

    def test_a_proposers_bad_response_has_its_own_problems_reported(self) -> None:
        """As when the record is read: the response's own problems first, the
        rule across fields (a proposer cannot respond) once they are fixed."""
        with pytest.raises(ValidationError) as info:
            proposal().respond("ukraine", on="garbage", stance="nope")  # type: ignore[arg-type]
        assert [path for path, _ in info.value.errors] == [
            "responses[0].on",
            "responses[0].stance",
        ]
