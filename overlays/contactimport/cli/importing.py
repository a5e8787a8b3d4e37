"""What ``which50 import`` and ``checkmarket import`` share.

Their common options (:func:`import_options`, from :mod:`.import_options`, re-exported here), and
:class:`CsvImport`: the check of the output
paths (``--rejects``, ``--state-file``; see :mod:`.outputfiles`), the CSV source, its state
file, the check that there is something to send, waiting with Ctrl-C, and how a run ends. The
state file is removed when the import ended (it succeeded, or the server reports it failed: there
is nothing to resume) and kept while a resume is possible (network or API error, Ctrl-C); the
message says which.

``--resume`` goes on with the options the import began with: the continuation token holds the
workflow's settings and the state file the rest (:class:`ResumedOption`). An option left out is
taken from there (the command passes None to the workflow, see :func:`option_given`); an option
given again must say the same, or the command stops with exit 2 naming the option.
"""

from __future__ import annotations

import csv
import io
import itertools
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final, TypeVar

import click

from .._files import write_atomically
from .._spec import ApiName
from ..csvsource import AUTO_ENCODING, CsvContactSource, CsvEncodingError, file_fingerprint
from ..workflows import (
    ImportJobFailed,
    ImportPoller,
    ImportStateConflict,
    InvalidResumeToken,
    ResumeArgumentConflict,
    SourceChangedError,
)
from .common import RESUME_HINT, CliFailure, ExitCode, classify, count_data_lines
from .import_options import (
    DELIMITER,
    ENCODING,
    MAX_POLL_INTERVAL,
    ImportOptions,
    ResumedOption,
    import_options,
    option_given,
)
from .output import Bars, Output
from .outputfiles import OutputOption, check_outputs
from .rowchecks import LISTED_WARNINGS, RowChecks
from .state import StateFile, StateFileError

__all__ = [
    "DELIMITER",
    "ENCODING",
    "MAX_POLL_INTERVAL",
    "Api",
    "CsvImport",
    "ImportOptions",
    "ResumedOption",
    "import_options",
    "locked",
    "option_given",
    "show_upload",
    "write_rows",
]

Api = ApiName
"""The two APIs (the one name: `contactimport._spec.ApiName`)."""
R = TypeVar("R")
T = TypeVar("T")

#: How many bad rows are listed on stderr (all of them are counted, and kept in --rejects).
LISTED_BAD_ROWS: Final = 20


def show_upload(bars: Bars, uploaded: int, estimate: int, *, done: bool, description: str) -> None:
    """The ``upload`` bar of an import: the contacts sent so far, out of the CSV's estimate
    (:meth:`CsvImport.estimate`) while sending, out of those sent once ``done``."""
    total = uploaded if done else max(estimate, uploaded)
    bars.update("upload", completed=uploaded, total=total, description=description)


def locked(callback: Callable[[T], None]) -> Callable[[T], None]:
    """A progress callback that runs one call at a time (workflows call it from their threads)."""
    lock = threading.Lock()

    def call(progress: T) -> None:
        with lock:
            callback(progress)

    return call


