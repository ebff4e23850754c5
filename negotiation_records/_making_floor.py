"""
Where an agreement's entry into force may stand on the timeline (private):
after the steps of its day that made the text.  An agreement in force on
signature is signed, then due to enter into force, whatever the order of
the kinds of event says.
"""

from __future__ import annotations

from typing import Any

from negotiation_records.agreements import Agreement, AgreementStatus


__all__ = ["after_making"]

#: The steps that make a text, before it can enter into force.
_MAKING = frozenset(
    {
        AgreementStatus.DRAFTED,
        AgreementStatus.INITIALLED,
        AgreementStatus.SIGNED,
        AgreementStatus.RATIFIED,
    }
)


def after_making(
    agreement: Agreement, steps: dict[int, tuple[Any, ...]], key: tuple[Any, ...]
) -> tuple[Any, ...] | None:
    """
    The floor of the event of *agreement*'s entry into force, whose sort key
    is *key*: just after the last of the steps of the same day (drafted,
    initialled, signed, ratified; *steps* their sort keys by their index in
    the history), or ``None`` where no such step is dated that day.  A step
    of another day never moves it: an agreement applied from before its
    signature stays on its own day.
    """
    made = [
        steps[index]
        for index, change in enumerate(agreement.history)
        if change.status in _MAKING and index in steps and steps[index][0] == key[0]
    ]
    return (*max(made), 1) if made else None
