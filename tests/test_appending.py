"""
Growing a record and looking records up: the with_* methods and the lookup index.

A ``with_*`` method checks the new record alone against the rest; whatever it
is given, the result (or the ValidationError, message for message and path for
path) is the one of building the whole record.  Lookups go through an index
that is no part of the record's value.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from negotiation_records import (
    Action,
    Agreement,
    Condition,
    Deadline,
    Milestone,
    Negotiation,
    Party,
    Position,
    Proposal,
    RecordNotFoundError,
    Round,
    Source,
    Statement,
    Ultimatum,
    ValidationError,
    Vote,
    _lookup,
    json_schema,
    to_dict,
    to_json,
)
from negotiation_records import strategies as nrst
from negotiation_records._lookup import ALL_CONDITIONS, INDEX_AFTER, KEYS
from negotiation_records._whole_record import Checker
from tests.seed import seed_record


DAY = pendulum.date(2025, 7, 19)

#: collection: (method, strategy, lookup, key)
COLLECTIONS: dict[str, tuple[str, Callable[[], st.SearchStrategy[Any]], str, str]] = {
    "parties": ("with_party", nrst.parties, "party", "id"),
    "conditions": ("with_condition", nrst.conditions, "condition", "id"),
    "rounds": ("with_round", nrst.rounds, "round", "number"),
    "proposals": ("with_proposal", nrst.proposals, "proposal", "id"),
    "ultimatums": ("with_ultimatum", nrst.ultimatums, "ultimatum", "id"),
    "statements": ("with_statement", nrst.statements, "statement", "id"),
    "sources": ("with_source", nrst.sources, "source", "id"),
    "agreements": ("with_agreement", nrst.agreements, "agreement", "id"),
    "milestones": ("with_milestone", nrst.milestones, "milestone", "id"),
    "votes": ("with_vote", nrst.votes, "vote", "id"),
    "actions": ("with_action", nrst.actions, "action", "id"),
}
LOOKUPS = {
    "parties": "party",
    "rounds": "round",
    "proposals": "proposal",
    "ultimatums": "ultimatum",
    "statements": "statement",
    "agreements": "agreement",
    "milestones": "milestone",
    "votes": "vote",
    "actions": "action",
    "sources": "source",
}


def upserted(items: tuple[Any, ...], new: Any, key: str) -> tuple[Any, ...]:
    """*items* with *new* replacing the item with its key, or appended."""
    wanted = getattr(new, key)
    if any(getattr(item, key) == wanted for item in items):
        return tuple(new if getattr(item, key) == wanted else item for item in items)
    return (*items, new)


def whole(talks: Negotiation, name: str, item: Any) -> Negotiation:
    """The record with *item* in *name*, built and checked as a whole."""
    key = COLLECTIONS[name][3]
    changes: dict[str, Any] = {name: upserted(getattr(talks, name), item, key)}
    return attrs.evolve(talks, **changes)


def outcome(build: Callable[[], Negotiation]) -> tuple[str, Any]:
    """``("ok", record)`` or ``("refused", errors)``."""
    try:
        return "ok", build()
    except ValidationError as exc:
        return "refused", exc.errors


def look_everything_up(talks: Negotiation) -> None:
    """Every record is found by its key, and it is the record at its place."""
    for name, lookup in LOOKUPS.items():
        key = COLLECTIONS.get(name, ("", None, "", "id"))[3]
        for item in getattr(talks, name):
            assert getattr(talks, lookup)(getattr(item, key)) is item
    for condition in talks.all_conditions():
        assert talks.condition(condition.id) is condition


def _renamed_conditions(item: Any, suffix: str) -> Any:
    """*item* with its conditions given ids no other record uses."""
    if isinstance(item, Condition):
        return attrs.evolve(item, id=f"{item.id[:40]}-{suffix}")
    if isinstance(item, Proposal):
        terms = [
            attrs.evolve(t, id=f"{t.id[:40]}-{suffix}-{i}")
            for i, t in enumerate(item.terms)
        ]
        return attrs.evolve(item, terms=terms)
    if isinstance(item, Agreement):
        provisions = [
            attrs.evolve(c, id=f"{c.id[:40]}-{suffix}-{i}")
            for i, c in enumerate(item.provisions)
        ]
        return attrs.evolve(item, provisions=provisions)
    demand = getattr(item, "demand", None)
    if isinstance(demand, Condition):
        return attrs.evolve(
            item, demand=attrs.evolve(demand, id=f"{demand.id[:40]}-{suffix}")
        )
    return item


#: The fields that cite other records or date a record, by record type.
CITING: dict[type, tuple[str, ...]] = {
    Party: ("sources",),
    Condition: ("demanded_by", "addressed_to", "sources"),
    Round: ("hosts", "mediators", "starts", "ends", "sources"),
    Proposal: (
        "proposed_by",
        "addressed_to",
        "round",
        "counter_to",
        "made_on",
        "terms",
        "sources",
    ),
    Ultimatum: ("issued_by", "addressed_to", "demand", "sources"),
    Statement: ("party", "source", "sources"),
    Agreement: (
        "signatories",
        "witnesses",
        "guarantors",
        "from_proposal",
        "round",
        "amends",
        "supersedes",
        "provisions",
        "sources",
    ),
    Milestone: ("set_by", "applies_to", "agreement", "sources"),
    Vote: ("party", "subject", "sources"),
    Action: ("by", "toward", "sources"),
}
#: A value that names nothing, by field.
NOTHING: dict[str, Any] = {
    "round": 999,
    "counter_to": "nowhere",
    "from_proposal": "nowhere",
    "agreement": "nowhere",
    "subject": "nowhere",
    "amends": ("nowhere",),
    "supersedes": ("nowhere",),
    "source": "nowhere",
    "sources": ("nowhere",),
}


def _tweaked(draw: st.DrawFn, talks: Negotiation, item: Any) -> Any:
    """
    *item* with one field citing nothing, or another record of *talks*, or
    moved in time (a term or demand with a party that does not exist).
    """
    names = CITING.get(type(item))
    if not names:
        return item
    name = draw(st.sampled_from(names))
    value = getattr(item, name)
    parties = [p.id for p in talks.parties]
    pools: dict[str, list[Any]] = {
        "round": [None, *(r.number for r in talks.rounds)],
        "counter_to": [None, *(p.id for p in talks.proposals)],
        "source": [None, *(s.id for s in talks.sources)],
        "party": [None, *parties],
        "demanded_by": [None, *parties],
        "issued_by": parties,
        "sources": [(), *((s.id,) for s in talks.sources)],
        "from_proposal": [None, *(p.id for p in talks.proposals)],
        "agreement": [None, *(a.id for a in talks.agreements)],
        "subject": [
            None,
            *(p.id for p in talks.proposals),
            *(a.id for a in talks.agreements),
            *(m.id for m in talks.milestones),
        ],
        "amends": [(), *((a.id,) for a in talks.agreements)],
        "supersedes": [(), *((a.id,) for a in talks.agreements)],
    }
    bad = draw(st.booleans())
    if name in ("terms", "demand", "provisions"):
        conditions = value if name != "demand" else (value,)
        if not conditions or not isinstance(conditions[0], Condition):
            return item
        first = attrs.evolve(conditions[0], addressed_to=("nobody",))
        new = (first, *conditions[1:]) if name != "demand" else first
    elif name in ("starts", "ends", "made_on"):
        if value is None or not hasattr(value, "add"):
            return item
        new = value.add(days=draw(st.integers(-3, 3)))
    elif bad:
        new = NOTHING.get(name, "nobody")
        if name in (
            "addressed_to",
            "hosts",
            "mediators",
            "proposed_by",
            "signatories",
            "witnesses",
            "guarantors",
            "set_by",
            "applies_to",
            "by",
            "toward",
        ):
            new = ("nobody",)
    elif name in pools:
        if not pools[name]:
            return item
        new = draw(st.sampled_from(pools[name]))
    else:  # lists of parties
        if not parties:
            return item
        new = tuple(draw(st.lists(st.sampled_from(parties), min_size=1, max_size=2)))
    try:
        return attrs.evolve(item, **{name: new})
    except (ValidationError, TypeError):  # not a valid record of its own
        return item


def _with_key(record: Any, key: str, value: object) -> Any:
    """*record* with its key set to *value*; a generated record that cannot
    take it (a proposal would then counter itself) is rejected."""
    try:
        return attrs.evolve(record, **{key: value})
    except ValidationError:
        reject()


@st.composite
def changes(
    draw: st.DrawFn, names: tuple[str, ...] = tuple(COLLECTIONS)
) -> tuple[Negotiation, str, Any]:
    """
    A valid record, one of its collections *names* and a record to put in it
    (valid or not).
    """
    talks = draw(
        nrst.negotiations().filter(lambda n: any(getattr(n, x) for x in names))
    )
    filled = [name for name in sorted(names) if getattr(talks, name)]
    name = draw(st.sampled_from(filled))
    _, strategy, _, key = COLLECTIONS[name]
    items = getattr(talks, name)
    way = draw(
        st.sampled_from(
            ["re-add"] * 3
            + ["new key"] * 2
            + ["same key"] * 2
            + ["fresh", "fresh with a key in use"]
        )
    )
    if way == "re-add" and items:  # taken out, then added back at the end
        index = draw(st.integers(0, len(items) - 1))
        item = items[index]
        try:
            talks = whole(talks, name, item)  # no-op: the item is there
            talks = attrs.evolve(talks, **{name: items[:index] + items[index + 1 :]})
        except ValidationError:
            pass  # others cite it: it replaces itself
    elif way == "new key" and items:  # a copy citing what the record has
        item = draw(st.sampled_from(items))
        fresh = (
            max(r.number for r in items) + 1
            if key == "number"
            else f"{item.id[:50]}-copy"
        )
        item = _with_key(item, key, fresh)
        if draw(st.booleans()):
            item = _renamed_conditions(item, "copy")
        if draw(st.booleans()):
            item = _tweaked(draw, talks, item)
    elif way == "same key" and items:  # a replacement
        old = draw(st.sampled_from(items))
        item = draw(
            st.sampled_from(
                [
                    old,
                    _tweaked(draw, talks, old),
                    _with_key(draw(strategy()), key, getattr(old, key)),
                ]
            )
        )
    elif way == "fresh with a key in use" and items:
        item = _with_key(draw(strategy()), key, getattr(items[0], key))
    else:
        item = draw(strategy())
    if draw(st.booleans()):  # the index already built, or not
        look_everything_up(talks)
    return talks, name, item


class TestWithMethodsAgreeWithTheWholeCheck:
    @settings(max_examples=300)
    @given(changes())
    def test_same_record_or_same_errors(
        self, change: tuple[Negotiation, str, Any]
    ) -> None:
        """A with_* method gives what building the whole record gives."""
        talks, name, item = change
        method = COLLECTIONS[name][0]
        got = outcome(lambda: getattr(talks, method)(item))
        expected = outcome(lambda: whole(talks, name, item))
        assert got[0] == expected[0]
        assert got[1] == expected[1]
        if got[0] == "ok":
            look_everything_up(got[1])

    @settings(max_examples=200)
    @given(changes(names=("rounds", "proposals", "ultimatums")))
    def test_same_for_rounds_proposals_and_ultimatums(
        self, change: tuple[Negotiation, str, Any]
    ) -> None:
        """As above, for the records that bring conditions or dates to check."""
        self.test_same_record_or_same_errors.hypothesis.inner_test(self, change)  # type: ignore[attr-defined]

    @settings(max_examples=200)
    @given(changes(names=("agreements", "milestones", "votes", "actions")))
    def test_same_for_agreements_milestones_votes_and_actions(
        self, change: tuple[Negotiation, str, Any]
    ) -> None:
        """As above, for the records of format version 2."""
        self.test_same_record_or_same_errors.hypothesis.inner_test(self, change)  # type: ignore[attr-defined]

    @settings(max_examples=50)
    @given(
        nrst.negotiations().filter(lambda n: len(n.parties) > 1),
        st.integers(0, 3),
        st.integers(-3, 3),
        st.integers(0, 3),
    )
    def test_a_round_replaced_with_other_dates(
        self, talks: Negotiation, made: int, shift: int, length: int
    ) -> None:
        """The proposals made in a round moved in time are checked against it."""
        number = max((r.number for r in talks.rounds), default=0) + 1
        party = talks.parties[0].id
        talks = talks.with_round(
            Round(number=number, starts=DAY, ends=DAY.add(days=3))
        ).with_proposal(
            Proposal(
                id="in-the-round",
                proposed_by=party,
                addressed_to=[talks.parties[-1].id],
                made_on=DAY.add(days=made),
                summary="Meet",
                round=number,
            )
        )
        starts = DAY.add(days=shift)
        moved = Round(number=number, starts=starts, ends=starts.add(days=length))
        got = outcome(lambda: talks.with_round(moved))
        assert got == outcome(lambda: whole(talks, "rounds", moved))

    @settings(max_examples=50)
    @given(nrst.negotiations(), st.lists(nrst.statements(), max_size=5))
    def test_a_record_grown_item_by_item(
        self, talks: Negotiation, said: list[Statement]
    ) -> None:
        """Statements added one by one: the record built in one go, same lookups."""
        grown = talks
        for statement in said:
            try:
                grown = grown.with_statement(statement)
            except ValidationError:
                continue
        assert grown == attrs.evolve(grown)
        look_everything_up(grown)


class TestIndexIsNoPartOfTheValue:
    def test_equality_hash_repr_and_serialized_form(self) -> None:
        """A record that has answered lookups is the same value as one that has not."""
        used = seed_record()
        fresh = seed_record()
        look_everything_up(used)
        assert used == fresh
        assert hash(used) == hash(fresh)
        assert repr(used) == repr(fresh)
        assert to_json(used) == to_json(fresh)
        assert to_dict(used) == to_dict(fresh)
        assert "_index" not in attrs.fields_dict(Negotiation)
        assert "_index" not in str(json_schema(Negotiation))

    def test_copies_and_pickles_look_up_their_own_records(self) -> None:
        """A copy or an unpickled record answers lookups from its own records."""
        talks = seed_record()
        look_everything_up(talks)
        for other in (
            copy.copy(talks),
            copy.deepcopy(talks),
            pickle.loads(pickle.dumps(talks)),  # noqa: S301 - our own bytes
        ):
            assert other == talks
            look_everything_up(other)

    def test_evolve_never_sees_a_stale_index(self) -> None:
        """A record changed with attrs.evolve looks up its own records."""
        talks = seed_record()
        first = talks.statements[0]
        assert talks.statement(first.id) is first
        fewer = attrs.evolve(talks, statements=talks.statements[1:])
        with pytest.raises(RecordNotFoundError):
            fewer.statement(first.id)
        assert talks.statement(first.id) is first

    def test_a_snapshot_looks_up_what_it_holds(self) -> None:
        """as_of(): what came later is not found, what was known is."""
        talks = seed_record()
        look_everything_up(talks)
        latest = max(talks.statements, key=lambda s: str(s.said_on))
        earlier = talks.as_of(pendulum.date(2025, 5, 1))
        assert latest not in earlier.statements
        with pytest.raises(RecordNotFoundError):
            earlier.statement(latest.id)
        look_everything_up(earlier)


class TestLookups:
    def test_the_condition_index_is_published_only_when_whole(self) -> None:
        """While the index of every condition is built, the record holds none:
        another thread looking a condition up (or checking a new id against
        them) then builds its own, never reads a half-built one."""
        published: list[object] = []

        class Watching(Negotiation):
            def all_conditions(self) -> Iterator[Condition]:
                for condition in super().all_conditions():
                    published.append(_lookup._index(self).get(ALL_CONDITIONS))
                    yield condition

        conditions = [Condition(id=f"c{i}", text="Terms") for i in range(5)]
        watched = Watching(id="t", title="T", conditions=conditions)
        for _ in range(INDEX_AFTER + 1):  # the later lookups build the index
            assert watched.condition("c4") is conditions[4]
        assert watched.condition("c0") is conditions[0]
        assert published
        assert all(seen is None for seen in published)

    def test_a_key_that_cannot_be_hashed_finds_nothing(self) -> None:
        """A list as a key is simply not found."""
        talks = seed_record()
        with pytest.raises(RecordNotFoundError):
            talks.party(["ukraine"])  # type: ignore[arg-type]
        with pytest.raises(RecordNotFoundError):
            talks.condition(["cede"])  # type: ignore[arg-type]

    def test_a_key_of_another_type_finds_nothing(self) -> None:
        """Round 1.0 is not round 1; a condition id must be text."""
        talks = seed_record()
        number = talks.rounds[0].number
        with pytest.raises(RecordNotFoundError):
            talks.round(float(number))  # type: ignore[arg-type]
        assert talks.round(number) is talks.rounds[0]

    def test_searched_and_indexed_lookups_agree(self) -> None:
        """The first lookups of a collection search it and the later ones read its
        index: both answer every key alike (the first of repeats, a key of
        another type or unhashable finds nothing)."""
        talks = seed_record()
        lookups = {**LOOKUPS, "conditions": "condition"}

        def answers(record: Negotiation) -> list[object]:
            found: list[object] = []
            for name, method in lookups.items():
                items = (
                    record.all_conditions()
                    if name == "conditions"
                    else getattr(record, name)
                )
                keys = [getattr(item, KEYS[name]) for item in items]
                for key in [*keys, "nobody", 1, True, 1.0, ["x"]]:
                    try:
                        found.append(getattr(record, method)(key))
                    except RecordNotFoundError as exc:
                        found.append(str(exc))
            return found

        searched = answers(copy.copy(talks))
        indexed = copy.copy(talks)
        for method in lookups.values():
            for _ in range(INDEX_AFTER):
                with pytest.raises(RecordNotFoundError):
                    getattr(indexed, method)("nobody")
        assert answers(indexed) == searched
        assert {"parties", ALL_CONDITIONS} <= set(indexed._index)


def _talks() -> Negotiation:
    return Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="north", name="North", kind="state"),
            Party(id="south", name="South", kind="state"),
        ],
        sources=[Source(id="src", publisher="P")],
    )


def _meeting(**changes: Any) -> Proposal:
    """North's proposal to South to meet, on DAY."""
    return Proposal(
        id="p",
        proposed_by="north",
        addressed_to=["south"],
        made_on=DAY,
        summary="Meet",
        **changes,
    )


