"""``negotiation-records export``: Parquet folders, PLOVER events and calendars."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pytest

from negotiation_records import (
    Negotiation,
    _cli_export,
    _cli_read,
    to_ical,
    to_plover,
    write_plover,
)
from negotiation_records.cli import main
from negotiation_records.serialization import to_dict, to_json, write_jsonl
from negotiation_records.timeutil import parse_moment
from tests.seed import seed_record
from tests.test_cli import run


AT = "2025-07-16"


@pytest.fixture
def talks(tmp_path: Path) -> Path:
    path = tmp_path / "talks.json"
    path.write_text(to_json(seed_record(), indent=2), encoding="utf-8")
    return path


def corpus(count: int) -> list[Negotiation]:
    seed = seed_record()
    return [
        attrs.evolve(seed, id=f"talks-{index}", title=f"Talks {index}")
        for index in range(count)
    ]


@pytest.fixture
def many(tmp_path: Path) -> Path:
    path = tmp_path / "many.jsonl"
    write_jsonl(corpus(3), path)
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """Three negotiations, the second with a typo in a party's kind."""
    lines = []
    for index, talks in enumerate(corpus(3)):
        data = to_dict(talks)
        if index == 1:
            data["parties"][0]["kind"] = "stat"
        lines.append(json.dumps(data, ensure_ascii=False))
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class TestPlover:
    def test_a_file_of_events(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "events.jsonl"
        assert main(["export", str(talks), "--format", "plover", "-o", str(out)]) == 0
        events = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
        assert events == to_plover(seed_record())
        assert f"wrote {len(events)} PLOVER events from 1 negotiation to {out}" in (
            capsys.readouterr().err
        )

    def test_standard_output_and_as_of(
        self, many: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert (
            main(["export", str(many), "--format", "plover", "-o", "-", "--at", AT])
            == 0
        )
        captured = capsys.readouterr()
        printed = [json.loads(line) for line in captured.out.splitlines()]
        assert "PLOVER events from 3 negotiations to standard output\n" in (
            captured.err
        )
        at = parse_moment(AT)
        expected = [event for t in corpus(3) for event in to_plover(t.as_of(at))]
        assert printed == expected

    def test_a_bad_record_stops_the_export_and_leaves_the_target(
        self, broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "events.jsonl"
        out.write_text("earlier content\n", encoding="utf-8")
        assert main(["export", str(broken), "--format", "plover", "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert f"{broken}:2: parties[0].kind: 'stat' is not a valid PartyKind" in err
        assert f"nothing was written to {out}" in err
        assert out.read_text("utf-8") == "earlier content\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "broken.jsonl",
            "events.jsonl",
        ]

    def test_a_bad_record_on_standard_output_says_it_is_incomplete(
        self, broken: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["export", str(broken), "--format", "plover", "-o", "-"]) == 1
        assert "standard output is incomplete" in capsys.readouterr().err

    def test_a_stop_before_any_record_wrote_nothing(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An empty file read first: nothing reached standard output."""
        empty = tmp_path / "empty.jsonl"
        empty.write_text("")
        assert main(["export", str(empty), "--format", "plover", "-o", "-"]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert err.endswith("nothing was written to standard output\n")

    def test_an_unreadable_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        missing = tmp_path / "missing.json"
        out = tmp_path / "events.jsonl"
        assert main(["export", str(missing), "--format", "plover", "-o", str(out)]) == 1
        assert f"{missing}:0: $:" in capsys.readouterr().err
        assert not out.exists()


class TestCalendar:
    def test_one_calendar_for_every_file(
        self, talks: Path, many: Path, tmp_path: Path
    ) -> None:
        out = tmp_path / "deadlines.ics"
        assert (
            main(["export", str(talks), str(many), "--format", "ics", "-o", str(out)])
            == 0
        )
        text = out.read_bytes().decode("utf-8")
        assert text == to_ical([seed_record(), *corpus(3)])
        calendar = icalendar.Calendar.from_ical(text)
        assert len(calendar.walk("VEVENT")) == 4 * len(
            icalendar.Calendar.from_ical(to_ical(seed_record())).walk("VEVENT")
        )

    def test_standard_output(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["export", str(talks), "--format", "ics", "-o", "-"]) == 0
        captured = capsys.readouterr()
        assert captured.out == to_ical(seed_record())
        assert "a calendar of" in captured.err
        assert captured.err.endswith("from 1 negotiation to standard output\n")

    @pytest.mark.parametrize("fmt", ["ics", "plover"])
    def test_standard_output_is_utf_8_whatever_its_encoding(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
    ) -> None:
        """A calendar and JSON Lines are UTF-8: on an output in cp1252 (a
        redirected one on Windows), "é" is written as UTF-8, not as one
        cp1252 byte, and each line end as given (no CR added)."""
        path = tmp_path / "talks.json"
        record = attrs.evolve(seed_record(), title="Négociations à Genève")
        path.write_text(to_json(record), encoding="utf-8")
        written = io.BytesIO()
        stdout = io.TextIOWrapper(written, encoding="cp1252", newline="\r\n")
        monkeypatch.setattr(sys, "stdout", stdout)
        assert main(["export", str(path), "--format", fmt, "-o", "-"]) == 0
        stdout.flush()
        text = written.getvalue().decode("utf-8")
        if fmt == "ics":
            assert text == to_ical(record)
        else:
            lines = io.StringIO()
            write_plover(record, lines)
            assert text == lines.getvalue()

    def test_the_events_counted_are_the_calendars(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Text that reads like an event's first line is not counted as one."""
        path = tmp_path / "talks.json"
        empty = Negotiation(id="bv", title="BEGIN:VEVENT")
        path.write_text(to_json(empty), encoding="utf-8")
        assert main(["export", str(path), "--format", "ics", "-o", "-"]) == 0
        captured = capsys.readouterr()
        assert "BEGIN:VEVENT" in captured.out  # the title, in NAME and X-WR-CALNAME
        assert "a calendar of 0 events from 1 negotiation" in captured.err

        path.write_text(to_json(seed_record()), encoding="utf-8")
        assert main(["export", str(path), "--format", "ics", "-o", "-"]) == 0
        captured = capsys.readouterr()
        events = len(icalendar.Calendar.from_ical(captured.out).walk("VEVENT"))
        assert events >= 1
        counted = f"{events} event{'' if events == 1 else 's'}"
        assert f"a calendar of {counted} from 1 negotiation" in captured.err

    def test_a_bad_record_on_standard_output_writes_nothing(
        self, broken: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A calendar is written whole, once made: a bad record stops it unwritten."""
        assert main(["export", str(broken), "--format", "ics", "-o", "-"]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "nothing was written to standard output" in captured.err


class TestParquet:
    def test_a_folder_per_table(
        self, many: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        pytest.importorskip("pyarrow")
        from negotiation_records.tables import to_tables

        out = tmp_path / "corpus"
        argv = ["export", str(many), "--format", "parquet", "-o", str(out)]
        assert main([*argv, "--batch-size", "2"]) == 0
        tables = to_tables(corpus(3))
        import pyarrow.parquet as pq

        for name, table in tables.items():
            assert (out / name).is_dir()
            assert pq.read_table(out / name).num_rows == table.num_rows
        rows = sum(t.num_rows for t in tables.values())
        assert f"wrote {rows} rows in {len(tables)} tables" in capsys.readouterr().err

    def test_a_target_that_holds_something(
        self, many: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        pytest.importorskip("pyarrow")
        out = tmp_path / "corpus"
        out.mkdir()
        (out / "notes.txt").write_text("keep", encoding="utf-8")
        argv = ["export", str(many), "--format", "parquet", "-o", str(out)]
        assert main(argv) == 1
        assert "is not empty (give --overwrite" in capsys.readouterr().err
        assert [p.name for p in out.iterdir()] == ["notes.txt"]
        assert main([*argv, "--overwrite"]) == 0
        assert (out / "events").is_dir()
        assert not (out / "notes.txt").exists()

    def test_an_overwrite_that_cannot_move_in(
        self,
        many: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The new tables cannot take the old folder's place: it is put back as it was."""
        pytest.importorskip("pyarrow")
        out = tmp_path / "corpus"
        out.mkdir()
        (out / "notes.txt").write_text("keep", encoding="utf-8")
        real = Path.rename
        moves_in: list[Path] = []

        def rename(self: Path, target: Any) -> Path:
            if Path(target) == out and not moves_in:
                moves_in.append(self)
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            return real(self, target)

        monkeypatch.setattr(Path, "rename", rename)
        argv = ["export", str(many), "--format", "parquet", "-o", str(out)]
        assert main([*argv, "--overwrite"]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {out}: "
            f"{os.strerror(errno.EACCES)}\n"
        )
        assert moves_in[0].name.startswith(".negotiation-records-")
        assert [p.name for p in out.iterdir()] == ["notes.txt"]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "many.jsonl"]

    def test_an_overwrite_whose_old_folder_cannot_be_deleted(
        self,
        many: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The new tables are in place; what is left of the old folder is named."""
        pytest.importorskip("pyarrow")
        out = tmp_path / "corpus"
        out.mkdir()
        (out / "notes.txt").write_text("keep", encoding="utf-8")

        def refuse(path: Any, *args: Any, **kwargs: Any) -> None:
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

        monkeypatch.setattr(shutil, "rmtree", refuse)
        argv = ["export", str(many), "--format", "parquet", "-o", str(out)]
        assert main([*argv, "--overwrite"]) == 1
        (left,) = [p for p in tmp_path.iterdir() if p.name.startswith(".")]
        assert capsys.readouterr().err == (
            f"negotiation-records: error: wrote the tables to {out}, but the folder "
            f"they replaced could not be removed entirely ({os.strerror(errno.EPERM)}): "
            f"what is left of it is in {left}\n"
        )
        assert (out / "events").is_dir()
        assert not (out / "notes.txt").exists()
        assert [p.name for p in left.iterdir()] == ["notes.txt"]

    @pytest.mark.parametrize("form", ["parquet", "plover", "ics"])
    def test_a_name_too_long(
        self,
        form: str,
        many: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A 300-character name cannot be written, in every format: not a traceback."""
        out = tmp_path / ("a" * 300)
        assert main(["export", str(many), "--format", form, "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {out}: "
            f"{os.strerror(errno.ENAMETOOLONG)}\n"
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl"]

    def test_a_file_as_target(
        self, many: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "corpus"
        out.write_text("a file", encoding="utf-8")
        argv = ["export", str(many), "--format", "parquet", "-o", str(out)]
        assert main(argv) == 1
        assert "is a file; parquet writes a folder" in capsys.readouterr().err

    def test_a_bad_record_leaves_no_folder(
        self, broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        pytest.importorskip("pyarrow")
        out = tmp_path / "corpus"
        argv = ["export", str(broken), "--format", "parquet", "-o", str(out)]
        assert main([*argv, "--batch-size", "1"]) == 1
        assert "parties[0].kind" in capsys.readouterr().err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.jsonl"]

    def test_a_value_no_column_holds(
        self,
        talks: Path,
        many: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Reported as a record's problem: its file, its path, its negotiation."""
        pytest.importorskip("pyarrow")
        data = to_dict(attrs.evolve(seed_record(), id="big"))
        data["votes"] = [
            {
                "id": "v",
                "body": "Rada",
                "on": "2025-07-01",
                "question": "Ratify?",
                "result": "passed",
                "yes": 2**70,
            }
        ]
        big = tmp_path / "big.json"
        big.write_text(json.dumps(data), encoding="utf-8")
        assert main(["validate", str(big)]) == 0
        capsys.readouterr()
        out = tmp_path / "corpus"
        argv = ["export", str(talks), str(big), str(many), "--format", "parquet"]
        assert main([*argv, "-o", str(out), "--batch-size", "2"]) == 1
        assert capsys.readouterr().err == (
            f"{big}: votes[0].yes: {2**70} does not fit an int64 column "
            "(negotiation 'big')\n"
            "negotiation-records: error: export stopped at the first problem; "
            f"nothing was written to {out}\n"
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "big.json",
            "many.jsonl",
            "talks.json",
        ]

    def test_without_pyarrow(
        self,
        many: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        import sys

        monkeypatch.setitem(sys.modules, "pyarrow", None)
        monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
        out = tmp_path / "corpus"
        argv = ["export", str(many), "--format", "parquet", "-o", str(out)]
        assert main(argv) == 1
        assert "tables" in capsys.readouterr().err
        assert not out.exists()


class TestCalendarAsOf:
    """`export --format ics --at` is `to_ical(..., at=)`: DTSTAMP included."""

    @pytest.mark.parametrize(
        "at",
        [
            "2025-08-01",
            "2025-07-16",
            "2025-06-01",
            "2025-07",
            "2025-07-20T12:00:00+03:00[Europe/Kyiv]",
            "2025-09-03T00:00:00Z",
        ],
    )
    def test_the_same_calendar_as_the_function(
        self, talks: Path, many: Path, at: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        argv = ["export", str(talks), "--format", "ics", "-o", "-", "--at", at]
        assert main(argv) == 0
        assert capsys.readouterr().out == to_ical(seed_record(), at=parse_moment(at))
        assert main([*argv[:2], str(many), *argv[2:]]) == 0
        expected = to_ical([seed_record(), *corpus(3)], at=parse_moment(at))
        assert capsys.readouterr().out == expected

    def test_the_stamp_is_the_day_of_at(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """As docs/calendar.md says: the day of at=, not the sources' latest date."""
        argv = ["export", str(talks), "--format", "ics", "-o", "-"]
        assert main([*argv, "--at", "2025-08-01"]) == 0
        assert "\r\nDTSTAMP:20250801T000000Z\r\n" in capsys.readouterr().out

    def test_plover_as_the_function(
        self, many: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`--format plover --at` is `write_plover(..., at=)`."""
        argv = ["export", str(many), "--format", "plover", "-o", "-", "--at", AT]
        assert main(argv) == 0
        expected = io.StringIO()
        write_plover(corpus(3), expected, at=parse_moment(AT))
        assert capsys.readouterr().out == expected.getvalue()


class TestUidDomain:
    """`export --format ics --uid-domain` is `to_ical(..., uid_domain=)`."""

    def test_the_same_calendar_as_the_function(
        self, talks: Path, many: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        argv = ["export", str(talks), str(many), "--format", "ics", "-o", "-"]
        assert main([*argv, "--uid-domain", "talks.example.org", "--at", AT]) == 0
        expected = to_ical(
            [seed_record(), *corpus(3)],
            at=parse_moment(AT),
            uid_domain="talks.example.org",
        )
        assert capsys.readouterr().out == expected
        assert "@talks.example.org" in expected.replace("\r\n ", "")

    def test_to_a_file(self, talks: Path, tmp_path: Path) -> None:
        """As docs/cli.md shows it."""
        out = tmp_path / "deadlines.ics"
        argv = ["export", str(talks), "--format", "ics", "-o", str(out)]
        assert main([*argv, "--uid-domain", "talks.example.org"]) == 0
        calendar = icalendar.Calendar.from_ical(out.read_bytes())
        assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == [
            "russia-ukraine-2025/rounds/1@talks.example.org",
            "russia-ukraine-2025/rounds/2@talks.example.org",
            "russia-ukraine-2025/ultimatums/us-ultimatum-2025-07/deadline"
            "@talks.example.org",
        ]

    def test_without_it_as_before(
        self, talks: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["export", str(talks), "--format", "ics", "-o", "-"]) == 0
        assert capsys.readouterr().out == to_ical(seed_record())

    @pytest.mark.parametrize(
        ("domain", "expected"),
        [
            ("", "must be a domain name"),
            ("talks@example.org", "U+0040 at index 5 is none of them"),
            ("talks example.org", "U+0020 at index 5 is none of them"),
            ("bücher.example", "write an internationalized name in its ASCII"),
            ("example..org", "must not hold an empty label"),
            ("example.org.", "must not end with a dot"),
            (  # every problem
                "-a..b",
                "must not start or end with a hyphen ('-a'); got '-a..b'; must not "
                "hold an empty label",
            ),
        ],
    )
    def test_a_bad_domain_is_a_usage_error(
        self,
        talks: Path,
        tmp_path: Path,
        domain: str,
        expected: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        out = tmp_path / "x.ics"
        argv = ["export", str(talks), "--format", "ics", "-o", str(out)]
        assert main([*argv, f"--uid-domain={domain}"]) == 2  # "-a..b" too
        err = capsys.readouterr().err
        assert err.startswith("usage: negotiation-records export")
        assert "error: argument --uid-domain: " in err
        assert expected in err
        assert not out.exists()

    @pytest.mark.parametrize("fmt", ["plover", "parquet"])
    def test_only_for_a_calendar(
        self,
        talks: Path,
        tmp_path: Path,
        fmt: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        out = tmp_path / "out"
        argv = ["export", str(talks), "--format", fmt, "-o", str(out)]
        assert main([*argv, "--uid-domain", "talks.example.org"]) == 2
        assert (
            f"error: argument --uid-domain: only --format ics writes UIDs, not {fmt}\n"
        ) in capsys.readouterr().err
        assert not out.exists()

    @pytest.mark.parametrize("fmt", ["plover", "ics"])
    def test_parquet_options_only_for_parquet(
        self,
        talks: Path,
        tmp_path: Path,
        fmt: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """``--overwrite`` and ``--batch-size`` with another format: both told."""
        out = tmp_path / "out"
        argv = ["export", str(talks), "--format", fmt, "-o", str(out)]
        assert main([*argv, "--overwrite", "--batch-size", "7"]) == 2
        err = capsys.readouterr().err
        assert (
            f"error: argument --overwrite: only --format parquet replaces a folder, "
            f"not {fmt}\n"
        ) in err
        assert (
            f"error: argument --batch-size: only --format parquet writes in batches, "
            f"not {fmt}\n"
        ) in err
        assert not out.exists()

    def test_every_problem_told_with_a_bad_moment(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A refused ``--at`` does not hide what the format says of other options."""
        out = tmp_path / "x.jsonl"
        argv = ["export", str(talks), "--format", "plover", "-o", str(out)]
        assert main([*argv, "--uid-domain", "a.org", "--at", "nope"]) == 2
        err = capsys.readouterr().err
        assert "error: argument --at: 'nope' is not a moment" in err
        assert "error: argument --uid-domain: only --format ics writes UIDs" in err


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    """A JSON Lines file of blank lines: no record."""
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    return path


class TestNoRecord:
    """A file that holds no record (or fails half-way) stops the export."""

    @pytest.mark.parametrize("fmt", ["plover", "ics", "parquet"])
    def test_a_blank_file(
        self,
        blank: Path,
        tmp_path: Path,
        fmt: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        assert main(["show", str(blank)]) == 1
        assert capsys.readouterr().err.endswith(f"{blank} holds no record\n")
        out = tmp_path / "out"
        assert main(["export", str(blank), "--format", fmt, "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"{blank}:0: $: holds no record\n"
            "negotiation-records: error: export stopped at the first problem; "
            f"nothing was written to {out}\n"
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == ["blank.jsonl"]

    def test_a_read_that_fails_half_way(
        self,
        many: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A disk error after the first record: the file's problem, not the target's."""
        real = _cli_read.read_records

        def failing(*args: Any) -> Iterator[Any]:
            yield next(real(*args))
            raise OSError(errno.EIO, os.strerror(errno.EIO))

        monkeypatch.setattr(_cli_export, "read_records", failing)
        out = tmp_path / "events.jsonl"
        assert main(["export", str(many), "--format", "plover", "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"{many}:0: $: cannot read the file: {os.strerror(errno.EIO)}\n"
            "negotiation-records: error: export stopped at the first problem; "
            f"nothing was written to {out}\n"
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl"]

    def test_a_blank_file_among_others(
        self, talks: Path, blank: Path, tmp_path: Path
    ) -> None:
        """One empty file among several: the export holds all of them or none."""
        out = tmp_path / "events.jsonl"
        argv = ["export", str(talks), str(blank), "--format", "plover", "-o", str(out)]
        assert main(argv) == 1
        assert not out.exists()


class TestTargets:
    """A target that cannot be written: one line on stderr, exit 1, nothing left."""

    @pytest.mark.parametrize(
        ("fmt", "name"), [("ics", "x.ics"), ("plover", "x.jsonl"), ("parquet", "x")]
    )
    def test_a_missing_folder(
        self,
        talks: Path,
        tmp_path: Path,
        fmt: str,
        name: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        out = tmp_path / "nodir" / name
        assert main(["export", str(talks), "--format", fmt, "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {out}: "
            "No such file or directory\n"
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == ["talks.json"]

    @pytest.mark.parametrize("fmt", ["ics", "plover"])
    def test_a_folder(
        self, talks: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "adir"
        out.mkdir()
        assert main(["export", str(talks), "--format", fmt, "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {out}: Is a directory\n"
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == ["adir", "talks.json"]
        assert list(out.iterdir()) == []

    @pytest.mark.parametrize("fmt", ["ics", "plover"])
    @pytest.mark.parametrize("there", [True, False], ids=["a-file", "nothing"])
    def test_a_name_ending_in_a_separator(
        self,
        talks: Path,
        tmp_path: Path,
        fmt: str,
        there: bool,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """
        ``-o notes.txt/`` names a folder, as for ``open()`` and a shell's ``>``:
        refused, saying so (the system's words are "Is a directory", of a
        folder that does not exist); a file ``notes.txt`` is left as it was,
        and none is made where there was none.
        """
        notes = tmp_path / "notes.txt"
        if there:
            notes.write_text("my notes\n", encoding="utf-8")
        out = f"{notes}{os.sep}"
        assert main(["export", str(talks), "--format", fmt, "-o", out]) == 1
        what = "a file" if there else "none"
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {out}: a name that ends "
            f"in '/' names a folder, and there is {what}; give the name of a file\n"
        )
        left = ["notes.txt", "talks.json"] if there else ["talks.json"]
        assert sorted(p.name for p in tmp_path.iterdir()) == left
        if there:
            assert notes.read_text(encoding="utf-8") == "my notes\n"

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
    def test_a_pipe_is_not_replaced(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Nor is a device such as /dev/null: a file moved into place would."""
        out = tmp_path / "pipe"
        os.mkfifo(out)
        assert main(["export", str(talks), "--format", "ics", "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {out}: not a regular file "
            "(give '-' to write to standard output)\n"
        )
        assert stat.S_ISFIFO(out.stat().st_mode)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe", "talks.json"]

    @pytest.mark.skipif(not hasattr(os, "pipe"), reason="no pipes")
    def test_a_link_to_a_pipe_is_not_replaced(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        ``-o /dev/stdout`` with standard output a pipe: a link whose target
        (``pipe:[...]``) names no file is asked through the link, and is said
        to be no regular file, not a folder that does not exist.
        """
        reader, writer = os.pipe()
        try:
            link = tmp_path / "stdout"
            link.symlink_to(f"/proc/self/fd/{writer}")
            if not link.exists():
                pytest.skip("no /proc/self/fd here")
            assert (
                main(["export", str(talks), "--format", "plover", "-o", str(link)]) == 1
            )
        finally:
            os.close(reader)
            os.close(writer)
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {link}: not a regular file "
            "(give '-' to write to standard output)\n"
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == ["stdout", "talks.json"]

    def test_a_failure_at_the_move(
        self,
        talks: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Moving the written file into place fails: the file written is removed."""

        def refuse(self: Path, target: object) -> Path:
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

        monkeypatch.setattr(Path, "replace", refuse)
        out = tmp_path / "x.ics"
        out.write_text("earlier\n", encoding="utf-8")
        assert main(["export", str(talks), "--format", "ics", "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {out}: "
            f"{os.strerror(errno.EXDEV)}\n"
        )
        assert out.read_text("utf-8") == "earlier\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["talks.json", "x.ics"]

    def test_parquet_under_a_file(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        pytest.importorskip("pyarrow")
        out = talks / "corpus"
        assert main(["export", str(talks), "--format", "parquet", "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {out}: Not a directory\n"
        )

    def test_parquet_write_fails(
        self,
        talks: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A full disk while the tables are written: nothing is left behind."""
        pytest.importorskip("pyarrow")
        from negotiation_records import tables

        def full(talks: Iterator[Negotiation], folder: Path, **kwargs: object) -> None:
            (folder / "events").mkdir()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(tables, "write_parquet", full)
        out = tmp_path / "corpus"
        assert main(["export", str(talks), "--format", "parquet", "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {out}: "
            f"{os.strerror(errno.ENOSPC)}\n"
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == ["talks.json"]

    @pytest.mark.parametrize("output", [".", "..", "{folder}"])
    def test_parquet_never_replaces_the_current_folder(
        self,
        talks: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        output: str,
    ) -> None:
        """`-o . --overwrite` would delete the folder one works in: refused."""
        pytest.importorskip("pyarrow")
        folder = tmp_path / "corpus"
        folder.mkdir()
        (folder / "notes.txt").write_text("old", encoding="utf-8")
        monkeypatch.chdir(folder)
        target = output.format(folder=folder)
        argv = [
            "export",
            str(talks),
            "--format",
            "parquet",
            "-o",
            target,
            "--overwrite",
        ]
        assert main(argv) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: {target} holds the current folder, which "
            "--overwrite would delete; give a new folder for the tables\n"
        )
        assert (folder / "notes.txt").read_text(encoding="utf-8") == "old"

    def test_parquet_never_replaces_a_folder_holding_an_input(
        self, talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The folder of the file being read is not a target to replace."""
        pytest.importorskip("pyarrow")
        argv = ["export", str(talks), "--format", "parquet", "-o", str(tmp_path)]
        assert main([*argv, "--overwrite"]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: {tmp_path} holds the input file {talks}, "
            "which --overwrite would delete; give a new folder for the tables\n"
        )
        assert talks.exists()

    @pytest.mark.parametrize("fmt", ["ics", "plover"])
    @pytest.mark.parametrize("how", ["as given", "relative", "through a link"])
    def test_an_input_file_is_never_replaced(
        self,
        talks: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        fmt: str,
        how: str,
    ) -> None:
        """`-o` naming a file being read is refused: the record stays as it was."""
        before = talks.read_bytes()
        tmp_path = talks.parent
        monkeypatch.chdir(tmp_path)
        target = {
            "as given": str(talks),
            "relative": f"./{talks.name}",
            "through a link": "link.json",
        }[how]
        if how == "through a link":
            (tmp_path / target).symlink_to(talks)
        argv = ["export", str(talks), "--format", fmt, "-o", target]
        assert main(argv) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: {target} is the input file {talks}, which "
            "the export would replace; give another file to write\n"
        )
        assert talks.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            {"talks.json", Path(target).name}
        )

    def test_an_input_among_several_is_never_replaced(
        self, talks: Path, many: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        before = many.read_bytes()
        argv = ["export", str(talks), str(many), "--format", "ics", "-o", str(many)]
        assert main(argv) == 1
        assert f"is the input file {many}," in capsys.readouterr().err
        assert many.read_bytes() == before

    def test_parquet_never_replaces_a_folder_holding_an_input_through_a_link(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An input that is a link into the target folder is refused too."""
        pytest.importorskip("pyarrow")
        folder = tmp_path / "corpus"
        folder.mkdir()
        record = folder / "talks.json"
        record.write_text(to_json(seed_record()), encoding="utf-8")
        link = tmp_path / "talks.json"
        link.symlink_to(record)
        argv = ["export", str(link), "--format", "parquet", "-o", str(folder)]
        assert main([*argv, "--overwrite"]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: {folder} holds the input file {link}, "
            "which --overwrite would delete; give a new folder for the tables\n"
        )
        assert record.exists()

    @pytest.mark.parametrize("fmt", ["ics", "plover", "parquet"])
    def test_a_repeated_negotiation_id(
        self,
        talks: Path,
        many: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        fmt: str,
    ) -> None:
        """A negotiation id given twice would repeat ids in the export: refused."""
        if fmt == "parquet":
            pytest.importorskip("pyarrow")
        out = tmp_path / "out"
        argv = ["export", str(talks), str(many), str(talks), "--format", fmt]
        assert main([*argv, "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: {talks}: negotiation id "
            f"'russia-ukraine-2025' is already used by a record of {talks}; "
            f"export stopped; nothing was written to {out}\n"
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "many.jsonl",
            "talks.json",
        ]
        twice = tmp_path / "twice.jsonl"
        twice.write_text(many.read_text("utf-8") * 2, encoding="utf-8")
        assert main(["export", str(twice), "--format", fmt, "-o", str(out)]) == 1
        assert "negotiation id 'talks-0' is already used by a record of" in (
            capsys.readouterr().err
        )
        assert not out.exists()

    def test_the_root_folder_is_never_replaced(self) -> None:
        with pytest.raises(OSError, match="the root folder cannot be replaced"):
            _cli_export._beside(Path("/"), _cli_export._make_new_folder)

    def test_no_traceback_from_the_script(self, talks: Path, tmp_path: Path) -> None:
        (tmp_path / "adir").mkdir()
        for out in (tmp_path / "nodir" / "x.ics", tmp_path / "adir"):
            result = run("export", talks, "--format", "ics", "-o", out)
            assert result.returncode == 1
            assert result.stderr.startswith(
                f"negotiation-records: error: cannot write {out}: "
            )
            assert "Traceback" not in result.stderr


@pytest.fixture
def umask() -> Iterator[int]:
    """A umask of 027 for the test (and the one before it restored)."""
    before = os.umask(0o027)
    try:
        yield 0o027
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
class TestModes:
    """What export writes gets the modes of open() and mkdir(), not tempfile's."""

    @pytest.mark.parametrize("fmt", ["ics", "plover"])
    def test_a_new_file(
        self, talks: Path, tmp_path: Path, fmt: str, umask: int
    ) -> None:
        out = tmp_path / "out"
        assert main(["export", str(talks), "--format", fmt, "-o", str(out)]) == 0
        assert mode(out) == 0o666 & ~umask == 0o640

    @pytest.mark.parametrize("fmt", ["ics", "plover"])
    def test_a_replaced_file_keeps_its_mode(
        self, talks: Path, tmp_path: Path, fmt: str, umask: int
    ) -> None:
        out = tmp_path / "out"
        out.write_text("earlier\n", encoding="utf-8")
        out.chmod(0o604)  # a mode the umask would not give
        assert main(["export", str(talks), "--format", fmt, "-o", str(out)]) == 0
        assert out.read_text("utf-8") != "earlier\n"
        assert mode(out) == 0o604

    @pytest.mark.parametrize("fmt", ["ics", "plover"])
    def test_a_file_the_user_may_not_write_is_left_as_it_is(
        self,
        talks: Path,
        tmp_path: Path,
        fmt: str,
        read_only_is_not_writable: None,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """
        Moved into place, a new file would replace a file made read-only,
        which writing it in place (a shell's ``>``) would refuse: refused,
        the file unchanged and nothing left beside it.
        """
        (tmp_path / "written").mkdir()
        out = tmp_path / "written" / "out"
        out.write_text("earlier\n", encoding="utf-8")
        out.chmod(0o444)
        assert main(["export", str(talks), "--format", fmt, "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"negotiation-records: error: cannot write {out}: Permission denied\n"
        )
        assert out.read_text("utf-8") == "earlier\n"
        assert mode(out) == 0o444
        assert list(out.parent.iterdir()) == [out]
        out.chmod(0o644)
        assert main(["export", str(talks), "--format", fmt, "-o", str(out)]) == 0

    def test_a_new_folder(self, talks: Path, tmp_path: Path, umask: int) -> None:
        pytest.importorskip("pyarrow")
        out = tmp_path / "corpus"
        assert main(["export", str(talks), "--format", "parquet", "-o", str(out)]) == 0
        assert mode(out) == 0o777 & ~umask == 0o750

    def test_a_replaced_folder_keeps_its_mode(
        self, talks: Path, tmp_path: Path, umask: int
    ) -> None:
        pytest.importorskip("pyarrow")
        out = tmp_path / "corpus"
        out.mkdir()
        out.chmod(0o705)
        (out / "notes.txt").write_text("old", encoding="utf-8")
        argv = ["export", str(talks), "--format", "parquet", "-o", str(out)]
        assert main([*argv, "--overwrite"]) == 0
        assert mode(out) == 0o705


class TestUsage:
    @pytest.mark.parametrize(
        "extra",
        [
            [],  # no --format
            ["--format", "csv"],
            ["--format", "parquet", "--batch-size", "0"],
            ["--format", "parquet", "--batch-size", "many"],
        ],
    )
    def test_usage_errors(
        self, talks: Path, extra: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["export", str(talks), "-o", "out", *extra]) == 2
        assert "usage:" in capsys.readouterr().err


def test_standard_input(
    talks: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = talks.read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["export", "-", "--format", "plover", "-o", "-"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(to_plover(seed_record()))
