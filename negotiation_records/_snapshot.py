"""
As-of snapshots of the records: each record as it stood at a moment.

:meth:`Negotiation.as_of <negotiation_records.Negotiation.as_of>` puts these
together; the rules are in its documentation and in :doc:`/concepts` ("What was
known when").  Every function here takes a moment *at* already converted
(:func:`~negotiation_records.queries.as_of`) and answers with
:func:`~negotiation_records.timeutil.is_known_by`: a date or a datetime counts
once it has come, a month or a year only once its whole span has passed.  A
known step is evidence of what it needed: a revision without which it could
not have been taken (:func:`revisions_kept`), the record a response or a
revision answers (:func:`is_heard_of`); the deadline queries read both alike.
"""

from __future__ import annotations

import datetime as _dt
import enum
import itertools
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar

import attrs
import pendulum

from negotiation_records._query_moments import as_of_instant
from negotiation_records._revivals import ran_out_again, revivals
from negotiation_records.agreements import Agreement
from negotiation_records.conditions import Condition
from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.history import (
    StatusChange,
    current_status,
    heard_of,
    history_until,
    known_count,
)
from negotiation_records.milestones import Alternative, Milestone
from negotiation_records.parties import Membership, Party, Representative
from negotiation_records.proposals import Proposal
from negotiation_records.rounds import Round, RoundStatus, known_history
from negotiation_records.stances import Position, Response
from negotiation_records.timeutil import (
    Moment,
    is_before,
    is_known_by,
    moment_argument,
)
from negotiation_records.ultimatums import Ultimatum, UltimatumStatus, complied_late
from negotiation_records.windows import Window


__all__ = [
    "agreement_as_of",
    "condition_as_of",
    "is_heard_of",
    "known_state",
    "known_status",
    "known_steps",
    "milestone_as_of",
    "model2_as_of",
    "party_as_of",
    "proposal_as_of",
    "proposals_made",
    "revisions_kept",
    "round_as_of",
    "ultimatum_as_of",
]

T = TypeVar("T")


def _linked(statement: str | None, statements: AbstractSet[str]) -> str | None:
    """A statement id, or ``None`` if the statement is not in the snapshot."""
    return statement if statement is None or statement in statements else None


def _linked_revisions(
    revisions: Iterable[DeadlineRevision], statements: AbstractSet[str]
) -> tuple[DeadlineRevision, ...]:
    """*revisions*, their links to statements not in the snapshot dropped."""
    return tuple(
        revision
        if _linked(revision.statement, statements) == revision.statement
        else attrs.evolve(revision, statement=None)
        for revision in revisions
    )


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


# --- what a record's known steps show ----------------------------------------


def _deadlines_needed(
    history: Sequence[StatusChange],
    ran_out: enum.Enum,
    deadlines: Sequence[Deadline],
    revisions: Sequence[DeadlineRevision],
    reach: int = 0,
) -> int:
    """
    How far into *deadlines* (oldest first; ``revisions[i]`` replaced
    ``deadlines[i]``) the *ran_out* steps of *history* (an ultimatum
    expired, a milestone missed, an agreement expired) reach, at least
    *reach* (all of them where a step is let be by none).

    A dated step needs one of *deadlines* that had passed by its end
    (:meth:`Deadline.had_passed_by`) and that may still have been in force
    then in a record that keeps the deadlines up to the reach
    (:func:`~negotiation_records.agreements.in_force_on`: not replaced
    certainly before the step, nor put in force certainly after it), so the
    reach is the fewest revisions the steps show.  The reach is the last
    deadline a step needs (0: the first).  Each step is asked first of the
    deadline that let the step before it be, then of those after it up to
    the reach so far, then of those before it, then of the next ones: steps
    in time order are each asked of a deadline or two.  A step whose
    deadline a reach grown for a later step replaced before it is asked
    again.
    """
    if not deadlines:
        return reach  # nothing to check (an agreement with no expiry)

    def lets_be(index: int, on: Moment) -> bool:
        """Whether ``deadlines[index]`` lets a step on *on* be, at the reach."""
        return (
            not (
                index < min(reach, len(revisions))
                and is_before(revisions[index].revised_on, on)
            )
            and not (
                0 < index <= min(reach, len(revisions))
                and is_before(on, revisions[index - 1].revised_on)
            )
            and deadlines[index].had_passed_by(on)
        )

    while True:
        witnesses: list[tuple[int, Moment]] = []
        witness: int | None = None
        for change in history:
            on = change.on
            if change.status is not ran_out or on is None:
                continue
            if witness is None or not lets_be(witness, on):
                # Those after the last one first (it was just asked): steps in
                # time order are each asked of a deadline or two.
                last = -1 if witness is None else witness
                order = itertools.chain(
                    range(last + 1, reach + 1), range(last - 1, -1, -1)
                )
                witness = next((i for i in order if lets_be(i, on)), None)
            while witness is None and reach + 1 < len(deadlines):
                reach += 1
                if lets_be(reach, on):
                    witness = reach
            if witness is None:
                return reach  # none lets this step be: every deadline is needed
            witnesses.append((witness, on))
        if all(lets_be(i, on) for i, on in witnesses):
            return reach


