"""
The hint on a version-1 record read as the current version says what works.

``schema_version=`` reads a record class, or a list or tuple of one: there
the hint is "read it with schema_version=1".  A version-1 record anywhere
else the type read puts one (a dict, an optional record, a list of lists, a
user's class) used to get the same hint, which ``from_dict`` then refused
with a :class:`TypeError`; its hint now names the record to read alone, at
its path.  Each test asserts the exact hint and follows it.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import json
from typing import Any

import attrs
import pytest

from negotiation_records import (
    Negotiation,
    Party,
    Proposal,
    ProposalStatus,
    Round,
    RoundStatus,
    ValidationError,
    from_dict,
    from_json,
    make_converter,
    read_jsonl,
    to_dict,
)
from negotiation_records.errors import join_path


HINT = "(a version-1 record? read it with schema_version=1)"

#: A proposal as version 1 wrote it: one proposer's id, a status.
OLD: dict[str, Any] = {
    "id": "invite",
    "proposed_by": "ukraine",
    "addressed_to": ["russia"],
    "made_on": "2025-07-19",
    "summary": "A new round in Istanbul next week",
    "status": "rejected",
    "status_on": "2025-07-23",
}
#: A round as version 1 wrote it: a status, an outcome's one quantity.
OLD_ROUND: dict[str, Any] = {
    "number": 1,
    "status": "held",
    "starts": "2025-05-16",
    "outcomes": [
        {
            "text": "Exchange of 1,000 prisoners each",
            "kind": "prisoner-exchange",
            "quantity": {"amount": 1000, "unit": "prisoners", "each": True},
        }
    ],
}


def alone(record: str, path: str) -> str:
    """The hint to read the *record* at *path* alone (not as the type given)."""
    return (
        f"(a version-1 record? read the {record} at {path} alone, with "
        f"from_dict({record}, ..., schema_version=1): schema_version= takes a "
        "record class or a list of one, not the type given)"
    )


AS_ITS_CLASS = (
    "(a version-1 record? read it as Proposal, not as the type given, with "
    "schema_version=1, which takes a record class or a list of one)"
)


def told(prefix: str, hint: str) -> list[tuple[str, str]]:
    """The problems of :data:`OLD` at *prefix*, each with *hint*."""
    return [
        (
            join_path(prefix, "proposed_by"),
            f"must be an array, got string 'ukraine' {hint}",
        ),
        (join_path(prefix, "status"), f"unknown key 'status' {hint}"),
        (join_path(prefix, "status_on"), f"unknown key 'status_on' {hint}"),
    ]


def errors(cls: Any, data: Any, **options: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        from_dict(cls, data, **options)
    return list(info.value.errors)


def json_errors(cls: Any, data: Any, **options: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        from_json(cls, json.dumps(data), **options)
    return list(info.value.errors)


#: The proposal read as version 1, as following any hint gives it.
EXPECTED = from_dict(Proposal, OLD, schema_version=1)


def test_the_proposal_read_alone() -> None:
    assert EXPECTED.proposed_by == ("ukraine",)
    assert EXPECTED.status is ProposalStatus.REJECTED


class TestWhereSchemaVersionReadsTheType:
    """A record class, a list or a tuple of one: the hint is schema_version=1."""

    @pytest.mark.parametrize("strict", [True, False])
    @pytest.mark.parametrize(
        ("cls", "data", "prefix", "expected"),
        [
            (Proposal, OLD, "", EXPECTED),
            (list[Proposal], [OLD], "[0]", [EXPECTED]),
            (tuple[Proposal, ...], [OLD], "[0]", (EXPECTED,)),
        ],
        ids=["record", "list", "tuple"],
    )
    def test_the_hint_and_following_it(
        self, cls: Any, data: Any, prefix: str, expected: Any, strict: bool
    ) -> None:
        problems = told(prefix, HINT)
        assert errors(cls, data, strict=strict) == problems
        assert json_errors(cls, data, strict=strict) == problems
        assert from_dict(cls, data, strict=strict, schema_version=1) == expected
        text = json.dumps(data)
        assert from_json(cls, text, strict=strict, schema_version=1) == expected

    def test_json_lines(self) -> None:
        """read_jsonl(Proposal): the line's hint, and schema_version=1 reads it."""
        lines = json.dumps(OLD) + "\n"
        with pytest.raises(ValidationError) as info:
            list(read_jsonl(Proposal, io.StringIO(lines)))
        assert list(info.value.errors) == told("", HINT)
        read = list(read_jsonl(Proposal, io.StringIO(lines), schema_version=1))
        assert read == [EXPECTED]

    def test_a_record_holding_a_version_1_record(self) -> None:
        """A round whose outcome holds version 1's quantity: the round is read as version 1."""
        assert errors(Round, OLD_ROUND) == [
            ("status", f"unknown key 'status' {HINT}"),
            ("outcomes[0].quantity", f"unknown key 'quantity' {HINT}"),
        ]
        rnd = from_dict(Round, OLD_ROUND, schema_version=1)
        assert rnd.status is RoundStatus.HELD
        assert rnd.outcomes[0].quantities[0].amount == 1000


