"""
The whole-record checks at their edges: a document read (whose references
the loader noted, so that only the rules not about references run when all
of them are known) reports each dangling reference, circle and date against
a round, a countered proposal or a vote's subject as the whole walk does; a
record added with ``with_*`` is checked for the references it makes; a
vote's subject shared by three records is named in full.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings

from negotiation_records import (
    Action,
    Agreement,
    Alternative,
    Condition,
    Deadline,
    DeadlineRevision,
    Milestone,
    Negotiation,
    Party,
    Phase,
    Proposal,
    Round,
    StatusChange,
    Ultimatum,
    ValidationError,
    Vote,
    from_dict,
    to_dict,
)
from negotiation_records import strategies as nst
from negotiation_records._condition_paths import condition_ids, condition_paths


D = pendulum.date
PARTIES = [
    Party(id="us", name="United States", kind="state"),
    Party(id="cn", name="China", kind="state"),
]
#: A condition demanded by a party the negotiation does not have.
STRAY = Condition(id="c", text="Ceasefire", demanded_by="nowhere")
UNKNOWN_PARTY = "unknown party 'nowhere'"


def refused(build: Callable[[], object]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        build()
    return list(caught.value.errors)


def _document(**collections: list[dict[str, Any]]) -> dict[str, Any]:
    """The plain data of a negotiation between two states, with *collections*."""
    data = to_dict(Negotiation(id="t", title="T", parties=PARTIES))
    data.update(collections)
    return data


def _proposal(id_: str, **fields: object) -> dict[str, Any]:
    return {
        "id": id_,
        "proposed_by": ["us"],
        "made_on": "2025-01-10",
        "summary": "A ceasefire",
        **fields,
    }


def _agreement(id_: str, **fields: object) -> dict[str, Any]:
    return {
        "id": id_,
        "title": id_.title(),
        "stage": "ceasefire",
        "signatories": ["us", "cn"],
        "history": [{"status": "signed", "on": "2025-02-01"}],
        **fields,
    }


def _milestone(id_: str, **fields: object) -> dict[str, Any]:
    return {"id": id_, "title": "Talks", "deadline": {"due": "2025-12-01"}, **fields}


def _ultimatum(id_: str) -> dict[str, Any]:
    return {
        "id": id_,
        "issued_by": "us",
        "addressed_to": ["cn"],
        "issued_at": "2025-01-11",
        "demand": "Withdraw",
        "deadline": {"due": "2025-12-01"},
    }


def _vote(subject: str, id_: str = "v") -> dict[str, Any]:
    return {
        "id": id_,
        "body": "Parliament",
        "on": "2025-03-01",
        "question": "Do you approve?",
        "subject": subject,
        "yes": 2,
        "no": 1,
        "result": "passed",
    }


_COALITIONS = [
    {"id": "us", "name": "US", "kind": "coalition", "members": [{"party": "cn"}]},
    {"id": "cn", "name": "CN", "kind": "coalition", "members": [{"party": "us"}]},
]
_HELD_IN_FEBRUARY = {
    "number": 1,
    "starts": "2025-02-01",
    "history": [{"status": "held", "on": "2025-02-01"}],
}
_SHARED = "a vote's subject must name one record; give the records different ids"


class TestADocumentRead:
    """
    A document whose loader noted its references reports what the whole walk
    would: each check that the references are all known, and the rules that
    still run when they are.
    """

    @pytest.mark.parametrize(
        ("collections", "errors"),
        [
            pytest.param(
                {"parties": [{**to_dict(PARTIES[0]), "sources": ["nowhere"]}]},
                [("parties[0].sources[0]", "unknown source 'nowhere'")],
                id="source",
            ),
            pytest.param(
                {
                    "proposals": [
                        _proposal(
                            "p",
                            responses=[
                                {
                                    "party": "cn",
                                    "on": "2025-01-11",
                                    "stance": "rejects",
                                    "statement": "nowhere",
                                }
                            ],
                        )
                    ]
                },
                [
                    (
                        "proposals[0].responses[0].statement",
                        "unknown statement 'nowhere'",
                    )
                ],
                id="statement",
            ),
            pytest.param(
                {"proposals": [_proposal("p", counter_to="nowhere")]},
                [("proposals[0].counter_to", "unknown proposal 'nowhere'")],
                id="proposal",
            ),
            pytest.param(
                {"agreements": [_agreement("a", amends=["nowhere"])]},
                [("agreements[0].amends[0]", "unknown agreement 'nowhere'")],
                id="agreement",
            ),
            pytest.param(
                {"milestones": [_milestone("m", agreement="nowhere")]},
                [("milestones[0].agreement", "unknown agreement 'nowhere'")],
                id="milestone's agreement",
            ),
            pytest.param(
                {"votes": [_vote("nowhere")]},
                [
                    (
                        "votes[0].subject",
                        "unknown proposal, agreement, ultimatum or milestone 'nowhere'",
                    )
                ],
                id="subject",
            ),
            pytest.param(
                {
                    "proposals": [_proposal("p")],
                    "votes": [_vote("p"), _vote("nowhere", "w")],
                },
                [
                    (
                        "votes[1].subject",
                        "unknown proposal, agreement, ultimatum or milestone 'nowhere'",
                    )
                ],
                id="one subject of two",
            ),
            pytest.param(
                {
                    "proposals": [_proposal("x")],
                    "milestones": [_milestone("x", set_on="2025-01-01")],
                    "votes": [_vote("x")],
                },
                [
                    (
                        "votes[0].subject",
                        f"'x' is the id of a proposal and a milestone: {_SHARED}",
                    )
                ],
                id="shared subject",
            ),
            pytest.param(
                {"rounds": [_HELD_IN_FEBRUARY], "proposals": [_proposal("p", round=1)]},
                [
                    (
                        "proposals[0].made_on",
                        "2025-01-10 is outside round 1 (2025-02-01)",
                    )
                ],
                id="outside its round",
            ),
            pytest.param(
                {
                    "proposals": [
                        _proposal("p", made_on="2025-02-01"),
                        _proposal("q", counter_to="p"),
                    ]
                },
                [
                    (
                        "proposals[1].made_on",
                        "a counter-proposal (2025-01-10) cannot predate the "
                        "proposal it counters (2025-02-01)",
                    )
                ],
                id="before what it counters",
            ),
            pytest.param(
                {
                    "agreements": [
                        _agreement("a", amends=["b"]),
                        _agreement("b", supersedes=["a"]),
                    ]
                },
                [
                    (
                        "agreements[0].amends[0]",
                        "agreements amend or supersede each other in a circle "
                        "('a' -> 'b' -> 'a'); a text amends or replaces an "
                        "earlier one",
                    )
                ],
                id="agreements in a circle",
            ),
            pytest.param(
                {
                    "conditions": [{"id": "c", "text": "Ceasefire"}],
                    "agreements": [
                        _agreement("a", provisions=[{"id": "c", "text": "Truce"}])
                    ],
                },
                [
                    (
                        "agreements[0].provisions[0].id",
                        "condition id 'c' is already used at conditions[0]",
                    )
                ],
                id="provision id",
            ),
            pytest.param(
                {
                    "proposals": [_proposal("p", made_on="2025-04-01")],
                    "votes": [
                        {**_vote("p", "unsubjected"), "subject": None},
                        _vote("p"),
                    ],
                },
                [
                    (
                        "votes[1].on",
                        "a vote (2025-03-01) cannot predate the proposal it is on, "
                        "'p' (made 2025-04-01)",
                    )
                ],
                id="vote before its subject",
            ),
            pytest.param(
                {"parties": _COALITIONS},
                [
                    (
                        "parties[0].members[0].party",
                        "coalitions are members of each other in a circle "
                        "('us' -> 'cn' -> 'us'); a coalition cannot be a member "
                        "of itself through others",
                    )
                ],
                id="coalitions in a circle",
            ),
        ],
    )
    def test_each_problem_is_reported_once(
        self,
        collections: dict[str, list[dict[str, Any]]],
        errors: list[tuple[str, str]],
    ) -> None:
        """The document is refused with exactly the problem it has."""
        data = _document(**collections)
        assert refused(lambda: from_dict(Negotiation, data)) == errors


def test_a_subject_shared_by_three_records_names_each() -> None:
    """The message lists the three kinds of record, the last after "and"."""
    data = _document(
        proposals=[_proposal("x")],
        ultimatums=[_ultimatum("x")],
        milestones=[_milestone("x", set_on="2025-01-01")],
        votes=[_vote("x")],
    )
    assert refused(lambda: from_dict(Negotiation, data)) == [
        (
            "votes[0].subject",
            f"'x' is the id of a proposal, an ultimatum and a milestone: {_SHARED}",
        )
    ]


class TestARecordBuilt:
    """What the whole walk reports of a negotiation built from its records."""

    def test_the_parties_of_its_own_history_are_checked(self) -> None:
        """A step of the negotiation's history by an unknown party is refused."""
        step = StatusChange(status="suspended", on=D(2025, 1, 1), by=["us", "nowhere"])
        assert refused(
            lambda: Negotiation(id="t", title="T", parties=PARTIES, history=[step])
        ) == [("history[0].by[1]", UNKNOWN_PARTY)]

    def test_the_parties_of_a_rounds_history_are_checked(self) -> None:
        """A step of a rounds history by an unknown party is refused."""
        held = Round(
            number=1,
            starts=D(2025, 1, 1),
            history=[StatusChange(status="held", on=D(2025, 1, 1), by=["nowhere"])],
        )
        assert refused(
            lambda: Negotiation(id="t", title="T", parties=PARTIES, rounds=[held])
        ) == [("rounds[0].history[0].by[0]", UNKNOWN_PARTY)]

    def test_a_provision_is_checked_once(self) -> None:
        """An agreement's provision is checked as a provision, not again as a condition."""
        truce = Agreement(id="a", title="A", stage="ceasefire", provisions=[STRAY])
        assert refused(
            lambda: Negotiation(id="t", title="T", parties=PARTIES, agreements=[truce])
        ) == [("agreements[0].provisions[0].demanded_by", UNKNOWN_PARTY)]

    def test_agreements_in_a_circle_are_refused(self) -> None:
        """Two agreements that amend and supersede each other are a circle."""
        first = Agreement(id="a", title="A", stage="ceasefire", amends=["b"])
        second = Agreement(id="b", title="B", stage="ceasefire", supersedes=["a"])
        assert refused(
            lambda: Negotiation(
                id="t", title="T", parties=PARTIES, agreements=[first, second]
            )
        ) == [
            (
                "agreements[0].amends[0]",
                "agreements amend or supersede each other in a circle "
                "('a' -> 'b' -> 'a'); a text amends or replaces an earlier one",
            )
        ]


