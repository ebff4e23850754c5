"""
A record read from a document reports every problem of its fields at once,
as its constructor does: a field that cannot be read (a wrong type, an
unknown enum value, an impossible date, a bad record inside) does not hide
the problems of the others, in a document of version 2 or version 1.
"""

from __future__ import annotations

import copy
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    JSONLinesError,
    Negotiation,
    Party,
    Proposal,
    Round,
    ValidationError,
    from_dict,
    from_json,
    read_jsonl,
    to_json,
)
from negotiation_records.cli import main
from tests.seed import seed_record
from tests.strategies_foundation import errors_of, slug_error


Errors = tuple[tuple[str, str], ...]

VERSION_1 = Path(__file__).parent / "data" / "russia-ukraine-2025.v1.json"

KIND_STAT = (
    "'stat' is not a valid PartyKind (choose from 'state', 'organization', "
    "'coalition', 'person', 'group', 'other')"
)
EMPTY = "must be non-empty text, got ''"
FEBRUARY_30 = "impossible date '2025-02-30': day is out of range for month"
ROUND_BOGUS = (
    "'bogus' is not a valid RoundStatus (choose from 'proposed', 'scheduled', "
    "'held', 'postponed', 'cancelled')"
)


def load_errors(cls: type[Any], data: Any) -> Errors:
    """The problems of *data* read as *cls*, by from_dict and from_json alike."""
    with pytest.raises(ValidationError) as from_data:
        from_dict(cls, data)
    with pytest.raises(ValidationError) as from_text:
        from_json(cls, json.dumps(data))
    assert from_data.value.errors == from_text.value.errors
    return from_data.value.errors


def talks(version: int, **fields: Any) -> dict[str, Any]:
    """A small negotiation document of *version* with two parties, and *fields*."""
    document: dict[str, Any] = {
        "schema_version": version,
        "id": "talks",
        "title": "Talks",
        "parties": [
            {"id": "ukraine", "name": "Ukraine", "kind": "state"},
            {"id": "russia", "name": "Russia", "kind": "state"},
        ],
    }
    document.update(fields)
    return document


def proposal(version: int, **fields: Any) -> dict[str, Any]:
    """A proposal of a document of *version* (one proposer: a party id in version 1)."""
    found: dict[str, Any] = {
        "id": "invite",
        "proposed_by": "ukraine" if version == 1 else ["ukraine"],
        "addressed_to": ["russia"],
        "made_on": "2025-07-19",
        "summary": "A new round next week",
    }
    found.update(fields)
    return found


