"""
Deadlines: when something falls due, how long is left, and how it was revised.

A :class:`Deadline` keeps its *rule* — an absolute moment, an anchor plus (or
minus) a :class:`~negotiation_records.Period`, a day counted from a start, or an
anchor plus a number of business days — together with the resolved ``due``
moment.  Build one with :meth:`Deadline.on`, :meth:`Deadline.after`,
:meth:`Deadline.before`, :meth:`Deadline.on_day` or
:meth:`Deadline.after_business_days`.

The rules, each with a worked example:

**Calendar parts move the wall clock, exact parts are elapsed time.**  Years,
months, weeks and days move the wall clock in the anchor's zone; hours, minutes
and seconds are elapsed time, added after the calendar parts.  The United States
moved its clocks forward on 9 March 2025, so 48 hours from noon on 8 March in New
York is 13:00 on 10 March, while two days is 12:00:

    >>> noon = pendulum.datetime(2025, 3, 8, 12, tz="America/New_York")
    >>> Deadline.after(noon, "PT48H").due
    DateTime(2025, 3, 10, 13, 0, 0, tzinfo=Timezone('America/New_York'))
    >>> Deadline.after(noon, days=2).due
    DateTime(2025, 3, 10, 12, 0, 0, tzinfo=Timezone('America/New_York'))

**Months clamp to the end of the month, and are counted from the anchor.**
Years and months are added first (a day that the target month lacks becomes its
last day), then weeks and days.  A period is always added to the anchor in one
step, never month by month:

    >>> Deadline.after(pendulum.date(2025, 1, 31), "P1M").due
    Date(2025, 2, 28)
    >>> Deadline.after(pendulum.date(2024, 1, 31), "P1M").due   # leap year
    Date(2024, 2, 29)
    >>> Deadline.after(pendulum.date(2024, 1, 31), "P2M").due   # not 29 March
    Date(2024, 3, 31)

**A date-precision deadline lasts to the end of its day, in its zone.**  It is
still open at 23:59:59.999999 and has passed from the first instant of the next
day (the *exclusive* next midnight, :attr:`Deadline.cutoff`), read in the zone
the deadline names (``tz``; UTC when it names none):

    >>> kyiv = Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv")
    >>> kyiv.cutoff
    DateTime(2025, 9, 3, 0, 0, 0, tzinfo=Timezone('Europe/Kyiv'))
    >>> kyiv.is_past(at=pendulum.datetime(2025, 9, 2, 20, 59, 59, tz="UTC"))
    False
    >>> kyiv.is_past(at=pendulum.datetime(2025, 9, 2, 21, tz="UTC"))
    True

Where a clock change skips midnight the day starts at the first instant that
exists (Havana moved from 00:00 to 01:00 on 10 March 2024); where midnight
happens twice the first of the two ends the day.

**Wall times that do not exist, or exist twice.**  When calendar arithmetic
lands on a wall time skipped by a clock change, the time moves forward by the
length of the gap (02:30 on 9 March 2025 in New York becomes 03:30); when it
lands on a wall time that happens twice, the earlier one is taken.  This is the
"compatible" rule of RFC 9557 and JavaScript's Temporal.

**Refused**, each as a :class:`~negotiation_records.ValidationError` naming the
field: a zero or negative period, an ISO duration that does not parse, an
unknown zone name, a naive datetime (the library never guesses a zone), and
hours, minutes or seconds counted from a date (they need a time of day):

    >>> Deadline.after(pendulum.date(2025, 7, 14), days=-50)
    Traceback (most recent call last):
    ...
    negotiation_records.errors.ValidationError: period.days: must not be negative, got -50

**Periods from durations.**  A :class:`pendulum.Duration` counts the parts it was
built with, as pendulum's own ``+`` does: ``pendulum.duration(hours=48)`` is 48
elapsed hours, ``pendulum.duration(days=2)`` two calendar days, and
``duration(hours=36) + duration(hours=12)`` 172,800 elapsed seconds (what
pendulum records after ``+`` or ``*``); parts of both signs are netted
(``duration(days=2, hours=-1)`` is ``P1DT23H``): see :meth:`Period.from_duration
<negotiation_records.Period.from_duration>`.  A plain :class:`datetime.timedelta`
only knows days and seconds: its days are calendar days, the rest elapsed time.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection, Container, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Unpack

import pendulum

from negotiation_records._civil_day import ends_everywhere
from negotiation_records._counted_days import CountedDays, put_in_order, stray_days
from negotiation_records._counted_period import counted_period
from negotiation_records._deadline_arithmetic import (
    MAX_BUSINESS_DAYS,
    anchor_day,
    holiday_problems,
    lands_on,
    resolve_after,
    resolve_business_days,
    resolve_day,
    skipped_days,
    start_of_day,
)
from negotiation_records._deadline_arithmetic import in_zone as _in_zone
from negotiation_records._record import Record, argument_problems, frozen_record
from negotiation_records._unread import read_failure
from negotiation_records._weekends import DEFAULT_WEEKEND, weekend_for
from negotiation_records.errors import ValidationError, join_path
from negotiation_records.fields import (
    SOURCE_IDS,
    Bool,
    DateKind,
    Int,
    Maybe,
    MomentKind,
    Nested,
    PeriodKind,
    Problems,
    Slug,
    Text,
    Weekdays,
    ZoneName,
    field,
)
from negotiation_records.timeutil import (
    DateInput,
    Moment,
    MomentInput,
    PartialDate,
    Period,
    PeriodParts,
    check_moment,
    from_stdlib,
    is_before,
    moment_argument,
    moment_eq_key,
    moment_text,
    since_epoch,
    to_moment,
    zone,
)


__all__ = ["DEFAULT_WEEKEND", "Deadline", "DeadlineRevision", "weekend_for"]

_MAX_DAY = (_dt.date.max - _dt.date.min).days + 1  # every day of the calendar
_LAST_DAY = _dt.date.max
_UTC = pendulum.UTC

Zone = pendulum.Timezone | pendulum.FixedTimezone


# --- checks -------------------------------------------------------------------


#: The kinds of the fields, where the constructors check their arguments too.
_DUE = MomentKind(partial=False)
_ANCHOR = MomentKind(
    partial=False, refusal="must be a date or a datetime to count from, not {value}"
)
_PERIOD = PeriodKind()
_ZONE = ZoneName()
_BUSINESS_DAYS = Int(min=1, max=MAX_BUSINESS_DAYS)
_DAY = Int(min=1, max=_MAX_DAY)
_WEEKEND = Weekdays()


def _prefixed(problems: Iterable[tuple[str, str]], prefix: str) -> Problems:
    return [(join_path(prefix, path), message) for path, message in problems]


# --- zones and weekends (the arithmetic is in negotiation_records._deadline_arithmetic)


def _zone_name_of(moment: Moment) -> str | None:
    """The IANA name of a datetime's zone (``None``: a date, or a fixed offset)."""
    tz = getattr(moment, "tzinfo", None)
    if isinstance(tz, pendulum.Timezone) and not isinstance(tz, pendulum.FixedTimezone):
        name = tz.name
        if not _ZONE.problems(name):
            return name
    return None


