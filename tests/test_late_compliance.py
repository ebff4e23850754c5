"""
A late compliance is said in the record: an ``expired`` step before it.

An ultimatum that expired may be complied with after the fact only if the
record says so explicitly.  ``comply(late=True)`` says so by putting the
expiry in the history (dated at the deadline's cut-off); a history built or
loaded with a compliance after the deadline in force had passed (matched to
the revisions by their dates) and no expiry before it is refused; version-1
records and documents, which could not say it, get the expiry on the way in.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation_records import (
    Deadline,
    DeadlineRevision,
    IllegalTransitionError,
    Negotiation,
    PartialDate,
    Party,
    StatusChange,
    Ultimatum,
    UltimatumStatus,
    ValidationError,
    from_json,
    read_jsonl,
    to_json,
)
from negotiation_records._version_2_rules import NOTE
from negotiation_records.strategies import negotiations
from tests.test_ultimatums import FIFTY_DAYS, ultimatum


DATA = Path(__file__).parent / "data"
CUTOFF = pendulum.datetime(2025, 9, 3, tz="UTC")  # FIFTY_DAYS is due on the 2nd
LATE = pendulum.date(2025, 9, 10)
EXPIRED = UltimatumStatus.EXPIRED
COMPLIED = UltimatumStatus.COMPLIED


def talks(*records: Ultimatum) -> Negotiation:
    """A negotiation holding *records*."""
    return Negotiation(
        id="talks",
        title="Talks",
        parties=[
            Party(id="united-states", name="United States", kind="state"),
            Party(id="russia", name="Russia", kind="state"),
        ],
        ultimatums=records,
    )


def steps(record: Ultimatum) -> list[tuple[Any, Any]]:
    """The statuses of *record*'s history, with their moments."""
    return [
        (UltimatumStatus(change.status).value, change.on) for change in record.history
    ]


class TestComplyLate:
    def test_the_expiry_goes_before_the_compliance(self) -> None:
        """comply(late=True) on a pending ultimatum says it expired first."""
        done = ultimatum().comply(on=LATE, late=True, by=["russia"], reason="r")
        assert steps(done) == [("expired", CUTOFF), ("complied", LATE)]
        assert done.history[1].by == ("russia",)
        assert done.history[1].reason == "r"
        assert done.history[0].by == ()
        assert done.history[0].reason is None
        assert done.status is COMPLIED
        assert done.status_on == LATE

    def test_the_expiry_is_what_expire_would_record(self) -> None:
        """The step is dated at the cut-off, in the deadline's zone."""
        kyiv = Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv")
        done = ultimatum(deadline=kyiv).comply(on=LATE, late=True)
        assert done.history[0] == ultimatum(deadline=kyiv).expire().history[0]
        assert str(done.history[0].on) == "2025-09-03 00:00:00+03:00"

    def test_a_snapshot_between_shows_it_expired(self) -> None:
        """As of a day after the deadline, before the compliance: expired."""
        done = ultimatum().comply(on=LATE, late=True)
        assert done.status_at(pendulum.date(2025, 9, 2)) is UltimatumStatus.PENDING
        assert done.status_at(pendulum.date(2025, 9, 5)) is EXPIRED
        record = talks(done)
        assert record.as_of(pendulum.date(2025, 9, 5)).ultimatums[0].status is EXPIRED
        changes = [
            event.summary
            for event in record.timeline()
            if event.record_id == done.id and event.kind.value == "status"
        ]
        assert changes == [
            "Ultimatum 'us-ultimatum' expired",
            "Ultimatum 'us-ultimatum' complied with",
        ]
        (due,) = [e for e in record.timeline() if e.kind.value == "deadline"]
        assert due.summary.endswith("the ultimatum was complied with after it expired")
        in_time = talks(ultimatum().comply(on=pendulum.date(2025, 9, 1)))
        (due,) = [e for e in in_time.timeline() if e.kind.value == "deadline"]
        assert due.summary.endswith("the ultimatum was complied with")

    def test_already_expired_gets_no_second_expiry(self) -> None:
        """From expired, the expiry is there already."""
        done = ultimatum().expire().comply(on=LATE, late=True)
        assert steps(done) == [("expired", CUTOFF), ("complied", LATE)]

    def test_in_time_with_late_adds_nothing(self) -> None:
        """late=True on a compliance in time records it as it is."""
        done = ultimatum().comply(on=pendulum.date(2025, 9, 2), late=True)
        assert steps(done) == [("complied", pendulum.date(2025, 9, 2))]

    def test_revived_then_late_again(self) -> None:
        """An ultimatum revived by a new deadline and late again: two expiries."""
        revived = (
            ultimatum()
            .expire()
            .revise_deadline(
                Deadline.on(pendulum.date(2025, 9, 20)), on=pendulum.date(2025, 9, 8)
            )
        )
        done = revived.comply(on=pendulum.date(2025, 9, 25), late=True)
        assert [s for s, _ in steps(done)][-2:] == ["expired", "complied"]
        assert done.history[-2].on == pendulum.datetime(2025, 9, 21, tz="UTC")

    def test_revived_by_a_deadline_of_the_revision_day(self) -> None:
        """
        Revived on 8 September by a deadline at 01:00 UTC that day (not
        certainly before the revision: a deadline already passed when it was
        set is refused): the expiry is dated at its cut-off.
        """
        cutoff = pendulum.datetime(2025, 9, 8, 1, tz="UTC")
        revived = (
            ultimatum()
            .expire()
            .revise_deadline(Deadline.on(cutoff), on=pendulum.date(2025, 9, 8))
        )
        done = revived.comply(on=LATE, late=True)
        assert steps(done)[-3:] == [
            ("pending", pendulum.date(2025, 9, 8)),
            ("expired", cutoff),
            ("complied", LATE),
        ]
        with pytest.raises(ValidationError, match="before it was set"):
            ultimatum().expire().revise_deadline(
                Deadline.on(pendulum.date(2025, 9, 5)), on=pendulum.date(2025, 9, 8)
            )

    def test_round_trip(self) -> None:
        """The expiry is written and read like any step."""
        record = talks(ultimatum().comply(on=LATE, late=True))
        assert from_json(Negotiation, to_json(record)) == record


