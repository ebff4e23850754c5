"""
The queries at their edges: an ultimatum not heard of yet whose deadline has
passed, the stance a member takes from one of several coalitions, responses
as stances (known by then, given while a member), the owner of an
ultimatum's demand, a party's own undated stances, and the records the
queries answer with built by keyword only.
"""

from __future__ import annotations

from typing import Any

import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Condition,
    Deadline,
    Membership,
    Negotiation,
    Party,
    PartyPositions,
    Phase,
    PhaseEnd,
    Position,
    Proposal,
    Stance,
    TermStance,
    Ultimatum,
    parse_moment,
    queries,
)


D = pendulum.date


def _talks(*ultimatums: Ultimatum, **fields: Any) -> Negotiation:
    return Negotiation(
        id="talks",
        title="Talks",
        parties=[
            Party(id="ukraine", name="Ukraine", kind="state"),
            Party(id="russia", name="Russia", kind="state"),
            Party(id="united-states", name="United States", kind="state"),
        ],
        ultimatums=ultimatums,
        **fields,
    )


def _ultimatum(uid: str = "u", **changes: Any) -> Ultimatum:
    fields: dict[str, Any] = {
        "id": uid,
        "issued_by": "united-states",
        "addressed_to": ["russia"],
        "issued_at": D(2025, 7, 14),
        "demand": "Reach a ceasefire",
        "deadline": Deadline.on(D(2025, 9, 2)),
    }
    fields.update(changes)
    return Ultimatum(**fields)


class TestAnUltimatumNotHeardOfYet:
    """An ultimatum dated only by its month is not known until the month has
    passed, even when its deadline has passed within that month."""

    def test_its_deadline_has_not_run_out_yet(self) -> None:
        """Issued "July 2025", due 20 July: on 25 July nothing is known of it,
        whether the record is asked or the query function on the whole record."""
        talks = _talks(
            _ultimatum(
                issued_at=parse_moment("2025-07"), deadline=Deadline.on(D(2025, 7, 20))
            )
        )
        before = D(2025, 7, 25)
        assert queries.expired_deadlines(talks, before) == ()
        assert queries.all_expired_deadlines(talks, before) == ()
        assert talks.expired_deadlines(before) == ()
        assert [e.id for e in talks.expired_deadlines(D(2025, 8, 1))] == ["u"]
        assert [e.id for e in talks.all_expired_deadlines(D(2025, 8, 1))] == ["u"]


def _agreement() -> Agreement:
    """An agreement with one phase that ends on 1 March 2025."""
    start = D(2025, 1, 19)
    return Agreement(
        id="gaza",
        title="Gaza ceasefire",
        stage="ceasefire",
        phases=[
            Phase(
                name="Phase one",
                starts=start,
                ends=Deadline.on_day(42, counting_from=start),
            )
        ],
    )


def _coalition_talks(*positions: Position) -> Negotiation:
    """France, a member of the EU (listed first) and of a bloc (listed last),
    with no stance of its own on Norway's quota."""
    quota = Condition(
        id="quota",
        text="A quota of 10,000 tonnes",
        demanded_by="norway",
        positions=positions,
    )
    return Negotiation(
        id="fish",
        title="Fisheries",
        parties=[
            Party(id="norway", name="Norway", kind="state"),
            Party(id="france", name="France", kind="state"),
            Party(id="eu", name="European Union", kind="coalition", members=["france"]),
            Party(id="bloc", name="Bloc", kind="coalition", members=["france"]),
        ],
        conditions=[quota],
    )


class TestAStanceTakenFromACoalition:
    """Of the stances of a member's coalitions, the latest dated one wins,
    whatever the order the coalitions are listed in; a dated one wins over an
    undated one."""

    def test_the_latest_dated_wins_over_one_listed_later(self) -> None:
        talks = _coalition_talks(
            Position(party="eu", stance="opposes", on=D(2024, 3, 8)),
            Position(party="bloc", stance="supports", on=D(2024, 3, 1)),
        )
        entry = talks.positions("france", at=D(2024, 4, 1)).stances[0]
        assert (entry.stance, entry.on, entry.inherited_from) == (
            Stance.OPPOSES,
            D(2024, 3, 8),
            "eu",
        )

    def test_a_dated_stance_wins_over_an_undated_one_listed_later(self) -> None:
        talks = _coalition_talks(
            Position(party="eu", stance="opposes", on=D(2024, 3, 8)),
            Position(party="bloc", stance="supports"),
        )
        entry = talks.positions("france", at=D(2024, 4, 1)).stances[0]
        assert (entry.stance, entry.on, entry.inherited_from) == (
            Stance.OPPOSES,
            D(2024, 3, 8),
            "eu",
        )

    def test_of_undated_stances_the_coalition_listed_last(self) -> None:
        talks = _coalition_talks(
            Position(party="eu", stance="opposes"),
            Position(party="bloc", stance="supports"),
        )
        entry = talks.positions("france", at=D(2024, 4, 1)).stances[0]
        assert (entry.stance, entry.on, entry.inherited_from) == (
            Stance.SUPPORTS,
            None,
            "bloc",
        )


