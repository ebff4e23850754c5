"""
The time-zone abbreviations refused as zone names (private): fixed offsets or
legacy rules in the time-zone database, which skip the daylight-saving time of
the places that use the abbreviation.  :func:`~negotiation_records.timeutil.zone`
and the moment checks refuse them, naming IANA zones to use instead.
"""

from __future__ import annotations


__all__ = ["ABBREVIATED_ZONES", "ABBREVIATIONS"]

#: Zone abbreviations in the time-zone database (fixed offsets or legacy US
#: and European rules), with the IANA names to use instead.
ABBREVIATIONS = {
    "EST": "'America/New_York' or 'America/Toronto'",
    "EDT": "'America/New_York' or 'America/Toronto'",
    "EST5EDT": "'America/New_York' or 'America/Toronto'",
    "CST6CDT": "'America/Chicago'",
    "MST": "'America/Denver' or 'America/Phoenix'",
    "MST7MDT": "'America/Denver'",
    "PST8PDT": "'America/Los_Angeles'",
    "HST": "'Pacific/Honolulu'",
    "CET": "'Europe/Paris', 'Europe/Berlin' or 'Europe/Brussels'",
    "CEST": "'Europe/Paris', 'Europe/Berlin' or 'Europe/Brussels'",
    "MET": "'Europe/Paris', 'Europe/Berlin' or 'Europe/Brussels'",
    "EET": "'Europe/Kyiv', 'Europe/Athens' or 'Europe/Helsinki'",
    "WET": "'Europe/Lisbon'",
}

ABBREVIATED_ZONES = frozenset(ABBREVIATIONS)
"""Zone names refused as abbreviations (upper case)."""
