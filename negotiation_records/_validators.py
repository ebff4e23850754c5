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
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, TypeVar

import attrs

from negotiation_records.errors import ValidationError, join_path


Problems = list[tuple[str, str]]
Check = Callable[[Any], Problems]
E = TypeVar("E", bound=enum.Enum)

_CHECK_KEY = "negotiation_records.check"

SLUG_PATTERN = r"[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?"
_SLUG = re.compile(SLUG_PATTERN)
_COUNTRY = re.compile(r"[A-Z]{2}")
_WIKIDATA = re.compile(r"Q[1-9][0-9]{0,11}")

SLUG_RULE = (
    "a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, at most 64 characters)"
)


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
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def as_optional_text(value: str | None) -> str | None:
    """Like :func:`as_text`, keeping ``None``."""
    return None if value is None else as_text(value)


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """
    Turn a list (or any non-string iterable) into a tuple.

    A string, bytes or a mapping is passed through so that the check reports it:
    ``aliases="Kyiv"`` must not become ``('K', 'y', 'i', 'v')``.
    """
    if isinstance(value, tuple):
        return value
    if isinstance(value, (str, bytes, bytearray, dict)) or not isinstance(
        value, Iterable
    ):
        return value  # type: ignore[return-value]
    try:
        return tuple(value)
    except Exception:  # noqa: BLE001 - a broken iterable is reported by the check
        return value  # type: ignore[return-value]


def as_text_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """:func:`as_tuple`, NFC-normalising the strings inside."""
    items = as_tuple(value)
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
    if not isinstance(value, str) or not re.fullmatch(r"https?://[^\s/]+\S*", value):
        return [("", f"must be an absolute http(s) URL, got {short_repr(value)}")]
    return []


def check_instance(cls: type[Any] | tuple[type[Any], ...], label: str) -> Check:
    """A check that the value is an instance of *cls*, described as *label*."""

    def check(value: object) -> Problems:
        if isinstance(value, cls) and not isinstance(value, bool):
            return []
        return [("", f"must be {label}, got {type_name(value)} {short_repr(value)}")]

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

    return check


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

    return check


def check_bool(value: object) -> Problems:
    """A real bool."""
    if not isinstance(value, bool):
        return [("", f"must be True or False, got {short_repr(value)}")]
    return []


def optional(check: Check) -> Check:
    """Accept ``None``, otherwise apply *check*."""

    def checked(value: object) -> Problems:
        return [] if value is None else check(value)

    return checked


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

    return check


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

    return check


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


class Record:
    """
    Mixin for the frozen attrs records: validate every field, then the whole.

    Subclasses may override :meth:`_problems` for checks across fields; it runs
    only when every field passed its own check, so it may rely on types.
    """

    __slots__ = ()

    _kind: ClassVar[str] = "record"

    def __attrs_post_init__(self) -> None:
        problems = list(_field_problems(self))
        if not problems:
            problems.extend(self._problems())
        if problems:
            raise ValidationError(problems)

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
