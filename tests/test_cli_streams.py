"""The command line's standard streams: closed pipes, closed streams, full disks."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from negotiation_records.serialization import to_json
from tests.seed import seed_record
from tests.test_cli import SCRIPT, seed_data


@pytest.fixture
def talks(tmp_path: Path) -> Path:
    """The seed record as a pretty-printed JSON file."""
    path = tmp_path / "talks.json"
    path.write_text(to_json(seed_record(), indent=2), encoding="utf-8")
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The seed record with two problems."""
    data = seed_data()
    data["history"][0]["status"] = "stuck"
    data["titel"] = "typo"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def into_a_closed_pipe(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """
    Run the script with standard output a pipe whose reader has gone away
    (``| true``, once ``true`` has ended): every write to it fails.
    """
    assert SCRIPT is not None
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(  # noqa: S603 - the installed script, test arguments
            [SCRIPT, *map(str, args)],
            stdout=write,
            stderr=subprocess.PIPE,
            check=False,
            timeout=300,
        )
    finally:
        os.close(write)


class TestReaderGoesAway:
    @pytest.mark.parametrize("form", [[], ["--format", "json"]])
    def test_problems_keep_their_status(self, broken: Path, form: list[str]) -> None:
        """`validate broken.json | true`: the problems found still give 1."""
        result = into_a_closed_pipe("validate", *form, broken)
        assert result.returncode == 1, result.stderr
        assert b"Traceback" not in result.stderr

    def test_no_problem_is_still_0(self, talks: Path) -> None:
        """A command that was succeeding ends quietly with 0."""
        commands: list[list[str | Path]] = [
            ["validate", "--format", "json", talks],
            ["timeline", talks],
        ]
        for argv in commands:
            result = into_a_closed_pipe(*argv)
            assert result.returncode == 0, result.stderr
            assert result.stderr == b""

    def test_usage_error_is_still_2(self, talks: Path) -> None:
        result = into_a_closed_pipe("validate", talks, "--type", "Nothing")
        assert result.returncode == 2
