"""
How far civil time runs ahead of UTC and behind it (private).

A calendar day begins first at UTC+14 (Kiribati's Line Islands) and ends
last at UTC-12 (Baker and Howland Islands): a day named without a zone
spans from 10:00 UTC of the day before to 12:00 UTC of the day after.  The
one place of that fact; :mod:`negotiation_records.timeutil` reads it for
:func:`~negotiation_records.timeutil.days_anywhere` and
:class:`~negotiation_records.Deadline` for
:meth:`~negotiation_records.Deadline.had_passed_by`.
"""

from __future__ import annotations

import datetime as _dt
from typing import Final


__all__ = ["AHEAD_SECONDS", "BEHIND_SECONDS", "ends_everywhere"]

AHEAD_SECONDS: Final = 14 * 3600
"""How far the clocks furthest ahead of UTC run ahead of it (UTC+14)."""

BEHIND_SECONDS: Final = 12 * 3600
"""How far the clocks furthest behind UTC run behind it (UTC-12)."""

_LAST_CLOCK: Final = _dt.timezone(_dt.timedelta(seconds=-BEHIND_SECONDS))


def ends_everywhere(day: _dt.date) -> _dt.datetime:
    """
    The instant *day* has ended everywhere on Earth: the midnight after it at
    UTC-12, which is noon UTC of the next day.  *day* must not be the last
    day of the calendar (no midnight follows it).
    """
    return _dt.datetime.combine(
        day + _dt.timedelta(days=1), _dt.time(tzinfo=_LAST_CLOCK)
    )
