"""
A picture of a negotiation over time: :func:`timeline`.

Needs matplotlib, which the core library does not depend on::

    python -m pip install 'negotiation-records[plot]'

The figure is drawn on matplotlib's Agg canvas (no window, no display needed)
and never touches ``pyplot``'s global state, so it is safe in scripts, tests,
servers and docs builds.  Save it with ``figure.savefig("talks.png")`` (or
``.svg``, ``.pdf``).

A picture has at most 2**27 pixels (about 134 megapixels) and 65,535 a side,
its size times its resolution: :func:`timeline` refuses one over that budget
before it draws it or allocates its pixels (see *dpi* there).
"""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pendulum

from negotiation_records._moment_refusals import offset_text
from negotiation_records._plot_arguments import timeline_moments
from negotiation_records._plot_axis import date_axis as _date_axis
from negotiation_records._plot_axis import days as _days
from negotiation_records._plot_axis import one_edge_given as _one_edge_given
from negotiation_records._plot_axis import span as _span
from negotiation_records._plot_axis import window as _window
from negotiation_records._plot_axis import x_limits as _x_limits
from negotiation_records._plot_size import (
    raster_problems,
)
from negotiation_records.deadlines import Deadline
from negotiation_records.errors import ValidationError
from negotiation_records.milestones import MilestoneStatus
from negotiation_records.negotiation import Negotiation
from negotiation_records.parties import PartyRole
from negotiation_records.proposals import ProposalStatus
from negotiation_records.queries import as_of_instant
from negotiation_records.rounds import Round, RoundStatus
from negotiation_records.stances import Response, Stance
from negotiation_records.timeutil import (
    Moment,
    PartialDate,
    moment_text,
)
from negotiation_records.ultimatums import Ultimatum, UltimatumStatus
from negotiation_records.votes import VoteResult


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.figure import Figure


__all__ = ["PLOT_EXTRA_HINT", "timeline"]

PLOT_EXTRA_HINT = (
    "the timeline picture needs matplotlib; install the 'plot' extra: "
    "python -m pip install 'negotiation-records[plot]'"
)
"""The message of the :class:`ImportError` raised when matplotlib is missing."""

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
_BLUE = "#0072B2"
_ORANGE = "#E69F00"
_GREEN = "#009E73"
_RED = "#D55E00"
_PURPLE = "#CC79A7"
_GREY = "#7F7F7F"
_INK = "#222222"
_SKY = "#56B4E9"

_WIDTH_IN = 12.0
_LEFT_IN = 1.45  # room for the lane names
_RIGHT_IN = 0.3
_AXES_IN = 0.25  # the least width left for the axes, whatever the lane names
_TOP_IN = 0.85  # title and the label of the `at` line
_BOTTOM_IN = 1.05  # date axis and legend
_ROW_IN = 0.3
_LANE_GAP = 0.7  # rows of space between two lanes
_FONT = 8.0
_GAP_PT = 5.76  # horizontal space kept between two things in one row (8 px at 100 dpi)
_MARKER_PT = 7.0
_HALF_DAY = 0.5  # matplotlib dates count days
_LANE_FONT = 10.0
_LANE_WRAP = 28  # characters a line of a lane name, before it wraps
_LANE_LINES = 3  # lines of a lane name at most; the rest is cut with "…"
_DEFAULT_DPI = 100

_Kind = Literal["point", "span", "bar"]


@attrs.define
class _Item:
    """One thing drawn in a lane; ``row`` and the label place are set by the layout."""

    lane: int
    start: float
    end: float
    kind: _Kind
    label: str = ""
    color: str = _INK
    marker: str = "o"
    filled: bool = True
    hatch: str | None = None
    ghosts: tuple[float, ...] = ()  # earlier deadlines of an ultimatum bar
    legend: str = ""  # the legend entry of what this item draws (see _LEGEND)
    row: int = 0
    label_x: float = 0.0
    label_align: str = "left"
    label_inside: bool = False
    left: float = 0.0
    right: float = 0.0
    gone: bool = False  # a bar that ended before the window: its ghosts alone


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401, PLC0415 - optional dependency
    except ImportError as exc:
        raise ImportError(PLOT_EXTRA_HINT, name="matplotlib") from exc


