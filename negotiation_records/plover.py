"""
PLOVER event data from a record, for researchers who code events.

`PLOVER <https://github.com/openeventdata/PLOVER>`_ (the Political Language
Ontology for Verifiable Event Records, of the Open Event Data Alliance) codes
what political actors do to each other as *events*: who (the ``source``
actors), to whom (the ``recipient`` actors), what (one of sixteen ``event``
types), how (a ``mode``) and why (a ``context``), on a day.  :func:`to_plover`
turns the dated events of a :class:`~negotiation_records.Negotiation` into such
records, and :func:`write_plover` writes them as JSON Lines, the interchange
format the PLOVER manual suggests.

**Which specification.**  The field names, the modes of each event type, the
contexts and the types that need a recipient follow the PLOVER manual,
draft version 0.8 (2021; ``PLOVER_MANUAL.tex`` in the openeventdata/PLOVER
repository), its "PLOVER JSON" table and its "Information object" tables.  The
sixteen event types are those of :class:`~negotiation_records.ActionKind`, as
used by the POLECAT data set (2023); the manual's draft still calls REQUEST
``DEMAND``, and REQUEST takes the modes listed there for DEMAND.

**Decisions**, each written down in :doc:`/plover` with the mapping table:

* the acting side is the spec's ``source`` field, a *list* of actor objects:
  an act of several parties (a joint proposal, a round) is one event with all
  of them, as the manual prescribes for compound actors, never one event per
  party;
* an actor is the party's Wikidata id (``identifier_id``), else its id in the
  record (a lower-case slug, which a Wikidata id, upper-case ``Q``, can never
  be), its name (``identifier_text``) and, when the record gives the party's
  country, its ISO 3166-1 alpha-3 code (``code``); a Wikidata id that two
  parties of the record give is used for neither (the two would be one
  actor, acting on itself), and each is named by its id in the record;
* PLOVER needs a day: an event dated only to a month or a year (``2025-07``) is
  left out, never put on a guessed day.  :func:`plover_skipped` lists what was
  left out and why, so nothing goes missing unseen;
* ``cite_info`` is a list of citeInfo objects, one per source cited (the
  manual shows one object, for records coded from one text; a record here may
  cite several);
* ids are ``<negotiation id>:<where in the record>``, the same for the same
  record every time, with or without ``at``: the indices in them are positions
  in the whole record, never in the snapshot of ``at``.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import IO, Any, NamedTuple

import pendulum

from negotiation_records._alpha3 import ALPHA_3
from negotiation_records._argument_problems import ArgumentProblems
from negotiation_records._export_ids import SeenIds, check_many
from negotiation_records._files import (
    BytesWriter,
    TextWriter,
    check_path,
    check_utf8,
    file_kind,
    lines_into,
    write_first,
    write_method,
)
from negotiation_records._plover_answers import coded_by_change, said_first
from negotiation_records._snapshot_places import Places
from negotiation_records.actions import Action, ActionKind
from negotiation_records.agreements import Agreement, AgreementStatus
from negotiation_records.conditions import Condition, ConditionKind
from negotiation_records.errors import ValidationError
from negotiation_records.history import StatusChange
from negotiation_records.negotiation import Negotiation
from negotiation_records.proposals import Proposal, ProposalStatus
from negotiation_records.rounds import Outcome, OutcomeKind, Round, RoundStatus
from negotiation_records.stances import Position, Response, Stance
from negotiation_records.timeline import EventKind, TimelineEvent
from negotiation_records.timeutil import (
    Moment,
    MomentInput,
    PartialDate,
    moment_argument,
)
from negotiation_records.ultimatums import ConsequenceKind, Ultimatum
from negotiation_records.votes import Vote, VoteResult


__all__ = [
    "PLOVER_ACTOR_FIELDS",
    "PLOVER_CITE_FIELDS",
    "PLOVER_CONTEXTS",
    "PLOVER_EVENT_TYPES",
    "PLOVER_FIELDS",
    "PLOVER_LOCATION_FIELDS",
    "PLOVER_MODES",
    "PLOVER_REQUIRES_RECIPIENT",
    "PLOVER_THREAT_MODES",
    "PLOVER_TYPES",
    "Plover",
    "PloverField",
    "PloverSkip",
    "plover_skipped",
    "to_plover",
    "write_plover",
]


# --- the specification ----------------------------------------------------------------


class PloverField(NamedTuple):
    """
    One field of a PLOVER event record, as the manual's "PLOVER JSON" table
    lists it.

    Attributes:
        required: Whether every record must have it (``id``, ``date``,
            ``source`` and ``event``).
        json_type: The JSON type of its value: ``"string"``, ``"boolean"``,
            ``"integer"``, ``"number"``, ``"object"`` or ``"array"``.
        items: For an array, the JSON type of its items.
        content: What it holds, in the manual's words.

    Example:
        >>> from negotiation_records.plover import PLOVER_FIELDS
        >>> PLOVER_FIELDS["date"]
        PloverField(required=True, json_type='string', items=None, content='date in YYYY-MM-DD format')
    """

    required: bool
    json_type: str
    items: str | None
    content: str


def _f(
    required: str, json_type: str, content: str, items: str | None = None
) -> PloverField:
    """A row of the manual's table: *required* is its "Required?" column, Y or N."""
    return PloverField(required == "Y", json_type, items, content)


