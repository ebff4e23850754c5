"""The iCalendar export, read back with the ``icalendar`` package."""

from __future__ import annotations

import datetime as _dt
import enum
import gc
import re
import weakref
from collections.abc import Iterator
from typing import Any

import attrs
import icalendar
import pendulum
import pytest
from hypothesis import given, settings

from negotiation_records import (
    Agreement,
    Alternative,
    Condition,
    Deadline,
    DeadlineRevision,
    Delegation,
    Milestone,
    Negotiation,
    PartialDate,
    Party,
    Phase,
    Round,
    Source,
    StatusChange,
    Ultimatum,
    ValidationError,
    parse_moment,
    to_ical,
)
from negotiation_records import strategies as nst
from negotiation_records.ical import ICAL_ZONE_PROPERTY, PRODID
from negotiation_records.rounds import RoundStatus
from tests.seed import load_example, seed_record


UTC = _dt.UTC
PARTIES = [
    Party(id="kyiv", name="Україна", kind="state"),
    Party(id="moscow", name="Russia", kind="state"),
    Party(id="host", name="Türkiye", kind="state"),
]


def parse(text: str) -> Any:
    return icalendar.Calendar.from_ical(text)


def text_of(value: Any) -> str:
    """A TEXT value icalendar did not unescape (it does not know the property)."""
    escapes = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes[m.group(1)], str(value))


def events(text: str) -> list[Any]:
    return list(parse(text).walk("VEVENT"))


def check_format(text: str) -> None:
    """CRLF line ends, lines of at most 75 octets, folds between characters."""
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    for line in lines:
        octets = line.encode("utf-8")
        assert len(octets) <= 75, line
        octets.decode("utf-8")  # each physical line is whole UTF-8
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"


class TestSeedStory:
    def test_the_rounds_held(self) -> None:
        """The two rounds held in Istanbul are in the calendar, as they took
        place; the third, only proposed for "next week", is not."""
        held = [e for e in events(to_ical(seed_record())) if "rounds/" in e["UID"]]
        assert [
            (e["DTSTART"].dt, str(e["SUMMARY"]), str(e["STATUS"])) for e in held
        ] == [
            (
                _dt.date(2025, 5, 16),
                "Round 1: Russia–Ukraine peace talks, 2025 (Istanbul)",
                "CONFIRMED",
            ),
            (
                _dt.date(2025, 6, 2),
                "Round 2: Russia–Ukraine peace talks, 2025 (Istanbul)",
                "CONFIRMED",
            ),
        ]
        assert all("Status: held." in str(e["DESCRIPTION"]) for e in held)

    def test_the_ultimatum_deadline(self) -> None:
        """Its deadline: 50 days from 14 July, to the end of 2 September (UTC),
        after the two rounds held."""
        text = to_ical(seed_record())
        check_format(text)
        calendar = parse(text)
        assert str(calendar["PRODID"]) == PRODID
        # icalendar reads NAME (RFC 7986, TEXT) as an unknown property: unescape it
        assert text_of(calendar["NAME"]) == "Russia–Ukraine peace talks, 2025"
        assert "X-WR-CALNAME:Russia–Ukraine peace talks\\, 2025\r\n" in text
        _, _, event = calendar.walk("VEVENT")
        assert event["DTSTART"].dt == _dt.datetime(2025, 9, 3, tzinfo=UTC)
        assert "DTEND" not in event
        assert str(event["SUMMARY"]) == (
            "Ultimatum deadline: United States to Russia — Reach a ceasefire with Ukraine"
        )
        assert str(event["UID"]) == (
            "russia-ukraine-2025/ultimatums/us-ultimatum-2025-07/deadline"
            "@negotiation-records"
        )
        assert event["DTSTAMP"].dt == _dt.datetime(2025, 7, 19, tzinfo=UTC)
        assert str(event[ICAL_ZONE_PROPERTY]) == "UTC"
        description = str(event["DESCRIPTION"])
        assert "Rule: 50 days after 2025-07-14." in description
        assert "Consequence: 100 per cent tariffs." in description
        assert "Source: TIS Desk (citing Al Jazeera), “Ukraine Calls" in description

    def test_reproducible(self) -> None:
        assert to_ical(seed_record()) == to_ical(seed_record())

    def test_as_of_a_past_day(self) -> None:
        """Before the first round there is nothing; before the ultimatum, the
        rounds held; DTSTAMP is the day asked about."""
        text = to_ical(seed_record(), at=pendulum.date(2025, 5, 1))
        assert events(text) == []
        assert "DTSTAMP" not in text
        text = to_ical(seed_record(), at=pendulum.date(2025, 7, 1))
        assert [str(e["UID"]).split("@")[0] for e in events(text)] == [
            "russia-ukraine-2025/rounds/1",
            "russia-ukraine-2025/rounds/2",
        ]
        text = to_ical(
            seed_record(), at=pendulum.datetime(2025, 7, 20, 9, tz="Europe/Kyiv")
        )
        *_, event = events(text)
        assert "ultimatums/" in event["UID"]
        assert event["DTSTAMP"].dt == _dt.datetime(2025, 7, 20, 6, tzinfo=UTC)


def talks(**records: Any) -> Negotiation:
    return Negotiation(id="t", title="Talks", parties=PARTIES, **records)


