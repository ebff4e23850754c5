"""
Refusals to change a frozen value (private), with a message that says what to
do instead.

attrs gives a frozen class a ``__setattr__`` and a ``__delattr__`` that raise
:class:`attrs.exceptions.FrozenInstanceError` saying only "can't set attribute".
:func:`refuse_changes` replaces both on a class of the package by ones that
raise :class:`~negotiation_records.FrozenRecordError` (a subclass of that
error), naming the attribute and the class and, for a field, the changed copy
``attrs.evolve`` makes.  Nothing else changes: attrs' constructor and loaders
set the slots without ``__setattr__``.
"""

from __future__ import annotations

import re
from typing import Any, NoReturn, TypeVar

import attrs

from negotiation_records.errors import FrozenRecordError


__all__ = ["frozen_message", "refuse_changes"]

C = TypeVar("C", bound=type)


def _snake(name: str) -> str:
    """``DeadlineRevision`` -> ``deadline_revision``: a variable's name for it."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def frozen_message(instance: object, name: str, verb: str) -> str:
    """
    Why *name* of *instance* cannot be *verb* (``set``, ``delete``), and what
    to do instead: the method ``with_NAME`` where the class has one (it
    checks the change), else ``attrs.evolve`` for a field.
    """
    cls = type(instance)
    what = f"cannot {verb} {name!r} of a {cls.__name__}: it is frozen"
    if not attrs.has(cls):
        return what
    variable = _snake(cls.__name__)
    if callable(getattr(cls, f"with_{name}", None)):  # Proposal.with_status
        return f"{what}; make a changed copy with {variable}.with_{name}(...)"
    fields = [a.name for a in attrs.fields(cls) if not a.name.startswith("_")]
    if name in fields:
        return f"{what}; make a changed copy with attrs.evolve({variable}, {name}=...)"
    if name in {"status", "status_on"} and "history" in fields:
        return (
            f"{what}, and {name!r} is read from its history: the status methods "
            f"of {cls.__name__} return a changed copy with a step added"
        )
    if isinstance(getattr(cls, name, None), property):
        return (
            f"{what}, and {name!r} is worked out from its fields ({', '.join(fields)})"
        )
    return f"{what}, and {name!r} is not one of its fields ({', '.join(fields)})"


def _refuse_set(self: object, name: str, value: Any) -> NoReturn:
    raise FrozenRecordError(frozen_message(self, name, "set"), name=name, obj=self)


def _refuse_delete(self: object, name: str) -> NoReturn:
    raise FrozenRecordError(frozen_message(self, name, "delete"), name=name, obj=self)


def refuse_changes(cls: C) -> C:
    """Give the frozen class *cls* the refusals of this module; return it."""
    cls.__setattr__ = _refuse_set  # type: ignore[assignment,method-assign]
    cls.__delattr__ = _refuse_delete  # type: ignore[assignment,method-assign]
    return cls
