"""
What the command line shows of agreements, milestones, votes and actions
(private; used by :mod:`negotiation_records.cli`).

``show`` lists each kind in a table of its own (text) and under its own key
(``--format json``), only when the record holds some (the agreements' phases
too); ``deadlines`` lists the milestones' deadlines, the agreements' expiries
and the ends of their phases beside the ultimatums'.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from negotiation_records.deadlines import Deadline
from negotiation_records.queries import DeadlineEntry, PhaseEnd, as_of_instant
from negotiation_records.timeutil import Moment


__all__ = [
    "deadline_json",
    "deadline_row",
    "deadline_tables",
    "deadlines_json",
    "seconds_left",
    "show_json",
    "show_tables",
]

Show = Callable[[Moment], str]

_SECOND = _dt.timedelta(seconds=1)


def seconds_left(deadline: Deadline, instant: Moment) -> int:
    """
    ``seconds_left`` of the JSON output: the whole seconds from *instant* to
    the deadline's cutoff, rounded down, so 0 at the cutoff itself (the first
    instant it has passed) and negative after it (half a second after: -1),
    and exact however far away.
    """
    left = deadline.remaining(instant)
    # timedelta's own floor division (a Duration's takes no timedelta)
    return _dt.timedelta.__floordiv__(left, _SECOND)


def _title(entry: DeadlineEntry) -> str:
    record: Any = entry.record
    return str(record.title)


def deadline_row(entry: DeadlineEntry, at: Moment, show: Show) -> list[str]:
    """A milestone's deadline, an agreement's expiry or a phase's end, as a row
    (the time left at the instant the queries read *at*: a date, its start in
    UTC)."""
    return [
        entry.kind,
        entry.id,
        _title(entry),
        show(entry.deadline.due),
        entry.deadline.describe(as_of_instant(at)),
    ]


def deadline_json(
    entry: DeadlineEntry, at: Moment, show: Show, dump: Callable[[Any], Any]
) -> dict[str, Any]:
    """A milestone's deadline, an agreement's expiry or a phase's end, as JSON
    (the time left at the instant the queries read *at*: a date, its start in
    UTC); a phase's end also says which phase (``"phase"``)."""
    deadline = entry.deadline
    instant = as_of_instant(at)
    phase = {}
    if isinstance(entry.record, PhaseEnd):
        end = entry.record
        phase = {"phase": {"index": end.index, "name": end.phase.name}}
    return {
        "kind": entry.kind,
        "id": entry.id,
        "title": _title(entry),
        **phase,
        "due": show(deadline.due),
        "cutoff": show(deadline.cutoff),
        "rule": deadline.describe_rule(),
        "time_left": deadline.describe(instant),
        "seconds_left": seconds_left(deadline, instant),
        "deadline": dump(deadline),
    }


def _names(ids: tuple[str, ...]) -> str:
    return ", ".join(ids) or "-"


def _count(n: int | None) -> str:
    return "-" if n is None else str(n)


def show_tables(talks: Any, show: Show) -> list[tuple[str, list[str], list[list[str]]]]:
    """The tables ``show`` adds: (title, headers, rows), for kinds present."""
    tables: list[tuple[str, list[str], list[list[str]]]] = []
    if talks.agreements:
        tables.append(
            (
                "Agreements",
                ["id", "stage", "status", "signatories", "expires", "title"],
                [
                    [
                        a.id,
                        a.stage.value,
                        a.status.value,
                        _names(a.signatories),
                        "-" if a.expires is None else show(a.expires.due),
                        a.title,
                    ]
                    for a in talks.agreements
                ],
            )
        )
    phases = _phases(talks)
    if phases:
        tables.append(
            (
                "Agreement phases",
                ["agreement", "phase", "starts", "ends"],
                [
                    [
                        a.id,
                        p.name,
                        "-" if p.starts is None else show(p.starts),
                        "-" if p.ends is None else show(p.ends.due),
                    ]
                    for a, _, p in phases
                ],
            )
        )
    if talks.milestones:
        tables.append(
            (
                "Milestones",
                ["id", "status", "due", "alternatives", "title"],
                [
                    [
                        m.id,
                        m.status.value,
                        show(m.deadline.due),
                        str(len(m.alternatives)),
                        m.title,
                    ]
                    for m in talks.milestones
                ],
            )
        )
    if talks.votes:
        tables.append(
            (
                "Votes",
                ["id", "body", "on", "yes", "no", "abstain", "result", "question"],
                [
                    [
                        v.id,
                        v.body,
                        show(v.on),
                        _count(v.yes),
                        _count(v.no),
                        _count(v.abstain),
                        v.result.value,
                        v.question,
                    ]
                    for v in talks.votes
                ],
            )
        )
    if talks.actions:
        tables.append(
            (
                "Actions",
                ["id", "kind", "by", "toward", "on", "summary"],
                [
                    [
                        a.id,
                        a.kind.value,
                        _names(a.by),
                        _names(a.toward),
                        show(a.on),
                        a.summary,
                    ]
                    for a in talks.actions
                ],
            )
        )
    return tables


