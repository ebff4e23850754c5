"""
Stream a generated corpus to Parquet and report the memory it took (a script).

``python tests/stream_memory.py COUNT BATCH`` writes COUNT negotiations of
:mod:`tests.corpus` with :func:`~negotiation_records.tables.write_parquet` in
batches of BATCH, and prints JSON: after each batch, the negotiations done, the
process's peak resident memory so far (bytes; Python objects and Arrow buffers
alike) and the bytes Arrow holds; then ``batch_bytes``, the Python memory that
the rows of one batch take while its tables are built (measured with
:mod:`tracemalloc`, after the corpus is written), and the rows written per
table.  Run by ``tests/test_tables.py`` in a fresh interpreter, so that the
peak is this work's alone.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import tracemalloc
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyarrow as pa

from negotiation_records.tables import to_tables, write_parquet
from tests.corpus import corpus


def peak_rss() -> int:
    """The peak resident memory of this process so far, in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def main(count: int, batch: int) -> None:
    batches: list[tuple[int, int, int]] = []

    def progress(done: int) -> None:
        batches.append((done, peak_rss(), pa.total_allocated_bytes()))

    with tempfile.TemporaryDirectory() as folder:
        counts = write_parquet(
            corpus(count), Path(folder, "out"), batch_size=batch, on_batch=progress
        )
    tracemalloc.start()
    tables = to_tables(list(corpus(batch)))
    _, batch_bytes = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del tables
    report = {"batches": batches, "batch_bytes": batch_bytes, "counts": counts}
    print(json.dumps(report))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
