"""JSON Lines: one record a line, streamed both ways, errors with line numbers."""

from __future__ import annotations

import codecs
import functools
import gzip
import io
import itertools
import pickle
import tempfile
import tracemalloc
import types
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    JSONLinesError,
    Negotiation,
    Party,
    Source,
    Statement,
    ValidationError,
    from_json,
    make_converter,
    read_jsonl,
    to_json,
    write_jsonl,
)
from negotiation_records._kind import MEMO, DocumentMemo
from negotiation_records.serialization import each_line_read
from negotiation_records.strategies import statements
from tests.seed import seed_record


SOURCES = [Source(id="a", publisher="A"), Source(id="b", publisher="Україна")]


class TestWriting:
    def test_one_compact_document_a_line(self, tmp_path: Path) -> None:
        """Each record is one line of compact JSON, UTF-8, ending with a newline."""
        path = tmp_path / "sources.jsonl"
        assert write_jsonl(SOURCES, path) == 2
        assert path.read_bytes() == (
            to_json(SOURCES[0]) + "\n" + to_json(SOURCES[1]) + "\n"
        ).encode("utf-8")

    def test_text_and_binary_files(self) -> None:
        """An open text or binary file is written in place."""
        text = io.StringIO()
        binary = io.BytesIO()
        assert write_jsonl(SOURCES, text) == write_jsonl(SOURCES, binary) == 2
        assert binary.getvalue() == text.getvalue().encode("utf-8")

    def test_file_like_objects_say_their_mode(self) -> None:
        """An object that is not an io class is written as its mode says."""

        class Sink:
            def __init__(self, mode: str) -> None:
                self.mode = mode
                self.parts: list[str | bytes] = []

            def write(self, data: str | bytes) -> int:
                self.parts.append(data)
                return len(data)

        binary, text = Sink("wb"), Sink("w")
        write_jsonl(SOURCES[:1], binary)
        write_jsonl(SOURCES[:1], text)
        assert binary.parts == [(to_json(SOURCES[0]) + "\n").encode()]
        assert text.parts == [to_json(SOURCES[0]) + "\n"]

    def test_a_codecs_file_takes_text(self, tmp_path: Path) -> None:
        """codecs.open says "wb" as its mode (it opens the file in binary) but
        encodes what it is given: it is written text (it failed with
        "utf_8_encode() argument 1 must be str, not bytes")."""
        path = tmp_path / "sources.jsonl"
        with codecs.open(str(path), "w", encoding="utf-8") as handle:
            assert handle.mode == "wb"
            assert write_jsonl(SOURCES, handle) == 2
        with (tmp_path / "writer.jsonl").open("wb") as raw:
            assert write_jsonl(SOURCES, codecs.getwriter("utf-8")(raw)) == 2
        expected = "".join(to_json(s) + "\n" for s in SOURCES).encode("utf-8")
        assert path.read_bytes() == (tmp_path / "writer.jsonl").read_bytes() == expected

    @pytest.mark.parametrize(
        ("opener", "binary"),
        [
            (functools.partial(Path.open, mode="w", encoding="utf-8"), None),
            (functools.partial(Path.open, mode="wb"), True),
            (functools.partial(Path.open, mode="wb", buffering=0), True),
            (functools.partial(gzip.open, mode="wt", encoding="utf-8"), None),
            (functools.partial(gzip.open, mode="wb"), True),
            (lambda _: tempfile.SpooledTemporaryFile(mode="w+"), False),  # noqa: SIM115
            (lambda _: tempfile.SpooledTemporaryFile(mode="w+b"), True),  # noqa: SIM115
            (lambda _: tempfile.NamedTemporaryFile("w+"), False),  # noqa: SIM115
            (lambda _: tempfile.NamedTemporaryFile("w+b"), True),  # noqa: SIM115
        ],
        ids=[
            "open-w",
            "open-wb",
            "open-wb-unbuffered",
            "gzip-wt",
            "gzip-wb",
            "spooled-text",
            "spooled-binary",
            "named-text",
            "named-binary",
        ],
    )
    def test_files_of_the_standard_library(
        self, tmp_path: Path, opener: Callable[[Path], IO[Any]], binary: bool | None
    ) -> None:
        """
        Each file is written the kind it takes, text or bytes; a text file
        that ``open()`` opens (an ``io.TextIOWrapper``) through its binary
        buffer, so that its ``newline=`` does not change the line ends
        (*binary* ``None``: its own ``write`` is not called).
        """
        written: list[str | bytes] = []
        with opener(tmp_path / "out") as handle:
            real_write = handle.write

            def write(data: Any) -> int:
                written.append(data)
                return real_write(data)

            handle.write = write  # type: ignore[method-assign]
            assert write_jsonl(SOURCES, handle) == 2
        expected = [] if binary is None else [binary, binary]
        assert [isinstance(data, bytes) for data in written] == expected

    def test_a_file_that_says_nothing_is_tried(self) -> None:
        """An object with only a write method is given text; one that refuses
        text with a TypeError is given bytes, its first line included."""

        class Sink:
            def __init__(self, kind: type[str | bytes]) -> None:
                self.kind = kind
                self.parts: list[str | bytes] = []

            def write(self, data: str | bytes) -> int:
                if not isinstance(data, self.kind):
                    raise TypeError(f"{self.kind.__name__} only")
                self.parts.append(data)
                return len(data)

        text, binary = Sink(str), Sink(bytes)
        assert write_jsonl(SOURCES, text) == write_jsonl(SOURCES, binary) == 2
        expected = [to_json(s) + "\n" for s in SOURCES]
        assert text.parts == expected
        assert binary.parts == [line.encode("utf-8") for line in expected]

    def test_a_mode_that_is_wrong_is_mended(self) -> None:
        """An object whose mode says binary but that takes text is given text."""

        class Sink:
            mode = "wb"

            def __init__(self) -> None:
                self.parts: list[str] = []

            def write(self, data: str) -> int:
                if not isinstance(data, str):
                    raise TypeError("text only")
                self.parts.append(data)
                return len(data)

        sink = Sink()
        assert write_jsonl(SOURCES, sink) == 2
        assert sink.parts == [to_json(s) + "\n" for s in SOURCES]

    def test_records_may_come_from_a_generator(self, tmp_path: Path) -> None:
        """Any iterable of records is written as it comes."""
        path = tmp_path / "many.jsonl"
        count = write_jsonl(
            (Source(id=f"s{i}", publisher="P") for i in range(5)), str(path)
        )
        assert count == 5
        assert len(path.read_text(encoding="utf-8").splitlines()) == 5

    def test_negotiations_carry_their_version_on_every_line(self) -> None:
        """Each negotiation line is a full versioned document."""
        out = io.StringIO()
        write_jsonl([seed_record(), seed_record()], out)
        lines = out.getvalue().splitlines()
        assert all(line.startswith('{"schema_version":2,') for line in lines)
        assert list(read_jsonl(Negotiation, io.StringIO(out.getvalue()))) == [
            seed_record(),
            seed_record(),
        ]


