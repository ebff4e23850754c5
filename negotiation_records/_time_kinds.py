"""
The field kinds of time (private; the public names are in
:mod:`negotiation_records.fields`): moments, dates and periods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Final

import pendulum

from negotiation_records._codegen import Namespace
from negotiation_records._iso_text import iso_date
from negotiation_records._kind import (
    MEMO,
    FixedKind,
    FrozenKind,
    Problems,
    SchemaDefs,
    fail,
)
from negotiation_records._moment_patterns import date_text
from negotiation_records._moment_shapes import quick_date, quick_moment
from negotiation_records._values import described, short_repr, show_json
from negotiation_records._zone_abbreviations import ABBREVIATED_ZONES
from negotiation_records.errors import ValidationError
from negotiation_records.timeutil import (
    Moment,
    PartialDate,
    Period,
    check_date,
    check_moment,
    moment_eq_key,
    moment_text,
    parse_moment,
    to_date,
    to_moment,
)


__all__ = [
    "DateKind",
    "MomentKind",
    "PeriodKind",
    "write_moment",
]


# --- time ---------------------------------------------------------------------------

_MOMENT_FORMS: Final = (
    "YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339/RFC 9557 timestamp such as "
    "'2025-07-14T12:00:00-04:00[America/New_York]'"
)
_FULL_FORMS: Final = (
    "YYYY-MM-DD or an RFC 3339/RFC 9557 timestamp such as "
    "'2025-07-14T12:00:00-04:00[America/New_York]'"
)
_ALWAYS_MOMENTS: Final = frozenset([pendulum.Date, PartialDate])
_PENDULUM_ZONES: Final = frozenset([pendulum.Timezone, pendulum.FixedTimezone])


def _load_moment(value: Any, _conv: Any = None) -> Moment:
    known = MEMO.moments.get(value) if value.__class__ is str else None
    if known is not None:  # a text this document gave before (see MEMO)
        return known  # type: ignore[no-any-return]
    if value.__class__ is not str:
        raise fail(
            f"must be a moment as text ({_MOMENT_FORMS}), got {show_json(value)}"
        )
    moment = quick_moment(value)
    if moment is None:  # a shape of its own, or a problem the parser will name
        try:
            moment = parse_moment(value)
        except ValidationError as exc:
            raise fail(exc.errors[0][1]) from None
    if len(MEMO.moments) >= MEMO.LIMIT:
        MEMO.moments.clear()  # a long file: the texts of the lines ahead
    MEMO.moments[value] = moment
    return moment


def _load_full_moment(value: Any, _conv: Any = None) -> Moment:
    """:func:`_load_moment` of a field that takes no month or year."""
    if value.__class__ is not str:
        raise fail(
            f"must be a date or a datetime as text ({_FULL_FORMS}), "
            f"got {show_json(value)}"
        )
    return _load_moment(value)


def write_moment(value: Moment) -> str:
    """The text of a moment in a record, as :func:`format_moment` writes it."""
    if value.__class__ is pendulum.Date:
        return iso_date(value)
    return moment_text(value)


class MomentKind(FrozenKind):
    """
    A moment: a date, a zone-aware datetime or (unless *partial* is false) a
    month or a year.  *refusal* is the message refusing a month or a year
    (``{value}`` stands for it).
    """

    __slots__ = ("partial", "refusal")
    _fields = ("partial", "refusal")
    partial: bool
    refusal: str

    def __init__(
        self,
        partial: bool = True,
        refusal: str = "must be a date or a datetime, not a month or a year",
    ) -> None:
        object.__setattr__(self, "partial", partial)
        object.__setattr__(self, "refusal", refusal)

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        return to_moment(value)

    @property
    def eq_key(self) -> Callable[[Any], Any] | None:
        return moment_eq_key

    def accepts(self) -> str:
        # Without partial dates, what converts to a date or a datetime.
        return "MomentInput" if self.partial else "_dt.date"

    def problems(self, value: object) -> Problems:
        if not self.partial and isinstance(value, PartialDate):
            return [("", self.refusal.format(value=value))]
        if self.partial:
            return check_moment(value)
        return check_moment(value, "a date or a zone-aware datetime")

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        always = _ALWAYS_MOMENTS if self.partial else frozenset([pendulum.Date])
        return [
            f"{pad}if {v}.__class__ not in {ns.name(always)} and ("
            f"{v}.__class__ is not {ns.name(pendulum.DateTime)} or "
            f"{v}.tzinfo.__class__ not in {ns.name(_PENDULUM_ZONES)} or "
            f"{v}.tzinfo.name.upper() in {ns.name(ABBREVIATED_ZONES)}):",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        return _load_moment(value) if self.partial else _load_full_moment(value)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        load = _load_moment if self.partial else _load_full_moment
        return f"{ns.name(load)}({v})"

    def read_code(
        self, ns: Namespace, v: str, pad: str, fail: str, *, conv: Any, depth: int = 0
    ) -> list[str]:
        # What the load reads passes the check: a date, a month or a year, or
        # a datetime in pendulum's zone of its offset or of a name that zone()
        # found (it refuses every abbreviation).  Only a month or a year is
        # left to refuse, where the kind refuses them.  A subclass that reads
        # or checks otherwise is read and checked its own way.
        own = type(self)
        if own.check_code is not MomentKind.check_code or (
            own.load_expr is not MomentKind.load_expr
        ):
            return super().read_code(ns, v, pad, fail, conv=conv, depth=depth)
        lines = [f"{pad}{v} = {self.load_expr(ns, v, conv, depth)}"]
        if not self.partial:
            lines += [
                f"{pad}if {v}.__class__ is {ns.name(PartialDate)}:",
                f"{pad}    {fail}",
            ]
        return lines

    def dump(self, value: Any, conv: Any) -> Any:
        return write_moment(value)

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return (
            f"({ns.name(iso_date)}({v}) if {v}.__class__ is {ns.name(pendulum.Date)} "
            f"else {ns.name(moment_text)}({v}))"
        )

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        if self.partial:
            return defs.time("Moment")
        return {"anyOf": [defs.time("Date"), defs.time("DateTime")]}


def _load_date(value: Any, _conv: Any = None) -> pendulum.Date:
    if value.__class__ is str:
        read = quick_date(value)
        if read is not None:
            return read
    if value.__class__ is not str or not date_text().fullmatch(value):
        raise fail(f"must be a date as text (YYYY-MM-DD), got {show_json(value)}")
    try:
        return pendulum.Date.fromisoformat(value)
    except ValueError as exc:
        raise fail(f"impossible date {short_repr(value)}: {exc}") from None


class DateKind(FixedKind):
    """A calendar date (``datetime.date`` becomes ``pendulum.Date``)."""

    __slots__ = ()

    converts: ClassVar[bool] = True

    def convert(self, value: Any) -> Any:
        return to_date(value)

    def accepts(self) -> str:
        return "DateInput"

    def problems(self, value: object) -> Problems:
        return check_date(value)

    def check_code(self, ns: Namespace, v: str, pad: str, fail: str) -> list[str]:
        return [
            f"{pad}if {v}.__class__ is not {ns.name(pendulum.Date)}:",
            f"{pad}    {fail}",
        ]

    def load(self, value: Any, conv: Any) -> Any:
        return _load_date(value)

    def load_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{ns.name(_load_date)}({v})"

    def dump(self, value: Any, conv: Any) -> Any:
        return (
            iso_date(value) if value.__class__ is pendulum.Date else value.isoformat()
        )

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return (
            f"({ns.name(iso_date)}({v}) if {v}.__class__ is {ns.name(pendulum.Date)} "
            f"else {v}.isoformat())"
        )

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return defs.time("Date")


#: A period whose parts are all zero, refused where a positive one is needed.
_ZERO_PERIOD: Final = {"pattern": "^P(0+[YMWD])*(T(0+[HMS])*)?$"}


def _load_period(value: Any, _conv: Any = None) -> Period:
    if value.__class__ is not str:
        raise fail(
            f"must be an ISO 8601 duration as text (P50D, PT48H), got {show_json(value)}"
        )
    try:
        return Period.parse(value)
    except ValidationError as exc:
        raise fail(exc.errors[0][1]) from None


class PeriodKind(FrozenKind):
    """A :class:`~negotiation_records.Period`; a positive one if *positive*."""

    __slots__ = ("positive",)
    _fields = ("positive",)
    positive: bool

    def __init__(self, positive: bool = True) -> None:
        object.__setattr__(self, "positive", positive)

    def accepts(self) -> str:
        return "Period"

    def problems(self, value: object) -> Problems:
        if not isinstance(value, Period):
            return [("", f"must be a Period, got {described(value)}")]
        if self.positive and value.is_zero:
            return [("", "must be a positive period, got a zero period")]
        return []

    def load(self, value: Any, conv: Any) -> Any:
        return _load_period(value)

    def dump(self, value: Any, conv: Any) -> Any:
        return value.isoformat()

    def dump_expr(self, ns: Namespace, v: str, conv: Any, depth: int = 0) -> str:
        return f"{v}.isoformat()"

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        if self.positive:
            return {"allOf": [defs.time("Period")], "not": _ZERO_PERIOD}
        return defs.time("Period")
