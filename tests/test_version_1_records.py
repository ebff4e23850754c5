"""Documents of single records written by version 1 of the library, which say
no ``schema_version``: read with ``schema_version=1`` (``from_json``,
``from_dict``, ``read_jsonl``, ``validate --schema-version``), and refused
with a hint without it, ``strict=False`` included."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pendulum
import pytest

from negotiation_records import (
    Deadline,
    JSONLinesError,
    Membership,
    Negotiation,
    Outcome,
    Party,
    Proposal,
    ProposalStatus,
    Quantity,
    Round,
    RoundStatus,
    Source,
    Statement,
    Ultimatum,
    UltimatumStatus,
    ValidationError,
    Vote,
    from_dict,
    from_json,
    read_jsonl,
    register_migration,
    to_dict,
    to_json,
    unregister_migration,
)
from negotiation_records.cli import main


VERSION_1_FILE = (
    Path(__file__).resolve().parent / "data" / "russia-ukraine-2025.v1.json"
)
HINT = "(a version-1 record? read it with schema_version=1)"
CLI_HINT = "(a version-1 record? check it with --schema-version 1)"

#: Single records as version 1 wrote them, each with every field version 2 changed.
PROPOSAL: dict[str, Any] = {
    "id": "invite",
    "proposed_by": "ukraine",
    "addressed_to": ["russia"],
    "made_on": "2025-07-19",
    "summary": "A new round in Istanbul next week",
    "status": "rejected",
    "status_on": "2025-07-23",
}
ULTIMATUM: dict[str, Any] = {
    "id": "us-ultimatum",
    "issued_by": "united-states",
    "addressed_to": ["russia"],
    "issued_at": "2025-07-14",
    "demand": "Reach a ceasefire",
    "deadline": {"due": "2025-09-02", "anchor": "2025-07-14", "period": "P50D"},
    "status": "withdrawn",
    "status_on": "2025-08-01",
}
OUTCOME: dict[str, Any] = {
    "text": "Exchange of 1,000 prisoners each",
    "kind": "prisoner-exchange",
    "parties": ["ukraine", "russia"],
    "quantity": {"amount": 1000, "unit": "prisoners", "each": True},
}
ROUND: dict[str, Any] = {
    "number": 1,
    "status": "held",
    "starts": "2025-05-16",
    "location": "Istanbul",
    "outcomes": [OUTCOME, {"text": "No breakthrough", "quantity": None}],
}
COALITION: dict[str, Any] = {
    "id": "eu",
    "name": "European Union",
    "kind": "coalition",
    "members": ["france", "germany"],
}


def _problems(cls: Any, data: Any, **options: Any) -> tuple[tuple[str, str], ...]:
    """The problems from_dict reports for *data*."""
    with pytest.raises(ValidationError) as info:
        from_dict(cls, data, **options)
    return info.value.errors


def _json_problems(cls: Any, data: Any, **options: Any) -> tuple[tuple[str, str], ...]:
    """The problems from_json reports for *data* written as JSON."""
    with pytest.raises(ValidationError) as info:
        from_json(cls, json.dumps(data), **options)
    return info.value.errors


def _changed(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A deep copy of *data* with *changes*."""
    return {**copy.deepcopy(data), **changes}


