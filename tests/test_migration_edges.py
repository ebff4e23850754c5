"""Edges of reading version-1 documents: which messages are recognised as
those of a rule format version 2 added, how the step from version 1 reshapes
a document, and how its problems are placed; and one edge of
``timeutil.day_ordinals`` (a UTC offset that is not whole seconds)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
import pytest

from negotiation_records import (
    Negotiation,
    Proposal,
    Round,
    Statement,
    Ultimatum,
    ValidationError,
    from_dict,
    register_migration,
    unregister_migration,
)
from negotiation_records._version_2_rules import added_in_version_2
from negotiation_records.timeutil import day_ordinals, is_before


class TestMessagesOfVersion2Rules:
    def test_a_template_with_empty_fields_is_still_recognised(self) -> None:
        """A message made from a template with every field empty is one of its messages."""
        assert added_in_version_2("representative  appears twice")

    def test_the_literals_around_a_field_may_not_overlap(self) -> None:
        """
        A message is made from a template only if the text before and after a
        field both appear whole: "representative appears twice" shares one
        space between them, so no value of the field makes it.
        """
        assert not added_in_version_2("representative appears twice")

    def test_a_middle_literal_may_not_reach_into_the_last(self) -> None:
        """
        The text between two fields must lie wholly before the text after the
        last field: a message cut off before its last field (only its closing
        quote left, shared with the text before it) is not made from the
        template.
        """
        cut = (
            "time zone X is not written so in the time-zone database, whose "
            "names other readers match exactly: write '"
        )
        assert not added_in_version_2(cut)
        assert added_in_version_2(cut + "'")

    def test_consecutive_literals_may_not_overlap(self) -> None:
        """
        Each literal of a template is found after the end of the one before,
        not inside it: ": " then " (" need two spaces between them (an empty
        field), and ": (" is not made from the template.
        """
        assert not added_in_version_2("L cannot be S on O: (D) had not passed")
        assert added_in_version_2("L cannot be S on O:  (D) had not passed")


class TestRegistering:
    def test_register_migration_returns_the_step(self) -> None:
        """``register_migration`` returns the function it registered."""

        def from_v0(document: dict[str, Any]) -> dict[str, Any]:
            return document

        try:
            assert register_migration(0, from_v0) is from_v0
        finally:
            unregister_migration(0)

    def test_a_record_read_as_an_older_version_names_the_version_given(
        self,
    ) -> None:
        """
        A single record read with ``schema_version=0`` (through a step of
        one's own) that holds a field of version 2 is refused with the
        version the caller gave, not one the record never stated.
        """

        def from_v0(document: dict[str, Any]) -> dict[str, Any]:
            return document

        statement = {
            "id": "s",
            "speaker": "A",
            "said_on": "2025-07-14",
            "text": "t",
            "verbatim": False,
        }
        register_migration(0, from_v0)
        try:
            with pytest.raises(ValidationError) as caught:
                from_dict(Statement, statement, schema_version=0)
        finally:
            unregister_migration(0)
        assert caught.value.errors == (
            (
                "verbatim",
                "is new in format version 2, but it is read with schema_version=0: "
                "leave it out, or write the document as version 2",
            ),
        )


#: A version-1 ultimatum, as a single record, without references to resolve.
ULTIMATUM_1: dict[str, Any] = {
    "id": "u",
    "issued_by": "united-states",
    "addressed_to": ["russia"],
    "issued_at": "2025-07-14",
    "demand": {
        "id": "ceasefire",
        "text": "Reach a ceasefire",
        "kind": "demand",
        "demanded_by": "united-states",
        "addressed_to": ["russia"],
    },
    "deadline": {"due": "2025-09-02", "anchor": "2025-07-14", "period": "P50D"},
    "status": "pending",
    "status_on": None,
}


class TestFieldsOfLaterVersions:
    def test_a_later_field_two_records_down_is_found(self) -> None:
        """
        A field version 2 added is refused in a version-1 record however deep
        it lies: in the previous deadline of an ultimatum's revision (a
        revision has no such field itself, but its deadline does).
        """
        previous = {
            "due": "2025-09-20",
            "anchor": "2025-07-14",
            "period": "P68D",
            "counts_back": False,
        }
        ultimatum = {
            **ULTIMATUM_1,
            "revisions": [{"previous": previous, "revised_on": "2025-07-20"}],
        }
        with pytest.raises(ValidationError) as caught:
            from_dict(Ultimatum, ultimatum, schema_version=1)
        assert caught.value.errors == (
            (
                "revisions[0].previous.counts_back",
                "is new in format version 2, but it is read with schema_version=1: "
                "leave it out, or write the document as version 2",
            ),
        )
        del previous["counts_back"]
        (revision,) = from_dict(Ultimatum, ultimatum, schema_version=1).revisions
        assert revision.previous.due == pendulum.date(2025, 9, 20)


NEW_IN_2 = (
    "is new in format version 2, but {stated}: leave it out, or write the "
    "document as version 2"
)
READ_AS_1 = "it is read with schema_version=1"

#: A version-1 round and proposal, as single records.
ROUND_1: dict[str, Any] = {
    "number": 1,
    "level": "delegations",
    "starts": "2025-05-16",
    "location": "Istanbul",
}
PROPOSAL_1: dict[str, Any] = {
    "id": "invite",
    "proposed_by": "ukraine",
    "addressed_to": ["russia"],
    "made_on": "2025-07-19",
    "summary": "A new round next week",
}


def _problems(read: Any) -> tuple[tuple[str, str], ...]:
    """The problems *read* (a call) is refused with."""
    with pytest.raises(ValidationError) as caught:
        read()
    return caught.value.errors


class TestHistoryBesideStatus:
    def test_a_rounds_status_on_is_no_status(self) -> None:
        """
        Version 1 gave a round no ``status_on``: beside a ``history`` (and
        no ``status``), the history is a field of version 2 and the
        ``status_on`` an unknown key, not a status the history contradicts.
        """
        rnd = {
            **ROUND_1,
            "status_on": "2025-05-16",
            "history": [{"status": "held", "on": "2025-05-16"}],
        }
        assert _problems(lambda: from_dict(Round, rnd, schema_version=1)) == (
            ("history", NEW_IN_2.format(stated=READ_AS_1)),
            ("$", "unknown key 'status_on'"),
        )

    def test_a_negotiations_status_on_is_no_status(self) -> None:
        """
        Version 1 gave a negotiation no ``status_on`` either: beside a
        ``history``, that history is reported as new in version 2.
        """
        document = {
            "schema_version": 1,
            "id": "n",
            "title": "T",
            "status_on": "2025-07-20",
            "history": [{"status": "concluded", "on": "2025-07-20"}],
        }
        stated = 'the document says "schema_version": 1'
        assert _problems(lambda: from_dict(Negotiation, document)) == (
            ("history", NEW_IN_2.format(stated=stated)),
            ("$", "unknown key 'status_on'"),
        )

    def test_a_proposals_status_on_beside_a_history_is_refused(self) -> None:
        """
        A proposal's ``status_on`` was a key of version 1: with a
        ``history`` beside it (and no ``status``), the step would have to
        drop one of them, so the history is refused.
        """
        proposal = {**PROPOSAL_1, "status_on": "2025-07-20", "history": []}
        assert _problems(lambda: from_dict(Proposal, proposal, schema_version=1)) == (
            (
                "history",
                'version-1 documents have no history; give the latest "status" '
                '(and "status_on") alone, or write the document as version 2 '
                '("schema_version": 2) with the history alone',
            ),
        )


class TestValuesThatAreNotRecords:
    @pytest.mark.parametrize(
        "proposal", [["history", "status"], "history status", 7, None]
    )
    def test_a_proposal_that_is_not_an_object_is_reported_as_such(
        self, proposal: object
    ) -> None:
        """
        A version-1 document's proposal that is no JSON object is reported
        as not an object, and only so: its items or characters are not read
        as the keys of a proposal (a ``history`` beside a ``status``, a list
        of proposers).
        """
        document = {
            "schema_version": 1,
            "id": "n",
            "title": "T",
            "proposals": [proposal],
        }
        ((path, message),) = _problems(lambda: from_dict(Negotiation, document))
        assert path == "proposals[0]"
        assert message.startswith("must be an object (Proposal)")

    @pytest.mark.parametrize("outcome", ["quantity", ["quantity"]])
    def test_an_outcome_that_is_not_an_object_is_reported_as_such(
        self, outcome: object
    ) -> None:
        """
        A version-1 round's outcome that is no JSON object is reported as not
        an object; the step that turns an outcome's ``quantity`` into
        ``quantities`` leaves it alone (a string or list that holds the word
        "quantity" is no outcome with that key).
        """
        rnd = {**ROUND_1, "outcomes": [outcome]}
        ((path, message),) = _problems(lambda: from_dict(Round, rnd, schema_version=1))
        assert path == "outcomes[0]"
        assert message.startswith("must be an object (Outcome)")


class TestPathsOfProblems:
    def test_a_version_2_document_is_not_read_as_moved_from_version_1(
        self,
    ) -> None:
        """
        Only a version-1 document's problems are moved back to where version
        1 held the value: in a version-2 document with a stray ``status``
        beside its ``history``, a bad status in the history is reported in the
        history, where the document holds it.
        """
        proposal = {
            **PROPOSAL_1,
            "proposed_by": ["ukraine"],
            "status": "accepted",
            "history": [{"status": "bogus", "on": "2025-07-20"}],
        }
        parties = [
            {"id": "ukraine", "name": "Ukraine", "kind": "state"},
            {"id": "russia", "name": "Russia", "kind": "state"},
        ]
        document = {
            "schema_version": 2,
            "id": "n",
            "title": "T",
            "parties": parties,
            "proposals": [proposal],
        }
        paths = [
            path for path, _ in _problems(lambda: from_dict(Negotiation, document))
        ]
        assert paths == ["proposals[0].status", "proposals[0].history[0].status"]

    def test_a_missing_field_comes_after_a_refused_value_of_its_record(
        self,
    ) -> None:
        """
        A problem at a key the record lacks (a required field missing) is
        placed after the keys the record holds, so a value set aside in that
        record (a list of proposers) is reported before it.
        """
        proposal = {key: value for key, value in PROPOSAL_1.items() if key != "summary"}
        proposal["proposed_by"] = ["ukraine"]
        document = {
            "schema_version": 1,
            "id": "n",
            "title": "T",
            "proposals": [proposal],
        }
        paths = [
            path for path, _ in _problems(lambda: from_dict(Negotiation, document))
        ]
        assert paths[:2] == ["proposals[0].proposed_by", "proposals[0].summary"]


class TestFailingSteps:
    @pytest.mark.parametrize(
        ("length", "shown"), [(200, "x" * 200), (201, "x" * 197 + "...")]
    )
    def test_a_steps_error_is_shown_up_to_200_characters(
        self, length: int, shown: str
    ) -> None:
        """
        The message of an exception a migration step raises is shown whole up
        to 200 characters; a longer one is cut to 200, ending in "...".
        """

        def from_v0(document: dict[str, Any]) -> dict[str, Any]:
            raise ValueError("x" * length)

        register_migration(0, from_v0)
        try:
            problems = _problems(
                lambda: from_dict(
                    Negotiation, {"schema_version": 0, "id": "n", "title": "T"}
                )
            )
        finally:
            unregister_migration(0)
        assert problems == (
            (
                "schema_version",
                f"migration from version 0 failed: ValueError: {shown}",
            ),
        )


class _SubSecondOffset(dt.tzinfo):
    """A zone whose UTC offset is a microsecond short of a whole day."""

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=23, minutes=59, seconds=59, microseconds=999999)

    def dst(self, when: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, when: dt.datetime | None) -> str:
        return "sub-second"


class TestDayOrdinals:
    def test_a_utc_offset_that_is_not_whole_seconds_is_refused(self) -> None:
        """
        ``day_ordinals`` reads a datetime's days from its whole-second UTC
        offset; an offset with microseconds (no zone has one) is not worked
        with but refused, as a record field refuses it.
        """
        moment = pendulum.DateTime(2025, 7, 14, tzinfo=_SubSecondOffset())
        with pytest.raises(ValidationError, match="not a whole number of seconds"):
            day_ordinals(moment)


class TestIsBefore:
    def test_a_standard_library_datetime_compares_as_an_instant(self) -> None:
        """
        An aware ``datetime.datetime`` is read as a record field reads it (a
        moment at its instant), so two datetimes an hour apart on one day are
        in order, whichever library made the first.
        """
        first = dt.datetime(2025, 7, 14, 10, tzinfo=dt.UTC)
        second = pendulum.datetime(2025, 7, 14, 11)
        assert is_before(first, second)
        assert not is_before(second, first)

    def test_a_naive_datetime_is_refused_beside_an_aware_one(self) -> None:
        """A naive datetime is no moment: comparing it, first or second, is refused."""
        naive = pendulum.naive(2025, 7, 14)
        aware = pendulum.datetime(2025, 7, 14)
        for first, second in [(naive, aware), (aware, naive)]:
            with pytest.raises(ValidationError, match="naive datetime"):
                is_before(first, second)
