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

from typing import Any, ClassVar

from hypothesis import given
from hypothesis import strategies as st

from negotiation_records.migrations import (
    document_problems,
    version_1_refusals,
)


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
