"""
The iCalendar export at its edges: the exact text of the lines it writes.

Each test kills one or more mutants of ``negotiation_records/ical.py`` or
``negotiation_records/_ical_times.py`` that the other tests let through (the
mutation review of 2026-12-07); its docstring names them, as
``ical.py:LINE`` and the change.
"""

from __future__ import annotations

from typing import Any

import pendulum
import pytest

from negotiation_records import (
    Agreement,
    Alternative,
    Consequence,
    Deadline,
    Delegation,
    Milestone,
    Negotiation,
    PartialDate,
    Party,
    Round,
    Source,
    StatusChange,
    Ultimatum,
    ValidationError,
    from_json,
    to_ical,
    to_json,
)


PARTIES = [
    Party(id="kyiv", name="Ukraine", kind="state"),
    Party(id="moscow", name="Russia", kind="state"),
    Party(id="washington", name="United States", kind="state"),
    Party(id="ankara", name="Türkiye", kind="state"),
    Party(id="abu-dhabi", name="United Arab Emirates", kind="state"),
]


def talks(**records: Any) -> Negotiation:
    return Negotiation(id="t", title="Talks", parties=PARTIES, **records)


def physical_lines(text: str) -> list[str]:
    """The lines of *text* as written: folded, without their CRLF."""
    assert text.endswith("\r\n")
    return text.split("\r\n")[:-1]


def unfolded(text: str) -> list[str]:
    """The content lines of *text*, unfolded (RFC 5545, 3.1)."""
    return physical_lines(text.replace("\r\n ", ""))


def event_lines(text: str) -> list[list[str]]:
    """The content lines of each VEVENT, unfolded, without BEGIN and END."""
    found: list[list[str]] = []
    current: list[str] | None = None
    for line in unfolded(text):
        if line == "BEGIN:VEVENT":
            current = []
        elif line == "END:VEVENT":
            assert current is not None
            found.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return found


def ultimatum(demand: str = "Ceasefire", **fields: Any) -> Ultimatum:
    """The US ultimatum of July 2025: a ceasefire within 50 days."""
    defaults: dict[str, Any] = {
        "id": "u",
        "issued_by": "washington",
        "addressed_to": ["moscow"],
        "issued_at": pendulum.date(2025, 7, 14),
        "deadline": Deadline.after(pendulum.date(2025, 7, 14), days=50),
    }
    return Ultimatum(demand=demand, **(defaults | fields))


class TestCalendar:
    def test_prodid_is_written_as_it_is(self) -> None:
        """
        The calendar's PRODID, which RFC 5545 (3.7.3) requires, is the
        library's own identifier, word for word.

        Kills ``ical.py:190`` (``PRODID = ""``): the other tests compare the
        text with the constant itself, so they pass on an empty PRODID.
        """
        text = to_ical(Negotiation(id="e", title="Empty"))
        assert physical_lines(text)[:4] == [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//negotiation-records//negotiation-records//EN",
            "CALSCALE:GREGORIAN",
        ]


