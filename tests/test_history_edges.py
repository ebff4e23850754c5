"""
Status histories at their edges: what a change accepts as its status, how a
history read from a document reports each bad change, the order of steps
across precisions, the init-only ``status`` argument, and what an as-of
snapshot keeps of revisions, expiries and milestones.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs
import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Deadline,
    Milestone,
    Moment,
    Negotiation,
    NegotiationStatus,
    PartialDate,
    Party,
    Proposal,
    ProposalStatus,
    Statement,
    StatusChange,
    Ultimatum,
    UltimatumStatus,
    ValidationError,
    from_dict,
    is_before,
    parse_moment,
)
from negotiation_records.history import steps_back


_PROPOSAL: dict[str, Any] = {
    "id": "p1",
    "proposed_by": ["ua"],
    "made_on": "2025-01-01",
    "summary": "A ceasefire",
}


class _Numbered(enum.Enum):
    """An enum whose values are not text, as no status enum's are."""

    ONE = 1


class TestStatusOfAChange:
    """What a change standing alone takes as its status."""

    @pytest.mark.parametrize("letter", ["x", "\u00e9"])
    def test_a_status_of_the_longest_length_is_accepted(self, letter: str) -> None:
        """A text status of exactly 64 characters is a status; 65 is too long."""
        longest = letter * 64
        assert StatusChange(status=longest).status == longest
        with pytest.raises(ValidationError) as caught:
            StatusChange(status=longest + "x")
        assert caught.value.errors == (
            (
                "status",
                "must be a status, at most 64 characters, got 65 characters "
                f"{longest + 'x'!r}",
            ),
        )

    def test_a_member_of_an_enum_whose_values_are_not_text_is_refused(self) -> None:
        """A status is a member of a status enum, whose values are text."""
        with pytest.raises(ValidationError) as caught:
            StatusChange(status=_Numbered.ONE)
        assert caught.value.errors == (
            (
                "status",
                "must be a status (an enum member or its value), got _Numbered "
                "<_Numbered.ONE: 1>",
            ),
        )

    @pytest.mark.parametrize("status", [5, 2.5, b"accepted"])
    def test_a_status_that_is_neither_text_nor_a_member_is_a_validation_error(
        self, status: object
    ) -> None:
        """A value that is not text nor a member is refused as a problem, never a crash."""
        with pytest.raises(ValidationError) as caught:
            StatusChange(status=status)  # type: ignore[arg-type]
        ((path, message),) = caught.value.errors
        assert path == "status"
        assert message.startswith("must be a status (an enum member or its value)")


class TestChangeReadFromADocument:
    """A change read on its own from plain data."""

    @pytest.mark.parametrize(
        ("status", "shown"),
        [(5, "number 5"), (["accepted"], "an array of 1 item"), (True, "true")],
    )
    def test_a_status_read_must_be_a_string(self, status: object, shown: str) -> None:
        """A status read from a document is JSON text, whatever else it could be."""
        with pytest.raises(ValidationError) as caught:
            from_dict(StatusChange, {"status": status})
        assert caught.value.errors == (("status", f"must be a string, got {shown}"),)