@attrs.frozen
class Briefing:
    """A user's own attrs class holding records."""

    analyst: str
    proposals: tuple[Proposal, ...] = ()
    talks: list[Negotiation] = attrs.field(factory=list)


@dataclasses.dataclass(frozen=True)
class Note:
    """A user's dataclass holding a record."""

    proposal: Proposal | None


CONVERTER = make_converter()


def _schema_version_refuses(cls: Any, data: Any, **options: Any) -> None:
    """What the old hint advised does not work for *cls*: a TypeError."""
    with pytest.raises(TypeError):
        from_dict(cls, data, schema_version=1, **options)


# (type, data holding OLD, the path of OLD in it, data with OLD replaced
# by ``new``, options for the loader)
SHAPES: dict[str, Any] = {
    "dict": (
        dict[str, Proposal],
        {"x": OLD},
        "['x']",
        lambda new: {"x": new},
        {},
    ),
    "dict of lists": (
        dict[str, list[Proposal]],
        {"k": [OLD]},
        "['k'][0]",
        lambda new: {"k": [new]},
        {},
    ),
    "list of lists": (
        list[list[Proposal]],
        [[], [OLD]],
        "[1][0]",
        lambda new: [[], [new]],
        {},
    ),
    "list of optionals": (
        list[Proposal | None],
        [None, OLD],
        "[1]",
        lambda new: [None, new],
        {},
    ),
    "a row": (
        tuple[str, Proposal],
        ["x", OLD],
        "[1]",
        lambda new: ["x", new],
        {},
    ),
    "attrs class": (
        Briefing,
        {"analyst": "Desk", "proposals": [OLD]},
        "proposals[0]",
        lambda new: {"analyst": "Desk", "proposals": [new]},
        {"converter": CONVERTER},
    ),
    "dataclass": (
        Note,
        {"proposal": OLD},
        "proposal",
        lambda new: {"proposal": new},
        {"converter": CONVERTER},
    ),
}