class TestReadAsVersion1:
    """schema_version=1 migrates each record by the step registered for version 1."""

    @pytest.mark.parametrize("read", ["from_dict", "from_json", "read_jsonl"])
    def test_every_changed_class(self, read: str) -> None:
        """Statuses, proposers, members and quantities come out as version 2 holds them."""

        def load(cls: Any, data: Any) -> Any:
            if read == "from_dict":
                return from_dict(cls, data, schema_version=1)
            if read == "from_json":
                return from_json(cls, json.dumps(data), schema_version=1)
            lines = io.StringIO(json.dumps(data) + "\n")
            (record,) = read_jsonl(cls, lines, schema_version=1)
            return record

        proposal = load(Proposal, PROPOSAL)
        assert proposal.proposed_by == ("ukraine",)
        assert proposal.status is ProposalStatus.REJECTED
        assert proposal.status_on == pendulum.date(2025, 7, 23)
        ultimatum = load(Ultimatum, ULTIMATUM)
        assert ultimatum.status is UltimatumStatus.WITHDRAWN
        assert ultimatum.status_on == pendulum.date(2025, 8, 1)
        assert ultimatum.deadline.due == pendulum.date(2025, 9, 2)
        rnd = load(Round, ROUND)
        assert rnd.status is RoundStatus.HELD
        assert rnd.outcomes[0].quantities == (
            Quantity(amount=1000, unit="prisoners", each=True),
        )
        assert rnd.outcomes[1].quantities == ()
        outcome = load(Outcome, OUTCOME)
        assert outcome == rnd.outcomes[0]
        party = load(Party, COALITION)
        assert [member.party for member in party.members] == ["france", "germany"]

    def test_the_same_records_as_in_a_version_1_negotiation(self) -> None:
        """Each record of a real version-1 file, read alone, is the negotiation's record."""
        document = json.loads(VERSION_1_FILE.read_text(encoding="utf-8"))
        talks = from_dict(Negotiation, document)
        classes: list[tuple[str, Any]] = [
            ("parties", Party),
            ("rounds", Round),
            ("proposals", Proposal),
            ("ultimatums", Ultimatum),
            ("statements", Statement),
            ("sources", Source),
        ]
        for key, cls in classes:
            alone: list[Any] = [
                from_dict(cls, record, schema_version=1) for record in document[key]
            ]
            assert alone == list(getattr(talks, key)), key
            many: Any = list[cls]  # type: ignore[valid-type]
            assert from_dict(many, document[key], schema_version=1) == alone
        outcomes = [o for r in document["rounds"] for o in r["outcomes"]]
        assert [from_dict(Outcome, o, schema_version=1) for o in outcomes] == [
            o for r in talks.rounds for o in r.outcomes
        ]
        deadline = document["ultimatums"][0]["deadline"]
        assert (
            from_dict(Deadline, deadline, schema_version=1)
            == talks.ultimatums[0].deadline
        )

    def test_a_version_1_file_of_records(self, tmp_path: Path) -> None:
        """JSON Lines of version-1 records, as write_jsonl of version 1 wrote them."""
        document = json.loads(VERSION_1_FILE.read_text(encoding="utf-8"))
        path = tmp_path / "proposals.jsonl"
        path.write_text(
            "".join(json.dumps(p) + "\n" for p in document["proposals"]),
            encoding="utf-8",
        )
        assert list(read_jsonl(Proposal, path, schema_version=1)) == list(
            from_dict(Negotiation, document).proposals
        )

    def test_round_trip(self) -> None:
        """A version-1 record, loaded, written and read back, is the same record."""
        cases: list[tuple[Any, dict[str, Any]]] = [
            (Proposal, PROPOSAL),
            (Ultimatum, ULTIMATUM),
            (Round, ROUND),
            (Outcome, OUTCOME),
            (Party, COALITION),
        ]
        for cls, data in cases:
            loaded = from_json(cls, json.dumps(data), schema_version=1)
            assert from_json(cls, to_json(loaded)) == loaded
            assert from_json(cls, to_json(loaded), schema_version=2) == loaded

    def test_tuple_and_list_targets(self) -> None:
        """``list[...]`` and ``tuple[..., ...]`` read each item as version 1."""
        data = [PROPOSAL, _changed(PROPOSAL, id="other")]
        as_list = from_dict(list[Proposal], data, schema_version=1)
        assert isinstance(as_list, list)
        assert from_dict(tuple[Proposal, ...], data, schema_version=1) == tuple(as_list)
        assert _problems(list[Proposal], {"a": 1}, schema_version=1) == (
            ("$", "must be an array, got an object with 1 key"),
        )

    def test_unchanged_classes(self) -> None:
        """Records whose shape version 2 kept read the same with schema_version=1."""
        statement = {"id": "s", "speaker": "A", "said_on": "2025-07-14", "text": "Yes."}
        source = {"id": "tass", "publisher": "TASS", "title": "Talks"}
        deadline = {"due": "2025-09-02", "anchor": "2025-07-14", "period": "P50D"}
        quantity = {"amount": 1000, "unit": "prisoners"}
        for cls, data in [
            (Statement, statement),
            (Source, source),
            (Deadline, deadline),
            (Quantity, quantity),
        ]:
            assert from_dict(cls, data, schema_version=1) == from_dict(cls, data)

    def test_what_version_2_added_is_refused(self) -> None:
        """A version-1 record holds only what version 1 had."""
        statement = {"id": "s", "speaker": "A", "said_on": "2025-07-14", "text": "t"}
        assert _problems(
            Statement, {**statement, "verbatim": False}, schema_version=1
        ) == (
            (
                "verbatim",
                "is new in format version 2, but it is read with schema_version=1: "
                "leave it out, or write the document as version 2",
            ),
        )
        history = [{"status": "accepted", "on": "2025-07-20"}]
        assert (
            _problems(Proposal, _changed(PROPOSAL, history=history), schema_version=1)[
                0
            ][0]
            == "history"
        )
        assert _problems(
            Proposal, _changed(PROPOSAL, proposed_by=["ukraine"]), schema_version=1
        ) == (
            (
                "proposed_by",
                "version 1 names one proposer (a party id); a list of proposers is "
                "new in format version 2: write the document as version 2",
            ),
        )
        with pytest.raises(ValidationError) as info:
            from_dict(Vote, {}, schema_version=1)
        assert info.value.errors[0][0] == "schema_version"
        assert "a Vote is new in format version 2" in info.value.errors[0][1]
        # version 1 wrote a coalition's members as party ids: no Membership
        with pytest.raises(ValidationError) as info:
            from_dict(Membership, {"party": "france"}, schema_version=1)
        assert info.value.errors[0][0] == "schema_version"
        assert "a Membership is new in format version 2" in info.value.errors[0][1]

    def test_every_problem_at_the_records_own_path(self) -> None:
        """Problems are reported at the record's paths, none hidden by another."""
        bad = _changed(ULTIMATUM, status_on="2025-02-30", issued_by="US", extra=1)
        assert _json_problems(Ultimatum, bad, schema_version=1) == (
            (
                "issued_by",
                "must be a lower-case slug (a-z, 0-9 and '-', '_', '.' inside, at "
                "most 64 characters), got 'US'",
            ),
            (
                "status_on",
                "impossible date '2025-02-30': day is out of range for month",
            ),
            ("$", "unknown key 'extra'"),
        )
        rnd = _changed(ROUND, outcomes=[_changed(OUTCOME, quantity={"amount": "9"})])
        assert _problems(Round, rnd, schema_version=1) == (
            ("outcomes[0].quantity.amount", "must be a number, got string '9'"),
            ("outcomes[0].quantity.unit", "required field missing"),
        )
        party = _changed(COALITION, members=["france", 7])
        assert _problems(Party, party, schema_version=1) == (
            ("members[1]", "must be a string, got number 7"),
        )
        assert (
            _problems(Outcome, _changed(OUTCOME, quantity=[]), schema_version=1)[0][0]
            == "quantity"
        )

    def test_strict_false_ignores_only_unknown_keys(self) -> None:
        """A round's status_on, unknown in both versions, is ignored; values are checked."""
        rnd = _changed(ROUND, status_on="2025-05-16")
        assert _problems(Round, rnd, schema_version=1) == (
            ("$", "unknown key 'status_on'"),
        )
        loaded = from_dict(Round, rnd, schema_version=1, strict=False)
        assert loaded.status is RoundStatus.HELD


