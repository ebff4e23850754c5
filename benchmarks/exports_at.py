"""
PLOVER export as of a moment, on a record with many responses to one proposal:
what aligning each list of the snapshot once (``_snapshot_places.Places``)
buys against aligning it again for each of its events.

An event's id names its record by its position in the whole record, not in
the snapshot ``as_of(at)`` gives; finding that position means walking the
list in the whole record.  ``Places`` does it once a list and an export.  The
records are built anew for each pass (nothing is reused between exports), so
this is the cold workload: one export of a record never exported before.

    python benchmarks/exports_at.py            # 500 and 2,000 responses
    python benchmarks/exports_at.py --quick    # tiny sizes, to see it runs
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from typing import Any

import pendulum

from negotiation_records import (
    Negotiation,
    Party,
    Proposal,
    Response,
    _snapshot_places,
    plover,
    to_plover,
)


class _EveryTime(_snapshot_places.Places):
    """Places without the alignment kept: each event walks its list again."""

    def position(
        self, where: str, whole: Sequence[Any], kept: Sequence[Any], index: int
    ) -> int:
        if kept is whole:
            return index
        return _snapshot_places.positions_in(whole, kept)[index]


def talks(responses: int) -> Negotiation:
    """One proposal from party p0, answered by *responses* parties, one a day."""
    start = pendulum.date(2020, 1, 1)
    parties = [
        Party(id=f"p{i}", name=f"Party {i}", kind="state") for i in range(responses + 1)
    ]
    answers = [
        Response(party=f"p{i}", on=start.add(days=i), stance="rejects")
        for i in range(1, responses + 1)
    ]
    proposal = Proposal(
        id="offer",
        proposed_by="p0",
        addressed_to=[f"p{i}" for i in range(1, responses + 1)],
        made_on=start,
        summary="An offer",
        responses=answers,
    )
    return Negotiation(id="t", title="T", parties=parties, proposals=[proposal])


def seconds(responses: int, passes: int, places: type[Any]) -> float:
    """The best time of one PLOVER export as of the day before the last response."""
    original = _snapshot_places.Places
    best = float("inf")
    for _ in range(passes):
        record = talks(responses)  # built anew: a cold export
        at = pendulum.date(2020, 1, 1).add(days=responses - 1)  # the last left out
        plover.Places = places  # type: ignore[attr-defined]
        try:
            start = time.perf_counter()
            to_plover(record, at=at)
            best = min(best, time.perf_counter() - start)
        finally:
            plover.Places = original  # type: ignore[attr-defined]
    return best


def main(argv: list[str] | None = None) -> int:
    """Print one row a size: the export with and without the alignment kept."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--quick", action="store_true", help="tiny sizes")
    args = parser.parse_args(argv)
    sizes, passes = ((20,), 1) if args.quick else ((500, 2_000), 3)
    print("| responses | aligned once a list | aligned for each event | ratio |")
    print("|---|---|---|---|")
    for size in sizes:
        kept = seconds(size, passes, _snapshot_places.Places)
        every = seconds(size, passes, _EveryTime)
        print(
            f"| {size:,} | {kept * 1e3:.1f} ms | {every * 1e3:.1f} ms | {every / kept:.1f}x |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
