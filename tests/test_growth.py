"""
Work that grows with the input grows about linearly: the results are those of
the plain (pairwise, item by item) way, and the work is counted, never timed
(the machines are noisy).

Each count test would count the square of the input's size if the quadratic
way came back: a version-1 document's problems filtered against every value
set aside, a coalition's memberships compared pairwise, a list of holidays
searched on every day counted.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator
from typing import Any, ClassVar

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Deadline,
    Membership,
    Negotiation,
    PartialDate,
    Party,
    ValidationError,
    from_json,
    migrations,
    parties,
)
from negotiation_records.migrations import (
    document_problems,
    version_1_refusals,
)
from negotiation_records.timeutil import Moment, is_before


# --- a version-1 document's problems ---------------------------------------------


class _CountedPath(str):
    """A path that counts how often it is compared, hashed or added to."""

    __slots__ = ()
    uses: ClassVar[int] = 0

    def __eq__(self, other: object) -> bool:
        _CountedPath.uses += 1
        return str.__eq__(self, other)

    def __hash__(self) -> int:
        _CountedPath.uses += 1
        return str.__hash__(self)

    def __add__(self, other: str) -> str:
        _CountedPath.uses += 1
        return str.__add__(self, other)


def _version_1_document(n: int) -> dict[str, Any]:
    """*n* proposals, each with a list of proposers (set aside) and a bad status."""
    return {
        "schema_version": 1,
        "id": "t",
        "title": "T",
        "proposals": [
            {
                "id": f"p{i}",
                "proposed_by": ["a"],
                "addressed_to": ["b"],
                "made_on": "2025-07-01",
                "summary": "S",
                "status": "bogus",
            }
            for i in range(n)
        ],
    }


def test_problems_below_values_set_aside_are_found_by_lookup() -> None:
    """
    The loader's problems below a value set aside are left out, the others
    kept, in document order; each value set aside is looked at a few times,
    not once for each of the loader's problems.
    """
    n = 300
    document = _version_1_document(n)
    refused: list[tuple[str, str]] = [
        (_CountedPath(path), message) for path, message in version_1_refusals(document)
    ]
    assert len(refused) == n
    found = []
    for i in range(n):
        found += [
            (f"proposals[{i}].proposed_by", "is missing"),  # follows from the refusal
            (f"proposals[{i}].proposed_by[0]", "inside it"),
            (f"proposals[{i}].history[0].status", "is not a valid status"),
            (f"proposals[{i}].proposed_by_x", "unknown key"),  # not below it
        ]
    _CountedPath.uses = 0
    problems = document_problems(document, found, refused, [])
    assert _CountedPath.uses <= 8 * n  # 8 * n * n were each compared with each problem
    assert problems == [
        problem
        for i in range(n)
        for problem in (
            refused[i],
            (f"proposals[{i}].status", "is not a valid status"),
            (f"proposals[{i}].proposed_by_x", "unknown key"),
        )
    ]


_KEYS = st.sampled_from(["a", "b", "ab", "a.b", "a[0"])
_PATHS = st.builds(
    lambda first, rest: first + "".join(rest),
    st.sampled_from(["a", "b", "ab"]),
    st.lists(
        st.one_of(
            _KEYS.map(lambda key: f".{key}"),
            st.sampled_from([0, 1, 10]).map(lambda index: f"[{index}]"),
        ),
        max_size=4,
    ),
)


def _at_or_below(path: str, place: str) -> bool:
    """The rule, written pairwise: *path* is *place* or inside it."""
    return path == place or path.startswith((place + ".", place + "["))


@given(
    found=st.lists(st.tuples(_PATHS, st.sampled_from(["x", "y"])), max_size=12),
    refused=st.lists(_PATHS, max_size=5, unique=True),
    cut=st.lists(st.integers(0, 30), max_size=5),
)
def test_problems_below_values_set_aside_as_compared_pairwise(
    found: list[tuple[str, str]], refused: list[str], cut: list[int]
) -> None:
    """
    The problems left out are exactly those at or below a value set aside,
    as comparing each problem with each value gives (the places set aside
    include starts of the problems' paths, cut anywhere).
    """
    places = list(
        dict.fromkeys(
            refused + [path[:at] for (path, _), at in zip(found, cut, strict=False)]
        )
    )
    set_aside = [(place, "set aside") for place in places if place]
    # every path starts with a key the document lacks: all are in one place,
    # so the problems set aside come first, then the loader's, in order
    assert document_problems({}, found, set_aside, []) == set_aside + [
        problem
        for problem in found
        if not any(_at_or_below(problem[0], place) for place, _ in set_aside)
    ]


class _CountedMoves(dict[str, str]):
    """The moves of the step from version 1, counting how often they are gone through."""

    iterations: ClassVar[int] = 0

    def __iter__(self) -> Iterator[str]:
        _CountedMoves.iterations += 1
        return super().__iter__()


def test_fields_of_version_2_below_moved_values_are_found_by_lookup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """
    A field of version 2 inside each of many version-1 quantities (which
    the step moves into ``quantities``) is reported where the document holds
    it; the step's moves are gone through a few times, not once for each
    such field.
    """
    n = 200
    rounds = [
        {
            "number": i + 1,
            "status": "held",
            "starts": "2025-05-16",
            "outcomes": [
                {
                    "text": "X",
                    "kind": "prisoner-exchange",
                    "quantity": {"amount": 1, "unit": "p", "precision": "about"},
                }
            ],
        }
        for i in range(n)
    ]
    text = json.dumps({"schema_version": 1, "id": "t", "title": "T", "rounds": rounds})
    moves_of = migrations.version_1_moves
    monkeypatch.setattr(
        migrations,
        "version_1_moves",
        lambda document: _CountedMoves(moves_of(document)),
    )
    _CountedMoves.iterations = 0
    with pytest.raises(ValidationError) as caught:
        from_json(Negotiation, text)
    assert _CountedMoves.iterations <= 4  # once for each field were they scanned
    assert [path for path, _ in caught.value.errors] == [
        f"rounds[{i}].outcomes[0].quantity.precision" for i in range(n)
    ]


# --- a coalition's memberships ----------------------------------------------------

_ZONES = [
    "UTC",
    "Pacific/Kiritimati",  # UTC+14: its mornings are the day before in UTC
    "Pacific/Pago_Pago",  # UTC-11: its evenings are the next day in UTC
    "Europe/Kyiv",
]


@st.composite
def _moments(draw: st.DrawFn) -> Moment:
    """Moments of every precision, packed into a few days so that they meet."""
    kind = draw(st.sampled_from(["date", "datetime", "datetime", "month", "year"]))
    if kind == "month":
        return PartialDate(2025, draw(st.sampled_from([6, 7])))
    if kind == "year":
        return PartialDate(draw(st.sampled_from([2024, 2025])))
    day = pendulum.date(2025, 6, 30).add(days=draw(st.integers(0, 2)))
    if kind == "date":
        return day
    return pendulum.datetime(
        day.year,
        day.month,
        day.day,
        draw(st.sampled_from([0, 1, 12, 22, 23])),
        tz=draw(st.sampled_from(_ZONES)),
    )


@st.composite
def _memberships(draw: st.DrawFn) -> Membership:
    """A membership of one of two parties, its ends open or of any precision."""
    since = draw(st.none() | _moments())
    until = draw(st.none() | _moments())
    if since is not None and until is not None and is_before(until, since):
        since, until = until, since  # never both before the other
    party = draw(st.sampled_from(["m", "m", "m", "n"]))
    return Membership(party=party, since=since, until=until)


def _pairwise_problems(members: list[Membership]) -> list[tuple[str, str]]:
    """The check of the memberships, written as each compared with each earlier one."""
    problems = []
    for index, member in enumerate(members):
        others = members[:index]
        if member in others:
            problems.append(
                (f"members[{index}]", f"party {member.party!r} appears twice")
            )
        elif any(
            member.party == other.party and member.overlaps(other) for other in others
        ):
            problems.append(
                (
                    f"members[{index}]",
                    f"party {member.party!r} is already a member for part of this span",
                )
            )
    return problems


def _problems_of(members: list[Membership]) -> list[tuple[str, str]]:
    try:
        Party(id="c", name="C", kind="coalition", members=members)
    except ValidationError as exc:
        return list(exc.errors)
    return []


@settings(max_examples=300)
@given(
    st.lists(_memberships(), min_size=1, max_size=8).flatmap(
        lambda pool: st.lists(st.sampled_from(pool), max_size=3).map(
            lambda repeated: pool + repeated  # some given twice
        )
    )
)
def test_memberships_overlap_as_compared_pairwise(members: list[Membership]) -> None:
    """
    A coalition's memberships are refused exactly where comparing each with
    every earlier membership of its party finds one equal, or one that
    overlaps it: with open ends, days, months, years and datetimes in zones
    whose days are not UTC's (where ``is_before`` is not transitive).
    """
    assert _problems_of(members) == _pairwise_problems(members)


def test_overlaps_across_precisions_found_as_compared_pairwise() -> None:
    """
    Late evening in Pago Pago is the next morning in UTC: as instants it is
    after an early morning in Kiritimati of the next day, as days it is before
    that day.  Each span is compared as ``overlaps`` compares it.
    """
    evening = pendulum.datetime(2025, 7, 1, 23, tz="Pacific/Pago_Pago")
    morning = pendulum.datetime(2025, 7, 2, 1, tz="Pacific/Kiritimati")
    assert is_before(morning, evening)
    day = pendulum.date(2025, 7, 2)
    cases = [
        [Membership(party="m", until=morning), Membership(party="m", since=evening)],
        [Membership(party="m", until=evening), Membership(party="m", since=day)],
        [Membership(party="m", since=day), Membership(party="m", until=evening)],
        [
            Membership(party="m", since=evening, until=evening),
            Membership(party="m", since=PartialDate(2025, 7), until=morning),
            Membership(party="m", since=day, until=day),
        ],
    ]
    for members in cases:
        assert _problems_of(members) == _pairwise_problems(members), members


def test_memberships_of_one_party_are_not_compared_pairwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """
    Thousands of memberships of one party (left and joined again each year)
    are checked without comparing each pair: ``overlaps`` and ``is_before``
    are called no more than a few times each.
    """
    n = 500
    members = [
        Membership(
            party="m",
            since=pendulum.date(1000 + i, 1, 1),
            until=pendulum.date(1000 + i, 6, 1),
        )
        for i in range(n)
    ] + [Membership(party="m", since=pendulum.date(1200, 3, 1))]
    calls = itertools.count()

    def overlaps(self: Membership, other: Membership) -> bool:
        next(calls)
        return original_overlaps(self, other)

    def counted_is_before(first: Any, second: Any) -> bool:
        next(calls)
        return is_before(first, second)

    original_overlaps = Membership.overlaps
    monkeypatch.setattr(Membership, "overlaps", overlaps)
    monkeypatch.setattr(parties, "is_before", counted_is_before)
    problems = _problems_of(members)
    assert next(calls) <= 2 * n  # n * n / 2 were each pair compared
    assert problems == [
        (f"members[{n}]", "party 'm' is already a member for part of this span")
    ]


def test_many_memberships_load() -> None:
    """A coalition with many disjoint memberships of one party loads whole."""
    members = [
        {"party": "m", "since": f"{1000 + i}-01-01", "until": f"{1000 + i}-06-01"}
        for i in range(300)
    ]
    text = json.dumps(
        {
            "schema_version": 2,
            "id": "t",
            "title": "T",
            "parties": [
                {"id": "m", "name": "M", "kind": "state"},
                {"id": "c", "name": "C", "kind": "coalition", "members": members},
            ],
        }
    )
    assert len(from_json(Negotiation, text).parties[1].members) == 300


# --- holidays given as a list ------------------------------------------------------


class _CountedDate(dt.date):
    """A holiday that counts how often it is compared for equality."""

    __slots__ = ()
    comparisons: ClassVar[int] = 0

    def __eq__(self, other: object) -> bool:
        _CountedDate.comparisons += 1
        return dt.date.__eq__(self, other)

    __hash__ = dt.date.__hash__


class _Asked:
    """A container with only ``__contains__``, asked about each day."""

    def __init__(self, days: Any) -> None:
        self.days = frozenset(days)
        self.asked = 0

    def __contains__(self, day: object) -> bool:
        self.asked += 1
        return day in self.days


class _OwnList(list[dt.date]):
    """A list of the user's own, whose ``in`` may not be a list's."""

    asked = 0

    def __contains__(self, day: object) -> bool:
        _OwnList.asked += 1
        return list.__contains__(self, day)


def _wednesdays(count: int, start: dt.date = dt.date(2000, 1, 5)) -> Iterator[dt.date]:
    return (start + dt.timedelta(weeks=week) for week in range(count))


def test_a_list_of_holidays_is_not_searched_on_each_day() -> None:
    """
    A list of holidays is looked up as a set: each holiday is compared a
    few times, not once on every day counted; the deadline is the set's.
    """
    holidays = [_CountedDate(d.year, d.month, d.day) for d in _wednesdays(300)]
    anchor = pendulum.date(2000, 1, 1)
    _CountedDate.comparisons = 0
    listed = Deadline.after_business_days(anchor, 1500, holidays=holidays)
    assert _CountedDate.comparisons <= 2 * len(holidays)  # 1500 * 300 on each day
    assert listed == Deadline.after_business_days(anchor, 1500, holidays=set(holidays))
    assert listed.holidays == tuple(holidays)


def test_other_containers_are_asked_as_they_are() -> None:
    """
    A container with only ``__contains__``, or a list of the user's own, is
    asked about each day counted, as before: only the built-in list and
    tuple are looked up as a set.
    """
    anchor = pendulum.date(2000, 1, 1)
    asked = _Asked(_wednesdays(30))
    deadline = Deadline.after_business_days(anchor, 100, holidays=asked)
    weekdays = 100 + len(deadline.holidays)  # every weekday up to the due day
    assert asked.asked == weekdays
    _OwnList.asked = 0
    own = Deadline.after_business_days(anchor, 100, holidays=_OwnList(_wednesdays(30)))
    assert _OwnList.asked == 30 + weekdays  # each date it lists checked first
    assert own == deadline


@given(
    anchor=st.dates(dt.date(1999, 12, 1), dt.date(2000, 2, 1)),
    n=st.integers(1, 120),
    holidays=st.lists(st.dates(dt.date(1999, 12, 1), dt.date(2000, 8, 1)), max_size=40),
    weekend=st.sets(st.integers(0, 6), max_size=3),
    as_pendulum=st.booleans(),
)
def test_a_list_or_tuple_of_holidays_counts_as_asking_each_day(
    anchor: dt.date,
    n: int,
    holidays: list[dt.date],
    weekend: set[int],
    as_pendulum: bool,
) -> None:
    """
    A list or a tuple of holidays (repeats, plain or pendulum dates) gives
    the deadline that asking a container about each day gives.
    """
    if as_pendulum:
        holidays = [pendulum.date(d.year, d.month, d.day) for d in holidays]
    asked = Deadline.after_business_days(
        anchor, n, holidays=_Asked(holidays), weekend=weekend
    )
    for given_as in (list(holidays), tuple(holidays)):
        assert (
            Deadline.after_business_days(anchor, n, holidays=given_as, weekend=weekend)
            == asked
        )
