"""
The typed constructors that type checkers read, and what they promise.

Each record class declares, under ``if TYPE_CHECKING:``, an ``__init__`` whose
argument types are what the fields' kinds accept.  These tests check that every
declaration is current (written from the kinds) and, since mypy --strict checks
this file, that the arguments users pass type-check: lists for tuples, enum
values as text, plain dates for moments.  A ``# type: ignore[...]`` below is a
test too: mypy's ``warn_unused_ignores`` fails the run when the error it
silences is no longer reported.
"""

from __future__ import annotations

import datetime as dt
import enum
import shutil
from pathlib import Path
from typing import assert_type

import attrs
import pendulum
import pytest

from negotiation_records import (
    Condition,
    Deadline,
    Negotiation,
    PartialDate,
    Party,
    PartyKind,
    Proposal,
    ProposalStatus,
    Round,
    RoundStatus,
    StatusChange,
    Ultimatum,
    ValidationError,
)
from negotiation_records import _signatures as signatures
from negotiation_records.timeutil import Moment


class TestDeclarations:
    def test_every_record_class_declares_a_current_constructor(self) -> None:
        assert signatures.stale_classes() == []
        assert signatures.main([]) == 0

    def test_every_record_class_is_covered(self) -> None:
        names = {cls.__name__ for cls in signatures.record_classes()}
        assert {"Party", "Negotiation", "Deadline", "StatusChange", "Vote"} <= names

    def test_the_arguments_are_what_the_kinds_accept(self) -> None:
        party = {name: (t, d) for name, t, d in signatures.expected_parameters(Party)}
        assert party["id"] == ("str", False)
        assert party["kind"] == ("PartyKind | str", False)
        assert party["aliases"] == ("Iterable[str]", True)
        assert party["country"] == ("str | None", True)
        proposal = {
            name: (t, d) for name, t, d in signatures.expected_parameters(Proposal)
        }
        assert proposal["made_on"] == ("MomentInput", False)
        assert proposal["terms"] == ("Iterable[Condition]", True)
        # an init-only argument takes its annotation: it has no kind
        assert proposal["status"] == ("ProposalStatus | str | None", True)

    def test_an_argument_missing_from_the_declaration_is_reported(self) -> None:
        source = Path(signatures.__file__).with_name("parties.py").read_text("utf-8")
        stale = source.replace("            aliases: Iterable[str] = ...,\n", "", 1)
        assert stale != source
        declared = signatures.declared_parameters(Party, stale)
        assert declared is not None
        assert "aliases" not in [name for name, _, _ in declared]

    def test_write_puts_back_a_removed_declaration(self, tmp_path: Path) -> None:
        original = Path(signatures.__file__).with_name("windows.py")
        copy = tmp_path / "windows.py"
        shutil.copy(original, copy)
        source = copy.read_text("utf-8")
        start = source.index("    if TYPE_CHECKING:\n        # The constructor")
        end = source.index(") -> None: ...\n", start) + len(") -> None: ...\n")
        copy.write_text(source[:start] + source[end:], "utf-8")
        from negotiation_records.windows import Window

        assert signatures.declared_parameters(Window, copy.read_text("utf-8")) is None
        assert signatures._rewrite(copy, [Window])
        declared = signatures.declared_parameters(Window, copy.read_text("utf-8"))
        expected = signatures.expected_parameters(Window)
        assert declared == [(n, t, d) for n, t, d in expected]
        assert not signatures._rewrite(copy, [Window])  # already current

    def test_a_class_without_init_false_is_reported(self) -> None:
        @attrs.frozen(kw_only=True)
        class Local:
            x: int = 0

        source = (
            "import attrs\n@attrs.frozen(kw_only=True)\nclass Local:\n    x: int = 0\n"
        )
        assert not signatures._declares_init_false(Local, source)


