"""
The serialized form of every record: plain JSON data, JSON text and JSON Lines.

One library-owned :class:`cattrs.Converter` turns records into JSON-compatible
data and back (:data:`converter`; :func:`make_converter` builds a fresh one to
extend).  The format is the library's most lasting promise, so it is fixed here:

* **Objects.**  A record is a JSON object whose keys are its fields, in the
  order the class declares them.  *Every* field is written, including ``null``
  and empty arrays, so a document describes itself and the same record always
  gives byte-identical JSON.  On load, fields with a default may be left out.
* **Strict types.**  No coercion on load: ``"5"`` is not a number, ``1`` is not a
  string, ``true`` is not an integer, ``"Kyiv"`` is not a list, an object is not
  a list.  Tuples are JSON arrays.  Numbers must be finite; ``NaN`` and
  ``Infinity`` are not JSON.
* **Moments** are text: ``2025-07-14`` for a date, ``2025-07``/``2025`` for a
  month or a year, ``2025-07-14T12:00:00-04:00[America/New_York]`` (RFC 9557) for
  a datetime in a named zone, ``2025-07-14T16:00:00Z`` for UTC and
  ``2025-07-14T15:00:00+03:00`` (RFC 3339) for a fixed offset
  (:func:`~negotiation_records.format_moment`).  **Periods** are ISO 8601
  durations (``P50D``, ``PT48H``).  **Enums** are their values (``"third-party"``).
* **Deadlines** hold their rule (anchor with a period or a number of business
  days) *and* the resolved ``due`` moment; on load the two must agree.
* **Versions.**  A serialized :class:`~negotiation_records.Negotiation` starts
  with ``"schema_version": 1``.  A newer or missing version is refused; older
  versions are upgraded by the steps registered with
  :func:`~negotiation_records.register_migration`.
* **Unknown keys** are refused, naming the key and where it is (they are usually
  typos).  ``strict=False`` ignores them instead, for documents written by a
  newer library that added fields; everything else stays strict.
* **Duplicate keys** in a JSON object are refused: parsers disagree on which one
  wins, so such a document has no single meaning.

Every problem with the input — invalid JSON or UTF-8, wrong types, missing fields,
unknown enum values, impossible dates, naive datetimes, unknown zones, dangling
references, absurd nesting, numbers too large — is reported as one
:class:`~negotiation_records.ValidationError` listing every problem found with
its path (``parties[1].kind: 'stat' is not a valid PartyKind ...``).  Nothing in
a document is ever run as code: there is no pickle and no YAML.

Problems of shape (a wrong type, a missing or unknown key) are found everywhere at
once.  A record's own checks (non-blank text, slugs, the order of dates, a
deadline's rule, a negotiation's references) run when all of that record's fields
have loaded: a record with a field of the wrong type reports that first, and its
other problems once it is fixed.
"""

from __future__ import annotations

import enum
import functools
import io
import itertools
import json
import math
import os
import re
import types
import typing
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Final, TypeVar, get_args, get_origin

import attrs
import cattrs
import pendulum
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
    StructureHandlerNotFoundError,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from negotiation_records import _fastjson, _validators
from negotiation_records._validators import Record as _Record
from negotiation_records._validators import (
    _FastCode,
    as_optional_text,
    as_text,
    as_text_tuple,
    as_tuple,
    compile_function,
    cross_field_validator,
    record_validator,
    short_repr,
)
from negotiation_records.conditions import Condition
from negotiation_records.errors import ValidationError, join_path
from negotiation_records.migrations import SCHEMA_VERSION, upgrade
from negotiation_records.negotiation import Negotiation
from negotiation_records.timeutil import (
    Moment,
    PartialDate,
    Period,
    format_moment,
    parse_moment,
    to_date,
    to_moment,
    to_optional_moment,
)


__all__ = [
    "SCHEMA_VERSION",
    "JSONLinesError",
    "converter",
    "from_dict",
    "from_json",
    "make_converter",
    "read_jsonl",
    "to_dict",
    "to_json",
    "write_jsonl",
]

T = TypeVar("T")

_NONE_TYPE: Final = type(None)
_OPTIONAL_MOMENT: Final = Moment | None
_AMOUNT: Final = int | float
_DEMAND: Final = Condition | str
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_DATE_TEXT: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT_FORMS: Final = (
    "YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339/RFC 9557 timestamp such as "
    "'2025-07-14T12:00:00-04:00[America/New_York]'"
)


#: What some of the library's structure and unstructure hooks do, for the
#: compiled record hooks (see "compiled record hooks" below): a hook maps to its
#: kind and what it uses.
_HOOK_KINDS: weakref.WeakKeyDictionary[Callable[..., Any], tuple[Any, ...]] = (
    weakref.WeakKeyDictionary()
)


class JSONLinesError(ValidationError):
    """
    A :class:`~negotiation_records.ValidationError` in one line of a JSON Lines file.

    ``errors`` holds the problems with paths inside that line's record, as
    :func:`from_json` reports them; ``line`` is the line number (from 1), and
    ``str()`` starts with it.

    Attributes:
        line: The number of the offending line, counting from 1.

    Example:
        >>> import io
        >>> lines = io.StringIO('{"id": "a", "publisher": "A"}\\n{"id": "b"}\\n')
        >>> try:
        ...     list(read_jsonl(Source, lines))
        ... except JSONLinesError as exc:
        ...     print(exc.line, exc.errors)
        ...     print(exc)
        2 (('publisher', 'required field missing'),)
        line 2: publisher: required field missing
    """

    line: int

    def __init__(self, line: int, errors: Iterable[tuple[str, str]]) -> None:
        super().__init__(errors)
        self.line = line

    def __str__(self) -> str:
        return f"line {self.line}: {super().__str__()}"

    def __repr__(self) -> str:
        return f"JSONLinesError({self.line}, {list(self.errors)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.line, self.errors))


# --- describing hostile values in messages -------------------------------------


