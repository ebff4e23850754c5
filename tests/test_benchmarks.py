"""The benchmark scripts still run: every compared variant reads and writes the same JSON.

The timings themselves are never asserted here (the machines are noisy); see
``benchmarks/README.md``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pendulum
import pytest

from negotiation_records import (
    Negotiation,
    from_json,
    to_json,
)


BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def scripts() -> Iterator[tuple[ModuleType, ModuleType]]:
    """The benchmark modules, imported as ``python benchmarks/...`` would."""
    pytest.importorskip("pydantic")
    pytest.importorskip("msgspec")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import run

        yield run, run
    finally:
        sys.path.remove(str(BENCHMARKS))


def _load(name: str, file: str) -> ModuleType:
    """The benchmark script *file* of ``benchmarks/``, loaded as module *name*
    (not its file name: ``tables`` is also the name of PyTables)."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / file)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_three_libraries_describe_the_same_document(
    scripts: tuple[ModuleType, ModuleType],
) -> None:
    """pydantic and msgspec read and write the reference document as the library does."""
    run, _ = scripts
    data = to_json(run.build_reference()).encode()
    run.check_equivalent(data)
    assert from_json(Negotiation, data) == run.build_reference()


def test_distinct_documents_are_distinct(
    scripts: tuple[ModuleType, ModuleType],
) -> None:
    """The cold workload reads documents that differ from each other."""
    run, _ = scripts
    data = to_json(run.build_reference()).encode()
    documents = run.distinct_documents(data, 3)
    assert len(set(documents)) == 3
    assert from_json(Negotiation, documents[2]).notes == "copy 2"


def test_the_tables_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/tables.py writes a tiny corpus to Parquet and reads it back."""
    pytest.importorskip("duckdb")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        # Loaded under another name: "tables" is also the name of PyTables.
        module = _load("tables_benchmark", "tables.py")
        assert module.main(["--negotiations", "3", "--passes", "1"]) == 0
    finally:
        sys.path.remove(str(BENCHMARKS))
    out = capsys.readouterr().out
    assert "3 negotiations (copies of the reference record)" in out
    for row in ("write_parquet, all tables", "DuckDB reads every table into Arrow"):
        assert f"| {row} |" in out


def test_the_targets_script_measures_every_row(
    scripts: tuple[ModuleType, ModuleType],
) -> None:
    """benchmarks/targets.py runs with tiny sizes and prints a row per target."""
    import targets

    rows = targets.measure(targets.QUICK)
    table = targets.render(rows)
    for measure in (
        "decode, distinct documents",
        "encode, records built in Python",
        "round trip, distinct documents",
        "decode, distinct pretty-printed documents",
        "per item from_json",
        "per item to_json",
        "read_jsonl",
        "invalid parties in one document, all reported",
        "import",
        "append a statement",
        "append an action",
        "lookup by id",
    ):
        assert measure in table
    assert all(row.met in {"yes", "NO", "-"} for row in rows)


@pytest.mark.parametrize("repeat_moments", [False, True])
def test_the_equal_content_documents_hold_what_they_say(
    scripts: tuple[ModuleType, ModuleType], repeat_moments: bool
) -> None:
    """cold.py's equal-content documents load, differ, and repeat times only when asked."""
    import cold

    run, _ = scripts
    reference = run.build_reference()
    documents = cold._shared_content(reference, 3, repeat_moments)
    assert len(set(documents)) == len(documents) == 100
    loaded = from_json(Negotiation, documents[0])
    assert len(loaded.conditions) == 3 * len(reference.conditions)
    assert len(loaded.sources) == 3 * len(reference.sources)
    assert not loaded.proposals
    assert not loaded.statements
    published = [
        source.published
        for source in loaded.sources
        if isinstance(source.published, pendulum.DateTime)
    ]
    zoned = len(
        [s for s in reference.sources if isinstance(s.published, pendulum.DateTime)]
    )
    assert zoned
    assert len(published) == 3 * zoned
    assert len(set(published)) == (zoned if repeat_moments else 3 * zoned)
    written = json.loads(to_json(loaded))
    document = json.loads(documents[0])
    assert written["conditions"] == document["conditions"]
    assert written["sources"] == document["sources"]