class TestDeadlines:
    def test_a_counted_day_in_kyiv_says_its_end_once(self) -> None:
        """The due line says whose day ends it; the rule line says how it is
        counted, without saying the day's end again."""
        issued = pendulum.date(2025, 7, 14)
        deadline = Deadline.after(issued, days=50, tz="Europe/Kyiv")
        record = talks(
            ultimatums=[
                Ultimatum(
                    id="u",
                    issued_by="moscow",
                    issued_at=issued,
                    demand="Leave",
                    deadline=deadline,
                )
            ]
        )
        (event,) = events(to_ical(record))
        description = str(event["DESCRIPTION"])
        assert "Due 2025-09-02, to the end of the day in Europe/Kyiv;" in description
        assert "\nRule: 50 days after 2025-07-14.\n" in description
        assert description.count("end of the day") == 1

    def test_a_day_in_kyiv_ends_at_its_midnight(self) -> None:
        """2 September, Europe/Kyiv (UTC+3 in summer) passes at 21:00 UTC."""
        record = talks(
            ultimatums=[
                Ultimatum(
                    id="u",
                    issued_by="moscow",
                    addressed_to=["kyiv"],
                    issued_at=pendulum.date(2025, 7, 14),
                    demand="Leave",
                    deadline=Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv"),
                )
            ]
        )
        (event,) = events(to_ical(record))
        assert event["DTSTART"].dt == _dt.datetime(2025, 9, 2, 21, tzinfo=UTC)
        assert str(event[ICAL_ZONE_PROPERTY]) == "Europe/Kyiv"
        assert "to the end of the day in Europe/Kyiv" in str(event["DESCRIPTION"])
        assert "Rule:" not in str(event["DESCRIPTION"])

    def test_a_time_across_a_clock_change(self) -> None:
        """48 hours from noon on 8 March 2025 in New York: 13:00 EDT, 17:00 UTC."""
        noon = pendulum.datetime(2025, 3, 8, 12, tz="America/New_York")
        record = talks(
            ultimatums=[
                Ultimatum(
                    id="u",
                    issued_by="moscow",
                    issued_at=noon,
                    demand="Reply",
                    deadline=Deadline.after(noon, "PT48H"),
                )
            ]
        )
        (event,) = events(to_ical(record))
        assert event["DTSTART"].dt == _dt.datetime(2025, 3, 10, 17, tzinfo=UTC)
        assert str(event[ICAL_ZONE_PROPERTY]) == "America/New_York"
        assert str(event["SUMMARY"]) == "Ultimatum deadline: Russia — Reply"

    @pytest.mark.parametrize(
        ("due", "zone"),
        [
            ("1890-06-01T12:00:00-00:25:21", "-00:25:21"),  # Dublin mean time
            ("1890-06-01T12:00:00+00:19:32", "+00:19:32"),  # Amsterdam mean time
            ("2025-07-23T10:00:00+05:30", "+05:30"),
        ],
    )
    def test_a_fixed_offset_is_named_to_the_second(self, due: str, zone: str) -> None:
        """A fixed offset's label keeps its seconds, as the timestamp does."""
        moment = parse_moment(due)
        record = talks(
            ultimatums=[
                Ultimatum(
                    id="u",
                    issued_by="moscow",
                    addressed_to=["kyiv"],
                    issued_at=pendulum.date(1890, 5, 1),
                    demand="Leave",
                    deadline=Deadline.on(moment),
                )
            ]
        )
        (event,) = events(to_ical(record))
        assert str(event[ICAL_ZONE_PROPERTY]) == zone
        description = text_of(event["DESCRIPTION"])
        assert f"Due {due}.\nTime zone: {zone}." in description

    def test_revisions_and_withdrawal(self) -> None:
        """A revised deadline is the same event, one SEQUENCE later."""
        issued = pendulum.date(2025, 7, 14)
        ultimatum = Ultimatum(
            id="u",
            issued_by="moscow",
            addressed_to=["kyiv"],
            issued_at=issued,
            demand=Condition(id="c", text="Leave"),
            deadline=Deadline.after(issued, days=50),
        )
        cut = ultimatum.revise_deadline(
            Deadline.after(pendulum.date(2025, 7, 29), days=10),
            on=pendulum.date(2025, 7, 29),
        )
        before = events(to_ical(talks(ultimatums=[ultimatum])))[0]
        after = events(to_ical(talks(ultimatums=[cut])))[0]
        assert before["UID"] == after["UID"]
        assert "SEQUENCE" not in before
        assert after["SEQUENCE"] == 1
        assert after["DTSTART"].dt == _dt.datetime(2025, 8, 9, tzinfo=UTC)
        # as it stood before the cut: the first deadline
        then = events(to_ical(talks(ultimatums=[cut]), at=pendulum.date(2025, 7, 20)))[
            0
        ]
        assert then["DTSTART"].dt == _dt.datetime(2025, 9, 3, tzinfo=UTC)
        withdrawn = cut.withdraw(on=pendulum.date(2025, 8, 1))
        (event,) = events(to_ical(talks(ultimatums=[withdrawn])))
        assert str(event["STATUS"]) == "CANCELLED"

    def test_milestones_and_agreements(self) -> None:
        brussels = "Europe/Brussels"
        milestone = Milestone(
            id="exit",
            title="Exit day",
            set_by=["kyiv"],
            applies_to=["kyiv", "moscow"],
            deadline=Deadline.on(pendulum.date(2019, 3, 29), tz=brussels),
            alternatives=[
                Alternative(
                    condition="if the deal passes",
                    deadline=Deadline.on(pendulum.date(2019, 5, 22), tz=brussels),
                    applied=False,
                ),
                Alternative(
                    condition="otherwise",
                    deadline=Deadline.on(pendulum.date(2019, 4, 12), tz=brussels),
                    applied=True,
                ),
                Alternative(
                    condition="if nobody knows",
                    deadline=Deadline.on(pendulum.date(2019, 4, 13), tz=brussels),
                ),
            ],
            sources=["s"],
        )
        agreement = Agreement(
            id="truce",
            title="Truce; 90 days, extended",
            stage="ceasefire",
            signatories=["kyiv", "moscow"],
            history=[StatusChange(status="signed", on=pendulum.date(2025, 5, 12))],
            in_force=Deadline.on(
                pendulum.datetime(2025, 5, 14, 0, 1, tz="Asia/Shanghai")
            ),
            expires=Deadline.after(pendulum.date(2025, 5, 14), days=90),
        )
        extended = agreement.extend(
            Deadline.after(pendulum.date(2025, 8, 12), days=90),
            on=pendulum.date(2025, 8, 11),
        )
        record = talks(
            milestones=[milestone],
            agreements=[extended],
            sources=[
                Source(id="s", publisher="EUR-Lex", url="https://eur-lex.europa.eu/x")
            ],
        )
        text = to_ical(record)
        check_format(text)
        found = {str(e["SUMMARY"]): e for e in events(text)}
        assert set(found) == {
            "Milestone: Exit day",
            "Milestone (alternative): Exit day — if the deal passes",
            "Milestone (alternative): Exit day — otherwise",
            "Milestone (alternative): Exit day — if nobody knows",
            "Agreement enters into force: Truce; 90 days, extended",
            "Agreement expires: Truce; 90 days, extended",
        }
        assert found["Milestone: Exit day"]["DTSTART"].dt == _dt.datetime(
            2019, 3, 29, 23, tzinfo=UTC
        )
        assert "STATUS" not in found["Milestone (alternative): Exit day — otherwise"]
        assert (
            str(
                found["Milestone (alternative): Exit day — if the deal passes"][
                    "STATUS"
                ]
            )
            == "CANCELLED"
        )
        assert (
            str(found["Milestone (alternative): Exit day — if nobody knows"]["STATUS"])
            == "TENTATIVE"
        )
        assert "https://eur-lex.europa.eu/x" in str(
            found["Milestone: Exit day"]["DESCRIPTION"]
        )
        in_force = found["Agreement enters into force: Truce; 90 days, extended"]
        assert in_force["DTSTART"].dt == _dt.datetime(2025, 5, 13, 16, 1, tzinfo=UTC)
        assert str(in_force[ICAL_ZONE_PROPERTY]) == "Asia/Shanghai"
        expires = found["Agreement expires: Truce; 90 days, extended"]
        assert expires["SEQUENCE"] == 1
        assert expires["DTSTART"].dt == _dt.datetime(2025, 11, 11, tzinfo=UTC)
        # events in the order of their start
        starts = [e["DTSTART"].dt for e in events(text)]
        assert starts == sorted(starts)

    def test_an_alternative_has_one_uid_at_every_moment(self) -> None:
        """
        An alternative's UID gives its position in the whole record: the same
        when ``at`` leaves out an alternative listed before it.
        """
        day = pendulum.date(2025, 1, 1)
        milestone = Milestone(
            id="m",
            title="M",
            set_on=day,
            deadline=Deadline.on(day.add(months=4)),
            revisions=[
                DeadlineRevision(
                    previous=Deadline.on(day.add(months=2)),
                    revised_on=day.add(days=45),
                )
            ],
            alternatives=[
                Alternative(
                    condition="if extended",
                    deadline=Deadline.on(day.add(months=5)),
                    stage=1,
                ),
                Alternative(condition="if not", deadline=Deadline.on(day.add(days=31))),
            ],
        )

        def uids(at: Any = None) -> dict[str, str]:
            return {
                str(e["UID"]): str(e["SUMMARY"])
                for e in events(to_ical(talks(milestones=[milestone]), at=at))
            }

        whole = uids()
        assert whole["t/milestones/m/alternatives/1@negotiation-records"] == (
            "Milestone (alternative): M — if not"
        )
        before = uids(day.add(days=10))  # the deadline of stage 1 not set yet
        assert set(before) == {
            "t/milestones/m/deadline@negotiation-records",
            "t/milestones/m/alternatives/1@negotiation-records",
        }
        for uid, summary in before.items():
            assert whole[uid] == summary

    def test_an_alternative_made_alike_keeps_its_uid(self) -> None:
        """
        The 22 May alternative of 21 March 2019 recorded three times: as set,
        with its outcome dated (the Commons rejected the deal on 29 March) and
        with it undated.  On 25 March the first two are one and the snapshot
        keeps the first; the third keeps its UID (``alternatives/2``), though
        the second, left out, is like it but for its date.
        """
        day = pendulum.date(2019, 3, 22)
        approved = Alternative(
            condition="if the Commons approves",
            deadline=Deadline.on(pendulum.date(2019, 5, 22)),
        )
        rejected = attrs.evolve(approved, applied=False)
        milestone = Milestone(
            id="m",
            title="Exit day",
            set_on=day,
            deadline=Deadline.on(pendulum.date(2019, 4, 12)),
            alternatives=[
                approved,
                attrs.evolve(rejected, decided_on=pendulum.date(2019, 3, 29)),
                rejected,
            ],
        )

        def statuses(at: Any = None) -> dict[str, str]:
            return {
                str(e["UID"]): str(e["STATUS"])
                for e in events(to_ical(talks(milestones=[milestone]), at=at))
                if "alternatives" in str(e["UID"])
            }

        whole = statuses()
        before = statuses(pendulum.date(2019, 3, 25))
        assert before == {
            "t/milestones/m/alternatives/0@negotiation-records": "TENTATIVE",
            "t/milestones/m/alternatives/2@negotiation-records": "CANCELLED",
        }
        for uid, status in before.items():
            assert whole[uid] == status

    def test_the_end_of_each_phase(self) -> None:
        """A phase's end is a deadline of its agreement: an event, as the timeline has."""
        start = pendulum.date(2025, 1, 19)
        phases = [
            Phase(
                name="Phase one",
                starts=start,
                ends=Deadline.after(start, days=42),
                obligations=["Release of 33 hostages", "Withdrawal; in stages"],
                sources=["s"],
            ),
            Phase(name="Phase two"),  # no end: no event
            Phase(
                name="Phase three",
                ends=Deadline.on(
                    pendulum.datetime(2025, 4, 1, 12, tz="Asia/Jerusalem")
                ),
            ),
        ]
        agreement = Agreement(
            id="truce",
            title="Truce",
            stage="ceasefire",
            signatories=["kyiv", "moscow"],
            phases=phases,
            sources=["s"],
        )
        record = talks(
            agreements=[agreement],
            sources=[Source(id="s", publisher="Reuters")],
        )
        timeline = [e.path for e in record.timeline() if e.path.endswith(".ends")]
        assert timeline == [
            "agreements[0].phases[0].ends",
            "agreements[0].phases[2].ends",
        ]
        text = to_ical(record)
        check_format(text)
        first, third = events(text)
        assert (
            str(first["UID"]) == "t/agreements/truce/phases/0/ends@negotiation-records"
        )
        assert str(first["SUMMARY"]) == "Agreement phase ends: Truce — Phase one"
        assert first["DTSTART"].dt == _dt.datetime(2025, 3, 3, tzinfo=UTC)
        description = str(first["DESCRIPTION"])
        assert description.startswith("Phase one of agreement 'truce' (Truce) ends.\n")
        assert "Rule: 42 days after 2025-01-19." in description
        assert "Obligation: Withdrawal; in stages." in description
        assert description.count("Source: Reuters") == 1
        assert (
            str(third["UID"]) == "t/agreements/truce/phases/2/ends@negotiation-records"
        )
        assert third["DTSTART"].dt == _dt.datetime(2025, 4, 1, 9, tzinfo=UTC)
        assert str(third[ICAL_ZONE_PROPERTY]) == "Asia/Jerusalem"
        assert "STATUS" not in third
        ended = attrs.evolve(
            agreement,
            history=[
                StatusChange(status="signed", on=start),
                StatusChange(status="terminated", on=start.add(days=50)),
            ],
        )
        found = events(to_ical(talks(agreements=[ended], sources=record.sources)))
        # terminated after phase one ended (3 March), before phase three
        assert [e.get("STATUS") for e in found] == [None, "CANCELLED"]

    def test_ended_records_are_cancelled(self) -> None:
        day = pendulum.date(2025, 1, 1)
        record = talks(
            milestones=[
                Milestone(
                    id="m",
                    title="M",
                    deadline=Deadline.on(day),
                    history=[StatusChange(status="cancelled", on=day)],
                    alternatives=[
                        Alternative(
                            condition="if so", deadline=Deadline.on(day), applied=True
                        )
                    ],
                )
            ],
            agreements=[
                Agreement(
                    id="a",
                    title="A",
                    stage="framework",
                    history=[
                        StatusChange(status="signed", on=day),
                        StatusChange(status="terminated", on=day),
                    ],
                    expires=Deadline.on(day.add(days=5)),
                )
            ],
        )
        assert [str(e["STATUS"]) for e in events(to_ical(record))] == ["CANCELLED"] * 3

    def test_an_alternative_of_a_replaced_deadline_is_cancelled(self) -> None:
        """
        The Article 50 clock: the 12 April 2019 alternative (it applied) of the
        deadline set on 22 March was replaced on 11 April by 31 October.  As
        it stood on 1 April it is live; once replaced (on 1 May, and now) it
        no longer applies: CANCELLED, as the deadline it qualifies.
        """
        record = load_example("article_50").build_record()

        def alternatives(at: Any = None) -> dict[str, Any]:
            prefix = "brexit-article-50/milestones/article-50-period/alternatives/"
            return {
                str(e["UID"]).removeprefix(prefix).partition("@")[0]: e
                for e in events(to_ical(record, at=at))
                if str(e["UID"]).startswith(prefix)
            }

        def statuses(at: Any = None) -> dict[str, str | None]:
            return {
                index: str(e["STATUS"]) if "STATUS" in e else None
                for index, e in alternatives(at).items()
            }

        assert statuses(pendulum.date(2019, 4, 1)) == {"0": "CANCELLED", "1": None}
        assert statuses(pendulum.date(2019, 5, 1)) == {
            "0": "CANCELLED",
            "1": "CANCELLED",
        }
        assert statuses() == dict.fromkeys("0123", "CANCELLED")
        replaced = str(alternatives()["1"]["DESCRIPTION"])
        assert "The deadline it qualifies was replaced on 2019-04-11." in replaced
        assert "replaced" not in str(alternatives(pendulum.date(2019, 4, 1))["1"])

    def test_an_undecided_alternative_of_a_replaced_deadline(self) -> None:
        """
        An alternative of the first deadline, never decided: TENTATIVE while
        that deadline stands, CANCELLED once a revision replaced it (not
        before the revision, with ``at``).  The new deadline's own undecided
        alternative is TENTATIVE.
        """
        day = pendulum.date(2025, 1, 1)
        milestone = Milestone(
            id="m",
            title="M",
            set_on=day,
            deadline=Deadline.on(day.add(months=2)),
            alternatives=[
                Alternative(condition="if so", deadline=Deadline.on(day.add(months=3)))
            ],
        ).revise_deadline(
            Deadline.on(day.add(months=4)),
            on=day.add(days=45),
            alternatives=[
                Alternative(condition="if not", deadline=Deadline.on(day.add(months=5)))
            ],
        )

        def statuses(at: Any = None) -> dict[str, str | None]:
            return {
                str(e["SUMMARY"]): str(e["STATUS"]) if "STATUS" in e else None
                for e in events(to_ical(talks(milestones=[milestone]), at=at))
            }

        assert statuses(day.add(days=10)) == {
            "Milestone: M": None,
            "Milestone (alternative): M — if so": "TENTATIVE",
        }
        assert statuses() == {
            "Milestone: M": None,
            "Milestone (alternative): M — if so": "CANCELLED",
            "Milestone (alternative): M — if not": "TENTATIVE",
        }

    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            # closed after every deadline passed, cancelled or superseded as
            # met or missed: the milestone's deadline stays (no STATUS), and so
            # do its alternatives, each as the record says whether it applied
            # (closed before they passed: tests/test_ical_status.py)
            ("cancelled", [None, "TENTATIVE", None]),
            ("superseded", [None, "TENTATIVE", None]),
            ("met", [None, "TENTATIVE", None]),
            ("missed", [None, "TENTATIVE", None]),
        ],
    )
    def test_the_alternatives_of_a_closed_milestone(
        self, status: str, expected: list[str | None]
    ) -> None:
        """A milestone closed after its deadlines leaves their events as they were."""
        day = pendulum.date(2025, 1, 1)
        milestone = Milestone(
            id="m",
            title="M",
            set_on=day,
            deadline=Deadline.on(day),
            alternatives=[
                Alternative(condition="if so", deadline=Deadline.on(day.add(days=1))),
                Alternative(
                    condition="if not",
                    deadline=Deadline.on(day.add(days=2)),
                    applied=True,
                ),
            ],
        ).with_status(status, on=day.add(days=3))
        found = events(to_ical(talks(milestones=[milestone])))
        assert [str(e["STATUS"]) if "STATUS" in e else None for e in found] == expected
        # as it stood before the change, the milestone was pending
        before = events(to_ical(talks(milestones=[milestone]), at=day))
        assert [str(e["STATUS"]) if "STATUS" in e else None for e in before] == [
            None,
            "TENTATIVE",
            None,
        ]