def _show(value: object) -> str:
    """Describe a value in JSON's words, briefly and without walking it."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return f"number {short_repr(value)}"
    if isinstance(value, str):
        return f"string {short_repr(value)}"
    if isinstance(value, list):
        return f"an array of {len(value)} item{'' if len(value) == 1 else 's'}"
    if isinstance(value, dict):
        return f"an object with {len(value)} key{'' if len(value) == 1 else 's'}"
    return f"{type(value).__name__} {short_repr(value)}"


def _fail(message: str) -> ValidationError:
    return ValidationError([("$", message)])


# --- strict primitives -----------------------------------------------------------


def _structure_str(value: Any, _: Any = str) -> str:
    if value.__class__ is not str:
        raise _fail(f"must be a string, got {_show(value)}")
    if not value.isascii() and _SURROGATE.search(value):
        raise _fail(
            f"contains a lone surrogate, which is not Unicode text: {short_repr(value)}"
        )
    return value


def _structure_int(value: Any, _: Any = int) -> int:
    if value.__class__ is not int:
        raise _fail(f"must be an integer, got {_show(value)}")
    return value


def _structure_float(value: Any, _: Any = float) -> float:
    if value.__class__ is float:
        if not math.isfinite(value):
            raise _fail(f"must be a finite number, got {_show(value)}")
        return value
    if value.__class__ is int:
        return float(value)
    raise _fail(f"must be a number, got {_show(value)}")


def _structure_number(value: Any, _: Any = _AMOUNT) -> int | float:
    if value.__class__ is int:
        return value
    if value.__class__ is float:
        if not math.isfinite(value):
            raise _fail(f"must be a finite number, got {_show(value)}")
        return value
    raise _fail(f"must be a number, got {_show(value)}")


def _structure_bool(value: Any, _: Any = bool) -> bool:
    if value.__class__ is not bool:
        raise _fail(f"must be true or false, got {_show(value)}")
    return value


def _enum_structure_factory(cls: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    members = {member.value: member for member in cls}
    choices = ", ".join(repr(value) for value in members)
    name = cls.__name__

    def structure(value: Any, _: Any = cls) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            pass
        if value.__class__ is str:
            raise _fail(
                f"{short_repr(value)} is not a valid {name} (choose from {choices})"
            )
        raise _fail(
            f"must be a string naming a {name} (one of {choices}), got {_show(value)}"
        )

    _HOOK_KINDS[structure] = ("enum", members)
    return structure


# --- collections and optional values ---------------------------------------------


def _is_homogeneous_sequence(t: Any) -> bool:
    origin = get_origin(t)
    if origin is list:
        return len(get_args(t)) == 1
    if origin is tuple:
        args = get_args(t)
        return len(args) == 2 and args[1] is Ellipsis
    return False


def _sequence_structure_factory(
    t: Any, conv: cattrs.BaseConverter
) -> Callable[[Any, Any], Any]:
    item_type = get_args(t)[0]
    item_hook = conv.get_structure_hook(item_type)
    make: Callable[[list[Any]], Any] = list if get_origin(t) is list else tuple

    if item_type is str and item_hook is _structure_str:

        def structure_strings(value: Any, _: Any = t) -> Any:
            if value.__class__ is not list:
                raise _fail(f"must be an array, got {_show(value)}")
            for item in value:
                if item.__class__ is not str or (
                    not item.isascii() and _SURROGATE.search(item)
                ):
                    return _structure_items(value, item_hook, item_type, t, make)
            return make(value)

        _HOOK_KINDS[structure_strings] = ("strings", make)
        return structure_strings

    def structure(value: Any, _: Any = t) -> Any:
        if value.__class__ is not list:
            raise _fail(f"must be an array, got {_show(value)}")
        return _structure_items(value, item_hook, item_type, t, make)

    _HOOK_KINDS[structure] = ("items", item_hook, item_type, make)
    return structure


def _structure_items(
    value: list[Any],
    hook: Callable[[Any, Any], Any],
    item_type: Any,
    t: Any,
    make: Callable[[list[Any]], Any],
) -> Any:
    result = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        try:
            result.append(hook(item, item_type))
        except Exception as exc:  # noqa: BLE001 - collected, reported with its index
            exc.__notes__ = [
                *getattr(exc, "__notes__", []),
                IterableValidationNote(
                    f"Structuring {t} @ index {index}", index, item_type
                ),
            ]
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {t!r}", errors, t)
    return make(result)


def _sequence_unstructure_factory(
    t: Any, conv: cattrs.BaseConverter
) -> Callable[[Any], Any]:
    item_hook = conv.get_unstructure_hook(get_args(t)[0])
    if get_args(t)[0] in (str, int, bool, float):
        return list

    def unstructure(value: Any) -> list[Any]:
        return [item_hook(item) for item in value] if value else []

    _HOOK_KINDS[unstructure] = ("items", item_hook)
    return unstructure


def _is_optional(t: Any) -> bool:
    return get_origin(t) in (types.UnionType, typing.Union) and _NONE_TYPE in get_args(
        t
    )


def _without_none(t: Any) -> Any:
    return functools.reduce(
        lambda a, b: a | b, [arg for arg in get_args(t) if arg is not _NONE_TYPE]
    )


def _optional_structure_factory(
    t: Any, conv: cattrs.BaseConverter
) -> Callable[[Any, Any], Any]:
    inner = _without_none(t)
    hook = conv.get_structure_hook(inner)

    if hook is _structure_str:

        def structure_optional_str(value: Any, _: Any = t) -> Any:
            if value is None or (value.__class__ is str and value.isascii()):
                return value
            return _structure_str(value)

        _HOOK_KINDS[structure_optional_str] = ("optional-str",)
        return structure_optional_str

    def structure(value: Any, _: Any = t) -> Any:
        if value is None:
            return None
        return hook(value, inner)

    _HOOK_KINDS[structure] = ("optional", hook, inner)
    return structure


def _optional_unstructure_factory(
    t: Any, conv: cattrs.BaseConverter
) -> Callable[[Any], Any]:
    hook = conv.get_unstructure_hook(_without_none(t))
    if hook == identity:
        return identity

    def unstructure(value: Any) -> Any:
        return None if value is None else hook(value)

    _HOOK_KINDS[unstructure] = ("optional", hook)
    return unstructure


# --- time values -------------------------------------------------------------------


#: Moments read from text, by the text.  Moments are immutable values and the
#: same dates recur throughout a record and a corpus ("2025-07-14" in a round,
#: a proposal, its responses and the statements about it), so a loaded moment
#: is read once and shared.  Bounded; bad text is not kept (it raises).
_parse_moment_cached: Final = functools.lru_cache(maxsize=4096)(parse_moment)


def _structure_moment(value: Any, _: Any = Moment) -> Moment:
    if value.__class__ is not str or not value.isascii():
        raise _fail(f"must be a moment as text ({_MOMENT_FORMS}), got {_show(value)}")
    return _parse_moment_cached(value)


def _structure_date(value: Any, _: Any = pendulum.Date) -> pendulum.Date:
    if value.__class__ is not str or not _DATE_TEXT.fullmatch(value):
        raise _fail(f"must be a date as text (YYYY-MM-DD), got {_show(value)}")
    try:
        return pendulum.Date.fromisoformat(value)
    except ValueError as exc:
        raise _fail(f"impossible date {short_repr(value)}: {exc}") from None


def _structure_datetime(value: Any, _: Any = pendulum.DateTime) -> pendulum.DateTime:
    moment = _structure_moment(value)
    if not isinstance(moment, pendulum.DateTime):
        raise _fail(f"must be a timestamp with a zone or an offset, got {_show(value)}")
    return moment


def _structure_partial_date(value: Any, _: Any = PartialDate) -> PartialDate:
    moment = _structure_moment(value)
    if not isinstance(moment, PartialDate):
        raise _fail(f"must be a month (YYYY-MM) or a year (YYYY), got {_show(value)}")
    return moment


def _structure_period(value: Any, _: Any = Period) -> Period:
    if value.__class__ is not str or not value.isascii():
        raise _fail(
            f"must be an ISO 8601 duration as text (P50D, PT48H), got {_show(value)}"
        )
    return Period.parse(value)


def _structure_duration(value: Any, _: Any = pendulum.Duration) -> pendulum.Duration:
    return _structure_period(value).to_duration()


def _unstructure_date(value: pendulum.Date) -> str:
    return value.isoformat()


def _unstructure_period(value: Period) -> str:
    return value.isoformat()


def _unstructure_duration(value: pendulum.Duration) -> str:
    return Period.from_duration(value).isoformat()


#: The text of the ``pendulum.DateTime`` objects written lately, by the
#: object's identity: ``id(moment) -> (moment, text)``.  Writing one costs about
#: 1.5 µs, most of it ``zoneinfo`` finding the UTC offset of a ``datetime``
#: subclass the slow way, and moment objects are shared: loaded moments come
#: from ``_parse_moment_cached``, and records built in Python pass the same
#: moments around (a round's start, the proposals made then, their responses).
#: Keyed by identity rather than by value, a moment never written before costs
#: only a dictionary look-up more (its hash would cost as much as its text); an
#: entry holds its moment, so its ``id`` cannot be reused while it is kept.
#: Bounded: emptied when full.
_WRITTEN: Final[dict[int, tuple[pendulum.DateTime, str]]] = {}
_WRITTEN_MAX: Final = 4096


def _write_datetime(value: pendulum.DateTime) -> str:
    """The text of a ``pendulum.DateTime``, as :func:`format_moment` writes it."""
    entry = _WRITTEN.get(id(value))
    if entry is not None and entry[0] is value:
        return entry[1]
    text = format_moment(value)
    if len(_WRITTEN) >= _WRITTEN_MAX:
        _WRITTEN.clear()
    _WRITTEN[id(value)] = (value, text)
    return text


def _write_moment(value: Moment) -> str:
    """The text of a moment in a record, as :func:`format_moment` writes it."""
    if value.__class__ is pendulum.Date:
        return value.isoformat()
    if value.__class__ is pendulum.DateTime:
        return _write_datetime(value)
    return format_moment(value)


def _unstructure_optional_moment(value: Moment | None) -> str | None:
    if value is None:
        return None
    return _write_moment(value)


def _unstructure_moment(value: Moment) -> str:
    return _write_moment(value)


# --- numbers ---------------------------------------------------------------------


#: Counts the floats between -1e-4 and 1e-4 (zero aside) that the library's
#: records have written: the only numbers that :mod:`json` and orjson write
#: differently (``1e-05`` and ``0.00001``).  :func:`to_json` reads it before and
#: after writing a record, and asks :mod:`._fastjson` to search the output for
#: such numbers only when it moved (in this thread or another: then it searches
#: needlessly, never wrongly).  ``next()`` on a count is atomic.
_SMALL_FLOATS: Final = itertools.count()


def _unstructure_number(value: int | float) -> int | float:
    if value.__class__ is float and -1e-4 < value < 1e-4 and value:
        next(_SMALL_FLOATS)
    return value


def _is_plain_enum(t: Any) -> bool:
    return isinstance(t, enum.EnumMeta) and "_value_" not in getattr(
        t, "__annotations__", {}
    )


def _enum_unstructure_factory(cls: type[enum.Enum]) -> Callable[[Any], Any]:
    def unstructure(value: enum.Enum) -> Any:
        return value._value_

    _HOOK_KINDS[unstructure] = ("enum",)
    return unstructure


#: Unstructure hooks that write no float, or count the small ones (see
#: ``_SMALL_FLOATS``); ``identity`` and ``list`` only for the library's own
#: records, whose plain fields hold no float (a test checks every field type).
_COUNTING_HOOKS: Final = frozenset(
    [
        identity,
        list,
        _unstructure_date,
        _unstructure_period,
        _unstructure_duration,
        _unstructure_moment,
        _unstructure_optional_moment,
        _unstructure_number,
        format_moment,
        _write_moment,
    ]
)


def _counts_small_floats(hook: Any) -> bool:
    """Whether every float written by *hook* from a library record is counted."""
    if hook in _COUNTING_HOOKS:
        return True
    kind = _HOOK_KINDS.get(hook, ("",))
    if kind[0] == "enum":
        return True  # the library's enums have text values
    if kind[0] in ("items", "optional", "text-or"):
        return _counts_small_floats(kind[1])
    return bool(kind[0] == "counting")  # a library record's own compiled hook


# --- records ------------------------------------------------------------------------


class _DuplicateKeys(dict[str, Any]):
    """A parsed JSON object in which a key appeared twice (refused where loaded)."""

    __slots__ = ("duplicates",)

    duplicates: list[str]


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked = _DuplicateKeys(result)
    seen: set[str] = set()
    marked.duplicates = []
    for key, _ in pairs:
        if key in seen and key not in marked.duplicates:
            marked.duplicates.append(key)
        seen.add(key)
    return marked


def _check_object(value: Any, name: str) -> None:
    if value.__class__ is dict:
        return
    if isinstance(value, _DuplicateKeys):
        raise ValidationError(
            ("$", f"duplicate key {short_repr(key)} in one JSON object")
            for key in value.duplicates
        )
    if not isinstance(value, dict):
        raise _fail(f"must be an object ({name}), got {_show(value)}")


def _is_record(t: Any) -> bool:
    return isinstance(t, type) and attrs.has(t)


def _record_structure_factory(
    cls: type[Any], conv: cattrs.BaseConverter
) -> Callable[[Any, Any], Any]:
    inner = make_dict_structure_fn(cls, conv)
    name = cls.__name__
    if cls is Negotiation:

        def structure_document(value: Any, _: Any = cls) -> Any:
            _check_object(value, name)
            return inner(upgrade(value), cls)

        return _compiled_structure(cls, conv, structure_document) or structure_document

    def structure(value: Any, _: Any = cls) -> Any:
        if value.__class__ is not dict:
            _check_object(value, name)
        return inner(value, cls)

    return _compiled_structure(cls, conv, structure) or structure


# --- compiled record hooks ------------------------------------------------------------
#
# cattrs' generated hook builds a dict of keyword arguments, calls a hook for
# every field, then the class, whose ``__init__`` runs every converter again on
# what the hooks already converted.  For the usual case — a valid object — a
# record class gets one compiled function that reads the fields, runs only the
# converters that can still change a value (NFC for non-ASCII text, the enum
# converters ...), tests each value with the compiled field checks of
# ``_validators`` as it reads it, and builds the record the way its ``__init__``
# does (attributes set in order), then runs the checks across fields.  Anything
# unusual — a wrong type, a missing or unknown key, a value the compiled checks
# do not vouch for, a failed check — sends the object to the cattrs hook, which
# gives the result or the exact errors: the compiled function only ever answers
# for input on which the two agree.

_MISSING: Final = object()

#: The moment hooks give moments that these converters give back unchanged.
_MOMENT_HOOKS: Final = frozenset(
    [_structure_moment, _structure_date, _structure_datetime, _structure_partial_date]
)
_MOMENT_CONVERTERS: Final = frozenset([to_moment, to_optional_moment, to_date])
_IMMUTABLE: Final = (str, int, float, bool, type(None), enum.Enum)


class _NotCompiledError(Exception):
    """A record class (or a field of one) that the compiler leaves to cattrs."""


def _compiled_structure(
    cls: type[Any], conv: cattrs.BaseConverter, slow: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any] | None:
    """The compiled hook of the record class *cls* in front of cattrs' hook *slow*,
    or ``None`` if *cls* is not a plain record (then *slow* is used alone)."""
    if getattr(conv, "use_alias", False) or not issubclass(cls, _Record):
        return None
    try:
        return _compile_structure(cls, conv, slow)
    except _NotCompiledError:
        return None


def _compile_structure(
    cls: type[Any], conv: cattrs.BaseConverter, slow: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any]:
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    names: dict[str, Any] = {
        "_cls": cls,
        "_slow": slow,
        "_MISSING": _MISSING,
        "_new": object.__new__,
        "_set": object.__setattr__,
        "_upgrade": upgrade,
    }

    def name(obj: object) -> str:
        key = f"_n{len(names)}"
        names[key] = obj
        return key

    checks = _FastCode(prefix="_c", fail="raise LookupError")
    body = ["d = _upgrade(o)" if cls is Negotiation else "d = o"]
    if getattr(conv, "forbid_extra_keys", False):
        keys = name(frozenset(field.name for field in fields))
        body += [f"if not {keys}.issuperset(d):", "    raise LookupError"]
    for index, field in enumerate(fields):
        converter = field.converter
        if (
            not field.init
            or field.type is None
            or field.alias != field.name
            or field.validator is not None
            or not (converter is None or isinstance(converter, types.FunctionType))
        ):
            raise _NotCompiledError
        hook = conv.get_structure_hook(field.type)
        value = _field_code(field.type, hook, converter, name)
        if _validators._COMPILED_CHECKS:
            value += checks.field(field, "v", "")
        if field.default is attrs.NOTHING:
            body += [f"v = d[{field.name!r}]", *value]
        else:
            body += [f"v = d.get({field.name!r}, _MISSING)", "if v is _MISSING:"]
            body += ["    " + line for line in _default_code(field, name)]
            body += ["else:", *("    " + line for line in value)]
        body.append(f"f{index} = v")
    body.append("self = _new(_cls)")
    for i, field in enumerate(fields):
        slot = getattr(cls, field.name, None)
        if isinstance(slot, types.MemberDescriptorType):  # a slot: set it directly
            body.append(f"{name(slot.__set__)}(self, f{i})")
        else:  # pragma: no cover - every record is slotted
            body.append(f"_set(self, {field.name!r}, f{i})")
    if cls.__attrs_post_init__ is not _Record.__attrs_post_init__:
        raise _NotCompiledError  # pragma: no cover - no record overrides it
    if not _validators._COMPILED_CHECKS:  # every field's check, then the rest
        body.append(f"{name(record_validator(cls))}(self)")
    elif (cross := cross_field_validator(cls)) is not None:
        body.append(f"{name(cross)}(self)")
    body.append("return self")
    names.update(checks.names)
    lines = [
        "def structure(o, _=None):",
        "    if o.__class__ is dict:",
        "        try:",
        *("            " + line for line in body),
        "        except Exception:",
        "            pass",
        "    return _slow(o, _cls)",
    ]
    filename = f"<compiled structure {cls.__module__}.{cls.__qualname__}>"
    structure: Callable[[Any, Any], Any] = compile_function(lines, filename, names)
    return structure


def _default_code(field: Any, name: Callable[[object], str]) -> list[str]:
    """Code giving a missing field the value ``__init__`` would give it."""
    default = field.default
    converter = field.converter
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            raise _NotCompiledError
        call = f"{name(default.factory)}()"
        return [f"v = {name(converter)}({call})" if converter else f"v = {call}"]
    value = converter(default) if converter is not None else default
    if isinstance(value, _IMMUTABLE) or (
        value.__class__ is tuple and all(isinstance(i, _IMMUTABLE) for i in value)
    ):
        return [f"v = {name(value)}"]
    if converter is not None:
        return [f"v = {name(converter)}({name(default)})"]
    raise _NotCompiledError


def _field_code(
    t: Any,
    hook: Callable[..., Any],
    converter: Callable[[Any], Any] | None,
    name: Callable[[object], str],
) -> list[str]:
    """
    Code that turns the raw value in ``v`` into the field's value in ``v``, as
    ``converter(hook(v, t))`` does, skipping the calls that change nothing.
    """
    plain = f"{name(hook)}(v, {name(t)})"
    full = f"{name(converter)}({plain})" if converter is not None else plain
    then = [f"v = {name(converter)}(v)"] if converter is not None else []
    kind = _HOOK_KINDS.get(hook, ("",))
    if hook is _structure_str:  # ASCII is NFC: as_text would give it back
        test = "if v.__class__ is not str or not v.isascii():"
        if converter in (None, as_text):
            return [test, f"    v = {full}"]
        return [test, f"    v = {plain}", *then]
    if hook is _structure_int or hook is _structure_bool:
        exact = "int" if hook is _structure_int else "bool"
        return [f"if v.__class__ is not {exact}:", f"    v = {plain}", *then]
    if hook in _MOMENT_HOOKS and converter in (None, *_MOMENT_CONVERTERS):
        return [f"v = {plain}"]
    if kind[0] == "optional" and converter in (None, *_MOMENT_CONVERTERS):
        if kind[1] in _MOMENT_HOOKS:
            return ["if v is not None:", f"    v = {name(kind[1])}(v, {name(kind[2])})"]
    if kind[0] == "optional-str" and converter in (None, as_optional_text):
        return [
            "if v is not None and (v.__class__ is not str or not v.isascii()):",
            f"    v = {full}",
        ]
    if kind[0] == "strings" and kind[1] is tuple:
        if converter in (None, as_text_tuple, as_tuple):
            return [
                "if v.__class__ is list:",
                "    for _x in v:",
                "        if _x.__class__ is not str or not _x.isascii():",
                f"            v = {full}",
                "            break",
                "    else:",
                "        v = tuple(v)",
                "else:",
                f"    v = {full}",
            ]
    if kind[0] == "enum":
        return [f"v = {name(kind[1])}[v]", *then]
    if kind[0] == "items" and kind[3] is tuple and converter in (None, as_tuple):
        item, item_type = name(kind[1]), name(kind[2])
        return [
            "if v.__class__ is list:",
            f"    v = tuple([{item}(_x, {item_type}) for _x in v])",
            "else:",
            f"    v = {plain}",
        ]
    return [f"v = {full}"]


def _record_unstructure_factory(
    cls: type[Any], conv: cattrs.BaseConverter
) -> Callable[[Any], dict[str, Any]]:
    """
    The unstructure hook of a record: a compiled function that writes every
    field in order, calling the field types' hooks (the ones cattrs' generated
    function would call) except where their work fits in an expression: plain
    values, enums, arrays of text, moments.  A ``Negotiation`` starts with its
    ``schema_version``.
    """
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    if getattr(conv, "use_alias", False) or not issubclass(cls, _Record):
        return make_dict_unstructure_fn(cls, conv)  # your own attrs classes: cattrs
    names: dict[str, Any] = {
        "_Date": pendulum.Date,
        "_DateTime": pendulum.DateTime,
        "_datetime": _write_datetime,
        "_format": format_moment,
    }

    def name(obj: object) -> str:
        key = f"_n{len(names)}"
        names[key] = obj
        return key

    body: list[str] = []
    items = [f"'schema_version': {SCHEMA_VERSION!r}"] if cls is Negotiation else []
    hooks = [conv.get_unstructure_hook(field.type) for field in fields]
    for index, (field, hook) in enumerate(zip(fields, hooks, strict=True)):
        value = f"r.{field.name}"
        kind = _HOOK_KINDS.get(hook, ("",))[0]
        if hook is identity:
            items.append(f"{field.name!r}: {value}")
            continue
        if hook is list:
            items.append(f"{field.name!r}: [*{value}]")
            continue
        if kind == "enum":
            items.append(f"{field.name!r}: {value}._value_")
            continue
        written = f"v{index}"
        moment = (  # _write_moment, inline
            f"({written}.isoformat() if {written}.__class__ is _Date"
            f" else _datetime({written})"
            f" if {written}.__class__ is _DateTime else _format({written}))"
        )
        body.append(f"{written} = {value}")
        if hook is _unstructure_moment:
            body.append(f"{written} = {moment}")
        elif hook is _unstructure_optional_moment:
            body.append(f"if {written} is not None:")
            body.append(f"    {written} = {moment}")
        elif kind == "items":
            item = name(_HOOK_KINDS[hook][1])
            body.append(f"{written} = [*map({item}, {written})] if {written} else []")
        elif kind == "optional":
            inner = name(_HOOK_KINDS[hook][1])
            body.append(f"if {written} is not None:")
            body.append(f"    {written} = {inner}({written})")
        else:
            body.append(f"{written} = {name(hook)}({written})")
        items.append(f"{field.name!r}: {written}")
    lines = [
        "def unstructure(r):",
        *("    " + line for line in body),
        "    return {" + ", ".join(items) + "}",
    ]
    filename = f"<compiled unstructure {cls.__module__}.{cls.__qualname__}>"
    unstructure: Callable[[Any], dict[str, Any]] = compile_function(
        lines, filename, names
    )
    own = cls.__module__.partition(".")[0] == __name__.partition(".")[0]
    if own and all(_counts_small_floats(hook) for hook in hooks):
        _HOOK_KINDS[unstructure] = ("counting",)
    return unstructure


def _structure_demand_factory(
    t: Any, conv: cattrs.BaseConverter
) -> Callable[[Any, Any], Any]:
    condition = conv.get_structure_hook(Condition)

    def structure(value: Any, _: Any = t) -> Condition | str:
        if value.__class__ is str:
            return _structure_str(value)
        if isinstance(value, dict):
            loaded: Condition = condition(value, Condition)
            return loaded
        raise _fail(f"must be text or a Condition object, got {_show(value)}")

    return structure


def _demand_unstructure_factory(
    t: Any, conv: cattrs.BaseConverter
) -> Callable[[Any], Any]:
    condition = conv.get_unstructure_hook(Condition)

    def unstructure(value: Condition | str) -> Any:
        return value if isinstance(value, str) else condition(value)

    _HOOK_KINDS[unstructure] = ("text-or", condition)
    return unstructure


# --- the converter -------------------------------------------------------------------


def _equals(target: Any) -> Callable[[Any], bool]:
    def predicate(t: Any) -> bool:
        return bool(t == target)

    return predicate


def make_converter(*, forbid_extra_keys: bool = True) -> cattrs.Converter:
    """
    A new :class:`cattrs.Converter` configured for the library's JSON format.

    Use it to extend the format without touching the library's own
    :data:`converter` (nor :data:`cattrs.global_converter`): register your hooks
    on the new converter and pass it as ``converter=`` to :func:`to_dict`,
    :func:`from_dict` and the other functions of this module.  Each call builds
    an independent converter; hooks are generated per class on first use, and
    :meth:`cattrs.Converter.copy` keeps them all (unions are registered through
    predicates, which cattrs copies).

    *forbid_extra_keys* (default ``True``) refuses unknown keys; pass ``False``
    for a converter that ignores them.

    Example:
        >>> conv = make_converter()
        >>> conv.unstructure(PartialDate(2025, 6)), conv is converter
        ('2025-06', False)
    """
    conv = cattrs.Converter(forbid_extra_keys=forbid_extra_keys)

    # Strict primitives (cattrs' defaults coerce: str(1), int("5"), bool("false")).
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_func(_equals(_AMOUNT), _structure_number)

    # Enums by value, with the choices in the message.
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, enum.EnumMeta), _enum_structure_factory
    )
    conv.register_unstructure_hook_factory(_is_plain_enum, _enum_unstructure_factory)

    # Arrays (never strings, objects or anything else) for tuples and lists.
    conv.register_structure_hook_factory(
        _is_homogeneous_sequence, _sequence_structure_factory
    )
    conv.register_unstructure_hook_factory(
        _is_homogeneous_sequence, _sequence_unstructure_factory
    )

    # Optional values: null, or the value.
    conv.register_structure_hook_factory(_is_optional, _optional_structure_factory)
    conv.register_unstructure_hook_factory(_is_optional, _optional_unstructure_factory)

    # Time values: each exact class separately (DateTime subclasses Date).
    conv.register_structure_hook(pendulum.Date, _structure_date)
    conv.register_unstructure_hook(pendulum.Date, _unstructure_date)
    conv.register_structure_hook(pendulum.DateTime, _structure_datetime)
    conv.register_unstructure_hook(pendulum.DateTime, _write_moment)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, format_moment)
    conv.register_structure_hook(Period, _structure_period)
    conv.register_unstructure_hook(Period, _unstructure_period)
    conv.register_structure_hook(pendulum.Duration, _structure_duration)
    conv.register_unstructure_hook(pendulum.Duration, _unstructure_duration)
    conv.register_structure_hook_func(_equals(Moment), _structure_moment)
    conv.register_unstructure_hook_func(_equals(Moment), _unstructure_moment)
    conv.register_unstructure_hook_func(
        _equals(_OPTIONAL_MOMENT), _unstructure_optional_moment
    )

    # Records: generated by cattrs, behind a check that the value is an object.
    conv.register_structure_hook_factory(_is_record, _record_structure_factory)
    conv.register_unstructure_hook_factory(_is_record, _record_unstructure_factory)
    # A demand is a Condition or text; registered last, so it wins over the above.
    conv.register_structure_hook_factory(_equals(_DEMAND), _structure_demand_factory)
    conv.register_unstructure_hook_factory(
        _equals(_DEMAND), _demand_unstructure_factory
    )
    conv.register_unstructure_hook_func(_equals(_AMOUNT), _unstructure_number)
    return conv


converter: Final = make_converter()
"""The library's converter: the JSON-compatible form of every record (see :func:`make_converter`)."""

