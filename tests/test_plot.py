"""The timeline picture: lanes, marks, labels that never overlap, PNG and SVG output."""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import attrs
import numpy as np
import pendulum
import pytest
from matplotlib.figure import Figure
from matplotlib.image import imread
from matplotlib.text import Text

from negotiation_records import (
    Agreement,
    Deadline,
    Milestone,
    Negotiation,
    Party,
    Proposal,
    Response,
    Round,
    Ultimatum,
    ValidationError,
    Vote,
    Window,
)
from negotiation_records._cli_args import dpi_arg, size_arg
from negotiation_records._plot_axis import days
from negotiation_records.plot import PLOT_EXTRA_HINT, timeline
from tests.seed import seed_record


REPORT_DAY = pendulum.date(2025, 7, 19)


def texts(figure: Figure) -> list[str]:
    """Every text drawn inside the axes (labels of marks, the `at` label)."""
    return [t.get_text() for t in figure.axes[0].texts]


def lane_names(figure: Figure) -> list[str]:
    return [label.get_text() for label in figure.axes[0].get_yticklabels()]


def overlapping_labels(figure: Figure) -> list[tuple[str, str]]:
    """Pairs of labels whose drawn boxes intersect."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    labels: list[Text] = [t for t in figure.axes[0].texts if t.get_text()]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in labels]
    return [
        (a, b)
        for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
        if box_a.overlaps(box_b)
    ]


def revised_seed() -> Negotiation:
    """The seed record with the ultimatum cut to ten days, and more marks in July."""
    talks = seed_record()
    ultimatum = talks.ultimatum("us-ultimatum-2025-07").revise_deadline(
        Deadline.after(pendulum.date(2025, 7, 29), days=10),
        on=pendulum.date(2025, 7, 29),
        reason="cut to 10-12 days",
    )
    invitation = talks.proposal("new-round-invitation").respond(
        "russia", on=pendulum.date(2025, 7, 21), stance="accepts"
    )
    counter = Proposal(
        id="russian-memorandum",
        proposed_by="russia",
        addressed_to=["ukraine"],
        made_on=pendulum.datetime(2025, 7, 19, 15, tz="Europe/Moscow"),
        summary="A memorandum of Russian terms",
        status="rejected",
        responses=[
            Response(party="ukraine", on=REPORT_DAY, stance="undecided"),
        ],
    )
    return (
        talks.with_ultimatum(ultimatum).with_proposal(invitation).with_proposal(counter)
    )


class TestSeedPicture:
    def test_png_is_a_real_picture(self, tmp_path: Path) -> None:
        """The seed timeline saves as a sizeable PNG with many colours, not a blank."""
        target = tmp_path / "seed.png"
        timeline(seed_record(), at=pendulum.date(2025, 7, 20)).savefig(target)
        assert target.stat().st_size > 20_000
        pixels = imread(target)
        height, width = pixels.shape[:2]
        assert width >= 1000
        assert height >= 400
        flat = pixels.reshape(-1, pixels.shape[2])
        colours = {tuple(p) for p in flat[:: max(1, len(flat) // 50_000)].tolist()}
        assert len(colours) > 50
        ink = (flat[:, :3] < 0.9).any(axis=1).mean()
        assert 0.03 < ink < 0.6

    def test_one_lane_per_party_under_the_rounds(self) -> None:
        """The lanes are the rounds, then each party in record order, with roles."""
        assert lane_names(timeline(seed_record())) == [
            "Rounds",
            "Ukraine",
            "Russia",
            "United States\n(third party)",
            "Türkiye\n(host)",
        ]

    def test_rounds_carry_number_and_place(self) -> None:
        """Held rounds show their number and place; the proposed one its window."""
        labels = texts(timeline(seed_record()))
        assert "Round 1 · Istanbul" in labels
        assert "Round 2 · Istanbul" in labels
        assert "Round 3 · proposed · next week" in labels
        assert labels.count("host") == 2

    def test_proposals_responses_and_the_ultimatum(self) -> None:
        """Proposals, the response to the ultimatum and the ultimatum bar are labelled."""
        labels = texts(timeline(seed_record()))
        assert "new-round-invitation" in labels
        assert "leaders-meeting" in labels
        assert "rejects us-ultimatum-2025-07" in labels
        assert "us-ultimatum-2025-07 · deadline 2025-09-02" in labels

    def test_labels_do_not_overlap(self) -> None:
        """No two labels of the seed picture touch."""
        assert overlapping_labels(timeline(seed_record())) == []

    def test_dates_on_the_axis(self) -> None:
        """The x axis is a date axis whose ticks name months, and the year is shown."""
        figure = timeline(seed_record())
        figure.canvas.draw()
        ticks = [t.get_text() for t in figure.axes[0].get_xticklabels()]
        assert {"Jun", "Jul", "Aug"} <= set(ticks)
        assert figure.axes[0].xaxis.get_major_formatter().get_offset() == "2025"

    def test_title_names_the_talks(self) -> None:
        """The title is the negotiation's title and status."""
        figure = timeline(seed_record())
        assert (
            figure.axes[0].get_title(loc="left")
            == "Russia–Ukraine peace talks, 2025 (stalled)"
        )

    def test_a_title_with_line_breaks_is_one_line(self) -> None:
        """Line breaks and tabs in the title show as spaces, as in every label."""
        talks = attrs.evolve(seed_record(), title="Talks\nin Istanbul\t2025\r\n")
        title = timeline(talks).axes[0].get_title(loc="left")
        assert title == "Talks in Istanbul 2025 (stalled)"

    def test_svg(self, tmp_path: Path) -> None:
        """The same figure saves as SVG."""
        target = tmp_path / "seed.svg"
        timeline(seed_record()).savefig(target)
        text = target.read_text(encoding="utf-8")
        assert text.lstrip().startswith("<?xml")
        assert "<svg" in text