class TestJSONLines:
    """A file of many version-1 records, some bad."""

    def test_the_line_and_the_records_own_path(self) -> None:
        """The first bad line stops the reading; the error names it and the path."""
        lines = [
            PROPOSAL,
            _changed(PROPOSAL, id="p2"),
            _changed(PROPOSAL, id="p3", status="open"),
            _changed(PROPOSAL, id="p4", proposed_by=7),
        ]
        text = "".join(json.dumps(line) + "\n" for line in lines)
        read: list[Proposal] = []
        with pytest.raises(JSONLinesError) as info:
            read.extend(read_jsonl(Proposal, io.StringIO(text), schema_version=1))
        assert [p.id for p in read] == ["invite", "p2"]
        assert info.value.line == 3
        assert info.value.errors == (
            (
                "status",
                "'open' is not a valid ProposalStatus (choose from 'pending', "
                "'accepted', 'rejected', 'countered', 'withdrawn', 'expired', "
                "'lapsed-without-response')",
            ),
        )
        with pytest.raises(JSONLinesError) as info:
            list(
                read_jsonl(
                    Proposal, io.StringIO(text).readlines()[3:], schema_version=1
                )
            )
        assert info.value.line == 1
        assert info.value.errors == (("proposed_by", "must be a string, got number 7"),)

    def test_without_schema_version_the_hint(self) -> None:
        """Without schema_version, a version-1 line says what it is."""
        with pytest.raises(JSONLinesError) as info:
            list(read_jsonl(Ultimatum, io.StringIO(json.dumps(ULTIMATUM) + "\n")))
        assert str(info.value) == (
            f"line 1: 2 problems:\n  status: unknown key 'status' {HINT}\n"
            f"  status_on: unknown key 'status_on' {HINT}"
        )


