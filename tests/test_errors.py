"""The error classes, the field-check helpers, and that bad input only ever
raises ValidationError (with every problem in one error)."""

from __future__ import annotations

import datetime as dt
import enum
import pickle
from collections.abc import Callable, Iterator
from typing import Any, cast

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Deadline,
    IllegalTransitionError,
    Negotiation,
    NegotiationRecordError,
    Party,
    Proposal,
    Quantity,
    RecordNotFoundError,
    Round,
    Statement,
    ValidationError,
    Vote,
    Window,
    format_moment,
    from_dict,
    is_before,
    make_converter,
    to_dict,
    to_json,
)
from negotiation_records._record import Record
from negotiation_records._status import check_transition
from negotiation_records._unread import UnreadValues
from negotiation_records._values import short_repr
from negotiation_records.errors import join_path
from negotiation_records.fields import (
    Bool,
    Choice,
    Int,
    Many,
    Maybe,
    Text,
    as_tuple,
    field,
)
from negotiation_records.timeutil import PartialDate, moment_argument
from tests.seed import seed_record
from tests.strategies_foundation import VALID, errors_of, junk, slug_error


class TestValidationError:
    def test_is_a_value_error_and_a_library_error(self) -> None:
        """ValidationError is caught by `except ValueError` and by the base class."""
        exc = ValidationError([("id", "bad")])
        assert isinstance(exc, ValueError)
        assert isinstance(exc, NegotiationRecordError)

    def test_errors_are_a_tuple_of_string_pairs(self) -> None:
        """Any iterable of (path, message) pairs is stored as a tuple of str pairs."""
        pairs: list[Any] = [("a", "one"), ("b", 2)]
        exc = ValidationError(iter(pairs))
        assert exc.errors == (("a", "one"), ("b", "2"))

    def test_one_problem_prints_on_one_line(self) -> None:
        """str() of a single problem is 'path: message'."""
        assert str(ValidationError([("name", "must be text")])) == "name: must be text"

    def test_several_problems_print_all(self) -> None:
        """str() lists every problem, one per line, after a count."""
        exc = ValidationError([("id", "bad id"), ("name", "bad name")])
        assert str(exc) == "2 problems:\n  id: bad id\n  name: bad name"

    def test_no_problem_still_says_something(self) -> None:
        """An empty list of problems becomes one generic problem on '$'."""
        assert ValidationError([]).errors == (("$", "invalid value"),)

    def test_repr_shows_the_errors(self) -> None:
        """repr() shows the problems as a list."""
        assert repr(ValidationError([("a", "b")])) == "ValidationError([('a', 'b')])"

    def test_prefixed_moves_every_path_under_the_prefix(self) -> None:
        """prefixed() joins the prefix to each path, '$' becoming the prefix."""
        exc = ValidationError([("name", "x"), ("$", "y"), ("[0]", "z")])
        assert exc.prefixed("parties[2]").errors == (
            ("parties[2].name", "x"),
            ("parties[2]", "y"),
            ("parties[2][0]", "z"),
        )


class TestJoinPath:
    @pytest.mark.parametrize(
        ("prefix", "path", "joined"),
        [
            ("rounds[1]", "outcomes[0].text", "rounds[1].outcomes[0].text"),
            ("rounds", "[1]", "rounds[1]"),
            ("", "$", "$"),
            ("", "", "$"),
            ("$", "name", "name"),
            ("", "name", "name"),
            ("parties[0]", "", "parties[0]"),
        ],
    )
    def test_join(self, prefix: str, path: str, joined: str) -> None:
        """Attribute steps get a dot, index steps none, '$' disappears."""
        assert join_path(prefix, path) == joined


