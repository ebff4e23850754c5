"""Records are frozen: setting or deleting an attribute says what to do instead."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import attrs
import pendulum
import pytest

from negotiation_records import (
    Deadline,
    FrozenRecordError,
    NegotiationRecordError,
    PartialDate,
    Party,
    Period,
    Proposal,
    Window,
)
from negotiation_records._frozen import refuse_changes
from negotiation_records._signatures import record_classes
from negotiation_records.fields import Slug


def _invite() -> Proposal:
    return Proposal(
        id="invite",
        proposed_by="ukraine",
        addressed_to=["russia"],
        made_on=pendulum.date(2025, 7, 19),
        summary="Talks next week",
    )


RUSSIA = Party(id="russia", name="Russia", kind="state")


class TestMessage:
    def test_field(self) -> None:
        """A field: the copy attrs.evolve makes, under the class's name."""
        with pytest.raises(FrozenRecordError) as caught:
            RUSSIA.name = "Russian Federation"  # type: ignore[misc]
        assert str(caught.value) == (
            "cannot set 'name' of a Party: it is frozen; "
            "make a changed copy with attrs.evolve(party, name=...)"
        )
        assert caught.value.name == "name"
        assert caught.value.obj is RUSSIA

    def test_delete(self) -> None:
        with pytest.raises(
            FrozenRecordError, match=r"^cannot delete 'aliases' of a Party"
        ):
            del RUSSIA.aliases

    def test_not_a_field(self) -> None:
        """A name that is no field: the fields it has are listed."""
        with pytest.raises(FrozenRecordError) as caught:
            RUSSIA.capital = "Moscow"  # type: ignore[attr-defined]
        message = str(caught.value)
        assert "'capital' is not one of its fields (id, name, kind, role," in message
        assert "evolve" not in message  # attrs.evolve(party, capital=...) would fail

    def test_status(self) -> None:
        """A status is read from the history: the status methods change it."""
        invite = _invite()
        for name in ("status", "status_on"):
            with pytest.raises(FrozenRecordError) as caught:
                setattr(invite, name, None)
            assert str(caught.value) == (
                f"cannot set {name!r} of a Proposal: it is frozen, and {name!r} is "
                "read from its history: the status methods of Proposal return a "
                "changed copy with a step added"
            )

    def test_worked_out_property(self) -> None:
        with pytest.raises(
            FrozenRecordError, match="'label' is worked out from its fields"
        ):
            _invite().label = "x"  # type: ignore[misc]

    def test_method_named_for_the_attribute(self) -> None:
        """Where the class has ``with_NAME``, that method is named, not evolve."""

        @attrs.frozen
        class Talks:
            phase: int

            def with_phase(self, phase: int) -> Talks:
                return attrs.evolve(self, phase=phase)

        talks = refuse_changes(Talks)(phase=1)
        with pytest.raises(
            FrozenRecordError, match=r"with talks\.with_phase\(\.\.\.\)$"
        ):
            talks.phase = 2  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("value", "name", "expected"),
        [
            (Period.parse("P50D"), "days", "attrs.evolve(period, days=...)"),
            (PartialDate(2025, 6), "year", "attrs.evolve(partial_date, year=...)"),
            (
                Deadline.after(pendulum.date(2025, 7, 14), days=50),
                "tz",
                "attrs.evolve(deadline, tz=...)",
            ),
            (
                Window(
                    start=pendulum.date(2025, 7, 21), end=pendulum.date(2025, 7, 27)
                ),
                "end",
                "attrs.evolve(window, end=...)",
            ),
        ],
        ids=lambda v: type(v).__name__,
    )
    def test_values(self, value: Any, name: str, expected: str) -> None:
        """Periods, partial dates, deadlines and windows say the same."""
        with pytest.raises(FrozenRecordError) as caught:
            setattr(value, name, getattr(value, name))
        assert str(caught.value).endswith(expected)

    def test_kind(self) -> None:
        """A field kind is frozen too; it has no fields of attrs to name."""
        with pytest.raises(
            FrozenRecordError, match=r"^cannot set 'x' of a Slug: it is frozen$"
        ):
            Slug().x = 1


class TestClasses:
    def test_what_it_is_also(self) -> None:
        """Caught as the library's error, as attrs' and as an AttributeError."""
        assert issubclass(FrozenRecordError, NegotiationRecordError)
        assert issubclass(FrozenRecordError, attrs.exceptions.FrozenInstanceError)
        assert issubclass(FrozenRecordError, AttributeError)

    @pytest.mark.parametrize("cls", record_classes(), ids=lambda c: c.__name__)
    def test_every_record_class(self, cls: type[Any]) -> None:
        """Every record class refuses with the library's error."""
        instance = object.__new__(cls)
        with pytest.raises(FrozenRecordError):
            setattr(instance, attrs.fields(cls)[0].name, None)

    def test_error_pickles(self) -> None:
        """The error crosses processes (multiprocessing pickles exceptions)."""
        error = FrozenRecordError("cannot set 'x'", name="x", obj=None)
        again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
        assert (type(again), str(again)) == (FrozenRecordError, "cannot set 'x'")


class TestCopiesStillWork:
    def test_evolve_copy_pickle(self) -> None:
        """evolve, copy, deepcopy and pickle build records without __setattr__."""
        invite = _invite()
        assert attrs.evolve(invite, summary="Talks in Istanbul").summary == (
            "Talks in Istanbul"
        )
        assert copy.copy(invite) == invite
        assert copy.deepcopy(invite) == invite
        assert pickle.loads(pickle.dumps(invite)) == invite  # noqa: S301
        assert invite.withdraw().status.value == "withdrawn"
