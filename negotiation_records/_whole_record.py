"""
The whole-record checks of a negotiation (private): what no single record can
check, run by ``Negotiation._problems`` and, for one record added to a checked
negotiation, by its ``with_*`` methods.

Every reference is checked: party ids, round numbers, proposal ids (a
counter-proposal's, an agreement's ``from_proposal``), agreement ids
(``amends``, ``supersedes``, a milestone's ``agreement``), a vote's ``subject``
(a proposal, agreement, ultimatum or milestone), statement ids and source ids.
Ids are unique within each collection and round numbers among the rounds; a
condition's id is unique among all conditions (the negotiation's, proposals'
terms, ultimatums' demands, agreements' provisions).  A proposal made in a
round is dated inside it, a counter-proposal not before what it counters,
a vote not before what it is on was first dated, a milestone not set
before the agreement that sets it was, and an agreement not superseded
before every text that supersedes it was; no proposals counter
each other in a circle, nor agreements amend or supersede each other in one.

A valid record has hundreds of references and nothing to report, so the paths
are built only for a message, and empty collections are skipped unvisited.
A negotiation read from a document does not walk them at all when it can
help it: the compiled loaders note each value of a field declared with
``refers_to`` as they read it (:mod:`negotiation_records._references`), and
when :meth:`Checker.knows` finds every one of them known, only the rules that
are not about references run.  The walk below is what decides, and says
where, whenever anything is amiss; a test checks that it looks at exactly
the fields declared as references.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from negotiation_records import _lookup
from negotiation_records._condition_paths import condition_ids, condition_paths
from negotiation_records._values import short_repr, with_article
from negotiation_records._version_2_rules import COUNTER_CIRCLE, MEMBER_CIRCLE
from negotiation_records.conditions import Condition
from negotiation_records.history import first_dated_index
from negotiation_records.timeutil import (
    Moment,
    is_before,
    moment_sort_key,
    moment_text,
)


if TYPE_CHECKING:  # pragma: no cover
    from negotiation_records._references import References
    from negotiation_records.actions import Action
    from negotiation_records.agreements import Agreement
    from negotiation_records.deadlines import DeadlineRevision
    from negotiation_records.history import StatusChange
    from negotiation_records.milestones import Milestone
    from negotiation_records.negotiation import Negotiation
    from negotiation_records.parties import Party
    from negotiation_records.proposals import Proposal
    from negotiation_records.rounds import Quantity, Round
    from negotiation_records.sources import Statement
    from negotiation_records.stances import Position, Response
    from negotiation_records.ultimatums import Ultimatum
    from negotiation_records.votes import Vote


__all__ = ["Checker"]


def _joined(parts: tuple[object, ...]) -> str:
    return "".join(map(str, parts))


#: The collections a vote may decide on, with the noun of their records.
_SUBJECTS = (
    ("proposals", "proposal"),
    ("ultimatums", "ultimatum"),
    ("agreements", "agreement"),
    ("milestones", "milestone"),
)
_SUBJECT_COLLECTIONS = frozenset(name for name, _ in _SUBJECTS)
#: How each kind of subject is first dated, in words, and the attribute that
#: dates it (the date a snapshot first knows it by: an agreement has no date
#: of its own, only its history; a milestone's steps may come long after it
#: was set, so only ``set_on`` counts, or else the first date of the agreement
#: that sets it).
_FIRST_DATED: Final = {
    "proposal": ("made", "made_on"),
    "ultimatum": ("issued", "issued_at"),
    "agreement": ("first dated", "first_dated"),
    "milestone": ("set", "set_on"),
}
_SHARED_SUBJECT = (
    "a vote's subject must name one record; give the records different ids"
)


def _a_list(nouns: list[str]) -> str:
    """``a proposal and an agreement``, ``a proposal, an ultimatum and ...``."""
    named = [with_article(noun) for noun in nouns]
    return ", ".join(named[:-1]) + " and " + named[-1]


class _Subjects:
    """
    The ids a vote may decide on: those of proposals, ultimatums, agreements
    and milestones (what ``in`` asks), read through the negotiation's index
    (:meth:`indexed`) or listed (:meth:`listed`).
    """

    __slots__ = ("_named",)

    def __init__(self, named: list[tuple[str, Container[object]]]) -> None:
        self._named = named

    @classmethod
    def indexed(cls, negotiation: Negotiation) -> _Subjects:
        """The ids, read through *negotiation*'s lookup index."""
        return cls(
            [(noun, _lookup.Keyed(negotiation, name)) for name, noun in _SUBJECTS]
        )

    @classmethod
    def listed(cls, negotiation: Negotiation) -> _Subjects:
        """The records by id, listed once (the first of repeats)."""
        return cls(
            [
                (noun, {r.id: r for r in reversed(getattr(negotiation, name))})
                for name, noun in _SUBJECTS
            ]
        )

    def __contains__(self, key: object) -> bool:
        return any(key in ids for _, ids in self._named)

    def kinds(self, key: object) -> list[str]:
        """The nouns of the records *key* is the id of (one, for a subject)."""
        return [noun for noun, ids in self._named if key in ids]

    def first_dated(self, key: object) -> tuple[str, str, Moment] | None:
        """
        The noun of the one record *key* names, how it was first dated, in
        words, and when (:data:`_FIRST_DATED`; ``None``: no one record, or
        not dated).
        """
        found = [(noun, ids) for noun, ids in self._named if key in ids]
        if len(found) != 1:
            return None
        noun, records = found[0]
        words, name = _FIRST_DATED[noun]
        record = records[key]  # type: ignore[index]
        first: Moment | None = getattr(record, name)
        if first is None and noun == "milestone" and record.agreement is not None:
            # Not set before the agreement that sets it was first dated.
            texts = next(ids for kind, ids in self._named if kind == "agreement")
            if record.agreement in texts:
                first = texts[record.agreement].first_dated  # type: ignore[index]
                words = (
                    f"set by the agreement {short_repr(record.agreement)}, first dated"
                )
        return None if first is None else (noun, words, first)


