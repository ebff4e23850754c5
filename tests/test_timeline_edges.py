"""
Edges of the timeline's order and summaries that no other test pins down.

Each test names the mutant of ``negotiation_records/timeline.py`` it was
written to kill (a mutation review of that module): the line and the change.
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from negotiation_records import (
    Action,
    Agreement,
    Alternative,
    Condition,
    Deadline,
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
    Ultimatum,
    Vote,
    format_moment,
)
from negotiation_records.timeline import timeline_and_place


def _parties() -> list[Party]:
    return [
        Party(id="ukraine", name="Ukraine", kind="state"),
        Party(id="russia", name="Russia", kind="state"),
        Party(id="united-states", name="United States", kind="state"),
        Party(id="israel", name="Israel", kind="state"),
        Party(id="hamas", name="Hamas", kind="group"),
    ]


def _talks(**fields: Any) -> Negotiation:
    return Negotiation(id="talks", title="Talks", parties=_parties(), **fields)


def _rows(talks: Negotiation, tz: str | None = None) -> list[tuple[str, str, str]]:
    return [
        (format_moment(e.moment), e.kind.value, e.path) for e in talks.timeline(tz=tz)
    ]


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


class TestDueAtTheEndOfTheDay:
    """Every kind of event that falls due on a date sorts after that day's events."""

    def test_a_replaced_deadline_follows_a_timed_event_of_its_day(self) -> None:
        """
        The 50-day deadline of 14 July, cut on 28 July to 8 August, would
        have fallen due at the end of 2 September: after a statement made at
        14:00 that day.

        Kills ``_DUE_KINDS`` without ``EventKind.REPLACED_DEADLINE`` (line
        197) and the statement's ``party`` dropped (line 890).
        """
        ultimatum = _ultimatum().revise_deadline(
            Deadline.on(pendulum.date(2025, 8, 8)), on=pendulum.date(2025, 7, 28)
        )
        peskov = Statement(
            id="peskov",
            speaker="Dmitry Peskov",
            party="russia",
            said_on=pendulum.datetime(2025, 9, 2, 14, tz="Europe/Moscow"),
            text="We take note.",
        )
        talks = _talks(ultimatums=[ultimatum], statements=[peskov])
        said = [e for e in talks.timeline() if e.path == "statements[0]"]
        assert [(e.summary, e.party) for e in said] == [
            ("Dmitry Peskov (Russia): “We take note.”", "russia")
        ]
        assert [row for row in _rows(talks) if row[0].startswith("2025-09-02")] == [
            ("2025-09-02T14:00:00+03:00[Europe/Moscow]", "statement", "statements[0]"),
            ("2025-09-02", "replaced-deadline", "ultimatums[0].revisions[0].previous"),
        ]

    def test_an_alternative_deadline_follows_a_timed_event_of_its_day(self) -> None:
        """
        Brexit's conditional 22 May 2019 falls due at the end of that day,
        after a statement made at 17:00 London time that day.

        Read in New York, it passed at 20:00 there: before a statement made
        at 20:30 New York time.

        Kills ``_DUE_KINDS`` without ``EventKind.ALTERNATIVE_DEADLINE`` (line
        197) and the alternative's ``deadline`` dropped (line 817).
        """
        clock = Milestone(
            id="article-50",
            title="Article 50",
            set_on=pendulum.date(2017, 3, 29),
            deadline=Deadline.on(pendulum.date(2019, 4, 12)),
            alternatives=[
                Alternative(
                    condition="if the Commons approves the deal",
                    deadline=Deadline.on(pendulum.date(2019, 5, 22)),
                )
            ],
        )
        may = Statement(
            id="may",
            speaker="Theresa May",
            said_on=pendulum.datetime(2019, 5, 22, 17, tz="Europe/London"),
            text="I have done everything I can.",
        )
        evening = Statement(
            id="evening",
            speaker="A spokesperson",
            said_on=pendulum.datetime(2019, 5, 22, 20, 30, tz="America/New_York"),
            text="The deadline has passed.",
        )
        talks = _talks(milestones=[clock], statements=[may, evening])
        assert [row for row in _rows(talks) if row[0].startswith("2019-05-22")] == [
            ("2019-05-22T17:00:00+01:00[Europe/London]", "statement", "statements[0]"),
            (
                "2019-05-22T20:30:00-04:00[America/New_York]",
                "statement",
                "statements[1]",
            ),
            ("2019-05-22", "alternative-deadline", "milestones[0].alternatives[0]"),
        ]
        # read in New York, the UTC day ended at 20:00 there, before 20:30
        assert [
            path
            for when, _, path in _rows(talks, "America/New_York")
            if when.startswith("2019-05-22")
        ] == ["statements[0]", "milestones[0].alternatives[0]", "statements[1]"]

    def test_a_phase_end_follows_a_timed_event_of_its_day(self) -> None:
        """
        Phase one of the Gaza ceasefire in force on 19 January 2025 ends on
        day 42 (1 March), at the end of that day: after a statement made that
        evening.

        Kills ``_DUE_KINDS`` without ``EventKind.PHASE_END`` (line 197).
        """
        start = pendulum.date(2025, 1, 19)
        ceasefire = Agreement(
            id="gaza",
            title="Gaza ceasefire",
            stage="ceasefire",
            phases=[
                Phase(
                    name="Phase one",
                    starts=start,
                    ends=Deadline.on_day(42, counting_from=start),
                )
            ],
        )
        hamas = Statement(
            id="hamas",
            speaker="Hazem Qassem",
            party="hamas",
            said_on=pendulum.datetime(2025, 3, 1, 20, tz="Asia/Gaza"),
            text="We reject the extension of phase one.",
        )
        talks = _talks(agreements=[ceasefire], statements=[hamas])
        assert [row for row in _rows(talks) if row[0].startswith("2025-03-01")] == [
            ("2025-03-01T20:00:00+02:00[Asia/Gaza]", "statement", "statements[0]"),
            ("2025-03-01", "phase-end", "agreements[0].phases[0].ends"),
        ]

    def test_a_date_deadline_read_in_a_zone_stays_on_its_day(self) -> None:
        """
        Read in UTC, the 2 September deadline (its own zone UTC) falls due at
        the last instant of 2 September: before a statement dated 3
        September, not among that day's events.

        Kills ``deadline.cutoff + _LAST_INSTANT`` for ``- _LAST_INSTANT`` (line 346).
        """
        zakharova = Statement(
            id="zakharova",
            speaker="Maria Zakharova",
            party="russia",
            said_on=pendulum.date(2025, 9, 3),
            text="Ultimatums do not work with Russia.",
        )
        talks = _talks(ultimatums=[_ultimatum()], statements=[zakharova])
        for tz in (None, "UTC"):
            assert _rows(talks, tz)[-2:] == [
                ("2025-09-02", "deadline", "ultimatums[0].deadline"),
                ("2025-09-03", "statement", "statements[0]"),
            ], tz

    def test_a_timed_deadline_follows_what_came_a_microsecond_before(self) -> None:
        """
        A 48-hour ultimatum issued at 12:00 passes at 12:00 two days later: a
        statement one microsecond before that came before it passed.

        Kills ``_LAST_INSTANT`` of 2 microseconds (line 195).
        """
        issued = pendulum.datetime(2025, 7, 14, 12, tz="UTC")
        ultimatum = _ultimatum(
            issued_at=issued, deadline=Deadline.after(issued, hours=48)
        )
        last_word = Statement(
            id="last-word",
            speaker="Sergei Lavrov",
            party="russia",
            said_on=pendulum.datetime(2025, 7, 16, 11, 59, 59, 999999, tz="UTC"),
            text="No.",
        )
        talks = _talks(ultimatums=[ultimatum], statements=[last_word])
        assert [kind for _, kind, _ in _rows(talks)] == [
            "ultimatum",
            "statement",
            "deadline",
        ]


