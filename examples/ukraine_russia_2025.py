"""
The 2025 Russia–Ukraine talks as a record: the library's main example.

Builds the record described in a news report of 19 July 2025 (Ukraine proposes a
new round of talks "next week"; the US gives Moscow 50 days to agree a ceasefire),
checks it, and prints what a reader of the record wants to know: the parties, where
each side stands, what is pending, when the ultimatum runs out, and the timeline
of every dated event.

Run it with ``python examples/ukraine_russia_2025.py``.
"""

from __future__ import annotations

import pendulum

from negotiation_records import (
    Action,
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
    Quantity,
    Representative,
    Response,
    Round,
    Source,
    Statement,
    StatusChange,
    Ultimatum,
    Window,
)


REPORT_DAY = pendulum.date(2025, 7, 19)
"""The day of the news report (a Saturday; Peskov spoke "on Friday", 18 July)."""


def build_record() -> Negotiation:
    """The seed record: parties, rounds, conditions, proposals, ultimatum, quotes."""
    sources = [
        Source(
            id="tis-2025-07-19",
            publisher="TIS Desk (citing Al Jazeera)",
            title="Ukraine Calls for Renewed Peace Talks with Russia Amid Mounting "
            "Global Pressure",
            published=REPORT_DAY,
        ),
    ]
    cited = ["tis-2025-07-19"]
    parties = [
        Party(
            id="ukraine",
            name="Ukraine",
            kind="state",
            country="UA",
            wikidata="Q212",
            aliases=["Kyiv"],
            representatives=[
                Representative(
                    name="Volodymyr Zelenskyy",
                    role="President of Ukraine",
                ),
                Representative(
                    name="Rustem Umerov",
                    role="Head of the Ukrainian delegation",
                    since=pendulum.date(2025, 5, 16),
                ),
                Representative(
                    name="Rustem Umerov",
                    role="Secretary of the National Security and Defence Council",
                    since=PartialDate(2025, 7),
                ),
            ],
            sources=cited,
        ),
        Party(
            id="russia",
            name="Russia",
            kind="state",
            country="RU",
            wikidata="Q159",
            aliases=["Moscow", "the Kremlin"],
            representatives=[
                Representative(name="Vladimir Putin", role="President of Russia"),
                Representative(name="Dmitry Peskov", role="Kremlin spokesperson"),
                Representative(
                    name="Maria Zakharova", role="Foreign Ministry spokesperson"
                ),
            ],
            sources=cited,
        ),
        Party(
            id="united-states",
            name="United States",
            kind="state",
            role="third-party",
            country="US",
            wikidata="Q30",
            aliases=["Washington"],
            representatives=[
                Representative(
                    name="Donald Trump", role="President of the United States"
                )
            ],
            sources=cited,
        ),
        Party(
            id="turkiye",
            name="Türkiye",
            kind="state",
            role="host",
            country="TR",
            wikidata="Q43",
            aliases=["Turkey", "Turkiye"],
            sources=cited,
        ),
    ]
    rounds = [
        Round(
            number=1,
            status="held",
            starts=pendulum.date(2025, 5, 16),
            location="Istanbul",
            hosts=["turkiye"],
            delegations=[
                Delegation(party="ukraine", head="Rustem Umerov"),
                Delegation(party="russia"),
            ],
            # The report says only "minor agreements on prisoner and body
            # exchanges"; the count and "first direct talks since 2022" are
            # from the wide reporting of 16 May.  A record kept for analysis
            # cites a source that states them (a Source of its own).
            outcomes=[
                Outcome(
                    text="Agreement to exchange 1,000 prisoners each",
                    kind="prisoner-exchange",
                    parties=["ukraine", "russia"],
                    quantity=Quantity(amount=1000, unit="prisoners", each=True),
                ),
            ],
            summary="First direct talks since 2022; no breakthrough",
            sources=cited,
        ),
        Round(
            number=2,
            status="held",
            starts=pendulum.date(2025, 6, 2),
            location="Istanbul",
            hosts=["turkiye"],
            delegations=[
                Delegation(party="ukraine", head="Rustem Umerov"),
                Delegation(party="russia"),
            ],
            outcomes=[
                Outcome(
                    text="Agreement on further prisoner exchanges",
                    kind="prisoner-exchange",
                    parties=["ukraine", "russia"],
                ),
                Outcome(
                    text="Agreement on the return of the bodies of fallen soldiers",
                    kind="remains-exchange",
                    parties=["ukraine", "russia"],
                ),
            ],
            summary="Minor agreements; talks stalled in June",
            sources=cited,
        ),
        Round(
            number=3,
            status="proposed",
            status_on=REPORT_DAY,  # first proposed in the report of 19 July
            window=Window.next_week(of=REPORT_DAY),
            summary="New round proposed by Ukraine",
            sources=cited,
        ),
    ]
    opposed_by_kyiv = [Position(party="ukraine", stance="opposes", on=REPORT_DAY)]
    conditions = [
        Condition(
            id="cede-four-regions",
            text="Ukraine cedes control of the four regions Moscow claims",
            kind="demand",
            demanded_by="russia",
            addressed_to=["ukraine"],
            topics=["territory"],
            positions=opposed_by_kyiv,
            sources=cited,
        ),
        Condition(
            id="reject-western-aid",
            text="Ukraine rejects Western military aid",
            kind="demand",
            demanded_by="russia",
            addressed_to=["ukraine"],
            topics=["military-aid"],
            positions=opposed_by_kyiv,
            sources=cited,
        ),
    ]
    proposals = [
        Proposal(
            id="new-round-invitation",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=REPORT_DAY,
            summary="A new round of talks next week, invitation sent by Rustem Umerov",
            window=Window.next_week(of=REPORT_DAY),
            sources=cited,
        ),
        Proposal(
            id="leaders-meeting",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=REPORT_DAY,
            summary="A meeting of Zelenskyy and Putin at the leadership level",
            terms=[
                Condition(
                    id="ceasefire",
                    text="A ceasefire",
                    kind="offer",
                    demanded_by="ukraine",
                    addressed_to=["russia"],
                    topics=["ceasefire"],
                ),
            ],
            sources=cited,
        ),
    ]
    issued = pendulum.date(2025, 7, 14)
    ultimatums = [
        Ultimatum(
            id="us-ultimatum-2025-07",
            issued_by="united-states",
            addressed_to=["russia"],
            issued_at=issued,
            demand=Condition(
                id="ceasefire-within-50-days",
                text="Reach a ceasefire with Ukraine",
                kind="demand",
                demanded_by="united-states",
                addressed_to=["russia"],
                topics=["ceasefire"],
            ),
            # The report names no zone for "within 50 days": with none given,
            # the deadline ends with 2 September in UTC (20:00 in Washington);
            # pass tz="America/New_York" where a source says whose day it is.
            deadline=Deadline.after(issued, days=50),
            consequences=[
                Consequence(
                    text="100 per cent tariffs",
                    kind="tariff",
                    target_parties=["russia"],
                ),
                Consequence(
                    text="Secondary sanctions on countries that buy Russian oil",
                    kind="secondary-sanction",
                    targets=["countries that purchase Russian oil"],
                ),
            ],
            responses=[
                Response(
                    party="russia",
                    on=PartialDate(2025, 7),
                    stance="rejects",
                    text="Called the ultimatum blackmail",
                    statement="zakharova-blackmail",
                ),
            ],
            sources=cited,
        ),
    ]
    statements = [
        Statement(
            id="zelenskyy-ceasefire",
            speaker="Volodymyr Zelenskyy",
            speaker_role="President of Ukraine",
            party="ukraine",
            said_on=REPORT_DAY,
            text="Everything should be done to achieve a ceasefire.",
            source="tis-2025-07-19",
        ),
        Statement(
            id="zelenskyy-hiding",
            speaker="Volodymyr Zelenskyy",
            speaker_role="President of Ukraine",
            party="ukraine",
            said_on=REPORT_DAY,
            text="The Russian side should stop hiding from decisions.",
            source="tis-2025-07-19",
        ),
        Statement(
            id="zelenskyy-leaders",
            speaker="Volodymyr Zelenskyy",
            speaker_role="President of Ukraine",
            party="ukraine",
            said_on=REPORT_DAY,
            text="A meeting at the leadership level is needed to truly ensure "
            "lasting peace.",
            source="tis-2025-07-19",
        ),
        Statement(
            id="peskov-momentum",
            speaker="Dmitry Peskov",
            speaker_role="Kremlin spokesperson",
            party="russia",
            said_on=pendulum.date(2025, 7, 18),
            text="Moscow agreed with Zelenskyy's call for renewed momentum in "
            "peace efforts.",
            verbatim=False,  # the report paraphrases him
            source="tis-2025-07-19",
        ),
        Statement(
            id="zakharova-blackmail",
            speaker="Maria Zakharova",
            speaker_role="Foreign Ministry spokesperson",
            party="russia",
            said_on=PartialDate(2025, 7),
            text="Washington's move is blackmail, designed to push Ukraine away "
            "from dialogue and toward prolonged conflict.",
            verbatim=False,  # the report quotes one word of it, "blackmail"
            source="tis-2025-07-19",
        ),
    ]
    return Negotiation(
        id="russia-ukraine-2025",
        title="Russia–Ukraine peace talks, 2025",
        parties=parties,
        conditions=conditions,
        rounds=rounds,
        proposals=proposals,
        ultimatums=ultimatums,
        statements=statements,
        actions=[
            Action(
                id="us-arms-pledge",
                kind="aid",
                mode="pledge",
                by=["united-states"],
                toward=["ukraine"],
                on=PartialDate(2025, 7),  # "this week", in a report of 19 July
                summary="Pledged increased arms support to Ukraine",
                sources=cited,
            ),
        ],
        sources=sources,
        history=[
            StatusChange(status="stalled", on=PartialDate(2025, 6), sources=cited),
        ],
        notes="Talks stalled in June 2025; Russia had not officially responded "
        "to the new invitation by 19 July.",
    )


