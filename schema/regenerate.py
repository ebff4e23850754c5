"""
Regenerate ``negotiation-record.schema.json`` beside this file from the classes.

Run ``python schema/regenerate.py`` after changing a record class; the tests fail
while the published schema is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from negotiation_records import Negotiation, json_schema


PUBLISHED = Path(__file__).resolve().parent / "negotiation-record.schema.json"


def main() -> None:
    """Write the JSON Schema of a whole Negotiation, pretty-printed, UTF-8."""
    text = json.dumps(json_schema(Negotiation), indent=2, ensure_ascii=False) + "\n"
    PUBLISHED.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