def timeline(
    negotiation: Negotiation,
    at: Moment | datetime.date | None = None,
    *,
    start: Moment | datetime.date | None = None,
    end: Moment | datetime.date | None = None,
    size: tuple[float, float] | None = None,
    dpi: float = _DEFAULT_DPI,
) -> Figure:
    """
    Draw the talks over time: one lane per party, dates along the bottom.

    * **Rounds** sit in their own lane at the top, as spans labelled with their
      number, status (unless held) and place, and as a faint band behind every
      lane; a round that is only proposed is hatched over its window
      ("next week").  In the lanes of the parties that sent a delegation, hosted
      or mediated, a small square marks the round.
    * **Proposals** are triangles in the proposing party's lane, labelled with
      their id (and status, unless pending); **responses** (to proposals and to
      ultimatums) are circles in the responding party's lane, green for
      ``supports``/``accepts``, red for ``opposes``/``rejects``, grey otherwise.
    * **Ultimatums** are bars in the issuing party's lane from the day they were
      issued to the moment the deadline passes; each earlier deadline replaced
      by :meth:`~negotiation_records.Ultimatum.revise_deadline` is a dark dashed
      tick across the bar (drawn over it, so an extended deadline shows too)
      with a dashed outline to it, and the label says what they were.
    * **Agreements** are bars in the first signatory's lane from their first
      dated step (or their entry into force) to their expiry, earlier
      expiries as ghosts, and a diamond where only one end is known;
      **milestones** are bars from when they were set to their deadline, or a
      diamond when their deadline passes; **votes** are triangles and
      **actions** crosses.  Phases and an action's end are not drawn.
    * A date, month or year is drawn over the days it covers (in UTC, as
      :func:`~negotiation_records.timeutil.moment_span` reads it): a month is a
      bracket, not a point.
    * *at* (optional) draws the record as it stood then
      (:meth:`Negotiation.as_of <negotiation_records.Negotiation.as_of>`, as
      every query and the command line's ``--at`` read it), with a dashed line
      at that moment, and ultimatum labels then say how much time is left
      ("due in 6 weeks").  Without it the picture does not depend on when it
      is drawn; a record with nothing dated to draw shows no dates, and says
      so.

    Labels never overlap: a lane grows a row for a label that would touch
    another, and the figure grows with the lanes (given a *size*, the height
    is fixed, and labels of a crowded record may touch).  Long party names wrap onto
    up to three lines and the margin grows to fit them.  The legend lists only
    the symbols the picture uses.  Statements and sources are not drawn.

    **The pixel budget.**  *size* times *dpi* may not exceed 2**27 pixels
    (134,217,728, an RGBA buffer of 512 MiB) nor 65,535 pixels a side
    (matplotlib's own limit is under 2**16): 50 x 50 inches at 1,200 dpi
    would be 60,000 x 60,000 pixels, 14 GB that matplotlib would try to
    allocate.  The default width, 12 inches, fits at 1,200 dpi up to 7.7
    inches high (about ten parties); a default height the lanes of a larger
    record need is checked once it is known, before anything is drawn.  The
    budget holds for every format: the figure is laid out on a raster (Agg)
    canvas of its size and resolution whatever it is saved as, and for SVG
    or PDF the dpi hardly matters (the default is as good).

    Args:
        negotiation: The record to draw.
        at: A moment to mark (a date is its start in UTC), or ``None``.
        start: Draw from the start of this moment on (default: from the first
            thing drawn); what lies wholly before it is left out.
        end: Draw up to the end of this moment (default: to the last thing
            drawn); what lies wholly after it is left out.
        size: Width and height in inches: the width 2 to 100 and the height 1
            to 100, as the ``plot`` command's ``--size`` allows (default: 12
            inches wide and as high as the lanes need).
        dpi: Dots per inch, a number from 10 to 1200, as the ``plot``
            command's ``--dpi`` allows (default 100); labels are laid out for it.

    Returns:
        A :class:`matplotlib.figure.Figure` on the Agg canvas; save it with
        ``savefig`` (``bbox_inches="tight"`` trims the white border, as the
        ``plot`` command does).

    Raises:
        ImportError: matplotlib is not installed (install the ``plot`` extra).
        ValidationError: every bad argument at once, before anything is
            drawn, in the order of the arguments (a ``ValueError`` too, as
            every ``ValidationError``): *negotiation* is not a ``Negotiation``
            (at ``$``, as :func:`~negotiation_records.plover.to_plover` says
            it); *at*, *start* or *end* is not a moment (a naive datetime,
            text: at its name); *start* is at or after 9999-12-31T00:00:00Z,
            or less than a minute before it (a picture shows time up to
            there), or *end* less than a minute after *start* (or after the
            calendar's first instant, without *start*): a picture shows at
            least a minute, at ``start`` or ``end``; *size* is not a width and a height within
            those limits, or *dpi* is not a number within its own (at its
            name); or the two together make a picture over the pixel budget:
            at ``size`` (its pixels and the budget) and at ``dpi`` (the
            highest that fits the size).

    Example:
        >>> from negotiation_records.plot import timeline
        >>> talks = Negotiation(
        ...     id="talks", title="Example talks",
        ...     parties=[Party(id="north", name="North", kind="state"),
        ...              Party(id="south", name="South", kind="state")],
        ...     rounds=[Round(number=1, status="held",
        ...                   starts=pendulum.date(2025, 5, 16), location="Geneva")],
        ... )
        >>> figure = timeline(talks, at=pendulum.date(2025, 5, 20))
        >>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
        ['Rounds', 'North', 'South']
        >>> timeline(talks, size=(50, 50), dpi=1200)
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: 2 problems:
          size: 50 x 50 inches at 1200 dpi make 60,000 x 60,000 pixels (3,600,000,000), over the limit of 134,217,728 pixels (2**27): give a smaller size, or a lower dpi
          dpi: at most 231 dpi fits 50 x 50 inches (134,217,728 pixels (2**27) in all, 65,535 a side), got 1200
    """
    at_moment, first, last = timeline_moments(
        negotiation, at=at, start=start, end=end, size=size, dpi=dpi
    )
    _require_matplotlib()
    if at_moment is not None:  # the record as it stood, as every query reads it
        negotiation = negotiation.as_of(at_moment)
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415

    width_in = _WIDTH_IN if size is None else size[0]
    figure = Figure(figsize=(width_in, 4.0 if size is None else size[1]), dpi=dpi)
    canvas = FigureCanvasAgg(figure)
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    lanes = ["Rounds"] + [_lane_name(p.name, p.role) for p in negotiation.parties]
    lane_of = {p.id: i + 1 for i, p in enumerate(negotiation.parties)}
    items = list(_items(negotiation, lane_of, at_moment))
    bands = [band for band in map(_band, negotiation.rounds) if band is not None]
    at_x = None if at_moment is None else _span(at_moment)[0]
    window = _window(first, last)
    undated = False
    if window is None:
        xs = [x for item in items for x in (item.start, item.end, *item.ghosts)]
        xs += [x for band in bands for x in band[:2]]
        if at_x is not None:
            xs.append(at_x)
        undated = not xs
        x_min, x_max = _x_limits(xs)
    else:
        x_min, x_max = window
        items = [
            _clipped(item, x_min, x_max) for item in items if _inside(item, window)
        ]
        bands = [band for band in bands if band[1] >= x_min and band[0] <= x_max]
        if at_x is not None and not x_min <= at_x <= x_max:
            at_moment = at_x = None
        if first is None or last is None:  # the other edge fits what is drawn
            xs = [x for item in items for x in (item.start, item.end, *item.ghosts)]
            xs += [min(max(x, x_min), x_max) for band in bands for x in band[:2]]
            if at_x is not None:
                xs.append(at_x)
            x_min, x_max = _one_edge_given(
                xs, x_min if first else None, x_max if last else None
            )

    # Long lane names in a narrow picture are cut at its edge rather than
    # leave the axes no width (matplotlib: "left cannot be >= right").
    left_in = min(_left_margin(lanes, renderer, dpi), width_in - _RIGHT_IN - _AXES_IN)
    axes_px = max(width_in - left_in - _RIGHT_IN, 1.0) * dpi
    per_px = (x_max - x_min) / axes_px
    rows = _layout(
        items,
        lanes=[_lines(name) for name in lanes],
        x_min=x_min,
        x_max=x_max,
        per_px=per_px,
        renderer=renderer,
        dpi=dpi,
    )
    bases, total = _lane_bases(rows)

    height = _TOP_IN + _BOTTOM_IN + total * _ROW_IN if size is None else size[1]
    if size is None:  # the height the lanes need: within the pixel budget?
        problems = raster_problems(
            width_in,
            height,
            dpi,
            default="; the size is the default, 12 inches wide and as high as the "
            "lanes need",
        )
        if problems:
            raise ValidationError(problems)
    figure.set_size_inches(width_in, height)
    figure.subplots_adjust(
        left=left_in / width_in,
        right=1 - _RIGHT_IN / width_in,
        top=1 - min(_TOP_IN / height, 0.3),
        bottom=min(_BOTTOM_IN / height, 0.4),
    )
    ax = figure.add_subplot()
    ax.set_xlim(x_min, x_max)
    ax.set_ylim(-total + 0.5, 0.5)
    _draw_lanes(ax, lanes, rows, bases)
    for band_start, band_end, hatch in bands:
        ax.axvspan(
            band_start,
            band_end,
            facecolor=_BLUE,
            alpha=0.06 if hatch is None else 0.03,
            hatch=hatch,
            edgecolor=(0, 0.45, 0.7, 0.15),
            linewidth=0,
            zorder=0,
        )
    for item in items:
        _draw(ax, item, -(bases[item.lane] + item.row), per_px)
    if at_moment is not None and at_x is not None:
        ax.axvline(at_x, color=_INK, linestyle="--", linewidth=1, zorder=4)
        ax.annotate(
            f"at {moment_text(at_moment)}",
            xy=(at_x, 1),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=_FONT,
        )
    if undated:
        ax.set_xticks([])
        ax.text(
            0.5,
            0.5,
            "nothing dated to draw",
            transform=ax.transAxes,
            ha="center",
            va="center",
            color=_GREY,
            fontsize=_FONT + 1,
        )
    else:
        _date_axis(ax, x_min, x_max, font=_FONT + 1)
    ax.set_title(
        # one line, as every label: no glyph for a line break or a tab
        " ".join(f"{negotiation.title} ({negotiation.status.value})".split()),
        loc="left",
        fontsize=11,
        pad=16,
        parse_math=False,  # record text is shown as written: "$" is not TeX
    )
    used = {item.legend for item in items}
    if any(item.ghosts for item in items):
        used.add("earlier deadline")
    _legend(figure, used)
    return figure


