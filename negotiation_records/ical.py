"""
The deadlines and rounds of a record as an iCalendar file.

:func:`to_ical` writes RFC 5545 text that any calendar program imports or
subscribes to: one event (``VEVENT``) for each deadline — an ultimatum's, a
milestone's and each of its alternative deadlines, an agreement's entry into
force, the end of each of its phases and its expiry — and for each round that
is scheduled, held or cancelled and has a start.
The text is written by the library itself (no dependency).

**Times are in UTC, with the zone named.**  Every timed event is written in
UTC (``DTSTART:20250902T210000Z``), so no ``VTIMEZONE`` is needed and every
program shows the same instant; the zone the record names (``Europe/Kyiv``,
or a fixed offset such as ``+03:00``, written as a timestamp writes it, to
the second if it has seconds: ``-00:25:21``) is kept in the description and
in the property ``X-NEGOTIATION-RECORDS-TZID``.  Times are written to the
second.
A calendar without events (no deadline, no round in it, or an *at* before
them all) holds a ``VTIMEZONE`` for UTC instead, as RFC 5545 requires a
calendar to hold at least one component.

**A time UTC cannot hold is refused, not moved.**  A time in UTC has four
digits of year: it runs from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
A deadline that passes after that — one on 9999-12-31 in a zone west of
UTC, such as ``America/New_York``, whose day ends on 10000-01-01 in UTC —
or before it, a timed round that starts there, and a ``DTSTAMP`` there
(*stamp*, *at*, or the latest date of the sources) cannot be written: the
calendar is refused with a :class:`~negotiation_records.ValidationError`,
each such time at its path in the negotiation (``ultimatums[0].deadline``,
``rounds[2].starts``, ``sources[0].published``; with *at*, a deadline since
revised at ``ultimatums[0].revisions[0].previous``), the message naming the
record, the negotiation and the moment.  Writing it with its ``TZID``
instead would need a ``VTIMEZONE`` for that zone, which this module does
not write, and an all-day event would turn an instant into a day.  A timed
round that only *ends* there is written exactly: its end as its length
(``DURATION:PT15H30M``), as a round dated to the day to 9999-12-31 is.

* A deadline is an instant: the moment it passes (:attr:`Deadline.cutoff
  <negotiation_records.Deadline.cutoff>`).  A deadline on a day lasts to the
  end of that day in its zone, so "2 September, Europe/Kyiv" is written as
  ``20250902T210000Z`` (midnight in Kyiv).  The event has no end: it is a
  point in time.  So are an ultimatum's and a milestone's deadlines, the end
  of an agreement's phase and its expiry.
* An agreement's entry into force (``in_force``) is a start, not a limit: an
  entry into force on a day is an all-day event on that day
  (``DTSTART;VALUE=DATE:20210122``, no zone, as a round dated to a day), not
  the instant that day ends; one at a time of day is that instant.
* A round with a start time runs from its start to its end (when the end is a
  time too, later than the start to the second: an end in the second it starts
  is no ``DTEND``, and the round an instant); a round dated to a day is an
  all-day event (``VALUE=DATE``) over its days (to 9999-12-31, its
  ``DURATION`` in days, as no ``DTEND`` can follow); an end that such an
  event cannot hold (a time of day after a start dated to the day, a month
  after a day, a day after a start time) is written in its ``DESCRIPTION``
  (``Ends: 2025-08-16T18:00:00+03:00[Europe/Moscow].``).  A round dated only to a
  month or a year cannot be placed on a day and is left out, as are rounds
  only proposed or postponed (``postpone`` clears its start).  A round held
  stays (it took place); one cancelled stays as ``STATUS:CANCELLED``, so
  that a program that imported it does not keep it as confirmed.

**Reproducible.**  The same record gives the same text, byte for byte: each
event's ``UID`` is made of the negotiation's id and the record's
(``russia-ukraine-2025/ultimatums/us-ultimatum-2025-07/deadline@negotiation-records``),
so a calendar updates the event when the record changes (a publisher whose
negotiation ids others may use too gives its own domain, *uid_domain*, for
the part after ``@``, so that its ``UID`` are its own, as RFC 5545 wants); ``SEQUENCE`` is
counted from the record's history (below); ``DTSTAMP``, which RFC 5545
requires, is not the time of writing but a moment taken from the record (see
:func:`to_ical`).

**SEQUENCE rises with every significant change.**  RFC 5546 (2.1.4) counts a
change of ``DTSTART``, ``DTEND``, ``DURATION``, ``DUE`` or ``STATUS`` as
significant, and a calendar may ignore an update whose ``SEQUENCE`` did not
rise.  Each event's ``SEQUENCE`` counts the changes of the record's history
that can alter what the event shows:

* an ultimatum's or a milestone's deadline, an agreement's expiry: each
  revision of it (``revise_deadline``, ``extend``), plus each status step
  that can make it ``CANCELLED`` (an ultimatum withdrawn, a milestone
  cancelled or superseded, an agreement terminated or superseded).  The step
  counts whether or not it does: one that comes after the event's moment
  passed leaves its ``STATUS`` as it was (below), but changes its
  description, and the count never hangs on the deadline;
* an agreement's entry into force and the end of each of its phases: those
  status steps of the agreement (for the end of a phase, also each step
  into or out of ``expired`` and each revision of the agreement's expiry:
  an agreement that had expired before the phase ended closes it);
* an alternative deadline: the milestone's status steps, plus one once it is
  decided (``applied`` true or false), plus one once a revision has replaced
  the deadline it qualifies;
* a round: the status steps since it was first in the calendar (scheduled,
  held or cancelled).  A postponed round is left out of the calendar; one
  postponed and scheduled anew comes back with a ``SEQUENCE`` two higher.

Histories and revisions only grow as a record changes through its methods
(``revise_deadline``, ``extend``, ``with_status``, ``withdraw``,
``postpone``, ``schedule``, ...), and a snapshot (*at*) holds a first part
of them, so ``SEQUENCE`` never falls, whether the record changes or *at*
moves on, and rises whenever the times or the ``STATUS`` of the event do.
A change that leaves no trace in the history (``attrs.evolve`` of a round's
``starts``) is not seen: record it with the methods.  Nothing comes from the
clock; a ``SEQUENCE`` of 0, the default, is not written.

**The format.**  Lines end with CRLF and are folded at 75 octets, never inside
a UTF-8 character; commas, semicolons, backslashes and line breaks in text are
escaped.  An event whose deadline no longer applies has
``STATUS:CANCELLED``: that of an ultimatum withdrawn, of a milestone or of an
alternative deadline of it, the milestone cancelled or superseded, of an
agreement's entry into force, end of a phase or expiry, the agreement
terminated or superseded — each when the record was closed *before the
event's moment passed*, or at an unrecorded time (undated), the rule of the
deadline queries (:meth:`Negotiation.all_expired_deadlines
<negotiation_records.Negotiation.all_expired_deadlines>`).  So is the end
of a phase after which the agreement had already expired (its expiry earlier,
marked expired or not, or, with none, marked expired before the phase
ended), as the queries do not list it either, whatever became of the
agreement later.
A change dated to a day counts from the start of that day, so one on the
event's own day cancels it.  Closed only after the moment passed, the event
happened (an agreement that entered into force and was terminated a year
later; a deadline that ran out before an ultimatum was withdrawn, which the
queries list as expired): it keeps the ``STATUS`` it had.  With *at*, the
record as it stood then: a change not yet known cancels nothing.

An alternative deadline that did not apply is ``CANCELLED``, and so is each
alternative of one of the milestone's deadlines that a revision has since
replaced (its ``stage`` before the current one; with *at*, a revision known
then), whether it applied or not, as the queries count only the deadline in
force.  Of the current deadline's alternatives, one not yet decided is
``TENTATIVE`` and one that applied has no ``STATUS``, as the milestone's own
deadline; a milestone met or missed keeps them so (the record does not say
that an undecided one did not apply), as does one cancelled or superseded
after the alternative's deadline passed.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Final, NamedTuple, cast

import pendulum

from negotiation_records._argument_problems import ArgumentProblems
from negotiation_records._closing import (
    AGREEMENT_ENDED,
    MILESTONE_CANCELLED,
    closed_in_time,
    expired_before,
)
from negotiation_records._export_ids import SeenIds, check_many, domain_problems
from negotiation_records._ical_times import (
    NO_UTC,
    all_day_end,
    beyond_utc,
    check_stamp,
    day_start,
    timed_end,
    utc,
    utc_text,
)
from negotiation_records._in_words import counting_words
from negotiation_records._lookup import KEYS
from negotiation_records._moment_refusals import offset_text
from negotiation_records._snapshot_places import positions_in
from negotiation_records.agreements import Agreement, AgreementStatus, Phase
from negotiation_records.conditions import Condition
from negotiation_records.deadlines import Deadline
from negotiation_records.errors import ValidationError
from negotiation_records.fields import text_problems
from negotiation_records.history import StatusChange
from negotiation_records.milestones import Milestone, MilestoneStatus
from negotiation_records.negotiation import Negotiation
from negotiation_records.rounds import Round, RoundStatus
from negotiation_records.timeutil import (
    Moment,
    PartialDate,
    moment_argument,
    moment_sort_key,
    moment_span,
    moment_text,
)
from negotiation_records.ultimatums import Ultimatum, UltimatumStatus


__all__ = ["ICAL_ZONE_PROPERTY", "PRODID", "to_ical"]

PRODID = "-//negotiation-records//negotiation-records//EN"
"""The ``PRODID`` of the calendars :func:`to_ical` writes."""

ICAL_ZONE_PROPERTY = "X-NEGOTIATION-RECORDS-TZID"
"""The property that names the zone of a timed event (``Europe/Kyiv``)."""

_DOMAIN = "negotiation-records"
_LINE_OCTETS = 75
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)

#: The one component of a calendar without events: RFC 5545 (3.6) requires at
#: least one, and a definition of UTC, the zone of every time written, is true
#: of any calendar.
_NO_EVENT = (
    "BEGIN:VTIMEZONE",
    "TZID:UTC",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0000",
    "TZNAME:UTC",
    "END:STANDARD",
    "END:VTIMEZONE",
)


class _Event(NamedTuple):
    """One VEVENT, before it is written."""

    sort: _dt.datetime
    uid: str
    lines: list[str]


_Where = tuple[str, object, str]
"""Where a time is: a collection, the key of a record in it, and a field."""


# --- text ---------------------------------------------------------------------------


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, comma, semicolon, line breaks."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """
    *line* folded (RFC 5545, 3.1): no line longer than 75 octets, a continuation
    starting with a space, never splitting a UTF-8 character.
    """
    if len(line.encode("utf-8")) <= _LINE_OCTETS:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = _LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, _LINE_OCTETS - 1  # the space counts
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _zone_name(moment: pendulum.DateTime) -> str:
    """
    The IANA name of a datetime's zone, or its fixed UTC offset as a
    timestamp writes it (``+03:00``; ``-00:25:21`` with seconds, which
    pendulum's own name of the zone leaves out).
    """
    tz = moment.tzinfo
    if isinstance(tz, pendulum.Timezone):
        return tz.name
    return offset_text(moment.utcoffset())


# --- SEQUENCE -----------------------------------------------------------------------


def _status_steps(
    history: tuple[StatusChange, ...],
    initial: enum.Enum,
    shown: Callable[[enum.Enum | str], object],
) -> int:
    """
    How many steps of *history* (from *initial*) change what the event shows,
    ``shown(status)``: its ``STATUS``, or whether it is written at all.
    """
    steps = 0
    current = shown(initial)
    for change in history:
        now = shown(change.status)
        if now != current:
            steps += 1
            current = now
    return steps


def _withdrawn(status: enum.Enum | str) -> bool:
    return status is UltimatumStatus.WITHDRAWN


def _milestone_ended(status: enum.Enum | str) -> bool:
    return status in MILESTONE_CANCELLED


def _agreement_ended(status: enum.Enum | str) -> bool:
    return status in AGREEMENT_ENDED


def _expired(status: enum.Enum | str) -> bool:
    return status is AgreementStatus.EXPIRED


def _cancelled(
    ended: bool, history: tuple[StatusChange, ...], deadline: Deadline
) -> bool:
    """
    Whether a record *ended* (withdrawn, cancelled, superseded, terminated)
    cancels the event of *deadline*: it ended before the deadline passed, or
    at an unrecorded time, by the rule of the deadline queries
    (:func:`~negotiation_records._closing.closed_in_time`).  Ended later, the
    deadline had passed: the event keeps the ``STATUS`` it had.
    """
    return ended and closed_in_time(history, deadline)


#: The ``STATUS`` of a round on the calendar, by its status: a round only
#: proposed, or postponed (``postpone`` clears its start), is not on it.
_ROUND_STATUS: Final = {
    RoundStatus.SCHEDULED: "CONFIRMED",
    RoundStatus.HELD: "CONFIRMED",
    RoundStatus.CANCELLED: "CANCELLED",
}


def _on_the_calendar(status: enum.Enum | str) -> object:
    return status if status in _ROUND_STATUS else None


def _round_sequence(rnd: Round) -> int:
    """
    A round's ``SEQUENCE``: the steps since it was first on the calendar
    (each postponement, each new scheduling after one, held, cancelled).
    """
    steps = _status_steps(rnd.history, RoundStatus.PROPOSED, _on_the_calendar)
    return max(steps - 1, 0)


# --- events -------------------------------------------------------------------------


class _Writer:
    """Collects the events of one record (*talks*, a snapshot of *whole*)."""

    def __init__(
        self, talks: Negotiation, whole: Negotiation, domain: str = _DOMAIN
    ) -> None:
        self.talks = talks
        self.whole = whole
        self.domain = domain
        self.names = {party.id: party.name for party in talks.parties}
        self.sources = {source.id: source for source in talks.sources}
        #: What the calendar cannot write (:meth:`written`): (path, message).
        self.problems: list[tuple[str, str]] = []

    def place(self, where: _Where, kept: int | None = None) -> str:
        """
        The path in the whole record of *where*: a collection, the key of a
        record in it and a field (``ultimatums[0].deadline``).  *kept*: the
        revisions of a revised deadline the snapshot keeps; fewer than the
        record has, the deadline then in force is the earlier one a later
        revision replaced (``ultimatums[0].revisions[0].previous``).
        """
        name, key, field = where
        records = getattr(self.whole, name)
        index, record = next(
            (index, record)
            for index, record in enumerate(records)
            if getattr(record, KEYS[name]) == key
        )
        if kept is not None and kept < len(record.revisions):
            field = f"revisions[{kept}].previous"
        return f"{name}[{index}].{field}"

    def written(
        self, moment: pendulum.DateTime, where: Callable[[], str], who: str, when: str
    ) -> _dt.datetime:
        """
        The instant of *moment* in UTC, as ``DTSTART`` writes it; one that no
        time in UTC can be (:func:`_edge`) is kept as a problem at the path
        ``where()``, not moved to the edge: *who* names what is then, *when*
        says when (``due 9999-12-31T22:00:00-05:00[America/New_York]``).
        """
        edge = beyond_utc(moment)
        if edge is not None:
            what = f"{who} (negotiation {self.talks.id!r}), {when}, {edge}"
            self.problems.append((where(), f"{what}: {NO_UTC}"))
        return utc(moment)

    def alternative_places(self, milestone: Milestone) -> list[int]:
        """The index of each alternative of *milestone* in the whole record."""
        if self.talks is self.whole:
            return list(range(len(milestone.alternatives)))
        whole = self.whole.milestone(milestone.id)
        return positions_in(whole.alternatives, milestone.alternatives)

    def names_of(self, parties: Iterable[str]) -> str:
        names = [self.names.get(p, p) for p in parties]
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]

    def uid(self, *parts: object) -> str:
        return "/".join([self.talks.id, *map(str, parts)]) + f"@{self.domain}"

    def cited(self, source_ids: Iterable[str]) -> list[str]:
        lines = []
        for source_id in dict.fromkeys(source_ids):
            source = self.sources[source_id]
            words = [source.publisher]
            if source.title is not None:
                words.append(f"“{source.title}”")
            if source.published is not None:
                words.append(moment_text(source.published))
            if source.url is not None:
                words.append(source.url)
            lines.append("Source: " + ", ".join(words))
        return lines

    def stamp(self, given: Moment | None) -> _dt.datetime:
        """
        ``DTSTAMP``: *given* (the *stamp*, else the *at*, checked by
        :func:`~negotiation_records._ical_times.check_stamp`), else the latest date of the sources (a time no
        time in UTC can be is a problem: :meth:`written`), else 1970.
        """
        if given is not None:
            return moment_span(given)[0]
        dated = [
            (moment_sort_key(moment)[0], source.id, name, moment)
            for source in self.talks.sources
            for name in ("published", "accessed")
            if (moment := getattr(source, name)) is not None
        ]
        if not dated:
            return _EPOCH
        _, key, name, latest = max(dated, key=lambda item: item[0])
        if not isinstance(latest, pendulum.DateTime):
            return moment_span(latest)[0]
        return self.written(
            latest,
            lambda: self.place(("sources", key, name)),
            f"source {key!r}",
            f"{name} {moment_text(latest)}, the latest date of the sources and "
            "so the calendar's DTSTAMP as no stamp is given",
        )

    def events(self) -> Iterator[_Event]:
        talks = self.talks
        for ultimatum in talks.ultimatums:
            yield self.ultimatum(ultimatum)
        for milestone in talks.milestones:
            yield from self.milestone(milestone)
        for agreement in talks.agreements:
            yield from self.agreement(agreement)
        for rnd in talks.rounds:
            event = self.round(rnd)
            if event is not None:
                yield event

    def deadline(
        self,
        uid: str,
        summary: str,
        deadline: Deadline,
        about: list[str],
        *,
        where: _Where,
        who: str,
        sequence: int = 0,
        status: str | None = None,
        begins: str | None = None,
        kept: int | None = None,
    ) -> _Event:
        """
        The event of *deadline*: the instant it passes (its cutoff).  With
        *begins*, the words for what starts then ("Enters into force"), it is
        a start instead: its day (an all-day event) or its instant.  An instant
        no time in UTC can be is a problem at *where* (:meth:`written`), *who*
        naming the deadline ("the deadline of ultimatum 'u'"); *kept*, for a
        revised deadline, the revisions the record has kept (:meth:`place`).
        """
        cutoff = deadline.cutoff
        zone = _zone_name(cutoff)
        due = deadline.due
        day: _dt.date | None = None  # the day of an all-day event
        if begins is not None and isinstance(due, pendulum.DateTime):
            when = f"{begins} at {moment_text(due)}"
        elif begins is not None:
            assert isinstance(due, _dt.date)  # noqa: S101 - PartialDate refused
            when = f"{begins} on {moment_text(due)}, dated to the day: an all-day event"
            day = due
        elif isinstance(due, pendulum.DateTime):
            when = f"Due {moment_text(due)}"
        else:
            when = (
                f"Due {moment_text(due)}, to the end of the day in {zone}; "
                f"passes at {moment_text(cutoff)}"
            )
        description = [about[0], f"{when}."]
        counted = counting_words(deadline)  # the day's end is said above
        if counted is not None:
            description.append(f"Rule: {counted}.")
        description += [f"Time zone: {zone}.", *about[1:]]
        if day is None:
            if isinstance(due, pendulum.DateTime):
                at = f"{'at' if begins else 'due'} {moment_text(due)}"
            else:
                at = (
                    f"due {moment_text(due)} in {zone}, passes at {moment_text(cutoff)}"
                )
            place = functools.partial(self.place, where, kept)
            sort = self.written(cutoff, place, who, at)
            start = f"DTSTART:{utc_text(sort)}"
        else:
            start, sort = day_start(day)
        lines = [
            start,
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(chr(10).join(description))}",
            "CATEGORIES:Deadline",
        ]
        if day is None:  # an all-day event has no zone: the same day everywhere
            lines.append(f"{ICAL_ZONE_PROPERTY}:{_escape(zone)}")
        if sequence:
            lines.append(f"SEQUENCE:{sequence}")
        if status is not None:
            lines.append(f"STATUS:{status}")
        return _Event(sort, uid, lines)

    def ultimatum(self, ultimatum: Ultimatum) -> _Event:
        demand = ultimatum.demand
        text = demand.text if isinstance(demand, Condition) else demand
        issuer = self.names_of([ultimatum.issued_by])
        summary = f"Ultimatum deadline: {issuer}"
        if ultimatum.addressed_to:
            summary += f" to {self.names_of(ultimatum.addressed_to)}"
        summary += f" — {text}"
        about = [
            f"{issuer} issued the ultimatum {ultimatum.id!r} on "
            f"{moment_text(ultimatum.issued_at)}: {text}.",
            *(f"Consequence: {c.text}." for c in ultimatum.consequences),
            f"Status: {ultimatum.status.value}.",
            *self.cited(ultimatum.sources),
            f"Negotiation: {self.talks.title}.",
        ]
        withdrawn = _cancelled(
            ultimatum.status is UltimatumStatus.WITHDRAWN,
            ultimatum.history,
            ultimatum.deadline,
        )
        return self.deadline(
            self.uid("ultimatums", ultimatum.id, "deadline"),
            summary,
            ultimatum.deadline,
            about,
            where=("ultimatums", ultimatum.id, "deadline"),
            who=f"the deadline of ultimatum {ultimatum.id!r}",
            kept=len(ultimatum.revisions),
            sequence=len(ultimatum.revisions)
            + _status_steps(ultimatum.history, UltimatumStatus.PENDING, _withdrawn),
            status="CANCELLED" if withdrawn else None,
        )

    def milestone(self, milestone: Milestone) -> Iterator[_Event]:
        about = [f"Milestone {milestone.id!r}: {milestone.title}."]
        if milestone.set_by:
            about.append(f"Set by {self.names_of(milestone.set_by)}.")
        if milestone.applies_to:
            about.append(f"Applies to {self.names_of(milestone.applies_to)}.")
        about.append(f"Status: {milestone.status.value}.")
        about += self.cited(milestone.sources)
        about.append(f"Negotiation: {self.talks.title}.")
        ended = _milestone_ended(milestone.status)
        steps = _status_steps(
            milestone.history, MilestoneStatus.PENDING, _milestone_ended
        )
        yield self.deadline(
            self.uid("milestones", milestone.id, "deadline"),
            f"Milestone: {milestone.title}",
            milestone.deadline,
            about,
            where=("milestones", milestone.id, "deadline"),
            who=f"the deadline of milestone {milestone.id!r}",
            kept=len(milestone.revisions),
            sequence=len(milestone.revisions) + steps,
            status="CANCELLED"
            if _cancelled(ended, milestone.history, milestone.deadline)
            else None,
        )
        places = self.alternative_places(milestone)
        applied = {None: "not yet known", True: "yes", False: "no"}
        for index, alternative in zip(places, milestone.alternatives, strict=True):
            lines = [
                f"Alternative deadline of milestone {milestone.id!r}: "
                f"{alternative.condition}.",
                f"Applied: {applied[alternative.applied]}.",
            ]
            # The deadline it qualifies was replaced by a revision (one known
            # at *at*, in a snapshot): none of its alternatives applies now.
            replaced = alternative.stage < len(milestone.revisions)
            if replaced:
                when = milestone.revisions[alternative.stage].revised_on
                lines.append(
                    f"The deadline it qualifies was replaced on {moment_text(when)}."
                )
            if (
                _cancelled(ended, milestone.history, alternative.deadline)
                or replaced
                or alternative.applied is False
            ):
                status: str | None = "CANCELLED"
            elif alternative.applied:
                status = None
            else:
                status = "TENTATIVE"
            # TENTATIVE until decided, replaced or ended: one step for each.
            sequence = steps + (alternative.applied is not None) + replaced
            yield self.deadline(
                self.uid("milestones", milestone.id, "alternatives", index),
                f"Milestone (alternative): {milestone.title} — {alternative.condition}",
                alternative.deadline,
                [*lines, *about],
                where=("milestones", milestone.id, f"alternatives[{index}].deadline"),
                who=f"alternative deadline {index} of milestone {milestone.id!r}",
                sequence=sequence,
                status=status,
            )

    def agreement(self, agreement: Agreement) -> Iterator[_Event]:
        about = [f"Agreement {agreement.id!r}: {agreement.title}."]
        if agreement.signatories:
            about.append(f"Signatories: {self.names_of(agreement.signatories)}.")
        about.append(f"Status: {agreement.status.value}.")
        about += self.cited(agreement.sources)
        about.append(f"Negotiation: {self.talks.title}.")
        ended = _agreement_ended(agreement.status)

        def status(deadline: Deadline) -> str | None:
            cancelled = _cancelled(ended, agreement.history, deadline)
            return "CANCELLED" if cancelled else None

        steps = _status_steps(
            agreement.history, AgreementStatus.DRAFTED, _agreement_ended
        )
        if agreement.in_force is not None:
            yield self.deadline(
                self.uid("agreements", agreement.id, "in-force"),
                f"Agreement enters into force: {agreement.title}",
                agreement.in_force,
                about,
                where=("agreements", agreement.id, "in_force"),
                who=f"the entry into force of agreement {agreement.id!r}",
                sequence=steps,
                status=status(agreement.in_force),
                begins="Enters into force",
            )
        # An agreement that had expired before a phase ended closed it too, as
        # the queries read it: each step into or out of expired, and each
        # revision of the expiry it is compared with, can change that.
        expiry_steps = _status_steps(
            agreement.history, AgreementStatus.DRAFTED, _expired
        ) + len(agreement.revisions)
        for index, phase in enumerate(agreement.phases):
            if phase.ends is not None:
                closed = expired_before(
                    agreement.history, agreement.expires, phase.ends
                )
                yield self.phase_end(
                    agreement,
                    index,
                    phase,
                    phase.ends,
                    about=about,
                    sequence=steps + expiry_steps,
                    status="CANCELLED" if closed else status(phase.ends),
                )
        if agreement.expires is not None:
            yield self.deadline(
                self.uid("agreements", agreement.id, "expires"),
                f"Agreement expires: {agreement.title}",
                agreement.expires,
                about,
                where=("agreements", agreement.id, "expires"),
                who=f"the expiry of agreement {agreement.id!r}",
                kept=len(agreement.revisions),
                sequence=len(agreement.revisions) + steps,
                status=status(agreement.expires),
            )

    def phase_end(
        self,
        agreement: Agreement,
        index: int,
        phase: Phase,
        ends: Deadline,
        *,
        about: list[str],
        sequence: int,
        status: str | None,
    ) -> _Event:
        """The deadline at which *phase*, the *index*-th of *agreement*, ends."""
        lines = [
            f"{phase.name} of agreement {agreement.id!r} ({agreement.title}) ends.",
            *(f"Obligation: {obligation}." for obligation in phase.obligations),
            *self.cited(phase.sources),
            *about,
        ]
        return self.deadline(
            self.uid("agreements", agreement.id, "phases", index, "ends"),
            f"Agreement phase ends: {agreement.title} — {phase.name}",
            ends,
            list(dict.fromkeys(lines)),  # a source cited by both, once
            where=("agreements", agreement.id, f"phases[{index}].ends"),
            who=f"the end of phase {index} of agreement {agreement.id!r}",
            sequence=sequence,
            status=status,
        )

    def round(self, rnd: Round) -> _Event | None:
        starts, ends = rnd.starts, rnd.ends
        status = _ROUND_STATUS.get(rnd.status)
        if status is None or starts is None or isinstance(starts, PartialDate):
            return None
        summary = f"Round {rnd.number}: {self.talks.title}"
        if rnd.location:
            summary += f" ({rnd.location})"
        description = [
            f"Round {rnd.number} of {self.talks.title}, {rnd.level.value} level."
        ]
        if rnd.summary:
            description.append(f"{rnd.summary}.")
        at_table = [d.party for d in rnd.delegations]
        if at_table:
            description.append(f"Delegations: {self.names_of(at_table)}.")
        if rnd.hosts:
            description.append(f"Hosted by {self.names_of(rnd.hosts)}.")
        if rnd.mediators:
            description.append(f"Mediated by {self.names_of(rnd.mediators)}.")
        lines: list[str] = []
        if isinstance(starts, pendulum.DateTime):
            zone = _zone_name(starts)
            sort = self.written(
                starts,
                lambda: self.place(("rounds", rnd.number, "starts")),
                f"round {rnd.number}",
                f"starting at {moment_text(starts)}",
            )
            lines.append(f"DTSTART:{utc_text(sort)}")
            end = timed_end(starts, ends)
            if end is not None:
                lines.append(end)
            elif ends is not None:
                description.append(f"Ends: {moment_text(ends)}.")
            description.append(f"Starts {moment_text(starts)}; time zone: {zone}.")
        else:
            zone = None
            start, sort = day_start(starts)
            lines.append(start)
            last = ends.date() if isinstance(ends, pendulum.DateTime) else ends
            if isinstance(ends, (PartialDate, pendulum.DateTime)):
                # a month, or a time of day, that an all-day event cannot hold
                description.append(f"Ends: {moment_text(ends)}.")
            if not isinstance(last, PartialDate) and last is not None and last > starts:
                lines.append(all_day_end(starts, last))
            description.append("Dated to the day (no time of day): an all-day event.")
        description.append(f"Status: {rnd.status.value}.")
        description += self.cited(rnd.sources)
        lines += [
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(chr(10).join(description))}",
            "CATEGORIES:Round",
        ]
        if rnd.location:
            lines.append(f"LOCATION:{_escape(rnd.location)}")
        if zone is not None:
            lines.append(f"{ICAL_ZONE_PROPERTY}:{_escape(zone)}")
        sequence = _round_sequence(rnd)
        if sequence:
            lines.append(f"SEQUENCE:{sequence}")
        lines.append(f"STATUS:{status}")
        return _Event(sort, self.uid("rounds", rnd.number), lines)


# --- the arguments ------------------------------------------------------------------


def _negotiations(value: object) -> Iterator[Negotiation]:
    """
    *value* as negotiations, one at a time: one, or an iterable of them, read
    as it is used (a long file's records are not all held).  What cannot be
    an iterable of them is refused at once; once it is read through, every
    item that is not a ``Negotiation`` (at its index) and every repeated id
    (at ``[index].id``) is refused, all together in the order of the items.
    """
    if isinstance(value, Negotiation):
        return iter([value])
    check_many(value)
    return _checked(cast("Iterable[object]", value))


def _checked(items: Iterable[object]) -> Iterator[Negotiation]:
    """The negotiations of *items* (see :func:`_negotiations`)."""
    problems: list[tuple[str, str]] = []
    ids = SeenIds()
    for index, item in enumerate(items):
        if not isinstance(item, Negotiation):
            message = f"must be a Negotiation, got {type(item).__name__}"
            problems.append((f"[{index}]", message))
            continue
        problem = ids.repeated(item.id, index)
        if problem is not None:
            problems.append(problem)
        elif not problems:
            yield item
    if problems:
        raise ValidationError(problems)


def _check_uid_domain(domain: object) -> None:
    """Refuse a *uid_domain* that is not a DNS-style domain name."""
    problems = domain_problems(domain)
    if problems:
        raise ValidationError([("uid_domain", message) for message in problems])


def _check_name(name: object) -> None:
    """Refuse a calendar *name* that is not free text (a control character)."""
    problems = text_problems(name)
    if problems:
        raise ValidationError([("name", message) for _, message in problems])


# --- the public function ------------------------------------------------------------


def to_ical(
    negotiation: Negotiation | Iterable[Negotiation],
    *,
    at: Moment | _dt.date | None = None,
    stamp: _dt.datetime | _dt.date | None = None,
    name: str | None = None,
    uid_domain: str | None = None,
) -> str:
    """
    The deadlines and rounds of *negotiation* as an iCalendar file
    (RFC 5545 text, CRLF line ends).

    *negotiation* is one negotiation or several (any iterable): several give one
    calendar with the events of all of them.  The calendar is called *name*
    (free text, as a record's: no control character but tab and line breaks),
    else the negotiation's title, else "Negotiations" for several.

    One event for each ultimatum's deadline, each milestone's deadline and
    alternative deadlines, each agreement's entry into force, end of a phase
    and expiry, and each round scheduled, held or cancelled with a start, in
    the order of their
    start (then of their ``UID``).  See the module documentation above for how
    times are written.  A calendar without events holds a ``VTIMEZONE`` for
    UTC, the component RFC 5545 requires.

    With *at*, the record as it stood then (:meth:`Negotiation.as_of
    <negotiation_records.Negotiation.as_of>`): each deadline is the one in
    force then, and records not yet known are left out.

    Each ``UID`` ends in ``@negotiation-records``, or in ``@`` and
    *uid_domain* when given: a domain of the publisher's own
    (``talks.example.org``), so that two publishers whose negotiations have
    the same id do not give their events the same ``UID`` (RFC 5545 wants
    them globally unique).  It is a DNS-style domain name: labels of ASCII
    letters, digits and hyphens (1 to 63, not starting or ending with a
    hyphen) joined by dots, 253 characters at most, without a final dot; an
    internationalized name is written in its ASCII form (an ``xn--`` label,
    which must decode to one: ``"bücher.example".encode("idna")`` gives it).

    ``DTSTAMP`` is *stamp* (an aware datetime or a date, its start in UTC) when
    given, else *at*, else the latest ``published`` or ``accessed`` date of the
    record's sources (each negotiation's own), else 1970-01-01 — never the time
    of writing, so that the same record always gives the same file.

    Raises:
        ValidationError: every problem of the arguments at once, in their
            order, before any negotiation is read: *negotiation* is neither a
            ``Negotiation`` nor an iterable of them (at ``$``), *at* or
            *stamp* is not a moment (a naive datetime, text: at its name),
            *name* is not free text (at ``name``: a control character,
            nothing visible), *uid_domain* is not a domain name (at
            ``uid_domain``: empty, a space, an ``@``, a character outside
            ASCII, an empty label, ...).  Then, once the negotiations are
            read through, every item that is not a ``Negotiation`` (at
            ``[<index>]``) and every id that an earlier one has (at
            ``[<index>].id``: their events would have the same ``UID``),
            together in the order of the items.  A ``DTSTAMP`` (*stamp*, else
            *at*) that no time in UTC can be (after 9999-12-31 or before
            0001-01-01 in UTC) is refused with the arguments, at its name.
            A time of a negotiation that none can be (see the module
            documentation: a deadline on 9999-12-31 in New York) is refused
            when that negotiation is reached, every one of its times at
            once, each at its path in the negotiation, the message naming
            the record, the negotiation and the moment; nothing is written.

    Example:
        >>> talks = Negotiation(id="t", title="Talks", parties=[
        ...     Party(id="us", name="United States", kind="state"),
        ...     Party(id="ru", name="Russia", kind="state")],
        ...     ultimatums=[Ultimatum(
        ...         id="u", issued_by="us", addressed_to=["ru"],
        ...         issued_at=pendulum.date(2025, 7, 14), demand="Ceasefire",
        ...         deadline=Deadline.on(pendulum.date(2025, 9, 2), tz="Europe/Kyiv"))])
        >>> text = to_ical(talks)
        >>> print(text.replace("\\r\\n", "\\n"), end="")  # doctest: +ELLIPSIS
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//negotiation-records//negotiation-records//EN
        CALSCALE:GREGORIAN
        NAME:Talks
        X-WR-CALNAME:Talks
        BEGIN:VEVENT
        UID:t/ultimatums/u/deadline@negotiation-records
        DTSTAMP:19700101T000000Z
        DTSTART:20250902T210000Z
        SUMMARY:Ultimatum deadline: United States to Russia — Ceasefire
        ...
        END:VCALENDAR
        >>> [line for line in to_ical(talks, uid_domain="talks.example.org").split()
        ...  if line.startswith("UID")]
        ['UID:t/ultimatums/u/deadline@talks.example.org']
        >>> to_ical(talks, uid_domain="talks example")
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: uid_domain: must be a domain name: ...
    """
    # The arguments, all together, before the items (read as they are used).
    arguments = ArgumentProblems()
    several = arguments.read(lambda: _negotiations(negotiation))
    at_moment = (
        None if at is None else arguments.read(lambda: moment_argument(at, "at"))
    )
    given = at_moment
    if stamp is not None:
        given = arguments.read(lambda: moment_argument(stamp, "stamp"))
    if given is not None:  # DTSTAMP: a time in UTC
        path = "at" if stamp is None else "stamp"
        arguments.read(functools.partial(check_stamp, given, path))
    if name is not None:
        arguments.read(lambda: _check_name(name))
    if uid_domain is not None:
        arguments.read(lambda: _check_uid_domain(uid_domain))
    arguments.raise_any()
    assert several is not None  # noqa: S101 - no problem: negotiation was read
    if uid_domain is not None:
        uid_domain = str.__str__(uid_domain)  # the text checked, not a subclass's
    # Each negotiation in turn, as it stood at *at*: only its events are kept.
    events: list[tuple[_Event, str]] = []
    count, title = 0, ""
    for whole in several:
        talks = whole if at_moment is None else whole.as_of(at_moment)
        count, title = count + 1, talks.title
        writer = _Writer(talks, whole, uid_domain or _DOMAIN)
        found = list(writer.events())
        dtstamp = utc_text(writer.stamp(given))
        if writer.problems:  # what the calendar cannot write: not moved, refused
            raise ValidationError(writer.problems)
        events += [(event, dtstamp) for event in found]
    if name is None:
        name = title if count == 1 else "Negotiations"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"NAME:{_escape(name)}",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    events.sort(key=lambda pair: (pair[0].sort, pair[0].uid))
    for event, dtstamp in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_escape(event.uid)}",
            f"DTSTAMP:{dtstamp}",
            *event.lines,
            "END:VEVENT",
        ]
    if not events:
        lines += _NO_EVENT
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
