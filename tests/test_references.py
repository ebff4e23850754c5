"""
References checked as a negotiation is read.

The compiled loaders note every value of a field declared with ``refers_to``;
when all are known, the negotiation skips the walk over the whole record that
would look for unknown ones.  Whatever the document, the outcome (the record,
or every problem with its path, in order) is the one of the whole walk.
"""

from __future__ import annotations

import copy
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings

from negotiation_records import (
    Action,
    Negotiation,
    Party,
    Quantity,
    ValidationError,
    converter,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
)
from negotiation_records import strategies as nrst
from negotiation_records._hooks import collect_problems
from negotiation_records._references import STATE as READING
from negotiation_records._references import TARGETS, References, noting
from negotiation_records._whole_record import Checker
from negotiation_records.fields import Many, Maybe, Slug, field, kind_of, refers_to
from tests.seed import seed_record
from tests.strategies_foundation import RECORD_TYPES


UNKNOWN = "zz-unknown"


def _outcome(load: Any, data: Any) -> tuple[str, Any]:
    try:
        return "loaded", to_dict(load(copy.deepcopy(data), Negotiation))
    except Exception as exc:  # noqa: BLE001 - compared by the tests
        return "refused", collect_problems(exc)


def _compiled_and_exact() -> tuple[Any, Any]:
    hook = converter.get_structure_hook(Negotiation)
    return hook, hook.__globals__["_exact"]


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every string and integer in *data* (keys excepted)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    elif data.__class__ in (str, int):
        yield path


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(data)
    here = changed
    for step in path[:-1]:
        here = here[step]
    here[path[-1]] = value
    return changed


class TestSameOutcomeAsTheWholeWalk:
    @settings(max_examples=25, deadline=None)
    @given(record=nrst.negotiations())
    def test_every_value_made_unknown(self, record: Negotiation) -> None:
        """
        Each id, text and number of a generated record, replaced in turn by a
        value no record has, is accepted or refused (problem for problem) as
        the exact path, which builds the record and walks it whole, decides.
        """
        hook, exact = _compiled_and_exact()
        data = to_dict(record)
        assert _outcome(hook, data) == _outcome(exact, data)
        for path in _leaves(data):
            if path[-1] == "schema_version":
                continue
            here: Any = data
            for step in path:
                here = here[step]
            new = 10**6 if here.__class__ is int else UNKNOWN
            changed = _replaced(data, path, new)
            assert _outcome(hook, changed) == _outcome(exact, changed), path

    def test_the_running_example(self) -> None:
        """The running example is read without the walk, and loses nothing."""
        record = seed_record()
        text = to_json(record)
        calls: list[bool] = []
        problems = Checker.problems

        def spy(self: Checker, *, references_known: bool = False) -> Any:
            calls.append(references_known)
            return problems(self, references_known=references_known)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Checker, "problems", spy)
            assert from_json(Negotiation, text) == record
        assert calls == [True]
        assert to_json(from_json(Negotiation, text)) == text

    def test_unknown_party_in_an_action_quantity(self) -> None:
        """A party an action's quantity names must exist, like any other."""
        talks = Negotiation(
            id="t",
            title="T",
            parties=[Party(id="a", name="A", kind="state")],
        )
        data = to_dict(talks)
        data["actions"] = [
            to_dict(
                Action(
                    id="x",
                    by=["a"],
                    on=pendulum.date(2025, 7, 1),
                    kind="aid",
                    summary="Aid",
                    quantities=[Quantity(amount=1, unit="convoys", given_by=["b"])],
                )
            )
        ]
        problems = [("actions[0].quantities[0].given_by[0]", "unknown party 'b'")]
        for load in _compiled_and_exact():
            with pytest.raises(ValidationError) as info:
                load(copy.deepcopy(data), Negotiation)
            assert list(info.value.errors) == problems
        with pytest.raises(ValidationError) as info:
            from_dict(Negotiation, data)
        assert list(info.value.errors) == problems


class TestDeclarations:
    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda cls: cls.__name__)
    def test_a_reference_is_an_id_or_a_round_number(self, cls: type[Any]) -> None:
        """
        Every declared reference holds slugs or (a round) integers, alone, in a
        Maybe or in a Many: the shapes the loaders know how to note.
        """
        for attribute in attrs.fields(cls):
            target = refers_to(attribute)
            if target is None:
                continue
            assert target in TARGETS
            kind = kind_of(attribute)
            inner = kind.kind if isinstance(kind, (Many, Maybe)) else kind
            expected = "Int" if target == "round" else "Slug"
            assert type(inner).__name__ == expected, (cls, attribute.name)

    def test_an_unknown_target_is_refused(self) -> None:
        """A typo in refers_to fails when the class is defined, not later."""
        with pytest.raises(ValueError, match="refers_to must be one of 'party'"):
            field(Many(Slug()), refers_to="parties")


