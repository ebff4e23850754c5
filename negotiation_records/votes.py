"""
Votes: a body deciding on a text — a parliament, a cabinet, a union's
members, the Security Council.

Where a :class:`Vote`'s counts and its :class:`Threshold` decide the result,
the recorded ``result`` must agree with them (:func:`decided_result`):

* ``simple-majority`` — of those voting: passed when ``yes > no``
  (abstentions do not count); needs ``yes`` and ``no``;
* ``absolute-majority`` — of the members: passed when ``yes > members / 2``;
  needs ``yes`` and ``members``;
* ``two-thirds`` — of those voting, with at least one vote for: passed when
  ``yes > 0 and 3 * yes >= 2 * (yes + no)`` (no votes for and none against
  fails); needs ``yes`` and ``no``;
* ``two-thirds-of-members`` — of the members (a federal constitutional law
  in the Russian State Duma, 300 of 450): passed when
  ``3 * yes >= 2 * members``; needs ``yes`` and ``members``;
* ``three-fifths`` — of the members (a US Senate cloture vote, 60 of 100):
  passed when ``5 * yes >= 3 * members``; needs ``yes`` and ``members``;
* ``unanimity`` — no one votes against and at least one votes for:
  passed when ``no == 0 and yes > 0`` (an abstention does not block, as in
  the Council of the EU); needs ``yes`` and ``no``;
* ``consensus`` and ``other`` — the counts do not decide; any result is
  accepted.

When a count the rule needs is missing, the result is checked only if every
value the count could take gives the same result: a count not given lies
between 0 and what ``members`` leaves of it (any number, without
``members``), and ``members`` is at least ``yes + no + abstain``.  One vote
against decides a unanimous vote however many voted for; 40 for and 60
against fail an absolute majority of any number of members; 400 for out of
650 members pass a simple majority, as at most 250 can be against.  The
counts must also fit the body: ``yes + no + abstain`` cannot exceed
``members``.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from negotiation_records._record import Record, argument_problems, frozen_record
from negotiation_records._values import short_repr
from negotiation_records.errors import ValidationError
from negotiation_records.fields import (
    SOURCE_IDS,
    Choice,
    Int,
    Maybe,
    MomentKind,
    Slug,
    Text,
    field,
)
from negotiation_records.timeutil import Moment, MomentInput


__all__ = ["Threshold", "Vote", "VoteResult", "decided_result"]


class Threshold(enum.Enum):
    """
    What a vote needs to pass (see :mod:`negotiation_records.votes` for each rule).

    Example:
        >>> Threshold("three-fifths")
        <Threshold.THREE_FIFTHS: 'three-fifths'>
    """

    SIMPLE_MAJORITY = "simple-majority"
    ABSOLUTE_MAJORITY = "absolute-majority"
    TWO_THIRDS = "two-thirds"
    TWO_THIRDS_OF_MEMBERS = "two-thirds-of-members"
    THREE_FIFTHS = "three-fifths"
    UNANIMITY = "unanimity"
    CONSENSUS = "consensus"
    OTHER = "other"


class VoteResult(enum.Enum):
    """
    How a vote came out.

    Example:
        >>> VoteResult("failed")
        <VoteResult.FAILED: 'failed'>
    """

    PASSED = "passed"
    FAILED = "failed"


def decided_result(
    threshold: Threshold | str,
    yes: int | None,
    no: int | None,
    members: int | None,
    abstain: int | None = None,
) -> VoteResult | None:
    """
    The result the counts decide under *threshold*, or ``None`` when they do
    not (consensus or another rule, or counts not given on which the result
    depends: see :mod:`negotiation_records.votes`).

    Example:
        >>> from negotiation_records.votes import decided_result
        >>> decided_result(Threshold.THREE_FIFTHS, 58, 42, 100)
        <VoteResult.FAILED: 'failed'>
        >>> decided_result(Threshold.SIMPLE_MAJORITY, 286, 344, None)
        <VoteResult.FAILED: 'failed'>
        >>> decided_result(Threshold.UNANIMITY, None, 1, None)   # one against
        <VoteResult.FAILED: 'failed'>
        >>> decided_result(Threshold.SIMPLE_MAJORITY, 400, None, 650) is None
        False
        >>> decided_result(Threshold.SIMPLE_MAJORITY, 300, None, 650) is None
        True
        >>> decided_result("three-fifths", 58, 42, 100)
        <VoteResult.FAILED: 'failed'>

    Raises:
        ValidationError: an argument a :class:`Vote` would refuse for its
            field of that name (a threshold that is none, a count that is
            negative, a bool, a float or text), each at its name.
    """
    rule, problems = argument_problems(Vote, "threshold", threshold)
    counts = {"yes": yes, "no": no, "members": members, "abstain": abstain}
    for name, count in counts.items():
        problems += argument_problems(Vote, name, count)[1]
    if problems:
        raise ValidationError(problems)
    return _decided(rule, yes, no, members, abstain)


def _decided(
    threshold: Threshold,
    yes: int | None,
    no: int | None,
    members: int | None,
    abstain: int | None,
) -> VoteResult | None:
    """:func:`decided_result` of values a :class:`Vote` holds (checked)."""
    passes = _RULES.get(threshold)
    if passes is None:
        return None
    counted = sum(n for n in (yes, no, abstain) if n is not None)
    if members is not None and counted > members:
        # The counts do not fit the body (reported on their own): a rule of
        # the members cannot be read, one of those voting reads the counts.
        if threshold in _OF_MEMBERS:
            return None
        members = None
    lowest = {"yes": yes or 0, "no": no or 0, "abstain": abstain or 0}
    fewest = max(1, lowest["yes"] + lowest["no"] + lowest["abstain"])

    def most(name: str) -> float:
        given = {"yes": yes, "no": no}[name]
        if given is not None:
            return given
        if members is None:
            return math.inf
        return members - (counted - lowest[name])

    # Passing is helped by votes for and hindered by votes against and by
    # members: it passes whatever the missing counts when it passes with the
    # fewest for and the most against and members; it fails whatever they are
    # when it fails with the most for and the fewest against and members.
    most_members = math.inf if members is None else members
    least_members = fewest if members is None else members
    if passes(lowest["yes"], most("no"), most_members):
        return VoteResult.PASSED
    if not passes(most("yes"), lowest["no"], least_members):
        return VoteResult.FAILED
    return None


def _simple_majority(yes: float, no: float, members: float) -> bool:
    return yes > no


def _absolute_majority(yes: float, no: float, members: float) -> bool:
    return 2 * yes > members


def _two_thirds(yes: float, no: float, members: float) -> bool:
    return yes > 0 and yes >= 2 * no  # 3 * yes >= 2 * (yes + no)


def _two_thirds_of_members(yes: float, no: float, members: float) -> bool:
    return 3 * yes >= 2 * members


def _three_fifths(yes: float, no: float, members: float) -> bool:
    return 5 * yes >= 3 * members


def _unanimity(yes: float, no: float, members: float) -> bool:
    return no == 0 and yes > 0


_OF_MEMBERS: Final = frozenset(
    [
        Threshold.ABSOLUTE_MAJORITY,
        Threshold.TWO_THIRDS_OF_MEMBERS,
        Threshold.THREE_FIFTHS,
    ]
)

_RULE_NAMES: Final = {
    Threshold.SIMPLE_MAJORITY: "a simple majority of those voting",
    Threshold.ABSOLUTE_MAJORITY: "an absolute majority of the members",
    Threshold.TWO_THIRDS: "two thirds of those voting",
    Threshold.TWO_THIRDS_OF_MEMBERS: "two thirds of the members",
    Threshold.THREE_FIFTHS: "three fifths of the members",
    Threshold.UNANIMITY: "a unanimous vote",
}

_RULES: Final = {
    Threshold.SIMPLE_MAJORITY: _simple_majority,
    Threshold.ABSOLUTE_MAJORITY: _absolute_majority,
    Threshold.TWO_THIRDS: _two_thirds,
    Threshold.TWO_THIRDS_OF_MEMBERS: _two_thirds_of_members,
    Threshold.THREE_FIFTHS: _three_fifths,
    Threshold.UNANIMITY: _unanimity,
}


@frozen_record(kw_only=True, init=False)
class Vote(Record):
    """
    A body deciding on a text.

    Attributes:
        id: Slug other records use to refer to it.
        body: Who voted, in words ("House of Commons").
        party: Id of the party the body is or belongs to (optional).
        on: When.
        question: What was put to the vote.
        subject: Id of the proposal, agreement, ultimatum or milestone voted
            on (optional); in a negotiation, no two of those may have it.
        yes: Votes for (optional).
        no: Votes against (optional).
        abstain: Abstentions (optional).
        members: How many members the body has (optional).
        threshold: What it needed to pass.
        result: How it came out; must agree with the counts where they decide it.
        sources: Ids of the sources for this.

    Example:
        >>> vote = Vote(id="mv1", body="House of Commons", on=pendulum.date(2019, 1, 15),
        ...             question="Approve the withdrawal agreement", yes=202, no=432,
        ...             result="failed")
        >>> vote.result, vote.decided
        (<VoteResult.FAILED: 'failed'>, <VoteResult.FAILED: 'failed'>)
        >>> Vote(id="v", body="Senate", on=pendulum.date(2025, 10, 1), question="Cloture",
        ...      yes=58, no=42, members=100, threshold="three-fifths", result="passed")
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: result: 'passed' does not agree with the counts: 58 of 100 members in favour fails a three-fifths vote (needs 60)
    """

    id: str = field(Slug())
    body: str = field(Text())
    party: str | None = field(Maybe(Slug()), default=None, refers_to="party")
    on: Moment = field(MomentKind())
    question: str = field(Text())
    subject: str | None = field(Maybe(Slug()), default=None, refers_to="subject")
    yes: int | None = field(Maybe(Int(min=0)), default=None)
    no: int | None = field(Maybe(Int(min=0)), default=None)
    abstain: int | None = field(Maybe(Int(min=0)), default=None)
    members: int | None = field(Maybe(Int(min=1)), default=None)
    threshold: Threshold = field(Choice(Threshold), default=Threshold.SIMPLE_MAJORITY)
    result: VoteResult = field(Choice(VoteResult))
    sources: tuple[str, ...] = field(SOURCE_IDS, default=(), refers_to="source")

    if TYPE_CHECKING:
        # The constructor's argument types, written from the kinds by
        # `python -m negotiation_records._signatures --write`.
        def __init__(
            self,
            *,
            id: str,  # noqa: A002 - the field's name
            body: str,
            party: str | None = ...,
            on: MomentInput,
            question: str,
            subject: str | None = ...,
            yes: int | None = ...,
            no: int | None = ...,
            abstain: int | None = ...,
            members: int | None = ...,
            threshold: Threshold | str = ...,
            result: VoteResult | str,
            sources: Iterable[str] = ...,
        ) -> None: ...

    @property
    def decided(self) -> VoteResult | None:
        """The result the counts decide (``None``: they do not); see :func:`~negotiation_records.votes.decided_result`."""
        return _decided(self.threshold, self.yes, self.no, self.members, self.abstain)

    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.members is not None:
            cast = sum(n for n in (self.yes, self.no, self.abstain) if n is not None)
            if cast > self.members:
                yield (
                    "members",
                    f"{short_repr(cast)} votes recorded, more than the "
                    f"{short_repr(self.members)} members",
                )
        decided = self.decided
        if decided is not None and decided is not self.result:
            yield (
                "result",
                f"{self.result.value!r} does not agree with the counts: {self._why()}",
            )

    def _why(self) -> str:
        # Each count cut as messages cut values (errors.md): a count may have
        # thousands of digits.
        t, members = self.threshold, self.members or 0
        yes, no, of = (short_repr(n or 0) for n in (self.yes, self.no, self.members))
        verdict = "passes" if self.decided is VoteResult.PASSED else "fails"
        needed = (self.yes, self.members) if t in _OF_MEMBERS else (self.yes, self.no)
        if None in needed:
            return self._why_whatever(verdict)
        if t is Threshold.SIMPLE_MAJORITY:
            return f"{yes} for and {no} against {verdict} a simple majority of those voting"
        if t is Threshold.ABSOLUTE_MAJORITY:
            return (
                f"{yes} of {of} members in favour {verdict} an absolute majority "
                f"(needs {short_repr(members // 2 + 1)})"
            )
        if t is Threshold.TWO_THIRDS:
            return f"{yes} for and {no} against {verdict} two thirds of those voting"
        if t is Threshold.TWO_THIRDS_OF_MEMBERS:
            return (
                f"{yes} of {of} members in favour {verdict} two thirds of the "
                f"members (needs {short_repr(-(-2 * members // 3))})"
            )
        if t is Threshold.THREE_FIFTHS:
            return (
                f"{yes} of {of} members in favour {verdict} a three-fifths vote "
                f"(needs {short_repr(-(-3 * members // 5))})"
            )
        return f"{yes} for and {no} against {verdict} a unanimous vote"

    def _why_whatever(self, verdict: str) -> str:
        """The reason when the result is decided although a count is not given."""
        given = [
            f"{short_repr(count)} {label}"
            for count, label in (
                (self.yes, "for"),
                (self.no, "against"),
                (self.abstain, "abstaining"),
            )
            if count is not None
        ]
        body = "" if self.members is None else f" of {short_repr(self.members)} members"
        missing = [
            name
            for name, count in (
                ("for", self.yes),
                ("against", self.no),
                ("abstaining", self.abstain),
                ("members", self.members),
            )
            if count is None
        ]
        return (
            f"{' and '.join(given)}{body} {verdict} {_RULE_NAMES[self.threshold]} "
            f"whatever the counts not given ({', '.join(missing)})"
        )
