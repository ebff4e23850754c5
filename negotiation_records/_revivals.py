"""
Which deadline revisions brought back a record that ran out.

An ultimatum that expired, a milestone that was missed or an agreement that
expired can be brought back by a revision of its deadline (``revise_deadline``,
``extend``): its history then says it ran out and, next, that it is pending
(in force) again.  A revision that answers such a step was made no earlier than
it, whatever its own date says: extended "on 26 January" after running out at
04:00 that day, a milestone was not extended at 03:00.  Snapshots
(:mod:`negotiation_records.snapshot`) and the timeline
(:mod:`negotiation_records.timeline`) both read that rule from here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any, TypeVar

from negotiation_records.agreements import Agreement, AgreementStatus
from negotiation_records.milestones import Milestone, MilestoneStatus
from negotiation_records.timeutil import is_before
from negotiation_records.ultimatums import Ultimatum, UltimatumStatus


K = TypeVar("K")

#: The status that says each kind of record's deadline ran out.
RAN_OUT: dict[type[Any], enum.Enum] = {
    Ultimatum: UltimatumStatus.EXPIRED,
    Milestone: MilestoneStatus.MISSED,
    Agreement: AgreementStatus.EXPIRED,
}

#: The status a revision brings each kind of record back to once it ran out
#: (``agreements.revived_by``, as ``revise_deadline`` and ``extend`` take it).
REVIVED: dict[type[Any], enum.Enum] = {
    Ultimatum: UltimatumStatus.PENDING,
    Milestone: MilestoneStatus.PENDING,
    Agreement: AgreementStatus.IN_FORCE,
}


def _of(table: dict[type[Any], enum.Enum], record: object) -> enum.Enum:
    """*table*'s status for *record*, read by isinstance (a subclass finds its own)."""
    found = table.get(record.__class__)
    if found is not None:
        return found
    return next(status for kind, status in table.items() if isinstance(record, kind))


def ran_out_status(record: Ultimatum | Milestone | Agreement) -> enum.Enum:
    """
    The status that says *record*'s deadline ran out: an ultimatum
    ``expired``, a milestone ``missed``, an agreement ``expired`` (its expiry).
    """
    return _of(RAN_OUT, record)


def revivals(
    record: Ultimatum | Milestone | Agreement, start: int = 0
) -> Iterator[tuple[int, int]]:
    """
    Each dated step of *record*'s history (from index *start*) that says its
    deadline ran out and that a revision then brought back (the next step is
    the status a revision restores), oldest first: the step's index in the
    history, and the index of the revision that answered it (``len(revisions)``
    if none did), from which on the revisions came after it.

    The revision that answered a step is the first, after the one that
    answered the step before it, that is not certainly before the step, nor
    certainly before the deadline it replaced passed (made before that, it
    was an extension or a cut in time, not a revival): extended on 3 January
    from the 5th to the 20th, missed "in January" and revived on 1 February,
    a milestone was revived by the revision of 1 February.
    """
    history, revisions = record.history, record.revisions
    if not revisions or len(history) - start < 2:
        return  # no revision to place, or no step and a step after it
    ran_out, revived = ran_out_status(record), _of(REVIVED, record)
    cursor = 0  # revisions before it answered earlier steps
    for index in range(len(history) - 1):
        step = history[index]
        on = step.on
        if step.status is not ran_out or on is None:
            continue
        if history[index + 1].status is not revived:
            continue
        while cursor < len(revisions) and (
            is_before(revisions[cursor].revised_on, on)
            or is_before(
                revisions[cursor].revised_on, revisions[cursor].previous.cutoff
            )
        ):
            cursor += 1
        if index >= start:
            yield index, cursor
        cursor = min(cursor + 1, len(revisions))


def revival_floors(
    record: Ultimatum | Milestone | Agreement, steps: dict[int, K]
) -> dict[int, K]:
    """
    Where the revisions of *record* may sort, by the steps they answered:
    from the first revision that answered a step saying it ran out (by
    index, as :func:`revivals` gives it), no earlier than that step's key in
    *steps* (the keys of its history's steps, by index).  On a timeline,
    "extended on 26 January" follows the miss at 04:00 that day.
    """
    return {first: steps[step] for step, first in revivals(record) if step in steps}
