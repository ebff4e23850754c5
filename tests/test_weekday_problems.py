"""
Every bad day of a business-day deadline is reported, each at its place.

A weekend, the holidays and the workdays given in an order (a JSON array, a
list or a tuple) are reported each at its index as given (``weekend[1]``,
``holidays[2]``), in that order, whatever order the deadline keeps them in;
a set has no order, so its days are reported at the field, smallest
(earliest) first.  See docs/errors.md, "Paths".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest

from negotiation_records import (
    Deadline,
    Ultimatum,
    ValidationError,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from negotiation_records._weekends import check_weekend, weekend_for
from tests.seed import seed_record


Errors = tuple[tuple[str, str], ...]

RULE = "from 0 (Monday) to 6 (Sunday)"
D = pendulum.date

#: A valid business-day deadline, as a document: 5 business days after
#: Thursday 31 July 2025.
BUSINESS = {"due": "2025-08-07", "anchor": "2025-07-31", "business_days": 5}


def _from_dict(data: dict[str, Any]) -> object:
    return from_dict(Deadline, data)


def _from_json(data: dict[str, Any]) -> object:
    return from_json(Deadline, json.dumps(data))


READERS: list[Callable[[dict[str, Any]], object]] = [_from_dict, _from_json]


def read_errors(reader: Callable[[dict[str, Any]], object], **fields: Any) -> Errors:
    """The problems of the deadline document BUSINESS with *fields* changed."""
    with pytest.raises(ValidationError) as caught:
        reader({**BUSINESS, **fields})
    return caught.value.errors


def errors_of(build: Callable[[], object]) -> Errors:
    """The problems of the ValidationError that *build* raises."""
    with pytest.raises(ValidationError) as caught:
        build()
    return caught.value.errors


def item(value: str) -> str:
    """The message of one day of an ordered weekend that is not a weekday number."""
    return f"must be a weekday number {RULE}, got {value}"


def in_set(value: str) -> str:
    """The message of one day of a weekend set that is not a weekday number."""
    return f"must hold weekday numbers {RULE}, got {value}"


@pytest.mark.parametrize("reader", READERS, ids=["from_dict", "from_json"])
class TestWeekendOfADocument:
    """A document's weekend is an array: every bad day at its index, in order."""

    def test_every_bad_day_is_reported(self, reader: Callable[..., object]) -> None:
        """Not only the first: an out-of-range number, a text and a float."""
        assert read_errors(reader, weekend=[7, "x", 5.0]) == (
            ("weekend[0]", item("number 7")),
            ("weekend[1]", item("string 'x'")),
            ("weekend[2]", item("number 5.0")),
        )

    def test_in_the_documents_order(self, reader: Callable[..., object]) -> None:
        """Days out of range are reported as the document lists them."""
        assert read_errors(reader, weekend=[9, 8, 7]) == (
            ("weekend[0]", item("number 9")),
            ("weekend[1]", item("number 8")),
            ("weekend[2]", item("number 7")),
        )

    def test_good_days_between_bad_ones(self, reader: Callable[..., object]) -> None:
        """Only the bad days are reported, at their own indexes."""
        assert read_errors(reader, weekend=[5, True, 6, None, -1]) == (
            ("weekend[1]", item("true")),
            ("weekend[3]", item("null")),
            ("weekend[4]", item("number -1")),
        )

    def test_a_day_named_twice(self, reader: Callable[..., object]) -> None:
        """Each repeat is reported where it is, with the other bad days."""
        assert read_errors(reader, weekend=[5, 6, 5, "x", 6]) == (
            ("weekend[2]", "weekday 5 appears twice"),
            ("weekend[3]", item("string 'x'")),
            ("weekend[4]", "weekday 6 appears twice"),
        )

    def test_not_an_array(self, reader: Callable[..., object]) -> None:
        """A weekend that is not an array is reported at the weekend."""
        assert read_errors(reader, weekend={"5": 6}) == (
            (
                "weekend",
                "must be an array of weekday numbers, got an object with 1 key",
            ),
        )

    def test_every_day_a_weekend_day(self, reader: Callable[..., object]) -> None:
        """All seven days leave no business day: a problem of the whole."""
        assert read_errors(reader, weekend=[6, 5, 4, 3, 2, 1, 0]) == (
            ("weekend", "leaves no business day in the week"),
        )

    def test_reported_with_the_other_fields(
        self, reader: Callable[..., object]
    ) -> None:
        """The weekend's problems do not hide another field's."""
        assert read_errors(reader, weekend=[1, 8], business_days="5") == (
            ("business_days", "must be an integer, got string '5'"),
            ("weekend[1]", item("number 8")),
        )

    def test_a_good_weekend_in_any_order(self, reader: Callable[..., object]) -> None:
        """A valid weekend still loads in any order, and equals its rule's."""
        deadline = reader({**BUSINESS, "weekend": [5, 4]})
        assert deadline == Deadline.after_business_days(
            pendulum.date(2025, 7, 31), 5, weekend={4, 5}
        )


