"""
Labour talks: offers and counter-offers across rounds, and a strike notice
counted in business days, holidays included.

An illustrative pay dispute (the union, the company and the figures are invented;
the calendar is real). Bus drivers in the town of Northbridge, England, want a
9 % rise; their employer offers 3 %. Over three rounds the two sides counter each
other's offers (``counter_to`` links each counter-proposal to the proposal it
answers, ``mark_countered`` marks the answered one). Between rounds the union
serves strike notice. Its agreement with the company requires ten *working days'*
notice, and the Christmas and New Year bank holidays of England do not count, so
the notice served on Friday 19 December 2025 runs to the end of Wednesday 7
January 2026 (``Deadline.after_business_days`` with ``holidays``). A deal reached
in the third round, the day before, ends the dispute and the union withdraws the
notice.

The script prints the proposals round by round, the notice and how it was
counted, what was pending on a few days of the dispute, and the timeline.

Run it with ``python examples/labour_strike_notice.py``.
"""

from __future__ import annotations

import pendulum

from negotiation_records import (
    Condition,
    Consequence,
    Deadline,
    Delegation,
    Negotiation,
    Party,
    Position,
    Proposal,
    Round,
    Ultimatum,
    as_of_instant,
)


LONDON = "Europe/London"

BANK_HOLIDAYS = frozenset(
    {
        pendulum.date(2025, 12, 25),  # Christmas Day
        pendulum.date(2025, 12, 26),  # Boxing Day
        pendulum.date(2026, 1, 1),  # New Year's Day
    }
)
"""The bank holidays of England and Wales inside the notice period."""

NOTICE_SERVED = pendulum.date(2025, 12, 19)
NOTICE_DAYS = 10

UNION = "union"
EMPLOYER = "employer"


def strike_notice() -> Deadline:
    """Ten working days from the day after service, bank holidays skipped."""
    return Deadline.after_business_days(
        NOTICE_SERVED, NOTICE_DAYS, holidays=BANK_HOLIDAYS, tz=LONDON
    )


def build_record() -> Negotiation:
    """Three rounds of pay talks, a strike notice, and the deal."""
    parties = [
        Party(
            id=UNION,
            name="Northbridge Bus Drivers' Union",
            kind="organization",
            aliases=["the union"],
        ),
        Party(
            id=EMPLOYER,
            name="Northbridge Buses Ltd",
            kind="organization",
            aliases=["the company"],
        ),
        Party(
            id="conciliation",
            name="Regional Conciliation Service",
            kind="organization",
            role="mediator",
        ),
    ]
    teams = [
        Delegation(party=UNION, head="Union negotiating committee"),
        Delegation(party=EMPLOYER, head="Managing director"),
    ]
    rounds = [
        Round(
            number=1,
            status="held",
            starts=pendulum.date(2025, 11, 4),
            delegations=teams,
        ),
        Round(
            number=2,
            status="held",
            starts=pendulum.date(2025, 11, 18),
            delegations=teams,
        ),
        Round(
            number=3,
            status="held",
            starts=pendulum.date(2026, 1, 6),
            mediators=["conciliation"],
            delegations=teams,
            summary="Talks under conciliation; agreement reached",
        ),
    ]
    union_demand = Condition(
        id="pay-rise-9",
        text="A 9 % pay rise from 1 January 2026",
        kind="demand",
        demanded_by=UNION,
        addressed_to=[EMPLOYER],
        topics=["pay"],
        positions=[
            Position(party=EMPLOYER, stance="rejects", on=pendulum.date(2025, 11, 4)),
        ],
    )

    # Round 1: the company's first offer.
    offer_1 = Proposal(
        id="offer-3",
        proposed_by=EMPLOYER,
        addressed_to=[UNION],
        made_on=pendulum.date(2025, 11, 4),
        summary="A 3 % pay rise from 1 January 2026",
        round=1,
    )
    # Round 2: the union counters with 7 %, the company answers with 4.5 %.
    counter_1 = Proposal(
        id="counter-7",
        proposed_by=UNION,
        addressed_to=[EMPLOYER],
        made_on=pendulum.date(2025, 11, 18),
        summary="A 7 % pay rise from 1 January 2026",
        round=2,
        counter_to=offer_1.id,
    )
    offer_1 = offer_1.mark_countered(on=counter_1.made_on)
    offer_2 = Proposal(
        id="offer-4-5",
        proposed_by=EMPLOYER,
        addressed_to=[UNION],
        made_on=pendulum.date(2025, 11, 18),
        summary="A 4.5 % pay rise from 1 January 2026",
        round=2,
        counter_to=counter_1.id,
    )
    counter_1 = counter_1.mark_countered(on=offer_2.made_on)
    offer_2 = offer_2.respond(
        UNION,
        on=pendulum.date(2025, 11, 25),
        stance="rejects",
        text="Members reject the offer",
    ).reject(on=pendulum.date(2025, 11, 25))

    # The strike notice, served between rounds 2 and 3.
    notice = Ultimatum(
        id="strike-notice",
        issued_by=UNION,
        addressed_to=[EMPLOYER],
        issued_at=NOTICE_SERVED,
        demand="A pay offer the members can accept",
        deadline=strike_notice(),
        consequences=[
            Consequence(
                text="All-out strike by bus drivers from 8 January 2026",
                kind="other",
                target_parties=[EMPLOYER],
                targets=["passengers in Northbridge"],
            ),
        ],
    )

    # Round 3: a better offer, accepted; the notice is withdrawn.
    deal_day = pendulum.date(2026, 1, 6)
    offer_3 = (
        Proposal(
            id="offer-5-5",
            proposed_by=EMPLOYER,
            addressed_to=[UNION],
            made_on=deal_day,
            summary="A 5.5 % pay rise from 1 January 2026 and a one-off £500 payment",
            round=3,
            counter_to=counter_1.id,
        )
        .respond(UNION, on=deal_day, stance="accepts")
        .accept(on=deal_day)
    )
    counter_1 = counter_1.withdraw(on=deal_day)
    notice = notice.withdraw(on=deal_day)

    return Negotiation(
        id="northbridge-bus-pay-2025",
        title="Northbridge bus drivers' pay talks, 2025–26",
        parties=parties,
        conditions=[union_demand],
        rounds=rounds,
        proposals=[offer_1, counter_1, offer_2, offer_3],
        ultimatums=[notice],
        status="concluded",
        status_on=deal_day,  # concluded by the deal, not before the talks began
        notes="Illustrative record: the parties and the figures are invented.",
    )