class TestRecordNotFoundError:
    def test_is_a_lookup_error(self) -> None:
        """RecordNotFoundError is caught by `except LookupError`."""
        exc = RecordNotFoundError("party", "rusia", ["russia"])
        assert isinstance(exc, LookupError)
        assert isinstance(exc, NegotiationRecordError)
        assert (exc.kind, exc.key, exc.known) == ("party", "rusia", ("russia",))

    def test_message_suggests_the_closest_key(self) -> None:
        """The message names the key, suggests a close one and lists the known."""
        exc = RecordNotFoundError("party", "rusia", ("russia", "ukraine"))
        assert str(exc) == (
            "no party 'rusia' (did you mean 'russia'?; known: 'russia', 'ukraine')"
        )

    def test_message_of_a_list_of_ids(self) -> None:
        """A list of ids where one is wanted (a proposal's proposed_by, a list
        since format version 2) is named as such, with a known one among them."""
        talks = Negotiation(
            id="t",
            title="T",
            parties=[Party(id="employer", name="Employer", kind="organization")],
        )
        with pytest.raises(RecordNotFoundError) as caught:
            talks.party(("employer",))  # type: ignore[arg-type]
        assert str(caught.value) == (
            "no party ('employer',) (a lookup takes one id, not a tuple of them; "
            "did you mean 'employer'?; known: 'employer')"
        )
        assert str(RecordNotFoundError("party", ["x"], ["a"])) == (
            "no party ['x'] (a lookup takes one id, not a list of them; known: 'a')"
        )
        # an item equal to a known key but written otherwise (1.0, True for 1)
        assert str(RecordNotFoundError("round", [True], [1])) == (
            "no round [True] (a lookup takes one id, not a list of them; "
            "did you mean 1?; known: 1)"
        )
        assert "did you mean 1?" in str(RecordNotFoundError("round", (1.0,), [1]))

    def test_message_of_a_record_where_its_id_is_wanted(self) -> None:
        """A coalition's Membership (or a record) given for its id says so."""
        talks = Negotiation(
            id="t",
            title="T",
            parties=[
                Party(id="fr", name="France", kind="state"),
                Party(id="de", name="Germany", kind="state"),
                Party(id="e3", name="E3", kind="coalition", members=["fr", "de"]),
            ],
        )
        member = talks.party("e3").members[0]
        with pytest.raises(RecordNotFoundError) as caught:
            talks.party(member)  # type: ignore[arg-type]
        assert str(caught.value) == (
            f"no party {member!r} (a lookup takes an id, not a Membership: give "
            "its party; did you mean 'fr'?; known: 'fr', 'de', 'e3')"
        )
        assert "not a Party: give its id; did you mean 'de'?" in str(
            RecordNotFoundError("party", talks.party("de"), ["fr", "de"])
        )

    def test_message_without_close_match(self) -> None:
        """Without a close key the message only lists the known keys."""
        assert str(RecordNotFoundError("round", 5, (1, 2))) == (
            "no round 5 (known: 1, 2)"
        )

    def test_message_suggests_numbers_with_their_type(self) -> None:
        """A suggested key keeps its own type in the message."""
        assert str(RecordNotFoundError("round", 3, (1, 2, 33))) == (
            "no round 3 (did you mean 33?; known: 1, 2, 33)"
        )

    def test_message_of_a_key_python_cannot_write(self) -> None:
        """An integer of more than 4300 digits (which str() refuses) is named."""
        assert str(RecordNotFoundError("round", 10**5000, (1, 2))) == (
            "no round <int of more than 4300 digits> (known: 1, 2)"
        )

    def test_message_of_a_big_record_or_a_huge_key_stays_short(self) -> None:
        """The first 20 known keys are listed, the others counted; keys are cut
        to 80 characters (a hostile or huge key cannot flood a log)."""
        known = [f"statement-{n}" for n in range(10_000)]
        text = str(RecordNotFoundError("statement", "statemnt-17", known))
        assert text.startswith(
            "no statement 'statemnt-17' (did you mean 'statement-17'?; known: "
            "'statement-0', 'statement-1', "
        )
        assert text.endswith("'statement-19', ... and 9980 more)")
        huge = str(RecordNotFoundError("party", "x" * 1_000_000, ["a"]))
        assert len(huge) < 200
        assert "'xxx" in huge
        assert "..." in huge

    def test_the_known_keys_are_read_when_first_asked_for(self) -> None:
        """Code that catches the error and goes on does not pay for listing
        every key: *known* is read once, when the keys or the message are
        first asked for."""
        read: list[str] = []

        def keys() -> Iterator[str]:
            read.append("read")
            yield from ("russia", "ukraine")

        exc = RecordNotFoundError("party", "rusia", keys())
        assert read == []
        assert exc.known == ("russia", "ukraine")
        assert str(exc).endswith("known: 'russia', 'ukraine')")
        assert exc.known == ("russia", "ukraine")
        assert read == ["read"]

    def test_pickled_with_its_keys(self) -> None:
        """The error crosses processes (multiprocessing pickles it) with its
        keys, whatever iterable gave them."""
        keys = (key for key in ("russia", "ukraine"))  # a generator: not picklable
        exc = RecordNotFoundError("party", "rusia", keys)
        again = pickle.loads(pickle.dumps(exc))  # noqa: S301 - bytes made here
        assert type(again) is RecordNotFoundError
        assert (again.kind, again.key, again.known) == (
            "party",
            "rusia",
            ("russia", "ukraine"),
        )
        assert str(again) == str(exc)

    def test_a_miss_lists_the_keys_of_the_record_as_it_is(self) -> None:
        """The keys of a lookup that missed are the record's (a record is
        frozen: reading them later gives the same)."""
        with pytest.raises(RecordNotFoundError) as info:
            seed_record().party("rusia")
        assert info.value.known == tuple(p.id for p in seed_record().parties)
        with pytest.raises(RecordNotFoundError) as condition:
            seed_record().condition("nope")
        assert condition.value.known == tuple(
            c.id for c in seed_record().all_conditions()
        )

    def test_message_when_nothing_exists(self) -> None:
        """With no records at all the message says so."""
        assert str(RecordNotFoundError("ultimatum", "x")) == (
            "no ultimatum 'x' (there is no ultimatum at all)"
        )