class TestUltimatumSteps:
    """An ultimatum's own steps and revisions."""

    def test_a_step_dated_by_its_month_follows_the_issuing(self) -> None:
        """
        The ultimatum of 14 July 2025, withdrawn "in July 2025": the
        withdrawal answers the ultimatum, so it sorts after it although July
        starts before the 14th (it is still shown as ``2025-07``).

        Kills the ``floor`` of the ultimatum's steps dropped (line 613).
        """
        withdrawn = _ultimatum(
            history=[
                StatusChange(
                    status="withdrawn", on=PartialDate(2025, 7), by=["united-states"]
                )
            ]
        )
        assert _rows(_talks(ultimatums=[withdrawn])) == [
            ("2025-07-14", "ultimatum", "ultimatums[0]"),
            ("2025-07", "status", "ultimatums[0].history[0]"),
            ("2025-09-02", "deadline", "ultimatums[0].deadline"),
        ]

    def test_a_revision_and_the_deadline_it_replaced_are_the_issuers(self) -> None:
        """
        Trump cut the 50-day deadline on 28 July 2025 to 8 August: the
        revision, the new deadline and the replaced 2 September deadline are
        the issuer's.

        Kills ``party`` dropped from the revision's, the replaced deadline's
        and the deadline's events (lines 628, 641, 656).
        """
        ultimatum = _ultimatum().revise_deadline(
            Deadline.on(pendulum.date(2025, 8, 8)), on=pendulum.date(2025, 7, 28)
        )
        assert [
            (e.path, e.party)
            for e in _talks(ultimatums=[ultimatum]).timeline()
            if e.path != "ultimatums[0]"
        ] == [
            ("ultimatums[0].revisions[0]", "united-states"),
            ("ultimatums[0].deadline", "united-states"),
            ("ultimatums[0].revisions[0].previous", "united-states"),
        ]

    def test_a_replaced_deadline_of_moscow_read_in_new_york(self) -> None:
        """
        A deadline of 2 September in Moscow, replaced on 28 July, passed at
        17:00 in New York: read there, before a statement made at 18:00 that
        day.

        Kills the replaced deadline's ``deadline`` dropped (line 641).
        """
        ultimatum = _ultimatum(
            deadline=Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Moscow")
        ).revise_deadline(
            Deadline.on(pendulum.date(2025, 8, 8), tz="Europe/Moscow"),
            on=pendulum.date(2025, 7, 28),
        )
        statement = Statement(
            id="evening",
            speaker="A spokesperson",
            party="united-states",
            said_on=pendulum.datetime(2025, 9, 2, 18, tz="America/New_York"),
            text="The deadline has long passed.",
        )
        talks = _talks(ultimatums=[ultimatum], statements=[statement])
        assert _rows(talks, "America/New_York")[-2:] == [
            ("2025-09-02", "replaced-deadline", "ultimatums[0].revisions[0].previous"),
            (
                "2025-09-02T18:00:00-04:00[America/New_York]",
                "statement",
                "statements[0]",
            ),
        ]


