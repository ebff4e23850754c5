"""
Records as Arrow tables and Parquet datasets, for analysis with pandas, polars,
DuckDB, Spark or Dask.

Needs pyarrow, which the core library does not depend on::

    python -m pip install 'negotiation-records[tables]'

:func:`to_tables` turns negotiations into one :class:`pyarrow.Table` per kind of
record; :func:`write_parquet` streams any number of them, in batches, into a
Parquet dataset: one folder per table, one file per batch.  The columns follow
from the record classes and the kinds of their fields
(:mod:`negotiation_records.fields`), so every batch of a table has the same Arrow
schema (:func:`schemas`), whatever the data, and the files of a folder read
back as one table.

**The tables** (:data:`TABLE_NAMES`): ``negotiations``, ``parties``, ``rounds``,
``proposals``, ``conditions``, ``positions``, ``responses``, ``ultimatums``,
``agreements``, ``milestones``, ``votes``, ``actions``, ``statements``,
``sources``, ``status_changes`` (every step of every status history),
``deadline_revisions`` (the earlier deadlines of ultimatums, agreements and
milestones) and ``events``, the timeline of each negotiation
(:meth:`Negotiation.timeline <negotiation_records.Negotiation.timeline>`) in its
order (``seq``).

**Keys.**  Every row carries ``negotiation_id``, which no two of the
negotiations given share (a repeated id is refused).  Every row of a record table
but ``negotiations`` carries ``path``, where the record sits in its negotiation,
in the notation of :class:`~negotiation_records.ValidationError` paths
(``proposals[1].terms[0]``); it is unique within a negotiation.  The records
that may belong to another record — ``conditions`` (standing ones, a
proposal's terms, an ultimatum's demand, an agreement's provisions),
``positions``, ``responses``, ``status_changes`` and ``deadline_revisions`` —
also carry ``parent_table``, ``parent_id`` (the parent's id, a round's number
as text) and ``parent_path`` (``null`` when the parent is the negotiation
itself).  An event's ``path`` is its record's path, or a path inside it
(``ultimatums[0].deadline``).

**Columns, by the kind of the field** (a field that may be ``None`` gives
nullable columns, ``null`` when it is):

* text, ids, codes, URLs, zone names, periods (``P50D``): strings;
* integers: ``int64``; numbers: ``float64``; flags: ``bool``; calendar dates
  (a window's ``start`` and ``end``): ``date32``;
* a choice from an enum (``kind``, ``stance``, ``role``): the value as a
  dictionary-encoded string (a pandas ``category``);
* a list of ids or texts (``addressed_to``, ``aliases``): a list column;
* a moment ``on`` gives four columns: ``on_utc``, a UTC timestamp (microseconds),
  ``on_zone``, the IANA name of its zone (``null`` for a date, a month, a year
  or a fixed offset), ``on_precision`` (``year``, ``month``, ``day`` or
  ``instant``) and ``on``, its text as the records write it (RFC 9557:
  ``2025-07-14T12:00:00-04:00[America/New_York]``), so nothing is lost and SQL
  on the timestamp is right.  A date, a month or a year has no zone: its
  timestamp is the start of its span read in UTC (midnight UTC of its first
  day), the convention by which the library orders such moments among zoned
  ones (:func:`~negotiation_records.timeutil.moment_span`);
* a deadline ``deadline`` gives the same four columns for its due moment, but
  ``deadline_utc`` is the instant it passes (:attr:`Deadline.cutoff
  <negotiation_records.Deadline.cutoff>`): a deadline on 31 March in Brussels
  passes at midnight there, ``2025-03-31 22:00 UTC``; ``deadline_zone`` is the
  zone it is read in (``UTC`` when it names none), and ``deadline_rule`` its
  rule in words (``50 days after 2025-07-14``); an agreement's ``in_force``
  is a start, so ``in_force_utc`` is the start of its day in its zone (or its
  datetime), the instant it enters into force;
* a status history ``history`` gives ``status`` (the current status) and the
  four ``status_on`` columns (its last change); each step is a row of
  ``status_changes``;
* a record inside a record (a round's ``window``) is spread over columns
  named after both (``window_start``, ``window_end``, ``window_label``); a list
  of records that is not a table of its own (a party's ``representatives``, a
  round's ``outcomes``, an ultimatum's ``consequences``) is a list of structs,
  whose fields follow the same rules;
* an ultimatum's ``demand`` is its words (a demand given as a condition is
  also a row of ``conditions``, its path ending in ``.demand``).

Example:
    A treaty clock that runs out at midnight in Brussels, at the end of 31 March
    2025 (summer time began on 30 March):

    >>> import pendulum
    >>> from negotiation_records import Deadline, Milestone, Negotiation
    >>> from negotiation_records.tables import to_tables
    >>> talks = Negotiation(id="treaty", title="Treaty talks", milestones=[Milestone(
    ...     id="ratification", title="Ratification",
    ...     deadline=Deadline.on(pendulum.date(2025, 3, 31), tz="Europe/Brussels"))])
    >>> tables = to_tables([talks])
    >>> row = tables["milestones"].to_pylist()[0]
    >>> row["deadline"], row["deadline_zone"], row["deadline_precision"]
    ('2025-03-31', 'Europe/Brussels', 'day')
    >>> row["deadline_utc"].isoformat()
    '2025-03-31T22:00:00+00:00'
    >>> tables["events"].select(["seq", "moment", "kind", "path"]).to_pylist()
    [{'seq': 0, 'moment': '2025-03-31', 'kind': 'deadline', 'path': 'milestones[0].deadline'}]
"""

