"""Parties and representatives; value semantics shared by every record."""

from __future__ import annotations

import datetime as dt
import unicodedata
import zoneinfo
from typing import Any

import attrs
import pendulum
import pytest

from negotiation_records import (
    Membership,
    PartialDate,
    Party,
    PartyKind,
    PartyRole,
    Representative,
    Statement,
    ValidationError,
    from_dict,
    to_dict,
)
from tests.strategies_foundation import VALID, errors_of, not_ascii, slug_error


COUNTRY_RULE = (
    "must be an ISO 3166-1 alpha-2 code (two upper-case letters such as 'UA'), got "
)


def party(**changes: Any) -> Party:
    """A minimal valid party with *changes* applied."""
    kwargs: dict[str, Any] = {"id": "ukraine", "name": "Ukraine", "kind": "state"}
    kwargs.update(changes)
    return Party(**kwargs)


class TestPartyFields:
    def test_minimal_party_has_defaults(self) -> None:
        """Only id, name and kind are needed; the rest default sensibly."""
        p = party()
        assert p.role is PartyRole.PRINCIPAL
        assert (p.country, p.wikidata) == (None, None)
        assert p.aliases == p.sources == ()
        assert p.members == ()
        assert p.representatives == ()

    def test_enums_from_values(self) -> None:
        """Kind and role are given as enum members or their values."""
        p = party(kind="organization", role="third-party")
        assert p.kind is PartyKind.ORGANIZATION
        assert p.role is PartyRole.THIRD_PARTY
        assert party(kind=PartyKind.GROUP).kind is PartyKind.GROUP

    def test_unknown_enum_value_lists_the_choices(self) -> None:
        """An unknown kind or role is refused with every valid value listed."""
        assert errors_of(party, kind="nation", role="boss") == (
            (
                "kind",
                "'nation' is not a valid PartyKind (choose from 'state', "
                "'organization', 'coalition', 'person', 'group', 'other')",
            ),
            (
                "role",
                "'boss' is not a valid PartyRole (choose from 'principal', "
                "'mediator', 'host', 'guarantor', 'observer', 'third-party')",
            ),
        )

    def test_lone_surrogates_are_refused_on_construction(self) -> None:
        """Text that cannot be encoded as UTF-8 is refused, in names and aliases."""
        assert errors_of(party, name="Ukr\ud800", aliases=["ok", "\udfff"]) == (
            (
                "name",
                "must be valid Unicode text (no lone surrogates), got 'Ukr\\ud800'",
            ),
            (
                "aliases[1]",
                "must be valid Unicode text (no lone surrogates), got '\\udfff'",
            ),
        )

    def test_enum_member_of_another_enum_is_refused(self) -> None:
        """A member of the wrong enum is not silently accepted."""
        assert errors_of(party, kind=PartyRole.HOST) == (
            (
                "kind",
                "<PartyRole.HOST: 'host'> is not a valid PartyKind (choose from "
                "'state', 'organization', 'coalition', 'person', 'group', 'other')",
            ),
        )

    @pytest.mark.parametrize(
        "slug",
        ["a", "1", "a" * 64, "us-ultimatum-2025-07", "round_2", "v1.2", "a--b"],
    )
    def test_valid_ids(self, slug: str) -> None:
        """Lower-case letters, digits and -_. inside, up to 64 characters."""
        assert party(id=slug).id == slug

    @pytest.mark.parametrize(
        "slug",
        [
            "",
            "a" * 65,
            "Ukraine",
            "UKRAINE",
            "-ukraine",
            "ukraine-",
            "_a",
            "a.",
            "united states",
            " ukraine",
            "ukraine\n",
            "україна",
            "türkiye",
            "ß",
            "a/b",
            5,
            None,
        ],
    )
    def test_invalid_ids(self, slug: object) -> None:
        """Empty, too long, upper-case, edged, spaced or non-ASCII ids are refused."""
        assert errors_of(party, id=slug) == (("id", slug_error(slug)),)

    @pytest.mark.parametrize(
        "name",
        ["Ukraine", "Зеленський", "Türkiye", "  padded  ", "Кремль / the Kremlin"],
    )
    def test_names_are_stored_as_given(self, name: str) -> None:
        """Unicode names are ordinary text, kept as given."""
        assert party(name=name).name == name

    def test_names_are_nfc_normalised(self) -> None:
        """Decomposed input is stored composed (NFC)."""
        decomposed = unicodedata.normalize("NFD", "Türkiye")
        assert decomposed != "Türkiye"
        p = party(name=decomposed, aliases=[unicodedata.normalize("NFD", "Zürich")])
        assert p.name == "Türkiye"
        assert p.aliases == ("Zürich",)
        assert p == party(name="Türkiye", aliases=["Zürich"])

    @pytest.mark.parametrize(
        ("name", "message"),
        [
            ("", "must be non-empty text, got ''"),
            ("   ", "must be non-empty text, got '   '"),
            ("\n\t", "must be non-empty text, got '\\n\\t'"),
            (None, "must be text (str), got None"),
            (b"Ukraine", "must be text (str), got bytes b'Ukraine'"),
            (["Ukraine"], "must be text (str), got list ['Ukraine']"),
        ],
    )
    def test_invalid_names(self, name: object, message: str) -> None:
        """A name must be non-empty text after stripping."""
        assert errors_of(party, name=name) == (("name", message),)

    @pytest.mark.parametrize("code", ["UA", "RU", "TR", "US"])
    def test_valid_country(self, code: str) -> None:
        """Two upper-case letters make a country code."""
        assert party(country=code).country == code

    @pytest.mark.parametrize("code", ["ua", "Ua", "UKR", "U", "", "U1", "ÜA", 380])
    def test_invalid_country(self, code: object) -> None:
        """Lower case, three letters, digits and non-text are refused."""
        assert errors_of(party, country=code) == (
            ("country", f"{COUNTRY_RULE}{code!r}{not_ascii(code)}"),
        )

    @pytest.mark.parametrize("qid", ["Q1", "Q212", "Q123456789012"])
    def test_valid_wikidata(self, qid: str) -> None:
        """A Q followed by a number without leading zero is a Wikidata id."""
        assert party(wikidata=qid).wikidata == qid

    @pytest.mark.parametrize(
        "qid", ["Q0", "Q012", "q212", "P31", "212", "Q", "Q1234567890123", 212]
    )
    def test_invalid_wikidata(self, qid: object) -> None:
        """Property ids, lower case, leading zeros and numbers are refused."""
        assert errors_of(party, wikidata=qid) == (
            (
                "wikidata",
                f"must be a Wikidata item id such as 'Q212', got {qid!r}",
            ),
        )

    def test_aliases_string_is_refused_not_split(self) -> None:
        """aliases='Kyiv' is an error, never ('K', 'y', 'i', 'v')."""
        assert errors_of(party, aliases="Kyiv") == (
            ("aliases", "must be a list of values, got str 'Kyiv'"),
        )

    def test_aliases_mapping_is_refused(self) -> None:
        """A dict is not a list of aliases (not even of its keys)."""
        assert errors_of(party, aliases={"Kyiv": 1}) == (
            ("aliases", "must be a list of values, got dict {'Kyiv': 1}"),
        )

    def test_aliases_list_becomes_tuple(self) -> None:
        """A list (or any collection) of aliases is stored as a tuple."""
        assert party(aliases=["Kyiv"]).aliases == ("Kyiv",)
        assert party(aliases=(a for a in ["Kyiv", "Kiev"])).aliases == ("Kyiv", "Kiev")

    def test_bad_aliases(self) -> None:
        """Each alias is text, none blank and none twice."""
        assert errors_of(party, aliases=["Kyiv", " ", 3, "Kyiv"]) == (
            ("aliases[1]", "must be non-empty text, got ' '"),
            ("aliases[2]", "must be text (str), got int 3"),
            ("aliases[3]", "alias 'Kyiv' appears twice"),
        )

    def test_representatives_must_be_representatives(self) -> None:
        """Representatives are Representative records, not names."""
        assert errors_of(party, representatives=["Rustem Umerov"]) == (
            (
                "representatives[0]",
                "must be a Representative, got str 'Rustem Umerov'",
            ),
        )

    def test_a_representative_listed_twice_is_refused(self) -> None:
        """
        The same representative twice (same name, role, dates and sources) is
        a copy made by mistake, refused at the copy, on construction and on
        load; the same person in two terms, or in two roles, is two entries.
        """
        umerov = Representative(
            name="Rustem Umerov",
            role="Minister of Defence",
            since=pendulum.date(2023, 9, 6),
            until=pendulum.date(2025, 7, 17),
        )
        secretary = attrs.evolve(
            umerov,
            role="Secretary of the National Security and Defence Council",
            since=pendulum.date(2025, 7, 17),
            until=None,
        )
        problems = errors_of(party, representatives=[umerov, secretary, umerov])
        assert [path for path, _ in problems] == ["representatives[2]"]
        assert problems[0][1].startswith("representative Representative(name=")
        assert problems[0][1].endswith(" appears twice")
        data = to_dict(party(representatives=[umerov, secretary]))
        assert isinstance(data, dict)
        data["representatives"].append(data["representatives"][0])
        with pytest.raises(ValidationError) as caught:
            from_dict(Party, data)
        assert [path for path, _ in caught.value.errors] == ["representatives[2]"]
        second_term = attrs.evolve(umerov, since=pendulum.date(2026, 1, 1), until=None)
        assert (
            len(party(representatives=[umerov, secretary, second_term]).representatives)
            == 3
        )

    def test_members_only_for_a_coalition(self) -> None:
        """Only a coalition has members, and never itself."""
        coalition = party(id="eu", name="EU", kind="coalition", members=["fr", "de"])
        assert coalition.members == (Membership(party="fr"), Membership(party="de"))
        assert coalition.member_ids == ("fr", "de")
        assert errors_of(party, members=["fr"]) == (
            ("members", "only a coalition has members, but kind is 'state'"),
        )
        assert errors_of(party, id="eu", kind="coalition", members=["eu"]) == (
            ("members[0].party", "a party cannot be a member of itself ('eu')"),
        )

    def test_member_ids_are_slugs_and_distinct(self) -> None:
        """A member id is a slug; no party appears twice among the members."""
        assert errors_of(party, id="eu", kind="coalition", members=["fr", "FR"]) == (
            ("members[1]", slug_error("FR")),
        )
        assert errors_of(
            party, id="eu", kind="coalition", members=["fr", "de", "fr"]
        ) == (("members[2]", "party 'fr' appears twice"),)
        assert errors_of(party, id="eu", kind="coalition", members=[1]) == (
            ("members[0]", "must be a Membership or the text of its party, got int 1"),
        )

    def test_members_carry_dates(self) -> None:
        """A party may leave and rejoin, but not be a member twice at once."""
        left = Membership(
            party="uk",
            since=pendulum.date(1973, 1, 1),
            until=pendulum.date(2020, 1, 31),
        )
        back = Membership(party="uk", since=pendulum.date(2030, 1, 1))
        eu = party(id="eu", kind="coalition", members=[left, back, "fr"])
        assert eu.member_ids == ("uk", "fr")
        assert eu.members_on(pendulum.date(2019, 3, 29)) == ("uk", "fr")
        assert eu.members_on(pendulum.date(2025, 1, 1)) == ("fr",)
        again = Membership(party="uk", since=pendulum.date(2019, 1, 1))
        assert errors_of(party, id="eu", kind="coalition", members=[left, again]) == (
            ("members[1]", "party 'uk' is already a member for part of this span"),
        )
        assert errors_of(
            Membership,
            party="uk",
            since=pendulum.date(2020, 1, 1),
            until=pendulum.date(2019, 1, 1),
        ) == (("until", "must not be before since (2020-01-01), got 2019-01-01"),)

    def test_sources_are_distinct_ids(self) -> None:
        """Cited sources are slugs, none twice."""
        assert errors_of(party, sources=["a", "a", "B"]) == (
            ("sources[1]", "source 'a' appears twice"),
            ("sources[2]", slug_error("B")),
        )

    def test_positional_arguments_are_refused(self) -> None:
        """Records are keyword-only."""
        with pytest.raises(TypeError):
            Party("ukraine", "Ukraine", "state")  # type: ignore[call-arg]


