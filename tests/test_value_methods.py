"""Equality, hashing and repr of the records: as attrs writes them, on first use."""

from __future__ import annotations

import copy
import functools
import inspect
import itertools
import pickle
import subprocess
import sys
import textwrap
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Agreement,
    Deadline,
    Negotiation,
    Party,
    PartyKind,
    PartyPositions,
    Phase,
    PhaseEnd,
    Representative,
    Stance,
    Statement,
    StatusChange,
    TermStance,
    from_json,
    strategies,
    to_json,
)
from negotiation_records._signatures import record_classes
from negotiation_records.strategies import for_type, negotiations
from negotiation_records.timeutil import parse_moment
from tests.strategies_foundation import RECORD_TYPES


# Every record class, the lazily imported timeline's included.
RECORD_CLASSES = record_classes()

_TERM_STANCES = st.builds(
    TermStance,
    condition=strategies.conditions(),
    stance=st.none() | st.sampled_from(Stance),
    on=st.none() | strategies.moments(),
    inherited_from=st.none() | strategies.slugs(),
)
# The answers of the queries, which the strategies do not draw (docs/testing.md).
_ANSWERS: dict[type[Any], st.SearchStrategy[Any]] = {
    TermStance: _TERM_STANCES,
    PartyPositions: st.builds(
        PartyPositions,
        party=strategies.slugs(),
        demands=st.lists(strategies.conditions(), max_size=2),
        offers=st.lists(strategies.conditions(), max_size=2),
        stances=st.lists(_TERM_STANCES, max_size=3),
    ),
    # An agreement given a phase with an end (a filter on agreements that have
    # one rejected too many of them for Hypothesis's health check).
    PhaseEnd: st.tuples(
        strategies.agreements(),
        strategies.phases().filter(lambda phase: phase.ends is not None),
    ).map(lambda drawn: _phase_end(*drawn)),
}


def _phase_end(agreement: Agreement, phase: Phase) -> PhaseEnd:
    """The end of the first phase with one, of *agreement* given *phase* last."""
    phases = (*agreement.phases, phase)
    return PhaseEnd(
        agreement=attrs.evolve(agreement, phases=phases),
        index=next(i for i, p in enumerate(phases) if p.ends is not None),
    )


@functools.cache
def _twin_class(cls: type[Any]) -> type[Any]:
    """A plain attrs class with *cls*'s fields: attrs writes its value methods."""
    fields = {
        a.name: attrs.field(
            eq=getattr(a, "eq_key", None) or a.eq, repr=a.repr, hash=a.hash
        )
        for a in attrs.fields(cls)
    }
    twin: type[Any] = attrs.make_class(cls.__name__, fields, frozen=True)
    return twin


def _twin(record: Any) -> Any:
    cls = record.__class__
    twin_cls = _twin_class(cls)
    return twin_cls(*(getattr(record, a.name) for a in attrs.fields(cls)))


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_as_attrs_writes_them(cls: type[Any], data: st.DataObject) -> None:
    """
    Every record class compares, hashes and prints as an attrs class with the
    same fields: the same repr, equal exactly when attrs says so, and equal
    records hash alike (a copy read back from JSON among them).
    """
    drawn = _ANSWERS[cls] if cls in _ANSWERS else for_type(cls)
    first = data.draw(drawn)
    second = data.draw(drawn)
    copy = from_json(cls, to_json(first))
    assert repr(first) == repr(_twin(first))
    assert copy == first
    assert (copy != first) is False
    assert hash(copy) == hash(first)
    assert (first == second) is (_twin(first) == _twin(second))
    assert (first != second) is (_twin(first) != _twin(second))
    if first == second:
        assert hash(first) == hash(second)
    assert first.__eq__(object()) is NotImplemented


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(negotiation=negotiations())
def test_timeline_events_as_attrs_writes_them(negotiation: Negotiation) -> None:
    """Timeline events too: each event's repr, and equality between events."""
    events = negotiation.timeline()
    for event in events:
        assert repr(event) == repr(_twin(event))
        assert event == attrs.evolve(event)
        assert hash(event) == hash(attrs.evolve(event))
    for event, following in itertools.pairwise(events):
        assert (event == following) is (_twin(event) == _twin(following))


