"""
A version-1 ultimatum complied with late, as version 2 says it (private).

Version 1 kept only an ultimatum's latest status: ``"status": "complied"``
with a ``"status_on"`` after the deadline had passed was all it could say of
a late compliance (``comply(late=True)`` stored nothing more).  Version 2
wants the record to say so explicitly, by an ``expired`` step before the
compliance (:func:`~negotiation_records.ultimatums.late_compliance_problems`),
so the step from version 1 puts that expiry in, dated at the deadline's
cut-off (not before the revision that put it in force), as
:meth:`Ultimatum.comply <negotiation_records.Ultimatum.comply>` with
``late=True`` does.  A deadline is read from what the document writes of
it, its ``due`` and ``tz``, which are all its cut-off depends on, and a
revision from its ``previous`` and ``revised_on``.
"""

from __future__ import annotations

from typing import Any

from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.errors import ValidationError, join_path
from negotiation_records.timeutil import format_moment, parse_moment
from negotiation_records.ultimatums import complied_late, late_expiry_on


__all__ = ["say_late_compliance"]


def say_late_compliance(
    ultimatum: dict[str, Any], path: str, moves: dict[str, str]
) -> None:
    """
    Put an ``expired`` step before the compliance of a version-1 *ultimatum*
    (at *path*, its ``history`` made by the step from version 1 of its
    ``status`` and ``status_on``, as *moves* notes) that was complied with
    after each of its deadlines that may have been in force then had passed
    (:func:`~negotiation_records.ultimatums.complied_late`), and note in
    *moves* that the compliance's values moved one step on.  Anything the
    loader would refuse (a date that is no moment, a deadline that is not an
    object) is left as it is, for the loader to report.
    """
    history = ultimatum.get("history")
    if join_path(path, "history[0].on") not in moves:
        return  # no status_on of version 1 made the history
    if not isinstance(history, list) or len(history) != 1:
        return
    step = history[0]
    if not isinstance(step, dict) or step.get("status") != "complied":
        return
    read = _deadlines_of(ultimatum)
    on = _moment(step.get("on"))
    if read is None or on is None or not complied_late(on, *read):
        return
    deadlines, revisions = read
    issued = _moment(ultimatum.get("issued_at"))
    revised = revisions[-1].revised_on if revisions else None
    expiry = late_expiry_on(deadlines[-1].cutoff, on, issued=issued, last=revised)
    # A compliance dated before the issue is refused on its own, and its
    # expiry takes its date: what is refused of it is that date's problem,
    # once, at status_on (not an order of steps the expiry made).  So is the
    # expiry after a cut made once the cut deadline had passed.
    at_compliance = expiry is on
    if at_compliance:
        written = step["on"]
    elif expiry is issued:
        written = ultimatum["issued_at"]
    else:
        assert expiry is not None  # noqa: S101 - no step before it: the cut-off or the issue
        written = format_moment(expiry)
    ultimatum["history"] = [{"status": "expired", "on": written}, step]
    for key in ("status", "on"):  # the expiry is made valid: no problem of its own
        given = moves.pop(join_path(path, f"history[0].{key}"), None)
        if given is not None:
            moves[join_path(path, f"history[1].{key}")] = given
            if at_compliance and key == "on":
                moves[join_path(path, "history[0].on")] = given


def _deadlines_of(
    ultimatum: dict[str, Any],
) -> tuple[tuple[Deadline, ...], tuple[DeadlineRevision, ...]] | None:
    """
    Every deadline *ultimatum* has had, oldest first, each as due as the
    document writes it, and the revisions that replaced them; None if one
    of them cannot be read.
    """
    revisions = ultimatum.get("revisions", [])
    if not isinstance(revisions, list):
        return None
    read = []
    for revision in revisions:
        if not isinstance(revision, dict):
            return None
        previous = _deadline(revision.get("previous"))
        revised_on = _moment(revision.get("revised_on"))
        if previous is None or revised_on is None:
            return None
        try:
            read.append(DeadlineRevision(previous=previous, revised_on=revised_on))
        except ValidationError:  # pragma: no cover - what reads as a moment does
            return None
    deadline = _deadline(ultimatum.get("deadline"))
    if deadline is None:
        return None
    return (*(revision.previous for revision in read), deadline), tuple(read)


def _deadline(written: object) -> Deadline | None:
    """A deadline due when *written* (a deadline as a document has it) says, or None."""
    if not isinstance(written, dict):
        return None
    due = _moment(written.get("due"))
    tz = written.get("tz")
    if due is None or not (tz is None or isinstance(tz, str)):
        return None
    try:
        return Deadline.on(due, tz=tz)
    except ValidationError:
        return None  # a month, or a zone that is no zone: the loader says which


def _moment(text: object) -> Any:
    """The moment *text* writes, or None for anything else."""
    if not isinstance(text, str):
        return None
    try:
        return parse_moment(text)
    except ValidationError:
        return None