class TestPartyQueries:
    def test_known_as(self) -> None:
        """A party is known by its name and aliases, ignoring case and NFC form."""
        p = party(
            id="turkiye",
            name="Türkiye",
            aliases=["Turkey", "Ankara"],
        )
        assert p.known_as("türkiye")
        assert p.known_as(unicodedata.normalize("NFD", "TÜRKIYE"))
        assert p.known_as("  ankara ")
        assert not p.known_as("Istanbul")

    def test_known_as_ignores_padding_and_odd_input(self) -> None:
        """Names stored with spaces still match; a non-string matches nothing."""
        p = party(name=" Ukraine ", aliases=["Kyiv "])
        assert p.known_as("ukraine")
        assert p.known_as("KYIV")
        assert not p.known_as(None)  # type: ignore[arg-type]

    def test_representatives_on(self) -> None:
        """Only representatives holding their role at the moment are returned."""
        head = Representative(
            name="Rustem Umerov",
            role="Head of delegation",
            since=pendulum.date(2025, 5, 16),
            until=pendulum.date(2025, 7, 17),
        )
        secretary = Representative(
            name="Rustem Umerov",
            role="NSDC Secretary",
            since=pendulum.date(2025, 7, 17),
        )
        president = Representative(name="Volodymyr Zelenskyy", role="President")
        p = party(representatives=[head, secretary, president])
        assert p.representatives_on(pendulum.date(2025, 6, 2)) == (head, president)
        assert p.representatives_on(pendulum.date(2025, 7, 17)) == (
            head,
            secretary,
            president,
        )
        assert p.representatives_on(pendulum.date(2025, 7, 19)) == (
            secretary,
            president,
        )
        assert p.representatives_on(pendulum.date(2025, 1, 1)) == (president,)


