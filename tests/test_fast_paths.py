"""The fast paths give exactly what the plain ones give: the compiled field
checks of the records, the ASCII shortcuts of the text converters, and JSON
through orjson."""

from __future__ import annotations

import copy
import enum
import json
import re
import typing
import unicodedata
import zoneinfo
from typing import Any, cast

import attrs
import pendulum
import pytest
from cattrs.gen import make_dict_unstructure_fn
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Negotiation,
    Outcome,
    OutcomeKind,
    PartialDate,
    Party,
    PartyKind,
    Period,
    Quantity,
    Statement,
    ValidationError,
    _fastjson,
    converter,
    format_moment,
    from_dict,
    make_converter,
    parse_moment,
    serialization,
    to_dict,
    to_json,
)
from negotiation_records import strategies as nst
from negotiation_records._validators import (
    _FAST,
    Record,
    _compile_fast_check,
    _field_problems,
    _Matched,
    as_text,
    as_text_tuple,
    check_instance,
    check_tuple,
    fast_spec,
    optional,
)
from negotiation_records.deadlines import _add_calendar, _in_zone
from negotiation_records.serialization import _collect
from negotiation_records.timeutil import moment_eq_key
from tests.strategies_foundation import RECORD_TYPES


RECORDS = RECORD_TYPES


class _Str(str):
    __slots__ = ()


class _Tuple(tuple[Any, ...]):
    __slots__ = ()


class _Color(enum.Enum):
    RED = "red"


def _reference_problems(record: Record) -> list[tuple[str, str]]:
    """What construction reported before the fast path: every field check, then
    the cross-field checks if the fields were all valid."""
    problems = list(_field_problems(record))
    if not problems:
        problems.extend(record._problems())
    return problems


def _reported(record: Record) -> list[tuple[str, str]]:
    try:
        record.__attrs_post_init__()
    except ValidationError as exc:
        return list(exc.errors)
    return []


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=True),
    st.sampled_from(
        ["", " ", "\t", "ok", "Ok", "a b", "q212", "Q212", "UA", "ua", "e\u0301"]
    ),
    nst.slugs(),
    nst.texts(),
    st.builds(_Str, st.sampled_from(["ukraine", "Ukraine", " "])),
    st.sampled_from([PartyKind.STATE, _Color.RED]),
    nst.moments(),
    st.builds(pendulum.naive, st.just(2025), st.just(7), st.just(14)),
    st.just(PartialDate(2025, 6)),
)
_HOSTILE = st.one_of(
    _SCALARS,
    st.lists(_SCALARS, max_size=3).map(tuple),
    st.lists(_SCALARS, max_size=3),
    st.lists(nst.slugs(), max_size=3).map(lambda items: (*items, *items[:1])),
    st.lists(_SCALARS, max_size=2).map(_Tuple),
)


_EDGES: list[object] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    2,
    1.5,
    float("nan"),
    "",
    " ",
    "\t\n",
    "ok",
    "Ok",
    "a b",
    "ukraine",
    "Ukraine",
    "-x",
    "x-",
    "a" * 65,
    "q212",
    "Q212",
    "Q0",
    "UA",
    "ua",
    "UAX",
    "e\u0301",
    "https://example.org/a",
    "http:// example",
    "P50D",
    "Europe/Kyiv",
    "Mars/Olympus",
    _Str("ukraine"),
    _Str(" "),
    PartyKind.STATE,
    _Color.RED,
    pendulum.date(2025, 7, 14),
    pendulum.datetime(2025, 7, 14, 12, tz="Europe/Kyiv"),
    pendulum.naive(2025, 7, 14, 12),
    PartialDate(2025, 6),
    (),
    ("a",),
    ("a", "a"),
    ("ukraine", "russia"),
    (" ",),
    ("Ukraine",),
    (1,),
    (None,),
    [],
    ["a"],
    _Tuple(("a",)),
    (pendulum.date(2025, 7, 14), pendulum.date(2025, 7, 14)),
]