def _known_revisions(revisions: Sequence[DeadlineRevision], at: Moment) -> int:
    """How many of *revisions* are known by *at* by their own dates."""
    return known_count([revision.revised_on for revision in revisions], at)


def _before_unheard_revival(
    record: Ultimatum | Milestone | Agreement,
    known: tuple[StatusChange, ...],
) -> int:
    """
    How many of *record*'s revisions a snapshot may count as made, at most,
    when the steps of its history known are *known* (a prefix of it): a
    revision that brought the record back after it ran out counts only once
    the step that says so is known
    (:func:`~negotiation_records._revivals.revivals`), whatever the
    revision's own date says.  Extended "on 26 January" after running out
    at 04:00 that day, a milestone is not extended at 03:00; extended on 5
    September and pending again on the 6th, an ultimatum that expired on
    the 3rd reads expired on the 5th, its deadline the one that passed (the
    record has no step for a deadline revised while it stood expired).
    """
    return next(
        (first for _, first in revivals(record, max(len(known) - 1, 0))),
        len(record.revisions),
    )


def _steps_back(record: Ultimatum | Milestone) -> Iterator[tuple[int, int]]:
    """
    Each step of *record*'s history that brought it back after it ran out
    (its index), with the index of the revision that answered it, as the
    record's own check reads them (:func:`~negotiation_records._revivals.revivals`:
    undated steps too), oldest first.
    """
    return ((index + 1, first) for index, first in revivals(record))


def _heard_revivals(
    record: Ultimatum | Milestone, known: tuple[StatusChange, ...]
) -> int:
    """
    How many of *record*'s revisions a snapshot counts as made, at least,
    when the steps of its history known are *known* (a prefix of it): a
    dated step known that brought it back after it ran out shows the
    revision that answered it was made (the record refuses such a step
    without one, or with one made after it), whatever that revision's own
    date says: revived on 5 September by a revision dated "September", an
    ultimatum reads revised on 10 September.  An undated step shows nothing
    (:func:`_unanswered_step_back`).
    """
    count = 0
    for back, first in _steps_back(record):
        if back >= len(known):
            break
        if known[back].on is not None:
            count = first + 1
    return min(count, len(record.revisions))


def _unanswered_step_back(
    record: Ultimatum | Milestone, history: tuple[StatusChange, ...], kept: int
) -> int | None:
    """
    The index of the first step of *history* (a prefix of *record*'s) that
    brought the record back with a revision not among the *kept* ones
    (``None``: none): an undated step back, known only by the steps before
    it, is not known before the revision that made it (revived by a
    revision of 5 September, undated, an ultimatum that expired on the 3rd
    is expired on the 4th).  It and the steps after it wait.
    """
    for back, first in _steps_back(record):
        if back >= len(history):
            return None
        if first >= kept:
            return back
    return None


