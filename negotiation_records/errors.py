"""
The exceptions that negotiation_records raises on purpose.

Every error the library raises deliberately derives from
:class:`NegotiationRecordError`, so ``except NegotiationRecordError`` catches all
of them and nothing else.  Each also derives from the built-in exception a caller
would naturally catch: bad data is a :class:`ValueError`, an unknown key in a
lookup is a :class:`LookupError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

import attrs


__all__ = [
    "FrozenRecordError",
    "IllegalTransitionError",
    "NegotiationRecordError",
    "RecordNotFoundError",
    "ValidationError",
]


class NegotiationRecordError(Exception):
    """
    Base class of every error negotiation_records raises on purpose.

    Example:
        >>> issubclass(ValidationError, NegotiationRecordError)
        True
    """


class ValidationError(NegotiationRecordError, ValueError):
    """
    Bad data, found on construction or on load.

    A ``ValidationError`` never stops at the first problem: ``errors`` lists every
    problem found, each as a ``(path, message)`` pair, and ``str()`` shows them all,
    one per line.  Paths use attribute and index steps relative to the record being
    built or loaded, e.g. ``proposals[1].addressed_to[0]``; ``$`` names the whole
    value.

    Attributes:
        errors: Every problem as a ``(path, message)`` pair, in the order found.

    Example:
        >>> from negotiation_records import Party
        >>> try:
        ...     Party(id="Russia ", name=" ", kind="state")
        ... except ValidationError as exc:
        ...     print(exc)
        2 problems:
          id: must be a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, at most 64 characters), got 'Russia '
          name: must be non-empty text, got ' '
    """

    errors: tuple[tuple[str, str], ...]

    def __init__(self, errors: Iterable[tuple[str, str]]) -> None:
        self.errors = tuple((str(path), str(message)) for path, message in errors)
        if not self.errors:
            self.errors = (("$", "invalid value"),)
        super().__init__(self.errors)

    def __str__(self) -> str:
        lines = [f"{path}: {message}" for path, message in self.errors]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} problems:\n" + "\n".join(f"  {line}" for line in lines)

    def __repr__(self) -> str:
        return f"ValidationError({list(self.errors)!r})"

    def prefixed(self, prefix: str) -> ValidationError:
        """
        Return a copy whose paths start with *prefix* (``"parties[2]"``), with
        the same ``__cause__``.

        Example:
            >>> ValidationError([("name", "must be non-empty text")]).prefixed(
            ...     "parties[2]"
            ... ).errors
            (('parties[2].name', 'must be non-empty text'),)
        """
        copy = ValidationError(
            (join_path(prefix, path), message) for path, message in self.errors
        )
        copy.__cause__ = self.__cause__  # a failure of the user's own code, kept
        return copy

    def renamed(self, names: Mapping[str, str]) -> ValidationError:
        """
        Return a copy in which a path that starts with one of *names* starts
        with its new name instead, with the same ``__cause__``: how a function
        reports, at its own argument's name, what it had another check.

        Example:
            >>> ValidationError([("period.days", "must not be negative, got -2")]).renamed(
            ...     {"period": "by"}
            ... ).errors
            (('by.days', 'must not be negative, got -2'),)
        """

        def rename(path: str) -> str:
            # The first step: up to the first "." or "[".
            end = min(
                i if i >= 0 else len(path) for i in (path.find("."), path.find("["))
            )
            return names.get(path[:end], path[:end]) + path[end:]

        copy = ValidationError((rename(path), message) for path, message in self.errors)
        copy.__cause__ = self.__cause__
        return copy


class RecordNotFoundError(NegotiationRecordError, LookupError):
    """
    A lookup such as ``Negotiation.party("rusia")`` named no existing record.

    Attributes:
        kind: What was looked up (``"party"``, ``"round"``, ...).
        key: The id or number that was not found.

    The message quotes keys cut to 80 characters and lists the first 20 known
    keys, counting the others.

    Example:
        >>> print(RecordNotFoundError("party", "rusia", ("russia", "ukraine")))
        no party 'rusia' (did you mean 'russia'?; known: 'russia', 'ukraine')
    """

    kind: str
    key: object

    def __init__(self, kind: str, key: object, known: Iterable[object] = ()) -> None:
        self.kind = kind
        self.key = key
        self._given: Iterable[object] = known
        self._known: tuple[object, ...] | None = None
        super().__init__(kind, key)

    @property
    def known(self) -> tuple[object, ...]:
        """
        The keys that do exist, for the message: a tuple, made from the
        *known* given when first asked for (or the message first made), so
        that a lookup that misses costs no more than one that finds, in code
        that catches the error and goes on.
        """
        if self._known is None:
            self._known, self._given = tuple(self._given), ()
        return self._known

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled with its keys read (what was given may be a lazy iterator).
        return (type(self), (self.kind, self.key, self.known))

    def __str__(self) -> str:
        import difflib  # noqa: PLC0415 - only needed to format the message

        from negotiation_records._values import short_repr  # noqa: PLC0415

        message = f"no {self.kind} {short_repr(self.key)}"
        hints = []

        def text(key: object) -> str:  # an int too long for str() included
            return key if isinstance(key, str) else short_repr(key)

        matches: list[object]
        if isinstance(self.key, (list, tuple)):
            # A list of ids where one is wanted (a proposal's proposed_by).
            many = type(self.key).__name__
            hints.append(f"a lookup takes one id, not a {many} of them")
            matches = [
                k for item in self.key[:_KNOWN_SHOWN] for k in self.known if k == item
            ][:1]
        elif (inner := _id_inside(self.key)) is not None:
            # A record where its id is wanted (a coalition's Membership).
            field, wanted = inner[0], cast(object, inner[1])  # no narrowing by ==
            hints.append(
                f"a lookup takes an id, not a {type(self.key).__name__}: give "
                f"its {field}"
            )
            matches = [k for k in self.known if k == wanted][:1]
        else:
            close = difflib.get_close_matches(
                text(self.key), [text(k) for k in self.known], n=1
            )
            matches = (
                [k for k in self.known if text(k) == close[0]][:1] if close else []
            )
        if matches:
            hints.append(f"did you mean {short_repr(matches[0])}?")
        if self.known:
            shown = ", ".join(short_repr(k) for k in self.known[:_KNOWN_SHOWN])
            more = len(self.known) - _KNOWN_SHOWN
            hints.append(
                f"known: {shown}" + (f", ... and {more} more" if more > 0 else "")
            )
        else:
            hints.append(f"there is no {self.kind} at all")
        return f"{message} ({'; '.join(hints)})"


def _id_inside(key: object) -> tuple[str, str] | None:
    """
    The field and value of the id a record *key* holds (a ``Membership``'s
    ``party``, a record's own ``id``), when *key* is not itself an id.
    """
    if isinstance(key, (str, int)):
        return None
    for field in ("party", "id"):
        try:
            value = getattr(key, field, None)
        except Exception:  # noqa: BLE001 - a key of any kind is only described
            value = None
        if isinstance(value, str):
            return field, value
    return None


#: How many known keys a :class:`RecordNotFoundError` message lists (the rest
#: are counted): a record of thousands must not flood a log.
_KNOWN_SHOWN = 20


class IllegalTransitionError(NegotiationRecordError, ValueError):
    """
    A status change that the record's rules forbid.

    Raised by the status methods, e.g. accepting a withdrawn proposal or marking
    an ultimatum complied with after it expired without ``late=True``.

    Attributes:
        record: What changes status (``"proposal 'p-1'"``).
        current: The status it has.
        requested: The status asked for.
        reason: Why the change is refused.

    Example:
        >>> print(IllegalTransitionError("proposal 'p-1'", "withdrawn", "accepted"))
        proposal 'p-1' cannot go from 'withdrawn' to 'accepted'
    """

    record: str
    current: str
    requested: str
    reason: str | None

    def __init__(
        self, record: str, current: str, requested: str, reason: str | None = None
    ) -> None:
        self.record = record
        self.current = current
        self.requested = requested
        self.reason = reason
        super().__init__(record, current, requested, reason)

    def __str__(self) -> str:
        text = f"{self.record} cannot go from {self.current!r} to {self.requested!r}"
        if self.reason:
            text += f": {self.reason}"
        return text


def join_path(prefix: str, path: str) -> str:
    """
    Join two error paths: ``join_path("parties[0]", "name") == "parties[0].name"``.

    ``$`` stands for the value itself and disappears when joined.

    Example:
        >>> join_path("rounds[1]", "outcomes[0].text")
        'rounds[1].outcomes[0].text'
        >>> join_path("rounds", "[1]")
        'rounds[1]'
        >>> join_path("", "$")
        '$'
    """
    if path in ("", "$"):
        return prefix or "$"
    if prefix in ("", "$"):
        return path
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


def moved_path(path: str, moves: Mapping[str, str]) -> str:
    """
    *path* with its longest start that *moves* names replaced by the path it
    maps to: where a problem found in a value built from another is reported
    (a migrated document's ``history[0].status`` at the ``status`` the
    document holds, a constructor's ``status=`` argument folded into its
    history at ``status``).

    Example:
        >>> moves = {"proposals[0].history[0].status": "proposals[0].status"}
        >>> moved_path("proposals[0].history[0].status", moves)
        'proposals[0].status'
        >>> moved_path("rounds[1].outcomes[0].quantities[0].amount",
        ...     {"rounds[1].outcomes[0].quantities[0]": "rounds[1].outcomes[0].quantity"})
        'rounds[1].outcomes[0].quantity.amount'
        >>> moved_path("history[1].on", {"history[0].on": "status_on"})
        'history[1].on'
    """
    start = path
    while start:
        moved = moves.get(start)
        if moved is not None:
            return moved + path[len(start) :]
        start = start[: max(start.rfind("."), start.rfind("["), 0)]
    return path


def moved_problems(
    problems: Iterable[tuple[str, str]], moves: Mapping[str, str]
) -> list[tuple[str, str]]:
    """
    *problems* at their :func:`moved_path`; a problem moved to a path is
    reported there once: two values made of one (a version-1 late
    compliance's date and the expiry dated with it) may be refused alike.

    Example:
        >>> moves = {"history[0].on": "status_on", "history[1].on": "status_on"}
        >>> moved_problems([("history[0].on", "too early"), ("history[1].on", "too early")], moves)
        [('status_on', 'too early')]
    """
    found: list[tuple[str, str]] = []
    moved_here: set[tuple[str, str]] = set()
    for path, message in problems:
        moved = moved_path(path, moves)
        if moved != path:
            if (moved, message) in moved_here:
                continue
            moved_here.add((moved, message))
        found.append((moved, message))
    return found


class FrozenRecordError(NegotiationRecordError, attrs.exceptions.FrozenInstanceError):
    """
    An attempt to set or delete an attribute of a record: records are frozen.

    A record is a value, as a date is: change it by making a changed copy,
    with ``attrs.evolve(record, field=...)`` (checked as on construction) or
    a method that returns one (``with_status``, ``respond``,
    ``revise_deadline``).  The message names the attribute and the class and,
    for a field, that copy.  It is also attrs'
    :class:`~attrs.exceptions.FrozenInstanceError`, an :class:`AttributeError`,
    which attrs raises for its own frozen classes; ``name`` and ``obj`` are
    the attribute's name and the record, as on an :class:`AttributeError`.

    Example:
        >>> import attrs
        >>> russia = Party(id="russia", name="Russia", kind="state")
        >>> try:
        ...     russia.name = "Russian Federation"
        ... except FrozenRecordError as exc:
        ...     print(exc)
        cannot set 'name' of a Party: it is frozen; make a changed copy with attrs.evolve(party, name=...)
        >>> attrs.evolve(russia, name="Russian Federation").name
        'Russian Federation'
    """

    def __init__(
        self, message: str, *, name: str | None = None, obj: object = None
    ) -> None:
        AttributeError.__init__(self, message, name=name, obj=obj)
        self.msg = message