# --- what to draw -------------------------------------------------------------------


def _lane_name(name: str, role: PartyRole) -> str:
    """A lane's name: wrapped when long, then the role unless a principal."""
    lines = textwrap.wrap(name, _LANE_WRAP, break_on_hyphens=False) or [name]
    if len(lines) > _LANE_LINES:
        lines = lines[:_LANE_LINES]
        lines[-1] = lines[-1][: _LANE_WRAP - 1].rstrip() + "…"
    text = "\n".join(lines)
    if role is PartyRole.PRINCIPAL:
        return text
    return f"{text}\n({role.value.replace('-', ' ')})"


def _lines(name: str) -> int:
    return name.count("\n") + 1


def _left_margin(names: list[str], renderer: RendererAgg, dpi: float) -> float:
    """Inches to the left of the axes: room for the widest lane name."""
    widest = max(
        _text_px(line, renderer, _LANE_FONT)
        for name in names
        for line in name.split("\n")
    )
    # The renderer measures at the figure's dpi; the names sit 0.2 inch clear.
    return max(_LEFT_IN, widest / dpi + 0.3)


def _inside(item: _Item, window: tuple[float, float]) -> bool:
    low, high = window
    right = max(item.end, *item.ghosts) if item.ghosts else item.end
    return right >= low and item.start <= high


