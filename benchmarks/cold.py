"""
Cold work: what users do, each input seen once.

* *decode, distinct documents*: 200 versions of the reference document, each
  with its own title and notes, each read once per round;
* *encode, records built in Python*: 200 reference records built by
  ``build_reference()`` (separate objects), each written once per round;
* *10,000 invalid parties*: one document whose 10,000 parties each have a bad
  ``kind``, refused with every problem;
* *40,000-character URL*: a source whose URL ends in a space, refused;
* *per item, 10,000 ÷ 1,000 statements*: ``from_json`` and ``to_json`` time per
  statement of a negotiation of 10,000 statements over one of 1,000;
* *per statement, distinct timestamps*: ``from_json`` time per statement of
  three negotiations of 5,000 statements each, every statement said at its
  own minute, in one of five zones (UTC among them), as a long file of
  statements from a news wire is;
* *per item, content of both formats*: the time each added condition or source
  costs ``from_json`` and ``to_json`` (``to_json`` of the records just read),
  on 100 distinct documents holding the reference record's parties and ten
  copies of its conditions and sources, less the time of one copy. These are
  written alike in format versions 1 and 2, so the rows compare versions of the
  library on equal content; once with every copy's times of day distinct, once
  with the copies repeating the same texts;
* *deadline queries, per deadline of a record just loaded*: the time of
  ``all_upcoming_deadlines`` and ``all_expired_deadlines`` at one moment,
  per deadline, on a negotiation of 1,000 ultimatums, 1,000 milestones and
  1,000 agreements (due on days in five zones over four months, about half
  of them run out) read from its text just before, a new copy each pass;
* *read_jsonl per line*: ``read_jsonl`` of a file of 5,000 parties (the
  reference party under its own id and name on each line, as
  ``targets.py`` reads them) and of a file of 5,000 statements, each said
  at its own minute in one of five zones with its own text;
* *validate per line*: the same two files read as ``negotiation-records
  validate`` reads them (its reader, which carries on past a bad line),
  without the printing.
* *a truce that lapsed and was extended 150 times*: an agreement in force
  for 30 days, expired at each expiry and extended two days later, built
  by its methods (``with_status``, ``extend``: each step checks the whole
  record again), and the finished record read from its text
  (``from_json``).

Run it alone (``python benchmarks/cold.py``) for the library that is installed,
or with ``--compare OLD_TREE`` to run it, interleaved, for the checkout in
OLD_TREE and for the checkout the script is in (each in its own interpreter,
several times, medians shown; each tree's library comes first on the path,
whichever one is installed): the before and after of a change, in one run.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import attrs
import pendulum
from reference import build_reference, reference_party

from negotiation_records import (
    Agreement,
    Deadline,
    Negotiation,
    Party,
    Source,
    Statement,
    ValidationError,
    from_json,
    read_jsonl,
    to_json,
    write_jsonl,
)
from negotiation_records._cli_read import read_records


HERE = Path(__file__).resolve().parent


def _forgetting() -> Callable[[], None]:
    """
    A function that empties the caches an older version of the library keeps of
    input it has seen (parsed moment texts, matched ids, written moments), so
    that the same bytes read again count as new, as a corpus read once would.
    The current version keeps no such cache: it does nothing then.
    """
    from negotiation_records import serialization

    clears: list[Callable[[], Any]] = []
    cached = getattr(serialization, "_parse_moment_cached", None)
    if cached is not None:
        clears.append(cached.cache_clear)
    written = getattr(serialization, "_WRITTEN", None)
    if written is not None:
        clears.append(written.clear)
    try:  # an older version's module
        validators = importlib.import_module("negotiation_records._validators")
    except ImportError:
        pass
    else:
        clears += [matched.clear for matched in validators._MATCHED.values()]

    def forget() -> None:
        for clear in clears:
            clear()

    return forget


def _per_call(function: Callable[[], Any], calls: int, passes: int = 1) -> float:
    """Seconds per call: the best of *passes* passes of *calls* calls."""
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        for _ in range(calls):
            function()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def _cycle(items: list[Any]) -> Callable[[], Any]:
    state = {"i": 0}

    def next_item() -> Any:
        state["i"] = (state["i"] + 1) % len(items)
        return items[state["i"]]

    return next_item


def _statements(count: int) -> Negotiation:
    base = build_reference()
    said = base.statements[0]
    items = [
        attrs.evolve(said, id=f"s-{index}", text=f"{said.text} ({index})")
        for index in range(count - len(base.statements))
    ]
    return attrs.evolve(base, statements=[*base.statements, *items])


def _timestamped_statements(count: int, batch: int) -> Negotiation:
    """The reference record with *count* statements, each said at its own minute."""
    base = build_reference()
    said = base.statements[0]
    zones = ("Europe/Kyiv", "Europe/Moscow", "Europe/Istanbul", "America/New_York")
    start = pendulum.datetime(2025, 1, 1, tz="UTC")
    items = [
        attrs.evolve(
            said,
            id=f"s-{index}",
            said_on=start.add(minutes=37 * index + batch).in_tz(
                zones[index % 5] if index % 5 < 4 else "UTC"
            ),
            text=f"{said.text} ({index})",
        )
        for index in range(count)
    ]
    return attrs.evolve(base, statements=[*base.statements, *items])


def _shared_content(
    reference: Negotiation, copies: int, repeat_moments: bool
) -> list[bytes]:
    """
    100 distinct documents of *reference*'s parties and *copies* copies of its
    conditions and sources (content that format versions 1 and 2 write alike).
    """
    base = json.loads(to_json(reference))
    for key in ("proposals", "rounds", "ultimatums", "statements"):
        base[key] = []
    for condition in base["conditions"]:
        for position in condition["positions"]:
            position["statement"] = None  # no statements here

    def moment(text: str | None, copy: int) -> str | None:
        if repeat_moments or text is None or "T" not in text:
            return text
        return text[:17] + f"{copy % 60:02d}" + text[19:]  # the seconds

    documents = []
    for number in range(100):
        document = dict(base, title=f"{base['title']} #{number}")
        document["conditions"] = [
            dict(condition, id=f"{condition['id']}-{copy}")
            for copy in range(copies)
            for condition in base["conditions"]
        ]
        document["sources"] = base["sources"] + [
            dict(
                source,
                id=f"{source['id']}-{copy}",
                published=moment(source["published"], copy),
                accessed=moment(source["accessed"], copy),
            )
            for copy in range(1, copies)
            for source in base["sources"]
        ]
        documents.append(json.dumps(document).encode())
    return documents


def _deadline_records(count: int) -> Negotiation:
    """*count* ultimatums, milestones and agreements, due on days in five zones."""
    from negotiation_records import (
        Agreement,
        Deadline,
        Milestone,
        Party,
        Ultimatum,
    )

    zones = ("UTC", "America/New_York", "Europe/Kyiv", "Asia/Tokyo", "Pacific/Apia")
    set_on = pendulum.date(2025, 7, 1)
    ultimatums, milestones, agreements = [], [], []
    for index in range(count):
        due = pendulum.date(2025, 8, 1).add(days=index % 120)
        deadline = Deadline.on(due, tz=zones[index % len(zones)])
        ultimatum = Ultimatum(
            id=f"u-{index}",
            issued_by="a",
            addressed_to=["b"],
            issued_at=set_on,
            demand="Comply",
            deadline=deadline,
        )
        milestone = Milestone(
            id=f"m-{index}", title="Clock", set_on=set_on, deadline=deadline
        )
        agreement = (
            Agreement(
                id=f"g-{index}", title="Truce", stage="ceasefire", expires=deadline
            )
            .with_status("signed", on=set_on)
            .with_status("in-force", on=set_on)
        )
        if index % 2:  # run out, and marked so on the due day
            ultimatum = ultimatum.expire(on=due)
            milestone = milestone.with_status("missed", on=due)
            agreement = agreement.with_status("expired", on=due)
        ultimatums.append(ultimatum)
        milestones.append(milestone)
        agreements.append(agreement)
    return Negotiation(
        id="clocks",
        title="Clocks",
        parties=[
            Party(id="a", name="A", kind="state"),
            Party(id="b", name="B", kind="state"),
        ],
        ultimatums=ultimatums,
        milestones=milestones,
        agreements=agreements,
    )


def _lapsing_truce(lapses: int) -> Agreement:
    """A 30-day truce that lapses at each expiry and is extended two days later."""
    start = pendulum.date(2025, 7, 1)
    truce = Agreement(
        id="truce",
        title="Thirty-day truce",
        stage="ceasefire",
        expires=Deadline.after(start, days=30),
    )
    truce = truce.with_status("signed", on=start).with_status("in-force", on=start)
    for _ in range(lapses):
        truce = truce.with_status("expired")
        assert truce.expires is not None
        renewed = truce.expires.due.add(days=2)
        truce = truce.extend(Deadline.after(renewed, days=30), on=renewed)
    return truce


def _deadline_queries(count: int, passes: int) -> float:
    """Seconds per deadline of both deadline queries on a record just loaded."""
    text = to_json(_deadline_records(count))
    at = pendulum.datetime(2025, 10, 1, 12, tz="UTC")
    best = float("inf")
    for _ in range(passes):
        talks = from_json(Negotiation, text)  # untimed: a new copy, never asked
        start = time.perf_counter()
        talks.all_upcoming_deadlines(at)
        talks.all_expired_deadlines(at)
        best = min(best, time.perf_counter() - start)
    return best / (3 * count)


def _forget_then(
    forget: Callable[[], None], work: Callable[..., Any], *args: Any
) -> None:
    """Forget, then do *work* with *args*, the last one a ``_cycle`` of items."""
    *fixed, next_item = args
    forget()
    work(*fixed, next_item())


def _per_item_of_shared_content(
    reference: Negotiation, forget: Callable[[], None], repeat_moments: bool
) -> dict[str, float]:
    """Seconds per added condition or source, to read and to write."""
    seconds: dict[tuple[str, int], float] = {}
    for copies in (1, 10):
        documents = _shared_content(reference, copies, repeat_moments)
        records = [from_json(Negotiation, text) for text in documents]
        seconds["read", copies] = _per_call(
            functools.partial(
                _forget_then, forget, from_json, Negotiation, _cycle(documents)
            ),
            100,
            5,
        )
        seconds["write", copies] = _per_call(
            functools.partial(_forget_then, forget, to_json, _cycle(records)), 100, 5
        )
    items = 9 * (len(reference.conditions) + len(reference.sources))
    moments = "repeated" if repeat_moments else "distinct"
    return {
        f"{direction} per item, content of both formats, {moments} times": (
            seconds[direction, 10] - seconds[direction, 1]
        )
        / items
        for direction in ("read", "write")
    }


def _jsonl_rows(folder: Path, lines: int) -> dict[str, float]:
    """
    ``read_jsonl`` seconds per line, and the command line's reader's, of two
    files of *lines* lines: parties
    (the reference party under its own id and name on each line, as the
    targets' row reads them), and statements each said at its own minute in
    one of five zones, with its own text, by one of the reference record's
    speakers: a long file of statements from a news wire.
    """
    party = reference_party()
    parties = folder / "parties.jsonl"
    write_jsonl(
        (
            attrs.evolve(party, id=f"p-{index}", name=f"{party.name} {index}")
            for index in range(lines)
        ),
        parties,
    )
    statements = folder / "statements.jsonl"
    write_jsonl(_timestamped_statements(lines, 0).statements, statements)
    found = {}
    for name, cls, path in (
        ("parties", Party, parties),
        ("statements each at its own minute", Statement, statements),
    ):

        def read(cls: type[Any] = cls, path: Path = path) -> None:
            for _ in read_jsonl(cls, path):
                pass

        def validate(cls: type[Any] = cls, path: Path = path) -> None:
            for _ in read_records(str(path), cls, _Quiet()):
                pass

        found[f"read_jsonl per line, {name}"] = _per_call(read, 1, 5) / lines
        found[f"validate per line, {name}"] = _per_call(validate, 1, 5) / lines
    return found


class _Quiet:
    """
    Where ``read_records`` draws no progress bar: no terminal.  Versions from
    December 2026 take the command's output (its ``err`` and ``showing``),
    earlier ones its standard error (``isatty``); this is both.
    """

    err: TextIO = io.StringIO()

    def isatty(self) -> bool:
        return False

    def showing(self, console: Any) -> None:
        pass


def measure() -> dict[str, float]:
    """Seconds per call of each cold workload (for the installed library)."""
    reference = build_reference()
    documents = [
        to_json(
            attrs.evolve(reference, title=f"{reference.title} #{i}", notes=f"copy {i}")
        ).encode()
        for i in range(200)
    ]
    records = [build_reference() for _ in range(200)]
    found: dict[str, float] = {}
    next_document = _cycle(documents)
    forget = _forgetting()
    found["decode, distinct documents"] = _per_call(
        lambda: (forget(), from_json(Negotiation, next_document())), 200, 5
    )
    next_record = _cycle(records)
    found["encode, records built in Python"] = _per_call(
        lambda: (forget(), to_json(next_record())), 200, 5
    )
    bad = json.loads(documents[0])
    party = bad["parties"][0]
    bad["parties"] = [
        dict(party, id=f"p-{i}", kind="stat", representatives=[]) for i in range(10_000)
    ]
    for key in ("rounds", "conditions", "proposals", "ultimatums", "statements"):
        bad[key] = []
    bad_text = json.dumps(bad)

    def refuse() -> None:
        try:
            from_json(Negotiation, bad_text)
        except ValidationError as exc:
            if len(exc.errors) != 10_000:
                raise RuntimeError("not every problem was reported") from exc

    found["10,000 invalid parties, all reported"] = _per_call(refuse, 3)
    url = "https://" + "a" * 40_000 + " "

    def refuse_url() -> None:
        try:
            Source(id="s", publisher="P", url=url)
        except ValueError:
            return

    found["40,000-character URL refused"] = _per_call(refuse_url, 1)
    for direction in ("from_json", "to_json"):
        per_item = []
        for count in (1_000, 10_000):
            record = _statements(count)
            text = to_json(record)
            work = (
                functools.partial(from_json, Negotiation, text)
                if direction == "from_json"
                else functools.partial(to_json, record)
            )
            seconds = _per_call(work, 3)
            per_item.append(seconds / count)
        found[f"per item {direction}, 10,000 / 1,000 statements"] = (
            per_item[1] / per_item[0]
        )
    timestamped = [to_json(_timestamped_statements(5_000, batch)) for batch in range(3)]
    next_timestamped = _cycle(timestamped)
    found["per statement, distinct timestamps"] = (
        _per_call(lambda: (forget(), from_json(Negotiation, next_timestamped())), 3, 3)
        / 5_000
    )
    for repeat_moments in (False, True):
        found.update(_per_item_of_shared_content(reference, forget, repeat_moments))
    found["deadline queries, per deadline of a record just loaded"] = _deadline_queries(
        1_000, 5
    )
    with tempfile.TemporaryDirectory() as folder:
        found.update(_jsonl_rows(Path(folder), 5_000))
    found["a truce lapsed and extended 150 times, built"] = _per_call(
        lambda: _lapsing_truce(150), 1, 3
    )
    truce_text = to_json(_lapsing_truce(150))
    found["a truce lapsed and extended 150 times, read"] = _per_call(
        lambda: from_json(Agreement, truce_text), 3, 3
    )
    return found


def _run_in(tree: Path | None) -> dict[str, float]:
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    out = subprocess.run(  # noqa: S603 - this interpreter, this script
        [sys.executable, str(Path(__file__)), "--json"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tree or HERE.parent,
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def _show(name: str, value: float) -> str:
    if name.startswith("per item"):
        return f"{value:.2f}"
    return f"{value * 1e3:.3f} ms" if value >= 1e-3 else f"{value * 1e6:.1f} µs"


def main(argv: list[str] | None = None) -> int:
    """Print the cold workloads' times (and those of OLD_TREE with --compare)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--compare", type=Path, metavar="OLD_TREE")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if args.json:
        print(json.dumps(measure()))
        return 0
    if args.compare is None:
        for name, value in measure().items():
            print(f"{name}: {_show(name, value)}")
        return 0
    old: list[dict[str, float]] = []
    new: list[dict[str, float]] = []
    for _ in range(args.runs):
        old.append(_run_in(args.compare.resolve()))
        new.append(_run_in(HERE.parent))  # this checkout, whatever is installed
    print("| workload | before | after | after ÷ before |")
    print("|---|---|---|---|")
    for name in new[0]:
        before = statistics.median(run[name] for run in old)
        after = statistics.median(run[name] for run in new)
        print(
            f"| {name} | {_show(name, before)} | {_show(name, after)} "
            f"| {after / before:.2f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