class TestStoredHistory:
    def test_a_late_compliance_without_expiry_is_refused(self) -> None:
        """The record must say the compliance was late."""
        with pytest.raises(ValidationError) as info:
            ultimatum(history=[StatusChange(status=COMPLIED, on=LATE)])
        assert info.value.errors == (
            (
                "history[0].on",
                "ultimatum 'us-ultimatum' cannot be complied with on 2025-09-10 "
                "without an expired step before it: the deadline (2025-09-02) had "
                "passed, and a late compliance is recorded after the expiry "
                "(comply(late=True) adds it)",
            ),
        )

    def test_loaded_too_at_its_path(self) -> None:
        """A document says it the same way; the problem has its path."""
        record = talks(ultimatum())
        data = json.loads(to_json(record))
        data["ultimatums"][0]["history"] = [{"status": "complied", "on": "2025-09-10"}]
        with pytest.raises(ValidationError) as info:
            from_json(Negotiation, json.dumps(data))
        assert [path for path, _ in info.value.errors] == [
            "ultimatums[0].history[0].on"
        ]

    @pytest.mark.parametrize(
        "history",
        [
            [
                StatusChange(status=EXPIRED, on=CUTOFF),
                StatusChange(status=COMPLIED, on=LATE),
            ],
            [StatusChange(status=EXPIRED), StatusChange(status=COMPLIED, on=LATE)],
            [StatusChange(status=COMPLIED)],  # undated: never late
            [StatusChange(status=COMPLIED, on=pendulum.date(2025, 9, 2))],  # last day
            [StatusChange(status=COMPLIED, on=CUTOFF)],  # the very instant
            [StatusChange(status=COMPLIED, on=PartialDate(2025, 9))],  # may be in time
        ],
    )
    def test_what_says_it_or_may_be_in_time_is_let_be(
        self, history: list[StatusChange]
    ) -> None:
        """An expiry before it, or a moment that may be in time."""
        assert ultimatum(history=history).status is COMPLIED

    def test_a_microsecond_after_the_cutoff_is_late(self) -> None:
        """Against a datetime deadline, the instant after it passes is late."""
        with pytest.raises(ValidationError, match="without an expired step"):
            ultimatum(
                history=[StatusChange(status=COMPLIED, on=CUTOFF.add(microseconds=1))]
            )

    def test_late_for_the_deadline_in_force_after_a_cut(self) -> None:
        """
        Cut on 29 July from 2 September (50 days) to 8 August: a compliance
        on 20 August came after the deadline in force had passed, though the
        first one had not, and the record must say so, as ``comply`` asks.
        """
        cut = ultimatum().revise_deadline(
            Deadline.on(pendulum.date(2025, 8, 8)), on=pendulum.date(2025, 7, 29)
        )
        twentieth = pendulum.date(2025, 8, 20)
        with pytest.raises(ValidationError) as info:
            attrs.evolve(cut, history=[StatusChange(status=COMPLIED, on=twentieth)])
        assert info.value.errors == (
            (
                "history[0].on",
                "ultimatum 'us-ultimatum' cannot be complied with on 2025-08-20 "
                "without an expired step before it: the deadline (2025-08-08) had "
                "passed, and a late compliance is recorded after the expiry "
                "(comply(late=True) adds it)",
            ),
        )
        with pytest.raises(IllegalTransitionError, match="pass late=True"):
            cut.comply(on=twentieth)
        done = cut.comply(on=twentieth, late=True)
        assert steps(done) == [
            ("expired", pendulum.datetime(2025, 8, 9, tz="UTC")),
            ("complied", twentieth),
        ]

    def test_a_cut_that_may_come_later_still_counts(self) -> None:
        """
        Cut "in August" to 8 August: the cut may be dated after the 20th, when
        the first deadline (2 September) was still in force, so a compliance
        on the 20th may be in time and is let be.  Due 15 August instead, it
        is late for both deadlines that may have been in force, and the
        problem names them.
        """

        def cut_from(first: Deadline) -> Ultimatum:
            return ultimatum(
                deadline=Deadline.on(pendulum.date(2025, 8, 8)),
                revisions=[
                    DeadlineRevision(previous=first, revised_on=PartialDate(2025, 8))
                ],
                history=[StatusChange(status=COMPLIED, on=pendulum.date(2025, 8, 20))],
            )

        assert cut_from(FIFTY_DAYS).status is COMPLIED
        with pytest.raises(ValidationError) as info:
            cut_from(Deadline.on(pendulum.date(2025, 8, 15)))
        (problem,) = info.value.errors
        assert "each of its deadlines (2025-08-15, 2025-08-08) had passed" in problem[1]

        # comply() reads the same rule: no late=True asked, no expiry added.
        def pending_from(first: Deadline) -> Ultimatum:
            return ultimatum(
                deadline=Deadline.on(pendulum.date(2025, 8, 8)),
                revisions=[
                    DeadlineRevision(previous=first, revised_on=PartialDate(2025, 8))
                ],
            )

        twentieth = pendulum.date(2025, 8, 20)
        done = pending_from(FIFTY_DAYS).comply(on=twentieth)
        assert steps(done) == [("complied", twentieth)]
        with pytest.raises(IllegalTransitionError, match="pass late=True"):
            pending_from(Deadline.on(pendulum.date(2025, 8, 15))).comply(on=twentieth)

    def test_an_extension_made_in_time_makes_it_in_time(self) -> None:
        """Due 2 September, extended on 1 September to the 20th: the 10th is in time."""
        extended = ultimatum().revise_deadline(
            Deadline.on(pendulum.date(2025, 9, 20)), on=pendulum.date(2025, 9, 1)
        )
        history = [StatusChange(status=COMPLIED, on=LATE)]
        assert attrs.evolve(extended, history=history).status is COMPLIED

    def test_an_expiry_before_a_revival_does_not_say_a_later_one(self) -> None:
        """
        Expired, revived on 8 September to the 20th, complied with on the
        25th: the first expiry says nothing of the new deadline, so the
        compliance needs an expiry of its own (``comply(late=True)`` adds
        it); one in time after the revival needs none.
        """
        revived = (
            ultimatum()
            .expire()
            .revise_deadline(
                Deadline.on(pendulum.date(2025, 9, 20)), on=pendulum.date(2025, 9, 8)
            )
        )
        day = pendulum.date(2025, 9, 25)
        late = StatusChange(status=COMPLIED, on=day)
        with pytest.raises(ValidationError) as info:
            attrs.evolve(revived, history=[*revived.history, late])
        assert [path for path, _ in info.value.errors] == ["history[2].on"]
        said = revived.comply(on=day, late=True)
        assert [s for s, _ in steps(said)] == [
            "expired",
            "pending",
            "expired",
            "complied",
        ]
        in_time = StatusChange(status=COMPLIED, on=pendulum.date(2025, 9, 15))
        assert (
            attrs.evolve(revived, history=[*revived.history, in_time]).status
            is COMPLIED
        )


