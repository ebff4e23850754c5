"""
Where facts come from: sources and the statements they quote.
"""

from __future__ import annotations

import attrs

from negotiation_records._validators import (
    SOURCE_REFS,
    Record,
    as_optional_text,
    as_text,
    as_text_tuple,
    check_slug,
    check_text,
    check_url,
    checked,
    optional,
)
from negotiation_records.timeutil import (
    Moment,
    check_moment,
    moment_eq_key,
    to_moment,
    to_optional_moment,
)


__all__ = ["Source", "Statement"]


@attrs.frozen(kw_only=True)
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

    id: str = attrs.field(metadata=checked(check_slug))
    publisher: str = attrs.field(converter=as_text, metadata=checked(check_text))
    title: str | None = attrs.field(
        default=None, converter=as_optional_text, metadata=checked(optional(check_text))
    )
    url: str | None = attrs.field(default=None, metadata=checked(optional(check_url)))
    published: Moment | None = attrs.field(
        default=None,
        converter=to_optional_moment,
        eq=moment_eq_key,
        metadata=checked(optional(check_moment)),
    )
    accessed: Moment | None = attrs.field(
        default=None,
        converter=to_optional_moment,
        eq=moment_eq_key,
        metadata=checked(optional(check_moment)),
    )


@attrs.frozen(kw_only=True)
class Statement(Record):
    """
    A quote: who said what, for which party, when, and where it was reported.

    Attributes:
        id: Slug that responses and revisions can cite.
        speaker: The person (or office) quoted.
        speaker_role: Their role when speaking ("Kremlin spokesperson"), optional.
        party: Id of the party the speaker speaks for (optional).
        said_on: When it was said.
        text: The quote, as reported.
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

    id: str = attrs.field(metadata=checked(check_slug))
    speaker: str = attrs.field(converter=as_text, metadata=checked(check_text))
    speaker_role: str | None = attrs.field(
        default=None, converter=as_optional_text, metadata=checked(optional(check_text))
    )
    party: str | None = attrs.field(
        default=None, metadata=checked(optional(check_slug))
    )
    said_on: Moment = attrs.field(
        converter=to_moment, eq=moment_eq_key, metadata=checked(check_moment)
    )
    text: str = attrs.field(converter=as_text, metadata=checked(check_text))
    source: str | None = attrs.field(
        default=None, metadata=checked(optional(check_slug))
    )
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=as_text_tuple, metadata=checked(SOURCE_REFS)
    )
