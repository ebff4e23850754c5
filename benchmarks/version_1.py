"""
Reading version-1 documents: what the walk for fields of a later version
costs, and what working out once a record class which fields to walk buys.

A version-1 document that holds a field version 2 added is refused
(``migrations.newer_fields``); finding such fields walks the records that may
hold one, and which fields those are is worked out once a class
(``migrations._visited``, ``_may_hold_later``); so is which records had a
``status_on`` in version 1 (``migrations._dated_in_version_1``, read from the
classes' init-only arguments).  Measured on 200 distinct copies of the
version-1 test document, each read once a pass (cold), with the classes'
answers kept and worked out again for every record (or every document).

    python benchmarks/version_1.py            # 200 documents, 7 passes
    python benchmarks/version_1.py --quick    # tiny sizes, to see it runs
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from negotiation_records import Negotiation, from_json, migrations


VERSION_1 = (
    Path(__file__).resolve().parent.parent / "tests/data/russia-ukraine-2025.v1.json"
)


def documents(count: int) -> list[str]:
    """*count* distinct copies of the version-1 document (each its own title)."""
    data = json.loads(VERSION_1.read_text(encoding="utf-8"))
    return [json.dumps({**data, "title": f"Talks {i}"}) for i in range(count)]


def per_document(texts: list[str], passes: int) -> float:
    """The best time of reading each text once, per document, in seconds."""
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        for text in texts:
            from_json(Negotiation, text)
        best = min(best, (time.perf_counter() - start) / len(texts))
    return best


def forgetting(function: Callable[..., Any]) -> Callable[..., Any]:
    """*function* with the classes' answers forgotten before each call."""

    def call(*args: Any) -> Any:
        migrations._VISITED.clear()
        migrations._HOLDS_LATER.clear()
        return function(*args)

    return call


def main(argv: list[str] | None = None) -> int:
    """Print the time per document with the classes' answers kept and not."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--quick", action="store_true", help="tiny sizes")
    args = parser.parse_args(argv)
    count, passes = (5, 1) if args.quick else (200, 7)
    texts = documents(count)
    per_document(texts[:5], 1)  # the loaders compiled
    kept = per_document(texts, passes)
    visited, may_hold = migrations._visited, migrations._may_hold_later
    migrations._visited = forgetting(visited)
    migrations._may_hold_later = forgetting(may_hold)
    try:
        again = per_document(texts, passes)
    finally:
        migrations._visited, migrations._may_hold_later = visited, may_hold
    dated = migrations._dated_in_version_1

    def dated_again() -> frozenset[str]:
        dated.cache_clear()
        return dated()

    migrations._dated_in_version_1 = dated_again  # type: ignore[assignment]
    try:
        undated = per_document(texts, passes)
    finally:
        migrations._dated_in_version_1 = dated
    print(
        "| version-1 document | fields to walk kept a class | worked out a record | ratio |"
    )
    print("|---|---|---|---|")
    print(
        f"| read once | {kept * 1e6:.1f} µs | {again * 1e6:.1f} µs | {again / kept:.2f}x |"
    )
    print()
    print(
        "| version-1 document | records with status_on kept | worked out a document "
        "| ratio |"
    )
    print("|---|---|---|---|")
    print(
        f"| read once | {kept * 1e6:.1f} µs | {undated * 1e6:.1f} µs "
        f"| {undated / kept:.2f}x |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
