"""
The sizes, resolutions and spans a timeline picture may have (private): the
rules that :func:`negotiation_records.plot.timeline` and the command line's
``--size``, ``--dpi`` and ``--from`` both check.

Each limit alone is not enough: 50 x 50 inches at 1,200 dpi is 60,000 x
60,000 pixels, a buffer of 14 GB (four bytes a pixel) that matplotlib would
try to allocate.  So the picture as a whole has a pixel budget,
:data:`MAX_PIXELS` (2**27, about 134 megapixels: 512 MiB of RGBA), and each
side is under matplotlib's own limit of 2**16 pixels (:data:`MAX_SIDE_PX`).
The default size, 12 inches wide and as high as the lanes need, stays within
it at the highest resolution, 1,200 dpi, up to 7.7 inches high (about ten
parties).  Vector pictures (SVG, PDF) are held to it too: the figure is laid
out on matplotlib's raster (Agg) canvas at its size and resolution, whatever
the format it is saved in, and the dpi hardly changes a vector picture.
"""

from __future__ import annotations

import datetime as _dt
import math
import numbers
from collections.abc import Sequence
from typing import Final, NamedTuple, TypeGuard

from negotiation_records._values import short_repr
from negotiation_records.timeutil import Moment, format_moment, moment_span


__all__ = [
    "DPI_RULE",
    "FIRST_SHOWN",
    "LAST_SHOWN",
    "LIMIT_RULE",
    "MAX_DPI",
    "MAX_PIXELS",
    "MAX_SIDE_PX",
    "MIN_DPI",
    "SHORTEST_SHOWN",
    "SIZE_RULE",
    "PixelProblem",
    "dpi_fits",
    "picture_problems",
    "pixel_problem",
    "raster_problems",
    "size_fits",
    "window_problems",
]

LAST_SHOWN: Final = _dt.datetime(9999, 12, 31, tzinfo=_dt.UTC)
"""
Where a picture's time axis ends, as an instant: matplotlib's dates stop
before 10000-01-01, and its axis needs room beyond its end, so a picture
shows time up to the start of 9999-12-31 in UTC.
"""


FIRST_SHOWN: Final = _dt.datetime(1, 1, 1, tzinfo=_dt.UTC)
"""Where a picture's time axis can start at the earliest: the calendar's first instant."""

SHORTEST_SHOWN: Final = _dt.timedelta(minutes=1)
"""
The shortest stretch of time a picture shows.  matplotlib counts time in days,
as floating-point numbers (to about 50 µs near the year 9999), and its ticks
over a few seconds at the start of the calendar would fall before it.
"""


def window_problems(start: Moment | None, end: Moment | None) -> list[tuple[str, str]]:
    """
    Why a picture cannot show the stretch from *start* (the start of its span;
    the calendar's first instant if ``None``) to *end* (the end of its span, or
    :data:`LAST_SHOWN` if ``None``), each at ``start`` or ``end``: a start at
    or after 9999-12-31T00:00:00Z, or less than a minute before it, and an
    end less than a minute after the start.  An empty list when it can.
    """
    low = FIRST_SHOWN if start is None else moment_span(start)[0]
    if low > LAST_SHOWN - SHORTEST_SHOWN:
        return [
            (
                "start",
                "a picture shows time up to 9999-12-31T00:00:00Z (the start of "
                "the calendar's last day in UTC), and at least a minute of it: "
                "give an earlier start",
            )
        ]
    if end is None:
        return []
    high = moment_span(end)[1]
    if high - low >= SHORTEST_SHOWN:
        return []
    began = "the calendar's first instant" if start is None else "its start"
    got = format_moment(end)
    if not isinstance(end, _dt.datetime):  # a day or a month: to its end
        got += f" (to {format_moment(high)})"
    return [
        (
            "end",
            f"must end at least a minute after {began} ({format_moment(low)}), got {got}",
        )
    ]


MIN_WIDTH_IN = 2.0  # below it the lane names leave no room for the axes
MAX_WIDTH_IN = 100.0
MIN_HEIGHT_IN = 1.0
MAX_HEIGHT_IN = 100.0

SIZE_RULE = (
    f"the width must be {MIN_WIDTH_IN:g} to {MAX_WIDTH_IN:g} inches "
    f"and the height {MIN_HEIGHT_IN:g} to {MAX_HEIGHT_IN:g}"
)
"""The rule, in words, for error messages."""

MIN_DPI = 10  # below it the labels are a blur of a few pixels
MAX_DPI = 1200  # at it the default width, 12 inches, is 14,400 pixels

DPI_RULE = f"from {MIN_DPI} to {MAX_DPI} dots per inch"
"""The rule for the resolution, in words, for error messages."""

MAX_PIXELS = 2**27
"""The most pixels a picture may have: 134,217,728 (512 MiB of RGBA)."""

MAX_SIDE_PX = 2**16 - 1
"""The most pixels a side may have: matplotlib's Agg canvas takes fewer than 2**16."""


