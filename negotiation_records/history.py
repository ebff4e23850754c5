"""
Status histories: every status change of a proposal, ultimatum, round or
negotiation, kept in order.

A record's ``history`` is the one source of truth about its status: its
``status`` and ``status_on`` are read-only properties that give the last change
(or the initial status when nothing has changed yet), and ``status_at(at)`` the
status in force at a moment.  Each step is checked against the record's
transition rules, from the initial status on; the first change may also restate
the initial status, which dates it ("pending since 14 July").

Version-1 code that passes ``status=`` and ``status_on=`` to a constructor keeps
working: those two arguments are *init-only*.  They are not fields of the record
(it stores no copy of them); the record turns them into one more step of its
history before it checks itself:

* ``Proposal(..., status="accepted", status_on=day)`` has the history
  ``(StatusChange(status=ACCEPTED, on=day),)``;
* ``attrs.evolve(proposal, status="withdrawn", status_on=day)`` appends the
  change to the history the proposal already had;
* a ``status`` equal to the current one adds nothing; a ``status_on``
  given with it, or alone (``attrs.evolve(proposal, status_on=day)``), dates
  the last change anew, dated or not (or dates the initial status, as a
  first change restating it), as setting version 1's ``status_on`` field
  did.  The history's checks then apply as ever: a change re-dated before
  the one before it, or before the record's own date, is refused.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, Final, Generic, Protocol, TypeVar

import attrs
import pendulum

from negotiation_records._argument_problems import ArgumentProblems
from negotiation_records._codegen import Namespace
from negotiation_records._kind import FixedKind, FrozenKind
from negotiation_records._record import Record, frozen_record
from negotiation_records._references import noting
from negotiation_records._scalar_kinds import as_text, plain_text_test, text_problems
from negotiation_records._status import check_transition
from negotiation_records._unread import read_failure
from negotiation_records._values import described, raised_text, short_repr, show_json
from negotiation_records.errors import (
    IllegalTransitionError,
    ValidationError,
    join_path,
)
from negotiation_records.fields import (
    PARTY_IDS,
    SOURCE_IDS,
    Choice,
    Many,
    Maybe,
    MomentKind,
    Nested,
    Problems,
    SchemaDefs,
    Text,
    field,
)
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
    day_ordinals,
    is_before,
    is_known_by,
    moment_argument,
    moment_text,
    since_epoch,
    to_moment,
)


__all__ = ["History", "StatusChange", "StatusKind", "status_at"]


@functools.cache
def _choice(enum_class: type[enum.Enum]) -> Choice:
    """The :class:`~negotiation_records.fields.Choice` of a status enum, made once."""
    return Choice(enum_class)


def _status_key(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


_LONGEST_STATUS: Final = 64


class StatusKind(FixedKind):
    """
    A status in a :class:`StatusChange`: a member of the owner's status enum.

    On its own a change may hold the status as text (``"accepted"``), text
    by the rule of :class:`~negotiation_records.fields.Text` of at most
    64 characters (a status is a word or a few); the record whose history
    holds it turns the text into its own enum (:class:`History`).  Two
    changes compare by the status's value.
    """

    __slots__ = ()

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        # Text as Text stores it (a str subclass as plain str, NFC); a member kept.
        return value if isinstance(value, enum.Enum) else as_text(value)

    def accepts(self) -> str:
        return "enum.Enum | str"

    def problems(self, value: object) -> Problems:
        if isinstance(value, enum.Enum) and isinstance(value.value, str):
            return []
        if isinstance(value, str) and value:
            if len(value) > _LONGEST_STATUS:
                return [
                    (
                        "",
                        f"must be a status, at most {_LONGEST_STATUS} characters, "
                        f"got {len(value):,} characters {short_repr(value)}",
                    )
                ]
            return text_problems(value)
        return [
            (
                "",
                f"must be a status (an enum member or its value), got "
                f"{described(value)}",
            )
        ]

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        # Short plain text passes without a call; a member goes to problems().
        plain = plain_text_test(v, _LONGEST_STATUS)
        return [
            f"{pad}if not ({plain}) and {ns.name(self.problems)}({v}):",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        if isinstance(value, enum.Enum):  # resolved by History.load
            return value
        if value.__class__ is not str:
            raise ValidationError([("", f"must be a string, got {show_json(value)}")])
        return as_text(value)  # NFC, as the constructor stores it

    def dump(self, value: Any, conv: Any) -> Any:
        return _status_key(value)

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        # The length is checked once the text is NFC, which composes at most
        # four code points into one (U+1F82): the text as written may be four
        # times as long, and the schema is never stricter than the loader.
        return {**Text().schema(defs), "maxLength": 4 * _LONGEST_STATUS}

    @property
    def eq_key(self) -> Callable[[Any], Any] | None:
        return _status_key


if TYPE_CHECKING:
    from typing_extensions import TypeVar as _TypeVarWithDefault

    _Status_co = _TypeVarWithDefault(
        "_Status_co", covariant=True, default=enum.Enum | str
    )
else:
    _Status_co = TypeVar("_Status_co", covariant=True)


@frozen_record(kw_only=True, init=False)
class StatusChange(Record, Generic[_Status_co]):
    """
    One change of status: what it became, when, by whom and why.

    To type checkers the class is generic in its status: a proposal's
    ``history`` is a ``tuple[StatusChange[ProposalStatus], ...]``, whose
    ``status`` is a :class:`ProposalStatus` (at run time
    ``StatusChange[ProposalStatus]`` is ``StatusChange`` itself).

    Attributes:
        status (enum.Enum | str): The status from then on (a member of the
            owner's status enum; a change on its own may hold text of at most
            64 characters).
        on: When it changed (optional: the sources may not say).
        by: Ids of the parties that made the change, where known.
        reason: Why, in words (optional).
        sources: Ids of the sources for this.

    Example:
        >>> change = StatusChange(
        ...     status=UltimatumStatus.EXPIRED, on=pendulum.date(2025, 9, 3)
        ... )
        >>> change.status, str(change.on)
        (<UltimatumStatus.EXPIRED: 'expired'>, '2025-09-03')
    """

    if not TYPE_CHECKING:

        def __class_getitem__(cls, item: object) -> type:
            # ``StatusChange[ProposalStatus]`` is the class itself at run time.
            return cls

    status: _Status_co = field(StatusKind())  # type: ignore[misc]  # frozen: read only
    on: Moment | None = field(Maybe(MomentKind()), default=None)
    by: tuple[str, ...] = field(PARTY_IDS, default=(), refers_to="party")
    reason: str | None = field(Maybe(Text()), default=None)
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            status: enum.Enum | str,
            on: MomentInput | None = ...,
            by: Iterable[str] = ...,
            reason: str | None = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...


_CHANGES: Final = Many(Nested(StatusChange))


class History(FrozenKind):
    """
    A record's ``history``: status changes whose statuses are members of *enum*.

    Text statuses (``"accepted"``) are turned into members on construction and
    on load; the JSON Schema names the enum's values.
    """

    __slots__ = ("enum",)
    _fields = ("enum",)
    enum: type[enum.Enum]

    def __init__(self, enum: type[Enum]) -> None:
        object.__setattr__(self, "enum", enum)

    converts: ClassVar[bool] = True

    #: The kind of the list of status changes it is written as.
    written_as: ClassVar[Many] = _CHANGES

    def _resolve(self, change: Any) -> Any:
        if isinstance(change, StatusChange) and not isinstance(
            change.status, self.enum
        ):
            member = _choice(self.enum).convert(change.status)
            if isinstance(member, self.enum):
                return attrs.evolve(change, status=member)
        return change

    def convert(self, value: Any) -> Any:
        items = _CHANGES.convert(value)
        if items.__class__ is not tuple:
            return items
        return tuple([self._resolve(item) for item in items])

    def accepts(self) -> str:
        return "Iterable[StatusChange]"

    def record_classes(self) -> tuple[type[Any], ...]:
        return (StatusChange,)

    def records_in(
        self, data: Any, path: str
    ) -> Iterator[tuple[str, type[Any], dict[str, Any]]]:
        return _CHANGES.records_in(data, path)

    def problems(self, value: object) -> Problems:
        found = _CHANGES.problems(value)
        if found:
            return found
        assert isinstance(value, tuple)  # noqa: S101 - checked above
        for index, change in enumerate(value):
            found += [
                (join_path(f"[{index}].status", path), message)
                for path, message in _choice(self.enum).problems(change.status)
            ]
        return found

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        item = f"_h{len(pad)}"
        return [
            f"{pad}if {v}.__class__ is not tuple:",
            f"{pad}    {fail}",
            f"{pad}for {item} in {v}:",
            f"{pad}    if {item}.__class__ is not {ns.name(StatusChange)} or "
            f"{item}.status.__class__ is not {ns.name(self.enum)}:",
            f"{pad}        {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        if value.__class__ is not list:
            raise ValidationError([("", f"must be an array, got {show_json(value)}")])
        choice = _choice(self.enum)
        loaded = []
        problems: Problems = []
        for index, given in enumerate(value):
            item = given
            status_read = True
            if given.__class__ is dict and "status" in given:
                item = dict(given)
                try:
                    item["status"] = choice.load(given["status"], conv)
                except ValidationError as exc:
                    problems += [
                        (join_path(f"[{index}].status", path), message)
                        for path, message in exc.errors
                    ]
                    # The change's other fields are still read, for their
                    # problems: a bad status hides none of them.
                    item["status"] = next(iter(self.enum))
                    status_read = False
            try:
                change = Nested(StatusChange).load(item, conv)
            except ValidationError as exc:
                problems += [
                    (join_path(f"[{index}]", path), message)
                    for path, message in exc.errors
                ]
            else:
                if status_read:
                    loaded.append(change)
        if problems:
            raise ValidationError(problems)
        return tuple(loaded)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        # The compiled path: each change read by StatusChange's own loader,
        # its status (text naming a member) then set to the member on the
        # change just made.  Anything else (not a list, an unknown status)
        # raises, and the exact path (load) reports it.
        hook = noting(conv.get_structure_hook(StatusChange))
        members = {member.value: member for member in self.enum}
        set_status = vars(StatusChange)["status"].__set__  # the slot's setter

        def load_changes(value: Any) -> tuple[StatusChange, ...]:
            if value.__class__ is not list:
                raise TypeError
            if not value:  # the commonest: nothing has changed yet
                return ()
            changes = []
            for item in value:
                change = hook(item, StatusChange)
                set_status(change, members[change.status])
                changes.append(change)
            return tuple(changes)

        return f"{ns.name(load_changes)}({v})"

    def dump(self, value: Any, conv: Any) -> Any:
        return _CHANGES.dump(value, conv)

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return _CHANGES.dump_expr(ns, v, conv, depth)

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {
            "type": "array",
            "items": {
                "allOf": [
                    defs.record(StatusChange),
                    {"properties": {"status": defs.enum(self.enum)}},
                ]
            },
        }


# --- the rules, shared by the records ------------------------------------------------


def fold_status_arguments(
    record: Any, initial: enum.Enum, status: Any, on: Any
) -> tuple[StatusChange, ...] | None:
    """
    The history of *record* with the init-only ``status``/``status_on``
    arguments folded in, or ``None`` if they change nothing.

    A *status* other than the current one is one more step, dated *on*.  The
    current status (given, or *status* left out) adds no step: *on* dates the
    last step anew, whether it had a date or not (the initial status, when
    nothing has changed yet, becomes a dated first step), as setting version
    1's ``status_on`` field did.  The record's checks then apply to the result.
    """
    if status is None and on is None:
        return None
    history: tuple[Any, ...] = record.history
    if history.__class__ is not tuple or not all(
        isinstance(change, StatusChange) for change in history
    ):
        return None  # reported by the field check
    cls = type(initial)
    if status is None:
        status = history[-1].status if history else initial
    member = _choice(cls).convert(status)
    if not isinstance(member, cls):
        raise ValidationError(_choice(cls).problems(member)).prefixed("status")
    moment = None if on is None else to_moment(on)
    current = _status_key(history[-1].status) if history else initial.value
    if member.value == current:  # the same status: at most a new date
        if moment is None:
            return history
        if history:  # re-dated, as version 1's status_on field was
            return (*history[:-1], attrs.evolve(history[-1], on=moment))
        return (StatusChange(status=member, on=moment),)  # the initial, dated
    return (*history, StatusChange(status=member, on=moment))


class _Deadline(Protocol):
    """What :func:`next_status` and :func:`closing_on` read of a deadline."""

    @property
    def due(self) -> Any: ...

    @property
    def cutoff(self) -> Any: ...

    def had_passed_by(self, moment: Any) -> bool: ...


def next_status(
    label: str,
    enum_class: type[S],
    steps: Mapping[S, frozenset[S]],
    current: S,
    status: Any,
    *,
    on: Any = None,
    after: tuple[S, _Deadline | None, str] | None = None,
) -> S:
    """
    The status *status* names (a member of *enum_class*, or its text) as the
    next step of the record *label* at *current*: a
    :class:`~negotiation_records.ValidationError` at ``status`` for a value
    that names none, an :class:`~negotiation_records.IllegalTransitionError`
    for a step *steps* does not allow, and one for a step dated *on* to
    ``after[0]`` while the deadline ``after[1]`` (``after[2]`` names it) had
    not passed on that day (:meth:`Deadline.had_passed_by
    <negotiation_records.Deadline.had_passed_by>`): a milestone missed, an
    agreement expired.  An *on* that is not a moment is not checked here:
    :func:`with_change` reports it, at ``on``, as for every other status.
    """
    choice = _choice(enum_class)
    target = choice.convert(status)
    if not isinstance(target, enum_class):
        raise ValidationError(choice.problems(target)).prefixed("status")
    check_transition(label, steps, current, target, None)
    if after is not None:
        closing, deadline, name = after
        if target is closing and on is not None and deadline is not None:
            try:
                moment = moment_argument(on, "on")
            except ValidationError:
                return target  # reported by with_change, at ``on``
            if not deadline.had_passed_by(moment):
                raise IllegalTransitionError(
                    label,
                    current.value,
                    target.value,
                    f"{name} ({moment_text(deadline.due)}) had not passed on "
                    f"{moment_text(moment)}",
                )
    return target


def next_history(
    label: str,
    enum_class: type[S],
    steps: Mapping[S, frozenset[S]],
    record: Any,
    status: Any,
    *,
    on: Any,
    by: Iterable[str],
    reason: str | None,
    sources: Iterable[str],
    closing: tuple[S, _Deadline | None, str] | None = None,
    start: Any = None,
) -> tuple[StatusChange, ...]:
    """
    The history of *record* (a ``with_status`` method's) with one more step
    to *status*: checked by :func:`next_status` (*closing* is its *after*),
    dated as :func:`closing_on` dates it (not before *start*, the record's
    own date, if any), made by :func:`with_change`.  A
    record with no change yet may restate its first status, dated (the talks
    active from 10 January), as its history may.  A *status* that names no
    status is reported with the problems of the other arguments, if any.
    """
    target = None
    choice = _choice(enum_class)
    member = choice.convert(status)
    if not isinstance(member, enum_class):  # with the other arguments' problems
        problems = ValidationError(choice.problems(member)).prefixed("status").errors
        cause = None
        try:
            with_change(
                record.history,
                record.status,
                on=on,
                by=by,
                reason=reason,
                sources=sources,
            )
        except ValidationError as exc:
            problems += exc.errors
            cause = exc.__cause__  # a value of the user's own that raised
        raise ValidationError(problems) from cause
    if not record.history:
        target = member if member is record.status else None
    if target is None:
        target = next_status(
            label, enum_class, steps, record.status, status, on=on, after=closing
        )
    if closing is not None and on is None:
        on = closing_on(target, on, closing, start)
        last = last_dated(record.history)
        if on is not None and last is not None and is_before(on, last):
            raise ValidationError(
                [
                    (
                        "on",
                        f"not given, and {closing[2]} passed ({moment_text(on)}) "
                        f"before the change before it ({moment_text(last)}): give the day it was "
                        f"{target.value}",
                    )
                ]
            )
    return with_change(
        record.history, target, on=on, by=by, reason=reason, sources=sources
    )


def closing_on(
    target: S,
    on: Any,
    closing: tuple[S, _Deadline | None, str],
    start: Any = None,
) -> Any:
    """
    The date of a step to *target*: *on* as given, or, for the status that
    *closing* names (as :func:`next_status`'s *after*) given without a date,
    the cut-off of its deadline (:attr:`Deadline.cutoff
    <negotiation_records.Deadline.cutoff>`), as :meth:`Ultimatum.expire
    <negotiation_records.Ultimatum.expire>` dates it: an agreement expired,
    a milestone missed.  An undated step counts at every moment, and the
    record would be closed for the whole of its life.  Not before *start*
    (an ultimatum's issue, a milestone's ``set_on``): a date deadline may
    fall due on the day before, read in a zone west of UTC, though its
    cut-off (in its own zone, UTC if it names none) came before the record
    began; it ran out as the record began.
    """
    status, deadline, _ = closing
    if on is None and target is status and deadline is not None:
        cutoff = deadline.cutoff
        if start is not None and is_before(cutoff, start):
            return start
        return cutoff
    return on


def with_change(
    history: tuple[StatusChange, ...],
    status: Any,
    *,
    on: Any = None,
    by: Iterable[str] = (),
    reason: str | None = None,
    sources: Iterable[str] = (),
) -> tuple[StatusChange, ...]:
    """
    *history* with one more change, made from a ``with_status`` method's
    arguments as given (a lone string for *by* or *sources* is refused, not
    taken letter by letter).  A moment *on* that is not one is reported at
    ``on``, as the argument it is; a problem of the other values at the
    place the change would take (``history[2].by``); all of them at once.
    """
    arguments = ArgumentProblems()
    moment = None if on is None else arguments.read(lambda: moment_argument(on, "on"))

    def change() -> StatusChange:
        try:
            return StatusChange(
                status=status, on=moment, by=by, reason=reason, sources=sources
            )
        except ValidationError as exc:
            raise exc.prefixed(f"history[{len(history)}]") from exc.__cause__

    made = arguments.read(change)
    arguments.raise_any()
    assert made is not None  # noqa: S101 - no problem: made
    return (*history, made)


#: A dated step as :func:`steps_back` compares it: its index, the ordinals of
#: the first and last calendar days it may be (a datetime's anywhere on Earth:
#: :func:`~negotiation_records.timeutil.days_anywhere`) and, for a datetime,
#: its instant as the time since the epoch (``None`` for a date, a month or a
#: year), worked out once a step.
_Step = tuple[int, int, int, _dt.timedelta | None]


def _step(index: int, moment: Moment) -> _Step:
    """*moment*, the step at *index*, as :func:`steps_back` compares it."""
    first, last = day_ordinals(moment)
    if isinstance(moment, _dt.datetime):
        return index, first, last, since_epoch(moment)
    return index, first, last, None


def _is_before(step: _Step, other: _Step) -> bool:
    """
    :func:`~negotiation_records.timeutil.is_before` of two steps: two
    datetimes by their instants, anything else by calendar days.
    """
    if step[3] is not None and other[3] is not None:
        return step[3] < other[3]
    return step[2] < other[1]


def _before_any(step: _Step, *earlier: _Step | None) -> int | None:
    """
    The index of the first of *earlier* (the one before *step*, then those
    that stand for the others) that *step* is before (``None``: none).
    """
    for other in earlier:
        if other is not None and _is_before(step, other):
            return other[0]
    return None


#: The moment classes among which "before" is transitive: a sequence of one
#: of them is in order when each is not before the one just before it.
_TOTALLY_ORDERED: Final = frozenset({pendulum.Date, pendulum.DateTime})


def steps_back(moments: Sequence[Moment | None]) -> dict[int, int]:
    """
    The index of each dated moment of *moments* that is before an earlier
    one, with the index of an earlier one it is before: the dated one just
    before it, when it is before that one (``None``, undated, is skipped).

    The rule: no moment is before (:func:`~negotiation_records.timeutil.is_before`)
    **any** earlier one.  Comparing each with the one before it is not enough,
    since "before" is not transitive across precisions: two datetimes compare as
    instants, anything else by calendar days (a month or a year by all its
    days, a datetime against a day by the days it shows anywhere on Earth:
    :func:`~negotiation_records.timeutil.days_anywhere`), so of 23:00 on 13
    July in New York (03:00 UTC on the 14th), the day 13 July and 01:00 on 14
    July in Kyiv (22:00 UTC on the 13th) none is before the one before it, and
    yet the third is five hours before the first.  Three earlier moments stand
    for all of them, each the latest of its kind, so that the check stays
    linear:

    * a datetime is before an earlier datetime when it is before the one with
      the latest instant;
    * anything is before an earlier date, month or year when its last day is
      before the latest first day among them;
    * a date, month or year is before an earlier datetime when its last day
      is before the latest first day among them (the first each shows
      anywhere).

    Example:
        >>> new_york = pendulum.datetime(2025, 7, 13, 23, tz="America/New_York")
        >>> kyiv = pendulum.datetime(2025, 7, 14, 1, tz="Europe/Kyiv")
        >>> steps_back([new_york, pendulum.date(2025, 7, 13), None, kyiv])
        {3: 0}
    """
    if len(moments) == 2:  # the commonest: one pair, compared if dated
        first, second = moments
        if first is None or second is None or not is_before(second, first):
            return {}
        return {1: 0}
    dated = [(index, m) for index, m in enumerate(moments) if m is not None]
    kinds = {m.__class__ for _, m in dated}
    if len(kinds) == 1 and kinds <= _TOTALLY_ORDERED:
        return _steps_back_in_one_order(dated)
    found: dict[int, int] = {}
    previous: _Step | None = None
    latest_instant: _Step | None = None  # of the datetimes
    latest_day: _Step | None = None  # of the datetimes, by first day
    latest_first: _Step | None = None  # of the dates, months and years
    for index, moment in enumerate(moments):
        if moment is None:
            continue
        step = _step(index, moment)
        if step[3] is None:
            earlier = _before_any(step, previous, latest_day, latest_first)
            if latest_first is None or latest_first[1] < step[1]:
                latest_first = step
        else:
            earlier = _before_any(step, previous, latest_instant, latest_first)
            if latest_instant is None or _is_before(latest_instant, step):
                latest_instant = step
            if latest_day is None or latest_day[1] < step[1]:
                latest_day = step
        if earlier is not None:
            found[index] = earlier
        previous = step
    return found


def _steps_back_in_one_order(dated: list[tuple[int, Moment]]) -> dict[int, int]:
    """
    :func:`steps_back` of days alone, or of datetimes alone (instants), where
    "before" is a total order: the latest earlier one stands for all of them.
    """
    found: dict[int, int] = {}
    previous_index, previous = latest_index, latest = dated[0]
    for index, moment in dated[1:]:
        if is_before(moment, previous):
            found[index] = previous_index
        elif is_before(moment, latest):
            found[index] = latest_index
        if is_before(latest, moment):
            latest_index, latest = index, moment
        previous_index, previous = index, moment
    return found


def history_problems(
    label: str,
    history: tuple[StatusChange, ...],
    initial: enum.Enum,
    table: Mapping[Any, frozenset[Any]],
    *,
    start: Moment | None,
    start_name: str,
) -> Iterable[tuple[str, str]]:
    """
    The problems of a history: each step allowed by *table* from the status
    before it, no dated step before *start* (the record's own date) nor before
    any earlier dated step (:func:`steps_back`).
    """
    current = initial
    back = steps_back([c.on for c in history]) if len(history) > 1 else {}
    for index, change in enumerate(history):
        status = change.status
        restates = index == 0 and status is initial
        if not restates and status not in table.get(current, frozenset()):
            allowed = sorted(s.value for s in table.get(current, frozenset()))
            why = (
                "it can go to " + ", ".join(repr(a) for a in allowed)
                if allowed
                else "it is final"
            )
            yield (
                f"history[{index}].status",
                f"{label} cannot go from {current.value!r} to "
                f"{_status_key(status)!r}: from {current.value!r} {why}",
            )
        if change.on is not None:
            if start is not None and is_before(change.on, start):
                yield (
                    f"history[{index}].on",
                    f"{moment_text(change.on)} is before the {start_name} "
                    f"({moment_text(start)})",
                )
            if index in back:
                yield (f"history[{index}].on", _step_back(history, index, back[index]))
        if isinstance(status, type(initial)):
            current = status


def taken_by(
    history: tuple[StatusChange, ...],
    statuses: AbstractSet[enum.Enum],
    parties: AbstractSet[str] | Sequence[str],
    why: str,
) -> Iterable[tuple[str, str]]:
    """
    A problem at each party of *parties* named in the ``by`` of a step of
    *history* to one of *statuses*, a step those parties cannot take: *why*
    follows the party's id, and the status ends the message (``"'ua' made
    the proposal and cannot have accepted it"``, *why* ``"made the proposal
    and cannot have {status} it"``).
    """
    for index, change in enumerate(history):
        if change.status in statuses:
            for place, party in enumerate(change.by):
                if party in parties:
                    yield (
                        f"history[{index}].by[{place}]",
                        f"{party!r} " + why.format(status=_status_key(change.status)),
                    )


def _step_back(history: tuple[StatusChange, ...], index: int, earlier: int) -> str:
    """
    Why ``history[index]`` is out of order: it is before ``history[earlier]``,
    the dated change before it or another.
    """
    on, then = history[index].on, history[earlier].on
    if on is None or then is None:  # pragma: no cover - only dated steps step back
        raise ValueError("an undated step does not step back")
    on_text, then_text = moment_text(on), moment_text(then)
    if all(change.on is None for change in history[earlier + 1 : index]):
        where = f"the change before it ({then_text})"
    else:
        where = f"an earlier change, history[{earlier}] ({then_text})"
    return f"{on_text} is before {where}; changes must be in the order they were made"


def status_at(
    history: tuple[StatusChange, ...], initial: enum.Enum, at: MomentInput
) -> Any:
    """
    The status in force at *at*: the last change known by then (undated count).

    *at* is checked as :meth:`Negotiation.as_of
    <negotiation_records.Negotiation.as_of>` checks it, even when *history*
    is empty: a naive datetime, text or ``None`` is a
    :class:`~negotiation_records.ValidationError` at ``at``.
    """
    moment = moment_argument(at, "at")
    known = known_count([change.on for change in history], moment)
    return history[known - 1].status if known else initial


def known_count(moments: Iterable[Moment | None], at: Moment) -> int:
    """
    How many of *moments*, the dates of a record's steps in the order they
    were made (the changes of a history, deadline revisions), are known by
    *at*: up to the last whose own date is known (:func:`is_known_by`), since
    what was made before it had happened by then (a change dated "2025-06"
    followed by one of 20 June is known on 25 June, as the month alone would
    not be; one at 13:00 UTC on 13 July followed by one dated "13 July" is
    known as of 13 July, as the day is); an undated step counts right after
    a known one.  Nothing made after the last known one is known.
    """
    count = 0
    for index, on in enumerate(moments):
        if on is None:
            if count == index:
                count = index + 1
        elif is_known_by(on, at):
            count = index + 1
    return count


def heard_of(
    history: tuple[StatusChange, ...],
    at: Moment,
    others: Iterable[Moment | None] = (),
    known: tuple[StatusChange, ...] | None = None,
) -> bool:
    """
    Whether a record was heard of by *at*, as its snapshot reads it: one of
    its *others* (the moment it was made or issued, the day it was set, a
    round's start or window) is known by then (:func:`is_known_by`), or a
    dated step of its *history* that is known then (:func:`history_until`:
    steps are in order, so a proposal made at 12:00 UTC and accepted "on 13
    July" was made by the start of 13 July, and a step dated "January" after
    one of 10 January is known on 20 January, though it sorts first); or it
    has no date at all.  *known*, when given, is the part of *history* the
    snapshot keeps at *at*, where that is less than :func:`history_until`
    keeps (a step held back until a deadline passes is no evidence before
    then).  A snapshot of the snapshot reads it alike.
    """
    dated = [moment for moment in others if moment is not None]
    if any(is_known_by(moment, at) for moment in dated):
        return True
    if known is None:
        known = history_until(history, at)
    if any(change.on is not None for change in known):
        return True
    return not dated and all(change.on is None for change in history)


def dated_end(
    history: tuple[StatusChange, ...], statuses: AbstractSet[Any]
) -> tuple[Moment, str] | None:
    """
    When and in which status *history* ended, if its last change is dated
    and one of *statuses* (final ones, which no change follows: a milestone
    met, a proposal withdrawn), else ``None``.  What a record may not hold
    dated after that (a revision, a response) is checked against it.
    """
    if history:
        last = history[-1]
        if last.on is not None and last.status in statuses:
            return last.on, _status_key(last.status)
    return None


def history_until(
    history: tuple[StatusChange, ...], at: Moment
) -> tuple[StatusChange, ...]:
    """The changes known by *at*, in order (:func:`known_count`)."""
    return history[: known_count([change.on for change in history], at)]


def first_dated_index(history: Sequence[StatusChange]) -> int | None:
    """The index of the first dated change of *history* (``None``: none is)."""
    return next((j for j, change in enumerate(history) if change.on is not None), None)


def last_dated(history: Sequence[StatusChange]) -> Moment | None:
    """
    When the last dated change of *history*, in its order, was made
    (``None``: none is dated).
    """
    return next(
        (change.on for change in reversed(history) if change.on is not None), None
    )


S = TypeVar("S", bound=enum.Enum)


def current_status(history: tuple[StatusChange, ...], initial: S) -> S:
    """The status after the last change of *history* (*initial* if none)."""
    if history:
        status = history[-1].status
        if isinstance(status, type(initial)):
            return status
    return initial


def take_status_arguments(record: Any, initial: enum.Enum) -> dict[str, str]:
    """
    Fold a record's init-only ``status``/``status_on`` arguments (the slots
    ``_status_given`` and ``_status_on_given``) into its ``history``, then clear
    them.  Called before the record checks itself.

    Returns where the record's problems with the step the arguments made (or
    dated) are reported: ``history[k].status`` at ``status`` and
    ``history[k].on`` at ``status_on``, the arguments given (see
    :func:`~negotiation_records.errors.moved_path`); empty when they changed
    nothing.
    """
    status, on = record._status_given, record._status_on_given
    if status is None and on is None:
        return {}
    object.__setattr__(record, "_status_given", None)
    object.__setattr__(record, "_status_on_given", None)
    problems: list[tuple[str, str]] = []
    moment = None
    try:
        moment = None if on is None else to_moment(on)
    except ValidationError as exc:
        problems += exc.prefixed("status_on").errors
    except Exception as exc:  # noqa: BLE001 - reported as a problem of the argument
        got = f"{short_repr(on)} ({raised_text(exc)})"
        problems += [("status_on", f"must be a moment, got {got}")]
    if moment is not None:
        problems += [
            (join_path("status_on", path), message)
            for path, message in MomentKind().problems(moment)
        ]
    if problems:  # with the status's own, if it has one: every problem at once
        if status is not None:
            choice = _choice(type(initial))
            member = choice.convert(status)
            if not isinstance(member, type(initial)):
                problems[:0] = [
                    (join_path("status", path), message)
                    for path, message in choice.problems(member)
                ]
        raise ValidationError(problems) from read_failure([moment])
    before = record.history
    history = fold_status_arguments(record, initial, status, moment)
    if history is None or history is before:
        return {}
    object.__setattr__(record, "history", history)
    return argument_moves(history, status=status is not None, on=on is not None)


def argument_moves(
    history: tuple[StatusChange, ...], *, status: bool, on: bool
) -> dict[str, str]:
    """
    Where the problems with the last step of *history*, made (or dated) from
    a constructor's ``status=`` and ``status_on=`` arguments, are reported:
    at those arguments, the ones given (*status*, *on*).
    """
    step = f"history[{len(history) - 1}]"
    moves = {f"{step}.status": "status"} if status else {}
    if on:
        moves[f"{step}.on"] = "status_on"
    return moves
