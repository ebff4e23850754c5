"""Sources and statements (quotes)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import pendulum
import pytest

from negotiation_records import (
    PartialDate,
    Source,
    Statement,
    ValidationError,
    from_dict,
)
from negotiation_records._version_2_rules import NOTE
from tests.strategies_foundation import errors_of, slug_error


def source(**changes: Any) -> Source:
    """The seed article as a source, with *changes* applied."""
    kwargs: dict[str, Any] = {"id": "tis-2025-07-19", "publisher": "TIS Desk"}
    kwargs.update(changes)
    return Source(**kwargs)


def statement(**changes: Any) -> Statement:
    """Peskov's statement, with *changes* applied."""
    kwargs: dict[str, Any] = {
        "id": "peskov-momentum",
        "speaker": "Dmitry Peskov",
        "said_on": pendulum.date(2025, 7, 18),
        "text": "Moscow agrees that momentum is needed.",
    }
    kwargs.update(changes)
    return Statement(**kwargs)


class TestSource:
    def test_fields(self) -> None:
        """A source has an id, a publisher and optional title, url and dates."""
        s = source(
            title="Ukraine Calls for Renewed Peace Talks",
            url="https://example.org/ukraine?id=1#x",
            published=pendulum.date(2025, 7, 19),
            accessed=dt.datetime(2025, 7, 20, 9, tzinfo=dt.UTC),
        )
        assert s.url == "https://example.org/ukraine?id=1#x"
        assert isinstance(s.accessed, pendulum.DateTime)
        assert source().title is None

    @pytest.mark.parametrize(
        "url",
        [
            "http://a",
            "https://www.ukrinform.net/rubric-polytics/4016.html",
            "https://ru.wikipedia.org/wiki/Минские_соглашения",
            "https://例え.jp/パス?q=1#節",
            "https://example.org/a%20b",
        ],
    )
    def test_valid_urls(self, url: str) -> None:
        """Absolute http(s) URLs are accepted, with letters of any script (IRIs)."""
        assert source(url=url).url == url

    @pytest.mark.parametrize(
        "url",
        [
            "www.example.org",
            "ftp://example.org/a",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "https://example.org/a b",
            "javascript:alert(1)",
            "",
            5,
            # white space of other kinds, control characters, lone surrogates
            "https://example.org/a\tb",
            "https://example.org/\n",
            "https://example.org/a\xa0b",
            "https://example.org/\u3000",
            "https://example.org/\u2028",
            "https://exa\u2009mple.org",
            "https://example.org/\x1c",
            "https://example.org/\x85",
        ],
    )
    def test_invalid_urls(self, url: object) -> None:
        """Relative, non-http, empty-host or spaced URLs are refused, and so are
        URLs holding control characters or lone surrogates (which no UTF-8 file
        could hold)."""
        assert errors_of(source, url=url) == (
            (
                "url",
                "must be an absolute http(s) URL, without white space or "
                f"control characters, got {url!r}",
            ),
        )

    @pytest.mark.parametrize(
        "url",
        [
            "https://[::1/a",
            "http://example.org:http/",
            "http://@",
            "http://:80",
            "http://[[[[",
            "https://example.org/\ufeff",
            "https://example.org/\x00",
            "https://example.org/\x7f",
            "https://example.org/\ud800",
        ],
    )
    def test_urls_version_1_read(self, url: str) -> None:
        """
        URLs version 1 read (any text without white space after the scheme)
        that have no host RFC 3986 reads, or hold a control character or a
        lone surrogate, are refused by a rule of format version 2, which a
        version-1 document is told.
        """
        message = (
            "must be an absolute http(s) URL with a host (a name, or an IP "
            "address in brackets, after an optional user and before an optional "
            "port of digits, as RFC 3986 writes it), without control characters, "
            f"got {url!r}"
        )
        assert errors_of(source, url=url) == (("url", message),)
        document = {"id": "s", "publisher": "P", "url": url}
        with pytest.raises(ValidationError) as caught:
            from_dict(Source, document, schema_version=1)
        assert caught.value.errors == (("url", message + NOTE),)

    def test_invalid(self) -> None:
        """Bad id, blank publisher and title, naive date are all reported."""
        assert errors_of(
            Source,
            id="TIS",
            publisher="",
            title=" ",
            published=dt.datetime(2025, 7, 19, 8),
            accessed="yesterday",
        ) == (
            ("id", slug_error("TIS")),
            ("publisher", "must be non-empty text, got ''"),
            ("title", "must be non-empty text, got ' '"),
            (
                "published",
                "naive datetime 2025-07-19T08:00:00 has no time zone; give it a zone "
                "(the library never guesses one) or record a date",
            ),
            (
                "accessed",
                "must be a date, a zone-aware datetime or a PartialDate, got str "
                "'yesterday' (parse_moment does not read it either: 'yesterday' "
                "is not a moment (YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339/RFC 9557 timestamp))",
            ),
        )


class TestStatement:
    def test_fields(self) -> None:
        """A statement is a quote with a speaker, party, date and source."""
        s = statement(
            speaker_role="Kremlin spokesperson",
            party="russia",
            source="tis-2025-07-19",
            sources=["other"],
        )
        assert (s.party, s.source, s.sources) == (
            "russia",
            "tis-2025-07-19",
            ("other",),
        )

    def test_unicode_speaker_and_text(self) -> None:
        """Names and quotes in any script are stored NFC-normalised."""
        s = statement(
            speaker="Зеленський",
            text=unicodedata.normalize("NFD", "Türkiye hosted the talks."),
        )
        assert s.speaker == "Зеленський"
        assert s.text == "Türkiye hosted the talks."

    def test_partial_date(self) -> None:
        """A quote known only by its month is recorded as such."""
        assert statement(said_on=PartialDate(2025, 7)).said_on == PartialDate(2025, 7)

    def test_invalid(self) -> None:
        """Every bad field of a statement is reported."""
        assert errors_of(
            Statement,
            id="",
            speaker=" ",
            speaker_role="",
            party="Russia",
            said_on=None,
            text="",
            source="tis 2025",
            sources=["a", "a"],
        ) == (
            ("id", slug_error("")),
            ("speaker", "must be non-empty text, got ' '"),
            ("speaker_role", "must be non-empty text, got ''"),
            ("party", slug_error("Russia")),
            (
                "said_on",
                "must be a date, a zone-aware datetime or a PartialDate, got None",
            ),
            ("text", "must be non-empty text, got ''"),
            ("source", slug_error("tis 2025")),
            ("sources[1]", "source 'a' appears twice"),
        )