def _quota_offer(to: str, *answers: tuple[str, Any]) -> Proposal:
    """Norway's quota offer to *to* made on 1 March 2024, answered by these parties."""
    proposal = Proposal(
        id="quota-offer",
        proposed_by="norway",
        addressed_to=[to],
        made_on=D(2024, 3, 1),
        summary="A quota",
        terms=[Condition(id="quota", text="A quota of 10,000 tonnes", kind="offer")],
    )
    for party, on in answers:
        proposal = proposal.respond(party, on=on, stance="rejects")
    return proposal


class TestAResponseAsAStance:
    """A response to a proposal is a stance on its terms once it is known, and
    a coalition's only for the parties that were members when it answered."""

    def test_a_response_not_known_yet_is_no_stance(self) -> None:
        """The query function reads the record it is given: an answer of 8
        March is not a stance on 5 March even there."""
        talks = Negotiation(
            id="fish",
            title="Fisheries",
            parties=[
                Party(id="norway", name="Norway", kind="state"),
                Party(id="france", name="France", kind="state"),
            ],
            proposals=[_quota_offer("france", ("france", D(2024, 3, 8)))],
        )
        early = queries.positions(talks, "france", D(2024, 3, 5)).stances[0]
        assert (early.stance, early.on) == (None, None)
        late = queries.positions(talks, "france", D(2024, 3, 9)).stances[0]
        assert (late.stance, late.on) == (Stance.REJECTS, D(2024, 3, 8))

    def test_a_coalitions_answer_after_a_member_left(self) -> None:
        """France left the EU on 5 March; the EU answered on 8 March."""
        talks = Negotiation(
            id="fish",
            title="Fisheries",
            parties=[
                Party(id="norway", name="Norway", kind="state"),
                Party(id="france", name="France", kind="state"),
                Party(id="spain", name="Spain", kind="state"),
                Party(
                    id="eu",
                    name="European Union",
                    kind="coalition",
                    members=[
                        Membership(party="france", until=D(2024, 3, 5)),
                        Membership(party="spain"),
                    ],
                ),
            ],
            proposals=[_quota_offer("eu", ("eu", D(2024, 3, 8)))],
        )
        at = D(2024, 4, 1)
        france = talks.positions("france", at=at).stances[0]
        assert (france.stance, france.inherited_from) == (None, None)
        spain = talks.positions("spain", at=at).stances[0]
        assert (spain.stance, spain.inherited_from) == (Stance.REJECTS, "eu")


class TestAnUltimatumsDemandAsATerm:
    """An ultimatum's demand belongs to its ``demanded_by`` when it has one,
    else to the issuer."""

    def test_demanded_by_another_party_than_the_issuer(self) -> None:
        demand = Condition(
            id="withdraw", text="Withdraw the troops", demanded_by="ukraine"
        )
        talks = _talks(_ultimatum(demand=demand))
        at = D(2025, 8, 1)
        ukraine = talks.positions("ukraine", at=at)
        assert [c.id for c in ukraine.demands] == ["withdraw"]
        assert ukraine.stances == ()
        issuer = talks.positions("united-states", at=at)
        assert issuer.demands == ()
        assert [e.condition.id for e in issuer.stances] == ["withdraw"]


class TestAPartysOwnUndatedStances:
    """Of a party's own undated stances on a term, the one listed last."""

    def test_the_last_listed_wins(self) -> None:
        condition = Condition(
            id="c",
            text="Terms",
            demanded_by="russia",
            positions=[
                Position(party="ukraine", stance="opposes"),
                Position(party="ukraine", stance="accepts"),
            ],
        )
        entry = _talks(conditions=[condition]).positions("ukraine", at=D(2025, 8, 1))
        assert entry.stances[0].stance is Stance.ACCEPTS
        assert entry.stance_on("c") is Stance.ACCEPTS


class TestTheAnswersAreBuiltByKeyword:
    """The records the queries answer with take their fields by keyword only."""

    def test_a_phase_end(self) -> None:
        with pytest.raises(TypeError, match=r"takes 1 positional argument but 3"):
            PhaseEnd(_agreement(), 0)  # type: ignore[call-arg]

    def test_a_term_stance(self) -> None:
        condition = Condition(id="c", text="Terms")
        with pytest.raises(TypeError, match=r"takes 1 positional argument but 2"):
            TermStance(condition)  # type: ignore[call-arg]

    def test_party_positions(self) -> None:
        with pytest.raises(TypeError, match=r"takes 1 positional argument but 2"):
            PartyPositions("ukraine")  # type: ignore[call-arg]
