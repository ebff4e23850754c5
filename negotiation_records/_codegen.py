"""
Generated functions (private): the compiled field checks, loaders and writers.

Each record class gets a few functions written as Python source from its
fields' kinds (see :mod:`negotiation_records.fields`) and compiled once.  The
source is kept in :mod:`linecache` under a name that is unique in the process,
as cattrs does, so tracebacks and debuggers show the generated lines.
"""

from __future__ import annotations

import itertools
import linecache
from typing import Any, Final


__all__ = ["Namespace", "compile_function"]

_SERIAL: Final = itertools.count(1)


class Namespace:
    """
    The globals of one generated function: every object the code uses gets a
    short name (``_n0``, ``_n1`` ...) through :meth:`name`.
    """

    def __init__(self, prefix: str = "_n", **fixed: Any) -> None:
        self.names: dict[str, Any] = dict(fixed)
        self._prefix = prefix
        self._by_id: dict[int, str] = {}

    def name(self, obj: object) -> str:
        """The name under which the generated code reaches *obj*."""
        known = self._by_id.get(id(obj))
        if known is not None and self.names[known] is obj:
            return known
        key = f"{self._prefix}{len(self.names)}"
        while key in self.names:  # pragma: no cover - a fixed name took it
            key += "_"
        self.names[key] = obj
        self._by_id[id(obj)] = key
        return key


def compile_function(lines: list[str], what: str, names: dict[str, Any]) -> Any:
    """
    The function that *lines* (its ``def`` and body) define, with *names* as its
    globals.  *what* describes it (``"structure Party"``); the source is kept in
    :mod:`linecache` under ``<negotiation_records generated WHAT #N>``.
    """
    source = "\n".join(lines) + "\n"
    filename = f"<negotiation_records generated {what} #{next(_SERIAL)}>"
    exec(compile(source, filename, "exec"), names)  # noqa: S102 - code built by the library
    linecache.cache[filename] = (
        len(source),
        None,
        source.splitlines(keepends=True),
        filename,
    )
    return names[lines[0].removeprefix("def ").partition("(")[0]]