_default: Final = converter  # for functions whose ``converter`` argument hides the name


@functools.cache
def _lenient() -> cattrs.Converter:
    return make_converter(forbid_extra_keys=False)


def _pick(strict: bool, conv: cattrs.Converter | None) -> cattrs.Converter:
    if conv is None:
        return _default if strict else _lenient()
    return conv if strict else conv.copy(forbid_extra_keys=False)


# --- errors ------------------------------------------------------------------------------


def _collect(exc: BaseException, path: str = "") -> list[tuple[str, str]]:
    """Turn cattrs' exception groups into ``(path, message)`` pairs."""
    if isinstance(exc, ValidationError):
        return [(join_path(path, sub), message) for sub, message in exc.errors]
    if isinstance(exc, ClassValidationError):
        named, other = exc.group_exceptions()
        found: list[tuple[str, str]] = []
        for sub, note in named:
            found += _collect(sub, join_path(path, note.name))
        for sub in other:
            found += _collect(sub, path)
        return found
    if isinstance(exc, IterableValidationError):
        indexed, rest = exc.group_exceptions()
        found = []
        for sub, item in indexed:
            found += _collect(sub, join_path(path, f"[{item.index!r}]"))
        for sub in rest:
            found += _collect(sub, path)
        return found
    where = path or "$"
    if isinstance(exc, ForbiddenExtraKeysError):
        return [
            (where, f"unknown key {short_repr(key)}")
            for key in sorted(exc.extra_fields, key=repr)
        ]
    if isinstance(exc, KeyError) and _attribute_note(exc):
        return [(where, "required field missing")]
    if isinstance(exc, RecursionError):
        return [(where, "nested too deeply")]
    return [(where, f"invalid value ({type(exc).__name__}: {_cut(str(exc))})")]


