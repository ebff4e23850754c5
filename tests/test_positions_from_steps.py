"""
A status change a party made is its stance on what it answers, as a
response is: Greece 2015.  Greece rejected the institutions' proposal of
25 June (the referendum of 5 July), complied with the euro summit's demand
to submit reforms by 9 July, and signed the euro summit statement of
13 July.  ``positions`` reads each step as Greece's stance.
"""

from __future__ import annotations

from collections.abc import Iterable

import pendulum

from negotiation_records import (
    Agreement,
    Condition,
    Deadline,
    Membership,
    Negotiation,
    Party,
    Proposal,
    Stance,
    StatusChange,
    Ultimatum,
)


D = pendulum.date
LATER = D(2015, 8, 1)
PARTIES = [
    Party(id="greece", name="Greece", kind="state"),
    Party(id="institutions", name="The institutions", kind="coalition"),
    Party(id="euro-area", name="Euro area", kind="organization"),
]
SURPLUS = Condition(
    id="surplus",
    text="A primary surplus of 1 % in 2015",
    kind="demand",
    demanded_by="institutions",
)
PLAN = Proposal(
    id="plan",
    proposed_by=["institutions"],
    addressed_to=["greece"],
    made_on=D(2015, 6, 25),
    summary="Reforms for the completion of the current programme",
    terms=[SURPLUS],
)
SUBMIT = Ultimatum(
    id="submit-reforms",
    issued_by="euro-area",
    addressed_to=["greece"],
    issued_at=D(2015, 7, 7),
    demand=Condition(id="submit", text="Submit a reform plan", kind="demand"),
    deadline=Deadline.on(D(2015, 7, 9), tz="Europe/Brussels"),
)
FUND = Condition(id="fund", text="A fund of 50 billion euros", kind="demand")


def statement(*history: StatusChange) -> Agreement:
    """The euro summit statement, with *history*."""
    return Agreement(
        id="euro-summit",
        title="Euro Summit Statement",
        stage="framework",
        signatories=["greece", "euro-area"],
        provisions=[FUND],
        history=list(history),
    )


def talks(
    *,
    proposals: Iterable[Proposal] = (),
    ultimatums: Iterable[Ultimatum] = (),
    agreements: Iterable[Agreement] = (),
) -> Negotiation:
    """The talks with these records."""
    return Negotiation(
        id="greece-2015",
        title="Greece 2015",
        parties=PARTIES,
        proposals=proposals,
        ultimatums=ultimatums,
        agreements=agreements,
    )


def stances(
    record: Negotiation, party: str = "greece"
) -> dict[str, tuple[str | None, str | None]]:
    """Each term's id, with *party*'s stance and its date, as of 1 August."""
    return {
        entry.condition.id: (
            None if entry.stance is None else entry.stance.value,
            None if entry.on is None else str(entry.on),
        )
        for entry in record.positions(party, at=LATER).stances
    }


def test_rejected_accepted_and_complied_steps() -> None:
    """The party in ``by`` rejects or accepts the terms, as of the step."""
    record = talks(
        proposals=[PLAN.reject(on=D(2015, 6, 27), by=["greece"])],
        ultimatums=[SUBMIT.comply(on=D(2015, 7, 9), by=["greece"])],
    )
    assert stances(record) == {
        "surplus": ("rejects", "2015-06-27"),
        "submit": ("accepts", "2015-07-09"),
    }
    before = record.positions("greece", at=D(2015, 6, 26)).stances
    assert [entry.stance for entry in before] == [None]  # not yet made


def test_accepted_by_one_party_is_not_another_partys_stance() -> None:
    """A step by Greece is no stance of the euro area's."""
    record = talks(proposals=[PLAN.accept(on=D(2015, 7, 16), by=["greece"])])
    assert stances(record) == {"surplus": ("accepts", "2015-07-16")}
    assert stances(record, "euro-area") == {"surplus": (None, None)}


