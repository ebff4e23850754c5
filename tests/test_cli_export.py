"""``negotiation-records export``: Parquet folders, PLOVER events and calendars."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import icalendar
import pytest

from negotiation_records import Negotiation, to_ical, to_plover
from negotiation_records.cli import main
from negotiation_records.serialization import to_dict, to_json, write_jsonl
from negotiation_records.timeutil import parse_moment
from tests.seed import seed_record


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
        printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
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
