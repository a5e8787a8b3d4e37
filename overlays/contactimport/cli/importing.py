"""What ``which50 import`` and ``checkmarket import`` share.

Their common options (:func:`import_options`), and :class:`CsvImport`: the CSV source, its state
file, the check that there is something to send, waiting with Ctrl-C, and how a run ends. The
state file is removed when the import ended (it succeeded, or the server reports it failed: there
is nothing to resume) and kept while a resume is possible (network or API error, Ctrl-C); the
message says which.
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, TypeVar

import click

from ..csvsource import CsvContactSource
from ..workflows import (
    ImportJobFailed,
    ImportPoller,
    ImportStateConflict,
    InvalidResumeToken,
    ResumeArgumentConflict,
    RetrySettings,
    SourceChangedError,
)
from .common import RESUME_HINT, CliFailure, ExitCode, classify, count_data_lines
from .output import Output
from .state import StateFile

__all__ = ["Api", "CsvImport", "ImportOptions", "import_options", "locked"]

Api = Literal["which50", "checkmarket"]
R = TypeVar("R")
T = TypeVar("T")

#: How many bad rows are listed on stderr (all of them are counted, and kept in --rejects).
LISTED_BAD_ROWS: Final = 20
#: The longest pause between two checks of the import on the server.
MAX_POLL_INTERVAL: Final = 5.0


@dataclass(frozen=True)
class ImportOptions:
    """The options every import command takes (see :func:`import_options`)."""

    delimiter: str | None
    rejects: Path | None
    resume: bool
    state_file: Path | None
    poll_interval: float
    retries: int

    @property
    def retry(self) -> RetrySettings:
        return RetrySettings(max_attempts=self.retries + 1)

    @property
    def max_poll_interval(self) -> float:
        return max(self.poll_interval, MAX_POLL_INTERVAL)


def import_options(api: Api, *, poll_help: str) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Add the shared import options; the command gets them as one ``options: ImportOptions``."""
    declarations = [
        click.option("--delimiter", default=None, help="The CSV delimiter (default: sniffed)."),
        click.option(
            "--rejects",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Write the bad CSV rows (with the header) to this file.",
        ),
        click.option(
            "--resume", is_flag=True, help="Continue the interrupted import of this file."
        ),
        click.option(
            "--state-file",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help=f"Where the resume state is kept (default: FILE.{api}-import-state.json).",
        ),
        click.option(
            "--poll-interval",
            type=click.FloatRange(min=0.01),
            default=1.0,
            show_default=True,
            help=poll_help,
        ),
        click.option(
            "--retries",
            type=click.IntRange(min=0),
            default=7,
            show_default=True,
            help="Retries of a step that failed transiently before the import stops (resumable).",
        ),
    ]
    names = list(ImportOptions.__dataclass_fields__)

    def decorate(command: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(command)
        def with_options(*args: Any, **kwargs: Any) -> R:
            options = ImportOptions(**{name: kwargs.pop(name) for name in names})
            return command(*args, options=options, **kwargs)

        decorated: Callable[..., R] = with_options
        for declare in reversed(declarations):
            decorated = declare(decorated)
        return decorated

    return decorate


def locked(callback: Callable[[T], None]) -> Callable[[T], None]:
    """A progress callback that runs one call at a time (workflows call it from their threads)."""
    lock = threading.Lock()

    def call(progress: T) -> None:
        with lock:
            callback(progress)

    return call


class CsvImport:
    """One run of an import command: the CSV file, its state file and the reports.

    Reading the state (``--resume``) or refusing to start over an interrupted import happens
    here, before anything is sent. ``result_key`` names the result in the ``--json`` document.
    """

    def __init__(
        self, output: Output, *, api: Api, file: Path, options: ImportOptions, result_key: str
    ) -> None:
        self.output = output
        self.options = options
        self.result_key = result_key
        self.source = CsvContactSource(
            file, delimiter=options.delimiter, rejects_path=options.rejects
        )
        self.fingerprint = self.source.fingerprint()
        self.state = StateFile(
            options.state_file or StateFile.default_path(file, api),
            api=api,
            source=file,
            fingerprint=self.fingerprint,
        )
        self.token: str | None = None
        if options.resume:
            self.token = self.state.load()
        elif self.state.exists():
            raise click.UsageError(
                f"an interrupted import of this file exists ({self.state.path}): add --resume "
                f"to continue it, or delete that file to start over"
            )

    @property
    def path(self) -> Path:
        return self.source.path

    def estimate(self) -> int:
        """About how many contacts the file holds (for the progress bar)."""
        return count_data_lines(self.path)

    def contacts(self, rows: Iterable[T]) -> Iterator[T]:
        """``rows``, once it is known that they hold a contact; call it before sending anything.

        A file without data rows is a usage error (exit 2). When every row was rejected the bad
        rows are reported (and written to ``--rejects``) and the command exits 1.
        """
        iterator = iter(rows)
        for first in iterator:  # reads up to the first good row
            return itertools.chain((first,), iterator)
        if not self.source.bad_rows:
            raise CliFailure(
                ExitCode.USAGE, f"{self.path} has no contacts: no data row follows its header line"
            )
        message = (
            f"no contact was left to import: all {self.source.bad_rows} row(s) of {self.path} "
            "were rejected, so nothing was sent"
        )
        if self.output.json_output:
            self.output.emit_json(
                {
                    self.result_key: None,
                    "csv": self.csv_summary(),
                    "message": message,
                    "exitCode": int(ExitCode.REJECTED),
                }
            )
        else:
            self.report_bad_rows()
            self.output.error(message)
        raise click.exceptions.Exit(int(ExitCode.REJECTED))

    @contextmanager
    def session(self) -> Iterator[None]:
        """Run the import inside: the state file is removed when the block ends normally (the
        import ended) or on ``ImportJobFailed``; any other failure keeps it, and its message says
        where it is."""
        try:
            yield
        except KeyboardInterrupt:
            raise self._with_state(
                KeyboardInterrupt(), CliFailure(ExitCode.INTERRUPTED, "interrupted")
            ) from None
        except click.exceptions.Exit:
            raise
        except Exception as error:
            failure = classify(error)
            if failure is None:
                raise
            raise self._with_state(error, failure) from error
        self.state.remove()

    def ended_note(self) -> str:
        """Says that the state file was removed (call after :meth:`session` ended normally)."""
        return f"the import ended, so there is nothing to resume (removed {self.state.path})"

    def _with_state(self, error: BaseException, failure: CliFailure) -> CliFailure:
        path = self.state.path
        kept = True
        if isinstance(error, ImportJobFailed):
            self.state.remove()
            kept = False
            note = f"; {self.ended_note()}"
        elif not self.state.exists():
            return failure
        elif _state_is_stale(error):
            note = f"; the state file {path} is kept: delete it to start over"
        elif failure.resumable:
            note = f" (the state is kept in {path})"
        elif failure.code == ExitCode.INTERRUPTED:
            note = f"; {RESUME_HINT} (the state is kept in {path})"
        else:
            note = f"; the state is kept in {path} for --resume"
        return CliFailure(
            failure.code,
            f"{failure}{note}",
            {**failure.extra, "stateFile": str(path), "stateFileKept": kept},
            resumable=failure.resumable,
            error_type=failure.error_type,
        )

    def wait(self, poller: ImportPoller[R]) -> R:
        """``poller.result()``; Ctrl-C cancels at the next safe point, then re-raises its error."""
        try:
            while not poller.done():
                poller.wait(0.2)
        except KeyboardInterrupt:
            poller.cancel()
            try:
                poller.wait()
            except KeyboardInterrupt:  # a second Ctrl-C: stop now, the state file is still valid
                raise CliFailure(
                    ExitCode.INTERRUPTED,
                    f"stopped; {RESUME_HINT} from the last confirmed batch",
                    resumable=True,
                ) from None
        return poller.result()

    def report_bad_rows(self) -> None:
        source = self.source
        if not source.bad_rows:
            return
        err = self.output.err
        self.output.warn(f"{source.bad_rows} bad row(s) in {source.path} were skipped:")
        for error in source.errors[:LISTED_BAD_ROWS]:
            err.print(f"  {error}", highlight=False, markup=False)
        if source.bad_rows > LISTED_BAD_ROWS:
            err.print(f"  ... and {source.bad_rows - LISTED_BAD_ROWS} more", highlight=False)
        if self.options.rejects is not None:
            err.print(f"  written to {self.options.rejects}", highlight=False, markup=False)

    def csv_summary(self) -> dict[str, Any]:
        source = self.source
        rejects = self.options.rejects
        return {
            "file": str(source.path),
            "delimiter": source.delimiter,
            "goodRows": source.good_rows,
            "badRows": source.bad_rows,
            "errors": [
                {"line": error.line_number, "message": error.message} for error in source.errors
            ],
            "rejectsFile": str(rejects) if rejects is not None and source.bad_rows else None,
        }


def _state_is_stale(error: BaseException) -> bool:
    """Whether the state no longer fits the server or the file (resuming would fail again)."""
    if isinstance(error, ResumeArgumentConflict):
        return False  # the options contradict the state, which is fine: give the same options
    return isinstance(error, ImportStateConflict | SourceChangedError | InvalidResumeToken)