def _run_out(
    deadlines: Sequence[Deadline],
    revisions: Sequence[DeadlineRevision],
    instant: pendulum.DateTime,
) -> int:
    """
    How many of *deadlines* (those a record had in force by *instant*,
    oldest first; ``revisions[i]`` replaced ``deadlines[i]``) had run out by
    *instant* (where the queries read a moment *at*:
    :func:`~negotiation_records.as_of_instant`): passed then while
    still in force.  One replaced certainly before it passed (cut or
    extended ahead of time: :func:`is_before` its :attr:`~Deadline.cutoff`)
    never ran out.
    """
    count = 0
    for index, deadline in enumerate(deadlines):
        if not deadline.is_past(instant):
            continue
        if index < len(revisions) and is_before(
            revisions[index].revised_on, deadline.cutoff
        ):
            continue  # replaced before it passed
        count += 1
    return count


def _held_back(
    history: Sequence[StatusChange],
    ran_out: enum.Enum,
    deadlines: Sequence[Deadline],
    revisions: Sequence[DeadlineRevision],
    at: Moment,
    *,
    again: AbstractSet[int] = frozenset(),
) -> int | None:
    """
    Where *history* is cut at *at* for its deadlines: the index of its
    first *ran_out* step (an ultimatum expired, a milestone missed, an
    agreement expired) that no deadline, of *deadlines* (those the record
    had in force by then, with the *revisions* that replaced them), had
    yet run out for (:func:`_run_out`); ``None`` when each such step has
    one, or the record has no deadline to wait for (an agreement with no
    expiry).  The steps *again* (by index: an agreement restored without
    an extension that expired once more,
    :func:`~negotiation_records._revivals.ran_out_again`) ran out on the
    deadline of the step before them and need none of their own.

    A record cannot run out before a deadline passes, and nothing that
    follows such a step can come before it: an expiry dated by its day
    (the due day itself) counts from that day's start by its date, but
    only from when the deadline passed by what it says.  Each such step
    needs a deadline of its own (one revived by a revision runs out again
    only when the new deadline passes), and a deadline extended before it
    passed never ran out.  The step and those after it are held back until
    then; an undated one likewise.  And a record whose last step says it ran
    out is not run out while the deadline in force (the last of
    *deadlines*) has not passed: its deadline was revised after it ran out,
    with no step that revived it (a version-1 document: expired, undated,
    then extended), and that revision revived it; the step waits for the
    new deadline, as the deadline queries do.
    """
    steps = [index for index, change in enumerate(history) if change.status is ran_out]
    if not steps or not deadlines:
        return None
    instant = at if isinstance(at, pendulum.DateTime) else as_of_instant(at)
    count = _run_out(deadlines, revisions, instant)
    needed = 0
    for step in steps:
        needed += step not in again
        if needed > count:
            return step
    if steps[-1] == len(history) - 1 and not deadlines[-1].is_past(instant):
        return steps[-1]  # revised after it ran out: revived until the new one passes
    return None


def _agreement_cut(
    agreement: Agreement, at: Moment
) -> tuple[tuple[StatusChange, ...], int]:
    """
    What a snapshot at *at* keeps of *agreement*: its history, and the
    revisions up to the kept (``revisions[:kept]``), its expiry
    ``expiries[kept]`` (see :func:`revisions_kept`).

    An ``expired`` step is held back, with those after it, until an expiry has
    run out for it (:func:`_held_back`); the steps before it are then read
    again by their own dates (:func:`history_until`: a step dated "July" that
    only the held-back step showed was taken is not known yet either).  The
    history kept begins as the agreement's does, so no revision it keeps is
    before its first date (the record refuses one before its first dated
    change, which a later step dated more vaguely does not move earlier).
    """
    history = history_until(agreement.history, at)
    ran_out = agreement.RAN_OUT
    expiries, revisions = agreement.expiries, agreement.revisions
    # Read on the whole record: a revision the snapshot does not count yet
    # may still have answered a step back it shows.
    again = ran_out_again(agreement.history, revisions, ran_out, agreement.REVIVED)
    known = _known_revisions(revisions, at)
    while True:
        cap = _before_unheard_revival(agreement, history)
        kept = known = min(known, _known_revisions(revisions[:cap], at))
        if known < len(revisions):
            kept = _deadlines_needed(history, ran_out, expiries, revisions, known)
        held = _held_back(
            history, ran_out, expiries[: kept + 1], revisions[:kept], at, again=again
        )
        if held is None:
            return history, kept
        history = history_until(history[:held], at)


