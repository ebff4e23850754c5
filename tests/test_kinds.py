"""Each field kind says its rule once, and every path agrees with it.

For every kind, on generated input: construction (the compiled check and the
kind's own problems), the compiled loader, the exact loader, JSON text with and
without orjson, and the JSON Schema accept and refuse the same values.  The text
rule is checked the same way at every depth of a record.
"""

from __future__ import annotations

import decimal
import enum
import fractions
import functools
import io
import json
import math
import numbers
import re
from collections.abc import Callable
from typing import Any, ClassVar, cast
from urllib.parse import urlsplit

import attrs
import jsonschema
import pendulum
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Deadline,
    JSONLinesError,
    Negotiation,
    PartialDate,
    Party,
    PartyKind,
    Period,
    Proposal,
    ProposalStatus,
    Quantity,
    RecordNotFoundError,
    Round,
    Source,
    StatusChange,
    ValidationError,
    Vote,
    _fastjson,
    converter,
    format_moment,
    from_dict,
    from_json,
    json_schema,
    read_jsonl,
    to_dict,
    to_json,
)
from negotiation_records import strategies as nst
from negotiation_records._codegen import Namespace
from negotiation_records._kind import RefusedError
from negotiation_records._record import Record, field_problems, record_validator
from negotiation_records._scalar_kinds import _portable
from negotiation_records.fields import (
    Bool,
    Choice,
    Country,
    DateKind,
    Int,
    Kind,
    Many,
    Maybe,
    MomentKind,
    Number,
    PeriodKind,
    RecordId,
    Slug,
    Text,
    Url,
    Weekdays,
    Wikidata,
    ZoneName,
    field,
    is_init_only,
    kind_of,
)
from tests.seed import seed_record
from tests.strategies_foundation import RECORD_TYPES


# Kinds whose JSON Schema says all of the rule; the others (time and zones:
# impossible dates, unknown zones and wrong offsets are the loader's) have a
# schema that is never stricter than the loader.
KINDS: dict[str, tuple[Kind, bool]] = {
    "Text": (Text(), True),
    "Slug": (Slug(), True),
    "Wikidata": (Wikidata(), True),
    "Url": (Url(), True),
    "Country": (Country(), True),
    "ZoneName": (ZoneName(), False),
    "Int": (Int(), True),
    "Int(min=1, max=9)": (Int(min=1, max=9), True),
    "Number(min=0)": (Number(min=0), True),
    "Bool": (Bool(), True),
    "Choice": (Choice(PartyKind), True),
    "MomentKind": (MomentKind(), False),
    "MomentKind(partial=False)": (MomentKind(partial=False), False),
    "DateKind": (DateKind(), False),
    "PeriodKind": (PeriodKind(), False),
    "Weekdays": (Weekdays(), True),
    "RecordId": (RecordId(), True),
    "Maybe(Text)": (Maybe(Text()), True),
    "Maybe(Int)": (Maybe(Int(min=1)), True),
    "Many(Slug, unique)": (Many(Slug(), unique="party"), True),
    "Many(Slug, at least one)": (Many(Slug(), min_items=1), True),
    "Many(Text)": (Many(Text()), True),
    "Many(Choice)": (Many(Choice(PartyKind)), True),
    "Many(Maybe(Slug))": (Many(Maybe(Slug())), True),
}

_CHARS = list(
    "aZ09-_. éЗ\t\n\r\x00\x07\x1f\x7f\x85\xa0\xad\u034f\u200b\u2028\u2800"
    "\u3000\u3164\ufe0f\ufeff\ud800"
)
_WORDS = [
    "ukraine",
    "round-2",
    "Q212",
    "UA",
    "ZZ",
    "UK",
    "https://example.org/a?b=c",
    "https://",
    "ftp://x",
    "Europe/Kyiv",
    "localtime",
    "2025-07-14",
    "2025-02-30",
    "2025-07",
    "2025",
    "2025-07-14T12:00:00-04:00[America/New_York]",
    "2025-07-14T16:00:00Z",
    "2025-07-14t16:00:00z",
    "2025-07-14T12:00:00",
    "2025-07-14T12:00:00+03:00",
    "2025-07-14T12:00:00-05:00[EST]",
    "2025-07-14T12:00:00+00:00[UTC]",
    "2025-07-14T16:00:00Z[Europe/Kyiv]",
    "2025-03-30T02:30:00+01:00[Europe/Berlin]",
    "2025-10-26T02:30:00+01:00[Europe/Berlin]",
    "P50D",
    "P0D",
    "PT48H",
    "state",
    "coalition",
    "Кyiv",
]
_TEXTS = st.text(st.sampled_from(_CHARS), max_size=6) | st.sampled_from(_WORDS)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 12),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False).filter(
        lambda x: not x.is_integer()  # 1.0 is an integer to JSON Schema
    ),
    _TEXTS,
)
JSON_VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=4), max_leaves=8
)


def holder(kind: Kind) -> type[Any]:
    """A record class with one field of *kind*."""

    @attrs.frozen(kw_only=True)
    class Holder(Record):
        value: Any = field(kind)

    return Holder


_HOLDERS = {name: holder(kind) for name, (kind, _) in KINDS.items()}


def _accepts(load: Callable[[], object]) -> bool:
    return _problems_of(load) is None


def _problems_of(call: Callable[[], object]) -> list[tuple[str, str]] | None:
    """The problems *call* raises, or ``None`` if it raises none."""
    try:
        call()
    except ValidationError as exc:
        return list(exc.errors)
    return None


def _has_lone_surrogate(value: Any) -> bool:
    """Whether *value* holds a text with a lone surrogate, which the schema
    leaves to the loader (its patterns name no surrogate, for validators that
    read text as UTF-16)."""
    if isinstance(value, str):
        return any("\ud800" <= char <= "\udfff" for char in value)
    if isinstance(value, dict):
        return any(map(_has_lone_surrogate, [*value, *value.values()]))
    if isinstance(value, list):
        return any(map(_has_lone_surrogate, value))
    return False


def _schema_accepts(cls: type[Any], value: Any) -> bool:
    return bool(
        jsonschema.Draft202012Validator(json_schema(cls)).is_valid({"value": value})
    )