class TestIllegalTransitionError:
    def test_is_a_value_error(self) -> None:
        """IllegalTransitionError is a ValueError and a library error."""
        exc = IllegalTransitionError("round 1", "held", "cancelled")
        assert isinstance(exc, ValueError)
        assert isinstance(exc, NegotiationRecordError)
        assert (exc.record, exc.current, exc.requested, exc.reason) == (
            "round 1",
            "held",
            "cancelled",
            None,
        )

    def test_message_with_and_without_reason(self) -> None:
        """The message names the record, both states and the reason if any."""
        assert str(IllegalTransitionError("round 1", "held", "cancelled")) == (
            "round 1 cannot go from 'held' to 'cancelled'"
        )
        assert str(IllegalTransitionError("p", "a", "b", "why")) == (
            "p cannot go from 'a' to 'b': why"
        )


class _Light(enum.Enum):
    RED = "red"
    GREEN = "green"
    OFF = "off"


_TABLE = {_Light.RED: frozenset({_Light.GREEN, _Light.OFF})}


class TestCheckTransition:
    def test_allowed_change_passes(self) -> None:
        """A change listed in the table raises nothing."""
        check_transition("light", _TABLE, _Light.RED, _Light.GREEN)

    def test_refused_change_lists_what_is_allowed(self) -> None:
        """A change not in the table names the allowed targets."""
        with pytest.raises(IllegalTransitionError) as info:
            check_transition("light", _TABLE, _Light.RED, _Light.RED)
        assert str(info.value) == (
            "light cannot go from 'red' to 'red': from 'red' it can go to "
            "'green', 'off'"
        )

    def test_final_state_says_it_is_final(self) -> None:
        """A state with no way out is called final."""
        with pytest.raises(IllegalTransitionError) as info:
            check_transition("light", _TABLE, _Light.OFF, _Light.RED)
        assert str(info.value).endswith("from 'off' it can go to nothing: it is final")

    def test_given_reason_wins(self) -> None:
        """An explicit reason replaces the generated one."""
        with pytest.raises(IllegalTransitionError) as info:
            check_transition("light", _TABLE, _Light.OFF, _Light.RED, "broken")
        assert info.value.reason == "broken"


class _BrokenRepr:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


class _BrokenIterable:
    def __iter__(self) -> Any:
        raise RuntimeError("cannot iterate")


