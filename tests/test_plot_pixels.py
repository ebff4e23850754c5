"""
The pixel budget of a timeline picture: size times dpi, at most 2**27 pixels
and 65,535 a side, for :func:`~negotiation_records.plot.timeline` and the
``plot`` command alike.  No test allocates a buffer over the budget: a guard
turns any attempt into a failure.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import attrs
import pytest
from matplotlib.backends import backend_agg

from negotiation_records import Negotiation, Party, ValidationError, to_json
from negotiation_records._plot_size import (
    MAX_DPI,
    MAX_HEIGHT_IN,
    MAX_PIXELS,
    MAX_SIDE_PX,
    MAX_WIDTH_IN,
    MIN_DPI,
    MIN_HEIGHT_IN,
    MIN_WIDTH_IN,
    pixel_problem,
)
from negotiation_records.cli import main
from negotiation_records.plot import timeline
from tests.seed import seed_record


@pytest.fixture(autouse=True)
def no_huge_buffer(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Every Agg canvas made, by its size; one over the budget fails the test."""
    made: list[tuple[int, int]] = []

    class Guarded(backend_agg.RendererAgg):
        def __init__(self, width: Any, height: Any, dpi: Any) -> None:
            across, down = int(width), int(height)
            assert across * down <= MAX_PIXELS, f"a canvas of {across} x {down}"
            assert max(across, down) <= MAX_SIDE_PX, f"a canvas of {across} x {down}"
            made.append((across, down))
            super().__init__(width, height, dpi)  # type: ignore[no-untyped-call]

    monkeypatch.setattr(backend_agg, "RendererAgg", Guarded)
    return made


def parties(count: int) -> Negotiation:
    return Negotiation(
        id="many",
        title="Many parties",
        parties=[
            Party(id=f"p{index}", name=f"Party {index}", kind="state")
            for index in range(count)
        ],
    )


class TestTheRule:
    def test_the_example_of_the_docs(self) -> None:
        """50 x 50 inches at 1,200 dpi: 60,000 x 60,000 pixels, 14 GB of RGBA."""
        problem = pixel_problem(50, 50, 1200)
        assert problem is not None
        assert problem.text == (
            "50 x 50 inches at 1200 dpi make 60,000 x 60,000 pixels "
            "(3,600,000,000), over the limit of 134,217,728 pixels (2**27)"
        )
        assert problem.best_dpi == 231
        assert pixel_problem(50, 50, 231) is None
        assert pixel_problem(50, 50, 232) is not None

    def test_a_side_over_the_limit(self) -> None:
        """100 x 1 inches at 700 dpi is 49 megapixels, but 70,000 pixels wide."""
        problem = pixel_problem(100, 1, 700)
        assert problem is not None
        assert problem.text == (
            "100 x 1 inches at 700 dpi make 70,000 x 700 pixels, over the limit "
            "of 65,535 pixels a side"
        )
        assert problem.best_dpi == 655

    def test_the_default_width_at_the_highest_dpi(self) -> None:
        """12 inches wide fits at 1,200 dpi up to 7.7 inches high, as documented."""
        assert pixel_problem(12, 7.7, MAX_DPI) is None
        assert pixel_problem(12, 7.8, MAX_DPI) is not None

    @pytest.mark.parametrize(
        ("width", "height"),
        [
            (MIN_WIDTH_IN, MIN_HEIGHT_IN),
            (12, 4),
            (MAX_WIDTH_IN, MAX_HEIGHT_IN),
            (MAX_WIDTH_IN, MIN_HEIGHT_IN),
            (33.3, 71.7),
        ],
    )
    def test_the_best_dpi_is_the_highest_that_fits(
        self, width: float, height: float
    ) -> None:
        problem = pixel_problem(width, height, 10**6)
        assert problem is not None
        best = problem.best_dpi
        assert best >= MIN_DPI  # every size allowed fits at some allowed dpi
        assert pixel_problem(width, height, best) is None
        assert pixel_problem(width, height, best + 1) is not None
        across, down = math.ceil(width * best), math.ceil(height * best)
        assert across * down <= MAX_PIXELS