from __future__ import annotations

import functools
import operator
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from negotiation_records import _column_values as values
from negotiation_records import fields
from negotiation_records._arguments import check_settings
from negotiation_records._codegen import Namespace, compile_function
from negotiation_records._column_values import UnfitError
from negotiation_records._export_ids import SeenIds, not_many
from negotiation_records._files import check_path
from negotiation_records._values import described
from negotiation_records.actions import Action
from negotiation_records.agreements import Agreement
from negotiation_records.conditions import Condition
from negotiation_records.deadlines import Deadline, DeadlineRevision
from negotiation_records.errors import ValidationError
from negotiation_records.history import History, StatusChange, StatusKind
from negotiation_records.milestones import Milestone
from negotiation_records.negotiation import Negotiation
from negotiation_records.parties import Party
from negotiation_records.proposals import Proposal
from negotiation_records.rounds import Round
from negotiation_records.sources import Source, Statement
from negotiation_records.stances import Position, Response
from negotiation_records.timeline import TimelineEvent
from negotiation_records.ultimatums import Ultimatum
from negotiation_records.votes import Vote


if TYPE_CHECKING:
    import pyarrow


__all__ = [
    "TABLES_EXTRA_HINT",
    "TABLE_NAMES",
    "ColumnValueError",
    "schemas",
    "to_tables",
    "write_parquet",
]

TABLES_EXTRA_HINT: Final = (
    "Arrow tables and Parquet need pyarrow; install the 'tables' extra: "
    "python -m pip install 'negotiation-records[tables]'"
)
"""The message of the :class:`ImportError` raised when pyarrow is missing."""

# --- which records are tables (the one per-table choice) ------------------------------

_ROOT: Final = "negotiations"
_EVENTS: Final = "events"

#: Each table, the record class of its rows, and whether its records may belong
#: to another record (then its rows carry parent_table, parent_id, parent_path).
_TABLES: Final[tuple[tuple[str, type[Any], bool], ...]] = (
    (_ROOT, Negotiation, False),
    ("parties", Party, False),
    ("rounds", Round, False),
    ("proposals", Proposal, False),
    ("conditions", Condition, True),
    ("positions", Position, True),
    ("responses", Response, True),
    ("ultimatums", Ultimatum, False),
    ("agreements", Agreement, False),
    ("milestones", Milestone, False),
    ("votes", Vote, False),
    ("actions", Action, False),
    ("statements", Statement, False),
    ("sources", Source, False),
    ("status_changes", StatusChange, True),
    ("deadline_revisions", DeadlineRevision, True),
    (_EVENTS, TimelineEvent, False),
)

TABLE_NAMES: Final[tuple[str, ...]] = tuple(name for name, _, _ in _TABLES)
"""The names of the tables, in the order :func:`to_tables` gives them."""

_TABLE_OF: Final = {cls: name for name, cls, _ in _TABLES if name != _EVENTS}
_PARENTED: Final = frozenset(name for name, _, parented in _TABLES if parented)
_CLASS_OF: Final = {name: cls for name, cls, _ in _TABLES}

# --- columns, described without pyarrow -------------------------------------------------

_STRING: Final = "string"
_CHOICE: Final = "dictionary"
_INT: Final = "int64"
_FLOAT: Final = "float64"
_BOOL: Final = "bool"
_DATE: Final = "date32"
_TIMESTAMP: Final = "timestamp"


