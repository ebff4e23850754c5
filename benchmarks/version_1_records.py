"""
Reading single records of version 1 (``schema_version=1``) and reading with
``strict=False``: what the two tables of ``_record_versions`` worked out once
a record class buy.

``places()`` says where each record class lives in a negotiation (a walk over
every record class), which reading a record of version 1 needs; ``_may_drop``
says whether a class may hold a key version 2 dropped, which reading with
``strict=False`` checks.  Both are kept by class, never by input: measured on
distinct records, each read once a pass (cold), with the tables kept and
worked out again for every record.

    python benchmarks/version_1_records.py            # 200 records, 7 passes
    python benchmarks/version_1_records.py --quick    # tiny sizes, to see it runs
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from typing import Any

from negotiation_records import Party, Ultimatum, from_json
from negotiation_records import _record_versions as versions


def ultimatums(count: int) -> list[str]:
    """*count* distinct version-1 ultimatums (each its own id and demand)."""
    return [
        json.dumps(
            {
                "id": f"u-{i}",
                "issued_by": "us",
                "addressed_to": ["ru"],
                "issued_at": "2025-07-14",
                "demand": f"Ceasefire {i}",
                "deadline": {
                    "due": "2025-09-02",
                    "anchor": "2025-07-14",
                    "period": "P50D",
                },
                "status": "withdrawn",
                "status_on": "2025-08-01",
            }
        )
        for i in range(count)
    ]


def parties(count: int) -> list[str]:
    """*count* distinct parties of the current version."""
    return [
        json.dumps({"id": f"p-{i}", "name": f"Party {i}", "kind": "state"})
        for i in range(count)
    ]


def per_record(read: Callable[[str], Any], texts: list[str], passes: int) -> float:
    """The best time of reading each text once, per record, in seconds."""
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        for text in texts:
            read(text)
        best = min(best, (time.perf_counter() - start) / len(texts))
    return best


def forgetting(read: Callable[[str], Any]) -> Callable[[str], Any]:
    """*read* with both tables worked out again before each record."""

    def call(text: str) -> Any:
        versions.places.cache_clear()
        versions._may_drop.cache_clear()
        return read(text)

    return call


def main(argv: list[str] | None = None) -> int:
    """Print the time per record with the tables kept and worked out again."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--quick", action="store_true", help="tiny sizes")
    args = parser.parse_args(argv)
    count, passes = (5, 1) if args.quick else (200, 7)
    cases: list[tuple[str, Callable[[str], Any], list[str]]] = [
        (
            "Ultimatum of version 1, schema_version=1",
            lambda text: from_json(Ultimatum, text, schema_version=1),
            ultimatums(count),
        ),
        (
            "Party, strict=False",
            lambda text: from_json(Party, text, strict=False),
            parties(count),
        ),
    ]
    print("| record read once | tables kept a class | worked out a record | ratio |")
    print("|---|---|---|---|")
    for name, read, texts in cases:
        per_record(read, texts[:5], 1)  # the loaders compiled
        kept = per_record(read, texts, passes)
        again = per_record(forgetting(read), texts, passes)
        print(
            f"| {name} | {kept * 1e6:.1f} µs | {again * 1e6:.1f} µs "
            f"| {again / kept:.2f}x |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