def main() -> None:
    """Build the record and print a reader's summary of it."""
    talks = build_record()
    at = pendulum.datetime(2025, 7, 20, 12, tz="Europe/Kyiv")
    print(f"{talks.title} — {talks.status.value}")
    print("Parties:", ", ".join(p.name for p in talks.parties))
    for rnd in talks.rounds:
        when = rnd.starts or rnd.window
        print(f"Round {rnd.number} ({rnd.status.value}): {when}, {rnd.location or '-'}")
        for outcome in rnd.outcomes:
            print(f"  outcome: {outcome.text}")
    for condition in talks.conditions:
        stance = condition.stance_of("ukraine")
        print(
            f"Russia demands: {condition.text} — Ukraine {stance.value if stance else '?'}"
        )
    for proposal in talks.proposals:
        print(f"Proposal {proposal.id}: {proposal.summary} [{proposal.status.value}]")
    ultimatum = talks.ultimatum("us-ultimatum-2025-07")
    deadline = ultimatum.deadline
    print(
        f"Ultimatum {ultimatum.id}: due {deadline.due} "
        f"({deadline.describe(at=at)} as of {at.to_date_string()})"
    )
    print("Timeline:")
    for event in talks.timeline():
        print(f"  {event}")


if __name__ == "__main__":
    main()
