"""
The arguments of :func:`negotiation_records.plot.timeline`, checked together
(private): every bad one is reported at once, each at its name, in the order
of the arguments, before matplotlib is imported or anything drawn.
"""

from __future__ import annotations

import datetime as _dt

from negotiation_records._argument_problems import ArgumentProblems
from negotiation_records._plot_size import picture_problems, window_problems
from negotiation_records.negotiation import Negotiation
from negotiation_records.timeutil import Moment, moment_argument


__all__ = ["timeline_moments"]


def timeline_moments(
    negotiation: object,
    *,
    at: Moment | _dt.date | None,
    start: Moment | _dt.date | None,
    end: Moment | _dt.date | None,
    size: object,
    dpi: object,
) -> tuple[Moment | None, Moment | None, Moment | None]:
    """
    *at*, *start* and *end* read as moments (``None`` where not given), once
    every argument is checked: one
    :class:`~negotiation_records.ValidationError` with the problems of all,
    at ``$`` (*negotiation*, not a ``Negotiation``), ``at``, ``start``,
    ``end``, ``size`` and ``dpi``, in that order.  *start* and *end*, once
    read, must leave a stretch of time to draw
    (:func:`~negotiation_records._plot_size.window_problems`).

    Example:
        >>> timeline_moments(5, at="2025-07-14", start=None, end="2025-09", size=(0, -1), dpi=100)
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: 4 problems:
          $: must be a Negotiation, got int
          at: must be a date, a zone-aware datetime or a PartialDate, got str '2025-07-14' (parse text with parse_moment)
          end: must be a date, a zone-aware datetime or a PartialDate, got str '2025-09' (parse text with parse_moment)
          size: must be (width, height) in inches: the width must be 2 to 100 inches and the height 1 to 100; got (0, -1)
    """
    arguments = ArgumentProblems()
    if not isinstance(negotiation, Negotiation):
        kind = type(negotiation).__name__
        arguments.add([("$", f"must be a Negotiation, got {kind}")])

    def moment(value: Moment | _dt.date | None, name: str) -> Moment | None:
        if value is None:
            return None
        return arguments.read(lambda: moment_argument(value, name))

    moments = moment(at, "at"), moment(start, "start"), moment(end, "end")
    if (start is None or moments[1] is not None) and (
        end is None or moments[2] is not None
    ):
        arguments.add(window_problems(moments[1], moments[2]))
    arguments.add(picture_problems(size, dpi))
    arguments.raise_any()
    return moments
