"""W50 import workflow: any iterable of contacts → import job → batches → run → final counters.

``begin_import(api, list_id, contacts, ...)`` returns an :class:`ImportPoller`; the work runs in
the background. Contacts are mappings of field name to value (e.g. the rows of a CSV file); they
are read lazily, one batch at a time, so an import of millions of contacts costs the memory of one
batch. The batch limit (10,000) is read from the spec (``maxItems`` of ``uploadImportBatch``).

Never uploading a batch twice: a batch upload is not replayed blindly. When its outcome is
unknown (connection dropped, 5xx, timeout) the workflow reads the job's ``TotalContacts``: if it
grew by the batch's size the batch was applied; if it did not, the batch is sent again; anything
else stops the import. The resume token records the job, the confirmed batches and a digest of
their contacts; resuming skips those batches (checking the digest) and goes on from there.

Job states: what a ``CurrentStatus`` means to the workflow is its stage in the spec's
``x-status-values`` (:mod:`.states`), read from the same document as the batch limit: open
(uploads go on), in progress or final (the run took effect), final (stop polling) and its outcome
(``ImportJobFailed`` when failed). A status the spec does not list keeps the workflow polling, and
a job in it is not uploaded to.

This module holds the entry points and the job states; the process itself (the steps) is
:mod:`.which50_process`.
"""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterable, Callable, Iterable, Mapping, Sequence
from typing import Any, Final

from .. import _spec
from .._spec import request_body_max_items
from ..generated.which50_client.models import ImportJob
from ..which50 import AsyncWhich50, Which50
from .errors import ResumeArgumentConflict, SourceChangedError
from .pacing import MIN_POLL_INTERVAL, PollPacer
from .poller import AsyncImportPoller, ImportPoller
from .resume import ResumeState, RunMethod
from .retrying import RetrySettings
from .states import StatusValues, status_values
from .which50_process import ImportProgress, Which50ImportProcess, _Settings

__all__ = [
    "FAILED_STATES",
    "MIN_POLL_INTERVAL",
    "RUNNING_STATES",
    "SUCCEEDED_STATES",
    "TERMINAL_STATES",
    "UPLOADABLE_STATES",
    "ImportProgress",
    "PollPacer",
    "RetrySettings",
    "RunMethod",
    "Which50ImportProcess",
    "begin_import",
    "begin_import_async",
    "job_states",
    "upload_batch_limit",
]

API: Final = "which50"
UPLOAD_OPERATION: Final = "uploadImportBatch"
JOB_STATUS: Final = ("ImportJob", "CurrentStatus")
#: Settings whose order has no meaning: ``?match=P1,P2`` names the properties that identify a
#: contact, all of them together (the spec's match-semantics). ``custom_events`` keeps its order:
#: the spec does not say in which order the named events run.
UNORDERED_SETTINGS: Final = frozenset({"match"})

Contact = Mapping[str, Any]


def __getattr__(name: str) -> Any:
    """``ImportJobResult`` (deprecated): the generated ``ImportJob`` the workflow now returns."""
    if name == "ImportJobResult":
        warnings.warn(
            "ImportJobResult is deprecated: begin_import's result is the client's ImportJob "
            "model (contactimport.generated.which50_client.models.ImportJob); its as_json() is "
            "to_dict()",
            DeprecationWarning,
            stacklevel=2,
        )
        return ImportJob
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def job_states(document: Mapping[str, Any] | None = None) -> StatusValues:
    """The ``ImportJob.CurrentStatus`` states and their stages, read from the W50 spec."""
    return status_values(_spec.document(API, document), *JOB_STATUS)


