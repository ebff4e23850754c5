"""
The timeline of a record: every dated event, in time order.

:func:`build_timeline` (behind :meth:`Negotiation.timeline
<negotiation_records.Negotiation.timeline>`) turns rounds, proposals, responses,
ultimatums, deadline revisions, deadlines, statements, dated positions and dated
status changes into :class:`TimelineEvent` values.

**The order.**  Events sort by the calendar day they show, then within a day:

* **the day** of a date is that date; of a month or a year, its first day; of
  a datetime, its date in the zone it is shown in (the ``tz`` of
  :func:`build_timeline`, else its own zone) — so "14 July, 01:00 in Kyiv"
  is read as 14 July, as the reader sees it, although it is 13 July in UTC;
* **on one day**, a month or year that starts that day comes first (the longer
  span first), then what is dated to the day, then the timed events in the
  order of their instants, and last the deadlines that fall due at the *end* of
  that day (a date-precision deadline lasts its whole day).  So "14 July 2025"
  comes before "14 July 2025, 09:00", however the zones differ.  A deadline
  at a time has passed at that instant, so it comes before whatever is dated
  at that very instant (an ultimatum expired when its 48 hours ran out).

Timed events on the same day always keep the order of their instants; two
timed events shown in different zones around midnight are ordered by the day
each shows (pass ``tz`` — the command line's ``--tz`` — to read everything in
one zone, where the day order is the order of instants).  With ``tz``, a
deadline of a date falls due, like a timed event, at the last instant of its
day in its own zone, read in ``tz``: "30 September" in New York ends at 23:00
in Chicago, before a walk-out in Houston at 23:30 (without ``tz`` it is the
last event of 30 September, after that walk-out).  It is still shown as its
date, so read in a zone far from its own it may stand among the next day's
events (30 September in New York ends on 1 October in Tokyo).  Two
refinements keep the story readable:

* an event never sorts before what it answers: a response, a status change or a
  deadline revision sorts no earlier than its proposal or ultimatum, and a
  statement cited by a response no earlier than that response's proposal or
  ultimatum (Russia's answer dated only "July 2025" comes after the ultimatum of
  14 July that it answers; it is still shown as ``2025-07``), and a status
  change or a deadline revision no earlier than the one before it in its
  record (an agreement signed at 11:00 and in force "on 26 October" shows
  signed, then in force), and a revision that brought back a record that
  ran out no earlier than the step that says it ran out (a milestone missed
  at 04:00 and extended "on 26 January", that day, shows the miss first),
  and the step that brought it back (pending again, in force again) after
  that revision on the revision's day (the extension, then "pending"),
  and a step that says a record ran out (an ultimatum expired, a milestone
  missed), dated by the day its deadline falls due, after that deadline: the
  deadline passed at the end of that day, and what followed the same day (an
  enforcement) comes after it too; whether a milestone's alternative applied
  comes no earlier than the revision that made the deadline it qualifies
  (Brexit's 22 May, decided on 22 March, after that day's extension), and an
  agreement's entry into force after the steps of its day that made the
  text (signed, then due to enter into force on signature), and a milestone
  an agreement sets after that agreement's first dated step;
* events that sort equal keep the order of :class:`EventKind` (rounds,
  proposals, ultimatums, agreements, milestones, votes, actions, statements,
  responses, positions, status changes, phases, deadline revisions, replaced
  deadlines, alternative deadlines, phase ends, deadlines), then their order
  in the record.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as _dt
import enum
from typing import TYPE_CHECKING, Any, Protocol

import pendulum

from negotiation_records._cause_first import after_making, after_revival
from negotiation_records._closed_words import (
    agreement_closed,
    agreement_closed_at_start,
    milestone_closed,
    ultimatum_closed,
)
from negotiation_records._condition_paths import condition_paths
from negotiation_records._in_words import describe_start
from negotiation_records._query_moments import as_of_instant
from negotiation_records._record import Record, frozen_record
from negotiation_records._revivals import revival_floors
from negotiation_records._timeline_words import (
    QUOTE_LIMIT,
    STANCE_VERBS,
    STATUS_WORDS,
    one_line,
    revised_words,
)
from negotiation_records.actions import Action
from negotiation_records.agreements import Agreement, AgreementStatus
from negotiation_records.conditions import Condition
from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.fields import (
    Choice,
    Maybe,
    MomentKind,
    RecordId,
    Slug,
    Text,
    field,
)
from negotiation_records.history import StatusChange
from negotiation_records.milestones import Milestone, MilestoneStatus
from negotiation_records.parties import Party
from negotiation_records.proposals import Proposal
from negotiation_records.rounds import Round, RoundStatus
from negotiation_records.sources import Statement
from negotiation_records.stances import Response
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
    PartialDate,
    moment_eq_key,
    moment_sort_key,
    moment_text,
    zone_argument,
)
from negotiation_records.ultimatums import Ultimatum, UltimatumStatus
from negotiation_records.votes import Vote


Zone = pendulum.Timezone | pendulum.FixedTimezone


__all__ = ["EventKind", "TimelineEvent", "build_timeline", "timeline_and_place"]


Key = tuple[Any, ...]


class EventKind(enum.Enum):
    """
    What a :class:`TimelineEvent` records.

    The members are listed in the order that breaks ties in a timeline.

    Example:
        >>> EventKind("deadline-revision")
        <EventKind.DEADLINE_REVISION: 'deadline-revision'>
    """

    ROUND = "round"
    """A round of talks: held, scheduled, proposed (at its window's first day)..."""
    PROPOSAL = "proposal"
    """A proposal is made."""
    ULTIMATUM = "ultimatum"
    """An ultimatum is issued."""
    AGREEMENT = "agreement"
    """An agreement is due to enter into force (its ``in_force`` deadline)."""
    MILESTONE = "milestone"
    """A milestone is set."""
    VOTE = "vote"
    """A body votes."""
    ACTION = "action"
    """A party acts (a strike, an exchange, an aid halt...)."""
    STATEMENT = "statement"
    """Someone is quoted."""
    RESPONSE = "response"
    """A party answers a proposal or an ultimatum."""
    POSITION = "position"
    """A party takes a dated stance on a condition."""
    STATUS = "status"
    """
    A proposal, an ultimatum, a round, an agreement, a milestone or the talks
    change status (accepted, expired, signed, ...): one event for each dated
    change of a ``history``.
    """
    PHASE = "phase"
    """A phase of an agreement starts."""
    ALTERNATIVE_DECIDED = "alternative-decided"
    """
    It becomes known whether a conditional deadline of a milestone applies
    (the alternative's ``decided_on``).
    """
    DEADLINE_REVISION = "deadline-revision"
    """An ultimatum's or milestone's deadline or an agreement's expiry is
    extended or cut."""
    REPLACED_DEADLINE = "replaced-deadline"
    """When a deadline that was later replaced would have fallen due."""
    ALTERNATIVE_DEADLINE = "alternative-deadline"
    """A conditional deadline of a milestone."""
    PHASE_END = "phase-end"
    """The end of a phase of an agreement falls due (:attr:`PHASE` is its start)."""
    DEADLINE = "deadline"
    """An ultimatum's or milestone's current deadline, or an agreement's expiry, falls due."""


_RANK = {kind: index for index, kind in enumerate(EventKind)}
_KIND_WIDTH = max(len(kind.value) for kind in EventKind)  # a column in str()
_RAN_OUT: frozenset[Any] = frozenset(
    {UltimatumStatus.EXPIRED, MilestoneStatus.MISSED, AgreementStatus.EXPIRED}
)
_LAST_INSTANT = _dt.timedelta(microseconds=1)  # before a cut-off: its day's last
_DUE_KINDS = frozenset(
    {
        EventKind.DEADLINE,
        EventKind.REPLACED_DEADLINE,
        EventKind.ALTERNATIVE_DEADLINE,
        EventKind.PHASE_END,
    }
)


@frozen_record(kw_only=True, init=False)
class TimelineEvent(Record):
    """
    One dated event of a record, as :meth:`Negotiation.timeline
    <negotiation_records.Negotiation.timeline>` lists it.

    Attributes:
        moment: When it happened (or falls due): a date, a zoned datetime or a
            month or year.
        kind: What happened.
        record_id: The id of the record it belongs to: the proposal,
            ultimatum, agreement or milestone for a response, a status change
            or a deadline (the negotiation's for its own status); the
            condition for a position; the round *number* for a round.
        summary: One line saying what happened, with party names.
        path: Where it is in the record (``"ultimatums[0].responses[0]"``), in the
            notation of :class:`~negotiation_records.ValidationError` paths; in
            a timeline as of a moment, in the record as it stood then.
        party: The id of the party that acted, where there is one (``None``
            for an act of several parties, such as a joint proposal).

    Example:
        >>> event = TimelineEvent(
        ...     moment=pendulum.date(2025, 9, 2),
        ...     kind="deadline",
        ...     record_id="us-ultimatum-2025-07",
        ...     summary="Deadline of ultimatum 'us-ultimatum-2025-07' falls due",
        ...     path="ultimatums[0].deadline",
        ... )
        >>> str(event)
        "2025-09-02  deadline              Deadline of ultimatum 'us-ultimatum-2025-07' falls due"
    """

    moment: Moment = field(MomentKind())
    kind: EventKind = field(Choice(EventKind))
    record_id: str | int = field(RecordId())
    summary: str = field(Text())
    path: str = field(Text())
    party: str | None = field(Maybe(Slug()), default=None)

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            moment: MomentInput,
            kind: EventKind | str,
            record_id: str | int,
            summary: str,
            path: str,
            party: str | None = ...,
        ) -> None: ...

    def __str__(self) -> str:
        kind = self.kind.value
        return f"{moment_text(self.moment):<10}  {kind:<{_KIND_WIDTH}}  {self.summary}"


