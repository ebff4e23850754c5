"""The ``negotiation-records`` command line: the installed script and ``main()``."""

from __future__ import annotations

import errno
import importlib.metadata
import io
import json
import os
import re
import runpy
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from matplotlib.image import imread

from negotiation_records import (
    Deadline,
    Negotiation,
    Party,
    Round,
    Source,
    ValidationError,
    _cli_output,
    _cli_read,
    cli,
)
from negotiation_records.cli import main
from negotiation_records.schema import json_schema
from negotiation_records.serialization import to_dict, to_json, write_jsonl
from tests.seed import load_example, seed_record


BIN = Path(sys.executable).parent
SCRIPT = shutil.which("negotiation-records", path=str(BIN))

AT = "2025-07-20T12:00:00+03:00[Europe/Kyiv]"
DOCS_PAGE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
#: A negotiation written by version 1 of the library.
VERSION_1 = Path(__file__).resolve().parent / "data" / "russia-ukraine-2025.v1.json"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed console script."""
    assert SCRIPT is not None, f"negotiation-records is not installed in {BIN}"
    return subprocess.run(  # noqa: S603 - the installed script, test arguments
        [SCRIPT, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def line_with(path: Path, needle: str) -> int:
    """The number of the first line of *path* that contains *needle*."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def seed_data() -> dict[str, Any]:
    data = to_dict(seed_record())
    assert isinstance(data, dict)
    return data


