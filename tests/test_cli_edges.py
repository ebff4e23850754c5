"""The command line at the edges: calendar limits, stdin, pipes, JSON output, plot options."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO, cast

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.image import imread

from negotiation_records import (
    Deadline,
    JSONLinesError,
    Negotiation,
    Source,
    ValidationError,
)
from negotiation_records._cli_args import period_arg
from negotiation_records._cli_read import refuse_endless
from negotiation_records._cli_streams import utf8_output
from negotiation_records._jsonpos import value_lines
from negotiation_records.cli import build_parser, main
from negotiation_records.serialization import (
    from_json,
    read_jsonl,
    to_dict,
    to_json,
    write_jsonl,
)
from negotiation_records.strategies import moments, negotiations
from negotiation_records.timeutil import format_moment, parse_moment
from tests.seed import load_example, seed_record
from tests.test_cli import SCRIPT, line_with, run, seed_data


AT = "2025-07-20T12:00:00+03:00[Europe/Kyiv]"


def write(path: Path, talks: Negotiation, *, indent: int | None = 2) -> Path:
    path.write_text(to_json(talks, indent=indent), encoding="utf-8")
    return path


def far_deadline() -> Negotiation:
    """The seed record with the ultimatum due on the last day of the calendar."""
    talks = seed_record()
    ultimatum = talks.ultimatum("us-ultimatum-2025-07")
    return talks.with_ultimatum(
        attrs.evolve(
            ultimatum,
            deadline=Deadline.on(pendulum.date(9999, 12, 31), tz="Asia/Tokyo"),
        )
    )


def first_round() -> Negotiation:
    """The seed record with round 1 at the first instant of the calendar, in UTC."""
    talks = seed_record()
    rounds = list(talks.rounds)
    rounds[0] = attrs.evolve(
        rounds[0], starts=pendulum.datetime(1, 1, 1, tz="UTC"), ends=None
    )
    return attrs.evolve(talks, rounds=rounds, proposals=())


def use_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


class TestEdgesOfTheCalendar:
    """Documents that load must also be shown, listed, timelined and drawn."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["show"],
            ["show", "--tz", "America/New_York"],
            ["deadlines"],
            ["deadlines", "--tz", "Pacific/Kiritimati"],
            ["timeline", "--tz", "America/New_York"],
            ["show", "--format", "json"],
        ],
    )
    def test_due_on_the_last_day(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
    ) -> None:
        """A deadline on 9999-12-31 is shown, with the time left."""
        path = write(tmp_path / "far.json", far_deadline())
        assert main([*argv, str(path), "--at", "2025-08-01"]) == 0
        assert "9999-12-31" in capsys.readouterr().out

    def test_first_instant_in_a_zone_west_of_utc(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A moment that would fall before year 1 in --tz is shown in its own zone."""
        path = write(tmp_path / "first.json", first_round())
        for command in ("timeline", "show"):
            assert main([command, str(path), "--tz", "America/New_York"]) == 0
            assert "0001-01-01T00:00:00Z" in capsys.readouterr().out

    @pytest.mark.parametrize("record", [far_deadline, first_round])
    def test_plot(self, tmp_path: Path, record: Any) -> None:
        """Both are drawn."""
        path = write(tmp_path / "edge.json", record())
        assert main(["plot", str(path), "-o", str(tmp_path / "edge.png")]) == 0

    @pytest.mark.parametrize(
        ("at", "within", "message"),
        [
            (
                "9999-12-31",
                "P1Y",
                "9999-12-31 + P1Y is outside the calendar (year 10000 is out of range)",
            ),
            (
                "9999-12-30T12:00:00Z",
                "PT48H",
                "9999-12-30T12:00:00Z + PT48H is outside the calendar",
            ),
        ],
    )
    def test_horizon_past_the_calendar_is_a_usage_error(
        self,
        talks: Path,
        capsys: pytest.CaptureFixture[str],
        at: str,
        within: str,
        message: str,
    ) -> None:
        """--at 9999-12-31 --within P1Y asks about no real time: exit 2, saying why."""
        argv = ["deadlines", str(talks), "--at", at, "--within", within]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert (
            f"negotiation-records deadlines: error: argument --within: {message}" in err
        )
        assert "--at plus" not in err

    def test_no_traceback_from_the_script(self, tmp_path: Path) -> None:
        """The installed script prints no traceback for the edge documents."""
        far = write(tmp_path / "far.json", far_deadline())
        first = write(tmp_path / "first.json", first_round())
        for args in (
            ("show", far),
            ("deadlines", far, "--tz", "America/New_York"),
            ("timeline", first, "--tz", "America/New_York"),
            ("plot", far, "-o", tmp_path / "far.png"),
        ):
            result = run(*args)
            assert result.returncode == 0, result.stderr
            assert "Traceback" not in result.stderr


@pytest.fixture
def talks(tmp_path: Path) -> Path:
    return write(tmp_path / "talks.json", seed_record())


class TestFileNames:
    def test_name_too_long(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A 300-character name is a problem at line 0, not a traceback."""
        name = str(tmp_path / ("a" * 300 + ".json"))
        assert main(["validate", name]) == 1
        assert capsys.readouterr().out == (
            f"{name}:0: $: cannot read the file: File name too long\n"
        )

    def test_directory_that_cannot_be_searched(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """stat() refused (a directory without search permission): a clear message."""

        def refuse(self: Path, **kwargs: object) -> os.stat_result:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "stat", refuse)
        name = str(tmp_path / "locked" / "talks.json")
        assert main(["validate", name]) == 1
        assert capsys.readouterr().out == (
            f"{name}:0: $: cannot read the file: Permission denied\n"
        )

    @pytest.mark.skipif(os.geteuid() == 0, reason="root searches every directory")
    def test_real_locked_directory(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:  # pragma: no cover - not as root
        """The same with a real directory whose permissions forbid searching."""
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0)
        try:
            assert main(["validate", str(locked / "talks.json")]) == 1
        finally:
            locked.chmod(0o700)
        assert "Permission denied" in capsys.readouterr().out

    def test_file_in_place_of_a_directory(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """talks.json/x: no such file."""
        assert main(["show", str(talks / "x")]) == 1
        assert capsys.readouterr().err.startswith(f"{talks / 'x'}:0: $: no such file\n")

    def test_control_characters_in_a_name_are_escaped(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A line feed in a name cannot start a line of the report of its own,
        nor an escape drive the terminal."""
        bad = tmp_path / "talks\n.json:1: $: fine\x1b[31m.json"
        bad.write_text('{"id": "t"}', encoding="utf-8")
        assert main(["validate", str(bad)]) == 1
        out = capsys.readouterr().out
        shown = str(tmp_path) + "/talks\\n.json:1: $: fine\\x1b[31m.json"
        assert out.splitlines() == [
            f"{shown}:1: schema_version: is missing; a serialized Negotiation must "
            "say which version of the format it uses (this library writes 2)"
        ]
        assert "\x1b" not in out

    def test_an_output_name_is_shown_as_an_input_name_is(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        target = tmp_path / "calendar\t\x07.ics"
        assert main(["export", str(talks), "--format", "ics", "-o", str(target)]) == 0
        assert target.exists()
        err = capsys.readouterr().err
        assert err.endswith(f" to {tmp_path}/calendar\\t\\x07.ics\n")
        assert "\x07" not in err

    def test_a_file_larger_than_the_memory_is_a_problem_of_the_file(
        self,
        talks: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """/dev/urandom read whole ran out of memory with a traceback."""

        def exhausted(*args: object) -> object:
            raise MemoryError

        monkeypatch.setattr("negotiation_records._cli_read.whole", exhausted)
        assert main(["validate", str(talks)]) == 1
        out = capsys.readouterr().out
        assert out == (
            f"{talks}:0: $: too large to read into memory (a file of many records "
            "can be read one record a line, as JSON Lines)\n"
        )


class TestEndlessDevices:
    """/dev/zero and /dev/urandom never end: refused before they are read."""

    @pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
    def test_an_endless_device_is_a_problem_of_the_file(
        self, device: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A line of NULs never ends: it was read until the memory ran out."""
        if not Path(device).exists():
            pytest.skip(f"no {device} here")
        assert main(["validate", device]) == 1
        assert capsys.readouterr().out == (
            f"{device}:0: $: is a device, not a file: reading it may never end\n"
        )

    def test_a_disk_is_not_read_whole(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A block device (a disk, a loop device) is refused alike."""
        disks = [
            path
            for path in sorted(Path("/dev").glob("loop[0-9]*"))
            if path.is_block_device() and os.access(path, os.R_OK)
        ]
        if not disks:
            pytest.skip("no readable block device here")
        assert main(["validate", str(disks[0])]) == 1
        assert capsys.readouterr().out == (
            f"{disks[0]}:0: $: is a device, not a file: reading it may never end\n"
        )

    def test_standard_input_from_an_endless_device(self) -> None:
        """``- < /dev/zero`` is refused alike, in the installed script."""
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero here")
        assert SCRIPT is not None
        with open("/dev/zero", "rb") as zeros:
            done = subprocess.run(  # noqa: S603 - the installed script
                [SCRIPT, "validate", "-"],
                stdin=zeros,
                capture_output=True,
                text=True,
                check=False,
                timeout=300,
            )
        assert done.returncode == 1
        assert done.stdout == (
            "<stdin>:0: $: is a device, not a file: reading it may never end\n"
        )

    def test_the_null_device_is_read_as_an_empty_file(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """/dev/null ends at once: read, and found empty."""
        assert main(["validate", os.devnull]) == 1
        assert capsys.readouterr().out == (
            f"{os.devnull}:1: $: invalid JSON: no value (the text is empty or "
            "only white space)\n"
        )

    def test_a_terminal_is_read(self) -> None:
        """A terminal is a device too, and ends when its user says so."""
        if not hasattr(os, "openpty"):
            pytest.skip("no terminals here")
        leader, follower = os.openpty()
        try:
            with os.fdopen(follower, "rb", closefd=False) as stream:
                refuse_endless(stream)  # no FileError
        finally:
            os.close(leader)
            os.close(follower)


class TestStandardInput:
    @pytest.mark.parametrize(
        "argv",
        [
            ["validate", "-"],
            ["show", "-", "--at", AT],
            ["timeline", "-"],
            ["deadlines", "-", "--at", AT],
        ],
    )
    def test_dash_reads_stdin(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        argv: list[str],
    ) -> None:
        """`-` is standard input, for every command that takes a FILE."""
        use_stdin(monkeypatch, to_json(seed_record(), indent=2).encode())
        assert main(argv) == 0, capsys.readouterr().err

    def test_plot_from_stdin(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`plot -` draws the record on standard input."""
        use_stdin(monkeypatch, to_json(seed_record()).encode())
        target = tmp_path / "talks.png"
        assert main(["plot", "-", "-o", str(target)]) == 0
        assert target.stat().st_size > 10_000

    def test_json_lines_on_stdin(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """JSON Lines on standard input are found by their content, line by line."""
        lines = [json.dumps(seed_data(), ensure_ascii=False) for _ in range(3)]
        bad = seed_data()
        bad["parties"][1]["kind"] = "stat"
        lines.insert(1, json.dumps(bad))
        use_stdin(monkeypatch, ("\n".join(lines) + "\n").encode())
        assert main(["validate", "-"]) == 1
        out, err = capsys.readouterr()
        assert out.startswith("<stdin>:2: parties[1].kind: 'stat' is not")
        assert err == "1 problem in 1 of 1 file (4 records checked)\n"

    def test_problems_name_stdin(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Problems in standard input are reported against <stdin>."""
        data = seed_data()
        data["history"][0]["status"] = "stuck"
        use_stdin(monkeypatch, json.dumps(data, indent=2).encode())
        assert main(["show", "-"]) == 1
        err = capsys.readouterr().err.splitlines()
        assert err[0].startswith("<stdin>:")
        assert err[-1] == (
            "negotiation-records: error: <stdin> is not a valid record (1 problem)"
        )

    def test_stdin_only_once(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        `validate - -` would read nothing the second time: a usage error, under
        the command's own usage line (as argparse's own errors are).
        """
        for second in ("-", "/dev/stdin", "/dev/fd/0"):
            assert main(["validate", "-", second]) == 2
            err = capsys.readouterr().err
            assert err.startswith("usage: negotiation-records validate ")
            assert (
                "negotiation-records validate: error: standard input ('-', /dev/stdin) "
                "can be read only once"
            ) in err

    @pytest.mark.parametrize("name", ["-", "/dev/stdin"])
    @pytest.mark.parametrize("indent", [None, 2])
    def test_pipe_is_read_once(self, name: str, indent: int | None) -> None:
        """`cat talks.json | negotiation-records validate /dev/stdin` is valid."""
        assert SCRIPT is not None
        result = subprocess.run(  # noqa: S603 - the installed script
            [SCRIPT, "validate", name],
            input=to_json(seed_record(), indent=indent),
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == "no problems in 1 file (1 record checked)\n"


class TestClosedPipe:
    def test_head_closes_the_pipe(self, tmp_path: Path) -> None:
        """`timeline FILE | head -1`: the command ends quietly with 0."""
        path = tmp_path / "many.jsonl"
        write_jsonl([seed_record()] * 200, path)
        assert SCRIPT is not None
        process = subprocess.Popen(  # noqa: S603 - the installed script
            [SCRIPT, "timeline", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        assert process.stdout.readline().startswith(b"Timeline of")
        process.stdout.close()  # what `head -1` does
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0
        assert err == b""

    def test_a_calendar_the_reader_left_part_way_is_not_said_written(
        self, tmp_path: Path
    ) -> None:
        """
        ``export --format ics -o - | head -1``: the calendar is one large
        write, of which a pipe whose reader goes away takes only a part
        (without an error); the command said it had written the whole
        calendar.  It ends quietly with 0, as every command does then.
        """
        path = tmp_path / "many.jsonl"
        write_jsonl(
            [attrs.evolve(seed_record(), id=f"talks-{i}") for i in range(300)], path
        )
        assert SCRIPT is not None
        process = subprocess.Popen(  # noqa: S603 - the installed script
            [SCRIPT, "export", str(path), "--format", "ics", "-o", "-"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        assert process.stdout.readline() == b"BEGIN:VCALENDAR\r\n"
        process.stdout.close()
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0
        assert err == b""

    def test_each_part_of_a_large_write_is_written(self) -> None:
        """A buffer that takes a write a part at a time is given every part."""

        class Piecemeal(io.RawIOBase):
            def __init__(self) -> None:
                self.taken = bytearray()

            def writable(self) -> bool:
                return True

            def write(self, data: Any) -> int:
                part = bytes(data[:7])
                self.taken += part
                return len(part)

        class Text:
            def __init__(self, buffer: Piecemeal) -> None:
                self.buffer = buffer

            def flush(self) -> None:
                pass

        buffer = Piecemeal()
        out = utf8_output(cast(TextIO, Text(buffer)))
        text = "BEGIN:VCALENDAR\r\nSUMMARY:Türkiye hosts the talks\r\n" * 50
        assert out.write(text) == len(text)
        assert bytes(buffer.taken) == text.encode("utf-8")


class TestWithin:
    @pytest.mark.parametrize(
        ("text", "hint"),
        [
            ("14d", "did you mean P14D?"),
            ("2 weeks", "did you mean P2W?"),
            ("48h", "did you mean PT48H?"),
            ("p7d", "did you mean P7D?"),
            ("P0D", "'P0D' is a zero duration; give a positive one, such as P1D"),
            ("PT0S", "'PT0S' is a zero duration"),
            ("soon", "is not an ISO 8601 duration"),
        ],
    )
    def test_bad_duration_is_a_usage_error(
        self, talks: Path, capsys: pytest.CaptureFixture[str], text: str, hint: str
    ) -> None:
        """Every duration the command cannot use is a usage error (2) saying why."""
        assert main(["deadlines", str(talks), "--within", text]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert hint in err

    def test_past_the_calendar_under_the_commands_usage(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A window past 9999-12-31 is a usage error of `deadlines`, under its own
        usage line, not the program's.
        """
        argv = ["deadlines", str(talks), "--at", "9999-12-31", "--within", "P1D"]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("usage: negotiation-records deadlines ")
        assert "negotiation-records deadlines: error: argument --within: " in err

    def test_month_at_with_within(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A month counts from its first day, as the deadline queries count it."""
        argv = ["deadlines", str(talks), "--at", "2025-08", "--within", "P1M"]
        assert main([*argv, "--format", "json"]) == 0, capsys.readouterr().err
        # 1 August + P1M is 1 September: the 2 September deadline is not within.
        assert json.loads(capsys.readouterr().out)["negotiations"][0]["due"] == []
        argv[5] = "P2M"
        assert main([*argv, "--format", "json"]) == 0, capsys.readouterr().err
        (entry,) = json.loads(capsys.readouterr().out)["negotiations"][0]["due"]
        assert entry["ultimatum"] == "us-ultimatum-2025-07"

    def test_hours_from_a_date(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--at 2025-08-22 --within PT48H counts from the start of that day (UTC)."""
        argv = ["deadlines", str(talks), "--at", "2025-08-22", "--within", "PT48H"]
        assert main(argv) == 0, capsys.readouterr().err
        assert (
            "Due within 48 hours (by 2025-08-24T00:00:00Z):\n  (none)\n"
            in capsys.readouterr().out
        )
        # 2025-08-31T00:00Z + 48 hours: 2 September, the day it is due, has begun.
        argv[3] = "2025-08-31"
        assert main([*argv, "--format", "json"]) == 0, capsys.readouterr().err
        (entry,) = json.loads(capsys.readouterr().out)["negotiations"][0]["due"]
        assert entry["ultimatum"] == "us-ultimatum-2025-07"

    def test_the_help_says_what_is_refused(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`deadlines --help` and period_arg say what the command does: P0D is refused."""
        assert main(["deadlines", "--help"]) == 0
        text = " ".join(capsys.readouterr().out.split())
        assert "P0D: due today" not in text
        assert "not P0D" in text
        assert "only deadlines due within this positive ISO 8601 duration" in text
        doc = " ".join((period_arg.__doc__ or "").split())
        assert "A zero duration (``P0D``, ``PT0S``) is refused" in doc
        with pytest.raises(argparse.ArgumentTypeError, match="zero duration"):
            period_arg("P0D")

    def test_nothing_due_is_not_a_failure(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An empty list is an answer: exit 0."""
        argv = ["deadlines", str(talks), "--at", "2025-08-22", "--within", "P1D"]
        assert main(argv) == 0
        assert (
            "Due within 1 day (by 2025-08-23):\n  (none)\n" in capsys.readouterr().out
        )
        assert main([*argv, "--format", "json"]) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["within"] == "P1D"
        assert document["negotiations"][0]["due"] == []


class TestOutputEncoding:
    """Standard output in an encoding without the record's characters: no traceback."""

    @pytest.mark.parametrize(
        ("encoding", "argv"),
        [
            ("ascii", ["show", "{talks}", "--format", "json"]),
            ("latin-1", ["timeline", "{talks}"]),
            ("ascii", ["deadlines", "{talks}", "--at", "2025-08-22"]),
            ("ascii", ["schema"]),
        ],
    )
    def test_one_line_error(
        self,
        talks: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        encoding: str,
        argv: list[str],
    ) -> None:
        stdout = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
        monkeypatch.setattr(sys, "stdout", stdout)
        assert main([arg.format(talks=talks) for arg in argv]) == 1
        err = capsys.readouterr().err
        # (export -o - writes UTF-8 whatever the output's encoding:
        # test_cli_export.py)
        assert err.startswith("negotiation-records: error: cannot write U+")
        assert err.endswith(
            f" in the encoding {encoding} of the output; set PYTHONIOENCODING=utf-8 "
            "(or use a UTF-8 locale) and run the command again\n"
        )
        assert err.count("\n") == 1

    @pytest.mark.parametrize("command", ["timeline", "show", "deadlines"])
    def test_nothing_printed_before_the_error(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        command: str,
    ) -> None:
        """A text the output cannot take is found before anything is printed:
        no half table (the first rows are ASCII; the title is not)."""
        data = seed_data()
        data["title"] = "Talks"  # an ASCII heading; Türkiye further down
        path = tmp_path / "talks.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        buffer = io.BytesIO()
        stdout = io.TextIOWrapper(buffer, encoding="ascii")
        monkeypatch.setattr(sys, "stdout", stdout)
        assert main([command, str(path), "--at", "2025-09-03"]) == 1
        stdout.flush()
        assert buffer.getvalue() == b""
        assert "cannot write U+" in capsys.readouterr().err

    @pytest.mark.parametrize(
        ("encoding", "command"),
        [("ascii", ["show", "--format", "json"]), ("latin-1", ["timeline"])],
    )
    def test_no_traceback_from_the_script(
        self, talks: Path, encoding: str, command: list[str]
    ) -> None:
        assert SCRIPT is not None
        result = subprocess.run(  # noqa: S603 - the installed script
            [SCRIPT, command[0], str(talks), *command[1:]],
            capture_output=True,
            check=False,
            timeout=300,
            env={**os.environ, "PYTHONIOENCODING": encoding},
        )
        assert result.returncode == 1
        assert result.stderr.decode("ascii") == (
            "negotiation-records: error: cannot write U+2013 in the encoding "
            f"{encoding} of the output; set PYTHONIOENCODING=utf-8 (or use a UTF-8 "
            "locale) and run the command again\n"
        )


class TestJsonOutput:
    def test_show(self, talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`show --format json`: the summary as one JSON document."""
        assert main(["show", str(talks), "--at", AT, "--format", "json"]) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["at"] == AT
        (talks_doc,) = document["negotiations"]
        assert talks_doc["id"] == "russia-ukraine-2025"
        assert talks_doc["status"] == "stalled"
        assert talks_doc["parties"][3] == {
            "id": "turkiye",
            "name": "Türkiye",
            "kind": "state",
            "role": "host",
        }
        assert talks_doc["rounds"][0] == {
            "number": 1,
            "status": "held",
            "starts": "2025-05-16",
            "ends": None,
            "window": None,
            "location": "Istanbul",
            "outcomes": 1,
        }
        assert talks_doc["rounds"][2]["window"] == to_dict(
            seed_record().rounds[2].window
        )
        assert [p["id"] for p in talks_doc["open_proposals"]] == [
            "new-round-invitation",
            "leaders-meeting",
        ]
        (pending,) = talks_doc["pending_ultimatums"]
        deadline = seed_record().ultimatum("us-ultimatum-2025-07").deadline
        assert pending == {
            "ultimatum": "us-ultimatum-2025-07",
            "issued_by": "united-states",
            "addressed_to": ["russia"],
            "due": "2025-09-02",
            "cutoff": "2025-09-03T00:00:00Z",
            "rule": "50 days after 2025-07-14",
            "time_left": "due in 6 weeks",
            "seconds_left": int(deadline.remaining(parse_moment(AT)).total_seconds()),
            "deadline": to_dict(deadline),
        }
        assert from_json(Deadline, json.dumps(pending["deadline"])) == deadline

    def test_timeline(self, talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`timeline --format json`: every event with its moment, kind and path."""
        assert main(["timeline", str(talks), "--format", "json"]) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["at"] is None
        assert document["tz"] is None
        events = document["negotiations"][0]["events"]
        assert len(events) == len(seed_record().timeline())
        assert events[0] == {
            "moment": "2025-05-16",
            "kind": "round",
            "record_id": 1,
            "summary": "Round 1 held in Istanbul: First direct talks since 2022; no "
            "breakthrough",
            "path": "rounds[0]",
            "party": None,
        }

    def test_timeline_in_a_zone(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--tz moves the times of day of the JSON output too."""
        talks = seed_record()
        issued = pendulum.datetime(2025, 7, 14, 12, tz="America/New_York")
        ultimatum = attrs.evolve(
            talks.ultimatum("us-ultimatum-2025-07"),
            issued_at=issued,
            deadline=Deadline.after(issued, days=50),
        )
        path = write(tmp_path / "zoned.json", talks.with_ultimatum(ultimatum))
        argv = ["timeline", str(path), "--tz", "Europe/Kyiv", "--format", "json"]
        assert main([*argv, "--at", "2025-07-20"]) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["tz"] == "Europe/Kyiv"
        assert document["at"] == "2025-07-20"
        moments = [e["moment"] for e in document["negotiations"][0]["events"]]
        assert "2025-07-14T19:00:00+03:00[Europe/Kyiv]" in moments

    def test_deadlines(self, talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`deadlines --format json`: what is due and what has passed."""
        argv = ["deadlines", str(talks), "--format", "json", "--at", "2025-09-05"]
        assert main(argv) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["at"] == "2025-09-05"
        assert document["within"] is None
        (talks_doc,) = document["negotiations"]
        assert talks_doc["due"] == []
        (passed,) = talks_doc["passed"]
        assert passed["time_left"] == "passed 2 days ago"
        assert passed["seconds_left"] == -2 * 86400

    def test_json_lines_give_one_document(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Several records: one document with one entry each."""
        path = tmp_path / "two.jsonl"
        write_jsonl([seed_record(), seed_record()], path)
        assert main(["show", str(path), "--format", "json"]) == 0
        assert len(json.loads(capsys.readouterr().out)["negotiations"]) == 2

    def test_alternatives_say_which_deadline(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each milestone alternative carries its stage, as the record does."""
        record = load_example("article_50").build_record()
        path = write(tmp_path / "article50.json", record)
        assert main(["show", str(path), "--format", "json"]) == 0
        (talks,) = json.loads(capsys.readouterr().out)["negotiations"]
        (shown,) = talks["milestones"]
        (milestone,) = record.milestones
        assert [(a["condition"], a["stage"]) for a in shown["alternatives"]] == [
            (a.condition, a.stage) for a in milestone.alternatives
        ]
        # the example's alternatives qualify two different extensions
        assert len({a["stage"] for a in shown["alternatives"]}) == 2

    def test_invalid_file_prints_no_json(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file with problems: exit 1, problems on stderr, nothing on stdout."""
        path = tmp_path / "bad.json"
        path.write_text("{}", encoding="utf-8")
        assert main(["deadlines", str(path), "--format", "json"]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert "is not a valid record" in err


class TestZoneOnEveryCommand:
    def test_show(self, talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`show --tz` writes --at in that zone."""
        assert (
            main(
                [
                    "show",
                    str(talks),
                    "--at",
                    "2025-07-20T09:00:00Z",
                    "--tz",
                    "Europe/Kyiv",
                ]
            )
            == 0
        )
        assert "as of 2025-07-20T12:00:00+03:00[Europe/Kyiv]" in capsys.readouterr().out

    def test_deadlines(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`deadlines --tz` shows a due time of day in that zone."""
        talks = seed_record()
        issued = pendulum.datetime(2025, 7, 14, 12, tz="America/New_York")
        ultimatum = attrs.evolve(
            talks.ultimatum("us-ultimatum-2025-07"),
            issued_at=issued,
            deadline=Deadline.after(issued, days=50),
        )
        path = write(tmp_path / "zoned.json", talks.with_ultimatum(ultimatum))
        argv = ["deadlines", str(path), "--at", "2025-08-22", "--tz", "Asia/Tokyo"]
        assert main(argv) == 0
        assert "2025-09-03T01:00:00+09:00[Asia/Tokyo]" in capsys.readouterr().out

    def test_host_zone_refused(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--tz localtime is a usage error: the output would depend on the machine."""
        assert main(["deadlines", str(talks), "--tz", "localtime"]) == 2
        assert "depends on the machine" in capsys.readouterr().err


class _OneLineAtATime(io.RawIOBase):
    """Standard input giving one line a read; notes what was printed by then."""

    def __init__(self, lines: list[bytes], printed: io.StringIO) -> None:
        super().__init__()
        self.lines = lines
        self.printed = printed
        self.seen: list[int] = []

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self.seen.append(self.printed.getvalue().count("\n"))
        if not self.lines:
            return 0
        line = self.lines.pop(0)
        buffer[: len(line)] = line
        return len(line)


class TestValidateStreams:
    """Problems in text are printed as they are found, not held to the end."""

    @pytest.mark.parametrize(("form", "shown"), [("text", 3), ("json", 0)])
    def test_printed_while_the_file_is_read(
        self, monkeypatch: pytest.MonkeyPatch, form: str, shown: int
    ) -> None:
        """
        By the time standard input says it has no more, the three bad lines'
        problems are printed (so memory does not grow with them); JSON holds
        them for its one document.
        """
        printed = io.StringIO()
        bad = b'{"id": "p", "name": "P", "kind": "stat"}\n'
        stdin = _OneLineAtATime([bad] * 3, printed)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(stdin)))
        monkeypatch.setattr(sys, "stdout", printed)
        argv = ["validate", "--type", "Party", "--format", form, "-"]
        assert main(argv) == 1
        assert stdin.seen[-1] == shown
        if form == "text":
            assert printed.getvalue().count("is not a valid PartyKind") == 3
        else:
            assert len(json.loads(printed.getvalue())["problems"]) == 3


class TestValidateLines:
    """In a pretty-printed file, a problem is reported at its value's line."""

    def test_line_of_the_value(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """parties[1].kind is reported where that "kind" is."""
        data = seed_data()
        data["parties"][1]["kind"] = "stat"
        path = tmp_path / "talks.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        kind = line_with(path, '"stat"')
        assert kind > 1
        assert capsys.readouterr().out.startswith(
            f"{path}:{kind}: parties[1].kind: 'stat'"
        )

    def test_line_of_a_repeated_keys_last_value(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With "kind" given twice, the loaded (last) value's problem is placed
        at the last "kind", and so is the repetition (where the key comes
        again, not at its object's first line)."""
        data = seed_data()
        data["parties"][1]["kind"] = "stat"
        text = json.dumps(data, indent=2)
        text = text.replace('"kind": "stat"', '"kind": "state",\n      "kind": "stat"')
        path = tmp_path / "talks.json"
        path.write_text(text, encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        out = capsys.readouterr().out
        stat = line_with(path, '"stat"')
        assert f"{path}:{stat}: parties[1].kind: 'stat'" in out
        assert f"{path}:{stat}: parties[1]: duplicate key 'kind'" in out

    def test_lines_of_repeated_keys(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each repeated key is placed where it first comes again: of the
        document itself too (not at line 1), a key given three times once,
        and long keys cut to the same message each at a line of its own."""
        keys = ["k" * 100 + "2", "k" * 100 + "1"]
        text = (
            '{\n  "title": "a",\n  "id": "x",\n  "title": "b",\n  "id": "y",\n'
            f'  "id": "z",\n  "{keys[0]}": 1,\n  "{keys[1]}": 1,\n'
            f'  "{keys[1]}": 2,\n  "{keys[0]}": 2\n}}\n'
        )
        path = tmp_path / "talks.json"
        path.write_text(text, encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        out = capsys.readouterr().out
        shown = "'" + "k" * 76 + "..."
        assert f"{path}:4: $: duplicate key 'title' in one JSON object" in out
        assert f"{path}:5: $: duplicate key 'id' in one JSON object" in out
        assert out.count("duplicate key 'id'") == 1
        repeated = [line for line in out.splitlines() if shown in line]
        assert [line.split(":")[1] for line in repeated] == ["9", "10"]

    @pytest.mark.parametrize(
        ("key", "shown"),
        [
            ("titel", "'titel'"),
            ("a\nb", "'a\\nb'"),
            ("\\", "'\\\\'"),
            ("\u202e", "'\\u202e'"),
            ("a'b", '"a\'b"'),
            ("k" * 100, "'" + "k" * 76 + "..."),
        ],
        ids=["plain", "newline", "backslash", "bidi", "quote", "long"],
    )
    def test_line_of_an_unknown_key(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, shown: str
    ) -> None:
        """An unknown key is reported at its own line, however the message
        shows it (escaped, cut short), not where its object starts."""
        data = seed_data()
        data["parties"][0][key] = 1
        path = tmp_path / "talks.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        line = line_with(path, json.dumps(key) + ": 1")
        assert capsys.readouterr().out == (
            f"{path}:{line}: parties[0]: unknown key {shown}\n"
        )

    def test_line_of_an_unknown_key_of_the_document(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown key of the document itself that the message shows in
        double quotes is placed at its line, not where the document starts."""
        data = seed_data()
        data["a'b"] = 1
        path = tmp_path / "talks.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        line = line_with(path, '"a\'b": 1')
        assert capsys.readouterr().out == f'{path}:{line}: $: unknown key "a\'b"\n'

    def test_lines_of_unknown_keys_shown_alike(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two long keys cut to the same message are each placed at a line of
        their own, not both at the first."""
        data = seed_data()
        keys = ["k" * 100 + "2", "k" * 100 + "1"]
        data["parties"][0].update(dict.fromkeys(keys, 1))
        path = tmp_path / "talks.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        shown = "parties[0]: unknown key '" + "k" * 76 + "..."
        lines = sorted(line_with(path, json.dumps(key)) for key in keys)
        assert capsys.readouterr().out.splitlines() == [
            f"{path}:{line}: {shown}" for line in lines
        ]

    def test_line_of_a_whole_record_problem(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A dangling reference is reported at the line of the reference."""
        data = seed_data()
        data["proposals"][1]["addressed_to"] = ["rusia"]
        path = tmp_path / "talks.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        rusia = line_with(path, '"rusia"')
        assert capsys.readouterr().out == (
            f"{path}:{rusia}: proposals[1].addressed_to[0]: unknown party 'rusia'\n"
        )

    def test_missing_field_at_its_object(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing field is reported at the line where its object starts."""
        data = seed_data()
        del data["parties"][2]["kind"]
        path = tmp_path / "talks.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        assert main(["validate", "--format", "json", str(path)]) == 1
        (problem,) = json.loads(capsys.readouterr().out)["problems"]
        text = path.read_text(encoding="utf-8").splitlines()
        assert text[problem["line"] - 1].strip() == "{"
        assert text[problem["line"]].strip() == '"id": "united-states",'

    def test_one_line_file_is_line_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file on one line reports every problem at line 1."""
        data = seed_data()
        data["parties"][1]["kind"] = "stat"
        path = tmp_path / "talks.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        assert capsys.readouterr().out.startswith(f"{path}:1: parties[1].kind:")

    def test_record_count(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The summary says how many records were checked."""
        many = tmp_path / "many.jsonl"
        write_jsonl([seed_record()] * 3, many)
        assert main(["validate", str(talks), str(many)]) == 0
        assert capsys.readouterr().err == "no problems in 2 files (4 records checked)\n"

    @pytest.mark.parametrize("name", ["sources.jsonl", "sources.data"])
    @pytest.mark.parametrize("space", [b"\x0b", b"\x0c"], ids=["vt", "ff"])
    def test_line_of_other_spaces_is_not_blank(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        name: str,
        space: bytes,
    ) -> None:
        """A line of a vertical tab or a form feed is not blank: refused, as read_jsonl does."""
        record = b'{"id": "a", "publisher": "A"}\n'
        path = tmp_path / name
        path.write_bytes(record + space + b"\n" + b" \t\r\n" + record)
        with pytest.raises(JSONLinesError) as refused:
            list(read_jsonl(Source, path))
        assert refused.value.line == 2
        assert main(["validate", "--type", "Source", str(path)]) == 1
        out, err = capsys.readouterr()
        assert out == f"{path}:2: $: invalid JSON: Expecting value at column 1\n"
        assert err == "1 problem in 1 of 1 file (3 records checked)\n"

    def test_sniffing_skips_only_json_white_space(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A first line of a form feed is not blank: the content is not JSON Lines."""
        record = b'{"id": "a", "publisher": "A"}\n'
        path = tmp_path / "sources.data"
        path.write_bytes(b"\x0c\n" + record + record)
        assert main(["validate", "--type", "Source", str(path)]) == 1
        assert capsys.readouterr().out == (
            f"{path}:1: $: invalid JSON: Expecting value at line 1 column 1\n"
        )

    @pytest.mark.parametrize(
        ("literal", "message"),
        [
            ("NaN", "NaN is not a JSON number"),
            ("Infinity", "Infinity is not a JSON number"),
            ("-Infinity", "-Infinity is not a JSON number"),
            ("1" * 5000, "a number has too many digits (more than 4300)"),
            ("1e400", "the number 1e400 is beyond the range of a double"),
            (
                "1e-400",
                "the number 1e-400 is too close to zero for a double (it would "
                "read as 0)",
            ),
        ],
        ids=["nan", "infinity", "minus-infinity", "5000-digits", "1e400", "1e-400"],
    )
    def test_a_number_json_refuses_at_its_line(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        literal: str,
        message: str,
    ) -> None:
        """NaN, Infinity, an integer too long and a number beyond a double are
        placed at their line, as a syntax error is (they were all reported at
        line 1)."""
        path = tmp_path / "source.json"
        path.write_text(
            '{\n  "id": "a",\n  "publisher": "NaN Infinity",\n  "title": '
            + literal
            + "\n}\n",
            encoding="utf-8",
        )
        assert main(["validate", "--type", "Source", str(path)]) == 1
        out, err = capsys.readouterr()
        assert out == f"{path}:4: $: invalid JSON: {message} at line 4 column 12\n"
        assert err == "1 problem in 1 of 1 file (1 record checked)\n"

    @pytest.mark.parametrize(
        ("first", "message"),
        [
            ('{"id": "a",', "Expecting property name enclosed in double quotes"),
            ('{"id": "a", "publisher": NaN}', "NaN is not a JSON number"),
            ('{"id": "a", "publisher": ' + "1" * 5000 + "}", "a number has too many"),
            ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ],
        ids=["syntax", "nan", "5000-digits", "deep"],
    )
    def test_a_first_line_that_is_not_json_makes_one_document(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        first: str,
        message: str,
    ) -> None:
        """For a name that does not say, a first line that is not JSON as the
        loader reads it makes the file one JSON document, one record checked,
        NaN as much as a syntax error (a NaN line was taken for JSON Lines, a
        deep one stopped the command)."""
        record = '{"id": "b", "publisher": "B"}\n'
        path = tmp_path / "sources.data"
        path.write_text(first + "\n" + record * 3, encoding="utf-8")
        assert main(["validate", "--type", "Source", str(path)]) == 1
        out, err = capsys.readouterr()
        assert out.startswith(f"{path}:")
        assert message in out
        assert len(out.splitlines()) == 1
        assert err == "1 problem in 1 of 1 file (1 record checked)\n"

    def test_a_json_lines_record_is_read_without_its_line_feed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A record cut short is reported at its column, as read_jsonl does, not
        at "line 2 column 1" of the record (its line feed)."""
        record = b'{"id": "a", "publisher": "A"}\n'
        path = tmp_path / "sources.jsonl"
        path.write_bytes(record + record + b'{"id":\r\n' + b'{"id": "a", "x": NaN}\n')
        with pytest.raises(JSONLinesError) as refused:
            list(read_jsonl(Source, path))
        assert main(["validate", "--type", "Source", str(path)]) == 1
        out, err = capsys.readouterr()
        assert out == (
            f"{path}:3: $: invalid JSON: Expecting value at column 7\n"
            f"{path}:4: $: invalid JSON: NaN is not a JSON number at column 18\n"
        )
        assert refused.value.errors == (
            ("$", "invalid JSON: Expecting value at column 7"),
        )
        assert err == "2 problems in 1 of 1 file (4 records checked)\n"


class TestDeepDocuments:
    """A deeply nested file is one problem line, placed without a scan of its depth."""

    DEPTH = 100_000

    @pytest.mark.parametrize("command", ["validate", "show", "export"])
    def test_one_line_and_no_traceback(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
    ) -> None:
        """100,000 nested arrays: the problem at the line the document starts on."""
        path = tmp_path / "deep.json"
        path.write_text("\n\n" + "[" * self.DEPTH + "]" * self.DEPTH)
        argv = [command, str(path)]
        if command == "export":
            argv += ["--format", "plover", "-o", str(tmp_path / "events.jsonl")]
        assert main(argv) == 1
        out, err = capsys.readouterr()
        problem = f"{path}:3: $: invalid JSON: nested too deeply\n"
        assert problem in out + err
        assert "Traceback" not in out + err

    def test_no_scan_for_a_problem_with_the_whole_document(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A problem at ``$`` is placed where the document starts, without a scan."""

        def scan(text: str) -> None:
            raise AssertionError("the text was scanned")

        monkeypatch.setattr("negotiation_records._jsonpos.value_lines", scan)
        path = tmp_path / "deep.json"
        path.write_text("\n \r\n\t" + "[" * self.DEPTH + "]" * self.DEPTH)
        assert main(["validate", str(path)]) == 1
        assert capsys.readouterr().out == (
            f"{path}:3: $: invalid JSON: nested too deeply\n"
        )

    def test_deep_field(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A field 5,000 deep: one problem line, wherever this Python's parser stops."""
        path = tmp_path / "source.json"
        text = '\n{"id": "a",\n "publisher":\n' + "[" * 5000 + "]" * 5000 + "}"
        path.write_text(text)
        assert main(["validate", "--type", "Source", str(path)]) == 1
        out = capsys.readouterr().out
        assert out in (
            f"{path}:2: $: invalid JSON: nested too deeply\n",
            f"{path}:4: publisher: must be a string, got an array of 1 item\n",
        )

    def test_field_in_a_deep_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A problem inside a file nested as deep as the parser reads is placed at its line."""
        path = tmp_path / "source.json"
        text = '{"id": "a",\n "title": ' + "[" * 500 + "]" * 500 + ",\n "
        path.write_text(text + '"publisher":\n  7}')
        assert main(["validate", "--type", "Source", str(path)]) == 1
        assert capsys.readouterr().out == (
            f"{path}:4: publisher: must be a string, got number 7\n"
            f"{path}:2: title: must be a string, got an array of 1 item\n"
        )

    def test_lines_of_a_deep_document(self) -> None:
        """The position finder places a value 100,000 deep, and what encloses a missing one."""
        positions = value_lines("[\n" * self.DEPTH + "]" * self.DEPTH)
        innermost = "[0]" * (self.DEPTH - 1)
        assert positions.line_of(innermost) == self.DEPTH
        assert positions.line_of(innermost + "[3].kind") == self.DEPTH
        assert positions.line_of("$") == 1


class TestPlotOptions:
    def test_dpi(self, talks: Path, tmp_path: Path) -> None:
        """--dpi 200 gives about twice the pixels of --dpi 100."""
        low, high = tmp_path / "low.png", tmp_path / "high.png"
        assert main(["plot", str(talks), "-o", str(low), "--dpi", "100"]) == 0
        assert main(["plot", str(talks), "-o", str(high), "--dpi", "200"]) == 0
        ratio = imread(high).shape[1] / imread(low).shape[1]
        assert 1.9 < ratio < 2.1

    def test_size(self, talks: Path, tmp_path: Path) -> None:
        """--size 10x6 at 100 dpi fits in 1000 by 600 pixels (tight: a little less)."""
        target = tmp_path / "small.png"
        assert main(["plot", str(talks), "-o", str(target), "--size", "10x6"]) == 0
        height, width = imread(target).shape[:2]
        assert 900 < width <= 1010
        assert 500 < height <= 610

    @pytest.mark.parametrize(
        ("option", "value", "message"),
        [
            ("--size", "big", "give the size as WIDTHxHEIGHT in inches"),
            ("--size", "1000x6", "the width must be 2 to 100 inches"),
            ("--dpi", "lots", "'lots' is not a whole number of dots per inch"),
            ("--dpi", "5", "5 dpi is outside 10 to 1200"),
            ("--from", "soon", "is not a moment"),
        ],
    )
    def test_bad_options(
        self,
        talks: Path,
        capsys: pytest.CaptureFixture[str],
        option: str,
        value: str,
        message: str,
    ) -> None:
        """Bad values are usage errors."""
        assert main(["plot", str(talks), "-o", "x.png", option, value]) == 2
        assert message in capsys.readouterr().err

    def test_window(self, tmp_path: Path) -> None:
        """--from/--until draw only that time: a 2028 deadline does not squeeze 2025."""
        talks = seed_record()
        ultimatum = talks.ultimatum("us-ultimatum-2025-07")
        far = talks.with_ultimatum(
            attrs.evolve(ultimatum, deadline=Deadline.on(pendulum.date(2028, 6, 1)))
        )
        path = write(tmp_path / "far.json", far)
        target = tmp_path / "window.png"
        argv = [
            "plot",
            str(path),
            "-o",
            str(target),
            "--from",
            "2025-05",
            "--until",
            "2025-08",
        ]
        assert main(argv) == 0
        from negotiation_records.plot import timeline

        figure = timeline(
            far, start=pendulum.date(2025, 5, 1), end=pendulum.date(2025, 8, 31)
        )
        low, high = figure.axes[0].get_xlim()
        assert (high - low) == pytest.approx(123)  # 1 May to 1 September

    def test_one_edge_given(self) -> None:
        """Only a start (or only an end): the other edge fits what is drawn,
        as without either; nothing drawn there: a month from the edge given."""
        from negotiation_records.plot import timeline

        talks = seed_record()  # 16 May to 2 September 2025
        june = _limits(timeline(talks, start=pendulum.date(2025, 6, 1)))
        assert june[0] == dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
        assert dt.datetime(2025, 9, 3, tzinfo=dt.UTC) < june[1]
        assert june[1] < dt.datetime(2025, 9, 30, tzinfo=dt.UTC)
        july = _limits(timeline(talks, end=pendulum.date(2025, 7, 31)))
        assert dt.datetime(2025, 4, 1, tzinfo=dt.UTC) < july[0]
        assert july[0] < dt.datetime(2025, 5, 16, tzinfo=dt.UTC)
        assert july[1] == dt.datetime(2025, 8, 1, tzinfo=dt.UTC)
        assert _limits(timeline(talks, start=pendulum.date(2030, 1, 1))) == (
            dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
            dt.datetime(2030, 1, 31, tzinfo=dt.UTC),
        )
        assert _limits(timeline(talks, end=pendulum.date(2000, 1, 1))) == (
            dt.datetime(1999, 12, 3, tzinfo=dt.UTC),
            dt.datetime(2000, 1, 2, tzinfo=dt.UTC),
        )

    def test_window_backwards(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--until before --from is a usage error."""
        argv = [
            "plot",
            str(talks),
            "-o",
            "x.png",
            "--from",
            "2025-08",
            "--until",
            "2025-05",
        ]
        assert main(argv) == 2
        assert capsys.readouterr().err.endswith(
            "error: argument --until: must end at least a minute after its start "
            "(2025-08-01T00:00:00Z), got 2025-05 (to 2025-06-01T00:00:00Z)\n"
        )

    @pytest.mark.parametrize(
        ("window", "told"),
        [
            (
                ["--until", "0001-01-01T00:00:00Z"],
                "argument --until: must end at least a minute after the calendar's "
                "first instant (0001-01-01T00:00:00Z), got 0001-01-01T00:00:00Z",
            ),
            (
                ["--from", "5000-01-01T00:00:00Z", "--until", "5000-01-01T00:00:59Z"],
                "argument --until: must end at least a minute after its start "
                "(5000-01-01T00:00:00Z), got 5000-01-01T00:00:59Z",
            ),
            (
                ["--from", "9999-12-30T23:59:59.9999Z"],
                "argument --from: a picture shows time up to 9999-12-31T00:00:00Z",
            ),
        ],
    )
    def test_window_too_short_to_draw(
        self,
        talks: Path,
        window: list[str],
        told: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Less than a minute (matplotlib counts days in floats): a usage error."""
        assert main(["plot", str(talks), "-o", "x.png", *window]) == 2
        assert told in capsys.readouterr().err

    @pytest.mark.parametrize(
        "window",
        [
            ["--from", "9999-12-30T23:59:00Z"],
            ["--until", "0001-01-01T00:01:00Z"],
            ["--from", "0001-01-01T00:00:00Z", "--until", "0001-01-01T00:01:00Z"],
            ["--from", "5000-01-01T00:00:00Z", "--until", "5000-01-01T00:01:00Z"],
        ],
    )
    def test_a_minute_at_the_edges_of_the_calendar_draws(
        self, talks: Path, tmp_path: Path, window: list[str]
    ) -> None:
        target = tmp_path / "x.png"
        assert main(["plot", str(talks), "-o", str(target), *window]) == 0
        assert target.stat().st_size > 0

    @pytest.mark.parametrize(
        "window",
        [["--from", "9999-12-31"], ["--from", "9999-12-31", "--until", "9999-12-31"]],
    )
    def test_window_on_the_last_day_of_the_calendar(
        self, talks: Path, window: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A picture cannot start on 9999-12-31 (its axis needs room after its
        last day): a usage error, not a traceback; the day before draws."""
        assert main(["plot", str(talks), "-o", "x.png", *window]) == 2
        assert "argument --from: a picture shows time up to 9999-12-31T00:00:00Z" in (
            capsys.readouterr().err
        )
        from negotiation_records.plot import timeline

        record = from_json(Negotiation, talks.read_text(encoding="utf-8"))
        with pytest.raises(
            ValidationError, match=r"^start: a picture shows time up to"
        ):
            timeline(record, start=pendulum.date(9999, 12, 31))
        figure = timeline(record, start=pendulum.date(9999, 12, 30))
        low, high = figure.axes[0].get_xlim()
        assert high - low == pytest.approx(1)

    def test_saved_tight(self, tmp_path: Path) -> None:
        """A long party name is in the picture, not cut: the PNG grows to hold it."""
        talks = seed_record()
        parties = list(talks.parties)
        parties[0] = attrs.evolve(parties[0], name="W" * 26 + " " + "M" * 26)
        path = write(tmp_path / "long.json", attrs.evolve(talks, parties=parties))
        target = tmp_path / "long.png"
        assert main(["plot", str(path), "-o", str(target)]) == 0
        pixels = imread(target)
        # The leftmost columns are white margin, not the middle of a letter.
        assert (pixels[:, :3, :3] > 0.95).all()


# --- the property -------------------------------------------------------------------


@settings(max_examples=15)
@given(
    talks=negotiations(),
    at=moments(),
    zone=st.sampled_from(["UTC", "America/New_York", "Pacific/Kiritimati"]),
)
def test_any_loadable_document_is_shown(talks: Negotiation, at: Any, zone: str) -> None:
    """Whatever loads is shown, timelined, listed and drawn, with exit status 0."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "talks.json"
        path.write_text(to_json(talks, indent=2), encoding="utf-8")
        at_text = format_moment(at)
        file = str(path)
        out, err = io.StringIO(), io.StringIO()
        commands = [
            ["show", file, "--at", at_text, "--tz", zone],
            ["show", file, "--format", "json"],
            ["timeline", file, "--at", at_text, "--tz", zone],
            ["timeline", file, "--format", "json", "--tz", zone],
            ["deadlines", file, "--at", at_text, "--tz", zone],
            ["deadlines", file, "--format", "json", "--at", at_text],
            ["plot", file, "-o", str(Path(folder) / "talks.png")],
        ]
        for argv in commands:
            status = _run_quietly(argv, out, err)
            assert status == 0, (argv, err.getvalue())
        assert _run_quietly(["validate", file], out, err) == 0


def _run_quietly(argv: list[str], out: io.StringIO, err: io.StringIO) -> int:
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        return main(argv)
    finally:
        sys.stdout, sys.stderr = saved


class TestOutputSafety:
    """The file written is never one of the files read, standard input's
    included; a symbolic link is written through; usage errors sit under the
    command's usage line."""

    @pytest.mark.parametrize(
        ("command", "name"),
        [
            (["export", "-", "--format", "ics", "-o"], "victim.json"),
            (["plot", "-", "-o"], "victim.svg"),
        ],
    )
    def test_standard_input_is_not_replaced(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        command: list[str],
        name: str,
    ) -> None:
        """A file read through `-` (`< victim.json`) is refused as the output."""
        victim = write(tmp_path / name, seed_record())
        before = victim.read_bytes()
        with victim.open("rb") as stdin:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stdin))
            assert main([*command, str(victim)]) == 1
        assert "is the input file standard input" in capsys.readouterr().err
        assert victim.read_bytes() == before

    def test_standard_input_in_the_folder_parquet_replaces(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """--overwrite never deletes a folder holding the file standard input reads."""
        folder = tmp_path / "tables"
        folder.mkdir()
        victim = write(folder / "talks.json", seed_record())
        with victim.open("rb") as stdin:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stdin))
            argv = ["export", "-", "--format", "parquet", "-o", str(folder)]
            assert main([*argv, "--overwrite"]) == 1
        assert "holds the file standard input reads" in capsys.readouterr().err
        assert victim.exists()

    def test_a_link_is_written_through(
        self, tmp_path: Path, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A link to a file is written through; a dangling one is an error."""
        real = tmp_path / "real"
        real.mkdir()
        (real / "cal.ics").write_text("old", encoding="utf-8")
        link = tmp_path / "cal.ics"
        link.symlink_to(real / "cal.ics")
        assert main(["export", str(talks), "--format", "ics", "-o", str(link)]) == 0
        assert link.is_symlink()
        assert (
            (real / "cal.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
        )
        dangling = tmp_path / "dangling.png"
        dangling.symlink_to(tmp_path / "nowhere" / "x.png")
        assert main(["plot", str(talks), "-o", str(dangling)]) == 1
        assert "No such file or directory" in capsys.readouterr().err
        empty = real / "empty"
        empty.mkdir()
        tables = tmp_path / "tables"
        tables.symlink_to(empty)
        argv = ["export", str(talks), "--format", "parquet", "-o", str(tables)]
        assert main(argv) == 0
        assert tables.is_symlink()
        assert (empty / "ultimatums").is_dir()

    def test_names_in_usage_errors_are_shown_safely(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A line feed, a terminal escape or a byte that is not UTF-8 in an
        argument is written as an escape, as in every other message."""
        assert main(["show", str(talks), "evil\n\x1b[31mred.json"]) == 2
        err = capsys.readouterr().err
        assert "unrecognized arguments: evil\\n\\x1b[31mred.json\n" in err
        assert "\x1b" not in err
        assert main(["plot", str(talks), "-o", "x\udce9.jpg"]) == 2
        assert "argument -o/--output: 'x\\xe9.jpg': the file name must end" in (
            capsys.readouterr().err
        )

    def test_usage_errors_under_the_commands_usage(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown option, parquet to standard output, a record version 1
        did not have: usage errors, worded for the command line."""
        assert main(["show", str(talks), "--bogus"]) == 2
        assert "negotiation-records show: error: unrecognized arguments: --bogus" in (
            capsys.readouterr().err
        )
        assert main(["export", str(talks), "--format", "parquet", "-o", "-"]) == 2
        assert "parquet writes a folder of files, not standard output" in (
            capsys.readouterr().err
        )
        argv = ["validate", "--type", "Action", "--schema-version", "1", str(talks)]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "an Action is new in format version 2" in err
        assert "leave --schema-version out" in err
        # a negotiation says its own version: the option is named, not the argument
        assert main(["validate", "--schema-version", "1", str(talks)]) == 1
        told = capsys.readouterr().out
        assert "but --schema-version 1 was given" in told
        assert "(leave the option out)" in told
        assert "schema_version=1" not in told
        assert "argument" not in told
        assert main(["validate", ""]) == 2
        assert "argument FILE: the file name is empty" in capsys.readouterr().err
        assert main(["export", str(talks), "--format", "ics", "-o", ""]) == 2
        assert "argument -o/--output: the file name is empty" in (
            capsys.readouterr().err
        )

    def test_every_usage_problem_is_told_at_once(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Bad values of several options, and an option no command takes: one
        ``error:`` line each, under one usage line, so that one run says
        everything to fix; a rule that reads a refused value is not asked.
        """
        argv = ["deadlines", str(talks), "--at", "soon", "--tz", "Mars/Base"]
        argv += ["--within", "P1X", "--bogus"]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("usage: negotiation-records deadlines") == 1
        errors = [line for line in err.splitlines() if ": error: " in line]
        assert [line.split(": error: ", 1)[1][:15] for line in errors] == [
            "argument --at: ",
            "argument --with",
            "argument --tz: ",
            "unrecognized ar",
        ]
        assert all(
            line.startswith("negotiation-records deadlines: error: ") for line in errors
        )
        plot = ["plot", str(talks), "-o", "t.png", "--from", "2025-13-01"]
        assert main([*plot, "--until", "x", "--dpi", "5", "--size", "9x9"]) == 2
        errors = [
            line for line in capsys.readouterr().err.splitlines() if "error:" in line
        ]
        assert [line.split(": error: ", 1)[1].split(":")[0] for line in errors] == [
            "argument --from",
            "argument --until",
            "argument --dpi",
        ]  # --size is within its rule, and the picture's budget is not asked
        assert main(["timeline", str(talks), "--at", "2025-07-20", "--tz", "UTC"]) == 0

    def test_the_parser_given_to_programs_still_stops_at_the_first(self) -> None:
        """``build_parser()`` parses as argparse does: a bad value ends the parse."""
        with pytest.raises(Exception, match="argument --at: 'soon' is not a moment"):
            build_parser().parse_args(["deadlines", "t.json", "--at", "soon"])
        args = build_parser().parse_args(["deadlines", "t.json", "--at", "2025-07-20"])
        assert args.at == pendulum.date(2025, 7, 20)


def _limits(figure: Any) -> tuple[dt.datetime, dt.datetime]:
    """The time a picture shows, from its x limits (days since 1970), to the second."""
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    low, high = figure.axes[0].get_xlim()
    return (
        (epoch + dt.timedelta(days=low)).replace(microsecond=0),
        (epoch + dt.timedelta(days=high)).replace(microsecond=0),
    )


class TestAnotherRecordClass:
    """A record of another class given where a negotiation is read."""

    @pytest.mark.parametrize("command", ["validate", "show", "timeline", "deadlines"])
    def test_advice_names_the_command_that_has_type(
        self, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Only ``validate`` has ``--type``: every command says to use it there."""
        path = tmp_path / "truce.json"
        path.write_text('{"id": "truce", "title": "Truce", "stage": "ceasefire"}')
        assert main([command, str(path)]) == 1
        out, err = capsys.readouterr()
        told = out + err
        assert (
            "its keys are an Agreement's: check it with validate --type Agreement"
            in (told)
        )
        assert "give --type" not in told
        assert main(["validate", "--type", "Agreement", str(path)]) == 0

    def test_article(self) -> None:
        """ "a Party's", "an Ultimatum's": the article follows the class's name."""
        with pytest.raises(ValidationError) as caught:
            from_json(
                Negotiation, '{"id": "truce", "title": "Truce", "stage": "ceasefire"}'
            )
        assert caught.value.errors[0][1].endswith(
            "; its keys are an Agreement's: read it as one (from_json(Agreement, ...))"
        )


@pytest.mark.parametrize("name", [".png", "out/.SVG"])
def test_picture_name_that_is_only_a_suffix(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-o .png`` ends in .png: the message says the name before it is missing."""
    talks = tmp_path / "talks.json"
    talks.write_text(to_json(Negotiation(id="t", title="T")), encoding="utf-8")
    assert main(["plot", str(talks), "-o", name]) == 2
    err = capsys.readouterr().err
    suffix = name.rpartition("/")[2]
    assert (
        f"argument -o/--output: '{name}': the file has no name before its {suffix}: "
        f"give one, as timeline{suffix}"
    ) in err
    assert "must end in one of" not in err


class TestFileOfTheOtherForm:
    """A pretty-printed document named .jsonl, JSON Lines named .json."""

    def test_pretty_printed_json_named_json_lines(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One problem that names the form, not one for each of its lines."""
        path = tmp_path / "talks.jsonl"
        path.write_text(
            to_json(Negotiation(id="t", title="T"), indent=2), encoding="utf-8"
        )
        assert path.read_text(encoding="utf-8").count("\n") > 10
        assert main(["validate", str(path)]) == 1
        out = capsys.readouterr().out.splitlines()
        assert len(out) == 1
        assert out[0].startswith(f"{path}:1: $: invalid JSON: ")
        assert out[0].endswith(
            "(the line only opens a value: the file looks like one JSON document "
            "written over several lines, not JSON Lines; name it .json)"
        )
        named = path.rename(tmp_path / "talks.json")
        assert main(["validate", str(named)]) == 0

    def test_json_lines_named_json(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        line = to_json(Negotiation(id="t", title="T"))
        path = tmp_path / "talks.json"
        path.write_text(f"{line}\n{line}\n", encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        assert capsys.readouterr().out == (
            f"{path}:2: $: invalid JSON: Extra data at line 2 column 1 "
            "(a value a line is JSON Lines: name the file .jsonl)\n"
        )
        with pytest.raises(ValidationError) as caught:
            from_json(Negotiation, path.read_bytes())
        assert caught.value.errors[0][1].endswith(
            "(a value a line is JSON Lines: read it with read_jsonl)"
        )
        assert len(list(read_jsonl(Negotiation, path))) == 2

    def test_a_second_value_on_the_same_line_is_no_json_lines(self) -> None:
        with pytest.raises(ValidationError) as caught:
            from_json(Negotiation, to_json(Negotiation(id="t", title="T")) + " 5")
        assert "JSON Lines" not in caught.value.errors[0][1]