class TestEveryPathAgrees:
    @pytest.mark.parametrize("name", list(KINDS))
    @settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
    @given(value=JSON_VALUES)
    def test_loaders_and_schema_agree(self, name: str, value: Any) -> None:
        """The compiled loader, the exact loader, JSON text with and without
        orjson and the schema accept and refuse the same JSON values."""
        cls = _HOLDERS[name]
        data = {"value": value}
        compiled = converter.get_structure_hook(cls)
        exact = compiled.__globals__["_exact"]
        by_compiled = _accepts(lambda: from_dict(cls, data))
        by_exact = _accepts(lambda: exact(data, cls))
        assert by_compiled == by_exact
        if by_exact:  # and both read the same value, of the same types
            read, expected = compiled(data, cls).value, exact(data, cls).value
            assert read == expected
            assert type(read) is type(expected)
            if isinstance(read, tuple):
                assert [type(item) for item in read] == [
                    type(item) for item in expected
                ]
        try:
            text = json.dumps(data)
        except ValueError:  # an integer of more than 4300 digits is not JSON text
            text = None
        if text is not None:
            assert _accepts(lambda: from_json(cls, text)) == by_exact
            compact = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
            assert _accepts(lambda: from_json(cls, compact)) == by_exact
        schema_ok = _schema_accepts(cls, value)
        if not schema_ok:  # the schema is never stricter than the loader
            assert not by_exact
        if (
            KINDS[name][1]
            and not (isinstance(value, int) and abs(value) >= 10**4300)
            and not _has_lone_surrogate(value)  # the loader's alone (see the docs)
        ):
            assert schema_ok == by_exact, (value, schema_ok, by_exact)

    @pytest.mark.parametrize("name", list(KINDS))
    @settings(max_examples=150)
    @given(value=JSON_VALUES)
    def test_compiled_check_is_the_kinds_check(self, name: str, value: Any) -> None:
        """On any stored value, the compiled check vouches only for values the
        kind finds nothing wrong with, and construction raises exactly those
        problems."""
        _check_agrees(name, value)


def _check_agrees(name: str, value: Any) -> None:
    """
    The compiled check of the kind *name* and its problems agree on *value*:
    construction stores the kind's conversion (the late one too, which the
    record applies when the compiled check refuses the value) and raises
    exactly the problems the kind finds with it.
    """
    cls = _HOLDERS[name]
    kind = KINDS[name][0]
    stored = kind.convert_late(kind.convert(value) if kind.converts else value)
    record = object.__new__(cls)
    object.__setattr__(record, "value", stored)
    problems = list(field_problems(record))
    assert problems == [
        ("value" if path == "" else f"value{path}" if path[0] == "[" else path, m)
        for path, m in kind.problems(stored)
    ]
    assert _problems_of(lambda: record_validator(cls)(record)) == (problems or None)
    assert _problems_of(lambda: cls(value=value)) == (problems or None)
    if not problems:
        built: Any = cls(value=value)
        assert built.value == stored
        assert type(built.value) is type(stored)
        assert to_dict(built)["value"] == kind.dump(built.value, converter)


def _party(name: str) -> dict[str, Any]:
    return {"id": "p", "name": name, "kind": "state"}


