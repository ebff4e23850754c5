"""
JSON Schema (draft 2020-12) for the serialized records, generated from the classes.

:func:`json_schema` walks a record class's attrs fields: their types give the
JSON types (objects, arrays, strings, integers, numbers, booleans, ``null``), the
fields without a default are ``required``, enums list their values, nested records
become ``$defs`` referenced with ``$ref``, and the field checks add what JSON
Schema can say about them (the identifier slug pattern, non-empty text, country
codes, Wikidata ids, URLs, lower bounds, distinct items).  Moments and periods
are strings with patterns for their text forms.  Descriptions come from the
classes' docstrings.

The schema describes what the strict loader accepts, but it cannot say
everything: impossible dates (``2025-02-30``), unknown time zones (a zone
name's characters it checks), zone names that are abbreviations (``EST``,
``CET``) or depend on the machine (``localtime``, ``posix/...``), periods
beyond their limits (more than 9999 years), numbers too large for a double
(``1e400``) or too close to zero for one (``1e-400``), a deadline whose
``due`` does not follow from its rule, references
to ids that do not exist and the other cross-field rules are checked only by
the loader; nor can it tell ``2.0`` from ``2``, text of invisible characters
beyond the Basic Multilingual Plane from visible text, or list items that
differ only in Unicode normalisation, or records in a list that differ only
in how they are written (a default left out or given, a moment spelled two
ways), from distinct ones (:doc:`/serialization`).  It is never stricter
than the loader: a document of the current version that the schema rejects
is rejected by :func:`~negotiation_records.from_json` too.  It
describes the current format version (``"schema_version": 2``) in strict mode
(no unknown keys); an older version, which it refuses, the loader migrates.

The published schema of a whole :class:`~negotiation_records.Negotiation` is
``schema/negotiation-record.schema.json`` in the repository; regenerate it with
``python schema/regenerate.py`` after changing a record class.
"""

from __future__ import annotations

import copy
import enum
import functools
import inspect
import re
import types
import typing
from typing import Any, Final, get_args, get_origin

import attrs
import pendulum

from negotiation_records import fields
from negotiation_records._scalar_kinds import NO_LINE_BREAK, whole_pattern
from negotiation_records.migrations import SCHEMA_VERSION
from negotiation_records.serialization import converter
from negotiation_records.timeutil import Moment, PartialDate, Period


