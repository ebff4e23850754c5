"""
Time zones by name (private module; the public names are in
:mod:`negotiation_records.timeutil`): the zone database's names, checked once
and kept, the zones of fixed offsets, and how a UTC offset is written.
"""

from __future__ import annotations

import datetime as _dt
import functools
import zoneinfo
from typing import Any, Final, TypeAlias

import pendulum

from negotiation_records._values import described, short_repr
from negotiation_records._version_2_rules import (
    MACHINE_ZONE,
    ZONE_ABBREVIATION_NAMED,
    ZONE_SPELLING,
)
from negotiation_records._zone_abbreviations import ABBREVIATIONS, depends_on_host
from negotiation_records.errors import ValidationError


__all__ = [
    "database_zone_name",
    "fixed_zone",
    "found_zone",
    "offset_suffix",
    "zone",
    "zone_argument",
]

_UTC = pendulum.UTC
_Fixed: TypeAlias = pendulum.FixedTimezone


_ZONES: Final[dict[str, pendulum.Timezone | pendulum.FixedTimezone]] = {}
"""
The zones :func:`zone` has found, by name: bounded by the zones the system's
time-zone database holds (names it refuses are not kept).
"""


def zone(name: str) -> pendulum.Timezone | pendulum.FixedTimezone:
    """
    The named IANA time zone *name* (cached), or a :class:`ValidationError`.

    ``"UTC"`` gives pendulum's UTC.  Offsets such as ``"+03:00"`` are not zone
    names; use a named zone.  Names whose meaning depends on the machine
    (``localtime``, ``posixrules``, ``Factory``, ``posix/...``, ``right/...`` and
    file paths) are refused: the same record must mean the same instants
    everywhere.

    Example:
        >>> zone("Europe/Kyiv")
        Timezone('Europe/Kyiv')
        >>> zone("Europe/Kiev2")
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: $: unknown time zone 'Europe/Kiev2'

    Abbreviations such as ``EST`` or ``CET`` are refused: they are fixed
    offsets (or old rules) that skip daylight-saving time.

        >>> zone("EST")
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: $: time zone 'EST' is an abbreviation, not a place: it keeps one offset (or a legacy rule) and silently skips the daylight-saving time of the places that use it; name the IANA zone instead, such as 'America/New_York' or 'America/Toronto'
    """
    known = _ZONES.get(name) if name.__class__ is str else None
    if known is not None:  # a name already checked and found
        return known
    if not isinstance(name, str) or not name or len(name) > 64 or "\x00" in name:
        raise ValidationError([("$", f"unknown time zone {short_repr(name)}")])
    abbreviation = ABBREVIATIONS.get(name.upper())
    if abbreviation is not None:
        raise ValidationError(
            [
                (
                    "$",
                    ZONE_ABBREVIATION_NAMED.format(
                        name=short_repr(name), instead=abbreviation
                    ),
                )
            ]
        )
    if depends_on_host(name):
        raise ValidationError(
            [
                ("$", MACHINE_ZONE.format(name=short_repr(name))),
            ]
        )
    try:
        found = pendulum.timezone(name)
    except Exception:  # noqa: BLE001 - pendulum/zoneinfo raise several kinds
        spelled = _database_names().get(name.casefold())  # "America/new_york"
        message = (
            ZONE_SPELLING.format(name=short_repr(name), found=spelled)
            if spelled is not None
            else f"unknown time zone {short_repr(name)}"
        )
        raise ValidationError([("$", message)]) from None
    if getattr(found, "name", name) != name:  # pendulum reads "utc" as "UTC"
        # A spelling the zone database does not have, which other readers
        # (zoneinfo itself, Java) would not find.
        raise ValidationError(
            [("$", ZONE_SPELLING.format(name=short_repr(name), found=found.name))]
        )
    if name.__class__ is str:  # not a str subclass, whose hash or eq may differ
        _ZONES[name] = found
    return found


@functools.cache
def _database_names() -> dict[str, str]:
    """
    The zone database's names by their case-folded form, for a name written
    in another case (asked on a refusal only; the database does not change
    while a program runs).
    """
    return {
        name.casefold(): name
        for name in zoneinfo.available_timezones()
        if not depends_on_host(name)
    }


