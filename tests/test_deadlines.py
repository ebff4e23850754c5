"""Deadline arithmetic: constructors, rules, questions, ordering and revisions."""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import json
import pickle
import zoneinfo
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from negotiation_records import (
    Deadline,
    DeadlineRevision,
    IllegalTransitionError,
    PartialDate,
    Period,
    Ultimatum,
    UltimatumStatus,
    ValidationError,
    converter,
    format_moment,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from negotiation_records._zone_abbreviations import ABBREVIATED_ZONES


NOON_NY = pendulum.datetime(2025, 3, 8, 12, tz="America/New_York")
ISSUED = pendulum.date(2025, 7, 14)


def errors(exc: pytest.ExceptionInfo[ValidationError]) -> tuple[tuple[str, str], ...]:
    """The (path, message) pairs of a caught ValidationError."""
    return exc.value.errors


def utc(moment: object) -> dt.datetime:
    """A datetime moment as a UTC instant."""
    assert isinstance(moment, dt.datetime)
    return moment.astimezone(dt.UTC)


class TestOn:
    """``Deadline.on``: an absolute due moment."""

    def test_date_lasts_to_the_end_of_the_day_in_utc(self) -> None:
        """A date without a zone is past from the next UTC midnight."""
        deadline = Deadline.on(pendulum.date(2025, 9, 2))
        assert deadline.cutoff == pendulum.datetime(2025, 9, 3, tz="UTC")
        assert deadline.tz is None

    def test_date_in_a_named_zone(self) -> None:
        """With tz the day ends at midnight in that zone."""
        deadline = Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv")
        assert utc(deadline.cutoff) == dt.datetime(2025, 9, 2, 21, tzinfo=dt.UTC)
        assert deadline.cutoff.timezone_name == "Europe/Kyiv"

    def test_datetime_keeps_its_zone(self) -> None:
        """A zoned datetime is due at that instant, in its own zone."""
        deadline = Deadline.on(NOON_NY)
        assert deadline.due == NOON_NY
        assert deadline.zone.name == "America/New_York"

    def test_datetime_shown_in_another_zone(self) -> None:
        """tz re-expresses a datetime without moving the instant."""
        deadline = Deadline.on(NOON_NY, tz="Europe/Kyiv")
        assert isinstance(deadline.due, pendulum.DateTime)
        assert deadline.due.timezone_name == "Europe/Kyiv"
        assert utc(deadline.due) == utc(NOON_NY)
        assert deadline.tz is None

    def test_plain_python_values_are_converted(self) -> None:
        """datetime.date and zoneinfo datetimes become pendulum values."""
        kyiv = zoneinfo.ZoneInfo("Europe/Kyiv")
        assert Deadline.on(dt.date(2025, 9, 2)).due == pendulum.date(2025, 9, 2)
        due = Deadline.on(dt.datetime(2025, 9, 2, 12, tzinfo=kyiv)).due
        assert isinstance(due, pendulum.DateTime)
        assert due.timezone_name == "Europe/Kyiv"

    def test_month_or_year_means_its_last_day(self) -> None:
        """A month ends with its last day (29 February in a leap year)."""
        assert Deadline.on(PartialDate(2024, 2)).due == pendulum.date(2024, 2, 29)
        assert Deadline.on(PartialDate(2025)).due == pendulum.date(2025, 12, 31)

    def test_naive_datetime_refused(self) -> None:
        """The library never guesses a zone."""
        with pytest.raises(ValidationError) as exc:
            Deadline.on(dt.datetime(2025, 1, 1))
        assert errors(exc) == (
            (
                "due",
                "naive datetime 2025-01-01T00:00:00 has no time zone; give it a zone "
                "(the library never guesses one) or record a date",
            ),
        )

    def test_text_refused(self) -> None:
        """Text is not a moment; parse it first."""
        with pytest.raises(ValidationError) as exc:
            Deadline.on("2025-01-01")  # type: ignore[arg-type]
        assert errors(exc) == (
            (
                "due",
                "must be a date, a zone-aware datetime or a PartialDate, got str "
                "'2025-01-01' (parse text with parse_moment)",
            ),
        )

    def test_what_an_anchor_takes_is_what_its_refusal_names(self) -> None:
        """
        A value that is no moment, given where a deadline counts from, is
        refused naming a date or a datetime, not a PartialDate (which an
        anchor cannot be, and is refused for on its own); loaded, the same.
        Deadline.on, which takes a month or a year, names a PartialDate.
        """
        wanted = "must be a date or a zone-aware datetime, got "
        five: Any = 5
        calls: list[tuple[Callable[[], Deadline], str]] = [
            (lambda: Deadline.after(five, days=1), "anchor"),
            (lambda: Deadline.before(five, days=1), "anchor"),
            (lambda: Deadline.after_business_days(five, 2), "anchor"),
            (lambda: Deadline.on_day(2, counting_from=five), "counting_from"),
        ]
        for call, path in calls:
            with pytest.raises(ValidationError) as exc:
                call()
            assert errors(exc) == ((path, wanted + "int 5"),)
        with pytest.raises(ValidationError) as exc:
            Deadline.on(5)  # type: ignore[arg-type]
        assert errors(exc) == (
            (
                "due",
                "must be a date, a zone-aware datetime or a PartialDate, got int 5",
            ),
        )
        as_text = (
            "must be a date or a datetime as text (YYYY-MM-DD or an RFC 3339/RFC "
            "9557 timestamp such as '2025-07-14T12:00:00-04:00[America/New_York]'), "
            "got number 5"
        )
        for data, path in [
            ({"due": 5}, "due"),
            ({"due": "2025-07-15", "anchor": 5, "period": "P1D"}, "anchor"),
        ]:
            with pytest.raises(ValidationError) as exc:
                from_dict(Deadline, data)
            assert errors(exc) == ((path, as_text),)

    @pytest.mark.parametrize(
        "moment", [pendulum.date(2025, 1, 1), pendulum.datetime(2025, 1, 1)]
    )
    def test_unknown_zone_refused(self, moment: pendulum.Date) -> None:
        """An unknown zone name is reported on tz, for dates and datetimes."""
        with pytest.raises(ValidationError) as exc:
            Deadline.on(moment, tz="Mars/Olympus_Mons")
        assert errors(exc) == (("tz", "unknown time zone 'Mars/Olympus_Mons'"),)

    def test_zone_must_be_text(self) -> None:
        """A zone is named by its IANA name."""
        with pytest.raises(ValidationError) as exc:
            Deadline.on(pendulum.date(2025, 1, 1), tz=3)  # type: ignore[arg-type]
        assert errors(exc) == (
            ("tz", "must be an IANA time zone name such as 'Europe/Kyiv', got int 3"),
        )


class TestAfter:
    """``Deadline.after``: an anchor plus a period."""

    def test_fifty_days_from_a_date(self) -> None:
        """The July 2025 ultimatum: 50 days from 14 July is 2 September."""
        deadline = Deadline.after(ISSUED, days=50)
        assert deadline.due == pendulum.date(2025, 9, 2)
        assert deadline.anchor == ISSUED
        assert deadline.period == Period(days=50)

    @pytest.mark.parametrize(
        "period",
        ["P50D", Period(days=50), pendulum.duration(days=50), dt.timedelta(days=50)],
        ids=["iso", "period", "duration", "timedelta"],
    )
    def test_every_form_of_period(self, period: Any) -> None:
        """ISO text, a Period, a Duration and a timedelta give the same deadline."""
        assert Deadline.after(ISSUED, period) == Deadline.after(ISSUED, days=50)

    def test_hours_are_elapsed_time_across_a_dst_change(self) -> None:
        """48 hours from noon 8 March 2025 in New York is 13:00 on 10 March."""
        deadline = Deadline.after(NOON_NY, "PT48H")
        assert deadline.due == pendulum.datetime(2025, 3, 10, 13, tz="America/New_York")
        assert utc(deadline.due) - utc(NOON_NY) == dt.timedelta(hours=48)

    def test_days_move_the_wall_clock(self) -> None:
        """Two days from noon 8 March 2025 in New York is noon on 10 March."""
        deadline = Deadline.after(NOON_NY, days=2)
        assert deadline.due == pendulum.datetime(2025, 3, 10, 12, tz="America/New_York")
        assert utc(deadline.due) - utc(NOON_NY) == dt.timedelta(hours=47)

    def test_duration_counts_the_parts_it_was_built_with(self) -> None:
        """pendulum.duration(hours=48) is elapsed, duration(days=2) calendar."""
        hours = Deadline.after(NOON_NY, pendulum.duration(hours=48))
        days = Deadline.after(NOON_NY, pendulum.duration(days=2))
        assert hours.period == Period(hours=48)
        assert hours.due == NOON_NY + pendulum.duration(hours=48)
        assert days.period == Period(days=2)
        assert days.due == NOON_NY + pendulum.duration(days=2)

    @pytest.mark.parametrize(
        ("duration", "period"),
        [
            (
                pendulum.duration(hours=36) + pendulum.duration(hours=12),
                Period(seconds=172800),
            ),
            (pendulum.duration(hours=24) * 2, Period(seconds=172800)),
            (pendulum.duration(hours=24) * 1.5, Period(seconds=129600)),
            (pendulum.duration(hours=96) // 2, Period(seconds=172800)),
            (
                pendulum.duration(days=2) + pendulum.duration(hours=1),
                Period(seconds=176400),
            ),
            (pendulum.duration(months=1) * 2, Period(months=2)),
        ],
    )
    def test_a_duration_made_by_arithmetic_is_elapsed_as_pendulum_adds_it(
        self, duration: pendulum.Duration, period: Period
    ) -> None:
        """After + or * pendulum keeps whole-valued floats (seconds=172800.0) or
        microseconds: read as the whole seconds they are, across the DST change,
        not as calendar days an hour early."""
        deadline = Deadline.after(NOON_NY, duration)
        assert deadline.period == period
        assert deadline.due == NOON_NY + duration

    def test_timedelta_days_are_calendar_days(self) -> None:
        """A timedelta cannot tell 48 hours from 2 days: whole days are calendar days."""
        deadline = Deadline.after(NOON_NY, dt.timedelta(hours=48, minutes=30))
        assert deadline.period == Period(days=2, minutes=30)
        assert deadline.due == pendulum.datetime(
            2025, 3, 10, 12, 30, tz="America/New_York"
        )

    def test_duration_with_milliseconds_uses_its_normalised_parts(self) -> None:
        """milliseconds=1000 is one second; a true fraction is refused."""
        deadline = Deadline.after(NOON_NY, pendulum.duration(milliseconds=1000))
        assert deadline.period == Period(seconds=1)

    def test_fractional_duration_uses_its_normalised_parts(self) -> None:
        """A Duration built from fractions is read by its whole parts."""
        deadline = Deadline.after(NOON_NY, pendulum.duration(hours=1.5))
        assert deadline.period == Period(hours=1, minutes=30)

    @pytest.mark.parametrize("hours", [25.5, 48.5, 47.75])
    def test_fractional_hours_are_elapsed_time_across_dst(self, hours: float) -> None:
        """48.5 hours from noon before New York springs forward: 48.5 hours of
        elapsed time, as pendulum's own + adds them (not a day and 24.5 hours)."""
        duration = pendulum.duration(hours=hours)
        deadline = Deadline.after(NOON_NY, duration)
        assert deadline.due == NOON_NY + duration
        assert utc(deadline.due) - utc(NOON_NY) == dt.timedelta(hours=hours)

    def test_full_iso_duration(self) -> None:
        """P1Y2M10DT2H30M: calendar parts first, then elapsed time."""
        anchor = pendulum.datetime(2024, 1, 31, 22, tz="Europe/Kyiv")
        deadline = Deadline.after(anchor, "P1Y2M10DT2H30M")
        assert deadline.due == pendulum.datetime(2025, 4, 11, 0, 30, tz="Europe/Kyiv")

    @pytest.mark.parametrize(
        ("anchor", "period", "due"),
        [
            ((2025, 1, 31), "P1M", (2025, 2, 28)),
            ((2024, 1, 31), "P1M", (2024, 2, 29)),
            ((2024, 1, 31), "P2M", (2024, 3, 31)),
            ((2024, 2, 29), "P1Y", (2025, 2, 28)),
            ((2024, 2, 29), "P4Y", (2028, 2, 29)),
            ((2025, 1, 31), "P1M1W", (2025, 3, 7)),
            ((2025, 12, 31), "P2M", (2026, 2, 28)),
        ],
    )
    def test_months_clamp_to_the_end_of_the_month(
        self,
        anchor: tuple[int, int, int],
        period: str,
        due: tuple[int, int, int],
    ) -> None:
        """A month after 31 January is the last day of February, never stepped."""
        deadline = Deadline.after(pendulum.date(*anchor), period)
        assert deadline.due == pendulum.date(*due)

    def test_skipped_wall_time_moves_forward(self) -> None:
        """02:30 on 9 March 2025 does not exist in New York: 03:30 is taken."""
        anchor = pendulum.datetime(2025, 3, 8, 2, 30, tz="America/New_York")
        deadline = Deadline.after(anchor, days=1)
        assert deadline.due == pendulum.datetime(
            2025, 3, 9, 3, 30, tz="America/New_York"
        )

    @pytest.mark.parametrize(
        "build",
        [
            Deadline.on,
            lambda gap: Deadline.after(gap, "PT1H"),
            lambda gap: Deadline.after(gap, days=1),
            lambda gap: Deadline.before(gap, "PT1H"),
            lambda gap: Deadline.after_business_days(gap, 1),
        ],
    )
    def test_a_pendulum_anchor_at_a_skipped_wall_time_round_trips(
        self, build: Any
    ) -> None:
        """pendulum.DateTime(2025, 3, 9, 2, 30) in New York (a time the clocks
        skipped) is read as the real time, 03:30 EDT, by every constructor, so
        that the JSON it writes loads back to the same deadline."""
        gap = pendulum.DateTime(
            2025, 3, 9, 2, 30, tzinfo=pendulum.timezone("America/New_York")
        )
        deadline = build(gap)
        moment = deadline.anchor if deadline.anchor is not None else deadline.due
        assert format_moment(moment) == "2025-03-09T03:30:00-04:00[America/New_York]"
        assert from_json(Deadline, to_json(deadline)) == deadline

    def test_repeated_wall_time_takes_the_first(self) -> None:
        """01:30 on 2 November 2025 happens twice in New York: the EDT one is taken."""
        anchor = pendulum.datetime(2025, 11, 1, 1, 30, tz="America/New_York")
        deadline = Deadline.after(anchor, days=1)
        assert utc(deadline.due) == dt.datetime(2025, 11, 2, 5, 30, tzinfo=dt.UTC)

    def test_hours_inside_a_repeated_hour(self) -> None:
        """One hour after 01:30 EDT is 01:30 EST, an hour later as an instant."""
        anchor = pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York", fold=0)
        deadline = Deadline.after(anchor, hours=1)
        assert utc(deadline.due) == dt.datetime(2025, 11, 2, 6, 30, tzinfo=dt.UTC)
        assert deadline.remaining(at=anchor) == pendulum.duration(hours=1)
        assert Deadline.on(anchor) < deadline

    def test_tz_names_the_end_of_a_date_deadline(self) -> None:
        """From a date, tz says whose midnight closes the last day."""
        deadline = Deadline.after(ISSUED, days=50, tz="America/New_York")
        assert deadline.tz == "America/New_York"
        assert utc(deadline.cutoff) == dt.datetime(2025, 9, 3, 4, tzinfo=dt.UTC)

    def test_tz_with_a_datetime_anchor_refused(self) -> None:
        """A datetime deadline carries its own zone."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(NOON_NY, days=2, tz="UTC")
        assert errors(exc) == (
            ("tz", "is only for a date deadline; a datetime carries its own zone"),
        )

    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            ({"days": -50}, ("period.days", "must not be negative, got -50")),
            (
                {"period": pendulum.duration(days=-5)},
                ("period.days", "must not be negative, got -5"),
            ),
            (
                {"period": dt.timedelta(days=-1)},
                ("period", "a period must not be negative, got -1 day, 0:00:00"),
            ),
            ({"days": 0}, ("period", "must be a positive period, got a zero period")),
            (
                {"period": "PT0S"},
                ("period", "must be a positive period, got a zero period"),
            ),
            (
                {},
                (
                    "period",
                    "no period given: give one (a Period, a timedelta or ISO "
                    "text such as 'P50D') or keyword parts (days=50)",
                ),
            ),
        ],
    )
    def test_zero_or_negative_period_refused(
        self, kwargs: dict[str, Any], expected: tuple[str, str]
    ) -> None:
        """A deadline must lie after its anchor."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(ISSUED, **kwargs)
        assert errors(exc) == (expected,)

    @pytest.mark.parametrize(
        "text",
        ["P50", "P-1D", "p1d", "P", "PT", "P1DT", " P1D", "P1.5D", "50 days", ""],
    )
    def test_unparsable_iso_duration_refused(self, text: str) -> None:
        """Only whole, non-negative ISO 8601 durations are read."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(ISSUED, text)
        assert errors(exc) == (
            (
                "period",
                f"{text!r} is not an ISO 8601 duration of whole non-negative parts "
                "(like P50D, PT48H, P3M or P1Y2M10DT2H30M)",
            ),
        )

    def test_exact_period_from_a_date_refused(self) -> None:
        """Hours need a time of day to count from."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(ISSUED, "PT48H")
        assert errors(exc) == (
            (
                "period",
                "PT48H has hours, minutes or seconds, which need an anchor with a time "
                "of day and a zone; got the date 2025-07-14",
            ),
        )

    def test_period_and_parts_refused_together(self) -> None:
        """Either a period or keyword parts."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(ISSUED, "P1D", days=1)
        assert errors(exc) == (("period", "give a period or keyword parts, not both"),)

    def test_unknown_part_refused(self) -> None:
        """A misspelt keyword part is named (a type checker refuses it too)."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(ISSUED, dayz=1)  # type: ignore[call-arg]
        assert errors(exc) == (
            (
                "period.dayz",
                "unknown period part 'dayz' (use years, months, weeks, days, hours, "
                "minutes or seconds)",
            ),
        )

    def test_business_days_are_no_period_part(self) -> None:
        """
        Business days given to after() or before() are refused with the
        constructor that counts them (forward: none counts them back).
        """
        for make in (Deadline.after, Deadline.before):
            with pytest.raises(ValidationError) as exc:
                make(ISSUED, business_days=14)  # type: ignore[call-arg]
            assert errors(exc) == (
                (
                    "period.business_days",
                    "unknown period part 'business_days' (use years, months, weeks, "
                    "days, hours, minutes or seconds; business days are counted "
                    "forward, by Deadline.after_business_days)",
                ),
            )

    def test_every_problem_of_the_period_at_once(self) -> None:
        """Both given, each unknown part at its name, and what was given: all
        reported, not the first alone."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(ISSUED, "P5Q", fortnights=2, moons=3, days="x")  # type: ignore[arg-type, call-arg]
        assert [path for path, _ in errors(exc)] == [
            "period",
            "period.fortnights",
            "period.moons",
            "period",
            "period.days",
        ]
        assert errors(exc)[0][1] == "give a period or keyword parts, not both"
        assert "'P5Q' is not an ISO 8601 duration" in errors(exc)[3][1]

    def test_problems_follow_the_order_of_the_arguments(self) -> None:
        """``on_day(n, counting_from, tz)`` and ``after_business_days(anchor,
        n, holidays, tz, weekend)`` report in that order (``n`` at the field
        it becomes: ``day``, ``business_days``)."""
        with pytest.raises(ValidationError) as exc:
            Deadline.on_day("x", counting_from="y", tz="Bad/Zone")  # type: ignore[arg-type]
        assert [path for path, _ in errors(exc)] == ["day", "counting_from", "tz"]
        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(
                "x",  # type: ignore[arg-type]
                "y",  # type: ignore[arg-type]
                holidays=5,  # type: ignore[arg-type]
                tz="Bad/Zone",
                weekend=[9],
            )
        assert [path for path, _ in errors(exc)] == [
            "anchor",
            "business_days",
            "holidays",
            "tz",
            "weekend[0]",
        ]

    def test_extended_reports_its_period_at_by(self) -> None:
        """``extended(by)`` names its own argument, not ``period``."""
        deadline = Deadline.after(ISSUED, days=50)
        with pytest.raises(ValidationError) as exc:
            deadline.extended("P5Q")
        assert [path for path, _ in errors(exc)] == ["by"]
        with pytest.raises(ValidationError) as exc:
            deadline.extended(days=-2, weekz=1)  # type: ignore[call-arg]
        assert [path for path, _ in errors(exc)] == ["by.weekz", "by.days"]

    def test_non_period_refused(self) -> None:
        """A number is not a period: the message says how to give its unit."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(ISSUED, 5)  # type: ignore[arg-type]
        assert errors(exc) == (
            (
                "period",
                "must be a duration, got int 5 (a number has no unit: give days=5 "
                "or another part, or ISO text, 'P5D')",
            ),
        )
        assert Deadline.after(ISSUED, days=5) == Deadline.after(ISSUED, "P5D")

    @pytest.mark.parametrize(
        ("number", "advice"),
        [
            (
                1.5,
                "whole numbers: give each part, days=... or another, or ISO text, as 'P1D'",
            ),
            (-3, "not negative: count back with Deadline.before(anchor, days=3)"),
        ],
    )
    def test_number_advice(self, number: float, advice: str) -> None:
        """A fraction or a negative number is told what a period takes."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(ISSUED, number)  # type: ignore[arg-type]
        ((path, message),) = errors(exc)
        assert (path, message.endswith(f"{advice})")) == ("period", True)

    def test_counting_back_as_advised(self) -> None:
        assert Deadline.before(ISSUED, days=3).due == pendulum.date(2025, 7, 11)

    def test_bool_is_not_a_number_of_days(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Deadline.after(ISSUED, True)  # type: ignore[arg-type]  # noqa: FBT003
        assert errors(exc) == (("period", "must be a duration, got bool True"),)

    def test_fractions_of_a_second_refused(self) -> None:
        """Periods count whole seconds."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(NOON_NY, dt.timedelta(days=1, microseconds=5))
        assert errors(exc) == (
            ("period", "fractions of a second are not supported in a period"),
        )

    def test_naive_anchor_refused(self) -> None:
        """A naive anchor is refused, naming the anchor."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(dt.datetime(2025, 1, 31, 12), days=3)
        assert errors(exc) == (
            (
                "anchor",
                "naive datetime 2025-01-31T12:00:00 has no time zone; give it a zone "
                "(the library never guesses one) or record a date",
            ),
        )

    def test_month_anchor_refused(self) -> None:
        """A month is too vague to count from."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(PartialDate(2025, 1), days=1)  # type: ignore[arg-type]
        assert errors(exc) == (
            ("anchor", "must be a date or a datetime to count from, not 2025-01"),
        )

    def test_unknown_zone_refused(self) -> None:
        """A misspelt zone is reported with the other problems."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(PartialDate(2025, 1), days=0, tz="Europe/Kiev2")  # type: ignore[arg-type]
        assert errors(exc) == (
            ("anchor", "must be a date or a datetime to count from, not 2025-01"),
            ("period", "must be a positive period, got a zero period"),
            ("tz", "unknown time zone 'Europe/Kiev2'"),
        )

    @pytest.mark.parametrize("method", [Deadline.after, Deadline.before])
    @pytest.mark.parametrize(
        ("period", "parts", "problem"),
        [
            (
                "50 days",
                {},
                (
                    "period",
                    "'50 days' is not an ISO 8601 duration of whole non-negative "
                    "parts (like P50D, PT48H, P3M or P1Y2M10DT2H30M)",
                ),
            ),
            (None, {"hours": -24}, ("period.hours", "must not be negative, got -24")),
            (
                "P1D",
                {"days": 1},
                ("period", "give a period or keyword parts, not both"),
            ),
            (
                None,
                {"dayz": 1},
                (
                    "period.dayz",
                    "unknown period part 'dayz' (use years, months, weeks, days, "
                    "hours, minutes or seconds)",
                ),
            ),
        ],
    )
    def test_a_bad_period_is_reported_with_the_other_problems(
        self,
        method: Any,
        period: str | None,
        parts: dict[str, int],
        problem: tuple[str, str],
    ) -> None:
        """A period that cannot be read does not hide the anchor's and the zone's
        problems: after and before report them all, as on_day does."""
        with pytest.raises(ValidationError) as exc:
            method("2025-07-14", period, tz="Europe/Kyv", **parts)
        assert errors(exc) == (
            (
                "anchor",
                "must be a date or a zone-aware datetime, got str "
                "'2025-07-14' (parse text with parse_moment)",
            ),
            problem,
            ("tz", "unknown time zone 'Europe/Kyv'"),
        )

    def test_outside_the_calendar_refused(self) -> None:
        """Running past 9999 is a validation error, not an OverflowError."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(pendulum.date(9999, 12, 1), months=1)
        assert errors(exc) == (
            (
                "period",
                "9999-12-01 + P1M is outside the calendar (year 10000 is out of range)",
            ),
        )


def _ny(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0
) -> pendulum.DateTime:
    """A wall time in New York."""
    return pendulum.datetime(year, month, day, hour, minute, tz="America/New_York")


class TestAfterAnInterval:
    """A ``pendulum.Interval`` (``b - a``) as the period: it reaches its end."""

    def test_two_days_across_the_spring_change_end_at_the_same_time(self) -> None:
        """Noon 8 March to noon 10 March 2025 in New York is two calendar days
        (47 hours): counted from noon on the 8th it ends at noon on the 10th, as
        pendulum's own ``a + (b - a)`` does."""
        end = _ny(2025, 3, 10, 12)
        deadline = Deadline.after(NOON_NY, end - NOON_NY)
        assert deadline.period == Period(days=2)
        assert deadline.due == end == NOON_NY + (end - NOON_NY)
        assert (
            format_moment(deadline.due) == "2025-03-10T12:00:00-04:00[America/New_York]"
        )

    @pytest.mark.parametrize(
        ("start", "end", "period"),
        [
            # Within a day: the wall clocks are 15½ hours apart, 14½ elapsed.
            (_ny(2025, 3, 8, 12), _ny(2025, 3, 9, 3, 30), Period(hours=14, minutes=30)),
            # A day from 02:30 is a wall time the clocks skip (03:30): past
            # the end, so the day is counted as the elapsed time it is.
            (
                _ny(2025, 3, 8, 2, 30),
                _ny(2025, 3, 9, 3, 15),
                Period(hours=23, minutes=45),
            ),
            # The same a month back: a month fewer, its days counted.
            (
                _ny(2025, 2, 9, 2, 30),
                _ny(2025, 3, 9, 3, 15),
                Period(days=27, hours=23, minutes=45),
            ),
            # Autumn: a day from 01:30 EDT is 01:30 EDT; 02:30 EST is 2 hours on.
            (
                _ny(2025, 11, 1, 1, 30),
                _ny(2025, 11, 2, 2, 30),
                Period(days=1, hours=2),
            ),
            # Month ends: pendulum's years, months and days.
            (
                pendulum.datetime(2025, 1, 31, 9, tz="Europe/Kyiv"),
                pendulum.datetime(2025, 3, 1, 9, tz="Europe/Kyiv"),
                Period(months=1, days=1),
            ),
            # Samoa skipped 30 December 2011: no day there to count.
            (
                pendulum.datetime(2011, 12, 29, 12, tz="Pacific/Apia"),
                pendulum.datetime(2011, 12, 31, 11, tz="Pacific/Apia"),
                Period(hours=23),
            ),
            # pendulum counts 2 years 9 months (a month too many: that is
            # 3 February 2004): a month fewer, and the days.
            (
                pendulum.datetime(2001, 5, 3, 12, tz="Europe/Kyiv"),
                pendulum.datetime(2004, 2, 1, 12, tz="Europe/Kyiv"),
                Period(years=2, months=8, days=29),
            ),
            # Two zones: the calendar parts on the start's wall clock.
            (
                NOON_NY,
                pendulum.datetime(2025, 4, 10, 12, tz="Europe/Kyiv"),
                Period(months=1, days=1, hours=17),
            ),
        ],
    )
    def test_calendar_parts_then_elapsed_time_to_the_end(
        self, start: pendulum.DateTime, end: pendulum.DateTime, period: Period
    ) -> None:
        """The years, months and days pendulum counts, then the elapsed time
        from where they reach to the end; fewer days where a clock change
        skips the wall time they reach."""
        deadline = Deadline.after(start, end - start)
        assert deadline.period == period
        assert utc(deadline.due) == utc(end)

    @pytest.mark.parametrize(
        ("start", "end", "period"),
        [
            (
                pendulum.date(2025, 1, 31),
                pendulum.date(2025, 3, 1),
                Period(months=1, days=1),
            ),
            (pendulum.date(2024, 1, 31), pendulum.date(2024, 2, 29), Period(months=1)),
            (
                pendulum.date(2001, 5, 3),
                pendulum.date(2004, 2, 1),
                Period(years=2, months=8, days=29),
            ),
            (
                pendulum.date(2024, 2, 29),
                pendulum.date(2025, 2, 28),
                Period(months=11, days=30),
            ),
            (
                pendulum.date(2025, 7, 14),
                pendulum.date(2025, 9, 2),
                Period(months=1, days=19),
            ),
        ],
    )
    def test_between_dates(
        self, start: pendulum.Date, end: pendulum.Date, period: Period
    ) -> None:
        """Between two dates: years, months and days, as pendulum counts them."""
        deadline = Deadline.after(start, end - start)
        assert deadline.period == period
        assert deadline.due == end

    def test_an_absolute_interval_counts_from_its_earlier_end(self) -> None:
        """``abs(a - b)`` and ``a.diff(b)`` run forward, whichever end is given first."""
        end = _ny(2025, 3, 10, 12)
        assert Deadline.after(NOON_NY, abs(NOON_NY - end)).period == Period(days=2)
        assert Deadline.after(NOON_NY, end.diff(NOON_NY)).period == Period(days=2)

    def test_an_interval_that_runs_back_is_refused(self) -> None:
        """``a - b`` with *a* first is negative, as a negative duration is
        refused: count back with ``Deadline.before``."""
        end = _ny(2025, 3, 10, 12)
        with pytest.raises(ValidationError) as exc:
            Deadline.after(end, NOON_NY - end)
        assert errors(exc) == (
            (
                "period",
                "a period must not be negative, got an interval that runs back "
                "from 2025-03-10T12:00:00-04:00[America/New_York] "
                "to 2025-03-08T12:00:00-05:00[America/New_York]",
            ),
        )
        with pytest.raises(ValidationError):
            Deadline.before(end, NOON_NY - end)
        with pytest.raises(ValidationError):
            Deadline.after(ISSUED, ISSUED.subtract(days=3) - ISSUED)

    def test_before_counts_the_same_period_back(self) -> None:
        """``before(b, b - a)`` counts back what ``after(a, b - a)`` counts
        forward: from noon 10 March, two days back is noon 8 March; as with a
        duration, a month back from 28 February is 28 January."""
        end = _ny(2025, 3, 10, 12)
        back = Deadline.before(end, end - NOON_NY)
        assert (back.period, back.counts_back) == (Period(days=2), True)
        assert format_moment(back.due) == "2025-03-08T12:00:00-05:00[America/New_York]"
        feb28 = pendulum.date(2025, 2, 28)
        month = feb28 - pendulum.date(2025, 1, 31)
        assert Deadline.before(feb28, month).due == pendulum.date(2025, 1, 28)
        assert Deadline.before(feb28, month) == Deadline.before(
            feb28, pendulum.duration(months=1)
        )

    def test_an_end_outside_the_calendar_on_the_starts_clock_is_refused(
        self,
    ) -> None:
        """20:00 on 31 December 9999 in New York is in the year 10000 in
        Kiritimati (UTC+14): no deadline there can fall due then."""
        start = pendulum.datetime(9999, 12, 30, 12, tz="Pacific/Kiritimati")
        end = pendulum.datetime(9999, 12, 31, 20, tz="America/New_York")
        with pytest.raises(ValidationError) as exc:
            Deadline.after(start, end - start)
        assert errors(exc) == (
            (
                "period",
                "the interval from 9999-12-30T12:00:00+14:00[Pacific/Kiritimati] to "
                "9999-12-31T20:00:00-05:00[America/New_York] ends outside the "
                "calendar on the clock of its start",
            ),
        )

    def test_a_fraction_of_a_second_is_refused(self) -> None:
        """As in a duration, a period has no fractions of a second."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(NOON_NY, NOON_NY.add(seconds=5, microseconds=1) - NOON_NY)
        assert errors(exc) == (
            ("period", "fractions of a second are not supported in a period"),
        )

    def test_hours_from_a_date_are_refused(self) -> None:
        """An interval with hours needs an anchor with a time of day."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after(ISSUED, NOON_NY.add(hours=5) - NOON_NY)
        assert errors(exc) == (
            (
                "period",
                "PT5H has hours, minutes or seconds, which need an anchor with a "
                "time of day and a zone; got the date 2025-07-14",
            ),
        )

    def test_between_naive_datetimes_the_wall_clock_is_elapsed_time(self) -> None:
        """Naive ends have no clock changes: their parts, as pendulum counts them."""
        interval = pendulum.naive(2025, 3, 10, 13, 30) - pendulum.naive(2025, 3, 8, 12)
        deadline = Deadline.after(NOON_NY, interval)
        assert deadline.period == Period(days=2, hours=1, minutes=30)
        assert deadline.due == _ny(2025, 3, 10, 13, 30)


class TestExtended:
    """``Deadline.extended``: a further period from the due moment."""

    def test_truce_extended_across_the_end_of_dst(self) -> None:
        """90 more days from 12:01 a.m. EDT on 12 August is 12:01 a.m. EST on 10 November."""
        truce = Deadline.after(
            pendulum.datetime(2025, 5, 14, 0, 1, tz="America/New_York"), "P90D"
        )
        extended = truce.extended("P90D")
        assert extended.anchor == truce.due
        assert extended.due == pendulum.datetime(
            2025, 11, 10, 0, 1, tz="America/New_York"
        )
        assert utc(extended.due) - utc(truce.due) == dt.timedelta(hours=2161)

    def test_date_deadline_keeps_its_zone(self) -> None:
        """Extending a date deadline keeps the zone of its end of day."""
        deadline = Deadline.on(pendulum.date(2025, 8, 1), tz="America/New_York")
        extended = deadline.extended(days=30)
        assert (extended.due, extended.tz) == (pendulum.date(2025, 8, 31), deadline.tz)


class TestAfterBusinessDays:
    """``Deadline.after_business_days``: Monday to Friday, skipping holidays."""

    def test_friday_plus_one_is_monday(self) -> None:
        """The anchor's day does not count; weekends are skipped."""
        deadline = Deadline.after_business_days(pendulum.date(2025, 7, 18), 1)
        assert deadline.due == pendulum.date(2025, 7, 21)

    def test_weekday_holidays_are_skipped_and_kept(self) -> None:
        """Christmas and Boxing Day push five business days to 30 December."""
        holidays = {
            pendulum.date(2025, 12, 25),
            pendulum.date(2025, 12, 26),
            pendulum.date(2025, 12, 27),  # a Saturday: not kept
        }
        deadline = Deadline.after_business_days(
            pendulum.date(2025, 12, 19), 5, holidays=holidays
        )
        assert deadline.due == pendulum.date(2025, 12, 30)
        assert deadline.holidays == (
            pendulum.date(2025, 12, 25),
            pendulum.date(2025, 12, 26),
        )

    def test_plain_dates_and_lists_work(self) -> None:
        """Holidays may be a list of datetime.date."""
        deadline = Deadline.after_business_days(
            dt.date(2025, 12, 24), 1, holidays=[dt.date(2025, 12, 25)]
        )
        assert deadline.due == pendulum.date(2025, 12, 26)

    def test_datetime_anchor_keeps_its_wall_clock_time(self) -> None:
        """Across a DST change the time of day stays 09:00."""
        anchor = pendulum.datetime(2025, 3, 7, 9, tz="America/New_York")
        deadline = Deadline.after_business_days(anchor, 1)
        assert deadline.due == pendulum.datetime(2025, 3, 10, 9, tz="America/New_York")

    def test_holidays_package_calendar(self) -> None:
        """A calendar from the holidays package works as is (4 July 2025 is skipped)."""
        holidays = pytest.importorskip("holidays")
        deadline = Deadline.after_business_days(
            pendulum.date(2025, 7, 1), 3, holidays=holidays.US()
        )
        assert deadline.due == pendulum.date(2025, 7, 7)
        assert deadline.holidays == (pendulum.date(2025, 7, 4),)
        assert Deadline(**attrs.asdict(deadline, recurse=False)) == deadline

    @pytest.mark.parametrize(
        ("n", "message"),
        [
            (0, "must be at least 1, got 0"),
            (-1, "must be at least 1, got -1"),
            (True, "must be an integer, got bool True"),
            (1.5, "must be an integer, got float 1.5"),
            (100_001, "must be at most 100000, got 100001"),
        ],
    )
    def test_bad_counts_refused(self, n: Any, message: str) -> None:
        """The count is a whole number from 1 to 100000."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(ISSUED, n)
        assert errors(exc) == (("business_days", message),)

    def test_past_the_calendar_refused(self) -> None:
        """Counting past 9999-12-31 is a validation error."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(pendulum.date(9999, 12, 30), 5)
        assert errors(exc) == (
            ("business_days", "runs past the calendar: date value out of range"),
        )

    def test_holidays_must_be_a_container(self) -> None:
        """None or text is not a calendar."""
        for bad in (None, "2025-12-25"):
            with pytest.raises(ValidationError) as exc:
                Deadline.after_business_days(ISSUED, 3, holidays=bad)  # type: ignore[arg-type]
            assert errors(exc) == (
                (
                    "holidays",
                    "must be a container of dates (a set, a list or a holidays "
                    "calendar), got "
                    + ("None" if bad is None else f"{type(bad).__name__} {bad!r}"),
                ),
            )

    def test_broken_calendar_reported(self) -> None:
        """A calendar that cannot look a date up is a validation error."""

        class Broken:
            def __contains__(self, item: object) -> bool:
                raise TypeError("no lookups today")

            def __repr__(self) -> str:
                return "Broken()"

        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(ISSUED, 3, holidays=Broken())
        assert errors(exc) == (
            (
                "holidays",
                "cannot look dates up in Broken(): TypeError: no lookups today",
            ),
        )

    @pytest.mark.parametrize("error", [KeyError, ValueError, RuntimeError])
    def test_any_lookup_error_is_reported_as_the_calendars(
        self, error: type[Exception]
    ) -> None:
        """Whatever a calendar raises is its failure, not the calendar's end."""

        class Broken:
            def __contains__(self, item: object) -> bool:
                raise error("closed")

            def __repr__(self) -> str:
                return "Broken()"

        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(ISSUED, 3, holidays=Broken())
        (problem,) = errors(exc)
        assert problem[0] == "holidays"
        assert problem[1].startswith(
            f"cannot look dates up in Broken(): {error.__name__}"
        )

    @pytest.mark.parametrize(
        ("holiday", "shown"),
        [
            (
                pendulum.datetime(2025, 12, 29),
                "DateTime DateTime(2025, 12, 29, 0, 0, 0, tzinfo=Timezone('UTC')) "
                "(give its date: a deadline counts whole days)",
            ),
            (
                dt.datetime(2025, 12, 29, 9),
                "datetime datetime.datetime(2025, 12, 29, 9, 0) "
                "(give its date: a deadline counts whole days)",
            ),
            ("2025-12-29", "str '2025-12-29'"),
            (None, "None"),
        ],
    )
    @pytest.mark.parametrize("container", [list, tuple, set, frozenset, dict.fromkeys])
    def test_holidays_that_are_not_dates_are_refused(
        self, holiday: object, shown: str, container: Any
    ) -> None:
        """A datetime or a text is never found by a lookup by date: refused, not ignored."""
        given = container([pendulum.date(2025, 12, 25), holiday])
        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(pendulum.date(2025, 12, 26), 3, holidays=given)
        # A list or a tuple names the place, as the serialized form's paths do.
        where = "holidays[1]" if container in (list, tuple) else "holidays"
        assert errors(exc) == ((where, f"must hold calendar dates, got {shown}"),)

    def test_every_holiday_that_is_not_a_date_is_named_at_its_place(self) -> None:
        """Texts in a list are each reported at their index, all at once."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(
                pendulum.date(2025, 7, 31), 5, holidays=["2025-08-04", "2025-08-05"]
            )
        assert [path for path, _ in errors(exc)] == ["holidays[0]", "holidays[1]"]

    def test_a_mapping_of_dates_works(self) -> None:
        """A dict keyed by date (as a holidays calendar is) is looked up by its keys."""
        deadline = Deadline.after_business_days(
            pendulum.date(2025, 12, 26), 3, holidays={dt.date(2025, 12, 29): "closed"}
        )
        assert deadline.due == pendulum.date(2026, 1, 1)

    def test_a_container_that_cannot_list_its_dates_is_reported(self) -> None:
        """A collection whose iteration fails is refused with the reason."""

        class Opaque:
            def __contains__(self, item: object) -> bool:
                return False

            def __len__(self) -> int:
                return 1

            def __iter__(self) -> Iterator[object]:
                raise OSError("offline")

            def __repr__(self) -> str:
                return "Opaque()"

        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(ISSUED, 3, holidays=Opaque())
        assert errors(exc) == (
            ("holidays", "cannot list the dates in Opaque(): OSError: offline"),
        )

    def test_a_container_that_does_not_find_its_dates_is_refused(self) -> None:
        """A pandas Series of dates lists its values but ``in`` looks in its
        index: refused, not counted as if it held no holiday."""
        pandas = pytest.importorskip("pandas")
        days = [dt.date(2025, 12, 25), dt.date(2025, 12, 26), dt.date(2026, 1, 1)]
        series = pandas.Series(days)
        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(
                pendulum.date(2025, 12, 19), 10, holidays=series
            )
        ((path, message),) = errors(exc)
        assert path == "holidays"
        assert message.startswith("lists 2025-12-25 but does not find it when asked")
        assert "give a set or a list of the dates" in message
        # what the message suggests, and containers that look up by value
        for container in (
            set(series),
            list(series),
            pandas.Index(days),
            series.to_numpy(),
        ):
            deadline = Deadline.after_business_days(
                pendulum.date(2025, 12, 19), 10, holidays=container
            )
            assert deadline.due == pendulum.date(2026, 1, 7)

    def test_a_container_whose_lookup_fails_is_reported(self) -> None:
        """A collection whose ``in`` fails is refused with the reason."""

        class Broken:
            def __contains__(self, item: object) -> bool:
                raise OSError("offline")

            def __len__(self) -> int:
                return 1

            def __iter__(self) -> Iterator[object]:
                return iter([dt.date(2025, 12, 29)])

            def __repr__(self) -> str:
                return "Broken()"

        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(ISSUED, 3, holidays=Broken())
        assert errors(exc) == (
            ("holidays", "cannot look dates up in Broken(): OSError: offline"),
        )

    def test_unknown_zone_refused(self) -> None:
        """tz is checked like everywhere else."""
        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(ISSUED, 3, tz="Nowhere/Town")
        assert errors(exc) == (("tz", "unknown time zone 'Nowhere/Town'"),)


class _Closed:
    """A holidays container that says every day is a holiday, counting the asks."""

    def __init__(self) -> None:
        self.asked = 0

    def __contains__(self, day: object) -> bool:
        self.asked += 1
        return True


class TestCalendarsWithoutBusinessDays:
    """A calendar asked day by day that leaves no business day for a whole
    year is refused at once, naming holidays, not the count."""

    def test_a_container_that_holds_every_day(self) -> None:
        """It was asked about 2.9 million days, then blamed business_days."""
        closed = _Closed()
        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(pendulum.date(2025, 1, 3), 5, holidays=closed)
        ((path, text),) = errors(exc)
        assert path == "holidays"
        assert "leaves no business day in 366 days in a row" in text
        assert "check what `day in holidays` answers" in text
        assert closed.asked <= 366

    def test_a_long_closure_that_ends_is_counted(self) -> None:
        """Days off in a row short of a year are passed, however many."""

        class LongClosure:
            def __contains__(self, day: object) -> bool:
                return isinstance(day, dt.date) and day.year == 2025

        deadline = Deadline.after_business_days(
            pendulum.date(2024, 12, 31), 1, holidays=LongClosure()
        )
        assert deadline.due == pendulum.date(2026, 1, 1)
        assert len(deadline.holidays) == 261  # the weekdays of 2025

    def test_a_set_of_dates_is_counted_to_the_end(self) -> None:
        """A set or a list lists every holiday, and the days after its last one
        count: more than a year of them in a row is counted, not refused."""
        start = pendulum.date(2025, 1, 3)
        days = [start.add(days=offset) for offset in range(1, 400)]
        for holidays in (set(days), days):
            deadline = Deadline.after_business_days(start, 1, holidays=holidays)
            assert deadline.due == pendulum.date(2026, 2, 9)


class _Calendar:
    """A calendar that knows its own working days, as a ``holidays`` one does."""

    def __init__(
        self,
        closed: set[dt.date],
        weekend: set[int],
        worked: set[dt.date],
        broken: str | None = None,
    ) -> None:
        self.closed, self.weekend, self.worked = closed, weekend, worked
        self.broken = broken

    def __contains__(self, day: object) -> bool:
        return day in self.closed

    def is_weekend(self, day: dt.date) -> bool:
        if self.broken == "is_weekend":
            raise RuntimeError("no weekends today")
        return day.weekday() in self.weekend

    def is_working_day(self, day: dt.date) -> bool:
        if self.broken == "is_working_day":
            raise RuntimeError("no answers today")
        if self.is_weekend(day):
            return day in self.worked
        return day not in self.closed


class TestCalendarsThatKnowTheirWorkingDays:
    """
    A calendar with its own ``is_working_day`` (the ``holidays`` package's) is
    asked about each day: weekend days made working days and weekends that
    changed over the years count as the country counted them, and what it said
    is kept in the deadline (``holidays`` and ``workdays``), so that a loaded
    deadline is checked without it.
    """

    def test_china_spring_festival_2024(self) -> None:
        """
        The State Council's 2024 holiday notice: 10–17 February off, Sunday 4
        and Sunday 18 February worked.  Ten working days after 1 February end
        on 20 February (with Saturday and Sunday off they would end on 22
        February, 4 and 18 February not counted).
        """
        holidays = pytest.importorskip("holidays")
        deadline = Deadline.after_business_days(
            pendulum.date(2024, 2, 1), 10, holidays=holidays.CN()
        )
        assert deadline.due == pendulum.date(2024, 2, 20)
        assert deadline.workdays == (
            pendulum.date(2024, 2, 4),
            pendulum.date(2024, 2, 18),
        )
        assert deadline.holidays == tuple(
            pendulum.date(2024, 2, day) for day in range(12, 17)
        )
        written = json.loads(to_json(deadline))
        assert written["workdays"] == ["2024-02-04", "2024-02-18"]
        assert from_json(Deadline, to_json(deadline)) == deadline
        plain = Deadline.after_business_days(
            pendulum.date(2024, 2, 1), 10, holidays=set(holidays.CN(years=2024))
        )
        assert plain.due == pendulum.date(2024, 2, 22)

    def test_united_arab_emirates_weekend_of_2022(self) -> None:
        """
        The UAE moved its weekend from Friday and Saturday to Saturday and
        Sunday on 1 January 2022: 15 working days from 20 December 2021 end on
        11 January 2022, as the calendar itself counts them.  The weekend kept
        is the one of the first week counted; the Sundays off after the change
        are kept as days off and the Friday worked as a workday.
        """
        holidays = pytest.importorskip("holidays")
        uae = holidays.AE()
        anchor = pendulum.date(2021, 12, 20)
        deadline = Deadline.after_business_days(anchor, 15, holidays=uae)
        assert deadline.due == uae.get_nth_working_day(anchor, 15)
        assert deadline.due == pendulum.date(2022, 1, 11)
        assert deadline.weekend == {4, 5}
        assert deadline.holidays == (
            pendulum.date(2022, 1, 2),
            pendulum.date(2022, 1, 9),
        )
        assert deadline.workdays == (pendulum.date(2022, 1, 7),)
        assert from_json(Deadline, to_json(deadline)) == deadline

    @pytest.mark.parametrize("country", ["CN", "AE", "SA", "IL", "GB", "KR"])
    @given(
        anchor=st.dates(dt.date(2010, 1, 1), dt.date(2027, 12, 31)),
        n=st.integers(1, 80),
    )
    def test_the_same_as_the_calendars_own_count(
        self, country: str, anchor: dt.date, n: int
    ) -> None:
        """``get_nth_working_day`` of the calendar gives the same day."""
        holidays = pytest.importorskip("holidays")
        calendar = _COUNTRIES.setdefault(country, holidays.country_holidays(country))
        deadline = Deadline.after_business_days(anchor, n, holidays=calendar)
        assert deadline.due == calendar.get_nth_working_day(anchor, n)
        assert from_json(Deadline, to_json(deadline)) == deadline

    def test_an_explicit_weekend_takes_only_the_holidays(self) -> None:
        """With weekend= given, the calendar's make-up days are not asked."""
        holidays = pytest.importorskip("holidays")
        deadline = Deadline.after_business_days(
            pendulum.date(2024, 2, 1), 10, holidays=holidays.CN(), weekend={5, 6}
        )
        assert deadline.due == pendulum.date(2024, 2, 22)
        assert deadline.workdays == ()

    def test_a_deadline_without_workdays_writes_no_key(self) -> None:
        """Documents that do not need the key stay as earlier releases wrote them."""
        deadline = Deadline.after_business_days(pendulum.date(2025, 12, 19), 5)
        assert "workdays" not in json.loads(to_json(deadline))
        assert "workdays" not in to_dict(deadline)

    def test_worked_weekend_days_counted_by_whole_weeks(self) -> None:
        """
        A long count over a calendar that works every Saturday: the whole
        weeks skipped at once count the Saturdays too, and the loaded
        deadline agrees with the day-by-day count.
        """
        anchor = pendulum.date(2025, 1, 1)
        saturdays: set[dt.date] = {
            anchor.add(days=d) for d in range(400) if anchor.add(days=d).weekday() == 5
        }
        calendar = _Calendar(set(), {5, 6}, saturdays)
        deadline = Deadline.after_business_days(anchor, 250, holidays=calendar)
        assert deadline.due == pendulum.date(2025, 10, 20)
        assert len(deadline.workdays) == 42  # 4 January to 18 October
        assert from_json(Deadline, to_json(deadline)) == deadline

    def test_a_calendar_that_fails_is_reported(self) -> None:
        """Whatever is_working_day or is_weekend raises is reported at holidays."""
        for broken, message in (
            ("is_working_day", "RuntimeError: no answers today"),
            ("is_weekend", "RuntimeError: no weekends today"),
        ):
            calendar = _Calendar(set(), {5, 6}, set(), broken=broken)
            with pytest.raises(ValidationError) as exc:
                Deadline.after_business_days(ISSUED, 3, holidays=calendar)
            ((path, text),) = errors(exc)
            assert path == "holidays"
            assert text.endswith(message)

    def test_a_calendar_that_never_works_is_refused_promptly(self) -> None:
        """A calendar whose is_working_day always says no is refused at
        holidays after a whole year of days off, not asked about every day to
        the year 9999."""
        asked: list[dt.date] = []

        class Never(_Calendar):
            def is_working_day(self, day: dt.date) -> bool:
                asked.append(day)
                return False

        calendar = Never(set(), {5, 6}, set())
        with pytest.raises(ValidationError) as exc:
            Deadline.after_business_days(
                pendulum.date(2025, 1, 3), 5, holidays=calendar
            )
        ((path, text),) = errors(exc)
        assert path == "holidays"
        assert text.endswith(
            "leaves no business day in 366 days in a row (2025-01-04 to "
            "2026-01-04): no real calendar closes for a whole year; check what "
            "`is_working_day(day)` answers for a day that is worked"
        )
        assert len(asked) == 366

    @pytest.mark.parametrize(
        ("workdays", "business_days", "path", "message"),
        [
            (
                ["2024-02-05"],
                10,
                "workdays[0]",
                "2024-02-05 is not a weekend day inside the count",
            ),
            (
                ["2024-03-02", "2024-02-03"],
                10,
                "workdays[0]",
                "2024-03-02 is not a weekend day inside the count",
            ),
            (
                ["2024-02-04", "2024-02-04"],
                10,
                "workdays[1]",
                "workday 2024-02-04 appears twice",
            ),
        ],
    )
    def test_loaded_workdays_are_checked(
        self, workdays: list[str], business_days: int, path: str, message: str
    ) -> None:
        """A workday must be a weekend day inside the count, given once."""
        data = {
            "due": "2024-02-14",
            "anchor": "2024-02-01",
            "business_days": business_days,
            "workdays": workdays,
        }
        with pytest.raises(ValidationError) as exc:
            from_json(Deadline, json.dumps(data))
        assert (path, message) in errors(exc)

    def test_workdays_change_the_due_day_that_follows(self) -> None:
        """A loaded deadline whose workdays were dropped no longer follows its rule."""
        holidays = pytest.importorskip("holidays")
        deadline = Deadline.after_business_days(
            pendulum.date(2024, 2, 1), 10, holidays=holidays.CN()
        )
        data = json.loads(to_json(deadline))
        del data["workdays"]
        with pytest.raises(ValidationError) as exc:
            from_json(Deadline, json.dumps(data))
        assert errors(exc) == (
            (
                "due",
                "2024-02-20 does not follow from the rule (10 business days after "
                "2024-02-01 = 2024-02-22)",
            ),
        )

    def test_only_a_business_day_deadline_has_workdays(self) -> None:
        """Workdays on another rule are refused."""
        with pytest.raises(ValidationError) as exc:
            Deadline(
                due=pendulum.date(2024, 2, 20), workdays=[pendulum.date(2024, 2, 4)]
            )
        assert errors(exc) == (
            ("workdays", "only a business-day deadline works on them"),
        )


_COUNTRIES: dict[str, Any] = {}


class TestLoadingChecks:
    """The constructor checks that a deadline's fields agree."""

    def _refused(self, **fields: Any) -> tuple[tuple[str, str], ...]:
        with pytest.raises(ValidationError) as exc:
            Deadline(**fields)
        return errors(exc)

    def test_due_must_follow_from_the_rule(self) -> None:
        """A due date that the rule does not give is refused, showing the rule."""
        assert self._refused(
            due=pendulum.date(2025, 9, 1), anchor=ISSUED, period=Period(days=50)
        ) == (
            (
                "due",
                "2025-09-01 does not follow from the rule (2025-07-14 + P50D = 2025-09-02)",
            ),
        )

    def test_due_instant_must_follow_even_in_a_repeated_hour(self) -> None:
        """01:30 EST is not 01:30 EDT, though Python compares them equal."""
        anchor = pendulum.datetime(2025, 11, 2, 0, 30, tz="America/New_York")
        right = Deadline.after(anchor, hours=1)
        wrong = pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York", fold=1)
        assert utc(right.due) == dt.datetime(2025, 11, 2, 5, 30, tzinfo=dt.UTC)
        assert self._refused(due=wrong, anchor=anchor, period=Period(hours=1)) == (
            (
                "due",
                "2025-11-02T01:30:00-05:00[America/New_York] does not follow from the "
                "rule (2025-11-02T00:30:00-04:00[America/New_York] + PT1H = "
                "2025-11-02T01:30:00-04:00[America/New_York])",
            ),
        )

    def test_holidays_must_be_a_list(self) -> None:
        """A number is not a list of holidays."""
        assert self._refused(due=pendulum.date(2025, 1, 2), holidays=5) == (
            ("holidays", "must be a list of values, got int 5"),
        )

    def test_business_day_rule_checked(self) -> None:
        """Holidays outside the count and a wrong due date are both reported."""
        deadline = Deadline.after_business_days(
            pendulum.date(2025, 12, 19), 5, holidays={pendulum.date(2025, 12, 25)}
        )
        with pytest.raises(ValidationError) as exc:
            attrs.evolve(deadline, holidays=[pendulum.date(2025, 12, 20)])
        assert errors(exc) == (
            (
                "due",
                "2025-12-29 does not follow from the rule (5 business days after "
                "2025-12-19 = 2025-12-26)",
            ),
            ("holidays[0]", "2025-12-20 is not a weekday inside the count"),
        )

    def test_every_stray_holiday_is_reported(self) -> None:
        """Each holiday outside the count is reported, not only the first; at
        its place in the document, in the document's order (the deadline
        keeps them earliest first, but only once they are checked)."""
        data = {
            "due": "2025-07-21",
            "anchor": "2025-07-14",
            "business_days": 5,
            "holidays": ["2025-12-25", "2025-07-16", "2025-07-01"],
        }
        with pytest.raises(ValidationError) as exc:
            from_json(Deadline, json.dumps(data))
        assert [p for p in errors(exc) if p[0].startswith("holidays")] == [
            ("holidays[0]", "2025-12-25 is not a weekday inside the count"),
            ("holidays[2]", "2025-07-01 is not a weekday inside the count"),
        ]

    NOTICE_HOLIDAYS = (
        pendulum.date(2025, 12, 25),
        pendulum.date(2025, 12, 26),
        pendulum.date(2026, 1, 1),
    )

    def _notice(self) -> Deadline:
        """The 10-business-day notice of the docs, built from its rule."""
        return Deadline.after_business_days(
            pendulum.date(2025, 12, 19), 10, holidays=set(self.NOTICE_HOLIDAYS)
        )

    @pytest.mark.parametrize(
        "order", [(2, 1, 0), (1, 0, 2), (0, 2, 1)], ids=["reversed", "1-0-2", "0-2-1"]
    )
    def test_holidays_in_any_order_load_as_the_rule_builds_them(
        self, order: tuple[int, int, int]
    ) -> None:
        """Holidays are a set of days: a document listing them in another order
        loads as the deadline its rule builds, equal, with the same hash and the
        same JSON, on the compiled and on the exact path."""
        built = self._notice()
        document = to_dict(built)
        document["holidays"] = [str(self.NOTICE_HOLIDAYS[i]) for i in order]
        loaded = from_json(Deadline, json.dumps(document))
        assert loaded.holidays == self.NOTICE_HOLIDAYS
        assert loaded == built
        assert hash(loaded) == hash(built)
        assert to_json(loaded) == to_json(built)
        hook = converter.get_structure_hook(Deadline)
        exact = hook.__globals__["_exact"]  # the path a refused document takes
        assert exact(document, Deadline) == built

    def test_holidays_given_in_any_order_are_stored_in_order(self) -> None:
        """The constructor stores them earliest first too."""
        built = self._notice()
        given = attrs.evolve(built, holidays=list(reversed(self.NOTICE_HOLIDAYS)))
        assert given.holidays == self.NOTICE_HOLIDAYS
        assert given == built
        assert hash(given) == hash(built)

    def test_a_repeated_holiday_is_refused_where_it_is_given(self) -> None:
        """A date twice is still refused, at its place in the list or document."""
        built = self._notice()
        repeated = [pendulum.date(2026, 1, 1), *self.NOTICE_HOLIDAYS]
        with pytest.raises(ValidationError) as exc:
            attrs.evolve(built, holidays=repeated)
        assert errors(exc) == (("holidays[3]", "holiday 2026-01-01 appears twice"),)
        document = to_dict(built)
        document["holidays"] = [str(day) for day in repeated]
        with pytest.raises(ValidationError) as exc:
            from_json(Deadline, json.dumps(document))
        assert errors(exc) == (("holidays[3]", "holiday 2026-01-01 appears twice"),)

    def test_one_business_day_is_singular(self) -> None:
        """The rule of a one-day count reads "1 business day"."""
        assert self._refused(
            due=pendulum.date(2025, 7, 22), anchor=ISSUED, business_days=1
        ) == (
            (
                "due",
                "2025-07-22 does not follow from the rule (1 business day after "
                "2025-07-14 = 2025-07-15)",
            ),
        )

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            (
                {"due": pendulum.datetime(2025, 1, 1), "tz": "UTC"},
                ("tz", "is only for a date deadline; a datetime carries its own zone"),
            ),
            (
                {
                    "due": pendulum.date(2025, 1, 2),
                    "anchor": pendulum.date(2025, 1, 1),
                    "period": Period(days=1),
                    "business_days": 1,
                },
                ("business_days", "give a period or business days, not both"),
            ),
            (
                {
                    "due": pendulum.date(2025, 1, 2),
                    "holidays": [pendulum.date(2025, 1, 1)],
                },
                ("holidays", "only a business-day deadline skips holidays"),
            ),
            (
                {"due": pendulum.date(2025, 1, 2), "anchor": pendulum.date(2025, 1, 1)},
                ("anchor", "an anchor needs a period, business days or a day"),
            ),
            (
                {"due": pendulum.date(2025, 1, 2), "period": Period(days=1)},
                ("anchor", "a relative deadline needs an anchor"),
            ),
            (
                {
                    "due": pendulum.date(2025, 1, 2),
                    "anchor": pendulum.date(2025, 1, 1),
                    "period": Period(),
                },
                ("period", "must be a positive period, got a zero period"),
            ),
            (
                {"due": PartialDate(2025, 1)},
                ("due", "must be a date or a datetime, not a month or a year"),
            ),
            (
                {"due": pendulum.date(2025, 1, 2), "period": "P1D"},
                ("period", "must be a Period, got str 'P1D'"),
            ),
            (
                {
                    "due": pendulum.date(2025, 1, 2),
                    "anchor": pendulum.date(2025, 1, 1),
                    "period": Period(hours=24),
                },
                (
                    "period",
                    "PT24H has hours, minutes or seconds, which need an anchor with a "
                    "time of day and a zone; got the date 2025-01-01",
                ),
            ),
            (
                {
                    "due": pendulum.date(2025, 1, 2),
                    "holidays": [pendulum.date(2025, 1, 1), pendulum.date(2025, 1, 1)],
                },
                ("holidays[1]", "holiday 2025-01-01 appears twice"),
            ),
        ],
    )
    def test_inconsistent_fields_refused(
        self, fields: dict[str, Any], expected: tuple[str, str]
    ) -> None:
        """Each inconsistency is reported with its path."""
        assert self._refused(**fields) == (expected,)


class TestCutoff:
    """Where exactly a date-precision deadline ends."""

    def test_last_microsecond_is_still_in_time(self) -> None:
        """The boundary is the exclusive next midnight."""
        deadline = Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv")
        last = pendulum.datetime(2025, 9, 2, 23, 59, 59, 999_999, tz="Europe/Kyiv")
        assert not deadline.is_past(at=last)
        assert deadline.is_past(at=last.add(microseconds=1))
        assert deadline.remaining(at=last) == pendulum.duration(microseconds=1)

    def test_skipped_midnight(self) -> None:
        """Havana went from 00:00 to 01:00 on 10 March 2024: the day began at 01:00."""
        deadline = Deadline.on(pendulum.date(2024, 3, 9), tz="America/Havana")
        assert deadline.cutoff == pendulum.datetime(2024, 3, 10, 1, tz="America/Havana")
        assert utc(deadline.cutoff) == dt.datetime(2024, 3, 10, 5, tzinfo=dt.UTC)

    def test_repeated_midnight_takes_the_first(self) -> None:
        """Havana's midnight of 3 November 2024 happened twice: the first ends the day."""
        deadline = Deadline.on(pendulum.date(2024, 11, 2), tz="America/Havana")
        assert utc(deadline.cutoff) == dt.datetime(2024, 11, 3, 4, tzinfo=dt.UTC)
        assert deadline.cutoff.fold == 0

    def test_gap_across_midnight(self) -> None:
        """Toronto went from 23:30 to 00:30 on 30 March 1919: 31 March began at 00:30."""
        deadline = Deadline.on(pendulum.date(1919, 3, 30), tz="America/Toronto")
        assert deadline.cutoff == pendulum.datetime(
            1919, 3, 31, 0, 30, tz="America/Toronto"
        )
        assert utc(deadline.cutoff) == dt.datetime(1919, 3, 31, 4, 30, tzinfo=dt.UTC)

    def test_skipped_day(self) -> None:
        """Samoa skipped 30 December 2011: 29 December ended at the jump."""
        for day in (29, 30):
            deadline = Deadline.on(pendulum.date(2011, 12, day), tz="Pacific/Apia")
            assert utc(deadline.cutoff) == dt.datetime(2011, 12, 30, 10, tzinfo=dt.UTC)


class TestRemainingAndIsPast:
    """``remaining``, ``is_past`` and the moment they are asked at."""

    def test_remaining_is_elapsed_time_across_dst(self) -> None:
        """From noon 8 March, PT48H leaves 48 hours and P2D 47."""
        assert Deadline.after(NOON_NY, "PT48H").remaining(at=NOON_NY).in_hours() == 48
        assert Deadline.after(NOON_NY, days=2).remaining(at=NOON_NY).in_hours() == 47

    @pytest.mark.parametrize(
        ("anchor", "rule"),
        [
            (NOON_NY, "P2D"),  # 23-hour Sunday: 47 hours left
            (pendulum.datetime(2024, 11, 1, 8, tz="America/Vancouver"), "PT72H"),
            (pendulum.datetime(2024, 10, 26, 9, tz="Europe/London"), "P1W"),
            (pendulum.datetime(2011, 12, 29, 12, tz="Pacific/Apia"), "P2D"),
        ],
    )
    def test_remaining_given_back_falls_due_at_the_same_instant(
        self, anchor: pendulum.DateTime, rule: str
    ) -> None:
        """What is left counts as elapsed time wherever it is given back: a
        deadline counted from *at* by ``remaining(at)`` falls due at the same
        instant, though the days it spans were 23 or 25 hours long."""
        deadline = Deadline.after(anchor, rule)
        for at in (anchor, anchor.add(hours=5), anchor.add(hours=20)):
            left = deadline.remaining(at)
            again = Deadline.after(at, left)
            assert utc(again.due) == utc(deadline.due)
            assert again.period is not None
            assert left.in_hours() == again.period.to_duration().in_hours()

    def test_negative_once_passed(self) -> None:
        """Remaining time goes negative after the cutoff."""
        deadline = Deadline.on(pendulum.date(2025, 9, 2))
        assert deadline.remaining(at=pendulum.date(2025, 9, 5)) == pendulum.duration(
            days=-2
        )

    def test_date_at_means_the_start_of_that_day_in_the_deadlines_zone(self) -> None:
        """A date asked about is read in the deadline's zone."""
        deadline = Deadline.on(pendulum.date(2025, 9, 2), tz="Asia/Tokyo")
        assert deadline.remaining(at=pendulum.date(2025, 9, 2)) == pendulum.duration(
            days=1
        )
        assert deadline.remaining(at=PartialDate(2025, 9)) == pendulum.duration(days=2)

    def test_at_across_zones(self) -> None:
        """Comparisons across zones are by instant."""
        deadline = Deadline.on(pendulum.datetime(2025, 9, 2, 12, tz="Europe/Kyiv"))
        assert not deadline.is_past(
            at=pendulum.datetime(2025, 9, 2, 4, 59, tz="America/New_York")
        )
        assert deadline.is_past(at=pendulum.datetime(2025, 9, 2, 9, tz="UTC"))
        kolkata = zoneinfo.ZoneInfo("Asia/Kolkata")
        assert deadline.is_past(at=dt.datetime(2025, 9, 2, 14, 30, tzinfo=kolkata))
        assert not deadline.is_past(at=dt.datetime(2025, 9, 2, 14, 29, tzinfo=kolkata))

    def test_default_is_now(self) -> None:
        """Without at, the question is asked now."""
        assert Deadline.on(pendulum.date(2000, 1, 1)).is_past()
        assert not Deadline.on(pendulum.date(9000, 1, 1)).is_past()
        assert Deadline.on(pendulum.date(9000, 1, 1)).describe().startswith("due in ")

    def test_naive_at_refused(self) -> None:
        """A naive moment is refused, naming at."""
        deadline = Deadline.on(pendulum.date(2025, 9, 2))
        with pytest.raises(ValidationError) as exc:
            deadline.is_past(at=dt.datetime(2025, 9, 2))
        assert errors(exc) == (
            (
                "at",
                "naive datetime 2025-09-02T00:00:00 has no time zone; give it a zone "
                "(the library never guesses one) or record a date",
            ),
        )


_NAIVE = (
    "naive datetime 2025-09-03T00:00:00 has no time zone; give it a zone "
    "(the library never guesses one) or record a date"
)
_NOT_A_MOMENT = "must be a date, a zone-aware datetime or a PartialDate, got "


class TestPlainMoments:
    """Every question a deadline is asked of a moment reads plain ``datetime``
    values as the record fields do, and refuses what is not a moment."""

    SEPT2 = Deadline.on(pendulum.date(2025, 9, 2))

    def test_had_passed_by_a_day_whose_end_anywhere_is_the_cut_off(self) -> None:
        """
        15 August ends last at UTC-12, at noon UTC on the 16th: a datetime
        deadline at that instant had passed by the end of the 15th, as it
        passes at its cut-off, in whatever zone it is written; a microsecond
        later it had not.
        """
        instant = pendulum.datetime(2025, 8, 16, 12, tz="UTC")
        day = pendulum.date(2025, 8, 15)
        for tz in ("UTC", "Etc/GMT+12", "Asia/Tokyo", "America/New_York"):
            at = Deadline.on(instant.in_timezone(tz))
            assert at.had_passed_by(day) is True, tz
            later = Deadline.on(instant.add(microseconds=1).in_timezone(tz))
            assert later.had_passed_by(day) is False, tz
        same = Deadline.on(pendulum.date(2025, 8, 15), tz="Etc/GMT+12")
        assert same.cutoff == instant
        assert same.had_passed_by(day) is True

    @pytest.mark.parametrize(
        ("given", "answer"),
        [
            (dt.date(2025, 9, 1), False),
            (dt.date(2025, 9, 2), True),  # passed during that day
            (dt.datetime(2025, 9, 2, 23, 59, 59, tzinfo=dt.UTC), False),
            (dt.datetime(2025, 9, 3, tzinfo=dt.UTC), True),
            (
                dt.datetime(2025, 9, 2, 22, tzinfo=zoneinfo.ZoneInfo("Europe/Kyiv")),
                False,
            ),
        ],
    )
    def test_had_passed_by_a_plain_date_or_datetime(
        self, given: dt.date, answer: bool
    ) -> None:
        """A ``datetime.date`` is read to its end, an aware ``datetime.datetime``
        as the instant it is: as their pendulum equals."""
        assert self.SEPT2.had_passed_by(given) is answer

    @pytest.mark.parametrize(
        ("given", "answer"),
        [
            (dt.date(2025, 9, 2), (False, 86400, "due in 24 hours")),
            (dt.date(2025, 9, 3), (True, 0, "passed just now")),
            (
                dt.datetime(2025, 9, 3, 1, tzinfo=dt.UTC),
                (True, -3600, "passed 60 minutes ago"),
            ),
        ],
    )
    def test_is_past_remaining_describe_of_plain_values(
        self, given: dt.date, answer: tuple[bool, int, str]
    ) -> None:
        """A date means the start of that day in the deadline's zone."""
        deadline = self.SEPT2
        assert (
            deadline.is_past(given),
            deadline.remaining(given).total_seconds(),
            deadline.describe(given),
        ) == answer

    @pytest.mark.parametrize(
        ("method", "path"),
        [
            ("had_passed_by", "moment"),
            ("is_past", "at"),
            ("remaining", "at"),
            ("describe", "at"),
        ],
    )
    @pytest.mark.parametrize(
        ("given", "message"),
        [
            (dt.datetime(2025, 9, 3), _NAIVE),
            (5, _NOT_A_MOMENT + "int 5"),
            (
                "2025-09-02",
                _NOT_A_MOMENT + "str '2025-09-02' (parse text with parse_moment)",
            ),
        ],
        ids=["naive", "number", "text"],
    )
    def test_what_is_not_a_moment_is_refused(
        self, method: str, path: str, given: object, message: str
    ) -> None:
        """A naive datetime, a number or text is a ValidationError naming the
        argument, not a TypeError or an AttributeError."""
        with pytest.raises(ValidationError) as exc:
            getattr(self.SEPT2, method)(given)
        assert errors(exc) == ((path, message),)


class TestDescribe:
    """``describe``: how far off, in words."""

    @pytest.mark.parametrize(
        ("delta", "text"),
        [
            (pendulum.duration(weeks=3), "due in 3 weeks"),
            (pendulum.duration(days=-2), "passed 2 days ago"),
            (pendulum.duration(), "passed just now"),
            (pendulum.duration(days=13), "due in 13 days"),
            (pendulum.duration(days=14), "due in 2 weeks"),
            (pendulum.duration(days=1), "due in 24 hours"),
            (pendulum.duration(days=60), "due in 2 months"),
            (pendulum.duration(days=-800), "passed 2 years ago"),
            (pendulum.duration(minutes=1, seconds=59), "due in 1 minute"),
            (pendulum.duration(seconds=59), "due in 59 seconds"),
            (pendulum.duration(seconds=1), "due in 1 second"),
            (pendulum.duration(microseconds=-10), "passed less than a second ago"),
        ],
    )
    def test_wording(self, delta: pendulum.Duration, text: str) -> None:
        """Rounded down to the largest unit that fits twice."""
        due = pendulum.datetime(2025, 9, 2, 12, tz="Europe/Kyiv")
        deadline = Deadline.on(due)
        assert deadline.describe(at=due - delta) == text

    def test_fifty_days_as_of_twelve_august(self) -> None:
        """Three weeks and a day before 3 September is 'due in 3 weeks'."""
        deadline = Deadline.after(ISSUED, days=50)
        assert deadline.describe(at=pendulum.datetime(2025, 8, 12, tz="UTC")) == (
            "due in 3 weeks"
        )

    def test_a_business_day_rule_names_its_calendar(self) -> None:
        """
        Two business-day rules from one day that fall due apart read apart:
        the weekend, when not Saturday and Sunday, the holidays skipped and
        the weekend days worked, three dates and then how many more.
        """
        served = pendulum.date(2025, 7, 14)
        holidays = [pendulum.date(2025, 7, day) for day in (15, 16, 17, 18, 21)]
        gulf = Deadline.after_business_days(served, 5, weekend={4, 5})
        assert gulf.describe_rule() == (
            "5 business days after 2025-07-14 (weekend Friday and Saturday)"
        )
        long = Deadline.after_business_days(served, 10, holidays=holidays)
        assert long.describe_rule() == (
            "10 business days after 2025-07-14 (not 2025-07-15, 2025-07-16, "
            "2025-07-17 and 2 more)"
        )
        assert Deadline.after_business_days(
            served, 3, weekend=set()
        ).describe_rule() == ("3 business days after 2025-07-14 (weekend none)")
        worked = Deadline(  # a make-up Saturday, as a holidays calendar says
            due=pendulum.date(2025, 7, 19),
            anchor=pendulum.date(2025, 7, 18),
            business_days=1,
            workdays=[pendulum.date(2025, 7, 19)],
        )
        assert worked.describe_rule() == (
            "1 business day after 2025-07-18 (working 2025-07-19)"
        )

    def test_rule_and_text(self) -> None:
        """The rule is described in words and in str()."""
        business = Deadline.after_business_days(pendulum.date(2025, 7, 18), 1)
        assert business.describe_rule() == "1 business day after 2025-07-18"
        assert str(business) == "2025-07-21 [1 business day after 2025-07-18]"
        assert str(Deadline.after_business_days(pendulum.date(2025, 7, 18), 2)) == (
            "2025-07-22 [2 business days after 2025-07-18]"
        )
        assert (
            str(Deadline.on(NOON_NY)) == "2025-03-08T12:00:00-05:00[America/New_York]"
        )
        assert Deadline.on(NOON_NY).describe_rule() == (
            "on 2025-03-08T12:00:00-05:00[America/New_York]"
        )
        dated = Deadline.after(ISSUED, days=50, tz="America/New_York")
        assert (
            str(dated)
            == "2025-09-02 (end of day, America/New_York) [P50D after 2025-07-14]"
        )
        assert Deadline.on(pendulum.date(2025, 9, 2)).describe_rule() == (
            "on 2025-09-02 (to the end of the day, UTC)"
        )

    def test_a_counted_rule_names_the_zone_whose_day_ends_it(self) -> None:
        """
        A deadline counted to a day names its zone, as one on a fixed day
        does: "50 days after 2025-07-14" ends at midnight in Kyiv, three hours
        before midnight in UTC.  The note joins the rule's others; a rule
        whose words name the zone already, or that falls due at a time, or
        that names no zone (UTC), says nothing more.
        """
        day, kyiv = pendulum.date(2025, 7, 14), "Europe/Kyiv"
        end = "to the end of the day, Europe/Kyiv"
        assert Deadline.after(day, days=50, tz=kyiv).describe_rule() == (
            f"50 days after 2025-07-14 ({end})"
        )
        assert Deadline.before(day, days=1, tz=kyiv).describe_rule() == (
            f"1 day before 2025-07-14 ({end})"
        )
        assert Deadline.after_business_days(
            day, 5, holidays=[pendulum.date(2025, 7, 16)], tz=kyiv
        ).describe_rule() == (
            f"5 business days after 2025-07-14 (not 2025-07-16; {end})"
        )
        assert Deadline.on_day(16, counting_from=day, tz=kyiv).describe_rule() == (
            f"day 16 counting from 2025-07-14 (day 1; {end})"
        )
        late = pendulum.datetime(2025, 7, 14, 23, tz="UTC")  # 15 July in Kyiv
        assert Deadline.on_day(2, counting_from=late, tz=kyiv).describe_rule() == (
            "day 2 counting from 2025-07-14T23:00:00Z (day 1 is 2025-07-15 in "
            "Europe/Kyiv)"
        )
        timed = pendulum.datetime(2025, 7, 14, 12, tz=kyiv)
        assert Deadline.after(timed, hours=48).describe_rule() == (
            "48 hours after 2025-07-14T12:00:00+03:00[Europe/Kyiv]"
        )
        assert (
            Deadline.after(day, days=50).describe_rule() == "50 days after 2025-07-14"
        )


class TestOrdering:
    """Deadlines sort by the instant they pass."""

    def test_across_zones(self) -> None:
        """17:00 in Kyiv (14:00 UTC) is before noon in New York (16:00 UTC)."""
        ny = Deadline.on(pendulum.datetime(2025, 9, 2, 12, tz="America/New_York"))
        kyiv = Deadline.on(pendulum.datetime(2025, 9, 2, 17, tz="Europe/Kyiv"))
        utc_day = Deadline.on(pendulum.date(2025, 9, 2))
        kyiv_day = Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv")
        assert sorted([utc_day, ny, kyiv_day, kyiv]) == [kyiv, ny, kyiv_day, utc_day]
        assert kyiv < ny
        assert kyiv <= ny
        assert utc_day > kyiv_day
        assert utc_day >= kyiv_day

    def test_repeated_hour_sorts_by_instant(self) -> None:
        """01:30 EST comes after 01:45 EDT."""
        edt = Deadline.on(
            pendulum.datetime(2025, 11, 2, 1, 45, tz="America/New_York", fold=0)
        )
        est = Deadline.on(
            pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York", fold=1)
        )
        assert edt < est
        assert est.remaining(at=edt.due) == pendulum.duration(minutes=45)
        assert not est.is_past(at=edt.due)

    def test_equality_is_by_value(self) -> None:
        """Same cutoff, different rule: neither equal nor ordered."""
        on = Deadline.on(pendulum.date(2025, 9, 2))
        after = Deadline.after(ISSUED, days=50)
        assert on != after
        assert not on < after
        assert not after < on
        assert on <= after
        assert len({on, after, Deadline.after(ISSUED, "P50D")}) == 2

    def test_not_comparable_with_other_values(self) -> None:
        """Comparing with a date is a TypeError."""
        deadline = Deadline.on(pendulum.date(2025, 9, 2))
        for other in (pendulum.date(2025, 9, 2), 5):
            with pytest.raises(TypeError):
                assert deadline < other
            with pytest.raises(TypeError):
                assert deadline <= other
            with pytest.raises(TypeError):
                assert deadline > other
            with pytest.raises(TypeError):
                assert deadline >= other


def _ultimatum() -> Ultimatum:
    return Ultimatum(
        id="us-ultimatum-2025-07",
        issued_by="united-states",
        addressed_to=["russia"],
        issued_at=ISSUED,
        demand="Reach a ceasefire",
        deadline=Deadline.after(ISSUED, days=50),
    )


class TestRevisions:
    """``Ultimatum.revise_deadline`` keeps every earlier deadline."""

    def test_shorten_then_extend_keeps_both_in_order(self) -> None:
        """Cut to 10-12 days on 28 July, then 10 days from 29 July: both kept."""
        original = _ultimatum()
        cut = original.revise_deadline(
            Deadline.after(pendulum.date(2025, 7, 28), days=12),
            on=pendulum.date(2025, 7, 28),
            reason="about 10 or 12 days from today",
        )
        again = cut.revise_deadline(
            Deadline.after(pendulum.date(2025, 7, 29), days=10),
            on=pendulum.date(2025, 7, 29),
            reason="ten days from today",
            sources=["kyiv-independent"],
        )
        assert original.revisions == ()
        assert [str(d.due) for d in again.deadlines] == [
            "2025-09-02",
            "2025-08-09",
            "2025-08-08",
        ]
        assert again.revisions == (
            DeadlineRevision(
                previous=original.deadline,
                revised_on=pendulum.date(2025, 7, 28),
                reason="about 10 or 12 days from today",
            ),
            DeadlineRevision(
                previous=cut.deadline,
                revised_on=pendulum.date(2025, 7, 29),
                reason="ten days from today",
                sources=["kyiv-independent"],
            ),
        )
        assert again.status is UltimatumStatus.PENDING

    def test_extension(self) -> None:
        """A later deadline is an extension."""
        longer = _ultimatum().revise_deadline(
            Deadline.on(pendulum.date(2025, 12, 31)), on=pendulum.date(2025, 8, 30)
        )
        assert longer.deadline > longer.revisions[0].previous

    def test_revision_before_issue_refused(self) -> None:
        """A revision cannot predate the ultimatum."""
        with pytest.raises(ValidationError) as exc:
            _ultimatum().revise_deadline(
                Deadline.on(pendulum.date(2025, 8, 8)), on=pendulum.date(2025, 7, 1)
            )
        assert errors(exc) == (
            (
                "revisions[0].revised_on",
                "2025-07-01 is before the ultimatum was issued (2025-07-14)",
            ),
        )

    def test_revisions_out_of_order_refused(self) -> None:
        """A second revision dated before the first is refused."""
        cut = _ultimatum().revise_deadline(
            Deadline.on(pendulum.date(2025, 8, 8)), on=pendulum.date(2025, 7, 29)
        )
        with pytest.raises(ValidationError) as exc:
            cut.revise_deadline(
                Deadline.on(pendulum.date(2025, 8, 9)), on=pendulum.date(2025, 7, 28)
            )
        assert errors(exc) == (
            (
                "revisions[1].revised_on",
                "2025-07-28 is before the revision before it (2025-07-29); "
                "revisions must be in the order they were made",
            ),
        )

    def test_naive_revision_moment_refused(self) -> None:
        """The revision's moment is checked, with its path in the revisions."""
        with pytest.raises(ValidationError) as exc:
            _ultimatum().revise_deadline(
                Deadline.on(pendulum.date(2025, 8, 8)),
                on=dt.datetime(2025, 7, 29, 12),
            )
        assert errors(exc) == (
            (
                "revisions[0].revised_on",
                "naive datetime 2025-07-29T12:00:00 has no time zone; give it a zone "
                "(the library never guesses one) or record a date",
            ),
        )

    def test_withdrawn_ultimatum_cannot_be_revised(self) -> None:
        """Only a pending or expired ultimatum's deadline changes."""
        withdrawn = _ultimatum().withdraw(on=pendulum.date(2025, 8, 1))
        with pytest.raises(IllegalTransitionError):
            withdrawn.revise_deadline(
                Deadline.on(pendulum.date(2025, 9, 30)), on=pendulum.date(2025, 8, 2)
            )

    def test_expired_ultimatum_revived(self) -> None:
        """Revising an expired ultimatum makes it pending again, dated."""
        expired = _ultimatum().expire()
        revived = expired.revise_deadline(
            Deadline.on(pendulum.date(2025, 10, 1)), on=pendulum.date(2025, 9, 5)
        )
        assert revived.status is UltimatumStatus.PENDING
        assert revived.status_on == pendulum.date(2025, 9, 5)

    def test_revived_before_it_expired_is_refused_at_the_date_given(self) -> None:
        """Expired at the cut-off (3 September), revised "on 1 September":
        refused at the revision's date, which is what was given."""
        expired = _ultimatum().expire()
        with pytest.raises(ValidationError) as exc:
            expired.revise_deadline(
                Deadline.on(pendulum.date(2025, 10, 1)), on=pendulum.date(2025, 9, 1)
            )
        assert [path for path, _ in exc.value.errors] == ["revisions[0].revised_on"]


# --- properties -----------------------------------------------------------------

SAFE_ZONES = sorted(
    name
    for name in zoneinfo.available_timezones()
    if not name.startswith(("right/", "posix/"))
    and name not in {"Factory", "localtime"}
    and name.upper() not in ABBREVIATED_ZONES  # refused: see test_history.py
)

dates = st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2100, 12, 31))
zoned = st.builds(
    lambda naive, name, fold: pendulum.instance(
        naive.replace(tzinfo=zoneinfo.ZoneInfo(name), fold=fold)
    ),
    st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(SAFE_ZONES),
    st.integers(0, 1),
)
calendar_periods = st.builds(
    Period,
    years=st.integers(0, 3),
    months=st.integers(0, 30),
    weeks=st.integers(0, 10),
    days=st.integers(0, 400),
).filter(lambda p: not p.is_zero)
periods = st.builds(
    Period,
    years=st.integers(0, 3),
    months=st.integers(0, 30),
    weeks=st.integers(0, 10),
    days=st.integers(0, 400),
    hours=st.integers(0, 100),
    minutes=st.integers(0, 200),
    seconds=st.integers(0, 5000),
).filter(lambda p: not p.is_zero)