class TestReading:
    def test_round_trip_through_a_path(self, tmp_path: Path) -> None:
        """What write_jsonl writes, read_jsonl reads back, from a str or Path."""
        path = tmp_path / "sources.jsonl"
        write_jsonl(SOURCES, path)
        assert list(read_jsonl(Source, path)) == SOURCES
        assert list(read_jsonl(Source, str(path))) == SOURCES

    def test_text_and_binary_files(self) -> None:
        """An open text or binary file is read line by line."""
        text = "".join(to_json(s) + "\n" for s in SOURCES)
        assert list(read_jsonl(Source, io.StringIO(text))) == SOURCES
        assert list(read_jsonl(Source, io.BytesIO(text.encode()))) == SOURCES

    def test_a_codecs_file(self, tmp_path: Path) -> None:
        """A codecs file is split at line feeds only: its own lines end at
        U+2028 and U+2029 too, which a JSON string holds as they are (the
        record was cut in two, "Unterminated string")."""
        records = [Source(id="a", publisher="A\u2028B\u2029C"), *SOURCES[1:]]
        path = tmp_path / "sources.jsonl"
        write_jsonl(records, path)
        with codecs.open(str(path), "r", encoding="utf-8") as handle:
            assert list(read_jsonl(Source, handle)) == records
        with path.open("rb") as raw:
            assert list(read_jsonl(Source, codecs.getreader("utf-8")(raw))) == records
        with path.open("rb") as raw:
            recoded = codecs.EncodedFile(raw, "utf-8")  # gives bytes
            assert list(read_jsonl(Source, recoded)) == records

    def test_a_codecs_file_names_the_line(self, tmp_path: Path) -> None:
        """Lines are counted at line feeds, across the chunks read, to the last
        one, which has no line feed."""
        path = tmp_path / "sources.jsonl"
        path.write_bytes(
            b"".join([(to_json(SOURCES[0]) + "\n").encode()] * 3000)
            + b'{"id":"b"}'  # no line feed
        )
        with (
            codecs.open(str(path), "r", encoding="utf-8") as handle,
            pytest.raises(JSONLinesError) as info,
        ):
            list(read_jsonl(Source, handle))
        assert info.value.line == 3001

    def test_blank_lines_and_crlf_are_fine(self) -> None:
        """Blank lines are skipped; Windows line endings are whitespace."""
        blob = b'\r\n{"id":"a","publisher":"A"}\r\n   \n\n{"id":"b","publisher":"B"}'
        assert [s.id for s in read_jsonl(Source, io.BytesIO(blob))] == ["a", "b"]

    @pytest.mark.parametrize(
        "line", ["\u00a0", "\x0c", "\x0b", "\x1c", "\u2028", " \u3000 "]
    )
    def test_only_json_white_space_makes_a_blank_line(self, line: str) -> None:
        """A line of other spaces is not JSON, in text and in bytes alike."""
        text = '{"id":"a","publisher":"A"}\n' + line + '\n{"id":"b","publisher":"B"}\n'
        for handle in (io.StringIO(text), io.BytesIO(text.encode())):
            with pytest.raises(JSONLinesError) as info:
                list(read_jsonl(Source, handle))
            assert info.value.line == 2

    def test_reading_is_lazy(self) -> None:
        """Records are yielded one at a time: a bad line stops only when reached."""
        blob = io.StringIO('{"id":"a","publisher":"A"}\nnot json\n')
        reader = read_jsonl(Source, blob)
        assert next(reader).id == "a"
        with pytest.raises(JSONLinesError):
            next(reader)

    def test_strict_false_ignores_unknown_keys(self) -> None:
        """strict=False applies to every line."""
        blob = io.StringIO('{"id":"a","publisher":"A","extra":1}\n')
        assert list(read_jsonl(Source, blob, strict=False)) == [SOURCES[0]]


