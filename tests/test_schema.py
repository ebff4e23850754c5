"""The JSON Schema: generated, published, valid, and never stricter than the loader."""

from __future__ import annotations

import copy
import enum
import json
import re
import zoneinfo
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation_records
from negotiation_records import (
    Deadline,
    Negotiation,
    PartialDate,
    Party,
    Period,
    Position,
    Quantity,
    Source,
    Statement,
    StatusChange,
    Ultimatum,
    ValidationError,
    from_dict,
    from_json,
    json_schema,
    make_converter,
    to_dict,
    to_json,
)
from negotiation_records import strategies as nrst
from negotiation_records.fields import Int, Slug, Text, ZoneName, field, is_init_only
from negotiation_records.schema import DIALECT
from tests.seed import seed_record
from tests.strategies_foundation import RECORD_TYPES


PUBLISHED = (
    Path(__file__).resolve().parent.parent / "schema" / "negotiation-record.schema.json"
)

RECORDS = RECORD_TYPES


_VALIDATORS: dict[type[Any], jsonschema.Draft202012Validator] = {}


def validator(cls: type[Any]) -> jsonschema.Draft202012Validator:
    """A jsonschema validator for *cls*'s schema (built once)."""
    if cls not in _VALIDATORS:
        _VALIDATORS[cls] = jsonschema.Draft202012Validator(json_schema(cls))
    return _VALIDATORS[cls]


def assert_valid(cls: type[Any], data: Any) -> None:
    """*data* (a serialized *cls*) validates against json_schema(cls)."""
    problems = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(cls).iter_errors(data)
    ]
    assert not problems, problems


def schema_rejects(cls: type[Any], data: Any) -> bool:
    """Whether json_schema(cls) rejects *data*."""
    return not validator(cls).is_valid(data)


class _UserStance(enum.Enum):
    """A stance of your own, named as the library's (its ``__name__``)."""

    HAWK = "hawk"
    DOVE = "dove"


class _UserText(enum.Enum):
    """An enum named as the shared definition of text."""

    SHORT = "short"


_UserStance.__name__ = "Stance"
_UserText.__name__ = "Text"


@attrs.frozen
class _Assessment:
    view: _UserStance
    length: _UserText
    position: Position


