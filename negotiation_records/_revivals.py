"""
Which deadline revisions brought back a record that ran out.

An ultimatum that expired, a milestone that was missed or an agreement that
expired can be brought back by a revision of its deadline (``revise_deadline``,
``extend``): its history then says it ran out and, next, that it is pending
(in force) again.  Each such record class names the two statuses once, as
``RAN_OUT`` and ``REVIVED``; its methods, its checks, snapshots
(:mod:`negotiation_records._snapshot`) and the timeline
(:mod:`negotiation_records.timeline`) all read them, and the rule of which
revision answered which step, from here.

A revision that answers such a step was made no earlier than it, whatever
its own date says: extended "on 26 January" after running out at 04:00 that
day, a milestone was not extended at 03:00.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterator
from typing import Protocol, TypeVar

from negotiation_records._revision_days import RevisionDays
from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.history import StatusChange, last_dated
from negotiation_records.timeutil import Moment, is_before, moment_text


__all__ = [
    "Revivable",
    "answering",
    "made_after_it_passed",
    "ran_out_again",
    "revival_floors",
    "revivals",
    "unanswered_revival_problems",
]

K = TypeVar("K")


class Revivable(Protocol):
    """A record whose deadline may run out and a revision bring it back."""

    @property
    def RAN_OUT(self) -> enum.Enum:  # noqa: N802 - the records' class attribute
        """The status that says its deadline ran out."""

    @property
    def REVIVED(self) -> enum.Enum:  # noqa: N802 - the records' class attribute
        """The status a revision of its deadline brings it back to."""

    @property
    def REVIVED_ONLY_BY_REVISION(self) -> bool:  # noqa: N802 - the records' class attribute
        """Whether each step back to :attr:`REVIVED` takes a revision of its own."""

    @property
    def label(self) -> str:
        """The record named in messages (``"ultimatum 'u'"``)."""

    @property
    def history(self) -> tuple[StatusChange, ...]: ...

    @property
    def revisions(self) -> tuple[DeadlineRevision, ...]: ...


def made_after_it_passed(made: Moment, previous: Deadline) -> bool:
    """
    Whether a revision made *made* may have come once *previous*, the
    deadline it replaced, had passed (not certainly before its cutoff).
    Made before, it extended or cut the deadline in time and brought back
    nothing: the record had not run out.
    """
    return not is_before(made, previous.cutoff)


def answering(
    history: tuple[StatusChange, ...],
    revisions: tuple[DeadlineRevision, ...],
    ran_out: enum.Enum,
    revived: enum.Enum,
    start: int = 0,
    *,
    required: bool = False,
) -> Iterator[tuple[int, int]]:
    """
    Each step of *history* (from index *start*) that says its deadline ran
    out (*ran_out*) and that the next step brings back (*revived*), oldest
    first: the step's index in the history, and the index of the revision
    of *revisions* that answered it (``len(revisions)`` if none did), from
    which on the revisions came after it.

    The revision that answered a step is the first, after the one that
    answered the step before it, that is not certainly before the step (nor
    is any revision after it: they are in the order they were made), nor
    certainly before the deadline it replaced passed (made before that, it
    was an extension or a cut in time, not a revival): extended on 3 January
    from the 5th to the 20th, missed "in January" and revived on 1 February,
    a milestone was revived by the revision of 1 February.  An undated step
    is answered by the first such revision that came after the deadline it
    replaced passed.

    With *required* (each step back takes a revision of its own: an
    ultimatum's, a milestone's), a step that no revision answered is given
    too (the revision given is then ``len(revisions)`` or one made after the
    step back, which the record's check refuses).  Without it (an agreement,
    which may come back into force without an extension), only steps that a
    revision answered are given, one not certainly made after the step back:
    restored on 12 July, an agreement that expired on the 11th was not
    brought back by an extension of 15 July, which is left for a later step.
    There an undated step is read as no earlier than the last dated step
    before it.  Only what the steps up to the step back say is read, so that
    a snapshot, which keeps fewer steps, reads them alike.
    """
    if len(history) - start < 2:
        return  # no step and a step after it
    days = RevisionDays(revisions)  # to find those before a step by bisection
    cursor = 0  # revisions before it answered earlier steps
    for index in range(len(history) - 1):
        step = history[index]
        if step.status is not ran_out or history[index + 1].status is not revived:
            continue
        on = step.on
        if on is None and not required:
            on = last_dated(history[:index])  # no earlier than the last dated
        if on is not None:
            # Revisions are in the order they were made: one certainly before
            # the step puts those before it there too, whatever their dates.
            cursor = days.made_before(on, cursor)
        while cursor < len(revisions) and not made_after_it_passed(
            revisions[cursor].revised_on, revisions[cursor].previous
        ):
            cursor += 1
        if not required and not _answers(revisions, cursor, history[index + 1].on):
            continue  # restored without one: the revision is left for later
        if index >= start:
            yield index, cursor
        cursor = min(cursor + 1, len(revisions))


def _answers(
    revisions: tuple[DeadlineRevision, ...], index: int, back: Moment | None
) -> bool:
    """
    Whether ``revisions[index]`` (if there is one) may have been made by
    *back*, the step that brought the record back (not certainly after it).
    """
    return index < len(revisions) and not (
        back is not None and is_before(back, revisions[index].revised_on)
    )


def revivals(record: Revivable, start: int = 0) -> Iterator[tuple[int, int]]:
    """
    :func:`answering` of *record*: each step of its history (from index
    *start*) that says its deadline ran out and that a revision then brought
    back, with the index of the revision that answered it.  Where each step
    back takes a revision of its own (``REVIVED_ONLY_BY_REVISION``: an
    ultimatum, a milestone), a step back no revision answered is given too,
    as the record's check counts them.
    """
    if not record.revisions:
        return iter(())  # no revision to place
    return answering(
        record.history,
        record.revisions,
        record.RAN_OUT,
        record.REVIVED,
        start,
        required=record.REVIVED_ONLY_BY_REVISION,
    )


def unanswered_revival_problems(record: Revivable) -> Iterator[tuple[str, str]]:
    """
    Where each step back takes a revision of its own
    (``REVIVED_ONLY_BY_REVISION``: an ultimatum, a milestone), a problem at
    each step of *record*'s history that brings it back (``REVIVED`` after
    ``RAN_OUT``) with no revision of its deadline to answer it
    (:func:`answering`, undated steps too), or only one made certainly
    after the step: its deadline had passed, and only a new one makes it
    pending again.  None for an agreement, which may come back into force
    without an extension.
    """
    if not record.REVIVED_ONLY_BY_REVISION:
        return
    label, history, revisions = record.label, record.history, record.revisions
    ran_out, revived = record.RAN_OUT, record.REVIVED
    found = answering(history, revisions, ran_out, revived, required=True)
    for index, first in found:
        back = history[index + 1]
        if _answers(revisions, first, back.on):
            continue
        after = "" if back.on is None else f" on {moment_text(back.on)}"
        later = (
            ""
            if first == len(revisions)
            else f"; revisions[{first}] was made later, on "
            f"{moment_text(revisions[first].revised_on)}"
        )
        yield (
            f"history[{index + 1}].status",
            f"{label} cannot go back from {ran_out.value!r} to {revived.value!r}"
            f"{after}: no revision of its deadline brings it back (one made "
            f"after the deadline it replaced passed, no earlier than the "
            f"{ran_out.value!r} step and no later than this one{later}); "
            "revise_deadline records the new deadline with this step",
        )


def ran_out_again(
    history: tuple[StatusChange, ...],
    revisions: tuple[DeadlineRevision, ...],
    ran_out: enum.Enum,
    revived: enum.Enum,
) -> frozenset[int]:
    """
    The steps of *history* that say a record ran out (*ran_out*) on the
    deadline the step of that kind before them had already run out on (by
    index), where a step back to *revived* may come without a revision (an
    agreement restored by a decision, its passed expiry still in force):
    those after a step back that none of *revisions* answered
    (:func:`answering`), with no revision certainly made between the two.
    In force again on 12 July and expired on the 20th, an agreement whose
    expiry of 10 July passed had one expiry, not two.

    Only a revision made after the deadline it replaced passed can come
    between two such steps (one made in time extended the deadline before
    the first), and only one after those that answered the steps back before
    the first.  It comes between when it is not certainly before the first
    (undated: the last dated step before it) and, if the second is dated,
    certainly before the second: a dated step that may have come before the
    revision is shown from its own date rather than held back for a
    deadline the record may never have had.  An undated second step, which
    its neighbours place, ran out on the new deadline of any such revision
    (extended on 15 July while in force again, an agreement that then
    expired, undated, did so once the new expiry passed).
    """
    floor = 0  # revisions before it answered steps back before the pair
    answered = dict(answering(history, revisions, ran_out, revived))
    steps = [i for i, change in enumerate(history) if change.status is ran_out]
    again: set[int] = set()
    for before, step in itertools.pairwise(steps):
        if before in answered:
            floor = answered[before] + 1
            continue
        since, on = last_dated(history[: before + 1]), history[step].on
        if not any(
            made_after_it_passed(revision.revised_on, revision.previous)
            and not (since is not None and is_before(revision.revised_on, since))
            and (on is None or is_before(revision.revised_on, on))
            for revision in revisions[floor:]
        ):
            again.add(step)
    return frozenset(again)


def revival_floors(record: Revivable, steps: dict[int, K]) -> dict[int, K]:
    """
    Where the revisions of *record* may sort, by the steps they answered:
    from the first revision that answered a step saying it ran out (by
    index, as :func:`revivals` gives it), no earlier than that step's key in
    *steps* (the keys of its history's steps, by index).  On a timeline,
    "extended on 26 January" follows the miss at 04:00 that day.
    """
    return {first: steps[step] for step, first in revivals(record) if step in steps}