class TestTimeline:
    def test_refused_before_anything_is_allocated(
        self, no_huge_buffer: list[tuple[int, int]]
    ) -> None:
        made = no_huge_buffer
        with pytest.raises(ValidationError) as info:
            timeline(seed_record(), size=(50, 50), dpi=1200)
        assert info.value.errors == (
            (
                "size",
                "50 x 50 inches at 1200 dpi make 60,000 x 60,000 pixels "
                "(3,600,000,000), over the limit of 134,217,728 pixels (2**27): "
                "give a smaller size, or a lower dpi",
            ),
            (
                "dpi",
                "at most 231 dpi fits 50 x 50 inches (134,217,728 pixels (2**27) "
                "in all, 65,535 a side), got 1200",
            ),
        )
        assert made == []  # not even the canvas that measures the labels

    @pytest.mark.parametrize(
        ("size", "dpi"),
        [((12, 8), 1200), ((100, 100), 116), ((100, 1), 700), ((55, 2), 1200)],
    )
    def test_just_over(self, size: tuple[float, float], dpi: float) -> None:
        with pytest.raises(ValidationError) as info:
            timeline(seed_record(), size=size, dpi=dpi)
        assert [path for path, _ in info.value.errors] == ["size", "dpi"]

    def test_just_within(self) -> None:
        """100 x 100 inches at 115 dpi: 11,500 x 11,500 pixels, laid out."""
        figure = timeline(seed_record(), size=(100, 100), dpi=115)
        assert list(figure.get_size_inches() * figure.dpi) == [11500, 11500]

    def test_the_default_size_at_the_highest_dpi(
        self, no_huge_buffer: list[tuple[int, int]]
    ) -> None:
        """The seed record: 12 x 4.54 inches, 14,400 x 5,448 pixels at 1,200 dpi."""
        made = no_huge_buffer
        figure = timeline(seed_record(), dpi=MAX_DPI)
        width, height = figure.get_size_inches()
        assert width == 12
        assert pixel_problem(width, height, MAX_DPI) is None
        assert max(a * d for a, d in made) <= MAX_PIXELS

    def test_a_default_height_over_the_budget(self) -> None:
        """250 parties at 300 dpi need 129.7 inches: refused once that is known."""
        with pytest.raises(ValidationError) as info:
            timeline(parties(250), dpi=300)
        (size, size_message), (dpi, dpi_message) = info.value.errors
        assert (size, dpi) == ("size", "dpi")
        assert size_message.startswith("12 x 129.7 inches at 300 dpi make 3,600 x ")
        assert "; the size is the default, 12 inches wide and as high as" in (
            size_message
        )
        assert dpi_message.startswith("at most 293 dpi fits 12 x 129.7 inches")
        figure = timeline(parties(250), dpi=293)  # as the message says
        assert figure.get_size_inches()[1] == pytest.approx(129.7, abs=0.05)


@pytest.fixture
def talks(tmp_path: Path) -> Path:
    path = tmp_path / "talks.json"
    path.write_text(to_json(seed_record()), encoding="utf-8")
    return path


class TestCommandLine:
    @pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
    def test_a_usage_error_before_drawing(
        self,
        talks: Path,
        tmp_path: Path,
        suffix: str,
        capsys: pytest.CaptureFixture[str],
        no_huge_buffer: list[tuple[int, int]],
    ) -> None:
        made = no_huge_buffer
        target = tmp_path / f"x{suffix}"
        argv = ["plot", str(talks), "-o", str(target), "--size", "50x50"]
        assert main([*argv, "--dpi", "1200"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("usage: ")
        assert err.endswith(
            "error: argument --size: 50 x 50 inches at 1200 dpi make 60,000 x "
            "60,000 pixels (3,600,000,000), over the limit of 134,217,728 pixels "
            "(2**27): give a smaller --size, or a lower --dpi (at most 231 dpi "
            "fits 50 x 50 inches)\n"
        )
        assert made == []
        assert not target.exists()

    @pytest.mark.parametrize(
        ("width", "height", "dpi"),
        [
            (12, 8, 1200),
            (100, 100, 116),
            (100, 1, 700),
            (12, 7.7, 1200),
            (100, 100, 115),
        ],
    )
    def test_the_same_rule_as_the_function(
        self, width: float, height: float, dpi: int, talks: Path, monkeypatch: Any
    ) -> None:
        """--size and --dpi refuse exactly what timeline(size=, dpi=) refuses."""
        drawn: list[tuple[Any, ...]] = []

        def draw(*args: Any) -> int:
            drawn.append(args)
            return 0

        monkeypatch.setattr("negotiation_records.cli._draw", draw)
        argv = ["plot", str(talks), "-o", "x.png", "--size", f"{width}x{height}"]
        status = main([*argv, "--dpi", str(dpi)])
        try:
            timeline(Negotiation(id="e", title="E"), size=(width, height), dpi=dpi)
        except ValidationError:
            assert status == 2
            assert drawn == []
        else:
            assert status == 0
            assert len(drawn) == 1

    def test_a_default_height_over_the_budget(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Exit status 1, the function's message: the record needs the height."""
        path = tmp_path / "many.json"
        path.write_text(to_json(parties(250)), encoding="utf-8")
        target = tmp_path / "many.png"
        assert main(["plot", str(path), "-o", str(target), "--dpi", "300"]) == 1
        err = capsys.readouterr().err
        assert "size: 12 x 129.7 inches at 300 dpi make 3,600 x " in err
        assert "dpi: at most 293 dpi fits 12 x 129.7 inches" in err
        assert not target.exists()

    def test_trimmed_wider_than_its_size(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        no_huge_buffer: list[tuple[int, int]],
    ) -> None:
        """
        A title longer than the picture is wide runs past its edge, and the
        tight picture saved takes it in: 12 inches become 127.8, 153,397
        pixels at 1,200 dpi (matplotlib refused it with a traceback).
        """
        made = no_huge_buffer
        path = tmp_path / "long.json"
        record = attrs.evolve(seed_record(), title="Talks " * 300)
        path.write_text(to_json(record), encoding="utf-8")
        target = tmp_path / "long.png"
        argv = ["plot", str(path), "-o", str(target), "--dpi", "1200"]
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err == (
            "negotiation-records: error: the picture trimmed to what it draws "
            "(text past its edges, such as a long title, widens it): 127.8 x 4.573 "
            "inches at 1200 dpi make 153,397 x 5,488 pixels (841,842,736), over "
            "the limit of 134,217,728 pixels (2**27): give a lower --dpi (at most "
            "479 dpi fits 127.8 x 4.573 inches)\n"
        )
        assert not target.exists()
        assert max(made) == (14_400, 5_808)  # the figure's own, not the trimmed one
        # at a resolution that fits, it is drawn
        assert main([*argv[:-1], "50"]) == 0
        assert target.exists()