class _BrokenSequence(list[int]):
    def __iter__(self) -> Any:
        raise RuntimeError("cannot iterate")


class TestFieldHelpers:
    def test_short_repr_cuts_long_values(self) -> None:
        """Long values are cut to the limit with an ellipsis."""
        assert short_repr("x" * 200, limit=10) == "'xxxxxx..."

    def test_short_repr_survives_a_broken_repr(self) -> None:
        """A value whose repr raises is named by its type."""
        assert short_repr(_BrokenRepr()) == "<_BrokenRepr object>"

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (["a", "b"], ("a", "b")),
            (("a",), ("a",)),
            ({"a": 1}.keys(), ("a",)),
            ({"a": 1}.values(), (1,)),
            (iter(["a"]), ("a",)),
        ],
    )
    def test_as_tuple_converts_collections(self, value: Any, expected: Any) -> None:
        """Lists, mapping views and iterators become tuples."""
        assert as_tuple(value) == expected

    @pytest.mark.parametrize(
        "value",
        [
            "Kyiv",
            b"ab",
            bytearray(b"ab"),
            {"a": 1},
            {"a", "b"},
            frozenset({"a"}),
            range(3),
            5,
            None,
            _BrokenIterable(),
        ],
        ids=repr,
    )
    def test_as_tuple_passes_non_lists_through(self, value: Any) -> None:
        """Strings, mappings, sets (no order), ranges and non-iterables are
        left for the check."""
        assert as_tuple(value) is value

    def test_as_tuple_keeps_what_a_broken_sequence_raised(self) -> None:
        """A sequence that fails while iterating is left for the check, with
        the exception, which the check names."""
        value: Any = _BrokenSequence([1])
        unread = as_tuple(value)
        assert isinstance(unread, UnreadValues)
        assert unread.value is value
        assert repr(unread.error) == "RuntimeError('cannot iterate')"
        assert Many(Text()).problems(unread) == [
            (
                "",
                "reading the values raised RuntimeError: cannot iterate; give a "
                "list or a tuple (the exception is the error's __cause__)",
            )
        ]

    def test_text_kinds_normalise(self) -> None:
        """Text kinds NFC-normalise strings and keep None and non-strings."""
        assert Maybe(Text()).convert(None) is None
        assert Many(Text()).convert(["Tu\u0308rkiye"]) == ("Türkiye",)
        kept: object = Many(Text()).convert(cast(Any, "Kyiv"))
        assert kept == "Kyiv"

    def test_choice_converts_values(self) -> None:
        """Enum values become members; anything else is passed through."""
        light = Choice(_Light)
        assert light.convert("red") is _Light.RED
        assert light.convert(_Light.OFF) is _Light.OFF
        assert light.convert("blue") == "blue"
        assert light.convert(3) == 3
        assert light.convert(["unhashable"]) == ["unhashable"]

    def test_many_reports_unhashable_items_without_crashing(self) -> None:
        """Duplicate detection skips items that cannot be hashed."""
        kind = Many(Text(), unique="alias")
        assert kind.problems((["x"], ["x"])) == [
            ("[0]", "must be text (str), got list ['x']"),
            ("[1]", "must be text (str), got list ['x']"),
        ]

    def test_bool_and_int(self) -> None:
        """Booleans must be bools, integers must not be."""
        assert Bool().problems(value=True) == []
        assert Bool().problems(1) == [("", "must be True or False, got 1")]
        assert Int().problems(-5) == []
        yes = True
        assert Int().problems(yes) == [("", "must be an integer, got bool True")]


@attrs.frozen(kw_only=True)
class _Note(Record):
    text: str = field(Text())
    extra: object = attrs.field(default=None)


class TestRecordBase:
    def test_fields_without_a_check_are_not_checked(self) -> None:
        """Only fields with a check are validated; the others take any value."""
        assert _Note(text="x", extra=object()).text == "x"
        assert errors_of(_Note, text=1, extra=object()) == (
            ("text", "must be text (str), got int 1"),
        )


