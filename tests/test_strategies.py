"""The public Hypothesis strategies generate valid records, of every kind."""

from __future__ import annotations

import itertools
import subprocess
import sys
import typing
import unicodedata
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from negotiation_records import (
    Condition,
    Deadline,
    Milestone,
    Negotiation,
    PartialDate,
    Party,
    PartyKind,
    Period,
    Proposal,
    Round,
    Ultimatum,
)
from negotiation_records import strategies as nrst
from negotiation_records.fields import Slug, Text
from negotiation_records.timeline import TimelineEvent
from negotiation_records.timeutil import check_moment, zone


class _Found(Exception):  # noqa: N818 - a signal, not an error
    def __init__(self, value: Any) -> None:
        self.value = value


def found(strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool]) -> Any:
    """An example satisfying *condition* among a few hundred (no shrinking)."""

    @settings(
        max_examples=500,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def look(value: Any) -> None:
        if condition(value):
            raise _Found(value)

    try:
        look()
    except _Found as hit:
        return hit.value
    raise AssertionError("no example satisfies the condition")


def stored_records() -> set[type[Any]]:
    """Every attrs class a serialized Negotiation can contain, Negotiation included."""
    found_types: set[type[Any]] = set()
    todo: list[Any] = [Negotiation]
    while todo:
        t = todo.pop()
        if isinstance(t, type) and attrs.has(t):
            if t in found_types:
                continue
            found_types.add(t)
            todo.extend(typing.get_type_hints(t).values())
        else:
            todo.extend(typing.get_args(t))
    return found_types


class TestBuildingBlocks:
    @given(nrst.slugs())
    def test_slugs_are_valid_ids(self, slug: str) -> None:
        """Every slug passes the id check."""
        assert Slug().problems(slug) == []

    @given(nrst.texts())
    def test_texts_are_stored_as_records_store_them(self, text: str) -> None:
        """Texts are non-blank and already NFC."""
        assert Text().problems(text) == []
        assert unicodedata.normalize("NFC", text) == text

    @given(nrst.zone_names())
    def test_zone_names_are_known(self, name: str) -> None:
        """Every zone name loads."""
        assert zone(name).name == name

    @given(nrst.moments())
    def test_moments_are_valid(self, moment: Any) -> None:
        """Every moment passes the moment check."""
        assert check_moment(moment) == []

    def test_every_kind_of_moment_appears(self) -> None:
        """Dates, named-zone, UTC and fixed-offset datetimes, months and years all appear."""
        moments = nrst.moments()
        assert type(found(moments, lambda m: type(m) is pendulum.Date)) is pendulum.Date
        named = found(
            moments,
            lambda m: (
                isinstance(m, pendulum.DateTime)
                and isinstance(m.tzinfo, pendulum.Timezone)
                and m.tzinfo.name not in ("UTC", "Etc/UTC")
            ),
        )
        assert "/" in named.timezone_name
        assert found(
            moments,
            lambda m: (
                isinstance(m, pendulum.DateTime)
                and isinstance(m.tzinfo, pendulum.FixedTimezone)
                and not isinstance(m.tzinfo, pendulum.Timezone)
            ),
        )
        assert found(moments, lambda m: isinstance(m, PartialDate) and m.month is None)
        assert found(
            moments, lambda m: isinstance(m, PartialDate) and m.month is not None
        )

    @given(nrst.periods())
    def test_periods_are_not_zero(self, period: Period) -> None:
        """Periods are positive."""
        assert not period.is_zero

    @given(nrst.periods(calendar_only=True))
    def test_calendar_periods_have_no_exact_part(self, period: Period) -> None:
        """calendar_only periods have no hours, minutes or seconds."""
        assert not period.has_exact_part


class TestRecords:
    @pytest.mark.parametrize(
        "cls",
        sorted(nrst._BY_TYPE, key=lambda c: str(getattr(c, "__name__", c))),
        ids=lambda c: str(getattr(c, "__name__", c)),
    )
    @settings(max_examples=15)
    @given(data=st.data())
    def test_for_type_generates_valid_instances(
        self, cls: type[Any], data: st.DataObject
    ) -> None:
        """Each record type's strategy gives instances that rebuild without error."""
        record = data.draw(nrst.for_type(cls))
        assert type(record) is cls
        if attrs.has(cls):
            assert attrs.evolve(record) == record  # runs every check again

    def test_for_type_covers_every_stored_record(self) -> None:
        """
        There is a strategy for every class a serialized Negotiation contains,
        and for the events of its timeline.
        """
        assert stored_records() | {TimelineEvent} == set(nrst._BY_TYPE)

    def test_for_type_refuses_other_types(self) -> None:
        """Asking for a strategy of an unknown type is a TypeError."""
        with pytest.raises(TypeError, match="no strategy for"):
            nrst.for_type(int)

    def test_deadlines_use_all_three_rules(self) -> None:
        """Absolute, period and business-day deadlines all appear."""
        deadlines = nrst.deadlines()
        assert found(deadlines, lambda d: d.anchor is None).period is None
        assert found(deadlines, lambda d: d.period is not None and d.period.hours)
        assert found(deadlines, lambda d: d.business_days is not None and d.holidays)
        assert found(deadlines, lambda d: d.tz is not None and d.tz != "UTC")

    def test_rich_records_appear(self) -> None:
        """Coalitions with members, proposals with responses, ultimatums with revisions."""
        assert found(
            nrst.parties(), lambda p: p.kind is PartyKind.COALITION and p.members
        )
        assert found(nrst.proposals(), lambda p: p.responses and p.terms)
        assert found(
            nrst.ultimatums(),
            lambda u: u.revisions and u.responses and isinstance(u.demand, Condition),
        )
        assert found(nrst.rounds(), lambda r: r.outcomes and r.ends is not None)


class TestNegotiations:
    @settings(max_examples=40)
    @given(nrst.negotiations())
    def test_references_resolve(self, talks: Negotiation) -> None:
        """Every id a generated record cites exists in it."""
        party_ids = {p.id for p in talks.parties}
        source_ids = {s.id for s in talks.sources}
        statement_ids = {s.id for s in talks.statements}
        round_numbers = {r.number for r in talks.rounds}
        proposal_ids = {p.id for p in talks.proposals}
        for proposal in talks.proposals:
            assert proposal.proposed_by
            assert set(proposal.proposed_by) <= party_ids
            assert set(proposal.addressed_to) <= party_ids
            assert proposal.round is None or proposal.round in round_numbers
            assert proposal.counter_to is None or proposal.counter_to in proposal_ids
            assert set(proposal.sources) <= source_ids
        for ultimatum in talks.ultimatums:
            assert ultimatum.issued_by in party_ids
            for response in ultimatum.responses:
                assert response.statement is None or response.statement in statement_ids
        assert attrs.evolve(talks) == talks  # whole-record validation passes again

    def test_proposals_counter_others_and_belong_to_rounds(self) -> None:
        """Generated proposals counter earlier proposals and belong to rounds
        (dated inside them), so that properties exercise both links."""
        seen: set[str] = set()

        @settings(
            max_examples=300,
            database=None,
            derandomize=True,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(nrst.negotiations())
        def look(talks: Negotiation) -> None:
            ids = [p.id for p in talks.proposals]
            for index, proposal in enumerate(talks.proposals):
                if proposal.counter_to is not None:
                    assert proposal.counter_to in ids[:index]
                    seen.add("counter_to")
                if proposal.round is not None:
                    rnd = talks.round(proposal.round)
                    assert rnd.starts is None or rnd.covers(proposal.made_on)
                    seen.add("round")
            if len(seen) == 2:
                raise _Found(seen)

        with pytest.raises(_Found):
            look()

    @pytest.mark.parametrize("strategy", [nrst.ultimatums, nrst.milestones])
    def test_records_run_out_and_are_brought_back(
        self, strategy: Callable[[], st.SearchStrategy[Ultimatum | Milestone]]
    ) -> None:
        """
        Generated ultimatums and milestones run out and are brought back by
        a revision made then (expired or missed, then pending), so that
        properties exercise the rule that each step back takes a revision.
        """

        @settings(
            max_examples=5000,
            database=None,
            derandomize=True,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy())
        def look(record: Ultimatum | Milestone) -> None:
            history = record.history
            for before, after in itertools.pairwise(history):
                if before.status is record.RAN_OUT and after.status is record.REVIVED:
                    assert after.on is not None
                    assert after.on in [r.revised_on for r in record.revisions]
                    raise _Found({"revived"})

        with pytest.raises(_Found):
            look()

    def test_full_records_appear(self) -> None:
        """Negotiations with parties, rounds, proposals and ultimatums together appear."""
        talks = found(
            nrst.negotiations(),
            lambda n: n.parties and n.rounds and n.proposals and n.ultimatums,
        )
        assert isinstance(talks.proposals[0], Proposal)
        assert isinstance(talks.ultimatums[0], Ultimatum)
        assert isinstance(talks.rounds[0], Round)
        assert isinstance(talks.parties[0], Party)
        assert isinstance(talks.ultimatums[0].deadline, Deadline)


def test_the_package_does_not_import_hypothesis() -> None:
    """Importing negotiation_records never loads hypothesis or the strategies."""
    code = (
        "import sys, negotiation_records; "
        "print('hypothesis' in sys.modules, 'negotiation_records.strategies' in sys.modules)"
    )
    result = subprocess.run(  # noqa: S603 - a fixed command
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


class TestShrinking:
    @pytest.mark.parametrize(
        "strategy", [nrst.moments(), nrst.datetimes(), nrst.deadlines()]
    )
    def test_a_failure_shrinks_to_a_plain_moment(
        self, strategy: st.SearchStrategy[Any]
    ) -> None:
        """
        A failure that has nothing to do with clocks going back is shown with
        a plain moment, not with a repeated wall time (``fold=1``), which the
        datetimes draw on purpose, rarely.
        """
        smallest = find(strategy, lambda value: True, settings=settings(database=None))
        moment = smallest.due if isinstance(smallest, Deadline) else smallest
        assert getattr(moment, "fold", 0) == 0

    def test_repeated_wall_times_are_repeated(self) -> None:
        """Each drawn wall time happens twice in its zone; this is the second."""

        @given(nrst.repeated_wall_times())
        @settings(max_examples=50, database=None)
        def check(moment: pendulum.DateTime) -> None:
            first = moment.replace(fold=0)
            assert moment.fold == 1
            assert first.utcoffset() != moment.utcoffset()

        check()


def test_texts_without_a_limit() -> None:
    """``max_size=None`` means no limit, as for ``st.text``."""

    @given(nrst.texts(max_size=None))
    @settings(max_examples=20, database=None)
    def check(text: str) -> None:
        assert Text().problems(text) == []

    check()


@pytest.mark.parametrize("size", [True, False, 0, -1, 1.5, "3"])
def test_texts_refuse_a_size_that_is_no_size(size: Any) -> None:
    """A bool, a number below 1 or one that is not whole is refused when the
    strategy is made, naming the argument, not read as 1 or 0."""
    with pytest.raises(InvalidArgument, match=r"^texts\(max_size=\.\.\.\) must be"):
        nrst.texts(max_size=size)


@pytest.mark.parametrize("flag", ["no", 1, 0, None])
def test_periods_refuse_a_flag_that_is_no_bool(flag: Any) -> None:
    """``calendar_only="no"`` is refused, not read as true."""
    with pytest.raises(InvalidArgument, match=r"^periods\(calendar_only=\.\.\.\)"):
        nrst.periods(calendar_only=flag)