def zone_argument(value: Any, path: str = "tz") -> pendulum.Timezone | _Fixed | None:
    """
    *value*, given as the zone to show moments in: ``None``, an IANA name
    (:func:`zone`), a pendulum, ``zoneinfo`` or pytz zone (by its name) or a
    ``datetime.timezone``; anything else (a number, which pendulum reads as
    hours; a zone of another library, whose name cannot be known) is a
    :class:`~negotiation_records.ValidationError` at *path*.

    Example:
        >>> from negotiation_records.timeutil import zone_argument
        >>> zone_argument(5)
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: tz: must be an IANA time zone name such as 'Europe/Kyiv', or a pendulum, zoneinfo, pytz or datetime.timezone zone, got int 5
    """
    name: Any = value.key if isinstance(value, zoneinfo.ZoneInfo) else value
    if isinstance(value, _dt.tzinfo) and hasattr(value, "localize"):  # pytz's
        name = getattr(value, "zone", None)  # by its name
        offset = value.utcoffset(None)
        if name is None and offset is not None:  # pytz.FixedOffset(330)
            value = _dt.timezone(offset)
    if value is None or isinstance(value, pendulum.FixedTimezone):
        return value
    if isinstance(value, _dt.timezone) and not value.utcoffset(None).microseconds:
        seconds = int(value.utcoffset(None).total_seconds())
        return _UTC if value is _dt.UTC else fixed_zone(seconds)
    if not isinstance(name, str):
        got = f"{described(value)}"
        must = (
            "must be an IANA time zone name such as 'Europe/Kyiv', or a "
            "pendulum, zoneinfo, pytz or datetime.timezone zone"
        )
        raise ValidationError([(path, f"{must}, got {got}")])
    try:
        return zone(str.__str__(name))
    except ValidationError as exc:
        raise exc.prefixed(path) from None


def database_zone_name(moment: _dt.datetime) -> str | None:
    """
    The IANA name of *moment*'s zone when it is a python-dateutil zone read
    from the time-zone database (``dateutil.tz.gettz("America/New_York")``,
    or dateutil's own copy of the database), else ``None``.

    dateutil keeps where it read the zone from, not its name: the file's path
    (``/usr/share/zoneinfo/America/New_York``) or the name in its own copy.
    The name is the path's shortest ending that :func:`zone` reads, if that
    zone gives the same UTC offsets as *moment*'s at *moment* and in January
    and July of its year: a file of other rules that happens to bear a
    zone's name keeps its offset, as any zone without a name does.
    """
    tz = moment.tzinfo
    if not type(tz).__module__.startswith("dateutil."):
        return None
    path = getattr(tz, "_filename", None)
    if not isinstance(path, str):
        return None  # tzlocal(), tzstr("EST5EDT"), tzoffset: no file
    parts = path.replace("\\", "/").split("/")
    for start in range(len(parts) - 1, max(len(parts) - 4, -1), -1):
        name = "/".join(parts[start:])
        try:
            named = zone(name)
        except ValidationError:
            continue
        probes = [moment] + [
            _dt.datetime(moment.year, month, 15, 12, tzinfo=tz) for month in (1, 7)
        ]
        try:
            same = all(_same_offset(probe, named) for probe in probes)
        except (OverflowError, ValueError):  # at the edges of the calendar
            return None
        return name if same else None
    return None


def _same_offset(moment: _dt.datetime, named: _dt.tzinfo) -> bool:
    """
    Whether *moment*'s zone and *named* give the same UTC offset at the
    instant *moment* is: asked of the instant, not of the wall time, so that
    a wall time the zone skipped (02:00 on 27 April 1941 in New York, which
    dateutil reads at the summer offset) is asked at the real time then.
    """
    instant = moment.astimezone(_dt.UTC)
    return instant.astimezone(moment.tzinfo).utcoffset() == (
        instant.astimezone(named).utcoffset()
    )


def found_zone(name: str) -> pendulum.Timezone | pendulum.FixedTimezone | None:
    """The zone :func:`zone` has already found by *name* (``None``: none yet)."""
    return _ZONES.get(name)


@functools.lru_cache(maxsize=256)
def fixed_zone(seconds: int) -> pendulum.FixedTimezone:
    """pendulum's zone of the fixed offset of *seconds* east of UTC (kept)."""
    return pendulum.FixedTimezone(seconds)


#: The text isoformat() gives each UTC offset met so far ("-04:00"): there are
#: few in the time-zone database; past the limit, one is worked out each time.
_OFFSET_SUFFIXES: Final[dict[_dt.timedelta, str]] = {}
_OFFSET_SUFFIXES_LIMIT: Final = 1024


def offset_suffix(offset: _dt.timedelta | None) -> str:
    """How ``isoformat()`` writes *offset* after a time (``-04:00``, ``+02:59:54``)."""
    if offset is None:  # as isoformat() writes a time whose zone gives none
        return ""
    suffix = _OFFSET_SUFFIXES.get(offset)
    if suffix is None:
        suffix = _dt.time(tzinfo=_dt.timezone(offset)).isoformat()[8:]
        if len(_OFFSET_SUFFIXES) < _OFFSET_SUFFIXES_LIMIT:
            _OFFSET_SUFFIXES[offset] = suffix
    return suffix
