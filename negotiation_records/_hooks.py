"""
The cattrs hooks of the library's JSON format (private).

Records are read and written from their fields' kinds
(:mod:`negotiation_records.fields`): one generated function per record class
and converter reads a valid JSON object straight into the record (each value
tested as it is read, the record built without a second pass), and one writes
a record out.  Anything unusual — a wrong type, a missing or unknown key, a
value the compiled tests do not vouch for, a failed check — sends the object to
the exact path, which reads every field with :meth:`Kind.load
<negotiation_records.fields.Kind.load>`, collects every problem with its path
and builds the record through its ``__init__``.  When a field cannot be read
(or a key is unknown), the record is not built, and the fields that were read
are checked as ``__init__`` checks them, so that one bad field hides no other;
the checks across fields wait, as they do in ``__init__``.  The compiled path
only ever answers for input on which the two agree.

Strict hooks for plain types (``str``, ``int``, enums, optional values,
pendulum's types; lists, sets, mappings and the other collections in
:mod:`~negotiation_records._collection_hooks`) serve your own attrs classes and
``list[Party]``-style targets; cattrs' defaults coerce (``str(1)``,
``int("5")``, ``"Kyiv"`` as a set of letters), these do not.
"""

from __future__ import annotations

import enum
import functools
import math
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final, get_args, get_origin

import attrs
import cattrs
import pendulum
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from negotiation_records._codegen import Namespace, compile_function
from negotiation_records._collection_hooks import register_collection_hooks
from negotiation_records._json_data import COMPILED, record_writer
from negotiation_records._jsontext import check_object, repeated_keys
from negotiation_records._kind import INT_LIMIT, TOO_MANY_DIGITS
from negotiation_records._record import (
    Record,
    field_check,
    given_test,
    has_cross_field_check,
    read_values_test,
)
from negotiation_records._references import STATE as READING
from negotiation_records._references import References, notes_references
from negotiation_records._values import (
    described,
    has_lone_surrogate,
    short_repr,
    show_json,
)
from negotiation_records._version_2_rules import LONE_SURROGATE
from negotiation_records.errors import ValidationError, join_path
from negotiation_records.fields import (
    DateKind,
    Kind,
    Many,
    Maybe,
    MomentKind,
    PeriodKind,
    is_init_only,
    kind_of,
    omits_empty,
    refers_to,
)
from negotiation_records.migrations import (
    document_problems,
    upgrade,
    upgrade_noting,
)
from negotiation_records.timeutil import Moment, PartialDate, Period, format_moment


__all__ = [
    "collect_problems",
    "configure_converter",
    "has_library_hooks",
    "unknown_key",
]

_MISSING: Final = object()
_NONE_TYPE: Final = type(None)
_IMMUTABLE: Final = (str, int, float, bool, type(None), enum.Enum)


def unknown_key(key: object) -> str:
    """
    How the loader words the problem of an unknown *key* (at the path of its
    object): ``unknown key 'titel'``.
    """
    return f"unknown key {short_repr(key)}"


def _fail(message: str) -> ValidationError:
    return ValidationError([("", message)])


# --- errors of cattrs' own hooks (your attrs classes) -------------------------------


def collect_problems(exc: BaseException, path: str = "") -> list[tuple[str, str]]:
    """Turn an exception from loading (cattrs' groups included) into problems."""
    if isinstance(exc, ValidationError):
        return [(join_path(path, sub), message) for sub, message in exc.errors]
    if isinstance(exc, ClassValidationError):
        named, other = exc.group_exceptions()
        found: list[tuple[str, str]] = []
        for sub, note in named:
            found += collect_problems(sub, join_path(path, note.name))
        for sub in other:
            found += collect_problems(sub, path)
        return found
    if isinstance(exc, IterableValidationError):
        indexed, rest = exc.group_exceptions()
        found = []
        for sub, item in indexed:
            found += collect_problems(sub, join_path(path, f"[{item.index!r}]"))
        for sub in rest:
            found += collect_problems(sub, path)
        return found
    where = path or "$"
    if isinstance(exc, ForbiddenExtraKeysError):
        return [(where, unknown_key(key)) for key in sorted(exc.extra_fields, key=repr)]
    if isinstance(exc, KeyError) and any(
        isinstance(note, AttributeValidationNote)
        for note in getattr(exc, "__notes__", ())
    ):
        return [(where, "required field missing")]
    if isinstance(exc, RecursionError):
        return [(where, "nested too deeply")]
    text = str(exc)
    text = text if len(text) <= 200 else text[:197] + "..."
    return [(where, f"invalid value ({type(exc).__name__}: {text})")]


