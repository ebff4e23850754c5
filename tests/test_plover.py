"""PLOVER event data: every record checked against the PLOVER field list."""

from __future__ import annotations

import codecs
import collections
import contextlib
import datetime as _dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Action,
    Agreement,
    Condition,
    Consequence,
    Deadline,
    Delegation,
    Negotiation,
    Outcome,
    PartialDate,
    Party,
    Position,
    Proposal,
    Response,
    Round,
    Source,
    Statement,
    StatusChange,
    Ultimatum,
    ValidationError,
    Vote,
    plover_skipped,
    to_plover,
    write_plover,
)
from negotiation_records import strategies as nst
from negotiation_records._alpha3 import ALPHA_3
from negotiation_records._countries import ISO_3166_1_ALPHA_2
from negotiation_records.plover import (
    PLOVER_ACTOR_FIELDS,
    PLOVER_CITE_FIELDS,
    PLOVER_CONTEXTS,
    PLOVER_EVENT_TYPES,
    PLOVER_FIELDS,
    PLOVER_LOCATION_FIELDS,
    PLOVER_MODES,
    PLOVER_REQUIRES_RECIPIENT,
    PLOVER_THREAT_MODES,
    PLOVER_TYPES,
)
from negotiation_records.timeutil import Moment, format_moment, parse_moment
from tests.seed import seed_record


ROOT = Path(__file__).resolve().parent.parent

# The manual's "PLOVER JSON" table (draft 0.8), copied here by hand, name and
# "Required?" column: the constant in the module must say the same.
MANUAL_TABLE = [
    ("id", "Y"),
    ("has_event", "N"),
    ("date", "Y"),
    ("time", "N"),
    ("enddate", "N"),
    ("endtime", "N"),
    ("source", "Y"),
    ("recipient", "N"),
    ("event", "Y"),
    ("event_loc", "N"),
    ("event_text", "N"),
    ("quad_code", "N"),
    ("event_scale", "N"),
    ("mode", "N"),
    ("context", "N"),
    ("link", "N"),
    ("text", "N"),
    ("text_info", "N"),
    ("cite_info", "N"),
    ("coder", "N"),
    ("coded_date", "N"),
    ("coded_time", "N"),
    ("comment", "N"),
]
SIXTEEN = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "boolean": bool,
    "integer": int,
    "number": (int, float),
    "object": dict,
    "array": list,
}


def check_plover(record: dict[str, Any]) -> None:
    """*record* is a PLOVER event record: the spec's fields, types and values."""
    names = list(record)
    assert set(names) <= set(PLOVER_FIELDS), set(names) - set(PLOVER_FIELDS)
    order = list(PLOVER_FIELDS)
    assert names == sorted(names, key=order.index), "fields out of the spec's order"
    for name, spec in PLOVER_FIELDS.items():
        if spec.required:
            assert name in record, f"missing required field {name}"
        if name not in record:
            continue
        value: Any = record[name]
        assert isinstance(value, JSON_TYPES[spec.json_type]), (name, value)
        if spec.items is not None:
            assert isinstance(value, list)
            assert value, f"{name} is an empty list"
            assert all(isinstance(v, JSON_TYPES[spec.items]) for v in value), name
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"])
    _dt.date.fromisoformat(record["date"])
    if "time" in record:
        moment = _dt.datetime.fromisoformat(f"{record['date']}T{record['time']}")
        assert moment.tzinfo is not None
    if "enddate" in record:
        _dt.date.fromisoformat(record["enddate"])
        assert record["enddate"] >= record["date"], "the end's day before the start's"
    if "endtime" in record:
        assert "enddate" in record
        _dt.datetime.fromisoformat(f"{record['enddate']}T{record['endtime']}")
    (event_type,) = record["event"]
    assert event_type in SIXTEEN
    assert set(record.get("mode", [])) <= PLOVER_MODES[event_type]
    assert set(record.get("context", [])) <= PLOVER_CONTEXTS
    if event_type in PLOVER_REQUIRES_RECIPIENT:
        assert record.get("recipient")
    for actor in [*record["source"], *record.get("recipient", [])]:
        assert set(actor) <= set(PLOVER_ACTOR_FIELDS)
        assert isinstance(actor["identifier_id"], str)
        assert isinstance(actor["identifier_text"], str)
        if "code" in actor:
            assert re.fullmatch(r"[A-Z]{3}", actor["code"])
    actors = [a["identifier_id"] for a in record["source"]]
    others = [a["identifier_id"] for a in record.get("recipient", [])]
    assert len(set(actors)) == len(actors)
    assert not set(actors) & set(others)
    for cite in record.get("cite_info", []):
        assert set(cite) <= set(PLOVER_CITE_FIELDS)
        assert all(isinstance(v, str) for v in cite.values())
    assert set(record.get("event_loc", {})) <= set(PLOVER_LOCATION_FIELDS)


def summary(records: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (
            r["date"],
            r["event"][0],
            [a["identifier_text"] for a in r["source"]],
            [a["identifier_text"] for a in r.get("recipient", [])],
            r.get("mode", []),
        )
        for r in records
    ]


class TestSpecification:
    def test_the_field_list_is_the_manuals(self) -> None:
        """The field list, in order, with the "Required?" column of the manual."""
        assert [(n, "Y" if f.required else "N") for n, f in PLOVER_FIELDS.items()] == (
            MANUAL_TABLE
        )

    def test_sixteen_event_types(self) -> None:
        """The event types are the sixteen of PLOVER, each with its modes."""
        assert list(PLOVER_TYPES) == SIXTEEN
        assert set(PLOVER_MODES) == set(SIXTEEN)
        assert set(SIXTEEN) >= PLOVER_REQUIRES_RECIPIENT
        assert PLOVER_MODES["REQUEST"] == PLOVER_MODES["REJECT"]
        assert "third-party" in PLOVER_MODES["CONSULT"]
        assert set(PLOVER_THREAT_MODES.values()) <= PLOVER_MODES["THREATEN"]
        assert set(PLOVER_EVENT_TYPES.values()) <= set(SIXTEEN)

    def test_alpha_3_codes(self) -> None:
        """Every alpha-2 code the library accepts has one alpha-3 code."""
        assert set(ALPHA_3) == ISO_3166_1_ALPHA_2
        assert len(set(ALPHA_3.values())) == len(ALPHA_3)
        assert all(re.fullmatch(r"[A-Z]{3}", code) for code in ALPHA_3.values())
        assert (ALPHA_3["UA"], ALPHA_3["RU"], ALPHA_3["US"], ALPHA_3["TR"]) == (
            "UKR",
            "RUS",
            "USA",
            "TUR",
        )


