"""The whole record: cross-record validation, lookups and the with_* methods."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Condition,
    Consequence,
    Deadline,
    DeadlineRevision,
    Delegation,
    Negotiation,
    NegotiationStatus,
    Outcome,
    Party,
    Position,
    Proposal,
    RecordNotFoundError,
    Representative,
    Response,
    Round,
    Source,
    Statement,
    Ultimatum,
    ValidationError,
    Window,
    from_json,
    to_dict,
)
from tests.strategies_foundation import errors_of, slug_error


DAY = pendulum.date(2025, 7, 19)
ISSUED = pendulum.date(2025, 7, 14)


def parties() -> list[Party]:
    """Ukraine, Russia, the United States and Türkiye."""
    return [
        Party(id="ukraine", name="Ukraine", kind="state", aliases=["Kyiv"]),
        Party(
            id="russia", name="Russia", kind="state", aliases=["Moscow", "the Kremlin"]
        ),
        Party(id="united-states", name="United States", kind="state"),
        Party(id="turkiye", name="Türkiye", kind="state", role="host"),
    ]


def talks(**changes: Any) -> Negotiation:
    """A small valid record with *changes* applied."""
    kwargs: dict[str, Any] = {"id": "talks", "title": "Talks", "parties": parties()}
    kwargs.update(changes)
    return Negotiation(**kwargs)


def proposal(**changes: Any) -> Proposal:
    """Ukraine's proposal to Russia, with *changes* applied."""
    kwargs: dict[str, Any] = {
        "id": "p-1",
        "proposed_by": "ukraine",
        "addressed_to": ["russia"],
        "made_on": DAY,
        "summary": "Meet",
    }
    kwargs.update(changes)
    return Proposal(**kwargs)


def ultimatum(**changes: Any) -> Ultimatum:
    """The US ultimatum to Russia, with *changes* applied."""
    kwargs: dict[str, Any] = {
        "id": "u-1",
        "issued_by": "united-states",
        "addressed_to": ["russia"],
        "issued_at": ISSUED,
        "demand": "Ceasefire",
        "deadline": Deadline.after(ISSUED, days=50),
    }
    kwargs.update(changes)
    return Ultimatum(**kwargs)


class TestFields:
    def test_minimal(self) -> None:
        """A negotiation needs an id and a title; it is active by default."""
        n = Negotiation(id="t", title="T")
        assert n.status is NegotiationStatus.ACTIVE
        assert n.parties == ()
        assert n.rounds == ()
        assert n.proposals == ()
        assert n.ultimatums == ()
        assert n.notes is None

    def test_collections_hold_their_record_type(self) -> None:
        """Each collection holds its own record type, lists become tuples."""
        assert errors_of(
            Negotiation,
            id="T",
            title="",
            parties=["ukraine"],
            conditions="cede",
            rounds=[1],
            proposals=[None],
            ultimatums=[{}],
            statements=[parties()[0]],
            sources=["src"],
            status="frozen",
            notes=" ",
        ) == (
            ("id", slug_error("T")),
            ("title", "must be non-empty text, got ''"),
            ("parties[0]", "must be a Party, got str 'ukraine'"),
            ("conditions", "must be a list of values, got str 'cede'"),
            ("rounds[0]", "must be a Round, got int 1"),
            ("proposals[0]", "must be a Proposal, got None"),
            ("ultimatums[0]", "must be an Ultimatum, got dict {}"),
            (
                "statements[0]",
                "must be a Statement, got Party Party(id='ukraine', name='Ukraine', "
                "kind=<PartyKind.STATE: 'state'>, role=<Pa...",
            ),
            ("sources[0]", "must be a Source, got str 'src'"),
            (
                "status",
                "'frozen' is not a valid NegotiationStatus (choose from 'active', "
                "'stalled', 'suspended', 'concluded', 'collapsed')",
            ),
            ("notes", "must be non-empty text, got ' '"),
        )
        assert isinstance(talks().parties, tuple)