def test_inside_a_record_the_path_goes_on() -> None:
    """A deadline inside an ultimatum: the index ends the full path."""
    data = to_dict(seed_record().ultimatums[0])
    data["deadline"]["weekend"] = [5, "6"]
    with pytest.raises(ValidationError) as caught:
        from_dict(Ultimatum, data)
    assert caught.value.errors == (("deadline.weekend[1]", item("string '6'")),)


class TestWeekendGivenInPython:
    """A list or a tuple has places; a set has none."""

    BUILT = Deadline.after_business_days(pendulum.date(2025, 7, 31), 5)

    def test_a_list_to_the_constructor(self) -> None:
        """Each bad day at its index in the list, in its order."""
        assert errors_of(
            lambda: Deadline(
                due=D(2025, 8, 7),
                anchor=D(2025, 7, 31),
                business_days=5,
                weekend=[9, "x", 5, 7],  # type: ignore[list-item]
            )
        ) == (
            ("weekend[0]", item("9")),
            ("weekend[1]", item("'x'")),
            ("weekend[3]", item("7")),
        )

    def test_a_tuple_to_evolve(self) -> None:
        """attrs.evolve checks as the constructor does."""
        weekend: Any = (5, 6.0)
        assert errors_of(lambda: attrs.evolve(self.BUILT, weekend=weekend)) == (
            ("weekend[1]", item("6.0")),
        )

    @pytest.mark.parametrize("make", [set, frozenset])
    def test_a_set_has_no_places(self, make: Callable[[Any], Any]) -> None:
        """A set's bad days at the weekend, smallest first."""
        weekend = make({9, 8, 7, 5})
        assert errors_of(lambda: attrs.evolve(self.BUILT, weekend=weekend)) == (
            ("weekend", in_set("7")),
            ("weekend", in_set("8")),
            ("weekend", in_set("9")),
        )

    def test_a_set_of_mixed_values(self) -> None:
        """Numbers first, then the other values by their repr: no comparison."""
        weekend: Any = {"x", 9, True, 5}
        assert errors_of(lambda: attrs.evolve(self.BUILT, weekend=weekend)) == (
            ("weekend", in_set("9")),
            ("weekend", in_set("'x'")),
            ("weekend", in_set("True")),
        )

    def test_after_business_days(self) -> None:
        """The method reports at its argument, each bad day at its index."""
        assert errors_of(
            lambda: Deadline.after_business_days(
                D(2025, 7, 31),
                5,
                weekend=[1, 9, "a"],  # type: ignore[list-item]
            )
        ) == (("weekend[1]", item("9")), ("weekend[2]", item("'a'")))
        assert errors_of(
            lambda: Deadline.after_business_days(D(2025, 7, 31), 5, weekend={9, 1})
        ) == (("weekend", in_set("9")),)

    def test_a_range(self) -> None:
        """A range is a sequence of weekday numbers as a list is (range(4, 6):
        Friday and Saturday), each bad one at its index."""
        deadline = Deadline.after_business_days(D(2025, 7, 31), 5, weekend=range(4, 6))
        assert deadline.weekend == frozenset({4, 5})
        assert errors_of(
            lambda: Deadline.after_business_days(D(2025, 7, 31), 5, weekend=range(5, 9))
        ) == (("weekend[2]", item("7")), ("weekend[3]", item("8")))

    def test_a_calendars_own_weekend(self) -> None:
        """Without weekend=, a calendar's weekend is reported where it is."""

        class Calendar(dict[Any, Any]):
            weekend: Any = None

        calendar = Calendar()
        calendar.weekend = [4, 12]
        assert errors_of(lambda: weekend_for(calendar)) == (
            ("holidays.weekend[1]", item("12")),
        )
        calendar.weekend = {4, 12}
        assert errors_of(lambda: weekend_for(calendar)) == (
            ("holidays.weekend", in_set("12")),
        )

    def test_check_weekend(self) -> None:
        """The check of a weekend indexes a list, not a set."""
        assert check_weekend([5, 7]) == [("[1]", item("7"))]
        assert check_weekend({5, 7}) == [("", in_set("7"))]
        assert check_weekend([0, 1, 2, 3, 4, 5, 6]) == [
            ("", "leaves no business day in the week")
        ]

    def test_a_good_list_is_a_set(self) -> None:
        """A valid list becomes the set it names, a day twice or not."""
        assert attrs.evolve(self.BUILT, weekend=[6, 5, 5]) == self.BUILT
        assert self.BUILT.weekend == frozenset({5, 6})


