"""Records as Arrow tables and Parquet datasets, read back by DuckDB, pandas and Dask."""

from __future__ import annotations

import collections
import copy
import datetime as dt
import doctest
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import duckdb
import pendulum
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings

import negotiation_records.tables as tables_module
from negotiation_records import (
    Action,
    Agreement,
    Condition,
    Deadline,
    DeadlineRevision,
    Milestone,
    Negotiation,
    PartialDate,
    Party,
    Position,
    Proposal,
    Quantity,
    Response,
    Round,
    Source,
    Stance,
    Statement,
    StatusChange,
    TimelineEvent,
    Ultimatum,
    ValidationError,
    Vote,
    fields,
    parse_moment,
)
from negotiation_records._values import short_repr
from negotiation_records.fields import is_init_only
from negotiation_records.strategies import negotiations
from negotiation_records.tables import (
    TABLE_NAMES,
    TABLES_EXTRA_HINT,
    ColumnValueError,
    schemas,
    to_tables,
    write_parquet,
)
from negotiation_records.timeutil import EPOCH, moment_span, since_epoch, zone_name
from tests.corpus import corpus
from tests.seed import seed_record


ROOT = Path(__file__).resolve().parent.parent
UTC = dt.UTC
BRUSSELS = "Europe/Brussels"


def treaty_clock() -> Negotiation:
    """
    Deadlines at midnight in Brussels around the change to summer time
    (02:00 on Sunday 30 March 2025): a date read in Brussels, and a datetime.
    """
    return Negotiation(
        id="treaty-clock",
        title="Treaty clock",
        parties=[
            Party(id="eu", name="European Union", kind="organization"),
            Party(id="uk", name="United Kingdom", kind="state"),
        ],
        milestones=[
            Milestone(  # winter time: midnight ending 29 March is 23:00 UTC
                id="winter",
                title="Ends with 29 March",
                set_by=["eu"],
                deadline=Deadline.on(pendulum.date(2025, 3, 29), tz=BRUSSELS),
            ),
            Milestone(  # summer time: midnight ending 31 March is 22:00 UTC
                id="summer",
                title="Ends with 31 March",
                set_by=["eu"],
                deadline=Deadline.on(pendulum.date(2025, 3, 31), tz=BRUSSELS),
            ),
        ],
        ultimatums=[
            Ultimatum(
                id="midnight",
                issued_by="eu",
                addressed_to=["uk"],
                issued_at=pendulum.date(2025, 3, 1),
                demand="Ratify the treaty",
                deadline=Deadline.on(
                    pendulum.datetime(2025, 4, 1, tz=BRUSSELS)  # 00:00 on 1 April
                ),
            )
        ],
        statements=[
            Statement(
                id="new-york",
                speaker="Зеленський",
                said_on=parse_moment("2025-07-14T12:00:00-04:00[America/New_York]"),
                text="We are ready.",
            ),
            Statement(
                id="fixed",
                speaker="Türkiye's envoy",
                said_on=parse_moment("2025-07-14T15:00:00+03:00"),
                text="Talks in Istanbul.",
            ),
            Statement(
                id="june",
                speaker="Kremlin",
                said_on=PartialDate(2025, 6),
                text="Talks stalled.",
            ),
            Statement(
                id="year",
                speaker="Kremlin",
                said_on=PartialDate(2025),
                text="A year of talks.",
            ),
        ],
    )


CLASSES: dict[str, type[Any]] = {
    "negotiations": Negotiation,
    "parties": Party,
    "rounds": Round,
    "proposals": Proposal,
    "conditions": Condition,
    "positions": Position,
    "responses": Response,
    "ultimatums": Ultimatum,
    "agreements": Agreement,
    "milestones": Milestone,
    "votes": Vote,
    "actions": Action,
    "statements": Statement,
    "sources": Source,
    "status_changes": StatusChange,
    "deadline_revisions": DeadlineRevision,
    "events": TimelineEvent,
}


def rows(table: pa.Table, key: str = "id") -> dict[Any, dict[str, Any]]:
    """The rows of *table* by the value of column *key*."""
    return {row[key]: row for row in table.to_pylist()}


# --- the schema ------------------------------------------------------------------------


