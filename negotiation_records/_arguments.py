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
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from typing import Any, Final

import attrs
import cattrs
from cattrs.fns import identity

from negotiation_records._kind import INT_LIMIT, TOO_MANY_DIGITS
from negotiation_records._values import (
    described,
    has_lone_surrogate,
    no_order,
    short_repr,
    type_name,
)
from negotiation_records._version_2_rules import LONE_SURROGATE
from negotiation_records.errors import ValidationError, join_path


__all__ = [
    "check_class",
    "check_record",
    "check_settings",
    "non_finite_problems",
    "not_json_number",
    "unordered_message",
    "writable_problems",
    "written_problems",
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


MAX_INDENT: Final = 1000
"""The most spaces ``indent`` takes: more is no layout, only a string too long to build."""


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
    (not a bool) from 0 to ``MAX_INDENT``; *batch_size* an int (not a
    bool) of 1 or more.

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
        elif not 0 <= spaces <= MAX_INDENT:
            wrong.append(
                f"indent must be 0 to {MAX_INDENT:,} (a number of spaces), "
                f"got {short_repr(spaces)}"
            )
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
    elif converter is not None and not _has_library_hooks(converter):
        wrong.append(
            "converter must have the library's hooks (one make_converter() gives, "
            "or a cattrs.Converter given to configure_converter()), got a "
            "cattrs.Converter without them, which would read the records with "
            "cattrs' own hooks (they coerce, and drop unknown keys)"
        )
        only_values = False
    if wrong:
        error = ValueError if only_values else TypeError
        raise error(f"{function}() " + "; ".join(wrong))


def _has_library_hooks(converter: cattrs.Converter) -> bool:
    """Whether ``configure_converter`` set *converter* up (its strict ``str`` hook)."""
    from negotiation_records._hooks import has_library_hooks  # noqa: PLC0415 - above

    return has_library_hooks(converter)


def _whole(value: object) -> int | None:
    """*value* as an int if it is a whole number (not a bool), else ``None``."""
    if isinstance(value, bool):
        return None
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        return None


def writable_problems(
    function: str,
    value: Any,
    conv: cattrs.Converter,
    where: str = "",
    *,
    written: bool = False,
) -> list[tuple[str, str]]:
    """
    Refuse *value*, given to *function* (``to_dict``, ``to_json``) as ``obj``
    (*where* inside it), unless its JSON form is plain JSON data: a record (an
    attrs instance), a value the converter writes (a date, an enum, a
    ``Period`` ...), text, a number, a bool, ``None``, or a list, tuple or
    dict (text keys) of those.  If *value* is what the converter *written*
    of ``obj``, only plain JSON data passes: a record, a date or an enum there
    was left as it is, since no hook served the type its field declares.

    Returns:
        The problem of every ``NaN`` or infinity in *value*, at its path, for
        the caller's :class:`~negotiation_records.ValidationError`.

    Raises:
        TypeError: a set, a generator or any other object the converter
            would give back unwritten (the first met, whatever ``NaN`` is
            found: a programming error comes before bad data).
    """
    problems: list[tuple[str, str]] = []
    _check_writable(function, value, conv, where, problems, written=written)
    return problems


def _check_writable(
    function: str,
    value: Any,
    conv: cattrs.Converter,
    where: str,
    problems: list[tuple[str, str]],
    *,
    written: bool,
) -> None:
    """:func:`writable_problems`, keeping each ``NaN``'s problem in *problems*."""
    for place, item in _values_in(value, where):
        if item is None:
            continue
        if isinstance(item, str):  # what UTF-8 holds, as on load
            if not item.isascii() and has_lone_surrogate(item):
                message = LONE_SURROGATE.format(value=short_repr(item))
                problems.append((join_path("", _text(place)), message))
            continue
        if isinstance(item, int):  # what can be written as text, as on load
            if not -INT_LIMIT < item < INT_LIMIT:
                problems.append((join_path("", _text(place)), TOO_MANY_DIGITS))
            continue
        if not written and attrs.has(item.__class__):
            continue
        if isinstance(item, float):
            if not math.isfinite(item):
                problems.append((join_path("", _text(place)), not_json_number(item)))
            continue
        if isinstance(item, (list, tuple)):
            continue  # its items come next
        path = _text(place)
        if isinstance(item, Set):
            raise TypeError(unordered_message(function, _argument(path), item))
        if isinstance(item, Mapping):
            for key in item:
                if not isinstance(key, str):
                    raise TypeError(
                        f"{function}() {_argument(path)} must have text keys (JSON "
                        f"objects do), got key {described(key)}"
                    )
                if not key.isascii() and has_lone_surrogate(key):
                    where_key = join_path(join_path("", path), f"[{key!r}]")
                    message = "key " + LONE_SURROGATE.format(value=short_repr(key))
                    problems.append((where_key, message))
            continue
        if written:
            raise TypeError(
                f"{function}() {_argument(path)} was written as "
                f"{described(item)} itself, not as JSON data: the converter has "
                "no unstructure hook for the type its field declares (declare a "
                "type the library writes, such as pendulum.DateTime for a "
                "moment, or register a hook for it)"
            )
        if conv.get_unstructure_hook(item.__class__) is identity:
            raise TypeError(
                f"{function}() {_argument(path)} must be a record (an instance of an "
                "attrs class, such as Party), a list or tuple of records, or plain "
                f"JSON data, got {described(item)}"
                + ("; give list(...) of it" if isinstance(item, Iterable) else "")
            )


def written_problems(
    conv: cattrs.Converter, obj: Any, into: Callable[[type[Any]], bool]
) -> list[tuple[str, str]]:
    """
    The problems *conv* meets writing the values inside *obj* (a user's
    record, or a list of records), each at the place of its value: a hook
    that refuses a value (a naive datetime, a negative duration) reports it at
    ``$``, wherever it is.  The fields of records whose class *into* accepts
    are walked; each other value is written as its own class is.
    """
    problems: list[tuple[str, str]] = []
    for place, item in _values_in(obj, "", into):
        if item is None or isinstance(item, (str, int, float, list, tuple, Mapping)):
            continue
        if attrs.has(item.__class__) and into(item.__class__):
            continue  # its fields come next
        try:
            conv.unstructure(item)
        except ValidationError as exc:
            where = _text(place)
            problems.extend((join_path(where, path), text) for path, text in exc.errors)
    return problems


#: Where a value is inside the one given: the path given (text), or the
#: place of its container and its key (``"[3]"`` or a mapping's key), written
#: out as text only for a problem (:func:`_text`), so that the walk of deeply
#: nested data stays linear in its size.
_Place = str | tuple["_Place", str]


def _text(place: _Place) -> str:
    """The path *place* stands for (``parties[0].name``)."""
    parts: list[str] = []
    while isinstance(place, tuple):
        place, part = place
        parts.append(part)
    path = place
    for part in reversed(parts):
        path = join_path(path, part)
    return path


def _values_in(
    value: Any, where: str, into: Callable[[type[Any]], bool] | None = None
) -> Iterator[tuple[_Place, Any]]:
    """
    *value* and every value inside its lists, tuples and mappings (not
    records, not text), each with its place (:func:`_text` gives its path),
    in document order: depth first, without recursion, so that no nesting
    exhausts Python's stack.  A list, tuple or mapping that holds itself
    (which JSON cannot write) is a :class:`ValueError` at the path where it
    comes back.  The fields of a record whose class *into* accepts are
    walked too.
    """
    levels: list[tuple[int, Iterator[tuple[_Place, Any]]]] = [
        (0, iter([(where, value)]))
    ]
    ancestors: set[int] = set()
    while levels:
        ident, items = levels[-1]
        step = next(items, None)
        if step is None:
            levels.pop()
            ancestors.discard(ident)
            continue
        place, item = step
        yield place, item
        if attrs.has(item.__class__):
            if into is not None and into(item.__class__):
                levels.append((0, _fields_of(item, place)))
            continue
        if isinstance(item, (str, bytes, Set)):
            continue
        if isinstance(item, (list, tuple, Mapping)):
            if id(item) in ancestors:
                raise ValueError(
                    f"{_argument(_text(place))} holds itself (a circular "
                    "reference): JSON cannot write it"
                )
            ancestors.add(id(item))
            levels.append((id(item), _members(item, place)))


def _fields_of(record: Any, where: _Place) -> Iterator[tuple[_Place, Any]]:
    """The (place, value) pairs of an attrs instance's fields."""
    return (
        ((where, field.name), getattr(record, field.name))
        for field in attrs.fields(record.__class__)
    )


def _members(
    data: Mapping[Any, Any] | list[Any] | tuple[Any, ...], where: _Place
) -> Iterator[tuple[_Place, Any]]:
    """The (place, item) pairs of a mapping, list or tuple."""
    if isinstance(data, Mapping):
        return (((where, _key_part(key)), item) for key, item in data.items())
    return (((where, f"[{index}]"), item) for index, item in enumerate(data))


def _key_part(key: object) -> str:
    """A mapping's *key* in a path: ``.key``, or ``['\\ud800']`` where printing it would fail."""
    text = str(key)
    if text.isascii() or not has_lone_surrogate(text):
        return text
    return f"[{text!r}]"


def _argument(where: str) -> str:
    """``obj`` with the path *where* inside it: ``obj[1]``, ``obj.parties``."""
    if not where or where.startswith("["):
        return f"obj{where}"
    return f"obj.{where}"


def non_finite_problems(data: Any, where: str = "") -> list[tuple[str, str]]:
    """
    The path and problem of every ``NaN`` or infinity in plain *data*, in
    document order (a list or dict that holds itself is a :class:`ValueError`).
    """
    return [
        (join_path("", _text(place)), not_json_number(item))
        for place, item in _values_in(data, where)
        if isinstance(item, float) and not math.isfinite(item)
    ]


def check_record(record: Any, index: int) -> None:
    """
    A :class:`TypeError` unless *record*, given to
    :func:`~negotiation_records.write_jsonl` at *index*, is a record (an
    attrs instance) or a list of records (written as one JSON array).
    """
    where, items = f"records[{index}]", (record,)
    if isinstance(record, (list, tuple)):
        where, items = f"records[{index}][{{}}]", tuple(record)
    for position, item in enumerate(items):
        if not attrs.has(item.__class__):
            raise TypeError(
                f"write_jsonl() {where.format(position)} must be a record (an "
                f"instance of an attrs class, such as Party), got "
                f"{described(item)}"
            )