def _edge_values(original: object) -> list[object]:
    """The edge values, and variations of a field's own valid value."""
    values = list(_EDGES)
    if isinstance(original, tuple) and original:
        values += [
            (original[0], original[0]),
            (*original, None),
            list(original),
            _Tuple(original),
        ]
    if isinstance(original, Record):
        values += [(original,), _Str("x")]
    return values


def _corrupted(record: Record, data: st.DataObject) -> Record:
    """A copy of *record* whose fields hold whatever the strategies give,
    set without any conversion or check (as a buggy caller or a bad load could)."""
    cls = type(record)
    copy = object.__new__(cls)
    fields = attrs.fields(cast(Any, cls))
    bad = data.draw(st.sets(st.sampled_from([f.name for f in fields]), max_size=3))
    for field in fields:
        value = getattr(record, field.name)
        if field.name in bad:
            value = data.draw(_HOSTILE)
        object.__setattr__(copy, field.name, value)
    return copy


class TestCompiledFieldChecks:
    @pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
    @settings(max_examples=25)
    @given(data=st.data())
    def test_valid_records_take_the_fast_path(
        self, cls: type[Record], data: st.DataObject
    ) -> None:
        """Every valid record passes the compiled test (the field checks are not re-run)."""
        record = data.draw(nst.for_type(cls))
        fields_ok = _FAST.get(cls) or _compile_fast_check(cls)
        assert fields_ok(record)
        assert list(_field_problems(record)) == []

    @pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
    @settings(max_examples=60)
    @given(data=st.data())
    def test_reports_exactly_what_the_checks_report(
        self, cls: type[Record], data: st.DataObject
    ) -> None:
        """With any field values at all, construction reports the very problems,
        in the very order, that running every check one by one reports."""
        record = _corrupted(data.draw(nst.for_type(cls)), data)
        fields_ok = _FAST.get(cls) or _compile_fast_check(cls)
        if fields_ok(record):
            assert list(_field_problems(record)) == []
        assert _reported(record) == _reference_problems(record)

    @pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
    @settings(max_examples=5)
    @given(data=st.data())
    def test_every_edge_value_in_every_field(
        self, cls: type[Record], data: st.DataObject
    ) -> None:
        """Each field of a valid record, set in turn to each of many edge values,
        is reported exactly as the checks one by one report it."""
        record = data.draw(nst.for_type(cls))
        fields_ok = _FAST.get(cls) or _compile_fast_check(cls)
        for field in attrs.fields(cast(Any, cls)):
            original = getattr(record, field.name)
            for value in _edge_values(original):
                copy = object.__new__(cls)
                for other in attrs.fields(cast(Any, cls)):
                    object.__setattr__(copy, other.name, getattr(record, other.name))
                object.__setattr__(copy, field.name, value)
                if fields_ok(copy):
                    assert list(_field_problems(copy)) == [], (field.name, value)
                assert _reported(copy) == _reference_problems(copy)

    def test_a_string_subclass_is_checked_the_slow_way(self) -> None:
        """A str subclass is not taken on trust; the checks decide (and accept it)."""
        party = Party(id=_Str("ukraine"), name="Ukraine", kind="state")
        assert party.id == "ukraine"
        assert not _FAST[Party](party)

    def test_a_failing_check_still_names_every_problem(self) -> None:
        """The compiled test only says 'look closer': all problems are reported."""
        with pytest.raises(ValidationError) as caught:
            Party(id="Ukraine", name=" ", kind="stat", aliases=["Kyiv", "Kyiv"])
        assert caught.value.errors == (
            (
                "id",
                "must be a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, at "
                "most 64 characters), got 'Ukraine'",
            ),
            ("name", "must be non-empty text, got ' '"),
            (
                "kind",
                "'stat' is not a valid PartyKind (choose from 'state', "
                "'organization', 'coalition', 'person', 'group', 'other')",
            ),
            ("aliases[1]", "alias 'Kyiv' appears twice"),
        )

    def test_a_check_that_raises_in_the_compiled_test_falls_back(self) -> None:
        """An unhashable item makes set() raise; the checks themselves then decide."""
        check = check_tuple(check_instance(list, "a list"), unique="list")

        @attrs.frozen(kw_only=True)
        class Lists(Record):
            items: tuple[list[int], ...] = attrs.field(
                metadata={"negotiation_records.check": check}
            )

        assert Lists(items=([1], [1])).items == ([1], [1])

    def test_a_check_without_a_spec_is_called(self) -> None:
        """A check the compiler knows nothing about is called as it is."""
        calls: list[object] = []

        def odd(value: object) -> list[tuple[str, str]]:
            calls.append(value)
            return [] if isinstance(value, int) and value % 2 else [("", "even")]

        @attrs.frozen(kw_only=True)
        class Odd(Record):
            n: int = attrs.field(metadata={"negotiation_records.check": odd})
            m: int | None = attrs.field(
                default=None, metadata={"negotiation_records.check": optional(odd)}
            )

        assert Odd(n=3).n == 3
        with pytest.raises(ValidationError, match="n: even"):
            Odd(n=4)
        assert calls[:1] == [3]

    def test_a_spec_that_is_not_known_calls_the_check(self) -> None:
        """An unknown spec kind is treated like no spec at all."""

        def positive(value: object) -> list[tuple[str, str]]:
            return [] if isinstance(value, int) and value > 0 else [("", "not > 0")]

        fast_spec(positive, "something-new")

        @attrs.frozen(kw_only=True)
        class Positive(Record):
            n: int = attrs.field(metadata={"negotiation_records.check": positive})

        assert Positive(n=1).n == 1
        with pytest.raises(ValidationError, match="n: not > 0"):
            Positive(n=0)


