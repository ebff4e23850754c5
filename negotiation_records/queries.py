"""
The time questions users ask of a record, behind the query methods of
:class:`~negotiation_records.Negotiation`.

Every question is asked *as of* a moment ``at`` — by default now, in UTC (the
machine's local zone is never used).  ``at`` may be a zone-aware datetime, a date
or a month or a year.  A question is answered at one instant
(:func:`as_of_instant`): a datetime's own; for a date, the start of that day in
UTC, and for a month or a year the start of its first day in UTC — the instant
at which the snapshot reads it.  That one instant decides both what was known
and whether a deadline had passed (and how long was left), so an answer is
always the answer at a real moment.  (:meth:`Deadline.is_past
<negotiation_records.Deadline.is_past>` asked directly with a date reads it in
the deadline's own zone; the queries ask it at the instant instead.  The end of
an :func:`upcoming_deadlines` window, a date when *within* is a calendar period,
is that whole day, read in each deadline's zone.)  Asking as of a past moment
reads the record as it stood then, as far as the record's dates allow:

* an ultimatum counts from when it was issued;
* the deadline *in force* at ``at`` is the one that had not yet been replaced:
  a revision counts from its ``revised_on``, or from a known step that needed
  it (an expiry by no earlier deadline: :meth:`Negotiation.as_of
  <negotiation_records.Negotiation.as_of>`);
* a status (complied, withdrawn, expired, enforced) counts from the date of
  its change in the ultimatum's ``history``; an undated change counts once the
  change before it does, the first always;
* a party's stance counts from when it was taken (an undated one always);
* a deadline that ran out before its record was closed stays expired: an
  ultimatum complied with or withdrawn, a milestone met, cancelled or
  superseded, an agreement terminated or superseded only after the deadline
  (the expiry, or the end of one of its phases) passed is still listed by the
  expired-deadline queries; closed before it passed (or at the very instant
  it passed), or at an unrecorded time, it is not.

The deadlines the queries :func:`all_upcoming_deadlines` and
:func:`all_expired_deadlines` list are the ultimatums', the milestones', and
each agreement's expiry and the end of each of its phases (a
:class:`PhaseEnd`).  An agreement's entry into force (``in_force``) is not
among them: it is when the text starts to bind, not a limit that runs out (the
timeline lists it).

The methods of :class:`~negotiation_records.Negotiation` ask these questions of
the record *as it stood* at ``at`` (:meth:`Negotiation.as_of
<negotiation_records.Negotiation.as_of>`), so later events never leak in.

Whether something dated had happened by ``at`` is decided as the snapshot
decides it, by :func:`~negotiation_records.timeutil.is_known_by`: a date or a
datetime counts once it has come (a date from the start of its UTC day), a
month or a year only once its whole span has passed.  Whether a deadline has
passed is always :meth:`Deadline.is_past <negotiation_records.Deadline.is_past>`
at that same instant.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple, TypeVar

import attrs

from negotiation_records._closing import (
    AGREEMENT_ENDED,
    MILESTONE_CANCELLED,
    closed_in_time,
    expired_before,
)
from negotiation_records._query_moments import (
    as_of,
    as_of_instant,
    at_and_horizon,
    due_by,
    horizon,
)
from negotiation_records._record import Record, frozen_record
from negotiation_records._snapshot import is_heard_of, known_state, revisions_kept
from negotiation_records._values import short_repr
from negotiation_records.agreements import Agreement, AgreementStatus, Phase
from negotiation_records.conditions import Condition, ConditionKind
from negotiation_records.deadlines import Deadline
from negotiation_records.errors import RecordNotFoundError
from negotiation_records.fields import (
    Choice,
    Int,
    Many,
    Maybe,
    MomentKind,
    Nested,
    Slug,
    field,
)
from negotiation_records.history import StatusChange, current_status
from negotiation_records.milestones import Milestone, MilestoneStatus
from negotiation_records.parties import Membership, surely_member_on
from negotiation_records.proposals import Proposal, ProposalStatus
from negotiation_records.stances import Stance
from negotiation_records.timeline import Talks
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
    Period,
    is_known_by,
    moment_sort_key,
    since_epoch,
)
from negotiation_records.ultimatums import Ultimatum, UltimatumStatus


__all__ = [
    "DeadlineEntry",
    "PartyPositions",
    "PhaseEnd",
    "TermStance",
    "UltimatumDeadline",
    "all_expired_deadlines",
    "all_upcoming_deadlines",
    "as_of",
    "as_of_instant",
    "at_and_horizon",
    "deadline_in_force",
    "expired_deadlines",
    "horizon",
    "pending_ultimatums",
    "positions",
    "upcoming_deadlines",
]

_CLOSED = frozenset(
    {
        UltimatumStatus.COMPLIED,
        UltimatumStatus.WITHDRAWN,
        UltimatumStatus.EXPIRED,
        UltimatumStatus.ENFORCED,
    }
)
_MET = frozenset({UltimatumStatus.COMPLIED, UltimatumStatus.WITHDRAWN})
_DEMANDS = frozenset({ConditionKind.DEMAND, ConditionKind.PRECONDITION})


class UltimatumDeadline(NamedTuple):
    """
    An ultimatum with the deadline in force at the moment asked about.

    What :meth:`Negotiation.upcoming_deadlines
    <negotiation_records.Negotiation.upcoming_deadlines>` and
    :meth:`~negotiation_records.Negotiation.expired_deadlines` return.  A named
    tuple: unpack it (``for ultimatum, deadline in ...``) or read its fields.

    Attributes:
        ultimatum: The ultimatum as it stood at the moment asked about
            (:meth:`Negotiation.as_of <negotiation_records.Negotiation.as_of>`:
            its history and revisions cut there).
        deadline: Its deadline in force at the moment asked about (an earlier one
            if the deadline was revised later).

    Example:
        >>> issued = pendulum.date(2025, 7, 14)
        >>> entry = UltimatumDeadline(
        ...     Ultimatum(id="u", issued_by="us", addressed_to=["ru"],
        ...               issued_at=issued, demand="Ceasefire",
        ...               deadline=Deadline.after(issued, days=50)),
        ...     Deadline.after(issued, days=50),
        ... )
        >>> ultimatum, deadline = entry
        >>> ultimatum.id, deadline.due
        ('u', Date(2025, 9, 2))
    """

    ultimatum: Ultimatum
    deadline: Deadline

    @property
    def id(self) -> str:
        """The ultimatum's id."""
        return self.ultimatum.id