# --- records: the exact path --------------------------------------------------------


def _field_loader(
    attribute: attrs.Attribute[Any], conv: cattrs.Converter
) -> Callable[[Any], Any]:
    kind = kind_of(attribute)
    if kind is not None:
        return functools.partial(kind.load, conv=conv)
    hook = conv.get_structure_hook(attribute.type)
    target = attribute.type

    def load(value: Any) -> Any:
        return hook(value, target)

    return load


def _exact_structure(
    cls: type[Any], conv: cattrs.Converter
) -> Callable[[Any, Any], Any]:
    """Read a record field by field, collecting every problem, then build it."""
    fields = [a for a in attrs.fields(cls) if a.init and not is_init_only(a)]
    names = frozenset(a.name for a in fields)
    name = cls.__name__
    versioned = bool(getattr(cls, "_versioned", False))
    loaders: dict[str, Callable[[Any], Any]] = {}
    checks = {
        a.name: field_check(a) if kind_of(a) is not None else _unchecked for a in fields
    }
    tested: list[Callable[[Mapping[str, Any]], bool]] = []

    def values_ok(arguments: Mapping[str, Any]) -> bool:
        if not tested:  # compiled for the first record that cannot be built
            tested.append(read_values_test(cls))
        return tested[0](arguments)

    def loader(attribute: attrs.Attribute[Any]) -> Callable[[Any], Any]:
        found = loaders.get(attribute.name)
        if found is None:  # made on first use: nested hooks may not exist yet
            found = loaders[attribute.name] = _field_loader(attribute, conv)
        return found

    def structure(value: Any, _: Any = cls) -> Any:
        repeated = repeated_keys(value, name)
        if not repeated:
            return read(value)
        # The object's other problems are reported with its repeated keys: its
        # fields, each on its own; not the rules across them, which would read
        # one of the repeated values as the one meant (parsers disagree).
        try:
            read(dict(value), whole=False)
        except ValidationError as exc:
            repeated += exc.errors
        raise ValidationError(repeated)

    def read(value: Any, *, whole: bool = True) -> Any:
        if not versioned:
            return build(value, whole=whole)
        migrated, refused, newer, checked = upgrade_noting(value, cls)
        try:
            built = build(migrated, whole=whole)
        except ValidationError as exc:
            problems = document_problems(checked, exc.errors, refused, newer)
            raise ValidationError(problems) from None
        if refused or newer:
            raise ValidationError(document_problems(checked, (), refused, newer))
        return built

    def build(value: Any, *, whole: bool = True) -> Any:
        """
        The record of *value*; with *whole* false, only its fields read and
        checked, each on its own (``None`` when they are all fine).
        """
        problems: list[tuple[str, str]] = []
        arguments: dict[str, Any] = {}
        read: list[tuple[int, attrs.Attribute[Any]]] = []  # where each read field goes
        for attribute in fields:
            key = attribute.name
            if key not in value:
                if attribute.default is attrs.NOTHING:
                    problems.append((key, "required field missing"))
                continue
            try:
                arguments[attribute.alias] = loader(attribute)(value[key])
            except Exception as exc:  # noqa: BLE001 - every problem is collected
                problems += collect_problems(exc, key)
            else:
                read.append((len(problems), attribute))
        if conv.forbid_extra_keys:
            unknown = sorted(value.keys() - names, key=repr)
        else:
            unknown = []
        if whole and not (problems or unknown):
            return cls(**arguments)
        # The record cannot be built: the fields that were read are checked
        # as its constructor checks them, each problem in its field's place.
        if not values_ok(arguments):
            for place, attribute in reversed(read):
                check = checks[attribute.name]
                problems[place:place] = check(arguments[attribute.alias])[1]
        problems += [("", unknown_key(key)) for key in unknown]
        if not problems:
            return None
        raise ValidationError(problems)

    return structure


