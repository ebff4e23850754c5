"""The time questions of a Negotiation: pending, upcoming, expired, positions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import given, settings

from negotiation_records import (
    Agreement,
    AgreementStatus,
    Condition,
    Deadline,
    Milestone,
    MilestoneStatus,
    Negotiation,
    PartialDate,
    Party,
    PartyPositions,
    Period,
    Position,
    Proposal,
    RecordNotFoundError,
    Response,
    Stance,
    StatusChange,
    TermStance,
    Ultimatum,
    UltimatumDeadline,
    UltimatumStatus,
    ValidationError,
)
from negotiation_records import strategies as nrst
from negotiation_records.cli import main
from negotiation_records.queries import as_of_instant
from negotiation_records.serialization import from_json, to_json
from tests.seed import seed_record


ISSUED = pendulum.date(2025, 7, 14)


def _ultimatum(uid: str = "u", **changes: Any) -> Ultimatum:
    fields: dict[str, Any] = {
        "id": uid,
        "issued_by": "united-states",
        "addressed_to": ["russia"],
        "issued_at": ISSUED,
        "demand": "Reach a ceasefire",
        "deadline": Deadline.after(ISSUED, days=50),
    }
    fields.update(changes)
    return Ultimatum(**fields)


def _talks(*ultimatums: Ultimatum, **fields: Any) -> Negotiation:
    return Negotiation(
        id="talks",
        title="Talks",
        parties=[
            Party(id="ukraine", name="Ukraine", kind="state"),
            Party(id="russia", name="Russia", kind="state"),
            Party(id="united-states", name="United States", kind="state"),
        ],
        ultimatums=ultimatums,
        **fields,
    )


def _ids(entries: tuple[UltimatumDeadline, ...]) -> list[str]:
    return [entry.ultimatum.id for entry in entries]


class TestPendingUltimatums:
    """``pending_ultimatums(at)``: what is still open."""

    @pytest.mark.parametrize(
        ("at", "pending"),
        [
            (pendulum.date(2025, 7, 13), False),
            (pendulum.date(2025, 7, 14), True),
            (pendulum.datetime(2025, 9, 2, 23, 59, 59, tz="UTC"), True),
            (pendulum.date(2025, 9, 3), False),
            (PartialDate(2025, 8), True),
        ],
    )
    def test_from_issue_to_deadline(self, at: Any, pending: bool) -> None:
        """Open from the day it is issued until its deadline passes."""
        talks = _talks(_ultimatum())
        assert bool(talks.pending_ultimatums(at)) is pending

    def test_seed_record(self) -> None:
        """On 20 July 2025 the US ultimatum is pending."""
        at = pendulum.datetime(2025, 7, 20, 12, tz="Europe/Kyiv")
        assert [u.id for u in seed_record().pending_ultimatums(at)] == [
            "us-ultimatum-2025-07"
        ]

    def test_status_counts_from_its_date(self) -> None:
        """Complied on 1 August: pending on 31 July, not on 1 August."""
        talks = _talks(_ultimatum().comply(on=pendulum.date(2025, 8, 1)))
        assert talks.pending_ultimatums(pendulum.date(2025, 7, 31))
        assert not talks.pending_ultimatums(pendulum.date(2025, 8, 1))

    def test_undated_status_counts_always(self) -> None:
        """A withdrawal without a date closes the ultimatum at any moment."""
        withdrawn = _ultimatum(status="withdrawn")
        assert _talks(withdrawn).pending_ultimatums(pendulum.date(2025, 7, 20)) == ()

    def test_deadline_in_force_then(self) -> None:
        """Before the cut the 50-day deadline counts, after it the 10-day one."""
        cut = _ultimatum().revise_deadline(
            Deadline.after(pendulum.date(2025, 7, 29), days=10),
            on=pendulum.date(2025, 7, 29),
        )
        talks = _talks(cut)
        assert talks.pending_ultimatums(pendulum.date(2025, 8, 20)) == ()
        before = talks.upcoming_deadlines(pendulum.date(2025, 7, 20))
        assert [str(d.due) for _, d in before] == ["2025-09-02"]
        after = talks.upcoming_deadlines(pendulum.date(2025, 7, 30))
        assert [str(d.due) for _, d in after] == ["2025-08-08"]

    def test_record_order(self) -> None:
        """Pending ultimatums come in the order of the record."""
        later = _ultimatum("later", deadline=Deadline.on(pendulum.date(2025, 12, 1)))
        talks = _talks(later, _ultimatum())
        assert [u.id for u in talks.pending_ultimatums(ISSUED)] == ["later", "u"]

    def test_default_is_now(self) -> None:
        """Without at, the record is read now (UTC)."""
        far = _ultimatum("far", deadline=Deadline.on(pendulum.date(9000, 1, 1)))
        talks = _talks(_ultimatum(), far)
        assert [u.id for u in talks.pending_ultimatums()] == ["far"]
        assert _ids(talks.upcoming_deadlines()) == ["far"]
        assert _ids(talks.expired_deadlines()) == ["u"]

    def test_a_revision_dated_to_a_month_counts_once_it_has_passed(self) -> None:
        """deadline_in_force agrees with the snapshot: "July" counts from 1 August."""
        from negotiation_records.queries import deadline_in_force

        cut = _ultimatum(
            issued_at=pendulum.date(2025, 7, 1),
            deadline=Deadline.on(pendulum.date(2025, 9, 1)),
        ).revise_deadline(
            Deadline.on(pendulum.date(2025, 7, 20)), on=PartialDate(2025, 7)
        )
        talks = _talks(cut)
        for at, due in [
            (pendulum.date(2025, 7, 15), pendulum.date(2025, 9, 1)),
            (pendulum.date(2025, 7, 31), pendulum.date(2025, 9, 1)),
            (pendulum.date(2025, 8, 1), pendulum.date(2025, 7, 20)),
        ]:
            assert deadline_in_force(cut, at).due == due
            snapshot = talks.as_of(at).ultimatums[0]
            assert snapshot.deadline.due == due
        assert _ids(talks.upcoming_deadlines(pendulum.date(2025, 7, 15))) == ["u"]

    def test_a_milestone_revised_in_a_month(self) -> None:
        """A milestone's deadline revised "in July" is in force from 1 August."""
        from negotiation_records import Milestone, queries

        clock = Milestone(
            id="m",
            title="Clock",
            set_on=pendulum.date(2025, 6, 1),
            deadline=Deadline.on(pendulum.date(2025, 9, 1)),
        ).revise_deadline(
            Deadline.on(pendulum.date(2025, 8, 20)), on=PartialDate(2025, 7)
        )
        talks = _talks(milestones=[clock])
        for at, due in [
            (pendulum.date(2025, 7, 15), pendulum.date(2025, 9, 1)),
            (pendulum.date(2025, 8, 1), pendulum.date(2025, 8, 20)),
        ]:
            (entry,) = queries.all_upcoming_deadlines(talks, at)
            assert entry.deadline.due == due
            (snapshot,) = talks.all_upcoming_deadlines(at)
            assert snapshot.deadline.due == due

    def test_issued_in_a_month_counts_once_it_has_passed(self) -> None:
        """The queries asked of a whole record read an issue date as the snapshot."""
        from negotiation_records import queries

        july = _ultimatum(issued_at=PartialDate(2025, 7))
        talks = _talks(july)
        at = pendulum.date(2025, 7, 20)
        assert queries.pending_ultimatums(talks, at) == ()
        assert queries.pending_ultimatums(talks, at) == talks.pending_ultimatums(at)
        assert queries.upcoming_deadlines(talks, at) == ()
        assert [
            u.id for u in queries.pending_ultimatums(talks, PartialDate(2025, 8))
        ] == ["u"]

    def test_a_snapshot_needs_a_moment(self) -> None:
        """as_of(None) is refused at ``at``, as status_at(None) is (the queries,
        whose at is optional, ask as of now)."""
        talks = _talks(_ultimatum())
        for call in (talks.as_of, talks.status_at):
            with pytest.raises(ValidationError) as exc:
                call(None)  # type: ignore[arg-type]
            ((path, message),) = exc.value.errors
            assert path == "at"
            assert message.endswith("got None")

    def test_naive_at_refused(self) -> None:
        """at must say its zone."""
        with pytest.raises(ValidationError) as exc:
            _talks(_ultimatum()).pending_ultimatums(dt.datetime(2025, 7, 20, 12))
        assert exc.value.errors == (
            (
                "at",
                "naive datetime 2025-07-20T12:00:00 has no time zone; give it a zone "
                "(the library never guesses one) or record a date",
            ),
        )


