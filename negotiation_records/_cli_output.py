"""
What the commands print, and how (private): headings, tables and lines as
plain text, or as rich tables on a terminal, and the exit status a command
has come to.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from negotiation_records._cli_read import is_terminal, rich_available, same_terminal
from negotiation_records._cli_streams import bidi_closed, plain_table
from negotiation_records._timeline_words import one_line


__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "PROG", "Output"]

PROG = "negotiation-records"
"""The command's name, in messages."""

EXIT_OK = 0
"""The exit status when all is well."""

EXIT_PROBLEMS = 1
"""The exit status when a file has problems or the output cannot be written."""


class Output:
    """Where and how to print: plain text, or rich tables on a terminal."""

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out = out
        self.err = err
        self.rich = is_terminal(out) and rich_available()
        # The exit status the command has come to so far: what it ends with if
        # the reader of standard output goes away (| head) before it is done.
        self.status = EXIT_OK
        # The console of a progress bar drawn on the terminal that standard
        # output shows on too (see showing()), while it is drawn.
        self._bar: Any = None

    def showing(self, console: Any) -> None:
        """
        A progress bar is drawn by the rich *console* on standard error
        (``None``: no longer).  While it is, and standard output is the same
        terminal, lines are printed through it, above the bar, as rich prints
        standard output it redirects: written past the bar, a line would be
        joined to it and keep a copy of it on the screen.
        """
        self._bar = (
            console if console is None or same_terminal(self.out, self.err) else None
        )

    def line(self, text: str = "", stream: TextIO | None = None) -> None:
        """
        Print one line of *text* to standard output (above a progress bar);
        *stream*: standard output as a command writes it otherwise (UTF-8
        whatever its encoding, :func:`~._cli_streams.utf8_output`), where the
        line goes when no bar is drawn.
        """
        if self._bar is not None:
            from rich.text import Text  # noqa: PLC0415

            self._bar.print(Text(text), soft_wrap=True)
            return
        (self.out if stream is None else stream).write(text + "\n")

    def error(self, text: str) -> None:
        """Print an error to standard error; the command has a problem (exit 1)."""
        self.status = max(self.status, EXIT_PROBLEMS)
        self.err.write(f"{PROG}: error: {text}\n")

    def heading(self, text: str) -> None:
        """
        Print *text* as a heading, on one line (bold on a terminal), its
        bidirectional controls closed (:func:`shown`).
        """
        text = shown(text)
        if self.rich:
            from rich.console import Console  # noqa: PLC0415
            from rich.text import Text  # noqa: PLC0415

            Console(file=self.out).print(Text(text, style="bold"))
        else:
            self.line(text)

    def table(
        self, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]
    ) -> None:
        """
        A table with a title; ``(none)`` under the title when there are no rows.

        Every cell is shown as :func:`shown` shows it, so that a record's
        text can break neither the table nor the line.
        """
        title = shown(title)
        headers = [shown(header) for header in headers]
        rows = [[shown(cell) for cell in row] for row in rows]
        if self.rich:
            self._rich_table(title, headers, rows)
            return
        self.line(f"{title}:")
        if not rows:
            self.line("  (none)")
            return
        for text in plain_table(headers, rows):
            self.line(text)

    def _rich_table(
        self, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]
    ) -> None:
        from rich.console import Console  # noqa: PLC0415
        from rich.table import Table  # noqa: PLC0415
        from rich.text import Text  # noqa: PLC0415

        console = Console(file=self.out)
        if not rows:
            console.print(Text.assemble((title, "bold"), ": (none)"))
            return
        # Text objects, not strings: record text is data, never rich markup.
        table = Table(title=Text(title, style="bold"), title_justify="left")
        for index, header in enumerate(headers):
            table.add_column(Text(header), overflow="fold", no_wrap=index == 0)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)


def shown(text: str) -> str:
    """
    *text* as a command prints it in a heading or a table's cell: on one
    line (:func:`~negotiation_records._timeline_words.one_line`, as the timeline's
    summaries are), so that a line break cannot break the table, and with
    the bidirectional embeddings, overrides and isolates it leaves open
    closed at its end (:func:`~negotiation_records._cli_streams.bidi_closed`),
    so that they cannot reorder the cells after it.
    """
    return bidi_closed(one_line(text, None))