def _clipped(item: _Item, low: float, high: float) -> _Item:
    """
    The part of *item* inside the window (a bar cut at the edges).  A bar
    that ended before the window and is there for an earlier deadline
    inside it (a deadline cut short) keeps only that deadline's outline.
    """
    item.gone = item.end < low
    item.start, item.end = max(item.start, low), max(min(item.end, high), low)
    item.ghosts = tuple(g for g in item.ghosts if low <= g <= high)
    return item


def _point(
    lane: int, deadline: Deadline, label: str, *, color: str, legend: str
) -> _Item:
    """A diamond at the moment *deadline* passes (its cut-off)."""
    x = _days(deadline.cutoff)
    return _Item(lane, x, x, "point", label, color=color, marker="D", legend=legend)


def _mark(
    lane: int,
    moment: Moment,
    label: str,
    *,
    color: str,
    marker: str,
    legend: str,
    filled: bool = True,
) -> _Item:
    """A point, or a bracket over the days of a month or year."""
    start, end = _span(moment)
    kind: _Kind = "span" if isinstance(moment, PartialDate) else "point"
    if kind == "point":
        start = end = (start + end) / 2
    return _Item(
        lane,
        start,
        end,
        kind,
        label,
        color=color,
        marker=marker,
        filled=filled,
        legend=legend,
    )