class TestOneFileIsOneInput:
    """
    What the lines of one file repeat (a day, a party's id) is read once for
    the whole file, as a document's repeats are, and forgotten when the
    reading ends: what each line gives is what it gives alone.
    """

    @given(
        st.lists(statements(), min_size=1, max_size=6),
        st.lists(st.integers(0, 5), max_size=4),
        st.integers(1, 3),
    )
    @settings(max_examples=50)
    def test_each_line_reads_as_it_reads_alone(
        self, found: list[Statement], copies: list[int], limit: int
    ) -> None:
        """
        Lines holding the same moments and ids, read with a memo that fills
        up (a small limit: a long file) and with other documents read
        between the lines, give the records each line gives alone.
        """
        found += [found[i % len(found)] for i in copies]
        lines = [to_json(statement) for statement in found]
        alone = [from_json(Statement, line) for line in lines]
        between = to_json(seed_record())
        with patch.object(DocumentMemo, "LIMIT", limit):
            reader = read_jsonl(Statement, io.StringIO("\n".join(lines)))
            read = []
            for record in reader:
                read.append(record)
                from_json(Negotiation, between)  # empties the memo when it ends
        assert read == alone == found

    def test_a_day_repeated_on_two_lines_is_read_once(self) -> None:
        """The same date text on two lines gives one object in one file, two
        objects in two files, and nothing is kept once the file is read."""
        line = '{"id":"a","publisher":"A","published":"2025-07-19"}\n'
        first, second = read_jsonl(Source, io.StringIO(line + line.replace("a", "b")))
        assert first.published is second.published
        [again] = read_jsonl(Source, io.StringIO(line))
        assert again.published == first.published
        assert again.published is not first.published
        assert not MEMO.moments
        assert not MEMO.ids

    def test_nothing_is_kept_after_a_stop_or_a_bad_line(self) -> None:
        """A reading closed early, or stopped by a bad line, forgets too."""
        text = '{"id":"a","publisher":"A","published":"2025-07-19"}\nnot json\n'
        reader = read_jsonl(Source, io.StringIO(text))
        assert isinstance(reader, types.GeneratorType)  # closed as generators are
        next(reader)
        assert MEMO.moments  # read once for the file
        reader.close()
        assert not MEMO.moments
        assert not MEMO.ids
        with pytest.raises(JSONLinesError):
            list(read_jsonl(Source, io.StringIO(text)))
        assert not MEMO.moments
        assert not MEMO.ids


