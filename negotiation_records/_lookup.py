"""
The lookup index of a negotiation (private): its records by key.

A :class:`~negotiation_records.Negotiation` answers ``party(id)``,
``round(number)``, ``proposal(id)``, ... through an index of each collection
(key to position), built for one instance on its :data:`INDEX_AFTER`-th
lookup of that collection: building records never pays for it, and a record
asked a few questions pays what plain searches cost (building the index of a
collection costs about as much as ten to fifteen searches along it, so the
lookups never cost more than about twice what searches would), while one
asked many gets constant-time answers.  Appending (below) builds it at once.  The index lives in a
slot that is not an attrs field (:class:`Indexed`): it takes no part in
equality, hashing, ``repr``, pickling, serialization, the JSON Schema or the
strategies, and a record made by ``attrs.evolve`` or
:meth:`~negotiation_records.Negotiation.as_of` starts without one.

The ``with_*`` methods add one record through :func:`add`, which builds the
new negotiation without the whole-record check and hands it an index derived
from the old one; the caller then checks the new record alone (and falls back
to the whole check whenever it finds a problem or cannot be sure).
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter, indexOf
from typing import Any, Final

import attrs

from negotiation_records._name_keys import name_key
from negotiation_records.conditions import Condition
from negotiation_records.errors import RecordNotFoundError
from negotiation_records.parties import Party


__all__ = [
    "KEYS",
    "Indexed",
    "Keyed",
    "add",
    "conditions_by_id",
    "find",
    "find_condition",
    "parties_known_as",
    "positions",
]

#: The key of each collection's records.
KEYS: Final[dict[str, str]] = {
    "parties": "id",
    "conditions": "id",
    "rounds": "number",
    "proposals": "id",
    "ultimatums": "id",
    "statements": "id",
    "agreements": "id",
    "milestones": "id",
    "votes": "id",
    "actions": "id",
    "sources": "id",
}

#: The index's entry for every condition of the record (standing ones, terms,
#: demands, provisions), by id; the other entries are named by collection.
ALL_CONDITIONS: Final = "all conditions"

#: The index's entry for the parties by their names and aliases, each as
#: :meth:`Party.known_as <negotiation_records.Party.known_as>` compares it.
PARTY_NAMES: Final = "party names"

#: The lookup of a collection that builds its index; the ones before search.
INDEX_AFTER: Final = 16

#: The index's entry counting the lookups of each collection not yet indexed.
_SEARCHES: Final = "searches"


class Indexed:
    """
    Mixin of the negotiation: one slot, outside the attrs fields, for its index.

    The slot holds a dict of collection name to ``{key: position}`` (and
    :data:`ALL_CONDITIONS` to ``{id: condition}``), each entry made on first use.
    """

    __slots__ = ("_index",)

    _index: dict[str, dict[Any, Any]]


def _index(record: Any) -> dict[str, dict[Any, Any]]:
    try:
        found: dict[str, dict[Any, Any]] = record._index
    except AttributeError:
        found = {}
        object.__setattr__(record, "_index", found)
    return found


def positions(record: Any, name: str) -> dict[Any, int]:
    """The position of each record of the collection *name* by its key (the first of repeats)."""
    index = _index(record)
    found = index.get(name)
    if found is None:
        items = getattr(record, name)
        keys = map(attrgetter(KEYS[name]), reversed(items))
        found = index[name] = dict(
            zip(keys, range(len(items) - 1, -1, -1), strict=True)
        )
    return found


def conditions_by_id(record: Any) -> dict[str, Condition]:
    """Every condition of the record (``all_conditions()``) by id, the first of repeats."""
    index = _index(record)
    found = index.get(ALL_CONDITIONS)
    if found is None:
        found = {}
        for condition in record.all_conditions():
            found.setdefault(condition.id, condition)
        # Published once whole: a thread reading it meanwhile builds its own.
        index[ALL_CONDITIONS] = found
    return found


def parties_known_as(record: Any, name: str) -> list[Party]:
    """
    The parties of *record* known as *name* (:meth:`Party.known_as
    <negotiation_records.Party.known_as>`), in the record's order: read
    through an index of every name and alias, built on the first such
    lookup (which normalises every name once, as one search does).
    """
    if not isinstance(name, str):
        return []
    index = _index(record)
    names: dict[str, list[Party]] | None = index.get(PARTY_NAMES)
    if names is None:
        names = {}
        for party in record.parties:
            for key in dict.fromkeys(map(name_key, (party.name, *party.aliases))):
                names.setdefault(key, []).append(party)
        index[PARTY_NAMES] = names  # published once whole, as the conditions
    return list(names.get(name_key(name), ()))


def _indexes(record: Any, name: str) -> bool:
    """
    Whether this lookup of the collection *name* reads the index (building it
    on the :data:`INDEX_AFTER`-th lookup), rather than searching the collection.
    """
    index = _index(record)
    if name in index:
        return True
    searches: dict[str, int] = index.setdefault(_SEARCHES, {})
    searches[name] = done = searches.get(name, 0) + 1
    return done >= INDEX_AFTER


def _position(places: dict[Any, int], wanted: object) -> int | None:
    try:
        return places.get(wanted)
    except TypeError:  # an unhashable key names nothing
        return None


def _plain(wanted: object) -> object:
    """*wanted* as the records store it: a str subclass (a ``StrEnum``
    member) as its text, an int subclass (an ``IntEnum`` member, not a bool)
    as its number, as the records store such keys."""
    cls = wanted.__class__
    if cls is not str and isinstance(wanted, str):
        return str.__str__(wanted)
    if cls is not int and cls is not bool and isinstance(wanted, int):
        return int(wanted)
    return wanted


def find(record: Any, name: str, wanted: object, noun: str) -> Any:
    """
    The record of the collection *name* whose key is *wanted* (and of its
    type: round ``True`` is not round ``1``; a str subclass is its text), or
    :class:`RecordNotFoundError`.
    """
    wanted = _plain(wanted)
    items = getattr(record, name)
    key = attrgetter(KEYS[name])
    if _indexes(record, name):
        position = _position(positions(record, name), wanted)
    else:  # the first of repeats, as the index gives it
        try:
            position = indexOf(map(key, items), wanted)
        except ValueError:
            position = None
    if position is not None:
        item = items[position]
        if type(key(item)) is type(wanted):
            return item
    raise RecordNotFoundError(noun, wanted, map(key, items))  # read if asked


def find_condition(record: Any, wanted: object) -> Condition:
    """The condition with id *wanted* among all of the record's, or :class:`RecordNotFoundError`."""
    wanted = _plain(wanted)
    condition: Condition | None
    if _indexes(record, ALL_CONDITIONS):
        try:
            condition = conditions_by_id(record).get(wanted)  # type: ignore[call-overload]
        except TypeError:  # an unhashable key names nothing
            condition = None
    else:  # the first of repeats, as the index gives it
        condition = next((c for c in record.all_conditions() if c.id == wanted), None)
    if condition is not None and type(condition.id) is type(wanted):
        return condition
    raise RecordNotFoundError(  # the ids read if asked
        "condition", wanted, (c.id for c in record.all_conditions())
    )