class TestAt:
    def test_line_and_time_left(self) -> None:
        """With `at`, a dashed line is drawn and the ultimatum says the time left."""
        figure = timeline(seed_record(), at=pendulum.date(2025, 7, 20))
        labels = texts(figure)
        assert "at 2025-07-20" in labels
        assert "us-ultimatum-2025-07 · deadline 2025-09-02 · due in 6 weeks" in labels
        dashed = [
            line for line in figure.axes[0].get_lines() if line.get_linestyle() == "--"
        ]
        assert len(dashed) == 1

    def test_no_line_without_at(self) -> None:
        """Without `at` the picture has no `at` line and no time left."""
        labels = texts(timeline(seed_record()))
        assert not [label for label in labels if label.startswith("at ")]
        assert not [label for label in labels if "due in" in label]

    def test_datetime_at(self) -> None:
        """A zoned `at` is written in full on its line."""
        at = pendulum.datetime(2025, 8, 1, 12, tz="Europe/Kyiv")
        assert "at 2025-08-01T12:00:00+03:00[Europe/Kyiv]" in texts(
            timeline(seed_record(), at=at)
        )


class TestBusierRecords:
    def test_revised_deadline_is_shown(self) -> None:
        """A cut deadline is drawn with the earlier one named in the label."""
        labels = texts(timeline(revised_seed(), at=pendulum.date(2025, 8, 1)))
        assert (
            "us-ultimatum-2025-07 · deadline 2025-08-08 (was 2025-09-02) · due in 8 days"
            in labels
        )

    def test_busier_record_still_has_no_overlaps(self) -> None:
        """More marks in the same week push labels to new rows, never on top."""
        figure = timeline(revised_seed(), at=pendulum.date(2025, 8, 1))
        assert overlapping_labels(figure) == []
        labels = texts(figure)
        assert "accepts new-round-invitation" in labels
        assert "russian-memorandum (rejected)" in labels
        assert "undecided russian-memorandum" in labels

    def test_taller_when_lanes_fill(self) -> None:
        """The figure grows with the rows the lanes need."""
        plain = timeline(seed_record()).get_size_inches()[1]
        busy = timeline(revised_seed()).get_size_inches()[1]
        assert busy > plain

    def test_closed_ultimatum_says_its_status(self) -> None:
        """An ultimatum no longer pending shows its status instead of the time left."""
        talks = seed_record()
        ultimatum = talks.ultimatum("us-ultimatum-2025-07").withdraw(
            on=pendulum.date(2025, 8, 1)
        )
        labels = texts(
            timeline(talks.with_ultimatum(ultimatum), at=pendulum.date(2025, 8, 2))
        )
        assert "us-ultimatum-2025-07 · deadline 2025-09-02 · withdrawn" in labels

    def test_round_with_mediator_and_undated_round(self) -> None:
        """A mediator is marked; a round with neither date nor window is left out."""
        talks = Negotiation(
            id="talks",
            title="Talks",
            parties=[
                Party(id="north", name="North", kind="state"),
                Party(id="south", name="South", kind="state"),
                Party(id="un", name="UN", kind="organization", role="mediator"),
            ],
            rounds=[
                Round(
                    number=1,
                    status="held",
                    starts=pendulum.datetime(2025, 3, 1, 9, tz="Europe/Zurich"),
                    ends=pendulum.datetime(2025, 3, 3, 18, tz="Europe/Zurich"),
                    location="Geneva",
                    mediators=["un"],
                ),
                Round(number=2, status="proposed"),
                Round(
                    number=3,
                    status="proposed",
                    window=Window.between(
                        pendulum.date(2025, 4, 1), pendulum.date(2025, 4, 30)
                    ),
                ),
            ],
        )
        figure = timeline(talks)
        labels = texts(figure)
        assert "mediator" in labels
        assert "Round 1 · Geneva" in labels
        assert "Round 3 · proposed" in labels
        assert not [label for label in labels if label.startswith("Round 2")]
        assert lane_names(figure)[-1] == "UN\n(mediator)"

    def test_label_at_the_right_edge_goes_left(self) -> None:
        """A label that would leave the picture on the right is drawn left of its mark."""
        talks = Negotiation(
            id="talks",
            title="Talks",
            parties=[
                Party(id="north", name="North", kind="state"),
                Party(id="south", name="South", kind="state"),
            ],
            proposals=[
                Proposal(
                    id="first",
                    proposed_by="north",
                    addressed_to=["south"],
                    made_on=pendulum.date(2025, 1, 1),
                    summary="First",
                ),
                Proposal(
                    id="a-proposal-with-a-rather-long-name-at-the-end",
                    proposed_by="north",
                    addressed_to=["south"],
                    made_on=pendulum.date(2025, 2, 1),
                    summary="Last",
                    responses=[
                        Response(
                            party="south",
                            on=pendulum.date(2025, 2, 2),
                            stance="supports",
                        )
                    ],
                ),
            ],
        )
        figure = timeline(talks)
        last = next(
            t
            for t in figure.axes[0].texts
            if t.get_text() == "a-proposal-with-a-rather-long-name-at-the-end"
        )
        assert last.get_horizontalalignment() == "right"
        assert overlapping_labels(figure) == []

    def test_dollar_signs_are_text_not_tex(self, tmp_path: Path) -> None:
        """Record text with "$" in it (a fund, a price) is drawn as written:
        matplotlib would read "$...$" as TeX, and an odd "${$" fails to draw."""
        talks = Negotiation(
            id="talks",
            title="US$ 5bn or { $ talks",
            parties=[Party(id="north", name="${$", kind="state")],
            rounds=[
                Round(
                    number=1,
                    status="held",
                    starts=pendulum.date(2025, 5, 16),
                    location="Hotel $x^{2$",
                )
            ],
        )
        figure = timeline(talks)
        figure.savefig(tmp_path / "talks.png")  # drawing parses every text
        assert "${$" in lane_names(figure)
        title = figure.axes[0].get_title(loc="left")
        assert title.startswith("US$ 5bn or { $ talks")
        assert any("Hotel $x^{2$" in text for text in texts(figure))

    def test_empty_record(self) -> None:
        """A record with no dated events still draws its lanes."""
        talks = Negotiation(
            id="talks",
            title="Talks",
            parties=[Party(id="north", name="North", kind="state")],
        )
        figure = timeline(talks)
        assert lane_names(figure) == ["Rounds", "North"]
        # No dates, and it says so: the picture does not depend on the day.
        assert texts(figure) == ["nothing dated to draw"]
        figure.canvas.draw()
        assert [t.get_text() for t in figure.axes[0].get_xticklabels()] == []

    def test_edges_of_the_calendar(self, tmp_path: Path) -> None:
        """Rounds in year 1 and year 9999 are drawn; the axis stays in the calendar."""
        talks = Negotiation(
            id="talks",
            title="Talks",
            parties=[Party(id="north", name="North", kind="state")],
            rounds=[
                Round(number=1, status="held", starts=pendulum.date(1, 1, 1)),
                Round(number=2, status="held", starts=pendulum.date(9999, 12, 31)),
            ],
        )
        figure = timeline(talks)
        figure.savefig(tmp_path / "edges.png")
        assert "Round 2" in texts(figure)

    def test_ultimatum_bar_label_outside_a_short_bar(self) -> None:
        """A bar too short for its label has the label beside it."""
        issued = pendulum.datetime(2025, 7, 14, 12, tz="UTC")
        talks = Negotiation(
            id="talks",
            title="Talks",
            parties=[
                Party(id="north", name="North", kind="state"),
                Party(id="south", name="South", kind="state"),
            ],
            rounds=[Round(number=1, status="held", starts=pendulum.date(2025, 1, 1))],
            ultimatums=[
                Ultimatum(
                    id="short",
                    issued_by="north",
                    addressed_to=["south"],
                    issued_at=issued,
                    demand="Stop",
                    deadline=Deadline.after(issued, hours=48),
                )
            ],
        )
        figure = timeline(talks)
        bar_label = next(
            t for t in figure.axes[0].texts if t.get_text().startswith("short")
        )
        assert bar_label.get_color() != "white"

    @pytest.mark.parametrize(
        ("due", "shown"),
        [
            (
                pendulum.datetime(1890, 6, 1, 12, tz=pendulum.FixedTimezone(-1521)),
                "1890-06-01 12:00 -00:25:21",  # Dublin mean time, to the second
            ),
            (
                pendulum.datetime(2025, 7, 23, 10, tz=pendulum.FixedTimezone(19800)),
                "2025-07-23 10:00 +05:30",
            ),
            (
                pendulum.datetime(2025, 7, 23, 10, tz="Europe/Kyiv"),
                "2025-07-23 10:00 EEST",
            ),
        ],
    )
    def test_a_deadline_label_names_its_zone(
        self, due: pendulum.DateTime, shown: str
    ) -> None:
        """A named zone by its abbreviation, a fixed offset as a timestamp
        writes it, seconds and all."""
        talks = Negotiation(
            id="talks",
            title="Talks",
            parties=[
                Party(id="north", name="North", kind="state"),
                Party(id="south", name="South", kind="state"),
            ],
            ultimatums=[
                Ultimatum(
                    id="u",
                    issued_by="north",
                    addressed_to=["south"],
                    issued_at=due.date().subtract(days=30),
                    demand="Stop",
                    deadline=Deadline.on(due),
                )
            ],
        )
        assert f"u · deadline {shown}" in texts(timeline(talks))


