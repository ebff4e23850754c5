"""Status histories, as-of snapshots and format version 2 (issue 12)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, reject, settings
from hypothesis import strategies as st

from negotiation_records import (
    Agreement,
    AgreementStatus,
    Alternative,
    Condition,
    Deadline,
    DeadlineRevision,
    IllegalTransitionError,
    Milestone,
    MilestoneStatus,
    Moment,
    Negotiation,
    NegotiationStatus,
    PartialDate,
    Party,
    Position,
    Proposal,
    ProposalStatus,
    Quantity,
    Response,
    Round,
    RoundStatus,
    Stance,
    Statement,
    StatusChange,
    Ultimatum,
    UltimatumStatus,
    ValidationError,
    Window,
    from_dict,
    from_json,
    queries,
    register_migration,
    to_dict,
    to_json,
    unregister_migration,
)
from negotiation_records import strategies as nst
from negotiation_records._signatures import record_classes
from negotiation_records._snapshot_places import positions_in
from negotiation_records.cli import main
from negotiation_records.fields import (
    Text,
    added_in,
    field,
    is_init_only,
    key_until,
    kind_of,
)
from negotiation_records.migrations import SCHEMA_VERSION, document_problems, upgrade
from negotiation_records.timeutil import is_before, is_known_by, zone


DATA = Path(__file__).resolve().parent / "data"
V1 = DATA / "russia-ukraine-2025.v1.json"

day = pendulum.date
T = TypeVar("T")


def _proposal(**changes: object) -> Proposal:
    fields: dict[str, object] = {
        "id": "p",
        "proposed_by": "a",
        "addressed_to": ["b"],
        "made_on": day(2025, 7, 1),
        "summary": "Meet",
    }
    fields.update(changes)
    return Proposal(**fields)  # type: ignore[arg-type]


def _ultimatum(**changes: object) -> Ultimatum:
    issued = day(2025, 7, 14)
    fields: dict[str, object] = {
        "id": "u",
        "issued_by": "us",
        "addressed_to": ["ru"],
        "issued_at": issued,
        "demand": "Ceasefire",
        "deadline": Deadline.after(issued, days=50),
    }
    fields.update(changes)
    return Ultimatum(**fields)  # type: ignore[arg-type]


# --- dated histories along every path ---------------------------------------------


@pytest.mark.parametrize(
    ("path", "final"),
    [
        (["accept"], ProposalStatus.ACCEPTED),
        (["reject"], ProposalStatus.REJECTED),
        (["withdraw"], ProposalStatus.WITHDRAWN),
        (["expire"], ProposalStatus.EXPIRED),
        (["lapse"], ProposalStatus.LAPSED_WITHOUT_RESPONSE),
        (["mark_countered", "accept"], ProposalStatus.ACCEPTED),
        (["mark_countered", "reject"], ProposalStatus.REJECTED),
        (["mark_countered", "withdraw"], ProposalStatus.WITHDRAWN),
        (["mark_countered", "expire"], ProposalStatus.EXPIRED),
    ],
)
def test_proposal_paths_keep_every_dated_step(
    path: list[str], final: ProposalStatus
) -> None:
    proposal = _proposal()
    for offset, method in enumerate(path, start=2):
        proposal = getattr(proposal, method)(on=day(2025, 7, offset))
    assert proposal.status is final
    assert proposal.status_on == day(2025, 7, len(path) + 1)
    assert [c.on for c in proposal.history] == [
        day(2025, 7, n) for n in range(2, len(path) + 2)
    ]
    assert proposal.status_at(day(2025, 7, 1)) is ProposalStatus.PENDING
    assert proposal.status_at(day(2025, 7, 2)) is proposal.history[0].status
    assert from_json(Proposal, to_json(proposal)) == proposal
    events = [
        e
        for e in Negotiation(
            id="t",
            title="T",
            parties=[
                Party(id="a", name="A", kind="state"),
                Party(id="b", name="B", kind="state"),
            ],
            proposals=[proposal],
        ).timeline()
        if e.kind.value == "status"
    ]
    assert len(events) == len(path)


@pytest.mark.parametrize(
    ("steps", "final"),
    [
        ([("comply", day(2025, 8, 1))], UltimatumStatus.COMPLIED),
        ([("withdraw", day(2025, 8, 1))], UltimatumStatus.WITHDRAWN),
        ([("enforce", day(2025, 8, 1))], UltimatumStatus.ENFORCED),
        ([("expire", None)], UltimatumStatus.EXPIRED),
        ([("expire", None), ("enforce", day(2025, 9, 5))], UltimatumStatus.ENFORCED),
        ([("expire", None), ("withdraw", day(2025, 9, 5))], UltimatumStatus.WITHDRAWN),
    ],
)
def test_ultimatum_paths_keep_every_dated_step(
    steps: list[tuple[str, pendulum.Date | None]], final: UltimatumStatus
) -> None:
    ultimatum = _ultimatum()
    for method, on in steps:
        ultimatum = getattr(ultimatum, method)(**({} if on is None else {"on": on}))
    assert ultimatum.status is final
    assert len(ultimatum.history) == len(steps)
    assert ultimatum.status_at(day(2025, 7, 20)) is UltimatumStatus.PENDING
    assert from_json(Ultimatum, to_json(ultimatum)) == ultimatum


def test_expired_then_enforced_shows_both_in_the_timeline() -> None:
    ultimatum = _ultimatum().expire().enforce(on=day(2025, 9, 5))
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="United States", kind="state"),
            Party(id="ru", name="Russia", kind="state"),
        ],
        ultimatums=[ultimatum],
    )
    summaries = [e.summary for e in talks.timeline() if e.kind.value == "status"]
    assert summaries == ["Ultimatum 'u' expired", "Ultimatum 'u' enforced"]


def test_late_compliance_and_revival() -> None:
    expired = _ultimatum().expire()
    with pytest.raises(IllegalTransitionError, match="late=True"):
        expired.comply(on=day(2025, 9, 4))
    late = expired.comply(on=day(2025, 9, 4), late=True)
    assert [c.status for c in late.history] == [
        UltimatumStatus.EXPIRED,
        UltimatumStatus.COMPLIED,
    ]
    revived = expired.revise_deadline(
        Deadline.after(day(2025, 9, 4), days=10), on=day(2025, 9, 4)
    )
    assert revived.status is UltimatumStatus.PENDING
    assert [c.status for c in revived.history] == [
        UltimatumStatus.EXPIRED,
        UltimatumStatus.PENDING,
    ]
    noon = pendulum.datetime(2025, 9, 3, 12, tz="UTC")
    assert revived.status_at(noon) is UltimatumStatus.EXPIRED
    assert revived.status_at(day(2025, 9, 4)) is UltimatumStatus.PENDING


def test_round_paths() -> None:
    proposed = Round(number=3, window=Window.next_week(of=day(2025, 7, 19)))
    assert proposed.status is RoundStatus.PROPOSED
    assert proposed.history == ()
    scheduled = proposed.schedule(starts=day(2025, 7, 23), on=day(2025, 7, 21))
    postponed = scheduled.postpone(on=day(2025, 7, 22))
    held = postponed.schedule(starts=day(2025, 7, 30), on=day(2025, 7, 25)).hold()
    assert [c.status for c in held.history] == [
        RoundStatus.SCHEDULED,
        RoundStatus.POSTPONED,
        RoundStatus.SCHEDULED,
        RoundStatus.HELD,
    ]
    assert held.history[-1].on == day(2025, 7, 30)  # held on its start
    assert held.status_at(day(2025, 7, 22)) is RoundStatus.POSTPONED
    cancelled = proposed.cancel(on=day(2025, 7, 20))
    assert cancelled.status is RoundStatus.CANCELLED
    with pytest.raises(IllegalTransitionError):
        cancelled.hold(starts=day(2025, 7, 30))
    assert from_json(Round, to_json(held)) == held


def test_negotiation_status_changes() -> None:
    talks = Negotiation(id="t", title="T")
    stalled = talks.with_status("stalled", on=day(2025, 6, 2), reason="No progress")
    resumed = stalled.with_status("active", on=day(2025, 7, 23))
    assert resumed.status is NegotiationStatus.ACTIVE
    assert resumed.status_at(day(2025, 7, 1)) is NegotiationStatus.STALLED
    assert [e.summary for e in resumed.timeline()] == [
        "Talks stalled: No progress",
        "Talks active",
    ]
    assert from_json(Negotiation, to_json(resumed)) == resumed


def _every_kind_of_record() -> list[Any]:
    """One record of each kind with a history, none of them changed yet."""
    return [
        _proposal(),
        _ultimatum(),
        Round(number=1),
        Negotiation(id="t", title="T"),
        Agreement(id="a", title="A", stage="ceasefire"),
        Milestone(id="m", title="M", deadline=Deadline.on(day(2025, 9, 1))),
    ]


@pytest.mark.parametrize(
    ("at", "message"),
    [
        (
            dt.datetime(2025, 7, 10),
            "naive datetime 2025-07-10T00:00:00 has no time zone; give it a zone "
            "(the library never guesses one) or record a date",
        ),
        (
            pendulum.naive(2025, 7, 10),
            "naive datetime 2025-07-10T00:00:00 has no time zone; give it a zone "
            "(the library never guesses one) or record a date",
        ),
        (
            "2025-07-10",
            "must be a date, a zone-aware datetime or a PartialDate, got str "
            "'2025-07-10' (parse text with parse_moment)",
        ),
        (
            None,
            "must be a date, a zone-aware datetime or a PartialDate, got None",
        ),
    ],
    ids=["naive", "pendulum-naive", "text", "none"],
)
@pytest.mark.parametrize("changed", [False, True], ids=["no-history", "history"])
def test_status_at_refuses_what_is_not_a_moment(
    at: object, message: str, changed: bool
) -> None:
    """Every record's status_at checks at, even with an empty history."""
    for fresh in _every_kind_of_record():
        record = fresh
        if changed:
            change = StatusChange(status=fresh.status, on=day(2025, 7, 20))
            record = attrs.evolve(fresh, history=[change])
        with pytest.raises(ValidationError) as caught:
            record.status_at(at)
        assert caught.value.errors == (("at", message),), type(record).__name__


def test_status_at_converts_plain_dates_and_aware_datetimes() -> None:
    """A datetime.date or an aware datetime is read as its moment."""
    accepted = _proposal().accept(on=day(2025, 7, 9))
    assert accepted.status_at(dt.date(2025, 7, 8)) is ProposalStatus.PENDING
    assert accepted.status_at(dt.date(2025, 7, 9)) is ProposalStatus.ACCEPTED
    before = dt.datetime(2025, 7, 8, 23, 59, tzinfo=dt.UTC)
    assert accepted.status_at(before) is ProposalStatus.PENDING
    assert accepted.status_at(PartialDate(2025, 8)) is ProposalStatus.ACCEPTED


@pytest.mark.parametrize("method", ["comply", "enforce", "withdraw", "expire"])
@pytest.mark.parametrize(
    ("on", "message"),
    [
        (
            None,
            "must be a date, a zone-aware datetime or a PartialDate, got None",
        ),
        (
            dt.datetime(2025, 9, 5),
            "naive datetime 2025-09-05T00:00:00 has no time zone; give it a zone "
            "(the library never guesses one) or record a date",
        ),
        (
            "2025-09-05",
            "must be a date, a zone-aware datetime or a PartialDate, got str "
            "'2025-09-05' (parse text with parse_moment)",
        ),
    ],
    ids=["none", "naive", "text"],
)
def test_ultimatum_steps_need_a_moment(method: str, on: object, message: str) -> None:
    """comply, enforce and withdraw need on; a bad on is reported at on."""
    if method == "expire" and on is None:
        return  # expire() without on stamps the deadline's cut-off
    with pytest.raises(ValidationError) as caught:
        getattr(_ultimatum(), method)(on=on)
    assert caught.value.errors == (("on", message),)


