"""
Sets, mappings, fixed-length tuples, abstract sequences and ``Literal``, read
and written as strictly as lists: by the library's converter for a type given
to ``from_json``, and by ``make_converter()`` for a class of your own.
"""

from __future__ import annotations

import collections.abc as cabc
import json
import typing
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation_records import (
    Party,
    ValidationError,
    converter,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
)


KREMLIN = Party(id="russia", name="Russia", kind="state", aliases=["the Kremlin"])
KYIV = Party(id="ukraine", name="Ukraine", kind="state")


def read(cls: Any, data: Any) -> Any:
    """from_dict for any type (mypy takes only concrete classes there)."""
    return from_dict(cls, data)


def errors(cls: Any, data: Any, **kwargs: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        from_dict(cls, data, **kwargs)
    return list(info.value.errors)


@attrs.frozen
class Briefing:
    """A class of a user's own, read through make_converter()."""

    analyst: str
    tags: frozenset[str]
    pair: tuple[str, str]
    watched: set[Party] = attrs.field(factory=set)
    notes: cabc.Sequence[str] = ()
    counts: cabc.Mapping[str, int] = attrs.field(factory=dict)
    level: Literal["low", "high"] = "low"


class TestNotAsTheyIterate:
    """What cattrs' own hooks would have read letter by letter, key by key."""

    @pytest.mark.parametrize(
        "cls",
        [
            set[str],
            frozenset[str],
            typing.AbstractSet[str],
            cabc.MutableSet[str],
            cabc.Sequence[str],
            cabc.MutableSequence[str],
            tuple[str, str, str, str],
        ],
    )
    @pytest.mark.parametrize("value", ["Kyiv", {"Kyiv": 1, "Moscow": 2}, 5, None])
    def test_a_collection_is_an_array(self, cls: Any, value: Any) -> None:
        [(path, message)] = errors(cls, value)
        assert path == "$"
        assert message.startswith("must be an array")

    @pytest.mark.parametrize("cls", [dict[str, int], cabc.Mapping[str, int]])
    @pytest.mark.parametrize("value", [[["a", 1]], "ab", 5, None])
    def test_a_mapping_is_an_object(self, cls: Any, value: Any) -> None:
        [(path, message)] = errors(cls, value)
        assert path == "$"
        assert message.startswith("must be an object, got")

    def test_the_messages(self) -> None:
        assert errors(set[str], "Kyiv") == [
            ("$", "must be an array, got string 'Kyiv'")
        ]
        assert errors(dict[str, Party], [["a", 1]]) == [
            ("$", "must be an object, got an array of 1 item")
        ]
        assert errors(tuple[str, str], "ab") == [
            ("$", "must be an array of 2 items, got string 'ab'")
        ]
        assert errors(tuple[str, str], ["a"]) == [
            ("$", "must be an array of 2 items, got 1")
        ]
        assert errors(tuple[str], ["a", "b"]) == [
            ("$", "must be an array of 1 item, got 2")
        ]


class TestItems:
    def test_each_item_is_read_by_its_own_hook_at_its_index(self) -> None:
        assert errors(frozenset[int], [1, "2", True]) == [
            ("[1]", "must be an integer, got string '2'"),
            ("[2]", "must be an integer, got true"),
        ]
        assert errors(tuple[str, int], [1, "1"]) == [
            ("[0]", "must be a string, got number 1"),
            ("[1]", "must be an integer, got string '1'"),
        ]
        problems = errors(cabc.Sequence[Party], [to_dict(KYIV), {"id": "x"}])
        assert [path for path, _ in problems] == ["[1].name", "[1].kind"]

    def test_each_value_of_a_mapping_at_its_key(self) -> None:
        problems = errors(dict[str, int], {"a": 1, "b": "2", "c": 3.5})
        assert problems == [
            ("['b']", "must be an integer, got string '2'"),
            ("['c']", "must be an integer, got number 3.5"),
        ]

    def test_a_mapping_key_is_text(self) -> None:
        """
        from_dict takes what JSON holds: a key that is not text (an int, which
        no JSON object has, and which to_dict refuses to write) is refused at
        its key, as from_json refuses a key "1" where an int belongs.
        """
        assert errors(dict[int, str], {1: "x", 2: "y"}) == [
            ("[1]", "a key must be text, as in JSON, got number 1"),
            ("[2]", "a key must be text, as in JSON, got number 2"),
        ]
        assert errors(dict[str, int], {"a": 1, None: 2}) == [
            ("[None]", "a key must be text, as in JSON, got null"),
        ]
        with pytest.raises(ValidationError, match=r"\['1'\]: must be an integer"):
            from_json(dict[int, str], '{"1": "x"}')

    def test_a_key_given_twice_in_a_mapping(self) -> None:
        """
        Refused as in a record, with the other values' problems: the message
        said the object was no object ("must be an object, got an object").
        """
        party = json.dumps(to_dict(KYIV))
        text = f'{{"a": {party}, "a": {party}, "b": {{"id": "b"}}}}'
        with pytest.raises(ValidationError) as info:
            from_json(dict[str, Party], text)
        assert list(info.value.errors) == [
            ("$", "duplicate key 'a' in one JSON object"),
            ("['b'].name", "required field missing"),
            ("['b'].kind", "required field missing"),
        ]

    def test_a_set_holds_each_item_once(self) -> None:
        """A repeated item is refused, not dropped: the data says it twice."""
        assert errors(set[str], ["a", "b", "a", "a"]) == [
            ("[2]", "repeats item [0]: a set holds each item once"),
            ("[3]", "repeats item [0]: a set holds each item once"),
        ]
        assert errors(frozenset[Party], [to_dict(KYIV), to_dict(KYIV)]) == [
            ("[1]", "repeats item [0]: a set holds each item once")
        ]

    def test_what_is_read(self) -> None:
        assert read(set[str], ["b", "a"]) == {"a", "b"}
        assert type(read(frozenset[str], [])) is frozenset
        assert type(read(typing.AbstractSet[str], [])) is frozenset
        assert type(read(cabc.MutableSet[str], [])) is set
        assert read(cabc.Sequence[str], ["a"]) == ("a",)
        assert read(cabc.MutableSequence[str], ["a"]) == ["a"]
        assert read(tuple[str, int], ["a", 1]) == ("a", 1)
        assert read(tuple[()], []) == ()
        assert read(cabc.Mapping[str, Party], {"r": to_dict(KREMLIN)}) == {"r": KREMLIN}


class TestLiteral:
    def test_a_value_of_the_literal_and_of_its_type(self) -> None:
        assert read(Literal["low", "high"], "high") == "high"
        assert read(Literal[1, 2], 1) == 1
        assert errors(Literal["low", "high"], "medium") == [
            ("$", "must be one of 'low', 'high', got string 'medium'")
        ]
        # true is not 1 and 1.0 is not 1, though Python compares them equal
        assert errors(Literal[1, 2], True) == [  # noqa: FBT003
            ("$", "must be one of 1, 2, got true")
        ]
        assert errors(Literal[1, 2], 1.0) == [
            ("$", "must be one of 1, 2, got number 1.0")
        ]
        assert errors(Literal[1, 2], [1]) == [
            ("$", "must be one of 1, 2, got an array of 1 item")
        ]


class TestAClassOfYourOwn:
    def briefing(self) -> Briefing:
        return Briefing(
            analyst="Desk",
            tags=frozenset({"sanctions", "ceasefire", "oil"}),
            pair=("ukraine", "russia"),
            watched={KREMLIN, KYIV},
            notes=("one", "two"),
            counts={"rounds": 2},
            level="high",
        )

    def test_a_round_trip(self) -> None:
        conv = make_converter()
        briefing = self.briefing()
        text = to_json(briefing, converter=conv)
        assert from_json(Briefing, text, converter=conv) == briefing

    def test_a_set_is_written_in_one_order(self) -> None:
        """The same record gives the same text, whatever order the set iterates in."""
        conv = make_converter()
        written = json.loads(to_json(self.briefing(), converter=conv))
        assert written["tags"] == ["ceasefire", "oil", "sanctions"]
        assert [party["id"] for party in written["watched"]] == ["russia", "ukraine"]
        reordered = attrs.evolve(
            self.briefing(), tags=frozenset(["oil", "sanctions", "ceasefire"])
        )
        assert to_json(reordered, converter=conv) == to_json(
            self.briefing(), converter=conv
        )

    def test_every_problem_with_its_path(self) -> None:
        conv = make_converter()
        data = {
            "analyst": "Desk",
            "tags": "Kyiv",
            "pair": "ab",
            "watched": [to_dict(KYIV), to_dict(KYIV)],
            "notes": {"a": 1},
            "counts": [["rounds", 2]],
            "level": "medium",
        }
        assert errors(Briefing, data, converter=conv) == [
            ("tags", "must be an array, got string 'Kyiv'"),
            ("pair", "must be an array of 2 items, got string 'ab'"),
            ("watched[1]", "repeats item [0]: a set holds each item once"),
            ("notes", "must be an array, got an object with 1 key"),
            ("counts", "must be an object, got an array of 1 item"),
            ("level", "must be one of 'low', 'high', got string 'medium'"),
        ]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=3), inner, max_size=4)
    ),
    max_leaves=12,
)
TYPES = [
    set[int],
    frozenset[str],
    cabc.Sequence[float],
    tuple[str, int],
    dict[str, bool],
    cabc.Mapping[str, list[int]],
    Literal["a", 1],
    set[Party],
    dict[str, frozenset[str]],
]


@pytest.mark.parametrize("cls", TYPES)
@given(value=JSON)
def test_any_json_is_read_or_refused_cleanly(cls: Any, value: Any) -> None:
    """Whatever the JSON, a value or a ValidationError, and the value written
    back reads again as the same."""
    try:
        got = read(cls, value)
    except ValidationError as exc:
        problems = exc.errors
    else:
        assert read(cls, converter.unstructure(got, cls)) == got
        return
    assert problems


@given(items=st.frozensets(st.text()))
def test_a_set_of_text_round_trips_in_one_order(items: frozenset[str]) -> None:
    written = converter.unstructure(items, frozenset[str])
    assert from_dict(frozenset[str], written) == items
    again = converter.unstructure(
        frozenset(sorted(items, reverse=True)), frozenset[str]
    )
    assert json.dumps(again) == json.dumps(written)


def test_a_set_given_alone_is_still_refused_by_to_json() -> None:
    """Given without its type, a set has no order to write (a TypeError, as before)."""
    with pytest.raises(TypeError, match="a set has no order"):
        to_json({"a", "b"})
