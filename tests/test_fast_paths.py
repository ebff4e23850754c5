"""The fast paths give exactly what the plain ones give: the compiled record
loaders and writers, JSON through orjson, and the deadline arithmetic."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import tomllib
import zoneinfo
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from cattrs.gen import make_dict_unstructure_fn, override
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Negotiation,
    Outcome,
    Party,
    PartyKind,
    Period,
    Proposal,
    Quantity,
    Round,
    Source,
    Ultimatum,
    ValidationError,
    _fastjson,
    converter,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
    write_jsonl,
)
from negotiation_records import strategies as nst
from negotiation_records._deadline_arithmetic import add_calendar as _add_calendar
from negotiation_records._deadline_arithmetic import in_zone as _in_zone
from negotiation_records._hooks import collect_problems
from negotiation_records._number_kinds import whole_as_int
from negotiation_records._record import Record
from negotiation_records.fields import Many, Text, field, is_init_only, omits_empty
from negotiation_records.migrations import SCHEMA_VERSION
from negotiation_records.timeutil import (
    EPOCH,
    format_moment,
    is_before,
    moment_eq_key,
    since_epoch,
)
from tests.seed import seed_record
from tests.strategies_foundation import RECORD_TYPES


PYPROJECT = tomllib.loads(
    (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(
        encoding="utf-8"
    )
)


RECORDS = RECORD_TYPES


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
    @pytest.mark.parametrize(
        ("version", "used"),
        [
            ("3.9.15", False),
            ("3.11.5", False),  # wrote 1e16 where json writes 1e+16
            ("3.12.0", True),
            ("3.13.0", True),
            ("4.0", True),
            ("", False),
            ("unknown", False),
        ],
    )
    def test_only_an_orjson_that_writes_numbers_as_json_is_used(
        self, version: str, used: bool
    ) -> None:
        """orjson before 3.12 wrote large floats without the exponent's sign: the
        library leaves such an orjson alone, installed or not by the extra."""

        class Module:
            __version__ = version

        assert _fastjson.usable(Module) is used

    def test_the_fast_extra_requires_a_usable_orjson(self) -> None:
        """The ``fast`` extra's lower bound is the first orjson the library uses."""
        requirement = PYPROJECT["project"]["optional-dependencies"]["fast"][0]
        assert requirement == "orjson>=" + ".".join(map(str, _fastjson.FIRST_VERSION))

    def test_large_floats_are_written_as_json_writes_them(self) -> None:
        """1e16 and beyond carry the exponent's sign, as json writes them."""
        data = [1e16, 1.5e300, 1.2345678901234568e17, -1e22]
        out = _fastjson.dumps(data)
        assert out is _fastjson.NOT_FAST or out.decode() == _stdlib_dumps(data)
        assert to_json(Quantity(amount=1e16, unit="barrels")).count("1e+16") == 1

    @given(_json_values())
    def test_dumps_is_the_stdlib_text_or_declines(self, data: Any) -> None:
        """orjson's text is used only when it is json's text, byte for byte."""
        out = _fastjson.dumps(data)
        if out is not _fastjson.NOT_FAST:
            assert out.decode("utf-8") == _stdlib_dumps(data)

    @given(
        _json_values(),
        st.sampled_from(["compact", "spaced", "ascii", "indented", "indented-4"]),
        st.sampled_from(["", "\n", "\n\n", " ", "\r\n"]),
    )
    def test_loads_is_the_stdlib_result_or_declines(
        self, data: Any, style: str, end: str
    ) -> None:
        """orjson's reading is used only when it is json's reading of that text."""
        try:
            if style == "compact":
                text = _stdlib_dumps(data)
            elif style == "spaced":
                text = json.dumps(data, ensure_ascii=False)
            elif style == "indented":
                text = json.dumps(data, ensure_ascii=False, indent=2)
            elif style == "indented-4":
                text = json.dumps(data, ensure_ascii=False, indent=4)
            else:
                text = json.dumps(data)
            text += end
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
            "[1e-400]",
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

    @pytest.mark.parametrize("end", ["", "\n"])
    def test_indented_text_is_read_by_orjson(self, end: str) -> None:
        """
        Text indented by two spaces (``to_json(..., indent=2)``, ``json.dumps(...,
        indent=2, ensure_ascii=False)``), with or without a final line feed, is
        read fast too; the same text with a repeated key is left to json.
        """
        data = {"id": "kyiv", "n": [1, 2.5, None, True], "t": "Київ\n", "e": {}}
        text = json.dumps(data, indent=2, ensure_ascii=False) + end
        assert _fastjson.loads(text) == data
        repeated = '{\n  "a": 1,\n  "a": 2\n}' + end
        assert _fastjson.loads(repeated) is _fastjson.NOT_FAST

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
        [
            [1e-05],
            {"x": -2.5e-07},
            [2**64],
            ["\ud800"],
            [0.00001234],
            [float("nan")],
            {"x": float("-inf")},
        ],
    )
    def test_values_written_otherwise_are_left_to_json(self, data: Any) -> None:
        """Small numbers, big integers and lone surrogates: json writes them;
        NaN and the infinities (orjson writes null): json refuses them."""
        assert _fastjson.dumps(data) is _fastjson.NOT_FAST

    def test_text_that_only_looks_like_a_small_number_costs_a_detour(self) -> None:
        """'e-mail' is not a number: orjson's text is kept; '1e-5' in text is not."""
        assert (
            _fastjson.dumps(["e-mail", "ceasefire-now"])
            == b'["e-mail","ceasefire-now"]'
        )
        assert _fastjson.dumps(["1e-5"]) is _fastjson.NOT_FAST

    def test_a_caller_that_vouches_for_its_numbers_spares_the_search(self) -> None:
        """Without small floats to fear, text that looks like one is kept; what
        orjson refuses is still left to json."""
        vouched = {"may_hold_small_floats": False, "may_hold_non_finite": False}
        assert _fastjson.dumps(["1e-5", 0.5], **vouched) == b'["1e-5",0.5]'
        assert _fastjson.dumps([None], **vouched) == b"[null]"
        assert _fastjson.dumps([2**64], **vouched) is _fastjson.NOT_FAST
        assert _fastjson.dumps([None]) is _fastjson.NOT_FAST  # null: NaN, maybe


