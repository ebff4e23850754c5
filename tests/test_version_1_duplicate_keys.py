"""
A key repeated in one JSON object of a version-1 document (``"schema_version":
1``, or single records read with ``schema_version=1``) is refused at the path
of that object, in the document's own terms, with the message version 2 gives:
the step from version 1 copies the records it changes (parties, proposals,
ultimatums, rounds, outcomes holding a ``quantity``), and a copy keeps what
the parser found, so the last value of the key is never read without a word.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

from negotiation_records import (
    Deadline,
    JSONLinesError,
    Negotiation,
    Outcome,
    Party,
    Proposal,
    Quantity,
    Round,
    Statement,
    Ultimatum,
    ValidationError,
    from_json,
    read_jsonl,
    to_dict,
)
from negotiation_records.cli import main


VERSION_1_FILE = (
    Path(__file__).resolve().parent / "data" / "russia-ukraine-2025.v1.json"
)
VERSION_1: dict[str, Any] = json.loads(VERSION_1_FILE.read_text(encoding="utf-8"))

Step = str | int
Where = tuple[Step, ...]

OUTCOME_0: Where = ("rounds", 0, "outcomes", 0)
QUANTITY: Where = (*OUTCOME_0, "quantity")
QUANTITY_PRECISION: Where = (*QUANTITY, "precision")

COALITION: dict[str, Any] = {
    "id": "eu",
    "name": "EU",
    "kind": "coalition",
    "members": ["france", "germany"],
}
PROPOSAL: dict[str, Any] = {
    "id": "invite",
    "proposed_by": "ukraine",
    "made_on": "2025-07-19",
    "summary": "A new round in Istanbul",
    "status": "rejected",
    "status_on": "2025-07-23",
}
ULTIMATUM: dict[str, Any] = {
    "id": "us-ultimatum",
    "issued_by": "united-states",
    "addressed_to": ["russia"],
    "issued_at": "2025-07-14",
    "demand": "Reach a ceasefire",
    "deadline": {"due": "2025-09-02", "anchor": "2025-07-14", "period": "P50D"},
    "status": "withdrawn",
    "status_on": "2025-08-01",
}
OUTCOME: dict[str, Any] = {
    "text": "Exchange of 1,000 prisoners each",
    "quantity": {"amount": 1000, "unit": "prisoners", "each": True},
}
ROUND: dict[str, Any] = {
    "number": 1,
    "status": "held",
    "starts": "2025-05-16",
    "location": "Istanbul",
    "outcomes": [OUTCOME, {"text": "No breakthrough", "quantity": None}],
}
STATEMENT: dict[str, Any] = {
    "id": "s",
    "speaker": "Volodymyr Zelenskyy",
    "said_on": "2025-07-19",
    "text": "A ceasefire first.",
}


Repeats = dict[Where, list[tuple[str, Any]]]


def _json(value: Any, repeats: Repeats, here: Where = ()) -> str:
    """
    *value* as JSON text, each object at a place of *repeats* holding each
    key given there twice: the value given, then its own (or the value given
    again, if it has none).
    """
    if isinstance(value, dict):
        pairs = list(value.items())
        for key, first in repeats.get(here, []):
            pairs.insert(0, (key, first))
            if key not in value:
                pairs.append((key, first))
        inner = (
            f"{json.dumps(name)}:{_json(item, repeats, (*here, name))}"
            for name, item in pairs
        )
        return "{" + ",".join(inner) + "}"
    if isinstance(value, list):
        items = (
            _json(item, repeats, (*here, index)) for index, item in enumerate(value)
        )
        return "[" + ",".join(items) + "]"
    return json.dumps(value)


def _repeating(value: Any, at: Where, key: str, first: Any = "overwritten") -> str:
    """JSON text of *value* in which the object at *at* holds *key* twice."""
    return _json(value, {at: [(key, first)]})


def _duplicate(path: str, key: str) -> tuple[str, str]:
    """The problem of *key* repeated in the object at *path*, as version 2 words it."""
    return (path, f"duplicate key {key!r} in one JSON object")


def _refused(cls: Any, text: str, **options: Any) -> list[tuple[str, str]]:
    """The problems from_json reports for *text*."""
    with pytest.raises(ValidationError) as info:
        from_json(cls, text, **options)
    return list(info.value.errors)


def _version_2() -> dict[str, Any]:
    """The version-1 test document, as version 2 writes it."""
    written: dict[str, Any] = to_dict(from_json(Negotiation, json.dumps(VERSION_1)))
    return written


def test_the_document_loads_without_a_repeated_key() -> None:
    """The documents the tests change load as they are."""
    assert from_json(Negotiation, _json(VERSION_1, {})).id == VERSION_1["id"]
    assert _version_2()["schema_version"] == 2


class TestVersion1Documents:
    """A ``"schema_version": 1`` document: each object, at its own path."""

    @pytest.mark.parametrize(
        ("at", "key", "path"),
        [
            ((), "title", "$"),
            (("parties", 0), "name", "parties[0]"),
            (("parties", 2), "kind", "parties[2]"),
            (
                ("parties", 0, "representatives", 1),
                "role",
                "parties[0].representatives[1]",
            ),
            (("proposals", 0), "summary", "proposals[0]"),
            (("proposals", 1), "status", "proposals[1]"),
            (("proposals", 0), "status_on", "proposals[0]"),
            (("proposals", 0), "proposed_by", "proposals[0]"),
            (("proposals", 0, "window"), "label", "proposals[0].window"),
            (("ultimatums", 0), "issued_by", "ultimatums[0]"),
            (("ultimatums", 0), "status", "ultimatums[0]"),
            (("ultimatums", 0, "demand"), "text", "ultimatums[0].demand"),
            (("ultimatums", 0, "deadline"), "period", "ultimatums[0].deadline"),
            (
                ("ultimatums", 0, "consequences", 1),
                "kind",
                "ultimatums[0].consequences[1]",
            ),
            (("rounds", 0), "location", "rounds[0]"),
            (("rounds", 2), "status", "rounds[2]"),
            (("rounds", 0, "outcomes", 0), "text", "rounds[0].outcomes[0]"),
            (("rounds", 0, "outcomes", 0), "quantity", "rounds[0].outcomes[0]"),
            (("rounds", 1, "outcomes", 1), "kind", "rounds[1].outcomes[1]"),
            (("rounds", 1, "outcomes", 1), "quantity", "rounds[1].outcomes[1]"),
            (
                ("rounds", 0, "outcomes", 0, "quantity"),
                "unit",
                "rounds[0].outcomes[0].quantity",
            ),
            (("rounds", 0, "delegations", 1), "head", "rounds[0].delegations[1]"),
            (("statements", 0), "text", "statements[0]"),
            (("conditions", 0, "positions", 0), "stance", "conditions[0].positions[0]"),
        ],
    )
    def test_refused_at_the_path_written(self, at: Where, key: str, path: str) -> None:
        """The object's path in the document as written, the key as written."""
        text = _repeating(VERSION_1, at, key)
        assert _refused(Negotiation, text) == [_duplicate(path, key)]

    @pytest.mark.parametrize(
        ("at", "key", "path"),
        [
            (("parties", 0), "name", "parties[0]"),
            (("proposals", 0), "summary", "proposals[0]"),
            (("ultimatums", 0), "demand", "ultimatums[0]"),
            (("rounds", 0), "location", "rounds[0]"),
            (("rounds", 0, "outcomes", 0), "text", "rounds[0].outcomes[0]"),
            (("rounds", 1, "outcomes", 0), "parties", "rounds[1].outcomes[0]"),
        ],
    )
    def test_as_version_2_refuses_it(self, at: Where, key: str, path: str) -> None:
        """The same problem as the same document written as version 2."""
        version_1 = _refused(Negotiation, _repeating(VERSION_1, at, key))
        version_2 = _refused(Negotiation, _repeating(_version_2(), at, key))
        assert version_1 == version_2 == [_duplicate(path, key)]

    def test_a_quantity_at_the_path_of_version_1(self) -> None:
        """Version 1's ``quantity`` is version 2's ``quantities[0]``: each its own."""
        at = ("rounds", 0, "outcomes", 0, "quantity")
        assert _refused(Negotiation, _repeating(VERSION_1, at, "amount", 1)) == [
            _duplicate("rounds[0].outcomes[0].quantity", "amount")
        ]
        at_2 = ("rounds", 0, "outcomes", 0, "quantities", 0)
        assert _refused(Negotiation, _repeating(_version_2(), at_2, "amount", 1)) == [
            _duplicate("rounds[0].outcomes[0].quantities[0]", "amount")
        ]

    def test_the_last_value_is_not_read(self) -> None:
        """The case reported: a party's second name was loaded without a word."""
        text = (
            '{"schema_version":1,"id":"t","title":"T","parties":['
            '{"id":"a","name":"A","name":"Z","kind":"state"},'
            '{"id":"b","name":"B","kind":"state"}]}'
        )
        assert _refused(Negotiation, text) == [_duplicate("parties[0]", "name")]

    def test_every_repeated_key_and_object(self) -> None:
        """Two keys repeated in one object, and objects of two lists: all said."""
        text = _json(
            VERSION_1,
            {
                ("proposals", 1): [("summary", "x"), ("id", "x")],
                ("parties", 3): [("name", "x")],
                ("rounds", 0, "outcomes", 0): [("quantity", None)],
            },
        )
        assert sorted(_refused(Negotiation, text)) == [
            _duplicate("parties[3]", "name"),
            _duplicate("proposals[1]", "id"),
            _duplicate("proposals[1]", "summary"),
            _duplicate("rounds[0].outcomes[0]", "quantity"),
        ]

    def test_with_the_record_s_other_problems(self) -> None:
        """The record's other problems are still reported, at version 1's paths."""
        document = copy.deepcopy(VERSION_1)
        document["proposals"][0]["proposed_by"] = 5
        problems = _refused(
            Negotiation, _repeating(document, ("proposals", 0), "summary")
        )
        assert sorted(problems) == [
            _duplicate("proposals[0]", "summary"),
            ("proposals[0].proposed_by", "must be a string, got number 5"),
        ]

    @pytest.mark.parametrize(
        ("at", "key", "path", "newer", "value"),
        [
            (("rounds", 0), "location", "rounds[0]", QUANTITY_PRECISION, "about"),
            (
                QUANTITY,
                "unit",
                "rounds[0].outcomes[0].quantity",
                QUANTITY_PRECISION,
                "about",
            ),
            (
                OUTCOME_0,
                "text",
                "rounds[0].outcomes[0]",
                (*OUTCOME_0, "quantities"),
                [],
            ),
            (
                ("statements", 0),
                "text",
                "statements[0]",
                ("statements", 0, "verbatim"),
                False,
            ),
        ],
    )
    def test_with_fields_of_version_2(
        self, at: Where, key: str, path: str, newer: Where, value: Any
    ) -> None:
        """A field version 2 added, in or below the object, is reported beside it."""
        document = copy.deepcopy(VERSION_1)
        record: Any = document
        for step in newer[:-1]:
            record = record[step]
        record[newer[-1]] = value
        problems = _refused(Negotiation, _repeating(document, at, key))
        assert sorted(problems) == [
            _duplicate(path, key),
            (
                "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in newer)[1:],
                'is new in format version 2, but the document says "schema_version"'
                ": 1: leave it out, or write the document as version 2",
            ),
        ]

    def test_a_json_lines_file_of_negotiations(self) -> None:
        """A line of a JSON Lines file of negotiations, at its line."""
        line = _repeating(VERSION_1, ("ultimatums", 0), "demand")
        lines = io.StringIO(json.dumps(VERSION_1) + "\n" + line + "\n")
        with pytest.raises(JSONLinesError) as info:
            list(read_jsonl(Negotiation, lines))
        assert info.value.line == 2
        assert info.value.errors == (_duplicate("ultimatums[0]", "demand"),)


