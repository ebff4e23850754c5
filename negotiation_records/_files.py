"""
Open files handed to the library (private): whether one takes text or bytes,
and its lines as JSON Lines splits them.  :func:`~negotiation_records.write_jsonl`,
:func:`~negotiation_records.read_jsonl` and
:func:`~negotiation_records.plover.write_plover` all ask here.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from typing import Any

from negotiation_records.errors import ValidationError


__all__ = ["check_utf8", "file_kind", "read_lines", "write_first", "write_method"]

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


def check_utf8(function: str, file: Any) -> None:
    """
    A :class:`ValidationError` at ``file`` if *file* is a text stream whose
    ``encoding`` names a codec other than plain UTF-8 (``utf-8-sig`` writes a
    byte-order mark, which a JSON Lines reader refuses): *function* writes
    UTF-8 lines, which such a file would not hold.  A binary file, and a
    stream whose ``encoding`` is ``None`` (:class:`io.StringIO`), pass.
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
        raise ValidationError(
            [
                (
                    "file",
                    f"is a text file in the encoding {encoding!r}, but {function}() "
                    "writes UTF-8 (as read_jsonl reads it); open it with "
                    'encoding="utf-8", or in binary mode ("wb"; sys.stdout.buffer '
                    "for the standard output)",
                )
            ]
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
    return write  # type: ignore[no-any-return]


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
    *file*'s lines, each with its line feed, or a :class:`ValidationError` at
    ``file`` for what is not a file.

    A :mod:`codecs` stream is split at line feeds here: its own lines end
    at every Unicode line break too (U+2028 and U+2029, which a JSON string
    may hold as they are), which would cut a record in two.
    """
    if isinstance(file, _CODEC_STREAMS):
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


def _split(read: Callable[[int], Any]) -> Iterator[Any]:
    """The lines of what *read* gives (text or bytes), split at line feeds only."""
    pending: list[Any] = []
    chunk = read(_CHUNK)
    while chunk:
        feed = "\n" if isinstance(chunk, str) else b"\n"
        start = 0
        end = chunk.find(feed)
        while end >= 0:
            pending.append(chunk[start : end + 1])
            yield chunk[:0].join(pending)
            pending.clear()
            start = end + 1
            end = chunk.find(feed, start)
        if start < len(chunk):
            pending.append(chunk[start:])
        chunk = read(_CHUNK)
    if pending:
        yield pending[0][:0].join(pending)