class TestMilestoneRevisions:
    """A milestone revised several times: each revision and what it replaced."""

    @staticmethod
    def _brexit() -> Negotiation:
        """Article 50: 29 March 2019, extended to 12 April, 31 October, 31 January."""
        day = pendulum.date

        def london(due: pendulum.Date) -> Deadline:
            return Deadline.on(due, tz="Europe/London")

        clock = (
            Milestone(
                id="article-50",
                title="The United Kingdom leaves the EU",
                set_by=["united-kingdom"],
                set_on=day(2017, 3, 29),
                deadline=london(day(2019, 3, 29)),
            )
            .revise_deadline(london(day(2019, 4, 12)), on=day(2019, 3, 22))
            .revise_deadline(london(day(2019, 10, 31)), on=day(2019, 4, 11))
            .revise_deadline(london(day(2020, 1, 31)), on=day(2019, 10, 28))
        )
        return Negotiation(
            id="brexit",
            title="Brexit",
            parties=[
                Party(id="united-kingdom", name="United Kingdom", kind="state"),
                Party(id="eu", name="European Union", kind="organization"),
            ],
            milestones=[clock],
        )

    def test_each_revision_names_the_deadline_it_made(self) -> None:
        """
        Each revision reads from the deadline before it to the one it made
        (not to the last one), and each replaced deadline is listed on its
        day with its rule and the day it was replaced.

        Kills ``deadlines[index - 1]`` (line 687), the replaced deadline's
        event deleted (line 698) and each part of its summary and path
        dropped (lines 702-704); the setting's summary cut (lines 775-777)
        and its ``party`` dropped or misread (lines 778, 784).
        """
        end = "(to the end of the day, Europe/London)"
        label = "Deadline of milestone 'article-50'"
        events = self._brexit().timeline()
        assert events[0].party == "united-kingdom"
        assert [(str(e), e.path) for e in events] == [
            (
                "2017-03-29  milestone             Milestone 'article-50' set: The "
                "United Kingdom leaves the EU (due 2019-03-29) by United Kingdom",
                "milestones[0]",
            ),
            (
                f"2019-03-22  deadline-revision     {label} extended from 2019-03-29 "
                "to 2019-04-12",
                "milestones[0].revisions[0]",
            ),
            (
                f"2019-03-29  replaced-deadline     Replaced: {label} (on 2019-03-29 "
                f"{end}; replaced on 2019-03-22)",
                "milestones[0].revisions[0].previous",
            ),
            (
                f"2019-04-11  deadline-revision     {label} extended from 2019-04-12 "
                "to 2019-10-31",
                "milestones[0].revisions[1]",
            ),
            (
                f"2019-04-12  replaced-deadline     Replaced: {label} (on 2019-04-12 "
                f"{end}; replaced on 2019-04-11)",
                "milestones[0].revisions[1].previous",
            ),
            (
                f"2019-10-28  deadline-revision     {label} extended from 2019-10-31 "
                "to 2020-01-31",
                "milestones[0].revisions[2]",
            ),
            (
                f"2019-10-31  replaced-deadline     Replaced: {label} (on 2019-10-31 "
                f"{end}; replaced on 2019-10-28)",
                "milestones[0].revisions[2].previous",
            ),
            (
                "2020-01-31  deadline              Deadline of milestone 'article-50' "
                "falls due: The United Kingdom leaves the EU (on 2020-01-31 "
                f"{end})",
                "milestones[0].deadline",
            ),
        ]

    def test_a_replaced_deadline_read_in_a_zone_passes_at_its_own_midnight(
        self,
    ) -> None:
        """
        Read in New York, the replaced 12 April 2019 passed at midnight in
        London, 19:00 in New York: before a statement made at 19:30 that
        New York evening, although both show 12 April.

        Kills the replaced deadline's ``deadline`` dropped (line 698).
        """
        statement = Statement(
            id="evening",
            speaker="A spokesperson",
            said_on=pendulum.datetime(2019, 4, 12, 19, 30, tz="America/New_York"),
            text="The United Kingdom is still a member.",
        )
        talks = attrs.evolve(self._brexit(), statements=[statement])
        rows = _rows(talks, "America/New_York")
        assert rows[4:6] == [
            ("2019-04-12", "replaced-deadline", "milestones[0].revisions[1].previous"),
            (
                "2019-04-12T19:30:00-04:00[America/New_York]",
                "statement",
                "statements[0]",
            ),
        ]

    def test_a_milestone_set_by_no_dated_act_missed_and_extended(self) -> None:
        """
        The Lebanon ceasefire's 60-day withdrawal (no ``set_on``: the
        agreement set it) was missed at 04:00 on 26 January 2025 and
        extended "on 26 January" to 18 February: the miss, then the
        extension, then "pending again", in that order on that day.

        Kills ``floor is not None`` for ``floor is None`` in ``revisions``
        (line 686: a revision of a milestone with no floor of its own) and
        the subject of its steps cut (line 790).
        """
        ran_out = pendulum.datetime(2025, 1, 26, 4, tz="Asia/Beirut")
        withdrawal = (
            Milestone(
                id="withdrawal",
                title="Israeli withdrawal from southern Lebanon",
                deadline=Deadline.on(ran_out),
            )
            .with_status("missed", on=ran_out)
            .revise_deadline(
                Deadline.on(pendulum.date(2025, 2, 18), tz="Asia/Beirut"),
                on=pendulum.date(2025, 1, 26),
            )
        )
        events = _talks(milestones=[withdrawal]).timeline()
        assert [(e.kind.value, e.path) for e in events] == [
            ("replaced-deadline", "milestones[0].revisions[0].previous"),
            ("status", "milestones[0].history[0]"),
            ("deadline-revision", "milestones[0].revisions[0]"),
            ("status", "milestones[0].history[1]"),
            ("deadline", "milestones[0].deadline"),
        ]
        assert [e.summary for e in events][1::2] == [
            "Milestone 'withdrawal' missed",
            "Milestone 'withdrawal' pending again: deadline revised",
        ]

    def test_the_alternatives_and_when_each_was_decided(self) -> None:
        """
        On 22 March 2019 the EU extended Article 50 to 12 April, or to 22
        May if the Commons approved the deal (it did not); later extensions
        followed.  The decision follows the revision of its day that made
        the deadline it qualifies (the first, not the last), and the
        alternatives read their condition and whether they applied.

        Kills ``revised[stage - 2]`` (line 809) and the alternative's
        summary cut (lines 811, 815).
        """
        day = pendulum.date
        london = "(to the end of the day, Europe/London)"
        talks = self._brexit()
        (clock,) = talks.milestones
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
                    condition="if no deal is approved by 11 April",
                    deadline=Deadline.on(day(2019, 4, 12), tz="Europe/London"),
                    stage=1,
                    applied=True,
                ),
            ],
        )
        events = attrs.evolve(talks, milestones=[clock]).timeline()
        assert [e.path for e in events][1:3] == [
            "milestones[0].revisions[0]",
            "milestones[0].alternatives[0].decided_on",
        ]
        assert [
            e.summary for e in events if e.kind.value == "alternative-deadline"
        ] == [
            "Alternative deadline of milestone 'article-50' if no deal is approved "
            f"by 11 April (on 2019-04-12 {london}); it applied",
            "Alternative deadline of milestone 'article-50' if the Commons approves "
            f"the deal (on 2019-05-22 {london}); it did not apply",
        ]

    def test_a_step_dated_by_its_month_follows_the_setting(self) -> None:
        """
        A milestone set on 19 January 2025 and cancelled "in January": the
        cancellation follows the setting although January starts before it.

        Kills the ``floor`` of the milestone's steps dropped (line 787).
        """
        talks_due = Milestone(
            id="phase-two-talks",
            title="Talks on phase two",
            set_on=pendulum.date(2025, 1, 19),
            deadline=Deadline.on(pendulum.date(2025, 2, 3)),
            history=[StatusChange(status="cancelled", on=PartialDate(2025, 1))],
        )
        assert _rows(_talks(milestones=[talks_due]))[:2] == [
            ("2025-01-19", "milestone", "milestones[0]"),
            ("2025-01", "status", "milestones[0].history[0]"),
        ]