class TestEvents:
    def test_an_ultimatum_in_full(self) -> None:
        """
        The US ultimatum of 14 July 2025, 50 days to a ceasefire, as written:
        every line, folded, in order.

        Kills ``ical.py:508`` (``about[0:]``: the first line said twice) and
        ``ical.py:525`` (an empty line for ``CATEGORIES:Deadline``, which the
        icalendar package reads past).
        """
        record = talks(
            ultimatums=[
                ultimatum(
                    "Reach a ceasefire with Ukraine",
                    consequences=[
                        Consequence(text="100 per cent tariffs", kind="tariff")
                    ],
                )
            ]
        )
        assert physical_lines(to_ical(record)) == [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//negotiation-records//negotiation-records//EN",
            "CALSCALE:GREGORIAN",
            "NAME:Talks",
            "X-WR-CALNAME:Talks",
            "BEGIN:VEVENT",
            "UID:t/ultimatums/u/deadline@negotiation-records",
            "DTSTAMP:19700101T000000Z",
            "DTSTART:20250903T000000Z",
            "SUMMARY:Ultimatum deadline: United States to Russia — Reach a ceasefire w",
            " ith Ukraine",
            "DESCRIPTION:United States issued the ultimatum 'u' on 2025-07-14: Reach a c",
            " easefire with Ukraine.\\nDue 2025-09-02\\, to the end of the day in UTC\\; pa",
            " sses at 2025-09-03T00:00:00Z.\\nRule: 50 days after 2025-07-14.\\nTime zone:",
            "  UTC.\\nConsequence: 100 per cent tariffs.\\nStatus: pending.\\nNegotiation: ",
            " Talks.",
            "CATEGORIES:Deadline",
            "X-NEGOTIATION-RECORDS-TZID:UTC",
            "END:VEVENT",
            "END:VCALENDAR",
        ]

    def test_a_milestone_says_who_set_it(self) -> None:
        """
        A milestone's description names who set it and whom it binds.

        Kills ``ical.py:570`` and ``ical.py:571`` ("Set by" left out).
        """
        milestone = Milestone(
            id="exchange",
            title="Exchange of prisoners",
            set_by=["kyiv", "moscow"],
            applies_to=["kyiv", "moscow"],
            deadline=Deadline.on(pendulum.date(2025, 6, 9), tz="Europe/Istanbul"),
        )
        (lines,) = event_lines(to_ical(talks(milestones=[milestone])))
        assert lines[2:] == [
            "DTSTART:20250609T210000Z",
            "SUMMARY:Milestone: Exchange of prisoners",
            "DESCRIPTION:Milestone 'exchange': Exchange of prisoners.\\n"
            "Due 2025-06-09\\, to the end of the day in Europe/Istanbul\\; "
            "passes at 2025-06-10T00:00:00+03:00[Europe/Istanbul].\\n"
            "Time zone: Europe/Istanbul.\\n"
            "Set by Ukraine and Russia.\\n"
            "Applies to Ukraine and Russia.\\n"
            "Status: pending.\\n"
            "Negotiation: Talks.",
            "CATEGORIES:Deadline",
            "X-NEGOTIATION-RECORDS-TZID:Europe/Istanbul",
        ]

    def test_an_alternative_says_whether_it_applied(self) -> None:
        """
        The Article 50 extension of March 2019: 22 May if the Commons approved
        the deal (it did not), 12 April otherwise (which applied), and a
        longer extension not yet decided.  Each alternative says so.

        Kills ``ical.py:594`` ("yes", "no" and "not yet known" emptied).
        """
        brussels = "Europe/Brussels"
        decided = pendulum.date(2019, 3, 29)
        milestone = Milestone(
            id="article-50",
            title="Exit day",
            set_on=pendulum.date(2017, 3, 29),
            deadline=Deadline.on(pendulum.date(2019, 3, 29), tz=brussels),
            alternatives=[
                Alternative(
                    condition="if the Commons approves the deal",
                    deadline=Deadline.on(pendulum.date(2019, 5, 22), tz=brussels),
                    applied=False,
                    decided_on=decided,
                ),
                Alternative(
                    condition="otherwise",
                    deadline=Deadline.on(pendulum.date(2019, 4, 12), tz=brussels),
                    applied=True,
                    decided_on=decided,
                ),
                Alternative(
                    condition="if the European Council agrees a longer extension",
                    deadline=Deadline.on(pendulum.date(2019, 10, 31), tz=brussels),
                ),
            ],
        )
        found = event_lines(to_ical(talks(milestones=[milestone])))
        applied = {
            lines[0]: [part for part in lines[4].split("\\n") if "Applied" in part]
            for lines in found
        }
        assert applied == {
            "UID:t/milestones/article-50/deadline@negotiation-records": [],
            "UID:t/milestones/article-50/alternatives/0@negotiation-records": [
                "Applied: no."
            ],
            "UID:t/milestones/article-50/alternatives/1@negotiation-records": [
                "Applied: yes."
            ],
            "UID:t/milestones/article-50/alternatives/2@negotiation-records": [
                "Applied: not yet known."
            ],
        }

    def test_an_agreement_names_its_signatories(self) -> None:
        """
        The Black Sea Grain Initiative of 22 July 2022, for 120 days: its
        entry into force, an all-day event, names its signatories.

        Kills ``ical.py:634`` and ``ical.py:635`` (the signatories left out),
        ``ical.py:636`` to ``ical.py:638`` (its status, sources, negotiation),
        ``ical.py:650`` and ``ical.py:682`` (the parts of the UIDs emptied).
        """
        source = Source(
            id="un",
            publisher="United Nations",
            url="https://www.un.org/en/black-sea-grain-initiative",
        )
        grain = Agreement(
            id="grain",
            title="Black Sea Grain Initiative",
            stage="comprehensive",
            signatories=["kyiv", "moscow", "ankara"],
            history=[StatusChange(status="signed", on=pendulum.date(2022, 7, 22))],
            in_force=Deadline.on(pendulum.date(2022, 7, 22)),
            expires=Deadline.after(
                pendulum.date(2022, 7, 22), days=120, tz="Europe/Istanbul"
            ),
            sources=["un"],
        )
        record = talks(agreements=[grain], sources=[source])
        lines, expiry = event_lines(to_ical(record))
        assert [lines[0], expiry[0]] == [
            "UID:t/agreements/grain/in-force@negotiation-records",
            "UID:t/agreements/grain/expires@negotiation-records",
        ]
        assert expiry[2] == "DTSTART:20221119T210000Z"
        assert lines[2:] == [
            "DTSTART;VALUE=DATE:20220722",
            "SUMMARY:Agreement enters into force: Black Sea Grain Initiative",
            "DESCRIPTION:Agreement 'grain': Black Sea Grain Initiative.\\n"
            "Enters into force on 2022-07-22\\, dated to the day: an all-day event.\\n"
            "Time zone: UTC.\\n"
            "Signatories: Ukraine\\, Russia and Türkiye.\\n"
            "Status: signed.\\n"
            "Source: United Nations\\, https://www.un.org/en/black-sea-grain-initiative\\n"
            "Negotiation: Talks.",
            "CATEGORIES:Deadline",
        ]

    def test_a_round_into_a_month_has_no_end_day(self) -> None:
        """
        A round from 28 July "into August": an all-day event of its first
        day, the month of its end said in the description, as no DTEND can
        hold a month.

        Kills ``ical.py:765`` (the month compared with the first day, then
        written as the last day).
        """
        rnd = Round(
            number=4,
            status="scheduled",
            starts=pendulum.date(2025, 7, 28),
            ends=PartialDate(2025, 8),
        )
        (lines,) = event_lines(to_ical(talks(rounds=[rnd])))
        assert lines[2:] == [
            "DTSTART;VALUE=DATE:20250728",
            "SUMMARY:Round 4: Talks",
            "DESCRIPTION:Round 4 of Talks\\, delegations level.\\n"
            "Ends: 2025-08.\\n"
            "Dated to the day (no time of day): an all-day event.\\n"
            "Status: scheduled.",
            "CATEGORIES:Round",
            "STATUS:CONFIRMED",
        ]


