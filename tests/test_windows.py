"""Windows: "next week", "by the end of the month" and explicit spans of days."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation_records import PartialDate, ValidationError, Window


REPORT_DAY = pendulum.date(2025, 7, 19)  # a Saturday


class TestNextWeek:
    """``Window.next_week``: the ISO week after the reference day's."""

    def test_from_a_saturday(self) -> None:
        """Said on Saturday 19 July 2025, next week is 21 to 27 July."""
        week = Window.next_week(of=REPORT_DAY)
        assert (week.start, week.end, week.label) == (
            pendulum.date(2025, 7, 21),
            pendulum.date(2025, 7, 27),
            "next week",
        )
        assert week.days == 7

    @pytest.mark.parametrize("day", [14, 15, 16, 17, 18, 19, 20])
    def test_every_day_of_a_week_gives_the_same_next_week(self, day: int) -> None:
        """Monday to Sunday of one week all point at the following Monday."""
        assert Window.next_week(of=pendulum.date(2025, 7, day)).start == (
            pendulum.date(2025, 7, 21)
        )

    def test_across_the_year(self) -> None:
        """Next week from Monday 29 December 2025 is 5 to 11 January 2026."""
        week = Window.next_week(of=pendulum.date(2025, 12, 29))
        assert (week.start, week.end) == (
            pendulum.date(2026, 1, 5),
            pendulum.date(2026, 1, 11),
        )

    def test_from_a_datetime_uses_its_own_date(self) -> None:
        """Sunday 23:30 in Kyiv is still that Sunday, though Monday in UTC+9."""
        sunday_night = pendulum.datetime(2025, 7, 20, 23, 30, tz="Europe/Kyiv")
        assert Window.next_week(of=sunday_night).start == pendulum.date(2025, 7, 21)

    def test_plain_date_and_own_label(self) -> None:
        """A datetime.date works; the label may be changed or dropped."""
        week = Window.next_week(of=dt.date(2025, 7, 19), label=None)
        assert week.label is None
        assert str(week) == "2025-07-21..2025-07-27"

    def test_no_next_week_at_the_end_of_the_calendar(self) -> None:
        """
        The calendar ends on Friday 31 December 9999: from Monday 20 December
        on there is no next week, which is a ValidationError at ``of``.
        """
        week = Window.next_week(of=pendulum.date(9999, 12, 19))
        assert (week.start, week.end) == (
            pendulum.date(9999, 12, 20),
            pendulum.date(9999, 12, 26),
        )
        late = [
            pendulum.date(9999, 12, 20),
            pendulum.date(9999, 12, 28),
            pendulum.datetime(9999, 12, 31, 12, tz="Pacific/Kiritimati"),
        ]
        for of in late:
            with pytest.raises(ValidationError) as exc:
                Window.next_week(of=of)
            assert exc.value.errors == (
                (
                    "of",
                    f"the week after {of.date() if isinstance(of, dt.datetime) else of}"
                    " is outside the calendar, which ends on 9999-12-31",
                ),
            )

    def test_naive_datetime_refused(self) -> None:
        """The reference must be a date or an aware datetime."""
        with pytest.raises(ValidationError) as exc:
            Window.next_week(of=dt.datetime(2025, 7, 19, 12))
        assert exc.value.errors == (
            (
                "of",
                "naive datetime 2025-07-19T12:00:00 has no time zone; give it a zone "
                "(the library never guesses one) or record a date",
            ),
        )

    def test_text_refused(self) -> None:
        """Text is not a date."""
        with pytest.raises(ValidationError) as exc:
            Window.next_week(of="2025-07-19")  # type: ignore[arg-type]
        assert exc.value.errors == (("of", "must be a date, got str '2025-07-19'"),)

    def test_a_bad_reference_and_a_bad_label_are_reported_together(self) -> None:
        """Every problem at once, for ``next_week`` and ``end_of_month``."""
        for make in (Window.next_week, Window.end_of_month):
            with pytest.raises(ValidationError) as exc:
                make(of="2025-07-19", label=7)  # type: ignore[arg-type]
            assert exc.value.errors == (
                ("of", "must be a date, got str '2025-07-19'"),
                ("label", "must be text (str), got int 7"),
            )
        with pytest.raises(ValidationError) as exc:
            Window.next_week(of=pendulum.date(9999, 12, 28), label=" ")
        assert [path for path, _ in exc.value.errors] == ["of", "label"]


class TestEndOfMonth:
    """``Window.end_of_month``: from the reference day to the month's last day."""

    @pytest.mark.parametrize(
        ("of", "end", "days"),
        [
            ((2024, 2, 10), (2024, 2, 29), 20),
            ((2025, 2, 10), (2025, 2, 28), 19),
            ((2025, 7, 31), (2025, 7, 31), 1),
            ((2025, 12, 1), (2025, 12, 31), 31),
        ],
    )
    def test_last_day(
        self, of: tuple[int, int, int], end: tuple[int, int, int], days: int
    ) -> None:
        """The window ends on the last day of the month, leap years included."""
        window = Window.end_of_month(of=pendulum.date(*of))
        assert window.end == pendulum.date(*end)
        assert window.days == days
        assert window.label == "by the end of the month"


