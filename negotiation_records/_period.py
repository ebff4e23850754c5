"""
:class:`Period`, the library's own ISO 8601 duration (private module; import
it from :mod:`negotiation_records` or :mod:`negotiation_records.timeutil`).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, Self

import attrs
import pendulum

from negotiation_records._frozen import refuse_changes
from negotiation_records._plain_numbers import plain_int
from negotiation_records._value_methods import ValueMethods
from negotiation_records._values import described, short_repr
from negotiation_records.errors import ValidationError


__all__ = ["Period", "period_from"]

Problems = list[tuple[str, str]]


# --- periods ------------------------------------------------------------------

_PERIOD = re.compile(
    r"P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
    r"(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?",
    re.ASCII,
)
_PERIOD_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")
_PERIOD_LIMITS = {
    "years": 9999,
    "months": 9999 * 12,
    "weeks": 9999 * 53,
    "days": 9999 * 366,
    "hours": 9999 * 366 * 24,
    "minutes": 9999 * 366 * 24 * 60,
    "seconds": 9999 * 366 * 24 * 3600,
}


#: The limits of :data:`_PERIOD_LIMITS` in the order of :data:`_PERIOD_UNITS`.
_LIMITS_IN_ORDER: Final = tuple(_PERIOD_LIMITS[unit] for unit in _PERIOD_UNITS)

_MICROSECONDS_PER_SECOND = 1_000_000


def _whole(value: object) -> int | None:
    """
    *value* as the integer it is: an int, or a whole-valued float (``172800.0``,
    as pendulum stores a part after ``+`` or ``*``); ``None`` for anything else
    (a fraction, a bool, not a number).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _duration_signature(duration: pendulum.Duration) -> dict[str, int] | None:
    """
    The parts a ``pendulum.Duration`` was built with, when pendulum kept them
    whole.

    pendulum stores them (``_signature``) and adds them part by part in
    ``DateTime + Duration``.  A whole-valued float part counts as the integer
    it is (after ``+`` or ``*`` pendulum keeps ``seconds=172800.0``), and
    microseconds that make whole seconds as those seconds (``* 1.5`` or
    ``// 2`` keep only microseconds): all elapsed time, as pendulum adds them.
    Parts of both signs are netted (:func:`_netted`); parts that are all zero
    or negative are kept, for ``Period`` to refuse each at its name.
    ``None`` when a part is not whole (``hours=1.5``) or there is no record of
    the parts: the caller then reads the normalised attributes.
    """
    signature = getattr(duration, "_signature", None)
    if not isinstance(signature, dict):
        return None
    parts: dict[str, int] = {}
    for name in _PERIOD_UNITS:
        value = _whole(signature.get(name, 0))
        if value is None:
            return _exact_parts(duration, signature) if name in _EXACT_UNITS else None
        parts[name] = value
    microseconds = _whole(signature.get("microseconds", 0))
    if microseconds is None:
        return _exact_parts(duration, signature)
    seconds, fraction = divmod(microseconds, _MICROSECONDS_PER_SECOND)
    if fraction:
        return None  # a fraction of a second: refused by the caller
    parts["seconds"] += seconds
    if min(parts.values()) < 0 < max(parts.values()):
        return _netted(parts, duration)
    return parts


_EXACT_UNITS: Final = ("hours", "minutes", "seconds")
_MICROSECONDS_IN: Final = {
    "hours": 3_600_000_000,
    "minutes": 60_000_000,
    "seconds": 1_000_000,
}