def axis(figure: Figure) -> tuple[list[str], str]:
    """The tick labels of the date axis and its offset (the text under it)."""
    figure.canvas.draw()
    ax = figure.axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    return ticks, ax.xaxis.get_major_formatter().get_offset()


def diamonds(figure: Figure) -> list[float]:
    """The x (date numbers) of the diamonds drawn."""
    found: list[float] = []
    for line in figure.axes[0].get_lines():
        if line.get_marker() == "D":
            found += np.asarray(line.get_xdata(), dtype=float).tolist()
    return found


class TestShortAndPartialPictures:
    def test_a_week_names_its_month_and_a_day_its_date(self) -> None:
        """
        Ticks by day name a month only where it starts, by hour a day only at
        midnight: a picture within one month (or one day) names it under the
        axis, as the year is named under months.
        """
        talks = Negotiation(
            id="t",
            title="T",
            parties=[Party(id="a", name="A", kind="state")],
            votes=[
                Vote(
                    id="v",
                    body="Rada",
                    party="a",
                    on=pendulum.date(2025, 7, 16),
                    question="Ratify?",
                    result="passed",
                )
            ],
        )
        ticks, offset = axis(timeline(talks))
        assert "16" in ticks
        assert offset == "Jul 2025"
        day = timeline(
            talks,
            start=pendulum.datetime(2025, 7, 16, 6),
            end=pendulum.datetime(2025, 7, 16, 18),
        )
        ticks, offset = axis(day)
        assert "12:00" in ticks
        assert offset == "2025-07-16"
        ticks, offset = axis(
            timeline(
                talks, start=pendulum.date(2025, 7, 10), end=pendulum.date(2025, 8, 10)
            )
        )
        assert "Aug" in ticks
        assert offset == "2025"

    def test_at_draws_the_record_as_it_stood(self) -> None:
        """
        As of 20 July the ultimatum had not been cut to ten days (29 July):
        the picture shows the 50-day deadline, with no earlier one, as the
        command line's --at does.
        """
        at = pendulum.date(2025, 7, 20)
        labels = texts(timeline(revised_seed(), at=at))
        assert "us-ultimatum-2025-07 · deadline 2025-09-02 · due in 6 weeks" in labels
        assert not [label for label in labels if "was 2025-09-02" in label]
        assert not [
            label for label in labels if "accepts new-round-invitation" in label
        ]

    def test_a_bar_that_ended_before_the_window_is_not_drawn(self) -> None:
        """
        The ultimatum cut to 8 August, drawn from 15 August: its bar ended
        before the window, so only the outline to the 2 September deadline
        it replaced is drawn, not a solid sliver at the left edge.
        """
        figure = timeline(revised_seed(), start=pendulum.date(2025, 8, 15))
        solid = [
            collection
            for collection in figure.axes[0].collections
            if collection.get_linestyle()[0][1] is None  # type: ignore[index]
            and np.asarray(collection.get_facecolor()).any()
        ]
        left = days(pendulum.datetime(2025, 8, 15))
        starts = [
            path.get_extents().x0
            for collection in solid
            for path in collection.get_paths()
        ]
        assert left not in starts

    def test_a_deadline_alone_is_drawn_when_it_passes(self) -> None:
        """
        A milestone with no set_on, and an agreement with no dated step but
        its entry into force or its expiry, are drawn: the milestone as a
        diamond at the instant its deadline passes (the end of 1 August in
        Pago Pago, 11:00 UTC on the 2nd), not at noon UTC of its day.
        """
        pago = Deadline.on(pendulum.date(2025, 8, 1), tz="Pacific/Pago_Pago")
        talks = Negotiation(
            id="t",
            title="T",
            parties=[Party(id="a", name="A", kind="state")],
            milestones=[Milestone(id="m", title="Talks close", deadline=pago)],
            agreements=[
                Agreement(
                    id="truce",
                    title="Truce",
                    stage="ceasefire",
                    signatories=["a"],
                    in_force=Deadline.on(pendulum.date(2025, 7, 1)),
                    expires=Deadline.on(pendulum.date(2025, 9, 1)),
                ),
                Agreement(
                    id="pause",
                    title="Pause",
                    stage="ceasefire",
                    signatories=["a"],
                    expires=Deadline.on(pendulum.date(2025, 9, 10)),
                ),
            ],
        )
        figure = timeline(talks)
        assert days(pendulum.datetime(2025, 8, 2, 11)) in diamonds(figure)
        assert days(pendulum.datetime(2025, 9, 11)) in diamonds(figure)
        labels = texts(figure)
        assert "truce (drafted) · expires 2025-09-01" in labels
        assert "pause (drafted) · expires 2025-09-10" in labels