class TestHistoryReadFromADocument:
    """A history loaded from plain data: each bad change reported where it is."""

    @pytest.mark.parametrize(
        ("history", "errors"),
        [
            (5, (("history", "must be an array, got number 5"),)),
            (
                {"status": "accepted"},
                (("history", "must be an array, got an object with 1 key"),),
            ),
            (
                [5],
                (("history[0]", "must be an object (StatusChange), got number 5"),),
            ),
            (
                ["status"],
                (
                    (
                        "history[0]",
                        "must be an object (StatusChange), got string 'status'",
                    ),
                ),
            ),
            (
                [{"on": "2025-01-02"}],
                (("history[0].status", "required field missing"),),
            ),
        ],
    )
    def test_a_history_that_is_not_a_list_of_changes(
        self, history: object, errors: tuple[tuple[str, str], ...]
    ) -> None:
        """A history must be an array of objects, each with a status."""
        with pytest.raises(ValidationError) as caught:
            from_dict(Proposal, {**_PROPOSAL, "history": history})
        assert caught.value.errors == errors

    def test_an_unknown_status_hides_no_other_problem_of_its_change(self) -> None:
        """A status naming no member is reported with the change's other problems."""
        history = [
            {"status": "accepted", "on": "2025-01-02"},
            {"status": "bogus", "on": "nope"},
        ]
        with pytest.raises(ValidationError) as caught:
            from_dict(Proposal, {**_PROPOSAL, "history": history})
        paths = [path for path, _ in caught.value.errors]
        assert paths == ["history[1].status", "history[1].on"]
        assert caught.value.errors[0][1].startswith(
            "'bogus' is not a valid ProposalStatus"
        )

    def test_a_history_given_as_a_tuple_is_not_plain_data(self) -> None:
        """Loading reads JSON's arrays only: a tuple is no array, even of good changes."""
        history = ({"status": "accepted", "on": "2025-01-02"},)
        with pytest.raises(ValidationError) as caught:
            from_dict(Proposal, {**_PROPOSAL, "history": history})
        ((path, message),) = caught.value.errors
        assert path == "history"
        assert message.startswith("must be an array, got tuple")

    def test_a_text_status_read_becomes_the_member(self) -> None:
        """Each change read holds a member of the record's status enum."""
        loaded = from_dict(
            Proposal,
            {**_PROPOSAL, "history": [{"status": "accepted", "on": "2025-01-02"}]},
        )
        assert loaded.history[0].status is ProposalStatus.ACCEPTED
        assert loaded.status is ProposalStatus.ACCEPTED


class TestStatusArgumentsWithABadHistory:
    """The init-only ``status`` argument given with a history that is not one."""

    def test_a_history_that_is_not_a_list_is_reported_not_folded(self) -> None:
        """A bad history is the problem reported; the status is not folded into it."""
        with pytest.raises(ValidationError) as caught:
            Proposal(
                id="p",
                proposed_by=["ua"],
                made_on=pendulum.date(2025, 1, 1),
                summary="S",
                history=5,  # type: ignore[arg-type]
                status="accepted",
                status_on=pendulum.date(2025, 1, 2),
            )
        assert caught.value.errors == (
            ("history", "must be a list of values, got int 5"),
        )


def _moments(*texts: str) -> list[Moment | None]:
    """Moments written as text (``-`` for an undated step)."""
    return [None if text == "-" else parse_moment(text) for text in texts]


class TestStepsBack:
    """
    No dated step may be before (:func:`is_before`) **any** earlier one, whatever
    the mix of years, months, days and datetimes in their zones: each step that is
    is found, with an earlier one it is before.
    """

    @pytest.mark.parametrize(
        "texts",
        [
            # a year and months: the month is before a month two steps back
            ("2025", "2025-08", "2025", "2025-07"),
            # days and datetimes, each a different kind from the one before it
            (
                "2025-07-02",
                "2025-07-02T22:00:00+14:00",
                "2025-07-01",
                "2025-07-02T01:00:00+03:00",
            ),
            (
                "2025-07-03T00:00:00+03:00",
                "2025-07-05T22:00:00-04:00",
                "2025-07-01",
                "2025-07-04T00:00:00+14:00",
            ),
            (
                "2025-07-02T22:00:00+14:00",
                "2025-07-05T01:00:00-04:00",
                "2025-07-02T12:00:00+03:00",
                "2025-07-01",
            ),
            (
                "2025-07-02T00:00:00-11:00",
                "2025-07-04T01:00:00+00:00",
                "2025-07-02",
                "2025-07-02",
            ),
            ("2025-07-05T22:00:00+00:00", "2025-07-02T23:00:00+03:00", "2025-07-02"),
            ("2025-07-03T23:00:00+03:00", "2025-07-02T23:00:00-11:00", "2025-07-02"),
            # datetimes alone: compared as instants
            (
                "2025-07-05T23:00:00-11:00",
                "2025-07-04T01:00:00-11:00",
                "2025-07-04T22:00:00-04:00",
            ),
            # a datetime at the instant of an earlier one is not before it
            (
                "2025-07-02T12:00:00-11:00",
                "2025-07-02T12:00:00-11:00",
                "2025-07-04",
            ),
            (
                "2025-07-13T23:00:00-04:00",
                "2025-07-13",
                "-",
                "2025-07-14T01:00:00+03:00",
            ),
        ],
    )
    def test_each_step_before_any_earlier_one_is_found(
        self, texts: tuple[str, ...]
    ) -> None:
        """Every step before any earlier one is reported, with one it is before."""
        moments = _moments(*texts)
        expected = {
            index
            for index, moment in enumerate(moments)
            if moment is not None
            and any(
                earlier is not None and is_before(moment, earlier)
                for earlier in moments[:index]
            )
        }
        found = steps_back(moments)
        assert set(found) == expected
        for index, earlier in found.items():
            moment, then = moments[index], moments[earlier]
            assert earlier < index
            assert moment is not None
            assert then is not None
            assert is_before(moment, then)

    def test_a_history_out_of_order_across_precisions_is_refused(self) -> None:
        """
        A record refuses a change before an earlier one that is not the one
        just before it, and names that earlier change.
        """
        on = _moments("2025", "2025-08", "2025", "2025-07")
        statuses = [
            NegotiationStatus.SUSPENDED,
            NegotiationStatus.ACTIVE,
            NegotiationStatus.SUSPENDED,
            NegotiationStatus.ACTIVE,
        ]
        with pytest.raises(ValidationError) as caught:
            Negotiation(
                id="n",
                title="Talks",
                history=[
                    StatusChange(status=status, on=moment)
                    for status, moment in zip(statuses, on, strict=True)
                ],
            )
        assert caught.value.errors == (
            (
                "history[3].on",
                "2025-07 is before an earlier change, history[1] (2025-08); "
                "changes must be in the order they were made",
            ),
        )


