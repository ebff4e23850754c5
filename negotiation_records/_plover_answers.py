"""
Which event codes a party's answer to a proposal (private): its response, or
the change of the proposal's status that names it.

A proposal accepted (or rejected) by Russia, and Russia's response saying so,
are one act: PLOVER gets one event for it.  The one known first codes it — a
day from its start in UTC, a time at its instant (a tie goes to the
response) — so that an export as of a moment between the two codes the act
as the whole record does, under the same id
(:func:`~negotiation_records.to_plover` with ``at``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

from negotiation_records.history import StatusChange
from negotiation_records.proposals import Proposal, ProposalStatus
from negotiation_records.stances import Response, Stance
from negotiation_records.timeutil import Moment, PartialDate, moment_span


__all__ = ["coded_by_change", "said_first"]

#: The stances of a response that say what a change to each status says.
_ANSWERED: Mapping[object, frozenset[Stance]] = {
    ProposalStatus.ACCEPTED: frozenset({Stance.ACCEPTS, Stance.SUPPORTS}),
    ProposalStatus.REJECTED: frozenset({Stance.OPPOSES, Stance.REJECTS}),
}


def _known_from(moment: Moment) -> _dt.datetime:
    """The instant from which a day or a datetime counts as known (a day: its start in UTC)."""
    return moment_span(moment)[0]


def said_first(proposal: Proposal, change: StatusChange) -> set[str]:
    """
    The parties named in *change* (the proposal accepted or rejected, dated
    to a day) whose response saying so, dated to a day, is known no later
    than the change: their act is the response's event, and the change codes
    the others.
    """
    answered = _ANSWERED[change.status]
    assert change.on is not None  # noqa: S101 - a change of the timeline is dated
    since = _known_from(change.on)
    return {
        r.party
        for r in proposal.responses
        if r.party in change.by
        and r.stance in answered
        and not isinstance(r.on, PartialDate)
        and _known_from(r.on) <= since
    }


def coded_by_change(proposal: Proposal, response: Response) -> StatusChange | None:
    """
    The change of *proposal*'s status (accepted, rejected) that codes
    *response*'s act already — dated to a day, naming the party, saying what
    the response says, and known before it (no earlier response of the party
    said so); ``None``: the response is its own event.
    """
    for change in proposal.history:
        answered = _ANSWERED.get(change.status)
        on = change.on
        if (
            answered is None
            or response.stance not in answered
            or response.party not in change.by
            or on is None
            or isinstance(on, PartialDate)
        ):
            continue
        if _known_from(on) < _known_from(response.on) and (
            response.party not in said_first(proposal, change)
        ):
            return change
    return None
