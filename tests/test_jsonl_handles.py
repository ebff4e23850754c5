"""
read_jsonl and its file: a text file reads UTF-8 lines split at line feeds
only, as a path and a binary file do; schema_version is checked with the
other arguments, also when there is no record to read.  write_jsonl and
write_plover end their lines at line feeds whatever a text file's newline=;
a closed file, or one not open for what is asked of it, is refused at file.
"""

from __future__ import annotations

import codecs
import gzip
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import pendulum
import pytest

from negotiation_records import (
    Action,
    JSONLinesError,
    Negotiation,
    Party,
    Source,
    ValidationError,
    Vote,
    from_json,
    read_jsonl,
    to_json,
    write_jsonl,
    write_plover,
)


PARTIES = [
    Party(id="turkiye", name="Türkiye", kind="state"),
    Party(id="ukraine", name="Україна", kind="state"),
]

A = b'{"id":"a","name":"A","kind":"state"}'
B = b'{"id":"b","name":"B","kind":"state"}'

#: Files that differ from one another only in a lone carriage return: a line
#: end to a text file in universal-newline mode, JSON's white space to a path.
CARRIAGE_RETURNS = [
    A + b"\r" + B + b"\r",  # lone CRs as line ends: one line, "Extra data"
    A + b"\r",  # one record, a lone CR at its end, no line feed
    A + b"\r\n" + B + b"\r\r\n",  # CRLF, and a CR before one
    b'{"id":"a",\r"name":"A",\r"kind":"state"}\n' + B + b"\n",  # white space
    b"\r\n\r\r\n" + A + b"\n\r\n",  # blank lines of carriage returns
    b"\r",
]


def outcome(read: Callable[[], Iterator[Any]]) -> tuple[str, ...]:
    """What reading gives: the ids, or the error's line and problems."""
    try:
        return tuple(record.id for record in read())
    except JSONLinesError as exc:
        return ("error", str(exc.line), *(f"{p}: {m}" for p, m in exc.errors))


def text_openers(path: Path) -> dict[str, Callable[[], Any]]:
    """The ways of opening *path* as text in UTF-8, by name."""
    return {
        "open()": lambda: open(path, encoding="utf-8"),
        'newline=""': lambda: open(path, encoding="utf-8", newline=""),
        'newline="\\n"': lambda: open(path, encoding="utf-8", newline="\n"),
        'newline="\\r"': lambda: open(path, encoding="utf-8", newline="\r"),
        'errors="replace"': lambda: open(path, encoding="utf-8", errors="replace"),
        "TextIOWrapper": lambda: io.TextIOWrapper(
            io.BytesIO(path.read_bytes()), encoding="utf-8"
        ),
        "codecs.open": lambda: codecs.open(str(path), "r", encoding="utf-8"),
        "StringIO": lambda: io.StringIO(path.read_bytes().decode("utf-8"), newline=""),
    }


