"""
How a party's names and aliases compare (private): the rule of
:meth:`Party.known_as <negotiation_records.Party.known_as>`, which
:meth:`Negotiation.find_party <negotiation_records.Negotiation.find_party>`
indexes by.
"""

from __future__ import annotations

from negotiation_records.fields import as_text


__all__ = ["name_key"]


def name_key(name: str) -> str:
    """How names and aliases compare: text as read, case and surrounding spaces aside."""
    key: str = as_text(name).casefold().strip()
    return key
