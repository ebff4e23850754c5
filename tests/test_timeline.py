"""The timeline: every dated event of a record, in a documented order."""

from __future__ import annotations

import datetime as dt
import doctest
import re
from typing import Any
from unittest.mock import ANY

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiation_records
from negotiation_records import (
    Action,
    Agreement,
    Alternative,
    Condition,
    Deadline,
    EventKind,
    Milestone,
    Negotiation,
    PartialDate,
    Party,
    Phase,
    Position,
    Proposal,
    Response,
    Round,
    Statement,
    StatusChange,
    TimelineEvent,
    Ultimatum,
    ValidationError,
    Vote,
    Window,
    deadlines,
    queries,
    timeline,
    windows,
)
from negotiation_records._timeline_words import one_line
from tests.seed import seed_record


def _parties() -> list[Party]:
    return [
        Party(id="ukraine", name="Ukraine", kind="state"),
        Party(id="russia", name="Russia", kind="state"),
        Party(id="united-states", name="United States", kind="state"),
    ]


def _talks(**fields: Any) -> Negotiation:
    return Negotiation(id="talks", title="Talks", parties=_parties(), **fields)


def _ultimatum(**fields: Any) -> Ultimatum:
    """The 50-day ultimatum of 14 July 2025 to Russia; *fields* replace its own."""
    issued = pendulum.date(2025, 7, 14)
    values: dict[str, Any] = {
        "id": "u",
        "issued_by": "united-states",
        "addressed_to": ["russia"],
        "issued_at": issued,
        "demand": "Ceasefire",
        "deadline": Deadline.after(issued, days=50),
    }
    return Ultimatum(**(values | fields))


def _summary(talks: Negotiation) -> list[tuple[str, str, str | int]]:
    return [
        (negotiation_records.format_moment(e.moment), e.kind.value, e.record_id)
        for e in talks.timeline()
    ]


class TestSeedTimeline:
    """The 2025 Russia–Ukraine record's timeline."""

    def test_in_order_with_the_ultimatums_due_date(self) -> None:
        """Every dated event, in time order, ending with the 2 September deadline."""
        assert _summary(seed_record()) == [
            ("2025-05-16", "round", 1),
            ("2025-06", "status", "russia-ukraine-2025"),
            ("2025-06-02", "round", 2),
            ("2025-07", "action", "us-arms-pledge"),
            ("2025-07-14", "ultimatum", "us-ultimatum-2025-07"),
            ("2025-07", "statement", "zakharova-blackmail"),
            ("2025-07", "response", "us-ultimatum-2025-07"),
            ("2025-07-18", "statement", "peskov-momentum"),
            ("2025-07-19", "proposal", "new-round-invitation"),
            ("2025-07-19", "proposal", "leaders-meeting"),
            ("2025-07-19", "statement", "zelenskyy-ceasefire"),
            ("2025-07-19", "statement", "zelenskyy-hiding"),
            ("2025-07-19", "statement", "zelenskyy-leaders"),
            ("2025-07-19", "position", "cede-four-regions"),
            ("2025-07-19", "position", "reject-western-aid"),
            ("2025-07-19", "status", 3),
            ("2025-07-21", "round", 3),
            ("2025-09-02", "deadline", "us-ultimatum-2025-07"),
        ]

    def test_summaries_name_the_parties(self) -> None:
        """Each event has a one-line summary with party names, a path and a party."""
        events = {(e.kind, e.record_id): e for e in seed_record().timeline()}
        issued = events[EventKind.ULTIMATUM, "us-ultimatum-2025-07"]
        assert issued.summary == (
            "United States issues an ultimatum to Russia: Reach a ceasefire with "
            "Ukraine (due 2025-09-02)"
        )
        assert (issued.path, issued.party) == ("ultimatums[0]", "united-states")
        due = events[EventKind.DEADLINE, "us-ultimatum-2025-07"]
        assert due.moment == pendulum.date(2025, 9, 2)
        assert due.summary == (
            "Deadline of ultimatum 'us-ultimatum-2025-07' falls due "
            "(50 days after 2025-07-14)"
        )
        assert due.path == "ultimatums[0].deadline"
        response = events[EventKind.RESPONSE, "us-ultimatum-2025-07"]
        assert response.summary == (
            "Russia rejects the ultimatum 'us-ultimatum-2025-07': Called the "
            "ultimatum blackmail"
        )
        assert (response.path, response.party) == (
            "ultimatums[0].responses[0]",
            "russia",
        )
        proposed_round = events[EventKind.ROUND, 3]
        assert proposed_round.summary == (
            "Round 3 proposed for next week (2025-07-21..2025-07-27): New round "
            "proposed by Ukraine"
        )
        position = events[EventKind.POSITION, "cede-four-regions"]
        assert position.path == "conditions[0].positions[0]"
        assert position.summary == (
            "Ukraine opposes 'cede-four-regions': Ukraine cedes control of the four "
            "regions Moscow claims"
        )
        peskov = events[EventKind.STATEMENT, "peskov-momentum"]
        assert peskov.summary == (
            "Dmitry Peskov (Russia), paraphrased: Moscow agreed with Zelenskyy's "
            "call for renewed momentum in peace efforts."
        )  # the report gives his words as its own: no quotation marks

    def test_printed_lines(self) -> None:
        """str(event) is the moment, the kind and the summary, in columns."""
        lines = [str(event) for event in seed_record().timeline()]
        assert lines[0] == (
            "2025-05-16  round                 Round 1 held in Istanbul: First direct "
            "talks since 2022; no breakthrough"
        )
        assert lines[5].startswith("2025-07     statement             Maria Zakharova")
        # every kind, the longest too, leaves the summary in one column
        for kind in EventKind:
            event = TimelineEvent(
                moment=pendulum.date(2025, 7, 14),
                kind=kind,
                record_id="u",
                summary="Summary",
                path="ultimatums[0]",
            )
            assert str(event).index("Summary") == 34, kind


