"""
The sizes and resolutions a timeline picture may have (private): the rules
that :func:`negotiation_records.plot.timeline` and the command line's
``--size`` and ``--dpi`` both check.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import TypeGuard

from negotiation_records._values import short_repr


__all__ = [
    "DPI_RULE",
    "MAX_DPI",
    "MIN_DPI",
    "SIZE_RULE",
    "dpi_fits",
    "picture_problems",
    "size_fits",
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


def picture_problems(size: object, dpi: object) -> list[tuple[str, str]]:
    """
    The problems of a *size* (``None``, or width and height in inches) and a
    *dpi* given to :func:`~negotiation_records.plot.timeline`, each at the
    argument's name: a value of the wrong type breaks the rule as a number
    out of range does.
    """
    problems = []
    if size is not None and not (
        isinstance(size, Sequence)
        and not isinstance(size, (str, bytes, bytearray))
        and len(size) == 2
        and all(map(_is_number, size))
        and size_fits(*size)
    ):
        problems.append(
            (
                "size",
                f"must be (width, height) in inches: {SIZE_RULE}; "
                f"got {short_repr(size)}",
            )
        )
    if not (_is_number(dpi) and dpi_fits(dpi)):
        problems.append(("dpi", f"must be a number {DPI_RULE}, got {short_repr(dpi)}"))
    return problems