def test_comply_without_a_moment_is_not_a_late_compliance() -> None:
    """comply(on=None) used to claim the deadline had passed."""
    with pytest.raises(ValidationError, match=r"^on: must be a date"):
        _ultimatum().comply(on=None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^on: must be a date"):
        _ultimatum().comply(on=None, late=True)  # type: ignore[arg-type]


def test_round_schedule_needs_a_start() -> None:
    """schedule(starts=None) is refused, not a scheduled round without a start."""
    with pytest.raises(ValidationError) as caught:
        Round(number=1).schedule(starts=None)  # type: ignore[arg-type]
    assert caught.value.errors == (
        (
            "starts",
            "must be a date, a zone-aware datetime or a PartialDate, got None",
        ),
    )


# --- version-1 constructors ---------------------------------------------------------


def test_status_arguments_become_a_history() -> None:
    accepted = _proposal(status="accepted", status_on=day(2025, 7, 3))
    assert accepted.history == (
        StatusChange(status=ProposalStatus.ACCEPTED, on=day(2025, 7, 3)),
    )
    assert accepted.status is ProposalStatus.ACCEPTED
    assert accepted.status_on == day(2025, 7, 3)
    assert _proposal(status="pending").history == ()
    dated_pending = _proposal(status="pending", status_on=day(2025, 7, 2))
    assert dated_pending.status_on == day(2025, 7, 2)
    assert Round(number=1, status="held", starts=day(2025, 5, 16)).status_on is None
    assert Negotiation(id="t", title="T", status="stalled").status is (
        NegotiationStatus.STALLED
    )
    # evolve, as version-1 code did, appends a step
    withdrawn = attrs.evolve(
        _proposal(), status=ProposalStatus.WITHDRAWN, status_on=day(2025, 7, 5)
    )
    assert withdrawn.status is ProposalStatus.WITHDRAWN
    assert attrs.evolve(withdrawn, summary="Talk").history == withdrawn.history
    # the init-only arguments are not kept
    assert "status" not in to_dict(withdrawn)
    assert withdrawn == _proposal().withdraw(on=day(2025, 7, 5))


def test_status_arguments_are_checked() -> None:
    with pytest.raises(ValidationError, match="status: 'agreed' is not a valid"):
        _proposal(status="agreed")
    with pytest.raises(ValidationError, match="status_on: naive datetime"):
        _proposal(status="accepted", status_on=pendulum.naive(2025, 7, 3))
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(_proposal(status="withdrawn"), status="accepted")
    assert caught.value.errors == (  # the step status= made, at status
        (
            "status",
            "proposal 'p' cannot go from 'withdrawn' to 'accepted': from "
            "'withdrawn' it is final",
        ),
    )
    given = [StatusChange(status="withdrawn"), StatusChange(status="accepted")]
    with pytest.raises(ValidationError) as caught:
        _proposal(history=given)
    assert caught.value.errors[0][0] == "history[1].status"  # a history given


def _v1_records() -> list[Any]:
    """One of each record with version-1 status arguments, dated 3 July."""
    return [
        _proposal(status="accepted", status_on=day(2025, 7, 3)),
        _ultimatum(status="withdrawn", status_on=day(2025, 7, 15)),
        Round(number=1, status="cancelled", status_on=day(2025, 7, 3)),
        Negotiation(id="t", title="T", status="stalled", status_on=day(2025, 7, 3)),
    ]


@pytest.mark.parametrize("record", _v1_records(), ids=lambda r: type(r).__name__)
@pytest.mark.parametrize("with_status", [False, True], ids=["alone", "with-status"])
def test_status_on_of_the_current_status_redates_the_last_step(
    record: Any, with_status: bool
) -> None:
    """
    Version 1's ``status_on`` was a field: ``attrs.evolve(record,
    status_on=day)``, or the same status given again with it, corrected the
    date.  It re-dates the last step; it used to add a step from the status
    to itself, refused as an illegal transition.
    """
    status = {"status": record.status} if with_status else {}
    redated = attrs.evolve(record, status_on=day(2025, 7, 20), **status)
    assert redated.history == (attrs.evolve(record.history[0], on=day(2025, 7, 20)),)
    assert redated.status is record.status
    assert redated.status_on == day(2025, 7, 20)
    # nothing new is the record as it was
    assert attrs.evolve(record, status_on=record.status_on, **status) == record
    assert attrs.evolve(record, **status) == record


def test_a_redated_step_keeps_the_rest_and_is_checked() -> None:
    """
    The re-dated step keeps its parties, reason and sources; an undated one
    is dated; the history's checks apply to the new date, at its place.
    """
    countered = _proposal().mark_countered(on=day(2025, 7, 2))
    last = StatusChange(
        status="accepted", on=day(2025, 7, 4), by=["b"], reason="Agreed"
    )
    accepted = attrs.evolve(countered, history=(*countered.history, last))
    redated = attrs.evolve(accepted, status_on=day(2025, 7, 5))
    assert redated.history[1] == attrs.evolve(last, on=day(2025, 7, 5))
    assert redated.history[0] == countered.history[0]
    undated = attrs.evolve(accepted, history=(attrs.evolve(last, on=None),))
    assert attrs.evolve(undated, status_on=day(2025, 7, 6)).status_on == day(2025, 7, 6)
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(
            accepted,
            status="accepted",
            status_on=day(
                2025,
                7,
                1,
            ),
        )
    assert caught.value.errors == (  # the step status_on= dated, at status_on
        (
            "status_on",
            "2025-07-01 is before the change before it (2025-07-02); "
            "changes must be in the order they were made",
        ),
    )
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(_proposal(), status_on=day(2025, 6, 30))
    assert caught.value.errors == (
        ("status_on", "2025-06-30 is before the proposal was made (2025-07-01)"),
    )
    # a pending proposal: status_on dates the initial status, as before
    assert attrs.evolve(_proposal(), status_on=day(2025, 7, 2)).history == (
        StatusChange(status=ProposalStatus.PENDING, on=day(2025, 7, 2)),
    )


def test_history_steps_are_checked() -> None:
    with pytest.raises(ValidationError) as caught:
        _proposal(
            history=[
                StatusChange(status="withdrawn", on=day(2025, 7, 3)),
                StatusChange(status="accepted", on=day(2025, 7, 2)),
                StatusChange(status="bogus"),
            ]
        )
    assert caught.value.errors == (
        (
            "history[2].status",
            "'bogus' is not a valid ProposalStatus (choose from 'pending', "
            "'accepted', 'rejected', 'countered', 'withdrawn', 'expired', "
            "'lapsed-without-response')",
        ),
    )
    with pytest.raises(ValidationError) as caught:
        _proposal(
            history=[
                StatusChange(status="withdrawn", on=day(2025, 7, 3)),
                StatusChange(status="accepted", on=day(2025, 7, 2)),
            ]
        )
    assert [path for path, _ in caught.value.errors] == [
        "history[1].status",
        "history[1].on",
    ]
    with pytest.raises(ValidationError, match="before the proposal was made"):
        _proposal(history=[StatusChange(status="accepted", on=day(2025, 6, 1))])


def _stamped(*moments: Moment | None) -> list[StatusChange]:
    """A negotiation's changes, stalled and active in turn, dated *moments*."""
    return [
        StatusChange(status=("stalled", "active")[i % 2], on=on)
        for i, on in enumerate(moments)
    ]


def test_the_change_a_step_goes_back_before_is_named() -> None:
    """
    A change before the dated change before it (undated ones between are
    skipped) is refused as ever; one before an earlier change names it.
    """
    with pytest.raises(ValidationError) as caught:
        Negotiation(
            id="t", title="T", history=_stamped(day(2025, 7, 3), None, day(2025, 7, 2))
        )
    assert caught.value.errors == (
        (
            "history[2].on",
            "2025-07-02 is before the change before it (2025-07-03); "
            "changes must be in the order they were made",
        ),
    )


def test_a_history_back_in_time_across_zones_is_refused() -> None:
    """
    Three changes stamped three ways: 23:00 on 13 July in Washington (03:00
    UTC on the 14th), the day 13 July, 01:00 on 14 July in Kyiv (22:00 UTC on
    the 13th).  None is before the one before it, yet the third was made five
    hours before the first: refused, naming the first, so that ``status_at``
    never hides a change that had been made.
    """
    washington = pendulum.datetime(2025, 7, 13, 23, tz="America/New_York")
    kyiv = pendulum.datetime(2025, 7, 14, 1, tz="Europe/Kyiv")
    with pytest.raises(ValidationError) as caught:
        Negotiation(
            id="t", title="T", history=_stamped(washington, day(2025, 7, 13), kyiv)
        )
    assert caught.value.errors == (
        (
            "history[2].on",
            "2025-07-14T01:00:00+03:00[Europe/Kyiv] is before an earlier change, "
            "history[0] (2025-07-13T23:00:00-04:00[America/New_York]); changes "
            "must be in the order they were made",
        ),
    )


def test_a_history_back_in_time_around_a_month_is_refused() -> None:
    """
    Stalled on 20 June, active "in June", stalled on 2 June (the day of the
    second Istanbul round): June is not before 20 June, nor 2 June before
    June, but 2 June is before 20 June.
    """
    with pytest.raises(ValidationError) as caught:
        Negotiation(
            id="t",
            title="T",
            history=_stamped(day(2025, 6, 20), PartialDate(2025, 6), day(2025, 6, 2)),
        )
    assert caught.value.errors == (
        (
            "history[2].on",
            "2025-06-02 is before an earlier change, history[0] (2025-06-20); "
            "changes must be in the order they were made",
        ),
    )


_NEAR_ZONES = [
    "America/New_York",
    "Europe/Kyiv",
    "Pacific/Kiritimati",
    "Etc/GMT+12",
    "UTC",
]


@st.composite
def _near_moments(draw: st.DrawFn) -> Moment | None:
    """
    A moment within a few days of the end of June 2025, of any precision and
    in any zone, or ``None``: where the precisions and zones meet.
    """
    on = day(2025, 6, 29).add(days=draw(st.integers(0, 4)))
    kind = draw(st.sampled_from(["none", "date", "datetime", "month", "year"]))
    if kind == "none":
        return None
    if kind == "month":
        return PartialDate(on.year, on.month)
    if kind == "year":
        return PartialDate(on.year)
    if kind == "date":
        return on
    return pendulum.datetime(
        on.year,
        on.month,
        on.day,
        draw(st.integers(0, 23)),
        tz=draw(st.sampled_from(_NEAR_ZONES)),
    )


def _going_back(moments: list[Moment | None]) -> list[int]:
    """The indexes of the dated moments before any earlier one, pair by pair."""
    return [
        j
        for j, later in enumerate(moments)
        if later is not None
        and any(
            earlier is not None and is_before(later, earlier) for earlier in moments[:j]
        )
    ]


def _paths(build: Callable[[], object]) -> list[str]:
    """The paths of the problems *build* raises (none: ``[]``)."""
    try:
        build()
    except ValidationError as exc:
        return [path for path, _ in exc.errors]
    return []


@settings(max_examples=300, deadline=None)
@given(st.lists(_near_moments(), max_size=6))
def test_no_step_is_before_any_earlier_one(moments: list[Moment | None]) -> None:
    """
    A history, and a list of deadline revisions, is refused exactly at the
    steps that are before an earlier step, whichever: "before" across
    precisions and zones is not transitive, so the step before is not enough.
    """
    history = _stamped(*moments)
    assert _paths(lambda: Negotiation(id="t", title="T", history=history)) == [
        f"history[{j}].on" for j in _going_back(moments)
    ]
    dated = [on for on in moments if on is not None]
    revisions = [
        DeadlineRevision(previous=Deadline.on(day(2025, 9, 1)), revised_on=on)
        for on in dated
    ]
    clock = Deadline.on(day(2025, 9, 2))
    assert _paths(
        lambda: Milestone(id="m", title="M", deadline=clock, revisions=revisions)
    ) == [f"revisions[{j}].revised_on" for j in _going_back(list(dated))]


def test_unknown_party_in_a_change_is_reported() -> None:
    with pytest.raises(ValidationError, match=r"history\[0\]\.by\[0\]: unknown party"):
        Negotiation(id="t", title="T").with_status("stalled", by=["nobody"])


# --- deadlines and expiry ---------------------------------------------------------------


def test_expire_without_on_stamps_the_cutoff() -> None:
    ultimatum = _ultimatum(
        deadline=Deadline.on(day(2025, 9, 2), tz="Europe/Kyiv"),
    )
    expired = ultimatum.expire()
    assert expired.status_on == ultimatum.deadline.cutoff
    noon = pendulum.datetime(2025, 9, 2, 12, tz="Europe/Kyiv")
    with pytest.raises(IllegalTransitionError):
        ultimatum.expire(on=noon)
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="US", kind="state"),
            Party(id="ru", name="Russia", kind="state"),
        ],
        ultimatums=[expired],
    )
    # at noon on the due day: still upcoming, as the status says
    assert [u.id for u, _ in talks.upcoming_deadlines(noon)] == ["u"]
    assert talks.expired_deadlines(noon) == ()
    after = pendulum.datetime(2025, 9, 3, 0, 30, tz="Europe/Kyiv")
    assert [u.id for u, _ in talks.expired_deadlines(after)] == ["u"]


def test_deadline_before_issue_is_refused() -> None:
    with pytest.raises(ValidationError, match="deadline: falls due"):
        _ultimatum(deadline=Deadline.on(day(2025, 7, 1)))
    # due the same day it was issued is allowed
    _ultimatum(deadline=Deadline.on(day(2025, 7, 14)))