class TestAnswers:
    """What answers a proposal or an ultimatum sorts after it."""

    @staticmethod
    def _talks() -> Negotiation:
        """
        Ukraine's proposal of 2 July 2025 and the US ultimatum of 14 July,
        both rejected by Russia "in July", citing one statement.
        """
        day = pendulum.date
        answer = Response(
            party="russia",
            on=PartialDate(2025, 7),
            stance="rejects",
            statement="zakharova",
            text="Unacceptable",
        )
        proposal = Proposal(
            id="leaders",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=day(2025, 7, 2),
            summary="A leaders' meeting",
            responses=[answer],
            history=[
                StatusChange(status="rejected", on=PartialDate(2025, 7), by=["russia"])
            ],
        )
        zakharova = Statement(
            id="zakharova",
            speaker="Maria Zakharova",
            party="russia",
            said_on=PartialDate(2025, 7),
            text="No.",
        )
        return _talks(
            proposals=[proposal],
            ultimatums=[_ultimatum(responses=[answer])],
            statements=[zakharova],
        )

    def test_a_proposal_its_answer_and_its_step(self) -> None:
        """
        Russia's answer and the proposal's rejection, dated only "July
        2025", follow the proposal of 2 July; the answer names the proposal.

        Kills the proposal's label dropped (line 557), the ``floor`` of its
        steps dropped (line 559) and their paths without the proposal's
        (line 560).
        """
        assert [(str(e), e.path) for e in self._talks().timeline()][:3] == [
            (
                "2025-07-02  proposal              Ukraine proposes to Russia: "
                "A leaders' meeting",
                "proposals[0]",
            ),
            (
                "2025-07     response              Russia rejects proposal "
                "'leaders': Unacceptable",
                "proposals[0].responses[0]",
            ),
            (
                "2025-07     status                Proposal 'leaders' rejected "
                "(by Russia)",
                "proposals[0].history[0]",
            ),
        ]

    def test_a_statement_cited_by_two_answers_follows_the_later_record(
        self,
    ) -> None:
        """
        The statement cited by the answers to the proposal of 2 July and to
        the ultimatum of 14 July sorts after the ultimatum, the later of the
        two, although the proposal is read first.

        Kills ``known is None`` for ``known is None or floor > known``
        (line 591: the first record's floor kept).
        """
        assert [(kind, path) for _, kind, path in _rows(self._talks())][3:6] == [
            ("ultimatum", "ultimatums[0]"),
            ("statement", "statements[0]"),
            ("response", "ultimatums[0].responses[0]"),
        ]


