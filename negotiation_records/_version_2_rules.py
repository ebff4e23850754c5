"""
The rules format version 2 added that refuse values version 1 accepted.

Version 1 did not check these, so a version-1 document may hold what they
refuse: a control character or only invisible characters in a text, a country
code that ISO 3166-1 does not assign, a zone abbreviation, a zone that
depends on the machine or one spelled otherwise than the database does
("utc"), an ultimatum's deadline before its issue or before the revision
that set it, a response to a proposal after it was withdrawn, a
deadline revised after its record's final status, coalitions that are members
of each other in a circle, proposals that counter each other in a circle, a
response to an ultimatum from the party that issued it, a representative
listed twice, a URL without a host RFC 3986 reads.  None of
these can be carried into version 2 without changing what the document says,
and the library does not guess, so such a document is
refused; for a document that says it is version 1, the loader marks each of
these problems as a rule version 1 did not have (:func:`noted`), so that its
reader knows why a file version 1 read is refused now.

Each rule's message is made from its template here (``str.format``), and the
loader recognises it by the same template: the wording lives in one place.
"""

from __future__ import annotations

import functools
import re
from typing import Final


__all__ = [
    "ANSWERED_AFTER_CLOSE",
    "CONTROL_CHARACTER",
    "COUNTER_CIRCLE",
    "DUE_BEFORE_ISSUE",
    "DUE_BEFORE_REVISION",
    "INVISIBLE_TEXT",
    "ISSUER_RESPONDS",
    "LATE_UNSAID",
    "LONE_SURROGATE",
    "MACHINE_ZONE",
    "MEMBER_CIRCLE",
    "NOTE",
    "PASSED_EARLY",
    "REPEATED_REPRESENTATIVE",
    "REVISED_AFTER_END",
    "UNASSIGNED_COUNTRY",
    "URL_HOST",
    "ZONE_ABBREVIATION",
    "ZONE_ABBREVIATION_NAMED",
    "ZONE_SPELLING",
    "added_in_version_2",
    "noted",
]

CONTROL_CHARACTER: Final = (
    "must not hold a control character (U+{code} at index {index}; only tab, "
    "line feed and carriage return are allowed), got {value}"
)
INVISIBLE_TEXT: Final = (
    "must hold a visible character (not only white space, zero-width or filler "
    "characters), got {value}"
)
LONE_SURROGATE: Final = "must be valid Unicode text (no lone surrogates), got {value}"
UNASSIGNED_COUNTRY: Final = "{code} is not an ISO 3166-1 alpha-2 country code"
ZONE_ABBREVIATION: Final = (
    "time zone {name} is an abbreviation, not a place; name the IANA zone "
    "instead, such as {instead}"
)
ZONE_ABBREVIATION_NAMED: Final = (
    "time zone {name} is an abbreviation, not a place: it keeps one offset (or a "
    "legacy rule) and silently skips the daylight-saving time of the places that "
    "use it; name the IANA zone instead, such as {instead}"
)
ZONE_SPELLING: Final = (
    "time zone {name} is not written so in the time-zone database, whose names "
    "other readers match exactly: write '{found}'"
)
MACHINE_ZONE: Final = (
    "time zone {name} depends on the machine it is read on; name the zone "
    "itself, such as 'Europe/Kyiv' or 'UTC'"
)
DUE_BEFORE_ISSUE: Final = "falls due ({due}) before the ultimatum was issued ({start})"
DUE_BEFORE_REVISION: Final = "falls due ({due}) before it was set ({revision}, {on})"
PASSED_EARLY: Final = (
    "{label} cannot be {status} on {on}: {what} ({due}) had not passed"
)
ANSWERED_AFTER_CLOSE: Final = (
    "{on} is after the proposal became {status} ({ended}): it can no longer be "
    "answered then"
)
LATE_UNSAID: Final = (
    "{label} cannot be complied with on {on} without an expired step before "
    "it: {what} ({due}) had passed, and a late compliance is recorded after "
    "the expiry (comply(late=True) adds it)"
)
REVISED_AFTER_END: Final = (
    "{on} is after {label} was {status} ({ended}): {refused} then"
)

