"""
Agreements: the texts the parties reached — a ceasefire, a framework, a deal,
a treaty, a memorandum — with their phases, entry into force and expiry.

An :class:`Agreement` keeps every change of its status in ``history`` (drafted,
initialled, signed, ratified, in force, suspended, terminated, expired,
superseded; the steps allowed are ``STATUS_STEPS``), its entry into force
and its expiry as :class:`~negotiation_records.Deadline` values, and every
earlier expiry in ``revisions`` when it is extended (a truce of 90 days
extended by another 90), as an ultimatum keeps its revised deadlines.
Parties that initial, sign or ratify on different days take a step each,
named in its ``by``: two ``ratified`` steps, in a row or with another
party's signing between, one ``by=["russia"]`` and one
``by=["united-states"]``, each party once.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, ClassVar, Final

import attrs
import pendulum

from negotiation_records._deadline_arithmetic import start_of_day
from negotiation_records._record import (
    Record,
    argument_problems,
    frozen_record,
    only_with,
)
from negotiation_records._revision_days import RevisionDays
from negotiation_records._revivals import (
    made_after_it_passed,
    unanswered_revival_problems,
)
from negotiation_records._values import with_article
from negotiation_records._version_2_rules import (
    DUE_BEFORE_REVISION,
    PASSED_EARLY,
    REVISED_AFTER_END,
)
from negotiation_records.conditions import Condition, repeated_ids
from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.errors import (
    IllegalTransitionError,
    ValidationError,
    join_path,
)
from negotiation_records.fields import (
    PARTY_IDS,
    SOURCE_IDS,
    Choice,
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
    first_dated_index,
    history_problems,
    next_history,
    steps_back,
)
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
    is_before,
    moment_sort_key,
    moment_text,
    to_moment,
)


__all__ = ["STATUS_STEPS", "Agreement", "AgreementStage", "AgreementStatus", "Phase"]

AGREEMENT_IDS = Many(Slug(), unique="agreement")
"""The kind of a list of agreement ids: slugs, none twice."""


class AgreementStage(enum.Enum):
    """
    What stage of a peace process a text belongs to: the stages of the PA-X
    peace agreements database.

    Example:
        >>> AgreementStage("ceasefire")
        <AgreementStage.CEASEFIRE: 'ceasefire'>
    """

    PRE_NEGOTIATION = "pre-negotiation"
    CEASEFIRE = "ceasefire"
    FRAMEWORK = "framework"
    PARTIAL = "partial"
    COMPREHENSIVE = "comprehensive"
    IMPLEMENTATION = "implementation"
    RENEWAL = "renewal"


class AgreementStatus(enum.Enum):
    """
    Where an agreement stands.

    ``drafted`` until it is initialled or signed; a signed text may be
    ratified, then enters into force; a text in force may be suspended (and
    resume), terminated, expire or be superseded by a later one.  A text
    that no one signs may enter into force as it is, drafted or initialled:
    a joint statement or an announced ceasefire that takes effect on a date
    (the JCPOA was never signed; it took effect on Adoption Day).

    Example:
        >>> AgreementStatus("in-force")
        <AgreementStatus.IN_FORCE: 'in-force'>
    """

    DRAFTED = "drafted"
    INITIALLED = "initialled"
    SIGNED = "signed"
    RATIFIED = "ratified"
    IN_FORCE = "in-force"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"


_A = AgreementStatus
#: The status that says an agreement's expiry ran out, and the one an
#: extension brings it back to (``Agreement.RAN_OUT`` and
#: ``Agreement.REVIVED``, which ``_revivals`` reads).
_RAN_OUT: Final = _A.EXPIRED
_REVIVED: Final = _A.IN_FORCE
#: The steps an agreement's history may take.  ``terminated`` and
#: ``superseded`` are final; a text may enter into force unsigned; an expired
#: agreement may come back into force (a truce extended after it lapsed).
#: Initialled, signed and ratified may follow themselves, a step for each
#: party in turn (see ``BY_EACH_PARTY``).  A text initialled may be ratified
#: before it is signed, and one party may ratify before another signs: a
#: union's members ratify the tentative agreement its negotiators initialled,
#: and the contract is signed after (the ILA and USMX, 8 January and 25
#: February 2025); a multilateral treaty is signed and ratified by its
#: parties, each in its own time.
#: Each key is a status, its value the statuses a step may lead to from it;
#: a status that is not a key is final.
STATUS_STEPS: dict[AgreementStatus, frozenset[AgreementStatus]] = {
    _A.DRAFTED: frozenset(
        {_A.INITIALLED, _A.SIGNED, _A.IN_FORCE, _A.TERMINATED, _A.SUPERSEDED}
    ),
    _A.INITIALLED: frozenset(
        {
            _A.INITIALLED,
            _A.SIGNED,
            _A.RATIFIED,
            _A.IN_FORCE,
            _A.TERMINATED,
            _A.SUPERSEDED,
        }
    ),
    _A.SIGNED: frozenset(
        {_A.SIGNED, _A.RATIFIED, _A.IN_FORCE, _A.TERMINATED, _A.SUPERSEDED}
    ),
    _A.RATIFIED: frozenset(
        {_A.RATIFIED, _A.SIGNED, _A.IN_FORCE, _A.TERMINATED, _A.SUPERSEDED}
    ),
    _A.IN_FORCE: frozenset({_A.SUSPENDED, _A.TERMINATED, _A.EXPIRED, _A.SUPERSEDED}),
    _A.SUSPENDED: frozenset({_A.IN_FORCE, _A.TERMINATED, _A.EXPIRED, _A.SUPERSEDED}),
    _RAN_OUT: frozenset({_REVIVED, _A.SUPERSEDED}),
}
#: The final statuses (no step leads on from them), after which an agreement
#: is not extended (``Agreement.extend``): terminated and superseded.
_ENDED: Final = frozenset(set(AgreementStatus) - STATUS_STEPS.keys())
#: What ``Agreement.extend`` says of an agreement without an expiry.
_NO_EXPIRY: Final = (
    "an end first set after it was reached is a milestone of the agreement, "
    "whose deadline revise_deadline moves"
)
#: The statuses that parties reach one at a time (New START was ratified by
#: Russia on 28 January 2011 and by the United States on 2 February): a step
#: may repeat an earlier one of its status (the one before it, or one before
#: another party's step: one party may ratify before another signs) when it
#: names the parties that took it (``by``), none of whom took it before.
BY_EACH_PARTY: Final = frozenset({_A.INITIALLED, _A.SIGNED, _A.RATIFIED})


def _repeat_problems(history: tuple[StatusChange, ...]) -> Iterable[tuple[str, str]]:
    """
    A step that repeats an earlier one of its status (see ``BY_EACH_PARTY``)
    names its parties, none of whom took that step before.
    """
    last: dict[AgreementStatus, int] = {}  # the latest step of each status
    named: dict[AgreementStatus, dict[str, int]] = {}  # party: its latest step
    for index, change in enumerate(history):
        status = change.status
        if status not in BY_EACH_PARTY:
            continue
        word = status.value
        earlier = last.get(status)
        last[status] = index
        if earlier is not None and not change.by:
            which = "before it" if earlier == index - 1 else f"of history[{earlier}]"
            yield (
                f"history[{index}].by",
                f"repeats the {word!r} step {which}: name the parties that "
                "took this one (by), each party once",
            )
            continue
        taken = named.setdefault(status, {})
        for party in change.by:
            if party in taken:
                yield (
                    f"history[{index}].by",
                    f"{party!r} was already {word} (history[{taken[party]}])",
                )
            taken[party] = index


@frozen_record(kw_only=True, init=False)
class Phase(Record):
    """
    One phase of an agreement: "phase one, 42 days".

    Attributes:
        name: Its name ("Phase one").
        starts: When it starts (optional).
        ends: When it ends, as a deadline ("day 42 counting from the start":
            :meth:`~negotiation_records.Deadline.on_day`), optional.
        obligations: What each side must do in it, in words.
        sources: Ids of the sources for this.

    Example:
        The first phase of the Gaza ceasefire of 2025 began on 19 January and
        ended on 1 March, its 42nd day (19 January is day 1):

        >>> start = pendulum.date(2025, 1, 19)
        >>> phase = Phase(name="Phase one", starts=start,
        ...               ends=Deadline.on_day(42, counting_from=start),
        ...               obligations=["Release of 33 hostages"])
        >>> phase.ends.due
        Date(2025, 3, 1)
    """

    name: str = field(Text())
    starts: Moment | None = field(Maybe(MomentKind()), default=None)
    ends: Deadline | None = field(Maybe(Nested(Deadline)), default=None)
    obligations: tuple[str, ...] = field(Many(Text(), unique="obligation"), default=())
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            name: str,
            starts: MomentInput | None = ...,
            ends: Deadline | None = ...,
            obligations: Iterable[str] = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...

    @only_with("starts", "ends")
    def _problems(self) -> Iterable[tuple[str, str]]:
        if (
            self.starts is not None
            and self.ends is not None
            and self.ends.falls_due_before(self.starts)
        ):
            yield (
                "ends",
                f"falls due ({due_named(self.ends)}) before the phase starts "
                f"({moment_text(self.starts)})",
            )


def due_named(deadline: Deadline) -> str:
    """
    The due moment of *deadline* as problems name it: a date that names its
    zone with the zone (``2025-07-14 in America/New_York``), since
    :meth:`Deadline.falls_due_before` reads it in that zone.
    """
    due = deadline.due
    if deadline.tz is None or isinstance(due, _dt.datetime):
        return moment_text(due)
    return f"{moment_text(due)} in {deadline.tz}"


def falls_due_before_start(deadline: Deadline, start: Moment | Deadline) -> bool:
    """
    Whether *deadline* certainly falls due before *start*: a moment, as
    :meth:`Deadline.falls_due_before` reads it, or a deadline the record starts
    on (an agreement's ``in_force``), read as its ``due``: a day against a
    deadline that is a day (dates by their days), and against one at a time
    of day, where its due day names a zone, the first instant of that day
    there (datetimes as instants: noon on 13 May in New York falls due
    before 14 May in New York begins).
    """
    if not isinstance(start, Deadline):
        return deadline.falls_due_before(start)
    begins: Moment = start.due
    if (
        start.tz is not None
        and begins.__class__ is pendulum.Date
        and isinstance(deadline.due, _dt.datetime)
    ):
        begins = start_of_day(begins, start.zone)
    return deadline.falls_due_before(begins)


def due_before_start_problems(
    revisions: tuple[DeadlineRevision, ...],
    deadline: Deadline,
    start: Moment | Deadline | None,
    template: str,
    name: str = "deadline",
) -> Iterable[tuple[str, str]]:
    """
    Each deadline a record has had (every revision's ``previous``, then the
    current *deadline*, the field *name*) that falls due before *start*
    (:func:`falls_due_before_start`), at its path, worded by *template*
    (``{due}`` and ``{start}``): a deadline cut to before the ultimatum was
    issued is as wrong as one set there.
    """
    if start is None:
        return
    for index, revision in enumerate(revisions):
        if falls_due_before_start(revision.previous, start):
            yield (
                f"revisions[{index}].previous",
                template.format(
                    due=due_named(revision.previous), start=_start_named(start)
                ),
            )
    if falls_due_before_start(deadline, start):
        yield (
            name,
            template.format(due=due_named(deadline), start=_start_named(start)),
        )


def _start_named(start: Moment | Deadline) -> str:
    """*start* in a problem of :func:`due_before_start_problems`."""
    return due_named(start) if isinstance(start, Deadline) else moment_text(start)


def made_no_earlier_than(
    revisions: tuple[DeadlineRevision, ...],
) -> list[tuple[int, ...]]:
    """
    For each of *revisions*, the indexes of the revisions up to it that say
    when it was made at the earliest: revisions are in the order they were
    made, so one dated "July" after one of 30 July was made on 30 July or
    later, and what it set is held to that day.  Of those dated by a day, a
    month or a year, the one that starts latest; of those dated to the
    instant, the latest (whether something is certainly before reads a day
    and an instant differently, so one of each kind is kept).
    """
    if len(revisions) == 1:  # the commonest: one revision, dated by itself
        return [(0,)]
    latest: list[tuple[int, ...]] = []
    days: tuple[Any, int] | None = None
    instants: tuple[Any, int] | None = None
    for index, revision in enumerate(revisions):
        start = moment_sort_key(revision.revised_on)[0]
        if isinstance(revision.revised_on, _dt.datetime):
            if instants is None or start > instants[0]:
                instants = (start, index)
        elif days is None or start > days[0]:
            days = (start, index)
        latest.append(tuple(best[1] for best in (days, instants) if best is not None))
    return latest


def set_by(
    revisions: tuple[DeadlineRevision, ...], index: int, latest: list[tuple[int, ...]]
) -> list[tuple[Moment, str]]:
    """
    The moments by which ``revisions[index]`` was made at the earliest, as
    :func:`made_no_earlier_than` finds them (*latest*), its own date first,
    each with how a problem names it: ``revisions[1]``, or ``revisions[1],
    after revisions[0]`` where an earlier revision dates it.
    """
    label = f"revisions[{index}]"
    found = [(revisions[index].revised_on, label)]
    found += [
        (revisions[bound].revised_on, f"{label}, after revisions[{bound}]")
        for bound in latest[index]
        if bound != index
    ]
    return found


def due_before_revision_problems(
    revisions: tuple[DeadlineRevision, ...],
    deadline: Deadline,
    start: Moment | Deadline | None,
    name: str = "deadline",
) -> Iterable[tuple[str, str]]:
    """
    Each deadline a revision made (the next revision's ``previous``, or the
    current *deadline*, the field *name*) that falls due certainly before
    that revision was made (:meth:`Deadline.falls_due_before`), at the
    earliest the order of the revisions allows (:func:`made_no_earlier_than`):
    a deadline cut on 29 July to 20 July had passed when it was set.  One
    that falls due before *start* (the record's;
    :func:`due_before_start_problems` reports it) is not reported again.
    """
    if not revisions:
        return
    latest = made_no_earlier_than(revisions)
    made = (*(revision.previous for revision in revisions[1:]), deadline)
    for index, new in enumerate(made):
        if start is not None and falls_due_before_start(new, start):
            continue
        for on, label in set_by(revisions, index, latest):
            if new.falls_due_before(on):
                where = (
                    name
                    if index == len(revisions) - 1
                    else f"revisions[{index + 1}].previous"
                )
                yield (
                    where,
                    DUE_BEFORE_REVISION.format(
                        due=due_named(new), revision=label, on=moment_text(on)
                    ),
                )
                break


def passed_early_problems(  # noqa: PLR0917 - the record's parts, one each
    label: str,
    history: tuple[StatusChange, ...],
    status: enum.Enum,
    deadlines: tuple[Deadline, ...],
    revisions: tuple[DeadlineRevision, ...],
    what: tuple[str, str],
) -> Iterable[tuple[str, str]]:
    """
    Each dated *status* step of *history* (an ultimatum expired, a milestone
    missed, an agreement expired) on a moment by whose end none of the
    deadlines that may have been in force then had passed
    (:func:`in_force_on`, :meth:`Deadline.had_passed_by`): the status
    methods refuse such a step, and so does the record.  Only what is
    certain is refused: a deadline replaced on a day that may be the step's,
    or put in force by a revision dated by its month, still counts.  *what*
    names the deadline in the problem, and several: ``("the deadline",
    "its deadlines")``.
    """
    if not deadlines:
        return
    days = RevisionDays(revisions)
    for index, change in enumerate(history):
        if change.status is not status or change.on is None:
            continue
        candidates = in_force_on(deadlines, revisions, change.on, days)
        if not any(deadline.had_passed_by(change.on) for deadline in candidates):
            yield (
                f"history[{index}].on",
                PASSED_EARLY.format(
                    label=label,
                    status=status.value,
                    on=moment_text(change.on),
                    what=what[len(candidates) > 1],
                    due=", ".join(due_named(deadline) for deadline in candidates),
                ),
            )


def in_force_on(
    deadlines: tuple[Deadline, ...],
    revisions: tuple[DeadlineRevision, ...],
    on: Moment,
    days: RevisionDays | None = None,
) -> tuple[Deadline, ...]:
    """
    Those of *deadlines* (a record's, oldest first; ``revisions[i]``
    replaced ``deadlines[i]``) that may have been in force on *on*: all
    but those certainly replaced before it and those certainly put in force
    after it (:func:`is_before`).  Never none of a record's deadlines: the
    first one not certainly replaced before *on* (the current one, if every
    revision was) was put in force by a revision that was.  *days*, the
    revisions' :class:`~negotiation_records._revision_days.RevisionDays`
    where a check asks this of many moments, finds them by bisection.
    """
    candidates = range(len(deadlines))
    if days is not None and len(deadlines) == len(days.revisions) + 1:
        # replaced certainly before *on* up to *before*; put in force
        # certainly after it from *after* + 1: only those between are asked
        before, after = days.around(on)
        candidates = range(before, min(after, len(revisions)) + 1)
    return tuple(
        deadlines[index]
        for index in candidates
        if not (index < len(revisions) and is_before(revisions[index].revised_on, on))
        and not (
            0 < index <= len(revisions)
            and is_before(on, revisions[index - 1].revised_on)
        )
    )


def revision_problems(
    revisions: tuple[DeadlineRevision, ...], start: Moment | None, start_name: str
) -> Iterable[tuple[str, str]]:
    """
    Revisions in the order they were made, none before *start*: none before
    any earlier one (:func:`~negotiation_records.history.steps_back`).
    """
    back = steps_back([r.revised_on for r in revisions]) if len(revisions) > 1 else {}
    for index, revision in enumerate(revisions):
        if start is not None and is_before(revision.revised_on, start):
            yield (
                f"revisions[{index}].revised_on",
                f"{moment_text(revision.revised_on)} is before the {start_name} "
                f"({moment_text(start)})",
            )
        if index in back:
            yield (
                f"revisions[{index}].revised_on",
                _revision_back(revisions, index, back[index]),
            )


def revised_after_end(
    revisions: tuple[DeadlineRevision, ...],
    history: tuple[StatusChange, ...],
    ended: AbstractSet[Any],
    label: str,
    refused: str,
) -> Iterable[tuple[str, str]]:
    """
    Revisions dated after *history* ended in one of *ended* (the final
    statuses after which the record's methods refuse a revision: a milestone
    met, an agreement terminated, an ultimatum complied with; *refused* says
    what: "its deadline cannot be revised"); a revision that may be as early
    as that change (the same day, or a month holding it) is let be, as
    everywhere (``is_before``).
    """
    end = dated_end(history, ended)
    if end is None:
        return
    on, status = end
    for index, revision in enumerate(revisions):
        if is_before(on, revision.revised_on):
            yield (
                f"revisions[{index}].revised_on",
                REVISED_AFTER_END.format(
                    on=moment_text(revision.revised_on),
                    label=label,
                    status=status,
                    ended=moment_text(on),
                    refused=refused,
                ),
            )


def _revision_back(
    revisions: tuple[DeadlineRevision, ...], index: int, earlier: int
) -> str:
    """
    Why ``revisions[index]`` is out of order: it is before ``revisions[earlier]``,
    the revision before it or another (named), both dates given as a
    history's steps give them.
    """
    on = moment_text(revisions[index].revised_on)
    then = moment_text(revisions[earlier].revised_on)
    if earlier == index - 1:
        where = f"the revision before it ({then})"
    else:
        where = f"an earlier revision, revisions[{earlier}] ({then})"
    return f"{on} is before {where}; revisions must be in the order they were made"


def revived_by(  # noqa: PLR0917 - the record's, then the step's, in order
    label: str,
    history: tuple[StatusChange, ...],
    status: enum.Enum,
    revision: DeadlineRevision,
    index: int,
    reason: str,
) -> tuple[StatusChange, ...]:
    """
    *history* of the record *label*, which had run out (an ultimatum
    expired, a milestone missed, an agreement expired), with the step to
    *status* that *revision* (``revisions[index]``) brings it back with,
    dated with it and giving *reason*.  A revision dated before the last
    dated step, or before the deadline it replaces passed, is refused at its
    ``revised_on``, the value given: the record cannot be brought back
    before it ran out.
    """
    on = revision.revised_on
    last = next((change for change in reversed(history) if change.on is not None), None)
    if last is not None and last.on is not None and is_before(on, last.on):
        step = getattr(last.status, "value", last.status)
        raise ValidationError(
            [
                (
                    f"revisions[{index}].revised_on",
                    f"{moment_text(on)} is before the last dated change of {label} ({step} "
                    f"on {moment_text(last.on)}); a revision that brings it back comes after it",
                )
            ]
        )
    if not made_after_it_passed(on, revision.previous):  # the record never ran out
        cutoff = revision.previous.cutoff
        step = getattr(history[-1].status, "value", history[-1].status)
        raise ValidationError(
            [
                (
                    f"revisions[{index}].revised_on",
                    f"{moment_text(on)} is before the deadline it replaces passed "
                    f"({moment_text(cutoff)}), so {label} was not {step} yet; a "
                    "revision that brings it back comes after its deadline passed",
                )
            ]
        )
    return (*history, StatusChange(status=status, on=on, reason=reason))


def new_revision(  # noqa: PLR0917 - the fields of a revision, in order
    previous: Deadline,
    index: int,
    on: Moment | _dt.date,
    reason: str | None,
    statement: str | None,
    sources: Iterable[str],
    *,
    replacing: tuple[type[Any], str, object],
) -> DeadlineRevision:
    """
    The revision that replaces *previous*, its problems reported at
    ``revisions[index]``; *replacing* is the record class, the field and the
    deadline given in place of *previous*, whose problems are reported with
    them, at that field (first: the field comes before ``revisions``).  The
    deadline given must be one, even where the field may hold none (an
    agreement's ``expires``): ``None`` is reported at the field, not as
    revisions without a deadline.
    """
    owner, name, given = replacing
    if given is None:
        problems = [(join_path(name, p), m) for p, m in Nested(Deadline).problems(None)]
    else:
        _, problems = argument_problems(owner, name, given)
    failure = None
    try:
        revision = DeadlineRevision(
            previous=previous,
            revised_on=to_moment(on),
            reason=reason,
            statement=statement,
            sources=sources,
        )
    except ValidationError as exc:
        problems += exc.prefixed(f"revisions[{index}]").errors
        failure = exc.__cause__
    if problems:
        raise ValidationError(problems) from failure
    return revision


def first_dated(history: tuple[StatusChange, ...]) -> Moment | None:
    """
    The date of the first dated change of *history* (``None``: none is
    dated): the changes are in the order they were made, so a later one
    dated more vaguely ("2025" after 20 January 2025) came no earlier.
    """
    first = first_dated_index(history)
    return None if first is None else history[first].on


@frozen_record(kw_only=True, init=False)
class Agreement(Record):
    """
    A text the parties reached: a ceasefire, a framework, a deal, a treaty.

    Status changes go through :meth:`with_status` (checked against
    ``STATUS_STEPS``); :meth:`extend` replaces the expiry and keeps the
    earlier one in :attr:`revisions`.

    Attributes:
        id: Slug other records use to refer to it.
        title: Its name ("Geneva joint statement").
        stage: Its stage (:class:`AgreementStage`, the PA-X stages).
        signatories: Ids of the parties that signed (or are to sign) it.
        witnesses: Ids of parties that witnessed it.
        guarantors: Ids of parties that guarantee it.
        provisions: What it provides, as conditions (ids unique across the
            whole record, as every condition's).
        from_proposal: Id of the proposal it grew out of (optional).
        round: Number of the round it was reached in (optional).
        history: Every change of status, oldest first (initially drafted);
            :attr:`status`, :attr:`status_on` and :meth:`status_at` read it.
        in_force: When it enters into force, as a deadline ("90 days after
            endorsement" or a fixed day), optional.
        expires: When it expires (optional); revisable with :meth:`extend`.
        revisions: Earlier expiries, oldest first, with when and why they changed.
        phases: Its phases, in order.
        amends: Ids of agreements it amends.
        supersedes: Ids of agreements it replaces.
        summary: What it says, in words (optional).
        sources: Ids of the sources for this.

    Example:
        >>> signed = pendulum.date(2025, 5, 12)
        >>> starts = pendulum.datetime(2025, 5, 14, 0, 1, tz="America/New_York")
        >>> truce = Agreement(
        ...     id="geneva", title="Geneva joint statement", stage="ceasefire",
        ...     signatories=["us", "cn"],
        ...     history=[StatusChange(status="signed", on=signed),
        ...              StatusChange(status="in-force", on=starts)],
        ...     expires=Deadline.after(starts, days=90),
        ... )
        >>> truce.status, str(truce.expires.due)
        (<AgreementStatus.IN_FORCE: 'in-force'>, '2025-08-12 00:01:00-04:00')
        >>> longer = truce.extend(truce.expires.extended(days=90),
        ...                       on=pendulum.date(2025, 8, 11))
        >>> [str(d.due) for d in longer.expiries]
        ['2025-08-12 00:01:00-04:00', '2025-11-10 00:01:00-05:00']
    """

    #: The status that says its expiry ran out: ``expired``.
    RAN_OUT: ClassVar[AgreementStatus] = _RAN_OUT
    #: The status an extension brings it back to once it expired
    #: (:meth:`extend`): ``in-force``.
    REVIVED: ClassVar[AgreementStatus] = _REVIVED
    #: Whether each step back into force takes an extension of its own: no,
    #: an agreement may come back without one (a decision that restores it).
    REVIVED_ONLY_BY_REVISION: ClassVar[bool] = False

    id: str = field(Slug())
    title: str = field(Text())
    stage: AgreementStage = field(Choice(AgreementStage))
    signatories: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    witnesses: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    guarantors: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    provisions: tuple[Condition, ...] = field(Many(Nested(Condition)), default=())
    from_proposal: str | None = field(Maybe(Slug()), default=None, refers_to="proposal")
    round: int | None = field(Maybe(Int(min=1)), default=None, refers_to="round")
    history: tuple[StatusChange[AgreementStatus], ...] = field(
        History(AgreementStatus), default=()
    )
    in_force: Deadline | None = field(Maybe(Nested(Deadline)), default=None)
    expires: Deadline | None = field(Maybe(Nested(Deadline)), default=None)
    revisions: tuple[DeadlineRevision, ...] = field(
        Many(Nested(DeadlineRevision)), default=()
    )
    phases: tuple[Phase, ...] = field(Many(Nested(Phase)), default=())
    amends: tuple[str, ...] = field(AGREEMENT_IDS, default=(), refers_to="agreement")
    supersedes: tuple[str, ...] = field(
        AGREEMENT_IDS, default=(), refers_to="agreement"
    )
    summary: str | None = field(Maybe(Text()), default=None)
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            id: str,  # noqa: A002 - the field's name
            title: str,
            stage: AgreementStage | str,
            signatories: Iterable[str] = ...,
            witnesses: Iterable[str] = ...,
            guarantors: Iterable[str] = ...,
            provisions: Iterable[Condition] = ...,
            from_proposal: str | None = ...,
            round: int | None = ...,  # noqa: A002 - the field's name
            history: Iterable[StatusChange] = ...,
            in_force: Deadline | None = ...,
            expires: Deadline | None = ...,
            revisions: Iterable[DeadlineRevision] = ...,
            phases: Iterable[Phase] = ...,
            amends: Iterable[str] = ...,
            supersedes: Iterable[str] = ...,
            summary: str | None = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...

    @property
    def label(self) -> str:
        """``"agreement 'id'"``, for messages."""
        return f"agreement {self.id!r}"

    @property
    def status(self) -> AgreementStatus:
        """Where it stands now: the last change of :attr:`history` (else drafted)."""
        return current_status(self.history, AgreementStatus.DRAFTED)

    @property
    def status_on(self) -> Moment | None:
        """When the status last changed (``None``: no change, or undated)."""
        return self.history[-1].on if self.history else None

    def status_at(self, at: Moment | _dt.date) -> AgreementStatus:
        """
        The status in force at *at*: the last change known by then (an undated
        change counts once the change before it does, the first always; a
        month or year once it has passed), but for an ``expired`` step, which
        counts, with those after it, only once an expiry has run out for it,
        passed while still in force (it cannot expire before: one marked
        expired on the day its expiry falls due is in force until then; the
        snapshot of :meth:`Negotiation.as_of
        <negotiation_records.Negotiation.as_of>` reads it alike).
        A naive datetime, text or any other value that is not a moment is a
        :class:`~negotiation_records.ValidationError` at ``at`` (as for
        :meth:`Negotiation.as_of <negotiation_records.Negotiation.as_of>`).
        """
        from negotiation_records._snapshot import known_status  # noqa: PLC0415 - above

        return known_status(self, AgreementStatus.DRAFTED, at)

    @property
    def first_dated(self) -> Moment | None:
        """
        When it is first heard of: the date of its first dated status change
        (the changes are in order: a later one dated "2025" came no earlier).
        """
        return first_dated(self.history)

    @property
    def expiries(self) -> tuple[Deadline, ...]:
        """Every expiry it has had, oldest first, the current one last."""
        if self.expires is None:
            return ()
        return (*(r.previous for r in self.revisions), self.expires)

    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.revisions and self.expires is None:
            yield ("revisions", "an agreement without an expiry has no revisions")
        yield from revision_problems(
            self.revisions, self.first_dated, "agreement's first date"
        )
        yield from revised_after_end(
            self.revisions, self.history, _ENDED, self.label, "it cannot be extended"
        )
        for name in ("amends", "supersedes"):
            if self.id in getattr(self, name):
                yield (name, f"{self.label} cannot {name.rstrip('s')} itself")
        yield from repeated_ids(self.provisions, "provisions", "provision")
        yield from history_problems(
            self.label,
            self.history,
            AgreementStatus.DRAFTED,
            STATUS_STEPS,
            start=None,
            start_name="agreement",
        )
        yield from _repeat_problems(self.history)
        if self.expires is not None:
            yield from due_before_revision_problems(
                self.revisions, self.expires, self.in_force, "expires"
            )
        if self.in_force is not None and self.expires is not None:
            # Its day against expiries that are days, as a phase's end is
            # compared with its start: an expiry at the end of the day before
            # it enters into force is refused; its first instant against
            # expiries at a time of day, where its day names a zone.
            yield from due_before_start_problems(
                self.revisions,
                self.expires,
                self.in_force,
                "falls due ({due}) before the agreement enters into force ({start})",
                "expires",
            )
        yield from unanswered_revival_problems(self)  # REVIVED_ONLY_BY_REVISION decides
        yield from passed_early_problems(
            self.label,
            self.history,
            _RAN_OUT,
            self.expiries,
            self.revisions,
            ("its expiry", "its expiries"),
        )

    def with_status(
        self,
        status: AgreementStatus | str,
        *,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Agreement:
        """
        A copy with one more status change, checked against ``STATUS_STEPS``.

        A dated ``expired`` step is refused while its :attr:`expires` deadline
        had not passed on that day, and one without *on* is dated at that
        deadline's cut-off, the first instant at which it has passed (both as
        :meth:`Ultimatum.expire <negotiation_records.Ultimatum.expire>` does):
        an undated step counts at every moment, so the agreement would read
        expired as of any day of its life.  *by* and *sources* are
        lists of ids (a lone string is refused); a bad value is reported at the
        place the change would take (``history[2].by``).

        Example:
            >>> deal = Agreement(id="deal", title="Deal", stage="comprehensive")
            >>> deal.with_status("signed", on=pendulum.date(2025, 1, 15)).status
            <AgreementStatus.SIGNED: 'signed'>
            >>> deal.with_status("ratified")
            Traceback (most recent call last):
            ...
            negotiation_records.errors.IllegalTransitionError: agreement 'deal' cannot go from 'drafted' to 'ratified': ...
        """
        history = next_history(
            self.label,
            AgreementStatus,
            STATUS_STEPS,
            self,
            status,
            on=on,
            by=by,
            reason=reason,
            sources=sources,
            closing=(AgreementStatus.EXPIRED, self.expires, "its expiry"),
        )
        return attrs.evolve(self, history=history)

    def extend(
        self,
        new: Deadline,
        *,
        on: Moment | _dt.date,
        reason: str | None = None,
        statement: str | None = None,
        sources: Iterable[str] = (),
    ) -> Agreement:
        """
        A copy whose expiry is *new* (later or earlier); the old expiry goes to
        :attr:`revisions` with when (*on*) and why (*reason*).  An agreement
        that had expired comes back into force; a terminated or superseded
        one is not extended (a record built or loaded with a revision dated
        after that is refused).  Anything but a
        :class:`~negotiation_records.Deadline` for *new* (``None`` too: an
        agreement is not extended to no expiry) is reported at ``expires``,
        the field it would take.  *statement* is the id of the statement
        that announced it and *sources* the ids of the sources that report
        it (a list: a lone string is refused).  A new expiry that had
        already passed on *on* (or on the day of an earlier revision, which
        came before it) is refused at ``expires``.  An agreement without an
        expiry has none to extend (a :class:`~negotiation_records.ValidationError`
        at ``expires``): an end first set after it was reached, as a
        ceasefire given an end date when it was already in force, is a
        :class:`~negotiation_records.Milestone` of the agreement, whose
        deadline :meth:`~negotiation_records.Milestone.revise_deadline` moves.
        """
        if self.expires is None:
            raise ValidationError(
                [("expires", f"{self.label} has no expiry to extend; {_NO_EXPIRY}")]
            )
        if self.status in _ENDED:
            raise IllegalTransitionError(
                self.label,
                self.status.value,
                "extended",
                f"{with_article(self.status.value)} agreement cannot be extended",
            )
        revision = new_revision(
            self.expires,
            len(self.revisions),
            on,
            reason,
            statement,
            sources,
            replacing=(Agreement, "expires", new),
        )
        history: tuple[StatusChange, ...] = self.history
        if self.status is _RAN_OUT:
            history = revived_by(
                self.label,
                history,
                _REVIVED,
                revision,
                len(self.revisions),
                reason or "expiry extended",
            )
        return attrs.evolve(
            self, expires=new, revisions=(*self.revisions, revision), history=history
        )