@frozen_record(kw_only=True, init=False)
class PhaseEnd(Record):
    """
    The end of one phase of an agreement, as a deadline: the record of a
    :class:`DeadlineEntry` whose :attr:`~DeadlineEntry.kind` is ``"phase"``.

    A phase has no id of its own: it is named by its agreement and its place
    in the agreement's ``phases`` (*index*, 0 for the first), as the timeline
    names it (``agreements[0].phases[1].ends``).

    Attributes:
        agreement: The agreement, as the record held it at the moment asked
            about.
        index: The phase's place in ``agreement.phases``; that phase has an
            end (``ends``).

    Example:
        >>> start = pendulum.date(2025, 1, 19)
        >>> ceasefire = Agreement(id="gaza", title="Gaza ceasefire", stage="ceasefire",
        ...     phases=[Phase(name="Phase one", starts=start,
        ...                   ends=Deadline.on_day(42, counting_from=start))])
        >>> end = PhaseEnd(agreement=ceasefire, index=0)
        >>> end.id, end.title, end.path, end.deadline.due
        ('gaza', 'Gaza ceasefire — Phase one', 'phases[0].ends', Date(2025, 3, 1))
    """

    agreement: Agreement = field(Nested(Agreement))
    index: int = field(Int(min=0))

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            agreement: Agreement,
            index: int,
        ) -> None: ...

    def _problems(self) -> Iterable[tuple[str, str]]:
        phases = self.agreement.phases
        if self.index >= len(phases):
            yield (
                "index",
                f"{self.agreement.label} has no phase {short_repr(self.index)}",
            )
        elif phases[self.index].ends is None:
            yield (
                "index",
                f"phases[{self.index}] of {self.agreement.label} has no end",
            )

    @property
    def phase(self) -> Phase:
        """The phase."""
        return self.agreement.phases[self.index]

    @property
    def deadline(self) -> Deadline:
        """When the phase ends (its ``ends``)."""
        ends = self.phase.ends
        assert ends is not None  # noqa: S101 - checked on construction
        return ends

    @property
    def id(self) -> str:
        """The agreement's id."""
        return self.agreement.id

    @property
    def title(self) -> str:
        """The agreement's title and the phase's name: ``"Gaza ceasefire — Phase one"``."""
        return f"{self.agreement.title} — {self.phase.name}"

    @property
    def path(self) -> str:
        """Where the deadline is in the agreement: ``"phases[0].ends"``."""
        return f"phases[{self.index}].ends"

    @property
    def label(self) -> str:
        """``"phase 'Phase one' of agreement 'gaza'"``, for messages."""
        return f"phase {short_repr(self.phase.name)} of {self.agreement.label}"


