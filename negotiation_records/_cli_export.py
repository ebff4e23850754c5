"""
The ``export`` command (private): records as Parquet tables, PLOVER events or a
calendar, for the tools analysts and readers use.

::

    negotiation-records export talks.jsonl --format parquet -o corpus/
    negotiation-records export talks.json --format plover -o events.jsonl
    negotiation-records export talks.json --format ics -o deadlines.ics

The files are read one record at a time (a JSON Lines file of any length
streams through, with a progress bar when standard error is a terminal), and
the export stops at the first record with problems: every problem of that
record is printed as ``FILE:LINE: PATH: MESSAGE``, the output is removed, and
the exit status is 1.  An export holds all of the files or none of them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, TextIO

from negotiation_records._cli_args import moment_arg
from negotiation_records._cli_read import FileError, Problem, display, read_records
from negotiation_records.negotiation import Negotiation
from negotiation_records.timeutil import Moment


__all__ = ["FORMATS", "add_export_command", "run_export"]

FORMATS = ("parquet", "plover", "ics")
"""The formats ``export`` writes."""

_STDOUT = "-"


class Output(Protocol):
    """What the command prints through (the command line's output)."""

    err: TextIO

    def error(self, text: str) -> None:
        """Print an error message on standard error."""


class _StoppedError(Exception):
    """A record with problems, or a file that cannot be read: the export stops."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def add_export_command(commands: Any, file_help: str, at_help: str) -> None:
    """Add ``export`` to the command line's *commands* (``add_subparsers()``)."""
    export = commands.add_parser(
        "export",
        help="write negotiations as Parquet tables, PLOVER events or a calendar",
        description="Write the negotiations in FILEs as a Parquet dataset (one "
        "folder per table, for DuckDB, pandas, polars, Spark or Dask), as PLOVER "
        "events (JSON Lines) or as an iCalendar file of deadlines and scheduled "
        "rounds.  The export stops at the first record with problems and removes "
        "what it wrote.",
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
        "--overwrite",
        action="store_true",
        help="parquet: replace what OUT holds",
    )
    export.add_argument(
        "--batch-size",
        type=_positive,
        default=1000,
        metavar="N",
        help="parquet: negotiations per written batch (default: 1000)",
    )
    export.set_defaults(handler=run_export)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _negotiations(
    files: Sequence[str], at: Moment | None, out: Output, counter: list[int]
) -> Iterator[Negotiation]:
    """Every negotiation in *files* in turn, as of *at*; stops at a problem."""
    for name in files:
        shown = display(name)
        try:
            for read in read_records(name, Negotiation, out.err):
                if read.problems:
                    raise _StoppedError([Problem(shown, *p) for p in read.problems])
                assert isinstance(read.record, Negotiation)  # noqa: S101
                counter[0] += 1
                yield read.record if at is None else read.record.as_of(at)
        except FileError as exc:
            raise _StoppedError([Problem(shown, 0, "$", str(exc))]) from None


def run_export(args: argparse.Namespace, out: Output) -> int:
    """Run ``export``; the exit status."""
    counter = [0]
    talks = _negotiations(args.files, args.at, out, counter)
    try:
        if args.format == "parquet":
            summary = _parquet(args, talks, out)
        else:
            summary = _to_file(args, talks)
    except _StoppedError as stop:
        for problem in stop.problems:
            out.err.write(problem.text() + "\n")
        left = (
            "what was written to standard output is incomplete"
            if args.output == _STDOUT
            else f"nothing was written to {args.output}"
        )
        out.error(f"export stopped at the first problem; {left}")
        return 1
    except ImportError as exc:
        out.error(str(exc))
        return 1
    if summary is None:
        return 1
    negotiations = counter[0]
    out.err.write(
        f"wrote {summary} from {negotiations} "
        f"negotiation{'' if negotiations == 1 else 's'} to {args.output}\n"
    )
    return 0


def _parquet(
    args: argparse.Namespace, talks: Iterator[Negotiation], out: Output
) -> str | None:
    from negotiation_records.tables import write_parquet  # noqa: PLC0415

    target = Path(args.output)
    if target.exists() and not target.is_dir():
        out.error(f"{args.output} is a file; parquet writes a folder")
        return None
    if target.is_dir() and any(target.iterdir()) and not args.overwrite:
        out.error(f"{args.output} is not empty (give --overwrite to replace it)")
        return None
    # Written beside the target, then moved into place: a stopped export
    # leaves the target as it was.
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        rows = write_parquet(talks, staging, batch_size=args.batch_size, overwrite=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return f"{sum(rows.values())} rows in {len(rows)} tables"


def _to_file(args: argparse.Namespace, talks: Iterator[Negotiation]) -> str:
    if args.output == _STDOUT:
        return _write(args.format, talks, sys.stdout)
    target = Path(args.output)
    handle, staging = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            summary = _write(args.format, talks, stream)
        Path(staging).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(staging).unlink()
        raise
    return summary


def _write(format: str, talks: Iterator[Negotiation], stream: TextIO) -> str:  # noqa: A002
    if format == "plover":
        from negotiation_records.plover import write_plover  # noqa: PLC0415

        count = write_plover(talks, stream)
        return f"{count} PLOVER event{'' if count == 1 else 's'}"
    from negotiation_records.ical import to_ical  # noqa: PLC0415

    text = to_ical(list(talks))
    stream.write(text)
    events = text.count("BEGIN:VEVENT")
    return f"a calendar of {events} event{'' if events == 1 else 's'}"