class TestSchema:
    def test_every_table_is_given_with_its_schema(self) -> None:
        """No negotiation at all still gives every table, empty, with its schema."""
        tables = to_tables([])
        assert tuple(tables) == TABLE_NAMES
        assert len(TABLE_NAMES) == 17
        for name, table in tables.items():
            assert table.num_rows == 0
            assert table.schema == schemas()[name]
            assert table.schema.names[0] == "negotiation_id"

    @settings(max_examples=40)
    @given(negotiations())
    def test_the_schema_does_not_depend_on_the_data(self, talks: Negotiation) -> None:
        """Whatever the record, each table has the schema made from the classes."""
        for name, table in to_tables([talks]).items():
            assert table.schema == schemas()[name], name

    def test_column_types(self) -> None:
        """Moments take four columns, enums are dictionaries, lists are lists."""
        rounds = schemas()["rounds"]
        dictionary = pa.dictionary(pa.int32(), pa.string())
        assert rounds.field("starts_utc").type == pa.timestamp("us", tz="UTC")
        assert rounds.field("starts_zone").type == pa.string()
        assert rounds.field("starts_precision").type == dictionary
        assert rounds.field("starts").type == pa.string()
        assert rounds.field("number").type == pa.int64()
        assert rounds.field("status").type == dictionary
        assert rounds.field("level").type == dictionary
        assert rounds.field("hosts").type == pa.list_(pa.field("element", pa.string()))
        assert rounds.field("window_start").type == pa.date32()
        outcome = rounds.field("outcomes").type.value_type
        assert outcome.field("kind").type == dictionary
        quantity = outcome.field("quantities").type.value_type
        assert quantity.field("amount").type == pa.float64()
        assert quantity.field("each").type == pa.bool_()
        ultimatums = schemas()["ultimatums"]
        assert ultimatums.field("deadline_rule").type == pa.string()
        assert ultimatums.field("demand").type == pa.string()
        events = schemas()["events"]
        assert events.names[:3] == ["negotiation_id", "seq", "moment_utc"]

    @pytest.mark.parametrize("name", sorted(CLASSES))
    def test_every_field_has_columns_or_a_table(self, name: str) -> None:
        """Nothing of a record is left out: each field gives columns or child rows."""
        names = schemas()[name].names
        children = {"terms", "provisions", "demand", "positions", "responses"}
        children |= {"revisions", "history"}
        children |= set(TABLE_NAMES)  # a negotiation's parties, rounds ...
        for attribute in attrs.fields(CLASSES[name]):
            if is_init_only(attribute):
                continue
            field = attribute.name
            given = [c for c in names if c == field or c.startswith(f"{field}_")]
            assert given or field in children or name == "negotiations", field

    def test_keys(self) -> None:
        """Tables of records that may belong to another record name their parent."""
        parented = {"conditions", "positions", "responses", "status_changes"}
        parented |= {"deadline_revisions"}
        for name, schema in schemas().items():
            has_parent = "parent_path" in schema.names
            assert has_parent == (name in parented), name
            if name not in ("negotiations", "events"):
                assert schema.names[:2] == ["negotiation_id", "path"]


# --- rows and values ---------------------------------------------------------------------


def _count(talks: Negotiation) -> dict[str, int]:
    """How many rows each table should get for *talks*, counted on the records."""
    conditions = list(talks.all_conditions())
    tracked: list[Any] = [talks, *talks.rounds, *talks.proposals, *talks.ultimatums]
    tracked += [*talks.agreements, *talks.milestones]
    revised: list[Any] = [*talks.ultimatums, *talks.agreements, *talks.milestones]
    return {
        "negotiations": 1,
        "parties": len(talks.parties),
        "rounds": len(talks.rounds),
        "proposals": len(talks.proposals),
        "conditions": len(conditions),
        "positions": sum(len(c.positions) for c in conditions),
        "responses": sum(len(p.responses) for p in talks.proposals)
        + sum(len(u.responses) for u in talks.ultimatums),
        "ultimatums": len(talks.ultimatums),
        "agreements": len(talks.agreements),
        "milestones": len(talks.milestones),
        "votes": len(talks.votes),
        "actions": len(talks.actions),
        "statements": len(talks.statements),
        "sources": len(talks.sources),
        "status_changes": sum(len(r.history) for r in tracked),
        "deadline_revisions": sum(len(r.revisions) for r in revised),
        "events": len(talks.timeline()),
    }


#: The calendar's first and last instants in UTC, since 1970: the tables cut
#: every timestamp to them.
_FIRST = dt.datetime(1, 1, 1, tzinfo=UTC) - EPOCH
_LAST = dt.datetime.max.replace(tzinfo=UTC) - EPOCH


def _check_moments(table: pa.Table) -> None:
    """Each moment's four columns agree with its text; each deadline with its rule."""
    names = table.schema.names
    for column in names:
        if f"{column}_utc" not in names:
            continue
        for row in table.select(
            [f"{column}_utc", f"{column}_zone", f"{column}_precision", column]
        ).to_pylist():
            utc, zone, precision, text = row.values()
            if text is None:
                assert (utc, zone, precision) == (None, None, None)
                continue
            moment = parse_moment(text)
            if f"{column}_rule" in names:  # a deadline: the instant it passes
                tz = zone if precision == "day" else None
                if column == "in_force" and precision == "day":
                    # an entry into force: the start of its day, when the day
                    # before passes
                    assert isinstance(moment, pendulum.Date)
                    moment = moment.subtract(days=1)
                # as instants: == says False for a wall time that happens twice
                passes = since_epoch(Deadline.on(moment, tz=tz).cutoff)
                assert utc - EPOCH == min(max(passes, _FIRST), _LAST)
                continue
            assert utc == moment_span(moment)[0]
            if isinstance(moment, dt.datetime):
                assert (zone, precision) == (zone_name(moment), "instant")
            else:
                assert zone is None
                assert precision in ("day", "month", "year")


