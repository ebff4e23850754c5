"""
A user's own attrs class with enum fields follows the library's strict rules
(docs/serialization.md, "Extending the converter"), whatever the enum mixes
in: a ``StrEnum``, a ``(str, Enum)`` or an ``IntEnum`` is read as an enum (not
as any text or integer) and written as its value, and the JSON Schema gives
each enum the JSON type of its values.
"""

from __future__ import annotations

import enum
import typing

import attrs
import jsonschema
import pytest

from negotiation_records import (
    PartyKind,
    ValidationError,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
)


class Mood(str, enum.Enum):  # noqa: UP042 - the older spelling, on purpose
    CALM = "calm"
    TENSE = "tense"


class Level(enum.StrEnum):
    LOW = "low"
    HIGH = "high"


class Rank(enum.IntEnum):
    FIRST = 1
    SECOND = 2


class Priority(enum.Enum):
    LOW = 1
    HIGH = 2


@attrs.frozen
class Meeting:
    mood: Mood
    level: Level
    rank: Rank
    priority: Priority


MEETING = Meeting(
    mood=Mood.TENSE, level=Level.HIGH, rank=Rank.SECOND, priority=Priority.HIGH
)
WRITTEN = {"mood": "tense", "level": "high", "rank": 2, "priority": 2}


def test_members_are_written_as_their_values_and_read_back() -> None:
    assert to_dict(MEETING) == WRITTEN
    assert to_json(MEETING) == '{"mood":"tense","level":"high","rank":2,"priority":2}'
    read = from_dict(Meeting, WRITTEN)
    assert read == MEETING
    assert type(read.mood) is Mood
    assert type(read.level) is Level
    assert type(read.rank) is Rank


def test_a_value_that_is_no_member_is_refused_at_its_field() -> None:
    with pytest.raises(ValidationError) as caught:
        from_json(
            Meeting, '{"mood": "furious", "level": "top", "rank": 99, "priority": 3}'
        )
    assert [path for path, _ in caught.value.errors] == [
        "mood",
        "level",
        "rank",
        "priority",
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [("mood", 1), ("level", True), ("rank", "2"), ("rank", 2.0), ("priority", "2")],
)
def test_a_value_of_the_wrong_json_type_is_refused(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        from_dict(Meeting, {**WRITTEN, field: value})
    assert [path for path, _ in caught.value.errors] == [field]


def test_the_schema_gives_each_enum_the_json_type_of_its_values() -> None:
    schema = json_schema(Meeting)
    kinds = {
        name: schema["$defs"][name].get("type")
        for name in ("Mood", "Level", "Rank", "Priority")
    }
    assert kinds == {
        "Mood": "string",
        "Level": "string",
        "Rank": "integer",
        "Priority": "integer",
    }
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid(to_dict(MEETING))
    assert not validator.is_valid({**WRITTEN, "priority": "2"})


class Mixed(enum.Enum):
    ONE = 1
    NAMED = "named"


@attrs.frozen
class Holder:
    value: Mixed


def test_an_enum_of_values_of_several_types_is_told_by_its_values_alone() -> None:
    schema = json_schema(Holder)["$defs"]["Mixed"]
    assert "type" not in schema
    assert schema["enum"] == [1, "named"]
    assert from_dict(Holder, {"value": "named"}) == Holder(Mixed.NAMED)


@attrs.frozen
class OnlyState:
    kind: typing.Literal[PartyKind.STATE, Level.HIGH]


def test_a_literal_of_enum_members_is_written_and_read_as_their_values() -> None:
    for member in (PartyKind.STATE, Level.HIGH):
        record = OnlyState(member)
        assert from_json(OnlyState, to_json(record)) == record
    with pytest.raises(ValidationError) as caught:
        from_dict(OnlyState, {"kind": "group"})
    assert caught.value.errors == (
        ("kind", "must be one of 'state', 'high', got string 'group'"),
    )