class TestTextFilesReadAsTheirPath:
    @pytest.mark.parametrize("raw", CARRIAGE_RETURNS)
    def test_a_lone_carriage_return_is_no_line_end(
        self, tmp_path: Path, raw: bytes
    ) -> None:
        """However the file is opened, a lone CR is what a path makes of it:
        white space, never a line end (open()'s default made it one)."""
        path = tmp_path / "crs.jsonl"
        path.write_bytes(raw)
        expected = outcome(lambda: read_jsonl(Party, path))
        assert outcome(lambda: read_jsonl(Party, io.BytesIO(raw))) == expected
        for name, opener in text_openers(path).items():
            with opener() as handle:
                got = outcome(lambda: read_jsonl(Party, handle))
            assert got == expected, name

    def test_the_reproducer_lone_carriage_returns(self, tmp_path: Path) -> None:
        """Two records ended by lone CRs were two records to a text file."""
        path = tmp_path / "crs.jsonl"
        path.write_bytes(A + b"\r" + B + b"\r")
        with (
            open(path, encoding="utf-8") as handle,
            pytest.raises(JSONLinesError, match=r"line 1: .*Extra data"),
        ):
            list(read_jsonl(Party, handle))

    def test_gzip_text(self, tmp_path: Path) -> None:
        """gzip.open(..., "rt") gives a text file too: read as bytes."""
        path = tmp_path / "crs.jsonl.gz"
        with gzip.open(path, "wb") as out:
            out.write(b'{"id":"a",\r"name":"A","kind":"state"}\n')
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            assert [p.id for p in read_jsonl(Party, handle)] == ["a"]

    def test_line_separators_stay_in_their_string(self, tmp_path: Path) -> None:
        """U+2028 and U+2029 are text in a JSON string, not line ends."""
        records = [Party(id="a", name="A\u2028B\u2029C", kind="state")]
        path = tmp_path / "seps.jsonl"
        write_jsonl(records, path)
        for name, opener in text_openers(path).items():
            with opener() as handle:
                assert list(read_jsonl(Party, handle)) == records, name

    def test_not_utf8_names_the_line(self) -> None:
        """A text file read through its buffer names the bad line exactly,
        as a binary file does, whatever its errors= (no U+FFFD read in)."""
        raw = b"".join([A + b"\n"] * 300) + b'{"id":"b","name":"\xff","kind":"state"}\n'
        for errors in ("strict", "replace", "surrogateescape"):
            handle = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors=errors)
            with pytest.raises(JSONLinesError) as info:
                list(read_jsonl(Party, handle))
            assert info.value.line == 301, errors

    def test_fast_path_reads_what_write_jsonl_wrote(self, tmp_path: Path) -> None:
        """A text file in text mode, written and read back."""
        path = tmp_path / "parties.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            write_jsonl(PARTIES, out)
        with open(path, encoding="utf-8") as handle:
            assert list(read_jsonl(Party, handle)) == PARTIES
        with open(path, "w+", encoding="utf-8") as both:
            write_jsonl(PARTIES, both)
            both.seek(0)
            assert list(read_jsonl(Party, both)) == PARTIES

    def test_a_text_file_is_left_as_it_was_opened(self, tmp_path: Path) -> None:
        """Reading through the buffer changes none of the text file's settings."""
        path = tmp_path / "parties.jsonl"
        write_jsonl(PARTIES, path)
        with open(path, encoding="utf-8", errors="replace", newline="") as handle:
            assert list(read_jsonl(Party, handle)) == PARTIES
            assert (handle.encoding, handle.errors) == ("utf-8", "replace")
            handle.seek(0)
            assert handle.read() == path.read_text(encoding="utf-8")


class TestATextFileReadFromBefore:
    """Its text was decoded ahead of where it stands: it is read on as text."""

    def test_after_a_line_read_the_rest_follows(self, tmp_path: Path) -> None:
        """No line is lost to the text read ahead, and lines are counted
        from where reading began."""
        path = tmp_path / "parties.jsonl"
        path.write_bytes(b"# a heading\n" + A + b"\n" + B + b"\n")
        for newline in (None, "", "\n"):
            with open(path, encoding="utf-8", newline=newline) as handle:
                assert handle.readline() == "# a heading\n"
                assert [p.id for p in read_jsonl(Party, handle)] == ["a", "b"]

    def test_its_text_is_split_at_line_feeds(self, tmp_path: Path) -> None:
        """With newline="" its text keeps its carriage returns."""
        path = tmp_path / "parties.jsonl"
        path.write_bytes(b"# a heading\n" + A + b"\r" + B + b"\n")
        with open(path, encoding="utf-8", newline="") as handle:
            handle.readline()
            with pytest.raises(JSONLinesError, match=r"line 1: .*Extra data"):
                list(read_jsonl(Party, handle))

    def test_a_long_file_after_a_line(self, tmp_path: Path) -> None:
        """Lines that run over the chunks read are joined whole."""
        sizes = [1, 70_000, 3, 200_000, 65_535, 65_536, 2, 9_000]
        records = [
            Party(id=f"p{i}", name="ü" * size, kind="state")
            for i, size in enumerate(sizes)
        ]
        path = tmp_path / "long.jsonl"
        write_jsonl(records, path)
        with open(path, encoding="utf-8") as handle:
            handle.readline()
            assert list(read_jsonl(Party, handle)) == records[1:]

    def test_not_utf8_is_found_ahead(self) -> None:
        """Its text file decodes ahead: the error says so."""
        raw = b"# a heading\n" + (A + b"\n") * 1000 + b'{"id":"\xff"}\n'
        handle = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
        handle.readline()
        with pytest.raises(JSONLinesError) as info:
            list(read_jsonl(Party, handle))
        assert info.value.line <= 1001
        assert "on this line or a later one" in str(info.value)