class TestSingleRecords:
    """Records read with ``schema_version=1``: the path is the record's own."""

    @pytest.mark.parametrize(
        ("cls", "data", "at", "key", "path"),
        [
            (Party, COALITION, (), "name", "$"),
            (Party, COALITION, (), "members", "$"),
            (Proposal, PROPOSAL, (), "summary", "$"),
            (Proposal, PROPOSAL, (), "status", "$"),
            (Proposal, PROPOSAL, (), "proposed_by", "$"),
            (Ultimatum, ULTIMATUM, (), "demand", "$"),
            (Ultimatum, ULTIMATUM, ("deadline",), "period", "deadline"),
            (Round, ROUND, (), "location", "$"),
            (Round, ROUND, ("outcomes", 0), "text", "outcomes[0]"),
            (Round, ROUND, ("outcomes", 1), "quantity", "outcomes[1]"),
            (Round, ROUND, ("outcomes", 0, "quantity"), "unit", "outcomes[0].quantity"),
            (Outcome, OUTCOME, (), "text", "$"),
            (Outcome, OUTCOME, (), "quantity", "$"),
            (Outcome, OUTCOME, ("quantity",), "amount", "quantity"),
            (Quantity, OUTCOME["quantity"], (), "unit", "$"),
            (Deadline, ULTIMATUM["deadline"], (), "anchor", "$"),
            (Statement, STATEMENT, (), "text", "$"),
        ],
    )
    def test_refused_at_its_own_path(
        self, cls: Any, data: dict[str, Any], at: Where, key: str, path: str
    ) -> None:
        """Nothing else: a version-1 value is not read as version 2's."""
        text = _repeating(data, at, key)
        assert _refused(cls, text, schema_version=1) == [_duplicate(path, key)]

    def test_a_coalition_s_members_are_read_as_version_1(self) -> None:
        """The case reported: no ``members[0]: must be an object (Membership)``."""
        text = (
            '{"id":"eu","name":"EU","name":"Europe","kind":"coalition",'
            '"members":["fr"]}'
        )
        assert _refused(Party, text, schema_version=1) == [_duplicate("$", "name")]

    def test_with_the_record_s_other_problems(self) -> None:
        """Its other problems are those of a version-1 record."""
        data = {**PROPOSAL, "proposed_by": 5}
        problems = _refused(Proposal, _repeating(data, (), "summary"), schema_version=1)
        assert sorted(problems) == [
            _duplicate("$", "summary"),
            ("proposed_by", "must be a string, got number 5"),
        ]

    def test_a_list_of_records(self) -> None:
        """In a list, at the item's place."""
        text = _repeating([COALITION, {**COALITION, "id": "au"}], (1,), "name")
        assert _refused(list[Party], text, schema_version=1) == [
            _duplicate("[1]", "name")
        ]

    @pytest.mark.parametrize(
        ("cls", "data", "at", "key", "path"),
        [
            (Party, COALITION, (), "name", "$"),
            (Proposal, PROPOSAL, (), "status", "$"),
            (Round, ROUND, ("outcomes", 0), "quantity", "outcomes[0]"),
        ],
    )
    def test_json_lines(
        self, cls: Any, data: dict[str, Any], at: Where, key: str, path: str
    ) -> None:
        """A line of a JSON Lines file, at its line."""
        lines = io.StringIO(json.dumps(data) + "\n" + _repeating(data, at, key) + "\n")
        with pytest.raises(JSONLinesError) as info:
            list(read_jsonl(cls, lines, schema_version=1))
        assert info.value.line == 2
        assert info.value.errors == (_duplicate(path, key),)

    def test_the_command_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``validate --schema-version 1`` says the same."""
        path = tmp_path / "parties.jsonl"
        path.write_text(
            json.dumps(COALITION) + "\n" + _repeating(COALITION, (), "name") + "\n",
            encoding="utf-8",
        )
        argv = ["validate", "--type", "Party", "--schema-version", "1", str(path)]
        assert main(argv) == 1
        out = capsys.readouterr().out
        assert "duplicate key 'name' in one JSON object" in out
        assert "Membership" not in out
