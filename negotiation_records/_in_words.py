"""
A length of time in words, as :meth:`Deadline.describe
<negotiation_records.Deadline.describe>` says it (private).
"""

from __future__ import annotations


__all__ = ["in_words"]

_UNITS = (
    ("year", 365 * 86400),
    ("month", 30 * 86400),
    ("week", 7 * 86400),
    ("day", 86400),
    ("hour", 3600),
    ("minute", 60),
)


def in_words(seconds: float) -> str:
    """
    *seconds* (not negative) in the largest unit that fits at least twice,
    rounded down: a month is 30 days, a year 365.

    Example:
        >>> in_words(13 * 86400), in_words(14 * 86400), in_words(119), in_words(1)
        ('13 days', '2 weeks', '1 minute', '1 second')
    """
    for name, size in _UNITS:
        if seconds >= 2 * size:
            return f"{int(seconds // size)} {name}s"
    if seconds >= 60:
        return "1 minute"
    if seconds < 1:
        return "less than a second"
    count = int(seconds)
    return f"{count} second" + ("" if count == 1 else "s")
