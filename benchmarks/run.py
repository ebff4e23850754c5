"""
Performance of negotiation-records against pydantic v2 and msgspec.

Run it from the project root with ``python benchmarks/run.py`` (after
``pip install -e . --group bench``, pip 25.1+).  It prints a table of medians and ratios with
the targets of the performance issue, and exits 0: it is a measurement, not a
test.  See ``benchmarks/README.md`` for what each row measures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import attrs
import msgspec
from models import (
    MsgNegotiation,
    MsgParty,
    MsgRepresentative,
    PNegotiation,
    PParty,
    PRepresentative,
)
from reference import build_reference, reference_party

from negotiation_records import (
    Negotiation,
    Party,
    PartyKind,
    PartyRole,
    from_json,
    to_json,
    write_jsonl,
)


ROOT = Path(__file__).resolve().parent.parent

#: What each measure must reach (a ratio, or MB, or bytes).
TARGETS = {
    "decode": 3.0,
    "encode": 1.2,
    "round trip": 2.5,
    "import": 1.25,
    "read_jsonl MB": 50.0,
    "bytes per Party": 100.0,
}

Timer = Callable[[], object]


# --- timing in one process -------------------------------------------------------------


def _calibrate(func: Timer, least: float) -> int:
    """How many calls take at least *least* seconds."""
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            func()
        if time.perf_counter() - start >= least:
            return number
        number *= 2


def _sample(func: Timer, number: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(number):
        func()
    return (time.perf_counter() - start) / number


def interleaved(
    cases: dict[str, dict[str, Timer]], rounds: int, least: float
) -> dict[str, dict[str, float]]:
    """
    Median seconds per call of every function, sampled in interleaved rounds.

    Each round times every function of every case once (``number`` calls,
    calibrated to take at least *least* seconds), so that a slow moment of the
    machine hits all of them alike.
    """
    numbers = {
        (case, lib): _calibrate(func, least)
        for case, funcs in cases.items()
        for lib, func in funcs.items()
    }
    samples: dict[tuple[str, str], list[float]] = {key: [] for key in numbers}
    for _ in range(rounds):
        for case, funcs in cases.items():
            for lib, func in funcs.items():
                samples[case, lib].append(_sample(func, numbers[case, lib]))
    result: dict[str, dict[str, float]] = {}
    for (case, lib), values in samples.items():
        result.setdefault(case, {})[lib] = statistics.median(values)
    return result


# --- import time, in fresh interpreters ------------------------------------------------------

_IMPORT_SNIPPET = """\
import time
start = time.perf_counter()
{statement}
print(time.perf_counter() - start)
"""

IMPORTS = {
    "library": "import negotiation_records",
    "baseline": "import attrs, cattrs, pendulum",
    "first use": "from negotiation_records import Negotiation, from_json, to_json",
}


def _import_env(cache: str) -> dict[str, str]:
    """The environment for the import runs: bytecode cached, as after ``pip install``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def _import_once(statement: str, env: dict[str, str]) -> float:
    out = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", _IMPORT_SNIPPET.format(statement=statement)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip())


def import_times(runs: int) -> dict[str, tuple[float, float]]:
    """
    Median and fastest seconds of each import statement of :data:`IMPORTS`, each
    in a fresh interpreter, interleaved, after two warm-up runs that write the
    bytecode cache.  (Start-up time only ever suffers from a busy machine, so the
    fastest run is shown beside the median.)
    """
    with tempfile.TemporaryDirectory() as cache:
        env = _import_env(cache)
        for statement in IMPORTS.values():
            for _ in range(2):
                _import_once(statement, env)
        samples: dict[str, list[float]] = {name: [] for name in IMPORTS}
        for _ in range(runs):
            for name, statement in IMPORTS.items():
                samples[name].append(_import_once(statement, env))
    return {
        name: (statistics.median(values), min(values))
        for name, values in samples.items()
    }


# --- memory of read_jsonl, in a fresh interpreter -------------------------------------------

