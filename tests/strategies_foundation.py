"""Valid keyword sets for every foundation record, junk values, and helpers."""

from __future__ import annotations

import typing
import unicodedata
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st

from negotiation_records import (
    Condition,
    Consequence,
    Deadline,
    DeadlineRevision,
    Delegation,
    Membership,
    Negotiation,
    Outcome,
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
    ValidationError,
)
from negotiation_records._record import Record


Errors = tuple[tuple[str, str], ...]


def _record_types() -> tuple[type[Record], ...]:
    """The record classes a Negotiation document can hold, itself included."""
    found: set[type[Record]] = set()
    todo: list[Any] = [Negotiation]
    while todo:
        t = todo.pop()
        if isinstance(t, type) and issubclass(t, Record):
            if t not in found:
                found.add(t)
                record: Any = t
                attrs.resolve_types(record)
                todo += [field.type for field in attrs.fields(record)]
        else:
            todo += typing.get_args(t)
    return tuple(sorted(found, key=lambda cls: cls.__name__))


RECORD_TYPES = _record_types()
"""Every record class of a serialized negotiation, by name (for tests of all)."""

SLUG_RULE = (
    "must be a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, "
    "at most 64 characters)"
)

DAY = pendulum.date(2025, 7, 19)
ISSUED = pendulum.date(2025, 7, 14)


def not_ascii(value: object) -> str:
    """
    What a message of an ASCII-only rule adds for text that is not ASCII:
    its first such character, named (a look-alike of a Latin letter shows
    as that letter).
    """
    if not isinstance(value, str) or value.isascii():
        return ""
    index, character = next((i, c) for i, c in enumerate(value) if ord(c) > 127)
    name = unicodedata.name(character, "")
    named = f"U+{ord(character):04X}" + (f" {name}" if name else "")
    return f"; {character!r} at index {index} is {named}, not ASCII"


def slug_error(value: object) -> str:
    """The message a bad id gets."""
    return f"{SLUG_RULE}, got {value!r}{not_ascii(value)}"


def errors_of(build: Callable[..., object], /, **kwargs: Any) -> Errors:
    """Call *build* and return the errors of the ValidationError it must raise."""
    try:
        build(**kwargs)
    except ValidationError as exc:
        return exc.errors
    raise AssertionError(f"{build!r} accepted {kwargs!r}")


def deadline() -> Deadline:
    """The US ultimatum's 50-day deadline."""
    return Deadline.after(ISSUED, days=50)


def party_kwargs() -> dict[str, Any]:
    """A valid Party."""
    return {
        "id": "ukraine",
        "name": "Ukraine",
        "kind": "state",
        "role": "principal",
        "country": "UA",
        "wikidata": "Q212",
        "aliases": ["Kyiv"],
        "representatives": [Representative(name="Rustem Umerov")],
        "members": [],
        "sources": ["src"],
    }


def representative_kwargs() -> dict[str, Any]:
    """A valid Representative."""
    return {
        "name": "Rustem Umerov",
        "role": "Secretary of the National Security and Defence Council",
        "since": pendulum.date(2025, 7, 17),
        "until": None,
        "sources": ["src"],
    }


def position_kwargs() -> dict[str, Any]:
    """A valid Position."""
    return {
        "party": "ukraine",
        "stance": "opposes",
        "on": DAY,
        "text": "firmly opposes",
        "statement": "st-1",
        "sources": ["src"],
    }


def response_kwargs() -> dict[str, Any]:
    """A valid Response."""
    return {
        "party": "russia",
        "on": DAY,
        "stance": "rejects",
        "text": "blackmail",
        "statement": "st-1",
        "sources": ["src"],
    }


def condition_kwargs() -> dict[str, Any]:
    """A valid Condition."""
    return {
        "id": "cede-four-regions",
        "text": "Ukraine cedes the four regions",
        "kind": "demand",
        "demanded_by": "russia",
        "addressed_to": ["ukraine"],
        "topics": ["territory"],
        "positions": [Position(party="ukraine", stance="opposes")],
        "sources": ["src"],
    }


def proposal_kwargs() -> dict[str, Any]:
    """A valid Proposal."""
    return {
        "id": "new-round",
        "proposed_by": "ukraine",
        "addressed_to": ["russia"],
        "made_on": DAY,
        "summary": "A new round next week",
        "terms": [Condition(id="ceasefire", text="A ceasefire")],
        "round": 3,
        "counter_to": None,
        "responses": [],
        "status": "pending",
        "status_on": None,
        "window": None,
        "sources": ["src"],
    }


def consequence_kwargs() -> dict[str, Any]:
    """A valid Consequence."""
    return {
        "text": "100 per cent tariffs",
        "kind": "tariff",
        "targets": ["countries that buy Russian oil"],
        "target_parties": ["russia"],
        "sources": ["src"],
    }


