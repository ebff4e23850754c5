"""
The compiled loaders' shortcuts give what the exact path gives: an empty
list is read as ``()`` at once; objects holding every key the library
writes, and hand-written objects that miss a key, hold an unknown one or
give an empty list where one item is needed, are read, or refused, as
before.
"""

from __future__ import annotations

import pendulum
import pytest

from negotiation_records import (
    Action,
    Deadline,
    Party,
    ValidationError,
    from_dict,
    from_json,
    to_dict,
    to_json,
)


def _business_deadline() -> Deadline:
    return Deadline.after_business_days(
        pendulum.date(2025, 7, 31),
        5,
        holidays=[pendulum.date(2025, 8, 4)],
        tz="America/New_York",
    )


class TestKeysAsWritten:
    def test_a_written_deadline_reads_back(self) -> None:
        """Every key the library writes is there: the same record comes back."""
        deadline = _business_deadline()
        assert from_json(Deadline, to_json(deadline)) == deadline

    def test_a_key_left_out_beside_one_written_only_when_given(self) -> None:
        """
        ``workdays`` (written only when it holds days) given by hand and
        ``counts_back`` left out: as many keys as the library writes, one of
        them not the one the shortcut expects; the record is read all the same.
        """
        deadline = _business_deadline()
        data = to_dict(deadline)
        del data["counts_back"]
        data["workdays"] = []
        assert from_dict(Deadline, data) == deadline

    def test_an_unknown_key_in_place_of_a_left_out_one(self) -> None:
        """As many keys as written, one of them unknown: refused, at its object."""
        data = to_dict(_business_deadline())
        del data["counts_back"]
        data["count_back"] = True
        with pytest.raises(ValidationError) as caught:
            from_dict(Deadline, data)
        assert list(caught.value.errors) == [("$", "unknown key 'count_back'")]

    def test_a_party_written_by_hand_with_few_keys(self) -> None:
        """Fewer keys than the library writes: each left out takes its default."""
        party = from_json(Party, '{"id": "eu", "name": "EU", "kind": "coalition"}')
        assert party == Party(id="eu", name="EU", kind="coalition")
        assert party.aliases == ()
        assert party.sources == ()


class TestEmptyLists:
    def test_empty_lists_are_empty_tuples(self) -> None:
        """An empty array given reads as the field left out does: ``()``."""
        given = from_json(
            Party,
            '{"id": "eu", "name": "EU", "kind": "coalition", "aliases": [],'
            ' "members": [], "sources": []}',
        )
        assert given == Party(id="eu", name="EU", kind="coalition")
        assert (given.aliases, given.members, given.sources) == ((), (), ())

    def test_an_empty_list_where_one_item_is_needed_is_refused(self) -> None:
        """An action's ``by`` names at least one party: an empty one is refused."""
        with pytest.raises(ValidationError) as caught:
            from_json(
                Action,
                '{"id": "a", "kind": "protest", "by": [], "on": "2023-09-15",'
                ' "summary": "Strike"}',
            )
        assert list(caught.value.errors) == [("by", "must hold at least 1 item, got 0")]