@pytest.mark.parametrize("name", ["EST", "CET", "est", "MST7MDT", "EET"])
def test_zone_abbreviations_are_refused(name: str) -> None:
    with pytest.raises(ValidationError, match=r"abbreviation, not a place.*'"):
        zone(name)


def test_abbreviated_zone_on_construction_and_load() -> None:
    with pytest.raises(ValidationError, match="America/New_York"):
        _proposal(made_on=pendulum.datetime(2025, 7, 1, tz="EST"))
    data = to_dict(_proposal())
    data["made_on"] = "2025-07-01T00:00:00-05:00[EST]"
    with pytest.raises(ValidationError, match="made_on: time zone 'EST'"):
        from_dict(Proposal, data)


# --- as of ----------------------------------------------------------------------------------


def test_known_by_partial_dates() -> None:
    july = PartialDate(2025, 7)
    assert not is_known_by(july, day(2025, 7, 1))
    assert not is_known_by(july, pendulum.datetime(2025, 7, 31, 23, tz="UTC"))
    assert is_known_by(july, pendulum.datetime(2025, 8, 1, tz="UTC"))
    assert is_known_by(july, day(2025, 8, 1))
    assert not is_known_by(PartialDate(2025), day(2025, 12, 31))


def _talks() -> Negotiation:
    parties = [
        Party(id="ua", name="Ukraine", kind="state"),
        Party(id="ru", name="Russia", kind="state"),
        Party(id="us", name="US", kind="state"),
    ]
    issued = day(2025, 7, 14)
    ultimatum = (
        _ultimatum(issued_by="us", addressed_to=["ru"])
        .respond("ru", on=PartialDate(2025, 7), stance="rejects", statement="blackmail")
        .revise_deadline(Deadline.after(day(2025, 7, 29), days=10), on=day(2025, 7, 29))
        .expire()
    )
    assert ultimatum.issued_at == issued
    invite = Proposal(
        id="invite",
        proposed_by="ua",
        addressed_to=["ru"],
        made_on=day(2025, 7, 19),
        summary="A new round next week",
        window=Window.next_week(of=day(2025, 7, 19)),
    ).respond("ru", on=day(2025, 7, 22), stance="accepts")
    return Negotiation(
        id="t",
        title="T",
        parties=parties,
        rounds=[
            Round(number=1, status="held", starts=day(2025, 5, 16)),
            Round(
                number=3,
                status="proposed",
                status_on=day(2025, 7, 19),
                window=Window.next_week(of=day(2025, 7, 19)),
            ).schedule(starts=day(2025, 7, 23), on=day(2025, 7, 22)),
        ],
        proposals=[invite.accept(on=day(2025, 7, 22))],
        ultimatums=[ultimatum],
        statements=[
            Statement(
                id="blackmail",
                speaker="Maria Zakharova",
                party="ru",
                said_on=PartialDate(2025, 7),
                text="Washington's ultimatum is blackmail.",
            )
        ],
        status="stalled",
        status_on=day(2025, 6, 20),
    )


def test_as_of_before_everything() -> None:
    before = _talks().as_of(day(2025, 5, 1))
    assert before.rounds == ()
    assert before.proposals == ()
    assert before.ultimatums == ()
    assert before.statements == ()
    assert before.status is NegotiationStatus.ACTIVE


def test_as_of_inside_a_partial_date_and_a_window() -> None:
    inside = _talks().as_of(day(2025, 7, 20))
    assert [r.number for r in inside.rounds] == [1, 3]
    assert inside.round(3).status is RoundStatus.PROPOSED  # scheduled on the 22nd
    (invite,) = inside.proposals
    assert invite.status is ProposalStatus.PENDING
    assert invite.responses == ()
    (ultimatum,) = inside.ultimatums
    assert ultimatum.responses == ()  # "July 2025": not known until July ends
    assert ultimatum.revisions == ()
    assert ultimatum.deadline.due == day(2025, 9, 2)  # the deadline in force then
    assert ultimatum.status is UltimatumStatus.PENDING
    assert inside.statements == ()
    assert inside.status is NegotiationStatus.STALLED
    assert [u.id for u in inside.pending_ultimatums(day(2025, 7, 20))] == ["u"]


def test_a_month_followed_by_a_known_day_is_known_by_that_day() -> None:
    """
    Steps are in order, so a change dated "2025-06" followed by one of 20 June
    had happened by 20 June: on 25 June both are known (all steps after the
    month were dropped until June ended). A day still to come ends what is known.
    """
    talks = Negotiation(
        id="t",
        title="Talks",
        history=[
            StatusChange(status="stalled", on=PartialDate(2025, 6)),
            StatusChange(status="concluded", on=day(2025, 6, 20)),
        ],
    )
    on_25 = day(2025, 6, 25)
    assert talks.status_at(on_25) is NegotiationStatus.CONCLUDED
    assert talks.as_of(on_25).history == talks.history
    assert [e.summary for e in talks.timeline(on_25)] == [
        "Talks stalled",
        "Talks concluded",
    ]
    assert talks.status_at(day(2025, 6, 19)) is NegotiationStatus.ACTIVE
    assert talks.as_of(day(2025, 6, 19)).history == ()


def test_a_record_known_by_an_earlier_step_stays_when_a_later_one_is_by_month() -> None:
    """
    An agreement drafted on 10 January and signed "in January", a milestone
    set then, and a round proposed "in June" and scheduled on 20 June: each
    is known by its step of a known day, though the step dated by month
    sorts first, so the snapshot keeps it, as ``status_at`` reads it.
    """
    drafted = Agreement(
        id="deal",
        title="Deal",
        stage="ceasefire",
        history=[StatusChange(status="drafted", on=day(2025, 1, 10))],
    ).with_status("signed", on=PartialDate(2025, 1))
    milestone = Milestone(
        id="m",
        title="Talks due",
        deadline=Deadline.on(day(2025, 3, 1)),
        history=[StatusChange(status="pending", on=day(2025, 1, 12))],
    ).with_status("cancelled", on=PartialDate(2025, 1))
    rnd = Round(number=1, status="proposed", status_on=PartialDate(2025, 6))
    rnd = rnd.schedule(starts=day(2025, 7, 3), on=day(2025, 6, 20))
    talks = Negotiation(
        id="t", title="T", agreements=[drafted], milestones=[milestone], rounds=[rnd]
    )
    on_20_january = talks.as_of(day(2025, 1, 20))
    assert [a.status for a in on_20_january.agreements] == [AgreementStatus.DRAFTED]
    assert [m.status for m in on_20_january.milestones] == [MilestoneStatus.PENDING]
    assert talks.as_of(day(2025, 1, 5)).agreements == ()
    assert talks.as_of(day(2025, 1, 5)).milestones == ()
    on_25_june = talks.as_of(day(2025, 6, 25))
    assert [r.status for r in on_25_june.rounds] == [RoundStatus.SCHEDULED]
    assert talks.as_of(day(2025, 6, 19)).rounds == ()


def test_a_record_is_heard_of_by_what_its_snapshot_keeps() -> None:
    """
    A round first scheduled at 15:00 with a later step dated by the day
    alone: the day step is known from the start of its day, and shows that
    the 15:00 one had happened (the steps are in order), so at 12:00 the
    round is heard of, as it would be without the 15:00 step.  A milestone
    set at 15:00, missed at 16:00 and met "on 10 March" is not: its steps
    follow the ``missed`` one, which cannot come before the deadline
    (15:30) passes, so they are held back until then, and the milestone is
    heard of by its ``set_on``.  A snapshot of the snapshot is the same.
    """
    ten_march, ten_january = day(2025, 3, 10), day(2025, 1, 10)
    milestone = Milestone(
        id="m",
        title="Talks close",
        # Missed at 16:00, half an hour after it fell due.
        deadline=Deadline.on(pendulum.datetime(2025, 3, 10, 15, 30, tz="UTC")),
        set_on=pendulum.datetime(2025, 3, 10, 15, tz="UTC"),
        history=[
            StatusChange(
                status="missed", on=pendulum.datetime(2025, 3, 10, 16, tz="UTC")
            ),
            StatusChange(status="met", on=ten_march),
        ],
    )
    rnd = Round(
        number=1,
        window=Window.between(day(2025, 3, 1), day(2025, 3, 31)),
        history=[
            StatusChange(
                status="scheduled", on=pendulum.datetime(2025, 1, 10, 15, tz="UTC")
            ),
            StatusChange(status="cancelled", on=ten_january),
        ],
    )
    talks = Negotiation(id="t", title="T", milestones=[milestone], rounds=[rnd])
    for at, kept in (
        (pendulum.datetime(2025, 1, 9, 23, tz="UTC"), ((), ())),
        (pendulum.datetime(2025, 1, 10, 12, tz="UTC"), ((), (1,))),
        (pendulum.datetime(2025, 1, 10, 16, tz="UTC"), ((), (1,))),
        (pendulum.datetime(2025, 3, 9, 23, tz="UTC"), ((), (1,))),
        (pendulum.datetime(2025, 3, 10, 12, tz="UTC"), ((), (1,))),
        (pendulum.datetime(2025, 3, 10, 15, tz="UTC"), (("m",), (1,))),
        (pendulum.datetime(2025, 3, 10, 17, tz="UTC"), (("m",), (1,))),
    ):
        snapshot = talks.as_of(at)
        found = (
            tuple(m.id for m in snapshot.milestones),
            tuple(r.number for r in snapshot.rounds),
        )
        assert found == kept, at
        assert snapshot.as_of(at) == snapshot


def test_a_proposal_answered_on_its_day_is_made_by_that_day() -> None:
    """
    A proposal made at 12:00 UTC and accepted "on 13 July", an ultimatum
    issued then and withdrawn that day: as of 13 July (its start, when the
    day's events count) each is in the snapshot with the status that
    ``status_at`` gives, and a snapshot of the snapshot is the same.
    """
    noon = pendulum.datetime(2025, 7, 13, 12, tz="UTC")
    proposal = Proposal(
        id="p",
        proposed_by=["a"],
        addressed_to=["b"],
        made_on=noon,
        summary="Pause",
        history=[StatusChange(status="accepted", on=day(2025, 7, 13))],
    )
    ultimatum = Ultimatum(
        id="u",
        issued_by="a",
        addressed_to=["b"],
        issued_at=noon,
        demand="Leave",
        deadline=Deadline.on(day(2025, 7, 20)),
        history=[StatusChange(status="withdrawn", on=day(2025, 7, 13))],
    )
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="a", name="A", kind="state"),
            Party(id="b", name="B", kind="state"),
        ],
        proposals=[proposal],
        ultimatums=[ultimatum],
    )
    at = day(2025, 7, 13)
    snapshot = talks.as_of(at)
    assert [p.status for p in snapshot.proposals] == [proposal.status_at(at)]
    assert [u.status for u in snapshot.ultimatums] == [ultimatum.status_at(at)]
    assert snapshot.as_of(at) == snapshot
    assert talks.as_of(day(2025, 7, 12)).proposals == ()
    # the deadline queries read the ultimatum as the snapshot does
    pending = attrs.evolve(
        ultimatum, history=[StatusChange(status="pending", on=day(2025, 7, 13))]
    )
    talks = attrs.evolve(talks, ultimatums=[pending])
    assert [u.id for u in talks.pending_ultimatums(at)] == ["u"]
    assert [u.id for u in talks.as_of(at).pending_ultimatums(at)] == ["u"]
    assert [e.ultimatum.id for e in talks.upcoming_deadlines(at)] == ["u"]


