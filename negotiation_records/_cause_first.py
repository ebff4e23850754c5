"""
Where an event of the timeline caused by another of the same day stands
(private): after its cause, whatever the order of the kinds of event says.
An agreement in force on signature is signed, then due to enter into force;
a milestone missed and extended on 26 January is extended, then pending
again.  Each function gives *floors*: sort keys an event sorts no earlier
than, just after its cause's (the cause's key with one more part).
"""

from __future__ import annotations

from typing import Any

from negotiation_records._revivals import Revivable, revivals
from negotiation_records.agreements import Agreement, AgreementStatus


__all__ = ["after_making", "after_revival"]

Key = tuple[Any, ...]

#: The steps that make a text, before it can enter into force.
_MAKING = frozenset(
    {
        AgreementStatus.DRAFTED,
        AgreementStatus.INITIALLED,
        AgreementStatus.SIGNED,
        AgreementStatus.RATIFIED,
    }
)


def after_making(agreement: Agreement, steps: dict[int, Key], key: Key) -> Key | None:
    """
    The floor of the event of *agreement*'s entry into force, whose sort key
    is *key*: just after the last of the steps of the same day (drafted,
    initialled, signed, ratified; *steps* their sort keys by their index in
    the history), or ``None`` where no such step is dated that day.  A step
    of another day never moves it: an agreement applied from before its
    signature stays on its own day.
    """
    made = [
        steps[index]
        for index, change in enumerate(agreement.history)
        if change.status in _MAKING and index in steps and steps[index][0] == key[0]
    ]
    return (*max(made), 1) if made else None


def after_revival(
    record: Revivable, steps: dict[int, Key], revised: list[Key]
) -> dict[int, Key]:
    """
    The steps of *record*'s history that must move after the revision that
    brought the record back, with their floors: the step back (pending
    again, in force) that a revision answered
    (:func:`~negotiation_records._revivals.revivals`), where it sorts
    before that revision on the revision's day, and the steps after it that
    would then sort before it.
    *steps* are the sort keys of the history's dated steps by index,
    *revised* those of the revisions' events, in order.  A step of another
    day than its revision never moves.
    """
    moved: dict[int, Key] = {}
    for ran_out, index in revivals(record):
        back = ran_out + 1
        if index >= len(revised) or back not in steps:
            continue  # no revision answered it, or the step back is undated
        floor = (*revised[index], 1)
        if steps[back][0] != floor[0]:
            continue
        for later in range(back, len(record.history)):
            key = moved.get(later, steps.get(later))
            if key is not None and key < floor:
                moved[later] = floor
    return moved