def _unchecked(value: object) -> tuple[Any, list[tuple[str, str]]]:
    """The check of a field without a kind: only its own constructor knows its rule."""
    return value, []


# --- records: the compiled path -------------------------------------------------------


def _compilable(cls: type[Any]) -> bool:
    """Whether *cls* is built exactly as its generated ``__init__`` would build it."""
    if not issubclass(cls, Record):
        return False
    if cls.__attrs_post_init__ is not Record.__attrs_post_init__:
        return False
    init = cls.__dict__.get("__init__")
    code = getattr(init, "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return False  # an __init__ of your own must run
    for attribute in attrs.fields(cls):  # type: ignore[arg-type]
        if is_init_only(attribute):  # set to its default (a plain value)
            default = attribute.default
            if default is attrs.NOTHING or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                return False
            continue
        kind = kind_of(attribute)
        if (
            kind is None
            or not attribute.init
            or attribute.alias != attribute.name
            or attribute.validator is not None
            or _plain_converter(attribute.converter) not in (None, kind.convert)
            or not isinstance(
                getattr(cls, attribute.name, None), types.MemberDescriptorType
            )
        ):
            return False
        default = attribute.default
        if isinstance(default, attrs.Factory) and default.takes_self:  # type: ignore[arg-type]
            return False
    return True


def _plain_converter(converter: Any) -> Any:
    """The callable an attrs converter calls with the value alone (else itself)."""
    if isinstance(converter, attrs.Converter):
        made: Any = converter  # attrs' stubs do not declare its attributes
        if not (made.takes_self or made.takes_field):
            return made.converter
    return converter


def _default_code(attribute: attrs.Attribute[Any], kind: Kind, ns: Namespace) -> str:
    """An expression giving a missing field the value ``__init__`` would give it."""
    default = attribute.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        call = f"{ns.name(default.factory)}()"  # type: ignore[union-attr]
        return f"{ns.name(kind.convert)}({call})" if kind.converts else call
    value = kind.convert(default) if kind.converts else default
    if isinstance(value, _IMMUTABLE) or (
        value.__class__ is tuple and all(isinstance(i, _IMMUTABLE) for i in value)
    ):
        return ns.name(value)
    return f"{ns.name(kind.convert)}({ns.name(default)})"


def _builder(cls: type[Any]) -> type[Any] | None:
    """
    The class in which the compiled loader of the record class *cls* builds a
    record, or ``None`` (its slots are then set through their descriptors).

    A record class is frozen: its ``__setattr__`` refuses, so each slot would
    be set by calling its descriptor's ``__set__`` (a call through a
    method-wrapper, about half a microsecond a field on the reference
    machine's interpreter).  The builder is a subclass that adds nothing (no
    slot, no ``__dict__``: the same layout) but the plain ``object``
    attribute methods, so that ``self.name = value`` stores into the slot
    directly (the interpreter's specialised store); once every slot is set,
    the new object's class becomes *cls* (``__class__`` assignment, allowed
    between classes of one layout).  The builder's instances never leave the
    loader.  It is made only for the package's own record classes (a
    subclass of yours is built as before, its class never changed), where
    making a subclass runs no code of the class (no ``__init_subclass__`` of
    its own or a base's, no metaclass but ``type``); it is not a record
    class: it has no ``__attrs_attrs__`` of its own, and
    :func:`~negotiation_records._signatures.record_classes` leaves it out.
    """
    if cls in _BUILDERS:  # one a class, whatever the converter
        return _BUILDERS[cls]
    builder = None
    if (
        cls.__module__.startswith("negotiation_records.")
        and type(cls) is type
        and not any("__init_subclass__" in klass.__dict__ for klass in cls.__mro__[:-1])
    ):
        builder = type(
            cls.__name__,
            (cls,),
            {
                "__slots__": (),
                "__module__": cls.__module__,
                "__qualname__": f"{cls.__qualname__}.<builder>",
                "__setattr__": object.__setattr__,
                "__delattr__": object.__delattr__,
            },
        )
    _BUILDERS[cls] = builder
    return builder


_BUILDERS: Final[dict[type[Any], type[Any] | None]] = {}


def _compiled_structure(
    cls: type[Any], conv: cattrs.Converter, exact: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any]:
    ns = Namespace(
        _cls=cls, _exact=exact, _MISSING=_MISSING, _new=object.__new__, _upgrade=upgrade
    )
    fields = [a for a in attrs.fields(cls) if not is_init_only(a)]
    unset = [a for a in attrs.fields(cls) if is_init_only(a)]
    body = ["d = _upgrade(o, _cls)" if getattr(cls, "_versioned", False) else "d = o"]
    # Unknown keys refused by counting: every field read (a missing one fails
    # the read), an optional one uncounted when left out (documents written
    # by the library leave out few), so the object holds no other key when
    # it holds as many as were counted (``len`` instead of a set built from
    # its keys).
    forbid = conv.forbid_extra_keys
    required = sum(a.default is attrs.NOTHING for a in fields)
    counted = forbid and required < len(fields)
    if forbid and not counted:
        body += [f"if len(d) != {required}:", "    raise LookupError"]
    reads: list[str] = [f"n = {len(fields)}"] if counted else []
    for index, attribute in enumerate(fields):
        kind = kind_of(attribute)
        assert kind is not None  # noqa: S101 - see _compilable
        v = f"f{index}"  # read straight into the local the record is built from
        read = kind.read_code(ns, v, "", "raise LookupError", conv=conv)
        target = refers_to(attribute)
        if target is not None:  # noted for the negotiation (see _references)
            read += _noting_code(kind, target, v)
        if attribute.default is attrs.NOTHING:
            reads += [f"{v} = d[{attribute.name!r}]", *read]
        else:
            reads += [
                f"{v} = d.get({attribute.name!r}, _MISSING)",
                f"if {v} is _MISSING:",
                f"    {v} = {_default_code(attribute, kind, ns)}",
                *(["    n -= 1"] if counted else []),
                "else:",
                *("    " + line for line in read),
            ]
    if counted:
        reads += ["if len(d) != n:", "    raise LookupError"]
    checks_references = cls._checks_references
    if checks_references:  # the records read inside it note their references
        body += [
            f"r = {ns.name(References)}()",
            f"_reading = {ns.name(READING)}",
            "_outer = _reading.references",
            "try:",  # set inside: whatever stops it, the finally puts it back
            "    _reading.references = r",
            *("    " + line for line in reads),
            "finally:",
            "    _reading.references = _outer",
        ]
    elif any(refers_to(a) is not None for a in fields):
        body += [f"r = {ns.name(READING)}.references", *reads]
    else:
        body += reads
    builder = _builder(cls)
    if builder is not None:  # the slots set as plain attributes (see _builder)
        body.append(f"self = _new({ns.name(builder)})")
        for index, attribute in enumerate(fields):
            body.append(f"self.{attribute.name} = f{index}")
        for attribute in unset:  # init-only arguments hold their default once built
            body.append(f"self.{attribute.name} = {ns.name(attribute.default)}")
        body.append("self.__class__ = _cls")
    else:
        body.append("self = _new(_cls)")
        for index, attribute in enumerate(fields):
            slot = getattr(cls, attribute.name)
            body.append(f"{ns.name(slot.__set__)}(self, f{index})")
        for attribute in unset:  # init-only arguments hold their default once built
            slot = getattr(cls, attribute.name)
            body.append(f"{ns.name(slot.__set__)}(self, {ns.name(attribute.default)})")
    # The checks across fields, run in place: any problem they give sends the
    # object to the exact path (which reports it), as any exception here does,
    # so the compiled path need not collect them (no call to collect them in,
    # no list of them).
    if checks_references:
        body += [
            f"for _p in {ns.name(cls._problems)}(self, r):",
            "    raise LookupError",
        ]
    elif has_cross_field_check(cls):
        check = [f"for _p in {ns.name(cls._problems)}(self):", "    raise LookupError"]
        local = {attribute.name: f"f{i}" for i, attribute in enumerate(fields)}
        given = given_test(cls, local.__getitem__)
        body += [f"if {given}:", *("    " + line for line in check)] if given else check
    body.append("return self")
    lines = [
        "def structure(o, _=None):",
        "    if o.__class__ is dict:",
        "        try:",
        *("            " + line for line in body),
        "        except Exception:",
        "            pass",
        "    return _exact(o, _cls)",
    ]
    what = f"structure {cls.__module__}.{cls.__qualname__}"
    structure: Callable[[Any, Any], Any] = compile_function(lines, what, ns.names)
    notes_references(structure)
    return structure


def _noting_code(kind: Kind, target: str, v: str) -> list[str]:
    """The lines that note the value *v* of a field referring to *target*."""
    if isinstance(kind, Many):
        return [f"if {v} and r is not None:", f"    r.{target}.extend({v})"]
    if isinstance(kind, Maybe):
        return [
            f"if r is not None and {v} is not None:",
            f"    r.{target}.append({v})",
        ]
    return ["if r is not None:", f"    r.{target}.append({v})"]


def _record_structure_factory(
    cls: type[Any], conv: cattrs.Converter
) -> Callable[[Any, Any], Any]:
    attrs.resolve_types(cls)
    if issubclass(cls, Record):
        exact = _exact_structure(cls, conv)
        if _compilable(cls) and not getattr(conv, "use_alias", False):
            return _compiled_structure(cls, conv, exact)
        return exact
    inner = make_dict_structure_fn(cls, conv)  # your own attrs classes: cattrs
    name = cls.__name__

    def structure(value: Any, _: Any = cls) -> Any:
        check_object(value, name)
        return inner(value, cls)

    return structure


def _record_unstructure_factory(
    cls: type[Any], conv: cattrs.Converter
) -> Callable[[Any], dict[str, Any]]:
    """
    A record's writer: every field in order, through its kind (a field without
    one through cattrs' hook for its type); a versioned record starts with its
    ``schema_version``.
    """
    attrs.resolve_types(cls)
    if not issubclass(cls, Record):
        return make_dict_unstructure_fn(cls, conv)  # your own attrs classes: cattrs
    if getattr(conv, "use_alias", False):  # cattrs, but never an init-only argument
        omitted: dict[str, Any] = {
            a.name: override(omit=True)
            for a in attrs.fields(cls)  # type: ignore[arg-type]
            if is_init_only(a)
        }
        omitted.update(
            (a.name, override(omit_if_default=True))
            for a in attrs.fields(cls)  # type: ignore[arg-type]
            if omits_empty(a)
        )
        return make_dict_unstructure_fn(cls, conv, **omitted)
    unstructure = record_writer(
        cls, conv, "unstructure", lambda kind, ns, v: kind.dump_expr(ns, v, conv)
    )
    COMPILED[unstructure] = cls  # see json_data_hook
    return unstructure


# --- plain types, for your own classes and list[...] targets -----------------------------


def _kind_hook(kind: Kind) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any = None) -> Any:
        loaded = kind.load(value, None)
        problems = kind.problems(loaded)
        if problems:
            raise ValidationError(problems)
        return loaded

    return structure