#: The fields of a PLOVER event record, in the order of the manual's table
#: (draft 0.8), each with whether it is required and its JSON type.  Records
#: from :func:`to_plover` use these names only, in this order.
PLOVER_FIELDS: Mapping[str, PloverField] = MappingProxyType(
    {
        "id": _f("Y", "string", "unique identifier"),
        "has_event": _f("N", "boolean", "event has been coded (True/False)"),
        "date": _f("Y", "string", "date in YYYY-MM-DD format"),
        "time": _f("N", "string", "ISO 8601-formatted time"),
        "enddate": _f("N", "string", "date in YYYY-MM-DD format"),
        "endtime": _f("N", "string", "ISO 8601-formatted time"),
        "source": _f("Y", "array", "list of actor objects", "object"),
        "recipient": _f("N", "array", "list of actor objects", "object"),
        "event": _f("Y", "array", "list of event categories", "string"),
        "event_loc": _f("N", "object", "location object for event"),
        "event_text": _f("N", "array", "list of texts of event", "string"),
        "quad_code": _f("N", "integer", "1, 2, 3 or 4"),
        "event_scale": _f("N", "number", "floating point scale value"),
        "mode": _f("N", "array", "list of modes", "string"),
        "context": _f("N", "array", "list of contexts", "string"),
        "link": _f("N", "string", "link identifier"),
        "text": _f("N", "string", "text from which the record was coded"),
        "text_info": _f("N", "object", "textInfo object for text"),
        # The manual: "citeInfo object for text"; written here as a list of
        # them, one per source the event cites (see the module documentation).
        "cite_info": _f("N", "array", "citeInfo objects for the texts", "object"),
        "coder": _f("N", "string", "coder identification"),
        "coded_date": _f("N", "string", "date of coding"),
        "coded_time": _f("N", "string", "time of coding in ISO 8601-formatted time"),
        "comment": _f("N", "string", "any text"),
    }
)

#: The fields of an actor object (the manual's "Information object for
#: actors"), in its order.
PLOVER_ACTOR_FIELDS: tuple[str, ...] = (
    "code",
    "sector",
    "actor_text",
    "identifier_id",
    "identifier_text",
    "actor_loc",
    "religion",
    "ethnicity",
    "office",
    "gender",
    "age",
)

#: The fields of a citeInfo object (the manual's "Information object for
#: citations"), in its order.
PLOVER_CITE_FIELDS: tuple[str, ...] = (
    "corpus",
    "citation",
    "url",
    "title",
    "language",
    "publication",
    "license",
    "copyright",
    "coder",
    "codebook",
    "version",
)

#: The fields of a location object: those of the GeoNames dump, which the
#: manual adopts, plus ``cc3``.
PLOVER_LOCATION_FIELDS: tuple[str, ...] = (
    "geonameid",
    "name",
    "asciiname",
    "alternatenames",
    "latitude",
    "longitude",
    "feature class",
    "feature code",
    "country code",
    "cc3",
    "cc2",
    "admin1 code",
    "admin2 code",
    "admin3 code",
    "admin4 code",
    "population",
    "elevation",
    "dem",
    "timezone",
)

#: The sixteen PLOVER event types, in the order of
#: :class:`~negotiation_records.ActionKind` (verbal and material cooperation,
#: verbal and material conflict).
PLOVER_TYPES: tuple[str, ...] = tuple(kind.value.upper() for kind in ActionKind)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: The modes each event type may take (the manual's mode tables); a type
#: without modes takes none.  REQUEST takes the modes the manual lists for
#: DEMAND, its earlier name; REJECT shares them.
PLOVER_MODES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "AGREE": frozenset(),
        "CONSULT": _words("visit third-party multilateral phone"),
        "SUPPORT": frozenset(),
        "CONCEDE": frozenset(),
        "COOPERATE": frozenset(),
        "AID": frozenset(),
        "RETREAT": _words("withdraw release return disarm ceasefire access resign"),
        "REQUEST": _words("assist change yield meet"),
        "ACCUSE": _words("disapprove investigate allege"),
        "REJECT": _words("assist change yield meet"),
        "THREATEN": _words("restrict ban arrest relations expel territory violence"),
        "PROTEST": _words("demo riot general strike hunger boycott obstruct"),
        "SANCTION": _words("convict expel withdraw discontinue"),
        "MOBILIZE": _words("troops weapons police militia"),
        "COERCE": _words(
            "confiscate restrict ban censor curfew martial-law arrest deport withhold"
        ),
        "ASSAULT": _words(
            "abduct beat torture execute sexual assassinate destroy primitive "
            "firearms explosives suicide-attack heavy-weapons cleansing massacre "
            "unconventional sideAB"
        ),
    }
)

