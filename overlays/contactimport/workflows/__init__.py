"""Import workflows: a whole import in one call, with a poller, progress and resume tokens.

W50: ``begin_import(Which50(), list_id, contacts, match=[...], custom_events=[...])``;
CheckMarket: ``begin_bulk_import(CheckMarket(), contacts, config={"Name": ...})``. Both return an
:class:`ImportPoller` (``begin_import_async``/``begin_bulk_import_async``: an
:class:`AsyncImportPoller`).
"""

from .batching import abatched, batched, request_body_max_items
from .checkmarket import (
    BulkImportOutcome,
    BulkImportProgress,
    ResultCodeCount,
    begin_bulk_import,
    begin_bulk_import_async,
    result_code_meanings,
    result_code_outcomes,
)
from .errors import (
    EmptyImportError,
    ImportCancelled,
    ImportInterrupted,
    ImportJobFailed,
    ImportStateConflict,
    ResumeArgumentConflict,
    SourceChangedError,
    UnknownFieldsError,
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
    "BulkImportOutcome",
    "BulkImportProgress",
    "EmptyImportError",
    "ImportCancelled",
    "ImportInterrupted",
    "ImportJobFailed",
    "ImportJobResult",
    "ImportPoller",
    "ImportProgress",
    "ImportStateConflict",
    "InvalidResumeToken",
    "ResultCodeCount",
    "ResumeArgumentConflict",
    "ResumeState",
    "RetrySettings",
    "SourceChangedError",
    "UnknownFieldsError",
    "Which50ImportApi",
    "WorkflowError",
    "abatched",
    "batched",
    "begin_bulk_import",
    "begin_bulk_import_async",
    "begin_import",
    "begin_import_async",
    "is_transient",
    "request_body_max_items",
    "result_code_meanings",
    "result_code_outcomes",
    "upload_batch_limit",
]