#: Zones whose clocks change (or changed) in ways that test the arithmetic.
_CHANGING_ZONES = [
    "America/New_York",
    "Europe/Kyiv",
    "Australia/Lord_Howe",  # half an hour
    "Pacific/Apia",  # skipped 30 December 2011
    "America/Santiago",  # changes at midnight
    "Asia/Tehran",
    "Pacific/Chatham",
    "UTC",
]


@st.composite
def _wall_time(draw: st.DrawFn, day: dt.date, name: str) -> pendulum.DateTime:
    """A wall time on *day* in *name*, often near the hours clocks change at."""
    hour = draw(st.one_of(st.integers(0, 4), st.integers(0, 23)))
    minute = draw(st.one_of(st.sampled_from([0, 15, 30, 45, 59]), st.integers(0, 59)))
    second = draw(st.one_of(st.just(0), st.integers(0, 59)))
    fold = draw(st.integers(0, 1))
    wall = dt.datetime.combine(day, dt.time(hour, minute, second, fold=fold))
    return pendulum.instance(wall.replace(tzinfo=zoneinfo.ZoneInfo(name)))


def _near_changes() -> st.SearchStrategy[dt.date]:
    """Days in the months clocks change in, month ends and leap days."""
    years = st.integers(1971, 2099)
    return st.one_of(
        dates,
        st.builds(
            dt.date, years, st.sampled_from([3, 4, 9, 10, 11, 12]), st.integers(1, 28)
        ),
        st.builds(
            lambda y, m: dt.date(y, m, calendar.monthrange(y, m)[1]),
            years,
            st.integers(1, 12),
        ),
        st.sampled_from(
            [dt.date(2024, 2, 29), dt.date(2000, 2, 29), dt.date(2011, 12, 29)]
        ),
    )