def show_json(talks: Any, show: Show) -> dict[str, Any]:
    """The keys ``show --format json`` adds, for kinds present."""
    found: dict[str, Any] = {}
    if talks.agreements:
        found["agreements"] = [
            {
                "id": a.id,
                "title": a.title,
                "stage": a.stage.value,
                "status": a.status.value,
                "signatories": list(a.signatories),
                "in_force": None if a.in_force is None else show(a.in_force.due),
                "expires": None if a.expires is None else show(a.expires.due),
                "phases": [p.name for p in a.phases],
            }
            for a in talks.agreements
        ]
    phases = _phases(talks)
    if phases:
        found["agreement_phases"] = [
            {
                "agreement": a.id,
                "index": i,
                "name": p.name,
                "starts": None if p.starts is None else show(p.starts),
                "ends": None if p.ends is None else show(p.ends.due),
                "obligations": list(p.obligations),
            }
            for a, i, p in phases
        ]
    if talks.milestones:
        found["milestones"] = [
            {
                "id": m.id,
                "title": m.title,
                "status": m.status.value,
                "due": show(m.deadline.due),
                "alternatives": [
                    {
                        "condition": alt.condition,
                        "stage": alt.stage,
                        "due": show(alt.deadline.due),
                        "applied": alt.applied,
                    }
                    for alt in m.alternatives
                ],
            }
            for m in talks.milestones
        ]
    if talks.votes:
        found["votes"] = [
            {
                "id": v.id,
                "body": v.body,
                "on": show(v.on),
                "question": v.question,
                "yes": v.yes,
                "no": v.no,
                "abstain": v.abstain,
                "threshold": v.threshold.value,
                "result": v.result.value,
            }
            for v in talks.votes
        ]
    if talks.actions:
        found["actions"] = [
            {
                "id": a.id,
                "kind": a.kind.value,
                "by": list(a.by),
                "toward": list(a.toward),
                "on": show(a.on),
                "summary": a.summary,
            }
            for a in talks.actions
        ]
    return found


def _phases(talks: Any) -> list[tuple[Any, int, Any]]:
    """Every phase of the agreements of *talks*, with its agreement and its
    place in the agreement's phases, in order."""
    return [(a, i, p) for a in talks.agreements for i, p in enumerate(a.phases)]


def _others(talks: Any, at: Moment, within: Any) -> tuple[list[Any], list[Any]]:
    """Milestones' deadlines, agreements' expiries and phase ends: due, passed."""
    due = talks.all_upcoming_deadlines(at, within=within)
    passed = talks.all_expired_deadlines(at)
    return (
        [e for e in due if e.kind != "ultimatum"],
        [e for e in passed if e.kind != "ultimatum"],
    )


def deadline_tables(
    talks: Any, at: Moment, within: Any, said: str, show: Show
) -> list[tuple[str, list[str], list[list[str]]]]:
    """
    The tables ``deadlines`` adds when the record has milestones or agreements
    ("Milestones, agreement expiries and phase ends" when one of its
    agreements has a phase with an end, known at *at* or not).
    """
    if not (talks.milestones or talks.agreements):
        return []
    due, passed = _others(talks, at, within)
    headers = ["kind", "id", "title", "due"]
    what = "Milestones and agreement expiries"
    if any(p.ends is not None for _, _, p in _phases(talks)):
        what = "Milestones, agreement expiries and phase ends"
    return [
        (
            f"{what} due{said}",
            [*headers, "time left"],
            [deadline_row(e, at, show) for e in due],
        ),
        (
            f"{what} passed",
            [*headers, "passed"],
            [deadline_row(e, at, show) for e in passed],
        ),
    ]


def deadlines_json(
    talks: Any, at: Moment, within: Any, show: Show, dump: Callable[[Any], Any]
) -> dict[str, Any]:
    """The key ``deadlines --format json`` adds when there are milestones or agreements."""
    if not (talks.milestones or talks.agreements):
        return {}
    due, passed = _others(talks, at, within)
    return {
        "milestones_and_agreements": {
            "due": [deadline_json(e, at, show, dump) for e in due],
            "passed": [deadline_json(e, at, show, dump) for e in passed],
        }
    }