class TestRestatingTheInitialStatus:
    """Only the first change may restate the initial status."""

    def test_a_later_change_back_to_the_initial_status_follows_the_rules(
        self,
    ) -> None:
        """A change back to the initial status after the first is a step like any other."""
        with pytest.raises(ValidationError) as caught:
            Proposal(
                id="p",
                proposed_by=["ua"],
                made_on=pendulum.date(2025, 1, 1),
                summary="S",
                history=[
                    StatusChange(status="accepted", on=pendulum.date(2025, 1, 2)),
                    StatusChange(status="pending", on=pendulum.date(2025, 1, 3)),
                ],
            )
        assert caught.value.errors == (
            (
                "history[1].status",
                "proposal 'p' cannot go from 'accepted' to 'pending': "
                "from 'accepted' it is final",
            ),
        )

    def test_the_first_change_may_restate_the_initial_status(self) -> None:
        """A first change to the initial status dates it."""
        proposal = Proposal(
            id="p",
            proposed_by=["ua"],
            made_on=pendulum.date(2025, 1, 1),
            summary="S",
            history=[StatusChange(status="pending", on=pendulum.date(2025, 1, 2))],
        )
        assert proposal.status is ProposalStatus.PENDING
        assert proposal.status_on == pendulum.date(2025, 1, 2)


class TestStatusArgumentsThatChangeNothing:
    """A ``status`` argument equal to the current status adds no step."""

    def test_the_problems_of_the_history_stay_where_they_are(self) -> None:
        """
        The current status given again moves no problem to the argument: a
        bad step of the history is reported in the history.
        """
        history = [StatusChange(status="accepted"), StatusChange(status="rejected")]
        with pytest.raises(ValidationError) as caught:
            Proposal(
                id="p",
                proposed_by=["ua"],
                made_on=pendulum.date(2025, 1, 1),
                summary="S",
                history=history,
                status="rejected",
            )
        assert [path for path, _ in caught.value.errors] == ["history[1].status"]


def test_a_change_typed_by_its_status_is_the_class_at_run_time() -> None:
    """``StatusChange[ProposalStatus]`` is ``StatusChange`` itself at run time."""
    typed: object = StatusChange[ProposalStatus]
    assert typed is StatusChange


def test_a_snapshot_keeps_a_revision_linked_to_a_statement_made_by_then() -> None:
    """
    A deadline revision in a snapshot keeps its link to the statement that
    announced it once that statement is in the snapshot too.
    """
    issued = pendulum.date(2025, 7, 14)
    ultimatum = Ultimatum(
        id="u",
        issued_by="us",
        addressed_to=["ru"],
        issued_at=issued,
        demand="Ceasefire",
        deadline=Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv"),
    ).revise_deadline(
        Deadline.on(pendulum.date(2025, 9, 10), tz="Europe/Kyiv"),
        on=pendulum.date(2025, 8, 1),
        statement="extension",
    )
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="United States", kind="state"),
            Party(id="ru", name="Russia", kind="state"),
        ],
        ultimatums=[ultimatum],
        statements=[
            Statement(
                id="extension",
                speaker="The President",
                party="us",
                said_on=pendulum.date(2025, 8, 1),
                text="Ten more days.",
            )
        ],
    )
    (revision,) = talks.as_of(pendulum.date(2025, 8, 5)).ultimatums[0].revisions
    assert revision.statement == "extension"
    assert revision == ultimatum.revisions[0]


