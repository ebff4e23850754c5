"""The serialized form: its shape, its strictness, its versions and its errors."""

from __future__ import annotations

import collections
import enum
import gc
import io
import json
import math
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pendulum
import pytest

from negotiation_records import (
    SCHEMA_VERSION,
    Condition,
    Deadline,
    Moment,
    Negotiation,
    PartialDate,
    Party,
    PartyKind,
    Period,
    Proposal,
    Quantity,
    Response,
    Round,
    Source,
    Ultimatum,
    ValidationError,
    Window,
    configure_converter,
    converter,
    from_dict,
    from_json,
    make_converter,
    read_jsonl,
    register_migration,
    to_dict,
    to_json,
    unregister_migration,
    write_jsonl,
)
from negotiation_records.migrations import upgrade
from tests.seed import seed_record


VERSION_1 = Path(__file__).parent / "data" / "russia-ukraine-2025.v1.json"


def seed_data() -> dict[str, Any]:
    """The seed record as plain JSON data."""
    data = to_dict(seed_record())
    assert isinstance(data, dict)
    return data


def errors(cls: Any, data: Any, **options: Any) -> tuple[tuple[str, str], ...]:
    """The problems from_dict reports for *data*."""
    with pytest.raises(ValidationError) as info:
        from_dict(cls, data, **options)
    return info.value.errors


def json_errors(cls: Any, text: str | bytes) -> tuple[tuple[str, str], ...]:
    """The problems from_json reports for *text*."""
    with pytest.raises(ValidationError) as info:
        from_json(cls, text)
    return info.value.errors


SOURCE: dict[str, Any] = {"id": "tass", "publisher": "TASS"}


class TestShape:
    def test_keys_follow_field_order_and_every_field_is_written(self) -> None:
        """A record's keys are all its fields, in declaration order."""
        party = Party(id="russia", name="Russia", kind="state")
        assert list(to_dict(party)) == [f.name for f in attrs.fields(Party)]
        assert to_dict(party) == {
            "id": "russia",
            "name": "Russia",
            "kind": "state",
            "role": "principal",
            "country": None,
            "wikidata": None,
            "aliases": [],
            "representatives": [],
            "members": [],
            "sources": [],
        }

    def test_negotiation_starts_with_schema_version(self) -> None:
        """A serialized negotiation's first key is schema_version 2."""
        data = seed_data()
        assert next(iter(data)) == "schema_version"
        assert data["schema_version"] == SCHEMA_VERSION == 2
        assert to_json(seed_record()).startswith('{"schema_version":2,"id":')

    def test_only_plain_json_types_come_out(self) -> None:
        """to_dict gives dicts, lists, strings, numbers, booleans and None only."""

        def walk(value: object) -> Iterator[type]:
            yield type(value)
            if isinstance(value, dict):
                assert all(type(k) is str for k in value)
                for item in value.values():
                    yield from walk(item)
            elif isinstance(value, list):
                for item in value:
                    yield from walk(item)

        assert set(walk(seed_data())) <= {dict, list, str, int, float, bool, type(None)}

    def test_output_is_deterministic(self) -> None:
        """Two equal records give byte-identical JSON."""
        assert to_json(seed_record()) == to_json(seed_record())
        assert to_json(seed_record(), indent=2) == to_json(seed_record(), indent=2)

    def test_compact_and_indented_forms(self) -> None:
        """Compact JSON has no spaces; indent pretty-prints the same data."""
        compact = to_json(Source(**SOURCE))
        assert compact == (
            '{"id":"tass","publisher":"TASS","title":null,"url":null,'
            '"published":null,"accessed":null}'
        )
        pretty = to_json(Source(**SOURCE), indent=2)
        assert pretty.startswith('{\n  "id": "tass",\n')
        assert json.loads(pretty) == json.loads(compact)

    def test_non_ascii_text_is_written_as_is(self) -> None:
        """Türkiye and Україна stay readable, not \\u-escaped."""
        text = to_json(Party(id="ukraine", name="Україна", kind="state"))
        assert '"name":"Україна"' in text

    def test_enums_are_written_by_value(self) -> None:
        """An enum member is written as its value."""
        party = Party(id="us", name="United States", kind="state", role="third-party")
        assert to_dict(party)["role"] == "third-party"

    def test_lists_of_records(self) -> None:
        """A list or tuple of records is a JSON array; from_json reads list[...]."""
        sources = [Source(id="a", publisher="A"), Source(id="b", publisher="B")]
        assert to_dict(tuple(sources)) == to_dict(sources)
        assert from_json(list[Source], to_json(sources)) == sources
        assert from_dict(list[Source], []) == []

    def test_the_library_converter_is_its_own(self) -> None:
        """The library registers nothing on cattrs' global converter."""
        assert converter is not cattrs.global_converter
        assert cattrs.structure("5", int) == 5  # the global converter still coerces
        assert errors(Quantity, {"amount": "5", "unit": "x"}) == (
            ("amount", "must be a number, got string '5'"),
        )

    def test_make_converter_builds_an_independent_converter(self) -> None:
        """Hooks registered on a new converter leave the library's alone; the
        records' own fields keep the library's format (their kinds say it)."""
        mine = make_converter()
        mine.register_unstructure_hook(Period, lambda p: p.describe())
        rule = Deadline.after(pendulum.date(2025, 7, 14), days=50)
        assert mine.unstructure(Period(days=50)) == "50 days"
        assert converter.unstructure(Period(days=50)) == "P50D"
        assert to_dict(rule, converter=mine)["period"] == "P50D"
        assert to_dict(rule)["period"] == "P50D"

    def test_your_own_attrs_class_holding_records(self) -> None:
        """An attrs class of yours that holds records is written and read strictly."""
        mine = make_converter()
        briefing = _Briefing(
            analyst="Desk", parties=(Party(id="russia", name="Russia", kind="state"),)
        )
        data = to_dict(briefing, converter=mine)
        assert data == {
            "analyst": "Desk",
            "parties": [to_dict(briefing.parties[0])],
        }
        assert from_dict(_Briefing, data, converter=mine) == briefing
        assert errors(_Briefing, data | {"analyst": 1}, converter=mine) == (
            ("analyst", "must be a string, got number 1"),
        )


@attrs.frozen
class _Briefing:
    """A user's class holding records (see "Extending the converter")."""

    analyst: str
    parties: tuple[Party, ...]


