"""
What the two caches of the refusal paths buy, on input seen once.

Both caches hold nothing of the input, only what a program cannot change while
it runs: ``_record_guess._record_keys`` (the keys of each record class, for the
hint "its keys are a Party's") and ``_zones._database_names`` (the time-zone
database's names by their case-folded form, for "write 'America/New_York'").
Each row reads distinct input once, with the cache and with the function it
caches called afresh each time (``__wrapped__``), in one run:

* *parties read as negotiations*: 2,000 JSON lines, each a party with its own
  id and name, read as ``negotiation-records validate`` reads a file given
  without ``--type`` (each line is refused with the hint);
* *zone names in another case*: 20 documents of 100 statements each, every
  statement said at its own minute in ``[america/new_york]``, each refused
  with 100 problems.

Run with ``python benchmarks/refusals.py``; the ratios are what count.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from lenient import best

from negotiation_records import (
    Negotiation,
    ValidationError,
    _record_guess,
    _zones,
    from_json,
)
from negotiation_records.serialization import each_line_read


def _parties(count: int) -> list[bytes]:
    return [
        json.dumps({"id": f"party-{i}", "name": f"Party {i}", "kind": "state"}).encode()
        for i in range(count)
    ]


def _zoned_documents(count: int, statements: int) -> list[str]:
    documents = []
    for number in range(count):
        said = [
            {
                "id": f"s-{i}",
                "speaker": "Speaker",
                "party": "ukraine",
                "said_on": f"2025-07-{1 + i // 1440 % 28:02d}T{i // 60 % 24:02d}:"
                f"{i % 60:02d}:00-04:00[america/new_york]",
                "text": f"Statement {number}.{i}",
            }
            for i in range(statements)
        ]
        documents.append(
            json.dumps(
                {
                    "schema_version": 2,
                    "id": f"talks-{number}",
                    "title": f"Talks {number}",
                    "parties": [{"id": "ukraine", "name": "Ukraine", "kind": "state"}],
                    "statements": said,
                }
            )
        )
    return documents


def _read_lines(lines: list[bytes]) -> None:
    for _, read in each_line_read(Negotiation, lines):
        assert isinstance(read, ValidationError)


def _read_documents(documents: list[str]) -> None:
    for text in documents:
        try:
            from_json(Negotiation, text)
        except ValidationError as exc:
            told = exc.errors[0][1]
            if "write 'America/New_York'" not in told:
                raise AssertionError(told) from exc
        else:
            raise AssertionError("refused documents were read")


@contextmanager
def _uncached(module: Any, name: str) -> Iterator[None]:
    """*module*'s cached function *name* replaced by what it caches, called afresh."""
    cached = getattr(module, name)
    setattr(module, name, cached.__wrapped__)
    try:
        yield
    finally:
        setattr(module, name, cached)


def main(argv: list[str] | None = None) -> int:
    """Print the table; ``--quick`` (the tests): tiny sizes, one pass."""
    quick = "--quick" in (argv or [])
    lines = _parties(50 if quick else 2000)
    documents = _zoned_documents(2 if quick else 20, 10 if quick else 100)
    _read_lines(lines[:1])  # the modules the hint reads, imported before timing
    _read_documents(documents[:1])
    rows: list[tuple[str, Callable[[], None], int, str, Any, str]] = [
        (
            f"{len(lines):,} parties read as negotiations",
            lambda: _read_lines(lines),
            len(lines),
            "line",
            _record_guess,
            "_record_keys",
        ),
        (
            f"{len(documents)} documents, zone names in another case",
            lambda: _read_documents(documents),
            len(documents),
            "document",
            _zones,
            "_database_names",
        ),
    ]
    print("| workload | cached | uncached | uncached ÷ cached |")
    print("|---|---|---|---|")
    for title, work, count, unit, module, name in rows:
        cached = best(work, 1 if quick else 3)
        with _uncached(module, name):
            uncached = best(work, 1 if quick else 3)
        print(
            f"| {title} | {cached / count * 1e6:,.1f} µs a {unit} | "
            f"{uncached / count * 1e6:,.1f} µs a {unit} | {uncached / cached:.1f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
