"""
Where facts come from: sources and the statements they quote.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from negotiation_records._record import Record, frozen_record
from negotiation_records.fields import (
    SOURCE_IDS,
    Bool,
    Maybe,
    MomentKind,
    Slug,
    Text,
    Url,
    field,
)
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
)


__all__ = ["Source", "Statement"]


@frozen_record(kw_only=True, init=False)
class Source(Record):
    """
    A report, document or feed that facts in the record come from.

    Attributes:
        id: Slug other records cite in their ``sources``.
        publisher: Who published it ("Reuters", "Kremlin press service").
        title: Its headline or title (optional).
        url: Where it can be read (optional; absolute http(s)).
        published: When it was published (optional).
        accessed: When it was read (optional).

    Example:
        >>> Source(
        ...     id="ukrinform-2025-07-19",
        ...     publisher="Ukrinform",
        ...     title="Zelensky proposes new round of talks with Russia next week",
        ...     published=pendulum.date(2025, 7, 19),
        ... ).publisher
        'Ukrinform'
    """

    id: str = field(Slug())
    publisher: str = field(Text())
    title: str | None = field(Maybe(Text()), default=None)
    url: str | None = field(Maybe(Url()), default=None)
    published: Moment | None = field(Maybe(MomentKind()), default=None)
    accessed: Moment | None = field(Maybe(MomentKind()), default=None)

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            id: str,  # noqa: A002 - the field's name
            publisher: str,
            title: str | None = ...,
            url: str | None = ...,
            published: MomentInput | None = ...,
            accessed: MomentInput | None = ...,
        ) -> None: ...


@frozen_record(kw_only=True, init=False)
class Statement(Record):
    """
    A quote (or a paraphrase): who said what, for which party, when, and where
    it was reported.

    Attributes:
        id: Slug that responses and revisions can cite.
        speaker: The person (or office) quoted.
        speaker_role: Their role when speaking ("Kremlin spokesperson"), optional.
        party: Id of the party the speaker speaks for (optional).
        said_on: When it was said.
        text: The quote, as reported; or, when ``verbatim`` is false, what was
            said in the source's own words.
        verbatim: Whether ``text`` is the speaker's own words (true by
            default); false for a paraphrase, which the timeline shows without
            quotation marks.
        source: Id of the source that reports it (optional).
        sources: Further source ids.

    Example:
        >>> Statement(
        ...     id="peskov-momentum",
        ...     speaker="Dmitry Peskov",
        ...     party="russia",
        ...     said_on=pendulum.date(2025, 7, 19),
        ...     text="Momentum is needed.",
        ... ).speaker
        'Dmitry Peskov'
    """

    id: str = field(Slug())
    speaker: str = field(Text())
    speaker_role: str | None = field(Maybe(Text()), default=None)
    party: str | None = field(Maybe(Slug()), default=None, refers_to="party")
    said_on: Moment = field(MomentKind())
    text: str = field(Text())
    verbatim: bool = field(Bool(), default=True, since=2)
    source: str | None = field(Maybe(Slug()), default=None, refers_to="source")
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            id: str,  # noqa: A002 - the field's name
            speaker: str,
            speaker_role: str | None = ...,
            party: str | None = ...,
            said_on: MomentInput,
            text: str,
            verbatim: bool = ...,
            source: str | None = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...