_NOT_A_MOMENT = "must be a date, a zone-aware datetime or a PartialDate, got "


class TestMomentArguments:
    """The query methods check their moment whatever the record's dates: a
    value that is not a moment is a ValidationError at ``moment``."""

    @pytest.mark.parametrize(
        ("given", "shown"),
        [
            (None, "None"),
            (
                "garbage",
                "str 'garbage' (parse_moment does not read it either: 'garbage' "
                "is not a moment (YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339/RFC 9557 timestamp))",
            ),
        ],
    )
    def test_refused_with_and_without_dates(self, given: Any, shown: str) -> None:
        """With open ends (nothing to compare) as with dates."""
        since = pendulum.date(2025, 1, 1)
        calls = [
            Membership(party="a").holds_on,
            Membership(party="a", since=since).holds_on,
            Representative(name="A").holds_role_on,
            Representative(name="A", since=since).holds_role_on,
            party().members_on,
            party(kind="coalition", members=["a"]).members_on,
            party().representatives_on,
            party(representatives=[Representative(name="A")]).representatives_on,
        ]
        for call in calls:
            assert errors_of(call, moment=given) == (
                ("moment", _NOT_A_MOMENT + shown),
            ), call

    def test_a_naive_datetime_is_refused(self) -> None:
        """A naive datetime is refused, as everywhere, at ``moment``."""
        naive = dt.datetime(2025, 7, 14, 12)
        ((path, message),) = errors_of(Membership(party="a").holds_on, moment=naive)
        assert path == "moment"
        assert message.startswith("naive datetime 2025-07-14T12:00:00")

    def test_plain_moments_are_taken(self) -> None:
        """A plain date, an aware datetime and a partial date are read as moments."""
        member = Membership(party="a", since=pendulum.date(2025, 1, 1))
        assert member.holds_on(dt.date(2025, 6, 1))
        aware = dt.datetime(2024, 6, 1, tzinfo=zoneinfo.ZoneInfo("Europe/Kyiv"))
        assert not member.holds_on(aware)
        assert member.holds_on(PartialDate(2025, 6))
        coalition = party(kind="coalition", members=[member])
        assert coalition.members_on(dt.date(2025, 6, 1)) == ("a",)
        assert coalition.members_on(dt.date(2024, 6, 1)) == ()

    def test_overlaps_takes_a_membership(self) -> None:
        """overlaps() of something that is not a Membership is refused at ``other``."""
        member = Membership(party="a")
        assert errors_of(member.overlaps, other=None) == (
            ("other", "must be a Membership, got None"),
        )
        assert errors_of(member.overlaps, other="a") == (
            ("other", "must be a Membership, got str 'a'"),
        )
        assert member.overlaps(Membership(party="a", since=pendulum.date(2025, 1, 1)))


