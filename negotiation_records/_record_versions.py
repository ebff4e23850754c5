"""
Documents of single records of a stated format version (private).

Only a serialized :class:`~negotiation_records.Negotiation` says which format
version it was written in (``"schema_version"``); a document of one record
(``to_json(ultimatum)``, a line of a JSON Lines file of parties) does not,
and the loader never guesses.  The caller says it instead (``from_json(Ultimatum,
text, schema_version=1)``): a record of an older version is put at its place
in a minimal negotiation document of that version (an ultimatum in
``ultimatums``, an outcome in the ``outcomes`` of a round: :func:`places`),
the document is brought up to date by the registered migration steps, as a
whole document would be, and the record is taken back out and loaded, each
problem at the record's own path.

Without a stated version a record is read as the current version.  A record
refused for what a version-1 record holds there (a ``status``, a proposer's
id where version 2 wants a list), as the step from version 1 finds it
(:func:`~negotiation_records.migrations.version_1_moves`), is refused with a
hint to state its version; so is a record holding a key that version 2
dropped where unknown keys are ignored, since ignoring it would lose the value
(:func:`refusing_version_1_keys`).  Both hold wherever the type read puts
such a record: in a list of negotiations, a dict of proposals, a user's class
holding them.  The hint says what works for that type (:func:`_hint`):
``schema_version=1`` (:data:`HINT`) where it reads the type, a record class or
a list or tuple of one; elsewhere (a dict, an optional record, a user's
class, a list of lists), reading the record alone, ``from_dict(Proposal,
..., schema_version=1)``, as ``schema_version=`` reads no other type.
"""

from __future__ import annotations

import collections
import functools
import re
from collections.abc import Callable
from typing import Any, Final, get_args, get_origin

import attrs

from negotiation_records._hooks import collect_problems, unknown_key
from negotiation_records._kind import added_in, is_init_only, key_until, kind_of
from negotiation_records._nested_records import NOTHING, Found, walker
from negotiation_records._record import Record
from negotiation_records._values import with_article
from negotiation_records.errors import ValidationError, join_path
from negotiation_records.migrations import (
    IDS_IN_VERSION_1,
    SCHEMA_VERSION,
    check_version,
    document_problems,
    in_document_order,
    upgrade_noting,
    version_1_moves,
)


__all__ = [
    "HINT",
    "OWN_VERSION",
    "Load",
    "keys_of_version_1",
    "places",
    "reading_as",
    "refusing_version_1_keys",
    "version_1_hints",
    "version_problem",
]

Load = Callable[[Any, Any], Any]
"""A structure hook: ``load(data, cls)`` gives the record, or raises."""

HINT: Final = "(a version-1 record? read it with schema_version=1)"
"""
What a problem of a version-1 record read as the current version adds, where
the type read is one ``schema_version=1`` reads: a record class, or a list
or tuple of one (elsewhere the hint says to read the record alone: :func:`_hint`).
"""

OWN_VERSION: Final = "a negotiation says its own version (leave the argument out)"
"""What a negotiation read with another ``schema_version`` than its own is told."""

_KEY: Final = "schema_version"

#: A place: the steps (key, whether a list) from a negotiation down to a
#: record, the first format version that had them and the last.
Place = tuple[tuple[tuple[str, bool], ...], int, int]


@functools.cache
def places() -> dict[type[Any], tuple[Place, ...]]:
    """
    Where the records of each class live in a serialized negotiation, going
    down its fields breadth first (a proposal in ``proposals``, an outcome in
    the ``outcomes`` of a round, a deadline in an ultimatum's ``deadline``),
    each with the versions that had it: from the version that added the last
    of its fields (2 for a vote: the negotiation's ``votes``) to the current
    one, or, for a key a later version dropped (an outcome's ``quantity``,
    which held a quantity until version 1), to the last that had it.
    """
    from negotiation_records.negotiation import Negotiation  # noqa: PLC0415

    found: dict[type[Any], list[Place]] = collections.defaultdict(list)
    top: Place = ((), 1, SCHEMA_VERSION)
    waiting: collections.deque[tuple[type[Any], Place]] = collections.deque(
        [(Negotiation, top)]
    )
    while waiting:
        cls, (steps, since, until) = waiting.popleft()
        for key, inner, in_list, added, last in _keys_holding_records(cls):
            if inner is Negotiation:
                continue
            place = ((*steps, (key, in_list)), max(since, added), min(until, last))
            if inner not in found:
                waiting.append((inner, place))
            found[inner].append(place)
    return {cls: tuple(held) for cls, held in found.items()}


