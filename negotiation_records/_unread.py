"""
The user's values that raised when the library read them (private).

A list whose reading raises (a generator that loses its database part-way, a
list subclass whose ``len()`` fails), or a datetime whose ``tzinfo`` raises
when asked its UTC offset, is not let through as the raw exception: the
conversion gives a marker (the value and the exception), the check reports
its message at the field's or the argument's path with the other problems,
and the :class:`~negotiation_records.ValidationError` keeps the exception as
its ``__cause__`` (:func:`read_failure`), traceback and all.
"""

from __future__ import annotations

from collections.abc import Iterable

from negotiation_records._values import raised_text, short_repr


__all__ = ["Unread", "UnreadMoment", "UnreadValues", "read_failure"]


class Unread:
    """
    A value given by the user whose reading raised, and the exception.

    A :class:`MemoryError` (an ``Exception``, which the readings catch) is
    raised again here, not reported: it is the machine's, not the value's.
    """

    __slots__ = ("error", "value")

    def __init__(self, value: object, error: Exception) -> None:
        if isinstance(error, MemoryError):
            raise error
        self.value = value
        self.error = error

    def __repr__(self) -> str:
        return f"<{type(self.value).__name__} not read: {self.message}>"

    @property
    def message(self) -> str:
        """The problem, naming the exception."""
        return f"reading it raised {raised_text(self.error)}{_CAUSE}"


_CAUSE = " (the exception is the error's __cause__)"


class UnreadValues(Unread):
    """
    What ``as_tuple`` gives for a list whose reading raised (a generator that
    fails part-way, a list subclass whose ``__len__`` raises).

    The failure is reported, not let through: the values given for a field
    could not be read, which is a problem of that argument, reported at its
    path with the record's other problems, as a ``holidays`` container whose
    lookup raises is.  (Reporting it as "not a list", as before, was false:
    the value is a list that failed.)
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<values of {type(self.value).__name__} not read: {self.message}>"

    @property
    def message(self) -> str:
        """The problem: ``"reading the values raised ValueError: ..."``."""
        return (
            f"reading the values raised {raised_text(self.error)}; give a list "
            f"or a tuple{_CAUSE}"
        )


class UnreadMoment(Unread):
    """
    What ``to_moment`` gives for a datetime whose ``tzinfo`` raises when asked
    its UTC offset (a ``tzinfo`` subclass of the user's own that fails).
    """

    __slots__ = ()

    @property
    def message(self) -> str:
        """The problem: ``"the time zone of ... raised ValueError: ..."``."""
        zone = short_repr(getattr(self.value, "tzinfo", None), 60)
        return (
            f"the time zone {zone} raised {raised_text(self.error)} when asked "
            "its UTC offset; give a pendulum, zoneinfo or datetime.timezone "
            f"zone{_CAUSE}"
        )


def read_failure(values: Iterable[object]) -> Exception | None:
    """
    The exception that reading one of *values* (a record's field values, or a
    method's converted arguments) raised (an :class:`Unread`, alone or in a
    tuple), to be the cause of the
    :class:`~negotiation_records.ValidationError`; ``None`` if none did.
    """
    for value in values:
        if isinstance(value, Unread):
            return value.error
        if value.__class__ is tuple:
            assert isinstance(value, tuple)  # noqa: S101 - for mypy
            found = next((v.error for v in value if isinstance(v, Unread)), None)
            if found is not None:
                return found
    return None
