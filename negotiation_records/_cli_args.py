"""
The types of the command line's arguments (private): moments, zones,
durations, record types, picture sizes and file names, each refused with a
message that says what to write instead.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import re
from pathlib import Path
from typing import Any

import attrs
import pendulum

from negotiation_records._cli_read import display
from negotiation_records._plot_size import (
    MAX_DPI,
    MIN_DPI,
    SIZE_RULE,
    dpi_fits,
    pixel_problem,
    size_fits,
)
from negotiation_records._record import Record
from negotiation_records.errors import ValidationError
from negotiation_records.migrations import check_version
from negotiation_records.timeutil import (
    Moment,
    Period,
    parse_moment,
    zone,
)


Zone = pendulum.Timezone | pendulum.FixedTimezone
PLOT_SUFFIXES = frozenset({".png", ".svg", ".pdf"})


# --- argument types -------------------------------------------------------------------


class Refused:
    """
    The value of an option its type refused: kept in the parsed arguments,
    so that every such value is reported, with the other usage problems,
    once the whole command line is read (argparse stops at the first).
    """

    __slots__ = ("message", "option")

    def __init__(self, option: str, message: str) -> None:
        self.option = option
        self.message = message

    def __str__(self) -> str:
        return f"argument {self.option}: {self.message}"


def lenient(option: str, read: Any) -> Any:
    """
    The type *read* of the argument *option* (``--at``, ``-o/--output``), which
    gives a :class:`Refused` where *read* raises ``ArgumentTypeError``; any
    other error is argparse's to report, as before.
    """

    @functools.wraps(read)
    def read_or_refuse(text: str) -> Any:
        try:
            return read(text)
        except argparse.ArgumentTypeError as exc:
            return Refused(option, str(exc))

    return read_or_refuse


def refused(args: argparse.Namespace) -> list[Refused]:
    """The values of *args* their types refused, in the order of the options."""
    return [value for value in vars(args).values() if isinstance(value, Refused)]


def messages(exc: ValidationError) -> str:
    return "; ".join(message for _, message in exc.errors)


def moment_arg(text: str) -> Moment:
    """``--at``: a moment as :func:`~negotiation_records.parse_moment` reads it."""
    try:
        return parse_moment(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(messages(exc)) from None


def zone_arg(text: str) -> Zone:
    """``--tz``: an IANA zone name."""
    try:
        return zone(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(messages(exc)) from None


_SHORTHAND = re.compile(r"\s*(\d+)\s*([a-z]+)\s*", re.IGNORECASE)
_SHORTHAND_UNITS = {
    "y": "P{}Y",
    "year": "P{}Y",
    "years": "P{}Y",
    "mo": "P{}M",
    "month": "P{}M",
    "months": "P{}M",
    "w": "P{}W",
    "week": "P{}W",
    "weeks": "P{}W",
    "d": "P{}D",
    "day": "P{}D",
    "days": "P{}D",
    "h": "PT{}H",
    "hour": "PT{}H",
    "hours": "PT{}H",
    "min": "PT{}M",
    "minute": "PT{}M",
    "minutes": "PT{}M",
}


def period_arg(text: str) -> Period:
    """
    ``--within``: a positive ISO 8601 duration (``P14D``, ``PT48H``).

    A zero duration (``P0D``, ``PT0S``) is refused: it asks about no time at
    all.  Shorthand such as ``14d`` or ``2 weeks`` is refused with the ISO form
    to write instead, and so is lower case (``p14d``).
    """
    try:
        period = Period.parse(text)
    except ValidationError as exc:
        message = messages(exc)
    else:
        if period.is_zero:
            raise argparse.ArgumentTypeError(
                f"{text!r} is a zero duration; give a positive one, such as P1D "
                "(what falls due by the same time tomorrow)"
            )
        return period
    match = _SHORTHAND.fullmatch(text)
    suggestion = None
    if match is not None and match.group(2).lower() in _SHORTHAND_UNITS:
        suggestion = _SHORTHAND_UNITS[match.group(2).lower()].format(match.group(1))
    elif text.upper() != text:
        with contextlib.suppress(ValidationError):
            suggestion = Period.parse(text.upper()).isoformat()
    if suggestion is not None:
        message += f"; did you mean {suggestion}?"
    raise argparse.ArgumentTypeError(message)


def record_types() -> dict[str, type[Any]]:
    """The record classes a file may hold, by name (``--type`` and ``schema``)."""
    import negotiation_records  # noqa: PLC0415

    found = {
        name: getattr(negotiation_records, name) for name in negotiation_records.__all__
    }
    return {
        name: obj
        for name, obj in found.items()
        if isinstance(obj, type) and issubclass(obj, Record) and attrs.has(obj)
    }


def schema_version_arg(text: str) -> int:
    """``--schema-version``: a format version this library reads (``1``)."""
    try:
        return check_version(int(text))
    except ValueError as exc:  # not a number, or a ValidationError
        reason = messages(exc) if isinstance(exc, ValidationError) else "not a number"
        raise argparse.ArgumentTypeError(f"{text!r}: {reason}") from None


SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*[xX×]\s*(\d+(?:\.\d+)?)\s*")


def size_arg(text: str) -> tuple[float, float]:
    """``--size``: width x height in inches, such as ``10x6``."""
    match = SIZE.fullmatch(text)
    if match is None:
        raise argparse.ArgumentTypeError(
            f"{text!r}: give the size as WIDTHxHEIGHT in inches, such as 10x6"
        )
    width, height = float(match.group(1)), float(match.group(2))
    if not size_fits(width, height):
        raise argparse.ArgumentTypeError(f"{text!r}: {SIZE_RULE}")
    return width, height


def dpi_arg(text: str) -> int:
    """``--dpi``: a whole number of dots per inch, as :data:`DPI_RULE` says."""
    try:
        dpi = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a whole number of dots per inch"
        ) from None
    if not dpi_fits(dpi):
        raise argparse.ArgumentTypeError(f"{dpi} dpi is outside {MIN_DPI} to {MAX_DPI}")
    return dpi


def empty_name_problem(args: argparse.Namespace) -> str | None:
    """
    The usage error of an empty file name, as FILE or as ``-o`` (the path
    ``""`` would be the current folder), or ``None``.
    """
    given = getattr(args, "files", None) or [getattr(args, "file", None)]
    if "" in given:
        return "argument FILE: the file name is empty"
    if getattr(args, "output", None) == "":
        return "argument -o/--output: the file name is empty"
    return None


def picture_problem(args: argparse.Namespace) -> str | None:
    """
    Why ``plot``'s ``--size`` and ``--dpi``, each within its rule, make a
    picture over the pixel budget (as :func:`negotiation_records.plot.timeline`
    refuses it), for a usage error; ``None`` if they do not, or if there is
    no ``--size`` (the height the lanes need is checked once it is known).
    """
    if getattr(args, "size", None) is None:
        return None
    width, height = args.size
    problem = pixel_problem(width, height, args.dpi)
    if problem is None:
        return None
    return (
        f"argument --size: {problem.text}: give a smaller --size, or a lower "
        f"--dpi ({problem.at_most('dpi')})"
    )


def output_arg(text: str) -> str:
    suffix = Path(text).suffix.lower()
    if suffix not in PLOT_SUFFIXES:
        known = ", ".join(sorted(PLOT_SUFFIXES))
        if text == "-":  # an output: not standard input, as display() names "-"
            raise argparse.ArgumentTypeError(
                f"'-': a picture is written to a file, not to standard output: "
                f"give a file name ending in one of {known}"
            )
        name = Path(text).name
        if name.lower() in PLOT_SUFFIXES:  # ".png": a suffix, no name before it
            raise argparse.ArgumentTypeError(
                f"'{display(text)}': the file has no name before its {name}: "
                f"give one, as timeline{name}"
            )
        raise argparse.ArgumentTypeError(
            f"'{display(text)}': the file name must end in one of {known}"
        )
    return text
