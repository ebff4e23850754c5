"""
The ``negotiation-records`` command line (also ``python -m negotiation_records``).

Check record files in CI, see what falls due, and draw the timeline, without
writing Python::

    negotiation-records validate talks.json more-talks.jsonl
    negotiation-records show talks.json
    negotiation-records timeline talks.json --tz Europe/Kyiv
    negotiation-records deadlines talks.json --within P14D
    negotiation-records schema Party
    negotiation-records plot talks.json -o talks.png

Exit status: 0 when all is well, 1 when a file has problems (or cannot be read),
2 for a usage error.  Errors go to standard error.

Tables are coloured and fitted to the terminal with `rich` when it is installed
(the ``cli`` extra) and standard output is a terminal; otherwise they are plain
aligned text, the same with or without the extra, fit for ``grep`` and scripts.
The progress bar over a JSON Lines file is drawn only when standard error is a
terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, NamedTuple, NoReturn, TextIO

import pendulum

from negotiation_records._record import Record
from negotiation_records.deadlines import Deadline
from negotiation_records.errors import NegotiationRecordError, ValidationError
from negotiation_records.negotiation import Negotiation
from negotiation_records.queries import deadline_in_force
from negotiation_records.schema import json_schema
from negotiation_records.serialization import from_json
from negotiation_records.timeutil import (
    Moment,
    Period,
    format_moment,
    moment_span,
    parse_moment,
    zone,
)
from negotiation_records.ultimatums import Ultimatum


__all__ = ["main"]

PROG = "negotiation-records"

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PLOT_SUFFIXES = frozenset({".png", ".svg", ".pdf"})


# --- argument types -------------------------------------------------------------------


def _messages(exc: ValidationError) -> str:
    return "; ".join(message for _, message in exc.errors)


def _moment_arg(text: str) -> Moment:
    """``--at``: a moment as :func:`~negotiation_records.parse_moment` reads it."""
    try:
        return parse_moment(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(_messages(exc)) from None


def _zone_arg(text: str) -> pendulum.Timezone | pendulum.FixedTimezone:
    """``--tz``: an IANA zone name."""
    try:
        return zone(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(_messages(exc)) from None


def _period_arg(text: str) -> Period:
    """``--within``: an ISO 8601 duration (``P14D``, ``PT48H``)."""
    try:
        return Period.parse(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(_messages(exc)) from None


def _record_types() -> dict[str, type[Any]]:
    """The record classes a file may hold, by name (``--type`` and ``schema``)."""
    import negotiation_records  # noqa: PLC0415

    found = {
        name: getattr(negotiation_records, name) for name in negotiation_records.__all__
    }
    return {
        name: obj
        for name, obj in found.items()
        if isinstance(obj, type) and issubclass(obj, Record)
    }


# --- output ---------------------------------------------------------------------------


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


def _rich_available() -> bool:
    try:
        import rich  # noqa: F401, PLC0415 - optional dependency
    except ImportError:
        return False
    return True


class _Output:
    """Where and how to print: plain text, or rich tables on a terminal."""

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out = out
        self.err = err
        self.rich = _is_terminal(out) and _rich_available()

    def line(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def error(self, text: str) -> None:
        self.err.write(f"{PROG}: error: {text}\n")

    def heading(self, text: str) -> None:
        if self.rich:
            from rich.console import Console  # noqa: PLC0415
            from rich.text import Text  # noqa: PLC0415

            Console(file=self.out).print(Text(text, style="bold"))
        else:
            self.line(text)

    def table(
        self, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]
    ) -> None:
        """A table with a title; ``(none)`` under the title when there are no rows."""
        if self.rich:
            self._rich_table(title, headers, rows)
            return
        self.line(f"{title}:")
        if not rows:
            self.line("  (none)")
            return
        widths = [
            max(len(str(cell)) for cell in column)
            for column in zip(headers, *rows, strict=True)
        ]
        for cells in (headers, *rows):
            padded = [
                cell.ljust(width)
                for cell, width in zip(cells[:-1], widths[:-1], strict=True)
            ]
            self.line(("  " + "  ".join([*padded, cells[-1]])).rstrip())

    def _rich_table(
        self, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]
    ) -> None:
        from rich.console import Console  # noqa: PLC0415
        from rich.table import Table  # noqa: PLC0415
        from rich.text import Text  # noqa: PLC0415

        console = Console(file=self.out)
        if not rows:
            console.print(Text.assemble((title, "bold"), ": (none)"))
            return
        # Text objects, not strings: record text is data, never rich markup.
        table = Table(title=Text(title, style="bold"), title_justify="left")
        for index, header in enumerate(headers):
            table.add_column(Text(header), overflow="fold", no_wrap=index == 0)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)


@contextlib.contextmanager
def _progress(stream: BinaryIO, path: Path, err: TextIO) -> Iterator[BinaryIO]:
    """Wrap *stream* in a progress bar on a terminal; pass it through otherwise."""
    total = os.fstat(stream.fileno()).st_size
    if total <= 0 or not (_is_terminal(err) and _rich_available()):
        yield stream  # quiet: not a terminal, no rich, or no size to count (a pipe)
        return
    from rich.console import Console  # noqa: PLC0415
    from rich.progress import wrap_file  # noqa: PLC0415

    # The caller checked that `err` is a terminal; say so to rich, which would
    # otherwise look again and find out the same.
    console = Console(file=err, force_terminal=True)
    with wrap_file(
        stream, total, description=path.name, console=console, transient=True
    ) as reader:
        yield reader


# --- reading files ----------------------------------------------------------------------


class _FileError(Exception):
    """A file-level problem (missing, unreadable): reported at line 0."""


def _is_json_lines(path: Path) -> bool:
    """
    Whether *path* holds JSON Lines: by extension (``.jsonl``, ``.ndjson``) or,
    for any other name but ``.json``, by content — the first non-blank line is a
    whole JSON value and another non-blank line follows.
    """
    suffix = path.suffix.lower()
    if suffix in JSON_LINES_SUFFIXES:
        return True
    if suffix == ".json":
        return False
    try:
        with path.open("rb") as stream:
            lines = (line for line in stream if line.strip())
            first = next(lines, None)
            if first is None:
                return False
            try:
                json.loads(first)
            except ValueError:
                return False
            return next(lines, None) is not None
    except OSError as exc:
        raise _FileError(_os_message(exc)) from None


def _os_message(exc: OSError) -> str:
    return f"cannot read the file: {exc.strerror or exc}"


class _Problem(NamedTuple):
    """One problem found in one file."""

    file: str
    line: int
    path: str
    message: str

    def text(self) -> str:
        return f"{self.file}:{self.line}: {self.path}: {self.message}"


def _records(
    path: Path, cls: type[Any], err: TextIO
) -> Iterator[tuple[int, Any | ValidationError]]:
    """
    The records in *path*, each with its line, or the error that line raised.

    A JSON file gives one record at line 1 (or the line of a JSON syntax error);
    a JSON Lines file gives one per non-blank line, counted as
    :func:`~negotiation_records.serialization.read_jsonl` counts them, and
    carries on after a bad line so that every problem is found (``read_jsonl``
    stops at the first).
    """
    if not path.exists():
        raise _FileError("no such file")
    if path.is_dir():
        raise _FileError("is a directory, not a file")
    if not _is_json_lines(path):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise _FileError(_os_message(exc)) from None
        try:
            yield 1, from_json(cls, data)
        except ValidationError as exc:
            yield _syntax_error_line(exc), exc
        return
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise _FileError(_os_message(exc)) from None
    with stream, _progress(stream, path, err) as reader:
        for number, line in enumerate(reader, 1):
            if not line.strip():
                continue
            try:
                yield number, from_json(cls, line)
            except ValidationError as exc:
                yield number, exc


_SYNTAX_ERROR = re.compile(r"invalid JSON: .* at line (\d+) column \d+")


def _syntax_error_line(exc: ValidationError) -> int:
    """The line of a JSON syntax error in a whole file, or 1 for any other problem."""
    for path, message in exc.errors:
        match = _SYNTAX_ERROR.fullmatch(message)
        if path == "$" and match:
            return int(match.group(1))
    return 1


def _load(path: Path, out: _Output) -> list[Negotiation] | None:
    """Every negotiation in *path*; ``None`` (problems reported) if any is bad."""
    problems: list[_Problem] = []
    found: list[Negotiation] = []
    try:
        for line, record in _records(path, Negotiation, out.err):
            if isinstance(record, ValidationError):
                problems.extend(
                    _Problem(str(path), line, p, m) for p, m in record.errors
                )
            else:
                found.append(record)
    except _FileError as exc:
        out.error(f"{path}: {exc}")
        return None
    for problem in problems:
        out.err.write(problem.text() + "\n")
    if problems:
        out.error(f"{path} is not a valid record ({_count(len(problems), 'problem')})")
        return None
    if not found:
        out.error(f"{path} holds no record")
        return None
    return found


# --- commands ---------------------------------------------------------------------------


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _cmd_validate(args: argparse.Namespace, out: _Output) -> int:
    cls = _record_types()[args.type]
    problems: list[_Problem] = []
    files: list[dict[str, object]] = []
    for name in args.files:
        path = Path(name)
        count = 0
        before = len(problems)
        try:
            for line, record in _records(path, cls, out.err):
                count += 1
                if isinstance(record, ValidationError):
                    problems.extend(
                        _Problem(name, line, p, m) for p, m in record.errors
                    )
        except _FileError as exc:
            problems.append(_Problem(name, 0, "$", str(exc)))
        files.append(
            {"file": name, "records": count, "problems": len(problems) - before}
        )
    if args.format == "json":
        document = {
            "ok": not problems,
            "type": args.type,
            "files": files,
            "problems": [p._asdict() for p in problems],
        }
        out.line(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            out.line(problem.text())
        if problems:
            bad = sum(1 for f in files if f["problems"])
            out.err.write(
                f"{_count(len(problems), 'problem')} in {bad} of "
                f"{_count(len(files), 'file')}\n"
            )
        else:
            out.err.write(f"no problems in {_count(len(files), 'file')}\n")
    return EXIT_PROBLEMS if problems else EXIT_OK


def _now() -> pendulum.DateTime:
    return pendulum.now(pendulum.UTC)


def _names(ids: Sequence[str]) -> str:
    return ", ".join(ids) if ids else "-"


def _show_moment(moment: Moment, tz: Any = None) -> str:
    """A moment as the record writes it; a datetime moved to *tz* first, if given."""
    if tz is not None and isinstance(moment, pendulum.DateTime):
        moment = moment.in_timezone(tz)
    return format_moment(moment)


def _each_record(
    args: argparse.Namespace, out: _Output, body: Callable[[Negotiation], None]
) -> int:
    """Run *body* on every negotiation in ``args.file``, a blank line between them."""
    records = _load(Path(args.file), out)
    if records is None:
        return EXIT_PROBLEMS
    for index, talks in enumerate(records):
        if index:
            out.line()
        body(talks)
    return EXIT_OK


def _ultimatum_row(ultimatum: Ultimatum, deadline: Deadline, at: Moment) -> list[str]:
    return [
        ultimatum.id,
        ultimatum.issued_by,
        _names(ultimatum.addressed_to),
        _show_moment(deadline.due),
        deadline.describe(at),
    ]


def _cmd_show(args: argparse.Namespace, out: _Output) -> int:
    at: Moment = args.at if args.at is not None else _now()

    def show(talks: Negotiation) -> None:
        out.heading(f"{talks.title} [{talks.id}] — {talks.status.value}")
        out.line(f"as of {_show_moment(at)}")
        out.table(
            "Parties",
            ["id", "name", "kind", "role"],
            [[p.id, p.name, p.kind.value, p.role.value] for p in talks.parties],
        )
        out.table(
            "Rounds",
            ["round", "status", "when", "where", "outcomes"],
            [
                [
                    str(r.number),
                    r.status.value,
                    _show_moment(r.starts) if r.starts else str(r.window or "-"),
                    r.location or "-",
                    str(len(r.outcomes)),
                ]
                for r in talks.rounds
            ],
        )
        out.table(
            "Open proposals",
            ["id", "by", "to", "made on", "status", "summary"],
            [
                [
                    p.id,
                    p.proposed_by,
                    _names(p.addressed_to),
                    _show_moment(p.made_on),
                    p.status.value,
                    p.summary,
                ]
                for p in talks.proposals
                if p.status.is_open
            ],
        )
        out.table(
            "Pending ultimatums",
            ["id", "by", "to", "deadline", "time left"],
            [
                _ultimatum_row(u, deadline_in_force(u, at), at)
                for u in talks.pending_ultimatums(at)
            ],
        )

    return _each_record(args, out, show)


def _starts_by(moment: Moment, at: Moment) -> bool:
    """Whether *moment* starts before *at* starts (a date: at 00:00 UTC)."""
    return moment_span(moment)[0] < moment_span(at)[0]


def _cmd_timeline(args: argparse.Namespace, out: _Output) -> int:
    def timeline(talks: Negotiation) -> None:
        events = talks.timeline()
        rows = [
            [
                _show_moment(event.moment, args.tz),
                event.kind.value,
                str(event.record_id),
                event.summary,
            ]
            for event in events
        ]
        if args.at is not None:
            before = [_starts_by(event.moment, args.at) for event in events]
            index = before.index(False) if False in before else len(rows)
            marker = [_show_moment(args.at, args.tz), "at", "-", "(--at)"]
            rows.insert(index, marker)
        out.table(
            f"Timeline of {talks.title}", ["when", "what", "record", "summary"], rows
        )

    return _each_record(args, out, timeline)


def _cmd_deadlines(args: argparse.Namespace, out: _Output) -> int:
    at: Moment = args.at if args.at is not None else _now()
    within = "" if args.within is None else f" within {args.within.describe()}"

    def deadlines(talks: Negotiation) -> None:
        out.heading(f"{talks.title} — deadlines as of {_show_moment(at)}")
        upcoming = talks.upcoming_deadlines(at, within=args.within)
        out.table(
            f"Due{within}",
            ["ultimatum", "by", "to", "due", "time left"],
            [_ultimatum_row(u, deadline, at) for u, deadline in upcoming],
        )
        expired = talks.expired_deadlines(at)
        out.table(
            "Passed",
            ["ultimatum", "by", "to", "due", "passed"],
            [_ultimatum_row(u, deadline, at) for u, deadline in expired],
        )

    return _each_record(args, out, deadlines)


def _cmd_schema(args: argparse.Namespace, out: _Output) -> int:
    schema = json_schema(_record_types()[args.type])
    out.line(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _cmd_plot(args: argparse.Namespace, out: _Output) -> int:
    target = Path(args.output)
    records = _load(Path(args.file), out)
    if records is None:
        return EXIT_PROBLEMS
    if len(records) != 1:
        out.error(
            f"{args.file} holds {len(records)} records; plot draws one "
            "(split the file, or give a JSON file)"
        )
        return EXIT_PROBLEMS
    try:
        from negotiation_records import plot  # noqa: PLC0415

        figure = plot.timeline(records[0], at=args.at)
    except ImportError as exc:
        out.error(str(exc))
        return EXIT_PROBLEMS
    try:
        figure.savefig(target, format=target.suffix[1:].lower())
    except OSError as exc:
        out.error(f"cannot write {target}: {exc.strerror or exc}")
        return EXIT_PROBLEMS
    out.err.write(f"wrote {target}\n")
    return EXIT_OK


# --- the parser -------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors raise instead of exiting."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def _output_arg(text: str) -> str:
    suffix = Path(text).suffix.lower()
    if suffix not in PLOT_SUFFIXES:
        known = ", ".join(sorted(PLOT_SUFFIXES))
        raise argparse.ArgumentTypeError(
            f"{text!r}: the file name must end in one of {known}"
        )
    return text


def _version() -> str:
    from importlib.metadata import version  # noqa: PLC0415

    return f"{PROG} {version('negotiation-records')}"


_FILE_HELP = "a JSON file holding a negotiation, or JSON Lines holding several"
_AT_HELP = (
    "the moment to look from: 2025-07-20, 2025-07-20T12:00:00+03:00 or "
    "2025-07-20T12:00:00+03:00[Europe/Kyiv] (default: now)"
)


def build_parser() -> argparse.ArgumentParser:
    """
    The argument parser of the ``negotiation-records`` command.

    Example:
        >>> from negotiation_records.cli import build_parser
        >>> args = build_parser().parse_args(["deadlines", "talks.json", "--within", "P14D"])
        >>> args.command, args.within.isoformat()
        ('deadlines', 'P14D')
    """
    types = sorted(_record_types())
    parser = _Parser(
        prog=PROG,
        description="Check, summarise and draw negotiation records kept in JSON "
        "or JSON Lines files.",
        epilog="Exit status: 0 ok, 1 problems found, 2 usage error. "
        "Run '%(prog)s COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )

    validate = commands.add_parser(
        "validate",
        help="check files and print every problem",
        description="Check JSON and JSON Lines files and print every problem as "
        "FILE:LINE: PATH: MESSAGE.  LINE is the line of a JSON Lines record, the "
        "line of a JSON syntax error, 1 for any other problem in a JSON file, and "
        "0 when the file itself cannot be read.  A file is JSON Lines when its "
        "name ends in .jsonl or .ndjson, or (for a name not ending in .json) when "
        "its first line is a whole JSON value and more lines follow.",
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="JSON or JSON Lines files to check"
    )
    validate.add_argument(
        "--type",
        choices=types,
        default="Negotiation",
        metavar="TYPE",
        help=f"the record type the files hold (default: Negotiation; one of "
        f"{', '.join(types)})",
    )
    validate.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text lines (default) or one JSON document",
    )
    validate.set_defaults(handler=_cmd_validate)

    show = commands.add_parser(
        "show",
        help="summarise a negotiation",
        description="Summarise a negotiation: parties, rounds, open proposals and "
        "pending ultimatums.",
    )
    show.add_argument("file", metavar="FILE", help=_FILE_HELP)
    show.add_argument("--at", type=_moment_arg, metavar="MOMENT", help=_AT_HELP)
    show.set_defaults(handler=_cmd_show)

    timeline = commands.add_parser(
        "timeline",
        help="list every dated event in time order",
        description="List every dated event in time order: rounds, proposals, "
        "responses, ultimatums, deadlines and statements.",
    )
    timeline.add_argument("file", metavar="FILE", help=_FILE_HELP)
    timeline.add_argument(
        "--at",
        type=_moment_arg,
        metavar="MOMENT",
        help="mark this moment with a row in the table",
    )
    timeline.add_argument(
        "--tz",
        type=_zone_arg,
        metavar="ZONE",
        help="show times of day in this IANA zone (dates stay as recorded)",
    )
    timeline.set_defaults(handler=_cmd_timeline)

    deadlines = commands.add_parser(
        "deadlines",
        help="what is due and what has passed",
        description="List the deadlines still to come, with the time left, and "
        "those that have passed.",
    )
    deadlines.add_argument("file", metavar="FILE", help=_FILE_HELP)
    deadlines.add_argument("--at", type=_moment_arg, metavar="MOMENT", help=_AT_HELP)
    deadlines.add_argument(
        "--within",
        type=_period_arg,
        metavar="DURATION",
        help="only deadlines due within this ISO 8601 duration (P14D, P1M, PT48H)",
    )
    deadlines.set_defaults(handler=_cmd_deadlines)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a record type",
        description="Print the JSON Schema (draft 2020-12) of a record type.",
    )
    schema.add_argument(
        "type",
        nargs="?",
        default="Negotiation",
        choices=types,
        metavar="TYPE",
        help=f"default: Negotiation; one of {', '.join(types)}",
    )
    schema.set_defaults(handler=_cmd_schema)

    plot = commands.add_parser(
        "plot",
        help="draw the timeline as a picture",
        description="Draw the timeline of a negotiation (one lane per party) as a "
        "PNG, SVG or PDF file.  Needs the 'plot' extra (matplotlib).",
    )
    plot.add_argument("file", metavar="FILE", help=_FILE_HELP)
    plot.add_argument(
        "-o",
        "--output",
        required=True,
        type=_output_arg,
        metavar="OUT",
        help="the picture to write: a name ending in .png, .svg or .pdf",
    )
    plot.add_argument(
        "--at",
        type=_moment_arg,
        metavar="MOMENT",
        help="draw a line at this moment (default: no line)",
    )
    plot.set_defaults(handler=_cmd_plot)
    return parser


# --- entry point ----------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status.

    The ``negotiation-records`` console script and ``python -m
    negotiation_records`` call this.  Usage errors print the usage and a message
    on standard error and return 2; ``--help`` and ``--version`` return 0.
    """
    out = _Output(sys.stdout, sys.stderr)
    try:
        args = build_parser().parse_args(argv)
    except _UsageError as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    handler: Callable[[argparse.Namespace, _Output], int] = args.handler
    try:
        return handler(args, out)
    except NegotiationRecordError as exc:
        out.error(str(exc))
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PROBLEMS


def _silence_stdout() -> None:
    """After a closed pipe (``| head``), keep Python from failing on exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
