"""
The reference record of the benchmarks: the seed story, scaled up.

The 2025 Russia–Ukraine talks of ``examples/ukraine_russia_2025.py``, grown to the
size the performance targets are stated for: 4 parties, 5 rounds, 6 proposals
with responses, 2 ultimatums with revised deadlines and 10 statements, plus the
conditions and sources they refer to.  Later rounds, proposals and statements
extend the reported story for the sake of size and variety (every kind of moment
appears: dates, months, RFC 9557 datetimes in named zones, UTC and fixed offsets;
deadlines by period and by business days); they are not a historical record.

:func:`build_reference` returns the :class:`~negotiation_records.Negotiation`;
:func:`reference_party` one :class:`~negotiation_records.Party` of it.
"""

from __future__ import annotations

import pendulum

from negotiation_records import (
    Condition,
    Consequence,
    Deadline,
    Delegation,
    Moment,
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
    Ultimatum,
    Window,
)


__all__ = ["build_reference", "reference_party"]

REPORT_DAY = pendulum.date(2025, 7, 19)
ISTANBUL = "Europe/Istanbul"
KYIV = "Europe/Kyiv"
NEW_YORK = "America/New_York"

_FIRST = "tis-2025-07-19"
_SECOND = "wire-2025-07-23"
_THIRD = "wire-2025-07-29"


def reference_party() -> Party:
    """Ukraine as a party: every field set, three representatives."""
    return Party(
        id="ukraine",
        name="Ukraine",
        kind="state",
        country="UA",
        wikidata="Q212",
        aliases=["Kyiv"],
        representatives=[
            Representative(name="Volodymyr Zelenskyy", role="President of Ukraine"),
            Representative(
                name="Rustem Umerov",
                role="Head of the Ukrainian delegation",
                since=pendulum.date(2025, 5, 16),
                until=pendulum.date(2025, 7, 17),
            ),
            Representative(
                name="Rustem Umerov",
                role="Secretary of the National Security and Defence Council",
                since=PartialDate(2025, 7),
            ),
        ],
        sources=[_FIRST],
    )


def _parties() -> list[Party]:
    return [
        reference_party(),
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
                Representative(
                    name="Vladimir Medinsky",
                    role="Head of the Russian delegation",
                    since=pendulum.date(2025, 5, 16),
                ),
            ],
            sources=[_FIRST],
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
            sources=[_FIRST],
        ),
        Party(
            id="turkiye",
            name="Türkiye",
            kind="state",
            role="host",
            country="TR",
            wikidata="Q43",
            aliases=["Turkey", "Turkiye"],
            representatives=[
                Representative(
                    name="Hakan Fidan", role="Minister of Foreign Affairs of Türkiye"
                )
            ],
            sources=[_FIRST],
        ),
    ]