class TestMoments:
    @pytest.mark.parametrize(
        ("moment", "text"),
        [
            (pendulum.date(2025, 7, 14), "2025-07-14"),
            (PartialDate(2025, 6), "2025-06"),
            (PartialDate(2025), "2025"),
            (
                pendulum.datetime(2025, 7, 14, 12, tz="America/New_York"),
                "2025-07-14T12:00:00-04:00[America/New_York]",
            ),
            (pendulum.datetime(2025, 7, 14, 16, tz="UTC"), "2025-07-14T16:00:00Z"),
            (
                pendulum.datetime(2025, 7, 14, 15, tz=pendulum.FixedTimezone(10800)),
                "2025-07-14T15:00:00+03:00",
            ),
            (
                pendulum.datetime(2025, 7, 14, 15, 0, 0, 250, tz="Europe/Kyiv"),
                "2025-07-14T15:00:00.000250+03:00[Europe/Kyiv]",
            ),
        ],
    )
    def test_moment_forms_round_trip(self, moment: Any, text: str) -> None:
        """Each kind of moment has one text form, and reads back with its zone."""
        response = Response(party="russia", on=moment, stance="rejects")
        data = to_dict(response)
        assert data["on"] == text
        loaded = from_dict(Response, data)
        assert loaded == response
        if isinstance(moment, pendulum.DateTime):
            assert isinstance(loaded.on, pendulum.DateTime)
            assert loaded.on.timezone_name == moment.timezone_name

    def test_a_class_of_your_own_never_writes_a_naive_datetime(self) -> None:
        """A class of your own is not checked when built: its moments are checked
        when written, so that what is written reads back."""

        @attrs.frozen
        class Meeting:
            starts: pendulum.DateTime
            noted: Moment

        naive = pendulum.naive(2025, 7, 14, 12)
        for meeting in (
            Meeting(starts=naive, noted=pendulum.date(2025, 7, 14)),
            Meeting(starts=pendulum.datetime(2025, 7, 14, tz="UTC"), noted=naive),
        ):
            with pytest.raises(ValidationError, match="naive datetime"):
                to_dict(meeting)
        kyiv = pendulum.datetime(2025, 7, 14, 12, tz="Europe/Kyiv")
        assert to_dict(Meeting(starts=kyiv, noted=PartialDate(2025, 7))) == {
            "starts": "2025-07-14T12:00:00+03:00[Europe/Kyiv]",
            "noted": "2025-07",
        }

    def test_plain_rfc_3339_is_read(self) -> None:
        """An RFC 3339 timestamp with Z or an offset is read."""
        response = from_dict(
            Response,
            {"party": "russia", "on": "2025-07-14T16:00:00+00:00", "stance": "accepts"},
        )
        assert response.on == pendulum.datetime(2025, 7, 14, 16, tz="UTC")

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "2025-07-14T12:00:00",
                "'2025-07-14T12:00:00' has no UTC offset; write one (Z, +03:00), followed by a "
                "zone if you like (-04:00[America/New_York]), or give a date",
            ),
            (
                "2025-02-30",
                "impossible date '2025-02-30': day is out of range for month",
            ),
            (
                "2025-07-14T12:00:00+03:00[Mars/Olympus]",
                "unknown time zone 'Mars/Olympus'",
            ),
            (
                "2025-07-14T12:00:00-05:00[America/New_York]",
                "offset -05:00 does not match America/New_York at that instant "
                "(-04:00) in '2025-07-14T12:00:00-05:00[America/New_York]'; write "
                "'2025-07-14T13:00:00-04:00[America/New_York]' for that instant, or "
                "for that wall clock: '2025-07-14T12:00:00-04:00[America/New_York]'",
            ),
            (
                "next week",
                "'next week' is not a moment (YYYY, YYYY-MM, YYYY-MM-DD or an RFC "
                "3339/RFC 9557 timestamp)",
            ),
            (  # digits of another script: text, but no moment
                "٢٠٢٥",
                "'٢٠٢٥' is not a moment (YYYY, YYYY-MM, YYYY-MM-DD or an RFC "
                "3339/RFC 9557 timestamp)",
            ),
            (
                20250714,
                "must be a moment as text (YYYY, YYYY-MM, YYYY-MM-DD or an RFC "
                "3339/RFC 9557 timestamp such as "
                "'2025-07-14T12:00:00-04:00[America/New_York]'), got number 20250714",
            ),
        ],
    )
    def test_bad_moments_are_refused_with_the_field_path(
        self, text: object, message: str
    ) -> None:
        """Naive, impossible, unknown-zone and mismatched moments are refused."""
        data = {"party": "russia", "on": text, "stance": "rejects"}
        assert errors(Response, data) == (("on", message),)

    def test_a_window_wants_plain_dates(self) -> None:
        """A field typed as a date refuses a month or a timestamp."""
        assert errors(Window, {"start": "2025-07", "end": "2025-07-27T00:00:00Z"}) == (
            ("start", "must be a date as text (YYYY-MM-DD), got string '2025-07'"),
            (
                "end",
                "must be a date as text (YYYY-MM-DD), got string "
                "'2025-07-27T00:00:00Z'",
            ),
        )
        assert errors(Window, {"start": "2025-13-01", "end": "2025-07-27"}) == (
            ("start", "impossible date '2025-13-01': month must be in 1..12"),
        )

    def test_pendulum_types_have_their_own_hooks(self) -> None:
        """Date, DateTime, PartialDate, Period and Duration load and dump alone."""
        assert from_dict(pendulum.Date, "2025-07-14") == pendulum.date(2025, 7, 14)
        moment = from_dict(pendulum.DateTime, "2025-07-14T12:00:00+03:00[Europe/Kyiv]")
        assert moment.timezone_name == "Europe/Kyiv"
        assert from_dict(PartialDate, "2025-06") == PartialDate(2025, 6)
        assert from_dict(Period, "P1Y2M10DT2H30M") == Period(
            years=1, months=2, days=10, hours=2, minutes=30
        )
        assert to_dict(pendulum.duration(months=1, days=3)) == "P1M3D"
        assert from_dict(pendulum.Duration, "P1M").months == 1
        assert errors(pendulum.DateTime, "2025-07-14") == (
            (
                "$",
                "must be a timestamp with a zone or an offset, got string '2025-07-14'",
            ),
        )
        assert errors(PartialDate, "2025-07-14") == (
            (
                "$",
                "must be a month (YYYY-MM) or a year (YYYY), got string '2025-07-14'",
            ),
        )
        assert errors(Period, 50) == (
            ("$", "must be an ISO 8601 duration as text (P50D, PT48H), got number 50"),
        )


class TestDeadlines:
    def test_a_deadline_holds_its_rule_and_its_due_moment(self) -> None:
        """A relative deadline is written with anchor, period and the resolved due."""
        deadline = Deadline.after(pendulum.date(2025, 7, 14), days=50)
        assert to_dict(deadline) == {
            "due": "2025-09-02",
            "tz": None,
            "anchor": "2025-07-14",
            "period": "P50D",
            "business_days": None,
            "holidays": [],
            "weekend": [5, 6],
            "counts_back": False,
            "day": None,
        }

    def test_business_day_deadlines_keep_their_holidays(self) -> None:
        """A business-day deadline round-trips with the holidays it skipped."""
        deadline = Deadline.after_business_days(
            pendulum.datetime(2025, 12, 19, 9, tz="Europe/Kyiv"),
            5,
            holidays={pendulum.date(2025, 12, 25)},
        )
        data = to_dict(deadline)
        assert data["due"] == "2025-12-29T09:00:00+02:00[Europe/Kyiv]"
        assert data["holidays"] == ["2025-12-25"]
        assert from_dict(Deadline, data) == deadline

    def test_a_due_moment_that_disagrees_with_the_rule_is_refused(self) -> None:
        """On load the rule and the due moment must agree; the path names the field."""
        data = seed_data()
        data["ultimatums"][0]["deadline"]["due"] = "2025-09-03"
        assert errors(Negotiation, data) == (
            (
                "ultimatums[0].deadline.due",
                "2025-09-03 does not follow from the rule (2025-07-14 + P50D = "
                "2025-09-02)",
            ),
        )

    def test_a_rule_without_an_anchor_is_refused(self) -> None:
        """A period with no anchor is refused with the deadline's own message."""
        assert errors(Deadline, {"due": "2025-09-02", "period": "P50D"}) == (
            ("anchor", "a relative deadline needs an anchor"),
        )
        assert errors(Deadline, {"due": "2025-09-02", "tz": "Mars/Base"}) == (
            ("tz", "unknown time zone 'Mars/Base'"),
        )