class TestSize:
    @pytest.mark.parametrize(
        "size",
        [(1, 1), (1.5, 6), (100.5, 6), (12, 0.5), (12, 101), (float("nan"), 6)],
    )
    def test_size_outside_the_limits_is_refused(
        self, size: tuple[float, float]
    ) -> None:
        """A size outside 2-100 by 1-100 inches is a ValidationError (a
        ValueError) at ``size`` naming the limits, not matplotlib's "left
        cannot be >= right"."""
        with pytest.raises(ValueError, match="must be 2 to 100 inches") as info:
            timeline(seed_record(), size=size)
        assert isinstance(info.value, ValidationError)
        assert info.value.errors == (
            (
                "size",
                "must be (width, height) in inches: the width must be 2 to 100 "
                f"inches and the height 1 to 100; got {size!r}",
            ),
        )

    @pytest.mark.parametrize(
        "size",
        [(12, True), ("12", "6"), "12", b"\x0c\x06", 12, (12,), (12, 6, 1), (12, None)],
    )
    def test_size_of_the_wrong_type_is_refused(self, size: object) -> None:
        """A size that is not two numbers is refused as one out of range (a
        bool as a height was drawn; a string failed in a comparison)."""
        with pytest.raises(ValidationError) as info:
            timeline(seed_record(), size=size)  # type: ignore[arg-type]
        assert [path for path, _ in info.value.errors] == ["size"]

    def test_smallest_size_is_drawn(self, tmp_path: Path) -> None:
        """The smallest size allowed, 2 by 1 inches, is drawn and saved."""
        figure = timeline(seed_record(), size=(2, 1))
        assert list(figure.get_size_inches()) == [2.0, 1.0]
        figure.savefig(tmp_path / "small.png")

    @pytest.mark.parametrize("size", [(2, 1), (4, 1), (6, 3)])
    def test_long_party_names_in_a_narrow_picture(
        self, size: tuple[float, float], tmp_path: Path
    ) -> None:
        """Names too long for the picture are cut at its edge: the axes keep a
        width, and the picture is drawn (it failed inside matplotlib)."""
        long_name = "Delegation of the " + "Very " * 30 + "Long Name"
        record = seed_record()
        record = attrs.evolve(
            record,
            parties=[
                attrs.evolve(record.parties[0], name=long_name),
                *record.parties[1:],
            ],
        )
        figure = timeline(record, size=size)
        assert list(figure.get_size_inches()) == [float(size[0]), float(size[1])]
        figure.savefig(tmp_path / "narrow.png")

    @pytest.mark.parametrize(
        ("width", "height"),
        [(1, 1), (1.99, 6), (2, 1), (12, 0.99), (12, 100), (100.01, 6)],
    )
    def test_same_rule_as_the_command_line(self, width: float, height: float) -> None:
        """timeline(size=...) refuses exactly the sizes that --size refuses."""
        try:
            size_arg(f"{width}x{height}")
        except argparse.ArgumentTypeError:
            cli_accepts = False
        else:
            cli_accepts = True
        try:
            timeline(seed_record(), size=(width, height))
        except ValueError:
            library_accepts = False
        else:
            library_accepts = True
        assert library_accepts == cli_accepts


