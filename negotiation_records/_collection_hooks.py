"""
Strict cattrs hooks for collections and ``Literal`` (private).

cattrs' own hooks for lists, sets, sequences, fixed-length tuples, mappings
and ``Literal`` read whatever iterates or compares: ``"Kyiv"`` as the set
``{'K', 'y', 'i', 'v'}`` or the pair ``('K', 'y')`` from ``"Ky"``, the keys
of an object as a set (its values dropped), two equal items of a set as one,
and they fail with their own exceptions (``'list' object has no attribute
'items'``).  These hooks read a JSON array where the type is a collection and
a JSON object where it is a mapping, each item by its own hook, and refuse
anything else with the problem and its path: ``list[Party]`` given to
:func:`~negotiation_records.from_json`, and a class of your own read through
:func:`~negotiation_records.make_converter`, keep the rules the records keep.  A set is written as an array in an order
that does not depend on the process (its items' JSON text, sorted), so that
the same record gives the same text.
"""

from __future__ import annotations

import collections.abc as cabc
import enum
import functools
import json
import typing
from collections.abc import Callable
from typing import Any, Final, get_args, get_origin

import cattrs

from negotiation_records._jsontext import DuplicateKeys, duplicate_key_message
from negotiation_records._values import show_json
from negotiation_records.errors import ValidationError


__all__ = ["register_collection_hooks"]

_SETS: Final = {
    set: set,
    frozenset: frozenset,
    cabc.Set: frozenset,
    cabc.MutableSet: set,
}
_SEQUENCES: Final = {
    list: list,
    tuple: tuple,  # tuple[X, ...]; tuple[A, B] has a length (_is_fixed_tuple)
    cabc.Sequence: tuple,
    cabc.MutableSequence: list,
}
_MAPPINGS: Final = (dict, cabc.Mapping, cabc.MutableMapping)

Problems = list[tuple[str, str]]
Collect = Callable[[BaseException, str], Problems]
"""How an item's exception becomes problems at a path (``_hooks.collect_problems``)."""


def _is_set(t: Any) -> bool:
    return get_origin(t) in _SETS and len(get_args(t)) == 1


def _is_sequence(t: Any) -> bool:
    origin, args = get_origin(t), get_args(t)
    if origin is tuple:
        return len(args) == 2 and args[1] is Ellipsis
    return origin in _SEQUENCES and len(args) == 1


def _is_fixed_tuple(t: Any) -> bool:
    # A bare typing.Tuple is a tuple of any length (cattrs reads it).
    if get_origin(t) is not tuple or t is typing.Tuple:  # noqa: UP006
        return False
    args = get_args(t)
    return not (len(args) == 2 and args[1] is Ellipsis)


def _is_tuple_class(t: Any) -> bool:
    """A class of tuples of its own (a named tuple, as the deadline queries give)."""
    return isinstance(t, type) and issubclass(t, tuple) and t is not tuple