def _exact_parts(
    duration: pendulum.Duration, signature: dict[str, Any]
) -> dict[str, int] | None:
    """
    The parts of *duration*, built with whole calendar parts and an exact
    part that is not whole (``hours=48.5``): pendulum adds those as elapsed
    time, so they are summed, to the microsecond, into hours, minutes and
    seconds (``PT48H30M``), not normalised into a calendar day as the
    ``Duration``'s attributes are; a negative part is netted (or refused) by
    :func:`_netted`.  ``None`` for a calendar part that is not whole (the
    caller then reads the normalised attributes), or a sum that leaves a
    fraction of a second (refused by the caller).
    """
    parts: dict[str, int] = {}
    for name in ("years", "months", "weeks", "days"):
        value = _whole(signature.get(name, 0))
        if value is None:
            return None
        parts[name] = value
    given = {name: signature.get(name, 0) for name in (*_EXACT_UNITS, "microseconds")}
    if not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in given.values()
    ):
        return None
    total = round(
        sum(given[name] * _MICROSECONDS_IN[name] for name in _EXACT_UNITS)
        + given["microseconds"]
    )
    seconds, fraction = divmod(total, _MICROSECONDS_PER_SECOND)
    if fraction:
        return None
    if seconds < 0 or min(parts.values()) < 0:
        exact = {"hours": 0, "minutes": 0, "seconds": seconds}
        return _netted({**parts, **exact}, duration)
    parts["hours"], rest = divmod(seconds, 3600)
    parts["minutes"], parts["seconds"] = divmod(rest, 60)
    return parts


_SECONDS_PER_DAY: Final = 86_400


def _netted(parts: dict[str, int], duration: pendulum.Duration) -> dict[str, int]:
    """
    Whole *parts* of *duration* of both signs (``days=2, hours=-1``) as the
    parts of a period, which are never negative (the rule is
    :meth:`Period.from_duration`'s).  Each kind nets exactly: years with
    months (added in one step), weeks with days, hours with minutes and
    seconds (elapsed time).  Calendar days and elapsed time do not (a day on
    the wall clock is 23 or 25 hours across a clock change): where they have
    opposite signs the fewest whole days are read as 24 elapsed hours each,
    never the other way.  A kind with no part netted keeps its parts as
    given.  Raises :class:`~negotiation_records.ValidationError` at ``$`` for
    months against days or time of the other sign, and for a negative total.
    """
    months = 12 * parts["years"] + parts["months"]
    days = 7 * parts["weeks"] + parts["days"]
    given = 3600 * parts["hours"] + 60 * parts["minutes"] + parts["seconds"]
    total = days * _SECONDS_PER_DAY + given
    if months * total < 0:
        must = (
            "a period's months and its days or time must not have opposite signs "
            "(a month has no fixed number of days to net them by)"
        )
        raise ValidationError([("$", f"{must}, got {_shown(duration)}")])
    if months < 0 or total < 0:
        raise ValidationError(
            [("$", f"a period must not be negative, got {_shown(duration)}")]
        )
    netted = dict(parts)
    if min(parts["years"], parts["months"]) < 0:
        netted.update(years=0, months=months)
    elapsed = given
    if given < 0:  # the fewest whole days, as 24 elapsed hours each
        days, elapsed = divmod(total, _SECONDS_PER_DAY)
    elif days < 0:  # the days taken out of the elapsed time
        days, elapsed = 0, total
    if (
        days != 7 * parts["weeks"] + parts["days"]
        or min(parts["weeks"], parts["days"]) < 0
    ):
        netted.update(weeks=0, days=days)
    if elapsed != given or min(parts["hours"], parts["minutes"], parts["seconds"]) < 0:
        hours, rest = divmod(elapsed, 3600)
        minutes, seconds = divmod(rest, 60)
        netted.update(hours=hours, minutes=minutes, seconds=seconds)
    return netted


_new: Final = object.__new__


def _quick_period(parts: Iterable[int]) -> Period | None:
    """
    The :class:`Period` of these seven *parts* (read from ``_PERIOD``'s digits, so
    whole and not negative), built without its ``__init__``, whose checks
    they pass, or None when one is over its limit (``parse`` then says
    which).  Built in a subclass whose slots are set as plain attributes,
    then given its class (one layout), as the compiled loaders build records.
    """
    years, months, weeks, days, hours, minutes, seconds = values = tuple(parts)
    if any(map(int.__gt__, values, _LIMITS_IN_ORDER)):
        return None
    period: Any = _new(_PeriodBuilder)
    period.years = years
    period.months = months
    period.weeks = weeks
    period.days = days
    period.hours = hours
    period.minutes = minutes
    period.seconds = seconds
    period.__class__ = Period
    return period  # type: ignore[no-any-return]


