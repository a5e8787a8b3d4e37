"""Import workflows: a whole import in one call, with a poller, progress and resume tokens.

W50: ``begin_import(Which50(), list_id, contacts, match=[...], custom_events=[...])``;
CheckMarket: ``begin_bulk_import(CheckMarket(), contacts, config={"Name": ...})``. Both return an
:class:`ImportPoller` (``begin_import_async``/``begin_bulk_import_async``: an
:class:`AsyncImportPoller`).

What a state means is read from the specs' ``x-status-values`` stages: ``job_states()`` (a W50
``ImportJob.CurrentStatus``) and ``queue_states()`` (a CheckMarket ``ImportQueueItem.StatusId``)
give the open, in-progress, final, succeeded and failed sets; ``TERMINAL_STATES``,
``SUCCEEDED_STATES`` and ``FAILED_STATES`` are the W50 job's, from the packaged spec::

    while w50.get_import_job(list_id, job_id).current_status not in TERMINAL_STATES: ...
"""

from typing import Any

from . import which50
from .batching import abatched, batched, request_body_max_items
from .checkmarket import (
    BulkImportOutcome,
    BulkImportProgress,
    ResultCodeCount,
    begin_bulk_import,
    begin_bulk_import_async,
    queue_states,
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
from .states import StatusValue, StatusValues
from .which50 import (
    FAILED_STATES,
    RUNNING_STATES,
    SUCCEEDED_STATES,
    TERMINAL_STATES,
    UPLOADABLE_STATES,
    ImportProgress,
    RetrySettings,
    begin_import,
    begin_import_async,
    job_states,
    upload_batch_limit,
)

__all__ = [
    "FAILED_STATES",
    "RUNNING_STATES",
    "SUCCEEDED_STATES",
    "TERMINAL_STATES",
    "UPLOADABLE_STATES",
    "AsyncImportPoller",
    "BulkImportOutcome",
    "BulkImportProgress",
    "EmptyImportError",
    "ImportCancelled",
    "ImportInterrupted",
    "ImportJobFailed",
    "ImportPoller",
    "ImportProgress",
    "ImportStateConflict",
    "InvalidResumeToken",
    "ResultCodeCount",
    "ResumeArgumentConflict",
    "ResumeState",
    "RetrySettings",
    "SourceChangedError",
    "StatusValue",
    "StatusValues",
    "UnknownFieldsError",
    "WorkflowError",
    "abatched",
    "batched",
    "begin_bulk_import",
    "begin_bulk_import_async",
    "begin_import",
    "begin_import_async",
    "is_transient",
    "job_states",
    "queue_states",
    "request_body_max_items",
    "result_code_meanings",
    "result_code_outcomes",
    "upload_batch_limit",
]


def __getattr__(name: str) -> Any:
    """``ImportJobResult`` (deprecated): see :mod:`.which50`."""
    if name == "ImportJobResult":
        return getattr(which50, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
