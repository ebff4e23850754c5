"""
What the event of a deadline says of a record closed around it (private):
"; the ultimatum was complied with after it expired", "; the agreement was
terminated before then".  Each says what the deadline queries and the
calendar decide (:mod:`~negotiation_records._closing`), so the timeline
never tells another story than they do.
"""

from __future__ import annotations

from negotiation_records._closing import (
    AGREEMENT_ENDED,
    MILESTONE_CANCELLED,
    closed_before,
    closed_in_time,
    expired_before,
    expired_before_moment,
)
from negotiation_records.agreements import Agreement
from negotiation_records.deadlines import Deadline
from negotiation_records.milestones import Milestone
from negotiation_records.timeutil import Moment
from negotiation_records.ultimatums import Ultimatum, UltimatumStatus


__all__ = [
    "agreement_closed",
    "agreement_closed_at_start",
    "milestone_closed",
    "ultimatum_closed",
]


def ultimatum_closed(ultimatum: Ultimatum) -> str:
    """
    What the summary of the deadline in force of *ultimatum* adds when it was
    complied with or withdrawn: "after it expired" (or "after it passed")
    where that came once the deadline had passed, by the rule of the
    deadline queries — a compliance in time for a deadline that replaced one
    that ran out is in time.
    """
    status = ultimatum.status
    if status is UltimatumStatus.COMPLIED:
        verb, late_words = "complied with", " after it expired"
    elif status is UltimatumStatus.WITHDRAWN:
        verb, late_words = "withdrawn", " after it passed"
    else:
        return ""
    late = not closed_in_time(ultimatum.history, ultimatum.deadline)
    return f"; the ultimatum was {verb}" + (late_words if late else "")


def agreement_closed(
    agreement: Agreement, deadline: Deadline, *, phase: bool = False
) -> str:
    """
    What the summary of an event of *agreement* due at *deadline* adds when
    the agreement ended before it passed, by the rule of the deadline queries
    and the calendar (:mod:`~negotiation_records._closing`): it was
    terminated or superseded, or (for the end of a phase) it had expired.
    """
    status = agreement.status
    if status in AGREEMENT_ENDED and closed_in_time(agreement.history, deadline):
        return f"; the agreement was {status.value} before then"
    if phase and expired_before(agreement.history, agreement.expires, deadline):
        return "; the agreement had expired before then"
    return ""


def agreement_closed_at_start(agreement: Agreement, starts: Moment) -> str:
    """
    What the summary of a phase's start (at *starts*) adds when *agreement*
    had ended certainly before it (:func:`~negotiation_records._closing.closed_before`):
    terminated or superseded, or expired (its expiry in force certainly
    before the start, marked expired or not; with none, marked expired).
    """
    status = agreement.status
    if status in AGREEMENT_ENDED and closed_before(agreement.history, starts):
        return f"; the agreement was {status.value} before then"
    if expired_before_moment(agreement.history, agreement.expires, starts):
        return "; the agreement had expired before then"
    return ""


def milestone_closed(milestone: Milestone, deadline: Deadline) -> str:
    """
    What the summary of a deadline of *milestone* adds when the milestone was
    cancelled or superseded before it passed (the rule of
    :func:`agreement_closed`).
    """
    status = milestone.status
    if status in MILESTONE_CANCELLED and closed_in_time(milestone.history, deadline):
        return f"; the milestone was {status.value} before then"
    return ""