class TestReadInNewYork:
    """Date deadlines of UTC read in New York end at 19:00 or 20:00 there."""

    def test_a_phase_end(self) -> None:
        """
        Phase one of the Gaza ceasefire ended at the end of 1 March 2025 in
        UTC, 19:00 in New York: before a statement made there at 20:00.

        Kills the phase end's ``deadline`` dropped (line 740).
        """
        start = pendulum.date(2025, 1, 19)
        ceasefire = Agreement(
            id="gaza",
            title="Gaza ceasefire",
            stage="ceasefire",
            phases=[
                Phase(
                    name="Phase one",
                    starts=start,
                    ends=Deadline.on_day(42, counting_from=start),
                )
            ],
        )
        evening = Statement(
            id="evening",
            speaker="A spokesperson",
            party="united-states",
            said_on=pendulum.datetime(2025, 3, 1, 20, tz="America/New_York"),
            text="We are working to extend the first phase.",
        )
        talks = _talks(agreements=[ceasefire], statements=[evening])
        assert _rows(talks, "America/New_York")[1:] == [
            ("2025-03-01", "phase-end", "agreements[0].phases[0].ends"),
            (
                "2025-03-01T20:00:00-05:00[America/New_York]",
                "statement",
                "statements[0]",
            ),
        ]

    def test_an_agreement_extended_and_its_expiry(self) -> None:
        """
        The Black Sea Grain Initiative was extended on 17 November 2022 from
        19 November to 18 March 2023: the extension reads "Expiry of
        agreement ...", and the expiry of 18 March (UTC) passed at 20:00 in
        New York, before a statement made there at 20:30.

        Kills the agreement's label dropped (line 753) and the expiry's
        ``deadline`` dropped (line 760).
        """
        day = pendulum.date
        grain = Agreement(
            id="grain",
            title="Black Sea Grain Initiative",
            stage="partial",
            expires=Deadline.on(day(2022, 11, 19)),
            history=[
                StatusChange(status="signed", on=day(2022, 7, 22)),
                StatusChange(status="in-force", on=day(2022, 7, 22)),
            ],
        ).extend(Deadline.on(day(2023, 3, 18)), on=day(2022, 11, 17))
        evening = Statement(
            id="evening",
            speaker="A spokesperson",
            said_on=pendulum.datetime(2023, 3, 18, 20, 30, tz="America/New_York"),
            text="We welcome the extension.",
        )
        talks = _talks(agreements=[grain], statements=[evening])
        events = talks.timeline(tz="America/New_York")
        assert [e.summary for e in events][2] == (
            "Expiry of agreement 'grain' extended from 2022-11-19 to 2023-03-18"
        )
        assert [(e.kind.value, e.path) for e in events][-2:] == [
            ("deadline", "agreements[0].expires"),
            ("statement", "statements[0]"),
        ]


