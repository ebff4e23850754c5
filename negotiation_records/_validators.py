"""
Field checks shared by every record (private).

Records validate on construction and report **every** problem at once.  attrs
runs converters and validators field by field and stops at the first exception,
so the records use a different split:

* converters (``as_text``, ``as_tuple``, ``as_enum``, the moment converters) turn
  what they can into the stored form and pass anything else through untouched;
* a *check* attached to each field (``check=`` of :func:`field`) inspects the
  stored value and returns a list of ``(path, message)`` problems; it never
  raises, whatever it is given;
* :class:`Record` runs all checks, then the class's own cross-field
  ``_problems()``, and raises one :class:`~negotiation_records.ValidationError`
  with everything found.
"""

from __future__ import annotations

import enum
import io
import linecache
import re
import unicodedata
from collections.abc import (
    Callable,
    Iterable,
    Iterator,
    Mapping,
    MappingView,
    Sequence,
    Set,
)
from typing import Any, ClassVar, TypeVar

import attrs

from negotiation_records.errors import ValidationError, join_path


Problems = list[tuple[str, str]]
Check = Callable[[Any], Problems]
E = TypeVar("E", bound=enum.Enum)

_CHECK_KEY = "negotiation_records.check"

_LISTS = (Sequence, Set, MappingView, Iterator)
_NOT_LISTS = (str, bytes, bytearray, memoryview, range, Mapping, io.IOBase)

SLUG_PATTERN = r"[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?"
_SLUG = re.compile(SLUG_PATTERN)
_SURROGATE = re.compile("[\ud800-\udfff]")
_COUNTRY = re.compile(r"[A-Z]{2}")
_WIKIDATA = re.compile(r"Q[1-9][0-9]{0,11}")

SLUG_RULE = (
    "a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, at most 64 characters)"
)

_URL = re.compile(r"https?://[^\s/]+\S*")

#: What each check accepts, in a form :func:`_compile_fast_check` turns into
#: straight-line code (see "the fast path" below).  A check without an entry is
#: called as it is.
_SPECS: dict[Check, tuple[Any, ...]] = {}


def fast_spec(check: Check, *spec: Any) -> Check:
    """
    Declare what *check* accepts, for the compiled fast path; return *check*.

    *spec* is one of ``("text",)``, ``("re", pattern)``, ``("is", cls)``,
    ``("int", minimum)``, ``("optional", check)``, ``("tuple", check, unique)``,
    ``("all", checks)`` or ``("moment", classes, datetime_class, zone_classes)``.
    The compiled test must accept a value only if *check* finds no problem with
    it (it may refuse more: refused values are then given to *check* itself).
    """
    _SPECS[check] = spec
    return check


