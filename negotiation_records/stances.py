"""
Where parties stand: stances, positions on terms, and responses to proposals.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

from negotiation_records._record import Record, frozen_record
from negotiation_records.errors import ValidationError
from negotiation_records.fields import (
    SOURCE_IDS,
    Choice,
    Maybe,
    MomentKind,
    Slug,
    Text,
    field,
)
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
)


__all__ = ["Position", "Response", "Stance"]


class Stance(enum.Enum):
    """
    How a party stands on a term, a proposal or an ultimatum.

    Ordered from agreement to refusal: ``supports`` (actively wants it),
    ``accepts`` (agrees to it), ``undecided``, ``opposes`` (argues against it),
    ``rejects`` (formally refuses it).

    Example:
        >>> Stance("opposes").is_negative
        True
    """

    SUPPORTS = "supports"
    ACCEPTS = "accepts"
    UNDECIDED = "undecided"
    OPPOSES = "opposes"
    REJECTS = "rejects"

    @property
    def is_positive(self) -> bool:
        """``supports`` or ``accepts``."""
        return self in (Stance.SUPPORTS, Stance.ACCEPTS)

    @property
    def is_negative(self) -> bool:
        """``opposes`` or ``rejects``."""
        return self in (Stance.OPPOSES, Stance.REJECTS)


@frozen_record(kw_only=True, init=False)
class Position(Record):
    """
    A party's stance on a condition, and when it was taken.

    Attributes:
        party: Id of the party.
        stance: Where it stands.
        on: When the position was taken or reported (optional).
        text: How it was put, in the sources' words (optional).
        statement: Id of the statement that expresses it (optional).
        sources: Ids of the sources for this.

    Example:
        >>> Position(party="ukraine", stance="opposes").stance
        <Stance.OPPOSES: 'opposes'>
    """

    party: str = field(Slug(), refers_to="party")
    stance: Stance = field(Choice(Stance))
    on: Moment | None = field(Maybe(MomentKind()), default=None)
    text: str | None = field(Maybe(Text()), default=None)
    statement: str | None = field(Maybe(Slug()), default=None, refers_to="statement")
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            party: str,
            stance: Stance | str,
            on: MomentInput | None = ...,
            text: str | None = ...,
            statement: str | None = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...


@frozen_record(kw_only=True, init=False)
class Response(Record):
    """
    A party's answer to a proposal or an ultimatum.

    Attributes:
        party: Id of the responding party.
        on: When it responded.
        stance: The answer.
        text: What it said, briefly (optional).
        statement: Id of the statement that carries the answer (optional).
        sources: Ids of the sources for this.

    Example:
        >>> Response(
        ...     party="russia", on=pendulum.date(2025, 7, 15), stance="rejects",
        ...     text="Called the ultimatum blackmail.",
        ... ).stance.is_negative
        True
    """

    party: str = field(Slug(), refers_to="party")
    on: Moment = field(MomentKind())
    stance: Stance = field(Choice(Stance))
    text: str | None = field(Maybe(Text()), default=None)
    statement: str | None = field(Maybe(Slug()), default=None, refers_to="statement")
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            party: str,
            on: MomentInput,
            stance: Stance | str,
            text: str | None = ...,
            statement: str | None = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...


def append_response(
    responses: tuple[Response, ...],
    *,
    party: str,
    on: MomentInput,
    stance: Stance | str,
    text: str | None,
    statement: str | None,
    sources: Iterable[str],
) -> tuple[Response, ...]:
    """
    *responses* with a new :class:`Response` at the end, for the ``respond``
    methods of proposals and ultimatums; its problems are reported at the place
    it would take (``responses[2].party``).
    """
    try:
        response = Response(
            party=party,
            on=on,
            stance=stance,
            text=text,
            statement=statement,
            sources=sources,
        )
    except ValidationError as exc:
        raise exc.prefixed(f"responses[{len(responses)}]") from exc.__cause__
    return (*responses, response)