def _structure_str(value: Any, cl: Any = str) -> Any:
    if cl is not str and isinstance(cl, enum.EnumMeta):
        # A StrEnum or a (str, Enum) is found through str's hook: read it as
        # an enum, not as any text.
        return _enum_hook(cl)(value, cl)
    if value.__class__ is not str:
        raise _fail(f"must be a string, got {show_json(value)}")
    if not value.isascii() and has_lone_surrogate(value):  # no UTF-8 file holds it
        raise _fail(LONE_SURROGATE.format(value=short_repr(value)))
    return value


def _structure_int(value: Any, cl: Any = int) -> Any:
    if cl is not int and isinstance(cl, enum.EnumMeta):  # an IntEnum, an IntFlag
        return _enum_hook(cl)(value, cl)
    if value.__class__ is not int:
        raise _fail(f"must be an integer, got {show_json(value)}")
    if not -INT_LIMIT < value < INT_LIMIT:  # it could not be written back
        raise _fail(TOO_MANY_DIGITS)
    return value


@functools.cache
def _enum_hook(cls: Any) -> Callable[[Any, Any], Any]:
    """The enum hook of *cls*, made once a class (one hook per enum class)."""
    return _enum_structure_factory(cls)


def _unstructure_plain(value: Any) -> Any:
    """
    Text and integers as they are; a member of an enum that is also text or
    an integer (a StrEnum, an IntEnum, found through their hooks) as its value,
    as every other enum is written.
    """
    if isinstance(value, enum.Enum):
        return value._value_
    return value