#: The event types whose records must name a recipient.
PLOVER_REQUIRES_RECIPIENT: frozenset[str] = frozenset({"COOPERATE", "AID", "SANCTION"})

#: The contexts any event may take: the manual's general contexts, then its
#: four special ones (historical, future, hypothetical, negation).
PLOVER_CONTEXTS: frozenset[str] = _words(
    "military intelligence peacekeeping economic diplomatic resource disease "
    "enviro_disaster migration humanitarian asylum legal human_rights "
    "rights_freedoms gender lgbt terrorism human_security religion_ethnicity "
    "executive election legislative cbrn cyber political_institutions corruption "
    "crime illegal_drugs historical future hypothetical negation"
)

# --- the mapping ----------------------------------------------------------------------

#: What each kind of dated event of a record becomes: a key (the first column
#: of the table on :doc:`/plover`) and its PLOVER event type.  An
#: :class:`~negotiation_records.Action` is not listed: its kind is its type.
PLOVER_EVENT_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "round-held": "CONSULT",
        "round-outcome": "AGREE",
        "proposal": "AGREE",
        "proposal-of-demands": "REQUEST",
        "ultimatum": "THREATEN",
        "stance-accepts": "AGREE",
        "stance-supports": "SUPPORT",
        "stance-opposes": "REJECT",
        "stance-rejects": "REJECT",
        "proposal-accepted": "AGREE",
        "proposal-rejected": "REJECT",
        "round-cancelled": "REJECT",
        "agreement-signed": "SUPPORT",
        "agreement-ended": "SANCTION",
        "vote-passed": "SUPPORT",
        "vote-failed": "REJECT",
    }
)

#: The THREATEN mode of each kind of consequence an ultimatum names: tariffs
#: and sanctions restrict the movement of goods, a military consequence is
#: violence, a diplomatic one the suspension of relations.  Legal and other
#: consequences have no mode.
PLOVER_THREAT_MODES: Mapping[ConsequenceKind, str] = MappingProxyType(
    {
        ConsequenceKind.TARIFF: "restrict",
        ConsequenceKind.SANCTION: "restrict",
        ConsequenceKind.SECONDARY_SANCTION: "restrict",
        ConsequenceKind.MILITARY: "violence",
        ConsequenceKind.DIPLOMATIC: "relations",
    }
)

_STANCE_KEYS = {
    Stance.ACCEPTS: "stance-accepts",
    Stance.SUPPORTS: "stance-supports",
    Stance.OPPOSES: "stance-opposes",
    Stance.REJECTS: "stance-rejects",
}
_AGREEMENT_SIGNED = frozenset(
    {AgreementStatus.INITIALLED, AgreementStatus.SIGNED, AgreementStatus.RATIFIED}
)
_AGREEMENT_ENDED = frozenset({AgreementStatus.SUSPENDED, AgreementStatus.TERMINATED})
_AGREED_OUTCOMES = frozenset(
    {
        OutcomeKind.AGREEMENT,
        OutcomeKind.CEASEFIRE,
        OutcomeKind.PRISONER_EXCHANGE,
        OutcomeKind.REMAINS_EXCHANGE,
    }
)
_DEMANDS = frozenset({ConditionKind.DEMAND, ConditionKind.PRECONDITION})

_NOT_ACTS = {
    EventKind.STATEMENT: "a quote: PLOVER codes no public statements (CAMEO's "
    "MAKE PUBLIC STATEMENT was dropped)",
    EventKind.MILESTONE: "a milestone being set is not an act PLOVER codes",
    EventKind.AGREEMENT: "an agreement falling due to enter into force is not an act",
    EventKind.PHASE: "a phase of an agreement starting is not an act",
    EventKind.DEADLINE_REVISION: "a deadline revision is not coded (the "
    "ultimatum, milestone or agreement is)",
    EventKind.REPLACED_DEADLINE: "a deadline falling due is not an act",
    EventKind.ALTERNATIVE_DEADLINE: "a deadline falling due is not an act",
    EventKind.ALTERNATIVE_DECIDED: "which deadline applies is not an act (the "
    "vote or the act that decided it is)",
    EventKind.PHASE_END: "a phase of an agreement ending is not an act",
    EventKind.DEADLINE: "a deadline falling due is not an act",
}