class TestOrder:
    """The documented order of events."""

    def test_a_deadline_at_a_time_before_what_happened_at_its_instant(self) -> None:
        """
        The 48 hours of 17 March 2003 ran out at 20:01 on the 19th, and the
        ultimatum expired then (``expire()`` stamps the cut-off): the deadline
        falls due, then it expired, as an event never answers what follows it
        (an expiry sorted before its deadline by the kinds' order).
        """
        issued = pendulum.datetime(2003, 3, 17, 20, 1, tz="America/New_York")
        ultimatum = Ultimatum(
            id="u",
            issued_by="united-states",
            addressed_to=["russia"],
            issued_at=issued,
            demand="Leave within 48 hours",
            deadline=Deadline.after(issued, "PT48H"),
        ).expire()
        kinds = [e.kind for e in _talks(ultimatums=[ultimatum]).timeline()]
        assert kinds == [EventKind.ULTIMATUM, EventKind.DEADLINE, EventKind.STATUS]
        complied = attrs.evolve(
            ultimatum,
            history=[StatusChange(status="complied", on=issued.add(hours=1))],
        )
        kinds = [e.kind for e in _talks(ultimatums=[complied]).timeline()]
        assert kinds == [EventKind.ULTIMATUM, EventKind.STATUS, EventKind.DEADLINE]

    def test_dates_months_and_zoned_moments_sort_together(self) -> None:
        """A month before its days, a day before its times (days read in UTC)."""
        statements = [
            Statement(
                id="late-kyiv",
                speaker="A",
                said_on=pendulum.datetime(2025, 7, 20, 1, tz="Europe/Kyiv"),
                text="Kyiv, 1 a.m. 20 July (22:00 UTC on 19 July)",
            ),
            Statement(
                id="day", speaker="B", said_on=pendulum.date(2025, 7, 19), text="t"
            ),
            Statement(id="month", speaker="C", said_on=PartialDate(2025, 7), text="t"),
            Statement(
                id="morning-utc",
                speaker="D",
                said_on=pendulum.datetime(2025, 7, 19, 9, tz="UTC"),
                text="t",
            ),
            Statement(id="year", speaker="E", said_on=PartialDate(2025), text="t"),
        ]
        assert [e.record_id for e in _talks(statements=statements).timeline()] == [
            "year",
            "month",
            "day",
            "morning-utc",
            "late-kyiv",
        ]

    def test_ties_follow_the_kinds_then_record_order(self) -> None:
        """On one day: round, proposal, ultimatum, statement, response, position, deadline."""
        day = pendulum.date(2025, 7, 19)
        talks = _talks(
            statements=[
                Statement(id="s2", speaker="B", said_on=day, text="t"),
                Statement(id="s1", speaker="A", said_on=day, text="t"),
            ],
            conditions=[
                Condition(
                    id="c",
                    text="Terms",
                    demanded_by="russia",
                    positions=[Position(party="ukraine", stance="rejects", on=day)],
                )
            ],
            ultimatums=[
                Ultimatum(
                    id="u",
                    issued_by="united-states",
                    addressed_to=["russia"],
                    issued_at=day.subtract(days=1),
                    demand="Now",
                    deadline=Deadline.on(day),
                    responses=[Response(party="russia", on=day, stance="rejects")],
                )
            ],
            proposals=[
                Proposal(
                    id="p",
                    proposed_by="ukraine",
                    addressed_to=["russia"],
                    made_on=day,
                    summary="Meet",
                )
            ],
            rounds=[Round(number=1, status="held", starts=day)],
        )
        assert [(e.kind.value, e.record_id) for e in talks.timeline()][1:] == [
            ("round", 1),
            ("proposal", "p"),
            ("statement", "s2"),
            ("statement", "s1"),
            ("response", "u"),
            ("position", "c"),
            ("deadline", "u"),
        ]

    def test_kind_order_is_the_enum_order(self) -> None:
        """EventKind lists the tie order."""
        assert [kind.value for kind in EventKind] == [
            "round",
            "proposal",
            "ultimatum",
            "agreement",
            "milestone",
            "vote",
            "action",
            "statement",
            "response",
            "position",
            "status",
            "phase",
            "alternative-decided",
            "deadline-revision",
            "replaced-deadline",
            "alternative-deadline",
            "phase-end",
            "deadline",
        ]

    def test_answer_never_sorts_before_what_it_answers(self) -> None:
        """A response and its cited statement dated only by month follow the ultimatum."""
        talks = _talks(
            ultimatums=[
                _ultimatum(
                    responses=[
                        Response(
                            party="russia",
                            on=PartialDate(2025, 7),
                            stance="rejects",
                            statement="blackmail",
                        )
                    ],
                )
            ],
            statements=[
                Statement(
                    id="other", speaker="X", said_on=PartialDate(2025, 7), text="t"
                ),
                Statement(
                    id="blackmail",
                    speaker="Maria Zakharova",
                    party="russia",
                    said_on=PartialDate(2025, 7),
                    text="Blackmail.",
                ),
            ],
        )
        assert [(str(e.moment), e.record_id) for e in talks.timeline()] == [
            ("2025-07", "other"),
            ("2025-07-14", "u"),
            ("2025-07", "blackmail"),
            ("2025-07", "u"),
            ("2025-09-02", "u"),
        ]

    def test_a_history_keeps_its_order_within_a_day(self) -> None:
        """
        A status step dated by its day alone after one at a time of that day
        (the Kuala Lumpur declaration, signed at 11:00 and in force on
        signature, 26 October 2025) follows it: the history is in the order
        the steps were made.
        """
        kl = "Asia/Kuala_Lumpur"
        signed = pendulum.datetime(2025, 10, 26, 11, tz=kl)
        talks = _talks(
            agreements=[
                Agreement(
                    id="kl",
                    title="KL joint declaration",
                    stage="implementation",
                    history=[
                        StatusChange(status="signed", on=signed),
                        StatusChange(status="in-force", on=pendulum.date(2025, 10, 26)),
                    ],
                )
            ],
            history=[
                StatusChange(status="stalled", on=signed.add(hours=-2)),
                StatusChange(status="active", on=pendulum.date(2025, 10, 26)),
            ],
        )
        for tz in (None, kl, "UTC"):
            assert [e.path for e in talks.timeline(tz=tz)] == [
                "history[0]",
                "history[1]",
                "agreements[0].history[0]",
                "agreements[0].history[1]",
            ]

    def test_revisions_keep_their_order_within_a_day(self) -> None:
        """A revision dated by its day after one at a time of that day follows it."""
        issued = pendulum.date(2025, 7, 14)
        revised = (
            _ultimatum()
            .revise_deadline(
                Deadline.after(issued, days=20),
                on=pendulum.datetime(2025, 7, 28, 15, tz="Europe/London"),
            )
            .revise_deadline(
                Deadline.after(issued, days=18), on=pendulum.date(2025, 7, 28)
            )
        )
        talks = _talks(ultimatums=[revised])
        assert [
            e.path for e in talks.timeline() if e.kind is EventKind.DEADLINE_REVISION
        ] == ["ultimatums[0].revisions[0]", "ultimatums[0].revisions[1]"]

    def test_statement_cited_twice_follows_the_later_record(self) -> None:
        """A statement answering two records sorts after the later of them."""
        blackmail = Response(
            party="russia", on=PartialDate(2025, 7), stance="rejects", statement="s"
        )
        talks = _talks(
            proposals=[
                Proposal(
                    id="p",
                    proposed_by="ukraine",
                    addressed_to=["russia"],
                    made_on=pendulum.date(2025, 7, 20),
                    summary="Meet",
                    responses=[blackmail],
                )
            ],
            ultimatums=[_ultimatum(responses=[blackmail])],
            statements=[
                Statement(id="s", speaker="Z", said_on=PartialDate(2025, 7), text="No.")
            ],
        )
        assert [(e.kind.value, e.record_id) for e in talks.timeline()][:5] == [
            ("ultimatum", "u"),
            ("response", "u"),
            ("proposal", "p"),
            ("statement", "s"),
            ("response", "p"),
        ]

    def test_undated_records_are_left_out(self) -> None:
        """A round with no date or window and an undated position make no event."""
        talks = _talks(
            rounds=[Round(number=1)],
            conditions=[
                Condition(
                    id="c",
                    text="t",
                    positions=[Position(party="ukraine", stance="accepts")],
                )
            ],
        )
        assert talks.timeline() == ()

    def test_a_cancelled_round_on_its_planned_day(self) -> None:
        """
        A round scheduled for 10–11 May and cancelled on 4 May: its event on
        10 May says it was to be held then, not that it was cancelled then
        (the cancellation is the status event of 4 May).
        """
        day = pendulum.date
        rnd = (
            Round(number=1, location="Geneva")
            .schedule(
                starts=day(2025, 5, 10), ends=day(2025, 5, 11), on=day(2025, 5, 1)
            )
            .cancel(on=day(2025, 5, 4))
        )
        window = Round(
            number=2,
            status="cancelled",
            window=Window(start=day(2025, 7, 21), end=day(2025, 7, 27)),
        )
        assert [
            (str(e.moment), e.summary) for e in _talks(rounds=[rnd, window]).timeline()
        ] == [
            ("2025-05-01", "Round 1 scheduled"),
            ("2025-05-04", "Round 1 cancelled"),
            (
                "2025-05-10",
                "Round 1 (cancelled) was to be held in Geneva, to 2025-05-11",
            ),
            (
                "2025-07-21",
                "Round 2 (cancelled) was to be held within 2025-07-21..2025-07-27",
            ),
        ]

    def test_an_undated_round_lists_its_dated_changes(self) -> None:
        """Scheduled, postponed (dates cleared), cancelled: three status events."""
        rnd = (
            Round(number=2)
            .schedule(starts=pendulum.date(2025, 7, 5), on=pendulum.date(2025, 7, 1))
            .postpone(on=pendulum.date(2025, 7, 3))
            .cancel(on=pendulum.date(2025, 7, 4))
        )
        assert rnd.when is None
        events = _talks(rounds=[rnd]).timeline()
        assert [
            (str(e.moment), e.kind.value, e.record_id, e.summary, e.path)
            for e in events
        ] == [
            ("2025-07-01", "status", 2, "Round 2 scheduled", "rounds[0].history[0]"),
            ("2025-07-03", "status", 2, "Round 2 postponed", "rounds[0].history[1]"),
            ("2025-07-04", "status", 2, "Round 2 cancelled", "rounds[0].history[2]"),
        ]
        # an undated change of such a round still makes no event
        assert _talks(rounds=[Round(number=1).cancel()]).timeline() == ()

    def test_an_alternative_decided_follows_the_revision_that_made_it(self) -> None:
        """
        Brexit: the deadline of 29 March 2019 was extended on 22 March to 12
        April, with 22 May if the Commons approved the deal; that the
        alternative did not apply was known that day at the earliest, so its
        event follows the revision, with ``tz`` too.  An alternative of the
        first deadline decided the day the milestone was set follows the
        setting.
        """
        day = pendulum.date
        clock = Milestone(
            id="article-50",
            title="Article 50",
            set_on=day(2017, 3, 29),
            deadline=Deadline.on(day(2019, 3, 29), tz="Europe/London"),
        ).revise_deadline(
            Deadline.on(day(2019, 4, 12), tz="Europe/London"), on=day(2019, 3, 22)
        )
        clock = attrs.evolve(
            clock,
            alternatives=[
                Alternative(
                    condition="if the Commons approves the deal",
                    deadline=Deadline.on(day(2019, 5, 22), tz="Europe/London"),
                    stage=1,
                    applied=False,
                    decided_on=day(2019, 3, 22),
                ),
                Alternative(
                    condition="if notice is given at once",
                    deadline=Deadline.on(day(2019, 3, 29), tz="Europe/London"),
                    applied=True,
                    decided_on=day(2017, 3, 29),
                ),
            ],
        )
        talks = _talks(milestones=[clock])
        for tz in (None, "UTC", "Asia/Tokyo"):
            paths = [e.path for e in talks.timeline(tz=tz)]
            assert paths.index("milestones[0].alternatives[0].decided_on") == (
                paths.index("milestones[0].revisions[0]") + 1
            ), tz
            assert paths.index("milestones[0].alternatives[1].decided_on") == (
                paths.index("milestones[0]") + 1
            ), tz

    def test_in_force_on_signature_follows_the_signing(self) -> None:
        """
        An agreement in force on the day it is signed (the Gaza ceasefire
        text signed and in force on 15 January) reads "signed", then "due to
        enter into force"; so with a signing at a time of that day, and with
        a ratification that day.  A text applied from before its signature
        keeps its own day.
        """
        day = pendulum.date(2025, 1, 15)

        def agreement(*steps: StatusChange, in_force: Deadline) -> Negotiation:
            return _talks(
                agreements=[
                    Agreement(
                        id="g",
                        title="Ceasefire",
                        stage="ceasefire",
                        in_force=in_force,
                        history=steps,
                    )
                ]
            )

        signed_at = pendulum.datetime(2025, 1, 15, 23, tz="Asia/Qatar")
        for steps in (
            [StatusChange(status="signed", on=day)],
            [StatusChange(status="signed", on=signed_at)],
            [
                StatusChange(status="signed", on=pendulum.date(2025, 1, 10)),
                StatusChange(status="ratified", on=day),
            ],
        ):
            talks = agreement(*steps, in_force=Deadline.on(day))
            for tz in (None, "UTC"):
                kinds = [e.kind for e in talks.timeline(tz=tz)]
                assert kinds[-2:] == [EventKind.STATUS, EventKind.AGREEMENT], tz
        applied = agreement(
            StatusChange(status="signed", on=pendulum.date(2025, 1, 20)),
            in_force=Deadline.on(day),
        )
        assert [(e.moment, e.kind) for e in applied.timeline()] == [
            (day, EventKind.AGREEMENT),
            (pendulum.date(2025, 1, 20), EventKind.STATUS),
        ]

    def test_a_record_run_out_on_its_due_day_follows_its_deadline(self) -> None:
        """
        "The deadline expired on 2 September": the ultimatum's expiry, and its
        enforcement that day, and a milestone missed on its due day, come
        after the deadlines that fell due at the end of that day — as
        ``status_at`` reads the ultimatum pending all that day.  With ``tz``
        too.
        """
        day = pendulum.date(2025, 9, 2)
        issued_only = _ultimatum()
        ultimatum = issued_only.expire(on=day).enforce(on=day, reason="tariffs imposed")
        clock = Milestone(
            id="m", title="Clock", deadline=Deadline.on(day, tz="Europe/Kyiv")
        ).with_status("missed", on=day)
        talks = _talks(ultimatums=[ultimatum], milestones=[clock])
        assert ultimatum.status_at(pendulum.datetime(2025, 9, 2, 12)).value == "pending"
        for tz in (None, "UTC", "America/New_York"):
            order = [(e.kind.value, e.record_id) for e in talks.timeline(tz=tz)]
            assert order.index(("status", "u")) > order.index(("deadline", "u")), tz
            assert order.index(("status", "m")) > order.index(("deadline", "m")), tz
        summaries = [e.summary for e in talks.timeline() if e.record_id == "u"]
        assert summaries[-2:] == [
            "Ultimatum 'u' expired",
            "Ultimatum 'u' enforced: tariffs imposed",
        ]
        # a step dated by a time keeps the order of instants
        timed = issued_only.expire(on=pendulum.datetime(2025, 9, 3, 0, 5))
        assert [e.kind.value for e in _talks(ultimatums=[timed]).timeline()][-2:] == [
            "deadline",
            "status",
        ]


