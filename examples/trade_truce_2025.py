"""
A trade truce with a 90-day tariff pause that is later extended: what is due when.

The United States and China met in Geneva on 10 and 11 May 2025 and agreed, in a
joint statement of 12 May, that each side would suspend 24 percentage points of
its additional tariffs "for an initial period of 90 days" from 14 May. The US side
ran from 12:01 a.m. EDT on 14 May 2025, so the pause was due to end at 12:01 a.m.
EDT on 12 August. On 11 August an executive order extended it by another 90
days, counted from the old end, to 12:01 a.m. EST on 10 November 2025.

The record stops there, as it stood in August 2025: the pause was extended
again in November 2025, for a year, which a record kept up to date adds with
one more ``Agreement.extend`` (and its source).  Until then, the record says
the pause ran out at 12:01 a.m. EST on 10 November 2025.

The truce is an ``Agreement`` (the joint statement): signed on 12 May, in force
from 12:01 a.m. EDT on 14 May, with an expiry 90 days later.  The extension is a
revision of that expiry (``Agreement.extend``), which keeps the earlier one, so
the record asked "as of" a day before 11 August still shows the first end.

The script shows

* the deadline rule and where it lands, in the zone of the order;
* why the second 90 days are 2,161 hours and not 2,160 (US clocks went back on
  2 November) and why counting from the day the order was signed ends a day
  early (9 November, to midnight in New York: a minute before the real end);
* what is due, and how far off, at several moments of the truce;
* the timeline of the record.

Run it with ``python examples/trade_truce_2025.py``.
"""

from __future__ import annotations

import pendulum

from negotiation_records import (
    Agreement,
    Condition,
    Deadline,
    Delegation,
    Negotiation,
    Outcome,
    Party,
    Quantity,
    Representative,
    Round,
    Source,
    StatusChange,
)


NEW_YORK = "America/New_York"
PAUSE_ID = "geneva-truce-2025"

PAUSE_STARTS = pendulum.datetime(2025, 5, 14, 0, 1, tz=NEW_YORK)
"""12:01 a.m. EDT on 14 May 2025: the suspension takes effect (Executive Order 14298)."""

EXTENDED_ON = pendulum.date(2025, 8, 11)
"""Executive Order 14334 is signed."""


def sources() -> list[Source]:
    """Where the facts come from."""
    return [
        Source(
            id="joint-statement-2025-05-12",
            publisher="Bastille Post (Xinhua translation)",
            title="Joint statement on China-U.S. economic, trade meeting issued",
            url="https://www.bastillepost.com/global/article/4839625-joint-statement-on-china-u-s-economic-trade-meeting-issued",
            published=pendulum.date(2025, 5, 12),
        ),
        Source(
            id="eo-14298",
            publisher="Federal Register (govinfo)",
            title="Executive Order 14298: Modifying Reciprocal Tariff Rates To Reflect "
            "Discussions With the People's Republic of China",
            url="https://www.govinfo.gov/content/pkg/FR-2025-05-21/html/2025-09297.htm",
            published=pendulum.date(2025, 5, 21),
        ),
        Source(
            id="eo-14334",
            publisher="LegisTrack",
            title="Executive Order 14334",
            url="https://legistrack.vercel.app/bills/eo/cmg8v6rh80008vgdktivzvt80",
        ),
    ]


def first_deadline() -> Deadline:
    """90 days from the moment the suspension took effect."""
    return Deadline.after(PAUSE_STARTS, "P90D")


def build_record() -> Negotiation:
    """The truce as agreed in May and extended in August."""
    parties = [
        Party(
            id="united-states",
            name="United States",
            kind="state",
            country="US",
            wikidata="Q30",
            aliases=["Washington"],
            representatives=[
                Representative(name="Scott Bessent", role="Treasury Secretary"),
                Representative(name="Jamieson Greer", role="US Trade Representative"),
            ],
        ),
        Party(
            id="china",
            name="China",
            kind="state",
            country="CN",
            wikidata="Q148",
            aliases=["Beijing"],
            representatives=[
                Representative(name="He Lifeng", role="Vice Premier"),
            ],
        ),
        Party(
            id="switzerland",
            name="Switzerland",
            kind="state",
            role="host",
            country="CH",
            wikidata="Q39",
        ),
    ]
    geneva = Round(
        number=1,
        status="held",
        level="ministers",
        starts=pendulum.date(2025, 5, 10),
        ends=pendulum.date(2025, 5, 11),
        location="Geneva",
        hosts=["switzerland"],
        delegations=[
            Delegation(
                party="united-states", head="Scott Bessent", members=["Jamieson Greer"]
            ),
            Delegation(party="china", head="He Lifeng"),
        ],
        outcomes=[
            Outcome(
                text="Each side suspends 24 percentage points of its additional "
                "tariffs for an initial 90 days, keeping 10 per cent",
                kind="agreement",
                parties=["united-states", "china"],
                quantity=Quantity(
                    amount=24, unit="percentage points suspended", each=True
                ),
                sources=["joint-statement-2025-05-12"],
            ),
            Outcome(
                text="A mechanism for continued economic and trade consultations",
                kind="agreement",
                parties=["united-states", "china"],
                sources=["joint-statement-2025-05-12"],
            ),
        ],
        summary="High-level economic and trade meeting",
        sources=["joint-statement-2025-05-12"],
    )
    pause = Agreement(
        id=PAUSE_ID,
        title="Joint statement on the China-U.S. economic and trade meeting in Geneva",
        stage="ceasefire",
        signatories=["united-states", "china"],
        provisions=[
            Condition(
                id="us-suspension",
                text="The United States suspends 24 percentage points of its "
                "additional tariffs on Chinese goods for an initial 90 days",
                kind="commitment",
                demanded_by="united-states",
                addressed_to=["china"],
                topics=["tariffs"],
            ),
            Condition(
                id="china-suspension",
                text="China suspends 24 percentage points of its additional "
                "tariffs on US goods for the same 90 days",
                kind="commitment",
                demanded_by="china",
                addressed_to=["united-states"],
                topics=["tariffs"],
            ),
        ],
        round=1,
        history=[
            StatusChange(
                status="signed",
                on=pendulum.date(2025, 5, 12),
                by=["united-states", "china"],
                sources=["joint-statement-2025-05-12"],
            ),
            StatusChange(status="in-force", on=PAUSE_STARTS, sources=["eo-14298"]),
        ],
        in_force=Deadline.on(PAUSE_STARTS),
        expires=first_deadline(),
        sources=["joint-statement-2025-05-12", "eo-14298"],
    )
    talks = Negotiation(
        id="us-china-tariff-truce-2025",
        title="US–China tariff truce, 2025",
        parties=parties,
        rounds=[geneva],
        agreements=[pause],
        sources=sources(),
        status="active",
        notes="China extended its own suspension in August as well.",
    )
    return extend(talks)