def _kwargs_strategy(cls: type[Any]) -> st.SearchStrategy[dict[str, Any]]:
    valid = VALID[cls]()
    names = sorted(valid)

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        kwargs = VALID[cls]()
        for name in draw(st.sets(st.sampled_from(names), min_size=1, max_size=3)):
            kwargs[name] = draw(junk, label=name)
        return kwargs

    return build()


def _build(cls: type[Any], kwargs: dict[str, Any]) -> object:
    """The record, or the ValidationError (any other exception propagates)."""
    try:
        return cls(**kwargs)
    except ValidationError as exc:
        return exc


class TestOnlyValidationErrorEscapes:
    @pytest.mark.parametrize("cls", list(VALID), ids=lambda c: c.__name__)
    def test_valid_keywords_build(self, cls: type[Any]) -> None:
        """The reference keywords used below are valid."""
        assert isinstance(cls(**VALID[cls]()), cls)

    @pytest.mark.parametrize("cls", list(VALID), ids=lambda c: c.__name__)
    @settings(max_examples=60)
    @given(data=st.data())
    def test_junk_fields(self, cls: type[Any], data: st.DataObject) -> None:
        """Arbitrary values in any fields give a record or a ValidationError."""
        outcome = _build(cls, data.draw(_kwargs_strategy(cls)))
        if isinstance(outcome, ValidationError):
            assert outcome.errors
            assert all(
                isinstance(path, str) and isinstance(message, str) and message
                for path, message in outcome.errors
            )
            assert str(outcome)
        else:
            assert isinstance(outcome, cls)
            hash(outcome)


class TestProblemsReportedTogether:
    def test_every_bad_field_is_reported(self) -> None:
        """Several bad fields of one record come in one ValidationError."""
        assert errors_of(
            Party,
            id="Ukraine",
            name=" ",
            kind="nation",
            country="ua",
            aliases="Kyiv",
        ) == (
            ("id", slug_error("Ukraine")),
            ("name", "must be non-empty text, got ' '"),
            (
                "kind",
                "'nation' is not a valid PartyKind (choose from 'state', "
                "'organization', 'coalition', 'person', 'group', 'other')",
            ),
            (
                "country",
                "must be an ISO 3166-1 alpha-2 code (two upper-case letters such "
                "as 'UA'), got 'ua'",
            ),
            ("aliases", "must be a list of values, got str 'Kyiv'"),
        )

    def test_bad_items_in_several_lists_are_reported(self) -> None:
        """Problems inside lists carry the index, all of them together."""
        assert errors_of(
            Proposal,
            id="p",
            proposed_by="ukraine",
            addressed_to=["russia", "Russia", "russia"],
            made_on=pendulum.naive(2025, 7, 19),
            summary="",
            sources=["a", "a"],
        ) == (
            ("addressed_to[1]", slug_error("Russia")),
            ("addressed_to[2]", "party 'russia' appears twice"),
            (
                "made_on",
                "naive datetime 2025-07-19T00:00:00 has no time zone; give it a "
                "zone (the library never guesses one) or record a date",
            ),
            ("summary", "must be non-empty text, got ''"),
            ("sources[1]", "source 'a' appears twice"),
        )

    def test_cross_field_problems_are_reported_together(self) -> None:
        """Once every field is well-formed, all cross-field problems come at once."""
        assert errors_of(
            Round,
            number=2,
            status="held",
            ends=pendulum.date(2025, 6, 2),
            outcomes=[],
        ) == (
            ("starts", "a round with an end needs a start"),
            ("starts", "a held round needs a start"),
        )


_HUGE = int("9" * 4000)