class TestTextConverters:
    @given(st.text())
    def test_as_text_is_nfc(self, text: str) -> None:
        """as_text gives the NFC form of any text, ASCII or not."""
        assert as_text(text) == unicodedata.normalize("NFC", text)

    @given(st.lists(st.text(max_size=5), max_size=4))
    def test_as_text_tuple_is_a_tuple_of_nfc(self, items: list[str]) -> None:
        """as_text_tuple gives a plain tuple of NFC texts, from a list or a tuple."""
        expected = tuple(unicodedata.normalize("NFC", item) for item in items)
        for given_value in (items, tuple(items), _Tuple(items)):
            converted = as_text_tuple(given_value)
            assert converted == expected
            assert type(converted) is tuple

    def test_ascii_tuple_is_kept(self) -> None:
        """A tuple of ASCII strings is already converted: it is kept as it is."""
        aliases = ("Kyiv", "Kiev")
        assert as_text_tuple(aliases) is aliases

    def test_non_text_items_are_passed_through(self) -> None:
        """Items that are not text are left for the check to report."""
        mixed: Any = ("a", 1)
        number: Any = 1
        assert as_text_tuple(mixed) == mixed
        assert as_text(number) is number


def _json_values() -> st.SearchStrategy[Any]:
    """Any JSON data, with the numbers and strings where orjson and json differ."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from([1e-05, -2.5e-7, 1e16, 1e22, 0.1, 1.0, -0.0, 5e-324]),
        st.text(),
        st.sampled_from(
            ["\ud800", "a\udfff", "e-mail", "x:1e-5", "1.00001", "\x7f\x1f"]
        ),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(st.text(max_size=5), inner, max_size=4),
        ),
        max_leaves=12,
    )


def _stdlib_dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


class TestOrjsonGivesTheStdlibResult:
    @given(_json_values())
    def test_dumps_is_the_stdlib_text_or_declines(self, data: Any) -> None:
        """orjson's text is used only when it is json's text, byte for byte."""
        text = _fastjson.dumps(data)
        if text is not _fastjson.NOT_FAST:
            assert text == _stdlib_dumps(data)

    @given(_json_values(), st.sampled_from(["compact", "spaced", "ascii"]))
    def test_loads_is_the_stdlib_result_or_declines(
        self, data: Any, style: str
    ) -> None:
        """orjson's reading is used only when it is json's reading of that text."""
        try:
            if style == "compact":
                text = _stdlib_dumps(data)
            elif style == "spaced":
                text = json.dumps(data, ensure_ascii=False)
            else:
                text = json.dumps(data)
        except ValueError:
            return
        for given_text in (text, text.encode("utf-8", "surrogatepass")):
            parsed = _fastjson.loads(given_text)
            if parsed is not _fastjson.NOT_FAST:
                assert parsed == json.loads(given_text)

    @pytest.mark.parametrize(
        "text",
        [
            '{"a":1,"a":2}',
            '{"a":{"b":1,"b":1}}',
            "[1E5]",
            "[-0]",
            "[1.0e-05]",
            "[18446744073709551616]",
            '"\\u00e9"',
            '"\\/"',
            "[NaN]",
            "[1e400]",
            '"\\ud800"',
            "\ufeff[1]",
            " [1]",
            "[1] ",
            "[1,]",
        ],
    )
    def test_texts_not_in_the_compact_form_are_left_to_json(self, text: str) -> None:
        """Repeated keys, other spellings, escapes, white space and errors: json reads them."""
        assert _fastjson.loads(text) is _fastjson.NOT_FAST
        assert (
            _fastjson.loads(text.encode("utf-8", "surrogatepass")) is _fastjson.NOT_FAST
        )

    def test_compact_text_is_read_by_orjson(self) -> None:
        """The compact form (what to_json writes) is read fast, from str, bytes or a view."""
        text = '{"id":"kyiv","n":[1,2.5,null,true],"t":"Київ\\n"}'
        expected = json.loads(text)
        assert _fastjson.loads(text) == expected
        assert _fastjson.loads(text.encode()) == expected
        assert _fastjson.loads(bytearray(text.encode())) == expected
        assert _fastjson.loads(memoryview(text.encode())) == expected

    @pytest.mark.parametrize(
        "data",
        [[1e-05], {"x": -2.5e-07}, [2**64], ["\ud800"], [0.00001234]],
    )
    def test_values_written_otherwise_are_left_to_json(self, data: Any) -> None:
        """Small numbers, big integers and lone surrogates: json writes them."""
        assert _fastjson.dumps(data) is _fastjson.NOT_FAST

    def test_text_that_only_looks_like_a_small_number_costs_a_detour(self) -> None:
        """'e-mail' is not a number: orjson's text is kept; '1e-5' in text is not."""
        assert (
            _fastjson.dumps(["e-mail", "ceasefire-now"]) == '["e-mail","ceasefire-now"]'
        )
        assert _fastjson.dumps(["1e-5"]) is _fastjson.NOT_FAST

    def test_a_caller_that_vouches_for_its_numbers_spares_the_search(self) -> None:
        """Without small floats to fear, text that looks like one is kept; what
        orjson refuses is still left to json."""
        vouched = {"may_hold_small_floats": False}
        assert _fastjson.dumps(["1e-5", 0.5], **vouched) == '["1e-5",0.5]'
        assert _fastjson.dumps([2**64], **vouched) is _fastjson.NOT_FAST