class TestStrictTypes:
    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            (
                {"amount": "5", "unit": "x"},
                ("amount", "must be a number, got string '5'"),
            ),
            ({"amount": True, "unit": "x"}, ("amount", "must be a number, got true")),
            ({"amount": 5, "unit": 1}, ("unit", "must be a string, got number 1")),
            ({"amount": 5, "unit": None}, ("unit", "must be a string, got null")),
            (
                {"amount": 5, "unit": ["x"]},
                ("unit", "must be a string, got an array of 1 item"),
            ),
            (
                {"amount": 5, "unit": "x", "each": "false"},
                ("each", "must be true or false, got string 'false'"),
            ),
            (
                {"amount": 5, "unit": "x", "each": 0},
                ("each", "must be true or false, got number 0"),
            ),
            (
                {"amount": float("inf"), "unit": "x"},
                ("amount", "must be a finite number, got number inf"),
            ),
        ],
    )
    def test_primitives_are_not_coerced(
        self, data: dict[str, Any], expected: tuple[str, str]
    ) -> None:
        """Strings, numbers and booleans are taken only as themselves."""
        assert errors(Quantity, data) == (expected,)

    def test_integers_refuse_booleans_floats_and_text(self) -> None:
        """An integer field takes a JSON integer only."""
        assert errors(Round, {"number": True}) == (
            ("number", "must be an integer, got true"),
        )
        assert errors(Round, {"number": 1.0}) == (
            ("number", "must be an integer, got number 1.0"),
        )
        assert errors(Round, {"number": "1"}) == (
            ("number", "must be an integer, got string '1'"),
        )

    def test_a_string_is_not_a_list(self) -> None:
        """'Kyiv' is not a list of aliases, an object is not a list, a tuple is not JSON."""
        base = {"id": "ukraine", "name": "Ukraine", "kind": "state"}
        assert errors(Party, base | {"aliases": "Kyiv"}) == (
            ("aliases", "must be an array, got string 'Kyiv'"),
        )
        assert errors(Party, base | {"aliases": {"Kyiv": 1}}) == (
            ("aliases", "must be an array, got an object with 1 key"),
        )
        assert errors(Party, base | {"aliases": ("Kyiv",)}) == (
            ("aliases", "must be an array, got tuple ('Kyiv',)"),
        )
        assert errors(Party, base | {"aliases": ["Kyiv", 7]}) == (
            ("aliases[1]", "must be a string, got number 7"),
        )

    def test_a_record_must_be_an_object(self) -> None:
        """A record given as anything but a JSON object is refused, naming the class."""
        assert errors(Party, ["ukraine"]) == (
            ("$", "must be an object (Party), got an array of 1 item"),
        )
        assert errors(Negotiation, "talks") == (
            ("$", "must be an object (Negotiation), got string 'talks'"),
        )
        assert errors(list[Party], {"id": "x"}) == (
            ("$", "must be an array, got an object with 1 key"),
        )

    def test_unknown_enum_values_list_the_choices(self) -> None:
        """An unknown enum value is refused with every valid value."""
        assert errors(Party, {"id": "x", "name": "X", "kind": "stat"}) == (
            (
                "kind",
                "'stat' is not a valid PartyKind (choose from 'state', "
                "'organization', 'coalition', 'person', 'group', 'other')",
            ),
        )
        assert errors(Party, {"id": "x", "name": "X", "kind": 1}) == (
            (
                "kind",
                "must be a string naming a PartyKind (one of 'state', "
                "'organization', 'coalition', 'person', 'group', 'other'), got number 1",
            ),
        )

    def test_lone_surrogates_are_not_text(self) -> None:
        """A string with an unpaired surrogate escape is refused."""
        assert json_errors(Source, '{"id": "a", "publisher": "\\ud800x"}') == (
            (
                "publisher",
                "must be valid Unicode text (no lone surrogates), got '\\ud800x'",
            ),
        )
        pair = from_json(Source, '{"id": "a", "publisher": "\\ud83d\\ude00"}')
        assert pair.publisher == "\N{GRINNING FACE}"

    def test_a_demand_is_text_or_a_condition(self) -> None:
        """Ultimatum.demand takes a string or a Condition object, nothing else."""
        data = seed_data()["ultimatums"][0]
        text_demand = from_dict(Ultimatum, data | {"demand": "Ceasefire"})
        assert text_demand.demand == "Ceasefire"
        assert isinstance(from_dict(Ultimatum, data).demand, Condition)
        assert errors(Ultimatum, data | {"demand": 5}) == (
            ("demand", "must be text or a Condition object, got number 5"),
        )
        assert errors(Ultimatum, data | {"demand": {"id": "c"}}) == (
            ("demand.text", "required field missing"),
        )


class TestOtherTypes:
    def test_floats(self) -> None:
        """A float field takes finite JSON numbers; integers become floats."""
        assert from_dict(float, 2) == 2.0
        assert type(from_dict(float, 2)) is float
        assert from_dict(float, 2.5) == 2.5
        assert errors(float, "2.5") == (("$", "must be a number, got string '2.5'"),)
        assert errors(float, float("nan")) == (
            ("$", "must be a finite number, got number nan"),
        )

    def test_named_tuples_are_written_as_arrays(self) -> None:
        """
        The deadline queries' entries (named tuples), in a list or alone, are
        written as any tuple is: an array of their items, each written.
        """
        talks = seed_record()
        due = talks.upcoming_deadlines(at=pendulum.date(2025, 8, 1), within="P90D")
        assert due
        expected = [
            [to_dict(entry.ultimatum), to_dict(entry.deadline)] for entry in due
        ]
        assert to_dict(due) == expected
        assert to_dict(list(due)) == expected
        assert json.loads(to_json(due)) == expected
        assert json.loads(to_json(due[0])) == expected[0]
        Pair = collections.namedtuple("Pair", ["moment", "number"])
        with pytest.raises(ValidationError) as caught:
            to_dict([Pair(pendulum.date(2025, 8, 1), math.nan)])
        assert [path for path, _ in caught.value.errors] == ["[0][1]"]
        assert to_dict([Pair(pendulum.date(2025, 8, 1), 1)]) == [["2025-08-01", 1]]

    def test_subclasses_of_json_values_are_named_as_such(self) -> None:
        """A str, int or list subclass is refused with a message that says why."""

        class Name(str):
            pass

        class Count(int):
            pass

        class Names(list[str]):
            pass

        assert errors(Party, {"id": "a", "name": Name("A"), "kind": "state"}) == (
            (
                "name",
                "must be a string, got Name 'A', a subclass of str (loading takes "
                "plain JSON data, not subclasses)",
            ),
        )
        assert errors(Quantity, {"amount": Count(5), "unit": "x"}) == (
            (
                "amount",
                "must be a number, got Count 5, a subclass of int (loading takes "
                "plain JSON data, not subclasses)",
            ),
        )
        assert errors(
            Party, {"id": "a", "name": "A", "kind": "state", "aliases": Names(["x"])}
        ) == (
            (
                "aliases",
                "must be an array, got Names ['x'], a subclass of list (loading takes "
                "plain JSON data, not subclasses)",
            ),
        )

    def test_a_choice_takes_the_value_not_something_equal_to_it(self) -> None:
        """A str subclass equal to a member's value (another enum's member) is
        refused for an enum field as for any other string field."""

        class Name(str):
            pass

        class OtherKind(enum.StrEnum):
            STATE = "state"

        for value in (Name("state"), OtherKind.STATE):
            ((path, message),) = errors(Party, {"id": "a", "name": "A", "kind": value})
            assert path == "kind"
            assert message.startswith("must be a string naming a PartyKind")
            assert "a subclass of str (loading takes plain JSON data" in message
        assert from_dict(Party, {"id": "a", "name": "A", "kind": "state"}).kind is (
            PartyKind.STATE
        )

    def test_a_mapping_that_is_a_dict_is_an_object(self) -> None:
        """A dict subclass (an OrderedDict) is accepted as an object."""
        assert from_dict(Source, collections.OrderedDict(SOURCE)) == Source(**SOURCE)


