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

import attrs
import pendulum
import pytest

from negotiation_records import (
    Party,
    ValidationError,
    from_json,
    to_dict,
    to_json,
    write_jsonl,
)


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
    with pytest.raises(TypeError, match=r"obj\.at must be a record .* got datetime"):
        write(NAIVE)  # type: ignore[operator]


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


def test_a_user_class_of_plain_values_and_records_round_trips() -> None:
    text = to_json(HOSTED)
    assert from_json(Hosted, text) == HOSTED
    out = io.StringIO()
    assert write_jsonl([HOSTED, HOSTED], out) == 2
    assert out.getvalue() == (text + "\n") * 2