class TestText:
    def test_a_lone_carriage_return_is_a_line_break(self) -> None:
        """
        A carriage return alone (old Mac line ends, which a record's text
        allows) is a line break in iCalendar text, ``\\n``, as LF and CRLF are.

        Kills ``ical.py:234`` (``.replace("\\r", "")``: the line break lost).
        """
        text = to_ical(talks(ultimatums=[ultimatum("Ceasefire\rthen talks")]))
        (lines,) = event_lines(text)
        summary = "SUMMARY:Ultimatum deadline: United States to Russia — Ceasefire\\nthen talks"
        assert summary in lines

    def test_three_names_are_listed_with_commas(self) -> None:
        """
        The trilateral round in Abu Dhabi, January 2026: three delegations,
        listed "A, B and C", the host and the mediator named, its summary said.

        Kills ``ical.py:408`` (``"".join``, ``names[:1]``, ``names[1]``) and
        ``ical.py:733``, ``ical.py:740``, ``ical.py:769`` (the summary, the
        mediators, the sources left out), ``ical.py:773`` (``CATEGORIES``).
        """
        rnd = Round(
            number=1,
            status="held",
            starts=pendulum.date(2026, 1, 23),
            ends=pendulum.date(2026, 1, 24),
            location="Abu Dhabi",
            summary="Trilateral talks on security",
            hosts=["abu-dhabi"],
            mediators=["abu-dhabi"],
            delegations=[
                Delegation(party="kyiv"),
                Delegation(party="moscow"),
                Delegation(party="washington"),
            ],
            sources=["reuters"],
        )
        source = Source(
            id="reuters", publisher="Reuters", published=pendulum.date(2026, 1, 24)
        )
        (lines,) = event_lines(to_ical(talks(rounds=[rnd], sources=[source])))
        assert lines[2:] == [
            "DTSTART;VALUE=DATE:20260123",
            "DTEND;VALUE=DATE:20260125",
            "SUMMARY:Round 1: Talks (Abu Dhabi)",
            "DESCRIPTION:Round 1 of Talks\\, delegations level.\\n"
            "Trilateral talks on security.\\n"
            "Delegations: Ukraine\\, Russia and United States.\\n"
            "Hosted by United Arab Emirates.\\n"
            "Mediated by United Arab Emirates.\\n"
            "Dated to the day (no time of day): an all-day event.\\n"
            "Status: held.\\n"
            "Source: Reuters\\, 2026-01-24",
            "CATEGORIES:Round",
            "LOCATION:Abu Dhabi",
            "STATUS:CONFIRMED",
        ]

    def test_a_source_is_cited_in_full(self) -> None:
        """
        A source is cited with its publisher, title, date of publication and
        address, in that order.

        Kills ``ical.py:421`` (the date of publication left out).
        """
        source = Source(
            id="aj",
            publisher="Al Jazeera",
            title="Trump gives Russia 50 days",
            published=pendulum.date(2025, 7, 14),
            url="https://example.org/trump-50-days",
        )
        record = talks(ultimatums=[ultimatum(sources=["aj"])], sources=[source])
        (lines,) = event_lines(to_ical(record))
        description = next(line for line in lines if line.startswith("DESCRIPTION:"))
        assert description.split("\\n")[-2:] == [
            "Source: Al Jazeera\\, “Trump gives Russia 50 days”\\, 2025-07-14\\, "
            "https://example.org/trump-50-days",
            "Negotiation: Talks.",
        ]

    def test_a_place_with_a_comma_is_escaped(self) -> None:
        """
        The round of 16 May 2025 at Dolmabahçe Palace, Istanbul: the comma
        of its location is escaped in its SUMMARY and its LOCATION, as
        RFC 5545 (3.3.11) wants of TEXT.

        Kills the hand-made mutants that write ``rnd.location`` and a round's
        summary unescaped (``ical.py:771``, ``ical.py:776``): icalendar reads
        the unescaped comma back as it was, so only the generated records of
        ``test_ical.py`` (when Hypothesis draws a comma) caught the first.
        """
        rnd = Round(
            number=1,
            status="held",
            starts=pendulum.datetime(2025, 5, 16, 12, 30, tz="Europe/Istanbul"),
            ends=pendulum.datetime(2025, 5, 16, 14, 10, tz="Europe/Istanbul"),
            location="Dolmabahçe Palace, Istanbul",
        )
        (lines,) = event_lines(to_ical(talks(rounds=[rnd])))
        assert [line for line in lines if not line.startswith("DESCRIPTION")] == [
            "UID:t/rounds/1@negotiation-records",
            "DTSTAMP:19700101T000000Z",
            "DTSTART:20250516T093000Z",
            "DTEND:20250516T111000Z",
            "SUMMARY:Round 1: Talks (Dolmabahçe Palace\\, Istanbul)",
            "CATEGORIES:Round",
            "LOCATION:Dolmabahçe Palace\\, Istanbul",
            "X-NEGOTIATION-RECORDS-TZID:Europe/Istanbul",
            "STATUS:CONFIRMED",
        ]

    def test_a_year_before_1000_has_four_digits(self) -> None:
        """
        The Treaty of Verdun, August 843: a date and a time in UTC are
        written with four digits of year (RFC 5545, 3.3.4 and 3.3.5), the
        year 843 as ``0843``.

        Kills the hand-made mutants that drop ``:04d`` from the year of a
        date (``_ical_times.py:_date_text``) and of a time (``utc_text``).
        """
        verdun = Round(
            number=1,
            status="held",
            starts=pendulum.date(843, 8, 10),
            ends=pendulum.date(843, 8, 11),
        )
        noon = Round(
            number=2,
            status="held",
            starts=pendulum.datetime(843, 8, 12, 12, tz="UTC"),
            ends=pendulum.datetime(843, 8, 12, 13, tz="UTC"),
        )
        found = event_lines(to_ical(talks(rounds=[verdun, noon])))
        assert [lines[2:4] for lines in found] == [
            ["DTSTART;VALUE=DATE:08430810", "DTEND;VALUE=DATE:08430812"],
            ["DTSTART:08430812T120000Z", "DTEND:08430812T130000Z"],
        ]


