"""
JSON text through orjson, when it is installed (the ``fast`` extra) — private.

The standard library's :mod:`json` is the reference: what it reads, refuses and
writes, with the settings of :mod:`negotiation_records.serialization`, is the
library's JSON.  orjson is used only where it gives the very same result; each
function here returns :data:`NOT_FAST` when it cannot vouch for that, and the
caller then uses :mod:`json`.

* :func:`loads` reads a document with orjson and keeps the result only if orjson
  writes it back *byte for byte* as it was given (less one final line feed,
  which both read as white space), compact or indented by two spaces: the
  forms that :func:`~negotiation_records.to_json` and
  :func:`~negotiation_records.write_jsonl` write, and that ``to_json(...,
  indent=2)`` and ``json.dumps(..., indent=2, ensure_ascii=False)`` write.
  Equal bytes prove that no key was repeated (orjson keeps the last of two,
  the library refuses them), that no number was out of range, rounded or
  spelled another way (``1E5``, ``-0``), and that no escape or white space
  other than orjson's own needed reading.  Any other text, valid or not, is
  left to :mod:`json`, which gives the exact messages.
* :func:`dumps` writes compact JSON, as UTF-8 bytes.  orjson refuses integers
  beyond 64 bits and lone surrogates (:mod:`json` writes them), and writes
  numbers smaller than ``1e-4`` otherwise (``0.00001`` where :mod:`json`
  writes ``1e-05``); output that may hold such a number is left to
  :mod:`json` (the serializer counts the ones its records write, and says when
  the output holds none).  orjson writes ``NaN`` and the infinities as
  ``null``, where :mod:`json` refuses them: output of data that may hold one
  (not the library's records, which cannot) and that holds a ``null`` is left
  to :mod:`json` too.

orjson before 3.12 wrote large floats without the exponent's sign (``1e16``
where :mod:`json` writes ``1e+16``); such an orjson is not used at all.
"""

from __future__ import annotations

import re
from typing import Any, Final


#: The first orjson release that writes every float as :mod:`json` does, but
#: for those below 1e-4 (see :func:`dumps`); the ``fast`` extra requires it.
FIRST_VERSION: Final = (3, 12)


def usable(module: Any) -> bool:
    """Whether *module*, an imported orjson, is of :data:`FIRST_VERSION` or later."""
    version = str(getattr(module, "__version__", ""))
    parts = re.match(r"(\d+)\.(\d+)", version)
    return parts is not None and (int(parts[1]), int(parts[2])) >= FIRST_VERSION


try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - the `fast` extra is installed in the tests
    _orjson = None  # type: ignore[assignment]
else:
    if not usable(_orjson):  # pragma: no cover - the tests install a recent one
        _orjson = None  # type: ignore[assignment]


__all__ = ["AVAILABLE", "FIRST_VERSION", "NOT_FAST", "dumps", "loads", "usable"]

AVAILABLE: Final = _orjson is not None
"""Whether orjson is installed, recent enough, and used."""

NOT_FAST: Final = object()
"""Returned when orjson's answer might differ from :mod:`json`'s."""


def loads(text: str | bytes | bytearray | memoryview) -> Any:
    """
    The parsed document, or :data:`NOT_FAST` if it is not in a form orjson
    writes (compact, or indented by two spaces).
    """
    if _orjson is None:  # pragma: no cover
        return NOT_FAST
    try:
        if isinstance(text, str):
            raw = text.encode("utf-8")
        elif isinstance(text, bytes):
            raw = text
        elif isinstance(text, (bytearray, memoryview)):
            raw = bytes(text)
        else:  # not JSON text: refused by the standard library's path
            return NOT_FAST
        data = _orjson.loads(raw)
        body = raw[:-1] if raw.endswith(b"\n") else raw
        if _orjson.dumps(data) != body and (
            body[1:4] != b"\n  "  # not an indented object or array
            or _orjson.dumps(data, option=_orjson.OPT_INDENT_2) != body
        ):
            return NOT_FAST
    except (ValueError, TypeError):  # orjson.JSONDecodeError, UnicodeError
        return NOT_FAST
    return data


#: ``.0000``, and a negative exponent after a digit (``e-`` is found first, the
#: digit before it checked after: much faster than a search for ``[0-9]e-``).
_ZEROS: Final = re.compile(rb"\.0000")
_EXPONENT: Final = re.compile(rb"e-(?<=[0-9]e-)")


def _may_hold_a_small_number(out: bytes) -> bool:
    """Whether *out* may hold a number written differently by :mod:`json`.

    orjson writes numbers below 1e-4 as ``0.0000…`` or with an exponent
    ``…e-…`` after a digit; text that merely looks alike only costs a detour.
    """
    return _ZEROS.search(out) is not None or _EXPONENT.search(out) is not None


def dumps(
    data: Any, *, may_hold_small_floats: bool = True, may_hold_non_finite: bool = True
) -> Any:
    """Compact JSON text of *data* as UTF-8 bytes, or :data:`NOT_FAST`.

    A caller that knows *data* holds no float between -1e-4 and 1e-4 (zero
    aside) passes ``may_hold_small_floats=False``, which spares the search of
    the output for one; one that knows it holds no ``NaN`` or infinity passes
    ``may_hold_non_finite=False``, which spares the search for ``null``.
    """
    if _orjson is None:  # pragma: no cover
        return NOT_FAST
    try:
        out = _orjson.dumps(data)
    except TypeError:  # orjson.JSONEncodeError: a big integer, a lone surrogate ...
        return NOT_FAST
    if may_hold_small_floats and _may_hold_a_small_number(out):
        return NOT_FAST
    if may_hold_non_finite and b"null" in out:  # orjson's NaN, or a None
        return NOT_FAST
    return out
