"""
Rounds: the meetings or sessions of talks, who came and what came of them.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Final

import attrs
import pendulum

from negotiation_records._deadline_arithmetic import start_of_day
from negotiation_records._number_kinds import whole_as_int
from negotiation_records._record import (
    Record,
    argument_problems,
    frozen_record,
    only_with,
)
from negotiation_records._status import check_transition
from negotiation_records._unread import read_failure
from negotiation_records._values import short_repr
from negotiation_records.errors import ValidationError, join_path
from negotiation_records.fields import (
    INIT_ONLY,
    KEY_UNTIL,
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
    Slug,
    Text,
    field,
)
from negotiation_records.history import (
    History,
    StatusChange,
    current_status,
    history_problems,
    known_count,
    take_status_arguments,
    with_change,
)
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
    check_moment,
    is_before,
    moment_argument,
    moment_text,
    to_moment,
)
from negotiation_records.windows import Window


__all__ = [
    "STATUS_STEPS",
    "Delegation",
    "Outcome",
    "OutcomeKind",
    "Precision",
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


class Precision(enum.Enum):
    """
    How exact a count is: ``exact``, ``about`` ("about 1,900"), ``at-least``
    ("at least 1,000", "more than 1,000") or ``at-most`` ("up to 1,000").

    Example:
        >>> Precision("at-least")
        <Precision.AT_LEAST: 'at-least'>
    """

    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at-least"
    AT_MOST = "at-most"


_PRECISION_WORDS = {
    Precision.EXACT: "",
    Precision.ABOUT: "about ",
    Precision.AT_LEAST: "at least ",
    Precision.AT_MOST: "at most ",
}

_R = RoundStatus
#: The status changes a round's history may take (``with_status`` and the
#: methods named for a status check each step against it).
#: Each key is a status, its value the statuses a step may lead to from it;
#: a status that is not a key is final.
STATUS_STEPS: dict[RoundStatus, frozenset[RoundStatus]] = {
    _R.PROPOSED: frozenset({_R.SCHEDULED, _R.HELD, _R.POSTPONED, _R.CANCELLED}),
    _R.SCHEDULED: frozenset({_R.HELD, _R.POSTPONED, _R.CANCELLED}),
    _R.POSTPONED: frozenset({_R.SCHEDULED, _R.HELD, _R.CANCELLED}),
}


@frozen_record(kw_only=True, init=False)
class Quantity(Record):
    """
    A counted amount: "1,000 prisoners each", "about 1,900 prisoners".

    An exchange is two counts, one for each direction: the outcome (or action)
    holds both, each with its ``given_by`` and ``received_by``.

    Attributes:
        amount: The number (not negative).
        unit: What is counted ("prisoners", "bodies").
        each: Whether every party named gives (or gets) that amount.
        precision: How exact the number is (exact by default; ``about``,
            ``at-least``, ``at-most``).
        given_by: Ids of the parties that give (or release) what is counted
            (optional; checked against the negotiation's parties).
        received_by: Ids of the parties that receive it (optional; none of
            them also in ``given_by``).

    Example:
        >>> str(Quantity(amount=1000, unit="prisoners", each=True))
        '1000 prisoners each'
        >>> str(Quantity(amount=1900, unit="prisoners", precision="about",
        ...              given_by=["israel"], received_by=["hamas"]))
        'about 1900 prisoners (from israel to hamas)'
    """

    amount: int | float = field(Number(min=0))
    unit: str = field(Text())
    each: bool = field(Bool(), default=False)
    precision: Precision = field(Choice(Precision), default=Precision.EXACT, since=2)
    given_by: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party", since=2)
    received_by: tuple[str, ...] = field(
        PARTY_IDS, default=(), refers_to="party", since=2
    )

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            amount: float,
            unit: str,
            each: bool = ...,
            precision: Precision | str = ...,
            given_by: Iterable[str] = ...,
            received_by: Iterable[str] = ...,
        ) -> None: ...

    @only_with("given_by", "received_by")
    def _problems(self) -> Iterable[tuple[str, str]]:
        for index, party in enumerate(self.received_by):
            if party in self.given_by:
                yield (
                    f"received_by[{index}]",
                    f"party {party!r} cannot both give and receive the same count",
                )

    def __str__(self) -> str:
        text = f"{_PRECISION_WORDS[self.precision]}{_amount(self.amount)} {self.unit}"
        if self.each:
            text += " each"
        ends = []
        if self.given_by:
            ends.append("from " + ", ".join(self.given_by))
        if self.received_by:
            ends.append("to " + ", ".join(self.received_by))
        if ends:
            text += f" ({' '.join(ends)})"
        return text


def _amount(amount: float) -> str:
    """
    An amount as written in a summary: an integer in full, however large
    (``1000000``, never ``1e+06``); a float as Python's shortest repr
    (``2.5``, ``1e+300``), without ``.0`` when it is whole and exact
    (``1000.0`` is ``1000``).
    """
    return str(whole_as_int(amount))


class _Unset(enum.Enum):
    """An init-only argument left out, where ``None`` means something."""

    NOT_GIVEN = "not given"

    def __repr__(self) -> str:
        return "<not given>"


#: The default of an outcome's init-only ``quantity=`` (``None`` clears it).
_NOT_GIVEN: Final[Any] = _Unset.NOT_GIVEN


@frozen_record(kw_only=True, init=False)
class Outcome(Record):
    """
    What came of a round: an exchange, a ceasefire, an agreement, a statement.

    Attributes:
        text: The outcome in words.
        kind: Its kind.
        parties: Ids of the parties bound by it.
        quantities: How much, where the sources count it: none, one, or
            several (an exchange is two counts, one each way).  The
            constructor also takes ``quantity=`` (one quantity, as version 1
            had it), stored as a one-item tuple; :attr:`quantity` reads it back.
        sources: Ids of the sources for this.

    ``quantity=`` replaces ``quantities`` of at most one item, so that
    version-1 code that changes the count keeps working:
    ``attrs.evolve(outcome, quantity=count)`` (which passes the outcome's own
    ``quantities`` along) sets the one count, ``quantity=None`` clears it.
    Beside two or more ``quantities`` it is refused ("give quantity or
    quantities, not both"): one count cannot stand for an exchange.  The rule
    reads the values alone, so that ``Outcome(quantity=a, quantities=[b])``
    is the outcome with *a*, as the same ``evolve`` would give.

    Example:
        >>> Outcome(
        ...     text="Exchange of 1,000 prisoners each",
        ...     kind="prisoner-exchange",
        ...     parties=["ukraine", "russia"],
        ...     quantity=Quantity(amount=1000, unit="prisoners", each=True),
        ... ).quantities[0].each
        True
        >>> swap = Outcome(text="Exchange", kind="prisoner-exchange", quantities=[
        ...     Quantity(amount=33, unit="hostages", given_by=["hamas"]),
        ...     Quantity(amount=1900, unit="prisoners", precision="about",
        ...              given_by=["israel"]),
        ... ])
        >>> [str(q) for q in swap.quantities]
        ['33 hostages (from hamas)', 'about 1900 prisoners (from israel)']
    """

    text: str = field(Text())
    kind: OutcomeKind = field(Choice(OutcomeKind), default=OutcomeKind.OTHER)
    parties: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    quantities: tuple[Quantity, ...] = field(
        Many(Nested(Quantity)), default=(), since=2
    )
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")
    # Init-only (version-1 code): folded into ``quantities``, then back to
    # its default, a marker (not None), which ``attrs.evolve`` passes along
    # when no ``quantity=`` is given: an explicit None clears the quantity.
    _quantity_given: Quantity | None = attrs.field(
        default=_NOT_GIVEN,
        alias="quantity",
        eq=False,
        repr=False,
        metadata={INIT_ONLY: True, KEY_UNTIL: 1},
    )

    _init_only: ClassVar[bool] = True

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            text: str,
            kind: OutcomeKind | str = ...,
            parties: Iterable[str] = ...,
            quantities: Iterable[Quantity] = ...,
            sources: Iterable[str] = ...,
            quantity: Quantity | None = ...,
        ) -> None: ...

    def _take_init_only(self) -> dict[str, str]:
        given: object = self._quantity_given
        if given is _NOT_GIVEN:
            return {}
        object.__setattr__(self, "_quantity_given", _NOT_GIVEN)
        problems = [
            (join_path("quantity", path), message)
            for path, message in Maybe(Nested(Quantity)).problems(given)
        ]
        # Bad quantities are reported by their field's check, not replaced.
        valid = not argument_problems(Outcome, "quantities", self.quantities)[1]
        if valid and len(self.quantities) > 1:
            problems.append(("quantity", "give quantity or quantities, not both"))
        if problems:
            raise ValidationError(problems)
        if not valid or given is None:
            if valid:
                object.__setattr__(self, "quantities", ())
            return {}
        object.__setattr__(self, "quantities", (given,))
        return {"quantities[0]": "quantity"}

    @property
    def quantity(self) -> Quantity | None:
        """
        The first of :attr:`quantities`, or ``None`` (for code written for
        version 1, when an outcome held one quantity).
        """
        return self.quantities[0] if self.quantities else None


@frozen_record(kw_only=True, init=False)
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

    party: str = field(Slug(), refers_to="party")
    head: str | None = field(Maybe(Text()), default=None)
    members: tuple[str, ...] = field(Many(Text(), unique="member"), default=())

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            party: str,
            head: str | None = ...,
            members: Iterable[str] = ...,
        ) -> None: ...


def _held_early(rnd: Round) -> Iterable[tuple[str, str]]:
    """
    A dated ``held`` step of *rnd* certainly before its start (as
    :func:`~negotiation_records.is_before` reads it: a month or a day that
    may share an instant with the start lets the step be): a round is not
    held before it starts.  And an undated ``held`` step, which counts from
    the start (:func:`known_history`), after a dated step that came
    certainly later than the start: the history would not be in order.
    """
    starts = rnd.starts
    if starts is None:
        return
    for index, change in enumerate(rnd.history):
        if change.status is not RoundStatus.HELD:
            continue
        if change.on is not None and is_before(change.on, starts):
            yield (
                f"history[{index}].on",
                f"{rnd.label} cannot be held on {moment_text(change.on)}, before it "
                f"starts ({moment_text(starts)})",
            )
        if change.on is None:
            # Undated, it counts from the start (known_history): no dated
            # step before it may come after that.
            later = next(
                (
                    (earlier, step.on)
                    for earlier, step in enumerate(rnd.history[:index])
                    if step.on is not None and is_before(starts, step.on)
                ),
                None,
            )
            if later is not None:
                yield (
                    f"history[{index}].on",
                    f"not given, so {rnd.label} counts as held from its start "
                    f"({moment_text(starts)}), which is before an earlier change, "
                    f"history[{later[0]}] ({moment_text(later[1])}): give the day "
                    "it was held",
                )


def known_history(rnd: Round, at: Moment) -> tuple[StatusChange, ...]:
    """
    The changes of *rnd*'s history known by *at*, in order, as
    :meth:`Round.status_at` and :meth:`Negotiation.as_of
    <negotiation_records.Negotiation.as_of>` read them
    (:func:`~negotiation_records.history.known_count`): an undated ``held``
    step counts from the round's start, the day :meth:`Round.hold` gives a
    step it is not given a date for, since a round is not held before it
    starts (a held round has a start).
    """
    held, starts = RoundStatus.HELD, rnd.starts
    moments = [
        starts if change.on is None and change.status is held else change.on
        for change in rnd.history
    ]
    return rnd.history[: known_count(moments, at)]


@frozen_record(kw_only=True, init=False)
class Round(Record):
    """
    One meeting or session of talks.

    Status changes go through :meth:`schedule`, :meth:`hold`, :meth:`postpone`
    and :meth:`cancel` (each takes an optional ``on``, the day of the change);
    a held round cannot be cancelled, a cancelled one cannot be held.

    Attributes:
        number: 1, 2, ... — unique within a negotiation.
        history: Every change of status, oldest first (see
            :mod:`negotiation_records.history`); :attr:`status`,
            :attr:`status_on` and :meth:`status_at` read it.  The constructor
            also takes ``status=`` and ``status_on=``, folded into the history.
        level: Who meets.
        starts: When it starts; a held round needs one, a scheduled round may
            not have one yet (a date not announced).
        ends: When it ends (not before ``starts``), optional.
        location: Where ("Istanbul"), optional.
        hosts: Ids of the hosting parties.
        mediators: Ids of the mediating parties.
        delegations: The teams that came, one for each party.
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
    history: tuple[StatusChange[RoundStatus], ...] = field(
        History(RoundStatus), default=(), since=2
    )
    level: RoundLevel = field(Choice(RoundLevel), default=RoundLevel.DELEGATIONS)
    starts: Moment | None = field(Maybe(MomentKind()), default=None)
    ends: Moment | None = field(Maybe(MomentKind()), default=None)
    location: str | None = field(Maybe(Text()), default=None)
    hosts: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    mediators: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    delegations: tuple[Delegation, ...] = field(Many(Nested(Delegation)), default=())
    outcomes: tuple[Outcome, ...] = field(Many(Nested(Outcome)), default=())
    window: Window | None = field(Maybe(Nested(Window)), default=None)
    summary: str | None = field(Maybe(Text()), default=None)
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")
    # Init-only (version-1 code): folded into ``history``, then None.
    _status_given: RoundStatus | str | None = attrs.field(
        default=None,
        alias="status",
        eq=False,
        repr=False,
        metadata={INIT_ONLY: True, KEY_UNTIL: 1},
    )
    _status_on_given: Moment | _dt.date | None = attrs.field(
        default=None,
        alias="status_on",
        eq=False,
        repr=False,
        metadata={INIT_ONLY: True},  # of the constructor: version 1 wrote none
    )

    _init_only: ClassVar[bool] = True

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            number: int,
            history: Iterable[StatusChange] = ...,
            level: RoundLevel | str = ...,
            starts: MomentInput | None = ...,
            ends: MomentInput | None = ...,
            location: str | None = ...,
            hosts: Iterable[str] = ...,
            mediators: Iterable[str] = ...,
            delegations: Iterable[Delegation] = ...,
            outcomes: Iterable[Outcome] = ...,
            window: Window | None = ...,
            summary: str | None = ...,
            sources: Iterable[str] = ...,
            status: RoundStatus | str | None = ...,
            status_on: Moment | _dt.date | None = ...,
        ) -> None: ...

    def _take_init_only(self) -> dict[str, str]:
        return take_status_arguments(self, RoundStatus.PROPOSED)

    @property
    def status(self) -> RoundStatus:
        """Where it stands now: the last change of :attr:`history` (else proposed)."""
        return current_status(self.history, RoundStatus.PROPOSED)

    @property
    def status_on(self) -> Moment | None:
        """When the status last changed (``None``: no change, or undated)."""
        return self.history[-1].on if self.history else None

    def status_at(self, at: Moment | _dt.date) -> RoundStatus:
        """
        The status in force at *at*: the last change known by then (an undated
        change counts once the change before it does, the first always, but
        for ``held``, which counts from the round's start, as :meth:`hold`
        dates it; a month or year once it has passed).
        A naive datetime, text or any other value that is not a moment is a
        :class:`~negotiation_records.ValidationError` at ``at`` (as for
        :meth:`Negotiation.as_of <negotiation_records.Negotiation.as_of>`).
        """
        known = known_history(self, moment_argument(at, "at"))
        return current_status(known, RoundStatus.PROPOSED)

    def _problems(self) -> Iterable[tuple[str, str]]:
        history = self.history  # an empty one has no problems to look for
        if history:
            yield from history_problems(
                self.label,
                history,
                RoundStatus.PROPOSED,
                STATUS_STEPS,
                start=None,
                start_name="round",
            )
        if self.starts is not None and self.ends is not None:
            if is_before(self.ends, self.starts):
                yield (
                    "ends",
                    f"must not be before starts ({moment_text(self.starts)}), got "
                    f"{moment_text(self.ends)}",
                )
        if self.ends is not None and self.starts is None:
            yield ("starts", "a round with an end needs a start")
        if history:
            yield from _held_early(self)
        if self.starts is None and self.status is RoundStatus.HELD:
            # A scheduled round may lack a known start (a date not announced,
            # or dates set or cleared by a later step, which a snapshot as of
            # the time it was scheduled leaves out: Negotiation.as_of).
            yield ("starts", "a held round needs a start")
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
        return f"round {short_repr(self.number)}"

    @property
    def when(self) -> Moment | None:
        """When the round is or would be (``starts``, else the window's first day)."""
        if self.starts is not None:
            return self.starts
        return None if self.window is None else self.window.start

    def covers(self, moment: Moment | _dt.date) -> bool:
        """
        Whether *moment* may fall within the round (from ``starts`` to ``ends``,
        or on the start day when there is no end: a start with a time of day
        covers the rest of its day, to the next midnight in its zone, whatever
        zone *moment* is written in; a round only proposed, within its
        ``window``).  "May" as :func:`~negotiation_records.is_before` reads
        it: a month that shares a day with the round may fall within it, and
        so may a datetime that shows one of its days anywhere on Earth.
        Unknown dates cover everything; a
        *moment* that is none (``None``, text, a naive datetime) is refused at
        ``moment`` whatever the dates.
        """
        moment = moment_argument(moment, "moment")
        starts = self.starts
        if starts is None:
            if self.window is None:
                return True
            window = self.window
            return not (
                is_before(moment, window.start) or is_before(window.end, moment)
            )
        if is_before(moment, starts):
            return False
        last = self.ends
        if last is None and isinstance(starts, pendulum.DateTime):
            day = pendulum.Date(starts.year, starts.month, starts.day)
            if day < _dt.date.max:
                # before the next midnight in the start's zone (an aware start)
                zone = starts.tzinfo or pendulum.UTC
                midnight = start_of_day(day.add(days=1), zone)
                if isinstance(moment, pendulum.DateTime):
                    return bool(moment < midnight)
                # a day or a month: after the round only if after its last instant
                ended = midnight.subtract(microseconds=1).astimezone(zone)
                return not is_before(ended, moment)
            last = day
        return not is_before(last if last is not None else starts, moment)

    def _to(
        self,
        status: RoundStatus,
        on: Moment | _dt.date | None,
        step: tuple[Iterable[str], str | None, Iterable[str]],
        problems: list[tuple[str, str]] | None = None,
        unread: tuple[object, ...] = (),
        /,
        **given: object,
    ) -> Round:
        """
        A copy with a step to *status* dated *on*, made by the parties of
        *step* (``(by, reason, sources)``, the method's arguments), and the
        fields *given* (as the fields convert them); one
        :class:`ValidationError` with every problem of the arguments and the
        *problems* found before, each at the argument's name (a bad *by*,
        *reason* or *sources* at the place the change would take,
        ``history[1].by``), and as its ``__cause__`` the exception a user's
        value raised when read (*unread*: the arguments read before,
        converted).
        """
        check_transition(self.label, STATUS_STEPS, self.status, status)
        found = list(problems or ())
        changes: dict[str, Any] = {}
        for name, value in given.items():
            changes[name], more = argument_problems(Round, name, value)
            found += more
        by, reason, sources = step
        history: tuple[StatusChange, ...] = ()
        cause: BaseException | None = None
        try:  # the step read as every status method reads it, on at ``on``
            history = with_change(
                self.history, status, on=on, by=by, reason=reason, sources=sources
            )
        except ValidationError as exc:
            found += exc.errors
            cause = exc.__cause__
        if found:
            failure = read_failure([*unread, *changes.values()]) or cause
            raise ValidationError(found) from failure
        return attrs.evolve(self, history=history, **changes)

    def schedule(
        self,
        *,
        starts: Moment | _dt.date,
        ends: Moment | _dt.date | None = None,
        location: str | None = None,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Round:
        """
        A copy scheduled for *starts* (from proposed or postponed), on *on*.

        *starts* is required: ``None``, a naive datetime or any other value
        that is not a moment is a :class:`~negotiation_records.ValidationError`
        at ``starts``, which also lists the problems of the other arguments,
        each at its name.

        As for every status method of a round: *by* is the ids of the
        parties that made the step, *reason* why, in words, and *sources* the
        ids of the sources that report it; *by* and *sources* are lists (a
        lone string is refused), a bad value reported at the place the
        change would take (``history[1].by``).
        """
        changes: dict[str, object] = {"starts": starts, "ends": ends}
        if location is not None:
            changes["location"] = location
        missing: list[tuple[str, str]] = []
        if starts is None:
            missing = [(join_path("starts", p), m) for p, m in check_moment(None)]
        step = (by, reason, sources)
        return self._to(RoundStatus.SCHEDULED, on, step, missing, **changes)

    def hold(
        self,
        *,
        outcomes: Iterable[Outcome] = (),
        starts: Moment | _dt.date | None = None,
        ends: Moment | _dt.date | None = None,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Round:
        """
        A copy marked held, with its outcomes (and dates, if they changed); the
        change is dated *on*, or else the round's start.  A round is not held
        before it starts: an *on* certainly before the start is a
        :class:`~negotiation_records.ValidationError` at the step's date
        (``history[2].on``), as it is in a record built or loaded.

        A round keeps only its latest dates, and the step does not say that
        they changed, so :meth:`Negotiation.as_of
        <negotiation_records.Negotiation.as_of>` before it shows the dates
        given here.  Record a round that moved with :meth:`postpone` and
        :meth:`schedule` before holding it, and its earlier snapshots show
        no dates that were not known then.

        *outcomes* is a list of :class:`Outcome` (a lone string or ``None`` is
        refused, as by the constructor); every bad argument is reported in one
        :class:`~negotiation_records.ValidationError`, each at its name (a bad
        *starts* at ``starts``, though it would have dated the step).  *by*,
        *reason* and *sources* as for :meth:`schedule`.
        """
        added, problems = argument_problems(Round, "outcomes", outcomes)
        changes: dict[str, object] = {}
        if not problems:
            changes["outcomes"] = (*self.outcomes, *added)
        if starts is not None:
            changes["starts"] = starts
        if ends is not None:
            changes["ends"] = ends
        when = on
        if when is None:
            # The start; one that is refused is reported at starts, not at on.
            start = self.starts if starts is None else to_moment(starts)
            when = start if start is None or not check_moment(start) else None
        step = (by, reason, sources)
        return self._to(RoundStatus.HELD, when, step, problems, (added,), **changes)

    def postpone(
        self,
        *,
        window: Window | None = None,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Round:
        """
        A copy marked postponed (on *on*, if given); the old dates are
        cleared, and *window* is when it may now be held, if known (a
        :class:`~negotiation_records.Window`).  *by*, *reason* and *sources*
        as for :meth:`schedule`.
        """
        step = (by, reason, sources)
        return self._to(
            RoundStatus.POSTPONED, on, step, starts=None, ends=None, window=window
        )

    def cancel(
        self,
        *,
        on: Moment | _dt.date | None = None,
        by: Iterable[str] = (),
        reason: str | None = None,
        sources: Iterable[str] = (),
    ) -> Round:
        """
        A copy marked cancelled (on *on*, if given).  *by*, *reason* and
        *sources* as for :meth:`schedule`.
        """
        return self._to(RoundStatus.CANCELLED, on, (by, reason, sources))