class TestRows:
    @settings(max_examples=40)
    @given(negotiations())
    def test_one_row_per_record(self, talks: Negotiation) -> None:
        """Each record is one row of its table, and each timeline event one event."""
        counts = {name: table.num_rows for name, table in to_tables([talks]).items()}
        assert counts == _count(talks)

    @settings(max_examples=40)
    @given(negotiations())
    def test_moments_keep_their_text_zone_and_instant(self, talks: Negotiation) -> None:
        """The text of every moment reads back as the moment its other columns show."""
        for table in to_tables([talks]).values():
            _check_moments(table)

    def test_an_entry_into_force_is_the_start_of_its_day(self) -> None:
        """
        An agreement enters into force *on* its day: ``in_force_utc`` is the
        start of that day in its zone (a treaty in force on 22 January 2021,
        read in New York, from 05:00 UTC), or its datetime; an expiry is the
        instant it passes, the end of its day.
        """
        tpnw = Agreement(
            id="tpnw",
            title="Treaty on the Prohibition of Nuclear Weapons",
            stage="comprehensive",
            in_force=Deadline.after(
                pendulum.date(2020, 10, 24), days=90, tz="America/New_York"
            ),
            expires=Deadline.on(pendulum.date(2030, 1, 1)),
        )
        gaza = Agreement(
            id="gaza",
            title="Ceasefire",
            stage="ceasefire",
            in_force=Deadline.on(
                pendulum.datetime(2025, 1, 19, 8, 30, tz="Asia/Jerusalem")
            ),
        )
        colombia = Agreement(
            id="colombia",
            title="Final accord",
            stage="comprehensive",
            in_force=Deadline.on(pendulum.date(2016, 12, 1), tz="America/Bogota"),
        )
        talks = Negotiation(id="t", title="T", agreements=[tpnw, gaza, colombia])
        found = rows(to_tables([talks])["agreements"])
        assert found["tpnw"]["in_force"] == "2021-01-22"
        assert found["tpnw"]["in_force_utc"] == dt.datetime(2021, 1, 22, 5, tzinfo=UTC)
        assert found["tpnw"]["in_force_zone"] == "America/New_York"
        assert found["tpnw"]["in_force_rule"] == "90 days after 2020-10-24"
        assert found["tpnw"]["expires_utc"] == dt.datetime(2030, 1, 2, tzinfo=UTC)
        assert found["gaza"]["in_force_utc"] == dt.datetime(
            2025, 1, 19, 6, 30, tzinfo=UTC
        )
        assert found["gaza"]["in_force_zone"] == "Asia/Jerusalem"
        # its rule says a start too, not "to the end of the day"
        assert found["colombia"]["in_force_utc"] == dt.datetime(
            2016, 12, 1, 5, tzinfo=UTC
        )
        assert found["colombia"]["in_force_rule"] == "on 2016-12-01, America/Bogota"

    def test_timestamps_are_cut_to_the_calendar(self) -> None:
        """
        An instant beyond the calendar in UTC (a deadline on 9999-12-31 in New
        York passes in 10000; 00:30 on 0001-01-01 in Tokyo is year 0 in UTC) is
        cut to its edge, as moment_span cuts, so that pandas and Python can
        read every timestamp; the text keeps the moment exactly.
        """
        talks = Negotiation(
            id="t",
            title="T",
            milestones=[
                Milestone(
                    id="never",
                    title="No end",
                    deadline=Deadline.on(
                        pendulum.date(9999, 12, 31), tz="America/New_York"
                    ),
                ),
                Milestone(
                    id="first",
                    title="First",
                    deadline=Deadline.on(
                        pendulum.datetime(1, 1, 1, 0, 30, tz="Asia/Tokyo")
                    ),
                ),
            ],
        )
        table = to_tables([talks])["milestones"]
        never, first = table.to_pylist()
        assert never["deadline_utc"] == dt.datetime.max.replace(tzinfo=UTC)
        assert never["deadline"] == "9999-12-31"
        assert first["deadline_utc"] == dt.datetime(1, 1, 1, tzinfo=UTC)
        assert first["deadline"] == "0001-01-01T00:30:00+09:18:59[Asia/Tokyo]"
        assert len(table.to_pandas()) == 2

    def test_the_seed_story(self) -> None:
        """The 2025 talks: a row per record, every moment consistent."""
        seed = seed_record()
        tables = to_tables([seed])
        assert {name: t.num_rows for name, t in tables.items()} == _count(seed)
        for table in tables.values():
            _check_moments(table)
        ultimatum = tables["ultimatums"].to_pylist()[0]
        assert ultimatum["deadline"] == "2025-09-02"
        assert ultimatum["deadline_utc"] == dt.datetime(2025, 9, 3, tzinfo=UTC)
        assert ultimatum["deadline_rule"] == "50 days after 2025-07-14"
        assert ultimatum["demand"] == "Reach a ceasefire with Ukraine"
        texts = [c["text"] for c in ultimatum["consequences"]]
        assert texts[0] == "100 per cent tariffs"
        negotiation = tables["negotiations"].to_pylist()
        assert [(n["negotiation_id"], n["status"]) for n in negotiation] == [
            (seed.id, "stalled")
        ]
        parties = rows(tables["parties"])
        assert parties["turkiye"]["name"] == "Türkiye"
        assert parties["ukraine"]["aliases"] == ["Kyiv"]
        assert parties["ukraine"]["representatives"][2] == {
            "name": "Rustem Umerov",
            "role": "Secretary of the National Security and Defence Council",
            "since_utc": dt.datetime(2025, 7, 1, tzinfo=UTC),
            "since_zone": None,
            "since_precision": "month",
            "since": "2025-07",
            "until_utc": None,
            "until_zone": None,
            "until_precision": None,
            "until": None,
            "sources": [],
        }

    def test_parents(self) -> None:
        """Conditions name the record they belong to; positions their condition."""
        tables = to_tables([seed_record()])
        conditions = rows(tables["conditions"])
        keys = ("path", "parent_table", "parent_id", "parent_path")
        assert [conditions[c][k] for c in conditions for k in keys] == [
            *("conditions[0]", "negotiations", "russia-ukraine-2025", None),
            *("conditions[1]", "negotiations", "russia-ukraine-2025", None),
            *("proposals[1].terms[0]", "proposals", "leaders-meeting", "proposals[1]"),
            *("ultimatums[0].demand", "ultimatums", "us-ultimatum-2025-07"),
            "ultimatums[0]",
        ]
        positions = tables["positions"].to_pylist()
        assert [(p["path"], p["parent_id"]) for p in positions] == [
            ("conditions[0].positions[0]", "cede-four-regions"),
            ("conditions[1].positions[0]", "reject-western-aid"),
        ]
        changes = tables["status_changes"].to_pylist()
        rounds = [c for c in changes if c["parent_table"] == "rounds"]
        assert {(c["parent_id"], c["status"]) for c in rounds} >= {("3", "proposed")}
        events = tables["events"].to_pylist()
        paths = set(tables["responses"].column("path").to_pylist())
        assert any(e["path"] in paths for e in events if e["kind"] == "response")

    def test_events_are_the_timeline_in_order(self) -> None:
        """The events table is the timeline, in its order, with its paths."""
        seed = seed_record()
        events = to_tables([seed])["events"].to_pylist()
        timeline = seed.timeline()
        assert [e["seq"] for e in events] == list(range(len(timeline)))
        assert [(e["kind"], e["path"], e["summary"]) for e in events] == [
            (t.kind.value, t.path, t.summary) for t in timeline
        ]
        rounds = [e["record_id"] for e in events if e["kind"] == "round"]
        assert rounds == ["1", "2", "3"]  # round numbers, as text

    def test_zoned_and_partial_moments(self) -> None:
        """New York keeps its zone; a fixed offset has none; months start their span."""
        statements = rows(to_tables([treaty_clock()])["statements"])
        said = {
            key: (row["said_on_utc"], row["said_on_zone"], row["said_on_precision"])
            for key, row in statements.items()
        }
        assert said == {
            "new-york": (
                dt.datetime(2025, 7, 14, 16, tzinfo=UTC),
                "America/New_York",
                "instant",
            ),
            "fixed": (dt.datetime(2025, 7, 14, 12, tzinfo=UTC), None, "instant"),
            "june": (dt.datetime(2025, 6, 1, tzinfo=UTC), None, "month"),
            "year": (dt.datetime(2025, 1, 1, tzinfo=UTC), None, "year"),
        }
        assert statements["new-york"]["said_on"] == (
            "2025-07-14T12:00:00-04:00[America/New_York]"
        )
        assert statements["fixed"]["said_on"] == "2025-07-14T15:00:00+03:00"
        assert statements["new-york"]["speaker"] == "Зеленський"

    def test_pandas_reads_the_timestamps(self) -> None:
        """The text pandas.to_datetime refuses comes with a timestamp pandas reads."""
        frame = to_tables([treaty_clock()])["statements"].to_pandas()
        assert str(frame["said_on_utc"].dtype) == "datetime64[us, UTC]"
        assert frame["said_on_utc"].min().isoformat() == "2025-01-01T00:00:00+00:00"

    def test_deadlines_at_midnight_in_brussels(self) -> None:
        """Midnight in Brussels is 23:00 UTC the day before in winter, 22:00 in summer."""
        tables = to_tables([treaty_clock()])
        milestones = rows(tables["milestones"])
        assert milestones["winter"]["deadline_utc"] == dt.datetime(
            2025, 3, 29, 23, tzinfo=UTC
        )
        assert milestones["summer"]["deadline_utc"] == dt.datetime(
            2025, 3, 31, 22, tzinfo=UTC
        )
        assert milestones["summer"]["deadline_zone"] == BRUSSELS
        assert milestones["summer"]["deadline_precision"] == "day"
        ultimatum = tables["ultimatums"].to_pylist()[0]
        assert ultimatum["deadline_utc"] == dt.datetime(2025, 3, 31, 22, tzinfo=UTC)
        assert ultimatum["deadline"] == "2025-04-01T00:00:00+02:00[Europe/Brussels]"
        assert ultimatum["deadline_precision"] == "instant"
        assert (
            ultimatum["deadline_rule"]
            == "on 2025-04-01T00:00:00+02:00[Europe/Brussels]"
        )