class DeadlineEntry(NamedTuple):
    """
    A record that falls due — an ultimatum, a milestone, an agreement's
    expiry or the end of one of an agreement's phases — with its deadline in
    force at the moment asked about.

    What :meth:`Negotiation.all_upcoming_deadlines
    <negotiation_records.Negotiation.all_upcoming_deadlines>` and
    :meth:`~negotiation_records.Negotiation.all_expired_deadlines` return.

    Attributes:
        record: The ultimatum, milestone or agreement as it stood at the
            moment asked about (:meth:`Negotiation.as_of
            <negotiation_records.Negotiation.as_of>`); for the end of a phase,
            a :class:`PhaseEnd` (the agreement and the phase's place in it).
        deadline: Its deadline (an agreement's: its expiry; a phase's: its
            ``ends``) in force then.

    Example:
        >>> clock = Milestone(id="m", title="Clock",
        ...                   deadline=Deadline.on(pendulum.date(2019, 3, 29)))
        >>> entry = DeadlineEntry(clock, clock.deadline)
        >>> entry.kind, entry.id
        ('milestone', 'm')
    """

    record: Ultimatum | Milestone | Agreement | PhaseEnd
    deadline: Deadline

    @property
    def id(self) -> str:
        """The record's id (a phase's: its agreement's)."""
        return self.record.id

    @property
    def kind(self) -> Literal["ultimatum", "milestone", "agreement", "phase"]:
        """``"ultimatum"``, ``"milestone"``, ``"agreement"`` (its expiry) or
        ``"phase"`` (the end of a phase of an agreement), for a subclass of
        one of those records too."""
        record = self.record
        if isinstance(record, PhaseEnd):
            return "phase"
        if isinstance(record, Ultimatum):
            return "ultimatum"
        if isinstance(record, Milestone):
            return "milestone"
        return "agreement"


@frozen_record(kw_only=True, init=False)
class TermStance(Record):
    """
    A party's stance on one term put forward by someone else.

    Attributes:
        condition: The term.
        stance: The party's latest stance on it, or ``None`` if none is recorded.
        on: When that stance was taken, if the record dates it.
        inherited_from: The id of the coalition whose stance this is, when the
            party has no stance of its own on the term and takes its
            coalition's (``None``: the party's own stance, or none).

    Example:
        >>> TermStance(
        ...     condition=Condition(id="c", text="Cede four regions"),
        ...     stance=Stance.OPPOSES,
        ... ).stance.is_negative
        True
    """

    condition: Condition = field(Nested(Condition))
    stance: Stance | None = field(Maybe(Choice(Stance)), default=None)
    on: Moment | None = field(Maybe(MomentKind()), default=None)
    inherited_from: str | None = field(Maybe(Slug()), default=None)

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            condition: Condition,
            stance: Stance | str | None = ...,
            on: MomentInput | None = ...,
            inherited_from: str | None = ...,
        ) -> None: ...

    @property
    def inherited(self) -> bool:
        """Whether the stance is a coalition's, taken by a member (see above)."""
        return self.inherited_from is not None


@frozen_record(kw_only=True, init=False)
class PartyPositions(Record):
    """
    Where one party stands: what it puts forward, and its stance on the rest.

    What :meth:`Negotiation.positions
    <negotiation_records.Negotiation.positions>` returns.  A term belongs to the
    party in its ``demanded_by``; a term without one belongs to the proposal's
    proposer (each co-proposer of a joint text) or the ultimatum's issuer it is
    part of.  A response counts as a dated stance on what it answers: a
    response to a proposal as one on each of its terms (rejecting a text is
    rejecting what it puts forward), a response to an ultimatum as one on its
    demand; the latest dated stance wins, so a party's own later position on
    one term outweighs its earlier answer to the whole text.  A status change
    a party made (its ``by``) counts as a response would: a proposal accepted
    or rejected as ``accepts`` or ``rejects`` on its terms, an ultimatum
    complied with as ``accepts`` on its demand, an agreement signed or
    ratified as ``accepts`` on its provisions (a ``signed`` step that names no
    one: for every signatory).  Other steps say no stance: a proposal
    countered or an ultimatum's deadline passing is no answer on a term.

    A member of a coalition with no stance of its own on a term takes the
    coalition's, marked as inherited (:attr:`TermStance.inherited_from` names
    the coalition).  A coalition's dated stance counts for the parties that were
    surely members on that date, so a party that left keeps the latest stance
    the coalition took while it was a member; an undated one counts for those
    that were surely members at the moment asked about (now, when no moment is
    given).  "Surely": a stance dated only "2020" is not taken by a member that
    left on 31 January 2020, nor one dated "June 2025" by a member that joined
    on 2 June; a member is a member all the day it joins and the day it leaves.
    When several coalitions of the party have a stance, the latest dated one
    is taken; of stances dated alike, or all undated, that of the coalition
    listed last in ``parties``, as of a party's own stances the one listed
    last.  It is taken one step: a member takes what its coalition said
    itself, not what that coalition takes from a coalition it is a member of
    in turn (France in a bloc that belongs to the EU takes the bloc's stance,
    not the EU's): give the bloc its own position, or the EU France as a
    member.

    Attributes:
        party: The party's id.
        demands: The demands and preconditions it puts forward, in record order
            (standing conditions, proposals' terms, ultimatums' demands,
            agreements' provisions).
        offers: The offers and commitments it puts forward.
        stances: Its stance on every term put forward by another party (or by
            no one), in record order; ``stance`` is ``None`` where the record has
            none.

    Example:
        >>> cede = Condition(id="cede", text="Cede four regions", demanded_by="ru",
        ...                  addressed_to=["ua"],
        ...                  positions=[Position(party="ua", stance="opposes")])
        >>> mine = PartyPositions(
        ...     party="ua", stances=(TermStance(condition=cede, stance=Stance.OPPOSES),)
        ... )
        >>> mine.stance_on("cede")
        <Stance.OPPOSES: 'opposes'>
    """

    party: str = field(Slug())
    demands: tuple[Condition, ...] = field(Many(Nested(Condition)), default=())
    offers: tuple[Condition, ...] = field(Many(Nested(Condition)), default=())
    stances: tuple[TermStance, ...] = field(Many(Nested(TermStance)), default=())

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            party: str,
            demands: Iterable[Condition] = ...,
            offers: Iterable[Condition] = ...,
            stances: Iterable[TermStance] = ...,
        ) -> None: ...

    def stance_on(self, condition_id: str) -> Stance | None:
        """
        The party's stance on the term *condition_id* (``None`` if it has none).

        Raises :class:`~negotiation_records.RecordNotFoundError` if the term is
        not another party's term of the record.
        """
        for entry in self.stances:
            if entry.condition.id == condition_id:
                return entry.stance
        raise RecordNotFoundError(
            "term of another party",
            condition_id,
            [entry.condition.id for entry in self.stances],
        )


