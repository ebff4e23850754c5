"""
The whole record of one set of talks, checked as a whole.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attrs

from negotiation_records import _lookup
from negotiation_records._argument_problems import ArgumentProblems
from negotiation_records._record import Record, frozen_record
from negotiation_records._references import References
from negotiation_records._values import short_repr
from negotiation_records._whole_record import Checker
from negotiation_records.actions import Action
from negotiation_records.agreements import Agreement
from negotiation_records.conditions import Condition
from negotiation_records.errors import RecordNotFoundError, ValidationError
from negotiation_records.fields import (
    INIT_ONLY,
    KEY_UNTIL,
    Many,
    Maybe,
    Nested,
    Slug,
    Text,
    field,
)
from negotiation_records.history import (
    History,
    StatusChange,
    current_status,
    history_problems,
    history_until,
    next_history,
    status_at,
    take_status_arguments,
)
from negotiation_records.milestones import Milestone
from negotiation_records.parties import Party
from negotiation_records.proposals import Proposal
from negotiation_records.rounds import Round
from negotiation_records.sources import Source, Statement
from negotiation_records.timeutil import (
    Moment,
    Period,
    is_known_by,
    moment_argument,
    zone_argument,
)
from negotiation_records.ultimatums import Ultimatum
from negotiation_records.votes import Vote


if TYPE_CHECKING:
    # The time queries are loaded by the methods that answer them (first use):
    # building, loading and checking records does not need them.
    from negotiation_records.queries import (
        DeadlineEntry,
        PartyPositions,
        UltimatumDeadline,
    )
    from negotiation_records.timeline import TimelineEvent

__all__ = ["STATUS_STEPS", "Negotiation", "NegotiationStatus"]

T = TypeVar("T")


class NegotiationStatus(enum.Enum):
    """
    Where the talks as a whole stand.

    Example:
        >>> NegotiationStatus("stalled")
        <NegotiationStatus.STALLED: 'stalled'>
    """

    ACTIVE = "active"
    STALLED = "stalled"
    SUSPENDED = "suspended"
    CONCLUDED = "concluded"
    COLLAPSED = "collapsed"


#: The status changes the talks' history may take: any change to another
#: status (version 1 had no rule for the talks' status).
#: Each key is a status, its value the statuses a step may lead to from it;
#: a status that is not a key is final.
STATUS_STEPS: dict[NegotiationStatus, frozenset[NegotiationStatus]] = {
    status: frozenset(NegotiationStatus) - {status} for status in NegotiationStatus
}


@frozen_record(kw_only=True, init=False)
class Negotiation(Record, _lookup.Indexed):
    """
    The whole record of one set of talks.

    On construction a negotiation checks what no single record can, and reports
    **every** problem in one :class:`~negotiation_records.ValidationError`:
    ids are unique within their collection, round numbers are unique, every party
    id, round number, proposal id, statement id and source id that is referenced
    exists, a proposal made in round N is dated inside that round when both
    dates are known, and a counter-proposal or a vote is not dated before what
    it answers or is on (see the concepts page for every rule).

    Attributes:
        id: Slug of the negotiation.
        title: Its name ("Russia–Ukraine peace talks, 2025").
        parties: Everyone at or around the table.
        conditions: Standing terms that belong to no proposal (e.g. a party's
            demands stated in public).
        rounds: Meetings, by number.
        proposals: What was put on the table.
        ultimatums: Demands with deadlines.
        statements: Quotes.
        agreements: Texts the parties reached (:class:`~negotiation_records.Agreement`).
        milestones: Deadlines no one issued as a threat
            (:class:`~negotiation_records.Milestone`).
        votes: Bodies deciding on texts (:class:`~negotiation_records.Vote`).
        actions: Dated acts (:class:`~negotiation_records.Action`).
        sources: Where the facts come from.
        history: Every change of the talks' status, oldest first (see
            :mod:`negotiation_records.history`); :attr:`status`,
            :attr:`status_on` and :meth:`status_at` read it.  The constructor
            also takes ``status=`` and ``status_on=``, folded into the history.
        notes: Free notes about the record (optional).

    Example:
        >>> talks = Negotiation(
        ...     id="talks",
        ...     title="Example talks",
        ...     parties=[
        ...         Party(id="north", name="North", kind="state"),
        ...         Party(id="south", name="South", kind="state"),
        ...     ],
        ...     proposals=[
        ...         Proposal(id="p-1", proposed_by="north", addressed_to=["sout"],
        ...                  made_on=pendulum.date(2025, 7, 1), summary="Meet"),
        ...     ],
        ... )
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: proposals[0].addressed_to[0]: unknown party 'sout'
    """

    _versioned: ClassVar[bool] = True  # written with its schema_version
    _checks_references: ClassVar[bool] = True  # see _problems

    id: str = field(Slug())
    title: str = field(Text())
    parties: tuple[Party, ...] = field(Many(Nested(Party)), default=())
    conditions: tuple[Condition, ...] = field(Many(Nested(Condition)), default=())
    rounds: tuple[Round, ...] = field(Many(Nested(Round)), default=())
    proposals: tuple[Proposal, ...] = field(Many(Nested(Proposal)), default=())
    ultimatums: tuple[Ultimatum, ...] = field(Many(Nested(Ultimatum)), default=())
    statements: tuple[Statement, ...] = field(Many(Nested(Statement)), default=())
    agreements: tuple[Agreement, ...] = field(
        Many(Nested(Agreement)), default=(), since=2
    )
    milestones: tuple[Milestone, ...] = field(
        Many(Nested(Milestone)), default=(), since=2
    )
    votes: tuple[Vote, ...] = field(Many(Nested(Vote)), default=(), since=2)
    actions: tuple[Action, ...] = field(Many(Nested(Action)), default=(), since=2)
    sources: tuple[Source, ...] = field(Many(Nested(Source)), default=())
    history: tuple[StatusChange[NegotiationStatus], ...] = field(
        History(NegotiationStatus), default=(), since=2
    )
    notes: str | None = field(Maybe(Text()), default=None)
    # Init-only (version-1 code): folded into ``history``, then None.
    _status_given: NegotiationStatus | str | None = attrs.field(
        default=None,
        alias="status",
        eq=False,
        repr=False,
        metadata={INIT_ONLY: True, KEY_UNTIL: 1},
    )
    _status_on_given: Moment | _dt.date | None = attrs.field(
        default=None,
        alias="status_on",
        eq=False,
        repr=False,
        metadata={INIT_ONLY: True},  # of the constructor: version 1 wrote none
    )

    _init_only: ClassVar[bool] = True

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            id: str,  # noqa: A002 - the field's name
            title: str,
            parties: Iterable[Party] = ...,
            conditions: Iterable[Condition] = ...,
            rounds: Iterable[Round] = ...,
            proposals: Iterable[Proposal] = ...,
            ultimatums: Iterable[Ultimatum] = ...,
            statements: Iterable[Statement] = ...,
            agreements: Iterable[Agreement] = ...,
            milestones: Iterable[Milestone] = ...,
            votes: Iterable[Vote] = ...,
            actions: Iterable[Action] = ...,
            sources: Iterable[Source] = ...,
            history: Iterable[StatusChange] = ...,
            notes: str | None = ...,
            status: NegotiationStatus | str | None = ...,
            status_on: Moment | _dt.date | None = ...,
        ) -> None: ...

    def _take_init_only(self) -> dict[str, str]:
        return take_status_arguments(self, NegotiationStatus.ACTIVE)

    @property
    def status(self) -> NegotiationStatus:
        """Where the talks stand now: the last change of :attr:`history` (else active)."""
        return current_status(self.history, NegotiationStatus.ACTIVE)

    @property
    def status_on(self) -> Moment | None:
        """When the status last changed (``None``: no change, or undated)."""
        return self.history[-1].on if self.history else None

    def status_at(self, at: Moment | _dt.date) -> NegotiationStatus:
        """
        The talks' status in force at *at*: the last change known by then (an
        undated change counts once the change before it does, the first
        always; a month or year once it has passed, or
        once a later change is known).
        A naive datetime, text or any other value that is not a moment is a
        :class:`~negotiation_records.ValidationError` at ``at`` (as for
        :meth:`Negotiation.as_of <negotiation_records.Negotiation.as_of>`).
        """
        return status_at(self.history, NegotiationStatus.ACTIVE, at)  # type: ignore[no-any-return]

    def with_status(
        self,
        status: NegotiationStatus | str,
        *,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Negotiation:
        """
        A copy whose talks changed to *status* (on *on*, by the parties *by*,
        for *reason*): one more step of :attr:`history`, checked against
        ``STATUS_STEPS`` (an :class:`~negotiation_records.IllegalTransitionError`
        for a step it does not allow, as for the other records; a value that
        names no status is a :class:`~negotiation_records.ValidationError` at
        ``status``).

        Example:
            >>> talks = Negotiation(id="t", title="T")
            >>> stalled = talks.with_status("stalled", on=pendulum.date(2025, 6, 2))
            >>> stalled.status, str(stalled.status_on)
            (<NegotiationStatus.STALLED: 'stalled'>, '2025-06-02')
        """
        history = next_history(
            f"negotiation {self.id!r}",
            NegotiationStatus,
            STATUS_STEPS,
            self,
            status,
            on=on,
            by=by,
            reason=reason,
            sources=sources,
        )
        return attrs.evolve(self, history=history)

    # --- whole-record validation ------------------------------------------------

    def _problems(
        self, references: References | None = None
    ) -> Iterable[tuple[str, str]]:
        # *references*: those the compiled loader noted as it read the records
        # (see _references); when all are known, the walk over the whole
        # record that would find unknown ones is skipped.
        if self.history:  # an empty history has no problems to look for
            yield from history_problems(
                "negotiation",
                self.history,
                NegotiationStatus.ACTIVE,
                STATUS_STEPS,
                start=None,
                start_name="negotiation",
            )
        checker = Checker(self)
        known = references is not None and checker.knows(references)
        yield from checker.problems(references_known=known)

    # --- lookups ------------------------------------------------------------------

    def party(self, id: str) -> Party:  # noqa: A002 - the field is called id
        """
        The party with this id, or :class:`~negotiation_records.RecordNotFoundError`.

        This and the other lookups by key (:meth:`round`, :meth:`proposal`,
        :meth:`condition`, ...) take constant time once a record is asked
        often: the first fifteen lookups of a collection search it, and the
        sixteenth indexes it, once per record (building a record never pays
        for it, and a record asked a few questions pays what searches cost).  A record made by :meth:`as_of` or ``attrs.evolve`` has its
        own index; one made by a ``with_*`` method inherits its parent's, with
        the change.

        Example:
            >>> talks = Negotiation(id="t", title="T", parties=[
            ...     Party(id="russia", name="Russia", kind="state")])
            >>> talks.party("russia").name
            'Russia'
            >>> talks.party("rusia")
            Traceback (most recent call last):
            ...
            negotiation_records.errors.RecordNotFoundError: no party 'rusia' (did you mean 'russia'?; known: 'russia')
        """
        found: Party = _lookup.find(self, "parties", id, "party")
        return found

    def round(self, number: int) -> Round:
        """The round with this number, or :class:`RecordNotFoundError`."""
        found: Round = _lookup.find(self, "rounds", number, "round")
        return found

    def proposal(self, id: str) -> Proposal:  # noqa: A002
        """The proposal with this id, or :class:`RecordNotFoundError`."""
        found: Proposal = _lookup.find(self, "proposals", id, "proposal")
        return found

    def ultimatum(self, id: str) -> Ultimatum:  # noqa: A002
        """The ultimatum with this id, or :class:`RecordNotFoundError`."""
        found: Ultimatum = _lookup.find(self, "ultimatums", id, "ultimatum")
        return found

    def condition(self, id: str) -> Condition:  # noqa: A002
        """
        The condition with this id — a standing condition, a proposal's term, an
        ultimatum's demand or an agreement's provision — or
        :class:`RecordNotFoundError`.
        """
        return _lookup.find_condition(self, id)

    def statement(self, id: str) -> Statement:  # noqa: A002
        """The statement with this id, or :class:`RecordNotFoundError`."""
        found: Statement = _lookup.find(self, "statements", id, "statement")
        return found

    def agreement(self, id: str) -> Agreement:  # noqa: A002
        """The agreement with this id, or :class:`RecordNotFoundError`."""
        found: Agreement = _lookup.find(self, "agreements", id, "agreement")
        return found

    def milestone(self, id: str) -> Milestone:  # noqa: A002
        """The milestone with this id, or :class:`RecordNotFoundError`."""
        found: Milestone = _lookup.find(self, "milestones", id, "milestone")
        return found

    def vote(self, id: str) -> Vote:  # noqa: A002
        """The vote with this id, or :class:`RecordNotFoundError`."""
        found: Vote = _lookup.find(self, "votes", id, "vote")
        return found

    def action(self, id: str) -> Action:  # noqa: A002
        """The action with this id, or :class:`RecordNotFoundError`."""
        found: Action = _lookup.find(self, "actions", id, "action")
        return found

    def source(self, id: str) -> Source:  # noqa: A002
        """The source with this id, or :class:`RecordNotFoundError`."""
        found: Source = _lookup.find(self, "sources", id, "source")
        return found

    def find_party(self, name: str) -> Party:
        """
        The party whose name or alias is *name* ("Kyiv", "the Kremlin"), or
        :class:`RecordNotFoundError`.

        Names compare as :meth:`Party.known_as <negotiation_records.Party.known_as>`
        compares them (case and surrounding spaces aside).  A name that is
        one party's own name and another's alias ("Washington", the name of
        a group and an alias of the United States) finds the party so named;
        one that several parties are known by otherwise (two parties named
        "Georgia", an alias shared) is not guessed: it is a
        :class:`~negotiation_records.ValidationError` at ``name`` naming them,
        to be looked up by id with :meth:`party`.
        """
        found = _lookup.parties_known_as(self, name)
        if len(found) > 1:
            named = [party for party in found if party.named(name)]
            if len(named) == 1:
                return named[0]
            ids = ", ".join(repr(party.id) for party in found)
            raise ValidationError(
                [
                    (
                        "name",
                        f"{short_repr(name)} names several parties ({ids}): "
                        "look the one meant up by its id",
                    )
                ]
            )
        if found:
            return found[0]
        raise RecordNotFoundError(
            "party named", name, [n for p in self.parties for n in (p.name, *p.aliases)]
        )

    def all_conditions(self) -> Iterator[Condition]:
        """
        Every condition: standing ones, then proposals' terms, then ultimatums'
        demands, then agreements' provisions.
        """
        yield from self.conditions
        for proposal in self.proposals:
            yield from proposal.terms
        for ultimatum in self.ultimatums:
            if isinstance(ultimatum.demand, Condition):
                yield ultimatum.demand
        for agreement in self.agreements:
            yield from agreement.provisions

    # --- time queries (implemented in negotiation_records.queries/.timeline) ------

    def as_of(self, at: Moment | _dt.date) -> Negotiation:
        """
        The record as it stood at *at*: what was known then, and nothing later.

        * records not yet heard of at *at* are left out: a proposal made or
          an ultimatum issued later, a statement said later, a round of which
          none of its dated status changes that are known by then, nor the
          start and window it held then, is known, an agreement none of whose
          dated status changes is known then, a milestone whose ``set_on`` is
          not known and none of whose dated status changes is, a vote or an
          action later.  What comes after a record shows it was there: a
          dated step of its history known by *at* keeps it, and so, for a
          record with a date of its own (``made_on``, ``issued_at``,
          ``set_on``), does a response or a deadline revision known by then
          (a proposal made at noon on 13 July and accepted, or answered, "on
          13 July"; an ultimatum issued "in July" and rejected on 18 July).
          A response or a revision does not date a record (a milestone with
          no other date is there before its revision); an agreement, whose
          only dates are its steps, is known by them alone;
        * histories, responses, positions and deadline revisions are cut at
          *at*; each ultimatum's and milestone's deadline and each agreement's
          expiry is the one in force then, a milestone's alternatives are cut
          to those deadlines (and "applied" only once decided), and a round
          not yet held has no outcomes; a round keeps only its latest dates,
          so one scheduled or postponed after *at* (or held after a
          postponement) has none then (nor the location a later scheduling,
          or the window a later postponement, may have set);
        * a known step is evidence of what it needed: an ultimatum or an
          agreement ``expired``, or a milestone ``missed``, only once one of
          its deadlines had passed; where by then only a deadline set by a
          revision had, that revision had been made, so the revisions up to
          it stay (in their order, the deadline in force the last one set)
          even where their own dates are not known yet (a month not over, a
          later hour of the day): cut "in July" to 15 July and expired on 20
          July, an ultimatum reads cut and expired as of 25 July, its
          deadline 15 July, and the deadline queries read it so;
        * a date or a datetime counts once it has come (a day-precision moment
          from the start of its day); a month or a year (``2025-07``) only once
          its **whole** span has passed, so a snapshot never shows what may not
          have happened yet.  An undated position counts always, an
          undated status change once the change before it does (the first
          always), but for a round's undated ``held`` step, which counts
          from the round's start (the date :meth:`Round.hold
          <negotiation_records.Round.hold>` gives it), and an ultimatum's or an
          agreement's ``expired`` or a milestone's ``missed`` step, undated or
          dated, which counts, with the steps after it, only once a deadline
          has run out for it — passed while still in force (one extended or cut
          before it passed never ran out; a record revived by a revision runs
          out again only when the new deadline passes): a round is not held
          before it starts, nor does a deadline run out before it passes.  An
          ultimatum marked expired on its due day (``expire(on=`` a date ``)``)
          is pending all that day, until its deadline passes, here and in the
          deadline queries alike; what is left of its history (and the
          revisions only the held-back step showed) is read again by its own
          dates, and a record known by such a step alone is left out until then
          (:doc:`/concepts`, "What was known when").  See
          :func:`~negotiation_records.timeutil.is_known_by`.

        Parties (a representative who took the role, or a member that
        joined, after *at* left out; a role or a membership that ended after
        *at* still open), standing conditions (with their positions cut) and
        sources stay.  A link to a record left out is dropped, so that the snapshot is
        a valid record: a proposal's ``round`` and ``counter_to``, an
        agreement's ``round``, ``from_proposal``, ``amends`` and
        ``supersedes``, a milestone's ``agreement``, a vote's ``subject``, and
        the ``statement`` of a response, a position or a deadline revision.
        Where that (or a milestone alternative not decided yet) makes two
        responses, positions or alternatives of one list alike, the first
        stays and the later copies are left out: a list holds each once.
        Every query —
        :meth:`timeline`, :meth:`positions`, :meth:`pending_ultimatums`,
        :meth:`upcoming_deadlines`, :meth:`expired_deadlines` and the command
        line's ``--at`` — reads this snapshot.  A deadline query asks at one
        instant: for a date *at* the start of that day in UTC, where this
        snapshot reads it, for what was known and for whether each deadline
        had passed alike (:func:`~negotiation_records.as_of_instant`).
        *at* is required: ``None``, a naive datetime, text or any other value
        that is not a moment is a :class:`~negotiation_records.ValidationError`
        at ``at`` (the queries, whose *at* is optional, ask as of now).

        Example:
            >>> talks = Negotiation(id="t", title="T", parties=[
            ...     Party(id="us", name="US", kind="state"),
            ...     Party(id="ru", name="Russia", kind="state")],
            ...     ultimatums=[Ultimatum(
            ...         id="u", issued_by="us", addressed_to=["ru"],
            ...         issued_at=pendulum.date(2025, 7, 14), demand="Ceasefire",
            ...         deadline=Deadline.after(pendulum.date(2025, 7, 14), days=50))])
            >>> talks.as_of(pendulum.date(2025, 7, 1)).ultimatums
            ()
            >>> [u.id for u in talks.as_of(pendulum.date(2025, 7, 14)).ultimatums]
            ['u']
        """
        from negotiation_records import _snapshot as snapshot  # noqa: PLC0415 - first use

        moment = moment_argument(at, "at")  # None too: a snapshot needs a moment
        statements = tuple(s for s in self.statements if is_known_by(s.said_on, moment))
        said = frozenset(s.id for s in statements)
        rounds = tuple(
            r
            for r in (snapshot.round_as_of(rnd, moment) for rnd in self.rounds)
            if r is not None
        )
        numbers = frozenset(r.number for r in rounds)
        made = snapshot.proposals_made(self, moment)
        proposals = tuple(
            p
            for p in (
                snapshot.proposal_as_of(proposal, moment, said, numbers, made)
                for proposal in self.proposals
            )
            if p is not None
        )
        ultimatums = tuple(
            u
            for u in (
                snapshot.ultimatum_as_of(ultimatum, moment, said)
                for ultimatum in self.ultimatums
            )
            if u is not None
        )
        changes: dict[str, Any] = {
            **snapshot.model2_as_of(self, moment, said, numbers, made),
            "parties": tuple(snapshot.party_as_of(p, moment) for p in self.parties),
            "conditions": tuple(
                snapshot.condition_as_of(c, moment, said) for c in self.conditions
            ),
            "rounds": rounds,
            "proposals": proposals,
            "ultimatums": ultimatums,
            "statements": statements,
            "history": history_until(self.history, moment),
        }
        if all(getattr(self, name) == value for name, value in changes.items()):
            return self
        return attrs.evolve(self, **changes)

    def timeline(
        self,
        at: Moment | _dt.date | None = None,
        *,
        tz: str | _dt.tzinfo | None = None,
    ) -> tuple[TimelineEvent, ...]:
        """
        Every dated event in time order: rounds, proposals, responses, ultimatums
        issued, deadline revisions, replaced and current deadlines, statements,
        dated positions and status changes, agreements, milestones (with
        their alternative deadlines, and the day it became known which one
        applied), votes and actions.

        Events sort by the calendar day they show (a datetime's date in the
        zone it is shown in, a month's or a year's first day), then within a
        day: a month or year first, then what is dated to the day, then timed
        events by instant, then deadlines due at the end of the day; an answer
        never sorts before what it answers; ties follow
        :class:`~negotiation_records.EventKind`, then record order.  See
        :mod:`negotiation_records.timeline`.

        A deadline stays listed when its record was closed, and its summary
        says so: an ultimatum complied with or withdrawn (with "after it
        expired" or "after it passed" where that came once the deadline had
        passed, by the rule of the deadline queries); a milestone
        cancelled or superseded, an agreement terminated or superseded (or, at
        the end of a phase, expired) before the deadline passed, by the rule of
        the deadline queries, which then do not list it as run out.

        With *at*, the timeline of the record as it stood then (:meth:`as_of`):
        later events are left out, and each ultimatum's deadline is the one in
        force then.  Each event's ``path`` is then its place in that snapshot,
        ``as_of(at)``, not in this record: a proposal listed after one made
        later is ``proposals[0]`` there, and a deadline in force then but
        replaced since is the snapshot's ``ultimatums[0].deadline``.  To find
        an event in this record, follow its ``path`` in ``as_of(at)`` or look
        its record up by ``record_id``.

        With *tz* (an IANA name, or a pendulum, ``zoneinfo`` or fixed-offset
        ``datetime.timezone`` zone), moments written inside the summaries are
        shown in that zone (a counting rule's start is kept as recorded: "90
        days after" counts in its zone), days are read there, and a deadline
        of a date falls due at the last instant of its day in its own zone,
        among the timed events; anything else (a number, which pendulum would
        read as hours) is a :class:`~negotiation_records.ValidationError` at
        ``tz``.

        Example:
            >>> talks = Negotiation(id="t", title="T", parties=[
            ...     Party(id="us", name="United States", kind="state"),
            ...     Party(id="ru", name="Russia", kind="state")],
            ...     ultimatums=[Ultimatum(
            ...         id="u", issued_by="us", addressed_to=["ru"],
            ...         issued_at=pendulum.date(2025, 7, 14), demand="Ceasefire",
            ...         deadline=Deadline.after(pendulum.date(2025, 7, 14), days=50))])
            >>> [(str(e.moment), e.kind.value) for e in talks.timeline()]
            [('2025-07-14', 'ultimatum'), ('2025-09-02', 'deadline')]
        """
        from negotiation_records import queries  # noqa: PLC0415 - first use
        from negotiation_records.timeline import build_timeline  # noqa: PLC0415

        arguments = ArgumentProblems()  # both checked before the snapshot
        moment = None if at is None else arguments.read(lambda: queries.as_of(at))
        zone = arguments.read(lambda: zone_argument(tz))
        arguments.raise_any()
        return build_timeline(self if moment is None else self.as_of(moment), zone)

    def pending_ultimatums(
        self, at: Moment | _dt.date | None = None
    ) -> tuple[Ultimatum, ...]:
        """
        The ultimatums still open at *at* (now, in UTC, by default), in record
        order: issued by then, not closed by then, deadline in force not passed.
        A date *at* is the start of that day in UTC, for the deadlines too.

        Example:
            >>> talks = Negotiation(id="t", title="T", parties=[
            ...     Party(id="us", name="US", kind="state"),
            ...     Party(id="ru", name="Russia", kind="state")],
            ...     ultimatums=[Ultimatum(
            ...         id="u", issued_by="us", addressed_to=["ru"],
            ...         issued_at=pendulum.date(2025, 7, 14), demand="Ceasefire",
            ...         deadline=Deadline.after(pendulum.date(2025, 7, 14), days=50))])
            >>> [u.id for u in talks.pending_ultimatums(at=pendulum.date(2025, 9, 2))]
            ['u']
            >>> talks.pending_ultimatums(at=pendulum.date(2025, 9, 3))
            ()
        """
        from negotiation_records import queries  # noqa: PLC0415 - first use

        moment = queries.as_of(at)
        return queries.pending_ultimatums(self.as_of(moment), moment)

    def upcoming_deadlines(
        self,
        at: Moment | _dt.date | None = None,
        within: Period | _dt.timedelta | str | None = None,
    ) -> tuple[UltimatumDeadline, ...]:
        """
        The deadlines of the ultimatums open at *at*, soonest first, as
        ``(ultimatum, deadline)`` pairs; with *within* (``"P7D"``, a
        ``pendulum.Duration`` or a ``Period``) only those due by *at* + *within*.
        A date *at* is the start of that day in UTC, for the deadlines too.

        Example:
            >>> talks = Negotiation(id="t", title="T", parties=[
            ...     Party(id="us", name="US", kind="state"),
            ...     Party(id="ru", name="Russia", kind="state")],
            ...     ultimatums=[Ultimatum(
            ...         id="u", issued_by="us", addressed_to=["ru"],
            ...         issued_at=pendulum.date(2025, 7, 14), demand="Ceasefire",
            ...         deadline=Deadline.after(pendulum.date(2025, 7, 14), days=50))])
            >>> at = pendulum.datetime(2025, 8, 26, 12, tz="Europe/Kyiv")
            >>> [(u.id, str(d.due)) for u, d in talks.upcoming_deadlines(at, within="P7D")]
            [('u', '2025-09-02')]
            >>> talks.upcoming_deadlines(at, within="P6D")
            ()
        """
        from negotiation_records import queries  # noqa: PLC0415 - first use

        moment, _ = queries.at_and_horizon(at, within)  # both checked first
        return queries.upcoming_deadlines(self.as_of(moment), moment, within)

    def expired_deadlines(
        self, at: Moment | _dt.date | None = None
    ) -> tuple[UltimatumDeadline, ...]:
        """
        The deadlines that had run out by *at* without the demand being met in
        time, oldest first, as ``(ultimatum, deadline)`` pairs.  A date *at* is
        the start of that day in UTC, for the deadlines too.

        Example:
            >>> talks = Negotiation(id="t", title="T", parties=[
            ...     Party(id="us", name="US", kind="state"),
            ...     Party(id="ru", name="Russia", kind="state")],
            ...     ultimatums=[Ultimatum(
            ...         id="u", issued_by="us", addressed_to=["ru"],
            ...         issued_at=pendulum.date(2025, 7, 14), demand="Ceasefire",
            ...         deadline=Deadline.after(pendulum.date(2025, 7, 14), days=50))])
            >>> [u.id for u, _ in talks.expired_deadlines(at=pendulum.date(2025, 9, 3))]
            ['u']
        """
        from negotiation_records import queries  # noqa: PLC0415 - first use

        moment = queries.as_of(at)
        return queries.expired_deadlines(self.as_of(moment), moment)

    def all_upcoming_deadlines(
        self,
        at: Moment | _dt.date | None = None,
        within: Period | _dt.timedelta | str | None = None,
    ) -> tuple[DeadlineEntry, ...]:
        """
        Every deadline still to come at *at*, soonest first, as
        :class:`~negotiation_records.DeadlineEntry` pairs: the open ultimatums'
        (as :meth:`upcoming_deadlines`), the pending milestones', and the
        expiries and the ends of the phases
        (:class:`~negotiation_records.PhaseEnd`) of the agreements still
        running (and of a milestone marked missed, or an agreement expired, on
        a day whose deadline passes later that day, until it passes); not an
        agreement's entry into force.  :meth:`upcoming_deadlines`
        keeps to ultimatums, as in version 1.  A date *at* is the start of that
        day in UTC, for the deadlines too.  *within* (a period, an ISO 8601
        duration such as ``"P14D"``, or a ``timedelta``) keeps those falling
        due no later than that after *at*.

        Example:
            >>> talks = Negotiation(id="t", title="T", milestones=[Milestone(
            ...     id="m", title="Clock", deadline=Deadline.on(pendulum.date(2019, 3, 29)))])
            >>> [(e.kind, e.id) for e in talks.all_upcoming_deadlines(pendulum.date(2019, 3, 1))]
            [('milestone', 'm')]
        """
        from negotiation_records import queries  # noqa: PLC0415 - first use

        moment, _ = queries.at_and_horizon(at, within)  # both checked first
        return queries.all_upcoming_deadlines(self.as_of(moment), moment, within)

    def all_expired_deadlines(
        self, at: Moment | _dt.date | None = None
    ) -> tuple[DeadlineEntry, ...]:
        """
        Every deadline that had run out by *at*, oldest first: the ultimatums'
        (as :meth:`expired_deadlines`), the milestones' not met in time, and the
        agreements' expiries and phase ends that had passed.  A milestone
        missed, still pending, or met, cancelled or superseded only after its
        deadline passed is listed (missed and then met late, it stays listed:
        the deadline did run out); so is an agreement's expiry or the end of
        one of its phases, unless the agreement was terminated or superseded
        before it passed (or, for a phase, had expired before it ended).  A date *at* is the start
        of that day in UTC, for the deadlines too.  See
        ``negotiation_records.queries.all_expired_deadlines``.

        Example:
            >>> talks = Negotiation(id="t", title="T", milestones=[Milestone(
            ...     id="m", title="Clock", deadline=Deadline.on(pendulum.date(2019, 3, 29)))])
            >>> [e.id for e in talks.all_expired_deadlines(pendulum.date(2019, 4, 1))]
            ['m']
        """
        from negotiation_records import queries  # noqa: PLC0415 - first use

        moment = queries.as_of(at)
        return queries.all_expired_deadlines(self.as_of(moment), moment)

    def positions(
        self,
        party_id: str,
        at: Moment | _dt.date | None = None,
    ) -> PartyPositions:
        """
        What *party_id* demands and offers, and its stance on every other
        party's terms, as of *at* (now, in UTC, by default); see
        :class:`~negotiation_records.PartyPositions`.

        Like every query it reads the record as it stood then (:meth:`as_of`):
        a term put forward later, or a stance taken later (a position dated
        next year is not the stance now), is left out.

        Example:
            >>> talks = Negotiation(id="t", title="T", parties=[
            ...     Party(id="ua", name="Ukraine", kind="state"),
            ...     Party(id="ru", name="Russia", kind="state")],
            ...     conditions=[Condition(
            ...         id="cede", text="Cede four regions", demanded_by="ru",
            ...         addressed_to=["ua"],
            ...         positions=[Position(party="ua", stance="opposes")])])
            >>> [c.id for c in talks.positions("ru").demands]
            ['cede']
            >>> talks.positions("ua").stance_on("cede")
            <Stance.OPPOSES: 'opposes'>
        """
        from negotiation_records import queries  # noqa: PLC0415 - first use

        moment = queries.as_of(at)
        return queries.positions(self.as_of(moment), party_id, moment)

    # --- changes --------------------------------------------------------------------

    def with_party(self, party: Party) -> Negotiation:
        """
        A copy with *party* added, or replacing the party with the same id.

        Adding a record with this and the other ``with_*`` methods checks the
        new record alone against the rest (its id is new, the ids it cites
        exist, a proposal lies inside its round, ...) rather than the whole
        record again: an append costs the new record's checks and a copy of the
        collection and of its index (a fraction of a millisecond at 10,000
        items, growing with the collection's length); the
        result, and any :class:`~negotiation_records.ValidationError` with its
        messages and paths, are those of building the whole record.  Replacing
        a round, a proposal, an ultimatum or an agreement checks the whole
        record.
        """
        return self._changed("parties", party, Party, replace=True)

    def with_condition(self, condition: Condition) -> Negotiation:
        """A copy with a standing *condition* added or replaced (by id)."""
        return self._changed("conditions", condition, Condition, replace=True)

    def with_round(self, round: Round) -> Negotiation:  # noqa: A002
        """A copy with *round* added or replaced (by number)."""
        return self._changed("rounds", round, Round, replace=False)

    def with_proposal(self, proposal: Proposal) -> Negotiation:
        """A copy with *proposal* added or replaced (by id)."""
        return self._changed("proposals", proposal, Proposal, replace=False)

    def with_ultimatum(self, ultimatum: Ultimatum) -> Negotiation:
        """A copy with *ultimatum* added or replaced (by id)."""
        return self._changed("ultimatums", ultimatum, Ultimatum, replace=False)

    def with_statement(self, statement: Statement) -> Negotiation:
        """A copy with *statement* added or replaced (by id)."""
        return self._changed("statements", statement, Statement, replace=True)

    def with_source(self, source: Source) -> Negotiation:
        """A copy with *source* added or replaced (by id)."""
        return self._changed("sources", source, Source, replace=True)

    def with_agreement(self, agreement: Agreement) -> Negotiation:
        """A copy with *agreement* added or replaced (by id)."""
        return self._changed("agreements", agreement, Agreement, replace=False)

    def with_milestone(self, milestone: Milestone) -> Negotiation:
        """A copy with *milestone* added or replaced (by id)."""
        return self._changed("milestones", milestone, Milestone, replace=True)

    def with_vote(self, vote: Vote) -> Negotiation:
        """A copy with *vote* added or replaced (by id)."""
        return self._changed("votes", vote, Vote, replace=True)

    def with_action(self, action: Action) -> Negotiation:
        """A copy with *action* added or replaced (by id)."""
        return self._changed("actions", action, Action, replace=True)

    def _changed(
        self, name: str, item: Any, cls: type[Any], *, replace: bool
    ) -> Negotiation:
        """
        A copy with *item* added to the collection *name* (or replacing the one
        with its key): the new item checked alone when that is sure to find
        what the whole check would, else the whole record built and checked.
        """
        if type(self) is Negotiation and type(item) is cls:
            made = _lookup.add(
                self, name, item, replace=replace, conditions=_own_conditions(item)
            )
            if made is not None:
                new: Negotiation = made[0]
                checker = Checker.over_index(new)
                checker.item(name, made[1], item)
                if not checker.out:
                    return new
        items: tuple[Any, ...] = getattr(self, name)
        changes: dict[str, Any]
        if isinstance(item, cls):
            key = _lookup.KEYS[name]
            changes = {name: _upsert(items, item, lambda i: getattr(i, key))}
        else:  # added as it is: the whole check says what is wrong with it
            changes = {name: (*items, item)}
        return attrs.evolve(self, **changes)


def _own_conditions(item: object) -> tuple[Condition, ...]:
    """
    The conditions a record brings: itself, a proposal's terms, a demand, an
    agreement's provisions.
    """
    if isinstance(item, Condition):
        return (item,)
    if isinstance(item, Proposal):
        return item.terms
    if isinstance(item, Ultimatum) and isinstance(item.demand, Condition):
        return (item.demand,)
    if isinstance(item, Agreement):
        return item.provisions
    return ()


def _upsert(items: tuple[T, ...], new: T, key: Callable[[T], object]) -> tuple[T, ...]:
    wanted = key(new)
    if any(key(item) == wanted for item in items):
        return tuple(new if key(item) == wanted else item for item in items)
    return (*items, new)
