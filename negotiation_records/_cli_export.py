"""
The ``export`` command (private): records as Parquet tables, PLOVER events or a
calendar, for the tools analysts and readers use.

::

    negotiation-records export talks.jsonl --format parquet -o corpus/
    negotiation-records export talks.json --format plover -o events.jsonl
    negotiation-records export talks.json --format ics -o deadlines.ics
    negotiation-records export talks.json --format ics --uid-domain talks.example.org -o -

The files are read one record at a time (a JSON Lines file of any length
streams through, with a progress bar when standard error is a terminal), and
the export stops at the first record with problems (or a file that cannot be
read, or holds no record): every problem of that record is printed as
``FILE:LINE: PATH: MESSAGE`` (a value that no Parquet column holds, and a
time that no iCalendar file can write — after 9999-12-31 in UTC — as
``FILE: PATH: MESSAGE``, the message naming the negotiation), the output is
removed, and the exit status is 1.
An export holds all of the files or none of them.  A target that cannot be
written (a missing folder, a folder where a file is written) is an error with
exit status 1 too, and leaves nothing behind; so is a target that would replace
a file being read (the file itself, or a folder holding it for parquet).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, Protocol, TextIO, TypeVar, cast

from negotiation_records._cli_args import moment_arg
from negotiation_records._cli_read import (
    FileError,
    Problem,
    Screen,
    display,
    os_message,
    read_records,
)
from negotiation_records._cli_streams import utf8_output
from negotiation_records._export_ids import domain_problems
from negotiation_records.errors import ValidationError
from negotiation_records.negotiation import Negotiation
from negotiation_records.timeutil import Moment


__all__ = [
    "FORMATS",
    "add_export_command",
    "cannot_write",
    "format_option_problems",
    "input_at",
    "replacing",
    "run_export",
]

FORMATS = ("parquet", "plover", "ics")
"""The formats ``export`` writes."""

_STDOUT = "-"
_NOT_A_FILE = "not a regular file (give '-' to write to standard output)"

_T = TypeVar("_T")


class Output(Screen, Protocol):
    """What the command prints through (the command line's output)."""

    out: TextIO

    def error(self, text: str) -> None:
        """Print an error message on standard error."""

    def line(self, text: str = "", stream: TextIO | None = None) -> None:
        """Print one line to standard output (*stream*), above a progress bar."""


class _LinesAboveBar:
    """
    Standard output for lines written as records are read (PLOVER's JSON
    Lines): each whole line is printed by the command's :class:`Output`, so
    that while a progress bar is drawn on the same terminal it goes above the
    bar, not after it on its line; otherwise to *stream* as written.
    """

    def __init__(self, out: Output, stream: TextIO) -> None:
        self.out = out
        self.stream = stream
        self._rest = ""  # the text after the last line feed written

    def write(self, text: str) -> int:
        """Print the whole lines of *text* (a line's end waits for its feed)."""
        *lines, self._rest = (self._rest + text).split("\n")
        for line in lines:
            self.out.line(line, self.stream)
        return len(text)

    def flush(self) -> None:
        """Write what is left of a line, then flush *stream*."""
        if self._rest:
            self.stream.write(self._rest)
            self._rest = ""
        self.stream.flush()


_STOPPED = "export stopped at the first problem"


class _StoppedError(Exception):
    """
    A record with problems, or a file that cannot be read: the export stops.
    *problems* are printed one a line, then *reason* as the error.
    """

    def __init__(self, problems: list[str], reason: str = _STOPPED) -> None:
        super().__init__(reason)
        self.problems = problems
        self.reason = reason


def add_export_command(commands: Any, file_help: str, at_help: str) -> None:
    """Add ``export`` to the command line's *commands* (``add_subparsers()``)."""
    export = commands.add_parser(
        "export",
        help="write negotiations as Parquet tables, PLOVER events or a calendar",
        description="Write the negotiations in FILEs as a Parquet dataset (one "
        "folder per table, for DuckDB, pandas, polars, Spark or Dask), as PLOVER "
        "events (JSON Lines) or as an iCalendar file of deadlines and scheduled "
        "rounds.  The export stops at the first record with problems and removes "
        "what it wrote.  Parquet needs the 'tables' extra (pyarrow).",
    )
    export.add_argument("files", nargs="+", metavar="FILE", help=file_help)
    export.add_argument(
        "--format", choices=FORMATS, required=True, help="what to write"
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="parquet: a folder, absent or empty (see --overwrite); plover and "
        "ics: a file, or '-' for standard output",
    )
    export.add_argument(
        "--at",
        type=moment_arg,
        metavar="MOMENT",
        help="export each negotiation as it stood at MOMENT (Negotiation.as_of); "
        + at_help.replace("(default: now)", "(default: everything recorded)"),
    )
    export.add_argument(
        "--uid-domain",
        type=_uid_domain,
        metavar="DOMAIN",
        help="ics: the domain after the '@' of each event's UID, one of your own "
        "such as talks.example.org, so that the UIDs are unique (default: "
        "negotiation-records)",
    )
    export.add_argument(
        "--overwrite",
        action="store_true",
        help="parquet: replace what OUT holds",
    )
    export.add_argument(
        "--batch-size",
        type=_positive,
        metavar="N",
        help="parquet: negotiations per written batch (default: 1000)",
    )
    export.set_defaults(handler=run_export)


#: Negotiations a written batch of ``--format parquet`` holds, unless told.
_BATCH_SIZE: Final = 1000


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _uid_domain(text: str) -> str:
    """``--uid-domain``: a domain name, as ``to_ical(uid_domain=)`` takes it."""
    problems = domain_problems(text)
    if problems:
        raise argparse.ArgumentTypeError("; ".join(problems))
    return text


def format_option_problems(args: argparse.Namespace, *, at_read: bool) -> list[str]:
    """
    Why options do not go with the command's ``--format``: ``--uid-domain``
    (ics only), ``--overwrite`` and ``--batch-size`` (parquet only), and
    ``--at`` with ``--format ics`` (a calendar's ``DTSTAMP`` that no time in
    UTC can be at, after 9999-12-31 there) where *at_read* (the moment was
    not refused): usage errors' texts, each told.
    """
    form = getattr(args, "format", None)
    given = {
        "--uid-domain": ("ics", "writes UIDs", getattr(args, "uid_domain", None)),
        "--overwrite": (
            "parquet",
            "replaces a folder",
            getattr(args, "overwrite", None),
        ),
        "--batch-size": (
            "parquet",
            "writes in batches",
            getattr(args, "batch_size", None),
        ),
    }
    problems = [
        f"argument {option}: only --format {only} {does}, not {form}"
        for option, (only, does, value) in given.items()
        if form is not None and value not in {None, False} and form != only
    ]
    at = getattr(args, "at", None)
    if at_read and form == "ics" and at is not None:
        from negotiation_records._ical_times import check_stamp  # noqa: PLC0415

        try:
            check_stamp(at, "--at")
        except ValidationError as exc:
            problems += [f"argument {path}: {told}" for path, told in exc.errors]
    return problems


class _Records:
    """
    Every negotiation in the FILEs *files* in turn, as of *at*, when iterated;
    stops at a problem.  Then, how many were read, and which file has which.

    A file that cannot be read, a record with problems, a file that holds no
    record (as ``show`` refuses one) and a negotiation whose id an earlier one
    has (the export would repeat its keys) each stop the export.
    """

    def __init__(self, files: Sequence[str], at: Moment | None, out: Output) -> None:
        self.files = files
        self.at = at
        self.out = out
        self.count = 0
        self.first: dict[str, int] = {}  # each id, and the file (its index) with it

    def file_of(self, nid: str) -> str:
        """The FILE, as messages name it, of the negotiation read with id *nid*."""
        return display(self.files[self.first[nid]])

    def unwritable(self, problems: Sequence[tuple[str, str]]) -> _StoppedError:
        """
        What a calendar cannot write (``to_ical``'s *problems*), as the export
        stops at it: a time of the last negotiation read, which ``to_ical``
        refuses before it reads the next, as ``FILE: PATH: MESSAGE`` (``--at``,
        the calendar's ``DTSTAMP``, was checked with the options).
        """
        shown = self.file_of(next(reversed(self.first)))
        return _StoppedError([f"{shown}: {p}: {m}" for p, m in problems])

    def __iter__(self) -> Iterator[Negotiation]:
        for index, name in enumerate(self.files):
            shown = display(name)
            try:
                found = yield from self.read(index, name)
            except FileError as exc:
                raise _StoppedError([_problem(shown, 0, "$", str(exc))]) from None
            except OSError as exc:  # a read that fails half-way (a disk error)
                raise _StoppedError(
                    [_problem(shown, 0, "$", os_message(exc))]
                ) from None
            if not found:
                raise _StoppedError([_problem(shown, 0, "$", "holds no record")])

    def read(self, index: int, name: str) -> Generator[Negotiation, None, int]:
        """The negotiations of the *index*-th FILE, *name*; returns how many."""
        shown = display(name)
        found = 0
        for read in read_records(name, Negotiation, self.out):
            if read.problems:
                raise _StoppedError([_problem(shown, *p) for p in read.problems])
            assert isinstance(read.record, Negotiation)  # noqa: S101
            nid = read.record.id
            if nid in self.first:
                raise _StoppedError(
                    [],
                    f"{shown}: negotiation id {nid!r} is already used by a record "
                    f"of {self.file_of(nid)}; export stopped",
                )
            self.first[nid] = index
            found += 1
            self.count += 1
            yield read.record if self.at is None else read.record.as_of(self.at)
        return found


def _problem(file: str, line: int, path: str, message: str) -> str:
    """A problem of a file, as ``validate`` prints it: ``FILE:LINE: PATH: MESSAGE``."""
    return Problem(file, line, path, message).text()


def run_export(args: argparse.Namespace, out: Output) -> int:
    """Run ``export``; the exit status."""
    # PLOVER events and calendars take --at themselves, as to_plover(at=) and
    # to_ical(at=) do (to_ical's DTSTAMP is the day of at=); tables do not.
    as_of = args.at if args.format == "parquet" else None
    records = _Records(args.files, as_of, out)
    try:
        if args.format == "parquet":
            summary = _parquet(args, records, out)
        else:
            summary = _to_file(args, records, out)
    except _StoppedError as stop:
        for problem in stop.problems:
            out.err.write(problem + "\n")
        if args.output != _STDOUT:
            left = f"nothing was written to {display(args.output)}"
        elif args.format == "plover" and records.count:  # written event by event
            left = "what was written to standard output is incomplete"
        else:  # a calendar is written whole, once made
            left = "nothing was written to standard output"
        out.error(f"{stop.reason}; {left}")
        return 1
    except ImportError as exc:
        out.error(str(exc))
        return 1
    if summary is None:
        return 1
    negotiations = records.count
    out.err.write(
        f"wrote {summary} from {negotiations} "
        f"negotiation{'' if negotiations == 1 else 's'} to {_target(args.output)}\n"
    )
    return 0


# --- writing beside the target ---------------------------------------------------------
#
# An export is written to a new file or folder beside its target, then moved into
# place, so that a stopped export leaves the target as it was.  What is moved in
# has the mode the target had, or, for a new target, the mode an ordinary open()
# or mkdir() gives under the umask (tempfile's 0600 and 0700 are for secrets).


def _target(name: str) -> str:
    """How the file an export writes is named in messages (``-``: standard output)."""
    return "standard output" if name == _STDOUT else display(name)


def cannot_write(name: str, exc: OSError) -> str:
    """
    The message for an export or a picture that cannot be written: the
    system's words, but for a name that ends in ``/`` and names no folder,
    where the system says "Is a directory" of a folder that does not exist
    (or of a file).
    """
    if (
        exc.errno == errno.EISDIR
        and name.endswith(("/", os.sep))
        and not os.path.lexists(name)
    ):
        there = name.rstrip("/" + os.sep)
        what = "a file" if there and os.path.isfile(there) else "none"
        return (
            f"cannot write {display(name)}: a name that ends in '/' names a "
            f"folder, and there is {what}; give the name of a file"
        )
    return f"cannot write {display(name)}: {exc.strerror or exc}"


def _kept_mode(
    target: Path, *, folder: bool, other: str = "not a regular file"
) -> int | None:
    """
    The permissions of *target*, which the export replaces; ``None`` if absent.

    For a file, raises OSError (with the message to show) when *target* is a
    folder, or something else that a file moved into place would replace (a
    device such as ``/dev/null``, a pipe): then with the message *other*;
    and when the user may not write it (:func:`os.access`): a file made
    read-only is left as it is, as writing it in place would leave it, though
    a file moved into place would replace it.
    """
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return None
    if folder or stat.S_ISREG(mode):
        if not folder and not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return stat.S_IMODE(mode) & 0o777
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    raise OSError(other)


def _set_mode(path: Path, mode: int | None) -> None:
    """Give *path* the *mode* of what it replaces, if anything (else it keeps its own)."""
    if mode is not None:
        os.chmod(path, mode)


def _beside(target: Path, create: Callable[[Path], _T]) -> tuple[Path, _T]:
    """
    A new file or folder beside *target*, made by *create* under a free name.

    The name is short and of fixed length (``.negotiation-records-`` and 8 hex
    digits), not made from the target's: a target whose name is as long as
    the system allows (255 bytes) can still be written.
    """
    if not target.name:
        raise OSError("the root folder cannot be replaced")
    for _ in range(100):
        staging = target.with_name(f".negotiation-records-{secrets.token_hex(4)}")
        with contextlib.suppress(FileExistsError):
            return staging, create(staging)
    raise FileExistsError(  # pragma: no cover - 100 random names all in use
        errno.EEXIST, "no free name beside it for a new file"
    )


def _file_named(name: str) -> Path:
    """
    The file *name* (as given on the command line) names, or the OSError
    that ``open()`` and a shell's ``>`` give for a name that ends in a
    separator, which names a folder, whether or not a file of that name
    exists ("Is a directory"; ``Path`` would drop the separator and replace
    the file ``notes.txt`` for ``notes.txt/``).
    """
    if name.endswith((os.sep, os.altsep or os.sep)):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    return Path(name)


@contextlib.contextmanager
def replacing(name: str, *, other: str = "not a regular file") -> Iterator[int]:
    """
    A new file beside the file *name* (as given), open for writing (its
    descriptor), to be moved into place when the block ends, or removed if it
    fails.

    It gets the permissions of the file it replaces, or those ``open()`` gives.
    An OSError says why *name* cannot be written: a missing folder, a folder
    in the way or named (``out/``), or something that is not a regular file
    (*other* says so).
    """
    target = _file_named(name)
    # Asked through the link (/dev/stdout, a pipe, names no path of its own).
    mode = _kept_mode(target, folder=False, other=other)
    if target.is_symlink():  # written through the link, not over it
        target = Path(os.path.realpath(target))
    staging, handle = _beside(target, _open_new_file)
    try:
        _set_mode(staging, mode)
        yield handle
        staging.replace(target)
    except BaseException:
        _remove(staging)
        raise


def _open_new_file(path: Path) -> int:
    """Create the file *path*, open for writing, with the mode ``open()`` gives it."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, 0o666)


def _make_new_folder(path: Path) -> None:
    """Create the folder *path*, with the mode ``mkdir`` gives it."""
    os.mkdir(path, 0o777)


def _check_folder(folder: Path) -> None:
    """
    The folder a target is written in: missing, or a file, is an OSError, as
    for the other formats (an export makes no folder above its target, so a
    stopped one leaves nothing behind).
    """
    if not folder.is_dir():
        code = errno.ENOTDIR if folder.exists() else errno.ENOENT
        raise OSError(code, os.strerror(code))


def _remove(staging: Path) -> None:
    """Remove a file or folder written beside the target, as far as possible."""
    if staging.is_dir():
        shutil.rmtree(staging, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            staging.unlink()


def _parquet(args: argparse.Namespace, records: _Records, out: Output) -> str | None:
    # Made absolute (symbolic links above it left as they are), so that "." and
    # ".." name the folder to replace, and the new one is written beside it, not
    # in it; a link that is the target itself is written through.
    target = Path(os.path.abspath(args.output))
    try:
        if target.is_symlink():
            target = Path(os.path.realpath(target))
    except OSError as exc:  # a name too long, a folder above it not searchable
        out.error(cannot_write(args.output, exc))
        return None
    held = _what_it_holds(target, args.files)
    if held is not None:
        out.error(
            f"{display(args.output)} holds {held}, which --overwrite would delete; "
            "give a new folder for the tables"
        )
        return None
    try:
        if target.exists() and not target.is_dir():
            out.error(f"{display(args.output)} is a file; parquet writes a folder")
            return None
        if target.is_dir() and any(target.iterdir()) and not args.overwrite:
            out.error(
                f"{display(args.output)} is not empty (give --overwrite to replace it)"
            )
            return None
        _check_folder(target.parent)
        mode = _kept_mode(target, folder=True)
        staging, _ = _beside(target, _make_new_folder)
    except OSError as exc:
        out.error(cannot_write(args.output, exc))
        return None
    try:
        _set_mode(staging, mode)
        rows = _tables(records, staging, args.batch_size or _BATCH_SIZE)
        replaced = _swap_in(staging, target)
    except OSError as exc:
        _remove(staging)
        out.error(cannot_write(args.output, exc))
        return None
    except BaseException:
        _remove(staging)
        raise
    if replaced is not None:
        try:
            shutil.rmtree(replaced)
        except OSError as exc:  # the new tables are in place: say what is left
            out.error(
                f"wrote the tables to {display(args.output)}, but the folder they "
                f"replaced could not be removed entirely ({exc.strerror or exc}): "
                f"what is left of it is in {display(str(replaced))}"
            )
            return None
    total = sum(rows.values())
    return f"{total} row{'' if total == 1 else 's'} in {len(rows)} tables"


def _swap_in(staging: Path, target: Path) -> Path | None:
    """
    Move the folder *staging* to *target*; the folder *target* was, moved
    aside under a free name beside it (``None`` if there was none), for the
    caller to delete.  Nothing is deleted here: if the move fails, the old
    folder is moved back, and *target* is as it was.
    """
    if not target.exists():
        staging.rename(target)
        return None
    aside, _ = _beside(target, target.rename)
    try:
        staging.rename(target)
    except BaseException:
        aside.rename(target)
        raise
    return aside


def _forms(path: str | Path) -> set[Path]:
    """*path* made absolute, as written and with its symbolic links resolved."""
    written = Path(os.path.abspath(path))
    try:
        return {written, written.resolve()}
    except (OSError, RuntimeError):  # a loop of links: as written only
        return {written}


def _holds(folder: str | Path, path: str | Path, *, itself: bool = False) -> bool:
    """
    Whether *folder* is a folder above *path* (or *path* itself, if *itself*),
    as written or through symbolic links.
    """
    folders = _forms(folder)
    return any(
        (itself and place in folders) or not folders.isdisjoint(place.parents)
        for place in _forms(path)
    )


def _tables(records: _Records, folder: Path, batch_size: int) -> dict[str, int]:
    """
    The tables of *records* written in *folder*; a value that no column holds
    stops the export as a record with problems does, at its file.
    """
    from negotiation_records.tables import (  # noqa: PLC0415
        ColumnValueError,
        write_parquet,
    )

    try:
        return write_parquet(records, folder, batch_size=batch_size, overwrite=True)
    except ColumnValueError as exc:
        shown = records.file_of(exc.negotiation_id)
        raise _StoppedError([f"{shown}: {p}: {m}" for p, m in exc.errors]) from None


def _what_it_holds(target: Path, files: Sequence[str]) -> str | None:
    """
    What *target*, a folder the tables would replace, must not hold: the
    current folder, or one of the files read (also through symbolic links,
    and the file standard input reads, by its device and inode).  ``None``
    when it holds neither.
    """
    if _holds(target, os.curdir, itself=True):
        return "the current folder"
    for name in files:
        if name != _STDOUT and _holds(target, name):
            return f"the input file {display(name)}"
    read = _stdin_file() if _STDOUT in files else None
    if read is not None and target.is_dir():
        for folder, _, names in os.walk(target):
            for name in names:
                with contextlib.suppress(OSError):
                    if os.path.samestat(os.stat(os.path.join(folder, name)), read):
                        return "the file standard input reads"
    return None


def _stdin_file() -> os.stat_result | None:
    """The status of the regular file standard input reads, if it reads one."""
    try:
        found = os.fstat(sys.stdin.fileno())
    except (AttributeError, OSError, ValueError):  # replaced, or closed
        return None
    return found if stat.S_ISREG(found.st_mode) else None


def _same_file(one: str | Path, other: str | Path) -> bool:
    """Whether *one* and *other* name the same file (a link to it included)."""
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):  # one is missing: the same only by name
        return not _forms(one).isdisjoint(_forms(other))


def input_at(target: str, files: Sequence[str]) -> str | None:
    """
    The file of *files* (FILE arguments: ``-`` is none) that *target*, the
    file to write, would replace: the same file by any name, a symbolic link
    to it included; ``None`` when it would replace none of them.
    """
    for name in files:
        if name != _STDOUT and _same_file(target, name):
            return name
    read = _stdin_file() if _STDOUT in files else None
    if read is not None:
        with contextlib.suppress(OSError):
            if os.path.samestat(os.stat(target), read):
                return "standard input"
    return None


def _to_file(args: argparse.Namespace, talks: _Records, out: Output) -> str | None:
    if args.output == _STDOUT:
        stream = utf8_output(out.out)  # a calendar and JSON Lines are UTF-8
        if args.format == "plover":  # written as the records are read
            stream = cast(TextIO, _LinesAboveBar(out, stream))
        summary = _write(args.format, talks, stream, args.at, args.uid_domain)
        stream.flush()  # a write that fails fails here, before "wrote ..."
        return summary
    read = input_at(args.output, args.files)
    if read is not None:
        out.error(
            f"{display(args.output)} is the input file {display(read)}, "
            "which the export would "
            "replace; give another file to write"
        )
        return None
    try:
        with (
            replacing(args.output, other=_NOT_A_FILE) as handle,
            os.fdopen(handle, "w", encoding="utf-8", newline="") as stream,
        ):
            return _write(args.format, talks, stream, args.at, args.uid_domain)
    except OSError as exc:  # reading failures stop the export before this
        out.error(cannot_write(args.output, exc))
        return None


def _write(
    format: str,  # noqa: A002
    talks: _Records,
    stream: TextIO,
    at: Moment | None,
    uid_domain: str | None = None,
) -> str:
    """
    Write PLOVER events or a calendar of *talks* as of *at* to *stream* (the
    calendar's ``UID`` in *uid_domain*).
    """
    if format == "plover":
        from negotiation_records.plover import write_plover  # noqa: PLC0415

        count = write_plover(talks, stream, at=at)
        return f"{count} PLOVER event{'' if count == 1 else 's'}"
    from negotiation_records.ical import to_ical  # noqa: PLC0415

    try:
        text = to_ical(talks, at=at, uid_domain=uid_domain)  # read one at a time
    except ValidationError as exc:  # a time no calendar can write (past 9999 in UTC)
        raise talks.unwritable(exc.errors) from None
    stream.write(text)
    # A line of its own (record text is on a property's line, after its name).
    events = text.count("\r\nBEGIN:VEVENT\r\n")
    return f"a calendar of {events} event{'' if events == 1 else 's'}"