def _attribute_note(exc: BaseException) -> bool:
    return any(
        isinstance(note, AttributeValidationNote)
        for note in getattr(exc, "__notes__", ())
    )


def _cut(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _hook(conv: cattrs.Converter, cls: Any) -> Callable[[Any, Any], Any]:
    try:
        return conv.get_structure_hook(cls)
    except StructureHandlerNotFoundError as exc:
        raise TypeError(f"cannot load {cls!r}: {exc}") from None


def _run(hook: Callable[[Any, Any], Any], data: Any, cls: Any) -> Any:
    try:
        return hook(data, cls)
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError(_collect(exc)) from exc


def _structure(conv: cattrs.Converter, data: Any, cls: Any) -> Any:
    return _run(_hook(conv, cls), data, cls)


# --- plain data ---------------------------------------------------------------------------


def to_dict(obj: Any, *, converter: cattrs.Converter | None = None) -> Any:
    """
    The JSON-compatible form of a record, or of a list or tuple of records.

    A record gives a ``dict`` (keys in field order, every field written), a list
    or tuple of records gives a ``list``.  Only plain JSON data comes out:
    ``dict``, ``list``, ``str``, ``int``, ``float``, ``bool`` and ``None``.

    Example:
        >>> to_dict(Party(id="russia", name="Russia", kind="state", country="RU"))
        ... # doctest: +NORMALIZE_WHITESPACE
        {'id': 'russia', 'name': 'Russia', 'kind': 'state', 'role': 'principal',
         'country': 'RU', 'wikidata': None, 'aliases': [], 'representatives': [],
         'members': [], 'sources': []}
    """
    conv = _default if converter is None else converter
    if isinstance(obj, (list, tuple)):
        return [conv.unstructure(item) for item in obj]
    return conv.unstructure(obj)


def from_dict(
    cls: type[T],
    data: Any,
    *,
    strict: bool = True,
    converter: cattrs.Converter | None = None,
) -> T:
    """
    Load a *cls* from JSON-compatible data, strictly.

    *cls* is a record class, or a list of one (``list[Party]``).  *data* must be
    plain JSON data (``dict``, ``list``, ``str``, ``int``, ``float``, ``bool``,
    ``None``): a Python tuple is not an array here, nor is ``1`` a string.
    Unknown keys are refused unless *strict* is ``False``, which ignores them.
    Any problem raises one :class:`~negotiation_records.ValidationError` listing
    them all with their paths.

    Example:
        >>> from_dict(Source, {"id": "tass", "publisher": "TASS"}).publisher
        'TASS'
        >>> from_dict(Source, {"id": "tass", "publisher": 1, "titel": "x"})
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: 2 problems:
          publisher: must be a string, got number 1
          $: unknown key 'titel'
        >>> from_dict(Source, {"id": "tass", "publisher": "TASS", "titel": "x"},
        ...           strict=False).id
        'tass'
    """
    result: T = _structure(_pick(strict, converter), data, cls)
    return result


# --- JSON text ------------------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_object_pairs, parse_constant=_reject_constant
)