class TestTheTextRule:
    @settings(max_examples=300)
    @given(text=_TEXTS)
    def test_every_path_and_depth_agree(self, text: str) -> None:
        """Construction, from_dict and from_json (with and without orjson, ASCII
        or not) refuse the same texts with the same message, at any depth."""
        expected = _problems_of(lambda: Party(id="p", name=text, kind="state"))
        document = to_dict(seed_record())
        document["parties"][1]["representatives"][0]["name"] = text
        loads: list[Callable[[], object]] = [
            lambda: from_dict(Party, _party(text)),
            lambda: from_json(Party, json.dumps(_party(text))),
            lambda: from_json(Party, json.dumps(_party(text), ensure_ascii=False)),
        ]
        for load in loads:
            assert _problems_of(load) == expected
        deep = _problems_of(lambda: from_dict(Negotiation, document))
        if expected is None:
            assert deep is None
        else:
            assert deep == [("parties[1].representatives[0].name", expected[0][1])]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", "must be non-empty text, got ''"),
            (" \t\n", "must be non-empty text, got ' \\t\\n'"),
            (
                "\u200b\u200d",
                "must hold a visible character (not only white space, zero-width "
                "or filler characters), got '\\u200b\\u200d'",
            ),
            (
                "\u3164",
                "must hold a visible character (not only white space, zero-width "
                "or filler characters), got '\\u3164'",
            ),
            (
                "Kyiv\x00",
                "must not hold a control character (U+0000 at index 4; only tab, "
                "line feed and carriage return are allowed), got 'Kyiv\\x00'",
            ),
            (
                "a\ud800",
                "must be valid Unicode text (no lone surrogates), got 'a\\ud800'",
            ),
        ],
    )
    def test_examples(self, text: str, message: str) -> None:
        """Blank, invisible, control and surrogate texts are refused; tab, line
        feed and carriage return inside text are fine."""
        with pytest.raises(ValidationError) as caught:
            Party(id="p", name=text, kind="state")
        assert caught.value.errors == (("name", message),)
        assert Party(id="p", name="Line one\r\n\tline two", kind="state").name

    def test_orjson_and_json_read_the_same(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The same bytes give the same refusal with orjson off."""
        text = json.dumps(_party("\u200b"), separators=(",", ":"))
        with pytest.raises(ValidationError) as fast:
            from_json(Party, text)
        monkeypatch.setattr(_fastjson, "AVAILABLE", value=False)
        with pytest.raises(ValidationError) as slow:
            from_json(Party, text)
        assert fast.value.errors == slow.value.errors


class _Code(Slug):
    """An identifier of one's own, narrower than the library's."""

    __slots__ = ()
    pattern: ClassVar[str] = "[a-z]{2,3}"
    rule: ClassVar[str] = "a code of two or three letters"


@attrs.frozen(kw_only=True)
class _CodedSource(Source):
    code: str = field(_Code())


class TestAPatternOfOnesOwn:
    """A Slug subclass with its own pattern tries it, whatever was read before."""

    REFUSED: ClassVar = (
        ("code", "must be a code of two or three letters, got 'ukraine'"),
    )

    def test_after_the_same_text_was_an_id(self) -> None:
        Party(id="ukraine", name="Ukraine", kind="state")  # an id, matched
        data = {"id": "ukraine", "publisher": "P", "code": "ukraine"}
        with pytest.raises(ValidationError) as built:
            _CodedSource(id="ukraine", publisher="P", code="ukraine")
        with pytest.raises(ValidationError) as loaded:
            from_dict(_CodedSource, data)
        assert built.value.errors == loaded.value.errors == self.REFUSED
        assert from_dict(_CodedSource, dict(data, code="ua")).code == "ua"

    def test_on_a_later_line_of_a_file(self) -> None:
        lines = [
            to_json(_CodedSource(id="ukraine", publisher="P", code="ua")),
            '{"id":"tass","publisher":"TASS","code":"ukraine"}',
        ]
        with pytest.raises(JSONLinesError) as caught:
            list(read_jsonl(_CodedSource, io.StringIO("\n".join(lines))))
        assert caught.value.line == 2
        assert caught.value.errors == self.REFUSED

    def test_the_librarys_ids_still_remembered(self) -> None:
        assert Slug.memo
        assert not _Code.memo


class TestIntegersAndPatterns:
    def test_integers_that_cannot_be_written_are_refused(self) -> None:
        """More than 4300 digits: refused on construction and on load."""
        huge = 10**4300
        assert Int().problems(huge) == [("", "must have at most 4300 digits")]
        assert Number().problems(-huge) == [("", "must have at most 4300 digits")]
        assert Int().problems(huge - 1) == []
        with pytest.raises(ValidationError, match="at most 4300 digits"):
            from_dict(_HOLDERS["Int"], {"value": huge})

    def test_a_long_url_is_refused(self) -> None:
        """The URL pattern refuses a 40,000-character URL with a space at the end
        (its pattern has no ambiguous repetition; the time is measured in
        benchmarks/)."""
        url = "https://" + "a" * 40_000 + " "
        with pytest.raises(ValidationError, match="url: must be an absolute"):
            Source(id="s", publisher="P", url=url)
        assert Source(id="s", publisher="P", url=url.strip()).url

    @pytest.mark.parametrize(
        "url",
        [
            "https://example.org",
            "https://example.org/",
            "http://example.org/a b",
            "https://example.org?q=1",
            "https://example.org#top",
        ],
    )
    def test_urls(self, url: str) -> None:
        """Absolute http(s) URLs without white space."""
        assert (Url().problems(url) == []) is (" " not in url)

    @pytest.mark.parametrize(
        ("url", "valid"),
        [
            ("https://user:secret@example.org:8443/a?b#c", True),
            ("http://[2001:db8::1]:8080/", True),
            ("http://192.0.2.1/", True),
            ("https://example.org:/", True),  # an empty port, as RFC 3986 allows
            ("https://example.org/[a]?[b]#[c]", True),  # brackets after the host
            ("http://[[[[", False),  # urlsplit: "Invalid IPv6 URL"
            ("http://[2001:db8::1", False),
            ("http://example.org]/", False),
            ("http://example.org:http/", False),  # a port is digits
            ("http://a:b:c", False),
            ("http://@", False),  # no host
            ("http://user@", False),
            ("http://:80", False),
            ("http://a@b@c", False),  # '@' only once, before the host
        ],
    )
    def test_a_url_has_a_host(self, url: str, *, valid: bool) -> None:
        """
        The authority of RFC 3986: an optional user, a host (a name or a
        bracketed IP address) and an optional port of digits.
        """
        assert (Url().problems(url) == []) is valid
        schema_pattern = re.compile(Url.schema_pattern or "")  # the JSON Schema's
        assert bool(schema_pattern.fullmatch(url)) is valid

    @given(st.text(alphabet="ab1:@/.?#", max_size=16))
    def test_an_accepted_url_names_the_host_urlsplit_reads(self, rest: str) -> None:
        """Every URL the rule accepts (brackets aside) has a host by urlsplit."""
        url = f"https://{rest}"
        if Url().problems(url) == []:
            parts = urlsplit(url)
            assert parts.hostname
            assert parts.netloc.rpartition("@")[2].partition(":")[0] == parts.hostname

    @pytest.mark.parametrize("code", range(128))
    def test_an_ascii_url_is_matched_as_the_whole_pattern_matches_it(
        self, code: int
    ) -> None:
        """The pattern of ASCII URLs (compiled at import) is the whole one there."""
        whole = re.compile(Url.pattern, re.ASCII)
        ascii_only = re.compile(Url.ascii_pattern or "", re.ASCII)
        c = chr(code)
        for url in (
            f"https://a{c}b",
            f"https://{c}",
            f"https://a/{c}",
            f"https://a?{c}x",
            f"http{c}://a",
            f"https://a{c}",
        ):
            assert bool(ascii_only.fullmatch(url)) is bool(whole.fullmatch(url)), url

    @given(st.text(st.characters(max_codepoint=127), max_size=12))
    def test_ascii_urls_read_alike_by_both_patterns(self, rest: str) -> None:
        whole = re.compile(Url.pattern, re.ASCII)
        for url in (f"https://{rest}", f"https://example.org/{rest}", rest):
            assert (Url().problems(url) == []) is bool(whole.fullmatch(url)), url

    @pytest.mark.parametrize(
        ("url", "valid"),
        [
            ("https://пример.рф/путь?q=значение", True),
            ("https://例子.测试/", True),
            ("https://example.org/a\u2028b", False),
            ("https://example.org/a\u3000b", False),
            ("https://example.org/a\x85b", False),
            ("https://example.org/\ud800", False),
        ],
    )
    def test_urls_that_are_not_ascii_meet_the_whole_pattern(
        self, url: str, valid: bool
    ) -> None:
        assert (Url().problems(url) == []) is valid
        record = _HOLDERS["Url"]
        assert _accepts(lambda: from_dict(record, {"value": url})) is valid


@given(st.text(st.sampled_from("\\u0123456789abcdefABCDEFxg[]-"), max_size=30))
@example(r"[^\x00-\x1f\ud800-\udfff\u2028]")
def test_portable_patterns_write_each_unicode_escape_as_its_character(
    pattern: str,
) -> None:
    """The schema's patterns: as ``re.sub`` of every ``\\uXXXX`` escape would write them."""
    expected = re.sub(
        r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), pattern
    )
    assert _portable(pattern) == expected


class _Count(enum.IntEnum):
    TWO = 2


class _Amount(float):
    """A float subclass, as ``numpy.float64`` is one."""

    def __float__(self) -> float:
        raise AssertionError("a subclass's own conversion must not be used")


class TestChoicesOfNumbers:
    def test_a_number_not_an_equal_value(self) -> None:
        """An enum of numbers reads the number itself: ``true`` equals 1 and
        ``1.0`` equals 1 in Python, but neither is the value 1, on every path."""

        class Level(enum.Enum):
            LOW = 1
            HIGH = 2

        cls = holder(Choice(Level))
        assert from_dict(cls, {"value": 2}).value is Level.HIGH
        assert from_json(cls, '{"value":1}').value is Level.LOW
        exact = converter.get_structure_hook(cls).__globals__["_exact"]
        for bad in ({"value": True}, {"value": 1.0}):
            for load in (
                functools.partial(from_dict, cls, bad),
                functools.partial(exact, bad, cls),
            ):
                problems = _problems_of(load)
                assert problems is not None
                assert [path for path, _ in problems] == ["value"]
        assert _problems_of(lambda: from_json(cls, '{"value":true}')) == [
            ("value", "must be one of the values of Level (1, 2), got true")
        ]
        assert _problems_of(lambda: from_json(cls, '{"value":"1"}')) == [
            ("value", "must be one of the values of Level (1, 2), got string '1'")
        ]


