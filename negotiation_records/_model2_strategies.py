"""
Hypothesis strategies for the records of model 2: agreements (with phases),
milestones (with alternatives), votes and actions (private; the public names
are exported by :mod:`negotiation_records.strategies`).
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from negotiation_records._part_strategies import condition, quantity, walk
from negotiation_records._revivals import made_after_it_passed
from negotiation_records._value_strategies import (
    ANY_POOLS,
    Pools,
    chain,
    last_day,
    moments,
    optional,
    slugs,
    text_lists,
    texts,
)
from negotiation_records.actions import Action, ActionKind
from negotiation_records.agreements import (
    BY_EACH_PARTY,
    Agreement,
    AgreementStage,
    AgreementStatus,
    Phase,
    falls_due_before_start,
    made_no_earlier_than,
)
from negotiation_records.agreements import STATUS_STEPS as _AGREEMENT_STEPS
from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.milestones import STATUS_STEPS as _MILESTONE_STEPS
from negotiation_records.milestones import Alternative, Milestone, MilestoneStatus
from negotiation_records.timeutil import Moment, is_before, moment_sort_key
from negotiation_records.votes import Threshold, Vote, VoteResult, decided_result


__all__ = [
    "actions",
    "agreements",
    "alternatives",
    "milestones",
    "model2_records",
    "phases",
    "votes",
]

S = st.SearchStrategy


def _deadlines() -> S[Deadline]:
    from negotiation_records.strategies import deadlines  # noqa: PLC0415 - a cycle

    return deadlines()


def not_before(start: Moment | None) -> S[Deadline]:
    """Deadlines that do not fall due certainly before *start* (any, if ``None``)."""
    if start is None:
        return _deadlines()
    return _deadlines().filter(lambda d: not d.falls_due_before(start))


def soon_after(start: Moment | None) -> S[Deadline]:
    """
    Deadlines that do not fall due before *start*: mostly one due on a day
    within four months after it, else any (:func:`not_before`).  The steps
    drawn after *start* then often find it passed, and a record may run out
    and be brought back.
    """
    if start is None:
        return _deadlines()
    last = last_day(start)
    near = st.integers(0, 120).map(
        lambda days: Deadline.on(last + _dt.timedelta(days=days))
    )
    # Three in four near: a record runs out only once its deadline passed.
    return st.integers(0, 3).flatmap(lambda n: near if n else not_before(start))


def revision_on(draw: st.DrawFn, pools: Pools, on: Moment) -> DeadlineRevision:
    """A revision made *on*, of a deadline drawn from all of them."""
    return DeadlineRevision(
        previous=draw(_deadlines()),
        revised_on=on,
        reason=draw(optional(texts())),
        statement=draw(pools.statement()),
        sources=draw(pools.source_list()),
    )


def revision_and_deadline(
    draw: st.DrawFn, pools: Pools, on: Moment
) -> tuple[DeadlineRevision, Deadline]:
    """A revision made *on* (:func:`revision_on`) and a deadline for it to set."""
    return revision_on(draw, pools, on), draw(soon_after(on))


def kept_revisions(
    first: Deadline,
    start: Moment | None,
    made: list[tuple[DeadlineRevision, Deadline]],
) -> tuple[list[DeadlineRevision], Deadline]:
    """
    The revisions of *made* (each with the deadline it sets) whose deadline
    falls due neither before the revision was made nor before *start*, each
    replacing the deadline in force before it (*first*, then the one the
    kept revision before it set), and the deadline in force after them.  The
    others are left out rather than filtered (filters make revised records
    rare and spend the examples' data).
    """
    revisions: list[DeadlineRevision] = []
    current = first
    for revision, new in made:
        if _sets_in_time(revisions, revision, new, start):
            revisions.append(attrs.evolve(revision, previous=current))
            current = new
    return revisions, current


def _sets_in_time(
    revisions: Sequence[DeadlineRevision],
    revision: DeadlineRevision,
    new: Deadline,
    start: Moment | None,
) -> bool:
    """
    Whether *revision*, made after *revisions*, may set *new*: a deadline
    that falls due neither before it was made (nor before the earlier
    revisions it is held to) nor before *start*.
    """
    kept = (*revisions, revision)
    bounds = [kept[i].revised_on for i in made_no_earlier_than(kept)[-1]]
    return not any(
        moment is not None and new.falls_due_before(moment)
        for moment in (revision.revised_on, *bounds, start)
    )


class Revival:
    """
    The revisions that bring back a record whose deadline ran out, drawn as
    :func:`~negotiation_records._part_strategies.walk` takes each step back
    (its *revive*): each made on the step's moment, after the deadline it
    replaces passed, setting a deadline drawn that falls due after it (else
    no revision, and no step).  They are added to *revisions*, the record's,
    made before; :attr:`deadline` is the one in force after them.
    """

    def __init__(
        self,
        draw: st.DrawFn,
        pools: Pools,
        revisions: list[DeadlineRevision],
        deadline: Deadline,
        start: Moment | None,
    ) -> None:
        self._draw, self._pools, self._start = draw, pools, start
        self.revisions, self.deadline = revisions, deadline

    def __call__(self, on: Moment, current: Deadline) -> Deadline | None:
        """The deadline a revision made *on* sets in place of *current*, if any."""
        if not made_after_it_passed(on, current):
            return None  # not passed yet: a revision then is no revival
        revision = attrs.evolve(
            revision_on(self._draw, self._pools, on), previous=current
        )
        new = self._draw(soon_after(on))
        if not _sets_in_time(self.revisions, revision, new, self._start):
            return None
        self.revisions.append(revision)
        self.deadline = new
        return new


# --- phases and agreements ----------------------------------------------------------


@st.composite
def _phase(draw: st.DrawFn, pools: Pools) -> Phase:
    starts = draw(optional(moments()))
    return Phase(
        name=draw(texts()),
        starts=starts,
        ends=draw(optional(not_before(starts))),
        obligations=draw(text_lists()),
        sources=draw(pools.source_list()),
    )


@functools.cache
def phases() -> S[Phase]:
    """
    Phases of agreements, with or without a start and an end.

    Example:
        >>> from negotiation_records.strategies import phases
        >>> isinstance(phases().example(), Phase)
        True
    """
    return _phase(ANY_POOLS)


@st.composite
def _agreement(  # noqa: PLR0917 - the pools a record draws from
    draw: st.DrawFn,
    pools: Pools,
    proposals: Sequence[str] | None = None,
    rounds: Sequence[int] | None = None,
    agreements: Sequence[str] | None = None,
    ident: str | None = None,
) -> Agreement:
    ident = draw(slugs()) if ident is None else ident
    steps = draw(st.integers(0, 3))
    revised = draw(st.integers(0, 2))
    dates = draw(chain(steps + revised))
    expires = draw(optional(_deadlines()))
    # Revised after the history (its dates come later), so an expired step is
    # against the first expiry, the one in force then.
    made = [revision_and_deadline(draw, pools, on) for on in dates[steps:]]
    history = walk(
        draw,
        pools,
        _AGREEMENT_STEPS,
        AgreementStatus.DRAFTED,
        dates[:steps],
        deadline=(AgreementStatus.EXPIRED, expires),
        once=BY_EACH_PARTY,
    )
    # Not revised once it ended, dated (a final status: Agreement.extend
    # refuses it), nor with no expiry.
    ended = any(c.on is not None and c.status not in _AGREEMENT_STEPS for c in history)
    revisions: list[DeadlineRevision] = []
    if expires is not None and not ended:
        revisions, expires = kept_revisions(expires, None, made)
    # It enters into force before every expiry it has had falls due: a drawn
    # entry that comes after one is left out (no filter, which would make
    # agreements rare in generated negotiations).
    in_force = draw(optional(_deadlines()))
    expiries = [r.previous for r in revisions] + ([] if expires is None else [expires])
    if in_force is not None and any(
        falls_due_before_start(e, in_force) for e in expiries
    ):
        in_force = None

    def links(pool: Sequence[Any] | None, base: S[Any]) -> S[Any]:
        return base if pool is None else st.sampled_from([None, *pool])

    others = (
        st.lists(slugs().filter(lambda s: s != ident), max_size=2, unique=True)
        if agreements is None
        else st.lists(st.sampled_from(list(agreements)), max_size=2, unique=True)
        if agreements
        else st.just([])
    )
    return Agreement(
        id=ident,
        title=draw(texts()),
        stage=draw(st.sampled_from(AgreementStage)),
        signatories=draw(pools.party_list()),
        witnesses=draw(pools.party_list()),
        guarantors=draw(pools.party_list()),
        provisions=draw(
            st.lists(condition(pools), max_size=2, unique_by=lambda c: c.id)
        ),
        from_proposal=draw(links(proposals, optional(slugs()))),
        round=draw(links(rounds, optional(st.integers(1, 10**6)))),
        history=history,
        in_force=in_force,
        expires=expires,
        revisions=revisions,
        phases=draw(st.lists(_phase(pools), max_size=2)),
        amends=draw(others),
        supersedes=draw(others),
        summary=draw(optional(texts())),
        sources=draw(pools.source_list()),
    )


@functools.cache
def agreements() -> S[Agreement]:
    """
    Agreements with legal histories, phases, provisions and extended expiries.

    Example:
        >>> from negotiation_records.strategies import agreements
        >>> isinstance(agreements().example(), Agreement)
        True
    """
    return _agreement(ANY_POOLS)


# --- milestones -----------------------------------------------------------------------


@st.composite
def _alternative(
    draw: st.DrawFn, pools: Pools, starts: Sequence[Moment | None] = (None, None, None)
) -> Alternative:
    """
    An alternative of a milestone whose deadlines were set on *starts* (the
    milestone's ``set_on``, then each revision's date; ``None``: not known):
    decided after the deadline it qualifies was set.
    """
    stage = draw(st.integers(0, len(starts) - 1))
    start = starts[stage]
    applied = draw(st.sampled_from([None, False, True]))
    decided = (
        optional(moments())
        if start is None
        else optional(chain(1, after=start).map(lambda found: found[0]))
    )
    return Alternative(
        condition=draw(texts()),
        deadline=draw(_deadlines()),
        stage=stage,
        applied=applied,
        decided_on=None if applied is None else draw(decided),
        sources=draw(pools.source_list()),
    )


@functools.cache
def alternatives() -> S[Alternative]:
    """
    Conditional deadlines of milestones, decided or not.

    Example:
        >>> from negotiation_records.strategies import alternatives
        >>> isinstance(alternatives().example(), Alternative)
        True
    """
    return _alternative(ANY_POOLS)


@st.composite
def _milestone(
    draw: st.DrawFn,
    pools: Pools,
    agreements: Sequence[str] | None = None,
    ident: str | None = None,
) -> Milestone:
    revised = draw(st.integers(0, 2))
    steps = draw(st.integers(0, 2))
    dated = draw(st.booleans())
    start, *later = draw(chain(1 + revised + steps))
    set_on = start if dated else None
    # Every deadline it has had falls due after it was set, each after the
    # revision that set it.
    revisions, deadline = kept_revisions(
        draw(soon_after(set_on)),
        set_on,
        [revision_and_deadline(draw, pools, on) for on in later[:revised]],
    )
    # Missed and pending again only by a revision made then (Revival).
    revival = Revival(draw, pools, revisions, deadline, set_on)
    history = walk(
        draw,
        pools,
        _MILESTONE_STEPS,
        MilestoneStatus.PENDING,
        later[revised:],
        deadline=(Milestone.RAN_OUT, deadline),
        revive=(Milestone.REVIVED, revival),
    )
    deadline = revival.deadline
    found: list[Alternative] = []
    applied: set[int] = set()
    # Each deadline set no earlier than its revision and every one before it.
    latest = made_no_earlier_than(tuple(revisions))
    bounds: list[tuple[Moment, ...]] = [() if set_on is None else (set_on,)]
    starts: list[Moment | None] = [set_on]  # decided after the latest-starting
    for index, revision in enumerate(revisions):
        moments = (
            revision.revised_on,
            *(revisions[i].revised_on for i in latest[index]),
        )
        bounds.append(moments)
        starts.append(max(moments, key=lambda moment: moment_sort_key(moment)[0]))
    for alternative in draw(st.lists(_alternative(pools, starts), max_size=3)):
        decided = alternative.decided_on
        if any(
            alternative.deadline.falls_due_before(bound)
            or (decided is not None and is_before(decided, bound))
            for bound in bounds[alternative.stage]
        ):
            continue  # left out rather than filtered (no filter makes them rare)
        if alternative.applied:
            if alternative.stage in applied:
                alternative = attrs.evolve(alternative, applied=False)  # noqa: PLW2901
            applied.add(alternative.stage)
        if alternative not in found:
            found.append(alternative)
    agreement = (
        draw(optional(slugs()))
        if agreements is None
        else draw(st.sampled_from([None, *agreements]))
    )
    return Milestone(
        id=draw(slugs()) if ident is None else ident,
        title=draw(texts()),
        set_by=draw(pools.party_list()),
        agreement=agreement,
        applies_to=draw(pools.party_list()),
        set_on=set_on,
        deadline=deadline,
        revisions=revisions,
        alternatives=found,
        history=history,
        sources=draw(pools.source_list()),
    )


@functools.cache
def milestones() -> S[Milestone]:
    """
    Milestones with revised deadlines, conditional alternatives and histories.

    Example:
        >>> from negotiation_records.strategies import milestones
        >>> isinstance(milestones().example(), Milestone)
        True
    """
    return _milestone(ANY_POOLS)


# --- votes and actions ------------------------------------------------------------------


@st.composite
def _vote(draw: st.DrawFn, pools: Pools, subjects: Sequence[str] | None = None) -> Vote:
    counts = optional(st.integers(0, 700))
    yes, no, abstain = draw(counts), draw(counts), draw(counts)
    members = draw(optional(st.integers(1, 800)))
    if members is not None:
        members = max(members, (yes or 0) + (no or 0) + (abstain or 0), 1)
    threshold = draw(st.sampled_from(Threshold))
    result = decided_result(threshold, yes, no, members, abstain) or draw(
        st.sampled_from(VoteResult)
    )
    subject = (
        draw(optional(slugs()))
        if subjects is None
        else draw(st.sampled_from([None, *subjects]))
    )
    return Vote(
        id=draw(slugs()),
        body=draw(texts()),
        party=draw(pools.party()),
        on=draw(moments()),
        question=draw(texts()),
        subject=subject,
        yes=yes,
        no=no,
        abstain=abstain,
        members=members,
        threshold=threshold,
        result=result,
        sources=draw(pools.source_list()),
    )


@functools.cache
def votes() -> S[Vote]:
    """
    Votes under every threshold, with results that agree with their counts.

    Example:
        >>> from negotiation_records.strategies import votes
        >>> isinstance(votes().example(), Vote)
        True
    """
    return _vote(ANY_POOLS)


@st.composite
def _action(draw: st.DrawFn, pools: Pools) -> Action:
    first = draw(pools.some_party())
    by = [first, *(p for p in draw(pools.party_list()) if p != first)]
    on, ends = draw(chain(2))
    return Action(
        id=draw(slugs()),
        kind=draw(st.sampled_from(ActionKind)),
        by=by,
        toward=draw(pools.party_list()),
        on=on,
        ends=ends if draw(st.booleans()) else None,
        mode=draw(optional(texts())),
        summary=draw(texts()),
        quantities=draw(st.lists(quantity(pools), max_size=2)),
        sources=draw(pools.source_list()),
    )


@functools.cache
def actions() -> S[Action]:
    """
    Actions of every PLOVER kind, with quantities.

    Example:
        >>> from negotiation_records.strategies import actions
        >>> isinstance(actions().example(), Action)
        True
    """
    return _action(ANY_POOLS)


# --- in a whole record ------------------------------------------------------------------


def _superseding(agreement: Agreement, agreements: list[Agreement]) -> Agreement:
    """
    *agreement* without the links of its ``supersedes`` to texts it cannot
    have replaced: superseded before *agreement* was first dated.
    """
    first = agreement.first_dated
    if first is None or not agreement.supersedes:
        return agreement
    early = {
        other.id
        for other in agreements
        if any(
            step.status is AgreementStatus.SUPERSEDED
            and step.on is not None
            and is_before(step.on, first)
            for step in other.history
        )
    }
    return attrs.evolve(
        agreement, supersedes=[i for i in agreement.supersedes if i not in early]
    )


def model2_records(  # noqa: PLR0917 - the ids a whole record offers
    draw: st.DrawFn,
    pools: Pools,
    proposals: Sequence[str],
    rounds: Sequence[int],
    ultimatums: Sequence[str],
    conditions: set[str],
    first_dates: Mapping[str, Moment] | None = None,
) -> dict[str, Any]:
    """
    Agreements, milestones, votes and actions for a whole record whose
    references all resolve (*conditions*: the condition ids already used;
    *first_dates*: when each proposal was made and each ultimatum issued, so
    that no vote predates what it is on; a milestone first dated or revised
    before the agreement that sets it was, and a text's ``supersedes`` to one
    superseded before it was first dated, lose the link).
    """
    agreement_ids = draw(st.lists(slugs(), max_size=2, unique=True))
    agreement_list = []
    for ident in agreement_ids:
        agreement = draw(
            _agreement(
                pools,
                proposals,
                rounds,
                agreement_ids[: agreement_ids.index(ident)],  # earlier: no circle
                ident,
            )
        )
        provisions = []
        for provision in agreement.provisions:
            if provision.id in conditions:
                provision = attrs.evolve(  # noqa: PLW2901
                    provision, id=f"{provision.id[:50]}-p{len(conditions)}"
                )
                while provision.id in conditions:  # pragma: no cover - rare
                    provision = attrs.evolve(provision, id=provision.id + "x")  # noqa: PLW2901
            conditions.add(provision.id)
            provisions.append(provision)
        agreement_list.append(attrs.evolve(agreement, provisions=provisions))
    agreement_list = [_superseding(a, agreement_list) for a in agreement_list]
    milestone_list = draw(
        st.lists(_milestone(pools, agreement_ids), max_size=2, unique_by=lambda m: m.id)
    )
    texts = {a.id: a.first_dated for a in agreement_list}
    milestone_list = [  # none set, or revised, before its agreement was first dated
        attrs.evolve(m, agreement=None)
        if m.agreement is not None
        and (first := texts.get(m.agreement)) is not None
        and any(
            is_before(when, first)
            for when in (m.first_dated, *(r.revised_on for r in m.revisions))
            if when is not None
        )
        else m
        for m in milestone_list
    ]
    named = [*proposals, *ultimatums, *agreement_ids, *(m.id for m in milestone_list)]
    subjects = [key for key in named if named.count(key) == 1]  # one record each
    dates = {
        **(first_dates or {}),
        **{a.id: a.first_dated for a in agreement_list if a.first_dated is not None},
        **{m.id: m.set_on for m in milestone_list if m.set_on is not None},
    }
    for m in milestone_list:  # no set_on: not before its agreement was first dated
        if m.set_on is None and (first := texts.get(m.agreement or "")) is not None:
            dates[m.id] = first
    votes = draw(st.lists(_vote(pools, subjects), max_size=2, unique_by=lambda v: v.id))
    return {
        "agreements": agreement_list,
        "milestones": milestone_list,
        "votes": [  # none before what it is on: on the day that was first dated
            attrs.evolve(v, on=dates[v.subject])
            if v.subject in dates and is_before(v.on, dates[v.subject])
            else v
            for v in votes
        ],
        "actions": draw(st.lists(_action(pools), max_size=2, unique_by=lambda a: a.id)),
    }
