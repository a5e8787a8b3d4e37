"""Console output of the CLI: rich tables and progress bars on a terminal, JSON for scripts.

No text is ever read as rich markup: messages, table cells, titles and bar descriptions hold what
users wrote (file and column names, server messages), and `contacts [final].csv` or a column
`[red]Note` must show as written. The only markup is this module's own, around the text.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

__all__ = ["Output"]


class Output:
    """Where the CLI writes: results to stdout (a table, or JSON with ``--json``), the rest to
    stderr (progress bars only on a terminal and never with ``--json``)."""

    def __init__(self, *, json_output: bool, progress: bool | None = None) -> None:
        self.json_output = json_output
        self.out = Console(soft_wrap=True)
        self.err = Console(stderr=True, soft_wrap=True)
        show = self.err.is_terminal if progress is None else progress
        self.show_progress = show and not json_output
        # Not a terminal and not told otherwise: a plain line every few seconds, so a long
        # import into a log is not silent (--no-progress: nothing, --progress: the bars).
        self.plain_progress = progress is None and not show and not json_output

    def emit_json(self, document: Any) -> None:
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
        sys.stdout.flush()

    def table(self, title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        table = Table(title=Text(title), title_justify="left")
        for column in columns:
            table.add_column(Text(column))
        for row in rows:
            table.add_row(*(Text("" if value is None else str(value)) for value in row))
        self.out.print(table)

    def fields(self, title: str, values: Mapping[str, Any]) -> None:
        self.table(title, ["Field", "Value"], [[key, value] for key, value in values.items()])

    def record(self, title: str, values: Mapping[str, Any]) -> None:
        """One object: as JSON with ``--json``, else as a table of its fields."""
        if self.json_output:
            self.emit_json(values)
        else:
            self.fields(title, values)

    def note(self, message: str) -> None:
        if not self.json_output:
            self.err.print(message, highlight=False, markup=False)

    def warn(self, message: str) -> None:
        self.err.print(f"[yellow]warning:[/yellow] {escape(message)}", highlight=False)

    def error(self, message: str) -> None:
        self.err.print(f"[red]error:[/red] {escape(message)}", highlight=False)

    @contextmanager
    def progress(self) -> Iterator[Bars]:
        if not self.show_progress:
            yield PlainBars(self.err) if self.plain_progress else Bars(None)
            return
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.err,
            transient=False,
        )
        with progress:
            yield Bars(progress)


class Bars:
    """Named progress bars (no-ops when progress is not shown)."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._tasks: dict[str, TaskID] = {}

    def update(
        self, name: str, *, completed: int, total: int | None = None, description: str = ""
    ) -> None:
        if self._progress is None:
            return
        shown = escape(description or name)  # the description column reads markup
        if name not in self._tasks:
            self._tasks[name] = self._progress.add_task(shown, total=total)
        task = self._tasks[name]
        if total is not None and completed > total:
            total = completed
        self._progress.update(task, completed=completed, total=total, description=shown)


class PlainBars(Bars):
    """Progress as plain lines on stderr (no terminal): a bar's state at most every
    ``INTERVAL`` seconds, and once more when it is complete."""

    INTERVAL = 5.0

    def __init__(self, console: Console) -> None:
        super().__init__(None)
        self._console = console
        self._shown: dict[str, tuple[float, int]] = {}

    def update(
        self, name: str, *, completed: int, total: int | None = None, description: str = ""
    ) -> None:
        now = time.monotonic()
        last = self._shown.get(name)
        done = total is not None and completed >= total
        if last is not None and last[1] == completed:
            return  # nothing new to say
        if last is not None and not done and now - last[0] < self.INTERVAL:
            return
        self._shown[name] = (now, completed)
        count = f"{completed}/{total}" if total is not None else str(completed)
        self._console.print(f"{description or name}: {count}", highlight=False, markup=False)