class TestEncodings:
    @pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
    def test_another_encoding_is_refused_before_reading(
        self, tmp_path: Path, encoding: str
    ) -> None:
        """As write_jsonl refuses it: at ``file``, saying how to open it, and
        nothing read from it."""
        path = tmp_path / "parties.jsonl"
        write_jsonl(PARTIES, path)
        with open(path, "rb") as raw:
            handle = io.TextIOWrapper(raw, encoding=encoding)
            with pytest.raises(ValidationError) as caught:
                list(read_jsonl(Party, handle))
            assert raw.tell() == 0  # nothing read
        ((where, message),) = caught.value.errors
        assert where == "file"
        assert message == (
            f"is a text file in the encoding {encoding!r}, but read_jsonl() reads "
            'UTF-8 (as write_jsonl writes it); open it with encoding="utf-8", or '
            'in binary mode ("rb"; sys.stdin.buffer for the standard input)'
        )

    def test_the_reproducer_mojibake(self, tmp_path: Path) -> None:
        """'Türkiye' was read as 'TÃ¼rkiye', without an error."""
        path = tmp_path / "p.jsonl"
        write_jsonl(PARTIES[:1], path)
        with (
            open(path, encoding="cp1252") as handle,
            pytest.raises(ValidationError, match="encoding 'cp1252'"),
        ):
            list(read_jsonl(Party, handle))

    def test_a_codecs_file_in_another_encoding(self, tmp_path: Path) -> None:
        """codecs.open names its encoding too."""
        path = tmp_path / "parties.jsonl"
        write_jsonl(PARTIES, path)
        with (
            codecs.open(str(path), "r", encoding="cp1252") as handle,
            pytest.raises(ValidationError, match="encoding 'cp1252'"),
        ):
            list(read_jsonl(Party, handle))

    @pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf_8"])
    def test_any_spelling_of_utf8(self, tmp_path: Path, encoding: str) -> None:
        path = tmp_path / "parties.jsonl"
        write_jsonl(PARTIES, path)
        with open(path, encoding=encoding) as handle:
            assert list(read_jsonl(Party, handle)) == PARTIES

    def test_streams_without_an_encoding_and_binary_files(self) -> None:
        """io.StringIO names none, a binary file gives bytes: both are read."""
        text = "".join(to_json(p) + "\n" for p in PARTIES)
        assert list(read_jsonl(Party, io.StringIO(text))) == PARTIES
        assert list(read_jsonl(Party, io.BytesIO(text.encode()))) == PARTIES
        assert list(read_jsonl(Party, text.split("\n"))) == PARTIES

    def test_the_write_message_is_unchanged(self, tmp_path: Path) -> None:
        with (
            open(tmp_path / "x.jsonl", "w", encoding="cp1252") as out,
            pytest.raises(ValidationError) as caught,
        ):
            write_jsonl(PARTIES, out)
        assert caught.value.errors[0][1] == (
            "is a text file in the encoding 'cp1252', but write_jsonl() writes "
            'UTF-8 (as read_jsonl reads it); open it with encoding="utf-8", or '
            'in binary mode ("wb"; sys.stdout.buffer for the standard output)'
        )