class TestARecordAdded:
    """A record added with ``with_*`` is checked for the references it makes."""

    BASE = Negotiation(id="t", title="T", parties=PARTIES)

    @pytest.mark.parametrize(
        ("add", "errors"),
        [
            pytest.param(
                lambda n: n.with_party(
                    Party(id="ru", name="Russia", kind="state", sources=["nowhere"])
                ),
                [("parties[2].sources[0]", "unknown source 'nowhere'")],
                id="party",
            ),
            pytest.param(
                lambda n: n.with_round(Round(number=1, hosts=["nowhere"])),
                [("rounds[0].hosts[0]", UNKNOWN_PARTY)],
                id="round",
            ),
            pytest.param(
                lambda n: n.with_proposal(
                    Proposal(
                        id="p",
                        proposed_by=["us"],
                        made_on=D(2025, 1, 1),
                        summary="A",
                        terms=[STRAY],
                    )
                ),
                [("proposals[0].terms[0].demanded_by", UNKNOWN_PARTY)],
                id="proposal's term",
            ),
            pytest.param(
                lambda n: n.with_ultimatum(
                    Ultimatum(
                        id="u",
                        issued_by="us",
                        addressed_to=["cn"],
                        issued_at=D(2025, 1, 1),
                        demand=STRAY,
                        deadline=Deadline.on(D(2025, 12, 1)),
                    )
                ),
                [("ultimatums[0].demand.demanded_by", UNKNOWN_PARTY)],
                id="ultimatum's demand",
            ),
            pytest.param(
                lambda n: n.with_ultimatum(
                    Ultimatum(
                        id="u",
                        issued_by="nowhere",
                        addressed_to=["cn"],
                        issued_at=D(2025, 1, 1),
                        demand="Withdraw",
                        deadline=Deadline.on(D(2025, 12, 1)),
                    )
                ),
                [("ultimatums[0].issued_by", UNKNOWN_PARTY)],
                id="ultimatum",
            ),
            pytest.param(
                lambda n: n.with_agreement(
                    Agreement(
                        id="a",
                        title="A",
                        stage="ceasefire",
                        signatories=["us", "nowhere"],
                    )
                ),
                [("agreements[0].signatories[1]", UNKNOWN_PARTY)],
                id="agreement",
            ),
        ],
    )
    def test_an_unknown_reference_is_refused(
        self,
        add: Callable[[Negotiation], Negotiation],
        errors: list[tuple[str, str]],
    ) -> None:
        """The new record is refused at the reference it cannot make."""
        assert refused(lambda: add(self.BASE)) == errors

    def test_a_proposal_a_vote_is_on_may_be_replaced(self) -> None:
        """
        Replacing the proposal a vote is on keeps the vote's subject (one
        record), and checks the vote's date against the new one.
        """
        offer = Proposal(id="p", proposed_by=["us"], made_on=D(2025, 1, 1), summary="A")
        voted = Negotiation(
            id="t",
            title="T",
            parties=PARTIES,
            proposals=[offer],
            votes=[
                Vote(
                    id="v",
                    body="Parliament",
                    on=D(2025, 2, 1),
                    question="Do you approve?",
                    subject="p",
                    yes=2,
                    no=1,
                    result="passed",
                )
            ],
        )
        revised = attrs.evolve(offer, summary="A longer ceasefire")
        assert voted.with_proposal(revised).proposals == (revised,)
        assert refused(
            lambda: voted.with_proposal(attrs.evolve(offer, made_on=D(2025, 3, 1)))
        ) == [
            (
                "votes[0].on",
                "a vote (2025-02-01) cannot predate the proposal it is on, 'p' "
                "(made 2025-03-01)",
            )
        ]