class TestRepresentative:
    def test_fields(self) -> None:
        """A representative has a name, a role and optional dates."""
        r = Representative(
            name="Rustem Umerov",
            role="Secretary of the National Security and Defence Council",
            since=PartialDate(2025, 7),
        )
        assert r.until is None
        assert r.since == PartialDate(2025, 7)

    def test_until_before_since_is_refused(self) -> None:
        """until must not be before since."""
        assert errors_of(
            Representative,
            name="A",
            since=pendulum.date(2025, 7, 17),
            until=pendulum.date(2025, 7, 16),
        ) == (("until", "must not be before since (2025-07-17), got 2025-07-16"),)

    def test_same_day_is_fine(self) -> None:
        """A role held for one day is fine, even at datetime precision."""
        Representative(
            name="A",
            since=pendulum.date(2025, 7, 17),
            until=pendulum.date(2025, 7, 17),
        )
        Representative(
            name="A",
            since=pendulum.datetime(2025, 7, 17, 18, tz="Europe/Kyiv"),
            until=pendulum.date(2025, 7, 17),
        )

    def test_mixed_precision(self) -> None:
        """A month overlapping the other end is fine; one wholly before is not."""
        Representative(
            name="A", since=pendulum.date(2025, 6, 16), until=PartialDate(2025, 6)
        )
        Representative(
            name="A", since=PartialDate(2025), until=pendulum.date(2025, 1, 1)
        )
        assert errors_of(
            Representative,
            name="A",
            since=pendulum.date(2025, 6, 16),
            until=PartialDate(2025, 5),
        ) == (("until", "must not be before since (2025-06-16), got 2025-05"),)

    def test_datetimes_compare_as_instants(self) -> None:
        """Two datetimes are ordered by instant whatever their zones."""
        since = pendulum.datetime(2025, 7, 17, 12, tz="Europe/Kyiv")  # 09:00 UTC
        Representative(
            name="A", since=since, until=pendulum.datetime(2025, 7, 17, 10, tz="UTC")
        )
        assert errors_of(
            Representative,
            name="A",
            since=since,
            until=pendulum.datetime(2025, 7, 17, 8, tz="UTC"),
        ) == (
            (
                "until",
                "must not be before since (2025-07-17T12:00:00+03:00[Europe/Kyiv]), got "
                "2025-07-17T08:00:00Z",
            ),
        )

    def test_plain_python_dates_are_converted(self) -> None:
        """datetime.date and aware datetime.datetime become pendulum values."""
        r = Representative(
            name="A",
            since=dt.date(2025, 5, 16),
            until=dt.datetime(2025, 7, 17, 9, tzinfo=zoneinfo.ZoneInfo("Europe/Kyiv")),
        )
        assert type(r.since) is pendulum.Date
        assert isinstance(r.until, pendulum.DateTime)
        assert r.until.timezone_name == "Europe/Kyiv"

    def test_naive_datetime_is_refused(self) -> None:
        """A naive datetime is refused with a message asking for a zone."""
        assert errors_of(
            Representative, name="A", since=dt.datetime(2025, 5, 16, 10)
        ) == (
            (
                "since",
                "naive datetime 2025-05-16T10:00:00 has no time zone; give it a zone "
                "(the library never guesses one) or record a date",
            ),
        )

    def test_role_must_be_text_if_given(self) -> None:
        """An empty role is refused, a missing one is fine."""
        assert errors_of(Representative, name="A", role=" ") == (
            ("role", "must be non-empty text, got ' '"),
        )

    def test_holds_role_on(self) -> None:
        """Open ends count as held; dates outside the span do not."""
        r = Representative(
            name="A",
            since=pendulum.date(2025, 5, 16),
            until=pendulum.date(2025, 7, 17),
        )
        assert r.holds_role_on(pendulum.date(2025, 5, 16))
        assert r.holds_role_on(pendulum.date(2025, 7, 17))
        assert not r.holds_role_on(pendulum.date(2025, 5, 15))
        assert not r.holds_role_on(pendulum.date(2025, 7, 18))
        assert Representative(name="B").holds_role_on(pendulum.date(1990, 1, 1))


