"""The seed story (news report of 19 July 2025) recorded with the library."""

from __future__ import annotations

import attrs
import pendulum
import pytest

from negotiation_records import (
    ConditionKind,
    ConsequenceKind,
    Negotiation,
    NegotiationStatus,
    Outcome,
    OutcomeKind,
    PartialDate,
    PartyKind,
    PartyRole,
    ProposalStatus,
    RoundStatus,
    Stance,
    UltimatumStatus,
    ValidationError,
)
from tests.seed import seed_record


@pytest.fixture(scope="module")
def record() -> Negotiation:
    """The 2025 Russia–Ukraine record of examples/ukraine_russia_2025.py."""
    return seed_record()


class TestParties:
    def test_the_four_parties(self, record: Negotiation) -> None:
        """Ukraine, Russia, the United States and host Türkiye are recorded."""
        assert [p.id for p in record.parties] == [
            "ukraine",
            "russia",
            "united-states",
            "turkiye",
        ]
        assert all(p.kind is PartyKind.STATE for p in record.parties)
        assert record.party("turkiye").name == "Türkiye"
        assert record.party("turkiye").role is PartyRole.HOST
        assert record.party("united-states").role is PartyRole.THIRD_PARTY
        assert [p.country for p in record.parties] == ["UA", "RU", "US", "TR"]

    def test_aliases(self, record: Negotiation) -> None:
        """Kyiv, Moscow and the Kremlin name their parties."""
        assert "Kyiv" in record.party("ukraine").aliases
        assert {"Moscow", "the Kremlin"} <= set(record.party("russia").aliases)
        assert record.find_party("Kyiv").id == "ukraine"
        assert record.find_party("the Kremlin").id == "russia"
        assert record.find_party("Washington").id == "united-states"
        assert record.find_party("Turkey").id == "turkiye"

    def test_umerov_roles_with_dates(self, record: Negotiation) -> None:
        """Umerov led the delegation from the first round, and was appointed
        NSDC Secretary in July; the report gives no end to his leading it."""
        umerov = [
            r
            for r in record.party("ukraine").representatives
            if r.name == "Rustem Umerov"
        ]
        roles = {r.role: r for r in umerov}
        head = roles["Head of the Ukrainian delegation"]
        secretary = roles["Secretary of the National Security and Defence Council"]
        assert head.since == pendulum.date(2025, 5, 16)
        assert head.until is None
        assert secretary.since == PartialDate(2025, 7)
        before = record.party("ukraine").representatives_on(pendulum.date(2025, 6, 2))
        assert head in before
        assert secretary not in before
        on_report_day = record.party("ukraine").representatives_on(
            pendulum.date(2025, 7, 19)
        )
        assert secretary in on_report_day
        assert head in on_report_day

    def test_spokespeople(self, record: Negotiation) -> None:
        """Peskov and Zakharova speak for Russia, Trump for the United States."""
        russia = {r.name: r.role for r in record.party("russia").representatives}
        assert russia["Dmitry Peskov"] == "Kremlin spokesperson"
        assert russia["Maria Zakharova"] == "Foreign Ministry spokesperson"
        us = {r.name for r in record.party("united-states").representatives}
        assert "Donald Trump" in us


class TestRounds:
    def test_two_held_rounds_in_istanbul(self, record: Negotiation) -> None:
        """Rounds on 16 May and 2 June 2025 were held in Istanbul, hosted by Türkiye."""
        held = [r for r in record.rounds if r.status is RoundStatus.HELD]
        assert [r.number for r in held] == [1, 2]
        assert [r.starts for r in held] == [
            pendulum.date(2025, 5, 16),
            pendulum.date(2025, 6, 2),
        ]
        for rnd in held:
            assert rnd.location == "Istanbul"
            assert rnd.hosts == ("turkiye",)
            delegations = {d.party: d for d in rnd.delegations}
            assert delegations["ukraine"].head == "Rustem Umerov"
            assert "russia" in delegations

    def test_exchange_outcomes(self, record: Negotiation) -> None:
        """The rounds agreed prisoner exchanges and the return of bodies."""
        first, second = record.round(1), record.round(2)
        assert [o.kind for o in first.outcomes] == [OutcomeKind.PRISONER_EXCHANGE]
        quantity = first.outcomes[0].quantity
        assert quantity is not None
        assert str(quantity) == "1000 prisoners each"
        assert {o.kind for o in second.outcomes} == {
            OutcomeKind.PRISONER_EXCHANGE,
            OutcomeKind.REMAINS_EXCHANGE,
        }
        for outcome in (*first.outcomes, *second.outcomes):
            assert set(outcome.parties) == {"ukraine", "russia"}

    def test_new_round_proposed_for_next_week(self, record: Negotiation) -> None:
        """A third round is only proposed, for the week after 19 July."""
        third = record.round(3)
        assert third.status is RoundStatus.PROPOSED
        assert third.starts is None
        assert third.window is not None
        assert (third.window.start, third.window.end) == (
            pendulum.date(2025, 7, 21),
            pendulum.date(2025, 7, 27),
        )


class TestConditions:
    def test_russias_two_demands(self, record: Negotiation) -> None:
        """Russia demands four regions and the rejection of Western aid."""
        demands = [c for c in record.conditions if c.demanded_by == "russia"]
        assert [c.id for c in demands] == ["cede-four-regions", "reject-western-aid"]
        for condition in demands:
            assert condition.kind is ConditionKind.DEMAND
            assert condition.addressed_to == ("ukraine",)
        assert [c.topics for c in demands] == [("territory",), ("military-aid",)]

    def test_kyiv_opposes_both(self, record: Negotiation) -> None:
        """Kyiv firmly opposes both terms."""
        for condition in record.conditions:
            assert condition.stance_of("ukraine") is Stance.OPPOSES
            assert condition.stance_of("russia") is None