def _relative_arguments(
    anchor: _dt.date,
    period: Period | _dt.timedelta | str | None,
    parts: Mapping[str, object],
    tz: str | None,
) -> tuple[pendulum.Date, Period]:
    """
    The anchor and the period of :meth:`Deadline.after` or
    :meth:`Deadline.before`, checked together: one
    :class:`~negotiation_records.ValidationError` with every problem of the
    anchor, the period and *tz*.
    """
    start = to_moment(anchor)
    problems = _prefixed(_ANCHOR.problems(start), "anchor")
    resolved = None
    try:
        resolved = counted_period(period, parts)
    except ValidationError as exc:
        problems += exc.errors
    if tz is not None:
        problems += argument_problems(Deadline, "tz", tz)[1]
    if problems:
        raise ValidationError(problems) from read_failure([start])
    assert resolved is not None  # noqa: S101 - no problem: the period was read
    return _exact(start), resolved


def _exact(moment: Moment) -> pendulum.Date:
    """*moment*, which the kinds have found to be a date or a datetime, as one."""
    assert not isinstance(moment, PartialDate)  # noqa: S101 - refused before
    return moment


def _zone_for(tz: str | None, path: str = "tz") -> Zone:
    if tz is None:
        return _UTC
    tz = _ZONE.convert_late(tz)  # a str subclass: its characters
    problems = _ZONE.problems(tz)
    if problems:
        raise ValidationError(_prefixed(problems, path))
    return zone(tz)


# --- the value ------------------------------------------------------------------


class _KeepsCutoff:
    """
    Mixin of :class:`Deadline`: one slot, outside the attrs fields, for its
    :attr:`~Deadline.cutoff` once worked out (a date's takes a time-zone
    lookup, and the queries ask each deadline for it several times).  Like a
    negotiation's lookup index, it takes no part in equality, hashing,
    ``repr``, pickling or the serialized form, and a deadline made by
    ``attrs.evolve`` starts without it.
    """

    __slots__ = ("_cutoff",)

    _cutoff: pendulum.DateTime


