"""
Milestones: deadlines no one issued as a threat — a treaty clock, a
contract's expiry, "talks on phase two by day 16".

A :class:`Milestone` has a deadline that may be revised (each earlier one kept
in ``revisions``, as an ultimatum's), a status history (pending, met, missed,
cancelled, superseded; the steps allowed are ``STATUS_STEPS``) and
conditional :class:`Alternative` deadlines: "22 May if the Commons approves
the deal, otherwise 12 April", each with its condition in words, its own
deadline, and, once known, whether it applied.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from negotiation_records._record import (
    Record,
    argument_problems,
    frozen_record,
    only_with,
)
from negotiation_records._revivals import unanswered_revival_problems
from negotiation_records._unread import read_failure
from negotiation_records._values import short_repr, with_article
from negotiation_records.agreements import (
    due_before_revision_problems,
    due_before_start_problems,
    due_named,
    first_dated,
    made_no_earlier_than,
    new_revision,
    passed_early_problems,
    revised_after_end,
    revision_problems,
    revived_by,
    set_by,
)
from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.errors import (
    IllegalTransitionError,
    ValidationError,
    moved_path,
)
from negotiation_records.fields import (
    PARTY_IDS,
    SOURCE_IDS,
    Bool,
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
    history_problems,
    next_history,
)
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
    is_before,
    moment_text,
)


__all__ = ["STATUS_STEPS", "Alternative", "Milestone", "MilestoneStatus"]


class MilestoneStatus(enum.Enum):
    """
    Where a milestone stands: ``pending`` until it is met, missed, cancelled
    or superseded by another.

    Example:
        >>> MilestoneStatus("missed")
        <MilestoneStatus.MISSED: 'missed'>
    """

    PENDING = "pending"
    MET = "met"
    MISSED = "missed"
    CANCELLED = "cancelled"
    SUPERSEDED = "superseded"


_M = MilestoneStatus
_METHOD_STEPS: dict[MilestoneStatus, frozenset[MilestoneStatus]] = {
    _M.PENDING: frozenset({_M.MET, _M.MISSED, _M.CANCELLED, _M.SUPERSEDED}),
    _M.MISSED: frozenset({_M.MET, _M.CANCELLED, _M.SUPERSEDED}),
}
#: The status that says a milestone's deadline ran out, and the one a
#: revision of that deadline brings it back to (``Milestone.RAN_OUT`` and
#: ``Milestone.REVIVED``, which ``_revivals`` reads).
_RAN_OUT: Final = _M.MISSED
_REVIVED: Final = _M.PENDING
#: The steps a milestone's history may take: those of
#: :meth:`Milestone.with_status` (a missed milestone may be met late), and a
#: missed one pending again when its deadline is revised (see
#: :meth:`Milestone.revise_deadline`, which takes that step).
#: Each key is a status, its value the statuses a step may lead to from it;
#: a status that is not a key is final.
STATUS_STEPS: dict[MilestoneStatus, frozenset[MilestoneStatus]] = {
    **_METHOD_STEPS,
    _RAN_OUT: _METHOD_STEPS[_RAN_OUT] | {_REVIVED},
}
#: The final statuses (no step leads on from them), after which a
#: milestone's deadline is not revised (``Milestone.revise_deadline``).
_ENDED: Final = frozenset(set(MilestoneStatus) - STATUS_STEPS.keys())


@frozen_record(kw_only=True, init=False)
class Alternative(Record):
    """
    A conditional deadline of a milestone: a condition in words and its own
    deadline.

    An alternative says what was set and which one applied; it does not move
    the milestone's deadline.  The deadline queries, snapshots, the
    timeline's ``deadline`` event and the status rules read
    :attr:`Milestone.deadline` and its revisions, so an alternative that
    applied and falls due on another day than the deadline it qualifies is
    recorded as a revision too (:meth:`Milestone.revise_deadline` with the
    alternative's deadline, on the day it was decided).

    Attributes:
        condition: When it applies, in words ("if the Commons approves the deal").
        deadline: The deadline that applies then.
        stage: Which of the milestone's deadlines it qualifies, counted as in
            :attr:`Milestone.deadlines` (0 the first; the current one is
            ``len(revisions)``).
        applied: Whether it applied, once known (``None``: not known yet).
        decided_on: When that became known (optional; only with
            ``applied``).  Neither it nor the deadline may be before the
            deadline it qualifies was set: the milestone's
            :attr:`~Milestone.set_on` for the first, the date of the
            revision that made it for a later one.
        sources: Ids of the sources for this.

    Example:
        >>> Alternative(
        ...     condition="if the Commons approves the withdrawal agreement",
        ...     deadline=Deadline.on(pendulum.date(2019, 5, 22), tz="Europe/Brussels"),
        ...     applied=False,
        ... ).deadline.due
        Date(2019, 5, 22)
    """

    condition: str = field(Text())
    deadline: Deadline = field(Nested(Deadline))
    stage: int = field(Int(min=0), default=0)
    applied: bool | None = field(Maybe(Bool()), default=None)
    decided_on: Moment | None = field(Maybe(MomentKind()), default=None)
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            condition: str,
            deadline: Deadline,
            stage: int = ...,
            applied: bool | None = ...,
            decided_on: MomentInput | None = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...

    @only_with("decided_on")
    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.decided_on is not None and self.applied is None:
            yield (
                "decided_on",
                "says when it became known whether the alternative applied: "
                "give applied (true or false) with it",
            )


def _alternative_dates(
    alternative: Alternative,
    index: int,
    set_on: Moment | None,
    revisions: tuple[DeadlineRevision, ...],
    latest: list[tuple[int, ...]],
) -> Iterable[tuple[str, str]]:
    """
    An alternative that falls due, or was decided, certainly before the
    deadline it qualifies was set, at ``alternatives[index]``: the first
    deadline on *set_on* (the milestone's), a later one on the day of the
    revision that made it (its conditions were not known before), or of an
    earlier revision where that is later (*latest*:
    :func:`~negotiation_records.agreements.made_no_earlier_than`).  A deadline
    set after the day it falls due is as wrong for an alternative as for the
    milestone's own.
    """
    stage = alternative.stage
    starts: list[tuple[Moment, str]] = []
    if 0 < stage <= len(revisions):
        starts = [
            (moment, f"deadline {stage} was set ({name}, {moment_text(moment)})")
            for moment, name in set_by(revisions, stage - 1, latest)
        ]
    elif set_on is not None:  # the first deadline, or a stage the milestone has not
        starts = [(set_on, f"the milestone was set ({moment_text(set_on)})")]
    where = f"alternatives[{index}]"
    for start, when in starts:
        if alternative.deadline.falls_due_before(start):
            yield (
                f"{where}.deadline",
                f"falls due ({due_named(alternative.deadline)}) before {when}",
            )
            break
    decided = alternative.decided_on
    if decided is None:
        return
    for start, when in starts:
        if is_before(decided, start):
            yield (f"{where}.decided_on", f"{moment_text(decided)} is before {when}")
            break


@frozen_record(kw_only=True, init=False)
class Milestone(Record):
    """
    A deadline no one issued as a threat: a treaty clock, a contract expiry.

    Attributes:
        id: Slug other records use to refer to it.
        title: What is due ("Article 50 period ends").
        set_by: Ids of the parties that set it (may be empty).
        agreement: Id of the agreement that sets it (optional).
        applies_to: Ids of the parties it binds.
        set_on: When it was set (optional; else its first dated change).
        deadline: When it falls due now.
        revisions: Earlier deadlines, oldest first, with when and why they changed.
        alternatives: Conditional deadlines, each tied to one of
            :attr:`deadlines` by its ``stage``; of one stage at most one applied.
        history: Every change of status, oldest first (initially pending).
        sources: Ids of the sources for this.

    Example:
        >>> clock = Milestone(
        ...     id="article-50", title="Article 50 period ends",
        ...     applies_to=["uk", "eu"], set_on=pendulum.date(2017, 3, 29),
        ...     deadline=Deadline.after(pendulum.date(2017, 3, 29), years=2, tz="Europe/Brussels"),
        ... )
        >>> clock.deadline.due, clock.status
        (Date(2019, 3, 29), <MilestoneStatus.PENDING: 'pending'>)
    """

    #: The status that says its deadline ran out: ``missed``.
    RAN_OUT: ClassVar[MilestoneStatus] = _RAN_OUT
    #: The status a revision of its deadline brings it back to once it was
    #: missed (:meth:`revise_deadline`): ``pending``.
    REVIVED: ClassVar[MilestoneStatus] = _REVIVED
    #: Whether each step back takes a revision of its own
    #: (the record refuses one without).
    REVIVED_ONLY_BY_REVISION: ClassVar[bool] = True

    id: str = field(Slug())
    title: str = field(Text())
    set_by: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    agreement: str | None = field(Maybe(Slug()), default=None, refers_to="agreement")
    applies_to: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    set_on: Moment | None = field(Maybe(MomentKind()), default=None)
    deadline: Deadline = field(Nested(Deadline))
    revisions: tuple[DeadlineRevision, ...] = field(
        Many(Nested(DeadlineRevision)), default=()
    )
    alternatives: tuple[Alternative, ...] = field(
        Many(Nested(Alternative), unique="alternative"), default=()
    )
    history: tuple[StatusChange[MilestoneStatus], ...] = field(
        History(MilestoneStatus), default=()
    )
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            id: str,  # noqa: A002 - the field's name
            title: str,
            set_by: Iterable[str] = ...,
            agreement: str | None = ...,
            applies_to: Iterable[str] = ...,
            set_on: MomentInput | None = ...,
            deadline: Deadline,
            revisions: Iterable[DeadlineRevision] = ...,
            alternatives: Iterable[Alternative] = ...,
            history: Iterable[StatusChange] = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...

    @property
    def label(self) -> str:
        """``"milestone 'id'"``, for messages."""
        return f"milestone {self.id!r}"

    @property
    def status(self) -> MilestoneStatus:
        """Where it stands now: the last change of :attr:`history` (else pending)."""
        return current_status(self.history, MilestoneStatus.PENDING)

    @property
    def status_on(self) -> Moment | None:
        """When the status last changed (``None``: no change, or undated)."""
        return self.history[-1].on if self.history else None

    def status_at(self, at: Moment | _dt.date) -> MilestoneStatus:
        """
        The status in force at *at*: the last change known by then (an undated
        change counts once the change before it does, the first always; a
        month or year once it has passed), but for a ``missed`` step, which
        counts, with those after it, only once a deadline has run out for it,
        passed while still in force (a milestone cannot run out before a
        deadline passes: one marked missed on its due day is pending until
        then; the snapshot of :meth:`Negotiation.as_of
        <negotiation_records.Negotiation.as_of>` and the deadline queries read
        it alike).
        A naive datetime, text or any other value that is not a moment is a
        :class:`~negotiation_records.ValidationError` at ``at`` (as for
        :meth:`Negotiation.as_of <negotiation_records.Negotiation.as_of>`).
        """
        from negotiation_records._snapshot import known_status  # noqa: PLC0415 - above

        return known_status(self, MilestoneStatus.PENDING, at)

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """Every deadline it has had, oldest first, the current one last."""
        return (*(r.previous for r in self.revisions), self.deadline)

    @property
    def first_dated(self) -> Moment | None:
        """
        When it is first heard of: :attr:`set_on`, else its first dated
        status change (``None``: neither; a snapshot then keeps it always).

        A deadline revision does not count, as for an
        :attr:`Agreement.first_dated <negotiation_records.Agreement.first_dated>`:
        it shows that the milestone was there before it, its earlier deadline
        in force until then.
        """
        if self.set_on is not None:
            return self.set_on
        return first_dated(self.history)

    def applied(self, stage: int | None = None) -> Alternative | None:
        """
        The alternative that applied at *stage* (default: the current
        deadline's), or ``None`` if none is known to have applied.

        A stage is a whole number from 0 (the first deadline) to the number
        of revisions (the current one); anything else is a
        :class:`~negotiation_records.ValidationError` at ``stage``.
        """
        last = len(self.revisions)
        if stage is not None and (
            not isinstance(stage, int)
            or isinstance(stage, bool)
            or not 0 <= stage <= last
        ):
            raise ValidationError(
                [
                    (
                        "stage",
                        f"must be a stage of this milestone, 0 (its first deadline) "
                        f"to {last} (its current one), got {short_repr(stage)}",
                    )
                ]
            )
        wanted = last if stage is None else int(stage)
        for alternative in self.alternatives:
            if alternative.stage == wanted and alternative.applied:
                return alternative
        return None

    def decide_alternative(
        self,
        index: int,
        *,
        applied: bool,
        on: Moment | _dt.date | None = None,
        sources: Iterable[str] = (),
    ) -> Milestone:
        """
        A copy in which ``alternatives[index]`` is decided: it *applied* (or
        not), known *on* that day (optional), with *sources* added to its own.

        What a record tracking the talks as they happen needs once the
        condition is settled ("the Commons did not approve the deal by 29
        March").  An alternative already decided is not decided again (build
        it anew with ``attrs.evolve`` to correct a mistake), and the
        milestone checks the rest as on construction: one alternative applied
        to each deadline, none decided before the milestone was set.  *index*
        that names no alternative is a
        :class:`~negotiation_records.ValidationError` at ``index``, a bad
        *applied*, *on* or *sources* one at that argument.

        Deciding does not move the deadline (see :class:`Alternative`): where
        the alternative that applied falls due on another day, revise the
        deadline to it too.

        Example:
            >>> brussels = "Europe/Brussels"
            >>> clock = Milestone(
            ...     id="article-50", title="Article 50 period",
            ...     deadline=Deadline.on(pendulum.date(2019, 4, 12), tz=brussels),
            ...     alternatives=[Alternative(
            ...         condition="if the Commons approves the deal by 29 March",
            ...         deadline=Deadline.on(pendulum.date(2019, 5, 22), tz=brussels))])
            >>> decided = clock.decide_alternative(
            ...     0, applied=False, on=pendulum.date(2019, 3, 29))
            >>> decided.alternatives[0].applied, decided.alternatives[0].decided_on
            (False, Date(2019, 3, 29))
            >>> decided.decide_alternative(0, applied=True)
            Traceback (most recent call last):
            ...
            negotiation_records.errors.ValidationError: alternatives[0].applied: was already decided (did not apply, known on 2019-03-29); to correct it, build the alternative anew (attrs.evolve)
        """
        count = len(self.alternatives)
        if type(index) is not int or not 0 <= index < count:
            names = f"0 to {count - 1}" if count else "none: it has no alternatives"
            raise ValidationError(
                [
                    (
                        "index",
                        f"must name one of its alternatives ({names}), "
                        f"got {short_repr(index)}",
                    )
                ]
            )
        alternative = self.alternatives[index]
        problems: list[tuple[str, str]] = []
        answer, found = argument_problems(Alternative, "applied", applied)
        problems += found
        if answer is None and not found:
            problems.append(("applied", "must be true or false, got None"))
        moment, found = argument_problems(Alternative, "decided_on", on)
        problems += [(moved_path(path, {"decided_on": "on"}), m) for path, m in found]
        added, found = argument_problems(Alternative, "sources", sources)
        problems += found
        if problems:
            raise ValidationError(problems)
        where = f"alternatives[{index}]"
        if alternative.applied is not None:
            known = (
                ""
                if alternative.decided_on is None
                else f", known on {moment_text(alternative.decided_on)}"
            )
            said = "applied" if alternative.applied else "did not apply"
            raise ValidationError(
                [
                    (
                        f"{where}.applied",
                        f"was already decided ({said}{known}); to correct it, "
                        "build the alternative anew (attrs.evolve)",
                    )
                ]
            )
        merged = (
            *alternative.sources,
            *(i for i in added if i not in alternative.sources),
        )
        decided = attrs.evolve(
            alternative, applied=answer, decided_on=moment, sources=merged
        )
        alternatives = list(self.alternatives)
        alternatives[index] = decided
        return attrs.evolve(self, alternatives=alternatives)

    def _problems(self) -> Iterable[tuple[str, str]]:
        yield from revision_problems(self.revisions, self.set_on, "milestone was set")
        yield from revised_after_end(
            self.revisions,
            self.history,
            _ENDED,
            self.label,
            "its deadline cannot be revised",
        )
        yield from due_before_start_problems(
            self.revisions,
            self.deadline,
            self.set_on,
            "falls due ({due}) before the milestone was set ({start})",
        )
        yield from due_before_revision_problems(
            self.revisions, self.deadline, self.set_on
        )
        applied: dict[int, int] = {}
        latest = made_no_earlier_than(self.revisions) if self.alternatives else []
        for index, alternative in enumerate(self.alternatives):
            yield from _alternative_dates(
                alternative, index, self.set_on, self.revisions, latest
            )
            if alternative.stage > len(self.revisions):
                yield (
                    f"alternatives[{index}].stage",
                    f"the milestone has no deadline {short_repr(alternative.stage)} "
                    f"(it has {len(self.revisions) + 1})",
                )
            if alternative.applied:
                if alternative.stage in applied:
                    yield (
                        f"alternatives[{index}].applied",
                        f"alternatives[{applied[alternative.stage]}] already applied "
                        f"to deadline {short_repr(alternative.stage)}",
                    )
                applied.setdefault(alternative.stage, index)
        yield from history_problems(
            self.label,
            self.history,
            MilestoneStatus.PENDING,
            STATUS_STEPS,
            start=self.set_on,
            start_name="milestone was set",
        )
        yield from unanswered_revival_problems(self)
        yield from passed_early_problems(
            self.label,
            self.history,
            _RAN_OUT,
            self.deadlines,
            self.revisions,
            ("the deadline", "its deadlines"),
        )

    def with_status(
        self,
        status: MilestoneStatus | str,
        *,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Milestone:
        """
        A copy with one more status change, checked against ``STATUS_STEPS``
        but for a missed milestone made pending again, which only
        :meth:`revise_deadline` does (with the deadline that makes it so).

        A dated ``missed`` step is refused while the deadline had not passed
        on that day, and one without *on* is dated at the deadline's cut-off,
        the first instant at which it has passed (both as
        :meth:`Ultimatum.expire <negotiation_records.Ultimatum.expire>` does),
        so that the history says when.  *by* and *sources* are
        lists of ids (a lone string is refused); a bad value is reported at the
        place the change would take (``history[1].by``).

        Example:
            >>> clock = Milestone(id="m", title="Talks on phase two",
            ...                   deadline=Deadline.on(pendulum.date(2025, 2, 3)))
            >>> clock.with_status("missed", on=pendulum.date(2025, 2, 4)).status
            <MilestoneStatus.MISSED: 'missed'>
            >>> clock.with_status("missed", on=pendulum.date(2025, 1, 25))
            Traceback (most recent call last):
            ...
            negotiation_records.errors.IllegalTransitionError: milestone 'm' cannot go from 'pending' to 'missed': the deadline (2025-02-03) had not passed on 2025-01-25
        """
        history = next_history(
            self.label,
            MilestoneStatus,
            _METHOD_STEPS,
            self,
            status,
            on=on,
            by=by,
            reason=reason,
            sources=sources,
            closing=(MilestoneStatus.MISSED, self.deadline, "the deadline"),
            start=self.set_on,
        )
        return attrs.evolve(self, history=history)

    def revise_deadline(
        self,
        new: Deadline,
        *,
        on: Moment | _dt.date,
        reason: str | None = None,
        alternatives: Iterable[Alternative] = (),
        statement: str | None = None,
        sources: Iterable[str] = (),
    ) -> Milestone:
        """
        A copy whose deadline is *new*; the old one goes to :attr:`revisions`.

        *alternatives* qualify the new deadline: their ``stage`` is set to it
        (anything that is not an :class:`Alternative` is reported at
        ``alternatives[i]``).  A missed milestone whose deadline is revised is
        pending again; a met, cancelled or superseded one's is not revised (a
        record built or loaded with a revision dated after that is refused).
        *on* is when it was revised and *reason* why, in words.  *statement*
        is the id of the statement that announced it and *sources* the ids
        of the sources that report it (a list: a lone string is refused).  A
        new deadline that had already passed on *on* (or on the day of an
        earlier revision, which came before it) is refused at the field it
        would take.

        Example:
            >>> clock = Milestone(id="m", title="Clock",
            ...                   deadline=Deadline.on(pendulum.date(2019, 3, 29)))
            >>> later = clock.revise_deadline(
            ...     Deadline.on(pendulum.date(2019, 4, 12)), on=pendulum.date(2019, 3, 22),
            ...     alternatives=[Alternative(condition="if the deal is approved",
            ...                               deadline=Deadline.on(pendulum.date(2019, 5, 22)))])
            >>> [str(d.due) for d in later.deadlines], later.alternatives[0].stage
            (['2019-03-29', '2019-04-12'], 1)
        """
        if self.status in _ENDED:
            raise IllegalTransitionError(
                self.label,
                self.status.value,
                "revised",
                f"{with_article(self.status.value)} milestone's deadline cannot be revised",
            )
        revision = new_revision(
            self.deadline,
            len(self.revisions),
            on,
            reason,
            statement,
            sources,
            replacing=(Milestone, "deadline", new),
        )
        stage = len(self.revisions) + 1
        added = tuple(
            attrs.evolve(a, stage=stage)
            for a in _alternatives(alternatives, len(self.alternatives))
        )
        history: tuple[StatusChange, ...] = self.history
        if self.status is _RAN_OUT:
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
            alternatives=(*self.alternatives, *added),
            history=history,
        )


def _alternatives(given: Iterable[Alternative], before: int) -> tuple[Alternative, ...]:
    """
    The *alternatives* argument of :meth:`Milestone.revise_deadline`,
    checked: each problem at the place the alternative takes, after the
    *before* the milestone has (``alternatives[2]`` for the first given to
    one with two), as the record's own rules report it.
    """
    alternatives, problems = argument_problems(Milestone, "alternatives", given)
    if problems:
        placed = [(_after(path, before), message) for path, message in problems]
        raise ValidationError(placed) from read_failure([alternatives])
    return alternatives  # type: ignore[no-any-return]


def _after(path: str, before: int) -> str:
    """*path* (``alternatives[0].deadline``) with its index moved on by *before*."""
    head = "alternatives["
    if not path.startswith(head):
        return path
    index, bracket, rest = path[len(head) :].partition("]")
    if not bracket or not index.isdigit():
        return path
    return f"{head}{int(index) + before}]{rest}"