class TestRecordsWrittenAsTheirPlainData:
    """to_json's text (through orjson when it is installed) is the text of
    to_dict, as the standard library writes it."""

    @pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
    @settings(max_examples=25)
    @given(data=st.data())
    def test_the_text_is_the_plain_datas(
        self, cls: type[Any], data: st.DataObject
    ) -> None:
        """Any record, alone or in a list, is written as json writes to_dict()."""
        record = data.draw(nst.for_type(cls))
        for obj in (record, [record, record], (record,)):
            assert to_json(obj) == _stdlib_dumps(to_dict(obj))

    def test_a_subclass_is_written_as_the_field_declares(self) -> None:
        """A record of your own subclass inside a negotiation is written as the
        field's class (the subclass's own field left out), at the top as itself:
        the text of the plain data either way."""

        @attrs.frozen(kw_only=True)
        class Tagged(Party):
            tag: str = "x"

        class Quiet(Party):
            pass

        tagged = Tagged(id="ukraine", name="Ukraine", kind=PartyKind.STATE, tag="a")
        quiet = Quiet(id="russia", name="Russia", kind="state")
        record = Negotiation(id="talks", title="Talks", parties=[tagged, quiet])
        text = to_json(record)
        assert text == _stdlib_dumps(to_dict(record))
        assert '"tag"' not in text
        assert from_json(Negotiation, text).parties[0] == Party(
            id="ukraine", name="Ukraine", kind="state"
        )
        assert to_json(tagged) == _stdlib_dumps(to_dict(tagged))
        assert '"tag":"a"' in to_json(tagged)
        assert to_json([quiet, tagged]) == _stdlib_dumps(to_dict([quiet, tagged]))

    def test_a_failing_writer_raises_as_without_orjson(self) -> None:
        """An error while writing is the error the plain path raises, not orjson's."""
        seed = seed_record()
        statement = attrs.evolve(seed.statements[0])  # this test's own copy
        record = attrs.evolve(seed, statements=(statement, *seed.statements[1:]))
        object.__setattr__(statement, "said_on", "yesterday")  # past every check
        with pytest.raises(ValidationError) as plain:
            to_dict(record)
        with pytest.raises(ValidationError) as written:
            to_json(record)
        assert written.value.errors == plain.value.errors