class TestRounds:
    def test_a_timed_round(self) -> None:
        """A round from 10:00 to 16:00 in Kyiv is written in UTC, its zone named."""
        rnd = Round(
            number=3,
            status="scheduled",
            starts=pendulum.datetime(2025, 7, 23, 10, tz="Europe/Kyiv"),
            ends=pendulum.datetime(2025, 7, 23, 16, tz="Europe/Kyiv"),
            location="Istanbul, Çırağan Palace",
            hosts=["host"],
            mediators=["host"],
            delegations=[Delegation(party="kyiv"), Delegation(party="moscow")],
            summary="Third round",
        )
        (event,) = events(to_ical(talks(rounds=[rnd])))
        assert event["DTSTART"].dt == _dt.datetime(2025, 7, 23, 7, tzinfo=UTC)
        assert event["DTEND"].dt == _dt.datetime(2025, 7, 23, 13, tzinfo=UTC)
        assert str(event["LOCATION"]) == "Istanbul, Çırağan Palace"
        assert str(event["SUMMARY"]) == "Round 3: Talks (Istanbul, Çırağan Palace)"
        assert str(event[ICAL_ZONE_PROPERTY]) == "Europe/Kyiv"
        description = str(event["DESCRIPTION"])
        assert "Delegations: Україна and Russia." in description
        assert "time zone: Europe/Kyiv" in description
        assert str(event["STATUS"]) == "CONFIRMED"

    def test_a_timed_round_without_an_end(self) -> None:
        """An instant: no DTEND."""
        rnd = Round(
            number=1,
            status="scheduled",
            starts=pendulum.datetime(2025, 7, 23, 10, tz=pendulum.FixedTimezone(19800)),
        )
        (event,) = events(to_ical(talks(rounds=[rnd])))
        assert event["DTSTART"].dt == _dt.datetime(2025, 7, 23, 4, 30, tzinfo=UTC)
        assert "DTEND" not in event
        assert str(event[ICAL_ZONE_PROPERTY]) == "+05:30"

    def test_a_round_at_a_fixed_offset_with_seconds(self) -> None:
        """Amsterdam mean time, +00:19:32: named to the second."""
        rnd = Round(
            number=1,
            status="scheduled",
            starts=parse_moment("1910-07-23T10:00:00+00:19:32"),
        )
        (event,) = events(to_ical(talks(rounds=[rnd])))
        assert event["DTSTART"].dt == _dt.datetime(1910, 7, 23, 9, 40, 28, tzinfo=UTC)
        assert str(event[ICAL_ZONE_PROPERTY]) == "+00:19:32"
        assert "time zone: +00:19:32" in str(event["DESCRIPTION"])

    def test_an_end_in_the_same_second_is_no_end(self) -> None:
        """
        Times are written to the second, and DTEND must be later than DTSTART:
        a round that ends within the second it starts is an instant.
        """
        starts = pendulum.datetime(2025, 8, 4, 10, 0, 0, 100000, tz="UTC")
        rnd = Round(
            number=1,
            status="scheduled",
            starts=starts,
            ends=starts.add(microseconds=800000),
        )
        text = to_ical(talks(rounds=[rnd]))
        assert "DTEND" not in text
        (event,) = events(text)
        assert event["DTSTART"].dt == _dt.datetime(2025, 8, 4, 10, tzinfo=UTC)
        assert "Ends: 2025-08-04T10:00:00.900000Z." in str(event["DESCRIPTION"])
        later = attrs.evolve(rnd, ends=starts.add(seconds=1))
        (event,) = events(to_ical(talks(rounds=[later])))
        assert event["DTEND"].dt == _dt.datetime(2025, 8, 4, 10, 0, 1, tzinfo=UTC)

    def test_days_to_the_end_of_the_calendar(self) -> None:
        """A round to 9999-12-31 keeps its length: a DURATION, as no DTEND can follow."""
        rnd = Round(
            number=1,
            status="scheduled",
            starts=pendulum.date(9999, 12, 29),
            ends=pendulum.date(9999, 12, 31),
        )
        text = to_ical(talks(rounds=[rnd]))
        check_format(text)
        (event,) = events(text)
        assert event["DTSTART"].dt == _dt.date(9999, 12, 29)
        assert "DTEND" not in event
        assert event["DURATION"].dt == _dt.timedelta(days=3)
        last_day = attrs.evolve(rnd, starts=pendulum.date(9999, 12, 31))
        (event,) = events(to_ical(talks(rounds=[last_day])))
        assert "DTEND" not in event
        assert "DURATION" not in event  # one day, as a DATE alone is
        day_before = attrs.evolve(rnd, ends=pendulum.date(9999, 12, 30))
        (event,) = events(to_ical(talks(rounds=[day_before])))
        assert event["DTEND"].dt == _dt.date(9999, 12, 31)
        assert "DURATION" not in event

    def test_a_timed_round_with_a_day_as_its_end(self) -> None:
        rnd = Round(
            number=1,
            status="scheduled",
            starts=pendulum.datetime(2025, 7, 23, 10, tz="Europe/Kyiv"),
            ends=pendulum.date(2025, 7, 24),
        )
        (event,) = events(to_ical(talks(rounds=[rnd])))
        assert "DTEND" not in event
        assert "Ends: 2025-07-24." in str(event["DESCRIPTION"])

    def test_rounds_on_days(self) -> None:
        """Dated to the day: all-day events, the end exclusive."""
        one = Round(number=1, status="scheduled", starts=pendulum.date(2025, 7, 23))
        two = Round(
            number=2,
            status="scheduled",
            starts=pendulum.date(2025, 7, 28),
            ends=pendulum.date(2025, 7, 30),
        )
        timed_end = Round(
            number=3,
            status="scheduled",
            starts=pendulum.date(2025, 8, 4),
            ends=pendulum.datetime(2025, 8, 5, 12, tz="Asia/Tokyo"),
        )
        vague_end = Round(
            number=4,
            status="scheduled",
            starts=pendulum.date(2025, 8, 11),
            ends=PartialDate(2025, 8),
        )
        found = events(to_ical(talks(rounds=[two, one, timed_end, vague_end])))
        assert [e["DTSTART"].dt for e in found] == [
            _dt.date(2025, 7, 23),
            _dt.date(2025, 7, 28),
            _dt.date(2025, 8, 4),
            _dt.date(2025, 8, 11),
        ]
        assert "DTEND" not in found[0]
        assert found[1]["DTEND"].dt == _dt.date(2025, 7, 31)
        assert found[2]["DTEND"].dt == _dt.date(2025, 8, 6)
        # the time of day an all-day event cannot hold is not lost
        ends = "Ends: 2025-08-05T12:00:00+09:00[Asia/Tokyo]."
        assert ends in str(found[2]["DESCRIPTION"])
        assert "Ends:" not in str(found[1]["DESCRIPTION"])  # its DTEND says it all
        assert "DTEND" not in found[3]
        assert "Ends: 2025-08." in str(found[3]["DESCRIPTION"])
        assert all(ICAL_ZONE_PROPERTY not in e for e in found)

    def test_rounds_left_out(self) -> None:
        """Only proposed, postponed, or placed only in a month: no event."""
        rounds = [
            Round(number=2, status="proposed", starts=pendulum.date(2025, 9, 1)),
            Round(number=3, status="scheduled", starts=PartialDate(2025, 9)),
            Round(number=4, status="postponed", starts=pendulum.date(2025, 9, 1)),
            Round(number=5, status="held", starts=PartialDate(2025, 6)),
        ]
        assert events(to_ical(talks(rounds=rounds))) == []

    @pytest.mark.parametrize(
        "ending", ["held", "cancelled", "postponed, scheduled, held"]
    )
    def test_sequence_never_falls_as_at_moves_on(self, ending: str) -> None:
        """Day by day through a round's history, its event's SEQUENCE never
        falls, and rises whenever its start or STATUS changes."""
        day = pendulum.date(2025, 7, 1)
        rnd = Round(number=3).schedule(starts=day.add(days=20), on=day.add(days=1))
        for index, step in enumerate(ending.split(", ")):
            on = day.add(days=5 * (index + 1))
            if step == "held":
                rnd = rnd.hold(on=rnd.starts)
            elif step == "cancelled":
                rnd = rnd.cancel(on=on)
            elif step == "postponed":
                rnd = rnd.postpone(on=on)
            else:
                rnd = rnd.schedule(starts=day.add(days=25), on=on)
        last: tuple[int, str, str] | None = None
        seen: set[tuple[int, str, str]] = set()
        for offset in range(40):
            text = to_ical(talks(rounds=[rnd]), at=day.add(days=offset))
            found = events(text)
            if not found:
                continue
            (event,) = found
            now = (
                int(event.get("SEQUENCE", 0)),
                str(event["DTSTART"].dt),
                str(event["STATUS"]),
            )
            if last is not None:
                assert now[0] >= last[0]
                if now[1:] != last[1:]:
                    assert now[0] > last[0]
            seen.add(now)
            last = now
        assert len(seen) >= 2  # the event was seen to change

    def test_a_round_held_stays_and_one_cancelled_says_so(self) -> None:
        """
        A scheduled round stays in the calendar once held (it took place) and
        is CANCELLED once cancelled (a program that imported it learns so;
        it was left out, so the program kept it as confirmed); each step
        raises SEQUENCE, as one that changes STATUS must.
        """
        scheduled = Round(number=3).schedule(
            starts=pendulum.date(2025, 7, 23), on=pendulum.date(2025, 7, 16)
        )
        held = scheduled.hold(on=pendulum.date(2025, 7, 23))
        cancelled = scheduled.cancel(on=pendulum.date(2025, 7, 20))

        def shown(rnd: Round) -> list[str]:
            text = to_ical(talks(rounds=[rnd])).replace("\r\n ", "")
            wanted = ("DTSTART", "SEQUENCE", "STATUS", "DESCRIPTION")
            return [line for line in text.splitlines() if line.startswith(wanted)]

        assert shown(scheduled) == [
            "DTSTART;VALUE=DATE:20250723",
            "DESCRIPTION:Round 3 of Talks\\, delegations level.\\nDated to the day (no time "
            "of day): an all-day event.\\nStatus: scheduled.",
            "STATUS:CONFIRMED",
        ]
        assert shown(held)[2:] == ["SEQUENCE:1", "STATUS:CONFIRMED"]
        assert "Status: held." in shown(held)[1]
        assert shown(cancelled)[2:] == ["SEQUENCE:1", "STATUS:CANCELLED"]
        cancelled_unseen = Round(
            number=4, status="cancelled", starts=pendulum.date(2025, 9, 1)
        )
        assert shown(cancelled_unseen)[1:] == [
            "DESCRIPTION:Round 4 of Talks\\, delegations level.\\nDated to the day (no time "
            "of day): an all-day event.\\nStatus: cancelled.",
            "STATUS:CANCELLED",
        ]


