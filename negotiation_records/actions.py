"""
Actions: dated acts that are neither a proposal nor a quote — a strike
expanded, an exchange carried out, aid halted, a walk-out, a strike on a city.

An :class:`Action`'s kind is one of the PLOVER event types
(:class:`ActionKind`), so that records can be compared with event data sets
coded the same way.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

from negotiation_records._record import Record, frozen_record, only_with
from negotiation_records.fields import (
    PARTY_IDS,
    SOURCE_IDS,
    Choice,
    Many,
    Maybe,
    MomentKind,
    Nested,
    Slug,
    Text,
    field,
)
from negotiation_records.rounds import Quantity
from negotiation_records.timeutil import Moment, MomentInput, is_before, moment_text


__all__ = ["Action", "ActionKind"]


class ActionKind(enum.Enum):
    """
    What kind of act: the sixteen event types of PLOVER (the Political
    Language Ontology for Verifiable Event Records).

    Example:
        >>> ActionKind("sanction")
        <ActionKind.SANCTION: 'sanction'>
    """

    AGREE = "agree"
    CONSULT = "consult"
    SUPPORT = "support"
    CONCEDE = "concede"
    COOPERATE = "cooperate"
    AID = "aid"
    RETREAT = "retreat"
    REQUEST = "request"
    ACCUSE = "accuse"
    REJECT = "reject"
    THREATEN = "threaten"
    PROTEST = "protest"
    SANCTION = "sanction"
    MOBILIZE = "mobilize"
    COERCE = "coerce"
    ASSAULT = "assault"


@frozen_record(kw_only=True, init=False)
class Action(Record):
    """
    A dated act by one or more parties.

    Attributes:
        id: Slug other records use to refer to it.
        kind: Its PLOVER event type.
        by: Ids of the parties that acted (at least one).
        toward: Ids of the parties it was aimed at.
        on: When it began (or happened).
        ends: When it ended (optional; not before *on*).
        mode: How, in words ("strike", "prisoner exchange"), optional.
        summary: What happened, in words.
        quantities: What was counted (an exchange is two counts).
        sources: Ids of the sources for this.

    Example:
        >>> Action(id="stand-up-strike", kind="protest", by=["uaw"], toward=["stellantis"],
        ...        on=pendulum.date(2023, 9, 15), mode="strike",
        ...        summary="Strike at three plants",
        ...        quantities=[Quantity(amount=12700, unit="workers")]).kind
        <ActionKind.PROTEST: 'protest'>
    """

    id: str = field(Slug())
    kind: ActionKind = field(Choice(ActionKind))
    by: tuple[str, ...] = field(
        Many(Slug(), unique="party", min_items=1), refers_to="party"
    )
    toward: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    on: Moment = field(MomentKind())
    ends: Moment | None = field(Maybe(MomentKind()), default=None)
    mode: str | None = field(Maybe(Text()), default=None)
    summary: str = field(Text())
    quantities: tuple[Quantity, ...] = field(Many(Nested(Quantity)), default=())
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            id: str,  # noqa: A002 - the field's name
            kind: ActionKind | str,
            by: Iterable[str],
            toward: Iterable[str] = ...,
            on: MomentInput,
            ends: MomentInput | None = ...,
            mode: str | None = ...,
            summary: str,
            quantities: Iterable[Quantity] = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...

    @only_with("ends")
    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.ends is not None and is_before(self.ends, self.on):
            yield (
                "ends",
                f"{moment_text(self.ends)} is before the action began ({moment_text(self.on)})",
            )
