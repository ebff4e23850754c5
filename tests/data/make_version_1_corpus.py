"""
Make ``version-1-corpus.jsonl``: documents written by version 1 of the library.

Each line holds one document as version 1 wrote it (``to_json``) and the name of
its record class.  Run this script with version 1 of the library (the commit
``cb2e775``) on the path, from the project's root::

    git worktree add --detach /tmp/version-1 cb2e775
    HYPOTHESIS_NO_PLUGINS=1 PYTHONPATH=/tmp/version-1 \\
        python tests/data/make_version_1_corpus.py

Two sets of documents, each record drawn by version 1's own strategies
(``negotiation_records.strategies``, so with whatever version 1 accepted):

* ``drawn``: as drawn.  Version 1 accepted values that rules of format
  version 2 refuse (control characters in texts, country codes ISO 3166-1 does
  not assign, zone abbreviations, an ultimatum's deadline before its issue),
  and its strategies draw them;
* ``plain``: the same records with such values replaced (texts without control,
  format or filler characters, assigned country codes, named zones), read and
  written again by version 1, which must accept them.

``tests/test_version_1_corpus.py`` reads every document with the current
library.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

import negotiation_records as nr
from negotiation_records import strategies


OUT = Path(__file__).with_name("version-1-corpus.jsonl")

#: Record classes of version 1 and how many of each, drawn and plain.
KINDS = {
    "negotiations": ("Negotiation", 50),
    "parties": ("Party", 10),
    "proposals": ("Proposal", 10),
    "ultimatums": ("Ultimatum", 15),
    "rounds": ("Round", 10),
    "statements": ("Statement", 10),
    "sources": ("Source", 10),
    "deadlines": ("Deadline", 10),
    "conditions": ("Condition", 10),
    "outcomes": ("Outcome", 10),
    "delegations": ("Delegation", 5),
    "consequences": ("Consequence", 5),
    "deadline_revisions": ("DeadlineRevision", 10),
    "positions": ("Position", 5),
    "responses": ("Response", 5),
    "representatives": ("Representative", 5),
    "windows": ("Window", 5),
}

COUNTRIES = ("UA", "RU", "US", "TR", "GB", "FR", "DE", "CN", "IN", "BR")
ZONES = re.compile(
    r"(?i)(EST|EDT|EST5EDT|CST6CDT|MST|MST7MDT|PST8PDT|HST|CET|CEST|MET|EET|WET"
    r"|Factory|localtime|posixrules)"
)
FILLERS = frozenset("\u115f\u1160\u3164\uffa0")


def plain_text(text: str) -> str:
    """*text* without control, format, private-use or filler characters."""
    if not any(_unwanted(char) for char in text):
        return text
    kept = "".join(char for char in text if not _unwanted(char))
    return kept if kept.strip() else "text"


def _unwanted(char: str) -> bool:
    if char in "\t\n\r":
        return False
    return char in FILLERS or unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co"}


def plain(value: Any, key: str = "") -> Any:
    """A JSON *value* with the values version 2 refuses replaced."""
    if isinstance(value, dict):
        return {name: plain(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if not isinstance(value, str):
        return value
    if key == "country":
        return COUNTRIES[sum(map(ord, value)) % len(COUNTRIES)]
    if ZONES.fullmatch(value):
        return "UTC"
    return plain_text(value)


def main() -> None:
    lines: list[str] = []
    for name, (cls_name, count) in KINDS.items():
        cls = getattr(nr, cls_name)
        drawn: list[Any] = []

        @settings(
            max_examples=count,
            database=None,
            derandomize=True,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(getattr(strategies, name)())
        def draw(record: Any) -> None:
            drawn.append(record)  # noqa: B023 - called before the loop goes on

        draw()
        for record in drawn[:count]:
            text = nr.to_json(record)
            lines.append(
                json.dumps({"type": cls_name, "set": "drawn", "document": text})
            )
            replaced = json.dumps(plain(json.loads(text)), ensure_ascii=False)
            try:
                again = nr.from_json(cls, replaced)
            except nr.ValidationError:
                continue  # a named zone in place of an abbreviation moved a due
            lines.append(
                json.dumps(
                    {"type": cls_name, "set": "plain", "document": nr.to_json(again)}
                )
            )
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} documents written to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