class TestProposals:
    def test_ukraines_proposals(self, record: Negotiation) -> None:
        """Ukraine proposes a new round and a leaders' meeting, both pending."""
        assert [p.id for p in record.proposals] == [
            "new-round-invitation",
            "leaders-meeting",
        ]
        for proposal in record.proposals:
            assert proposal.proposed_by == ("ukraine",)
            assert proposal.addressed_to == ("russia",)
            assert proposal.made_on == pendulum.date(2025, 7, 19)
            assert proposal.status is ProposalStatus.PENDING
            assert proposal.responses == ()  # Russia has not responded officially

    def test_invitation_window(self, record: Negotiation) -> None:
        """The invitation is for next week, round 3's window; it was made
        before round 3, not in it."""
        invite = record.proposal("new-round-invitation")
        assert invite.round is None
        assert invite.window == record.round(3).window

    def test_round_3_can_be_scheduled_and_held(self, record: Negotiation) -> None:
        """What happened next: round 3 met in Istanbul on 23 July 2025."""
        third = (
            record.round(3)
            .schedule(starts=pendulum.date(2025, 7, 23), on=pendulum.date(2025, 7, 21))
            .hold(outcomes=[Outcome(text="Exchange of 1,200 prisoners agreed")])
        )
        later = record.with_round(third)
        assert later.round(3).status is RoundStatus.HELD
        window = later.proposal("new-round-invitation").window
        assert window is not None
        assert window.contains(pendulum.date(2025, 7, 23))

    def test_leaders_meeting_offers_a_ceasefire(self, record: Negotiation) -> None:
        """The leaders' meeting proposal carries a ceasefire term."""
        (term,) = record.proposal("leaders-meeting").terms
        assert term.topics == ("ceasefire",)
        assert record.condition(term.id) is term


class TestUltimatum:
    def test_fifty_days_from_14_july(self, record: Negotiation) -> None:
        """The US gives Moscow 50 days from 14 July: due 2 September 2025."""
        u = record.ultimatum("us-ultimatum-2025-07")
        assert (u.issued_by, u.addressed_to) == ("united-states", ("russia",))
        assert u.issued_at == pendulum.date(2025, 7, 14)
        assert u.deadline.due == pendulum.date(2025, 9, 2)
        assert u.deadline.period is not None
        assert u.deadline.period.days == 50
        assert u.status is UltimatumStatus.PENDING

    def test_demand_and_consequences(self, record: Negotiation) -> None:
        """Ceasefire or 100 % tariffs and secondary sanctions on oil buyers."""
        u = record.ultimatum("us-ultimatum-2025-07")
        assert not isinstance(u.demand, str)
        assert u.demand.topics == ("ceasefire",)
        kinds = [c.kind for c in u.consequences]
        assert kinds == [ConsequenceKind.TARIFF, ConsequenceKind.SECONDARY_SANCTION]
        assert u.consequences[0].target_parties == ("russia",)
        assert u.consequences[1].target_parties == ()
        assert "Russian oil" in u.consequences[1].targets[0]

    def test_moscow_calls_it_blackmail(self, record: Negotiation) -> None:
        """Russia's response rejects the ultimatum, quoting Zakharova."""
        u = record.ultimatum("us-ultimatum-2025-07")
        (response,) = u.responses
        assert response.party == "russia"
        assert response.stance is Stance.REJECTS
        assert response.statement is not None
        quote = record.statement(response.statement)
        assert quote.speaker == "Maria Zakharova"
        assert "blackmail" in quote.text

    def test_deadline_state_on_report_day(self, record: Negotiation) -> None:
        """The deadline lasts to the end of 2 September and has passed on the 3rd."""
        deadline = record.ultimatum("us-ultimatum-2025-07").deadline
        assert not deadline.is_past(pendulum.datetime(2025, 9, 2, 23, tz="UTC"))
        assert deadline.is_past(pendulum.datetime(2025, 9, 3, tz="UTC"))


class TestStatementsAndSources:
    def test_statements(self, record: Negotiation) -> None:
        """Zelenskyy, Peskov and Zakharova are quoted with dates and the source."""
        speakers = {s.id: s for s in record.statements}
        assert speakers["peskov-momentum"].said_on == pendulum.date(2025, 7, 18)
        assert speakers["zelenskyy-leaders"].text.startswith(
            "A meeting at the leadership level"
        )
        for statement in record.statements:
            assert statement.source == "tis-2025-07-19"
            assert statement.party in {"ukraine", "russia"}

    def test_everything_cites_the_article(self, record: Negotiation) -> None:
        """The parties, rounds, conditions, proposals and ultimatum cite the article."""
        (source,) = record.sources
        assert source.published == pendulum.date(2025, 7, 19)
        cited = [
            *(p.sources for p in record.parties),
            *(r.sources for r in record.rounds),
            *(c.sources for c in record.conditions),
            *(p.sources for p in record.proposals),
            *(u.sources for u in record.ultimatums),
        ]
        assert all(sources == (source.id,) for sources in cited)

    def test_status_and_value(self, record: Negotiation) -> None:
        """The talks are stalled; the record is a value, rebuilt equal."""
        assert record.status is NegotiationStatus.STALLED
        assert attrs.evolve(record) == record
        assert hash(record) == hash(seed_record())

    def test_a_typo_in_the_record_is_caught(self, record: Negotiation) -> None:
        """Changing a reference to an unknown party fails with its path."""
        invite = record.proposal("new-round-invitation")
        with pytest.raises(ValidationError) as info:
            record.with_proposal(attrs.evolve(invite, addressed_to=["rusia"]))
        assert info.value.errors == (
            ("proposals[0].addressed_to[0]", "unknown party 'rusia'"),
        )