def test_a_day_step_after_a_timed_one_that_day_is_known_on_its_day() -> None:
    """
    A step dated by its day shows that the steps before it had happened,
    even one at a time of day later that day: a proposal countered at 13:00
    UTC and accepted "on 13 July" is accepted as of 13 July, as the same
    proposal with no counter is; an agreement signed at 10:00 in Zurich and
    in force "on 12 May" is in force as of 12 May; of two extensions on 11
    August, one at 10:00 in New York and one dated by the day, both are in
    force as of 11 August.  The day before, none of them is known.
    """
    made = pendulum.datetime(2025, 7, 13, 12, tz="UTC")
    base = Proposal(
        id="p", proposed_by=["a"], addressed_to=["b"], made_on=made, summary="Talks"
    )
    countered = base.mark_countered(on=pendulum.datetime(2025, 7, 13, 13, tz="UTC"))
    plain, richer = (
        base.accept(on=day(2025, 7, 13)),
        countered.accept(on=day(2025, 7, 13)),
    )
    signed = Agreement(
        id="a",
        title="Accord",
        stage="ceasefire",
        history=[
            StatusChange(
                status="signed",
                on=pendulum.datetime(2025, 5, 12, 10, tz="Europe/Zurich"),
            ),
            StatusChange(status="in-force", on=day(2025, 5, 12)),
        ],
        expires=Deadline.on(day(2025, 8, 12), tz="America/New_York"),
    )
    extended = signed.extend(
        Deadline.on(day(2025, 9, 1), tz="America/New_York"),
        on=pendulum.datetime(2025, 8, 11, 10, tz="America/New_York"),
    ).extend(Deadline.on(day(2025, 11, 10), tz="America/New_York"), on=day(2025, 8, 11))
    parties = [
        Party(id="a", name="A", kind="state"),
        Party(id="b", name="B", kind="state"),
    ]
    for proposal in (plain, richer):
        assert proposal.status_at(day(2025, 7, 13)) is ProposalStatus.ACCEPTED
        talks = Negotiation(id="t", title="T", parties=parties, proposals=[proposal])
        snapshot = talks.as_of(day(2025, 7, 13))
        assert [p.status for p in snapshot.proposals] == [ProposalStatus.ACCEPTED]
        assert snapshot.proposals[0].history == proposal.history
        assert talks.as_of(day(2025, 7, 12)).proposals == ()
    talks = Negotiation(id="t", title="T", parties=parties, agreements=[extended])
    assert signed.status_at(day(2025, 5, 12)) is AgreementStatus.IN_FORCE
    assert [a.status for a in talks.as_of(day(2025, 5, 12)).agreements] == [
        AgreementStatus.IN_FORCE
    ]
    assert talks.as_of(day(2025, 5, 11)).agreements == ()
    on_11_august = talks.as_of(day(2025, 8, 11)).agreements[0]
    assert on_11_august.expires == extended.expires
    assert len(on_11_august.revisions) == 2
    assert talks.as_of(day(2025, 8, 10)).agreements[0].expires == signed.expires


def test_a_revision_before_the_signing_is_refused_though_a_later_step_is_vague() -> (
    None
):
    """
    Signed on 20 January, in force "in January", extended on 5 January: the
    entry into force came after the signing, so the agreement is first heard
    of on the 20th and the extension is before it (the month of the later
    step does not make the 5th possible; once, the snapshot left such an
    extension out instead).  Extended "in January", it may be as late as the
    signing: the record stands, and as of 25 January, the month not over,
    the snapshot keeps neither the step nor the extension dated by it.
    """

    def accord(on: object) -> Agreement:
        return Agreement(
            id="a",
            title="Accord",
            stage="ceasefire",
            expires=Deadline.on(day(2026, 6, 30)),
            revisions=[
                DeadlineRevision(
                    previous=Deadline.on(day(2025, 12, 31)),
                    revised_on=on,  # type: ignore[arg-type]
                )
            ],
            history=[
                StatusChange(status="signed", on=day(2025, 1, 20)),
                StatusChange(status="in-force", on=PartialDate(2025, 1)),
            ],
        )

    with pytest.raises(ValidationError) as caught:
        accord(day(2025, 1, 5))
    assert caught.value.errors == (
        (
            "revisions[0].revised_on",
            "2025-01-05 is before the agreement's first date (2025-01-20)",
        ),
    )
    agreement = accord(PartialDate(2025, 1))
    talks = Negotiation(id="t", title="T", agreements=[agreement])
    at = day(2025, 1, 25)
    [kept] = talks.as_of(at).agreements
    assert kept.status is AgreementStatus.SIGNED
    assert kept.revisions == ()
    assert kept.expires == agreement.revisions[0].previous
    assert talks.as_of(at).as_of(at) == talks.as_of(at)
    assert talks.as_of(day(2025, 2, 1)).agreements == (agreement,)


def test_a_stance_by_month_counts_once_the_month_is_over() -> None:
    """``stance_of(at=)`` reads positions as the snapshot does."""
    condition = Condition(
        id="cede",
        text="Cede",
        positions=[
            Position(party="ua", stance="opposes", on=day(2025, 6, 1)),
            Position(party="ua", stance="accepts", on=PartialDate(2025, 7)),
        ],
    )
    talks = Negotiation(
        id="t",
        title="T",
        parties=[Party(id="ua", name="UA", kind="state")],
        conditions=[condition],
    )
    for at, stance in (
        (day(2025, 7, 15), Stance.OPPOSES),
        (day(2025, 8, 1), Stance.ACCEPTS),
    ):
        assert condition.stance_of("ua", at=at) is stance
        assert talks.positions("ua", at).stance_on("cede") is stance
        assert talks.as_of(at).condition("cede").stance_of("ua") is stance


def test_a_revision_known_after_one_dated_by_month_puts_its_deadline_in_force() -> None:
    """Cut on 3 July to 11 July, after a revision dated "July": run out by the 15th."""
    start = day(2025, 7, 1)
    ultimatum = Ultimatum(
        id="u",
        issued_by="us",
        addressed_to=["ru"],
        issued_at=start,
        demand="Ceasefire",
        deadline=Deadline.after(start, days=50),
    )
    ultimatum = ultimatum.revise_deadline(
        Deadline.after(start, days=40), on=PartialDate(2025, 7)
    ).revise_deadline(Deadline.after(start, days=10), on=day(2025, 7, 3))
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="US", kind="state"),
            Party(id="ru", name="Russia", kind="state"),
        ],
        ultimatums=[ultimatum],
    )
    on_15 = day(2025, 7, 15)
    assert talks.upcoming_deadlines(on_15) == ()
    assert [str(d.due) for _, d in talks.expired_deadlines(on_15)] == ["2025-07-11"]
    assert len(talks.as_of(on_15).ultimatums[0].revisions) == 2
    assert queries.deadline_in_force(ultimatum, day(2025, 7, 2)).due == day(2025, 8, 20)


def test_as_of_after_the_partial_dates() -> None:
    after = _talks().as_of(day(2025, 8, 1))
    (ultimatum,) = after.ultimatums
    assert [r.stance.value for r in ultimatum.responses] == ["rejects"]
    assert ultimatum.responses[0].statement == "blackmail"
    assert ultimatum.deadline.due == day(2025, 8, 8)
    assert ultimatum.status is UltimatumStatus.PENDING
    assert [s.id for s in after.statements] == ["blackmail"]
    assert after.proposal("invite").status is ProposalStatus.ACCEPTED
    assert after.round(3).status is RoundStatus.SCHEDULED


def test_as_of_after_everything_is_the_record() -> None:
    talks = _talks()
    assert talks.as_of(day(2026, 1, 1)) is talks


def test_a_dropped_statement_link_is_cut() -> None:
    talks = _talks()
    # a response dated inside July, citing a statement dated only "July 2025"
    ultimatum = talks.ultimatums[0]
    early = attrs.evolve(
        ultimatum,
        responses=[attrs.evolve(ultimatum.responses[0], on=day(2025, 7, 16))],
    )
    snapshot = talks.with_ultimatum(early).as_of(day(2025, 7, 20))
    assert snapshot.ultimatums[0].responses[0].statement is None


def test_a_snapshot_keeps_once_two_responses_made_alike() -> None:
    """
    Russia's rejection of the 50-day ultimatum recorded twice: from a wire
    report of the 15th, and citing Zakharova's "blackmail", quoted on the 16th.
    As of the 15th the quote was not said, so the two are one response: the
    snapshot keeps it once (the first), and every query reads that snapshot.
    """
    rejects = Response(party="ru", on=day(2025, 7, 15), stance="rejects")
    quoted = attrs.evolve(rejects, statement="blackmail")
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="United States", kind="state"),
            Party(id="ru", name="Russia", kind="state"),
        ],
        ultimatums=[_ultimatum(responses=[rejects, quoted])],
        statements=[
            Statement(
                id="blackmail",
                speaker="Maria Zakharova",
                party="ru",
                said_on=day(2025, 7, 16),
                text="Washington's ultimatum is blackmail.",
            )
        ],
    )
    at = day(2025, 7, 15)
    assert talks.as_of(at).ultimatums[0].responses == (rejects,)
    assert [u.id for u in talks.pending_ultimatums(at)] == ["u"]
    kinds = [e.kind.value for e in talks.timeline(at)]
    assert kinds == ["ultimatum", "response", "deadline"]
    assert talks.as_of(day(2025, 7, 16)).ultimatums[0].responses == (rejects, quoted)


def test_a_snapshot_keeps_once_two_positions_made_alike() -> None:
    """
    Kyiv's rejection of Moscow's demand for four regions (the memorandum of
    2 June) recorded twice, first citing Zelenskyy's answer of 4 June: as of
    the 3rd the two are one position, kept once.
    """
    memorandum = day(2025, 6, 2)
    rejects = Position(party="ua", stance="rejects", on=memorandum)
    cede = Condition(
        id="cede",
        text="Ukraine withdraws from four regions Moscow claims",
        demanded_by="ru",
        addressed_to=["ua"],
        positions=[attrs.evolve(rejects, statement="ultimatum"), rejects],
    )
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="ua", name="Ukraine", kind="state"),
            Party(id="ru", name="Russia", kind="state"),
        ],
        conditions=[cede],
        statements=[
            Statement(
                id="ultimatum",
                speaker="Volodymyr Zelenskyy",
                party="ua",
                said_on=day(2025, 6, 4),
                text="The memorandum is an ultimatum.",
            )
        ],
    )
    at = day(2025, 6, 3)
    assert talks.as_of(at).condition("cede").positions == (rejects,)
    assert talks.positions("ua", at).stance_on("cede") is Stance.REJECTS
    assert [e.kind.value for e in talks.timeline(at)] == ["position"]
    assert talks.as_of(day(2025, 6, 4)).condition("cede") == cede


def _two_parties() -> list[Party]:
    return [
        Party(id="a", name="A", kind="state"),
        Party(id="b", name="B", kind="state"),
    ]


@pytest.mark.parametrize(
    ("original_on", "counter_on", "at"),
    [
        # 00:30 in Kyiv on 15 July is 21:30 UTC on the 14th: the counter is
        # known at 22:00 UTC, the day it counters only from the 15th
        (
            day(2025, 7, 15),
            pendulum.datetime(2025, 7, 15, 0, 30, tz="Europe/Kyiv"),
            pendulum.datetime(2025, 7, 14, 22, tz="UTC"),
        ),
        # "July 2025" is known only from 1 August
        (PartialDate(2025, 7), day(2025, 7, 20), day(2025, 7, 25)),
    ],
)
def test_as_of_drops_a_counter_to_left_out(
    original_on: Moment, counter_on: Moment, at: Moment
) -> None:
    talks = Negotiation(
        id="t",
        title="T",
        parties=_two_parties(),
        proposals=[
            Proposal(id="p1", proposed_by="a", made_on=original_on, summary="X"),
            Proposal(
                id="p2",
                proposed_by="b",
                made_on=counter_on,
                summary="Y",
                counter_to="p1",
            ),
        ],
    )
    snapshot = talks.as_of(at)
    assert [(p.id, p.counter_to) for p in snapshot.proposals] == [("p2", None)]
    assert [e.record_id for e in talks.timeline(at)] == ["p2"]
    assert talks.positions("a", at).stances == ()
    assert talks.upcoming_deadlines(at) == ()
    later = talks.as_of(pendulum.date(2025, 8, 1))
    assert [(p.id, p.counter_to) for p in later.proposals] == [
        ("p1", None),
        ("p2", "p1"),
    ]


_ZONES = ["UTC", "Europe/Kyiv", "Asia/Tokyo", "America/New_York", "Pacific/Kiritimati"]


@st.composite
def _not_before(draw: st.DrawFn, moment: Moment) -> Moment:
    """
    A moment that cannot be said to come before *moment* but may be known
    before it: inside its day or span (in another zone), or the next day.
    """
    if isinstance(moment, PartialDate):
        first = draw(st.dates(min_value=moment.start, max_value=moment.end))
    elif isinstance(moment, pendulum.DateTime):
        first = moment.date()
    else:
        first = moment
    first = day(first.year, first.month, first.day)
    choice = draw(st.sampled_from(["same", "date", "datetime", "next"]))
    try:
        if choice == "same":
            found: Moment = moment
        elif choice == "date":
            found = first
        elif choice == "next":
            found = first.add(days=1)
        else:
            found = pendulum.datetime(
                first.year,
                first.month,
                first.day,
                draw(st.integers(0, 23)),
                draw(st.integers(0, 59)),
                tz=draw(st.sampled_from(_ZONES)),
            )
            found.in_timezone("UTC")  # fails outside the calendar
    except (OverflowError, ValueError):
        reject()
    assume(not is_before(found, moment))
    return found


