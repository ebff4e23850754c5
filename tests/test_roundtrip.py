"""Round trips: every record type survives JSON unchanged, zones and all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Negotiation,
    PartialDate,
    Period,
    Quantity,
    Response,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from negotiation_records import strategies as nrst
from tests.seed import seed_record
from tests.strategies_foundation import RECORD_TYPES
from tests.test_schema import assert_valid


RECORDS = RECORD_TYPES


def zones(value: object, path: str = "$") -> Iterator[tuple[str, str, str]]:
    """Every datetime inside *value*: its path, its instant and its zone's name."""
    if isinstance(value, dt.datetime):
        tz = value.tzinfo
        name = tz.name if isinstance(tz, pendulum.Timezone) else str(value.utcoffset())
        yield path, value.isoformat(), name
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from zones(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield from zones(getattr(value, field.name), f"{path}.{field.name}")


def assert_round_trip(cls: type[Any], record: Any) -> None:
    """*record* survives JSON text and plain data, byte for byte and zone for zone."""
    text = to_json(record)
    loaded = from_json(cls, text)
    assert loaded == record
    assert type(loaded) is type(record)
    assert to_json(loaded) == text
    assert list(zones(loaded)) == list(zones(record))
    assert from_dict(cls, to_dict(record)) == record
    assert from_json(cls, text.encode("utf-8")) == record
    pretty = to_json(record, indent=2)
    assert from_json(cls, pretty) == record


class TestEveryRecordType:
    @pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
    @settings(max_examples=40)
    @given(data=st.data())
    def test_round_trip(self, cls: type[Any], data: st.DataObject) -> None:
        """from_json(cls, to_json(x)) == x, the JSON is stable and schema-valid."""
        record = data.draw(nrst.for_type(cls))
        assert_round_trip(cls, record)
        assert_valid(cls, to_dict(record))

    @pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
    @settings(max_examples=10)
    @given(data=st.data())
    def test_lists_round_trip(self, cls: type[Any], data: st.DataObject) -> None:
        """A list of records round-trips as a JSON array."""
        records = data.draw(st.lists(nrst.for_type(cls), max_size=3))
        assert from_json(list[cls], to_json(records)) == records  # type: ignore[valid-type]

    @settings(max_examples=200)
    @given(nrst.moments())
    def test_moments_keep_their_zone(self, moment: Any) -> None:
        """Every kind of moment round-trips with its zone name or offset."""
        response = Response(party="russia", on=moment, stance="undecided")
        assert_round_trip(Response, response)
        loaded = from_json(Response, to_json(response)).on
        assert type(loaded) is type(moment)
        if isinstance(moment, pendulum.DateTime):
            assert isinstance(loaded, pendulum.DateTime)
            assert loaded.utcoffset() == moment.utcoffset()
            assert loaded.timezone_name == moment.timezone_name

    @settings(max_examples=100)
    @given(nrst.partial_dates())
    def test_partial_dates(self, partial: PartialDate) -> None:
        """Months and years round-trip alone."""
        assert from_json(PartialDate, to_json(partial)) == partial

    @settings(max_examples=100)
    @given(nrst.periods())
    def test_periods(self, period: Period) -> None:
        """Periods round-trip as ISO 8601 text, parts kept (P1M is not P30D)."""
        text = to_json(period)
        assert from_json(Period, text) == period
        assert attrs.asdict(from_json(Period, text)) == attrs.asdict(period)


class TestKnownRecords:
    def test_the_seed_record(self) -> None:
        """The 2025 Russia–Ukraine record round-trips."""
        assert_round_trip(Negotiation, seed_record())
        assert_valid(Negotiation, to_dict(seed_record()))

    @pytest.mark.parametrize(
        "moment",
        [
            pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York"),
            pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York", fold=0),
            pendulum.datetime(2025, 3, 30, 3, 30, tz="Europe/Kyiv"),
            pendulum.datetime(1950, 1, 1, 12, tz="Africa/Monrovia"),
            pendulum.datetime(2025, 7, 14, 16, tz="Etc/UTC"),
            pendulum.datetime(2025, 7, 14, 16, tz=pendulum.FixedTimezone(0)),
            pendulum.datetime(2025, 7, 14, 16, tz=pendulum.FixedTimezone(-34200)),
        ],
        ids=[
            "fold-1",
            "fold-0",
            "after-gap",
            "lmt-seconds",
            "etc-utc",
            "plus-zero",
            "minus-9-30",
        ],
    )
    def test_awkward_datetimes(self, moment: pendulum.DateTime) -> None:
        """Ambiguous, odd-offset and UTC-alias datetimes keep instant and zone."""
        response = Response(party="russia", on=moment, stance="undecided")
        assert_round_trip(Response, response)

    def test_fractional_and_large_amounts(self) -> None:
        """Floats and big integers keep their exact value."""
        for amount in (0.1, 1e-7, 2.5e300, 10**30, 0):
            quantity = Quantity(amount=amount, unit="tonnes")
            loaded = from_json(Quantity, to_json(quantity))
            assert loaded == quantity
            assert type(loaded.amount) is type(amount)