class TestSeedStory:
    def test_events(self) -> None:
        """The 2025 talks: two rounds with their agreements, the threat, the offers."""
        records = to_plover(seed_record())
        for record in records:
            check_plover(record)
        ua, ru, us = "Ukraine", "Russia", "United States"
        assert summary(records) == [
            ("2025-05-16", "CONSULT", [ua, ru], [], ["third-party"]),
            ("2025-05-16", "AGREE", [ua, ru], [], []),
            ("2025-06-02", "CONSULT", [ua, ru], [], ["third-party"]),
            ("2025-06-02", "AGREE", [ua, ru], [], []),
            ("2025-06-02", "AGREE", [ua, ru], [], []),
            ("2025-07-14", "THREATEN", [us], [ru], ["restrict"]),
            ("2025-07-19", "AGREE", [ua], [ru], []),
            ("2025-07-19", "AGREE", [ua], [ru], []),
            ("2025-07-19", "REJECT", [ua], [ru], []),
            ("2025-07-19", "REJECT", [ua], [ru], []),
        ]

    def test_actors_and_citations(self) -> None:
        """Actors carry Wikidata ids, names and alpha-3 codes; sources are cited."""
        threat = next(r for r in to_plover(seed_record()) if r["event"] == ["THREATEN"])
        assert threat["id"] == "russia-ukraine-2025:ultimatums/us-ultimatum-2025-07"
        assert threat["source"] == [
            {"code": "USA", "identifier_id": "Q30", "identifier_text": "United States"}
        ]
        assert threat["link"] == "russia-ukraine-2025"
        assert threat["cite_info"] == [
            {
                "citation": "tis-2025-07-19",
                "title": "Ukraine Calls for Renewed Peace Talks with Russia Amid "
                "Mounting Global Pressure",
                "publication": "TIS Desk (citing Al Jazeera)",
            }
        ]
        assert threat["comment"].startswith("United States issues an ultimatum")

    def test_a_wikidata_id_two_parties_give_names_neither(self) -> None:
        """
        Two parties giving the same Wikidata id (a state recorded twice, once
        by its government) are named by their ids, never as one actor acting
        on itself; the other parties keep their Wikidata ids.
        """
        talks = Negotiation(
            id="t",
            title="T",
            parties=[
                Party(id="ukraine", name="Ukraine", kind="state", wikidata="Q212"),
                Party(
                    id="kyiv-government",
                    name="Government of Ukraine",
                    kind="organization",
                    wikidata="Q212",
                ),
                Party(id="russia", name="Russia", kind="state", wikidata="Q159"),
            ],
            proposals=[
                Proposal(
                    id="p",
                    proposed_by=["ukraine"],
                    addressed_to=["kyiv-government", "russia"],
                    made_on=pendulum.date(2025, 7, 19),
                    summary="Talks next week",
                )
            ],
        )
        (record,) = [r for r in to_plover(talks) if r["id"].endswith("proposals/p")]
        assert [a["identifier_id"] for a in record["source"]] == ["ukraine"]
        assert [a["identifier_id"] for a in record["recipient"]] == [
            "kyiv-government",
            "Q159",
        ]

    def test_what_is_left_out(self) -> None:
        """Quotes, the response and the pledge dated only "July", the stall
        dated only "June", the proposed round, the deadline."""
        skipped = plover_skipped(seed_record())
        kinds = collections.Counter(s.event.kind.value for s in skipped)
        assert kinds == {
            "statement": 5,
            "response": 1,
            "action": 1,
            "status": 2,
            "round": 1,
            "deadline": 1,
        }
        (response,) = [s for s in skipped if s.event.kind.value == "response"]
        assert "2025-07" in response.reason
        assert "none is guessed" in response.reason

    def test_as_of(self) -> None:
        """With ``at``, what was known then: the rounds of May and June only."""
        talks = seed_record()
        june = to_plover(talks, at=pendulum.date(2025, 6, 30))
        assert [r["event"][0] for r in june] == ["CONSULT", "AGREE", "CONSULT"] + [
            "AGREE"
        ] * 2
        assert to_plover(talks, at=pendulum.date(2025, 1, 1)) == []

    def test_an_event_has_one_id_at_every_moment(self) -> None:
        """
        Ids give the positions in the whole record, not in the snapshot of
        ``at``: a response or a position keeps its id when an earlier one in
        its list is left out, and an id never names another event.
        """
        july = pendulum.date(2025, 7, 1)
        parties = [party("a", "A"), party("b", "B"), party("c", "C")]
        later_quote = Statement(
            id="q",
            speaker="C's minister",
            party="c",
            said_on=july.add(days=30),
            text="We accept.",
        )
        proposal = Proposal(
            id="p",
            proposed_by=["a"],
            addressed_to=["b", "c"],
            made_on=july,
            summary="Talks",
            responses=[
                Response(party="b", on=july.add(days=19), stance="rejects"),
                # its statement is not yet said on the 10th: the snapshot drops it
                Response(
                    party="c", on=july.add(days=4), stance="accepts", statement="q"
                ),
            ],
        )
        condition = Condition(
            id="ceasefire",
            text="A ceasefire",
            positions=[
                Position(party="b", stance="opposes", on=july.add(days=20)),
                Position(party="a", stance="supports", on=july.add(days=2)),
            ],
        )
        talks = Negotiation(
            id="t",
            title="T",
            parties=parties,
            proposals=[proposal],
            conditions=[condition],
            statements=[later_quote],
        )

        def coded(at: Any = None) -> dict[str, tuple[str, str]]:
            return {
                r["id"]: (r["date"], r["source"][0]["identifier_id"])
                for r in to_plover(talks, at=at)
                if "[" in r["id"]
            }

        whole = coded()
        assert whole == {
            "t:proposals/p.responses[0]": ("2025-07-20", "b"),
            "t:proposals/p.responses[1]": ("2025-07-05", "c"),
            "t:conditions/ceasefire.positions[0]": ("2025-07-21", "b"),
            "t:conditions/ceasefire.positions[1]": ("2025-07-03", "a"),
        }
        assert coded(july.add(days=10)) == {
            "t:proposals/p.responses[1]": ("2025-07-05", "c"),
            "t:conditions/ceasefire.positions[1]": ("2025-07-03", "a"),
        }
        for day in range(31):
            snapshot = coded(july.add(days=day))
            assert snapshot == {k: v for k, v in whole.items() if k in snapshot}

    def test_a_response_made_alike_keeps_its_id(self) -> None:
        """
        Russia's rejection of the ultimatum recorded three times: from a wire
        report, citing Zakharova (quoted on the 16th) and citing Ryabkov
        (quoted on the 15th).  As of the 15th the first two are one, and the
        snapshot keeps the first; the third keeps its id (``responses[2]``)
        and its sources, though the second, left out, is like it but for
        the quote it cites.
        """
        rejects = Response(party="ru", on=pendulum.date(2025, 7, 15), stance="rejects")
        wire = Source(id="wire", publisher="Wire")
        ultimatum = Ultimatum(
            id="u",
            issued_by="us",
            addressed_to=["ru"],
            issued_at=pendulum.date(2025, 7, 14),
            demand="A ceasefire within 50 days",
            deadline=Deadline.after(pendulum.date(2025, 7, 14), days=50),
            responses=[
                rejects,
                attrs.evolve(rejects, statement="blackmail"),
                attrs.evolve(rejects, statement="unacceptable"),
            ],
        )
        quotes = [
            Statement(
                id="blackmail",
                speaker="Maria Zakharova",
                party="ru",
                said_on=pendulum.date(2025, 7, 16),
                text="It is blackmail.",
            ),
            Statement(
                id="unacceptable",
                speaker="Sergei Ryabkov",
                party="ru",
                said_on=pendulum.date(2025, 7, 15),
                text="Ultimatums are unacceptable.",
                source="wire",
            ),
        ]
        talks = Negotiation(
            id="t",
            title="T",
            parties=[party("us", "United States"), party("ru", "Russia")],
            ultimatums=[ultimatum],
            statements=quotes,
            sources=[wire],
        )

        def responses(at: Any = None) -> dict[str, Any]:
            return {
                r["id"]: r.get("cite_info")
                for r in to_plover(talks, at=at)
                if ".responses[" in r["id"]
            }

        whole = responses()
        before = responses(pendulum.date(2025, 7, 15))
        assert list(before) == [
            "t:ultimatums/u.responses[0]",
            "t:ultimatums/u.responses[2]",
        ]
        assert before == {k: whole[k] for k in before}

    def test_an_answer_cites_its_sources_and_its_quotes(self) -> None:
        """
        A response citing a statement cites its own sources and the
        statement's, each once; one with neither cites its ultimatum's.
        """
        ultimatum = Ultimatum(
            id="u",
            issued_by="us",
            addressed_to=["ru"],
            issued_at=pendulum.date(2025, 7, 14),
            demand="A ceasefire within 50 days",
            deadline=Deadline.after(pendulum.date(2025, 7, 14), days=50),
            sources=["paper"],
            responses=[
                Response(
                    party="ru",
                    on=pendulum.date(2025, 7, 15),
                    stance="rejects",
                    statement="unacceptable",
                    sources=["wire", "tass"],
                ),
                Response(party="ru", on=pendulum.date(2025, 7, 16), stance="rejects"),
            ],
        )
        talks = Negotiation(
            id="t",
            title="T",
            parties=[party("us", "United States"), party("ru", "Russia")],
            ultimatums=[ultimatum],
            statements=[
                Statement(
                    id="unacceptable",
                    speaker="Sergei Ryabkov",
                    party="ru",
                    said_on=pendulum.date(2025, 7, 15),
                    text="Ultimatums are unacceptable.",
                    source="tass",
                    sources=["wire"],
                )
            ],
            sources=[
                Source(id=name, publisher=name.title())
                for name in ("wire", "tass", "paper")
            ],
        )
        cited = {
            r["id"]: [c["citation"] for c in r["cite_info"]]
            for r in to_plover(talks)
            if ".responses[" in r["id"]
        }
        assert cited == {
            "t:ultimatums/u.responses[0]": ["wire", "tass"],
            "t:ultimatums/u.responses[1]": ["paper"],
        }

    def test_deterministic(self) -> None:
        """The same record gives the same records, ids included."""
        assert to_plover(seed_record()) == to_plover(seed_record())
        ids = [r["id"] for r in to_plover(seed_record())]
        assert len(ids) == len(set(ids))