class CsvImport:
    """One run of an import command: the CSV file, its state file and the reports.

    First the output paths are checked (:func:`check_outputs`: neither the CSV nor each other,
    and writable), before the CSV is read; then reading the state (``--resume``) or refusing to
    start over an interrupted import happens here, before anything is sent. ``result_key``
    names the result in the ``--json`` document. On a resume the file is read with the
    delimiter the import began with (unless given).
    """

    def __init__(
        self,
        output: Output,
        *,
        api: Api,
        file: Path,
        options: ImportOptions,
        result_key: str,
        more_outputs: Sequence[OutputOption] = (),
    ) -> None:
        self.output = output
        self.options = options
        self.result_key = result_key
        state_path = options.state_file or StateFile.default_path(file, api)
        outputs = [
            OutputOption(
                "--state-file", state_path, "the state file", default=options.state_file is None
            )
        ]
        if options.resume and options.dry_run:
            raise click.UsageError("--dry-run checks a file before an import; it cannot --resume")
        if options.rejects is not None:
            outputs.append(OutputOption("--rejects", options.rejects, "the rejects file"))
        if options.warnings is not None:
            outputs.append(OutputOption("--warnings", options.warnings, "the warnings file"))
        check_outputs(file, [*outputs, *more_outputs])
        self.fingerprint = file_fingerprint(file)
        self.state = StateFile(state_path, api=api, source=file, fingerprint=self.fingerprint)
        self.token: str | None = None
        self._counted: CsvContactSource | None = None
        self.keep_state = options.dry_run  # a dry run leaves an interrupted import's file alone
        """Set when the import ended with something left to resume (e.g. contacts in doubt)."""
        self.dry_run = options.dry_run
        self.checks = RowChecks(options.warnings)
        """The checks of each row before it is sent (the command sets their rules)."""
        self._recorded: dict[str, Any] = {}
        if options.resume:
            self.token, self._recorded = self.state.load()
        elif self.state.exists() and not options.dry_run:
            raise click.UsageError(
                f"an interrupted import of this file exists ({self.state.path}): add --resume "
                f"to continue it, or delete that file to start over"
            )
        ctx = click.get_current_context(silent=True)
        given = not options.resume or ctx is None or option_given(ctx, "delimiter")
        delimiter = self.resumed(DELIMITER, options.delimiter if given else None)
        encoding = options.encoding
        if options.resume and (encoding == AUTO_ENCODING or not _given(ctx, "encoding")):
            encoding = None  # the encoding the import began with
        if encoding not in (None, AUTO_ENCODING):
            encoding = _codec(encoding)
        encoding = self.resumed(ENCODING, encoding)
        try:
            self.source = CsvContactSource(
                file, delimiter=delimiter, rejects_path=options.rejects, encoding=encoding
            )
            if ctx is not None:
                ctx.call_on_close(self.source.close)  # a pass over the file cut short
            self.source.check_encoding()  # before anything is sent
        except CsvEncodingError as error:
            raise _encoding_failure(error) from None
        except ValueError as error:
            if "encoding" not in str(error):
                raise
            raise click.BadParameter(str(error), param_hint="--encoding") from None
        self.state.options[DELIMITER.flag] = self.source.delimiter
        self.state.options[ENCODING.flag] = self.source.encoding
        self._require_rows()

    def _require_rows(self) -> None:
        """A file without data rows is a usage error (exit 2), found before the API is asked
        anything: a pass of its own, to the first row, that writes nothing."""
        peek = CsvContactSource(
            self.source.path, delimiter=self.source.delimiter, encoding=self.source.encoding
        )
        for _row in peek:
            return
        if not peek.bad_rows:
            raise CliFailure(
                ExitCode.USAGE, f"{self.path} has no contacts: no data row follows its header line"
            )

    def resumed(self, option: ResumedOption, given: T | None, default: T | None = None) -> T | None:
        """An option the token does not hold: ``given`` (None: not given), else on a resume the
        value the import began with (kept in the state file), else ``default``.

        A given value that differs from the one the import began with is refused (exit 2). The
        value is recorded for the state file.
        """
        value = given
        if option.flag in self._recorded:
            recorded: Any = self._recorded[option.flag]
            if not option.accepts(recorded):
                raise StateFileError(
                    f"the state file {self.state.path} is damaged: {option.flag} is "
                    f"{recorded!r}; it must be {option.rule}"
                )
            if given is not None and given != recorded:
                failure = option.contradiction(given, recorded)
                raise self._with_state(failure, failure)
            value = recorded
        if value is None:
            value = default
        self.state.options[option.flag] = value
        return value

    @staticmethod
    @contextmanager
    def resume_conflicts(
        options: Mapping[str, ResumedOption], typed: Mapping[str, Any] | None = None
    ) -> Iterator[None]:
        """Inside, a :class:`ResumeArgumentConflict` (an argument contradicting the token) is
        raised as the contradiction of the command's option (exit 2), worded from the error's
        ``given`` and ``recorded`` values.

        ``options`` maps the workflow's argument names to options; the conflict of an argument
        outside them goes through as it is (the workflow's message stands). ``typed`` holds a
        value as the user typed it where the command passed the workflow another (it is shown
        instead of ``error.given``).
        """
        try:
            yield
        except ResumeArgumentConflict as error:
            option = options.get(error.argument)
            if option is None:
                raise
            given = (typed or {}).get(error.argument, error.given)
            raise option.contradiction(given, error.recorded) from error

    @property
    def path(self) -> Path:
        return self.source.path

    def estimate(self) -> int:
        """About how many contacts the file holds (for the progress bar)."""
        return count_data_lines(self.path)

    def checked_rows(self) -> Iterator[dict[str, str]]:
        """The CSV's rows, each checked by :attr:`checks` as it is read (set its rules first)."""
        return self.checks.rows(self.source)

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
                    **self.rows_summary(),
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
        import ended; unless ``keep_state`` was set) or on ``ImportJobFailed``; any other failure
        keeps it, and its message says where it is."""
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
        if not self.keep_state:
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

    def whole_file(self) -> CsvContactSource:
        """The CSV with the counts of the whole file: the import's own pass when it read the file
        to its end, else (a resume that skipped what was sent before) a counting pass of its own,
        made once, that writes nothing."""
        if self.source.reached_end:
            return self.source
        if self._counted is None:
            counted = CsvContactSource(
                self.source.path, delimiter=self.source.delimiter, encoding=self.source.encoding
            )
            for _row in self.checks.rows(counted):  # the checks of the whole file too
                pass
            self._counted = counted
        return self._counted

    def read_all(self, rows: Iterable[Any]) -> None:
        """Read ``rows`` to the end (a dry run: every row is checked, none is sent)."""
        for _row in rows:
            pass

    def rows_summary(self) -> dict[str, Any]:
        """Where the rows went, for ``--json`` (``rows``, ``warningsFile``, ``dryRun``)."""
        source = self.whole_file()
        warned = self.checks.warned_rows
        sent = 0 if self.dry_run else source.good_rows
        return {
            "rows": {
                "read": source.good_rows + source.bad_rows,
                "sent": sent,
                "wouldBeSent": source.good_rows if self.dry_run else None,
                "warned": warned,
                "rejected": source.bad_rows,
            },
            "warningsFile": str(self.options.warnings) if self.checks.written else None,
            "dryRun": self.dry_run,
        }

    def report_rows(self) -> None:
        """Say how many rows went where, then list the bad rows and the warned ones."""
        source = self.whole_file()
        warned = self.checks.warned_rows
        read = source.good_rows + source.bad_rows
        verb = "would be sent" if self.dry_run else "sent"
        parts = [f"{source.good_rows - warned} {verb} as they are"]
        if warned:
            where = f" (listed in {self.options.warnings})" if self.checks.written else ""
            flagged = "would be sent and flagged by the server" if self.dry_run else "sent and"
            if not self.dry_run:
                flagged += " flagged by the server"
            parts.append(f"{warned} {flagged}{where}")
        if source.bad_rows:
            written = self.options.rejects is not None and self.wrote_rejects()
            where = f", in {self.options.rejects}" if written else ""
            parts.append(f"{source.bad_rows} rejected (bad CSV rows, not sent{where})")
        prefix = "Dry run, nothing was sent. " if self.dry_run else ""
        self.output.note(f"{prefix}{read} row(s) read from {source.path}: {'; '.join(parts)}")
        self.report_bad_rows()
        if warned:
            err = self.output.err
            self.output.warn(f"{warned} row(s) the server will flag:")
            for item in self.checks.listed[:LISTED_WARNINGS]:
                err.print(f"  {item}", highlight=False, markup=False)
            if warned > LISTED_WARNINGS:
                err.print(f"  ... and {warned - LISTED_WARNINGS} more", highlight=False)

    def wrote_rejects(self) -> bool:
        """Whether this run wrote ``--rejects`` (its pass read the file to its end and found bad
        rows; a resume that skipped rows leaves the file as the run before wrote it)."""
        return self.source.reached_end and self.source.bad_rows > 0

    def report_bad_rows(self) -> None:
        source = self.whole_file()
        if not source.bad_rows:
            return
        err = self.output.err
        self.output.warn(f"{source.bad_rows} bad row(s) in {source.path} were skipped:")
        for error in source.errors[:LISTED_BAD_ROWS]:
            err.print(f"  {error}", highlight=False, markup=False)
        if source.bad_rows > LISTED_BAD_ROWS:
            err.print(f"  ... and {source.bad_rows - LISTED_BAD_ROWS} more", highlight=False)
        if self.options.rejects is not None and self.wrote_rejects():
            err.print(f"  written to {self.options.rejects}", highlight=False, markup=False)

    def csv_summary(self) -> dict[str, Any]:
        """The CSV's part of ``--json``: ``goodRows``/``badRows`` count the whole file (the whole
        import), ``rowsReadThisRun`` the rows this run read (fewer on a resume, which skips the
        rows sent before)."""
        source = self.whole_file()
        rejects = self.options.rejects
        return {
            "file": str(source.path),
            "delimiter": source.delimiter,
            "goodRows": source.good_rows,
            "badRows": source.bad_rows,
            "rowsReadThisRun": self.source.good_rows + self.source.bad_rows,
            "encoding": source.encoding,
            "errors": [
                {"line": error.line_number, "message": error.message} for error in source.errors
            ],
            "warnings": [
                {"line": item.line_number, "reasons": list(item.reasons)}
                for item in self.checks.listed
            ],
            "rejectsFile": str(rejects) if rejects is not None and self.wrote_rejects() else None,
        }


def write_rows(path: Path, rows: Iterable[Mapping[str, Any]], *, delimiter: str) -> None:
    """Write ``rows`` as a CSV file with a header (every key, in order of first appearance),
    atomically (an existing file keeps its content until the new one is whole)."""
    held = list(rows)
    names: dict[str, None] = {}
    for row in held:
        names.update(dict.fromkeys(row))
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=list(names), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(held)
    write_atomically(path, text.getvalue())


def _given(ctx: click.Context | None, name: str) -> bool:
    return ctx is None or option_given(ctx, name)


def _codec(name: str) -> str:
    """A codec's canonical name (``latin-1`` → ``iso8859-1``; UTF-8: ``utf-8-sig``, which skips
    a byte-order mark); an unknown name is a usage error."""
    import codecs

    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        raise click.BadParameter(
            f"unknown encoding {name!r}: give a Python codec name (utf-8, latin-1, cp1252, "
            f"utf-16, ...) or {AUTO_ENCODING}",
            param_hint="--encoding",
        ) from None
    return "utf-8-sig" if canonical == "utf-8" else canonical


def _encoding_failure(error: CsvEncodingError) -> CliFailure:
    """The usage error of a file that does not decode: the likely encoding and what to pass."""
    advice = (
        f"pass --encoding {error.detected} (or --encoding {AUTO_ENCODING} to detect it)"
        if error.detected is not None
        else "pass its encoding with --encoding NAME"
    )
    return CliFailure(
        ExitCode.USAGE,
        f"{error}: {advice}; nothing was sent",
        {"encoding": error.encoding, "detectedEncoding": error.detected, "line": error.line},
        error_type=type(error).__name__,
    )


def _state_is_stale(error: BaseException) -> bool:
    """Whether the state no longer fits the server or the file (resuming would fail again)."""
    if isinstance(error, ResumeArgumentConflict):
        return False  # the options contradict the state, which is fine: give the same options
    return isinstance(error, ImportStateConflict | SourceChangedError | InvalidResumeToken)