class TestEvents:
    """What each kind of record contributes."""

    def test_an_entry_into_force_on_a_day_is_that_day(self) -> None:
        """
        The TPNW entered into force on 22 January 2021: the timeline says "on"
        that day, not "to the end of the day" a deadline's rule would say; a
        relative rule is given as it is.
        """
        on_the_day = Agreement(
            id="tpnw",
            title="TPNW",
            stage="comprehensive",
            in_force=Deadline.on(pendulum.date(2021, 1, 22)),
        )
        counted = Agreement(
            id="tpnw-90",
            title="TPNW",
            stage="comprehensive",
            in_force=Deadline.after(pendulum.date(2020, 10, 24), days=90),
        )
        talks = Negotiation(id="n", title="N", agreements=[on_the_day, counted])
        summaries = [e.summary for e in talks.timeline()]
        assert summaries == [
            "Agreement 'tpnw' due to enter into force on 2021-01-22",
            "Agreement 'tpnw-90' due to enter into force (90 days after 2020-10-24)",
        ]

    def test_revised_deadlines(self) -> None:
        """A cut deadline gives a revision, the replaced deadline and the current one."""
        ultimatum = (
            _ultimatum()
            .revise_deadline(
                Deadline.after(pendulum.date(2025, 7, 29), days=10),
                on=pendulum.date(2025, 7, 29),
                reason="Ten days from today",
            )
            .revise_deadline(
                Deadline.on(pendulum.date(2025, 8, 31)), on=pendulum.date(2025, 8, 1)
            )
        )
        events = _talks(ultimatums=[ultimatum]).timeline()
        assert [(str(e.moment), e.kind.value, e.path) for e in events] == [
            ("2025-07-14", "ultimatum", "ultimatums[0]"),
            ("2025-07-29", "deadline-revision", "ultimatums[0].revisions[0]"),
            ("2025-08-01", "deadline-revision", "ultimatums[0].revisions[1]"),
            ("2025-08-08", "replaced-deadline", "ultimatums[0].revisions[1].previous"),
            ("2025-08-31", "deadline", "ultimatums[0].deadline"),
            ("2025-09-02", "replaced-deadline", "ultimatums[0].revisions[0].previous"),
        ]
        assert events[1].summary == (
            "Deadline of ultimatum 'u' cut from 2025-09-02 to 2025-08-08: Ten days "
            "from today"
        )
        assert events[2].summary == (
            "Deadline of ultimatum 'u' extended from 2025-08-08 to 2025-08-31"
        )
        assert events[3].summary == (
            "Replaced deadline of ultimatum 'u' (10 days after 2025-07-29; replaced "
            "on 2025-08-01)"
        )
        assert events[0].summary.endswith("(due 2025-09-02)")

    def test_a_revival_follows_what_ran_out(self) -> None:
        """
        The 60 days of the 2024 Israel–Hezbollah ceasefire ran out at 04:00 in
        Beirut on 26 January 2025 and were extended "on 26 January": the
        extension answered the miss, so it is listed after it, as a snapshot
        reads it, and the step back (pending again, in force again) after the
        extension that caused it (an ultimatum, a milestone and an agreement
        alike).
        """
        ran_out = pendulum.datetime(2025, 1, 26, 4, tz="Asia/Beirut")
        start = pendulum.date(2024, 11, 27)
        later = Deadline.on(pendulum.date(2025, 2, 18), tz="Asia/Beirut")
        ultimatum = (
            Ultimatum(
                id="u",
                issued_by="united-states",
                addressed_to=["russia"],
                issued_at=start,
                demand="Withdraw",
                deadline=Deadline.on(ran_out),
            )
            .expire(on=ran_out)
            .revise_deadline(later, on=pendulum.date(2025, 1, 26))
        )
        milestone = (
            Milestone(
                id="m", title="Withdrawal", set_on=start, deadline=Deadline.on(ran_out)
            )
            .with_status("missed", on=ran_out)
            .revise_deadline(later, on=pendulum.date(2025, 1, 26))
        )
        truce = (
            Agreement(
                id="a",
                title="Truce",
                stage="ceasefire",
                signatories=["ukraine", "russia"],
                expires=Deadline.on(ran_out),
            )
            .with_status("in-force", on=start)
            .with_status("expired", on=ran_out)
            .extend(later, on=pendulum.date(2025, 1, 26))
        )
        talks = _talks(
            ultimatums=[ultimatum], milestones=[milestone], agreements=[truce]
        )
        day = [
            (e.kind.value, e.path)
            for e in talks.timeline()
            if e.kind is not EventKind.REPLACED_DEADLINE
            and e.moment in (ran_out, pendulum.date(2025, 1, 26))
        ]
        for path, ran in (
            ("ultimatums[0]", 0),
            ("milestones[0]", 0),
            ("agreements[0]", 1),
        ):
            mine = [entry for entry in day if entry[1].startswith(path)]
            assert mine == [
                ("status", f"{path}.history[{ran}]"),
                ("deadline-revision", f"{path}.revisions[0]"),
                ("status", f"{path}.history[{ran + 1}]"),
            ]

    def test_each_revival_follows_its_own_miss(self) -> None:
        """
        Missed at 04:00, extended that day to 20:00, missed again at 20:00,
        extended the next day: each extension follows the miss it answered
        and comes before the step back it caused and the next miss, in the
        whole timeline and in one read as of 21:00 (the first extension was
        once put after the second miss).
        """

        def at(hour: int) -> pendulum.DateTime:
            return pendulum.datetime(2025, 1, 26, hour, tz="UTC")

        milestone = (
            Milestone(
                id="m",
                title="Clock",
                set_on=pendulum.date(2025, 1, 20),
                deadline=Deadline.on(at(4)),
            )
            .with_status("missed", on=at(4))
            .revise_deadline(Deadline.on(at(20)), on=pendulum.date(2025, 1, 26))
            .with_status("missed", on=at(20))
            .revise_deadline(
                Deadline.on(pendulum.date(2025, 2, 5)), on=pendulum.date(2025, 1, 27)
            )
        )
        talks = _talks(milestones=[milestone])
        order = [
            e.path.split(".", 1)[1]
            for e in talks.timeline()
            if e.kind in (EventKind.STATUS, EventKind.DEADLINE_REVISION)
        ]
        assert order == [
            "history[0]",
            "revisions[0]",
            "history[1]",
            "history[2]",
            "revisions[1]",
            "history[3]",
        ]
        known = [
            e.path.split(".", 1)[1]
            for e in talks.timeline(at(21))
            if e.kind in (EventKind.STATUS, EventKind.DEADLINE_REVISION)
        ]
        assert known == order[:4]

    def test_unchanged_revision(self) -> None:
        """A revision to an equal cutoff says 'changed'."""
        issued = pendulum.date(2025, 7, 14)
        ultimatum = Ultimatum(
            id="u",
            issued_by="united-states",
            issued_at=issued,
            demand="Ceasefire",
            deadline=Deadline.after(issued, days=50),
        ).revise_deadline(Deadline.on(pendulum.date(2025, 9, 2)), on=issued)
        events = _talks(ultimatums=[ultimatum]).timeline()
        assert events[1].summary == (
            "Deadline of ultimatum 'u' changed from 2025-09-02 to 2025-09-02"
        )
        assert events[0].summary == (
            "United States issues an ultimatum: Ceasefire (due 2025-09-02)"
        )

    def test_revision_that_keeps_the_deadline(self) -> None:
        """
        A revision that left the deadline as it was (New START's expiry on
        20 October 2020, when the options of extending it were set out as
        alternatives) is 'kept at' its due, and nothing was replaced.
        """
        signed = pendulum.date(2011, 2, 5)
        expiry = Deadline.after(signed, years=10)
        milestone = Milestone(
            id="expiry", title="New START expires", set_on=signed, deadline=expiry
        ).revise_deadline(
            expiry,
            on=pendulum.date(2020, 10, 20),
            reason="options set out",
            alternatives=[
                Alternative(
                    condition="if extended by one year",
                    deadline=Deadline.on(pendulum.date(2022, 2, 5)),
                    stage=1,
                ),
                Alternative(condition="otherwise", deadline=expiry, stage=1),
            ],
        )
        ultimatum = Ultimatum(
            id="u",
            issued_by="united-states",
            issued_at=signed,
            demand="Ceasefire",
            deadline=expiry,
        ).revise_deadline(expiry, on=pendulum.date(2012, 1, 1))
        events = _talks(milestones=[milestone], ultimatums=[ultimatum]).timeline()
        assert [e.summary for e in events if e.kind is EventKind.DEADLINE_REVISION] == [
            "Deadline of ultimatum 'u' kept at 2021-02-05",
            "Deadline of milestone 'expiry' kept at 2021-02-05: options set out",
        ]
        assert [e for e in events if e.kind is EventKind.REPLACED_DEADLINE] == []
        assert [e.path for e in events if e.moment == expiry.due] == [
            "milestones[0].alternatives[1]",
            "ultimatums[0].deadline",
            "milestones[0].deadline",
        ]

    def test_status_changes(self) -> None:
        """Dated status changes of proposals and ultimatums are events."""
        day = pendulum.date(2025, 7, 1)
        proposal = Proposal(
            id="p",
            proposed_by="ukraine",
            addressed_to=["russia", "united-states"],
            made_on=day,
            summary="Meet",
        ).lapse(on=pendulum.date(2025, 7, 10))
        counter = Proposal(
            id="q",
            proposed_by="russia",
            made_on=pendulum.date(2025, 7, 2),
            summary="Meet later",
            counter_to="p",
        ).accept()  # undated: no status event
        ultimatum = Ultimatum(
            id="u",
            issued_by="united-states",
            addressed_to=["russia"],
            issued_at=day,
            demand=Condition(id="cf", text="Ceasefire"),
            deadline=Deadline.after(day, days=5),
        ).withdraw(on=pendulum.date(2025, 7, 3))
        events = _talks(
            proposals=[proposal, counter], ultimatums=[ultimatum]
        ).timeline()
        summaries = [(str(e.moment), e.kind.value, e.summary) for e in events]
        assert summaries == [
            (
                "2025-07-01",
                "proposal",
                "Ukraine proposes to Russia and United States: Meet",
            ),
            (
                "2025-07-01",
                "ultimatum",
                "United States issues an ultimatum to Russia: Ceasefire (due 2025-07-06)",
            ),
            (
                "2025-07-02",
                "proposal",
                "Russia proposes (countering proposal 'p'): Meet later",
            ),
            ("2025-07-03", "status", "Ultimatum 'u' withdrawn"),
            (
                "2025-07-06",
                "deadline",
                "Deadline of ultimatum 'u' falls due (5 days after 2025-07-01); the ultimatum was withdrawn",
            ),
            ("2025-07-10", "status", "Proposal 'p' lapsed without response"),
        ]

    @pytest.mark.parametrize(
        ("withdrawn", "said"),
        [
            (pendulum.date(2025, 7, 6), "the ultimatum was withdrawn"),
            (pendulum.date(2025, 7, 7), "the ultimatum was withdrawn after it passed"),
        ],
    )
    def test_a_withdrawal_after_the_deadline_says_so(
        self, withdrawn: pendulum.Date, said: str
    ) -> None:
        """
        Withdrawn on the deadline's own day it closed the deadline; the day
        after, the deadline had run out (the queries list it), and the
        summary says the withdrawal came after.
        """
        day = pendulum.date(2025, 7, 1)
        ultimatum = Ultimatum(
            id="u",
            issued_by="united-states",
            addressed_to=["russia"],
            issued_at=day,
            demand="Ceasefire",
            deadline=Deadline.after(day, days=5),
        ).withdraw(on=withdrawn)
        talks = _talks(ultimatums=[ultimatum])
        [due] = [e for e in talks.timeline() if e.kind is EventKind.DEADLINE]
        assert due.summary.endswith(f"; {said}")
        ran_out = talks.expired_deadlines(pendulum.date(2025, 7, 8))
        assert bool(ran_out) == said.endswith("after it passed")

    def test_an_agreement_ended_before_its_dates(self) -> None:
        """
        An agreement terminated or superseded before a phase ended, before it
        was due in force or before it expired says so at those events (the
        rule of the deadline queries and the calendar); what passed before it
        ended is left as it was.  A snapshot from before the end says nothing.
        """
        start = pendulum.datetime(2025, 1, 19, 11, 15, tz="Asia/Jerusalem")
        ceasefire = Agreement(
            id="ceasefire",
            title="Ceasefire",
            stage="ceasefire",
            signatories=["ukraine", "russia"],
            history=[StatusChange(status="in-force", on=start)],
            in_force=Deadline.on(start),
            expires=Deadline.on(pendulum.date(2025, 6, 1)),
            phases=[
                Phase(
                    name="Phase one",
                    starts=start,
                    ends=Deadline.on_day(42, counting_from=start),
                ),
                Phase(name="Phase two", ends=Deadline.on_day(84, counting_from=start)),
            ],
        )
        ended = pendulum.datetime(2025, 3, 18, 2, 30, tz="Asia/Jerusalem")
        talks = _talks(agreements=[ceasefire.with_status("terminated", on=ended)])
        notes = {
            e.path: e.summary.partition("; the agreement ")[2]
            for e in talks.timeline()
            if e.kind is not EventKind.STATUS
        }
        assert notes == {
            "agreements[0].in_force": "",
            "agreements[0].phases[0]": "",
            "agreements[0].phases[0].ends": "",
            "agreements[0].phases[1].ends": "was terminated before then",
            "agreements[0].expires": "was terminated before then",
        }
        before = talks.as_of(pendulum.date(2025, 3, 10))
        assert not any("before then" in e.summary for e in before.timeline())

        shorter = attrs.evolve(
            ceasefire, expires=Deadline.on(pendulum.date(2025, 3, 4))
        )
        expired = shorter.with_status("expired", on=pendulum.date(2025, 3, 5))
        notes = {e.path: e.summary for e in _talks(agreements=[expired]).timeline()}
        assert notes["agreements[0].phases[1].ends"].endswith(
            "; the agreement had expired before then"
        )
        assert "before then" not in notes["agreements[0].phases[0].ends"]
        assert "before then" not in notes["agreements[0].expires"]

    def test_a_phase_that_starts_after_the_agreement_ended(self) -> None:
        """
        A phase due to start after its agreement was terminated, superseded
        or had expired says so at its start, as its end does: the Gaza
        ceasefire of January 2025 was meant to move to a second phase on day
        16, and ended in March.  Only an end certainly before the start
        counts: a step dated to the start's own day, or undated, is not
        known to be before it.
        """
        start = pendulum.datetime(2025, 1, 19, 11, 15, tz="Asia/Jerusalem")
        second = pendulum.date(2025, 3, 2)
        ceasefire = Agreement(
            id="ceasefire",
            title="Ceasefire",
            stage="ceasefire",
            signatories=["ukraine", "russia"],
            history=[StatusChange(status="in-force", on=start)],
            phases=[
                Phase(name="Phase one", starts=start),
                Phase(name="Phase two", starts=second),
            ],
        )

        def start_notes(agreement: Agreement) -> list[str]:
            return [
                e.summary.partition("; the agreement ")[2]
                for e in _talks(agreements=[agreement]).timeline()
                if e.kind is EventKind.PHASE
            ]

        assert start_notes(ceasefire) == ["", ""]
        for status in ("terminated", "superseded"):
            ended = ceasefire.with_status(status, on=pendulum.date(2025, 3, 1))
            assert start_notes(ended) == ["", f"was {status} before then"]
            # Undated, it is not known to have come before.
            assert start_notes(ceasefire.with_status(status)) == ["", ""]
        # On the day itself, or after it: not before it.
        assert start_notes(ceasefire.with_status("terminated", on=second)) == ["", ""]
        late = ceasefire.with_status("terminated", on=pendulum.date(2025, 3, 18))
        assert start_notes(late) == ["", ""]
        # Ended on 1 March in Jerusalem, 23:00 UTC on 28 February: before the
        # 2nd wherever it is read.  At 23:30 on 1 March in Honolulu it is the
        # 2nd already in Kiribati, so not certainly before.
        night = pendulum.datetime(2025, 3, 1, 1, tz="Asia/Jerusalem")
        assert start_notes(ceasefire.with_status("terminated", on=night))[1]
        honolulu = pendulum.datetime(2025, 3, 1, 23, 30, tz="Pacific/Honolulu")
        assert start_notes(ceasefire.with_status("terminated", on=honolulu))[1] == ""

        # Expired: an expiry in force before the start, marked expired or not,
        # or with no expiry a step marked expired before it.
        expiring = attrs.evolve(
            ceasefire, expires=Deadline.on(pendulum.date(2025, 3, 1))
        )
        assert start_notes(expiring) == ["", "had expired before then"]
        marked = expiring.with_status("expired", on=pendulum.date(2025, 3, 1))
        assert start_notes(marked) == ["", "had expired before then"]
        on_the_day = attrs.evolve(expiring, expires=Deadline.on(second))
        assert start_notes(on_the_day) == ["", ""]
        extended = expiring.extend(
            Deadline.on(pendulum.date(2025, 4, 1)), on=pendulum.date(2025, 2, 20)
        )
        assert start_notes(extended) == ["", ""]
        without = ceasefire.with_status("expired", on=pendulum.date(2025, 2, 28))
        assert start_notes(without) == ["", "had expired before then"]
        running_again = without.with_status("in-force", on=pendulum.date(2025, 3, 1))
        assert start_notes(running_again) == ["", ""]
        # A snapshot from before the end says nothing of it.
        talks = _talks(agreements=[ceasefire.with_status("terminated", on=night)])
        before = talks.as_of(pendulum.date(2025, 2, 27))
        assert not any("before then" in e.summary for e in before.timeline())

    def test_a_milestone_cancelled_before_its_deadlines(self) -> None:
        """
        A milestone cancelled or superseded before its deadline, or an
        alternative deadline, passed says so there; one met or missed does
        not (its status change is an event of its own).
        """
        milestone = Milestone(
            id="exit",
            title="Exit day",
            set_by=["ukraine"],
            set_on=pendulum.date(2019, 3, 1),
            deadline=Deadline.on(pendulum.date(2019, 3, 29)),
            alternatives=[
                Alternative(
                    condition="if the deal is approved",
                    deadline=Deadline.on(pendulum.date(2019, 5, 22)),
                )
            ],
        )
        for status, note in [
            ("cancelled", "; the milestone was cancelled before then"),
            ("superseded", "; the milestone was superseded before then"),
            ("met", ""),
        ]:
            closed = milestone.with_status(status, on=pendulum.date(2019, 3, 20))
            summaries = {
                e.path: e.summary for e in _talks(milestones=[closed]).timeline()
            }
            assert summaries["milestones[0].deadline"].endswith(f"UTC)){note}")
            assert summaries["milestones[0].alternatives[0]"].endswith(f"UTC)){note}")
        late = milestone.with_status("cancelled", on=pendulum.date(2019, 4, 2))
        summaries = {e.path: e.summary for e in _talks(milestones=[late]).timeline()}
        assert "before then" not in summaries["milestones[0].deadline"]
        assert summaries["milestones[0].alternatives[0]"].endswith(
            "; the milestone was cancelled before then"
        )

    def test_when_an_alternative_was_decided(self) -> None:
        """
        The day it became known whether an alternative applied is an event
        of its own ("alternative-decided"), after the vote that decided it
        and before the revision it led to; an undecided alternative has
        none, and a snapshot before the decision shows none.
        """
        decided = pendulum.date(2019, 3, 29)
        milestone = Milestone(
            id="exit",
            title="Exit day",
            set_on=pendulum.date(2017, 3, 29),
            deadline=Deadline.on(pendulum.date(2019, 4, 12)),
            alternatives=[
                Alternative(
                    condition="if the deal is approved",
                    deadline=Deadline.on(pendulum.date(2019, 5, 22)),
                    applied=True,
                    decided_on=decided,
                ),
                Alternative(
                    condition="otherwise",
                    deadline=Deadline.on(pendulum.date(2019, 4, 12)),
                    applied=False,
                    decided_on=decided,
                ),
                Alternative(
                    condition="if a referendum is called",
                    deadline=Deadline.on(pendulum.date(2019, 12, 31)),
                ),
            ],
        ).revise_deadline(Deadline.on(pendulum.date(2019, 5, 22)), on=decided)
        vote = Vote(
            id="mv",
            body="House of Commons",
            on=decided,
            question="Approve the deal",
            yes=330,
            no=300,
            result="passed",
        )
        talks = _talks(milestones=[milestone], votes=[vote])
        on_the_day = [
            (e.kind.value, e.path, e.summary)
            for e in talks.timeline()
            if e.moment == decided
        ]
        assert on_the_day == [
            ("vote", "votes[0]", ANY),
            (
                "alternative-decided",
                "milestones[0].alternatives[0].decided_on",
                "Alternative deadline of milestone 'exit' if the deal is approved "
                "(on 2019-05-22 (to the end of the day, UTC)) applies",
            ),
            (
                "alternative-decided",
                "milestones[0].alternatives[1].decided_on",
                "Alternative deadline of milestone 'exit' otherwise "
                "(on 2019-04-12 (to the end of the day, UTC)) does not apply",
            ),
            ("deadline-revision", "milestones[0].revisions[0]", ANY),
        ]
        kinds = [e.kind for e in talks.as_of(pendulum.date(2019, 3, 28)).timeline()]
        assert EventKind.ALTERNATIVE_DECIDED not in kinds
        assert EventKind.ALTERNATIVE_DEADLINE in kinds

    def test_rounds(self) -> None:
        """A round's span, place and summary; an unknown party id is shown as is."""
        talks = _talks(
            rounds=[
                Round(
                    number=1,
                    status="held",
                    starts=pendulum.date(2025, 5, 16),
                    ends=pendulum.date(2025, 5, 17),
                    location="Istanbul",
                ),
                Round(
                    number=2,
                    status="held",
                    starts=pendulum.date(2025, 6, 2),
                    ends=pendulum.date(2025, 6, 2),
                ),
            ],
        )
        assert [e.summary for e in talks.timeline()] == [
            "Round 1 held in Istanbul, to 2025-05-17",
            "Round 2 held",
        ]

    def test_long_statements_on_one_line(self) -> None:
        """Quotes are put on one line and cut to 160 characters."""
        text = "Line one.\n\n   Line two. " + "word " * 60
        talks = _talks(
            statements=[
                Statement(
                    id="s", speaker="A", said_on=pendulum.date(2025, 1, 1), text=text
                )
            ]
        )
        (event,) = talks.timeline()
        quote = event.summary.removeprefix("A: “").removesuffix("”")
        assert "\n" not in event.summary
        assert quote.startswith("Line one. Line two. word")
        assert len(quote) == 160
        assert quote.endswith("…")

    def test_one_line_helper(self) -> None:
        """Short text is kept, only its whitespace collapsed."""
        assert one_line("  a\tb\n c ") == "a b c"
        every_space = "\u0085\u00a0\u1680\u2000\u2028\u2029\u202f\u3000\x1c\x1f\x0b\x0c"
        assert one_line(f"{every_space}a{every_space}b{every_space}") == "a b"
        assert one_line("a\u200bb") == "a\u200bb"  # a zero-width space is no space

    @given(st.text())
    def test_one_line_collapses_what_a_regular_expression_calls_space(
        self, text: str
    ) -> None:
        """Every run of what ``\\s`` matches becomes one space; the ends go."""
        assert one_line(text, None) == re.sub(r"\s+", " ", text).strip()

    def test_complied_in_time_for_the_deadline_that_revived_it(self) -> None:
        """
        Expired, extended, then complied with before the new deadline: in
        time, as the deadline queries say (none ran out); complied with after
        the deadline in force: "after it expired".
        """
        day = pendulum.date
        revived = (
            Ultimatum(
                id="u",
                issued_by="united-states",
                addressed_to=["russia"],
                issued_at=day(2025, 7, 14),
                demand="Ceasefire",
                deadline=Deadline.on(day(2025, 8, 8)),
            )
            .expire()
            .revise_deadline(Deadline.on(day(2025, 9, 1)), on=day(2025, 8, 10))
        )
        in_time = _talks(ultimatums=[revived.comply(on=day(2025, 8, 20))])
        due = [e for e in in_time.timeline() if e.kind is EventKind.DEADLINE]
        assert due[-1].summary.endswith("; the ultimatum was complied with")
        assert in_time.expired_deadlines(day(2025, 9, 5)) == ()
        late = _talks(
            ultimatums=[revived.expire().comply(on=day(2025, 9, 5), late=True)]
        )
        due = [e for e in late.timeline() if e.kind is EventKind.DEADLINE]
        assert due[-1].summary.endswith("complied with after it expired")

    def test_every_stance_of_a_dated_position_reads_as_a_sentence(self) -> None:
        """ "Hamas has not decided on 'hostages'", as a response says it."""
        dated = pendulum.date(2025, 7, 20)
        term = Condition(
            id="cede",
            text="Cede four regions",
            demanded_by="russia",
            positions=[Position(party="ukraine", stance="undecided", on=dated)],
        )
        (event,) = _talks(conditions=[term]).timeline()
        assert event.summary == "Ukraine has not decided on 'cede': Cede four regions"

    def test_an_action_of_one_party_or_of_several(self) -> None:
        """The PLOVER verb is said of its actors: "aids", "aid"."""
        on = pendulum.date(2025, 7, 20)
        one = Action(
            id="a",
            by=["united-states"],
            toward=["ukraine"],
            on=on,
            kind="aid",
            summary="Arms",
        )
        two = Action(
            id="b",
            by=["united-states", "ukraine"],
            toward=["russia"],
            on=on,
            kind="sanction",
            summary="Banks",
        )
        summaries = [e.summary for e in _talks(actions=[one, two]).timeline()]
        assert summaries == [
            "United States aids (Ukraine): Arms",
            "United States and Ukraine sanction (Russia): Banks",
        ]