class TestReading:
    def test_each_thread_notes_its_own_document(self) -> None:
        """
        Negotiations read at once in several threads keep their references
        apart: a dangling one is refused and a valid record is loaded, every
        time, in every thread.
        """
        good = to_dict(seed_record())
        bad = copy.deepcopy(good)
        bad["proposals"][0]["addressed_to"] = [UNKNOWN]
        failures: list[str] = []

        def work(data: dict[str, Any], refused: bool) -> None:
            for _ in range(200):
                try:
                    from_dict(Negotiation, data)
                except ValidationError:
                    if not refused:
                        failures.append("a valid record was refused")
                else:
                    if refused:
                        failures.append("a dangling reference was accepted")

        threads = [
            threading.Thread(target=work, args=(data, refused))
            for data, refused in [(good, False), (bad, True)] * 4
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []

    def test_an_interrupt_at_any_line_leaves_no_collector(self) -> None:
        """
        Stopped at any line of the negotiation's loader (``KeyboardInterrupt``
        raised by a trace function, as a debugger or a time limit may), the
        reading leaves the thread's collector as it found it: none.
        """
        text = to_json(seed_record())
        from_json(Negotiation, text)  # the loader compiled
        loader = "generated structure negotiation_records.negotiation.Negotiation"
        for stop_at in range(1, 40):
            lines = 0

            def tracer(frame: FrameType, event: str, arg: object) -> Any:
                nonlocal lines
                if loader not in frame.f_code.co_filename:
                    return None
                if event == "line":
                    lines += 1
                    if lines == stop_at:  # noqa: B023 - this pass's line
                        raise KeyboardInterrupt
                return tracer

            traced = sys.gettrace()  # coverage's, under the CI: put back after
            sys.settrace(tracer)
            try:
                from_json(Negotiation, text)
            except KeyboardInterrupt:
                pass
            finally:
                sys.settrace(traced)
            assert READING.references is None, f"stopped at line {stop_at}"

    def test_a_record_built_while_reading_sends_it_to_the_walk(self) -> None:
        """
        A record built through its ``__init__`` while a negotiation is read
        (by the exact path, or by a conversion) was not read by a compiled
        loader, so its references were not noted: the whole walk decides.
        """
        outer = READING.references
        READING.references = references = References()
        try:
            assert references.complete
            Party(id="a", name="A", kind="state")
            assert not references.complete
        finally:
            READING.references = outer
        assert Checker(Negotiation(id="t", title="T")).knows(references) is False

    def test_a_record_a_hook_of_your_own_gives_is_walked(self) -> None:
        """
        A structure hook of your own may give a record it kept (or copied, or
        unpickled) instead of reading one: nothing of it was noted, so the
        whole walk decides, and its unknown references are refused as
        ``Negotiation(...)`` refuses them.
        """
        kept = Party(
            id="eu", name="EU", kind="coalition", members=["nobody"], sources=["ghost"]
        )
        conv = make_converter()
        read = conv.get_structure_hook(Party)

        def party_hook(data: Any, cls: Any) -> Party:
            found: Party = {"eu": kept}.get(data.get("id")) or read(data, cls)
            return found

        conv.register_structure_hook(Party, party_hook)
        doc = {
            "schema_version": 2,
            "id": "t",
            "title": "T",
            "parties": [{"id": "eu", "name": "EU", "kind": "coalition"}],
        }
        expected = [
            ("parties[0].sources[0]", "unknown source 'ghost'"),
            ("parties[0].members[0].party", "unknown party 'nobody'"),
        ]
        with pytest.raises(ValidationError) as info:
            from_dict(Negotiation, doc, converter=conv)
        assert sorted(info.value.errors) == sorted(expected)
        with pytest.raises(ValidationError) as info:
            Negotiation(id="t", title="T", parties=[kept])
        assert sorted(info.value.errors) == sorted(expected)
        # A party the hook reads is noted as the library's loader notes it.
        doc["parties"] = [{"id": "ua", "name": "UA", "kind": "state"}]
        assert from_dict(Negotiation, doc, converter=conv).parties[0].id == "ua"

    def test_the_librarys_own_loaders_are_called_as_they_are(self) -> None:
        """The compiled loaders note what they read: no wrapper is put around them."""
        hook = converter.get_structure_hook(Party)
        assert noting(hook) is hook