class PloverSkip(NamedTuple):
    """
    A dated event of a record that :func:`to_plover` leaves out, and why.

    Attributes:
        event: The event, as :meth:`Negotiation.timeline
            <negotiation_records.Negotiation.timeline>` lists it.
        reason: Why it has no PLOVER record (a sentence).

    Example:
        >>> issued = pendulum.date(2025, 7, 14)
        >>> talks = Negotiation(id="t", title="Talks", parties=[
        ...     Party(id="us", name="United States", kind="state", country="US", wikidata="Q30"),
        ...     Party(id="ru", name="Russia", kind="state", country="RU", wikidata="Q159")],
        ...     ultimatums=[Ultimatum(
        ...         id="u", issued_by="us", addressed_to=["ru"], issued_at=issued,
        ...         demand="Ceasefire", deadline=Deadline.after(issued, days=50),
        ...         responses=[Response(party="ru", on=PartialDate(2025, 7), stance="rejects")])])
        >>> skip = plover_skipped(talks)[0]
        >>> print(skip.event)
        2025-07     response              Russia rejects the ultimatum 'u'
        >>> skip.reason
        'dated only to 2025-07: PLOVER needs a day (YYYY-MM-DD), and none is guessed'
    """

    event: TimelineEvent
    reason: str


# --- coding ---------------------------------------------------------------------------

#: One PLOVER event record, as :func:`to_plover` gives it: a dict of the
#: fields of :data:`PLOVER_FIELDS` (in their order) that the event has,
#: ready for ``json.dumps``.
Plover = dict[str, Any]


def _walk(talks: Negotiation, path: str) -> list[Any]:
    """The records along a timeline path (``"ultimatums[0].responses[1]"``)."""
    chain: list[Any] = [talks]
    for part in path.split("."):
        name, _, index = part.partition("[")
        value = getattr(chain[-1], name)
        chain.append(value[int(index[:-1])] if index else value)
    return chain


def _day(moment: Moment) -> tuple[str, str | None]:
    """
    A date or datetime as PLOVER's ``date`` and ``time`` (local, with its
    offset).  An offset with seconds (a zone's local mean time, before
    standard time: ``+02:02:04``), which ISO 8601 cannot write, is left for
    UTC.
    """
    if isinstance(moment, pendulum.DateTime):
        offset = moment.utcoffset()
        if offset is not None and offset.seconds % 60:
            with contextlib.suppress(OverflowError):  # year 1 east of UTC: as is
                moment = moment.in_timezone(pendulum.UTC)
        day, _, time = moment.isoformat().partition("T")
        return day, time
    assert not isinstance(moment, PartialDate)  # noqa: S101 - left out before
    return moment.isoformat(), None


def _end(start: Moment, ends: Moment, day: str) -> tuple[str, str | None] | None:
    """
    PLOVER's ``enddate`` and ``endtime`` of an event that starts at *start*
    (``date`` *day*) and ends at *ends*: a timed end written in the start's
    zone when the start is timed too, so that the two days compare as the
    instants do; none for a month or a year, nor when the end's day would
    still come before *day* (a day-precision end that the start, read in its
    own zone, has already reached: 01:00 on 15 July in Kyiv, ending "14
    July", which is 14 July somewhere on Earth then).
    """
    if isinstance(ends, PartialDate):
        return None
    zone = start.timezone if isinstance(start, pendulum.DateTime) else None
    if zone is not None and isinstance(ends, pendulum.DateTime):
        with contextlib.suppress(OverflowError):  # at the edges of the calendar
            ends = ends.in_timezone(zone)
    end_day, end_time = _day(ends)
    return None if end_day < day else (end_day, end_time)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


