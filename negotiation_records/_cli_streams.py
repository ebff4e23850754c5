"""
The command line's standard streams (private): standard output, whose
failures are the command's (exit status 1, one line on standard error), and
standard error, whose failures are not (the exit status says what happened).

A stream may be closed when the command starts (``>&-``: Python then sets
``sys.stdout`` to ``None``), fail when written (a full disk: ``> /dev/full``),
or lose its reader (``| head``): each ends the command with a line on standard
error at most, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any, Final, TextIO, cast


__all__ = [
    "BIDI_CONTROLS",
    "BIDI_RANGES",
    "OutputError",
    "QuietStream",
    "Stdout",
    "bidi_closed",
    "encoding_problem",
    "plain_table",
    "shown_width",
    "silence",
    "utf8_output",
]


class OutputError(Exception):
    """Standard output cannot be written: closed, or a write failed (a full disk)."""


class Stdout:
    """
    Standard output for the commands: a write or a flush that fails raises
    :class:`OutputError` with the reason; a reader that went away
    (:class:`BrokenPipeError`) passes through, for the caller to end quietly.
    Anything else is asked of the stream itself.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream

    @classmethod
    def of(cls, stream: TextIO | None) -> TextIO:
        """*stream* (``sys.stdout``, ``None`` when closed) wrapped, as a text file."""
        return cast(TextIO, cls(stream))

    def _open(self) -> TextIO:
        if self.stream is None:
            raise OutputError("it is closed")
        return self.stream

    def write(self, text: str) -> int:
        """Write *text*, or raise :class:`OutputError`."""
        stream = self._open()
        try:
            return stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def flush(self) -> None:
        """Flush, or raise :class:`OutputError`."""
        if self.stream is None:
            return  # nothing was written
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def isatty(self) -> bool:
        """Whether the stream is a terminal (a closed one is not)."""
        try:
            return self._open().isatty()
        except (OutputError, AttributeError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._open(), name)


class _Utf8Bytes:
    """Text written as UTF-8 to a binary *buffer* (standard output's bytes)."""

    encoding = "utf-8"

    def __init__(self, buffer: Any) -> None:
        self.buffer = buffer

    def write(self, text: str) -> int:
        """
        Write all of *text*: a binary buffer may take only part of a large
        write (a pipe whose reader went away part-way, which raises
        :class:`BrokenPipeError` only on the next write), so the rest is
        written until it is all taken or the buffer raises.
        """
        data = memoryview(text.encode("utf-8"))
        while data:
            taken = self.buffer.write(data)
            if not taken:  # a write that takes nothing and says no more
                raise OSError(f"the output took none of {len(data)} bytes")
            data = data[taken:]
        return len(text)

    def flush(self) -> None:
        self.buffer.flush()


def utf8_output(out: TextIO) -> TextIO:
    """
    *out* (:class:`Stdout`) writing UTF-8 whatever encoding Python gave
    standard output, line ends as given: what a calendar (RFC 5545) and JSON
    Lines are (cp1252, a redirected output's on Windows, would write "é" as
    one byte, and a text stream there "\r\n" for each "\n").  Written to its
    bytes, after what was printed to it before; failures as :class:`Stdout`
    raises them.  A stream without bytes (a test's ``StringIO``) as it is.
    """
    buffer = getattr(out, "buffer", None)  # OutputError when it is closed
    if buffer is None:
        return out
    out.flush()
    return Stdout.of(cast(TextIO, _Utf8Bytes(buffer)))


class QuietStream:
    """
    Standard error for the commands: a write or a flush that fails (closed,
    a full disk, a reader gone) is dropped, and so is everything after it, so
    that the command ends with its own exit status.  ``None`` (a stream closed
    when the command started) takes everything and writes nothing.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream

    @classmethod
    def of(cls, stream: TextIO | None) -> TextIO:
        """*stream* (``sys.stderr``, ``None`` when closed) wrapped, as a text file."""
        return cast(TextIO, cls(stream))

    def _failed(self) -> None:
        if self.stream is not None:
            silence(self.stream)
        self.stream = None

    def write(self, text: str) -> int:
        """Write *text* if the stream can take it."""
        if self.stream is not None:
            try:
                self.stream.write(text)
            except (OSError, ValueError):
                self._failed()
        return len(text)

    def flush(self) -> None:
        """Flush, if the stream can."""
        if self.stream is not None:
            try:
                self.stream.flush()
            except (OSError, ValueError):
                self._failed()

    def isatty(self) -> bool:
        """Whether the stream is a terminal (a closed one is not)."""
        try:
            return self.stream is not None and self.stream.isatty()
        except (AttributeError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        if self.stream is None:
            raise AttributeError(name)
        return getattr(self.stream, name)


def silence(stream: Any) -> None:
    """
    Send the rest of *stream* (whose reader went away, or which cannot be
    written) nowhere, so that Python's flush at exit does not fail again.

    What the Python documentation recommends after a closed pipe (the
    ``signal`` module's note on SIGPIPE).
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)