def _response_style(stance: Stance) -> tuple[str, str]:
    """The colour of a response's circle, and its legend entry."""
    if stance.is_positive:
        return _GREEN, "supports / accepts"
    if stance.is_negative:
        return _RED, "opposes / rejects"
    return _GREY, "undecided"


def _responses(
    responses: Iterable[Response], target: str, lane_of: dict[str, int]
) -> Iterator[_Item]:
    for response in responses:
        color, legend = _response_style(response.stance)
        yield _mark(
            lane_of[response.party],
            response.on,
            f"{response.stance.value} {target}",
            color=color,
            marker="o",
            legend=legend,
        )


def _round_extent(rnd: Round) -> tuple[float, float, bool] | None:
    """Start, end and whether the round is only planned (over its window)."""
    if rnd.starts is not None:
        start, _ = _span(rnd.starts)
        _, end = _span(rnd.ends if rnd.ends is not None else rnd.starts)
        return start, end, False
    if rnd.window is not None:
        start, _ = _span(rnd.window.start)
        _, end = _span(rnd.window.end)
        return start, end, True
    return None


def _band(rnd: Round) -> tuple[float, float, str | None] | None:
    extent = _round_extent(rnd)
    if extent is None:
        return None
    start, end, planned = extent
    return start, end, "///" if planned else None


def _round_label(rnd: Round) -> str:
    parts = [f"Round {rnd.number}"]
    if rnd.status is not RoundStatus.HELD:
        parts.append(rnd.status.value)
    if rnd.location:
        parts.append(rnd.location)
    if rnd.starts is None and rnd.window is not None and rnd.window.label:
        parts.append(rnd.window.label)
    return " ".join(" · ".join(parts).split())  # one line: no glyph for a newline


def _ultimatum_bar(ultimatum: Ultimatum, lane: int, at: Moment | None) -> _Item:
    start, _ = _span(ultimatum.issued_at)
    end = _days(ultimatum.deadline.cutoff)
    ghosts = tuple(_days(r.previous.cutoff) for r in ultimatum.revisions)
    label = f"{ultimatum.id} · deadline {_short(ultimatum.deadline.due)}"
    if ultimatum.revisions:
        earlier = ", ".join(_short(r.previous.due) for r in ultimatum.revisions)
        label += f" (was {earlier})"
    if ultimatum.status is not UltimatumStatus.PENDING:
        label += f" · {ultimatum.status.value}"
    elif at is not None:
        label += f" · {ultimatum.deadline.describe(as_of_instant(at))}"
    return _Item(
        lane,
        start,
        max(end, start),
        "bar",
        label,
        color=_PURPLE,
        ghosts=ghosts,
        legend="ultimatum",
    )


def _short(moment: Moment) -> str:
    """
    A moment for a label: a date as written, a time of day to the minute,
    with its zone's abbreviation, or a fixed offset as a timestamp writes it
    (to the second, if it has seconds).
    """
    if isinstance(moment, pendulum.DateTime):
        if isinstance(moment.tzinfo, pendulum.Timezone):
            return f"{moment:%Y-%m-%d %H:%M} {moment.tzname()}"
        return f"{moment:%Y-%m-%d %H:%M} {offset_text(moment.utcoffset())}"
    return moment_text(moment)


def _helper_label(rnd: Round, party: str) -> str:
    if party in rnd.hosts:
        return "host"
    if party in rnd.mediators:
        return "mediator"
    return ""