class TestText:
    def test_escaping(self) -> None:
        """Commas, semicolons, backslashes and line breaks survive the round trip."""
        demand = "Withdraw, now; see C:\\orders\nand\r\nreport"
        record = talks(
            ultimatums=[
                Ultimatum(
                    id="u",
                    issued_by="moscow",
                    issued_at=pendulum.date(2025, 7, 14),
                    demand=demand,
                    deadline=Deadline.on(pendulum.date(2025, 8, 1)),
                )
            ]
        )
        text = to_ical(record)
        assert "Withdraw\\, now\\; see C:\\\\orders\\nand\\nreport" in text.replace(
            "\r\n ", ""
        )
        (event,) = events(text)
        assert str(event["SUMMARY"]) == (
            "Ultimatum deadline: Russia — Withdraw, now; see C:\\orders\nand\nreport"
        )

    def test_folding_long_unicode_lines(self) -> None:
        """Long lines of 2-, 3- and 4-byte characters fold between characters."""
        title = "Переговори щодо припинення вогню — 停火谈判 — 🕊️🕊️🕊️ " * 4
        record = Negotiation(
            id="t",
            title=title.strip(),
            parties=PARTIES,
            ultimatums=[
                Ultimatum(
                    id="u",
                    issued_by="moscow",
                    issued_at=pendulum.date(2025, 7, 14),
                    demand=title.strip(),
                    deadline=Deadline.on(pendulum.date(2025, 8, 1)),
                )
            ],
        )
        text = to_ical(record)
        check_format(text)
        assert "\r\n " in text
        calendar = parse(text)
        assert text_of(calendar["NAME"]) == title.strip()
        (event,) = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]).endswith(title.strip())

    def test_stamp(self) -> None:
        record = talks()
        text = to_ical(record)
        assert text == (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
            f"PRODID:{PRODID}\r\nCALSCALE:GREGORIAN\r\n"
            "NAME:Talks\r\nX-WR-CALNAME:Talks\r\n"
            "BEGIN:VTIMEZONE\r\nTZID:UTC\r\nBEGIN:STANDARD\r\n"
            "DTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\n"
            "TZNAME:UTC\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
            "END:VCALENDAR\r\n"
        )
        ultimatum = Ultimatum(
            id="u",
            issued_by="moscow",
            issued_at=pendulum.date(2025, 7, 14),
            demand="Go",
            deadline=Deadline.on(pendulum.date(2025, 8, 1)),
        )
        record = talks(ultimatums=[ultimatum])
        assert "DTSTAMP:19700101T000000Z" in to_ical(record)
        stamped = to_ical(
            record, stamp=_dt.datetime(2025, 7, 15, 9, 30, 15, 999, tzinfo=UTC)
        )
        assert "DTSTAMP:20250715T093015Z" in stamped
        assert "DTSTAMP:20250716T000000Z" in to_ical(
            record, stamp=_dt.date(2025, 7, 16)
        )
        sourced = talks(
            ultimatums=[ultimatum],
            sources=[
                Source(
                    id="a",
                    publisher="A",
                    published=pendulum.date(2025, 7, 15),
                    accessed=pendulum.datetime(2025, 7, 20, 8, tz="Europe/Kyiv"),
                ),
                Source(id="b", publisher="B", published=PartialDate(2025, 7)),
            ],
        )
        assert "DTSTAMP:20250720T050000Z" in to_ical(sourced)

    def test_refused(self) -> None:
        with pytest.raises(
            ValidationError,
            match="must be a Negotiation or an iterable of them, got str",
        ):
            to_ical("talks")  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as caught:
            to_ical([talks(), "talks"])  # type: ignore[list-item]
        assert list(caught.value.errors) == [("[1]", "must be a Negotiation, got str")]
        with pytest.raises(ValidationError, match="stamp"):
            to_ical(talks(), stamp=_dt.datetime(2025, 7, 15, 9))
        with pytest.raises(ValidationError) as caught:
            to_ical(talks(), name="Talks\x07\x00")
        ((path, message),) = caught.value.errors
        assert path == "name"
        assert message.startswith(
            "must not hold a control character (U+0007 at index 5"
        )
        for blank in ("", " \u200b"):
            with pytest.raises(ValidationError, match=r"^name: must"):
                to_ical(talks(), name=blank)
        with pytest.raises(ValidationError, match=r"^name: must be text"):
            to_ical(talks(), name=7)  # type: ignore[arg-type]
        # tab and line breaks are text: escaped
        assert "NAME:Talks\\n2025\t!\r\n" in to_ical(talks(), name="Talks\n2025\t!")
        with pytest.raises(ValidationError, match="at"):
            to_ical(talks(), at=_dt.datetime(2025, 7, 15, 9))


