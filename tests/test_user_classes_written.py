"""
A user's own attrs class is written only as plain JSON data, as ``to_dict``
promises, with orjson installed or not: what its fields hold was never checked
(a naive datetime, a float infinity, a dict with integer keys), so what the
converter writes of it is, with the errors ``to_dict`` gives for the same
values given directly.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

import attrs
import pendulum
import pytest

from negotiation_records import (
    Party,
    Quantity,
    Source,
    Statement,
    ValidationError,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
    write_jsonl,
)
from negotiation_records.fields import Kind, Nested, field


@attrs.frozen
class Meeting:
    title: str
    at: datetime.datetime


@attrs.frozen
class Measure:
    x: float


@attrs.frozen
class Keyed:
    d: dict[int, str]


@attrs.frozen
class Hosted:
    day: pendulum.Date
    host: Party


NAIVE = Meeting("Istanbul", datetime.datetime(2025, 5, 16, 10))
HOSTED = Hosted(
    pendulum.date(2025, 5, 16), Party(id="tr", name="Türkiye", kind="state")
)


@pytest.mark.parametrize(
    "write",
    [to_dict, to_json, lambda obj: write_jsonl([obj], io.StringIO())],
    ids=["to_dict", "to_json", "write_jsonl"],
)
def test_a_naive_datetime_in_a_user_class_is_not_written(write: object) -> None:
    with pytest.raises(TypeError, match=r"obj\.at was written as datetime .* itself"):
        write(NAIVE)  # type: ignore[operator]


@pytest.mark.parametrize("write", [to_dict, to_json], ids=["to_dict", "to_json"])
def test_a_value_no_hook_writes_is_refused_at_its_path(write: object) -> None:
    """A pendulum moment in a field declared as a standard-library datetime
    is left as it is by the converter: it is refused where it is, not given
    back from to_dict nor handed to the JSON writer."""
    kyiv = pendulum.datetime(2025, 7, 14, 12, tz="Europe/Kyiv")
    meetings = [Meeting("Istanbul", kyiv), Meeting("Geneva", kyiv)]
    with pytest.raises(TypeError, match=r"obj\[0\]\.at was written as DateTime "):
        write(meetings)  # type: ignore[operator]
    with pytest.raises(TypeError, match="no unstructure hook for the type its field"):
        write(meetings[1])  # type: ignore[operator]


@attrs.frozen
class Session:
    opened: pendulum.DateTime
    length: pendulum.Duration


@attrs.frozen
class Agenda:
    sessions: list[Session]


def test_a_value_a_hook_refuses_is_reported_at_its_path() -> None:
    """What the library's hooks refuse inside a user's class (a naive
    moment, a negative duration) is reported at the value's own path."""
    opened = pendulum.datetime(2025, 5, 16, 10, tz="Europe/Istanbul")
    agenda = Agenda(
        [
            Session(opened, pendulum.duration(hours=2)),
            Session(pendulum.naive(2025, 5, 16, 14), pendulum.duration(hours=1)),
            Session(opened, pendulum.duration(days=-1)),
        ]
    )
    for write in (to_dict, to_json):
        with pytest.raises(ValidationError) as caught:
            write(agenda)
        assert [path for path, _ in caught.value.errors] == [
            "sessions[1].opened",
            "sessions[2].length.days",
        ]
        with pytest.raises(ValidationError) as caught:
            write([agenda, agenda])
        assert [path for path, _ in caught.value.errors][:2] == [
            "[0].sessions[1].opened",
            "[0].sessions[2].length.days",
        ]


def test_non_finite_floats_in_a_user_class_are_refused_at_their_paths() -> None:
    with pytest.raises(ValidationError) as caught:
        to_json([Measure(1.0), Measure(float("nan"))])
    assert [path for path, _ in caught.value.errors] == ["[1].x"]
    with pytest.raises(ValidationError) as caught:
        to_dict(Measure(float("inf")))
    assert [path for path, _ in caught.value.errors] == ["x"]


def test_integer_keys_in_a_user_class_are_refused() -> None:
    with pytest.raises(TypeError, match="must have text keys"):
        to_dict(Keyed({1: "a"}))


@attrs.frozen
class Note:
    text: str
    tally: int
    counts: dict[str, int]