class TestReferences:
    def test_message_format(self) -> None:
        """An unknown party id is reported with its full path."""
        with pytest.raises(ValidationError) as info:
            talks(
                proposals=[
                    proposal(),
                    proposal(id="p-2", addressed_to=["rusia"]),
                ]
            )
        assert str(info.value) == "proposals[1].addressed_to[0]: unknown party 'rusia'"

    def test_party_references(self) -> None:
        """Member, source and representative-source ids must exist."""
        assert errors_of(
            talks,
            parties=[
                *parties(),
                Party(
                    id="coalition",
                    name="Coalition",
                    kind="coalition",
                    members=["ukraine", "frnce"],
                    sources=["nosrc"],
                    representatives=[Representative(name="A", sources=["nosrc"])],
                ),
            ],
        ) == (
            ("parties[4].sources[0]", "unknown source 'nosrc'"),
            ("parties[4].representatives[0].sources[0]", "unknown source 'nosrc'"),
            ("parties[4].members[1].party", "unknown party 'frnce'"),
        )

    def test_condition_references(self) -> None:
        """A condition's parties, positions, statements and sources must exist."""
        bad = Condition(
            id="c",
            text="t",
            demanded_by="rusia",
            addressed_to=["ukrane"],
            sources=["nosrc"],
            positions=[
                Position(
                    party="kyiv", stance="opposes", statement="nost", sources=["nosrc"]
                )
            ],
        )
        expected = [
            ("demanded_by", "unknown party 'rusia'"),
            ("addressed_to[0]", "unknown party 'ukrane'"),
            ("sources[0]", "unknown source 'nosrc'"),
            ("positions[0].party", "unknown party 'kyiv'"),
            ("positions[0].statement", "unknown statement 'nost'"),
            ("positions[0].sources[0]", "unknown source 'nosrc'"),
        ]
        assert errors_of(talks, conditions=[bad]) == tuple(
            (f"conditions[0].{path}", message) for path, message in expected
        )
        assert errors_of(talks, proposals=[proposal(terms=[bad])]) == tuple(
            (f"proposals[0].terms[0].{path}", message) for path, message in expected
        )
        assert errors_of(talks, ultimatums=[ultimatum(demand=bad)]) == tuple(
            (f"ultimatums[0].demand.{path}", message) for path, message in expected
        )

    def test_round_references(self) -> None:
        """Hosts, mediators, delegations, outcomes and sources of a round must exist."""
        assert errors_of(
            talks,
            rounds=[
                Round(
                    number=1,
                    status="held",
                    starts=DAY,
                    hosts=["turkey"],
                    mediators=["un"],
                    delegations=[Delegation(party="ukraine"), Delegation(party="rf")],
                    outcomes=[
                        Outcome(text="x", parties=["ukraine", "ru"], sources=["nosrc"])
                    ],
                    sources=["nosrc"],
                )
            ],
        ) == (
            ("rounds[0].hosts[0]", "unknown party 'turkey'"),
            ("rounds[0].mediators[0]", "unknown party 'un'"),
            ("rounds[0].delegations[1].party", "unknown party 'rf'"),
            ("rounds[0].outcomes[0].parties[1]", "unknown party 'ru'"),
            ("rounds[0].outcomes[0].sources[0]", "unknown source 'nosrc'"),
            ("rounds[0].sources[0]", "unknown source 'nosrc'"),
        )

    def test_proposal_references(self) -> None:
        """Proposer, addressees, round, countered proposal, responses, sources."""
        assert errors_of(
            talks,
            proposals=[
                proposal(
                    proposed_by="ukriane",
                    addressed_to=["rusia"],
                    round=7,
                    counter_to="p-0",
                    responses=[
                        Response(
                            party="moscow",
                            on=DAY,
                            stance="rejects",
                            statement="nost",
                            sources=["nosrc"],
                        )
                    ],
                    sources=["nosrc"],
                )
            ],
        ) == (
            ("proposals[0].proposed_by[0]", "unknown party 'ukriane'"),
            ("proposals[0].addressed_to[0]", "unknown party 'rusia'"),
            ("proposals[0].round", "unknown round 7"),
            ("proposals[0].counter_to", "unknown proposal 'p-0'"),
            ("proposals[0].responses[0].party", "unknown party 'moscow'"),
            ("proposals[0].responses[0].statement", "unknown statement 'nost'"),
            ("proposals[0].responses[0].sources[0]", "unknown source 'nosrc'"),
            ("proposals[0].sources[0]", "unknown source 'nosrc'"),
        )

    def test_ultimatum_references(self) -> None:
        """Issuer, addressees, consequences, revisions, responses, sources."""
        assert errors_of(
            talks,
            ultimatums=[
                ultimatum(
                    issued_by="usa",
                    addressed_to=["rusia"],
                    consequences=[
                        Consequence(
                            text="Tariffs",
                            target_parties=["russia", "india"],
                            sources=["nosrc"],
                        )
                    ],
                    revisions=[
                        DeadlineRevision(
                            previous=Deadline.on(pendulum.date(2025, 9, 1)),
                            revised_on=pendulum.date(2025, 7, 28),
                            statement="nost",
                            sources=["nosrc"],
                        )
                    ],
                    responses=[
                        Response(party="rf", on=DAY, stance="rejects", statement="nost")
                    ],
                    sources=["nosrc"],
                )
            ],
        ) == (
            ("ultimatums[0].issued_by", "unknown party 'usa'"),
            ("ultimatums[0].addressed_to[0]", "unknown party 'rusia'"),
            (
                "ultimatums[0].consequences[0].target_parties[1]",
                "unknown party 'india'",
            ),
            ("ultimatums[0].consequences[0].sources[0]", "unknown source 'nosrc'"),
            ("ultimatums[0].revisions[0].statement", "unknown statement 'nost'"),
            ("ultimatums[0].revisions[0].sources[0]", "unknown source 'nosrc'"),
            ("ultimatums[0].responses[0].party", "unknown party 'rf'"),
            ("ultimatums[0].responses[0].statement", "unknown statement 'nost'"),
            ("ultimatums[0].sources[0]", "unknown source 'nosrc'"),
        )

    def test_statement_references(self) -> None:
        """A statement's party, source and further sources must exist."""
        assert errors_of(
            talks,
            statements=[
                Statement(
                    id="s",
                    speaker="Maria Zakharova",
                    party="rusia",
                    said_on=DAY,
                    text="Blackmail.",
                    source="nosrc",
                    sources=["nosrc2"],
                )
            ],
        ) == (
            ("statements[0].party", "unknown party 'rusia'"),
            ("statements[0].source", "unknown source 'nosrc'"),
            ("statements[0].sources[0]", "unknown source 'nosrc2'"),
        )

    def test_existing_references_pass(self) -> None:
        """References to records that exist are accepted."""
        source = Source(id="src", publisher="TIS")
        quote = Statement(
            id="s", speaker="A", party="russia", said_on=DAY, text="t", source="src"
        )
        n = talks(
            sources=[source],
            statements=[quote],
            conditions=[
                Condition(
                    id="c",
                    text="t",
                    demanded_by="russia",
                    addressed_to=["ukraine"],
                    positions=[
                        Position(party="ukraine", stance="opposes", statement="s")
                    ],
                    sources=["src"],
                )
            ],
            proposals=[
                proposal(
                    responses=[
                        Response(
                            party="russia", on=DAY, stance="undecided", statement="s"
                        )
                    ]
                )
            ],
        )
        assert n.statement("s") is quote


