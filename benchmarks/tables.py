"""
Rows per second: ``write_parquet``, and DuckDB reading the dataset back.

Builds a corpus of copies of the reference record (``reference.py``), each with
its own id, title and notes; writes it with
:func:`negotiation_records.tables.write_parquet` (rows of every table, including
the timeline's events, per second, best of the passes); then reads every
table's folder back with DuckDB, the whole of each table into Arrow
(``SELECT * FROM read_parquet('<table>/*.parquet')``), and runs one query that
joins events with parties and counts them.  Prints a Markdown table.

Needs the ``tables`` extra (pyarrow) and DuckDB::

    python -m pip install -e '.[tables]' duckdb
    python benchmarks/tables.py --negotiations 2000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
from reference import build_reference

from negotiation_records import Negotiation
from negotiation_records.tables import TABLE_NAMES, write_parquet


def build_corpus(count: int) -> list[Negotiation]:
    """*count* copies of the reference record, each with its own id and notes."""
    reference = build_reference()
    return [
        attrs.evolve(
            reference,
            id=f"{reference.id}-{number}",
            title=f"{reference.title} ({number})",
            notes=f"copy {number}",
        )
        for number in range(count)
    ]


def _best(function: Callable[[], Any], passes: int) -> tuple[float, Any]:
    """The fastest of *passes* calls, in seconds, with the last call's result."""
    best = float("inf")
    result: Any = None
    for _ in range(passes):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def measure(count: int, batch_size: int, passes: int) -> list[tuple[str, int, float]]:
    """``(measure, rows, seconds)`` for writing and for reading back."""
    import duckdb

    corpus = build_corpus(count)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder, "out")

        def write() -> dict[str, int]:
            return write_parquet(corpus, out, batch_size=batch_size, overwrite=True)

        seconds, counts = _best(write, passes)
        rows = sum(counts.values())
        found = [("write_parquet, all tables", rows, seconds)]
        con = duckdb.connect()
        for name in TABLE_NAMES:
            pattern = str(out / name / "*.parquet").replace("'", "''")
            view = f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern}')"  # noqa: S608 - the table names
            con.execute(view)

        def read() -> int:
            total = 0
            for name in TABLE_NAMES:
                result = con.sql(f"SELECT * FROM {name}")  # noqa: S608 - the table names
                # to_arrow_table() from DuckDB 1.4 on, fetch_arrow_table() before
                to_arrow = getattr(result, "to_arrow_table", None)
                table = (to_arrow or result.fetch_arrow_table)()
                total += table.num_rows
            return total

        seconds, read_rows = _best(read, passes)
        assert read_rows == rows
        found.append(("DuckDB reads every table into Arrow", rows, seconds))

        def join() -> int:
            row = con.execute(
                "SELECT count(*) FROM events e JOIN parties p "
                "ON e.negotiation_id = p.negotiation_id AND e.party = p.id"
            ).fetchone()
            assert row is not None
            return int(row[0])

        seconds, _ = _best(join, passes)
        found.append(("DuckDB joins events with parties", counts["events"], seconds))
        con.close()
    return found


def main(argv: list[str] | None = None) -> int:
    """Run the measurements and print them as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--negotiations", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    results = measure(args.negotiations, args.batch_size, args.passes)
    print(
        f"{args.negotiations} negotiations (copies of the reference record), "
        f"batches of {args.batch_size}, best of {args.passes}:"
    )
    print()
    print("| measure | rows | seconds | rows per second | negotiations per second |")
    print("|---|---|---|---|---|")
    for name, rows, seconds in results:
        print(
            f"| {name} | {rows:,} | {seconds:.3f} | {rows / seconds:,.0f} "
            f"| {args.negotiations / seconds:,.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