def _field_types(t: Any) -> list[Any]:
    """*t* and every type inside it (union members, tuple items)."""
    found = [t]
    for arg in typing.get_args(t):
        if arg is not Ellipsis:
            found += _field_types(arg)
    return found


_EDGE_AMOUNTS = [1e-05, 2.5e-7, 5e-324, 9.999999999999999e-05, 1e-4, 0.0, 1e16]


class TestWritingJson:
    """to_json writes what json writes; through orjson without searching its
    output for small numbers when the library's hooks counted them."""

    def test_only_amounts_hold_floats(self) -> None:
        """The counting hooks rely on it: no field of a library record admits a
        float except through ``int | float``, which the counting hook writes."""
        for cls in RECORDS:
            for field in attrs.fields(cast(Any, cls)):
                if float in _field_types(field.type):
                    assert field.type == int | float, (cls, field.name)
                    hook = converter.get_unstructure_hook(field.type)
                    assert hook is serialization._unstructure_number

    @pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
    @settings(max_examples=25)
    @given(data=st.data())
    def test_every_record_is_written_as_json_writes_it(
        self, cls: type[Record], data: st.DataObject
    ) -> None:
        """Byte for byte the standard library's text, and by the counting hooks."""
        record = data.draw(nst.for_type(cls))
        assert serialization._written_by_counting_hooks(converter, record)
        assert serialization._written_by_counting_hooks(converter, [record, record])
        assert to_json(record) == _stdlib_dumps(to_dict(record))
        assert to_json([record]) == _stdlib_dumps(to_dict([record]))

    @pytest.mark.parametrize("amount", _EDGE_AMOUNTS)
    def test_small_amounts_are_written_as_json_writes_them(self, amount: float) -> None:
        """1e-05, not orjson's 0.00001: at any depth, alone or in a list."""
        quantity = Quantity(amount=amount, unit="t")
        outcome = Outcome(text="x", kind=OutcomeKind.OTHER, quantity=quantity)
        for value in (quantity, outcome, [outcome, outcome], (quantity,)):
            assert to_json(value) == _stdlib_dumps(to_dict(value))
        assert f'"amount":{amount!r}' in to_json(outcome)

    def test_floats_of_other_hooks_are_searched_for(self) -> None:
        """A class of your own, or a hook of your own for a record, is not counted:
        its output is searched for small numbers as before."""

        @attrs.frozen(kw_only=True)
        class Reading(Record):
            value: float

        conv = make_converter()
        conv.register_unstructure_hook(
            Quantity, lambda q: {"amount": q.amount * 1e-9, "unit": q.unit}
        )
        outcome = Outcome(
            text="x", kind=OutcomeKind.OTHER, quantity=Quantity(amount=10, unit="t")
        )
        assert not serialization._written_by_counting_hooks(conv, outcome)
        assert not serialization._written_by_counting_hooks(converter, Reading(value=1))
        assert not serialization._written_by_counting_hooks(converter, {"a": 1e-5})
        reading = Reading(value=1e-5)
        assert to_json(reading) == '{"value":1e-05}'
        assert to_json([reading, outcome]) == _stdlib_dumps(to_dict([reading, outcome]))