def _tuple_class_unstructure(t: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    """A named tuple is written as any tuple is, an array of its items written."""

    def unstructure(value: Any) -> list[Any]:
        return [conv.unstructure(item) for item in value]

    return unstructure


def _is_mapping(t: Any) -> bool:
    return get_origin(t) in _MAPPINGS and len(get_args(t)) == 2


def _is_literal(t: Any) -> bool:
    return get_origin(t) is typing.Literal


def _array(value: Any, wanted: str = "an array") -> None:
    if value.__class__ is not list:
        raise ValidationError([("", f"must be {wanted}, got {show_json(value)}")])


def _read_array(
    value: Any, hook: Callable[[Any, Any], Any], item_type: Any, collect: Collect
) -> list[Any]:
    """*value*, a JSON array, each item read by *hook*; every problem at its index."""
    _array(value)
    read: list[Any] = []
    problems: Problems = []
    for index, item in enumerate(value):
        try:
            read.append(hook(item, item_type))
        except Exception as exc:  # noqa: BLE001 - collected with its index
            problems += collect(exc, f"[{index}]")
    if problems:
        raise ValidationError(problems)
    return read


def _repeats(items: list[Any]) -> Problems:
    """The items of a set's array that repeat an earlier one (or cannot be hashed)."""
    problems: Problems = []
    first: dict[Any, int] = {}
    for index, item in enumerate(items):
        try:
            earlier = first.setdefault(item, index)
        except TypeError as exc:  # an item that cannot be hashed
            problems.append((f"[{index}]", f"cannot be an item of a set ({exc})"))
            continue
        if earlier != index:
            problems.append(
                (f"[{index}]", f"repeats item [{earlier}]: a set holds each item once")
            )
    return problems


def _set_structure(
    collect: Collect, t: Any, conv: cattrs.Converter
) -> Callable[[Any, Any], Any]:
    item_type = get_args(t)[0]
    hook = conv.get_structure_hook(item_type)
    make = _SETS[get_origin(t)]

    def structure(value: Any, _: Any = t) -> Any:
        read = _read_array(value, hook, item_type, collect)
        problems = _repeats(read)
        if problems:
            raise ValidationError(problems)
        return make(read)

    return structure


def _json_text(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)


def _set_unstructure(t: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    hook = conv.get_unstructure_hook(get_args(t)[0])

    def unstructure(value: Any) -> list[Any]:
        return sorted((hook(item) for item in value), key=_json_text)

    return unstructure


def _sequence_structure(
    collect: Collect, t: Any, conv: cattrs.Converter
) -> Callable[[Any, Any], Any]:
    item_type = get_args(t)[0]
    hook = conv.get_structure_hook(item_type)
    make = _SEQUENCES[get_origin(t)]

    def structure(value: Any, _: Any = t) -> Any:
        return make(_read_array(value, hook, item_type, collect))

    return structure


def _sequence_unstructure(t: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    hook = conv.get_unstructure_hook(get_args(t)[0])

    def unstructure(value: Any) -> list[Any]:
        return [hook(item) for item in value]

    return unstructure


def _fixed_tuple_structure(
    collect: Collect, t: Any, conv: cattrs.Converter
) -> Callable[[Any, Any], Any]:
    types_ = get_args(t)
    hooks = [conv.get_structure_hook(item_type) for item_type in types_]
    count = len(types_)
    wanted = f"an array of {count} item{'' if count == 1 else 's'}"

    def structure(value: Any, _: Any = t) -> Any:
        _array(value, wanted)
        if len(value) != count:
            raise ValidationError([("", f"must be {wanted}, got {len(value)}")])
        read: list[Any] = []
        problems: Problems = []
        for index, (item, hook, item_type) in enumerate(
            zip(value, hooks, types_, strict=True)
        ):
            try:
                read.append(hook(item, item_type))
            except Exception as exc:  # noqa: BLE001 - collected with its index
                problems += collect(exc, f"[{index}]")
        if problems:
            raise ValidationError(problems)
        return tuple(read)

    return structure


def _fixed_tuple_unstructure(t: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    hooks = [conv.get_unstructure_hook(item_type) for item_type in get_args(t)]

    def unstructure(value: Any) -> list[Any]:
        return [hook(item) for hook, item in zip(hooks, value, strict=False)]

    return unstructure


def _mapping_structure(
    collect: Collect, t: Any, conv: cattrs.Converter
) -> Callable[[Any, Any], Any]:
    key_type, value_type = get_args(t)
    key_hook = conv.get_structure_hook(key_type)
    value_hook = conv.get_structure_hook(value_type)

    def structure(value: Any, _: Any = t) -> Any:
        problems: Problems = []
        if isinstance(value, DuplicateKeys):  # refused, with its values' problems
            problems = [("", duplicate_key_message(key)) for key in value.duplicates]
        elif value.__class__ is not dict:
            raise ValidationError([("", f"must be an object, got {show_json(value)}")])
        read: dict[Any, Any] = {}
        for key, item in value.items():
            path = f"[{key!r}]"
            if key.__class__ is not str:  # from_dict: JSON objects' keys are text
                problems.append(
                    (path, f"a key must be text, as in JSON, got {show_json(key)}")
                )
                continue
            try:
                read_key = key_hook(key, key_type)
            except Exception as exc:  # noqa: BLE001 - collected with its key
                problems += collect(exc, path)
                continue
            try:
                read[read_key] = value_hook(item, value_type)
            except Exception as exc:  # noqa: BLE001 - collected with its key
                problems += collect(exc, path)
        if problems:
            raise ValidationError(problems)
        return read

    return structure


_MISSING: Final = object()


def _literal_structure(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    allowed = get_args(t)
    # 1 is not True, nor 1.0: the value and its type must both be one of them.
    # An enum member is written as its value, and read back from it.
    exact = {
        (written.__class__, written): value
        for value in allowed
        for written in (value.value if isinstance(value, enum.Enum) else value,)
    }
    words = ", ".join(
        repr(value.value if isinstance(value, enum.Enum) else value)
        for value in allowed
    )

    def structure(value: Any, _: Any = t) -> Any:
        try:
            found = exact.get((value.__class__, value), _MISSING)
        except TypeError:  # a list or an object: cannot be hashed, is no literal
            found = _MISSING
        if found is not _MISSING:
            return found
        raise ValidationError([("", f"must be one of {words}, got {show_json(value)}")])

    return structure


def register_collection_hooks(conv: cattrs.Converter, collect: Collect) -> None:
    """
    Register the strict hooks of lists, sets, sequences, tuples, mappings
    and ``Literal`` on *conv* (after cattrs' own, which they replace);
    *collect* turns an item's exception into its problems.
    """
    structure = functools.partial
    conv.register_structure_hook_factory(_is_set, structure(_set_structure, collect))
    conv.register_unstructure_hook_factory(_is_set, _set_unstructure)
    conv.register_structure_hook_factory(
        _is_sequence, structure(_sequence_structure, collect)
    )
    conv.register_unstructure_hook_factory(_is_sequence, _sequence_unstructure)
    conv.register_structure_hook_factory(
        _is_fixed_tuple, structure(_fixed_tuple_structure, collect)
    )
    conv.register_unstructure_hook_factory(_is_fixed_tuple, _fixed_tuple_unstructure)
    conv.register_unstructure_hook_factory(_is_tuple_class, _tuple_class_unstructure)
    conv.register_structure_hook_factory(
        _is_mapping, structure(_mapping_structure, collect)
    )
    conv.register_structure_hook_factory(_is_literal, _literal_structure)