def _structure_float(value: Any, _: Any = float) -> float:
    if value.__class__ is float:
        if not math.isfinite(value):
            raise _fail(f"must be a finite number, got {show_json(value)}")
        return value
    if value.__class__ is int:
        return float(value)
    raise _fail(f"must be a number, got {show_json(value)}")


def _structure_bool(value: Any, _: Any = bool) -> bool:
    if value.__class__ is not bool:
        raise _fail(f"must be true or false, got {show_json(value)}")
    return value


def _enum_structure_factory(cls: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    from negotiation_records.fields import Choice  # noqa: PLC0415 - one kind per enum

    choice = Choice(cls)

    def structure(value: Any, _: Any = cls) -> Any:
        return choice.load(value, None)

    return structure


def _is_plain_enum(t: Any) -> bool:
    return isinstance(t, enum.EnumMeta) and "_value_" not in getattr(
        t, "__annotations__", {}
    )


def _enum_unstructure_factory(cls: type[enum.Enum]) -> Callable[[Any], Any]:
    def unstructure(value: enum.Enum) -> Any:
        return value._value_

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
    t: Any, conv: cattrs.Converter
) -> Callable[[Any, Any], Any]:
    inner = _without_none(t)
    hook = conv.get_structure_hook(inner)

    def structure(value: Any, _: Any = t) -> Any:
        return None if value is None else hook(value, inner)

    return structure