class TestDpi:
    @pytest.mark.parametrize(
        "dpi",
        [0, -100, 9.99, 1200.5, 10**9, float("nan"), float("inf"), -float("inf")],
    )
    def test_dpi_outside_the_limits_is_refused(self, dpi: float) -> None:
        """A dpi outside 10 to 1200 is a ValidationError at ``dpi``, not
        matplotlib's "dpi must be positive", "cannot convert float NaN to
        integer" or a buffer of gigabytes."""
        with pytest.raises(ValidationError) as info:
            timeline(seed_record(), dpi=dpi)
        assert info.value.errors == (
            ("dpi", f"must be a number from 10 to 1200 dots per inch, got {dpi!r}"),
        )

    @pytest.mark.parametrize("dpi", [True, "100", None, [100], 100j])
    def test_dpi_of_the_wrong_type_is_refused(self, dpi: object) -> None:
        """A dpi that is not a number: refused, not drawn (True drew with
        FreeType's "invalid ppem value", "100" failed inside matplotlib)."""
        with pytest.raises(ValidationError) as info:
            timeline(seed_record(), dpi=dpi)  # type: ignore[arg-type]
        assert [path for path, _ in info.value.errors] == ["dpi"]

    def test_size_and_dpi_are_both_reported(self) -> None:
        """Every problem at once, as everywhere in the library."""
        with pytest.raises(ValidationError) as info:
            timeline(seed_record(), size=(1, 1), dpi=0)
        assert [path for path, _ in info.value.errors] == ["size", "dpi"]

    @pytest.mark.parametrize("dpi", [10, 72.5, 1200])
    def test_dpi_within_the_limits_is_drawn(self, dpi: float) -> None:
        """The limits themselves, and a fraction, are drawn at that dpi."""
        assert timeline(seed_record(), size=(4, 2), dpi=dpi).dpi == dpi

    @pytest.mark.parametrize("dpi", [9, 10, 11, 1199, 1200, 1201])
    def test_same_rule_as_the_command_line(self, dpi: int) -> None:
        """timeline(dpi=...) refuses exactly the whole numbers that --dpi refuses."""
        try:
            dpi_arg(str(dpi))
        except argparse.ArgumentTypeError:
            cli_accepts = False
        else:
            cli_accepts = True
        try:
            timeline(seed_record(), size=(4, 2), dpi=dpi)
        except ValidationError:
            library_accepts = False
        else:
            library_accepts = True
        assert library_accepts == cli_accepts