class Talks(Protocol):
    """What :func:`build_timeline` reads from a record (a ``Negotiation``)."""

    @property
    def parties(self) -> tuple[Party, ...]: ...  # pragma: no cover

    @property
    def conditions(self) -> tuple[Condition, ...]: ...  # pragma: no cover

    @property
    def rounds(self) -> tuple[Round, ...]: ...  # pragma: no cover

    @property
    def proposals(self) -> tuple[Proposal, ...]: ...  # pragma: no cover

    @property
    def ultimatums(self) -> tuple[Ultimatum, ...]: ...  # pragma: no cover

    @property
    def statements(self) -> tuple[Statement, ...]: ...  # pragma: no cover

    @property
    def agreements(self) -> tuple[Agreement, ...]: ...  # pragma: no cover

    @property
    def milestones(self) -> tuple[Milestone, ...]: ...  # pragma: no cover

    @property
    def votes(self) -> tuple[Vote, ...]: ...  # pragma: no cover

    @property
    def actions(self) -> tuple[Action, ...]: ...  # pragma: no cover

    @property
    def id(self) -> str: ...  # pragma: no cover

    @property
    def history(self) -> tuple[StatusChange, ...]: ...  # pragma: no cover


class _Builder:
    """Collects the events of one record, each with its sort key."""

    def __init__(self, talks: Talks, tz: Zone | None = None) -> None:
        self.talks = talks
        self.tz = tz
        self.names = {party.id: party.name for party in talks.parties}
        self.items: list[tuple[Key, int, TimelineEvent]] = []
        self.places: dict[str, int] = {}  # of the status steps in items
        self.statement_floor: dict[str, Key] = {}
        self.agreement_made: dict[str, Key] = {}  # an agreement's first step

    def name(self, party: str) -> str:
        return self.names.get(party, party)

    def key(
        self,
        moment: Moment,
        kind: EventKind | None = None,
        deadline: Deadline | None = None,
    ) -> Key:
        """
        The sort key of *moment* (see the module documentation); a
        date-precision *deadline* falling due, shown in a zone of the
        reader's, at the last instant of its day in its own zone.
        """
        if isinstance(moment, pendulum.DateTime):
            shown = moment
            if self.tz is not None:
                with contextlib.suppress(OverflowError):
                    shown = moment.in_timezone(self.tz)
            day = _dt.date(shown.year, shown.month, shown.day).toordinal()
            instant = moment_sort_key(moment)[0]
            if kind in _DUE_KINDS:  # passed at its instant: before what is dated then
                instant -= _LAST_INSTANT
            return (day, 1, instant)
        if isinstance(moment, PartialDate):
            start, end = moment.start, moment.end
            return (start.toordinal(), 0, start.toordinal() - end.toordinal() - 1)
        if kind in _DUE_KINDS:
            if self.tz is not None and deadline is not None:
                with contextlib.suppress(OverflowError):  # the calendar's last day
                    return self.key(deadline.cutoff - _LAST_INSTANT)
            return (moment.toordinal(), 2, 0)  # due at the end of the day
        return (moment.toordinal(), 0, -1)

    def show(self, moment: Moment) -> str:
        """A moment in a summary: a datetime in the zone asked for, if any."""
        if self.tz is not None and isinstance(moment, pendulum.DateTime):
            with contextlib.suppress(OverflowError):
                moment = moment.in_timezone(self.tz)
        return moment_text(moment)

    def rule(self, deadline: Deadline) -> str:
        """
        A deadline's rule in words (:meth:`Deadline.describe_rule`), a
        deadline at a datetime shown in the zone asked for.  A counting rule's
        start is kept as recorded: its days are counted in that start's zone.
        """
        if deadline.anchor is None and isinstance(deadline.due, pendulum.DateTime):
            return f"on {self.show(deadline.due)}"
        return deadline.describe_rule()

    def start_rule(self, deadline: Deadline) -> str:
        """
        When an agreement enters into force, in words (:func:`describe_start`),
        a counting rule in parentheses; a datetime shown in the zone asked for.
        """
        if deadline.anchor is None:
            return describe_start(deadline, self.show)
        return f"({describe_start(deadline)})"

    def changes(
        self,
        path: str,
        record_id: str | int,
        subject: str,
        history: tuple[StatusChange, ...],
        *,
        floor: Key | None = None,
        skip: Moment | None = None,
        due: tuple[Deadline, ...] = (),
    ) -> dict[int, Key]:
        """
        One event per dated change of *history* (but one dated *skip*, last),
        each sorting no earlier than *floor* nor than the change before it: a
        step dated by its day alone that follows one at a time of that day
        (signed at 11:00, in force on that day) keeps its place after it.  A
        step that says the record ran out, dated by the day one of its
        deadlines *due* (a day) falls due, sorts after that deadline: the
        deadline passed at the end of that day.  The sort keys of the events,
        by their index in *history*.
        """
        keys: dict[int, Key] = {}
        ends = {
            deadline.due: self.key(deadline.due, EventKind.DEADLINE, deadline)
            for deadline in due
            if type(deadline.due) is pendulum.Date
        }
        for index, change in enumerate(history):
            if change.on is None:
                continue
            on = change.on
            end = (
                ends.get(on)
                if type(on) is pendulum.Date and change.status in _RAN_OUT
                else None
            )
            if end is not None:
                after_end = (*end, 1)  # after the deadline's own event
                floor = after_end if floor is None else max(floor, after_end)
            if (
                skip is not None
                and index == len(history) - 1
                and moment_eq_key(change.on) == moment_eq_key(skip)
            ):
                continue
            status = change.status
            word = STATUS_WORDS.get(status) if isinstance(status, enum.Enum) else None
            if word is None:  # back to pending after the first step: "pending again"
                word = str(getattr(status, "value", status)).replace("-", " ")
                word += " again" if index and word == "pending" else ""
            text = f"{subject} {word}"
            if change.by:
                text += f" (by {self.names_of(change.by)})"
            if change.reason:
                text += f": {change.reason}"
            self.places[f"{path}history[{index}]"] = len(self.items)
            floor = keys[index] = self.add(
                change.on,
                EventKind.STATUS,
                record_id,
                text,
                f"{path}history[{index}]",
                party=change.by[0] if len(change.by) == 1 else None,
                floor=floor,
            )
        return keys

    def revived(
        self, path: str, record: Any, steps: dict[int, Key], revised: list[Key]
    ) -> None:
        """The steps back of *record* after the revisions that caused them."""
        for index, key in after_revival(record, steps, revised).items():
            place = self.places[f"{path}.history[{index}]"]
            _, rank, event = self.items[place]
            self.items[place] = (key, rank, event)

    def names_of(self, parties: tuple[str, ...]) -> str:
        names = [self.name(p) for p in parties]
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]

    def add(
        self,
        moment: Moment,
        kind: EventKind,
        record_id: str | int,
        summary: str,
        path: str,
        *,
        party: str | None = None,
        floor: Key | None = None,
        deadline: Deadline | None = None,
    ) -> Key:
        """
        Add an event, sorting no earlier than *floor*; its sort key.  A
        deadline's event (*kind* one that falls due) gives its *deadline*.
        """
        key: Key = self.key(moment, kind, deadline)
        if floor is not None and floor > key:
            key = floor
        event = TimelineEvent(
            moment=moment,
            kind=kind,
            record_id=record_id,
            summary=one_line(summary, 10 * QUOTE_LIMIT),
            path=path,
            party=party,
        )
        self.items.append((key, _RANK[kind], event))
        return key

    def build(self) -> tuple[TimelineEvent, ...]:
        talks = self.talks
        for index, rnd in enumerate(talks.rounds):
            self.round(f"rounds[{index}]", rnd)
        for index, proposal in enumerate(talks.proposals):
            self.proposal(f"proposals[{index}]", proposal)
        for index, ultimatum in enumerate(talks.ultimatums):
            self.ultimatum(f"ultimatums[{index}]", ultimatum)
        for index, statement in enumerate(talks.statements):
            self.statement(f"statements[{index}]", statement)
        for index, agreement in enumerate(talks.agreements):
            self.agreement(f"agreements[{index}]", agreement)
        for index, milestone in enumerate(talks.milestones):
            self.milestone(f"milestones[{index}]", milestone)
        for index, vote in enumerate(talks.votes):
            self.vote(f"votes[{index}]", vote)
        for index, action in enumerate(talks.actions):
            self.action(f"actions[{index}]", action)
        for path, condition in condition_paths(self.talks):
            self.positions(path, condition)
        self.changes("", talks.id, "Talks", talks.history)
        self.items.sort(key=lambda item: (item[0], item[1]))  # stable: record order
        return tuple(event for _, _, event in self.items)

    # one method per kind of record ------------------------------------------------

    def round(self, path: str, rnd: Round) -> None:
        when = rnd.when
        if when is None:  # no event of its own; its dated changes still count
            self.changes(f"{path}.", rnd.number, f"Round {rnd.number}", rnd.history)
            return
        text = f"Round {rnd.number} {rnd.status.value}"
        cancelled = rnd.status is RoundStatus.CANCELLED
        if cancelled:  # on its planned day, not cancelled then
            text = f"Round {rnd.number} (cancelled) was to be held"
        if rnd.location:
            text += f" in {rnd.location}"
        if rnd.starts is not None:
            if rnd.ends is not None and moment_eq_key(rnd.ends) != moment_eq_key(
                rnd.starts
            ):
                text += f", to {self.show(rnd.ends)}"
        else:  # dated by its window alone
            text += f" {'within' if cancelled else 'for'} {rnd.window}"
        if rnd.summary:
            text += f": {rnd.summary}"
        self.add(when, EventKind.ROUND, rnd.number, text, path)
        self.changes(
            f"{path}.", rnd.number, f"Round {rnd.number}", rnd.history, skip=when
        )

    def proposal(self, path: str, proposal: Proposal) -> None:
        proposers = proposal.proposed_by
        text = f"{self.names_of(proposers)} propose" + (
            "s" if len(proposers) == 1 else ""
        )
        if proposal.addressed_to:
            text += f" to {self.names_of(proposal.addressed_to)}"
        if proposal.counter_to is not None:
            text += f" (countering proposal {proposal.counter_to!r})"
        text += f": {proposal.summary}"
        self.add(
            proposal.made_on,
            EventKind.PROPOSAL,
            proposal.id,
            text,
            path,
            party=proposers[0] if len(proposers) == 1 else None,
        )
        floor = self.key(proposal.made_on)
        label = f"proposal {proposal.id!r}"
        self.responses(path, proposal.id, label, proposal.responses, floor)
        self.changes(
            f"{path}.",
            proposal.id,
            f"Proposal {proposal.id!r}",
            proposal.history,
            floor=floor,
        )

    def responses(
        self,
        path: str,
        record_id: str,
        label: str,
        responses: tuple[Response, ...],
        floor: Key,
    ) -> None:
        for index, response in enumerate(responses):
            verb = STANCE_VERBS[response.stance]
            text = f"{self.name(response.party)} {verb} {label}"
            if response.text:
                text += f": {response.text}"
            self.add(
                response.on,
                EventKind.RESPONSE,
                record_id,
                text,
                f"{path}.responses[{index}]",
                party=response.party,
                floor=floor,
            )
            if response.statement is not None:
                known = self.statement_floor.get(response.statement)
                if known is None or floor > known:
                    self.statement_floor[response.statement] = floor

    def ultimatum(self, path: str, ultimatum: Ultimatum) -> None:
        uid = ultimatum.id
        issuer = ultimatum.issued_by
        deadlines = ultimatum.deadlines
        demand = (
            ultimatum.demand.text
            if isinstance(ultimatum.demand, Condition)
            else ultimatum.demand
        )
        text = f"{self.name(issuer)} issues an ultimatum"
        if ultimatum.addressed_to:
            text += f" to {self.names_of(ultimatum.addressed_to)}"
        text += f": {demand} (due {self.show(deadlines[0].due)})"
        self.add(
            ultimatum.issued_at, EventKind.ULTIMATUM, uid, text, path, party=issuer
        )
        floor = self.key(ultimatum.issued_at)
        label = f"the ultimatum {uid!r}"
        self.responses(path, uid, label, ultimatum.responses, floor)
        steps = self.changes(
            f"{path}.",
            uid,
            f"Ultimatum {uid!r}",
            ultimatum.history,
            floor=floor,
            due=deadlines,
        )
        floors = revival_floors(ultimatum, steps)
        after = floor  # each revision sorts no earlier than the one before it
        revised: list[Key] = []
        for index, revision in enumerate(ultimatum.revisions):
            here = f"{path}.revisions[{index}]"
            after = max(after, floors[index]) if index in floors else after
            old, new = revision.previous, deadlines[index + 1]
            after = self.add(
                revision.revised_on,
                EventKind.DEADLINE_REVISION,
                uid,
                revised_words(
                    f"Deadline of ultimatum {uid!r}", old, new, revision, self.show
                ),
                here,
                party=issuer,
                floor=after,
            )
            revised.append(after)
            if new != old:  # a deadline kept as it was was not replaced
                self.add(
                    old.due,
                    EventKind.REPLACED_DEADLINE,
                    uid,
                    f"Replaced deadline of ultimatum {uid!r} ({self.rule(old)}; replaced on "
                    f"{self.show(revision.revised_on)})",
                    f"{here}.previous",
                    party=issuer,
                    deadline=old,
                )
        self.revived(path, ultimatum, steps, revised)
        text = (
            f"Deadline of ultimatum {uid!r} falls due ({self.rule(ultimatum.deadline)})"
        )
        text += ultimatum_closed(ultimatum)
        self.add(
            ultimatum.deadline.due,
            EventKind.DEADLINE,
            uid,
            text,
            f"{path}.deadline",
            party=issuer,
            deadline=ultimatum.deadline,
        )

    def revisions(  # noqa: PLR0917 - one per part of the event
        self,
        path: str,
        record_id: str,
        label: str,
        revisions: tuple[DeadlineRevision, ...],
        deadlines: tuple[Deadline, ...],
        floor: Key | None,
        floors: dict[int, Key],
    ) -> list[Key]:
        """
        The revisions of a milestone's deadline or an agreement's expiry, each
        sorting no earlier than *floor* nor than the revision before it, and
        from index *i* of *floors* on, no earlier than its key; the sort keys
        of the revisions' events.
        """
        keys: list[Key] = []
        for index, revision in enumerate(revisions):
            here = f"{path}.revisions[{index}]"
            if index in floors:
                floor = floors[index] if floor is None else max(floor, floors[index])
            old, new = revision.previous, deadlines[index + 1]
            floor = self.add(
                revision.revised_on,
                EventKind.DEADLINE_REVISION,
                record_id,
                revised_words(label, old, new, revision, self.show),
                here,
                floor=floor,
            )
            keys.append(floor)
            if new != old:  # a deadline kept as it was was not replaced
                self.add(
                    old.due,
                    EventKind.REPLACED_DEADLINE,
                    record_id,
                    f"Replaced: {label} ({self.rule(old)}; replaced on "
                    f"{self.show(revision.revised_on)})",
                    f"{here}.previous",
                    deadline=old,
                )
        return keys

    def agreement(self, path: str, agreement: Agreement) -> None:
        aid = agreement.id
        first = agreement.first_dated
        floor = None if first is None else self.key(first)
        steps = self.changes(
            f"{path}.",
            aid,
            f"Agreement {aid!r}",
            agreement.history,
            due=agreement.expiries,
        )
        if steps:  # what a milestone it sets follows (the first dated step)
            self.agreement_made.setdefault(aid, (*steps[min(steps)], 1))
        if agreement.in_force is not None:
            self.add(
                agreement.in_force.due,
                EventKind.AGREEMENT,
                aid,
                f"Agreement {aid!r} due to enter into force "
                f"{self.start_rule(agreement.in_force)}"
                + agreement_closed(agreement, agreement.in_force),
                f"{path}.in_force",
                floor=after_making(agreement, steps, self.key(agreement.in_force.due)),
            )
        for index, phase in enumerate(agreement.phases):
            here = f"{path}.phases[{index}]"
            if phase.starts is not None:
                text = f"{phase.name} of agreement {aid!r} starts"
                if phase.obligations:
                    text += ": " + "; ".join(phase.obligations)
                text += agreement_closed_at_start(agreement, phase.starts)
                self.add(phase.starts, EventKind.PHASE, aid, text, here)
            if phase.ends is not None:
                self.add(
                    phase.ends.due,
                    EventKind.PHASE_END,
                    aid,
                    f"{phase.name} of agreement {aid!r} ends ({self.rule(phase.ends)})"
                    + agreement_closed(agreement, phase.ends, phase=True),
                    f"{here}.ends",
                    deadline=phase.ends,
                )
        if agreement.expires is not None:
            revised = self.revisions(
                path,
                aid,
                f"Expiry of agreement {aid!r}",
                agreement.revisions,
                agreement.expiries,
                floor,
                revival_floors(agreement, steps),
            )
            self.revived(path, agreement, steps, revised)
            self.add(
                agreement.expires.due,
                EventKind.DEADLINE,
                aid,
                f"Agreement {aid!r} expires ({self.rule(agreement.expires)})"
                + agreement_closed(agreement, agreement.expires),
                f"{path}.expires",
                deadline=agreement.expires,
            )

    def milestone(self, path: str, milestone: Milestone) -> None:
        mid = milestone.id
        deadlines = milestone.deadlines
        # set by an agreement: no earlier than that agreement's first step
        floor = self.agreement_made.get(milestone.agreement or "")
        if milestone.set_on is not None:
            text = f"Milestone {mid!r} set: {milestone.title} (due {self.show(deadlines[0].due)})"
            if milestone.set_by:
                text += f" by {self.names_of(milestone.set_by)}"
            floor = self.add(
                milestone.set_on,
                EventKind.MILESTONE,
                mid,
                text,
                path,
                party=milestone.set_by[0] if len(milestone.set_by) == 1 else None,
                floor=floor,
            )
        steps = self.changes(
            f"{path}.",
            mid,
            f"Milestone {mid!r}",
            milestone.history,
            floor=floor,
            due=milestone.deadlines,
        )
        revised = self.revisions(
            path,
            mid,
            f"Deadline of milestone {mid!r}",
            milestone.revisions,
            deadlines,
            floor,
            revival_floors(milestone, steps),
        )
        self.revived(path, milestone, steps, revised)
        for index, alternative in enumerate(milestone.alternatives):
            # known no earlier than the deadline it qualifies was set: after
            # the revision that made it (a decision of that day follows it)
            stage = alternative.stage
            made = (*revised[stage - 1], 1) if 0 < stage <= len(revised) else floor
            text = (
                f"Alternative deadline of milestone {mid!r} {alternative.condition} "
                f"({self.rule(alternative.deadline)})"
            )
            if alternative.applied is not None:
                text += "; it applied" if alternative.applied else "; it did not apply"
            text += milestone_closed(milestone, alternative.deadline)
            self.add(
                alternative.deadline.due,
                EventKind.ALTERNATIVE_DEADLINE,
                mid,
                text,
                f"{path}.alternatives[{index}]",
                deadline=alternative.deadline,
            )
            if alternative.decided_on is not None:
                self.add(
                    alternative.decided_on,
                    EventKind.ALTERNATIVE_DECIDED,
                    mid,
                    f"Alternative deadline of milestone {mid!r} {alternative.condition} "
                    f"({self.rule(alternative.deadline)}) "
                    + ("applies" if alternative.applied else "does not apply"),
                    f"{path}.alternatives[{index}].decided_on",
                    floor=made,
                )
        self.add(
            milestone.deadline.due,
            EventKind.DEADLINE,
            mid,
            f"Deadline of milestone {mid!r} falls due: {milestone.title} "
            f"({self.rule(milestone.deadline)})"
            + milestone_closed(milestone, milestone.deadline),
            f"{path}.deadline",
            deadline=milestone.deadline,
        )

    def vote(self, path: str, vote: Vote) -> None:
        text = f"{vote.body} votes on {vote.question}: {vote.result.value}"
        counts = [  # 6,377,482 as messages write counts
            f"{n:,} {word}"
            for n, word in (
                (vote.yes, "for"),
                (vote.no, "against"),
                (vote.abstain, "abstaining"),
            )
            if n is not None
        ]
        if counts:
            text += " (" + ", ".join(counts) + ")"
        self.add(vote.on, EventKind.VOTE, vote.id, text, path, party=vote.party)

    def action(self, path: str, action: Action) -> None:
        # the PLOVER verb, said of one actor or of several: "aids", "aid"
        verb = action.kind.value + ("s" if len(action.by) == 1 else "")
        text = f"{self.names_of(action.by)} {verb}"
        if action.toward:
            text += f" ({self.names_of(action.toward)})"
        if action.mode:
            text += f", {action.mode}"
        text += f": {action.summary}"
        if action.ends is not None:
            text += f" (until {self.show(action.ends)})"
        self.add(
            action.on,
            EventKind.ACTION,
            action.id,
            text,
            path,
            party=action.by[0] if len(action.by) == 1 else None,
        )

    def statement(self, path: str, statement: Statement) -> None:
        speaker = statement.speaker
        if statement.party is not None:
            speaker += f" ({self.name(statement.party)})"
        if statement.verbatim:
            text = f"{speaker}: “{one_line(statement.text)}”"
        else:  # a paraphrase: the source's words, not a quote
            text = f"{speaker}, paraphrased: {one_line(statement.text)}"
        self.add(
            statement.said_on,
            EventKind.STATEMENT,
            statement.id,
            text,
            path,
            party=statement.party,
            floor=self.statement_floor.get(statement.id),
        )

    def positions(self, path: str, condition: Condition) -> None:
        for index, position in enumerate(condition.positions):
            if position.on is None:
                continue
            text = (
                f"{self.name(position.party)} {STANCE_VERBS[position.stance]} "
                f"{condition.id!r}: {condition.text}"
            )
            self.add(
                position.on,
                EventKind.POSITION,
                condition.id,
                text,
                f"{path}.positions[{index}]",
                party=position.party,
            )


