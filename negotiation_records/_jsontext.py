"""
Reading JSON text strictly (private): the standard library's parser, with
duplicate keys, ``NaN``, byte order marks and bad UTF-8 refused.
"""

from __future__ import annotations

import codecs
import json
import json.scanner
import math
import re
from typing import Any, Final

from negotiation_records._values import plural, short_repr, show_json
from negotiation_records.errors import ValidationError


__all__ = [
    "DUPLICATE_KEY",
    "JSON_LINES_HINT",
    "ONE_DOCUMENT_HINT",
    "DuplicateKeys",
    "check_object",
    "duplicate_key_message",
    "is_blank",
    "parse_json",
    "repeated_keys",
]

# How a repeated key is refused: this, then the key as short_repr shows it.
DUPLICATE_KEY: Final = "duplicate key "


def duplicate_key_message(key: str) -> str:
    """The problem of *key* given twice in one JSON object."""
    return f"{DUPLICATE_KEY}{short_repr(key)} in one JSON object"


class DuplicateKeys(dict[str, Any]):
    """A parsed JSON object in which a key appeared twice (refused where loaded)."""

    __slots__ = ("duplicates",)

    duplicates: list[str]

    def describe_json(self) -> str:
        """The object in messages (``show_json``): its size and repeated keys."""
        repeated = ", ".join(short_repr(key) for key in self.duplicates)
        return f"an object with {plural(len(self), 'key')} ({repeated} repeated)"


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked = DuplicateKeys(result)
    seen: set[str] = set()
    marked.duplicates = []
    for key, _ in pairs:
        if key in seen and key not in marked.duplicates:
            marked.duplicates.append(key)
        seen.add(key)
    return marked


def repeated_keys(value: Any, name: str) -> list[tuple[str, str]]:
    """
    The problems of *value*'s repeated keys (none for most objects); raise
    unless *value* is a JSON object.  *name* is what the object stands for.
    """
    if value.__class__ is dict:
        return []
    if isinstance(value, DuplicateKeys):
        return [("", duplicate_key_message(key)) for key in value.duplicates]
    if not isinstance(value, dict):
        raise ValidationError(
            [("", f"must be an object ({name}), got {show_json(value)}")]
        )
    return []


def check_object(value: Any, name: str) -> None:
    """Raise unless *value* is a JSON object without repeated keys."""
    repeated = repeated_keys(value, name)
    if repeated:
        raise ValidationError(repeated)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(literal: str) -> float:
    # A number beyond a double's range (1e400) would be read as an infinity,
    # which JSON has not: it is refused where it is, as NaN is (orjson refuses
    # it too), rather than reported later as a value that is not in the text.
    # One too close to zero for a double (1e-400) would be read as 0: refused
    # alike, as a value the text does not hold.  (A JSON number's digits
    # before its exponent are all 0 exactly when it is zero.)
    number = float(literal)
    if not math.isfinite(number):
        raise ValueError(f"the number {literal} is beyond the range of a double")
    if not number and literal.lower().partition("e")[0].strip("-0."):
        raise ValueError(
            f"the number {literal} is too close to zero for a double (it would "
            "read as 0)"
        )
    return number


_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_object_pairs,
    parse_constant=_reject_constant,
    parse_float=_finite_float,
)


def is_blank(text: str | bytes) -> bool:
    """
    Whether *text* holds only JSON's white space (RFC 8259: space, tab, CR,
    LF), the same in text and in bytes; other spaces (a no-break space, a form
    feed, a vertical tab) make a line that is not JSON.

    The one rule for a blank JSON Lines line, wherever lines are counted
    (:func:`~negotiation_records.serialization.read_jsonl` and the command line).

    Example:
        >>> is_blank(b" \\t\\r\\n"), is_blank("\\x0c\\n"), is_blank(b"\\x0b")
        (True, False, False)
    """
    if isinstance(text, bytes):
        return not text.strip(b" \t\r\n")
    return not text.strip(" \t\r\n")


def _fail(message: str) -> ValidationError:
    return ValidationError([("$", message)])


