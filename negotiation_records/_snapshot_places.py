"""
Where the records of an as-of snapshot are in the whole record (private).

The exports name each event by where its record is (``ultimatums/u.responses[1]``
in a PLOVER id, ``milestones/m/alternatives/2`` in a calendar UID).  With ``at``
they write a snapshot (:meth:`Negotiation.as_of
<negotiation_records.Negotiation.as_of>`), which leaves out what was not known
yet; the positions in an id are those of the whole record, so that one id names
one event at every ``at``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from negotiation_records._lookup import KEYS, find


if TYPE_CHECKING:  # pragma: no cover
    from negotiation_records.negotiation import Negotiation


__all__ = ["SNAPSHOT_CHANGES", "Places", "positions_in", "same_record"]


#: The fields of a record inside a record that a snapshot (``as_of``) may change
#: while it keeps the record: a link to a statement not made yet, the positions
#: not taken yet, whether an alternative applied.
SNAPSHOT_CHANGES = frozenset({"statement", "positions", "applied", "decided_on"})


def same_record(whole: Any, kept: Any) -> bool:
    """Whether *kept*, from a snapshot, is *whole* (but for what a snapshot changes)."""
    if whole is kept:
        return True
    cls = type(whole)
    if type(kept) is not cls or not attrs.has(cls):
        return bool(whole == kept)
    return all(
        getattr(whole, field.name) == getattr(kept, field.name)
        for field in attrs.fields(cls)
        if field.name not in SNAPSHOT_CHANGES
    )


def positions_in(whole: Sequence[Any], kept: Sequence[Any]) -> list[int]:
    """
    The index in *whole* of each item of *kept*, the same list in a snapshot:
    the same items in the same order, but for those not known yet.
    """
    found: list[int] = []
    start = 0
    for item in kept:
        index = next(
            (i for i in range(start, len(whole)) if same_record(whole[i], item)),
            None,
        )
        assert index is not None, item  # noqa: S101 - a snapshot only leaves out
        found.append(index)
        start = index + 1
    return found


class Places:
    """
    Where the records of a snapshot are in the whole record, for the ids of
    their events: an id is the same at every ``at``.
    """

    def __init__(self, whole: Negotiation, kept: Negotiation) -> None:
        self.whole = whole
        self.kept = kept
        #: The positions in the whole record of each list of the snapshot
        #: aligned so far, by the list's path (``proposals/p.responses``): one
        #: alignment a list, not one for each of its events.
        self.aligned: dict[str, list[int]] = {}

    def position(
        self, where: str, whole: Sequence[Any], kept: Sequence[Any], index: int
    ) -> int:
        """
        The index in *whole* of ``kept[index]``, *kept* being *whole* in the
        snapshot, at the path *where*.
        """
        if kept is whole:
            return index
        found = self.aligned.get(where)
        if found is None:
            found = self.aligned[where] = positions_in(whole, kept)
        return found[index]

    def stable_path(self, path: str) -> str:
        """
        *path*, a path in the snapshot, as an id names it: its first index
        replaced by the record's id (a round's number), every other index the
        position in the whole record: ``ultimatums[0].responses[1]`` is
        ``ultimatums/u.responses[1]``.
        """
        head, *steps = path.split(".")
        name, _, index = head.partition("[")
        kept = getattr(self.kept, name)[int(index[:-1])]
        key = getattr(kept, KEYS[name])
        whole = kept if self.kept is self.whole else find(self.whole, name, key, name)
        parts = [f"{name}/{key}"]
        for step in steps:
            name, _, index = step.partition("[")
            kept, whole = getattr(kept, name), getattr(whole, name)
            if index:
                at = int(index[:-1])
                position = self.position(".".join([*parts, name]), whole, kept, at)
                kept, whole = kept[at], whole[position]
                name = f"{name}[{position}]"
            parts.append(name)
        return ".".join(parts)
