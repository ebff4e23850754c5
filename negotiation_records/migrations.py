"""
Versions of the serialized format, and the steps that bring old documents up to date.

Every serialized :class:`~negotiation_records.Negotiation` starts with
``"schema_version"``: the version of the format it was written in.  This library
writes :data:`SCHEMA_VERSION` and reads it; a document with a *newer* version is
refused (a newer library wrote it: upgrade ``negotiation-records``), and a
document with an *older* version is brought up to date by the migration steps
registered with :func:`register_migration`, one version at a time, before it is
loaded as usual.  A document without ``"schema_version"`` is refused: the loader
never guesses which format it is reading.  A document of a single record (not a
negotiation) says no version; the caller says it (``schema_version=1`` on
:func:`~negotiation_records.from_json`), and the record is upgraded by the same
steps, inside a minimal negotiation document of that version.

A migration works on plain JSON data (the parsed document, a ``dict``), never on
records, so it can rename keys, move values and fill in new required fields
before the strict loader sees them.
"""

from __future__ import annotations

import copy
import functools
import heapq
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from typing import Any, Final

import attrs

from negotiation_records._jsontext import DuplicateKeys
from negotiation_records._kind import added_in, is_init_only, key_until, kind_of
from negotiation_records._record_guess import read_as_hint
from negotiation_records._values import short_repr, show_json
from negotiation_records._version_1_late import say_late_compliance
from negotiation_records._version_2_rules import noted
from negotiation_records.errors import (
    ValidationError,
    join_path,
    moved_path,
    moved_problems,
)


__all__ = [
    "SCHEMA_VERSION",
    "Migration",
    "register_migration",
    "unregister_migration",
]

