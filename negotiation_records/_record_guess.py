"""
Which record a JSON object is, by its keys (private): the hint for an object
read as another class, such as a line of parties checked as negotiations.
"""

from __future__ import annotations

from typing import Any

import attrs

from negotiation_records._kind import is_init_only
from negotiation_records._record import Record


__all__ = ["read_as_hint"]


def _keys(cls: type[Any]) -> tuple[frozenset[str], frozenset[str]]:
    """The keys an object of *cls* must have, and those it may have."""
    fields = [a for a in attrs.fields(cls) if not is_init_only(a)]
    required = {a.name for a in fields if a.default is attrs.NOTHING}
    return frozenset(required), frozenset(a.name for a in fields)


def read_as_hint(data: dict[str, Any], read_as: type[Any]) -> str:
    """
    ``"; its keys are a Party's: read it as one (from_json(Party, ...))"``
    for *data*, an object read as *read_as*, when its keys are those of
    exactly one other record class of the package (all it must have, none
    it may not); nothing otherwise.
    """
    import negotiation_records  # noqa: PLC0415 - every record class, on a refusal

    given = frozenset(key for key in data if isinstance(key, str))
    if not given:
        return ""
    found = []
    for name in negotiation_records.__all__:
        cls = getattr(negotiation_records, name)
        if not isinstance(cls, type) or cls is read_as or not issubclass(cls, Record):
            continue
        required, allowed = _keys(cls)
        if required <= given <= allowed:
            found.append(name)
    if len(found) != 1:
        return ""
    return f"; its keys are a {found[0]}'s: read it as one (from_json({found[0]}, ...))"