class TestVersion1:
    def test_status_arguments_fold_the_expiry_in(self) -> None:
        """Version-1 code that stored a late compliance still works."""
        done = ultimatum(status="complied", status_on=LATE)
        assert steps(done) == [("expired", CUTOFF), ("complied", LATE)]
        assert done.status is COMPLIED
        assert done.status_on == LATE
        in_time = ultimatum(status="complied", status_on=pendulum.date(2025, 9, 1))
        assert steps(in_time) == [("complied", pendulum.date(2025, 9, 1))]
        evolved = attrs.evolve(ultimatum(), status="complied", status_on=LATE)
        assert evolved == done

    def test_status_arguments_with_a_bad_deadline_are_reported(self) -> None:
        """A deadline of the wrong type is the field check's to report."""
        with pytest.raises(ValidationError) as info:
            ultimatum(deadline="2025-09-02", status="complied", status_on=LATE)
        assert [path for path, _ in info.value.errors] == ["deadline"]

    def _document(self, **ultimatum_keys: Any) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(
            (DATA / "russia-ukraine-2025.v1.json").read_text(encoding="utf-8")
        )
        data["ultimatums"][0].update(ultimatum_keys)
        return data

    def test_a_document_is_migrated_with_the_expiry(self) -> None:
        """A version-1 document's late compliance loads, said as version 2 says it."""
        data = self._document(status="complied", status_on="2025-09-10")
        loaded = from_json(Negotiation, json.dumps(data)).ultimatums[0]
        assert steps(loaded) == [("expired", CUTOFF), ("complied", LATE)]
        in_time = self._document(status="complied", status_on="2025-09-02")
        loaded = from_json(Negotiation, json.dumps(in_time)).ultimatums[0]
        assert steps(loaded) == [("complied", pendulum.date(2025, 9, 2))]

    def test_a_single_record_read_as_version_1(self) -> None:
        """A version-1 ultimatum on its own (a line of JSON Lines) too."""
        data = self._document(status="complied", status_on="2025-09-10")
        line = json.dumps(data["ultimatums"][0])
        loaded = from_json(Ultimatum, line, schema_version=1)
        assert steps(loaded) == [("expired", CUTOFF), ("complied", LATE)]
        (read,) = read_jsonl(Ultimatum, io.StringIO(line), schema_version=1)
        assert read == loaded

    def test_a_zoned_and_revised_deadline(self) -> None:
        """
        The cut-off is the deadline's own, and the deadline is the one in
        force: cut on 29 July to 8 August (Moscow), a compliance on 5 August
        is in time, one on the 20th late though the first deadline had not
        passed, and its expiry is dated at the cut deadline's cut-off.
        """
        data = self._document(status="complied", status_on="2025-08-05")
        rule = data["ultimatums"][0]["deadline"]
        data["ultimatums"][0]["revisions"] = [
            {
                "previous": dict(rule),
                "revised_on": "2025-07-29",
                "reason": None,
                "statement": None,
                "sources": [],
            }
        ]
        rule.update(
            due="2025-08-08", tz="Europe/Moscow", anchor="2025-07-29", period="P10D"
        )
        loaded = from_json(Negotiation, json.dumps(data)).ultimatums[0]
        assert steps(loaded) == [("complied", pendulum.date(2025, 8, 5))]
        moscow = pendulum.datetime(2025, 8, 9, tz="Europe/Moscow")
        for late in (pendulum.date(2025, 8, 20), LATE):
            data["ultimatums"][0]["status_on"] = late.isoformat()
            loaded = from_json(Negotiation, json.dumps(data)).ultimatums[0]
            assert steps(loaded) == [("expired", moscow), ("complied", late)]

    @pytest.mark.parametrize(
        ("change", "paths"),
        [
            ({"revisions": {"previous": None}}, ["revisions"]),
            ({"revisions": ["2025-07-29"]}, ["revisions[0]"]),
            ({"revisions": [{"revised_on": "2025-07-29"}]}, ["revisions[0].previous"]),
            (
                {"revisions": [{"previous": 5, "revised_on": "2025-07-29"}]},
                ["revisions[0].previous"],
            ),
            (
                {"revisions": [{"previous": {}, "revised_on": "July"}]},
                ["revisions[0].previous.due", "revisions[0].revised_on"],
            ),
            ({"deadline": "2025-09-02"}, ["deadline"]),
            ({"deadline": {"due": "2025-09-02", "tz": 3}}, ["deadline.tz"]),
            ({"deadline": {"due": "2025-09", "tz": None}}, ["deadline.due"]),
            (
                {"deadline": {"due": "2025-09-02", "tz": "Mars/Olympus"}},
                ["deadline.tz"],
            ),
        ],
        ids=repr,
    )
    def test_a_deadline_it_cannot_read_is_left_to_the_loader(
        self, change: dict[str, Any], paths: list[str]
    ) -> None:
        """
        What the step cannot read of the deadlines, it leaves as it is: no
        expiry is guessed, and the loader reports each value at its path.
        """
        data = self._document(status="complied", status_on="2025-09-10", **change)
        with pytest.raises(ValidationError) as info:
            from_json(Negotiation, json.dumps(data))
        assert [path for path, _ in info.value.errors] == [
            f"ultimatums[0].{path}" for path in paths
        ]

    def test_a_cut_made_after_the_cut_deadline_passed(self) -> None:
        """
        Cut on 20 August to 8 August, complied with on the 25th: a deadline
        that had passed when it was set is refused, a rule version 1 did not
        check, and the document is told so; the expiry put in for the late
        compliance adds no problem of its own.
        """
        data = self._document(status="complied", status_on="2025-08-25")
        rule = data["ultimatums"][0]["deadline"]
        data["ultimatums"][0]["revisions"] = [
            {"previous": dict(rule), "revised_on": "2025-08-20"}
        ]
        rule.update(due="2025-08-08", anchor=None, period=None)  # a fixed day
        with pytest.raises(ValidationError) as info:
            from_json(Negotiation, json.dumps(data))
        assert info.value.errors == (
            (
                "ultimatums[0].deadline",
                "falls due (2025-08-08) before it was set (revisions[0], "
                "2025-08-20)" + NOTE,
            ),
        )

    def test_problems_keep_the_document_paths(self) -> None:
        """Nothing is guessed over a bad value; it is reported where it was."""
        data = self._document(status="complied", status_on="2025-09-10")
        data["ultimatums"][0]["issued_at"] = "2025-13-01"
        with pytest.raises(ValidationError) as info:
            from_json(Negotiation, json.dumps(data))
        assert [path for path, _ in info.value.errors] == ["ultimatums[0].issued_at"]
        data = self._document(status="complied", status_on="10 September")
        with pytest.raises(ValidationError) as info:
            from_json(Negotiation, json.dumps(data))
        assert [path for path, _ in info.value.errors] == ["ultimatums[0].status_on"]

    def test_a_deadline_before_the_issue_is_the_one_problem(self) -> None:
        """
        A late compliance with a deadline that falls before the ultimatum was
        issued: the deadline is refused, and the expiry put in for the
        compliance adds no problem of its own (it is dated when the
        ultimatum was issued, not at the cut-off before it).
        """
        early = pendulum.date(2025, 6, 30)
        data = self._document(status="complied", status_on="2025-09-10")
        data["ultimatums"][0]["deadline"] = {"due": str(early), "tz": None}
        with pytest.raises(ValidationError) as info:
            from_json(Negotiation, json.dumps(data))
        assert [path for path, _ in info.value.errors] == ["ultimatums[0].deadline"]
        with pytest.raises(ValidationError) as info:
            ultimatum(deadline=Deadline.on(early), status="complied", status_on=LATE)
        assert [path for path, _ in info.value.errors] == ["deadline"]

    def test_a_compliance_before_the_issue_is_refused_once(self) -> None:
        """
        Issued on 20 September, due on 2 September, complied with on 10
        September: the deadline and the compliance's date are refused, each
        once, at the keys given; the expiry put in before the compliance
        (dated with it) adds no problem of its own, in a document or given
        to the constructor as version 1's arguments.
        """
        data = self._document(
            status="complied", status_on="2025-09-10", issued_at="2025-09-20"
        )
        data["ultimatums"][0]["responses"] = []  # Russia's answer of July
        with pytest.raises(ValidationError) as info:
            from_json(Negotiation, json.dumps(data))
        assert info.value.errors == (
            (
                "ultimatums[0].deadline",
                "falls due (2025-09-02) before the ultimatum was issued (2025-09-20) "
                "(a rule of format version 2, which version 1 did not check: correct "
                "the value to read the document)",
            ),
            (
                "ultimatums[0].status_on",
                "2025-09-10 is before the ultimatum was issued (2025-09-20)",
            ),
        )
        with pytest.raises(ValidationError) as info:
            ultimatum(
                issued_at=pendulum.date(2025, 9, 20), status="complied", status_on=LATE
            )
        assert info.value.errors == (
            (
                "deadline",
                "falls due (2025-09-02) before the ultimatum was issued (2025-09-20)",
            ),
            ("status_on", "2025-09-10 is before the ultimatum was issued (2025-09-20)"),
        )

    def test_a_deadline_extended_after_the_compliance_is_the_one_problem(self) -> None:
        """
        Due on 2 September, complied with on 10 September, the deadline then
        extended on 20 September to 1 October: the revision is refused, once;
        the expiry put in before the compliance is not dated at the cut-off
        of the deadline set later (2 October, after the compliance, a date
        the document holds nowhere), so it adds no problem of its own.
        """
        revision = {
            "previous": {"due": "2025-09-02", "anchor": "2025-07-14", "period": "P50D"},
            "revised_on": "2025-09-20",
        }
        data = self._document(
            status="complied",
            status_on="2025-09-10",
            deadline={"due": "2025-10-01"},
            revisions=[revision],
        )
        with pytest.raises(ValidationError) as info:
            from_json(Negotiation, json.dumps(data))
        assert [path for path, _ in info.value.errors] == [
            "ultimatums[0].revisions[0].revised_on"
        ]
        with pytest.raises(ValidationError) as info:
            ultimatum(
                deadline=Deadline.on(pendulum.date(2025, 10, 1)),
                revisions=[
                    DeadlineRevision(
                        previous=FIFTY_DAYS, revised_on=pendulum.date(2025, 9, 20)
                    )
                ],
                status="complied",
                status_on=LATE,
            )
        assert [path for path, _ in info.value.errors] == ["revisions[0].revised_on"]


