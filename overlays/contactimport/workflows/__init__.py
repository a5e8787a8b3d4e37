"""Import workflows: whole imports in one call, with pollers, progress and resume tokens."""

from .batching import abatched, batched, request_body_max_items
from .errors import (
    EmptyImportError,
    ImportCancelled,
    ImportInterrupted,
    ImportJobFailed,
    ImportStateConflict,
    SourceChangedError,
    WorkflowError,
    is_transient,
)
from .poller import AsyncImportPoller, ImportPoller
from .resume import InvalidResumeToken, ResumeState
from .which50 import (
    AsyncWhich50ImportApi,
    ImportJobResult,
    ImportProgress,
    RetrySettings,
    Which50ImportApi,
    begin_import,
    begin_import_async,
    upload_batch_limit,
)

__all__ = [
    "AsyncImportPoller",
    "AsyncWhich50ImportApi",
    "EmptyImportError",
    "ImportCancelled",
    "ImportInterrupted",
    "ImportJobFailed",
    "ImportJobResult",
    "ImportPoller",
    "ImportProgress",
    "ImportStateConflict",
    "InvalidResumeToken",
    "ResumeState",
    "RetrySettings",
    "SourceChangedError",
    "Which50ImportApi",
    "WorkflowError",
    "abatched",
    "batched",
    "begin_import",
    "begin_import_async",
    "is_transient",
    "request_body_max_items",
    "upload_batch_limit",
]
