"""
The reference document as a pydantic v2 model and as msgspec structs.

Both describe the JSON that ``to_json(build_reference())`` writes, field for
field, and are configured as strictly as the library's loader where the tool
allows it natively (in Rust or C, without Python callbacks, so each runs at its
best):

* **pydantic v2** — ``strict=True`` (no coercion), ``extra="forbid"`` (unknown
  keys refused), frozen models, tuples for arrays, the library's enums.
  A moment field is ``AwareDatetime | date | str``: RFC 3339 text becomes an
  aware ``datetime``, ``YYYY-MM-DD`` a ``date``; the forms pydantic cannot parse
  (``2025-07``, ``2025``, and RFC 9557 ``...+03:00[Europe/Istanbul]``) stay text
  checked against a pattern.  Ids, texts, country codes, Wikidata ids, URLs and
  periods are checked with patterns and lengths.
* **msgspec** — ``forbid_unknown_fields=True``, frozen structs, tuples, the
  library's enums; msgspec is strict by default.  A union may hold only one type
  written as text, so a moment field is text checked against a pattern, and
  only the fields that are always dates (window ends, holidays) become ``date``.

What neither does: the library's cross-field and whole-record checks
(references to parties, rounds, statements and sources exist; ids are unique;
``ends`` is not before ``starts``; a deadline's ``due`` follows from its rule;
a zone's offset matches the instant), named zones (``Europe/Kyiv`` kept as a
zone), Unicode NFC normalisation, and duplicate-key refusal.  They would need
Python validators, which would slow them down; the comparison gives them the
benefit.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from negotiation_records import (
    ConditionKind,
    ConsequenceKind,
    NegotiationStatus,
    OutcomeKind,
    PartyKind,
    PartyRole,
    Precision,
    ProposalStatus,
    RoundLevel,
    RoundStatus,
    Stance,
    UltimatumStatus,
)


__all__ = ["PYDANTIC_MODELS", "MsgNegotiation", "MsgParty", "PNegotiation", "PParty"]

SLUG = r"^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$"
TEXT = r"\S"
COUNTRY = r"^[A-Z]{2}$"
WIKIDATA = r"^Q[1-9][0-9]{0,11}$"
URL = r"^https?://[^\s/]+\S*$"
PERIOD = r"^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$"
ZONE = r"^[A-Za-z0-9_+\-/]{1,64}$"
_STAMP = (
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?"
    r"(?:Z|[+-]\d{2}:\d{2}(?::\d{2})?)"
)
#: Any moment as text (for msgspec): a year, a month, a date, RFC 3339 or RFC 9557.
MOMENT = rf"^(?:\d{{4}}(?:-\d{{2}}(?:-\d{{2}})?)?|{_STAMP}(?:\[[A-Za-z0-9_+\-/]{{1,64}}\])?)$"
#: What pydantic leaves as text: a year, a month, or RFC 9557 with a zone name.
PARTIAL_OR_ZONED = rf"^(?:\d{{4}}(?:-\d{{2}})?|{_STAMP}\[[A-Za-z0-9_+\-/]{{1,64}}\])$"

# --- pydantic v2 ---------------------------------------------------------------------

PSlug = Annotated[str, Field(pattern=SLUG)]
PText = Annotated[str, Field(pattern=TEXT)]
PMoment = AwareDatetime | dt.date | Annotated[str, Field(pattern=PARTIAL_OR_ZONED)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PRepresentative(_Strict):
    """A representative."""

    name: PText
    role: PText | None = None
    since: PMoment | None = None
    until: PMoment | None = None
    sources: tuple[PSlug, ...] = ()


class PMembership(_Strict):
    """A membership of a coalition."""

    party: PSlug
    since: PMoment | None = None
    until: PMoment | None = None
    sources: tuple[PSlug, ...] = ()


class PParty(_Strict):
    """A party."""

    id: PSlug
    name: PText
    kind: PartyKind
    role: PartyRole = PartyRole.PRINCIPAL
    country: Annotated[str, Field(pattern=COUNTRY)] | None = None
    wikidata: Annotated[str, Field(pattern=WIKIDATA)] | None = None
    aliases: tuple[PText, ...] = ()
    representatives: tuple[PRepresentative, ...] = ()
    members: tuple[PMembership, ...] = ()
    sources: tuple[PSlug, ...] = ()


class PPosition(_Strict):
    """A position on a condition."""

    party: PSlug
    stance: Stance
    on: PMoment | None = None
    text: PText | None = None
    statement: PSlug | None = None
    sources: tuple[PSlug, ...] = ()


class PCondition(_Strict):
    """A condition."""

    id: PSlug
    text: PText
    kind: ConditionKind = ConditionKind.DEMAND
    demanded_by: PSlug | None = None
    addressed_to: tuple[PSlug, ...] = ()
    topics: tuple[PText, ...] = ()
    positions: tuple[PPosition, ...] = ()
    sources: tuple[PSlug, ...] = ()


class PDelegation(_Strict):
    """A delegation."""

    party: PSlug
    head: PText | None = None
    members: tuple[PText, ...] = ()


class PQuantity(_Strict):
    """A quantity."""

    amount: int | float
    unit: PText
    each: bool = False
    precision: Precision = Precision.EXACT
    given_by: tuple[PSlug, ...] = ()
    received_by: tuple[PSlug, ...] = ()


class POutcome(_Strict):
    """An outcome of a round."""

    text: PText
    kind: OutcomeKind
    parties: tuple[PSlug, ...] = ()
    quantities: tuple[PQuantity, ...] = ()
    sources: tuple[PSlug, ...] = ()


class PWindow(_Strict):
    """A window of days."""

    start: dt.date
    end: dt.date
    label: PText | None = None


class PRoundChange(_Strict):
    """A change of a round's status."""

    status: RoundStatus
    on: PMoment | None = None
    by: tuple[PSlug, ...] = ()
    reason: PText | None = None
    sources: tuple[PSlug, ...] = ()