@st.composite
def _with_a_counter(draw: st.DrawFn) -> tuple[Negotiation, Moment]:
    """
    A generated record with a proposal and a counter-proposal dated next to
    it, and a moment to ask about, often the counter's (known before what it
    counters, in another zone or inside its month).
    """
    record = draw(nst.negotiations().filter(lambda talks: bool(talks.parties)))
    ids = {p.id for p in record.proposals}
    assume("original" not in ids and "counter" not in ids)
    party = draw(st.sampled_from(record.parties)).id
    made_on = draw(st.one_of(nst.dates(), nst.partial_dates(), nst.datetimes()))
    original = Proposal(id="original", proposed_by=party, made_on=made_on, summary="X")
    counter = Proposal(
        id="counter",
        proposed_by=party,
        made_on=draw(_not_before(original.made_on)),
        summary="Y",
        counter_to="original",
    )
    record = record.with_proposal(original).with_proposal(counter)
    if draw(st.booleans()):
        return record, counter.made_on
    return record, draw(st.one_of(st.just(original.made_on), _moment_of(record)))


@st.composite
def _moment_of(draw: st.DrawFn, record: Negotiation) -> Moment:
    """A moment to ask about: one of the record's own, or any."""
    own: list[Moment] = [e.moment for e in record.timeline()]
    own += [p.made_on for p in record.proposals]
    use_own: bool = draw(st.booleans())
    if own and use_own:
        return draw(st.sampled_from(own))
    return draw(nst.moments())


@st.composite
def _any_record(draw: st.DrawFn) -> tuple[Negotiation, Moment]:
    record = draw(nst.negotiations())
    return record, draw(_moment_of(record))


@st.composite
def _twinned(
    draw: st.DrawFn, items: tuple[T, ...], twin: st.SearchStrategy[dict[str, Any]]
) -> tuple[T, ...]:
    """
    *items* with some twins: copies of an item with *twin*'s fields (a
    statement link, whether an alternative applied), each item and its twins
    in any order.
    """
    found: list[T] = []
    for item in items:
        changes = draw(st.lists(twin, max_size=2))
        copies = [item, *(attrs.evolve(item, **c) for c in changes)]  # type: ignore[misc]
        found += draw(st.permutations(copies))
    return tuple(dict.fromkeys(found))


@st.composite
def _with_twins(draw: st.DrawFn) -> tuple[Negotiation, Moment]:
    """
    A generated record whose positions, responses and alternatives have
    twins that differ only in what a snapshot empties (a statement link, a
    decision), so that a snapshot may make two alike; and a moment to ask
    about, often the day of an item or of a statement.
    """
    record = draw(nst.negotiations().filter(lambda talks: bool(talks.parties)))
    if "quote" not in {s.id for s in record.statements}:
        quote = Statement(
            id="quote", speaker="Spokesperson", said_on=draw(nst.moments()), text="No."
        )
        record = record.with_statement(quote)
    positions = st.builds(
        Position,
        party=st.sampled_from([p.id for p in record.parties]),
        stance=st.sampled_from(Stance),
        on=st.one_of(st.none(), nst.moments()),
    )
    condition = Condition(
        id="twinned",
        text="A ceasefire",
        positions=draw(st.lists(positions, min_size=1, max_size=3, unique=True)),
    )
    with contextlib.suppress(ValidationError):  # the id is taken
        record = record.with_condition(condition)
    link = st.fixed_dictionaries(
        {"statement": st.sampled_from([None, *(s.id for s in record.statements)])}
    )
    decision = st.one_of(  # a decision's day only with what was decided
        st.just({"applied": None, "decided_on": None}),
        st.fixed_dictionaries(
            {
                "applied": st.just(False),  # noqa: FBT003 - the value drawn
                "decided_on": st.one_of(st.none(), _moment_of(record)),
            }
        ),
    )
    try:
        record = attrs.evolve(
            record,
            conditions=[
                attrs.evolve(c, positions=draw(_twinned(c.positions, link)))
                for c in record.conditions
            ],
            proposals=[
                attrs.evolve(p, responses=draw(_twinned(p.responses, link)))
                for p in record.proposals
            ],
            ultimatums=[
                attrs.evolve(u, responses=draw(_twinned(u.responses, link)))
                for u in record.ultimatums
            ],
            milestones=[
                attrs.evolve(m, alternatives=draw(_twinned(m.alternatives, decision)))
                for m in record.milestones
            ],
        )
    except ValidationError:
        reject()
    items: list[Position | Response] = [
        *(p for c in record.conditions for p in c.positions),
        *(r for p in record.proposals for r in p.responses),
        *(r for u in record.ultimatums for r in u.responses),
    ]
    own: list[Moment] = [s.said_on for s in record.statements]
    own += [i.on for i in items if i.on is not None]
    own += [
        a.decided_on
        for m in record.milestones
        for a in m.alternatives
        if a.decided_on is not None
    ]
    return record, draw(st.one_of(st.sampled_from(own), _moment_of(record)))


@settings(max_examples=100, deadline=None)
@given(st.one_of(_with_a_counter(), _any_record(), _with_twins()))
def test_a_snapshot_of_a_valid_record_is_valid(
    case: tuple[Negotiation, Moment],
) -> None:
    """as_of(at) of a valid record is a valid record, for any at."""
    record, at = case
    snapshot = record.as_of(at)  # built and checked: every link resolves
    assert attrs.evolve(snapshot) == snapshot  # checked again, from scratch
    assert snapshot.as_of(at) == snapshot


def _as_kept(item: Any, at: Moment, said: AbstractSet[str], stages: int) -> Any:
    """
    A response, a position or an alternative as a snapshot at *at* keeps it
    (``None``: left out), written out anew: *said* the statements it keeps,
    *stages* the milestone's revisions it keeps.
    """
    if isinstance(item, Alternative):
        if item.stage > stages:
            return None
        if item.decided_on is not None and not is_known_by(item.decided_on, at):
            return attrs.evolve(item, applied=None, decided_on=None)
        return item
    if item.on is not None and not is_known_by(item.on, at):
        return None
    if item.statement is not None and item.statement not in said:
        return attrs.evolve(item, statement=None)
    return item


def _kept_lists(
    record: Negotiation, snapshot: Negotiation
) -> Iterator[tuple[tuple[Any, ...], tuple[Any, ...], int]]:
    """
    Each list of responses, positions and alternatives of *record* with the
    same list in *snapshot*, and the number of deadline revisions kept.
    """
    for condition in record.conditions:
        yield condition.positions, snapshot.condition(condition.id).positions, 0
    kept = {p.id: p for p in snapshot.proposals}
    for proposal in record.proposals:
        if proposal.id in kept:
            yield proposal.responses, kept[proposal.id].responses, 0
    issued = {u.id: u for u in snapshot.ultimatums}
    for ultimatum in record.ultimatums:
        if ultimatum.id in issued:
            yield ultimatum.responses, issued[ultimatum.id].responses, 0
    set_ = {m.id: m for m in snapshot.milestones}
    for milestone in record.milestones:
        if milestone.id in set_:
            cut = set_[milestone.id]
            yield milestone.alternatives, cut.alternatives, len(cut.revisions)


@settings(max_examples=100, deadline=None)
@given(_with_twins())
def test_a_snapshot_item_is_placed_where_it_came_from(
    case: tuple[Negotiation, Moment],
) -> None:
    """
    A snapshot keeps the first of the items it makes alike, and
    ``positions_in`` (the places the exports' ids give) finds each kept
    response, position and alternative where it came from in the whole record.
    """
    record, at = case
    snapshot = record.as_of(at)
    moment = queries.as_of(at)
    said = frozenset(s.id for s in snapshot.statements)
    for whole, kept, stages in _kept_lists(record, snapshot):
        first: dict[Any, int] = {}
        for index, item in enumerate(whole):
            form = _as_kept(item, moment, said, stages)
            if form is not None:
                first.setdefault(form, index)
        assert tuple(first) == kept
        assert positions_in(whole, kept) == list(first.values())


def test_queries_read_the_snapshot() -> None:
    talks = _talks()
    at = day(2025, 7, 20)
    assert [e.moment for e in talks.timeline(at)] == [
        e.moment for e in talks.as_of(at).timeline()
    ]
    assert all(
        e.kind.value not in ("response", "deadline-revision")
        for e in talks.timeline(at)
    )
    assert talks.positions("ru", at).stance_on is not None
    assert [(u.id, str(d.due)) for u, d in talks.upcoming_deadlines(at)] == [
        ("u", "2025-09-02")
    ]
    assert talks.expired_deadlines(at) == ()
    late = day(2025, 8, 10)
    assert [(u.id, str(d.due)) for u, d in talks.expired_deadlines(late)] == [
        ("u", "2025-08-08")
    ]


def test_timeline_tz_applies_to_summaries() -> None:
    issued = pendulum.datetime(2025, 7, 14, 12, tz="America/New_York")
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="US", kind="state"),
            Party(id="ru", name="Russia", kind="state"),
        ],
        ultimatums=[
            _ultimatum(issued_at=issued, deadline=Deadline.after(issued, hours=48))
        ],
    )
    (issue, _) = talks.timeline(tz="Europe/Kyiv")
    assert "due 2025-07-16T19:00:00+03:00[Europe/Kyiv]" in issue.summary


def test_summary_wording() -> None:
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="US", kind="state"),
            Party(id="ru", name="Russia", kind="state"),
        ],
        ultimatums=[
            _ultimatum()
            .respond("ru", on=day(2025, 7, 15), stance="undecided")
            .comply(on=day(2025, 8, 1))
        ],
    )
    summaries = [e.summary for e in talks.timeline()]
    assert "Russia has not decided on the ultimatum 'u'" in summaries
    assert "Ultimatum 'u' complied with" in summaries
    assert any(s.endswith("the ultimatum was complied with") for s in summaries)


# --- format version 2 ---------------------------------------------------------------


#: The keys that version 2 added, with the values a version-1 document implies.
_NEW_DEFAULTS: dict[str, Any] = {
    "counts_back": False,
    "day": None,
    "verbatim": True,
    "precision": "exact",
    "given_by": [],
    "received_by": [],
}


def _version_1_shape(data: Any) -> Any:
    """
    Version-2 data with the changes to version-1 records undone (a one-item
    ``proposed_by`` list, undated memberships, ``quantities`` of none or one,
    the new keys at their defaults), to compare with the version-1 document.
    """
    if isinstance(data, list):
        return [_version_1_shape(item) for item in data]
    if not isinstance(data, dict):
        return data
    shaped = {
        key: _version_1_shape(value)
        for key, value in data.items()
        if not (key in _NEW_DEFAULTS and value == _NEW_DEFAULTS[key])
    }
    if isinstance(shaped.get("proposed_by"), list) and len(shaped["proposed_by"]) == 1:
        shaped["proposed_by"] = shaped["proposed_by"][0]
    if "quantities" in shaped and len(shaped["quantities"]) <= 1:
        quantities = shaped.pop("quantities")
        shaped["quantity"] = quantities[0] if quantities else None
    if "members" in shaped and "kind" in shaped:  # a party's memberships
        shaped["members"] = [
            m["party"]
            if m == {"party": m["party"], "since": None, "until": None, "sources": []}
            else m
            for m in shaped["members"]
        ]
    return shaped


def test_version_1_document_loads_migrates_and_writes_version_2() -> None:
    text = V1.read_text(encoding="utf-8")
    old = json.loads(text)
    assert old["schema_version"] == 1
    talks = from_json(Negotiation, text)
    new = _version_1_shape(to_dict(talks))
    assert new["schema_version"] == SCHEMA_VERSION == 2
    assert "status" not in new
    assert new["history"] == [
        {"status": old["status"], "on": None, "by": [], "reason": None, "sources": []}
    ]
    for key in ("rounds", "proposals", "ultimatums"):
        for before, after in zip(old[key], new[key], strict=True):
            status = before.get("status")
            changes = after["history"]
            if (
                status in (None, "pending", "proposed")
                and before.get("status_on") is None
            ):
                assert changes == []
            else:
                assert changes[-1]["status"] == status
                assert changes[-1]["on"] == before.get("status_on")
            rest_before = {
                k: v for k, v in before.items() if k not in ("status", "status_on")
            }
            rest_after = {k: v for k, v in after.items() if k != "history"}
            assert rest_before == rest_after  # nothing else changed
    rest_old = {
        k: v
        for k, v in old.items()
        if k not in ("schema_version", "status", *("rounds", "proposals", "ultimatums"))
    }
    rest_new = {
        k: v
        for k, v in new.items()
        if k
        not in (
            "schema_version",
            "history",
            *("rounds", "proposals", "ultimatums"),
            *("agreements", "milestones", "votes", "actions"),  # new, empty
        )
    }
    assert rest_old == rest_new
    assert from_json(Negotiation, to_json(talks)) == talks
    written = to_dict(talks)
    assert written["proposals"][0]["proposed_by"] == ["ukraine"]
    quantities = written["rounds"][0]["outcomes"][0]["quantities"]
    assert [q["amount"] for q in quantities] == [1000]
    assert talks.rounds[0].outcomes[0].quantity == Quantity(
        amount=1000, unit="prisoners", each=True
    )