def _keys_holding_records(
    cls: type[Any],
) -> list[tuple[str, type[Any], bool, int, int]]:
    """
    The keys of *cls*'s serialized form that hold records: each key, the
    record class, whether in a list, and the first and last versions with
    the key (an init-only argument that was a key until a version: that one).
    """
    attrs.resolve_types(cls)
    keys = []
    for attribute in attrs.fields(cls):
        if is_init_only(attribute):
            until = key_until(attribute)
            if until >= 1:
                keys += [
                    (attribute.alias, inner, in_list, 1, until)
                    for inner, in_list in _records_typed(attribute.type)
                ]
            continue
        kind = kind_of(attribute)
        for inner in kind.record_classes() if kind is not None else ():
            in_list = _in_list(kind, attribute.name)
            if in_list is not None:
                since = added_in(attribute)
                if (cls.__name__, attribute.name) in IDS_IN_VERSION_1:
                    since = max(since, 2)  # ids in version 1, no records
                keys.append((attribute.name, inner, in_list, since, SCHEMA_VERSION))
    return keys


def _in_list(kind: Any, name: str) -> bool | None:
    """Whether the field *name* of *kind* holds its records in a list (``None``: neither)."""
    probe: dict[str, Any] = {}
    if any(record is probe for _, _, record in kind.records_in([probe], name)):
        return True
    if any(record is probe for _, _, record in kind.records_in(probe, name)):
        return False
    return None


def _records_typed(annotation: Any) -> list[tuple[type[Any], bool]]:
    """The record classes an annotation (``Quantity | None``) names, and whether in a list."""
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return [(annotation, False)]
    if get_origin(annotation) in (list, tuple):
        return [(inner, True) for inner, _ in _records_typed(get_args(annotation)[0])]
    return [found for arg in get_args(annotation) for found in _records_typed(arg)]


def _place(cls: type[Any], version: int) -> Place | None:
    """The first place of :func:`places` where *version* held records of *cls*."""
    return next(
        (place for place in places().get(cls, ()) if place[1] <= version <= place[2]),
        None,
    )


def _path(steps: tuple[tuple[str, bool], ...]) -> str:
    """The path of the record at the end of *steps* (``rounds[0].outcomes[0]``)."""
    path = ""
    for name, in_list in steps:
        path = join_path(path, name) + ("[0]" if in_list else "")
    return path


def _wrapped(data: Any, steps: tuple[tuple[str, bool], ...], version: int) -> Any:
    """A negotiation document of *version* holding *data* alone, at the end of *steps*."""
    value = data
    for name, in_list in reversed(steps):
        value = {name: [value] if in_list else value}
    return {_KEY: version, **value}


def _own_path(path: str, prefix: str) -> str:
    """*path*, a path in the wrapping document, as a path in the record at *prefix*."""
    if path.startswith(prefix + "."):
        return path[len(prefix) + 1 :]
    if path.startswith(prefix + "["):
        return path[len(prefix) :]
    return "$"  # the record itself (nothing else is in the document)


def _target(cls: Any) -> tuple[type[Any] | None, bool]:
    """The record class *cls* loads (``list[Party]``: ``Party``), and whether many."""
    origin = get_origin(cls)
    args = get_args(cls)
    many = (origin is list and len(args) == 1) or (
        origin is tuple and len(args) == 2 and args[1] is Ellipsis
    )
    if many:
        cls = args[0]
    return (cls if isinstance(cls, type) and attrs.has(cls) else None), many


def _problems(load: Load, data: Any, cls: Any) -> tuple[Any, list[tuple[str, str]]]:
    """The record *load* makes of *data*, or ``None`` and its problems."""
    try:
        return load(data, cls), []
    except Exception as exc:  # noqa: BLE001 - every problem is collected
        return None, collect_problems(exc)