class TestGeneratedSchema:
    @pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
    def test_every_record_has_a_valid_draft_2020_12_schema(
        self, cls: type[Any]
    ) -> None:
        """json_schema gives a valid draft 2020-12 schema for every record class."""
        schema = json_schema(cls)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == DIALECT
        assert schema["title"] == cls.__name__
        names = [f.name for f in attrs.fields(cls) if not is_init_only(f)]
        assert list(schema["properties"])[-len(names) :] == names
        assert schema["additionalProperties"] is False

    def test_required_fields_are_those_without_defaults(self) -> None:
        """Required lists the fields that have no default, in order."""
        assert json_schema(Party)["required"] == ["id", "name", "kind"]
        assert json_schema(Negotiation)["required"] == ["schema_version", "id", "title"]
        assert json_schema(Deadline)["required"] == ["due"]

    def test_types_enums_and_references(self) -> None:
        """Fields map to JSON types; enums and nested records go to $defs."""
        schema = json_schema(Party)
        properties = schema["properties"]
        assert properties["kind"] == {
            "$ref": "#/$defs/PartyKind",
            "description": "What sort of actor this is.",
        }
        assert schema["$defs"]["PartyKind"]["enum"] == [
            "state",
            "organization",
            "coalition",
            "person",
            "group",
            "other",
        ]
        assert properties["representatives"]["items"] == {
            "$ref": "#/$defs/Representative"
        }
        assert properties["country"]["anyOf"][1] == {"type": "null"}
        assert schema["$defs"]["Country"]["enum"][:3] == ["AD", "AE", "AF"]
        assert "UK" not in schema["$defs"]["Country"]["enum"]
        assert properties["aliases"]["uniqueItems"] is True
        assert properties["aliases"]["items"] == {"$ref": "#/$defs/Text"}
        assert schema["$defs"]["Text"]["minLength"] == 1
        assert properties["role"]["default"] == "principal"
        assert properties["name"]["description"].startswith("Display name")

    def test_moments_periods_and_numbers(self) -> None:
        """Moments, periods and numbers have their patterns and bounds."""
        deadline = json_schema(Deadline)
        assert deadline["properties"]["due"] == {  # not a month or a year
            "anyOf": [{"$ref": "#/$defs/Date"}, {"$ref": "#/$defs/DateTime"}],
            "description": deadline["properties"]["due"]["description"],
        }
        assert set(deadline["$defs"]) == {"Date", "DateTime", "Period", "ZoneName"}
        assert deadline["properties"]["business_days"]["anyOf"][0] == {
            "type": "integer",
            "minimum": 1,
            "maximum": 100_000,
        }
        assert json_schema(Quantity)["properties"]["amount"]["type"] == "number"
        assert json_schema(Ultimatum)["properties"]["demand"]["anyOf"] == [
            {"$ref": "#/$defs/Text"},
            {"$ref": "#/$defs/Condition"},
        ]

    def test_every_text_field_says_more_than_string(self) -> None:
        """The field checks are read: no text field of a record is a bare string."""
        schema = json_schema(Negotiation)
        bare = []
        for name, definition in schema["$defs"].items():
            for key, prop in definition.get("properties", {}).items():
                inner = prop.get("anyOf", [prop])[0]
                inner = inner.get("items", inner)
                if inner.get("type") == "string" and len(inner) == 1:
                    bare.append(f"{name}.{key}")
        assert bare == []

    def test_descriptions_speak_of_the_format_not_of_python(self) -> None:
        """
        The published schema is for readers in any language: no ``None``,
        nothing the Python constructor accepts besides the format, no Python
        property that reads a field.
        """
        found = []

        def walk(value: Any, path: str) -> None:
            if isinstance(value, dict):
                for key, inner in value.items():
                    if key == "description" and isinstance(inner, str):
                        found.append((path, inner))
                    walk(inner, f"{path}/{key}")
            elif isinstance(value, list):
                for index, inner in enumerate(value):
                    walk(inner, f"{path}/{index}")

        walk(json_schema(Negotiation), "")
        python = re.compile(r"\b(None|True|False|constructor|construction)\b|read it")
        assert [(path, text) for path, text in found if python.search(text)] == []
        history = json_schema(Negotiation)["$defs"]["Proposal"]["properties"]["history"]
        assert history["description"] == "Every change of status, oldest first."
        tz = json_schema(Negotiation)["$defs"]["Deadline"]["properties"]["tz"]
        assert "(null means UTC)" in tz["description"]

    def test_python_only_sentences_of_a_docstring_are_left_out(self) -> None:
        """Only what speaks of Python goes; the rest is kept as written."""
        schema = json_schema(Described)
        assert schema["properties"]["size"]["description"] == (
            "How big (null: unknown).  Never negative."
        )
        assert schema["properties"]["flag"]["description"] == (
            "Whether it is set; true by default."
        )

    def test_any_attrs_class_gets_a_schema(self) -> None:
        """A user's own attrs class is described from its fields and checks."""
        schema = json_schema(Sample)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert "description" not in schema  # no docstring of its own
        assert schema["properties"] == {
            "size": {
                "type": "number",
                "description": "How big, over two lines.",
                "default": 1.0,
            },
            "flag": {"type": "boolean", "default": False},
            "tags": {"type": "array", "items": {"type": "string"}},
            "count": {"type": "integer", "default": 0},
            "code": {"$ref": "#/$defs/Text", "default": "a"},
            "slug": {"$ref": "#/$defs/Id", "default": "b"},
            "colour": {"$ref": "#/$defs/Colour", "default": "red"},
        }
        assert schema["$defs"]["Colour"] == {
            "title": "Colour",
            "type": "string",
            "enum": ["red"],
        }
        assert schema["required"] == []

    def test_time_fields_of_your_own_get_usable_schemas(self) -> None:
        """
        A field of your own typed ``pendulum.DateTime`` refers to a definition
        the schema holds, its default written as text; one typed ``Period``
        takes what the loader reads, ``P0D`` too.
        """

        kyiv = pendulum.datetime(2025, 1, 1, tz="Europe/Kyiv")
        none = Period(days=0)

        @attrs.frozen
        class Stamp:
            at: pendulum.DateTime = kyiv
            length: Period = none

        schema = json_schema(Stamp)
        json.loads(json.dumps(schema))  # plain JSON data
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["properties"]["at"] == {
            "$ref": "#/$defs/DateTime",
            "default": "2025-01-01T00:00:00+02:00[Europe/Kyiv]",
        }
        assert "DateTime" in schema["$defs"]
        validator = jsonschema.Draft202012Validator(schema)
        converter = make_converter()
        for document in (
            {"at": "2025-07-14T12:00:00-04:00[America/New_York]", "length": "P0D"},
            {"at": "2025-07-14T16:00:00Z", "length": "PT48H"},
        ):
            from_dict(Stamp, document, converter=converter)  # the loader reads it
            assert validator.is_valid(document)
        assert not validator.is_valid({"at": "2025-07-14"})  # a date: no datetime

    def test_a_partial_date_of_your_own_is_its_text(self) -> None:
        """
        A field of your own typed ``PartialDate`` is described as the text the
        converter writes ("2025-06"), not as an object of its attributes; and
        the library's moments beside it keep their definition.
        """

        @attrs.frozen
        class Note:
            period: PartialDate
            quote: Statement

        note = Note(
            period=PartialDate(2025, 6),
            quote=Statement(
                id="s", speaker="A", said_on=PartialDate(2025, 6), text="Stalled."
            ),
        )
        converter = make_converter()
        written = json.loads(to_json(note, converter=converter))
        assert written["period"] == "2025-06"
        schema = json_schema(Note)
        assert schema["properties"]["period"] == {"$ref": "#/$defs/PartialDate"}
        validator = jsonschema.Draft202012Validator(schema)
        assert list(validator.iter_errors(written)) == []
        assert not validator.is_valid({**written, "period": {"year": 2025, "month": 6}})

    def test_classes_of_your_own_named_as_the_librarys(self) -> None:
        """
        An enum of your own named ``Stance`` and one named ``Text`` (as the
        shared definition of text) beside the library's: each definition has
        a place of its own, and what ``to_json`` writes is valid.
        """

        record = _Assessment(
            view=_UserStance.HAWK,
            length=_UserText.SHORT,
            position=Position(party="russia", stance="opposes", text="No."),
        )
        converter = make_converter()
        written = json.loads(to_json(record, converter=converter))
        schema = json_schema(_Assessment)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(written)) == []
        enums = sorted(
            definition["enum"]
            for definition in schema["$defs"].values()
            if "enum" in definition
        )
        assert ["hawk", "dove"] in enums
        assert ["short"] in enums
        assert [s.value for s in negotiation_records.Stance] in enums
        # the published schema, which holds no class of your own, keeps its names
        assert "Stance" in json_schema(Position)["$defs"]

    def test_an_attribute_not_given_to_init_is_no_property(self) -> None:
        """The loader refuses its key and ``to_json`` never writes it."""

        @attrs.frozen
        class Desk:
            analyst: str
            revision: int = attrs.field(init=False, default=1)

        schema = json_schema(Desk)
        assert list(schema["properties"]) == ["analyst"]
        assert not jsonschema.Draft202012Validator(schema).is_valid(
            {"analyst": "Desk", "revision": 1}
        )

    def test_a_status_as_written_is_never_refused_for_its_length_alone(self) -> None:
        """
        A standalone status is at most 64 characters once NFC; written
        decomposed it may be longer (40 e + combining acute: 80 code points),
        and the schema, never stricter than the loader, lets it through.
        """
        document = {"status": "e\u0301" * 40}
        assert from_json(StatusChange, json.dumps(document)).status == "\u00e9" * 40
        validator = jsonschema.Draft202012Validator(json_schema(StatusChange))
        assert validator.is_valid(document)
        assert not validator.is_valid({"status": "x" * 257})

    def test_a_zone_name_has_the_characters_of_the_zone_database(self) -> None:
        """Every zone the loader reads is valid for the schema; a name with a
        space, an empty part or a line break is refused by both."""
        schema = json_schema(Deadline)
        zone_schema = {**schema["$defs"]["ZoneName"], "$defs": schema["$defs"]}
        validator = jsonschema.Draft202012Validator(zone_schema)
        kind = ZoneName()
        read = [
            name for name in zoneinfo.available_timezones() if not kind.problems(name)
        ]
        assert len(read) > 400
        for name in read:
            assert validator.is_valid(name), name
        for bad in (" ", "Europe/ Kyiv", "Europe//Kyiv", "Europe/Kyiv/", "UTC\n"):
            assert kind.problems(bad)
            assert not validator.is_valid(bad), repr(bad)

    def test_a_status_change_alone_has_the_text_rule(self) -> None:
        """A status read on its own is text by the text rule, as the loader says."""
        validator = jsonschema.Draft202012Validator(json_schema(StatusChange))
        for status in ("\u200b", " ", "a\u0000b", "\u3164"):
            with pytest.raises(ValidationError):
                from_dict(StatusChange, {"status": status})
            assert not validator.is_valid({"status": status}), repr(status)
        assert validator.is_valid({"status": "accepted"})
        # at most 64 characters once NFC: four times that as written
        assert not validator.is_valid({"status": "x" * 257})

    def test_json_schema_needs_a_record_class(self) -> None:
        """Non-record types are refused."""
        with pytest.raises(TypeError, match="needs a record class"):
            json_schema(PartialDate)
        with pytest.raises(TypeError, match="needs a record class"):
            json_schema(str)

    def test_each_result_is_the_callers_own(self) -> None:
        """Editing one result (an ``$id``, a tightened field, a shared text
        definition) changes neither later results nor other classes' schemas."""
        untouched = {cls: json_schema(cls) for cls in (Party, Statement, Negotiation)}
        edited = json_schema(Party)
        edited["$id"] = "https://example.org/party.json"
        edited["required"].append("country")
        edited["$defs"]["Text"]["allOf"].append({"maxLength": 3})
        edited["$defs"]["Id"]["pattern"] = "^x$"
        assert json_schema(Party) is not json_schema(Party)
        for cls, schema in untouched.items():
            assert json_schema(cls) == schema
        assert "$id" not in json_schema(Party)
        assert {"maxLength": 3} not in json_schema(Statement)["$defs"]["Text"]["allOf"]

    def test_the_published_schema_is_up_to_date(self) -> None:
        """schema/negotiation-record.schema.json is what json_schema(Negotiation) gives.

        After changing a record class, run ``python schema/regenerate.py``.
        """
        published = json.loads(PUBLISHED.read_text(encoding="utf-8"))
        assert published == json_schema(Negotiation), (
            "the published schema is stale: run python schema/regenerate.py"
        )
        text = json.dumps(json_schema(Negotiation), indent=2, ensure_ascii=False)
        assert PUBLISHED.read_text(encoding="utf-8") == text + "\n"