class PProposalChange(_Strict):
    """A change of a proposal's status."""

    status: ProposalStatus
    on: PMoment | None = None
    by: tuple[PSlug, ...] = ()
    reason: PText | None = None
    sources: tuple[PSlug, ...] = ()


class PUltimatumChange(_Strict):
    """A change of an ultimatum's status."""

    status: UltimatumStatus
    on: PMoment | None = None
    by: tuple[PSlug, ...] = ()
    reason: PText | None = None
    sources: tuple[PSlug, ...] = ()


class PNegotiationChange(_Strict):
    """A change of a negotiation's status."""

    status: NegotiationStatus
    on: PMoment | None = None
    by: tuple[PSlug, ...] = ()
    reason: PText | None = None
    sources: tuple[PSlug, ...] = ()


class PRound(_Strict):
    """A round."""

    number: Annotated[int, Field(ge=1)]
    history: tuple[PRoundChange, ...] = ()
    level: RoundLevel = RoundLevel.DELEGATIONS
    starts: PMoment | None = None
    ends: PMoment | None = None
    location: PText | None = None
    hosts: tuple[PSlug, ...] = ()
    mediators: tuple[PSlug, ...] = ()
    delegations: tuple[PDelegation, ...] = ()
    outcomes: tuple[POutcome, ...] = ()
    window: PWindow | None = None
    summary: PText | None = None
    sources: tuple[PSlug, ...] = ()


class PResponse(_Strict):
    """A response."""

    party: PSlug
    on: PMoment
    stance: Stance
    text: PText | None = None
    statement: PSlug | None = None
    sources: tuple[PSlug, ...] = ()


class PProposal(_Strict):
    """A proposal."""

    id: PSlug
    proposed_by: tuple[PSlug, ...]
    addressed_to: tuple[PSlug, ...]
    made_on: PMoment
    summary: PText
    terms: tuple[PCondition, ...] = ()
    round: Annotated[int, Field(ge=1)] | None = None
    counter_to: PSlug | None = None
    responses: tuple[PResponse, ...] = ()
    history: tuple[PProposalChange, ...] = ()
    window: PWindow | None = None
    sources: tuple[PSlug, ...] = ()


