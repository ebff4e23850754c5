"""
The whole-record checks of a negotiation's agreements, milestones, votes and
actions (private; run by ``Negotiation._problems`` after the others).

Every reference is checked: party ids, agreement ids (``amends``,
``supersedes``, a milestone's ``agreement``), a proposal id
(``from_proposal``), round numbers, a vote's ``subject`` (a proposal,
agreement, ultimatum or milestone), statement ids and source ids; ids are
unique within each collection, and a provision's id among all conditions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from negotiation_records.conditions import Condition
from negotiation_records.deadlines import DeadlineRevision


if TYPE_CHECKING:  # pragma: no cover
    from negotiation_records.negotiation import Negotiation


__all__ = ["problems"]


def _revisions(
    checker: Any, path: str, revisions: tuple[DeadlineRevision, ...]
) -> None:
    for index, revision in enumerate(revisions):
        here = (path, ".revisions[", index, "]")
        checker._statement(revision.statement, *here, ".statement")
        checker._sources(revision.sources, *here)


def problems(n: Negotiation, checker: Any) -> list[tuple[str, str]]:
    """The problems of *n*'s new records, found with *checker* (a ``_Checker``)."""
    checker.out = []
    checker._unique("agreements", [a.id for a in n.agreements], "agreement id")
    checker._unique("milestones", [m.id for m in n.milestones], "milestone id")
    checker._unique("votes", [v.id for v in n.votes], "vote id")
    checker._unique("actions", [a.id for a in n.actions], "action id")
    agreement_ids = {a.id for a in n.agreements}
    subjects = {
        *(p.id for p in n.proposals),
        *(u.id for u in n.ultimatums),
        *agreement_ids,
        *(m.id for m in n.milestones),
    }
    seen = {c.id for c in n.conditions}
    seen |= {c.id for p in n.proposals for c in p.terms}
    seen |= {u.demand.id for u in n.ultimatums if isinstance(u.demand, Condition)}
    for i, agreement in enumerate(n.agreements):
        path = f"agreements[{i}]"
        for name in ("signatories", "witnesses", "guarantors"):
            checker._parties(getattr(agreement, name), path, ".", name)
        for j, provision in enumerate(agreement.provisions):
            here = f"{path}.provisions[{j}]"
            if provision.id in seen:
                checker.out.append(
                    (f"{here}.id", f"condition id {provision.id!r} is already used")
                )
            seen.add(provision.id)
            checker._condition(here, provision)
        if agreement.from_proposal is not None:
            checker._ref(
                agreement.from_proposal,
                checker.proposals.keys(),
                "proposal",
                path,
                ".from_proposal",
            )
        if agreement.round is not None and agreement.round not in checker.rounds:
            checker.out.append((f"{path}.round", f"unknown round {agreement.round}"))
        for name in ("amends", "supersedes"):
            for j, other in enumerate(getattr(agreement, name)):
                if other != agreement.id:  # itself: reported by the agreement
                    checker._ref(
                        other, agreement_ids, "agreement", path, f".{name}[{j}]"
                    )
        for j, phase in enumerate(agreement.phases):
            checker._sources(phase.sources, path, ".phases[", j, "]")
        _revisions(checker, path, agreement.revisions)
        checker._history(path, agreement.history)
        checker._sources(agreement.sources, path)
    for i, milestone in enumerate(n.milestones):
        path = f"milestones[{i}]"
        checker._parties(milestone.set_by, path, ".set_by")
        checker._parties(milestone.applies_to, path, ".applies_to")
        if milestone.agreement is not None:
            checker._ref(
                milestone.agreement, agreement_ids, "agreement", path, ".agreement"
            )
        for j, alternative in enumerate(milestone.alternatives):
            checker._sources(alternative.sources, path, ".alternatives[", j, "]")
        _revisions(checker, path, milestone.revisions)
        checker._history(path, milestone.history)
        checker._sources(milestone.sources, path)
    for i, vote in enumerate(n.votes):
        path = f"votes[{i}]"
        if vote.party is not None:
            checker._party(vote.party, path, ".party")
        if vote.subject is not None:
            checker._ref(
                vote.subject,
                subjects,
                "proposal, agreement, ultimatum or milestone",
                path,
                ".subject",
            )
        checker._sources(vote.sources, path)
    for i, action in enumerate(n.actions):
        path = f"actions[{i}]"
        checker._parties(action.by, path, ".by")
        checker._parties(action.toward, path, ".toward")
        checker._sources(action.sources, path)
    return list(checker.out)
