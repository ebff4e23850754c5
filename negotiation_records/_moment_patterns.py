"""
The regular expressions of moment texts (private), each compiled on first use.

Compiling them took about a millisecond of ``import negotiation_records``, and
documents rarely need them: the commonest texts are read by their shape
(:mod:`negotiation_records._moment_shapes`), so the timestamp pattern serves
the other forms (a lower-case ``t``, fractions of a second, ``-00:00``) and
the rest only the messages that refuse a text.
"""

from __future__ import annotations

import functools
import re


__all__ = [
    "date_text",
    "finer_timestamp",
    "minute_timestamp",
    "timestamp",
    "wall_time",
    "zone_without_offset",
]

#: A zone name as a timestamp may name it (``[Europe/Kyiv]``).
_ZONE: str = r"[A-Za-z0-9_+\-/]{1,64}"
#: A wall time without an offset, to the minute at least.
_WALL_TIME: str = r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"


@functools.cache
def date_text() -> re.Pattern[str]:
    """A date, YYYY-MM-DD (possible or not)."""
    return re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


@functools.cache
def timestamp() -> re.Pattern[str]:
    """An RFC 3339 timestamp and an optional zone: its wall time, offset and zone."""
    return re.compile(
        r"(\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)"
        rf"([Zz]|[+-]\d{{2}}:\d{{2}}(?::\d{{2}})?)(?:\[({_ZONE})\])?",
        re.ASCII,
    )


@functools.cache
def wall_time() -> re.Pattern[str]:
    """A wall time without a UTC offset."""
    return re.compile(_WALL_TIME, re.ASCII)


@functools.cache
def zone_without_offset() -> re.Pattern[str]:
    """A wall time followed by a zone but no offset: the wall time and the zone."""
    return re.compile(rf"({_WALL_TIME})\[({_ZONE})\]", re.ASCII)


@functools.cache
def finer_timestamp() -> re.Pattern[str]:
    """
    A timestamp with more than six digits of a second (.NET's "o" format,
    Java's Instant, Go's RFC3339Nano write up to nine).
    """
    return re.compile(
        r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}\.\d{7,}(?:[Zz]|[+-]\d{2}:\d{2}(?::\d{2})?)"
        rf"(?:\[{_ZONE}\])?",
        re.ASCII,
    )


@functools.cache
def minute_timestamp() -> re.Pattern[str]:
    """
    A timestamp to the minute, with an offset (and perhaps a zone), which RFC
    3339 does not allow: it gives the seconds.
    """
    return re.compile(
        r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?:[Zz]|[+-]\d{2}:\d{2}(?::\d{2})?)"
        rf"(?:\[{_ZONE}\])?",
        re.ASCII,
    )
