"""
Calls a careless or hostile program makes: values that are not JSON text, a
path no file can have, version-1 status arguments beside a history that is not
one.  Each is refused as the error contract says (a ``ValidationError`` at the
argument, or the function's own ``TypeError``), never with a bare Python error
from deeper down.
"""

from __future__ import annotations

import array
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum
import pytest

from negotiation_records import (
    Deadline,
    Negotiation,
    Party,
    Proposal,
    Round,
    Ultimatum,
    ValidationError,
    from_json,
    read_jsonl,
    write_jsonl,
)
from negotiation_records.plover import write_plover


PARTY_TEXT = b'{"id":"x","name":"X","kind":"state"}'
PARTY = Party(id="x", name="X", kind="state")


@pytest.mark.parametrize(
    "value",
    [
        list(PARTY_TEXT),
        tuple(PARTY_TEXT),
        array.array("B", PARTY_TEXT),
        2**63,
        10**8,
        None,
    ],
    ids=["list", "tuple", "array", "huge-int", "int", "none"],
)
def test_from_json_refuses_what_is_not_json_text(value: Any) -> None:
    """
    Only str and bytes-like values are JSON text, with orjson installed or
    not: a list of byte values is not read as bytes, and an int is not a
    size to allocate.
    """
    with pytest.raises(ValidationError) as caught:
        from_json(Party, value)
    ((path, message),) = caught.value.errors
    assert path == "$"
    assert message.startswith("must be JSON text (str or bytes), got ")


@pytest.mark.parametrize("kind", [bytearray, memoryview])
def test_from_json_reads_bytes_like_text(kind: Callable[[bytes], Any]) -> None:
    assert from_json(Party, kind(PARTY_TEXT)) == PARTY


DAY = pendulum.date(2025, 7, 14)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Round(number=1, history=["x"], status="held"),  # type: ignore[list-item]
        lambda: Round(number=1, history=[5], status_on=DAY),  # type: ignore[list-item]
        lambda: Proposal(
            id="p",
            proposed_by="a",
            made_on=DAY,
            summary="Talks",
            history=[5],  # type: ignore[list-item]
            status="accepted",
        ),
        lambda: Ultimatum(
            id="u",
            issued_by="a",
            issued_at=DAY,
            demand="Cease fire",
            deadline=Deadline.after(DAY, "P50D"),
            history=["x"],  # type: ignore[list-item]
            status_on=DAY,
        ),
        lambda: Negotiation(id="t", title="T", history=["x"], status="stalled"),  # type: ignore[list-item]
    ],
    ids=["round-status", "round-status-on", "proposal", "ultimatum", "negotiation"],
)
def test_status_arguments_beside_a_bad_history_report_the_history(
    build: Callable[[], object],
) -> None:
    """
    Version 1's ``status``/``status_on`` arguments are folded into the
    history; an item of it that is no status change is reported at its place,
    as without them, not met with an AttributeError.
    """
    with pytest.raises(ValidationError) as caught:
        build()
    assert [path for path, _ in caught.value.errors if path.startswith("history")] == [
        "history[0]"
    ]
    assert "must be a StatusChange" in dict(caught.value.errors)["history[0]"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("a\x00b.jsonl", "must be a path without a NUL character, got "),
        ("a\ud800b.jsonl", "must be a path the file system can encode, got "),
    ],
    ids=["nul", "lone-surrogate"],
)
@pytest.mark.parametrize(
    "call",
    [
        lambda file: write_jsonl([PARTY], file),
        lambda file: list(read_jsonl(Party, file)),
        lambda file: write_plover([Negotiation(id="t", title="T")], file),
    ],
    ids=["write_jsonl", "read_jsonl", "write_plover"],
)
def test_a_path_no_file_can_have_is_refused_at_file(
    call: Callable[[Any], object], path: str, message: str, tmp_path: Path
) -> None:
    for given in (str(tmp_path / path), tmp_path / path):
        with pytest.raises(ValidationError) as caught:
            call(given)
        ((where, problem),) = caught.value.errors
        assert where == "file"
        assert problem.startswith(message)
    assert list(tmp_path.iterdir()) == []


def test_write_parquet_refuses_a_folder_no_file_system_can_have(
    tmp_path: Path,
) -> None:
    pytest.importorskip("pyarrow")
    from negotiation_records.tables import write_parquet

    with pytest.raises(ValidationError) as caught:
        write_parquet([], tmp_path / "out\x00")
    assert caught.value.errors[0][0] == "directory"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("records", [None, 5, 2.5])
def test_write_jsonl_names_records_that_are_not_iterable(records: Any) -> None:
    with pytest.raises(TypeError) as caught:
        write_jsonl(records, io.StringIO())
    assert str(caught.value).startswith(
        "write_jsonl() records must be an iterable of records"
    )
