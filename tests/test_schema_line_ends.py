"""
A line terminator after a value that the published JSON Schema matches whole
(an id, a Wikidata code, a URL, a date, a timestamp, a month, a year, a period)
is refused in every regular-expression engine, as the loader refuses it; text,
which may hold line breaks, is read alike by both.

A bare ``$`` matches at the end of the string in ECMA-262's and Go's engines,
also before a final line feed in Python's (and .NET's), and before a final
``\\r``, ``\\r\\n``, U+0085, U+2028 or U+2029 in Java's.  Python's ``re``
stands in for the others: each pattern's final ``$`` is read as the engine
reads it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from negotiation_records import (
    Deadline,
    Party,
    Source,
    Statement,
    ValidationError,
    from_dict,
)


PUBLISHED = (
    Path(__file__).resolve().parent.parent / "schema" / "negotiation-record.schema.json"
)
SCHEMA = json.loads(PUBLISHED.read_text(encoding="utf-8"))

#: What a bare "$" stands for, engine by engine (without a multi-line flag).
DOLLAR = {
    "ecma-262, go": r"\Z",
    "python, .net": r"\n?\Z",
    "java": "(?:\r\n|[\n\r\x85\u2028\u2029])?\\Z",
}
ENGINES = sorted(DOLLAR)

#: The line terminators of one engine or another (Java's, the widest).
LINE_ENDS = ["\r", "\x85", "\u2028", "\u2029", "\r\n", "\n"]


def search(engine: str, pattern: str, text: str) -> bool:
    """Whether *pattern* is found in *text* as *engine* reads it."""
    assert "$" not in pattern[:-1], f"a '$' inside {pattern!r}: not emulated"
    if pattern.endswith("$"):
        pattern = pattern[:-1] + DOLLAR[engine]
    return re.search(pattern, text) is not None


def _validator_class(engine: str) -> Any:
    def pattern(
        validator: Any, patrn: str, instance: Any, schema: Any
    ) -> Iterator[jsonschema.ValidationError]:
        if validator.is_type(instance, "string") and not search(
            engine, patrn, instance
        ):
            yield jsonschema.ValidationError(f"{instance!r} does not match {patrn!r}")

    # Draft 2020-12 with the "pattern" keyword of the engine (untyped upstream).
    extend: Any = jsonschema.validators.extend
    return extend(jsonschema.Draft202012Validator, {"pattern": pattern})


_VALIDATORS: dict[tuple[str, str], Any] = {}


def schema_accepts(engine: str, name: str, value: str) -> bool:
    """Whether the published ``$defs/<name>`` accepts *value* in *engine*."""
    if (engine, name) not in _VALIDATORS:
        root = {
            "$schema": SCHEMA["$schema"],
            "$defs": SCHEMA["$defs"],
            "$ref": f"#/$defs/{name}",
        }
        _VALIDATORS[engine, name] = _validator_class(engine)(root)
    return bool(_VALIDATORS[engine, name].is_valid(value))


def loads(cls: type[Any], document: dict[str, Any]) -> bool:
    """Whether the loader accepts *document* as a *cls*."""
    try:
        from_dict(cls, document)
    except ValidationError:
        return False
    return True


def _said_on(value: str) -> tuple[type[Any], dict[str, Any]]:
    return Statement, {"id": "s", "speaker": "S", "said_on": value, "text": "t"}


#: A value of each kind matched whole, and a document that holds it.
WHOLE: list[tuple[str, str, Callable[[str], tuple[type[Any], dict[str, Any]]]]] = [
    ("Id", "ua", lambda v: (Party, {"id": v, "name": "Ukraine", "kind": "state"})),
    (
        "Wikidata",
        "Q212",
        lambda v: (
            Party,
            {"id": "ua", "name": "Ukraine", "kind": "state", "wikidata": v},
        ),
    ),
    (
        "Url",
        "https://example.org/a?b#c",
        lambda v: (Source, {"id": "s", "publisher": "P", "url": v}),
    ),
    ("Date", "2025-07-14", _said_on),
    ("DateTime", "2025-07-14T10:00:00Z", _said_on),
    ("DateTime", "2025-07-14T12:00:00+03:00[Europe/Kyiv]", _said_on),
    ("PartialDate", "2025-07", _said_on),
    ("PartialDate", "2025", _said_on),
    (
        "Period",
        "P50D",
        lambda v: (
            Deadline,
            {"due": "2025-09-02", "anchor": "2025-07-14", "period": v},
        ),
    ),
    ("ZoneName", "Europe/Kyiv", lambda v: (Deadline, {"due": "2025-09-02", "tz": v})),
]


WHOLE_PARAMS = [pytest.param(*whole, id=f"{whole[0]}:{whole[1]}") for whole in WHOLE]


def test_every_kind_matched_whole_is_here() -> None:
    """Each definition of the schema anchored at both ends has a value above."""
    anchored = {
        name
        for name, schema in SCHEMA["$defs"].items()
        if str(schema.get("pattern", "")).startswith("^")
        and str(schema.get("pattern", "")).endswith("$")
    }
    assert anchored == {name for name, _, _ in WHOLE}


def test_the_engines_read_a_bare_dollar_differently() -> None:
    """The stand-ins differ where the engines do (so the tests below mean it)."""
    assert search("java", "^ua$", "ua\r")
    assert search("java", "^ua$", "ua\u2028")
    assert search("java", "^ua$", "ua\r\n")
    assert not search("python, .net", "^ua$", "ua\r")
    assert search("python, .net", "^ua$", "ua\n")
    assert not search("ecma-262, go", "^ua$", "ua\n")
    assert not search("java", "^ua$", "ua\n\n")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("name", "value", "document"), WHOLE_PARAMS)
def test_a_value_matched_whole_is_accepted(
    engine: str,
    name: str,
    value: str,
    document: Callable[[str], tuple[type[Any], dict[str, Any]]],
) -> None:
    """The plain value passes the schema in every engine, and the loader."""
    assert schema_accepts(engine, name, value)
    assert loads(*document(value))


@pytest.mark.parametrize("end", LINE_ENDS, ids=ascii)
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("name", "value", "document"), WHOLE_PARAMS)
def test_a_line_terminator_after_a_value_matched_whole_is_refused(
    engine: str,
    name: str,
    value: str,
    document: Callable[[str], tuple[type[Any], dict[str, Any]]],
    end: str,
) -> None:
    """Refused by the schema in every engine, and by the loader."""
    for text in (value + end, end + value, value[:1] + end + value[1:]):
        assert not schema_accepts(engine, name, text), ascii(text)
        assert not loads(*document(text)), ascii(text)


@pytest.mark.parametrize("end", LINE_ENDS, ids=ascii)
@pytest.mark.parametrize("engine", ENGINES)
def test_text_with_a_line_terminator_is_read_as_the_loader_reads_it(
    engine: str, end: str
) -> None:
    """Text may hold a line feed, a carriage return, U+2028 and U+2029, at its
    end too; U+0085 (next line) is a control character, refused anywhere."""
    allowed = end != "\x85"
    for text in (f"talks{end}", f"talks{end}resume", f"{end}talks"):
        assert schema_accepts(engine, "Text", text) is allowed, ascii(text)
        statement = {"id": "s", "speaker": "S", "said_on": "2025", "text": text}
        assert loads(Statement, statement) is allowed, ascii(text)
