"""
A key of format version 1 in a record read inside another type.

A version-2 negotiation holding a ``status`` (version-1 code that set it on
``to_dict`` output), or a proposal holding one, is refused and told as such,
with ``strict=False`` too, rather than dropped: not only read alone
(``from_json(Negotiation, ...)``) but wherever the type read puts it (a list
of negotiations, a dict of proposals, an optional one, a user's attrs class
holding them), at any depth, each problem at its own path.
"""

import copy
import dataclasses
import io
import json
import sys
from collections.abc import Callable
from typing import (
    Annotated,
    Any,
    Generic,
    Literal,
    NamedTuple,
    NewType,
    TypedDict,
    TypeVar,
)

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    JSONLinesError,
    Negotiation,
    Party,
    Proposal,
    Ultimatum,
    ValidationError,
    from_dict,
    from_json,
    make_converter,
    read_jsonl,
    to_dict,
)
from negotiation_records._nested_records import NOTHING, Found, walker
from negotiation_records._record_versions import version_1_hints
from negotiation_records.errors import join_path


T = TypeVar("T")

TOLD = "(a key of format version 1; version 2 writes it in 'history')"
HINT = "(a version-1 record? read it with schema_version=1)"

PROPOSAL: dict[str, Any] = {
    "id": "p",
    "proposed_by": ["a"],
    "addressed_to": ["b"],
    "made_on": "2025-07-01",
    "summary": "Meet",
}
#: A proposal holding the keys version 1 wrote, and version 2 dropped.
OLD_PROPOSAL: dict[str, Any] = {
    **PROPOSAL,
    "status": "withdrawn",
    "status_on": "2025-07-21",
}
PROPOSAL_TOLD = [
    ("status", f"unknown key 'status' {HINT}"),
    ("status_on", f"unknown key 'status_on' {HINT}"),
]

NEGOTIATION: dict[str, Any] = to_dict(
    from_dict(
        Negotiation,
        {
            "schema_version": 2,
            "id": "t",
            "title": "T",
            "parties": [
                {"id": "a", "name": "A", "kind": "state"},
                {"id": "b", "name": "B", "kind": "state"},
            ],
            "proposals": [PROPOSAL],
        },
    )
)
#: A version-2 negotiation that version-1 code gave a status, and its proposal one.
OLD_NEGOTIATION: dict[str, Any] = copy.deepcopy(NEGOTIATION)
OLD_NEGOTIATION["status"] = "concluded"
OLD_NEGOTIATION["proposals"][0]["status"] = "withdrawn"
#: In document order: the status was set last, after the proposals.
NEGOTIATION_TOLD = [
    ("proposals[0].status", f"unknown key 'status' {TOLD}"),
    ("status", f"unknown key 'status' {TOLD}"),
]


@attrs.frozen
class Briefing:
    """A user's own class holding records."""

    analyst: str
    proposals: tuple[Proposal, ...] = ()
    talks: list[Negotiation] = attrs.field(factory=list)


@attrs.frozen
class Folder:
    """A user's class holding itself."""

    name: str
    proposals: list[Proposal] = attrs.field(factory=list)
    folders: list["Folder"] = attrs.field(factory=list)


@attrs.frozen
class Box(Generic[T]):
    """A generic user class."""

    item: T


@dataclasses.dataclass(frozen=True)
class Note:
    """A user's dataclass holding a record."""

    proposal: Proposal


class Pair(NamedTuple):
    """A user's named tuple holding a record."""

    rank: int
    proposal: Proposal


CONVERTER = make_converter()


def _errors(cls: Any, data: Any, **options: Any) -> list[tuple[str, str]]:
    """The problems from_dict reports."""
    with pytest.raises(ValidationError) as caught:
        from_dict(cls, data, **options)
    return list(caught.value.errors)


def _json_errors(cls: Any, data: Any, **options: Any) -> list[tuple[str, str]]:
    """The problems from_json reports for *data* written as JSON."""
    with pytest.raises(ValidationError) as caught:
        from_json(cls, json.dumps(data), **options)
    return list(caught.value.errors)


def _at(prefix: str, problems: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(join_path(prefix, path), message) for path, message in problems]


#: The types ``schema_version=1`` reads, where the hint says to use it.
VERSIONED = (Proposal, list[Proposal], tuple[Proposal, ...])