@frozen_record(kw_only=True, order=False, init=False)
class Deadline(Record, _KeepsCutoff):
    """
    When something falls due, with the rule that put it there.

    Build one with :meth:`on`, :meth:`after`, :meth:`before`, :meth:`on_day` or
    :meth:`after_business_days`; the constructor itself is for loading, and checks that ``due`` follows from the
    rule.  Deadlines compare by the instant they pass (:attr:`cutoff`), across
    zones; ``==`` compares the whole value (rule included), so two deadlines with
    the same cutoff may be neither ``<`` nor ``==`` each other.

    Attributes:
        due: The moment it falls due: a date (lasting to the end of that day in
            ``tz``) or a zone-aware datetime.
        tz: For a date ``due``, the IANA zone whose end of day is the limit
            (``None`` means UTC).  A datetime carries its own zone.
        anchor: What a relative deadline counts from.
        period: For :meth:`after`, the period added to ``anchor``.
        business_days: For :meth:`after_business_days`, how many business days.
        holidays: For :meth:`after_business_days`, the weekday holidays that were
            skipped (kept so that the rule can be checked without a calendar),
            earliest first whatever order they are given or written in.
        weekend: For :meth:`after_business_days`, the weekday numbers that are
            not business days (Monday 0; Saturday and Sunday by default).
        workdays: For :meth:`after_business_days`, the weekend days that were
            worked and counted (a calendar's make-up working days), earliest
            first; written only when there are some.
        counts_back: For :meth:`before`, true: the period is counted back
            from ``anchor`` ("24 hours before the ceasefire").
        day: For :meth:`on_day`, the number of the day, counted inclusively
            from ``anchor``'s day (day 1): "by day 16".

    Example:
        >>> deadline = Deadline.after(pendulum.date(2025, 7, 14), days=50)
        >>> deadline.due
        Date(2025, 9, 2)
        >>> deadline.describe(at=pendulum.datetime(2025, 8, 12, tz="UTC"))
        'due in 3 weeks'
        >>> sorted([deadline, Deadline.on(pendulum.date(2025, 8, 8))])[0].due
        Date(2025, 8, 8)
    """

    due: pendulum.DateTime | pendulum.Date = field(_DUE)
    tz: str | None = field(Maybe(_ZONE), default=None)
    anchor: pendulum.DateTime | pendulum.Date | None = field(
        Maybe(_ANCHOR), default=None
    )
    period: Period | None = field(Maybe(_PERIOD), default=None)
    business_days: int | None = field(Maybe(_BUSINESS_DAYS), default=None)
    holidays: tuple[pendulum.Date, ...] = field(
        CountedDays(DateKind(), unique="holiday"), default=()
    )
    weekend: frozenset[int] = field(_WEEKEND, default=DEFAULT_WEEKEND)
    counts_back: bool = field(Bool(), default=False, since=2)
    day: int | None = field(Maybe(_DAY), default=None, since=2)
    workdays: tuple[pendulum.Date, ...] = field(
        CountedDays(DateKind(), unique="workday"), default=(), since=2, omit_empty=True
    )

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            due: _dt.date,
            tz: str | None = ...,
            anchor: _dt.date | None = ...,
            period: Period | None = ...,
            business_days: int | None = ...,
            holidays: Iterable[DateInput] = ...,
            weekend: Collection[int] = ...,
            counts_back: bool = ...,
            day: int | None = ...,
            workdays: Iterable[DateInput] = ...,
        ) -> None: ...

    # --- constructors ---------------------------------------------------------

    @classmethod
    def on(cls, moment: Moment | _dt.date, *, tz: str | None = None) -> Deadline:
        """
        A deadline at an absolute moment.

        A date means the end of that day in *tz* (UTC if not given); a month or a
        year means the end of its last day.  A datetime keeps its zone, or is
        shown in *tz* when given (the instant does not change).

        Example:
            >>> Deadline.on(pendulum.date(2019, 3, 29), tz="Europe/London").cutoff
            DateTime(2019, 3, 30, 0, 0, 0, tzinfo=Timezone('Europe/London'))
            >>> utc = pendulum.datetime(2025, 9, 27, 20, tz="America/New_York")
            >>> Deadline.on(utc, tz="UTC").due
            DateTime(2025, 9, 28, 0, 0, 0, tzinfo=Timezone('UTC'))
        """
        due = to_moment(moment)
        if isinstance(due, PartialDate):
            due = due.end
        else:  # what it takes, a month or a year too, named where it is refused
            problems = _prefixed(check_moment(due), "due")
            if problems:
                if tz is not None:
                    problems += argument_problems(Deadline, "tz", tz)[1]
                raise ValidationError(problems)
        if tz is not None and isinstance(due, pendulum.DateTime):
            shown_in = _zone_for(tz)
            try:
                due = _in_zone(due, shown_in)
            except OverflowError:  # past 9999-12-31 or before 0001-01-01 there
                outside = f"{moment_text(due)} is outside the calendar in {tz}"
                raise ValidationError([("tz", outside)]) from None
            tz = None
        return cls(due=due, tz=tz)

    @classmethod
    def after(
        cls,
        anchor: _dt.date,
        period: Period | _dt.timedelta | str | None = None,
        *,
        tz: str | None = None,
        **parts: Unpack[PeriodParts],
    ) -> Deadline:
        """
        A deadline a period after *anchor*.

        *period* is a :class:`~negotiation_records.Period`, a
        :class:`pendulum.Duration` (or ``timedelta``), an ISO 8601 duration such
        as ``"P50D"``, ``"PT48H"``, ``"P3M"`` or ``"P1Y2M10DT2H30M"``; or give
        keyword parts instead (``days=50``).  From a date only calendar parts make
        sense: ``PT48H`` needs a datetime anchor.  *tz* names the zone whose end
        of day closes a date deadline.  A plain ``timedelta`` keeps only days
        and seconds, so ``timedelta(hours=48)`` is two calendar days, which
        move the wall clock; give ``"PT48H"`` or ``hours=48`` for elapsed time.

        Example:
            >>> ny = pendulum.datetime(2025, 3, 8, 12, tz="America/New_York")
            >>> Deadline.after(ny, pendulum.duration(hours=48)).due   # across the DST change
            DateTime(2025, 3, 10, 13, 0, 0, tzinfo=Timezone('America/New_York'))
            >>> Deadline.after(pendulum.date(2025, 7, 14), "P50D").due
            Date(2025, 9, 2)
            >>> Deadline.after(pendulum.date(2025, 7, 14), "P50")
            Traceback (most recent call last):
            ...
            negotiation_records.errors.ValidationError: period: 'P50' is not an ISO 8601 duration of whole non-negative parts (like P50D, PT48H, P3M or P1Y2M10DT2H30M)
        """
        start, resolved = _relative_arguments(anchor, period, parts, tz)
        due = resolve_after(start, resolved)
        return cls(due=_exact(due), anchor=start, period=resolved, tz=tz)

    @classmethod
    def before(
        cls,
        anchor: _dt.date,
        period: Period | _dt.timedelta | str | None = None,
        *,
        tz: str | None = None,
        **parts: Unpack[PeriodParts],
    ) -> Deadline:
        """
        A deadline a period *before* *anchor*: "24 hours before the ceasefire".

        The rule of :meth:`after`, counted back: years and months back first
        (a day that the target month lacks becomes its last day), then weeks and
        days, on the wall clock in the anchor's zone; then hours, minutes and
        seconds back as elapsed time.  The period itself is positive, as for
        :meth:`after`; that it counts back is kept in :attr:`counts_back`.

        Example:
            >>> start = pendulum.datetime(2025, 3, 9, 12, tz="America/New_York")
            >>> Deadline.before(start, "PT24H").due   # the clocks moved that night
            DateTime(2025, 3, 8, 11, 0, 0, tzinfo=Timezone('America/New_York'))
            >>> Deadline.before(start, days=1).due
            DateTime(2025, 3, 8, 12, 0, 0, tzinfo=Timezone('America/New_York'))
            >>> Deadline.before(pendulum.date(2025, 3, 31), "P1M").due
            Date(2025, 2, 28)
        """
        start, resolved = _relative_arguments(anchor, period, parts, tz)
        due = resolve_after(start, resolved, before=True)
        return cls(
            due=_exact(due), anchor=start, period=resolved, tz=tz, counts_back=True
        )

    @classmethod
    def on_day(
        cls,
        n: int,
        *,
        counting_from: _dt.date,
        tz: str | None = None,
    ) -> Deadline:
        """
        The end of day *n*, counting *counting_from*'s own day as day 1.

        "Talks on phase two by day 16" of a ceasefire that began on 19 January
        2025 fall due on 3 February: the count is inclusive, unlike
        :meth:`after` (``after(start, days=16)`` is 4 February).  The deadline is
        a day, lasting to its end in *tz*, and the days are those of *tz*: from
        a datetime, day 1 is its day there.  *tz* defaults to the datetime's zone
        (a datetime at a fixed offset has no zone name: give *tz*, a zone name
        such as ``"Etc/GMT-3"`` for +03:00; otherwise the days are UTC's).
        The number is kept in :attr:`day`.

        Example:
            >>> Deadline.on_day(16, counting_from=pendulum.date(2025, 1, 19)).due
            Date(2025, 2, 3)
            >>> start = pendulum.datetime(2025, 1, 19, 8, 30, tz="Asia/Jerusalem")
            >>> d = Deadline.on_day(16, counting_from=start)
            >>> d.due, d.tz
            (Date(2025, 2, 3), 'Asia/Jerusalem')
            >>> Deadline.on_day(16, counting_from=pendulum.date(2025, 1, 19)).describe_rule()
            'day 16 counting from 2025-01-19 (day 1)'
        """
        start, n = to_moment(counting_from), _DAY.convert(n)  # numpy.int64: an int
        problems = _prefixed(_DAY.problems(n), "day") + _prefixed(
            _ANCHOR.problems(start), "counting_from"
        )
        if tz is not None:
            problems += argument_problems(Deadline, "tz", tz)[1]
        if problems:
            raise ValidationError(problems) from read_failure([start])
        if tz is None:
            tz = _zone_name_of(start)
        due = resolve_day(start, n, tz)
        return cls(due=due, anchor=_exact(start), day=n, tz=tz)

    @classmethod
    def after_business_days(
        cls,
        anchor: _dt.date,
        n: int,
        *,
        holidays: Container[Any] = (),
        tz: str | None = None,
        weekend: Iterable[int] | None = None,
    ) -> Deadline:
        """
        A deadline *n* business days (Monday to Friday) after *anchor*.

        The anchor's own day is not counted: one business day after a Friday is
        the Monday.  *holidays* is any container of dates (a set, a list, or a
        calendar from the ``holidays`` package, which this library does not need);
        a datetime or a text among them is refused, since a lookup by date would
        never find it, as is a container whose lookup misses a date it lists (a
        pandas ``Series``).  The holidays actually skipped are kept in
        :attr:`holidays`.  From a datetime the deadline keeps its time of day (on
        the wall clock).  A day that the clocks of the deadline's zone (the
        datetime's, or *tz*) skipped is no business day: one business day after
        Thursday 29 December 2011 in ``Pacific/Apia`` is Monday 2 January 2012
        (Samoa went from the 29th to Saturday the 31st).  At most 100,000
        business days are counted.  A calendar that leaves no business day in
        366 days in a row (a whole year: no real calendar does, but one whose
        ``in`` always says yes, or whose ``is_working_day`` always says no,
        would be asked about every day to the year 9999) is refused at
        ``holidays`` as soon as it has; a set or a list of dates is counted to
        the end (the days after its last one count).

        *weekend* is the set of weekday numbers that are not business days
        (Monday is 0; the default is ``{5, 6}``, Saturday and Sunday); when it is
        not given, a ``holidays`` calendar's own ``weekend`` is used
        (``holidays.Israel()`` has ``{4, 5}``, Friday and Saturday).  See
        :func:`~negotiation_records.deadlines.weekend_for`.  The weekend is kept in :attr:`weekend`.

        A calendar that knows its own working days (one from the ``holidays``
        package: its ``is_working_day``) is then asked about each day, so that
        a weekend that changed over the years (the United Arab Emirates' in
        2022) and weekend days made working days (China's make-up days) count
        as the country counted them: :attr:`weekend` is the calendar's in the
        first week counted (the weekdays of the weekend days among the seven
        after *start*: across a change of weekend in that week, those of both,
        as the UAE's Friday 31 December 2021 and Sunday 2 January 2022 give
        ``{4, 5, 6}``), the days off outside it are kept in
        :attr:`holidays` and the weekend days worked in :attr:`workdays`.
        With *weekend* given, the calendar only lends its holidays.

        Example:
            >>> christmas = {pendulum.date(2025, 12, 25), pendulum.date(2025, 12, 26)}
            >>> deadline = Deadline.after_business_days(
            ...     pendulum.date(2025, 12, 19), 5, holidays=christmas
            ... )
            >>> deadline.due, deadline.holidays
            (Date(2025, 12, 30), (Date(2025, 12, 25), Date(2025, 12, 26)))
        """
        start, n = to_moment(anchor), _BUSINESS_DAYS.convert(n)  # numpy.int64: an int
        problems = _prefixed(_ANCHOR.problems(start), "anchor") + _prefixed(
            _BUSINESS_DAYS.problems(n), "business_days"
        )
        found, holiday_failure = holiday_problems(holidays)
        problems += found
        if tz is not None:
            problems += argument_problems(Deadline, "tz", tz)[1]
        failure: BaseException | None = read_failure([start]) or holiday_failure
        days_off = DEFAULT_WEEKEND
        try:
            days_off = weekend_for(holidays, weekend)
        except ValidationError as exc:
            problems += exc.errors
            failure = failure or exc.__cause__
        if problems:
            raise ValidationError(problems) from failure
        due, days_off, skipped, worked = resolve_business_days(
            start, n, holidays, days_off, own_rule=weekend is None, tz=tz
        )
        return cls(
            due=_exact(due),
            anchor=_exact(start),
            business_days=n,
            holidays=skipped,
            tz=tz,
            weekend=days_off,
            workdays=worked,
        )

    def extended(
        self,
        by: Period | _dt.timedelta | str | None = None,
        **parts: Unpack[PeriodParts],
    ) -> Deadline:
        """
        A new deadline *by* later, counted from this one's due moment.

        This is how a truce is extended "for another 90 days": the new period runs
        from the old expiry, in the same zone.  *by* (or the keyword parts) is
        read as :meth:`after` reads its period; a problem is reported at ``by``.

        Example:
            >>> truce = Deadline.after(
            ...     pendulum.datetime(2025, 5, 14, 0, 1, tz="America/New_York"), "P90D"
            ... )
            >>> truce.due
            DateTime(2025, 8, 12, 0, 1, 0, tzinfo=Timezone('America/New_York'))
            >>> truce.extended("P90D").due   # the clocks went back on 2 November
            DateTime(2025, 11, 10, 0, 1, 0, tzinfo=Timezone('America/New_York'))
        """
        try:
            return Deadline.after(self.due, by, tz=self.tz, **parts)
        except ValidationError as exc:  # the period is the argument by
            raise exc.renamed({"period": "by"}) from exc.__cause__

    # --- validation -----------------------------------------------------------

    def _problems(self) -> Iterable[tuple[str, str]]:
        problems: Problems = []
        holidays, workdays = self.holidays, self.workdays
        if holidays or workdays:  # checked as given (below), kept earliest first
            put_in_order(self, holidays=holidays, workdays=workdays)
        if self.tz is not None and isinstance(self.due, pendulum.DateTime):
            problems.append(
                ("tz", "is only for a date deadline; a datetime carries its own zone")
            )
        if self.period is not None and self.business_days is not None:
            problems.append(
                ("business_days", "give a period or business days, not both")
            )
            return problems
        if self.day is not None and (
            self.period is not None or self.business_days is not None
        ):
            problems.append(
                ("day", "give a day, a period or business days: only one of them")
            )
            return problems
        if self.counts_back and self.period is None:
            problems.append(
                ("counts_back", "only a period is counted back from an anchor")
            )
        if self.holidays and self.business_days is None:
            problems.append(("holidays", "only a business-day deadline skips holidays"))
        if self.weekend != DEFAULT_WEEKEND and self.business_days is None:
            problems.append(("weekend", "only a business-day deadline has a weekend"))
        if self.workdays and self.business_days is None:
            problems.append(("workdays", "only a business-day deadline works on them"))
        if self.anchor is None:
            if (
                self.period is not None
                or self.business_days is not None
                or self.day is not None
            ):
                problems.append(("anchor", "a relative deadline needs an anchor"))
            return problems
        weekend = self.weekend
        if self.period is not None and lands_on(  # the commonest: told at once
            self.anchor, self.period, self.counts_back, self.due
        ):
            return problems
        try:
            if self.period is not None:
                expected = resolve_after(self.anchor, self.period, self.counts_back)
            elif self.day is not None:
                expected = resolve_day(self.anchor, self.day, self.tz)
                if isinstance(self.due, pendulum.DateTime):
                    problems.append(
                        ("due", "a day count falls due on a date (the end of that day)")
                    )
                    return problems
            elif self.business_days is not None:  # too many: refused before counting
                expected, *_ = resolve_business_days(
                    self.anchor,
                    self.business_days,
                    frozenset(self.holidays),
                    weekend,
                    frozenset(self.workdays),
                    tz=self.tz,
                )
            else:
                problems.append(
                    ("anchor", "an anchor needs a period, business days or a day")
                )
                return problems
        except ValidationError as exc:
            return problems + list(exc.errors)
        if moment_eq_key(expected) != moment_eq_key(self.due):  # instant and zone
            if self.period is not None:
                sign = "-" if self.counts_back else "+"
                rule = f"{moment_text(self.anchor)} {sign} {self.period}"
            elif self.day is not None:
                rule = f"day {self.day} counting from {moment_text(self.anchor)}"
            else:
                days = "day" if self.business_days == 1 else "days"
                rule = (
                    f"{self.business_days} business {days} after "
                    f"{moment_text(self.anchor)}"
                )
            problems.append(
                (
                    "due",
                    f"{moment_text(self.due)} does not follow from the rule "
                    f"({rule} = {moment_text(expected)})",
                )
            )
        if self.business_days is not None:  # each day at its place as given
            first, last = anchor_day(self.anchor), anchor_day(expected)
            gone = skipped_days(self.anchor, self.tz)  # the days its zone skipped
            for path, listed in (("holidays", holidays), ("workdays", workdays)):
                problems += stray_days(path, listed, first, last, weekend, skipped=gone)
        return problems

    # --- questions ------------------------------------------------------------

    @property
    def zone(self) -> Zone:
        """
        The zone in which the deadline is read: the datetime's own, else ``tz``,
        else UTC.

        Example:
            >>> Deadline.on(pendulum.date(2025, 9, 2)).zone
            Timezone('UTC')
        """
        if isinstance(self.due, pendulum.DateTime):
            return self.due.tzinfo  # type: ignore[return-value]
        return _zone_for(self.tz)

    @property
    def cutoff(self) -> pendulum.DateTime:
        """
        The first instant at which the deadline has passed.

        For a datetime ``due`` it is ``due`` itself.  For a date it is the start of
        the next day in the deadline's :attr:`zone`: midnight (exclusive: the whole
        of the due day, to 23:59:59.999999, is still in time); where a clock change
        skips midnight, the first instant of the next day; where midnight happens
        twice, the first.  A deadline on the last day of the calendar
        (9999-12-31), whose next day cannot be written, passes at that day's
        last instant, 23:59:59.999999.

        Reckon with it rather than with :attr:`due`: a type checker reads
        ``due``'s ``DateTime | Date`` as ``Date`` (pendulum's ``DateTime`` is
        a ``Date``), so arithmetic on ``due`` goes unchecked, where
        ``cutoff`` is a ``DateTime`` (or narrow ``due`` with ``isinstance``).

        Example:
            >>> Deadline.on(pendulum.date(2025, 9, 2)).cutoff
            DateTime(2025, 9, 3, 0, 0, 0, tzinfo=Timezone('UTC'))
            >>> Deadline.on(pendulum.date(2024, 3, 9), tz="America/Havana").cutoff
            DateTime(2024, 3, 10, 1, 0, 0, tzinfo=Timezone('America/Havana'))
        """
        due = self.due
        if isinstance(due, pendulum.DateTime):
            return due
        try:
            return self._cutoff
        except AttributeError:
            pass
        assert isinstance(due, pendulum.Date)  # noqa: S101 - PartialDate refused on construction
        if due >= _LAST_DAY:
            # 10000-01-01 cannot be written: the last instant of the calendar.
            cutoff = from_stdlib(_dt.datetime.combine(due, _dt.time.max), self.zone)
        else:
            # The next day as a plain date: pendulum's own addition is several
            # times slower.
            cutoff = start_of_day(_dt.date.fromordinal(due.toordinal() + 1), self.zone)
        object.__setattr__(self, "_cutoff", cutoff)
        return cutoff

    def _cutoff_offset(self) -> _dt.timedelta:
        """:attr:`cutoff` as time since 1970-01-01 UTC (never overflows)."""
        return since_epoch(self.cutoff)

    def remaining(self, at: Moment | _dt.date | None = None) -> pendulum.Duration:
        """
        Elapsed time left until :attr:`cutoff`, negative once passed.

        The duration is built from seconds, so that it counts as elapsed time
        wherever it is given back: ``Deadline.after(at, d.remaining(at))``
        falls due at ``d``'s cutoff even across a clock change (built from
        days, 47 hours would read as a calendar day and 23 hours).

        *at* defaults to now (in UTC; the machine's local zone is never used).
        A date *at* means the start of that day in the deadline's zone, a month or
        a year the start of its first day.

        Example:
            >>> ny = pendulum.datetime(2025, 3, 8, 12, tz="America/New_York")
            >>> Deadline.after(ny, "PT48H").remaining(at=ny).in_hours()
            48
            >>> Deadline.after(ny, days=2).remaining(at=ny).in_hours()   # 23-hour Sunday
            47
        """
        delta = self._cutoff_offset() - since_epoch(self._instant(at))
        seconds = delta.days * 86400 + delta.seconds
        return pendulum.duration(seconds=seconds, microseconds=delta.microseconds)

    def is_past(self, at: Moment | _dt.date | None = None) -> bool:
        """
        Whether the deadline has passed at *at* (now by default).

        Exactly at :attr:`cutoff` it has passed; :meth:`remaining` is then zero.
        *at* is read as :meth:`remaining` reads it: a date is the start of that
        day in the deadline's zone (the deadline queries read it at the start
        of the day in UTC: give them and this method the same instant,
        :func:`~negotiation_records.as_of_instant`, to have them agree).

        Example:
            >>> d = Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv")
            >>> d.is_past(at=pendulum.date(2025, 9, 2)), d.is_past(at=pendulum.date(2025, 9, 3))
            (False, True)
        """
        return since_epoch(self._instant(at)) >= self._cutoff_offset()

    def had_passed_by(self, moment: Moment | _dt.date) -> bool:
        """
        Whether the deadline had passed by the end of *moment*: a datetime as
        it is, a date or a month at its end.  A record that says a deadline
        was missed (or an ultimatum expired) on a day is right when the
        deadline passed during that day.  Against a date deadline a day is
        read as a day (the 3rd is after the 2nd); against a datetime deadline
        it may be that day anywhere, and ends last at UTC-12
        (:func:`~negotiation_records.is_before`).  A plain
        ``datetime.date`` or aware ``datetime.datetime`` is converted; a naive
        datetime is refused.

        Example:
            >>> d = Deadline.on(pendulum.date(2025, 9, 2))
            >>> d.had_passed_by(pendulum.date(2025, 9, 2)), d.had_passed_by(pendulum.date(2025, 9, 1))
            (True, False)
        """
        given = moment_argument(moment, "moment")
        if isinstance(given, pendulum.DateTime):
            return self.is_past(given)
        last = given.end if isinstance(given, PartialDate) else given
        if last >= _LAST_DAY:
            # No day follows 9999-12-31: by its end (in the deadline's zone,
            # as for any other day) every deadline of the calendar has passed.
            return True
        if self.is_past(last.add(days=1)):
            return True
        # A datetime deadline: it may have passed by the end of the day
        # elsewhere, which ends last at UTC-12; at that very instant too, as
        # the deadline passes at its cut-off.
        if not isinstance(self.due, pendulum.DateTime):
            return False
        return since_epoch(self.cutoff) <= since_epoch(ends_everywhere(last))

    def falls_due_before(self, moment: Moment | _dt.date) -> bool:
        """
        Whether the deadline certainly falls due before *moment* (read as
        :meth:`is_past` reads *at*), as ultimatums, milestones and phases are
        checked.  A datetime *moment* and a deadline placed in time (a datetime,
        or a date in the zone it names) compare as instants (its :attr:`cutoff`);
        others by :func:`~negotiation_records.is_before` (a date with no zone
        may be that day anywhere: it must be over everywhere by a datetime).

        Example:
            >>> issued = pendulum.datetime(2025, 7, 15, 14, tz="Asia/Tokyo")  # 05:00 UTC
            >>> Deadline.on(pendulum.date(2025, 7, 14), tz="America/New_York").falls_due_before(issued)
            True
            >>> Deadline.on(pendulum.date(2025, 7, 14)).falls_due_before(issued)  # still the 14th in Honolulu
            False
        """
        kind, due = moment.__class__, self.due
        held = kind is pendulum.Date or kind is PartialDate  # as records hold them
        if not (
            held or (kind is pendulum.DateTime and getattr(moment, "tzinfo", None))
        ):
            moment = moment_argument(moment, "moment")
        if self.tz is None or due.__class__ is not pendulum.Date:
            return is_before(due, moment)
        if not isinstance(moment, pendulum.DateTime):
            return is_before(due, moment)
        gap = due.toordinal() - moment.toordinal()  # no zone is a day off UTC
        return gap < 0 if abs(gap) > 2 else self._cutoff_offset() < since_epoch(moment)

    def describe(self, at: Moment | _dt.date | None = None) -> str:
        """
        In words: ``"due in 3 weeks"``, ``"passed 2 days ago"``, ``"passed just now"``.

        Amounts are rounded down to the largest unit that fits at least twice
        (a month counts as 30 days, a year as 365): 13 days is ``"13 days"``,
        14 days ``"2 weeks"``; from one minute to just under two it is
        ``"1 minute"``; under a second it is ``"less than a second"``.
        ``"passed just now"`` is said exactly at the cutoff,
        the first instant at which the deadline has passed (:meth:`is_past`).
        *at* (now by default) is read as :meth:`remaining` reads it: a date is
        the start of that day in the deadline's zone, where the deadline
        queries read it in UTC (:func:`~negotiation_records.as_of_instant`).

        Example:
            >>> d = Deadline.on(pendulum.date(2025, 9, 2))
            >>> d.describe(at=pendulum.date(2025, 9, 5))
            'passed 2 days ago'
            >>> d.describe(at=pendulum.date(2025, 7, 20))
            'due in 6 weeks'
        """
        seconds = self.remaining(at).total_seconds()
        if seconds == 0:  # the cutoff: passed, as is_past() and the queries say
            return "passed just now"
        from negotiation_records._in_words import in_words  # noqa: PLC0415

        amount = in_words(abs(seconds))
        return f"due in {amount}" if seconds > 0 else f"passed {amount} ago"

    def _instant(self, at: Moment | _dt.date | None) -> _dt.datetime:
        if at is None:
            return pendulum.now(_UTC)
        moment = moment_argument(at, "at")
        if isinstance(moment, pendulum.DateTime):
            return moment
        day = moment.start if isinstance(moment, PartialDate) else moment
        assert isinstance(day, _dt.date)  # noqa: S101
        return start_of_day(day, self.zone)

    # ordering by cutoff, as instants ----------------------------------------------

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Deadline):
            return NotImplemented
        return self._cutoff_offset() < other._cutoff_offset()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Deadline):
            return NotImplemented
        return self._cutoff_offset() <= other._cutoff_offset()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Deadline):
            return NotImplemented
        return self._cutoff_offset() > other._cutoff_offset()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Deadline):
            return NotImplemented
        return self._cutoff_offset() >= other._cutoff_offset()

    def describe_rule(self) -> str:
        """
        The rule in words: ``"50 days after 2025-07-14"``, ``"on 2025-08-08"``;
        a deadline on a day names the zone whose day it is, where it has one
        (one on a fixed day names UTC where it has none).

        Example:
            >>> Deadline.after(pendulum.date(2025, 7, 14), days=50).describe_rule()
            '50 days after 2025-07-14'
            >>> Deadline.after(pendulum.date(2025, 7, 14), days=50, tz="Europe/Kyiv").describe_rule()
            '50 days after 2025-07-14 (to the end of the day, Europe/Kyiv)'
            >>> Deadline.on(pendulum.date(2025, 8, 8), tz="Europe/Kyiv").describe_rule()
            'on 2025-08-08 (to the end of the day, Europe/Kyiv)'

        Day 1 of :meth:`on_day` is the day the start falls on where the days
        are counted; where that is not the day the start is written in, the
        rule names it:

            >>> ceasefire = pendulum.parse("2015-02-15T00:00:00+02:00")
            >>> Deadline.on_day(2, counting_from=ceasefire).describe_rule()
            'day 2 counting from 2015-02-15T00:00:00+02:00 (day 1 is 2015-02-14 in UTC)'
        """
        from negotiation_records._in_words import rule_words  # noqa: PLC0415

        return rule_words(self)

    def __str__(self) -> str:
        text = moment_text(self.due)
        if self.tz is not None:
            text += f" (end of day, {self.tz})"
        if self.period is not None:
            way = "before" if self.counts_back else "after"
            text += f" [{self.period} {way} {moment_text(self.anchor)}]"  # type: ignore[arg-type]
        elif self.day is not None:
            text += f" [day {self.day} from {moment_text(self.anchor)}]"  # type: ignore[arg-type]
        elif self.business_days is not None:
            unit = "business day" if self.business_days == 1 else "business days"
            text += f" [{self.business_days} {unit} after {moment_text(self.anchor)}]"  # type: ignore[arg-type]
        return text


