"""Rounds of talks, their delegations and outcomes, and round status changes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation_records import (
    Delegation,
    IllegalTransitionError,
    Outcome,
    OutcomeKind,
    PartialDate,
    Quantity,
    Round,
    RoundLevel,
    RoundStatus,
    ValidationError,
    Window,
    from_json,
    to_json,
)
from tests.strategies_foundation import errors_of, slug_error


MAY_16 = pendulum.date(2025, 5, 16)
JUNE_2 = pendulum.date(2025, 6, 2)
NEXT_WEEK = Window.next_week(of=pendulum.date(2025, 7, 19))


def held(**changes: Any) -> Round:
    """The first Istanbul round, with *changes* applied."""
    kwargs: dict[str, Any] = {
        "number": 1,
        "status": "held",
        "starts": MAY_16,
        "location": "Istanbul",
        "hosts": ["turkiye"],
    }
    kwargs.update(changes)
    return Round(**kwargs)


def proposed(**changes: Any) -> Round:
    """A proposed third round, with *changes* applied."""
    kwargs: dict[str, Any] = {"number": 3, "window": NEXT_WEEK}
    kwargs.update(changes)
    return Round(**kwargs)


class TestQuantity:
    def test_text(self) -> None:
        """A quantity prints as amount, unit and 'each' when given."""
        assert str(Quantity(amount=1000, unit="prisoners", each=True)) == (
            "1000 prisoners each"
        )
        assert str(Quantity(amount=6000, unit="bodies")) == "6000 bodies"
        assert str(Quantity(amount=2.5, unit="tonnes")) == "2.5 tonnes"

    @pytest.mark.parametrize(
        ("amount", "text"),
        [
            (1_000_000, "1000000"),  # not 1e+06
            (1_234_567.0, "1234567"),  # not 1.23457e+06
            (0.1, "0.1"),
            (1e300, "1e+300"),
            (10**400, "1" + "0" * 400),  # loads from JSON; must print too
        ],
    )
    def test_large_and_small_amounts_print_in_full(
        self, amount: float, text: str
    ) -> None:
        """Amounts are not rounded to six digits, and big integers do not overflow."""
        assert str(Quantity(amount=amount, unit="people")) == f"{text} people"
        loaded = from_json(Quantity, to_json(Quantity(amount=amount, unit="people")))
        assert str(loaded) == f"{text} people"

    @pytest.mark.parametrize(
        ("amount", "message"),
        [
            (-1, "must not be negative, got -1"),
            (float("nan"), "must be a finite number, got nan"),
            (float("inf"), "must be a finite number, got inf"),
            (True, "must be a number, got bool True"),
            ("1,000", "must be a number, got str '1,000'"),
        ],
    )
    def test_amount(self, amount: object, message: str) -> None:
        """The amount is a finite, non-negative number."""
        assert errors_of(Quantity, amount=amount, unit="prisoners") == (
            ("amount", message),
        )

    def test_unit_and_each(self) -> None:
        """The unit is text and each a real bool."""
        assert errors_of(Quantity, amount=1, unit="", each="yes") == (
            ("unit", "must be non-empty text, got ''"),
            ("each", "must be True or False, got 'yes'"),
        )


class TestOutcomeAndDelegation:
    def test_outcome(self) -> None:
        """An outcome has text, a kind, parties bound and maybe a quantity."""
        o = Outcome(
            text="Exchange of 1,000 prisoners each",
            kind="prisoner-exchange",
            parties=["ukraine", "russia"],
            quantity=Quantity(amount=1000, unit="prisoners", each=True),
        )
        assert o.kind is OutcomeKind.PRISONER_EXCHANGE
        assert Outcome(text="Statement").kind is OutcomeKind.OTHER

    def test_outcome_invalid(self) -> None:
        """Bad kinds, repeated parties and non-quantities are reported."""
        assert errors_of(
            Outcome,
            text="x",
            kind="swap",
            parties=["ukraine", "ukraine"],
            quantity=1000,
        ) == (
            (
                "kind",
                "'swap' is not a valid OutcomeKind (choose from 'prisoner-exchange', "
                "'remains-exchange', 'ceasefire', 'agreement', 'statement', "
                "'no-agreement', 'other')",
            ),
            ("parties[1]", "party 'ukraine' appears twice"),
            ("quantity", "must be a Quantity, got int 1000"),
        )

    def test_delegation(self) -> None:
        """A delegation names its party, head and members (none twice)."""
        d = Delegation(party="ukraine", head="Rustem Umerov", members=["A", "B"])
        assert d.members == ("A", "B")
        assert errors_of(Delegation, party="Ukraine", head="", members=["A", "A"]) == (
            ("party", slug_error("Ukraine")),
            ("head", "must be non-empty text, got ''"),
            ("members[1]", "member 'A' appears twice"),
        )


class TestRoundFields:
    def test_defaults(self) -> None:
        """A round is proposed, at delegation level, with nothing else known."""
        r = Round(number=1)
        assert r.status is RoundStatus.PROPOSED
        assert r.level is RoundLevel.DELEGATIONS
        assert (r.starts, r.ends, r.location, r.window, r.summary) == (
            None,
            None,
            None,
            None,
            None,
        )
        assert r.label == "round 1"

    @pytest.mark.parametrize(
        ("number", "message"),
        [
            (0, "must be at least 1, got 0"),
            (-1, "must be at least 1, got -1"),
            (True, "must be an integer, got bool True"),
            (False, "must be an integer, got bool False"),
            (1.0, "must be an integer, got float 1.0"),
            ("1", "must be an integer, got str '1'"),
        ],
    )
    def test_number(self, number: object, message: str) -> None:
        """Round numbers are integers from 1, and not bools."""
        assert errors_of(Round, number=number) == (("number", message),)

    def test_level_and_status_values(self) -> None:
        """Level and status are given by value; unknown values list the choices."""
        assert Round(number=1, level="leaders").level is RoundLevel.LEADERS
        assert errors_of(Round, number=1, level="summit", status="done") == (
            (
                "status",
                "'done' is not a valid RoundStatus (choose from 'proposed', "
                "'scheduled', 'held', 'postponed', 'cancelled')",
            ),
            (
                "level",
                "'summit' is not a valid RoundLevel (choose from 'leaders', "
                "'ministers', 'delegations', 'technical')",
            ),
        )

    def test_ends_before_starts(self) -> None:
        """ends must not be before starts."""
        assert errors_of(held, ends=pendulum.date(2025, 5, 15)) == (
            ("ends", "must not be before starts (2025-05-16), got 2025-05-15"),
        )

    def test_ends_mixed_precision(self) -> None:
        """Same-day datetime vs date is fine; a month wholly before is not."""
        held(
            starts=MAY_16, ends=pendulum.datetime(2025, 5, 16, 18, tz="Europe/Istanbul")
        )
        held(
            starts=pendulum.datetime(2025, 5, 16, 10, tz="Europe/Istanbul"), ends=MAY_16
        )
        held(starts=MAY_16, ends=PartialDate(2025, 5))
        held(starts=PartialDate(2025, 5), ends=MAY_16)
        assert errors_of(held, starts=MAY_16, ends=PartialDate(2025, 4)) == (
            ("ends", "must not be before starts (2025-05-16), got 2025-04"),
        )
        assert errors_of(
            held,
            starts=pendulum.datetime(2025, 5, 16, 12, tz="Europe/Istanbul"),
            ends=pendulum.datetime(2025, 5, 16, 11, tz="Europe/Istanbul"),
        ) == (
            (
                "ends",
                "must not be before starts (2025-05-16T12:00:00+03:00[Europe/Istanbul]), "
                "got 2025-05-16T11:00:00+03:00[Europe/Istanbul]",
            ),
        )

    def test_plain_python_moments_are_converted(self) -> None:
        """datetime.date values become pendulum dates."""
        r = held(starts=dt.date(2025, 5, 16), ends=dt.date(2025, 5, 17))
        assert type(r.starts) is pendulum.Date
        assert type(r.ends) is pendulum.Date

    def test_ends_needs_starts(self) -> None:
        """A round with an end needs a start."""
        assert errors_of(Round, number=1, ends=MAY_16) == (
            ("starts", "a round with an end needs a start"),
        )

    def test_a_held_round_needs_a_start(self) -> None:
        """A held round has a start; a scheduled one may not know its date yet."""
        assert errors_of(Round, number=1, status="held") == (
            ("starts", "a held round needs a start"),
        )
        assert Round(number=1, status="scheduled").starts is None

    def test_a_snapshot_of_a_round_later_postponed(self) -> None:
        """Scheduled (undated step), then cancelled: as of a day before the
        cancellation it is scheduled, though the record holds no start."""
        from negotiation_records import Negotiation, StatusChange, Window

        day = pendulum.date(2000, 1, 1)
        rnd = Round(
            number=3,
            window=Window.between(day, day),
            history=[
                StatusChange(status="scheduled"),
                StatusChange(status="cancelled", on=pendulum.date(2000, 1, 4)),
            ],
        )
        talks = Negotiation(id="t", title="T", rounds=[rnd])
        assert talks.as_of(day).rounds[0].status is RoundStatus.SCHEDULED

    def test_a_snapshot_shows_no_dates_set_later(self) -> None:
        """Scheduled for 23 July, postponed, rescheduled for 6 August: as of a
        day before the postponement the round is scheduled, with no date
        (the record kept only the latest), not with 6 August; as of a day
        after the rescheduling it has that date."""
        from negotiation_records import Negotiation, StatusChange, Window

        day = pendulum.date
        rnd = (
            Round(
                number=3,
                status="proposed",
                status_on=day(2025, 7, 1),
                window=Window.between(day(2025, 7, 21), day(2025, 7, 27)),
            )
            .schedule(starts=day(2025, 7, 23), location="Istanbul", on=day(2025, 7, 5))
            .postpone(
                window=Window.between(day(2025, 8, 4), day(2025, 8, 8)),
                on=day(2025, 7, 20),
            )
            .schedule(starts=day(2025, 8, 6), ends=day(2025, 8, 7), on=day(2025, 7, 21))
        )
        talks = Negotiation(id="t", title="T", rounds=[rnd])

        def seen(at: pendulum.Date) -> tuple[object, ...]:
            then = talks.as_of(at).rounds[0]
            return then.status.value, then.starts, then.ends, then.location, then.window

        later_window = Window.between(day(2025, 8, 4), day(2025, 8, 8))
        assert seen(day(2025, 7, 3)) == ("proposed", None, None, None, None)
        assert seen(day(2025, 7, 10)) == ("scheduled", None, None, None, None)
        assert seen(day(2025, 7, 20)) == (
            "postponed",
            None,
            None,
            None,
            later_window,
        )
        assert seen(day(2025, 7, 21)) == (
            "scheduled",
            day(2025, 8, 6),
            day(2025, 8, 7),
            "Istanbul",
            later_window,
        )
        # a later step that sets no dates (held) leaves them as they are
        held_later = Round(
            number=1,
            starts=day(2025, 5, 16),
            location="Istanbul",
            history=[
                StatusChange(status="scheduled", on=day(2025, 5, 1)),
                StatusChange(status="held", on=day(2025, 5, 16)),
            ],
        )
        then = Negotiation(id="t", title="T", rounds=[held_later]).as_of(
            day(2025, 5, 10)
        )
        assert (then.rounds[0].status, then.rounds[0].starts) == (
            RoundStatus.SCHEDULED,
            day(2025, 5, 16),
        )

    def test_a_round_held_after_a_postponement_shows_no_dates_before(self) -> None:
        """Postponed (dates cleared), then held on 4 August with its dates: as
        of 30 July the round is postponed, with no dates (not 4 August)."""
        from negotiation_records import Negotiation

        day = pendulum.date
        rnd = (
            Round(number=1, status="proposed", status_on=day(2025, 7, 1))
            .schedule(starts=day(2025, 7, 28), on=day(2025, 7, 2))
            .postpone(on=day(2025, 7, 25))
            .hold(starts=day(2025, 8, 4), on=day(2025, 8, 4))
        )
        then = Negotiation(id="t", title="T", rounds=[rnd]).as_of(day(2025, 7, 30))
        (shown,) = then.rounds
        assert (shown.status, shown.starts) == (RoundStatus.POSTPONED, None)
        assert then.as_of(day(2025, 7, 30)) == then

    def test_dates_set_later_do_not_make_a_round_known(self) -> None:
        """A round whose start (1999) was set by a scheduling recorded later
        (2000): as of 1999 its start is not known, so neither is the round,
        and a snapshot of the snapshot is the same."""
        from negotiation_records import Negotiation, StatusChange, Window

        day = pendulum.date
        rnd = Round(
            number=2,
            history=[
                StatusChange(status="scheduled", on=day(2000, 1, 1)),
                StatusChange(status="cancelled"),
            ],
            starts=day(1999, 1, 1),
            ends=day(1999, 1, 4),
            window=Window.between(day(2000, 1, 1), day(2000, 1, 1)),
        )
        talks = Negotiation(id="t", title="T", rounds=[Round(number=1), rnd])
        at = day(1999, 1, 1)
        then = talks.as_of(at)
        assert [r.number for r in then.rounds] == [1]
        assert then.as_of(at) == then

    @pytest.mark.parametrize(
        "status", ["proposed", "scheduled", "postponed", "cancelled"]
    )
    def test_outcomes_only_on_held_rounds(self, status: str) -> None:
        """Only a held round has outcomes."""
        assert errors_of(
            Round,
            number=1,
            status=status,
            starts=MAY_16,
            outcomes=[Outcome(text="x")],
        ) == (
            ("outcomes", f"only a held round has outcomes, but status is {status!r}"),
        )

    def test_lists(self) -> None:
        """Hosts and mediators are distinct party ids; one delegation per party."""
        assert errors_of(
            held,
            hosts=["turkiye", "turkiye"],
            mediators="turkiye",
            delegations=[Delegation(party="ukraine"), "russia"],
            outcomes=[Outcome(text="x"), 3],
        ) == (
            ("hosts[1]", "party 'turkiye' appears twice"),
            ("mediators", "must be a list of values, got str 'turkiye'"),
            ("delegations[1]", "must be a Delegation, got str 'russia'"),
            ("outcomes[1]", "must be an Outcome, got int 3"),
        )
        assert errors_of(
            held,
            delegations=[
                Delegation(party="ukraine"),
                Delegation(party="ukraine", head="Rustem Umerov"),
            ],
        ) == (("delegations[1].party", "party 'ukraine' has two delegations"),)

    def test_window_and_text(self) -> None:
        """The window is a Window; location and summary are non-blank text."""
        assert errors_of(proposed, window="next week", location=" ", summary="") == (
            ("location", "must be non-empty text, got ' '"),
            ("window", "must be a Window, got str 'next week'"),
            ("summary", "must be non-empty text, got ''"),
        )


class TestWhenAndCovers:
    def test_when(self) -> None:
        """when is the start, else the window's first day, else None."""
        assert held().when == MAY_16
        assert proposed().when == pendulum.date(2025, 7, 21)
        assert Round(number=4).when is None

    def test_covers_one_day(self) -> None:
        """A round without an end covers its start day."""
        r = held()
        assert r.covers(MAY_16)
        assert r.covers(pendulum.datetime(2025, 5, 16, 23, tz="Europe/Istanbul"))
        assert not r.covers(pendulum.date(2025, 5, 17))
        assert not r.covers(pendulum.date(2025, 5, 15))

    @pytest.mark.parametrize("moment", ["2025-05-16", None, dt.datetime(2025, 5, 16)])
    def test_covers_refuses_what_is_no_moment_whatever_the_dates(
        self, moment: Any
    ) -> None:
        """A round without dates covered everything, text and None included."""
        for r in (held(), Round(number=4)):
            with pytest.raises(ValidationError) as caught:
                r.covers(moment)
            assert [path for path, _ in caught.value.errors] == ["moment"]

    def test_a_start_time_without_an_end_covers_the_rest_of_its_day(self) -> None:
        """Talks opened at 10:00 with no end recorded: a proposal made at 15:00
        that day is inside the round (its whole start day, on its own wall
        clock), one made before 10:00 or the next day is not (a date, only
        when that day had begun nowhere before midnight in Istanbul); the
        whole-record check agrees, built in Python or loaded."""
        from negotiation_records import Negotiation, Party, Proposal

        ist = "Europe/Istanbul"
        r = held(starts=pendulum.datetime(2025, 5, 16, 10, tz=ist))
        assert r.covers(pendulum.datetime(2025, 5, 16, 15, tz=ist))
        assert r.covers(pendulum.datetime(2025, 5, 16, 23, 59, tz=ist))
        assert r.covers(MAY_16)
        assert not r.covers(pendulum.datetime(2025, 5, 16, 9, tz=ist))
        assert not r.covers(pendulum.datetime(2025, 5, 17, 0, 1, tz=ist))
        # 23:00 in Istanbul is already 17 May east of it: a date may be that
        assert r.covers(pendulum.date(2025, 5, 17))
        assert not r.covers(pendulum.date(2025, 5, 18))
        # to midnight in Istanbul, whatever zone the moment is written in
        assert r.covers(pendulum.datetime(2025, 5, 16, 20, 59, tz="UTC"))
        assert not r.covers(pendulum.datetime(2025, 5, 16, 21, 0, tz="UTC"))
        assert not r.covers(pendulum.datetime(2025, 5, 16, 20, tz="America/New_York"))
        last = held(starts=pendulum.datetime(9999, 12, 31, 10, tz=ist))
        assert last.covers(pendulum.datetime(9999, 12, 31, 23, tz=ist))
        talks = Negotiation(
            id="t",
            title="T",
            parties=[
                Party(id="ukraine", name="Ukraine", kind="state"),
                Party(id="russia", name="Russia", kind="state"),
                Party(id="turkiye", name="Türkiye", kind="state", role="host"),
            ],
            rounds=[r],
            proposals=[
                Proposal(
                    id="swap",
                    proposed_by="ukraine",
                    addressed_to=["russia"],
                    round=1,
                    made_on=pendulum.datetime(2025, 5, 16, 15, tz=ist),
                    summary="Exchange 1,000 prisoners each",
                )
            ],
        )
        assert from_json(Negotiation, to_json(talks)) == talks

    def test_a_proposed_round_covers_what_may_fall_in_its_window(self) -> None:
        """
        A round only proposed covers its window's days, a month that shares
        a day with it and a datetime on one of its days anywhere on Earth, as
        a round with dates covers them.
        """
        week = Window.between(pendulum.date(2025, 7, 21), pendulum.date(2025, 7, 27))
        r = proposed(window=week)
        assert r.covers(pendulum.date(2025, 7, 21))
        assert r.covers(pendulum.date(2025, 7, 27))
        assert not r.covers(pendulum.date(2025, 7, 28))
        assert r.covers(PartialDate(2025, 7))
        assert not r.covers(PartialDate(2025, 8))
        # 08:00 on the 28th in Tokyo is still the 27th west of Tokyo.
        assert r.covers(pendulum.datetime(2025, 7, 28, 8, tz="Asia/Tokyo"))
        assert not r.covers(pendulum.datetime(2025, 7, 29, 8, tz="Asia/Tokyo"))
        # 16:00 on the 20th in Honolulu is already the 21st at UTC+14.
        assert r.covers(pendulum.datetime(2025, 7, 20, 16, tz="Pacific/Honolulu"))
        assert not r.covers(pendulum.datetime(2025, 7, 19, 16, tz="Pacific/Honolulu"))
        dated = held(starts=week.start, ends=week.end)
        for moment in (PartialDate(2025, 7), pendulum.date(2025, 7, 28)):
            assert r.covers(moment) == dated.covers(moment)

    def test_covers_a_span(self) -> None:
        """A round with an end covers every day from start to end."""
        r = held(ends=pendulum.date(2025, 5, 18))
        assert r.covers(pendulum.date(2025, 5, 17))
        assert r.covers(pendulum.date(2025, 5, 18))
        assert not r.covers(pendulum.date(2025, 5, 19))

    @given(
        st.lists(
            st.builds(
                lambda wall, name, fold: pendulum.instance(wall, tz=name).replace(
                    fold=fold
                ),
                st.datetimes(
                    min_value=dt.datetime(2025, 10, 25),
                    max_value=dt.datetime(2025, 11, 4),
                ),
                st.sampled_from(["America/New_York", "Europe/Kyiv", "UTC"]),
                st.sampled_from([0, 1]),
            ),
            min_size=3,
            max_size=3,
        )
    )
    def test_covers_between_datetimes_is_by_instant(
        self, moments: list[pendulum.DateTime]
    ) -> None:
        """From start to end inclusive, by instant, repeated hours included."""
        starts, ends = sorted(moments[:2], key=lambda m: m.timestamp())
        r = held(starts=starts, ends=ends)
        moment = moments[2]
        assert r.covers(moment) == (
            starts.timestamp() <= moment.timestamp() <= ends.timestamp()
        )

    def test_covers_without_dates(self) -> None:
        """Without a start, the window decides; without either, anything goes."""
        assert proposed().covers(pendulum.date(2025, 7, 23))
        assert not proposed().covers(pendulum.date(2025, 7, 30))
        assert Round(number=4).covers(pendulum.date(1999, 1, 1))