def test_the_exports_at_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/exports_at.py runs with tiny sizes and prints its row."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        module = _load("exports_at_benchmark", "exports_at.py")
        assert module.main(["--quick"]) == 0
    finally:
        sys.path.remove(str(BENCHMARKS))
    assert "| 20 | " in capsys.readouterr().out


def test_the_refusals_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/refusals.py runs with tiny sizes and leaves both caches in place."""
    from negotiation_records import _record_guess, _zones

    keys, names = _record_guess._record_keys, _zones._database_names
    sys.path.insert(0, str(BENCHMARKS))  # it times with lenient.best
    try:
        module = _load("refusals_benchmark", "refusals.py")
        assert module.main(["--quick"]) == 0
    finally:
        sys.path.remove(str(BENCHMARKS))
    assert (_record_guess._record_keys, _zones._database_names) == (keys, names)
    out = capsys.readouterr().out
    assert "| 50 parties read as negotiations | " in out
    assert "| 2 documents, zone names in another case | " in out


def test_the_version_1_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/version_1.py runs with tiny sizes and leaves the module as it was."""
    from negotiation_records import migrations

    visited = migrations._visited
    dated = migrations._dated_in_version_1
    module = _load("version_1_benchmark", "version_1.py")
    assert module.main(["--quick"]) == 0
    assert migrations._visited is visited
    assert migrations._dated_in_version_1 is dated
    assert "| read once | " in capsys.readouterr().out


def test_the_version_1_records_benchmark_runs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """benchmarks/version_1_records.py runs with tiny sizes."""
    module = _load("version_1_records_benchmark", "version_1_records.py")
    assert module.main(["--quick"]) == 0
    assert "| Ultimatum of version 1, schema_version=1 | " in capsys.readouterr().out


def test_the_lenient_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/lenient.py runs with tiny sizes."""
    module = _load("lenient_benchmark", "lenient.py")
    assert module.main(["--quick"]) == 0
    assert "lenient copy kept:" in capsys.readouterr().out


def test_the_timestamped_statements_are_each_said_at_their_own_time(
    scripts: tuple[ModuleType, ModuleType],
) -> None:
    """cold.py's long file of statements: distinct instants, five zones, read back."""
    import cold

    record = cold._timestamped_statements(20, 1)
    added = record.statements[-20:]
    assert len({statement.said_on for statement in added}) == 20
    zones = {
        statement.said_on.timezone_name
        for statement in added
        if isinstance(statement.said_on, pendulum.DateTime)
    }
    assert zones == {
        "Europe/Kyiv",
        "Europe/Moscow",
        "Europe/Istanbul",
        "America/New_York",
        "UTC",
    }
    assert (
        cold._timestamped_statements(20, 2).statements[-1].said_on != added[-1].said_on
    )
    assert from_json(Negotiation, to_json(record)) == record


def test_the_deadline_records_are_open_and_run_out_in_five_zones(
    scripts: tuple[ModuleType, ModuleType],
) -> None:
    """cold.py's record for the deadline queries: each deadline open, then run out."""
    import cold

    record = cold._deadline_records(40)
    assert from_json(Negotiation, to_json(record)) == record
    zones = {m.deadline.tz or "UTC" for m in record.milestones}
    assert len(zones) == 5
    at = pendulum.datetime(2025, 10, 1, 12, tz="UTC")  # the due days are in August
    expired = record.all_expired_deadlines(at)
    assert len(expired) == 3 * 40  # every deadline has passed, met or not
    later = pendulum.date(2025, 7, 15)
    assert len(record.all_upcoming_deadlines(later)) == 3 * 40
    assert cold._deadline_queries(10, 1) > 0


def test_the_json_lines_rows_time_both_readers(
    scripts: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    """cold.py's JSON Lines rows: read_jsonl's and the command line's, per line."""
    import cold

    rows = cold._jsonl_rows(tmp_path, 3)
    assert sorted(rows) == sorted(
        f"{reader} per line, {name}"
        for reader in ("read_jsonl", "validate")
        for name in ("parties", "statements each at its own minute")
    )
    assert all(seconds > 0 for seconds in rows.values())