DUE = Deadline.on(D(2025, 12, 1))
BY_NOWHERE = [StatusChange(status="expired", on=D(2025, 12, 2), by=["nowhere"])]
UNKNOWN_SOURCE = "unknown source 'nowhere'"
UNKNOWN_STATEMENT = "unknown statement 'nowhere'"


def _revision(**fields: Any) -> DeadlineRevision:
    return DeadlineRevision(
        previous=Deadline.on(D(2025, 11, 1)), revised_on=D(2025, 2, 1), **fields
    )


def _an_ultimatum(**fields: Any) -> Ultimatum:
    return Ultimatum(
        id="u",
        issued_by="us",
        addressed_to=["cn"],
        issued_at=D(2025, 1, 1),
        demand="Withdraw",
        deadline=DUE,
        **fields,
    )


def _an_agreement(id_: str = "a", **fields: Any) -> Agreement:
    return Agreement(id=id_, title="Truce", stage="ceasefire", **fields)


def _signed(**fields: Any) -> Agreement:
    return _an_agreement(
        history=[StatusChange(status="signed", on=D(2025, 1, 1))],
        expires=DUE,
        **fields,
    )


def _a_milestone(**fields: Any) -> Milestone:
    return Milestone(id="m", title="Talks", deadline=DUE, **fields)


