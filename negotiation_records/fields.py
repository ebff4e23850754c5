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
  is not a number) and ``Kind.load_expr`` the same, compiled;
* **writing** — :meth:`Kind.dump` and ``Kind.dump_expr``;
* **the JSON Schema** — :meth:`Kind.schema`.

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

import enum
import io
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, MappingView, Sequence, Set
from typing import Any, ClassVar, Final, Protocol

import attrs
import pendulum

from negotiation_records._codegen import Namespace
from negotiation_records._values import short_repr, show_json, type_name
from negotiation_records.errors import ValidationError, join_path
from negotiation_records.timeutil import (
    ABBREVIATED_ZONES,
    Moment,
    PartialDate,
    Period,
    check_date,
    check_moment,
    format_moment,
    moment_eq_key,
    parse_moment,
    to_date,
    to_moment,
    zone,
)


__all__ = [
    "INIT_ONLY",
    "PARTY_IDS",
    "SLUG_PATTERN",
    "SLUG_RULE",
    "SOURCE_IDS",
    "TEXT_RULE",
    "Bool",
    "Choice",
    "Country",
    "DateKind",
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
    "as_text",
    "as_tuple",
    "field",
    "is_init_only",
    "kind_of",
    "text_problems",
]

Problems = list[tuple[str, str]]
"""What a check finds: ``(path, message)`` pairs, the path relative to the value."""

_KIND_KEY: Final = "negotiation_records.kind"

#: The largest integers that can be written back as text (Python refuses to
#: turn an integer of more than 4,300 digits into text by default).
_INT_LIMIT: Final = 10**4300

_LISTS: Final = (Sequence, Set, MappingView, Iterator)
_NOT_LISTS: Final = (str, bytes, bytearray, memoryview, range, Mapping, io.IOBase)


class _RefusedError(Exception):
    """Raised by compiled loaders for anything unusual: the exact path decides."""


def _refuse(*_: object) -> Any:
    raise _RefusedError


def _fail(message: str) -> ValidationError:
    return ValidationError([("", message)])


def _prefixed(prefix: str, problems: Problems) -> Problems:
    return [(join_path(prefix, path), message) for path, message in problems]


def as_tuple(value: Any) -> Any:
    """
    Turn a list (a tuple, set, deque, dict view, generator ...) into a tuple.

    Only collections of items are converted: a sequence, a set, a mapping view
    or an iterator.  A string, bytes, a mapping, a ``range``, a file or any other
    object is passed through so that the check reports it: ``aliases="Kyiv"``
    must not become ``('K', 'y', 'i', 'v')``, nor a dict its keys.
    """
    if value.__class__ is tuple:
        return value
    if isinstance(value, _NOT_LISTS) or not isinstance(value, _LISTS):
        return value
    try:
        return tuple(value)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - a broken iterable is reported by the check
        return value


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

    #: Whether :meth:`convert` may change a value (``False``: no converter).
    converts: ClassVar[bool] = False

    def convert(self, value: Any) -> Any:
        """The stored form of a constructor argument; anything else unchanged."""
        return value

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

    def load(self, value: Any, conv: Any) -> Any:
        """
        The value of a field read from JSON data (before :meth:`problems`).

        Raises :class:`~negotiation_records.ValidationError` for data of the
        wrong JSON type; *conv* is the :class:`cattrs.Converter` in use.
        """
        raise NotImplementedError

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        """An expression giving :meth:`load` of *v*, or raising anything."""
        return f"{ns.name(self.load)}({v}, {ns.name(conv)})"

    def dump(self, value: Any, conv: Any) -> Any:
        """The JSON data of a stored value."""
        return value

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
        """Whether the JSON form may hold a float (written differently by encoders)."""
        return False

    @property
    def eq_key(self) -> Callable[[Any], Any] | None:
        """The equality key of the field (``None``: the value itself)."""
        return None