class TestLinesWrittenToATextFile:
    """The lines end at line feeds, however the file was opened."""

    NEWLINES: ClassVar[list[str | None]] = [None, "", "\n", "\r", "\r\n"]

    @pytest.mark.parametrize("newline", NEWLINES)
    def test_write_jsonl_reads_back(self, tmp_path: Path, newline: str | None) -> None:
        """``newline="\r"`` wrote lone carriage returns: one line, unreadable."""
        path = tmp_path / "parties.jsonl"
        with path.open("w", encoding="utf-8", newline=newline) as file:
            assert write_jsonl(PARTIES, file) == 2
        data = path.read_bytes()
        assert b"\r" not in data
        assert data == b"".join(to_json(p).encode() + b"\n" for p in PARTIES)
        assert list(read_jsonl(Party, path)) == PARTIES

    @pytest.mark.parametrize("newline", NEWLINES)
    def test_write_plover(self, tmp_path: Path, newline: str | None) -> None:
        talks = Negotiation(id="t", title="T", parties=PARTIES)
        path = tmp_path / "events.jsonl"
        with path.open("w", encoding="utf-8", newline=newline) as file:
            write_plover([talks], file)
        written = path.read_bytes()
        write_plover([talks], tmp_path / "by-path.jsonl")
        assert written == (tmp_path / "by-path.jsonl").read_bytes()
        assert b"\r" not in written

    def test_text_written_around_them_keeps_its_place(self, tmp_path: Path) -> None:
        """What the program writes to the file itself keeps its own line ends."""
        path = tmp_path / "mixed.jsonl"
        with path.open("w", encoding="utf-8", newline="\r\n") as file:
            file.write("before\n")
            write_jsonl(PARTIES[:1], file)
            file.write("after\n")
        assert path.read_bytes() == (
            b"before\r\n" + to_json(PARTIES[0]).encode() + b"\nafter\r\n"
        )

    def test_a_line_buffered_file_has_its_lines_at_once(self) -> None:
        """A terminal's standard output shows the lines when they are written."""
        raw = io.BytesIO()
        file = io.TextIOWrapper(raw, encoding="utf-8", line_buffering=True)
        write_jsonl(PARTIES[:1], file)
        assert raw.getvalue() == to_json(PARTIES[0]).encode() + b"\n"