_JSON_EDGES: list[Any] = [
    None,
    True,
    0,
    -1,
    1.5,
    2**70,
    "",
    " ",
    "x",
    "Ukraine",
    "e\u0301",
    "Київ",
    "\ud800",
    "2025-13-01",
    "2025-07-14",
    "2025-07-14T12:00:00",
    "2025-07-14T12:00:00+03:00[Europe/Kyiv]",
    "2025-07",
    "P1D",
    "state",
    [],
    ["a"],
    ["a", "a"],
    ["Київ"],
    [None],
    {},
    {"x": 1},
]


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


def _mutated(data: Any, draw: st.DataObject) -> Any:
    """*data* (a copy) with one value replaced, one key removed or one key added."""
    data = copy.deepcopy(data)
    path = draw.draw(st.sampled_from(_paths(data)))
    operation = draw.draw(st.sampled_from(["replace", "remove", "add", "wrap"]))
    if not path:
        return (
            [data] if operation == "wrap" else draw.draw(st.sampled_from(_JSON_EDGES))
        )
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if operation == "remove" and isinstance(parent, dict):
        del parent[last]
    elif operation == "add" and isinstance(parent[last], dict):
        parent[last]["unknown_key"] = 1
    elif operation == "wrap":
        parent[last] = [parent[last]]
    else:
        parent[last] = draw.draw(st.sampled_from(_JSON_EDGES))
    return data