class TestUpcomingDeadlines:
    """``upcoming_deadlines(at, within)``: what falls due soon, soonest first."""

    def test_soonest_first_across_zones(self) -> None:
        """Sorted by the instant each passes, whatever its zone."""
        tokyo = _ultimatum(
            "tokyo", deadline=Deadline.on(pendulum.date(2025, 9, 2), tz="Asia/Tokyo")
        )
        ny = _ultimatum(
            "ny",
            deadline=Deadline.on(
                pendulum.datetime(2025, 9, 2, 12, tz="America/New_York")
            ),
        )
        talks = _talks(_ultimatum(), ny, tokyo)
        entries = talks.upcoming_deadlines(pendulum.date(2025, 8, 1))
        assert _ids(entries) == ["tokyo", "ny", "u"]
        assert [entry.id for entry in entries] == ["tokyo", "ny", "u"]
        ultimatum, deadline = entries[0]
        assert (ultimatum.id, deadline) == ("tokyo", tokyo.deadline)

    @pytest.mark.parametrize(
        "within",
        ["P7D", Period(days=7), pendulum.duration(days=7), dt.timedelta(days=7), "P1W"],
    )
    def test_within_a_week(self, within: Any) -> None:
        """Due on 2 September is within a week of 26 August, not of 25 August."""
        talks = _talks(_ultimatum())
        assert _ids(
            talks.upcoming_deadlines(pendulum.date(2025, 8, 26), within=within)
        ) == ["u"]
        assert talks.upcoming_deadlines(pendulum.date(2025, 8, 25), within=within) == ()

    def test_within_from_a_datetime(self) -> None:
        """A date deadline counts once its day has begun by the horizon, in its zone."""
        talks = _talks(_ultimatum())
        noon = pendulum.datetime(2025, 8, 26, 12, tz="Europe/Kyiv")
        assert _ids(talks.upcoming_deadlines(noon, within="P7D")) == ["u"]
        assert talks.upcoming_deadlines(noon, within="P6D") == ()
        # 2 September 02:00 in Kyiv is still 1 September in UTC, the deadline's zone
        early = pendulum.datetime(2025, 8, 26, 2, tz="Europe/Kyiv")
        assert talks.upcoming_deadlines(early, within="P7D") == ()

    def test_within_hours(self) -> None:
        """A datetime deadline counts when its instant is not after the horizon."""
        due = pendulum.datetime(2025, 3, 10, 13, tz="America/New_York")
        issued = pendulum.date(2025, 3, 1)
        talks = _talks(_ultimatum(issued_at=issued, deadline=Deadline.on(due)))
        noon = pendulum.datetime(2025, 3, 8, 12, tz="America/New_York")
        assert _ids(talks.upcoming_deadlines(noon, within="PT48H")) == ["u"]
        assert talks.upcoming_deadlines(noon, within="P2D") == ()
        assert talks.upcoming_deadlines(noon, within="PT47H59M59S") == ()

    def test_datetime_deadline_within_a_date_horizon(self) -> None:
        """A date horizon includes its whole day."""
        due = pendulum.datetime(2025, 9, 2, 23, 59, tz="UTC")
        talks = _talks(_ultimatum(deadline=Deadline.on(due)))
        assert _ids(
            talks.upcoming_deadlines(pendulum.date(2025, 8, 26), within="P7D")
        ) == ["u"]
        assert talks.upcoming_deadlines(pendulum.date(2025, 8, 26), within="P6D") == ()

    def test_passed_deadlines_are_not_upcoming(self) -> None:
        """A deadline that has passed is expired, not upcoming."""
        talks = _talks(_ultimatum())
        assert talks.upcoming_deadlines(pendulum.date(2025, 9, 3), within="P1Y") == ()

    @pytest.mark.parametrize(
        ("at", "within", "expected"),
        [
            (ISSUED, "P0D", ("within", "must be a positive period, got a zero period")),
            (
                ISSUED,
                pendulum.duration(days=-1),
                ("within.days", "must not be negative, got -1"),
            ),
            (
                ISSUED,
                "a week",
                (
                    "within",
                    "'a week' is not an ISO 8601 duration of whole non-negative parts "
                    "(like P50D, PT48H, P3M or P1Y2M10DT2H30M)",
                ),
            ),
            (
                pendulum.date(9999, 12, 31),
                "PT48H",
                (
                    "within",
                    "9999-12-31T00:00:00Z + PT48H is outside the calendar (date value "
                    "out of range)",
                ),
            ),
            (
                PartialDate(9999),
                "P1Y",
                (
                    "within",
                    "9999-01-01 + P1Y is outside the calendar (year 10000 is out of "
                    "range)",
                ),
            ),
        ],
    )
    def test_bad_window_refused(
        self, at: Any, within: Any, expected: tuple[str, str]
    ) -> None:
        """Problems with within or at are reported with their own names."""
        talks = _talks(_ultimatum())
        with pytest.raises(ValidationError) as exc:
            talks.upcoming_deadlines(at, within=within)
        assert exc.value.errors == (expected,)

    @pytest.mark.parametrize(
        ("at", "within", "expected"),
        [
            # a month or a year counts from its first day, as without within
            (PartialDate(2025, 8), "P1M", []),  # to 1 September, that whole day
            (PartialDate(2025, 8), "P1M1D", ["u"]),  # to 2 September
            (PartialDate(2025, 8), "P32D", ["u"]),
            (PartialDate(2025, 8), "P31D", []),
            # hours from a date (or a month) count from the start of its day, UTC
            (pendulum.date(2025, 8, 31), "PT48H", ["u"]),  # to 2 September, 00:00
            (pendulum.date(2025, 8, 31), "PT24H", []),  # to 1 September, 00:00
            (pendulum.date(2025, 8, 31), "P1DT1H", []),
            (pendulum.date(2025, 8, 31), "P2DT1H", ["u"]),
            (PartialDate(2025, 8), "PT768H", ["u"]),  # 32 days: 2 September, 00:00
            (PartialDate(2025, 8), "PT767H", []),
        ],
    )
    def test_within_from_a_day_a_month_or_a_year(
        self, at: Any, within: str, expected: list[str]
    ) -> None:
        """A date, month or year counts from its first day, for every period."""
        talks = _talks(_ultimatum())  # due on 2 September 2025
        assert _ids(talks.upcoming_deadlines(at, within=within)) == expected
        everything = [e.id for e in talks.all_upcoming_deadlines(at, within=within)]
        assert everything == expected

    def test_hours_from_a_date_reach_a_datetime_deadline(self) -> None:
        """PT48H from 31 August reaches a deadline at 00:00 UTC, not one after."""
        due = pendulum.datetime(2025, 9, 2, tz="UTC")
        talks = _talks(_ultimatum(deadline=Deadline.on(due)))
        assert _ids(talks.upcoming_deadlines(pendulum.date(2025, 8, 31), "PT48H")) == [
            "u"
        ]
        later = _talks(_ultimatum(deadline=Deadline.on(due.add(seconds=1))))
        assert later.upcoming_deadlines(pendulum.date(2025, 8, 31), "PT48H") == ()

    @pytest.mark.parametrize(
        ("at", "within", "expected"),
        [
            (pendulum.date(2025, 8, 26), "P7D", pendulum.date(2025, 9, 2)),
            (PartialDate(2025, 8), "P1M", pendulum.date(2025, 9, 1)),
            (PartialDate(2025), "P1W", pendulum.date(2025, 1, 8)),
            (
                pendulum.date(2025, 8, 22),
                "PT48H",
                pendulum.datetime(2025, 8, 24, tz="UTC"),
            ),
            (
                PartialDate(2025, 8),
                "P1DT12H",
                pendulum.datetime(2025, 8, 2, 12, tz="UTC"),
            ),
            (
                pendulum.datetime(2025, 3, 8, 12, tz="America/New_York"),
                "PT48H",
                pendulum.datetime(2025, 3, 10, 13, tz="America/New_York"),
            ),
        ],
    )
    def test_horizon(self, at: Any, within: str, expected: Any) -> None:
        """queries.horizon: where a window ends, a date meaning its whole day."""
        from negotiation_records.queries import horizon

        end = horizon(at, within)
        assert (type(end), end) == (type(expected), expected)

    def test_a_bad_at_and_a_bad_within_are_reported_together(self) -> None:
        """Both arguments are checked before the record is read: every problem
        at once, at ``at`` and at ``within``, for every query taking both."""
        talks = _talks(_ultimatum())
        at_problem = (
            "at",
            "must be a date, a zone-aware datetime or a PartialDate, got str "
            "'2025-08-26' (parse text with parse_moment)",
        )
        within_problem = (
            "within",
            "'P7' is not an ISO 8601 duration of whole non-negative parts (like "
            "P50D, PT48H, P3M or P1Y2M10DT2H30M)",
        )
        for query in (talks.upcoming_deadlines, talks.all_upcoming_deadlines):
            with pytest.raises(ValidationError) as info:
                query("2025-08-26", within="P7")  # type: ignore[arg-type]
            assert info.value.errors == (at_problem, within_problem)
            with pytest.raises(ValidationError) as info:
                query("2025-08-26", within="P7D")  # type: ignore[arg-type]
            assert info.value.errors == (at_problem,)
            with pytest.raises(ValidationError) as info:
                query(pendulum.date(2025, 8, 26), within="P7")
            assert info.value.errors == (within_problem,)

    @pytest.mark.parametrize(
        "within",
        ["P7", "P0D", "PT0S", "P10000Y", "", 5, dt.timedelta(days=-1)],
    )
    def test_a_bad_within_reads_alike_whatever_at(self, within: Any) -> None:
        """A bad period is reported with a bad ``at`` as it is with a good one."""
        from negotiation_records.queries import at_and_horizon, horizon

        with pytest.raises(ValidationError) as good:
            horizon(pendulum.date(2025, 8, 26), within)
        with pytest.raises(ValidationError) as bad:
            at_and_horizon("2025-08-26", within)  # type: ignore[arg-type]
        assert bad.value.errors[0][0] == "at"
        assert bad.value.errors[1:] == good.value.errors

    def test_a_horizon_past_the_calendar_depends_on_at(self) -> None:
        """Whether a period runs past the calendar is asked once ``at`` is good."""
        from negotiation_records.queries import at_and_horizon

        with pytest.raises(ValidationError) as info:
            at_and_horizon("2025-08-26", "P9999Y")  # type: ignore[arg-type]
        assert [path for path, _ in info.value.errors] == ["at"]
        with pytest.raises(ValidationError) as info:
            at_and_horizon(pendulum.date(2025, 8, 26), "P9999Y")
        assert [path for path, _ in info.value.errors] == ["within"]
        moment, end = at_and_horizon(pendulum.date(2025, 8, 26), None)
        assert (moment, end) == (pendulum.date(2025, 8, 26), None)


