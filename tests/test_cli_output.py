"""The command line's output: tables one row a line, closed pipes and streams, full disks."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation_records import Deadline, to_plover
from negotiation_records._cli_streams import bidi_closed
from negotiation_records.cli import main
from negotiation_records.serialization import to_dict, to_json
from tests.seed import load_example, seed_record
from tests.test_cli import SCRIPT, seed_data, shown_on_a_terminal


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


def into_a_closed_pipe(
    *args: str | Path, unbuffered: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """
    Run the script with standard output a pipe whose reader has gone away
    (``| true``, once ``true`` has ended): every write to it fails.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
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
            env=env,
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


#: Line breaks of every kind, and a tab, each as one space would read.
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\t", " \n  "]


def with_breaks(data: dict[str, Any], sep: str) -> dict[str, Any]:
    """*data*, the article 50 record, its free text broken with *sep*."""
    data["title"] = f"Withdrawal{sep}talks"
    data["parties"][0]["name"] = f"United{sep}Kingdom"
    data["milestones"][0]["title"] = f"The treaties{sep}cease to apply"
    data["votes"][0]["question"] = f"Approve{sep}the agreement"
    data["votes"][0]["body"] = f"House of{sep}Commons"
    data["agreements"][0]["title"] = f"Withdrawal{sep}agreement"
    return data


def broken_seed(sep: str) -> dict[str, Any]:
    """The seed record, its free text broken with *sep*."""
    data = seed_data()
    data["title"] = f"Russia–Ukraine{sep}peace talks"
    data["parties"][0]["name"] = f"Ukraine{sep}(Kyiv)"
    data["rounds"][0]["location"] = f"Istanbul,{sep}Dolmabahçe"
    data["proposals"][0]["summary"] = f"A new round{sep}of talks"
    return data


def printed(tmp_path: Path, data: dict[str, Any], argv: list[str], capsys: Any) -> str:
    path = tmp_path / "record.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main([argv[0], str(path), *argv[1:]]) == 0
    out: str = capsys.readouterr().out
    return out


