"""
Hypothesis strategies that generate valid records of every type.

For property-based tests of code that uses negotiation records: every strategy
here generates values that construct without error, so a test can take them as
given.  Moments come in all three kinds (dates, zone-aware datetimes in named
zones, in UTC and at fixed offsets, months and years), deadlines by each of
their five rules (on, after, before, on a day, after business days), and :func:`negotiations` builds whole records whose references (party,
round, proposal, statement and source ids) all resolve.

Needs `Hypothesis <https://hypothesis.readthedocs.io>`_, which the ``strategies`` extra
installs; the package itself never imports this module.

Example:
    >>> from hypothesis import given
    >>> from negotiation_records import strategies
    >>> @given(strategies.parties())
    ... def test_party_round_trip(party):
    ...     assert from_json(Party, to_json(party)) == party
    >>> test_party_round_trip()
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from negotiation_records._hypothesis import st
from negotiation_records._model2_strategies import (
    Revival,
    actions,
    agreements,
    alternatives,
    kept_revisions,
    milestones,
    model2_records,
    phases,
    revision_and_deadline,
    revision_on,
    soon_after,
    votes,
)
from negotiation_records._part_strategies import condition as _condition
from negotiation_records._part_strategies import distinct_conditions
from negotiation_records._part_strategies import position as _position
from negotiation_records._part_strategies import quantity as _quantity
from negotiation_records._part_strategies import walk as _walk
from negotiation_records._value_strategies import (
    ANY_POOLS,
    STEPS,
    Pools,
    chain,
    country_codes,
    dates,
    datetimes,
    deadlines,
    moments,
    optional,
    partial_dates,
    periods,
    repeated_wall_times,
    slugs,
    text_lists,
    texts,
    zone_names,
)
from negotiation_records.actions import Action
from negotiation_records.agreements import Agreement, AgreementStatus, Phase
from negotiation_records.conditions import Condition
from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.history import StatusChange
from negotiation_records.milestones import Alternative, Milestone, MilestoneStatus
from negotiation_records.negotiation import STATUS_STEPS as _NEGOTIATION_STEPS
from negotiation_records.negotiation import Negotiation, NegotiationStatus
from negotiation_records.parties import (
    Membership,
    Party,
    PartyKind,
    PartyRole,
    Representative,
)
from negotiation_records.proposals import ANSWER_STEPS as _PROPOSAL_ANSWERS
from negotiation_records.proposals import STATUS_STEPS as _PROPOSAL_STEPS
from negotiation_records.proposals import Proposal, ProposalStatus
from negotiation_records.rounds import STATUS_STEPS as _ROUND_STEPS
from negotiation_records.rounds import (
    Delegation,
    Outcome,
    OutcomeKind,
    Quantity,
    Round,
    RoundLevel,
    RoundStatus,
)
from negotiation_records.sources import Source, Statement
from negotiation_records.stances import Position, Response, Stance
from negotiation_records.timeline import EventKind, TimelineEvent
from negotiation_records.timeutil import Moment, PartialDate, Period, is_before
from negotiation_records.ultimatums import STATUS_STEPS as _ULTIMATUM_STEPS
from negotiation_records.ultimatums import (
    Consequence,
    ConsequenceKind,
    Ultimatum,
    UltimatumStatus,
)
from negotiation_records.votes import Vote
from negotiation_records.windows import Window


__all__ = [
    "actions",
    "agreements",
    "alternatives",
    "conditions",
    "consequences",
    "dates",
    "datetimes",
    "deadline_revisions",
    "deadlines",
    "delegations",
    "for_type",
    "memberships",
    "milestones",
    "moments",
    "negotiations",
    "outcomes",
    "partial_dates",
    "parties",
    "periods",
    "phases",
    "positions",
    "proposals",
    "quantities",
    "repeated_wall_times",
    "representatives",
    "responses",
    "rounds",
    "slugs",
    "sources",
    "statements",
    "status_changes",
    "texts",
    "timeline_events",
    "ultimatums",
    "votes",
    "windows",
    "zone_names",
]

T = TypeVar("T")
S = st.SearchStrategy


# --- status histories ----------------------------------------------------------------


@st.composite
def _status_change(draw: st.DrawFn, pools: Pools) -> StatusChange:
    enum_ = draw(
        st.sampled_from(
            (
                ProposalStatus,
                UltimatumStatus,
                RoundStatus,
                NegotiationStatus,
                AgreementStatus,
                MilestoneStatus,
            )
        )
    )
    return StatusChange(
        status=draw(st.sampled_from(enum_)),
        on=draw(optional(moments())),
        by=draw(pools.party_list()),
        reason=draw(optional(texts())),
        sources=draw(pools.source_list()),
    )


@functools.cache
def status_changes() -> S[StatusChange]:
    """
    Status changes of every kind of record, dated or not.

    Example:
        >>> from negotiation_records.strategies import status_changes
        >>> isinstance(status_changes().example(), StatusChange)
        True
    """
    return _status_change(ANY_POOLS)


# --- records ------------------------------------------------------------------------------


def _span(draw: st.DrawFn) -> tuple[Moment | None, Moment | None]:
    held = draw(st.sampled_from(["none", "since", "until", "both"]))
    if held == "both":
        since, until = draw(chain(2))
        return since, until
    if held == "since":
        return draw(moments()), None
    if held == "until":
        return None, draw(moments())
    return None, None


@st.composite
def _representative(draw: st.DrawFn, pools: Pools) -> Representative:
    since, until = _span(draw)
    return Representative(
        name=draw(texts()),
        role=draw(optional(texts())),
        since=since,
        until=until,
        sources=draw(pools.source_list()),
    )


@functools.cache
def representatives() -> S[Representative]:
    """
    People acting for a party, with roles and the dates they held them.

    Example:
        >>> from negotiation_records.strategies import representatives
        >>> isinstance(representatives().example(), Representative)
        True
    """
    return _representative(ANY_POOLS)


@st.composite
def _membership(draw: st.DrawFn, pools: Pools, party: str | None = None) -> Membership:
    since, until = _span(draw)
    return Membership(
        party=draw(pools.some_party()) if party is None else party,
        since=since,
        until=until,
        sources=draw(pools.source_list()),
    )


@functools.cache
def memberships() -> S[Membership]:
    """
    A coalition's members, with and without dates.

    Example:
        >>> from negotiation_records.strategies import memberships
        >>> isinstance(memberships().example(), Membership)
        True
    """
    return _membership(ANY_POOLS)


@st.composite
def _party(
    draw: st.DrawFn,
    pools: Pools,
    id: str | None = None,  # noqa: A002
    earlier: Sequence[str] | None = None,
) -> Party:
    """
    A party; a coalition's members drawn from *pools*, and only of the
    *earlier* parties when given, so that no coalitions of a negotiation are
    members of each other in a circle.
    """
    ident = draw(slugs()) if id is None else id
    kind = draw(st.sampled_from(PartyKind))
    member_ids = (
        draw(pools.party_list(exclude=ident)) if kind is PartyKind.COALITION else []
    )
    if earlier is not None:
        member_ids = [member for member in member_ids if member in earlier]
    members = [
        draw(st.just(member) | _membership(pools, member)) for member in member_ids
    ]
    return Party(
        id=ident,
        name=draw(texts()),
        kind=kind,
        role=draw(st.sampled_from(PartyRole)),
        country=draw(optional(country_codes())),
        wikidata=draw(optional(st.integers(1, 10**9).map(lambda n: f"Q{n}"))),
        aliases=draw(text_lists()),
        representatives=draw(st.lists(_representative(pools), max_size=2, unique=True)),
        members=members,
        sources=draw(pools.source_list()),
    )


@functools.cache
def parties() -> S[Party]:
    """
    Parties of every kind and role; coalitions with members.

    Example:
        >>> from negotiation_records.strategies import parties
        >>> isinstance(parties().example(), Party)
        True
    """
    return _party(ANY_POOLS)


@functools.cache
def positions() -> S[Position]:
    """
    A party's stance on a condition.

    Example:
        >>> from negotiation_records.strategies import positions
        >>> isinstance(positions().example(), Position)
        True
    """
    return _position(ANY_POOLS)


@st.composite
def _response(draw: st.DrawFn, pools: Pools) -> Response:
    return _make_response(draw, pools, draw(moments()))


def _make_response(draw: st.DrawFn, pools: Pools, on: Moment) -> Response:
    return Response(
        party=draw(pools.some_party()),
        on=on,
        stance=draw(st.sampled_from(Stance)),
        text=draw(optional(texts())),
        statement=draw(pools.statement()),
        sources=draw(pools.source_list()),
    )


@functools.cache
def responses() -> S[Response]:
    """
    A party's answer to a proposal or an ultimatum.

    Example:
        >>> from negotiation_records.strategies import responses
        >>> isinstance(responses().example(), Response)
        True
    """
    return _response(ANY_POOLS)


@functools.cache
def conditions() -> S[Condition]:
    """
    Demands, preconditions, offers and commitments, with parties' positions.

    Example:
        >>> from negotiation_records.strategies import conditions
        >>> isinstance(conditions().example(), Condition)
        True
    """
    return _condition(ANY_POOLS)


@st.composite
def windows(draw: st.DrawFn) -> Window:
    """
    Spans of calendar days ("next week"), both ends included.

    Example:
        >>> from negotiation_records.strategies import windows
        >>> window = windows().example()
        >>> window.start <= window.end
        True
    """
    start = draw(dates().filter(lambda day: day.year < 2100))
    return Window.between(
        start, start.add(days=draw(st.integers(0, 60))), label=draw(optional(texts()))
    )


@st.composite
def _proposal(draw: st.DrawFn, pools: Pools) -> Proposal:
    ident = draw(slugs())
    return _make_proposal(
        draw,
        pools,
        ident,
        round_number=draw(optional(st.integers(1, 20))),
        counter_to=draw(optional(slugs().filter(lambda other: other != ident))),
    )


def _make_proposal(
    draw: st.DrawFn,
    pools: Pools,
    ident: str,
    *,
    round_number: int | None,
    counter_to: str | None,
    made_on: Moment | None = None,
) -> Proposal:
    """A proposal with these links, made on *made_on* if given (else drawn)."""
    first = draw(pools.some_party())
    others = draw(pools.party_list(exclude=first))[: draw(st.integers(0, 2))]
    proposed_by = [first, *others]
    count = draw(st.integers(0, 2))
    steps = draw(st.integers(0, 2))
    if made_on is None:
        made_on, *later = draw(chain(count + 1 + steps))
    else:
        later = draw(chain(count + steps, after=made_on))
    history = _walk(
        draw,
        pools,
        _PROPOSAL_STEPS,
        ProposalStatus.PENDING,
        later[count:],
        barred=dict.fromkeys(_PROPOSAL_ANSWERS, proposed_by),
    )
    status = history[-1].status if history else ProposalStatus.PENDING
    addressed_to = [
        party for party in draw(pools.party_list()) if party not in proposed_by
    ]
    answers = []
    for on in later[:count]:
        response = _make_response(draw, pools, on)
        if response.party in proposed_by:
            continue
        if (
            status is ProposalStatus.LAPSED_WITHOUT_RESPONSE
            and response.party in addressed_to
        ):
            continue
        if response not in answers:
            answers.append(response)
    terms = draw(st.lists(_condition(pools), max_size=2, unique_by=lambda c: c.id))
    return Proposal(
        id=ident,
        # a lone id as a string, as version-1 code writes it, or as a list
        proposed_by=first if not others and draw(st.booleans()) else proposed_by,
        addressed_to=addressed_to,
        made_on=made_on,
        summary=draw(texts()),
        terms=terms,
        round=round_number,
        counter_to=counter_to,
        responses=answers,
        history=history,
        window=draw(optional(windows())),
        sources=draw(pools.source_list()),
    )


def _linked_proposals(
    draw: st.DrawFn, pools: Pools, round_list: list[Round]
) -> list[Proposal]:
    """
    Up to two proposals of a whole record, with unique ids.  Some belong to a
    round (made on a day the round covers), some counter an earlier one (made
    on its day or later).
    """
    found: list[Proposal] = []
    for _ in range(draw(st.integers(0, 2))):
        ident = draw(_new_slug({p.id for p in found}))
        rnd = draw(optional(st.sampled_from(round_list))) if round_list else None
        made_on = None if rnd is None else draw(_covered_by(rnd))
        earlier = [
            p for p in found if made_on is None or not is_before(made_on, p.made_on)
        ]
        original = draw(optional(st.sampled_from(earlier))) if earlier else None
        if original is not None and made_on is None:
            made_on = draw(
                st.just(original.made_on)
                | chain(1, after=original.made_on).map(lambda later: later[0])
            )
        found.append(
            _make_proposal(
                draw,
                pools,
                ident,
                round_number=None if rnd is None else rnd.number,
                counter_to=None if original is None else original.id,
                made_on=made_on,
            )
        )
    return found


def _new_slug(taken: set[str]) -> S[str]:
    """A slug not in *taken*."""
    return slugs().filter(lambda slug: slug not in taken)


def _covered_by(rnd: Round) -> S[Moment | None]:
    """A moment the round covers (its start or end, a day of its window), or
    ``None`` (any moment) for a round with neither dates nor window."""
    if rnd.starts is not None:
        return st.sampled_from([m for m in (rnd.starts, rnd.ends) if m is not None])
    if rnd.window is not None:
        return st.sampled_from([rnd.window.start, rnd.window.end])
    return st.none()


@functools.cache
def proposals() -> S[Proposal]:
    """
    Proposals in every status, with terms, responses and windows.

    Example:
        >>> from negotiation_records.strategies import proposals
        >>> isinstance(proposals().example(), Proposal)
        True
    """
    return _proposal(ANY_POOLS)


@st.composite
def _consequence(draw: st.DrawFn, pools: Pools) -> Consequence:
    return Consequence(
        text=draw(texts()),
        kind=draw(st.sampled_from(ConsequenceKind)),
        targets=draw(text_lists()),
        target_parties=draw(pools.party_list()),
        sources=draw(pools.source_list()),
    )


@functools.cache
def consequences() -> S[Consequence]:
    """
    What an ultimatum threatens.

    Example:
        >>> from negotiation_records.strategies import consequences
        >>> isinstance(consequences().example(), Consequence)
        True
    """
    return _consequence(ANY_POOLS)


@st.composite
def _revision(draw: st.DrawFn, pools: Pools) -> DeadlineRevision:
    return revision_on(draw, pools, draw(moments()))


@functools.cache
def deadline_revisions() -> S[DeadlineRevision]:
    """
    Earlier deadlines replaced by a revision, with when and why.

    Example:
        >>> from negotiation_records.strategies import deadline_revisions
        >>> isinstance(deadline_revisions().example(), DeadlineRevision)
        True
    """
    return _revision(ANY_POOLS)


@st.composite
def _ultimatum(draw: st.DrawFn, pools: Pools) -> Ultimatum:
    issued_by = draw(pools.some_party())
    answered = draw(st.integers(0, 2))
    revised = draw(st.integers(0, 2))
    steps = draw(st.integers(0, 3))
    issued_at, *later = draw(chain(1 + answered + revised + steps))
    answers = []
    for on in later[:answered]:
        response = _make_response(draw, pools, on)
        if response.party != issued_by and response not in answers:
            answers.append(response)
    # Every deadline it has had falls due after it was issued, each after the
    # revision that set it.
    revisions, deadline = kept_revisions(
        draw(soon_after(issued_at)),
        issued_at,
        [
            revision_and_deadline(draw, pools, on)
            for on in later[answered : answered + revised]
        ],
    )
    revival = Revival(draw, pools, revisions, deadline, issued_at)  # revisions grow
    history = _walk(
        draw,
        pools,
        _ULTIMATUM_STEPS,
        UltimatumStatus.PENDING,
        later[answered + revised :],
        deadline=(Ultimatum.RAN_OUT, deadline),
        late=UltimatumStatus.COMPLIED,
        barred={UltimatumStatus.COMPLIED: (issued_by,)},
        revive=(Ultimatum.REVIVED, revival),
    )
    demand: Condition | str = draw(st.one_of(texts(), _condition(pools)))
    return Ultimatum(
        id=draw(slugs()),
        issued_by=issued_by,
        addressed_to=draw(pools.party_list(exclude=issued_by)),
        issued_at=issued_at,
        demand=demand,
        deadline=revival.deadline,
        consequences=draw(st.lists(_consequence(pools), max_size=2)),
        history=history,
        responses=answers,
        revisions=revisions,
        sources=draw(pools.source_list()),
    )


@functools.cache
def ultimatums() -> S[Ultimatum]:
    """
    Ultimatums with conditions or text as demands, deadlines by every rule,
    consequences, responses and revised deadlines.

    Example:
        >>> from negotiation_records.strategies import ultimatums
        >>> isinstance(ultimatums().example(), Ultimatum)
        True
    """
    return _ultimatum(ANY_POOLS)


@functools.cache
def quantities() -> S[Quantity]:
    """
    Counted amounts, whole or fractional, of every precision, with the parties
    that give and receive them.

    Example:
        >>> from negotiation_records.strategies import quantities
        >>> quantities().example().amount >= 0
        True
    """
    return _quantity(ANY_POOLS)


@st.composite
def _outcome(draw: st.DrawFn, pools: Pools) -> Outcome:
    quantity_list = draw(st.lists(_quantity(pools), max_size=2))
    if len(quantity_list) == 1 and draw(st.booleans()):
        return Outcome(  # as version-1 code writes it
            text=draw(texts()),
            kind=draw(st.sampled_from(OutcomeKind)),
            parties=draw(pools.party_list()),
            quantity=quantity_list[0],
            sources=draw(pools.source_list()),
        )
    return Outcome(
        text=draw(texts()),
        kind=draw(st.sampled_from(OutcomeKind)),
        parties=draw(pools.party_list()),
        quantities=quantity_list,
        sources=draw(pools.source_list()),
    )


@functools.cache
def outcomes() -> S[Outcome]:
    """
    What came of a round.

    Example:
        >>> from negotiation_records.strategies import outcomes
        >>> isinstance(outcomes().example(), Outcome)
        True
    """
    return _outcome(ANY_POOLS)


@st.composite
def _delegation(draw: st.DrawFn, pools: Pools) -> Delegation:
    return Delegation(
        party=draw(pools.some_party()),
        head=draw(optional(texts())),
        members=draw(text_lists()),
    )


@functools.cache
def delegations() -> S[Delegation]:
    """
    A party's team at a round.

    Example:
        >>> from negotiation_records.strategies import delegations
        >>> isinstance(delegations().example(), Delegation)
        True
    """
    return _delegation(ANY_POOLS)


@st.composite
def _round(draw: st.DrawFn, pools: Pools, number: int | None = None) -> Round:
    history = _walk(
        draw, pools, _ROUND_STEPS, RoundStatus.PROPOSED, draw(chain(draw(STEPS)))
    )
    status = history[-1].status if history else RoundStatus.PROPOSED
    needs_start = any(
        change.status in (RoundStatus.SCHEDULED, RoundStatus.HELD) for change in history
    )
    dated = needs_start or draw(st.booleans())
    starts: Moment | None = None
    ends: Moment | None = None
    if dated:
        if draw(st.booleans()):
            starts, ends = draw(chain(2))
        else:
            starts = draw(moments())
        held_on = history[-1].on if status is RoundStatus.HELD else None
        if held_on is not None and is_before(held_on, starts):
            starts, ends = held_on, None  # a round is not held before it starts
        if status is RoundStatus.HELD and held_on is None:
            # Undated, it counts from the start: no earlier dated step after it.
            dated_ons = [change.on for change in history if change.on is not None]
            if dated_ons and any(is_before(starts, on) for on in dated_ons):
                starts, ends = dated_ons[-1], None
    return Round(
        number=draw(st.integers(1, 50)) if number is None else number,
        history=history,
        level=draw(st.sampled_from(RoundLevel)),
        starts=starts,
        ends=ends,
        location=draw(optional(texts())),
        hosts=draw(pools.party_list()),
        mediators=draw(pools.party_list()),
        delegations=draw(
            st.lists(_delegation(pools), max_size=2, unique_by=lambda d: d.party)
        ),
        outcomes=draw(st.lists(_outcome(pools), max_size=2))
        if status is RoundStatus.HELD
        else [],
        window=draw(optional(windows())),
        summary=draw(optional(texts())),
        sources=draw(pools.source_list()),
    )


@functools.cache
def rounds() -> S[Round]:
    """
    Rounds in every status and level, dated, undated or with a window.

    Example:
        >>> from negotiation_records.strategies import rounds
        >>> rounds().example().number >= 1
        True
    """
    return _round(ANY_POOLS)


@st.composite
def _source(draw: st.DrawFn, id: str | None = None) -> Source:  # noqa: A002
    return Source(
        id=draw(slugs()) if id is None else id,
        publisher=draw(texts()),
        title=draw(optional(texts())),
        url=draw(
            optional(
                st.from_regex(
                    r"https?://[a-z0-9.-]{1,20}(/[a-z0-9/._-]{0,20})?", fullmatch=True
                )
            )
        ),
        published=draw(optional(moments())),
        accessed=draw(optional(moments())),
    )


@functools.cache
def sources() -> S[Source]:
    """
    Sources with or without titles, URLs and dates.

    Example:
        >>> from negotiation_records.strategies import sources
        >>> isinstance(sources().example(), Source)
        True
    """
    return _source()


@st.composite
def _statement(draw: st.DrawFn, pools: Pools, id: str | None = None) -> Statement:  # noqa: A002
    return Statement(
        id=draw(slugs()) if id is None else id,
        speaker=draw(texts()),
        speaker_role=draw(optional(texts())),
        party=draw(pools.party()),
        said_on=draw(moments()),
        text=draw(texts(max_size=80)),
        verbatim=draw(st.booleans()),
        source=draw(pools.source()),
        sources=draw(pools.source_list()),
    )


@functools.cache
def statements() -> S[Statement]:
    """
    Quotes with a speaker, a party, a date and a source.

    Example:
        >>> from negotiation_records.strategies import statements
        >>> isinstance(statements().example(), Statement)
        True
    """
    return _statement(ANY_POOLS)


_EVENT_PLACES: tuple[str, ...] = (
    "rounds",
    "proposals",
    "ultimatums",
    "statements",
    "agreements",
    "milestones",
    "votes",
    "actions",
)


@st.composite
def _event_path(draw: st.DrawFn) -> str:
    path = f"{draw(st.sampled_from(_EVENT_PLACES))}[{draw(st.integers(0, 20))}]"
    inner = draw(st.sampled_from(("", ".history", ".responses", ".revisions")))
    return path + (f"{inner}[{draw(st.integers(0, 5))}]" if inner else "")


def timeline_events() -> S[TimelineEvent]:
    """
    Events of a timeline, as :meth:`Negotiation.timeline
    <negotiation_records.Negotiation.timeline>` gives them: every kind, a
    moment of every kind, the id of a record (or a round's number), a summary,
    a path into the record and, often, the party that acted.  Each is drawn
    on its own (not from a drawn negotiation, which is slow), so its summary
    and path need not match a record: for code that shows or stores events.

    Example:
        >>> from negotiation_records.strategies import timeline_events
        >>> isinstance(timeline_events().example(), TimelineEvent)
        True
    """
    return st.builds(
        TimelineEvent,
        moment=moments(),
        kind=st.sampled_from(EventKind),
        record_id=st.one_of(slugs(), st.integers(1, 60)),
        summary=texts(max_size=80),
        path=_event_path(),
        party=optional(slugs()),
    )


# --- whole records ------------------------------------------------------------------------


@st.composite
def negotiations(draw: st.DrawFn) -> Negotiation:
    """
    Whole records whose references all resolve: every party, round, proposal,
    statement and source id that a record cites exists and ids are unique.
    Proposals often belong to one of the drawn rounds (dated inside it when
    the round is dated) or counter an earlier proposal (dated on its day or
    later).

    Example:
        >>> from negotiation_records.strategies import negotiations
        >>> isinstance(negotiations().example(), Negotiation)
        True
    """
    source_ids = draw(st.lists(slugs(), max_size=3, unique=True))
    # One record in eight has no party (and so little else); the others one
    # to three, so that most draws have records of every kind to hold.
    no_parties = draw(st.integers(0, 7)) == 7
    party_ids = (
        []
        if no_parties
        else draw(st.lists(slugs(), min_size=1, max_size=3, unique=True))
    )
    statement_ids = draw(st.lists(slugs(), max_size=3, unique=True))
    pools = Pools(parties=party_ids, sources=source_ids, statements=statement_ids)
    if not party_ids:
        # Proposals, ultimatums and statements all name a party.
        return Negotiation(
            id=draw(slugs()),
            title=draw(texts()),
            sources=[draw(_source(id=ident)) for ident in source_ids],
            history=_walk(
                draw,
                pools,
                _NEGOTIATION_STEPS,
                NegotiationStatus.ACTIVE,
                draw(chain(draw(STEPS))),
            ),
            notes=draw(optional(texts())),
        )
    round_list = [
        draw(_round(pools, number=number))
        for number in draw(st.lists(st.integers(1, 30), max_size=3, unique=True))
    ]
    proposal_list = _linked_proposals(draw, pools, round_list)
    condition_list = draw(st.lists(_condition(pools), max_size=2))
    ultimatum_list = draw(
        st.lists(_ultimatum(pools), max_size=2, unique_by=lambda u: u.id)
    )
    condition_list, proposal_list, ultimatum_list = distinct_conditions(
        condition_list, proposal_list, ultimatum_list
    )
    used = {c.id for c in condition_list}
    used |= {c.id for p in proposal_list for c in p.terms}
    used |= {u.demand.id for u in ultimatum_list if isinstance(u.demand, Condition)}
    model2 = model2_records(
        draw,
        pools,
        [p.id for p in proposal_list],
        [r.number for r in round_list],
        [u.id for u in ultimatum_list],
        used,
        {p.id: p.made_on for p in proposal_list}
        | {u.id: u.issued_at for u in ultimatum_list},
    )
    return Negotiation(
        id=draw(slugs()),
        title=draw(texts()),
        parties=[
            draw(_party(pools, id=ident, earlier=party_ids[:index]))
            for index, ident in enumerate(party_ids)
        ],
        conditions=condition_list,
        rounds=round_list,
        proposals=proposal_list,
        ultimatums=ultimatum_list,
        statements=[draw(_statement(pools, id=ident)) for ident in statement_ids],
        **model2,
        sources=[draw(_source(id=ident)) for ident in source_ids],
        history=_walk(
            draw,
            pools,
            _NEGOTIATION_STEPS,
            NegotiationStatus.ACTIVE,
            draw(chain(draw(STEPS))),
        ),
        notes=draw(optional(texts())),
    )


# --- by type -------------------------------------------------------------------------------

_BY_TYPE: dict[type[Any], Callable[[], S[Any]]] = {
    Action: actions,
    Agreement: agreements,
    Alternative: alternatives,
    Milestone: milestones,
    Phase: phases,
    Vote: votes,
    Condition: conditions,
    Consequence: consequences,
    Deadline: deadlines,
    DeadlineRevision: deadline_revisions,
    Delegation: delegations,
    Membership: memberships,
    Negotiation: negotiations,
    Outcome: outcomes,
    PartialDate: partial_dates,
    Party: parties,
    Period: periods,
    Position: positions,
    Proposal: proposals,
    Quantity: quantities,
    Representative: representatives,
    Response: responses,
    Round: rounds,
    Source: sources,
    Statement: statements,
    StatusChange: status_changes,
    TimelineEvent: timeline_events,
    Ultimatum: ultimatums,
    Window: windows,
}


def for_type(cls: type[T]) -> S[T]:
    """
    The strategy for a record class (or ``PartialDate``, ``Period``).

    Example:
        >>> from negotiation_records.strategies import for_type
        >>> isinstance(for_type(Party).example(), Party)
        True
    """
    try:
        strategy: S[T] = _BY_TYPE[cls]()
    except KeyError:
        raise TypeError(f"no strategy for {cls!r}") from None
    return strategy