class PDeadline(_Strict):
    """A deadline."""

    due: PMoment
    tz: Annotated[str, Field(pattern=ZONE)] | None = None
    anchor: PMoment | None = None
    period: Annotated[str, Field(pattern=PERIOD)] | None = None
    business_days: Annotated[int, Field(ge=1)] | None = None
    holidays: tuple[dt.date, ...] = ()
    weekend: tuple[Annotated[int, Field(ge=0, le=6)], ...] = (5, 6)
    counts_back: bool = False
    day: Annotated[int, Field(ge=1)] | None = None


class PDeadlineRevision(_Strict):
    """A replaced deadline."""

    previous: PDeadline
    revised_on: PMoment
    reason: PText | None = None
    statement: PSlug | None = None
    sources: tuple[PSlug, ...] = ()


class PConsequence(_Strict):
    """A consequence."""

    text: PText
    kind: ConsequenceKind
    targets: tuple[PText, ...] = ()
    target_parties: tuple[PSlug, ...] = ()
    sources: tuple[PSlug, ...] = ()


class PUltimatum(_Strict):
    """An ultimatum."""

    id: PSlug
    issued_by: PSlug
    addressed_to: tuple[PSlug, ...]
    issued_at: PMoment
    demand: PCondition | PText
    deadline: PDeadline
    consequences: tuple[PConsequence, ...] = ()
    history: tuple[PUltimatumChange, ...] = ()
    responses: tuple[PResponse, ...] = ()
    revisions: tuple[PDeadlineRevision, ...] = ()
    sources: tuple[PSlug, ...] = ()


class PStatement(_Strict):
    """A statement."""

    id: PSlug
    speaker: PText
    speaker_role: PText | None = None
    party: PSlug | None = None
    said_on: PMoment
    text: PText
    verbatim: bool = True
    source: PSlug | None = None
    sources: tuple[PSlug, ...] = ()


class PSource(_Strict):
    """A source."""

    id: PSlug
    publisher: PText
    title: PText | None = None
    url: Annotated[str, Field(pattern=URL)] | None = None
    published: PMoment | None = None
    accessed: PMoment | None = None


class PNegotiation(_Strict):
    """The whole record."""

    schema_version: Literal[2]
    id: PSlug
    title: PText
    parties: tuple[PParty, ...] = ()
    conditions: tuple[PCondition, ...] = ()
    rounds: tuple[PRound, ...] = ()
    proposals: tuple[PProposal, ...] = ()
    ultimatums: tuple[PUltimatum, ...] = ()
    statements: tuple[PStatement, ...] = ()
    # The reference document has no agreements, milestones, votes or actions
    # (format version 2's newer records): empty lists only.
    agreements: tuple[()] = ()
    milestones: tuple[()] = ()
    votes: tuple[()] = ()
    actions: tuple[()] = ()
    sources: tuple[PSource, ...] = ()
    history: tuple[PNegotiationChange, ...] = ()
    notes: PText | None = None


PYDANTIC_MODELS = (PNegotiation, PParty)

# --- msgspec -------------------------------------------------------------------------

MSlug = Annotated[str, msgspec.Meta(pattern=SLUG)]
MText = Annotated[str, msgspec.Meta(pattern=TEXT)]
MMoment = Annotated[str, msgspec.Meta(pattern=MOMENT)]
MPositive = Annotated[int, msgspec.Meta(ge=1)]


class _Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    pass


class MsgRepresentative(_Struct, frozen=True, kw_only=True):
    """A representative."""

    name: MText
    role: MText | None = None
    since: MMoment | None = None
    until: MMoment | None = None
    sources: tuple[MSlug, ...] = ()


class MsgMembership(_Struct, frozen=True, kw_only=True):
    """A membership of a coalition."""

    party: MSlug
    since: MMoment | None = None
    until: MMoment | None = None
    sources: tuple[MSlug, ...] = ()