def _parse_json(text: str | bytes | bytearray) -> Any:
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _fail(
                f"not UTF-8 text: {exc.reason} at byte offset {exc.start} "
                f"({bytes(exc.object[exc.start : exc.start + 4])!r})"
            ) from None
    elif not isinstance(text, str):
        raise _fail(f"must be JSON text (str or bytes), got {type(text).__name__}")
    if text.startswith("\ufeff"):
        raise _fail("invalid JSON: the text starts with a byte order mark (U+FEFF)")
    if not text.strip(" \t\r\n"):
        raise _fail("invalid JSON: no value (the text is empty or only white space)")
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        if exc.lineno == 1 and "\n" not in text.rstrip("\r\n"):
            where = f"column {exc.colno}"  # one line: the column says it all
        raise _fail(f"invalid JSON: {exc.msg} at {where}") from None
    except RecursionError:
        raise _fail("invalid JSON: nested too deeply") from None
    except ValueError as exc:
        message = str(exc)
        if "digits" in message:
            message = "a number has too many digits (more than 4300)"
        raise _fail(f"invalid JSON: {_cut(message)}") from None


def _written_by_counting_hooks(conv: cattrs.Converter, obj: Any) -> bool:
    """Whether *conv* writes *obj* (a record or a list of them) with hooks that
    count the small floats they write (see ``_SMALL_FLOATS``)."""
    hook = conv.get_unstructure_hook
    if isinstance(obj, (list, tuple)):
        return all(
            _HOOK_KINDS.get(hook(item.__class__)) == ("counting",) for item in obj
        )
    return _HOOK_KINDS.get(hook(obj.__class__)) == ("counting",)


