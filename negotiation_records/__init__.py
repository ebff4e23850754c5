"""
Typed, validated, serializable records of negotiations.

Peace talks, trade truces, treaty clocks, strike notices: parties, proposals,
conditions, ultimatums and rounds, with the same validation, the same deadline
arithmetic and the same serialized form everywhere.

Import everything from the package root::

    from negotiation_records import Party, Round, Ultimatum, Deadline, Negotiation
"""

from __future__ import annotations

from typing import Any

from negotiation_records.conditions import Condition, ConditionKind
from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.errors import (
    IllegalTransitionError,
    NegotiationRecordError,
    RecordNotFoundError,
    ValidationError,
)
from negotiation_records.negotiation import Negotiation, NegotiationStatus
from negotiation_records.parties import Party, PartyKind, PartyRole, Representative
from negotiation_records.proposals import Proposal, ProposalStatus
from negotiation_records.rounds import (
    Delegation,
    Outcome,
    OutcomeKind,
    Quantity,
    Round,
    RoundLevel,
    RoundStatus,
)
from negotiation_records.sources import Source, Statement
from negotiation_records.stances import Position, Response, Stance
from negotiation_records.timeutil import (
    Moment,
    PartialDate,
    Period,
    format_moment,
    is_before,
    moment_sort_key,
    parse_moment,
)
from negotiation_records.ultimatums import (
    Consequence,
    ConsequenceKind,
    Ultimatum,
    UltimatumStatus,
)
from negotiation_records.windows import Window


__all__ = [
    "Condition",
    "ConditionKind",
    "Consequence",
    "ConsequenceKind",
    "Deadline",
    "DeadlineRevision",
    "Delegation",
    "IllegalTransitionError",
    "Moment",
    "Negotiation",
    "NegotiationRecordError",
    "NegotiationStatus",
    "Outcome",
    "OutcomeKind",
    "PartialDate",
    "Party",
    "PartyKind",
    "PartyRole",
    "Period",
    "Position",
    "Proposal",
    "ProposalStatus",
    "Quantity",
    "RecordNotFoundError",
    "Representative",
    "Response",
    "Round",
    "RoundLevel",
    "RoundStatus",
    "Source",
    "Stance",
    "Statement",
    "Ultimatum",
    "UltimatumStatus",
    "ValidationError",
    "Window",
    "format_moment",
    "is_before",
    "moment_sort_key",
    "parse_moment",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("negotiation-records")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