# --- the moment asked about -----------------------------------------------------


def deadline_in_force(ultimatum: Ultimatum, at: Moment | _dt.date | None) -> Deadline:
    """
    The ultimatum's deadline as it stood at *at*: the latest one whose revision
    (or the ultimatum's issue, for the first) was known by *at*, as
    :meth:`Negotiation.as_of <negotiation_records.Negotiation.as_of>` reads it
    (:func:`~negotiation_records.timeutil.is_known_by`): a revision dated only
    "July 2025" counts from 1 August, or from the day a known ``expired``
    step shows it had been made (expired on 20 July by the deadline it set).

    Example:
        >>> from negotiation_records.queries import deadline_in_force
        >>> issued = pendulum.date(2025, 7, 14)
        >>> u = Ultimatum(id="u", issued_by="us", addressed_to=["ru"],
        ...               issued_at=issued, demand="Ceasefire",
        ...               deadline=Deadline.after(issued, days=50))
        >>> cut = u.revise_deadline(Deadline.after(pendulum.date(2025, 7, 29), days=10),
        ...                         on=pendulum.date(2025, 7, 29))
        >>> deadline_in_force(cut, pendulum.date(2025, 7, 20)).due
        Date(2025, 9, 2)
        >>> deadline_in_force(cut, pendulum.date(2025, 7, 30)).due
        Date(2025, 8, 8)
    """
    moment = as_of(at)
    return ultimatum.deadlines[revisions_kept(ultimatum, moment)]


def _issued(ultimatum: Ultimatum, at: Moment) -> bool:
    """Whether *ultimatum* was issued by *at*, as the snapshot reads it."""
    return is_heard_of(ultimatum, at)


def _ultimatum_state(
    ultimatum: Ultimatum, at: Moment
) -> tuple[UltimatumStatus, Deadline, tuple[StatusChange, ...]]:
    """*ultimatum*'s status, deadline in force and known history at *at*."""
    history, kept = known_state(ultimatum, at)
    status = current_status(history, UltimatumStatus.PENDING)
    return status, ultimatum.deadlines[kept], history


def _pending(talks: Talks, at: Moment) -> list[UltimatumDeadline]:
    found = []
    for ultimatum in talks.ultimatums:
        if not _issued(ultimatum, at):
            continue
        status, deadline, _ = _ultimatum_state(ultimatum, at)
        if status in _CLOSED:
            continue
        if not deadline.is_past(at):
            found.append(UltimatumDeadline(ultimatum, deadline))
    return found


def pending_ultimatums(
    talks: Talks, at: Moment | _dt.date | None = None
) -> tuple[Ultimatum, ...]:
    """
    The ultimatums still open at *at*, in record order.

    Open means: issued by then, not complied with, withdrawn, expired or enforced
    by then, and its deadline in force then has not passed.  An ultimatum whose
    status still says ``pending`` but whose deadline has passed is not open (see
    :func:`expired_deadlines`); one marked expired on a day whose deadline
    passes later that day is open until it passes, in every view: it cannot
    have expired before a deadline passed, and the snapshot holds the step
    back until then (:meth:`Negotiation.as_of
    <negotiation_records.Negotiation.as_of>`).  A
    date *at* is the start of that day in UTC (:func:`as_of_instant`), for
    what was known and for the deadline alike.
    """
    moment = as_of_instant(at)
    return tuple(entry.ultimatum for entry in _pending(talks, moment))