# --- a stated version -------------------------------------------------------------


def _plan(cls: Any, version: object) -> tuple[int, type[Any] | None, bool]:
    """
    The version stated (checked), the record class to bring up to date from
    it (``None``: nothing to migrate) and whether *cls* is a list of them; or
    the refusal :func:`reading_as` makes, before any hook is looked up.
    """
    stated = check_version(version)
    record, many = _target(cls)
    if record is None or (stated == SCHEMA_VERSION and not _versioned(record)):
        if stated == SCHEMA_VERSION:
            return stated, None, many
        raise TypeError(
            f"schema_version={stated} reads the library's records (or a list of "
            f"them), got {cls!r}"
        )
    if not _versioned(record):
        _steps(record, stated)  # a class that version did not have: refused
    return stated, record, many


def reading_as(hook_of: Callable[[Any], Load], cls: Any, version: object) -> Load:
    """
    The hook reading *cls* (a record class, or a list or tuple of one)
    written in the format *version*; ``hook_of(cls)`` gives the converter's
    hook for a class.

    A version this library cannot read is refused at ``schema_version``, as
    a document's is (:func:`~negotiation_records.migrations.check_version`),
    and so is a class that version did not have; a class that no negotiation
    document holds, read as an older version, is a :class:`TypeError`.
    """
    stated, record, many = _plan(cls, version)
    load = hook_of(cls)
    if record is None:
        return load  # the current version: nothing to migrate
    one = _reader(hook_of(record), record, stated)
    if not many:
        return one
    make: Callable[[list[Any]], Any] = list if get_origin(cls) is list else tuple

    def read_many(data: Any, _: Any = cls) -> Any:
        if data.__class__ is not list:
            return load(data, cls)  # refused there: not an array
        records, problems = [], []
        for index, value in enumerate(data):
            found, wrong = _problems(one, value, record)
            records.append(found)
            problems += [(join_path(f"[{index}]", p), m) for p, m in wrong]
        if problems:
            raise ValidationError(problems)
        return make(records)

    return read_many


def version_problem(cls: Any, version: object) -> str | None:
    """
    Why records of *cls* cannot be read as written in *version* (as
    :func:`reading_as` refuses it), or ``None``: for a command line, which
    says so before it reads anything.

    Example:
        >>> from negotiation_records import Ultimatum, Vote
        >>> version_problem(Ultimatum, 1) is None
        True
        >>> version_problem(Vote, 1)
        'a Vote is new in format version 2: a version-1 document holds none (leave schema_version out to read the current version)'
    """
    try:
        _plan(cls, version)
    except TypeError as exc:
        return str(exc)
    except ValidationError as exc:
        return "; ".join(message for _, message in exc.errors)
    return None


def _versioned(cls: type[Any]) -> bool:
    """Whether *cls* is a whole document that says its own version (a negotiation)."""
    return bool(getattr(cls, "_versioned", False))


def _reader(load: Load, cls: type[Any], version: int) -> Load:
    """The hook reading one record of class *cls* written in *version*."""
    if _versioned(cls):
        return functools.partial(_read_document, load, version=version)
    return functools.partial(
        _read_record, load, steps=_steps(cls, version), version=version
    )


def _steps(cls: type[Any], version: int) -> tuple[tuple[str, bool], ...]:
    """
    The steps from a negotiation document of *version* down to a record of
    *cls* (:func:`places`); a :class:`TypeError` for a class no negotiation
    holds, a :class:`~negotiation_records.ValidationError` at
    ``schema_version`` for one that *version* did not have.
    """
    held = places().get(cls)
    if not held:
        raise TypeError(
            f"schema_version={version}: no negotiation document holds a "
            f"{cls.__name__}, so the library knows no older version of it"
        )
    # before version 1, a format of your own: a step brings it to version 1
    place = _place(cls, max(version, 1))
    if place is None:
        since = min(since for _, since, _ in held)
        raise ValidationError(
            [
                (
                    _KEY,
                    f"{with_article(cls.__name__)} is new in format version {since}: a "
                    f"version-{version} document holds none (leave schema_version "
                    "out to read the current version)",
                )
            ]
        )
    return place[0]


