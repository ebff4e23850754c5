"""
Rounds: the meetings or sessions of talks, who came and what came of them.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

from negotiation_records._record import Record
from negotiation_records._status import check_transition
from negotiation_records._values import short_repr, type_name
from negotiation_records.fields import (
    PARTY_IDS,
    SOURCE_IDS,
    Bool,
    Choice,
    Int,
    Many,
    Maybe,
    MomentKind,
    Nested,
    Number,
    Problems,
    Slug,
    Text,
    field,
)
from negotiation_records.timeutil import (
    Moment,
    is_before,
    to_moment,
    to_optional_moment,
)
from negotiation_records.windows import Window


__all__ = [
    "Delegation",
    "Outcome",
    "OutcomeKind",
    "Quantity",
    "Round",
    "RoundLevel",
    "RoundStatus",
]


class RoundStatus(enum.Enum):
    """
    Where a round stands: ``proposed`` → ``scheduled`` → ``held``, or
    ``postponed`` / ``cancelled`` on the way.

    Example:
        >>> RoundStatus("held")
        <RoundStatus.HELD: 'held'>
    """

    PROPOSED = "proposed"
    SCHEDULED = "scheduled"
    HELD = "held"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class RoundLevel(enum.Enum):
    """
    Who meets: leaders, ministers, delegations or technical teams.

    Example:
        >>> RoundLevel.DELEGATIONS.value
        'delegations'
    """

    LEADERS = "leaders"
    MINISTERS = "ministers"
    DELEGATIONS = "delegations"
    TECHNICAL = "technical"


class OutcomeKind(enum.Enum):
    """
    What a round produced.

    Example:
        >>> OutcomeKind("prisoner-exchange")
        <OutcomeKind.PRISONER_EXCHANGE: 'prisoner-exchange'>
    """

    PRISONER_EXCHANGE = "prisoner-exchange"
    REMAINS_EXCHANGE = "remains-exchange"
    CEASEFIRE = "ceasefire"
    AGREEMENT = "agreement"
    STATEMENT = "statement"
    NO_AGREEMENT = "no-agreement"
    OTHER = "other"


_R = RoundStatus
_TRANSITIONS: dict[RoundStatus, frozenset[RoundStatus]] = {
    _R.PROPOSED: frozenset({_R.SCHEDULED, _R.HELD, _R.POSTPONED, _R.CANCELLED}),
    _R.SCHEDULED: frozenset({_R.HELD, _R.POSTPONED, _R.CANCELLED}),
    _R.POSTPONED: frozenset({_R.SCHEDULED, _R.HELD, _R.CANCELLED}),
}


def _check_amount(value: object) -> Problems:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return [("", f"must be a number, got {type_name(value)} {short_repr(value)}")]
    if value != value or value in (float("inf"), float("-inf")):  # noqa: PLR0124
        return [("", f"must be a finite number, got {value!r}")]
    if value < 0:
        return [("", f"must not be negative, got {value!r}")]
    return []


@attrs.frozen(kw_only=True)
class Quantity(Record):
    """
    A counted amount: "1,000 prisoners each", "6,000 bodies".

    Attributes:
        amount: The number (not negative).
        unit: What is counted ("prisoners", "bodies").
        each: Whether every party named gives (or gets) that amount.

    Example:
        >>> str(Quantity(amount=1000, unit="prisoners", each=True))
        '1000 prisoners each'
    """

    amount: int | float = field(Number(min=0))
    unit: str = field(Text())
    each: bool = field(Bool(), default=False)

    def __str__(self) -> str:
        return f"{self.amount:g} {self.unit}" + (" each" if self.each else "")


@attrs.frozen(kw_only=True)
class Outcome(Record):
    """
    What came of a round: an exchange, a ceasefire, an agreement, a statement.

    Attributes:
        text: The outcome in words.
        kind: Its kind.
        parties: Ids of the parties bound by it.
        quantity: How much, where the sources count it (optional).
        sources: Ids of the sources for this.

    Example:
        >>> Outcome(
        ...     text="Exchange of 1,000 prisoners each",
        ...     kind="prisoner-exchange",
        ...     parties=["ukraine", "russia"],
        ...     quantity=Quantity(amount=1000, unit="prisoners", each=True),
        ... ).kind
        <OutcomeKind.PRISONER_EXCHANGE: 'prisoner-exchange'>
    """

    text: str = field(Text())
    kind: OutcomeKind = field(Choice(OutcomeKind), default=OutcomeKind.OTHER)
    parties: tuple[str, ...] = field(PARTY_IDS, default=())
    quantity: Quantity | None = field(Maybe(Nested(Quantity)), default=None)
    sources: tuple[str, ...] = field(SOURCE_IDS, default=())


@attrs.frozen(kw_only=True)
class Delegation(Record):
    """
    A party's team at a round.

    Attributes:
        party: Id of the party.
        head: Name of the head of delegation (optional).
        members: Names of the other members.

    Example:
        >>> Delegation(party="ukraine", head="Rustem Umerov").head
        'Rustem Umerov'
    """

    party: str = field(Slug())
    head: str | None = field(Maybe(Text()), default=None)
    members: tuple[str, ...] = field(Many(Text(), unique="member"), default=())


@attrs.frozen(kw_only=True)
class Round(Record):
    """
    One meeting or session of talks.

    Status changes go through :meth:`schedule`, :meth:`hold`, :meth:`postpone`
    and :meth:`cancel`; a held round cannot be cancelled, a cancelled one cannot
    be held.

    Attributes:
        number: 1, 2, ... — unique within a negotiation.
        status: Where it stands.
        level: Who meets.
        starts: When it starts (needed once scheduled or held).
        ends: When it ends (not before ``starts``), optional.
        location: Where ("Istanbul"), optional.
        hosts: Ids of the hosting parties.
        mediators: Ids of the mediating parties.
        delegations: The teams that came.
        outcomes: What came of it.
        window: For a round only proposed: when it would be ("next week").
        summary: One line on the round (optional).
        sources: Ids of the sources for this.

    Example:
        >>> first = Round(
        ...     number=1,
        ...     status="held",
        ...     starts=pendulum.date(2025, 5, 16),
        ...     location="Istanbul",
        ...     hosts=["turkiye"],
        ... )
        >>> first.cancel()
        Traceback (most recent call last):
        ...
        negotiation_records.errors.IllegalTransitionError: round 1 cannot go from 'held' to 'cancelled': from 'held' it can go to nothing: it is final
    """

    number: int = field(Int(min=1))
    status: RoundStatus = field(Choice(RoundStatus), default=RoundStatus.PROPOSED)
    level: RoundLevel = field(Choice(RoundLevel), default=RoundLevel.DELEGATIONS)
    starts: Moment | None = field(Maybe(MomentKind()), default=None)
    ends: Moment | None = field(Maybe(MomentKind()), default=None)
    location: str | None = field(Maybe(Text()), default=None)
    hosts: tuple[str, ...] = field(PARTY_IDS, default=())
    mediators: tuple[str, ...] = field(PARTY_IDS, default=())
    delegations: tuple[Delegation, ...] = field(Many(Nested(Delegation)), default=())
    outcomes: tuple[Outcome, ...] = field(Many(Nested(Outcome)), default=())
    window: Window | None = field(Maybe(Nested(Window)), default=None)
    summary: str | None = field(Maybe(Text()), default=None)
    sources: tuple[str, ...] = field(SOURCE_IDS, default=())

    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.starts is not None and self.ends is not None:
            if is_before(self.ends, self.starts):
                yield (
                    "ends",
                    f"must not be before starts ({self.starts}), got {self.ends}",
                )
        if self.ends is not None and self.starts is None:
            yield ("starts", "a round with an end needs a start")
        if (
            self.status in (RoundStatus.SCHEDULED, RoundStatus.HELD)
            and self.starts is None
        ):
            yield ("starts", f"a {self.status.value} round needs a start")
        if self.outcomes and self.status is not RoundStatus.HELD:
            yield (
                "outcomes",
                f"only a held round has outcomes, but status is {self.status.value!r}",
            )
        seen: set[str] = set()
        for index, delegation in enumerate(self.delegations):
            party = delegation.party
            if party in seen:
                yield (
                    f"delegations[{index}].party",
                    f"party {party!r} has two delegations",
                )
            seen.add(party)

    @property
    def label(self) -> str:
        """``"round 2"``, for messages."""
        return f"round {self.number}"

    @property
    def when(self) -> Moment | None:
        """When the round is or would be (``starts``, else the window's first day)."""
        if self.starts is not None:
            return self.starts
        return None if self.window is None else self.window.start

    def covers(self, moment: Moment) -> bool:
        """
        Whether *moment* may fall within the round (from ``starts`` to ``ends``,
        or on the start day when there is no end).  Unknown dates cover everything.
        """
        if self.starts is None:
            return True if self.window is None else self.window.contains(moment)
        last = self.ends if self.ends is not None else self.starts
        return not is_before(moment, self.starts) and not is_before(last, moment)

    def _to(self, status: RoundStatus, **changes: object) -> Round:
        check_transition(self.label, _TRANSITIONS, self.status, status)
        return attrs.evolve(self, status=status, **changes)  # type: ignore[arg-type]

    def schedule(
        self,
        *,
        starts: Moment | _dt.date,
        ends: Moment | _dt.date | None = None,
        location: str | None = None,
    ) -> Round:
        """A copy scheduled for *starts* (from proposed or postponed)."""
        changes: dict[str, object] = {
            "starts": to_moment(starts),
            "ends": to_optional_moment(ends),
        }
        if location is not None:
            changes["location"] = location
        return self._to(RoundStatus.SCHEDULED, **changes)

    def hold(
        self,
        *,
        outcomes: Iterable[Outcome] = (),
        starts: Moment | _dt.date | None = None,
        ends: Moment | _dt.date | None = None,
    ) -> Round:
        """A copy marked held, with its outcomes (and dates, if they changed)."""
        changes: dict[str, object] = {"outcomes": (*self.outcomes, *outcomes)}
        if starts is not None:
            changes["starts"] = to_moment(starts)
        if ends is not None:
            changes["ends"] = to_moment(ends)
        return self._to(RoundStatus.HELD, **changes)

    def postpone(self, *, window: Window | None = None) -> Round:
        """A copy marked postponed; the old dates are cleared, a new window may be given."""
        return self._to(RoundStatus.POSTPONED, starts=None, ends=None, window=window)

    def cancel(self) -> Round:
        """A copy marked cancelled."""
        return self._to(RoundStatus.CANCELLED)
