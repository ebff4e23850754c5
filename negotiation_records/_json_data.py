"""
The library's records as data for orjson to write (private).

:func:`~negotiation_records.to_json` and
:func:`~negotiation_records.write_jsonl` hand orjson (the ``fast`` extra) the
data of a record to write as JSON text.  That data need not be what
:func:`~negotiation_records.to_dict` gives, only write the same text: a
tuple is written as a list is.  So each of the library's record classes gets
a second generated writer besides its unstructure hook, made by the same
:func:`record_writer` (the same keys, in the same order, the same values),
but for its lists and statuses: a list of texts is the record's own tuple,
not a copy, an empty list of records or days the record's empty tuple, a
list of records is built by ``map`` instead of a comprehension (which makes
a function object and a frame each time), and a status is its member's
value got without a call of the kind's ``dump``.  Fewer objects are built
and freed for each record written: about 9 % fewer instructions for the
reference record's ``to_json``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, Final

import attrs
import cattrs

from negotiation_records._codegen import Namespace, compile_function
from negotiation_records._plain_data import checked_on_construction
from negotiation_records.fields import (
    Kind,
    Many,
    Maybe,
    Nested,
    is_init_only,
    kind_of,
    omits_empty,
)
from negotiation_records.history import History, StatusKind
from negotiation_records.migrations import SCHEMA_VERSION


__all__ = ["COMPILED", "json_data_hook", "record_writer"]

#: An expression writing a value of a kind: ``expr(kind, ns, v)``.
Expression = Callable[[Kind, Namespace, str], str]


def record_writer(
    cls: type[Any], conv: cattrs.Converter, what: str, expr: Expression
) -> Callable[[Any], dict[str, Any]]:
    """
    The generated function giving a record of *cls* as a dict: every field in
    order, its value by ``expr(kind, ns, value)`` (a field without a kind
    through *conv*'s hook for its type); a versioned record starts with its
    ``schema_version``.  *what* names it (``unstructure``, ``JSON data``).
    """
    ns = Namespace()
    body: list[str] = []
    items = [f"'schema_version': {SCHEMA_VERSION!r}"] if cls._versioned else []
    for index, attribute in enumerate(attrs.fields(cls)):
        if is_init_only(attribute):
            continue
        kind = kind_of(attribute)
        value = f"r.{attribute.name}"
        if kind is None:
            hook = conv.get_unstructure_hook(attribute.type)
            items.append(f"{attribute.name!r}: {ns.name(hook)}({value})")
            continue
        local = f"v{index}"
        written = expr(kind, ns, local)
        if omits_empty(attribute):  # written only when it holds something
            body.append(f"{local} = {value}")
            items.append(f"**({{{attribute.name!r}: {written}}} if {local} else {{}})")
        elif written == local:
            items.append(f"{attribute.name!r}: {value}")
        else:
            body.append(f"{local} = {value}")
            items.append(f"{attribute.name!r}: {written}")
    lines = [
        "def unstructure(r):",
        *("    " + line for line in body),
        "    return {" + ", ".join(items) + "}",
    ]
    writer: Callable[[Any], dict[str, Any]] = compile_function(
        lines, f"{what} {cls.__module__}.{cls.__qualname__}", ns.names
    )
    return writer


#: The unstructure hooks that :func:`record_writer` compiled for the
#: library's record classes, and the class of each (weakly: a converter's
#: hooks go with it).
COMPILED: Final[weakref.WeakKeyDictionary[Callable[..., Any], type[Any]]] = (
    weakref.WeakKeyDictionary()
)

#: The JSON data hook made for each unstructure hook of the library's
#: converter met so far (a hook of anything else: ``None``).  A hook registered
#: on the converter replaces the converter's hooks of the classes that hold
#: it (cattrs makes them anew): their JSON data hooks are made anew too.
_JSON_DATA: Final[dict[Callable[..., Any], Callable[[Any], Any] | None]] = {}


def json_data_hook(
    conv: cattrs.Converter, cls: type[Any]
) -> Callable[[Any], Any] | None:
    """
    The function giving the data orjson writes for a record of *cls* as
    *conv*, the library's converter, writes it, if *cls* is one of the
    library's record classes and *conv* writes it with the hook it compiled;
    ``None`` for any other class, or a hook of your own.
    """
    if not checked_on_construction(cls):
        return None  # not one of the library's classes
    hook = conv.get_unstructure_hook(cls)
    try:
        return _JSON_DATA[hook]
    except KeyError:
        pass
    except TypeError:  # an unhashable callable: a hook of your own
        return None
    made = None
    try:
        compiled = COMPILED.get(hook) is cls
    except TypeError:  # not weakly referable: not one of the compiled hooks
        compiled = False
    if compiled:
        _JSON_DATA[hook] = hook  # a record holding its own class: the hook there
        made = record_writer(
            cls, conv, "JSON data", lambda kind, ns, v: _json_expr(kind, ns, v, conv)
        )
    _JSON_DATA[hook] = made
    return made


def _json_expr(kind: Kind, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
    """An expression giving data that orjson writes as ``kind.dump(v)``."""
    cls = type(kind)
    if cls is History:  # its changes as a list of StatusChange records
        return _json_expr(History.written_as, ns, v, conv, depth)
    if cls is StatusKind:  # a member's value, or a text as it is: no call
        return f"{ns.name(getattr)}({v}, '_value_', {v})"
    if (  # a list of the kind's items, as Many writes it (a subclass too)
        isinstance(kind, Many)
        and cls.dump is Many.dump
        and cls.dump_expr is Many.dump_expr
    ):
        item = f"_d{depth}"
        inner = _json_expr(kind.kind, ns, item, conv, depth + 1)
        # A record holds a tuple: anything else (set past the checks) is
        # written as the converter writes it, or refused alike.
        if inner == item:
            return f"({v} if {v}.__class__ is {ns.name(tuple)} else [*{v}])"
        function = inner.removesuffix(f"({item})")
        items = (
            f"[*map({function}, {v})]"
            if function.isidentifier()  # one call of each item
            else f"[{inner} for {item} in {v}]"
        )
        return f"({v} if {v} == () else {items})"
    if cls is Maybe:
        inner = _json_expr(kind.kind, ns, v, conv, depth)  # type: ignore[attr-defined]
        return v if inner == v else f"(None if {v} is None else {inner})"
    if cls is Nested:
        hook = json_data_hook(conv, kind.cls)  # type: ignore[attr-defined]
        if hook is not None:
            return f"{ns.name(hook)}({v})"
    return kind.dump_expr(ns, v, conv, depth)
