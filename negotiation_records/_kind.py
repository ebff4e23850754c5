"""
The base of the field kinds (private; the public names are in
:mod:`negotiation_records.fields`).
"""

from __future__ import annotations

import builtins
import inspect
import io
import threading
import types
from collections.abc import (
    Callable,
    Iterator,
    Mapping,
    MappingView,
    Sequence,
    Set,
)
from operator import attrgetter
from typing import Any, ClassVar, Final, Protocol

import attrs

from negotiation_records._codegen import Namespace
from negotiation_records._frozen import frozen_message
from negotiation_records._references import TARGETS
from negotiation_records._unread import UnreadValues
from negotiation_records._values import show_json
from negotiation_records.errors import FrozenRecordError, ValidationError, join_path


__all__ = [
    "INIT_ONLY",
    "INT_LIMIT",
    "KEY_UNTIL",
    "KIND_KEY",
    "MEMO",
    "SINCE_KEY",
    "SMALL_FLOATS",
    "DocumentMemo",
    "FixedKind",
    "FrozenKind",
    "Kind",
    "Problems",
    "RefusedError",
    "SchemaDefs",
    "added_in",
    "as_tuple",
    "fail",
    "field",
    "flag_small_float",
    "is_init_only",
    "key_until",
    "kind_of",
    "omits_empty",
    "prefixed",
    "refers_to",
    "refuse",
]


Problems = list[tuple[str, str]]
"""What a check finds: ``(path, message)`` pairs, the path relative to the value."""

KIND_KEY: Final = "negotiation_records.kind"
REFERS_KEY: Final = "negotiation_records.refers_to"
SINCE_KEY: Final = "negotiation_records.since"
OMIT_EMPTY_KEY: Final = "negotiation_records.omit_empty"

#: The largest integers that can be written back as text (Python refuses to
#: turn an integer of more than 4,300 digits into text by default).
INT_LIMIT: Final = 10**4300
#: The problem of an integer beyond :data:`INT_LIMIT`.
TOO_MANY_DIGITS: Final = "must have at most 4300 digits"

_LISTS: Final = (Sequence, Set, MappingView, Iterator)
_NOT_LISTS: Final = (
    str,
    bytes,
    bytearray,
    memoryview,
    range,
    Mapping,
    io.IOBase,
    set,  # no order: what a process iterates first depends on its hash seed
    frozenset,
)


class RefusedError(Exception):
    """Raised by compiled loaders for anything unusual: the exact path decides."""


def refuse(*_: object) -> Any:
    raise RefusedError


def fail(message: str) -> ValidationError:
    return ValidationError([("", message)])


def prefixed(prefix: str, problems: Problems) -> Problems:
    return [(join_path(prefix, path), message) for path, message in problems]


def as_tuple(value: Any) -> Any:
    """
    Turn a list (a tuple, deque, dict view, generator ...) into a tuple.

    Only ordered collections of items are converted: a sequence, a mapping
    view or an iterator.  A string, bytes, a mapping, a ``range``, a file, a
    ``set`` or ``frozenset`` or any other object is passed through so that the
    check reports it: ``aliases="Kyiv"`` must not become ``('K', 'y', 'i',
    'v')``, nor a dict its keys, and a set's order is its hashes' (it differs
    from one process to the next), which the stored tuple and the JSON
    written would keep.  A list whose reading raises gives an
    ``UnreadValues`` (the value and the exception), which the check reports.
    """
    if value.__class__ is tuple:
        return value
    if value.__class__ is list:  # the commonest, without the slower checks below
        return tuple(value)
    if isinstance(value, _NOT_LISTS) or not isinstance(value, _LISTS):
        return value
    try:
        return tuple(value)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - the user's iterable, any error
        return UnreadValues(value, exc)


class _SmallFloats(threading.local):
    """Whether a small float was written, in this thread (see :data:`SMALL_FLOATS`)."""

    written: bool = False


