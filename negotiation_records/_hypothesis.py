"""
Hypothesis's strategies, or an :class:`ImportError` that names the extra to
install (private): the first import of :mod:`negotiation_records.strategies`.
"""

from __future__ import annotations

from typing import Final


__all__ = ["STRATEGIES_EXTRA_HINT", "st"]

STRATEGIES_EXTRA_HINT: Final = (
    "the strategies need Hypothesis; install the 'strategies' extra: "
    "python -m pip install 'negotiation-records[strategies]'"
)
"""The message of the :class:`ImportError` raised when Hypothesis is missing."""

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - tested in a subprocess
    raise ImportError(STRATEGIES_EXTRA_HINT, name="hypothesis") from exc
