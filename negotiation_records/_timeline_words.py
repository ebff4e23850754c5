"""
How the timeline puts things in words (private): its one-line summaries,
and the verbs of stances and statuses in its sentences.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.stances import Stance
from negotiation_records.timeutil import Moment
from negotiation_records.ultimatums import UltimatumStatus


__all__ = ["QUOTE_LIMIT", "STANCE_VERBS", "STATUS_WORDS", "one_line", "revised_words"]

#: How many characters of a quote a summary shows.
QUOTE_LIMIT = 160

#: How a stance reads in a sentence ("Russia has not decided on ...").
STANCE_VERBS = {
    Stance.SUPPORTS: "supports",
    Stance.ACCEPTS: "accepts",
    Stance.UNDECIDED: "has not decided on",
    Stance.OPPOSES: "opposes",
    Stance.REJECTS: "rejects",
}

#: How a status reads after "Ultimatum 'u' ..." ("complied with").
STATUS_WORDS: dict[enum.Enum, str] = {
    UltimatumStatus.COMPLIED: "complied with",
}


def one_line(text: str, limit: int | None = QUOTE_LIMIT) -> str:
    """
    *text* on one line, cut to *limit* characters (``None``: never cut).

    Every run of white space becomes one space, and the ends are stripped: line
    breaks of every kind (``\\n``, ``\\r\\n``, ``\\r``, U+0085, U+2028, U+2029,
    form feeds, vertical tabs) and tabs included.  The command line's plain
    tables use the same rule for every cell.
    """
    line = " ".join(text.split())  # str.split() and \s: the same white space
    if limit is not None and len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line


def revised_words(
    label: str,
    old: Deadline,
    new: Deadline,
    revision: DeadlineRevision,
    show: Callable[[Moment], str],
) -> str:
    """
    A revision of *label* (``"Deadline of ultimatum 'u'"``) in words: the
    deadline extended, cut or changed (its rule only), or kept as it was (a
    milestone's revision that brought alternatives), with the revision's
    reason; *show* writes a due moment.
    """
    if new == old:
        text = f"{label} kept at {show(new.due)}"
    else:
        verb = "extended" if new > old else "cut" if new < old else "changed"
        text = f"{label} {verb} from {show(old.due)} to {show(new.due)}"
    return f"{text}: {revision.reason}" if revision.reason else text