def _optional_unstructure_factory(
    t: Any, conv: cattrs.Converter
) -> Callable[[Any], Any]:
    hook = conv.get_unstructure_hook(_without_none(t))

    def unstructure(value: Any) -> Any:
        return None if value is None else hook(value)

    return unstructure


def _structure_datetime(value: Any, _: Any = pendulum.DateTime) -> pendulum.DateTime:
    moment = MomentKind().load(value, None)
    if not isinstance(moment, pendulum.DateTime):
        raise _fail(
            f"must be a timestamp with a zone or an offset, got {show_json(value)}"
        )
    return moment


def _structure_partial_date(value: Any, _: Any = PartialDate) -> PartialDate:
    moment = MomentKind().load(value, None)
    if not isinstance(moment, PartialDate):
        raise _fail(
            f"must be a month (YYYY-MM) or a year (YYYY), got {show_json(value)}"
        )
    return moment


def _structure_duration(value: Any, _: Any = pendulum.Duration) -> pendulum.Duration:
    period: Period = PeriodKind(positive=False).load(value, None)
    return period.to_duration()


def _unstructure_duration(value: pendulum.Duration) -> str:
    return Period.from_duration(value).isoformat()


def _equals(target: Any) -> Callable[[Any], bool]:
    def predicate(t: Any) -> bool:
        return bool(t == target)

    return predicate


