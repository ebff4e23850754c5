"""The README's set-up commands and tour stay true."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path


README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")


def _between(marker: str) -> str:
    match = re.search(
        rf"<!-- {marker} -->\n```\n(.*?)\n```\n<!-- /{marker} -->", README, re.DOTALL
    )
    assert match is not None, f"no {marker} block"
    return match.group(1)


class TestSetUp:
    """Exactly two set-up commands, marked for .ci/run to read."""

    def test_main_command_runs_the_main_example(self) -> None:
        """The first command installs and runs examples/ukraine_russia_2025.py."""
        command = _between("main-command")
        assert command == (
            "python -m pip install . && python examples/ukraine_russia_2025.py"
        )
        assert (
            Path(__file__).parent.parent / "examples/ukraine_russia_2025.py"
        ).exists()

    def test_test_command_is_what_ci_runs(self) -> None:
        """.ci/run reads the test command from the README's markers."""
        command = _between("test-command")
        assert command == (
            "python -m pip install --upgrade pip"
            " && python -m pip install -e . --group test"
            " && python -m pytest"
        )
        ci = (Path(__file__).parent.parent / ".ci/run").read_text("utf-8")
        assert "<!-- test-command -->" in ci


def test_tour_runs() -> None:
    """The tour's code runs and prints what its comments say."""
    blocks = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
    assert len(blocks) == 1
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(blocks[0], "README.md", "exec"), {})  # noqa: S102
    printed = out.getvalue()
    assert "2025-09-02\n" in printed
    assert "due in 3 weeks\n" in printed
    assert "russia\n" in printed
    assert "2025-07-14 ultimatum United States issues an ultimatum to Russia" in printed
    assert "2025-09-02 deadline Deadline of ultimatum 'us-ultimatum-2025-07'" in printed
    assert "id: must be a lower-case slug" in printed
    assert "kind: 'empire' is not a valid PartyKind" in printed