def upcoming_deadlines(
    talks: Talks,
    at: Moment | _dt.date | None = None,
    within: Period | _dt.timedelta | str | None = None,
) -> tuple[UltimatumDeadline, ...]:
    """
    The deadlines of the ultimatums open at *at*, soonest first.

    With *within* (a :class:`~negotiation_records.Period`, a
    :class:`pendulum.Duration` or ISO text such as ``"P7D"``), only those that
    fall due by the horizon *at* + *within* (:func:`horizon`, added by the rules
    of :meth:`Deadline.after <negotiation_records.Deadline.after>`): a deadline
    with a time of day when that time is not after the horizon; a date deadline
    when its day has begun by the horizon, in its zone ("due on 2 September" is
    due within a week of 26 August, noon).  A date horizon includes its whole
    day.  Ties keep record order.  Which ultimatums are open is asked at one
    instant, a date *at* at the start of that day in UTC
    (:func:`as_of_instant`); the horizon counts from *at* (:func:`horizon`).
    """
    moment, end = at_and_horizon(at, within)
    entries = _pending(talks, as_of_instant(moment))
    if end is not None:
        entries = [entry for entry in entries if due_by(entry.deadline, end)]
    return _soonest_first(entries)


E = TypeVar("E", UltimatumDeadline, DeadlineEntry)


def _soonest_first(entries: Iterable[E]) -> tuple[E, ...]:
    """
    *entries* in the order of their deadlines (:class:`Deadline
    <negotiation_records.Deadline>`'s own order, by cut-off), ties in the
    order given; each cut-off is worked out once, not at every comparison.
    """
    return tuple(sorted(entries, key=lambda entry: since_epoch(entry.deadline.cutoff)))


def expired_deadlines(
    talks: Talks, at: Moment | _dt.date | None = None
) -> tuple[UltimatumDeadline, ...]:
    """
    The deadlines that had run out by *at* without the demand being met in time,
    oldest first.

    For each ultimatum issued by *at*, its deadline in force then, if it had
    passed; unless the ultimatum was complied with or withdrawn before that
    deadline passed (or at an unrecorded time).  A late compliance still lists the
    deadline: it did run out.  Deadlines replaced before *at* are not listed; they
    are in the ultimatum's ``revisions``.  A date *at* is the start of that day
    in UTC (:func:`as_of_instant`), for what was known and for the deadline
    alike.
    """
    moment = as_of_instant(at)
    found = []
    for ultimatum in talks.ultimatums:
        if not _issued(ultimatum, moment):
            continue
        status, deadline, history = _ultimatum_state(ultimatum, moment)
        if not deadline.is_past(moment):
            continue
        if status in _MET and closed_in_time(history, deadline):
            continue
        found.append(UltimatumDeadline(ultimatum, deadline))
    return _soonest_first(found)


_MILESTONE_OPEN = frozenset({MilestoneStatus.PENDING})
_MILESTONE_CLOSED = frozenset({MilestoneStatus.MET, *MILESTONE_CANCELLED})
_AGREEMENT_RUNNING = frozenset(
    {
        AgreementStatus.DRAFTED,
        AgreementStatus.INITIALLED,
        AgreementStatus.SIGNED,
        AgreementStatus.RATIFIED,
        AgreementStatus.IN_FORCE,
        AgreementStatus.SUSPENDED,
    }
)


def _other_entries(talks: Any, at: Moment) -> list[tuple[DeadlineEntry, bool]]:
    """
    Milestones, agreement phase ends and expiries, each with whether it is
    still open: the open ones, and those whose deadline ran out (see
    :func:`all_expired_deadlines`).  An agreement's phases come before its
    expiry, in their order (the order that breaks ties).
    """
    found: list[tuple[DeadlineEntry, bool]] = []
    # Those heard of by *at*, as the snapshot keeps them (what it reads).
    heard = frozenset(a.id for a in talks.agreements if is_heard_of(a, at))
    for milestone in talks.milestones:
        if is_heard_of(milestone, at, heard):
            found += _milestone_entry(milestone, at)
    for agreement in talks.agreements:
        if agreement.id in heard:
            found += _agreement_entries(agreement, at)
    return found


def _milestone_entry(
    milestone: Milestone, at: Moment
) -> list[tuple[DeadlineEntry, bool]]:
    """*milestone*'s deadline in force at *at*, if open or run out (as a list)."""
    history, kept = known_state(milestone, at)
    deadline = milestone.deadlines[kept]
    status = current_status(history, MilestoneStatus.PENDING)
    open_ = status in _MILESTONE_OPEN
    if open_ or _milestone_ran_out(status, history, deadline):
        return [(DeadlineEntry(milestone, deadline), open_)]
    return []


