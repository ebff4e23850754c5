"""
What each optimisation buys: decode and encode of the reference record with one
optimisation switched off at a time, against all of them on, in one process.

Run it from the project root with ``python benchmarks/ablation.py`` (after
``pip install -e . --group bench``, pip 25.1+).  Every variant reads and writes the very same
JSON (checked before timing); the table gives each variant's median and how
much slower it is than the library as shipped.  See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn
from reference import build_reference
from run import Timer, add_timing_options, interleaved, versions

from negotiation_records import (
    Negotiation,
    _fastjson,
    _validators,
    format_moment,
    from_json,
    make_converter,
    serialization,
    to_dict,
    to_json,
)
from negotiation_records.migrations import SCHEMA_VERSION
from negotiation_records.timeutil import parse_moment


# --- switches: each turns one optimisation off while it is active -----------------------


@contextlib.contextmanager
def _patched(owner: object, name: str, value: object) -> Iterator[None]:
    """Set *owner*'s attribute *name* to *value* while the context is active."""
    old = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, old)


def _without_orjson() -> contextlib.AbstractContextManager[None]:
    return _patched(_fastjson, "AVAILABLE", value=False)


def _without_moment_cache() -> contextlib.AbstractContextManager[None]:
    return _patched(serialization, "_parse_moment_cached", parse_moment)


def _fresh_checks() -> None:
    """Forget the compiled checks and validators, so that they are built anew."""
    _validators._FAST.clear()
    _validators._VALIDATORS.clear()


def _converter_built(
    data: bytes, *switches: contextlib.AbstractContextManager[None]
) -> tuple[cattrs.Converter, dict[type, Callable[[Any], None]]]:
    """
    A new converter whose record hooks are all built (and bound to the record
    checks) while *switches* are active, and the record validators built then;
    the library's state is restored after.
    """
    with contextlib.ExitStack() as stack:
        for switch in switches:
            stack.enter_context(switch)
        _fresh_checks()
        conv = make_converter()
        to_json(from_json(Negotiation, data, converter=conv), converter=conv)
        validators = dict(_validators._VALIDATORS)
    _fresh_checks()
    return conv, validators


def _cattrs_unstructure(
    cls: type[Any], conv: cattrs.BaseConverter
) -> Callable[[Any], dict[str, Any]]:
    """cattrs' own generated unstructure function (a version key for a Negotiation)."""
    inner = make_dict_unstructure_fn(cls, conv)
    if cls is not Negotiation:
        return inner

    def unstructure(value: Any) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **inner(value)}

    return unstructure


def _in(
    switch: Callable[[], contextlib.AbstractContextManager[None]], func: Timer
) -> Timer:
    def timed() -> object:
        with switch():
            return func()

    return timed


