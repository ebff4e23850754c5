"""
The zone names refused (private): time-zone abbreviations, fixed offsets or
legacy rules in the time-zone database, which skip the daylight-saving time of
the places that use the abbreviation; and names that mean different zones on
different machines.  :func:`~negotiation_records.timeutil.zone`
and the moment checks refuse them, naming IANA zones to use instead.
"""

from __future__ import annotations


__all__ = ["ABBREVIATED_ZONES", "ABBREVIATIONS", "depends_on_host"]

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


_HOST_ZONES = frozenset({"localtime", "posixrules", "factory"})
_HOST_PREFIXES = ("posix/", "right/", "/", ".", "~")


def depends_on_host(name: str) -> bool:
    """
    Whether the zone name means different zones on different machines.

    ``localtime`` is the machine's own zone, ``posixrules`` the rules a machine
    applies to POSIX TZ strings, ``Factory`` a placeholder; ``posix/...`` and
    ``right/...`` are copies of the database that exist on some machines only
    (``right/`` counts leap seconds), and a path is a file on this machine.
    """
    folded = name.casefold()
    return (
        folded in _HOST_ZONES
        or folded.startswith(_HOST_PREFIXES)
        or ".." in folded.split("/")
    )
