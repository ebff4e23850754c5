"""
Lists of records none of which may repeat (a party's representatives, a
condition's positions, a proposal's responses): a repeated record is found on
load exactly as on construction, whichever of its fields tell it apart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import event, given, reject
from hypothesis import strategies as st

from negotiation_records import (
    Condition,
    Party,
    Proposal,
    Representative,
    Response,
    ValidationError,
    from_dict,
    to_dict,
)
from negotiation_records.strategies import positions, representatives, responses


def _party(items: list[Any]) -> Party:
    return Party(id="ukraine", name="Ukraine", kind="state", representatives=items)


def _condition(items: list[Any]) -> Condition:
    return Condition(id="c", text="Cede four regions", kind="demand", positions=items)


def _proposal(items: list[Any]) -> Proposal:
    return Proposal(
        id="p",
        proposed_by=["proposer"],
        addressed_to=[],
        made_on=pendulum.date(1, 1, 1),
        summary="Meet",
        responses=items,
    )


#: (the record holding the list, the field, the strategy of its items)
CASES: list[tuple[Callable[[list[Any]], Any], str, st.SearchStrategy[Any]]] = [
    (_party, "representatives", representatives()),
    (_condition, "positions", positions()),
    (_proposal, "responses", responses()),
]


def _errors(build: Callable[[], object]) -> list[str]:
    try:
        build()
    except ValidationError as exc:
        return [path for path, _ in exc.errors]
    return []


def _near_copy(first: Any, other: Any) -> Any:
    """*other* with the plain fields of *first* (text, ids, enum members)."""
    plain = {
        name: getattr(first, name)
        for name in ("name", "role", "party", "stance", "text", "statement")
        if hasattr(first, name)
    }
    return attrs.evolve(other, **plain)


@given(st.data())
def test_a_repeated_record_is_found_on_load_as_on_construction(
    data: st.DataObject,
) -> None:
    holder, name, items = data.draw(st.sampled_from(CASES))
    found = data.draw(st.lists(items, min_size=1, max_size=4))
    # copies of some items, and items that share all their plain fields with
    # another (the same person in another term: not a copy unless equal)
    for index in data.draw(st.lists(st.integers(0, len(found) - 1), max_size=2)):
        found.append(found[index])
    for index in data.draw(st.lists(st.integers(0, len(found) - 1), max_size=2)):
        try:
            found.append(_near_copy(found[index], data.draw(items)))
        except ValidationError:
            reject()
    order = data.draw(st.permutations(range(len(found))))
    found = [found[i] for i in order]
    expected = [
        f"{name}[{index}]" for index, item in enumerate(found) if item in found[:index]
    ]
    event(f"{name}: {'repeated' if expected else 'none repeated'}")
    built = _errors(lambda: holder(found))
    if [path for path in built if not path.startswith(f"{name}[")]:
        reject()  # a rule across fields (a response dated before the proposal)
    assert built == expected
    document = to_dict(holder([]))
    assert isinstance(document, dict)
    document[name] = [to_dict(item) for item in found]
    cls = type(holder([]))
    assert _errors(lambda: from_dict(cls, document)) == expected


@pytest.mark.parametrize("load", [False, True], ids=["constructed", "loaded"])
def test_the_same_answer_at_another_time_is_another_response(load: bool) -> None:
    """
    Russia rejects on 21 July at 12:00 in Moscow and again on the 25th: two
    responses, though every plain field is the same; the same instant written
    in another zone is another moment too.  The same response twice is refused.
    """
    first = Response(
        party="russia",
        stance="rejects",
        on=pendulum.datetime(2025, 7, 21, 12, tz="Europe/Moscow"),
    )
    later = attrs.evolve(first, on=pendulum.date(2025, 7, 25))
    elsewhere = attrs.evolve(first, on=first.on.in_timezone("UTC"))  # type: ignore[union-attr]

    def build(items: list[Response]) -> list[str]:
        if not load:
            return _errors(lambda: _proposal(items))
        document = to_dict(_proposal([]))
        assert isinstance(document, dict)
        document["responses"] = [to_dict(item) for item in items]
        return _errors(lambda: from_dict(Proposal, document))

    assert build([first, later, elsewhere]) == []
    assert build([first, later, first]) == ["responses[2]"]


def test_a_representative_in_two_terms_loads() -> None:
    """The same person in the same role in two terms is two entries, loaded too."""
    umerov = Representative(
        name="Rustem Umerov",
        role="Minister of Defence",
        since=pendulum.date(2023, 9, 6),
        until=pendulum.date(2025, 7, 17),
    )
    again = attrs.evolve(umerov, since=pendulum.date(2026, 1, 1), until=None)
    party = _party([umerov, again])
    assert from_dict(Party, to_dict(party)) == party


def test_a_snapshot_keeps_one_of_two_entries_the_same_as_of_then() -> None:
    """
    The same representative open-ended and until 1 February: two entries,
    but as of 20 January (the end not known yet) both say the same, and the
    snapshot keeps one, so that it is a valid record (found by a random seed
    of the late-compliance snapshot property).
    """
    from negotiation_records import Negotiation

    party = _party(
        [
            Representative(name="Rustem Umerov"),
            Representative(name="Rustem Umerov", until=pendulum.date(2000, 2, 1)),
        ]
    )
    talks = Negotiation(id="t", title="T", parties=[party])
    [then] = talks.as_of(pendulum.date(2000, 1, 20)).parties
    assert then.representatives == (Representative(name="Rustem Umerov"),)
    assert talks.as_of(pendulum.date(2000, 3, 1)).parties == (party,)