class TestTimelineEvent:
    """The event value itself."""

    def test_checked_on_construction(self) -> None:
        """Every field is checked and every problem reported."""
        with pytest.raises(ValidationError) as exc:
            TimelineEvent(
                moment="2025-07-14",  # type: ignore[arg-type]
                kind="meeting",
                record_id=0,
                summary=" ",
                path="",
                party="Russia",
            )
        assert [path for path, _ in exc.value.errors] == [
            "moment",
            "kind",
            "record_id",
            "summary",
            "path",
            "party",
        ]
        assert exc.value.errors[2] == ("record_id", "must be at least 1, got 0")

    def test_value_semantics(self) -> None:
        """Events are frozen, comparable values."""
        event = TimelineEvent(
            moment=pendulum.date(2025, 7, 14),
            kind=EventKind.ULTIMATUM,
            record_id="u",
            summary="Issued",
            path="ultimatums[0]",
        )
        assert event == TimelineEvent(
            moment=pendulum.date(2025, 7, 14),
            kind="ultimatum",
            record_id="u",
            summary="Issued",
            path="ultimatums[0]",
        )
        assert hash(event)


def _at_path(record: Any, path: str) -> Any:
    """The value at *path* (``proposals[0].responses[1]``) in *record*."""
    for step in path.split("."):
        name, _, index = step.partition("[")
        record = getattr(record, name)
        if index:
            record = record[int(index[:-1])]
    return record