class TestHostileValuesInMessages:
    """
    Messages quote a value cut to 80 characters (docs/errors.md): a number of
    thousands of digits over or under a bound cannot flood a log.
    """

    @pytest.mark.parametrize(
        ("cls", "data", "path", "start"),
        [
            (Round, {"number": -_HUGE}, "number", "must be at least 1, got -999"),
            (
                Quantity,
                {"amount": -_HUGE, "unit": "t"},
                "amount",
                "must not be negative, got -999",
            ),
            (
                Vote,
                {
                    "id": "v",
                    "body": "Parliament",
                    "on": "2025-01-01",
                    "question": "Ratify?",
                    "result": "passed",
                    "yes": -_HUGE,
                },
                "yes",
                "must be at least 0, got -999",
            ),
            (
                Deadline,
                {
                    "due": "2025-01-01",
                    "anchor": "2025-01-01",
                    "business_days": _HUGE,
                },
                "business_days",
                "must be at most",
            ),
        ],
    )
    def test_a_huge_number_over_a_bound(
        self, cls: type[Any], data: dict[str, Any], path: str, start: str
    ) -> None:
        with pytest.raises(ValidationError) as info:
            from_dict(cls, data)
        [message] = [m for where, m in info.value.errors if where == path]
        assert message.startswith(start)
        assert message.endswith("...")
        assert len(message) < 200

    def test_a_partial_date_out_of_range(self) -> None:
        with pytest.raises(ValidationError) as info:
            PartialDate(-_HUGE, _HUGE)
        assert all(len(message) < 200 for _, message in info.value.errors)

    @pytest.mark.parametrize(
        "text",
        ["2025-07-14\u00a0", "2025-07-14\u2028", "\uff12\uff10\uff12\uff15-07-14"],
    )
    def test_a_moment_with_a_character_beyond_ascii(self, text: str) -> None:
        """A stray no-break space or full-width digits: text that is no moment."""
        data = {"id": "s", "speaker": "A", "said_on": text, "text": "t"}
        with pytest.raises(ValidationError) as info:
            from_dict(Statement, data)
        assert info.value.errors == (
            (
                "said_on",
                f"{text!r} is not a moment (YYYY, YYYY-MM, YYYY-MM-DD or an RFC "
                "3339/RFC 9557 timestamp)",
            ),
        )

    @pytest.mark.parametrize("text", ["P50D\u00a0", "P\uff150D"])
    def test_a_period_with_a_character_beyond_ascii(self, text: str) -> None:
        data = {"due": "2025-09-02", "anchor": "2025-07-14", "period": text}
        with pytest.raises(ValidationError) as info:
            from_dict(Deadline, data)
        assert info.value.errors == (
            (
                "period",
                f"{text!r} is not an ISO 8601 duration of whole non-negative parts "
                "(like P50D, PT48H, P3M or P1Y2M10DT2H30M)",
            ),
        )


# --- the user's own objects that fail when the library asks them something ---


