"""The benchmark scripts still run: every compared variant reads and writes the same JSON.

The timings themselves are never asserted here (the machines are noisy); see
``benchmarks/README.md``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from negotiation_records import (
    Negotiation,
    Party,
    ValidationError,
    _validators,
    from_json,
    to_json,
)


BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def scripts() -> Iterator[tuple[ModuleType, ModuleType]]:
    """The benchmark modules, imported as ``python benchmarks/...`` would."""
    pytest.importorskip("pydantic")
    pytest.importorskip("msgspec")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import ablation
        import run

        yield run, ablation
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_the_three_libraries_describe_the_same_document(
    scripts: tuple[ModuleType, ModuleType],
) -> None:
    """pydantic and msgspec read and write the reference document as the library does."""
    run, _ = scripts
    data = to_json(run.build_reference()).encode()
    run.check_equivalent(data)
    assert from_json(Negotiation, data) == run.build_reference()


def test_every_variant_of_the_ablation_gives_the_same_result(
    scripts: tuple[ModuleType, ModuleType],
) -> None:
    """With each optimisation off, the record read and the JSON written are the same."""
    _, ablation = scripts
    data = to_json(ablation.build_reference()).encode()
    cases = ablation.variants(data)
    ablation.check_same_output(data, cases)
    assert set(cases) == {"decode", "encode", "to_dict"}
    # and the library is left as it was: compiled checks, remembered ids
    assert _validators._REMEMBER_MATCHES
    assert Party(id="ukraine", name="Ukraine", kind="state").id == "ukraine"


def test_checks_without_remembered_ids_still_refuse_bad_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The plain pattern test (what the ablation measures against) is correct too."""
    monkeypatch.setattr(_validators, "_REMEMBER_MATCHES", value=False)
    monkeypatch.setattr(_validators, "_FAST", {})
    monkeypatch.setattr(_validators, "_VALIDATORS", {})
    assert Party(id="ukraine", name="Ukraine", kind="state").id == "ukraine"
    with pytest.raises(ValidationError, match="id: must be a lower-case slug"):
        Party(id="Ukraine", name="Ukraine", kind="state")
