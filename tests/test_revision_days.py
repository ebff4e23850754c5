"""Revisions found by bisection: the same answers as asking each one, on long histories too."""

from __future__ import annotations

import json

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation_records import (
    Agreement,
    AgreementStatus,
    Deadline,
    DeadlineRevision,
    Milestone,
    PartialDate,
    StatusChange,
    Ultimatum,
    ValidationError,
    from_json,
    to_json,
)
from negotiation_records._revision_days import RevisionDays
from negotiation_records._revivals import revivals
from negotiation_records.agreements import in_force_on
from negotiation_records.strategies import moments, zone_names
from negotiation_records.timeutil import Moment, is_before


START = pendulum.date(2025, 7, 1)
DEADLINE = Deadline.after(START, days=5)


def _revision(made: Moment) -> DeadlineRevision:
    return DeadlineRevision(previous=DEADLINE, revised_on=made)


#: Days close together, so that a moment often shares a day with a revision.
_days = st.integers(0, 20).map(lambda n: START.add(days=n))


@st.composite
def _near_moments(draw: st.DrawFn) -> Moment:
    """A moment among the revisions' days: a day, a month, a year or a datetime."""
    kind = draw(st.sampled_from(["day", "month", "year", "datetime", "any"]))
    if kind == "day":
        return draw(_days)
    if kind == "month":
        return PartialDate(2025, draw(st.integers(6, 8)))
    if kind == "year":
        return PartialDate(draw(st.integers(2024, 2026)))
    if kind == "datetime":
        day, minute = draw(_days), draw(st.integers(0, 24 * 60 - 1))
        return pendulum.datetime(
            day.year, day.month, day.day, *divmod(minute, 60), tz=draw(zone_names())
        )
    return draw(moments())


@given(st.lists(_days, max_size=12).map(sorted), _near_moments())
def test_made_around_is_what_is_before_says(
    days: list[pendulum.Date], on: Moment
) -> None:
    """Those certainly before are the first ones, those certainly after the last ones."""
    revisions = [_revision(day) for day in days]
    before, after = RevisionDays(revisions).around(on)
    made_before = [is_before(r.revised_on, on) for r in revisions]
    made_after = [is_before(on, r.revised_on) for r in revisions]
    assert made_before == [index < before for index in range(len(revisions))]
    assert made_after == [index >= after for index in range(len(revisions))]


@given(
    st.lists(st.one_of(_days, _near_moments()), min_size=1, max_size=8),
    _near_moments(),
)
def test_in_force_on_is_the_same_either_way(made: list[Moment], on: Moment) -> None:
    """By bisection or asking each revision, whatever the revisions' dates: one answer."""
    revisions = tuple(_revision(moment) for moment in made)
    deadlines = tuple(
        Deadline.after(START, days=index + 1) for index in range(len(revisions) + 1)
    )
    days = RevisionDays(revisions)
    assert in_force_on(deadlines, revisions, on, days) == in_force_on(
        deadlines, revisions, on
    )


@given(
    st.lists(st.one_of(_days, _near_moments()), max_size=12),
    _near_moments(),
    st.integers(0, 12),
)
def test_made_before_is_the_last_revision_certainly_before(
    made: list[Moment], on: Moment, start: int
) -> None:
    """
    One past the last revision from *start* on certainly made before *on*
    (or *start*), as asking each from the last one back finds it: out of
    order, by months, at times of day alike.
    """
    revisions = [_revision(moment) for moment in made]
    start = min(start, len(revisions))
    asked = next(
        (
            later + 1
            for later in range(len(revisions) - 1, start - 1, -1)
            if is_before(revisions[later].revised_on, on)
        ),
        start,
    )
    assert RevisionDays(revisions).made_before(on, start) == asked