class _FailingZone(dt.tzinfo):
    """A zone of the user's own that raises *error* when asked anything."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        raise self.error

    def dst(self, when: dt.datetime | None) -> dt.timedelta:
        raise self.error

    def tzname(self, when: dt.datetime | None) -> str:
        raise self.error

    def __repr__(self) -> str:
        return "_FailingZone()"


class _FailingList(list[Any]):
    """A list whose reading raises *error*."""

    def __init__(self, items: list[Any], error: BaseException) -> None:
        super().__init__(items)
        self.error = error

    def __iter__(self) -> Iterator[Any]:
        raise self.error

    def __len__(self) -> int:
        raise self.error


class _UnhashableDay(dt.date):
    """A date whose hashing raises (the count looks holidays up in a set)."""

    def __hash__(self) -> int:
        raise LookupError("no hash today")


def _at(zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime(2025, 8, 20, 12, tzinfo=zone)


def _next_status(talks: Negotiation) -> str:
    return "active" if talks.status.value != "active" else "stalled"


_SEED = seed_record()
_PROPOSAL = _SEED.proposals[0]
_ULTIMATUM = _SEED.ultimatums[0]
_ROUND = _SEED.rounds[-1]
_DAY = pendulum.date(2025, 8, 20)
_WEEK = Window.between(pendulum.date(2025, 8, 18), pendulum.date(2025, 8, 24))

#: Entry points given a moment, and the path its problem is reported at.
_MOMENT_CALLS: list[tuple[str, Callable[[Any], object], str]] = [
    ("moment_argument", lambda m: moment_argument(m, "on"), "on"),
    ("format_moment", format_moment, "$"),
    ("is_before", lambda m: is_before(m, _DAY), "first"),
    ("Proposal(made_on=)", lambda m: attrs.evolve(_PROPOSAL, made_on=m), "made_on"),
    (
        "Proposal(status_on=)",
        lambda m: Proposal(
            id="p",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=_DAY,
            summary="Talks",
            status="accepted",
            status_on=m,
        ),
        "status_on",
    ),
    ("Proposal.accept", lambda m: _PROPOSAL.accept(on=m), "on"),
    ("Ultimatum.comply", lambda m: _ULTIMATUM.comply(on=m), "on"),
    ("Round.hold", lambda m: _ROUND.hold(on=m), "on"),
    ("Round.covers", _ROUND.covers, "moment"),
    ("Deadline(due=)", lambda m: Deadline(due=m), "due"),
    ("Deadline.after", lambda m: Deadline.after(m, days=3), "anchor"),
    ("Deadline.before", lambda m: Deadline.before(m, days=3), "anchor"),
    ("Deadline.on_day", lambda m: Deadline.on_day(3, counting_from=m), "counting_from"),
    (
        "Deadline.after_business_days",
        lambda m: Deadline.after_business_days(m, 3),
        "anchor",
    ),
    ("Deadline.is_past", _ULTIMATUM.deadline.is_past, "at"),
    ("Window.next_week", lambda m: Window.next_week(of=m), "of"),
    ("Window.end_of_month", lambda m: Window.end_of_month(of=m), "of"),
    ("Window.contains", _WEEK.contains, "moment"),
    ("Negotiation.as_of", _SEED.as_of, "at"),
    ("Negotiation.timeline", lambda m: _SEED.timeline(at=m), "at"),
    ("Negotiation.upcoming_deadlines", _SEED.upcoming_deadlines, "at"),
    ("Negotiation.positions", lambda m: _SEED.positions("russia", m), "at"),
    (
        "Negotiation.with_status",
        lambda m: _SEED.with_status(_next_status(_SEED), on=m),
        "on",
    ),
    ("Party.members_on", _SEED.parties[0].members_on, "moment"),
]

#: Entry points given a list, and the path its problem is reported at.
_LIST_CALLS: list[tuple[str, Callable[[Any], object], str]] = [
    (
        "Deadline.after_business_days(weekend=)",
        lambda v: Deadline.after_business_days(_DAY, 3, weekend=v),
        "weekend",
    ),
    (
        "Deadline.after_business_days(holidays=)",
        lambda v: Deadline.after_business_days(_DAY, 3, holidays=v),
        "holidays",
    ),
    ("Round.hold(outcomes=)", lambda v: _ROUND.hold(outcomes=v), "outcomes"),
    (
        "Negotiation.with_status(by=)",
        lambda v: _SEED.with_status(_next_status(_SEED), on=_DAY, by=v),
        f"history[{len(_SEED.history)}].by",
    ),
    (
        "Negotiation.with_status(sources=)",
        lambda v: _SEED.with_status(_next_status(_SEED), on=_DAY, sources=v),
        f"history[{len(_SEED.history)}].sources",
    ),
    (
        "Proposal.respond(sources=)",
        lambda v: _PROPOSAL.respond(
            party="russia", on=_DAY, stance="rejects", sources=v
        ),
        f"responses[{len(_PROPOSAL.responses)}].sources",
    ),
    (
        "Ultimatum.revise_deadline(sources=)",
        lambda v: _ULTIMATUM.revise_deadline(
            Deadline.on(pendulum.date(2025, 10, 1)), on=_DAY, sources=v
        ),
        f"revisions[{len(_ULTIMATUM.revisions)}].sources",
    ),
]


class TestTheUsersOwnFailures:
    """A user's object that raises when the library asks it something (a zone
    asked its UTC offset, a list read) is a problem of the argument: a
    ValidationError at its path, the user's exception as its cause."""

    @pytest.mark.parametrize(
        ("call", "path"),
        [c[1:] for c in _MOMENT_CALLS],
        ids=[c[0] for c in _MOMENT_CALLS],
    )
    def test_a_zone_that_raises(self, call: Callable[[Any], object], path: str) -> None:
        error = RuntimeError("zone database closed")
        with pytest.raises(ValidationError) as info:
            call(_at(_FailingZone(error)))
        problems = dict(info.value.errors)
        assert path in problems, info.value.errors
        assert "RuntimeError: zone database closed" in problems[path]
        assert info.value.__cause__ is error

    @pytest.mark.parametrize(
        ("call", "path"), [c[1:] for c in _LIST_CALLS], ids=[c[0] for c in _LIST_CALLS]
    )
    def test_a_list_that_raises(self, call: Callable[[Any], object], path: str) -> None:
        error = ConnectionError("database went away")
        with pytest.raises(ValidationError) as info:
            call(_FailingList([5], error))
        problems = dict(info.value.errors)
        assert path in problems, info.value.errors
        assert "database went away" in problems[path]
        assert info.value.__cause__ is error

    def test_a_holiday_that_cannot_be_looked_up(self) -> None:
        holidays = [pendulum.date(2025, 8, 21), _UnhashableDay(2025, 8, 22)]
        with pytest.raises(ValidationError) as info:
            Deadline.after_business_days(_DAY, 3, holidays=holidays)
        ((path, message),) = info.value.errors
        assert path == "holidays[1]"
        assert "LookupError: no hash today" in message
        assert isinstance(info.value.__cause__, LookupError)

    def test_every_problem_at_once(self) -> None:
        """The failing zone is reported with the other arguments' problems."""
        zone = _FailingZone(RuntimeError("closed"))
        with pytest.raises(ValidationError) as info:
            Deadline.after_business_days(
                _at(zone), -1, weekend=_FailingList([5], OSError("gone"))
            )
        paths = [path for path, _ in info.value.errors]
        assert paths == ["anchor", "business_days", "weekend"]
        assert info.value.__cause__ is zone.error

    @pytest.mark.parametrize(
        "error", [KeyboardInterrupt(), SystemExit(1), MemoryError()]
    )
    def test_an_interrupt_is_not_a_problem(self, error: BaseException) -> None:
        """Only an Exception is reported; an interrupt or an exit goes through."""
        with pytest.raises(type(error)):
            _PROPOSAL.accept(on=_at(_FailingZone(error)))
        with pytest.raises(type(error)):
            Deadline.after(_at(_FailingZone(error)), days=3)
        with pytest.raises(type(error)):
            Deadline.after_business_days(_DAY, 3, weekend=_FailingList([5], error))
        with pytest.raises(type(error)):
            _ROUND.hold(outcomes=_FailingList([], error))