ISSUER_RESPONDS: Final = "{party} issued the ultimatum and cannot respond to it"

MEMBER_CIRCLE: Final = (
    "coalitions are members of each other in a circle ({circle}); a coalition "
    "cannot be a member of itself through others"
)
COUNTER_CIRCLE: Final = (
    "proposals counter each other in a circle ({circle}); a counter-proposal "
    "answers an earlier proposal"
)

#: What a party's list of representatives (``Many(..., unique="representative")``)
#: says of a copy; a repeated alias, member or source version 1 refused too.
REPEATED_REPRESENTATIVE: Final = "representative {value} appears twice"

URL_HOST: Final = (
    "must be an absolute http(s) URL with a host (a name, or an IP address in "
    "brackets, after an optional user and before an optional port of digits, "
    "as RFC 3986 writes it), without control characters, got {value}"
)

_TEMPLATES: Final = (
    CONTROL_CHARACTER,
    INVISIBLE_TEXT,
    LONE_SURROGATE,
    UNASSIGNED_COUNTRY,
    ZONE_ABBREVIATION,
    ZONE_ABBREVIATION_NAMED,
    MACHINE_ZONE,
    DUE_BEFORE_ISSUE,
    PASSED_EARLY,
    LATE_UNSAID,
    ANSWERED_AFTER_CLOSE,
    REVISED_AFTER_END,
    MEMBER_CIRCLE,
    ISSUER_RESPONDS,
    DUE_BEFORE_REVISION,
    COUNTER_CIRCLE,
    REPEATED_REPRESENTATIVE,
    URL_HOST,
    ZONE_SPELLING,
)

NOTE: Final = (
    " (a rule of format version 2, which version 1 did not check: correct the "
    "value to read the document)"
)
"""What :func:`noted` adds to a problem that a rule of version 2 found."""


@functools.cache
def _literals() -> tuple[tuple[str, ...], ...]:
    """Each template's text between its fields, in order (worked out on first use)."""
    field = re.compile(r"\{[a-z_]*\}")
    return tuple(tuple(field.split(template)) for template in _TEMPLATES)


def _made_from(message: str, literals: tuple[str, ...]) -> bool:
    """
    Whether *message* is *literals* with any text between them.  Each literal
    is found at its first place after the one before (if any way of placing
    them works, that one does), so the time is linear in the message's length,
    whatever it holds.
    """
    if len(literals) == 1:
        return message == literals[0]
    first, *middle, last = literals
    if not message.startswith(first):
        return False
    at, end = len(first), len(message) - len(last)
    for literal in middle:
        at = message.find(literal, at, end)
        if at < 0:
            return False
        at += len(literal)
    return at <= end and message.endswith(last)


def added_in_version_2(message: str) -> bool:
    """
    Whether *message* is that of a rule format version 2 added (one made from
    a template of this module), a value version 1 accepted.

    Example:
        >>> added_in_version_2(UNASSIGNED_COUNTRY.format(code="'EU'"))
        True
        >>> added_in_version_2("required field missing")
        False
    """
    return any(_made_from(message, literals) for literals in _literals())


def noted(problems: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """
    *problems* of a version-1 document, each that a rule of version 2 found
    with :data:`NOTE` added to its message.

    Example:
        >>> noted([("parties[0].country", "'EU' is not an ISO 3166-1 alpha-2 country code")])
        [('parties[0].country', "'EU' is not an ISO 3166-1 alpha-2 country code (a rule of format version 2, which version 1 did not check: correct the value to read the document)")]
    """
    return [
        (path, message + NOTE if added_in_version_2(message) else message)
        for path, message in problems
    ]
