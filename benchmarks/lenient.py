"""
Reading with ``strict=False`` and one's own converter: what keeping its
lenient copy (``serialization._LENIENT``, by converter and its structure
hooks) buys.

The copy ignores unknown keys; a new one has to generate its loaders again
(cattrs makes a class's hook on first use).  It is kept by converter and by
the hooks registered on it, never by input: measured on distinct documents,
each read once a pass (cold), with the copy kept and with a new copy made for
every call (the cache emptied before each).

    python benchmarks/lenient.py            # 200 documents, 7 passes
    python benchmarks/lenient.py --quick    # tiny sizes, to see it runs
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

from negotiation_records import Party, from_json, make_converter, serialization


def parties(count: int) -> list[str]:
    """*count* distinct parties, each with a key a newer writer added."""
    return [
        json.dumps(
            {
                "id": f"party-{i}",
                "name": f"Party {i}",
                "kind": "state",
                "aliases": [f"P{i}"],
                "added_later": i,
            }
        )
        for i in range(count)
    ]


def best(run: Callable[[], None], passes: int) -> float:
    """The fastest of *passes* runs, in seconds."""
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    """Print the time a document read with and without the kept copy."""
    parser = argparse.ArgumentParser(description="strict=False's kept copy")
    parser.add_argument("--quick", action="store_true", help="tiny sizes")
    args = parser.parse_args(argv)
    count, passes = (10, 2) if args.quick else (200, 7)
    mine = make_converter()

    def kept() -> None:
        for text in parties(count):
            from_json(Party, text, strict=False, converter=mine)

    def remade() -> None:
        for text in parties(count):
            serialization._LENIENT.clear()  # what is measured
            from_json(Party, text, strict=False, converter=mine)

    with_copy = best(kept, passes) / count
    without = best(remade, passes) / count
    print(f"party read with strict=False and its own converter ({count} distinct)")
    print(f"  lenient copy kept:      {with_copy * 1e6:8.1f} µs a document")
    print(f"  made for every call:    {without * 1e6:8.1f} µs a document")
    print(f"  ratio:                  {without / with_copy:8.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