# --- one negotiation with every kind of event ----------------------------------------

DAY = pendulum.date(2025, 3, 10)


def party(
    ident: str, name: str, country: str | None = None, q: str | None = None
) -> Party:
    return Party(id=ident, name=name, kind="state", country=country, wikidata=q)


def every_kind() -> Negotiation:
    parties = [
        party("north", "Північ", "UA", "Q212"),
        party("south", "South"),
        party("host", "Türkiye", None, "Q43"),
        Party(id="league", name="League", kind="organization"),
    ]
    return Negotiation(
        id="every",
        title="Every kind",
        parties=parties,
        sources=[
            Source(id="wire", publisher="Wire", url="https://example.org/a"),
            Source(id="paper", publisher="Paper", title="Talks, day 2"),
        ],
        statements=[
            Statement(
                id="q1",
                speaker="A",
                party="south",
                said_on=DAY,
                text="No.",
                source="paper",
            )
        ],
        conditions=[
            Condition(
                id="pull-back",
                text="Pull back",
                demanded_by="north",
                addressed_to=["south"],
                topics=["military", "territory"],
                positions=[
                    Position(party="south", stance="rejects", on=DAY, statement="q1"),
                    Position(party="host", stance="undecided", on=DAY),
                ],
            )
        ],
        rounds=[
            Round(
                number=1,
                status="held",
                starts=pendulum.datetime(2025, 3, 9, 14, tz="America/New_York"),
                ends=pendulum.datetime(2025, 3, 10, 18, tz="America/New_York"),
                location="Genève",
                hosts=["north"],
                delegations=[Delegation(party="north"), Delegation(party="south")],
                outcomes=[
                    Outcome(
                        text="Ceasefire",
                        kind="ceasefire",
                        parties=["north", "south"],
                        sources=["wire"],
                    ),
                    Outcome(
                        text="Joint statement", kind="statement", parties=["north"]
                    ),
                    Outcome(text="A deal", kind="agreement"),
                ],
                sources=["paper"],
            ),
            Round(
                number=2,
                status="held",
                starts=DAY,
                delegations=[Delegation(party="north"), Delegation(party="south")],
            ),
            Round(number=3, status="held", starts=DAY),
            Round(
                number=5,
                starts=DAY.add(days=9),
                history=[
                    StatusChange(status="scheduled", on=DAY),
                    StatusChange(status="cancelled", on=DAY.add(days=1), by=["south"]),
                ],
            ),
            Round(
                number=6,
                starts=DAY.add(days=9),
                history=[StatusChange(status="cancelled", on=DAY.add(days=1))],
            ),
        ],
        proposals=[
            Proposal(
                id="demands",
                proposed_by=["north", "host"],
                addressed_to=["south"],
                made_on=DAY,
                summary="Two demands",
                terms=[
                    Condition(id="d1", text="Go", kind="demand", topics=["economic"]),
                    Condition(id="d2", text="Now", kind="precondition"),
                ],
                responses=[
                    Response(party="south", on=DAY.add(days=1), stance="supports"),
                    Response(party="league", on=DAY.add(days=1), stance="undecided"),
                ],
                history=[
                    StatusChange(status="accepted", on=DAY.add(days=2), by=["south"])
                ],
            ),
            Proposal(
                id="offer",
                proposed_by=["south"],
                addressed_to=["north"],
                made_on=DAY,
                summary="An offer",
                terms=[Condition(id="o1", text="Give", kind="offer")],
                history=[
                    StatusChange(status="rejected", on=DAY.add(days=2), by=["north"])
                ],
            ),
            Proposal(
                id="plain",
                proposed_by=["league"],
                made_on=DAY,
                summary="Talk",
                history=[StatusChange(status="withdrawn", on=DAY.add(days=3))],
            ),
        ],
        ultimatums=[
            Ultimatum(
                id="u",
                issued_by="north",
                addressed_to=["south"],
                issued_at=DAY,
                demand=Condition(id="u-demand", text="Leave", topics=["diplomatic"]),
                deadline=Deadline.after(DAY, days=10),
                consequences=[
                    Consequence(text="Strikes", kind="military"),
                    Consequence(text="Recall", kind="diplomatic"),
                    Consequence(text="Courts", kind="legal"),
                    Consequence(text="More strikes", kind="military"),
                ],
                responses=[
                    Response(party="south", on=DAY.add(days=1), stance="accepts")
                ],
            )
        ],
        agreements=[
            Agreement(
                id="accord",
                title="Accord",
                stage="ceasefire",
                signatories=["north", "south"],
                history=[
                    StatusChange(status="signed", on=DAY.add(days=4)),
                    StatusChange(status="in-force", on=DAY.add(days=5)),
                    StatusChange(
                        status="terminated", on=DAY.add(days=20), by=["south"]
                    ),
                ],
            ),
            Agreement(
                id="solo",
                title="Solo",
                stage="framework",
                signatories=["north"],
                history=[
                    StatusChange(status="signed", on=DAY.add(days=4)),
                    StatusChange(status="in-force", on=DAY.add(days=4)),
                    StatusChange(status="suspended", on=DAY.add(days=6), by=["north"]),
                ],
            ),
        ],
        votes=[
            Vote(
                id="v1",
                body="Parliament",
                party="north",
                on=DAY.add(days=5),
                question="Approve the accord",
                subject="accord",
                result="passed",
            ),
            Vote(
                id="v2",
                body="Senate",
                party="south",
                on=DAY.add(days=5),
                question="Approve the accord",
                subject="accord",
                result="failed",
            ),
            Vote(
                id="v3",
                body="Council",
                on=DAY.add(days=5),
                question="Approve",
                subject="accord",
                result="passed",
            ),
            Vote(
                id="v4",
                body="Assembly",
                party="north",
                on=DAY.add(days=5),
                question="Recess",
                result="passed",
            ),
        ],
        actions=[
            Action(
                id="a1",
                kind="protest",
                by=["north"],
                toward=["south"],
                on=DAY,
                ends=DAY.add(days=3),
                mode=" strike ",
                summary="Strike",
            ),
            Action(
                id="a2",
                kind="retreat",
                by=["south"],
                on=DAY,
                mode="prisoner swap",
                summary="Released 90",
            ),
            Action(id="a3", kind="aid", by=["north"], on=DAY, summary="Aid"),
            Action(
                id="a4",
                kind="assault",
                by=["south"],
                toward=["north"],
                on=PartialDate(2025, 3),
                summary="Shelling",
            ),
        ],
    )