class TestExpiredDeadlines:
    """``expired_deadlines(at)``: deadlines that ran out unmet."""

    def test_after_the_deadline(self) -> None:
        """On 3 September 2025 the 50-day deadline has run out."""
        entries = seed_record().expired_deadlines(pendulum.date(2025, 9, 3))
        assert [(e.id, str(e.deadline.due)) for e in entries] == [
            ("us-ultimatum-2025-07", "2025-09-02")
        ]
        assert seed_record().expired_deadlines(pendulum.date(2025, 9, 2)) == ()

    def test_complied_in_time_is_not_expired(self) -> None:
        """A demand met on the due day was met in time."""
        met = _ultimatum().comply(on=pendulum.date(2025, 9, 2))
        assert _talks(met).expired_deadlines(pendulum.date(2025, 12, 1)) == ()

    def test_late_compliance_is_still_expired(self) -> None:
        """Met after the deadline: the deadline did run out."""
        late = _ultimatum().comply(on=pendulum.date(2025, 9, 10), late=True)
        assert _ids(_talks(late).expired_deadlines(pendulum.date(2025, 12, 1))) == ["u"]

    def test_undated_withdrawal_is_not_expired(self) -> None:
        """Withdrawn at an unrecorded time: assumed before the deadline."""
        withdrawn = _ultimatum(status="withdrawn")
        assert _talks(withdrawn).expired_deadlines(pendulum.date(2025, 12, 1)) == ()

    def test_expired_and_enforced_are_listed_oldest_first(self) -> None:
        """Expired or enforced ultimatums are listed, by when they ran out."""
        early = _ultimatum(
            "early", deadline=Deadline.on(pendulum.date(2025, 8, 1))
        ).expire()
        enforced = _ultimatum().enforce(on=pendulum.date(2025, 9, 5))
        talks = _talks(enforced, early)
        assert _ids(talks.expired_deadlines(pendulum.date(2025, 12, 1))) == [
            "early",
            "u",
        ]

    def test_not_yet_issued(self) -> None:
        """An ultimatum issued after at is not considered."""
        assert _talks(_ultimatum()).expired_deadlines(pendulum.date(2025, 7, 1)) == ()

    def test_replaced_deadline_is_not_listed(self) -> None:
        """Only the deadline in force at at counts."""
        extended = _ultimatum().revise_deadline(
            Deadline.on(pendulum.date(2025, 12, 31)), on=pendulum.date(2025, 8, 30)
        )
        talks = _talks(extended)
        assert talks.expired_deadlines(pendulum.date(2025, 9, 10)) == ()
        assert _ids(talks.upcoming_deadlines(pendulum.date(2025, 9, 10))) == ["u"]
        # asked as of a day before the extension, the old deadline had not passed
        assert talks.expired_deadlines(pendulum.date(2025, 8, 29)) == ()

    def test_met_in_the_month_of_its_deadline(self) -> None:
        """
        Talks on phase two of the 2025 Gaza ceasefire, due by day 16 (3
        February), recorded as met "in February 2025": in doubt, in time (as
        a day counts from its start), but the month is known only once it has
        passed, so the deadline is expired until then and not after.  Met on
        a day after the deadline, it stays expired.
        """
        day = pendulum.date

        def talks(met: Any) -> Negotiation:
            clock = Milestone(
                id="phase-two-talks",
                title="Talks on phase two",
                set_on=day(2025, 1, 19),
                deadline=Deadline.on_day(16, counting_from=day(2025, 1, 19)),
            ).with_status("met", on=met)
            return Negotiation(
                id="t",
                title="T",
                parties=[Party(id="a", name="A", kind="state")],
                milestones=[clock],
            )

        in_february = talks(PartialDate(2025, 2))
        for at, expired in (
            (day(2025, 2, 10), ["phase-two-talks"]),
            (day(2025, 2, 28), ["phase-two-talks"]),
            (day(2025, 3, 1), []),
        ):
            listed = [e.id for e in in_february.all_expired_deadlines(at)]
            assert listed == expired, at
        late = talks(day(2025, 2, 10))
        assert [e.id for e in late.all_expired_deadlines(day(2025, 3, 1))] == [
            "phase-two-talks"
        ]