class TestStamp:
    def test_a_later_day_beats_an_earlier_time(self) -> None:
        """
        DTSTAMP, with no *stamp* or *at*, is the latest date of the sources:
        a report published at 17:00 in Washington on 14 July, read on
        19 July (a day, so the start of that day in UTC), gives 19 July.

        Kills ``ical.py:436`` (the sources compared by the second part of
        their sort key, the length of their span: a time of day, the
        shortest, would always win).
        """
        source = Source(
            id="wh",
            publisher="The White House",
            published=pendulum.datetime(2025, 7, 14, 17, tz="America/New_York"),
            accessed=pendulum.date(2025, 7, 19),
        )
        record = talks(ultimatums=[ultimatum(sources=["wh"])], sources=[source])
        (lines,) = event_lines(to_ical(record))
        assert lines[1] == "DTSTAMP:20250719T000000Z"


class TestFolding:
    def test_a_continuation_holds_74_octets_after_its_space(self) -> None:
        """
        RFC 5545 (3.1): no line longer than 75 octets, CRLF aside.  The first
        line holds 75; a continuation, its leading space and 74 more, never
        splitting a character (the Cyrillic letters take two octets each: the
        second line ends where the next letter would make it 76).

        Kills ``ical.py:252`` (``size = 1`` and ``_LINE_OCTETS - 2`` after a
        fold: continuations one octet short, which the other tests, checking
        only "at most 75", let through).
        """
        name = (
            "Talks of the Istanbul format on the exchange of prisoners of war "
            "and on a memorandum, Переговори щодо обміну полоненими, 2025"
        )
        text = to_ical(Negotiation(id="e", title="Empty"), name=name)
        folded = physical_lines(text)[4:7]
        assert folded == [
            "NAME:Talks of the Istanbul format on the exchange of prisoners of war and o",
            " n a memorandum\\, Переговори щодо обміну полонен",
            " ими\\, 2025",
        ]
        assert [len(line.encode("utf-8")) for line in folded] == [75, 75, 14]