def _items(
    negotiation: Negotiation, lane_of: dict[str, int], at: Moment | None
) -> Iterator[_Item]:
    for rnd in negotiation.rounds:
        extent = _round_extent(rnd)
        if extent is None:
            continue
        start, end, planned = extent
        yield _Item(
            0,
            start,
            end,
            "bar",
            _round_label(rnd),
            color=_BLUE,
            hatch="///" if planned else None,
            filled=not planned,
            legend="round planned" if planned else "round held",
        )
        if planned:
            continue
        present = [d.party for d in rnd.delegations] + [*rnd.hosts, *rnd.mediators]
        x = (start + end) / 2
        for party in dict.fromkeys(present):
            helper = party in rnd.hosts or party in rnd.mediators
            yield _Item(
                lane_of[party],
                x,
                x,
                "point",
                _helper_label(rnd, party),
                color=_BLUE,
                marker="s",
                filled=not helper,
                legend="host / mediator" if helper else "delegation",
            )
    for proposal in negotiation.proposals:
        label = proposal.id
        if proposal.status is not ProposalStatus.PENDING:
            label += f" ({proposal.status.value})"
        for proposer in proposal.proposed_by:  # a joint text: on every lane
            yield _mark(
                lane_of[proposer],
                proposal.made_on,
                label,
                color=_ORANGE,
                marker=">",
                filled=proposal.status.is_open,
                legend="proposal",
            )
        yield from _responses(proposal.responses, proposal.id, lane_of)
    for ultimatum in negotiation.ultimatums:
        yield _ultimatum_bar(ultimatum, lane_of[ultimatum.issued_by], at)
        yield from _responses(ultimatum.responses, ultimatum.id, lane_of)
    yield from _model2_items(negotiation, lane_of)


def _first_lane(parties: Iterable[str], lane_of: dict[str, int]) -> int:
    """The lane of the first of *parties* (the rounds' lane 0 if none)."""
    return next((lane_of[p] for p in parties if p in lane_of), 0)


def _model2_items(negotiation: Negotiation, lane_of: dict[str, int]) -> Iterator[_Item]:
    """
    Agreements (a sky-blue bar from their first date to their expiry, earlier
    expiries as ghosts; a diamond when they have no expiry), milestones (a
    grey bar from when they were set to the deadline, earlier deadlines as
    ghosts; a diamond when unset), votes
    (triangles, green passed, red failed) and actions (crosses).
    """
    for agreement in negotiation.agreements:
        lane = _first_lane(agreement.signatories, lane_of)
        label = f"{agreement.id} ({agreement.status.value})"
        first = agreement.first_dated
        if first is None and agreement.in_force is not None:
            first = agreement.in_force.due  # no step dated: from its entry into force
        if agreement.expires is not None and first is not None:
            start, _ = _span(first)
            end = _days(agreement.expires.cutoff)
            label += f" · expires {_short(agreement.expires.due)}"
            yield _Item(
                lane,
                start,
                max(end, start),
                "bar",
                label,
                color=_SKY,
                ghosts=tuple(_days(r.previous.cutoff) for r in agreement.revisions),
                legend="agreement",
            )
        elif first is not None:
            yield _mark(lane, first, label, color=_SKY, marker="D", legend="agreement")
        elif agreement.expires is not None:  # nothing dated but its expiry
            label += f" · expires {_short(agreement.expires.due)}"
            yield _point(lane, agreement.expires, label, color=_SKY, legend="agreement")
    for milestone in negotiation.milestones:
        lane = _first_lane((*milestone.applies_to, *milestone.set_by), lane_of)
        label = f"{milestone.id} · due {_short(milestone.deadline.due)}"
        if milestone.revisions:
            earlier = ", ".join(_short(r.previous.due) for r in milestone.revisions)
            label += f" (was {earlier})"
        if milestone.status is not MilestoneStatus.PENDING:
            label += f" · {milestone.status.value}"
        if milestone.set_on is None:  # at the moment the deadline passes
            yield _point(
                lane, milestone.deadline, label, color=_GREY, legend="milestone"
            )
            continue
        start, _ = _span(milestone.set_on)
        yield _Item(
            lane,
            start,
            max(_days(milestone.deadline.cutoff), start),
            "bar",
            label,
            color=_GREY,
            ghosts=tuple(_days(r.previous.cutoff) for r in milestone.revisions),
            legend="milestone",
        )
    for vote in negotiation.votes:
        passed = vote.result is VoteResult.PASSED
        yield _mark(
            lane_of.get(vote.party or "", 0),
            vote.on,
            f"{vote.id} {vote.result.value}",
            color=_GREEN if passed else _RED,
            marker="^",
            legend="vote passed" if passed else "vote failed",
        )
    for action in negotiation.actions:
        yield _mark(
            _first_lane(action.by, lane_of),
            action.on,
            f"{action.id} ({action.kind.value})",
            color=_INK,
            marker="X",
            legend="action",
        )


# --- layout -------------------------------------------------------------------------


def _text_px(text: str, renderer: RendererAgg, size: float = _FONT) -> float:
    """The width of *text* in pixels, at the renderer's dpi."""
    from matplotlib.font_manager import FontProperties  # noqa: PLC0415

    if not text:
        return 0.0
    width, _, _ = renderer.get_text_width_height_descent(  # type: ignore[no-untyped-call]
        text, FontProperties(size=size), ismath=False
    )
    return float(width)