class TestMissingAndUnknownKeys:
    def test_missing_required_fields_are_named(self) -> None:
        """Every missing required field is reported at its path."""
        assert errors(Party, {"id": "x"}) == (
            ("name", "required field missing"),
            ("kind", "required field missing"),
        )

    def test_fields_with_defaults_may_be_left_out(self) -> None:
        """A document may leave out fields that have a default."""
        assert from_dict(Source, SOURCE) == Source(id="tass", publisher="TASS")

    def test_unknown_keys_are_refused_with_their_path(self) -> None:
        """An unknown key is refused, naming the key and the object it is in."""
        data = seed_data()
        data["parties"][2]["nmae"] = "USA"
        data["titel"] = "typo"
        assert errors(Negotiation, data) == (
            ("parties[2]", "unknown key 'nmae'"),
            ("$", "unknown key 'titel'"),
        )

    def test_strict_false_ignores_unknown_keys(self) -> None:
        """strict=False ignores unknown keys, everywhere in the document."""
        data = seed_data()
        data["parties"][2]["added_in_v2"] = {"anything": [1, 2]}
        data["extra"] = True
        assert from_dict(Negotiation, data, strict=False) == seed_record()
        assert from_json(Negotiation, json.dumps(data), strict=False) == seed_record()

    def test_strict_false_is_strict_about_everything_else(self) -> None:
        """strict=False still refuses wrong types."""
        assert errors(Source, {"id": "a", "publisher": 5, "x": 1}, strict=False) == (
            ("publisher", "must be a string, got number 5"),
        )

    def test_strict_false_with_an_own_converter(self) -> None:
        """strict=False works with a converter from make_converter()."""
        mine = make_converter()
        assert from_dict(
            Source, SOURCE | {"x": 1}, strict=False, converter=mine
        ) == Source(**SOURCE)
        with pytest.raises(ValidationError):
            from_dict(Source, SOURCE | {"x": 1}, converter=mine)

    def test_strict_false_sees_hooks_registered_after_a_lenient_call(
        self,
    ) -> None:
        """A hook registered on one's converter after a strict=False call
        serves the strict=False calls that follow, as it serves strict ones."""
        mine = make_converter()
        loose = from_dict(Source, SOURCE | {"x": 1}, strict=False, converter=mine)
        assert loose == Source(**SOURCE)

        def spelt_out(data: Any, cls: type[Source]) -> Source:
            return Source(id=data["id"], publisher="Russian News Agency TASS")

        mine.register_structure_hook(Source, spelt_out)
        spelt = Source(id="tass", publisher="Russian News Agency TASS")
        assert from_dict(Source, SOURCE, converter=mine) == spelt
        assert (
            from_dict(Source, SOURCE | {"x": 1}, strict=False, converter=mine) == spelt
        )
        assert from_json(
            list[Source], json.dumps([SOURCE | {"x": 1}]), strict=False, converter=mine
        ) == [spelt]

    def test_duplicate_keys_are_refused_where_they_are(self) -> None:
        """A key that appears twice in a JSON object is refused at that object's path."""
        text = '[{"id": "a", "publisher": "A", "publisher": "B", "id": "c"}]'
        assert json_errors(list[Source], text) == (
            ("[0]", "duplicate key 'publisher' in one JSON object"),
            ("[0]", "duplicate key 'id' in one JSON object"),
        )

    def test_an_object_with_a_repeated_key_has_its_other_problems_listed(
        self,
    ) -> None:
        """The object's other problems are reported beside its repeated key."""
        text = '{"id": "a", "id": "a", "publisher": 1, "titel": "x"}'
        assert json_errors(Source, text) == (
            ("$", "duplicate key 'id' in one JSON object"),
            ("publisher", "must be a string, got number 1"),
            ("$", "unknown key 'titel'"),
        )

    @pytest.mark.parametrize(
        ("cls", "text", "repeated"),
        [
            (
                Proposal,
                '{"id": "p", "proposed_by": ["russia"], "proposed_by": ["ukraine"], '
                '"addressed_to": ["ukraine"], "made_on": "2025-07-19", '
                '"summary": "Talks"}',
                "proposed_by",
            ),
            (
                Round,
                '{"number": 1, "starts": "2025-05-16", "starts": "2025-06-02", '
                '"ends": "2025-05-17"}',
                "starts",
            ),
        ],
        ids=["proposal", "round"],
    )
    def test_a_repeated_key_is_not_read_across_fields(
        self, cls: type[Any], text: str, repeated: str
    ) -> None:
        """
        The rules across a record's fields wait for a repeated key, as for any
        field that is wrong: read with the last of its values, a proposal would
        be addressed to its proposer and a round would end before it starts,
        problems of a value no one can tell was meant.
        """
        assert json_errors(cls, text) == (
            ("$", f"duplicate key {repeated!r} in one JSON object"),
        )
        nested = (
            '{"schema_version": 2, "id": "t", "title": "T", "rounds": [' + text + "]}"
        )
        if cls is Round:
            assert json_errors(Negotiation, nested) == (
                ("rounds[0]", "duplicate key 'starts' in one JSON object"),
            )

    def test_an_object_with_a_repeated_key_where_text_belongs(self) -> None:
        """Where a string belongs, such an object is described as JSON: its size
        and the repeated key."""
        text = '{"id": "a", "publisher": {"k": 1, "k": 2, "j": 3}}'
        assert json_errors(Source, text) == (
            (
                "publisher",
                "must be a string, got an object with 2 keys ('k' repeated)",
            ),
        )