def encoding_problem(exc: UnicodeEncodeError) -> str:
    """
    What to do when the output's encoding lacks a character of the record.

    In ASCII only, as the error stream may have that encoding too.
    """
    code = f"U+{ord(exc.object[exc.start]):04X}"  # the first it cannot write
    return (
        f"cannot write {code} in the encoding {exc.encoding} of the output; "
        "set PYTHONIOENCODING=utf-8 (or use a UTF-8 locale) and run the command "
        "again"
    )


def shown_width(text: str) -> int:
    """
    How many columns *text* takes in a terminal: two for a wide character
    (Chinese, Japanese, Korean, full-width forms, emoji), none for a combining
    mark or a format character, one for any other.  An emoji sequence is one
    wide glyph: a character made an emoji by U+FE0F (the dove of "🕊️"), an
    emoji with a skin tone ("👍🏽"), emoji joined by U+200D ("👨‍👩‍👧").
    """
    if text.isascii():
        return len(text)
    width = 0
    last = 0  # the width of the last glyph
    emoji = False  # whether the last glyph is an emoji
    joining = False  # a U+200D after an emoji: the next emoji joins it
    for char in text:
        if char == "\u200d":
            joining = emoji
            continue
        if char == "\ufe0f":  # emoji presentation of the glyph before: wide
            if last == 1:
                width, last = width + 1, 2
            emoji = last > 0
            continue
        if emoji and "\U0001f3fb" <= char <= "\U0001f3ff":  # a skin tone
            continue
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        is_emoji = "\U0001f000" <= char <= "\U0001faff" or "\u2600" <= char <= "\u27bf"
        if joining and is_emoji:  # one glyph with the emoji before
            joining = False
            continue
        joining = False
        last = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        emoji = is_emoji
        width += last
    return width


#: The bidirectional embeddings and overrides (closed by U+202C) and isolates
#: (closed by U+2069) of Unicode's bidirectional algorithm (UAX #9), with
#: their closers: what can reorder the text that follows them on a line.
_EMBEDDINGS: Final = frozenset("\u202a\u202b\u202d\u202e")
_ISOLATES: Final = frozenset("\u2066\u2067\u2068")
_POP_EMBEDDING: Final = "\u202c"
_POP_ISOLATE: Final = "\u2069"
BIDI_RANGES: Final = "\u202a-\u202e\u2066-\u2069"
"""The bidirectional controls that open or close an embedding or an isolate,
as ranges of a regular expression's character class."""
BIDI_CONTROLS: Final = re.compile(f"[{BIDI_RANGES}]")
"""Those controls, as a pattern."""


def bidi_closed(text: str) -> str:
    """
    *text* with the bidirectional embeddings, overrides and isolates it
    leaves open closed at its end, so that a record's text (a name holding
    U+202E, which writes what follows it right to left) cannot reorder what
    is printed after it: the next cell of a table, the rest of the line.
    The text itself is unchanged; as in UAX #9, U+202C closes the last
    embedding or override unless an isolate is open inside it, and U+2069
    the last isolate and whatever is open inside it.
    """
    if BIDI_CONTROLS.search(text) is None:
        return text
    open_: list[str] = []  # the closer of each control still open, innermost last
    for char in text:
        if char in _EMBEDDINGS:
            open_.append(_POP_EMBEDDING)
        elif char in _ISOLATES:
            open_.append(_POP_ISOLATE)
        elif char == _POP_EMBEDDING:
            if open_ and open_[-1] == _POP_EMBEDDING:
                open_.pop()
        elif char == _POP_ISOLATE and _POP_ISOLATE in open_:
            while open_.pop() != _POP_ISOLATE:
                pass
    return text + "".join(reversed(open_))


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> Iterator[str]:
    """
    The lines of a plain-text table: each column as wide as its widest cell
    on screen (:func:`shown_width`), two spaces between columns, indented by
    two, no trailing spaces.
    """
    widths = [
        max(shown_width(cell) for cell in column)
        for column in zip(headers, *rows, strict=True)
    ]
    for cells in (headers, *rows):
        padded = [
            cell + " " * (width - shown_width(cell))
            for cell, width in zip(cells[:-1], widths[:-1], strict=True)
        ]
        yield ("  " + "  ".join([*padded, cells[-1]])).rstrip()