@frozen_record(kw_only=True, init=False)
class DeadlineRevision(Record):
    """
    An earlier deadline that was replaced, with when and why.

    Kept in order in ``Ultimatum.revisions`` by
    :meth:`~negotiation_records.Ultimatum.revise_deadline`; the deadline that
    replaced it is the next revision's ``previous``, or the ultimatum's current
    ``deadline`` for the last revision.

    Attributes:
        previous: The deadline as it stood before the change.
        revised_on: When the change was announced.
        reason: Why, in the sources' words (optional).
        statement: The id of the statement that announced it (optional).
        sources: Ids of the sources that report the change.

    Example:
        >>> DeadlineRevision(
        ...     previous=Deadline.after(pendulum.date(2025, 7, 14), days=50),
        ...     revised_on=pendulum.date(2025, 7, 28),
        ...     reason="cut to 10-12 days",
        ... ).previous.due
        Date(2025, 9, 2)
    """

    previous: Deadline = field(Nested(Deadline))
    revised_on: Moment = field(MomentKind())
    reason: str | None = field(Maybe(Text()), default=None)
    statement: str | None = field(Maybe(Slug()), default=None, refers_to="statement")
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            previous: Deadline,
            revised_on: MomentInput,
            reason: str | None = ...,
            statement: str | None = ...,
            sources: Iterable[str] = ...,
        ) -> None: ...
