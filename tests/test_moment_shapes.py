"""
The commonest moment texts are read without the general parser
(``_moment_shapes.quick_moment``): each gives exactly what ``parse_moment``
gives, and every text the general parser refuses or reads in a special way is
left to it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from negotiation_records import Statement, ValidationError, Window, from_json
from negotiation_records import strategies as nst
from negotiation_records._codegen import Namespace
from negotiation_records._kind import MEMO
from negotiation_records._moment_shapes import quick_moment
from negotiation_records._record import Record
from negotiation_records._time_kinds import MomentKind
from negotiation_records.fields import field
from negotiation_records.timeutil import format_moment, parse_moment


def _same(quick: Any, parsed: Any) -> bool:
    """The two readings are one value: class, wall time, zone object and fold."""
    if quick.__class__ is not parsed.__class__ or quick != parsed:
        return False
    if isinstance(parsed, dt.datetime):
        return (
            quick.timetuple()[:6] == parsed.timetuple()[:6]
            and quick.microsecond == parsed.microsecond
            and quick.tzinfo is parsed.tzinfo
            and quick.fold == parsed.fold
        )
    return True


def _agrees(text: str) -> None:
    """quick_moment reads *text* as parse_moment does, or leaves it to it."""
    quick = quick_moment(text)
    try:
        parsed = parse_moment(text)
    except ValidationError:
        assert quick is None, f"{text!r} read as {quick!r}, which the parser refuses"
        return
    if quick is not None:
        assert _same(quick, parsed), (text, quick, parsed)


@pytest.mark.parametrize(
    "text",
    [
        "2025-05-16",
        "2024-02-29",  # a leap day
        "0001-01-01",
        "9999-12-31",
        "2025-05-16T10:30:00Z",
        "2025-05-16T10:30:00+03:00",
        "2025-05-16T10:30:00-04:30",
        "2025-05-16T10:30:00+00:00",  # a fixed offset of zero, not UTC
        "2025-05-16T10:30:00+03:00[Europe/Istanbul]",
        "2025-07-14T12:00:00-04:00[America/New_York]",
        "2025-05-16T07:30:00Z[Europe/Istanbul]",  # an instant, shown in a zone
        "2025-05-16T10:30:00Z[UTC]",
        "2025-10-26T02:30:00+02:00[Europe/Berlin]",  # the first of two 02:30s
        "2025-10-26T02:30:00+01:00[Europe/Berlin]",  # the second (fold=1)
        "2025-11-02T01:30:00-05:00[America/New_York]",
        "2025-03-30T03:30:00+02:00[Europe/Berlin]",  # just after the gap
        "2024-12-31T23:59:59+14:00[Pacific/Kiritimati]",
        "2011-12-31T10:00:00+14:00[Pacific/Apia]",  # after the skipped day
        "2025-01-01T00:00:00+05:45[Asia/Kathmandu]",
    ],
)
def test_the_common_shapes_read_as_the_parser_reads_them(text: str) -> None:
    quick = quick_moment(text)
    assert quick is not None
    assert _same(quick, parse_moment(text))


@pytest.mark.parametrize(
    "text",
    [
        "2025-02-29",  # no leap day that year
        "2025-13-01",
        "2025-W01-1",  # an ISO week date: ten characters, "-" at 4 but not 7
        "2025-05-1٣",  # a non-ASCII digit
        "２０２５-05-16",  # full-width digits
        "2025/05/16",
        "2025-05-16t10:30:00Z",  # lower case: the parser's
        "2025-05-16T10:30:00z",
        "2025-05-16 10:30:00Z",
        "2025-05-16T10:30:00.5Z",  # fractions of a second: the parser's
        "2025-05-16T10:30:00-00:00",  # UTC, local offset unknown: the parser's
        "2025-05-16T10:30:00+24:00",
        "2025-05-16T10:30:00+05:75",
        "2025-05-16T10:30:00+00:19:32",  # an offset with seconds
        "2025-05-16T10:30+03:00",
        "2025-05-16T10:30:00+0300",
        "2025-05-16T10:30:00",  # no offset: refused by the parser
        "2025-05-16T10:30:00+03:00[Europe/Berlin]",  # not Berlin's offset then
        "2025-03-30T02:30:00+01:00[Europe/Berlin]",  # in the gap: no such time
        "2025-03-30T02:30:00+02:00[Europe/Berlin]",
        "2025-05-16T10:30:00+03:00[Europe/Nowhere]",
        "2025-05-16T10:30:00-05:00[EST]",  # an abbreviation
        "2025-05-16T10:30:00+03:00[Europe/Istanbul",
        "2025-05-16T10:30:00+03:00[]",
        "2025-05-16T10:30:00+03:00[Europe/Ist anbul]",
        "2025-05-16T10:30:00+03:00[../etc/passwd]",
        "2025-05-16T10:30:00+03:00[Europe/Istanbul]x",
        "0001-01-01T00:00:00+01:00[Europe/Berlin]",  # before the first instant
        "9999-12-31T23:59:59-05:00[America/New_York]",  # after the last one
        # Offsets a day apart: the same time of day, another day.
        "2025-05-16T10:30:00+12:00[Etc/GMT+12]",
        "2025-05-16T10:30:00-10:00[Etc/GMT-14]",
    ],
)
def test_everything_else_is_left_to_the_parser(text: str) -> None:
    assert quick_moment(text) is None
    _agrees(text)


@settings(max_examples=300)
@given(nst.moments())
def test_every_written_moment_reads_back_alike(moment: Any) -> None:
    _agrees(format_moment(moment))


@settings(max_examples=300)
@given(nst.repeated_wall_times())
def test_repeated_wall_times_keep_their_fold(moment: Any) -> None:
    text = format_moment(moment)
    _agrees(text)
    assert quick_moment(text) is not None


_SHAPE = st.sampled_from(
    [
        "2025-05-16",
        "2025-05-16T10:30:00Z",
        "2025-05-16T10:30:00+03:00",
        "2025-05-16T10:30:00+03:00[Europe/Istanbul]",
        "2025-10-26T02:30:00+01:00[Europe/Berlin]",
    ]
)
_CHARACTERS = st.sampled_from("0123456789-+:TtZz[]/ .,_aEU٣\x00")


@st.composite
def _changed_texts(draw: st.DrawFn) -> str:
    """A common shape with a few characters replaced, inserted or removed."""
    text = list(draw(_SHAPE))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["replace", "insert", "remove"]))
        if how == "insert" or not text:
            text.insert(at, draw(_CHARACTERS))
        elif how == "replace":
            text[min(at, len(text) - 1)] = draw(_CHARACTERS)
        else:
            del text[min(at, len(text) - 1)]
    return "".join(text)


@settings(max_examples=1000)
@given(st.one_of(_changed_texts(), st.text(max_size=50)))
@example("2025-05-16T10:30:00+03:00[Europe/Istanbul]")
@example("2025-05-16T1\x00:30:00Z")
def test_any_text_is_read_as_the_parser_reads_it_or_left_to_it(text: str) -> None:
    _agrees(text)


@settings(max_examples=500)
@given(st.one_of(_changed_texts(), nst.moments().map(format_moment)))
@example("2025-07-14T12:00:00-05:00[EST]")
@example("2025-07-14T12:00:00-05:00[est]")
@example("2025-07-14T12:00:00+00:00[UTC]")
def test_what_the_load_reads_passes_the_kinds_check(text: str) -> None:
    # The compiled loaders test no moment they read (MomentKind.read_code):
    # whatever the load gives, the kind finds nothing wrong with.
    kind = MomentKind()
    try:
        moment = kind.load(text, None)
    except Exception:  # noqa: BLE001 - refused: nothing to check
        return
    finally:
        MEMO.forget()
    assert kind.problems(moment) == []


def test_a_document_of_common_shapes_still_names_each_problem() -> None:
    statement = (
        '{"id": "s%d", "speaker": "A", "said_on": "%s", "text": "t", "source": "x"}'
    )
    texts = ["2025-05-16T10:30:00+03:00[Europe/Berlin]", "2025-02-29"]
    doc = "[" + ",".join(statement % (i, t) for i, t in enumerate(texts)) + "]"
    with pytest.raises(ValidationError) as info:
        from_json(list[Statement], doc)
    assert [path for path, _ in info.value.errors] == ["[0].said_on", "[1].said_on"]
    messages = [message for _, message in info.value.errors]
    assert "does not match Europe/Berlin" in messages[0]
    assert "impossible date" in messages[1]


@pytest.mark.parametrize(
    "text",
    [
        "2025-05-16",
        "2025-05-16T10:30:00Z",
        "2025-05-16T10:30:00+03:00",
        "2025-10-26T02:30:00+01:00[Europe/Berlin]",
        "2025-05-16t10:30:00z",  # the parser's, in the same document
    ],
)
def test_a_record_reads_each_shape_as_the_parser_reads_it(text: str) -> None:
    doc = '{"id": "s", "speaker": "A", "said_on": "%s", "text": "t", "source": "x"}'
    read = from_json(Statement, doc % text).said_on
    assert _same(read, parse_moment(text))


@attrs.frozen(eq=False, repr=False)
class _UtcOnly(MomentKind):
    """A stricter kind of a user's: datetimes in UTC only."""

    def problems(self, value: object) -> list[tuple[str, str]]:
        if isinstance(value, pendulum.DateTime) and value.tzinfo is not pendulum.UTC:
            return [("", "must be in UTC")]
        return super().problems(value)

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        return [
            f"{pad}if {v}.__class__ is {ns.name(pendulum.DateTime)} and "
            f"{v}.tzinfo is not {ns.name(pendulum.UTC)}:",
            f"{pad}    {fail}",
            *super().check_code(ns, v, pad, fail),
        ]