class TestUniqueness:
    def test_duplicate_ids_in_every_collection(self) -> None:
        """Ids are unique per collection, and round numbers unique."""
        src = Source(id="src", publisher="TIS")
        quote = Statement(id="s", speaker="A", said_on=DAY, text="t")
        assert errors_of(
            talks,
            parties=[*parties(), Party(id="russia", name="Russia again", kind="state")],
            rounds=[Round(number=1), Round(number=2), Round(number=1, summary="again")],
            proposals=[proposal(), proposal(summary="again")],
            ultimatums=[ultimatum(), ultimatum(demand="again")],
            statements=[quote, Statement(id="s", speaker="B", said_on=DAY, text="t")],
            sources=[src, Source(id="src", publisher="Other")],
        ) == (
            ("parties[4].id", "party id 'russia' is already used by parties[1]"),
            ("rounds[2].number", "round number 1 is already used by rounds[0]"),
            ("proposals[1].id", "proposal id 'p-1' is already used by proposals[0]"),
            ("ultimatums[1].id", "ultimatum id 'u-1' is already used by ultimatums[0]"),
            ("statements[1].id", "statement id 's' is already used by statements[0]"),
            ("sources[1].id", "source id 'src' is already used by sources[0]"),
        )

    def test_condition_ids_unique_across_collections(self) -> None:
        """A condition id is used once: standing, as a term or as a demand."""
        ceasefire = Condition(id="ceasefire", text="A ceasefire")
        assert errors_of(
            talks,
            conditions=[ceasefire],
            proposals=[proposal(terms=[ceasefire])],
            ultimatums=[ultimatum(demand=ceasefire)],
        ) == (
            (
                "proposals[0].terms[0].id",
                "condition id 'ceasefire' is already used at conditions[0]",
            ),
            (
                "ultimatums[0].demand.id",
                "condition id 'ceasefire' is already used at conditions[0]",
            ),
        )

    def test_a_provision_names_the_condition_it_clashes_with(self) -> None:
        """An agreement's provision with a used condition id names that use
        (the first, for each later use; one agreement's own provisions
        refuse a repeated id themselves: test_model2_records)."""
        ceasefire = Condition(id="ceasefire", text="A ceasefire")
        deal = Agreement(
            id="deal", title="Deal", stage="partial", provisions=[ceasefire]
        )
        renewal = Agreement(
            id="renewal", title="Renewal", stage="partial", provisions=[ceasefire]
        )
        assert errors_of(
            talks, proposals=[proposal(terms=[ceasefire])], agreements=[deal, renewal]
        ) == (
            (
                "agreements[0].provisions[0].id",
                "condition id 'ceasefire' is already used at proposals[0].terms[0]",
            ),
            (
                "agreements[1].provisions[0].id",
                "condition id 'ceasefire' is already used at proposals[0].terms[0]",
            ),
        )