class TestRanOutOnItsDay:
    """A step that says a record ran out on the day its deadline fell due."""

    def test_an_agreement_expired_on_its_expiry_day_follows_the_expiry(self) -> None:
        """
        The Black Sea Grain Initiative, signed on 22 July 2022 and last due
        to expire on 17 July 2023, expired that day: the expiry falls due,
        then the agreement is recorded as expired.

        Kills ``_RAN_OUT`` without ``AgreementStatus.EXPIRED`` (line 193).
        """
        grain = Agreement(
            id="grain",
            title="Black Sea Grain Initiative",
            stage="partial",
            expires=Deadline.on(pendulum.date(2023, 7, 17)),
            history=[
                StatusChange(status="signed", on=pendulum.date(2022, 7, 22)),
                StatusChange(status="in-force", on=pendulum.date(2022, 7, 22)),
                StatusChange(status="expired", on=pendulum.date(2023, 7, 17)),
            ],
        )
        talks = _talks(agreements=[grain])
        assert [(e.kind.value, e.summary) for e in talks.timeline()] == [
            ("status", "Agreement 'grain' signed"),
            ("status", "Agreement 'grain' in force"),
            (
                "deadline",
                "Agreement 'grain' expires (on 2023-07-17 (to the end of the day, UTC))",
            ),
            ("status", "Agreement 'grain' expired"),
        ]

    def test_a_milestone_met_on_its_due_day_comes_before_the_deadline(self) -> None:
        """
        "Talks on phase two by day 16" (3 February 2025) were met that day:
        met, then the deadline falls due.  Only a step that says the record
        ran out is held after its deadline.

        Kills ``or`` for ``and`` in the test of a ran-out step (line 409).
        """
        start = pendulum.date(2025, 1, 19)
        talks_on_phase_two = Milestone(
            id="phase-two-talks",
            title="Talks on phase two",
            set_on=start,
            deadline=Deadline.on_day(16, counting_from=start),
            history=[
                StatusChange(status="pending", on=start),
                StatusChange(status="met", on=pendulum.date(2025, 2, 3)),
            ],
        )
        talks = _talks(milestones=[talks_on_phase_two])
        assert [(kind, path) for _, kind, path in _rows(talks)][-2:] == [
            ("status", "milestones[0].history[1]"),
            ("deadline", "milestones[0].deadline"),
        ]


class TestSpans:
    """A month or a year sorts before the days it starts."""

    def test_a_month_comes_before_its_first_day(self) -> None:
        """
        Russia's answer dated only "July 2025" sorts at the start of July,
        before a proposal made on 1 July (though proposals come before
        statements on one key).

        Kills line 342's key with ``1`` for ``0`` and with ``start + end``.
        """
        proposal = Proposal(
            id="p",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=pendulum.date(2025, 7, 1),
            summary="A new round in Istanbul",
        )
        answer = Statement(
            id="s", speaker="Maria Zakharova", said_on=PartialDate(2025, 7), text="No."
        )
        talks = _talks(proposals=[proposal], statements=[answer])
        assert _rows(talks) == [
            ("2025-07", "statement", "statements[0]"),
            ("2025-07-01", "proposal", "proposals[0]"),
        ]


