"""
The argument parser of the command line (private): the commands, their
options and help, and the parser whose usage errors raise
:class:`UsageError` instead of exiting (:mod:`negotiation_records.cli` prints
them).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn

from negotiation_records._cli_args import (
    dpi_arg,
    lenient,
    moment_arg,
    output_arg,
    period_arg,
    record_types,
    schema_version_arg,
    size_arg,
    zone_arg,
)
from negotiation_records._cli_export import add_export_command
from negotiation_records._cli_output import PROG, Output
from negotiation_records._cli_streams import Stdout
from negotiation_records.migrations import SCHEMA_VERSION


__all__ = ["Handler", "LenientParser", "Parser", "UsageError", "command_parser"]

Handler = Callable[[argparse.Namespace, Output], int]
"""A command's function: its parsed arguments and the output; the exit status."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors raise instead of exiting."""

    #: Whether a value an argument's type refuses is kept (see add_argument).
    lenient = False

    def print_help(self, file: Any = None) -> None:
        """
        ``--help``: to standard output as the commands print (argparse drops a
        write that fails, and prints to standard error when stdout is closed).
        """
        (file or Stdout.of(sys.stdout)).write(self.format_help())

    def error(self, message: str) -> NoReturn:
        # Printed by main(), which knows what to do if standard error is closed.
        raise UsageError(f"{self.format_usage()}{self.prog}: error: {message}")

    def fail(self, problems: Sequence[str]) -> NoReturn:
        """Every usage problem of *problems*, each on its own ``error:`` line."""
        lines = "\n".join(f"{self.prog}: error: {problem}" for problem in problems)
        raise UsageError(f"{self.format_usage()}{lines}")

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """
        argparse's ``add_argument``; in a :attr:`lenient` parser, a value the
        argument's type refuses is kept as a
        :class:`~negotiation_records._cli_args.Refused` rather than ending the
        parse, so that every problem of a command line is told.
        """
        action = super().add_argument(*args, **kwargs)
        if self.lenient and callable(action.type):
            name = "/".join(action.option_strings) or str(action.metavar or action.dest)
            action.type = lenient(name, action.type)
        return action


class LenientParser(Parser):
    """A :class:`Parser` that keeps the values their types refuse (``main()``'s)."""

    lenient = True