class TestJsonLinesWrittenAsTheirPlainData:
    """write_jsonl's lines (written straight from each class's hook through
    orjson when it is installed) are the standard library's text of to_dict."""

    @settings(max_examples=60)
    @given(
        st.lists(st.sampled_from(RECORDS).flatmap(nst.for_type), min_size=1, max_size=6)
    )
    def test_every_line_is_the_plain_datas(self, records: list[Any]) -> None:
        """Records of several classes, and a list of them, in text and binary files."""
        items: list[Any] = [*records, records[:2]]
        expected = "".join(_stdlib_dumps(to_dict(item)) + "\n" for item in items)
        text, binary = io.StringIO(), io.BytesIO()
        assert write_jsonl(items, text) == write_jsonl(items, binary) == len(items)
        assert text.getvalue() == expected
        assert binary.getvalue() == expected.encode("utf-8")

    @pytest.mark.parametrize(
        "amount", [1e-05, 2.5e-7, 0.00012, 2**64, 2**70, 1e22, 0.5]
    )
    def test_numbers_orjson_writes_otherwise(
        self, tmp_path: Path, amount: float
    ) -> None:
        """A small float or a big integer in a line is written as json writes it."""
        records = [
            Quantity(amount=1, unit="prisoners"),
            Quantity(amount=amount, unit="tonnes"),
            Quantity(amount=2, unit="bodies"),
        ]
        path = tmp_path / "quantities.jsonl"
        write_jsonl(records, path)
        assert path.read_text(encoding="utf-8") == "".join(
            _stdlib_dumps(to_dict(record)) + "\n" for record in records
        )

    @pytest.mark.parametrize("fast", [True, False], ids=["orjson", "json"])
    def test_files_hold_the_same_bytes_with_and_without_orjson(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast: bool
    ) -> None:
        """A path, a text file and a binary file get the same UTF-8 lines either way."""
        monkeypatch.setattr(_fastjson, "AVAILABLE", value=fast)
        seed = seed_record()
        records: list[Any] = [*seed.parties, *seed.statements, seed, list(seed.sources)]
        expected = "".join(_stdlib_dumps(to_dict(item)) + "\n" for item in records)
        path = tmp_path / "lines.jsonl"
        text, binary = io.StringIO(), io.BytesIO()
        for target in (path, text, binary):
            assert write_jsonl(records, target) == len(records)
        assert path.read_bytes() == expected.encode("utf-8")
        assert text.getvalue() == expected
        assert binary.getvalue() == expected.encode("utf-8")

    def test_a_failing_writer_raises_as_to_json_does(self) -> None:
        """The lines before are written; the error is to_json's."""
        seed = seed_record()
        statement = attrs.evolve(seed.statements[0])  # this test's own copy
        object.__setattr__(statement, "said_on", "yesterday")  # past every check
        out = io.StringIO()
        with pytest.raises(ValidationError) as written:
            write_jsonl([seed.statements[1], statement], out)
        with pytest.raises(ValidationError) as alone:
            to_json(statement)
        assert written.value.errors == alone.value.errors
        assert out.getvalue() == to_json(seed.statements[1]) + "\n"

    def test_a_hook_registered_between_calls_is_used(self) -> None:
        """Each call looks the writers up afresh: a hook registered on the
        library's converter since the last call is used."""

        class Clipped(Source):
            pass

        plain = [Clipped(id="a", publisher="A")]
        before = io.StringIO()
        write_jsonl(plain, before)
        converter.register_unstructure_hook(Clipped, lambda source: {"id": source.id})
        after = io.StringIO()
        write_jsonl(plain, after)
        assert before.getvalue() == to_json(Source(id="a", publisher="A")) + "\n"
        assert after.getvalue() == '{"id":"a"}\n'


def _own_text(moment: pendulum.DateTime) -> str:
    """What format_moment gave when it called the subclass's own isoformat."""
    text = dt.datetime.isoformat(moment)
    tz = moment.tzinfo
    if isinstance(tz, pendulum.Timezone):
        return text[:-6] + "Z" if tz.name == "UTC" else f"{text}[{tz.name}]"
    return text