class TestNumericSubclasses:
    """Int and Number store int and float subclasses as plain int and float."""

    def test_an_int_subclass_is_stored_as_an_int(self) -> None:
        """An IntEnum member given to an Int field, alone or in a Maybe, is stored,
        written and compared as the plain int."""
        built = Round(number=_Count.TWO)
        assert type(built.number) is int
        assert type(to_dict(built)["number"]) is int
        assert json.loads(to_json(built))["number"] == 2
        assert built == Round(number=2)
        assert hash(built) == hash(Round(number=2))
        assert repr(built) == repr(Round(number=2))
        made = pendulum.date(2025, 7, 19)
        offer = Proposal(
            id="p", proposed_by="a", made_on=made, summary="S", round=_Count.TWO
        )
        assert type(offer.round) is int
        assert type(to_dict(offer)["round"]) is int

    def test_a_float_subclass_is_stored_as_a_float(self) -> None:
        """A float subclass given to a Number field is stored, written and compared
        as the plain float; an IntEnum member as the plain int."""
        built = Quantity(amount=_Amount(1000.5), unit="prisoners")
        assert type(built.amount) is float
        assert type(to_dict(built)["amount"]) is float
        assert json.loads(to_json(built))["amount"] == 1000.5
        assert built == Quantity(amount=1000.5, unit="prisoners")
        assert hash(built) == hash(Quantity(amount=1000.5, unit="prisoners"))
        counted = Quantity(amount=_Count.TWO, unit="prisoners")
        assert type(counted.amount) is int
        assert type(to_dict(counted)["amount"]) is int

    def test_a_numpy_float_is_stored_as_a_float(self) -> None:
        """``numpy.float64`` (a float subclass) is stored as the plain float."""
        numpy = pytest.importorskip("numpy")
        built = Quantity(amount=numpy.float64(1000.5), unit="prisoners")
        assert type(built.amount) is float
        assert type(to_dict(built)["amount"]) is float

    def test_a_real_number_a_float_holds_exactly_is_stored_as_that_float(
        self,
    ) -> None:
        """
        A real number of another class (``numpy.float32``, a ``Decimal``, a
        ``Fraction``) that a float holds exactly is stored as that float;
        one that no float holds is refused, not rounded, and the message says
        why and what to do.
        """
        numpy = pytest.importorskip("numpy")
        for number, stored in [
            (numpy.float32(1000.5), 1000.5),
            (decimal.Decimal("50.5"), 50.5),
            (fractions.Fraction(1, 4), 0.25),
            (decimal.Decimal("-0"), 0.0),
        ]:
            built = Quantity(amount=number, unit="percent of votes cast")
            assert type(built.amount) is float
            assert built.amount == stored
            assert to_json(built) == to_json(
                Quantity(amount=stored, unit="percent of votes cast")
            )
        inexact_numbers: list[Any] = [
            decimal.Decimal("50.21"),
            fractions.Fraction(1, 3),
        ]
        for inexact in inexact_numbers:
            with pytest.raises(ValidationError) as caught:
                Quantity(amount=inexact, unit="percent of votes cast")
            assert list(caught.value.errors) == [
                (
                    "amount",
                    f"must be an int or a float, got {type(inexact).__name__} "
                    f"{inexact!r}, which no float holds exactly (a record holds "
                    "JSON's numbers: give float(value) if its nearest float will do)",
                )
            ]
        with pytest.raises(ValidationError, match="must be a finite number, got inf"):
            Quantity(amount=cast("Any", decimal.Decimal("Infinity")), unit="prisoners")
        with pytest.raises(ValidationError, match="must be a number, got complex"):
            Quantity(amount=cast("Any", 1 + 2j), unit="prisoners")

    def test_an_integer_of_another_class_is_stored_as_an_int(self) -> None:
        """
        An integer that is no int subclass but says it is one
        (``numbers.Integral``, as ``numpy.int64``, a count taken from pandas,
        is) is stored as the int ``operator.index`` reads, in every integer
        field and argument, a period's parts included; one whose reading
        fails is refused as it is.
        """

        class Seats(numbers.Integral):  # only what operator.index asks
            def __init__(self, count: int) -> None:
                self.count = count

            def __index__(self) -> int:
                return self.count

        abstract = Seats.__abstractmethods__
        Seats.__abstractmethods__ = frozenset()
        seats: Any = Seats  # typed as its ABC, which it implements only in part
        try:
            assert type(Round(number=seats(2)).number) is int
            counted = Quantity(amount=seats(1000), unit="prisoners")
            assert counted == Quantity(amount=1000, unit="prisoners")
            assert type(counted.amount) is int
            start = pendulum.date(2025, 1, 19)
            assert Deadline.on_day(seats(16), counting_from=start).day == 16
            assert Deadline.after(start, days=seats(3)).period == Period(days=3)
            assert type(Period(days=_Count.TWO).days) is int
            assert Deadline.after_business_days(start, seats(3)).business_days == 3
        finally:
            Seats.__abstractmethods__ = abstract

    def test_numpy_integers(self) -> None:
        numpy = pytest.importorskip("numpy")
        vote = Vote(
            id="v",
            body="House of Commons",
            on=pendulum.date(2019, 1, 15),
            question="Approve the withdrawal agreement",
            yes=numpy.int64(202),
            no=numpy.int32(432),
            result="failed",
        )
        assert (type(vote.yes), type(vote.no)) == (int, int)
        assert to_json(vote) == to_json(attrs.evolve(vote, yes=202, no=432))
        with pytest.raises(ValidationError) as caught:
            Round(number=numpy.bool_(1))
        assert [path for path, _ in caught.value.errors] == ["number"]

    def test_a_partial_dates_year_and_month(self) -> None:
        """
        A partial date keeps an IntEnum month or an integer of another class as
        the plain int, so that it shows, compares and writes as any other; a
        bool, a float or a string is still refused.
        """

        class Month(enum.IntEnum):
            JULY = 7

        july = PartialDate(2025, Month.JULY)
        assert type(july.month) is int
        assert repr(july) == "PartialDate(year=2025, month=7)"
        assert july == PartialDate(2025, 7)
        assert format_moment(july) == "2025-07"
        numpy = pytest.importorskip("numpy")
        year = PartialDate(numpy.int64(2025))
        assert type(year.year) is int
        assert year == PartialDate(2025)
        for bad, problem in (
            ((True,), ("year", "must be an integer, got True")),
            ((2025.0,), ("year", "must be an integer, got 2025.0")),
            ((2025, "7"), ("month", "must be an integer or None, got '7'")),
        ):
            with pytest.raises(ValidationError) as caught:
                PartialDate(*bad)
            assert caught.value.errors == (problem,)

    def test_bools_and_bad_numbers_are_still_refused(self) -> None:
        """A bool is not an integer nor a number, and a float subclass holding
        NaN is refused as NaN is."""
        with pytest.raises(ValidationError) as caught:
            Round(number=True)
        assert caught.value.errors == (("number", "must be an integer, got bool True"),)
        with pytest.raises(ValidationError) as caught:
            Quantity(amount=False, unit="prisoners")
        assert caught.value.errors == (("amount", "must be a number, got bool False"),)
        with pytest.raises(ValidationError, match="amount: must be a finite number"):
            Quantity(amount=_Amount("nan"), unit="prisoners")
        yes = True
        assert Int().convert(yes) is yes
        assert Number().convert(yes) is yes

    def test_exact_ints_and_floats_are_kept_as_they_are(self) -> None:
        """The stored value is the very object given when it is a plain number."""
        big, real = 10**30, 1000.5
        assert Int().convert(big) is big
        assert Number().convert(big) is big
        assert Number().convert(real) is real

    def test_a_negative_zero_is_stored_as_zero(self) -> None:
        """-0.0 equals 0.0, so it is stored (and written) as 0.0: equal records
        write the same JSON, built or loaded."""
        minus = Quantity(amount=-0.0, unit="prisoners")
        plus = Quantity(amount=0.0, unit="prisoners")
        assert minus == plus
        assert to_json(minus) == to_json(plus)
        assert math.copysign(1.0, minus.amount) == 1.0
        loaded = from_json(Quantity, '{"amount": -0.0, "unit": "prisoners"}')
        assert to_json(loaded) == to_json(plus)
        assert math.copysign(1.0, Number().convert(_Amount("-0.0"))) == 1.0

    def test_a_whole_float_is_written_as_the_integer_it_equals(self) -> None:
        """1000.0 equals 1000, so both write 1000: equal records write the same
        JSON, and what is read back equals what was written."""
        whole = Quantity(amount=1000.0, unit="prisoners")
        exact = Quantity(amount=1000, unit="prisoners")
        assert whole == exact
        assert to_json(whole) == to_json(exact)
        assert '"amount":1000,' in to_json(whole)
        assert from_json(Quantity, to_json(whole)) == whole
        loaded = from_json(Quantity, '{"amount": 1000.0, "unit": "prisoners"}')
        assert to_json(loaded) == to_json(exact)
        assert whole.amount.__class__ is float  # the record keeps what it was given
        assert str(whole) == str(exact) == "1000 prisoners"

    @given(st.floats(allow_nan=False, allow_infinity=False, min_value=0))
    def test_equal_quantities_write_the_same_json(self, amount: float) -> None:
        as_float = Quantity(amount=amount, unit="tonnes")
        if amount.is_integer() and amount < 2**53:
            as_int = Quantity(amount=int(amount), unit="tonnes")
            assert as_int == as_float
            assert to_json(as_int) == to_json(as_float)
        assert from_json(Quantity, to_json(as_float)) == as_float

    def test_a_float_beyond_53_bits_keeps_its_short_form(self) -> None:
        """1e300 as an integer would be 301 digits, most of them noise."""
        assert '"amount":1e+300,' in to_json(Quantity(amount=1e300, unit="x"))