RECORD_TYPES = list(VALID)


class TestRecordsAreValues:
    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
    def test_frozen(self, cls: type[Any]) -> None:
        """Assigning to a field raises FrozenInstanceError."""
        record = cls(**VALID[cls]())
        field = attrs.fields(cls)[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, field, getattr(record, field))

    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
    def test_slotted(self, cls: type[Any]) -> None:
        """Records have slots, no instance dict."""
        assert not hasattr(cls(**VALID[cls]()), "__dict__")

    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
    def test_equal_by_value_and_hashable(self, cls: type[Any]) -> None:
        """Two records built from the same values are equal with equal hashes."""
        first, second = cls(**VALID[cls]()), cls(**VALID[cls]())
        assert first is not second
        assert first == second
        assert hash(first) == hash(second)
        assert len({first, second}) == 1

    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
    def test_lists_become_tuples(self, cls: type[Any]) -> None:
        """Every collection field is stored as a tuple."""
        record = cls(**VALID[cls]())
        for field in attrs.fields(cls):
            if isinstance(VALID[cls]().get(field.alias), list):
                assert isinstance(getattr(record, field.name), tuple), field.name

    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
    def test_evolve_validates(self, cls: type[Any]) -> None:
        """attrs.evolve builds a new, checked record."""
        record = cls(**VALID[cls]())
        field = attrs.fields(cls)[0]
        assert attrs.evolve(record) == record
        with pytest.raises(ValueError, match=field.name):
            attrs.evolve(record, **{field.name: object()})

    def test_same_instant_in_other_zones_is_not_equal(self) -> None:
        """Records whose datetimes are the same instant in two zones differ."""
        ny = pendulum.datetime(2025, 7, 14, 12, tz="America/New_York")
        kwargs = VALID[Statement]()
        in_ny = Statement(**{**kwargs, "said_on": ny})
        in_utc = Statement(**{**kwargs, "said_on": ny.in_timezone("UTC")})
        at_offset = Statement(
            **{**kwargs, "said_on": ny.in_timezone(pendulum.FixedTimezone(-4 * 3600))}
        )
        assert ny == ny.in_timezone("UTC")
        assert in_ny != in_utc
        assert in_ny != at_offset
        assert in_utc != at_offset
        assert in_ny == Statement(**{**kwargs, "said_on": ny})

    def test_date_and_datetime_are_not_equal(self) -> None:
        """A date and midnight that day are different values."""
        kwargs = VALID[Statement]()
        day = Statement(**{**kwargs, "said_on": pendulum.date(2025, 7, 14)})
        midnight = Statement(**{**kwargs, "said_on": pendulum.datetime(2025, 7, 14)})
        assert day != midnight

    def test_repr_shows_fields(self) -> None:
        """The repr names the class and its fields."""
        assert repr(party()).startswith("Party(id='ukraine', name='Ukraine'")