class TestPathsAsOf:
    """With ``at``, an event's path is its place in the record as it stood then."""

    def test_a_later_record_listed_first_moves_the_place(self) -> None:
        """A proposal listed after one made later is ``proposals[0]`` of the snapshot."""
        talks = _talks(
            proposals=[
                Proposal(
                    id="late",
                    proposed_by="ukraine",
                    made_on=pendulum.date(2025, 3, 1),
                    summary="Later",
                ),
                Proposal(
                    id="early",
                    proposed_by="ukraine",
                    made_on=pendulum.date(2025, 1, 1),
                    summary="Earlier",
                ),
            ]
        )
        at = pendulum.date(2025, 2, 1)
        (event,) = talks.timeline(at)
        assert (event.record_id, event.path) == ("early", "proposals[0]")
        assert _at_path(talks.as_of(at), event.path).id == "early"
        assert [e.path for e in talks.timeline()] == ["proposals[1]", "proposals[0]"]

    def test_a_deadline_replaced_since_is_the_snapshots_deadline(self) -> None:
        """The deadline in force then is at the snapshot's ``deadline``."""
        ultimatum = _ultimatum().revise_deadline(
            Deadline.on(pendulum.date(2025, 8, 8)), on=pendulum.date(2025, 7, 29)
        )
        talks = _talks(ultimatums=[ultimatum])
        at = pendulum.date(2025, 7, 20)
        (deadline,) = [e for e in talks.timeline(at) if e.kind is EventKind.DEADLINE]
        assert deadline.path == "ultimatums[0].deadline"
        in_force = _at_path(talks.as_of(at), deadline.path)
        assert in_force == _ultimatum().deadline != talks.ultimatums[0].deadline
        (replaced,) = [
            e for e in talks.timeline() if e.kind is EventKind.REPLACED_DEADLINE
        ]
        assert _at_path(talks, replaced.path) == in_force