class TestUidDomain:
    """``uid_domain=``: the publisher's own domain after the ``@`` of every UID."""

    def test_every_uid_takes_it(self) -> None:
        record = load_example("article_50").build_record()
        default = to_ical(record)
        text = to_ical(record, uid_domain="talks.example.org")
        uids = [str(e["UID"]) for e in events(text)]
        assert uids
        assert all(uid.endswith("@talks.example.org") for uid in uids)
        assert [uid.partition("@")[0] for uid in uids] == [
            str(e["UID"]).partition("@")[0] for e in events(default)
        ]
        # nothing else changes
        assert text.replace("\r\n ", "").replace(
            "@talks.example.org", "@negotiation-records"
        ) == default.replace("\r\n ", "")

    def test_the_default_is_as_it_was(self) -> None:
        record = seed_record()
        assert to_ical(record, uid_domain=None) == to_ical(record)
        assert to_ical(record, uid_domain="negotiation-records") == to_ical(record)
        assert (
            "UID:russia-ukraine-2025/ultimatums/us-ultimatum-2025-07/deadline@negotiatio"
            "\r\n n-records\r\n" in to_ical(record)
        )

    def test_a_str_subclass_writes_its_characters(self) -> None:
        """A ``(str, Enum)`` member, whose ``format()`` is its name, writes the
        domain that was checked."""

        class Domains(str, enum.Enum):  # noqa: UP042 - the mixin, on purpose
            OURS = "talks.example.org"

        text = to_ical(seed_record(), uid_domain=Domains.OURS)
        assert text == to_ical(seed_record(), uid_domain="talks.example.org")

    def test_two_publishers(self) -> None:
        """The same negotiation id, two domains: no UID in common."""
        one = to_ical(seed_record(), uid_domain="newsroom-a.example")
        two = to_ical(seed_record(), uid_domain="newsroom-b.example")
        assert {str(e["UID"]) for e in events(one)}.isdisjoint(
            str(e["UID"]) for e in events(two)
        )

    @pytest.mark.parametrize(
        "domain",
        [
            "example.org",
            "EXAMPLE.org",
            "localhost",
            "a",
            "news-1.example.co.uk",
            "127.0.0.1",
            "xn--bcher-kva.example",  # bücher.example, in its ASCII form
            "XN--BCHER-KVA.example",
            "xn--fiqs8s",  # 中国
            "a" * 63 + ".example",
            ".".join(["a" * 63] * 3) + "." + "b" * 61,  # 253 characters
        ],
    )
    def test_accepted(self, domain: str) -> None:
        text = to_ical(talks(ultimatums=[_ultimatum()]), uid_domain=domain)
        (event,) = events(text)
        assert str(event["UID"]) == f"t/ultimatums/u/deadline@{domain}"
        check_format(text)

    @pytest.mark.parametrize(
        ("domain", "expected"),
        [
            ("", "must be a domain name"),
            (" ", "U+0020 at index 0 is none of them"),
            ("talks example.org", "U+0020 at index 5 is none of them"),
            ("talks@example.org", "U+0040 at index 5 is none of them"),
            ("talks/example.org", "U+002F at index 5 is none of them"),
            ("under_score.org", "U+005F at index 5 is none of them"),
            ("example.org\r\nX-EVIL:1", "U+000D at index 11 is none of them"),
            ("ex\x00ample", "U+0000 at index 2 is none of them"),
            ("bücher.example", "write an internationalized name in its ASCII"),
            ("例え.jp", "U+4F8B at index 0"),
            ("example..org", "must not hold an empty label"),
            (".example.org", "must not hold an empty label"),
            ("example.org.", "must not end with a dot"),
            ("-example.org", "must not start or end with a hyphen ('-example')"),
            ("example-.org", "must not start or end with a hyphen ('example-')"),
            ("a" * 64 + ".org", "a label must be at most 63 characters, got 64"),
            (".".join(["a" * 63] * 4), "must be at most 253 characters, got 255"),
            ("xn--a.example", "'xn--a' is not a valid IDNA (xn--) label"),
            ("xn--zz9999999999.org", "is not a valid IDNA (xn--) label"),
        ],
    )
    def test_refused(self, domain: str, expected: str) -> None:
        with pytest.raises(ValidationError) as caught:
            to_ical(talks(), uid_domain=domain)
        errors = list(caught.value.errors)
        assert {path for path, _ in errors} == {"uid_domain"}
        assert any(expected in message for _, message in errors), errors
        assert all("got " in message for _, message in errors)  # the value shown

    def test_every_problem(self) -> None:
        with pytest.raises(ValidationError) as caught:
            to_ical(talks(), uid_domain="-a..b-.")
        assert [message.split(";")[0] for _, message in caught.value.errors] == [
            "must not end with a dot",
            "a label must not start or end with a hyphen ('-a')",
            "must not hold an empty label (two dots, or a dot at its start)",
            "a label must not start or end with a hyphen ('b-')",
        ]

    def test_a_bad_character_in_an_idna_label(self) -> None:
        """Reported as a character, not as an IDNA label as well."""
        with pytest.raises(ValidationError) as caught:
            to_ical(talks(), uid_domain="xn--bcher_kva.example")
        ((path, message),) = caught.value.errors
        assert path == "uid_domain"
        assert "U+005F at index 9 is none of them" in message

    @pytest.mark.parametrize("domain", [7, b"example.org", ["example.org"]])
    def test_not_text(self, domain: object) -> None:
        with pytest.raises(ValidationError, match=r"^uid_domain: must be a domain"):
            to_ical(talks(), uid_domain=domain)  # type: ignore[arg-type]

    def test_checked_before_anything_is_written(self) -> None:
        """Even a calendar without events refuses a bad domain."""
        with pytest.raises(ValidationError, match="uid_domain"):
            to_ical([], uid_domain="a b")