@attrs.frozen
class _Column:
    """One column: its name and its type (a type name, or a list or struct of columns)."""

    name: str
    type: str | tuple[str, Any]


_Convert = Callable[[Any], tuple[Any, ...]]
"""A field value to the values of its columns, one each."""


class ColumnValueError(ValidationError):
    """
    A value of a valid record that its Arrow column cannot hold (an integer
    beyond int64), raised by :func:`to_tables` and :func:`write_parquet`: a
    :class:`~negotiation_records.ValidationError` at the value's path in the
    negotiation, whose message names the negotiation; its id is in
    ``negotiation_id``.
    """

    def __init__(self, negotiation_id: str, path: str, message: str) -> None:
        super().__init__([(path, f"{message} (negotiation {negotiation_id!r})")])
        self.negotiation_id = negotiation_id
        self._given = (negotiation_id, path, message)

    def __repr__(self) -> str:
        return f"ColumnValueError{self._given!r}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled and copied with its own arguments (a worker process's error).
        return (type(self), self._given)


@attrs.frozen
class _Part:
    """What one field of a record becomes: columns, and child rows in other tables."""

    columns: tuple[_Column, ...] = ()
    convert: _Convert | None = None  # the field's value to its columns' values
    children: tuple[_Child, ...] = ()
    from_record: bool = False  # convert reads the record, not the field's value


@attrs.frozen
class _Child:
    """Records of a field that are rows of another table."""

    field: str
    table: str
    many: bool


#: The deadline fields that mark a start, not a limit: an agreement enters into
#: force *on* its day, so ``in_force_utc`` is the start of that day (in the
#: deadline's zone), where a deadline's ``_utc`` is the instant it passes.
_STARTS: Final = frozenset({(Agreement, "in_force")})


def _moment_columns(name: str) -> tuple[_Column, ...]:
    return (
        _Column(f"{name}_utc", _TIMESTAMP),
        _Column(f"{name}_zone", _STRING),
        _Column(f"{name}_precision", _CHOICE),
        _Column(name, _STRING),
    )


_STRING_KINDS: Final = (
    fields.Text,
    fields.Slug,
    fields.Wikidata,
    fields.Url,
    fields.Country,
    fields.ZoneName,
)


def _part(
    name: str, kind: fields.Kind | None, where: str, *, start: bool = False
) -> _Part:
    """
    The columns (or child rows) of the field *name* of kind *kind*; *start*:
    a deadline that marks a start (:data:`_STARTS`).
    """
    if isinstance(kind, _STRING_KINDS):
        return _Part((_Column(name, _STRING),), values.one)
    if isinstance(kind, (fields.PeriodKind, fields.RecordId)):
        return _Part((_Column(name, _STRING),), values.text_of)
    if isinstance(kind, fields.Int):
        return _Part((_Column(name, _INT),), values.int64)
    if isinstance(kind, fields.Number):
        return _Part((_Column(name, _FLOAT),), values.float64)
    if isinstance(kind, fields.Bool):
        return _Part((_Column(name, _BOOL),), values.one)
    if isinstance(kind, fields.Choice):
        return _Part((_Column(name, _CHOICE),), values.choice)
    if isinstance(kind, StatusKind):
        return _Part((_Column(name, _CHOICE),), values.status)
    if isinstance(kind, fields.DateKind):
        return _Part((_Column(name, _DATE),), values.day)
    if isinstance(kind, fields.MomentKind):
        return _Part(_moment_columns(name), values.moment)
    if isinstance(kind, fields.Maybe):
        return _maybe(_part(name, kind.kind, where, start=start))
    if isinstance(kind, fields.Many):
        return _many(name, kind.kind, where)
    if isinstance(kind, History):
        return _history(name, kind, where)
    if isinstance(kind, fields.TextOr):
        table = _table_of(kind.cls, where)
        return _Part(
            (_Column(name, _STRING),),
            functools.partial(_text_or, kind.cls),
            (_Child(name, table, many=False),),
        )
    if isinstance(kind, fields.Nested):
        if kind.cls is Deadline:
            columns = (*_moment_columns(name), _Column(f"{name}_rule", _STRING))
            return _Part(columns, values.start if start else values.deadline)
        if kind.cls in _TABLE_OF:
            return _Part(children=(_Child(name, _TABLE_OF[kind.cls], many=False),))
        return _flattened(name, kind.cls, where)
    raise TypeError(f"no column for {where} of kind {kind!r}")