Move = Callable[[Round], Round]

MOVES: dict[RoundStatus, Move] = {
    RoundStatus.SCHEDULED: lambda r: r.schedule(starts=pendulum.date(2025, 7, 23)),
    RoundStatus.HELD: lambda r: r.hold(starts=pendulum.date(2025, 7, 23)),
    RoundStatus.POSTPONED: lambda r: r.postpone(),
    RoundStatus.CANCELLED: lambda r: r.cancel(),
}

ALLOWED = {
    RoundStatus.PROPOSED: {
        RoundStatus.SCHEDULED,
        RoundStatus.HELD,
        RoundStatus.POSTPONED,
        RoundStatus.CANCELLED,
    },
    RoundStatus.SCHEDULED: {
        RoundStatus.HELD,
        RoundStatus.POSTPONED,
        RoundStatus.CANCELLED,
    },
    RoundStatus.POSTPONED: {
        RoundStatus.SCHEDULED,
        RoundStatus.HELD,
        RoundStatus.CANCELLED,
    },
}


class TestStatusChanges:
    @pytest.mark.parametrize("current", list(RoundStatus), ids=lambda s: s.value)
    @pytest.mark.parametrize("target", list(MOVES), ids=lambda s: s.value)
    def test_transition_table(self, current: RoundStatus, target: RoundStatus) -> None:
        """Each move is allowed or refused as the round's rules say."""
        start = Round(number=3, status=current, starts=MAY_16)
        if target in ALLOWED.get(current, set()):
            assert MOVES[target](start).status is target
            assert start.status is current
        else:
            with pytest.raises(IllegalTransitionError) as info:
                MOVES[target](start)
            assert (info.value.current, info.value.requested) == (
                current.value,
                target.value,
            )

    def test_schedule(self) -> None:
        """Scheduling sets the dates and, if given, the place."""
        r = proposed().schedule(
            starts=dt.date(2025, 7, 23),
            ends=pendulum.date(2025, 7, 24),
            location="Istanbul",
        )
        assert r.status is RoundStatus.SCHEDULED
        assert (r.starts, r.ends, r.location) == (
            pendulum.date(2025, 7, 23),
            pendulum.date(2025, 7, 24),
            "Istanbul",
        )
        assert proposed(location="Geneva").schedule(starts=MAY_16).location == "Geneva"

    def test_schedule_to_held(self) -> None:
        """A scheduled round is held with its outcomes appended."""
        scheduled = proposed().schedule(starts=pendulum.date(2025, 7, 23))
        exchange = Outcome(text="Exchange of 1,200 prisoners", kind="prisoner-exchange")
        done = scheduled.hold(outcomes=[exchange], ends=pendulum.date(2025, 7, 23))
        assert done.status is RoundStatus.HELD
        assert done.outcomes == (exchange,)
        assert done.starts == pendulum.date(2025, 7, 23)

    def test_hold_without_start_is_refused(self) -> None:
        """Holding a round whose start is unknown needs the start."""
        with pytest.raises(ValidationError) as info:
            proposed().hold()
        assert info.value.errors == (("starts", "a held round needs a start"),)

    def test_an_undated_held_step_counts_from_the_start_in_the_order(self) -> None:
        """
        An undated ``held`` step counts from the round's start, so a dated
        step before it that came later than the start is out of order:
        refused on construction and on load, as ``hold()`` refuses it, so no
        snapshot shows the later step early.  A step on the start's day, or
        before it, is in order.
        """
        day = pendulum.date
        message = (
            "not given, so round 1 counts as held from its start (2025-08-01), "
            "which is before an earlier change, history[0] (2025-08-10): give "
            "the day it was held"
        )
        scheduled = {"status": "scheduled", "on": "2025-08-10"}
        document = {
            "number": 1,
            "starts": "2025-08-01",
            "history": [scheduled, {"status": "held"}],
        }
        with pytest.raises(ValidationError) as info:
            from_json(Round, json.dumps(document))
        assert info.value.errors == (("history[1].on", message),)
        for scheduled_on in (day(2025, 8, 1), day(2025, 7, 10), PartialDate(2025, 8)):
            scheduled["on"] = str(scheduled_on)
            assert from_json(Round, json.dumps(document)).status is RoundStatus.HELD

    def test_a_round_is_not_held_before_it_starts(self) -> None:
        """A held step dated before the start is refused, by the method, the
        constructor and the loader alike, at the step's date."""
        scheduled = proposed().schedule(starts=pendulum.date(2025, 7, 23))
        message = "round 3 cannot be held on 2025-07-20, before it starts (2025-07-23)"
        with pytest.raises(ValidationError) as info:
            scheduled.hold(on=pendulum.date(2025, 7, 20))
        assert info.value.errors == (("history[1].on", message),)
        early = {"status": "held", "on": "2025-07-20"}
        document = {"number": 3, "starts": "2025-07-23", "history": [early]}
        with pytest.raises(ValidationError) as info:
            from_json(Round, json.dumps(document))
        assert info.value.errors == (("history[0].on", message),)
        # New dates given to hold() are the ones the step is checked against.
        moved = scheduled.hold(
            starts=pendulum.date(2025, 7, 20), on=pendulum.date(2025, 7, 20)
        )
        assert moved.starts == pendulum.date(2025, 7, 20)

    @pytest.mark.parametrize(
        "on",
        [
            pendulum.date(2025, 7, 23),  # the start day
            pendulum.date(2025, 7, 30),  # later (recorded after the talks)
            PartialDate(2025, 7),  # a month that holds the start
            # 23:00 in New York on the 22nd is the 23rd in UTC, and later
            pendulum.datetime(2025, 7, 22, 23, tz="America/New_York"),
        ],
        ids=["start-day", "later", "month", "evening-before-elsewhere"],
    )
    def test_a_held_step_that_may_be_on_or_after_the_start_is_let_be(
        self, on: Any
    ) -> None:
        """Only a step certainly before the start is refused."""
        scheduled = proposed().schedule(starts=pendulum.date(2025, 7, 23))
        assert scheduled.hold(on=on).status_on == on

    def test_a_timed_start_refuses_a_step_earlier_that_day(self) -> None:
        """A start with a time of day is compared instant by instant."""
        starts = pendulum.datetime(2025, 7, 23, 14, tz="Europe/Istanbul")
        scheduled = proposed().schedule(starts=starts)
        assert scheduled.hold(on=starts).status is RoundStatus.HELD
        with pytest.raises(ValidationError) as info:
            scheduled.hold(on=starts.subtract(hours=1))
        assert [path for path, _ in info.value.errors] == ["history[1].on"]

    def test_schedule_with_end_before_start_is_refused(self) -> None:
        """The new dates are checked."""
        with pytest.raises(ValidationError) as info:
            proposed().schedule(starts=JUNE_2, ends=MAY_16)
        assert info.value.errors == (
            ("ends", "must not be before starts (2025-06-02), got 2025-05-16"),
        )

    @pytest.mark.parametrize(
        "outcomes", [None, 5, "Exchange"], ids=["none", "number", "lone-string"]
    )
    def test_hold_refuses_what_is_no_list_of_outcomes(self, outcomes: Any) -> None:
        """As the constructor does: no raw TypeError, no string read letter by letter."""
        with pytest.raises(ValidationError) as info:
            proposed().schedule(starts=MAY_16).hold(outcomes=outcomes)
        assert [path for path, _ in info.value.errors] == ["outcomes"]
        with pytest.raises(ValidationError) as info:
            Round(number=3, status="held", starts=MAY_16, outcomes=outcomes)
        assert [path for path, _ in info.value.errors] == ["outcomes"]

    def test_hold_reports_a_bad_start_where_it_was_given(self) -> None:
        """The start dates the step when *on* is not given; a bad one is
        reported at ``starts`` (with ``ends``), not at ``on``."""
        with pytest.raises(ValidationError) as info:
            proposed().hold(starts="2025-07-01", ends="2025-07-02")  # type: ignore[arg-type]
        assert [path for path, _ in info.value.errors] == ["starts", "ends"]

    def test_every_bad_argument_is_reported(self) -> None:
        with pytest.raises(ValidationError) as info:
            proposed().schedule(starts=None, location="", on="soon")  # type: ignore[arg-type]
        assert [path for path, _ in info.value.errors] == ["starts", "location", "on"]
        with pytest.raises(ValidationError) as info:
            proposed().postpone(window="next week", on="soon")  # type: ignore[arg-type]
        assert [path for path, _ in info.value.errors] == ["window", "on"]

    def test_each_step_says_who_why_and_where_from(self) -> None:
        """Every status method of a round takes by, reason and sources, as the
        other records' do, and keeps them in the step."""
        scheduled = proposed().schedule(
            starts=pendulum.date(2025, 7, 23),
            on=dt.date(2025, 7, 20),
            by=["ukraine", "russia"],
            reason="Both delegations confirmed",
            sources=["reuters-07-20"],
        )
        postponed = scheduled.postpone(
            on=dt.date(2025, 7, 22), by=["russia"], reason="Delegation not ready"
        )
        again = postponed.schedule(starts=pendulum.date(2025, 8, 4))
        held = again.hold(by=["turkiye"], sources=["aa-08-04"])
        cancelled = proposed().cancel(
            on=dt.date(2025, 7, 25), by=["ukraine"], reason="Talks suspended"
        )
        steps = [
            (c.status.value, c.by, c.reason, c.sources)
            for c in (*held.history, *cancelled.history)
        ]
        assert steps == [
            (
                "scheduled",
                ("ukraine", "russia"),
                "Both delegations confirmed",
                ("reuters-07-20",),
            ),
            ("postponed", ("russia",), "Delegation not ready", ()),
            ("scheduled", (), None, ()),
            ("held", ("turkiye",), None, ("aa-08-04",)),
            ("cancelled", ("ukraine",), "Talks suspended", ()),
        ]
        assert held.history[-1].on == pendulum.date(2025, 8, 4)  # its start

    def test_bad_step_arguments_are_reported_with_the_rest(self) -> None:
        """A lone string for by or sources, or an empty reason, is refused at the
        place the change would take, with every other bad argument."""
        with pytest.raises(ValidationError) as info:
            proposed().schedule(
                starts=None,  # type: ignore[arg-type]
                on="soon",  # type: ignore[arg-type]
                by="ukraine",
                reason=" ",
                sources="reuters",
            )
        assert [path for path, _ in info.value.errors] == [
            "starts",
            "on",
            "history[0].by",
            "history[0].reason",
            "history[0].sources",
        ]
        scheduled = proposed().schedule(starts=MAY_16)
        with pytest.raises(ValidationError) as info:
            scheduled.cancel(by=["Not A Slug"])
        assert [path for path, _ in info.value.errors] == ["history[1].by[0]"]
        with pytest.raises(ValidationError) as info:
            scheduled.postpone(reason="")
        assert [path for path, _ in info.value.errors] == ["history[1].reason"]
        with pytest.raises(ValidationError) as info:
            scheduled.hold(sources=[""])
        assert [path for path, _ in info.value.errors] == ["history[1].sources[0]"]

    def test_postpone_clears_the_dates(self) -> None:
        """A postponed round loses its dates and may get a new window."""
        scheduled = proposed().schedule(starts=pendulum.date(2025, 7, 23))
        later = Window.between(pendulum.date(2025, 8, 1), pendulum.date(2025, 8, 8))
        postponed = scheduled.postpone(window=later)
        assert postponed.status is RoundStatus.POSTPONED
        assert (postponed.starts, postponed.ends, postponed.window) == (
            None,
            None,
            later,
        )
        assert postponed.schedule(starts=pendulum.date(2025, 8, 4)).status is (
            RoundStatus.SCHEDULED
        )

    def test_held_cannot_be_cancelled(self) -> None:
        """A held round is final."""
        with pytest.raises(IllegalTransitionError) as info:
            held().cancel()
        assert str(info.value) == (
            "round 1 cannot go from 'held' to 'cancelled': from 'held' it can go to "
            "nothing: it is final"
        )

    def test_cancelled_cannot_be_held(self) -> None:
        """A cancelled round is final."""
        with pytest.raises(IllegalTransitionError) as info:
            proposed().cancel().hold(starts=MAY_16)
        assert str(info.value) == (
            "round 3 cannot go from 'cancelled' to 'held': from 'cancelled' it can "
            "go to nothing: it is final"
        )

    def test_scheduled_cannot_be_scheduled_again(self) -> None:
        """Rescheduling goes through postpone."""
        scheduled = proposed().schedule(starts=MAY_16)
        with pytest.raises(IllegalTransitionError) as info:
            scheduled.schedule(starts=JUNE_2)
        assert str(info.value) == (
            "round 3 cannot go from 'scheduled' to 'scheduled': from 'scheduled' it "
            "can go to 'cancelled', 'held', 'postponed'"
        )