class TestWorkedExamples:
    @pytest.mark.parametrize("version", [1, 2])
    def test_a_bad_nested_enum_hides_no_top_level_field(self, version: int) -> None:
        """The bad id and the empty title come with the party's bad kind."""
        document = talks(
            version,
            id="Talks 2025",
            title="",
            parties=[{"id": "ukraine", "name": "Ukraine", "kind": "stat"}],
        )
        assert load_errors(Negotiation, document) == (
            ("id", slug_error("Talks 2025")),
            ("title", EMPTY),
            ("parties[0].kind", KIND_STAT),
        )

    def test_a_record_read_reports_what_its_constructor_reports(self) -> None:
        """from_dict gives the fields' problems the constructor gives, in order."""
        fields = {"id": "BAD", "name": "", "kind": "stat"}
        assert load_errors(Party, fields) == errors_of(Party, **fields)
        assert load_errors(Party, fields) == (
            ("id", slug_error("BAD")),
            ("name", EMPTY),
            ("kind", KIND_STAT),
        )

    @pytest.mark.parametrize("version", [1, 2])
    def test_an_impossible_date_hides_no_other_field(self, version: int) -> None:
        """An impossible date and an empty summary of one proposal, both."""
        document = talks(
            version, proposals=[proposal(version, made_on="2025-02-30", summary="")]
        )
        assert load_errors(Negotiation, document) == (
            ("proposals[0].made_on", FEBRUARY_30),
            ("proposals[0].summary", EMPTY),
        )

    @pytest.mark.parametrize(
        ("version", "rounds", "status_path"),
        [
            (1, [{"number": 0, "status": "bogus"}], "rounds[0].status"),
            (
                2,
                [{"number": 0, "history": [{"status": "bogus"}]}],
                "rounds[0].history[0].status",
            ),
        ],
    )
    def test_a_bad_status_hides_no_other_field(
        self, version: int, rounds: list[dict[str, Any]], status_path: str
    ) -> None:
        """A round's bad status (in its history in version 2) and its number 0."""
        assert load_errors(Negotiation, talks(version, rounds=rounds)) == (
            ("rounds[0].number", "must be at least 1, got 0"),
            (status_path, ROUND_BOGUS),
        )

    def test_a_bad_status_hides_no_other_field_of_its_change(self) -> None:
        """A status change with a bad status and an impossible date: both, and
        the next change's problem too."""
        history = [
            {"status": "bogus", "on": "2025-02-30"},
            {"status": "held", "on": "2025-13-01"},
        ]
        errors = load_errors(
            Negotiation, talks(2, rounds=[{"number": 1, "history": history}])
        )
        assert [path for path, _ in errors] == [
            "rounds[0].history[0].status",
            "rounds[0].history[0].on",
            "rounds[0].history[1].on",
        ]

    @pytest.mark.parametrize("version", [1, 2])
    def test_a_bad_record_inside_hides_no_field_around_it(self, version: int) -> None:
        """A representative's empty name and the bad id of the party holding it."""
        party = {
            "id": "Ukraine",
            "name": "Ukraine",
            "kind": "state",
            "representatives": [{"name": ""}],
        }
        assert load_errors(Negotiation, talks(version, parties=[party])) == (
            ("parties[0].id", slug_error("Ukraine")),
            ("parties[0].representatives[0].name", EMPTY),
        )

    def test_an_unreadable_item_hides_no_other_item(self) -> None:
        """In a list, items that could be read are checked beside those that could not."""
        fields = {
            "id": "invite",
            "proposed_by": ["ukraine"],
            "addressed_to": ["russia", 5, "Russia", "russia"],
            "made_on": "2025-07-19",
            "summary": "Talks",
        }
        assert load_errors(Proposal, fields) == (
            ("addressed_to[1]", "must be a string, got number 5"),
            ("addressed_to[2]", slug_error("Russia")),
            ("addressed_to[3]", "party 'russia' appears twice"),
        )

    def test_an_unknown_key_hides_no_field(self) -> None:
        """A record with an unknown key has its fields checked too."""
        fields = {"id": "BAD", "name": "Ukraine", "kind": "state", "flag": "blue"}
        assert load_errors(Party, fields) == (
            ("id", slug_error("BAD")),
            ("$", "unknown key 'flag'"),
        )

    def test_a_repeated_key_hides_no_field(self) -> None:
        """A record with a repeated key has its fields checked too."""
        text = '{"id": "BAD", "name": "", "name": "Ukraine", "kind": "stat"}'
        with pytest.raises(ValidationError) as info:
            from_json(Party, text)
        assert info.value.errors == (
            ("$", "duplicate key 'name' in one JSON object"),
            ("id", slug_error("BAD")),
            ("kind", KIND_STAT),
        )

    def test_checks_across_fields_wait_for_the_fields(self) -> None:
        """A round's order of dates is checked once its fields can be read."""
        data = {"number": 1, "starts": "2025-06-02", "ends": "2025-05-16"}
        order = load_errors(Round, data)
        assert [path for path, _ in order] == ["ends"]
        assert load_errors(Round, {**data, "location": 5}) == (
            ("location", "must be a string, got number 5"),
        )

    def test_references_wait_for_every_record(self) -> None:
        """A dangling reference is not reported beside a record that cannot be read."""
        document = talks(
            2,
            title="",
            proposals=[proposal(2, addressed_to=["rusia"], made_on="2025-02-30")],
        )
        assert load_errors(Negotiation, document) == (
            ("title", EMPTY),
            ("proposals[0].made_on", FEBRUARY_30),
        )

    def test_json_lines_name_the_line_and_every_problem(self) -> None:
        """read_jsonl reports every field problem of the bad line."""
        lines = io.StringIO(
            '{"id": "ukraine", "name": "Ukraine", "kind": "state"}\n'
            '{"id": "BAD", "name": "", "kind": "stat"}\n'
        )
        with pytest.raises(JSONLinesError) as info:
            list(read_jsonl(Party, lines))
        assert info.value.line == 2
        assert info.value.errors == (
            ("id", slug_error("BAD")),
            ("name", EMPTY),
            ("kind", KIND_STAT),
        )

    def test_validate_reports_every_problem_at_its_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command line's validate shows every problem, each at its line."""
        path = tmp_path / "talks.json"
        document = talks(
            2,
            id="Talks 2025",
            parties=[{"id": "ukraine", "name": "Ukraine", "kind": "stat"}],
        )
        path.write_text(json.dumps(document, indent=2), encoding="utf-8")
        lines = path.read_text(encoding="utf-8").splitlines()
        id_line = 1 + next(n for n, line in enumerate(lines) if "Talks 2025" in line)
        kind_line = 1 + next(n for n, line in enumerate(lines) if '"stat"' in line)
        assert main(["validate", str(path)]) == 1
        assert capsys.readouterr().out.splitlines() == [
            f"{path}:{id_line}: id: {slug_error('Talks 2025')}",
            f"{path}:{kind_line}: parties[0].kind: {KIND_STAT}",
        ]


