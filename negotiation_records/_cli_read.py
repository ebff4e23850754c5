"""
Reading record files for the command line (private): one pass over a file or
standard input, JSON or JSON Lines, every problem placed at its line.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import itertools
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, Final, NamedTuple, Protocol, TextIO

from negotiation_records._cli_streams import BIDI_RANGES
from negotiation_records._jsonpos import problem_lines
from negotiation_records._jsontext import (
    JSON_LINES_HINT,
    ONE_DOCUMENT_HINT,
    is_blank,
    parse_json,
)
from negotiation_records._record_versions import HINT, OWN_VERSION
from negotiation_records.errors import ValidationError
from negotiation_records.serialization import each_line_read, from_json


class Screen(Protocol):
    """What a progress bar is drawn for: the streams of a command's output."""

    err: TextIO

    def showing(self, console: Any) -> None:
        """A progress bar is drawn by the rich *console* (``None``: no longer)."""


@contextlib.contextmanager
def progress(stream: BinaryIO, label: str, screen: Screen) -> Iterator[BinaryIO]:
    """
    Wrap *stream* in a progress bar on a terminal (its console told to
    *screen* while it is drawn); pass it through otherwise.
    """
    err = screen.err
    try:
        total = os.fstat(stream.fileno()).st_size
    except (OSError, ValueError):  # not a file descriptor (a test's stream)
        total = 0
    if total <= 0 or not (is_terminal(err) and rich_available()):
        yield stream  # quiet: not a terminal, no rich, or no size to count (a pipe)
        return
    from rich.console import Console  # noqa: PLC0415
    from rich.markup import escape  # noqa: PLC0415
    from rich.progress import wrap_file  # noqa: PLC0415

    # The caller checked that `err` is a terminal; say so to rich, which would
    # otherwise look again and find out the same.
    console = Console(file=err, force_terminal=True)
    with wrap_file(
        # The label is a file's name, shown as it is: "[red]" in it is text.
        stream,
        total,
        description=escape(label),
        console=console,
        transient=True,
    ) as reader:
        screen.showing(console)
        try:
            yield reader
        finally:
            screen.showing(None)


def is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


def same_terminal(out: IO[str], err: IO[str]) -> bool:
    """Whether *out* and *err* are one terminal (what is written to either shows on it)."""
    if not (is_terminal(out) and is_terminal(err)):
        return False
    try:
        return os.path.samestat(os.fstat(out.fileno()), os.fstat(err.fileno()))
    except (OSError, ValueError):
        return False


def rich_available() -> bool:
    try:
        import rich  # noqa: F401, PLC0415 - optional dependency
    except ImportError:
        return False
    return True


# --- reading files ----------------------------------------------------------------------

JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})

STDIN = "-"
"""The FILE that means standard input."""


class FileError(Exception):
    """A file-level problem (missing, unreadable): reported at line 0."""


def display(name: str) -> str:
    """
    How a file is named in messages: ``<stdin>`` for ``-``; the bytes of a
    name that are not UTF-8 (which Python reads into lone surrogates,
    ``surrogateescape``) as ``\\xff`` escapes, so that every message can be
    written in UTF-8; control characters as ``\\n``, ``\\t``, ``\\r`` or
    ``\\x1b``, and the line and paragraph separators as ``\\u2028`` and
    ``\\u2029``, so that a name holding a line end or a terminal escape can
    neither start a line of its own nor drive the terminal; and the
    bidirectional embeddings, overrides and isolates as ``\\u202e``, so that
    a name cannot reorder the rest of its message.
    """
    if name == STDIN:
        return "<stdin>"
    if not name.isascii():
        try:
            raw = name.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate no file system gave
            name = name.encode("utf-8", "backslashreplace").decode("utf-8")
        else:
            name = raw.decode("utf-8", "backslashreplace")
    return _CONTROL.sub(_escaped, name)


def exact(name: str) -> str:
    """
    How a file is named in a JSON document: as given, since JSON's own
    escapes (``\\n``, ``\\u202e``) carry any character exactly; ``<stdin>``
    for ``-``; a name with bytes that are not UTF-8, which no JSON string
    can hold, as :func:`display` names it.
    """
    if name == STDIN:
        return "<stdin>"
    if not name.isascii():
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            return display(name)
    return name


_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI_RANGES}]")
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escaped(found: re.Match[str]) -> str:
    char = found.group()
    code = ord(char)
    return _ESCAPES.get(char) or (
        f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
    )


def os_message(exc: OSError) -> str:
    return f"cannot read the file: {exc.strerror or exc}"