class TestDocumentsValidate:
    def test_the_seed_record_validates(self) -> None:
        """The 2025 record's JSON validates against the published schema."""
        published = json.loads(PUBLISHED.read_text(encoding="utf-8"))
        jsonschema.validate(to_dict(seed_record()), published)

    @settings(max_examples=30)
    @given(nrst.negotiations())
    def test_generated_negotiations_validate(self, record: Negotiation) -> None:
        """Every generated negotiation's JSON validates against the schema."""
        assert_valid(Negotiation, to_dict(record))


class Colour(enum.Enum):
    RED = "red"


@attrs.frozen(kw_only=True)
class Sample:
    """
    Attributes:
        size: How big,
            over two lines.

    Nothing else.
    """

    size: float = 1.0
    flag: bool = False
    tags: list[str] = attrs.field(factory=list)
    count: int = field(Int(), default=0)
    code: str = field(Text(), default="a")
    slug: str = field(Slug(), default="b")
    colour: Colour = Colour.RED


@attrs.frozen(kw_only=True)
class Described:
    """
    Attributes:
        size: How big (``None``: unknown); :attr:`area` reads it.  The
            constructor also takes ``length=``.  Never negative.
        flag: Whether it is set (see :mod:`negotiation_records.fields`);
            ``True`` by default.
    """

    size: float | None = None
    flag: bool = True