SMALL_FLOATS: Final = _SmallFloats()
"""
Set by the kinds that write floats when they write one between -1e-4 and 1e-4
(zero aside), which :mod:`json` and orjson write differently: ``to_json`` clears
it, writes a record, and leaves the text to :mod:`json` only if it was set.
"""


def flag_small_float(value: Any) -> Any:
    """*value*, unchanged; a small float is flagged in :data:`SMALL_FLOATS`."""
    if value.__class__ is float and value and -1e-4 < value < 1e-4:
        SMALL_FLOATS.written = True
    return value


class DocumentMemo:
    """
    What one document repeats, read once: the moments parsed from a text and the
    identifiers that matched their pattern.  The same dates and ids recur
    throughout a document (a round's start in the proposals made that day, in
    their responses and in the statements about them; a party id in every
    reference), and both are immutable values, so the compiled loaders and
    checks look them up here first.

    The public loading functions empty it when they finish (:meth:`forget`), so
    nothing read from one document serves the next; ``read_jsonl`` empties it
    when the file is read (or the reading stops): the lines of one file are
    one input, whose days and ids recur from line to line as a document's
    do.  Bounded: emptied when full.
    Loads running at once in several threads may share entries, and a record
    built by its constructor (or read by a converter's own ``structure``)
    may leave some, which only saves work: the same text always gives the
    same value, and an id is one that matched the identifier pattern
    (``Slug``'s: a kind with a pattern of its own does not look here).
    """

    __slots__ = ("ids", "moments")

    LIMIT: ClassVar[int] = 4096

    def __init__(self) -> None:
        self.moments: dict[str, Any] = {}
        self.ids: set[str] = set()

    def forget(self) -> None:
        """Empty it (at the end of a load)."""
        self.moments.clear()
        self.ids.clear()

    def remember_id(self, text: str) -> None:
        """Note that *text* matched the identifier pattern."""
        if len(self.ids) >= self.LIMIT:
            self.ids.clear()
        self.ids.add(text)


MEMO: Final = DocumentMemo()
"""The memo of the document being read (see :class:`DocumentMemo`)."""


