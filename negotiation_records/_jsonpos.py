"""
Where each value of a JSON document starts: the line of a problem's path.

The command line reports a problem as ``FILE:LINE: PATH: MESSAGE``.  In a
pretty-printed file the value at ``parties[1].kind`` is on its own line.
:func:`problem_lines` places a list of problems: a problem with the whole
document (``$``) at the line where the document starts, without a scan; any
other through :func:`value_lines`, which scans the text once and records each
value's line and its place in the tree (its parent and its key or index), never
its path, so that the work grows with the size of the text, however deeply it
nests.  :meth:`Positions.line_of` then walks the one path asked for, in the
notation of :class:`~negotiation_records.ValidationError` paths.
"""

from __future__ import annotations

import collections
import json
import re
from collections.abc import Iterator, Sequence

import attrs

from negotiation_records._jsontext import DUPLICATE_KEY, duplicate_key_message
from negotiation_records._values import short_repr


__all__ = ["Positions", "document_line", "problem_lines", "value_lines"]

# One token a match: a string, a structural character, a newline, a run of other
# blanks, or a bare literal (number, true, false, null).  Strings hold no raw
# newline in JSON, so lines are counted by the newline tokens alone.
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\]:,]|\n|[ \t\r]+|[^\s{}\[\]:,"]+')
# One step of a path: an index, or a key (after a dot, but for the first step).
_STEP = re.compile(r"\[(\d+)\]|(?:^|\.)([^.\[]+)")
# How the loader words an unknown key: this, then the key as short_repr shows it
# (escaped, cut to 80 characters), so the key is found by showing the object's
# keys the same way, never by reading it back out of the message.
_UNKNOWN_KEY = "unknown key "


@attrs.define
class _Frame:
    """An object or an array being read: its value's number and where it is."""

    is_object: bool
    value: int
    key: str = ""
    index: int = 0
    expect_key: bool = True

    def step(self) -> str | int:
        """The key or the index of the value read now in this object or array."""
        return self.key if self.is_object else self.index


@attrs.frozen
class Positions:
    """
    The lines at which the values (and the keys) of one document start.

    The values are numbered in the order they start, from 0 for the whole
    document.

    Attributes:
        lines: The line of each value, by its number.
        children: The number of each value inside an object or an array, by
            the number of that object or array and the value's key or index.
        keys: The line of each key, by the number of its object and then the
            key, in the order the keys first appear.
        again: The line where a key first comes again in its object, by the
            number of the object and the key.
    """

    lines: list[int]
    children: dict[tuple[int, str | int], int]
    keys: dict[int, dict[str, int]]
    again: dict[tuple[int, str], int] = attrs.field(factory=dict)
    _shown: dict[int, dict[str, list[int]]] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )

    def line_of(self, path: str, message: str = "", repeat: int = 0) -> int:
        """
        The line of the value at *path*, or of the nearest enclosing value found.

        An unknown key (``message`` says ``unknown key 'titel'``, the key as
        ``short_repr`` shows it: escaped, cut to 80 characters) is placed at
        the key itself, the first key of the object shown so.  Keys shown
        alike (long keys cut to the same text) give the same message once
        each: the one that came *repeat* times before at *path* (0 for the
        first) is placed at the next key shown so, in the order of the text.
        A repeated key (``duplicate key 'id' in one JSON object``) is placed
        where it first comes again (keys shown alike: as unknown keys are).
        A missing field is placed at the object that lacks it.
        """
        value, whole = self._find(path)
        if whole and message.startswith(_UNKNOWN_KEY):
            found = self._key_lines(value).get(message[len(_UNKNOWN_KEY) :])
            if found:
                return found[min(repeat, len(found) - 1)]
        if whole and message.startswith(DUPLICATE_KEY):
            lines = sorted(
                line
                for (where, key), line in self.again.items()
                if where == value and message.startswith(duplicate_key_message(key))
            )
            if lines:
                return lines[min(repeat, len(lines) - 1)]
        return self.lines[value] if self.lines else 1

    def _key_lines(self, value: int) -> dict[str, list[int]]:
        """
        The lines of the keys of the object *value*, by the keys as messages
        show them; made once an object, so that the work for its unknown keys
        grows with the number of its keys.
        """
        shown = self._shown.get(value)
        if shown is None:
            shown = collections.defaultdict(list)
            for key, line in self.keys.get(value, {}).items():
                shown[short_repr(key)].append(line)
            self._shown[value] = shown
        return shown

    def _find(self, path: str) -> tuple[int, bool]:
        """The value at *path*, or the nearest enclosing one; and whether it is at *path*."""
        value = 0
        for step in _steps(path):
            child = self.children.get((value, step))
            if child is None:
                return value, False
            value = child
        return value, True