def _agreement_entries(
    agreement: Agreement, at: Moment
) -> list[tuple[DeadlineEntry, bool]]:
    """*agreement*'s phase ends, then its expiry in force at *at*, if open or run out."""
    history, kept = known_state(agreement, at)
    expiry = None if agreement.expires is None else agreement.expiries[kept]
    found = _phase_entries(agreement, history, expiry, at)
    if expiry is None:
        return found
    status = current_status(history, AgreementStatus.DRAFTED)
    running = status in _AGREEMENT_RUNNING
    if running or _agreement_ran_out(status, history, expiry):
        found.append((DeadlineEntry(agreement, expiry), running))
    return found


def _phase_entries(
    agreement: Agreement,
    history: tuple[StatusChange, ...],
    expiry: Deadline | None,
    at: Moment,
) -> list[tuple[DeadlineEntry, bool]]:
    """
    The ends of *agreement*'s phases (its *history* and its *expiry* those
    known and in force at *at*), each with whether it is still open, as for
    its expiry: open
    while the agreement runs (and, marked expired on the day the phase ends,
    until the end passes); run out once passed if the agreement was then
    running, had expired, or was terminated or superseded only after the end
    passed.  An agreement terminated or superseded before a phase ended (or
    at an unrecorded time) closes that phase's end; so does one that had
    expired before it, even if it was terminated or superseded later: its
    expiry (the one in force) earlier than the phase's end, marked expired or
    not, or, with no expiry, marked expired before the end passed (or
    undated) (:func:`expired_before`, the rule the calendar shares).
    """
    found: list[tuple[DeadlineEntry, bool]] = []
    status = current_status(history, AgreementStatus.DRAFTED)
    expired = status is AgreementStatus.EXPIRED
    for index, phase in enumerate(agreement.phases):
        deadline = phase.ends
        if deadline is None:
            continue
        if expired_before(history, expiry, deadline):
            continue  # the agreement expired before the phase ended
        open_ = status in _AGREEMENT_RUNNING or _expired_before_end(
            expired, deadline, at
        )
        if open_ or _agreement_ran_out(status, history, deadline):
            end = PhaseEnd(agreement=agreement, index=index)
            found.append((DeadlineEntry(end, deadline), open_))
    return found


def _expired_before_end(expired: bool, end: Deadline, at: Moment) -> bool:
    """
    Whether an agreement marked expired (*expired*) is still open at *at*
    for the *end* of one of its phases, not yet passed: an agreement with
    no expiry, marked expired with the phase still running, runs out for
    it when the end passes.  (An agreement's own expiry needs no such
    guard: the snapshot holds an ``expired`` step back until the expiry in
    force has passed, :func:`~negotiation_records._snapshot.known_steps`.)
    """
    return expired and not end.is_past(at)


def _milestone_ran_out(
    status: MilestoneStatus, history: tuple[StatusChange, ...], deadline: Deadline
) -> bool:
    """
    Whether a milestone no longer pending (in *status*, after the *history*
    known) counts as not met in time (once *deadline* has passed): missed,
    or met, cancelled or superseded only after its deadline passed
    (:func:`closed_in_time`, the rule the calendar shares: closed at an
    unrecorded time counts as in time).
    """
    if status is MilestoneStatus.MISSED:
        return True
    return status in _MILESTONE_CLOSED and not closed_in_time(history, deadline)


def _agreement_ran_out(
    status: AgreementStatus, history: tuple[StatusChange, ...], deadline: Deadline
) -> bool:
    """
    Whether an agreement no longer running (in *status*, after the
    *history* known) had reached its expiry (once *deadline*, the expiry,
    has passed): expired, or terminated or superseded only after its expiry
    passed.  The same for the end of one of
    its phases (*deadline*: the phase's end; see :func:`_phase_entries` for
    an agreement that expired before it).
    """
    if status is AgreementStatus.EXPIRED:
        return True
    return status in AGREEMENT_ENDED and not closed_in_time(history, deadline)