def to_json(
    obj: Any,
    *,
    indent: int | None = None,
    converter: cattrs.Converter | None = None,
) -> str:
    """
    A record (or a list of records) as JSON text.

    The text is deterministic: the same record always gives the same string,
    keys in field order.  Without *indent* it is compact (no spaces, one line);
    with it, pretty-printed.  Non-ASCII text is written as is (UTF-8 when
    encoded), not as ``\\u`` escapes.

    Example:
        >>> to_json(Window.between(pendulum.date(2025, 7, 21), pendulum.date(2025, 7, 27)))
        '{"start":"2025-07-21","end":"2025-07-27","label":null}'
    """
    if indent is not None:
        data = to_dict(obj, converter=converter)
        return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=indent)
    if converter is None and _fastjson.AVAILABLE:
        counted = _written_by_counting_hooks(_default, obj)
        before = next(_SMALL_FLOATS)
        data = to_dict(obj)
        unsure = not counted or next(_SMALL_FLOATS) != before + 1
        text = _fastjson.dumps(data, may_hold_small_floats=unsure)
        if text is not _fastjson.NOT_FAST:
            result: str = text
            return result
    else:
        data = to_dict(obj, converter=converter)
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def from_json(
    cls: type[T],
    text: str | bytes | bytearray,
    *,
    strict: bool = True,
    converter: cattrs.Converter | None = None,
) -> T:
    """
    Load a *cls* (a record class or ``list[...]`` of one) from JSON text or UTF-8 bytes.

    Invalid JSON, bytes that are not UTF-8, duplicate keys, ``NaN``, nesting too
    deep and numbers too long are refused like any other bad input: with a
    :class:`~negotiation_records.ValidationError`.  *strict* as in :func:`from_dict`.

    Example:
        >>> from_json(Party, '{"id": "ukraine", "name": "Україна", "kind": "state"}').name
        'Україна'
        >>> from_json(list[Quantity], '[{"amount": "1000", "unit": "prisoners"}]')
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: [0].amount: must be a number, got string '1000'
    """
    conv = _pick(strict, converter)
    if _fastjson.AVAILABLE:
        fast = _fastjson.loads(text)
        if fast is not _fastjson.NOT_FAST:
            hook = _hook(conv, cls)
            try:
                loaded: T = hook(fast, cls)
            except Exception:  # noqa: BLE001, S110 - the exact path below says what
                pass
            else:
                return loaded
    result: T = _structure(conv, _parse_json(text), cls)
    return result