@pytest.fixture(scope="module")
def coded() -> tuple[list[dict[str, Any]], list[Any]]:
    talks = every_kind()
    return to_plover(talks), plover_skipped(talks)


def by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"].removeprefix("every:"): r for r in records}


class TestMapping:
    def test_every_record_is_plover(self, coded: Any) -> None:
        records, _ = coded
        for record in records:
            check_plover(record)

    def test_rounds(self, coded: Any) -> None:
        """A host at the table is visited; times keep their zone's offset."""
        first = by_id(coded[0])["rounds/1"]
        assert first["event"] == ["CONSULT"]
        assert [a["identifier_text"] for a in first["source"]] == ["South"]
        assert [a["identifier_text"] for a in first["recipient"]] == ["Північ"]
        assert first["mode"] == ["visit"]
        # 14:00 in New York on 9 March 2025, the day the clocks went forward.
        assert (first["date"], first["time"]) == ("2025-03-09", "14:00:00-04:00")
        assert (first["enddate"], first["endtime"]) == ("2025-03-10", "18:00:00-04:00")
        assert first["event_loc"] == {"name": "Genève"}
        second = by_id(coded[0])["rounds/2"]
        assert "mode" not in second
        assert "time" not in second

    def test_an_offset_with_seconds_is_given_in_utc(self) -> None:
        """
        Dublin mean time, -00:25:21: ISO 8601 writes no seconds in an offset,
        so the time is given in UTC, to the second, and ``date + "T" + time``
        stays an ISO 8601 datetime; a zone's local mean time likewise.
        """
        talks = Negotiation(
            id="t",
            title="T",
            parties=[
                Party(id="us", name="US", kind="state"),
                Party(id="ru", name="RU", kind="state"),
            ],
            actions=[
                Action(
                    id="a",
                    kind="consult",
                    by=["us"],
                    toward=["ru"],
                    on=parse_moment("1890-06-01T12:00:00-00:25:21"),
                    summary="Talk",
                )
            ],
        )
        (record,) = to_plover(talks)
        assert (record["date"], record["time"]) == ("1890-06-01", "12:25:21+00:00")
        kyiv = attrs.evolve(
            talks.actions[0], on=pendulum.datetime(1890, 7, 14, 23, tz="Europe/Kyiv")
        )
        (record,) = to_plover(attrs.evolve(talks, actions=[kyiv]))
        assert (record["date"], record["time"]) == ("1890-07-14", "20:57:56+00:00")
        stamp = _dt.datetime.fromisoformat(f"{record['date']}T{record['time']}")
        assert stamp == kyiv.on

    @pytest.mark.parametrize(
        ("ends", "end"),
        [
            # a day that 01:00 in Kyiv has reached: 14 July somewhere on Earth
            (pendulum.date(2025, 7, 14), None),
            (pendulum.date(2025, 7, 15), ("2025-07-15", None)),
            (pendulum.date(2025, 7, 16), ("2025-07-16", None)),
            # 20:00 in New York is 03:00 the next day in Kyiv: the start's zone
            (
                pendulum.datetime(2025, 7, 14, 20, tz="America/New_York"),
                ("2025-07-15", "03:00:00+03:00"),
            ),
            (PartialDate(2025, 7), None),
        ],
        ids=["day-reached", "same-day", "next-day", "timed-elsewhere", "month"],
    )
    def test_the_end_is_never_a_day_before_the_start(
        self, ends: Any, end: tuple[str, str | None] | None
    ) -> None:
        """
        A timed end is written in the start's zone, so the two days compare
        as the instants do; a day the start has already reached is left out.
        """
        talks = Negotiation(
            id="t",
            title="T",
            parties=[party("ua", "Ukraine"), party("ru", "Russia")],
            actions=[
                Action(
                    id="a",
                    kind="assault",
                    by=["ru"],
                    toward=["ua"],
                    on=pendulum.datetime(2025, 7, 15, 1, tz="Europe/Kyiv"),
                    ends=ends,
                    summary="Strike",
                )
            ],
        )
        (record,) = to_plover(talks)
        check_plover(dict(record))
        assert (record["date"], record["time"]) == ("2025-07-15", "01:00:00+03:00")
        got = (
            (record["enddate"], record.get("endtime")) if "enddate" in record else None
        )
        assert got == end
        if end is not None and end[1] is not None:
            stamp = _dt.datetime.fromisoformat(f"{end[0]}T{end[1]}")
            assert stamp == ends

    @pytest.mark.parametrize(
        ("hosts", "mediators", "mode"),
        [
            (["north", "south"], [], None),  # both hosts sit at the table
            ([], ["north"], None),  # a mediator with a delegation
            (["host"], [], ["third-party"]),  # a host without a delegation
            ([], ["host"], ["third-party"]),  # a mediator without one
            (["north", "south"], ["host"], ["third-party"]),
            (["north", "host"], [], ["visit"]),  # south visits north
        ],
    )
    def test_third_party_is_a_host_or_mediator_away_from_the_table(
        self, hosts: list[str], mediators: list[str], mode: list[str] | None
    ) -> None:
        """`third-party` only when a host or mediator sent no delegation."""
        talks = Negotiation(
            id="t",
            title="Talks",
            parties=[
                party("north", "North"),
                party("south", "South"),
                party("host", "Host"),
            ],
            rounds=[
                Round(
                    number=1,
                    status="held",
                    starts=DAY,
                    hosts=hosts,
                    mediators=mediators,
                    delegations=[Delegation(party="north"), Delegation(party="south")],
                )
            ],
        )
        (record,) = to_plover(talks)
        check_plover(record)
        assert record.get("mode") == mode

    def test_round_outcomes(self, coded: Any) -> None:
        records, skipped = coded
        ceasefire = by_id(records)["rounds/1.outcomes[0]"]
        assert ceasefire["event"] == ["AGREE"]
        assert ceasefire["comment"] == "Round 1: Ceasefire"
        assert [c["citation"] for c in ceasefire["cite_info"]] == ["wire", "paper"]
        reasons = [s.reason for s in skipped if s.reason.startswith("outcome ")]
        assert reasons == [
            "outcome 2 of round 1 (statement): not an agreement PLOVER codes",
            "outcome 3 of round 1 (agreement): no party is named",
        ]

    def test_rounds_left_out(self, coded: Any) -> None:
        reasons = {s.reason for s in coded[1]}
        assert "no acting party is named (round-held)" in reasons

    def test_proposals(self, coded: Any) -> None:
        records = by_id(coded[0])
        demands = records["proposals/demands"]
        assert demands["event"] == ["REQUEST"]
        assert [a["identifier_id"] for a in demands["source"]] == ["Q212", "Q43"]
        assert demands["context"] == ["economic"]
        assert records["proposals/offer"]["event"] == ["AGREE"]
        assert records["proposals/plain"]["event"] == ["AGREE"]
        assert "recipient" not in records["proposals/plain"]

    def test_stances(self, coded: Any) -> None:
        records = by_id(coded[0])
        supports = records["proposals/demands.responses[0]"]
        assert supports["event"] == ["SUPPORT"]
        assert [a["identifier_text"] for a in supports["recipient"]] == [
            "Північ",
            "Türkiye",
        ]
        accepts = records["ultimatums/u.responses[0]"]
        assert accepts["event"] == ["AGREE"]
        rejects = records["conditions/pull-back.positions[0]"]
        assert rejects["event"] == ["REJECT"]
        assert rejects["context"] == ["military"]
        # the statement it cites gives its source
        assert [c["citation"] for c in rejects["cite_info"]] == ["paper"]
        assert rejects["cite_info"][0]["title"] == "Talks, day 2"
        undecided = [s for s in coded[1] if "undecided" in s.reason]
        assert len(undecided) == 2

    def test_status_changes(self, coded: Any) -> None:
        records, skipped = coded
        found = by_id(records)
        assert found["proposals/offer.history[0]"]["event"] == ["REJECT"]
        assert "proposals/demands.history[0]" not in found  # the response says it
        assert any(
            s.reason == "coded from the responses of the parties named" for s in skipped
        )
        cancelled = found["rounds/5.history[1]"]
        assert (cancelled["event"], cancelled["mode"]) == (["REJECT"], ["meet"])
        assert "rounds/6.history[0]" not in found
        signed = found["agreements/accord.history[0]"]
        assert signed["event"] == ["SUPPORT"]
        assert [a["identifier_text"] for a in signed["source"]] == ["Північ", "South"]
        ended = found["agreements/accord.history[2]"]
        assert (ended["event"], ended["mode"]) == (["SANCTION"], ["discontinue"])
        assert [a["identifier_text"] for a in ended["recipient"]] == ["Північ"]
        assert "agreements/solo.history[2]" not in found  # no one to sanction
        assert any(
            s.reason.startswith("PLOVER needs a recipient for SANCTION")
            for s in skipped
        )

    @pytest.mark.parametrize(
        ("change", "stances", "event_type"),
        [
            ("accepted", ["accepts", "supports"], "AGREE"),
            ("rejected", ["rejects", "opposes"], "REJECT"),
        ],
    )
    def test_a_change_codes_only_the_parties_with_no_response_saying_so(
        self, change: str, stances: list[str], event_type: str
    ) -> None:
        """
        A proposal accepted (or rejected) by three parties, two of which said
        so in a response (one accepts, one supports; one rejects, one
        opposes): the change is coded for the third only, under its own id,
        and no party has two events for one act.  The other events keep
        their ids; with all three responding, the change is left out.
        """
        undecided = Response(party="by", on=DAY.add(days=1), stance="undecided")
        proposal = Proposal(
            id="p",
            proposed_by=["ua"],
            addressed_to=["ru", "by", "kz"],
            made_on=DAY,
            summary="Talks",
            responses=[
                Response(party="ru", on=DAY.add(days=1), stance=stances[0]),
                undecided,  # says nothing either way: by is coded from the change
                Response(party="kz", on=DAY.add(days=2), stance=stances[1]),
            ],
            history=[
                StatusChange(status="pending", on=DAY),
                StatusChange(status=change, on=DAY.add(days=3), by=["ru", "by", "kz"]),
            ],
        )
        talks = Negotiation(
            id="every",
            title="T",
            parties=[
                party("ua", "Ukraine"),
                party("ru", "Russia"),
                party("by", "Belarus"),
                party("kz", "Kazakhstan"),
            ],
            proposals=[proposal],
        )
        records = to_plover(talks)
        for record in records:
            check_plover(record)
        found = by_id(records)
        assert list(found) == [
            "proposals/p",
            "proposals/p.responses[0]",
            "proposals/p.responses[2]",
            "proposals/p.history[1]",
        ]
        coded = found["proposals/p.history[1]"]
        assert coded["event"] == [event_type]
        assert [a["identifier_id"] for a in coded["source"]] == ["by"]
        assert [a["identifier_id"] for a in coded["recipient"]] == ["ua"]
        acts = collections.Counter(
            (a["identifier_id"], tuple(r["event"]))
            for r in records
            if r["id"] != "every:proposals/p"
            for a in r["source"]
        )
        assert set(acts.values()) == {1}
        # every party named has said so in a response: nothing from the change
        answered = attrs.evolve(
            proposal,
            responses=[
                *proposal.responses,
                Response(party="by", on=DAY.add(days=2), stance=stances[0]),
            ],
        )
        again = by_id(to_plover(attrs.evolve(talks, proposals=[answered])))
        assert "proposals/p.history[1]" not in again
        assert {k: v for k, v in again.items() if k != "proposals/p.responses[3]"} == {
            k: v for k, v in found.items() if k != "proposals/p.history[1]"
        }

    def test_a_response_left_out_does_not_take_the_changes_place(self) -> None:
        """
        Russia's acceptance dated only to July (no PLOVER event: no day) and
        the proposal accepted by Russia on 5 August: the change is Russia's
        AGREE, not left out as "coded from the responses".
        """
        talks = Negotiation(
            id="every",
            title="T",
            parties=[party("ua", "Ukraine"), party("ru", "Russia")],
            proposals=[
                Proposal(
                    id="p",
                    proposed_by=["ua"],
                    addressed_to=["ru"],
                    made_on=pendulum.date(2025, 7, 1),
                    summary="Talks",
                    responses=[
                        Response(party="ru", on=PartialDate(2025, 7), stance="accepts")
                    ],
                    history=[
                        StatusChange(
                            status="accepted", on=pendulum.date(2025, 8, 5), by=["ru"]
                        )
                    ],
                )
            ],
        )
        found = by_id(to_plover(talks))
        assert list(found) == ["proposals/p", "proposals/p.history[0]"]
        accepted = found["proposals/p.history[0]"]
        assert (accepted["date"], accepted["event"]) == ("2025-08-05", ["AGREE"])
        assert [a["identifier_id"] for a in accepted["source"]] == ["ru"]
        assert [s.reason for s in plover_skipped(talks)] == [
            "dated only to 2025-07: PLOVER needs a day (YYYY-MM-DD), and none is guessed"
        ]

    @staticmethod
    def _accepted_then_answered(change_on: Moment, answer_on: Moment) -> Negotiation:
        """Ukraine's proposal accepted by Russia, and Russia's response saying so."""
        proposal = Proposal(
            id="p",
            proposed_by=["ua"],
            addressed_to=["ru"],
            made_on=pendulum.date(2025, 5, 1),
            summary="A prisoner exchange",
        )
        proposal = proposal.accept(on=change_on, by=["ru"])
        proposal = proposal.respond("ru", on=answer_on, stance="accepts")
        return Negotiation(
            id="every",
            title="T",
            parties=[party("ua", "Ukraine"), party("ru", "Russia")],
            proposals=[proposal],
        )

    def test_an_acceptance_answered_later_is_the_changes_event(self) -> None:
        """
        Accepted on 4 May, Russia's formal answer dated 10 May: the act is
        the change's, on 4 May, in the whole record and as of any day (so
        exports of different days merge into one AGREE); the response is
        left out, naming the change.
        """
        talks = self._accepted_then_answered(
            pendulum.date(2025, 5, 4), pendulum.date(2025, 5, 10)
        )
        whole = by_id(to_plover(talks))
        assert list(whole) == ["proposals/p", "proposals/p.history[0]"]
        assert whole["proposals/p.history[0]"]["date"] == "2025-05-04"
        for day in (4, 6, 10, 11):
            assert by_id(to_plover(talks, at=pendulum.date(2025, 5, day))) == whole
        assert [s.reason for s in plover_skipped(talks)] == [
            "coded from the proposal's change of status to 'accepted' on "
            "2025-05-04, known before"
        ]

    def test_the_first_known_of_a_day_and_a_time_that_day_codes_it(self) -> None:
        """
        The change dated 4 May (known from 00:00 UTC), the answer at 10:00
        UTC that day: the change is known first and codes the act, at 05:00
        as in the whole record.  The other way round, the response does.
        """
        day = pendulum.date(2025, 5, 4)
        ten = pendulum.datetime(2025, 5, 4, 10, tz="UTC")
        five = pendulum.datetime(2025, 5, 4, 5, tz="UTC")
        talks = self._accepted_then_answered(day, ten)
        assert list(by_id(to_plover(talks))) == [
            "proposals/p",
            "proposals/p.history[0]",
        ]
        assert by_id(to_plover(talks, at=five)) == by_id(to_plover(talks))
        talks = self._accepted_then_answered(ten, day)
        assert list(by_id(to_plover(talks))) == [
            "proposals/p",
            "proposals/p.responses[0]",
        ]
        assert by_id(to_plover(talks, at=five)) == by_id(to_plover(talks))

    def test_ultimatum_modes_and_context(self, coded: Any) -> None:
        threat = by_id(coded[0])["ultimatums/u"]
        assert threat["event"] == ["THREATEN"]
        assert threat["mode"] == ["violence", "relations"]
        assert threat["context"] == ["diplomatic"]

    def test_votes(self, coded: Any) -> None:
        records, skipped = coded
        found = by_id(records)
        assert found["votes/v1"]["event"] == ["SUPPORT"]
        assert found["votes/v2"]["event"] == ["REJECT"]
        reasons = {s.reason for s in skipped}
        assert "the voting body (Council) is not one of the parties" in reasons
        assert (
            "the vote names no subject: what passing it means is not known" in reasons
        )

    def test_actions(self, coded: Any) -> None:
        records, skipped = coded
        found = by_id(records)
        strike = found["actions/a1"]
        assert (strike["event"], strike["mode"]) == (["PROTEST"], ["strike"])
        assert strike["enddate"] == "2025-03-13"
        swap = found["actions/a2"]
        assert swap["event"] == ["RETREAT"]
        assert "mode" not in swap  # "prisoner swap" is not a PLOVER mode...
        assert "prisoner swap" in swap["comment"]  # ...and is kept in the comment
        assert "actions/a3" not in found
        assert any(
            s.reason.startswith("PLOVER needs a recipient for AID") for s in skipped
        )
        assert "actions/a4" not in found  # dated only to March 2025

    @pytest.mark.parametrize(
        ("kind", "given", "coded"),
        [
            ("assault", "Explosives", ["explosives"]),
            ("assault", " SIDEAB ", ["sideAB"]),
            ("protest", "Hunger", ["hunger"]),
            ("assault", "drones", None),
        ],
    )
    def test_an_actions_mode_is_matched_whatever_its_case(
        self, kind: str, given: str, coded: list[str] | None
    ) -> None:
        """A mode written with capitals or spaces around is the PLOVER mode it
        names (``Explosives`` was dropped); one PLOVER does not list is left
        out of ``mode`` and kept in the comment."""
        talks = Negotiation(
            id="t",
            title="T",
            parties=[party("a", "A"), party("b", "B")],
            actions=[
                Action(
                    id="x",
                    kind=kind,
                    by=["a"],
                    toward=["b"],
                    on=DAY,
                    summary="Strike",
                    mode=given,
                )
            ],
        )
        (record,) = to_plover(talks)
        assert record.get("mode") == coded
        assert given.strip() in record["comment"]

    def test_actors_without_wikidata_or_country(self, coded: Any) -> None:
        swap = by_id(coded[0])["actions/a2"]
        assert swap["source"] == [
            {"identifier_id": "south", "identifier_text": "South"}
        ]

    def test_nothing_is_dropped_unseen(self) -> None:
        """Every timeline event gives a record or a reason (outcomes aside)."""
        talks = every_kind()
        assert_accounted(talks)

    def test_unicode_in_json_lines(self) -> None:
        out = io.StringIO()
        write_plover(every_kind(), out)
        assert "Північ" in out.getvalue()
        assert "Türkiye" in out.getvalue()


