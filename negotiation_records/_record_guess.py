"""
Which record a JSON object is, by its keys (private): the hint for an object
read as another class, such as a line of parties checked as negotiations.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

from negotiation_records._kind import is_init_only
from negotiation_records._record import Record
from negotiation_records._values import with_article


__all__ = ["read_as_hint"]


@functools.cache
def _record_keys() -> tuple[tuple[type[Any], frozenset[str], frozenset[str]], ...]:
    """
    Each record class of the package with the keys an object of it must
    have and those it may have (the classes are fixed: worked out on the
    first refusal that asks, not at import).
    """
    import negotiation_records  # noqa: PLC0415 - every record class

    found = []
    for name in negotiation_records.__all__:
        cls = getattr(negotiation_records, name)
        if isinstance(cls, type) and issubclass(cls, Record) and attrs.has(cls):
            found.append((cls, *_keys(cls)))
    return tuple(found)


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
    given = frozenset(key for key in data if isinstance(key, str))
    found = [
        cls.__name__
        for cls, required, allowed in _record_keys()
        if cls is not read_as and required <= given <= allowed
    ]
    if not given or len(found) != 1:
        return ""
    (name,) = found
    return f"; its keys are {with_article(name)}'s: read it as one (from_json({name}, ...))"