NY = "America/New_York"
KYIV = "Europe/Kyiv"
SEP_2 = pendulum.date(2025, 9, 2)
SEP_2_UTC = pendulum.datetime(2025, 9, 2, tz="UTC")


def _extended_in_new_york() -> Negotiation:
    """West of UTC: due at 22:00 EDT on 1 September (02:00 UTC on the 2nd),
    extended by a week at 21:30 EDT (01:30 UTC), before it ran out."""
    ultimatum = _ultimatum(
        issued_at=pendulum.date(2025, 8, 1),
        deadline=Deadline.on(pendulum.datetime(2025, 9, 1, 22, tz=NY)),
    ).revise_deadline(
        Deadline.on(pendulum.datetime(2025, 9, 8, 22, tz=NY)),
        on=pendulum.datetime(2025, 9, 1, 21, 30, tz=NY),
    )
    return _talks(ultimatum)


def _complied_late_in_kyiv() -> Negotiation:
    """East of UTC: due at 01:00 on 2 September in Kyiv (22:00 UTC on the 1st),
    complied with late at 02:30 (23:30 UTC on the 1st)."""
    ultimatum = _ultimatum(
        issued_at=pendulum.date(2025, 8, 1),
        deadline=Deadline.on(pendulum.datetime(2025, 9, 2, 1, tz=KYIV)),
    ).comply(on=pendulum.datetime(2025, 9, 2, 2, 30, tz=KYIV), late=True)
    return _talks(ultimatum)


def _answers(talks: Negotiation, at: Any) -> dict[str, Any]:
    """What every deadline query answers as of *at*."""
    return {
        "pending": [u.id for u in talks.pending_ultimatums(at)],
        "upcoming": [(u.id, str(d.due)) for u, d in talks.upcoming_deadlines(at)],
        "expired": [(u.id, str(d.due)) for u, d in talks.expired_deadlines(at)],
        "all_upcoming": [
            (e.id, str(e.deadline.due)) for e in talks.all_upcoming_deadlines(at)
        ],
        "all_expired": [
            (e.id, str(e.deadline.due)) for e in talks.all_expired_deadlines(at)
        ],
    }