def assert_accounted(talks: Negotiation) -> None:
    records = to_plover(talks)
    skipped = plover_skipped(talks)
    covered = collections.Counter(
        r["comment"] for r in records if ".outcomes[" not in r["id"]
    ) + collections.Counter(
        s.event.summary for s in skipped if not s.reason.startswith("outcome ")
    )
    assert covered == collections.Counter(e.summary for e in talks.timeline())


class TestMidnightElsewhere:
    def test_the_day_is_the_zones(self) -> None:
        """00:30 in Kyiv on 14 July is 13 July in UTC: PLOVER's date is 14 July."""
        talks = Negotiation(
            id="t",
            title="T",
            parties=[party("a", "A"), party("b", "B")],
            actions=[
                Action(
                    id="x",
                    kind="consult",
                    by=["a"],
                    toward=["b"],
                    on=pendulum.datetime(2025, 7, 14, 0, 30, tz="Europe/Kyiv"),
                    summary="Call",
                    mode="phone",
                )
            ],
        )
        (record,) = to_plover(talks)
        assert (record["date"], record["time"]) == ("2025-07-14", "00:30:00+03:00")
        assert record["mode"] == ["phone"]


class TestJsonLines:
    def test_path_text_and_binary(self, tmp_path: Path) -> None:
        talks = seed_record()
        expected = "".join(
            json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n"
            for r in to_plover(talks)
        )
        path = tmp_path / "events.jsonl"
        assert write_plover([talks], path) == 10
        assert path.read_text(encoding="utf-8") == expected
        text = io.StringIO()
        assert write_plover(talks, text) == 10
        assert text.getvalue() == expected
        binary = io.BytesIO()
        other = attrs.evolve(talks, id="other-talks")
        assert write_plover(iter([talks, other]), binary) == 20
        assert binary.getvalue() == (
            expected
            + expected.replace('russia-ukraine-2025"', 'other-talks"').replace(
                '"russia-ukraine-2025:', '"other-talks:'
            )
        ).encode("utf-8")

    def test_a_binary_file_that_is_not_an_io_object(self) -> None:
        """A file-like object is binary when its mode says so."""

        class Sink:
            mode = "wb"

            def __init__(self) -> None:
                self.chunks: list[bytes] = []

            def write(self, data: bytes) -> int:
                self.chunks.append(data)
                return len(data)

        sink = Sink()
        assert write_plover(seed_record(), sink) == 10
        assert all(isinstance(chunk, bytes) for chunk in sink.chunks)

    def test_a_codecs_file_takes_text(self, tmp_path: Path) -> None:
        """codecs.open's mode says "wb", but it encodes what it is given (it
        failed with "utf_8_encode() argument 1 must be str, not bytes")."""
        with codecs.open(str(tmp_path / "events.jsonl"), "w", encoding="utf-8") as out:
            assert write_plover(seed_record(), out) == 10
        text = io.StringIO()
        write_plover(seed_record(), text)
        assert (tmp_path / "events.jsonl").read_text(
            encoding="utf-8"
        ) == text.getvalue()

    @pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252", "utf-8-sig"])
    def test_a_text_file_in_another_encoding_is_refused(
        self, tmp_path: Path, encoding: str
    ) -> None:
        """The lines are UTF-8: a text file in another encoding (which would
        hold "Türkiye" as Latin-1, fail half-way on "Україна", or start with
        a byte-order mark) is refused at ``file`` before anything is
        written, as write_jsonl refuses it."""
        path = tmp_path / "events.jsonl"
        with (
            path.open("w", encoding=encoding) as out,
            pytest.raises(ValidationError) as exc,
        ):
            write_plover(seed_record(), out)
        assert [where for where, _ in exc.value.errors] == ["file"]
        assert "write_plover() writes UTF-8" in exc.value.errors[0][1]
        assert path.read_bytes() == b""

    def test_a_file_that_says_nothing_is_tried(self) -> None:
        """An object with only a write method that refuses text is given bytes;
        one that takes neither, or no file at all, is a ValidationError."""

        class Sink:
            def __init__(self) -> None:
                self.chunks: list[bytes] = []

            def write(self, data: bytes) -> int:
                self.chunks.append(memoryview(data).tobytes())  # TypeError for str
                return len(data)

        sink = Sink()
        assert write_plover(seed_record(), sink) == 10
        assert len(b"".join(sink.chunks).splitlines()) == 10

        class Refusing:
            def write(self, data: bytes) -> int:
                raise TypeError("read-only")

        with pytest.raises(ValidationError, match=r"^file: its write\(\) takes"):
            write_plover(seed_record(), Refusing())
        with pytest.raises(ValidationError, match=r"^file: must be a path or a file"):
            write_plover(seed_record(), None)  # type: ignore[arg-type]

    def test_streamed(self) -> None:
        """Each negotiation is written before the next one is asked for."""
        out = io.StringIO()
        seen: list[int] = []

        def records() -> Iterator[Negotiation]:
            yield seed_record()
            seen.append(len(out.getvalue().splitlines()))
            yield attrs.evolve(seed_record(), id="other-talks")

        assert write_plover(records(), out) == 20
        assert seen == [10]

    def test_a_repeated_negotiation_id(self) -> None:
        """Two negotiations with one id would give events the same id: refused."""
        talks = seed_record()
        other = attrs.evolve(talks, id="other-talks")
        out = io.StringIO()
        with pytest.raises(ValidationError) as caught:
            write_plover(iter([talks, other, talks]), out)
        assert caught.value.errors == (
            ("[2].id", "negotiation id 'russia-ukraine-2025' is already used by [0]"),
        )
        assert len(out.getvalue().splitlines()) == 20  # the two before it

    def test_not_a_negotiation(self) -> None:
        with pytest.raises(
            ValidationError, match=r"\[1\]: must be a Negotiation, got str"
        ):
            write_plover([seed_record(), "talks"], io.StringIO())  # type: ignore[list-item]
        with pytest.raises(ValidationError, match="must be a Negotiation, got dict"):
            to_plover({})  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="must be a Negotiation"):
            plover_skipped(None)  # type: ignore[arg-type]