class TestDates:
    def test_proposal_outside_its_round(self) -> None:
        """A proposal in round N is dated within the round."""
        one_day = Round(number=1, status="held", starts=pendulum.date(2025, 5, 16))
        span = Round(
            number=2,
            status="held",
            starts=pendulum.date(2025, 6, 2),
            ends=pendulum.date(2025, 6, 3),
        )
        assert errors_of(
            talks,
            rounds=[one_day, span],
            proposals=[
                proposal(id="a", round=1, made_on=pendulum.date(2025, 5, 16)),
                proposal(id="b", round=1, made_on=pendulum.date(2025, 5, 17)),
                proposal(id="c", round=2, made_on=pendulum.date(2025, 6, 3)),
                proposal(id="d", round=2, made_on=pendulum.date(2025, 6, 1)),
                proposal(
                    id="e",
                    round=1,
                    made_on=pendulum.datetime(2025, 5, 16, 22, tz="Europe/Istanbul"),
                ),
            ],
        ) == (
            ("proposals[1].made_on", "2025-05-17 is outside round 1 (2025-05-16)"),
            (
                "proposals[3].made_on",
                "2025-06-01 is outside round 2 (2025-06-02 to 2025-06-03)",
            ),
        )

    def test_round_without_dates_accepts_any_date(self) -> None:
        """When the round's dates are unknown nothing is checked."""
        proposed = Round(number=3, window=Window.next_week(of=DAY))
        talks(rounds=[proposed], proposals=[proposal(round=3)])

    def test_counter_proposal_cannot_predate(self) -> None:
        """A counter-proposal is not older than what it counters."""
        original = proposal(id="p-1", made_on=DAY)
        assert errors_of(
            talks,
            proposals=[
                original,
                proposal(
                    id="p-2",
                    proposed_by="russia",
                    addressed_to=["ukraine"],
                    made_on=pendulum.date(2025, 7, 18),
                    counter_to="p-1",
                ),
                proposal(
                    id="p-3",
                    proposed_by="russia",
                    addressed_to=["ukraine"],
                    made_on=DAY,
                    counter_to="p-1",
                ),
            ],
        ) == (
            (
                "proposals[1].made_on",
                "a counter-proposal (2025-07-18) cannot predate the proposal it "
                "counters (2025-07-19)",
            ),
        )

    @pytest.mark.parametrize("size", [2, 3])
    def test_counter_proposals_never_go_round_in_a_circle(self, size: int) -> None:
        """Proposals of one day (or month) that counter each other in a circle
        are refused once, at the first of them; one outside it is not named."""
        ids = [f"p-{n}" for n in range(size)]
        made = [
            proposal(
                id=ident,
                proposed_by="russia" if n % 2 else "ukraine",
                addressed_to=["ukraine" if n % 2 else "russia"],
                made_on=DAY,
                counter_to=ids[(n + 1) % size],
            )
            for n, ident in enumerate(ids)
        ]
        outside = proposal(id="q", made_on=DAY, counter_to=ids[0])
        circle = " counters ".join(repr(ident) for ident in [*ids, ids[0]])
        assert errors_of(talks, proposals=[outside, *made]) == (
            (
                "proposals[1].counter_to",
                f"proposals counter each other in a circle ({circle}); a "
                "counter-proposal answers an earlier proposal",
            ),
        )

    def test_a_long_circle_is_named_by_its_ends(self) -> None:
        """
        A circle of thousands of proposals (a hostile document) is one
        problem of bounded length: the first five links and the last five,
        with how many are left out between them.
        """
        size = 5000
        data = to_dict(talks())
        data["proposals"] = [
            {
                **to_dict(
                    proposal(
                        id=f"p-{n}",
                        proposed_by="russia" if n % 2 else "ukraine",
                        addressed_to=["ukraine" if n % 2 else "russia"],
                        made_on=DAY,
                    )
                ),
                "counter_to": f"p-{(n + 1) % size}",
            }
            for n in range(size)
        ]
        with pytest.raises(ValidationError) as info:
            from_json(Negotiation, json.dumps(data))
        shown = [*(f"'p-{n}'" for n in (0, 1, 2, 3, 4)), "... 4,991 more ..."]
        shown += [*(f"'p-{n}'" for n in (4996, 4997, 4998, 4999, 0))]
        assert info.value.errors == (
            (
                "proposals[0].counter_to",
                f"proposals counter each other in a circle ({' counters '.join(shown)}"
                "); a counter-proposal answers an earlier proposal",
            ),
        )

    def test_a_circle_read_from_a_document_is_refused_alike(self) -> None:
        """Read from JSON (every reference known as it is read), the same."""
        first = proposal(id="p-0", made_on=DAY)
        second = proposal(
            id="p-1",
            proposed_by="russia",
            addressed_to=["ukraine"],
            made_on=DAY,
            counter_to="p-0",
        )
        data = to_dict(talks(proposals=[first, second]))
        data["proposals"][0]["counter_to"] = "p-1"
        with pytest.raises(ValidationError) as info:
            from_json(Negotiation, json.dumps(data))
        assert info.value.errors == (
            (
                "proposals[0].counter_to",
                "proposals counter each other in a circle ('p-0' counters 'p-1' "
                "counters 'p-0'); a counter-proposal answers an earlier proposal",
            ),
        )