def _last_day(record: Ultimatum) -> pendulum.Date:
    """The last day the cut-off, a revision or a step of *record* may fall on."""
    moments: list[Any] = [record.deadline.cutoff]
    moments += [revision.revised_on for revision in record.revisions]
    moments += [change.on for change in record.history if change.on is not None]
    days = []
    for moment in moments:
        if isinstance(moment, PartialDate):
            days.append(moment.end)
        elif isinstance(moment, pendulum.DateTime):
            days.append(moment.date())
        else:
            days.append(moment)
    return max(days)


class TestSnapshots:
    def test_a_revision_the_compliance_needs_is_kept(self) -> None:
        """
        Extended "in September" to 20 September and complied with on the 10th
        (late for the first deadline): as of the 15th the month is not over,
        yet the compliance shows the extension was made.
        """
        extended = ultimatum(
            deadline=Deadline.on(pendulum.date(2025, 9, 20)),
            revisions=[
                DeadlineRevision(previous=FIFTY_DAYS, revised_on=PartialDate(2025, 9))
            ],
            history=[StatusChange(status=COMPLIED, on=LATE)],
        )
        snapshot = talks(extended).as_of(pendulum.date(2025, 9, 15)).ultimatums[0]
        assert snapshot.status is COMPLIED
        assert snapshot.deadline.due == pendulum.date(2025, 9, 20)

    def test_a_compliance_said_late_needs_no_revision(self) -> None:
        """
        Expired on 3 September and complied with on the 10th, cut "in
        September" to the 1st: as of the 15th the month is not over, and the
        compliance, said late by the expiry, shows nothing of the cut; the
        snapshot keeps the first deadline.
        """
        cut = ultimatum(
            deadline=Deadline.on(pendulum.date(2025, 9, 1)),
            revisions=[
                DeadlineRevision(previous=FIFTY_DAYS, revised_on=PartialDate(2025, 9))
            ],
            history=[
                StatusChange(status=EXPIRED, on=pendulum.date(2025, 9, 3)),
                StatusChange(status=COMPLIED, on=LATE),
            ],
        )
        snapshot = talks(cut).as_of(pendulum.date(2025, 9, 15)).ultimatums[0]
        assert snapshot.status is COMPLIED
        assert snapshot.revisions == ()
        assert snapshot.deadline == FIFTY_DAYS

    @given(negotiations().filter(lambda n: bool(n.ultimatums)), st.data())
    def test_every_snapshot_of_a_late_compliance_is_valid(
        self, record: Negotiation, data: st.DataObject
    ) -> None:
        """
        Generated negotiations whose open ultimatums are complied with late:
        valid, said so, and valid as of any moment.
        """
        changed = []
        for u in record.ultimatums:
            if u.status not in (UltimatumStatus.PENDING, EXPIRED):
                changed.append(u)
                continue
            last = _last_day(u)
            if last.year > 9000:
                changed.append(u)  # no room after it in the calendar
                continue
            on = last.add(days=data.draw(st.integers(2, 400)))
            done = u.comply(on=on, late=True)
            assert [c.status for c in done.history[-2:]] == [EXPIRED, COMPLIED]
            changed.append(done)
        late = attrs.evolve(record, ultimatums=changed)
        assert from_json(Negotiation, to_json(late)) == late
        for u in late.ultimatums:
            cutoff = u.deadline.cutoff
            if cutoff.year > 9000:
                continue
            at = cutoff.add(days=data.draw(st.integers(-30, 500)))
            assert isinstance(late.as_of(at), Negotiation)


def test_a_cut_made_after_the_deadline_it_set_is_refused() -> None:
    """
    Due 2 January, cut on 4 January to 1 January: refused, since the deadline
    had passed when it was set (a random seed of the snapshot property once
    drew it, and the late compliance after it had to be dated from the cut).
    """
    issued = pendulum.date(2000, 1, 1)
    with pytest.raises(ValidationError) as info:
        Ultimatum(
            id="u",
            issued_by="a",
            addressed_to=[],
            issued_at=issued,
            demand="x",
            deadline=Deadline.on(pendulum.date(2000, 1, 1)),
            revisions=[
                DeadlineRevision(
                    previous=Deadline.on(pendulum.date(2000, 1, 2)),
                    revised_on=pendulum.date(2000, 1, 4),
                )
            ],
        )
    assert info.value.errors == (
        (
            "deadline",
            "falls due (2000-01-01) before it was set (revisions[0], 2000-01-04)",
        ),
    )
