"""Errors raised by the import workflows (each a ``ContactImportError``)."""

from __future__ import annotations

from typing import Any

from ..errors import APIConnectionError, APIStatusError, ContactImportError
from ..transport.retry import TRANSIENT_STATUSES

__all__ = [
    "EmptyImportError",
    "ImportCancelled",
    "ImportInterrupted",
    "ImportJobFailed",
    "ImportStateConflict",
    "ResumeArgumentConflict",
    "SourceChangedError",
    "UnknownFieldsError",
    "WorkflowError",
    "is_transient",
]


class WorkflowError(ContactImportError):
    """Base class of the workflow errors."""


class UnknownFieldsError(WorkflowError):
    """A contact carries Values keys outside the job's FieldNames, which the API would ignore.

    Raised only when the FieldNames were derived from the first batch: pass ``field_names=``
    naming every field to import (keys outside an explicit list are ignored, as the spec says).
    """


class ImportInterrupted(WorkflowError):
    """The import stopped before the end; ``continuation_token`` resumes it (None: no job yet).

    ``__cause__`` holds the error that stopped it (an API error, a source error, ...).
    """

    def __init__(self, message: str, *, continuation_token: str | None) -> None:
        super().__init__(message)
        self.continuation_token = continuation_token

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.args[0]!r})"


class ImportCancelled(ImportInterrupted):
    """The import was cancelled at a safe point; resume it with ``continuation_token``."""


class SourceChangedError(WorkflowError):
    """Resuming was refused: the contacts already uploaded differ from the source given now."""


class ImportStateConflict(WorkflowError):
    """The job on the server does not match what the resume token says (nothing was uploaded)."""


class ResumeArgumentConflict(ImportStateConflict, ValueError):
    """An argument given with ``continuation_token`` contradicts what the token records.

    A resumed import goes on with the settings it began with (they are in the token); leave such
    arguments out, or give the same values. Nothing was sent. ``argument`` names the argument,
    ``given`` is the value it was given, ``recorded`` the one the import began with (the token's).
    """

    def __init__(self, argument: str, given: Any, recorded: Any, *, optional: bool = True) -> None:
        hint = f"leave {argument} out or give" if optional else "give"
        super().__init__(
            f"{argument}={_shown(given)!r} contradicts the resume token: the import began with "
            f"{argument}={_shown(recorded)!r}; {hint} the same value to resume it"
        )
        self.argument = argument
        self.given = given
        self.recorded = recorded


def _shown(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


class EmptyImportError(WorkflowError, ValueError):
    """There is nothing to import: the source holds no contacts."""


class ImportJobFailed(WorkflowError):
    """The server reports the import as failed; ``result`` holds its final state."""

    def __init__(self, message: str, *, result: Any) -> None:
        super().__init__(message)
        self.result = result


def is_transient(error: BaseException) -> bool:
    """Whether an error may go away on its own: no response, a timeout, or one of the
    transport's `TRANSIENT_STATUSES` (408, 425, 429, 500, 502, 503, 504)."""
    if isinstance(error, APIConnectionError):
        return True
    if isinstance(error, APIStatusError):
        return error.status_code in TRANSIENT_STATUSES
    # Errors from httpx itself, if a caller's adapter lets them through.
    try:
        import httpx
    except ImportError:  # pragma: no cover - httpx is a dependency
        return False
    return isinstance(error, httpx.TransportError)
