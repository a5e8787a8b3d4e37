"""Exit codes, error handling and options shared by every subcommand."""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final, ParamSpec, TypeVar

import click

from ..csvsource import CsvHeaderError
from ..errors import (
    AuthenticationError,
    ContactImportError,
    InvalidParameterError,
    NotFoundError,
)
from ..settings import env_value
from ..workflows import (
    EmptyImportError,
    ImportCancelled,
    ImportInterrupted,
    ImportJobFailed,
    ImportStateConflict,
    InvalidResumeToken,
    ResumeArgumentConflict,
    SourceChangedError,
)
from .output import Output
from .state import StateFileError

__all__ = [
    "NOT_FOUND_HINT",
    "RESUME_HINT",
    "CliFailure",
    "ExitCode",
    "classify",
    "count_data_lines",
    "credentials_from_environment",
    "either",
    "handle_errors",
    "json_option",
    "output_of",
    "wire_format_option",
]

P = ParamSpec("P")
R = TypeVar("R")


class ExitCode(enum.IntEnum):
    """The CLI's exit codes (also listed in ``contactimport --help``)."""

    OK = 0
    REJECTED = 1
    """The import finished, but some contacts were rejected or flagged (bad CSV rows, invalid
    e-mail/SMS values, CheckMarket result codes whose spec outcome is not ``imported``)."""
    USAGE = 2
    """Bad options or arguments, an unreadable CSV header, missing credentials."""
    API_ERROR = 3
    """The API or the network failed; an interrupted import can be resumed with --resume."""
    IMPORT_FAILED = 4
    """The import ran and the server reports it failed."""
    INTERRUPTED = 130
    """Stopped with Ctrl-C at a safe point; resume with --resume."""


RESUME_HINT: Final = "run the same command with --resume to continue"