def _ultimatum() -> Ultimatum:
    return Ultimatum(
        id="u",
        issued_by="moscow",
        issued_at=pendulum.date(2025, 7, 14),
        demand="Leave",
        deadline=Deadline.on(pendulum.date(2025, 9, 2)),
    )


class TestSeveral:
    def test_one_calendar_for_several_negotiations(self) -> None:
        first = seed_record()
        second = attrs.evolve(first, id="other-talks", title="Other talks")
        text = to_ical([first, second])
        calendar = icalendar.Calendar.from_ical(text)
        uids = sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))
        alone = icalendar.Calendar.from_ical(to_ical(first))
        assert alone.walk("VEVENT")
        assert len(uids) == 2 * len(alone.walk("VEVENT"))
        assert any(uid.startswith("other-talks/") for uid in uids)
        assert "NAME:Negotiations\r\n" in text
        assert "NAME:Corpus\r\n" in to_ical(iter([first, second]), name="Corpus")
        assert to_ical([first]) == to_ical(first)

    def test_a_repeated_negotiation_id(self) -> None:
        """Two negotiations with one id would give two events one UID: refused."""
        first = talks(
            rounds=[Round(number=1, status="scheduled", starts=_dt.date(2025, 8, 4))]
        )
        again = talks(
            rounds=[Round(number=1, status="scheduled", starts=_dt.date(2025, 9, 4))]
        )
        other = attrs.evolve(first, id="other")
        with pytest.raises(ValidationError) as caught:
            to_ical([first, other, again, first])
        assert caught.value.errors == (
            ("[2].id", "negotiation id 't' is already used by [0]"),
            ("[3].id", "negotiation id 't' is already used by [0]"),
        )
        assert len(events(to_ical([first, other]))) == 2

    def test_negotiations_are_read_one_at_a_time(self) -> None:
        """
        An iterable of negotiations (a long file read by ``read_jsonl``) is
        read as the calendar is made: only the events of those read are
        kept, not the negotiations themselves, nor their snapshots.
        """
        refs: list[weakref.ref[Negotiation]] = []
        held: list[int] = []

        def corpus() -> Iterator[Negotiation]:
            for number in range(6):
                gc.collect()
                held.append(sum(ref() is not None for ref in refs))
                record = talks(
                    rounds=[
                        Round(
                            number=1,
                            status="scheduled",
                            starts=_dt.date(2025, 8, 4 + number),
                        )
                    ]
                )
                record = attrs.evolve(record, id=f"t-{number}")
                refs.append(weakref.ref(record))
                yield record

        text = to_ical(corpus(), at=_dt.date(2025, 12, 31))
        assert len(events(text)) == 6
        assert max(held) <= 1  # the one before, until the generator moves on

    def test_no_negotiations_is_an_empty_calendar(self) -> None:
        calendar = icalendar.Calendar.from_ical(to_ical([]))
        assert calendar.walk("VEVENT") == []
        check_one_component(to_ical([]))