def _table_of(cls: type[Any], where: str) -> str:
    if cls not in _TABLE_OF:
        raise TypeError(f"no table for the {cls.__name__} records of {where}")
    return _TABLE_OF[cls]


def _text_or(cls: type[Any], value: Any) -> tuple[Any, ...]:
    if isinstance(value, cls):
        return (getattr(value, "text", None),)
    return (value,)


def _maybe(inner: _Part) -> _Part:
    if inner.convert is None:  # a record of a table of its own: its rows, if any
        return inner
    convert = inner.convert
    nothing = (None,) * len(inner.columns)

    def maybe(value: Any) -> tuple[Any, ...]:
        return nothing if value is None else convert(value)

    return attrs.evolve(inner, convert=maybe)


def _many(name: str, kind: fields.Kind, where: str) -> _Part:
    if isinstance(kind, fields.Nested) and kind.cls in _TABLE_OF:
        return _Part(children=(_Child(name, _TABLE_OF[kind.cls], many=True),))
    if isinstance(kind, fields.Nested) and kind.cls is not Deadline:
        # a struct per record, its fields named as the record's
        plan = _fields_of(kind.cls, f"{where}[]")
        item = _Part(plan.columns, plan.row, plan.children)
    else:  # a struct per value if it takes several columns: value_utc, value ...
        item = _part("value", kind, f"{where}[]")
    if item.children or item.convert is None:
        raise TypeError(f"no column for {where}: a list of records with tables inside")
    convert = item.convert
    if len(item.columns) == 1 and convert is values.one:  # a tuple of plain values
        return _Part((_Column(name, ("list", item.columns[0].type)),), values.one)
    if len(item.columns) == 1:
        item_type = item.columns[0].type

        def each(value: Any) -> tuple[Any, ...]:
            return ([_at(convert, index, part)[0] for index, part in enumerate(value)],)

    else:
        names = tuple(column.name for column in item.columns)
        item_type = ("struct", item.columns)

        def each(value: Any) -> tuple[Any, ...]:
            return (
                [
                    dict(zip(names, _at(convert, index, part), strict=True))
                    for index, part in enumerate(value)
                ],
            )

    return _Part((_Column(name, ("list", item_type)),), each)


def _at(convert: _Convert, index: int, value: Any) -> tuple[Any, ...]:
    try:
        return convert(value)
    except UnfitError as exc:
        raise UnfitError(exc.message, f"[{index}]{exc.where}") from None


def _flattened(name: str, cls: type[Any], where: str) -> _Part:
    """A record inside a record, spread over columns named ``<name>_<field>``."""
    plan = _fields_of(cls, where)
    if plan.children:
        raise TypeError(f"no column for {where}: a record with tables inside")
    columns = tuple(
        _Column(f"{name}_{column.name}", column.type) for column in plan.columns
    )
    return _Part(columns, plan.row)


@attrs.frozen
class _Fields:
    """The columns and child tables of a record class, and its row function."""

    columns: tuple[_Column, ...]
    parts: tuple[tuple[str, _Part], ...]  # the fields that give columns
    children: tuple[_Child, ...]
    fast: Callable[[Any], tuple[Any, ...]]  # compiled from the parts

    def row(self, record: Any) -> tuple[Any, ...]:
        """The values of the columns for *record*."""
        try:
            return self.fast(record)
        except UnfitError:
            return self._located(record)

    def _located(self, record: Any) -> tuple[Any, ...]:
        """:meth:`row`, one field at a time: a value that does not fit names its field."""
        out: list[Any] = []
        for name, part in self.parts:
            assert part.convert is not None  # noqa: S101 - parts with columns only
            try:
                out += part.convert(
                    record if part.from_record else getattr(record, name)
                )
            except UnfitError as exc:
                raise UnfitError(exc.message, f".{name}{exc.where}") from None
        return tuple(out)


def _compile_row(cls: type[Any], parts: tuple[tuple[str, _Part], ...]) -> Any:
    """One function giving a record's row, written from its fields' parts."""
    ns = Namespace()
    items = []
    for name, part in parts:
        convert = part.convert
        if part.from_record:
            items.append(f"*{ns.name(convert)}(r)")
        elif convert is values.one:
            items.append(f"r.{name}")
        elif convert is values.choice:
            items.append(f"r.{name}._value_")
        else:
            items.append(f"*{ns.name(convert)}(r.{name})")
    lines = ["def row(r):", f"    return ({', '.join(items)}{',' if items else ''})"]
    return compile_function(lines, f"table row {cls.__name__}", ns.names)