def build_timeline(
    talks: Talks, tz: _dt.tzinfo | str | None = None
) -> tuple[TimelineEvent, ...]:
    """
    Every dated event of *talks* (a ``Negotiation``), in time order.

    See the module documentation above for the order.  What has no date is
    left out: an undated position or status change, and the event of a round
    with neither a start nor a window (its dated status changes are listed:
    a round scheduled, postponed and then cancelled shows all three).  With
    *tz* (an IANA name or a zone, as
    :func:`~negotiation_records.timeutil.zone_argument` takes it), the moments
    written inside the summaries ("due 2025-09-02T...", a deadline "on" a
    datetime, an entry into force) are shown in that zone, except the start of
    a counting rule ("90 days after 2025-05-14T00:01:00-04:00"), whose days
    are counted in its own zone; the events' own ``moment`` is kept as
    recorded.  Anything else (a
    number, which pendulum would read as hours) is a
    :class:`~negotiation_records.ValidationError` at ``tz``.

    Example:
        >>> from negotiation_records.timeline import build_timeline
        >>> issued = pendulum.date(2025, 7, 14)
        >>> talks = Negotiation(
        ...     id="t", title="T",
        ...     parties=[Party(id="us", name="United States", kind="state"),
        ...              Party(id="ru", name="Russia", kind="state")],
        ...     ultimatums=[Ultimatum(
        ...         id="u", issued_by="us", addressed_to=["ru"], issued_at=issued,
        ...         demand="Ceasefire", deadline=Deadline.after(issued, days=50))],
        ... )
        >>> for event in build_timeline(talks):
        ...     print(event)
        2025-07-14  ultimatum             United States issues an ultimatum to Russia: Ceasefire (due 2025-09-02)
        2025-09-02  deadline              Deadline of ultimatum 'u' falls due (50 days after 2025-07-14)
    """
    return _Builder(talks, zone_argument(tz)).build()


