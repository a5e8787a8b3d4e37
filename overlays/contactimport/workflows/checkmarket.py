"""CheckMarket bulk import workflow: configuration → bulk import(s) → poll → counts per ResultCode.

``begin_bulk_import(api, contacts, import_config_id=... | config=...)`` returns a poller whose
result is a :class:`BulkImportOutcome`: how many contacts got each ResultCode, with the code's
documented meaning read from the spec (``x-result-codes`` of the ``ResultCode`` schema).

Contacts are mappings; keys that are ``ImportContact`` properties in the spec (``Email``,
``FirstName``, ...) are sent as such, every other key goes into ``CustomFields``. They are sent in
chunks (``chunk_size``, 5,000 by default, at most the spec's ``maxItems`` of a bulk import), one
queue item per chunk.

Chunks in doubt (docs/adr/0004-checkmarket-chunks-in-doubt.md): a chunk is recorded as in flight
(a checkpoint) before it is sent. When its outcome is unknown (connection dropped, 500, a process
killed before the queue item was recorded) CheckMarket offers no way to tell whether it was queued
(the spec's ``repeat-by-email``), so it is sent again only where the spec's ``x-repeat-harmless``
says a repeat stores nothing twice (a configuration updating existing contacts, every contact with
an ``Email``), in the run itself (transient faults) and on resume. Otherwise it is held back: not
sent, its rows in the outcome's ``held_back``, counted as ``in_doubt``; ``send_in_doubt=True``
sends such chunks anyway (on a resume: the chunks an earlier run held back too).

Queue item states: what a ``StatusId`` means to the workflow is its stage in the spec's
``x-status-values`` (:mod:`.states`): a final one ends the polling of its queue item, a failed one
fails the bulk import, and the outcome's ``status`` is the spec's meaning of the final
``StatusId``. A ``StatusId`` the spec does not list keeps the workflow polling.

This module holds the entry points; the outcome types are :mod:`.checkmarket_outcome`, the
process (its steps and the spec's rules it follows) :mod:`.checkmarket_process`.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Callable, Iterable, Mapping
from typing import Any

from .. import _spec
from ..checkmarket import AsyncCheckMarket, CheckMarket
from .checkmarket_outcome import (
    BulkImportOutcome,
    BulkImportProgress,
    HeldBackChunk,
    ResultCodeCount,
    result_code_meanings,
    result_code_outcomes,
)
from .checkmarket_process import (
    API,
    BulkImportProcess,
    contact_from_row,
    contact_properties,
    queue_states,
    queue_status,
    queue_status_meanings,
    repeat_is_harmless,
)
from .poller import AsyncImportPoller, ImportPoller
from .retrying import RetrySettings

__all__ = [
    "BulkImportOutcome",
    "BulkImportProgress",
    "HeldBackChunk",
    "ResultCodeCount",
    "begin_bulk_import",
    "begin_bulk_import_async",
    "contact_from_row",
    "contact_properties",
    "queue_states",
    "queue_status",
    "queue_status_meanings",
    "repeat_is_harmless",
    "result_code_meanings",
    "result_code_outcomes",
]


def _process(**options: Any) -> BulkImportProcess:
    document = _spec.document(API, options.pop("spec_document"))
    retry = options.pop("retry") or RetrySettings()
    return BulkImportProcess(document=document, retry=retry, **options)


def begin_bulk_import(
    api: CheckMarket,
    contacts: Iterable[Mapping[str, Any]],
    *,
    import_config_id: int | None = None,
    config: Mapping[str, Any] | None = None,
    reuse_config: bool = True,
    chunk_size: int | None = None,
    continuation_token: str | None = None,
    send_in_doubt: bool = False,
    on_progress: Callable[[BulkImportProgress], None] | None = None,
    on_checkpoint: Callable[[str], None] | None = None,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    retry: RetrySettings | None = None,
    spec_document: Mapping[str, Any] | None = None,
) -> ImportPoller[BulkImportOutcome]:
    """Start a CheckMarket bulk import; returns a poller whose result is a BulkImportOutcome.

    Give ``import_config_id``, or ``config`` (an ImportConfig): with ``reuse_config`` an existing
    configuration of the same ``Name`` is used, otherwise one is created (``IsReusable`` true
    unless ``config`` says otherwise: each chunk is one bulk import through it).
    ``chunk_size``: contacts per bulk import (default 5,000). The first chunk is read before
    the configuration is looked up or created: ``contacts`` holding none raise
    :class:`EmptyImportError` and nothing is created (no checkpoint either).

    ``continuation_token`` resumes an interrupted import (give the same contacts again). The
    token holds the configuration's id, the ``config`` it began with and ``chunk_size``: leave
    them out to go on with those, or give the same values; a different one raises
    :class:`ResumeArgumentConflict` before anything is sent. ``reuse_config`` only steers how a
    configuration is chosen at the start, so it has no effect on a resume.

    A chunk whose outcome is unknown is sent again only where the spec's ``x-repeat-harmless``
    says a repeat stores nothing twice (the configuration's settings must be known: given as
    ``config``, or found by name); otherwise it is held back and the outcome lists it
    (``held_back``, ``in_doubt``). ``send_in_doubt=True`` sends such chunks anyway, in this run
    and, resuming, the ones an earlier run held back (their contacts may then be stored twice).
    """
    process = _process(
        import_config_id=import_config_id,
        config=config,
        reuse_config=reuse_config,
        chunk_size=chunk_size,
        continuation_token=continuation_token,
        send_in_doubt=send_in_doubt,
        on_progress=on_progress,
        on_checkpoint=on_checkpoint,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        retry=retry,
        spec_document=spec_document,
    )

    return process.start(process.steps(), api, contacts, process.chunk_size)


async def begin_bulk_import_async(
    api: AsyncCheckMarket,
    contacts: Iterable[Mapping[str, Any]] | AsyncIterable[Mapping[str, Any]],
    *,
    import_config_id: int | None = None,
    config: Mapping[str, Any] | None = None,
    reuse_config: bool = True,
    chunk_size: int | None = None,
    continuation_token: str | None = None,
    send_in_doubt: bool = False,
    on_progress: Callable[[BulkImportProgress], None] | None = None,
    on_checkpoint: Callable[[str], None] | None = None,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    retry: RetrySettings | None = None,
    spec_document: Mapping[str, Any] | None = None,
) -> AsyncImportPoller[BulkImportOutcome]:
    """:func:`begin_bulk_import` for asyncio."""
    process = _process(
        import_config_id=import_config_id,
        config=config,
        reuse_config=reuse_config,
        chunk_size=chunk_size,
        continuation_token=continuation_token,
        send_in_doubt=send_in_doubt,
        on_progress=on_progress,
        on_checkpoint=on_checkpoint,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        retry=retry,
        spec_document=spec_document,
    )

    return process.start_async(process.steps(), api, contacts, process.chunk_size)