def _kept_by(
    record: Ultimatum | Milestone, history: tuple[StatusChange, ...], at: Moment
) -> int:
    """:func:`revisions_kept` of *record* whose steps known by *at* are *history*."""
    # Known by their dates among those not capped: a revision capped is no
    # evidence that one before it, dated only "2025", was made.
    cap = _before_unheard_revival(record, history)
    known = max(
        _known_revisions(record.revisions[:cap], at), _heard_revivals(record, history)
    )
    if known == len(record.revisions):
        return known  # all of them
    ran_out = record.RAN_OUT
    reach = _deadlines_needed(
        history, ran_out, record.deadlines, record.revisions, known
    )
    if isinstance(record, Ultimatum):
        return _compliance_needs(history, record.deadlines, record.revisions, reach)
    return reach


def _steps_and_kept(
    record: Ultimatum | Milestone, at: Moment
) -> tuple[tuple[StatusChange, ...], int]:
    """
    :func:`known_steps` and :func:`revisions_kept` of *record* at *at*: a
    held-back step (:func:`_held_back`, :func:`_unanswered_step_back`) shows
    no revision, so the revisions are counted again on what is left.
    """
    ran_out = record.RAN_OUT
    history = history_until(record.history, at)
    while True:
        kept = _kept_by(record, history, at)
        held = _held_back(
            history, ran_out, record.deadlines[: kept + 1], record.revisions[:kept], at
        )
        if held is None:
            held = _unanswered_step_back(record, history, kept)
        if held is None:
            return history, kept
        history = history_until(history[:held], at)


def revisions_kept(record: Ultimatum | Milestone | Agreement, at: Moment) -> int:
    """
    How many deadline revisions of *record* a snapshot at *at* counts as
    made: the index in its ``deadlines`` (an agreement's ``expiries``) of
    the deadline in force then, which the deadline queries read too.

    Those known by *at* by their own dates (in order: one dated "July"
    before one of 3 July counts on the 3rd), and at least those that a
    status step known by then (:func:`known_steps`) shows were made: an
    ultimatum ``expired``, a milestone ``missed`` or an agreement
    ``expired`` on a moment by whose end none of the deadlines it had had
    before a revision had passed could only be taken once that revision
    (and so each before it) was in force, and so could an ultimatum
    complied with, with no expiry before it, on a moment by which every
    deadline that may have been in force without that revision had passed.
    A snapshot keeps those revisions, in their order, so that it is a valid
    record: cut "some day in July" to 15 July and expired on 20 July, an
    ultimatum reads cut and expired on 25 July, its deadline 15 July.
    """
    if isinstance(record, Agreement):
        return _agreement_cut(record, at)[1]
    return _steps_and_kept(record, at)[1]


def known_state(
    record: Ultimatum | Milestone | Agreement, at: Moment
) -> tuple[tuple[StatusChange, ...], int]:
    """
    :func:`known_steps` and :func:`revisions_kept` of *record* at *at*, made
    once: the history a snapshot keeps, and the index of the deadline in
    force (an agreement's expiry).
    """
    if isinstance(record, Agreement):
        return _agreement_cut(record, at)
    return _steps_and_kept(record, at)


