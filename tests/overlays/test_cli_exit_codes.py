"""How the CLI maps each failure to an exit code and a JSON error document (no network)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from contactimport.cli import ExitCode
from contactimport.cli.common import handle_errors, json_option
from contactimport.cli.output import Output
from contactimport.csvsource import CsvHeaderError
from contactimport.errors import APIConnectionError, ErrorDetails, NotFoundError
from contactimport.workflows import (
    EmptyImportError,
    ImportCancelled,
    ImportInterrupted,
    ImportJobFailed,
    ImportStateConflict,
    ResumeArgumentConflict,
    SourceChangedError,
)


def failing_command(error: BaseException) -> click.Group:
    @click.group()
    @click.pass_context
    def root(ctx: click.Context) -> None:
        ctx.obj = Output(json_output=False, progress=False)

    @root.command("go")
    @json_option
    @handle_errors
    def go() -> None:
        raise error

    return root


NOT_FOUND = NotFoundError(
    status_code=404, method="GET", url="https://x/contactLists/9", details=ErrorDetails()
)


def interrupted(cause: BaseException) -> ImportInterrupted:
    try:
        raise ImportInterrupted("uploading a batch failed", continuation_token="tok") from cause
    except ImportInterrupted as error:
        return error


@pytest.mark.parametrize(
    ("make_error", "code", "hint"),
    [
        (
            lambda: CsvHeaderError("x.csv: the header names column 'A' twice"),
            ExitCode.USAGE,
            "twice",
        ),
        (lambda: SourceChangedError("the source changed"), ExitCode.USAGE, "changed"),
        (lambda: EmptyImportError("there are no contacts"), ExitCode.USAGE, "no contacts"),
        (
            lambda: ResumeArgumentConflict("match", ["A"], ["B"]),
            ExitCode.USAGE,
            "contradicts the resume token",
        ),
        (lambda: FileNotFoundError(2, "No such file", "x.csv"), ExitCode.USAGE, "x.csv"),
        (lambda: NOT_FOUND, ExitCode.API_ERROR, "404"),
        (
            lambda: APIConnectionError("refused", method="GET", url="https://x"),
            ExitCode.API_ERROR,
            "refused",
        ),
        (lambda: ImportStateConflict("job holds 3"), ExitCode.API_ERROR, "job holds 3"),
        (lambda: interrupted(NOT_FOUND), ExitCode.API_ERROR, "--resume"),
        (
            lambda: ImportJobFailed("import job 4 failed", result=None),
            ExitCode.IMPORT_FAILED,
            "failed",
        ),
        (
            lambda: ImportCancelled("cancelled", continuation_token="tok"),
            ExitCode.INTERRUPTED,
            "--resume",
        ),
    ],
)
def test_each_failure_has_its_exit_code_and_message(
    make_error: Callable[[], BaseException], code: ExitCode, hint: str
) -> None:
    result = CliRunner().invoke(failing_command(make_error()), ["go"])
    assert result.exit_code == code
    assert hint in result.stderr
    as_json = CliRunner().invoke(failing_command(make_error()), ["go", "--json"])
    assert as_json.exit_code == code
    document = json.loads(as_json.stdout)
    assert document["exitCode"] == code
    assert hint in document["error"]["message"]


def test_an_interrupted_import_reports_its_continuation_token_in_json() -> None:
    result = CliRunner().invoke(failing_command(interrupted(NOT_FOUND)), ["go", "--json"])
    error = json.loads(result.stdout)["error"]
    assert error["continuationToken"] == "tok"
    assert error["cause"] == "NotFoundError"


def test_unexpected_exceptions_are_not_hidden() -> None:
    result = CliRunner().invoke(failing_command(RuntimeError("bug")), ["go"])
    assert isinstance(result.exception, RuntimeError)


def test_the_exit_codes_are_distinct() -> None:
    assert len({int(code) for code in ExitCode}) == len(ExitCode)


def test_the_console_script_entry_point_returns_the_exit_code(tmp_path: Path) -> None:
    from contactimport.cli import main

    assert main(["--help"]) == 0
    assert main(["which50", "import", str(tmp_path / "absent.csv"), "--list", "1"]) == 2
