"""
``Period.parse`` builds a period it reads without its ``__init__`` (a fast
path): the same value, of the same class, as the constructor gives for the
same parts, and the same refusals.
"""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from negotiation_records import Period, ValidationError


_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")
_LIMITS: tuple[int, ...] = (9999, 9999 * 12, 9999 * 53, 9999 * 366)
_LIMITS += (9999 * 366 * 24, 9999 * 366 * 24 * 60, 9999 * 366 * 24 * 3600)


def _text(parts: dict[str, int], zeros: int) -> str:
    pad = "0" * zeros
    date = "".join(
        f"{pad}{parts[name]}{unit}"
        for name, unit in zip(_UNITS[:4], "YMWD", strict=True)
        if name in parts
    )
    time = "".join(
        f"{pad}{parts[name]}{unit}"
        for name, unit in zip(_UNITS[4:], "HMS", strict=True)
        if name in parts
    )
    return f"P{date}" + (f"T{time}" if time else "")


@given(
    st.dictionaries(
        st.sampled_from(_UNITS), st.integers(0, 10**13), min_size=1, max_size=7
    ),
    st.integers(0, 2),
)
def test_a_parsed_period_is_the_constructors(parts: dict[str, int], zeros: int) -> None:
    text = _text(parts, zeros)
    assume(len(text) <= 64)  # longer texts are refused as they are
    refused: list[tuple[str, str]] | None = None
    try:
        built = Period(**parts)
    except ValidationError as exc:
        refused = [(path, f"{message} in {text!r}") for path, message in exc.errors]
    if refused is not None:
        with pytest.raises(ValidationError) as parsed:
            Period.parse(text)
        assert list(parsed.value.errors) == refused
        return
    parsed_period = Period.parse(text)
    assert parsed_period.__class__ is Period
    assert parsed_period == built
    assert attrs.astuple(parsed_period) == attrs.astuple(built)
    assert hash(parsed_period) == hash(built)
    assert pickle.loads(pickle.dumps(parsed_period)) == built  # noqa: S301
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        parsed_period.days = 1  # type: ignore[misc]


@pytest.mark.parametrize("limit", range(7))
def test_each_limit_is_the_constructors(limit: int) -> None:
    name = _UNITS[limit]
    for value in (_LIMITS[limit], _LIMITS[limit] + 1):
        text = _text({name: value}, 0)
        try:
            built = Period(**{name: value})
        except ValidationError:
            with pytest.raises(ValidationError):
                Period.parse(text)
        else:
            assert Period.parse(text) == built


@pytest.mark.parametrize(
    ("args", "given"),
    [(("P50D",), "'P50D'"), ((1, 2), "1, 2")],
)
def test_positional_parts_name_both_remedies(
    args: tuple[object, ...], given: str
) -> None:
    """``Period("P50D")`` names the keywords and ``Period.parse``, which pass."""
    with pytest.raises(TypeError) as caught:
        Period(*args)
    assert str(caught.value) == (
        f"Period takes its parts as keywords, not {given}: Period(days=50);"
        " read ISO 8601 text with Period.parse('P50D')"
    )
    assert Period(days=50) == Period.parse("P50D")
