"""
The one rule the exports share about what they are given (private): a
negotiation id given twice is refused, as the events of both would have the
same ids (calendar ``UID``, PLOVER ``id``, the tables' keys).
"""

from __future__ import annotations

from negotiation_records.errors import ValidationError


__all__ = ["SeenIds"]


class SeenIds:
    """The ids of the negotiations an export was given, each with its position."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}

    def repeated(self, negotiation_id: str, index: int) -> tuple[str, str] | None:
        """
        Note the id of the *index*-th negotiation given; the problem, at
        ``[index].id``, when an earlier one has it.
        """
        seen = self.first.setdefault(negotiation_id, index)
        if seen == index:
            return None
        return (
            f"[{index}].id",
            f"negotiation id {negotiation_id!r} is already used by [{seen}]",
        )

    def add(self, negotiation_id: str, index: int) -> None:
        """:meth:`repeated`, raising its problem as a ValidationError."""
        problem = self.repeated(negotiation_id, index)
        if problem is not None:
            raise ValidationError([problem])