def _shown(duration: pendulum.Duration) -> str:
    """
    *duration* as pendulum shows it, normalised, and the parts it was built
    with where they differ: ``Duration(hours=-1) (built with days=-1,
    hours=23)``.
    """
    shown = short_repr(duration)
    signature = getattr(duration, "_signature", {})
    built = ", ".join(f"{name}={value}" for name, value in signature.items() if value)
    return shown if shown == f"Duration({built})" else f"{shown} (built with {built})"


@refuse_changes
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Period(ValueMethods):
    """
    An ISO 8601 duration kept as its parts: years, months, weeks, days, hours,
    minutes and seconds (whole, non-negative numbers).

    Unlike :class:`pendulum.Duration`, a ``Period`` never turns a month into 30 days:
    ``P1M`` and ``P30D`` are different values (a month from 31 January is the end of
    February, 30 days from it is 2 March).  Calendar parts (years, months, weeks,
    days) move the wall clock; exact parts (hours, minutes, seconds) are elapsed
    time — see :doc:`/deadlines`.

    Attributes:
        years: Calendar years.
        months: Calendar months.
        weeks: Calendar weeks (seven calendar days).
        days: Calendar days.
        hours: Elapsed hours.
        minutes: Elapsed minutes.
        seconds: Elapsed seconds.

    Example:
        >>> Period.parse("P1Y2M10DT2H30M")
        Period(years=1, months=2, weeks=0, days=10, hours=2, minutes=30, seconds=0)
        >>> str(Period(days=50)), Period.parse("P1M") == Period.parse("P30D")
        ('P50D', False)
    """

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0
    hours: int = 0
    minutes: int = 0
    seconds: int = 0

    def __new__(cls, *args: object, **parts: object) -> Self:
        # Period("P50D") would fail in attrs' __init__ with "takes 1 positional
        # argument but 2 were given", which names neither remedy.
        if args:
            given = ", ".join(short_repr(arg) for arg in args)
            raise TypeError(
                f"Period takes its parts as keywords, not {given}: Period(days=50);"
                " read ISO 8601 text with Period.parse('P50D')"
            )
        return super().__new__(cls)

    def __attrs_post_init__(self) -> None:
        problems: Problems = []
        for name in _PERIOD_UNITS:
            value = getattr(self, name)
            if value.__class__ is not int:  # an IntEnum member, a numpy.int64
                value = plain_int(value)
                object.__setattr__(self, name, value)
            if not isinstance(value, int) or isinstance(value, bool):
                problems.append(
                    (
                        name,
                        f"must be a whole number, got {described(value)}",
                    )
                )
            elif value < 0:
                problems.append(
                    (name, f"must not be negative, got {short_repr(value)}")
                )
            elif value > _PERIOD_LIMITS[name]:
                problems.append(
                    (
                        name,
                        f"is too large ({short_repr(value)} > {_PERIOD_LIMITS[name]})",
                    )
                )
        if problems:
            raise ValidationError(problems)

    @classmethod
    def parse(cls, text: str) -> Period:
        """
        Read an ISO 8601 duration such as ``P50D``, ``PT48H`` or ``P1Y2M10DT2H30M``.

        Weeks may be combined with other parts (``P1W3D``, as ISO 8601-2 allows).
        Negative, fractional and empty durations are refused.

        Example:
            >>> Period.parse("PT48H").hours
            48
            >>> Period.parse("P1.5D")
            Traceback (most recent call last):
            ...
            negotiation_records.errors.ValidationError: $: 'P1.5D' is not an ISO 8601 duration of whole non-negative parts (like P50D, PT48H, P3M or P1Y2M10DT2H30M)
        """
        if cls is Period and text.__class__ is str and len(text) <= 64:
            match = _PERIOD.fullmatch(text)
            if match is not None:
                quick = _quick_period(map(int, match.groups("0")))
                if quick is not None:
                    return quick
        if not isinstance(text, str):
            raise ValidationError(
                [
                    (
                        "$",
                        f"must be an ISO 8601 duration as text, got {described(text)}",
                    )
                ]
            )
        match = _PERIOD.fullmatch(text) if len(text) <= 64 else None
        if match is None:
            raise ValidationError(
                [
                    (
                        "$",
                        f"{short_repr(text)} is not an ISO 8601 duration of whole "
                        "non-negative parts (like P50D, PT48H, P3M or P1Y2M10DT2H30M)",
                    )
                ]
            )
        parts = {
            name: int(group)
            for name, group in zip(_PERIOD_UNITS, match.groups(), strict=True)
            if group is not None
        }
        try:
            return cls(**parts)
        except ValidationError as exc:
            raise ValidationError(
                (path, f"{message} in {short_repr(text)}")
                for path, message in exc.errors
            ) from None

    @classmethod
    def from_duration(cls, duration: _dt.timedelta) -> Period:
        """
        Take the parts of a :class:`pendulum.Duration` (or a ``timedelta``).

        A ``pendulum.Duration`` gives the parts it was built with, as pendulum's own
        arithmetic uses them: ``pendulum.duration(hours=48)`` is 48 elapsed hours,
        not two calendar days, although the ``Duration`` normalises it to
        ``days=2``.  A duration made by pendulum's ``+``, ``-``, ``*``, ``/`` or
        ``//`` keeps the parts pendulum records for it, whole-valued floats read as
        the integers they are: ``duration(hours=36) + duration(hours=12)`` is
        172,800 elapsed seconds (pendulum keeps ``seconds=172800.0``), as
        pendulum's own ``+`` adds it.  Exact parts that are not whole are summed
        into the elapsed time they make, as pendulum adds them:
        ``duration(hours=48.5)`` is ``PT48H30M``, not two days and 30 minutes (the
        normalised ``Duration``); a calendar part that is not whole
        (``duration(days=1.5)``) is read by the normalised parts.

        Parts of both signs are netted, kind by kind: years with months
        (``years=1, months=-1`` is ``P11M``), weeks with days (``weeks=1,
        days=-1`` is ``P6D``), and hours, minutes and seconds as elapsed time
        (``hours=2, minutes=-30`` is ``PT1H30M``).  Where calendar days and
        elapsed time have opposite signs, the fewest whole days are read as 24
        elapsed hours each, as the ``Duration`` normalises itself: ``days=2,
        hours=-1`` is ``P1DT23H`` (its ``days`` and ``hours``, and what
        ``timedelta(days=2, hours=-1)`` gives), ``days=-1, hours=48`` is
        ``PT24H``.  Elapsed time is never read as calendar days.  (The day so
        read is the last: across a clock change on it, ``P1DT23H`` falls an
        hour off two wall-clock days less an hour.)  A month has no fixed
        number of days, so months against days or time of the other sign
        (``months=1, days=-1``) are refused.

        A plain ``timedelta`` gives whole days (calendar days) and the
        remaining hours, minutes and seconds.  A :class:`pendulum.Interval`
        (``b - a``) gives the years, months and days pendulum finds between its
        ends, as pendulum's own ``+`` adds them, then the elapsed time from
        there to its end: counted from its start, it reaches its end, across a
        clock change too.  Negative durations, intervals that end before they
        start and fractions of a second are refused.

        Example:
            >>> Period.from_duration(pendulum.duration(months=3, days=2))
            Period(years=0, months=3, weeks=0, days=2, hours=0, minutes=0, seconds=0)
            >>> Period.from_duration(pendulum.duration(hours=48)).hours
            48
            >>> Period.from_duration(pendulum.duration(hours=36) + pendulum.duration(hours=12))
            Period(years=0, months=0, weeks=0, days=0, hours=0, minutes=0, seconds=172800)
            >>> str(Period.from_duration(pendulum.duration(days=2, hours=-1)))
            'P1DT23H'
            >>> ny = pendulum.datetime(2025, 3, 8, 12, tz="America/New_York")
            >>> str(Period.from_duration(ny.add(days=2) - ny))   # 47 hours elapsed
            'P2D'
        """
        if isinstance(duration, pendulum.Interval):
            # It knows its ends, and the deadline arithmetic reads them.
            from negotiation_records._interval_period import (  # noqa: PLC0415 - it imports this
                interval_period,
            )

            return interval_period(duration)
        if isinstance(duration, pendulum.Duration):
            built = _duration_signature(duration)
            if built is not None:
                return cls(**built)
            parts = {
                "years": duration.years,
                "months": duration.months,
                "days": duration.weeks * 7 + duration.remaining_days,
                "hours": duration.hours,
                "minutes": duration.minutes,
                "seconds": duration.remaining_seconds,
            }
        elif isinstance(duration, _dt.timedelta):
            if duration < _dt.timedelta(0):
                raise ValidationError(
                    [("$", f"a period must not be negative, got {duration}")]
                )
            hours, rest = divmod(duration.seconds, 3600)
            minutes, seconds = divmod(rest, 60)
            parts = {
                "days": duration.days,
                "hours": hours,
                "minutes": minutes,
                "seconds": seconds,
            }
        else:
            unit = ""  # Deadline.after(day, 50): a count, but of what?
            if isinstance(duration, int) and not isinstance(duration, bool):
                n = int(duration)
                unit = (
                    f" (a number has no unit: give days={n} or another part, or ISO"
                    f" text, 'P{n}D')"
                    if n >= 0
                    else " (a number has no unit, and a period is not negative:"
                    f" count back with Deadline.before(anchor, days={-n}))"
                )
            elif isinstance(duration, float):
                unit = (
                    " (a number has no unit, and a period's parts are whole numbers:"
                    " give each part, days=... or another, or ISO text, as 'P1D')"
                )
            raise ValidationError(
                [("$", f"must be a duration, got {described(duration)}{unit}")]
            )
        if duration.microseconds:
            raise ValidationError(
                [("$", "fractions of a second are not supported in a period")]
            )
        return cls(**parts)

    @classmethod
    def coerce(cls, value: Period | _dt.timedelta | str) -> Period:
        """
        A ``Period`` from a ``Period``, a ``pendulum.Duration``/``timedelta`` or ISO text.

        Example:
            >>> Period.coerce("P50D") == Period.coerce(pendulum.duration(days=50))
            True
        """
        if isinstance(value, Period):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        return cls.from_duration(value)

    @property
    def is_zero(self) -> bool:
        """Whether every part is zero."""
        return not any(getattr(self, name) for name in _PERIOD_UNITS)

    @property
    def calendar_part(self) -> Period:
        """The years, months, weeks and days alone."""
        return Period(
            years=self.years, months=self.months, weeks=self.weeks, days=self.days
        )

    @property
    def exact_part(self) -> Period:
        """The hours, minutes and seconds alone."""
        return Period(hours=self.hours, minutes=self.minutes, seconds=self.seconds)

    @property
    def has_exact_part(self) -> bool:
        """Whether the period has hours, minutes or seconds."""
        return bool(self.hours or self.minutes or self.seconds)

    def to_duration(self) -> pendulum.Duration:
        """
        The equivalent :class:`pendulum.Duration` (for arithmetic only).

        Example:
            >>> Period(months=1).to_duration().months
            1
        """
        return pendulum.duration(
            years=self.years,
            months=self.months,
            weeks=self.weeks,
            days=self.days,
            hours=self.hours,
            minutes=self.minutes,
            seconds=self.seconds,
        )

    def isoformat(self) -> str:
        """
        The ISO 8601 text: ``P50D``, ``PT48H``, ``P1Y2M10DT2H30M``; zero is ``PT0S``.

        Example:
            >>> Period(weeks=2).isoformat(), Period().isoformat()
            ('P2W', 'PT0S')
        """
        # Unit by unit, without generators: records write their periods.
        text = "P"
        if self.years:
            text += f"{self.years}Y"
        if self.months:
            text += f"{self.months}M"
        if self.weeks:
            text += f"{self.weeks}W"
        if self.days:
            text += f"{self.days}D"
        if self.hours or self.minutes or self.seconds:
            text += "T"
            if self.hours:
                text += f"{self.hours}H"
            if self.minutes:
                text += f"{self.minutes}M"
            if self.seconds:
                text += f"{self.seconds}S"
        return "PT0S" if text == "P" else text

    def __str__(self) -> str:
        return self.isoformat()

    def __add__(self, other: object) -> Period:
        if not isinstance(other, Period):
            return NotImplemented
        return Period(
            **{
                name: getattr(self, name) + getattr(other, name)
                for name in _PERIOD_UNITS
            }
        )

    def describe(self) -> str:
        """
        The period in words: ``"50 days"``, ``"1 month 2 weeks"``, ``"48 hours"``.

        Example:
            >>> Period.parse("P1Y2M10DT2H30M").describe()
            '1 year 2 months 10 days 2 hours 30 minutes'
        """
        words = [
            f"{value} {name[:-1] if value == 1 else name}"
            for name in _PERIOD_UNITS
            if (value := getattr(self, name))
        ]
        return " ".join(words) or "0 seconds"


