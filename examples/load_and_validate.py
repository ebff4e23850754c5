"""
Loading a negotiation from a JSON file, validating it, and writing JSON Lines.

``examples/data/russia-ukraine-2025.json`` is the record of
``examples/ukraine_russia_2025.py`` as the library writes it. The script

1. loads it (``from_json`` checks every field, every deadline rule and every
   reference on the way in) and prints what it holds;
2. breaks two copies of it the way hand-edited files break — a typo in an enum,
   a number written as text, a timestamp without a zone, a misspelt key, a
   deadline that does not follow from its rule; then an id that points nowhere —
   and prints every problem as ``path: message``, as a program would show them
   to the person who edited the file;
3. loads a copy written by a newer program, with a field this library does not
   know, using ``strict=False``;
4. writes the statements and the whole record as JSON Lines, reads them back one
   line at a time, and shows the error for a bad line, which names the line.

Run it with ``python examples/load_and_validate.py``; it writes only to a
temporary directory.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from negotiation_records import (
    JSONLinesError,
    Negotiation,
    Statement,
    ValidationError,
    from_json,
    read_jsonl,
    to_json,
    write_jsonl,
)


DATA = Path(__file__).resolve().parent / "data" / "russia-ukraine-2025.json"


def load(path: Path) -> Negotiation:
    """Read and validate a negotiation written by :func:`to_json`."""
    return from_json(Negotiation, path.read_bytes())


def show_problems(title: str, document: dict[str, Any]) -> None:
    """Try to load *document*; print every problem, one ``path: message`` a line."""
    print(title)
    try:
        from_json(Negotiation, json.dumps(document))
    except ValidationError as exc:
        print(f"  refused, {len(exc.errors)} problem(s):")
        for path, message in exc.errors:
            print(f"  - {path}: {message}")
    else:
        print("  loaded without complaint")
    print()


def broken_by_hand(original: dict[str, Any]) -> dict[str, Any]:
    """A copy with the mistakes of a hand-edited file."""
    document: dict[str, Any] = json.loads(json.dumps(original))
    document["parties"][1]["kind"] = "stat"
    document["rounds"][0]["number"] = "1"
    document["statements"][3]["said_on"] = "2025-07-18T10:00:00"
    document["titel"] = document.pop("title")
    document["ultimatums"][0]["deadline"]["due"] = "2025-09-03"
    return document


def broken_references(original: dict[str, Any]) -> dict[str, Any]:
    """A copy whose records are each fine, but two ids point nowhere."""
    document: dict[str, Any] = json.loads(json.dumps(original))
    document["proposals"][1]["addressed_to"] = ["rusia"]
    document["statements"][4]["source"] = "tis-2025-07-20"
    return document


def main() -> None:
    """Load, break, load leniently, write and read JSON Lines."""
    text = DATA.read_text(encoding="utf-8")
    talks = load(DATA)
    print(f"Loaded {DATA.name}: {talks.title} — {talks.status.value}")
    print(
        f"  {len(talks.parties)} parties, {len(talks.rounds)} rounds, "
        f"{len(talks.proposals)} proposals, {len(talks.ultimatums)} ultimatum, "
        f"{len(talks.statements)} statements, {len(talks.sources)} source"
    )
    for ultimatum in talks.ultimatums:
        print(f"  {ultimatum.id}: {ultimatum.deadline.describe_rule()}")
    same = to_json(talks, indent=2) + "\n" == text
    print(f"  written back, the file is byte-identical: {same}")
    print()

    original: dict[str, Any] = json.loads(text)
    show_problems("A hand-edited copy", broken_by_hand(original))
    show_problems("A copy with dangling references", broken_references(original))

    newer: dict[str, Any] = json.loads(text)
    newer["parties"][0]["flag_colours"] = ["blue", "yellow"]
    print("A copy written by a newer program (an unknown key 'flag_colours')")
    try:
        from_json(Negotiation, json.dumps(newer))
    except ValidationError as exc:
        print(f"  strict (the default): {exc}")
    lenient = from_json(Negotiation, json.dumps(newer), strict=False)
    print(f"  strict=False: loaded, equal to the original: {lenient == talks}")
    print()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        statements = folder / "statements.jsonl"
        count = write_jsonl(talks.statements, statements)
        print(f"Wrote {count} statements to {statements.name}, one a line:")
        for line in statements.read_text(encoding="utf-8").splitlines()[:2]:
            print(f"  {line[:100]}…")
        for statement in read_jsonl(Statement, statements):
            print(f"  read back: {statement.said_on}  {statement.speaker}")

        records = folder / "negotiations.jsonl"
        write_jsonl([talks], records)
        (loaded,) = read_jsonl(Negotiation, records)
        print(
            f"Wrote the whole record as one line of {records.name}: {loaded == talks}"
        )

        with statements.open("a", encoding="utf-8") as handle:
            handle.write(
                '{"id": "peskov-2", "speaker": "Dmitry Peskov", "text": "No."}\n'
            )
        print("After appending a line without 'said_on':")
        try:
            for _ in read_jsonl(Statement, statements):
                pass
        except JSONLinesError as exc:
            print(f"  {exc}")
            print(f"  (line {exc.line}; problems {list(exc.errors)})")


if __name__ == "__main__":
    main()
