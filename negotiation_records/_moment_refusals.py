"""
Why a text is not a moment (private): the messages of
:func:`negotiation_records.timeutil.parse_moment` for a text that none of its
forms reads, with the advice that fits it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Final, Literal, NamedTuple

from negotiation_records._moment_patterns import (
    finer_timestamp,
    minute_timestamp,
    wall_time,
    zone_without_offset,
)
from negotiation_records._values import short_repr
from negotiation_records.errors import ValidationError


__all__ = [
    "impossible_timestamp",
    "not_a_moment",
    "offset_mismatch",
    "offset_text",
    "text_hint",
]

_EXAMPLE: Final = "-04:00[America/New_York]"


def not_a_moment(text: str) -> ValidationError:
    """
    The error for *text*, which no form of moment reads: a wall time without
    a UTC offset (alone, or followed by a zone, for which it names the offset
    that zone had then), or anything else.
    """
    form = _advised_form(text)
    if form is None:
        return ValidationError([("$", _other_refusal(text))])
    impossible = _impossible(form.wall)
    if impossible is not None:  # no advice on the form makes it a time there is
        return impossible_timestamp(text, impossible)
    return ValidationError([("$", _advice(text, form))])


def offset_mismatch(
    text: str, parsed: _dt.datetime, zoned: _dt.datetime, local: str, name: str
) -> ValidationError:
    """
    The error for *text*, a timestamp (*parsed*, at its own offset) whose
    offset is not the one its zone *name* has there (*zoned*: its instant in
    the zone, or at the ends of the calendar, where that instant cannot be
    made, its wall clock *local*).  Which was meant, the instant or the wall
    clock, the library does not guess: it writes each that there is.
    """
    message = (
        f"offset {offset_text(parsed.utcoffset())} does not match {name} at that "
        f"instant ({offset_text(zoned.utcoffset())}) in {short_repr(text)}"
    )
    from negotiation_records.timeutil import (  # noqa: PLC0415 - it imports this
        from_stdlib,
        moment_text,
    )

    hints = []
    if zoned - parsed == _dt.timedelta(0):  # the instant itself, in the zone
        there = moment_text(from_stdlib(zoned, zoned.tzinfo))  # as records write it
        hints.append(f"write {short_repr(there)} for that instant")
    wall = _offset_hint(local, name)
    if wall:
        hints.append(f"for that wall clock{wall}")
    if hints:
        message += "; " + ", or ".join(hints)
    return ValidationError([("$", message)])


def text_hint(value: object) -> str:
    """
    The hint for *value* given where a moment is wanted: for a text that
    :func:`~negotiation_records.timeutil.parse_moment` reads, to parse it;
    for one it does not, why not (its own words: the forms it reads, or
    what the text lacks); nothing for anything else.
    """
    if not isinstance(value, str):
        return ""
    from negotiation_records.timeutil import parse_moment  # noqa: PLC0415 - it imports this

    try:
        parse_moment(value)
    except ValidationError as exc:
        return f" (parse_moment does not read it either: {exc.errors[0][1]})"
    return " (parse text with parse_moment)"


def impossible_timestamp(text: str, reason: str) -> ValidationError:
    """
    The error for *text*, a timestamp of a moment's form that names no time
    there is (``T24:00``, 30 February, an offset of ``+24:00``), and why.
    """
    return ValidationError(
        [("$", f"impossible timestamp {short_repr(text)}: {reason}")]
    )


class _AdvisedForm(NamedTuple):
    """A form of text advised on: which, its wall clock, its zone's name."""

    name: Literal["wall time", "minute timestamp", "zone without offset"]
    wall: str
    zone: str = ""


