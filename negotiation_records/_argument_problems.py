"""
Checking a method's arguments together (private): every problem at once.

A method that reads several arguments reads each through an
:class:`ArgumentProblems`, which keeps what a reading refused and goes on with
the next, then raises one :class:`~negotiation_records.ValidationError` with
them all, in the order the arguments were read, and as its ``__cause__`` the
exception a user's object raised when read, if one did (a zone that raised
when asked its UTC offset: see :mod:`negotiation_records._unread`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from negotiation_records.errors import ValidationError


__all__ = ["ArgumentProblems"]

T = TypeVar("T")


class ArgumentProblems:
    """
    The problems of a method's arguments, gathered to be reported together.

    Example:
        >>> from negotiation_records._argument_problems import ArgumentProblems
        >>> def number(value: object, path: str) -> int:
        ...     if not isinstance(value, int):
        ...         raise ValidationError([(path, "must be an int")])
        ...     return value
        >>> arguments = ArgumentProblems()
        >>> arguments.read(lambda: number("x", "a")), arguments.read(lambda: number(2, "b"))
        (None, 2)
        >>> arguments.add([("c", "must be given")])
        >>> arguments.raise_any()
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: 2 problems:
          a: must be an int
          c: must be given
    """

    __slots__ = ("cause", "problems")

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []
        self.cause: BaseException | None = None

    def read(self, reading: Callable[[], T]) -> T | None:
        """
        What *reading* gives, or ``None`` when it raises a
        :class:`~negotiation_records.ValidationError`, whose problems are kept
        (and its ``__cause__``, the user's own failure, if it is the first).
        """
        try:
            return reading()
        except ValidationError as exc:
            self.problems += exc.errors
            if self.cause is None:
                self.cause = exc.__cause__
            return None

    def add(self, problems: Iterable[tuple[str, str]]) -> None:
        """Keep *problems*, ``(path, message)`` pairs found by the caller."""
        self.problems += problems

    def raise_any(self) -> None:
        """
        Raise one :class:`~negotiation_records.ValidationError` with every
        problem kept, if there is any, from the first cause kept.
        """
        if self.problems:
            raise ValidationError(self.problems) from self.cause