def test_the_migration_leaves_the_input_alone() -> None:
    old = json.loads(V1.read_text(encoding="utf-8"))
    copy = json.loads(V1.read_text(encoding="utf-8"))
    from_dict(Negotiation, old)
    assert old == copy


def test_version_1_with_dated_statuses() -> None:
    old = json.loads(V1.read_text(encoding="utf-8"))
    old["ultimatums"][0]["status"] = "expired"
    old["ultimatums"][0]["status_on"] = "2025-09-03"
    old["proposals"][0]["status"] = "pending"
    old["proposals"][0]["status_on"] = "2025-07-20"
    talks = from_dict(Negotiation, old)
    assert talks.ultimatums[0].status is UltimatumStatus.EXPIRED
    assert str(talks.ultimatums[0].status_on) == "2025-09-03"
    assert talks.proposals[0].status is ProposalStatus.PENDING
    assert str(talks.proposals[0].status_on) == "2025-07-20"


def test_a_lapse_with_answers_is_reported_at_its_step() -> None:
    """
    A proposal that lapsed without response but was answered by a party it
    was addressed to: reported at the step that says it lapsed
    (``history[1].status``), a key the version-2 document has, naming the
    answer; it was reported at ``status``, which it does not have.
    """
    document = {
        "schema_version": 2,
        "id": "t",
        "title": "T",
        "parties": [
            {"id": "a", "name": "A", "kind": "state"},
            {"id": "b", "name": "B", "kind": "state"},
            {"id": "c", "name": "C", "kind": "state"},
        ],
        "proposals": [
            {
                "id": "p",
                "proposed_by": ["a"],
                "addressed_to": ["b"],
                "made_on": "2025-07-01",
                "summary": "S",
                "responses": [
                    {"party": "c", "on": "2025-07-02", "stance": "supports"},
                    {"party": "b", "on": "2025-07-03", "stance": "rejects"},
                ],
                "history": [
                    {"status": "pending", "on": "2025-07-01"},
                    {"status": "lapsed-without-response", "on": "2025-07-10"},
                ],
            }
        ],
    }
    with pytest.raises(ValidationError) as caught:
        from_dict(Negotiation, document)
    assert caught.value.errors == (
        (
            "proposals[0].history[1].status",
            "a proposal that lapsed without response cannot have responses from "
            "the parties it was addressed to: responses[1] is from 'b'",
        ),
    )


def test_version_1_status_on_without_a_status_dates_the_initial_one() -> None:
    """A proposal's ``status_on`` alone dates its initial status (pending)."""
    old = json.loads(V1.read_text(encoding="utf-8"))
    del old["proposals"][1]["status"]
    old["proposals"][1]["status_on"] = "2025-07-23"
    proposal = from_dict(Negotiation, old).proposals[1]
    assert proposal.history == (
        StatusChange(status="pending", on=pendulum.date(2025, 7, 23)),
    )
    old["proposals"][1]["status_on"] = "2025-13-01"
    assert [path for path, _ in _problems(lambda: from_dict(Negotiation, old))] == [
        "proposals[1].status_on"
    ]


@pytest.mark.parametrize(
    ("where", "path", "latest"),
    [
        (("proposals", 0), "proposals[0].history", '"status" (and "status_on")'),
        (("ultimatums", 0), "ultimatums[0].history", '"status" (and "status_on")'),
        (("rounds", 1), "rounds[1].history", '"status"'),
        ((), "history", '"status"'),
    ],
)
def test_version_1_history_beside_a_status_is_refused(
    where: tuple[Any, ...], path: str, latest: str
) -> None:
    """
    Version 1 had no history: beside a status it is refused, not dropped
    (and the advice names ``status_on`` only where version 1 had it).
    """
    old = json.loads(V1.read_text(encoding="utf-8"))
    record = old
    for step in where:
        record = record[step]
    record.setdefault("status", "pending" if where else "active")
    record["history"] = [{"status": record["status"], "on": "2025-07-05"}]
    with pytest.raises(ValidationError) as caught:
        from_dict(Negotiation, old)
    assert caught.value.errors == (
        (
            path,
            f"version-1 documents have no history; give the latest {latest} alone, "
            'or write the document as version 2 ("schema_version": 2) with the '
            "history alone",
        ),
    )
    with pytest.raises(ValidationError, match=r"history: version-1 documents"):
        from_json(Negotiation, json.dumps(old))


def test_version_1_history_beside_a_status_small() -> None:
    """The reported case: a pending proposal with an accepted history."""
    document = {
        "schema_version": 1,
        "id": "t",
        "title": "T",
        "parties": [{"id": "a", "name": "A", "kind": "state"}],
        "proposals": [
            {
                "id": "p",
                "proposed_by": "a",
                "made_on": "2025-07-01",
                "summary": "S",
                "status": "pending",
                "history": [{"status": "accepted", "on": "2025-07-05"}],
            }
        ],
    }
    with pytest.raises(ValidationError) as caught:
        from_dict(Negotiation, document)
    assert [path for path, _ in caught.value.errors] == ["proposals[0].history"]
    version_2: dict[str, Any] = json.loads(json.dumps(document))
    version_2["schema_version"] = 2
    proposal = version_2["proposals"][0]
    del proposal["status"]
    proposal["proposed_by"] = ["a"]
    loaded = from_dict(Negotiation, version_2).proposals[0]
    assert loaded.status is ProposalStatus.ACCEPTED


def _v1_problems(change: Any) -> list[tuple[str, str]]:
    document = json.loads(V1.read_text(encoding="utf-8"))
    change(document)
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, json.dumps(document))
    return list(caught.value.errors)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (
            lambda d: d["rounds"][0]["outcomes"][0]["quantity"].update(amount="1000"),
            "rounds[0].outcomes[0].quantity.amount",
        ),
        (lambda d: d["proposals"][0].update(status="acepted"), "proposals[0].status"),
        (
            lambda d: d["proposals"][0].update(
                status="lapsed-without-response",
                responses=[
                    {"party": "russia", "on": "2025-07-20", "stance": "rejects"}
                ],
            ),
            "proposals[0].status",
        ),
        (
            lambda d: d["proposals"][0].update(status_on="2025-13-01"),
            "proposals[0].status_on",
        ),
        (
            lambda d: d["proposals"][0].update(proposed_by="Ukraine"),
            "proposals[0].proposed_by",
        ),
        (
            lambda d: d["proposals"][0].update(proposed_by="nobody"),
            "proposals[0].proposed_by",
        ),
        (
            lambda d: d["proposals"][0].update(proposed_by=5),
            "proposals[0].proposed_by",
        ),
        (lambda d: d.update(status="stalld"), "status"),
    ],
)
def test_version_1_problems_are_reported_at_its_own_paths(
    change: Any, path: str
) -> None:
    """A problem of a version-1 document is named where that document holds it,
    not where the migrated document would (``history[0].status``)."""
    assert [p for p, _ in _v1_problems(change)] == [path]


@pytest.mark.parametrize("member", ["Nope", 5])
def test_version_1_member_ids_are_reported_as_given(member: object) -> None:
    """
    A coalition's member id, a plain string in version 1, keeps its path; so
    does a member that is neither an id nor an object.
    """

    def coalition(document: dict[str, Any]) -> None:
        document["parties"].append(
            {"id": "bloc", "name": "Bloc", "kind": "coalition", "members": [member]}
        )

    assert [p for p, _ in _v1_problems(coalition)] == ["parties[4].members[0]"]


@pytest.mark.parametrize(
    ("where", "path"),
    [((), "$"), (("rounds", 0), "rounds[0]"), (("rounds", 2), "rounds[2]")],
)
def test_version_1_status_on_where_version_1_had_none_is_an_unknown_key(
    where: tuple[Any, ...], path: str
) -> None:
    """
    Version 1 dated the status of proposals and ultimatums only: a
    ``status_on`` on a round or on the negotiation is not a key of version 1,
    and is refused as an unknown key, not made into a dated history step.
    """
    document = json.loads(V1.read_text(encoding="utf-8"))
    _at_place(document, where)["status_on"] = "2025-06-01"
    expected = [(path, "unknown key 'status_on'")]
    assert _problems(lambda: from_dict(Negotiation, document)) == expected
    assert _problems(lambda: from_json(Negotiation, json.dumps(document))) == expected


def _at_place(document: dict[str, Any], where: tuple[Any, ...]) -> dict[str, Any]:
    """The record of *document* at *where* (``("rounds", 0)``; ``()``: itself)."""
    record = document
    for step in where:
        record = record[step]
    return record


def test_version_1_status_on_where_version_1_had_none_not_strict() -> None:
    """
    ``strict=False`` ignores unknown keys, and a ``status_on`` on a round or
    the negotiation is one in version 1 as in version 2: it is ignored, the
    status is kept undated (as in the reported case, shortened).
    """
    document = {
        "schema_version": 1,
        "id": "t",
        "title": "T",
        "status": "stalled",
        "status_on": "2025-06-01",
        "rounds": [
            {
                "number": 1,
                "status": "held",
                "starts": "2025-05-16",
                "status_on": "2025-05-16",
            }
        ],
    }
    talks = from_dict(Negotiation, document, strict=False)
    assert talks.history == (StatusChange(status="stalled"),)
    assert talks.rounds[0].history == (StatusChange(status="held"),)
    version_2 = {
        "schema_version": 2,
        "id": "t",
        "title": "T",
        "history": [{"status": "stalled"}],
        "status_on": "2025-06-01",
        "rounds": [
            {
                "number": 1,
                "history": [{"status": "held"}],
                "starts": "2025-05-16",
                "status_on": "2025-05-16",
            }
        ],
    }
    assert from_dict(Negotiation, version_2, strict=False) == talks


def test_version_1_status_on_of_proposals_and_ultimatums_is_still_moved() -> None:
    """Where version 1 had ``status_on``, it still dates the one history step."""
    document = json.loads(V1.read_text(encoding="utf-8"))
    document["proposals"][0].update(status="accepted", status_on="2025-07-25")
    document["ultimatums"][0].update(status="expired", status_on="2025-09-03")
    for strict in (True, False):
        talks = from_dict(Negotiation, document, strict=strict)
        assert str(talks.proposals[0].status_on) == "2025-07-25"
        assert str(talks.ultimatums[0].status_on) == "2025-09-03"


def test_version_1_round_history_beside_a_status_names_no_status_on() -> None:
    """
    The refusal of a round's history asks for its ``status`` alone: version 1
    never dated a round's status, so ``status_on`` there is an unknown key.
    """
    problems = _v1_problems(
        lambda d: d["rounds"][0].update(
            history=[{"status": "held"}], status_on="2025-05-16"
        )
    )
    assert problems == [
        (
            "rounds[0].history",
            'version-1 documents have no history; give the latest "status" alone, '
            'or write the document as version 2 ("schema_version": 2) with the '
            "history alone",
        ),
        ("rounds[0]", "unknown key 'status_on'"),
    ]


def test_version_2_paths_are_unchanged() -> None:
    """A version-2 document's problems keep the paths of version 2."""
    document = json.loads(to_json(_talks()))
    document["proposals"][0]["history"] = [{"status": "acepted", "on": "2025-07-20"}]
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, json.dumps(document))
    assert [p for p, _ in caught.value.errors] == ["proposals[0].history[0].status"]


# --- version-1 documents holding what version 2 added --------------------------------

V1_SCHEMA = DATA / "negotiation-record.v1.schema.json"  # the version-1 library's schema


def test_each_field_says_the_version_that_added_it() -> None:
    """
    ``added_in`` agrees with the schema the version-1 library wrote: a field of
    a record class that version 1 had is of version 1 exactly when that
    schema lists it (``quantity`` became ``quantities``, ``status`` became
    ``history``: both new names are of version 2).  So does ``key_until``:
    the init-only arguments that were keys of version 1 are the rest of
    the keys that schema lists (a round's ``status_on`` is not one).
    """
    schema = json.loads(V1_SCHEMA.read_text(encoding="utf-8"))
    version_1 = {
        name: set(definition["properties"])
        for name, definition in schema["$defs"].items()
        if "properties" in definition
    }
    version_1["Negotiation"] = set(schema["properties"]) - {"schema_version"}
    checked = set()
    for cls in record_classes():
        if cls.__name__ not in version_1:
            continue  # a class version 2 added: only reached through new fields
        checked.add(cls.__name__)
        for attribute in attrs.fields(cls):
            if kind_of(attribute) is None or is_init_only(attribute):
                continue
            assert (added_in(attribute) == 1) is (
                attribute.name in version_1[cls.__name__]
            ), f"{cls.__name__}.{attribute.name}"
        assert _keys_of_version_1(cls) == version_1[cls.__name__], cls.__name__
    assert checked == set(version_1)


