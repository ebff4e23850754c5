"""
Whether a record was closed before one of its deadlines passed (private).

The one rule the deadline queries (:mod:`negotiation_records.queries`) and
the iCalendar export (:mod:`negotiation_records.ical`) share: an ultimatum
withdrawn, a milestone cancelled or superseded, an agreement terminated or
superseded *before* a deadline of it passed (or at an unrecorded time) closed
that deadline: the queries do not list it as run out, and the calendar marks
its event ``CANCELLED``.  Closed only after the deadline passed, the deadline
did run out: the queries list it as expired, and the calendar leaves its event
as it was.
"""

from __future__ import annotations

from typing import Final

import pendulum

from negotiation_records.agreements import AgreementStatus
from negotiation_records.deadlines import Deadline
from negotiation_records.history import StatusChange
from negotiation_records.milestones import MilestoneStatus
from negotiation_records.timeutil import Moment, is_before, since_epoch


__all__ = [
    "AGREEMENT_ENDED",
    "MILESTONE_CANCELLED",
    "closed_before",
    "closed_in_time",
    "expired_before",
    "expired_before_moment",
    "in_time",
]

AGREEMENT_ENDED: Final = frozenset(
    {AgreementStatus.TERMINATED, AgreementStatus.SUPERSEDED}
)
"""The statuses that end an agreement before its time."""

MILESTONE_CANCELLED: Final = frozenset(
    {MilestoneStatus.CANCELLED, MilestoneStatus.SUPERSEDED}
)
"""The statuses that take a milestone's deadline away, met or not."""


def closed_in_time(changes: tuple[StatusChange, ...], deadline: Deadline) -> bool:
    """
    Whether the last of *changes* (a record's history as it stood at the
    moment asked about; its last change is the one that closed the record)
    came before *deadline* passed, or at an unrecorded time (undated, or no
    change at all).

    "Before it passed" is :meth:`Deadline.is_past
    <negotiation_records.Deadline.is_past>` at the change's moment: a change
    dated to a day counts from the start of that day in the deadline's zone,
    so a record closed on a deadline's own day (by date) closed it in time;
    against a datetime deadline the day may be that day anywhere, and begins
    first at UTC+14.
    A change at the very instant the deadline passes (a time of day equal to
    its :attr:`~negotiation_records.Deadline.cutoff`) came in time too: the
    United Kingdom left the European Union at 00:00 CET on 1 February 2020,
    as the Article 50 period ended.  The changes are in the order they were
    made, so the last came after each before it: after one that came once
    the deadline had passed (a milestone missed at 13:00, then met "on 13
    July", against a deadline of noon that day), it did not come in time,
    whatever its own date says.
    """
    return all(in_time(change.on, deadline) for change in changes)


def in_time(on: Moment | None, deadline: Deadline) -> bool:
    """
    Whether something done *on* (a moment, or ``None`` when unrecorded) came
    before *deadline* passed: :meth:`Deadline.is_past
    <negotiation_records.Deadline.is_past>` is false then, or *on* is the very
    instant it passes (its :attr:`~negotiation_records.Deadline.cutoff`).  The
    rule of :func:`closed_in_time`, and of :meth:`Ultimatum.comply
    <negotiation_records.Ultimatum.comply>`, which wants ``late=True`` otherwise.
    """
    if on is None or not deadline.is_past(on):
        return True
    if isinstance(on, pendulum.DateTime):
        return since_epoch(on) == since_epoch(deadline.cutoff)
    # a day against a datetime deadline: it may have begun elsewhere before
    timed = isinstance(deadline.due, pendulum.DateTime)
    return timed and not is_before(deadline.cutoff, on)


def expired_before(
    changes: tuple[StatusChange, ...], expiry: Deadline | None, deadline: Deadline
) -> bool:
    """
    Whether an agreement whose history is *changes* (as it stood at the moment
    asked about) had expired before *deadline* (the end of one of its phases)
    passed, which closes that deadline: its *expiry* (the one in force) is
    earlier than the deadline, marked expired or not (a truce that runs out
    on 1 March has no phase ending in April, unless its expiry is extended);
    with no expiry, it was marked expired, and not in force again after that,
    before the deadline passed (or at an unrecorded time).  A later step
    that ends it (terminated, superseded) does not undo it.
    """
    if expiry is not None:
        return expiry < deadline
    expired = _expired_by(changes)
    return expired is not None and closed_in_time(expired, deadline)


def closed_before(changes: tuple[StatusChange, ...], moment: Moment) -> bool:
    """
    Whether the last of *changes* (as for :func:`closed_in_time`) came
    certainly before *moment*, a moment that is not a deadline (the start of
    a phase): before it wherever on Earth either is read
    (:func:`~negotiation_records.is_before`).  A change on the very day of a
    phase that starts on a day is not before it, and one at an unrecorded
    time is not known to be (unlike a deadline's, a start is not an end that
    the record's closing could only have come before).
    """
    on = changes[-1].on if changes else None
    return on is not None and is_before(on, moment)


def expired_before_moment(
    changes: tuple[StatusChange, ...], expiry: Deadline | None, moment: Moment
) -> bool:
    """
    :func:`expired_before` for a *moment* that is not a deadline (the start of
    a phase): the *expiry* in force certainly falls due before it
    (:meth:`Deadline.falls_due_before
    <negotiation_records.Deadline.falls_due_before>`), or, with no expiry,
    the agreement was marked expired certainly before it
    (:func:`closed_before`).
    """
    if expiry is not None:
        return expiry.falls_due_before(moment)
    expired = _expired_by(changes)
    return expired is not None and closed_before(expired, moment)


def _expired_by(changes: tuple[StatusChange, ...]) -> tuple[StatusChange, ...] | None:
    """
    *changes* up to the step that marked the agreement expired, when it is
    expired still (a later step that ends it, terminated or superseded, does
    not undo it); ``None`` when it is running again or never expired.
    """
    for index in range(len(changes) - 1, -1, -1):
        status = changes[index].status
        if status is AgreementStatus.EXPIRED:
            return changes[: index + 1]
        if status not in AGREEMENT_ENDED:
            return None  # running again (or never expired)
    return None