# --- holidays and workdays: inside the count -----------------------------------------

#: 5 business days after Friday 1 August 2025, Monday 4 August off: Monday 11.
HOLIDAY = {"due": "2025-08-11", "anchor": "2025-08-01", "business_days": 5}


def stray(day: str, what: str = "weekday") -> str:
    return f"{day} is not a {what} inside the count"


@pytest.mark.parametrize("reader", READERS, ids=["from_dict", "from_json"])
class TestDaysOfADocument:
    """Holidays and workdays the count could not have had, at their indexes."""

    def test_holidays_outside_the_count(self, reader: Callable[..., Any]) -> None:
        """Each at its index in the document, in its order, though the
        deadline keeps its holidays earliest first."""
        with pytest.raises(ValidationError) as caught:
            reader(
                {
                    **HOLIDAY,
                    "holidays": [
                        "2030-01-01",
                        "2025-08-04",
                        "2025-08-09",
                        "2020-01-01",
                    ],
                }
            )
        assert caught.value.errors == (
            ("holidays[0]", stray("2030-01-01")),
            ("holidays[2]", stray("2025-08-09")),
            ("holidays[3]", stray("2020-01-01")),
        )

    def test_the_reproducer(self, reader: Callable[..., Any]) -> None:
        """The second holiday of the report, at its index."""
        with pytest.raises(ValidationError) as caught:
            reader({**HOLIDAY, "holidays": ["2025-08-04", "2030-01-01"]})
        assert caught.value.errors == (("holidays[1]", stray("2030-01-01")),)

    def test_workdays_outside_the_count(self, reader: Callable[..., Any]) -> None:
        """A workday must be a weekend day inside the count."""
        with pytest.raises(ValidationError) as caught:
            reader(
                {
                    "due": "2024-02-13",
                    "anchor": "2024-02-01",
                    "business_days": 8,
                    "workdays": ["2024-03-02", "2024-02-04", "2024-02-05"],
                }
            )
        assert [e for e in caught.value.errors if e[0].startswith("workdays")] == [
            ("workdays[0]", stray("2024-03-02", "weekend day")),
            ("workdays[2]", stray("2024-02-05", "weekend day")),
        ]

    def test_good_days_in_any_order(self, reader: Callable[..., Any]) -> None:
        """Holidays in any order load earliest first: the rule's deadline."""
        loaded = reader(
            {**HOLIDAY, "due": "2025-08-12", "holidays": ["2025-08-05", "2025-08-04"]}
        )
        built = Deadline.after_business_days(
            D(2025, 8, 1), 5, holidays={D(2025, 8, 4), D(2025, 8, 5)}
        )
        assert loaded.holidays == (D(2025, 8, 4), D(2025, 8, 5))
        assert (loaded, hash(loaded), to_json(loaded)) == (
            built,
            hash(built),
            to_json(built),
        )