def ultimatum_kwargs() -> dict[str, Any]:
    """A valid Ultimatum."""
    return {
        "id": "us-ultimatum",
        "issued_by": "united-states",
        "addressed_to": ["russia"],
        "issued_at": ISSUED,
        "demand": "Reach a ceasefire",
        "deadline": deadline(),
        "consequences": [Consequence(text="Tariffs", kind="tariff")],
        "status": "pending",
        "status_on": None,
        "responses": [],
        "revisions": [],
        "sources": ["src"],
    }


def quantity_kwargs() -> dict[str, Any]:
    """A valid Quantity."""
    return {"amount": 1000, "unit": "prisoners", "each": True}


def membership_kwargs() -> dict[str, Any]:
    """A valid Membership."""
    return {
        "party": "ukraine",
        "since": pendulum.date(2025, 1, 1),
        "until": None,
        "sources": ["src"],
    }


def outcome_kwargs() -> dict[str, Any]:
    """A valid Outcome."""
    return {
        "text": "Exchange of prisoners",
        "kind": "prisoner-exchange",
        "parties": ["ukraine", "russia"],
        "quantity": Quantity(amount=1000, unit="prisoners"),
        "sources": ["src"],
    }


def delegation_kwargs() -> dict[str, Any]:
    """A valid Delegation."""
    return {"party": "ukraine", "head": "Rustem Umerov", "members": ["A", "B"]}


def round_kwargs() -> dict[str, Any]:
    """A valid Round."""
    return {
        "number": 1,
        "status": "held",
        "level": "delegations",
        "starts": pendulum.date(2025, 5, 16),
        "ends": pendulum.date(2025, 5, 16),
        "location": "Istanbul",
        "hosts": ["turkiye"],
        "mediators": [],
        "delegations": [Delegation(party="ukraine")],
        "outcomes": [Outcome(text="Exchange")],
        "window": None,
        "summary": "First round",
        "sources": ["src"],
    }


def source_kwargs() -> dict[str, Any]:
    """A valid Source."""
    return {
        "id": "src",
        "publisher": "Ukrinform",
        "title": "A title",
        "url": "https://example.org/a",
        "published": DAY,
        "accessed": pendulum.datetime(2025, 7, 20, 9, tz="Europe/Kyiv"),
    }


def statement_kwargs() -> dict[str, Any]:
    """A valid Statement."""
    return {
        "id": "st-1",
        "speaker": "Dmitry Peskov",
        "speaker_role": "Kremlin spokesperson",
        "party": "russia",
        "said_on": DAY,
        "text": "Momentum is needed.",
        "source": "src",
        "sources": [],
    }


def revision_kwargs() -> dict[str, Any]:
    """A valid DeadlineRevision."""
    return {
        "previous": deadline(),
        "revised_on": pendulum.date(2025, 7, 28),
        "reason": "cut to 10-12 days",
        "statement": None,
        "sources": [],
    }


def negotiation_kwargs() -> dict[str, Any]:
    """A small valid Negotiation."""
    return {
        "id": "talks",
        "title": "Talks",
        "parties": [
            Party(id="ukraine", name="Ukraine", kind="state"),
            Party(id="russia", name="Russia", kind="state"),
        ],
        "conditions": [],
        "rounds": [],
        "proposals": [],
        "ultimatums": [],
        "statements": [],
        "sources": [],
        "status": "active",
        "notes": None,
    }


VALID: dict[type[Any], Callable[[], dict[str, Any]]] = {
    Party: party_kwargs,
    Representative: representative_kwargs,
    Position: position_kwargs,
    Response: response_kwargs,
    Condition: condition_kwargs,
    Proposal: proposal_kwargs,
    Consequence: consequence_kwargs,
    Ultimatum: ultimatum_kwargs,
    Quantity: quantity_kwargs,
    Membership: membership_kwargs,
    Outcome: outcome_kwargs,
    Delegation: delegation_kwargs,
    Round: round_kwargs,
    Source: source_kwargs,
    Statement: statement_kwargs,
    DeadlineRevision: revision_kwargs,
    Negotiation: negotiation_kwargs,
}
"""Every foundation record type with a function giving valid keywords for it."""


junk = st.one_of(
    st.from_type(object),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=80),
    st.binary(max_size=10),
    st.lists(st.text(max_size=10), max_size=4),
    st.lists(st.from_type(object), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.timezones()),
    st.builds(iter, st.lists(st.text(max_size=5), max_size=3)),
    st.sampled_from(
        [
            "Kyiv",
            "",
            " ",
            "UA",
            "ua",
            "Q212",
            "held",
            "state",
            float("nan"),
            -1,
            0,
            1,
            DAY,
            [DAY],
            ["ukraine", "ukraine"],
            [Position(party="ukraine", stance="opposes")],
        ]
    ),
)
"""Arbitrary values of every kind, some of them almost right."""
