"""Record classes of one's own: the public ``Record`` base checks them as the library's."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pytest

from negotiation_records import (
    Record,
    ValidationError,
    from_dict,
    from_json,
    json_schema,
    to_json,
)
from negotiation_records._cli_args import record_types
from negotiation_records.fields import Int, Many, Maybe, Slug, Text, field


@attrs.frozen(kw_only=True)
class Briefing(Record):
    """A briefing of the press: an id, its text, its tags, and how many came."""

    id: str = field(Slug())
    text: str = field(Text())
    tags: tuple[str, ...] = field(Many(Text()), default=())
    attended: int | None = field(Maybe(Int(min=0)), default=None)
    seats: int = field(Int(min=0), default=100)

    def _problems(self) -> Iterable[tuple[str, str]]:
        if self.attended is not None and self.attended > self.seats:
            yield ("attended", f"more than the {self.seats} seats")


@attrs.frozen(kw_only=True)
class Unchecked:
    """The same field, on an attrs class without the base: converted, not checked."""

    text: str = field(Text())


def _errors(call: object) -> tuple[tuple[str, str], ...]:
    with pytest.raises(ValidationError) as caught:
        call()  # type: ignore[operator]
    return caught.value.errors


def test_fields_checked_on_construction() -> None:
    assert _errors(lambda: Briefing(id="Brief 1", text=" ", tags=("ok", ""))) == (
        (
            "id",
            "must be a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, at most "
            "64 characters), got 'Brief 1'",
        ),
        ("text", "must be non-empty text, got ' '"),
        ("tags[1]", "must be non-empty text, got ''"),
    )


def test_checks_across_fields_after_the_fields() -> None:
    assert _errors(lambda: Briefing(id="b", text="t", attended=120)) == (
        ("attended", "more than the 100 seats"),
    )
    assert Briefing(id="b", text="t", attended=80, tags=("gaza",)).tags == ("gaza",)


def test_checked_on_load_and_written() -> None:
    assert _errors(lambda: from_dict(Briefing, {"id": "b", "text": ""})) == (
        ("text", "must be non-empty text, got ''"),
    )
    briefing = Briefing(id="b-1", text="Talks resume", attended=40)
    assert from_json(Briefing, to_json(briefing)) == briefing
    assert json_schema(Briefing)["required"] == ["id", "text"]


def test_without_the_base_nothing_is_checked() -> None:
    """What the field kinds' page says: converted, read and written, not checked."""
    assert Unchecked(text=" ").text == " "
    assert from_dict(Unchecked, {"text": " "}).text == " "


def test_the_base_is_no_record_type_of_the_command_line() -> None:
    assert "Record" not in record_types()
    assert "Negotiation" in record_types()