class TestWhereItDoesNot:
    """Any other type: the hint names the record, at its path, to read alone."""

    @pytest.mark.parametrize("strict", [True, False])
    @pytest.mark.parametrize("shape", sorted(SHAPES))
    def test_the_hint_and_following_it(self, shape: str, strict: bool) -> None:
        cls, data, path, rebuilt, options = SHAPES[shape]
        problems = told(path, alone("Proposal", path))
        assert errors(cls, data, strict=strict, **options) == problems
        assert json_errors(cls, data, strict=strict, **options) == problems
        _schema_version_refuses(cls, data, **options)
        # Follow it: the Proposal at the path, read alone as version 1 ...
        piece = _value_at(data, path)
        assert piece == OLD
        record = from_dict(Proposal, copy.deepcopy(piece), schema_version=1)
        assert record == EXPECTED
        # ... put back (its to_dict is the current version): the whole loads,
        # the proposal with its version-1 status in its place.
        loaded = from_dict(cls, rebuilt(to_dict(record)), strict=strict, **options)
        assert _value_at(loaded, path) == record
        assert _value_at(loaded, path).status is ProposalStatus.REJECTED

    @pytest.mark.parametrize("strict", [True, False])
    def test_an_optional_record_is_read_as_its_class(self, strict: bool) -> None:
        """The data is the record: read it as Proposal, with schema_version=1."""
        assert errors(Proposal | None, OLD, strict=strict) == told("", AS_ITS_CLASS)
        _schema_version_refuses(Proposal | None, OLD)
        text = json.dumps(OLD)
        assert from_json(Proposal, text, schema_version=1, strict=strict) == EXPECTED
        assert from_dict(Proposal, OLD, schema_version=1, strict=strict) == EXPECTED

    def test_json_lines_of_dicts(self) -> None:
        """read_jsonl(dict[str, Proposal]): the record of the line, read alone."""
        line = json.dumps({"x": OLD})
        with pytest.raises(ValidationError) as info:
            list(read_jsonl(dict[str, Proposal], io.StringIO(line + "\n")))
        assert list(info.value.errors) == told("['x']", alone("Proposal", "['x']"))
        piece = json.loads(line)["x"]
        assert from_dict(Proposal, piece, schema_version=1) == EXPECTED

    def test_a_record_holding_a_version_1_record_in_a_dict(self) -> None:
        """The round in a dict is the record to read alone (its outcome inside it)."""
        hint = alone("Round", "['r']")
        assert errors(dict[str, Round], {"r": OLD_ROUND}) == [
            ("['r'].status", f"unknown key 'status' {hint}"),
            ("['r'].outcomes[0].quantity", f"unknown key 'quantity' {hint}"),
        ]
        rnd = from_dict(Round, OLD_ROUND, schema_version=1)
        assert from_dict(dict[str, Round], {"r": to_dict(rnd)}) == {"r": rnd}

    def test_a_coalition_in_a_dict(self) -> None:
        """A member's id where version 2 wants an object: hinted the same way."""
        coalition = {"id": "eu", "name": "EU", "kind": "coalition", "members": ["fr"]}
        hint = alone("Party", "['eu']")
        assert errors(dict[str, Party], {"eu": coalition}) == [
            (
                "['eu'].members[0]",
                f"must be an object (Membership), got string 'fr' {hint}",
            )
        ]
        party = from_dict(Party, coalition, schema_version=1)
        assert party.members[0].party == "fr"


class TestNegotiations:
    """A negotiation says its own version: no schema_version= to advise."""

    def test_a_version_1_negotiation_in_a_users_class_loads(self) -> None:
        old = {"schema_version": 1, "id": "t", "title": "T", "status": "concluded"}
        data = {"analyst": "Desk", "talks": [old]}
        briefing = from_dict(Briefing, data, converter=CONVERTER)
        assert briefing.talks == [from_dict(Negotiation, old)]

    @pytest.mark.parametrize("strict", [True, False])
    def test_a_version_1_key_in_a_version_2_negotiation(self, strict: bool) -> None:
        """Told where version 2 writes it; no hint to give a version."""
        document = to_dict(Negotiation(id="t", title="T"))
        document["status"] = "concluded"
        data = {"analyst": "Desk", "talks": [document]}
        problems = errors(Briefing, data, strict=strict, converter=CONVERTER)
        assert problems == [
            (
                "talks[0].status",
                "unknown key 'status' (a key of format version 1; version 2 "
                "writes it in 'history')",
            )
        ]
        assert all("schema_version=1" not in message for _, message in problems)


def _value_at(value: Any, path: str) -> Any:
    """The value at *path* (``['k'][0]``, ``proposals[0]``) in data or in what was loaded."""
    for part in path.replace("[", ".[").split("."):
        if part.startswith("['"):
            value = value[part[2:-2]]
        elif part.startswith("["):
            value = value[int(part[1:-1])]
        elif part:
            value = value[part] if isinstance(value, dict) else getattr(value, part)
    return value