def test_a_step_naming_no_one_is_no_ones_stance() -> None:
    """Rejected, but by whom the record does not say: no stance."""
    record = talks(proposals=[PLAN.reject(on=D(2015, 6, 27))])
    assert stances(record) == {"surplus": (None, None)}


def test_the_latest_dated_stance_wins() -> None:
    """
    A response after the step outweighs it, and a step after the response
    outweighs that: rejected on 27 June, then accepted on 16 July.
    """
    answered = PLAN.respond("greece", on=D(2015, 6, 26), stance="opposes")
    record = talks(proposals=[answered.reject(on=D(2015, 6, 27), by=["greece"])])
    assert stances(record) == {"surplus": ("rejects", "2015-06-27")}
    later = PLAN.reject(on=D(2015, 6, 27), by=["greece"]).respond(
        "greece", on=D(2015, 7, 16), stance="accepts"
    )
    assert stances(talks(proposals=[later])) == {"surplus": ("accepts", "2015-07-16")}


def test_signed_with_no_one_named_is_every_signatorys() -> None:
    """A signature that names no one: each signatory accepts the provisions."""
    record = talks(
        agreements=[statement(StatusChange(status="signed", on=D(2015, 7, 13)))]
    )
    assert stances(record) == {"fund": ("accepts", "2015-07-13")}
    assert stances(record, "euro-area") == {"fund": ("accepts", "2015-07-13")}
    assert stances(record, "institutions") == {"fund": (None, None)}  # no signatory


def test_signed_by_some_and_ratified() -> None:
    """A signature by Greece alone, then its parliament's ratification."""
    record = talks(
        agreements=[
            statement(
                StatusChange(status="signed", on=D(2015, 7, 13), by=["euro-area"]),
                StatusChange(status="ratified", on=D(2015, 7, 16), by=["greece"]),
            )
        ]
    )
    assert stances(record) == {"fund": ("accepts", "2015-07-16")}
    assert stances(record, "euro-area") == {"fund": ("accepts", "2015-07-13")}
    early = record.positions("greece", at=D(2015, 7, 14)).stances
    assert [entry.stance for entry in early] == [None]


def test_drafted_or_countered_say_nothing() -> None:
    """Drafting a text, or countering a proposal, is no stance on a term."""
    record = talks(
        proposals=[PLAN.mark_countered(on=D(2015, 6, 27), by=["greece"])],
        agreements=[
            statement(StatusChange(status="drafted", on=D(2015, 7, 12), by=["greece"]))
        ],
    )
    assert stances(record) == {"surplus": (None, None), "fund": (None, None)}


def test_an_undated_signature_is_an_undated_stance() -> None:
    """Signed, no date: accepted, with no date, whatever the moment asked."""
    record = talks(agreements=[statement(StatusChange(status="signed"))])
    assert stances(record) == {"fund": ("accepts", None)}


def test_a_coalitions_step_counts_for_its_members() -> None:
    """
    The institutions reject a Greek proposal: the IMF, a member with no
    stance of its own, takes that rejection, marked as inherited.
    """
    parties = [
        Party(id="greece", name="Greece", kind="state"),
        Party(id="imf", name="International Monetary Fund", kind="organization"),
        Party(
            id="institutions",
            name="The institutions",
            kind="coalition",
            members=[Membership(party="imf")],
        ),
    ]
    offer = Proposal(
        id="greek-plan",
        proposed_by=["greece"],
        addressed_to=["institutions"],
        made_on=D(2015, 6, 22),
        summary="Greek reform proposals",
        terms=[Condition(id="vat", text="A VAT of 23 % on restaurants", kind="offer")],
    ).reject(on=D(2015, 6, 24), by=["institutions"])
    record = Negotiation(id="g", title="G", parties=parties, proposals=[offer])
    (entry,) = record.positions("imf", at=LATER).stances
    assert (entry.stance, str(entry.on), entry.inherited_from) == (
        Stance.REJECTS,
        "2015-06-24",
        "institutions",
    )