SURROGATE = "must be valid Unicode text (no lone surrogates), got "


class TestWhatUtf8CannotHoldOrTextCannotWrite:
    """
    A lone surrogate (which no UTF-8 file holds) or an integer of more than
    4,300 digits (which Python will not write as text) in a user's class is
    refused on load and on writing at its path, as in the library's own
    records: it was accepted and then failed with a raw ``UnicodeEncodeError``
    or ``ValueError`` when written.
    """

    def test_refused_on_load(self) -> None:
        document = '{"text": "a\\ud800", "tally": 1, "counts": {"b\\udc00": 2}}'
        with pytest.raises(ValidationError) as caught:
            from_json(Note, document)
        assert caught.value.errors == (
            ("text", SURROGATE + "'a\\ud800'"),
            ("counts['b\\udc00']", SURROGATE + "'b\\udc00'"),
        )
        with pytest.raises(ValidationError) as caught:  # JSON text refuses it first
            from_dict(Note, {"text": "é", "tally": 10**4300, "counts": {}})
        assert caught.value.errors == (("tally", "must have at most 4300 digits"),)
        with pytest.raises(ValidationError, match="no lone surrogates"):
            from_json(str, '"\\ud800"')

    @pytest.mark.parametrize(
        "write",
        [to_dict, to_json, lambda obj: write_jsonl([obj], io.StringIO())],
        ids=["to_dict", "to_json", "write_jsonl"],
    )
    def test_refused_on_writing(self, write: Any) -> None:
        note = Note("a\ud800", 10**4300, {"\udc00": 1})
        with pytest.raises(ValidationError) as caught:
            write(note)
        paths = [path for path, _ in caught.value.errors]
        assert paths == ["text", "tally", "counts['\\udc00']"]
        assert str(caught.value).encode("utf-8")  # printable: the key escaped
        assert Note("é", 10**4299, {"ü": 1}) == from_json(
            Note, to_json(Note("é", 10**4299, {"ü": 1}))
        )

    def test_plain_data_alike(self) -> None:
        with pytest.raises(ValidationError) as caught:
            to_json({"a": ["\ud800", -(10**4300)]})
        assert [path for path, _ in caught.value.errors] == ["a[0]", "a[1]"]


def test_a_user_class_of_plain_values_and_records_round_trips() -> None:
    text = to_json(HOSTED)
    assert from_json(Hosted, text) == HOSTED
    out = io.StringIO()
    assert write_jsonl([HOSTED, HOSTED], out) == 2
    assert out.getvalue() == (text + "\n") * 2


class _SourceAsText(Kind):
    """A kind of one's own: a source kept in the document as its JSON text."""

    __slots__ = ()

    def accepts(self) -> str:
        return "Source"

    def problems(self, value: object) -> list[tuple[str, str]]:
        return [] if isinstance(value, Source) else [("", "must be a Source")]

    def load(self, value: Any, conv: Any) -> Any:
        return from_json(Source, value)

    def dump(self, value: Any, conv: Any) -> Any:
        return to_json(value)  # to_json while to_json writes the record

    def schema(self, defs: Any) -> dict[str, Any]:
        return {"type": "string"}


@attrs.frozen(kw_only=True)
class _Reading(Statement):
    quantity: Quantity = field(Nested(Quantity))
    copy_of: Source = field(_SourceAsText())


def test_a_to_json_inside_a_kinds_dump_leaves_the_records_text_as_it_was() -> None:
    """
    A small float before a field whose kind calls ``to_json`` itself is
    written as :mod:`json` writes it (``1e-05``), as every other path writes
    it, not as orjson does (``0.00001``).
    """
    record = _Reading(
        id="s1",
        speaker="Spokesperson",
        said_on=pendulum.date(2025, 7, 14),
        text="Rainfall",
        quantity=Quantity(amount=1e-05, unit="mm"),
        copy_of=Source(id="tass", publisher="TASS"),
    )
    text = to_json(record)
    assert '"amount":1e-05' in text
    assert text == to_json(record, converter=make_converter())
    assert from_json(_Reading, text) == record
    lines = io.StringIO()
    write_jsonl([record], lines)
    assert lines.getvalue() == text + "\n"