_RSS_HELPERS = """\
import resource, sys

def status_kb(key):
    # VmRSS/VmHWM of this process (Linux); ru_maxrss elsewhere.  ru_maxrss is
    # not used on Linux: it survives exec, so it starts at the parent's size.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")  # resets VmHWM to the current RSS (Linux 4.0+)
    except OSError:
        pass
"""

_MEMORY_SNIPPET = (
    _RSS_HELPERS
    + """\
import time
from negotiation_records import Party, read_jsonl

count = sum(1 for _ in read_jsonl(Party, sys.argv[2]))  # warm up: hooks, caches
reset_peak()
before = status_kb("VmRSS")
count = 0
start = time.perf_counter()
for party in read_jsonl(Party, sys.argv[1]):
    count += 1
print(before, status_kb("VmHWM"), count, time.perf_counter() - start)
"""
)

_BARE_SNIPPET = _RSS_HELPERS + 'print(status_kb("VmHWM"))\n'


def _parties(count: int) -> Iterator[Party]:
    template = reference_party()
    for index in range(count):
        yield attrs.evolve(template, id=f"party-{index:06d}")


def jsonl_memory(sizes: tuple[int, ...]) -> dict[int, tuple[float, float, float]]:
    """
    For each number of lines: (peak RSS while reading, RSS before reading with
    the library loaded and warmed up, seconds per line); sizes in MB.
    """
    result: dict[int, tuple[float, float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp, "warm.jsonl")
        write_jsonl(_parties(100), warm)
        for size in sizes:
            path = Path(tmp, f"parties-{size}.jsonl")
            write_jsonl(_parties(size), path)
            out = subprocess.run(  # noqa: S603 - this interpreter, our own code
                [sys.executable, "-c", _MEMORY_SNIPPET, str(path), str(warm)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            words = out.stdout.split()
            before, peak, count = (int(word) for word in words[:3])
            elapsed = float(words[3])
            assert count == size, (count, size)
            result[size] = (peak / 1024, before / 1024, elapsed / size)
            path.unlink()
    return result


def bare_interpreter_mb() -> float:
    """Peak RSS of an interpreter that imports nothing, in MB."""
    out = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", _BARE_SNIPPET],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout) / 1024


# --- bytes per instance -----------------------------------------------------------------


def instance_bytes() -> dict[str, tuple[int, int]]:
    """
    (bytes of the instance itself, bytes beyond one 8-byte reference per field)
    for a Party in each library.  Field values are not counted: they are the same
    strings, tuples and enums in all three.
    """
    ours = reference_party()
    fields = len(attrs.fields(Party))
    assert not hasattr(ours, "__dict__"), "records must be slotted"
    own = sys.getsizeof(ours)

    model = PParty.model_validate_json(to_json(ours))
    theirs = (
        sys.getsizeof(model)
        + sys.getsizeof(model.__dict__)
        + sys.getsizeof(model.__pydantic_fields_set__)
    )
    struct = msgspec.json.decode(to_json(ours), type=MsgParty)
    packed = sys.getsizeof(struct)
    return {
        "ours": (own, own - 8 * fields),
        "pydantic": (theirs, theirs - 8 * fields),
        "msgspec": (packed, packed - 8 * fields),
    }


# --- the cases ----------------------------------------------------------------------------


def _party_kwargs(rep: Callable[..., Any]) -> dict[str, Any]:
    return {
        "id": "ukraine",
        "name": "Ukraine",
        "kind": PartyKind.STATE,
        "role": PartyRole.PRINCIPAL,
        "country": "UA",
        "wikidata": "Q212",
        "aliases": ("Kyiv",),
        "representatives": (
            rep(name="Volodymyr Zelenskyy", role="President of Ukraine"),
            rep(name="Rustem Umerov", role="Head of the Ukrainian delegation"),
        ),
        "sources": ("tis-2025-07-19",),
    }


def _cycle(items: list[Any]) -> Iterator[Any]:
    while True:
        yield from items


def distinct_documents(data: bytes, count: int) -> list[bytes]:
    """*count* versions of the reference document, each with its own title and
    notes, so that nothing read from one can serve another."""
    record = from_json(Negotiation, data)
    return [
        to_json(
            attrs.evolve(
                record, title=f"{record.title} #{index}", notes=f"copy {index}"
            )
        ).encode()
        for index in range(count)
    ]


def timing_cases(data: bytes) -> dict[str, dict[str, Timer]]:
    """The functions timed in one process, by case and library."""
    from negotiation_records import Representative

    record = from_json(Negotiation, data)
    model = PNegotiation.model_validate_json(data)
    decoder = msgspec.json.Decoder(MsgNegotiation)
    encoder = msgspec.json.Encoder()
    struct = decoder.decode(data)
    ours_party = _party_kwargs(Representative)
    pydantic_party = _party_kwargs(PRepresentative)
    msgspec_party = _party_kwargs(MsgRepresentative)
    validate = PNegotiation.model_validate_json
    # Cold work: distinct documents, each read once per round, and records
    # built in Python for each call (no two calls see the same objects).
    documents = distinct_documents(data, 300)
    next_document = iter(_cycle(documents)).__next__
    fresh_ours = [from_json(Negotiation, text) for text in documents]
    fresh_pydantic = [validate(text) for text in documents]
    next_ours = iter(_cycle(fresh_ours)).__next__
    next_pydantic = iter(_cycle(fresh_pydantic)).__next__
    return {
        "decode": {
            "ours": lambda: from_json(Negotiation, data),
            "pydantic": lambda: validate(data),
            "msgspec": lambda: decoder.decode(data),
        },
        "decode, distinct documents": {
            "ours": lambda: from_json(Negotiation, next_document()),
            "pydantic": lambda: validate(next_document()),
            "msgspec": lambda: decoder.decode(next_document()),
        },
        "encode": {
            "ours": lambda: to_json(record),
            "pydantic": model.model_dump_json,
            "msgspec": lambda: encoder.encode(struct),
        },
        "encode, distinct records": {
            "ours": lambda: to_json(next_ours()),
            "pydantic": lambda: next_pydantic().model_dump_json(),
            "msgspec": lambda: encoder.encode(struct),
        },
        "round trip": {
            "ours": lambda: to_json(from_json(Negotiation, data)),
            "pydantic": lambda: validate(data).model_dump_json(),
            "msgspec": lambda: encoder.encode(decoder.decode(data)),
        },
        "Party()": {
            "ours": lambda: Party(**ours_party),
            "pydantic": lambda: PParty(**pydantic_party),
            "msgspec": lambda: MsgParty(**msgspec_party),
        },
    }


def check_equivalent(data: bytes) -> None:
    """The three libraries read and write the same document (as JSON data)."""
    expected = json.loads(data)
    model = PNegotiation.model_validate_json(data)
    struct = msgspec.json.decode(data, type=MsgNegotiation)
    assert json.loads(model.model_dump_json()) == expected, "pydantic differs"
    assert json.loads(msgspec.json.encode(struct)) == expected, "msgspec differs"
    assert to_json(from_json(Negotiation, data)).encode() == data, "not stable"


# --- report ------------------------------------------------------------------------------


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def versions() -> str:
    """The versions of everything measured."""
    names = ["attrs", "cattrs", "pendulum", "pydantic", "pydantic-core", "msgspec"]
    names.append("orjson")
    parts = [f"Python {platform.python_version()}"]
    parts += [f"{name} {_version(name)}" for name in names]
    return ", ".join(parts)


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs"


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms"


def _verdict(value: float, target: float) -> str:
    return "yes" if value <= target else "NO"


def report(args: argparse.Namespace) -> list[list[str]]:
    """Run every measurement and return the rows of the table."""
    data = to_json(build_reference()).encode()
    check_equivalent(data)
    rows: list[list[str]] = []

    timed = interleaved(timing_cases(data), args.rounds, args.least)
    for case in (
        "decode",
        "decode, distinct documents",
        "encode",
        "encode, distinct records",
        "round trip",
        "Party()",
    ):
        found = timed[case]
        ratio = found["ours"] / found["pydantic"]
        target = TARGETS.get(case)
        rows.append(
            [
                case,
                _us(found["ours"]),
                _us(found["pydantic"]),
                _us(found["msgspec"]),
                f"{ratio:.2f}x pydantic, {found['ours'] / found['msgspec']:.1f}x msgspec",
                "-" if target is None else f"≤ {target}x",
                "-" if target is None else _verdict(ratio, target),
            ]
        )

    imports = import_times(args.import_runs)
    (library, library_min), (baseline, baseline_min) = (
        imports["library"],
        imports["baseline"],
    )
    ratio = library / baseline
    rows.append(
        [
            "import",
            _ms(library),
            f"attrs+cattrs+pendulum {_ms(baseline)}",
            "",
            f"{ratio:.2f}x (fastest runs: {library_min / baseline_min:.2f}x)",
            f"≤ {TARGETS['import']}x",
            _verdict(ratio, TARGETS["import"]),
        ]
    )
    first, first_min = imports["first use"]
    rows.append(
        [
            "import + to/from_json",
            _ms(first),
            "",
            "",
            f"{first / baseline:.2f}x (fastest runs: {first_min / baseline_min:.2f}x)",
            "-",
            "-",
        ]
    )

    bare = bare_interpreter_mb()
    memory = jsonl_memory(tuple(args.lines))
    for size, (peak, loaded, per_line) in memory.items():
        above = peak - bare
        rows.append(
            [
                f"read_jsonl {size:,} lines",
                f"peak {above:.1f} MB above the interpreter",
                f"(bare interpreter {bare:.1f} MB; library loaded {loaded:.1f} MB; "
                f"growth while reading {peak - loaded:+.1f} MB)",
                "",
                _us(per_line) + " a line",
                f"< {TARGETS['read_jsonl MB']:.0f} MB, flat",
                _verdict(above, TARGETS["read_jsonl MB"]),
            ]
        )

    sizes = instance_bytes()
    own, beyond = sizes["ours"]
    rows.append(
        [
            "bytes per Party",
            f"{beyond} B beyond fields ({own} B in all)",
            f"{sizes['pydantic'][1]} B ({sizes['pydantic'][0]} B)",
            f"{sizes['msgspec'][1]} B ({sizes['msgspec'][0]} B)",
            "",
            f"≤ {TARGETS['bytes per Party']:.0f} B",
            _verdict(beyond, TARGETS["bytes per Party"]),
        ]
    )
    return rows


HEADER = [
    "measure",
    "negotiation-records",
    "pydantic v2",
    "msgspec",
    "ratio",
    "target",
    "met",
]


def render(rows: list[list[str]]) -> str:
    """The rows as a Markdown table."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def add_timing_options(parser: argparse.ArgumentParser) -> None:
    """The options of :func:`interleaved`: ``--rounds`` and ``--least``."""
    parser.add_argument(
        "--rounds", type=int, default=15, help="interleaved rounds (default 15)"
    )
    parser.add_argument(
        "--least",
        type=float,
        default=0.05,
        help="seconds one timing sample lasts at least (default 0.05)",
    )


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_timing_options(parser)
    parser.add_argument(
        "--import-runs",
        type=int,
        default=25,
        help="fresh interpreters per import statement (default 25)",
    )
    parser.add_argument(
        "--lines",
        type=int,
        nargs="+",
        default=[10_000, 100_000],
        help="JSON Lines sizes for the memory runs (default 10000 100000)",
    )
    args = parser.parse_args(argv)
    print(versions())
    print(f"reference document: {len(to_json(build_reference()).encode()):,} bytes")
    print(render(report(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
