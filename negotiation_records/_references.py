"""
The references a document's records make, noted as the document is read
(private).

A field that names another record (a party id, a source id, a round number,
...) says so with ``field(..., refers_to=...)``.  While the compiled loader of
a record class that checks references (a negotiation) reads its document, the
compiled loaders of the records inside it note each such value in a
:class:`References`.  Checking them then costs one set operation per target
instead of a walk over the whole record, which the whole-record check
(``_whole_record.Checker``) does only when something is amiss, to say what
and where.

A record built any other way while a document is read (through its
``__init__``: the exact path, a conversion) marks the references incomplete
(``Record.__attrs_post_init__``), and the whole walk decides.  So does a
record that a structure hook of your own gives (one registered on
``make_converter()``, which may give a record it kept, copied or unpickled,
never read here): the loaders call a hook that is not a compiled loader
through :func:`noting`.  The noting is per thread.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, Final


__all__ = ["STATE", "TARGETS", "References", "notes_references", "noting"]

TARGETS: Final = (
    "party",
    "source",
    "statement",
    "round",
    "proposal",
    "agreement",
    "subject",
)
"""
What a field may refer to: a party, a source or a statement by id, a round by
number, a proposal or an agreement by id, or a vote's subject (the id of a
proposal, an agreement, an ultimatum or a milestone).
"""


class References:
    """The values of the referring fields read so far, by target."""

    __slots__ = (
        "agreement",
        "complete",
        "party",
        "proposal",
        "round",
        "source",
        "statement",
        "subject",
    )

    def __init__(self) -> None:
        #: False once a record was built otherwise than by a compiled loader.
        self.complete = True
        self.party: list[str] = []
        self.source: list[str] = []
        self.statement: list[str] = []
        self.round: list[int] = []
        self.proposal: list[str] = []
        self.agreement: list[str] = []
        self.subject: list[str] = []


class _State(threading.local):
    #: The references of the document this thread is reading, if any.
    references: References | None = None


STATE: Final = _State()
"""Where the compiled loaders find the references to note (per thread)."""


_NOTING: Final[weakref.WeakSet[Callable[..., Any]]] = weakref.WeakSet()


def notes_references(loader: Callable[..., Any]) -> None:
    """Mark *loader*, a compiled loader, as one that notes what it reads."""
    _NOTING.add(loader)


def noting(hook: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """
    *hook*, a structure hook a loader calls for a record inside the one it
    reads: itself if it is a compiled loader (which notes the references it
    reads), else a function that calls it and then marks the references of
    the document being read incomplete, so that the whole-record check walks
    the record (what the hook gave was not noted).
    """
    try:
        if hook in _NOTING:
            return hook
    except TypeError:  # a callable of your own that cannot be hashed
        pass

    def not_noted(value: Any, cls: Any) -> Any:
        record = hook(value, cls)
        reading = STATE.references
        if reading is not None:
            reading.complete = False
        return record

    return not_noted