def _history(name: str, kind: History, where: str) -> _Part:
    """The current status and its date; each step a row of ``status_changes``."""

    def current(record: Any) -> tuple[Any, ...]:
        return (record.status.value, *values.maybe_moment(record.status_on))

    columns = (_Column("status", _CHOICE), *_moment_columns("status_on"))
    child = _Child(name, _TABLE_OF[StatusChange], many=True)
    return _Part(columns, current, (child,), from_record=True)


_FIELDS: dict[type[Any], _Fields] = {}


def _fields_of(cls: type[Any], where: str | None = None) -> _Fields:
    """The columns and child tables of *cls*'s fields, from their kinds (made once)."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = _make_fields(cls, where or cls.__name__)
    return found


def _make_fields(cls: type[Any], where: str) -> _Fields:
    columns: list[_Column] = []
    parts: list[tuple[str, _Part]] = []
    children: list[_Child] = []
    for attribute in attrs.fields(cls):
        if fields.is_init_only(attribute):
            continue
        place = f"{where}.{attribute.name}"
        start = any(
            attribute.name == name and issubclass(cls, owner) for owner, name in _STARTS
        )
        part = _part(attribute.name, fields.kind_of(attribute), place, start=start)
        children += part.children
        if part.convert is not None:
            columns += part.columns
            parts.append((attribute.name, part))
    found = tuple(parts)
    return _Fields(tuple(columns), found, tuple(children), _compile_row(cls, found))


# --- the tables -----------------------------------------------------------------------


def _key_columns(table: str) -> tuple[_Column, ...]:
    if table == _ROOT:  # the negotiation's own id is its negotiation_id
        return ()
    if table == _EVENTS:
        return (_Column("negotiation_id", _STRING), _Column("seq", _INT))
    found: tuple[_Column, ...] = (
        _Column("negotiation_id", _STRING),
        _Column("path", _STRING),
    )
    if table in _PARENTED:
        found += (
            _Column("parent_table", _CHOICE),
            _Column("parent_id", _STRING),
            _Column("parent_path", _STRING),
        )
    return found


@functools.cache
def _plan(table: str) -> tuple[tuple[_Column, ...], _Fields]:
    """All the columns of *table*, and the plan of its record class's fields."""
    plan = _fields_of(_CLASS_OF[table])
    own = plan.columns
    if table == _ROOT:  # the negotiation's own id is its negotiation_id
        own = tuple(
            _Column("negotiation_id", c.type) if c.name == "id" else c for c in own
        )
    columns = (*_key_columns(table), *own)
    seen: set[str] = set()
    for column in columns:
        if column.name in seen:
            raise TypeError(f"two columns named {column.name!r} in table {table!r}")
        seen.add(column.name)
    for child in plan.children:
        if table != _ROOT and child.table not in _PARENTED:
            raise TypeError(f"table {child.table!r} needs parent columns")
    return columns, plan


def _key(record: Any) -> str:
    """The id by which a parent record is named: its id, or a round's number."""
    value = getattr(record, "id", None)
    return str(record.number if value is None else value)


def _given(negotiation: object) -> Negotiation:
    """*negotiation*, an item given to an export; a :class:`TypeError` if not one."""
    if not isinstance(negotiation, Negotiation):
        raise TypeError(
            f"needs Negotiation records, got {type(negotiation).__name__} "
            f"{negotiation!r:.80}"
        )
    return negotiation