class SchemaDefs(Protocol):
    """Where a kind's JSON Schema finds shared definitions (each gives a ``$ref``)."""

    def shared(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        """A named definition, given by the first kind that names it."""

    def time(self, name: str) -> dict[str, Any]:
        """Date, DateTime, PartialDate, Moment or Period."""

    def enum(self, cls: type[Any]) -> dict[str, Any]:
        """An enum's values."""

    def record(self, cls: type[Any]) -> dict[str, Any]:
        """A record class's object schema."""


# --- the base ---------------------------------------------------------------------


class Kind:
    """
    What a field holds: its conversion, its problems, its JSON and its schema.

    Subclasses override what differs from these defaults: no conversion, values
    written and read as they are, a compiled check that calls
    :meth:`problems`.  Kinds are frozen values; compare them with ``==``.
    """

    __slots__ = ()

    # Equality, hashing and ``repr`` by the kind's fields, written once here:
    # the package's kinds are plain slotted classes (see FrozenKind), which
    # cost nothing to create on import; a kind of your own that is an attrs
    # class compares by its attrs fields, as attrs would write it.  Kinds are
    # compared on import and when loaders are built, never on a hot path.  A
    # kind of your own that is neither compares by identity.

    def _compared(self) -> tuple[Any, ...] | None:
        try:
            values = _COMPARED[self.__class__]
        except KeyError:
            values = _COMPARED[self.__class__] = _compared_values(self.__class__)
        return None if values is None else values(self)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        mine = self._compared()
        if mine is None:
            return self is other
        return mine == other._compared()

    def __hash__(self) -> int:
        mine = self._compared()
        if mine is None:
            return object.__hash__(self)
        return hash((self.__class__, mine))

    def __repr__(self) -> str:
        cls = self.__class__
        fields = getattr(cls, "__attrs_attrs__", None)
        names: Sequence[str] | None
        if fields is not None:
            names = [a.name for a in fields if a.repr]
        else:
            names = getattr(cls, "_fields", None)
            if names is None:
                return object.__repr__(self)
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({shown})"

    #: Whether :meth:`convert` may change a value (``False``: no converter).
    converts: ClassVar[bool] = False
    #: Whether :meth:`convert_late` may change a value.
    converts_late: ClassVar[bool] = False
    #: Whether a stored value is a plain scalar (text, an id, an enum member,
    #: a number), hashed and compared as it is and cheaply: records in a list
    #: none of which may repeat are told apart by such fields first.
    plain_value: ClassVar[bool] = False

    def convert(self, value: Any) -> Any:
        """The stored form of a constructor argument; anything else unchanged."""
        return value

    def convert_late(self, value: Any) -> Any:
        """
        The stored form of a value that the compiled check (``check_code``)
        refused, for a conversion that only such values need: a str subclass
        made a plain :class:`str`.  A record applies it only when its compiled
        check fails, and then checks again, so that plain values (the common
        case) pay for no converter.  Anything else unchanged.
        """
        return value

    def accepts(self) -> str:
        """
        What the constructor takes for the field, as the text of a type
        annotation (``"PartyKind | str"``, ``"Iterable[str]"``).  Type checkers
        read it in the typed ``__init__`` written into each record class
        (``python -m negotiation_records._signatures --write``).
        """
        raise NotImplementedError

    def problems(self, value: object) -> Problems:
        """What is wrong with a stored value (paths relative to it); never raises."""
        raise NotImplementedError

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        """
        Statements that run *fail* unless the value in the variable *v* surely
        has no problem.  They may refuse more than :meth:`problems` (a refused
        value is then given to :meth:`problems`), never less.
        """
        return [f"{pad}if {ns.name(self.problems)}({v}):", f"{pad}    {fail}"]

    # The one class of JSON value the kind reads and keeps as it is, and
    # what it must be in words (see load).
    json_class: ClassVar[type | None] = None
    json_words: ClassVar[str] = ""

    def load(self, value: Any, conv: Any) -> Any:
        """
        The value of a field read from JSON data (before :meth:`problems`).

        Raises :class:`~negotiation_records.ValidationError` for data of the
        wrong JSON type; *conv* is the :class:`cattrs.Converter` in use.

        A kind that reads one class of JSON value and keeps it as it is
        needs no ``load`` of its own: it names the class in its class
        attribute ``json_class`` (``str``, ``int``, ``float``, ``bool``) and
        what the value must be in ``json_words`` (``"a string"``), and this
        default refuses any other class in those words (``must be a string,
        got number 5``; a subclass, a ``bool`` where ``int`` is named, is
        another class).  With no ``json_class`` a kind writes its own.
        """
        cls = self.json_class
        if cls is None:
            raise NotImplementedError
        if value.__class__ is not cls:
            raise fail(f"must be {self.json_words}, got {show_json(value)}")
        return value

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        """An expression giving :meth:`load` of *v*, or raising anything."""
        cls = self.json_class
        if cls is None:
            return f"{ns.name(self.load)}({v}, {ns.name(conv)})"
        # A built-in class by its name (as code would say it), others bound.
        named = cls.__name__
        if getattr(builtins, named, None) is not cls:
            named = ns.name(cls)
        return f"({v} if {v}.__class__ is {named} else {ns.name(refuse)}())"

    #: Whether :meth:`read_code` leaves the value in its variable as given
    #: (it only tests it), so a list of such values needs no copy item by item.
    reads_as_is: ClassVar[bool] = False

    def read_code(
        self, ns: Namespace, v: str, pad: str, fail: str, *, conv: Any, depth: int = 0
    ) -> list[str]:
        """
        Statements of the compiled loader: they put :meth:`load` of the JSON
        value in the variable *v* back into *v*, and run *fail* unless the
        result surely has no problem (or raise anything: the exact path then
        decides).  By default :meth:`load_expr`, then :meth:`check_code`; a
        kind whose check already refuses what its load would refuse tests
        each value once: one that :attr:`reads_as_is` is tested by its check
        alone.
        """
        if self.reads_as_is:
            return self.check_code(ns, v, pad, fail)
        return [
            f"{pad}{v} = {self.load_expr(ns, v, conv, depth)}",
            *self.check_code(ns, v, pad, fail),
        ]

    def dump(self, value: Any, conv: Any) -> Any:
        """The JSON data of a stored value."""
        return value

    def record_classes(self) -> tuple[type[Any], ...]:
        """
        The record classes whose JSON objects this kind's data holds (not the
        ones inside those): ``(Delegation,)`` for ``Many(Nested(Delegation))``.
        None by default: ``()``.
        """
        return ()

    def records_in(
        self, data: Any, path: str
    ) -> Iterator[tuple[str, type[Any], dict[str, Any]]]:
        """
        The records in *data*, JSON data of this kind as a document gives it:
        each JSON object of one of :meth:`record_classes`, with its path
        (*path* is the data's) and its record class.  Data not shaped as the
        kind says is skipped (the loader reports it).  None by default (an
        empty iterator).
        """
        return iter(())

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        """An expression giving :meth:`dump` of *v*."""
        if type(self).dump is Kind.dump:
            return v  # written as it is
        return f"{ns.name(self.dump)}({v}, {ns.name(conv)})"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        """
        The JSON Schema of the field's JSON form.  *defs* gives shared
        definitions: ``defs.shared(name, schema)`` and ``defs.record(cls)``
        return a ``$ref``.
        """
        raise NotImplementedError

    def writes_floats(self, seen: frozenset[type] = frozenset()) -> bool:
        """
        Whether the JSON form may hold a float between -1e-4 and 1e-4 (zero
        aside) that the kind does not flag in :data:`SMALL_FLOATS`: the only
        numbers that :mod:`json` and orjson write differently (``1e-05`` and
        ``0.00001``).
        """
        return False

    @property
    def eq_key(self) -> Callable[[Any], Any] | None:
        """The equality key of the field (``None``: the value itself)."""
        return None


def _compared_values(cls: type[Kind]) -> Callable[[Kind], tuple[Any, ...]] | None:
    """
    The function of a kind of the class *cls* that gives what it compares and
    hashes by (its attrs fields compared, else its ``_fields``), or ``None``
    (identity): worked out once a class, as kinds are compared and hashed for
    every field of every record class on import (``field``).
    """
    fields = getattr(cls, "__attrs_attrs__", None)
    names = (
        [a.name for a in fields if a.eq]
        if fields is not None
        else getattr(cls, "_fields", None)
    )
    if names is None:
        return None
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda kind: (get(kind),)
    if not names:
        return lambda kind: ()
    values: Callable[[Kind], tuple[Any, ...]] = attrgetter(*names)
    return values


_COMPARED: Final[dict[type, Callable[[Kind], tuple[Any, ...]] | None]] = {}


class FrozenKind(Kind):
    """
    The base of the package's kinds: frozen values of plain slotted classes.

    A subclass names its fields in ``__slots__`` and, in its constructor's
    order, in ``_fields`` (compared, hashed and shown by ``repr``), and sets
    them in its ``__init__`` with :func:`object.__setattr__`; setting or
    deleting one later raises :class:`~negotiation_records.FrozenRecordError`
    (an :class:`attrs.exceptions.FrozenInstanceError`), as on a record class.
    The kinds are not attrs classes because creating an attrs class costs
    more on import than all the kinds' methods together (about a quarter of
    a millisecond each).  A kind of your own may
    be an attrs class (``attrs.frozen(eq=False, repr=False)``) that
    subclasses :class:`Kind` or one of the package's kinds; it compares by its
    attrs fields, and the package kind's own fields take their defaults.
    """

    __slots__ = ()

    #: The kind's fields, in its constructor's order.
    _fields: ClassVar[tuple[str, ...]] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenRecordError(frozen_message(self, name, "set"), name=name, obj=self)

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(
            frozen_message(self, name, "delete"), name=name, obj=self
        )

    def __attrs_pre_init__(self) -> None:
        # attrs calls this first in the __init__ it writes for an attrs class
        # extending a kind of the package (``@attrs.frozen class
        # UtcOnly(MomentKind)``), which sets only that class's fields: the
        # package kind's fields are set to their defaults (a kind whose
        # fields have none, as Many's ``kind``, cannot be extended so).
        for base in type(self).__mro__:
            if "__init__" in vars(base) and "__attrs_attrs__" not in vars(base):
                base.__init__(self)  # type: ignore[misc]
                return

    def __reduce__(self) -> tuple[Any, ...]:
        # copy and pickle rebuild the kind by its constructor (the default
        # would set the slots one by one, which a frozen kind refuses).
        return (self.__class__, tuple(getattr(self, n) for n in self._fields))


class FixedKind(FrozenKind):
    """
    The base of the kinds without fields (``Text()``, ``Slug()``): every
    instance of one such class equals every other (instances of two classes
    are never equal).  A subclass declares ``__slots__ = ()``.
    """

    __slots__ = ()


def field(
    kind: Kind,
    *,
    default: Any = attrs.NOTHING,
    factory: Callable[[], Any] | None = None,
    refers_to: str | None = None,
    since: int | None = None,
    omit_empty: bool = False,
) -> Any:
    """
    An attrs field that holds a value of *kind*: its converter, its equality
    key and its check come from the kind.

    *default* and *factory* are attrs' own: the value, or the function that
    makes one, of a field left out (both left out: the field is required).
    A default is converted as a given value is (and checked, in a
    :class:`~negotiation_records.Record`).

    *since* is the version of the serialized format that added the field
    (``None``: the first).  A document of an older version that holds it is
    refused, at its path (it was written for a later format than it says);
    see :func:`added_in`.

    With *omit_empty*, the serialized form leaves the key out while the value
    is empty (a field added to a format that the documents which do not use
    it should not show: they stay as earlier releases wrote and read them);
    a document without the key reads as the field's default.  See
    :func:`omits_empty`.

    *refers_to* says that the field names other records of the negotiation
    (``"party"``, ``"source"``, ``"statement"``, ``"round"``, ``"proposal"``,
    ``"agreement"``, or ``"subject"`` for what a vote decides on): a
    negotiation read from a document checks such values as they are read.
    Its kind is a :class:`~negotiation_records.fields.Slug` or an
    :class:`~negotiation_records.fields.Int`, alone, in a
    :class:`~negotiation_records.fields.Maybe` or in a
    :class:`~negotiation_records.fields.Many`.

    Example:
        >>> import attrs
        >>> from negotiation_records.fields import Text, field, kind_of
        >>> @attrs.frozen(kw_only=True)
        ... class Note:
        ...     text: str = field(Text())
        >>> kind_of(attrs.fields(Note).text)
        Text()
    """
    kind, converter = _shared(kind)
    metadata: dict[str, Any] = {KIND_KEY: kind}
    if refers_to is not None:
        if refers_to not in TARGETS:
            raise ValueError(
                f"refers_to must be one of {', '.join(map(repr, TARGETS))}, "
                f"not {refers_to!r}"
            )
        metadata[REFERS_KEY] = refers_to
    if since is not None:
        if not isinstance(since, int) or isinstance(since, bool) or since < 2:
            raise ValueError(
                f"since must be a format version from 2, not {since!r} (leave it "
                "out for a field of the first version)"
            )
        metadata[SINCE_KEY] = since
    if omit_empty:
        metadata[OMIT_EMPTY_KEY] = True
    return attrs.field(
        default=default,
        factory=factory,
        converter=converter,
        eq=kind.eq_key or True,
        metadata=metadata,
    )


_SHARED: Final[dict[Kind, tuple[Kind, attrs.Converter[Any, Any] | None]]] = {}


def _shared(kind: Kind) -> tuple[Kind, attrs.Converter[Any, Any] | None]:
    """
    The first kind equal to *kind* and its converter, made once: attrs reads
    the signature of a plain converter again for every field that has it (the
    package's record classes have about 150 converted fields, 60 kinds).
    """
    try:
        return _SHARED[kind]
    except KeyError:
        shared = _SHARED[kind] = (kind, _converter(kind))
        return shared
    except TypeError:  # a kind of your own that does not hash
        return kind, _converter(kind)


def _converter(kind: Kind) -> attrs.Converter[Any, Any] | None:
    if not kind.converts:
        return None
    method = type(kind).convert
    if (
        isinstance(method, types.FunctionType)
        and method.__module__.startswith("negotiation_records.")
        and "__signature__" not in method.__dict__
    ):
        # attrs reads each converter's signature, which inspect works out
        # anew for each kind: the package's twelve methods for its 68 kinds
        # are read once each, and kept where inspect looks first.
        method.__signature__ = inspect.signature(method)  # type: ignore[attr-defined]
    return attrs.Converter(kind.convert)


INIT_ONLY: Final = "negotiation_records.init_only"
"""
Metadata key of an init-only constructor argument: an attrs field declared as
``attrs.field(default=None, alias="status", eq=False, repr=False,
metadata={INIT_ONLY: True})`` that the record folds into its real fields
(:mod:`negotiation_records.history`) and then sets back to its default
(``None``; a value that marks it not given where ``None`` means something,
as an outcome's ``quantity=None``), which a record read from a document
holds too.
"""


def is_init_only(attribute: attrs.Attribute[Any]) -> bool:
    """
    Whether *attribute* is an init-only constructor argument (``status=``,
    ``status_on=``): never read, written or described as a field.
    """
    return bool(attribute.metadata.get(INIT_ONLY))


KEY_UNTIL: Final = "negotiation_records.key_until"
"""
Metadata key of an init-only constructor argument that was a key of the
serialized form: the last format version that had it
(``metadata={INIT_ONLY: True, KEY_UNTIL: 1}``, as a proposal's ``status_on``).
An init-only argument without it is one of the constructor only (a round's
``status_on``: version 1 wrote none).  See :func:`key_until`.
"""


def key_until(attribute: attrs.Attribute[Any]) -> int:
    """
    The last version of the serialized format that had the init-only
    *attribute* as a key of its record (0: none had it; the argument is one
    of the constructor only).  The step from that version moves the key's
    value into the fields that replaced it; elsewhere the key is unknown.

    Example:
        >>> import attrs
        >>> from negotiation_records import Proposal, Round
        >>> from negotiation_records.fields import key_until
        >>> def status_on(cls):
        ...     return next(a for a in attrs.fields(cls) if a.alias == "status_on")
        >>> key_until(status_on(Proposal)), key_until(status_on(Round))
        (1, 0)
    """
    version: int = attribute.metadata.get(KEY_UNTIL, 0)
    return version


def kind_of(attribute: attrs.Attribute[Any]) -> Kind | None:
    """The kind of an attrs field declared with :func:`field`, or ``None``."""
    kind: Kind | None = attribute.metadata.get(KIND_KEY)
    return kind


def refers_to(attribute: attrs.Attribute[Any]) -> str | None:
    """What the values of an attrs field refer to (see :func:`field`), or ``None``."""
    target: str | None = attribute.metadata.get(REFERS_KEY)
    return target


def omits_empty(attribute: attrs.Attribute[Any]) -> bool:
    """
    Whether the serialized form leaves *attribute* out while it is empty (its
    :func:`field`'s *omit_empty*).
    """
    return bool(attribute.metadata.get(OMIT_EMPTY_KEY))


def added_in(attribute: attrs.Attribute[Any]) -> int:
    """
    The version of the serialized format that added the field (its
    :func:`field`'s *since*; 1 for a field of the first version).

    Example:
        >>> import attrs
        >>> from negotiation_records import Statement
        >>> from negotiation_records.fields import added_in
        >>> added_in(attrs.fields(Statement).text), added_in(attrs.fields(Statement).verbatim)
        (1, 2)
    """
    version: int = attribute.metadata.get(SINCE_KEY, 1)
    return version