#: Lines a file of statements may hold that are no statement.
BAD_LINES = (
    "not json",
    "[]",
    '"a statement"',
    '{"id": "B!", "speaker": 5, "x": 1}',
    '{"id": "s", "speaker": "A", "said_on": "2025-02-30", "text": "t"}',
)


class TestTheCommandLinesReader:
    """
    ``each_line_read``, the command line's reader of JSON Lines, carries on
    past a bad line, and reads what a file's lines repeat once, as
    ``read_jsonl`` does.
    """

    @given(
        st.lists(
            st.one_of(statements().map(to_json), st.sampled_from(BAD_LINES)),
            min_size=1,
            max_size=8,
        ),
        st.integers(1, 3),
    )
    @settings(max_examples=50)
    def test_each_line_gives_what_from_json_gives_it(
        self, lines: list[str], limit: int
    ) -> None:
        """
        Good and bad lines, blank ones between them, a memo that fills up:
        each line gives the record or the problems ``from_json`` gives it
        alone, at its line number, and nothing is kept at the end.
        """
        text = "\n\n".join(lines) + "\n"
        expected: list[tuple[int, Any]] = []
        for index, line in enumerate(lines):
            try:
                expected.append((2 * index + 1, from_json(Statement, line)))
            except ValidationError as exc:
                expected.append((2 * index + 1, exc.errors))
        with patch.object(DocumentMemo, "LIMIT", limit):
            read = [
                (number, got.errors if isinstance(got, ValidationError) else got)
                for number, got in each_line_read(Statement, io.BytesIO(text.encode()))
            ]
        assert read == expected
        assert not MEMO.moments
        assert not MEMO.ids

    def test_a_day_repeated_is_read_once_and_forgotten(self) -> None:
        """One object for the file's repeated day; nothing kept after a close."""
        line = b'{"id":"a","publisher":"A","published":"2025-07-19"}\n'
        reader = each_line_read(Source, [line, b"not json\n", line, line])
        (_, first), (_, bad), (_, third) = next(reader), next(reader), next(reader)
        assert isinstance(bad, ValidationError)
        assert isinstance(first, Source)
        assert isinstance(third, Source)
        assert third.published is first.published
        reader.close()
        assert not MEMO.moments
        assert not MEMO.ids