def _rounds() -> list[Round]:
    both = ["ukraine", "russia"]
    return [
        Round(
            number=1,
            status="held",
            starts=pendulum.date(2025, 5, 16),
            location="Istanbul",
            hosts=["turkiye"],
            delegations=[
                Delegation(party="ukraine", head="Rustem Umerov"),
                Delegation(party="russia", head="Vladimir Medinsky"),
            ],
            outcomes=[
                Outcome(
                    text="Agreement to exchange 1,000 prisoners each",
                    kind="prisoner-exchange",
                    parties=both,
                    quantity=Quantity(amount=1000, unit="prisoners", each=True),
                ),
            ],
            summary="First direct talks since 2022; no breakthrough",
            sources=[_FIRST],
        ),
        Round(
            number=2,
            status="held",
            starts=pendulum.date(2025, 6, 2),
            location="Istanbul",
            hosts=["turkiye"],
            delegations=[
                Delegation(party="ukraine", head="Rustem Umerov"),
                Delegation(party="russia", head="Vladimir Medinsky"),
            ],
            outcomes=[
                Outcome(
                    text="Agreement on further prisoner exchanges",
                    kind="prisoner-exchange",
                    parties=both,
                ),
                Outcome(
                    text="Agreement on the return of the bodies of fallen soldiers",
                    kind="remains-exchange",
                    parties=both,
                    quantity=Quantity(amount=6000, unit="bodies"),
                ),
            ],
            summary="Minor agreements; talks stalled in June",
            sources=[_FIRST],
        ),
        Round(
            number=3,
            status="held",
            starts=pendulum.datetime(2025, 7, 23, 19, tz=ISTANBUL),
            ends=pendulum.datetime(2025, 7, 23, 19, 40, tz=ISTANBUL),
            location="Çırağan Palace, Istanbul",
            hosts=["turkiye"],
            mediators=["turkiye"],
            delegations=[
                Delegation(
                    party="ukraine",
                    head="Rustem Umerov",
                    members=["Kyrylo Budanov", "Serhiy Kyslytsya"],
                ),
                Delegation(party="russia", head="Vladimir Medinsky"),
            ],
            outcomes=[
                Outcome(
                    text="Agreement to exchange 1,200 more prisoners each",
                    kind="prisoner-exchange",
                    parties=both,
                    quantity=Quantity(amount=1200, unit="prisoners", each=True),
                ),
            ],
            summary="Forty minutes of talks; positions far apart",
            sources=[_SECOND],
        ),
        Round(
            number=4,
            status="proposed",
            window=Window.next_week(of=pendulum.date(2025, 7, 29)),
            summary="A fourth round of delegations, proposed by Ukraine",
            sources=[_THIRD],
        ),
        Round(
            number=5,
            status="proposed",
            level="leaders",
            window=Window.between(
                pendulum.date(2025, 8, 25),
                pendulum.date(2025, 8, 31),
                label="by the end of August",
            ),
            summary="A meeting of the leaders, proposed by Ukraine",
            sources=[_THIRD],
        ),
    ]


def _conditions() -> list[Condition]:
    opposed = [Position(party="ukraine", stance="opposes", on=REPORT_DAY)]
    return [
        Condition(
            id="cede-four-regions",
            text="Ukraine cedes control of the four regions Moscow claims",
            kind="demand",
            demanded_by="russia",
            addressed_to=["ukraine"],
            topics=["territory"],
            positions=opposed,
            sources=[_FIRST],
        ),
        Condition(
            id="reject-western-aid",
            text="Ukraine rejects Western military aid",
            kind="demand",
            demanded_by="russia",
            addressed_to=["ukraine"],
            topics=["military-aid"],
            positions=opposed,
            sources=[_FIRST],
        ),
        Condition(
            id="no-nato-membership",
            text="Ukraine renounces membership of NATO",
            kind="precondition",
            demanded_by="russia",
            addressed_to=["ukraine"],
            topics=["security", "alliances"],
            positions=[
                Position(
                    party="ukraine",
                    stance="rejects",
                    on=pendulum.date(2025, 7, 23),
                    statement="umerov-istanbul",
                ),
                Position(party="united-states", stance="undecided"),
            ],
            sources=[_SECOND],
        ),
    ]


