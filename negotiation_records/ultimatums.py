"""
Ultimatums: a demand with a deadline and a consequence.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from negotiation_records._argument_problems import ArgumentProblems
from negotiation_records._record import Record, frozen_record
from negotiation_records._revivals import unanswered_revival_problems
from negotiation_records._status import bool_argument, check_transition
from negotiation_records._values import with_article
from negotiation_records._version_2_rules import (
    DUE_BEFORE_ISSUE,
    ISSUER_RESPONDS,
    LATE_UNSAID,
)
from negotiation_records.agreements import (
    due_before_revision_problems,
    due_before_start_problems,
    due_named,
    in_force_on,
    new_revision,
    passed_early_problems,
    revised_after_end,
    revision_problems,
    revived_by,
)
from negotiation_records.conditions import Condition
from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.errors import IllegalTransitionError
from negotiation_records.fields import (
    INIT_ONLY,
    KEY_UNTIL,
    PARTY_IDS,
    SOURCE_IDS,
    Choice,
    Many,
    MomentKind,
    Nested,
    Slug,
    Text,
    TextOr,
    field,
)
from negotiation_records.history import (
    History,
    StatusChange,
    argument_moves,
    closing_on,
    current_status,
    history_problems,
    last_dated,
    next_status,
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


__all__ = [
    "STATUS_STEPS",
    "Consequence",
    "ConsequenceKind",
    "Ultimatum",
    "UltimatumStatus",
]


class ConsequenceKind(enum.Enum):
    """
    What an ultimatum threatens.

    Example:
        >>> ConsequenceKind("secondary-sanction")
        <ConsequenceKind.SECONDARY_SANCTION: 'secondary-sanction'>
    """

    TARIFF = "tariff"
    SANCTION = "sanction"
    SECONDARY_SANCTION = "secondary-sanction"
    MILITARY = "military"
    DIPLOMATIC = "diplomatic"
    LEGAL = "legal"
    OTHER = "other"


class UltimatumStatus(enum.Enum):
    """
    Where an ultimatum stands.

    ``pending`` until the addressee complies, the issuer withdraws it or the
    deadline passes (``expired``); an expired ultimatum may then be
    ``enforced``, or ``complied`` with late: a history says a compliance was
    late by the ``expired`` step before it
    (:meth:`~negotiation_records.Ultimatum.comply`).

    Example:
        >>> UltimatumStatus.PENDING.value
        'pending'
    """

    PENDING = "pending"
    COMPLIED = "complied"
    EXPIRED = "expired"
    ENFORCED = "enforced"
    WITHDRAWN = "withdrawn"


_U = UltimatumStatus
_METHOD_STEPS: dict[UltimatumStatus, frozenset[UltimatumStatus]] = {
    _U.PENDING: frozenset({_U.COMPLIED, _U.EXPIRED, _U.ENFORCED, _U.WITHDRAWN}),
    _U.EXPIRED: frozenset({_U.ENFORCED, _U.COMPLIED, _U.WITHDRAWN}),
}
#: The status that says an ultimatum's deadline ran out, and the one a
#: revision of that deadline brings it back to (``Ultimatum.RAN_OUT`` and
#: ``Ultimatum.REVIVED``, which ``_revivals`` reads).
_RAN_OUT: Final = _U.EXPIRED
_REVIVED: Final = _U.PENDING
#: The steps a history may take: those of the methods, and an expired
#: ultimatum revived by a revised deadline (see ``Ultimatum.revise_deadline``).
#: Each key is a status, its value the statuses a step may lead to from it;
#: a status that is not a key is final.
STATUS_STEPS: dict[UltimatumStatus, frozenset[UltimatumStatus]] = {
    **_METHOD_STEPS,
    _RAN_OUT: _METHOD_STEPS[_RAN_OUT] | {_REVIVED},
}
#: The final statuses (no step leads on from them), after which an
#: ultimatum's deadline is not revised (``Ultimatum.revise_deadline``).
_ENDED: Final = frozenset(set(UltimatumStatus) - STATUS_STEPS.keys())

#: A compliance, which the party that issued the ultimatum does not make.
_COMPLIANCE: Final = frozenset({UltimatumStatus.COMPLIED})


def complied_late(
    on: Moment | None,
    deadlines: tuple[Deadline, ...],
    revisions: tuple[DeadlineRevision, ...],
) -> bool:
    """
    Whether a compliance dated *on* came after each of the *deadlines* (an
    ultimatum's, oldest first; ``revisions[i]`` replaced ``deadlines[i]``)
    that may have been in force then had passed
    (:func:`~negotiation_records.agreements.in_force_on`,
    :func:`~negotiation_records._closing.in_time` for none of them): a
    deadline certainly replaced before the compliance, or put in force
    certainly after it, does not count, as for an expiry.  Only what is
    certain is late.  An undated compliance is never late.
    """
    from negotiation_records._closing import in_time  # noqa: PLC0415

    return on is not None and not any(
        in_time(on, deadline) for deadline in in_force_on(deadlines, revisions, on)
    )


def late_compliance_problems(
    label: str,
    history: tuple[StatusChange, ...],
    deadlines: tuple[Deadline, ...],
    revisions: tuple[DeadlineRevision, ...],
) -> Iterable[tuple[str, str]]:
    """
    Each ``complied`` step of *history* that :func:`complied_late` finds late
    while no ``expired`` step comes before it (since the last revival: an
    expiry the ultimatum was revived from says nothing of the deadline that
    revived it).  An ultimatum that expired may be complied with after the
    fact only if the record says so explicitly, and a history says so by the
    expiry before the compliance (:meth:`Ultimatum.comply` with
    ``late=True`` adds it).
    """
    expired = False
    for index, change in enumerate(history):
        if change.status is _RAN_OUT:
            expired = True
        elif change.status is _REVIVED:
            expired = False  # revived by a revision: its deadline is a new one
        elif (
            change.status is UltimatumStatus.COMPLIED
            and not expired
            and change.on is not None  # an undated compliance is never late
            and complied_late(change.on, deadlines, revisions)
        ):
            passed = in_force_on(deadlines, revisions, change.on)
            yield (
                f"history[{index}].on",
                LATE_UNSAID.format(
                    label=label,
                    on=moment_text(change.on),
                    what=("the deadline", "each of its deadlines")[len(passed) > 1],
                    due=", ".join(due_named(deadline) for deadline in passed),
                ),
            )


def expired_before_compliance(
    history: tuple[StatusChange, ...],
    deadline: Deadline,
    issued: Moment | None,
    revisions: tuple[DeadlineRevision, ...],
) -> tuple[StatusChange, ...]:
    """
    *history*, whose last step is a compliance after *deadline* (the current
    one, put in force by the last of *revisions*) passed, with the expiry
    that says so put before that step, dated by :func:`late_expiry_on`; not
    before that revision, as not before a later step (a cut made after the
    cut deadline passed).
    """
    *earlier, complied = history
    last = last_dated(earlier)
    revised = revisions[-1].revised_on if revisions else None
    if revised is not None and (last is None or is_before(last, revised)):
        last = revised
    on = late_expiry_on(deadline.cutoff, complied.on, issued=issued, last=last)
    expiry = StatusChange(status=UltimatumStatus.EXPIRED, on=on)
    return (*earlier, expiry, complied)


def late_expiry_on(
    cutoff: Moment,
    complied: Moment | None,
    *,
    issued: Moment | None = None,
    last: Moment | None = None,
) -> Moment | None:
    """
    When the expiry put before a late compliance (on *complied*) is dated:
    at the deadline's *cutoff*, as :meth:`Ultimatum.expire` dates it; but
    not before the ultimatum was *issued* (a deadline that falls before that
    is refused on its own, and the expiry adds no problem of its own), and
    at the compliance's own moment where the step before it (*last*) is
    later than that (an ultimatum revived by a revision), or where the
    compliance itself is dated before the issue: that date is refused on its
    own, once, and the expiry adds no order of steps to refuse.  Nor is it
    after the compliance: a cut-off after it is that of a deadline set after
    the compliance (a revision refused on its own), so the expiry takes the
    compliance's moment.
    """
    if issued is not None and complied is not None and is_before(complied, issued):
        return complied
    on: Moment | None = cutoff
    if issued is not None and is_before(cutoff, issued):
        on = issued
    if last is not None and on is not None and is_before(on, last):
        on = complied
    if complied is not None and on is not None and is_before(complied, on):
        on = complied
    return on


@frozen_record(kw_only=True, init=False)
class Consequence(Record):
    """
    What happens if an ultimatum is not met, and whom it would hit.

    Attributes:
        text: The consequence in words ("100 % tariffs").
        kind: Its kind.
        targets: Who it would hit, in words; need not be parties
            ("countries that buy Russian oil").
        target_parties: Ids of parties it would hit, where they are parties.
        sources: Ids of the sources for this.

    Example:
        >>> Consequence(
        ...     text="Secondary sanctions on buyers of Russian oil",
        ...     kind="secondary-sanction",
        ...     targets=["countries that buy Russian oil"],
        ... ).kind
        <ConsequenceKind.SECONDARY_SANCTION: 'secondary-sanction'>
    """

    text: str = field(Text())
    kind: ConsequenceKind = field(
        Choice(ConsequenceKind), default=ConsequenceKind.OTHER
    )
    targets: tuple[str, ...] = field(Many(Text(), unique="target"), default=())
    target_parties: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            text: str,
            kind: ConsequenceKind | str = ...,
            targets: Iterable[str] = ...,
            target_parties: Iterable[str] = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...


@frozen_record(kw_only=True, init=False)
class Ultimatum(Record):
    """
    A demand with a deadline and a consequence.

    Status changes go through :meth:`comply`, :meth:`expire`, :meth:`enforce` and
    :meth:`withdraw`; :meth:`revise_deadline` extends or shortens the deadline and
    keeps the earlier one in :attr:`revisions`.

    Attributes:
        id: Slug other records use to refer to it.
        issued_by: Id of the party that issued it.
        addressed_to: Ids of the parties it is addressed to.
        issued_at: When it was issued.
        demand: What is demanded: a :class:`Condition` or plain text.
        deadline: When it runs out.
        consequences: What is threatened.
        history: Every change of status, oldest first (see
            :mod:`negotiation_records.history`); :attr:`status`,
            :attr:`status_on` and :meth:`status_at` read it.  The constructor
            also takes ``status=`` and ``status_on=``, folded into the history.
        responses: Answers from the addressees (or others), oldest first.
        revisions: Earlier deadlines, oldest first, with when and why they changed.
        sources: Ids of the sources for this.

    Example:
        >>> ultimatum = Ultimatum(
        ...     id="us-ultimatum-2025-07",
        ...     issued_by="united-states",
        ...     addressed_to=["russia"],
        ...     issued_at=pendulum.date(2025, 7, 14),
        ...     demand="Reach a ceasefire with Ukraine",
        ...     deadline=Deadline.after(pendulum.date(2025, 7, 14), days=50),
        ... )
        >>> ultimatum.deadline.due
        Date(2025, 9, 2)
        >>> shorter = ultimatum.revise_deadline(
        ...     Deadline.after(pendulum.date(2025, 7, 29), days=10),
        ...     on=pendulum.date(2025, 7, 29),
        ...     reason="cut to 10-12 days",
        ... )
        >>> shorter.deadline.due, shorter.revisions[0].previous.due
        (Date(2025, 8, 8), Date(2025, 9, 2))
    """

    #: The status that says its deadline ran out: ``expired``.
    RAN_OUT: ClassVar[UltimatumStatus] = _RAN_OUT
    #: The status a revision of its deadline brings it back to once it ran
    #: out (:meth:`revise_deadline`): ``pending``.
    REVIVED: ClassVar[UltimatumStatus] = _REVIVED
    #: Whether each step back takes a revision of its own
    #: (the record refuses one without).
    REVIVED_ONLY_BY_REVISION: ClassVar[bool] = True

    id: str = field(Slug())
    issued_by: str = field(Slug(), refers_to="party")
    addressed_to: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    issued_at: Moment = field(MomentKind())
    demand: Condition | str = field(TextOr(Condition))
    deadline: Deadline = field(Nested(Deadline))
    consequences: tuple[Consequence, ...] = field(Many(Nested(Consequence)), default=())
    history: tuple[StatusChange[UltimatumStatus], ...] = field(
        History(UltimatumStatus), default=(), since=2
    )
    responses: tuple[Response, ...] = field(
        Many(Nested(Response), unique="response"), default=()
    )
    revisions: tuple[DeadlineRevision, ...] = field(
        Many(Nested(DeadlineRevision)), default=()
    )
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")
    # Init-only (version-1 code): folded into ``history``, then None.
    _status_given: UltimatumStatus | str | None = attrs.field(
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
            issued_by: str,
            addressed_to: Iterable[str] = ...,
            issued_at: MomentInput,
            demand: Condition | str,
            deadline: Deadline,
            consequences: Iterable[Consequence] = ...,
            history: Iterable[StatusChange] = ...,
            responses: Iterable[Response] = ...,
            revisions: Iterable[DeadlineRevision] = ...,
            sources: Iterable[str] = ...,
            status: UltimatumStatus | str | None = ...,
            status_on: Moment | _dt.date | None = ...,
        ) -> None: ...

    def _take_init_only(self) -> dict[str, str]:
        given = self._status_given is not None or self._status_on_given is not None
        moves = take_status_arguments(self, UltimatumStatus.PENDING)
        if given and self._say_late_compliance():  # the compliance is still last
            dated = "status_on" in moves.values()
            moves = argument_moves(
                self.history, status="status" in moves.values(), on=dated
            )
            if dated and self.history[-2].on == self.history[-1].on:  # see below
                moves[f"history[{len(self.history) - 2}].on"] = "status_on"
        return moves

    def _say_late_compliance(self) -> bool:
        """
        Version 1's ``status="complied"`` with a ``status_on`` after the
        deadline passed (all it could say of a late compliance) folded into a
        history with the expiry before the compliance, as
        :meth:`comply` with ``late=True`` makes it.  Values of the wrong type
        are left for the record's checks.  Returns whether it added the expiry.
        """
        history, deadline, revisions = self.history, self.deadline, self.revisions
        if not (
            history.__class__ is tuple
            and history
            and all(isinstance(change, StatusChange) for change in history)
            and isinstance(deadline, Deadline)
            and revisions.__class__ is tuple
            and all(isinstance(r, DeadlineRevision) for r in revisions)
        ):
            return False
        # The record's own rule finds it: a compliance is final, so the one
        # it can find is the last step.
        if any(
            late_compliance_problems(self.label, history, self.deadlines, revisions)
        ):
            issued = None if MomentKind().problems(self.issued_at) else self.issued_at
            with_expiry = expired_before_compliance(
                history, deadline, issued, revisions
            )
            object.__setattr__(self, "history", with_expiry)
            return with_expiry is not history
        return False

    @property
    def status(self) -> UltimatumStatus:
        """Where it stands now: the last change of :attr:`history` (else pending)."""
        return current_status(self.history, UltimatumStatus.PENDING)

    @property
    def status_on(self) -> Moment | None:
        """When the status last changed (``None``: no change, or undated)."""
        return self.history[-1].on if self.history else None

    def status_at(self, at: Moment | _dt.date) -> UltimatumStatus:
        """
        The status in force at *at*: the last change known by then (an undated
        change counts once the change before it does, the first always; a
        month or year once it has passed), but for an ``expired`` step, which
        counts, with those after it, only once a deadline has run out for it,
        passed while still in force (an ultimatum cannot run out before a
        deadline passes: one marked expired on its due day is pending until
        then; the snapshot of :meth:`Negotiation.as_of
        <negotiation_records.Negotiation.as_of>` and the deadline queries read
        it alike).
        A naive datetime, text or any other value that is not a moment is a
        :class:`~negotiation_records.ValidationError` at ``at`` (as for
        :meth:`Negotiation.as_of <negotiation_records.Negotiation.as_of>`).
        """
        from negotiation_records._snapshot import known_status  # noqa: PLC0415 - above

        return known_status(self, UltimatumStatus.PENDING, at)

    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.issued_by in self.addressed_to:
            yield (
                "addressed_to",
                f"{self.issued_by!r} cannot address an ultimatum to itself",
            )
        for index, response in enumerate(self.responses):
            if response.party == self.issued_by:
                yield (
                    f"responses[{index}].party",
                    ISSUER_RESPONDS.format(party=repr(response.party)),
                )
            if is_before(response.on, self.issued_at):
                yield (
                    f"responses[{index}].on",
                    f"{moment_text(response.on)} is before the ultimatum was issued "
                    f"({moment_text(self.issued_at)})",
                )
        # The checks of the history find nothing in an empty one (the
        # commonest: an ultimatum still pending), so they are not made then.
        history, revisions = self.history, self.revisions
        if revisions:
            yield from revision_problems(
                revisions, self.issued_at, "ultimatum was issued"
            )
            if history:
                yield from revised_after_end(
                    revisions,
                    history,
                    _ENDED,
                    self.label,
                    "its deadline cannot be revised",
                )
        yield from due_before_start_problems(
            revisions, self.deadline, self.issued_at, DUE_BEFORE_ISSUE
        )
        yield from due_before_revision_problems(
            revisions, self.deadline, self.issued_at
        )
        if not history:
            return
        label = self.label
        yield from taken_by(
            history,
            _COMPLIANCE,
            (self.issued_by,),
            "issued the ultimatum and cannot have complied with it",
        )
        yield from history_problems(
            label,
            history,
            UltimatumStatus.PENDING,
            STATUS_STEPS,
            start=self.issued_at,
            start_name="ultimatum was issued",
        )
        yield from unanswered_revival_problems(self)
        deadlines = self.deadlines
        yield from passed_early_problems(
            label,
            history,
            _RAN_OUT,
            deadlines,
            revisions,
            ("the deadline", "its deadlines"),
        )
        yield from late_compliance_problems(label, history, deadlines, revisions)

    @property
    def label(self) -> str:
        """``"ultimatum 'id'"``, for messages."""
        return f"ultimatum {self.id!r}"

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """Every deadline it has had, oldest first, the current one last."""
        return (*(r.previous for r in self.revisions), self.deadline)

    def revise_deadline(
        self,
        new: Deadline,
        *,
        on: Moment | _dt.date,
        reason: str | None = None,
        statement: str | None = None,
        sources: Iterable[str] = (),
    ) -> Ultimatum:
        """
        A copy with the deadline replaced by *new*; the old one goes to ``revisions``.

        *new* may be later (an extension) or earlier (a cut).  Every earlier
        deadline is kept, oldest first, with when (*on*) and why (*reason*) it was
        replaced; :attr:`deadlines` lists them all with the current one last.
        Only a pending ultimatum's deadline can be revised (an expired one may be
        revived by revising it: its status goes back to pending).  A revision
        dated before the ultimatum or before the previous revision is refused,
        and a record built or loaded with one dated after the ultimatum was
        complied with, enforced or withdrawn is refused too.  *statement* is
        the id of the statement that announced it and *sources* the ids of
        the sources that report it (a list: a lone string is refused).  A
        new deadline that had already passed on *on* (or on the day of an
        earlier revision, which came before it) is refused at the field it
        would take.

        Example:
            >>> issued = pendulum.date(2025, 7, 14)
            >>> ultimatum = Ultimatum(
            ...     id="u", issued_by="us", addressed_to=["ru"], issued_at=issued,
            ...     demand="Ceasefire", deadline=Deadline.after(issued, days=50),
            ... )
            >>> cut = ultimatum.revise_deadline(
            ...     Deadline.after(pendulum.date(2025, 7, 29), days=10),
            ...     on=pendulum.date(2025, 7, 29), reason="Ten days from today",
            ... )
            >>> [str(d.due) for d in cut.deadlines]
            ['2025-09-02', '2025-08-08']
        """
        if self.status in _ENDED:
            raise IllegalTransitionError(
                self.label,
                self.status.value,
                "revised",
                f"{with_article(self.status.value)} ultimatum's deadline cannot be revised",
            )
        revision = new_revision(
            self.deadline,
            len(self.revisions),
            on,
            reason,
            statement,
            sources,
            replacing=(Ultimatum, "deadline", new),
        )
        history: tuple[StatusChange, ...] = self.history
        if self.status is _RAN_OUT:  # revived
            history = revived_by(
                self.label,
                history,
                _REVIVED,
                revision,
                len(self.revisions),
                reason or "deadline revised",
            )
        return attrs.evolve(
            self,
            deadline=new,
            revisions=(*self.revisions, revision),
            history=history,
        )

    def respond(
        self,
        party: str,
        *,
        on: Moment | _dt.date,
        stance: Stance | str,
        text: str | None = None,
        statement: str | None = None,
        sources: Iterable[str] = (),
    ) -> Ultimatum:
        """
        A copy with a response added (the status does not change by itself).

        *party* answered on *on* with *stance* (a :class:`Stance` or its
        value: "blackmail" is ``rejects``), in *text* if given, made in the
        statement whose id is *statement*, and reported by the sources whose
        ids are *sources*.  Any party but the one that issued it can respond (those it is
        addressed to, and others: an ally's rejection is a response too).
        Bad values are reported at the place the response would take
        (``responses[1].stance``).
        """
        responses = append_response(
            self.responses,
            party=party,
            on=on,
            stance=stance,
            text=text,
            statement=statement,
            sources=sources,
        )
        return attrs.evolve(self, responses=responses)

    def _step(
        self,
        status: UltimatumStatus,
        on: MomentInput | None,
        by: Iterable[str],
        reason: str | None,
        sources: Iterable[str],
        *,
        late: object = False,
    ) -> tuple[Moment, bool, tuple[StatusChange, ...]]:
        """
        A status method's step to *status*, checked against the steps the
        methods allow (an :class:`~negotiation_records.IllegalTransitionError`,
        as ``with_status`` checks it first), then its arguments, read together
        (every bad one at once): the moment of the step (an expiry given no
        *on* dated at the deadline's cut-off,
        :func:`~negotiation_records.history.closing_on`), *late*, and the
        history with the step added.
        """
        check_transition(self.label, _METHOD_STEPS, self.status, status)
        arguments = ArgumentProblems()
        on = closing_on(
            status, on, (UltimatumStatus.EXPIRED, self.deadline, ""), self.issued_at
        )
        moment = arguments.read(lambda: moment_argument(on, "on"))
        if late is not False:  # the default needs no check
            late = bool(arguments.read(lambda: bool_argument(late, "late")))
        history = arguments.read(
            lambda: with_change(
                self.history, status, on=moment, by=by, reason=reason, sources=sources
            )
        )
        arguments.raise_any()
        assert moment is not None  # noqa: S101 - no problem: read
        assert history is not None  # noqa: S101 - no problem: made
        return moment, bool(late), history

    def comply(
        self,
        *,
        on: MomentInput,
        late: bool = False,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Ultimatum:
        """
        Mark the demand met on *on*.

        Meeting it after the deadline in force then passed (a deadline cut
        "in August" may still have been the earlier one on 20 August, as the
        record reads it), or after the ultimatum was marked
        expired, needs ``late=True``: the record must say so explicitly, and
        it says so by an ``expired`` step before the compliance.  A pending
        ultimatum gets that step too, dated at the deadline's
        :attr:`~negotiation_records.Deadline.cutoff` as :meth:`expire` dates
        it (or, if a step of the history or the revision that set the
        deadline is later, at *on*); a history built or loaded with a late
        compliance and no expiry before it is refused.  On
        the deadline's day (a date), or at the very instant it passes (its
        :attr:`~negotiation_records.Deadline.cutoff`), is in time, as the
        deadline queries and the calendar count it.  *on* is required:
        ``None``, a naive datetime or any other value that is not a moment is a
        :class:`~negotiation_records.ValidationError` at ``on`` (as for
        :meth:`enforce` and :meth:`withdraw`); *late* is ``True`` or
        ``False``, anything else (``"no"``, ``1``) a ValidationError at
        ``late``.

        As for every status method of an ultimatum: *by* is the ids of the
        parties that made the step, *reason* why, in words, and *sources*
        the ids of the sources that report it; *by* and *sources* are lists
        (a lone string is refused), and a bad value is reported at the place
        the change would take (``history[1].by``), with a bad *on* or *late*:
        every bad argument at once, once the step is one the status allows
        (else an :class:`~negotiation_records.IllegalTransitionError`), and
        before the deadline is looked at.

        Example:
            >>> issued = pendulum.date(2025, 7, 14)
            >>> u = Ultimatum(id="u", issued_by="us", addressed_to=["ru"],
            ...               issued_at=issued, demand="Ceasefire",
            ...               deadline=Deadline.after(issued, days=50))
            >>> met = u.comply(on=pendulum.date(2025, 8, 30), by=["ru"],
            ...                reason="ceasefire announced")
            >>> met.status.value, met.history[-1].reason
            ('complied', 'ceasefire announced')
        """
        moment, late, history = self._step(
            UltimatumStatus.COMPLIED, on, by, reason, sources, late=late
        )
        # Late by the record's own rule (the deadline in force then).
        after_deadline = self.status is UltimatumStatus.EXPIRED or complied_late(
            moment, self.deadlines, self.revisions
        )
        if after_deadline and not late:
            raise IllegalTransitionError(
                self.label,
                self.status.value,
                UltimatumStatus.COMPLIED.value,
                "the deadline had passed; pass late=True to record late compliance",
            )
        if after_deadline and self.status is UltimatumStatus.PENDING:
            history = expired_before_compliance(
                history, self.deadline, self.issued_at, self.revisions
            )
        return attrs.evolve(self, history=history)

    def expire(
        self,
        *,
        on: MomentInput | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Ultimatum:
        """
        Mark the ultimatum expired; *on* defaults to the deadline's cut-off
        (:attr:`Deadline.cutoff <negotiation_records.Deadline.cutoff>`: for a
        date deadline the midnight that ends its day, in its zone), the first
        instant at which the deadline has passed.

        Refused if *on* is before the deadline has passed; a value of *on*
        that is not a moment is a :class:`~negotiation_records.ValidationError`
        at ``on``.  *by*, *reason* and *sources* as for :meth:`comply`.

        Example:
            >>> issued = pendulum.date(2025, 7, 14)
            >>> u = Ultimatum(id="u", issued_by="us", addressed_to=["ru"],
            ...               issued_at=issued, demand="Ceasefire",
            ...               deadline=Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv"))
            >>> print(u.expire().status_on)
            2025-09-03 00:00:00+03:00
        """
        moment, _, history = self._step(
            UltimatumStatus.EXPIRED, on, by, reason, sources
        )
        next_status(
            self.label,
            UltimatumStatus,
            _METHOD_STEPS,
            self.status,
            UltimatumStatus.EXPIRED,
            on=moment,
            after=(UltimatumStatus.EXPIRED, self.deadline, "the deadline"),
        )
        return attrs.evolve(self, history=history)

    def enforce(
        self,
        *,
        on: MomentInput,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Ultimatum:
        """
        Mark the consequences carried out on *on* (from pending or expired).

        *on* is required; *by*, *reason* and *sources* as for :meth:`comply`.
        """
        _, _, history = self._step(UltimatumStatus.ENFORCED, on, by, reason, sources)
        return attrs.evolve(self, history=history)

    def withdraw(
        self,
        *,
        on: MomentInput,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Ultimatum:
        """
        Mark the ultimatum withdrawn by its issuer on *on*.

        *on* is required; *by*, *reason* and *sources* as for :meth:`comply`.
        """
        _, _, history = self._step(UltimatumStatus.WITHDRAWN, on, by, reason, sources)
        return attrs.evolve(self, history=history)