class TestAllProblemsAtOnce:
    def test_problems_of_every_kind_come_together(self) -> None:
        """Duplicates, unknown references and dates are reported in one error."""
        with pytest.raises(ValidationError) as info:
            talks(
                parties=[*parties(), parties()[0]],
                rounds=[Round(number=1, status="held", starts=DAY)],
                proposals=[
                    proposal(round=1, made_on=pendulum.date(2025, 7, 20)),
                    proposal(id="p-2", addressed_to=["rusia"]),
                ],
                statements=[
                    Statement(id="s", speaker="A", party="nato", said_on=DAY, text="t")
                ],
            )
        assert info.value.errors == (
            ("parties[4].id", "party id 'ukraine' is already used by parties[0]"),
            ("proposals[0].made_on", "2025-07-20 is outside round 1 (2025-07-19)"),
            ("proposals[1].addressed_to[0]", "unknown party 'rusia'"),
            ("statements[0].party", "unknown party 'nato'"),
        )
        assert str(info.value).startswith("4 problems:\n  parties[4].id: ")

    def test_field_problems_come_before_cross_record_checks(self) -> None:
        """Cross-record checks run only once every field is well-formed."""
        assert errors_of(
            talks, title=" ", proposals=[proposal(addressed_to=["rusia"])]
        ) == (("title", "must be non-empty text, got ' '"),)