class TestRefused:
    def test_an_integer_beyond_64_bits(self) -> None:
        """A round number no int64 column holds is refused, with its path."""
        talks = Negotiation(id="t", title="T", rounds=[Round(number=2**63)])
        with pytest.raises(ValidationError) as info:
            to_tables([talks])
        assert info.value.errors == (
            (
                "rounds[0].number",
                f"{2**63} does not fit an int64 column (negotiation 't')",
            ),
        )

    def test_the_error_pickles_and_copies(self) -> None:
        """
        The error crosses processes (a worker of a process pool) and copies,
        with its class, negotiation id and problems; its repr names its class.
        """
        talks = Negotiation(id="t", title="T", rounds=[Round(number=2**63)])
        with pytest.raises(ColumnValueError) as info:
            to_tables([talks])
        error = info.value
        unpickled = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
        for copied in (unpickled, copy.copy(error)):
            assert type(copied) is ColumnValueError
            assert copied.errors == error.errors
            assert copied.negotiation_id == "t"
            assert str(copied) == str(error)
        assert repr(error) == (
            f"ColumnValueError('t', 'rounds[0].number', "
            f"'{2**63} does not fit an int64 column')"
        )

    @pytest.mark.parametrize("amount", [2**60 + 1, 10**400], ids=["2**60+1", "10**400"])
    def test_a_number_a_float_cannot_hold(self, amount: int) -> None:
        """A quantity a float64 would round is refused, with its path inside the list."""
        talks = Negotiation(
            id="t",
            title="T",
            parties=[Party(id="a", name="A", kind="state")],
            actions=[
                Action(
                    id="x",
                    kind="aid",
                    by=["a"],
                    on=pendulum.date(2025, 1, 1),
                    summary="Aid",
                    quantities=[
                        Quantity(amount=1, unit="t"),
                        Quantity(amount=amount, unit="t"),
                    ],
                )
            ],
        )
        with pytest.raises(ValidationError) as info:
            to_tables([talks])
        assert info.value.errors == (
            (
                "actions[0].quantities[1].amount",
                f"{short_repr(amount)} cannot be held exactly by a float64 column "
                "(negotiation 't')",
            ),
        )

    def test_the_negotiation_of_a_value_no_column_holds(self, tmp_path: Path) -> None:
        """In a corpus, the message names the negotiation, the path the value in it."""
        big = Negotiation(
            id="big",
            title="Big",
            parties=[Party(id="a", name="A", kind="state")],
            votes=[
                Vote(
                    id="v",
                    body="Parliament",
                    on=pendulum.date(2025, 1, 1),
                    question="Ratify?",
                    result="passed",
                    yes=2**70,
                )
            ],
        )
        corpus = [seed_record(), big]
        expected = (
            (
                "votes[0].yes",
                f"{2**70} does not fit an int64 column (negotiation 'big')",
            ),
        )
        with pytest.raises(ValidationError) as info:
            to_tables(corpus)
        assert info.value.errors == expected
        with pytest.raises(ValidationError) as info:
            write_parquet(iter(corpus), tmp_path / "out", batch_size=1)
        assert info.value.errors == expected

    def test_a_repeated_negotiation_id(self, tmp_path: Path) -> None:
        """Two negotiations with one id would give rows the same keys: refused."""
        talks = seed_record()
        other = attrs.evolve(talks, id="other-talks")
        with pytest.raises(ValidationError) as info:
            to_tables([talks, other, talks])
        assert info.value.errors == (
            ("[2].id", "negotiation id 'russia-ukraine-2025' is already used by [0]"),
        )
        with pytest.raises(ValidationError) as info:  # across batches
            write_parquet(iter([talks, other, talks]), tmp_path / "out", batch_size=1)
        assert info.value.errors == (
            ("[2].id", "negotiation id 'russia-ukraine-2025' is already used by [0]"),
        )

    def test_not_a_negotiation(self) -> None:
        """Anything but a Negotiation is a TypeError naming it."""
        with pytest.raises(TypeError, match="needs Negotiation records, got str 'x'"):
            to_tables(["x"])  # type: ignore[list-item]

    @pytest.mark.parametrize("size", [0, -1])
    def test_a_batch_of_nothing(self, tmp_path: Path, size: int) -> None:
        """batch_size must be at least 1: a ValueError, nothing written."""
        with pytest.raises(
            ValueError,
            match=rf"^write_parquet\(\) batch_size must be at least 1, got {size}$",
        ):
            write_parquet(corpus(1), tmp_path / "out", batch_size=size)
        assert not (tmp_path / "out").exists()

    @pytest.mark.parametrize("size", ["x", "2", 1.5, 2.0, True, None])
    def test_a_batch_size_that_is_no_int(self, tmp_path: Path, size: Any) -> None:
        """batch_size of a wrong kind (a bool too) is a TypeError naming it,
        not a raw comparison error; nothing written."""
        with pytest.raises(
            TypeError,
            match=r"^write_parquet\(\) batch_size must be an int \(1 or more\)",
        ):
            write_parquet(corpus(1), tmp_path / "out", batch_size=size)
        assert not (tmp_path / "out").exists()

    def test_an_integer_of_another_type_and_on_batch(self, tmp_path: Path) -> None:
        """A NumPy-like integer is a batch size; an on_batch that cannot be
        called is refused with the rest, before anything is written."""

        class Two:
            def __index__(self) -> int:
                return 2

        done: list[int] = []
        size: Any = Two()
        write_parquet(
            corpus(3), tmp_path / "out", batch_size=size, on_batch=done.append
        )
        assert done == [2, 3]
        with pytest.raises(
            TypeError,
            match=r"batch_size must be an int .*; on_batch must be None or callable",
        ):
            write_parquet(corpus(1), tmp_path / "new", batch_size="x", on_batch=5)  # type: ignore[arg-type]
        assert not (tmp_path / "new").exists()

    @pytest.mark.parametrize("flag", ["x", None, 1, 0])
    def test_overwrite_is_true_or_false(self, tmp_path: Path, flag: Any) -> None:
        """overwrite="x" is not read as true (it would delete files): refused,
        with a wrong batch_size named in the same error."""
        with pytest.raises(
            TypeError, match=r"^write_parquet\(\) overwrite must be True or False"
        ):
            write_parquet(corpus(1), tmp_path / "out", overwrite=flag)
        with pytest.raises(
            TypeError,
            match=r"batch_size must be an int .*; overwrite must be True or False",
        ):
            write_parquet(corpus(1), tmp_path / "out", batch_size="x", overwrite=flag)  # type: ignore[arg-type]

    def test_a_folder_that_is_not_empty(self, tmp_path: Path) -> None:
        """Another dataset is not overwritten unless asked; then only its .parquet files."""
        out = tmp_path / "out"
        write_parquet(corpus(3), out, batch_size=1)
        (out / "README.txt").write_text("mine", encoding="utf-8")
        with pytest.raises(FileExistsError, match="is not empty"):
            write_parquet(corpus(1), out)
        counts = write_parquet(corpus(1, start=10), out, overwrite=True)
        assert counts["negotiations"] == 1
        assert sorted(p.name for p in (out / "negotiations").iterdir()) == [
            "part-00000.parquet"
        ]
        assert pq.read_table(out / "negotiations").column(
            "negotiation_id"
        ).to_pylist() == ["talks-10"]
        assert (out / "README.txt").read_text(encoding="utf-8") == "mine"
        notes = tmp_path / "notes"  # not a dataset yet: the tables are added
        notes.mkdir()
        (notes / "notes.txt").write_text("mine", encoding="utf-8")
        assert write_parquet(corpus(1), notes, overwrite=True)["negotiations"] == 1
        assert sorted(p.name for p in notes.iterdir()) == sorted(
            [*TABLE_NAMES, "notes.txt"]
        )

    def test_without_pyarrow(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pyarrow the error says which extra to install."""
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        calls: list[Callable[[], object]] = [lambda: to_tables([]), schemas]
        for call in calls:
            with pytest.raises(ImportError) as info:
                call()
            assert str(info.value) == TABLES_EXTRA_HINT
            assert "python -m pip install 'negotiation-records[tables]'" in str(
                info.value
            )

    def test_pyarrow_is_imported_only_when_called(self) -> None:
        """The package and the module import without pyarrow, and do not load it."""
        code = (
            "import sys; sys.modules['pyarrow'] = None; "
            "import negotiation_records, negotiation_records.tables; "
            "print(negotiation_records.tables.TABLE_NAMES[-1])"
        )
        done = subprocess.run(  # noqa: S603 - this Python, fixed code
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert done.stdout == "events\n"
        code = "import sys, negotiation_records; print('pyarrow' in sys.modules)"
        done = subprocess.run(  # noqa: S603 - this Python, fixed code
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert done.stdout == "False\n"


def test_docstring_examples_run() -> None:
    """The examples in the module's docstrings run as shown."""
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = finder.find(tables_module)
    assert sum(len(t.examples) for t in tests) > 20
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


# --- the Parquet dataset, queried ------------------------------------------------------------


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The seed story and the treaty clock, one negotiation a batch."""
    out = tmp_path_factory.mktemp("parquet") / "out"
    counts = write_parquet([seed_record(), treaty_clock()], out, batch_size=1)
    return out, counts


def _sql(folder: Path, query: str) -> list[tuple[Any, ...]]:
    """Run *query* with each table's folder as a view of the same name."""
    con = duckdb.connect()
    for name in TABLE_NAMES:
        pattern = str(folder / name / "*.parquet").replace("'", "''")
        view = f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern}')"  # noqa: S608 - the table names, a folder of the test
        con.execute(view)
    found: list[tuple[Any, ...]] = con.execute(query).fetchall()
    con.close()
    return found