def test_revisions_at_times_of_day_are_found_by_bisection() -> None:
    """
    Revisions made at a time of day (a truce revived at 09:00 every third
    day): only those of the days about a moment are left to ask.
    """
    made = [
        pendulum.datetime(2025, 1, 1, 9, tz="Europe/Kyiv").add(days=3 * i)
        for i in range(200)
    ]
    days = RevisionDays([_revision(moment) for moment in made])
    before, after = days.around(pendulum.datetime(2025, 3, 2, 12, tz="Europe/Kyiv"))
    assert after - before <= 2
    assert days.made_before(made[100], 0) == 100
    assert days.made_before(made[100].add(minutes=1), 0) == 101


def test_no_revisions() -> None:
    assert RevisionDays([]).around(START) == (0, 0)
    assert RevisionDays([]).made_before(START, 0) == 0


def _truce(lapses: int) -> Agreement:
    """A 30-day truce that lapses at each expiry and is extended the day after."""
    truce = Agreement(
        id="truce",
        title="Thirty-day truce",
        stage="ceasefire",
        expires=Deadline.after(START, days=30),
    )
    truce = truce.with_status("signed", on=START).with_status("in-force", on=START)
    for _ in range(lapses):
        truce = truce.with_status("expired")  # at the expiry's cut-off
        assert truce.expires is not None
        renewed = truce.expires.due.add(days=2)  # a day's deadline: its day
        truce = truce.extend(Deadline.after(renewed, days=30), on=renewed)
    return truce


@pytest.fixture(scope="module")
def long_truce() -> Agreement:
    return _truce(120)


def test_a_truce_extended_120_times_after_lapsing(long_truce: Agreement) -> None:
    """Each lapse is answered by the extension after it; loaded as built."""
    assert len(long_truce.revisions) == 120
    assert [step for step, _ in revivals(long_truce)] == list(range(2, 2 + 2 * 120, 2))
    assert [revision for _, revision in revivals(long_truce)] == list(range(120))
    assert from_json(Agreement, to_json(long_truce)) == long_truce
    renewed = long_truce.revisions[1].revised_on
    assert isinstance(renewed, pendulum.Date)
    first_lapse = renewed.subtract(days=1)  # after the expiry, before the renewal
    assert long_truce.status_at(first_lapse) is AgreementStatus.EXPIRED
    assert long_truce.status_at(first_lapse.add(days=1)) is AgreementStatus.IN_FORCE


def test_a_long_history_still_names_an_early_expiry(long_truce: Agreement) -> None:
    """An expiry dated before its deadline passed, at the end of a long history."""
    renewed = long_truce.revisions[-1].revised_on
    assert isinstance(renewed, pendulum.Date)
    early = renewed.add(days=3)  # the last expiry is 30 days after it
    bad = [*long_truce.history, StatusChange(status="expired", on=early)]
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(long_truce, history=bad)
    assert [path for path, _ in caught.value.errors] == [f"history[{len(bad) - 1}].on"]
    message = caught.value.errors[0][1]
    assert message.startswith(f"agreement 'truce' cannot be expired on {early}:")
    document = json.loads(to_json(long_truce))
    document["history"].append({"status": "expired", "on": str(early)})
    with pytest.raises(ValidationError) as loaded:
        from_json(Agreement, json.dumps(document))
    assert loaded.value.errors == caught.value.errors


def test_long_ultimatum_and_milestone_histories() -> None:
    """Revived by a revision each time: every revival is answered."""
    ultimatum = Ultimatum(
        id="u",
        issued_by="north",
        addressed_to=["south"],
        issued_at=START,
        demand="Withdraw",
        deadline=Deadline.after(START, days=10),
    )
    milestone = Milestone(
        id="talks", title="Talks on phase two", deadline=Deadline.after(START, days=10)
    )
    for _ in range(60):
        ultimatum = ultimatum.expire()
        milestone = milestone.with_status("missed")
        revised = ultimatum.deadline.due.add(days=1)
        ultimatum = ultimatum.revise_deadline(
            Deadline.after(revised, days=10), on=revised
        )
        milestone = milestone.revise_deadline(
            Deadline.after(revised, days=10), on=revised
        )
    for record in (ultimatum, milestone):
        assert [revision for _, revision in revivals(record)] == list(range(60))
        assert from_json(type(record), to_json(record)) == record