class TestHint:
    """Without schema_version a version-1 record is refused, saying so."""

    def test_every_version_1_key_and_shape(self) -> None:
        """status, status_on, a proposer's id, member ids and quantity each get the hint."""
        assert _problems(Proposal, PROPOSAL) == (
            ("proposed_by", f"must be an array, got string 'ukraine' {HINT}"),
            ("status", f"unknown key 'status' {HINT}"),
            ("status_on", f"unknown key 'status_on' {HINT}"),
        )
        assert _json_problems(Ultimatum, ULTIMATUM) == (
            ("status", f"unknown key 'status' {HINT}"),
            ("status_on", f"unknown key 'status_on' {HINT}"),
        )
        assert _problems(Round, ROUND) == (
            ("status", f"unknown key 'status' {HINT}"),
            ("outcomes[0].quantity", f"unknown key 'quantity' {HINT}"),
            ("outcomes[1].quantity", f"unknown key 'quantity' {HINT}"),
        )
        assert _problems(Outcome, OUTCOME) == (
            ("quantity", f"unknown key 'quantity' {HINT}"),
        )
        assert _json_problems(Party, COALITION) == (
            (
                "members[0]",
                f"must be an object (Membership), got string 'france' {HINT}",
            ),
            (
                "members[1]",
                f"must be an object (Membership), got string 'germany' {HINT}",
            ),
        )

    def test_other_problems_are_kept_in_document_order(self) -> None:
        """The hint replaces nothing but the version-1 keys' own problems."""
        bad = _changed(PROPOSAL, summary="", titel="x")
        assert _problems(Proposal, bad) == (
            ("proposed_by", f"must be an array, got string 'ukraine' {HINT}"),
            ("summary", "must be non-empty text, got ''"),
            ("status", f"unknown key 'status' {HINT}"),
            ("status_on", f"unknown key 'status_on' {HINT}"),
            ("$", "unknown key 'titel'"),
        )

    def test_lists_name_the_item(self) -> None:
        """In a list of records, each hint is at its item's path."""
        assert _problems(list[Outcome], [{"text": "fine"}, OUTCOME]) == (
            ("[1].quantity", f"unknown key 'quantity' {HINT}"),
        )

    def test_no_hint_for_what_version_1_could_not_hold(self) -> None:
        """A number where a proposer's id goes, or a round's status_on, is no version-1 sign."""
        proposal = _changed(PROPOSAL, proposed_by=7)
        del proposal["status"], proposal["status_on"]
        assert _problems(Proposal, proposal) == (
            ("proposed_by", "must be an array, got number 7"),
        )
        rnd = {"number": 1, "status_on": "2025-05-16"}
        assert _problems(Round, rnd) == (("$", "unknown key 'status_on'"),)

    def test_no_hint_when_a_version_is_given(self) -> None:
        """schema_version=2 says the record is of version 2: its keys are unknown."""
        assert _problems(Ultimatum, ULTIMATUM, schema_version=2) == (
            ("$", "unknown key 'status'"),
            ("$", "unknown key 'status_on'"),
        )

    def test_strict_false_does_not_lose_the_status(self) -> None:
        """strict=False ignores keys a newer writer added, not the keys version 1 wrote."""
        for read in (from_dict, from_json):
            data: Any = ULTIMATUM if read is from_dict else json.dumps(ULTIMATUM)
            with pytest.raises(ValidationError) as info:
                read(Ultimatum, data, strict=False)
            assert info.value.errors == (
                ("status", f"unknown key 'status' {HINT}"),
                ("status_on", f"unknown key 'status_on' {HINT}"),
            )
        assert _problems(Outcome, OUTCOME, strict=False) == (
            ("quantity", f"unknown key 'quantity' {HINT}"),
        )
        assert _problems(Round, ROUND, strict=False)[0] == (
            "status",
            f"unknown key 'status' {HINT}",
        )
        with pytest.raises(JSONLinesError):
            list(read_jsonl(Proposal, [json.dumps(PROPOSAL)], strict=False))
        newer = {"id": "s", "publisher": "S", "flag": "x"}
        assert from_dict(Source, newer, strict=False).id == "s"

    def test_a_current_record_is_unchanged(self) -> None:
        """A record of version 2 loads as before, with or without strict."""
        proposal = from_dict(Proposal, PROPOSAL, schema_version=1)
        data = to_dict(proposal)
        assert from_dict(Proposal, data) == proposal
        assert from_dict(Proposal, data, strict=False) == proposal