def all_upcoming_deadlines(
    talks: Any,
    at: Moment | _dt.date | None = None,
    within: Period | _dt.timedelta | str | None = None,
) -> tuple[DeadlineEntry, ...]:
    """
    Every deadline still to come at *at*, soonest first: the open ultimatums'
    (as :func:`upcoming_deadlines`), the pending milestones', and the expiries
    and the ends of the phases (:class:`PhaseEnd`, kind ``"phase"``) of the
    agreements not terminated, superseded or expired — a phase's end whether
    or not the phase has started, as an expiry before the agreement is in
    force; an agreement's entry into force is not a deadline.  A milestone
    marked missed, or an agreement expired, on a day whose deadline (a phase's
    end, or the expiry) passes later that day is still to come until it passes
    (as an ultimatum marked expired: :func:`pending_ultimatums`).  An
    agreement's phases come before its expiry when they fall due at the same
    instant.  *within* as for
    :func:`upcoming_deadlines`; a date *at* is the start of that day in UTC
    (:func:`as_of_instant`), for what was known and for the deadlines alike.
    """
    moment, end = at_and_horizon(at, within)
    instant = as_of_instant(moment)
    entries = [DeadlineEntry(e.ultimatum, e.deadline) for e in _pending(talks, instant)]
    entries += [
        entry
        for entry, open_ in _other_entries(talks, instant)
        if open_ and not entry.deadline.is_past(instant)
    ]
    if end is not None:
        entries = [entry for entry in entries if due_by(entry.deadline, end)]
    return _soonest_first(entries)


def all_expired_deadlines(
    talks: Any, at: Moment | _dt.date | None = None
) -> tuple[DeadlineEntry, ...]:
    """
    Every deadline that had run out by *at*, oldest first: the ultimatums' (as
    :func:`expired_deadlines`), the milestones' not met in time, and the
    agreements' expiries and phase ends (:class:`PhaseEnd`) that had passed.

    A milestone is listed once its deadline in force at *at* has passed, when
    by then it was missed, still pending, or met, cancelled or superseded only
    after that deadline passed (a milestone missed and then met late stays
    listed: the deadline did run out); not when it was met, cancelled or
    superseded before it passed, or at an unrecorded time.  An agreement's
    expiry, and the end of each of its phases, is listed once it has passed,
    unless the agreement was terminated or superseded before then (or at an
    unrecorded time); a phase's end is not listed either when the agreement
    had expired before it (its expiry in force earlier than the phase's end,
    marked expired or not; with no expiry, marked expired before the end
    passed, or undated).  The
    same rule as for an ultimatum complied with or withdrawn late.  A date *at* is the start
    of that day in UTC (:func:`as_of_instant`), for what was known and for the
    deadlines alike.
    """
    moment = as_of_instant(at)
    entries = [
        DeadlineEntry(e.ultimatum, e.deadline) for e in expired_deadlines(talks, moment)
    ]
    entries += [
        entry
        for entry, _ in _other_entries(talks, moment)
        if entry.deadline.is_past(moment)
    ]
    return _soonest_first(entries)


# --- positions --------------------------------------------------------------------


def positions(
    talks: Talks, party_id: str, at: Moment | _dt.date | None = None
) -> PartyPositions:
    """
    What *party_id* puts forward and where it stands on everyone else's terms,
    as of *at* (now, in UTC, by default).

    Stances not known by *at* are left out
    (:func:`~negotiation_records.timeutil.is_known_by`: a month or a year
    counts once it has passed); undated ones always count, as the oldest.  See
    :class:`PartyPositions` for whose term is whose.  This reads the terms of
    *talks* as given: :meth:`Negotiation.positions
    <negotiation_records.Negotiation.positions>` asks it of the snapshot
    (:meth:`~negotiation_records.Negotiation.as_of`), which also leaves out
    the terms put forward later.  A bad *at* is a
    :class:`~negotiation_records.ValidationError` before an unknown
    *party_id* is looked for (a :class:`~negotiation_records.RecordNotFoundError`).
    """
    moment = as_of(at)  # a bad at first, as the method reports it
    known = [party.id for party in talks.parties]
    if party_id not in known:
        raise RecordNotFoundError("party", party_id, known)
    demands: list[Condition] = []
    offers: list[Condition] = []
    stances: list[TermStance] = []
    coalitions = [
        (party.id, [m for m in party.members if m.party == party_id])
        for party in talks.parties
        if any(m.party == party_id for m in party.members)
    ]
    for condition, owners, answered in _terms(talks):
        if party_id in owners:
            (demands if condition.kind in _DEMANDS else offers).append(condition)
            continue
        own = _stance(condition, answered, party_id, moment)
        if own.stance is None and coalitions:
            own = _inherited(condition, answered, coalitions, moment) or own
        stances.append(own)
    return PartyPositions(
        party=party_id,
        demands=tuple(demands),
        offers=tuple(offers),
        stances=tuple(stances),
    )