class TestPlainDatetimeCopies:
    """A datetime's text, instant and order are found on a plain datetime copy
    (zoneinfo's C path): the same as on the pendulum datetime, in every case."""

    @settings(max_examples=300)
    @given(nst.datetimes(), nst.datetimes())
    def test_instants_and_order(
        self, first: pendulum.DateTime, second: pendulum.DateTime
    ) -> None:
        """since_epoch and is_before give what the subclass's own arithmetic gives."""
        assert since_epoch(first) == dt.datetime.__sub__(first, EPOCH)
        if first.tzinfo is not second.tzinfo:
            assert is_before(first, second) == dt.datetime.__lt__(first, second)
        else:
            assert is_before(first, second) == (
                dt.datetime.__sub__(first, EPOCH) < dt.datetime.__sub__(second, EPOCH)
            )

    @settings(max_examples=500)
    @given(nst.datetimes())
    def test_generated(self, moment: pendulum.DateTime) -> None:
        """Named zones (both folds of a repeated hour), UTC, fixed offsets."""
        assert format_moment(moment) == _own_text(moment)

    @pytest.mark.parametrize(
        "moment",
        [
            pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York"),
            pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York", fold=0),
            pendulum.datetime(1900, 1, 1, 12, tz="Europe/Amsterdam"),  # +00:19:32
            pendulum.datetime(2024, 2, 29, 23, 59, 59, 999_999, tz="Asia/Kolkata"),
            pendulum.datetime(1, 1, 1, tz="UTC"),
            pendulum.datetime(9999, 12, 31, 23, 59, 59, tz="UTC"),
            pendulum.datetime(2025, 7, 14, 12, tz=pendulum.FixedTimezone(0)),
            pendulum.datetime(
                2025, 7, 14, 12, tz=pendulum.FixedTimezone(-(9 * 3600 + 30 * 60))
            ),
        ],
        ids=str,
    )
    def test_edges(self, moment: pendulum.DateTime) -> None:
        """Folds, seconds in the offset, microseconds, the ends of the calendar."""
        assert format_moment(moment) == _own_text(moment)
        assert format_moment(moment).startswith(moment.isoformat()[:19])


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


INIT_ONLY_NAMES: dict[type[Record], list[str]] = {
    cls: [f.name for f in attrs.fields(cls) if is_init_only(f)]
    for cls in (Negotiation, Outcome, Proposal, Round, Ultimatum)
}


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