def _doctests(obj: object, name: str) -> list[doctest.DocTest]:
    globs: dict[str, Any] = {"pendulum": pendulum}
    globs.update(
        {n: getattr(negotiation_records, n) for n in negotiation_records.__all__}
    )
    return doctest.DocTestFinder().find(obj, name, globs=globs)


_EXAMPLES = [
    test
    for obj, name in [
        (deadlines, "deadlines"),
        (windows, "windows"),
        (timeline, "timeline"),
        (queries, "queries"),
        (Negotiation.timeline, "Negotiation.timeline"),
        (Negotiation.pending_ultimatums, "Negotiation.pending_ultimatums"),
        (Negotiation.upcoming_deadlines, "Negotiation.upcoming_deadlines"),
        (Negotiation.expired_deadlines, "Negotiation.expired_deadlines"),
        (Negotiation.positions, "Negotiation.positions"),
        (Ultimatum.revise_deadline, "Ultimatum.revise_deadline"),
    ]
    for test in _doctests(obj, name)
    if test.examples
]


@pytest.mark.parametrize("test", _EXAMPLES, ids=lambda t: t.name)
def test_docstring_examples_run(test: doctest.DocTest) -> None:
    """The examples in the docstrings of the time modules are right."""
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0


class _PytzZone(dt.tzinfo):
    """A zone as pytz makes one: by name, with ``localize``."""

    def __init__(self, zone: str | None) -> None:
        self.zone = zone

    def localize(self, value: dt.datetime) -> dt.datetime:
        return value.replace(tzinfo=self)

    def utcoffset(self, value: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=9)

    def dst(self, value: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, value: dt.datetime | None) -> str:
        return "JST"


