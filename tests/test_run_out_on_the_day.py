"""
A step that says a deadline ran out (an ultimatum expired, a milestone
missed, an agreement expired) counts, with every step after it, only once a
deadline the record had in force has passed: in the snapshot, in
``status_at`` and in the deadline queries alike ("as of" means the same
everywhere).  Worked cases from the news, and properties over deadlines in
zones east and west of UTC, with the step dated by its day, its month, its
hour or not at all, and a revision that cut or extended the deadline before
it passed.
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Agreement,
    AgreementStatus,
    Deadline,
    DeadlineRevision,
    EventKind,
    Milestone,
    MilestoneStatus,
    Negotiation,
    NegotiationRecordError,
    PartialDate,
    Party,
    StatusChange,
    Ultimatum,
    UltimatumStatus,
    from_dict,
)
from negotiation_records.queries import as_of_instant
from negotiation_records.timeutil import Moment


ISSUED = pendulum.datetime(2025, 7, 14, 15, tz="UTC")
DUE_DAY = pendulum.date(2025, 9, 2)


def _talks(**records: Any) -> Negotiation:
    return Negotiation(
        id="talks",
        title="Talks",
        parties=[
            Party(id="russia", name="Russia", kind="state"),
            Party(id="united-states", name="United States", kind="state"),
        ],
        **records,
    )


def _ultimatum(deadline: Deadline) -> Ultimatum:
    return Ultimatum(
        id="u",
        issued_by="united-states",
        addressed_to=["russia"],
        issued_at=ISSUED,
        demand="Reach a ceasefire",
        deadline=deadline,
    )


def _version_1_extended(revised_on: str) -> Negotiation:
    """A version-1 document: the ultimatum expired, undated, its deadline
    extended on *revised_on* from 2 to 30 September."""
    document = {
        "schema_version": 1,
        "id": "t",
        "title": "T",
        "parties": [
            {"id": "united-states", "name": "US", "kind": "state"},
            {"id": "russia", "name": "Russia", "kind": "state"},
        ],
        "ultimatums": [
            {
                "id": "u",
                "issued_by": "united-states",
                "addressed_to": ["russia"],
                "issued_at": "2025-07-14",
                "demand": "Ceasefire",
                "deadline": {"due": "2025-09-30", "tz": None},
                "revisions": [
                    {
                        "previous": {"due": "2025-09-02", "tz": None},
                        "revised_on": revised_on,
                        "reason": "extended",
                    }
                ],
                "status": "expired",
                "status_on": None,
            }
        ],
    }
    return from_dict(Negotiation, document)


class TestTheUsUltimatum:
    """The 50-day ultimatum of 14 July 2025, due at the end of 2 September
    in New York (04:00 UTC on the 3rd), recorded "expired on 2 September"."""

    DEADLINE = Deadline.on(DUE_DAY, tz="America/New_York")

    def talks(self) -> Negotiation:
        return _talks(ultimatums=[_ultimatum(self.DEADLINE).expire(on=DUE_DAY)])

    def test_pending_in_every_view_until_it_passes(self) -> None:
        talks = self.talks()
        [ultimatum] = talks.ultimatums
        for at in (
            DUE_DAY,
            pendulum.datetime(2025, 9, 2, 12, tz="America/New_York"),
            pendulum.datetime(2025, 9, 3, 3, 59, tz="UTC"),
        ):
            [kept] = talks.as_of(at).ultimatums
            assert kept.status is UltimatumStatus.PENDING, at
            assert ultimatum.status_at(at) is UltimatumStatus.PENDING, at
            assert [u.id for u in talks.pending_ultimatums(at)] == ["u"], at
            assert talks.expired_deadlines(at) == (), at
            kinds = [e.kind for e in talks.as_of(at).timeline()]
            assert EventKind.STATUS not in kinds, at

    def test_expired_in_every_view_once_it_passes(self) -> None:
        talks = self.talks()
        [ultimatum] = talks.ultimatums
        at = pendulum.datetime(2025, 9, 3, 4, tz="UTC")
        [kept] = talks.as_of(at).ultimatums
        assert kept == ultimatum
        assert ultimatum.status_at(at) is UltimatumStatus.EXPIRED
        assert talks.pending_ultimatums(at) == ()
        assert [entry.id for entry in talks.expired_deadlines(at)] == ["u"]
        kinds = [e.kind for e in talks.as_of(at).timeline()]
        assert kinds.count(EventKind.STATUS) == 1

    def test_the_enforcement_after_it_is_held_back_too(self) -> None:
        """Expired and enforced (tariffs imposed) "on 2 September": nothing
        after the expiry can come before the deadline passes."""
        ultimatum = (
            _ultimatum(self.DEADLINE)
            .expire(on=DUE_DAY)
            .enforce(on=pendulum.date(2025, 9, 2))
        )
        talks = _talks(ultimatums=[ultimatum])
        noon = pendulum.datetime(2025, 9, 2, 12, tz="America/New_York")
        [kept] = talks.as_of(noon).ultimatums
        assert kept.history == ()
        assert ultimatum.status_at(noon) is UltimatumStatus.PENDING
        assert [u.id for u in talks.pending_ultimatums(noon)] == ["u"]
        later = pendulum.datetime(2025, 9, 3, 5, tz="UTC")
        assert ultimatum.status_at(later) is UltimatumStatus.ENFORCED
        assert talks.as_of(later).ultimatums == (ultimatum,)


class TestATruceThatLapses:
    """A 90-day trade truce due at 00:01 Eastern on 12 August, recorded
    expired "on 12 August" (as the news gives it) and a milestone missed
    the same day: both run until 00:01 Eastern, 04:01 UTC."""

    DEADLINE = Deadline.on(pendulum.datetime(2025, 8, 12, 0, 1, tz="America/New_York"))
    DAY = pendulum.date(2025, 8, 12)

    def talks(self) -> Negotiation:
        truce = (
            Agreement(
                id="truce",
                title="Tariff truce",
                stage="ceasefire",
                expires=self.DEADLINE,
            )
            .with_status("signed", on=pendulum.date(2025, 5, 12))
            .with_status("in-force", on=pendulum.date(2025, 5, 14))
            .with_status("expired", on=self.DAY)
        )
        clock = Milestone(
            id="clock",
            title="Deal by the end of the pause",
            set_on=pendulum.date(2025, 5, 12),
            deadline=self.DEADLINE,
        ).with_status("missed", on=self.DAY)
        return _talks(agreements=[truce], milestones=[clock])

    def test_running_until_00_01_eastern(self) -> None:
        talks = self.talks()
        [truce], [clock] = talks.agreements, talks.milestones
        at = pendulum.datetime(2025, 8, 12, 4, tz="UTC")
        snapshot = talks.as_of(at)
        assert [a.status for a in snapshot.agreements] == [AgreementStatus.IN_FORCE]
        assert [m.status for m in snapshot.milestones] == [MilestoneStatus.PENDING]
        assert truce.status_at(at) is AgreementStatus.IN_FORCE
        assert clock.status_at(at) is MilestoneStatus.PENDING
        upcoming = sorted(e.id for e in talks.all_upcoming_deadlines(at))
        assert upcoming == ["clock", "truce"]
        assert talks.all_expired_deadlines(at) == ()

    def test_run_out_from_then(self) -> None:
        talks = self.talks()
        at = pendulum.datetime(2025, 8, 12, 4, 1, tz="UTC")
        snapshot = talks.as_of(at)
        assert snapshot.agreements == talks.agreements
        assert snapshot.milestones == talks.milestones
        assert talks.all_upcoming_deadlines(at) == ()
        expired = sorted(e.id for e in talks.all_expired_deadlines(at))
        assert expired == ["clock", "truce"]


class TestExtendedOrRevived:
    """A deadline moved before it passed never ran out; one that ran out and
    was revived runs out again only when the new deadline passes."""

    NY = "America/New_York"
    NOON_30 = pendulum.datetime(2025, 9, 30, 12, tz=NY)
    AFTER_30 = pendulum.datetime(2025, 10, 1, 4, tz="UTC")

    def test_extended_then_expired_on_the_new_due_day(self) -> None:
        """Due 2 September, extended on 1 September to 30 September, expired
        "on 30 September": pending all that day, in every view."""
        first = Deadline.on(DUE_DAY, tz=self.NY)
        later = Deadline.on(pendulum.date(2025, 9, 30), tz=self.NY)
        ultimatum = (
            _ultimatum(first)
            .revise_deadline(later, on=pendulum.date(2025, 9, 1))
            .expire(on=pendulum.date(2025, 9, 30))
        )
        truce = (
            Agreement(id="truce", title="Truce", stage="ceasefire", expires=first)
            .with_status("in-force", on=ISSUED)
            .extend(later, on=pendulum.date(2025, 9, 1))
            .with_status("expired", on=pendulum.date(2025, 9, 30))
        )
        talks = _talks(ultimatums=[ultimatum], agreements=[truce])
        assert ultimatum.status_at(self.NOON_30) is UltimatumStatus.PENDING
        assert truce.status_at(self.NOON_30) is AgreementStatus.IN_FORCE
        assert [u.id for u in talks.pending_ultimatums(self.NOON_30)] == ["u"]
        upcoming = sorted(e.id for e in talks.all_upcoming_deadlines(self.NOON_30))
        assert upcoming == ["truce", "u"]
        assert talks.all_expired_deadlines(self.NOON_30) == ()
        assert ultimatum.status_at(self.AFTER_30) is UltimatumStatus.EXPIRED
        expired = sorted(e.id for e in talks.all_expired_deadlines(self.AFTER_30))
        assert expired == ["truce", "u"]

    def test_revived_then_expired_again(self) -> None:
        """Expired at the end of 2 September, revived on 5 September to 30
        September, expired again "on 30 September"."""
        first = Deadline.on(DUE_DAY, tz=self.NY)
        ultimatum = (
            _ultimatum(first)
            .expire(on=pendulum.date(2025, 9, 3))
            .revise_deadline(
                Deadline.on(pendulum.date(2025, 9, 30), tz=self.NY),
                on=pendulum.date(2025, 9, 5),
            )
            .expire(on=pendulum.date(2025, 9, 30))
        )
        talks = _talks(ultimatums=[ultimatum])
        statuses = [
            ultimatum.status_at(at).value
            for at in (
                pendulum.datetime(2025, 9, 4, tz="UTC"),
                pendulum.datetime(2025, 9, 10, tz="UTC"),
                self.NOON_30,
                self.AFTER_30,
            )
        ]
        assert statuses == ["expired", "pending", "pending", "expired"]
        [kept] = talks.as_of(self.NOON_30).ultimatums
        assert [c.status for c in kept.history] == [
            UltimatumStatus.EXPIRED,
            UltimatumStatus.PENDING,
        ]
        assert [u.id for u in talks.pending_ultimatums(self.NOON_30)] == ["u"]

    def test_a_version_1_expiry_before_an_extension(self) -> None:
        """A version-1 document: expired with no date, its deadline extended
        on 30 August from 2 to 30 September.  The 2 September deadline never
        ran out, so the expiry counts once 30 September has passed."""
        talks = _version_1_extended(revised_on="2025-08-30")
        tenth = pendulum.date(2025, 9, 10)
        [kept] = talks.as_of(tenth).ultimatums
        assert kept.status is UltimatumStatus.PENDING
        assert [u.id for u in talks.pending_ultimatums(tenth)] == ["u"]
        october = pendulum.date(2025, 10, 1)
        [kept] = talks.as_of(october).ultimatums
        assert kept.status is UltimatumStatus.EXPIRED
        assert [e.id for e in talks.expired_deadlines(october)] == ["u"]

    def test_a_version_1_expiry_then_a_late_extension(self) -> None:
        """A version-1 document: expired with no date, its 2 September
        deadline extended on 10 September, after it had passed, to 30
        September, with nothing that says it was revived.  Its status is the
        latest known, so the expiry is against the new deadline: expired as
        of 5 September (the extension not yet made), pending from 10
        September, expired again once 30 September has passed, in every view
        alike (the snapshot drops the expiry known on the 5th: the extension
        revived it)."""
        talks = _version_1_extended(revised_on="2025-09-10")
        [ultimatum] = talks.ultimatums
        for at, status, due in [
            (pendulum.date(2025, 9, 5), UltimatumStatus.EXPIRED, "2025-09-02"),
            (pendulum.date(2025, 9, 10), UltimatumStatus.PENDING, "2025-09-30"),
            (pendulum.date(2025, 10, 1), UltimatumStatus.EXPIRED, "2025-09-30"),
        ]:
            [kept] = talks.as_of(at).ultimatums
            assert kept.status is status, at
            assert str(kept.deadline.due) == due
            assert ultimatum.status_at(at) is status
            pending = [u.id for u in talks.pending_ultimatums(at)]
            expired = [str(e.deadline.due) for e in talks.expired_deadlines(at)]
            if status is UltimatumStatus.PENDING:
                assert (pending, expired) == (["u"], [])
            else:
                assert (pending, expired) == ([], [due])


def test_a_date_is_read_at_the_start_of_its_day_in_utc() -> None:
    """Due at 05:00 on 3 September in Tokyo (20:00 UTC on the 2nd), expired
    "on 2 September": as of 3 September (00:00 UTC) it has expired, in the
    snapshot and in the queries, as at that instant."""
    deadline = Deadline.on(pendulum.datetime(2025, 9, 3, 5, tz="Asia/Tokyo"))
    talks = _talks(ultimatums=[_ultimatum(deadline).expire(on=DUE_DAY)])
    day = pendulum.date(2025, 9, 3)
    instant = pendulum.datetime(2025, 9, 3, tz="UTC")
    assert talks.as_of(day) == talks.as_of(instant)
    [kept] = talks.as_of(day).ultimatums
    assert kept.status is UltimatumStatus.EXPIRED
    assert [e.id for e in talks.expired_deadlines(day)] == ["u"]
    assert talks.pending_ultimatums(day) == ()


# --- properties ------------------------------------------------------------------

_ZONES = st.sampled_from(
    ["UTC", "America/New_York", "Pacific/Honolulu", "Asia/Tokyo", "Pacific/Kiritimati"]
)
_HOURS = st.integers(-36, 72)  # around the due day, by the hour


@st.composite
def _deadlines(draw: st.DrawFn) -> Deadline:
    zone = draw(_ZONES)
    if draw(st.booleans()):
        return Deadline.on(DUE_DAY, tz=zone)
    hour = draw(st.integers(0, 23))
    return Deadline.on(pendulum.datetime(2025, 9, 2, hour, tz=zone))


_STEP_DATES: st.SearchStrategy[Moment | str | None] = st.one_of(
    st.none(),
    st.just("cut-off"),
    st.sampled_from(
        [pendulum.date(2025, 9, 2), pendulum.date(2025, 9, 3), PartialDate(2025, 9)]
    ),
    _HOURS.map(lambda h: pendulum.datetime(2025, 9, 2, tz="UTC").add(hours=h)),
)


_AT: st.SearchStrategy[Moment] = st.one_of(
    _HOURS.map(lambda h: pendulum.datetime(2025, 9, 2, tz="UTC").add(hours=h)),
    st.integers(-1, 3).map(lambda n: pendulum.date(2025, 9, 2).add(days=n)),
)


def _ran_out(record: Any, status: str, on: Moment | str | None) -> Any:
    """*record* with a *status* step *on* a moment, at the deadline's
    cut-off (the method given no date), or undated (a version-1 document)."""
    if on is None:
        step = StatusChange(status=status, on=None)
        return attrs.evolve(record, history=(*record.history, step))
    given = None if isinstance(on, str) else on  # "cut-off"
    if isinstance(record, Ultimatum):
        return record.expire(on=given)
    return record.with_status(status, on=given)


def _records(
    kind: str, deadline: Deadline, on: Moment | str | None, revised: str | None
) -> dict[str, Any]:
    """An ultimatum, milestone or agreement that ran out *on*, its deadline
    set by a revision when *revised* says so: at noon UTC on 1 September,
    one that cut it from 30 September, or extended it from the end of 1
    September (UTC), before that passed; or ("late") at noon UTC on 31
    August, one that extended it from the end of 30 August, after that
    passed, with no step that revived the record (``attrs.evolve``, as a
    version-1 document reads)."""
    revised_on = pendulum.datetime(2025, 9, 1, 12, tz="UTC")
    earlier = {
        "cut": Deadline.on(pendulum.date(2025, 9, 30), tz="UTC"),
        "extended": Deadline.on(pendulum.date(2025, 9, 1), tz="UTC"),
        "late": Deadline.on(pendulum.date(2025, 8, 30), tz="UTC"),
    }
    first = deadline if revised is None else earlier[revised]
    revision = DeadlineRevision(
        previous=first, revised_on=pendulum.datetime(2025, 8, 31, 12, tz="UTC")
    )
    cut = revised in {"cut", "extended"}
    late: dict[str, Any] = {"revisions": (revision,)} if revised == "late" else {}
    if kind == "ultimatum":
        u = _ultimatum(first)
        if cut:
            u = u.revise_deadline(deadline, on=revised_on)
        if late:
            u = attrs.evolve(u, deadline=deadline, **late)
        return {"ultimatums": [_ran_out(u, "expired", on)]}
    if kind == "milestone":
        m = Milestone(id="m", title="Clock", set_on=ISSUED, deadline=first)
        if cut:
            m = m.revise_deadline(deadline, on=revised_on)
        if late:
            m = attrs.evolve(m, deadline=deadline, **late)
        return {"milestones": [_ran_out(m, "missed", on)]}
    a = (
        Agreement(id="a", title="Truce", stage="ceasefire", expires=first)
        .with_status("signed", on=ISSUED)
        .with_status("in-force", on=ISSUED)
    )
    if cut:
        a = a.extend(deadline, on=revised_on)
    if late:
        a = attrs.evolve(a, expires=deadline, **late)
    return {"agreements": [_ran_out(a, "expired", on)]}


def _the_record(talks: Negotiation) -> Any:
    records: list[Any] = [*talks.ultimatums, *talks.milestones, *talks.agreements]
    [record] = records
    return record


_RAN_OUT = {UltimatumStatus.EXPIRED, MilestoneStatus.MISSED, AgreementStatus.EXPIRED}
_OPEN = {UltimatumStatus.PENDING, MilestoneStatus.PENDING, AgreementStatus.IN_FORCE}


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(["ultimatum", "milestone", "agreement"]),
    deadline=_deadlines(),
    on=_STEP_DATES,
    revised=st.sampled_from([None, "cut", "extended", "late"]),
    moments=st.lists(_AT, min_size=2, max_size=2),
)
def test_every_view_agrees_at_every_hour(
    kind: str,
    deadline: Deadline,
    on: Moment | str | None,
    revised: str | None,
    moments: list[Moment],
) -> None:
    """The snapshot is valid and the same read again; its status is
    ``status_at``'s; a ran-out step shows only once the deadline in force
    has passed (the one it replaced was replaced before it passed); the
    deadline queries list the record open exactly when the snapshot shows
    it open; and what is known only grows."""
    try:
        talks = _talks(**_records(kind, deadline, on, revised))
    except NegotiationRecordError:
        return  # a step dated before its deadline could pass is refused
    record = _the_record(talks)
    earlier, later = sorted(moments, key=as_of_instant)
    known = []
    for at in (earlier, later):
        snapshot = talks.as_of(at)
        assert snapshot.as_of(at) == snapshot
        kept = _the_record(snapshot)
        status = kept.status
        assert status is record.status_at(at)
        deadlines = kept.deadlines if kind != "agreement" else kept.expiries
        if status in _RAN_OUT:
            assert deadlines[-1].is_past(as_of_instant(at)), at
        upcoming = [e.id for e in talks.all_upcoming_deadlines(at)]
        assert (upcoming == [record.id]) == (
            status in _OPEN and not deadlines[-1].is_past(as_of_instant(at))
        ), at
        if kind == "ultimatum":
            pending = [u.id for u in talks.pending_ultimatums(at)]
            assert pending == upcoming
        known.append(kept.history)
    assert known[1][: len(known[0])] == known[0]