def _is_record(t: Any) -> bool:
    return isinstance(t, type) and attrs.has(t)


def has_library_hooks(conv: cattrs.Converter) -> bool:
    """
    Whether :func:`configure_converter` set *conv* up: its ``str`` hook is
    the strict one it installs (a converter of cattrs' own coerces).
    """
    return conv.get_structure_hook(str) is _structure_str


def configure_converter(conv: cattrs.Converter) -> None:
    """
    Install the library's JSON format on *conv* (the cattrs ``preconf`` pattern).

    Records are read and written from their fields' kinds; plain types get
    strict hooks (no coercion: ``"5"`` is not a number, ``1`` is not a string);
    moments, periods and enums are written as the library writes them.  Unknown
    keys are refused when *conv* was made with ``forbid_extra_keys=True``.

    Example:
        >>> import cattrs
        >>> from negotiation_records import Party, configure_converter, from_dict
        >>> conv = cattrs.Converter(forbid_extra_keys=True)
        >>> configure_converter(conv)
        >>> conv.unstructure(Party(id="ukraine", name="Ukraine", kind="state"))["kind"]
        'state'
        >>> from_dict(Party, {"id": "x", "name": "X", "kind": 1}, converter=conv)
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: kind: must be a string naming a PartyKind (one of 'state', 'organization', 'coalition', 'person', 'group', 'other'), got number 1

    Anything but a cattrs converter as *conv* is a :class:`TypeError`.
    """
    if not isinstance(conv, cattrs.BaseConverter):
        raise TypeError(
            "configure_converter() conv must be a cattrs converter (such as "
            f"cattrs.Converter(forbid_extra_keys=True)), got {described(conv)}"
        )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_unstructure_hook(str, _unstructure_plain)
    conv.register_unstructure_hook(int, _unstructure_plain)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)

    conv.register_structure_hook_factory(
        lambda t: isinstance(t, enum.EnumMeta), _enum_structure_factory
    )
    conv.register_unstructure_hook_factory(_is_plain_enum, _enum_unstructure_factory)

    conv.register_structure_hook_factory(_is_optional, _optional_structure_factory)
    conv.register_unstructure_hook_factory(_is_optional, _optional_unstructure_factory)
    register_collection_hooks(conv, collect_problems)

    # Time values: each exact class separately (DateTime subclasses Date).
    conv.register_structure_hook(pendulum.Date, _kind_hook(DateKind()))
    conv.register_unstructure_hook(pendulum.Date, pendulum.Date.isoformat)
    conv.register_structure_hook(pendulum.DateTime, _structure_datetime)
    conv.register_unstructure_hook(pendulum.DateTime, format_moment)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, format_moment)
    conv.register_structure_hook(Period, _kind_hook(PeriodKind(positive=False)))
    conv.register_unstructure_hook(Period, Period.isoformat)
    conv.register_structure_hook(pendulum.Duration, _structure_duration)
    conv.register_unstructure_hook(pendulum.Duration, _unstructure_duration)
    conv.register_structure_hook_func(_equals(Moment), _kind_hook(MomentKind()))
    # Checked (format_moment): a class of your own is not checked when built.
    conv.register_unstructure_hook_func(_equals(Moment), format_moment)

    conv.register_structure_hook_factory(_is_record, _record_structure_factory)
    conv.register_unstructure_hook_factory(_is_record, _record_unstructure_factory)
