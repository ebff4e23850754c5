"""
The time axis of a picture (private): moments as matplotlib's date numbers
(days since 1970-01-01 in UTC, as floats), the stretch of time a picture
shows, and the dates drawn along it.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from negotiation_records._plot_size import FIRST_SHOWN, LAST_SHOWN
from negotiation_records.timeutil import Moment, moment_span


if TYPE_CHECKING:
    from matplotlib.axes import Axes


__all__ = [
    "EMPTY_DAYS",
    "FIRST_DAY",
    "LAST_DAY",
    "date_axis",
    "days",
    "one_edge_given",
    "span",
    "window",
    "x_limits",
]


def days(moment: datetime.datetime) -> float:
    """A UTC datetime as matplotlib's date number (days since 1970-01-01)."""
    delta = moment - datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
    return delta.total_seconds() / 86400


FIRST_DAY = days(FIRST_SHOWN)
LAST_DAY = days(LAST_SHOWN)


def span(moment: Moment) -> tuple[float, float]:
    """The days *moment* covers, as date numbers (a date or a month in UTC)."""
    start, end = moment_span(moment)
    return days(start), days(end)


#: How many days a picture with nothing to draw shows.
EMPTY_DAYS = 30.0


def x_limits(xs: list[float]) -> tuple[float, float]:
    """
    The x limits that fit the date numbers *xs*, padded by 4 % (at least three
    days) on each side; with nothing, a month from 1970-01-01 (a picture
    with nothing dated shows no dates: it does not depend on the day it is
    drawn).
    """
    if not xs:
        return 0.0, EMPTY_DAYS
    low, high = min(xs), max(xs)
    pad = max(3.0, (high - low) * 0.04)
    # matplotlib's dates run from year 1 to 9999-12-31 (a float a hair later
    # rounds to year 10000).
    return max(low - pad, FIRST_DAY), min(high + pad, LAST_DAY)


def window(start: Moment | None, end: Moment | None) -> tuple[float, float] | None:
    """
    The x limits that *start* and *end* (``start``/``end``, ``--from``/``--until``)
    ask for, the calendar's first instant and :data:`LAST_SHOWN` standing for
    one not given; ``None`` when neither is (the picture fits the record).
    """
    if start is None and end is None:
        return None
    # timeline_moments has checked that they leave at least a minute to draw.
    low = FIRST_DAY if start is None else span(start)[0]
    high = LAST_DAY if end is None else span(end)[1]
    return max(low, FIRST_DAY), min(high, LAST_DAY)


def one_edge_given(
    xs: list[float], low: float | None, high: float | None
) -> tuple[float, float]:
    """
    The x limits of a picture given one edge, *low* or *high*: the other fits
    *xs*, what is drawn inside (padded as :func:`x_limits` pads), or is a
    month away from the edge given when nothing is.
    """
    if xs:
        fit_low, fit_high = x_limits(xs)
    elif low is not None:
        fit_low, fit_high = low, min(low + EMPTY_DAYS, LAST_DAY)
    else:
        assert high is not None  # noqa: S101 - one edge is given
        fit_low, fit_high = max(high - EMPTY_DAYS, FIRST_DAY), high
    return (fit_low if low is None else low), (fit_high if high is None else high)


def date_axis(ax: Axes, x_min: float, x_max: float, *, font: float) -> None:
    """
    Dates along the bottom of *ax*, which shows *x_min* to *x_max*: concise
    ticks (in *font* points), with the text under the axis naming what the
    ticks leave out.
    """
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter  # noqa: PLC0415

    locator = AutoDateLocator(minticks=5, maxticks=12)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    # Ticks by day name each month where it starts ("Aug"), by hour each day
    # ("Aug-01"), so the year is enough, unless the picture lies within one
    # month (or one day) and no tick names it: then the text under it does.
    first, last = _utc_day(x_min), _utc_day(x_max)
    one_month = (first.year, first.month) == (last.year, last.month)
    formatter = ConciseDateFormatter(  # type: ignore[no-untyped-call]
        locator,
        offset_formats=[
            "",
            "%Y",
            "%b %Y" if one_month else "%Y",
            "%Y-%m-%d" if first == last else "%Y",
            "%Y-%m-%d",
            "%Y-%m-%d",
        ],
    )
    ax.xaxis.set_major_formatter(formatter)
    ax.tick_params(axis="x", labelsize=font)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)


def _utc_day(x: float) -> datetime.date:
    """The UTC day of the date number *x* (days since 1970-01-01)."""
    return datetime.date(1970, 1, 1) + datetime.timedelta(days=x)  # whole days