class TestWhatTypeCheckersAccept:
    """Arguments a user passes, typed as the kinds accept them (checked by mypy)."""

    def test_text_for_enums_lists_for_tuples(self) -> None:
        party = Party(
            id="russia", name="Russia", kind="state", aliases=["Moscow", "the Kremlin"]
        )
        assert_type(party.kind, PartyKind)
        assert_type(party.aliases, tuple[str, ...])
        assert party.kind is PartyKind.STATE
        assert party.aliases == ("Moscow", "the Kremlin")

    def test_plain_dates_and_init_only_status(self) -> None:
        proposal = Proposal(
            id="new-round",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=dt.date(2025, 7, 19),
            summary="A new round next week",
            terms=[
                Condition(id="meet", text="Meet in Istanbul", demanded_by="ukraine")
            ],
            status="pending",
        )
        assert_type(proposal.made_on, Moment)
        assert_type(proposal.status, ProposalStatus)
        assert proposal.made_on == pendulum.date(2025, 7, 19)

    def test_a_history_holds_its_records_statuses(self) -> None:
        """A record's history is typed by its status enum: a change's ``status``
        there is that enum's member, for type checkers as at run time."""
        proposal = Proposal(
            id="new-round",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=dt.date(2025, 7, 19),
            summary="A new round next week",
            history=[StatusChange(status="accepted", on=dt.date(2025, 7, 21))],
        )
        change = proposal.history[-1]
        assert_type(change, StatusChange[ProposalStatus])
        assert_type(change.status, ProposalStatus)
        assert change.status is ProposalStatus.ACCEPTED
        assert change.status.value == "accepted"
        assert StatusChange[ProposalStatus] is StatusChange  # the class at run time
        assert "StatusChange[UltimatumStatus]" in Ultimatum.__annotations__["history"]

    def test_a_change_on_its_own_holds_a_member_or_text(self) -> None:
        """A change built on its own may hold text: typed as it accepts it."""
        free = StatusChange(status="expired", on=dt.date(2025, 9, 3))
        assert_type(free.status, enum.Enum | str)
        assert free.status == "expired"

    def test_evolve_takes_what_the_constructor_takes(self) -> None:
        held = Round(number=1, status="held", starts=dt.date(2025, 5, 16))
        later = attrs.evolve(held, location="Istanbul", hosts=["turkiye"])
        assert_type(later, Round)
        assert later.status is RoundStatus.HELD

    def test_wrong_types_are_still_caught(self) -> None:
        with pytest.raises(ValidationError):
            Party(id=1, name="Ukraine", kind="state")  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            Negotiation(id="talks", title="Talks", parties="ukraine")  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            Deadline(due=dt.datetime(2025, 9, 2, 12))  # naive: refused at run time

    def test_a_deadline_falls_due_on_a_date_or_a_datetime(self) -> None:
        deadline = Deadline.after(dt.date(2025, 7, 14), days=50)
        assert_type(deadline.due, pendulum.DateTime | pendulum.Date)
        assert_type(deadline.anchor, pendulum.DateTime | pendulum.Date | None)
        assert deadline.due.weekday() == 1  # no partial date to rule out first
        served = pendulum.datetime(2024, 11, 1, 8, tz="America/Vancouver")
        calendar = Deadline.after(served, days=3)
        assert isinstance(calendar.due, pendulum.DateTime)
        assert (calendar.due - served).in_hours() == 73  # the clocks go back
        with pytest.raises(ValidationError):
            Deadline.after(PartialDate(2025, 7), days=3)  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            Deadline(due=PartialDate(2025, 7))  # type: ignore[arg-type]

    def test_plain_dates_for_the_methods_too(self) -> None:
        proposal = Proposal(
            id="new-round",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=dt.date(2025, 7, 19),
            summary="A new round next week",
        )
        answered = proposal.respond("russia", on=dt.date(2025, 7, 20), stance="rejects")
        assert answered.responses[0].on == pendulum.date(2025, 7, 20)
        assert proposal.accept(on=dt.date(2025, 7, 21)).status_on == pendulum.date(
            2025, 7, 21
        )
        held = Round(number=1, status="held", starts=dt.date(2025, 5, 16))
        assert held.covers(dt.date(2025, 5, 16))

    def test_a_misspelt_name_of_the_package_is_an_error(self) -> None:
        import negotiation_records

        assert_type(negotiation_records.__version__, str)
        with pytest.raises(AttributeError):
            negotiation_records.to_jsn  # type: ignore[attr-defined]  # noqa: B018