class TestRefusedAtItsPath:
    def test_a_deadline_restored_by_a_revision_is_the_field(self) -> None:
        """
        A deadline on 9999-12-31 in New York cannot be written; extended,
        then the extension rescinded (revised back to the same ``Deadline``),
        it is the field in force, ``ultimatums[0].deadline``, as it is for
        the same record read back from JSON (the calendar named
        ``ultimatums[0].revisions[0].previous``, the revision whose
        ``previous`` is the very object, though no *at* was given).  As of a
        day before the extension, the deadline then in force is that
        revision's ``previous``, and is named so.
        """
        last_day = Deadline.on(pendulum.date(9999, 12, 31), tz="America/New_York")
        restored = (
            ultimatum(deadline=last_day)
            .revise_deadline(
                Deadline.on(pendulum.date(2026, 1, 1)), on=pendulum.date(2025, 8, 1)
            )
            .revise_deadline(last_day, on=pendulum.date(2025, 8, 2))
        )
        record = talks(ultimatums=[restored])
        paths = []
        for same in (from_json(Negotiation, to_json(record)), record):
            with pytest.raises(ValidationError) as caught:
                to_ical(same)
            paths.append([path for path, _ in caught.value.errors])
        assert paths == [["ultimatums[0].deadline"], ["ultimatums[0].deadline"]]
        with pytest.raises(ValidationError) as caught:
            to_ical(record, at=pendulum.date(2025, 7, 20))
        assert [path for path, _ in caught.value.errors] == [
            "ultimatums[0].revisions[0].previous"
        ]