_PACKAGED_STATES: Final = job_states()
RUNNING_STATES: Final = frozenset(str(state) for state in _PACKAGED_STATES.started)
"""States in which the run took effect (in progress or final), from the packaged spec."""
TERMINAL_STATES: Final = frozenset(str(state) for state in _PACKAGED_STATES.final)
"""Final states, from the packaged spec; the workflow reads the document it is given instead."""
UPLOADABLE_STATES: Final = frozenset(str(state) for state in _PACKAGED_STATES.open)
"""Open states (batches may be uploaded), from the packaged spec."""
SUCCEEDED_STATES: Final = frozenset(str(state) for state in _PACKAGED_STATES.succeeded)
"""Final states of a run that succeeded, from the packaged spec."""
FAILED_STATES: Final = frozenset(str(state) for state in _PACKAGED_STATES.failed)
"""Final states of a failed run, from the packaged spec."""


def upload_batch_limit(document: Mapping[str, Any] | None = None) -> int:
    """The most contacts one ``uploadImportBatch`` request may carry, read from the W50 spec."""
    limit = request_body_max_items(_spec.document(API, document), UPLOAD_OPERATION)
    if limit is None:
        raise KeyError(f"the W50 spec sets no maxItems on {UPLOAD_OPERATION}'s body")
    return limit


def _process(
    contact_list_id: int,
    *,
    field_names: Sequence[str] | None,
    match: Sequence[str] | None,
    custom_events: Sequence[str] | None,
    match_values: Mapping[str, str] | None,
    run_method: RunMethod | None,
    batch_size: int | None,
    continuation_token: str | None,
    source_fingerprint: str | None,
    on_progress: Callable[[ImportProgress], None] | None,
    on_checkpoint: Callable[[str], None] | None,
    poll_interval: float,
    max_poll_interval: float,
    retry: RetrySettings | None,
    spec_document: Mapping[str, Any] | None,
) -> Which50ImportProcess:
    limit = upload_batch_limit(spec_document)
    states = job_states(spec_document)
    state: ResumeState | None = None
    if continuation_token is None:
        settings = _Settings(
            field_names=None if field_names is None else tuple(field_names),
            match=tuple(match or ()),
            custom_events=tuple(custom_events or ()),
            match_values=dict(match_values or {}),
            run_method=run_method or "POST",
            batch_size=limit if batch_size is None else batch_size,
        )
    else:
        state = ResumeState.decode(continuation_token, api=API)
        if state.contact_list_id != contact_list_id:
            raise ResumeArgumentConflict(
                "contact_list_id", contact_list_id, state.contact_list_id, optional=False
            )
        if source_fingerprint is not None and state.source_fingerprint not in (
            None,
            source_fingerprint,
        ):
            raise SourceChangedError(
                "the source file changed since the interrupted import (fingerprint differs)"
            )
        settings = _resumed_settings(
            state,
            field_names=None if field_names is None else tuple(field_names),
            match=None if match is None else tuple(match),
            custom_events=None if custom_events is None else tuple(custom_events),
            match_values=None if match_values is None else dict(match_values),
            run_method=run_method,
            batch_size=batch_size,
        )
    settings.check(limit)
    return Which50ImportProcess(
        contact_list_id,
        settings=settings,
        states=states,
        state=state,
        source_fingerprint=source_fingerprint,
        on_progress=on_progress,
        on_checkpoint=on_checkpoint,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        retry=retry or RetrySettings(),
    )


def _resumed_settings(state: ResumeState, **given: Any) -> _Settings:
    """The token's settings; an argument given (not None) must say the same, or it is refused.

    ``match`` says the same when it names the same properties, in any order (the token's order
    is sent)."""
    recorded = _Settings(
        field_names=state.field_names,
        match=state.match,
        custom_events=state.custom_events,
        match_values=dict(state.match_values),
        run_method=state.run_method,
        batch_size=state.batch_size,
    )
    for name, value in given.items():
        if value is None:
            continue
        held = getattr(recorded, name)
        same = set(value) == set(held) if name in UNORDERED_SETTINGS else value == held
        if not same:
            raise ResumeArgumentConflict(name, value, held)
    return recorded


