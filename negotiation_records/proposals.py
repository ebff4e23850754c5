"""
Proposals: what a party puts on the table, and the answers it gets.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from negotiation_records._argument_problems import ArgumentProblems
from negotiation_records._record import Record, frozen_record
from negotiation_records._status import check_transition
from negotiation_records._version_2_rules import ANSWERED_AFTER_CLOSE
from negotiation_records.conditions import Condition, repeated_ids
from negotiation_records.errors import IllegalTransitionError, ValidationError
from negotiation_records.fields import (
    INIT_ONLY,
    KEY_UNTIL,
    PARTY_IDS,
    SOME_PARTY_IDS,
    SOURCE_IDS,
    Int,
    Many,
    Maybe,
    MomentKind,
    Nested,
    Slug,
    Text,
    field,
)
from negotiation_records.history import (
    History,
    StatusChange,
    current_status,
    dated_end,
    history_problems,
    status_at,
    take_status_arguments,
    taken_by,
    with_change,
)
from negotiation_records.stances import Response, Stance, append_response
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
    is_before,
    moment_argument,
    moment_text,
)
from negotiation_records.windows import Window


__all__ = ["STATUS_STEPS", "Proposal", "ProposalStatus"]


class ProposalStatus(enum.Enum):
    """
    Where a proposal stands.

    ``pending`` and ``countered`` are open; the others are final.

    Example:
        >>> ProposalStatus("lapsed-without-response").is_open
        False
    """

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    COUNTERED = "countered"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    LAPSED_WITHOUT_RESPONSE = "lapsed-without-response"

    @property
    def is_open(self) -> bool:
        """Whether the proposal is still on the table."""
        return self in (ProposalStatus.PENDING, ProposalStatus.COUNTERED)


_P = ProposalStatus

#: The steps that answer a proposal: none is taken by a party that made it
#: (as none of them responds to it).
ANSWER_STEPS: Final = frozenset(
    {ProposalStatus.ACCEPTED, ProposalStatus.REJECTED, ProposalStatus.COUNTERED}
)

#: The statuses after which a proposal is no longer answered (``respond``):
#: withdrawn, expired, lapsed.  (Accepted or rejected, it may still be.)
_UNANSWERABLE: Final = frozenset(
    {
        ProposalStatus.WITHDRAWN,
        ProposalStatus.EXPIRED,
        ProposalStatus.LAPSED_WITHOUT_RESPONSE,
    }
)

#: The status changes a proposal's history may take (``with_status`` and the
#: methods named for a status check each step against it).
#: Each key is a status, its value the statuses a step may lead to from it;
#: a status that is not a key is final.
STATUS_STEPS: dict[ProposalStatus, frozenset[ProposalStatus]] = {
    _P.PENDING: frozenset(
        {
            _P.ACCEPTED,
            _P.REJECTED,
            _P.COUNTERED,
            _P.WITHDRAWN,
            _P.EXPIRED,
            _P.LAPSED_WITHOUT_RESPONSE,
        }
    ),
    _P.COUNTERED: frozenset({_P.ACCEPTED, _P.REJECTED, _P.WITHDRAWN, _P.EXPIRED}),
}


@frozen_record(kw_only=True, init=False)
class Proposal(Record):
    """
    Something put on the table by a party: an invitation, an offer, a plan.

    Change its status with the methods (:meth:`respond`, :meth:`accept`,
    :meth:`reject`, :meth:`mark_countered`, :meth:`withdraw`, :meth:`expire`,
    :meth:`lapse`); each returns a new proposal and refuses an illegal move with
    :class:`~negotiation_records.IllegalTransitionError`.

    Attributes:
        id: Slug other records use to refer to it.
        proposed_by: Ids of the proposing parties: one, or several for a joint
            text (at least one, none twice).  A single id is accepted on
            construction (``proposed_by="ukraine"``, as version 1 had it) and
            stored as a one-item tuple.
        addressed_to: Ids of the parties it is addressed to.
        made_on: When it was made.
        summary: What is proposed, in one sentence.
        terms: The conditions it contains.
        round: Number of the round it belongs to (optional).
        counter_to: Id of the proposal it answers (optional).
        responses: Answers received, oldest first.
        history: Every change of status, oldest first (see
            :mod:`negotiation_records.history`); :attr:`status`,
            :attr:`status_on` and :meth:`status_at` read it.  The constructor
            also takes ``status=`` and ``status_on=``, folded into the history.
        window: When the proposed thing would happen ("next week"), optional.
        sources: Ids of the sources for this.

    Example:
        >>> invite = Proposal(
        ...     id="new-round-invitation",
        ...     proposed_by="ukraine",
        ...     addressed_to=["russia"],
        ...     made_on=pendulum.date(2025, 7, 19),
        ...     summary="A new round of talks next week",
        ...     window=Window.next_week(of=pendulum.date(2025, 7, 19)),
        ... )
        >>> invite.status
        <ProposalStatus.PENDING: 'pending'>
        >>> invite.withdraw(on=pendulum.date(2025, 7, 30)).accept(
        ...     on=pendulum.date(2025, 8, 1)
        ... )
        Traceback (most recent call last):
        ...
        negotiation_records.errors.IllegalTransitionError: proposal 'new-round-invitation' cannot go from 'withdrawn' to 'accepted': from 'withdrawn' it can go to nothing: it is final
    """

    id: str = field(Slug())
    proposed_by: tuple[str, ...] = field(SOME_PARTY_IDS, refers_to="party")
    addressed_to: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    made_on: Moment = field(MomentKind())
    summary: str = field(Text())
    terms: tuple[Condition, ...] = field(Many(Nested(Condition)), default=())
    round: int | None = field(Maybe(Int(min=1)), default=None, refers_to="round")
    counter_to: str | None = field(Maybe(Slug()), default=None, refers_to="proposal")
    responses: tuple[Response, ...] = field(
        Many(Nested(Response), unique="response"), default=()
    )
    history: tuple[StatusChange[ProposalStatus], ...] = field(
        History(ProposalStatus), default=(), since=2
    )
    window: Window | None = field(Maybe(Nested(Window)), default=None)
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")
    # Init-only (version-1 code): folded into ``history``, then None.
    _status_given: ProposalStatus | str | None = attrs.field(
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
        metadata={INIT_ONLY: True, KEY_UNTIL: 1},  # version 1 wrote it
    )

    _init_only: ClassVar[bool] = True

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            id: str,  # noqa: A002 - the field's name
            proposed_by: Iterable[str],
            addressed_to: Iterable[str] = ...,
            made_on: MomentInput,
            summary: str,
            terms: Iterable[Condition] = ...,
            round: int | None = ...,  # noqa: A002 - the field's name
            counter_to: str | None = ...,
            responses: Iterable[Response] = ...,
            history: Iterable[StatusChange] = ...,
            window: Window | None = ...,
            sources: Iterable[str] = ...,
            status: ProposalStatus | str | None = ...,
            status_on: Moment | _dt.date | None = ...,
        ) -> None: ...

    def _take_init_only(self) -> dict[str, str]:
        return take_status_arguments(self, ProposalStatus.PENDING)

    @property
    def status(self) -> ProposalStatus:
        """Where it stands now: the last change of :attr:`history` (else pending)."""
        return current_status(self.history, ProposalStatus.PENDING)

    @property
    def status_on(self) -> Moment | None:
        """When the status last changed (``None``: no change, or undated)."""
        return self.history[-1].on if self.history else None

    def status_at(self, at: Moment | _dt.date) -> ProposalStatus:
        """
        The status in force at *at*: the last change known by then (an undated
        change counts once the change before it does, the first always; a
        month or year once it has passed).
        A naive datetime, text or any other value that is not a moment is a
        :class:`~negotiation_records.ValidationError` at ``at`` (as for
        :meth:`Negotiation.as_of <negotiation_records.Negotiation.as_of>`).

        Example:
            >>> p = Proposal(id="p", proposed_by="a", addressed_to=["b"],
            ...              made_on=pendulum.date(2025, 7, 1), summary="Meet")
            >>> done = p.accept(on=pendulum.date(2025, 7, 9))
            >>> done.status_at(pendulum.date(2025, 7, 8)), done.status
            (<ProposalStatus.PENDING: 'pending'>, <ProposalStatus.ACCEPTED: 'accepted'>)
        """
        return status_at(self.history, ProposalStatus.PENDING, at)  # type: ignore[no-any-return]

    def _problems(self) -> Iterable[tuple[str, str]]:
        proposers = self.proposed_by
        for party in self.addressed_to:
            if party in proposers:
                yield (
                    "addressed_to",
                    f"{party!r} cannot address a proposal to itself",
                )
        if self.counter_to == self.id:
            yield ("counter_to", "a proposal cannot counter itself")
        seen: set[str] = set()
        for index, response in enumerate(self.responses):
            if response.party in proposers:
                yield (
                    f"responses[{index}].party",
                    f"{response.party!r} {self._made_it} and cannot respond to it",
                )
            if is_before(response.on, self.made_on):
                yield (
                    f"responses[{index}].on",
                    f"{moment_text(response.on)} is before the proposal was made "
                    f"({moment_text(self.made_on)})",
                )
            seen.add(response.party)
        if len(self.terms) > 1:  # one term repeats no id
            yield from repeated_ids(self.terms, "terms", "term")
        if not self.history:  # the checks below find nothing in an empty history
            return
        yield from history_problems(
            self.label,
            self.history,
            ProposalStatus.PENDING,
            STATUS_STEPS,
            start=self.made_on,
            start_name="proposal was made",
        )
        yield from taken_by(
            self.history,
            ANSWER_STEPS,
            proposers,
            self._made_it + " and cannot have {status} it",
        )
        yield from self._answered_after_close()
        if self.status is ProposalStatus.LAPSED_WITHOUT_RESPONSE and seen & set(
            self.addressed_to
        ):  # reported at the step that says so (version 1: at ``status``)
            index, party = next(
                (i, r.party)
                for i, r in enumerate(self.responses)
                if r.party in self.addressed_to
            )
            yield (
                f"history[{len(self.history) - 1}].status",
                "a proposal that lapsed without response cannot have responses from "
                f"the parties it was addressed to: responses[{index}] is from "
                f"{party!r}",
            )

    def _answered_after_close(self) -> Iterable[tuple[str, str]]:
        """
        Responses dated after the proposal was withdrawn, expired or lapsed,
        which :meth:`respond` refuses; one that may be as early as that step
        (the same day, a month holding it) stands, as everywhere.
        """
        end = dated_end(self.history, _UNANSWERABLE)
        if end is None:
            return
        on, status = end
        for index, response in enumerate(self.responses):
            if is_before(on, response.on):
                yield (
                    f"responses[{index}].on",
                    ANSWERED_AFTER_CLOSE.format(
                        on=moment_text(response.on),
                        status=repr(status),
                        ended=moment_text(on),
                    ),
                )

    def _check_answerable(self, on: object) -> None:
        """
        Refuse a response dated *on* to a proposal no longer open: one that
        came after the step that closed it, or any, when that step is
        undated.  A response dated before the step (or that may be as early:
        the same day, a month holding it) is recorded, as a record holding it
        is valid (:meth:`_answered_after_close`); a bad *on* is left to be
        reported where the response would go.
        """
        end = dated_end(self.history, _UNANSWERABLE)
        if end is not None:
            try:
                moment = moment_argument(on, "on")
            except ValidationError:
                return  # reported at responses[n].on
            if not is_before(end[0], moment):
                return  # answered while it was open, learnt of later
        raise IllegalTransitionError(
            self.label,
            self.status.value,
            "responded",
            f"it is {self.status.value} and can no longer be answered"
            + ("" if end is None else f" after {moment_text(end[0])}"),
        )

    @property
    def _made_it(self) -> str:
        if len(self.proposed_by) == 1:
            return "made the proposal"
        return "is one of its proposers"

    @property
    def label(self) -> str:
        """``"proposal 'id'"``, for messages."""
        return f"proposal {self.id!r}"

    def respond(
        self,
        party: str,
        *,
        on: Moment | _dt.date,
        stance: Stance | str,
        text: str | None = None,
        statement: str | None = None,
        sources: Iterable[str] = (),
    ) -> Proposal:
        """
        A copy with a response added; the status does not change by itself.

        *party* answered on *on* with *stance* (a :class:`Stance` or its
        value), in *text* if given (the answer in words), made in the
        statement whose id is *statement*, and reported by the sources whose
        ids are *sources*.

        A response to a withdrawn, expired or lapsed proposal dated after
        that step (or to one whose step is undated) is refused, as a record
        built or loaded with such a response is; one dated before it (given
        then, learnt of later) is recorded.  Record the outcome with
        :meth:`accept` or :meth:`reject` when it is settled.
        A proposer (one of the co-proposers of a joint text) cannot respond to
        it; any other party can.  Bad values are reported at the place the
        response would take (``responses[2].party``).

        Example:
            >>> p = Proposal(id="p", proposed_by="a", addressed_to=["b"],
            ...              made_on=pendulum.date(2025, 7, 1), summary="Meet")
            >>> p.respond("b", on=pendulum.date(2025, 7, 2), stance="undecided").responses[0].stance
            <Stance.UNDECIDED: 'undecided'>
            >>> joint = Proposal(id="j", proposed_by=["a", "c"], addressed_to=["b"],
            ...                  made_on=pendulum.date(2025, 7, 1), summary="Meet")
            >>> joint.respond("c", on=pendulum.date(2025, 7, 2), stance="supports")
            Traceback (most recent call last):
            ...
            negotiation_records.errors.ValidationError: responses[0].party: 'c' is one of its proposers and cannot respond to it
        """
        if self.status in _UNANSWERABLE:
            self._check_answerable(on)
        responses = append_response(  # its own problems first, then the rules
            self.responses,
            party=party,
            on=on,
            stance=stance,
            text=text,
            statement=statement,
            sources=sources,
        )
        return attrs.evolve(self, responses=responses)

    def _to(
        self,
        status: ProposalStatus,
        on: Moment | _dt.date | None,
        by: Iterable[str],
        reason: str | None,
        sources: Iterable[str],
    ) -> Proposal:
        """
        A copy with one more step, to *status*, made as the status methods
        say: the step first, then every bad argument at once.
        """
        check_transition(self.label, STATUS_STEPS, self.status, status)
        arguments = ArgumentProblems()
        moment = (
            None if on is None else arguments.read(lambda: moment_argument(on, "on"))
        )
        history = arguments.read(
            lambda: with_change(
                self.history, status, on=moment, by=by, reason=reason, sources=sources
            )
        )
        arguments.raise_any()
        assert history is not None  # noqa: S101 - no problem: made
        return attrs.evolve(self, history=history)

    def accept(
        self,
        *,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Proposal:
        """
        Mark the proposal accepted (from pending or countered).

        As for every status method of a proposal: *on* is when (a date, an
        aware datetime or a month; a bad one is reported at ``on``), *by* the
        ids of the parties that made the step ("accepted by Russia"),
        *reason* why, in words, and *sources* the ids of the sources that
        report it; *by* and *sources* are lists (a lone string is refused),
        and a bad value is reported at the place the change would take
        (``history[1].by``), every bad argument at once.  A step the rules do
        not allow is an :class:`~negotiation_records.IllegalTransitionError`.

        Example:
            >>> p = Proposal(id="p", proposed_by="ua", addressed_to=["ru"],
            ...              made_on=pendulum.date(2025, 7, 1), summary="Swap all prisoners")
            >>> accepted = p.accept(on=pendulum.date(2025, 7, 2), by=["ru"],
            ...                     reason="agreed at the second round")
            >>> accepted.history[-1].by, accepted.status.value
            (('ru',), 'accepted')
        """
        return self._to(ProposalStatus.ACCEPTED, on, by, reason, sources)

    def reject(
        self,
        *,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Proposal:
        """Mark the proposal rejected (from pending or countered); the
        arguments as for :meth:`accept`."""
        return self._to(ProposalStatus.REJECTED, on, by, reason, sources)

    def mark_countered(
        self,
        *,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Proposal:
        """Mark the proposal countered (from pending); record the counter-proposal
        as its own :class:`Proposal` with ``counter_to`` set to this id.  The
        arguments as for :meth:`accept`."""
        return self._to(ProposalStatus.COUNTERED, on, by, reason, sources)

    def withdraw(
        self,
        *,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Proposal:
        """Mark the proposal withdrawn by its proposer (from pending or
        countered); the arguments as for :meth:`accept`."""
        return self._to(ProposalStatus.WITHDRAWN, on, by, reason, sources)

    def expire(
        self,
        *,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Proposal:
        """Mark the proposal expired (its own time limit ran out); the
        arguments as for :meth:`accept`."""
        return self._to(ProposalStatus.EXPIRED, on, by, reason, sources)

    def lapse(
        self,
        *,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Proposal:
        """
        Mark the proposal lapsed without response (from pending only); the
        arguments as for :meth:`accept`.

        Refused when a party it was addressed to has responded.
        """
        answered = [r.party for r in self.responses if r.party in self.addressed_to]
        if answered:
            raise IllegalTransitionError(
                self.label,
                self.status.value,
                ProposalStatus.LAPSED_WITHOUT_RESPONSE.value,
                f"{answered[0]!r} responded to it",
            )
        return self._to(ProposalStatus.LAPSED_WITHOUT_RESPONSE, on, by, reason, sources)