def test_a_deadline_extended_before_it_passed_never_ran_out() -> None:
    """
    An undated expiry (and what follows it) of an ultimatum whose deadline
    was extended before it passed waits for the new deadline: the old one
    never ran out.
    """
    ultimatum = Ultimatum(
        id="u",
        issued_by="us",
        addressed_to=["ru"],
        issued_at=pendulum.date(2025, 7, 14),
        demand="Ceasefire",
        deadline=Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv"),
    ).revise_deadline(
        Deadline.on(pendulum.date(2025, 9, 10), tz="Europe/Kyiv"),
        on=pendulum.date(2025, 8, 20),
    )
    enforced = attrs.evolve(
        ultimatum,
        history=(
            *ultimatum.history,
            StatusChange(status=UltimatumStatus.EXPIRED),
            StatusChange(status=UltimatumStatus.ENFORCED),
        ),
    )
    assert enforced.status_at(pendulum.date(2025, 9, 5)) is UltimatumStatus.PENDING
    assert enforced.status_at(pendulum.date(2025, 9, 12)) is UltimatumStatus.ENFORCED


def test_a_snapshot_of_an_agreement_with_no_dated_step_keeps_its_extensions() -> None:
    """
    An agreement whose history has no date is in every snapshot, with each
    extension known by then and the expiry it put in force.
    """
    truce = Agreement(
        id="truce",
        title="Truce",
        stage="ceasefire",
        signatories=["us", "cn"],
        history=[StatusChange(status="signed"), StatusChange(status="in-force")],
        expires=Deadline.after(pendulum.date(2025, 5, 14), days=90),
    ).extend(
        Deadline.after(pendulum.date(2025, 5, 14), days=120),
        on=pendulum.date(2025, 6, 1),
    )
    talks = Negotiation(
        id="t",
        title="T",
        parties=[
            Party(id="us", name="United States", kind="state"),
            Party(id="cn", name="China", kind="state"),
        ],
        agreements=[truce],
    )
    (kept,) = talks.as_of(pendulum.date(2025, 7, 1)).agreements
    assert kept.revisions == truce.revisions
    assert kept.expires == truce.expires


def test_a_change_takes_its_fields_by_keyword_only() -> None:
    """A status change is built by keyword: no field is taken by position."""
    with pytest.raises(TypeError):
        StatusChange("accepted")  # type: ignore[call-arg]


def test_a_milestone_of_an_agreement_is_heard_of_by_its_own_dates() -> None:
    """
    A milestone that names an agreement is in a snapshot once its own
    ``set_on`` or a dated step of its history is known, before the
    agreement is heard of (signed "in May 2025", known once May has passed;
    a milestone it sets cannot be set before that month).
    """
    parties = [
        Party(id="us", name="United States", kind="state"),
        Party(id="cn", name="China", kind="state"),
    ]
    truce = Agreement(
        id="truce",
        title="Truce",
        stage="ceasefire",
        signatories=["us", "cn"],
        history=[StatusChange(status="signed", on=PartialDate(2025, 5))],
    )
    deadline = Deadline.on(pendulum.date(2025, 12, 1))
    set_early = Milestone(
        id="set-early",
        title="Talks",
        applies_to=["us"],
        set_on=pendulum.date(2025, 5, 12),
        deadline=deadline,
        agreement="truce",
    )
    met_early = Milestone(
        id="met-early",
        title="Talks",
        applies_to=["us"],
        deadline=deadline,
        agreement="truce",
        history=[StatusChange(status="met", on=pendulum.date(2025, 5, 20))],
    )
    talks = Negotiation(
        id="t",
        title="T",
        parties=parties,
        agreements=[truce],
        milestones=[set_early, met_early],
    )

    def heard(day: int, month: int) -> list[str]:
        snapshot = talks.as_of(pendulum.date(2025, month, day))
        return [milestone.id for milestone in snapshot.milestones]

    assert heard(11, 5) == []
    assert heard(13, 5) == ["set-early"]
    assert heard(21, 5) == ["set-early", "met-early"]
    assert talks.as_of(pendulum.date(2025, 5, 21)).agreements == ()