class PixelProblem(NamedTuple):
    """A picture with too many pixels: what it is, and the dpi that would fit."""

    size: str
    """Its size: ``50 x 50 inches`` (to 4 significant digits)."""

    text: str
    """What it is and the limit it breaks, in one sentence, without advice."""

    best_dpi: int
    """The highest whole dpi at which its size fits (0: none does)."""

    def at_most(self, dpi: str = "dpi") -> str:
        """Advice on the resolution, naming the argument *dpi* (``--dpi``)."""
        return f"at most {self.best_dpi} {dpi} fits {self.size}"


LIMIT_RULE = f"{MAX_PIXELS:,} pixels (2**27) in all, {MAX_SIDE_PX:,} a side"
"""The pixel budget, in words, for messages."""


def _pixels(inches: float, dpi: float) -> int:
    """A side in pixels, rounded up (matplotlib rounds down: a margin)."""
    return math.ceil(inches * dpi - 1e-9)


def _fits(width: float, height: float, dpi: float) -> bool:
    across, down = _pixels(width, dpi), _pixels(height, dpi)
    return across * down <= MAX_PIXELS and max(across, down) <= MAX_SIDE_PX


def pixel_problem(width: float, height: float, dpi: float) -> PixelProblem | None:
    """
    Why a picture *width* by *height* inches at *dpi* has too many pixels
    (:data:`MAX_PIXELS` in all, :data:`MAX_SIDE_PX` a side), or ``None``.
    Nothing is drawn or allocated: it is arithmetic.
    """
    if _fits(width, height, dpi):
        return None
    best = min(
        math.floor(math.sqrt(MAX_PIXELS / (width * height))),
        math.floor(MAX_SIDE_PX / max(width, height)),
    )
    while best > 0 and not _fits(width, height, best):  # pragma: no cover
        best -= 1  # rounding the sides up can cost a dot
    across, down = _pixels(width, dpi), _pixels(height, dpi)
    size = f"{width:.4g} x {height:.4g} inches"
    picture = f"{size} at {dpi:g} dpi make {across:,} x {down:,} pixels"
    if across * down > MAX_PIXELS:
        text = (
            f"{picture} ({across * down:,}), over the limit of {MAX_PIXELS:,} "
            "pixels (2**27)"
        )
    else:
        text = f"{picture}, over the limit of {MAX_SIDE_PX:,} pixels a side"
    return PixelProblem(size, text, best)


def raster_problems(
    width: float, height: float, dpi: float, *, default: str = ""
) -> list[tuple[str, str]]:
    """
    The problems, at ``size`` and at ``dpi``, of a picture *width* by
    *height* inches at *dpi* that has too many pixels (none if it fits);
    *default* says where a size not given came from.
    """
    problem = pixel_problem(width, height, dpi)
    if problem is None:
        return []
    return [
        ("size", f"{problem.text}{default}: give a smaller size, or a lower dpi"),
        ("dpi", f"{problem.at_most()} ({LIMIT_RULE}), got {dpi:g}"),
    ]


def size_fits(width: float, height: float) -> bool:
    """Whether a picture *width* by *height* inches keeps :data:`SIZE_RULE`."""
    return (
        MIN_WIDTH_IN <= width <= MAX_WIDTH_IN
        and MIN_HEIGHT_IN <= height <= MAX_HEIGHT_IN
    )


def dpi_fits(dpi: float) -> bool:
    """Whether *dpi* dots per inch keeps :data:`DPI_RULE` (``NaN`` does not)."""
    return MIN_DPI <= dpi <= MAX_DPI


def _is_number(value: object) -> TypeGuard[float]:
    """A real number (an ``int``, a ``float``, a NumPy number), not a bool."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _size_pair(size: object) -> tuple[float, float] | None:
    """*size* as (width, height), if it is two real numbers that keep :data:`SIZE_RULE`."""
    if (
        isinstance(size, Sequence)
        and not isinstance(size, (str, bytes, bytearray))
        and len(size) == 2
    ):
        width, height = size
        if _is_number(width) and _is_number(height) and size_fits(width, height):
            return float(width), float(height)
    return None


def picture_problems(size: object, dpi: object) -> list[tuple[str, str]]:
    """
    The problems of a *size* (``None``, or width and height in inches) and a
    *dpi* given to :func:`~negotiation_records.plot.timeline`, each at the
    argument's name: a value of the wrong type breaks the rule as a number
    out of range does; a size and a dpi each within its rule may still make
    a picture of too many pixels (:func:`raster_problems`).
    """
    problems = []
    pair = None if size is None else _size_pair(size)
    if size is not None and pair is None:
        problems.append(
            (
                "size",
                f"must be (width, height) in inches: {SIZE_RULE}; "
                f"got {short_repr(size)}",
            )
        )
    if not (_is_number(dpi) and dpi_fits(dpi)):
        problems.append(("dpi", f"must be a number {DPI_RULE}, got {short_repr(dpi)}"))
    elif pair is not None:
        problems += raster_problems(*pair, float(dpi))
    return problems
