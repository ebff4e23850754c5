"""
The answers of the queries (``PartyPositions``, ``TermStance``, ``PhaseEnd``)
built by hand are checked as every record is: the same conversions, every
problem with its path, and a value that writes and reads back.
"""

from __future__ import annotations

import pickle
from typing import Any

import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Condition,
    Deadline,
    PartyPositions,
    Phase,
    PhaseEnd,
    Stance,
    TermStance,
    ValidationError,
    from_dict,
    from_json,
    to_dict,
    to_json,
)


CEDE = Condition(id="cede", text="Cede four regions", demanded_by="russia")
AID = Condition(id="aid", text="Reject Western military aid", demanded_by="russia")
OFFER = Condition(id="talks", text="A new round next week", kind="offer")
START = pendulum.date(2025, 1, 19)
GAZA = Agreement(
    id="gaza",
    title="Gaza ceasefire",
    stage="ceasefire",
    phases=[
        Phase(
            name="Phase one",
            starts=START,
            ends=Deadline.on_day(42, counting_from=START),
        ),
        Phase(name="Phase two"),
    ],
)


def errors(cls: type[Any], **kwargs: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        cls(**kwargs)
    return list(caught.value.errors)


class TestTermStance:
    def test_converted_as_a_position_is(self) -> None:
        """Text for the stance, a plain date: stored as a record stores them."""
        built = TermStance(
            condition=CEDE, stance="opposes", on=pendulum.date(2025, 7, 15)
        )
        assert built.stance is Stance.OPPOSES
        assert built == TermStance(
            condition=CEDE, stance=Stance.OPPOSES, on=pendulum.date(2025, 7, 15)
        )

    def test_every_problem_with_its_path(self) -> None:
        naive = pendulum.naive(2025, 7, 15, 12)
        found = errors(
            TermStance,
            condition="cede",
            stance="bogus",
            on=naive,
            inherited_from="The EU",
        )
        assert [path for path, _ in found] == [
            "condition",
            "stance",
            "on",
            "inherited_from",
        ]
        assert "naive" in dict(found)["on"]
        assert "'bogus'" in dict(found)["stance"]

    def test_a_folded_moment_survives_pickling(self) -> None:
        """01:30 EST, the second 01:30 of New York's night the clocks go back."""
        second = pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York", fold=1)
        stance = TermStance(condition=CEDE, stance="rejects", on=second)
        again = pickle.loads(pickle.dumps(stance))  # noqa: S301 - our own bytes
        assert again == stance
        assert again.on.fold == 1
        assert again != TermStance(
            condition=CEDE, stance="rejects", on=second.replace(fold=0)
        )


class TestPartyPositions:
    def test_lists_become_tuples(self) -> None:
        """Any iterable is stored as a tuple, so the answer is hashable."""
        mine = PartyPositions(
            party="ukraine",
            offers=[OFFER],
            stances=[TermStance(condition=CEDE, stance="opposes")],
        )
        assert mine.offers == (OFFER,)
        assert isinstance(mine.stances, tuple)
        assert hash(mine) == hash(
            PartyPositions(
                party="ukraine",
                offers=(OFFER,),
                stances=(TermStance(condition=CEDE, stance=Stance.OPPOSES),),
            )
        )

    def test_every_problem_with_its_path(self) -> None:
        found = errors(
            PartyPositions,
            party="Ukraine",
            demands=[CEDE, "aid"],
            stances=[TermStance(condition=AID), {"condition": CEDE}],
        )
        assert [path for path, _ in found] == ["party", "demands[1]", "stances[1]"]

    def test_written_and_read_back(self) -> None:
        second = pendulum.datetime(2025, 11, 2, 1, 30, tz="America/New_York", fold=1)
        mine = PartyPositions(
            party="ukraine",
            offers=[OFFER],
            stances=[
                TermStance(condition=CEDE, stance="opposes", on=second),
                TermStance(condition=AID, stance="rejects", inherited_from="eu"),
            ],
        )
        assert from_json(PartyPositions, to_json(mine)) == mine

    def test_read_with_the_records_rules(self) -> None:
        """Loading checks the answer's own fields, not only the nested records."""
        with pytest.raises(ValidationError) as caught:
            from_dict(
                PartyPositions,
                {"party": "UA!", "stances": [{"condition": to_dict(CEDE), "on": "x"}]},
            )
        assert [path for path, _ in caught.value.errors] == ["party", "stances[0].on"]


class TestPhaseEnd:
    def test_not_an_agreement(self) -> None:
        """A ValidationError at ``agreement``, not attrs' TypeError."""
        assert [path for path, _ in errors(PhaseEnd, agreement="gaza", index=0)] == [
            "agreement"
        ]

    def test_a_negative_index(self) -> None:
        """-1 is not "the last phase": a phase is named by its place."""
        assert [path for path, _ in errors(PhaseEnd, agreement=GAZA, index=-1)] == [
            "index"
        ]

    def test_the_place_of_a_phase_with_an_end(self) -> None:
        end = PhaseEnd(agreement=GAZA, index=0)
        assert end.deadline.due == pendulum.date(2025, 3, 1)
        assert errors(PhaseEnd, agreement=GAZA, index=1) == [
            ("index", "phases[1] of agreement 'gaza' has no end")
        ]
