"""
ISO 8601 text of dates and wall clocks, as ``isoformat()`` writes it (private).

``date.isoformat()`` and ``datetime.isoformat()`` format each field through
C's ``printf``, which costs more than the record's whole Python expression: here
each field of two digits is taken from a table of the hundred texts "00" to
"99" made at import (a fixed table, not a cache of what was written), and the
year is ``str()`` of it when it has four digits.  The text is the standard
library's, byte for byte (a property test compares them over the calendar).
"""

from __future__ import annotations

import datetime as _dt
from typing import Final


__all__ = ["iso_date", "iso_wall"]

#: "00" to "99": each field of two digits, written by looking it up.
_TWO: Final = tuple(f"{i:02d}" for i in range(100))


def iso_date(day: _dt.date) -> str:
    """``day.isoformat()`` of a date (not a datetime): ``2025-07-14``."""
    year = day.year
    if year < 1000:
        return _dt.date.isoformat(day)
    return f"{year}-{_TWO[day.month]}-{_TWO[day.day]}"


def iso_wall(moment: _dt.datetime) -> str:
    """
    The wall clock of *moment* as ``isoformat()`` writes a naive datetime:
    ``2025-07-14T12:30:00``, with ``.ffffff`` when it has microseconds.
    """
    year = moment.year
    text = (
        f"{year if year >= 1000 else f'{year:04d}'}-{_TWO[moment.month]}-"
        f"{_TWO[moment.day]}T{_TWO[moment.hour]}:{_TWO[moment.minute]}:"
        f"{_TWO[moment.second]}"
    )
    microsecond = moment.microsecond
    return f"{text}.{microsecond:06d}" if microsecond else text