class TestArguments:
    """schema_version is checked as a document's "schema_version" is."""

    def test_a_negotiation_says_its_own_version(self) -> None:
        """The same version is fine; another is refused at schema_version."""
        document = json.loads(VERSION_1_FILE.read_text(encoding="utf-8"))
        assert from_dict(Negotiation, document, schema_version=1) == from_dict(
            Negotiation, document
        )
        assert _problems(Negotiation, document, schema_version=2) == (
            (
                "schema_version",
                "the document says 1, but schema_version=2 was given: a negotiation "
                "says its own version (leave the argument out)",
            ),
        )
        current = to_dict(from_dict(Negotiation, document))
        assert from_dict(Negotiation, current, schema_version=2).id == document["id"]
        assert _problems(list[Negotiation], [current], schema_version=1)[0][0] == (
            "[0].schema_version"
        )

    @pytest.mark.parametrize(
        ("version", "message"),
        [
            (
                3,
                "3 is newer than this library understands (it reads versions up "
                "to 2); upgrade negotiation-records",
            ),
            (0, "0 is older than 2 and no migration from version 0 is registered"),
            (-1, "-1 is not a format version: none is below 0 (this library writes 2)"),
            ("1", "must be an integer, got '1'"),
            (True, "must be an integer, got True"),
        ],
    )
    def test_versions_this_library_cannot_read(
        self, version: Any, message: str
    ) -> None:
        """Refused before anything is read, as a document's would be."""
        for read in (
            lambda: from_dict(Party, COALITION, schema_version=version),
            lambda: from_json(Party, "{}", schema_version=version),
            lambda: list(read_jsonl(Party, ["{}"], schema_version=version)),
        ):
            with pytest.raises(ValidationError) as info:
                read()
            assert info.value.errors == (("schema_version", message),)

    def test_a_class_no_document_holds(self) -> None:
        """An older version of a class that no negotiation holds is a TypeError."""
        with pytest.raises(TypeError, match="schema_version=1"):
            from_dict(int, 1, schema_version=1)
        assert from_dict(int, 1, schema_version=2) == 1

    def test_not_an_object(self) -> None:
        """A record that is not a JSON object is refused as without schema_version."""
        assert _problems(Party, ["eu"], schema_version=1) == _problems(Party, ["eu"])

    def test_a_step_reports_at_the_records_paths(self) -> None:
        """A ValidationError a step raises is reported at the record's own paths."""

        def from_version_0(document: dict[str, Any]) -> dict[str, Any]:
            raise ValidationError([("sources[0].name", "version 0 had no name")])

        register_migration(0, from_version_0)
        try:
            problems = _problems(Source, {"id": "s", "name": "S"}, schema_version=0)
        finally:
            unregister_migration(0)
        assert problems == (("name", "version 0 had no name"),)

    def test_a_step_from_version_0_sees_a_negotiation(self) -> None:
        """A registered step works on the negotiation document the record is put in."""
        seen: list[dict[str, Any]] = []

        def from_version_0(document: dict[str, Any]) -> dict[str, Any]:
            seen.append(copy.deepcopy(document))
            return document

        register_migration(0, from_version_0)
        try:
            loaded = from_dict(Source, {"id": "s", "publisher": "S"}, schema_version=0)
        finally:
            unregister_migration(0)
        assert loaded.id == "s"
        assert seen == [
            {"schema_version": 0, "sources": [{"id": "s", "publisher": "S"}]}
        ]