class TestLookups:
    def test_found(self) -> None:
        """Each lookup returns the record with that key."""
        source = Source(id="src", publisher="TIS")
        quote = Statement(id="s", speaker="A", said_on=DAY, text="t")
        standing = Condition(id="c", text="t")
        term = Condition(id="term", text="t")
        demand = Condition(id="demand", text="t")
        rnd = Round(number=2)
        p = proposal(terms=[term])
        u = ultimatum(demand=demand)
        n = talks(
            sources=[source],
            statements=[quote],
            conditions=[standing],
            rounds=[rnd],
            proposals=[p],
            ultimatums=[u, ultimatum(id="u-2")],
        )
        assert n.party("russia").name == "Russia"
        assert n.round(2) is rnd
        assert n.proposal("p-1") is p
        assert n.ultimatum("u-1") is u
        assert n.condition("c") is standing
        assert n.condition("term") is term
        assert n.condition("demand") is demand
        assert n.statement("s") is quote
        assert n.source("src") is source
        assert list(n.all_conditions()) == [standing, term, demand]

    @pytest.mark.parametrize(
        ("method", "key", "message"),
        [
            (
                "party",
                "rusia",
                "no party 'rusia' (did you mean 'russia'?; known: 'ukraine', "
                "'russia', 'united-states', 'turkiye')",
            ),
            ("round", 3, "no round 3 (known: 1, 2)"),
            ("round", True, "no round True (known: 1, 2)"),
            ("round", "1", "no round '1' (did you mean 1?; known: 1, 2)"),
            (
                "proposal",
                "p-2",
                "no proposal 'p-2' (did you mean 'p-1'?; known: 'p-1')",
            ),
            ("ultimatum", "x", "no ultimatum 'x' (there is no ultimatum at all)"),
            ("condition", "cede", "no condition 'cede' (there is no condition at all)"),
            ("statement", "s", "no statement 's' (there is no statement at all)"),
            ("source", "src", "no source 'src' (there is no source at all)"),
        ],
    )
    def test_not_found(self, method: str, key: object, message: str) -> None:
        """An unknown key raises RecordNotFoundError, a LookupError, with hints."""
        n = talks(rounds=[Round(number=1), Round(number=2)], proposals=[proposal()])
        with pytest.raises(LookupError) as info:
            getattr(n, method)(key)
        assert isinstance(info.value, RecordNotFoundError)
        assert str(info.value) == message
        assert info.value.key == key

    def test_find_party_by_name_or_alias(self) -> None:
        """find_party matches names and aliases, ignoring case."""
        n = talks()
        assert n.find_party("Kyiv").id == "ukraine"
        assert n.find_party("the kremlin").id == "russia"
        assert n.find_party("TÜRKIYE").id == "turkiye"

    def test_find_party_prefers_a_name_to_another_party_s_alias(self) -> None:
        """
        "Washington", an alias of the United States and the name of a group,
        finds the group; a name two parties share is not guessed.
        """
        us = Party(id="us", name="United States", kind="state", aliases=["Washington"])
        group = Party(id="wa", name="Washington", kind="group")
        n = Negotiation(id="t", title="T", parties=[us, group])
        assert n.find_party("washington ").id == "wa"
        assert n.find_party("United States").id == "us"
        georgia = Party(id="georgia", name="Georgia", kind="state")
        state = Party(id="georgia-us", name="Georgia", kind="group", aliases=["GA"])
        n = Negotiation(id="t", title="T", parties=[georgia, state])
        with pytest.raises(ValidationError) as caught:
            n.find_party("GEORGIA")
        assert caught.value.errors == (
            (
                "name",
                "'GEORGIA' names several parties ('georgia', 'georgia-us'): "
                "look the one meant up by its id",
            ),
        )
        assert n.find_party("GA").id == "georgia-us"
        shared = Party(id="ru", name="Russia", kind="state", aliases=["Moscow"])
        city = Party(id="city", name="City", kind="other", aliases=["moscow"])
        n = Negotiation(id="t", title="T", parties=[shared, city])
        with pytest.raises(ValidationError):
            n.find_party("Moscow")

    def test_find_party_after_a_change_of_the_parties(self) -> None:
        """
        A record asked by name, then given a party (or one renamed) by
        ``with_party``, finds by the new names and no longer by the old; a
        record changed otherwise still finds its parties.
        """
        n = talks()
        assert n.find_party("Moscow").id == "russia"
        renamed = n.with_party(
            Party(id="russia", name="Russian Federation", kind="state", aliases=["RF"])
        )
        assert renamed.find_party("rf").id == "russia"
        with pytest.raises(RecordNotFoundError):
            renamed.find_party("Moscow")
        added = renamed.with_party(
            Party(
                id="eu",
                name="European Union",
                kind="organization",
                aliases=["Brussels"],
            )
        )
        assert added.find_party("brussels").id == "eu"
        assert added.find_party("Russian Federation").id == "russia"
        other = added.with_source(Source(id="s", publisher="P"))
        assert other.find_party("Kyiv").id == "ukraine"
        assert n.find_party("Moscow").id == "russia"  # the first record unchanged

    def test_find_party_with_a_non_string(self) -> None:
        """A lookup by a value that is not text finds nothing, without crashing."""
        with pytest.raises(RecordNotFoundError):
            talks().find_party(5)  # type: ignore[arg-type]

    def test_find_party_unknown(self) -> None:
        """An unknown name suggests the closest name or alias."""
        with pytest.raises(RecordNotFoundError) as info:
            talks().find_party("Kiev")
        assert str(info.value) == (
            "no party named 'Kiev' (did you mean 'Kyiv'?; known: 'Ukraine', 'Kyiv', "
            "'Russia', 'Moscow', 'the Kremlin', 'United States', 'Türkiye')"
        )