def _proposals() -> list[Proposal]:
    istanbul_evening = pendulum.datetime(2025, 7, 23, 19, 30, tz=ISTANBUL)
    return [
        Proposal(
            id="new-round-invitation",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=REPORT_DAY,
            summary="A new round of talks next week, invitation sent by Rustem Umerov",
            window=Window.next_week(of=REPORT_DAY),
            responses=[
                Response(
                    party="russia",
                    on=pendulum.date(2025, 7, 21),
                    stance="accepts",
                    text="Moscow confirms its delegation will travel to Istanbul",
                    statement="peskov-delegation",
                ),
            ],
            status="accepted",
            status_on=pendulum.date(2025, 7, 21),
            sources=[_FIRST],
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
            responses=[
                Response(
                    party="russia",
                    on=pendulum.date(2025, 7, 24),
                    stance="rejects",
                    text="A leaders' meeting only to sign final agreements",
                ),
            ],
            status="countered",
            status_on=pendulum.date(2025, 7, 24),
            sources=[_FIRST],
        ),
        Proposal(
            id="working-groups",
            proposed_by="russia",
            addressed_to=["ukraine"],
            made_on=istanbul_evening,
            summary="Three working groups: political, military and humanitarian",
            round=3,
            responses=[
                Response(
                    party="ukraine",
                    on=pendulum.datetime(2025, 7, 23, 21, 10, tz=KYIV),
                    stance="undecided",
                    text="Kyiv will study the proposal",
                ),
            ],
            sources=[_SECOND],
        ),
        Proposal(
            id="humanitarian-pause",
            proposed_by="russia",
            addressed_to=["ukraine"],
            made_on=istanbul_evening,
            summary="Short pauses of 24 to 48 hours to collect the wounded and the dead",
            round=3,
            terms=[
                Condition(
                    id="pause-48-hours",
                    text="A pause of up to 48 hours on parts of the front line",
                    kind="offer",
                    demanded_by="russia",
                    addressed_to=["ukraine"],
                    topics=["ceasefire", "humanitarian"],
                ),
            ],
            responses=[
                Response(
                    party="ukraine",
                    on=pendulum.date(2025, 7, 24),
                    stance="rejects",
                    text="A pause is no substitute for a full ceasefire",
                    statement="zelenskyy-pause",
                ),
            ],
            status="rejected",
            status_on=pendulum.date(2025, 7, 24),
            sources=[_SECOND],
        ),
        Proposal(
            id="prisoner-exchange-1200",
            proposed_by="ukraine",
            addressed_to=["russia"],
            made_on=istanbul_evening,
            summary="Exchange 1,200 more prisoners on each side",
            round=3,
            responses=[
                Response(
                    party="russia",
                    on=pendulum.datetime(2025, 7, 23, 19, 35, tz=ISTANBUL),
                    stance="accepts",
                ),
            ],
            status="accepted",
            status_on=pendulum.datetime(2025, 7, 23, 19, 35, tz=ISTANBUL),
            sources=[_SECOND],
        ),
        Proposal(
            id="signing-summit",
            proposed_by="russia",
            addressed_to=["ukraine"],
            made_on=pendulum.date(2025, 7, 24),
            summary="A meeting of the leaders only to sign final agreements",
            counter_to="leaders-meeting",
            responses=[
                Response(
                    party="ukraine",
                    on=pendulum.datetime(2025, 7, 29, 9, tz=KYIV),
                    stance="rejects",
                    statement="zelenskyy-summit",
                ),
            ],
            status="rejected",
            status_on=pendulum.date(2025, 7, 29),
            sources=[_THIRD],
        ),
    ]


def _ultimatums() -> list[Ultimatum]:
    issued = pendulum.date(2025, 7, 14)
    oil = Ultimatum(
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
        sources=[_FIRST],
    ).revise_deadline(
        Deadline.after(pendulum.date(2025, 7, 29), days=10, tz=NEW_YORK),
        on=pendulum.datetime(2025, 7, 28, 14, 30, tz="UTC"),
        reason="Cut from 50 days to 10 or 12 days",
        statement="trump-ten-days",
        sources=[_THIRD],
    )
    announced = pendulum.datetime(2025, 7, 29, 17, tz=NEW_YORK)
    meeting = Ultimatum(
        id="us-meeting-ultimatum",
        issued_by="united-states",
        addressed_to=["russia"],
        issued_at=announced,
        demand="Agree to a meeting of the leaders",
        deadline=Deadline.after(announced, "PT48H"),
        consequences=[
            Consequence(
                text="Sanctions on Russian banks",
                kind="sanction",
                target_parties=["russia"],
            ),
        ],
        sources=[_THIRD],
    )
    meeting = meeting.revise_deadline(
        Deadline.after_business_days(
            pendulum.date(2025, 7, 31),
            5,
            holidays=[pendulum.date(2025, 8, 4)],
            tz=NEW_YORK,
        ),
        on=pendulum.datetime(2025, 7, 31, 10, tz=NEW_YORK),
        reason="Extended to five business days",
        sources=[_THIRD],
    )
    return [oil, meeting]


