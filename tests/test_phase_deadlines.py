"""
The end of an agreement's phase is a deadline of the deadline queries and of
the command line's ``deadlines`` and ``show``, under the rules of an expiry.

The running case is the Gaza ceasefire of 2025: in force from 19 January,
11:15 in Jerusalem; phase one ended on 1 March, day 42 counting 19 January as
day 1; Israel resumed strikes on 18 March.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Deadline,
    DeadlineEntry,
    Milestone,
    Negotiation,
    Phase,
    PhaseEnd,
    StatusChange,
    ValidationError,
    queries,
)
from negotiation_records.cli import main
from negotiation_records.ical import to_ical
from negotiation_records.serialization import to_json


D = pendulum.date
J = "Asia/Jerusalem"
START = pendulum.datetime(2025, 1, 19, 11, 15, tz=J)
PHASE_ONE = Deadline.on_day(
    42, counting_from=START
)  # 1 March, to midnight in Jerusalem


def _ceasefire(*steps: tuple[str, Any], **fields: Any) -> Agreement:
    """The ceasefire in force from 19 January, with these later status changes."""
    agreement = Agreement(
        id="gaza-ceasefire-2025",
        title="Gaza ceasefire",
        stage="ceasefire",
        history=[
            StatusChange(status="signed", on=D(2025, 1, 15)),
            StatusChange(status="in-force", on=START),
        ],
        in_force=Deadline.on(START),
        phases=[
            Phase(name="Phase one", starts=START, ends=PHASE_ONE),
            Phase(name="Phase two", obligations=["Permanent end of hostilities"]),
        ],
        **fields,
    )
    for status, on in steps:
        agreement = agreement.with_status(status, on=on)
    return agreement


def _talks(*agreements: Agreement, **fields: Any) -> Negotiation:
    return Negotiation(
        id="gaza-2025", title="Gaza ceasefire 2025", agreements=agreements, **fields
    )


def _up(talks: Negotiation, at: Any, within: Any = None) -> list[tuple[str, str, str]]:
    return [
        (e.kind, e.id, str(e.deadline.due))
        for e in talks.all_upcoming_deadlines(at, within=within)
    ]


def _expired(talks: Negotiation, at: Any) -> list[tuple[str, str, str]]:
    return [
        (e.kind, e.id, str(e.deadline.due)) for e in talks.all_expired_deadlines(at)
    ]


def _phase_paths(entries: tuple[DeadlineEntry, ...]) -> list[tuple[str, str]]:
    """The phase ends among *entries*: where each is, when it falls due."""
    return [
        (e.record.path, str(e.deadline.due))
        for e in entries
        if isinstance(e.record, PhaseEnd)
    ]


PHASE = ("phase", "gaza-ceasefire-2025", "2025-03-01")


class TestPhaseEndIsADeadline:
    """A phase's end is listed as an expiry is: upcoming, then run out."""

    def test_upcoming_before_it_ends(self) -> None:
        """On 28 February phase one's end is still to come."""
        talks = _talks(_ceasefire())
        assert _up(talks, D(2025, 2, 28)) == [PHASE]
        assert _expired(talks, D(2025, 2, 28)) == []

    def test_expired_once_it_has_passed(self) -> None:
        """On 3 March it has run out, and is no longer upcoming."""
        talks = _talks(_ceasefire())
        assert _up(talks, D(2025, 3, 3)) == []
        assert _expired(talks, D(2025, 3, 3)) == [PHASE]

    def test_passes_at_midnight_in_its_zone(self) -> None:
        """1 March ends at midnight in Jerusalem (22:00 UTC), not in UTC."""
        talks = _talks(_ceasefire())
        before = pendulum.datetime(2025, 3, 1, 23, 59, tz=J)
        after = pendulum.datetime(2025, 3, 1, 22, 0, tz="UTC")
        assert _up(talks, before) == [PHASE]
        assert _expired(talks, after) == [PHASE]

    def test_the_timeline_calls_it_a_phase_end(self) -> None:
        """Not an "alternative-deadline", which is a milestone's conditional one."""
        events = [
            e for e in _talks(_ceasefire()).timeline() if e.path.endswith(".ends")
        ]
        assert [(e.kind.value, e.path) for e in events] == [
            ("phase-end", "agreements[0].phases[0].ends")
        ]
        assert events[0].summary.startswith("Phase one of agreement")

    def test_the_entry(self) -> None:
        """The entry's record is a PhaseEnd: the agreement and the phase's place."""
        agreement = _ceasefire()
        (entry,) = _talks(agreement).all_upcoming_deadlines(D(2025, 2, 1))
        record, deadline = entry
        assert deadline == PHASE_ONE
        assert record == PhaseEnd(agreement=agreement, index=0)
        assert isinstance(record, PhaseEnd)
        assert record.phase is agreement.phases[0]
        assert record.deadline == PHASE_ONE
        assert (entry.kind, entry.id) == ("phase", "gaza-ceasefire-2025")
        assert record.title == "Gaza ceasefire — Phase one"
        assert record.path == "phases[0].ends"
        assert record.label == "phase 'Phase one' of agreement 'gaza-ceasefire-2025'"

    def test_the_query_functions_agree(self) -> None:
        """queries.all_*_deadlines on the record give what the methods give."""
        talks = _talks(_ceasefire())
        for at in (D(2025, 2, 28), D(2025, 3, 3)):
            assert queries.all_upcoming_deadlines(
                talks, at
            ) == talks.all_upcoming_deadlines(at)
            assert queries.all_expired_deadlines(
                talks, at
            ) == talks.all_expired_deadlines(at)

    def test_a_phase_without_an_end_is_not_a_deadline(self) -> None:
        """Phase two, with no end, is never listed."""
        talks = _talks(_ceasefire())
        entries = talks.all_upcoming_deadlines(D(2025, 2, 1))
        assert _phase_paths(entries) == [("phases[0].ends", "2025-03-01")]

    def test_entry_into_force_is_not_a_deadline(self) -> None:
        """``in_force`` is when the text starts to bind: never listed."""
        talks = _talks(_ceasefire())
        assert _up(talks, D(2025, 1, 16)) == [PHASE]
        assert _expired(talks, D(2025, 1, 20)) == []

    def test_before_the_phase_starts(self) -> None:
        """A phase's end is to come before the phase (or the agreement) starts."""
        signed = Agreement(
            id="gaza-ceasefire-2025",
            title="Gaza ceasefire",
            stage="ceasefire",
            history=[StatusChange(status="signed", on=D(2025, 1, 15))],
            phases=[Phase(name="Phase one", starts=START, ends=PHASE_ONE)],
        )
        assert _up(_talks(signed), D(2025, 1, 16)) == [PHASE]

    def test_within(self) -> None:
        """*within* keeps to the phase ends due by the horizon."""
        talks = _talks(_ceasefire())
        assert _up(talks, D(2025, 2, 20), "P7D") == []
        assert _up(talks, D(2025, 2, 22), "P7D") == [PHASE]

    def test_as_of_an_earlier_moment(self) -> None:
        """An agreement first dated later is not in the snapshot: nothing listed."""
        talks = _talks(_ceasefire())
        assert _up(talks, D(2025, 1, 14)) == []

    def test_in_time_order_with_other_deadlines(self) -> None:
        """Sorted with the milestones' deadlines and the expiries."""
        day16 = Milestone(
            id="phase-two-talks",
            title="Talks on phase two",
            set_on=D(2025, 1, 15),
            deadline=Deadline.on_day(16, counting_from=START),
        )
        expires = Deadline.on(D(2025, 4, 19), tz=J)
        talks = _talks(_ceasefire(expires=expires), milestones=[day16])
        assert _up(talks, D(2025, 2, 1)) == [
            ("milestone", "phase-two-talks", "2025-02-03"),
            PHASE,
            ("agreement", "gaza-ceasefire-2025", "2025-04-19"),
        ]

    def test_phases_before_the_expiry_on_a_tie(self) -> None:
        """A last phase that ends with the agreement comes before its expiry."""
        talks = _talks(_ceasefire(expires=PHASE_ONE))
        assert _up(talks, D(2025, 2, 1)) == [
            PHASE,
            ("agreement", "gaza-ceasefire-2025", "2025-03-01"),
        ]
        assert _expired(talks, D(2025, 3, 3)) == [
            PHASE,
            ("agreement", "gaza-ceasefire-2025", "2025-03-01"),
        ]

    def test_several_phases(self) -> None:
        """Each phase with an end is a deadline of its own."""
        second = Phase(
            name="Phase two",
            starts=D(2025, 3, 2),
            ends=Deadline.on_day(84, counting_from=START),
        )
        first = _ceasefire().phases[0]
        agreement = attrs.evolve(_ceasefire(), phases=(first, second))
        talks = _talks(agreement)
        entries = talks.all_upcoming_deadlines(D(2025, 2, 1))
        assert _phase_paths(entries) == [
            ("phases[0].ends", "2025-03-01"),
            ("phases[1].ends", "2025-04-12"),
        ]
        assert _up(talks, D(2025, 3, 3)) == [
            ("phase", "gaza-ceasefire-2025", "2025-04-12")
        ]


