"""
The rules the exports share about the ids they write (private): a
negotiation id given twice is refused, as the events of both would have the
same ids (calendar ``UID``, PLOVER ``id``, the tables' keys); and the domain
that makes a calendar's ``UID`` globally unique (``to_ical(uid_domain=)``,
``export --uid-domain``) is a DNS-style domain name.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping

from negotiation_records._values import described, short_repr
from negotiation_records.errors import ValidationError


__all__ = ["DOMAIN_RULE", "SeenIds", "check_many", "domain_problems", "not_many"]

DOMAIN_RULE = (
    "a domain name: labels of ASCII letters, digits and hyphens, joined by "
    "dots, such as 'talks.example.org'"
)
"""The rule for a ``UID``'s domain, in words, for messages."""

_LABEL_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-")
_MAX_LABEL = 63  # octets of a label (RFC 1035, 2.3.4)
_MAX_NAME = 253  # octets of a name, written without its final dot


def not_many(value: object) -> bool:
    """
    Whether *value* cannot be the negotiations an export takes (any iterable of
    them): it is no iterable, or text, bytes or a mapping, whose items are
    characters, bytes or keys.  One negotiation is for the caller to allow.
    """
    return isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(
        value, Iterable
    )


def check_many(value: object) -> None:
    """
    A :class:`ValidationError` at ``$`` if *value*, given to an export that
    takes one negotiation or an iterable of them and not one itself, cannot be
    the iterable (:func:`not_many`).
    """
    if not_many(value):
        raise ValidationError(
            [
                (
                    "$",
                    "must be a Negotiation or an iterable of them, got "
                    f"{type(value).__name__}",
                )
            ]
        )


class SeenIds:
    """The ids of the negotiations an export was given, each with its position."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}

    def repeated(self, negotiation_id: str, index: int) -> tuple[str, str] | None:
        """
        Note the id of the *index*-th negotiation given; the problem, at
        ``[index].id``, when an earlier one has it.
        """
        seen = self.first.setdefault(negotiation_id, index)
        if seen == index:
            return None
        return (
            f"[{index}].id",
            f"negotiation id {negotiation_id!r} is already used by [{seen}]",
        )

    def add(self, negotiation_id: str, index: int) -> None:
        """:meth:`repeated`, raising its problem as a ValidationError."""
        problem = self.repeated(negotiation_id, index)
        if problem is not None:
            raise ValidationError([problem])


def domain_problems(value: object) -> list[str]:
    """
    What keeps *value* from being a DNS-style domain name (RFC 1035 and RFC
    1123: labels of ASCII letters, digits and hyphens, 1 to 63 characters,
    not starting or ending with a hyphen, joined by dots, 253 characters at
    most; one label alone is a name too): an empty list when it is one.

    An internationalized name is written in its ASCII form (IDNA, RFC 5890):
    an ``xn--`` label is a label as any other, and must decode to a name
    outside ASCII (Python's ``idna`` codec); a character outside ASCII is
    refused, with that advice.  A final dot
    (``example.org.``) is refused: a ``UID`` is not a DNS query.
    """
    if not isinstance(value, str):
        return [f"must be {DOMAIN_RULE}; got {described(value)}"]
    got = f"got {short_repr(value)}"
    if not value:
        return [f"must be {DOMAIN_RULE}; {got}"]
    problems = []
    for index, char in enumerate(value):
        if char != "." and char not in _LABEL_CHARACTERS:
            advice = (
                "; write an internationalized name in its ASCII (xn--) form"
                if char.isprintable() and not char.isascii()
                else ""
            )
            problems.append(
                f"must be {DOMAIN_RULE}: U+{ord(char):04X} at index {index} is "
                f"none of them{advice}; {got}"
            )
            break
    if len(value) > _MAX_NAME:
        problems.append(
            f"must be at most {_MAX_NAME} characters, got {len(value)}: "
            f"{short_repr(value)}"
        )
    labels = value.split(".")
    if value.endswith("."):
        problems.append(f"must not end with a dot; {got}")
        labels.pop()
    for label in labels:
        problems += _label_problems(label, got)
    return list(dict.fromkeys(problems))


def _label_problems(label: str, got: str) -> list[str]:
    """What is wrong with one label of a domain name (*got*: the whole, shown)."""
    if not label:
        return [
            f"must not hold an empty label (two dots, or a dot at its start); {got}"
        ]
    problems = []
    if len(label) > _MAX_LABEL:
        problems.append(
            f"a label must be at most {_MAX_LABEL} characters, got {len(label)} "
            f"({label[:10]}...); {got}"
        )
    if label.startswith("-") or label.endswith("-"):
        problems.append(
            f"a label must not start or end with a hyphen ({label!r}); {got}"
        )
    elif label[:4].lower() == "xn--" and not _is_a_label(label):
        problems.append(
            f"the label {label!r} is not a valid IDNA (xn--) label: it does not "
            f"decode to an internationalized name; {got}"
        )
    return problems


def _is_a_label(label: str) -> bool:
    """
    Whether an ``xn--`` label is the ASCII form of a name outside ASCII: it
    decodes (Python's ``idna`` codec, IDNA 2003: Punycode, then the name's
    own checks) to one.
    """
    lower = label.lower()
    if not set(lower) <= _LABEL_CHARACTERS:
        return True  # the characters are reported on their own
    try:
        decoded = lower.encode("ascii").decode("idna")
    except UnicodeError:
        return False
    return not decoded.isascii()