def _read_document(load: Load, data: Any, cls: Any, *, version: int) -> Any:
    """A negotiation: its own ``"schema_version"`` decides, and must be *version*."""
    said = data.get(_KEY) if isinstance(data, dict) else None
    if isinstance(said, int) and not isinstance(said, bool) and said != version:
        raise ValidationError(
            [
                (
                    _KEY,
                    f"the document says {said}, but schema_version={version} was "
                    f"given: {OWN_VERSION}",
                )
            ]
        )
    return load(data, cls)


def _read_record(
    load: Load,
    data: Any,
    cls: Any,
    *,
    steps: tuple[tuple[str, bool], ...],
    version: int,
) -> Any:
    """
    A record of *version*, brought up to date in a negotiation document that
    holds it alone at the end of *steps*, then loaded by *load*.  Any object
    is: one in which the JSON text repeated a key too (a ``dict`` of another
    class, which the loader refuses for it, with the record's other problems
    as of *version*).
    """
    if not isinstance(data, dict):
        return load(data, cls)  # refused there: not an object
    prefix = _path(steps)
    document = _wrapped(data, steps, version)
    try:
        body, refused, newer, checked = upgrade_noting(
            document, _negotiation(), stated=f"it is read with {_KEY}={version}"
        )
    except ValidationError as exc:  # a step's own report
        raise ValidationError(_own(exc.errors, prefix)) from None
    # where the steps moved it (an outcome's quantity into its quantities)
    moved = {was: now for now, was in version_1_moves(checked).items()}
    record, found = _problems(load, _value_at(body, moved.get(prefix, prefix)), cls)
    if found or refused or newer:
        at = [
            (join_path(moved.get(prefix, prefix), path), message)
            for path, message in found
        ]
        problems = document_problems(checked, at, refused, newer)
        raise ValidationError(_own(problems, prefix))
    return record


def _negotiation() -> type[Any]:
    from negotiation_records.negotiation import Negotiation  # noqa: PLC0415

    return Negotiation


def _own(problems: Any, prefix: str) -> list[tuple[str, str]]:
    return [(_own_path(path, prefix), message) for path, message in problems]


# --- no stated version: hints -----------------------------------------------------