class TestWithMethods:
    def test_a_replaced_party_keeps_its_place(self) -> None:
        """Replacing a party by id keeps the order and the lookups."""
        talks = _talks()
        talks.party("north")
        renamed = Party(id="north", name="The North", kind="state")
        changed = talks.with_party(renamed)
        assert [p.id for p in changed.parties] == ["north", "south"]
        assert changed.party("north") is renamed
        assert talks.party("north").name == "North"

    @pytest.mark.parametrize(
        ("method", "value", "error"),
        [
            ("with_party", {"id": "a"}, ("parties[2]", "must be a Party, got dict")),
            ("with_round", "1", ("rounds[0]", "must be a Round, got str '1'")),
            (
                "with_statement",
                None,
                ("statements[0]", "must be a Statement, got None"),
            ),
        ],
    )
    def test_a_value_that_is_not_a_record_is_a_validation_error(
        self, method: str, value: object, error: tuple[str, str]
    ) -> None:
        """As when the whole record is built: a ValidationError with its path."""
        with pytest.raises(ValidationError) as info:
            getattr(_talks(), method)(value)
        ((path, message),) = info.value.errors
        assert (path, message[: len(error[1])]) == error

    def test_a_new_item_citing_what_does_not_exist_is_refused_as_a_whole(self) -> None:
        """The error of the whole check: message and path."""
        talks = _talks().with_statement(
            Statement(id="s", speaker="A", said_on=DAY, text="t", party="north")
        )
        with pytest.raises(ValidationError) as info:
            talks.with_statement(
                Statement(id="s2", speaker="B", said_on=DAY, text="t", party="nort")
            )
        assert info.value.errors == (("statements[1].party", "unknown party 'nort'"),)

    def test_a_condition_id_used_by_a_term(self) -> None:
        """A standing condition may not reuse a proposal's term id."""
        term = Condition(id="c", text="Cede")
        talks = _talks().with_proposal(_meeting(terms=[term]))
        with pytest.raises(ValidationError) as info:
            talks.with_condition(Condition(id="c", text="Again"))
        assert info.value.errors == (
            (
                "proposals[0].terms[0].id",
                "condition id 'c' is already used at conditions[0]",
            ),
        )

    def test_a_replaced_round_is_checked_with_the_proposals_in_it(self) -> None:
        """A round moved away from its proposal's date is refused."""
        talks = (
            _talks()
            .with_round(Round(number=1, starts=DAY))
            .with_proposal(_meeting(round=1))
        )
        with pytest.raises(ValidationError) as info:
            talks.with_round(Round(number=1, starts=DAY.add(days=3)))
        assert info.value.errors[0][0] == "proposals[0].made_on"

    def test_a_replaced_standing_condition(self) -> None:
        """Replacing a standing condition by id: checked, and found."""
        talks = _talks().with_condition(Condition(id="c", text="One"))
        talks.condition("c")
        again = Condition(
            id="c", text="Two", positions=[Position(party="south", stance="opposes")]
        )
        changed = talks.with_condition(again)
        assert changed.condition("c") is again
        with pytest.raises(ValidationError) as info:
            changed.with_condition(
                Condition(
                    id="c",
                    text="Two",
                    positions=[Position(party="sout", stance="opposes")],
                )
            )
        assert info.value.errors == (
            ("conditions[0].positions[0].party", "unknown party 'sout'"),
        )

    def test_records_of_format_version_2_are_checked_alone(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        An agreement, a milestone, a vote and an action each added to a valid
        record: found by id, the whole check not run; one that cites what
        does not exist is refused with the whole check's message and path.
        """
        truce = Agreement(
            id="truce",
            title="Truce",
            stage="ceasefire",
            signatories=["north", "south"],
            provisions=[Condition(id="guns-silent", text="Guns fall silent")],
            sources=["src"],
        )
        clock = Milestone(
            id="talks-by-day-16",
            title="Talks on phase two",
            agreement="truce",
            deadline=Deadline.on(DAY.add(days=16)),
        )
        vote = Vote(
            id="ratified",
            body="Assembly",
            party="north",
            on=DAY.add(days=1),
            question="Ratify the truce",
            subject="truce",
            yes=60,
            no=40,
            threshold="simple-majority",
            result="passed",
        )
        action = Action(
            id="exchange",
            by=["north", "south"],
            on=DAY.add(days=2),
            kind="cooperate",
            summary="Prisoners exchanged",
        )
        whole_checks: list[object] = []
        checked = Checker.problems

        def counted(self: Checker, **options: Any) -> Any:
            whole_checks.append(self)
            return checked(self, **options)

        talks = _talks()
        monkeypatch.setattr(Checker, "problems", counted)
        grown = (
            talks.with_agreement(truce)
            .with_milestone(clock)
            .with_vote(vote)
            .with_action(action)
        )
        assert whole_checks == []
        attrs.evolve(grown)  # what does run it
        assert len(whole_checks) == 1
        assert grown.agreement("truce") is truce
        assert grown.milestone("talks-by-day-16") is clock
        assert grown.vote("ratified") is vote
        assert grown.action("exchange") is action
        assert grown.condition("guns-silent") is truce.provisions[0]
        monkeypatch.undo()
        assert grown == attrs.evolve(grown)  # what the whole check accepts
        refusals = [
            (
                "with_milestone",
                attrs.evolve(clock, id="other", agreement="treaty"),
                ("milestones[1].agreement", "unknown agreement 'treaty'"),
            ),
            (
                "with_vote",
                attrs.evolve(vote, id="other", subject="nothing"),
                (
                    "votes[1].subject",
                    "unknown proposal, agreement, ultimatum or milestone 'nothing'",
                ),
            ),
            (
                "with_action",
                attrs.evolve(action, id="other", toward=["west"]),
                ("actions[1].toward[0]", "unknown party 'west'"),
            ),
            (
                "with_agreement",
                attrs.evolve(
                    truce,
                    id="deal",
                    provisions=[Condition(id="guns-silent", text="Again")],
                ),
                (
                    "agreements[1].provisions[0].id",
                    "condition id 'guns-silent' is already used at "
                    "agreements[0].provisions[0]",
                ),
            ),
        ]
        shared = (
            "votes[0].subject",
            "'truce' is the id of an agreement and a milestone: a vote's subject "
            "must name one record; give the records different ids",
        )
        refusals += [  # a vote's subject shared by a second record, either way
            ("with_milestone", attrs.evolve(clock, id="truce"), shared),
            (
                "with_proposal",
                attrs.evolve(_meeting(), id="truce"),
                (
                    "votes[0].subject",
                    "'truce' is the id of a proposal and an agreement: a vote's "
                    "subject must name one record; give the records different ids",
                ),
            ),
        ]
        for method, record, error in refusals:
            with pytest.raises(ValidationError) as info:
                getattr(grown, method)(record)
            assert info.value.errors == (error,)
        # Sharing an id no vote decides on is allowed; a vote on it then is not.
        unvoted = grown.with_vote(attrs.evolve(vote, subject=None))
        both = unvoted.with_milestone(attrs.evolve(clock, id="truce"))
        assert both.milestone("truce").title == "Talks on phase two"
        with pytest.raises(ValidationError) as info:
            both.with_vote(vote)
        assert info.value.errors == (shared,)
