"""
Typed, validated, serializable records of negotiations.

Peace talks, trade truces, treaty clocks, strike notices: parties, proposals,
conditions, ultimatums and rounds, with the same validation, the same deadline
arithmetic and the same serialized form everywhere.

Import everything from the package root::

    from negotiation_records import Party, Round, Ultimatum, Deadline, Negotiation
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from negotiation_records._record import Record
from negotiation_records.actions import Action, ActionKind
from negotiation_records.agreements import (
    Agreement,
    AgreementStage,
    AgreementStatus,
    Phase,
)
from negotiation_records.conditions import Condition, ConditionKind
from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.errors import (
    FrozenRecordError,
    IllegalTransitionError,
    NegotiationRecordError,
    RecordNotFoundError,
    ValidationError,
)
from negotiation_records.history import StatusChange
from negotiation_records.milestones import Alternative, Milestone, MilestoneStatus
from negotiation_records.negotiation import Negotiation, NegotiationStatus
from negotiation_records.parties import (
    Membership,
    Party,
    PartyKind,
    PartyRole,
    Representative,
)
from negotiation_records.proposals import Proposal, ProposalStatus
from negotiation_records.rounds import (
    Delegation,
    Outcome,
    OutcomeKind,
    Precision,
    Quantity,
    Round,
    RoundLevel,
    RoundStatus,
)
from negotiation_records.sources import Source, Statement
from negotiation_records.stances import Position, Response, Stance
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
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
from negotiation_records.votes import Threshold, Vote, VoteResult
from negotiation_records.windows import Window


if TYPE_CHECKING:  # loaded on first use, see __getattr__
    from negotiation_records.ical import to_ical
    from negotiation_records.migrations import (
        SCHEMA_VERSION,
        register_migration,
        unregister_migration,
    )
    from negotiation_records.plover import plover_skipped, to_plover, write_plover
    from negotiation_records.queries import (
        DeadlineEntry,
        PartyPositions,
        PhaseEnd,
        TermStance,
        UltimatumDeadline,
        as_of_instant,
    )
    from negotiation_records.schema import json_schema
    from negotiation_records.serialization import (
        JSONLinesError,
        configure_converter,
        converter,
        from_dict,
        from_json,
        make_converter,
        read_jsonl,
        to_dict,
        to_json,
        write_jsonl,
    )
    from negotiation_records.timeline import EventKind, TimelineEvent


__all__ = [
    "SCHEMA_VERSION",
    "Action",
    "ActionKind",
    "Agreement",
    "AgreementStage",
    "AgreementStatus",
    "Alternative",
    "Condition",
    "ConditionKind",
    "Consequence",
    "ConsequenceKind",
    "Deadline",
    "DeadlineEntry",
    "DeadlineRevision",
    "Delegation",
    "EventKind",
    "FrozenRecordError",
    "IllegalTransitionError",
    "JSONLinesError",
    "Membership",
    "Milestone",
    "MilestoneStatus",
    "Moment",
    "MomentInput",
    "Negotiation",
    "NegotiationRecordError",
    "NegotiationStatus",
    "Outcome",
    "OutcomeKind",
    "PartialDate",
    "Party",
    "PartyKind",
    "PartyPositions",
    "PartyRole",
    "Period",
    "Phase",
    "PhaseEnd",
    "Position",
    "Precision",
    "Proposal",
    "ProposalStatus",
    "Quantity",
    "Record",
    "RecordNotFoundError",
    "Representative",
    "Response",
    "Round",
    "RoundLevel",
    "RoundStatus",
    "Source",
    "Stance",
    "Statement",
    "StatusChange",
    "TermStance",
    "Threshold",
    "TimelineEvent",
    "Ultimatum",
    "UltimatumDeadline",
    "UltimatumStatus",
    "ValidationError",
    "Vote",
    "VoteResult",
    "Window",
    "as_of_instant",
    "configure_converter",
    "converter",
    "format_moment",
    "from_dict",
    "from_json",
    "is_before",
    "json_schema",
    "make_converter",
    "moment_sort_key",
    "parse_moment",
    "plover_skipped",
    "read_jsonl",
    "register_migration",
    "to_dict",
    "to_ical",
    "to_json",
    "to_plover",
    "unregister_migration",
    "write_jsonl",
    "write_plover",
]


# The serialization layer (cattrs, json, the format's versions and migrations)
# and the time queries' results are imported when one of their names is first
# used (PEP 562): a script that only builds records, or a command that only
# prints its help, does not pay for them.
_LAZY = {
    "SCHEMA_VERSION": "migrations",
    "register_migration": "migrations",
    "unregister_migration": "migrations",
    "JSONLinesError": "serialization",
    "configure_converter": "serialization",
    "converter": "serialization",
    "from_dict": "serialization",
    "from_json": "serialization",
    "make_converter": "serialization",
    "read_jsonl": "serialization",
    "to_dict": "serialization",
    "to_json": "serialization",
    "write_jsonl": "serialization",
    "json_schema": "schema",
    "plover_skipped": "plover",
    "to_plover": "plover",
    "write_plover": "plover",
    "to_ical": "ical",
    "as_of_instant": "queries",
    "DeadlineEntry": "queries",
    "PartyPositions": "queries",
    "PhaseEnd": "queries",
    "TermStance": "queries",
    "UltimatumDeadline": "queries",
    "EventKind": "timeline",
    "TimelineEvent": "timeline",
}


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "__version__"})


if TYPE_CHECKING:
    # A value, not an annotation: an annotation would give the module an
    # empty ``__annotations__`` that help() lists.
    __version__ = ""
else:
    # Defined for the interpreter only: a module ``__getattr__`` that a type
    # checker saw would make every misspelled name imported from here ``Any``.

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is not None:
            value = getattr(import_module(f"{__name__}.{module}"), name)
            globals()[name] = value
            return value
        if name == "__version__":
            from importlib.metadata import (  # noqa: PLC0415
                PackageNotFoundError,
                version,
            )

            try:
                return version("negotiation-records")
            except PackageNotFoundError:  # imported from a tree never installed
                raise AttributeError(
                    f"module {__name__!r} has no attribute '__version__': its "
                    "version is read from the installed package's metadata, and "
                    "the package is not installed (python -m pip install .)"
                ) from None
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
