"""
Where each value of a JSON document starts: the line of a problem's path.

The command line reports a problem as ``FILE:LINE: PATH: MESSAGE``.  In a
pretty-printed file the value at ``parties[1].kind`` is on its own line;
:func:`value_lines` scans the text once (only when there is a problem to place)
and :meth:`Positions.line_of` gives the line of a path, in the notation of
:class:`~negotiation_records.ValidationError` paths.
"""

from __future__ import annotations

import json
import re

import attrs

from negotiation_records.errors import join_path


__all__ = ["Positions", "value_lines"]

# One token a match: a string, a structural character, a newline, a run of other
# blanks, or a bare literal (number, true, false, null).  Strings hold no raw
# newline in JSON, so lines are counted by the newline tokens alone.
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\]:,]|\n|[ \t\r]+|[^\s{}\[\]:,"]+')
_STEP = re.compile(r"\.[^.\[]+$|\[\d+\]$")
_UNKNOWN_KEY = re.compile(r"unknown key '(.*)'")


@attrs.define
class _Frame:
    """An object or an array being read."""

    is_object: bool
    path: str
    key: str = ""
    index: int = 0
    expect_key: bool = True


@attrs.frozen
class Positions:
    """
    The lines at which the values (and the keys) of one document start.

    Attributes:
        values: The line of each value, by path (``$`` for the whole document).
        keys: The line of each key, by the path of its object and the key.
    """

    values: dict[str, int]
    keys: dict[tuple[str, str], int]

    def line_of(self, path: str, message: str = "") -> int:
        """
        The line of the value at *path*, or of the nearest enclosing value found.

        An unknown key (``message`` says ``unknown key 'titel'``) is placed at
        the key itself; a missing field at the object that lacks it.
        """
        unknown = _UNKNOWN_KEY.fullmatch(message)
        if unknown is not None:
            found = self.keys.get((path, unknown.group(1)))
            if found is not None:
                return found
        while True:
            found = self.values.get(path)
            if found is not None:
                return found
            shorter = _STEP.sub("", path)
            if shorter == path or not shorter:
                return self.values.get("$", 1)
            path = shorter


def _child(stack: list[_Frame]) -> str:
    if not stack:
        return "$"
    frame = stack[-1]
    if frame.is_object:
        return join_path(frame.path, frame.key)
    return join_path(frame.path, f"[{frame.index}]")


def value_lines(text: str) -> Positions:
    """
    Scan a JSON document and record the line where each value starts.

    The text should be valid JSON (the scan does not check it); whatever it
    cannot place is simply not recorded, and :meth:`Positions.line_of` falls
    back to an enclosing value.

    Example:
        >>> positions = value_lines('{\\n  "parties": [\\n    {"kind": "stat"},\\n'
        ...                         '    {\\n      "kind": "stat"\\n    }\\n  ]\\n}')
        >>> positions.line_of("parties[1].kind"), positions.line_of("parties[0].kind")
        (6, 3)
    """
    values: dict[str, int] = {}
    keys: dict[tuple[str, str], int] = {}
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
                frame = stack[-1]
                if frame.is_object:
                    frame.expect_key = True
                else:
                    frame.index += 1
        elif first in "}]":
            if stack:
                stack.pop()
        elif stack and stack[-1].is_object and stack[-1].expect_key:
            frame = stack[-1]
            try:
                frame.key = json.loads(token)
            except ValueError:
                frame.key = token
            frame.expect_key = False
            keys.setdefault((frame.path, frame.key), line)
        else:
            path = _child(stack)
            values.setdefault(path, line)
            if first in "{[":
                stack.append(_Frame(is_object=first == "{", path=path))
    return Positions(values, keys)
