"""
A cheap corpus of small, varied, valid negotiations, built in Python.

For tests that need many records (tens of thousands, streamed): each record is
built from its number alone, without Hypothesis, so a corpus costs little more
than constructing the records.  The records vary with the number: how many
parties, whether there is an ultimatum, an agreement, a vote or an action, the
zone of the deadline (midnight in Brussels across the change to summer time,
New York, Tokyo, UTC), dates, months and zoned datetimes, unicode names.
"""

from __future__ import annotations

from collections.abc import Iterator

import pendulum

from negotiation_records import (
    Action,
    Agreement,
    Condition,
    Deadline,
    Negotiation,
    PartialDate,
    Party,
    Position,
    Proposal,
    Quantity,
    Representative,
    Response,
    Round,
    Statement,
    StatusChange,
    Ultimatum,
    Vote,
)


ZONES = ("Europe/Brussels", "America/New_York", "Asia/Tokyo", None)
NAMES = ("Ukraine", "Russia", "Türkiye", "Україна", "Zürich Group", "Côte d'Ivoire")


def negotiation(number: int) -> Negotiation:
    """The *number*-th negotiation of the corpus (the same number, the same record)."""
    day = pendulum.date(2020, 1, 1).add(days=number % 2000)
    zone = ZONES[number % len(ZONES)]
    n_parties = 2 + number % 3
    ids = [f"p{i}" for i in range(n_parties)]
    parties = [
        Party(
            id=party,
            name=NAMES[(number + i) % len(NAMES)],
            kind="state" if i < 2 else "organization",
            role="principal" if i < 2 else "mediator",
            aliases=[f"Alias {number}"] if i == 0 else [],
            representatives=(
                [Representative(name="Rustem Umerov", since=PartialDate(2020, 1))]
                if i == 0
                else []
            ),
        )
        for i, party in enumerate(ids)
    ]
    held = pendulum.datetime(day.year, day.month, day.day, 10, tz=zone or "UTC")
    rounds = [
        Round(
            number=1,
            history=[
                StatusChange(status="scheduled"),
                StatusChange(status="held", on=day),
            ],
            starts=held,
            location="Istanbul",
            hosts=ids[2:],
        )
    ]
    proposal = Proposal(
        id=f"proposal-{number}",
        proposed_by=ids[0],
        addressed_to=[ids[1]],
        made_on=day,
        summary=f"Proposal number {number}",
        round=1,
        terms=[
            Condition(
                id=f"term-{number}",
                text="A ceasefire",
                kind="offer",
                demanded_by=ids[0],
                addressed_to=[ids[1]],
                positions=[Position(party=ids[1], stance="undecided", on=day)],
            )
        ],
        responses=[Response(party=ids[1], on=day.add(days=1), stance="rejects")]
        if number % 2
        else [],
    )
    ultimatums = []
    if number % 3 != 2:
        issued = day.add(days=2)
        deadline = (
            Deadline.on(issued.add(days=number % 40), tz=zone)
            if number % 2
            else Deadline.after(issued, days=1 + number % 60)
        )
        ultimatums.append(
            Ultimatum(
                id=f"ultimatum-{number}",
                issued_by=ids[0],
                addressed_to=[ids[1]],
                issued_at=issued,
                demand="Reach a ceasefire",
                deadline=deadline,
            )
        )
    agreements = (
        [
            Agreement(
                id=f"agreement-{number}",
                title="Truce",
                stage="ceasefire",
                signatories=ids[:2],
                history=[StatusChange(status="signed", on=day.add(days=3))],
                expires=Deadline.after(day.add(days=3), days=90),
            )
        ]
        if number % 5 == 0
        else []
    )
    votes = (
        [
            Vote(
                id=f"vote-{number}",
                body="Parliament",
                on=day.add(days=4),
                question="Approve the truce?",
                yes=300 + number % 50,
                no=200,
                result="passed",
            )
        ]
        if number % 7 == 0
        else []
    )
    actions = (
        [
            Action(
                id=f"action-{number}",
                kind="aid",
                by=[ids[0]],
                on=PartialDate(day.year, day.month),
                summary="Prisoners exchanged",
                quantities=[Quantity(amount=number % 1000, unit="prisoners")],
            )
        ]
        if number % 4 == 0
        else []
    )
    statements = [
        Statement(
            id=f"statement-{number}",
            speaker="Зеленський",
            party=ids[0],
            said_on=PartialDate(day.year) if number % 6 == 0 else day,
            text="We are ready for talks.",
        )
    ]
    return Negotiation(
        id=f"talks-{number}",
        title=f"Talks {number}",
        parties=parties,
        rounds=rounds,
        proposals=[proposal],
        ultimatums=ultimatums,
        agreements=agreements,
        votes=votes,
        actions=actions,
        statements=statements,
        history=[StatusChange(status="active", on=day)],
    )


def corpus(count: int, start: int = 0) -> Iterator[Negotiation]:
    """*count* negotiations, built one at a time as they are asked for."""
    for number in range(start, start + count):
        yield negotiation(number)