class _TextSink:
    """An object with only a ``write`` method, for text."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)


#: Talks with one PLOVER event: Türkiye hosting a round.
HOSTED = Negotiation(
    id="t",
    title="T",
    parties=PARTIES,
    actions=[
        Action(
            id="istanbul",
            by=["turkiye"],
            toward=["ukraine"],
            on=pendulum.date(2025, 5, 16),
            kind="consult",
            summary="Hosted talks in Istanbul",
        )
    ],
)


class TestEveryFileTheDocsName:
    """
    The files the docs name are taken, and typed so (``mypy --strict`` checks
    these calls): an object with only a ``write`` method, a gzip file.
    """

    def test_an_object_with_only_a_write_method(self, tmp_path: Path) -> None:
        sink = _TextSink()
        assert write_jsonl(PARTIES, sink) == 2
        assert "".join(sink.parts) == "".join(to_json(p) + "\n" for p in PARTIES)
        events = _TextSink()
        assert write_plover([HOSTED], events) == 1
        write_plover([HOSTED], tmp_path / "events.jsonl")
        expected = (tmp_path / "events.jsonl").read_text(encoding="utf-8")
        assert "".join(events.parts) == expected

    def test_gzip_binary(self, tmp_path: Path) -> None:
        path = tmp_path / "parties.jsonl.gz"
        with gzip.open(path, "wb") as out:
            assert write_jsonl(PARTIES, out) == 2
        with gzip.open(path, "rb") as handle:
            assert list(read_jsonl(Party, handle)) == PARTIES
        with gzip.open(tmp_path / "events.jsonl.gz", "wb") as out:
            assert write_plover([HOSTED], out) == 1
        write_plover([HOSTED], tmp_path / "events.jsonl")
        with gzip.open(tmp_path / "events.jsonl.gz", "rb") as written:
            assert written.read() == (tmp_path / "events.jsonl").read_bytes()


class TestFilesNotOpenForIt:
    """A closed file, or one open the other way, is refused at ``file``."""

    def test_closed(self, tmp_path: Path) -> None:
        file = (tmp_path / "x.jsonl").open("w", encoding="utf-8")
        file.close()
        calls: list[Callable[[], object]] = [
            lambda: write_jsonl(PARTIES, file),
            lambda: list(read_jsonl(Party, file)),
            lambda: write_plover([], file),
        ]
        for call in calls:
            with pytest.raises(ValidationError) as caught:
                call()
            assert caught.value.errors[0][0] == "file"
            assert caught.value.errors[0][1].startswith("is closed: give a file open")
        assert not (tmp_path / "x.jsonl").read_bytes()

    def test_open_the_other_way(self, tmp_path: Path) -> None:
        path = tmp_path / "x.jsonl"
        path.write_bytes(A + b"\n")
        with (
            path.open(encoding="utf-8") as file,
            pytest.raises(ValidationError) as caught,
        ):
            write_jsonl(PARTIES, file)
        assert list(caught.value.errors) == [
            ("file", "is not open for writing: give a file open for writing, or a path")
        ]
        with path.open("ab") as file, pytest.raises(ValidationError) as caught:
            list(read_jsonl(Party, file))
        assert list(caught.value.errors) == [
            ("file", "is not open for reading: give a file open for reading, or a path")
        ]
        assert path.read_bytes() == A + b"\n"


class TestSchemaVersionWithTheOtherArguments:
    EMPTY: ClassVar[tuple[Callable[[], Any], ...]] = (
        lambda: io.StringIO(""),
        lambda: io.StringIO("\n \r\n\n"),
        lambda: io.BytesIO(b""),
        list,
        lambda: iter(["", "\n"]),
    )

    @pytest.mark.parametrize(
        ("cls", "version"),
        [(Party, 3), (Party, "1"), (Party, True), (Party, 0), (Vote, 1)],
    )
    def test_refused_on_a_file_with_no_record(self, cls: Any, version: Any) -> None:
        """As from_json refuses it, with the same problem, before the text."""
        with pytest.raises(ValidationError) as expected:
            from_json(cls, "{}", schema_version=version)
        for make in self.EMPTY:
            with pytest.raises(ValidationError) as caught:
                list(read_jsonl(cls, make(), schema_version=version))
            assert caught.value.errors == expected.value.errors
            assert not isinstance(caught.value, JSONLinesError)

    def test_on_an_empty_path(self, tmp_path: Path) -> None:
        path = tmp_path / "empty.jsonl"
        path.write_bytes(b"")
        with pytest.raises(ValidationError, match="schema_version: 3 is newer"):
            list(read_jsonl(Party, path, schema_version=3))

    def test_when_iteration_starts(self) -> None:
        """The reader is a generator: nothing is checked at the call."""
        reader = read_jsonl(Vote, io.StringIO(""), schema_version=1)
        with pytest.raises(ValidationError, match=r"^schema_version: a Vote is new"):
            next(reader)

    def test_before_the_file(self, tmp_path: Path) -> None:
        """After the settings and the class, before the file is looked at:
        a path that does not exist is not opened, bytes given as the file
        are not refused first."""
        missing = tmp_path / "missing.jsonl"
        with pytest.raises(ValidationError, match=r"^schema_version"):
            list(read_jsonl(Party, missing, schema_version=3))
        with pytest.raises(ValidationError, match=r"^schema_version"):
            list(read_jsonl(Party, b"{}", schema_version=3))  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="strict"):
            list(read_jsonl(Party, [], strict=1, schema_version=3))  # type: ignore[arg-type]
        record: Any = Party(id="a", name="A", kind="state")
        with pytest.raises(TypeError):
            list(read_jsonl(record, [], schema_version=3))

    def test_a_file_in_another_encoding_comes_after_it(self) -> None:
        handle = io.TextIOWrapper(io.BytesIO(b""), encoding="cp1252")
        with pytest.raises(ValidationError, match=r"^schema_version"):
            list(read_jsonl(Party, handle, schema_version=3))
        with pytest.raises(ValidationError, match=r"^file"):
            list(read_jsonl(Party, handle, schema_version=1))

    def test_versions_that_read(self) -> None:
        """Version 1 and 2 of a class both had read as before."""
        line = to_json(PARTIES[0])
        for version in (None, 1, 2):
            assert (
                list(read_jsonl(Party, [line], schema_version=version)) == PARTIES[:1]
            )
        assert list(read_jsonl(Vote, [], schema_version=2)) == []
        assert list(read_jsonl(Source, io.StringIO(""))) == []
