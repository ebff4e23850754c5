"""
Where the records of a class sit in data read as any type (private).

``from_dict(list[Negotiation], data)`` or ``from_dict(Briefing, data)`` (a
user's own attrs class holding proposals) reads records inside containers,
unions and other classes.  What the loader checks of a record's data beyond
its hook (a key of format version 1, refused where unknown keys are
ignored: :mod:`negotiation_records._record_versions`) must be checked
wherever the type puts one: :func:`walker` gives, for a type, the function
that finds each such record in a value's data, with its path
(``[0].proposals[1]``, ``['key']``), as the loader's problems name it.

The walk follows the type, not the data: a list of lists of records, a dict
of them, a tuple of a number and a record, an optional record, an attrs class,
dataclass, ``TypedDict`` or ``NamedTuple`` (generic ones included) holding
them, at any depth.  It does not go into the library's own records (the
check of a record covers what it holds).  Data of another shape than its type
says is passed by (its load reports it).  A union whose data fits several
arms is decided by the value loaded from it, when there is one, or not walked
at all: the loader never guesses.  Each function is built once per type, and
only for a type that can hold such a record.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import types
import typing
from collections import abc
from collections.abc import Callable
from typing import Annotated, Any, Final, TypeVar, Union, get_args, get_origin

import attrs

from negotiation_records._record import Record
from negotiation_records.errors import join_path


__all__ = ["NOTHING", "Found", "Walk", "walker"]

NOTHING: Final = object()
"""The value beside data that was not loaded, or whose value is not known."""

Found = dict[str, tuple[type[Any], Any]]
"""Each record found: its path, and its class and data (the first found at a path)."""

Walk = Callable[[Any, Any, str, Found], None]
"""``walk(data, value, path, found)``: the records in *data* (loaded as *value*) into *found*."""

Stops = Callable[[type[Any]], bool]
"""Whether a record class is one to find (``False``: not found, nor gone into)."""

#: A built walk and the data it reads: (the classes of that data, or
#: ``None`` for any, the walk).
_Node = tuple[tuple[type[Any], ...] | None, Walk]

_ARRAY: Final = (list, tuple)
_OBJECT: Final = (dict,)
_ITEMS: Final = frozenset(
    {
        list,
        tuple,
        set,
        frozenset,
        collections.deque,
        abc.Sequence,
        abc.MutableSequence,
        abc.Set,
        abc.MutableSet,
        abc.Collection,
        abc.Iterable,
    }
)
_MAPPINGS: Final = frozenset(
    {
        dict,
        abc.Mapping,
        abc.MutableMapping,
        collections.OrderedDict,
        collections.defaultdict,
    }
)


def walker(cls: Any, stops: Stops) -> Walk | None:
    """
    The walk finding the records of the classes *stops* accepts in data read
    as *cls*, or ``None`` when *cls* cannot hold one (nothing to walk).

    Example:
        >>> from negotiation_records import Proposal
        >>> def proposals(record: type) -> bool:
        ...     return record is Proposal
        >>> walk = walker(dict[str, list[Proposal | None]], proposals)
        >>> found: Found = {}
        >>> walk({"a": [None, {"id": "p"}], "b": "x"}, NOTHING, "", found)
        >>> {path: record.__name__ for path, (record, _) in found.items()}
        {"['a'][1]": 'Proposal'}
        >>> walker(list[int], proposals) is None
        True
    """
    try:
        return _cached(cls, stops)
    except TypeError:  # an annotation that is no dict key (Annotated[X, []])
        return _built(cls, stops)


@functools.cache
def _cached(cls: Any, stops: Stops) -> Walk | None:
    return _built(cls, stops)


def _built(cls: Any, stops: Stops) -> Walk | None:
    node = _Builder(stops).node(cls)
    return None if node is None else node[1]


def _unwrapped(cls: Any) -> Any:
    """*cls* without ``Annotated``, ``NewType`` and ``type`` aliases around it."""
    while True:
        if get_origin(cls) is Annotated:
            cls = get_args(cls)[0]
        elif isinstance(cls, typing.NewType):
            cls = cls.__supertype__
        elif type(cls).__name__ == "TypeAliasType":
            cls = cls.__value__
        else:
            return cls


def _parts(cls: Any, stops: Stops) -> tuple[str, Any] | None:
    """
    What *cls* is, for the walk: ``("record", class)``, ``("union", arms)``,
    ``("items", type)`` (a list, a set), ``("row", types)`` (a tuple of
    several types), ``("map", type of the values)`` or ``("fields", ((key,
    type), ...))``; ``None`` for a type that holds no record to find.
    """
    cls = _unwrapped(cls)
    if isinstance(cls, type) and issubclass(cls, Record):
        return ("record", cls) if stops(cls) else None
    origin, args = get_origin(cls), get_args(cls)
    if origin is Union or origin is types.UnionType:
        return ("union", args)
    if origin in _ITEMS and args:
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            return ("row", args)
        return ("items", args[0])
    if origin in _MAPPINGS and len(args) == 2:
        return ("map", args[1])
    return _fields(cls)


def _fields(cls: Any) -> tuple[str, Any] | None:
    """The keys (or items, for a ``NamedTuple``) of a class and their types."""
    origin = get_origin(cls)
    target = cls if origin is None else origin
    if not isinstance(target, type):
        return None
    try:
        if attrs.has(target):
            attrs.resolve_types(target)
            found = [(a.name, a.type) for a in attrs.fields(target) if a.init]
        elif dataclasses.is_dataclass(target):
            hints = typing.get_type_hints(target)
            found = [
                (f.name, hints.get(f.name))
                for f in dataclasses.fields(target)
                if f.init
            ]
        elif typing.is_typeddict(target):
            found = list(typing.get_type_hints(target).items())
        elif issubclass(target, tuple) and hasattr(target, "_fields"):
            hints = typing.get_type_hints(target)
            row = tuple(_given(hints.get(name), cls) for name in target._fields)
            return ("row", row)
        else:
            return None
        return ("fields", tuple((key, _given(kind, cls)) for key, kind in found))
    except Exception:  # noqa: BLE001 - a name that does not resolve: the load says so
        return None


def _given(annotation: Any, cls: Any) -> Any:
    """*annotation* of a generic class's field, with *cls*'s arguments (``Box[Party]``) put in."""
    params = getattr(get_origin(cls), "__parameters__", ())
    if not params:
        return annotation
    given = dict(zip(params, get_args(cls), strict=False))
    if isinstance(annotation, TypeVar):
        return given.get(annotation, annotation)
    inner = getattr(annotation, "__parameters__", ())
    return annotation[tuple(given.get(p, p) for p in inner)] if inner else annotation


def _key(cls: Any) -> Any:
    """*cls* as a dict key, or its identity."""
    try:
        hash(cls)
    except TypeError:
        return id(cls)
    return cls


def _holds(cls: Any, stops: Stops, seen: set[Any]) -> bool:
    """Whether data read as *cls* can hold a record to find (*seen*: the classes gone into)."""
    parts = _parts(cls, stops)
    if parts is None:
        return False
    what, inner = parts
    if what == "record":
        return True
    if what in ("items", "map"):
        return _holds(inner, stops, seen)
    if what == "fields":
        key = _key(cls)
        if key in seen:  # a class holding itself: its other fields decide
            return False
        seen.add(key)
        inner = [kind for _, kind in inner]
    return any(_holds(arm, stops, seen) for arm in inner)


def _is_a(value: Any, cls: Any) -> bool:
    """Whether *value* was loaded as *cls* (a union's arm)."""
    cls = _unwrapped(cls)
    target = get_origin(cls) or cls
    if target is Union or target is types.UnionType:
        return any(_is_a(value, arm) for arm in get_args(cls))
    if typing.is_typeddict(target):
        return isinstance(value, dict)
    return isinstance(target, type) and isinstance(value, target)


class _Builder:
    """Builds the walk of a type, each type once (a class holding itself included)."""

    def __init__(self, stops: Stops) -> None:
        self.stops = stops
        self.built: dict[Any, _Node] = {}
        self.building: set[Any] = set()

    def node(self, cls: Any) -> _Node | None:
        if not _holds(cls, self.stops, set()):
            return None
        key = _key(cls)
        if key in self.built:
            return self.built[key]
        if key in self.building:  # a class holding itself: walked once built
            return self._later(key, cls)
        self.building.add(key)
        parts = _parts(cls, self.stops)
        assert parts is not None  # noqa: S101 - _holds said so
        what, inner = parts
        if what == "record":
            done = self._record(inner)
        elif what == "union":
            done = self._union(inner)
        elif what == "items":
            done = self._items(inner)
        elif what == "row":
            done = self._row(inner)
        elif what == "map":
            done = self._map(inner)
        else:
            done = self._keyed(inner)
        self.built[key] = done
        self.building.discard(key)
        return done

    def _later(self, key: Any, cls: Any) -> _Node:
        built = self.built

        def walk(data: Any, value: Any, path: str, found: Found) -> None:
            built[key][1](data, value, path, found)

        parts = _parts(cls, self.stops)
        return (_ARRAY if parts is not None and parts[0] == "row" else _OBJECT), walk

    def _record(self, cls: type[Any]) -> _Node:
        def walk(data: Any, _: Any, path: str, found: Found) -> None:
            if data.__class__ is dict and path not in found:
                found[path] = (cls, data)

        return _OBJECT, walk

    def _union(self, arms: tuple[Any, ...]) -> _Node:
        nodes = [(arm, node) for arm in arms if (node := self.node(arm)) is not None]
        if len(nodes) == 1:
            return nodes[0][1]

        def walk(data: Any, value: Any, path: str, found: Found) -> None:
            fit = [
                (arm, node)
                for arm, node in nodes
                if node[0] is None or isinstance(data, node[0])
            ]
            if len(fit) > 1 and value is not NOTHING:
                fit = [(arm, node) for arm, node in fit if _is_a(value, arm)]
            if len(fit) == 1:  # else not known: not guessed
                fit[0][1][1](data, value, path, found)

        return None, walk

    def _items(self, item: Any) -> _Node:
        node = self.node(item)
        assert node is not None  # noqa: S101 - _holds said so
        inner = node[1]

        def walk(data: Any, value: Any, path: str, found: Found) -> None:
            if not isinstance(data, _ARRAY):
                return
            aligned = isinstance(value, _ARRAY) and len(value) == len(data)
            for index, element in enumerate(data):
                loaded = value[index] if aligned else NOTHING
                inner(element, loaded, join_path(path, f"[{index}]"), found)

        return _ARRAY, walk

    def _row(self, kinds: tuple[Any, ...]) -> _Node:
        nodes = [
            (index, node[1])
            for index, kind in enumerate(kinds)
            if (node := self.node(kind)) is not None
        ]

        def walk(data: Any, value: Any, path: str, found: Found) -> None:
            if not isinstance(data, _ARRAY):
                return
            aligned = isinstance(value, tuple) and len(value) == len(data)
            for index, inner in nodes:
                if index < len(data):
                    loaded = value[index] if aligned else NOTHING
                    inner(data[index], loaded, join_path(path, f"[{index}]"), found)

        return _ARRAY, walk

    def _map(self, kind: Any) -> _Node:
        node = self.node(kind)
        assert node is not None  # noqa: S101 - _holds said so
        inner = node[1]

        def walk(data: Any, value: Any, path: str, found: Found) -> None:
            if not isinstance(data, dict):
                return
            values = value if isinstance(value, abc.Mapping) else {}
            for key, item in data.items():
                loaded = values.get(key, NOTHING)
                inner(item, loaded, join_path(path, f"[{key!r}]"), found)

        return _OBJECT, walk

    def _keyed(self, fields: tuple[tuple[str, Any], ...]) -> _Node:
        nodes = [
            (key, node[1])
            for key, kind in fields
            if (node := self.node(kind)) is not None
        ]

        def walk(data: Any, value: Any, path: str, found: Found) -> None:
            if not isinstance(data, dict):
                return
            for key, inner in nodes:
                if key in data:
                    if isinstance(value, dict):
                        loaded = value.get(key, NOTHING)
                    else:
                        loaded = getattr(value, key, NOTHING)
                    inner(data[key], loaded, join_path(path, key), found)

        return _OBJECT, walk
