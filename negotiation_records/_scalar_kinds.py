"""
The field kinds of plain values (private; the public names are in
:mod:`negotiation_records.fields`): text, identifiers and codes, enums and
zone names (numbers and flags: :mod:`negotiation_records._number_kinds`;
weekdays: :mod:`negotiation_records._weekday_kind`).
"""

from __future__ import annotations

import enum
import functools
import re
import string
import unicodedata
from enum import Enum
from typing import Any, ClassVar, Final

from negotiation_records._codegen import Namespace
from negotiation_records._kind import (
    MEMO,
    FixedKind,
    FrozenKind,
    Problems,
    SchemaDefs,
    fail,
    refuse,
)
from negotiation_records._values import (
    described,
    non_ascii_note,
    raised_text,
    short_repr,
    show_json,
    type_name,
    with_article,
)
from negotiation_records._version_2_rules import (
    CONTROL_CHARACTER,
    INVISIBLE_TEXT,
    LONE_SURROGATE,
    UNASSIGNED_COUNTRY,
    URL_HOST,
)
from negotiation_records.errors import ValidationError
from negotiation_records.timeutil import (
    zone,
)


__all__ = [
    "SLUG_PATTERN",
    "SLUG_RULE",
    "TEXT_RULE",
    "Choice",
    "Country",
    "Slug",
    "Text",
    "Url",
    "Wikidata",
    "ZoneName",
    "as_text",
    "load_text",
    "plain_str",
    "plain_text_test",
    "text_problems",
    "unhashed_text",
]


# --- text ------------------------------------------------------------------------

#: Control characters (C0 but tab, line feed and carriage return; DEL; C1).
_CONTROL_CLASS: Final = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
#: Control characters and lone surrogates: never in text.  (The JSON Schema
#: leaves the surrogates out: a validator that reads text as UTF-16 code units
#: would see every character outside the Basic Multilingual Plane, an emoji or
#: a flag, as two of them; and UTF-8 cannot hold a lone one.)
_FORBIDDEN_CLASS: Final = _CONTROL_CLASS + r"\ud800-\udfff"
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


@functools.cache
def _text_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """
    The forbidden character and a visible one, compiled on first use: the
    compiled field checks pass printable ASCII without them, and their large
    character classes take a millisecond or two to compile.
    """
    return (
        re.compile(f"[{_FORBIDDEN_CLASS}]"),
        re.compile(f"[^{_FORBIDDEN_CLASS}{_INVISIBLE_BMP}{_INVISIBLE_ASTRAL}]"),
    )


TEXT_RULE: Final = (
    "text must hold a visible character (not only white space, zero-width or "
    "filler characters) and no control character other than tab, line feed and "
    "carriage return, nor a lone surrogate"
)