class _Ids(enum.StrEnum):
    RUSSIA = "russia"


class _Zones(enum.StrEnum):
    KYIV = "Europe/Kyiv"


class _OldIds(str, enum.Enum):  # noqa: UP042 - the mixin, on purpose
    """A str mixin enum: ``str()`` of a member is ``'_OldIds.RUSSIA'``."""

    RUSSIA = "russia"


class _Text(str):
    """A str subclass whose own conversion must not be used."""

    def __str__(self) -> str:
        raise AssertionError("a subclass's own conversion must not be used")


class _PosesAsCode:
    """Not a string, but equal to 'RU' and hashed as 'RU'."""

    def __hash__(self) -> int:
        return hash("RU")

    def __eq__(self, other: object) -> bool:
        return other == "RU"

    def __repr__(self) -> str:
        return "_PosesAsCode()"


# Values that are, or pose as, text: a record stores plain text or refuses them.
_POSING = [
    _Ids.RUSSIA,
    _OldIds.RUSSIA,
    _Text("russia"),
    _Text("RU"),
    _Text("Q212"),
    _Text("Europe/Kyiv"),
    _Text("https://example.org/"),
    _Text("Not a slug"),
    _PosesAsCode(),
    (_Text("russia"), "ukraine"),
    (_Ids.RUSSIA, _Ids.RUSSIA),
    (_PosesAsCode(),),
]