class _Coder:
    """
    Codes the timeline of one record (*talks*, a snapshot of *whole*) as PLOVER
    events.
    """

    def __init__(self, talks: Negotiation, whole: Negotiation) -> None:
        self.talks = talks
        self.places = Places(whole, talks)
        self.parties = {party.id: party for party in talks.parties}
        # A Wikidata id that two parties of the record give names neither:
        # their actors would be one, an actor and its own recipient.
        given = Counter(party.wikidata for party in talks.parties if party.wikidata)
        self.shared_wikidata = {qid for qid, count in given.items() if count > 1}
        self.sources = {source.id: source for source in talks.sources}
        self.statements = {statement.id: statement for statement in talks.statements}

    def run(self) -> Iterator[Plover | PloverSkip]:
        for event in self.talks.timeline():
            yield from self.code(event)

    # one event ----------------------------------------------------------------------

    def code(self, event: TimelineEvent) -> Iterator[Plover | PloverSkip]:
        reason = _NOT_ACTS.get(event.kind)
        if reason is not None:
            yield PloverSkip(event, reason)
            return
        if isinstance(event.moment, PartialDate):
            yield PloverSkip(
                event,
                f"dated only to {event.moment}: PLOVER needs a day (YYYY-MM-DD), "
                "and none is guessed",
            )
            return
        chain = _walk(self.talks, event.path)
        target = chain[-1]
        if isinstance(target, Round):
            yield from self.round(event, target)
        elif isinstance(target, Proposal):
            yield self.proposal(event, target)
        elif isinstance(target, Ultimatum):
            yield self.ultimatum(event, target)
        elif isinstance(target, (Response, Position)):
            yield self.stance(event, chain)
        elif isinstance(target, StatusChange):
            yield self.status(event, chain)
        elif isinstance(target, Action):
            yield self.action(event, target)
        else:
            assert isinstance(target, Vote)  # noqa: S101 - every timeline kind is handled
            yield self.vote(event, target)

    def record(
        self,
        event: TimelineEvent,
        key: str,
        source: Iterable[str],
        recipient: Iterable[str] = (),
        *,
        plover_type: str | None = None,
        mode: Iterable[str] = (),
        context: Iterable[str] = (),
        ends: Moment | None = None,
        location: str | None = None,
        cites: Iterable[str] = (),
        suffix: str = "",
    ) -> Plover | PloverSkip:
        """One PLOVER record (or why there is none)."""
        event_type = plover_type or PLOVER_EVENT_TYPES[key]
        actors = _unique(source)
        others = [p for p in _unique(recipient) if p not in actors]
        if not actors:
            return PloverSkip(event, f"no acting party is named ({key})")
        if event_type in PLOVER_REQUIRES_RECIPIENT and not others:
            return PloverSkip(
                event,
                f"PLOVER needs a recipient for {event_type}, none is named ({key})",
            )
        day, time = _day(event.moment)
        data: Plover = {
            "id": f"{self.talks.id}:{self.places.stable_path(event.path)}{suffix}",
            "date": day,
        }
        if time is not None:
            data["time"] = time
        end = None if ends is None else _end(event.moment, ends, day)
        if end is not None:
            data["enddate"] = end[0]
            if end[1] is not None:
                data["endtime"] = end[1]
        data["source"] = [self.actor(p) for p in actors]
        if others:
            data["recipient"] = [self.actor(p) for p in others]
        data["event"] = [event_type]
        if location is not None:
            data["event_loc"] = {"name": location}
        modes = _unique(mode)
        if modes:
            data["mode"] = modes
        contexts = _unique(c for c in context if c in PLOVER_CONTEXTS)
        if contexts:
            data["context"] = contexts
        data["link"] = self.talks.id
        citations = [self.cite(s) for s in _unique(cites)]
        if citations:
            data["cite_info"] = citations
        data["comment"] = event.summary
        return data

    def actor(self, party_id: str) -> dict[str, str]:
        party = self.parties[party_id]
        actor: dict[str, str] = {}
        if party.country is not None:
            actor["code"] = ALPHA_3[party.country]
        wikidata = party.wikidata
        if wikidata is None or wikidata in self.shared_wikidata:
            actor["identifier_id"] = party.id
        else:
            actor["identifier_id"] = wikidata
        actor["identifier_text"] = party.name
        return actor

    def cite(self, source_id: str) -> dict[str, str]:
        source = self.sources[source_id]
        cite = {"citation": source.id}
        if source.url is not None:
            cite["url"] = source.url
        if source.title is not None:
            cite["title"] = source.title
        cite["publication"] = source.publisher
        return cite

    def cited(self, chain: list[Any]) -> list[str]:
        """
        The sources of the last record of *chain* (with those of the statement
        it cites), else those of the nearest record above it that has some.
        """
        target = chain[-1]
        found = list(getattr(target, "sources", ()))
        statement = self.statements.get(getattr(target, "statement", None) or "")
        if statement is not None:
            if statement.source is not None:
                found.append(statement.source)
            found.extend(statement.sources)
        if found:
            return found
        for record in reversed(chain[1:-1]):
            own = getattr(record, "sources", ())
            if own:
                return list(own)
        return []

    # by kind ---------------------------------------------------------------------------

    def round(self, event: TimelineEvent, rnd: Round) -> Iterator[Plover | PloverSkip]:
        if rnd.status is not RoundStatus.HELD:
            yield PloverSkip(
                event,
                f"round {rnd.number} is {rnd.status.value}, not held: PLOVER codes "
                "meetings that took place",
            )
            return
        at_table = _unique(d.party for d in rnd.delegations)
        hosting = [p for p in at_table if p in rnd.hosts]
        visiting = [p for p in at_table if p not in rnd.hosts]
        # A host or mediator that sent no delegation: a third party.
        away = [p for p in (*rnd.hosts, *rnd.mediators) if p not in at_table]
        if hosting and visiting:
            source, recipient, mode = visiting, hosting, ["visit"]
        elif away:
            source, recipient, mode = at_table, [], ["third-party"]
        else:
            source, recipient, mode = at_table, [], []
        cites = self.cited([self.talks, rnd])
        yield self.record(
            event,
            "round-held",
            source,
            recipient,
            mode=mode,
            ends=rnd.ends,
            location=rnd.location,
            cites=cites,
        )
        for index, outcome in enumerate(rnd.outcomes):
            yield self.outcome(event, rnd, index, outcome, cites)

    def outcome(
        self,
        event: TimelineEvent,
        rnd: Round,
        index: int,
        outcome: Outcome,
        cites: list[str],
    ) -> Plover | PloverSkip:
        label = f"outcome {index + 1} of round {rnd.number} ({outcome.kind.value})"
        if outcome.kind not in _AGREED_OUTCOMES:
            return PloverSkip(event, f"{label}: not an agreement PLOVER codes")
        if not outcome.parties:
            return PloverSkip(event, f"{label}: no party is named")
        summary = f"Round {rnd.number}: {outcome.text}"
        return self.record(
            _with_summary(event, summary),
            "round-outcome",
            outcome.parties,
            cites=[*outcome.sources, *cites] if outcome.sources else cites,
            suffix=f".outcomes[{index}]",
        )

    def proposal(self, event: TimelineEvent, proposal: Proposal) -> Plover | PloverSkip:
        demands = bool(proposal.terms) and all(
            t.kind in _DEMANDS for t in proposal.terms
        )
        return self.record(
            event,
            "proposal-of-demands" if demands else "proposal",
            proposal.proposed_by,
            proposal.addressed_to,
            context=_topics(*proposal.terms),
            cites=self.cited([self.talks, proposal]),
        )

    def ultimatum(
        self, event: TimelineEvent, ultimatum: Ultimatum
    ) -> Plover | PloverSkip:
        modes = (PLOVER_THREAT_MODES.get(c.kind) for c in ultimatum.consequences)
        demand = ultimatum.demand
        return self.record(
            event,
            "ultimatum",
            [ultimatum.issued_by],
            ultimatum.addressed_to,
            mode=[m for m in modes if m is not None],
            context=_topics(demand) if isinstance(demand, Condition) else (),
            cites=self.cited([self.talks, ultimatum]),
        )

    def stance(self, event: TimelineEvent, chain: list[Any]) -> Plover | PloverSkip:
        answer: Response | Position = chain[-1]
        subject = chain[-2]
        key = _STANCE_KEYS.get(answer.stance)
        if key is None:
            return PloverSkip(event, "an undecided stance is not an act PLOVER codes")
        if isinstance(subject, Proposal) and isinstance(answer, Response):
            change = coded_by_change(subject, answer)
            if change is not None:
                word = getattr(change.status, "value", change.status)
                day = "an unknown day" if change.on is None else _day(change.on)[0]
                return PloverSkip(
                    event,
                    f"coded from the proposal's change of status to {word!r} on "
                    f"{day}, known before",
                )
        if isinstance(subject, Proposal):
            towards: tuple[str, ...] = subject.proposed_by
            topics = _topics(*subject.terms)
        elif isinstance(subject, Ultimatum):
            towards = (subject.issued_by,)
            demand = subject.demand
            topics = _topics(demand) if isinstance(demand, Condition) else []
        else:
            assert isinstance(subject, Condition)  # noqa: S101 - a position's condition
            towards = () if subject.demanded_by is None else (subject.demanded_by,)
            topics = _topics(subject)
        return self.record(
            event,
            key,
            [answer.party],
            towards,
            context=topics,
            cites=self.cited(chain),
        )

    def status(self, event: TimelineEvent, chain: list[Any]) -> Plover | PloverSkip:
        change: StatusChange = chain[-1]
        owner = chain[-2]
        status = change.status
        cites = self.cited(chain)
        if isinstance(owner, Proposal) and status in (
            ProposalStatus.ACCEPTED,
            ProposalStatus.REJECTED,
        ):
            # A party whose response says so, known no later than the change,
            # has its event from that response: the change codes the others
            # only (and a response of theirs known later is left out).  The
            # event's id is the change's place in the record, whoever it names.
            said = said_first(owner, change)
            acting = [p for p in change.by if p not in said]
            if change.by and not acting:
                return PloverSkip(
                    event, "coded from the responses of the parties named"
                )
            key = f"proposal-{status.value}"
            return self.record(event, key, acting, owner.proposed_by, cites=cites)
        if isinstance(owner, Round) and status is RoundStatus.CANCELLED:
            return self.record(
                event, "round-cancelled", change.by, mode=["meet"], cites=cites
            )
        if isinstance(owner, Agreement) and status in _AGREEMENT_SIGNED:
            return self.record(
                event,
                "agreement-signed",
                change.by or owner.signatories,
                context=_topics(*owner.provisions),
                cites=cites,
            )
        if isinstance(owner, Agreement) and status in _AGREEMENT_ENDED:
            return self.record(
                event,
                "agreement-ended",
                change.by,
                owner.signatories,
                mode=["discontinue"],
                cites=cites,
            )
        word = getattr(status, "value", status)
        return PloverSkip(
            event, f"a change of status to {word!r} is not an act PLOVER codes"
        )

    def action(self, event: TimelineEvent, action: Action) -> Plover | PloverSkip:
        event_type = action.kind.value.upper()
        known = {mode.casefold(): mode for mode in PLOVER_MODES[event_type]}
        mode = known.get((action.mode or "").strip().casefold())
        return self.record(
            event,
            f"action-{action.kind.value}",
            action.by,
            action.toward,
            plover_type=event_type,
            mode=[] if mode is None else [mode],
            ends=action.ends,
            cites=self.cited([self.talks, action]),
        )

    def vote(self, event: TimelineEvent, vote: Vote) -> Plover | PloverSkip:
        if vote.party is None:
            return PloverSkip(
                event, f"the voting body ({vote.body}) is not one of the parties"
            )
        if vote.subject is None:
            return PloverSkip(
                event, "the vote names no subject: what passing it means is not known"
            )
        key = "vote-passed" if vote.result is VoteResult.PASSED else "vote-failed"
        return self.record(
            event, key, [vote.party], cites=self.cited([self.talks, vote])
        )


