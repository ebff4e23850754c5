"""The changes of format version 2 to version-1 records (issue 13): joint
proposals, dated coalition members and inherited stances, quantities with a
precision and directions, paraphrased statements, and the ``on_day`` and
``before`` deadline rules."""

from __future__ import annotations

import copy
import inspect
import json
import pickle
from typing import Any

import attrs
import cattrs
import pendulum
import pytest

from negotiation_records import (
    Condition,
    Deadline,
    Membership,
    Negotiation,
    Outcome,
    Party,
    Position,
    Precision,
    Proposal,
    Quantity,
    Round,
    Stance,
    Statement,
    ValidationError,
    configure_converter,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from negotiation_records.schema import json_schema
from negotiation_records.timeutil import PartialDate, parse_moment
from tests.strategies_foundation import errors_of, slug_error
from tests.test_schema import assert_valid


DAY = pendulum.date(2025, 7, 19)
NY = "America/New_York"


def _parties(*extra: Party) -> list[Party]:
    return [
        Party(id="ukraine", name="Ukraine", kind="state"),
        Party(id="russia", name="Russia", kind="state"),
        Party(id="france", name="France", kind="state"),
        Party(id="germany", name="Germany", kind="state"),
        *extra,
    ]


def _joint(**changes: Any) -> Proposal:
    kwargs: dict[str, Any] = {
        "id": "joint",
        "proposed_by": ["ukraine", "france"],
        "addressed_to": ["russia"],
        "made_on": DAY,
        "summary": "A ceasefire of 30 days",
    }
    kwargs.update(changes)
    return Proposal(**kwargs)


# --- joint proposals -------------------------------------------------------------


class TestJointProposals:
    def test_a_single_id_is_still_accepted_in_python(self) -> None:
        """Version-1 code passes one id; it is stored as a one-item tuple."""
        single = _joint(proposed_by="ukraine")
        assert single.proposed_by == ("ukraine",)
        assert single == _joint(proposed_by=["ukraine"])
        assert _joint().proposed_by == ("ukraine", "france")

    def test_at_least_one_distinct_proposer(self) -> None:
        """No proposer, a repeated proposer or a bad id is refused."""
        assert errors_of(_joint, proposed_by=[]) == (
            ("proposed_by", "must hold at least 1 item, got 0"),
        )
        assert errors_of(_joint, proposed_by=["ukraine", "ukraine"]) == (
            ("proposed_by[1]", "party 'ukraine' appears twice"),
        )
        assert errors_of(_joint, proposed_by="Ukraine") == (
            ("proposed_by[0]", slug_error("Ukraine")),
        )

    def test_a_co_proposer_cannot_be_addressed(self) -> None:
        """A proposal is not addressed to any of its proposers."""
        assert errors_of(_joint, addressed_to=["russia", "france"]) == (
            ("addressed_to", "'france' cannot address a proposal to itself"),
        )

    def test_a_co_proposer_cannot_respond(self) -> None:
        """respond() and the whole-record check refuse a co-proposer's answer."""
        joint = _joint()
        with pytest.raises(ValidationError) as caught:
            joint.respond("france", on=DAY, stance="supports")
        assert caught.value.errors == (
            (
                "responses[0].party",
                "'france' is one of its proposers and cannot respond to it",
            ),
        )
        answered = joint.respond("germany", on=DAY, stance="supports")
        answered = answered.respond("russia", on=DAY, stance="rejects")
        assert [r.party for r in answered.responses] == ["germany", "russia"]
        response = answered.responses[0]
        assert errors_of(
            _joint, responses=[answered.responses[1], attr_party(response, "ukraine")]
        ) == (
            (
                "responses[1].party",
                "'ukraine' is one of its proposers and cannot respond to it",
            ),
        )
        with pytest.raises(ValidationError, match="made the proposal"):
            _joint(proposed_by="ukraine").respond("ukraine", on=DAY, stance="accepts")

    def test_json_is_strict_and_version_1_is_migrated(self) -> None:
        """Version 2 writes an array and refuses a string; version 1 had a string."""
        data = to_dict(_joint())
        assert data["proposed_by"] == ["ukraine", "france"]
        data["proposed_by"] = "ukraine"
        with pytest.raises(ValidationError) as caught:
            from_dict(Proposal, data)
        assert caught.value.errors[0][0] == "proposed_by"
        assert json_schema(Proposal)["properties"]["proposed_by"]["minItems"] == 1

    def test_the_negotiation_checks_every_proposer(self) -> None:
        """Each co-proposer must be a party, reported at its index."""
        with pytest.raises(ValidationError) as caught:
            Negotiation(
                id="t",
                title="T",
                parties=_parties(),
                proposals=[_joint(proposed_by=["ukraine", "frnace"])],
            )
        assert caught.value.errors == (
            ("proposals[0].proposed_by[1]", "unknown party 'frnace'"),
        )

    def test_timeline_and_positions_name_every_proposer(self) -> None:
        """'Ukraine and France propose'; a joint term belongs to each proposer."""
        term = Condition(
            id="truce", text="Ceasefire", kind="offer", addressed_to=["russia"]
        )
        talks = Negotiation(
            id="t", title="T", parties=_parties(), proposals=[_joint(terms=[term])]
        )
        summaries = [event.summary for event in talks.timeline()]
        assert (
            "Ukraine and France propose to Russia: A ceasefire of 30 days" in summaries
        )
        event = next(e for e in talks.timeline() if e.record_id == "joint")
        assert event.party is None  # an act of several parties
        assert [c.id for c in talks.positions("ukraine").offers] == ["truce"]
        assert [c.id for c in talks.positions("france").offers] == ["truce"]
        assert [s.condition.id for s in talks.positions("russia").stances] == ["truce"]


def attr_party(response: Any, party: str) -> Any:
    """*response* answered by *party* instead."""
    import attrs

    return attrs.evolve(response, party=party)


# --- coalition members -------------------------------------------------------------


def _coalition_talks(
    *positions: Position, members: list[Any] | None = None
) -> Negotiation:
    eu = Party(
        id="eu",
        name="European Union",
        kind="coalition",
        members=members if members is not None else ["france", "germany"],
    )
    demand = Condition(
        id="cede",
        text="Cede four regions",
        demanded_by="russia",
        addressed_to=["ukraine"],
        positions=list(positions),
    )
    return Negotiation(id="t", title="T", parties=_parties(eu), conditions=[demand])


class TestCoalitionMembers:
    def test_json_is_objects_and_strict(self) -> None:
        """Members are written as objects; a string in version-2 JSON is refused."""
        eu = Party(id="eu", name="EU", kind="coalition", members=["france"])
        data = to_dict(eu)
        assert data["members"] == [
            {"party": "france", "since": None, "until": None, "sources": []}
        ]
        assert from_dict(Party, data) == eu
        data["members"] = ["france"]
        with pytest.raises(ValidationError) as caught:
            from_dict(Party, data)
        assert caught.value.errors[0][0] == "members[0]"

    def test_membership_sources_and_parties_are_checked(self) -> None:
        """A membership's party and sources must exist in the negotiation."""
        with pytest.raises(ValidationError) as caught:
            _coalition_talks(
                members=[Membership(party="italy", sources=["nosrc"]), "germany"]
            )
        assert caught.value.errors == (
            ("parties[4].members[0].party", "unknown party 'italy'"),
            ("parties[4].members[0].sources[0]", "unknown source 'nosrc'"),
        )

    def test_coalitions_cannot_be_members_of_each_other_in_a_circle(self) -> None:
        """
        The EU a member of NATO and NATO of the EU, or a longer circle, is
        refused once, at the membership of the first coalition listed, in
        construction, loading and ``with_party`` alike; a coalition of
        coalitions that is no circle is accepted.
        """

        def party(ident: str, *members: str) -> Party:
            kind = "coalition" if members else "state"
            return Party(id=ident, name=ident.upper(), kind=kind, members=list(members))

        circle = (
            "parties[1].members[1].party",
            "coalitions are members of each other in a circle ('eu' -> 'nato' -> "
            "'eu'); a coalition cannot be a member of itself through others",
        )
        parties = [party("france"), party("eu", "france", "nato"), party("nato", "eu")]
        with pytest.raises(ValidationError) as caught:
            Negotiation(id="t", title="T", parties=parties)
        assert caught.value.errors == (circle,)
        acyclic = Negotiation(
            id="t", title="T", parties=[party("france"), party("eu", "france")]
        )
        acyclic = acyclic.with_party(party("nato", "eu"))
        data = to_dict(acyclic)
        data["parties"][1]["members"].append(
            {"party": "nato", "since": None, "until": None, "sources": []}
        )
        with pytest.raises(ValidationError) as caught:
            from_dict(Negotiation, data)
        assert caught.value.errors == (circle,)
        with pytest.raises(ValidationError) as caught:
            acyclic.with_party(party("eu", "france", "nato"))
        assert caught.value.errors == (circle,)
        with pytest.raises(ValidationError) as caught:
            acyclic.with_party(party("france", "nato"))  # three long
        assert caught.value.errors == (
            (
                "parties[0].members[0].party",
                "coalitions are members of each other in a circle ('france' -> "
                "'nato' -> 'eu' -> 'france'); a coalition cannot be a member of "
                "itself through others",
            ),
        )

    def test_a_long_circle_of_coalitions_is_named_by_its_ends(self) -> None:
        """Forty coalitions each a member of the next, the last of the first."""
        size = 40
        parties = [
            Party(
                id=f"c-{k}",
                name=f"Coalition {k}",
                kind="coalition",
                members=[f"c-{(k + 1) % size}"],
            )
            for k in range(size)
        ]
        with pytest.raises(ValidationError) as caught:
            Negotiation(id="t", title="T", parties=parties)
        shown = " -> ".join(
            [
                *(f"'c-{k}'" for k in range(5)),
                "... 31 more ...",
                *(f"'c-{k}'" for k in (36, 37, 38, 39, 0)),
            ]
        )
        assert caught.value.errors == (
            (
                "parties[0].members[0].party",
                f"coalitions are members of each other in a circle ({shown}); a "
                "coalition cannot be a member of itself through others",
            ),
        )

    def test_a_member_inherits_its_coalitions_stance(self) -> None:
        """Without a stance of its own, a member takes its coalition's, marked."""
        talks = _coalition_talks(
            Position(party="eu", stance="rejects", on=pendulum.date(2025, 3, 1)),
            Position(party="germany", stance="opposes"),
        )
        france = talks.positions("france").stances[0]
        assert france.stance is Stance.REJECTS
        assert france.inherited
        assert france.inherited_from == "eu"
        assert france.on == pendulum.date(2025, 3, 1)
        germany = talks.positions("germany").stances[0]  # its own stance wins
        assert germany.stance is Stance.OPPOSES
        assert not germany.inherited
        ukraine = talks.positions("ukraine").stances[0]  # not a member
        assert ukraine.stance is None
        assert ukraine.inherited_from is None
        eu = talks.positions("eu").stances[0]
        assert eu.stance is Stance.REJECTS
        assert not eu.inherited

    def test_a_stance_is_inherited_one_step(self) -> None:
        """
        A coalition that is a member of another takes the other's stance; its
        own members take only what it said itself, not what it inherits.
        """
        talks = Negotiation(
            id="t",
            title="T",
            parties=[
                Party(id="eu", name="EU", kind="coalition", members=["bloc"]),
                Party(id="bloc", name="Bloc", kind="coalition", members=["france"]),
                Party(id="france", name="France", kind="state"),
                Party(id="russia", name="Russia", kind="state"),
            ],
            conditions=[
                Condition(
                    id="cede",
                    text="Cede four regions",
                    demanded_by="russia",
                    positions=[Position(party="eu", stance="rejects")],
                )
            ],
        )
        bloc = talks.positions("bloc").stances[0]
        assert (bloc.stance, bloc.inherited_from) == (Stance.REJECTS, "eu")
        france = talks.positions("france").stances[0]
        assert (france.stance, france.inherited_from) == (None, None)

    @pytest.mark.parametrize("dated", [True, False])
    def test_coalitions_that_disagree_alike_give_the_last_listed(
        self, dated: bool
    ) -> None:
        """
        A member of two coalitions whose stances are dated alike (or both
        undated) takes that of the coalition listed last in ``parties``, dated
        or not, as of a party's own stances the last listed counts.
        """
        on = pendulum.date(2025, 5, 1) if dated else None

        def talks(first: str, second: str) -> Negotiation:
            blocs = {
                name: Party(
                    id=name, name=name.upper(), kind="coalition", members=["poland"]
                )
                for name in ("eu", "nato")
            }
            return Negotiation(
                id="t",
                title="T",
                parties=[
                    blocs[first],
                    blocs[second],
                    Party(id="poland", name="Poland", kind="state"),
                    Party(id="russia", name="Russia", kind="state"),
                ],
                conditions=[
                    Condition(
                        id="cede",
                        text="Cede four regions",
                        demanded_by="russia",
                        positions=[
                            Position(party="eu", stance="supports", on=on),
                            Position(party="nato", stance="rejects", on=on),
                        ],
                    )
                ],
            )

        poland = talks("eu", "nato").positions("poland").stances[0]
        assert (poland.stance, poland.inherited_from) == (Stance.REJECTS, "nato")
        poland = talks("nato", "eu").positions("poland").stances[0]
        assert (poland.stance, poland.inherited_from) == (Stance.SUPPORTS, "eu")

    @pytest.mark.parametrize(
        ("membership", "on", "inherits"),
        [
            (
                Membership(party="france", until=pendulum.date(2020, 1, 31)),
                "2020",
                False,
            ),
            (
                Membership(party="france", until=pendulum.date(2020, 1, 31)),
                "2019",
                True,
            ),
            (
                Membership(party="france", until=pendulum.date(2020, 1, 31)),
                "2020-01-31",
                True,
            ),
            (
                Membership(party="france", since=pendulum.date(2025, 6, 2)),
                "2025-06",
                False,
            ),
            (
                Membership(party="france", since=PartialDate(2025, 6)),
                "2025-06-02",
                False,
            ),
            (Membership(party="france", since=PartialDate(2025, 6)), "2025-07", True),
        ],
    )
    def test_a_stance_passes_only_to_a_member_surely_in_then(
        self, membership: Membership, on: str, inherits: bool
    ) -> None:
        """
        A stance dated "2020" by a coalition the member left on 31 January
        2020 may have come after it left: it does not pass to it, nor one
        dated "June 2025" to a member that joined on 2 June.  A day counts
        whole: the day of leaving is still a member's.
        """
        stance = Position(party="eu", stance="rejects", on=parse_moment(on))
        talks = _coalition_talks(stance, members=[membership, "germany"])
        france = talks.positions("france", at=pendulum.date(2026, 1, 1)).stances[0]
        assert (france.stance is Stance.REJECTS) is inherits
        assert (france.inherited_from == "eu") is inherits
        assert talks.positions("germany").stances[0].stance is Stance.REJECTS

    def test_only_a_member_at_the_time_inherits(self) -> None:
        """A dated coalition stance counts for those who were members on that day."""
        members = [
            Membership(party="france", since=pendulum.date(2025, 4, 1)),
            Membership(party="germany", until=pendulum.date(2025, 2, 1)),
        ]
        dated = Position(party="eu", stance="rejects", on=pendulum.date(2025, 3, 1))
        talks = _coalition_talks(dated, members=members)
        assert talks.positions("france").stances[0].stance is None  # joined later
        assert talks.positions("germany").stances[0].stance is None  # had left
        later = Position(party="eu", stance="accepts", on=pendulum.date(2025, 5, 1))
        talks = _coalition_talks(dated, later, members=members)
        france = talks.positions("france").stances[0]
        assert (france.stance, france.inherited_from) == (Stance.ACCEPTS, "eu")
        # as of April, the May stance is unknown: France has none yet
        assert (
            talks.positions("france", at=pendulum.date(2025, 4, 15)).stances[0].stance
            is None
        )

    def test_a_former_member_keeps_the_stance_of_its_time(self) -> None:
        """
        A stance the coalition took after a member left does not count for it,
        and does not hide the one the coalition took while it was a member: a
        member that left on 31 January 2020 (as the United Kingdom left the
        European Union) keeps the stance of 2019 once the coalition changes
        its own in 2021; a member that stayed takes the new one.
        """
        members = [
            Membership(party="germany", until=pendulum.date(2020, 1, 31)),
            "france",
        ]
        before = Position(party="eu", stance="opposes", on=pendulum.date(2019, 6, 1))
        after = Position(party="eu", stance="accepts", on=pendulum.date(2021, 6, 1))
        talks = _coalition_talks(before, after, members=members)
        for at in (
            pendulum.date(2019, 7, 1),
            pendulum.date(2021, 1, 1),
            pendulum.date(2021, 7, 1),
        ):
            germany = talks.positions("germany", at=at).stances[0]
            assert (germany.stance, germany.on, germany.inherited_from) == (
                Stance.OPPOSES,
                pendulum.date(2019, 6, 1),
                "eu",
            )
        assert talks.positions("france").stances[0].stance is Stance.ACCEPTS

    def test_an_undated_stance_counts_for_members_at_the_moment_asked(self) -> None:
        """An undated coalition stance counts for whoever is a member at *at*."""
        members = [Membership(party="france", since=pendulum.date(2025, 4, 1))]
        talks = _coalition_talks(
            Position(party="eu", stance="opposes"), members=members
        )
        assert talks.positions("france").stances[0].inherited_from == "eu"
        early = talks.positions("france", at=pendulum.date(2025, 3, 1)).stances[0]
        assert early.stance is None
        late = talks.positions("france", at=pendulum.date(2025, 5, 1)).stances[0]
        assert late.stance is not None
        assert late.inherited


# --- quantities -----------------------------------------------------------------------


class TestQuantities:
    def test_precision_and_directions(self) -> None:
        """A count may be approximate or a bound, and say who gives and receives."""
        about = Quantity(
            amount=1900,
            unit="prisoners",
            precision="about",
            given_by=["israel"],
            received_by=["hamas"],
        )
        assert about.precision is Precision.ABOUT
        assert str(about) == "about 1900 prisoners (from israel to hamas)"
        assert str(Quantity(amount=5, unit="x", precision="at-least")) == "at least 5 x"
        assert str(Quantity(amount=5, unit="x", precision="at-most")) == "at most 5 x"
        assert Quantity(amount=5, unit="x").precision is Precision.EXACT
        assert errors_of(Quantity, amount=1, unit="x", precision="roughly")[0][0] == (
            "precision"
        )
        assert errors_of(
            Quantity, amount=1, unit="x", given_by=["a"], received_by=["b", "a"]
        ) == (
            ("received_by[1]", "party 'a' cannot both give and receive the same count"),
        )

    def test_an_exchange_is_two_counts(self) -> None:
        """An outcome holds several quantities; quantity= still reads as one."""
        swap = Outcome(
            text="Exchange",
            kind="prisoner-exchange",
            quantities=[
                Quantity(amount=84, unit="prisoners", given_by=["ukraine"]),
                Quantity(amount=84, unit="prisoners", given_by=["russia"]),
            ],
        )
        assert len(swap.quantities) == 2
        assert swap.quantity == swap.quantities[0]
        old = Outcome(text="x", quantity=Quantity(amount=1, unit="u"))
        assert old.quantities == (Quantity(amount=1, unit="u"),)
        assert old == Outcome(text="x", quantities=[Quantity(amount=1, unit="u")])
        assert Outcome(text="x").quantity is None
        assert errors_of(
            Outcome,
            text="x",
            quantity=Quantity(amount=1, unit="u"),
            quantities=swap.quantities,
        ) == (("quantity", "give quantity or quantities, not both"),)

    def test_version_1_evolve_replaces_or_clears_the_quantity(self) -> None:
        """
        ``attrs.evolve(outcome, quantity=q)`` passes the outcome's own
        ``quantities`` along: it was refused as giving both, and
        ``quantity=None`` kept the count.  As in version 1, the one count is
        replaced, or cleared.
        """
        count = Quantity(amount=1000, unit="prisoners")
        more = Quantity(amount=1200, unit="prisoners")
        outcome = Outcome(text="Exchange", kind="prisoner-exchange", quantity=count)
        assert attrs.evolve(outcome, quantity=more).quantities == (more,)
        assert attrs.evolve(outcome, quantity=None).quantities == ()
        assert attrs.evolve(outcome, quantity=count) == outcome
        assert attrs.evolve(outcome, text="Swap").quantities == (count,)
        none = Outcome(text="x", quantity=None)
        assert none.quantities == ()
        assert attrs.evolve(none, quantity=count).quantities == (count,)
        assert attrs.evolve(none, quantity=None) == none
        # as read from a document, or copied: the same
        for same in (
            from_dict(Outcome, to_dict(outcome)),
            from_json(Outcome, to_json(outcome)),
            copy.deepcopy(outcome),
            pickle.loads(pickle.dumps(outcome)),  # noqa: S301 - our own bytes
        ):
            assert attrs.evolve(same, text="Swap").quantities == (count,)
            assert attrs.evolve(same, quantity=None).quantities == ()
            assert attrs.evolve(same, quantity=more).quantities == (more,)
        # the rule reads the values: one quantity is replaced, as evolve does
        assert Outcome(text="x", quantity=more, quantities=[count]).quantities == (
            more,
        )

    def test_quantity_beside_several_quantities_is_refused(self) -> None:
        """One count cannot stand for an exchange's two, nor clear them."""
        swap = Outcome(
            text="Exchange",
            quantities=[
                Quantity(amount=84, unit="prisoners", given_by=["ukraine"]),
                Quantity(amount=84, unit="prisoners", given_by=["russia"]),
            ],
        )
        for quantity in (Quantity(amount=1, unit="u"), None):
            with pytest.raises(ValidationError) as caught:
                attrs.evolve(swap, quantity=quantity)
            assert caught.value.errors == (
                ("quantity", "give quantity or quantities, not both"),
            )
        assert attrs.evolve(swap, text="Swap").quantities == swap.quantities

    @pytest.mark.skipif(
        "use_alias" not in inspect.signature(cattrs.Converter).parameters,
        reason="cattrs writes by alias from 25.2 on",
    )
    def test_a_converter_using_aliases_writes_no_init_only_argument(self) -> None:
        """
        A converter of your own that writes by alias falls back on cattrs'
        writer: it writes neither ``quantity`` (which holds a marker, not a
        quantity, once built) nor ``status``/``status_on``.
        """
        conv = cattrs.Converter(use_alias=True)
        configure_converter(conv)
        count = Quantity(amount=1, unit="u")
        written = conv.unstructure(Outcome(text="x", quantity=count))
        assert written == to_dict(Outcome(text="x", quantity=count))
        assert "quantity" not in written
        proposal = Proposal(id="p", proposed_by="a", made_on=DAY, summary="S")
        assert conv.unstructure(proposal) == to_dict(proposal)

    def test_a_bad_quantity_or_quantities_is_reported(self) -> None:
        """Neither is hidden by the other: a bad list is not replaced."""
        assert errors_of(Outcome, text="x", quantity="1000") == (
            ("quantity", "must be a Quantity, got str '1000'"),
        )
        count = Quantity(amount=1, unit="u")
        assert [
            p
            for p, _ in errors_of(
                Outcome, text="x", quantity=count, quantities=["1000"]
            )
        ] == ["quantities[0]"]
        assert [
            p for p, _ in errors_of(Outcome, text="x", quantity="1000", quantities=5)
        ] == ["quantities", "quantity"]

    def test_json_has_quantities_only(self) -> None:
        """Version 2 writes ``quantities``; a ``quantity`` key is unknown there."""
        data = to_dict(Outcome(text="x", quantity=Quantity(amount=1, unit="u")))
        assert "quantity" not in data
        assert [q["amount"] for q in data["quantities"]] == [1]
        data["quantity"] = None
        with pytest.raises(ValidationError):
            from_dict(Outcome, data)

    def test_the_negotiation_checks_givers_and_receivers(self) -> None:
        """given_by and received_by must name parties."""
        held = Round(
            number=1,
            status="held",
            starts=DAY,
            outcomes=[
                Outcome(
                    text="x",
                    quantities=[
                        Quantity(amount=1, unit="u", given_by=["ukrane"]),
                        Quantity(amount=1, unit="u", received_by=["rusia"]),
                    ],
                )
            ],
        )
        with pytest.raises(ValidationError) as caught:
            Negotiation(id="t", title="T", parties=_parties(), rounds=[held])
        assert caught.value.errors == (
            (
                "rounds[0].outcomes[0].quantities[0].given_by[0]",
                "unknown party 'ukrane'",
            ),
            (
                "rounds[0].outcomes[0].quantities[1].received_by[0]",
                "unknown party 'rusia'",
            ),
        )


# --- statements -----------------------------------------------------------------------


def test_a_paraphrase_is_shown_without_quotation_marks() -> None:
    """Statement.verbatim (true by default) decides the quotation marks."""
    said = Statement(id="q", speaker="Peskov", said_on=DAY, text="Momentum is needed.")
    told = Statement(
        id="p",
        speaker="Peskov",
        said_on=DAY,
        text="Russia wants momentum",
        verbatim=False,
    )
    assert said.verbatim
    assert not told.verbatim
    talks = Negotiation(id="t", title="T", statements=[said, told])
    summaries = [event.summary for event in talks.timeline()]
    assert "Peskov: “Momentum is needed.”" in summaries
    assert "Peskov, paraphrased: Russia wants momentum" in summaries
    assert from_dict(Statement, to_dict(told)) == told


# --- deadlines -------------------------------------------------------------------------


class TestOnDay:
    def test_day_16_of_the_gaza_ceasefire(self) -> None:
        """Counting is inclusive: day 1 is the start day."""
        start = pendulum.date(2025, 1, 19)
        assert Deadline.on_day(16, counting_from=start).due == pendulum.date(2025, 2, 3)
        assert Deadline.on_day(1, counting_from=start).due == start
        assert Deadline.after(start, days=16).due == pendulum.date(2025, 2, 4)

    @pytest.mark.parametrize(
        ("start", "n", "due"),
        [
            ((2025, 1, 31), 2, (2025, 2, 1)),
            ((2024, 2, 28), 3, (2024, 3, 1)),  # leap year: 29 February counts
            ((2025, 2, 28), 2, (2025, 3, 1)),
            ((2025, 12, 31), 2, (2026, 1, 1)),
            ((2025, 1, 1), 365, (2025, 12, 31)),
        ],
    )
    def test_across_month_and_year_ends(
        self, start: tuple[int, int, int], n: int, due: tuple[int, int, int]
    ) -> None:
        """Day n is start + n - 1 calendar days, whatever the month."""
        deadline = Deadline.on_day(n, counting_from=pendulum.date(*start))
        assert deadline.due == pendulum.date(*due)

    def test_across_a_clock_change(self) -> None:
        """From a datetime, the days are its wall clock's, ending in its zone."""
        start = pendulum.datetime(2025, 3, 8, 12, tz=NY)  # clocks go forward on the 9th
        deadline = Deadline.on_day(3, counting_from=start)
        assert deadline.due == pendulum.date(2025, 3, 10)
        assert deadline.tz == NY
        assert deadline.cutoff == pendulum.datetime(2025, 3, 11, tz=NY)
        assert deadline.remaining(at=start).in_hours() == 59  # 12 + 23 + 24
        kyiv = pendulum.datetime(2025, 10, 25, 23, 30, tz="Europe/Kyiv")
        autumn = Deadline.on_day(2, counting_from=kyiv)  # clocks go back on the 26th
        assert autumn.due == pendulum.date(2025, 10, 26)
        assert autumn.remaining(at=kyiv).in_minutes() == 30 + 25 * 60
        utc = Deadline.on_day(2, counting_from=kyiv, tz="UTC")
        assert utc.tz == "UTC"

    def test_round_trip_and_checks(self) -> None:
        """The rule is written (``day``) and checked against ``due`` on load."""
        deadline = Deadline.on_day(16, counting_from=pendulum.date(2025, 1, 19))
        data = to_dict(deadline)
        assert (data["anchor"], data["day"], data["due"]) == (
            "2025-01-19",
            16,
            "2025-02-03",
        )
        assert from_dict(Deadline, data) == deadline
        assert from_json(Deadline, to_json(deadline)) == deadline
        assert_valid(Deadline, data)
        assert deadline.describe_rule() == "day 16 counting from 2025-01-19 (day 1)"
        # Day 1 is the start's day where the days are counted, said where it
        # is not the day written: the Minsk ceasefire, from midnight in Kyiv
        # written with an offset (days counted in UTC), and a start given in
        # UTC for days counted in Jerusalem.
        minsk = pendulum.datetime(2015, 2, 15, tz=pendulum.FixedTimezone(7200))
        assert Deadline.on_day(2, counting_from=minsk).describe_rule() == (
            "day 2 counting from 2015-02-15T00:00:00+02:00 (day 1 is 2015-02-14 in UTC)"
        )
        late = pendulum.datetime(2025, 1, 18, 23, 30, tz="UTC")
        gaza = Deadline.on_day(16, counting_from=late, tz="Asia/Jerusalem")
        assert (gaza.due, gaza.describe_rule()) == (
            pendulum.date(2025, 2, 3),
            "day 16 counting from 2025-01-18T23:30:00Z (day 1 is 2025-01-19 in "
            "Asia/Jerusalem)",
        )
        assert str(deadline) == "2025-02-03 [day 16 from 2025-01-19]"
        wrong = {**data, "due": "2025-02-04"}
        with pytest.raises(ValidationError) as caught:
            from_dict(Deadline, wrong)
        assert caught.value.errors == (
            (
                "due",
                "2025-02-04 does not follow from the rule (day 16 counting from "
                "2025-01-19 = 2025-02-03)",
            ),
        )
        both = {**data, "period": "P15D"}
        with pytest.raises(ValidationError, match="only one of them"):
            from_dict(Deadline, both)
        with pytest.raises(ValidationError, match="needs an anchor"):
            from_dict(Deadline, {**data, "anchor": None})
        with pytest.raises(ValidationError, match="falls due on a date"):
            Deadline(
                due=pendulum.datetime(2025, 2, 3, tz="UTC"),
                anchor=pendulum.datetime(2025, 1, 19, tz="UTC"),
                day=16,
            )

    def test_refused_arguments(self) -> None:
        """Day 0, a negative day or a partial date are refused by name."""
        with pytest.raises(ValidationError) as caught:
            Deadline.on_day(0, counting_from=pendulum.date(2025, 1, 19))
        assert caught.value.errors[0][0] == "day"
        with pytest.raises(ValidationError) as caught:
            Deadline.on_day(3, counting_from="2025-01")  # type: ignore[arg-type]
        assert caught.value.errors[0][0] == "counting_from"


class TestBefore:
    def test_24_hours_before_across_the_spring_change(self) -> None:
        """Exact units are elapsed time; calendar units move the wall clock."""
        start = pendulum.datetime(2025, 3, 9, 12, tz=NY)
        hours = Deadline.before(start, "PT24H")
        assert hours.due == pendulum.datetime(2025, 3, 8, 11, tz=NY)
        assert Deadline.before(start, days=1).due == pendulum.datetime(
            2025, 3, 8, 12, tz=NY
        )
        assert hours.counts_back
        assert (
            hours.describe_rule()
            == "24 hours before 2025-03-09T12:00:00-04:00[America/New_York]"
        )

    def test_24_hours_before_across_the_autumn_change(self) -> None:
        """Back across the repeated hour: 24 hours is 25 on the wall clock's day."""
        start = pendulum.datetime(2025, 11, 2, 12, tz=NY)
        assert Deadline.before(start, hours=24).due == pendulum.datetime(
            2025, 11, 1, 13, tz=NY
        )
        assert Deadline.before(start, days=1).due == pendulum.datetime(
            2025, 11, 1, 12, tz=NY
        )

    def test_a_skipped_wall_time_moves_forward(self) -> None:
        """Landing in the spring gap: the compatible rule, as for after()."""
        start = pendulum.datetime(2025, 3, 10, 2, 30, tz=NY)
        assert Deadline.before(start, days=1).due == pendulum.datetime(
            2025, 3, 9, 3, 30, tz=NY
        )

    def test_months_clamp(self) -> None:
        """A month back from 31 March is the end of February."""
        assert Deadline.before(pendulum.date(2025, 3, 31), "P1M").due == pendulum.date(
            2025, 2, 28
        )
        assert Deadline.before(
            pendulum.date(2024, 3, 31), months=1
        ).due == pendulum.date(2024, 2, 29)
        assert Deadline.before(pendulum.date(2025, 1, 10), "P2W").due == pendulum.date(
            2024, 12, 27
        )

    def test_round_trip_and_checks(self) -> None:
        """``counts_back`` is written, and on load the due must follow from it."""
        deadline = Deadline.before(
            pendulum.datetime(2025, 1, 19, 8, 30, tz="UTC"), "PT24H"
        )
        data = to_dict(deadline)
        assert data["counts_back"] is True
        assert from_dict(Deadline, data) == deadline
        assert_valid(Deadline, data)
        with pytest.raises(ValidationError, match=r"- PT24H"):
            from_dict(Deadline, {**data, "due": "2025-01-18T09:30:00Z"})
        forward = {**data, "counts_back": False}
        with pytest.raises(ValidationError, match=r"\+ PT24H"):
            from_dict(Deadline, forward)
        with pytest.raises(ValidationError) as caught:
            Deadline(due=pendulum.date(2025, 1, 1), counts_back=True)
        assert caught.value.errors == (
            ("counts_back", "only a period is counted back from an anchor"),
        )

    def test_refused_arguments(self) -> None:
        """Negative periods, and hours from a date, are refused as for after()."""
        with pytest.raises(ValidationError, match="must not be negative"):
            Deadline.before(pendulum.date(2025, 1, 19), days=-1)
        with pytest.raises(ValidationError, match="need an anchor with a time of day"):
            Deadline.before(pendulum.date(2025, 1, 19), "PT24H")


# --- the migration ---------------------------------------------------------------------


def test_version_1_shapes_are_migrated() -> None:
    """A version-1 proposer, coalition member and quantity load as version 2."""
    document = {
        "schema_version": 1,
        "id": "t",
        "title": "T",
        "parties": [
            {"id": "ukraine", "name": "Ukraine", "kind": "state"},
            {"id": "russia", "name": "Russia", "kind": "state"},
            {"id": "west", "name": "West", "kind": "coalition", "members": ["ukraine"]},
        ],
        "rounds": [
            {
                "number": 1,
                "status": "held",
                "starts": "2025-05-16",
                "outcomes": [
                    {"text": "a", "quantity": {"amount": 1000, "unit": "prisoners"}},
                    {"text": "b", "quantity": None},
                    {"text": "c"},
                ],
            }
        ],
        "proposals": [
            {
                "id": "p",
                "proposed_by": "ukraine",
                "addressed_to": ["russia"],
                "made_on": "2025-07-19",
                "summary": "Talks",
            }
        ],
    }
    before = json.dumps(document)
    talks = from_dict(Negotiation, document)
    assert json.dumps(document) == before  # the input is left alone
    assert talks.proposals[0].proposed_by == ("ukraine",)
    assert talks.party("west").members == (Membership(party="ukraine"),)
    outcomes = talks.rounds[0].outcomes
    assert outcomes[0].quantities == (Quantity(amount=1000, unit="prisoners"),)
    assert outcomes[1].quantities == outcomes[2].quantities == ()
    assert from_json(Negotiation, to_json(talks)) == talks


# --- the command line and the picture ----------------------------------------------


def _joint_talks() -> Negotiation:
    return Negotiation(id="t", title="T", parties=_parties(), proposals=[_joint()])


def test_the_command_line_lists_every_proposer(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """show lists a joint text's proposers, as a list in JSON."""
    from negotiation_records.cli import main

    path = tmp_path / "talks.json"
    path.write_text(to_json(_joint_talks()), encoding="utf-8")
    assert main(["show", str(path), "--at", "2025-07-20", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    proposals = shown["negotiations"][0]["open_proposals"]
    assert proposals[0]["proposed_by"] == ["ukraine", "france"]
    assert main(["show", str(path), "--at", "2025-07-20"]) == 0
    assert "ukraine, france" in capsys.readouterr().out


def test_the_picture_marks_a_joint_text_on_every_proposers_lane() -> None:
    """One proposal mark on each proposer's lane."""
    from negotiation_records import plot

    talks = _joint_talks()
    lane_of = {party.id: index + 1 for index, party in enumerate(talks.parties)}
    items = list(plot._items(talks, lane_of, None))
    lanes = sorted(item.lane for item in items if item.legend == "proposal")
    assert lanes == [lane_of["ukraine"], lane_of["france"]]