def check_one_component(text: str) -> None:
    """
    A calendar has a component (RFC 5545, 3.6): its events, else one
    VTIMEZONE, of UTC.
    """
    calendar = parse(text)
    found = [c.name for c in calendar.subcomponents]
    if "VEVENT" in found:
        assert "VTIMEZONE" not in found
        return
    assert found == ["VTIMEZONE"]
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "UTC"
    (standard,) = zone.walk("STANDARD")
    assert standard["TZOFFSETFROM"].td == standard["TZOFFSETTO"].td == _dt.timedelta(0)
    assert zone.to_tz().utcoffset(_dt.datetime(2025, 1, 1)) == _dt.timedelta(0)


class TestNoEvents:
    def test_a_record_without_deadlines(self) -> None:
        check_one_component(to_ical(talks()))

    def test_at_before_every_event(self) -> None:
        text = to_ical(seed_record(), at=pendulum.date(2025, 1, 1))
        assert events(text) == []
        check_one_component(text)
        check_one_component(to_ical(seed_record()))


class TestExamples:
    @pytest.mark.parametrize(
        "name", ["article_50", "trade_truce_2025", "labour_strike_notice"]
    )
    def test_examples_read_back(self, name: str) -> None:
        record = load_example(name).build_record()
        text = to_ical(record)
        check_format(text)
        found = events(text)
        assert found
        assert len({str(e["UID"]) for e in found}) == len(found)