class Checker:
    """
    Collects the whole-record problems of a negotiation in :attr:`out`.

    :meth:`problems` checks the whole record; :meth:`over_index` and
    :meth:`item` check one record added to a checked negotiation.
    """

    party_ids: set[str] | _lookup.Keyed
    rounds: dict[int, Round] | _lookup.Keyed
    proposals: dict[str, Proposal] | _lookup.Keyed
    statement_ids: set[str] | _lookup.Keyed
    source_ids: set[str] | _lookup.Keyed

    def __init__(self, negotiation: Negotiation) -> None:
        self.n = negotiation
        self.out: list[tuple[str, str]] = []
        self.party_ids = {p.id for p in negotiation.parties}
        # by key, the first of duplicates (reported by _unique) winning
        self.rounds = {r.number: r for r in reversed(negotiation.rounds)}
        self.proposals = {p.id: p for p in reversed(negotiation.proposals)}
        self.statement_ids = {s.id for s in negotiation.statements}
        self.source_ids = {s.id for s in negotiation.sources}

    @classmethod
    def over_index(cls, negotiation: Negotiation) -> Checker:
        """A checker that reads the ids through *negotiation*'s lookup index."""
        checker = cls.__new__(cls)
        checker.n = negotiation
        checker.out = []
        checker.party_ids = _lookup.Keyed(negotiation, "parties")
        checker.rounds = _lookup.Keyed(negotiation, "rounds")
        checker.proposals = _lookup.Keyed(negotiation, "proposals")
        checker.statement_ids = _lookup.Keyed(negotiation, "statements")
        checker.source_ids = _lookup.Keyed(negotiation, "sources")
        return checker

    def knows(self, references: References) -> bool:
        """
        Whether every reference of *references* (those a compiled loader noted
        while it read the negotiation's records, all of them) names a record
        of the negotiation.
        """
        if not references.complete:
            return False
        if not (
            self.party_ids.issuperset(references.party)
            and self.source_ids.issuperset(references.source)
            and self.statement_ids.issuperset(references.statement)
            and all(number in self.rounds for number in references.round)
            and all(id_ in self.proposals for id_ in references.proposal)
        ):
            return False
        n = self.n
        if references.agreement and not {a.id for a in n.agreements}.issuperset(
            references.agreement
        ):
            return False
        if not references.subject:
            return True
        subjects = _Subjects.listed(n)  # each names one record: known, not shared
        return all(len(subjects.kinds(key)) == 1 for key in set(references.subject))

    def problems(self, *, references_known: bool = False) -> list[tuple[str, str]]:
        """
        Every whole-record problem of the negotiation, collection by collection.

        With *references_known* (:meth:`knows` said so), the references are
        not looked at again: only the rules that are not about references run
        (unique ids and round numbers, a proposal's dates against its round
        and the proposal it counters, a vote's against its subject), and they
        report what they would report
        in the whole check, in the same order.
        """
        n = self.n
        self._unique("parties", [p.id for p in n.parties], "party id")
        self._unique(
            "rounds", [r.number for r in n.rounds], "round number", field="number"
        )
        self._unique("proposals", [p.id for p in n.proposals], "proposal id")
        self._unique("ultimatums", [u.id for u in n.ultimatums], "ultimatum id")
        self._unique("statements", [s.id for s in n.statements], "statement id")
        self._unique("sources", [s.id for s in n.sources], "source id")
        ids = condition_ids(n)
        if len(set(ids)) != len(ids):  # only then the walk that names each repeat
            seen: dict[str, str] = {}
            for path, condition in condition_paths(n, provisions=False):
                if condition.id in seen:
                    self.out.append(
                        (
                            f"{path}.id",
                            f"condition id {condition.id!r} is already used at {seen[condition.id]}",
                        )
                    )
                else:
                    seen[condition.id] = path

        if references_known:
            self._member_circles()
            for i, proposal in enumerate(n.proposals):
                if proposal.round is not None or proposal.counter_to is not None:
                    path = f"proposals[{i}]"  # else neither has a date to check
                    self._round_dates(path, proposal)
                    self._counter_dates(path, proposal)
            self._counter_circles()
            self._new_records(references_known=True)
            self._agreement_circles()
            self._superseded_dates()
            return self.out
        for i, party in enumerate(n.parties):
            self._party_record(i, party)
        self._member_circles()
        for path, condition in condition_paths(n, provisions=False):
            self._condition(path, condition)
        for i, rnd in enumerate(n.rounds):
            self._round(f"rounds[{i}]", rnd)
        for i, proposal in enumerate(n.proposals):
            self._proposal(f"proposals[{i}]", proposal)
        self._counter_circles()
        for i, ultimatum in enumerate(n.ultimatums):
            self._ultimatum(f"ultimatums[{i}]", ultimatum)
        for i, statement in enumerate(n.statements):
            self._statement_record(i, statement)
        self._history("", n.history)
        self._new_records()
        self._agreement_circles()
        self._superseded_dates()
        return self.out

    def item(self, name: str, position: int, item: Any) -> None:
        """
        The problems of the one record *item*, at *position* of the collection
        *name*, against the rest (:meth:`Negotiation._changed`; the uniqueness
        of its key and of its conditions' ids is checked by the caller).
        """
        path = f"{name}[{position}]"
        if name == "parties":
            self._party_record(position, item)
            if item.members:
                self._member_circles()
        elif name == "statements":
            self._statement_record(position, item)
        elif name == "conditions":
            self._condition(path, item)
        elif name == "rounds":
            self._round(path, item)
        elif name == "proposals":
            for index, term in enumerate(item.terms):
                self._condition(f"{path}.terms[{index}]", term)
            self._proposal(path, item)
        elif name == "ultimatums":
            if isinstance(item.demand, Condition):
                self._condition(f"{path}.demand", item.demand)
            self._ultimatum(path, item)
        elif name == "agreements":  # its provisions' ids: checked by the caller
            self._agreement(path, item, _lookup.Keyed(self.n, "agreements"))
            if item.supersedes:
                self._superseded_dates(item.supersedes)
        elif name == "milestones":
            self._milestone(path, item, _lookup.Keyed(self.n, "agreements"))
        elif name == "votes":
            self._vote(path, item, _Subjects.indexed(self.n))
        elif name == "actions":
            self._action(path, item)
        # a source cites nothing
        recheck: set[str] = set()  # the subjects of votes to date again
        if name == "agreements" and any(
            m.agreement == item.id for m in self.n.milestones
        ):  # an agreement replaced: first dated after a milestone it sets?
            texts = _lookup.Keyed(self.n, "agreements")
            for i, milestone in enumerate(self.n.milestones):
                if milestone.agreement == item.id:
                    self._milestone_date(f"milestones[{i}]", milestone, texts)
                    if milestone.set_on is None:  # it dates votes on it
                        recheck.add(milestone.id)
        if name in _SUBJECT_COLLECTIONS and any(
            vote.subject == item.id for vote in self.n.votes
        ):
            if len(_Subjects.indexed(self.n).kinds(item.id)) > 1:  # made ambiguous
                self.out.append((f"{path}.id", _SHARED_SUBJECT))
            else:  # a milestone replaced: set after a vote on it?
                recheck.add(item.id)
        if recheck:
            subjects = _Subjects.indexed(self.n)
            for i, vote in enumerate(self.n.votes):
                if vote.subject in recheck:
                    self._vote_date(f"votes[{i}]", vote, subjects)

    def _party_record(self, i: int, party: Party) -> None:
        if party.sources:
            self._sources(party.sources, "parties[", i, "]")
        for j, rep in enumerate(party.representatives):
            if rep.sources:
                self._sources(rep.sources, "parties[", i, "].representatives[", j, "]")
        for j, member in enumerate(party.members):
            if member.party not in self.party_ids:
                self._party(member.party, "parties[", i, "].members[", j, "].party")
            if member.sources:
                self._sources(member.sources, "parties[", i, "].members[", j, "]")

    def _statement_record(self, i: int, statement: Statement) -> None:
        if statement.party is not None:
            if statement.party not in self.party_ids:
                self._party(statement.party, "statements[", i, "].party")
        if statement.source is not None:
            self._ref(
                statement.source,
                self.source_ids,
                "source",
                "statements[",
                i,
                "].source",
            )
        if statement.sources:
            self._sources(statement.sources, "statements[", i, "]")

    # helpers -------------------------------------------------------------------

    def _unique(
        self, path: str, keys: list[object], noun: str, field: str = "id"
    ) -> None:
        if len(set(keys)) == len(keys):  # none repeats (the commonest): in C
            return
        first_at: dict[object, int] = {}
        for index, key in enumerate(keys):
            first = first_at.setdefault(key, index)
            if first != index:
                self.out.append(
                    (
                        f"{path}[{index}].{field}",
                        f"{noun} {short_repr(key)} is already used by {path}[{first}]",
                    )
                )

    # The reference helpers take the path as parts, joined only for a message:
    # a valid record has hundreds of references and no message to write.

    def _ref(
        self, value: str, known: Container[object], noun: str, *path: object
    ) -> None:
        if value not in known:
            self.out.append((_joined(path), f"unknown {noun} {value!r}"))

    def _party(self, value: str, *path: object) -> None:
        if value not in self.party_ids:
            self._ref(value, self.party_ids, "party", *path)

    def _parties(self, values: tuple[str, ...], *path: object) -> None:
        if self.party_ids.issuperset(values):  # the usual case: no path to build
            return
        for index, value in enumerate(values):
            if value not in self.party_ids:
                self._party(value, *path, "[", index, "]")

    def _sources(self, values: tuple[str, ...], *path: object) -> None:
        if self.source_ids.issuperset(values):
            return
        for index, value in enumerate(values):
            self._ref(value, self.source_ids, "source", *path, ".sources[", index, "]")

    def _statement(self, value: str | None, *path: object) -> None:
        if value is not None and value not in self.statement_ids:
            self._ref(value, self.statement_ids, "statement", *path)

    def _history(self, path: str, history: tuple[StatusChange, ...]) -> None:
        for index, change in enumerate(history):
            here = (path, "." if path else "", "history[", index, "]")
            if change.by:
                self._parties(change.by, *here, ".by")
            if change.sources:
                self._sources(change.sources, *here)

    def _responses(self, path: str, responses: tuple[Response, ...]) -> None:
        for index, response in enumerate(responses):
            self._stance(response, path, ".responses[", index, "]")

    def _stance(self, taken: Response | Position, *here: object) -> None:
        """The references of a response or a position: party, statement, sources."""
        if taken.party not in self.party_ids:
            self._party(taken.party, *here, ".party")
        if taken.statement is not None:
            self._statement(taken.statement, *here, ".statement")
        if taken.sources:
            self._sources(taken.sources, *here)

    def _quantities(self, quantities: tuple[Quantity, ...], *path: object) -> None:
        """The parties that give and receive each quantity."""
        for index, quantity in enumerate(quantities):
            here = (*path, ".quantities[", index, "]")
            if quantity.given_by:
                self._parties(quantity.given_by, *here, ".given_by")
            if quantity.received_by:
                self._parties(quantity.received_by, *here, ".received_by")

    def _condition(self, path: str, condition: Condition) -> None:
        if condition.demanded_by is not None:
            if condition.demanded_by not in self.party_ids:
                self._party(condition.demanded_by, path, ".demanded_by")
        if condition.addressed_to:
            self._parties(condition.addressed_to, path, ".addressed_to")
        if condition.sources:
            self._sources(condition.sources, path)
        for index, position in enumerate(condition.positions):
            self._stance(position, path, ".positions[", index, "]")

    def _round(self, path: str, rnd: Round) -> None:
        if rnd.hosts:
            self._parties(rnd.hosts, path, ".hosts")
        if rnd.mediators:
            self._parties(rnd.mediators, path, ".mediators")
        for index, delegation in enumerate(rnd.delegations):
            if delegation.party not in self.party_ids:
                self._party(delegation.party, path, ".delegations[", index, "].party")
        for index, outcome in enumerate(rnd.outcomes):
            if outcome.parties:
                self._parties(outcome.parties, path, ".outcomes[", index, "].parties")
            if outcome.quantities:
                self._quantities(outcome.quantities, path, ".outcomes[", index, "]")
            if outcome.sources:
                self._sources(outcome.sources, path, ".outcomes[", index, "]")
        self._history(path, rnd.history)
        if rnd.sources:
            self._sources(rnd.sources, path)

    def _proposal(self, path: str, proposal: Proposal) -> None:
        if proposal.proposed_by:
            self._parties(proposal.proposed_by, path, ".proposed_by")
        if proposal.addressed_to:
            self._parties(proposal.addressed_to, path, ".addressed_to")
        if proposal.round is not None and proposal.round not in self.rounds:
            self.out.append(
                (f"{path}.round", f"unknown round {short_repr(proposal.round)}")
            )
        self._round_dates(path, proposal)
        if proposal.counter_to is not None:
            self._ref(
                proposal.counter_to,
                self.proposals.keys(),
                "proposal",
                path,
                ".counter_to",
            )
        self._counter_dates(path, proposal)
        self._responses(path, proposal.responses)
        self._history(path, proposal.history)
        if proposal.sources:
            self._sources(proposal.sources, path)

    def _round_dates(self, path: str, proposal: Proposal) -> None:
        """A proposal made in a known round is dated inside it."""
        if proposal.round is not None and proposal.round in self.rounds:
            rnd = self.rounds[proposal.round]
            if rnd.starts is not None and not rnd.covers(proposal.made_on):
                span = moment_text(rnd.starts) + (
                    f" to {moment_text(rnd.ends)}" if rnd.ends is not None else ""
                )
                self.out.append(
                    (
                        f"{path}.made_on",
                        f"{moment_text(proposal.made_on)} is outside round {short_repr(rnd.number)} ({span})",
                    )
                )

    def _counter_dates(self, path: str, proposal: Proposal) -> None:
        """A counter-proposal is not dated before the known proposal it counters."""
        if proposal.counter_to is not None and proposal.counter_to in self.proposals:
            original = self.proposals[proposal.counter_to]
            if is_before(proposal.made_on, original.made_on):
                self.out.append(
                    (
                        f"{path}.made_on",
                        f"a counter-proposal ({moment_text(proposal.made_on)}) cannot predate the "
                        f"proposal it counters ({moment_text(original.made_on)})",
                    )
                )

    def _counter_circles(self) -> None:
        """
        No proposals counter each other in a circle (each answers an earlier
        one; one that counters itself is refused by the proposal).  Each
        circle is reported once, at the first of its proposals in the record.
        """
        links: dict[str, list[tuple[str, str]]] = {}
        for proposal in self.n.proposals:
            target = proposal.counter_to
            if target is not None and target != proposal.id:
                links.setdefault(proposal.id, []).append((target, ".counter_to"))
        self._report_circles(
            "proposals",
            self.n.proposals,
            links,
            lambda ordered: COUNTER_CIRCLE.format(
                circle=_circle_text(ordered, " counters ")
            ),
        )

    def _agreement_circles(self) -> None:
        """
        No agreements amend or supersede each other in a circle (a text
        amends or replaces an earlier one; one that names itself is refused
        by the agreement).  Each circle is reported once, at the link from
        the first of its agreements in the record.
        """
        if len(self.n.agreements) < 2:  # a circle needs two (see _report_circles)
            return
        links: dict[str, list[tuple[str, str]]] = {}
        for agreement in self.n.agreements:
            for name in ("amends", "supersedes"):
                for j, other in enumerate(getattr(agreement, name)):
                    if other != agreement.id:
                        links.setdefault(agreement.id, []).append(
                            (other, f".{name}[{j}]")
                        )
        self._report_circles(
            "agreements",
            self.n.agreements,
            links,
            lambda ordered: (
                "agreements amend or supersede each other in a circle ("
                + _circle_text(ordered, " -> ")
                + "); a text amends or replaces an earlier one"
            ),
        )

    def _superseded_dates(self, only: Container[str] | None = None) -> None:
        """
        No agreement is superseded (a dated ``superseded`` step) before every
        agreement that names it in ``supersedes`` was first dated: the text
        that replaced it did not exist yet.  *only*: the ids of the
        agreements to check (all of them by default).
        """
        agreements = self.n.agreements
        if len(agreements) < 2 or not any(a.supersedes for a in agreements):
            return
        firsts: dict[str, list[tuple[str, Moment | None]]] = {}
        for other in agreements:
            for target in other.supersedes:
                firsts.setdefault(target, []).append((other.id, other.first_dated))
        for i, agreement in enumerate(agreements):
            named = firsts.get(agreement.id)
            if not named or (only is not None and agreement.id not in only):
                continue
            dated = [(first, by) for by, first in named if first is not None]
            if len(dated) < len(named):
                continue  # an undated text may have been there
            first, by = min(dated, key=lambda pair: moment_sort_key(pair[0]))
            for j, step in enumerate(agreement.history):
                if (
                    step.status.value == "superseded"
                    and step.on is not None
                    and all(is_before(step.on, when) for when, _ in dated)
                ):
                    self.out.append(
                        (
                            f"agreements[{i}].history[{j}].on",
                            f"agreement {short_repr(agreement.id)} cannot be "
                            f"superseded ({moment_text(step.on)}) before the "
                            f"agreement that supersedes it, {short_repr(by)}, "
                            f"was first dated ({moment_text(first)})",
                        )
                    )

    def _member_circles(self) -> None:
        """
        No coalitions are members of each other in a circle, whatever the
        dates of the memberships (a coalition that is its own member is
        refused by the party).  Each circle is reported once, at the
        membership of the first of its coalitions in the record.
        """
        links: dict[str, list[tuple[str, str]]] = {}
        for party in self.n.parties:
            for j, member in enumerate(party.members):
                if member.party != party.id:
                    links.setdefault(party.id, []).append(
                        (member.party, f".members[{j}].party")
                    )
        self._report_circles(
            "parties",
            self.n.parties,
            links,
            lambda ordered: MEMBER_CIRCLE.format(circle=_circle_text(ordered, " -> ")),
        )

    def _report_circles(
        self,
        name: str,
        records: Sequence[Any],
        links: dict[str, list[tuple[str, str]]],
        message: Callable[[list[str]], str],
    ) -> None:
        """
        Each circle of *links* among *records* (the record's list *name*),
        once (:func:`_circles`), at the link from its first record in the
        list, with *message* of its ids in order.
        """
        if len(links) < 2:  # a circle needs two records that link (see _circles)
            return
        positions = {r.id: i for i, r in reversed(list(enumerate(records)))}
        for ordered, field in _circles(links, positions):
            self.out.append(
                (f"{name}[{positions[ordered[0]]}]{field}", message(ordered))
            )

    def _ultimatum(self, path: str, ultimatum: Ultimatum) -> None:
        if ultimatum.issued_by not in self.party_ids:
            self._party(ultimatum.issued_by, path, ".issued_by")
        if ultimatum.addressed_to:
            self._parties(ultimatum.addressed_to, path, ".addressed_to")
        for index, consequence in enumerate(ultimatum.consequences):
            here = (path, ".consequences[", index, "]")
            if consequence.target_parties:
                self._parties(consequence.target_parties, *here, ".target_parties")
            if consequence.sources:
                self._sources(consequence.sources, *here)
        for index, revision in enumerate(ultimatum.revisions):
            here = (path, ".revisions[", index, "]")
            if revision.statement is not None:
                self._statement(revision.statement, *here, ".statement")
            if revision.sources:
                self._sources(revision.sources, *here)
        self._responses(path, ultimatum.responses)
        self._history(path, ultimatum.history)
        if ultimatum.sources:
            self._sources(ultimatum.sources, path)

    def _provision_id(
        self, path: str, provision: Condition, seen: dict[str, str]
    ) -> None:
        """
        An agreement's provision has a condition id not used before (*seen*:
        each id used, with the path of its first use, named in the message).
        """
        first = seen.setdefault(provision.id, path)
        if first != path:
            self.out.append(
                (
                    f"{path}.id",
                    f"condition id {provision.id!r} is already used at {first}",
                )
            )

    def _revisions(self, path: str, revisions: tuple[DeadlineRevision, ...]) -> None:
        for index, revision in enumerate(revisions):
            here = (path, ".revisions[", index, "]")
            if revision.statement is not None:
                self._statement(revision.statement, *here, ".statement")
            if revision.sources:
                self._sources(revision.sources, *here)

    def _new_records(self, *, references_known: bool = False) -> None:
        """
        The agreements, milestones, votes and actions of the negotiation (with
        *references_known*, only their unique ids and provision ids).
        """
        n = self.n
        if not (n.agreements or n.milestones or n.votes or n.actions):
            return  # none of them: nothing to check (the commonest)
        self._unique("agreements", [a.id for a in n.agreements], "agreement id")
        self._unique("milestones", [m.id for m in n.milestones], "milestone id")
        self._unique("votes", [v.id for v in n.votes], "vote id")
        self._unique("actions", [a.id for a in n.actions], "action id")
        seen: dict[str, str] = {}  # the condition ids, once there are provisions
        if any(agreement.provisions for agreement in n.agreements):
            seen = _condition_places(n)
        if references_known:
            for i, agreement in enumerate(n.agreements):
                for j, provision in enumerate(agreement.provisions):
                    here = f"agreements[{i}].provisions[{j}]"
                    self._provision_id(here, provision, seen)
            if any(m.agreement is not None for m in n.milestones):
                texts = {a.id: a for a in reversed(n.agreements)}
                for i, milestone in enumerate(n.milestones):
                    self._milestone_date(f"milestones[{i}]", milestone, texts)
            if any(vote.subject is not None for vote in n.votes):
                known = _Subjects.listed(n)  # each subject names one record
                for i, vote in enumerate(n.votes):
                    if vote.subject is not None:
                        self._vote_date(f"votes[{i}]", vote, known)
            return
        agreement_ids = {a.id: a for a in reversed(n.agreements)}  # first wins
        subjects = _Subjects.listed(n) if n.votes else _Subjects([])
        for i, agreement in enumerate(n.agreements):
            self._agreement(f"agreements[{i}]", agreement, agreement_ids, seen)
        for i, milestone in enumerate(n.milestones):
            self._milestone(f"milestones[{i}]", milestone, agreement_ids)
        for i, vote in enumerate(n.votes):
            self._vote(f"votes[{i}]", vote, subjects)
        for i, action in enumerate(n.actions):
            self._action(f"actions[{i}]", action)

    def _agreement(
        self,
        path: str,
        agreement: Agreement,
        agreement_ids: Container[object],
        seen: dict[str, str] | None = None,
    ) -> None:
        """
        The references of *agreement*, and its provisions' ids against the
        condition ids *seen* before, with their places (``None``: checked by
        the caller).
        """
        for name in ("signatories", "witnesses", "guarantors"):
            self._parties(getattr(agreement, name), path, ".", name)
        for j, provision in enumerate(agreement.provisions):
            here = f"{path}.provisions[{j}]"
            if seen is not None:
                self._provision_id(here, provision, seen)
            self._condition(here, provision)
        if agreement.from_proposal is not None:
            self._ref(
                agreement.from_proposal,
                self.proposals.keys(),
                "proposal",
                path,
                ".from_proposal",
            )
        if agreement.round is not None and agreement.round not in self.rounds:
            self.out.append(
                (f"{path}.round", f"unknown round {short_repr(agreement.round)}")
            )
        for name in ("amends", "supersedes"):
            for j, other in enumerate(getattr(agreement, name)):
                if other != agreement.id:  # itself: reported by the agreement
                    self._ref(other, agreement_ids, "agreement", path, f".{name}[{j}]")
        for j, phase in enumerate(agreement.phases):
            if phase.sources:
                self._sources(phase.sources, path, ".phases[", j, "]")
        self._revisions(path, agreement.revisions)
        self._history(path, agreement.history)
        if agreement.sources:
            self._sources(agreement.sources, path)

    def _milestone(
        self,
        path: str,
        milestone: Milestone,
        agreement_ids: Mapping[str, Agreement] | _lookup.Keyed,
    ) -> None:
        if milestone.set_by:
            self._parties(milestone.set_by, path, ".set_by")
        if milestone.applies_to:
            self._parties(milestone.applies_to, path, ".applies_to")
        if milestone.agreement is not None:
            self._ref(
                milestone.agreement, agreement_ids, "agreement", path, ".agreement"
            )
            self._milestone_date(path, milestone, agreement_ids)
        for j, alternative in enumerate(milestone.alternatives):
            if alternative.sources:
                self._sources(alternative.sources, path, ".alternatives[", j, "]")
        self._revisions(path, milestone.revisions)
        self._history(path, milestone.history)
        if milestone.sources:
            self._sources(milestone.sources, path)

    def _milestone_date(
        self,
        path: str,
        milestone: Milestone,
        agreements: Mapping[str, Agreement] | _lookup.Keyed,
    ) -> None:
        """
        A milestone is not first dated (set, or else its first dated status
        change) before the agreement that sets it was first dated, nor its
        deadline revised before then.
        """
        text, when = milestone.agreement, milestone.first_dated
        if text is None or text not in agreements:
            return
        first: Moment | None = agreements[text].first_dated
        if first is None:
            return
        after = f"the agreement, {short_repr(text)} (first dated {moment_text(first)})"
        if when is not None and is_before(when, first):
            if milestone.set_on is not None:
                where = ".set_on"
            else:  # the first dated change, as first_dated reads it
                where = f".history[{first_dated_index(milestone.history)}].on"
            self.out.append(
                (
                    f"{path}{where}",
                    f"a milestone an agreement sets ({moment_text(when)}) "
                    f"cannot predate {after}",
                )
            )
        set_on = milestone.set_on
        for j, revision in enumerate(milestone.revisions):
            on = revision.revised_on
            if is_before(on, first) and (set_on is None or not is_before(on, set_on)):
                self.out.append(  # (one before set_on: refused by the milestone)
                    (
                        f"{path}.revisions[{j}].revised_on",
                        f"a milestone an agreement sets cannot be revised "
                        f"({moment_text(on)}) before {after}",
                    )
                )

    def _vote(self, path: str, vote: Vote, subjects: _Subjects) -> None:
        if vote.party is not None:
            self._party(vote.party, path, ".party")
        if vote.subject is not None:
            kinds = subjects.kinds(vote.subject)
            if not kinds:
                self._ref(
                    vote.subject,
                    subjects,
                    "proposal, agreement, ultimatum or milestone",
                    path,
                    ".subject",
                )
            elif len(kinds) > 1:
                self.out.append(
                    (
                        f"{path}.subject",
                        f"{short_repr(vote.subject)} is the id of "
                        f"{_a_list(kinds)}: {_SHARED_SUBJECT}",
                    )
                )
            else:
                self._vote_date(path, vote, subjects)
        if vote.sources:
            self._sources(vote.sources, path)

    def _vote_date(self, path: str, vote: Vote, subjects: _Subjects) -> None:
        """A vote is not dated before the record it is on was first dated."""
        dated = subjects.first_dated(vote.subject)
        if dated is not None and is_before(vote.on, dated[2]):
            noun, words, first = dated
            self.out.append(
                (
                    f"{path}.on",
                    f"a vote ({moment_text(vote.on)}) cannot predate the {noun} it "
                    f"is on, {short_repr(vote.subject)} ({words} {moment_text(first)})",
                )
            )

    def _action(self, path: str, action: Action) -> None:
        if action.by:
            self._parties(action.by, path, ".by")
        if action.toward:
            self._parties(action.toward, path, ".toward")
        if action.quantities:
            self._quantities(action.quantities, path)
        if action.sources:
            self._sources(action.sources, path)