def _seed() -> dict[str, Any]:
    data = to_dict(seed_record())
    assert isinstance(data, dict)
    return data


def _with(change: Any) -> dict[str, Any]:
    data = _seed()
    change(data)
    return data


# Documents the schema rejects; each must be rejected by the loader as well.
SCHEMA_REJECTS: dict[str, dict[str, Any]] = {
    "no schema_version": _with(lambda d: d.pop("schema_version")),
    "schema_version 3": _with(lambda d: d.update(schema_version=3)),
    "schema_version as text": _with(lambda d: d.update(schema_version="1")),
    "title missing": _with(lambda d: d.pop("title")),
    "unknown top-level key": _with(lambda d: d.update(titel="x")),
    "unknown nested key": _with(lambda d: d["parties"][0].update(nmae="x")),
    "id not a slug": _with(lambda d: d.update(id="Russia Ukraine")),
    "party id too long": _with(lambda d: d["parties"][0].update(id="a" * 65)),
    "empty title": _with(lambda d: d.update(title="")),
    "kind not an enum value": _with(lambda d: d["parties"][0].update(kind="stat")),
    "kind a number": _with(lambda d: d["parties"][0].update(kind=1)),
    "country lower case": _with(lambda d: d["parties"][0].update(country="ua")),
    "wikidata without Q": _with(lambda d: d["parties"][0].update(wikidata="212")),
    "aliases a string": _with(lambda d: d["parties"][0].update(aliases="Kyiv")),
    "aliases repeated": _with(lambda d: d["parties"][0].update(aliases=["K", "K"])),
    "alias empty": _with(lambda d: d["parties"][0].update(aliases=[""])),
    "parties an object": _with(lambda d: d.update(parties={})),
    "party a string": _with(lambda d: d["parties"].__setitem__(0, "ukraine")),
    "round number zero": _with(lambda d: d["rounds"][0].update(number=0)),
    "round number text": _with(lambda d: d["rounds"][0].update(number="1")),
    "round number boolean": _with(lambda d: d["rounds"][0].update(number=True)),
    "date in words": _with(lambda d: d["rounds"][0].update(starts="16 May 2025")),
    "naive timestamp": _with(
        lambda d: d["rounds"][0].update(starts="2025-05-16T10:00:00")
    ),
    "timestamp without seconds": _with(
        lambda d: d["rounds"][0].update(starts="2025-05-16T10:00Z")
    ),
    "offset minutes 60": _with(
        lambda d: d["rounds"][0].update(starts="2025-05-16T10:00:00+02:60")
    ),
    "window start a month": _with(
        lambda d: d["rounds"][2]["window"].update(start="2025-07")
    ),
    "period in words": _with(
        lambda d: d["ultimatums"][0]["deadline"].update(period="50 days")
    ),
    "negative period": _with(
        lambda d: d["ultimatums"][0]["deadline"].update(period="-P50D")
    ),
    "due missing": _with(lambda d: d["ultimatums"][0]["deadline"].pop("due")),
    "amount text": _with(
        lambda d: d["rounds"][0]["outcomes"][0]["quantities"][0].update(amount="1000")
    ),
    "each a string": _with(
        lambda d: d["rounds"][0]["outcomes"][0]["quantities"][0].update(each="yes")
    ),
    "demand a number": _with(lambda d: d["ultimatums"][0].update(demand=5)),
    "null for a list": _with(lambda d: d.update(sources=None)),
    "url not http": _with(lambda d: d["sources"][0].update(url="ftp://x")),
    "business days zero": _with(
        lambda d: d["ultimatums"][0]["deadline"].update(period=None, business_days=0)
    ),
    # Python's re (and so Python's validators) let a bare "$" match before one
    # final line feed: each pattern refuses it, as the loader does.
    "id and a line feed": _with(lambda d: d.update(id=d["id"] + "\n")),
    "wikidata and a line feed": _with(
        lambda d: d["parties"][0].update(wikidata="Q212\n")
    ),
    "date and a line feed": _with(
        lambda d: d["rounds"][0].update(starts="2025-05-16\n")
    ),
    "timestamp and a line feed": _with(
        lambda d: d["rounds"][0].update(starts="2025-05-16T10:00:00Z\n")
    ),
    "month and a line feed": _with(lambda d: d["rounds"][0].update(starts="2025-05\n")),
    "period and a line feed": _with(
        lambda d: d["ultimatums"][0]["deadline"].update(period="P50D\n")
    ),
    "url and a line feed": _with(
        lambda d: d["sources"][0].update(url="https://example.org/a\n")
    ),
}