class TestDocs:
    def test_the_mapping_table_is_the_constant(self) -> None:
        """docs/plover.md shows every key of PLOVER_EVENT_TYPES with its type."""
        page = (ROOT / "docs" / "plover.md").read_text(encoding="utf-8")
        section = page.split("\n## The mapping\n")[1].split("\n## ")[0]
        rows = re.findall(
            r"^\| `([a-z-]+)` \| [^|]+ \| (\w+) \|", section, re.MULTILINE
        )
        assert (
            "| `action` | an {py:class}`~negotiation_records.Action` | its kind |"
            in section
        )
        assert dict(rows) == dict(PLOVER_EVENT_TYPES)
        assert len(rows) == len(PLOVER_EVENT_TYPES)


def _resolve(talks: Negotiation, ident: str) -> Any:
    """The record an id names (``t:proposals/p.responses[1]``) in *talks*."""
    name, _, rest = ident.split(":", 1)[1].partition("/")
    records = {
        str(r.number if isinstance(r, Round) else r.id): r for r in getattr(talks, name)
    }
    # an id may hold dots ("0.0"): the longest that the rest starts with
    key = max((k for k in records if rest == k or rest.startswith(f"{k}.")), key=len)
    record = records[key]
    for step in rest[len(key) + 1 :].split(".") if rest != key else []:
        name, _, index = step.partition("[")
        record = getattr(record, name)
        if index:
            record = record[int(index[:-1])]
    return record