def variants(data: bytes) -> dict[str, dict[str, Timer]]:
    """The timed functions: for decode and encode, one per variant."""
    record = from_json(Negotiation, data)
    shipped = make_converter()  # given explicitly, as the variants' converters are
    no_checks, _ = _converter_built(
        data, _patched(_validators, "_COMPILED_CHECKS", value=False)
    )
    no_memo, _ = _converter_built(
        data, _patched(_validators, "_REMEMBER_MATCHES", value=False)
    )
    cattrs_structure, _ = _converter_built(
        data, _patched(serialization, "_compiled_structure", lambda *_: None)
    )
    cattrs_unstructure, _ = _converter_built(
        data,
        _patched(serialization, "_record_unstructure_factory", _cattrs_unstructure),
    )
    uncached_writing, _ = _converter_built(
        data,
        _patched(serialization, "_write_datetime", format_moment),
    )
    everything_off, slow_validators = _converter_built(
        data,
        _patched(_validators, "_COMPILED_CHECKS", value=False),
        _patched(serialization, "_compiled_structure", lambda *_: None),
        _patched(serialization, "_record_unstructure_factory", _cattrs_unstructure),
    )

    def slow_checks() -> contextlib.AbstractContextManager[None]:
        # cattrs' hooks call the classes, whose validation looks the validators up
        return _patched(_validators, "_VALIDATORS", slow_validators)

    def load(conv: cattrs.Converter | None = None) -> Timer:
        return lambda: from_json(Negotiation, data, converter=conv)

    def dump(conv: cattrs.Converter | None = None) -> Timer:
        return lambda: to_json(record, converter=conv)

    def cold(func: Timer) -> Timer:
        # what a document never seen before gets: only its own repeats are shared
        def timed() -> object:
            serialization._parse_moment_cached.cache_clear()
            return func()

        return timed

    def cold_writing(func: Timer) -> Timer:
        # what a record written for the first time gets
        def timed() -> object:
            serialization._WRITTEN.clear()
            return func()

        return timed

    def searching() -> contextlib.AbstractContextManager[None]:
        # as if the small floats were not counted: orjson's output is searched
        return _patched(serialization, "_written_by_counting_hooks", lambda *_: False)

    def all_off(func: Timer) -> Timer:
        return _in(_without_orjson, _in(_without_moment_cache, _in(slow_checks, func)))

    return {
        "decode": {
            "as shipped": load(),
            "without orjson (stdlib json)": _in(_without_orjson, load()),
            "without the moment cache": _in(_without_moment_cache, load()),
            "moment cache emptied before each call": cold(load()),
            "as shipped, converter given": load(shipped),
            "without compiled field checks (converter given)": load(no_checks),
            "without the id memo (converter given)": load(no_memo),
            "cattrs' structure hooks (converter given)": load(cattrs_structure),
            "all of these off (converter given)": all_off(load(everything_off)),
        },
        "encode": {
            "as shipped": dump(),
            "without orjson (stdlib json)": _in(_without_orjson, dump()),
            "searching orjson's output for small numbers": _in(searching, dump()),
            "written-moment cache emptied before each call": cold_writing(dump()),
        },
        "to_dict": {
            "as shipped": lambda: to_dict(record),
            "written-moment cache emptied before each call": cold_writing(
                lambda: to_dict(record)
            ),
            "as shipped, converter given": lambda: to_dict(record, converter=shipped),
            "without the written-moment cache (converter given)": lambda: to_dict(
                record, converter=uncached_writing
            ),
            "cattrs' unstructure hooks (converter given)": lambda: to_dict(
                record, converter=cattrs_unstructure
            ),
        },
    }


def check_same_output(data: bytes, cases: dict[str, dict[str, Timer]]) -> None:
    """Every variant reads the same record and writes the same JSON."""
    expected = from_json(Negotiation, data)
    for name, func in cases["decode"].items():
        assert func() == expected, name
    text = to_json(expected)
    for name, func in cases["encode"].items():
        assert func() == text, name
    plain = to_dict(expected)
    for name, func in cases["to_dict"].items():
        assert json.dumps(func()) == json.dumps(plain), name


def render(timed: dict[str, dict[str, float]]) -> str:
    """A Markdown table: each variant's median and its ratio to its baseline."""
    lines = ["| case | variant | median | ÷ baseline |", "|---|---|---|---|"]
    for case, found in timed.items():
        for variant, seconds in found.items():
            base = found["as shipped"]
            if "converter given" in variant:  # compared with the same call
                base = next(
                    found[name]
                    for name in found
                    if name.startswith("as shipped, converter given")
                )
            ratio = seconds / base
            shown = re.sub(r" \(converter given\)$", "", variant)
            lines.append(
                f"| {case} | {shown} | {seconds * 1e6:,.1f} µs | {ratio:.2f}x |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure every variant, print the table, exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_timing_options(parser)
    args = parser.parse_args(argv)
    data = to_json(build_reference()).encode()
    cases = variants(data)
    check_same_output(data, cases)
    print(versions())
    print(render(interleaved(cases, args.rounds, args.least)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