@attrs.frozen(kw_only=True)
class _Stamped(Record):
    at: Any = field(_UtcOnly())


def test_a_subclass_that_checks_more_is_checked_when_read() -> None:
    assert from_json(_Stamped, '{"at": "2025-05-16T10:30:00Z"}').at.hour == 10
    with pytest.raises(ValidationError) as info:
        from_json(_Stamped, '{"at": "2025-05-16T10:30:00+03:00"}')
    assert list(info.value.errors) == [("at", "must be in UTC")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-05-16", None),
        ("2024-02-29", None),
        ("2025-02-29", "impossible date '2025-02-29': "),
        ("2025-5-16", "must be a date as text (YYYY-MM-DD), got string '2025-5-16'"),
        ("2025-0a-16", "must be a date as text (YYYY-MM-DD), got string '2025-0a-16'"),
        ("2025-05-1٣", "must be a date as text (YYYY-MM-DD), got string '2025-05-1٣'"),
        ("2025-05-16T10:00:00Z", "must be a date as text (YYYY-MM-DD), got "),
    ],
)
def test_a_date_field_reads_dates_by_their_shape(
    text: str, message: str | None
) -> None:
    # Window's start is a date field (DateKind): read by quick_date, and
    # refused with the messages it always had.
    doc = json.dumps({"start": text, "end": "2025-12-31"}, ensure_ascii=False)
    if message is None:
        read = from_json(Window, doc).start
        assert _same(read, parse_moment(text))
        return
    with pytest.raises(ValidationError) as info:
        from_json(Window, doc)
    [(path, found)] = info.value.errors
    assert path == "start"
    assert found.startswith(message)