def _same(left: Any, right: Any) -> bool:
    """Equal, and of the same types all the way down (zones included)."""
    if type(left) is not type(right):
        return False
    if attrs.has(type(left)):
        return all(
            _same(getattr(left, field.name), getattr(right, field.name))
            for field in attrs.fields(type(left))
        )
    if isinstance(left, tuple):
        return len(left) == len(right) and all(map(_same, left, right))
    if isinstance(left, pendulum.DateTime):
        return left == right and moment_eq_key(left) == moment_eq_key(right)
    return bool(left == right)


def _outcome(hook: Any, data: Any, cls: type[Any]) -> tuple[str, Any]:
    try:
        return "loaded", hook(copy.deepcopy(data), cls)
    except Exception as exc:  # noqa: BLE001 - compared below
        return "refused", _collect(exc)


class TestCompiledRecordHooks:
    @pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
    def test_every_record_class_is_compiled(self, cls: type[Record]) -> None:
        """The library's converters load every record class through a compiled hook."""
        for conv in (converter, make_converter(forbid_extra_keys=False)):
            hook = conv.get_structure_hook(cls)
            assert "_slow" in hook.__globals__

    @pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
    @pytest.mark.parametrize("strict", [True, False], ids=["strict", "lenient"])
    @settings(max_examples=40)
    @given(data=st.data())
    def test_compiled_and_cattrs_hooks_agree(
        self, cls: type[Record], strict: bool, data: st.DataObject
    ) -> None:
        """On valid and on damaged objects, the compiled hook gives what cattrs' hook
        gives: the same record (same types, same zones) or the same problems."""
        conv = converter if strict else make_converter(forbid_extra_keys=False)
        hook = conv.get_structure_hook(cls)
        slow = hook.__globals__["_slow"]
        record = data.draw(nst.for_type(cls))
        plain = to_dict(record)
        if data.draw(st.booleans()):
            plain = _mutated(plain, data)
        fast_result, slow_result = (
            _outcome(hook, plain, cls),
            _outcome(slow, plain, cls),
        )
        assert fast_result[0] == slow_result[0]
        if fast_result[0] == "loaded":
            assert _same(fast_result[1], slow_result[1])
        else:
            assert fast_result[1] == slow_result[1]

    @pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
    @settings(max_examples=40)
    @given(data=st.data())
    def test_compiled_writing_is_cattrs_writing(
        self, cls: type[Record], data: st.DataObject
    ) -> None:
        """The compiled unstructure hook writes what cattrs' generated one writes,
        key order included (a Negotiation adds its schema version first)."""
        record = data.draw(nst.for_type(cls))
        expected = make_dict_unstructure_fn(cls, converter)(record)
        if cls is Negotiation:
            expected = {"schema_version": 1, **expected}
        got = converter.unstructure(record)
        assert list(got.items()) == list(expected.items())
        assert json.dumps(got) == json.dumps(expected)

    def test_a_failed_check_reports_through_cattrs(self) -> None:
        """A record whose check fails is reported with the path cattrs gives it."""
        with pytest.raises(ValidationError) as caught:
            from_dict(
                list[Party],
                [
                    {"id": "ok", "name": "A", "kind": "state"},
                    {"id": "No", "name": "B", "kind": "state"},
                ],
            )
        assert caught.value.errors == (
            (
                "[1].id",
                "must be a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, at "
                "most 64 characters), got 'No'",
            ),
        )

    def test_non_ascii_text_is_normalised(self) -> None:
        """Text that is not ASCII goes through the converters: it is stored NFC."""
        party = from_dict(
            Party,
            {"id": "x", "name": "Cafe\u0301", "kind": "state", "aliases": ["e\u0301"]},
        )
        assert party.name == "Caf\u00e9"
        assert party.aliases == ("\u00e9",)

    def test_a_class_with_a_factory_default_is_compiled(self) -> None:
        """A default made by a factory is made anew, as __init__ makes it."""

        @attrs.frozen(kw_only=True)
        class Tagged(Record):
            tags: tuple[str, ...] = attrs.field(factory=tuple)
            note: str = attrs.field(default="none")

        hook = make_converter().get_structure_hook(Tagged)
        assert "_slow" in hook.__globals__
        assert hook({}, Tagged) == Tagged()
        assert hook({"tags": ["a"]}, Tagged).tags == ("a",)

    def test_classes_the_compiler_cannot_read_are_left_to_cattrs(self) -> None:
        """A field with an attrs validator, or a default made from self, is not compiled."""

        @attrs.frozen(kw_only=True)
        class Validated(Record):
            n: int = attrs.field(validator=attrs.validators.ge(0))

        @attrs.frozen(kw_only=True)
        class SelfMade(Record):
            n: int = attrs.field(default=1)
            m: int = attrs.field(
                default=attrs.Factory(lambda self: self.n, takes_self=True)
            )

        @attrs.frozen(kw_only=True)
        class NotARecord:
            n: int

        conv = make_converter()
        for cls in (Validated, SelfMade, NotARecord):
            hook = conv.get_structure_hook(cls)
            assert "_slow" not in hook.__globals__
        assert conv.get_structure_hook(SelfMade)({"n": 2}, SelfMade).m == 2