_QUESTIONS: dict[str, Callable[[Negotiation, Any], object]] = {
    "Negotiation.status_at": lambda t, at: t.status_at(at),
    "Negotiation.as_of": lambda t, at: t.as_of(at),
    "timeline": lambda t, at: t.timeline(at),
    "pending_ultimatums": lambda t, at: t.pending_ultimatums(at),
    "upcoming_deadlines": lambda t, at: t.upcoming_deadlines(at),
    "expired_deadlines": lambda t, at: t.expired_deadlines(at),
    "all_expired_deadlines": lambda t, at: t.all_expired_deadlines(at),
    "positions": lambda t, at: t.positions("russia", at),
    "Ultimatum.status_at": lambda t, at: t.ultimatums[0].status_at(at),
    "Proposal.status_at": lambda t, at: t.proposals[0].status_at(at),
}


class TestPlainMoments:
    """The record's questions of a moment (``at``) read plain ``datetime``
    values as their pendulum equals and refuse what is not a moment."""

    @staticmethod
    def record() -> Negotiation:
        return talks(ultimatums=[ultimatum()], proposals=[proposal()])

    @pytest.mark.parametrize("question", sorted(_QUESTIONS))
    @pytest.mark.parametrize(
        ("plain", "same"),
        [
            (dt.date(2025, 9, 3), pendulum.date(2025, 9, 3)),
            (
                dt.datetime(2025, 9, 3, 12, tzinfo=dt.UTC),
                pendulum.datetime(2025, 9, 3, 12),
            ),
        ],
        ids=["date", "aware"],
    )
    def test_plain_values_read_as_their_pendulum_equals(
        self, question: str, plain: dt.date, same: pendulum.Date
    ) -> None:
        """A ``datetime.date`` or aware ``datetime.datetime`` gives the answer
        its pendulum equal gives."""
        record = self.record()
        ask = _QUESTIONS[question]
        assert ask(record, plain) == ask(record, same)

    @pytest.mark.parametrize("question", sorted(_QUESTIONS))
    @pytest.mark.parametrize(
        ("given", "message"),
        [
            (
                dt.datetime(2025, 9, 3),
                "naive datetime 2025-09-03T00:00:00 has no time zone; give it a "
                "zone (the library never guesses one) or record a date",
            ),
            (
                5,
                "must be a date, a zone-aware datetime or a PartialDate, got int 5",
            ),
            (
                "2025-09-03",
                "must be a date, a zone-aware datetime or a PartialDate, got str "
                "'2025-09-03' (parse text with parse_moment)",
            ),
        ],
        ids=["naive", "number", "text"],
    )
    def test_what_is_not_a_moment_is_refused_at_at(
        self, question: str, given: object, message: str
    ) -> None:
        """A ValidationError at ``at``, never a TypeError."""
        with pytest.raises(ValidationError) as exc:
            _QUESTIONS[question](self.record(), given)
        assert exc.value.errors == (("at", message),)