def _inherited(
    condition: Condition,
    answered: Answered | None,
    coalitions: list[tuple[str, list[Membership]]],
    at: Moment,
) -> TermStance | None:
    """The latest stance of a coalition on *condition* that its member takes."""
    found: list[tuple[Any, int, TermStance]] = []
    for order, (coalition, memberships) in enumerate(coalitions):

        def member_on(
            when: Moment, memberships: list[Membership] = memberships
        ) -> bool:
            return surely_member_on(memberships, when)

        # Only what the coalition said while the party was a member counts: a
        # stance it took after the party left does not hide an earlier one.
        theirs = _stance(condition, answered, coalition, at, member_on)
        if theirs.stance is None:
            continue
        key = None if theirs.on is None else moment_sort_key(theirs.on)
        found.append((key, order, attrs.evolve(theirs, inherited_from=coalition)))
    if not found:
        return None
    dated = [entry for entry in found if entry[0] is not None]
    # Equal dates, or none: the coalition listed last, as a party's own stances.
    return max(dated, key=lambda e: (e[0], e[1]))[2] if dated else found[-1][2]


#: A record whose responses are stances on its terms.
Answered = Proposal | Ultimatum | Agreement

#: The status changes that are a stance of the parties that made them (its
#: ``by``) on the terms of what they answer: a proposal accepted or rejected,
#: an ultimatum complied with, an agreement signed or ratified.
_STEP_STANCES: Final = {
    ProposalStatus.ACCEPTED: Stance.ACCEPTS,
    ProposalStatus.REJECTED: Stance.REJECTS,
    UltimatumStatus.COMPLIED: Stance.ACCEPTS,
    AgreementStatus.SIGNED: Stance.ACCEPTS,
    AgreementStatus.RATIFIED: Stance.ACCEPTS,
}


def _stance_steps(
    answered: Answered, party: str
) -> Iterable[tuple[Stance, Moment | None]]:
    """
    The stances *party* took on the terms of *answered* by its status
    changes (:data:`_STEP_STANCES`): those it made (``by``), and an
    agreement's ``signed`` step with no ``by`` for each signatory.
    """
    signs = isinstance(answered, Agreement) and party in answered.signatories
    for change in answered.history:
        stance = _STEP_STANCES.get(change.status)
        if stance is not None and (
            party in change.by
            or (signs and not change.by and change.status is AgreementStatus.SIGNED)
        ):
            yield stance, change.on


def _terms(
    talks: Talks,
) -> list[tuple[Condition, tuple[str, ...], Answered | None]]:
    """
    Every term, with the ids of the parties that put it forward and the
    proposal or ultimatum whose responses count as stances on it.
    """
    terms: list[tuple[Condition, tuple[str, ...], Answered | None]] = [
        (condition, _owner(condition.demanded_by), None)
        for condition in talks.conditions
    ]
    for proposal in talks.proposals:
        terms += [
            (
                term,
                proposal.proposed_by
                if term.demanded_by is None
                else (term.demanded_by,),
                proposal,
            )
            for term in proposal.terms
        ]
    for ultimatum in talks.ultimatums:
        if isinstance(ultimatum.demand, Condition):
            demand = ultimatum.demand
            owner = demand.demanded_by or ultimatum.issued_by
            terms.append((demand, (owner,), ultimatum))
    for agreement in talks.agreements:
        terms += [
            (provision, _owner(provision.demanded_by), agreement)
            for provision in agreement.provisions
        ]
    return terms


def _owner(party: str | None) -> tuple[str, ...]:
    return () if party is None else (party,)


def _stance(
    condition: Condition,
    answered: Answered | None,
    party: str,
    at: Moment,
    counts: Callable[[Moment], bool] | None = None,
) -> TermStance:
    """
    *party*'s latest stance on *condition* known by *at*, else its undated one;
    with *counts*, only a stance taken on a moment it accepts (an undated one:
    if it accepts *at*).  The responses of *answered* (the proposal or the
    ultimatum the term is part of) are dated stances on it, and so are the
    status changes of *answered* that are the party's stance
    (:func:`_stance_steps`; an undated one is an undated stance).
    """
    undated: list[Stance] = []
    dated: list[tuple[Any, Stance, Moment]] = []
    for position in condition.positions:
        if position.party != party:
            continue
        if position.on is None:
            if counts is None or counts(at):
                undated.append(position.stance)
        elif is_known_by(position.on, at) and (counts is None or counts(position.on)):
            dated.append((moment_sort_key(position.on), position.stance, position.on))
    if answered is not None:
        dated += [
            (moment_sort_key(response.on), response.stance, response.on)
            for response in getattr(answered, "responses", ())
            if response.party == party
            and is_known_by(response.on, at)
            and (counts is None or counts(response.on))
        ]
        for stance, on in _stance_steps(answered, party):
            if on is None:
                if counts is None or counts(at):
                    undated.append(stance)
            elif is_known_by(on, at) and (counts is None or counts(on)):
                dated.append((moment_sort_key(on), stance, on))
    dated.sort(key=lambda entry: entry[0])
    if dated:
        _, stance, on = dated[-1]
        return TermStance(condition=condition, stance=stance, on=on)
    if undated:
        return TermStance(condition=condition, stance=undated[-1])
    return TermStance(condition=condition)