class TestSchemaAndLoaderAgree:
    @pytest.mark.parametrize("name", sorted(SCHEMA_REJECTS))
    def test_what_the_schema_rejects_the_loader_rejects(self, name: str) -> None:
        """Each document the schema rejects is refused by from_dict too."""
        document = SCHEMA_REJECTS[name]
        assert schema_rejects(Negotiation, document), f"schema accepts {name}"
        with pytest.raises(ValidationError):
            from_dict(Negotiation, copy.deepcopy(document))

    @pytest.mark.parametrize(
        "char",
        [
            " ",
            "\t",
            "\x1c",
            "\x85",
            "\xa0",
            "\u1680",
            "\u2009",
            "\u2028",
            "\u202f",
            "\u3000",
            "\ufeff",
            "\x00",
            "\x7f",
            "\u200b",
            "é",
            "Ж",
            "語",
            "%",
        ],
    )
    def test_a_url_is_read_as_the_schema_reads_it(self, char: str) -> None:
        """A character in a URL's host or path: the schema and the loader agree
        (white space of every kind and control characters refused by both)."""
        for url in (f"https://exa{char}mple.org", f"https://example.org/a{char}b"):
            document = {"id": "s", "publisher": "P", "url": url}
            try:
                from_dict(Source, document)
            except ValidationError:
                loads = False
            else:
                loads = True
            assert schema_rejects(Source, document) is not loads, repr(url)

    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
    @settings(max_examples=5)
    @given(data=st.data())
    def test_a_list_that_must_not_be_empty_says_so_in_the_schema(
        self, cls: type[Any], data: st.DataObject
    ) -> None:
        """Where the loader refuses an empty list, the schema has minItems."""
        document = to_dict(data.draw(nrst.for_type(cls)))
        properties = json_schema(cls)["properties"]
        for name, prop in properties.items():
            if prop.get("type") != "array" or name not in document:
                continue
            emptied = dict(document, **{name: []})
            try:
                from_dict(cls, emptied)
            except ValidationError as exc:
                refused = any(
                    path == name and "at least" in message
                    for path, message in exc.errors
                )
            else:
                refused = False
            assert refused == (prop.get("minItems", 0) > 0), name

    @settings(max_examples=300)
    @given(st.data())
    def test_random_edits_never_pass_the_loader_when_the_schema_fails(
        self, data: st.DataObject
    ) -> None:
        """Random value swaps in the seed: schema rejection implies loader rejection."""
        document = _seed()
        paths = list(_leaf_paths(document))
        path = data.draw(st.sampled_from(paths))
        value = data.draw(
            st.one_of(
                st.none(),
                st.booleans(),
                st.integers(-5, 5),
                st.floats(allow_nan=False, allow_infinity=False),
                st.text(max_size=5),
                st.sampled_from(["", "2025", "2025-13", "P0D", "PT", "state", "Q1"]),
                st.just([]),
                st.just({}),
            )
        )
        _set(document, path, value)
        if path == ("schema_version",) and value == 1:
            return  # an older version: the schema is version 2's, the loader migrates
        if schema_rejects(Negotiation, document):
            with pytest.raises(ValidationError):
                from_dict(Negotiation, document)