class TestClosedByTheAgreement:
    """The agreement's status closes a phase's end as it closes its expiry."""

    @pytest.mark.parametrize(
        ("steps", "listed"),
        [
            ([("terminated", pendulum.datetime(2025, 3, 18, 2, tz=J))], True),
            ([("superseded", D(2025, 3, 5))], True),
            ([("terminated", D(2025, 2, 20))], False),
            ([("superseded", D(2025, 3, 1))], False),
            ([("suspended", D(2025, 2, 20))], True),
        ],
        ids=[
            "terminated-after",
            "superseded-after",
            "terminated-before",
            "superseded-on-the-day",
            "suspended",
        ],
    )
    def test_ended_after_the_phase_stays_expired(
        self, steps: list[tuple[str, Any]], listed: bool
    ) -> None:
        """Terminated or superseded only after the phase ended: still listed as
        run out; before it ended (or on its day, by date): never listed."""
        talks = _talks(_ceasefire(*steps))
        assert _expired(talks, D(2025, 3, 20)) == ([PHASE] if listed else [])

    def test_terminated_before_is_not_upcoming(self) -> None:
        """Terminated on 20 February, phase one's end is no longer to come."""
        talks = _talks(_ceasefire(("terminated", D(2025, 2, 20))))
        assert _up(talks, D(2025, 2, 19)) == [PHASE]
        assert _up(talks, D(2025, 2, 21)) == []

    def test_an_undated_termination_closes_it(self) -> None:
        """Terminated at an unrecorded time: assumed before the phase ended."""
        agreement = _ceasefire().with_status("terminated")
        assert _expired(_talks(agreement), D(2025, 3, 20)) == []

    def test_expired_before_the_phase_ended(self) -> None:
        """An agreement whose expiry came before a phase's end closes it."""
        expires = Deadline.on(D(2025, 2, 20), tz=J)
        agreement = _ceasefire(("expired", D(2025, 2, 21)), expires=expires)
        talks = _talks(agreement)
        expiry = ("agreement", "gaza-ceasefire-2025", "2025-02-20")
        assert _up(talks, D(2025, 2, 22)) == []
        assert _expired(talks, D(2025, 3, 20)) == [expiry]

    def test_an_expiry_earlier_than_the_phase_end_closes_it_unmarked(self) -> None:
        """
        A truce that runs out on 20 February has no phase ending on 1 March,
        whether or not a step says it expired: once the expiry has passed, the
        phase's end is neither to come nor, later, run out; the calendar
        cancels it; the timeline says why.  Extended past the phase's end,
        the phase is open again.
        """
        expires = Deadline.on(D(2025, 2, 20), tz=J)
        agreement = _ceasefire(expires=expires)
        talks = _talks(agreement)
        expiry = ("agreement", "gaza-ceasefire-2025", "2025-02-20")
        assert _up(talks, D(2025, 2, 10)) == [expiry]
        assert _up(talks, D(2025, 2, 22)) == []
        assert _expired(talks, D(2025, 2, 22)) == [expiry]
        assert _expired(talks, D(2025, 3, 20)) == [expiry]
        calendar = to_ical(talks).split("BEGIN:VEVENT")
        (phase_event,) = [e for e in calendar if "Agreement phase ends" in e]
        assert "STATUS:CANCELLED" in phase_event
        (end,) = [e for e in talks.timeline() if e.path.endswith("phases[0].ends")]
        assert end.summary.endswith("; the agreement had expired before then")

        extended = agreement.extend(Deadline.on(D(2025, 4, 1), tz=J), on=D(2025, 2, 18))
        assert [e[0] for e in _up(_talks(extended), D(2025, 2, 22))] == [
            "phase",
            "agreement",
        ]

    def test_expired_before_then_superseded(self) -> None:
        """
        Expired before the phase ended, then superseded after it: the phase's
        end stays closed (it was closed by the expiry, which a later step
        does not undo), in the queries and in the calendar alike.
        """
        expires = Deadline.on(D(2025, 2, 20), tz=J)
        agreement = _ceasefire(
            ("expired", D(2025, 2, 21)),
            ("superseded", D(2025, 3, 10)),
            expires=expires,
        )
        talks = _talks(agreement)
        expiry = ("agreement", "gaza-ceasefire-2025", "2025-02-20")
        for at in (D(2025, 3, 5), D(2025, 3, 20)):
            assert _expired(talks, at) == [expiry]
        calendar = to_ical(talks).split("BEGIN:VEVENT")
        (phase_event,) = [e for e in calendar if "Agreement phase ends" in e]
        assert "STATUS:CANCELLED" in phase_event

    def test_the_calendar_cancels_a_phase_the_expiry_closed(self) -> None:
        """
        The calendar reads the expiry as the queries do: a phase ending after
        the agreement expired is CANCELLED, one ending before it is not.
        """
        expires = Deadline.on(D(2025, 2, 20), tz=J)
        closed = _talks(_ceasefire(("expired", D(2025, 2, 21)), expires=expires))
        ran_out = _talks(
            _ceasefire(
                ("expired", D(2025, 3, 11)), expires=Deadline.on(D(2025, 3, 10), tz=J)
            )
        )
        for talks, cancelled in ((closed, True), (ran_out, False)):
            events = to_ical(talks).split("BEGIN:VEVENT")
            (phase_event,) = [e for e in events if "Agreement phase ends" in e]
            assert ("STATUS:CANCELLED" in phase_event) is cancelled

    def test_expired_without_an_expiry(self) -> None:
        """With no expiry, marked expired before the phase ended closes it."""
        talks = _talks(_ceasefire(("expired", D(2025, 2, 21))))
        assert _up(talks, D(2025, 2, 22)) == []
        assert _expired(talks, D(2025, 3, 20)) == []

    def test_expired_after_the_phase_ended(self) -> None:
        """The phase ended first, then the agreement expired: it ran out."""
        expires = Deadline.on(D(2025, 3, 10), tz=J)
        talks = _talks(_ceasefire(("expired", D(2025, 3, 11)), expires=expires))
        assert _expired(talks, D(2025, 3, 20)) == [
            PHASE,
            ("agreement", "gaza-ceasefire-2025", "2025-03-10"),
        ]

    def test_expired_on_the_day_the_phase_ends(self) -> None:
        """Marked expired on 1 March, the day the expiry and the phase end:
        both are still to come until midnight in Jerusalem, then run out."""
        agreement = _ceasefire(("expired", D(2025, 3, 1)), expires=PHASE_ONE)
        talks = _talks(agreement)
        noon = pendulum.datetime(2025, 3, 1, 12, tz=J)
        expiry = ("agreement", "gaza-ceasefire-2025", "2025-03-01")
        assert _up(talks, noon) == [PHASE, expiry]
        assert _expired(talks, noon) == []
        later = pendulum.datetime(2025, 3, 2, 1, tz=J)
        assert _up(talks, later) == []
        assert _expired(talks, later) == [PHASE, expiry]


