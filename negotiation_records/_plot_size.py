"""
The sizes a timeline picture may have (private): the one rule that
:func:`negotiation_records.plot.timeline` and the command line's ``--size``
both check.
"""

from __future__ import annotations


__all__ = ["SIZE_RULE", "size_fits"]

MIN_WIDTH_IN = 2.0  # below it the lane names leave no room for the axes
MAX_WIDTH_IN = 100.0
MIN_HEIGHT_IN = 1.0
MAX_HEIGHT_IN = 100.0

SIZE_RULE = (
    f"the width must be {MIN_WIDTH_IN:g} to {MAX_WIDTH_IN:g} inches "
    f"and the height {MIN_HEIGHT_IN:g} to {MAX_HEIGHT_IN:g}"
)
"""The rule, in words, for error messages."""


def size_fits(width: float, height: float) -> bool:
    """Whether a picture *width* by *height* inches keeps :data:`SIZE_RULE`."""
    return (
        MIN_WIDTH_IN <= width <= MAX_WIDTH_IN
        and MIN_HEIGHT_IN <= height <= MAX_HEIGHT_IN
    )