def _keys_of_version_1(cls: type[Any]) -> set[str]:
    """
    The keys a version-1 document has for *cls*, as the class declares them:
    its fields of version 1, and the init-only arguments that were keys of
    version 1 (``status``; ``status_on`` of a proposal or an ultimatum only).
    """
    keys = set()
    for attribute in attrs.fields(cls):
        if is_init_only(attribute):
            if key_until(attribute) >= 1:
                keys.add(attribute.alias)
        elif kind_of(attribute) is not None and added_in(attribute) == 1:
            keys.add(attribute.name)
    return keys


_NEWER_MESSAGE = (
    'is new in format version 2, but the document says "schema_version": 1: '
    "leave it out, or write the document as version 2"
)


def _without_status(record: dict[str, Any]) -> dict[str, Any]:
    record.pop("status", None)
    record.pop("status_on", None)
    return record


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(votes=[]), "votes"),
        (lambda d: d.update(agreements=[], milestones=[]), "agreements"),
        (lambda d: d.update(actions=[{"id": "a"}]), "actions"),
        (lambda d: _without_status(d).update(history=[]), "history"),
        (
            lambda d: _without_status(d["proposals"][0]).update(history=[]),
            "proposals[0].history",
        ),
        (
            lambda d: _without_status(d["rounds"][1]).update(
                history=[{"status": "held", "on": "2025-06-02"}]
            ),
            "rounds[1].history",
        ),
        (
            lambda d: d["statements"][0].update(verbatim=False),
            "statements[0].verbatim",
        ),
        (
            lambda d: d["ultimatums"][0]["deadline"].update(counts_back=False),
            "ultimatums[0].deadline.counts_back",
        ),
        (
            lambda d: d["ultimatums"][0]["deadline"].update(workdays=[]),
            "ultimatums[0].deadline.workdays",
        ),
        (
            lambda d: d["rounds"][0]["outcomes"][0]["quantity"].update(
                precision="about"
            ),
            "rounds[0].outcomes[0].quantity.precision",
        ),
        (
            lambda d: d["rounds"][0]["outcomes"][0].update(
                quantities=[d["rounds"][0]["outcomes"][0].pop("quantity")]
            ),
            "rounds[0].outcomes[0].quantities",
        ),
    ],
)
def test_version_1_with_a_field_of_version_2_is_refused(change: Any, path: str) -> None:
    """
    A field version 2 added, in a document that says it is version 1, was
    written for version 2 and labelled wrongly: it is refused where the
    document holds it, not read as version 2 without a word (an action's own
    problems are reported with it).
    """
    old = json.loads(V1.read_text(encoding="utf-8"))
    change(old)
    expected = [(path, _NEWER_MESSAGE)]
    if "agreements" in old:
        expected.append(("milestones", _NEWER_MESSAGE))
    for problems in (
        _problems(lambda: from_dict(Negotiation, old)),
        _problems(lambda: from_json(Negotiation, json.dumps(old))),
    ):
        assert sorted(p for p in problems if p[1] == _NEWER_MESSAGE) == sorted(expected)
        assert all(
            p[0].startswith("actions[0].") for p in problems if p not in expected
        )
    old["schema_version"] = (
        2  # the same fields in a version-2 document: no such problem
    )
    assert all(
        message != _NEWER_MESSAGE
        for _, message in _problems(lambda: from_dict(Negotiation, old))
    )


def _problems(load: Any) -> list[tuple[str, str]]:
    """The problems *load* raises (none if it loads)."""
    try:
        load()
    except ValidationError as exc:
        return list(exc.errors)
    return []


def test_fields_of_version_2_are_reported_with_the_other_problems() -> None:
    """Every problem at once: the new field and a bad value elsewhere."""
    old = json.loads(V1.read_text(encoding="utf-8"))
    old["statements"][0]["verbatim"] = False
    old["title"] = 5
    old["proposals"][0]["status"] = "acepted"
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, json.dumps(old))
    assert sorted(path for path, _ in caught.value.errors) == [
        "proposals[0].status",
        "statements[0].verbatim",
        "title",
    ]


def test_the_migrations_own_fields_are_not_the_documents() -> None:
    """A history made from a status, quantities made from a quantity: loaded."""
    old = json.loads(V1.read_text(encoding="utf-8"))
    assert "history" not in old["proposals"][0]
    assert "quantity" in old["rounds"][0]["outcomes"][0]
    talks = from_dict(Negotiation, old)
    assert talks.rounds[0].outcomes[0].quantities
    assert talks.history


_V1_QUANTITY = {"amount": 1000, "unit": "prisoners"}


@pytest.mark.parametrize(
    ("quantity", "quantities", "found"),
    [
        (_V1_QUANTITY, [], []),
        (None, [{**_V1_QUANTITY, "precision": "about"}], []),
        (_V1_QUANTITY, "bad", []),
        (
            {**_V1_QUANTITY, "amount": "1000"},
            [_V1_QUANTITY],
            [
                (
                    "rounds[0].outcomes[0].quantity.amount",
                    "must be a number, got string '1000'",
                )
            ],
        ),
        (
            {**_V1_QUANTITY, "precision": "about"},
            [_V1_QUANTITY],
            [("rounds[0].outcomes[0].quantity.precision", _NEWER_MESSAGE)],
        ),
    ],
)
def test_version_1_quantities_beside_a_quantity_is_new(
    quantity: Any, quantities: Any, found: list[tuple[str, str]]
) -> None:
    """
    An outcome's ``quantities`` beside its version-1 ``quantity`` is reported
    as new in version 2, and nothing else is said of the outcome but what a
    version-1 reader finds in its ``quantity`` (not an unknown key
    ``quantity``): the quantity is read, the quantities dropped, as a
    ``status`` is read beside a ``history``.
    """
    outcome = {
        "text": "Prisoner exchange",
        "kind": "prisoner-exchange",
        "quantity": quantity,
        "quantities": quantities,
    }
    document = {
        "schema_version": 1,
        "id": "t",
        "title": "T",
        "rounds": [
            {
                "number": 1,
                "status": "held",
                "starts": "2025-05-16",
                "outcomes": [outcome],
            }
        ],
    }
    expected = [*found, ("rounds[0].outcomes[0].quantities", _NEWER_MESSAGE)]
    assert _problems(lambda: from_dict(Negotiation, document)) == expected
    assert _problems(lambda: from_json(Negotiation, json.dumps(document))) == expected
    (upgraded,) = upgrade(document)["rounds"][0]["outcomes"]
    assert "quantity" not in upgraded
    assert upgraded["quantities"] == ([] if quantity is None else [quantity])


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            lambda d: d["proposals"][0].update(proposed_by=["ukraine", "russia"]),
            "proposals[0].proposed_by",
            "version 1 names one proposer (a party id); a list of proposers is new "
            "in format version 2: write the document as version 2",
        ),
        (
            lambda d: d["parties"].append(
                {
                    "id": "bloc",
                    "name": "Bloc",
                    "kind": "coalition",
                    "members": ["ukraine", {"party": "russia", "since": "2025-06"}],
                }
            ),
            "parties[4].members[1]",
            "version 1 lists a coalition's members by party id; a member as an "
            "object (with dates) is new in format version 2: write the document "
            "as version 2",
        ),
    ],
)
def test_version_1_with_a_shape_of_version_2_is_refused(
    change: Any, path: str, message: str
) -> None:
    """A list of proposers or a member object in a version-1 document is refused."""
    old = json.loads(V1.read_text(encoding="utf-8"))
    change(old)
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, json.dumps(old))
    assert caught.value.errors == ((path, message),)


def _coalition_of(member: object) -> Callable[[dict[str, Any]], None]:
    """A change adding a coalition whose second member is *member*."""

    def change(document: dict[str, Any]) -> None:
        members = ["ukraine", member, "russia"]
        party = {"id": "bloc", "name": "Bloc", "kind": "coalition", "members": members}
        document["parties"].append(party)

    return change


@pytest.mark.parametrize(
    ("change", "problem", "shown"),
    [
        (
            lambda d: d["proposals"][0].update(proposed_by=5),
            ("proposals[0].proposed_by", "must be a string, got number 5"),
            '"proposed_by": 5,',
        ),
        (
            lambda d: d["proposals"][0].update(proposed_by=None),
            ("proposals[0].proposed_by", "must be a string, got null"),
            '"proposed_by": null,',
        ),
        (
            lambda d: d["proposals"][0].update(proposed_by={"party": "ukraine"}),
            ("proposals[0].proposed_by", "must be a string, got an object with 1 key"),
            '"proposed_by": {',
        ),
        (
            _coalition_of(1),
            ("parties[4].members[1]", "must be a string, got number 1"),
            "1,",
        ),
        (
            _coalition_of(None),
            ("parties[4].members[1]", "must be a string, got null"),
            "null,",
        ),
        (
            _coalition_of(["russia"]),
            ("parties[4].members[1]", "must be a string, got an array of 1 item"),
            "[",
        ),
    ],
    ids=[
        "proposer-number",
        "proposer-null",
        "proposer-object",
        "member-number",
        "member-null",
        "member-array",
    ],
)
def test_version_1_wrong_type_asks_for_what_version_1_takes(
    change: Any,
    problem: tuple[str, str],
    shown: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """
    A proposer or a coalition member of a wrong type (neither the list nor
    the object of version 2, which are refused as such) in a version-1
    document is asked for as version 1 takes it, a party id (a string), in a
    Slug field's words, not as the list or the object that version 2 takes;
    at its path in the document, and on the command line at its line.
    """
    old = json.loads(V1.read_text(encoding="utf-8"))
    change(old)
    assert _problems(lambda: from_dict(Negotiation, old)) == [problem]
    assert _problems(lambda: from_json(Negotiation, json.dumps(old))) == [problem]
    file = tmp_path / "old.json"
    file.write_text(json.dumps(old, indent=2), encoding="utf-8")
    lines = [line.strip() for line in file.read_text(encoding="utf-8").splitlines()]
    assert main(["validate", str(file)]) == 1
    line = lines.index(shown) + 1
    assert capsys.readouterr().out == f"{file}:{line}: {problem[0]}: {problem[1]}\n"


_PROPOSERS_REFUSED = (
    "version 1 names one proposer (a party id); a list of proposers is new in "
    "format version 2: write the document as version 2"
)
_MEMBER_REFUSED = (
    "version 1 lists a coalition's members by party id; a member as an object "
    "(with dates) is new in format version 2: write the document as version 2"
)
_HISTORY_REFUSED = (
    'version-1 documents have no history; give the latest "status" (and '
    '"status_on") alone, or write the document as version 2 ("schema_version": '
    "2) with the history alone"
)
_BAD_KIND = (
    "parties[0].kind",
    "'stat' is not a valid PartyKind (choose from 'state', 'organization', "
    "'coalition', 'person', 'group', 'other')",
)


def _with_coalition(document: dict[str, Any]) -> None:
    """A coalition whose second member is an object (its date wrong), the third bad."""
    document["parties"].append(
        {
            "id": "bloc",
            "name": "Bloc",
            "kind": "coalition",
            "members": ["ukraine", {"party": "russia", "since": "2025-13"}, "Nope"],
        }
    )


def _with_history(document: dict[str, Any]) -> None:
    """A history beside the first proposal's status, and one beside the negotiation's."""
    document["proposals"][0]["history"] = [{"status": "accepted", "on": "2025-13-01"}]
    document["history"] = []


_VERBATIM = ("statements[0].verbatim", _NEWER_MESSAGE)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["proposals"][0].update(proposed_by=["ukraine", "nobody"]),
            [_BAD_KIND, ("proposals[0].proposed_by", _PROPOSERS_REFUSED), _VERBATIM],
        ),
        (
            _with_coalition,
            [
                _BAD_KIND,
                ("parties[4].members[1]", _MEMBER_REFUSED),
                "parties[4].members[2]",
                _VERBATIM,
            ],
        ),
        (
            _with_history,
            [
                _BAD_KIND,
                ("proposals[0].history", _HISTORY_REFUSED),
                _VERBATIM,
                ("history", _HISTORY_REFUSED.replace(' (and "status_on")', "")),
            ],
        ),
    ],
    ids=["proposers", "member", "history"],
)
@pytest.mark.parametrize("strict", [True, False])
def test_version_1_shapes_of_version_2_are_reported_with_the_other_problems(
    change: Any, expected: list[Any], strict: bool
) -> None:
    """
    A value in a shape of version 2 is refused at its path with the document's
    other problems, in document order (not alone); what only follows from
    the refused value (a proposer missing, a member's own date, a dropped
    history's date) is not reported, nor is the same key twice.  A problem
    is given as (path, message), or as its path alone.
    """
    document = json.loads(V1.read_text(encoding="utf-8"))
    change(document)
    document["parties"][0]["kind"] = "stat"  # before the refused value
    document["statements"][0]["verbatim"] = True  # a field of version 2, after it
    problems = _problems(lambda: from_dict(Negotiation, document, strict=strict))
    assert problems == _problems(
        lambda: from_json(Negotiation, json.dumps(document), strict=strict)
    )
    assert [
        problem if isinstance(want, tuple) else problem[0]
        for problem, want in zip(problems, expected, strict=True)
    ] == expected