@st.composite
def _interval_ends(draw: st.DrawFn) -> tuple[pendulum.DateTime, pendulum.DateTime]:
    """Two moments, the first not after the second: mostly in one zone, days
    to years apart, near clock changes."""
    name = draw(
        st.one_of(st.sampled_from(_CHANGING_ZONES), st.sampled_from(SAFE_ZONES))
    )
    first_day = draw(_near_changes())
    later = draw(
        st.one_of(st.integers(0, 3), st.integers(0, 800), st.just(28), st.just(365))
    )
    second_day = min(first_day + dt.timedelta(days=later), dt.date(2100, 12, 31))
    other = draw(st.one_of(st.just(name), st.sampled_from(_CHANGING_ZONES)))
    first = draw(_wall_time(first_day, name))
    second = draw(_wall_time(second_day, other))
    first, second = sorted((first, second), key=utc)
    return first, second


def _deadlines() -> st.SearchStrategy[Deadline]:
    return st.one_of(
        st.builds(Deadline.after, dates, calendar_periods),
        st.builds(Deadline.after, zoned, periods),
        st.builds(
            lambda d, tz: Deadline.on(d, tz=tz), dates, st.sampled_from(SAFE_ZONES)
        ),
        st.builds(Deadline.on, zoned),
        st.builds(
            lambda a, n, h: Deadline.after_business_days(a, n, holidays=h),
            st.one_of(dates, zoned),
            st.integers(1, 60),
            st.frozensets(dates, max_size=40),
        ),
    )