class _Rows:
    """The rows of every table for some negotiations (their ids checked apart)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLE_NAMES}

    def add(self, negotiation: Negotiation) -> None:
        nid = negotiation.id
        self._record(_ROOT, negotiation, nid, "", None)
        _, events = _plan(_EVENTS)
        add = self.rows[_EVENTS].append
        for seq, event in enumerate(negotiation.timeline()):
            add((nid, seq, *events.row(event)))

    def _record(
        self,
        table: str,
        record: Any,
        nid: str,
        path: str,
        parent: tuple[str, str, str | None] | None,
    ) -> None:
        _, plan = _plan(table)
        try:
            values = plan.row(record)
        except UnfitError as exc:
            where = f"{path}{exc.where}".lstrip(".") or "$"
            raise ColumnValueError(nid, where, exc.message) from None
        if table == _ROOT:
            self.rows[table].append(values)
        elif parent is None:
            self.rows[table].append((nid, path, *values))
        else:
            self.rows[table].append((nid, path, *parent, *values))
        for child in plan.children:
            value = getattr(record, child.field)
            here = (table, _key(record), path or None)
            prefix = f"{path}.{child.field}" if path else child.field
            if child.many:
                for index, item in enumerate(value):
                    self._child(child.table, item, nid, f"{prefix}[{index}]", here)
            elif isinstance(value, _CLASS_OF[child.table]):
                self._child(child.table, value, nid, prefix, here)

    def _child(
        self,
        table: str,
        record: Any,
        nid: str,
        path: str,
        parent: tuple[str, str, str | None],
    ) -> None:
        self._record(table, record, nid, path, parent if table in _PARENTED else None)

    def tables(self, pa: Any) -> dict[str, pyarrow.Table]:
        """The rows as Arrow tables (emptying this collection)."""
        found = {}
        for name in TABLE_NAMES:
            rows = self.rows[name]
            self.rows[name] = []
            found[name] = _table(pa, name, rows)
        return found


def _table(pa: Any, name: str, rows: list[tuple[Any, ...]]) -> pyarrow.Table:
    schema = _schema(pa, name)
    columns: Iterable[Any] = zip(*rows, strict=True) if rows else [()] * len(schema)
    del rows
    arrays = [
        pa.array(column, type=field.type)
        for column, field in zip(columns, schema, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


# --- Arrow ----------------------------------------------------------------------------


def _pyarrow() -> tuple[Any, Any]:
    """pyarrow and pyarrow.parquet, or an ImportError naming the extra."""
    try:
        import pyarrow as pa  # noqa: PLC0415 - optional dependency
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError as exc:
        raise ImportError(TABLES_EXTRA_HINT, name="pyarrow") from exc
    return pa, pq


_ARROW_TYPES: Final[dict[str, Callable[[Any], Any]]] = {
    _STRING: lambda pa: pa.string(),
    _CHOICE: lambda pa: pa.dictionary(pa.int32(), pa.string()),
    _INT: lambda pa: pa.int64(),
    _FLOAT: lambda pa: pa.float64(),
    _BOOL: lambda pa: pa.bool_(),
    _DATE: lambda pa: pa.date32(),
    _TIMESTAMP: lambda pa: pa.timestamp("us", tz="UTC"),
}


def _arrow_type(pa: Any, kind: str | tuple[str, Any]) -> Any:
    """The Arrow type of a column type: a name, ``("list", item)`` or ``("struct", columns)``."""
    if isinstance(kind, str):
        return _ARROW_TYPES[kind](pa)
    shape, inner = kind
    if shape == "list":
        return pa.list_(pa.field("element", _arrow_type(pa, inner)))
    return pa.struct([pa.field(c.name, _arrow_type(pa, c.type)) for c in inner])


_SCHEMAS: dict[str, Any] = {}


def _schema(pa: Any, name: str) -> pyarrow.Schema:
    found = _SCHEMAS.get(name)
    if found is None:
        columns, _ = _plan(name)
        found = pa.schema(
            [pa.field(c.name, _arrow_type(pa, c.type)) for c in columns],
            metadata={"negotiation_records.table": name},
        )
        _SCHEMAS[name] = found
    return found


def schemas() -> dict[str, pyarrow.Schema]:
    """
    The Arrow schema of each table, from the record classes alone.

    Every table :func:`to_tables` gives, and every file :func:`write_parquet`
    writes, has exactly its table's schema, whatever the data.

    Raises:
        ImportError: pyarrow is not installed (install the ``tables`` extra).

    Example:
        >>> from negotiation_records.tables import schemas
        >>> schema = schemas()["ultimatums"]
        >>> schema.field("deadline_utc").type
        TimestampType(timestamp[us, tz=UTC])
        >>> schema.field("addressed_to").type
        ListType(list<element: string>)
        >>> schema.field("status").type
        DictionaryType(dictionary<values=string, indices=int32, ordered=0>)
    """
    pa, _ = _pyarrow()
    return {name: _schema(pa, name) for name in TABLE_NAMES}


def to_tables(negotiations: Iterable[Negotiation]) -> dict[str, pyarrow.Table]:
    """
    One Arrow table per kind of record, for all of *negotiations*.

    The keys are :data:`TABLE_NAMES`, in that order; every table is there, empty
    or not, with the schema :func:`schemas` gives.  The columns are described in
    :mod:`negotiation_records.tables` and on :doc:`/analysing`.  The whole
    result is in memory: for a corpus larger than that, use
    :func:`write_parquet`.

    Args:
        negotiations: Any iterable of :class:`~negotiation_records.Negotiation`.

    Returns:
        A dict of table name to :class:`pyarrow.Table`.

    Raises:
        ImportError: pyarrow is not installed (install the ``tables`` extra).
        TypeError: *negotiations* is not an iterable (a single
            ``Negotiation`` included: give ``[negotiation]``), or is text or
            a mapping; or an item is not a ``Negotiation``.
        ValidationError: negotiations have the same id (their rows would
            have the same keys): every repeated one at once, once all are
            read, each at ``[<position>].id``, its position among
            *negotiations*, the message naming the first's; or a value its
            column cannot hold: an integer beyond 64 bits, or a number a
            64-bit float cannot hold exactly (the path names it in its
            negotiation, the message names the negotiation's id), raised
            when its negotiation is reached.

    Example:
        >>> import pendulum
        >>> from negotiation_records import Deadline, Negotiation, Party, Ultimatum
        >>> from negotiation_records.tables import to_tables
        >>> talks = Negotiation(id="t", title="T", parties=[
        ...     Party(id="us", name="United States", kind="state", role="third-party"),
        ...     Party(id="ru", name="Russia", kind="state")],
        ...     ultimatums=[Ultimatum(
        ...         id="u", issued_by="us", addressed_to=["ru"],
        ...         issued_at=pendulum.date(2025, 7, 14), demand="Ceasefire",
        ...         deadline=Deadline.after(pendulum.date(2025, 7, 14), days=50))])
        >>> tables = to_tables([talks])
        >>> tables["parties"].select(["negotiation_id", "id", "role"]).to_pylist()
        [{'negotiation_id': 't', 'id': 'us', 'role': 'third-party'}, {'negotiation_id': 't', 'id': 'ru', 'role': 'principal'}]
        >>> tables["ultimatums"].select(["deadline", "deadline_zone", "deadline_rule"]).to_pylist()
        [{'deadline': '2025-09-02', 'deadline_zone': 'UTC', 'deadline_rule': '50 days after 2025-07-14'}]
        >>> tables["events"].column("kind").to_pylist()
        ['ultimatum', 'deadline']
    """
    _check_many("to_tables", negotiations)
    pa, _ = _pyarrow()
    rows = _Rows()
    ids = SeenIds()
    repeated: list[tuple[str, str]] = []
    for index, negotiation in enumerate(negotiations):
        problem = ids.repeated(_given(negotiation).id, index)
        if problem is not None:
            repeated.append(problem)
        elif not repeated:  # rows no longer needed once one is refused
            rows.add(negotiation)
    if repeated:
        raise ValidationError(repeated)
    return rows.tables(pa)


def _check_many(function: str, negotiations: object) -> None:
    """A :class:`TypeError` unless *negotiations* can be an iterable of them."""
    if not_many(negotiations):
        one = isinstance(negotiations, Negotiation)
        raise TypeError(
            f"{function}() needs an iterable of Negotiation records (a list, a "
            f"generator ...), got {type(negotiations).__name__} "
            f"{negotiations!r:.80}" + ("; for one, give [negotiation]" if one else "")
        )


def _batches(
    negotiations: Iterable[Negotiation], size: int
) -> Iterator[list[Negotiation]]:
    batch: list[Negotiation] = []
    for negotiation in negotiations:
        batch.append(negotiation)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(
    negotiations: Iterable[Negotiation],
    directory: str | os.PathLike[str],
    *,
    batch_size: int = 1000,
    on_batch: Callable[[int], None] | None = None,
    overwrite: bool = False,
) -> dict[str, int]:
    """
    Write *negotiations* as a Parquet dataset: one folder per table.

    The negotiations are read *batch_size* at a time from any iterable (a
    generator, :func:`~negotiation_records.read_jsonl`), and each batch is
    written as one file per table, ``<directory>/<table>/part-00000.parquet``,
    ``part-00001.parquet`` and so on, before the next is read: memory is bounded
    by the batch, not by the corpus (but for the negotiations' ids, kept to
    refuse one given twice).  A table without a row in a batch gets no
    file for it, and a table without any row one empty file, so that every folder
    reads as a table.  Every file of a table has the same schema
    (:func:`schemas`), so each folder reads back as one table, as it is, with
    DuckDB (``read_parquet('out/events/*.parquet')``), polars, pandas
    (``pandas.read_parquet("out/events")``), Spark
    (``spark.read.parquet("out/events")``) or Dask
    (``dask.dataframe.read_parquet("out/events")``).  See :doc:`/analysing`.

    Args:
        negotiations: Any iterable of :class:`~negotiation_records.Negotiation`.
        directory: The dataset's folder, created if need be (with the folders
            above it).  It must be empty or missing, unless *overwrite*.
        batch_size: How many negotiations go into one file of each table.
        on_batch: Called after each batch with the number of negotiations written
            so far (to drive a progress bar).
        overwrite: Write into a folder that is not empty: the ``.parquet``
            files already in the tables' folders are deleted first; nothing else
            in the folder is touched.

    Returns:
        The number of rows written to each table, by table name.

    Raises:
        ImportError: pyarrow is not installed (install the ``tables`` extra).
        FileExistsError: *directory* is not empty and *overwrite* is false.
        ValidationError: *directory* is not a path (a str or an
            ``os.PathLike`` of text), at ``directory``, before anything is
            read.
        TypeError: *negotiations* is not an iterable (a single
            ``Negotiation`` included: give ``[negotiation]``), or is text or
            a mapping; or an item is not a ``Negotiation``.
        ValidationError: a negotiation has the id of an earlier one (the
            first such, as it is reached: the corpus is not held), or a value
            its column cannot hold (see :func:`to_tables`); the batches before
            it are written.
        TypeError: *batch_size* is not a whole number (a bool, a float or
            text is not), *on_batch* is neither ``None`` nor callable, or
            *overwrite* is not ``True`` or ``False``; checked, every one named
            together, before anything is read or written.
        ValueError: *batch_size* is less than 1.

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> from negotiation_records import Negotiation, Party
        >>> from negotiation_records.tables import write_parquet
        >>> corpus = (
        ...     Negotiation(id=f"talks-{n}", title=f"Talks {n}", parties=[
        ...         Party(id="a", name="A", kind="state"),
        ...         Party(id="b", name="B", kind="state")])
        ...     for n in range(5)
        ... )
        >>> out = Path(tempfile.mkdtemp(), "out")
        >>> counts = write_parquet(corpus, out, batch_size=2)
        >>> counts["negotiations"], counts["parties"], counts["events"]
        (5, 10, 0)
        >>> sorted(path.name for path in (out / "parties").iterdir())
        ['part-00000.parquet', 'part-00001.parquet', 'part-00002.parquet']
        >>> sorted(path.name for path in (out / "events").iterdir())
        ['part-00000.parquet']
    """
    check_settings(
        "write_parquet", batch_size=batch_size, on_batch=on_batch, overwrite=overwrite
    )
    batch_size = operator.index(batch_size)  # a NumPy integer, read as an int
    root = _folder(directory)
    _check_many("write_parquet", negotiations)
    pa, pq = _pyarrow()
    _prepare(root, overwrite=overwrite)
    counts = dict.fromkeys(TABLE_NAMES, 0)
    done = 0
    ids = SeenIds()
    for number, batch in enumerate(_batches(negotiations, batch_size)):
        rows = _Rows()
        for negotiation in batch:
            ids.add(_given(negotiation).id, len(ids.first))  # each id so far is new
            rows.add(negotiation)
        done += len(batch)
        del batch
        for name in TABLE_NAMES:
            if not rows.rows[name]:
                continue
            table = _table(pa, name, rows.rows[name])
            rows.rows[name] = []
            pq.write_table(table, root / name / f"part-{number:05d}.parquet")
            counts[name] += table.num_rows
            del table
        if on_batch is not None:
            on_batch(done)
    for name, count in counts.items():
        if count == 0:
            pq.write_table(_table(pa, name, []), root / name / "part-00000.parquet")
    return counts


def _folder(directory: object) -> Path:
    """*directory*, the folder to write to, as a path; anything else is data refused."""
    try:
        path = os.fspath(directory)  # type: ignore[call-overload]
    except TypeError:
        path = None
    if not isinstance(path, str):
        got = described(directory) if path is None else "a path of bytes"
        raise ValidationError([("directory", f"must be a path to a folder, got {got}")])
    check_path(path, "directory")
    return Path(path)


def _prepare(root: Path, *, overwrite: bool) -> None:
    """Make the folders, refusing a folder that is not empty unless *overwrite*."""
    if root.exists() and any(root.iterdir()):
        if not overwrite:
            raise FileExistsError(
                f"{str(root)!r} is not empty; write to a new folder, or pass "
                "overwrite=True to replace the tables' .parquet files in it"
            )
        for name in TABLE_NAMES:
            folder = root / name
            if folder.is_dir():
                for old in folder.glob("*.parquet"):
                    old.unlink()
    for name in TABLE_NAMES:
        (root / name).mkdir(parents=True, exist_ok=True)