def test_version_1_shape_refused_with_a_bad_kind_small() -> None:
    """The reported case: a list of proposers and a party kind of a typo."""
    document = {
        "schema_version": 1,
        "id": "t",
        "title": "T",
        "parties": [
            {"id": "a", "name": "A", "kind": "stat"},
            {"id": "b", "name": "B", "kind": "state"},
        ],
        "proposals": [
            {
                "id": "p",
                "proposed_by": ["a"],
                "addressed_to": ["b"],
                "made_on": "2025-01-01",
                "summary": "s",
            }
        ],
    }
    assert _problems(lambda: from_dict(Negotiation, document)) == [
        _BAD_KIND,
        ("proposals[0].proposed_by", _PROPOSERS_REFUSED),
    ]


def test_upgrade_without_a_record_refuses_the_shapes_of_version_2() -> None:
    """``upgrade`` alone (no record class to read as) still refuses them."""
    document = json.loads(V1.read_text(encoding="utf-8"))
    document["proposals"][1]["proposed_by"] = ["russia"]
    with pytest.raises(ValidationError) as caught:
        upgrade(document)
    assert caught.value.errors == (("proposals[1].proposed_by", _PROPOSERS_REFUSED),)


def test_problems_below_what_the_document_holds_are_placed_at_it() -> None:
    """
    A path that goes on below a value that is not an object or a list (or
    past the end of a list) is placed where the document stops; the loader's
    problems keep their order, and the others go before the first of them
    that comes later in the document.
    """
    given = {"schema_version": 1, "title": 5, "rounds": [{"number": 1}], "id": "t"}
    newer = [("rounds[0].x", "newer"), ("title", "newer")]
    found = [("title.text", "found"), ("rounds[3].number", "found"), ("id", "found")]
    assert document_problems(given, found, [], newer) == [
        ("title", "newer"),
        ("title.text", "found"),
        ("rounds[0].x", "newer"),
        ("rounds[3].number", "found"),
        ("id", "found"),
    ]
    assert document_problems(given, found[::-1], [], newer) == [
        ("title", "newer"),
        ("rounds[0].x", "newer"),
        *found[::-1],
    ]


def test_version_1_problems_of_each_kind_are_in_document_order() -> None:
    """The fields of version 2 are merged with the loader's problems by place."""
    old = json.loads(V1.read_text(encoding="utf-8"))
    old["statements"][0]["verbatim"] = False
    old["title"] = 5
    old["proposals"][0]["status"] = "acepted"
    old["rounds"][0]["outcomes"][0]["quantity"]["precision"] = "about"
    old["votes"] = []
    paths = [path for path, _ in _problems(lambda: from_dict(Negotiation, old))]
    assert paths == [
        "title",
        "rounds[0].outcomes[0].quantity.precision",
        "proposals[0].status",
        "statements[0].verbatim",
        "votes",
    ]


def test_a_step_of_your_own_must_make_version_1() -> None:
    """
    A document of a format of your own (version 0), brought to version 1 by
    your step, is checked as that version-1 document: fields of version 2 that
    the step passes on are refused; ones it leaves out are not missed.
    """

    def from_v0(document: dict[str, Any]) -> dict[str, Any]:
        document["title"] = document.pop("name")
        return document

    old = json.loads(V1.read_text(encoding="utf-8"))
    old["schema_version"] = 0
    old["name"] = old.pop("title")
    register_migration(0, from_v0)
    try:
        assert from_dict(Negotiation, old).title.startswith("Russia")
        old["statements"][0]["verbatim"] = True
        with pytest.raises(ValidationError) as caught:
            from_dict(Negotiation, old)
        assert [path for path, _ in caught.value.errors] == ["statements[0].verbatim"]
    finally:
        unregister_migration(0)


def test_a_step_of_your_own_is_reported_at_the_version_1_paths() -> None:
    """
    The problems of a version-0 document are reported at the paths of the
    version-1 document its step made (a status at ``proposals[0].status``,
    not at the history the step from version 1 makes of it), with the
    notes a version-1 document gets, and a field of version 2 names the
    version the document says, 0.
    """
    document = {
        "schema_version": 0,
        "id": "t",
        "title": "T",
        "parties": [{"id": "a", "name": "A", "kind": "state", "aliases": ["\u0007"]}],
        "proposals": [
            {
                "id": "p",
                "proposed_by": "a",
                "made_on": "2025-07-01",
                "summary": "s",
                "status": "acepted",
            }
        ],
        "votes": [],
    }
    register_migration(0, lambda given: given)
    try:
        with pytest.raises(ValidationError) as caught:
            from_dict(Negotiation, document)
    finally:
        unregister_migration(0)
    with pytest.raises(ValidationError) as as_version_1:
        from_dict(Negotiation, {**document, "schema_version": 1})
    assert [path for path, _ in caught.value.errors] == [
        "parties[0].aliases[0]",
        "proposals[0].status",
        "votes",
    ]
    assert caught.value.errors[:2] == as_version_1.value.errors[:2]
    assert "version 1 did not check" in caught.value.errors[0][1]
    assert '"schema_version": 0' in caught.value.errors[2][1]
    assert '"schema_version": 1' in as_version_1.value.errors[2][1]


def test_since_must_be_a_later_version() -> None:
    """``field(since=...)`` takes a format version from 2."""
    for wrong in (1, 0, True, "2", 2.0):
        with pytest.raises(ValueError, match="since must be a format version from 2"):
            field(Text(), since=wrong)  # type: ignore[arg-type]


_NEW_PLACES: list[tuple[tuple[Any, ...], str, str]] = [
    ((), "votes", "votes"),
    ((), "actions", "actions"),
    (("statements", 0), "verbatim", "statements[0].verbatim"),
    (("ultimatums", 0, "deadline"), "day", "ultimatums[0].deadline.day"),
    (
        ("rounds", 0, "outcomes", 0, "quantity"),
        "given_by",
        "rounds[0].outcomes[0].quantity.given_by",
    ),
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    places=st.lists(st.sampled_from(_NEW_PLACES), min_size=1, unique=True),
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=8,
    ),
)
def test_any_value_of_a_new_field_is_reported_never_crashes(
    places: list[tuple[tuple[Any, ...], str, str]], value: Any
) -> None:
    """Whatever a version-1 document holds in fields of version 2, each is reported."""
    old = json.loads(V1.read_text(encoding="utf-8"))
    for where, key, _ in places:
        record = old
        for step in where:
            record = record[step]
        record[key] = value
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, json.dumps(old))
    reported = {
        path for path, message in caught.value.errors if message == _NEWER_MESSAGE
    }
    assert reported == {path for _, _, path in places}


# --- the command line on a record with later events --------------------------------


@pytest.fixture
def later(tmp_path: Path) -> Path:
    path = tmp_path / "talks.json"
    path.write_text(to_json(_talks()), encoding="utf-8")
    return path


def test_cli_show_at(later: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(later), "--at", "2025-07-20", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)["negotiations"][0]
    assert [r["status"] for r in shown["rounds"]] == ["held", "proposed"]
    assert [p["status"] for p in shown["open_proposals"]] == ["pending"]
    assert [u["due"] for u in shown["pending_ultimatums"]] == ["2025-09-02"]
    assert main(["show", str(later), "--at", "2025-05-01", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)["negotiations"][0]
    assert shown["rounds"] == []
    assert shown["open_proposals"] == []
    assert shown["status"] == "active"


def test_cli_plot_at(
    later: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """plot --at draws the record as it stood then, not the later events."""
    from negotiation_records import plot

    drawn: list[list[str]] = []
    real = plot.timeline

    def spy(talks: Negotiation, **kwargs: Any) -> Any:
        figure = real(talks, **kwargs)
        drawn.append([text.get_text() for text in figure.axes[0].texts])
        return figure

    monkeypatch.setattr(plot, "timeline", spy)
    target = tmp_path / "then.png"
    assert main(["plot", str(later), "-o", str(target), "--at", "2025-05-01"]) == 0
    assert not [text for text in drawn[-1] if text.startswith("Round ")]
    assert main(["plot", str(later), "-o", str(target)]) == 0
    assert [text for text in drawn[-1] if text.startswith("Round ")]


def test_cli_deadlines_at(later: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["deadlines", str(later), "--at", "2025-07-20", "--format", "json"]) == 0
    )
    shown = json.loads(capsys.readouterr().out)["negotiations"][0]
    assert [d["due"] for d in shown["due"]] == ["2025-09-02"]
    assert shown["passed"] == []
    assert (
        main(["deadlines", str(later), "--at", "2025-08-10", "--format", "json"]) == 0
    )
    shown = json.loads(capsys.readouterr().out)["negotiations"][0]
    assert shown["due"] == []
    assert [d["due"] for d in shown["passed"]] == ["2025-08-08"]


def test_cli_timeline_at(later: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(later), "--at", "2025-07-20", "--format", "json"]) == 0
    events = json.loads(capsys.readouterr().out)["negotiations"][0]["events"]
    assert all(e["kind"] != "response" for e in events)
    assert "2025-09-02" in [e["moment"] for e in events]


def test_same_day_date_before_timed_and_deadline_last() -> None:
    """On one day: the date-only event, then timed ones, then a date deadline."""
    kyiv_early = pendulum.datetime(2025, 7, 14, 1, tz="Europe/Kyiv")  # 13 July UTC
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="US", kind="state"),
            Party(id="ru", name="Russia", kind="state"),
        ],
        ultimatums=[
            _ultimatum(deadline=Deadline.on(day(2025, 7, 15))).respond(
                "ru", on=day(2025, 7, 15), stance="rejects"
            )
        ],
        statements=[
            Statement(id="early", speaker="A", said_on=kyiv_early, text="Early"),
            Statement(
                id="late",
                speaker="B",
                said_on=pendulum.datetime(2025, 7, 15, 22, tz="UTC"),
                text="Late",
            ),
        ],
    )
    kinds = [(e.kind.value, e.record_id) for e in talks.timeline()]
    assert kinds == [
        ("ultimatum", "u"),
        ("statement", "early"),
        ("response", "u"),
        ("statement", "late"),
        ("deadline", "u"),
    ]
    # read in UTC, the Kyiv morning is on 13 July: before the ultimatum
    in_utc = [e.record_id for e in talks.timeline(tz="UTC")]
    assert in_utc[:2] == ["early", "u"]


@pytest.mark.parametrize(
    ("status", "problem"),
    [
        ("\ud800", "lone surrogate"),
        ("a\x00b", "control character"),
        ("x" * 65, "at most 64 characters"),
        ("   ", "non-empty"),
        ("", "must be a status"),
    ],
    ids=["surrogate", "nul", "long", "spaces", "empty"],
)
def test_a_change_on_its_own_holds_a_status_as_text(status: str, problem: str) -> None:
    """Text by the text rule, a few words long: what could be no status of any
    record, and could not be written, is refused on construction and on load."""
    with pytest.raises(ValidationError) as caught:
        StatusChange(status=status)
    assert [path for path, _ in caught.value.errors] == ["status"]
    assert problem in caught.value.errors[0][1]
    with pytest.raises(ValidationError) as caught:
        from_dict(StatusChange, {"status": status})
    assert [path for path, _ in caught.value.errors] == ["status"]
    assert StatusChange(status="lapsed-without-response").status == (
        "lapsed-without-response"
    )


def test_bad_status_arguments_are_reported_together() -> None:
    """``status=`` and ``status_on=`` both wrong: both reported, with the
    record's other problems, as loading the same data reports them."""
    arguments: dict[str, Any] = {
        "id": "p",
        "proposed_by": "ukraine",
        "addressed_to": ["russia"],
        "made_on": day(2025, 7, 1),
        "summary": "",
        "status": "bogus",
        "status_on": "soon",
    }
    with pytest.raises(ValidationError) as caught:
        Proposal(**arguments)
    assert [path for path, _ in caught.value.errors] == [
        "summary",
        "status",
        "status_on",
    ]
    with pytest.raises(ValidationError) as caught:
        Proposal(**{**arguments, "summary": "A round", "status": "accepted"})
    assert [path for path, _ in caught.value.errors] == ["status_on"]