class TestErrors:
    def test_a_text_handle_over_bytes_that_are_not_utf8(self) -> None:
        """A text handle that cannot decode its bytes gives a JSONLinesError, not
        a raw UnicodeDecodeError; in binary mode the exact line is named (and
        for a text file open() opened, read through its buffer: see
        test_jsonl_handles.py)."""
        raw = b'{"id":"a","publisher":"A"}\n{"id":"b","publisher":"\xff"}\n'
        handle = codecs.getreader("utf-8")(io.BytesIO(raw))
        with pytest.raises(JSONLinesError) as info:
            list(read_jsonl(Source, handle))
        assert "not UTF-8 text" in str(info.value)
        assert "on this line or a later one" in str(info.value)
        assert "byte offset" not in str(info.value)  # known only in binary mode
        with pytest.raises(JSONLinesError) as exact:
            list(read_jsonl(Source, io.BytesIO(raw)))
        assert exact.value.line == 2
        assert "not UTF-8 text" in exact.value.errors[0][1]

    def test_a_text_handle_decodes_ahead_of_the_line(self) -> None:
        """Far into a file, the text handle fails before the bad line is reached:
        the error says so instead of naming a wrong line as the bad one."""
        lines = [b'{"id":"s%d","publisher":"P"}\n' % i for i in range(1, 400)]
        lines[299] = b'{"id":"bad","publisher":"\xff"}\n'
        raw = b"".join(lines)
        handle = codecs.getreader("utf-8")(io.BytesIO(raw))
        with pytest.raises(JSONLinesError) as info:
            list(read_jsonl(Source, handle))
        assert info.value.line <= 300
        assert "open it in binary mode, or pass its path, to find the line" in str(
            info.value
        )
        with pytest.raises(JSONLinesError) as exact:
            list(read_jsonl(Source, io.BytesIO(raw)))
        assert exact.value.line == 300

    def test_an_error_names_the_line_and_the_path(self) -> None:
        """A bad record gives its line number and every problem's path inside it."""
        blob = io.StringIO(
            '{"id":"a","publisher":"A"}\n\n{"id":"B!","publisher":5,"x":1}\n'
        )
        with pytest.raises(JSONLinesError) as info:
            list(read_jsonl(Source, blob))
        error = info.value
        assert isinstance(error, ValidationError)
        assert error.line == 3
        bad_id = (
            "must be a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, "
            "at most 64 characters), got 'B!'"
        )
        assert error.errors == (
            ("id", bad_id),
            ("publisher", "must be a string, got number 5"),
            ("$", "unknown key 'x'"),
        )
        assert str(error) == (
            "line 3: 3 problems:\n"
            f"  id: {bad_id}\n"
            "  publisher: must be a string, got number 5\n"
            "  $: unknown key 'x'"
        )

    def test_invalid_json_on_a_line(self) -> None:
        """A line that is not JSON is reported with its number."""
        blob = io.StringIO('{"id":"a","publisher":"A"}\n{"id": \n')
        with pytest.raises(JSONLinesError) as info:
            list(read_jsonl(Source, blob))
        assert info.value.line == 2
        assert info.value.errors == (
            ("$", "invalid JSON: Expecting value at column 8"),
        )

    def test_bytes_that_are_not_utf_8(self) -> None:
        """A line with bytes that are not UTF-8 is reported with its number."""
        blob = io.BytesIO(
            b'{"id":"a","publisher":"A"}\n{"id":"b","publisher":"\xe9"}\n'
        )
        with pytest.raises(JSONLinesError) as info:
            list(read_jsonl(Source, blob))
        assert info.value.line == 2
        assert info.value.errors == (
            (
                "$",
                "not UTF-8 text: invalid continuation byte at byte offset 23 (b'\\xe9\"}')",
            ),
        )

    def test_dangling_reference_in_a_negotiation_line(self) -> None:
        """Whole-record validation errors come with the line number too."""
        broken = to_json(seed_record()).replace(
            '"party":"russia"', '"party":"rusia"', 1
        )
        blob = io.StringIO(to_json(seed_record()) + "\n" + broken + "\n")
        with pytest.raises(JSONLinesError) as info:
            list(read_jsonl(Negotiation, blob))
        assert info.value.line == 2
        assert info.value.errors == (
            ("rounds[0].delegations[1].party", "unknown party 'rusia'"),
        )

    def test_a_file_that_takes_neither_text_nor_bytes(self) -> None:
        """Nothing is written, and the error names the argument."""

        class Sink:
            def write(self, data: str | bytes) -> int:
                raise TypeError("no, thank you")

        with pytest.raises(ValidationError) as info:
            write_jsonl(SOURCES, Sink())
        assert info.value.errors == (
            ("file", "its write() takes neither text nor bytes (no, thank you)"),
        )

    def test_not_a_file(self) -> None:
        """Something that is neither a path nor a file is a ValidationError."""
        with pytest.raises(ValidationError) as info:
            write_jsonl(SOURCES, 42)  # type: ignore[arg-type]
        assert info.value.errors == (
            ("file", "must be a path or a file open for writing, got int"),
        )
        with pytest.raises(ValidationError) as info:
            list(read_jsonl(Source, 42))  # type: ignore[arg-type]
        assert info.value.errors == (
            ("file", "must be a path or a file open for reading, got int"),
        )

    def test_the_error_pickles(self) -> None:
        """JSONLinesError survives pickling (multiprocessing, pytest-xdist)."""
        error = JSONLinesError(7, [("name", "must be non-empty text, got ''")])
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
        assert (copy.line, copy.errors, str(copy)) == (
            7,
            error.errors,
            "line 7: name: must be non-empty text, got ''",
        )
        assert (
            repr(copy)
            == "JSONLinesError(7, [('name', \"must be non-empty text, got ''\")])"
        )


