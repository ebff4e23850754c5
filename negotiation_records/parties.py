"""
Parties and the people who speak for them.

A :class:`Party` is a side at the table — a state, an organization, a coalition,
a person — or a mediator, host, guarantor or observer.  Other records refer to it
by its ``id``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from negotiation_records._record import Record
from negotiation_records.fields import (
    PARTY_IDS,
    SOURCE_IDS,
    Choice,
    Country,
    Many,
    Maybe,
    MomentKind,
    Nested,
    Slug,
    Text,
    Wikidata,
    as_text,
    field,
)
from negotiation_records.timeutil import (
    Moment,
    is_before,
)


__all__ = ["Party", "PartyKind", "PartyRole", "Representative"]


class PartyKind(enum.Enum):
    """
    What sort of actor a party is.

    Example:
        >>> PartyKind("state")
        <PartyKind.STATE: 'state'>
    """

    STATE = "state"
    ORGANIZATION = "organization"
    COALITION = "coalition"
    PERSON = "person"
    GROUP = "group"
    OTHER = "other"


class PartyRole(enum.Enum):
    """
    The part a party plays in the talks.

    Example:
        >>> PartyRole.HOST.value
        'host'
    """

    PRINCIPAL = "principal"
    MEDIATOR = "mediator"
    HOST = "host"
    GUARANTOR = "guarantor"
    OBSERVER = "observer"
    THIRD_PARTY = "third-party"


@attrs.frozen(kw_only=True)
class Representative(Record):
    """
    A person acting for a party, with their role and when they held it.

    Attributes:
        name: The person's name, as the sources write it.
        role: Their office or function ("Secretary of the National Security and
            Defence Council").
        since: When they took the role (optional).
        until: When they left it (optional; not before ``since``).
        sources: Ids of the sources for this.

    Example:
        >>> Representative(
        ...     name="Rustem Umerov",
        ...     role="head of delegation",
        ...     since=pendulum.date(2025, 5, 16),
        ...     until=pendulum.date(2025, 7, 17),
        ... ).name
        'Rustem Umerov'
    """

    name: str = field(Text())
    role: str | None = field(Maybe(Text()), default=None)
    since: Moment | None = field(Maybe(MomentKind()), default=None)
    until: Moment | None = field(Maybe(MomentKind()), default=None)
    sources: tuple[str, ...] = field(SOURCE_IDS, default=())

    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.since is not None and self.until is not None:
            if is_before(self.until, self.since):
                yield (
                    "until",
                    f"must not be before since ({self.since}), got {self.until}",
                )

    def holds_role_on(self, moment: Moment) -> bool:
        """
        Whether the role was held at *moment* (open ends count as held).

        Example:
            >>> r = Representative(name="A", since=pendulum.date(2025, 7, 17))
            >>> r.holds_role_on(pendulum.date(2025, 7, 20)), r.holds_role_on(
            ...     pendulum.date(2025, 6, 1)
            ... )
            (True, False)
        """
        if self.since is not None and is_before(moment, self.since):
            return False
        return not (self.until is not None and is_before(self.until, moment))


@attrs.frozen(kw_only=True)
class Party(Record):
    """
    A side at the table, or a mediator, host, guarantor or observer.

    Attributes:
        id: Lower-case slug that other records use to refer to this party.
        name: Display name, stored as given (NFC-normalised): ``"Türkiye"``.
        kind: What sort of actor this is.
        role: The part it plays in these talks (principal by default).
        country: ISO 3166-1 alpha-2 code (``"UA"``), optional.
        wikidata: Wikidata item id (``"Q212"``), optional.
        aliases: Other names the sources use ("Kyiv", "the Kremlin").
        representatives: People acting for the party.
        members: For a coalition, the ids of its member parties.
        sources: Ids of the sources for this.

    Example:
        >>> russia = Party(
        ...     id="russia", name="Russia", kind="state", country="RU",
        ...     aliases=["Moscow", "the Kremlin"],
        ... )
        >>> russia.kind, russia.aliases
        (<PartyKind.STATE: 'state'>, ('Moscow', 'the Kremlin'))
    """

    id: str = field(Slug())
    name: str = field(Text())
    kind: PartyKind = field(Choice(PartyKind))
    role: PartyRole = field(Choice(PartyRole), default=PartyRole.PRINCIPAL)
    country: str | None = field(Maybe(Country()), default=None)
    wikidata: str | None = field(Maybe(Wikidata()), default=None)
    aliases: tuple[str, ...] = field(Many(Text(), unique="alias"), default=())
    representatives: tuple[Representative, ...] = field(
        Many(Nested(Representative)), default=()
    )
    members: tuple[str, ...] = field(PARTY_IDS, default=())
    sources: tuple[str, ...] = field(SOURCE_IDS, default=())

    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.id in self.members:
            yield ("members", f"a party cannot be a member of itself ({self.id!r})")
        if self.members and self.kind is not PartyKind.COALITION:
            yield (
                "members",
                f"only a coalition has members, but kind is {self.kind.value!r}",
            )

    def known_as(self, name: str) -> bool:
        """
        Whether *name* is this party's name or one of its aliases (case-insensitive).

        Example:
            >>> Party(id="russia", name="Russia", kind="state",
            ...       aliases=["Moscow"]).known_as("moscow")
            True
        """
        if not isinstance(name, str):
            return False
        wanted = as_text(name).casefold().strip()
        return any(wanted == n.casefold().strip() for n in (self.name, *self.aliases))

    def representatives_on(self, moment: Moment) -> tuple[Representative, ...]:
        """The representatives who held their role at *moment*."""
        return tuple(r for r in self.representatives if r.holds_role_on(moment))
