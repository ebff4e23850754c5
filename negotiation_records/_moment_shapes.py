"""
The commonest moment texts, read without the general parser (private).

Documents hold moments in a few fixed shapes: a date (``2025-05-16``), a
timestamp in UTC (``2025-05-16T10:00:00Z``), with an offset
(``2025-05-16T10:00:00+03:00``) or with an offset and a zone
(``2025-05-16T10:00:00+03:00[Europe/Moscow]``).  :func:`quick_moment` tells
these shapes by the characters at fixed places, which costs less than the
general parser's regular expression, and reads them as
:func:`~negotiation_records.timeutil.parse_moment` does, value for value.
Any other text, and any text of these shapes that the general parser would
refuse or read in a special way (``-00:00``, an offset out of range, a zone
name not read before, an offset that is not the zone's), gives ``None``:
the caller then reads it with ``parse_moment``, which says what is wrong.
"""

from __future__ import annotations

import datetime as _dt
import string
from typing import Final

import pendulum

from negotiation_records._zones import fixed_zone, found_zone, zone
from negotiation_records.errors import ValidationError
from negotiation_records.timeutil import Moment, from_stdlib


__all__ = ["quick_date", "quick_moment"]

_date_from_text: Final = pendulum.Date.fromisoformat
_datetime_from_text: Final = _dt.datetime.fromisoformat
_UTC: Final = pendulum.UTC

#: The characters of a zone name, as the general parser takes it
#: (``_moment_patterns``): 1 to 64 of them.
_ZONE_CHARACTERS: Final = string.ascii_letters + string.digits + "_+-/"


def _named_zone(name: str) -> pendulum.Timezone | pendulum.FixedTimezone | None:
    """The zone *name* names as the parser reads it (:func:`zone` keeps it), or None."""
    if not 0 < len(name) <= 64 or name.strip(_ZONE_CHARACTERS):
        return None  # empty, too long, or a character outside them (strip keeps it)
    try:
        return zone(name)
    except ValidationError:
        return None


def quick_date(text: str) -> pendulum.Date | None:
    """
    The date *text* (a ``str``) writes as YYYY-MM-DD, or ``None`` for any
    other text and for an impossible date (the general parser says why).
    """
    # With ten characters and "-" at these places fromisoformat reads nothing
    # else (it takes ASCII digits only, and no week date has "-" at 7).
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return _date_from_text(text)
        except ValueError:
            return None
    return None


#: The characters at 4, 7, 10, 13, 16 and 19 (``text[4:20:3]``) of a timestamp
#: in UTC or with an offset, and where the offset ends.
_SHAPES: Final = {"--T::Z": 20, "--T::+": 25, "--T::-": 25}

_DateTime: Final = pendulum.DateTime


def quick_moment(text: str) -> Moment | None:
    """
    The moment *text* (a ``str``) stands for, if it has one of the commonest
    shapes, as :func:`~negotiation_records.timeutil.parse_moment` reads it;
    ``None`` for any other text, to be read by ``parse_moment``.
    """
    size = len(text)
    if size == 10:
        return quick_date(text)
    if size < 20:
        return None
    end = _SHAPES.get(text[4:20:3])
    if end is None:
        return None  # fractions of a second, offsets with seconds, other forms
    if end == 25 and (
        size < 25
        or text[22] != ":"
        or text[20:22] > "23"
        or text[23] > "5"
        or text[19:25] == "-00:00"
    ):
        return None  # other forms, an offset out of range, or -00:00: the parser's
    if size == end:
        name = None
    elif text[end] == "[" and text[-1] == "]":
        name = text[end + 1 : -1]
    else:
        return None
    try:
        parsed = _datetime_from_text(text[:end])
    except ValueError:
        return None
    if name is None:
        if end == 20:
            return from_stdlib(parsed, _UTC)
        offset = parsed.utcoffset()
        assert offset is not None  # noqa: S101 - fromisoformat read the offset
        return from_stdlib(parsed, fixed_zone(int(offset.total_seconds())))
    # a name zone() has found before is not tested again (its cache: the
    # time-zone database bounds it)
    tz = found_zone(name) or _named_zone(name)
    if tz is None:
        return None
    try:
        zoned = parsed.astimezone(tz)
    except OverflowError:
        return None
    if zoned.fold:
        if end == 25 and zoned.utcoffset() != parsed.utcoffset():
            return None
        return from_stdlib(zoned, tz)
    day, hour, minute, second = zoned.day, zoned.hour, zoned.minute, zoned.second
    if end == 25 and (
        # The same instant: the same offset exactly when the same wall clock
        # (two offsets a day apart would show another day): cheaper than
        # utcoffset(), which C looks up by name on a zone of a subclass.
        day != parsed.day
        or hour != parsed.hour
        or minute != parsed.minute
        or second != parsed.second
    ):
        return None
    return _DateTime(  # from_stdlib's, written out
        zoned.year, zoned.month, day, hour, minute, second, zoned.microsecond, tz
    )