def open_file(name: str) -> BinaryIO:
    """
    Open FILE for reading, once: ``-`` is standard input.

    Every question about the file is asked of one ``stat`` call, so that a name
    too long for the system or a directory that cannot be searched is a
    :class:`FileError`, never an ``OSError`` from ``Path.exists()``.
    """
    if name == STDIN:
        if sys.stdin is None:  # closed when the command started (<&-)
            raise FileError("cannot read standard input: it is closed")
        refuse_endless(sys.stdin.buffer)
        return sys.stdin.buffer
    path = Path(name)
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise FileError("no such file") from None
    except OSError as exc:
        raise FileError(os_message(exc)) from None
    except ValueError:  # a NUL in the name
        raise FileError("no such file") from None
    if stat.S_ISDIR(mode):
        raise FileError("is a directory, not a file")
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise FileError(os_message(exc)) from None
    try:
        refuse_endless(stream)
    except FileError:
        stream.close()
        raise
    return stream


#: The problem of a device whose reading may never end.
ENDLESS = "is a device, not a file: reading it may never end"


def refuse_endless(stream: BinaryIO) -> None:
    """
    A :class:`FileError` if *stream* reads a device other than a terminal or
    the null device: ``/dev/zero`` and ``/dev/urandom`` never end, and a
    disk (``/dev/sda``, a block device) would be read whole, each until the
    memory ran out.  A terminal ends at Ctrl-D; a pipe is left to the command
    that feeds it.
    """
    try:
        found = os.fstat(stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return  # no file descriptor (a stream a test or a program put there)
    if stat.S_ISBLK(found.st_mode):
        raise FileError(ENDLESS)
    if not stat.S_ISCHR(found.st_mode) or stream.isatty():
        return
    try:
        null = os.stat(os.devnull).st_rdev
    except OSError:  # pragma: no cover - a system without its null device
        null = None
    if found.st_rdev != null:
        raise FileError(ENDLESS)


def named_json_lines(name: str) -> bool | None:
    """JSON Lines by the name (``.jsonl``, ``.ndjson``), JSON (``.json``), or unknown."""
    if name == STDIN:
        return None
    suffix = Path(name).suffix.lower()
    if suffix in JSON_LINES_SUFFIXES:
        return True
    if suffix == ".json":
        return False
    return None


def sniff(lines: Iterator[bytes]) -> tuple[bool, list[bytes]]:
    """
    Whether the content is JSON Lines, and the lines read to decide.

    JSON Lines when the first non-blank line is a whole JSON value (as the
    loader reads JSON: not ``NaN``, not nested too deeply) and another
    non-blank line follows, a blank line being one of JSON's white space only,
    as :func:`~negotiation_records.serialization.read_jsonl` counts it (a form
    feed is not blank).  Reads no further than that, so that a pipe is read
    once: the caller goes on with the lines returned, then the rest.
    """
    seen: list[bytes] = []
    first = None
    for line in lines:
        seen.append(line)
        if not is_blank(line):
            first = line
            break
    if first is None:
        return False, seen
    try:
        parse_json(first)  # JSON as the loader reads it: NaN is not JSON
    except ValidationError:
        return False, seen
    for line in lines:
        seen.append(line)
        if not is_blank(line):
            return True, seen
    return False, seen


class Problem(NamedTuple):
    """One problem found in one file."""

    file: str
    line: int
    path: str
    message: str

    def text(self) -> str:
        return f"{self.file}:{self.line}: {self.path}: {self.message}"


class Read(NamedTuple):
    """A record read from a file, or its problems as (line, path, message)."""

    record: Any | None
    problems: list[tuple[int, str, str]]


def read_records(
    name: str, cls: type[Any], screen: Screen, schema_version: int | None = None
) -> Iterator[Read]:
    """
    The records in the file *name* (``-``: standard input), or their problems.
    *schema_version* is the format version single records were written in
    (``--schema-version``), as :func:`~negotiation_records.from_json` takes it.

    A JSON file gives one record; each problem is placed at the line where the
    value at its path starts (the line of a JSON syntax error for a syntax
    error).  A JSON Lines file gives one per non-blank line, counted as
    :func:`~negotiation_records.serialization.read_jsonl` counts them, and
    carries on after a bad line so that every problem is found (``read_jsonl``
    stops at the first).  The file is read once, so a pipe works.
    """
    stream = open_file(name)
    try:
        yield from _records_in(name, stream, cls, screen, schema_version)
    except MemoryError:  # /dev/urandom, or a document larger than the memory
        raise FileError(TOO_BIG) from None
    except OSError as exc:  # a read that failed after the first lines (EIO)
        raise FileError(os_message(exc)) from None
    finally:
        if name != STDIN:
            stream.close()


#: The problem of a file that does not fit in memory.
TOO_BIG = (
    "too large to read into memory (a file of many records can be read one "
    "record a line, as JSON Lines)"
)


def _records_in(
    name: str,
    stream: BinaryIO,
    cls: type[Any],
    screen: Screen,
    schema_version: int | None,
) -> Iterator[Read]:
    """The records of :func:`read_records`, from the open *stream* of *name*."""
    json_lines = named_json_lines(name)
    try:
        seen: list[bytes] = []
        if json_lines is None:
            json_lines, seen = sniff(iter(stream))
        if not json_lines:
            data = b"".join([*seen, stream.read()])
    except OSError as exc:
        raise FileError(os_message(exc)) from None
    if not json_lines:
        yield whole(data, cls, schema_version)
        return
    with progress(stream, display(name), screen) as reader:
        lines = itertools.chain(seen, reader)
        for number, read in each_line_read(cls, lines, schema_version):
            if isinstance(read, ValidationError):
                told = _told(read)
                yield Read(None, [(number, p, m) for p, m in told])
                if told[0][1].endswith(_ONE_DOCUMENT_NAME):
                    return  # pretty-printed JSON: one problem, not one a line
            else:
                yield Read(read, [])


def whole(data: bytes, cls: type[Any], schema_version: int | None = None) -> Read:
    """One record from a whole JSON document, each problem at its value's line."""
    try:
        return Read(from_json(cls, data, schema_version=schema_version), [])
    except ValidationError as exc:
        errors = _told(exc)
    syntax = syntax_error_line(errors)
    if syntax is not None:
        return Read(None, [(syntax, p, m) for p, m in errors])
    lines = lines_of_problems(data, errors)
    return Read(
        None, [(line, p, m) for line, (p, m) in zip(lines, errors, strict=True)]
    )


#: The hint of a version-1 record (:data:`HINT`), as the command line takes it.
CLI_HINT = "(a version-1 record? check it with --schema-version 1)"


def _told(exc: ValidationError) -> list[tuple[str, str]]:
    """The problems of *exc*, a version-1 record's hints naming the option."""
    return [(path, _for_the_command_line(message)) for path, message in exc.errors]


def _for_the_command_line(message: str) -> str:
    """
    *message* naming ``--schema-version`` where it names the argument, and
    ``--type`` where it names the class to read a record as.
    """
    if message.endswith(OWN_VERSION):  # a negotiation read with another version
        message = message.replace(", but schema_version=", ", but --schema-version ")
        return message.replace("(leave the argument out)", "(leave the option out)")
    # Only validate has --type; every command's reader words it so.
    message = _READ_AS.sub(r"check it with validate --type \1", message)
    message = message.replace(JSON_LINES_HINT, _JSON_LINES_NAME)
    message = message.replace(ONE_DOCUMENT_HINT, _ONE_DOCUMENT_NAME)
    return message.replace(HINT, CLI_HINT)


#: :data:`JSON_LINES_HINT` as the command line words it: the name says which.
_JSON_LINES_NAME: Final = " (a value a line is JSON Lines: name the file .jsonl)"
#: :data:`ONE_DOCUMENT_HINT` as the command line words it.
_ONE_DOCUMENT_NAME: Final = (
    " (the line only opens a value: the file looks like one JSON document "
    "written over several lines, not JSON Lines; name it .json)"
)

#: The class a record's keys are those of, as the library's hint names it.
_READ_AS: Final = re.compile(r"read it as one \(from_json\((\w+), \.\.\.\)\)$")


def lines_of_problems(data: bytes, errors: Sequence[tuple[str, str]]) -> list[int]:
    """
    The line of each problem (path, message) of the JSON document *data*.

    When *data* is not UTF-8 (the one problem the loader reported), the line
    of the first byte that is not.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:  # reported by the loader already
        start = exc.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
        return [data.count(b"\n", 0, start) + 1] * len(errors)
    return problem_lines(text, errors)


SYNTAX_ERROR = re.compile(r"invalid JSON: .* at line (\d+) column \d+(?: \(.*\))?")


def syntax_error_line(errors: Sequence[tuple[str, str]]) -> int | None:
    """The line of a JSON syntax error in a whole file, if the problem is one."""
    for path, message in errors:
        match = SYNTAX_ERROR.fullmatch(message)
        if path == "$" and match:
            return int(match.group(1))
    return None