class TestBetween:
    """``Window.between``: an explicit span of days."""

    def test_both_ends_included(self) -> None:
        """1 to 8 August is eight days."""
        window = Window.between(
            pendulum.date(2025, 8, 1), pendulum.date(2025, 8, 8), label="early August"
        )
        assert window.days == 8
        assert str(window) == "early August (2025-08-01..2025-08-08)"

    def test_single_day(self) -> None:
        """A window may be one day long."""
        assert Window.between(REPORT_DAY, REPORT_DAY).days == 1

    def test_reversed_refused(self) -> None:
        """The end cannot come before the start."""
        with pytest.raises(ValidationError) as exc:
            Window.between(pendulum.date(2025, 8, 8), pendulum.date(2025, 8, 1))
        assert exc.value.errors == (
            ("end", "must not be before start (2025-08-08), got 2025-08-01"),
        )

    def test_datetimes_refused(self) -> None:
        """An explicit window is made of dates."""
        with pytest.raises(ValidationError) as exc:
            Window.between(
                pendulum.datetime(2025, 8, 1, tz="UTC"), pendulum.date(2025, 8, 8)
            )
        assert exc.value.errors == (
            (
                "start",
                "must be a date, got DateTime DateTime(2025, 8, 1, 0, 0, 0, "
                "tzinfo=Timezone('UTC'))",
            ),
        )


class TestContains:
    """``Window.contains``: is a moment inside?"""

    week = Window.next_week(of=REPORT_DAY)

    @pytest.mark.parametrize(
        ("moment", "inside"),
        [
            (pendulum.date(2025, 7, 20), False),
            (pendulum.date(2025, 7, 21), True),
            (pendulum.date(2025, 7, 27), True),
            (pendulum.date(2025, 7, 28), False),
            (dt.date(2025, 7, 23), True),
            (PartialDate(2025, 7), False),
            (PartialDate(2025), False),
        ],
    )
    def test_dates_and_partial_dates(self, moment: pendulum.Date, inside: bool) -> None:
        """A date by its day; a month only when wholly inside."""
        assert self.week.contains(moment) is inside

    def test_month_wholly_inside(self) -> None:
        """A window spanning July contains "July"."""
        july = Window.between(pendulum.date(2025, 6, 30), pendulum.date(2025, 8, 1))
        assert july.contains(PartialDate(2025, 7))

    def test_datetime_by_its_own_calendar_date(self) -> None:
        """23:30 in Kyiv on 27 July is inside; the same instant in Tokyo is not."""
        kyiv = pendulum.datetime(2025, 7, 27, 23, 30, tz="Europe/Kyiv")
        assert self.week.contains(kyiv)
        assert not self.week.contains(kyiv.in_timezone("Asia/Tokyo"))

    def test_stdlib_aware_datetime(self) -> None:
        """A zoneinfo datetime is read in its own zone."""
        tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
        assert self.week.contains(dt.datetime(2025, 7, 21, 0, 30, tzinfo=tokyo))

    def test_naive_datetime_refused(self) -> None:
        """The window never guesses a zone either."""
        with pytest.raises(ValidationError) as exc:
            self.week.contains(dt.datetime(2025, 7, 23, 12))
        assert exc.value.errors[0][0] == "moment"
        assert "has no time zone" in exc.value.errors[0][1]

    def test_what_is_no_moment_is_told_what_is(self) -> None:
        """Text is refused with what ``contains`` takes: a date, a datetime or a month."""
        with pytest.raises(ValidationError) as exc:
            self.week.contains("2025-07-22")  # type: ignore[arg-type]
        assert exc.value.errors == (
            (
                "moment",
                "must be a date, a zone-aware datetime or a PartialDate, got str "
                "'2025-07-22' (parse text with parse_moment)",
            ),
        )


@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 1)))
def test_next_week_is_the_following_iso_week(day: dt.date) -> None:
    """next_week starts on a Monday 1 to 7 days later and lasts 7 days."""
    week = Window.next_week(of=day)
    assert week.start.weekday() == 0
    assert 1 <= (week.start - pendulum.Date(day.year, day.month, day.day)).days <= 7
    assert week.days == 7
    assert (
        week.start.isocalendar()[:2] == (day + dt.timedelta(weeks=1)).isocalendar()[:2]
    )


@given(day=st.one_of(st.dates(), st.dates(min_value=dt.date(9999, 11, 1))))
def test_next_week_or_a_validation_error(day: dt.date) -> None:
    """
    Over the whole calendar, next_week gives the week after or, only when
    that week would end past 31 December 9999, a ValidationError at ``of``.
    """
    monday = day - dt.timedelta(days=day.weekday())
    if (dt.date.max - monday).days >= 13:
        week = Window.next_week(of=day)
        assert week.start == monday + dt.timedelta(weeks=1)
        assert week.days == 7
    else:
        with pytest.raises(ValidationError) as exc:
            Window.next_week(of=day)
        assert [path for path, _ in exc.value.errors] == ["of"]


@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 1)))
def test_end_of_month_contains_the_rest_of_the_month(day: dt.date) -> None:
    """The window starts on the day and ends on the last day of its month."""
    window = Window.end_of_month(of=day)
    assert window.contains(day)
    assert (window.end + dt.timedelta(days=1)).day == 1
    assert window.end.month == day.month