class TestAsOfADate:
    """A date ``at`` is one instant, the start of its day in UTC, for the
    snapshot and for whether a deadline had passed alike."""

    def test_west_of_utc_a_deadline_extended_before_it_ran_out(self) -> None:
        """As of 2 September (00:00 UTC) the first deadline (02:00 UTC) had not
        run out and the extension (01:30 UTC) was not yet known: pending, as at
        00:00 UTC, not expired (the date used to be read as the snapshot's
        00:00 UTC and as New York's midnight at once, an answer for no moment)."""
        talks = _extended_in_new_york()
        assert _answers(talks, SEP_2) == _answers(talks, SEP_2_UTC)
        assert _answers(talks, SEP_2) == {
            "pending": ["u"],
            "upcoming": [("u", "2025-09-01 22:00:00-04:00")],
            "expired": [],
            "all_upcoming": [("u", "2025-09-01 22:00:00-04:00")],
            "all_expired": [],
        }

    def test_east_of_utc_a_deadline_complied_with_late(self) -> None:
        """As of 2 September (00:00 UTC) the Kyiv deadline (22:00 UTC the day
        before) had run out and the compliance came late: expired, as at 00:00
        UTC (it used to be neither pending nor expired)."""
        talks = _complied_late_in_kyiv()
        assert _answers(talks, SEP_2) == _answers(talks, SEP_2_UTC)
        assert _answers(talks, SEP_2)["expired"] == [("u", "2025-09-02 01:00:00+03:00")]
        assert _answers(talks, SEP_2)["pending"] == []

    @pytest.mark.parametrize("tz", [NY, KYIV, "Asia/Kathmandu", "Pacific/Apia", "UTC"])
    @pytest.mark.parametrize("day", [1, 2, 3, 4])
    def test_a_date_is_the_start_of_its_utc_day(self, tz: str, day: int) -> None:
        """Whatever the deadline's zone, every query as of a date answers as of
        that day's 00:00 UTC; a month as of its first day's."""
        milestone = Milestone(
            id="m",
            title="Talks",
            deadline=Deadline.on(pendulum.date(2025, 9, 2), tz=tz),
        )
        talks = _talks(
            _ultimatum(deadline=Deadline.on(pendulum.date(2025, 9, 2), tz=tz)),
            milestones=[milestone],
        )
        at = pendulum.date(2025, 9, day)
        assert _answers(talks, at) == _answers(
            talks, pendulum.datetime(2025, 9, day, tz="UTC")
        )
        month = _answers(talks, PartialDate(2025, 9))
        assert month == _answers(talks, pendulum.datetime(2025, 9, 1, tz="UTC"))

    def test_a_date_deadline_in_new_york_is_pending_at_the_start_of_the_next_utc_day(
        self,
    ) -> None:
        """Due on 2 September in New York it runs to 04:00 UTC on the 3rd: as of
        3 September (00:00 UTC) it is still pending."""
        talks = _talks(_ultimatum(deadline=Deadline.on(SEP_2, tz=NY)))
        at = pendulum.date(2025, 9, 3)
        assert [u.id for u in talks.pending_ultimatums(at)] == ["u"]
        assert talks.expired_deadlines(at) == ()
        assert [
            u.id for u, _ in talks.expired_deadlines(pendulum.date(2025, 9, 4))
        ] == ["u"]

    def test_as_of_instant(self) -> None:
        """The instant the queries read: a datetime itself; a date, a month or a
        year from the start of its first day in UTC."""
        kyiv = pendulum.datetime(2025, 9, 2, 1, tz=KYIV)
        assert as_of_instant(kyiv) is kyiv
        assert as_of_instant(SEP_2) == SEP_2_UTC
        assert as_of_instant(SEP_2).timezone_name == "UTC"
        assert as_of_instant(PartialDate(2025)) == pendulum.datetime(2025, 1, 1)
        assert as_of_instant(None).timezone_name == "UTC"

    def test_the_command_line_reads_a_date_as_the_queries_do(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """deadlines --at 2025-09-02: the New York deadline is due, with the
        two hours left at 00:00 UTC (not passed two hours before)."""
        path = tmp_path / "talks.json"
        path.write_text(to_json(_extended_in_new_york()), encoding="utf-8")
        args = ["deadlines", str(path), "--at", "2025-09-02", "--format", "json"]
        assert main(args) == 0
        [record] = json.loads(capsys.readouterr().out)["negotiations"]
        assert [(d["ultimatum"], d["seconds_left"]) for d in record["due"]] == [
            ("u", 7200)
        ]
        assert record["passed"] == []


DUE = pendulum.date(2025, 9, 1)


def _milestone(*steps: tuple[str, pendulum.Date]) -> Milestone:
    """A milestone due on 1 September 2025, with these status changes."""
    milestone = Milestone(
        id="m", title="Phase-two talks", set_on=ISSUED, deadline=Deadline.on(DUE)
    )
    for status, on in steps:
        milestone = milestone.with_status(status, on=on)
    return milestone


def _agreement(*steps: tuple[str, pendulum.Date]) -> Agreement:
    """A truce in force from 14 July 2025, expiring on 1 September."""
    agreement = Agreement(
        id="a",
        title="Truce",
        stage="ceasefire",
        expires=Deadline.on(DUE),
    )
    agreement = agreement.with_status("signed", on=ISSUED)
    agreement = agreement.with_status("in-force", on=ISSUED)
    for status, on in steps:
        agreement = agreement.with_status(status, on=on)
    return agreement


def _expired(talks: Negotiation, at: Any) -> list[tuple[str, str]]:
    return [(entry.kind, entry.id) for entry in talks.all_expired_deadlines(at)]


class TestSoonestFirst:
    """The deadline queries list by the instant each deadline passes, across zones."""

    def _talks(self) -> Negotiation:
        from negotiation_records import Milestone

        on = Deadline.on
        ultimatums = [
            _ultimatum("utc-day", deadline=on(pendulum.date(2025, 9, 3))),
            _ultimatum(
                "tokyo-day", deadline=on(pendulum.date(2025, 9, 3), tz="Asia/Tokyo")
            ),
            _ultimatum(
                "new-york-day",
                deadline=on(pendulum.date(2025, 9, 2), tz="America/New_York"),
            ),
            _ultimatum(
                "utc-hour", deadline=on(pendulum.datetime(2025, 9, 3, 4, tz="UTC"))
            ),
        ]
        clock = Milestone(
            id="new-york-midnight",
            title="Clock",
            set_on=ISSUED,
            deadline=on(pendulum.datetime(2025, 9, 3, tz="America/New_York")),
        )
        return _talks(*ultimatums, milestones=[clock])

    def test_ties_keep_record_order(self) -> None:
        """
        The end of 2 September in New York, 04:00 UTC on the 3rd and midnight
        of the 3rd in New York are one instant: listed in record order
        (ultimatums first), before the end of 3 September in Tokyo (15:00 UTC)
        and in UTC.
        """
        talks = self._talks()
        ties = ["new-york-day", "utc-hour"]
        later = ["tokyo-day", "utc-day"]
        before, after = pendulum.date(2025, 8, 1), pendulum.date(2025, 9, 10)
        assert _ids(talks.upcoming_deadlines(before)) == [*ties, *later]
        assert _ids(talks.expired_deadlines(after)) == [*ties, *later]
        everything = [*ties, "new-york-midnight", *later]
        assert [e.id for e in talks.all_upcoming_deadlines(before)] == everything
        assert [e.id for e in talks.all_expired_deadlines(after)] == everything

    def test_the_same_on_a_record_just_loaded(self) -> None:
        """A loaded record (no cut-off worked out yet) lists in the same order."""
        talks = self._talks()
        loaded = from_json(Negotiation, to_json(talks))
        at = pendulum.date(2025, 8, 1)
        assert [e.id for e in loaded.all_upcoming_deadlines(at)] == [
            e.id for e in talks.all_upcoming_deadlines(at)
        ]


class TestAllExpiredDeadlines:
    """``all_expired_deadlines(at)``: a deadline that ran out stays listed."""

    def test_met_at_the_instant_it_passes(self) -> None:
        """
        The United Kingdom left at 00:00 CET on 1 February 2020, the instant
        the Article 50 period (to the end of 31 January, Brussels) ended: met
        in time, not run out.  A second later it would have been late.
        """
        period = Deadline.on(pendulum.date(2020, 1, 31), tz="Europe/Brussels")
        for seconds, listed in ((0, False), (1, True)):
            left = pendulum.datetime(2020, 2, 1, 0, 0, seconds, tz="Europe/Brussels")
            clock = Milestone(id="article-50", title="Article 50", deadline=period)
            talks = Negotiation(
                id="brexit",
                title="Brexit",
                milestones=[clock.with_status("met", on=left)],
            )
            found = [
                e.id for e in talks.all_expired_deadlines(pendulum.date(2020, 2, 2))
            ]
            assert found == (["article-50"] if listed else [])

    @pytest.mark.parametrize(
        "steps",
        [
            [("missed", pendulum.date(2025, 9, 2)), ("met", pendulum.date(2025, 9, 5))],
            [("met", pendulum.date(2025, 9, 5))],
            [("cancelled", pendulum.date(2025, 9, 5))],
            [("superseded", pendulum.date(2025, 9, 5))],
        ],
        ids=["missed-then-met", "met-late", "cancelled-late", "superseded-late"],
    )
    def test_a_milestone_closed_late_stays_expired(
        self, steps: list[tuple[str, pendulum.Date]]
    ) -> None:
        """Met (or cancelled, superseded) after its deadline passed: not met in
        time, listed before and after the late change, as an ultimatum complied
        with late is."""
        late = _ultimatum(deadline=Deadline.on(DUE)).comply(
            on=pendulum.date(2025, 9, 5), late=True
        )
        talks = _talks(late, milestones=[_milestone(*steps)])
        for at in (pendulum.date(2025, 9, 3), pendulum.date(2025, 9, 10)):
            assert _expired(talks, at) == [("ultimatum", "u"), ("milestone", "m")]
        assert _expired(talks, DUE) == []

    def test_a_step_after_one_that_came_late_came_late(self) -> None:
        """
        Closed "on 13 August" after a step at 13:00 UTC that day, an hour after
        a deadline of noon passed: the steps are in order, so the closing
        step came late too, whatever its own date says, and the deadline is
        listed as run out (a milestone missed then met, an ultimatum expired
        then complied with, an agreement expired then superseded).  Closed
        "on 13 August" with nothing late before it, it may have come in time.
        """
        noon = Deadline.on(pendulum.datetime(2025, 8, 13, 12, tz="UTC"))
        late = pendulum.datetime(2025, 8, 13, 13, tz="UTC")
        day = pendulum.date(2025, 8, 13)
        milestone = Milestone(id="m", title="Talks", set_on=ISSUED, deadline=noon)
        ultimatum = _ultimatum(deadline=noon).expire(on=late).comply(on=day, late=True)
        agreement = Agreement(
            id="a",
            title="Truce",
            stage="ceasefire",
            history=[StatusChange(status="in-force", on=ISSUED)],
            expires=noon,
        )
        talks = _talks(
            ultimatum,
            milestones=[
                milestone.with_status("missed", on=late).with_status("met", on=day)
            ],
            agreements=[
                agreement.with_status("expired", on=late).with_status(
                    "superseded", on=day
                )
            ],
        )
        after = pendulum.date(2025, 9, 1)
        assert _expired(talks, after) == [
            ("ultimatum", "u"),
            ("milestone", "m"),
            ("agreement", "a"),
        ]
        assert _ids(talks.expired_deadlines(after)) == ["u"]
        in_time = _talks(milestones=[milestone.with_status("met", on=day)])
        assert _expired(in_time, after) == []

    @pytest.mark.parametrize(
        "steps",
        [
            [("met", DUE)],
            [("met", pendulum.date(2025, 8, 20))],
            [("cancelled", pendulum.date(2025, 8, 20))],
        ],
        ids=["met-on-the-day", "met-early", "cancelled-early"],
    )
    def test_a_milestone_closed_in_time_is_not_expired(
        self, steps: list[tuple[str, pendulum.Date]]
    ) -> None:
        """Met (or cancelled) by its deadline: not listed, then or later."""
        talks = _talks(milestones=[_milestone(*steps)])
        assert _expired(talks, pendulum.date(2025, 9, 10)) == []

    def test_an_undated_meeting_counts_as_in_time(self) -> None:
        """Met at an unrecorded time: assumed in time, as an undated withdrawal."""
        met = Milestone(
            id="m",
            title="Talks",
            deadline=Deadline.on(DUE),
            history=[StatusChange(status="met")],
        )
        assert _expired(_talks(milestones=[met]), pendulum.date(2025, 9, 10)) == []

    @pytest.mark.parametrize(
        ("steps", "listed"),
        [
            ([("expired", pendulum.date(2025, 9, 2))], True),
            (
                [
                    ("expired", pendulum.date(2025, 9, 2)),
                    ("superseded", pendulum.date(2025, 9, 5)),
                ],
                True,
            ),
            ([("superseded", pendulum.date(2025, 9, 5))], True),
            ([("terminated", pendulum.date(2025, 9, 5))], True),
            ([("terminated", pendulum.date(2025, 8, 20))], False),
            ([("superseded", DUE)], False),
        ],
        ids=[
            "expired",
            "expired-then-superseded",
            "superseded-after-expiry",
            "terminated-after-expiry",
            "terminated-before",
            "superseded-on-the-day",
        ],
    )
    def test_an_agreement_ended_after_its_expiry_stays_expired(
        self, steps: list[tuple[str, pendulum.Date]], listed: bool
    ) -> None:
        """An expiry that passed while the agreement ran stays listed when the
        agreement is superseded or terminated later; ended before, it is not."""
        talks = _talks(agreements=[_agreement(*steps)])
        expected = [("agreement", "a")] if listed else []
        assert _expired(talks, pendulum.date(2025, 9, 10)) == expected


class TestMarkedRunOutOnTheDay:
    """Expired (or missed) on the day its deadline passes, at 20:00 New York:
    a day counts from its start, yet the deadline has 8 hours to run at
    noon.  The step is held back until the deadline passes: the record
    stays open until then, in the snapshot and in every query, and is
    never in neither list."""

    EVENING = Deadline.on(pendulum.datetime(2025, 9, 2, 20, tz="America/New_York"))
    NOON = pendulum.datetime(2025, 9, 2, 12, tz="America/New_York")
    LATER = pendulum.datetime(2025, 9, 2, 21, tz="America/New_York")

    def talks(self) -> Negotiation:
        day = pendulum.date(2025, 9, 2)
        ultimatum = _ultimatum(deadline=self.EVENING).expire(on=day)
        milestone = Milestone(
            id="m", title="Clock", set_on=ISSUED, deadline=self.EVENING
        )
        agreement = (
            Agreement(id="a", title="Truce", stage="ceasefire", expires=self.EVENING)
            .with_status("signed", on=ISSUED)
            .with_status("in-force", on=ISSUED)
        )
        return _talks(
            ultimatum,
            milestones=[milestone.with_status("missed", on=day)],
            agreements=[agreement.with_status("expired", on=day)],
        )

    def test_open_until_the_deadline_passes(self) -> None:
        """At noon: pending and upcoming, not expired."""
        talks = self.talks()
        assert _ids(talks.upcoming_deadlines(self.NOON)) == ["u"]
        assert [u.id for u in talks.pending_ultimatums(self.NOON)] == ["u"]
        assert talks.expired_deadlines(self.NOON) == ()
        upcoming = talks.all_upcoming_deadlines(self.NOON)
        assert sorted((e.kind, e.id) for e in upcoming) == [
            ("agreement", "a"),
            ("milestone", "m"),
            ("ultimatum", "u"),
        ]
        assert _expired(talks, self.NOON) == []

    def test_the_snapshot_and_status_at_agree(self) -> None:
        """At noon the snapshot shows each record open, as ``status_at`` does;
        at 21:00 each has run out."""
        talks = self.talks()
        noon = talks.as_of(self.NOON)
        assert noon.as_of(self.NOON) == noon
        [ultimatum], [milestone], [agreement] = (
            noon.ultimatums,
            noon.milestones,
            noon.agreements,
        )
        assert ultimatum.status is UltimatumStatus.PENDING
        assert milestone.status is MilestoneStatus.PENDING
        assert agreement.status is AgreementStatus.IN_FORCE
        [u], [m], [a] = talks.ultimatums, talks.milestones, talks.agreements
        assert u.status_at(self.NOON) is UltimatumStatus.PENDING
        assert m.status_at(self.NOON) is MilestoneStatus.PENDING
        assert a.status_at(self.NOON) is AgreementStatus.IN_FORCE
        later = talks.as_of(self.LATER)
        assert [x.status for x in later.ultimatums] == [UltimatumStatus.EXPIRED]
        assert [x.status for x in later.milestones] == [MilestoneStatus.MISSED]
        assert [x.status for x in later.agreements] == [AgreementStatus.EXPIRED]
        assert a.status_at(self.LATER) is AgreementStatus.EXPIRED

    def test_known_only_by_the_held_back_step(self) -> None:
        """A milestone with no date but its ``missed`` step is heard of by
        that step alone: not before its deadline passes (a snapshot read
        again as of an earlier moment is the snapshot as of that moment)."""
        day = pendulum.date(2025, 9, 2)
        milestone = Milestone(id="m", title="Clock", deadline=self.EVENING)
        talks = _talks(milestones=[milestone.with_status("missed", on=day)])
        assert talks.as_of(self.NOON).milestones == ()
        assert talks.all_upcoming_deadlines(self.NOON) == ()
        assert _expired(talks, self.NOON) == []
        assert _expired(talks, self.LATER) == [("milestone", "m")]
        [later] = talks.as_of(self.LATER).milestones
        assert later.status is MilestoneStatus.MISSED

    def test_run_out_once_it_passes(self) -> None:
        """At 21:00: expired, not upcoming."""
        talks = self.talks()
        assert talks.upcoming_deadlines(self.LATER) == ()
        assert talks.pending_ultimatums(self.LATER) == ()
        assert _ids(talks.expired_deadlines(self.LATER)) == ["u"]
        assert talks.all_upcoming_deadlines(self.LATER) == ()
        assert sorted(_expired(talks, self.LATER)) == [
            ("agreement", "a"),
            ("milestone", "m"),
            ("ultimatum", "u"),
        ]


class TestPositions:
    """``positions(party_id)``: what a party demands, and where it stands."""

    def test_an_agreements_provisions_are_terms(self) -> None:
        """
        The Good Friday Agreement's prisoner-release provision (10 April 1998):
        the DUP's rejection is its stance, Sinn Féin's commitment its offer,
        and the provision is not known before the agreement is.
        """
        release = Condition(
            id="prisoner-release",
            text="Early release of paramilitary prisoners",
            kind="commitment",
            demanded_by="sinn-fein",
            addressed_to=["uk"],
            positions=[
                Position(party="dup", stance="rejects", on=pendulum.date(1998, 4, 10))
            ],
        )
        signed = StatusChange(status="signed", on=pendulum.date(1998, 4, 10))
        talks = Negotiation(
            id="ni-1998",
            title="Northern Ireland talks",
            parties=[
                Party(id="uk", name="United Kingdom", kind="state"),
                Party(id="sinn-fein", name="Sinn Féin", kind="group"),
                Party(id="dup", name="Democratic Unionist Party", kind="group"),
            ],
            agreements=[
                Agreement(
                    id="gfa",
                    title="Good Friday Agreement",
                    stage="comprehensive",
                    signatories=["uk", "sinn-fein"],
                    history=[signed],
                    provisions=[release],
                )
            ],
        )
        later = pendulum.date(1999, 1, 1)
        assert talks.positions("dup", at=later).stance_on("prisoner-release") is (
            Stance.REJECTS
        )
        assert [c.id for c in talks.positions("sinn-fein", at=later).offers] == [
            "prisoner-release"
        ]
        assert talks.positions("dup", at=pendulum.date(1998, 4, 1)).stances == ()

    def test_russias_demands_and_stances(self) -> None:
        """Russia demands the four regions and no Western aid, and rejects the ultimatum."""
        russia = seed_record().positions("russia")
        assert isinstance(russia, PartyPositions)
        assert [c.id for c in russia.demands] == [
            "cede-four-regions",
            "reject-western-aid",
        ]
        assert russia.offers == ()
        assert [(s.condition.id, s.stance, s.on) for s in russia.stances] == [
            ("ceasefire", None, None),
            ("ceasefire-within-50-days", Stance.REJECTS, PartialDate(2025, 7)),
        ]
        assert russia.stance_on("ceasefire-within-50-days") is Stance.REJECTS

    def test_ukraines_offers_and_stances(self) -> None:
        """Ukraine offers a ceasefire and opposes both Russian demands."""
        ukraine = seed_record().positions("ukraine")
        assert ukraine.demands == ()
        assert [c.id for c in ukraine.offers] == ["ceasefire"]
        assert ukraine.stance_on("cede-four-regions") is Stance.OPPOSES
        assert ukraine.stance_on("reject-western-aid") is Stance.OPPOSES
        assert ukraine.stance_on("ceasefire-within-50-days") is None

    def test_latest_stance_as_of_a_moment(self) -> None:
        """A later dated stance wins; with at, later stances are left out."""
        condition = Condition(
            id="c",
            text="Terms",
            demanded_by="russia",
            positions=[
                Position(party="ukraine", stance="undecided"),
                Position(
                    party="ukraine", stance="accepts", on=pendulum.date(2025, 8, 1)
                ),
                Position(
                    party="ukraine", stance="opposes", on=pendulum.date(2025, 7, 1)
                ),
                Position(party="united-states", stance="supports"),
            ],
        )
        talks = _talks(conditions=[condition])
        latest = talks.positions("ukraine").stances[0]
        assert latest == TermStance(
            condition=condition, stance=Stance.ACCEPTS, on=pendulum.date(2025, 8, 1)
        )
        assert talks.positions("ukraine", at=pendulum.date(2025, 7, 15)).stance_on(
            "c"
        ) is (Stance.OPPOSES)
        early = talks.positions("ukraine", at=pendulum.date(2025, 6, 1)).stances[0]
        assert (early.stance, early.on) == (Stance.UNDECIDED, None)

    def test_whose_term_is_whose(self) -> None:
        """A term without demanded_by belongs to its proposer or issuer."""
        offer = Condition(id="talks-offer", text="Talks in Geneva", kind="offer")
        demand = Condition(id="cf", text="Ceasefire")
        proposal = Proposal(
            id="p",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=ISSUED,
            summary="Talks",
            terms=[offer],
        )
        ultimatum = _ultimatum(
            demand=demand,
            responses=[
                Response(
                    party="russia", on=pendulum.date(2025, 7, 15), stance="rejects"
                ),
                Response(
                    party="russia", on=pendulum.date(2025, 8, 20), stance="accepts"
                ),
            ],
        )
        talks = _talks(ultimatum, proposals=[proposal])
        assert [c.id for c in talks.positions("ukraine").offers] == ["talks-offer"]
        assert [c.id for c in talks.positions("united-states").demands] == ["cf"]
        russia = talks.positions("russia")
        assert russia.stance_on("cf") is Stance.ACCEPTS
        assert talks.positions("russia", at=pendulum.date(2025, 8, 1)).stance_on(
            "cf"
        ) is (Stance.REJECTS)
        assert russia.stance_on("talks-offer") is None

    def test_a_response_to_a_proposal_is_a_stance_on_each_term(self) -> None:
        """
        Russia rejects Ukraine's proposal to renew the grain deal for 120 days
        (March 2023): a stance on each of its terms, dated, cut by ``at``, and
        weighed against the party's own positions by date.
        """
        renew = Condition(id="renew-120", text="Renew for 120 days", kind="offer")
        ports = Condition(
            id="three-ports",
            text="Keep three ports open",
            kind="demand",
            positions=[
                Position(
                    party="russia", stance="undecided", on=pendulum.date(2023, 3, 1)
                ),
                Position(
                    party="russia", stance="accepts", on=pendulum.date(2023, 3, 20)
                ),
            ],
        )
        proposal = Proposal(
            id="renewal",
            proposed_by="ukraine",
            addressed_to=["russia", "united-states"],
            made_on=pendulum.date(2023, 3, 14),
            summary="Renew the initiative",
            terms=[renew, ports],
        )
        proposal = proposal.respond(
            "russia", on=pendulum.date(2023, 3, 18), stance="rejects"
        ).respond("united-states", on=pendulum.date(2023, 3, 15), stance="supports")
        talks = _talks(proposals=[proposal])
        russia = talks.positions("russia")
        assert russia.stance_on("renew-120") is Stance.REJECTS
        assert [(s.condition.id, s.stance, s.on) for s in russia.stances] == [
            ("renew-120", Stance.REJECTS, pendulum.date(2023, 3, 18)),
            # its own later position on one term outweighs the answer to all
            ("three-ports", Stance.ACCEPTS, pendulum.date(2023, 3, 20)),
        ]
        before = talks.positions("russia", at=pendulum.date(2023, 3, 17))
        assert before.stance_on("renew-120") is None
        assert before.stance_on("three-ports") is Stance.UNDECIDED
        assert talks.positions("united-states").stance_on("renew-120") is (
            Stance.SUPPORTS
        )
        # the proposer's own terms are its offers and demands, not stances
        ukraine = talks.positions("ukraine")
        assert [c.id for c in ukraine.offers] == ["renew-120"]
        assert [c.id for c in ukraine.demands] == ["three-ports"]
        assert ukraine.stances == ()

    def test_a_coalitions_answer_to_a_proposal_passes_to_its_members(self) -> None:
        """A member with no stance of its own takes its coalition's response."""
        term = Condition(id="quota", text="A quota of 10,000 tonnes", kind="offer")
        proposal = Proposal(
            id="quota-offer",
            proposed_by="norway",
            addressed_to=["eu"],
            made_on=pendulum.date(2024, 3, 1),
            summary="A quota",
            terms=[term],
        ).respond("eu", on=pendulum.date(2024, 3, 8), stance="rejects")
        talks = Negotiation(
            id="fish",
            title="Fisheries",
            parties=[
                Party(id="norway", name="Norway", kind="state"),
                Party(id="france", name="France", kind="state"),
                Party(
                    id="eu",
                    name="European Union",
                    kind="coalition",
                    members=["france"],
                ),
            ],
            proposals=[proposal],
        )
        entry = talks.positions("france").stances[0]
        assert (entry.stance, entry.inherited_from) == (Stance.REJECTS, "eu")

    def test_without_at_the_stance_now(self) -> None:
        """Without at, positions reads the record now: a stance dated 2099 waits."""
        condition = Condition(
            id="c",
            text="Terms",
            demanded_by="russia",
            positions=[
                Position(
                    party="ukraine", stance="opposes", on=pendulum.date(2025, 7, 1)
                ),
                Position(
                    party="ukraine", stance="accepts", on=pendulum.date(2099, 1, 1)
                ),
            ],
        )
        talks = _talks(conditions=[condition])
        now = talks.positions("ukraine").stances[0]
        assert (now.stance, now.on) == (Stance.OPPOSES, pendulum.date(2025, 7, 1))
        assert talks.positions("ukraine") == talks.positions(
            "ukraine", at=pendulum.now("UTC")
        )
        later = talks.positions("ukraine", at=pendulum.date(2099, 1, 1))
        assert later.stance_on("c") is Stance.ACCEPTS

    def test_without_at_a_later_term_is_left_out(self) -> None:
        """A proposal made in 2099 puts forward nothing yet."""
        offer = Condition(id="later-offer", text="Talks in 2099", kind="offer")
        proposal = Proposal(
            id="p",
            proposed_by="ukraine",
            made_on=pendulum.date(2099, 1, 1),
            summary="Talks",
            terms=[offer],
        )
        talks = _talks(proposals=[proposal])
        assert talks.positions("ukraine").offers == ()
        assert talks.positions("russia").stances == ()
        assert [c.id for c in talks.positions("ukraine", PartialDate(2099)).offers] == [
            "later-offer"
        ]

    def test_a_month_counts_once_it_has_passed(self) -> None:
        """queries.positions, asked directly, reads a stance as the snapshot does."""
        from negotiation_records import queries

        condition = Condition(
            id="c",
            text="Terms",
            demanded_by="russia",
            positions=[
                Position(party="ukraine", stance="opposes", on=PartialDate(2025, 7))
            ],
        )
        talks = _talks(conditions=[condition])
        for at in (pendulum.date(2025, 7, 15), pendulum.date(2025, 8, 1)):
            direct = queries.positions(talks, "ukraine", at).stance_on("c")
            assert direct is talks.positions("ukraine", at).stance_on("c")
        assert queries.positions(talks, "ukraine", pendulum.date(2025, 7, 31)).stances[
            0
        ] == TermStance(condition=condition)
        assert queries.positions(talks, "ukraine").stance_on("c") is Stance.OPPOSES

    def test_text_demands_are_not_terms(self) -> None:
        """An ultimatum whose demand is plain text adds no term."""
        assert _talks(_ultimatum()).positions("russia") == PartyPositions(
            party="russia"
        )

    def test_unknown_party(self) -> None:
        """An unknown party is a RecordNotFoundError with a suggestion."""
        with pytest.raises(RecordNotFoundError) as exc:
            seed_record().positions("rusia")
        assert str(exc.value).startswith("no party 'rusia' (did you mean 'russia'?")

    def test_a_bad_at_is_reported_before_an_unknown_party(self) -> None:
        """The method and the function check in one order: ``at`` first."""
        from negotiation_records import queries

        talks = seed_record()
        asks: list[Any] = [talks.positions, lambda *a: queries.positions(talks, *a)]
        for ask in asks:
            with pytest.raises(ValidationError) as info:
                ask("rusia", "2025-07-20")
            assert [path for path, _ in info.value.errors] == ["at"]

    def test_unknown_term(self) -> None:
        """stance_on names the terms it knows."""
        with pytest.raises(RecordNotFoundError) as exc:
            seed_record().positions("russia").stance_on("cede-four-regions")
        assert str(exc.value) == (
            "no term of another party 'cede-four-regions' (known: 'ceasefire', "
            "'ceasefire-within-50-days')"
        )


def test_the_query_functions_read_what_was_heard_of() -> None:
    """
    queries.all_upcoming_deadlines and all_expired_deadlines asked of a
    whole record leave out a milestone set, and an agreement first signed,
    after *at*, as the methods (which read the snapshot) do and as the
    ultimatum queries leave out one issued later.
    """
    from negotiation_records import queries

    day = pendulum.date
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="US", kind="state"),
            Party(id="ru", name="RU", kind="state"),
        ],
        ultimatums=[
            Ultimatum(
                id="u",
                issued_by="us",
                addressed_to=["ru"],
                issued_at=day(2025, 8, 1),
                demand="x",
                deadline=Deadline.on(day(2025, 9, 30)),
            )
        ],
        milestones=[
            Milestone(
                id="m",
                title="Clock",
                set_on=day(2025, 8, 1),
                deadline=Deadline.on(day(2025, 9, 30)),
            )
        ],
        agreements=[
            Agreement(
                id="a",
                title="Truce",
                stage="ceasefire",
                history=[StatusChange(status="signed", on=day(2025, 8, 1))],
                expires=Deadline.on(day(2025, 9, 30)),
            )
        ],
    )
    for at, upcoming, expired in [
        (day(2025, 7, 1), [], []),
        (day(2025, 8, 2), ["u", "m", "a"], []),
        (day(2025, 10, 2), [], ["u", "m", "a"]),
    ]:
        found = queries.all_upcoming_deadlines(talks, at)
        assert [entry.id for entry in found] == upcoming
        assert found == talks.all_upcoming_deadlines(at)
        ran_out = queries.all_expired_deadlines(talks, at)
        assert [entry.id for entry in ran_out] == expired
        assert ran_out == talks.all_expired_deadlines(at)


@given(nrst.negotiations(), nrst.moments())
@settings(max_examples=60, deadline=None)
def test_the_query_functions_agree_with_the_methods(
    talks: Negotiation, at: Any
) -> None:
    """Every deadline query asked of a whole record lists what the method
    (which reads the snapshot) lists: the same records, the same deadlines."""
    from negotiation_records import queries

    def ids(found: tuple[Any, ...]) -> list[Any]:
        return [
            item.id if isinstance(item, Ultimatum) else (item[0].id, item.deadline)
            for item in found
        ]

    for name in (
        "pending_ultimatums",
        "upcoming_deadlines",
        "expired_deadlines",
        "all_upcoming_deadlines",
        "all_expired_deadlines",
    ):
        assert ids(getattr(queries, name)(talks, at)) == ids(
            getattr(talks, name)(at)
        ), name
