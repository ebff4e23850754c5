"""
The arguments of the serialization functions (private): a class to load, what
to write, and records given in an order.  A wrong kind of argument is a
:class:`TypeError` (a programming error); a value JSON cannot hold (``NaN``) is
a :class:`~negotiation_records.ValidationError`, as bad data is.
"""

from __future__ import annotations

import math
import operator
import types
from collections.abc import Iterable, Mapping, Set
from typing import Any

import attrs
import cattrs
from cattrs.fns import identity

from negotiation_records._values import described, no_order, type_name
from negotiation_records.errors import join_path


__all__ = [
    "check_class",
    "check_settings",
    "non_finite_problems",
    "not_json_number",
    "unordered_message",
    "writable_problems",
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
        got = f"{described(cls)}" if cls is not None else "None"
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


def check_settings(
    function: str,
    *,
    converter: object = None,
    indent: object = None,
    batch_size: object = 1,
    on_batch: object = None,
    **flags: object,
) -> None:
    """
    Refuse the settings of *function* that are not what it takes, all at once.

    *flags* (``strict=``, ``forbid_extra_keys=``, ``overwrite=``) must be
    ``True`` or ``False``, as ``bool_argument`` (in ``_status``)
    asks of a status method's flag: any other value is refused rather than
    read as true or false (``strict="no"`` is true, ``strict=None`` false).
    *converter* must be ``None`` or a :class:`cattrs.Converter` (one from
    ``make_converter()``: the functions ask it whether it forbids extra keys
    and copy it).  *indent* must be ``None`` or a number of spaces, an int
    (not a bool) of 0 or more; *batch_size* an int (not a bool) of 1 or more.

    These are a program's settings, not data: a wrong one is a
    :class:`TypeError` naming every wrong setting (in the order of the
    functions' parameters: *indent* or *batch_size*, *on_batch* (``None``
    or callable), the flags, *converter*), or a :class:`ValueError` when
    each is of the right type but out of range (``indent=-1``).  A whole
    number is an ``int`` or any integer that ``operator.index`` reads (a
    NumPy integer), never a bool.
    """
    wrong: list[str] = []
    only_values = True
    if indent is not None:
        spaces = _whole(indent)
        if spaces is None:
            wrong.append(
                "indent must be None or a number of spaces (an int, 0 or more), "
                f"got {described(indent)}"
            )
            only_values = False
        elif spaces < 0:
            wrong.append(f"indent must be 0 or more (a number of spaces), got {spaces}")
    size = _whole(batch_size)
    if size is None:
        wrong.append(
            f"batch_size must be an int (1 or more), got {described(batch_size)}"
        )
        only_values = False
    elif size < 1:
        wrong.append(f"batch_size must be at least 1, got {size}")
    for name, value in flags.items():
        if value is not True and value is not False:
            wrong.append(f"{name} must be True or False, got {described(value)}")
            only_values = False
    if on_batch is not None and not callable(on_batch):
        wrong.append(f"on_batch must be None or callable, got {described(on_batch)}")
        only_values = False
    if converter is not None and not isinstance(converter, cattrs.Converter):
        wrong.append(
            "converter must be a cattrs.Converter (such as one make_converter() "
            f"gives) or None, got {described(converter)}"
        )
        only_values = False
    if wrong:
        error = ValueError if only_values else TypeError
        raise error(f"{function}() " + "; ".join(wrong))


def _whole(value: object) -> int | None:
    """*value* as an int if it is a whole number (not a bool), else ``None``."""
    if isinstance(value, bool):
        return None
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        return None


def writable_problems(
    function: str, value: Any, conv: cattrs.Converter, where: str = ""
) -> list[tuple[str, str]]:
    """
    Refuse *value*, given to *function* (``to_dict``, ``to_json``) as ``obj``
    (*where* inside it), unless its JSON form is plain JSON data: a record (an
    attrs instance), a value the converter writes (a date, an enum, a
    ``Period`` ...), text, a number, a bool, ``None``, or a list, tuple or
    dict (text keys) of those.

    Returns:
        The problem of every ``NaN`` or infinity in *value*, at its path, for
        the caller's :class:`~negotiation_records.ValidationError`.

    Raises:
        TypeError: a set, a generator or any other object the converter
            would give back unwritten (the first met, whatever ``NaN`` is
            found: a programming error comes before bad data).
    """
    problems: list[tuple[str, str]] = []
    _check_writable(function, value, conv, where, problems)
    return problems


def _check_writable(
    function: str,
    value: Any,
    conv: cattrs.Converter,
    where: str,
    problems: list[tuple[str, str]],
) -> None:
    """:func:`writable_problems`, keeping each ``NaN``'s problem in *problems*."""
    if attrs.has(value.__class__) or value is None or isinstance(value, (str, int)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            problems.append((join_path("", where), not_json_number(value)))
        return
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            path = join_path(where, f"[{index}]")
            _check_writable(function, item, conv, path, problems)
        return
    if isinstance(value, Set):
        raise TypeError(unordered_message(function, _argument(where), value))
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(
                    f"{function}() {_argument(where)} must have text keys (JSON objects "
                    f"do), got key {described(key)}"
                )
            _check_writable(function, item, conv, join_path(where, key), problems)
        return
    if conv.get_unstructure_hook(value.__class__) is identity:
        raise TypeError(
            f"{function}() {_argument(where)} must be a record (an instance of an attrs "
            "class, such as Party), a list or tuple of records, or plain JSON "
            f"data, got {described(value)}"
            + ("; give list(...) of it" if isinstance(value, Iterable) else "")
        )


def _argument(where: str) -> str:
    """``obj`` with the path *where* inside it: ``obj[1]``, ``obj.parties``."""
    if not where or where.startswith("["):
        return f"obj{where}"
    return f"obj.{where}"


def non_finite_problems(data: Any, where: str = "") -> list[tuple[str, str]]:
    """The path and problem of every ``NaN`` or infinity in plain *data*."""
    if isinstance(data, float):
        return (
            []
            if math.isfinite(data)
            else [(join_path("", where), not_json_number(data))]
        )
    items: Any = ()
    if isinstance(data, dict):
        items = ((join_path(where, str(key)), item) for key, item in data.items())
    elif isinstance(data, (list, tuple)):
        items = (
            (join_path(where, f"[{index}]"), item) for index, item in enumerate(data)
        )
    found: list[tuple[str, str]] = []
    for path, item in items:
        found += non_finite_problems(item, path)
    return found