class TestErrorContract:
    def test_every_problem_is_listed_with_its_path(self) -> None:
        """Problems anywhere in a document are all reported together."""
        data = seed_data()
        data["parties"][1]["kind"] = "stat"
        data["parties"][0]["name"] = 5
        data["rounds"][0]["starts"] = "2025-07-14T12:00:00"
        data["proposals"][0]["addressed_to"] = "russia"
        del data["title"]
        assert errors(Negotiation, data) == (
            ("title", "required field missing"),
            ("parties[0].name", "must be a string, got number 5"),
            (
                "parties[1].kind",
                "'stat' is not a valid PartyKind (choose from 'state', "
                "'organization', 'coalition', 'person', 'group', 'other')",
            ),
            (
                "rounds[0].starts",
                "'2025-07-14T12:00:00' has no UTC offset; write one (Z, +03:00), followed by a "
                "zone if you like (-04:00[America/New_York]), or give a date",
            ),
            ("proposals[0].addressed_to", "must be an array, got string 'russia'"),
        )

    def test_record_validation_errors_get_the_path_prefix(self) -> None:
        """A record's own checks report at the right depth."""
        data = seed_data()
        data["parties"][0]["country"] = "ua"
        data["parties"][1]["representatives"][2]["name"] = "  "
        assert errors(Negotiation, data) == (
            (
                "parties[0].country",
                "must be an ISO 3166-1 alpha-2 code (two upper-case letters such "
                "as 'UA'), got 'ua'",
            ),
            ("parties[1].representatives[2].name", "must be non-empty text, got '  '"),
        )

    def test_dangling_references_are_refused(self) -> None:
        """Whole-record validation runs on load, with paths."""
        data = seed_data()
        data["proposals"][1]["addressed_to"] = ["rusia"]
        data["statements"][0]["source"] = "nowhere"
        assert errors(Negotiation, data) == (
            ("proposals[1].addressed_to[0]", "unknown party 'rusia'"),
            ("statements[0].source", "unknown source 'nowhere'"),
        )

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ('{"id": "a"', "invalid JSON: Expecting ',' delimiter at column 11"),
            ("", "invalid JSON: no value (the text is empty or only white space)"),
            ("\n\n", "invalid JSON: no value (the text is empty or only white space)"),
            ('{"id":\n', "invalid JSON: Expecting value at line 2 column 1"),
            (  # the standard library's own words, which Python 3.13 changed
                '{\n  "id": "a",\n}',
                "invalid JSON: Expecting property name enclosed in double quotes at line 3 "
                "column 1"
                if sys.version_info < (3, 13)
                else "invalid JSON: Illegal trailing comma before end of object at "
                "line 2 column 12",
            ),
            ('{"id": "a"} x', "invalid JSON: Extra data at column 13"),
            (
                '{"id": "a\x01"}',
                "invalid JSON: Invalid control character at column 10",
            ),
            ('{"id": "a', "invalid JSON: Unterminated string starting at column 8"),
            ("[" * 100_000, "invalid JSON: nested too deeply"),
            (
                "1" * 5000,
                "invalid JSON: a number has too many digits (more than 4300) at column 1",
            ),
            ('{"amount": NaN}', "invalid JSON: NaN is not a JSON number at column 12"),
            (
                '{"amount": -Infinity}',
                "invalid JSON: -Infinity is not a JSON number at column 12",
            ),
            (
                '{\n  "unit": "NaN, Infinity, \\"-Infinity",\n  "amount":\n    Infinity\n}',
                "invalid JSON: Infinity is not a JSON number at line 4 column 5",
            ),
            (  # beyond a double: refused where it is, not read as an infinity
                '{"amount": 1e400, "unit": "1e400"}',
                "invalid JSON: the number 1e400 is beyond the range of a double at "
                "column 12",
            ),
            (  # too close to zero: refused where it is, not read as 0
                '{"amount": 1e-400, "unit": "people"}',
                "invalid JSON: the number 1e-400 is too close to zero for a double "
                "(it would read as 0) at column 12",
            ),
            (
                '{"amount": -2.5E-999, "unit": "people"}',
                "invalid JSON: the number -2.5E-999 is too close to zero for a "
                "double (it would read as 0) at column 12",
            ),
            (
                '{\n  "unit": "people",\n  "amount": 2.5,\n  "each": -1.5E+999\n}',
                "invalid JSON: the number -1.5E+999 is beyond the range of a double "
                "at line 4 column 11",
            ),
            (
                f'[\n  1, 2.5, 0.{"9" * 5000}, "{"9" * 5000}",\n  -{"9" * 5000}\n]',
                "invalid JSON: a number has too many digits (more than 4300) at line 3 "
                "column 3",
            ),
            (
                "\ufeff{}",
                "invalid JSON: the text starts with a byte order mark (U+FEFF)",
            ),
        ],
    )
    def test_bad_json_text(self, text: str, message: str) -> None:
        """Text that is not JSON is refused at $."""
        assert json_errors(Quantity, text) == (("$", message),)

    @pytest.mark.parametrize(
        ("encoding", "note"),
        [
            (
                "utf-16",
                "(the text is UTF-16: it starts with that encoding's byte order mark",
            ),
            (
                "utf-32",
                "(the text is UTF-32: it starts with that encoding's byte order mark",
            ),
            (
                "utf-16-le",
                "(the text holds NUL characters between its first ones: UTF-16",
            ),
            (
                "utf-16-be",
                "(the text holds NUL characters between its first ones: UTF-16",
            ),
        ],
    )
    def test_wide_encodings_are_named(self, encoding: str, note: str) -> None:
        """UTF-16 and UTF-32 bytes (as Windows tools may save) are told so."""
        data = '{"unit": "people", "amount": 5}'.encode(encoding)
        ((path, message),) = json_errors(Quantity, data)
        assert path == "$"
        assert note in message
        assert message.endswith("save it as UTF-8)")
        assert from_json(Quantity, data.decode(encoding).encode()).amount == 5

    @pytest.mark.parametrize(
        ("literal", "amount"),
        [
            ("0e-400", 0.0),
            ("-0.000E+5", 0.0),
            ("5e-324", 5e-324),  # the smallest double there is
            ("2.5e-10", 2.5e-10),
        ],
    )
    def test_a_zero_or_a_tiny_double_is_read(self, literal: str, amount: float) -> None:
        """Zero in any spelling, and the smallest doubles, are numbers as written."""
        text = f'{{"amount": {literal}, "unit": "people"}}'
        assert from_json(Quantity, text).amount == amount

    def test_bytes_must_be_utf_8(self) -> None:
        """Bytes are read as UTF-8; anything else is refused, naming the byte."""
        assert from_json(
            Source, '{"id":"a","publisher":"Україна"}'.encode()
        ).publisher == ("Україна")
        assert json_errors(Source, b'{"id": "a", "publisher": "\xff"}') == (
            ("$", "not UTF-8 text: invalid start byte at byte offset 26 (b'\\xff\"}')"),
        )
        assert json_errors(Source, '{"id": "a"}'.encode("utf-16")) == (
            (
                "$",
                "not UTF-8 text: invalid start byte at byte offset 0 (b'\\xff\\xfe{\\x00') "
                "(the text is UTF-16: it starts with that encoding's byte order mark; "
                "save it as UTF-8)",
            ),
        )

    def test_json_text_must_be_text(self) -> None:
        """from_json takes str or bytes only."""
        with pytest.raises(ValidationError) as info:
            from_json(Source, 5)  # type: ignore[arg-type]
        assert info.value.errors == (
            ("$", "must be JSON text (str or bytes), got int"),
        )

    def test_a_file_or_its_name_is_told_to_give_what_it_holds(
        self, tmp_path: Path
    ) -> None:
        """An open file, or a file's name, given for the text: read it first."""
        path = tmp_path / "source.json"
        path.write_text('{"id": "a", "publisher": "Reuters"}', encoding="utf-8")
        with (
            path.open(encoding="utf-8") as file,
            pytest.raises(ValidationError) as info,
        ):
            from_json(Source, file)  # type: ignore[arg-type]
        assert info.value.errors == (
            (
                "$",
                "must be JSON text (str or bytes), got TextIOWrapper: give what it "
                "holds, file.read()",
            ),
        )
        with pytest.raises(ValidationError) as info:
            from_json(Source, str(path))
        assert info.value.errors == (
            (
                "$",
                "invalid JSON: Expecting value at column 1 (the text is a file's "
                "name, not JSON: give what the file holds, such as "
                "pathlib.Path(name).read_bytes())",
            ),
        )
        assert from_json(Source, path.read_bytes()).publisher == "Reuters"
        with pytest.raises(ValidationError) as info:
            from_json(Source, "source")  # not a file's name: no such advice
        assert info.value.errors == (
            ("$", "invalid JSON: Expecting value at column 1"),
        )

    def test_a_record_of_another_class_read_as_a_negotiation_is_told_its_class(
        self,
    ) -> None:
        """The keys of exactly one other record class name it; others, none."""
        party = '{"id": "ukraine", "name": "Ukraine", "kind": "state"}'
        with pytest.raises(ValidationError) as info:
            from_json(Negotiation, party)
        ((path, message),) = info.value.errors
        assert path == "schema_version"
        assert message.endswith(
            "(this library writes 2); its keys are a Party's: read it as one "
            "(from_json(Party, ...))"
        )
        assert from_json(Party, party).name == "Ukraine"
        for unsure in ('{"id": "x"}', '{"id": "t", "title": "T"}', "{}"):
            with pytest.raises(ValidationError) as info:
                from_json(Negotiation, unsure)
            assert info.value.errors[0][1].endswith("(this library writes 2)")

    def test_deeply_nested_data_fails_cleanly(self) -> None:
        """Absurd nesting in a field is a type error, not a RecursionError."""
        nested: list[Any] = []
        for _ in range(100_000):
            nested = [nested]
        assert errors(Source, {"id": "a", "publisher": nested}) == (
            ("publisher", "must be a string, got an array of 1 item"),
        )

    def test_huge_numbers_in_data(self) -> None:
        """A huge integer where text belongs is described without printing it."""
        assert errors(Source, {"id": "a", "publisher": 10**5000}) == (
            (
                "publisher",
                "must be a string, got number <int of more than 4300 digits>",
            ),
        )

    def test_unsupported_classes_are_a_programming_error(self) -> None:
        """Asking to load a type the converter does not know is a TypeError."""

        class Unknown:
            pass

        with pytest.raises(TypeError, match="cannot load"):
            from_dict(Unknown, {})

    def test_unexpected_exceptions_are_still_reported(self) -> None:
        """Exceptions from a user's hooks become problems with paths."""
        mine = make_converter()

        def explode(value: Any, _: Any) -> Any:
            if value == "deep":
                raise RecursionError("too deep")
            if value == "key":
                raise KeyError(value)
            raise RuntimeError("boom")

        mine.register_structure_hook(PartialDate, explode)
        mine.register_structure_hook(Period, explode)
        data = {"amount": 1, "unit": "x"}
        assert from_dict(Quantity, data, converter=mine) == Quantity(amount=1, unit="x")
        assert errors(PartialDate, "deep", converter=mine) == (
            ("$", "nested too deeply"),
        )
        assert errors(list[PartialDate], ["key", "x"], converter=mine) == (
            ("[0]", "invalid value (KeyError: 'key')"),
            ("[1]", "invalid value (RuntimeError: boom)"),
        )

    def test_a_missing_field_is_named(self) -> None:
        """A missing field is reported by name, not as a raw KeyError."""
        with pytest.raises(ValidationError) as info:
            from_dict(Source, {"id": "a"})
        assert info.value.errors == (("publisher", "required field missing"),)