class TestProperties:
    """Hypothesis properties of the arithmetic."""

    @given(anchor=dates, period=calendar_periods)
    def test_due_not_before_a_date_anchor(
        self, anchor: dt.date, period: Period
    ) -> None:
        """after(anchor, p).due is after anchor for positive p (dates)."""
        assert Deadline.after(anchor, period).due > anchor

    @given(anchor=zoned, period=periods)
    def test_due_not_before_a_zoned_anchor(
        self, anchor: pendulum.DateTime, period: Period
    ) -> None:
        """after(anchor, p).due >= anchor for positive p, in any zone."""
        deadline = Deadline.after(anchor, period)
        assert utc(deadline.due) >= utc(anchor)
        assert deadline.remaining(at=anchor) >= pendulum.duration()

    @given(anchor=zoned, hours=st.integers(1, 10_000))
    def test_hours_are_exact(self, anchor: pendulum.DateTime, hours: int) -> None:
        """PTnH is exactly n elapsed hours, whatever the zone does."""
        deadline = Deadline.after(anchor, hours=hours)
        assert utc(deadline.due) - utc(anchor) == dt.timedelta(hours=hours)

    @given(
        anchor=st.one_of(dates, zoned),
        n=st.integers(1, 300),
        holidays=st.frozensets(dates, max_size=60),
    )
    def test_business_days_never_fall_on_a_weekend_or_holiday(
        self, anchor: dt.date, n: int, holidays: frozenset[dt.date]
    ) -> None:
        """The due day is a weekday that is not a holiday."""
        due = Deadline.after_business_days(anchor, n, holidays=holidays).due
        assert isinstance(due, dt.date)
        day = dt.date(due.year, due.month, due.day)
        assert day.weekday() < 5
        assert day not in holidays

    @given(deadline=_deadlines(), at=st.one_of(dates, zoned))
    def test_remaining_not_positive_exactly_when_past(
        self, deadline: Deadline, at: dt.date
    ) -> None:
        """remaining(at) <= 0 if and only if is_past(at)."""
        assert (deadline.remaining(at) <= pendulum.duration()) == deadline.is_past(at)

    @given(deadline=_deadlines())
    def test_rebuilt_from_fields_is_accepted(self, deadline: Deadline) -> None:
        """The loading checks agree with the constructors."""
        fields = {a.name: getattr(deadline, a.name) for a in attrs.fields(Deadline)}
        rebuilt = Deadline(**fields)
        assert rebuilt == deadline
        assert utc(rebuilt.cutoff) == utc(deadline.cutoff)

    @given(deadline=_deadlines())
    def test_cutoff_is_when_it_passes(self, deadline: Deadline) -> None:
        """Just before the cutoff it is open, at the cutoff it has passed."""
        cutoff = deadline.cutoff
        assume(utc(cutoff) > dt.datetime(1970, 1, 2, tzinfo=dt.UTC))
        assert deadline.is_past(at=cutoff)
        assert not deadline.is_past(at=cutoff - dt.timedelta(microseconds=1))

    @given(ends=_interval_ends())
    def test_an_interval_reaches_its_end(
        self, ends: tuple[pendulum.DateTime, pendulum.DateTime]
    ) -> None:
        """``after(a, b - a).due`` is *b* for any a <= b, in any zone, across
        clock changes, month ends and leap days; the zone is *a*'s.  (A
        deadline's period is positive: ``a == b`` is refused, as a zero
        duration is.)"""
        start, end = ends
        assume(utc(start) < utc(end))
        deadline = Deadline.after(start, end - start)
        assert isinstance(deadline.due, pendulum.DateTime)
        assert utc(deadline.due) == utc(end)
        assert deadline.due.tzinfo == deadline.anchor.tzinfo  # type: ignore[union-attr]

    @given(start=dates, end=dates)
    def test_an_interval_between_dates_reaches_its_end(
        self, start: dt.date, end: dt.date
    ) -> None:
        """``after(a, b - a).due`` is *b* for any dates a < b."""
        assume(start != end)
        start, end = (
            pendulum.Date(d.year, d.month, d.day) for d in sorted((start, end))
        )
        assert Deadline.after(start, end - start).due == end

    @given(
        start=st.datetimes(
            min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2100, 1, 1)
        ),
        length=st.timedeltas(
            min_value=dt.timedelta(0), max_value=dt.timedelta(days=3000)
        ).map(lambda d: d - dt.timedelta(microseconds=d.microseconds)),
    )
    def test_without_clock_changes_an_interval_is_what_pendulum_says(
        self, start: dt.datetime, length: dt.timedelta
    ) -> None:
        """In UTC, where pendulum's own ``a + (b - a)`` is *b*, the period has
        exactly the parts pendulum reports."""
        first = pendulum.instance(start.replace(tzinfo=dt.UTC))
        end = first.add(seconds=length.total_seconds())
        interval = end - first
        assume(first + interval == end)
        assert Period.from_duration(interval) == Period(
            years=interval.years,
            months=interval.months,
            days=interval.weeks * 7 + interval.remaining_days,
            hours=interval.hours,
            minutes=interval.minutes,
            seconds=interval.remaining_seconds,
        )


