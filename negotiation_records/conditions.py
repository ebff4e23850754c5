"""
Terms on the table: demands, preconditions, offers and commitments.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from negotiation_records._record import Record, frozen_record, only_with
from negotiation_records.fields import (
    PARTY_IDS,
    SOURCE_IDS,
    Choice,
    Many,
    Maybe,
    Nested,
    Slug,
    Text,
    field,
)
from negotiation_records.stances import Position, Stance
from negotiation_records.timeutil import (
    Moment,
    is_known_by,
    moment_argument,
    moment_sort_key,
)


__all__ = ["Condition", "ConditionKind"]


def repeated_ids(
    conditions: Iterable[Condition], name: str, noun: str
) -> Iterable[tuple[str, str]]:
    """
    Yield a problem for each condition whose id an earlier one in *name* has.

    A proposal's terms and an agreement's provisions are lists of conditions
    whose ids must each appear once; the problem is placed at the repeat,
    ``(f"{name}[{index}].id", f"{noun} id 'x' appears twice")``.
    """
    seen: set[str] = set()
    for index, condition in enumerate(conditions):
        if condition.id in seen:
            yield (f"{name}[{index}].id", f"{noun} id {condition.id!r} appears twice")
        seen.add(condition.id)


class ConditionKind(enum.Enum):
    """
    What kind of term a condition is.

    ``demand``: something one party wants from another; ``precondition``: a
    demand that must be met before talks (or a step) go ahead; ``offer``: something
    a party is willing to give; ``commitment``: something a party has undertaken.

    Example:
        >>> ConditionKind("precondition")
        <ConditionKind.PRECONDITION: 'precondition'>
    """

    DEMAND = "demand"
    PRECONDITION = "precondition"
    OFFER = "offer"
    COMMITMENT = "commitment"


@frozen_record(kw_only=True, init=False)
class Condition(Record):
    """
    One term: a demand, a precondition, an offer or a commitment.

    Attributes:
        id: Slug other records use to refer to this term.
        text: The term in words.
        kind: What kind of term it is.
        demanded_by: Id of the party that puts it forward (for an offer or a
            commitment, the party that offers or commits), optional.
        addressed_to: Ids of the parties it is addressed to.
        topics: Free tags ("territory", "military-aid", "ceasefire", "prisoners").
        positions: Where parties stand on it, oldest first; a party may change
            its position over time.
        sources: Ids of the sources for this.

    Example:
        >>> cede = Condition(
        ...     id="cede-four-regions",
        ...     text="Ukraine cedes the four regions Moscow claims",
        ...     kind="demand",
        ...     demanded_by="russia",
        ...     addressed_to=["ukraine"],
        ...     topics=["territory"],
        ...     positions=[Position(party="ukraine", stance="opposes")],
        ... )
        >>> cede.stance_of("ukraine")
        <Stance.OPPOSES: 'opposes'>
    """

    id: str = field(Slug())
    text: str = field(Text())
    kind: ConditionKind = field(Choice(ConditionKind), default=ConditionKind.DEMAND)
    demanded_by: str | None = field(Maybe(Slug()), default=None, refers_to="party")
    addressed_to: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    topics: tuple[str, ...] = field(Many(Text(), unique="topic"), default=())
    positions: tuple[Position, ...] = field(
        Many(Nested(Position), unique="position"), default=()
    )
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            id: str,  # noqa: A002 - the field's name
            text: str,
            kind: ConditionKind | str = ...,
            demanded_by: str | None = ...,
            addressed_to: Iterable[str] = ...,
            topics: Iterable[str] = ...,
            positions: Iterable[Position] = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...

    @only_with("demanded_by", "addressed_to")
    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.demanded_by is not None and self.demanded_by in self.addressed_to:
            yield (
                "addressed_to",
                f"{self.demanded_by!r} cannot address a condition to itself",
            )

    def stance_of(
        self, party: str, at: Moment | _dt.date | None = None
    ) -> Stance | None:
        """
        The party's latest stance on this term (as of *at*, if given), or ``None``.

        Positions without a date count as the oldest.  As of *at*, a position
        counts once its date is known, as in :meth:`Negotiation.as_of
        <negotiation_records.Negotiation.as_of>`: a month or a year once it
        has passed.  A plain ``datetime``
        *at* is converted; a naive datetime, text or any other value that is
        not a moment is a :class:`~negotiation_records.ValidationError` at
        ``at``.

        Example:
            >>> c = Condition(id="c", text="t", positions=[
            ...     Position(party="a", stance="opposes", on=pendulum.date(2025, 6, 1)),
            ...     Position(party="a", stance="accepts", on=pendulum.date(2025, 7, 1)),
            ... ])
            >>> c.stance_of("a"), c.stance_of("a", at=pendulum.date(2025, 6, 15))
            (<Stance.ACCEPTS: 'accepts'>, <Stance.OPPOSES: 'opposes'>)
        """
        found: Position | None = None
        asked = None if at is None else moment_argument(at, "at")
        for position in self._ordered_positions():
            if position.party != party:
                continue
            if asked is not None and position.on is not None:
                if not is_known_by(position.on, asked):
                    continue  # taken later, or in a month or year not yet over
            found = position
        return None if found is None else found.stance

    def _ordered_positions(self) -> list[Position]:
        undated = [p for p in self.positions if p.on is None]
        dated = [p for p in self.positions if p.on is not None]
        dated.sort(key=lambda p: moment_sort_key(p.on))  # type: ignore[arg-type]
        return undated + dated

    def with_position(self, position: Position) -> Condition:
        """
        A copy with *position* added (earlier positions are kept as history).

        Example:
            >>> c = Condition(id="c", text="t")
            >>> c.with_position(Position(party="a", stance="rejects")).stance_of("a")
            <Stance.REJECTS: 'rejects'>
        """
        return attrs.evolve(self, positions=(*self.positions, position))