class TestVersions:
    def test_a_missing_version_is_refused(self) -> None:
        """A document without schema_version is refused."""
        data = seed_data()
        del data["schema_version"]
        assert errors(Negotiation, data) == (
            (
                "schema_version",
                "is missing; a serialized Negotiation must say which version of the "
                "format it uses (this library writes 2)",
            ),
        )

    def test_a_newer_version_is_refused(self) -> None:
        """A document from a newer library is refused with advice."""
        assert errors(Negotiation, seed_data() | {"schema_version": 3}) == (
            (
                "schema_version",
                "3 is newer than this library understands (it reads versions up to "
                "2); upgrade negotiation-records",
            ),
        )

    def test_a_huge_version_is_refused_briefly(self) -> None:
        """A version of thousands of digits is quoted cut short, or named when
        Python cannot write it (more than 4300 digits)."""
        ((path, message),) = errors(
            Negotiation, seed_data() | {"schema_version": int("9" * 4000)}
        )
        assert path == "schema_version"
        assert message.startswith("9999")
        assert len(message) < 200
        assert errors(Negotiation, seed_data() | {"schema_version": 10**5000}) == (
            (
                "schema_version",
                "<int of more than 4300 digits> is newer than this library "
                "understands (it reads versions up to 2); upgrade negotiation-records",
            ),
        )
        assert errors(Negotiation, seed_data() | {"schema_version": -(10**5000)}) == (
            (
                "schema_version",
                "<int of more than 4300 digits> is not a format version: none is "
                "below 0 (this library writes 2)",
            ),
        )

    @pytest.mark.parametrize(
        ("version", "shown"),
        [("1", "string '1'"), (1.0, "number 1.0"), (True, "true"), (None, "null")],
    )
    def test_the_version_is_an_integer(self, version: object, shown: str) -> None:
        """schema_version must be a JSON integer; the value is told in JSON's words."""
        assert errors(Negotiation, seed_data() | {"schema_version": version}) == (
            ("schema_version", f"must be an integer, got {shown}"),
        )

    def test_an_older_version_without_a_migration_is_refused(self) -> None:
        """Version 0 without a registered step cannot be read."""
        assert errors(Negotiation, seed_data() | {"schema_version": 0}) == (
            (
                "schema_version",
                "0 is older than 2 and no migration from version 0 is registered",
            ),
        )

    def test_a_registered_migration_upgrades_old_documents(self) -> None:
        """A step from version 0 is applied before loading, inside lists too."""

        def from_v0(document: dict[str, Any]) -> dict[str, Any]:
            document["title"] = document.pop("name")
            return document

        version_1 = json.loads(VERSION_1.read_text(encoding="utf-8"))
        expected = from_dict(Negotiation, version_1)
        old = {**version_1, "schema_version": 0}
        old["name"] = old.pop("title")
        register_migration(0, from_v0)
        try:
            assert from_dict(Negotiation, old) == expected
            assert from_json(list[Negotiation], json.dumps([old])) == [expected]
            assert old["schema_version"] == 0  # the caller's data is not changed
        finally:
            unregister_migration(0)
        with pytest.raises(ValidationError):
            from_dict(Negotiation, old)

    def test_a_failing_migration_is_a_validation_error(self) -> None:
        """An exception inside a step is reported at schema_version."""

        def broken(document: dict[str, Any]) -> dict[str, Any]:
            return {"title": document["name"]}

        register_migration(0, broken)
        try:
            assert errors(Negotiation, {"schema_version": 0}) == (
                ("schema_version", "migration from version 0 failed: KeyError: 'name'"),
            )
        finally:
            unregister_migration(0)

    def test_a_migration_must_return_a_dict(self) -> None:
        """A step that returns something else is reported."""
        register_migration(0, lambda document: [document])  # type: ignore[arg-type,return-value]
        try:
            with pytest.raises(ValidationError) as info:
                upgrade({"schema_version": 0})
        finally:
            unregister_migration(0)
        assert info.value.errors == (
            ("schema_version", "migration from version 0 returned list, not a dict"),
        )

    @pytest.mark.parametrize("version", [-1, 2, 3, True, "0"])
    def test_migrations_are_registered_from_older_versions_only(
        self, version: Any
    ) -> None:
        """register_migration takes a version below the current one."""
        with pytest.raises(
            ValueError, match="from_version must be an integer from 0 to 1"
        ):
            register_migration(version, lambda document: document)

    def test_a_migration_must_be_callable(self) -> None:
        """register_migration refuses a non-callable."""
        with pytest.raises(TypeError, match="function must be callable"):
            register_migration(0, "upgrade")  # type: ignore[arg-type]

    @pytest.mark.parametrize("version", [1, 1.0, True])
    def test_the_librarys_own_step_can_be_neither_replaced_nor_removed(
        self, version: Any
    ) -> None:
        """Every version-1 document is read through it (version 1 refused both)."""
        own = "the step from version 1 is the library's own"
        with pytest.raises(ValueError, match=own):
            unregister_migration(version)
        if version.__class__ is int:
            with pytest.raises(ValueError, match=own):
                register_migration(version, lambda document: document)
        old = json.loads(VERSION_1.read_text("utf-8"))
        assert from_dict(Negotiation, old).id == old["id"]


@pytest.fixture
def collector_on() -> Iterator[None]:
    """The cyclic garbage collector on during the test, and as it was after it."""
    was_on = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        (gc.enable if was_on else gc.disable)()


def _noting_the_collector(seen: list[bool]) -> cattrs.Converter:
    """The library's converter, with a Source writer that notes whether gc is on."""
    conv = make_converter()
    plain = conv.get_unstructure_hook(Source)

    def write(source: Source) -> Any:
        seen.append(gc.isenabled())
        return plain(source)

    conv.register_unstructure_hook(Source, write)
    return conv


def _noting_the_reader(seen: list[bool]) -> cattrs.Converter:
    """The library's converter, with a Source reader that notes whether gc is on."""
    conv = make_converter()
    plain = conv.get_structure_hook(Source)

    def read(data: Any, cls: Any) -> Source:
        seen.append(gc.isenabled())
        loaded: Source = plain(data, cls)
        return loaded

    conv.register_structure_hook(Source, read)
    return conv


class TestTheCollectorWhileWriting:
    """to_json pauses the cyclic garbage collector while it writes, and from_json
    while it reads a big document; only then."""

    @pytest.mark.usefixtures("collector_on")
    @pytest.mark.parametrize("indent", [None, 2])
    def test_paused_while_writing_and_on_again_after(self, indent: int | None) -> None:
        seen: list[bool] = []
        record = seed_record()
        text = to_json(record, indent=indent, converter=_noting_the_collector(seen))
        assert record.sources
        assert seen == [False] * len(record.sources)
        assert gc.isenabled()
        assert from_json(Negotiation, text) == record

    @pytest.mark.usefixtures("collector_on")
    def test_on_again_when_writing_fails(self) -> None:
        seed = seed_record()
        statement = attrs.evolve(seed.statements[0])  # this test's own copy
        record = attrs.evolve(seed, statements=(statement, *seed.statements[1:]))
        object.__setattr__(statement, "said_on", "yesterday")  # past every check
        with pytest.raises(ValidationError):
            to_json(record)
        assert gc.isenabled()

    @pytest.mark.usefixtures("collector_on")
    def test_left_off_when_the_program_turned_it_off(self) -> None:
        seen: list[bool] = []
        gc.disable()
        to_json(seed_record(), converter=_noting_the_collector(seen))
        to_json(seed_record())
        assert not gc.isenabled()
        assert seen
        assert not any(seen)

    @pytest.mark.usefixtures("collector_on")
    def test_paused_while_a_big_document_is_read(self) -> None:
        """from_json of 1 MiB or more reads with the collector paused, and
        turns it back on; a small document is read without a pause."""
        seen: list[bool] = []
        conv = _noting_the_reader(seen)
        big = [Source(id=f"s-{n}", publisher="Wire " * 200) for n in range(1000)]
        text = to_json(big)
        assert len(text) >= 1 << 20
        assert from_json(list[Source], text, converter=conv) == big
        assert seen == [False] * len(big)
        assert gc.isenabled()
        seen.clear()
        assert from_json(list[Source], to_json(big[:2]), converter=conv) == big[:2]
        assert seen == [True, True]

    @pytest.mark.usefixtures("collector_on")
    def test_on_again_when_reading_fails_and_off_if_it_was(self) -> None:
        big = to_json(
            [Source(id=f"s-{n}", publisher="Wire " * 20) for n in range(1000)]
        )
        with pytest.raises(ValidationError):
            from_json(list[Party], big)
        assert gc.isenabled()
        gc.disable()
        from_json(list[Source], big)
        assert not gc.isenabled()

    @pytest.mark.usefixtures("collector_on")
    def test_not_while_json_lines_records_are_made(self) -> None:
        """write_jsonl never pauses it while the records are made."""
        made: list[bool] = []

        def records() -> Iterator[Source]:
            for number in range(3):
                made.append(gc.isenabled())
                yield Source(id=f"s-{number}", publisher="Wire")

        out = io.StringIO()
        assert write_jsonl(records(), out) == 3
        assert made == [True, True, True]
        assert gc.isenabled()