class TestStringSubclasses:
    """Text, identifiers, codes and zone names store str subclasses as plain
    str, as Int and Number store int and float subclasses; loading reads
    plain JSON data only."""

    def test_a_status_of_its_own_text_is_stored_plain(self) -> None:
        """A change standing alone keeps text as plain str; a member as it is."""
        change = StatusChange(status=_Text("accepted"), reason=_Text("talks"))
        assert change.status.__class__ is str
        assert change.status == "accepted"
        assert change.reason.__class__ is str
        moved = attrs.evolve(change, status=_Text("withdrawn"))
        assert moved.status.__class__ is str
        assert StatusChange(status=ProposalStatus.ACCEPTED).status is (
            ProposalStatus.ACCEPTED
        )
        decomposed = "suspendu-a\u0300-titre"  # NFD: stored NFC, built or loaded
        built = StatusChange(status=decomposed)
        assert built.status == "suspendu-\u00e0-titre"
        assert from_json(StatusChange, json.dumps({"status": decomposed})) == built
        with pytest.raises(ValidationError) as caught:
            StatusChange(status=_Text(""))
        assert caught.value.errors == (
            ("status", "must be a status (an enum member or its value), got str ''"),
        )

    def test_lookups_take_a_str_subclass(self) -> None:
        """A record built with a StrEnum id is found by that member too."""
        talks = Negotiation(
            id="n",
            title="N",
            parties=[Party(id=_Ids.RUSSIA, name="Russia", kind="state")],
        )
        assert talks.party(_Ids.RUSSIA) is talks.parties[0]
        assert talks.party("russia") is talks.parties[0]

    def test_lookups_take_an_int_subclass(self) -> None:
        """A round built with an IntEnum number (stored as a plain int) is found
        by that member too; a bool is still no round number."""

        class Rounds(enum.IntEnum):
            FIRST = 1

        talks = Negotiation(
            id="n", title="N", rounds=[Round(number=Rounds.FIRST, status="proposed")]
        )
        assert type(talks.rounds[0].number) is int
        assert talks.round(Rounds.FIRST) is talks.rounds[0]
        with pytest.raises(RecordNotFoundError):
            talks.round(True)  # noqa: FBT003 - a bool is no round number

    def test_a_deadline_constructor_stores_a_plain_zone(self) -> None:
        """Every Deadline constructor takes a str subclass as tz, as Deadline()
        does, and stores the plain text."""
        day = pendulum.date(2025, 7, 14)
        for tz in (_Text("Europe/Kyiv"), _Zones.KYIV):
            built = [
                Deadline.after(day, days=3, tz=tz),
                Deadline.before(day, days=3, tz=tz),
                Deadline.on_day(3, counting_from=day, tz=tz),
                Deadline.after_business_days(day, 3, tz=tz),
                Deadline.on(day, tz=tz),
            ]
            assert [type(d.tz) for d in built] == [str] * 5
            moment = pendulum.datetime(2025, 7, 14, 12, tz="UTC")
            shown = Deadline.on(moment, tz=tz).due
            assert isinstance(shown, pendulum.DateTime)
            assert shown.timezone_name == "Europe/Kyiv"

    def test_a_party_stores_plain_text(self) -> None:
        """A StrEnum id, a subclass's Wikidata id and country code, and a
        ``(str, Enum)`` name are stored, compared and written as the text."""
        built = Party(
            id=_Ids.RUSSIA,
            name=_OldIds.RUSSIA,
            kind="state",
            country=_Text("RU"),
            wikidata=_Text("Q159"),
            aliases=[_Text("Moscow")],
            sources=[_Ids.RUSSIA],
        )
        plain = Party(
            id="russia",
            name="russia",
            kind="state",
            country="RU",
            wikidata="Q159",
            aliases=["Moscow"],
            sources=["russia"],
        )
        for name in ("id", "name", "country", "wikidata"):
            assert type(getattr(built, name)) is str, name
        assert [type(a) for a in (*built.aliases, *built.sources)] == [str, str]
        assert built == plain
        assert hash(built) == hash(plain)
        assert to_json(built) == to_json(plain)

    def test_a_numpy_string_is_stored_as_a_str(self) -> None:
        """``numpy.str_`` (a str subclass) is stored as the plain str."""
        numpy = pytest.importorskip("numpy")
        built = Party(
            id="russia", name="Russia", kind="state", country=numpy.str_("RU")
        )
        assert type(built.country) is str

    def test_a_zone_name_is_stored_as_a_str(self) -> None:
        """A deadline's zone name given as a subclass is stored as the plain str."""
        due = Deadline.on(pendulum.date(2025, 9, 2), tz=_Text("Europe/Kyiv"))
        assert type(due.tz) is str
        assert due == Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv")

    def test_an_object_posing_as_a_code_is_refused(self) -> None:
        """An object equal to 'RU', with its hash, is not a country code."""
        with pytest.raises(ValidationError) as caught:
            Party(
                id="russia",
                name="Russia",
                kind="state",
                country=_PosesAsCode(),  # type: ignore[arg-type]
            )
        assert caught.value.errors == (
            (
                "country",
                "must be an ISO 3166-1 alpha-2 code (two upper-case letters such "
                "as 'UA'), got _PosesAsCode()",
            ),
        )

    def test_a_bad_subclass_value_is_refused_for_its_text(self) -> None:
        """A subclass holding a bad value is refused for the value, as text."""
        with pytest.raises(ValidationError) as caught:
            Party(id=_Text("Russia"), name="Russia", kind="state")
        assert caught.value.errors == (("id", f"must be {Slug.rule}, got 'Russia'"),)

    def test_a_stored_subclass_is_named_for_its_type(self) -> None:
        """Set without the conversion, a subclass is reported as one, not as
        a value that breaks the rule."""
        assert Wikidata().problems(_Text("Q159")) == [
            ("", "must be a plain str, got _Text 'Q159', a subclass of str")
        ]

    def test_loading_takes_plain_strings_only(self) -> None:
        """from_dict still refuses a subclass where JSON data holds a string."""
        data = {"id": _Text("russia"), "name": "Russia", "kind": "state"}
        with pytest.raises(ValidationError, match="a subclass of str"):
            from_dict(Party, data)

    @pytest.mark.parametrize("name", list(KINDS))
    @pytest.mark.parametrize("value", _POSING, ids=repr)
    def test_compiled_check_is_the_kinds_check(self, name: str, value: Any) -> None:
        """On values that pose as text, the compiled check and the kind's
        problems agree, and a record stores what its kind converted."""
        _check_agrees(name, value)
        if _problems_of(lambda: _HOLDERS[name](value=value)) is None:
            kept = _HOLDERS[name](value=value).value
            for item in kept if isinstance(kept, tuple) else (kept,):
                assert not isinstance(item, str) or type(item) is str


class TestSetsHaveNoOrder:
    """A list field keeps the order it is given: a set, whose order is its
    hashes' and changes from one process to the next, is refused."""

    _MESSAGE = (
        "must be a list or a tuple, got a {cls} of {n}: a set has no order (it "
        "changes from one process to the next), and the field keeps the order it "
        "is given; give a list or a tuple (sorted(...) if any order will do)"
    )

    @pytest.mark.parametrize("make", [set, frozenset])
    def test_a_set_is_refused_at_the_field(self, make: Callable[..., Any]) -> None:
        """Aliases, sources and parties addressed given as sets are refused,
        each at its field, with every other problem."""
        with pytest.raises(ValidationError) as caught:
            Proposal(
                id="p",
                proposed_by="ukraine",
                addressed_to=make(["russia", "us"]),
                made_on=pendulum.date(2025, 7, 19),
                summary="Talks",
                sources=make(["tass"]),
            )
        cls = make.__name__
        assert caught.value.errors == (
            ("addressed_to", self._MESSAGE.format(cls=cls, n="2 items")),
            ("sources", self._MESSAGE.format(cls=cls, n="1 item")),
        )
        with pytest.raises(ValidationError, match=r"^aliases: must be a list or a"):
            Party(id="r", name="R", kind="state", aliases=make(["Moscow", "RF"]))

    def test_ordered_collections_are_still_taken(self) -> None:
        """Lists, tuples, dict views and generators keep their order."""
        for aliases in (
            ["Moscow", "RF"],
            ("Moscow", "RF"),
            {"Moscow": 1, "RF": 2}.keys(),
            (name for name in ("Moscow", "RF")),
        ):
            built = Party(id="r", name="R", kind="state", aliases=aliases)
            assert built.aliases == ("Moscow", "RF")

    def test_sets_of_days_are_sets(self) -> None:
        """A business-day deadline's holidays are a set of days: a set is
        taken and stored earliest first, as before."""
        days = {pendulum.date(2025, 7, 4), pendulum.date(2025, 7, 3)}
        due = Deadline.after_business_days(pendulum.date(2025, 7, 1), 5, holidays=days)
        assert due.holidays == (pendulum.date(2025, 7, 3), pendulum.date(2025, 7, 4))


class _LostConnection(list[str]):
    """A list whose ``len()`` fails, as a lazy list backed by a database may."""

    def __len__(self) -> int:
        raise RuntimeError("db connection lost")


class _BadHash:
    """A value whose ``__hash__`` raises something other than TypeError."""

    def __hash__(self) -> int:
        raise RuntimeError("no hash today")


class _BadHashText(str):
    """Text whose ``__hash__`` raises something other than TypeError."""

    __slots__ = ()

    def __hash__(self) -> int:
        raise RuntimeError("no hash today")


