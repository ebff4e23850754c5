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
    negotiation-records export talks.jsonl --format parquet -o corpus/

Every FILE may be ``-``, standard input.  ``show``, ``timeline`` and ``deadlines``
take ``--tz`` and ``--format json`` (one JSON document; its shape is documented
in ``docs/cli.md``).

Exit status: 0 when all is well (an empty answer too, and when the reader of a
pipe goes away from a command that was succeeding), 1 when a file has problems
(or cannot be read, or holds no record) or the output cannot be written (a
missing folder, an encoding such as ASCII that lacks a character of the
record), 2 for a usage error, 130 when interrupted; a command keeps 1 or 2 when
the reader goes away.  Errors go to standard error; no traceback does.

Tables are coloured and fitted to the terminal with `rich` when it is installed
(the ``cli`` extra) and standard output is a terminal; otherwise they are plain
aligned text, the same with or without the extra, fit for ``grep`` and scripts.
The progress bar over a JSON Lines file is drawn only when standard error is a
terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pendulum

from negotiation_records import _cli_model2
from negotiation_records._cli_args import (
    Refused,
    empty_name_problem,
    messages,
    picture_problem,
    record_types,
    refused,
)
from negotiation_records._cli_export import (
    cannot_write,
    format_option_problems,
    input_at,
    replacing,
)
from negotiation_records._cli_output import EXIT_OK, EXIT_PROBLEMS, Output
from negotiation_records._cli_parser import Parser, UsageError, command_parser
from negotiation_records._cli_read import (
    STDIN,
    FileError,
    Problem,
    display,
    exact,
    read_records,
)
from negotiation_records._cli_streams import (
    BIDI_RANGES,
    OutputError,
    QuietStream,
    Stdout,
    bidi_closed,
    encoding_problem,
    silence,
)
from negotiation_records._plot_size import pixel_problem, window_problems
from negotiation_records._record_versions import version_problem
from negotiation_records.deadlines import Deadline
from negotiation_records.errors import NegotiationRecordError, ValidationError
from negotiation_records.negotiation import Negotiation
from negotiation_records.queries import as_of_instant, deadline_in_force, horizon
from negotiation_records.rounds import Round
from negotiation_records.schema import json_schema
from negotiation_records.serialization import to_dict
from negotiation_records.timeline import TimelineEvent, timeline_and_place
from negotiation_records.timeutil import (
    Moment,
    Period,
    moment_text,
)
from negotiation_records.ultimatums import Ultimatum


__all__ = ["main"]

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
_WINDOW_OPTIONS = {"start": "from", "end": "until"}
#: The names of standard input: a second would read what the first drained.
_STANDARD_INPUT = frozenset({STDIN, "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"})

Zone = pendulum.Timezone | pendulum.FixedTimezone


def _load(name: str, out: Output) -> list[Negotiation] | None:
    """Every negotiation in the file *name*; ``None`` (problems reported) if any is bad."""
    shown = display(name)
    problems: list[Problem] = []
    found: list[Negotiation] = []
    records = bad = 0
    try:
        for read in read_records(name, Negotiation, out):
            problems.extend(Problem(shown, *problem) for problem in read.problems)
            records += 1
            bad += bool(read.problems)
            if read.record is not None:
                found.append(read.record)
    except FileError as exc:  # told as validate tells it, then what it stops
        problems.append(Problem(shown, 0, "$", str(exc)))
        summary = f"{shown} cannot be read"
    else:
        count = _count(len(problems), "problem")
        summary = (
            f"{shown} is not a valid record ({count})"
            if records == 1
            else f"{shown} has {count} in {bad} of {_count(records, 'record')}"
        )
        if not problems and not found:
            problems.append(Problem(shown, 0, "$", "holds no record"))
            summary = f"{shown} holds no record"
    if not problems:
        return found
    out.status = EXIT_PROBLEMS
    for problem in problems:
        out.err.write(problem.text() + "\n")
    out.error(summary)
    return None


# --- commands ---------------------------------------------------------------------------


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


#: What JSON lets stand as itself but could garble a terminal or a reader's
#: line count: the C1 controls, the line and paragraph separators and the
#: bidirectional controls (the C0 controls are escaped by ``json.dumps``).
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI_RANGES}]")


def _print_json(out: Output, document: object) -> None:
    """
    Print *document* indented, non-ASCII text as itself except the characters
    of ``_UNSAFE_IN_JSON``, written as ``\\u`` escapes: they occur only inside
    strings (JSON's own syntax is ASCII), so every string reads back exactly.
    """
    text = json.dumps(document, indent=2, ensure_ascii=False)
    out.line(_UNSAFE_IN_JSON.sub(_json_escape, text))