# --- JSON Lines -----------------------------------------------------------------------------


def _is_binary(file: Any) -> bool:
    if isinstance(file, (io.RawIOBase, io.BufferedIOBase)):
        return True
    if isinstance(file, io.TextIOBase):
        return False
    mode = getattr(file, "mode", "")
    return isinstance(mode, str) and "b" in mode


def write_jsonl(
    records: Iterable[Any],
    file: str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    converter: cattrs.Converter | None = None,
) -> int:
    """
    Write *records* as JSON Lines: one compact JSON document a line, UTF-8.

    *file* is a path (created or overwritten) or an open file, text or binary.
    *records* may be any iterable, a generator included: records are written as
    they come, so memory does not grow with their number.  Returns how many
    records were written.

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> write_jsonl([Source(id="a", publisher="A"), Source(id="b", publisher="B")], out)
        2
        >>> print(out.getvalue(), end="")
        {"id":"a","publisher":"A","title":null,"url":null,"published":null,"accessed":null}
        {"id":"b","publisher":"B","title":null,"url":null,"published":null,"accessed":null}
    """
    if isinstance(file, (str, os.PathLike)):
        with open(file, "w", encoding="utf-8", newline="\n") as handle:
            return _write_lines(records, handle, converter, binary=False)
    return _write_lines(records, file, converter, binary=_is_binary(file))