def _place_label(
    item: _Item, x_min: float, x_max: float, per_pt: float, label_w: float
) -> None:
    """Decide where the label goes and what the item then covers, in data units."""
    gap = _GAP_PT * per_pt
    half_marker = _MARKER_PT / 2 * per_pt
    start, end = item.start, max(item.end, *item.ghosts) if item.ghosts else item.end
    if item.kind == "point":
        start, end = start - half_marker, end + half_marker
    if not item.label:
        item.left, item.right = start, end
        return
    if item.kind == "bar" and label_w + 2 * gap <= item.end - item.start:
        item.label_inside = True
        item.label_x, item.label_align = item.start + gap, "left"
        item.left, item.right = start, end
    elif end + gap + label_w <= x_max:
        item.label_x, item.label_align = end + gap / 2, "left"
        item.left, item.right = start, end + gap / 2 + label_w
    elif start - gap / 2 - label_w >= x_min or item.kind != "bar":
        item.label_x, item.label_align = start - gap / 2, "right"
        item.left, item.right = max(x_min, start - gap / 2 - label_w), end
    else:
        # Too long for either side of a long bar: over the bar, on a white box,
        # from its start (or the left edge), so that it stays in the picture.
        item.label_x, item.label_align = max(item.start, x_min) + gap, "left"
        item.left, item.right = start, max(end, item.label_x + label_w)


def _layout(
    items: list[_Item],
    *,
    lanes: list[int],
    x_min: float,
    x_max: float,
    per_px: float,
    renderer: RendererAgg,
    dpi: float,
) -> list[int]:
    """
    Give every item a row in its lane so that nothing overlaps; rows per lane.

    *lanes* holds the lines of each lane's name: a name of three lines or more
    keeps its lane at least one row less tall than its lines.
    """
    per_pt = per_px * dpi / 72
    for item in items:
        _place_label(
            item, x_min, x_max, per_pt, _text_px(item.label, renderer) * per_px
        )
    gap = _GAP_PT * per_pt
    ends: list[list[float]] = [[] for _ in lanes]
    for item in sorted(items, key=lambda i: (i.lane, i.left, i.right)):
        rows = ends[item.lane]
        for row, last in enumerate(rows):
            if last + gap <= item.left:
                item.row = row
                rows[row] = item.right
                break
        else:
            item.row = len(rows)
            rows.append(item.right)
    return [
        max(1, lines - 1, len(rows)) for lines, rows in zip(lanes, ends, strict=True)
    ]


def _lane_bases(rows: list[int]) -> tuple[list[float], float]:
    """The first row of each lane, counted from the top, and the total height."""
    bases: list[float] = []
    top = 0.0
    for count in rows:
        bases.append(top)
        top += count + _LANE_GAP
    return bases, top - _LANE_GAP


# --- drawing --------------------------------------------------------------------------


