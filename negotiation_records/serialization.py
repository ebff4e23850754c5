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
  with ``"schema_version"`` (:data:`SCHEMA_VERSION`).  A newer or missing version is refused; older
  versions are upgraded by the steps registered with
  :func:`~negotiation_records.register_migration`.  A document of a single
  record says no version: ``schema_version=1`` says it was written in
  version 1, and it is upgraded by the same steps.
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

Every field of every record is checked at once, as the record's constructor
checks it: a field that cannot be read (a wrong type, an unknown enum value, an
impossible date, a bad record inside it), a missing, unknown or repeated key
does not hide the problems of the other fields (blank text, a bad slug), each
reported in its field's place.  The checks across the fields of one record (the
order of its dates, a deadline's rule and its ``due``) run once all of that
record's fields are valid, as on construction; a negotiation's references are
checked once every record in it could be built.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Set
from typing import IO, Any, Final, TypeVar, overload

import attrs
import cattrs

from negotiation_records import _fastjson
from negotiation_records._arguments import (
    check_class,
    check_record,
    check_settings,
    non_finite_problems,
    unordered_message,
)
from negotiation_records._files import (
    BytesWriter,
    TextWriter,
    check_path,
    check_utf8,
    file_kind,
    lines_into,
    read_lines,
    write_first,
    write_method,
)
from negotiation_records._hooks import collect_problems, configure_converter
from negotiation_records._json_data import json_data_hook
from negotiation_records._jsontext import ONE_DOCUMENT_HINT, is_blank, parse_json
from negotiation_records._kind import MEMO, SMALL_FLOATS
from negotiation_records._plain_data import (
    TOO_DEEP,
    checked_on_construction,
    plain_data,
)
from negotiation_records._record import Record
from negotiation_records._record_versions import (
    reading_as,
    refusing_version_1_keys,
    version_1_hints,
)
from negotiation_records._values import described
from negotiation_records.errors import ValidationError, join_path
from negotiation_records.fields import record_writes_floats
from negotiation_records.migrations import SCHEMA_VERSION


