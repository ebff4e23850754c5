"""The data orjson writes for to_json and write_jsonl (``_json_data``): the
converter's data but for its lists (the records' own tuples), written alike
(by orjson when it is installed, and by json)."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Negotiation,
    Party,
    Source,
    Statement,
    _fastjson,
    converter,
    make_converter,
    to_dict,
    to_json,
)
from negotiation_records import strategies as nst
from negotiation_records._json_data import json_data_hook
from tests.seed import seed_record
from tests.strategies_foundation import RECORD_TYPES


DAY = pendulum.date(2025, 7, 19)


def _stdlib_dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


class TestTheSameText:
    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
    @settings(max_examples=25)
    @given(data=st.data())
    def test_orjson_and_json_write_the_converters_text(
        self, cls: type[Any], data: st.DataObject
    ) -> None:
        """Every record class has a hook, whose data each writes as to_dict's."""
        record = data.draw(nst.for_type(cls))
        hook = json_data_hook(converter, cls)
        assert hook is not None
        written, plain = hook(record), to_dict(record)
        assert _stdlib_dumps(written) == _stdlib_dumps(plain)
        raw = {"may_hold_small_floats": False, "may_hold_non_finite": False}
        assert _fastjson.dumps(written, **raw) == _fastjson.dumps(plain, **raw)

    def test_other_classes_have_none(self) -> None:
        """Anything but the library's records is written through to_dict."""

        @attrs.frozen
        class Mine:
            name: str

        class Quiet(Party):
            pass

        for cls in (Mine, Quiet, dict, list, str, int):
            assert json_data_hook(converter, cls) is None


class TestWhatARecordHolds:
    def test_a_list_set_past_the_checks_is_written_as_the_converter_writes_it(
        self,
    ) -> None:
        """A list, or text, where a record holds a tuple: to_dict's text."""
        source = Source(id="tass", publisher="TASS")
        for value in (["a", "b"], "ab", ()):
            said = Statement(
                id="s", speaker="A", said_on=DAY, text="Yes.", source="tass"
            )
            object.__setattr__(said, "sources", value)
            assert to_json(said) == _stdlib_dumps(to_dict(said))
        record = Negotiation(id="talks", title="Talks", sources=[source])
        object.__setattr__(record, "sources", [source])
        assert to_json(record) == _stdlib_dumps(to_dict(record))

    def test_no_list_where_a_list_of_records_goes_is_refused_alike(self) -> None:
        """None where the parties go: the error to_dict raises."""
        record = attrs.evolve(seed_record())
        object.__setattr__(record, "parties", None)
        with pytest.raises(TypeError) as plain:
            to_dict(record)
        with pytest.raises(TypeError) as written:
            to_json(record)
        assert str(written.value) == str(plain.value)


class TestHooksOfYourOwn:
    def test_a_hook_registered_for_a_record_inside_is_used(self) -> None:
        """The hooks are made again from the converter's: a Party writer
        registered on it writes the parties of a negotiation."""
        conv = make_converter()
        record = seed_record()
        before = json_data_hook(conv, Negotiation)
        assert before is not None
        assert before(record)["parties"][0]["id"] == record.parties[0].id
        conv.register_unstructure_hook(Party, lambda party: party.id)
        after = json_data_hook(conv, Negotiation)
        assert after is not None
        assert after is not before
        assert after(record)["parties"] == [party.id for party in record.parties]
        assert json_data_hook(conv, Party) is None  # a hook of your own