def _write_lines(
    records: Iterable[Any],
    handle: IO[Any],
    conv: cattrs.Converter | None,
    *,
    binary: bool,
) -> int:
    count = 0
    for record in records:
        line = to_json(record, converter=conv) + "\n"
        handle.write(line.encode("utf-8") if binary else line)
        count += 1
    return count


def read_jsonl(
    cls: type[T],
    file: str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    strict: bool = True,
    converter: cattrs.Converter | None = None,
) -> Iterator[T]:
    """
    Read a JSON Lines file one record at a time (a generator).

    *file* is a path or an open file, text or binary (binary is read as UTF-8).
    Lines are read and loaded one by one, so memory stays flat however long the
    file is.  Blank lines are skipped.  The first bad line stops the reading with
    a :class:`JSONLinesError` (a :class:`~negotiation_records.ValidationError`)
    that names the line number and the path of every problem inside the record.
    *strict* as in :func:`from_dict`.

    Example:
        >>> import io
        >>> lines = io.BytesIO(b'{"id":"a","publisher":"A"}\\n\\n{"id":"b","publisher":"B"}\\n')
        >>> [source.id for source in read_jsonl(Source, lines)]
        ['a', 'b']
    """
    conv = _pick(strict, converter)
    if isinstance(file, (str, os.PathLike)):
        with open(file, "rb") as handle:
            yield from _read_lines(cls, handle, conv)
    else:
        yield from _read_lines(cls, file, conv)


def _without_newline(line: str | bytes) -> str | bytes:
    if isinstance(line, bytes):
        return line.rstrip(b"\r\n")
    return line.rstrip("\r\n")


def _read_lines(cls: type[T], handle: IO[Any], conv: cattrs.Converter) -> Iterator[T]:
    hook = _hook(conv, cls)
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        text = _without_newline(line)
        if _fastjson.AVAILABLE:
            fast = _fastjson.loads(text)
            if fast is not _fastjson.NOT_FAST:
                try:
                    loaded: T = hook(fast, cls)
                except Exception:  # noqa: BLE001, S110 - the exact path below says what
                    pass
                else:
                    yield loaded
                    continue
        try:
            record: T = _run(hook, _parse_json(text), cls)
        except ValidationError as exc:
            raise JSONLinesError(number, exc.errors) from exc
        yield record