def begin_import(
    api: Which50,
    contact_list_id: int,
    contacts: Iterable[Contact],
    *,
    field_names: Sequence[str] | None = None,
    match: Sequence[str] | None = None,
    custom_events: Sequence[str] | None = None,
    match_values: Mapping[str, str] | None = None,
    run_method: RunMethod | None = None,
    batch_size: int | None = None,
    continuation_token: str | None = None,
    source_fingerprint: str | None = None,
    on_progress: Callable[[ImportProgress], None] | None = None,
    on_checkpoint: Callable[[str], None] | None = None,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    retry: RetrySettings | None = None,
    spec_document: Mapping[str, Any] | None = None,
) -> ImportPoller[ImportJob]:
    """Start importing ``contacts`` into a W50 contact list; returns a poller at once.

    ``api``: a :class:`contactimport.which50.Which50` client; the workflow calls its own methods.

    ``contacts``: mappings of field name → value, read lazily (never held whole).
    ``field_names``: the job's FieldNames; derived from the first batch's keys when omitted.
    ``match``: property names identifying existing contacts (``?match=``), so matching contacts
    are updated instead of inserted; ``custom_events``: custom events to run for the imported
    contacts (``?customevents=``); ``run_method``: POST (the default) and PUT take the values to
    match from each contact, PATCH from ``match_values``. ``continuation_token``: resume an
    interrupted import (give the same contacts again; the confirmed batches are skipped, never
    re-sent). The token holds the import's settings (``field_names``, ``match``,
    ``custom_events``, ``match_values``, ``run_method``, ``batch_size``): leave them out to go on
    with those, or give the same values (``match``: the same names in any order); a different one
    raises :class:`ResumeArgumentConflict` before anything is sent.
    ``on_progress`` gets an :class:`ImportProgress` after each batch and poll;
    ``on_checkpoint`` gets the new continuation token whenever it changes (persist it).
    ``poller.result()`` returns the final job, the client's ``ImportJob`` model; it raises
    :class:`ImportInterrupted` (with ``continuation_token``) when the import cannot go on and
    :class:`ImportJobFailed` when the server reports the job failed.
    ``spec_document``: the W50 spec to read the batch limit and the job states' stages from
    (default: the packaged one).
    """
    process = _process(
        contact_list_id,
        field_names=field_names,
        match=match,
        custom_events=custom_events,
        match_values=match_values,
        run_method=run_method,
        batch_size=batch_size,
        continuation_token=continuation_token,
        source_fingerprint=source_fingerprint,
        on_progress=on_progress,
        on_checkpoint=on_checkpoint,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        retry=retry,
        spec_document=spec_document,
    )

    return process.start(process.steps(), api, contacts, process.batch_size)


async def begin_import_async(
    api: AsyncWhich50,
    contact_list_id: int,
    contacts: Iterable[Contact] | AsyncIterable[Contact],
    *,
    field_names: Sequence[str] | None = None,
    match: Sequence[str] | None = None,
    custom_events: Sequence[str] | None = None,
    match_values: Mapping[str, str] | None = None,
    run_method: RunMethod | None = None,
    batch_size: int | None = None,
    continuation_token: str | None = None,
    source_fingerprint: str | None = None,
    on_progress: Callable[[ImportProgress], None] | None = None,
    on_checkpoint: Callable[[str], None] | None = None,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    retry: RetrySettings | None = None,
    spec_document: Mapping[str, Any] | None = None,
) -> AsyncImportPoller[ImportJob]:
    """:func:`begin_import` for asyncio; ``contacts`` may also be an async iterable."""
    process = _process(
        contact_list_id,
        field_names=field_names,
        match=match,
        custom_events=custom_events,
        match_values=match_values,
        run_method=run_method,
        batch_size=batch_size,
        continuation_token=continuation_token,
        source_fingerprint=source_fingerprint,
        on_progress=on_progress,
        on_checkpoint=on_checkpoint,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        retry=retry,
        spec_document=spec_document,
    )

    return process.start_async(process.steps(), api, contacts, process.batch_size)
