"""
The Brexit Article 50 clock: a treaty deadline no one issued as a threat,
extended three times, twice with conditional alternatives.

The United Kingdom notified the European Council on 29 March 2017 of its
intention to leave the EU.  Under Article 50(3) TEU the treaties would cease to
apply two years later, at the end of 29 March 2019 (Brussels time), unless the
European Council, with the UK's agreement, extended the period:

* on 22 March 2019 to **22 May 2019 if the House of Commons approved the
  withdrawal agreement** by 29 March, **otherwise to 12 April 2019**; the
  Commons rejected it on 29 March (286 to 344), so 12 April applied;
* on 11 April 2019 to 31 October 2019;
* on 29 October 2019 to 31 January 2020, or earlier once the agreement was
  ratified by both sides.  The UK left at the end of 31 January 2020.

The clock is a ``Milestone`` with its deadline revisions and, for the first
and the third extensions, two ``Alternative`` deadlines each, marked with
whether they applied (of the third's, neither did: the agreement was ratified
only in January 2020, so 31 January held); the third meaningful vote is a
``Vote`` on the withdrawal agreement (an ``Agreement``).

Run it with ``python examples/article_50.py``.
"""

from __future__ import annotations

import pendulum

from negotiation_records import (
    Agreement,
    Alternative,
    Deadline,
    Milestone,
    Negotiation,
    Party,
    Phase,
    Source,
    StatusChange,
    Vote,
)


BRUSSELS = "Europe/Brussels"
CLOCK = "article-50-period"


def day(year: int, month: int, date: int) -> pendulum.Date:
    """A calendar date."""
    return pendulum.date(year, month, date)


def on(year: int, month: int, date: int) -> Deadline:
    """A deadline at the end of a day, Brussels time."""
    return Deadline.on(day(year, month, date), tz=BRUSSELS)


def sources() -> list[Source]:
    """Where the facts come from."""
    return [
        Source(
            id="teu-article-50",
            publisher="EUR-Lex",
            title="Treaty on European Union, Article 50",
            url="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12016M050",
        ),
        Source(
            id="decision-2019-476",
            publisher="EUR-Lex",
            title="European Council Decision (EU) 2019/476 taken in agreement with "
            "the United Kingdom extending the period under Article 50(3) TEU",
            url="https://eur-lex.europa.eu/eli/dec/2019/476/oj",
            published=day(2019, 3, 22),  # OJ L 80I of 22 March 2019
        ),
        Source(
            id="decision-2019-584",
            publisher="EUR-Lex",
            title="European Council Decision (EU) 2019/584",
            url="https://eur-lex.europa.eu/eli/dec/2019/584/oj",
            published=day(2019, 4, 11),
        ),
        Source(
            id="decision-2019-1810",
            publisher="EUR-Lex",
            title="European Council Decision (EU) 2019/1810",
            url="https://eur-lex.europa.eu/eli/dec/2019/1810/oj",
            published=day(2019, 10, 30),
        ),
        Source(
            id="commons-division-2019-03-29",
            publisher="UK Parliament",
            title="United Kingdom's withdrawal from the European Union: division 395",
            url="https://votes.parliament.uk/Votes/Commons/Division/645",
            published=day(2019, 3, 29),
        ),
    ]


def clock() -> Milestone:
    """The Article 50 period, as notified and as extended."""
    period = Milestone(
        id=CLOCK,
        title="The treaties cease to apply to the United Kingdom",
        set_by=["united-kingdom"],
        applies_to=["united-kingdom", "european-union"],
        set_on=day(2017, 3, 29),
        deadline=Deadline.after(day(2017, 3, 29), years=2, tz=BRUSSELS),
        sources=["teu-article-50"],
    )
    period = period.revise_deadline(
        on(2019, 4, 12),
        on=day(2019, 3, 22),
        reason="22 May if the Commons approves the withdrawal agreement, "
        "otherwise 12 April",
        alternatives=[
            Alternative(
                condition="if the House of Commons approves the withdrawal "
                "agreement by 29 March 2019",
                deadline=on(2019, 5, 22),
                applied=False,
                decided_on=day(2019, 3, 29),
                sources=["commons-division-2019-03-29"],
            ),
            Alternative(
                condition="otherwise",
                deadline=on(2019, 4, 12),
                applied=True,
                decided_on=day(2019, 3, 29),
            ),
        ],
        sources=["decision-2019-476"],
    )
    period = period.revise_deadline(
        on(2019, 10, 31),
        on=day(2019, 4, 11),
        reason="flexible extension to 31 October",
        sources=["decision-2019-584"],
    )
    period = period.revise_deadline(
        on(2020, 1, 31),
        on=day(2019, 10, 29),
        reason="extension to 31 January 2020, or earlier once ratified",
        alternatives=[
            Alternative(
                condition="if both sides ratify the withdrawal agreement in "
                "November 2019",
                deadline=on(2019, 11, 30),
                applied=False,
                decided_on=day(2019, 12, 1),
            ),
            Alternative(
                condition="if both sides ratify it in December 2019",
                deadline=on(2019, 12, 31),
                applied=False,
                decided_on=day(2020, 1, 1),
            ),
        ],
        sources=["decision-2019-1810"],
    )
    return period.with_status(
        "met",
        on=pendulum.datetime(2020, 2, 1, tz=BRUSSELS),
        reason="the United Kingdom leaves with the withdrawal agreement in force",
    )