class TestWithMethods:
    def test_with_party_adds_and_replaces(self) -> None:
        """with_party appends a new id and replaces an existing one in place."""
        n = talks()
        eu = Party(id="eu", name="European Union", kind="organization")
        added = n.with_party(eu)
        assert [p.id for p in added.parties][-1] == "eu"
        assert n.parties == talks().parties  # unchanged original
        renamed = Party(id="russia", name="Russian Federation", kind="state")
        replaced = added.with_party(renamed)
        assert [p.id for p in replaced.parties] == [p.id for p in added.parties]
        assert replaced.party("russia") is renamed

    def test_with_round_by_number(self) -> None:
        """with_round adds a round or replaces the one with the same number."""
        n = talks().with_round(Round(number=1)).with_round(Round(number=2))
        held = Round(number=1, status="held", starts=DAY)
        n = n.with_round(held)
        assert [r.number for r in n.rounds] == [1, 2]
        assert n.round(1) is held

    @pytest.mark.parametrize(
        ("method", "first", "second", "lookup", "key"),
        [
            (
                "with_condition",
                Condition(id="c", text="one"),
                Condition(id="c", text="two"),
                "condition",
                "c",
            ),
            ("with_proposal", proposal(), proposal(summary="Again"), "proposal", "p-1"),
            (
                "with_ultimatum",
                ultimatum(),
                ultimatum(demand="Other"),
                "ultimatum",
                "u-1",
            ),
            (
                "with_statement",
                Statement(id="s", speaker="A", said_on=DAY, text="one"),
                Statement(id="s", speaker="A", said_on=DAY, text="two"),
                "statement",
                "s",
            ),
            (
                "with_source",
                Source(id="src", publisher="One"),
                Source(id="src", publisher="Two"),
                "source",
                "src",
            ),
        ],
    )
    def test_add_then_replace(
        self, method: str, first: Any, second: Any, lookup: str, key: str
    ) -> None:
        """Each with_* method adds a record, then replaces it by key."""
        n = getattr(talks(), method)(first)
        assert getattr(n, lookup)(key) is first
        n = getattr(n, method)(second)
        assert getattr(n, lookup)(key) is second
        assert len(getattr(n, f"{lookup}s")) == 1

    def test_with_methods_validate_the_result(self) -> None:
        """Adding a record with a dangling reference is refused."""
        with pytest.raises(ValidationError) as info:
            talks().with_proposal(proposal(addressed_to=["rusia"]))
        assert info.value.errors == (
            ("proposals[0].addressed_to[0]", "unknown party 'rusia'"),
        )