def version_1_hints(
    cls: Any, data: Any, problems: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """
    The *problems* of *data*, read as *cls* of the current version, with a
    hint (:data:`HINT`) wherever it holds what a version-1 record holds
    there: a key version 2 dropped (``status``, ``status_on``, an outcome's
    ``quantity``) is reported at its own path, refused (even where unknown
    keys are ignored), and a value version 1 wrote as an id where version 2
    wants a list or an object (``proposed_by``, a coalition's ``members``)
    has the hint added to its problem.  What is version 1's is what the step
    from version 1 moves (:func:`~negotiation_records.migrations.version_1_moves`).
    A negotiation says its version: its keys of version 1 are told as such
    (:func:`keys_of_version_1`).  The records are found wherever *cls* puts
    them (``list[Negotiation]``, ``dict[str, Proposal]``, an attrs class
    holding proposals: see ``_nested_records``), each with its problems at
    its own path.
    """
    walk = walker(cls, _hinted_record)
    if walk is None:
        return problems
    found: Found = {}
    try:
        walk(data, NOTHING, "", found)
    except RecursionError:  # nested too deeply: reported as it is
        return problems
    return _told_at(found, problems, cls) if found else problems


def _hinted_record(cls: type[Any]) -> bool:
    """Whether a record of *cls* can hold what version 1 held (:func:`version_1_hints`)."""
    return _versioned(cls) or _place(cls, 1) is not None


def _dropping_record(cls: Any) -> bool:
    """Whether a record of *cls* can hold a key version 2 dropped (:func:`_may_drop`)."""
    return _versioned(cls) or _may_drop(cls)


def _told_at(
    found: Found, problems: list[tuple[str, str]], read_as: Any
) -> list[tuple[str, str]]:
    """
    *problems* with those of each record *found* (at its path or below it)
    replaced by what :func:`_told` makes of them, in their place (a record
    with none: after the others, in the order found); *read_as* is the type
    the data was read as (for the hint: :func:`_hint`).
    """
    owners = [_owner(path, found) for path, _ in problems]
    own: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    for (path, message), owner in zip(problems, owners, strict=True):
        if owner is not None:
            own[owner].append((_below(path, owner), message))

    def told(owner: str) -> list[tuple[str, str]]:
        record, data = found[owner]
        return [
            (join_path(owner, path), message)
            for path, message in _told(
                record, data, own.get(owner, []), lambda: _hint(read_as, owner, record)
            )
        ]

    result: list[tuple[str, str]] = []
    done: set[str] = set()
    for problem, owner in zip(problems, owners, strict=True):
        if owner is None:
            result.append(problem)
        elif owner not in done:
            done.add(owner)
            result += told(owner)
    for owner in found:
        if owner not in done:
            result += told(owner)
    return result


def _told(
    cls: type[Any],
    data: Any,
    problems: list[tuple[str, str]],
    hint: Callable[[], str],
) -> list[tuple[str, str]]:
    """
    The *problems* of one record of *cls* (at its own paths), version 1's
    told, with the hint ``hint()`` for a record of version 1.
    """
    if _versioned(cls):  # a document says its version
        return _keys_of_version_1_told(data, problems)
    place = _place(cls, 1)
    return problems if place is None else _hinted(data, problems, place[0], hint)


def _hint(read_as: Any, path: str, record: type[Any]) -> str:
    """
    The hint for a version-1 *record* at *path* in data read as *read_as*:
    :data:`HINT` where ``schema_version=1`` reads *read_as* (a record class,
    or a list or tuple of one: :func:`reading_as`); else what does, reading
    the record alone, as ``schema_version=`` cannot read a dict, an optional
    record, a user's class, a list of lists (:func:`version_problem`).
    """
    if version_problem(read_as, 1) is None:
        return HINT
    name = record.__name__
    if not path:  # the data is the record: read it as its class
        return (
            f"(a version-1 record? read it as {name}, not as the type given, with "
            "schema_version=1, which takes a record class or a list of one)"
        )
    return (
        f"(a version-1 record? read the {name} at {path} alone, with "
        f"from_dict({name}, ..., schema_version=1): schema_version= takes a "
        "record class or a list of one, not the type given)"
    )


def _owner(path: str, found: Found) -> str | None:
    """The path of the record of *found* that *path* is at or inside, if any."""
    if "" in found:
        return ""
    if path in found:
        return path
    for index, char in enumerate(path):
        if char in ".[" and path[:index] in found:
            return path[:index]
    return None


def _below(path: str, owner: str) -> str:
    """*path*, at or inside the record at *owner*, as a path in that record."""
    if not owner:
        return path
    rest = path[len(owner) :]
    return rest.removeprefix(".") or "$"


def _hinted(
    data: Any,
    problems: list[tuple[str, str]],
    steps: tuple[tuple[str, bool], ...],
    hint: Callable[[], str],
) -> list[tuple[str, str]]:
    """:func:`version_1_hints` for one record, the hint ``hint()``."""
    if not isinstance(data, dict):  # a dict of the parser's class too (a key repeated)
        return problems
    prefix = _path(steps)
    dropped: list[str] = []
    reshaped: set[str] = set()
    for moved_to, moved_from in version_1_moves(_wrapped(data, steps, 1)).items():
        if moved_from == prefix:
            continue  # the record itself moved (a quantity into quantities)
        path = _own_path(moved_from, prefix)
        if _is_at_or_below(moved_to, moved_from):  # the same key, another shape
            if isinstance(_value_at(data, path), str):
                reshaped.add(path)
        else:
            dropped.append(path)
    if not (dropped or reshaped):
        return problems
    said = hint()
    told = [
        (path, f"{unknown_key(path.rpartition('.')[2])} {said}") for path in dropped
    ]
    marked = [
        (path, f"{message} {said}" if path in reshaped else message)
        for path, message in problems
    ]
    return _instead_of_unknown(data, told, marked)


def _instead_of_unknown(
    data: Any, told: list[tuple[str, str]], problems: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """
    *problems* of *data* with each key of *told* reported at its own path
    with *told*'s message (once, in document order), not as an unknown key of
    the object that holds it.
    """
    plain = set()
    for path, _ in told:
        parent, _, key = path.rpartition(".")
        plain.add((parent or "$", unknown_key(key)))
    kept = [problem for problem in problems if problem not in plain]
    return in_document_order(data, [t for t in told if t not in problems], kept)


def _is_at_or_below(path: str, start: str) -> bool:
    """Whether *path* is *start* or a path inside it (``start.key``, ``start[1]``)."""
    return path == start or path.startswith((start + ".", start + "["))


_STEP: Final = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _value_at(data: Any, path: str) -> Any:
    """The value at *path* (``members[0]``) in *data*, or ``None``."""
    value = data
    for key, index in _STEP.findall(path):
        if key and isinstance(value, dict):
            value = value.get(key)
        elif index and isinstance(value, list) and int(index) < len(value):
            value = value[int(index)]
        else:
            return None
    return value


@functools.cache
def _may_drop(cls: Any) -> bool:
    """
    Whether a record of *cls* (or a list of one) may hold a key that a later
    version dropped (an init-only argument that was a key until then: a
    proposal's ``status``, a round's outcomes' ``quantity``), in it or in a
    record inside it.
    """
    record, _ = _target(cls)
    if record is None or _place(record, 1) is None:
        return False
    seen = {record}
    waiting = [record]
    while waiting:
        for attribute in attrs.fields(waiting.pop()):
            if is_init_only(attribute):
                if key_until(attribute) >= 1:
                    return True
                continue
            kind = kind_of(attribute)
            for inner in kind.record_classes() if kind is not None else ():
                if inner not in seen:
                    seen.add(inner)
                    waiting.append(inner)
    return False


def keys_of_version_1(document: Any) -> list[tuple[str, str]]:
    """
    The keys of format version 1 that version 2 replaced (a record's
    ``status`` and ``status_on``, an outcome's ``quantity``) in a negotiation
    *document* that says it is of the current version, each at its own path,
    with where version 2 writes its value: such a key is refused, not ignored,
    even where unknown keys are (``strict=False``), rather than lose a status
    that version-1 code wrote into a version-2 document.
    """
    if not isinstance(document, dict) or document.get(_KEY) != SCHEMA_VERSION:
        return []
    found = []
    for now, was in version_1_moves({**document, _KEY: 1}).items():
        if not _is_at_or_below(now, was):  # not the same key in another shape
            parent, _, key = was.rpartition(".")
            field = re.split(r"[.\[]", now[len(parent) + 1 if parent else 0 :])[0]
            found.append(
                (
                    was,
                    f"{unknown_key(key)} (a key of format version 1; version 2 "
                    f"writes it in {field!r})",
                )
            )
    return found


def _keys_of_version_1_told(
    document: Any, problems: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """*problems* of a negotiation *document*, its keys of version 1 told as such."""
    told = keys_of_version_1(document)
    return _instead_of_unknown(document, told, problems) if told else problems


def refusing_version_1_keys(load: Load, cls: Any) -> Load:
    """
    *load* (a hook that ignores unknown keys), refusing the data of a *cls*
    that holds a key version 2 dropped (:func:`version_1_hints`,
    :func:`keys_of_version_1`), in a record wherever *cls* puts one (a list
    of negotiations, a dict of proposals, an attrs class holding them), rather
    than lose its value; *load* itself for a type whose records hold none.
    """
    if isinstance(cls, type) and _versioned(cls):

        def whole(data: Any, _: Any = cls) -> Any:
            record = load(data, cls)
            told = _keys_of_version_1_told(data, [])  # in document order
            if told:
                raise ValidationError(told)
            return record

        return whole
    walk = walker(cls, _dropping_record)
    if walk is None:
        return load

    def structure(data: Any, _: Any = cls) -> Any:
        loaded = load(data, cls)
        found: Found = {}
        walk(data, loaded, "", found)
        problems = _told_at(found, [], cls) if found else []
        if problems:
            raise ValidationError(problems)
        return loaded

    return structure