def main() -> None:
    """Build the record and print the offers, the notice and the timeline."""
    talks = build_record()
    print(f"{talks.title} — {talks.status.value}")
    print()

    print("Offers and counter-offers")
    for rnd in talks.rounds:
        print(f"  Round {rnd.number} ({rnd.starts}):")
        for proposal in talks.proposals:
            if proposal.round != rnd.number:
                continue
            who = " and ".join(talks.party(p).name for p in proposal.proposed_by)
            answers = (
                f", countering {proposal.counter_to}" if proposal.counter_to else ""
            )
            print(
                f"    {proposal.id}: {who} — {proposal.summary}{answers} "
                f"[{proposal.status.value}]"
            )
    print()

    notice = talks.ultimatum("strike-notice")
    deadline = notice.deadline
    print("Strike notice")
    print(f"  served:      {NOTICE_SERVED.format('dddd D MMMM YYYY')}")
    print(f"  rule:        {deadline.describe_rule()}")
    assert isinstance(deadline.due, pendulum.Date)
    print(
        f"  notice ends: {deadline.due.format('dddd D MMMM YYYY')} "
        f"(to the end of the day, {deadline.tz})"
    )
    print(f"  strike may start: {deadline.cutoff.format('YYYY-MM-DD HH:mm zz')}")
    plain = Deadline.after_business_days(NOTICE_SERVED, NOTICE_DAYS, tz=LONDON)
    calendar = Deadline.after(NOTICE_SERVED, days=NOTICE_DAYS, tz=LONDON)
    print(f"  without the bank holidays it would end {plain.due}")
    print(f"  ten calendar days would end {calendar.due}")
    print()

    print("What was pending")
    # Each question reads the record as it stood then (Negotiation.as_of):
    # before the deal of 6 January the notice was still open.
    for at in (
        pendulum.date(2025, 12, 22),
        pendulum.date(2026, 1, 5),
        pendulum.date(2026, 1, 7),
    ):
        # One instant for the query and the description: a date means the
        # start of that day in UTC to the queries, in its own zone to a deadline.
        now = as_of_instant(at)
        upcoming = talks.upcoming_deadlines(now)
        for ultimatum, due in upcoming:
            print(f"  on {at}: {ultimatum.id} ends {due.due}, {due.describe(at=now)}")
        if not upcoming:
            pending = [u.id for u in talks.pending_ultimatums(at=now)]
            print(f"  on {at}: nothing is pending {pending} (the deal of 2026-01-06)")
    print()

    print("Timeline")
    for event in talks.timeline():
        print(f"  {event}")


if __name__ == "__main__":
    main()