def _escaped(value: str, limit: int = 80) -> str:
    """A text's ``ascii()`` (what is invisible shows as ``\\u200b``), cut."""
    text = ascii(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def text_problems(value: object) -> Problems:
    """The text rule (see :class:`Text`) on a stored value."""
    if not isinstance(value, str):
        return [("", f"must be text (str), got {described(value)}")]
    if not value.strip():
        return [("", f"must be non-empty text, got {short_repr(value)}")]
    forbidden, visible = _text_patterns()
    bad = forbidden.search(value)
    if bad is not None:
        char = bad.group()
        if "\ud800" <= char <= "\udfff":
            return [
                ("", LONE_SURROGATE.format(value=short_repr(value))),
            ]
        return [
            (
                "",
                CONTROL_CHARACTER.format(
                    code=f"{ord(char):04X}", index=bad.start(), value=short_repr(value)
                ),
            )
        ]
    if visible.search(value) is None:
        return [
            ("", INVISIBLE_TEXT.format(value=_escaped(value))),
        ]
    return []


def plain_str(value: Any) -> Any:
    """
    *value* as a plain :class:`str` if it is an instance of a subclass (a
    :class:`enum.StrEnum` member, ``numpy.str_``); anything else unchanged.

    ``str.__str__`` gives the characters themselves, whatever the subclass
    overrides: ``str()`` of a ``(str, Enum)`` member is ``'Ids.RUSSIA'``.

    Example:
        >>> import enum
        >>> class Ids(str, enum.Enum):
        ...     RUSSIA = "russia"
        >>> plain_str(Ids.RUSSIA), type(plain_str(Ids.RUSSIA)).__name__
        ('russia', 'str')
    """
    if isinstance(value, str):
        return str.__str__(value)
    return value


def as_text(value: Any) -> Any:
    """NFC-normalise a string (a subclass's as a plain str); leave anything else."""
    if value.__class__ is str:
        return value if value.isascii() else unicodedata.normalize("NFC", value)
    if isinstance(value, str):
        return unicodedata.normalize("NFC", str.__str__(value))
    return value


def load_text(value: Any, _conv: Any = None) -> str:
    if value.__class__ is not str:
        raise fail(f"must be a string, got {show_json(value)}")
    return value if value.isascii() else unicodedata.normalize("NFC", value)


# The JSON Schema of the text rule: no forbidden character, and one visible.
# Patterns are written for both Python's re and ECMA 262 (no astral escapes:
# the schema leaves characters outside the Basic Multilingual Plane to the
# loader, so it is never stricter than the loader).
def _portable(pattern: str) -> str:
    """
    *pattern* for the JSON Schema: each ``\\uXXXX`` escape written as its
    character, which every engine reads (ECMA-262 spells the escape
    ``\\u{...}`` under its ``u`` flag, Go's RE2 ``\\x{...}``, and neither
    reads the other's); ``\\xHH`` escapes, which all of them read, are kept.
    """
    head, *rest = pattern.split("\\u")  # (no pattern to compile at import)
    written = [head]
    for part in rest:
        code = part[:4]
        if len(code) == 4 and all(c in string.hexdigits for c in code):
            written.append(chr(int(code, 16)) + part[4:])
        else:
            written.append("\\u" + part)
    return "".join(written)


_TEXT_SCHEMA: Final = {
    "type": "string",
    "minLength": 1,
    "allOf": [
        # A control character is searched for, not the rest matched whole: a
        # final U+0085 (to Java's "$", a line end) would pass "^[^...]*$".
        {"not": {"pattern": _portable(f"[{_CONTROL_CLASS}]")}},
        {"pattern": _portable(f"[^{_CONTROL_CLASS}{_INVISIBLE_BMP}]")},
    ],
}


class Text(FixedKind):
    """
    Free text: names, summaries, quotes.  Stored as given, NFC-normalised.

    The rule: at least one visible character (not only white space, zero-width
    or filler characters), no control character other than tab, line feed and
    carriage return, no lone surrogate.
    """

    __slots__ = ()
    plain_value: ClassVar[bool] = True

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        return as_text(value)

    def accepts(self) -> str:
        return "str"

    def problems(self, value: object) -> Problems:
        return text_problems(value)

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        return [
            f"{pad}if not ({plain_text_test(v)}) and {ns.name(text_problems)}({v}):",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        return load_text(value)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return (
            f"({v} if {v}.__class__ is str and {v}.isascii() "
            f"else {ns.name(load_text)}({v}))"
        )

    def read_code(
        self, ns: Namespace, v: str, pad: str, fail: str, *, conv: Any, depth: int = 0
    ) -> list[str]:
        return [
            f"{pad}if {v}.__class__ is not str:",
            f"{pad}    {fail}",
            f"{pad}if not ({plain_text_test(v, is_str=True)}):",
            f"{pad}    {v} = {ns.name(load_text)}({v})",
            f"{pad}    if {ns.name(text_problems)}({v}):",
            f"{pad}        {fail}",
        ]

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.shared("Text", dict(_TEXT_SCHEMA, description=TEXT_RULE + "."))


def plain_text_test(v: str, longest: int | None = None, *, is_str: bool = False) -> str:
    """
    The generated test that the variable *v* holds plain text that is valid
    without a call: a :class:`str` of printable ASCII, not empty nor all
    spaces (and of at most *longest* characters).  Every other value is
    given to the kind's own check, which decides.  With *is_str*, the code
    before it has refused anything but a plain :class:`str` already.
    """
    test = f"{v}.isascii() and {v}.isprintable() and not {v}.isspace() and {v} != ''"
    if not is_str:
        test = f"{v}.__class__ is str and {test}"
    return test if longest is None else f"{test} and len({v}) <= {longest}"


# --- patterns ----------------------------------------------------------------------

SLUG_PATTERN: Final = r"[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?"
"""The regular expression of an identifier (a whole string)."""

SLUG_RULE: Final = (
    "a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, at most 64 characters)"
)
"""The identifier rule, in words."""


#: A line terminator anywhere (line feed, carriage return, U+0085 next line,
#: U+2028 and U+2029): refused in every string that matches a pattern whole.
NO_LINE_BREAK: Final = {"pattern": _portable(r"[\n\r\x85\u2028\u2029]")}


def whole_pattern(pattern: str) -> dict[str, Any]:
    """
    The JSON Schema keywords of a string that matches *pattern* whole:
    ``pattern`` anchored at both ends, and ``not`` a line terminator anywhere.

    A bare ``$`` also matches before one final line feed in Python's ``re``
    (which Python's JSON Schema validators search with) and .NET's, and before
    a final ``\\r``, ``\\r\\n``, U+0085, U+2028 or U+2029 in Java's, so
    ``"tass\\n"`` or ``"tass\\r"`` would pass as an id.  No pattern matched
    whole admits any of them (the loader refuses them all), and they are
    refused by ``not`` rather than by a lookahead after the ``$``: the regular
    expressions of some validators (Go's, without lookaround) could not read
    the pattern at all.
    """
    return {"pattern": f"^{pattern}$", "not": NO_LINE_BREAK}


def _subclass_problems(value: object) -> Problems:
    """
    The problem of a str subclass where a plain str is stored: never there,
    but for a value set without the field's conversion (which makes it one).
    """
    return [("", f"must be a plain str, got {described(value)}, a subclass of str")]


class _AsciiFirst:
    """
    A pattern matched whole in two steps: ASCII text by *ascii* (compiled at
    once), other text by *whole*, compiled when the first such text comes.
    *ascii* must match exactly the ASCII texts *whole* matches.
    """

    __slots__ = ("_ascii", "_source", "_whole")

    def __init__(self, ascii: str, whole: str) -> None:  # noqa: A002 - the str method's name
        self._ascii = re.compile(ascii, re.ASCII)
        self._source = whole
        self._whole: re.Pattern[str] | None = None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """The match of the whole *text*, as ``re.Pattern.fullmatch`` gives it."""
        if text.isascii():
            return self._ascii.fullmatch(text)
        if self._whole is None:
            self._whole = re.compile(self._source, re.ASCII)
        return self._whole.fullmatch(text)


class _Pattern(FixedKind):
    """
    A string that matches a regular expression, whole (ASCII only).  An
    instance of a str subclass (a :class:`enum.StrEnum` member) is stored as
    a plain :class:`str`, as :class:`Text` stores it.
    """

    __slots__ = ()
    plain_value: ClassVar[bool] = True

    # A subclass fails the compiled check (it tests the class): converted then.
    converts_late: ClassVar[bool] = True

    def convert_late(self, value: Any) -> Any:
        return value if value.__class__ is str else plain_str(value)

    pattern: ClassVar[str]
    #: The pattern of the JSON Schema, where it must differ (see ``Url``).
    schema_pattern: ClassVar[str | None] = None
    #: What *pattern* matches of ASCII text, where it is much quicker to
    #: compile (see ``Url``): *pattern* is then compiled for the first text
    #: that is not ASCII.
    ascii_pattern: ClassVar[str | None] = None
    rule: ClassVar[str]
    #: Whether matches are remembered for the rest of the document (ids recur):
    #: of the identifier pattern only, in ``MEMO.ids`` (a subclass's own: not).
    memo: ClassVar[bool] = False
    schema_name: ClassVar[str]
    _regex: ClassVar[re.Pattern[str] | _AsciiFirst]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "pattern" in cls.__dict__:
            cls._regex = (
                re.compile(cls.pattern, re.ASCII)
                if cls.ascii_pattern is None
                else _AsciiFirst(cls.ascii_pattern, cls.pattern)
            )
        cls.memo = getattr(cls, "pattern", None) == SLUG_PATTERN

    def accepts(self) -> str:
        return "str"

    def problems(self, value: object) -> Problems:
        if not isinstance(value, str) or not self._regex.fullmatch(value):
            note = "" if self.ascii_pattern else non_ascii_note(value)  # see Url
            return [("", f"must be {self.rule}, got {short_repr(value)}{note}")]
        if value.__class__ is not str:
            return _subclass_problems(value)
        return []

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        match = ns.name(self._regex.fullmatch)
        if not self.memo:
            return [
                f"{pad}if {v}.__class__ is not str or {match}({v}) is None:",
                f"{pad}    {fail}",
            ]
        seen = ns.name(MEMO.ids)
        return [  # ids recur in a document: each is matched once (see MEMO)
            f"{pad}if {v}.__class__ is not str:",
            f"{pad}    {fail}",
            f"{pad}if {v} not in {seen}:",
            f"{pad}    if {match}({v}) is None:",
            f"{pad}        {fail}",
            f"{pad}    {ns.name(MEMO.remember_id)}({v})",
        ]

    json_class: ClassVar[type | None] = str
    json_words: ClassVar[str] = "a string"
    # The check refuses anything but a string, which the load keeps as it is.
    reads_as_is: ClassVar[bool] = True

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.shared(
            self.schema_name,
            {
                "type": "string",
                **whole_pattern(self.schema_pattern or self.pattern),
                "description": self.rule[0].upper() + self.rule[1:] + ".",
            },
        )


class Slug(_Pattern):
    """An identifier: a lower-case slug such as ``ukraine`` or ``round-2``."""

    __slots__ = ()

    pattern: ClassVar[str] = SLUG_PATTERN
    rule: ClassVar[str] = SLUG_RULE
    schema_name: ClassVar[str] = "Id"


class Wikidata(_Pattern):
    """A Wikidata item id such as ``Q212``."""

    __slots__ = ()

    pattern: ClassVar[str] = "Q[1-9][0-9]{0,11}"
    rule: ClassVar[str] = "a Wikidata item id such as 'Q212'"
    schema_name: ClassVar[str] = "Wikidata"


#: What a URL never holds: white space (every character Python's ``str.isspace``
#: or ECMA-262's ``\s`` counts, spelt out so that the JSON Schema reads the
#: pattern as the library does), control characters and lone surrogates.
_NOT_IN_URL: Final = (
    _FORBIDDEN_CLASS + r"\t\n\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
    r"\u3000\ufeff"
)


def _url_pattern(never: str) -> str:
    """
    The URL pattern, *never* the class of characters no URL holds: the
    scheme, then the authority of RFC 3986 — an optional user (``name@``), a
    host (a name, or an IP address in brackets) and an optional port of
    digits — then a path, query or fragment.  Each part is a run of one class,
    so a text is matched in linear time.
    """
    user = f"[^{never}/?#@\\[\\]]*@"
    host = f"\\[[0-9A-Fa-f:.]+\\]|[^{never}/?#@\\[\\]:]+"
    return f"https?://(?:{user})?(?:{host})(?::[0-9]*)?(?:[/?#][^{never}]*)?"


class Url(_Pattern):
    """
    An absolute http(s) URL (letters of any script allowed, as in an IRI),
    without white space or control characters (matched in linear time): a
    host, a name or an IP address in brackets, after an optional user
    (``name@``) and before an optional port of digits.
    """

    __slots__ = ()

    pattern: ClassVar[str] = _url_pattern(_NOT_IN_URL)
    # Of ASCII, _NOT_IN_URL holds the control characters and the space; the
    # whole pattern's classes took most of a millisecond of the import.
    ascii_pattern: ClassVar[str | None] = _url_pattern(r"\x00-\x20\x7f")
    schema_pattern: ClassVar[str | None] = _portable(
        pattern.replace(_FORBIDDEN_CLASS, _CONTROL_CLASS)
    )
    rule: ClassVar[str] = (
        "an absolute http(s) URL, without white space or control characters"
    )
    schema_name: ClassVar[str] = "Url"

    def problems(self, value: object) -> Problems:
        if (
            isinstance(value, str)
            and not self._regex.fullmatch(value)
            and _version_1_url().fullmatch(value)
        ):  # a rule of format version 2: its message says so in a version-1 file
            return [("", URL_HOST.format(value=short_repr(value)))]
        return super().problems(value)


@functools.cache
def _version_1_url() -> re.Pattern[str]:
    """
    What version 1 read as a URL: no white space, a host of anything but
    ``/`` (version 1 wrote ``[^\\s/]+\\S*``, which backtracks; this is the
    same language, matched in linear time).
    """
    return re.compile(r"https?://[^\s/]\S*")


def _country_codes() -> frozenset[str]:
    try:
        from negotiation_records._countries import (  # noqa: PLC0415
            ISO_3166_1_ALPHA_2,
        )
    except ImportError:  # pragma: no cover - the list ships with the package
        return frozenset()
    return ISO_3166_1_ALPHA_2


class Country(_Pattern):
    """An ISO 3166-1 alpha-2 country code such as ``UA``."""

    __slots__ = ()

    pattern: ClassVar[str] = "[A-Z]{2}"
    rule: ClassVar[str] = (
        "an ISO 3166-1 alpha-2 code (two upper-case letters such as 'UA')"
    )
    schema_name: ClassVar[str] = "Country"
    codes: ClassVar[frozenset[str]] = _country_codes()

    def problems(self, value: object) -> Problems:
        found = super().problems(value)
        if not found and self.codes and value not in self.codes:
            return [("", UNASSIGNED_COUNTRY.format(code=repr(value)))]
        return found

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        if not self.codes:  # pragma: no cover
            return super().check_code(ns, v, pad, fail)
        # The class first: an object equal to a code, with its hash, is no code.
        return [
            f"{pad}if {v}.__class__ is not str or {v} not in {ns.name(self.codes)}:",
            f"{pad}    {fail}",
        ]

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


class ZoneName(FixedKind):
    """
    An IANA time zone name such as ``Europe/Kyiv``.  An instance of a str
    subclass is stored as a plain :class:`str`.
    """

    __slots__ = ()

    converts_late: ClassVar[bool] = True

    def convert_late(self, value: Any) -> Any:
        return value if value.__class__ is str else plain_str(value)

    def accepts(self) -> str:
        return "str"

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        # The class first, so that a subclass is converted (convert_late).
        return [
            f"{pad}if {v}.__class__ is not str or {ns.name(self.problems)}({v}):",
            f"{pad}    {fail}",
        ]

    def problems(self, value: object) -> Problems:
        if not isinstance(value, str):
            name = getattr(value, "key", None)  # a pendulum or zoneinfo zone's
            hint = f": give its name, {name!r}" if isinstance(name, str) else ""
            return [
                (
                    "",
                    "must be an IANA time zone name such as 'Europe/Kyiv', got "
                    f"{described(value)}{hint}",
                )
            ]
        try:
            zone(value)
        except ValidationError as exc:
            return [("", exc.errors[0][1])]
        if value.__class__ is not str:
            return _subclass_problems(value)
        return []

    json_class: ClassVar[type | None] = str
    json_words: ClassVar[str] = "a string"
    # The check refuses anything but a string (a subclass too, converted
    # late), which the load keeps as it is.
    reads_as_is: ClassVar[bool] = True

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.shared(
            "ZoneName",
            {
                "type": "string",
                "minLength": 1,
                "maxLength": 64,
                # The characters of the names of the zone database's files:
                # no space, no empty or leading or trailing part.
                **whole_pattern("[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*"),
                "description": "An IANA time zone name (Europe/Kyiv, America/New_York).",
            },
        )


class Choice(FrozenKind):
    """A member of an enum, given as the member or its value (``"state"``)."""

    __slots__ = ("_choices", "_members", "_value_class", "enum")
    _fields = ("enum",)
    plain_value: ClassVar[bool] = True
    enum: type[enum.Enum]
    _members: dict[Any, Any]
    _choices: str
    _value_class: type[Any] | None

    converts: ClassVar[bool] = True

    def __init__(self, enum: type[Enum]) -> None:
        object.__setattr__(self, "enum", enum)
        members = {member.value: member for member in enum}
        object.__setattr__(self, "_members", members)
        object.__setattr__(self, "_choices", ", ".join(repr(v) for v in members))
        classes = {value.__class__ for value in members}
        # The class every value has (str for the package's enums), if one.
        object.__setattr__(
            self, "_value_class", classes.pop() if len(classes) == 1 else None
        )

    def convert(self, value: Any) -> Any:
        if isinstance(value, self.enum):
            return value
        try:
            return self._members.get(value, value)
        except Exception:  # noqa: BLE001 - unhashable, or a __hash__ that raises
            return value  # reported by the check

    def accepts(self) -> str:
        return f"{self.enum.__name__} | str"

    def problems(self, value: object) -> Problems:
        if isinstance(value, self.enum):
            return []
        unhashed = unhashed_text(value)
        if unhashed is not None and unhashed[0] in self._members:
            return [
                (
                    "",
                    f"{short_repr(value)} cannot be looked up: it is a "
                    f"{type_name(value)} whose hashing raised {unhashed[1]}; give "
                    f"the plain text {unhashed[0]!r} or the member",
                )
            ]
        return [("", self._not_a_member(value))]

    def _not_a_member(self, value: object) -> str:
        """The refusal of *value*, no member's value (a look-alike named)."""
        note = non_ascii_note(value)  # "" for ASCII text, the common refusal
        note = note if note and all(str(c).isascii() for c in self._members) else ""
        return (
            f"{short_repr(value)} is not a valid {self.enum.__name__} "
            f"(choose from {self._choices}){note}"
        )

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        return [
            f"{pad}if {v}.__class__ is not {ns.name(self.enum)}:",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        try:
            member = self._members[value]
        except (KeyError, TypeError):
            pass
        else:
            # a value, not something equal to one: a str subclass (another
            # enum's member), or true for 1, is refused as other kinds refuse it
            if value.__class__ is member._value_.__class__:
                return member
        name = self.enum.__name__
        if value.__class__ is str and self._value_class is str:
            raise fail(self._not_a_member(value))
        if self._value_class is str:
            raise fail(
                f"must be a string naming {with_article(name)} "
                f"(one of {self._choices}), got "
                f"{show_json(value)}"
            )
        raise fail(
            f"must be one of the values of {name} ({self._choices}), got {show_json(value)}"
        )

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        members = ns.name(self._members)
        if self._value_class is None:  # values of several classes: the exact path
            return f"{ns.name(self.load)}({v}, None)"
        return (
            f"({members}[{v}] if {v}.__class__ is {ns.name(self._value_class)} "
            f"else {ns.name(refuse)}())"
        )

    def dump(self, value: Any, conv: Any) -> Any:
        return value._value_

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{v}._value_"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.enum(self.enum)


def unhashed_text(value: object) -> tuple[str, str] | None:
    """
    The plain text of *value* and what its ``__hash__`` raised, if it is a str
    subclass whose ``__hash__`` raises; else ``None``.
    """
    if not isinstance(value, str) or value.__class__ is str:
        return None
    try:
        hash(value)
    except Exception as exc:  # noqa: BLE001 - the subclass's own __hash__, any error
        return str.__str__(value), raised_text(exc)
    return None