def _plover_day(moment: Moment) -> str:
    """The day PLOVER is given: local, or in UTC for an offset with seconds."""
    offset = moment.utcoffset() if isinstance(moment, pendulum.DateTime) else None
    if isinstance(moment, pendulum.DateTime) and offset and offset.seconds % 60:
        with contextlib.suppress(OverflowError):  # year 1 east of UTC: as is
            moment = moment.in_timezone(pendulum.UTC)
    return format_moment(moment)[:10]


@settings(max_examples=60, database=None)
@given(nst.negotiations(), st.data())
def test_generated_ids_do_not_depend_on_at(
    talks: Negotiation, data: st.DataObject
) -> None:
    """
    An event's id names the same record at any ``at``: the one in the whole
    record, dated the event's day; and the whole record's event of that id, if
    any, is the same event.
    """
    moments = [event.moment for event in talks.timeline()]
    assume(moments)
    at = data.draw(st.sampled_from(moments))
    whole = {r["id"]: r for r in to_plover(talks)}
    for record in to_plover(talks, at=at):
        dated = _resolve(talks, record["id"])
        if isinstance(dated, (Response, Position, StatusChange)):
            assert dated.on is not None
            assert _plover_day(dated.on) == record["date"]
        same = whole.get(record["id"])
        if same is not None:
            assert (same["date"], same.get("time"), same["source"]) == (
                record["date"],
                record.get("time"),
                record["source"],
            )


