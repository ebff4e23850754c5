"""
Records whose dates come from sources in other zones than their datetimes.

A date names no zone: news reports date an event by the day where they were
written.  A record is refused for an order only when the order holds whatever
zone the date was read in (``is_before``: a day against a datetime is read as
the days the datetime shows anywhere on Earth).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation_records import (
    Deadline,
    IllegalTransitionError,
    Membership,
    Negotiation,
    PartialDate,
    Party,
    Proposal,
    Response,
    Round,
    Ultimatum,
    ValidationError,
)
from negotiation_records._civil_day import ends_everywhere
from negotiation_records.history import steps_back
from negotiation_records.timeutil import Moment, days_anywhere, is_before


#: The Alaska summit ended at 14:45 on 15 August 2025 (22:45 UTC, 01:45 on
#: the 16th in Moscow).
SUMMIT_ENDS = pendulum.datetime(2025, 8, 15, 14, 45, tz="America/Anchorage")


def proposal(made_on: Moment, *responses: Response) -> Proposal:
    return Proposal(
        id="ceasefire",
        proposed_by="ru",
        addressed_to=["us"],
        made_on=made_on,
        summary="Terms for a settlement",
        responses=responses,
    )


class TestRecordsAcrossZones:
    def test_a_response_the_same_night_elsewhere(self) -> None:
        """Made "16 August" in Moscow, answered at 20:00 on the 15th in Alaska."""
        answer = Response(
            party="us",
            on=pendulum.datetime(2025, 8, 15, 20, tz="America/Anchorage"),
            stance="undecided",
        )
        made = pendulum.date(2025, 8, 16)
        assert proposal(made, answer).responses == (answer,)

    def test_a_response_a_day_before_everywhere_is_refused(self) -> None:
        """At 20:00 on the 14th in Alaska it is the 15th at most, anywhere."""
        answer = Response(
            party="us",
            on=pendulum.datetime(2025, 8, 14, 20, tz="America/Anchorage"),
            stance="undecided",
        )
        with pytest.raises(ValidationError) as caught:
            proposal(pendulum.date(2025, 8, 16), answer)
        assert [path for path, _ in caught.value.errors] == ["responses[0].on"]

    def test_a_round_reported_by_a_source_a_day_ahead(self) -> None:
        """A round held at the summit covers a statement dated the 16th."""
        summit = Round(
            number=1,
            status="held",
            starts=pendulum.datetime(2025, 8, 15, 11, tz="America/Anchorage"),
            ends=SUMMIT_ENDS,
        )
        assert summit.covers(pendulum.date(2025, 8, 16))
        assert not summit.covers(pendulum.date(2025, 8, 17))
        assert not summit.covers(pendulum.date(2025, 8, 14))

    def test_a_proposal_in_a_round_with_no_end_recorded(self) -> None:
        """
        The summit opened at 11:00 in Anchorage, its end not recorded: it
        covers the rest of that day there, to 08:00 UTC on the 16th, when
        the 16th had begun in Moscow; the 17th had begun nowhere.
        """
        summit = Round(
            number=1,
            status="held",
            starts=pendulum.datetime(2025, 8, 15, 11, tz="America/Anchorage"),
        )
        parties = [
            Party(id="ru", name="Russia", kind="state"),
            Party(id="us", name="United States", kind="state"),
        ]

        def talks(made_on: pendulum.Date) -> Negotiation:
            offer = attrs.evolve(proposal(made_on), round=1)
            return Negotiation(
                id="alaska",
                title="Alaska summit",
                parties=parties,
                rounds=[summit],
                proposals=[offer],
            )

        assert talks(pendulum.date(2025, 8, 16)).proposals[0].round == 1
        with pytest.raises(ValidationError) as caught:
            talks(pendulum.date(2025, 8, 17))
        assert [path for path, _ in caught.value.errors] == ["proposals[0].made_on"]

    def test_memberships_meeting_at_a_date_and_a_datetime(self) -> None:
        """Left "15 August", joined again at 09:00 on the 16th in Tokyo: both may be the 15th."""
        left = Membership(party="m", until=pendulum.date(2025, 8, 15))
        again = Membership(
            party="m", since=pendulum.datetime(2025, 8, 16, 9, tz="Asia/Tokyo")
        )
        assert left.overlaps(again)
        with pytest.raises(ValidationError):
            Party(id="c", name="C", kind="coalition", members=[left, again])
        later = Membership(
            party="m", since=pendulum.datetime(2025, 8, 17, 9, tz="Asia/Tokyo")
        )
        assert not left.overlaps(later)
        Party(id="c", name="C", kind="coalition", members=[left, later])


def ultimatum(due: pendulum.DateTime) -> Ultimatum:
    return Ultimatum(
        id="truce",
        issued_by="us",
        addressed_to=["ru"],
        issued_at=pendulum.date(2025, 8, 1),
        demand="Agree to a ceasefire",
        deadline=Deadline.on(due),
    )


class TestDeadlinesAgainstDays:
    """A day against a datetime deadline may be that day anywhere on Earth."""

    def test_expired_on_a_day_that_ended_later_elsewhere(self) -> None:
        """Due 01:00 on the 16th in Moscow (22:00 UTC on the 15th): still the 15th in Alaska."""
        due = pendulum.datetime(2025, 8, 16, 1, tz="Europe/Moscow")
        expired = ultimatum(due).expire(on=pendulum.date(2025, 8, 15))
        assert expired.status.value == "expired"
        with pytest.raises(IllegalTransitionError):
            ultimatum(due).expire(on=pendulum.date(2025, 8, 14))

    def test_complied_on_a_day_that_began_earlier_elsewhere(self) -> None:
        """Due 23:00 on the 15th in Anchorage (07:00 UTC on the 16th): the 16th in Moscow."""
        due = pendulum.datetime(2025, 8, 15, 23, tz="America/Anchorage")
        complied = ultimatum(due).comply(on=pendulum.date(2025, 8, 16))
        assert complied.status.value == "complied"
        with pytest.raises(IllegalTransitionError):
            ultimatum(due).comply(on=pendulum.date(2025, 8, 17))
        late = ultimatum(due).comply(on=pendulum.date(2025, 8, 17), late=True)
        assert late.status.value == "complied"

    def test_a_date_deadline_is_read_by_days(self) -> None:
        """Due 2 September (a date): the 3rd is late, the 2nd is not."""
        record = attrs.evolve(
            ultimatum(pendulum.datetime(2025, 9, 2, tz="UTC")),
            deadline=Deadline.on(pendulum.date(2025, 9, 2), tz="Asia/Tokyo"),
        )
        assert record.comply(on=pendulum.date(2025, 9, 2)).status.value == "complied"
        with pytest.raises(IllegalTransitionError):
            record.comply(on=pendulum.date(2025, 9, 3))
        with pytest.raises(IllegalTransitionError):
            record.expire(on=pendulum.date(2025, 9, 1))
        assert record.expire(on=pendulum.date(2025, 9, 2)).status.value == "expired"


_ZONES = [
    "UTC",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Etc/GMT+12",
    "America/Anchorage",
    "Asia/Tokyo",
    "Europe/Moscow",
]

_days = st.integers(min_value=0, max_value=4).map(
    lambda n: pendulum.date(2025, 8, 13).add(days=n)
)
_datetimes = st.builds(
    lambda day, hour, tz: pendulum.datetime(day.year, day.month, day.day, hour, tz=tz),
    _days,
    st.integers(min_value=0, max_value=23),
    st.sampled_from(_ZONES),
)
_moments: st.SearchStrategy[Moment | None] = st.one_of(
    st.none(),
    _days,
    _datetimes,
    st.sampled_from([PartialDate(2025, 8), PartialDate(2025)]),
)


@given(st.lists(_moments, max_size=8))
def test_steps_back_finds_every_step_before_an_earlier_one(
    moments: list[Moment | None],
) -> None:
    """
    A history's steps are refused exactly where comparing each with every
    earlier one finds one it is before, and the earlier one named is such a
    one: days, months and datetimes in zones a day apart.
    """
    found = steps_back(moments)
    for index, moment in enumerate(moments):
        earlier = [
            j
            for j in range(index)
            if moment is not None
            and moments[j] is not None
            and is_before(moment, moments[j])  # type: ignore[arg-type]
        ]
        assert (index in found) == bool(earlier), (index, moments)
        if index in found:
            assert found[index] in earlier


@given(_days, _datetimes)
def test_a_day_and_a_datetime_are_ordered_only_by_days_anywhere(
    day: pendulum.Date, moment: pendulum.DateTime
) -> None:
    """The day is before the datetime exactly when before every day it shows."""
    first, last = days_anywhere(moment)
    assert first <= moment.date() <= last
    assert is_before(day, moment) == (day < first)
    assert is_before(moment, day) == (last < day)
    utc = moment.in_timezone("UTC").date()
    assert (last - first).days <= 2
    assert first <= utc <= last


@given(
    day=st.dates(max_value=dt.date(9999, 12, 29)).map(pendulum.instance),
    ahead=st.integers(-12 * 3600, 14 * 3600),
)
def test_a_day_has_ended_everywhere_once_no_clock_shows_it(
    day: pendulum.Date, ahead: int
) -> None:
    """
    The instant a day has ended everywhere (midnight at UTC-12, which
    ``Deadline.had_passed_by`` reads) is the first one at which no clock on
    Earth shows that day any more (``days_anywhere``), whichever zone it is
    written in; a microsecond earlier, a clock somewhere still shows it.
    """
    ended = ends_everywhere(day)
    assert ended == pendulum.datetime(day.year, day.month, day.day, 12).add(days=1)
    zone = pendulum.FixedTimezone(ahead)
    at_end = pendulum.instance(ended).in_timezone(zone)
    assert days_anywhere(at_end)[0] > day
    assert days_anywhere(at_end.subtract(microseconds=1))[0] == day