class TestWithoutMatplotlib:
    def test_missing_matplotlib_names_the_extra(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without matplotlib the error says which extra to install."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(ImportError) as info:
            timeline(seed_record())
        assert str(info.value) == PLOT_EXTRA_HINT
        assert "python -m pip install 'negotiation-records[plot]'" in str(info.value)


def _two_sided() -> Negotiation:
    return Negotiation(
        id="talks",
        title="Talks",
        parties=[Party(id="north", name="North", kind="state")],
    )


def test_every_bad_argument_is_reported_at_once_in_order() -> None:
    """at, start, end, size and dpi together, each at its name (DESIGN.md)."""
    with pytest.raises(ValidationError) as info:
        timeline(_two_sided(), "x", start="y", end="z", size=(0, -1), dpi=-5)  # type: ignore[arg-type]
    assert [path for path, _ in info.value.errors] == [
        "at",
        "start",
        "end",
        "size",
        "dpi",
    ]


def test_a_naive_at_is_refused_at_at() -> None:
    with pytest.raises(ValidationError) as info:
        timeline(
            _two_sided(), pendulum.naive(2025, 5, 1), end=pendulum.naive(2025, 6, 1)
        )
    assert [path for path, _ in info.value.errors] == ["at", "end"]
    assert "naive datetime" in info.value.errors[0][1]


def test_what_is_not_a_negotiation_is_refused_with_the_other_arguments() -> None:
    with pytest.raises(ValidationError) as info:
        timeline(5, "x")  # type: ignore[arg-type]
    assert list(info.value.errors) == [
        ("$", "must be a Negotiation, got int"),
        (
            "at",
            "must be a date, a zone-aware datetime or a PartialDate, got str 'x' "
            "(parse_moment does not read it either: 'x' is not a moment (YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339/RFC 9557 timestamp))",
        ),
    ]