def _sorted_sets(data: Any) -> Any:
    """
    cattrs' output with sets and numbers as the library writes them: sets as
    sorted arrays, a whole float as the integer it equals (the ``Number``
    kind's ``whole_as_int``; cattrs passes an ``int | float`` through).
    """
    if isinstance(data, (set, frozenset)):
        return sorted(data)
    if isinstance(data, dict):
        return {key: _sorted_sets(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_sorted_sets(item) for item in data]
    return whole_as_int(data)


def _outcome(hook: Any, data: Any, cls: type[Any]) -> tuple[str, Any]:
    try:
        return "loaded", hook(copy.deepcopy(data), cls)
    except Exception as exc:  # noqa: BLE001 - compared below
        return "refused", collect_problems(exc)


class TestCompiledRecordHooks:
    @pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
    def test_every_record_class_is_compiled(self, cls: type[Record]) -> None:
        """The library's converters load every record class through a compiled hook."""
        for conv in (converter, make_converter(forbid_extra_keys=False)):
            hook = conv.get_structure_hook(cls)
            assert "_exact" in hook.__globals__

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
        slow = hook.__globals__["_exact"]
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
        omitted: dict[str, Any] = {
            name: override(omit=True) for name in INIT_ONLY_NAMES.get(cls, ())
        }
        for attribute in attrs.fields(cls):  # type: ignore[arg-type]
            if omits_empty(attribute):  # written only when it holds something
                omitted[attribute.name] = override(omit_if_default=True)
        expected = _sorted_sets(
            make_dict_unstructure_fn(cls, converter, **omitted)(record)
        )
        if cls is Negotiation:
            expected = {"schema_version": SCHEMA_VERSION, **expected}
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
            tags: tuple[str, ...] = field(Many(Text()), factory=tuple)
            note: str = field(Text(), default="none")

        hook = make_converter().get_structure_hook(Tagged)
        assert "_exact" in hook.__globals__
        assert hook({}, Tagged) == Tagged()
        assert hook({"tags": ["a"]}, Tagged).tags == ("a",)

    def test_classes_the_compiler_cannot_read_are_left_to_cattrs(self) -> None:
        """A field with an attrs validator, a converter of its own that takes the
        instance or without a kind, a default made from self, or an __init__ of
        your own: not compiled, loaded through __init__."""

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
        class SelfConverted(Record):
            text: str = attrs.field(
                converter=attrs.Converter(  # type: ignore[misc]
                    lambda value, _self: value.strip(), takes_self=True
                ),
                metadata=field(Text()).metadata,
            )

        @attrs.frozen(kw_only=True)
        class NotARecord:
            n: int

        class OwnInit(Party):
            __slots__ = ()

            def __init__(self, **kwargs: Any) -> None:
                kwargs.setdefault("aliases", ["set by __init__"])
                super().__init__(**kwargs)

        conv = make_converter()
        loaded = conv.get_structure_hook(OwnInit)(
            {"id": "x", "name": "X", "kind": "state"}, OwnInit
        )
        assert loaded.aliases == ("set by __init__",)
        for cls in (Validated, SelfConverted, SelfMade, NotARecord, OwnInit):
            hook = conv.get_structure_hook(cls)
            assert "_exact" not in hook.__globals__
        assert conv.get_structure_hook(SelfMade)({"n": 2}, SelfMade).m == 2
        hook = conv.get_structure_hook(SelfConverted)
        assert hook({"text": " a "}, SelfConverted).text == "a"


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
        """Years and months clamp to the month's end, then weeks and days; past
        the year 9999 both raise ValueError."""
        anchor = pendulum.Date(day.year, day.month, day.day)
        period = Period(years=years, months=months, weeks=weeks, days=days)
        try:
            expected = anchor.add(years=years, months=months, weeks=weeks, days=days)
        except (ValueError, OverflowError):
            with pytest.raises((ValueError, OverflowError)):
                _add_calendar(anchor, period)
            return
        got = _add_calendar(anchor, period)
        assert (type(got), got) == (pendulum.Date, expected)

    @given(
        st.dates(),
        st.integers(0, 3),
        st.integers(0, 40),
        st.integers(0, 600),
        st.integers(0, 3_659_634),  # a period's limit: 10,000 years of days
    )
    def test_calendar_subtraction_and_the_calendars_ends(
        self, day: Any, years: int, months: int, weeks: int, days: int
    ) -> None:
        """Counting back (a deadline before its anchor) and counting past the
        first or last day of the calendar: what pendulum gives, or an error
        where pendulum raises one (weeks and days are counted on ordinals)."""
        anchor = pendulum.Date(day.year, day.month, day.day)
        period = Period(years=years, months=months, weeks=weeks, days=days)
        for sign in (1, -1):
            try:
                expected = anchor.add(
                    years=sign * years,
                    months=sign * months,
                    weeks=sign * weeks,
                    days=sign * days,
                )
            except (ValueError, OverflowError):
                with pytest.raises((ValueError, OverflowError)):
                    _add_calendar(anchor, period, sign)
                continue
            got = _add_calendar(anchor, period, sign)
            assert (type(got), got) == (pendulum.Date, expected)

    def test_calendar_addition_past_the_first_day_fails_as_dates_do(self) -> None:
        """The day before 0001-01-01 is refused as ``date - timedelta`` refuses it."""
        with pytest.raises(OverflowError, match="date value out of range"):
            _add_calendar(pendulum.date(1, 1, 1), Period(days=1), -1)
        with pytest.raises(OverflowError, match="date value out of range"):
            _add_calendar(pendulum.date(9999, 12, 31), Period(weeks=1))

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


def test_loaded_records_are_of_their_class_and_no_builder_is_a_record_class() -> None:
    # The compiled loaders build each record in a builder subclass and then
    # give it its class (see _hooks._builder): what comes out is of the class
    # itself, equal to the record built in Python, and the builders are not
    # record classes.
    import pickle

    from negotiation_records._signatures import record_classes

    record = seed_record()
    loaded = from_json(Negotiation, to_json(record))
    assert loaded == record
    seen = [loaded]
    while seen:
        item = seen.pop()
        if isinstance(item, tuple):
            seen.extend(item)
        elif isinstance(item, Record):
            assert "__attrs_attrs__" in vars(type(item)), type(item)
            seen.extend(getattr(item, a.name) for a in attrs.fields(type(item)))
    assert pickle.loads(pickle.dumps(loaded)) == loaded  # noqa: S301 - our own bytes
    assert copy.deepcopy(loaded) == loaded
    assert all("<builder>" not in cls.__qualname__ for cls in record_classes())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        loaded.title = "changed"  # type: ignore[misc]