def expected_count(record: Negotiation) -> int:
    count = len(record.ultimatums)
    count += sum(1 + len(m.alternatives) for m in record.milestones)
    count += sum(
        (a.in_force is not None)
        + (a.expires is not None)
        + sum(phase.ends is not None for phase in a.phases)
        for a in record.agreements
    )
    count += sum(
        r.status in (RoundStatus.SCHEDULED, RoundStatus.HELD, RoundStatus.CANCELLED)
        and r.starts is not None
        and not isinstance(r.starts, PartialDate)
        for r in record.rounds
    )
    return count


@settings(max_examples=40, database=None)
@given(nst.negotiations())
def test_generated_records_read_back(record: Negotiation) -> None:
    """Any valid record gives a calendar icalendar reads, one event per deadline."""
    text = to_ical(record)
    check_format(text)
    check_one_component(text)
    found = events(text)
    assert len(found) == expected_count(record)
    assert len({str(e["UID"]) for e in found}) == len(found)
    for event in found:
        assert event["DTSTAMP"].dt.tzinfo is not None
        start = event["DTSTART"].dt
        assert isinstance(start, _dt.date)
        if isinstance(start, _dt.datetime):
            assert start.utcoffset() == _dt.timedelta(0)
        assert not ("DTEND" in event and "DURATION" in event)
        if "DTEND" in event:  # RFC 5545: later than DTSTART
            assert event["DTEND"].dt > start


def test_every_bad_option_is_reported_at_once_in_order() -> None:
    """at, stamp, name and uid_domain together, each at its name (DESIGN.md)."""
    with pytest.raises(ValidationError) as info:
        to_ical(talks(), at="x", stamp="y", name=5, uid_domain="bad dom")  # type: ignore[arg-type]
    assert [path for path, _ in info.value.errors] == [
        "at",
        "stamp",
        "name",
        "uid_domain",
    ]


def test_what_is_not_negotiations_is_reported_with_the_options() -> None:
    with pytest.raises(ValidationError) as info:
        to_ical(5, name="\x00")  # type: ignore[arg-type]
    assert [path for path, _ in info.value.errors] == ["$", "name"]


def test_a_bad_at_is_refused_without_any_negotiation() -> None:
    with pytest.raises(ValidationError) as info:
        to_ical([], at=pendulum.naive(2025, 1, 1))
    assert [path for path, _ in info.value.errors] == ["at"]


def test_options_are_checked_before_the_items() -> None:
    """The items are read only once the options are good."""
    with pytest.raises(ValidationError) as info:
        to_ical([talks(), 5], at="x")  # type: ignore[list-item, arg-type]
    assert [path for path, _ in info.value.errors] == ["at"]


def test_wrong_items_and_repeated_ids_are_reported_together_in_order() -> None:
    one = talks()
    with pytest.raises(ValidationError) as info:
        to_ical([one, 5, one, "x", one])  # type: ignore[list-item]
    assert [path for path, _ in info.value.errors] == ["[1]", "[2].id", "[3]", "[4].id"]
    assert (
        info.value.errors[1][1] == f"negotiation id {one.id!r} is already used by [0]"
    )
