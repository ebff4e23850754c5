"""
As-of snapshots of the records: each record as it stood at a moment.

:meth:`Negotiation.as_of <negotiation_records.Negotiation.as_of>` puts these
together; the rules are in its documentation and in :doc:`/concepts` ("What was
known when").  Every function here takes a moment *at* already converted
(:func:`~negotiation_records.queries.as_of`) and answers with
:func:`~negotiation_records.timeutil.is_known_by`: a date or a datetime counts
once it has come, a month or a year only once its whole span has passed.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar

import attrs

from negotiation_records.agreements import Agreement, first_dated
from negotiation_records.conditions import Condition
from negotiation_records.deadlines import DeadlineRevision
from negotiation_records.history import (
    StatusChange,
    heard_of,
    history_until,
    known_count,
)
from negotiation_records.milestones import Alternative, Milestone
from negotiation_records.proposals import Proposal
from negotiation_records.rounds import Round, RoundStatus
from negotiation_records.stances import Position, Response
from negotiation_records.timeutil import Moment, is_before, is_known_by
from negotiation_records.ultimatums import Ultimatum
from negotiation_records.windows import Window


__all__ = [
    "agreement_as_of",
    "condition_as_of",
    "milestone_as_of",
    "model2_as_of",
    "proposal_as_of",
    "proposals_made",
    "round_as_of",
    "ultimatum_as_of",
]

T = TypeVar("T")


def _linked(statement: str | None, statements: AbstractSet[str]) -> str | None:
    """A statement id, or ``None`` if the statement is not in the snapshot."""
    return statement if statement is None or statement in statements else None


def _first_of_each(items: Iterable[T]) -> tuple[T, ...]:
    """
    *items* without the later copies of an item: a snapshot that drops a link
    (a statement not made yet, an alternative not decided yet) can make two
    items of a list alike, where the record allows each only once; the first
    stays.
    """
    return tuple(dict.fromkeys(items))


def _responses(
    responses: Iterable[Response], at: Moment, statements: AbstractSet[str]
) -> tuple[Response, ...]:
    """The *responses* given by *at*, their unknown statement links dropped."""
    return _first_of_each(
        r
        if _linked(r.statement, statements) == r.statement
        else attrs.evolve(r, statement=None)
        for r in responses
        if is_known_by(r.on, at)
    )


def _positions(
    positions: Iterable[Position], at: Moment, statements: AbstractSet[str]
) -> tuple[Position, ...]:
    """
    The *positions* taken by *at* (undated ones stay), their unknown statement
    links dropped.
    """
    return _first_of_each(
        p
        if _linked(p.statement, statements) == p.statement
        else attrs.evolve(p, statement=None)
        for p in positions
        if p.on is None or is_known_by(p.on, at)
    )


def _changes(history: tuple[StatusChange, ...], at: Moment) -> tuple[StatusChange, ...]:
    return history_until(history, at)


def _same(old: T, **changes: object) -> T:
    """*old* with *changes*, or *old* itself if nothing changed (no new check)."""
    if all(getattr(old, name) == value for name, value in changes.items()):
        return old
    return attrs.evolve(old, **changes)  # type: ignore[misc]


def condition_as_of(
    condition: Condition, at: Moment, statements: AbstractSet[str]
) -> Condition:
    """*condition* with the positions taken after *at* left out (undated ones stay)."""
    return _same(condition, positions=_positions(condition.positions, at, statements))


def proposal_as_of(
    proposal: Proposal,
    at: Moment,
    statements: AbstractSet[str],
    rounds: AbstractSet[int],
    proposals: AbstractSet[str],
) -> Proposal | None:
    """
    *proposal* as it stood at *at*, or ``None`` if it was made later; its
    round and the proposal it counters dropped if the snapshot leaves them
    out (*rounds*, *proposals*: those it keeps).
    """
    if not heard_of(proposal.history, at, (proposal.made_on,)):
        return None
    counter_to = proposal.counter_to
    return _same(
        proposal,
        terms=tuple(condition_as_of(t, at, statements) for t in proposal.terms),
        responses=_responses(proposal.responses, at, statements),
        history=_changes(proposal.history, at),
        round=proposal.round if proposal.round in rounds else None,
        counter_to=counter_to if counter_to in proposals else None,
    )


def proposals_made(talks: Any, at: Moment) -> frozenset[str]:
    """The ids of the proposals of *talks* made by *at* (those a snapshot keeps)."""
    return frozenset(
        p.id for p in talks.proposals if heard_of(p.history, at, (p.made_on,))
    )


def ultimatum_as_of(
    ultimatum: Ultimatum, at: Moment, statements: AbstractSet[str]
) -> Ultimatum | None:
    """
    *ultimatum* as it stood at *at* — its responses, status changes and
    deadline revisions cut at *at*, its deadline the one in force then — or
    ``None`` if it was issued later.
    """
    if not heard_of(ultimatum.history, at, (ultimatum.issued_at,)):
        return None
    kept = known_count([r.revised_on for r in ultimatum.revisions], at)
    revisions: tuple[DeadlineRevision, ...] = tuple(
        r
        if _linked(r.statement, statements) == r.statement
        else attrs.evolve(r, statement=None)
        for r in ultimatum.revisions[:kept]
    )
    demand = ultimatum.demand
    if isinstance(demand, Condition):
        demand = condition_as_of(demand, at, statements)
    return _same(
        ultimatum,
        demand=demand,
        deadline=ultimatum.deadlines[kept],
        revisions=revisions,
        responses=_responses(ultimatum.responses, at, statements),
        history=_changes(ultimatum.history, at),
    )


def _round_dates(
    starts: Moment | None, window: Window | None
) -> tuple[Moment | None, ...]:
    """The dates by which a round is heard of besides its changes: start, window."""
    return (starts, None if window is None else window.start)


#: The steps that set or clear a round's dates (``Round.schedule``,
#: ``Round.postpone``); a record keeps only the dates of its latest.
_DATING_STEPS = frozenset({RoundStatus.SCHEDULED, RoundStatus.POSTPONED})


def round_as_of(rnd: Round, at: Moment) -> Round | None:
    """
    *rnd* as it stood at *at*, or ``None`` if it was first heard of later; its
    outcomes only if it had been held by then.

    A round keeps only its latest dates: where a step after *at* scheduled
    or postponed it (or held it after a postponement, which cleared them),
    the dates it holds were set then, so the snapshot has none rather than
    dates not known at *at*, and they do not make the round known by *at*;
    nor a location, where a later scheduling may have set it, nor a window,
    where a later postponement may have.
    """
    history = _changes(rnd.history, at)
    later = {change.status for change in rnd.history[len(history) :]}
    # A postponement clears the dates: one held after it (cut) set them anew.
    redated = not later.isdisjoint(_DATING_STEPS) or (
        RoundStatus.HELD in later
        and bool(history)
        and history[-1].status is RoundStatus.POSTPONED
    )
    window = None if RoundStatus.POSTPONED in later else rnd.window
    # Heard of by what the snapshot keeps: dates set later do not count (so
    # that a snapshot of the snapshot is the same).
    if not heard_of(
        rnd.history, at, _round_dates(None if redated else rnd.starts, window)
    ):
        return None
    if not redated:
        held = bool(history) and history[-1].status is RoundStatus.HELD
        return _same(rnd, history=history, outcomes=rnd.outcomes if held else ())
    return _same(
        rnd,
        history=history,
        outcomes=(),
        starts=None,
        ends=None,
        location=None if RoundStatus.SCHEDULED in later else rnd.location,
        window=window,
    )


# --- agreements, milestones, votes and actions -------------------------------------


def _kept_revisions(
    revisions: tuple[DeadlineRevision, ...], at: Moment, statements: AbstractSet[str]
) -> tuple[DeadlineRevision, ...]:
    return tuple(
        revision
        if _linked(revision.statement, statements) == revision.statement
        else attrs.evolve(revision, statement=None)
        for revision in revisions[: known_count([r.revised_on for r in revisions], at)]
    )


def agreement_as_of(  # noqa: PLR0917 - what a snapshot keeps, one set each
    agreement: Agreement,
    at: Moment,
    statements: AbstractSet[str],
    rounds: AbstractSet[int],
    proposals: AbstractSet[str],
    agreements: AbstractSet[str],
) -> Agreement | None:
    """
    *agreement* as it stood at *at* — history and expiry revisions cut, its
    expiry the one in force then, links to records left out dropped — or
    ``None`` if it was heard of later (no dated change known by *at*).
    """
    if not heard_of(agreement.history, at):
        return None
    revisions = _kept_revisions(agreement.revisions, at, statements)
    expiries = agreement.expiries
    expires = expiries[len(revisions)] if expiries else None
    history = _changes(agreement.history, at)
    # A step dated by month that is cut may have been the first date that
    # earlier revisions came after (signed on 20 January, in force "in
    # January", extended on 5 January): those go, the expiry stays the one
    # in force, and the snapshot is a valid record.
    first = first_dated(history)
    while revisions and first is not None and is_before(revisions[0].revised_on, first):
        revisions = revisions[1:]
    return _same(
        agreement,
        provisions=tuple(
            condition_as_of(c, at, statements) for c in agreement.provisions
        ),
        history=history,
        revisions=revisions,
        expires=expires,
        round=agreement.round if agreement.round in rounds else None,
        from_proposal=(
            agreement.from_proposal if agreement.from_proposal in proposals else None
        ),
        amends=tuple(a for a in agreement.amends if a in agreements),
        supersedes=tuple(a for a in agreement.supersedes if a in agreements),
    )


def _alternative_as_of(alternative: Alternative, at: Moment) -> Alternative:
    """*alternative*, not yet decided if it was decided after *at*."""
    if alternative.decided_on is None or is_known_by(alternative.decided_on, at):
        return alternative
    return attrs.evolve(alternative, applied=None, decided_on=None)


def milestone_as_of(
    milestone: Milestone,
    at: Moment,
    statements: AbstractSet[str],
    agreements: AbstractSet[str],
) -> Milestone | None:
    """
    *milestone* as it stood at *at* — history, revisions and alternatives cut,
    its deadline the one in force then — or ``None`` if it was heard of
    later (neither its ``set_on`` nor any dated change known by *at*).
    """
    if not heard_of(milestone.history, at, (milestone.set_on,)):
        return None
    revisions = _kept_revisions(milestone.revisions, at, statements)
    kept = len(revisions)
    return _same(
        milestone,
        agreement=milestone.agreement if milestone.agreement in agreements else None,
        deadline=milestone.deadlines[kept],
        revisions=revisions,
        alternatives=_first_of_each(
            _alternative_as_of(a, at) for a in milestone.alternatives if a.stage <= kept
        ),
        history=_changes(milestone.history, at),
    )


def model2_as_of(
    talks: Any,
    at: Moment,
    statements: AbstractSet[str],
    rounds: AbstractSet[int],
    proposals: AbstractSet[str],
) -> dict[str, Any]:
    """
    The agreements, milestones, votes and actions of *talks* as of *at*; links
    to statements, rounds and proposals other than *statements*, *rounds* and
    *proposals* (those the snapshot keeps) dropped.
    """
    first_known = frozenset(a.id for a in talks.agreements if heard_of(a.history, at))
    agreements = tuple(
        a
        for a in (
            agreement_as_of(a, at, statements, rounds, proposals, first_known)
            for a in talks.agreements
        )
        if a is not None
    )
    milestones = tuple(
        m
        for m in (
            milestone_as_of(m, at, statements, first_known) for m in talks.milestones
        )
        if m is not None
    )
    subjects = (
        proposals
        | first_known
        | {m.id for m in milestones}
        | {u.id for u in talks.ultimatums if heard_of(u.history, at, (u.issued_at,))}
    )
    votes = tuple(
        v
        if v.subject is None or v.subject in subjects
        else attrs.evolve(v, subject=None)
        for v in talks.votes
        if is_known_by(v.on, at)
    )
    actions = tuple(
        a if a.ends is None or is_known_by(a.ends, at) else attrs.evolve(a, ends=None)
        for a in talks.actions
        if is_known_by(a.on, at)
    )
    return {
        "agreements": agreements,
        "milestones": milestones,
        "votes": votes,
        "actions": actions,
    }