class TestSummaries:
    """The exact words of events."""

    def test_a_datetime_is_shown_as_recorded_without_tz(self) -> None:
        """
        Without ``tz``, Trump's "Saturday at 12 o'clock" to Hamas is shown in
        New York time, where it was recorded, never in the local zone (the
        tests run in Pacific/Chatham).

        Kills ``show`` converting a datetime whatever ``tz`` is (line 352).
        """
        ultimatum = _ultimatum(
            addressed_to=["hamas"],
            issued_at=pendulum.date(2025, 2, 10),
            demand="Release all the hostages",
            deadline=Deadline.on(
                pendulum.datetime(2025, 2, 15, 12, tz="America/New_York")
            ),
        )
        assert [e.summary for e in _talks(ultimatums=[ultimatum]).timeline()] == [
            "United States issues an ultimatum to Hamas: Release all the hostages "
            "(due 2025-02-15T12:00:00-05:00[America/New_York])",
            "Deadline of ultimatum 'u' falls due "
            "(on 2025-02-15T12:00:00-05:00[America/New_York])",
        ]

    def test_an_ultimatum_complied_with_names_who_and_why(self) -> None:
        """
        Hamas released three hostages on 15 February 2025, before Trump's
        Saturday-noon deadline: the step reads "complied with", names Hamas
        and gives the reason, and is Hamas's.

        Kills the status word not looked up (line 422), the dropped ``(by
        ...)`` (line 427) and the step's ``party`` dropped or read from the
        wrong place (lines 431, 437).
        """
        noon = pendulum.datetime(2025, 2, 15, 12, tz="America/New_York")
        ultimatum = _ultimatum(
            addressed_to=["hamas"],
            issued_at=pendulum.date(2025, 2, 10),
            demand="Release all the hostages",
            deadline=Deadline.on(noon),
        ).comply(
            on=pendulum.date(2025, 2, 15),
            by=["hamas"],
            reason="three hostages released",
        )
        steps = [
            (e.summary, e.party)
            for e in _talks(ultimatums=[ultimatum]).timeline()
            if e.path == "ultimatums[0].history[0]"
        ]
        assert steps == [
            ("Ultimatum 'u' complied with (by Hamas): three hostages released", "hamas")
        ]

    def test_three_actors_are_named_in_a_list(self) -> None:
        """
        France, Germany and the United Kingdom triggered the snapback of UN
        sanctions on Iran on 28 August 2025: three names, commas then "and",
        in their order; an act of several parties is no one party's.  Its
        path is its place in the record.

        Kills the separator changed and ``names[:1]`` or ``names[1]`` for
        ``names[:-1]`` and ``names[-1]`` in ``names_of`` (line 455), and the
        path ``actions[]`` (line 504).
        """
        talks = Negotiation(
            id="iran-snapback",
            title="Iran snapback",
            parties=[
                Party(id="france", name="France", kind="state"),
                Party(id="germany", name="Germany", kind="state"),
                Party(id="united-kingdom", name="United Kingdom", kind="state"),
                Party(id="iran", name="Iran", kind="state"),
            ],
            actions=[
                Action(
                    id="snapback",
                    by=["france", "germany", "united-kingdom"],
                    toward=["iran"],
                    on=pendulum.date(2025, 8, 28),
                    kind="sanction",
                    summary="Trigger the UN sanctions snapback",
                )
            ],
        )
        assert [(e.summary, e.path, e.party) for e in talks.timeline()] == [
            (
                "France, Germany and United Kingdom sanction (Iran): "
                "Trigger the UN sanctions snapback",
                "actions[0]",
                None,
            )
        ]

    def test_a_summary_is_cut_at_ten_quotes(self) -> None:
        """
        Russia's memorandum of 2 June 2025, recorded point by point, is cut
        to 1,600 characters (ten times a quote's 160), the last an ellipsis;
        the proposal is Russia's.

        Kills ``11 * QUOTE_LIMIT`` and ``9 * QUOTE_LIMIT`` (line 480) and the
        proposer's ``party`` dropped or misread (lines 548, 554).
        """
        points = " ".join(f"point {n};" for n in range(400))
        memorandum = Proposal(
            id="memorandum",
            proposed_by="russia",
            addressed_to=["ukraine"],
            made_on=pendulum.date(2025, 6, 2),
            summary=f"Memorandum: {points}",
        )
        (event,) = _talks(proposals=[memorandum]).timeline()
        whole = f"Russia proposes to Ukraine: Memorandum: {points}"
        assert (event.path, event.party) == ("proposals[0]", "russia")
        assert len(event.summary) == 1600
        assert event.summary == whole[:1599].rstrip() + "…"

    def test_the_talks_own_status(self) -> None:
        """
        The Istanbul talks stalled in June 2025: a step of the negotiation's
        own history reads "Talks ...", with its reason, under the
        negotiation's id.

        Kills the subject ``"Talks"`` changed (line 507).
        """
        talks = Negotiation(
            id="istanbul-2025",
            title="Istanbul talks",
            parties=_parties(),
            history=[
                StatusChange(
                    status="stalled",
                    on=PartialDate(2025, 6),
                    reason="no date for a fourth round",
                )
            ],
        )
        assert [(str(e), e.path, e.record_id) for e in talks.timeline()] == [
            (
                "2025-06     status                Talks stalled: no date for a fourth round",
                "history[0]",
                "istanbul-2025",
            )
        ]

    def test_a_joint_proposal(self) -> None:
        """
        At Jeddah on 11 March 2025 the United States and Ukraine proposed a
        30-day ceasefire to Russia: a plural verb, and no one party's act.

        Kills the plural ending changed (line 541).
        """
        jeddah = Proposal(
            id="jeddah",
            proposed_by=["united-states", "ukraine"],
            addressed_to=["russia"],
            made_on=pendulum.date(2025, 3, 11),
            summary="A 30-day ceasefire",
        )
        assert [
            (e.summary, e.party) for e in _talks(proposals=[jeddah]).timeline()
        ] == [("United States and Ukraine propose to Russia: A 30-day ceasefire", None)]

    def test_the_phases_of_an_agreement(self) -> None:
        """
        The Gaza ceasefire of January 2025: phase one starts on 19 January
        with its obligations and ends on day 42; phase two, with none
        recorded, starts on 2 March.

        Kills the phase's name or the agreement's id dropped from the start
        (line 734) and the obligations' test negated (line 735).
        """
        start = pendulum.date(2025, 1, 19)
        ceasefire = Agreement(
            id="gaza",
            title="Gaza ceasefire",
            stage="ceasefire",
            phases=[
                Phase(
                    name="Phase one",
                    starts=start,
                    ends=Deadline.on_day(42, counting_from=start),
                    obligations=[
                        "Hamas releases 33 hostages",
                        "Israel withdraws from populated areas",
                    ],
                ),
                Phase(name="Phase two", starts=pendulum.date(2025, 3, 2)),
            ],
        )
        assert [str(e) for e in _talks(agreements=[ceasefire]).timeline()] == [
            "2025-01-19  phase                 Phase one of agreement 'gaza' starts: "
            "Hamas releases 33 hostages; Israel withdraws from populated areas",
            "2025-03-01  phase-end             Phase one of agreement 'gaza' ends "
            "(day 42 counting from 2025-01-19 (day 1))",
            "2025-03-02  phase                 Phase two of agreement 'gaza' starts",
        ]

    def test_an_act_of_one_party_with_a_mode_and_an_end(self) -> None:
        """
        Russia's 30-hour Easter truce of 19 April 2025: one actor (the verb
        in the singular, the act Russia's), its mode, and its end shown as
        recorded.

        Kills the mode or the end dropped (lines 869, 872) and the actor's
        ``party`` dropped or misread (lines 873, 879).
        """
        moscow = "Europe/Moscow"
        truce = Action(
            id="easter-truce",
            by=["russia"],
            toward=["ukraine"],
            kind="concede",
            mode="Easter truce",
            summary="Halts hostilities for 30 hours",
            on=pendulum.datetime(2025, 4, 19, 18, tz=moscow),
            ends=pendulum.datetime(2025, 4, 21, 0, tz=moscow),
        )
        assert [(e.summary, e.party) for e in _talks(actions=[truce]).timeline()] == [
            (
                "Russia concedes (Ukraine), Easter truce: Halts hostilities for 30 "
                "hours (until 2025-04-21T00:00:00+03:00[Europe/Moscow])",
                "russia",
            )
        ]

    def test_a_vote_is_its_bodys_party(self) -> None:
        """
        The Verkhovna Rada's vote is Ukraine's act.

        Kills the vote's ``party`` dropped (line 860).
        """
        rada = Vote(
            id="rada-minerals",
            body="Verkhovna Rada",
            party="ukraine",
            on=pendulum.date(2025, 5, 8),
            question="Ratify the minerals agreement with the United States",
            yes=338,
            result="passed",
        )
        assert [(e.summary, e.party) for e in _talks(votes=[rada]).timeline()] == [
            (
                "Verkhovna Rada votes on Ratify the minerals agreement with the "
                "United States: passed (338 for)",
                "ukraine",
            )
        ]

    def test_a_dated_position_is_its_partys(self) -> None:
        """
        Ukraine rejected, on 19 July 2025, Russia's demand that it cede four
        regions: the position is Ukraine's act.

        Kills the position's ``party`` dropped (line 908).
        """
        demand = Condition(
            id="cede-four-regions",
            text="Ukraine cedes four regions",
            demanded_by="russia",
            positions=[
                Position(
                    party="ukraine", stance="rejects", on=pendulum.date(2025, 7, 19)
                )
            ],
        )
        assert [
            (e.summary, e.path, e.party) for e in _talks(conditions=[demand]).timeline()
        ] == [
            (
                "Ukraine rejects 'cede-four-regions': Ukraine cedes four regions",
                "conditions[0].positions[0]",
                "ukraine",
            )
        ]