class TestDaysGivenInPython:
    """The constructor and attrs.evolve: a list has places, a set has none."""

    BUILT = Deadline.after_business_days(D(2025, 8, 1), 5, holidays=[D(2025, 8, 4)])

    def test_a_list_of_holidays(self) -> None:
        """Each stray holiday at its index in the list."""
        given = [D(2030, 1, 1), D(2025, 8, 4), D(2020, 1, 1)]
        assert errors_of(lambda: attrs.evolve(self.BUILT, holidays=given)) == (
            ("holidays[0]", stray("2030-01-01")),
            ("holidays[2]", stray("2020-01-01")),
        )

    def test_a_tuple_to_the_constructor(self) -> None:
        """The constructor reads the days as given, too."""
        assert errors_of(
            lambda: Deadline(
                due=D(2025, 8, 11),
                anchor=D(2025, 8, 1),
                business_days=5,
                holidays=(D(2025, 8, 9), D(2025, 8, 4)),
            )
        ) == (("holidays[0]", stray("2025-08-09")),)

    @pytest.mark.parametrize("make", [set, frozenset])
    def test_a_set_has_no_places(self, make: Callable[[Any], Any]) -> None:
        """A set's stray days at holidays, earliest first."""
        given = make({D(2030, 1, 1), D(2025, 8, 4), D(2020, 1, 1)})
        assert errors_of(lambda: attrs.evolve(self.BUILT, holidays=given)) == (
            ("holidays", stray("2020-01-01")),
            ("holidays", stray("2030-01-01")),
        )

    def test_a_set_with_values_that_are_not_dates(self) -> None:
        """A set's values that are not dates at holidays, dates first."""
        given: Any = {"x", D(2025, 8, 4), 5, pendulum.datetime(2025, 8, 5)}
        assert errors_of(lambda: attrs.evolve(self.BUILT, holidays=given)) == (
            (
                "holidays",
                "must be a date, got DateTime DateTime(2025, 8, 5, 0, 0, 0, "
                "tzinfo=Timezone('UTC'))",
            ),
            ("holidays", "must be a date, got str 'x'"),
            ("holidays", "must be a date, got int 5"),
        )

    def test_a_workday_twice_at_its_place(self) -> None:
        """A day given twice is reported where it is given again."""
        given = [D(2025, 8, 5), D(2025, 8, 4), D(2025, 8, 5)]
        assert errors_of(lambda: attrs.evolve(self.BUILT, holidays=given)) == (
            ("holidays[2]", "holiday 2025-08-05 appears twice"),
        )

    @pytest.mark.parametrize(
        "given",
        [
            [D(2025, 8, 5), D(2025, 8, 4)],
            (D(2025, 8, 4), D(2025, 8, 5)),
            {D(2025, 8, 5), D(2025, 8, 4)},
            frozenset({D(2025, 8, 4), D(2025, 8, 5)}),
            iter([D(2025, 8, 5), D(2025, 8, 4)]),
        ],
        ids=["list", "tuple", "set", "frozenset", "iterator"],
    )
    def test_kept_earliest_first(self, given: Any) -> None:
        """However they are given, the deadline keeps them earliest first:
        the same value as its rule builds."""
        built = Deadline.after_business_days(
            D(2025, 8, 1), 5, holidays=[D(2025, 8, 5), D(2025, 8, 4)]
        )
        made = Deadline(
            due=D(2025, 8, 12), anchor=D(2025, 8, 1), business_days=5, holidays=given
        )
        assert made.holidays.__class__ is tuple
        assert made.holidays == (D(2025, 8, 4), D(2025, 8, 5))
        assert (made, hash(made)) == (built, hash(built))

    @pytest.mark.parametrize("given", [set(), frozenset(), [], ()])
    def test_no_holidays(self, given: Any) -> None:
        """No holidays are an empty tuple, given as a set or a list."""
        made = attrs.evolve(Deadline.after(D(2025, 8, 1), days=3), holidays=given)
        assert made.holidays == ()
        assert made.holidays.__class__ is tuple