def _a_vote(**fields: Any) -> Vote:
    return Vote(
        id="v",
        body="Parliament",
        on=D(2025, 2, 1),
        question="Do you approve?",
        yes=2,
        no=1,
        result="passed",
        **fields,
    )


def _an_action(**fields: Any) -> Action:
    return Action(
        id="x", kind="cooperate", on=D(2025, 1, 1), summary="An exchange", **fields
    )


@pytest.mark.parametrize(
    ("records", "errors"),
    [
        pytest.param(
            {"ultimatums": [_an_ultimatum(history=BY_NOWHERE)]},
            [("ultimatums[0].history[0].by[0]", UNKNOWN_PARTY)],
            id="ultimatum's history",
        ),
        pytest.param(
            {"ultimatums": [_an_ultimatum(revisions=[_revision(statement="nowhere")])]},
            [("ultimatums[0].revisions[0].statement", UNKNOWN_STATEMENT)],
            id="ultimatum's revision's statement",
        ),
        pytest.param(
            {"ultimatums": [_an_ultimatum(revisions=[_revision(sources=["nowhere"])])]},
            [("ultimatums[0].revisions[0].sources[0]", UNKNOWN_SOURCE)],
            id="ultimatum's revision's sources",
        ),
        pytest.param(
            {"agreements": [_an_agreement(from_proposal="nowhere")]},
            [("agreements[0].from_proposal", "unknown proposal 'nowhere'")],
            id="agreement's proposal",
        ),
        pytest.param(
            {
                "agreements": [
                    _an_agreement(phases=[Phase(name="pause", sources=["nowhere"])])
                ]
            },
            [("agreements[0].phases[0].sources[0]", UNKNOWN_SOURCE)],
            id="agreement's phase",
        ),
        pytest.param(
            {"agreements": [_signed(revisions=[_revision(statement="nowhere")])]},
            [("agreements[0].revisions[0].statement", UNKNOWN_STATEMENT)],
            id="agreement's revision",
        ),
        pytest.param(
            {"agreements": [_signed(revisions=[_revision(sources=["nowhere"])])]},
            [("agreements[0].revisions[0].sources[0]", UNKNOWN_SOURCE)],
            id="agreement's revision's sources",
        ),
        pytest.param(
            {
                "agreements": [
                    _an_agreement(
                        history=[
                            StatusChange(
                                status="signed", on=D(2025, 1, 1), by=["nowhere"]
                            )
                        ]
                    )
                ]
            },
            [("agreements[0].history[0].by[0]", UNKNOWN_PARTY)],
            id="agreement's history",
        ),
        pytest.param(
            {"agreements": [_an_agreement(sources=["nowhere"])]},
            [("agreements[0].sources[0]", UNKNOWN_SOURCE)],
            id="agreement's sources",
        ),
        pytest.param(
            {"milestones": [_a_milestone(set_by=["nowhere"])]},
            [("milestones[0].set_by[0]", UNKNOWN_PARTY)],
            id="milestone's setter",
        ),
        pytest.param(
            {"milestones": [_a_milestone(applies_to=["nowhere"])]},
            [("milestones[0].applies_to[0]", UNKNOWN_PARTY)],
            id="milestone's parties",
        ),
        pytest.param(
            {
                "milestones": [
                    _a_milestone(
                        alternatives=[
                            Alternative(
                                condition="if", deadline=DUE, sources=["nowhere"]
                            )
                        ]
                    )
                ]
            },
            [("milestones[0].alternatives[0].sources[0]", UNKNOWN_SOURCE)],
            id="milestone's alternative",
        ),
        pytest.param(
            {
                "milestones": [
                    _a_milestone(
                        set_on=D(2025, 1, 1), revisions=[_revision(statement="nowhere")]
                    )
                ]
            },
            [("milestones[0].revisions[0].statement", UNKNOWN_STATEMENT)],
            id="milestone's revision",
        ),
        pytest.param(
            {
                "milestones": [
                    _a_milestone(
                        history=[
                            StatusChange(status="met", on=D(2025, 3, 1), by=["nowhere"])
                        ]
                    )
                ]
            },
            [("milestones[0].history[0].by[0]", UNKNOWN_PARTY)],
            id="milestone's history",
        ),
        pytest.param(
            {"milestones": [_a_milestone(sources=["nowhere"])]},
            [("milestones[0].sources[0]", UNKNOWN_SOURCE)],
            id="milestone's sources",
        ),
        pytest.param(
            {"votes": [_a_vote(party="nowhere")]},
            [("votes[0].party", UNKNOWN_PARTY)],
            id="vote's party",
        ),
        pytest.param(
            {"votes": [_a_vote(sources=["nowhere"])]},
            [("votes[0].sources[0]", UNKNOWN_SOURCE)],
            id="vote's sources",
        ),
        pytest.param(
            {"actions": [_an_action(by=["nowhere"])]},
            [("actions[0].by[0]", UNKNOWN_PARTY)],
            id="action's parties",
        ),
        pytest.param(
            {"actions": [_an_action(by=["us"], toward=["nowhere"])]},
            [("actions[0].toward[0]", UNKNOWN_PARTY)],
            id="action's other parties",
        ),
        pytest.param(
            {"actions": [_an_action(by=["us"], sources=["nowhere"])]},
            [("actions[0].sources[0]", UNKNOWN_SOURCE)],
            id="action's sources",
        ),
        pytest.param(
            {"agreements": [_an_agreement(), _an_agreement()]},
            [("agreements[1].id", "agreement id 'a' is already used by agreements[0]")],
            id="agreement id",
        ),
        pytest.param(
            {"milestones": [_a_milestone(), _a_milestone()]},
            [("milestones[1].id", "milestone id 'm' is already used by milestones[0]")],
            id="milestone id",
        ),
        pytest.param(
            {"votes": [_a_vote(), _a_vote()]},
            [("votes[1].id", "vote id 'v' is already used by votes[0]")],
            id="vote id",
        ),
        pytest.param(
            {"actions": [_an_action(by=["us"]), _an_action(by=["us"])]},
            [("actions[1].id", "action id 'x' is already used by actions[0]")],
            id="action id",
        ),
        pytest.param(
            {
                "conditions": [Condition(id="c", text="Ceasefire")],
                "agreements": [
                    _an_agreement(),
                    _an_agreement("b", provisions=[Condition(id="c", text="Truce")]),
                ],
            },
            [
                (
                    "agreements[1].provisions[0].id",
                    "condition id 'c' is already used at conditions[0]",
                )
            ],
            id="provision id after an agreement without provisions",
        ),
    ],
)
def test_each_reference_and_id_of_a_record_is_checked(
    records: dict[str, Any], errors: list[tuple[str, str]]
) -> None:
    """A negotiation built with the record is refused at exactly that place."""
    assert (
        refused(lambda: Negotiation(id="t", title="T", parties=PARTIES, **records))
        == errors
    )