__all__ = [
    "SCHEMA_VERSION",
    "JSONLinesError",
    "configure_converter",
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


# --- the converter -------------------------------------------------------------------


def make_converter(*, forbid_extra_keys: bool = True) -> cattrs.Converter:
    """
    A new :class:`cattrs.Converter` configured for the library's JSON format.

    Use it to extend the format without touching the library's own
    :data:`converter` (nor :data:`cattrs.global_converter`): register your hooks
    on the new converter and pass it as ``converter=`` to :func:`to_dict`,
    :func:`from_dict` and the other functions of this module.  Each call builds
    an independent converter (see :func:`configure_converter` to configure one
    you made yourself).

    *forbid_extra_keys* (default ``True``) refuses unknown keys; pass ``False``
    for a converter that ignores them.  It must be ``True`` or ``False``:
    anything else (``"no"``, ``None``, ``0``) is a :class:`TypeError`, not
    read as true or false.

    Example:
        >>> conv = make_converter()
        >>> conv.unstructure(PartialDate(2025, 6)), conv is converter
        ('2025-06', False)
    """
    check_settings("make_converter", forbid_extra_keys=forbid_extra_keys)
    conv = cattrs.Converter(forbid_extra_keys=forbid_extra_keys)
    configure_converter(conv)
    return conv


converter: Final = make_converter()
"""The library's converter: the JSON-compatible form of every record (see :func:`make_converter`)."""

_default: Final = converter  # for functions whose ``converter`` argument hides the name

#: The lenient variant (unknown keys ignored) of each converter, made once for
#: each set of hooks: ``id(converter) -> (converter, its hooks then, lenient
#: copy)``.  Converters are slotted (no weak references), so the entries hold
#: them; bounded, emptied when full.
_LENIENT: Final[dict[int, tuple[cattrs.Converter, object, cattrs.Converter]]] = {}
_LENIENT_MAX: Final = 64


def _structure_hooks(conv: cattrs.Converter) -> object:
    """
    The structure hooks registered on *conv*, in order, as a value that
    compares equal while none is added or replaced (a lenient copy made
    before a hook was registered must not serve later calls).  Read from
    cattrs' dispatch tables; should they move, a new object every call, so
    that a copy is made each time rather than a stale one kept.
    """
    try:
        dispatch = conv._structure_func
        return (
            tuple(dispatch._function_dispatch._handler_pairs),
            tuple(dispatch._single_dispatch.registry.items()),
            tuple(conv._union_struct_registry.items()),
        )
    except AttributeError:  # pragma: no cover - another cattrs' internals
        return object()


def _lenient(conv: cattrs.Converter) -> cattrs.Converter:
    hooks = None if conv is _default else _structure_hooks(conv)
    entry = _LENIENT.get(id(conv))
    if entry is not None and entry[0] is conv and entry[1] == hooks:
        return entry[2]
    if conv is _default:
        found = make_converter(forbid_extra_keys=False)
    else:
        found = conv.copy(forbid_extra_keys=False)
    if len(_LENIENT) >= _LENIENT_MAX:
        _LENIENT.clear()
    _LENIENT[id(conv)] = (conv, hooks, found)
    return found


def _pick(strict: bool, conv: cattrs.Converter | None) -> cattrs.Converter:
    conv = _default if conv is None else conv
    return conv if strict or not conv.forbid_extra_keys else _lenient(conv)


# --- errors ------------------------------------------------------------------------------


def _hook(conv: cattrs.Converter, cls: Any) -> Any:
    try:
        return conv.get_structure_hook(cls)
    except cattrs.errors.StructureHandlerNotFoundError as exc:
        raise TypeError(f"cannot load {cls!r}: {exc}") from None


def _run(hook: Any, data: Any, cls: Any, hints: bool = False) -> Any:
    """
    ``hook(data, cls)``, every problem in one ValidationError; with *hints*
    (no version stated), those of a version-1 record say so.
    """
    try:
        return hook(data, cls)
    except ValidationError as exc:
        problems = [(join_path("", path), message) for path, message in exc.errors]
        cause: Exception | None = None
    except Exception as exc:  # noqa: BLE001 - reported as problems
        problems, cause = collect_problems(exc), exc
    if hints:
        problems = version_1_hints(cls, data, problems)
    raise ValidationError(problems) from cause


def _loader(conv: cattrs.Converter, cls: Any, schema_version: object) -> Any:
    """
    The hook reading *cls* written in *schema_version* (``None``: the
    current version, a version-1 record refused rather than lose a key
    where unknown keys are ignored).
    """
    if schema_version is not None:
        return reading_as(functools.partial(_hook, conv), cls, schema_version)
    hook = _hook(conv, cls)
    return hook if conv.forbid_extra_keys else refusing_version_1_keys(hook, cls)


# --- plain data ---------------------------------------------------------------------------


@overload
def to_dict(
    obj: Record, *, converter: cattrs.Converter | None = None
) -> dict[str, Any]: ...


@overload
def to_dict(
    obj: list[Any] | tuple[Any, ...], *, converter: cattrs.Converter | None = None
) -> list[Any]: ...


@overload
def to_dict(obj: Any, *, converter: cattrs.Converter | None = None) -> Any: ...


def to_dict(obj: Any, *, converter: cattrs.Converter | None = None) -> Any:
    """
    The JSON-compatible form of a record, or of a list or tuple of records.

    A record gives a ``dict`` (keys in field order, every field written), a list
    or tuple of records gives a ``list``.  Only plain JSON data comes out:
    ``dict``, ``list``, ``str``, ``int``, ``float``, ``bool`` and ``None``.
    A value the converter writes (a pendulum date or datetime, a
    :class:`~negotiation_records.PartialDate`, an enum, a ``Period``), a
    named tuple (as an array, as the deadline queries' entries are) and
    plain JSON data (a number, text, a list, a dict with text keys) are
    written too; a standard-library ``date`` is not (a record's field
    converts one: give the record, or ``pendulum.instance(day)``).
    Anything else is a :class:`TypeError` naming where it is in *obj*: a set
    (its order changes from one process to the next), a generator (give a
    list), an object the converter does not know.  ``NaN`` and the
    infinities, which JSON cannot hold, are a
    :class:`~negotiation_records.ValidationError` listing each at its path
    (all of them, once no :class:`TypeError` is met).

    *converter*, if given, must be a :class:`cattrs.Converter` (such as one
    :func:`make_converter` gives); anything else is a :class:`TypeError`
    naming it, raised before *obj* is read.

    Example:
        >>> party = Party(id="russia", name="Russia", kind="state", country="RU")
        >>> to_dict(party)  # doctest: +NORMALIZE_WHITESPACE
        {'id': 'russia', 'name': 'Russia', 'kind': 'state', 'role': 'principal',
         'country': 'RU', 'wikidata': None, 'aliases': [], 'representatives': [],
         'members': [], 'sources': []}
    """
    if converter is not None:
        check_settings("to_dict", converter=converter)
    return plain_data(obj, _default if converter is None else converter, "to_dict")


def from_dict(
    cls: type[T],
    data: Any,
    *,
    strict: bool = True,
    schema_version: int | None = None,
    converter: cattrs.Converter | None = None,
) -> T:
    """
    Load a *cls* from JSON-compatible data, strictly.

    *cls* is a record class, or a list of one (``list[Party]``); anything else
    that is no class (a record itself, ``None``, :data:`typing.Any`) is a
    :class:`TypeError`.  *data* must be
    plain JSON data (``dict``, ``list``, ``str``, ``int``, ``float``, ``bool``,
    ``None``): a Python tuple is not an array here, nor is ``1`` a string.
    Unknown keys are refused unless *strict* is ``False``, which ignores them.
    Any problem raises one :class:`~negotiation_records.ValidationError` listing
    them all with their paths.

    The settings are a program's, not data, and are checked first: *strict*
    must be ``True`` or ``False`` (``strict="no"`` or ``strict=None`` is not
    read as true or false) and *converter* ``None`` or a
    :class:`cattrs.Converter` (:func:`make_converter`); a wrong one is one
    :class:`TypeError` naming every wrong setting, raised before *cls*,
    *schema_version* or *data* is looked at.

    *schema_version* says in which version of the format single records
    were written (a document of a record other than a
    :class:`~negotiation_records.Negotiation` does not say it; the loader
    never guesses): ``schema_version=1`` reads a record of version 1
    (``to_json(ultimatum)`` of that library), brought up to date by the
    registered migration steps, each problem at the record's own path.  A
    negotiation says its own version: a different *schema_version* is a
    :class:`~negotiation_records.ValidationError` at ``schema_version``, as
    is a version this library cannot read.  Left out, records are read as
    the current version (:data:`SCHEMA_VERSION`), and a record refused for
    what a version-1 record holds (a ``status``, one proposer's id) says so,
    wherever *cls* puts it, with what reads it: ``schema_version=1`` where it
    reads *cls* (a record class, or a list or tuple of one); for any other
    type (``dict[str, Proposal]``, ``Proposal | None``, a class of your own
    holding records), which ``schema_version=`` does not read, the record
    alone, at its path (``from_dict(Proposal, ..., schema_version=1)``); with
    *strict* ``False`` such a record is refused too, not read without its
    status.  See "Schema versions and migrations" in the serialization
    guide.

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
        >>> from_dict(Proposal, {"id": "p", "proposed_by": "ukraine", "made_on": "2025-07-19",
        ...                      "summary": "Talks", "status": "withdrawn"},
        ...           schema_version=1).status
        <ProposalStatus.WITHDRAWN: 'withdrawn'>
    """
    if strict.__class__ is not bool or converter is not None:
        check_settings("from_dict", strict=strict, converter=converter)
    if cls.__class__ is not type:
        check_class("from_dict", cls)
    try:
        result: T = _run(
            _loader(_pick(strict, converter), cls, schema_version),
            data,
            cls,
            schema_version is None,
        )
    finally:
        MEMO.forget()
    return result


# --- JSON text ------------------------------------------------------------------------------


@functools.cache
def _class_writes_floats(cls: type[Any]) -> bool:
    try:
        return record_writes_floats(cls)
    except Exception:  # noqa: BLE001 - not an attrs class: it may hold anything
        return True


def _may_write_floats(obj: Any) -> bool:
    """Whether the JSON form of *obj* may hold a float (known from the kinds)."""
    if isinstance(obj, (list, tuple)):
        return any(_class_writes_floats(item.__class__) for item in obj)
    return _class_writes_floats(obj.__class__)


def _to_json_data(obj: Any) -> Any:
    """
    The data orjson writes as :func:`to_json` writes *obj*: one of the
    library's records (or a list or tuple of them) by their classes' JSON data
    hooks (see :mod:`negotiation_records._json_data`), anything else as
    :func:`to_dict` gives it, refused as to_json's.
    """
    cls = obj.__class__
    if cls is list or cls is tuple:
        writers: list[Callable[[Any], Any]] = []
        for item in obj:
            hook = json_data_hook(_default, item.__class__)
            if hook is None:
                return plain_data(obj, _default, "to_json")
            writers.append(hook)
        return [write(item) for write, item in zip(writers, obj, strict=True)]
    hook = json_data_hook(_default, cls)
    if hook is not None:
        return hook(obj)
    return plain_data(obj, _default, "to_json")


def _orjson_bytes(write: Any, obj: Any, unflagged: bool) -> Any:
    """
    The compact JSON of ``write(obj)`` as orjson's bytes, or ``NOT_FAST`` where
    the standard library would write it otherwise.  *unflagged* says whether
    the data may hold floats that no kind describes: small ones, which no kind
    flags in ``SMALL_FLOATS``, or ``NaN`` and the infinities, which no kind
    lets a record hold.
    """
    # A kind's dump may call to_json itself (a record kept as its text): the
    # flag of the data around that call is put back after it.
    outer = SMALL_FLOATS.written
    SMALL_FLOATS.written = False
    try:
        data = write(obj)
        small = SMALL_FLOATS.written
    finally:
        SMALL_FLOATS.written = outer
    return _fastjson.dumps(
        data, may_hold_small_floats=unflagged or small, may_hold_non_finite=unflagged
    )


def _dumps(data: Any, indent: int | None) -> str:
    """
    The JSON text of plain *data* as :func:`to_json` writes it; ``NaN`` or an
    infinity in it is a :class:`~negotiation_records.ValidationError` at its path.
    """
    try:
        if indent is not None:
            return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=indent)
        return json.dumps(
            data, ensure_ascii=False, allow_nan=False, separators=(",", ":")
        )
    except ValueError:
        problems = non_finite_problems(data)
        if not problems:
            raise  # another ValueError (a circular reference)
        raise ValidationError(problems) from None
    except RecursionError:  # plain data nested deeper than Python's stack
        raise ValueError(TOO_DEEP) from None


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
    with it, pretty-printed, each level indented by *indent* spaces (``0``:
    one item a line, not indented).  *indent* is ``None`` or an int: any other
    kind (text such as ``"\t"``, a float, a bool) is a :class:`TypeError`, a
    negative number or one over 1,000 a :class:`ValueError`.  *converter* is as in
    :func:`to_dict`; the settings are checked before *obj* is read.  Non-ASCII text is written as is (UTF-8 when
    encoded), not as ``\\u`` escapes.

    Python's cyclic garbage collector is paused while the text is built and
    turned back on when the call ends, if it was on when it began (see
    "Speed and the fast extra" in the serialization guide): the data built to
    be written dies with the call, and a big record's is not searched for
    cycles over and over.

    *obj* is what :func:`to_dict` takes, refused as it refuses it: a set or
    any other object it does not write is a :class:`TypeError`, plain data
    that holds itself (a circular reference) or is nested deeper than
    Python's stack allows a :class:`ValueError`, ``NaN`` or an
    infinity a :class:`~negotiation_records.ValidationError` listing each at
    its path (with *indent* or without, orjson installed or not).

    Example:
        >>> to_json(Window.between(pendulum.date(2025, 7, 21), pendulum.date(2025, 7, 27)))
        '{"start":"2025-07-21","end":"2025-07-27","label":null}'
    """
    if indent is not None or converter is not None:
        check_settings("to_json", indent=indent, converter=converter)
    collecting = gc.isenabled()
    try:
        if collecting:
            gc.disable()
        conv = _default if converter is None else converter
        if indent is None and converter is None and _fastjson.AVAILABLE:
            text = _orjson_bytes(_to_json_data, obj, _may_write_floats(obj))
            if text is not _fastjson.NOT_FAST:
                result: str = text.decode("utf-8")
                return result
        # json writes it (orjson declined: the data is built again, rarely)
        return _dumps(plain_data(obj, conv, "to_json"), indent)
    finally:
        if collecting:
            gc.enable()


def from_json(
    cls: type[T],
    text: str | bytes | bytearray,
    *,
    strict: bool = True,
    schema_version: int | None = None,
    converter: cattrs.Converter | None = None,
) -> T:
    """
    Load a *cls* (a record class or ``list[...]`` of one) from JSON text or UTF-8 bytes.

    Invalid JSON, bytes that are not UTF-8, duplicate keys, ``NaN``, nesting too
    deep and numbers too long are refused like any other bad input: with a
    :class:`~negotiation_records.ValidationError`.  *strict* and
    *schema_version* (the format version single records were written in:
    ``schema_version=1`` reads a version-1 ``to_json(ultimatum)``) as in
    :func:`from_dict`.  A *cls* that is no class is a :class:`TypeError`, as
    there.  So are a *strict* other than ``True`` or ``False`` and a
    *converter* that is no :class:`cattrs.Converter`, named together in one
    :class:`TypeError` and raised first: before *cls*, then *schema_version*
    (a :class:`~negotiation_records.ValidationError` at ``schema_version``)
    and *text* are checked.

    A text of 1 MiB or more is read with Python's cyclic garbage collector
    paused, as :func:`to_json` writes: the many objects a big document is made
    of set off full collections that free nothing (a document of 100,000
    statements, 25 MB, is read in about a quarter less time).  The collector
    is turned back on when the call ends, also when it fails, if it was on;
    the pause is process-wide, so a ``gc.disable()`` made in another thread
    during a call is undone when it ends.

    Example:
        >>> from_json(Party, '{"id": "ukraine", "name": "Україна", "kind": "state"}').name
        'Україна'
        >>> from_json(list[Quantity], '[{"amount": "1000", "unit": "prisoners"}]')
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: [0].amount: must be a number, got string '1000'
        >>> old = '{"id": "eu", "name": "EU", "kind": "coalition", "members": ["france"]}'
        >>> from_json(Party, old, schema_version=1).members[0].party
        'france'
    """
    if strict.__class__ is not bool or converter is not None:
        check_settings("from_json", strict=strict, converter=converter)
    if cls.__class__ is not type:
        check_class("from_json", cls)
    conv = _pick(strict, converter)
    if schema_version is None and conv.forbid_extra_keys:
        hook = _hook(conv, cls)
    else:
        hook = _loader(conv, cls, schema_version)
    # A big document is read with the collector paused (see the docstring).
    collecting = (
        isinstance(text, (str, bytes, bytearray, memoryview))
        and len(text) >= _PAUSE_FROM
        and gc.isenabled()
    )
    try:
        if collecting:
            gc.disable()
        return _read_json(hook, cls, text, schema_version is None)
    finally:
        if collecting:
            gc.enable()
        MEMO.forget()


#: The length of JSON text (characters or bytes) from which ``from_json`` pauses
#: the garbage collector: below it the pause saves nothing measurable.
_PAUSE_FROM: Final = 1 << 20


def _read_json(
    hook: Any, cls: type[T], text: str | bytes | bytearray, hints: bool
) -> T:
    data = _fastjson.loads(text) if _fastjson.AVAILABLE else _fastjson.NOT_FAST
    if data is _fastjson.NOT_FAST:
        data = parse_json(text)
    # else orjson's data is the standard library's for this text (loads vouches
    # for it), so its problems are the same: one pass only.
    loaded: T = _run(hook, data, cls, hints)
    return loaded


# --- JSON Lines -----------------------------------------------------------------------------


def write_jsonl(
    records: Iterable[Any],
    file: str | os.PathLike[str] | TextWriter | BytesWriter,
    *,
    converter: cattrs.Converter | None = None,
) -> int:
    """
    Write *records* as JSON Lines: one compact JSON document a line, UTF-8.

    *file* is a path (created or overwritten) or an open file, text or binary.
    An ``io`` file is given what its class takes (``open()``'s text files
    bytes, through their buffer: their ``newline=`` is not asked); a file of ``codecs``
    text, any other object with a ``mode`` (binary with ``"b"`` in it) or with
    only a ``write`` method (text) is given what that suggests, and the other
    kind if it refuses the first line with a :class:`TypeError`.  A *file*
    that takes neither, or is no file, is a
    :class:`~negotiation_records.ValidationError` at ``file``, before anything
    is written.  *records* may be any iterable, a generator included: records
    are written as they come, so memory does not grow with their number.
    Returns how many records were written.

    Each item is a record (an instance of an attrs class: ``Party``, a
    ``Negotiation``, a record class of your own), one a line, or a list of
    records, written as one JSON array as :func:`to_json` writes it.  *records* given
    as a string, bytes, a mapping or a single record, as a set (or a
    mapping's keys or items: their order changes from one process to the
    next, the file's would too), and an item that is not a record
    (``records[3]``, the lines before it written), are a :class:`TypeError`:
    a programming error, not bad data; so is a *converter* that is no
    :class:`cattrs.Converter` (:func:`make_converter`), refused before
    *file* is opened.

    The lines are UTF-8 whatever the file: a text file whose ``encoding``
    names another codec (``open(path, "w")`` on Windows is ``cp1252``), or
    ``utf-8-sig`` (which starts the file with a byte-order mark, not JSON), is
    a :class:`~negotiation_records.ValidationError` at ``file`` before
    anything is written: open it with ``encoding="utf-8"``, or in binary mode
    (``sys.stdout.buffer`` for the standard output).  A text stream that names
    no encoding (:class:`io.StringIO`) takes the text as it is.

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> write_jsonl([Source(id="a", publisher="A"), Source(id="b", publisher="B")], out)
        2
        >>> print(out.getvalue(), end="")
        {"id":"a","publisher":"A","title":null,"url":null,"published":null,"accessed":null}
        {"id":"b","publisher":"B","title":null,"url":null,"published":null,"accessed":null}
    """
    if converter is not None:
        check_settings("write_jsonl", converter=converter)
    if isinstance(records, Set):  # a set's order is its hashes', not the same twice
        raise TypeError(unordered_message("write_jsonl", "records", records))
    if (
        isinstance(records, _NOT_RECORDS)
        or attrs.has(records.__class__)
        or not isinstance(records, Iterable)
    ):
        single = attrs.has(records.__class__)
        raise TypeError(
            "write_jsonl() records must be an iterable of records (a list, a "
            f"generator ...), got {described(records)}"
            + ("; to write one record, give [record]" if single else "")
        )
    if isinstance(file, (str, os.PathLike)):
        check_path(file)
        with open(file, "wb") as handle:  # UTF-8 and "\n", written as bytes
            return _write_lines(records, handle, converter)
    check_utf8("write_jsonl", file)
    with lines_into(file) as handle:
        return _write_lines(records, handle, converter)


#: What write_jsonl does not take as its records (iterating would write a
#: line per character, byte or key).
_NOT_RECORDS: Final = (str, bytes, bytearray, memoryview, Mapping)


def _write_lines(
    records: Iterable[Any], handle: IO[Any], conv: cattrs.Converter | None
) -> int:
    write = write_method(handle)
    binary, known = file_kind(handle)
    fast = conv is None and _fastjson.AVAILABLE
    writers: dict[type[Any], tuple[Any, bool]] = {}  # for this call only
    checked: set[type[Any]] = set()  # record classes, for the slow path
    count = 0
    for record in records:
        line: Any = _fast_line(record, writers) if fast else _fastjson.NOT_FAST
        if line is _fastjson.NOT_FAST:
            cls = record.__class__
            if cls not in checked:
                check_record(record, count)
                if cls is not list and cls is not tuple:
                    checked.add(cls)
            line = to_json(record, converter=conv) + "\n"
            if known:
                write(line.encode("utf-8") if binary else line)
        elif known:
            write(line if binary else line.decode("utf-8"))
        if not known:  # the first line tells what the file takes
            binary, known = write_first(write, line, binary), True
        count += 1
    return count


def _fast_line(record: Any, writers: dict[type[Any], tuple[Any, bool]]) -> Any:
    """
    *record*'s line, UTF-8 bytes with its line feed, exactly as :func:`to_json`
    writes it with orjson (the same hook, the same small-float rule), or
    ``NOT_FAST`` for :func:`to_json` to write it.  *writers* keeps each class's
    hook and float flag for one :func:`write_jsonl` call: a file of small
    records costs the writing, not the looking up.
    """
    cls = record.__class__
    found = writers.get(cls)
    if found is None:
        if not attrs.has(cls) or not checked_on_construction(cls):
            return _fastjson.NOT_FAST  # not a record, or a user's: checked there
        found = writers[cls] = (
            json_data_hook(_default, cls) or _default.get_unstructure_hook(cls),
            _class_writes_floats(cls),
        )
    hook, unflagged = found
    out = _orjson_bytes(hook, record, unflagged)
    return out if out is _fastjson.NOT_FAST else out + b"\n"


def read_jsonl(
    cls: type[T],
    file: str | os.PathLike[str] | IO[str] | IO[bytes] | Iterable[str | bytes],
    *,
    strict: bool = True,
    schema_version: int | None = None,
    converter: cattrs.Converter | None = None,
) -> Iterator[T]:
    """
    Read a JSON Lines file one record at a time (a generator).

    *file* is a path or an open file, text or binary (binary is read as UTF-8).
    Lines end at line feeds only, whatever the file: a lone carriage return
    is JSON's white space, not a line end.  A text file ``open()`` opened
    (an :class:`io.TextIOWrapper`, as ``sys.stdin`` and ``gzip.open(...,
    "rt")`` are) is read through its binary ``buffer``, as its path would
    be, whatever its ``newline`` and ``errors`` (its own lines end at a lone
    carriage return too); one that has been read from before holds text
    decoded ahead, and is read on as the text it gives (where the default
    ``newline`` has turned a lone carriage return into a line feed:
    ``newline=""`` keeps it).  That text, an :class:`io.StringIO`'s and a
    ``codecs`` file's (whose own lines end at U+2028 and U+2029 as well,
    which a JSON string may hold) are split at line feeds here.  The lines are UTF-8 whatever the file, as
    :func:`write_jsonl` writes them: a text file whose ``encoding`` names
    another codec (``open(path)`` on Windows is ``cp1252``), or
    ``utf-8-sig`` (which reads past a byte-order mark that a path's reading
    refuses), is a :class:`~negotiation_records.ValidationError` at
    ``file`` before anything is read: open it with ``encoding="utf-8"``, or
    in binary mode (``sys.stdin.buffer`` for the standard input).

    Lines are read and loaded one by one, so memory stays flat however long the
    file is.  Blank lines (JSON's white space only) are skipped.  The first bad line stops the reading with
    a :class:`JSONLinesError` (a :class:`~negotiation_records.ValidationError`)
    that names the line number and the path of every problem inside the record.
    *strict* and *schema_version* (the format version the records were
    written in: ``schema_version=1`` reads the lines ``write_jsonl`` of
    version 1 wrote) as in :func:`from_dict`: a version this library cannot
    read, or one that did not have *cls*, is a
    :class:`~negotiation_records.ValidationError` at ``schema_version``,
    checked with the other arguments, so also on a file with no record.

    *file* may also be any iterable of lines (``str`` or ``bytes``, such as
    a list).  Bytes given as *file* (the content itself, not a file: wrap
    them in :class:`io.BytesIO`), or a line that is neither ``str`` nor
    ``bytes``, or a *cls* that is no class, a *strict* other than ``True``
    or ``False`` or a *converter* that is no :class:`cattrs.Converter` (as in
    :func:`from_dict`, the settings first), is a
    :class:`TypeError`: a programming error, not bad data.  A ``str`` is a path (text content goes in :class:`io.StringIO`, or
    ``text.split("\\n")``: ``splitlines()`` also splits at a carriage return
    and at U+2028).  The reader is a generator: these errors come
    when iteration starts, not at the call, in this order: the settings,
    *cls*, *schema_version*, then *file*.

    Example:
        >>> import io
        >>> lines = io.BytesIO(b'{"id":"a","publisher":"A"}\\n\\n{"id":"b","publisher":"B"}\\n')
        >>> [source.id for source in read_jsonl(Source, lines)]
        ['a', 'b']
    """
    if strict.__class__ is not bool or converter is not None:
        check_settings("read_jsonl", strict=strict, converter=converter)
    if cls.__class__ is not type:
        check_class("read_jsonl", cls)
    # The version is checked with the other arguments, as from_json checks
    # it: before the file is opened, even if it holds no record.
    hook = _loader(_pick(strict, converter), cls, schema_version)
    if isinstance(file, (bytes, bytearray, memoryview)):
        raise TypeError(
            "read_jsonl() file must be a path, an open file or an iterable of "
            f"lines, got {described(file)} (the content "
            "itself? wrap it in io.BytesIO(...))"
        )
    if isinstance(file, (str, os.PathLike)):
        check_path(file)
        with open(file, "rb") as handle:
            yield from _read_lines(cls, handle, hook, schema_version is None)
    else:
        check_utf8("read_jsonl", file, reads=True)
        yield from _read_lines(cls, file, hook, schema_version is None)


def each_line_read(
    cls: type[T], lines: Iterable[bytes], schema_version: int | None = None
) -> Generator[tuple[int, T | ValidationError], None, None]:
    """
    Each record of *lines* (the lines of one JSON Lines file of *cls*, as
    bytes) with its line number, or in its stead the
    :class:`~negotiation_records.ValidationError` of its line: unlike
    :func:`read_jsonl`, which stops at the first bad line, the reading
    carries on, so that every problem of a file is found (the command line's
    ``validate``).  Lines are counted and blank lines skipped as
    :func:`read_jsonl` does, and what the lines repeat is read once for the
    whole file and forgotten when the reading ends, as there.
    """
    hook = _loader(_default, cls, schema_version)
    return _each_line(cls, iter(lines), hook, schema_version is None)


def _without_newline(line: str | bytes) -> str | bytes:
    if isinstance(line, bytes):
        return line.rstrip(b"\r\n")
    return line.rstrip("\r\n")


def _a_line(line: Any, number: int) -> str | bytes:
    """*line*, read from an iterable of lines, as text or bytes, or a TypeError."""
    if isinstance(line, str):
        return str.__str__(line)
    if isinstance(line, (bytes, bytearray, memoryview)):
        return bytes(line)
    raise TypeError(
        "read_jsonl() file must be a path, an open file or an iterable of "
        f"lines (str or bytes), but its line {number} is {described(line)}"
    )


def _read_lines(
    cls: type[T], handle: IO[Any] | Iterable[Any], hook: Any, hints: bool
) -> Iterator[T]:
    """The records of :func:`read_jsonl`: the first bad line stops the reading."""
    # Closed when a bad line stops the reading, so that the memo is forgotten then.
    with contextlib.closing(_each_line(cls, read_lines(handle), hook, hints)) as reads:
        for number, read in reads:
            if isinstance(read, ValidationError):
                raise JSONLinesError(number, read.errors) from read
            yield read


def _each_line(
    cls: type[T], lines: Iterator[Any], hook: Any, hints: bool
) -> Generator[tuple[int, T | ValidationError], None, None]:
    """
    Each record of *lines* with its line number, or in its stead its line's
    :class:`~negotiation_records.ValidationError` (what :func:`read_jsonl`
    and :func:`each_line_read` do with it is theirs); blank lines are
    skipped, and counted.
    """
    # The lines of one file are one input: what they repeat (a day, a party's
    # id) is read once for the whole file (``MEMO``), as a document's repeats
    # are, and forgotten when the reading ends (finished, closed or stopped).
    number = 0
    first = True  # the first line that is not blank is still to come
    try:
        while True:
            number += 1
            try:
                line = next(lines)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:  # a text handle over bytes not UTF-8
                raise _undecoded(number, exc) from None
            if line.__class__ is not str and line.__class__ is not bytes:
                line = _a_line(line, number)
            if not line or (line.isspace() and is_blank(line)):
                continue
            try:
                record: T = _read_json(hook, cls, _without_newline(line), hints)
            except ValidationError as exc:
                if first and line.strip() in _OPENINGS:  # pretty-printed JSON
                    exc = ValidationError(
                        (p, m + ONE_DOCUMENT_HINT) for p, m in exc.errors
                    )
                yield number, exc
            else:
                yield number, record
            first = False
    finally:
        MEMO.forget()


#: A line that only opens an object or an array: no line of JSON Lines is one.
_OPENINGS: Final = frozenset({"{", "[", b"{", b"["})


def _undecoded(number: int, exc: UnicodeDecodeError) -> JSONLinesError:
    """
    The error of a text handle that could not decode line *number*: it
    decodes ahead in blocks, so the bad byte is on this line or a later one,
    and the offset is within a block, not the file.
    """
    return JSONLinesError(
        number,
        [
            (
                "$",
                f"not UTF-8 text ({exc.reason}) on this line or a later "
                "one: a text file is decoded ahead of the line read; open "
                "it in binary mode, or pass its path, to find the line",
            )
        ],
    )
