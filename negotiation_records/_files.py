"""
Open files handed to the library (private): whether one takes text or bytes,
and its lines as JSON Lines splits them.  :func:`~negotiation_records.write_jsonl`,
:func:`~negotiation_records.read_jsonl` and
:func:`~negotiation_records.plover.write_plover` all ask here.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
from collections.abc import Callable, Iterator
from typing import Any, Final, Protocol

from negotiation_records._values import short_repr
from negotiation_records.errors import ValidationError


__all__ = [
    "BytesWriter",
    "TextWriter",
    "check_path",
    "check_utf8",
    "file_kind",
    "lines_into",
    "read_lines",
    "write_first",
    "write_method",
]


class TextWriter(Protocol):
    """An object that takes text by its ``write`` method (any text file)."""

    def write(self, text: str, /) -> object:
        """Write *text*."""


class BytesWriter(Protocol):
    """
    An object that takes bytes by its ``write`` method (any binary file:
    ``open(path, "wb")``, ``gzip.open(path, "wb")``, :class:`io.BytesIO`).
    """

    def write(self, data: bytes, /) -> object:
        """Write *data*."""


#: The :mod:`codecs` streams that take and give text: ``codecs.open`` opens
#: the file underneath in binary and says so in ``mode`` ("wb"), but encodes
#: what it is given (a ``StreamRecoder`` from ``codecs.EncodedFile`` takes
#: bytes, and its mode is the file's).
_CODEC_TEXT = (codecs.StreamWriter, codecs.StreamReader, codecs.StreamReaderWriter)
_CODEC_STREAMS = (*_CODEC_TEXT, codecs.StreamRecoder)
_CHUNK = 1 << 16  # what a codecs stream is asked for at a time when read


def file_kind(file: Any) -> tuple[bool, bool]:
    """
    ``(binary, sure)``: whether *file* takes bytes (else text), and whether
    its class says so.  The :mod:`io` classes are sure; for anything else the
    answer is a guess from a :mod:`codecs` class or from ``mode`` (``"b"`` in
    it: binary; no mode: text), for :func:`write_first` to check.
    """
    if isinstance(file, (io.RawIOBase, io.BufferedIOBase)):
        return True, True  # BytesIO, open(..., "wb"), gzip.open(..., "wb"), ...
    if isinstance(file, io.TextIOBase):
        return False, True  # StringIO, sys.stdout, open(..., "w"), gzip "wt", ...
    if isinstance(file, _CODEC_TEXT):
        return False, False
    mode = getattr(file, "mode", None)  # SpooledTemporaryFile, NamedTemporaryFile
    return isinstance(mode, str) and "b" in mode, False


#: Why a writer other than write_jsonl writes UTF-8, as its refusal says.
_WRITES_FOR: Final = {"write_plover": "as JSON Lines is"}


def check_path(path: str | os.PathLike[str], name: str = "file") -> None:
    """
    A :class:`ValidationError` at *name* for a path no file can have: one
    holding a NUL character, or text the file system cannot encode (a lone
    surrogate), which ``open()`` would refuse with a bare ``ValueError`` or
    ``UnicodeEncodeError``.
    """
    text = os.fspath(path)
    if isinstance(text, str):
        try:
            os.fsencode(text)
        except UnicodeEncodeError:
            raise ValidationError(
                [
                    (
                        name,
                        f"must be a path the file system can encode, got {short_repr(text)}",
                    )
                ]
            ) from None
    if "\0" in str(text):
        raise ValidationError(
            [(name, f"must be a path without a NUL character, got {short_repr(text)}")]
        )


def check_utf8(function: str, file: Any, *, reads: bool = False) -> None:
    """
    A :class:`ValidationError` at ``file`` if *file* is a text stream whose
    ``encoding`` names a codec other than plain UTF-8: *function* writes
    UTF-8 lines (or *reads* them), which such a file would not hold (or
    would decode into other text).  ``utf-8-sig`` is refused too: it writes
    a byte-order mark, which a JSON Lines reader refuses, and reads one
    past it, which a path or a binary file is refused for.  A binary file,
    and a stream whose ``encoding`` is ``None`` (:class:`io.StringIO`), pass.
    """
    if isinstance(file, (io.RawIOBase, io.BufferedIOBase, codecs.StreamRecoder)):
        return  # bytes go in as they are
    encoding = getattr(file, "encoding", None)
    if not isinstance(encoding, str):
        return
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        name = encoding
    if name != "utf-8":
        how = (
            'reads UTF-8 (as write_jsonl writes it); open it with encoding="utf-8", '
            'or in binary mode ("rb"; sys.stdin.buffer for the standard input)'
            if reads
            else f"writes UTF-8 ({_WRITES_FOR.get(function, 'as read_jsonl reads it')}); "
            'open it with encoding="utf-8", '
            'or in binary mode ("wb"; sys.stdout.buffer for the standard output)'
        )
        raise ValidationError(
            [
                (
                    "file",
                    f"is a text file in the encoding {encoding!r}, but {function}() {how}",
                )
            ]
        )


def _not_open(file: Any, able: str, how: str) -> None:
    """
    A :class:`ValidationError` at ``file`` if *file* says it is closed, or
    that it is not *able* (``"writable"``, ``"readable"``): Python's own
    ``ValueError`` and ``io.UnsupportedOperation`` would come from the first
    line, the lines before it written.  A file that says neither passes.
    """
    problem = None
    try:  # a file that cannot say is left to its own write or read
        if getattr(file, "closed", False) is True:
            problem = "is closed"
        else:
            asked = getattr(file, able, None)
            if callable(asked) and asked() is False:
                problem = f"is not open for {how}"
    except Exception:  # noqa: BLE001 - see above
        return
    if problem is not None:
        raise ValidationError(
            [("file", f"{problem}: give a file open for {how}, or a path")]
        )


def write_method(file: Any) -> Callable[[Any], object]:
    """*file*'s ``write``, or a :class:`ValidationError` at ``file``."""
    write = getattr(file, "write", None)
    if not callable(write):
        raise ValidationError(
            [
                (
                    "file",
                    "must be a path or a file open for writing, "
                    f"got {type(file).__name__}",
                )
            ]
        )
    _not_open(file, "writable", "writing")
    return write  # type: ignore[no-any-return]