class TestCommandLine:
    """validate --schema-version reads files of version-1 records."""

    @pytest.fixture
    def ultimatums(self, tmp_path: Path) -> Path:
        """A JSON Lines file of version-1 ultimatums, the third bad."""
        path = tmp_path / "ultimatums.jsonl"
        lines = [
            ULTIMATUM,
            _changed(ULTIMATUM, id="u2", status="pending", status_on=None),
            _changed(ULTIMATUM, id="u3", status="gone"),
        ]
        path.write_text("".join(json.dumps(u) + "\n" for u in lines), encoding="utf-8")
        return path

    def test_validate_with_and_without(
        self, ultimatums: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without the option the hint names it; with it, only the real problem is left."""
        assert main(["validate", "--type", "Ultimatum", str(ultimatums)]) == 1
        out = capsys.readouterr().out.splitlines()
        assert out[0] == f"{ultimatums}:1: status: unknown key 'status' {CLI_HINT}"
        assert len(out) == 6
        assert (
            main(
                [
                    "validate",
                    "--type",
                    "Ultimatum",
                    "--schema-version",
                    "1",
                    str(ultimatums),
                ]
            )
            == 1
        )
        assert capsys.readouterr().out.splitlines() == [
            f"{ultimatums}:3: status: 'gone' is not a valid UltimatumStatus (choose "
            "from 'pending', 'complied', 'expired', 'enforced', 'withdrawn')"
        ]

    def test_a_json_file_places_the_problem_at_its_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """In a whole JSON file the hint is at the line of the version-1 key."""
        path = tmp_path / "party.json"
        path.write_text(json.dumps(COALITION, indent=2), encoding="utf-8")
        assert main(["validate", "--type", "Party", str(path)]) == 1
        assert capsys.readouterr().out.splitlines()[0] == (
            f"{path}:6: members[0]: must be an object (Membership), got string "
            f"'france' {CLI_HINT}"
        )
        assert (
            main(["validate", "--type", "Party", "--schema-version", "1", str(path)])
            == 0
        )

    def test_a_negotiation_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A negotiation's own version must be the one given."""
        assert main(["validate", "--schema-version", "1", str(VERSION_1_FILE)]) == 0
        assert main(["validate", "--schema-version", "2", str(VERSION_1_FILE)]) == 1
        assert "the document says 1" in capsys.readouterr().out

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["--schema-version", "3"], "3 is newer than this library understands"),
            (["--schema-version", "one"], "'one': not a number"),
            (
                ["--type", "Vote", "--schema-version", "1"],
                "a Vote is new in format version 2",
            ),
        ],
    )
    def test_usage_errors(
        self,
        ultimatums: Path,
        argv: list[str],
        message: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A version or a type that cannot be read is a usage error, before any file."""
        assert main(["validate", *argv, str(ultimatums)]) == 2
        err = capsys.readouterr().err
        assert "argument --schema-version" in err
        assert message in err

    def test_a_type_no_negotiation_holds(
        self, ultimatums: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A record type of no negotiation document has no older version."""
        argv = ["validate", "--type", "TimelineEvent", "--schema-version", "1"]
        assert main([*argv, str(ultimatums)]) == 2
        assert (
            "no negotiation document holds a TimelineEvent" in capsys.readouterr().err
        )

    def test_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help describes the option."""
        assert main(["validate", "--help"]) == 0
        assert "--schema-version N" in capsys.readouterr().out
