"""
The value methods of the record classes (private): ``__eq__``, ``__hash__`` and
``__repr__``, written for a class the first time one of them is called.

attrs writes and compiles these three methods for every class it decorates
when the class is made, which was about a quarter of the package's own
import time; most programs never compare, hash or print most record classes.  So
:func:`~negotiation_records._record.frozen_record` asks attrs for none of them
(``eq=False, repr=False``), and :class:`ValueMethods`, a base of every record,
writes the class's own method from its attrs fields on the first call,
installs it on the class (later calls go straight to it; a subclass's own
method that called ``super()`` stays above it) and calls it.

They behave as attrs' would: equality compares the class (``NotImplemented``
for any other) and then each field in order, through the field's ``eq_key``
when it has one (moments compare by instant and zone); the hash is that of the
same values, after a number of the class's own; the representation is
``Class(field=repr(value), ...)`` over the fields shown in it.
"""

from __future__ import annotations

from typing import Any

import attrs

from negotiation_records._codegen import Namespace, compile_function


__all__ = ["ValueMethods"]


def _compared(cls: type[Any]) -> list[attrs.Attribute[Any]]:
    return [a for a in attrs.fields(cls) if a.eq]


def _hashed(cls: type[Any]) -> list[attrs.Attribute[Any]]:
    return [a for a in attrs.fields(cls) if a.hash is True or (a.hash is None and a.eq)]


def _value(ns: Namespace, attribute: attrs.Attribute[Any], owner: str) -> str:
    """The expression of what *owner*'s field counts as in equality and hashing."""
    key = getattr(attribute, "eq_key", None)  # not in attrs' type stubs
    if key is None:
        return f"{owner}.{attribute.name}"
    return f"{ns.name(key)}({owner}.{attribute.name})"


def _eq_lines(cls: type[Any], ns: Namespace) -> list[str]:
    same = [
        f"{_value(ns, a, 'self')} == {_value(ns, a, 'other')}" for a in _compared(cls)
    ]
    return [
        "def __eq__(self, other):",
        "    if other.__class__ is not self.__class__:",
        "        return NotImplemented",
        f"    return {' and '.join(same) or 'True'}",
    ]


def _hash_lines(cls: type[Any], ns: Namespace) -> list[str]:
    seed = hash(f"{cls.__module__}.{cls.__qualname__}")
    values = "".join(f" {_value(ns, a, 'self')}," for a in _hashed(cls))
    return ["def __hash__(self):", f"    return hash(({seed},{values}))"]


def _repr_lines(cls: type[Any], ns: Namespace) -> list[str]:
    shown = ", ".join(
        f"{a.name}={{self.{a.name}!r}}" for a in attrs.fields(cls) if a.repr
    )
    return [
        "def __repr__(self):",
        f"    return f'{{self.__class__.__qualname__.rsplit(\">.\", 1)[-1]}}({shown})'",
    ]


_WRITERS = {"__eq__": _eq_lines, "__hash__": _hash_lines, "__repr__": _repr_lines}


#: The attribute that marks a method written here.
_WRITTEN = "_negotiation_records_written"


def _is_written(function: object) -> bool:
    return getattr(function, _WRITTEN, False) is True


def _owner(instance_class: type[Any], method: str) -> type[Any]:
    """
    The class whose *method* a call that reached :class:`ValueMethods` stands
    for: the first record class (one attrs decorated itself) of
    *instance_class*'s MRO after every class with a *method* of its own (a
    subclass's or a mixin's override, which may call ``super()``).  A method
    written here, or :class:`ValueMethods`' own taken over by a subclass
    (``__hash__ = Party.__hash__``), is no override.
    """
    own = getattr(ValueMethods, method)
    found = instance_class
    searching = True
    for klass in instance_class.__mro__:
        if klass is ValueMethods:
            break
        given = vars(klass).get(method, own)
        if given is not own and not _is_written(given):
            searching = True  # an override: the method goes after it
        elif searching and "__attrs_attrs__" in vars(klass):
            found, searching = klass, False
    return found


def _installed(instance_class: type[Any], method: str) -> Any:
    """
    The *method* of the class it belongs to (:func:`_owner`), written,
    compiled and set on that class if it has none yet.  A subclass's own
    method that calls ``super()`` reaches :class:`ValueMethods` through that
    class, and stays in force: the written method goes below it, never over
    it.
    """
    cls = _owner(instance_class, method)
    written = vars(cls).get(method)
    if _is_written(written):
        return written
    ns = Namespace()
    lines = _WRITERS[method](cls, ns)
    function = compile_function(
        lines, f"{method} {cls.__module__}.{cls.__qualname__}", ns.names
    )
    function.__qualname__ = f"{cls.__qualname__}.{method}"
    setattr(function, _WRITTEN, True)
    setattr(cls, method, function)
    return function


class ValueMethods:
    """
    Equality, hashing and ``repr`` by field values, as attrs writes them for a
    frozen class, each written for a class when it is first called.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        result: bool = _installed(self.__class__, "__eq__")(self, other)
        return result

    def __hash__(self) -> int:
        result: int = _installed(self.__class__, "__hash__")(self)
        return result

    def __repr__(self) -> str:
        result: str = _installed(self.__class__, "__repr__")(self)
        return result
