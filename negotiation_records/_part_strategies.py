"""
The strategies of parts that several records share (private): status
histories, parties' positions, conditions and quantities, each drawn with the
parties and ids of a :class:`~negotiation_records._value_strategies.Pools`,
and the renaming that makes condition ids unique across a whole record.

Both :mod:`negotiation_records.strategies` (the original records) and
``_model2_strategies`` (agreements, milestones, votes, actions) build on them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from negotiation_records._closing import in_time
from negotiation_records._value_strategies import (
    Pools,
    moments,
    optional,
    slugs,
    text_lists,
    texts,
)
from negotiation_records.conditions import Condition, ConditionKind
from negotiation_records.deadlines import Deadline
from negotiation_records.history import StatusChange
from negotiation_records.proposals import Proposal
from negotiation_records.rounds import Precision, Quantity
from negotiation_records.stances import Position, Stance
from negotiation_records.timeutil import Moment
from negotiation_records.ultimatums import Ultimatum


__all__ = ["condition", "distinct_conditions", "position", "quantity", "walk"]


def walk(
    draw: st.DrawFn,
    pools: Pools,
    steps: Any,
    initial: Any,
    moments: Sequence[Moment],
    *,
    deadline: tuple[Any, Deadline | None] | None = None,
    late: Any = None,
    barred: Mapping[Any, Collection[str]] | None = None,
    revive: tuple[Any, Callable[[Moment, Deadline], Deadline | None]] | None = None,
    once: Collection[Any] = (),
) -> list[StatusChange]:
    """
    A legal status history from *initial*: one step of *steps* (status to the
    statuses it may go to) per moment, some left undated.  A step that
    repeats the one before it (an agreement signed by each party in turn)
    names parties that did not take that step before.  *deadline*, a status
    and a deadline (an ultimatum's expired and its deadline), leaves that
    status undated on a moment by whose end the deadline had not passed.
    *late*, a status (an ultimatum's complied), is left undated on a moment
    after the deadline passed unless a step to *deadline*'s status came first
    (since the last step back to *initial*: an ultimatum revived).
    *barred* maps a status to the parties its steps do not name in ``by`` (a
    proposal's proposers do not accept it).  *revive*, a status and a
    function, takes a step from *deadline*'s status to that status (an
    ultimatum pending again) only with the deadline the function gives for
    a revision made on the step's moment (``None``: none fits, and the step
    is not taken); the step is dated then and later steps are held to that
    deadline.  A step of a status in *once* (an agreement's signed) that
    repeats an earlier one, before it or not, names parties that did not
    take that status before.
    """
    changes: list[StatusChange] = []
    closed = False  # whether a step to deadline's status was taken
    current = initial
    taken: set[str] = set()  # the parties of the steps of the current status
    # The parties that took each status of *once* so far (a key: taken before).
    ever: dict[Any, set[str]] = {}
    bars = barred or {}
    for on in moments:
        drawn = draw(pools.party_list())

        def allowed(status: Any, drawn: list[str] = drawn) -> list[str]:
            return [
                p
                for p in drawn
                if p not in bars.get(status, ()) and p not in ever.get(status, ())
            ]

        def named(
            status: Any, current: Any = current, taken: set[str] = taken
        ) -> list[str]:
            """The parties a step to *status* may name: not those of the run."""
            return [
                p for p in allowed(status) if status is not current or p not in taken
            ]

        # A step that repeats one names a party that did not take it before.
        options = sorted(
            (
                s
                for s in steps.get(current, ())
                if not (s is current or s in ever) or named(s)
            ),
            key=lambda s: s.value,
        )
        if not options:
            break
        if (
            revive is not None
            and deadline is not None
            and deadline[1] is not None
            and current is deadline[0]
            and revive[0] in options
            and draw(st.booleans())
        ):
            status = revive[0]  # one time in two: a step back is rare enough
        else:
            status = draw(st.sampled_from(options))
        revived = False
        if (
            revive is not None
            and deadline is not None
            and deadline[1] is not None
            and current is deadline[0]
            and status is revive[0]
        ):
            new = revive[1](on, deadline[1])
            if new is None:
                continue  # no revision fits: the record stays as it was
            deadline, revived = (deadline[0], new), True
        if status is current and changes:
            by = named(status)
        else:
            by, taken = allowed(status), set()
        taken.update(by)
        if status in once:
            ever.setdefault(status, set()).update(by)
        current = status
        dated = revived or (draw(st.booleans()) and _may_date(current, on, deadline))
        if dated and current is late and not closed and deadline is not None:
            dated = deadline[1] is None or in_time(on, deadline[1])
        if current is initial:
            closed = False  # revived: the step to the deadline's status was another's
        closed = closed or (deadline is not None and current is deadline[0])
        changes.append(
            StatusChange(
                status=current,
                on=on if dated else None,
                by=by,
                reason=draw(optional(texts())),
                sources=draw(pools.source_list()),
            )
        )
    return changes


@st.composite
def position(draw: st.DrawFn, pools: Pools) -> Position:
    """A party's stance on a condition, its parties and ids drawn from *pools*."""
    return Position(
        party=draw(pools.some_party()),
        stance=draw(st.sampled_from(Stance)),
        on=draw(optional(moments())),
        text=draw(optional(texts())),
        statement=draw(pools.statement()),
        sources=draw(pools.source_list()),
    )


@st.composite
def condition(draw: st.DrawFn, pools: Pools) -> Condition:
    """A condition with positions, its parties and ids drawn from *pools*."""
    demanded_by = draw(pools.party())
    return Condition(
        id=draw(slugs()),
        text=draw(texts()),
        kind=draw(st.sampled_from(ConditionKind)),
        demanded_by=demanded_by,
        addressed_to=draw(pools.party_list(exclude=demanded_by)),
        topics=draw(text_lists()),
        positions=draw(st.lists(position(pools), max_size=2, unique=True)),
        sources=draw(pools.source_list()),
    )


@st.composite
def quantity(draw: st.DrawFn, pools: Pools) -> Quantity:
    """A quantity; who gives and who receives it drawn from *pools*, never both."""
    amounts: st.SearchStrategy[int | float] = st.one_of(
        st.integers(0, 10**12),
        st.floats(0, 1e12, allow_nan=False, allow_infinity=False),
    )
    given_by = draw(pools.party_list())
    received_by = [p for p in draw(pools.party_list()) if p not in given_by]
    return Quantity(
        amount=draw(amounts),
        unit=draw(texts()),
        each=draw(st.booleans()),
        precision=draw(st.sampled_from(Precision)),
        given_by=given_by,
        received_by=received_by,
    )


def _may_date(
    status: Any, on: Moment, deadline: tuple[Any, Deadline | None] | None
) -> bool:
    """Whether a step to *status* may be dated *on*, given *deadline* of :func:`walk`."""
    if deadline is None or status is not deadline[0] or deadline[1] is None:
        return True
    return deadline[1].had_passed_by(on)


def distinct_conditions(
    standing: list[Condition],
    proposal_list: list[Proposal],
    ultimatum_list: list[Ultimatum],
) -> tuple[list[Condition], list[Proposal], list[Ultimatum]]:
    """Rename conditions so that ids are unique across the whole record."""
    counter = iter(range(10**6))

    def renamed(condition: Condition, seen: set[str]) -> Condition:
        if condition.id in seen:
            base = condition.id[:50].rstrip("._-")
            condition = attrs.evolve(condition, id=f"{base}-{next(counter)}")
            while condition.id in seen:  # pragma: no cover - vanishingly rare
                condition = attrs.evolve(condition, id=f"{base}-{next(counter)}")
        seen.add(condition.id)
        return condition

    seen: set[str] = set()
    standing = [renamed(c, seen) for c in standing]
    proposal_list = [
        attrs.evolve(p, terms=[renamed(c, seen) for c in p.terms])
        for p in proposal_list
    ]
    ultimatum_list = [
        attrs.evolve(u, demand=renamed(u.demand, seen))
        if isinstance(u.demand, Condition)
        else u
        for u in ultimatum_list
    ]
    return standing, proposal_list, ultimatum_list