def _iter_dates(start: dt.date, days: int) -> Iterator[dt.date]:
    for offset in range(days):
        yield start + dt.timedelta(days=offset)


def test_date_deadline_cutoff_is_the_next_day_everywhere() -> None:
    """In every zone, a date deadline ends when the next day begins there."""
    for name in ("Europe/Kyiv", "America/Havana", "Asia/Tehran", "Pacific/Chatham"):
        tz = zoneinfo.ZoneInfo(name)
        for day in _iter_dates(dt.date(2024, 1, 1), 366):
            cutoff = Deadline.on(day, tz=name).cutoff
            local = cutoff.astimezone(tz)
            assert local.date() > day
            before = (cutoff - dt.timedelta(seconds=1)).astimezone(tz)
            assert before.date() <= day


class TestCutoffKept:
    """
    A deadline keeps its cut-off once worked out, outside its value: reading
    it changes nothing a user can see but the time the next reading takes.
    """

    @given(deadline=_deadlines())
    def test_reading_the_cutoff_leaves_the_value_as_it_was(
        self, deadline: Deadline
    ) -> None:
        """Equality, hash, repr, serialized form, copies and pickles are unchanged."""
        fresh = Deadline(
            **{a.name: getattr(deadline, a.name) for a in attrs.fields(Deadline)}
        )
        first = deadline.cutoff
        assert deadline.cutoff is first
        assert deadline == fresh
        assert hash(deadline) == hash(fresh)
        assert repr(deadline) == repr(fresh)
        assert to_json(deadline) == to_json(fresh)
        for other in (
            copy.copy(deadline),
            copy.deepcopy(deadline),
            pickle.loads(pickle.dumps(deadline)),  # noqa: S301 - our own bytes
            from_json(Deadline, to_json(deadline)),
        ):
            assert other == deadline
            assert utc(other.cutoff) == utc(fresh.cutoff) == utc(first)
            assert other.cutoff.tzinfo == first.tzinfo

    def test_a_changed_deadline_works_its_own_out(self) -> None:
        """``attrs.evolve`` to another zone gives that zone's midnight, not the old one."""
        kyiv = Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv")
        assert utc(kyiv.cutoff) == dt.datetime(2025, 9, 2, 21, tzinfo=dt.UTC)
        tokyo = attrs.evolve(kyiv, tz="Asia/Tokyo")
        assert utc(tokyo.cutoff) == dt.datetime(2025, 9, 2, 15, tzinfo=dt.UTC)
        assert utc(kyiv.cutoff) == dt.datetime(2025, 9, 2, 21, tzinfo=dt.UTC)

    @given(deadlines=st.lists(_deadlines(), max_size=12))
    def test_sorted_by_the_cutoff_read_or_not(self, deadlines: list[Deadline]) -> None:
        """Sorting deadlines whose cut-off was read and fresh ones agrees, ties kept."""
        fresh = [
            Deadline(**{a.name: getattr(d, a.name) for a in attrs.fields(Deadline)})
            for d in deadlines
        ]
        for deadline in deadlines[::2]:
            assert deadline.cutoff is not None
        order = sorted(range(len(fresh)), key=lambda i: utc(fresh[i].cutoff))
        assert [id(d) for d in sorted(deadlines)] == [id(deadlines[i]) for i in order]


@pytest.mark.parametrize(
    "tz", [pendulum.timezone("Europe/Kyiv"), zoneinfo.ZoneInfo("Europe/Kyiv")]
)
def test_a_zone_object_given_for_a_deadlines_zone_is_told_its_name(tz: object) -> None:
    """A deadline keeps its zone's name: a zone object is refused with that name."""
    with pytest.raises(ValidationError) as exc:
        Deadline.on(pendulum.date(2025, 9, 1), tz=tz)  # type: ignore[arg-type]
    ((path, message),) = exc.value.errors
    assert path == "tz"
    assert message.startswith("must be an IANA time zone name such as 'Europe/Kyiv'")
    assert message.endswith(": give its name, 'Europe/Kyiv'")
    assert Deadline.on(pendulum.date(2025, 9, 1), tz="Europe/Kyiv").tz == "Europe/Kyiv"