# --- a period given as an argument ------------------------------------------------


#: A Period's layout with plain attribute stores, for :func:`_quick_period`
#: (no ``__init_subclass__`` or metaclass runs: ``Period``'s is ``type``).
_PeriodBuilder: Final = type(
    "Period",
    (Period,),
    {
        "__slots__": (),
        "__module__": __name__,
        "__qualname__": "Period.<builder>",
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
    },
)


def _as_period(value: Period | _dt.timedelta | str) -> Period:
    """
    A :class:`Period` from a period, a duration or ISO text.

    A :class:`pendulum.Duration` counts the parts it was built with, as pendulum's
    own arithmetic does (:meth:`Period.from_duration`).
    """
    return Period.coerce(value)


#: What a keyword that names no part of a period but a rule of its own adds.
_COUNTED_APART: Final = {
    "business_days": (
        "; business days are counted forward, by Deadline.after_business_days"
    ),
}


def period_from(
    period: Period | _dt.timedelta | str | None, parts: Mapping[str, object]
) -> Period:
    """
    The period of :meth:`Deadline.after <negotiation_records.Deadline.after>`
    or :meth:`~negotiation_records.Deadline.before`: *period*,
    or the keyword *parts*; every problem at once (both given, each unknown
    part at its name, and the problems of what was given), at ``period``.
    """
    problems: list[tuple[str, str]] = []
    if period is not None and parts:
        problems.append(("period", "give a period or keyword parts, not both"))
    problems += [
        (
            f"period.{name}",
            f"unknown period part {short_repr(name)} (use years, months, weeks, days, "
            f"hours, minutes or seconds{_COUNTED_APART.get(name, '')})",
        )
        for name in parts
        if name not in _PERIOD_UNITS
    ]
    known: dict[str, Any] = {
        name: value for name, value in parts.items() if name in _PERIOD_UNITS
    }
    readings: list[Callable[[], Period]] = []
    if period is not None:
        readings.append(lambda: _as_period(period))
    if known or period is None:
        readings.append(lambda: Period(**known))
    resolved = None
    for read in readings:
        try:
            resolved = read()
        except ValidationError as exc:
            problems += exc.prefixed("period").errors
    if problems:
        raise ValidationError(problems)
    assert resolved is not None  # noqa: S101 - no problem: it was read
    return resolved