def test_moments_compare_by_instant_and_zone() -> None:
    """A field with an ``eq_key`` compares and hashes through it, as in attrs."""
    zoned = "2025-05-16T10:00:00+03:00[Europe/Istanbul]"
    a = StatusChange(status="held", on=parse_moment(zoned))
    b = StatusChange(status="held", on=parse_moment(zoned))
    c = StatusChange(status="held", on=parse_moment("2025-05-16T10:00:00+03:00"))
    assert a == b
    assert hash(a) == hash(b)
    assert a != c  # the same instant, but a fixed offset is not the zone


def test_other_classes_are_not_equal() -> None:
    """A record never equals a record of another class with the same values."""
    person = Representative(name="Rustem Umerov")
    assert person != Party(id="ukraine", name="Rustem Umerov", kind="person")
    assert person != "Rustem Umerov"


def test_written_on_first_use() -> None:
    """
    Importing the package writes none of the three for a record class; the
    first call writes the class's own and sets it on the class.
    """
    script = textwrap.dedent(
        """
        from negotiation_records import Party
        names = ("__eq__", "__hash__", "__repr__")
        print(sorted(n for n in names if n in vars(Party)))
        party = Party(id="ukraine", name="Ukraine", kind="state")
        repr(party), hash(party), party == party
        print(sorted(n for n in names if n in vars(Party)))
        """
    )
    out = subprocess.run(  # noqa: S603 - this Python, the script above
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert out[:2] == ["[]", "['__eq__', '__hash__', '__repr__']"]


def test_an_attrs_subclass_gets_attrs_methods() -> None:
    """A user's attrs subclass of a record has attrs' methods, with its own fields."""

    @attrs.frozen(kw_only=True)
    class Tagged(Party):
        tag: str = "x"

    one = Tagged(id="ukraine", name="Ukraine", kind=PartyKind.STATE, tag="a")
    other = Tagged(id="ukraine", name="Ukraine", kind=PartyKind.STATE, tag="b")
    assert one != other
    assert "tag='a'" in repr(one)


def test_a_plain_subclass_compares_by_its_fields() -> None:
    """A subclass without a decorator writes its own methods, for its own class."""

    class Quiet(Party):
        pass

    quiet = Quiet(id="ukraine", name="Ukraine", kind="state")
    assert quiet == Quiet(id="ukraine", name="Ukraine", kind="state")
    assert quiet != Party(id="ukraine", name="Ukraine", kind="state")
    assert repr(quiet).startswith("Quiet(id='ukraine'")


def test_a_subclass_method_that_calls_super_stays_in_force() -> None:
    """
    A subclass's own ``__repr__`` or ``__eq__`` that calls ``super()`` before
    the record class's method is written stays the subclass's (a mixin's
    too): the written method goes on the record class, below the override
    (as attrs' would be), whatever was printed or compared first; a
    subclass that takes over ``Party.__hash__`` hashes again and again.
    """
    script = textwrap.dedent(
        """
        from negotiation_records import Party

        class Tagged(Party):
            __slots__ = ()

            def __repr__(self):
                return "<Tagged " + super().__repr__() + ">"

            def __eq__(self, other):
                return "same" if super().__eq__(other) else "different"

            __hash__ = Party.__hash__

        class Deeper(Tagged):
            __slots__ = ()

        class Loud:  # a mixin before the record class
            def __repr__(self):
                return "!" + super().__repr__()

        class Plain:
            pass

        class Mixed(Loud, Plain, Party):
            __slots__ = ()

        one = Tagged(id="ua", name="UA", kind="state")
        deeper = Deeper(id="ua", name="UA", kind="state")
        print(repr(one)[:18], repr(one)[:18], repr(deeper)[:18])
        print(one == one, one == one, deeper == deeper)
        print(hash(one) == hash(one) == hash(deeper), len({one}))
        print(repr(Mixed(id="ua", name="UA", kind="state"))[:10])
        print(repr(Party(id="ua", name="UA", kind="state"))[:12])
        print(sorted(n for n in ("__eq__", "__hash__", "__repr__") if n in vars(Party)))
        """
    )
    out = subprocess.run(  # noqa: S603 - this Python, the script above
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert out[:6] == [
        "<Tagged Tagged(id= <Tagged Tagged(id= <Tagged Deeper(id=",
        "same same same",
        "True 1",
        "!Mixed(id=",
        "Party(id='ua",
        "['__eq__', '__hash__', '__repr__']",
    ]


def test_negotiation_in_a_set() -> None:
    """Records are hashable values: equal negotiations collapse in a set."""
    built = Negotiation(id="talks", title="Talks")
    assert {built, from_json(Negotiation, to_json(built))} == {built}


def test_pickled_and_copied_records_stay_equal() -> None:
    """A record through pickle or a deep copy equals it and hashes alike."""
    built = Negotiation(
        id="talks",
        title="Talks",
        parties=[Party(id="ukraine", name="Україна", kind=PartyKind.STATE)],
    )
    for twin in (pickle.loads(pickle.dumps(built)), copy.deepcopy(built)):  # noqa: S301
        assert twin == built
        assert hash(twin) == hash(built)
        assert repr(twin) == repr(built)


# --- the second of two repeated wall times through pickle and copy ----------------

EST_AFTER_EDT = pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York", fold=1)


def _same_instants(first: Any, second: Any) -> bool:
    """Equal, and every moment field at the same offset (the fold kept)."""
    return first == second and all(
        getattr(getattr(first, a.name), "utcoffset", lambda: None)()
        == getattr(getattr(second, a.name), "utcoffset", lambda: None)()
        for a in attrs.fields(type(first))
    )


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_keeps_the_second_of_two_repeated_wall_times(protocol: int) -> None:
    """01:30 EST on the night the clocks go back does not come back as 01:30 EDT."""
    assert EST_AFTER_EDT.fold == 1
    said = Statement(id="s", speaker="A", text="x", said_on=EST_AFTER_EDT)
    deadline = Deadline.after(EST_AFTER_EDT, hours=1)
    for record in (said, deadline):
        twin = pickle.loads(pickle.dumps(record, protocol=protocol))  # noqa: S301
        assert _same_instants(twin, record)
        assert to_json(twin) == to_json(record)


def test_copies_keep_the_fold_and_the_class() -> None:
    """copy.copy and copy.deepcopy give the same record, a plain DateTime inside."""
    said = Statement(id="s", speaker="A", text="x", said_on=EST_AFTER_EDT)
    for twin in (copy.copy(said), copy.deepcopy(said)):
        assert _same_instants(twin, said)
        assert type(twin.said_on) is type(EST_AFTER_EDT)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_record_pickles_as_itself(data: st.DataObject) -> None:
    """Generated records of every class (repeated wall times included) pickle
    to equal records that write the same JSON."""
    cls = data.draw(st.sampled_from(RECORD_TYPES))
    record = data.draw(for_type(cls))
    twin = pickle.loads(pickle.dumps(record))  # noqa: S301 - our own bytes
    assert twin == record
    assert to_json(twin) == to_json(record)


# --- kinds, periods and partial dates: the same value methods, written once --------


def _all_kinds() -> list[Any]:
    """Every kind the package's record fields use (equal ones once)."""
    from negotiation_records.fields import kind_of

    found: dict[Any, None] = {}
    for cls in RECORD_CLASSES:
        for attribute in attrs.fields(cls):
            kind = kind_of(attribute)
            if kind is not None:
                found.setdefault(kind, None)
    return list(found)


@pytest.mark.parametrize("kind", _all_kinds(), ids=repr)
def test_kinds_compare_hash_and_print_by_their_fields(kind: Any) -> None:
    """
    Each kind of the package equals a copy of itself (and hashes alike),
    equals no kind of another class, prints its fields in its constructor's
    order, is rebuilt equal by copy and pickle, and is frozen.
    """
    twin = copy.copy(kind)
    assert twin == kind
    assert hash(twin) == hash(kind)
    assert (twin != kind) is False
    assert kind.__eq__(object()) is NotImplemented
    names = type(kind)._fields
    assert list(names) == list(inspect.signature(type(kind)).parameters)
    shown = ", ".join(f"{name}={getattr(kind, name)!r}" for name in names)
    assert repr(kind) == f"{type(kind).__name__}({shown})"
    assert copy.deepcopy(kind) == kind
    assert pickle.loads(pickle.dumps(kind)) == kind  # noqa: S301 - our own bytes
    assert type(kind)(*(getattr(kind, name) for name in names)) == kind
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        kind.anything = 1
    for name in names:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(kind, name, None)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(kind, name)
    assert not attrs.has(type(kind))  # no attrs class to build on import


def test_a_kind_of_your_own_as_an_attrs_class_compares_by_its_fields() -> None:
    """A user's attrs kind compares, hashes and prints by its attrs fields."""
    from negotiation_records.fields import Kind

    @attrs.frozen(eq=False, repr=False)
    class Between(Kind):
        low: int
        high: int = attrs.field(default=10, repr=False)

    assert Between(1) == Between(1, 10)
    assert hash(Between(1)) == hash(Between(1, 10))
    assert Between(1) != Between(1, 11)
    assert repr(Between(2)) == "Between(low=2)"


def test_an_attrs_kind_extending_the_packages_keeps_its_defaults() -> None:
    """
    An attrs class that extends a kind of the package sets its own fields;
    the package kind's take their defaults, and it works as that kind.
    """
    from negotiation_records.fields import Int, Many

    @attrs.frozen(eq=False, repr=False)
    class Percent(Int):
        unit: str = "%"

    percent = Percent()
    assert (percent.min, percent.max, percent.unit) == (None, None, "%")
    assert percent.problems(1.5) == Int().problems(1.5)
    assert percent.problems(1.5)
    assert percent == Percent("%") != Percent("pp")
    assert repr(percent) == "Percent(unit='%')"

    @attrs.frozen(eq=False, repr=False)
    class Tags(Many):
        pass

    with pytest.raises(TypeError, match="kind"):  # Many's kind has no default
        Tags()


def test_kinds_differ_by_their_fields_and_class() -> None:
    """Kinds with other field values, or of another class, are not equal."""
    from negotiation_records.fields import Int, Many, Maybe, Slug, Text

    assert Int(min=1) == Int(min=1)
    assert hash(Int(min=1)) == hash(Int(min=1))
    assert Int(min=1) != Int(min=0)
    assert Many(Slug(), unique="id") != Many(Slug())
    assert Maybe(Text()) == Maybe(Text())
    assert Maybe(Text()) != Maybe(Slug())
    assert Text() != Slug()
    assert repr(Many(Slug(), min_items=1)) == (
        "Many(kind=Slug(), unique=None, min_items=1, single=False)"
    )


def test_choice_compares_by_its_enum_only() -> None:
    """A choice's derived lookup tables take no part in equality or repr."""
    from negotiation_records.fields import Choice

    kind = Choice(PartyKind)
    assert kind == Choice(PartyKind)
    assert repr(kind) == "Choice(enum=<enum 'PartyKind'>)"


def test_a_kind_of_your_own_compares_by_identity() -> None:
    """A kind that is not an attrs class keeps ``object``'s equality and hash."""
    from negotiation_records.fields import Kind

    class Mine(Kind):
        pass

    mine = Mine()
    assert mine.__eq__(mine) is True
    assert mine != Mine()
    assert hash(mine) == object.__hash__(mine)
    assert repr(mine).startswith("<")


@settings(max_examples=50, deadline=None)
@given(
    st.builds(
        dict,
        years=st.integers(0, 3),
        months=st.integers(0, 3),
        days=st.integers(0, 3),
        hours=st.integers(0, 3),
    ),
    st.builds(
        dict,
        years=st.integers(0, 3),
        months=st.integers(0, 3),
        days=st.integers(0, 3),
        hours=st.integers(0, 3),
    ),
)
def test_periods_as_attrs_writes_them(
    first: dict[str, int], second: dict[str, int]
) -> None:
    """Periods compare, hash and print as an attrs class with their fields."""
    from negotiation_records import Period

    one, other = Period(**first), Period(**second)
    twin_one, twin_other = _twin(one), _twin(other)
    assert repr(one) == repr(twin_one)
    assert (one == other) is (twin_one == twin_other)
    assert one == Period.parse(str(one))
    assert hash(one) == hash(Period.parse(str(one)))
    assert one.__eq__(object()) is NotImplemented


@given(
    st.tuples(st.integers(1, 9999), st.none() | st.integers(1, 12)),
    st.tuples(st.integers(1, 9999), st.none() | st.integers(1, 12)),
)
def test_partial_dates_as_attrs_writes_them(
    first: tuple[int, int | None], second: tuple[int, int | None]
) -> None:
    """Partial dates compare, hash and print as an attrs class with their fields."""
    from negotiation_records import PartialDate

    one, other = PartialDate(*first), PartialDate(*second)
    assert repr(one) == repr(_twin(one))
    assert (one == other) is (first == second)
    assert (one != other) is (first != second)
    assert hash(one) == hash(PartialDate(*first))
    assert pickle.loads(pickle.dumps(one)) == one  # noqa: S301 - our own bytes