def _statements() -> list[Statement]:
    zelenskyy = ("Volodymyr Zelenskyy", "President of Ukraine", "ukraine")
    peskov = ("Dmitry Peskov", "Kremlin spokesperson", "russia")
    medinsky = ("Vladimir Medinsky", "Head of the Russian delegation", "russia")
    quotes: list[tuple[str, tuple[str, str, str], Moment, str, str]] = [
        (
            "zelenskyy-ceasefire",
            zelenskyy,
            REPORT_DAY,
            "Everything should be done to achieve a ceasefire.",
            _FIRST,
        ),
        (
            "zelenskyy-leaders",
            zelenskyy,
            REPORT_DAY,
            "A meeting at the leadership level is needed to truly ensure lasting "
            "peace.",
            _FIRST,
        ),
        (
            "peskov-momentum",
            peskov,
            pendulum.date(2025, 7, 18),
            "Moscow agrees that momentum is needed in the peace efforts.",
            _FIRST,
        ),
        (
            "zakharova-blackmail",
            ("Maria Zakharova", "Foreign Ministry spokesperson", "russia"),
            PartialDate(2025, 7),
            "Washington's ultimatum is blackmail.",
            _FIRST,
        ),
        (
            "peskov-delegation",
            peskov,
            pendulum.datetime(2025, 7, 21, 12, tz="Europe/Moscow"),
            "The delegation will travel to Istanbul.",
            _SECOND,
        ),
        (
            "umerov-istanbul",
            (
                "Rustem Umerov",
                "Secretary of the National Security and Defence Council",
                "ukraine",
            ),
            pendulum.datetime(2025, 7, 23, 20, 15, tz=ISTANBUL),
            "We proposed a meeting of the leaders before the end of August.",
            _SECOND,
        ),
        (
            "medinsky-memoranda",
            medinsky,
            pendulum.DateTime(
                2025, 7, 23, 20, 30, tzinfo=pendulum.FixedTimezone(3 * 3600)
            ),
            "Our positions remain far apart.",
            _SECOND,
        ),
        (
            "zelenskyy-pause",
            zelenskyy,
            pendulum.date(2025, 7, 24),
            "A pause is no substitute for a ceasefire.",
            _SECOND,
        ),
        (
            "trump-ten-days",
            ("Donald Trump", "President of the United States", "united-states"),
            pendulum.datetime(2025, 7, 28, 14, 30, tz="UTC"),
            "I'm going to reduce the 50 days to a lesser number.",
            _THIRD,
        ),
        (
            "zelenskyy-summit",
            zelenskyy,
            pendulum.datetime(2025, 7, 29, 9, tz=KYIV),
            "Ukraine is ready for a leaders' meeting at any time — Зеленський.",
            _THIRD,
        ),
    ]
    return [
        Statement(
            id=id_,
            speaker=speaker,
            speaker_role=role,
            party=party,
            said_on=on,
            text=text,
            source=source,
        )
        for id_, (speaker, role, party), on, text, source in quotes
    ]


def build_reference() -> Negotiation:
    """The reference record: the seed story scaled up (see the module docstring)."""
    return Negotiation(
        id="russia-ukraine-2025",
        title="Russia–Ukraine peace talks, 2025",
        parties=_parties(),
        conditions=_conditions(),
        rounds=_rounds(),
        proposals=_proposals(),
        ultimatums=_ultimatums(),
        statements=_statements(),
        sources=[
            Source(
                id=_FIRST,
                publisher="TIS Desk (citing Al Jazeera)",
                title="Ukraine Calls for Renewed Peace Talks with Russia Amid "
                "Mounting Global Pressure",
                published=REPORT_DAY,
            ),
            Source(
                id=_SECOND,
                publisher="Wire report",
                title="Third round of talks in Istanbul lasts forty minutes",
                url="https://example.org/news/2025/07/23/istanbul-talks",
                published=pendulum.datetime(2025, 7, 23, 22, tz=ISTANBUL),
                accessed=pendulum.datetime(2025, 7, 24, 8, tz="UTC"),
            ),
            Source(
                id=_THIRD,
                publisher="Wire report",
                title="Washington shortens its deadline for Moscow",
                url="https://example.org/news/2025/07/29/deadline",
                published=pendulum.date(2025, 7, 29),
            ),
        ],
        status="active",
        notes="Talks stalled in June 2025 and resumed in Istanbul on 23 July.",
    )