def _topics(*conditions: Condition) -> list[str]:
    """The topics of *conditions* that are PLOVER contexts, as written."""
    return [topic for c in conditions for topic in c.topics if topic in PLOVER_CONTEXTS]


def _with_summary(event: TimelineEvent, summary: str) -> TimelineEvent:
    return TimelineEvent(
        moment=event.moment,
        kind=event.kind,
        record_id=event.record_id,
        summary=summary,
        path=event.path,
        party=event.party,
    )


# --- the public functions -------------------------------------------------------------


def _coder(negotiation: Negotiation, at: MomentInput | None) -> _Coder:
    """The coder of *negotiation* as of *at*."""
    if not isinstance(negotiation, Negotiation):
        raise ValidationError(
            [("$", f"must be a Negotiation, got {type(negotiation).__name__}")]
        )
    return _Coder(negotiation if at is None else negotiation.as_of(at), negotiation)


def to_plover(
    negotiation: Negotiation, *, at: MomentInput | None = None
) -> list[Plover]:
    """
    The dated events of *negotiation* as PLOVER event records, in time order.

    Each record is a plain dict with the fields of :data:`PLOVER_FIELDS`, in
    that order: ``id``, ``date`` (and ``time`` for a timed event), ``source``
    and ``recipient`` actors, ``event``, ``mode``, ``context``, ``link`` (the
    negotiation's id), ``cite_info`` (the sources) and ``comment`` (the
    timeline's one-line summary).  What each kind of event becomes is on
    :doc:`/plover`; what is left out, and why, :func:`plover_skipped` says.

    With *at*, the record as it stood then (:meth:`Negotiation.as_of
    <negotiation_records.Negotiation.as_of>`): later events are left out, and
    the others keep the ids they have without *at*.

    Example:
        >>> issued = pendulum.date(2025, 7, 14)
        >>> talks = Negotiation(id="t", title="Talks", parties=[
        ...     Party(id="us", name="United States", kind="state", country="US", wikidata="Q30"),
        ...     Party(id="ru", name="Russia", kind="state", country="RU", wikidata="Q159")],
        ...     ultimatums=[Ultimatum(
        ...         id="u", issued_by="us", addressed_to=["ru"], issued_at=issued,
        ...         demand="Ceasefire", deadline=Deadline.after(issued, days=50),
        ...         responses=[Response(party="ru", on=PartialDate(2025, 7), stance="rejects")])])
        >>> [(e["date"], e["event"], [a["identifier_text"] for a in e["source"]])
        ...  for e in to_plover(talks)]
        [('2025-07-14', ['THREATEN'], ['United States'])]
        >>> to_plover(talks)[0]["recipient"]
        [{'code': 'RUS', 'identifier_id': 'Q159', 'identifier_text': 'Russia'}]
    """
    coder = _coder(negotiation, at)
    return [item for item in coder.run() if not isinstance(item, PloverSkip)]