_ZONES = [
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "UTC",
]


class TestFastArithmeticIsPendulums:
    """The deadline arithmetic in plain datetime gives what pendulum gives."""

    @given(
        st.dates(min_value=pendulum.date(1, 1, 1), max_value=pendulum.date(9998, 1, 1)),
        st.integers(0, 30),
        st.integers(0, 40),
        st.integers(0, 10),
        st.integers(0, 400),
    )
    def test_calendar_addition(
        self, day: Any, years: int, months: int, weeks: int, days: int
    ) -> None:
        """Years and months clamp to the month's end, then weeks and days."""
        anchor = pendulum.Date(day.year, day.month, day.day)
        period = Period(years=years, months=months, weeks=weeks, days=days)
        expected = anchor.add(years=years, months=months, weeks=weeks, days=days)
        got = _add_calendar(anchor, period)
        assert (type(got), got) == (pendulum.Date, expected)

    def test_calendar_addition_past_the_last_year_fails_like_pendulum(self) -> None:
        """Running off the calendar raises ValueError, which deadlines report."""
        with pytest.raises(ValueError, match="year 10000 is out of range"):
            _add_calendar(pendulum.date(9999, 12, 1), Period(months=1))

    @given(
        st.datetimes(
            min_value=pendulum.datetime(1900, 1, 1).naive(),
            max_value=pendulum.datetime(2100, 1, 1).naive(),
        ),
        st.sampled_from(_ZONES),
    )
    def test_an_instant_in_a_zone(self, utc: Any, name: str) -> None:
        """Same instant, same wall clock and offset as pendulum's conversion.

        (pendulum marks unambiguous times ``fold=1``, the standard library
        ``fold=0``; the fold matters only in a repeated hour, where the offset
        tells the two apart.)
        """
        instant = pendulum.instance(utc, tz="UTC")
        tz = pendulum.timezone(name)
        expected = instant.in_timezone(tz)
        got = _in_zone(instant, tz)
        assert type(got) is pendulum.DateTime
        assert got.tzinfo is tz
        assert (got.naive(), got.utcoffset(), got.timestamp()) == (
            expected.naive(),
            expected.utcoffset(),
            expected.timestamp(),
        )

    def test_an_instant_in_another_kind_of_zone(self) -> None:
        """A zone that is not pendulum's still gives the same instant."""
        instant = pendulum.datetime(2025, 7, 14, 12, tz="UTC")
        got = _in_zone(instant, zoneinfo.ZoneInfo("Europe/Kyiv"))
        assert type(got) is pendulum.DateTime
        assert (got.hour, got.timestamp()) == (15, instant.timestamp())


