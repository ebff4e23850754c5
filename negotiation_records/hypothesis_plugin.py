"""
Hypothesis's ``from_type`` for every record class, through Hypothesis's plugin
entry point.

The package declares, in its metadata, the entry point

.. code-block:: toml

    [project.entry-points.hypothesis]
    negotiation-records = "negotiation_records.hypothesis_plugin:register_strategies"

Hypothesis loads the entry points of the group ``hypothesis`` when it is
imported, and calls :func:`register_strategies`: from then on
``st.from_type(Party)`` — and ``st.builds`` of anything annotated with a record
class — draws from the library's own strategies
(:mod:`negotiation_records.strategies`), which generate valid records only.
The library never imports Hypothesis itself: without Hypothesis installed
nothing happens, and ``import negotiation_records`` does not import this
module.  Set ``HYPOTHESIS_NO_PLUGINS=1`` to turn every such plugin off.

In a test module, with the package installed::

    from hypothesis import given, strategies as st
    from negotiation_records import Negotiation

    @given(st.from_type(Negotiation))
    def test_my_report(talks):
        ...
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import negotiation_records


if TYPE_CHECKING:
    from hypothesis import strategies as st


__all__ = ["RECORD_TYPES", "register_strategies"]

#: The names of the classes :func:`register_strategies` registers: every record
#: class of the package but the answers of the queries (worked out from a
#: record, not drawn), and :class:`~negotiation_records.PartialDate` and
#: :class:`~negotiation_records.Period`.
RECORD_TYPES: tuple[str, ...] = (
    "Action",
    "Agreement",
    "Alternative",
    "Condition",
    "Consequence",
    "Deadline",
    "DeadlineRevision",
    "Delegation",
    "Membership",
    "Milestone",
    "Negotiation",
    "Outcome",
    "PartialDate",
    "Party",
    "Period",
    "Phase",
    "Position",
    "Proposal",
    "Quantity",
    "Representative",
    "Response",
    "Round",
    "Source",
    "Statement",
    "StatusChange",
    "TimelineEvent",
    "Ultimatum",
    "Vote",
    "Window",
)


def _resolve(cls: type[Any]) -> st.SearchStrategy[Any]:
    """
    The library's strategy for *cls*, imported on first use.

    Hypothesis also asks the resolvers of the registered classes about their
    base classes (``st.from_type(object)`` asks about ``object``): for any class
    but those of :data:`RECORD_TYPES` the answer is ``NotImplemented``, which
    tells Hypothesis to look elsewhere.
    """
    if cls not in _registered():
        return NotImplemented  # type: ignore[no-any-return]
    from negotiation_records.strategies import for_type  # noqa: PLC0415

    return for_type(cls)


@functools.cache
def _registered() -> frozenset[type[Any]]:
    return frozenset(getattr(negotiation_records, name) for name in RECORD_TYPES)


def register_strategies() -> None:
    """
    Register the library's strategy for each class of :data:`RECORD_TYPES`
    with ``hypothesis.strategies.register_type_strategy``.

    The hook of the package's ``hypothesis`` entry point: Hypothesis calls it
    when it is imported.  Call it yourself where the package's metadata is not
    installed (a vendored copy, a path on ``sys.path``).  Calling it again does
    no harm; a strategy you register for one of these classes afterwards
    replaces the library's.  The strategies module is imported when a strategy
    is first drawn from, not here.  This module imports Hypothesis only here,
    so it may be imported, and this called, before Hypothesis is.

    Example:
        >>> from hypothesis import given, settings, strategies as st
        >>> from negotiation_records.hypothesis_plugin import register_strategies
        >>> register_strategies()
        >>> @settings(max_examples=10, database=None)
        ... @given(st.from_type(Deadline))
        ... def test_deadline(deadline):
        ...     assert deadline.cutoff is not None
        >>> test_deadline()
    """
    from hypothesis import strategies as st  # noqa: PLC0415 - see above

    for name in RECORD_TYPES:
        st.register_type_strategy(getattr(negotiation_records, name), _resolve)