def timeline_and_place(
    talks: Talks, at: Moment | _dt.date, tz: _dt.tzinfo | str | None = None
) -> tuple[tuple[TimelineEvent, ...], int]:
    """
    The timeline of *talks* (:func:`build_timeline`, with *tz*) and how many
    of its events sort at or before *at*: where a row for *at* goes (the
    command line's ``timeline --at``), by the timeline's own order.

    *at* is read as a timed event at the instant the deadline queries read it
    (:func:`~negotiation_records.as_of_instant`: a date is the start
    of that day in UTC), so the row stands among the events as such an event
    would: after what happened at that very instant (a deadline the queries
    call "passed just now"), before a date deadline that the timeline shows
    at the end of its day.  Give *talks* as it stood at *at* (its
    :meth:`~negotiation_records.Negotiation.as_of`), as the command does.

    Example:
        >>> from negotiation_records.timeline import timeline_and_place
        >>> issued = pendulum.date(2025, 7, 14)
        >>> talks = Negotiation(
        ...     id="t", title="T",
        ...     parties=[Party(id="us", name="United States", kind="state"),
        ...              Party(id="ru", name="Russia", kind="state")],
        ...     ultimatums=[Ultimatum(
        ...         id="u", issued_by="us", addressed_to=["ru"], issued_at=issued,
        ...         demand="Ceasefire", deadline=Deadline.after(issued, days=50))],
        ... )
        >>> at = pendulum.datetime(2025, 9, 2, 12)  # noon on the due day, UTC
        >>> events, place = timeline_and_place(talks.as_of(at), at)
        >>> [e.kind.value for e in events[:place]], [e.kind.value for e in events[place:]]
        (['ultimatum'], ['deadline'])
    """
    builder = _Builder(talks, zone_argument(tz))
    events = builder.build()
    key = builder.key(as_of_instant(at))
    return events, bisect.bisect_right([item[0] for item in builder.items], key)