class TestDuckDB:
    def test_rows_per_table(self, dataset: tuple[Path, dict[str, int]]) -> None:
        """DuckDB counts the rows each table got, in both negotiations."""
        out, counts = dataset
        expected = collections.Counter(_count(seed_record()))
        expected.update(_count(treaty_clock()))
        assert counts == dict(expected)
        query = " UNION ALL ".join(
            f"SELECT '{name}', count(*) FROM {name}"  # noqa: S608 - the table names
            for name in TABLE_NAMES
        )
        assert dict(_sql(out, query)) == counts
        assert sorted(p.name for p in (out / "parties").iterdir()) == [
            "part-00000.parquet",
            "part-00001.parquet",
        ]
        assert (
            sorted(p.name for p in (out / "sources").iterdir())
            == [
                "part-00000.parquet"  # the seed story's only: no file for a batch without rows
            ]
        )
        assert sorted(p.name for p in (out / "deadline_revisions").iterdir()) == [
            "part-00000.parquet"  # no row at all: one empty file
        ]

    def test_a_deadline_at_midnight_in_brussels(
        self, dataset: tuple[Path, dict[str, int]]
    ) -> None:
        """SQL on the timestamp gives the instant the deadline passes."""
        out, _ = dataset
        found = _sql(
            out,
            "SELECT id, deadline, deadline_zone, epoch_us(deadline_utc) FROM milestones "
            "WHERE negotiation_id = 'treaty-clock' ORDER BY deadline_utc",
        )
        assert [
            (i, d, z, dt.datetime.fromtimestamp(us / 1e6, UTC)) for i, d, z, us in found
        ] == [
            (
                "winter",
                "2025-03-29",
                BRUSSELS,
                dt.datetime(2025, 3, 29, 23, tzinfo=UTC),
            ),
            (
                "summer",
                "2025-03-31",
                BRUSSELS,
                dt.datetime(2025, 3, 31, 22, tzinfo=UTC),
            ),
        ]
        due = _sql(
            out,
            "SELECT id FROM ultimatums "
            "WHERE deadline_utc = TIMESTAMPTZ '2025-03-31 22:00:00+00'",
        )
        assert due == [("midnight",)]

    def test_events_joined_with_parties(
        self, dataset: tuple[Path, dict[str, int]]
    ) -> None:
        """Who acted in the timeline, by the party's name: a join on two keys."""
        out, _ = dataset
        found = _sql(
            out,
            "SELECT p.name, e.kind, count(*) FROM events e JOIN parties p "
            "ON e.negotiation_id = p.negotiation_id AND e.party = p.id "
            "WHERE e.negotiation_id = 'russia-ukraine-2025' "
            "GROUP BY ALL ORDER BY ALL",
        )
        seed = seed_record()
        names = {p.id: p.name for p in seed.parties}
        expected = collections.Counter(
            (names[e.party], e.kind.value) for e in seed.timeline() if e.party
        )
        assert found == sorted((*key, n) for key, n in expected.items())
        assert ("United States", "ultimatum", 1) in found

    def test_the_dataset_reads_back_as_one_table(
        self, dataset: tuple[Path, dict[str, int]]
    ) -> None:
        """pyarrow and pandas read each folder as one table, with its schema."""
        out, counts = dataset
        for name in TABLE_NAMES:
            table = pq.read_table(out / name)
            assert table.num_rows == counts[name]
            assert table.schema.remove_metadata() == schemas()[name].remove_metadata()
        frame = pq.read_table(out / "events").to_pandas()
        assert str(frame["kind"].dtype) == "category"