def field(
    kind: Kind,
    *,
    default: Any = attrs.NOTHING,
    factory: Callable[[], Any] | None = None,
) -> Any:
    """
    An attrs field that holds a value of *kind*: its converter, its equality
    key and its check come from the kind.

    Example:
        >>> import attrs
        >>> from negotiation_records.fields import Text, field, kind_of
        >>> @attrs.frozen(kw_only=True)
        ... class Note:
        ...     text: str = field(Text())
        >>> kind_of(attrs.fields(Note).text)
        Text()
    """
    return attrs.field(
        default=default,
        factory=factory,
        converter=kind.convert if kind.converts else None,
        eq=kind.eq_key or True,
        metadata={_KIND_KEY: kind},
    )


INIT_ONLY: Final = "negotiation_records.init_only"
"""
Metadata key of an init-only constructor argument: an attrs field declared as
``attrs.field(default=None, alias="status", eq=False, repr=False,
metadata={INIT_ONLY: True})`` that the record folds into its real fields
(:mod:`negotiation_records.history`) and then sets to ``None``.
"""


def is_init_only(attribute: attrs.Attribute[Any]) -> bool:
    """
    Whether *attribute* is an init-only constructor argument (``status=``,
    ``status_on=``): never read, written or described as a field.
    """
    return bool(attribute.metadata.get(INIT_ONLY))


def kind_of(attribute: attrs.Attribute[Any]) -> Kind | None:
    """The kind of an attrs field declared with :func:`field`, or ``None``."""
    kind: Kind | None = attribute.metadata.get(_KIND_KEY)
    return kind


# --- text ------------------------------------------------------------------------