class CliFailure(Exception):
    """An error the CLI reports and exits on (with a code and an optional JSON document).

    ``resumable``: the message already tells how to resume. ``error_type``: the name of the error
    behind it, for the JSON document (default: ``CliFailure``).
    """

    def __init__(
        self,
        code: ExitCode,
        message: str,
        extra: dict[str, Any] | None = None,
        *,
        resumable: bool = False,
        error_type: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.extra = extra or {}
        self.resumable = resumable
        self.error_type = error_type or type(self).__name__


def classify(error: BaseException) -> CliFailure | None:
    """The exit code and message of an error (None: not one the CLI expects, a bug)."""
    if isinstance(error, CliFailure):
        return error
    failure = _classify(error)
    if failure is not None:
        failure.error_type = type(error).__name__
    return failure


def _classify(error: BaseException) -> CliFailure | None:
    if isinstance(error, ImportCancelled):
        return CliFailure(
            ExitCode.INTERRUPTED,
            f"interrupted; {RESUME_HINT}",
            {"continuationToken": error.continuation_token},
            resumable=True,
        )
    if isinstance(error, ImportInterrupted):
        cause = error.__cause__
        resumable = error.continuation_token is not None
        return CliFailure(
            ExitCode.API_ERROR,
            f"{error}; {RESUME_HINT}" if resumable else str(error),
            {
                "continuationToken": error.continuation_token,
                "cause": type(cause).__name__ if cause else None,
            },
            resumable=resumable,
        )
    if isinstance(error, ImportJobFailed):
        return CliFailure(ExitCode.IMPORT_FAILED, str(error), {"result": _as_json(error.result)})
    if isinstance(
        error,
        CsvHeaderError
        | InvalidParameterError
        | InvalidResumeToken
        | StateFileError
        | SourceChangedError
        | ResumeArgumentConflict
        | EmptyImportError,
    ):
        return CliFailure(ExitCode.USAGE, str(error))
    if isinstance(error, ImportStateConflict | ContactImportError):
        return CliFailure(ExitCode.API_ERROR, str(error))
    if isinstance(error, OSError):
        return CliFailure(ExitCode.USAGE, f"{error.strerror or error}: {error.filename}")
    return None


CREDENTIALS: Final = "credential_variables"
"""The root context's meta key naming the environment variables the credentials came from."""


def credentials_from_environment(ctx: click.Context, api: str, names: Sequence[str]) -> list[str]:
    """The CLI's credentials, which it reads from the environment only: each variable's value.

    A variable not set (or blank) is a usage error naming it; the names are kept so that a 401
    can say where the credentials came from.
    """
    values = [env_value(name) or "" for name in names]
    missing = [name for name, value in zip(names, values, strict=True) if not value]
    if missing:
        raise CliFailure(
            ExitCode.USAGE,
            f"no {api} credentials: set the {' and '.join(missing)} environment "
            f"variable{'s' if len(missing) > 1 else ''} (`contactimport sandbox` prints the "
            "sandbox's)",
        )
    ctx.find_root().meta[CREDENTIALS] = tuple(names)
    return values


NOT_FOUND_HINT: Final = "not_found_hint"
"""The root context's meta key holding what to run to find the right id (set by each API group)."""


def _with_hints(error: BaseException, failure: CliFailure) -> CliFailure:
    """``failure``, saying what helps when the API refused the credentials (which variables held
    them) or did not find what an id names (the command that lists the ids)."""
    meta = click.get_current_context().find_root().meta
    causes: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and cause not in causes:  # the error, what it was raised from, ...
        causes.append(cause)
        cause = cause.__cause__
    hints: list[str] = []
    variables = meta.get(CREDENTIALS)
    if variables and any(isinstance(cause, AuthenticationError) for cause in causes):
        hints.append(f"the credentials came from {' and '.join(variables)}: check them")
    not_found = meta.get(NOT_FOUND_HINT)
    if not_found and any(isinstance(cause, NotFoundError) for cause in causes):
        hints.append(not_found)
    if not hints:
        return failure
    return CliFailure(
        failure.code,
        "; ".join([str(failure), *hints]),
        failure.extra,
        resumable=failure.resumable,
        error_type=failure.error_type,
    )


def _as_json(value: Any) -> Any:
    as_json = getattr(value, "as_json", None)
    return as_json() if callable(as_json) else value


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into a message on stderr (JSON too with --json) and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except click.exceptions.Exit:
            raise
        except Exception as error:
            failure = classify(error)
            if failure is None:
                raise
            failure = _with_hints(error, failure)
            output: Output | None = click.get_current_context().find_object(Output)
            if output is None:
                output = Output(json_output=False)
            output.error(str(failure))
            if output.json_output:
                output.emit_json(
                    {
                        "error": {
                            "type": failure.error_type,
                            "message": str(failure),
                            **failure.extra,
                        },
                        "exitCode": int(failure.code),
                    }
                )
            raise click.exceptions.Exit(int(failure.code)) from None

    return wrapper


def json_option(command: Callable[P, R]) -> Callable[P, R]:
    """``--json``: one JSON document on stdout instead of tables and progress bars."""

    def store(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
        output = ctx.find_object(Output)
        if output is not None and value:
            output.json_output = True
            output.show_progress = False
            output.plain_progress = False
        return value

    decorated: Callable[P, R] = click.option(
        "--json",
        "json_output",
        is_flag=True,
        expose_value=False,
        callback=store,
        is_eager=True,
        help="Print one JSON document on stdout (for scripts); no tables, no progress bars.",
    )(command)
    return decorated


def wire_format_option(command: Callable[P, R]) -> Callable[P, R]:
    """``--wire-format json|xml`` of an API's command group."""
    decorated: Callable[P, R] = click.option(
        "--wire-format",
        type=click.Choice(["json", "xml"]),
        default=None,
        help="Talk JSON or DataContract XML to the API (CONTACTIMPORT_WIRE_FORMAT).",
    )(command)
    return decorated


def either(names: Sequence[str]) -> str:
    """``"a, b or c"``."""
    return " or ".join(filter(None, [", ".join(names[:-1]), *names[-1:]]))


def output_of(ctx: click.Context) -> Output:
    """Where the command writes (set up by the root command)."""
    output = ctx.find_object(Output)
    assert output is not None, "the root command sets up the Output"
    return output


def count_data_lines(path: Path) -> int:
    """Physical lines after the header: an estimate of the rows, for the progress bar."""
    lines = 0
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            lines += chunk.count(b"\n")
    return max(0, lines - 1)