class MsgParty(_Struct, frozen=True, kw_only=True):
    """A party."""

    id: MSlug
    name: MText
    kind: PartyKind
    role: PartyRole = PartyRole.PRINCIPAL
    country: Annotated[str, msgspec.Meta(pattern=COUNTRY)] | None = None
    wikidata: Annotated[str, msgspec.Meta(pattern=WIKIDATA)] | None = None
    aliases: tuple[MText, ...] = ()
    representatives: tuple[MsgRepresentative, ...] = ()
    members: tuple[MsgMembership, ...] = ()
    sources: tuple[MSlug, ...] = ()


class MsgPosition(_Struct, frozen=True, kw_only=True):
    """A position on a condition."""

    party: MSlug
    stance: Stance
    on: MMoment | None = None
    text: MText | None = None
    statement: MSlug | None = None
    sources: tuple[MSlug, ...] = ()


class MsgCondition(_Struct, frozen=True, kw_only=True):
    """A condition."""

    id: MSlug
    text: MText
    kind: ConditionKind = ConditionKind.DEMAND
    demanded_by: MSlug | None = None
    addressed_to: tuple[MSlug, ...] = ()
    topics: tuple[MText, ...] = ()
    positions: tuple[MsgPosition, ...] = ()
    sources: tuple[MSlug, ...] = ()


class MsgDelegation(_Struct, frozen=True, kw_only=True):
    """A delegation."""

    party: MSlug
    head: MText | None = None
    members: tuple[MText, ...] = ()


class MsgQuantity(_Struct, frozen=True, kw_only=True):
    """A quantity."""

    amount: int | float
    unit: MText
    each: bool = False
    precision: Precision = Precision.EXACT
    given_by: tuple[MSlug, ...] = ()
    received_by: tuple[MSlug, ...] = ()


class MsgOutcome(_Struct, frozen=True, kw_only=True):
    """An outcome of a round."""

    text: MText
    kind: OutcomeKind
    parties: tuple[MSlug, ...] = ()
    quantities: tuple[MsgQuantity, ...] = ()
    sources: tuple[MSlug, ...] = ()


class MsgWindow(_Struct, frozen=True, kw_only=True):
    """A window of days."""

    start: dt.date
    end: dt.date
    label: MText | None = None


class MsgRoundChange(_Struct, frozen=True, kw_only=True):
    """A change of a round's status."""

    status: RoundStatus
    on: MMoment | None = None
    by: tuple[MSlug, ...] = ()
    reason: MText | None = None
    sources: tuple[MSlug, ...] = ()


class MsgProposalChange(_Struct, frozen=True, kw_only=True):
    """A change of a proposal's status."""

    status: ProposalStatus
    on: MMoment | None = None
    by: tuple[MSlug, ...] = ()
    reason: MText | None = None
    sources: tuple[MSlug, ...] = ()


class MsgUltimatumChange(_Struct, frozen=True, kw_only=True):
    """A change of an ultimatum's status."""

    status: UltimatumStatus
    on: MMoment | None = None
    by: tuple[MSlug, ...] = ()
    reason: MText | None = None
    sources: tuple[MSlug, ...] = ()


class MsgNegotiationChange(_Struct, frozen=True, kw_only=True):
    """A change of a negotiation's status."""

    status: NegotiationStatus
    on: MMoment | None = None
    by: tuple[MSlug, ...] = ()
    reason: MText | None = None
    sources: tuple[MSlug, ...] = ()


class MsgRound(_Struct, frozen=True, kw_only=True):
    """A round."""

    number: MPositive
    history: tuple[MsgRoundChange, ...] = ()
    level: RoundLevel = RoundLevel.DELEGATIONS
    starts: MMoment | None = None
    ends: MMoment | None = None
    location: MText | None = None
    hosts: tuple[MSlug, ...] = ()
    mediators: tuple[MSlug, ...] = ()
    delegations: tuple[MsgDelegation, ...] = ()
    outcomes: tuple[MsgOutcome, ...] = ()
    window: MsgWindow | None = None
    summary: MText | None = None
    sources: tuple[MSlug, ...] = ()