SCHEMA_VERSION: Final = 2
"""
The version of the serialized format this library writes (and reads).

Version 2 keeps every status change: a proposal, an ultimatum, a round and the
negotiation hold a ``history`` of changes instead of version 1's ``status``
(and ``status_on``).  A proposal's ``proposed_by`` is a list of party ids (a
joint text), a coalition's ``members`` are objects with dates, and an outcome
holds ``quantities`` (a list) instead of one ``quantity``.  The step from
version 1 is registered here.

How versions and migrations work, with examples: :doc:`/serialization`.
"""

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""A step from one version to the next: takes a document, returns the upgraded one."""

_MIGRATIONS: dict[int, Migration] = {}

_KEY = "schema_version"


def register_migration(from_version: int, function: Migration) -> Migration:
    """
    Register *function* to upgrade documents from *from_version* to the next version.

    *function* receives the document as a ``dict`` (a shallow copy whose keys
    it may change; the lists and objects inside are the caller's, so copy one
    before changing it) still holding ``"schema_version": from_version``, and
    returns the document as version ``from_version + 1`` would have it; the
    loader sets ``"schema_version"`` itself.  Steps are chained: a document of
    version 0 runs through the step from 0, then from 1, and so on up to
    :data:`SCHEMA_VERSION`.
    Registering a step for a version again replaces the earlier step; the
    library's own steps (from version 1) can be neither replaced nor removed,
    so that every document they read still loads.  An
    exception raised by a step is reported as a
    :class:`~negotiation_records.ValidationError` at ``schema_version``,
    except a :class:`~negotiation_records.ValidationError`, which the step
    raises to report a problem of the document at its own paths: it is
    passed on as it is.

    A step should depend on its document alone: it may be called more than
    once for one document (a document with problems is read again to word
    them, and the step runs again), so a step that counts, logs or fetches
    sees such a document twice.

    Returns *function*.  :func:`unregister_migration` removes the step again.

    Example:
        >>> def from_v0(document):
        ...     document["title"] = document.pop("name")   # version 0 said "name"
        ...     return document
        >>> _ = register_migration(0, from_v0)
        >>> old = {"schema_version": 0, "id": "t", "name": "Talks"}
        >>> from_dict(Negotiation, old).title
        'Talks'
        >>> unregister_migration(0)
    """
    if (
        not isinstance(from_version, int)
        or isinstance(from_version, bool)
        or not 0 <= from_version < SCHEMA_VERSION
    ):
        raise ValueError(
            f"from_version must be an integer from 0 to {SCHEMA_VERSION - 1} (the "
            f"current version is {SCHEMA_VERSION}), got {short_repr(from_version)}"
        )
    if not callable(function):
        raise TypeError(f"function must be callable, got {short_repr(function)}")
    _refuse_built_in(from_version)
    _MIGRATIONS[from_version] = function
    return function


def unregister_migration(from_version: int) -> None:
    """
    Remove the step registered from *from_version*, if there is one; the
    library's own steps (from version 1) stay.

    Example:
        >>> unregister_migration(0)   # nothing registered: nothing happens
        >>> unregister_migration(1)
        Traceback (most recent call last):
        ...
        ValueError: the step from version 1 is the library's own: every version-1 document is read through it, so it can be neither replaced nor removed
    """
    _refuse_built_in(from_version)
    _MIGRATIONS.pop(from_version, None)


#: The versions whose step the library registers itself.
_BUILT_IN: set[int] = set()


def _refuse_built_in(from_version: object) -> None:
    """Refuse to replace or remove a step the library registered itself."""
    for version in _BUILT_IN:
        if version == from_version:  # 1.0 and True too, which a dict takes as 1
            raise ValueError(
                f"the step from version {version} is the library's own: every "
                f"version-{version} document is read through it, so it can be "
                "neither replaced nor removed"
            )


def check_version(version: object, shown: Callable[[object], str] = short_repr) -> int:
    """
    *version*, a format version as a document (or a caller) states it, if this
    library can read it: an integer no newer than :data:`SCHEMA_VERSION`,
    and, if older, one that a registered migration step starts from.
    Otherwise a :class:`~negotiation_records.ValidationError` at
    ``schema_version``, worded as for a document's ``"schema_version"``;
    *shown* describes a value that is no integer (a document's in JSON's
    words, ``show_json``: ``true``, ``null``, ``string '2'``).

    Example:
        >>> check_version(1)
        1
        >>> check_version(3)
        Traceback (most recent call last):
        ...
        negotiation_records.errors.ValidationError: schema_version: 3 is newer than this library understands (it reads versions up to 2); upgrade negotiation-records
    """
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValidationError([(_KEY, f"must be an integer, got {shown(version)}")])
    if version > SCHEMA_VERSION:
        raise ValidationError(
            [
                (
                    _KEY,
                    f"{short_repr(version)} is newer than this library understands "
                    f"(it reads "
                    f"versions up to {SCHEMA_VERSION}); upgrade negotiation-records",
                )
            ]
        )
    if version < SCHEMA_VERSION and version not in _MIGRATIONS:
        raise _unmigratable(version)
    return version


def _unmigratable(version: int) -> ValidationError:
    """The problem of a *version* that no registered step starts from."""
    if version < 0:  # no step can start there (register_migration refuses it)
        return ValidationError(
            [
                (
                    _KEY,
                    f"{short_repr(version)} is not a format version: none is "
                    f"below 0 (this library writes {SCHEMA_VERSION})",
                )
            ]
        )
    return ValidationError(
        [
            (
                _KEY,
                f"{short_repr(version)} is older than {SCHEMA_VERSION} and "
                f"no migration from version {short_repr(version)} is "
                "registered",
            )
        ]
    )


def upgrade(
    document: dict[str, Any], record: type[Any] | None = None
) -> dict[str, Any]:
    """
    Check a document's ``schema_version`` and bring it to :data:`SCHEMA_VERSION`.

    Returns a new dict without the ``"schema_version"`` key (the records have no
    such field); raises :class:`~negotiation_records.ValidationError` for a
    missing, malformed, newer or unmigratable version, for values of a
    version-1 document in a shape of a later version
    (:func:`version_1_refusals`), and, given the *record* class the document
    is read as, for fields of a later version than the document's
    (:func:`newer_fields`).
    """
    body, refused, newer, _ = upgrade_noting(document, record)
    if refused or newer:
        raise ValidationError(refused + newer)
    return body


def upgrade_noting(
    document: dict[str, Any],
    record: type[Any] | None = None,
    *,
    stated: str | None = None,
) -> tuple[
    dict[str, Any], list[tuple[str, str]], list[tuple[str, str]], dict[str, Any]
]:
    """
    :func:`upgrade`, with the problems of :func:`version_1_refusals` and of
    :func:`newer_fields` returned beside the upgraded document instead of
    raised (so that a loader can report them with the document's other
    problems: :func:`document_problems`).  A refused value is set aside by
    the step from version 1, so that the rest of the document can be read.
    A document of a version before 1 (a format of your own, brought to
    version 1 by a step you registered) is checked as the version-1
    document that step made, and its problems are reported at that
    document's paths: the fourth value returned is the document to report
    them against (*document* itself, from version 1 on), for
    :func:`document_problems`.  *stated* as in :func:`newer_fields` (by
    default it names the version *document* says).
    """
    if _KEY not in document:
        other = "" if record is None else read_as_hint(document, record)
        raise ValidationError(
            [
                (
                    _KEY,
                    "is missing; a serialized Negotiation must say which version of "
                    f"the format it uses (this library writes {SCHEMA_VERSION}){other}",
                )
            ]
        )
    version = check_version(document[_KEY], show_json)
    body = dict(document)
    first_known = document  # before version 1: the version-1 document a step makes
    while version < SCHEMA_VERSION:
        step = _MIGRATIONS.get(version)
        if step is None:
            raise _unmigratable(version)
        try:
            migrated = step(body)
        except ValidationError:
            raise  # a step's own report, at the paths it names
        except Exception as exc:
            raise ValidationError(
                [
                    (
                        _KEY,
                        f"migration from version {version} failed: "
                        f"{type(exc).__name__}: {_cut(str(exc))}",
                    )
                ]
            ) from exc
        if not isinstance(migrated, dict):
            raise ValidationError(
                [
                    (
                        _KEY,
                        f"migration from version {version} returned "
                        f"{type(migrated).__name__}, not a dict",
                    )
                ]
            )
        version += 1
        body = dict(migrated)
        body[_KEY] = version
        if version == 1:
            first_known = dict(body)  # the next step may change its keys
    del body[_KEY]
    refused = version_1_refusals(first_known)
    if record is None:
        return body, refused, [], first_known
    if stated is None and first_known is not document:
        stated = f"the document says {_KEY!r}: {document[_KEY]}".replace("'", '"')
    newer = newer_fields(record, body, first_known, stated=stated)
    return body, refused, newer, first_known


def newer_fields(
    record: type[Any],
    migrated: dict[str, Any],
    given: dict[str, Any],
    *,
    stated: str | None = None,
) -> list[tuple[str, str]]:
    """
    The fields of a later format version than the document *given* says it
    is written in, that it holds: a version-1 document with a statement's
    ``verbatim`` or a negotiation's ``agreements`` was written for version 2
    (or later) and labelled wrongly, and reading it as the later version
    would be a guess.  Each field says the version that added it
    (:func:`~negotiation_records.fields.added_in`).  *migrated* is *given*
    brought up to date (by :func:`upgrade`), read as the record class
    *record*; the fields the migration steps made (a ``history`` from a
    ``status``) are not the document's own.  The paths are those of
    *migrated*.  *stated* says, in the message, where the version was
    stated (by default: ``the document says "schema_version": 1``).
    """
    version = given.get(_KEY)
    if not isinstance(version, int) or version >= SCHEMA_VERSION:
        return []
    problems = []
    moves: Moves | None = None
    made: set[str] = set()
    for path, since, held_here in _later_keys(
        record, migrated, given, "", version=version, found=[]
    ):
        held = held_here
        if held is None:  # below a key a step made: where did it move from?
            if moves is None:
                moves = version_1_moves(given)
                made = _made_by_migration(moves)
            held = path not in made and _holds(given, moved_path(path, moves))
        if held:
            problems.append(
                (
                    path,
                    f"is new in format version {since}, but "
                    + (stated or f'the document says "schema_version": {version}')
                    + ": leave it out, or write the document as version "
                    f"{SCHEMA_VERSION}",
                )
            )
    return problems


def _later_keys(
    record: type[Any],
    data: dict[str, Any],
    given: Any,
    path: str,
    *,
    version: int,
    found: list[tuple[str, int, bool | None]],
) -> list[tuple[str, int, bool | None]]:
    """
    Add to *found* every key in *data* (and in the records inside) of a
    version after *version*: its path, the version that added it, and
    whether the given document holds it at that path (*given* is the object
    there, ``None`` below a key the migration made: unknown then).
    """
    for name, kind, since, descend in _visited(record, version):
        if name not in data:
            continue
        at = join_path(path, name)
        later = since > version
        if later:
            found.append((at, since, (name in given) if given is not None else None))
        if not descend:
            continue
        here = given.get(name) if given is not None else None
        if later and here is not None:
            # The value may be the step's (``quantities`` made from the
            # ``quantity`` beside it), not the document's: the moves say.
            here = None
        for inner_path, inner_record, inner in kind.records_in(data[name], at):
            if _may_hold_later(inner_record, version):
                counterpart = _at(here, inner_path[len(at) :])
                _later_keys(
                    inner_record,
                    inner,
                    counterpart if isinstance(counterpart, dict) else None,
                    inner_path,
                    version=version,
                    found=found,
                )
    return found


def _at(value: Any, steps: str) -> Any:
    """The value at *steps* (``""``, ``"[2]"``) inside *value*, or ``None``."""
    while steps:
        close = steps.index("]")
        position = int(steps[1:close])
        steps = steps[close + 1 :]
        if not isinstance(value, list) or position >= len(value):
            return None
        value = value[position]
    return value


_VISITED: Final[
    dict[tuple[type[Any], int], tuple[tuple[str, Any, int, bool], ...]]
] = {}
_HOLDS_LATER: Final[dict[tuple[type[Any], int], bool]] = {}


def _visited(record: type[Any], version: int) -> tuple[tuple[str, Any, int, bool], ...]:
    """
    The fields of *record* that :func:`_later_keys` looks at for a document of
    *version*: those of a later version, and those holding records that may
    hold such fields (whether to look inside, the last item).  Worked out once
    per class: a version-1 document's parties, say, are not walked.
    """
    known = _VISITED.get((record, version))
    if known is not None:
        return known
    visited = []
    for attribute in attrs.fields(record):
        kind = kind_of(attribute)
        if kind is None or is_init_only(attribute):
            continue
        since = added_in(attribute)
        descend = any(_may_hold_later(cls, version) for cls in kind.record_classes())
        if since > version or descend:
            visited.append((attribute.name, kind, since, descend))
    found = _VISITED[record, version] = tuple(visited)
    return found


def _may_hold_later(record: type[Any], version: int) -> bool:
    """Whether *record*, or a record inside it, has a field of a version after *version*."""
    known = _HOLDS_LATER.get((record, version))
    if known is not None:
        return known
    seen = {record}
    waiting = [record]
    holds = False
    while waiting and not holds:
        for attribute in attrs.fields(waiting.pop()):
            kind = kind_of(attribute)
            if kind is None or is_init_only(attribute):
                continue
            if added_in(attribute) > version:
                holds = True
                break
            for inner in kind.record_classes():
                if inner not in seen:
                    seen.add(inner)
                    waiting.append(inner)
    _HOLDS_LATER[record, version] = holds
    return holds


def _made_by_migration(moves: Mapping[str, str]) -> set[str]:
    """
    The paths of the keys a step made (a value moved into it or below it):
    each path a value moved to and its starts (:func:`_path_and_starts`), so
    that a key is looked up once, not compared with every move.

    Example:
        >>> sorted(_made_by_migration({"proposals[0].history[0].status": "…"}))
        ['proposals', 'proposals[0]', 'proposals[0].history', 'proposals[0].history[0]', 'proposals[0].history[0].status']
    """
    return {start for moved in moves for start in _path_and_starts(moved)}


_STEP: Final = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _holds(document: Any, path: str) -> bool:
    """Whether *document* holds a value at *path* (``rounds[0].outcomes[1].text``)."""
    value = document
    for key, index in _STEP.findall(path):
        if key:
            if not isinstance(value, dict) or key not in value:
                return False
            value = value[key]
        else:
            if not isinstance(value, list) or int(index) >= len(value):
                return False
            value = value[int(index)]
    return True


_INITIAL: Final = {
    "proposals": "pending",
    "ultimatums": "pending",
    "rounds": "proposed",
}


@functools.cache
def _dated_in_version_1() -> frozenset[str]:
    """
    The places of a version-1 document whose records had ``status_on``:
    ``""`` (the negotiation) or a key of :data:`_INITIAL` (``"proposals"``).
    Each record class says so on its init-only ``status_on`` argument
    (:func:`~negotiation_records.fields.key_until`): a proposal's and an
    ultimatum's were keys of version 1, a round's and the negotiation's are
    the constructor's only.
    """
    from negotiation_records.negotiation import Negotiation  # noqa: PLC0415

    classes = {"": Negotiation}
    for key in _INITIAL:
        kind = kind_of(attrs.fields_dict(Negotiation)[key])
        assert kind is not None  # noqa: S101 - every field has a kind
        (classes[key],) = kind.record_classes()
    return frozenset(
        place
        for place, record in classes.items()
        if any(
            attribute.alias == "status_on" and key_until(attribute) >= 1
            for attribute in attrs.fields(record)
        )
    )


def _has_status(record: dict[str, Any], dated: bool) -> bool:
    """Whether a version-1 *record* has a ``status`` (or, if *dated*, a ``status_on``)."""
    return "status" in record or (dated and "status_on" in record)


def _history_refused(path: str, *, dated: bool) -> tuple[str, str]:
    """The problem of a ``history`` found at *path* in a version-1 document."""
    latest = '"status" (and "status_on")' if dated else '"status"'
    return (
        join_path(path, "history"),
        f"version-1 documents have no history; give the latest {latest} alone, "
        'or write the document as version 2 ("schema_version": 2) with the '
        "history alone",
    )


def _both(record: object, *, dated: bool) -> bool:
    """
    Whether *record* holds a ``history`` beside a ``status`` (or, if *dated*,
    a ``status_on``).
    """
    return (
        isinstance(record, dict) and "history" in record and _has_status(record, dated)
    )


def _histories_given(document: dict[str, Any]) -> list[tuple[str, str]]:
    """
    Where a version-1 document holds a ``history`` (which version 1 never
    had) beside the ``status`` the step would turn into one: on the
    negotiation, or on one of its proposals, ultimatums or rounds.
    """
    dated = _dated_in_version_1()
    found = []
    if _both(document, dated="" in dated):
        found.append(_history_refused("", dated="" in dated))
    for key in _INITIAL:
        records = document.get(key)
        if isinstance(records, list):
            found += [
                _history_refused(f"{key}[{index}]", dated=key in dated)
                for index, record in enumerate(records)
                if _both(record, dated=key in dated)
            ]
    return found


def _proposers_of_version_2(proposal: dict[str, Any]) -> bool:
    """Whether a version-1 *proposal* names its proposers as version 2 does (a list)."""
    return isinstance(proposal.get("proposed_by"), list)


def _member_of_version_2(member: object) -> bool:
    """Whether a version-1 coalition *member* is given as version 2 gives it (an object)."""
    return isinstance(member, dict)


def _shapes_of_version_2(document: dict[str, Any]) -> list[tuple[str, str]]:
    """
    Where a version-1 document holds a value in the shape version 2 gave the
    field: a list of proposers (version 1 named one) or a coalition member as
    an object (version 1 listed ids).  Read as it is, the document would be
    read as version 2 without saying so.
    """
    found = []
    proposals = document.get("proposals")
    for index, proposal in enumerate(proposals if isinstance(proposals, list) else ()):
        if isinstance(proposal, dict) and _proposers_of_version_2(proposal):
            found.append(
                (
                    f"proposals[{index}].proposed_by",
                    "version 1 names one proposer (a party id); a list of proposers "
                    "is new in format version 2: write the document as version 2",
                )
            )
    parties = document.get("parties")
    for index, party in enumerate(parties if isinstance(parties, list) else ()):
        members = party.get("members") if isinstance(party, dict) else None
        for place, member in enumerate(members if isinstance(members, list) else ()):
            if _member_of_version_2(member):
                found.append(
                    (
                        f"parties[{index}].members[{place}]",
                        "version 1 lists a coalition's members by party id; a "
                        "member as an object (with dates) is new in format "
                        "version 2: write the document as version 2",
                    )
                )
    return found


def version_1_refusals(document: dict[str, Any]) -> list[tuple[str, str]]:
    """
    The values of a version-1 *document* that version 1 could not hold and
    that the step from version 1 sets aside rather than guess: a ``history``
    beside a ``status`` (on the negotiation, a proposal, an ultimatum or a
    round: the status is read, the history dropped), a list of proposers
    (dropped) and a coalition member as an object (``null`` in its place, so
    the other members keep their places).  Each at its path in *document*;
    none unless *document* says ``"schema_version": 1``.  The loader reports
    them with the document's other problems (:func:`document_problems`),
    leaving out those that only follow from a value set aside.
    """
    if document.get(_KEY) != 1:
        return []
    return _histories_given(document) + _shapes_of_version_2(document)


#: Where the step from version 1 moved each value it moved: the path in the
#: migrated document, with the path the given document holds it at.
Moves = dict[str, str]


def _history_of(
    record: dict[str, Any], path: str, moves: Moves, *, initial: str, dated: bool
) -> None:
    """
    Replace a version-1 record's ``status`` (and, if *dated*, ``status_on``)
    by a ``history``.  A ``status_on`` where version 1 had none is left in
    place: the loader reports it as an unknown key (or ignores it, not strict).
    """
    if not _has_status(record, dated):
        return
    # a history beside a status is refused (version_1_refusals): the status is read
    record.pop("history", None)
    if "status" in record:
        moves[join_path(path, "history[0].status")] = join_path(path, "status")
    if dated and "status_on" in record:
        moves[join_path(path, "history[0].on")] = join_path(path, "status_on")
    status = record.pop("status", initial)
    on = record.pop("status_on", None) if dated else None
    if status == initial and on is None:
        history: list[dict[str, Any]] = []
    else:
        history = [{"status": status, "on": on}]
    record["history"] = history


def _from_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """
    Version 1 to 2: ``status`` and ``status_on`` become a one-step ``history``
    (none when the status was the initial one, undated); ``status_on`` only
    where version 1 had it, on proposals and ultimatums (elsewhere it is left
    for the loader to report as an unknown key); a proposal's
    ``proposed_by`` id becomes a list of one id; a coalition's ``members`` ids
    become membership objects without dates (``{"party": "france"}``); an
    outcome's ``quantity`` becomes ``quantities``, a list of none or one.

    A version-1 record kept only its latest status, so the history holds that
    one change: ``{"status": "accepted", "status_on": "2025-07-20"}`` becomes
    ``{"history": [{"status": "accepted", "on": "2025-07-20"}]}``, and a pending
    proposal without a date an empty history.  An ultimatum complied with
    after its deadline passed gets the expiry before the compliance, dated
    at the deadline's cut-off: version 2 wants a late compliance said so.
    Version 1 never had a ``history``: one beside a ``status`` or
    ``status_on`` (on the negotiation, a proposal, an ultimatum or a round)
    is refused at its path, since the
    step would have to drop one of them; so are values in the shapes version
    2 gave (a list of proposers, a coalition member as an object).  The step
    sets those values aside, so that the rest can be read, and the loader
    reports them (:func:`version_1_refusals`) with the fields version 2
    added (:func:`newer_fields`) and the document's other problems.
    Anything else that is not shaped as version 1 says is left for the
    loader to report.
    """
    return _migrate_version_1(document, {})


def _migrate_version_1(document: dict[str, Any], moves: Moves) -> dict[str, Any]:
    """:func:`_from_version_1`, noting in *moves* where each value moved."""
    dated = _dated_in_version_1()
    for key, initial in _INITIAL.items():
        _each(
            document,
            key,
            moves,
            functools.partial(_history_of, initial=initial, dated=key in dated),
        )
    _history_of(document, "", moves, initial="active", dated="" in dated)
    _each(document, "ultimatums", moves, say_late_compliance)
    _each(document, "proposals", moves, _proposers_of)
    _each(document, "parties", moves, _members_of)
    _each(document, "rounds", moves, _quantities_of)
    return document


def _each(
    document: dict[str, Any],
    key: str,
    moves: Moves,
    change: Callable[[dict[str, Any], str, Moves], None],
) -> None:
    """
    Apply *change* to a copy (:func:`_copy_of`) of every record in the list at
    *key* (a new list).
    """
    records = document.get(key)
    if not isinstance(records, list):
        return  # left for the loader to report
    upgraded = []
    for index, item in enumerate(records):
        if isinstance(item, dict):
            record = _copy_of(item)
            change(record, f"{key}[{index}]", moves)
            upgraded.append(record)
        else:
            upgraded.append(item)
    document[key] = upgraded


def _copy_of(record: dict[str, Any]) -> dict[str, Any]:
    """
    A shallow copy of *record*, an object of the document, of its own class:
    an object in which the JSON text repeated a key is marked so by the
    parser (a ``dict`` of another class), and the loader refuses it at its
    path ("duplicate key ... in one JSON object"), naming the keys as the
    document wrote them.  A plain ``dict(record)`` would drop the mark, and
    the last value of the key would be read without a word.
    """
    if record.__class__ is DuplicateKeys:
        return copy.copy(record)
    return dict(record)  # a plain dict, or a caller's own mapping read as one


def _proposers_of(proposal: dict[str, Any], path: str, moves: Moves) -> None:
    """
    ``"proposed_by": "ukraine"`` becomes ``["ukraine"]`` (a joint text has
    several); a list, refused (:func:`version_1_refusals`), is dropped.  Any
    other value (a number, ``null``) is put in a list too, so that the loader
    reports it where the document holds it as what version 1 takes there: a
    party id (a string), not the list version 2 takes.
    """
    if _proposers_of_version_2(proposal):
        del proposal["proposed_by"]
    elif "proposed_by" in proposal:
        proposal["proposed_by"] = [proposal["proposed_by"]]
        moves[f"{path}.proposed_by[0]"] = f"{path}.proposed_by"


IDS_IN_VERSION_1: Final = frozenset({("Party", "members")})
"""
The fields (class name, field) whose records version 1 wrote as party ids: a
coalition's members, which the step from version 1 makes memberships
(:func:`_members_of`), so no version-1 document holds a ``Membership``.
"""


def _members_of(party: dict[str, Any], path: str, moves: Moves) -> None:
    """
    A coalition's member ids become memberships: ``{"party": "france"}``; a
    member given as an object, refused (:func:`version_1_refusals`), becomes
    ``null`` (the party is not built, and the other members keep their places).
    Any other member (a number, ``null``) becomes a membership too, so that
    the loader reports it where the document holds it as what version 1 takes
    there: a party id (a string), not the object version 2 takes.
    """
    members = party.get("members")
    if isinstance(members, list):
        for index, member in enumerate(members):
            if not _member_of_version_2(member):
                moves[f"{path}.members[{index}].party"] = f"{path}.members[{index}]"
        party["members"] = [_membership_of(member) for member in members]


def _membership_of(member: object) -> object:
    """A version-1 member as version 2 reads it (``None`` for one set aside)."""
    if _member_of_version_2(member):
        return None  # refused (version_1_refusals)
    return {"party": member}


def _quantities_of(rnd: dict[str, Any], path: str, moves: Moves) -> None:
    """
    An outcome's ``quantity`` (or ``null``) becomes ``quantities`` (a list).
    A ``quantities`` beside it, which version 1 never had, is dropped: the
    ``quantity`` is read, as version 1 reads it, and the ``quantities`` is
    reported as new in version 2 (:func:`newer_fields`), as a ``history``
    beside a ``status`` is (the status is read).
    """
    outcomes = rnd.get("outcomes")
    if not isinstance(outcomes, list):
        return
    upgraded = []
    for index, outcome in enumerate(outcomes):
        if isinstance(outcome, dict) and "quantity" in outcome:
            new = _copy_of(outcome)
            quantity = new.pop("quantity")
            new["quantities"] = [] if quantity is None else [quantity]
            at = f"{path}.outcomes[{index}]"
            moves[f"{at}.quantities[0]"] = f"{at}.quantity"
            upgraded.append(new)
        else:
            upgraded.append(outcome)
    rnd["outcomes"] = upgraded


register_migration(1, _from_version_1)
_BUILT_IN.add(1)


def version_1_moves(document: object) -> Moves:
    """
    Where the step from version 1 moves the values of *document*: each path in
    the migrated document, with the path of the key *document* holds it at
    (``proposals[0].history[0].status``: ``proposals[0].status``), as the step
    itself notes them.  Empty unless *document* is a version-1 document.
    Problems found after the migration are reported at the paths the document
    has (:func:`~negotiation_records.errors.moved_path`).
    """
    if not isinstance(document, dict) or document.get(_KEY) != 1:
        return {}
    moves: Moves = {}
    _migrate_version_1(dict(document), moves)
    return moves


def document_problems(
    given: object,
    found: Iterable[tuple[str, str]],
    refused: list[tuple[str, str]],
    newer: list[tuple[str, str]],
) -> list[tuple[str, str]]:
    """
    Every problem of the document *given*, at its own paths, in document
    order: those the loader *found* in it once upgraded (at the paths of the
    upgraded document), the values :func:`version_1_refusals` *refused* and
    the fields of a later version :func:`newer_fields` found (*newer*).
    In a document that says it is version 1, a problem found by a rule that
    version 1 did not have (a control character in a text, a zone
    abbreviation, ...) says so.

    A problem the loader found at or below a refused value is left out: it
    follows from the value set aside (a proposer missing), or lies inside a
    value that is refused as a whole.  A field of a later version at the
    path of a refused value (a ``history`` beside a ``status``) is reported
    once, as refused.  The loader's problems keep their order; each of the
    others goes before the first of them that comes after it in *given*
    (:func:`_place`).
    """
    if isinstance(given, dict) and given.get(_KEY) == 1:
        found = noted(list(found))  # each found by a rule version 1 lacked, said
    moves = version_1_moves(given)
    if not (moves or refused or newer):
        return list(found)  # nothing moved, set aside or added: as found
    set_aside = {path for path, _ in refused}
    loaded = [
        problem
        for problem in _before_migration(found, moves)
        if not _is_at_or_below_any(problem[0], set_aside)
    ]
    beside = refused + [
        problem
        for problem in _before_migration(newer, moves)
        if problem[0] not in set_aside
    ]

    return in_document_order(given, beside, loaded)


def in_document_order(
    document: object,
    noted: Iterable[tuple[str, str]],
    loaded: Iterable[tuple[str, str]],
) -> list[tuple[str, str]]:
    """
    The problems *loaded* (as the loader found them, in its order) with the
    problems *noted* beside them (in any order), each of these before the
    first of *loaded* that comes after it in *document*: the order in which
    the keys and items of *document* hold the paths (:func:`_place`).

    Example:
        >>> document = {"id": "p", "status": "withdrawn", "summary": ""}
        >>> in_document_order(document, [("status", "noted")], [("id", "a"), ("summary", "b")])
        [('id', 'a'), ('status', 'noted'), ('summary', 'b')]
    """

    def place(problem: tuple[str, str]) -> tuple[int, ...]:
        return _place(document, problem[0])

    return list(heapq.merge(sorted(noted, key=place), loaded, key=place))


def _before_migration(
    problems: Iterable[tuple[str, str]], moves: Mapping[str, str]
) -> list[tuple[str, str]]:
    """*problems* at the paths of the document given (:func:`~negotiation_records.errors.moved_problems`)."""
    return moved_problems(problems, moves)


def _is_at_or_below_any(path: str, places: Set[str]) -> bool:
    """
    Whether *path* is one of *places* or a path inside one (``place.key``,
    ``place[1]``): *path* and its starts (:func:`_path_and_starts`) are
    looked up in *places*, so the cost does not grow with the number of
    places.

    Example:
        >>> _is_at_or_below_any("proposals[2].history[0]", {"proposals[2]"})
        True
        >>> _is_at_or_below_any("proposals[20]", {"proposals[2]"})
        False
    """
    return any(start in places for start in _path_and_starts(path))


def _path_and_starts(path: str) -> Iterator[str]:
    """
    *path*, then each of its starts that ends before a ``.`` or a ``[``:
    the paths that *path* is at or below.

    Example:
        >>> list(_path_and_starts("rounds[1].outcomes"))
        ['rounds[1].outcomes', 'rounds', 'rounds[1]']
    """
    yield path
    yield from (path[:end] for end, char in enumerate(path) if char in ".[")


def _place(document: object, path: str) -> tuple[int, ...]:
    """
    Where *path* is in *document*, to put problems in document order: on the
    way down, the position of each key among the object's keys (a key it
    lacks comes after them) and the index of each item; at a record (an
    object), after all its keys, as the loader reports a record's own
    problems (an unknown key) after those of its fields.
    """
    place = []
    value = document
    for key, index in _STEP.findall("" if path == "$" else path):
        if key and isinstance(value, dict):
            place.append(_key_position(value, key))
            value = value.get(key)
        elif index and isinstance(value, list):
            place.append(int(index))
            value = value[int(index)] if int(index) < len(value) else None
        else:
            value = None
            break
    if isinstance(value, dict):
        place.append(len(value))
    return tuple(place)


def _key_position(record: dict[str, Any], key: str) -> int:
    """The position of *key* among the keys of *record* (after them if it lacks it)."""
    for position, name in enumerate(record):
        if name == key:
            return position
    return len(record)


def _cut(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