@pytest.fixture
def talks(tmp_path: Path) -> Path:
    """The seed record as a pretty-printed JSON file."""
    path = tmp_path / "talks.json"
    path.write_text(to_json(seed_record(), indent=2), encoding="utf-8")
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The seed record with an unknown status, a typo'd key and a dangling party."""
    data = seed_data()
    data["history"][0]["status"] = "stuck"
    data["titel"] = "typo"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def dangling(tmp_path: Path) -> Path:
    """The seed record with a proposal addressed to an unknown party."""
    data = seed_data()
    data["proposals"][1]["addressed_to"] = ["rusia"]
    path = tmp_path / "dangling.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """Five negotiations as JSON Lines; line 3 has a bad party kind, line 5 is blank."""
    lines = []
    for index in range(5):
        data = seed_data()
        data["id"] = f"talks-{index}"
        if index == 2:
            data["parties"][1]["kind"] = "stat"
        lines.append(json.dumps(data, ensure_ascii=False))
    lines.insert(4, "   ")
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def shown_on_a_terminal(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    """
    The exit status of the command line run with *argv*, its standard output
    and standard error one terminal (a pseudo-terminal, as in an interactive
    shell), and what the terminal was sent.
    """
    pytest.importorskip("rich")
    leader, follower = os.openpty()
    chunks: list[bytes] = []

    def drain() -> None:  # what the terminal shows, read as it is written
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the terminal closed
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    screen = open(follower, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setattr(sys, "stderr", screen)
    try:
        status = main(argv)
    finally:
        screen.close()
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    return status, b"".join(chunks).decode("utf-8")


class TestInstalledScript:
    """The console script installed by the package, run as a subprocess."""

    def test_valid_file(self, talks: Path) -> None:
        """A valid file: exit 0, nothing on stdout, a short note on stderr."""
        result = run("validate", talks)
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""
        assert result.stderr == "no problems in 1 file (1 record checked)\n"

    def test_broken_file(self, broken: Path) -> None:
        """A broken file: exit 1 and one FILE:LINE: path: message line per problem."""
        result = run("validate", broken)
        assert result.returncode == 1
        status = line_with(broken, '"status": "stuck"')
        titel = line_with(broken, '"titel"')
        assert result.stdout.splitlines() == [
            f"{broken}:{status}: history[0].status: 'stuck' is not a valid NegotiationStatus "
            "(choose from 'active', 'stalled', 'suspended', 'concluded', 'collapsed')",
            f"{broken}:{titel}: $: unknown key 'titel'",
        ]
        assert result.stderr == "2 problems in 1 of 1 file (1 record checked)\n"

    def test_json_lines_error_on_line_3(self, many: Path) -> None:
        """A JSON Lines file reports the line of the bad record."""
        result = run("validate", many)
        assert result.returncode == 1
        assert result.stdout.splitlines() == [
            f"{many}:3: parties[1].kind: 'stat' is not a valid PartyKind (choose from "
            "'state', 'organization', 'coalition', 'person', 'group', 'other')"
        ]

    def test_json_format(self, talks: Path, broken: Path) -> None:
        """`--format json` prints one JSON document with every problem."""
        result = run("validate", "--format", "json", talks, broken)
        assert result.returncode == 1
        document = json.loads(result.stdout)
        assert document["ok"] is False
        assert document["files"] == [
            {"file": str(talks), "records": 1, "problems": 0},
            {"file": str(broken), "records": 1, "problems": 2},
        ]
        assert document["problems"][1] == {
            "file": str(broken),
            "line": line_with(broken, '"titel"'),
            "path": "$",
            "message": "unknown key 'titel'",
        }

    def test_usage_error(self) -> None:
        """An unknown command exits 2 with the usage on stderr."""
        result = run("frobnicate")
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.startswith("usage: negotiation-records")
        assert "invalid choice: 'frobnicate'" in result.stderr

    def test_bad_moment_is_a_usage_error(self, talks: Path) -> None:
        """A moment parse_moment refuses is a usage error naming the option."""
        result = run("deadlines", talks, "--at", "now")
        assert result.returncode == 2
        assert "argument --at: 'now' is not a moment" in result.stderr

    def test_version(self) -> None:
        """`--version` prints the installed version."""
        result = run("--version")
        assert result.returncode == 0
        assert result.stdout.startswith("negotiation-records ")

    def test_python_dash_m(self, talks: Path) -> None:
        """`python -m negotiation_records` is the same command."""
        result = subprocess.run(  # noqa: S603 - this Python, test arguments
            [sys.executable, "-m", "negotiation_records", "validate", str(talks)],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == "no problems in 1 file (1 record checked)\n"

    def test_plot(self, talks: Path, tmp_path: Path) -> None:
        """`plot` writes a PNG of the seed record."""
        target = tmp_path / "talks.png"
        result = run("plot", talks, "-o", target, "--at", "2025-07-20")
        assert result.returncode == 0, result.stderr
        assert result.stderr == f"wrote {target}\n"
        assert imread(target).shape[1] >= 1000


class TestPackaging:
    def test_console_script_entry_point(self) -> None:
        """The distribution declares the negotiation-records console script."""
        (entry,) = importlib.metadata.entry_points(
            group="console_scripts", name="negotiation-records"
        )
        assert entry.value == "negotiation_records.cli:main"

    def test_core_imports_no_extra(self) -> None:
        """Importing the library (and the command line) loads neither rich nor matplotlib."""
        code = (
            "import sys, negotiation_records, negotiation_records.cli\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'rich', 'matplotlib'} or m == 'negotiation_records.plot'))\n"
        )
        result = subprocess.run(  # noqa: S603 - this Python, fixed code
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == "[]\n"


class TestValidate:
    @pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
    def test_a_byte_that_is_not_utf8_at_its_line(
        self, bom: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A byte that is not UTF-8 on line 4 is reported at line 4."""
        path = tmp_path / "party.json"
        path.write_bytes(
            bom + b'{\n  "id": "a",\n\n  "name": "B\xe9",\n  "kind": "state"\n}\n'
        )
        assert main(["validate", "--type", "Party", str(path)]) == 1
        out = capsys.readouterr().out
        assert out.startswith(f"{path}:4: $: not UTF-8 text: ")

    def test_records_of_another_type_are_told_the_type_to_give(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Lines of parties checked as negotiations: validate --type Party."""
        path = tmp_path / "parties.jsonl"
        path.write_text(
            '{"id": "ukraine", "name": "Ukraine", "kind": "state"}\n'
            '{"id": "russia", "name": "Russia", "kind": "state"}\n',
            encoding="utf-8",
        )
        assert main(["validate", str(path)]) == 1
        out = capsys.readouterr().out.splitlines()
        assert len(out) == 2
        assert all(
            line.endswith(
                "; its keys are a Party's: check it with validate --type Party"
            )
            for line in out
        )
        assert main(["validate", "--type", "Party", str(path)]) == 0

    def test_many_files_and_a_missing_one(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing file is a problem at line 0; the other files are still checked."""
        missing = tmp_path / "missing.json"
        assert main(["validate", str(talks), str(missing)]) == 1
        out, err = capsys.readouterr()
        assert out == f"{missing}:0: $: no such file\n"
        assert err == "1 problem in 1 of 2 files (1 record checked)\n"

    def test_directory(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A directory is not a record file."""
        assert main(["validate", str(tmp_path)]) == 1
        assert (
            capsys.readouterr().out == f"{tmp_path}:0: $: is a directory, not a file\n"
        )

    def test_syntax_error_names_its_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """In a JSON file, a syntax error is reported at the line where it is."""
        path = tmp_path / "talks.json"
        path.write_text('{\n  "id": "t",\n  "title": "T"\n  "parties": []\n}\n')
        assert main(["validate", str(path)]) == 1
        assert capsys.readouterr().out == (
            f"{path}:4: $: invalid JSON: Expecting ',' delimiter at line 4 column 3\n"
        )

    def test_whole_record_problems(
        self, dangling: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Problems that only the whole record shows are reported with their paths."""
        assert main(["validate", str(dangling)]) == 1
        assert capsys.readouterr().out == (
            f"{dangling}:1: proposals[1].addressed_to[0]: unknown party 'rusia'\n"
        )

    def test_other_record_types(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`--type Party` checks a file of parties."""
        path = tmp_path / "parties.jsonl"
        write_jsonl(
            [
                Party(id="ukraine", name="Ukraine", kind="state"),
                Party(id="russia", name="Russia", kind="state"),
            ],
            path,
        )
        with path.open("a", encoding="utf-8") as stream:
            stream.write('{"id": "Türkiye", "name": "Türkiye", "kind": "state"}\n')
        assert main(["validate", "--type", "Party", str(path)]) == 1
        out = capsys.readouterr().out
        assert out.startswith(f"{path}:3: id: must be a lower-case slug")
        assert main(["validate", str(path)]) == 1
        assert f"{path}:1: schema_version: is missing" in capsys.readouterr().out

    @pytest.mark.parametrize(
        ("name", "text", "lines"),
        [
            ("talks.txt", "{}\n{}\n", [1, 2]),
            ("talks.data", '{"id": "a"}\n', [1]),
            ("talks.data", "\n\n", [1]),
            ("talks.data", "[\n{}\n]\n", [1]),
            ("talks.NDJSON", "{}\n", [1]),
        ],
        ids=["two-lines", "one-line", "blank", "pretty", "ndjson"],
    )
    def test_json_or_json_lines(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        name: str,
        text: str,
        lines: list[int],
    ) -> None:
        """Without a .json/.jsonl name the content decides: several one-line values are JSON Lines."""
        path = tmp_path / name
        path.write_text(text)
        assert (
            main(["validate", "--format", "json", "--type", "Source", str(path)]) == 1
        )
        problems = json.loads(capsys.readouterr().out)["problems"]
        assert sorted({p["line"] for p in problems}) == lines

    def test_json_lines_all_good(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every record of a good JSON Lines file is counted."""
        path = tmp_path / "sources.jsonl"
        write_jsonl([Source(id=f"s{i}", publisher="P") for i in range(3)], path)
        assert (
            main(["validate", "--type", "Source", "--format", "json", str(path)]) == 0
        )
        document = json.loads(capsys.readouterr().out)
        assert document == {
            "ok": True,
            "type": "Source",
            "files": [{"file": str(path), "records": 3, "problems": 0}],
            "problems": [],
        }

    def test_unreadable_file(
        self,
        talks: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A file that cannot be read is reported, not a traceback."""

        def refuse(self: Path, *args: object, **kwargs: object) -> object:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "open", refuse)
        assert main(["validate", str(talks)]) == 1
        assert capsys.readouterr().out == (
            f"{talks}:0: $: cannot read the file: Permission denied\n"
        )

    def test_unreadable_json_lines_file(
        self,
        many: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A JSON Lines file (or one to sniff) that cannot be opened is reported."""
        sniffed = tmp_path / "talks.data"
        sniffed.write_text("{}\n")

        def refuse(self: Path, *args: object, **kwargs: object) -> object:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "open", refuse)
        assert main(["validate", str(many), str(sniffed)]) == 1
        assert capsys.readouterr().out == (
            f"{many}:0: $: cannot read the file: Permission denied\n"
            f"{sniffed}:0: $: cannot read the file: Permission denied\n"
        )

    @pytest.mark.parametrize("command", ["validate", "show", "timeline", "deadlines"])
    def test_a_json_lines_read_that_fails_half_way(
        self,
        command: str,
        many: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A disk error after the first lines is the file's problem, not a traceback."""
        lines = many.read_bytes().splitlines(keepends=True)

        class Failing(io.BytesIO):
            def __iter__(self) -> Iterator[bytes]:
                yield from lines[:2]
                raise OSError(errno.EIO, os.strerror(errno.EIO))

        monkeypatch.setattr(Path, "open", lambda self, *args: Failing())
        failure = f"cannot read the file: {os.strerror(errno.EIO)}"
        assert main([command, str(many)]) == 1
        out, err = capsys.readouterr()
        if command == "validate":
            assert out == f"{many}:0: $: {failure}\n"
        else:
            assert (out, err) == (
                "",
                f"{many}:0: $: {failure}\n"
                f"negotiation-records: error: {many} cannot be read\n",
            )


class TestPlot:
    def test_svg(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An .svg name gives an SVG picture."""
        target = tmp_path / "talks.svg"
        assert main(["plot", str(talks), "-o", str(target)]) == 0
        assert "<svg" in target.read_text(encoding="utf-8")
        assert capsys.readouterr().err == f"wrote {target}\n"

    def test_unknown_picture_format(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An output name that is not .png/.svg/.pdf is a usage error."""
        assert main(["plot", str(talks), "-o", "talks.gif"]) == 2
        assert (
            "argument -o/--output: 'talks.gif': the file name must end in one of "
            ".pdf, .png, .svg" in capsys.readouterr().err
        )
        assert main(["plot", str(talks), "-o", "-"]) == 2
        assert (
            "argument -o/--output: '-': a picture is written to a file, not to "
            "standard output: give a file name ending in one of .pdf, .png, .svg"
            in capsys.readouterr().err
        )

    def test_a_name_ending_in_a_separator(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``-o talks.png/`` names a folder: refused, saying so, and the
        file is kept."""
        target = tmp_path / "talks.png"
        target.write_bytes(b"kept")
        out = f"{target}{os.sep}"
        assert main(["plot", str(talks), "-o", out]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {out}: a name that ends "
            "in '/' names a folder, and there is a file; give the name of a file\n"
        )
        assert target.read_bytes() == b"kept"

    def test_output_is_required(self, talks: Path) -> None:
        """Without -o there is nothing to write: a usage error."""
        assert main(["plot", str(talks)]) == 2

    def test_invalid_record(
        self, broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A broken file is not drawn; its problems go to stderr."""
        target = tmp_path / "talks.png"
        assert main(["plot", str(broken), "-o", str(target)]) == 1
        assert not target.exists()
        out, err = capsys.readouterr()
        assert out == ""
        assert err.splitlines() == [
            f"{broken}:{line_with(broken, 'stuck')}: history[0].status: 'stuck' is not a valid "
            "NegotiationStatus (choose from 'active', 'stalled', 'suspended', "
            "'concluded', 'collapsed')",
            f"{broken}:{line_with(broken, 'titel')}: $: unknown key 'titel'",
            f"negotiation-records: error: {broken} is not a valid record (2 problems)",
        ]

    def test_several_records(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A JSON Lines file with several negotiations cannot be drawn as one."""
        path = tmp_path / "two.jsonl"
        write_jsonl([seed_record(), seed_record()], path)
        assert main(["plot", str(path), "-o", str(tmp_path / "x.png")]) == 1
        assert "holds 2 records; plot draws one" in capsys.readouterr().err

    def test_missing_matplotlib(
        self,
        talks: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Without matplotlib the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        assert main(["plot", str(talks), "-o", str(tmp_path / "x.png")]) == 1
        assert capsys.readouterr().err == (
            "negotiation-records: error: the timeline picture needs matplotlib; "
            "install the 'plot' extra: python -m pip install 'negotiation-records[plot]'\n"
        )

    def test_unwritable_target(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A picture that cannot be written is an error, not a traceback."""
        target = tmp_path / "no" / "such" / "dir.png"
        assert main(["plot", str(talks), "-o", str(target)]) == 1
        assert capsys.readouterr().err.startswith(
            f"negotiation-records: error: cannot write {target}: "
        )


class TestUsage:
    @pytest.mark.parametrize(
        "command", ["validate", "show", "timeline", "deadlines", "schema", "plot"]
    )
    def test_help_on_every_command(
        self, command: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every command has --help, which exits 0."""
        assert main([command, "--help"]) == 0
        assert capsys.readouterr().out.startswith(
            f"usage: negotiation-records {command}"
        )

    def test_no_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No command is a usage error."""
        assert main([]) == 2
        assert (
            "the following arguments are required: COMMAND" in capsys.readouterr().err
        )

    def test_unknown_zone(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown --tz is a usage error naming the zone."""
        assert main(["timeline", str(talks), "--tz", "Europe/Kiev2"]) == 2
        assert (
            "argument --tz: unknown time zone 'Europe/Kiev2'" in capsys.readouterr().err
        )

    def test_bad_duration(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--within takes an ISO 8601 duration."""
        assert main(["deadlines", str(talks), "--within", "2 weeks"]) == 2
        assert "argument --within: " in capsys.readouterr().err

    def test_naive_moment(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A time without an offset is refused: the command never guesses a zone."""
        assert main(["show", str(talks), "--at", "2025-07-20T12:00:00"]) == 2
        assert "has no UTC offset" in capsys.readouterr().err

    def test_main_module(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`python -m negotiation_records` exits with the status main() returns."""
        monkeypatch.setattr(sys, "argv", ["negotiation-records", "schema", "Window"])
        with pytest.raises(SystemExit) as info:
            runpy.run_module("negotiation_records", run_name="__main__")
        assert info.value.code == 0
        assert json.loads(capsys.readouterr().out)["title"] == "Window"

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version returns 0."""
        assert main(["--version"]) == 0
        assert capsys.readouterr().out.startswith("negotiation-records 0.")

    def test_version_is_read_only_when_asked_for(
        self,
        talks: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """
        The package's metadata is read for --version alone: a command runs
        where it cannot be read (it was read whenever the parser was built, so
        a file system that refuses to open files failed every command).
        """
        import importlib.metadata

        def unreadable(name: str) -> str:
            raise importlib.metadata.PackageNotFoundError(name)

        monkeypatch.setattr(importlib.metadata, "version", unreadable)
        assert main(["validate", str(talks)]) == 0
        assert main(["--version"]) == 0
        assert capsys.readouterr().out.endswith(
            "negotiation-records (version unknown: the package is not installed)\n"
        )


class TestExits:
    def test_keyboard_interrupt(
        self, talks: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Ctrl-C ends the command quietly with 130."""

        def interrupted(*args: object) -> Iterator[Any]:
            raise KeyboardInterrupt

        monkeypatch.setattr(cli, "read_records", interrupted)
        assert main(["validate", str(talks)]) == 130

    def test_broken_pipe(self, talks: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A reader that goes away (`| head`) ends the command quietly with 0."""

        def closed(*args: object) -> Iterator[Any]:
            raise BrokenPipeError

        monkeypatch.setattr(cli, "read_records", closed)
        monkeypatch.setattr(cli, "silence", lambda stream: None)
        assert main(["validate", str(talks)]) == 0

    def test_library_error(
        self,
        talks: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """An error the library raises on purpose is printed, not a traceback."""

        def refuse(*args: object, **kwargs: object) -> None:
            raise ValidationError([("at", "cannot be asked about")])

        monkeypatch.setattr(Negotiation, "upcoming_deadlines", refuse)
        assert main(["deadlines", str(talks), "--at", "2025-07-20"]) == 1
        out, err = capsys.readouterr()
        assert out == ""  # nothing printed before the error: no half table
        assert err == "negotiation-records: error: at: cannot be asked about\n"


class TestShow:
    def test_summary(self, talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`show` lists parties, rounds, open proposals and pending ultimatums."""
        assert main(["show", str(talks), "--at", AT]) == 0
        out, err = capsys.readouterr()
        assert err == ""
        assert out.splitlines() == [
            "Russia–Ukraine peace talks, 2025 [russia-ukraine-2025] — stalled",
            f"as of {AT}",
            "Parties:",
            "  id             name           kind   role",
            "  ukraine        Ukraine        state  principal",
            "  russia         Russia         state  principal",
            "  united-states  United States  state  third-party",
            "  turkiye        Türkiye        state  host",
            "Rounds:",
            "  round  status    when                                where     outcomes",
            "  1      held      2025-05-16                          Istanbul  1",
            "  2      held      2025-06-02                          Istanbul  2",
            "  3      proposed  next week (2025-07-21..2025-07-27)  -         0",
            "Open proposals:",
            "  id                    by       to      made on     status   summary",
            "  new-round-invitation  ukraine  russia  2025-07-19  pending  A new round "
            "of talks next week, invitation sent by Rustem Umerov",
            "  leaders-meeting       ukraine  russia  2025-07-19  pending  A meeting of "
            "Zelenskyy and Putin at the leadership level",
            "Pending ultimatums:",
            "  id                    by             to      deadline    time left",
            "  us-ultimatum-2025-07  united-states  russia  2025-09-02  due in 6 weeks",
        ]

    def test_after_the_deadline(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Once the deadline has passed no ultimatum is pending."""
        assert main(["show", str(talks), "--at", "2025-09-03"]) == 0
        assert "Pending ultimatums:\n  (none)\n" in capsys.readouterr().out

    def test_revised_deadline_in_force(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The deadline shown is the one in force at --at."""
        talks = seed_record()
        cut = talks.ultimatum("us-ultimatum-2025-07").revise_deadline(
            Deadline.after(pendulum.date(2025, 7, 29), days=10),
            on=pendulum.date(2025, 7, 29),
        )
        path = tmp_path / "cut.json"
        path.write_text(to_json(talks.with_ultimatum(cut)), encoding="utf-8")
        assert main(["show", str(path), "--at", "2025-07-20"]) == 0
        assert "2025-09-02  due in 6 weeks" in capsys.readouterr().out
        assert main(["show", str(path), "--at", "2025-07-30"]) == 0
        assert "2025-08-08  due in 10 days" in capsys.readouterr().out

    def test_default_is_now(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --at the summary is as of now, in UTC."""
        before = pendulum.now("UTC").to_date_string()
        assert main(["show", str(talks)]) == 0
        line = capsys.readouterr().out.splitlines()[1]
        assert line.startswith("as of ")
        assert line.endswith("Z")
        assert line[6:16] >= before

    def test_json_lines_of_several(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A JSON Lines file of negotiations is summarised record by record."""
        path = tmp_path / "two.jsonl"
        write_jsonl([seed_record(), seed_record()], path)
        assert main(["show", str(path), "--at", AT]) == 0
        out = capsys.readouterr().out
        assert out.count("Russia–Ukraine peace talks, 2025 [russia-ukraine-2025]") == 2
        assert "\n\nRussia–Ukraine" in out

    def test_missing_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing file is told as validate tells it, then the error; exit 1."""
        missing = tmp_path / "missing.json"
        assert main(["show", str(missing)]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert err == (
            f"{missing}:0: $: no such file\n"
            f"negotiation-records: error: {missing} cannot be read\n"
        )

    def test_empty_json_lines(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A JSON Lines file with no record has nothing to show."""
        path = tmp_path / "empty.jsonl"
        path.write_text("\n")
        assert main(["show", str(path)]) == 1
        assert capsys.readouterr().err == (
            f"{path}:0: $: holds no record\n"
            f"negotiation-records: error: {path} holds no record\n"
        )

    def test_json_lines_with_bad_records(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The summary counts the records, not "a valid record" of four."""
        good = json.dumps(json.loads(talks.read_text(encoding="utf-8")))
        path = tmp_path / "many.jsonl"
        path.write_text(f'{good}\n{{"id": 5}}\n{good}\n[]\n', encoding="utf-8")
        assert main(["timeline", str(path)]) == 1
        err = capsys.readouterr().err.splitlines()
        assert all(line.startswith((f"{path}:2: ", f"{path}:4: ")) for line in err[:-1])
        assert err[-1] == (
            f"negotiation-records: error: {path} has {len(err) - 1} problems "
            "in 2 of 4 records"
        )

    def test_whole_record_problem(
        self, dangling: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An invalid record is not summarised; its problems are listed."""
        assert main(["show", str(dangling)]) == 1
        assert capsys.readouterr().err.splitlines() == [
            f"{dangling}:1: proposals[1].addressed_to[0]: unknown party 'rusia'",
            f"negotiation-records: error: {dangling} is not a valid record (1 problem)",
        ]


def _issued_at(tmp_path: Path, issued: pendulum.DateTime) -> Path:
    """The seed record's ultimatum issued at *issued* (50 days to run), as a file."""
    talks = seed_record()
    ultimatum = attrs.evolve(
        talks.ultimatum("us-ultimatum-2025-07"),
        issued_at=issued,
        deadline=Deadline.after(issued, days=50),
    )
    path = tmp_path / "zoned.json"
    path.write_text(to_json(talks.with_ultimatum(ultimatum)), encoding="utf-8")
    return path


class TestTimeline:
    def test_table(self, talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`timeline` prints every event in time order, one row each."""
        assert main(["timeline", str(talks)]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0] == "Timeline of Russia–Ukraine peace talks, 2025:"
        assert lines[1].split() == ["when", "what", "record", "summary"]
        assert lines[2].startswith(
            "  2025-05-16  round      1                     Round 1 held in Istanbul"
        )
        assert lines[-1] == (
            "  2025-09-02  deadline   us-ultimatum-2025-07  Deadline of ultimatum "
            "'us-ultimatum-2025-07' falls due (50 days after 2025-07-14)"
        )
        assert len(lines) == 2 + len(seed_record().timeline())

    def test_at_marks_the_moment(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--at adds a row between the events before and after it."""
        assert main(["timeline", str(talks), "--at", "2025-07-20"]) == 0
        rows = [line.split()[:2] for line in capsys.readouterr().out.splitlines()[2:]]
        index = rows.index(["2025-07-20", "at"])
        assert rows[index - 1][0] == "2025-07-19"
        assert rows[index + 1] == ["2025-07-21", "round"]

    def test_at_stands_where_the_timeline_puts_it(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Noon on the due day is before the deadline, which the timeline shows
        at the end of its day (and `deadlines` calls due in 12 hours); the
        next day is after it.
        """

        def around(at: str) -> tuple[list[str], list[str]]:
            assert main(["timeline", str(talks), "--at", at]) == 0
            lines = capsys.readouterr().out.splitlines()[2:]
            rows = [line.split()[:2] for line in lines]
            index = [row[1] for row in rows].index("at")
            return rows[index - 1], rows[index + 1] if index + 1 < len(rows) else []

        before, after = around("2025-09-02T12:00:00Z")
        assert after == ["2025-09-02", "deadline"]
        assert before[1] != "deadline"
        before, after = around("2025-09-03")
        assert before == ["2025-09-02", "deadline"]
        assert after == []

    def test_at_comes_after_what_happened_by_then(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        01:00 on 20 July in Istanbul is 22:00 on the 19th in UTC: as of
        midnight UTC it has happened, and so has what is dated 20 July (a
        day counts from its start), so the row comes after both; a deadline
        due at that very instant has passed ("passed just now").
        """
        said = seed_record().statements[0]
        due = pendulum.datetime(2025, 7, 20, tz="UTC")
        ultimatum = attrs.evolve(
            seed_record().ultimatum("us-ultimatum-2025-07"),
            deadline=Deadline.on(due),
            responses=(),
        )
        talks = Negotiation(
            id="t",
            title="T",
            parties=seed_record().parties,
            sources=seed_record().sources,
            ultimatums=[ultimatum],
            statements=[
                attrs.evolve(said, id="dated", said_on=pendulum.date(2025, 7, 20)),
                attrs.evolve(
                    said,
                    id="timed",
                    said_on=pendulum.datetime(2025, 7, 20, 1, tz="Europe/Istanbul"),
                ),
            ],
        )
        path = tmp_path / "t.json"
        path.write_text(to_json(talks), encoding="utf-8")
        assert main(["timeline", str(path), "--at", "2025-07-20T00:00:00Z"]) == 0
        rows = [line.split()[1] for line in capsys.readouterr().out.splitlines()[2:]]
        assert rows[-1] == "at"
        assert rows.count("statement") == 2
        assert "deadline" in rows

    def test_at_after_everything(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An --at after the last event is the last row."""
        assert main(["timeline", str(talks), "--at", "2026"]) == 0
        last = capsys.readouterr().out.splitlines()[-1]
        assert last.split()[:2] == ["2026", "at"]

    def test_zone(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--tz shows times of day in that zone; dates stay as they are."""
        issued = pendulum.datetime(2025, 7, 14, 12, tz="America/New_York")
        path = _issued_at(tmp_path, issued)
        assert main(["timeline", str(path), "--tz", "Europe/Kyiv"]) == 0
        out = capsys.readouterr().out
        assert "  2025-07-14T19:00:00+03:00[Europe/Kyiv]  ultimatum" in out
        assert "  2025-09-02T19:00:00+03:00[Europe/Kyiv]  deadline" in out
        assert "  2025-05-16                              round" in out
        assert main(["timeline", str(path)]) == 0
        assert (
            "  2025-07-14T12:00:00-04:00[America/New_York]  ultimatum"
            in capsys.readouterr().out
        )

    def test_the_at_row_in_a_zone(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With --tz, a date --at is shown as the instant it is read at (the
        start of its day in UTC), in order with the times around it."""
        issued = pendulum.datetime(2025, 7, 13, 16, tz="America/Vancouver")
        path = _issued_at(tmp_path, issued)
        argv = [
            "timeline",
            str(path),
            "--at",
            "2025-07-14",
            "--tz",
            "America/Vancouver",
        ]
        assert main(argv) == 0
        rows = [line.split() for line in capsys.readouterr().out.splitlines()]
        whens = [row[0] for row in rows[2:] if row[1] in ("at", "ultimatum")]
        assert whens == [
            "2025-07-13T16:00:00-07:00[America/Vancouver]",
            "2025-07-13T17:00:00-07:00[America/Vancouver]",
        ]
        assert main(["timeline", str(path), "--at", "2025-07-14"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert any(line.split()[:2] == ["2025-07-14", "at"] for line in lines)

    def test_show_gives_a_rounds_end(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A round of two days shows both, as a window is written."""
        held = Round(
            number=1,
            status="held",
            starts=pendulum.date(2025, 5, 10),
            ends=pendulum.date(2025, 5, 11),
            location="Geneva",
        )
        path = tmp_path / "geneva.json"
        path.write_text(to_json(Negotiation(id="t", title="T", rounds=[held])))
        assert main(["show", str(path), "--at", "2025-06-01"]) == 0
        rows = capsys.readouterr().out.splitlines()
        assert "  1      held    2025-05-10..2025-05-11  Geneva  0" in rows

    @pytest.mark.parametrize("command", ["show", "timeline", "deadlines"])
    def test_the_status_in_json_is_the_one_at(
        self, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        With --at, the record's status in the JSON output is the one in force
        then, in every command (the talks collapsed later were active).
        """
        collapsed = Negotiation(id="t", title="T").with_status(
            "collapsed", on=pendulum.date(2025, 8, 1)
        )
        path = tmp_path / "collapsed.json"
        path.write_text(to_json(collapsed), encoding="utf-8")
        argv = [command, str(path), "--format", "json"]
        for at, status in (("2025-07-01", "active"), ("2025-08-02", "collapsed")):
            assert main([*argv, "--at", at]) == 0
            [record] = json.loads(capsys.readouterr().out)["negotiations"]
            assert record["status"] == status

    @pytest.mark.parametrize("command", ["show", "timeline", "deadlines"])
    def test_without_at_the_status_is_todays(
        self, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A change recorded for a later year is not the status now, in any command."""
        later = Negotiation(id="t", title="T").with_status(
            "concluded", on=pendulum.date(2099, 1, 1)
        )
        path = tmp_path / "later.json"
        path.write_text(to_json(later), encoding="utf-8")
        assert main([command, str(path), "--format", "json"]) == 0
        [record] = json.loads(capsys.readouterr().out)["negotiations"]
        assert record["status"] == "active"


class TestDeadlines:
    def test_due_and_passed(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`deadlines` says what is due, with the time left, and what has passed."""
        assert main(["deadlines", str(talks), "--at", "2025-08-22"]) == 0
        assert capsys.readouterr().out.splitlines() == [
            "Russia–Ukraine peace talks, 2025 — deadlines as of 2025-08-22",
            "Due:",
            "  ultimatum             by             to      due         time left",
            "  us-ultimatum-2025-07  united-states  russia  2025-09-02  due in 12 days",
            "Passed:",
            "  (none)",
        ]

    def test_within(self, talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--within keeps only what falls due in that period."""
        assert (
            main(["deadlines", str(talks), "--at", "2025-08-22", "--within", "P7D"])
            == 0
        )
        out = capsys.readouterr().out
        assert "Due within 7 days (by 2025-08-29):\n  (none)\n" in out
        assert (
            main(["deadlines", str(talks), "--at", "2025-08-22", "--within", "P2W"])
            == 0
        )
        out = capsys.readouterr().out
        assert "Due within 2 weeks (by 2025-09-05):\n" in out
        assert "due in 12 days" in out

    def test_passed(self, talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """After the deadline it is listed as passed, with how long ago."""
        assert main(["deadlines", str(talks), "--at", "2025-09-05"]) == 0
        assert capsys.readouterr().out.splitlines()[-2:] == [
            "  ultimatum             by             to      due         passed",
            "  us-ultimatum-2025-07  united-states  russia  2025-09-02  passed 2 days ago",
        ]


class TestSchema:
    def test_default_is_negotiation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`schema` prints the JSON Schema of a Negotiation."""
        assert main(["schema"]) == 0
        schema = json.loads(capsys.readouterr().out)
        assert schema == json_schema(Negotiation)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["title"] == "Negotiation"

    def test_named_type(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`schema Party` prints the Party schema."""
        assert main(["schema", "Party"]) == 0
        assert json.loads(capsys.readouterr().out)["title"] == "Party"

    def test_unknown_type(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown type is a usage error listing the known ones."""
        assert main(["schema", "Empire"]) == 2
        err = capsys.readouterr().err
        assert "argument TYPE: invalid choice: 'Empire' (choose from " in err
        assert "Negotiation" in err


class TestTerminal:
    """On a terminal, tables and the progress bar come from rich."""

    @pytest.fixture
    def terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(_cli_output, "is_terminal", lambda stream: True)
        monkeypatch.setattr(_cli_read, "is_terminal", lambda stream: True)
        monkeypatch.setenv("COLUMNS", "160")

    @pytest.mark.usefixtures("terminal")
    def test_rich_tables(self, talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Tables are drawn with rich; an empty one is a single line."""
        assert main(["deadlines", str(talks), "--at", "2025-08-22"]) == 0
        out = capsys.readouterr().out
        assert "┃ ultimatum " in out
        assert (
            "│ us-ultimatum-2025-07 │ united-states │ russia │ 2025-09-02 │ due in 12 days │"
            in out
        )
        assert "Passed: (none)" in out

    @pytest.mark.usefixtures("terminal")
    def test_record_text_is_not_markup(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Square brackets in a record are printed as they are."""
        talks = attrs.evolve(seed_record(), title="Talks [draft]")
        path = tmp_path / "draft.json"
        path.write_text(to_json(talks), encoding="utf-8")
        assert main(["timeline", str(path)]) == 0
        assert "Timeline of Talks [draft]" in capsys.readouterr().out

    @pytest.mark.usefixtures("terminal")
    def test_progress_bar(self, many: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Reading a JSON Lines file on a terminal shows a progress bar on stderr."""
        assert main(["validate", str(many)]) == 1
        out, err = capsys.readouterr()
        assert out.startswith(f"{many}:3: parties[1].kind:")
        assert "many.jsonl" in err

    @pytest.mark.skipif(not hasattr(os, "openpty"), reason="no terminals here")
    def test_problems_are_printed_above_the_bar(
        self, many: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Standard output and standard error one terminal, as in an interactive
        shell: each problem is printed on a line of its own, the bar erased
        first, not after the bar on its line (which left a copy of the bar
        on the screen for each problem).
        """
        status, shown = shown_on_a_terminal(["validate", str(many)], monkeypatch)
        assert status == 1
        bar = shown.index("many.jsonl")
        problem = shown.index(f"{many}:3: parties[1].kind:")
        assert bar < problem
        assert shown[:problem].endswith(("\n", "\x1b[2K"))
        assert shown.rstrip().endswith("1 problem in 1 of 1 file (5 records checked)")

    @pytest.mark.usefixtures("terminal")
    def test_progress_bar_of_a_name_like_markup(
        self, many: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file's name is shown in the bar as it is: "[/x]" or "[red]" is text."""
        (tmp_path / "a[").mkdir()
        for name in ("a[/x].jsonl", "[red]talks.jsonl"):
            path = tmp_path / name
            path.write_bytes(many.read_bytes())
            assert main(["validate", str(path)]) == 1
            out, err = capsys.readouterr()
            assert out.startswith(f"{path}:3: parties[1].kind:")
            assert str(path) in err

    @pytest.mark.usefixtures("terminal")
    def test_no_bar_for_an_empty_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file with nothing to count (empty, or a pipe) is read without a bar."""
        path = tmp_path / "empty.jsonl"
        path.write_text("")
        assert main(["validate", str(path)]) == 1
        out, err = capsys.readouterr()
        assert out == f"{path}:0: $: holds no record\n"
        assert err == "1 problem in 1 of 1 file (0 records checked)\n"

    @pytest.mark.parametrize("text", ["", "\n\n", " \r\n"])
    def test_a_file_of_no_record_is_a_problem(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
    ) -> None:
        """As for show, timeline and export: a truncated file does not pass."""
        path = tmp_path / "blank.jsonl"
        path.write_text(text)
        assert main(["validate", "--format", "json", str(path)]) == 1
        document = json.loads(capsys.readouterr().out)
        assert document["ok"] is False
        assert document["files"] == [{"file": str(path), "records": 0, "problems": 1}]
        assert document["problems"][0]["message"] == "holds no record"

    def test_plain_without_rich(
        self,
        talks: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Without the cli extra a terminal gets the plain tables."""
        monkeypatch.setattr(_cli_output, "is_terminal", lambda stream: True)
        monkeypatch.setattr(_cli_read, "is_terminal", lambda stream: True)
        monkeypatch.setitem(sys.modules, "rich", None)
        assert main(["deadlines", str(talks), "--at", "2025-08-21"]) == 0
        assert "  us-ultimatum-2025-07  united-states" in capsys.readouterr().out

    def test_is_terminal(self) -> None:
        """Streams that are not terminals, closed or not streams at all, are not terminals."""
        closed = io.StringIO()
        closed.close()
        assert _cli_read.is_terminal(io.StringIO()) is False
        assert _cli_read.is_terminal(closed) is False
        assert _cli_read.is_terminal(object()) is False  # type: ignore[arg-type]


def console_examples() -> list[tuple[str, str]]:
    """The `$ command` lines of the console blocks in docs/cli.md, with their output."""
    text = DOCS_PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"^```console\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)
    examples: list[tuple[str, list[str]]] = []
    for block in blocks:
        for line in block.splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            else:
                examples[-1][1].append(line)
    return [(command, "\n".join(output)) for command, output in examples]


class TestDocsPage:
    """The console examples of docs/cli.md are what the installed command prints."""

    @pytest.fixture
    def workdir(self, tmp_path: Path) -> Path:
        """talks.json, broken.json, many.jsonl, truce.json and article50.json, as
        the page describes them."""
        (tmp_path / "talks.json").write_text(
            to_json(seed_record(), indent=2), encoding="utf-8"
        )
        for name, example in (
            ("truce.json", "trade_truce_2025"),
            ("article50.json", "article_50"),
        ):
            record = load_example(example).build_record()
            (tmp_path / name).write_text(to_json(record, indent=2), encoding="utf-8")
        data = seed_data()
        data["history"][0]["status"] = "stuck"
        data["titel"] = "typo"
        (tmp_path / "broken.json").write_text(
            json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        lines = []
        for index in range(4):
            data = seed_data()
            data["id"] = f"talks-{index}"
            if index == 2:
                data["parties"][1]["kind"] = "stat"
            lines.append(json.dumps(data, ensure_ascii=False))
        (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        version_1 = json.loads(VERSION_1.read_text(encoding="utf-8"))
        (tmp_path / "ultimatums.v1.jsonl").write_text(
            "".join(json.dumps(u) + "\n" for u in version_1["ultimatums"]),
            encoding="utf-8",
        )
        return tmp_path

    def test_the_pages_command_writes_the_truce(
        self, workdir: Path, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        """The command the page gives to write ``truce.json`` writes the file
        its examples read, run where a clone's examples folder is."""
        text = DOCS_PAGE.read_text(encoding="utf-8")
        command = re.search(r'^python -c "(.*)"$', text, re.MULTILINE)
        assert command is not None
        clone = tmp_path_factory.mktemp("clone")
        shutil.copytree(DOCS_PAGE.parent.parent / "examples", clone / "examples")
        subprocess.run(  # noqa: S603 - this interpreter, the page's code
            [sys.executable, "-c", command.group(1)], cwd=clone, check=True
        )
        written = (clone / "truce.json").read_text(encoding="utf-8")
        assert written == (workdir / "truce.json").read_text(encoding="utf-8")

    def test_page_has_examples(self) -> None:
        """The page shows every command but schema at work."""
        commands = {shlex.split(command)[1] for command, _ in console_examples()}
        assert commands == {
            "validate",
            "show",
            "timeline",
            "deadlines",
            "plot",
            "export",
        }

    @pytest.mark.parametrize(
        ("command", "expected"),
        console_examples(),
        ids=[command for command, _ in console_examples()],
    )
    def test_console_example(self, workdir: Path, command: str, expected: str) -> None:
        """The command prints exactly what the page shows (stdout and stderr in order)."""
        argv = shlex.split(command)
        assert argv[0] == "negotiation-records"
        assert SCRIPT is not None
        result = subprocess.run(  # noqa: S603 - the installed script, arguments from the docs
            [SCRIPT, *argv[1:]],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            check=False,
            cwd=workdir,
            timeout=300,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"},
        )
        assert result.stdout.rstrip("\n") == expected