# --- the property: independent corruptions are all reported ----------------------

SEED: dict[str, Any] = json.loads(to_json(seed_record()))
SEED_V1: dict[str, Any] = json.loads(VERSION_1.read_text(encoding="utf-8"))
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

Step = str | int
Corruption = tuple[tuple[Step, ...], Any]


def _leaves(value: Any, path: tuple[Step, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every leaf of JSON data with its path and the container holding it."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for step, item in items:
        if isinstance(item, (dict, list)):
            yield from _leaves(item, (*path, step))
        else:
            yield (*path, step), item, value


def corruptions(document: dict[str, Any]) -> list[Corruption]:
    """
    Values that are wrong wherever they are put, for each leaf of *document*:
    a text made empty or ``true``, a date made impossible, a number (in an
    object) made a string.  Each is reported at its own path.
    """
    found: list[Corruption] = []
    for path, value, holder in _leaves(document):
        if path == ("schema_version",) or isinstance(value, bool):
            continue
        if isinstance(value, str):
            found += [(path, ""), (path, True)]
            if DATE.match(value):
                found.append((path, "2025-02-30"))
        elif isinstance(value, int) and isinstance(holder, dict):
            found.append((path, "5"))
    return found


def path_text(path: tuple[Step, ...]) -> str:
    """A path as the errors write it: ``parties[0].kind``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else step
    return text


def corrupted(document: dict[str, Any], edits: list[Corruption]) -> dict[str, Any]:
    """A copy of *document* with *edits* made."""
    copied = copy.deepcopy(document)
    for path, value in edits:
        holder: Any = copied
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = value
    return copied


@st.composite
def corrupted_documents(draw: st.DrawFn) -> tuple[dict[str, Any], list[Corruption]]:
    """The seed record, of version 2 or 1, with two or three leaves corrupted."""
    document = draw(st.sampled_from([SEED, SEED_V1]))
    edits = draw(
        st.lists(
            st.sampled_from(corruptions(document)),
            min_size=2,
            max_size=3,
            unique_by=lambda edit: edit[0],
        )
    )
    return corrupted(document, edits), edits


class TestIndependentCorruptions:
    def test_each_corruption_alone_is_reported_at_its_path(self) -> None:
        """The catalogue is sound: every edit alone gives a problem at its path only."""
        for document in (SEED, SEED_V1):
            for path, value in corruptions(document):
                errors = load_errors(Negotiation, corrupted(document, [(path, value)]))
                assert {where for where, _ in errors} == {path_text(path)}, (
                    path,
                    value,
                )

    @settings(max_examples=300, deadline=None)
    @given(corrupted_documents())
    def test_every_corrupted_path_is_reported(
        self, case: tuple[dict[str, Any], list[Corruption]]
    ) -> None:
        """Two or three bad fields anywhere in a document are all reported, once."""
        document, edits = case
        errors = load_errors(Negotiation, document)
        assert {path for path, _ in errors} == {path_text(p) for p, _ in edits}
        assert len(set(errors)) == len(errors)