class TestRoundSteps:
    """A round's dated steps beside the round's own event."""

    def test_only_the_last_step_on_the_rounds_day_is_left_to_the_round(self) -> None:
        """
        The first Istanbul round was proposed by Russia on 11 May 2025,
        scheduled, postponed on the 15th, scheduled again on the morning of
        the 16th and held that day: the round's own event says "held", so
        the last step is not listed twice, but the rescheduling that day is.

        Kills the ``skip`` rule of ``changes`` broken in any of its parts
        (lines 416-420: every step that day skipped, no step skipped, or a
        step but the last skipped; ``skip`` not passed, line 534), and the
        steps' paths without the round's (line 535).
        """
        day = pendulum.date
        first = Round(
            number=1,
            starts=day(2025, 5, 16),
            location="Istanbul",
            history=[
                StatusChange(status="proposed", on=day(2025, 5, 11), by=["russia"]),
                StatusChange(status="scheduled", on=day(2025, 5, 14)),
                StatusChange(status="postponed", on=day(2025, 5, 15)),
                StatusChange(status="scheduled", on=day(2025, 5, 16)),
                StatusChange(status="held", on=day(2025, 5, 16)),
            ],
        )
        assert [(str(e), e.path) for e in _talks(rounds=[first]).timeline()] == [
            (
                "2025-05-11  status                Round 1 proposed (by Russia)",
                "rounds[0].history[0]",
            ),
            (
                "2025-05-14  status                Round 1 scheduled",
                "rounds[0].history[1]",
            ),
            (
                "2025-05-15  status                Round 1 postponed",
                "rounds[0].history[2]",
            ),
            ("2025-05-16  round                 Round 1 held in Istanbul", "rounds[0]"),
            (
                "2025-05-16  status                Round 1 scheduled",
                "rounds[0].history[3]",
            ),
        ]


def test_a_dated_first_pending_step_is_not_pending_again() -> None:
    """
    concepts.md: "the first step may restate the initial status, to date
    it".  An ultimatum dated pending on the day it was issued was never
    pending before: its step reads "pending", not "pending again" (the
    words of a revival, which it read).
    """
    issued = pendulum.date(2025, 7, 14)
    ultimatum = _ultimatum(history=[StatusChange(status="pending", on=issued)])
    steps = [e.summary for e in _talks(ultimatums=[ultimatum]).timeline()]
    assert "Ultimatum 'u' pending" in steps


def test_the_row_for_a_moment_follows_what_happened_at_that_instant() -> None:
    """
    ``timeline --at 2025-09-02T12:00Z``: a statement made at that very
    instant stands before the row, the deadline due at the end of that day
    after it.

    Kills ``bisect_left`` for ``bisect_right`` (line 992).
    """
    at = pendulum.datetime(2025, 9, 2, 12, tz="UTC")
    noon = Statement(
        id="noon",
        speaker="Dmitry Peskov",
        party="russia",
        said_on=at,
        text="Russia does not accept ultimatums.",
    )
    talks = _talks(ultimatums=[_ultimatum()], statements=[noon])
    events, place = timeline_and_place(talks.as_of(at), at)
    assert [e.path for e in events[:place]] == ["ultimatums[0]", "statements[0]"]
    assert [e.path for e in events[place:]] == ["ultimatums[0].deadline"]