def _json_escape(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


def _cmd_validate(args: argparse.Namespace, out: Output) -> int:
    cls = record_types()[args.type]
    # Text is printed as each problem is found, so that memory does not grow
    # with the problems of a long file; JSON holds them for one document.
    held: list[Problem] | None = [] if args.format == "json" else None
    found = 0

    def report(problem: Problem) -> None:
        nonlocal found
        found += 1
        # Set before the problem is printed, so that it stands if the reader
        # of standard output goes away (| head -1).
        out.status = EXIT_PROBLEMS
        if held is None:
            out.line(problem.text())
        else:
            held.append(problem)

    files: list[dict[str, object]] = []
    for name in args.files:
        # A JSON document names the file exactly; text escapes what could
        # garble a line of the report.
        shown = display(name) if held is None else exact(name)
        count = 0
        before = found
        try:
            for read in read_records(name, cls, out, args.schema_version):
                count += 1
                for problem in read.problems:
                    report(Problem(shown, *problem))
        except FileError as exc:
            report(Problem(shown, 0, "$", str(exc)))
        else:
            if count == 0:  # a JSON Lines file of blank lines, as the others say
                report(Problem(shown, 0, "$", "holds no record"))
        files.append({"file": shown, "records": count, "problems": found - before})
    if held is not None:
        _print_json(
            out,
            {
                "ok": not found,
                "type": args.type,
                "files": files,
                "problems": [p._asdict() for p in held],
            },
        )
        return EXIT_PROBLEMS if found else EXIT_OK
    records = _count(sum(int(str(f["records"])) for f in files), "record")
    if found:
        bad = sum(1 for f in files if f["problems"])
        out.err.write(
            f"{_count(found, 'problem')} in {bad} of "
            f"{_count(len(files), 'file')} ({records} checked)\n"
        )
        return EXIT_PROBLEMS
    out.err.write(f"no problems in {_count(len(files), 'file')} ({records} checked)\n")
    return EXIT_OK


def _now() -> pendulum.DateTime:
    return pendulum.now(pendulum.UTC)


def _names(ids: Sequence[str]) -> str:
    return ", ".join(ids) if ids else "-"


def _show_moment(moment: Moment, tz: Zone | None = None) -> str:
    """
    A moment as the record writes it; a datetime moved to *tz* first, if given.

    A datetime that cannot be moved to *tz* (its instant would fall outside the
    calendar there, as 0001-01-01T00:00:00Z does in New York) is shown in its
    own zone.
    """
    if tz is not None and isinstance(moment, pendulum.DateTime):
        with contextlib.suppress(OverflowError):
            moment = moment.in_timezone(tz)
    return moment_text(moment)


def _at_shown(at: Moment, tz: Zone | None) -> str:
    """
    The timeline's row for *at*: as given, or with *tz* the instant it is
    read at there (a date or a month is the start of its first day in UTC,
    17:00 the day before in Vancouver), so that the row's time is in order
    with the times shown around it.
    """
    if tz is None or isinstance(at, pendulum.DateTime):
        return _show_moment(at, tz)
    return _show_moment(as_of_instant(at), tz)


def _each_record(
    args: argparse.Namespace,
    out: Output,
    body: Callable[[Negotiation], list[Callable[[], None]]],
    document: Callable[[list[dict[str, Any]]], dict[str, Any]],
    summary: Callable[[Negotiation], dict[str, Any]],
) -> int:
    """
    Run a command on every negotiation in ``args.file``.

    In text format, *body* gives each record's lines (a blank line between
    records); in JSON format, *summary* gives each record's part of the one
    *document* printed.  Everything is worked out before anything is printed,
    so a problem never leaves half a table behind.
    """
    records = _load(args.file, out)
    if records is None:
        return EXIT_PROBLEMS
    if args.format == "json":
        _print_json(out, document([summary(talks) for talks in records]))
        return EXIT_OK
    shown = out.out
    if not out.rich:  # written whole, once it is known the output can take it
        out.out = io.StringIO()
    try:
        for index, talks in enumerate(records):
            if index:
                out.line()
            for action in body(talks):
                action()
    finally:
        text, out.out = out.out, shown
    if isinstance(text, io.StringIO):
        written = text.getvalue()
        # a character the output's encoding lacks: UnicodeEncodeError (main())
        written.encode(
            shown.encoding or "utf-8", getattr(shown, "errors", None) or "strict"
        )
        shown.write(written)
    return EXIT_OK


class _Table(NamedTuple):
    """A table to print: a title, column headers and rows."""

    title: str
    headers: list[str]
    rows: list[list[str]]


def _printer(out: Output, parts: Sequence[str | _Table]) -> list[Callable[[], None]]:
    """What to print, as calls: a string is a heading, a _Table a table."""
    calls: list[Callable[[], None]] = []
    for part in parts:
        if isinstance(part, _Table):
            calls.append(functools.partial(out.table, *part))
        else:
            calls.append(functools.partial(out.heading, part))
    return calls


def _deadline_row(
    ultimatum: Ultimatum, deadline: Deadline, at: Moment, tz: Zone | None
) -> list[str]:
    """An ultimatum's deadline in force, as a row; the time left at the
    instant the queries read *at* (a date: its start in UTC)."""
    return [
        ultimatum.id,
        ultimatum.issued_by,
        _names(ultimatum.addressed_to),
        _show_moment(deadline.due, tz),
        deadline.describe(as_of_instant(at)),
    ]


def _deadline_json(
    ultimatum: Ultimatum, deadline: Deadline, at: Moment, tz: Zone | None
) -> dict[str, Any]:
    """
    An ultimatum's deadline in force, as the JSON formats write it; the time
    left at the instant the queries read *at* (a date: its start in UTC).
    """
    instant = as_of_instant(at)
    return {
        "ultimatum": ultimatum.id,
        "issued_by": ultimatum.issued_by,
        "addressed_to": list(ultimatum.addressed_to),
        "due": _show_moment(deadline.due, tz),
        "cutoff": _show_moment(deadline.cutoff, tz),
        "rule": deadline.describe_rule(),
        "time_left": deadline.describe(instant),
        "seconds_left": _cli_model2.seconds_left(deadline, instant),
        "deadline": to_dict(deadline),
    }


def _record_json(talks: Negotiation, at: Moment | None = None) -> dict[str, Any]:
    """The record's id, title and status (the one in force at *at*, if given; a
    snapshot's own status otherwise)."""
    status = talks.status if at is None else talks.status_at(at)
    return {"id": talks.id, "title": talks.title, "status": status.value}


def _round_when(rnd: Round, tz: Zone | None) -> str:
    """When a round is, as a row shows it: ``start..end`` (as a window is
    written), its start alone, else its window, else ``-``."""
    if rnd.starts is None:
        return str(rnd.window or "-")
    starts = _show_moment(rnd.starts, tz)
    if rnd.ends is None or rnd.ends == rnd.starts:
        return starts
    return f"{starts}..{_show_moment(rnd.ends, tz)}"


def _optional(moment: Moment | None, tz: Zone | None) -> str | None:
    return None if moment is None else _show_moment(moment, tz)


def _cmd_show(args: argparse.Namespace, out: Output) -> int:
    at: Moment = args.at if args.at is not None else _now()
    tz: Zone | None = args.tz

    def shown(moment: Moment) -> str:
        return _show_moment(moment, tz)

    def pending(talks: Negotiation) -> list[tuple[Ultimatum, Deadline]]:
        return [(u, deadline_in_force(u, at)) for u in talks.pending_ultimatums(at)]

    def show(record: Negotiation) -> list[Callable[[], None]]:
        talks = record.as_of(at)
        parts: list[str | _Table] = [
            # The title's open bidirectional controls closed where it ends: they
            # would reorder the id and status after it (shown() closes them
            # at the end of the heading only).
            f"{bidi_closed(talks.title)} [{talks.id}] — {talks.status.value}",
            _Table(
                "Parties",
                ["id", "name", "kind", "role"],
                [[p.id, p.name, p.kind.value, p.role.value] for p in talks.parties],
            ),
            _Table(
                "Rounds",
                ["round", "status", "when", "where", "outcomes"],
                [
                    [
                        str(r.number),
                        r.status.value,
                        _round_when(r, tz),
                        r.location or "-",
                        str(len(r.outcomes)),
                    ]
                    for r in talks.rounds
                ],
            ),
            _Table(
                "Open proposals",
                ["id", "by", "to", "made on", "status", "summary"],
                [
                    [
                        p.id,
                        _names(p.proposed_by),
                        _names(p.addressed_to),
                        _show_moment(p.made_on, tz),
                        p.status.value,
                        p.summary,
                    ]
                    for p in talks.proposals
                    if p.status.is_open
                ],
            ),
            _Table(
                "Pending ultimatums",
                ["id", "by", "to", "deadline", "time left"],
                [_deadline_row(u, d, at, tz) for u, d in pending(talks)],
            ),
            *(_Table(*t) for t in _cli_model2.show_tables(talks, shown)),
        ]
        calls = _printer(out, parts)
        calls.insert(1, functools.partial(out.line, f"as of {_show_moment(at, tz)}"))
        return calls

    def summary(record: Negotiation) -> dict[str, Any]:
        talks = record.as_of(at)
        return {
            **_record_json(talks),
            "parties": [
                {"id": p.id, "name": p.name, "kind": p.kind.value, "role": p.role.value}
                for p in talks.parties
            ],
            "rounds": [
                {
                    "number": r.number,
                    "status": r.status.value,
                    "starts": _optional(r.starts, tz),
                    "ends": _optional(r.ends, tz),
                    "window": None if r.window is None else to_dict(r.window),
                    "location": r.location,
                    "outcomes": len(r.outcomes),
                }
                for r in talks.rounds
            ],
            "open_proposals": [
                {
                    "id": p.id,
                    "proposed_by": list(p.proposed_by),
                    "addressed_to": list(p.addressed_to),
                    "made_on": _show_moment(p.made_on, tz),
                    "status": p.status.value,
                    "summary": p.summary,
                }
                for p in talks.proposals
                if p.status.is_open
            ],
            "pending_ultimatums": [
                _deadline_json(u, d, at, tz) for u, d in pending(talks)
            ],
            **_cli_model2.show_json(talks, shown),
        }

    def document(records: list[dict[str, Any]]) -> dict[str, Any]:
        return {"at": _show_moment(at, tz), "negotiations": records}

    return _each_record(args, out, show, document, summary)


def _cmd_timeline(args: argparse.Namespace, out: Output) -> int:
    tz: Zone | None = args.tz

    def events_of(talks: Negotiation) -> tuple[TimelineEvent, ...]:
        return talks.timeline(args.at, tz=tz)

    def timeline(talks: Negotiation) -> list[Callable[[], None]]:
        if args.at is None:
            events, place = events_of(talks), None
        else:  # the row for --at where the timeline's order puts it
            events, place = timeline_and_place(talks.as_of(args.at), args.at, tz)
        rows = [
            [
                _show_moment(event.moment, tz),
                event.kind.value,
                str(event.record_id),
                event.summary,
            ]
            for event in events
        ]
        if place is not None:
            rows.insert(place, [_at_shown(args.at, tz), "at", "-", "(--at)"])
        table = _Table(
            f"Timeline of {talks.title}", ["when", "what", "record", "summary"], rows
        )
        return _printer(out, [table])

    def summary(talks: Negotiation) -> dict[str, Any]:
        return {
            # The status as of --at, or now (as show and deadlines give it),
            # though without --at every recorded event is listed.
            **_record_json(talks, _now() if args.at is None else args.at),
            "events": [
                {
                    "moment": _show_moment(event.moment, tz),
                    "kind": event.kind.value,
                    "record_id": event.record_id,
                    "summary": event.summary,
                    "path": event.path,
                    "party": event.party,
                }
                for event in events_of(talks)
            ],
        }

    def document(records: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "at": _optional(args.at, tz),
            "tz": None if tz is None else tz.name,
            "negotiations": records,
        }

    return _each_record(args, out, timeline, document, summary)


def _cmd_deadlines(args: argparse.Namespace, out: Output) -> int:
    at: Moment = args.at if args.at is not None else _now()
    tz: Zone | None = args.tz

    def shown(moment: Moment) -> str:
        return _show_moment(moment, tz)

    # The horizon is named too: a date deadline due on its day is due within
    # the window, though its day ends later ("due in 4 days" within 3).
    within = (
        ""
        if args.within is None
        else f" within {args.within.describe()} (by {shown(horizon(at, args.within))})"
    )

    def lists(talks: Negotiation) -> tuple[Sequence[Any], Sequence[Any]]:
        return talks.upcoming_deadlines(at, within=args.within), (
            talks.expired_deadlines(at)
        )

    def deadlines(talks: Negotiation) -> list[Callable[[], None]]:
        upcoming, expired = lists(talks)
        headers = ["ultimatum", "by", "to", "due"]
        return _printer(
            out,
            [
                f"{bidi_closed(talks.title)} — deadlines as of {_show_moment(at, tz)}",
                _Table(
                    f"Due{within}",
                    [*headers, "time left"],
                    [_deadline_row(u, d, at, tz) for u, d in upcoming],
                ),
                _Table(
                    "Passed",
                    [*headers, "passed"],
                    [_deadline_row(u, d, at, tz) for u, d in expired],
                ),
                *(
                    _Table(*t)
                    for t in _cli_model2.deadline_tables(
                        talks, at, args.within, within, shown
                    )
                ),
            ],
        )

    def summary(talks: Negotiation) -> dict[str, Any]:
        upcoming, expired = lists(talks)
        return {
            **_record_json(talks, at),
            "due": [_deadline_json(u, d, at, tz) for u, d in upcoming],
            "passed": [_deadline_json(u, d, at, tz) for u, d in expired],
            **_cli_model2.deadlines_json(talks, at, args.within, shown, to_dict),
        }

    def document(records: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "at": _show_moment(at, tz),
            "within": None if args.within is None else args.within.isoformat(),
            "negotiations": records,
        }

    return _each_record(args, out, deadlines, document, summary)


def _cmd_schema(args: argparse.Namespace, out: Output) -> int:
    _print_json(out, json_schema(record_types()[args.type]))
    return EXIT_OK


def _cmd_plot(args: argparse.Namespace, out: Output) -> int:
    target = Path(args.output)
    read = input_at(args.output, [args.file])
    if read is not None:
        out.error(
            f"{display(args.output)} is the input file {display(read)}, "
            "which the picture would "
            "replace; give another file to write"
        )
        return EXIT_PROBLEMS
    records = _load(args.file, out)
    if records is None:
        return EXIT_PROBLEMS
    if len(records) != 1:
        out.error(
            f"{display(args.file)} holds {len(records)} records; plot draws one "
            "(split the file, or give a JSON file)"
        )
        return EXIT_PROBLEMS
    with warnings.catch_warnings():
        # A character the font lacks is drawn as a box; that is no error.
        warnings.filterwarnings(
            "ignore", message="Glyph .* missing from", category=UserWarning
        )
        return _draw(args, records[0], target, out)  # as of --at: see timeline


_PAD_IN = 0.15  # the white border around the picture, in inches


def _draw(
    args: argparse.Namespace, talks: Negotiation, target: Path, out: Output
) -> int:
    try:
        from negotiation_records import plot  # noqa: PLC0415

        figure = plot.timeline(
            talks,
            at=args.at,
            start=args.start,
            end=args.end,
            size=args.size,
            dpi=args.dpi,
        )
    except ImportError as exc:
        out.error(str(exc))
        return EXIT_PROBLEMS
    # Trimmed to what it draws, the picture can be wider than its size (a
    # long title runs past the edge): the budget holds for what is saved.
    box = figure.get_tightbbox(figure.canvas.get_renderer()).padded(_PAD_IN)  # type: ignore[attr-defined]
    problem = pixel_problem(box.width, box.height, args.dpi)
    if problem is not None:
        out.error(
            "the picture trimmed to what it draws (text past its edges, such as "
            f"a long title, widens it): {problem.text}: give a lower --dpi "
            f"({problem.at_most('dpi')})"
        )
        return EXIT_PROBLEMS
    try:  # beside the target, then moved into place: as export writes
        with replacing(args.output) as handle, os.fdopen(handle, "wb") as stream:
            figure.savefig(
                stream,
                format=target.suffix[1:].lower(),
                dpi=args.dpi,
                bbox_inches="tight",
                pad_inches=_PAD_IN,
            )
    except OSError as exc:
        out.error(cannot_write(args.output, exc))
        return EXIT_PROBLEMS
    out.err.write(f"wrote {display(args.output)}\n")
    return EXIT_OK


def build_parser() -> Parser:
    """
    The argument parser of the ``negotiation-records`` command.

    Example:
        >>> from negotiation_records.cli import build_parser
        >>> args = build_parser().parse_args(["deadlines", "talks.json", "--within", "P14D"])
        >>> args.command, args.within.isoformat()
        ('deadlines', 'P14D')
    """
    return _parser(lenient=False)


def _parser(*, lenient: bool) -> Parser:
    """The command's parser, keeping the values their types refuse if *lenient*."""
    return command_parser(
        {
            "validate": _cmd_validate,
            "show": _cmd_show,
            "timeline": _cmd_timeline,
            "deadlines": _cmd_deadlines,
            "schema": _cmd_schema,
            "plot": _cmd_plot,
        },
        lenient=lenient,
    )


# --- entry point ----------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status.

    The ``negotiation-records`` console script and ``python -m
    negotiation_records`` call this.  Usage errors print the usage and a message
    on standard error and return 2; ``--help`` and ``--version`` return 0.  A
    reader that goes away (``| head``) ends the command quietly, with the
    status it had come to: 0, or 1 when it had found problems.
    """
    out = Output(Stdout.of(sys.stdout), QuietStream.of(sys.stderr))
    try:
        status = _run(argv, out)
        out.out.flush()  # here, not at exit, so that a closed pipe is seen here
    except OutputError as exc:  # closed (>&-), or a full disk
        silence(sys.stdout)
        out.error(f"cannot write standard output: {exc}")
        status = out.status
    except BrokenPipeError:  # the reader went away: what was found stands
        silence(sys.stdout)
        status = out.status
    out.err.flush()
    return status


def _run(argv: Sequence[str] | None, out: Output) -> int:
    """Parse *argv* and run its command; the exit status, also in ``out.status``."""
    parser = _parser(lenient=True)  # every usage problem told, not the first
    try:
        args, extra = parser.parse_known_args(argv)
        problems = _usage_problems(args, extra)
        if problems:  # under the command's usage line, not the program's
            command: Parser = getattr(args, "command_parser", parser)
            command.fail(problems)
    except UsageError as exc:
        out.status = EXIT_USAGE
        out.err.write(f"{exc}\n")
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version: main() flushes what they wrote
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    handler: Callable[[argparse.Namespace, Output], int] = args.handler
    try:
        out.status = handler(args, out)
    except NegotiationRecordError as exc:
        out.error(str(exc))
    except UnicodeEncodeError as exc:  # standard output in ASCII or Latin-1
        out.error(encoding_problem(exc))
    except (OverflowError, RecursionError) as exc:  # the last line of defence
        out.error(f"cannot handle a value of the record: {exc}")
    except KeyboardInterrupt:
        out.status = EXIT_INTERRUPTED
    return out.status


def _usage_problems(args: argparse.Namespace, extra: list[str]) -> list[str]:
    """
    Every usage problem of the parsed command line *args* (and the *extra*
    arguments no option took): each value its type refused, then what the
    values say together.  A rule that reads a refused value is not asked.
    """
    problems: list[str | None] = [str(value) for value in refused(args)]
    if extra:
        problems.append("unrecognized arguments: " + " ".join(map(display, extra)))

    def read(*names: str) -> bool:  # none of these values refused
        return not any(isinstance(getattr(args, name, None), Refused) for name in names)

    if getattr(args, "format", None) == "parquet" and args.output == "-":
        problems.append(
            "argument -o/--output: parquet writes a folder of files, not "
            "standard output; give a folder"
        )
    if sum(name in _STANDARD_INPUT for name in getattr(args, "files", [])) > 1:
        problems.append("standard input ('-', /dev/stdin) can be read only once")
    if read("start", "end"):
        start, end = getattr(args, "start", None), getattr(args, "end", None)
        problems += [
            f"argument --{_WINDOW_OPTIONS[name]}: {told}"
            for name, told in window_problems(start, end)
        ]
    problems.append(empty_name_problem(args))
    if read("uid_domain", "batch_size"):
        problems += format_option_problems(args, at_read=read("at"))
    if read("size", "dpi"):
        problems.append(picture_problem(args))
    if getattr(args, "schema_version", None) is not None and read("schema_version"):
        problem = version_problem(record_types()[args.type], args.schema_version)
        if problem is not None:
            shown = problem.replace("schema_version out", "--schema-version out")
            problems.append(f"argument --schema-version: {shown}")
    if getattr(args, "within", None) is not None and read("at", "within"):
        problem = _horizon_problem(args.at, args.within)
        if problem is not None:
            problems.append(f"argument --within: {problem}")
    return [problem for problem in problems if problem is not None]


def _horizon_problem(at: Moment | None, within: Period) -> str | None:
    """
    Why ``--at`` plus ``--within`` has no end (past 9999-12-31).

    The horizon is asked of the deadline queries
    (:func:`~negotiation_records.queries.horizon`), so that the command takes
    what they take (a month ``--at`` counts from its first day) and refuses
    what they refuse, in the library's words (``9999-12-31 + P1Y is outside
    the calendar (year 10000 is out of range)``).
    """
    try:
        horizon(_now() if at is None else at, within)
    except ValidationError as exc:
        return messages(exc)
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