def _advised_form(text: str) -> _AdvisedForm | None:
    """
    Which of the forms advised on *text* has (a wall time, a timestamp to the
    minute, a wall time followed by a zone), or None; each pattern is tried
    once.
    """
    if wall_time().fullmatch(text):
        return _AdvisedForm("wall time", text)
    if minute_timestamp().fullmatch(text):
        return _AdvisedForm("minute timestamp", text[:16])
    if match := zone_without_offset().fullmatch(text):
        local, name = match.groups()
        return _AdvisedForm("zone without offset", str(local), str(name))
    return None


def _advice(text: str, form: _AdvisedForm) -> str:
    """What to write instead of *text*, a time of the advised *form*."""
    quoted = short_repr(text)
    if form.name == "wall time":
        message = (
            f"{quoted} has no UTC offset; write one (Z, +03:00), followed by a "
            f"zone if you like ({_EXAMPLE}), or give a date"
        )
        if len(text) == 16:  # to the minute: the timestamp needs the seconds too
            message += (
                f"; a timestamp gives the seconds too: {short_repr(text + ':00Z')}"
            )
        return message
    if form.name == "minute timestamp":
        return (
            f"{quoted} has no seconds; RFC 3339 timestamps give them: "
            f"{short_repr(text[:16] + ':00' + text[16:])}"
        )
    return (
        f"{quoted} names a zone but no UTC offset; write the offset before "
        f"the zone{_offset_hint(form.wall, form.zone)}"
    )


def _other_refusal(text: str) -> str:
    """Why *text*, of no advised form, is not a moment."""
    quoted = short_repr(text)
    if finer_timestamp().fullmatch(text):
        return (
            f"{quoted} has more than six digits after the second: a moment is "
            "kept to the microsecond; round or cut it to six (.123456)"
        )
    return (
        f"{quoted} is not a moment (YYYY, YYYY-MM, YYYY-MM-DD or an "
        "RFC 3339/RFC 9557 timestamp)"
    )


def _impossible(wall: str) -> str | None:
    """
    Why the wall clock *wall* (``YYYY-MM-DDTHH:MM``, with seconds and a
    fraction or not) is no time there is (``T24:00``, 30 February), or None.
    """
    try:
        _dt.datetime.fromisoformat(wall[:19])  # the fraction's digits are the form's
    except ValueError as exc:
        return str(exc)
    return None


def _offset_hint(local: str, name: str) -> str:
    """
    The text with the offset the zone *name* had at the wall time *local*
    (both, where that wall time came twice), or why there is none; nothing for
    a zone or a time the library does not read.
    """
    from negotiation_records.timeutil import zone  # noqa: PLC0415 - it imports this

    try:
        tz = zone(name)
        wall = _dt.datetime.fromisoformat(local[:10] + "T" + local[11:])
        readings = [wall.replace(tzinfo=tz, fold=fold) for fold in (0, 1)]
        offsets = {offset_text(r.utcoffset()) for r in readings}
        # One offset: the time came once (at the calendar's edges, too, where
        # the instant in UTC cannot be made); two: it came twice, or never.
        happened = len(offsets) == 1 or any(
            r.astimezone(_dt.UTC).astimezone(tz).replace(tzinfo=None) == wall
            for r in readings
        )
    except (ValidationError, ValueError, OverflowError):
        return ""
    if not happened:
        return f" ({name} had no such time: its clocks went forward then)"
    if len(local) == 16:  # no seconds: the timestamp needs them
        local += ":00"
    texts = sorted(
        {short_repr(f"{local}{offset_text(r.utcoffset())}[{name}]") for r in readings}
    )
    if len(texts) == 1:
        return f": {texts[0]}"
    return f": {' or '.join(texts)} (that time came twice there)"


def offset_text(offset: _dt.timedelta | None) -> str:
    """A UTC offset as a timestamp writes it (``-04:00``; ``+00:19:32`` with seconds)."""
    total = int((offset or _dt.timedelta()).total_seconds())
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{'-' if total < 0 else '+'}{hours:02d}:{minutes:02d}"
    return f"{text}:{seconds:02d}" if seconds else text  # local mean times have seconds