class TestValuesThatFailWhenRead:
    """A list field given an iterable that raises part-way, or items whose
    hashing raises, is reported as a ValidationError, never a raw exception."""

    _READ = (
        "reading the values raised {what}; give a list or a tuple (the exception "
        "is the error's __cause__)"
    )

    def test_a_generator_that_raises_part_way(self) -> None:
        """The problem names the exception, which is the error's __cause__;
        the record's other problems are reported with it."""
        lost = ValueError("db connection lost")

        def aliases() -> Any:
            yield "Kyiv"
            raise lost

        with pytest.raises(ValidationError) as caught:
            Party(id="X", name="X", kind="state", aliases=aliases())
        assert caught.value.errors[1:] == (
            ("aliases", self._READ.format(what="ValueError: db connection lost")),
        )
        assert caught.value.errors[0][0] == "id"
        assert caught.value.__cause__ is lost

    def test_a_list_subclass_whose_len_raises(self) -> None:
        """As for a generator: the list was given, but could not be read."""
        with pytest.raises(ValidationError) as caught:
            Party(id="x", name="X", kind="state", aliases=_LostConnection(["Kyiv"]))
        assert caught.value.errors == (
            ("aliases", self._READ.format(what="RuntimeError: db connection lost")),
        )
        assert isinstance(caught.value.__cause__, RuntimeError)

    def test_the_cause_is_kept_through_a_method(self) -> None:
        """A response's sources read from a failing generator: the error at
        the response's place keeps the cause too."""
        lost = ConnectionError("gone")

        def sources() -> Any:
            raise lost
            yield "tass"  # pragma: no cover - a generator that fails at once

        proposal = Proposal(
            id="p",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=pendulum.date(2025, 7, 19),
            summary="Talks",
        )
        with pytest.raises(ValidationError) as caught:
            proposal.respond(
                "russia",
                on=pendulum.date(2025, 7, 20),
                stance="rejects",
                sources=sources(),
            )
        assert caught.value.errors == (
            (
                "responses[0].sources",
                self._READ.format(what="ConnectionError: gone"),
            ),
        )
        assert caught.value.__cause__ is lost

    def test_a_working_generator_is_still_taken(self) -> None:
        """Reading that succeeds is unchanged, and no cause is set otherwise."""
        built = Party(id="x", name="X", kind="state", aliases=iter(["Kyiv"]))
        assert built.aliases == ("Kyiv",)
        with pytest.raises(ValidationError) as caught:
            Party(id="x", name="X", kind="state", aliases=5)  # type: ignore[arg-type]
        assert caught.value.__cause__ is None

    def test_an_item_whose_hash_raises_in_a_unique_list(self) -> None:
        """The item is reported as not a slug, and nothing escapes the check
        of repeated items."""
        with pytest.raises(ValidationError) as caught:
            Party(id="x", name="X", kind="state", sources=["tass", _BadHash()])  # type: ignore[list-item]
        ((path, message),) = caught.value.errors
        assert path == "sources[1]"
        assert message.startswith("must be a lower-case slug")

    def test_a_valid_item_whose_hash_raises_is_reported(self) -> None:
        """An item of a kind of your own that passes its check but cannot be
        hashed is reported at its place, naming what hashing raised."""

        class Anything(Kind):
            def problems(self, value: object) -> list[tuple[str, str]]:
                return []

        assert Many(Anything(), unique="thing").problems(("a", _BadHash())) == [
            (
                "[1]",
                "cannot be compared with the other items: hashing it raised "
                "RuntimeError: no hash today",
            )
        ]

    def test_an_enum_value_whose_hash_raises(self) -> None:
        """An object is not a valid member; text whose hashing raises is
        refused, naming the failure and the plain text to give."""
        with pytest.raises(ValidationError) as caught:
            Party(id="x", name="X", kind=_BadHash())  # type: ignore[arg-type]
        ((path, message),) = caught.value.errors
        assert path == "kind"
        assert "is not a valid PartyKind" in message
        with pytest.raises(ValidationError) as caught:
            Party(id="x", name="X", kind=_BadHashText("state"))
        assert caught.value.errors == (
            (
                "kind",
                "'state' cannot be looked up: it is a _BadHashText whose hashing "
                "raised RuntimeError: no hash today; give the plain text 'state' "
                "or the member",
            ),
        )

    def test_a_weekend_day_whose_hash_raises(self) -> None:
        """A weekend of unhashable days is refused as not weekday numbers, at
        the day's place in the list."""
        with pytest.raises(ValidationError) as caught:
            Deadline.after_business_days(
                pendulum.date(2025, 7, 1),
                5,
                weekend=[5, _BadHash()],  # type: ignore[list-item]
            )
        ((path, message),) = caught.value.errors
        assert path == "weekend[1]"
        assert message.startswith("must be a weekday number")


class TestEveryFieldHasAKindAndAStrategy:
    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda cls: cls.__name__)
    def test_every_field_has_a_kind(self, cls: type[Any]) -> None:
        """Every field of every record is declared with a kind."""
        assert [
            a.name
            for a in attrs.fields(cls)
            if kind_of(a) is None and not is_init_only(a)
        ] == []

    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda cls: cls.__name__)
    def test_the_strategies_vary_every_field(self, cls: type[Any]) -> None:
        """A field that the strategies never set (a new field without a strategy)
        fails here: each field takes two different values in generated records."""
        names = [a.name for a in attrs.fields(cls) if not is_init_only(a)]
        seen: dict[str, set[str]] = {name: set() for name in names}

        @settings(
            max_examples=200, database=None, derandomize=True, phases=[Phase.generate]
        )
        @given(nst.for_type(cls))
        def collect(record: Any) -> None:
            for name in names:
                seen[name].add(repr(getattr(record, name)))

        collect()
        assert [name for name in names if len(seen[name]) < 2] == []


@pytest.mark.parametrize(
    "kind",
    [
        Maybe(Text()),
        Maybe(Int(min=1)),
        Many(Slug()),
        Many(Text()),
        Many(Maybe(Slug())),
        Bool(),
        Many(ZoneName()),
    ],
    ids=repr,
)
@settings(max_examples=60)
@given(value=JSON_VALUES)
def test_a_load_expression_is_the_load(kind: Kind, value: Any) -> None:
    """The compiled expression of a kind's load gives what its load gives, or raises
    where the load raises (a kind of your own may build on it)."""
    ns = Namespace()
    load = eval(f"lambda v: {kind.load_expr(ns, 'v', converter)}", dict(ns.names))  # noqa: S307 - generated here
    try:
        expected = kind.load(value, converter)
    except ValidationError:
        with pytest.raises(Exception):  # noqa: B017, PT011 - whatever it raises
            load(value)
        return
    try:
        got = load(value)
    except Exception:  # noqa: BLE001 - refused by the compiled form: exact path decides
        return
    assert got == expected


class _Share(Kind):
    """A kind of one's own that reads one class of JSON value: a float."""

    __slots__ = ()
    json_class: ClassVar[type | None] = float
    json_words: ClassVar[str] = "a number with a decimal point"

    def accepts(self) -> str:
        return "float"

    def problems(self, value: object) -> list[tuple[str, str]]:
        if isinstance(value, float) and value.__class__ is float and 0 <= value <= 1:
            return []
        return [("", "must be a share from 0 to 1")]


