"""
Field kinds: what each field of a record holds, described once.

Every field of every record is declared with :func:`field` and a *kind*, a
small frozen value such as :class:`Text`, :class:`Slug`, ``Many(Slug(),
unique="party")``, ``Maybe(MomentKind())`` or ``Nested(Delegation)``.  The kind
is the one place where the field's rule lives, and every path reads it from
there:

* **construction** — :meth:`Kind.convert` turns what it can into the stored
  form (``"state"`` into ``PartyKind.STATE``, a list into a tuple, text into
  NFC) and :meth:`Kind.problems` reports what is wrong, never raising;
* **the compiled check** of a record class — ``Kind.check_code`` gives the
  straight-line test that vouches for a valid value without a call; what it
  cannot vouch for goes to :meth:`Kind.problems`;
* **loading** — :meth:`Kind.load` reads strict JSON data (no coercion: ``"5"``
  is not a number) and ``Kind.load_expr`` the same, compiled; the compiled
  loader of a record class reads and tests each value with ``Kind.read_code``
  (by default the two in turn; a kind whose test refuses all its load would
  refuse, such as :class:`Slug`, tests each value once);
* **writing** — :meth:`Kind.dump` and ``Kind.dump_expr``;
* **the JSON Schema** — :meth:`Kind.schema`.

A field that names other records says what it names:
``field(PARTY_IDS, default=(), refers_to="party")`` (see :func:`field`).  A
negotiation read from a document checks those values as they are read, and
walks the whole record (``negotiation_records._whole_record``) only to say
what is wrong and where; a test checks that the walk and the declarations
name the same fields.

A field that a later version of the serialized format added says so:
``field(Bool(), default=True, since=2)``.  A document of an older version that
holds it is refused (:func:`added_in`); the loader finds it in the records
inside through :meth:`Kind.records_in`.  One that only some records use may
be left out of the serialized form while it is empty
(``field(..., since=2, omit_empty=True)``, :func:`omits_empty`), so that the
documents which do not use it stay as earlier releases wrote and read them.

The strategies of :mod:`negotiation_records.strategies` are the one other
place a field appears; a test fails when a field has none.

The text rule, for example, is :class:`Text`: a text holds at least one visible
character (not only white space, zero-width or filler characters), and holds no
control character other than tab, line feed and carriage return, nor a lone
surrogate — on construction, on load from JSON with or without orjson, ASCII or
not, at any depth.

Example:
    >>> from negotiation_records.fields import Many, Slug, Text
    >>> Text().problems("  \\u200b ")
    [('', "must hold a visible character (not only white space, zero-width or filler characters), got '  \\\\u200b '")]
    >>> Many(Slug(), unique="party").problems(("ukraine", "ukraine"))
    [('[1]', "party 'ukraine' appears twice")]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Final

import attrs
import pendulum

from negotiation_records._codegen import Namespace
from negotiation_records._kind import (
    INIT_ONLY,
    KEY_UNTIL,
    FixedKind,
    FrozenKind,
    Kind,
    Problems,
    SchemaDefs,
    added_in,
    as_tuple,
    fail,
    field,
    is_init_only,
    key_until,
    kind_of,
    omits_empty,
    prefixed,
    refers_to,
    refuse,
)
from negotiation_records._number_kinds import Bool, Int, Number, int_problems
from negotiation_records._references import noting
from negotiation_records._scalar_kinds import (
    SLUG_PATTERN,
    SLUG_RULE,
    TEXT_RULE,
    Choice,
    Country,
    Slug,
    Text,
    Url,
    Wikidata,
    ZoneName,
    as_text,
    load_text,
    text_problems,
)
from negotiation_records._time_kinds import (
    DateKind,
    MomentKind,
    PeriodKind,
)
from negotiation_records._unread import UnreadValues
from negotiation_records._values import (
    described,
    no_order,
    raised_text,
    short_repr,
    show_json,
    with_article,
)
from negotiation_records._weekday_kind import Weekdays
from negotiation_records.errors import ValidationError, join_path
from negotiation_records.timeutil import PartialDate, moment_text


__all__ = [
    "INIT_ONLY",
    "KEY_UNTIL",
    "PARTY_IDS",
    "SLUG_PATTERN",
    "SLUG_RULE",
    "SOME_PARTY_IDS",
    "SOURCE_IDS",
    "TEXT_RULE",
    "Bool",
    "Choice",
    "Country",
    "DateKind",
    "DaySet",
    "Int",
    "Kind",
    "Many",
    "Maybe",
    "MomentKind",
    "Nested",
    "Number",
    "PeriodKind",
    "Problems",
    "RecordId",
    "SchemaDefs",
    "Slug",
    "Text",
    "TextOr",
    "Url",
    "Weekdays",
    "Wikidata",
    "ZoneName",
    "added_in",
    "as_text",
    "as_tuple",
    "field",
    "is_init_only",
    "key_until",
    "kind_of",
    "omits_empty",
    "refers_to",
    "text_problems",
]

# --- structure ---------------------------------------------------------------------


class Maybe(FrozenKind):
    """``None``, or a value of *kind*."""

    __slots__ = ("kind",)
    _fields = ("kind",)
    kind: Kind

    def __init__(self, kind: Kind) -> None:
        object.__setattr__(self, "kind", kind)

    @property
    def converts(self) -> bool:  # type: ignore[override]
        """Whether the kind inside converts (``None`` is kept as it is)."""
        return self.kind.converts

    def convert(self, value: Any) -> Any:
        return None if value is None else self.kind.convert(value)

    @property
    def converts_late(self) -> bool:  # type: ignore[override]
        """Whether the kind inside converts late (``None`` is kept as it is)."""
        return self.kind.converts_late

    def convert_late(self, value: Any) -> Any:
        return None if value is None else self.kind.convert_late(value)

    @property
    def eq_key(self) -> Callable[[Any], Any] | None:
        """The equality key of the kind inside (``None`` compares as itself)."""
        return self.kind.eq_key

    @property
    def plain_value(self) -> bool:  # type: ignore[override]
        """Whether the kind inside stores a plain scalar (``None`` is one too)."""
        return self.kind.plain_value

    def accepts(self) -> str:
        return f"{self.kind.accepts()} | None"

    def problems(self, value: object) -> Problems:
        return [] if value is None else self.kind.problems(value)

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        return [
            f"{pad}if {v} is not None:",
            *self.kind.check_code(ns, v, pad + "    ", fail),
        ]

    def load(self, value: Any, conv: Any) -> Any:
        return None if value is None else self.kind.load(value, conv)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        inner = self.kind.load_expr(ns, v, conv, depth)
        return f"(None if {v} is None else {inner})"

    @property
    def reads_as_is(self) -> bool:  # type: ignore[override]
        """Whether the kind inside reads its JSON data as it is."""
        return self.kind.reads_as_is

    def read_code(
        self, ns: Namespace, v: str, pad: str, fail: str, *, conv: Any, depth: int = 0
    ) -> list[str]:
        return [
            f"{pad}if {v} is not None:",
            *self.kind.read_code(ns, v, pad + "    ", fail, conv=conv, depth=depth),
        ]

    def dump(self, value: Any, conv: Any) -> Any:
        return None if value is None else self.kind.dump(value, conv)

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        inner = self.kind.dump_expr(ns, v, conv, depth)
        return v if inner == v else f"(None if {v} is None else {inner})"

    def record_classes(self) -> tuple[type[Any], ...]:
        return self.kind.record_classes()

    def records_in(
        self, data: Any, path: str
    ) -> Iterator[tuple[str, type[Any], dict[str, Any]]]:
        return iter(()) if data is None else self.kind.records_in(data, path)

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"anyOf": [self.kind.schema(defs), {"type": "null"}]}

    def writes_floats(self, seen: frozenset[type] = frozenset()) -> bool:
        return self.kind.writes_floats(seen)


def _shown(item: object) -> str:
    """An item of a list as a problem shows it: a day as documents write it."""
    if isinstance(item, (pendulum.Date, pendulum.DateTime, PartialDate)):
        return moment_text(item)
    return short_repr(item)


class Many(FrozenKind):
    """
    A tuple of values of *kind* (any list is accepted on construction).

    With *unique* (a noun such as ``"party"``) an item that repeats an earlier
    one is reported too; with *min_items* a shorter list is reported.  With
    *single*, a lone string given on construction is taken as a one-item tuple
    (``proposed_by="ukraine"`` as ``("ukraine",)``, for code written when the
    field held one value); JSON data stays strict: an array.
    """

    __slots__ = ("kind", "min_items", "single", "unique")
    _fields = ("kind", "unique", "min_items", "single")
    kind: Kind
    unique: str | None
    min_items: int
    single: bool

    def __init__(
        self,
        kind: Kind,
        unique: str | None = None,
        min_items: int = 0,
        single: bool = False,
    ) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "unique", unique)
        object.__setattr__(self, "min_items", min_items)
        object.__setattr__(self, "single", single)

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        if self.single and isinstance(value, str):
            value = (value,)
        items = as_tuple(value)
        if items.__class__ is not tuple or not items or not self.kind.converts:
            return items
        convert = self.kind.convert
        return tuple([convert(item) for item in items])

    @property
    def converts_late(self) -> bool:  # type: ignore[override]
        """Whether the kind of the items converts late (each item, then)."""
        return self.kind.converts_late

    def convert_late(self, value: Any) -> Any:
        if value.__class__ is not tuple or not self.kind.converts_late:
            return value
        late = self.kind.convert_late
        return tuple([late(item) for item in value])

    def accepts(self) -> str:
        return f"Iterable[{self.kind.accepts()}]"

    def problems(self, value: object) -> Problems:
        if value.__class__ is not tuple:
            if value.__class__ is UnreadValues:
                assert isinstance(value, UnreadValues)  # noqa: S101 - for mypy
                return [("", value.message)]
            if isinstance(value, (set, frozenset)):
                return [("", no_order(value, "the field"))]
            one = ", or one value as text" if self.single else ""
            return [("", f"must be a list of values{one}, got {described(value)}")]
        assert isinstance(value, tuple)  # noqa: S101 - for the type checker
        found: Problems = []
        if len(value) < self.min_items:
            found.append(
                (
                    "",
                    f"must hold at least {self.min_items} "
                    f"{'item' if self.min_items == 1 else 'items'}, got {len(value)}",
                )
            )
        item_problems = self.kind.problems
        seen: set[object] = set()
        for index, item in enumerate(value):
            own = item_problems(item)
            for path, message in own:
                found.append((join_path(f"[{index}]", path), message))
            if self.unique is not None:
                found += self._repeated(index, item, seen, reported=bool(own))
        return found

    def _repeated(
        self, index: int, item: object, seen: set[object], *, reported: bool
    ) -> Problems:
        """
        The problem of *item* at *index* if it repeats one of *seen* (the items
        before it), which it joins.  Hashing an item may raise anything (a
        ``__hash__`` of your own): an item that cannot be hashed is not
        compared, and one that raised other than :class:`TypeError` is
        reported unless its own problems (*reported*) already are.
        """
        try:
            repeated = item in seen
            seen.add(item)
        except TypeError:  # unhashable: cannot repeat a hashable one
            return []
        except Exception as exc:  # noqa: BLE001 - the item's own __hash__, any error
            if reported:
                return []
            return [
                (
                    f"[{index}]",
                    f"cannot be compared with the other items: hashing it raised "
                    f"{raised_text(exc)}",
                )
            ]
        if repeated:
            return [(f"[{index}]", f"{self.unique} {_shown(item)} appears twice")]
        return []

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        item = f"_x{len(pad)}"
        lines = [
            f"{pad}if {v}.__class__ is not tuple:",
            f"{pad}    {fail}",
            f"{pad}for {item} in {v}:",
            *self.kind.check_code(ns, item, pad + "    ", fail),
            f"{pad}    pass",
        ]
        return lines + self._length_code(v, pad, fail)

    def _length_code(self, v: str, pad: str, fail: str) -> list[str]:
        """The tests of a tuple's length: at least *min_items*, none twice."""
        lines = []
        if self.min_items:
            lines += [f"{pad}if len({v}) < {self.min_items}:", f"{pad}    {fail}"]
        if self.unique is not None:
            # Records are hashed whole only when their plain fields do not
            # already tell them apart (hashing a record works out its moments).
            names = self.kind.plain_fields() if isinstance(self.kind, Nested) else ()
            item = f"_u{len(pad)}"
            apart = "".join(f"{item}.{name}, " for name in names)
            told = (
                f"len({{({apart}) for {item} in {v}}}) != len({v}) and "
                if names
                else ""
            )
            lines += [
                f"{pad}if len({v}) > 1 and {told}len(set({v})) != len({v}):",
                f"{pad}    {fail}",
            ]
        return lines

    def load(self, value: Any, conv: Any) -> Any:
        if value.__class__ is not list:
            raise fail(f"must be an array, got {show_json(value)}")
        loaded = []
        problems: Problems = []
        load = self.kind.load
        for index, item in enumerate(value):
            try:
                loaded.append(load(item, conv))
            except ValidationError as exc:
                problems += prefixed(f"[{index}]", list(exc.errors))
                loaded.append(_Unread())
        if problems:
            raise ValidationError(self._problems_beside(loaded, problems))
        return tuple(loaded)

    def _problems_beside(self, loaded: list[Any], unread: Problems) -> Problems:
        """
        Every problem of a JSON array some of whose items could not be read
        (:class:`_Unread` in *loaded*; *unread* their problems): those and the
        problems the constructor finds in the list of the items read, each at
        its index, in order.
        """
        skipped = {
            f"[{index}]"
            for index, item in enumerate(loaded)
            if item.__class__ is _Unread
        }
        found = [
            problem
            for problem in self.problems(self.convert_late(self.convert(tuple(loaded))))
            if _item_step(problem[0]) not in skipped
        ]
        return sorted(found + unread, key=_item_index)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        item = f"_l{depth}"
        inner = self.kind.load_expr(ns, item, conv, depth + 1)
        if inner == item:
            return f"(tuple({v}) if {v}.__class__ is list else {ns.name(refuse)}())"
        return (
            f"(tuple([{inner} for {item} in {v}]) if {v}.__class__ is list "
            f"else {ns.name(refuse)}())"
        )

    def read_code(
        self, ns: Namespace, v: str, pad: str, fail: str, *, conv: Any, depth: int = 0
    ) -> list[str]:
        # Each item read once; items kept as given need no copy, one by one.
        item, read = f"_r{len(pad)}", f"_a{len(pad)}"
        inner = self.kind.read_code(
            ns, item, pad + "    ", fail, conv=conv, depth=depth + 1
        )
        lines = [f"{pad}if {v}.__class__ is not list:", f"{pad}    {fail}"]
        if not self.min_items:  # the commonest list is empty: nothing to read
            lines += [f"{pad}if not {v}:", f"{pad}    {v} = ()", f"{pad}else:"]
            pad += "    "
            inner = [f"    {line}" for line in inner]
        if self.kind.reads_as_is:
            lines += [f"{pad}for {item} in {v}:", *inner, f"{pad}    pass"]
            lines.append(f"{pad}{v} = tuple({v})")
        else:
            lines += [f"{pad}{read} = []", f"{pad}for {item} in {v}:", *inner]
            lines += [f"{pad}    {read}.append({item})", f"{pad}{v} = tuple({read})"]
        return lines + self._length_code(v, pad, fail)

    def dump(self, value: Any, conv: Any) -> Any:
        dump = self.kind.dump
        return [dump(item, conv) for item in value]

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        item = f"_d{depth}"
        inner = self.kind.dump_expr(ns, item, conv, depth + 1)
        if inner == item:
            return f"[*{v}]"
        return f"[{inner} for {item} in {v}]"

    def record_classes(self) -> tuple[type[Any], ...]:
        return self.kind.record_classes()

    def records_in(
        self, data: Any, path: str
    ) -> Iterator[tuple[str, type[Any], dict[str, Any]]]:
        if data.__class__ is list:
            for index, item in enumerate(data):
                yield from self.kind.records_in(item, f"{path}[{index}]")

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        found: dict[str, Any] = {"type": "array", "items": self.kind.schema(defs)}
        if self.min_items:
            found["minItems"] = self.min_items
        if self.unique is not None:
            found["uniqueItems"] = True
        return found

    def writes_floats(self, seen: frozenset[type] = frozenset()) -> bool:
        return self.kind.writes_floats(seen)