_PARTY = Party(id="russia", name="Russia", kind="state")


class TestWrongSettingsAreNotBadData:
    """docs/errors.md: a wrong program setting is a plain TypeError or
    ValueError, not a ValidationError (nor a NegotiationRecordError), and a
    flag is True or False only."""

    @pytest.mark.parametrize(
        ("call", "error"),
        [
            (lambda: from_dict(Party, {}, strict=cast(Any, "no")), TypeError),
            (lambda: from_dict(Party, {}, strict=cast(Any, None)), TypeError),
            (lambda: from_dict(Party, {}, converter=cast(Any, 5)), TypeError),
            (lambda: make_converter(forbid_extra_keys=cast(Any, "x")), TypeError),
            (lambda: to_json(_PARTY, indent=cast(Any, "x")), TypeError),
            (lambda: to_json(_PARTY, indent=-2), ValueError),
            (lambda: to_dict(_PARTY, converter=cast(Any, "x")), TypeError),
        ],
    )
    def test_a_plain_error(self, call: Callable[[], object], error: type) -> None:
        """Refused as a programming error, catchable apart from bad data."""
        with pytest.raises(error) as info:
            call()
        assert type(info.value) is error
        assert not isinstance(info.value, NegotiationRecordError)

    def test_bad_data_still_lists_every_problem(self) -> None:
        """NaN written is bad data: a ValidationError with each at its path."""
        with pytest.raises(ValidationError) as info:
            to_dict({"a": [float("nan"), 1.0, float("-inf")], "b": float("inf")})
        assert [path for path, _ in info.value.errors] == ["a[0]", "a[2]", "b"]