def build_record() -> Negotiation:
    """The clock, the withdrawal agreement and two meaningful votes."""
    withdrawal = Agreement(
        id="withdrawal-agreement",
        title="Agreement on the withdrawal of the United Kingdom from the EU",
        stage="comprehensive",
        signatories=["united-kingdom", "european-union"],
        history=[
            StatusChange(status="drafted", on=day(2018, 11, 14)),
            StatusChange(status="signed", on=day(2020, 1, 24)),
            StatusChange(status="ratified", on=day(2020, 1, 30)),
            StatusChange(
                status="in-force", on=pendulum.datetime(2020, 2, 1, tz=BRUSSELS)
            ),
        ],
        in_force=Deadline.on(pendulum.datetime(2020, 2, 1, tz=BRUSSELS)),
        phases=[
            Phase(
                name="Transition period",
                starts=day(2020, 2, 1),
                ends=on(2020, 12, 31),
                obligations=["EU law continues to apply to the United Kingdom"],
            ),
        ],
    )
    votes = [
        Vote(
            id="meaningful-vote-1",
            body="House of Commons",
            party="united-kingdom",
            on=day(2019, 1, 15),
            question="Approve the withdrawal agreement and political declaration",
            subject="withdrawal-agreement",
            yes=202,
            no=432,
            threshold="simple-majority",
            result="failed",
        ),
        Vote(
            id="meaningful-vote-3",
            body="House of Commons",
            party="united-kingdom",
            on=day(2019, 3, 29),
            question="Approve the withdrawal agreement",
            subject="withdrawal-agreement",
            yes=286,
            no=344,
            threshold="simple-majority",
            result="failed",
            sources=["commons-division-2019-03-29"],
        ),
    ]
    return Negotiation(
        id="brexit-article-50",
        title="United Kingdom withdrawal from the EU (Article 50)",
        parties=[
            Party(
                id="united-kingdom", name="United Kingdom", kind="state", country="GB"
            ),
            Party(id="european-union", name="European Union", kind="organization"),
        ],
        agreements=[withdrawal],
        milestones=[clock()],
        votes=votes,
        sources=sources(),
    )


#: Whether an alternative applied, in words (``applied`` is ``None`` until known).
VERDICT = {None: "not yet known", True: "applied", False: "did not apply"}


def main() -> None:
    """Print the clock, its alternatives, the votes and what was due when."""
    talks = build_record()
    period = talks.milestone(CLOCK)
    print(f"{talks.title}")
    print(f"{period.title}: {period.status.value}")
    for index, deadline in enumerate(period.deadlines):
        print(f"  deadline {index}: {deadline.due} ({deadline.describe_rule()})")
        for alternative in period.alternatives:
            if alternative.stage == index:
                print(
                    f"    {alternative.condition}: {alternative.deadline.due} — "
                    f"{VERDICT[alternative.applied]}"
                )
    print()
    for vote in talks.votes:
        print(
            f"{vote.on} {vote.body}: {vote.question} — {vote.yes} to {vote.no}, "
            f"{vote.result.value}"
        )
    print()
    print("What was due when (the record as it stood then)")
    for at in (day(2018, 6, 1), day(2019, 3, 25), day(2019, 4, 1), day(2019, 10, 1)):
        known = talks.as_of(at)
        then = known.milestone(CLOCK)
        pending = [a for a in then.alternatives if a.stage == len(then.revisions)]
        line = f"  {at}: due {then.deadline.due}, {then.deadline.describe(at)}"
        if pending:
            line += "; alternatives: " + ", ".join(
                f"{a.deadline.due} ({VERDICT[a.applied]})" for a in pending
            )
        print(line)
    print()
    print("Timeline")
    for event in talks.timeline():
        print(f"  {event}")


if __name__ == "__main__":
    main()