class _Unread:
    """
    An item of a JSON array that could not be read (:meth:`Many.load`): its
    problems are reported, and the list is checked without it.
    """

    __slots__ = ()


def _item_step(path: str) -> str:
    """The first step of a path inside a list (``[2]`` of ``[2].name``), or ``''``."""
    return path[: path.find("]") + 1] if path.startswith("[") else ""


def _item_index(problem: tuple[str, str]) -> int:
    """The index of the item that *problem* is about (-1: the list as a whole)."""
    step = _item_step(problem[0])
    return int(step[1:-1]) if step else -1


def _in_order(days: Any) -> Any:
    """
    *days*, a tuple of distinct dates, earliest first; anything else (a
    repeated date, a value that is not a date) as given, for the check to
    report where it was given.
    """
    if days.__class__ is not tuple or len(days) < 2:
        return days
    if any(day.__class__ is not pendulum.Date for day in days):
        return days
    if len(set(days)) != len(days):
        return days
    return tuple(sorted(days))


class DaySet(Many):
    """
    Distinct calendar dates, a set written as a list (a business-day
    deadline's holidays): stored earliest first, however they are given on
    construction or ordered in a document, so that a deadline loaded from a
    document is the one its rule builds (equal, with the same hash and the
    same JSON).  A date given twice is reported, at the place it was given,
    as :class:`~negotiation_records.fields.Many` reports a repeated item.
    """

    __slots__ = ()

    def convert(self, value: Any) -> Any:
        """The stored form of a constructor argument: a tuple, earliest first."""
        if isinstance(value, (set, frozenset)):  # a set of days: in order here
            value = tuple(value)
        return _in_order(super().convert(value))

    def load(self, value: Any, conv: Any) -> Any:
        """The dates of a JSON array, earliest first (raises for a non-array)."""
        return _in_order(super().load(value, conv))

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{ns.name(_in_order)}({super().load_expr(ns, v, conv, depth)})"

    def read_code(
        self, ns: Namespace, v: str, pad: str, fail: str, *, conv: Any, depth: int = 0
    ) -> list[str]:
        # After Many's lines the value is a tuple of distinct dates, or failed.
        lines = super().read_code(ns, v, pad, fail, conv=conv, depth=depth)
        return [*lines, f"{pad}if len({v}) > 1:", f"{pad}    {v} = tuple(sorted({v}))"]