#: The most links of a circle a message lists: a longer circle (a document
#: may hold thousands of records in one) is cut in the middle.
_CIRCLE_SHOWN: Final = 10


def _circle_text(ordered: list[str], separator: str) -> str:
    """
    The ids of a circle in order, back to the first, joined by *separator*;
    of a long circle the first and the last few, with how many are left out.
    """
    if len(ordered) <= _CIRCLE_SHOWN + 1:
        return separator.join(repr(ident) for ident in ordered)
    half = _CIRCLE_SHOWN // 2
    head = separator.join(repr(ident) for ident in ordered[:half])
    tail = separator.join(repr(ident) for ident in ordered[-half:])
    left_out = len(ordered) - 2 * half
    return f"{head}{separator}... {left_out:,} more ...{separator}{tail}"


def _circles(
    links: dict[str, list[tuple[str, str]]], positions: dict[str, int]
) -> list[tuple[list[str], str]]:
    """
    Each circle of *links* (record id to the ids it names, each with the
    field that names it), once, as the ids from the first of them in the
    record (*positions*: each id's first index) round to it again, with the
    field of that first record's link in the circle.  The walk is linear in
    the number of links.
    """
    found: list[tuple[list[str], str]] = []
    if len(links) < 2:  # a circle needs two records that link
        return found
    seen: set[tuple[str, ...]] = set()  # each circle once, by any link
    state: dict[str, int] = {}  # 1: on the walk, 2: done
    for start in links:
        if start in state:
            continue
        walk: list[tuple[str, int]] = [(start, 0)]
        state[start] = 1
        while walk:
            here, next_link = walk[-1]
            out = links.get(here, [])
            if next_link == len(out):
                state[here] = 2
                walk.pop()
                continue
            walk[-1] = (here, next_link + 1)
            other = out[next_link][0]
            if state.get(other) == 1:  # back to the walk: a circle
                ids = [ident for ident, _ in walk]
                circle = ids[ids.index(other) :]
                taken = dict(walk)  # each record's link followed: the one before
                first = min(circle, key=positions.__getitem__)
                turn = circle.index(first)
                ordered = circle[turn:] + circle[:turn] + [first]
                if tuple(ordered) not in seen:
                    seen.add(tuple(ordered))
                    found.append((ordered, links[first][taken[first] - 1][1]))
            elif other not in state and other in positions:
                state[other] = 1
                walk.append((other, 0))
    return found


def _condition_places(n: Negotiation) -> dict[str, str]:
    """
    Each condition id of *n* that is not a provision's
    (:func:`~negotiation_records._condition_paths.condition_paths`), with the
    path of its first use.
    """
    places: dict[str, str] = {}
    for path, condition in condition_paths(n, provisions=False):
        places.setdefault(condition.id, path)
    return places