class TestPhaseEndValue:
    """``PhaseEnd`` names a phase that has an end."""

    def test_no_such_phase(self) -> None:
        with pytest.raises(ValidationError, match=r"index: .* has no phase 2"):
            PhaseEnd(agreement=_ceasefire(), index=2)

    def test_a_phase_without_an_end(self) -> None:
        with pytest.raises(ValidationError, match=r"phases\[1\] of .* has no end"):
            PhaseEnd(agreement=_ceasefire(), index=1)

    def test_not_an_index(self) -> None:
        with pytest.raises(
            ValidationError, match="index: must be an integer, got bool"
        ):
            PhaseEnd(agreement=_ceasefire(), index=True)

    def test_entries_are_pairs(self) -> None:
        """A DeadlineEntry of a phase is still a pair."""
        end = PhaseEnd(agreement=_ceasefire(), index=0)
        assert tuple(DeadlineEntry(end, end.deadline)) == (end, PHASE_ONE)


class TestCommandLine:
    """``deadlines`` and ``show`` list phase ends; without phases, nothing changes."""

    @pytest.fixture
    def gaza(self, tmp_path: Path) -> Path:
        path = tmp_path / "gaza.json"
        path.write_text(to_json(_talks(_ceasefire()), indent=2), encoding="utf-8")
        return path

    def test_deadlines(self, gaza: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["deadlines", str(gaza), "--at", "2025-02-28"]) == 0
        out = capsys.readouterr().out
        assert "Milestones, agreement expiries and phase ends due:\n" in out
        assert "Milestones, agreement expiries and phase ends passed:\n  (none)" in out
        row = next(line for line in out.splitlines() if line.startswith("  phase"))
        assert row.split() == [
            "phase",
            "gaza-ceasefire-2025",
            "Gaza",
            "ceasefire",
            "—",
            "Phase",
            "one",
            "2025-03-01",
            "due",
            "in",
            "46",
            "hours",
        ]

    def test_deadlines_json(
        self, gaza: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        args = ["deadlines", str(gaza), "--at", "2025-03-03", "--format", "json"]
        assert main(args) == 0
        (record,) = json.loads(capsys.readouterr().out)["negotiations"]
        (entry,) = record["milestones_and_agreements"]["passed"]
        assert {k: entry[k] for k in ("kind", "id", "title", "phase", "due")} == {
            "kind": "phase",
            "id": "gaza-ceasefire-2025",
            "title": "Gaza ceasefire — Phase one",
            "phase": {"index": 0, "name": "Phase one"},
            "due": "2025-03-01",
        }
        assert (
            entry["rule"]
            == "day 42 counting from 2025-01-19T11:15:00+02:00[Asia/Jerusalem] "
            "(day 1; to the end of the day, Asia/Jerusalem)"
        )

    def test_show(self, gaza: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["show", str(gaza), "--at", "2025-02-28"]) == 0
        out = capsys.readouterr().out
        table = out[out.index("Agreement phases:\n") :].splitlines()[1:4]
        assert [line.split() for line in table] == [
            ["agreement", "phase", "starts", "ends"],
            [
                "gaza-ceasefire-2025",
                "Phase",
                "one",
                "2025-01-19T11:15:00+02:00[Asia/Jerusalem]",
                "2025-03-01",
            ],
            ["gaza-ceasefire-2025", "Phase", "two", "-", "-"],
        ]

    def test_show_json(self, gaza: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["show", str(gaza), "--at", "2025-02-28", "--format", "json"]) == 0
        (record,) = json.loads(capsys.readouterr().out)["negotiations"]
        assert record["agreement_phases"] == [
            {
                "agreement": "gaza-ceasefire-2025",
                "index": 0,
                "name": "Phase one",
                "starts": "2025-01-19T11:15:00+02:00[Asia/Jerusalem]",
                "ends": "2025-03-01",
                "obligations": [],
            },
            {
                "agreement": "gaza-ceasefire-2025",
                "index": 1,
                "name": "Phase two",
                "starts": None,
                "ends": None,
                "obligations": ["Permanent end of hostilities"],
            },
        ]

    def test_without_phases(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An agreement without phases: the titles and keys of before."""
        truce = Agreement(
            id="truce",
            title="Truce",
            stage="ceasefire",
            history=[StatusChange(status="signed", on=D(2025, 1, 15))],
            expires=Deadline.on(D(2025, 3, 1)),
        )
        path = tmp_path / "truce.json"
        path.write_text(to_json(_talks(truce)), encoding="utf-8")
        assert main(["deadlines", str(path), "--at", "2025-02-28"]) == 0
        assert main(["show", str(path), "--at", "2025-02-28", "--format", "json"]) == 0
        out = capsys.readouterr().out
        assert "Milestones and agreement expiries due:\n" in out
        assert "phase ends" not in out
        assert "agreement_phases" not in out
        assert '"phase"' not in out