#: Control characters (C0 but tab, line feed and carriage return; DEL; C1)
#: and lone surrogates: never in text.
_FORBIDDEN_CLASS: Final = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
#: What does not show: white space, zero-width and format characters, fillers,
#: variation selectors (the Basic Multilingual Plane; see _INVISIBLE_ASTRAL).
_INVISIBLE_BMP: Final = (
    r"\t\n\r \xa0\xad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f"
    r"\u2000-\u200f\u2028-\u202f\u205f-\u206f\u2800\u3000\u3164\ufe00-\ufe0f"
    r"\ufeff\uffa0\ufff0-\ufff8"
)
_INVISIBLE_ASTRAL: Final = (
    r"\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_FORBIDDEN: Final = re.compile(f"[{_FORBIDDEN_CLASS}]")
_VISIBLE: Final = re.compile(
    f"[^{_FORBIDDEN_CLASS}{_INVISIBLE_BMP}{_INVISIBLE_ASTRAL}]"
)

TEXT_RULE: Final = (
    "text must hold a visible character (not only white space, zero-width or "
    "filler characters) and no control character other than tab, line feed and "
    "carriage return, nor a lone surrogate"
)


def text_problems(value: object) -> Problems:
    """The text rule (see :class:`Text`) on a stored value."""
    if not isinstance(value, str):
        return [("", f"must be text (str), got {type_name(value)} {short_repr(value)}")]
    if not value.strip():
        return [("", f"must be non-empty text, got {short_repr(value)}")]
    bad = _FORBIDDEN.search(value)
    if bad is not None:
        char = bad.group()
        if "\ud800" <= char <= "\udfff":
            return [
                (
                    "",
                    "must be valid Unicode text (no lone surrogates), got "
                    f"{short_repr(value)}",
                )
            ]
        return [
            (
                "",
                f"must not hold a control character (U+{ord(char):04X} at index "
                f"{bad.start()}; only tab, line feed and carriage return are "
                f"allowed), got {short_repr(value)}",
            )
        ]
    if _VISIBLE.search(value) is None:
        return [
            (
                "",
                "must hold a visible character (not only white space, zero-width "
                f"or filler characters), got {short_repr(value)}",
            )
        ]
    return []


def as_text(value: Any) -> Any:
    """NFC-normalise a string; leave anything else unchanged."""
    if value.__class__ is str:
        return value if value.isascii() else unicodedata.normalize("NFC", value)
    if isinstance(value, str):
        return unicodedata.normalize("NFC", str(value))
    return value


def _load_str(value: Any, _conv: Any = None) -> str:
    if value.__class__ is not str:
        raise _fail(f"must be a string, got {show_json(value)}")
    return value


def _load_text(value: Any, _conv: Any = None) -> str:
    if value.__class__ is not str:
        raise _fail(f"must be a string, got {show_json(value)}")
    return value if value.isascii() else unicodedata.normalize("NFC", value)


# The JSON Schema of the text rule: no forbidden character, and one visible.
# Patterns are written for both Python's re and ECMA 262 (no astral escapes:
# the schema leaves characters outside the Basic Multilingual Plane to the
# loader, so it is never stricter than the loader).
_TEXT_SCHEMA: Final = {
    "type": "string",
    "minLength": 1,
    "allOf": [
        {"pattern": f"^[^{_FORBIDDEN_CLASS}]*$"},
        {"pattern": f"[^{_FORBIDDEN_CLASS}{_INVISIBLE_BMP}]"},
    ],
}


@attrs.frozen
class Text(Kind):
    """
    Free text: names, summaries, quotes.  Stored as given, NFC-normalised.

    The rule: at least one visible character (not only white space, zero-width
    or filler characters), no control character other than tab, line feed and
    carriage return, no lone surrogate.
    """

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        return as_text(value)

    def problems(self, value: object) -> Problems:
        return text_problems(value)

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        # Printable ASCII with a non-space is valid without a call.
        return [
            f"{pad}if ({v}.__class__ is not str or not {v}.isascii() or not "
            f"{v}.isprintable() or {v}.isspace() or not {v}) and "
            f"{ns.name(text_problems)}({v}):",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        return _load_text(value)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return (
            f"({v} if {v}.__class__ is str and {v}.isascii() "
            f"else {ns.name(_load_text)}({v}))"
        )

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.shared("Text", dict(_TEXT_SCHEMA, description=TEXT_RULE + "."))


# --- patterns ----------------------------------------------------------------------

SLUG_PATTERN: Final = r"[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?"
"""The regular expression of an identifier (a whole string)."""

SLUG_RULE: Final = (
    "a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, at most 64 characters)"
)
"""The identifier rule, in words."""


class _Pattern(Kind):
    """A string that matches a regular expression, whole (ASCII only)."""

    __slots__ = ()

    pattern: ClassVar[str]
    rule: ClassVar[str]
    schema_name: ClassVar[str]
    _regex: ClassVar[re.Pattern[str]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "pattern" in cls.__dict__:
            cls._regex = re.compile(cls.pattern, re.ASCII)

    def problems(self, value: object) -> Problems:
        if (
            not isinstance(value, str)
            or value.__class__ is not str
            or not self._regex.fullmatch(value)
        ):
            return [("", f"must be {self.rule}, got {short_repr(value)}")]
        return []

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        match = ns.name(self._regex.fullmatch)
        return [
            f"{pad}if {v}.__class__ is not str or {match}({v}) is None:",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        return _load_str(value)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"({v} if {v}.__class__ is str else {ns.name(_refuse)}())"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.shared(
            self.schema_name,
            {
                "type": "string",
                "pattern": f"^{self.pattern}$",
                "description": self.rule[0].upper() + self.rule[1:] + ".",
            },
        )


@attrs.frozen
class Slug(_Pattern):
    """An identifier: a lower-case slug such as ``ukraine`` or ``round-2``."""

    pattern: ClassVar[str] = SLUG_PATTERN
    rule: ClassVar[str] = SLUG_RULE
    schema_name: ClassVar[str] = "Id"


@attrs.frozen
class Wikidata(_Pattern):
    """A Wikidata item id such as ``Q212``."""

    pattern: ClassVar[str] = "Q[1-9][0-9]{0,11}"
    rule: ClassVar[str] = "a Wikidata item id such as 'Q212'"
    schema_name: ClassVar[str] = "Wikidata"


@attrs.frozen
class Url(_Pattern):
    """An absolute http(s) URL without white space (matched in linear time)."""

    pattern: ClassVar[str] = r"https?://[^\s/?#]+(?:[/?#]\S*)?"
    rule: ClassVar[str] = "an absolute http(s) URL"
    schema_name: ClassVar[str] = "Url"


def _country_codes() -> frozenset[str]:
    try:
        from negotiation_records._countries import (  # noqa: PLC0415
            ISO_3166_1_ALPHA_2,
        )
    except ImportError:  # pragma: no cover - the list ships with the package
        return frozenset()
    return ISO_3166_1_ALPHA_2


@attrs.frozen
class Country(_Pattern):
    """An ISO 3166-1 alpha-2 country code such as ``UA``."""

    pattern: ClassVar[str] = "[A-Z]{2}"
    rule: ClassVar[str] = (
        "an ISO 3166-1 alpha-2 code (two upper-case letters such as 'UA')"
    )
    schema_name: ClassVar[str] = "Country"
    codes: ClassVar[frozenset[str]] = _country_codes()

    def problems(self, value: object) -> Problems:
        found = super().problems(value)
        if not found and self.codes and value not in self.codes:
            return [("", f"{value!r} is not an ISO 3166-1 alpha-2 country code")]
        return found

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        if not self.codes:  # pragma: no cover
            return super().check_code(ns, v, pad, fail)
        return [f"{pad}if {v} not in {ns.name(self.codes)}:", f"{pad}    {fail}"]

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        if not self.codes:  # pragma: no cover
            return super().schema(defs)
        return defs.shared(
            self.schema_name,
            {
                "type": "string",
                "enum": sorted(self.codes),
                "description": "An ISO 3166-1 alpha-2 country code (UA, RU, US).",
            },
        )


@attrs.frozen
class ZoneName(Kind):
    """An IANA time zone name such as ``Europe/Kyiv``."""

    def problems(self, value: object) -> Problems:
        if not isinstance(value, str):
            return [
                (
                    "",
                    "must be an IANA time zone name such as 'Europe/Kyiv', got "
                    f"{type_name(value)} {short_repr(value)}",
                )
            ]
        try:
            zone(value)
        except ValidationError as exc:
            return [("", exc.errors[0][1])]
        return []

    def load(self, value: Any, conv: Any) -> Any:
        return _load_str(value)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"({v} if {v}.__class__ is str else {ns.name(_refuse)}())"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.shared(
            "ZoneName",
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 64,
                "description": "An IANA time zone name (Europe/Kyiv, America/New_York).",
            },
        )


# --- numbers and flags ----------------------------------------------------------------


def _int_problems(value: object, minimum: int | None, maximum: int | None) -> Problems:
    if value.__class__ is not int:
        if isinstance(value, int) and not isinstance(value, bool):
            value = int(value)
        else:
            return [
                ("", f"must be an integer, got {type_name(value)} {short_repr(value)}")
            ]
    assert isinstance(value, int)  # noqa: S101 - for the type checker
    if not -_INT_LIMIT < value < _INT_LIMIT:
        return [("", "must have at most 4300 digits")]
    if minimum is not None and value < minimum:
        return [("", f"must be at least {minimum}, got {value}")]
    if maximum is not None and value > maximum:
        return [("", f"must be at most {maximum}, got {value}")]
    return []


def _load_int(value: Any, _conv: Any = None) -> int:
    if value.__class__ is not int:
        raise _fail(f"must be an integer, got {show_json(value)}")
    return value


@attrs.frozen
class Int(Kind):
    """An integer (not a bool), between *min* and *max* when given."""

    min: int | None = None
    max: int | None = None

    def problems(self, value: object) -> Problems:
        return _int_problems(value, self.min, self.max)

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        low = -_INT_LIMIT if self.min is None else self.min
        high = _INT_LIMIT if self.max is None else self.max
        lo = "<" if self.min is None else "<="
        hi = "<" if self.max is None else "<="
        return [
            f"{pad}if {v}.__class__ is not int or not "
            f"{ns.name(low)} {lo} {v} {hi} {ns.name(high)}:",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        return _load_int(value)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"({v} if {v}.__class__ is int else {ns.name(_refuse)}())"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        found: dict[str, Any] = {"type": "integer"}
        if self.min is not None:
            found["minimum"] = self.min
        if self.max is not None:
            found["maximum"] = self.max
        return found


def _number_problems(value: object, minimum: float | None) -> Problems:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return [("", f"must be a number, got {type_name(value)} {short_repr(value)}")]
    if isinstance(value, float) and not math.isfinite(value):
        return [("", f"must be a finite number, got {value!r}")]
    if isinstance(value, int) and not -_INT_LIMIT < value < _INT_LIMIT:
        return [("", "must have at most 4300 digits")]
    if minimum is not None and value < minimum:
        if minimum == 0:
            return [("", f"must not be negative, got {value!r}")]
        return [("", f"must not be less than {minimum:g}, got {value!r}")]
    return []


def _load_number(value: Any, _conv: Any = None) -> Any:
    if value.__class__ is int:
        return value
    if value.__class__ is float:
        if not math.isfinite(value):
            raise _fail(f"must be a finite number, got {show_json(value)}")
        return value
    raise _fail(f"must be a number, got {show_json(value)}")


@attrs.frozen
class Number(Kind):
    """An integer or a finite float (not a bool), at least *min* when given."""

    min: float | None = None

    def problems(self, value: object) -> Problems:
        return _number_problems(value, self.min)

    def load(self, value: Any, conv: Any) -> Any:
        return _load_number(value)

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        found: dict[str, Any] = {"type": "number"}
        if self.min is not None:
            found["minimum"] = self.min
        return found

    def writes_floats(self, seen: frozenset[type] = frozenset()) -> bool:
        return True


def _load_bool(value: Any, _conv: Any = None) -> bool:
    if value.__class__ is not bool:
        raise _fail(f"must be true or false, got {show_json(value)}")
    return value


@attrs.frozen
class Bool(Kind):
    """``True`` or ``False``."""

    def problems(self, value: object) -> Problems:
        if value.__class__ is not bool:
            return [("", f"must be True or False, got {short_repr(value)}")]
        return []

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        return [f"{pad}if {v}.__class__ is not bool:", f"{pad}    {fail}"]

    def load(self, value: Any, conv: Any) -> Any:
        return _load_bool(value)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"({v} if {v}.__class__ is bool else {ns.name(_refuse)}())"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"type": "boolean"}


@attrs.frozen
class Choice(Kind):
    """A member of an enum, given as the member or its value (``"state"``)."""

    enum: type[enum.Enum]
    _members: dict[Any, Any] = attrs.field(init=False, eq=False, repr=False)
    _choices: str = attrs.field(init=False, eq=False, repr=False)

    converts: ClassVar[bool] = True

    def __attrs_post_init__(self) -> None:
        members = {member.value: member for member in self.enum}
        object.__setattr__(self, "_members", members)
        object.__setattr__(self, "_choices", ", ".join(repr(v) for v in members))

    def convert(self, value: Any) -> Any:
        if isinstance(value, self.enum):
            return value
        try:
            return self._members.get(value, value)
        except TypeError:  # unhashable: reported by the check
            return value

    def problems(self, value: object) -> Problems:
        if isinstance(value, self.enum):
            return []
        return [
            (
                "",
                f"{short_repr(value)} is not a valid {self.enum.__name__} "
                f"(choose from {self._choices})",
            )
        ]

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        return [
            f"{pad}if {v}.__class__ is not {ns.name(self.enum)}:",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        try:
            return self._members[value]
        except (KeyError, TypeError):
            pass
        name = self.enum.__name__
        if value.__class__ is str:
            raise _fail(
                f"{short_repr(value)} is not a valid {name} (choose from {self._choices})"
            )
        raise _fail(
            f"must be a string naming a {name} (one of {self._choices}), got "
            f"{show_json(value)}"
        )

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{ns.name(self._members)}[{v}]"

    def dump(self, value: Any, conv: Any) -> Any:
        return value._value_

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{v}._value_"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.enum(self.enum)


# --- time ---------------------------------------------------------------------------

_MOMENT_FORMS: Final = (
    "YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339/RFC 9557 timestamp such as "
    "'2025-07-14T12:00:00-04:00[America/New_York]'"
)
_DATE_TEXT: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ALWAYS_MOMENTS: Final = frozenset([pendulum.Date, PartialDate])
_PENDULUM_ZONES: Final = frozenset([pendulum.Timezone, pendulum.FixedTimezone])


def _load_moment(value: Any, _conv: Any = None) -> Moment:
    if value.__class__ is not str or not value.isascii():
        raise _fail(
            f"must be a moment as text ({_MOMENT_FORMS}), got {show_json(value)}"
        )
    try:
        return parse_moment(value)
    except ValidationError as exc:
        raise _fail(exc.errors[0][1]) from None


def write_moment(value: Moment) -> str:
    """The text of a moment in a record, as :func:`format_moment` writes it."""
    if value.__class__ is pendulum.Date:
        return value.isoformat()
    return format_moment(value)


@attrs.frozen
class MomentKind(Kind):
    """
    A moment: a date, a zone-aware datetime or (unless *partial* is false) a
    month or a year.  *refusal* is the message refusing a month or a year
    (``{value}`` stands for it).
    """

    partial: bool = True
    refusal: str = "must be a date or a datetime, not a month or a year"

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        return to_moment(value)

    @property
    def eq_key(self) -> Callable[[Any], Any] | None:
        return moment_eq_key

    def problems(self, value: object) -> Problems:
        if not self.partial and isinstance(value, PartialDate):
            return [("", self.refusal.format(value=value))]
        return check_moment(value)

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        always = _ALWAYS_MOMENTS if self.partial else frozenset([pendulum.Date])
        return [
            f"{pad}if {v}.__class__ not in {ns.name(always)} and ("
            f"{v}.__class__ is not {ns.name(pendulum.DateTime)} or "
            f"{v}.tzinfo.__class__ not in {ns.name(_PENDULUM_ZONES)} or "
            f"getattr({v}.tzinfo, 'name', None) in {ns.name(ABBREVIATED_ZONES)}):",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        return _load_moment(value)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{ns.name(_load_moment)}({v})"

    def dump(self, value: Any, conv: Any) -> Any:
        return write_moment(value)

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return (
            f"({v}.isoformat() if {v}.__class__ is {ns.name(pendulum.Date)} "
            f"else {ns.name(format_moment)}({v}))"
        )

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        if self.partial:
            return defs.time("Moment")
        return {"anyOf": [defs.time("Date"), defs.time("DateTime")]}


def _load_date(value: Any, _conv: Any = None) -> pendulum.Date:
    if value.__class__ is not str or not _DATE_TEXT.fullmatch(value):
        raise _fail(f"must be a date as text (YYYY-MM-DD), got {show_json(value)}")
    try:
        return pendulum.Date.fromisoformat(value)
    except ValueError as exc:
        raise _fail(f"impossible date {short_repr(value)}: {exc}") from None


@attrs.frozen
class DateKind(Kind):
    """A calendar date (``datetime.date`` becomes ``pendulum.Date``)."""

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        return to_date(value)

    def problems(self, value: object) -> Problems:
        return check_date(value)

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        return [
            f"{pad}if {v}.__class__ is not {ns.name(pendulum.Date)}:",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        return _load_date(value)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{ns.name(_load_date)}({v})"

    def dump(self, value: Any, conv: Any) -> Any:
        return value.isoformat()

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{v}.isoformat()"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.time("Date")


def _load_period(value: Any, _conv: Any = None) -> Period:
    if value.__class__ is not str or not value.isascii():
        raise _fail(
            f"must be an ISO 8601 duration as text (P50D, PT48H), got {show_json(value)}"
        )
    try:
        return Period.parse(value)
    except ValidationError as exc:
        raise _fail(exc.errors[0][1]) from None


@attrs.frozen
class PeriodKind(Kind):
    """A :class:`~negotiation_records.Period`; a positive one if *positive*."""

    positive: bool = True

    def problems(self, value: object) -> Problems:
        if not isinstance(value, Period):
            return [
                ("", f"must be a Period, got {type_name(value)} {short_repr(value)}")
            ]
        if self.positive and value.is_zero:
            return [("", "must be a positive period, got a zero period")]
        return []

    def load(self, value: Any, conv: Any) -> Any:
        return _load_period(value)

    def dump(self, value: Any, conv: Any) -> Any:
        return value.isoformat()

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{v}.isoformat()"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.time("Period")


@attrs.frozen
class Weekdays(Kind):
    """
    A set of weekday numbers, Monday 0 to Sunday 6, not all seven: a weekend.
    Written as a sorted JSON array.
    """

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        if isinstance(value, (set, frozenset, list, tuple)):
            try:
                return frozenset(value)
            except TypeError:  # unhashable members: reported by the check
                pass
        return value

    def problems(self, value: object) -> Problems:
        if isinstance(value, (str, bytes)) or not isinstance(
            value, (set, frozenset, list, tuple)
        ):
            return [
                (
                    "",
                    "must be a set of weekday numbers (Monday 0 to Sunday 6), got "
                    f"{type_name(value)} {short_repr(value)}",
                )
            ]
        found: Problems = []
        for day in value:
            if day.__class__ is not int or not 0 <= day <= 6:
                found.append(
                    (
                        "",
                        "must hold weekday numbers from 0 (Monday) to 6 (Sunday), "
                        f"got {short_repr(day)}",
                    )
                )
        if not found and len(set(value)) == 7:
            found.append(("", "leaves no business day in the week"))
        return found

    def load(self, value: Any, conv: Any) -> Any:
        if value.__class__ is not list:
            raise _fail(f"must be an array of weekday numbers, got {show_json(value)}")
        for day in value:
            if day.__class__ is not int:
                raise _fail(
                    f"must hold integers (weekday numbers), got {show_json(day)}"
                )
        return frozenset(value)

    def dump(self, value: Any, conv: Any) -> Any:
        return sorted(value)

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {
            "type": "array",
            "items": {"type": "integer", "minimum": 0, "maximum": 6},
            "uniqueItems": True,
            "maxItems": 6,
            "description": "Weekday numbers, Monday 0 to Sunday 6.",
        }


# --- structure ---------------------------------------------------------------------


@attrs.frozen
class Maybe(Kind):
    """``None``, or a value of *kind*."""

    kind: Kind

    @property
    def converts(self) -> bool:  # type: ignore[override]
        return self.kind.converts

    def convert(self, value: Any) -> Any:
        return None if value is None else self.kind.convert(value)

    @property
    def eq_key(self) -> Callable[[Any], Any] | None:
        return self.kind.eq_key

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

    def dump(self, value: Any, conv: Any) -> Any:
        return None if value is None else self.kind.dump(value, conv)

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        inner = self.kind.dump_expr(ns, v, conv, depth)
        return v if inner == v else f"(None if {v} is None else {inner})"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"anyOf": [self.kind.schema(defs), {"type": "null"}]}

    def writes_floats(self, seen: frozenset[type] = frozenset()) -> bool:
        return self.kind.writes_floats(seen)


@attrs.frozen
class Many(Kind):
    """
    A tuple of values of *kind* (any list is accepted on construction).

    With *unique* (a noun such as ``"party"``) an item that repeats an earlier
    one is reported too.
    """

    kind: Kind
    unique: str | None = None

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        items = as_tuple(value)
        if not self.kind.converts or items.__class__ is not tuple:
            return items
        convert = self.kind.convert
        return tuple([convert(item) for item in items])

    def problems(self, value: object) -> Problems:
        if value.__class__ is not tuple:
            return [
                (
                    "",
                    f"must be a list of values, got {type_name(value)} {short_repr(value)}",
                )
            ]
        assert isinstance(value, tuple)  # noqa: S101 - for the type checker
        found: Problems = []
        item_problems = self.kind.problems
        seen: set[object] = set()
        for index, item in enumerate(value):
            for path, message in item_problems(item):
                found.append((join_path(f"[{index}]", path), message))
            if self.unique is not None:
                try:
                    repeated = item in seen
                    seen.add(item)
                except TypeError:
                    continue
                if repeated:
                    found.append(
                        (
                            f"[{index}]",
                            f"{self.unique} {short_repr(item)} appears twice",
                        )
                    )
        return found

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        item = f"_x{len(pad)}"
        lines = [
            f"{pad}if {v}.__class__ is not tuple:",
            f"{pad}    {fail}",
            f"{pad}for {item} in {v}:",
            *self.kind.check_code(ns, item, pad + "    ", fail),
            f"{pad}    pass",
        ]
        if self.unique is not None:
            lines += [
                f"{pad}if len({v}) > 1 and len(set({v})) != len({v}):",
                f"{pad}    {fail}",
            ]
        return lines

    def load(self, value: Any, conv: Any) -> Any:
        if value.__class__ is not list:
            raise _fail(f"must be an array, got {show_json(value)}")
        loaded = []
        problems: Problems = []
        load = self.kind.load
        for index, item in enumerate(value):
            try:
                loaded.append(load(item, conv))
            except ValidationError as exc:
                problems += _prefixed(f"[{index}]", list(exc.errors))
        if problems:
            raise ValidationError(problems)
        return tuple(loaded)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        item = f"_l{depth}"
        inner = self.kind.load_expr(ns, item, conv, depth + 1)
        if inner == item:
            return f"(tuple({v}) if {v}.__class__ is list else {ns.name(_refuse)}())"
        return (
            f"(tuple([{inner} for {item} in {v}]) if {v}.__class__ is list "
            f"else {ns.name(_refuse)}())"
        )

    def dump(self, value: Any, conv: Any) -> Any:
        dump = self.kind.dump
        return [dump(item, conv) for item in value]

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        item = f"_d{depth}"
        inner = self.kind.dump_expr(ns, item, conv, depth + 1)
        if inner == item:
            return f"[*{v}]"
        return f"[{inner} for {item} in {v}]"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        found: dict[str, Any] = {"type": "array", "items": self.kind.schema(defs)}
        if self.unique is not None:
            found["uniqueItems"] = True
        return found

    def writes_floats(self, seen: frozenset[type] = frozenset()) -> bool:
        return self.kind.writes_floats(seen)


def _article(name: str) -> str:
    return f"an {name}" if name[:1] in "AEIOU" else f"a {name}"


@attrs.frozen
class Nested(Kind):
    """A record of class *cls* (a JSON object in the serialized form)."""

    cls: type[Any]

    def problems(self, value: object) -> Problems:
        if isinstance(value, self.cls):
            return []
        return [
            (
                "",
                f"must be {_article(self.cls.__name__)}, got {type_name(value)} "
                f"{short_repr(value)}",
            )
        ]

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        return [
            f"{pad}if {v}.__class__ is not {ns.name(self.cls)} and "
            f"{ns.name(self.problems)}({v}):",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        return conv.get_structure_hook(self.cls)(value, self.cls)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        hook = conv.get_structure_hook(self.cls)
        return f"{ns.name(hook)}({v}, {ns.name(self.cls)})"

    def dump(self, value: Any, conv: Any) -> Any:
        return conv.unstructure(value, self.cls)

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{ns.name(conv.get_unstructure_hook(self.cls))}({v})"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.record(self.cls)

    def writes_floats(self, seen: frozenset[type] = frozenset()) -> bool:
        return record_writes_floats(self.cls, seen)


PARTY_IDS: Final = Many(Slug(), unique="party")
"""The kind of a list of party ids: slugs, none twice."""

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


@attrs.frozen
class TextOr(Kind):
    """Text, or a record of class *cls* (a JSON object): a demand in words or as a term."""

    cls: type[Any]

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        return as_text(value) if isinstance(value, str) else value

    def problems(self, value: object) -> Problems:
        if isinstance(value, self.cls):
            return []
        if isinstance(value, str):
            return text_problems(value)
        return [
            (
                "",
                f"must be {_article(self.cls.__name__)} or text, got {type_name(value)} "
                f"{short_repr(value)}",
            )
        ]

    def load(self, value: Any, conv: Any) -> Any:
        if value.__class__ is str:
            return _load_text(value)
        if value.__class__ is dict:
            return Nested(self.cls).load(value, conv)
        raise _fail(
            f"must be text or {_article(self.cls.__name__)} object, got {show_json(value)}"
        )

    def dump(self, value: Any, conv: Any) -> Any:
        return value if isinstance(value, str) else conv.unstructure(value, self.cls)

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"anyOf": [Text().schema(defs), defs.record(self.cls)]}

    def writes_floats(self, seen: frozenset[type] = frozenset()) -> bool:
        return record_writes_floats(self.cls, seen)


@attrs.frozen
class RecordId(Kind):
    """The id of a record: a slug, or a number from 1 (a round)."""

    def problems(self, value: object) -> Problems:
        if value.__class__ is int:
            return _int_problems(value, 1, None)
        return Slug().problems(value)

    def load(self, value: Any, conv: Any) -> Any:
        if value.__class__ is int or value.__class__ is str:
            return value
        raise _fail(f"must be a string or an integer, got {show_json(value)}")

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"anyOf": [Slug().schema(defs), {"type": "integer", "minimum": 1}]}