def _leaf_paths(value: Any, path: tuple[Any, ...] = ()) -> Any:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaf_paths(item, (*path, key))
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            yield from _leaf_paths(item, (*path, index))
    else:
        yield path


def _set(document: Any, path: tuple[Any, ...], value: Any) -> None:
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


class TestPatternsForEveryValidator:
    """The published schema is read by validators in other languages: its
    patterns use no lookaround (Go's engine has none), no ``\\uXXXX`` escape
    (Go's neither) and name no surrogate (a UTF-16 engine sees an emoji as
    two)."""

    def test_no_lookaround_and_no_surrogates(self) -> None:
        patterns = _patterns(json.loads(PUBLISHED.read_text(encoding="utf-8")))
        assert len(patterns) > 5
        for pattern in patterns:
            for lookaround in ("(?=", "(?!", "(?<"):
                assert lookaround not in pattern, pattern
            assert not re.search(r"\\u[dD][89a-fA-F]", pattern), pattern
            # \uXXXX is ECMA-262's escape, which Go's RE2 does not read: characters
            assert "\\u" not in pattern, pattern
            assert not any("\ud800" <= char <= "\udfff" for char in pattern)

    def test_anchors_and_groups_that_every_engine_reads_alike(self) -> None:
        """``^`` only first and ``$`` only last (Ruby's match at every line);
        no ``\\A``, ``\\Z`` or ``\\z`` (ECMA-262 has none, Go no ``\\Z``); no
        group but ``(?:...)`` (named groups and inline flags are spelt
        differently, or not at all); and where ``$`` ends a pattern matched
        whole, a ``not`` beside it refuses each line terminator before which
        some engine's ``$`` also matches (Java's: ``\\r``, U+0085, U+2028,
        U+2029; Python's and .NET's: ``\\n``)."""
        published = json.loads(PUBLISHED.read_text(encoding="utf-8"))
        for pattern in _patterns(published):
            assert "$" not in pattern[:-1], pattern
            for index, char in enumerate(pattern):
                assert char != "^" or index == 0 or pattern[index - 1] == "[", pattern
            for escape in ("\\A", "\\Z", "\\z"):
                assert escape not in pattern, pattern
            assert not re.search(r"\(\?(?!:)", pattern), pattern
        for name, schema in published["$defs"].items():
            if str(schema.get("pattern", "")).startswith("^"):
                beside = jsonschema.Draft202012Validator(schema["not"])
                for end in ("\n", "\r", "\x85", "\u2028", "\u2029"):
                    assert beside.is_valid(f"x{end}"), (name, end)

    @pytest.mark.parametrize(
        ("cls", "data"),
        [
            (Party, {"id": "ua\n", "name": "Ukraine", "kind": "state"}),
            (Party, {"id": "ua\r", "name": "Ukraine", "kind": "state"}),
            (Party, {"id": "ua\u2028", "name": "Ukraine", "kind": "state"}),
            (Source, {"id": "s", "publisher": "P", "url": "https://example.org\n"}),
            (
                Statement,
                {"id": "s", "speaker": "S", "said_on": "2025-07-14\n", "text": "t"},
            ),
            (Statement, {"id": "s", "speaker": "S", "said_on": "2025-13", "text": "t"}),
            (Statement, {"id": "s", "speaker": "S", "said_on": "0000", "text": "t"}),
            (
                Statement,
                {
                    "id": "s",
                    "speaker": "S",
                    "said_on": "2025-07-14T25:00:00Z",
                    "text": "t",
                },
            ),
            (Deadline, {"due": "2025-09-02", "anchor": "2025-07-14", "period": "P0D"}),
            (Deadline, {"due": "2025-07-14", "anchor": "2025-07-14", "period": "PT0S"}),
            (Deadline, {"due": "2025-07-14", "anchor": "2025-07-14", "period": "P"}),
            (Deadline, {"due": "2025-07-15", "anchor": "2025-07-14", "period": "P1DT"}),
        ],
        ids=repr,
    )
    def test_what_the_loader_refuses(self, cls: type[Any], data: Any) -> None:
        """A line terminator after a whole-string value, a month 13, a year 0,
        an hour 25, a zero period: refused by both."""
        assert schema_rejects(cls, data)
        with pytest.raises(ValidationError):
            from_dict(cls, data)

    def test_text_beyond_the_basic_plane_and_a_lone_surrogate(self) -> None:
        """Flags and emoji are text to both; a lone surrogate (an escape UTF-8
        cannot carry) only the loader refuses, as the docs say."""
        flag = {"id": "s", "speaker": "S", "said_on": "2025-07-14", "text": "🇺🇦 𠀀"}
        assert not schema_rejects(Statement, flag)
        assert from_dict(Statement, flag).text == "🇺🇦 𠀀"
        lone = dict(flag, text="a\ud800b")
        assert not schema_rejects(Statement, lone)
        with pytest.raises(ValidationError):
            from_dict(Statement, lone)