def test_an_agreement_made_in_a_known_round_is_accepted() -> None:
    """An agreement's round that the negotiation has is no problem."""
    agreement = _an_agreement(round=1)
    talks = Negotiation(
        id="t",
        title="T",
        parties=PARTIES,
        rounds=[Round(number=1)],
        agreements=[agreement],
    )
    assert talks.agreements == (agreement,)


def _countering(count: int) -> list[Proposal]:
    """*count* proposals, each countering the next, the last the first."""
    return [
        Proposal(
            id=f"p{index}",
            proposed_by=["us"],
            made_on=D(2025, 1, 1),
            summary="A ceasefire",
            counter_to=f"p{(index + 1) % count}",
        )
        for index in range(count)
    ]


@pytest.mark.parametrize(
    ("count", "circle"),
    [
        pytest.param(
            10,
            " counters ".join(f"'p{index}'" for index in [*range(10), 0]),
            id="shown whole",
        ),
        pytest.param(
            11,
            "'p0' counters 'p1' counters 'p2' counters 'p3' counters 'p4' counters "
            "... 2 more ... counters 'p7' counters 'p8' counters 'p9' counters "
            "'p10' counters 'p0'",
            id="cut in the middle",
        ),
    ],
)
def test_a_circle_of_eleven_links_is_the_longest_shown_whole(
    count: int, circle: str
) -> None:
    """Ten proposals in a circle are named in full; eleven are cut."""
    assert refused(
        lambda: Negotiation(
            id="t", title="T", parties=PARTIES, proposals=_countering(count)
        )
    ) == [
        (
            "proposals[0].counter_to",
            f"proposals counter each other in a circle ({circle}); a "
            "counter-proposal answers an earlier proposal",
        )
    ]


def test_a_circle_found_by_two_links_is_reported_once() -> None:
    """An agreement that both amends and supersedes the other: one circle."""
    first = _an_agreement("a", amends=["b"])
    second = _an_agreement("b", amends=["a"], supersedes=["a"])
    assert refused(
        lambda: Negotiation(
            id="t", title="T", parties=PARTIES, agreements=[first, second]
        )
    ) == [
        (
            "agreements[0].amends[0]",
            "agreements amend or supersede each other in a circle "
            "('a' -> 'b' -> 'a'); a text amends or replaces an earlier one",
        )
    ]


@settings(max_examples=50, deadline=None)
@given(nst.negotiations())
def test_the_condition_ids_are_those_of_the_condition_paths(
    talks: Negotiation,
) -> None:
    """The ids tested unique first are the conditions' walked for a repeat."""
    walked = [c.id for _, c in condition_paths(talks, provisions=False)]
    assert condition_ids(talks) == walked