def _hint(cls: Any, prefix: str) -> str:
    """
    The hint for a version-1 proposal at *prefix* in data read as *cls*:
    ``schema_version=1`` where it reads *cls*, else to read the proposal
    alone (``tests/test_version_1_hint_advice.py`` follows each).
    """
    if cls in VERSIONED:
        return HINT
    if not prefix:
        return (
            "(a version-1 record? read it as Proposal, not as the type given, with "
            "schema_version=1, which takes a record class or a list of one)"
        )
    return (
        f"(a version-1 record? read the Proposal at {prefix} alone, with "
        "from_dict(Proposal, ..., schema_version=1): schema_version= takes a "
        "record class or a list of one, not the type given)"
    )


def _told(
    cls: Any, prefix: str, problems: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """*problems* (of a proposal, hinted for reading it alone) at *prefix* in *cls*."""
    hint = _hint(cls, prefix)
    return [(p, m.replace(HINT, hint)) for p, m in _at(prefix, problems)]


def _list(cls: Any) -> Any:
    return list[cls]


def _tuple(cls: Any) -> Any:
    return tuple[cls, ...]


def _dict(cls: Any) -> Any:
    return dict[str, cls]


def _optional(cls: Any) -> Any:
    return cls | None


def _row(cls: Any) -> Any:
    return tuple[str, cls]


def _box(cls: Any) -> Any:
    return Box[cls]


#: (type, data holding the record once, the record's path in it, options)
#: for a record's (*old*) data, the good data of the same class beside it.
Shape = Callable[[Any, Any, dict[str, Any]], tuple[Any, Any, str, dict[str, Any]]]

SHAPES: dict[str, Shape] = {
    "list": lambda cls, old, good: (_list(cls), [good, old], "[1]", {}),
    "tuple": lambda cls, old, good: (_tuple(cls), [old], "[0]", {}),
    "dict": lambda cls, old, good: (_dict(cls), {"x": good, "y": old}, "['y']", {}),
    "list of lists": lambda cls, old, good: (
        _list(_list(cls)),
        [[good], [good, old]],
        "[1][1]",
        {},
    ),
    "dict of lists": lambda cls, old, good: (
        _dict(_list(cls)),
        {"k": [old]},
        "['k'][0]",
        {},
    ),
    "optional": lambda cls, old, good: (_optional(cls), old, "", {}),
    "list of optionals": lambda cls, old, good: (
        _list(_optional(cls)),
        [None, old],
        "[1]",
        {},
    ),
    "tuple of a string and one": lambda cls, old, good: (
        _row(cls),
        ["x", old],
        "[1]",
        {},
    ),
    "generic attrs class": lambda cls, old, good: (
        _box(_list(cls)),
        {"item": [good, old]},
        "item[1]",
        {"converter": CONVERTER},
    ),
}


class TestNegotiationsInContainers:
    """A version-2 negotiation's keys of version 1, told at their paths."""

    @pytest.mark.parametrize("strict", [True, False])
    def test_a_list_of_negotiations(self, strict: bool) -> None:
        """The reproducer: refused with strict=False too, told with strict=True too."""
        expected = [
            ("[0].proposals[0].status", f"unknown key 'status' {TOLD}"),
            ("[0].status", f"unknown key 'status' {TOLD}"),
        ]
        assert _errors(list[Negotiation], [OLD_NEGOTIATION], strict=strict) == expected
        assert (
            _json_errors(list[Negotiation], [OLD_NEGOTIATION], strict=strict)
            == expected
        )

    @pytest.mark.parametrize("strict", [True, False])
    def test_alone_the_same(self, strict: bool) -> None:
        """A negotiation read alone tells the same keys in the same order."""
        assert _errors(Negotiation, OLD_NEGOTIATION, strict=strict) == NEGOTIATION_TOLD

    @pytest.mark.parametrize("strict", [True, False])
    @pytest.mark.parametrize("shape", sorted(SHAPES))
    def test_every_shape(self, shape: str, strict: bool) -> None:
        """Each container shape: the problems of the negotiation alone, at its path."""
        cls, data, prefix, options = SHAPES[shape](
            Negotiation, OLD_NEGOTIATION, NEGOTIATION
        )
        expected = _at(prefix, NEGOTIATION_TOLD)
        assert _errors(cls, data, strict=strict, **options) == expected
        assert _json_errors(cls, data, strict=strict, **options) == expected

    @pytest.mark.parametrize("strict", [True, False])
    def test_in_a_users_class(self, strict: bool) -> None:
        """An attrs class of the user's, read with their converter."""
        data = {"analyst": "Desk", "talks": [NEGOTIATION, OLD_NEGOTIATION]}
        assert _errors(Briefing, data, strict=strict, converter=CONVERTER) == [
            ("talks[1].proposals[0].status", f"unknown key 'status' {TOLD}"),
            ("talks[1].status", f"unknown key 'status' {TOLD}"),
        ]

    @pytest.mark.parametrize("strict", [True, False])
    def test_other_problems_are_kept(self, strict: bool) -> None:
        """A problem of another kind stays, beside the told keys."""
        old = copy.deepcopy(OLD_NEGOTIATION)
        old["title"] = 7
        errors = _errors(list[Negotiation], [NEGOTIATION, old], strict=strict)
        assert sorted(errors) == sorted(
            [
                ("[1].title", "must be a string, got number 7"),
                ("[1].status", f"unknown key 'status' {TOLD}"),
                ("[1].proposals[0].status", f"unknown key 'status' {TOLD}"),
            ]
        )

    def test_a_version_1_negotiation_in_a_list_is_migrated(self) -> None:
        """A negotiation that says version 1 holds its status rightly: read, not refused."""
        old = {"schema_version": 1, "id": "t", "title": "T", "status": "concluded"}
        for strict in (True, False):
            (read,) = from_dict(list[Negotiation], [old], strict=strict)
            assert read == from_dict(Negotiation, old)


class TestProposalsInContainers:
    """A proposal holding what version 1 wrote: hinted, at its path, in every shape."""

    @pytest.mark.parametrize("strict", [True, False])
    def test_the_reported_shapes(self, strict: bool) -> None:
        """The shapes that dropped the status silently with strict=False."""
        old = {**PROPOSAL, "status": "withdrawn"}
        told = [("status", f"unknown key 'status' {HINT}")]
        assert _errors(dict[str, Proposal], {"x": old}, strict=strict) == _told(
            dict[str, Proposal], "['x']", told
        )
        assert _errors(list[list[Proposal]], [[old]], strict=strict) == _told(
            list[list[Proposal]], "[0][0]", told
        )
        assert _errors(Proposal | None, old, strict=strict) == _told(
            Proposal | None, "", told
        )
        briefing = {"analyst": "A", "proposals": [old]}
        assert _errors(Briefing, briefing, strict=strict, converter=CONVERTER) == _told(
            Briefing, "proposals[0]", told
        )
        assert _errors(tuple[Proposal, ...], [old], strict=strict) == [
            ("[0].status", f"unknown key 'status' {HINT}")
        ]

    @pytest.mark.parametrize("strict", [True, False])
    @pytest.mark.parametrize("shape", sorted(SHAPES))
    def test_every_shape(self, shape: str, strict: bool) -> None:
        """Each container shape: the problems of the proposal alone, at its path."""
        cls, data, prefix, options = SHAPES[shape](Proposal, OLD_PROPOSAL, PROPOSAL)
        assert _errors(Proposal, OLD_PROPOSAL, strict=strict) == PROPOSAL_TOLD
        expected = _told(cls, prefix, PROPOSAL_TOLD)
        assert _errors(cls, data, strict=strict, **options) == expected
        assert _json_errors(cls, data, strict=strict, **options) == expected

    @pytest.mark.parametrize("strict", [True, False])
    def test_dataclasses_and_named_tuples(self, strict: bool) -> None:
        """A user's dataclass and NamedTuple hold records too."""
        assert _errors(
            Note, {"proposal": OLD_PROPOSAL}, strict=strict, converter=CONVERTER
        ) == _told(Note, "proposal", PROPOSAL_TOLD)
        assert _errors(
            Pair, [2, OLD_PROPOSAL], strict=strict, converter=CONVERTER
        ) == _told(Pair, "[1]", PROPOSAL_TOLD)

    @pytest.mark.parametrize("strict", [True, False])
    def test_a_class_holding_itself(self, strict: bool) -> None:
        """At any depth of a class that holds itself."""
        data = {
            "name": "root",
            "folders": [
                {"name": "a"},
                {"name": "b", "folders": [{"name": "c", "proposals": [OLD_PROPOSAL]}]},
            ],
        }
        assert _errors(Folder, data, strict=strict, converter=CONVERTER) == _told(
            Folder, "folders[1].folders[0].proposals[0]", PROPOSAL_TOLD
        )

    @pytest.mark.parametrize("strict", [True, False])
    def test_each_record_once_in_document_order(self, strict: bool) -> None:
        """Several old records: each told at its own path, items in order."""
        data = {"b": [OLD_PROPOSAL, PROPOSAL, OLD_PROPOSAL], "a": [OLD_PROPOSAL]}
        cls = dict[str, list[Proposal]]
        assert _errors(cls, data, strict=strict) == [
            *_told(cls, "['b'][0]", PROPOSAL_TOLD),
            *_told(cls, "['b'][2]", PROPOSAL_TOLD),
            *_told(cls, "['a'][0]", PROPOSAL_TOLD),
        ]

    def test_other_problems_keep_their_place(self) -> None:
        """The hint replaces only the version-1 keys' own problems."""
        old = {**OLD_PROPOSAL, "summary": ""}
        for strict in (True, False):
            assert _errors(dict[str, Proposal], {"x": old}, strict=strict) == [
                ("['x'].summary", "must be non-empty text, got ''"),
                *_told(dict[str, Proposal], "['x']", PROPOSAL_TOLD),
            ]

    def test_a_union_is_decided_by_what_was_read(self) -> None:
        """
        With strict=False the record read decides which class's keys an arm
        of a union has; with strict=True nothing is read, and no hint is guessed.
        """
        old = {**PROPOSAL, "status": "withdrawn"}
        assert _errors(Proposal | Ultimatum, old, strict=False) == [
            ("status", f"unknown key 'status' {_hint(Proposal | Ultimatum, '')}")
        ]
        assert _errors(Proposal | Ultimatum, old) == [("$", "unknown key 'status'")]

    def test_a_version_1_id_gets_its_hint(self) -> None:
        """A proposer's id where version 2 wants a list: hinted in a dict too."""
        old = {**PROPOSAL, "proposed_by": "a"}
        hint = _hint(dict[str, Proposal], "['x']")
        assert _errors(dict[str, Proposal], {"x": old}) == [
            ("['x'].proposed_by", f"must be an array, got string 'a' {hint}")
        ]


class TestNothingElseChanges:
    """Current records load as before; keys a newer writer added are still ignored."""

    @pytest.mark.parametrize("shape", sorted(SHAPES))
    def test_current_records_load_the_same(self, shape: str) -> None:
        for cls_, good in ((Proposal, PROPOSAL), (Negotiation, NEGOTIATION)):
            cls, data, _, options = SHAPES[shape](cls_, good, good)
            assert from_dict(cls, data, strict=False, **options) == from_dict(
                cls, data, **options
            )

    def test_newer_keys_are_ignored_with_strict_false(self) -> None:
        newer = {**PROPOSAL, "flag": "x"}
        document = {**NEGOTIATION, "colour": "blue"}
        read = from_dict(dict[str, Proposal], {"x": newer}, strict=False)
        assert read == {"x": from_dict(Proposal, PROPOSAL)}
        (talks,) = from_dict(list[Negotiation], [document], strict=False)
        assert talks == from_dict(Negotiation, NEGOTIATION)
        briefing = {"analyst": "A", "proposals": [newer], "extra": 1}
        loaded = from_dict(Briefing, briefing, strict=False, converter=CONVERTER)
        assert loaded.proposals == (from_dict(Proposal, PROPOSAL),)

    def test_types_without_such_records(self) -> None:
        """Parties hold no dropped key: a list of them ignores unknown keys as before."""
        party = {"id": "a", "name": "A", "kind": "state", "status": "x"}
        assert from_dict(dict[str, Party], {"a": party}, strict=False)["a"].id == "a"
        assert _errors(dict[str, Party], {"a": party}) == [
            ("['a']", "unknown key 'status'")
        ]


def test_json_lines_of_a_users_class() -> None:
    """read_jsonl of a user's class: refused at the line, with strict=False too."""
    lines = [
        json.dumps({"analyst": "A", "proposals": [PROPOSAL]}),
        json.dumps({"analyst": "B", "proposals": [PROPOSAL, OLD_PROPOSAL]}),
    ]
    for strict in (True, False):
        read = read_jsonl(
            Briefing, io.StringIO("\n".join(lines)), strict=strict, converter=CONVERTER
        )
        assert next(read).analyst == "A"
        with pytest.raises(JSONLinesError) as caught:
            next(read)
        assert caught.value.line == 2
        assert list(caught.value.errors) == _told(
            Briefing, "proposals[1]", PROPOSAL_TOLD
        )


#: A wrapping: (type of what it wraps) -> type, and (data, good data) -> data and its path.
Wrap = tuple[Callable[[Any], Any], Callable[[Any, Any], tuple[Any, str]]]


@st.composite
def _wraps(draw: st.DrawFn) -> Wrap:
    """One container around a value: where the value sits in it is drawn."""
    kind = draw(st.sampled_from(["list", "dict", "tuple", "optional", "row", "box"]))
    if kind == "list":
        before = draw(st.integers(0, 2))
        after = draw(st.integers(0, 2))
        return (
            _list,
            lambda old, good: ([good] * before + [old] + [good] * after, f"[{before}]"),
        )
    if kind == "dict":
        key = draw(st.text(min_size=1, max_size=4))
        return (
            _dict,
            lambda old, good: ({"other": good, key: old}, f"[{key!r}]"),
        )
    if kind == "tuple":
        return (_tuple, lambda old, good: ([old], "[0]"))
    if kind == "optional":
        return (_optional, lambda old, good: (old, ""))
    if kind == "row":
        return (_row, lambda old, good: (["x", old], "[1]"))
    return (_box, lambda old, good: ({"item": old}, "item"))


@settings(max_examples=60, deadline=None)
@given(
    wraps=st.lists(_wraps(), max_size=4),
    negotiation=st.booleans(),
    strict=st.booleans(),
)
def test_any_nesting_tells_the_keys_at_their_paths(
    wraps: list[Wrap], negotiation: bool, strict: bool
) -> None:
    """However the record is nested, its problems are its own, at its path."""
    if negotiation:
        cls: Any = Negotiation
        old: Any = OLD_NEGOTIATION
        good: Any = NEGOTIATION
        told = NEGOTIATION_TOLD
    else:
        cls, old, good, told = Proposal, OLD_PROPOSAL, PROPOSAL, PROPOSAL_TOLD
    path = ""
    for wrap_type, wrap_data in wraps:
        cls = wrap_type(cls)
        old, at = wrap_data(old, good)
        good, _ = wrap_data(good, good)
        path = join_path(at, path) if path else at
    expected = _at(path, told) if negotiation else _told(cls, path, told)
    assert _errors(cls, old, strict=strict, converter=CONVERTER) == expected
    assert from_dict(cls, good, strict=strict, converter=CONVERTER) == from_dict(
        cls, good, converter=CONVERTER
    )


class Rows(TypedDict):
    """A user's TypedDict holding records."""

    name: str
    proposals: list[Proposal]


@attrs.frozen
class Shelf(Generic[T]):
    """A generic user class whose field holds its argument in a list."""

    items: list[T]
    spare: dict[str, T] = attrs.field(factory=dict)


@attrs.frozen
class Chain:
    """A user class holding itself before it holds a record."""

    links: list["Chain"]
    proposal: Annotated[Proposal | None, "optional"] = None


@attrs.frozen
class Unknown:
    """A user class whose annotation names nothing: the load refuses it, not the walk."""

    item: "NoSuchClass"  # type: ignore[name-defined]  # noqa: F821


ProposalId = NewType("ProposalId", Proposal)
Proposals = NewType("Proposals", list[Proposal])


def _proposals(record: type[Any]) -> bool:
    return record is Proposal


def _found(cls: Any, data: Any, value: Any = NOTHING) -> dict[str, str]:
    """The records the walk of *cls* finds in *data*: path -> class name."""
    walk = walker(cls, _proposals)
    assert walk is not None
    found: Found = {}
    walk(data, value, "", found)
    return {path: record.__name__ for path, (record, _) in found.items()}


class TestTheWalk:
    """Where the walk of a type finds records, shape by shape."""

    def test_wrapped_types(self) -> None:
        """Annotated (its metadata no dict key too), NewType and type aliases."""
        # The Python 3.12 `type` statement's alias, as typing_extensions
        # makes it on 3.11 (installed with cattrs, not a dependency of ours).
        aliases = pytest.importorskip("typing_extensions")
        alias = aliases.TypeAliasType("alias", list[Proposal])
        assert _found(list[Annotated[Proposal, []]], [{}]) == {"[0]": "Proposal"}
        assert _found(dict[str, ProposalId], {"k": {}}) == {"['k']": "Proposal"}
        assert _found(Proposals, [{}]) == {"[0]": "Proposal"}
        assert _found(tuple[alias, ...], [[{}]]) == {"[0][0]": "Proposal"}  # type: ignore[valid-type]

    def test_user_classes(self) -> None:
        """TypedDicts, generic classes (an argument inside a list) and unread names."""
        assert _found(Rows, {"name": "x", "proposals": [{}, {}]}) == {
            "proposals[0]": "Proposal",
            "proposals[1]": "Proposal",
        }
        assert _found(Shelf[Proposal], {"items": [{}], "spare": {"a": {}}}) == {
            "items[0]": "Proposal",
            "spare['a']": "Proposal",
        }
        chain: dict[str, Any] = {"links": [{"links": [], "proposal": {}}]}
        assert _found(Chain, chain) == {"links[0].proposal": "Proposal"}
        assert walker(Unknown, _proposals) is None
        assert walker(Shelf[int], _proposals) is None
        assert walker(Literal["a"], _proposals) is None

    def test_data_of_another_shape_is_passed_by(self) -> None:
        """An object where an array goes, or the reverse: its load reports it."""
        arrays: list[Any] = [list[Proposal], tuple[int, Proposal]]
        objects: list[Any] = [dict[str, Proposal], Rows, Proposal]
        for cls in arrays + objects:
            wrong: Any = {} if cls in arrays else [{}]
            for data in ("x", 1, None, wrong):
                assert _found(cls, data) == {}
        assert _found(tuple[int, Proposal], [1]) == {}

    def test_a_union_is_walked_only_when_known(self) -> None:
        """By the data's shape, else by the value read, else not at all."""
        either = list[Proposal] | dict[str, Proposal]
        assert _found(either, [{}]) == {"[0]": "Proposal"}
        assert _found(either, {"k": {}}) == {"['k']": "Proposal"}
        two = dict[str, Proposal] | Shelf[Proposal]
        assert _found(two, {"items": [{}]}) == {}
        shelf = Shelf(items=[from_dict(Proposal, PROPOSAL)])
        assert _found(two, {"items": [{}]}, shelf) == {"items[0]": "Proposal"}
        by_value = _found(two, {"k": {}}, {"k": from_dict(Proposal, PROPOSAL)})
        assert by_value == {"['k']": "Proposal"}
        assert _found(two, {"k": {}}, 7) == {}
        rows: Rows = {"name": "x", "proposals": []}
        three = Annotated[Shelf[Proposal] | Rows, "either"] | dict[str, Proposal]
        assert _found(three, {"proposals": [{}]}, shelf) == {}
        assert _found(three, {"items": [{}]}, shelf) == {"items[0]": "Proposal"}
        by_rows = _found(Rows | Shelf[Proposal], {"proposals": [{}]}, rows)
        assert by_rows == {"proposals[0]": "Proposal"}

    def test_problems_outside_records_stay(self) -> None:
        """A problem of the user's class itself keeps its place before the records'."""
        briefing = {"analyst": 1, "proposals": [OLD_PROPOSAL]}
        for strict in (True, False):
            errors = _errors(Briefing, briefing, strict=strict, converter=CONVERTER)
            assert errors == [
                ("analyst", "must be a string, got number 1"),
                *_told(Briefing, "proposals[0]", PROPOSAL_TOLD),
            ]
        assert _errors(dict[str, int], {"a": "x"}) == [
            ("['a']", "must be an integer, got string 'x'")
        ]

    def test_data_too_deep_to_walk_keeps_its_problems(self) -> None:
        """Problems of data nested deeper than the walk can go are kept as they are."""
        data: dict[str, Any] = {"name": "leaf", "proposals": [OLD_PROPOSAL]}
        for _ in range(sys.getrecursionlimit()):
            data = {"name": "x", "folders": [data]}
        problems = [("$", "nested too deeply")]
        assert version_1_hints(Folder, data, problems) == problems
