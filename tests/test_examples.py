"""Every example script runs and prints the lines a reader looks for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

from tests.seed import load_example


EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.py"))

EXPECTED = {
    "ukraine_russia_2025.py": [
        "Russia–Ukraine peace talks, 2025 — stalled",
        "Round 1 (held): 2025-05-16, Istanbul",
        "Round 3 (proposed): next week (2025-07-21..2025-07-27)",
        "Russia demands: Ukraine cedes control of the four regions Moscow claims — Ukraine opposes",
        "Ultimatum us-ultimatum-2025-07: due 2025-09-02",
        "Timeline:",
        "2025-05-16  round                 Round 1 held in Istanbul",
        "2025-07-14  ultimatum             United States issues an ultimatum to Russia: "
        "Reach a ceasefire with Ukraine (due 2025-09-02)",
        "2025-09-02  deadline              Deadline of ultimatum 'us-ultimatum-2025-07' "
        "falls due (50 days after 2025-07-14)",
    ],
    "trade_truce_2025.py": [
        "US–China tariff truce, 2025 — active",
        "Round 1 (held): 2025-05-10 to 2025-05-11, Geneva",
        "  first end: 2025-08-12 00:01 EDT (Tue)",
        "  revised on 2025-08-11: Executive Order 14334 extends the suspension by 90 days",
        "  new end:   2025-11-10 00:01 EST (Mon)",
        "second 90 days: 2161 hours elapsed, not 2160",
        "it would end with 2025-11-09, at 2025-11-10 00:00 EST (Mon): "
        "1 minute before the real end",
        "2025-08-10 18:00 EDT (Sun): pause ends 2025-08-12 00:01 EDT (Tue), due in 30 hours",
        "2025-08-12 09:00 EDT (Tue): pause ends 2025-11-10 00:01 EST (Mon), due in 2 months",
        "deadline-revision     Expiry of agreement 'geneva-truce-2025' extended",
        "2025-05-12  status                Agreement 'geneva-truce-2025' signed (by United States and China)",
    ],
    "article_50.py": [
        "The treaties cease to apply to the United Kingdom: met",
        "  deadline 1: 2019-04-12 (on 2019-04-12 (to the end of the day, Europe/Brussels))",
        "    if the House of Commons approves the withdrawal agreement by 29 March 2019: "
        "2019-05-22 — did not apply",
        "    otherwise: 2019-04-12 — applied",
        "  deadline 3: 2020-01-31",
        "2019-03-29 House of Commons: Approve the withdrawal agreement — 286 to 344, failed",
        "  2019-03-25: due 2019-04-12, due in 2 weeks; alternatives: 2019-05-22 "
        "(not yet known), 2019-04-12 (not yet known)",
        "  2019-04-01: due 2019-04-12, due in 12 days; alternatives: 2019-05-22 "
        "(did not apply), 2019-04-12 (applied)",
        "  2019-10-01: due 2019-10-31, due in 4 weeks",
        "deadline-revision     Deadline of milestone 'article-50-period' extended from "
        "2019-03-29 to 2019-04-12",
    ],
    "labour_strike_notice.py": [
        "Northbridge bus drivers' pay talks, 2025–26 — concluded",
        "offer-3: Northbridge Buses Ltd — A 3 % pay rise from 1 January 2026 [countered]",
        "offer-4-5: Northbridge Buses Ltd — A 4.5 % pay rise from 1 January 2026, "
        "countering counter-7 [rejected]",
        "countering counter-7 [accepted]",
        "rule:        10 business days after 2025-12-19 (not 2025-12-25, "
        "2025-12-26, 2026-01-01; to the end of the day, Europe/London)",
        "notice ends: Wednesday 7 January 2026 (to the end of the day, Europe/London)",
        "strike may start: 2026-01-08 00:00 GMT",
        "without the bank holidays it would end 2026-01-02",
        "on 2026-01-05: strike-notice ends 2026-01-07, due in 3 days",
        "on 2026-01-07: nothing is pending [] (the deal of 2026-01-06)",
        "Ultimatum 'strike-notice' withdrawn",
    ],
    "load_and_validate.py": [
        "Loaded russia-ukraine-2025.json: Russia–Ukraine peace talks, 2025 — stalled",
        "written back, the file is byte-identical: True",
        "  - parties[1].kind: 'stat' is not a valid PartyKind",
        "  - rounds[0].number: must be an integer, got string '1'",
        "  - ultimatums[0].deadline.due: 2025-09-03 does not follow from the rule "
        "(2025-07-14 + P50D = 2025-09-02)",
        "  - $: unknown key 'titel'",
        "  - proposals[1].addressed_to[0]: unknown party 'rusia'",
        "strict=False: loaded, equal to the original: True",
        "Wrote 5 statements to statements.jsonl, one a line:",
        "line 6: said_on: required field missing",
    ],
}


def test_every_example_has_expectations() -> None:
    """No example is left unchecked."""
    assert {p.name for p in EXAMPLES} <= set(EXPECTED)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(path: Path, tmp_path: Path) -> None:
    """The script exits 0 and prints its key lines."""
    result = subprocess.run(  # noqa: S603 - runs the example scripts of this repository
        [sys.executable, str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for line in EXPECTED[path.name]:
        assert line in result.stdout, f"missing {line!r} in:\n{result.stdout}"


def test_truce_commitments_belong_to_the_side_that_commits() -> None:
    """
    The truce example credits each suspension to the side that suspends: a
    commitment's ``demanded_by`` is the party that commits, so each side's
    offers are its own.
    """
    talks = load_example("trade_truce_2025").build_record()
    during = pendulum.date(2025, 6, 1)
    us_offers = [c.id for c in talks.positions("united-states", during).offers]
    china_offers = [c.id for c in talks.positions("china", during).offers]
    assert us_offers == ["us-suspension"]
    assert china_offers == ["china-suspension"]
