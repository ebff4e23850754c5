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
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

import attrs

from negotiation_records._lookup import KEYS, find


if TYPE_CHECKING:  # pragma: no cover
    from negotiation_records.negotiation import Negotiation


__all__ = [
    "SNAPSHOT_CHANGES",
    "SNAPSHOT_EMPTIES",
    "Places",
    "positions_in",
    "same_record",
]


#: The fields of a record inside a record that a snapshot (``as_of``) empties
#: (sets to ``None``) while it keeps the record, each group together: a link to
#: a statement not made yet; whether an alternative applied, and when that was
#: decided, before it was.
SNAPSHOT_EMPTIES = (frozenset({"statement"}), frozenset({"applied", "decided_on"}))

#: The fields of a record inside a record that a snapshot may change while it
#: keeps the record: those it empties, and the positions not taken yet.
SNAPSHOT_CHANGES = frozenset({"positions"}).union(*SNAPSHOT_EMPTIES)


def _kept_or_emptied(whole: Any, kept: Any, names: AbstractSet[str]) -> bool:
    """Whether the fields *names* of *kept* are those of *whole*, or all ``None``."""
    values = [getattr(kept, name) for name in names]
    return all(value is None for value in values) or values == [
        getattr(whole, name) for name in names
    ]


def same_record(whole: Any, kept: Any) -> bool:
    """
    Whether *kept*, from a snapshot, is *whole* (but for what a snapshot
    changes: each group of :data:`SNAPSHOT_EMPTIES` kept or emptied, the
    positions cut).
    """
    if whole is kept:
        return True
    cls = type(whole)
    if type(kept) is not cls or not attrs.has(cls):
        return bool(whole == kept)
    names = {field.name for field in attrs.fields(cls)}
    return all(
        getattr(whole, name) == getattr(kept, name) for name in names - SNAPSHOT_CHANGES
    ) and all(
        _kept_or_emptied(whole, kept, group & names) for group in SNAPSHOT_EMPTIES
    )


def positions_in(whole: Sequence[Any], kept: Sequence[Any]) -> list[int]:
    """
    The index in *whole* of each item of *kept*, the same list in a snapshot:
    the same items in the same order, but for those not known yet and for the
    later copies of an item that dropping links made alike (the snapshot keeps
    the first).

    Each item is matched with the first item of *whole* after the previous
    match that :func:`same_record` allows.  That is the one it came from, as
    none in between can be allowed:

    * one left out for its date (an alternative for its stage) differs from
      every kept item in that;
    * one left out as a later copy of a kept item *F*, if allowed for a kept
      item *K*, would make *K* alike with *F*.  Where they would differ, either
      *K* holds the copy's own value and *F* (the copy, in the snapshot) has it
      emptied — but a snapshot empties a group for its value (a statement said
      later, an alternative decided later), so it would have emptied *K*'s
      too; or *K* has it emptied and *F* holds the copy's own value — and then
      *F* came from an item of *whole* alike with the copy, which a record
      refuses.
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