def known_steps(
    record: Ultimatum | Milestone | Agreement, at: Moment
) -> tuple[StatusChange, ...]:
    """
    The steps of *record*'s history known by *at* (:func:`history_until`), but
    for a step that says its deadline ran out (an ultimatum ``expired``, a
    milestone ``missed``, an agreement ``expired``) while no deadline has run
    out for it: of the deadlines the record had in force by then
    (``deadlines[:kept + 1]``, *kept* as :func:`revisions_kept` counts it), one
    that passed while still in force (one extended or cut before it passed
    never ran out), a deadline for each such step (a record revived by a
    revision runs out again only when the new deadline passes; an agreement
    restored without an extension runs out again on the expiry that
    passed).  The record cannot have run out before then, and nothing after
    such a step came before it.  That step and those after it count once a
    deadline has run out for it, and from then on: what is known only grows
    as *at* moves on, but for a last step whose deadline a later revision
    moved with no step that revived the record (:func:`_held_back`: it waits
    for the new deadline).  So an ultimatum marked expired "on 2 September",
    whose deadline passes at the end of that day, is pending all day, and
    expired from the moment its deadline passes; undated, or dated by its
    month, likewise (a version-1
    ``"status": "expired"`` with no ``status_on`` is such a step).  What is
    left is read again by its own dates.  :meth:`Ultimatum.status_at
    <negotiation_records.Ultimatum.status_at>`, :meth:`Milestone.status_at
    <negotiation_records.Milestone.status_at>`, :meth:`Agreement.status_at
    <negotiation_records.Agreement.status_at>`, the snapshot and the deadline
    queries read it alike.
    """
    if isinstance(record, Agreement):
        return _agreement_cut(record, at)[0]
    return _steps_and_kept(record, at)[0]


S = TypeVar("S", bound=enum.Enum)


def known_status(
    record: Ultimatum | Milestone | Agreement, initial: S, at: Moment | _dt.date
) -> S:
    """
    The status of *record* in force at *at*, *initial* (the status it starts
    in) before any change: the last of :func:`known_steps`, which is what the
    snapshot at *at* and the deadline queries read.  What ``status_at`` of an
    ultimatum, a milestone and an agreement answers.

    *at* is checked as :meth:`Negotiation.as_of
    <negotiation_records.Negotiation.as_of>` checks it: a naive datetime, text
    or any other value that is not a moment is a
    :class:`~negotiation_records.ValidationError` at ``at``.
    """
    return current_status(known_steps(record, moment_argument(at, "at")), initial)


def _compliance_needs(
    history: Sequence[StatusChange],
    deadlines: tuple[Deadline, ...],
    revisions: tuple[DeadlineRevision, ...],
    reach: int,
) -> int:
    """
    How many of *revisions* (an ultimatum's; ``revisions[i]`` replaced
    ``deadlines[i]``) a snapshot keeps, at least *reach*, for the
    compliance that ends *history*: the fewest with which it is not late
    (:func:`~negotiation_records.ultimatums.complied_late`) where no expiry
    since the last revival comes before it.  A record complied with in time
    only once a revision extended its deadline shows that revision was made
    (the record refuses a late compliance it does not say so); a deadline
    in time for it that a revision kept already replaced does not do.
    *reach* for any other history.
    """
    if not history or history[-1].status is not UltimatumStatus.COMPLIED:
        return reach
    # A compliance follows the pending ultimatum (from the start, or revived:
    # an expiry before the revival says nothing of this deadline) or its expiry.
    if len(history) > 1 and history[-2].status is UltimatumStatus.EXPIRED:
        return reach  # said late
    on = history[-1].on
    return next(
        (
            kept
            for kept in range(reach, len(deadlines))
            if not complied_late(on, deadlines[: kept + 1], revisions[:kept])
        ),
        reach,
    )


def _heard_steps(
    record: Ultimatum | Milestone | Agreement, at: Moment
) -> tuple[StatusChange, ...]:
    """
    :func:`known_steps` of *record* at *at*, as :func:`is_heard_of` reads
    them: the steps known by their dates where none of them says a deadline
    ran out (nothing is then held back, nor cut for a revision).
    """
    history = history_until(record.history, at)
    ran_out = record.RAN_OUT
    if all(change.status is not ran_out for change in history):
        return history
    return known_steps(record, at)


