"""
Parties and the people who speak for them.

A :class:`Party` is a side at the table — a state, an organization, a coalition,
a person — or a mediator, host, guarantor or observer.  Other records refer to it
by its ``id``.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from negotiation_records._name_keys import name_key
from negotiation_records._record import Record, frozen_record, only_with
from negotiation_records._values import described
from negotiation_records.errors import ValidationError
from negotiation_records.fields import (
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
    field,
)
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
    day_ordinals,
    is_before,
    moment_argument,
    moment_text,
    since_epoch,
)


__all__ = ["Membership", "Party", "PartyKind", "PartyRole", "Representative"]


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


@frozen_record(kw_only=True, init=False)
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
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            name: str,
            role: str | None = ...,
            since: MomentInput | None = ...,
            until: MomentInput | None = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...

    @only_with("since", "until")
    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.since is not None and self.until is not None:
            if is_before(self.until, self.since):
                yield (
                    "until",
                    f"must not be before since ({moment_text(self.since)}), got "
                    f"{moment_text(self.until)}",
                )

    def holds_role_on(self, moment: MomentInput) -> bool:
        """
        Whether the role was held at *moment* (open ends count as held).

        *moment* is checked whatever the dates: a value that is not a moment
        (``None``, text, a naive datetime) is a
        :class:`~negotiation_records.ValidationError` at ``moment``.

        Example:
            >>> r = Representative(name="A", since=pendulum.date(2025, 7, 17))
            >>> r.holds_role_on(pendulum.date(2025, 7, 20)), r.holds_role_on(
            ...     pendulum.date(2025, 6, 1)
            ... )
            (True, False)
        """
        return self._held_on(moment_argument(moment, "moment"))

    def _held_on(self, moment: Moment) -> bool:
        """:meth:`holds_role_on` of a moment already checked."""
        if self.since is not None and is_before(moment, self.since):
            return False
        return not (self.until is not None and is_before(self.until, moment))


@frozen_record(kw_only=True, init=False)
class Membership(Record):
    """
    A party's membership of a coalition, and when it held.

    A coalition's ``members`` are memberships; a plain party id given on
    construction is taken as a membership without dates (``members=["france"]``).
    A member with no stance of its own on a term takes its coalition's, for the
    time it was a member (see :meth:`Negotiation.positions
    <negotiation_records.Negotiation.positions>`).

    Attributes:
        party: Id of the member party.
        since: When it joined (optional; unknown means "from the start").
        until: When it left (optional; not before ``since``).
        sources: Ids of the sources for this.

    Example:
        >>> uk = Membership(party="united-kingdom", since=pendulum.date(1973, 1, 1),
        ...                 until=pendulum.date(2020, 1, 31))
        >>> uk.holds_on(pendulum.date(2019, 3, 29)), uk.holds_on(pendulum.date(2021, 1, 1))
        (True, False)
    """

    party: str = field(Slug(), refers_to="party")
    since: Moment | None = field(Maybe(MomentKind()), default=None)
    until: Moment | None = field(Maybe(MomentKind()), default=None)
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            party: str,
            since: MomentInput | None = ...,
            until: MomentInput | None = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...

    @only_with("since", "until")
    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.since is not None and self.until is not None:
            if is_before(self.until, self.since):
                yield (
                    "until",
                    f"must not be before since ({moment_text(self.since)}), got "
                    f"{moment_text(self.until)}",
                )

    def holds_on(self, moment: MomentInput) -> bool:
        """
        Whether the party was a member at *moment* (open ends count as held).

        *moment* is checked whatever the dates: a value that is not a moment
        (``None``, text, a naive datetime) is a
        :class:`~negotiation_records.ValidationError` at ``moment``.
        """
        return self._held_on(moment_argument(moment, "moment"))

    def _held_on(self, moment: Moment) -> bool:
        """:meth:`holds_on` of a moment already checked."""
        if self.since is not None and is_before(moment, self.since):
            return False
        return not (self.until is not None and is_before(self.until, moment))

    def overlaps(self, other: Membership) -> bool:
        """
        Whether the two spans share a moment (open ends reach everything).

        *other* that is not a :class:`Membership` is a
        :class:`~negotiation_records.ValidationError` at ``other``.
        """
        if other.__class__ is not Membership and not isinstance(other, Membership):
            raise ValidationError(
                [
                    (
                        "other",
                        f"must be a Membership, got {described(other)}",
                    )
                ]
            )
        if (
            self.until is not None
            and other.since is not None
            and is_before(self.until, other.since)
        ):
            return False
        return not (
            other.until is not None
            and self.since is not None
            and is_before(other.until, self.since)
        )


def _overlapping_earlier(members: Sequence[Membership]) -> list[bool]:
    """
    For each of *members*, whether it :meth:`~Membership.overlaps` an earlier
    membership of the same party: the memberships of each party that has
    more than one go through :func:`overlapping_earlier` (``O(n log n)``,
    where comparing every pair was ``O(n²)``).
    """
    found = [False] * len(members)
    if len(members) < 2:  # the common case: nothing earlier to overlap
        return found
    from negotiation_records._overlaps import overlapping_earlier  # noqa: PLC0415

    by_party: dict[str, list[int]] = {}
    for index, member in enumerate(members):
        by_party.setdefault(member.party, []).append(index)
    for indexes in by_party.values():
        if len(indexes) > 1:
            spans = [(members[i].since, members[i].until) for i in indexes]
            for index, overlaps in zip(
                indexes, overlapping_earlier(spans), strict=True
            ):
                found[index] = overlaps
    return found


@frozen_record(kw_only=True, init=False)
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
        representatives: People acting for the party, each once (the same
            person in another role or term is another entry).
        members: For a coalition, its members (:class:`Membership`: a party id
            with optional dates).  A plain id is accepted on construction
            (``members=["france", "germany"]``).  A party may be listed twice
            (it left and joined again), but not for spans that overlap.
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
        Many(Nested(Representative), unique="representative"), default=()
    )
    members: tuple[Membership, ...] = field(
        Many(Nested(Membership, shorthand="party")), default=()
    )
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            id: str,  # noqa: A002 - the field's name
            name: str,
            kind: PartyKind | str,
            role: PartyRole | str = ...,
            country: str | None = ...,
            wikidata: str | None = ...,
            aliases: Iterable[str] = ...,
            representatives: Iterable[Representative] = ...,
            members: Iterable[Membership | str] = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...

    @only_with("members")
    def _problems(self) -> Iterable[tuple[str, str]]:
        overlapping = _overlapping_earlier(self.members) if self.members else ()
        earlier: set[Membership] = set()
        for index, member in enumerate(self.members):
            if member.party == self.id:
                yield (
                    f"members[{index}].party",
                    f"a party cannot be a member of itself ({self.id!r})",
                )
            if member in earlier:
                yield (f"members[{index}]", f"party {member.party!r} appears twice")
            elif overlapping[index]:
                yield (
                    f"members[{index}]",
                    f"party {member.party!r} is already a member for part of this span",
                )
            earlier.add(member)
        if self.members and self.kind is not PartyKind.COALITION:
            yield (
                "members",
                f"only a coalition has members, but kind is {self.kind.value!r}",
            )

    @property
    def member_ids(self) -> tuple[str, ...]:
        """
        The ids of the members, each once, in order (whatever their dates).

        Example:
            >>> Party(id="eu", name="EU", kind="coalition",
            ...       members=["france", "germany"]).member_ids
            ('france', 'germany')
        """
        return tuple(dict.fromkeys(member.party for member in self.members))

    def members_on(self, moment: MomentInput) -> tuple[str, ...]:
        """
        The ids of the parties that were members at *moment* (checked as
        :meth:`Membership.holds_on` checks it, even when there are none).
        """
        at = moment_argument(moment, "moment")
        return tuple(dict.fromkeys(m.party for m in self.members if m._held_on(at)))

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
        wanted = name_key(name)
        return any(wanted == name_key(n) for n in (self.name, *self.aliases))

    def named(self, name: str) -> bool:
        """
        Whether *name* is this party's own name, not an alias (compared as
        :meth:`known_as` compares).

        Example:
            >>> Party(id="russia", name="Russia", kind="state",
            ...       aliases=["Moscow"]).named("Moscow")
            False
        """
        if not isinstance(name, str):
            return False
        return name_key(name) == name_key(self.name)

    def representatives_on(self, moment: MomentInput) -> tuple[Representative, ...]:
        """
        The representatives who held their role at *moment* (checked as
        :meth:`Representative.holds_role_on` checks it, even when there are
        none).
        """
        at = moment_argument(moment, "moment")
        return tuple(r for r in self.representatives if r._held_on(at))


def surely_member_on(memberships: Iterable[Membership], moment: Moment) -> bool:
    """
    Whether one of *memberships* surely held at *moment* (a moment already
    checked): it began no later and ended no earlier, whatever the span of
    each.  :meth:`Membership.holds_on` counts what may have held (a stance
    dated "2020" by a coalition the member left on 31 January 2020); a
    coalition's stance passes to a member only on this surer reading.  A day
    counts whole, so a party is surely a member on the day it joined and
    the day it left; a day against a datetime is any day that instant was
    somewhere on Earth (:func:`~negotiation_records.timeutil.day_ordinals`).
    """
    return any(
        (m.since is None or _surely_by(m.since, moment))
        and (m.until is None or _surely_by(moment, m.until))
        for m in memberships
    )


def _surely_by(first: Moment, second: Moment) -> bool:
    """Whether *first* surely came no later than *second*."""
    if isinstance(first, _dt.datetime) and isinstance(second, _dt.datetime):
        return since_epoch(first) <= since_epoch(second)
    return day_ordinals(first)[1] <= day_ordinals(second)[0]