class MsgResponse(_Struct, frozen=True, kw_only=True):
    """A response."""

    party: MSlug
    on: MMoment
    stance: Stance
    text: MText | None = None
    statement: MSlug | None = None
    sources: tuple[MSlug, ...] = ()


class MsgProposal(_Struct, frozen=True, kw_only=True):
    """A proposal."""

    id: MSlug
    proposed_by: tuple[MSlug, ...]
    addressed_to: tuple[MSlug, ...]
    made_on: MMoment
    summary: MText
    terms: tuple[MsgCondition, ...] = ()
    round: MPositive | None = None
    counter_to: MSlug | None = None
    responses: tuple[MsgResponse, ...] = ()
    history: tuple[MsgProposalChange, ...] = ()
    window: MsgWindow | None = None
    sources: tuple[MSlug, ...] = ()


class MsgDeadline(_Struct, frozen=True, kw_only=True):
    """A deadline."""

    due: MMoment
    tz: Annotated[str, msgspec.Meta(pattern=ZONE)] | None = None
    anchor: MMoment | None = None
    period: Annotated[str, msgspec.Meta(pattern=PERIOD)] | None = None
    business_days: MPositive | None = None
    holidays: tuple[dt.date, ...] = ()
    weekend: tuple[Annotated[int, msgspec.Meta(ge=0, le=6)], ...] = (5, 6)
    counts_back: bool = False
    day: MPositive | None = None


class MsgDeadlineRevision(_Struct, frozen=True, kw_only=True):
    """A replaced deadline."""

    previous: MsgDeadline
    revised_on: MMoment
    reason: MText | None = None
    statement: MSlug | None = None
    sources: tuple[MSlug, ...] = ()


class MsgConsequence(_Struct, frozen=True, kw_only=True):
    """A consequence."""

    text: MText
    kind: ConsequenceKind
    targets: tuple[MText, ...] = ()
    target_parties: tuple[MSlug, ...] = ()
    sources: tuple[MSlug, ...] = ()


class MsgUltimatum(_Struct, frozen=True, kw_only=True):
    """An ultimatum."""

    id: MSlug
    issued_by: MSlug
    addressed_to: tuple[MSlug, ...]
    issued_at: MMoment
    demand: MsgCondition | MText
    deadline: MsgDeadline
    consequences: tuple[MsgConsequence, ...] = ()
    history: tuple[MsgUltimatumChange, ...] = ()
    responses: tuple[MsgResponse, ...] = ()
    revisions: tuple[MsgDeadlineRevision, ...] = ()
    sources: tuple[MSlug, ...] = ()


class MsgStatement(_Struct, frozen=True, kw_only=True):
    """A statement."""

    id: MSlug
    speaker: MText
    speaker_role: MText | None = None
    party: MSlug | None = None
    said_on: MMoment
    text: MText
    verbatim: bool = True
    source: MSlug | None = None
    sources: tuple[MSlug, ...] = ()


class MsgSource(_Struct, frozen=True, kw_only=True):
    """A source."""

    id: MSlug
    publisher: MText
    title: MText | None = None
    url: Annotated[str, msgspec.Meta(pattern=URL)] | None = None
    published: MMoment | None = None
    accessed: MMoment | None = None


class MsgNegotiation(_Struct, frozen=True, kw_only=True):
    """The whole record."""

    schema_version: Literal[2]
    id: MSlug
    title: MText
    parties: tuple[MsgParty, ...] = ()
    conditions: tuple[MsgCondition, ...] = ()
    rounds: tuple[MsgRound, ...] = ()
    proposals: tuple[MsgProposal, ...] = ()
    ultimatums: tuple[MsgUltimatum, ...] = ()
    statements: tuple[MsgStatement, ...] = ()
    # The reference document has no agreements, milestones, votes or actions
    # (format version 2's newer records): empty lists only.
    agreements: tuple[()] = ()
    milestones: tuple[()] = ()
    votes: tuple[()] = ()
    actions: tuple[()] = ()
    sources: tuple[MsgSource, ...] = ()
    history: tuple[MsgNegotiationChange, ...] = ()
    notes: MText | None = None