class TestArgumentsRefused:
    """A class to load that is no class, and what to_dict cannot write, are
    refused with what to pass, not a cattrs error or the data unchecked."""

    PARTY = Party(id="russia", name="Russia", kind="state")

    def test_data_that_holds_itself(self) -> None:
        """A list or dict that holds itself is a ValueError at the path where
        it comes back, from to_dict and to_json, not a RecursionError."""
        loop: list[Any] = [1]
        loop.append(loop)
        talks: dict[str, Any] = {"rounds": [{"number": 1}]}
        talks["rounds"][0]["again"] = talks
        nested: list[Any] = [[loop]]
        for write in (to_dict, to_json):
            # The list's second item is the list itself.
            with pytest.raises(ValueError, match=r"^obj\[1\] holds itself"):
                write(loop)
            # obj[0][0] is the loop; its second item is the loop again.
            with pytest.raises(ValueError, match=r"^obj\[0\]\[0\]\[1\] holds"):
                write(nested)
            with pytest.raises(ValueError, match=r"^obj\.rounds\[0\]\.again holds"):
                write(talks)
        shared = [1.5]
        assert to_json([shared, {"again": shared}]) == '[[1.5],{"again":[1.5]}]'

    def test_data_nested_too_deeply(self) -> None:
        """Deeper than Python's stack: a ValueError; NaN deep down is still found."""
        deep: list[Any] = []
        for _ in range(100_000):
            deep = [deep]
        for write in (to_dict, to_json):
            with pytest.raises(ValueError, match="nested too deeply"):
                write(deep)
        bad: list[Any] = [math.nan]
        for _ in range(5_000):
            bad = [bad]
        with pytest.raises(ValidationError) as caught:
            to_json(bad)
        assert caught.value.errors == (
            (
                "[0]" * 5_000 + "[0]",
                "must be a finite number, got nan: NaN and Infinity are not JSON",
            ),
        )

    def test_configure_converter_takes_a_converter(self) -> None:
        """Anything but a cattrs converter is a TypeError naming what was given."""
        for wrong, shown in [(5, "int 5"), (None, "None"), ("x", "str 'x'")]:
            with pytest.raises(
                TypeError, match=rf"conv must be a cattrs converter .*, got {shown}$"
            ):
                configure_converter(wrong)  # type: ignore[arg-type]

    @pytest.mark.parametrize("cls", [PARTY, None, Any, 5, "Party"])
    def test_a_class_argument_that_is_no_class(self, cls: Any) -> None:
        """A record instead of its class, None and typing.Any are a TypeError."""
        for load in (
            lambda: from_dict(cls, {"id": "x"}),
            lambda: from_json(cls, '{"id": "x"}'),
            lambda: list(read_jsonl(cls, io.StringIO('{"id": "x"}\n'))),
        ):
            with pytest.raises(TypeError, match=r"needs a record class .* as cls"):
                load()

    def test_a_record_instead_of_its_class_names_the_class(self) -> None:
        """The message says which class to pass."""
        with pytest.raises(
            TypeError, match="got a Party record: pass its class, Party"
        ):
            from_json(self.PARTY, "{}")  # type: ignore[arg-type]

    def test_classes_and_aliases_still_load(self) -> None:
        """Lists, tuples, unions, enums and plain types are classes to load."""
        text = to_json([self.PARTY])
        assert from_json(list[Party], text) == [self.PARTY]
        assert from_json(tuple[Party, ...], text) == (self.PARTY,)
        assert from_dict(Party | None, None) is None  # type: ignore[arg-type]
        assert from_dict(PartyKind, "state") is PartyKind.STATE
        assert from_dict(int, 3) == 3

    @pytest.mark.parametrize(
        ("obj", "message"),
        [
            (
                {PARTY},
                "obj must be a list or a tuple, got a set of 1 item: a set has no order",
            ),
            (frozenset(), "got a frozenset of 0 items"),
            ([PARTY, {PARTY}], r"obj\[1\] must be a list or a tuple"),
            (object(), "must be a record .*got object"),
            ((p for p in [PARTY]), r"got generator .*give list\(\.\.\.\) of it"),
            ({1: PARTY}, "must have text keys"),
            ({"a": b"x"}, r"obj\.a must be a record"),
        ],
    )
    def test_what_to_dict_cannot_write(self, obj: Any, message: str) -> None:
        """A set, a generator, an unknown object: a TypeError naming where it is."""
        with pytest.raises(TypeError, match=message):
            to_dict(obj)
        with pytest.raises(TypeError, match=message.replace("to_dict", "to_json")):
            to_json(obj)

    def test_plain_data_and_values_are_still_written(self) -> None:
        """Values the converter writes and plain JSON data come out as before."""
        assert to_dict(PartialDate(2025, 6)) == "2025-06"
        assert to_dict(PartyKind.STATE) == "state"
        assert to_dict({"a": [1, "x", None, True]}) == {"a": [1, "x", None, True]}
        assert to_json([[self.PARTY]]) == "[" + to_json([self.PARTY]) + "]"

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
    @pytest.mark.parametrize("fast", [True, False], ids=["orjson", "json"])
    def test_nan_and_infinity_refused_alike(
        self, monkeypatch: pytest.MonkeyPatch, value: float, fast: bool
    ) -> None:
        """With or without indent, with or without orjson: a ValidationError at its path."""
        from negotiation_records import _fastjson

        monkeypatch.setattr(_fastjson, "AVAILABLE", value=fast)

        @attrs.frozen
        class Reading:
            value: float

        for obj, path in (
            (value, "$"),
            ([1.0, value], "[1]"),
            (Reading(value), "value"),
        ):
            for indent in (None, 2):
                with pytest.raises(ValidationError) as caught:
                    to_json(obj, indent=indent)
                assert caught.value.errors == (
                    (
                        path,
                        f"must be a finite number, got {value!r}: NaN and Infinity are not JSON",
                    ),
                )
        with pytest.raises(ValidationError, match="must be a finite number"):
            to_dict([value])