def extend(talks: Negotiation) -> Negotiation:
    """Executive Order 14334: another 90 days, counted from the old end."""
    pause = talks.agreement(PAUSE_ID)
    assert pause.expires is not None
    extended = pause.extend(
        pause.expires.extended("P90D"),
        on=EXTENDED_ON,
        reason="Executive Order 14334 extends the suspension by 90 days",
        sources=["eo-14334"],
    )
    return talks.with_agreement(extended)  # in place of the one with its id


def wall_clock(moment: pendulum.DateTime) -> str:
    """``2025-08-12 00:01 EDT (Tue)``."""
    return moment.format("YYYY-MM-DD HH:mm zz (ddd)")


def main() -> None:
    """Build the record and print what is due when."""
    talks = build_record()
    pause = talks.agreement(PAUSE_ID)
    first, second = pause.expiries
    assert isinstance(first.due, pendulum.DateTime)
    assert isinstance(second.due, pendulum.DateTime)

    print(f"{talks.title} — {talks.status.value}")
    geneva = talks.round(1)
    print(
        f"Round {geneva.number} ({geneva.status.value}): {geneva.starts} to "
        f"{geneva.ends}, {geneva.location}"
    )
    for outcome in geneva.outcomes:
        print(f"  outcome: {outcome.text}")
    print()

    print("The pause")
    print(f"  starts:    {wall_clock(PAUSE_STARTS)}")
    print(f"  rule:      {first.describe_rule()}")
    print(f"  first end: {wall_clock(first.due)}")
    for revision, new in zip(pause.revisions, pause.expiries[1:], strict=True):
        print(f"  revised on {revision.revised_on}: {revision.reason}")
        print(f"  new rule:  {new.describe_rule()}")
    print(f"  new end:   {wall_clock(second.due)}")
    hours = (second.due - first.due).in_hours()
    print(
        f"  second 90 days: {hours} hours elapsed, not 2160 "
        "(US clocks went back on 2025-11-02)"
    )
    signing_day = Deadline.after(EXTENDED_ON, "P90D", tz=NEW_YORK)
    short = (second.due - signing_day.cutoff).in_minutes()
    print(
        f"  counted from the signing day ({EXTENDED_ON}) it would end with "
        f"{signing_day.due}, at {wall_clock(signing_day.cutoff)}: "
        f"{short} minute before the real end"
    )
    print()

    print("What is due when (the record as it stood at each moment)")
    moments = [
        pendulum.datetime(2025, 6, 1, 9, tz=NEW_YORK),
        pendulum.datetime(2025, 7, 20, 9, tz=NEW_YORK),
        pendulum.datetime(2025, 8, 10, 18, tz=NEW_YORK),
        pendulum.datetime(2025, 8, 12, 9, tz=NEW_YORK),
        pendulum.datetime(2025, 11, 9, 23, 30, tz=NEW_YORK),
        pendulum.datetime(2025, 11, 10, 0, 1, tz=NEW_YORK),
    ]
    for at in moments:
        # The extension, dated by its day, is part of the record from the
        # start of that day in UTC (20:00 EDT on 10 August), as any event
        # dated by a day is: the order was signed in Washington on the 11th,
        # so a snapshot between 20:00 and midnight on the 10th shows it
        # early.  Where the hour matters, date the event with its time of
        # day (a month or a year counts only once it has passed).
        known = talks.as_of(at)
        due = known.agreement(PAUSE_ID).expires
        assert due is not None
        assert isinstance(due.due, pendulum.DateTime)
        soon = known.all_upcoming_deadlines(at, within="P30D")
        flag = "  <- within 30 days" if soon else ""
        print(
            f"  {wall_clock(at)}: pause ends {wall_clock(due.due)}, "
            f"{due.describe(at=at)}{flag}"
        )
    print()

    print("Timeline")
    for event in talks.timeline():
        print(f"  {event}")


if __name__ == "__main__":
    main()
