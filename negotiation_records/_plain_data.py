"""
A record, or a list of records, as plain JSON data (private): what
:func:`~negotiation_records.to_dict` and :func:`~negotiation_records.to_json`
write, and the refusals of what JSON cannot hold, each at its place.

The library's own records hold only what it writes as plain JSON (they are
checked when built), so they are written as they are; a user's record holds
what its fields were given, so what it is written as is checked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs
import cattrs

from negotiation_records._arguments import writable_problems, written_problems
from negotiation_records.errors import ValidationError


__all__ = ["TOO_DEEP", "checked_on_construction", "plain_data"]

#: Plain data nested deeper than Python's stack lets it be copied or written.
TOO_DEEP: Final = "the data is nested too deeply to write (deeper than Python's stack)"


def plain_data(obj: Any, conv: cattrs.Converter, function: str) -> Any:
    """*obj*'s plain data, or the error :func:`to_dict` describes for *function*."""
    problems: list[tuple[str, str]] = []
    if isinstance(obj, (list, tuple)):
        # Checked as one value, so that an item holding the list is found
        # where the list comes back (obj[0] of a list that holds itself).
        if not all(attrs.has(item.__class__) for item in obj):
            problems = writable_problems(function, obj, conv)
        if problems:
            raise ValidationError(problems)
        if all(checked_on_construction(item.__class__) for item in obj):
            return [_unstructured(conv, item) for item in obj]
        data = _users_written(conv, obj, lambda: [_unstructured(conv, i) for i in obj])
        _check_written(function, data, conv)
        return data
    if not attrs.has(obj.__class__):
        problems = writable_problems(function, obj, conv)
        if problems:
            raise ValidationError(problems)
        return _unstructured(conv, obj)
    if checked_on_construction(obj.__class__):
        return _unstructured(conv, obj)
    data = _users_written(conv, obj, lambda: _unstructured(conv, obj))
    _check_written(function, data, conv)
    return data


def _users_written(conv: cattrs.Converter, obj: Any, write: Callable[[], Any]) -> Any:
    """
    ``write()``, which writes *obj*, a user's record or a list of records;
    the problems a hook reports at ``$`` while writing (a naive datetime in
    a field) are reported at their values' places.
    """
    try:
        return write()
    except ValidationError as exc:
        problems = written_problems(conv, obj, _is_users)
        raise ValidationError(problems or exc.errors) from None


def _is_users(cls: type[Any]) -> bool:
    """Whether the attrs class *cls* is a user's, not one of the library's."""
    return not checked_on_construction(cls)


def checked_on_construction(cls: type[Any]) -> bool:
    """
    Whether instances of the attrs class *cls* hold only what the library
    writes as plain JSON: its own records, checked when built.  A class of a
    user's holds what its fields were given (a naive datetime, a float
    infinity, a dict with integer keys), so what it is written as is checked.
    """
    return cls.__module__.startswith("negotiation_records.")


def _check_written(function: str, data: Any, conv: cattrs.Converter) -> None:
    """
    Refuse *data*, a user's record as the converter wrote it, unless it is
    plain JSON data, as :func:`to_dict` refuses what it is given (the same
    errors, at the place in the written data).
    """
    problems = writable_problems(function, data, conv, written=True)
    if problems:
        raise ValidationError(problems)


def _unstructured(conv: cattrs.Converter, obj: Any) -> Any:
    """``conv.unstructure(obj)``; plain data nested too deeply is a ValueError."""
    try:
        return conv.unstructure(obj)
    except RecursionError:  # cattrs copies plain lists and dicts recursively
        raise ValueError(TOO_DEEP) from None