class TestTheZoneShown:
    """``timeline(tz=...)`` takes a zone or its name, and refuses anything else
    at ``tz``, as ``Deadline.on(..., tz=...)`` does."""

    @staticmethod
    def _talks() -> Negotiation:
        issued = pendulum.datetime(2025, 7, 14, 16)
        return Negotiation(
            id="t",
            title="T",
            parties=[
                Party(id="us", name="United States", kind="state"),
                Party(id="ru", name="Russia", kind="state"),
            ],
            ultimatums=[
                Ultimatum(
                    id="u",
                    issued_by="us",
                    addressed_to=["ru"],
                    issued_at=issued,
                    demand="Ceasefire",
                    deadline=Deadline.after(issued, days=50),
                )
            ],
        )

    @pytest.mark.parametrize(
        ("bad", "shown"),
        [
            (5, "int 5"),
            (True, "bool True"),
            (3.5, "float 3.5"),
            ([], "list []"),
            ({}, "dict {}"),
        ],
        ids=repr,
    )
    def test_what_is_no_zone_is_refused(self, bad: Any, shown: str) -> None:
        """A number (which pendulum reads as hours), a bool or a container is
        a ValidationError at tz, not a zone nor a raw AttributeError."""
        with pytest.raises(ValidationError) as caught:
            self._talks().timeline(tz=bad)
        assert caught.value.errors == (
            (
                "tz",
                "must be an IANA time zone name such as 'Europe/Kyiv', or a "
                f"pendulum, zoneinfo, pytz or datetime.timezone zone, got {shown}",
            ),
        )
        with pytest.raises(ValidationError, match=r"^tz: "):
            timeline.build_timeline(self._talks(), bad)

    def test_a_bad_name_is_refused_at_tz(self) -> None:
        """An unknown name or an abbreviation is refused at tz, as on a deadline."""
        with pytest.raises(
            ValidationError, match=r"^tz: unknown time zone 'Mars/Base'"
        ):
            self._talks().timeline(tz="Mars/Base")
        with pytest.raises(ValidationError, match=r"^tz: time zone 'EST' is an abbrev"):
            self._talks().timeline(tz="EST")

    def test_a_bad_at_and_a_bad_tz_are_reported_together(self) -> None:
        """Both are checked before the snapshot is taken: every problem at once."""
        with pytest.raises(ValidationError) as info:
            self._talks().timeline("2025-07-20", tz="Mars/Base")  # type: ignore[arg-type]
        assert [path for path, _ in info.value.errors] == ["at", "tz"]
        assert info.value.errors[1] == ("tz", "unknown time zone 'Mars/Base'")

    def test_zones_and_names_show_the_same(self) -> None:
        """A name, its pendulum zone and its zoneinfo zone show the same; a
        datetime.timezone is its fixed offset."""
        import datetime as dt
        import zoneinfo

        talks = self._talks()

        def summaries(tz: Any) -> list[str]:
            return [event.summary for event in talks.timeline(tz=tz)]

        tokyo = summaries("Asia/Tokyo")
        assert tokyo != summaries(None)
        assert summaries(pendulum.timezone("Asia/Tokyo")) == tokyo
        assert summaries(zoneinfo.ZoneInfo("Asia/Tokyo")) == tokyo
        assert summaries(_PytzZone("Asia/Tokyo")) == tokyo
        assert summaries(_PytzZone(None)) == summaries(  # pytz.FixedOffset(540)
            dt.timezone(dt.timedelta(hours=9))
        )
        assert summaries(dt.UTC) == summaries("UTC")
        assert summaries(dt.timezone(dt.timedelta(hours=9))) == summaries(
            pendulum.FixedTimezone(9 * 3600)
        )

    def test_deadlines_at_a_datetime_are_shown_in_the_zone(self) -> None:
        """A deadline "on" a datetime and an entry into force at a datetime are
        shown in the zone asked for, as every other moment of the summaries;
        the start of a counting rule is kept in its own zone, where its days
        are counted."""
        snapback = pendulum.datetime(2025, 9, 27, 20, tz="America/New_York")
        truce = pendulum.datetime(2025, 5, 14, 0, 1, tz="America/New_York")
        talks = Negotiation(
            id="t",
            title="T",
            milestones=[
                Milestone(
                    id="snapback",
                    title="Snapback",
                    set_on=pendulum.date(2025, 8, 28),
                    deadline=Deadline.on(snapback),
                )
            ],
            agreements=[
                Agreement(
                    id="gaza",
                    title="Ceasefire",
                    stage="ceasefire",
                    history=[
                        StatusChange(status="signed", on=pendulum.date(2025, 1, 15))
                    ],
                    in_force=Deadline.on(
                        pendulum.datetime(2025, 1, 19, 8, 30, tz="Asia/Jerusalem")
                    ),
                    expires=Deadline.after(truce, days=90),
                )
            ],
        )
        summaries = [event.summary for event in talks.timeline(tz="Asia/Tehran")]
        assert (
            "Agreement 'gaza' due to enter into force on "
            "2025-01-19T10:00:00+03:30[Asia/Tehran]" in summaries
        )
        assert (
            "Deadline of milestone 'snapback' falls due: Snapback "
            "(on 2025-09-28T03:30:00+03:30[Asia/Tehran])" in summaries
        )
        assert (
            "Agreement 'gaza' expires "
            "(90 days after 2025-05-14T00:01:00-04:00[America/New_York])" in summaries
        )
        assert not any("Asia/Jerusalem" in text for text in summaries)