__all__ = ["DIALECT", "json_schema"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of :func:`json_schema`'s output (draft 2020-12)."""

_NONE_TYPE: Final = type(None)
_DIGITS: Final = "[0-9]"
_YEAR: Final = "([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH: Final = _YEAR + "-(0[1-9]|1[0-2])"
_DATE: Final = _MONTH + "-(0[1-9]|[12][0-9]|3[01])"
_DATETIME: Final = (
    _DATE + r"[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?"
    r"([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)"
    r"(\[[A-Za-z0-9_+/-]{1,64}\])?"
)
_PERIOD: Final = (
    "P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+S)?)?"
)
#: A period of no part ("P"), or a time part of none ("P1DT"), which the
#: pattern above lets through, and a line terminator (see whole_pattern).
_NOT_A_PERIOD: Final = {"anyOf": [NO_LINE_BREAK, {"const": "P"}, {"pattern": "T$"}]}

_SHARED: Final[dict[str, dict[str, Any]]] = {
    "Id": {
        "type": "string",
        **whole_pattern(fields.SLUG_PATTERN),
        "description": "An identifier: "
        + fields.SLUG_RULE
        + " (ukraine, round-2, us-ultimatum-2025-07).",
    },
    "Date": {
        "type": "string",
        "format": "date",
        **whole_pattern(_DATE),
        "description": "A calendar date, YYYY-MM-DD.",
    },
    "DateTime": {
        "type": "string",
        **whole_pattern(_DATETIME),
        "description": "A zone-aware timestamp: RFC 9557 with the zone name "
        "(2025-07-14T12:00:00-04:00[America/New_York]), RFC 3339 in UTC "
        "(2025-07-14T16:00:00Z) or with a fixed offset "
        "(2025-07-14T15:00:00+03:00).  Z, or RFC 3339's -00:00 (read as Z), "
        "is UTC; any other offset must be the zone's offset at that instant.",
    },
    "PartialDate": {
        "type": "string",
        **whole_pattern(f"({_MONTH}|{_YEAR})"),
        "description": "A month (YYYY-MM) or a year (YYYY), for vaguer sources.",
    },
    "Moment": {
        "anyOf": [
            {"$ref": "#/$defs/Date"},
            {"$ref": "#/$defs/DateTime"},
            {"$ref": "#/$defs/PartialDate"},
        ],
        "description": "A date, a zone-aware timestamp, a month or a year.",
    },
    "Period": {
        "type": "string",
        "pattern": f"^{_PERIOD}$",
        "not": _NOT_A_PERIOD,
        "maxLength": 64,
        "description": "An ISO 8601 duration of whole, non-negative parts: "
        "P50D, PT48H, P3M, P1Y2M10DT2H30M.",
    },
}


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of a record class's serialized form.

    The record itself is the root schema; the records, enums and text forms it
    uses are in ``$defs``.  The result is plain JSON data (``json.dumps`` it to
    publish it), equal on every call and yours to change: each call returns a
    new copy, so editing one result (adding an ``$id``, tightening a field)
    changes no other.

    Example:
        >>> schema = json_schema(Party)
        >>> schema["required"], schema["properties"]["kind"]["$ref"]
        (['id', 'name', 'kind'], '#/$defs/PartyKind')
        >>> schema["$defs"]["Id"]["pattern"]
        '^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$'
        >>> json_schema(Negotiation)["properties"]["schema_version"]["const"]
        2
    """
    if not (isinstance(cls, type) and attrs.has(cls)) or cls in (PartialDate, Period):
        raise TypeError(f"json_schema() needs a record class, got {cls!r}")
    return copy.deepcopy(_schema(cls))


@functools.cache
def _schema(cls: type[Any]) -> dict[str, Any]:
    builder = _Builder()
    root = builder.record_body(cls)
    defs = {name: builder.defs[name] for name in sorted(builder.defs)}
    return {"$schema": DIALECT, **root, "$defs": defs}


_UNSAFE_IN_NAME: Final = re.compile(r"[^A-Za-z0-9._-]")


class _Builder:
    """
    Collects ``$defs`` while it walks the fields of one root record; each
    field's kind (:mod:`negotiation_records.fields`) gives its own schema.
    """

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        #: The name in ``$defs`` of each class, or shared definition, met so far.
        self.names: dict[object, str] = {}

    def ref(self, name: str, make: Any, owner: type | None = None) -> dict[str, Any]:
        """
        A reference to the definition *name* of *owner* (a record or enum
        class; ``None``: a definition shared by name), made by *make* the
        first time.  A class named as a definition of another class, or as
        a shared one, already is (a ``Stance`` enum of your own beside the
        library's) is given its full name, ``module.Class``, so that two
        definitions never take one place.
        """
        key: object = name if owner is None else owner
        found = self.names.get(key)
        if found is None:
            found = name
            if found in self.defs and owner is not None:
                found = _UNSAFE_IN_NAME.sub(
                    "-", f"{owner.__module__}.{owner.__qualname__}"
                )
            number = 2
            while found in self.defs:
                found = f"{name}-{number}"
                number += 1
            self.names[key] = found
            self.defs[found] = {}  # placeholder: a record may refer to itself
            self.defs[found] = make()
        return {"$ref": f"#/$defs/{found}"}

    def shared(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        """A named definition given by a kind (the first one given is kept)."""
        return self.ref(name, lambda: dict(schema))

    def time(self, name: str) -> dict[str, Any]:
        """One of the text forms of time (Date, DateTime, PartialDate, Moment, Period)."""
        if name == "Moment":
            for part in ("Date", "DateTime", "PartialDate"):
                self.time(part)
        return self.ref(name, lambda: dict(_SHARED[name]))

    def enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        return self.ref(cls.__name__, lambda: _enum_schema(cls), cls)

    def record(self, cls: type[Any]) -> dict[str, Any]:
        return self.ref(cls.__name__, lambda: self.record_body(cls), cls)

    def record_body(self, cls: type[Any]) -> dict[str, Any]:
        docs = _attribute_docs(cls)
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if getattr(cls, "_versioned", False):
            properties["schema_version"] = {
                "const": SCHEMA_VERSION,
                "description": "The version of the serialized format; "
                f"this schema describes version {SCHEMA_VERSION}.",
            }
            required.append("schema_version")
        for attribute in attrs.fields(cls):
            if fields.is_init_only(attribute) or not attribute.init:
                continue  # not read from a document, nor written to one
            kind = fields.kind_of(attribute) or _kind_of_type(
                hints[attribute.name], f"{cls.__name__}.{attribute.name}"
            )
            schema = kind.schema(self)
            extra: dict[str, Any] = {}
            if attribute.name in docs:
                extra["description"] = docs[attribute.name]
            if attribute.default is attrs.NOTHING:
                required.append(attribute.name)
            elif not isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
                default = (
                    kind.convert(attribute.default)
                    if kind.converts
                    else attribute.default
                )
                extra["default"] = kind.dump(default, converter)
            properties[attribute.name] = {**schema, **extra} if extra else schema
        body: dict[str, Any] = {"title": cls.__name__}
        summary = _summary(cls)
        if summary:
            body["description"] = summary
        body |= {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        return body


class _Plain(fields.Kind):
    """The schema of a plain JSON type, for a field of your own without a kind."""

    __slots__ = ("_schema",)

    def __init__(self, schema: dict[str, Any]) -> None:
        self._schema = schema

    def schema(self, defs: Any) -> dict[str, Any]:
        return dict(self._schema)


class _PlainDateTime(fields.Kind):
    """
    The schema of a field of your own typed ``pendulum.DateTime``: the text
    form of a datetime (its definition added with it), a default written as
    the converter writes the value.
    """

    __slots__ = ()

    def schema(self, defs: Any) -> dict[str, Any]:
        return defs.time("DateTime")  # type: ignore[no-any-return]

    def dump(self, value: Any, conv: Any) -> Any:
        return conv.unstructure(value, pendulum.DateTime)


class _PlainPartialDate(fields.Kind):
    """
    The schema of a field of your own typed :class:`PartialDate`: its text
    form (``"2025-06"``, ``"2025"``), as the converter writes and reads it.
    """

    __slots__ = ()

    def schema(self, defs: Any) -> dict[str, Any]:
        return defs.time("PartialDate")  # type: ignore[no-any-return]

    def dump(self, value: Any, conv: Any) -> Any:
        return conv.unstructure(value, PartialDate)


_TYPE_KINDS: Final[dict[Any, fields.Kind]] = {
    str: _Plain({"type": "string"}),
    int: _Plain({"type": "integer"}),
    float: _Plain({"type": "number"}),
    bool: fields.Bool(),
    pendulum.Date: fields.DateKind(),
    pendulum.DateTime: _PlainDateTime(),
    # The loader reads any period into a field of your own, P0D too.
    Period: fields.PeriodKind(positive=False),
    PartialDate: _PlainPartialDate(),
}


def _kind_of_type(t: Any, where: str) -> fields.Kind:
    """The kind a field of your own class without one has, from its type."""
    if t in _TYPE_KINDS:
        return _TYPE_KINDS[t]
    if t == Moment:
        return fields.MomentKind()
    origin = get_origin(t)
    args = get_args(t)
    if origin in (types.UnionType, typing.Union) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return fields.Maybe(
            _kind_of_type(functools.reduce(lambda a, b: a | b, rest), where)
        )
    if origin in (list, tuple) and args and (origin is list or args[-1] is Ellipsis):
        return fields.Many(_kind_of_type(args[0], where))
    if isinstance(t, enum.EnumMeta):
        return fields.Choice(t)  # type: ignore[arg-type]
    if isinstance(t, type) and attrs.has(t):
        return fields.Nested(t)
    raise TypeError(f"no JSON Schema for {where} of type {t!r}")


def _enum_schema(cls: enum.EnumMeta) -> dict[str, Any]:
    schema: dict[str, Any] = {"title": cls.__name__}
    summary = _summary(cls)
    if summary:
        schema["description"] = summary
    values = [member.value for member in cls]  # type: ignore[var-annotated]
    kind = _json_type_of(values)
    if kind is not None:
        schema["type"] = kind
    schema["enum"] = values
    return schema


def _json_type_of(values: list[Any]) -> str | None:
    """
    The one JSON type of an enum's *values*, as a loader reads them (the
    values of the library's enums are text; a user's may be numbers), or
    ``None`` when they are of several types and ``enum`` alone says it.
    """
    if values and all(value.__class__ is str for value in values):
        return "string"
    if values and all(value.__class__ is bool for value in values):
        return "boolean"
    if values and all(value.__class__ is int for value in values):
        return "integer"
    if values and all(value.__class__ in (int, float) for value in values):
        return "number"
    return None


# --- descriptions from docstrings -----------------------------------------------------

_ROLE: Final = re.compile(r":[a-z]+:`~?([^`]+)`")
_LITERAL: Final = re.compile(r"``([^`]+)``")
#: Python's constants as JSON writes them.
_JSON_WORDS: Final = {"None": "null", "True": "true", "False": "false"}
#: The end of a sentence (a full stop before a capital letter).
_SENTENCE_END: Final = re.compile(r"(?<=\.)\s+(?=[A-Z])")
#: A sentence on what the Python constructor accepts besides the format.
_CONSTRUCTOR: Final = re.compile(r"\bconstruct(?:or|ion)\b")
#: A clause naming the Python properties that read a field ("; ``status``
#: and ``status_at`` read it"), and a Python module to see.
_READ_BY: Final = re.compile(r";[^;]*:(?:attr|meth):[^;]* reads? it(?: back)?(?=\.)")
_SEE_MODULE: Final = re.compile(r" \(see :mod:`[^`]+`\)")


def _plain(text: str) -> str:
    """Docstring markup to plain text: roles keep their last name part."""
    text = _ROLE.sub(lambda m: m.group(1).rsplit(".", 1)[-1], text)
    return _LITERAL.sub(lambda m: _JSON_WORDS.get(m.group(1), m.group(1)), text)


def _format_only(text: str) -> str:
    """
    A field's docstring as a description of the serialized format, for
    readers in any language: what speaks of Python alone (what the
    constructor also accepts, the properties that read the field, a module
    to see) left out, and ``None`` written ``null``.
    """
    text = _READ_BY.sub("", _SEE_MODULE.sub("", text))
    sentences = _SENTENCE_END.split(text)
    return _plain("  ".join(s for s in sentences if not _CONSTRUCTOR.search(s)))


def _doc(cls: type[Any]) -> str:
    """The class's own docstring (not one inherited from a base class)."""
    return inspect.cleandoc(cls.__dict__.get("__doc__") or "")


def _summary(cls: type[Any]) -> str:
    paragraph = _doc(cls).split("\n\n", 1)[0]
    if re.fullmatch(r"[A-Z][a-z]+:", paragraph.split("\n", 1)[0]):
        return ""  # the docstring starts with a section such as "Attributes:"
    return _plain(" ".join(paragraph.split()))


def _attribute_docs(cls: type[Any]) -> dict[str, str]:
    lines = _doc(cls).splitlines()
    if "Attributes:" not in lines:
        return {}
    found: dict[str, str] = {}
    current: str | None = None
    for line in lines[lines.index("Attributes:") + 1 :]:
        if not line.strip():
            continue
        if not line.startswith(" "):
            break
        match = re.fullmatch(r" {4}(\w+)(?: \([^)]*\))?: (.*)", line)  # name (type):
        if match:
            current = match.group(1)
            found[current] = match.group(2).strip()
        elif current is not None:
            found[current] += " " + line.strip()
    return {name: _format_only(text) for name, text in found.items()}