def _steps(path: str) -> Iterator[str | int]:
    """
    The keys and indexes of *path* from the top (none for ``$``).

    A key in a problem's path is a field name (no dot, no bracket in it).
    Stops at what is not a step, so that the value found is an enclosing one.
    """
    if path == "$":
        return
    position = 0
    while position < len(path):
        step = _STEP.match(path, position)
        if step is None:
            return
        index, key = step.groups()
        yield key if index is None else int(index)
        position = step.end()


def value_lines(text: str) -> Positions:
    """
    Scan a JSON document and record the line where each value starts.

    The text should be valid JSON (the scan does not check it); whatever it
    cannot place is simply not recorded, and :meth:`Positions.line_of` falls
    back to an enclosing value.  The work and the memory grow with the length
    of the text, not with the depth of its values.

    Example:
        >>> positions = value_lines('{\\n  "parties": [\\n    {"kind": "stat"},\\n'
        ...                         '    {\\n      "kind": "stat"\\n    }\\n  ]\\n}')
        >>> positions.line_of("parties[1].kind"), positions.line_of("parties[0].kind")
        (5, 3)
    """
    positions = Positions([], {}, {})
    stack: list[_Frame] = []
    line = 1
    for match in _TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == "\n":
            line += 1
        elif first in " \t\r:":
            continue
        elif first == ",":
            if stack:
                _next_item(stack[-1])
        elif first in "}]":
            if stack:
                stack.pop()
        elif stack and stack[-1].is_object and stack[-1].expect_key:
            _read_key(stack[-1], token, line, positions)
        else:
            value = _add_value(stack, line, positions)
            if first in "{[":
                stack.append(_Frame(is_object=first == "{", value=value))
    return positions


def _next_item(frame: _Frame) -> None:
    """After a comma: a key comes next in an object, the next index in an array."""
    if frame.is_object:
        frame.expect_key = True
    else:
        frame.index += 1


def _read_key(frame: _Frame, token: str, line: int, positions: Positions) -> None:
    """Take *token* as the key of the next value of the object read."""
    try:
        frame.key = json.loads(token)
    except ValueError:
        frame.key = token
    frame.expect_key = False
    keys = positions.keys.setdefault(frame.value, {})
    if frame.key in keys:
        positions.again.setdefault((frame.value, frame.key), line)
    else:
        keys[frame.key] = line


def _add_value(stack: list[_Frame], line: int, positions: Positions) -> int:
    """Record a value starting at *line*, inside the top of *stack*; its number."""
    value = len(positions.lines)
    positions.lines.append(line)
    if stack:
        frame = stack[-1]
        # A repeated key's last value is the one loaded (and checked).
        positions.children[frame.value, frame.step()] = value
    return value


def document_line(text: str) -> int:
    """
    The line where the document's value starts: after JSON's white space.

    1 when there is no value (the text is empty or only white space).

    Example:
        >>> document_line('\\n\\n  {"id": "a"}'), document_line("\\n\\n")
        (3, 1)
    """
    rest = text.lstrip(" \t\r\n")
    if not rest:
        return 1
    return 1 + text.count("\n", 0, len(text) - len(rest))


def _at_the_top(path: str, message: str) -> bool:
    """
    Whether a problem is placed at the document itself (an unknown or a
    repeated key is not).
    """
    return path == "$" and not message.startswith((_UNKNOWN_KEY, DUPLICATE_KEY))


def problem_lines(text: str, problems: Sequence[tuple[str, str]]) -> list[int]:
    """
    The line of each problem (path, message) of the document *text*.

    A problem with the whole document (``$``: too deep, not JSON) is placed
    where the document starts, without a scan; the text is scanned once, by
    :func:`value_lines`, only for a problem inside it.

    Example:
        >>> problem_lines('{\\n  "id": 1,\\n  "titel": "T"\\n}',
        ...               [("id", "must be a string"), ("$", "unknown key 'titel'")])
        [2, 3]
    """
    if all(_at_the_top(path, message) for path, message in problems):
        return [document_line(text)] * len(problems)
    positions = value_lines(text)
    before: collections.Counter[tuple[str, str]] = collections.Counter()
    lines = []
    for problem in problems:
        lines.append(positions.line_of(*problem, repeat=before[problem]))
        before[problem] += 1
    return lines
