"""Conditions (terms), positions on them, and stances."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pendulum
import pytest

from negotiation_records import (
    Condition,
    ConditionKind,
    PartialDate,
    Position,
    Stance,
    ValidationError,
)
from tests.strategies_foundation import errors_of, slug_error


def condition(**changes: Any) -> Condition:
    """Russia's first demand, with *changes* applied."""
    kwargs: dict[str, Any] = {
        "id": "cede-four-regions",
        "text": "Ukraine cedes control of the four regions Moscow claims",
        "demanded_by": "russia",
        "addressed_to": ["ukraine"],
    }
    kwargs.update(changes)
    return Condition(**kwargs)


class TestStance:
    def test_values(self) -> None:
        """The five stances, from agreement to refusal."""
        assert [s.value for s in Stance] == [
            "supports",
            "accepts",
            "undecided",
            "opposes",
            "rejects",
        ]

    @pytest.mark.parametrize(
        ("stance", "positive", "negative"),
        [
            (Stance.SUPPORTS, True, False),
            (Stance.ACCEPTS, True, False),
            (Stance.UNDECIDED, False, False),
            (Stance.OPPOSES, False, True),
            (Stance.REJECTS, False, True),
        ],
    )
    def test_sign(self, stance: Stance, positive: bool, negative: bool) -> None:
        """Supports/accepts are positive, opposes/rejects negative."""
        assert stance.is_positive is positive
        assert stance.is_negative is negative


class TestPosition:
    def test_fields(self) -> None:
        """A position is a party, a stance and optionally when and how."""
        position = Position(
            party="ukraine",
            stance="opposes",
            on=PartialDate(2025, 7),
            text="firmly opposes",
            statement="zelenskyy-1",
        )
        assert position.stance is Stance.OPPOSES
        assert position.on == PartialDate(2025, 7)

    def test_invalid(self) -> None:
        """Every bad field of a position is reported."""
        assert errors_of(
            Position,
            party="Ukraine",
            stance="against",
            on="2025-07-19",
            text="",
            statement="Z 1",
        ) == (
            ("party", slug_error("Ukraine")),
            (
                "stance",
                "'against' is not a valid Stance (choose from 'supports', 'accepts', "
                "'undecided', 'opposes', 'rejects')",
            ),
            (
                "on",
                "must be a date, a zone-aware datetime or a PartialDate, got str "
                "'2025-07-19' (parse text with parse_moment)",
            ),
            ("text", "must be non-empty text, got ''"),
            ("statement", slug_error("Z 1")),
        )


class TestConditionFields:
    def test_defaults(self) -> None:
        """A condition is a demand by default, with empty lists."""
        c = Condition(id="c", text="Something")
        assert c.kind is ConditionKind.DEMAND
        assert c.demanded_by is None
        assert c.addressed_to == c.topics == c.sources == ()
        assert c.positions == ()

    @pytest.mark.parametrize("kind", list(ConditionKind))
    def test_kinds(self, kind: ConditionKind) -> None:
        """Every kind can be given by value."""
        assert condition(kind=kind.value).kind is kind

    def test_unknown_kind_lists_choices(self) -> None:
        """An unknown kind names the valid ones."""
        assert errors_of(condition, kind="wish") == (
            (
                "kind",
                "'wish' is not a valid ConditionKind (choose from 'demand', "
                "'precondition', 'offer', 'commitment')",
            ),
        )

    def test_cannot_address_itself(self) -> None:
        """The demanding party is not among the addressees."""
        assert errors_of(condition, addressed_to=["ukraine", "russia"]) == (
            ("addressed_to", "'russia' cannot address a condition to itself"),
        )

    def test_no_party_twice(self) -> None:
        """An addressee appears once."""
        assert errors_of(condition, addressed_to=["ukraine", "ukraine"]) == (
            ("addressed_to[1]", "party 'ukraine' appears twice"),
        )

    def test_addressed_to_string_is_refused(self) -> None:
        """A single id where a list is expected is refused, not split."""
        assert errors_of(condition, addressed_to="ukraine") == (
            ("addressed_to", "must be a list of values, got str 'ukraine'"),
        )

    def test_topics(self) -> None:
        """Topics are free, non-blank tags, none twice."""
        assert condition(topics=["territory", "Military aid"]).topics == (
            "territory",
            "Military aid",
        )
        assert errors_of(condition, topics=["territory", "", "territory"]) == (
            ("topics[1]", "must be non-empty text, got ''"),
            ("topics[2]", "topic 'territory' appears twice"),
        )

    def test_positions(self) -> None:
        """Positions are Position records, and an identical one is not repeated."""
        opposes = Position(party="ukraine", stance="opposes")
        assert errors_of(condition, positions=[opposes, "opposes", opposes]) == (
            ("positions[1]", "must be a Position, got str 'opposes'"),
            (
                "positions[2]",
                "position Position(party='ukraine', stance=<Stance.OPPOSES: 'opposes'>, "
                "on=None, text=N... appears twice",
            ),
        )

    def test_text_is_required(self) -> None:
        """A condition's text is non-empty, and the id a slug."""
        assert errors_of(Condition, id="Cede", text=" \n") == (
            ("id", slug_error("Cede")),
            ("text", "must be non-empty text, got ' \\n'"),
        )