def short_repr(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to *limit* characters, for messages about hostile input."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a broken __repr__ must not hide the problem
        text = f"<{type(value).__name__} object>"
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


def type_name(value: object) -> str:
    """The name of *value*'s type, for messages."""
    return type(value).__name__


# --- converters: convert what they can, pass the rest through ---------------


def as_text(value: str) -> str:
    """NFC-normalise a string; leave anything else for the check to report."""
    if value.__class__ is str and value.isascii():  # fast path: ASCII is NFC
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def as_optional_text(value: str | None) -> str | None:
    """Like :func:`as_text`, keeping ``None``."""
    return None if value is None else as_text(value)


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """
    Turn a list (a tuple, set, deque, dict view, generator ...) into a tuple.

    Only collections of items are converted: a sequence, a set, a mapping view
    or an iterator.  A string, bytes, a mapping, a ``range``, a file or any other
    object is passed through so that the check reports it: ``aliases="Kyiv"``
    must not become ``('K', 'y', 'i', 'v')``, nor a dict its keys.
    """
    if isinstance(value, tuple):
        return value
    if isinstance(value, _NOT_LISTS) or not isinstance(value, _LISTS):
        return value  # type: ignore[return-value]
    try:
        return tuple(value)
    except Exception:  # noqa: BLE001 - a broken iterable is reported by the check
        return value  # type: ignore[return-value]


def as_text_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """:func:`as_tuple`, NFC-normalising the strings inside."""
    items = as_tuple(value)
    if items.__class__ is tuple:
        for item in items:
            if item.__class__ is not str or not item.isascii():
                break
        else:  # fast path: ASCII strings only, already NFC
            return items
    if isinstance(items, tuple):
        return tuple(as_text(item) for item in items)
    return items


# --- checks: return problems, never raise ------------------------------------


def check_text(value: object) -> Problems:
    """Non-empty text after stripping."""
    if not isinstance(value, str):
        return [("", f"must be text (str), got {type_name(value)} {short_repr(value)}")]
    if not value.strip():
        return [("", f"must be non-empty text, got {short_repr(value)}")]
    if _SURROGATE.search(value):
        return [
            (
                "",
                f"must be valid Unicode text (no lone surrogates), got {short_repr(value)}",
            )
        ]
    return []


def check_slug(value: object) -> Problems:
    """A lower-case identifier slug as DESIGN.md defines it."""
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        return [("", f"must be {SLUG_RULE}, got {short_repr(value)}")]
    return []


def check_country(value: object) -> Problems:
    """An ISO 3166-1 alpha-2 shape: two upper-case ASCII letters."""
    if not isinstance(value, str) or not _COUNTRY.fullmatch(value):
        return [
            (
                "",
                "must be an ISO 3166-1 alpha-2 code (two upper-case letters such "
                f"as 'UA'), got {short_repr(value)}",
            )
        ]
    return []


def check_wikidata(value: object) -> Problems:
    """A Wikidata item id such as ``Q212``."""
    if not isinstance(value, str) or not _WIKIDATA.fullmatch(value):
        return [
            ("", f"must be a Wikidata item id such as 'Q212', got {short_repr(value)}")
        ]
    return []


def check_url(value: object) -> Problems:
    """An absolute http(s) URL without spaces."""
    if not isinstance(value, str) or not _URL.fullmatch(value):
        return [("", f"must be an absolute http(s) URL, got {short_repr(value)}")]
    return []


def check_instance(cls: type[Any] | tuple[type[Any], ...], label: str) -> Check:
    """A check that the value is an instance of *cls*, described as *label*."""

    def check(value: object) -> Problems:
        if isinstance(value, cls) and not isinstance(value, bool):
            return []
        return [("", f"must be {label}, got {type_name(value)} {short_repr(value)}")]

    if isinstance(cls, type) and not issubclass(cls, bool):
        fast_spec(check, "is", cls)
    return check


def check_enum(cls: type[enum.Enum]) -> Check:
    """A member of the enum *cls* (its values are listed in the message)."""
    choices = ", ".join(repr(member.value) for member in cls)

    def check(value: object) -> Problems:
        if isinstance(value, cls):
            return []
        return [
            (
                "",
                f"{short_repr(value)} is not a valid {cls.__name__} (choose from {choices})",
            )
        ]

    return fast_spec(check, "is", cls)


def check_int(minimum: int | None = None) -> Check:
    """An int (not a bool), at least *minimum*."""

    def check(value: object) -> Problems:
        if not isinstance(value, int) or isinstance(value, bool):
            return [
                ("", f"must be an integer, got {type_name(value)} {short_repr(value)}")
            ]
        if minimum is not None and value < minimum:
            return [("", f"must be at least {minimum}, got {value}")]
        return []

    return fast_spec(check, "int", minimum)


def check_bool(value: object) -> Problems:
    """A real bool."""
    if not isinstance(value, bool):
        return [("", f"must be True or False, got {short_repr(value)}")]
    return []


fast_spec(check_text, "text")
fast_spec(check_slug, "re", _SLUG)
fast_spec(check_country, "re", _COUNTRY)
fast_spec(check_wikidata, "re", _WIKIDATA)
fast_spec(check_url, "re", _URL)
fast_spec(check_bool, "is", bool)


def optional(check: Check) -> Check:
    """Accept ``None``, otherwise apply *check*."""

    def checked(value: object) -> Problems:
        return [] if value is None else check(value)

    return fast_spec(checked, "optional", check)


def check_tuple(item_check: Check, *, unique: str | None = None) -> Check:
    """
    A tuple whose items all pass *item_check*.

    With *unique* (a noun such as ``"party"``) an item that repeats an earlier one
    is reported too.
    """

    def check(value: object) -> Problems:
        if not isinstance(value, tuple):
            return [
                (
                    "",
                    f"must be a list of values, got {type_name(value)} {short_repr(value)}",
                )
            ]
        problems: Problems = []
        seen: set[object] = set()
        for index, item in enumerate(value):
            for path, message in item_check(item):
                problems.append((join_path(f"[{index}]", path), message))
            if unique is not None:
                try:
                    duplicate = item in seen
                    seen.add(item)
                except TypeError:
                    continue
                if duplicate:
                    problems.append(
                        (f"[{index}]", f"{unique} {short_repr(item)} appears twice")
                    )
        return problems

    return fast_spec(check, "tuple", item_check, unique)


SOURCE_REFS = check_tuple(check_slug, unique="source")
"""The check of every record's ``sources`` field: distinct source ids."""


def all_of(*checks: Check) -> Check:
    """Run *checks* in order, stopping at the first that finds a problem."""

    def check(value: object) -> Problems:
        for one in checks:
            problems = one(value)
            if problems:
                return problems
        return []

    return fast_spec(check, "all", checks)


# --- fields and the record base -----------------------------------------------


def checked(check: Check) -> dict[str, Check]:
    """
    ``attrs.field`` metadata that attaches *check* for :class:`Record` to run.

    Used as ``attrs.field(converter=as_text, metadata=checked(check_text))``.
    """
    return {_CHECK_KEY: check}


def _field_problems(instance: object) -> Iterator[tuple[str, str]]:
    for attribute in attrs.fields(type(instance)):  # type: ignore[arg-type]
        check = attribute.metadata.get(_CHECK_KEY)
        if check is None:
            continue
        value = getattr(instance, attribute.name)
        for path, message in check(value):
            yield join_path(attribute.name, path), message


# --- the fast path: one compiled test of every field per record class ---------
#
# Constructing a record runs every field's check.  Called one by one, through
# the ``optional``/``check_tuple`` wrappers, the checks cost more than building
# the record.  So each record class gets, on its first instance, one generated
# function that tests every field in straight-line code (from the checks'
# specs, see :func:`fast_spec`) and only answers "all valid" or "look closer".
# When it says "look closer", the checks themselves run, as before, and make the
# messages: what is accepted and what is reported does not change.


class _Matched(set[str]):
    """
    The strings a pattern has matched, up to a bound (then it starts afresh).

    ``add`` answers whether the string matches, and remembers it if it does:
    identifiers are tested many times (once where defined, again in every
    reference), and a set lookup is several times faster than a match.
    """

    _LIMIT: ClassVar[int] = 16384

    def __init__(self, pattern: re.Pattern[str]) -> None:
        super().__init__()
        self._fullmatch = pattern.fullmatch

    def add(self, text: str) -> bool:  # type: ignore[override]
        if self._fullmatch(text) is None:
            return False
        if len(self) >= self._LIMIT:
            self.clear()
        super().add(text)
        return True


_MATCHED: dict[re.Pattern[str], _Matched] = {}

#: Whether compiled checks remember matched strings, and whether fields are
#: tested by compiled checks at all (turned off only by ``benchmarks/ablation.py``,
#: to measure what each buys).
_REMEMBER_MATCHES = True
_COMPILED_CHECKS = True


def _matched(pattern: re.Pattern[str]) -> _Matched:
    """The shared :class:`_Matched` set of *pattern*."""
    return _MATCHED.setdefault(pattern, _Matched(pattern))


class _FastCode:
    """
    Builds the source of one compiled test, and the names it uses.

    The test runs *fail* (``return False`` by default) for any value it cannot
    vouch for; its names start with *prefix*, so that other generated code can
    share a namespace with them.
    """

    def __init__(self, prefix: str = "_n", fail: str = "return False") -> None:
        self.names: dict[str, object] = {}
        self.prefix = prefix
        self.fail = fail

    def name(self, obj: object) -> str:
        key = f"{self.prefix}{len(self.names)}"
        self.names[key] = obj
        return key

    def field(self, attribute: attrs.Attribute[Any], v: str, pad: str) -> list[str]:
        """The test of the field *attribute*'s value in *v* (none if unchecked)."""
        check = attribute.metadata.get(_CHECK_KEY)
        return [] if check is None else self.lines(check, v, pad)

    def lines(self, check: Check, v: str, pad: str, depth: int = 0) -> list[str]:
        """
        Statements that run the failing statement unless *check* surely finds
        nothing wrong with the value in the variable *v*.
        """
        spec = _SPECS.get(check, ("call",))
        kind = spec[0]
        fail = f"{pad}    {self.fail}"
        if kind == "text":
            surrogate = self.name(_SURROGATE.search)
            return [
                f"{pad}if {v}.__class__ is not str or not {v}.strip()"
                f" or (not {v}.isascii() and {surrogate}({v})):",
                fail,
            ]
        if kind == "re" and not _REMEMBER_MATCHES:
            match = self.name(spec[1].fullmatch)
            return [f"{pad}if {v}.__class__ is not str or {match}({v}) is None:", fail]
        if kind == "re":  # ids recur as references: remember the valid ones
            valid = self.name(_matched(spec[1]))
            return [
                f"{pad}if {v}.__class__ is not str or ({v} not in {valid} and not {valid}.add({v})):",
                fail,
            ]
        if kind == "is":
            return [f"{pad}if {v}.__class__ is not {self.name(spec[1])}:", fail]
        if kind == "int" and spec[1] is not None:
            return [
                f"{pad}if {v}.__class__ is not int or {v} < {int(spec[1])!r}:",
                fail,
            ]
        if kind == "int":
            return [f"{pad}if {v}.__class__ is not int:", fail]
        if kind == "moment":  # ("moment", always valid classes, datetime class, zones)
            valid, datetime, zones = (self.name(part) for part in spec[1:])
            return [
                f"{pad}if {v}.__class__ not in {valid} and ("
                f"{v}.__class__ is not {datetime} or {v}.tzinfo.__class__ not in {zones}):",
                fail,
            ]
        if kind == "optional":
            inner = self.lines(spec[1], v, pad + "    ", depth)
            return [f"{pad}if {v} is not None:", *inner]
        if kind == "all":
            return [line for one in spec[1] for line in self.lines(one, v, pad, depth)]
        if kind == "tuple":
            item = f"_x{depth}"
            found = [
                f"{pad}if {v}.__class__ is not tuple:",
                fail,
                f"{pad}for {item} in {v}:",
                *self.lines(spec[1], item, pad + "    ", depth + 1),
                f"{pad}    pass",
            ]
            if spec[2] is not None:
                found += [f"{pad}if len({v}) > 1 and len(set({v})) != len({v}):", fail]
            return found
        return [f"{pad}if {self.name(check)}({v}):", fail]


def _compile_fast_check(cls: type) -> Callable[[Any], bool]:
    """The compiled test of every checked field of the record class *cls*."""
    code = _FastCode()
    lines = ["def fields_ok(self):"]
    for attribute in attrs.fields(cls):
        check = attribute.metadata.get(_CHECK_KEY)
        if check is not None:
            lines.append(f"    v = self.{attribute.name}")
            lines.extend(code.lines(check, "v", "    "))
    lines.append("    return True")
    fields_ok: Callable[[Any], bool] = compile_function(
        lines, f"<fast checks of {cls.__qualname__}>", dict(code.names)
    )
    _FAST[cls] = fields_ok
    return fields_ok


def compile_function(lines: list[str], filename: str, names: dict[str, Any]) -> Any:
    """
    The function that *lines* (its ``def`` and body) define, with *names* as its
    globals; its source is kept under *filename* for tracebacks and debuggers.
    """
    source = "\n".join(lines) + "\n"
    exec(compile(source, filename, "exec"), names)  # noqa: S102 - code built by the library
    linecache.cache[filename] = (
        len(source),
        None,
        source.splitlines(keepends=True),
        filename,
    )
    return names[lines[0].removeprefix("def ").partition("(")[0]]


_FAST: dict[type, Callable[[Any], bool]] = {}
_VALIDATORS: dict[type, Callable[[Any], None]] = {}


def _no_fast_check(record: object) -> bool:
    """Vouch for nothing: every field's check runs (see ``_COMPILED_CHECKS``)."""
    return False


def record_validator(cls: type) -> Callable[[Any], None]:
    """
    The function that validates a new instance of the record class *cls*.

    It raises one :class:`ValidationError` with every field's problems, or, when
    the fields are valid, with the problems across fields (``_problems``).  The
    compiled field test runs first; the checks themselves run only when it does
    not vouch for every field.  Built once a class.
    """
    known = _VALIDATORS.get(cls)
    if known is not None:
        return known
    fields_ok = (
        (_FAST.get(cls) or _compile_fast_check(cls))
        if _COMPILED_CHECKS
        else _no_fast_check
    )
    cross = cross_field_validator(cls)

    def validate(self: Any) -> None:
        try:
            valid = fields_ok(self)
        except Exception:  # noqa: BLE001 - the checks themselves will say what
            valid = False
        if not valid:
            problems = list(_field_problems(self))
            if problems:
                raise ValidationError(problems)
        if cross is not None:
            cross(self)

    _VALIDATORS[cls] = validate
    return validate


def cross_field_validator(cls: type) -> Callable[[Any], None] | None:
    """
    The check across fields of the record class *cls* (its ``_problems``), as a
    function that raises the :class:`ValidationError`, or ``None`` if it has none.

    For generated code that tests every field itself (see :class:`_FastCode`).
    """
    if cls._problems is Record._problems:  # type: ignore[attr-defined]
        return None
    cross = cls._problems  # type: ignore[attr-defined]

    def validate(self: Any) -> None:
        problems = list(cross(self))
        if problems:
            raise ValidationError(problems)

    return validate


class Record:
    """
    Mixin for the frozen attrs records: validate every field, then the whole.

    Subclasses may override :meth:`_problems` for checks across fields; it runs
    only when every field passed its own check, so it may rely on types.
    """

    __slots__ = ()

    _kind: ClassVar[str] = "record"

    def __attrs_post_init__(self) -> None:
        cls = self.__class__
        (_VALIDATORS.get(cls) or record_validator(cls))(self)

    def _problems(self) -> Iterable[tuple[str, str]]:
        """Cross-field problems; the default finds none."""
        return ()


def to_enum(cls: type[E], value: E | str) -> E:
    """Return *value* as a member of *cls* if it is one or names one by value."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        try:
            return cls(value)
        except ValueError:
            pass
    return value  # type: ignore[return-value]  # reported by check_enum


PARTY_REFS = check_tuple(check_slug, unique="party")
"""The check of a list of party ids: slugs, none twice."""
