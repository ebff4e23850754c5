"""
The days a business-day count was given (private): the kind of a
deadline's ``holidays`` and ``workdays``, and the rule's check of them.

A deadline keeps them earliest first, whatever order they were given in, so
that a deadline loaded from a document is the one its rule builds.  They are
put in that order only by the deadline's own check across its fields, once
it has read them as given: a day the rule refuses is reported at the place
it was given (``holidays[2]``), in that order.  A set has no order, and no
places: its days are reported at the field (``holidays``), earliest first.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Set as AbstractSet
from typing import Any

from negotiation_records._codegen import Namespace
from negotiation_records._unread import UnreadValues
from negotiation_records._values import short_repr
from negotiation_records.fields import DaySet, Many, Problems
from negotiation_records.timeutil import moment_text


__all__ = ["CountedDays", "put_in_order", "stray_days"]


class CountedDays(DaySet):
    """
    Distinct calendar dates that a business-day count skipped or worked, as
    :class:`~negotiation_records.fields.DaySet`, but left as given (a set as
    a ``frozenset``, a list as a tuple in its order) until the record that
    holds them has checked them and put them in order (:func:`put_in_order`).
    """

    __slots__ = ()

    def convert(self, value: Any) -> Any:
        """A list as a tuple in its order; a set as a frozenset: no order."""
        if not isinstance(value, (set, frozenset)):
            return Many.convert(self, value)
        if not value:
            return ()
        convert = self.kind.convert if self.kind.converts else None
        try:
            return frozenset(value if convert is None else map(convert, value))
        except Exception as exc:  # noqa: BLE001 - the user's set, any error
            return UnreadValues(value, exc)

    def problems(self, value: object) -> Problems:
        if not isinstance(value, (set, frozenset)):
            return super().problems(value)
        item_problems = self.kind.problems
        return [
            (path, message)
            for day in sorted(value, key=_earliest_first)
            for path, message in item_problems(day)
        ]

    def load(self, value: Any, conv: Any) -> Any:
        """The dates of a JSON array, in its order (raises for a non-array)."""
        return Many.load(self, value, conv)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return Many.load_expr(self, ns, v, conv, depth)

    def read_code(
        self, ns: Namespace, v: str, pad: str, fail: str, *, conv: Any, depth: int = 0
    ) -> list[str]:
        return Many.read_code(self, ns, v, pad, fail, conv=conv, depth=depth)


def _earliest_first(day: object) -> tuple[int, int, str]:
    """Where a value of a set of days goes in its problems: dates first, in order."""
    if isinstance(day, _dt.date):
        return (0, day.toordinal(), "")
    return (1, 0, short_repr(day))


def put_in_order(record: Any, **given: Any) -> None:
    """
    Keep the days *given* (by field name) of a new *record* earliest first,
    as a tuple: for the record's check, once its fields are fine (they are
    distinct dates), which has read them as they were given.
    """
    for name, days in given.items():
        if days.__class__ is not tuple or len(days) > 1:
            object.__setattr__(record, name, tuple(sorted(days)))


def stray_days(
    path: str,
    days: Any,
    first: _dt.date,
    last: _dt.date,
    weekend: frozenset[int],
    *,
    skipped: tuple[str, AbstractSet[_dt.date]] | None = None,
) -> Problems:
    """
    The days of a count from *first* (not counted) to *last* that it could
    not have skipped (*path* ``"holidays"``: a weekday inside the count) or
    worked (``"workdays"``: a weekend day, outside *weekend*, inside it),
    nor passed over as a day the clocks of its zone skipped (*skipped*: the
    zone's name and those days; no count keeps one).  Each at its place as
    *days* were given (``holidays[2]``), in that order; a set's at *path*,
    earliest first.
    """
    off = path == "workdays"
    what = "weekend day" if off else "weekday"
    ordered = days.__class__ is tuple
    name, missing = skipped or ("", frozenset())
    problems: Problems = []
    for index, day in enumerate(days if ordered else sorted(days)):
        if not first < day <= last or (day.weekday() in weekend) != off:
            told = f"{moment_text(day)} is not a {what} inside the count"
        elif day in missing:
            told = f"{moment_text(day)} is not a day in {name}: its clocks skipped it"
        else:
            continue
        problems.append((f"{path}[{index}]" if ordered else path, told))
    return problems