def is_heard_of(
    record: Proposal | Ultimatum | Milestone | Agreement,
    at: Moment,
    agreements: AbstractSet[str] = frozenset(),
) -> bool:
    """
    Whether a snapshot at *at* keeps *record*: it was heard of by then.

    By its own date (a proposal's ``made_on``, an ultimatum's ``issued_at``,
    a milestone's ``set_on``) or a dated step of its history known by then
    (:func:`~negotiation_records.history.heard_of`; not one held back until
    a deadline passes, :func:`known_steps`); or, where it has a date
    of its own, by a response or a deadline revision known by then
    (:func:`is_known_by`), which come after that date (the record refuses
    one dated before it): a proposal made at noon on 13 July and answered
    "on 13 July" is known on that day, whether the answer is a response or a
    step of its history.  A response or a revision shows the record was
    there; it does not date it: one not known yet does not leave out a
    record with no other date.  An agreement (a milestone without
    ``set_on``) has no date of its own, only the steps of its history, which
    a snapshot leaves out until they are known: it is known by them alone,
    so that a snapshot read again as of an earlier moment is the snapshot
    as of that moment.  A milestone without ``set_on`` that its
    ``agreement`` sets is heard of with that agreement too, when it is one
    of *agreements* (those heard of by *at*).
    """
    if (
        isinstance(record, Milestone)
        and record.set_on is None
        and record.agreement is not None
    ):
        return record.agreement in agreements or any(
            change.on is not None for change in _heard_steps(record, at)
        )
    answers: tuple[Response, ...] = ()
    own: Moment | None = None
    if isinstance(record, Proposal):
        own, answers = record.made_on, record.responses
    elif isinstance(record, Ultimatum):
        own, answers = record.issued_at, record.responses
    elif isinstance(record, Milestone):
        own = record.set_on
    if own is not None and is_known_by(own, at):
        return True
    known = None if isinstance(record, Proposal) else _heard_steps(record, at)
    if heard_of(record.history, at, (own,), known):
        return True
    if own is None:
        return False
    if any(is_known_by(answer.on, at) for answer in answers):
        return True
    # Only a revision the snapshot keeps (revisions_kept): one held back with
    # the step it answered would leave a record known by nothing it shows.
    if isinstance(record, (Ultimatum, Milestone)) and record.revisions:
        kept = record.revisions[: revisions_kept(record, at)]
        return any(is_known_by(revision.revised_on, at) for revision in kept)
    return False


_Span = TypeVar("_Span", Representative, Membership)


def _spans_as_of(spans: tuple[_Span, ...], at: Moment) -> tuple[_Span, ...]:
    """
    *spans* (roles or memberships) as known at *at*: one that starts later
    left out, and an end not known yet left open (the role was held then).
    """
    kept: dict[_Span, None] = {}  # in order, each once (by hash: many members)
    for span in spans:
        if span.since is not None and not is_known_by(span.since, at):
            continue
        if span.until is not None and not is_known_by(span.until, at):
            span = attrs.evolve(span, until=None)  # noqa: PLW2901 - cut at *at*
        kept.setdefault(span)  # two that differed only by an end not known yet
    return tuple(kept)


def party_as_of(party: Party, at: Moment) -> Party:
    """
    *party* as it stood at *at*: a representative who took the role, or a
    member that joined, after *at* left out, and a role or a membership that
    ended after *at* still open.
    """
    if not party.representatives and not party.members:
        return party
    return _same(
        party,
        representatives=_spans_as_of(party.representatives, at),
        members=_spans_as_of(party.members, at),
    )


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
    if not is_heard_of(proposal, at):
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
    return frozenset(p.id for p in talks.proposals if is_heard_of(p, at))