class TestAKindNamingItsJsonClass:
    def test_its_load_keeps_a_value_of_the_class(self) -> None:
        """A kind that names the one class of JSON value it reads needs no load of
        its own: a value of that class is kept as it is."""
        assert _Share().load(0.25, converter) == 0.25

    @pytest.mark.parametrize(
        ("value", "shown"),
        [(1, "number 1"), ("0.5", "string '0.5'"), (True, "true"), (None, "null")],
    )
    def test_its_load_refuses_any_other_class(self, value: Any, shown: str) -> None:
        """Any other class is refused in the kind's words, the value shown as JSON
        (an int is not a float here, nor a bool an int)."""
        with pytest.raises(ValidationError) as caught:
            _Share().load(value, converter)
        assert caught.value.errors == (
            ("", f"must be a number with a decimal point, got {shown}"),
        )

    def test_its_compiled_load_names_the_class(self) -> None:
        """The compiled expression tests the class and refuses anything else; a
        class that is not built in is bound by name."""

        class Cents(int):
            pass

        class InCents(_Share):
            __slots__ = ()
            json_class = Cents

        ns = Namespace()
        expr = InCents().load_expr(ns, "v", converter)
        load = eval(f"lambda v: {expr}", dict(ns.names))  # noqa: S307 - generated here
        assert load(Cents(5)) == 5
        with pytest.raises(RefusedError):
            load(5)
        assert "float" in _Share().load_expr(Namespace(), "v", converter)

    def test_a_kind_naming_none_has_no_load(self) -> None:
        """A kind that names no class must read its data itself."""

        class Unread(_Share):
            __slots__ = ()
            json_class = None

        with pytest.raises(NotImplementedError):
            Unread().load(0.5, converter)

    def test_a_record_reads_and_refuses_by_it(self) -> None:
        """A record with such a field reads its JSON and refuses the wrong class at
        the field's path."""

        @attrs.frozen(kw_only=True)
        class Poll(Record):
            share: float = field(_Share())

        assert from_dict(Poll, {"share": 0.5}) == Poll(share=0.5)
        with pytest.raises(ValidationError) as caught:
            from_dict(Poll, {"share": 1})
        assert caught.value.errors == (
            ("share", "must be a number with a decimal point, got number 1"),
        )


def test_kinds_compare_as_values() -> None:
    """Kinds are frozen values: equal when they say the same rule."""
    assert Many(Slug(), unique="party") == Many(Slug(), unique="party")
    assert Int(min=1) != Int(min=2)
    assert Choice(PartyKind) == Choice(PartyKind)


def test_a_kind_that_does_not_hash_makes_a_field() -> None:
    """A kind of your own that is not hashable still converts and checks its field."""

    @attrs.define
    class Upper(Kind):
        converts: ClassVar[bool] = True

        def convert(self, value: Any) -> Any:
            return value.upper() if isinstance(value, str) else value

        def accepts(self) -> str:
            return "str"

        def problems(self, value: object) -> list[tuple[str, str]]:
            return [] if isinstance(value, str) else [("", "must be text")]

    @attrs.frozen(kw_only=True)
    class Note(Record):
        text: str = field(Upper())

    assert Note(text="ab").text == "AB"
    with pytest.raises(ValidationError, match="text: must be text"):
        Note(text=1)  # type: ignore[arg-type]


class TestFloatsWrittenAsJsonWritesThem:
    @pytest.mark.parametrize(
        "amount", [1e-05, 2.5e-7, 5e-324, 9.999999999999999e-05, 1e-4, 0.0, 1e16, 0.5]
    )
    def test_amounts_at_the_edges(self, amount: float) -> None:
        """With orjson, a record holding a small float is written exactly as the
        standard library writes it (1e-05, not 0.00001), at any depth."""
        from negotiation_records import Outcome, Quantity, to_json

        outcome = Outcome(text="x", quantity=Quantity(amount=amount, unit="u"))
        seed = seed_record()
        rounds = list(seed.rounds)
        rounds[0] = attrs.evolve(rounds[0], outcomes=[*rounds[0].outcomes, outcome])
        record = attrs.evolve(seed, rounds=rounds)
        for obj in (outcome, record, [outcome, outcome]):
            expected = json.dumps(
                to_dict(obj), ensure_ascii=False, separators=(",", ":")
            )
            assert to_json(obj) == expected

    def test_a_field_without_a_kind_is_searched(self) -> None:
        """A float in a field the library does not describe is found in the output."""
        from negotiation_records import to_json

        @attrs.frozen(kw_only=True)
        class Reading(Record):
            name: str = field(Text())
            value: float = 0.0

        reading = Reading(name="r", value=1e-05)
        assert to_json(reading) == '{"name":"r","value":1e-05}'


class TestDocumentMemo:
    def test_nothing_read_from_one_document_serves_the_next(self) -> None:
        """Moments and ids a document repeats are read once, and forgotten when
        the load ends: two loads of the same text share no moment object."""
        from negotiation_records import from_json, to_json
        from negotiation_records._kind import MEMO

        text = to_json(seed_record())
        first = from_json(Negotiation, text)
        assert not MEMO.moments
        assert not MEMO.ids
        second = from_json(Negotiation, text)
        assert first == second
        assert first.rounds[0].starts is not second.rounds[0].starts
        dates = [p.made_on for p in first.proposals]
        repeated = [d for d in dates if dates.count(d) > 1]
        assert all(d is repeated[0] for d in repeated if d == repeated[0])

    def test_a_bad_id_after_good_ones_is_still_refused(self) -> None:
        """An id that matched once is remembered; one that does not match is
        checked every time."""
        with pytest.raises(ValidationError, match="members"):
            from_dict(
                Party,
                {"id": "ok", "name": "A", "kind": "state", "members": ["Bad Id"]},
            )
        document = to_dict(seed_record())
        document["proposals"][0]["addressed_to"] = ["russia", "Rusia"]
        with pytest.raises(ValidationError) as caught:
            from_dict(Negotiation, document)
        assert caught.value.errors[0][0] == "proposals[0].addressed_to[1]"


def test_a_refused_compact_document_is_parsed_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With orjson, a compact document that fails validation is not parsed a
    second time by the standard library to find its problems."""
    from negotiation_records import serialization

    if not _fastjson.AVAILABLE:  # pragma: no cover - the fast extra is installed
        pytest.skip("orjson is not installed")
    calls: list[object] = []
    real: Callable[[Any], Any] = getattr(serialization, "parse_json")  # noqa: B009

    def counting(text: Any) -> Any:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(serialization, "parse_json", counting)
    text = json.dumps(_party("\u200b"), separators=(",", ":"), ensure_ascii=False)
    with pytest.raises(ValidationError, match="visible character"):
        from_json(Party, text)
    assert calls == []