class TestOneLineCells:
    @pytest.mark.parametrize("sep", BREAKS, ids=ascii)
    @pytest.mark.parametrize(
        "argv",
        [
            ["show", "--at", "2025-07-20"],
            ["deadlines", "--at", "2025-07-20"],
            ["timeline", "--at", "2025-07-20"],
        ],
        ids=lambda argv: argv[0],
    )
    def test_seed(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        sep: str,
        argv: list[str],
    ) -> None:
        """A line break in a record's text is one space in the tables and headings."""
        broken = printed(tmp_path, broken_seed(sep), argv, capsys)
        assert broken == printed(tmp_path, broken_seed(" "), argv, capsys)

    @pytest.mark.parametrize("sep", BREAKS, ids=ascii)
    @pytest.mark.parametrize(
        "argv",
        [["show", "--at", "2019-10-01"], ["deadlines", "--at", "2019-10-01"]],
        ids=lambda argv: argv[0],
    )
    def test_agreements_milestones_votes(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        sep: str,
        argv: list[str],
    ) -> None:
        def data(sep: str) -> dict[str, Any]:
            record = to_dict(load_example("article_50").build_record())
            assert isinstance(record, dict)
            return with_breaks(record, sep)

        broken = printed(tmp_path, data(sep), argv, capsys)
        assert broken == printed(tmp_path, data(" "), argv, capsys)
        assert "Withdrawal talks" in broken
        assert "The treaties cease to apply" in broken

    def test_json_keeps_the_text(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format json gives the text as the record holds it."""
        argv = ["show", "--at", "2025-07-20", "--format", "json"]
        document = json.loads(printed(tmp_path, broken_seed("\r\n"), argv, capsys))
        talks = document["negotiations"][0]
        assert talks["title"] == "Russia–Ukraine\r\npeace talks"
        assert talks["parties"][0]["name"] == "Ukraine\r\n(Kyiv)"
        assert talks["open_proposals"][0]["summary"] == "A new round\r\nof talks"


RLO, LRE, PDF = "\u202e", "\u202a", "\u202c"
RLI, FSI, PDI = "\u2067", "\u2068", "\u2069"


class TestBidirectionalControls:
    """
    A record's text keeps its bidirectional controls, but one left open
    (U+202E writes what follows it right to left) cannot reorder what a
    command prints after it: each cell and heading closes what it opened.
    """

    @pytest.mark.parametrize(
        ("text", "closed"),
        [
            ("Ukraine", "Ukraine"),
            (f"Ukr{RLO}aine", f"Ukr{RLO}aine{PDF}"),
            (f"a{RLO}b{PDF}c", f"a{RLO}b{PDF}c"),  # closed already
            (f"a{LRE}b{RLO}c", f"a{LRE}b{RLO}c{PDF}{PDF}"),
            (f"a{RLI}b", f"a{RLI}b{PDI}"),
            (f"a{RLI}b{RLO}c", f"a{RLI}b{RLO}c{PDF}{PDI}"),
            (f"a{RLI}b{RLO}c{PDI}d", f"a{RLI}b{RLO}c{PDI}d"),  # PDI closes both
            (f"a{RLO}b{FSI}c{PDF}", f"a{RLO}b{FSI}c{PDF}{PDI}{PDF}"),  # PDF inside
            (f"a{PDF}{PDI}b", f"a{PDF}{PDI}b"),  # closers of nothing
            (f"{RLO}{PDI}", f"{RLO}{PDI}{PDF}"),
        ],
        ids=ascii,
    )
    def test_what_is_left_open_is_closed_at_the_end(
        self, text: str, closed: str
    ) -> None:
        assert bidi_closed(text) == closed

    @given(st.text(st.sampled_from(f"ab {RLO}{LRE}{PDF}{RLI}{FSI}{PDI}\u200f")))
    def test_the_text_is_kept_and_nothing_is_left_open(self, text: str) -> None:
        """The text comes first, unchanged, and closing it again adds nothing."""
        closed = bidi_closed(text)
        assert closed.startswith(text)
        assert set(closed[len(text) :]) <= {PDF, PDI}
        assert bidi_closed(closed) == closed

    @pytest.mark.parametrize(
        "argv",
        [["show", "--at", "2025-07-20"], ["timeline", "--at", "2025-07-20"]],
        ids=lambda argv: argv[0],
    )
    def test_a_name_cannot_reorder_the_cells_after_it(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
    ) -> None:
        """Every line that shows the name closes the override it opened."""
        data = seed_data()
        data["parties"][0]["name"] = f"Ukraine {RLO}(Kyiv)"
        out = printed(tmp_path, data, argv, capsys)
        lines = [line for line in out.splitlines() if RLO in line]
        assert lines
        for line in lines:
            assert bidi_closed(line) == line  # nothing left open on the line
            assert line.count(RLO) == line.count(PDF)
        assert data["parties"][0]["name"] in out  # the name as the record holds it

    @pytest.mark.parametrize(
        ("argv", "after"),
        [
            (["show", "--at", "2025-07-20"], " [russia-ukraine-2025] — "),
            (["deadlines", "--at", "2025-07-20"], " — deadlines as of "),
            (["timeline", "--at", "2025-07-20"], ":"),
        ],
        ids=lambda value: value[0] if isinstance(value, list) else "",
    )
    def test_a_title_cannot_reorder_the_heading_after_it(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        argv: list[str],
        after: str,
    ) -> None:
        """
        A title's override is closed where the title ends, not at the end of
        the heading: the id, the status and the moment after it read left to
        right.
        """
        data = seed_data()
        data["title"] = f"Talks {RLO}(draft)"
        heading = printed(tmp_path, data, argv, capsys).splitlines()[0]
        assert f"Talks {RLO}(draft){PDF}{after}" in heading
        assert heading.count(PDF) == 1

    def test_a_file_name_shows_its_controls_escaped(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file name is shown with its controls escaped, as its line feeds are."""
        bad = tmp_path / f"talks{RLO}nosj.json"
        bad.write_text('{"id": "t"}', encoding="utf-8")
        assert main(["validate", str(bad)]) == 1
        out = capsys.readouterr().out
        assert out.startswith(f"{tmp_path}/talks\\u202enosj.json:1: ")
        assert RLO not in out

    def test_a_file_name_shows_its_line_separators_escaped(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """U+2028 and U+2029 end a line for ``str.splitlines`` and some
        editors: escaped, so that each problem stays on one line."""
        bad = tmp_path / "talks\u2028one\u2029two.json"
        bad.write_text('{"id": "t"}', encoding="utf-8")
        assert main(["validate", str(bad)]) == 1
        out = capsys.readouterr().out
        assert out.startswith(f"{tmp_path}/talks\\u2028one\\u2029two.json:1: ")
        assert len(out.splitlines()) == out.count("\n")

    def test_a_json_report_names_the_file_exactly(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``validate --format json`` is for programs: its names are the
        files' own (JSON's escapes carry the line feed and the override
        exactly), so that a program can open the file it names; the raw
        controls never reach the output."""
        bad = tmp_path / f"talks\nwith{RLO}\u2028\x85controls.json"
        bad.write_text('{"id": "t"}', encoding="utf-8")
        assert main(["validate", "--format", "json", str(bad)]) == 1
        out = capsys.readouterr().out
        assert "\\u202e" in out
        assert "\\u2028" in out
        assert "\\u0085" in out
        assert not {RLO, "\u2028", "\x85"} & set(out)
        document = json.loads(out)
        assert document["files"][0]["file"] == str(bad)
        assert document["problems"][0]["file"] == str(bad)
        assert Path(document["problems"][0]["file"]).read_text(encoding="utf-8")

    def test_json_output_escapes_a_records_controls_and_reads_back_exactly(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A title holding an override and a paragraph separator is printed by ``show --format json`` with ``\\u`` escapes
        for them, and reads back as the record holds it."""
        data = seed_data()
        data["title"] = f"Talks {RLO}(draft) \u2029next"
        path = tmp_path / "talks.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert main(["show", "--format", "json", str(path)]) == 0
        out = capsys.readouterr().out
        assert not {RLO, "\u2029"} & set(out)
        assert "Türkiye" in out  # other non-ASCII text stays itself
        assert json.loads(out)["negotiations"][0]["title"] == data["title"]


def redirected(redirect: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the script with the shell's *redirect* (``>&-``, ``> /dev/full``, ...)."""
    assert SCRIPT is not None
    return subprocess.run(  # noqa: S603 - the installed script, test arguments
        ["/bin/sh", "-c", f'exec "$0" "$@" {redirect}', SCRIPT, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


FULL = "negotiation-records: error: cannot write standard output: "
needs_dev_full = pytest.mark.skipif(
    not os.path.exists("/dev/full"), reason="no /dev/full here"
)


class TestStandardStreams:
    @needs_dev_full
    @pytest.mark.parametrize(
        "argv",
        [
            ["show"],
            ["timeline"],
            ["deadlines", "--format", "json"],
            ["export", "--format", "ics", "-o", "-"],
            ["export", "--format", "plover", "-o", "-"],
        ],
        ids=" ".join,
    )
    def test_full_disk(self, talks: Path, argv: list[str]) -> None:
        """`show talks.json > /dev/full`: one line on standard error, exit 1."""
        result = redirected("> /dev/full", argv[0], talks, *argv[1:])
        assert result.returncode == 1
        assert result.stderr == FULL + "No space left on device\n"

    @pytest.mark.parametrize("command", ["show", "timeline", "deadlines"])
    def test_closed_stdout(self, talks: Path, command: str) -> None:
        result = redirected(">&-", command, talks)
        assert result.returncode == 1
        assert result.stderr == FULL + "it is closed\n"

    def test_closed_stdout_and_problems(self, broken: Path) -> None:
        """`validate broken.json >&-`: the problems cannot be printed; still 1."""
        result = redirected(">&-", "validate", broken)
        assert result.returncode == 1
        assert result.stderr.endswith(FULL + "it is closed\n")
        assert "Traceback" not in result.stderr

    def test_closed_stdout_and_nothing_to_print(self, talks: Path) -> None:
        """`validate talks.json >&-` prints nothing on standard output: no failure."""
        result = redirected(">&-", "validate", talks)
        assert result.returncode == 0
        assert result.stderr == "no problems in 1 file (1 record checked)\n"

    def test_closed_stdin(self) -> None:
        """`validate - <&-`: standard input cannot be read, like a missing file."""
        result = redirected("<&-", "validate", "-")
        assert result.returncode == 1
        assert (
            result.stdout == "<stdin>:0: $: cannot read standard input: it is closed\n"
        )
        assert result.stderr == "1 problem in 1 of 1 file (0 records checked)\n"

    @pytest.mark.parametrize("redirect", ["2>&-", "2> /dev/full"])
    def test_closed_stderr(self, talks: Path, broken: Path, redirect: str) -> None:
        """Standard error that cannot be written: only the exit status tells."""
        if "full" in redirect and not os.path.exists("/dev/full"):
            pytest.skip("no /dev/full here")
        assert redirected(redirect, "validate", talks).returncode == 0
        result = redirected(redirect, "validate", broken)
        assert result.returncode == 1
        assert result.stdout.count("broken.json:") == 2
        assert redirected(redirect, "show", broken).returncode == 1
        assert redirected(redirect, "show", talks, "--at", "nope").returncode == 2
        assert redirected(redirect, "nothing").returncode == 2
        result = redirected(redirect, "show", talks)
        assert result.returncode == 0
        assert result.stdout.startswith("Russia–Ukraine peace talks")


class TestPlotTarget:
    @pytest.mark.parametrize("through", ["itself", "link to it", "link to the target"])
    def test_never_the_file_read(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        through: str,
    ) -> None:
        """`plot rec.svg -o rec.svg` is refused, as export refuses it."""
        record = tmp_path / "rec.svg"
        record.write_text(to_json(seed_record(), indent=2), encoding="utf-8")
        before = record.read_bytes()
        link = tmp_path / "link.svg"
        link.symlink_to(record)
        read, target = {
            "itself": (record, record),
            "link to it": (link, record),
            "link to the target": (record, link),
        }[through]
        assert main(["plot", str(read), "-o", str(target)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: {target} is the input file {read}, "
            "which the picture would replace; give another file to write\n"
        )
        assert record.read_bytes() == before

    def test_a_failed_save_leaves_the_picture(
        self,
        talks: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A save that fails half-way leaves the old picture whole, and no other file."""
        from matplotlib.figure import Figure

        target = tmp_path / "out" / "talks.png"
        target.parent.mkdir()
        target.write_bytes(b"the picture drawn yesterday")
        target.chmod(0o600)

        def half(self: Figure, fname: Any, **kwargs: Any) -> None:
            if isinstance(fname, (str, Path)):
                fname = open(fname, "wb")  # noqa: SIM115 - closed by the error
            fname.write(b"\x89PNG half")
            fname.flush()
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(Figure, "savefig", half)
        assert main(["plot", str(talks), "-o", str(target)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {target}: "
            "No space left on device\n"
        )
        assert target.read_bytes() == b"the picture drawn yesterday"
        assert list(target.parent.iterdir()) == [target]

    def test_mode_of_the_picture_replaced(self, talks: Path, tmp_path: Path) -> None:
        target = tmp_path / "talks.svg"
        target.write_bytes(b"old")
        target.chmod(0o640)
        assert main(["plot", str(talks), "-o", str(target)]) == 0
        assert target.read_bytes().startswith(b"<?xml")
        assert target.stat().st_mode & 0o777 == 0o640
        assert sorted(tmp_path.iterdir()) == [talks, target]

    def test_a_picture_the_user_may_not_write_is_left_as_it_is(
        self,
        talks: Path,
        tmp_path: Path,
        read_only_is_not_writable: None,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """As ``export``: a read-only picture is not replaced (as root too)."""
        target = tmp_path / "talks.svg"
        target.write_bytes(b"the picture drawn yesterday")
        target.chmod(0o444)
        assert main(["plot", str(talks), "-o", str(target)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {target}: Permission denied\n"
        )
        assert target.read_bytes() == b"the picture drawn yesterday"
        assert sorted(tmp_path.iterdir()) == [talks, target]


def longest_name(folder: Path, suffix: str) -> str:
    """A file name in *folder* as long as the system allows, ending in *suffix*."""
    longest = os.pathconf(folder, "PC_NAME_MAX")
    return "b" * (longest - len(suffix)) + suffix


class TestLongestNames:
    @pytest.mark.parametrize("form", ["ics", "plover"])
    def test_export_file(self, talks: Path, tmp_path: Path, form: str) -> None:
        """A name of NAME_MAX bytes can be written: the staging name is short."""
        target = tmp_path / longest_name(tmp_path, ".out")
        argv = ["export", str(talks), "--format", form, "-o", str(target)]
        assert main(argv) == 0
        assert target.stat().st_size > 0
        assert sorted(tmp_path.iterdir()) == sorted([talks, target])

    def test_export_folder(self, talks: Path, tmp_path: Path) -> None:
        pytest.importorskip("pyarrow")
        target = tmp_path / longest_name(tmp_path, "")
        argv = ["export", str(talks), "--format", "parquet", "-o", str(target)]
        assert main(argv) == 0
        assert target.is_dir()
        assert sorted(tmp_path.iterdir()) == sorted([talks, target])

    def test_plot(self, talks: Path, tmp_path: Path) -> None:
        target = tmp_path / longest_name(tmp_path, ".svg")
        assert main(["plot", str(talks), "-o", str(target)]) == 0
        assert target.read_bytes().startswith(b"<?xml")


HELP = [["--help"], ["--version"], ["show", "--help"], ["export", "-h"]]


class TestHelpAndVersion:
    @pytest.mark.parametrize(
        "unbuffered", [False, True], ids=["buffered", "unbuffered"]
    )
    @pytest.mark.parametrize("argv", HELP, ids=" ".join)
    def test_reader_gone(self, argv: list[str], unbuffered: bool) -> None:
        """`negotiation-records --help | true`: 0, quietly, as other output."""
        result = into_a_closed_pipe(*argv, unbuffered=unbuffered)
        assert result.returncode == 0
        assert result.stderr == b""

    @pytest.mark.parametrize("redirect", [">&-", "> /dev/full"])
    @pytest.mark.parametrize("argv", HELP, ids=" ".join)
    def test_cannot_be_written(self, argv: list[str], redirect: str) -> None:
        """Help or version that cannot be written: one line, exit status 1."""
        if "full" in redirect and not os.path.exists("/dev/full"):
            pytest.skip("no /dev/full here")
        result = redirected(redirect, *argv)
        assert result.returncode == 1
        assert result.stderr.startswith(FULL)
        assert result.stderr.count("\n") == 1

    @pytest.mark.parametrize("argv", HELP, ids=" ".join)
    def test_printed(self, argv: list[str]) -> None:
        result = redirected("", *argv)
        assert result.returncode == 0
        assert result.stdout.startswith(("usage: ", "negotiation-records "))
        assert result.stderr == ""


def seconds_left(
    path: Path, at: str, capsys: pytest.CaptureFixture[str]
) -> list[tuple[str, str, int]]:
    """(time_left, the section, seconds_left) of every entry of ``deadlines``' JSON."""
    argv = ["deadlines", str(path), "--at", at, "--format", "json"]
    assert main(argv) == 0
    talks = json.loads(capsys.readouterr().out)["negotiations"][0]
    sections = {"due": talks["due"], "passed": talks["passed"]}
    for when, entries in talks.get("milestones_and_agreements", {}).items():
        sections[f"others {when}"] = entries
    return [
        (entry["time_left"], section, entry["seconds_left"])
        for section, entries in sections.items()
        for entry in entries
    ]


class TestSecondsLeft:
    @pytest.mark.parametrize(
        ("at", "expected"),
        [
            ("2025-09-02T23:59:59Z", ("due", 1)),
            ("2025-09-02T23:59:59.5Z", ("due", 0)),
            ("2025-09-03T00:00:00Z", ("passed", 0)),
            ("2025-09-03T00:00:00.5Z", ("passed", -1)),
            ("2025-09-03T00:00:01Z", ("passed", -1)),
            ("2025-09-03T00:00:01.000001Z", ("passed", -2)),
        ],
    )
    def test_rounded_down(
        self,
        talks: Path,
        capsys: pytest.CaptureFixture[str],
        at: str,
        expected: tuple[str, int],
    ) -> None:
        """Negative as soon as the deadline has passed, half a second after too."""
        [(_, *found)] = seconds_left(talks, at, capsys)
        assert tuple(found) == expected

    def test_milestones_and_agreements(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The same rule for an agreement's expiry (the truce's, 05:01 UTC)."""
        path = tmp_path / "truce.json"
        record = load_example("trade_truce_2025").build_record()
        path.write_text(to_json(record), encoding="utf-8")
        found = seconds_left(path, "2025-11-10T05:01:00.25Z", capsys)
        assert ("passed less than a second ago", "others passed", -1) in found

    def test_exact_far_away(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Exact to the second across the whole calendar (no float rounding)."""
        talks = seed_record()
        ultimatum = talks.ultimatum("us-ultimatum-2025-07")
        deadline = Deadline.on(pendulum.date(9999, 12, 31))
        far = talks.with_ultimatum(attrs.evolve(ultimatum, deadline=deadline))
        path = tmp_path / "far.json"
        path.write_text(to_json(far), encoding="utf-8")
        # the cutoff is the last microsecond of 9999-12-31, in UTC; from a
        # microsecond after midnight, that is 2 microseconds short of whole days
        [(_, section, found)] = seconds_left(
            path, "2025-07-20T00:00:00.000001Z", capsys
        )
        days = (datetime.date(9999, 12, 31) - datetime.date(2025, 7, 20)).days + 1
        assert (section, found) == ("due", days * 86400 - 1)


class TestWideCharacters:
    """Plain tables are aligned by the columns a terminal gives each character."""

    def test_columns_line_up_on_screen(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A Chinese name takes two columns a character, a combining accent
        none: the next column starts at the same place on every line."""
        from negotiation_records._cli_streams import shown_width

        record = seed_record()
        parties = list(record.parties)
        parties[1] = attrs.evolve(parties[1], name="中华人民共和国")
        parties[2] = attrs.evolve(parties[2], name="Türkiye\u0301")
        path = tmp_path / "wide.json"
        path.write_text(to_json(attrs.evolve(record, parties=parties)), "utf-8")
        assert main(["show", str(path), "--at", "2025-07-20"]) == 0
        lines = capsys.readouterr().out.splitlines()
        start = lines.index("Parties:") + 1
        table = lines[start : start + 1 + len(parties)]
        kinds = {shown_width(line[: line.index("  state")]) for line in table[1:]}
        assert len(kinds) == 1
        assert shown_width(table[0][: table[0].index("  kind")]) in kinds

    @pytest.mark.parametrize(
        ("text", "columns"),
        [
            ("Peace \U0001f54a\ufe0f", 8),  # a dove made an emoji by U+FE0F
            ("Team \U0001f44d\U0001f3fd", 7),  # thumbs up with a skin tone
            ("\U0001f468\u200d\U0001f469\u200d\U0001f467", 2),  # a family
            ("\U0001f1fa\U0001f1e6", 2),  # a flag
            ("1\ufe0f\u20e3", 2),  # a keycap
            ("a\u200db", 2),  # a joiner between letters joins no glyph
            ("中\u200dabc", 5),  # nor after a wide letter
            ("中\u200d文", 4),
            ("\u2764\ufe0f\u200d\U0001f525", 2),  # a heart on fire
            ("\U0001f469\u200d\U0001f680x", 3),  # an astronaut, then a letter
            ("中文", 4),
            ("e\u0301", 1),
        ],
    )
    def test_an_emoji_sequence_is_one_wide_glyph(self, text: str, columns: int) -> None:
        """Emoji sequences take the two columns a terminal draws them in."""
        from negotiation_records._cli_streams import shown_width

        assert shown_width(text) == columns


class TestFileNamesThatAreNotUtf8:
    """A file name holding bytes that are not UTF-8 (Linux allows any)."""

    def test_named_with_escapes_and_checked(
        self, tmp_path: Path, broken: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The name is shown with a ``\\xff`` escape, the file's problems are
        listed (they were hidden behind an encoding error), and the JSON
        document is valid UTF-8."""
        raw = os.fsencode(tmp_path) + b"/\xffbad.json"
        with open(raw, "wb") as handle:
            handle.write(broken.read_bytes())
        name = os.fsdecode(raw)
        assert main(["validate", name]) == 1
        out = capsys.readouterr().out
        shown = str(tmp_path) + "/\\xffbad.json"
        assert out.startswith(f"{shown}:")
        assert "cannot write" not in out
        assert main(["validate", "--format", "json", name]) == 1
        document = json.loads(capsys.readouterr().out.encode("utf-8"))
        assert document["files"][0]["file"] == shown


#: A terminal's control sequences (rich's, drawing and erasing its bar).
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _visible_lines(shown: str) -> list[str]:
    """
    The lines of what a terminal was sent, each as it shows once written: a
    carriage return goes back to the line's start (rich then erases the
    bar there), so a line shows what follows its last one.
    """
    return [
        _CONTROL.sub("", line.rstrip("\r").rsplit("\r", 1)[-1])
        for line in shown.split("\n")
    ]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no terminals here")
def test_plover_lines_are_printed_above_the_bar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    ``export --format plover -o -`` with standard output and standard error
    one terminal: the events are written as the records are read, while the
    bar is drawn, each on a line of its own above the bar (they were written
    after the bar, on its line).
    """
    path = tmp_path / "talks.jsonl"
    lines = []
    for index in range(3):
        data = seed_data()
        data["id"] = f"talks-{index}"
        lines.append(json.dumps(data, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["export", str(path), "--format", "plover", "-o", "-"]
    status, shown = shown_on_a_terminal(argv, monkeypatch)
    assert status == 0
    assert "talks.jsonl" in shown  # the bar was drawn
    printed = [json.loads(line) for line in _visible_lines(shown) if "{" in line]
    expected = [
        event
        for index in range(3)
        for event in to_plover(attrs.evolve(seed_record(), id=f"talks-{index}"))
    ]
    assert printed == expected