@settings(max_examples=40, database=None)
@given(nst.negotiations())
def test_generated_records_are_plover(talks: Negotiation) -> None:
    """Any valid record codes to valid PLOVER records, and nothing goes unseen."""
    records = to_plover(talks)
    for record in records:
        check_plover(record)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    assert_accounted(talks)


class TestWritePloverRefusesWhatToPloverRefuses:
    @pytest.mark.parametrize(
        ("value", "got"),
        [
            (Party(id="a", name="A", kind="state"), "Party"),
            (None, "NoneType"),
            (5, "int"),
            ("talks", "str"),
            ({"id": "t"}, "dict"),
        ],
    )
    def test_not_a_negotiation(self, tmp_path: Path, value: Any, got: str) -> None:
        """A ValidationError at $, as to_plover's, before the file is opened."""
        path = tmp_path / "events.jsonl"
        for target in (io.StringIO(), path):
            with pytest.raises(ValidationError) as caught:
                write_plover(value, target)
            assert list(caught.value.errors) == [
                ("$", f"must be a Negotiation or an iterable of them, got {got}")
            ]
        assert not path.exists()


def _plain_talks() -> Negotiation:
    return Negotiation(
        id="talks",
        title="Talks",
        parties=[Party(id="north", name="North", kind="state")],
    )


def test_write_plover_reports_file_and_at_together() -> None:
    with pytest.raises(ValidationError) as info:
        write_plover(_plain_talks(), 5, at="x")  # type: ignore[arg-type]
    assert [path for path, _ in info.value.errors] == ["file", "at"]


def test_write_plover_reports_every_argument_before_opening_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "out.jsonl"
    with pytest.raises(ValidationError) as info:
        write_plover(5, path, at=pendulum.naive(2025, 1, 1))  # type: ignore[arg-type]
    assert [path for path, _ in info.value.errors] == ["$", "at"]
    assert not path.exists()


def test_write_plover_checks_at_before_writing_any_item() -> None:
    out = io.StringIO()
    with pytest.raises(ValidationError) as info:
        write_plover([_plain_talks(), 5], out, at="x")  # type: ignore[list-item, arg-type]
    assert [path for path, _ in info.value.errors] == ["at"]
    assert out.getvalue() == ""