class Keyed:
    """
    A collection's records by key, read through the index: what the
    whole-record checker asks of its id sets and maps (``in``, ``[key]``,
    ``keys()``, ``issuperset``), without building them.  The collection's
    index entry is made on first use.
    """

    __slots__ = ("_name", "_places", "_record")

    def __init__(self, record: Any, name: str) -> None:
        self._record = record
        self._name = name
        self._places: dict[Any, int] | None = None

    def _positions(self) -> dict[Any, int]:
        if self._places is None:
            self._places = positions(self._record, self._name)
        return self._places

    def __contains__(self, key: object) -> bool:
        return _position(self._positions(), key) is not None

    def __getitem__(self, key: object) -> Any:
        return getattr(self._record, self._name)[self._positions()[key]]

    def keys(self) -> Keyed:
        """Itself: ``in`` is all the checker asks of the keys."""
        return self

    def issuperset(self, keys: Iterable[object]) -> bool:
        """Whether every key of *keys* is there."""
        places = self._positions()
        return all(_position(places, key) is not None for key in keys)


def _unchecked(record: Any, name: str, items: tuple[Any, ...]) -> Any:
    """A copy of *record* with *items* in the field *name*, built without checks."""
    cls = type(record)
    new = object.__new__(cls)
    for attribute in attrs.fields(cls):
        value = items if attribute.name == name else getattr(record, attribute.name)
        object.__setattr__(new, attribute.name, value)
    return new


def add(
    record: Any,
    name: str,
    item: Any,
    *,
    replace: bool,
    conditions: Iterable[Condition] = (),
) -> tuple[Any, int] | None:
    """
    *record* with *item* added to its collection *name* (or replacing the
    record with the same key, if *replace*), and the item's position, built
    **without** the whole-record check, with an index derived from the old
    one.  *conditions* are the item's conditions (a proposal's terms, an
    ultimatum's demand, a standing condition).

    ``None`` when the change cannot be made so: the key is taken and *replace*
    is false, or a condition's id is taken by another condition (the caller
    then builds the record with the whole check, which reports the problem).
    """
    items = getattr(record, name)
    places = positions(record, name)
    key = getattr(item, KEYS[name])
    position = places.get(key)
    index = dict(_index(record))  # the old index's entries, shared
    index.pop(_SEARCHES, None)  # counts are the record's own (they change)
    if name == "parties":
        index.pop(PARTY_NAMES, None)  # the names change with the parties
    new_conditions = list(conditions)
    if new_conditions:
        known = conditions_by_id(record)
        replaced = items[position] if position is not None and replace else None
        if not _fresh(new_conditions, known, replaced):
            return None
        known = dict(known)
        known.update((condition.id, condition) for condition in new_conditions)
        index[ALL_CONDITIONS] = known
    if position is None:
        position = len(items)
        items = (*items, item)
        index[name] = {**places, key: position}
    elif replace and type(getattr(items[position], KEYS[name])) is type(key):
        items = (*items[:position], item, *items[position + 1 :])
    else:
        return None
    new = _unchecked(record, name, items)
    object.__setattr__(new, "_index", index)
    return new, position


def _fresh(new: list[Condition], known: dict[str, Condition], replaced: object) -> bool:
    """Whether the ids of *new* are distinct and used by no other condition than *replaced*."""
    ids = [condition.id for condition in new]
    if len(set(ids)) != len(ids):
        return False
    for ident in ids:
        found = known.get(ident)
        if found is not None and found is not replaced:
            return False
    return True