class Nested(FrozenKind):
    """
    A record of class *cls* (a JSON object in the serialized form).

    With *shorthand* (the name of one of the record's fields), a string given on
    construction is taken as the record with only that field set:
    ``Nested(Membership, shorthand="party")`` turns ``"france"`` into
    ``Membership(party="france")``.  A string that is not a valid value of that
    field is reported as that field would report it; JSON data stays strict (an
    object).
    """

    __slots__ = ("cls", "shorthand")
    _fields = ("cls", "shorthand")
    cls: type[Any]
    shorthand: str | None

    def __init__(self, cls: type[Any], shorthand: str | None = None) -> None:
        object.__setattr__(self, "cls", cls)
        object.__setattr__(self, "shorthand", shorthand)

    @property
    def converts(self) -> bool:  # type: ignore[override]
        """Whether a value is converted: only with a *shorthand*."""
        return self.shorthand is not None

    def convert(self, value: Any) -> Any:
        if self.shorthand is None or not isinstance(value, str):
            return value
        try:
            return self.cls(**{self.shorthand: value})
        except ValidationError:
            return value  # reported by problems()

    def accepts(self) -> str:
        name = self.cls.__name__
        return name if self.shorthand is None else f"{name} | str"

    def problems(self, value: object) -> Problems:
        if isinstance(value, self.cls):
            return []
        if self.shorthand is not None and isinstance(value, str):
            kind = kind_of(attrs.fields_dict(self.cls)[self.shorthand])
            found = [] if kind is None else kind.problems(value)
            if found:
                return found
        wanted = with_article(self.cls.__name__)
        if self.shorthand is not None:
            wanted += f" or the text of its {self.shorthand}"
        return [("", f"must be {wanted}, got {described(value)}")]

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        return [
            f"{pad}if {v}.__class__ is not {ns.name(self.cls)} and "
            f"{ns.name(self.problems)}({v}):",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        return noting(conv.get_structure_hook(self.cls))(value, self.cls)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        hook = noting(conv.get_structure_hook(self.cls))
        return f"{ns.name(hook)}({v}, {ns.name(self.cls)})"

    def dump(self, value: Any, conv: Any) -> Any:
        return conv.unstructure(value, self.cls)

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{ns.name(conv.get_unstructure_hook(self.cls))}({v})"

    def plain_fields(self) -> tuple[str, ...]:
        """
        The names of the record's fields that hold plain values
        (:attr:`~negotiation_records.fields.Kind.plain_value`) compared as they
        are: two equal records hold equal values there.
        """
        return tuple(
            attribute.name
            for attribute in getattr(self.cls, "__attrs_attrs__", ())
            if attribute.eq
            and attribute.eq_key is None
            and (kind := kind_of(attribute)) is not None
            and kind.plain_value
        )

    def record_classes(self) -> tuple[type[Any], ...]:
        return (self.cls,)

    def records_in(
        self, data: Any, path: str
    ) -> Iterator[tuple[str, type[Any], dict[str, Any]]]:
        if isinstance(data, dict):  # a dict in which the text repeated a key too
            yield path, self.cls, data

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.record(self.cls)

    def writes_floats(self, seen: frozenset[type] = frozenset()) -> bool:
        return record_writes_floats(self.cls, seen)


PARTY_IDS: Final = Many(Slug(), unique="party")
"""The kind of a list of party ids: slugs, none twice."""

SOME_PARTY_IDS: Final = Many(Slug(), unique="party", min_items=1, single=True)
"""
The kind of a list of at least one party id, none twice; a lone id given on
construction is taken as a one-item list (``proposed_by="ukraine"``).
"""

SOURCE_IDS: Final = Many(Slug(), unique="source")
"""The kind of every record's ``sources`` field: distinct source ids."""


def record_writes_floats(cls: type[Any], seen: frozenset[type] = frozenset()) -> bool:
    """Whether the JSON form of the record class *cls* may hold a float."""
    if cls in seen:
        return False
    seen = seen | {cls}
    for attribute in attrs.fields(cls):
        if is_init_only(attribute):
            continue
        kind = kind_of(attribute)
        if kind is None or kind.writes_floats(seen):
            return True  # a field the library does not describe: may be anything
    return False


class TextOr(FrozenKind):
    """Text, or a record of class *cls* (a JSON object): a demand in words or as a term."""

    __slots__ = ("cls",)
    _fields = ("cls",)
    cls: type[Any]

    def __init__(self, cls: type[Any]) -> None:
        object.__setattr__(self, "cls", cls)

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        return as_text(value) if isinstance(value, str) else value

    def accepts(self) -> str:
        return f"{self.cls.__name__} | str"

    def problems(self, value: object) -> Problems:
        if isinstance(value, self.cls):
            return []
        if isinstance(value, str):
            return text_problems(value)
        return [
            (
                "",
                f"must be {with_article(self.cls.__name__)} or text, got {described(value)}",
            )
        ]

    def load(self, value: Any, conv: Any) -> Any:
        if value.__class__ is str:
            return load_text(value)
        if isinstance(value, dict):  # one with a repeated key is reported there
            return Nested(self.cls).load(value, conv)
        raise fail(
            f"must be text or {with_article(self.cls.__name__)} object, got {show_json(value)}"
        )

    def dump(self, value: Any, conv: Any) -> Any:
        return value if isinstance(value, str) else conv.unstructure(value, self.cls)

    def record_classes(self) -> tuple[type[Any], ...]:
        return (self.cls,)

    def records_in(
        self, data: Any, path: str
    ) -> Iterator[tuple[str, type[Any], dict[str, Any]]]:
        return Nested(self.cls).records_in(data, path)

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"anyOf": [Text().schema(defs), defs.record(self.cls)]}

    def writes_floats(self, seen: frozenset[type] = frozenset()) -> bool:
        return record_writes_floats(self.cls, seen)


class RecordId(FixedKind):
    """
    The id of a record: a slug, or a number from 1 (a round).  An instance of
    a str or int subclass is stored as a plain :class:`str` or :class:`int`.
    """

    __slots__ = ()

    converts_late: ClassVar[bool] = True

    def convert_late(self, value: Any) -> Any:
        cls = value.__class__
        if cls is str or cls is int:
            return value
        return Int().convert(Slug().convert_late(value))

    def accepts(self) -> str:
        return "str | int"

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        # The class first, so that a subclass is converted (convert_late).
        return [
            f"{pad}if ({v}.__class__ is not str and {v}.__class__ is not int) or "
            f"{ns.name(self.problems)}({v}):",
            f"{pad}    {fail}",
        ]

    def problems(self, value: object) -> Problems:
        if value.__class__ is int:
            return int_problems(value, 1, None)
        return Slug().problems(value)

    def load(self, value: Any, conv: Any) -> Any:
        if value.__class__ is int or value.__class__ is str:
            return value
        raise fail(f"must be a string or an integer, got {show_json(value)}")

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"anyOf": [Slug().schema(defs), {"type": "integer", "minimum": 1}]}