class TestDateDeadlinesReadInAZone:
    """With ``tz``, a deadline of a date falls due at the end of its day in its
    own zone, among the timed events read in ``tz`` (the port strike of 2024:
    the contract ran to midnight in New York, 23:00 in Houston)."""

    @staticmethod
    def _talks(**deadline_zone: Any) -> Negotiation:
        chicago, new_york = "America/Chicago", "America/New_York"
        expiry = Deadline.on(pendulum.date(2024, 9, 30), **deadline_zone)
        return Negotiation(
            id="ports",
            title="Ports",
            parties=[
                Party(id="ila", name="ILA", kind="organization"),
                Party(id="usmx", name="USMX", kind="organization"),
            ],
            ultimatums=[
                Ultimatum(
                    id="strike",
                    issued_by="ila",
                    addressed_to=["usmx"],
                    issued_at=pendulum.date(2024, 6, 10),
                    demand="A new master contract",
                    deadline=expiry,
                )
            ],
            milestones=[
                Milestone(id="expiry", title="Contract expires", deadline=expiry)
            ],
            statements=[
                Statement(
                    id="houston",
                    speaker="Local",
                    party="ila",
                    said_on=pendulum.datetime(2024, 9, 30, 23, 30, tz=chicago),
                    text="Pickets go up in Houston",
                ),
                Statement(
                    id="newark",
                    speaker="Local",
                    party="ila",
                    said_on=pendulum.datetime(2024, 10, 1, 0, 1, tz=new_york),
                    text="Pickets go up in Newark",
                ),
                Statement(
                    id="eve",
                    speaker="Local",
                    party="ila",
                    said_on=pendulum.datetime(2024, 9, 30, 22, 59, tz=chicago),
                    text="An hour to go",
                ),
            ],
        )

    @staticmethod
    def _order(talks: Negotiation, tz: str | None) -> list[str | int]:
        return [
            event.record_id
            for event in talks.timeline(tz=tz)
            if event.kind in (EventKind.STATEMENT, EventKind.DEADLINE)
        ]

    @pytest.mark.parametrize("tz", ["America/Chicago", "UTC", "Asia/Tokyo"])
    def test_in_the_order_of_instants(self, tz: str) -> None:
        talks = self._talks(tz="America/New_York")
        assert self._order(talks, tz) == [
            "eve",
            "strike",
            "expiry",
            "newark",
            "houston",
        ]

    def test_in_its_own_zone_it_is_the_last_of_its_day(self) -> None:
        talks = self._talks(tz="America/New_York")
        assert self._order(talks, "America/New_York") == [
            "eve",
            "strike",
            "expiry",
            "newark",
            "houston",
        ]
        events = talks.timeline(tz="America/New_York")
        assert events[-1].record_id == "houston"

    def test_without_tz_each_day_as_shown(self) -> None:
        """Without ``tz`` a date deadline is the last event of its own day: the
        Houston walk-out, 30 September where it happened, comes before it."""
        talks = self._talks(tz="America/New_York")
        assert self._order(talks, None) == [
            "eve",
            "houston",
            "strike",
            "expiry",
            "newark",
        ]

    def test_a_deadline_without_a_zone_ends_its_day_in_utc(self) -> None:
        """Midnight UTC is 19:00 in Chicago on 30 September."""
        talks = self._talks()
        assert self._order(talks, "America/Chicago") == [
            "strike",
            "expiry",
            "eve",
            "newark",
            "houston",
        ]

    def test_at_the_end_of_the_calendar(self) -> None:
        """The last day of 9999 in New York ends after the calendar does in
        UTC: read in UTC it stays the last event of its day, no OverflowError."""
        last = Deadline.on(pendulum.date(9999, 12, 31), tz="America/New_York")
        talks = Negotiation(
            id="t",
            title="T",
            milestones=[Milestone(id="m", title="M", deadline=last)],
        )
        events = talks.timeline(tz="UTC")
        assert [event.kind for event in events][-1] is EventKind.DEADLINE


def test_a_vote_s_counts_are_written_with_thousands_separators() -> None:
    """Colombia's plebiscite of 2 October 2016: counts as messages write them."""
    vote = Vote(
        id="plebiscite",
        body="Colombian voters",
        on=pendulum.date(2016, 10, 2),
        question="Do you support the final agreement?",
        yes=6_377_482,
        no=6_431_376,
        abstain=0,
        threshold="simple-majority",
        result="failed",
    )
    (event,) = [e for e in _talks(votes=[vote]).timeline() if e.kind.value == "vote"]
    assert event.summary == (
        "Colombian voters votes on Do you support the final agreement?: failed "
        "(6,377,482 for, 6,431,376 against, 0 abstaining)"
    )