def plover_skipped(
    negotiation: Negotiation, *, at: MomentInput | None = None
) -> list[PloverSkip]:
    """
    The dated events of *negotiation* that :func:`to_plover` leaves out, each
    with the reason: quotes and deadlines (not acts), rounds not held,
    undecided stances, events dated only to a month or a year; with *at*, of
    the record as it stood then, as :func:`to_plover` reads it.

    Example:
        >>> issued = pendulum.date(2025, 7, 14)
        >>> talks = Negotiation(id="t", title="Talks", parties=[
        ...     Party(id="us", name="United States", kind="state", country="US", wikidata="Q30"),
        ...     Party(id="ru", name="Russia", kind="state", country="RU", wikidata="Q159")],
        ...     ultimatums=[Ultimatum(
        ...         id="u", issued_by="us", addressed_to=["ru"], issued_at=issued,
        ...         demand="Ceasefire", deadline=Deadline.after(issued, days=50),
        ...         responses=[Response(party="ru", on=PartialDate(2025, 7), stance="rejects")])])
        >>> [(format_moment(s.event.moment), s.event.kind.value) for s in plover_skipped(talks)]
        [('2025-07', 'response'), ('2025-09-02', 'deadline')]
    """
    coder = _coder(negotiation, at)
    return [item for item in coder.run() if isinstance(item, PloverSkip)]