@contextlib.contextmanager
def lines_into(file: Any) -> Iterator[Any]:
    """
    Where the lines written for *file* go, for the block: an
    :class:`io.TextIOWrapper`'s binary buffer (the wrapper flushed first, so
    that what was written to it before comes first), since the wrapper would
    turn each line feed into its ``newline=`` (a carriage return and a line
    feed, or a lone carriage return, which ends no JSON line); any other
    file as it is.  A file that takes no lines (:func:`write_method`) is a
    :class:`ValidationError` first.  After the block, a wrapper that writes
    its lines at once (a terminal's standard output, ``write_through``) has
    its buffer flushed, as it would have flushed the lines itself.
    """
    write_method(file)
    if not isinstance(file, io.TextIOWrapper):
        yield file
        return
    file.flush()
    try:
        yield file.buffer
    finally:
        if file.line_buffering or file.write_through:
            file.buffer.flush()


def write_first(
    write: Callable[[Any], object], line: str | bytes, binary: bool
) -> bool:
    """
    Write the first *line* (text, or UTF-8 bytes) of a file whose kind is
    guessed (*binary*, from :func:`file_kind`), and return the kind it took.

    A ``write`` that refuses the guess with a :class:`TypeError` (as one
    refuses ``str`` for ``bytes``) is given the other kind: nothing is written
    before the file's kind is known, so a file that takes neither is a
    :class:`ValidationError` at ``file``, not an error half-way.
    """
    text = line.decode("utf-8") if isinstance(line, bytes) else line
    try:
        write(text.encode("utf-8") if binary else text)
    except TypeError as guessed:
        try:
            write(text if binary else text.encode("utf-8"))
        except TypeError:
            kinds = ("bytes", "text") if binary else ("text", "bytes")
            raise ValidationError(
                [
                    (
                        "file",
                        f"its write() takes neither {kinds[0]} nor {kinds[1]} "
                        f"({guessed})",
                    )
                ]
            ) from guessed
        return not binary
    return binary


def read_lines(file: Any) -> Iterator[str | bytes]:
    """
    *file*'s lines, split at line feeds only (a line keeps its line feed, or
    not: the reader strips it), or a :class:`ValidationError` at ``file`` for
    what is not a file.

    An :class:`io.TextIOWrapper` (a file ``open()`` opens as text,
    ``sys.stdin``, ``gzip.open(..., "rt")``) that has read nothing yet is
    read through its binary buffer, as its path would be: its own lines end
    at a lone carriage return too (its default ``newline``, which then turns
    it into a line feed, or ``newline=""``), where JSON has white space.
    One that has read some holds text decoded ahead of where it stands (its
    buffer is past it): it is read on as the text it gives, split here, as
    an :class:`io.StringIO` and a :mod:`codecs` stream are (a codecs
    stream's own lines end at U+2028 and U+2029 too, which a JSON string may
    hold as they are).  Anything else (a binary file, an iterable of lines)
    is iterated.
    """
    _not_open(file, "readable", "reading")
    if isinstance(file, io.TextIOWrapper):
        return _split(file.read) if _read_ahead(file) else iter(file.buffer)
    if isinstance(file, (*_CODEC_STREAMS, io.StringIO)):
        return _split(file.read)
    try:
        return iter(file)
    except TypeError:
        raise ValidationError(
            [
                (
                    "file",
                    "must be a path or a file open for reading, "
                    f"got {type(file).__name__}",
                )
            ]
        ) from None


def _read_ahead(file: io.TextIOWrapper) -> bool:
    """
    Whether *file* holds text it decoded ahead of where it stands.  Its
    ``reconfigure`` refuses a new encoding then (the text read ahead was
    decoded by the old one); given the encoding and errors it has, it
    changes nothing (a text file that is also open for writing is flushed,
    as before any read).
    """
    try:
        file.reconfigure(encoding=file.encoding, errors=file.errors)
    except io.UnsupportedOperation:
        return True
    return False


def _split(read: Callable[[int], Any]) -> Iterator[Any]:
    """
    The lines of what *read* gives (text or bytes), split at line feeds only,
    without them: each chunk read is split at once, and a line that runs
    over chunks is joined once, however many it spans.
    """
    pending: list[Any] = []  # the start of a line that runs over chunks
    chunk = read(_CHUNK)
    while chunk:
        lines = chunk.split("\n" if isinstance(chunk, str) else b"\n")
        if len(lines) > 1:
            if pending:
                pending.append(lines[0])
                lines[0] = chunk[:0].join(pending)
                pending.clear()
            pending.append(lines.pop())
            yield from lines
        else:
            pending.append(chunk)
        chunk = read(_CHUNK)
    if pending:
        last = pending[0][:0].join(pending)
        if last:
            yield last