def test_a_path_that_cannot_be_opened_is_the_os_error(tmp_path: Path) -> None:
    """A missing file or folder is the OSError open() raises (docs/errors.md),
    not a ValidationError: it is about the machine, not the data."""
    missing = tmp_path / "no-such-folder" / "talks.jsonl"
    with pytest.raises(FileNotFoundError):
        list(read_jsonl(Source, missing))
    with pytest.raises(FileNotFoundError):
        write_jsonl([], missing)
    assert not missing.parent.exists()


class TestArgumentsThatAreNotFilesOrRecords:
    """Programming errors are a TypeError naming the argument (docs/errors.md),
    never a raw AttributeError, a line per character, or a non-record line."""

    @pytest.mark.parametrize("conv", [3, "x", make_converter])
    def test_a_converter_that_is_none(self, tmp_path: Path, conv: Any) -> None:
        """converter= that is no cattrs.Converter is a TypeError, before the
        file is opened (an existing file is not emptied)."""
        path = tmp_path / "kept.jsonl"
        path.write_text("kept\n", encoding="utf-8")
        record = Source(id="a", publisher="A")
        with pytest.raises(
            TypeError, match=r"^write_jsonl\(\) converter must be a cattrs\.Converter"
        ):
            write_jsonl([record], path, converter=conv)
        assert path.read_text(encoding="utf-8") == "kept\n"
        with pytest.raises(
            TypeError, match=r"^read_jsonl\(\) converter must be a cattrs\.Converter"
        ):
            list(read_jsonl(Source, path, converter=conv))

    @pytest.mark.parametrize("strict", [None, 0, "no"])
    def test_strict_that_is_not_a_bool(self, strict: Any) -> None:
        """strict=None does not read leniently, strict="no" not strictly: refused."""
        lines = ['{"id": "a", "publisher": "A", "extra": 1}\n']
        with pytest.raises(
            TypeError, match=r"^read_jsonl\(\) strict must be True or False"
        ):
            list(read_jsonl(Source, lines, strict=strict))
        assert [s.id for s in read_jsonl(Source, lines, strict=False)] == ["a"]

    @pytest.mark.parametrize(
        "content", [b'{"id":"a","publisher":"A"}\n', bytearray(b"{}")]
    )
    def test_bytes_are_not_a_file(self, content: Any) -> None:
        """The content itself given as the file is refused, with the way out."""
        with pytest.raises(
            TypeError, match=r"^read_jsonl\(\) file must be a path.*io\.BytesIO"
        ):
            list(read_jsonl(Source, content))

    @pytest.mark.parametrize("lines", [[5], ['{"id":"a","publisher":"A"}\n', 0], [[]]])
    def test_a_line_that_is_not_text(self, lines: list[Any]) -> None:
        """An iterable of lines holds text or bytes: anything else is refused
        at its line (a 0 or an empty list is not skipped as a blank line)."""
        with pytest.raises(TypeError, match=rf"its line {len(lines)} is "):
            list(read_jsonl(Source, lines))

    def test_an_iterable_of_lines_is_read(self) -> None:
        """Lines as str, bytes, a str subclass or a bytearray are read."""

        class Line(str):
            pass

        lines: list[Any] = [
            '{"id":"a","publisher":"A"}\n',
            b'{"id":"b","publisher":"B"}',
            Line('{"id":"c","publisher":"C"}'),
            bytearray(b'{"id":"d","publisher":"D"}'),
        ]
        assert [s.id for s in read_jsonl(Source, lines)] == ["a", "b", "c", "d"]

    @pytest.mark.parametrize(
        "records", ["abc", b"abc", {"a": SOURCES[0]}, SOURCES[0]], ids=repr
    )
    def test_records_that_are_not_a_list(self, records: Any) -> None:
        """A string, bytes, a mapping or a lone record is refused before
        anything is written (it would be written item by item, or fail)."""
        out = io.StringIO()
        with pytest.raises(TypeError, match=r"^write_jsonl\(\) records must be an"):
            write_jsonl(records, out)
        assert out.getvalue() == ""

    def test_a_lone_record_is_told_how(self) -> None:
        """The message says how to write one record."""
        with pytest.raises(TypeError, match=r"give \[record\]$"):
            write_jsonl(SOURCES[0], io.StringIO())  # type: ignore[arg-type]

    @pytest.mark.parametrize("fast", [True, False])
    @pytest.mark.parametrize("item", [5, "a", {"id": "a"}, None], ids=repr)
    def test_an_item_that_is_not_a_record(self, item: Any, fast: bool) -> None:
        """An item that is not a record is refused at records[i], with orjson
        and without (a converter given); the lines before it are written."""
        out = io.StringIO()
        converter = None if fast else make_converter()
        with pytest.raises(TypeError) as caught:
            write_jsonl([SOURCES[0], item], out, converter=converter)
        assert str(caught.value).startswith(
            "write_jsonl() records[1] must be a record (an instance of an attrs "
            "class, such as Party), got "
        )
        assert out.getvalue() == to_json(SOURCES[0]) + "\n"

    def test_a_list_of_records_is_a_line_of_records(self) -> None:
        """A list of records is written as one array (as to_json writes it);
        an item in it that is not a record is refused at records[i][j]."""
        out = io.StringIO()
        assert write_jsonl([SOURCES], out) == 1
        assert out.getvalue() == to_json(SOURCES) + "\n"
        with pytest.raises(TypeError, match=r"^write_jsonl\(\) records\[0\]\[1\] must"):
            write_jsonl([[SOURCES[0], 5]], io.StringIO())


