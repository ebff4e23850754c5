"""
Describing values in messages (private): short, safe, never walking the value.
"""

from __future__ import annotations

from collections.abc import Sized
from typing import Final


__all__ = [
    "described",
    "has_lone_surrogate",
    "no_order",
    "non_ascii_note",
    "plural",
    "raised_text",
    "short_repr",
    "show_json",
    "type_name",
    "with_article",
]


def short_repr(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to *limit* characters, for messages about hostile input."""
    try:
        text = repr(value)
    except Exception as exc:  # noqa: BLE001 - a broken __repr__ must not hide the problem
        if isinstance(value, int) and isinstance(exc, ValueError):
            # Python writes no integer of more digits (sys.int_info)
            text = f"<{type(value).__name__} of more than 4300 digits>"
        else:
            text = f"<{type(value).__name__} object>"
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


def has_lone_surrogate(text: str) -> bool:
    """Whether *text* holds a lone surrogate (U+D800 to U+DFFF), which UTF-8 cannot."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def raised_text(exc: BaseException, limit: int = 200) -> str:
    """
    ``"ValueError: db connection lost"``: what an exception raised by the
    user's own code says, cut to *limit* characters, for a message that
    reports it (a broken ``__str__`` gives the class name alone).
    """
    try:
        said = str(exc)
    except Exception:  # noqa: BLE001 - a broken __str__ must not hide the problem
        said = ""
    if len(said) > limit:
        said = said[: limit - 3] + "..."
    name = type(exc).__name__
    return f"{name}: {said}" if said else name


def type_name(value: object) -> str:
    """The name of *value*'s type, for messages."""
    return type(value).__name__


def described(value: object) -> str:
    """
    *value* as a message shows what was given: its type and a short repr
    (``str 'x'``, ``int 5``), or ``None``.

    Example:
        >>> from negotiation_records._values import described
        >>> described("x"), described(None)
        ("str 'x'", 'None')
    """
    return "None" if value is None else f"{type_name(value)} {short_repr(value)}"


def plural(count: int, noun: str) -> str:
    """``"1 item"``, ``"2 items"``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def with_article(word: str) -> str:
    """``"a Deadline"``, ``"an expired"``: *word* after "a", or "an" before a vowel."""
    return f"an {word}" if word[:1] in "AEIOUaeiou" else f"a {word}"


_JSON_CLASSES: Final = (str, int, float, list, dict)


def show_json(value: object) -> str:
    """Describe a loaded JSON value in JSON's words, briefly and without walking it."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    cls = value.__class__
    described = getattr(cls, "describe_json", None)
    if described is not None:  # a parsed value that says more (a repeated key)
        return str(described(value))
    if cls not in _JSON_CLASSES and isinstance(value, tuple(_JSON_CLASSES)):
        base = next(c for c in _JSON_CLASSES if isinstance(value, c)).__name__
        return (
            f"{type_name(value)} {short_repr(value)}, a subclass of {base} "
            "(loading takes plain JSON data, not subclasses)"
        )
    if isinstance(value, (int, float)):
        return f"number {short_repr(value)}"
    if isinstance(value, str):
        return f"string {short_repr(value)}"
    if isinstance(value, list):
        return f"an array of {plural(len(value), 'item')}"
    if isinstance(value, dict):
        return f"an object with {plural(len(value), 'key')}"
    return f"{type(value).__name__} {short_repr(value)}"


def no_order(value: Sized, keeper: str) -> str:
    """
    The problem of a set (or a mapping's keys) *value* given where *keeper*
    (``"the field"``, ``"the output"``) keeps the order it is given: a set's
    order is its hashes', which change from one process to the next.
    """
    return (
        f"must be a list or a tuple, got {with_article(type_name(value))} of "
        f"{plural(len(value), 'item')}: a set has no order (it changes from one "
        f"process to the next), and {keeper} keeps the order it is given; give "
        "a list or a tuple (sorted(...) if any order will do)"
    )


def non_ascii_note(value: object) -> str:
    """
    For text refused by an ASCII-only rule, the first character that is not
    ASCII, named (``; 'а' at index 3 is U+0430 CYRILLIC SMALL LETTER A, not
    ASCII``): a look-alike of a Latin letter shows as that letter in the
    value quoted.  Nothing for ASCII text or for anything else.
    """
    if not isinstance(value, str) or value.isascii():
        return ""
    import unicodedata  # noqa: PLC0415 - only for a refusal

    index, character = next((i, c) for i, c in enumerate(value) if not c.isascii())
    name = unicodedata.name(character, "")
    named = f"U+{ord(character):04X}" + (f" {name}" if name else "")
    return f"; {character!r} at index {index} is {named}, not ASCII"