def write_plover(
    negotiations: Negotiation | Iterable[Negotiation],
    file: str | os.PathLike[str] | TextWriter | BytesWriter,
    *,
    at: MomentInput | None = None,
) -> int:
    """
    Write the PLOVER events of *negotiations* as JSON Lines: one compact JSON
    object a line, UTF-8, in the order of :func:`to_plover`.

    *negotiations* is one negotiation or any iterable of them, a generator
    included: each is coded and written in turn, so memory does not grow with
    their number (but for their ids).  *file* is a path (created or
    overwritten) or an open file, text or binary, told apart as
    :func:`~negotiation_records.write_jsonl` tells them.  Returns how many
    events were written.

    The arguments are checked together before the file is opened or a
    negotiation read: one :class:`~negotiation_records.ValidationError` gives
    every problem, in their order.  Anything else as *negotiations* (a single
    record of another class, ``None``, text, a mapping) is refused at ``$``,
    as :func:`to_plover` refuses it; an object without a ``write`` method as
    *file*, or a text file in an encoding other than UTF-8 (which would not
    hold the lines as written), at ``file``; *at* that is not a moment (a
    naive datetime, text) at ``at``.  The negotiations themselves are read
    as they are written: an item that is not a ``Negotiation`` is refused at
    ``[<its position>]`` when it is reached, the events of those before it
    written by then.

    Two negotiations with the same id would give events with the same ``id``:
    the second raises :class:`~negotiation_records.ValidationError` at
    ``[<its position>].id``, naming the position of the first; the events of
    the negotiations before it are written by then.

    Example:
        >>> issued = pendulum.date(2025, 7, 14)
        >>> talks = Negotiation(id="t", title="Talks", parties=[
        ...     Party(id="us", name="United States", kind="state", country="US", wikidata="Q30"),
        ...     Party(id="ru", name="Russia", kind="state", country="RU", wikidata="Q159")],
        ...     ultimatums=[Ultimatum(
        ...         id="u", issued_by="us", addressed_to=["ru"], issued_at=issued,
        ...         demand="Ceasefire", deadline=Deadline.after(issued, days=50),
        ...         responses=[Response(party="ru", on=PartialDate(2025, 7), stance="rejects")])])
        >>> import io
        >>> out = io.StringIO()
        >>> write_plover([talks], out)
        1
        >>> print(out.getvalue()[:43])
        {"id":"t:ultimatums/u","date":"2025-07-14",
    """
    arguments = ArgumentProblems()
    if not isinstance(negotiations, Negotiation):
        arguments.read(lambda: check_many(negotiations))
    if isinstance(file, (str, os.PathLike)):
        arguments.read(lambda: check_path(file))
    else:
        arguments.read(lambda: write_method(file))
        arguments.read(lambda: check_utf8("write_plover", file))
    if at is not None:
        arguments.read(lambda: moment_argument(at, "at"))
    arguments.raise_any()
    if isinstance(file, (str, os.PathLike)):
        with open(file, "w", encoding="utf-8", newline="\n") as handle:
            return _write(negotiations, handle, at)
    with lines_into(file) as handle:  # a text file's newline= is not asked
        return _write(negotiations, handle, at)


def _write(
    negotiations: Negotiation | Iterable[Negotiation],
    handle: IO[Any],
    at: MomentInput | None,
) -> int:
    write = write_method(handle)
    binary, known = file_kind(handle)
    items: Iterable[Any] = (
        [negotiations] if isinstance(negotiations, Negotiation) else negotiations
    )
    count = 0
    ids = SeenIds()
    for index, negotiation in enumerate(items):
        if not isinstance(negotiation, Negotiation):
            raise ValidationError(
                [
                    (
                        f"[{index}]",
                        f"must be a Negotiation, got {type(negotiation).__name__}",
                    )
                ]
            )
        ids.add(negotiation.id, index)
        for event in to_plover(negotiation, at=at):
            line = json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n"
            if known:
                write(line.encode("utf-8") if binary else line)
            else:  # the first line tells what the file takes
                binary, known = write_first(write, line, binary), True
            count += 1
    return count