def _draw_lanes(
    ax: Axes, names: list[str], rows: list[int], bases: list[float]
) -> None:
    centres = [
        -(base + (count - 1) / 2) for base, count in zip(bases, rows, strict=True)
    ]
    ax.set_yticks(centres, names, fontsize=_LANE_FONT, parse_math=False)
    ax.tick_params(axis="y", length=0)
    for index, base in enumerate(bases):
        if index:
            ax.axhline(
                -(base - 0.5 - _LANE_GAP / 2), color="#BBBBBB", linewidth=0.8, zorder=1
            )
    ax.axhspan(-(rows[0] - 0.5 + _LANE_GAP / 2), 0.5, facecolor="#F4F4F4", zorder=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def _draw_marker(ax: Axes, item: _Item, x: float, y: float) -> None:
    """The item's marker at (*x*, *y*): filled, or white inside its colour."""
    ax.plot(
        [x],
        [y],
        marker=item.marker,
        markersize=_MARKER_PT,
        markerfacecolor=item.color if item.filled else "white",
        markeredgecolor=item.color,
        linestyle="none",
        zorder=5,
    )


def _draw(ax: Axes, item: _Item, y: float, per_px: float) -> None:
    if item.kind == "point":
        _draw_marker(ax, item, item.start, y)
    elif item.kind == "span":
        ax.plot(
            [item.start, item.end],
            [y, y],
            color=item.color,
            linewidth=2,
            marker="|",
            markersize=_MARKER_PT + 1,
            zorder=5,
        )
        _draw_marker(ax, item, (item.start + item.end) / 2, y)
    else:
        _draw_bar(ax, item, y, per_px)
    if item.label:
        ax.text(
            item.label_x,
            y,
            item.label,
            ha=item.label_align,
            va="center",
            fontsize=_FONT,
            color="white" if item.label_inside and item.filled else _INK,
            zorder=6,
            parse_math=False,
            bbox=None
            if item.label_inside
            else {"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 0.6},
        )


def _draw_bar(ax: Axes, item: _Item, y: float, per_px: float) -> None:
    height = 0.62
    width = max(item.end - item.start, 2 * per_px)
    for ghost in item.ghosts:
        ax.broken_barh(
            [(item.start, ghost - item.start)],
            (y - height / 2, height),
            facecolors="none",
            edgecolors=item.color,
            linestyles="--",
            linewidth=1,
            zorder=3,
        )
    if not item.gone:  # one that ended before the window: its ghosts alone
        ax.broken_barh(
            [(item.start, width)],
            (y - height / 2, height),
            facecolors=item.color if item.filled else "white",
            edgecolors=item.color,
            hatch=item.hatch,
            linewidth=1,
            zorder=4,
        )
    for ghost in item.ghosts:
        # Over the bar, so that an earlier deadline inside it (an extension)
        # shows as well as one after it (a deadline cut short).
        ax.plot(
            [ghost, ghost],
            [y - height / 2 - 0.12, y + height / 2 + 0.12],
            **_GHOST_STYLE,
        )


_GHOST_STYLE: dict[str, Any] = {
    "color": _INK,
    "linestyle": (0, (2.5, 1.5)),
    "linewidth": 1.6,
    "solid_capstyle": "butt",
    "zorder": 5,
}


def _legend(figure: Figure, used: set[str]) -> None:
    """The legend of the symbols in *used* (legend keys of the items drawn)."""
    from matplotlib.lines import Line2D  # noqa: PLC0415
    from matplotlib.patches import Patch  # noqa: PLC0415

    def marker(symbol: str, color: str, *, filled: bool = True) -> Line2D:
        return Line2D(
            [],
            [],
            marker=symbol,
            linestyle="none",
            markerfacecolor=color if filled else "white",
            markeredgecolor=color,
            markersize=7,
        )

    handles: list[Any] = [
        Patch(facecolor=_BLUE, edgecolor=_BLUE, label="round held"),
        Patch(facecolor="white", edgecolor=_BLUE, hatch="///", label="round planned"),
        marker("s", _BLUE),
        marker("s", _BLUE, filled=False),
        marker(">", _ORANGE),
        marker("o", _GREEN),
        marker("o", _RED),
        marker("o", _GREY),
        Patch(facecolor=_PURPLE, edgecolor=_PURPLE),
        Line2D(
            [],
            [],
            **{**_GHOST_STYLE, "linestyle": "none"},
            marker="|",
            markersize=11,
            markeredgewidth=1.6,
        ),
        Patch(facecolor=_SKY, edgecolor=_SKY),
        Patch(facecolor=_GREY, edgecolor=_GREY),
        marker("^", _GREEN),
        marker("^", _RED),
        marker("X", _INK),
    ]
    keys = [
        "round held",
        "round planned",
        "delegation",
        "host / mediator",
        "proposal",
        "supports / accepts",
        "opposes / rejects",
        "undecided",
        "ultimatum",
        "earlier deadline",
        "agreement",
        "milestone",
        "vote passed",
        "vote failed",
        "action",
    ]
    labels = {
        "proposal": "proposal (hollow: closed)",
        "ultimatum": "ultimatum, to its deadline",
        "agreement": "agreement (a bar: to its expiry)",
        "milestone": "milestone (a bar: from when it was set)",
    }
    shown = [
        (handle, labels.get(key, key))
        for handle, key in zip(handles, keys, strict=True)
        if key in used
    ]
    if not shown:
        return
    figure.legend(
        [handle for handle, _ in shown],
        [label for _, label in shown],
        loc="lower center",
        ncol=min(5, len(shown)),
        frameon=False,
        fontsize=_FONT,
        bbox_to_anchor=(0.5, 0.0),
        handlelength=1.6,
        columnspacing=1.4,
    )
