"""
Where a negotiation's conditions are (private): each with its path, in
document order.  The whole-record check (condition ids used once) and the
timeline (positions taken on conditions) walk them alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from negotiation_records.conditions import Condition


__all__ = ["condition_ids", "condition_paths"]


def condition_paths(
    talks: Any, *, provisions: bool = True
) -> Iterator[tuple[str, Condition]]:
    """
    The conditions of the negotiation *talks*, each with its path, in
    document order: standing conditions, proposals' terms, ultimatums'
    demands and (with *provisions*) agreements' provisions.
    """
    for i, condition in enumerate(talks.conditions):
        yield f"conditions[{i}]", condition
    for i, proposal in enumerate(talks.proposals):
        for j, condition in enumerate(proposal.terms):
            yield f"proposals[{i}].terms[{j}]", condition
    for i, ultimatum in enumerate(talks.ultimatums):
        if isinstance(ultimatum.demand, Condition):
            yield f"ultimatums[{i}].demand", ultimatum.demand
    if provisions:
        for i, agreement in enumerate(talks.agreements):
            for j, condition in enumerate(agreement.provisions):
                yield f"agreements[{i}].provisions[{j}]", condition


def condition_ids(talks: Any) -> list[str]:
    """
    The ids of the conditions :func:`condition_paths` gives without
    *provisions*, in the same order, without their paths (which only a
    problem names).
    """
    ids = [condition.id for condition in talks.conditions]
    for proposal in talks.proposals:
        if proposal.terms:
            ids += [condition.id for condition in proposal.terms]
    ids += [
        ultimatum.demand.id
        for ultimatum in talks.ultimatums
        if isinstance(ultimatum.demand, Condition)
    ]
    return ids
