"""Fuzzing the loader: broken documents fail in one way only, ValidationError."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation_records import (
    Negotiation,
    ValidationError,
    from_dict,
    from_json,
    to_json,
)
from tests.seed import seed_record


SEED = json.loads(to_json(seed_record()))
SEED_TEXT = to_json(seed_record()).encode("utf-8")
FIELDS = set(SEED)
PATH = re.compile(r"(\$|[a-z_]+|\[\d+\])(\.[a-z_]+|\[\d+\])*")


def _nested(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


# Values that are wrong in many places and awkward everywhere.
GARBAGE: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**20, max_value=10**400),
    st.floats(),  # NaN and infinities included
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "2025-02-30",
            "2025-07-14T12:00:00",
            "2025-07-14T12:00:00-05:00[America/New_York]",
            "2025-07-14T12:00:00+03:00[Mars/Olympus]",
            "2025-07-14T25:00:00Z",
            "0000-01-01",
            "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+14:00[Pacific/Kiritimati]",
            "P0D",
            "P99999999999999999999D",
            "-P1D",
            "PT",
            "state",
            "STATE",
            "Q0",
            "\ud800",
            "a" * 1000,
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.integers(1, 3000).map(_nested),
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


ALL_PATHS = _paths(SEED)


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        document = document[step]
    return document


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """The seed document with one to four random edits."""
    document: Any = copy.deepcopy(SEED)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        try:
            parent = _parent(document, path)
            if path:
                parent[path[-1]]  # the path may be gone after an earlier edit
        except (KeyError, IndexError, TypeError):
            continue
        if path and not isinstance(parent, (dict, list)):
            continue
        action = draw(
            st.sampled_from(
                ["delete", "replace", "extra-key", "wrap", "to-object", "swap", "whole"]
            )
        )
        if not path or action == "whole":
            document = draw(GARBAGE) if draw(st.booleans()) else document
            continue
        key = path[-1]
        if action == "delete":
            del parent[key]
        elif action == "replace":
            parent[key] = draw(GARBAGE)
        elif action == "extra-key":
            target = parent[key] if isinstance(parent[key], dict) else parent
            if isinstance(target, dict):
                target[draw(st.text(max_size=8))] = draw(GARBAGE)
        elif action == "wrap":
            parent[key] = [parent[key]]
        elif action == "to-object":
            parent[key] = {"value": parent[key]}
        else:
            other = draw(st.sampled_from(ALL_PATHS))
            try:
                parent[key] = copy.deepcopy(_parent(SEED, other)[other[-1]])
            except (IndexError, KeyError, TypeError):
                parent[key] = None
    return document


def assert_only_validation_errors(load: Any) -> None:
    """Call *load*; it may succeed, or raise a ValidationError with sane paths."""
    problems: tuple[tuple[str, str], ...] = ()
    rendered = ""
    try:
        result = load()
    except ValidationError as exc:
        problems = exc.errors
        rendered = str(exc)
    else:
        assert isinstance(result, Negotiation)
        return
    assert problems
    assert rendered  # the message renders
    for path, message in problems:
        assert PATH.fullmatch(path), path
        assert path == "$" or re.split(r"[.\[]", path)[0] in FIELDS | {""}, path
        assert message


FUZZ = settings(
    max_examples=1000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class TestFuzz:
    @FUZZ
    @given(mutated_documents())
    def test_mutated_data(self, document: Any) -> None:
        """Deleted keys, wrong types, garbage and extra keys only give ValidationError."""
        assert_only_validation_errors(lambda: from_dict(Negotiation, document))

    @FUZZ
    @given(mutated_documents())
    def test_mutated_json_text(self, document: Any) -> None:
        """The same documents, as JSON text, only give ValidationError."""
        try:
            text = json.dumps(document)
        except (ValueError, RecursionError):  # not expressible as JSON text
            return
        assert_only_validation_errors(lambda: from_json(Negotiation, text))

    @FUZZ
    @given(st.data())
    def test_mangled_bytes(self, data: st.DataObject) -> None:
        """Truncated, spliced and corrupted bytes only give ValidationError."""
        blob = bytearray(SEED_TEXT)
        for _ in range(data.draw(st.integers(1, 3))):
            at = data.draw(st.integers(0, len(blob)))
            action = data.draw(st.sampled_from(["truncate", "cut", "insert", "flip"]))
            if action == "truncate":
                del blob[at:]
            elif action == "cut":
                del blob[at : at + data.draw(st.integers(1, 50))]
            elif action == "insert":
                blob[at:at] = data.draw(
                    st.one_of(
                        st.binary(max_size=10),
                        st.sampled_from(
                            [b"[" * 5000, b'{"a":' * 3000, b"9" * 5000, b"NaN", b"\xff"]
                        ),
                    )
                )
            elif blob and at < len(blob):
                blob[at] ^= data.draw(st.integers(1, 255))
        assert_only_validation_errors(lambda: from_json(Negotiation, bytes(blob)))

    def test_the_seed_itself_loads(self) -> None:
        """The unmutated seed is valid, so every failure above comes from the edits."""
        assert from_json(Negotiation, SEED_TEXT) == seed_record()