# Dask (2026.8) calls DataFrame.reset_index(inplace=True), which pandas 3.1
# deprecates: its warning is not about this library.
@pytest.mark.filterwarnings("ignore:The inplace keyword")
def test_dask_reads_the_folders(dataset: tuple[Path, dict[str, int]]) -> None:
    """Dask, as on a cluster: events per kind per negotiation."""
    import dask.dataframe as dd

    out, _ = dataset
    events = dd.read_parquet(str(out / "events"))
    events["kind"] = events["kind"].astype(str)
    sizes = events.groupby(["negotiation_id", "kind"]).size().compute()
    expected = collections.Counter(
        (talks.id, event.kind.value)
        for talks in (seed_record(), treaty_clock())
        for event in talks.timeline()
    )
    assert dict(sizes.items()) == dict(expected)
    ultimatums = dd.read_parquet(str(out / "ultimatums")).compute()
    assert sorted(ultimatums["id"]) == ["midnight", "us-ultimatum-2025-07"]


# --- streaming ---------------------------------------------------------------------------


class TestStreaming:
    def test_batches_are_written_as_they_come(self, tmp_path: Path) -> None:
        """Each batch is written before the next is read; on_batch counts them."""
        made: list[int] = []

        def source() -> Any:
            for talks in corpus(25):
                made.append(1)
                yield talks

        seen: list[tuple[int, int]] = []
        counts = write_parquet(
            source(),
            tmp_path / "out",
            batch_size=10,
            on_batch=lambda done: seen.append((done, len(made))),
        )
        assert seen == [(10, 10), (20, 20), (25, 25)]
        assert counts["negotiations"] == 25
        files = sorted(p.name for p in (tmp_path / "out" / "events").iterdir())
        assert files == [f"part-0000{n}.parquet" for n in range(3)]
        table = pq.read_table(tmp_path / "out" / "negotiations")
        assert table.column("negotiation_id").to_pylist() == [
            f"talks-{n}" for n in range(25)
        ]

    def test_memory_is_bounded_by_the_batch(self) -> None:
        """
        20,000 negotiations stream through in the memory of a batch.

        Measured in a fresh interpreter: its peak resident memory (Python objects
        and Arrow buffers alike) after the second batch of 1,000 and at the end,
        against what the rows of the whole corpus would take held at once.
        """
        script = ROOT / "tests" / "stream_memory.py"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        for name in ("COVERAGE_PROCESS_START", "COVERAGE_PROCESS_CONFIG"):
            env.pop(name, None)  # measured as it runs, not under coverage
        done = subprocess.run(  # noqa: S603 - this Python, a script of the tests
            [sys.executable, str(script), "20000", "1000"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        report = json.loads(done.stdout)
        assert report["counts"]["negotiations"] == 20_000
        assert report["counts"]["events"] > 150_000
        peaks = [peak for _, peak, _ in report["batches"]]
        assert len(peaks) == 20
        growth = peaks[-1] - peaks[1]
        whole = report["batch_bytes"] * 20  # every batch's rows, held at once
        assert whole > 100 * 2**20
        assert growth < whole / 10, (growth, whole)
        # Arrow's buffers are released after each batch.
        assert max(arrow for _, _, arrow in report["batches"]) < 2**20


def _no_op(done: int) -> None:
    """An on_batch that does nothing."""


def test_on_batch_is_optional(tmp_path: Path) -> None:
    """Without on_batch, and from a plain list, the same dataset."""
    callback: Callable[[int], None] | None = None
    counts = write_parquet(list(corpus(3)), tmp_path / "a", on_batch=callback)
    again = write_parquet(list(corpus(3)), tmp_path / "b", on_batch=_no_op)
    assert counts == again


# --- the rules for fields of your own (the walk over kinds) --------------------------------


@attrs.frozen(kw_only=True)
class _WithTerms:
    """A record that holds conditions, which have a table of their own."""

    terms: tuple[Condition, ...] = fields.field(fields.Many(fields.Nested(Condition)))


@attrs.frozen(kw_only=True)
class _Everything:
    """Fields of kinds that no record of the library combines this way."""

    term: Condition | None = fields.field(fields.Maybe(fields.Nested(Condition)))
    days: tuple[Any, ...] = fields.field(fields.Many(fields.DateKind()))
    stances: tuple[Any, ...] = fields.field(fields.Many(fields.Choice(Stance)))
    moments: tuple[Any, ...] = fields.field(fields.Many(fields.MomentKind()))


class TestKinds:
    def test_columns_of_other_combinations(self) -> None:
        """Lists of dates, choices and moments; a lone record with a table of its own."""
        plan = tables_module._fields_of(_Everything)
        types: dict[str, Any] = {c.name: c.type for c in plan.columns}
        assert types["days"] == ("list", "date32")
        assert types["stances"] == ("list", "dictionary")
        assert types["moments"][0] == "list"
        assert [c.name for c in types["moments"][1][1]] == [
            "value_utc",
            "value_zone",
            "value_precision",
            "value",
        ]
        assert [(c.field, c.table, c.many) for c in plan.children] == [
            ("term", "conditions", False)
        ]
        record = _Everything(
            term=None,
            days=(pendulum.date(1970, 1, 2),),
            stances=(Stance.SUPPORTS,),
            moments=(PartialDate(1970, 2),),
        )
        assert plan.row(record) == plan._located(record)  # compiled, and field by field
        assert plan.row(record) == (
            [1],
            ["supports"],
            [
                {
                    "value_utc": 31 * 86_400_000_000,
                    "value_zone": None,
                    "value_precision": "month",
                    "value": "1970-02",
                }
            ],
        )

    @pytest.mark.parametrize(
        ("kind", "message"),
        [
            (fields.Weekdays(), "no column for _Refused.x of kind Weekdays()"),
            (
                fields.TextOr(_WithTerms),
                "no table for the _WithTerms records of _Refused.x",
            ),
            (
                fields.Many(fields.Nested(_WithTerms)),
                "no column for _Refused.x: a list of records with tables inside",
            ),
            (
                fields.Nested(_WithTerms),
                "no column for _Refused.x: a record with tables inside",
            ),
        ],
        ids=["weekdays", "text-or", "list", "record"],
    )
    def test_fields_without_columns_are_refused(
        self, kind: fields.Kind, message: str
    ) -> None:
        """A field the rules give no column is a TypeError naming it."""

        @attrs.frozen(kw_only=True)
        class _Refused:
            x: Any = fields.field(kind)

        with pytest.raises(TypeError) as info:
            tables_module._fields_of(_Refused)
        assert str(info.value) == message

    def test_the_tables_keep_their_rules(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Two columns of one name, or a child table without parent keys, are refused."""

        @attrs.frozen(kw_only=True)
        class _Clash:
            path: str = fields.field(fields.Text())

        plan = tables_module._plan
        plan.cache_clear()
        monkeypatch.setitem(tables_module._CLASS_OF, "sources", _Clash)
        with pytest.raises(
            TypeError, match="two columns named 'path' in table 'sources'"
        ):
            plan("sources")
        monkeypatch.setitem(tables_module._CLASS_OF, "sources", _WithTerms)
        monkeypatch.setattr(tables_module, "_PARENTED", frozenset())
        with pytest.raises(TypeError, match="table 'conditions' needs parent columns"):
            plan("sources")
        plan.cache_clear()


class TestOneNegotiationIsNotMany:
    @pytest.mark.parametrize("value", ["talks", None, {"id": "t"}])
    def test_not_an_iterable_of_negotiations(self, tmp_path: Path, value: Any) -> None:
        """A TypeError naming the function, not "object is not iterable"."""
        with pytest.raises(
            TypeError, match=r"to_tables\(\) needs an iterable of Negotiation"
        ):
            to_tables(value)
        with pytest.raises(TypeError, match=r"write_parquet\(\) needs an iterable"):
            write_parquet(value, tmp_path / "out")
        assert not (tmp_path / "out").exists()

    def test_a_single_negotiation(self) -> None:
        """The message says to give it in a list."""
        with pytest.raises(TypeError, match=r"for one, give \[negotiation\]"):
            to_tables(Negotiation(id="t", title="T"))  # type: ignore[arg-type]


def test_to_tables_reports_every_repeated_id() -> None:
    talks = Negotiation(
        id="talks", title="Talks", parties=[Party(id="a", name="A", kind="state")]
    )
    other = attrs.evolve(talks, id="other")
    with pytest.raises(ValidationError) as info:
        to_tables([talks, talks, other, talks, other])
    assert list(info.value.errors) == [
        ("[1].id", "negotiation id 'talks' is already used by [0]"),
        ("[3].id", "negotiation id 'talks' is already used by [0]"),
        ("[4].id", "negotiation id 'other' is already used by [2]"),
    ]


def test_write_parquet_stops_at_the_first_repeated_id(tmp_path: Path) -> None:
    talks = Negotiation(
        id="talks", title="Talks", parties=[Party(id="a", name="A", kind="state")]
    )
    with pytest.raises(ValidationError) as info:
        write_parquet([talks, talks, talks], tmp_path / "out")
    assert list(info.value.errors) == [
        ("[1].id", "negotiation id 'talks' is already used by [0]"),
    ]


@pytest.mark.parametrize(
    ("directory", "got"),
    [(5, "int 5"), (None, "None"), (b"out", "a path of bytes")],
)
def test_a_directory_that_is_no_path_is_refused_as_data(
    directory: object, got: str
) -> None:
    """As write_jsonl's file: a ValidationError at the argument, nothing read."""
    read: list[int] = []

    def negotiations() -> Iterator[Negotiation]:
        read.append(1)
        yield Negotiation(id="t", title="T")

    with pytest.raises(ValidationError) as info:
        write_parquet(negotiations(), directory)  # type: ignore[arg-type]
    assert info.value.errors == (
        ("directory", f"must be a path to a folder, got {got}"),
    )
    assert read == []
