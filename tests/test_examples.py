"""Every example script runs and prints the lines a reader looks for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.py"))

EXPECTED = {
    "ukraine_russia_2025.py": [
        "Russia–Ukraine peace talks, 2025 — stalled",
        "Round 1 (held): 2025-05-16, Istanbul",
        "Round 3 (proposed): next week (2025-07-21..2025-07-27)",
        "Russia demands: Ukraine cedes control of the four regions Moscow claims — Ukraine opposes",
        "Ultimatum us-ultimatum-2025-07: due 2025-09-02",
    ],
}


def test_every_example_has_expectations() -> None:
    """No example is left unchecked."""
    assert {p.name for p in EXAMPLES} <= set(EXPECTED)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(path: Path, tmp_path: Path) -> None:
    """The script exits 0 and prints its key lines."""
    result = subprocess.run(
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
