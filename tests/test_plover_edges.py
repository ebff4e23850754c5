"""
PLOVER export: behaviour the mutation review of ``plover.py`` and
``_plover_answers.py`` found untested.

Each test names the mutant(s) it kills (``plover.py:<line> <mutation>``);
the worked examples follow the 2025 talks between Russia, Ukraine, the United
States and Türkiye (days and parties as reported; the records are shortened).
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum
import pytest

from negotiation_records import (
    Action,
    Agreement,
    Alternative,
    Condition,
    Consequence,
    Deadline,
    Delegation,
    Milestone,
    Negotiation,
    Party,
    Phase,
    Proposal,
    Response,
    Round,
    Source,
    Statement,
    StatusChange,
    Ultimatum,
    plover_skipped,
    to_plover,
)


def party(ident: str, name: str, country: str, qid: str) -> Party:
    return Party(id=ident, name=name, kind="state", country=country, wikidata=qid)


UKRAINE = party("ukraine", "Ukraine", "UA", "Q212")
RUSSIA = party("russia", "Russia", "RU", "Q159")
USA = party("usa", "United States", "US", "Q30")
TURKIYE = party("turkiye", "Türkiye", "TR", "Q43")
PARTIES = [UKRAINE, RUSSIA, USA, TURKIYE]


def talks(**records: Any) -> Negotiation:
    return Negotiation(id="talks", title="Talks", parties=PARTIES, **records)


def only(negotiation: Negotiation) -> dict[str, Any]:
    (record,) = to_plover(negotiation)
    return record


def names(actors: list[dict[str, str]]) -> list[str]:
    return [actor["identifier_text"] for actor in actors]


# --- ultimatums: the THREATEN mode of each kind of consequence ----------------------


@pytest.mark.parametrize(
    ("kind", "mode"),
    [
        ("tariff", ["restrict"]),
        ("sanction", ["restrict"]),
        ("secondary-sanction", ["restrict"]),
        ("legal", None),
        ("other", None),
    ],
)
def test_a_threat_of_tariffs_or_sanctions_is_restrict(
    kind: str, mode: list[str] | None
) -> None:
    """
    The US ultimatum of 14 July 2025: a ceasefire within 50 days, or
    "secondary tariffs" on the buyers of Russian oil.  Tariffs and sanctions,
    secondary or not, threaten to restrict the movement of goods (THREATEN
    ``restrict``); a legal or other consequence has no PLOVER mode.

    Kills plover.py:319 drop dict entry 0 (TARIFF), 1 (SANCTION) and
    2 (SECONDARY_SANCTION) of PLOVER_THREAT_MODES.
    """
    issued = pendulum.date(2025, 7, 14)
    threat = only(
        talks(
            ultimatums=[
                Ultimatum(
                    id="us-ultimatum",
                    issued_by="usa",
                    addressed_to=["russia"],
                    issued_at=issued,
                    demand="Reach a ceasefire with Ukraine",
                    deadline=Deadline.after(issued, days=50),
                    consequences=[Consequence(text="Secondary tariffs", kind=kind)],
                )
            ]
        )
    )
    assert threat["event"] == ["THREATEN"]
    assert (names(threat["source"]), names(threat["recipient"])) == (
        ["United States"],
        ["Russia"],
    )
    assert threat.get("mode") == mode


# --- agreements: initialled, signed and ratified are SUPPORT ------------------------


def test_an_agreement_initialled_signed_and_ratified_is_support() -> None:
    """
    The US–Ukraine minerals agreement: initialled by both, signed by both
    on 30 April 2025 (the signatories acting), ratified by Ukraine's
    parliament on 8 May 2025 (Ukraine named in the change).  Each step is a
    SUPPORT event ("ratify, sign, or finalize an agreement"), of the parties
    named in the change, else of the signatories.

    Kills plover.py:335 drop elt 0 (INITIALLED) and drop elt 2 (RATIFIED) of
    _AGREEMENT_SIGNED.
    """
    negotiation = talks(
        agreements=[
            Agreement(
                id="minerals",
                title="Reconstruction Investment Fund",
                stage="framework",
                signatories=["usa", "ukraine"],
                history=[
                    StatusChange(status="initialled", on=pendulum.date(2025, 4, 17)),
                    StatusChange(status="signed", on=pendulum.date(2025, 4, 30)),
                    StatusChange(
                        status="ratified", on=pendulum.date(2025, 5, 8), by=["ukraine"]
                    ),
                ],
            )
        ]
    )
    records = to_plover(negotiation)
    assert [
        (r["id"], r["date"], r["event"], names(r["source"]), "recipient" in r)
        for r in records
    ] == [
        (
            "talks:agreements/minerals.history[0]",
            "2025-04-17",
            ["SUPPORT"],
            ["United States", "Ukraine"],
            False,
        ),
        (
            "talks:agreements/minerals.history[1]",
            "2025-04-30",
            ["SUPPORT"],
            ["United States", "Ukraine"],
            False,
        ),
        (
            "talks:agreements/minerals.history[2]",
            "2025-05-08",
            ["SUPPORT"],
            ["Ukraine"],
            False,
        ),
    ]
    assert plover_skipped(negotiation) == []


def test_the_terms_of_a_signed_agreement_give_its_context() -> None:
    """
    The topics of an agreement's provisions that are PLOVER contexts are the
    context of its SUPPORT event (``territory`` is not one).

    Kills plover.py:754 drop kw context (agreement-signed).
    """
    signed = only(
        talks(
            agreements=[
                Agreement(
                    id="black-sea",
                    title="Black Sea arrangement",
                    stage="framework",
                    signatories=["usa", "ukraine"],
                    provisions=[
                        Condition(
                            id="safe-navigation",
                            text="Safe navigation in the Black Sea",
                            topics=["military", "territory", "economic"],
                        )
                    ],
                    history=[
                        StatusChange(status="signed", on=pendulum.date(2025, 3, 25))
                    ],
                )
            ]
        )
    )
    assert (signed["event"], signed["context"]) == (
        ["SUPPORT"],
        ["military", "economic"],
    )


# --- what is left out: other status changes -----------------------------------------


def test_a_round_scheduled_or_postponed_and_an_agreement_in_force_are_no_acts() -> None:
    """
    Only a round's cancellation is an act (REJECT ``meet``); its being
    scheduled or postponed is not, nor is an agreement entering into force.

    Kills plover.py:749 drop operand 1 of And (any change of a round's status
    coded as REJECT); also plover.py:753 drop operand 1 of And (an
    agreement's entry into force coded as SUPPORT), which the suite kills
    already.
    """
    negotiation = talks(
        rounds=[
            Round(
                number=3,
                starts=pendulum.date(2025, 7, 23),
                location="Istanbul",
                history=[
                    StatusChange(status="scheduled", on=pendulum.date(2025, 7, 21)),
                    StatusChange(status="postponed", on=pendulum.date(2025, 7, 22)),
                ],
            )
        ],
        agreements=[
            Agreement(
                id="exchange",
                title="Prisoner exchange",
                stage="framework",
                signatories=["russia", "ukraine"],
                history=[
                    StatusChange(status="signed", on=pendulum.date(2025, 6, 2)),
                    StatusChange(status="in-force", on=pendulum.date(2025, 6, 9)),
                ],
            )
        ],
    )
    assert [r["id"] for r in to_plover(negotiation)] == [
        "talks:agreements/exchange.history[0]"
    ]
    reasons = [s.reason for s in plover_skipped(negotiation)]
    assert "a change of status to 'scheduled' is not an act PLOVER codes" in reasons
    assert "a change of status to 'postponed' is not an act PLOVER codes" in reasons
    assert "a change of status to 'in-force' is not an act PLOVER codes" in reasons


def test_a_proposal_accepted_by_no_one_named_has_no_acting_party() -> None:
    """
    A proposal accepted, by parties the change does not name: no event, and
    the reason says no acting party is named (not that responses code it).

    Kills plover.py:743 drop operand 0 of And (``change.by and not acting``).
    """
    negotiation = talks(
        proposals=[
            Proposal(
                id="exchange-1000",
                proposed_by=["ukraine"],
                addressed_to=["russia"],
                made_on=pendulum.date(2025, 5, 16),
                summary="Exchange 1,000 prisoners for 1,000",
                history=[
                    StatusChange(status="accepted", on=pendulum.date(2025, 5, 16))
                ],
            )
        ]
    )
    assert [r["id"] for r in to_plover(negotiation)] == [
        "talks:proposals/exchange-1000"
    ]
    assert [s.reason for s in plover_skipped(negotiation)] == [
        "no acting party is named (proposal-accepted)"
    ]


# --- proposals with mixed terms ----------------------------------------------------


def test_a_proposal_with_a_demand_and_an_offer_is_agree() -> None:
    """
    Only a proposal whose terms are *all* demands or preconditions is a
    REQUEST: Russia's memorandum with its demands and an offered two- to
    three-day ceasefire to collect the dead is an offer (AGREE).

    The proposal cites its own source.

    Kills plover.py:665 all->any and plover.py:668 drop kw cites (proposal).
    """
    record = only(
        talks(
            sources=[Source(id="tass", publisher="TASS")],
            proposals=[
                Proposal(
                    id="memorandum",
                    proposed_by=["russia"],
                    addressed_to=["ukraine"],
                    made_on=pendulum.date(2025, 6, 2),
                    summary="Russia's memorandum",
                    terms=[
                        Condition(id="neutrality", text="Neutrality", kind="demand"),
                        Condition(
                            id="pause",
                            text="A ceasefire of two to three days",
                            kind="offer",
                            topics=["military"],
                        ),
                    ],
                    sources=["tass"],
                )
            ],
        )
    )
    assert (record["event"], record["context"]) == (["AGREE"], ["military"])
    assert (names(record["source"]), names(record["recipient"])) == (
        ["Russia"],
        ["Ukraine"],
    )
    assert record["cite_info"] == [{"citation": "tass", "publication": "TASS"}]


# --- citations ----------------------------------------------------------------------


def test_an_answer_cites_the_sources_of_the_statement_it_quotes() -> None:
    """
    A response with sources of its own that quotes a statement cites the
    statement's ``source`` and ``sources`` too, after its own, each once.

    Kills plover.py:598 delete Expr (``found.extend(statement.sources)``);
    also plover.py:597 delete Expr, which the suite kills already.
    """
    issued = pendulum.date(2025, 7, 14)
    negotiation = talks(
        sources=[
            Source(id="reuters", publisher="Reuters"),
            Source(id="tass", publisher="TASS", url="https://tass.com/politics"),
            Source(id="interfax", publisher="Interfax", title="Ryabkov on ultimatums"),
        ],
        statements=[
            Statement(
                id="ryabkov",
                speaker="Sergei Ryabkov",
                party="russia",
                said_on=pendulum.date(2025, 7, 15),
                text="Any attempts to make demands, especially ultimatums, are "
                "unacceptable to us.",
                source="tass",
                sources=["interfax", "reuters"],
            )
        ],
        ultimatums=[
            Ultimatum(
                id="us-ultimatum",
                issued_by="usa",
                addressed_to=["russia"],
                issued_at=issued,
                demand="Reach a ceasefire with Ukraine",
                deadline=Deadline.after(issued, days=50),
                responses=[
                    Response(
                        party="russia",
                        on=pendulum.date(2025, 7, 15),
                        stance="rejects",
                        statement="ryabkov",
                        sources=["reuters"],
                    )
                ],
            )
        ],
    )
    (answer,) = [r for r in to_plover(negotiation) if ".responses[" in r["id"]]
    assert answer["event"] == ["REJECT"]
    assert answer["cite_info"] == [
        {"citation": "reuters", "publication": "Reuters"},
        {"citation": "tass", "url": "https://tass.com/politics", "publication": "TASS"},
        {
            "citation": "interfax",
            "title": "Ryabkov on ultimatums",
            "publication": "Interfax",
        },
    ]


def test_a_change_of_status_cites_its_own_sources() -> None:
    """
    A proposal accepted and a round cancelled cite the change's own sources
    (before those of the record the change belongs to).

    Kills plover.py:748 drop kw cites (proposal-accepted) and plover.py:750
    drop kw cites (round-cancelled).
    """
    negotiation = talks(
        sources=[
            Source(id="ukrinform", publisher="Ukrinform"),
            Source(id="ria", publisher="RIA Novosti"),
        ],
        proposals=[
            Proposal(
                id="bodies",
                proposed_by=["russia"],
                addressed_to=["ukraine"],
                made_on=pendulum.date(2025, 6, 2),
                summary="Return 6,000 bodies",
                history=[
                    StatusChange(
                        status="accepted",
                        on=pendulum.date(2025, 6, 3),
                        by=["ukraine"],
                        sources=["ukrinform"],
                    )
                ],
            )
        ],
        rounds=[
            Round(
                number=4,
                starts=pendulum.date(2025, 8, 20),
                history=[
                    StatusChange(
                        status="cancelled",
                        on=pendulum.date(2025, 8, 10),
                        by=["russia"],
                        sources=["ria"],
                    )
                ],
            )
        ],
    )
    found = {r["id"]: r for r in to_plover(negotiation)}
    accepted = found["talks:proposals/bodies.history[0]"]
    assert (accepted["event"], names(accepted["source"])) == (["AGREE"], ["Ukraine"])
    assert [c["citation"] for c in accepted["cite_info"]] == ["ukrinform"]
    cancelled = found["talks:rounds/4.history[0]"]
    assert (cancelled["event"], cancelled["mode"]) == (["REJECT"], ["meet"])
    assert [c["citation"] for c in cancelled["cite_info"]] == ["ria"]


def test_a_held_round_cites_its_sources() -> None:
    """
    The first Istanbul round, 16 May 2025, hosted by Türkiye (a party
    without a delegation): CONSULT ``third-party``, citing the round's source.

    Kills plover.py:629 drop kw cites (round-held).
    """
    record = only(
        talks(
            sources=[
                Source(
                    id="aa",
                    publisher="Anadolu Agency",
                    url="https://www.aa.com.tr/en",
                )
            ],
            rounds=[
                Round(
                    number=1,
                    status="held",
                    starts=pendulum.date(2025, 5, 16),
                    location="Istanbul",
                    hosts=["turkiye"],
                    delegations=[
                        Delegation(party="ukraine"),
                        Delegation(party="russia"),
                    ],
                    sources=["aa"],
                )
            ],
        )
    )
    assert (record["event"], record["mode"]) == (["CONSULT"], ["third-party"])
    assert names(record["source"]) == ["Ukraine", "Russia"]
    assert "recipient" not in record
    assert record["event_loc"] == {"name": "Istanbul"}
    assert record["cite_info"] == [
        {
            "citation": "aa",
            "url": "https://www.aa.com.tr/en",
            "publication": "Anadolu Agency",
        }
    ]


def test_an_answer_to_an_ultimatum_is_directed_at_its_issuer() -> None:
    """
    Russia rejects the US ultimatum on 15 July 2025: REJECT, Russia towards
    the United States, the issuer.

    Kills plover.py:712 drop elt 0 of Tuple (``(subject.issued_by,)``).
    """
    issued = pendulum.date(2025, 7, 14)
    negotiation = talks(
        ultimatums=[
            Ultimatum(
                id="us-ultimatum",
                issued_by="usa",
                addressed_to=["russia"],
                issued_at=issued,
                demand="Reach a ceasefire with Ukraine",
                deadline=Deadline.after(issued, days=50),
                responses=[
                    Response(
                        party="russia", on=pendulum.date(2025, 7, 15), stance="rejects"
                    )
                ],
            )
        ]
    )
    (answer,) = [r for r in to_plover(negotiation) if ".responses[" in r["id"]]
    assert answer["id"] == "talks:ultimatums/us-ultimatum.responses[0]"
    assert answer["event"] == ["REJECT"]
    assert (names(answer["source"]), names(answer["recipient"])) == (
        ["Russia"],
        ["United States"],
    )


# --- dates and places in the record -------------------------------------------------


def test_a_timed_end_of_a_round_dated_to_a_day_keeps_its_own_zone() -> None:
    """
    The second Istanbul round, dated 2 June 2025 (no time), ended at 17:30
    in Istanbul: the end is written in its own zone (``enddate``
    2025-06-02, ``endtime`` 17:30:00+03:00), not the zone of the computer
    (the tests run in Pacific/Chatham, where it is already 3 June).

    Kills plover.py:443 drop operand 0 of And (a timed end of an untimed
    start read in the local zone).
    """
    record = only(
        talks(
            rounds=[
                Round(
                    number=2,
                    status="held",
                    starts=pendulum.date(2025, 6, 2),
                    ends=pendulum.datetime(2025, 6, 2, 17, 30, tz="Europe/Istanbul"),
                    delegations=[
                        Delegation(party="ukraine"),
                        Delegation(party="russia"),
                    ],
                )
            ]
        )
    )
    assert record["date"] == "2025-06-02"
    assert "time" not in record
    assert (record["enddate"], record["endtime"]) == ("2025-06-02", "17:30:00+03:00")


def test_the_eleventh_record_of_a_list_is_coded_from_itself() -> None:
    """
    Ten prisoner releases, then a drone strike: the eleventh action
    (``actions[10]``) is coded from its own record, not from the second.

    Kills plover.py:408 drop USub (``index[:-1]`` read as ``index[:1]``,
    the first digit of a two-digit position).
    """
    releases = [
        Action(
            id=f"release-{n}",
            kind="retreat",
            by=["russia"],
            toward=["ukraine"],
            on=pendulum.date(2025, 5, 23).add(days=n),
            mode="release",
            summary=f"Release {n}",
        )
        for n in range(10)
    ]
    strike = Action(
        id="strike",
        kind="assault",
        by=["russia"],
        toward=["ukraine"],
        on=pendulum.date(2025, 6, 9),
        mode="explosives",
        summary="Drone strike on Kyiv",
    )
    records = to_plover(talks(actions=[*releases, strike]))
    last = records[-1]
    assert last["id"] == "talks:actions/strike"
    assert (last["date"], last["event"], last["mode"]) == (
        "2025-06-09",
        ["ASSAULT"],
        ["explosives"],
    )
    assert [r["event"] for r in records[:-1]] == [["RETREAT"]] * 10


def test_every_kind_that_is_no_act_is_skipped_with_its_reason() -> None:
    """
    The Article 50 clock as one record: a milestone set with a conditional
    deadline, extended once; an agreement due to enter into force, with a
    phase that starts and ends.  Each of those events is left out with the
    reason of its kind, none of them coded.
    """
    day = pendulum.date
    extended = Milestone(
        id="article-50",
        title="Article 50 period ends",
        set_by=["uk"],
        set_on=day(2017, 3, 29),
        deadline=Deadline.on(day(2019, 3, 29), tz="Europe/Brussels"),
    ).revise_deadline(
        Deadline.on(day(2019, 4, 12), tz="Europe/Brussels"), on=day(2019, 3, 22)
    )
    clock = attrs.evolve(
        extended,
        alternatives=[
            Alternative(
                condition="if the Commons approves the deal",
                deadline=Deadline.on(day(2019, 5, 22), tz="Europe/Brussels"),
                stage=1,
                applied=False,
                decided_on=day(2019, 3, 29),
            )
        ],
    )
    deal = Agreement(
        id="withdrawal-agreement",
        title="Withdrawal Agreement",
        stage="comprehensive",
        signatories=["uk", "eu"],
        in_force=Deadline.on(day(2020, 2, 1), tz="Europe/Brussels"),
        phases=[
            Phase(
                name="Transition period",
                starts=day(2020, 2, 1),
                ends=Deadline.on(day(2020, 12, 31), tz="Europe/Brussels"),
            )
        ],
    )
    talks = Negotiation(
        id="brexit",
        title="Brexit",
        parties=[
            Party(id="uk", name="United Kingdom", kind="state"),
            Party(id="eu", name="European Union", kind="organization"),
        ],
        milestones=[clock],
        agreements=[deal],
    )
    reasons = {skip.event.kind.value: skip.reason for skip in plover_skipped(talks)}
    assert reasons == {
        "milestone": "a milestone being set is not an act PLOVER codes",
        "agreement": "an agreement falling due to enter into force is not an act",
        "phase": "a phase of an agreement starting is not an act",
        "deadline-revision": "a deadline revision is not coded (the ultimatum, "
        "milestone or agreement is)",
        "replaced-deadline": "a deadline falling due is not an act",
        "alternative-deadline": "a deadline falling due is not an act",
        "alternative-decided": "which deadline applies is not an act (the vote "
        "or the act that decided it is)",
        "phase-end": "a phase of an agreement ending is not an act",
        "deadline": "a deadline falling due is not an act",
    }
    assert to_plover(talks) == []