class TestSettingsRefused:
    """A wrong setting (strict=, indent=, converter=, forbid_extra_keys=) is a
    plain TypeError or ValueError naming it, never read as something else nor
    a raw AttributeError."""

    PARTY = Party(id="russia", name="Russia", kind="state")
    UNKNOWN_KEY = '{"id": "russia", "name": "Russia", "kind": "state", "flag": "x"}'
    CONVERTER = "converter must be a cattrs.Converter"

    @pytest.mark.parametrize("conv", [5, "x", cattrs.BaseConverter(), converter.copy])
    def test_a_converter_that_is_none(self, conv: Any) -> None:
        """Every function names converter=, before it reads or writes anything."""
        calls: dict[str, Callable[[], object]] = {
            "to_dict": lambda: to_dict(self.PARTY, converter=conv),
            "to_json": lambda: to_json(self.PARTY, converter=conv),
            "from_dict": lambda: from_dict(Party, {}, converter=conv),
            "from_json": lambda: from_json(Party, "{}", converter=conv),
            "read_jsonl": lambda: list(read_jsonl(Party, [], converter=conv)),
            "write_jsonl": lambda: write_jsonl(
                [self.PARTY], io.StringIO(), converter=conv
            ),
        }
        for name, call in calls.items():
            with pytest.raises(TypeError, match=rf"^{name}\(\) {self.CONVERTER}"):
                call()

    @pytest.mark.parametrize(
        "conv",
        [cattrs.Converter(), cattrs.Converter(forbid_extra_keys=True), "global"],
    )
    def test_a_converter_without_the_library_hooks(self, conv: Any) -> None:
        """
        A cattrs converter no one set up with the library's hooks would read
        the records with cattrs' own, which coerce (``1`` read as ``"1"``) and
        drop unknown keys: refused by every function, as any other setting.
        """
        conv = cattrs.global_converter if conv == "global" else conv
        text = '{"id": "russia", "name": 1, "kind": "state", "flag": "x"}'
        calls: dict[str, Callable[[], object]] = {
            "to_dict": lambda: to_dict(self.PARTY, converter=conv),
            "to_json": lambda: to_json(self.PARTY, converter=conv),
            "from_dict": lambda: from_dict(Party, json.loads(text), converter=conv),
            "from_json": lambda: from_json(Party, text, converter=conv),
            "read_jsonl": lambda: list(read_jsonl(Party, [text], converter=conv)),
            "write_jsonl": lambda: write_jsonl(
                [self.PARTY], io.StringIO(), converter=conv
            ),
        }
        for name, call in calls.items():
            with pytest.raises(
                TypeError,
                match=rf"^{name}\(\) converter must have the library's hooks",
            ):
                call()
        configure_converter(set_up := cattrs.Converter(forbid_extra_keys=True))
        with pytest.raises(ValidationError) as caught:
            from_json(Party, text, converter=set_up)
        assert list(caught.value.errors) == [
            ("name", "must be a string, got number 1"),
            ("$", "unknown key 'flag'"),
        ]

    @pytest.mark.parametrize("strict", [None, 0, 1, "no", "yes", "", [True]])
    def test_strict_is_true_or_false(self, strict: Any) -> None:
        """strict=None is not lenient, strict="no" not strict: both refused."""
        calls: dict[str, Callable[[], object]] = {
            "from_json": lambda: from_json(Party, self.UNKNOWN_KEY, strict=strict),
            "from_dict": lambda: from_dict(
                Party, json.loads(self.UNKNOWN_KEY), strict=strict
            ),
            "read_jsonl": lambda: list(
                read_jsonl(Party, [self.UNKNOWN_KEY], strict=strict)
            ),
        }
        for name, call in calls.items():
            with pytest.raises(
                TypeError, match=rf"^{name}\(\) strict must be True or False"
            ):
                call()

    def test_strict_true_and_false_still_work(self) -> None:
        """The two values a flag takes are read as before."""
        assert from_json(Party, self.UNKNOWN_KEY, strict=False).id == "russia"
        with pytest.raises(ValidationError, match="unknown key 'flag'"):
            from_json(Party, self.UNKNOWN_KEY, strict=True)

    @pytest.mark.parametrize("flag", [None, 0, "x"])
    def test_forbid_extra_keys_is_true_or_false(self, flag: Any) -> None:
        """make_converter(forbid_extra_keys=...) takes True or False only."""
        with pytest.raises(
            TypeError,
            match=r"^make_converter\(\) forbid_extra_keys must be True or False",
        ):
            make_converter(forbid_extra_keys=flag)
        assert not make_converter(forbid_extra_keys=False).forbid_extra_keys

    @pytest.mark.parametrize("indent", ["x", "  ", "\t", 1.5, 2.0, True, b"2", [2]])
    def test_indent_of_a_wrong_kind(self, indent: Any) -> None:
        """Text (whitespace too), a float or a bool is a TypeError: no text
        that is not JSON, no raw error of json."""
        with pytest.raises(
            TypeError, match=r"^to_json\(\) indent must be None or a number"
        ):
            to_json(self.PARTY, indent=indent)

    @pytest.mark.parametrize("indent", [-1, 1001, 10**30])
    def test_indent_out_of_range(self, indent: int) -> None:
        """A negative indent, or one of more than 1,000 spaces, is a ValueError."""
        with pytest.raises(
            ValueError, match=r"^to_json\(\) indent must be 0 to 1,000 .*, got -?\d+$"
        ):
            to_json(self.PARTY, indent=indent)
        assert to_json(self.PARTY, indent=1000).startswith("{\n" + " " * 1000 + '"id"')

    @pytest.mark.parametrize("indent", [0, 1, 4])
    @pytest.mark.parametrize("fast", [True, False], ids=["orjson", "json"])
    def test_indent_of_a_number_of_spaces(
        self, monkeypatch: pytest.MonkeyPatch, indent: int, fast: bool
    ) -> None:
        """0 or more spaces give json.dumps' text, with orjson or without."""
        from negotiation_records import _fastjson

        monkeypatch.setattr(_fastjson, "AVAILABLE", value=fast)
        text = to_json(self.PARTY, indent=indent)
        assert text == json.dumps(
            to_dict(self.PARTY), ensure_ascii=False, indent=indent
        )
        assert from_json(Party, text) == self.PARTY

    def test_an_integer_of_another_type_is_a_number_of_spaces(self) -> None:
        """Any integer operator.index reads (a NumPy integer) counts, as in
        json.dumps; a bool does not."""

        class Two:
            def __index__(self) -> int:
                return 2

        assert to_json(self.PARTY, indent=Two()) == to_json(self.PARTY, indent=2)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="got bool True"):
            to_json(self.PARTY, indent=True)

    def test_every_wrong_setting_named_at_once(self) -> None:
        """The TypeErrors of one call come together, before schema_version (a
        ValidationError) and the text are checked."""
        with pytest.raises(TypeError) as caught:
            from_json(Negotiation, "{", strict="yes", schema_version="2", converter=5)  # type: ignore[arg-type]
        message = str(caught.value)
        assert message.startswith(
            "from_json() strict must be True or False, got str 'yes'; "
        )
        assert self.CONVERTER in message
        with pytest.raises(TypeError, match=r"indent must be .*; converter must be"):
            to_json(self.PARTY, indent="x", converter=5)  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as found:
            from_json(Negotiation, "{", schema_version="2")  # type: ignore[arg-type]
        assert [path for path, _ in found.value.errors] == ["schema_version"]

    @pytest.mark.parametrize("fast", [True, False], ids=["orjson", "json"])
    def test_every_non_finite_number_at_its_path(
        self, monkeypatch: pytest.MonkeyPatch, fast: bool
    ) -> None:
        """Each NaN and infinity is reported, not only the first."""
        from negotiation_records import _fastjson

        monkeypatch.setattr(_fastjson, "AVAILABLE", value=fast)
        nan, inf = float("nan"), float("inf")

        def paths(call: Any) -> list[str]:
            with pytest.raises(ValidationError) as caught:
                call()
            return [path for path, _ in caught.value.errors]

        for indent in (None, 2):
            assert paths(lambda i=indent: to_json({"a": nan, "b": inf}, indent=i)) == [
                "a",
                "b",
            ]
            assert paths(lambda i=indent: to_json([{"a": [nan]}, -inf], indent=i)) == [
                "[0].a[0]",
                "[1]",
            ]
        assert paths(lambda: to_dict([nan, inf])) == ["[0]", "[1]"]

        @attrs.frozen
        class Readings:
            low: float
            high: float

        conv = make_converter()  # the converter writes floats as they are
        assert paths(lambda: to_json(Readings(nan, inf), converter=conv)) == [
            "low",
            "high",
        ]

    def test_a_type_error_comes_before_nan(self) -> None:
        """A programming error (a set) is raised whatever NaN comes before it."""
        with pytest.raises(TypeError, match=r"obj\[1\]"):
            to_json([float("nan"), {1, 2}])
