"""
Checks across fields marked ``only_with``: skipped, never wrong.

A record class whose check across fields finds nothing while some of its
fields are empty says so (``_record.only_with``), and the constructor and the
compiled loader then skip the check for such a record.  These tests hold every
marked check to its mark: with a named field emptied, the check finds nothing,
whatever the other fields hold, including values taken from two different
records (so that they disagree with each other, as a bad document's may).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import attrs
import hypothesis.strategies as st
import pendulum
import pytest
from hypothesis import given, settings

import negotiation_records as nr
from negotiation_records import Condition, Quantity, Representative, ValidationError
from negotiation_records._record import Record, given_fields, only_with
from negotiation_records.fields import Many, kind_of


MARKED = sorted(
    (
        cls
        for name in nr.__all__
        if isinstance(cls := getattr(nr, name), type)
        and issubclass(cls, Record)
        and attrs.has(cls)
        and given_fields(cls)
    ),
    key=lambda cls: cls.__name__,
)


def _empty(cls: type[Any], name: str) -> Any:
    """The empty value of the field *name* of *cls*: ``()`` for a list, else None."""
    return () if isinstance(kind_of(attrs.fields_dict(cls)[name]), Many) else None


def _mixed(cls: type[Any], records: list[Any], picks: list[int]) -> Any:
    """A *cls* holding each field of one of *records* (by *picks*), never checked."""
    mixed = copy.copy(records[0])
    for attribute, pick in zip(attrs.fields(cls), picks, strict=False):
        object.__setattr__(
            mixed, attribute.name, getattr(records[pick], attribute.name)
        )
    return mixed


def test_the_marked_classes() -> None:
    # The records whose checks wait for fields that are mostly empty.
    assert {cls.__name__: given_fields(cls) for cls in MARKED} == {
        "Action": ("ends",),
        "Alternative": ("decided_on",),
        "Condition": ("demanded_by", "addressed_to"),
        "Membership": ("since", "until"),
        "Party": ("members",),
        "Phase": ("starts", "ends"),
        "Quantity": ("given_by", "received_by"),
        "Representative": ("since", "until"),
    }


@pytest.mark.parametrize("cls", MARKED, ids=lambda cls: cls.__name__)
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_a_check_finds_nothing_without_its_fields(cls: type[Any], data: Any) -> None:
    records = data.draw(st.lists(st.from_type(cls), min_size=3, max_size=3))
    fields = len(attrs.fields(cls))
    picks = data.draw(st.lists(st.integers(0, 2), min_size=fields, max_size=fields))
    mixed = _mixed(cls, records, picks)
    for name in given_fields(cls):
        emptied = copy.copy(mixed)
        object.__setattr__(emptied, name, _empty(cls, name))
        assert list(cls._problems(emptied)) == [], name


@pytest.mark.parametrize(
    ("cls", "document", "problem"),
    [
        (
            Representative,
            '{"name": "Rustem Umerov", "since": "2025-07-17", "until": "2025-05-16"}',
            "until: must not be before since (2025-07-17), got 2025-05-16",
        ),
        (
            Condition,
            '{"id": "cede", "text": "Cede four regions", "demanded_by": "russia",'
            ' "addressed_to": ["ukraine", "russia"]}',
            "addressed_to: 'russia' cannot address a condition to itself",
        ),
        (
            Quantity,
            '{"amount": 1000, "unit": "prisoners", "given_by": ["russia"],'
            ' "received_by": ["russia"]}',
            "received_by[0]: party 'russia' cannot both give and receive the same count",
        ),
    ],
    ids=["representative", "condition", "quantity"],
)
def test_a_check_runs_once_its_fields_are_given(
    cls: type[Any], document: str, problem: str
) -> None:
    # Loaded and built alike: the mark skips only what cannot be wrong.
    with pytest.raises(ValidationError) as loaded:
        nr.from_json(cls, document)
    assert [f"{path}: {message}" for path, message in loaded.value.errors] == [problem]
    arguments = {
        key: nr.parse_moment(value) if key in ("since", "until") else value
        for key, value in json.loads(document).items()
    }
    with pytest.raises(ValidationError) as built:
        cls(**arguments)
    assert [f"{path}: {message}" for path, message in built.value.errors] == [problem]


def test_a_record_with_one_date_is_not_checked_across_them() -> None:
    umerov = Representative(name="Rustem Umerov", since=pendulum.date(2025, 7, 17))
    assert umerov.until is None
    assert nr.from_json(Representative, nr.to_json(umerov)) == umerov


def test_a_mark_must_name_fields() -> None:
    @attrs.frozen(kw_only=True)
    class Note(Record):
        text: str = attrs.field(default="")

        @only_with("txt")
        def _problems(self) -> Any:
            return ()

    with pytest.raises(
        TypeError, match=r"only_with\(\) of .*Note._problems names no field of it: txt"
    ):
        given_fields(Note)