class TestMomentCache:
    def test_loaded_moments_are_shared_and_equal(self) -> None:
        """The same text loads once; the value is the one parse_moment gives."""
        data = {
            "id": "s",
            "speaker": "X",
            "said_on": "2025-11-02T01:30:00-05:00[America/New_York]",
            "text": "t",
        }
        first = from_dict(Statement, data)
        second = from_dict(Statement, data)
        assert first.said_on is second.said_on
        assert moment_eq_key(first.said_on) == moment_eq_key(
            parse_moment("2025-11-02T01:30:00-05:00[America/New_York]")
        )
        assert isinstance(first.said_on, pendulum.DateTime)
        assert first.said_on.fold == 1

    def test_bad_text_is_refused_every_time(self) -> None:
        """An error is not cached away: the second load is refused too."""
        data = {"id": "s", "speaker": "X", "said_on": "2025-02-30", "text": "t"}
        for _ in range(2):
            with pytest.raises(ValidationError, match="said_on: impossible date"):
                from_dict(Statement, data)


class TestWrittenMomentCache:
    def test_equal_moments_keep_their_own_text(self) -> None:
        """Moments equal to each other but written otherwise keep their own text,
        written or found again: the two 01:30s of a night when clocks go back
        (``fold``), the same instant in a named zone, in UTC and at an offset."""
        zone = pendulum.timezone("America/New_York")
        earlier = pendulum.DateTime(2025, 11, 2, 1, 30, tzinfo=zone, fold=0)
        later = pendulum.DateTime(2025, 11, 2, 1, 30, tzinfo=zone, fold=1)
        summer = pendulum.datetime(2025, 7, 14, 12, tz=zone)
        utc = summer.in_timezone("UTC")
        fixed = summer.in_timezone(pendulum.FixedTimezone(-4 * 3600))
        assert earlier == later
        assert summer == utc == fixed
        moments = (earlier, later, summer, utc, fixed)
        expected = [
            "2025-11-02T01:30:00-04:00[America/New_York]",
            "2025-11-02T01:30:00-05:00[America/New_York]",
            "2025-07-14T12:00:00-04:00[America/New_York]",
            "2025-07-14T16:00:00Z",
            "2025-07-14T12:00:00-04:00",
        ]
        for _ in range(2):  # written, then found again
            written = [
                to_dict(Statement(id="s", speaker="X", said_on=moment, text="t"))[
                    "said_on"
                ]
                for moment in moments
            ]
            assert written == expected
            assert written == [format_moment(moment) for moment in moments]

    def test_moments_made_and_dropped_get_their_own_text(self) -> None:
        """The cache is keyed by identity and bounded: moments made, written and
        dropped one after the other (their addresses reused) each get their own
        text, and the cache never keeps more than its size."""
        start = pendulum.datetime(2025, 1, 1, tz="Europe/Kyiv")
        for hours in range(serialization._WRITTEN_MAX + 10):
            moment = start.add(hours=hours)
            assert serialization._write_moment(moment) == format_moment(moment)
            del moment
            assert len(serialization._WRITTEN) <= serialization._WRITTEN_MAX


class TestMatchedStrings:
    def test_only_matches_are_remembered(self) -> None:
        """A valid id is kept for the next test; an invalid one never is."""
        matched = _Matched(re.compile(r"[a-z]+"))
        assert matched.add("kyiv")
        assert not matched.add("Kyiv")
        assert set(matched) == {"kyiv"}

    def test_the_set_is_bounded(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """At the limit the set starts afresh: memory stays flat on any corpus."""
        monkeypatch.setattr(_Matched, "_LIMIT", 3)
        matched = _Matched(re.compile(r"[a-z]+"))
        for word in ("a", "b", "c", "d"):
            assert matched.add(word)
        assert set(matched) == {"d"}

    def test_an_invalid_reference_after_valid_ones_is_reported(self) -> None:
        """Remembered ids do not let a bad one through."""
        Party(id="ukraine", name="Ukraine", kind="state")
        with pytest.raises(ValidationError, match="id: must be a lower-case slug"):
            Party(id="Ukraine", name="Ukraine", kind="state")