def _cut(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def decode_utf8(data: bytes | bytearray | memoryview) -> str:
    """*data* as text, or a :class:`ValidationError` saying where it is not UTF-8."""
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(
            f"not UTF-8 text: {exc.reason} at byte offset {exc.start} "
            f"({bytes(exc.object[exc.start : exc.start + 4])!r})"
            + _wide_encoding(bytes(data[:4]))
        ) from None


def _wide_encoding(head: bytes) -> str:
    """
    What the byte order mark *head* starts with says the text is, if one of
    UTF-16 or UTF-32 (what Windows editors and PowerShell may save): a note.
    """
    for encoding, marks in _WIDE_MARKS:
        if head.startswith(marks):
            return (
                f" (the text is {encoding}: it starts with that encoding's byte "
                "order mark; save it as UTF-8)"
            )
    return ""


#: The byte order marks of the wide encodings, UTF-32's first (UTF-32 LE's
#: starts with UTF-16 LE's).
_WIDE_MARKS: Final = (
    ("UTF-32", (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)),
    ("UTF-16", (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)),
)


def parse_json(text: str | bytes | bytearray | memoryview) -> Any:
    """The JSON value of *text*, or a :class:`ValidationError` saying why not."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        text = decode_utf8(text)
    elif not isinstance(text, str):
        opened = ": give what it holds, file.read()" if hasattr(text, "read") else ""
        raise _fail(
            f"must be JSON text (str or bytes), got {type(text).__name__}{opened}"
        )
    if text.startswith("\ufeff"):
        raise _fail("invalid JSON: the text starts with a byte order mark (U+FEFF)")
    if is_blank(text):
        raise _fail("invalid JSON: no value (the text is empty or only white space)")
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        # Some of json's messages end in "at" ("Invalid control character at").
        reason = exc.msg.removesuffix(" at")
        raise _fail(
            f"invalid JSON: {reason} at {_where(text, exc.lineno, exc.colno)}"
            + (_FILE_NAME_HINT if exc.pos == 0 and _file_name(text) else "")
            + (_WIDE_HINT if "\x00" in text[:2] else "")
            + (JSON_LINES_HINT if exc.msg == "Extra data" and exc.colno == 1 else "")
        ) from None
    except RecursionError:
        raise _fail("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # NaN, Infinity, 1e400 or an integer int() refuses
        message = str(exc)
        if "digits" in message:
            message = "a number has too many digits (more than 4300)"
        position = _refused_number(text)
        where = "" if position < 0 else f" at {_where_index(text, position)}"
        raise _fail(f"invalid JSON: {_cut(message)}{where}") from None


_FILE_NAME_HINT: Final = (
    " (the text is a file's name, not JSON: give what the file holds, such as "
    "pathlib.Path(name).read_bytes())"
)


#: A second value at the start of a line: JSON Lines read as one document.
JSON_LINES_HINT: Final = " (a value a line is JSON Lines: read it with read_jsonl)"

#: A first line of JSON Lines that only opens a value (``{``, ``[``): one
#: document written over several lines, read as JSON Lines.
ONE_DOCUMENT_HINT: Final = (
    " (the line only opens a value: the text looks like one JSON document "
    "written over several lines, not JSON Lines; read it with from_json)"
)

#: A NUL among the first characters: UTF-16 (or UTF-32) without a byte
#: order mark, each ASCII character followed or preceded by NULs.
_WIDE_HINT: Final = (
    " (the text holds NUL characters between its first ones: UTF-16 or UTF-32 "
    "without a byte order mark? save it as UTF-8)"
)


def _file_name(text: str) -> bool:
    """Whether *text* reads as the name of a JSON file rather than JSON."""
    name = text.strip()
    return (
        0 < len(name) <= 4096
        and "\n" not in name
        and name.lower().endswith((".json", ".jsonl", ".ndjson", ".geojson"))
    )


def _where(text: str, line: int, column: int) -> str:
    """Where in *text* a problem is, as the decoder says it: one line, the column."""
    if line == 1 and "\n" not in text.rstrip("\r\n"):
        return f"column {column}"  # one line: the column says it all
    return f"line {line} column {column}"


def _where_index(text: str, position: int) -> str:
    """:func:`_where` the character at *position* is, counted as the decoder counts."""
    line = text.count("\n", 0, position) + 1
    return _where(text, line, position - text.rfind("\n", 0, position))


# A string, or a run of what is neither white space, structure nor a string:
# a literal.  Before the problem the decoder stopped at, the text is JSON.
_LITERAL: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[^\s{}\[\]:,"]+')
_CONSTANTS: Final = ("NaN", "Infinity", "-Infinity")


def _refused_number(text: str) -> int:
    """
    Where the decoder refused a number (-1 if it cannot be found): the first
    literal :func:`_is_refused` refuses, outside strings.  The text before it
    is JSON (the decoder reads in order and stopped there), so the first is it.
    """
    found = (m.start() for m in _LITERAL.finditer(text) if _is_refused(m.group()))
    return next(found, -1)


def _is_refused(literal: str) -> bool:
    """
    Whether the decoder refuses *literal*: ``NaN``, ``Infinity``,
    ``-Infinity``, a number beyond a double's range (``1e400``), or an integer
    that ``int()`` refuses (too many digits).
    """
    if literal.startswith(_CONSTANTS):
        return True
    number = json.scanner.NUMBER_RE.match(literal)
    if number is None:
        return False  # true, false or null
    if number.group(2, 3) != (None, None):  # a fraction or an exponent: a float
        try:
            _finite_float(number.group())
        except ValueError:
            return True
        return False
    try:
        int(number.group(1))
    except ValueError:
        return True
    return False