class UsageError(Exception):
    """A usage error, as argparse words it: the usage line, then the message."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return f"{PROG} {version('negotiation-records')}"
    except PackageNotFoundError:  # run from a source tree that is not installed
        return f"{PROG} (version unknown: the package is not installed)"


class _VersionAction(argparse.Action):
    """
    ``--version``: the installed version, read from the package's metadata
    only when asked for (argparse's own action takes the text when the parser
    is built, which read the metadata on every run of every command).
    """

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show the program's version number and exit",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        Stdout.of(sys.stdout).write(_version() + "\n")  # failures: see main()
        parser.exit()


_FILE_HELP = (
    "a JSON file holding a negotiation, or JSON Lines holding several; "
    "'-' reads standard input"
)
_TZ_HELP = "show times of day in this IANA zone (dates stay as recorded)"
_FORMAT_HELP = "text tables (default) or one JSON document (see the docs for its shape)"
_AT_HELP = (
    "the moment to look from: 2025-07-20, 2025-07-20T12:00:00+03:00 or "
    "2025-07-20T12:00:00+03:00[Europe/Kyiv] (default: now)"
)


def command_parser(handlers: Mapping[str, Handler], *, lenient: bool = False) -> Parser:
    """
    The argument parser of the ``negotiation-records`` command, each command
    run by its function among *handlers* (by the command's name); *lenient*,
    one that keeps the values their types refuse, for :func:`main` to report
    them all (otherwise the first ends the parse, as argparse's do).
    """
    parser_class = LenientParser if lenient else Parser
    types = sorted(record_types())
    parser = parser_class(
        prog=PROG,
        description="Check, summarise and draw negotiation records kept in JSON "
        "or JSON Lines files.",
        epilog="Exit status: 0 ok, 1 problems in the data, 2 usage error. "
        "Run '%(prog)s COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=parser_class
    )

    validate = commands.add_parser(
        "validate",
        help="check files and print every problem",
        description="Check JSON and JSON Lines files and print every problem as "
        "FILE:LINE: PATH: MESSAGE.  LINE is the line of a JSON Lines record, the "
        "line of a JSON syntax error, the line where the value at PATH starts in a "
        "JSON file, and 0 when the file itself cannot be read.  A file is JSON Lines when its "
        "name ends in .jsonl or .ndjson, or (for a name not ending in .json) when "
        "its first line is a whole JSON value and more lines follow.",
    )
    validate.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="JSON or JSON Lines files to check ('-' reads standard input)",
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
        "--schema-version",
        type=schema_version_arg,
        metavar="N",
        help="the format version the records were written in, for files of "
        "single records (not negotiations), which do not say it: 1 reads the "
        "records version 1 wrote (--type Ultimatum, Proposal ...); a "
        "negotiation says its own, which must then be N (default: the "
        f"current version, {SCHEMA_VERSION})",
    )
    validate.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text lines (default) or one JSON document",
    )
    validate.set_defaults(handler=handlers["validate"])

    show = commands.add_parser(
        "show",
        help="summarise a negotiation",
        description="Summarise a negotiation: parties, rounds, open proposals, "
        "pending ultimatums, and any agreements (and their phases), milestones, "
        "votes and actions.",
    )
    show.add_argument("file", metavar="FILE", help=_FILE_HELP)
    show.add_argument("--at", type=moment_arg, metavar="MOMENT", help=_AT_HELP)
    _add_view_options(show)
    show.set_defaults(handler=handlers["show"])

    timeline = commands.add_parser(
        "timeline",
        help="list every dated event in time order",
        description="List every dated event in time order: rounds, proposals, "
        "responses, ultimatums, deadlines and their revisions, statements, "
        "positions, status changes, agreements, milestones, votes and actions.",
    )
    timeline.add_argument("file", metavar="FILE", help=_FILE_HELP)
    timeline.add_argument(
        "--at",
        type=moment_arg,
        metavar="MOMENT",
        help="the record as it stood at this moment, marked with a row: "
        "2025-07-20, 2025-07-20T12:00:00+03:00 or "
        "2025-07-20T12:00:00+03:00[Europe/Kyiv] (default: the whole record, "
        "no row)",
    )
    _add_view_options(timeline)
    timeline.set_defaults(handler=handlers["timeline"])

    deadlines = commands.add_parser(
        "deadlines",
        help="what is due and what has passed",
        description="List the deadlines still to come, with the time left, and "
        "those that have passed.",
    )
    deadlines.add_argument("file", metavar="FILE", help=_FILE_HELP)
    deadlines.add_argument("--at", type=moment_arg, metavar="MOMENT", help=_AT_HELP)
    deadlines.add_argument(
        "--within",
        type=period_arg,
        metavar="DURATION",
        help="only deadlines due within this positive ISO 8601 duration (P1D, "
        "P14D, P1M, PT48H; not P0D)",
    )
    _add_view_options(deadlines)
    deadlines.set_defaults(handler=handlers["deadlines"])

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
    schema.set_defaults(handler=handlers["schema"])

    plot = commands.add_parser(
        "plot",
        help="draw the timeline as a picture",
        description="Draw the timeline of a negotiation (one lane per party) as a "
        "PNG, SVG or PDF file.  Needs the 'plot' extra (matplotlib).",
    )
    plot.add_argument(
        "file",
        metavar="FILE",
        help="a JSON file holding a negotiation, or JSON Lines holding exactly "
        "one; '-' reads standard input",
    )
    plot.add_argument(
        "-o",
        "--output",
        required=True,
        type=output_arg,
        metavar="OUT",
        help="the picture to write: a name ending in .png, .svg or .pdf",
    )
    plot.add_argument(
        "--at",
        type=moment_arg,
        metavar="MOMENT",
        help="draw the record as it stood at this moment, with a line there "
        "(default: everything, no line)",
    )
    plot.add_argument(
        "--from",
        dest="start",
        type=moment_arg,
        metavar="MOMENT",
        help="draw from this moment on (default: from the first event)",
    )
    plot.add_argument(
        "--until",
        dest="end",
        type=moment_arg,
        metavar="MOMENT",
        help="draw up to the end of this moment (default: to the last event)",
    )
    plot.add_argument(
        "--size",
        type=size_arg,
        metavar="WxH",
        help="the picture's size in inches, such as 10x6 (default: 12 wide, as "
        "high as the lanes need)",
    )
    plot.add_argument(
        "--dpi",
        type=dpi_arg,
        default=100,
        metavar="DPI",
        help="dots per inch of a PNG (default: 100); with the size, at most "
        "134,217,728 pixels (2**27) and 65,535 a side",
    )
    plot.set_defaults(handler=handlers["plot"])

    add_export_command(commands, _FILE_HELP, _AT_HELP)
    for command in commands.choices.values():  # its own usage line for its errors
        command.set_defaults(command_parser=command)
    return parser


def _add_view_options(command: argparse.ArgumentParser) -> None:
    """``--tz`` and ``--format``, shared by show, timeline and deadlines."""
    command.add_argument("--tz", type=zone_arg, metavar="ZONE", help=_TZ_HELP)
    command.add_argument(
        "--format", choices=["text", "json"], default="text", help=_FORMAT_HELP
    )
