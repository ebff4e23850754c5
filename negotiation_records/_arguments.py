"""
The arguments of the serialization functions (private): a class to load, what
to write, and records given in an order.  A wrong kind of argument is a
:class:`TypeError` (a programming error); a value JSON cannot hold (``NaN``) is
a :class:`~negotiation_records.ValidationError`, as bad data is.
"""

from __future__ import annotations

import math
import types
from collections.abc import Iterable, Mapping, Set
from typing import Any

import attrs
import cattrs
from cattrs.fns import identity

from negotiation_records._values import no_order, short_repr, type_name
from negotiation_records.errors import ValidationError, join_path


__all__ = [
    "check_class",
    "check_writable",
    "non_finite_path",
    "not_json_number",
    "unordered_message",
]

_CLASS_WANTED = (
    "needs a record class (such as Party) or a list of one (list[Party]) as cls"
)


def check_class(function: str, cls: object) -> None:
    """
    A :class:`TypeError` unless *cls* is a class or a generic alias
    (``list[Party]``, ``Party | None``) for the converter to load.

    The callers test ``cls.__class__ is type`` first (a plain class, the common
    case); this is the rest: an enum or another class with a metaclass passes,
    a record instead of its class, ``None`` and :data:`typing.Any` (which the
    converter would return unread) do not.
    """
    if cls is not Any and (
        isinstance(cls, (type, types.UnionType))
        or getattr(cls, "__origin__", None) is not None
    ):
        return
    if attrs.has(cls.__class__):
        got, hint = f"a {type_name(cls)} record", f"pass its class, {type_name(cls)}"
    elif cls is Any:
        got, hint = "typing.Any", "it would load anything unchecked; pass a class"
    else:
        got = f"{type_name(cls)} {short_repr(cls)}" if cls is not None else "None"
        hint = "pass the class of what to load"
    raise TypeError(f"{function}() {_CLASS_WANTED}, got {got}: {hint}")


def unordered_message(function: str, where: str, value: Set[Any]) -> str:
    """
    The message for a set (or a mapping's keys or items) given where records
    are written in order: the order of its items changes from one process to
    the next, so the same records would not give the same output.
    """
    return f"{function}() {where} {no_order(value, 'the output')}"


def not_json_number(value: float) -> str:
    """The message for ``NaN`` or an infinity where JSON data is written."""
    return f"must be a finite number, got {value!r}: NaN and Infinity are not JSON"


def check_writable(
    function: str, value: Any, conv: cattrs.Converter, where: str = ""
) -> None:
    """
    Refuse *value*, given to *function* (``to_dict``, ``to_json``) as ``obj``
    (*where* inside it), unless its JSON form is plain JSON data: a record (an
    attrs instance), a value the converter writes (a date, an enum, a
    ``Period`` ...), text, a number, a bool, ``None``, or a list, tuple or
    dict (text keys) of those.

    Raises:
        TypeError: a set, a generator or any other object the converter
            would give back unwritten.
        ValidationError: ``NaN`` or an infinity, at its path.
    """
    if attrs.has(value.__class__) or value is None or isinstance(value, (str, int)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError([(join_path("", where), not_json_number(value))])
        return
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            check_writable(function, item, conv, join_path(where, f"[{index}]"))
        return
    if isinstance(value, Set):
        raise TypeError(unordered_message(function, _argument(where), value))
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(
                    f"{function}() {_argument(where)} must have text keys (JSON objects "
                    f"do), got key {type_name(key)} {short_repr(key)}"
                )
            check_writable(function, item, conv, join_path(where, key))
        return
    if conv.get_unstructure_hook(value.__class__) is identity:
        raise TypeError(
            f"{function}() {_argument(where)} must be a record (an instance of an attrs "
            "class, such as Party), a list or tuple of records, or plain JSON "
            f"data, got {type_name(value)} {short_repr(value)}"
            + ("; give list(...) of it" if isinstance(value, Iterable) else "")
        )


def _argument(where: str) -> str:
    """``obj`` with the path *where* inside it: ``obj[1]``, ``obj.parties``."""
    if not where or where.startswith("["):
        return f"obj{where}"
    return f"obj.{where}"


def non_finite_path(data: Any, where: str = "") -> tuple[str, float] | None:
    """The path and value of the first ``NaN`` or infinity in plain *data*, if any."""
    if isinstance(data, float):
        return None if math.isfinite(data) else (join_path("", where), data)
    items: Any = ()
    if isinstance(data, dict):
        items = ((join_path(where, str(key)), item) for key, item in data.items())
    elif isinstance(data, (list, tuple)):
        items = (
            (join_path(where, f"[{index}]"), item) for index, item in enumerate(data)
        )
    for path, item in items:
        found = non_finite_path(item, path)
        if found is not None:
            return found
    return None