def ultimatum_as_of(
    ultimatum: Ultimatum, at: Moment, statements: AbstractSet[str]
) -> Ultimatum | None:
    """
    *ultimatum* as it stood at *at* — its responses, status changes and
    deadline revisions cut at *at* (but for the revisions a known step
    needed: :func:`revisions_kept`), its deadline the one in force then —
    or ``None`` if it was issued later (:func:`is_heard_of`).
    """
    if not is_heard_of(ultimatum, at):
        return None
    history, kept = _steps_and_kept(ultimatum, at)
    revisions = _linked_revisions(ultimatum.revisions[:kept], statements)
    demand = ultimatum.demand
    if isinstance(demand, Condition):
        demand = condition_as_of(demand, at, statements)
    return _same(
        ultimatum,
        demand=demand,
        deadline=ultimatum.deadlines[kept],
        revisions=revisions,
        responses=_responses(ultimatum.responses, at, statements),
        history=history,
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
    outcomes only if it had been held by then and had ended (its ``ends``
    known by *at*, where it has one): what a round of several days produced
    is not known on its first day.

    A round keeps only its latest dates: where a step after *at* scheduled
    or postponed it (or held it after a postponement, which cleared them),
    the dates it holds were set then, so the snapshot has none rather than
    dates not known at *at*, and they do not make the round known by *at*;
    nor a location, where a later scheduling may have set it, nor a window,
    where a later postponement may have.
    """
    history = known_history(rnd, at)
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
        over = (
            bool(history)
            and history[-1].status is RoundStatus.HELD
            and (rnd.ends is None or is_known_by(rnd.ends, at))
        )
        return _same(rnd, history=history, outcomes=rnd.outcomes if over else ())
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


def agreement_as_of(  # noqa: PLR0917 - what a snapshot keeps, one set each
    agreement: Agreement,
    at: Moment,
    statements: AbstractSet[str],
    rounds: AbstractSet[int],
    proposals: AbstractSet[str],
    agreements: AbstractSet[str],
    cut: tuple[tuple[StatusChange, ...], int] | None = None,
) -> Agreement | None:
    """
    *agreement* as it stood at *at* — history and expiry revisions cut, its
    expiry the one in force then, links to records left out dropped — or
    ``None`` if it was heard of later (no dated change known by *at*).
    *cut*, when given, is what :func:`_agreement_cut` gives at *at*.
    """
    if cut is None:
        cut = _agreement_cut(agreement, at)
    history, kept = cut
    if not heard_of(agreement.history, at, (), history):
        return None  # as is_heard_of reads an agreement
    revisions = _linked_revisions(agreement.revisions[:kept], statements)
    expiries = agreement.expiries
    expires = expiries[kept] if expiries else None
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
    *milestone* as it stood at *at* — history, revisions (:func:`revisions_kept`)
    and alternatives cut, its deadline the one in force then — or ``None``
    if it was heard of later (neither its ``set_on``, nor any dated change,
    nor, if it has a ``set_on``, a revision known by *at*: :func:`is_heard_of`).
    A milestone without ``set_on`` that its ``agreement`` sets is heard of
    with that agreement, one of *agreements* (those heard of by *at*), or by
    a dated change known by then: "talks on phase two by day 16" of a
    ceasefire is there from the ceasefire's first known step, whether or not
    it was later recorded missed.
    """
    if not is_heard_of(milestone, at, agreements):
        return None
    history, kept = _steps_and_kept(milestone, at)
    revisions = _linked_revisions(milestone.revisions[:kept], statements)
    return _same(
        milestone,
        agreement=milestone.agreement if milestone.agreement in agreements else None,
        deadline=milestone.deadlines[kept],
        revisions=revisions,
        alternatives=_first_of_each(
            _alternative_as_of(a, at) for a in milestone.alternatives if a.stage <= kept
        ),
        history=history,
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
    cuts = [_agreement_cut(a, at) for a in talks.agreements]
    first_known = frozenset(
        a.id
        for a, cut in zip(talks.agreements, cuts, strict=True)
        if heard_of(a.history, at, (), cut[0])
    )
    agreements = tuple(
        a
        for a in (
            agreement_as_of(a, at, statements, rounds, proposals, first_known, cut)
            for a, cut in zip(talks.agreements, cuts, strict=True)
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
        | {u.id for u in talks.ultimatums if is_heard_of(u, at)}
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