class TestStances:
    def test_stance_of_latest(self) -> None:
        """The latest dated position wins; undated positions count as oldest."""
        c = condition(
            positions=[
                Position(
                    party="ukraine", stance="accepts", on=pendulum.date(2025, 7, 1)
                ),
                Position(
                    party="ukraine", stance="opposes", on=pendulum.date(2025, 6, 1)
                ),
                Position(party="ukraine", stance="undecided"),
                Position(party="turkiye", stance="supports"),
            ]
        )
        assert c.stance_of("ukraine") is Stance.ACCEPTS
        assert c.stance_of("turkiye") is Stance.SUPPORTS
        assert c.stance_of("russia") is None

    def test_stance_of_as_of_a_moment(self) -> None:
        """
        With at=, later positions are ignored; undated ones always count, and
        one dated by month once the month is over, as in the snapshot.
        """
        c = condition(
            positions=[
                Position(party="ukraine", stance="undecided"),
                Position(
                    party="ukraine", stance="opposes", on=pendulum.date(2025, 6, 1)
                ),
                Position(party="ukraine", stance="accepts", on=PartialDate(2025, 8)),
            ]
        )
        assert c.stance_of("ukraine", at=pendulum.date(2025, 5, 1)) is Stance.UNDECIDED
        assert c.stance_of("ukraine", at=pendulum.date(2025, 6, 1)) is Stance.OPPOSES
        assert c.stance_of("ukraine", at=PartialDate(2025, 8)) is Stance.OPPOSES
        assert (
            c.stance_of("ukraine", at=pendulum.datetime(2025, 8, 2, tz="Europe/Kyiv"))
            is Stance.OPPOSES
        )
        assert c.stance_of("ukraine", at=pendulum.date(2025, 9, 1)) is Stance.ACCEPTS
        assert c.stance_of("ukraine", at=PartialDate(2025, 9)) is Stance.ACCEPTS

    @pytest.mark.parametrize(
        ("at", "stance"),
        [
            (dt.date(2025, 6, 1), Stance.OPPOSES),
            (dt.datetime(2025, 5, 31, 22, tzinfo=dt.UTC), Stance.UNDECIDED),
            (
                dt.datetime(2025, 6, 1, 12, tzinfo=ZoneInfo("Europe/Kyiv")),
                Stance.OPPOSES,
            ),
        ],
    )
    def test_stance_of_at_a_plain_date_or_datetime(
        self, at: dt.date, stance: Stance
    ) -> None:
        """A ``datetime.date`` or an aware ``datetime.datetime`` is read as its
        pendulum equal."""
        c = condition(
            positions=[
                Position(party="ukraine", stance="undecided"),
                Position(
                    party="ukraine", stance="opposes", on=pendulum.date(2025, 6, 1)
                ),
            ]
        )
        assert c.stance_of("ukraine", at=at) is stance

    @pytest.mark.parametrize(
        ("at", "message"),
        [
            (
                dt.datetime(2025, 6, 1),
                "naive datetime 2025-06-01T00:00:00 has no time zone; give it a "
                "zone (the library never guesses one) or record a date",
            ),
            (
                5,
                "must be a date, a zone-aware datetime or a PartialDate, got int 5",
            ),
            (
                "2025-06-01",
                "must be a date, a zone-aware datetime or a PartialDate, got str "
                "'2025-06-01' (parse text with parse_moment)",
            ),
        ],
        ids=["naive", "number", "text"],
    )
    def test_stance_of_at_what_is_not_a_moment_is_refused(
        self, at: object, message: str
    ) -> None:
        """Refused at ``at``, as ``status_at`` refuses it, positions or none."""
        for c in (
            condition(),
            condition(positions=[Position(party="ukraine", stance="accepts")]),
        ):
            with pytest.raises(ValidationError) as exc:
                c.stance_of("ukraine", at=at)  # type: ignore[arg-type]
            assert exc.value.errors == (("at", message),)

    def test_with_position_keeps_history(self) -> None:
        """with_position returns a new condition with the position appended."""
        c = condition()
        later = c.with_position(
            Position(party="ukraine", stance="rejects", on=pendulum.date(2025, 7, 19))
        )
        assert c.positions == ()
        assert later.stance_of("ukraine") is Stance.REJECTS
        again = later.with_position(
            Position(party="ukraine", stance="accepts", on=pendulum.date(2025, 8, 1))
        )
        assert [p.stance for p in again.positions] == [Stance.REJECTS, Stance.ACCEPTS]
        assert again.stance_of("ukraine") is Stance.ACCEPTS