class TestStreaming:
    def test_memory_stays_flat_over_200_000_records(self, tmp_path: Path) -> None:
        """Reading 200 000 records peaks at a tiny fraction of the file's size."""
        path = tmp_path / "big.jsonl"
        record = Source(id="tass-2025-07-19", publisher="TASS")
        assert write_jsonl(itertools.repeat(record, 200_000), path) == 200_000
        size = path.stat().st_size
        assert size > 10_000_000

        tracemalloc.start()
        try:
            count = 0
            last = None
            for loaded in read_jsonl(Source, path):
                count += 1
                last = loaded
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()

        assert count == 200_000
        assert last == record
        assert peak < size / 50, f"reader peaked at {peak} bytes for a {size}-byte file"


class TestWrittenInOrderAsUtf8:
    """write_jsonl refuses what would not give the same UTF-8 file every time."""

    @pytest.mark.parametrize(
        "records",
        [set(SOURCES), frozenset(SOURCES), dict.fromkeys(SOURCES, 1).keys()],
        ids=["set", "frozenset", "keys"],
    )
    def test_an_unordered_collection(self, records: Any) -> None:
        """A set's order changes from one process to the next: refused, nothing written."""
        out = io.StringIO()
        with pytest.raises(
            TypeError,
            match=r"records must be a list or a tuple, got a .* a set has no order",
        ):
            write_jsonl(records, out)
        assert out.getvalue() == ""

    @pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
    def test_a_text_file_in_another_encoding(
        self, tmp_path: Path, encoding: str
    ) -> None:
        """Refused before anything is written, saying how to open it."""
        path = tmp_path / "lines.jsonl"
        with (
            open(path, "w", encoding=encoding) as handle,
            pytest.raises(ValidationError) as caught,
        ):
            write_jsonl(SOURCES, handle)
        assert caught.value.errors[0][0] == "file"
        assert 'encoding="utf-8", or in binary mode' in caught.value.errors[0][1]
        assert path.read_bytes() == b""

    @pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf_8"])
    def test_utf8_text_files_and_streams_without_an_encoding(
        self, tmp_path: Path, encoding: str
    ) -> None:
        """Any spelling of UTF-8, and io.StringIO (no encoding), are written to."""
        path = tmp_path / "lines.jsonl"
        with open(path, "w", encoding=encoding) as handle:
            assert write_jsonl(SOURCES, handle) == 2
        assert list(read_jsonl(Source, path)) == SOURCES
        assert write_jsonl(SOURCES, io.StringIO()) == 2

    def test_a_codecs_file_in_another_encoding(self, tmp_path: Path) -> None:
        """codecs.open names its encoding too."""
        with (
            codecs.open(str(tmp_path / "x.jsonl"), "w", encoding="cp1252") as handle,
            pytest.raises(ValidationError, match="encoding 'cp1252'"),
        ):
            write_jsonl(SOURCES, handle)


@pytest.mark.parametrize("opening", ["{", "["])
def test_a_pretty_printed_document_is_told_its_form(opening: str) -> None:
    """A first line that only opens a value: one JSON document, not JSON Lines."""
    party = Party(id="russia", name="Russia", kind="state")
    text = to_json(party if opening == "{" else [party], indent=2)
    assert text.splitlines()[0] == opening
    with pytest.raises(JSONLinesError) as caught:
        list(read_jsonl(Party, io.StringIO("\n" + text)))
    assert caught.value.line == 2
    ((path, message),) = caught.value.errors
    assert path == "$"
    assert message.startswith("invalid JSON: ")
    assert message.endswith(
        "(the line only opens a value: the text looks like one JSON document "
        "written over several lines, not JSON Lines; read it with from_json)"
    )


def test_only_the_first_line_is_told_it_opens_a_document() -> None:
    """A later line that is only ``{`` is a bad line of JSON Lines, no more."""
    line = to_json(Party(id="russia", name="Russia", kind="state"))
    with pytest.raises(JSONLinesError) as caught:
        list(read_jsonl(Party, io.StringIO(f"{line}\n{{\n")))
    assert caught.value.line == 2
    assert "one JSON document" not in caught.value.errors[0][1]
