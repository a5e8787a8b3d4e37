"""The CheckMarket bulk import as a generator of actions (sans I/O): configure, send the chunks
(a chunk in doubt sent again only where the spec says a repeat is harmless), poll every queue
item; and the spec's rules it follows (queue states, ImportContact members, x-repeat-harmless).
:mod:`contactimport.workflows.checkmarket` builds it and drives it.

The actions are the client's own calls (``CheckMarket``/``AsyncCheckMarket`` methods); what comes
back is the client's models (``ImportConfig``, ``BulkImportResult``, ``ImportQueueItem``), read
as they are. The resume state keeps the configuration's settings as JSON (the token's format).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from time import monotonic
from typing import Any, Final

from .. import _parameters, _spec
from .._spec import request_body_max_items
from ..checkmarket import AsyncCheckMarket, CheckMarket
from ..errors import APIStatusError
from ..generated.checkmarket_client.models import (
    BulkImportResult,
    CreateImportConfigResult,
    ImportConfig,
    ImportQueueItem,
)
from ..generated.checkmarket_client.types import Unset
from ..transport.retry import rejected_before_processing
from .checkmarket_outcome import (
    BulkImportOutcome,
    BulkImportProgress,
    HeldBackChunk,
    ResultCodeCount,
    result_code_meanings,
    result_code_outcomes,
)
from .errors import (
    EmptyImportError,
    ResumeArgumentConflict,
    SourceChangedError,
    is_transient,
)
from .pacing import PollPacer
from .poller import Pause, Steps
from .process import Rows, StepProcess
from .resume import ContactDigest, DigestedBatch, decode_state, encode_state
from .retrying import RetrySettings
from .states import StatusValues, status_values

__all__ = [
    "contact_from_row",
    "contact_properties",
    "queue_states",
    "queue_status",
    "queue_status_meanings",
    "repeat_is_harmless",
]

API: Final = "checkmarket"
DEFAULT_CHUNK_SIZE: Final = 5_000
BULK_IMPORT: Final = "bulkImportContacts"
QUEUE_STATUS: Final = ("ImportQueueItem", "StatusId")
# The workflow's own phases (BulkImportProgress.phase) before its final one, which is the spec's
# meaning of the final StatusId (BulkImportOutcome.status); they are no StatusId meanings.
CONFIGURING: Final = "Configuring"
UPLOADING: Final = "Uploading"
PROCESSING: Final = "Processing"


def queue_states(document: Mapping[str, Any] | None = None) -> StatusValues:
    """The ``ImportQueueItem.StatusId`` states and their stages, read from the CheckMarket spec."""
    return status_values(_spec.document(API, document), *QUEUE_STATUS)


def queue_status_meanings(document: Mapping[str, Any] | None = None) -> dict[str | int, str]:
    """``{StatusId: meaning}`` from the spec's ``x-status-values`` (4 → "Completed")."""
    return queue_states(document).meanings()


def queue_status(item: Mapping[str, Any]) -> str | int | None:
    """A queue item's ``StatusId`` as the spec lists it (an integer; digits sent as text too)."""
    value = item.get("StatusId")
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return value
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def repeat_is_harmless(
    config: Mapping[str, Any] | None,
    contacts: Sequence[Mapping[str, Any]],
    document: Mapping[str, Any] | None = None,
) -> bool:
    """Whether sending ``contacts`` again through ``config`` stores none of them twice.

    The rule is the spec's ``x-repeat-harmless`` on ``bulkImportContacts``: the configuration's
    ``UpdateTypeId`` (absent: the member's default) is one it lists and every contact has a
    non-blank value for each member it ``requires``. ``config`` None (settings unknown): False.
    """
    if config is None:
        return False
    spec = _spec.document(API, document)
    rule = _spec.find_operation(spec, BULK_IMPORT).get("x-repeat-harmless")
    if not rule:
        return False
    member = spec["components"]["schemas"]["ImportConfig"]["properties"]["UpdateTypeId"]
    update_type = config.get("UpdateTypeId", member.get("default"))
    if update_type not in rule.get("UpdateTypeId", ()):
        return False
    required = tuple(str(name) for name in rule.get("requires", ()))
    return all(str(contact.get(name) or "").strip() for contact in contacts for name in required)


def _not_processed(error: BaseException) -> bool:
    """Whether a failed bulk import is known not to have been queued: a 4xx refusal (not a 429
    without Retry-After), or an answer the transport's rule says was rejected before processing
    (429 or 503 with Retry-After). Anything else leaves the outcome unknown."""
    if not isinstance(error, APIStatusError):
        return False
    status = error.status_code
    if rejected_before_processing(status, error.retry_after):
        return True
    return 400 <= status < 500 and status != 429


def contact_properties(document: Mapping[str, Any] | None = None) -> tuple[str, ...]:
    """The named ``ImportContact`` members (everything else goes into ``CustomFields``)."""
    schema = _spec.document(API, document)["components"]["schemas"]["ImportContact"]
    return tuple(name for name in schema["properties"] if name != "CustomFields")


def contact_from_row(row: Mapping[str, Any], properties: Sequence[str]) -> dict[str, Any]:
    """An ``ImportContact`` from a flat row: known members as such, the rest as CustomFields.

    Empty cells are left out (an absent value, not an empty string).
    """
    contact: dict[str, Any] = {}
    custom: dict[str, str] = {}
    for key, value in row.items():
        if value is None or value == "":
            continue
        if key == "CustomFields" and isinstance(value, Mapping):
            custom.update({str(k): str(v) for k, v in value.items()})
        elif key in properties:
            contact[key] = value
        else:
            custom[key] = str(value)
    if custom:
        contact["CustomFields"] = custom
    return contact


@dataclass(frozen=True)
class _BulkState:
    import_config_id: int
    chunk_size: int
    confirmed_chunks: int = 0
    """Chunks done with, in source order: queued, or held back (in doubt)."""
    confirmed_contacts: int = 0
    confirmed_digest: str = field(default_factory=lambda: ContactDigest().hexdigest())
    queue_item_ids: tuple[int, ...] = ()
    uploads_done: bool = False
    config: Mapping[str, Any] | None = field(default=None, hash=False)
    """The ``config`` the import began with (None: it was given ``import_config_id``)."""
    single_use: bool = False
    """The configuration was created with ``IsReusable`` false: it serves one bulk import."""
    settings: Mapping[str, Any] | None = field(default=None, hash=False)
    """The configuration as the server holds it (read when it was created, reused by name, or
    given by id)."""
    in_flight: tuple[int, ...] = ()
    """Chunks (0-based) recorded before they were sent whose queue items are not known: in doubt
    when the import stopped (more than one when chunks in doubt were sent again on a resume)."""
    held_back: tuple[int, ...] = ()
    """Chunks (0-based) in doubt that were not sent again."""

    def encode(self) -> str:
        return encode_state(API, self)

    @classmethod
    def decode(cls, token: str) -> _BulkState:
        return decode_state(cls, token, api=API)


def _resumed_state(
    token: str,
    *,
    import_config_id: int | None,
    config: Mapping[str, Any] | None,
    chunk_size: int | None,
) -> _BulkState:
    """The token's state; an argument given (not None) must say the same, or it is refused.

    ``config`` is compared with the one the import began with as a whole (a configuration's
    settings cannot change in the middle of an import).
    """
    state = _BulkState.decode(token)
    if import_config_id is not None and import_config_id != state.import_config_id:
        raise ResumeArgumentConflict("import_config_id", import_config_id, state.import_config_id)
    if config is not None and _as_json(config) != state.config:
        raise ResumeArgumentConflict("config", dict(config), state.config)
    if chunk_size is not None and chunk_size != state.chunk_size:
        raise ResumeArgumentConflict("chunk_size", chunk_size, state.chunk_size)
    return state


def _as_json(config: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """``config`` as the token stores it (JSON values), to compare with the token's."""
    if config is None:
        return None
    shown: dict[str, Any] = json.loads(json.dumps(config, sort_keys=True, default=str))
    return shown


def _without(indexes: tuple[int, ...], index: int) -> tuple[int, ...]:
    return tuple(item for item in indexes if item != index)


_Chunk = tuple[Rows, list[dict[str, Any]]]
"""A chunk: its contacts as given, and as ImportContacts."""


@dataclass(frozen=True)
class _ListConfigs:
    pass


@dataclass(frozen=True)
class _GetConfig:
    import_config_id: int


@dataclass(frozen=True)
class _CreateConfig:
    config: Mapping[str, Any]


@dataclass(frozen=True)
class _Bulk:
    import_config_id: int
    contacts: list[dict[str, Any]] = field(repr=False)


@dataclass(frozen=True)
class _GetResult:
    queue_item_id: int


class BulkImportProcess(StepProcess[_BulkState]):
    """The CheckMarket workflow's logic as a generator of actions."""

    def __init__(
        self,
        *,
        import_config_id: int | None,
        config: Mapping[str, Any] | None,
        reuse_config: bool,
        chunk_size: int | None,
        continuation_token: str | None,
        send_in_doubt: bool,
        on_progress: Callable[[BulkImportProgress], None] | None,
        on_checkpoint: Callable[[str], None] | None,
        poll_interval: float,
        max_poll_interval: float,
        retry: RetrySettings,
        document: Mapping[str, Any],
    ) -> None:
        state: _BulkState | None = None
        if continuation_token is not None:
            state = _resumed_state(
                continuation_token,
                import_config_id=import_config_id,
                config=config,
                chunk_size=chunk_size,
            )
            chunk_size = state.chunk_size
        elif (import_config_id is None) == (config is None):
            raise ValueError("give either import_config_id or config (to create or reuse one)")
        chunk_size = DEFAULT_CHUNK_SIZE if chunk_size is None else chunk_size
        if chunk_size < 1:
            raise ValueError(f"the chunk size must be at least 1, got {chunk_size}")
        limit = request_body_max_items(_spec.document(API, document), BULK_IMPORT)
        if limit is not None and chunk_size > limit:
            raise ValueError(
                f"the chunk size {chunk_size} exceeds the API's limit of {limit} contacts per "
                "bulk import (maxItems)"
            )
        super().__init__()
        self._state = state
        self._phase = CONFIGURING
        self._config_id = import_config_id
        self._config = config
        self._reuse = reuse_config
        self._chunk_size = chunk_size
        self._on_progress = on_progress
        self._on_checkpoint = on_checkpoint
        self._poll_interval = poll_interval
        self._max_poll_interval = max_poll_interval
        self._retry = retry
        self._meanings = result_code_meanings(document)
        self._outcomes = result_code_outcomes(document)
        self._states = queue_states(document)
        self._properties = contact_properties(document)
        self._digest = ContactDigest()
        self._completed = 0
        self._single_use = False
        self._settings: Mapping[str, Any] | None = None
        self._send_in_doubt = send_in_doubt
        self._document = document
        self._held: list[HeldBackChunk] = []

    @property
    def chunk_size(self) -> int:
        """Contacts per bulk import."""
        return self._chunk_size

    def _set_phase(self, phase: str) -> None:
        with self._lock:
            self._phase = phase
        if self._on_progress is not None:
            state = self._state
            self._on_progress(
                BulkImportProgress(
                    phase=phase,
                    uploaded_contacts=0 if state is None else state.confirmed_contacts,
                    queue_items=0 if state is None else len(state.queue_item_ids),
                    completed_queue_items=self._completed,
                    sent=state is not None and state.uploads_done,
                )
            )

    def prepare(self, rows: Rows) -> _Chunk:
        """A chunk as sent, checked and encoded by the client's rules, with its digest lines:
        made in the reader, ahead of its turn."""
        contacts = [contact_from_row(row, self._properties) for row in rows]
        chunk = DigestedBatch(_parameters.import_contacts(contacts))
        if self._client is not None:
            self._client._encode_ahead(BULK_IMPORT, chunk)
        return rows, chunk

    def _next_chunk(self) -> Steps[_Chunk | None]:
        read: Rows | _Chunk | None = yield from self._read_contacts()
        if read is None or isinstance(read, tuple):
            return read
        return self.prepare(read)

    def steps(self) -> Steps[BulkImportOutcome]:
        """The whole bulk import: configure or resume, send the chunks, poll; the outcome."""
        if self._state is None:
            # The first chunk is read before anything is configured: an empty source leaves
            # nothing behind on the server (no new configuration) and no checkpoint.
            pending = yield from self._next_chunk()
            if pending is None:
                raise EmptyImportError("there are no contacts to import")
            config_id = yield from self._configure()
            self._set_state(
                _BulkState(
                    import_config_id=config_id,
                    chunk_size=self._chunk_size,
                    config=_as_json(self._config),
                    single_use=self._single_use,
                    settings=_as_json(self._settings),
                )
            )
        else:
            pending = yield from self._skip_confirmed()
        self._set_phase(UPLOADING)
        while pending is not None:
            self._check_cancel()
            state = self._state
            assert state is not None
            if state.single_use and state.confirmed_chunks:
                raise self._interrupted(
                    "the import configuration is not reusable (IsReusable false), so it served "
                    f"only the first {state.confirmed_contacts} contacts; use a reusable "
                    "configuration or a chunk size covering every contact"
                )
            # The chunk recorded as in flight when the import was interrupted is in doubt.
            in_doubt = state.confirmed_chunks in state.in_flight
            yield from self._bulk(state.confirmed_chunks, *pending, in_doubt=in_doubt)
            pending = yield from self._next_chunk()
        state = self._state
        assert state is not None
        self._set_state(replace(state, uploads_done=True))
        return (yield from self._poll())

    def _configure(self) -> Steps[int]:
        self._set_phase(CONFIGURING)
        if self._config_id is not None:
            # Read before anything is sent: an unknown id fails here, and its settings decide
            # whether a chunk in doubt may be sent again.
            found: ImportConfig = yield from self._retrying(
                _GetConfig(self._config_id), f"reading import configuration {self._config_id}"
            )
            self._settings = found.to_dict()
            return self._config_id
        assert self._config is not None
        name = self._config.get("Name")
        if self._reuse and name:
            configs: list[ImportConfig] = yield from self._retrying(
                _ListConfigs(), "listing import configurations"
            )
            for existing in configs:
                if existing.name == name and isinstance(existing.import_config_id, int):
                    # Its settings, not the ones given, decide whether a repeat is harmless.
                    self._settings = existing.to_dict()
                    return existing.import_config_id
        config = dict(self._config)
        # A configuration that is not reusable disappears after one bulk import, and the
        # workflow sends one bulk import per chunk: reusable unless the caller says otherwise.
        config.setdefault("IsReusable", True)
        self._single_use = config["IsReusable"] is False
        # A `Succeeded: false` answer is the client's OperationFailedError (its FailureMessage
        # in the text): not transient, so it interrupts the import here.
        created: CreateImportConfigResult = yield from self._retrying(
            _CreateConfig(config), "creating the import configuration"
        )
        if created.succeeded is False:  # a spec without the x-failure rule: checked here
            raise self._interrupted(
                f"creating the import configuration failed: {created.failure_message}"
            )
        self._settings = config
        return created.import_config_id

    def _skip_confirmed(self) -> Steps[_Chunk | None]:
        """Re-read the chunks done with (checking their digest), then settle the ones in doubt
        among them (held back, or in flight when the import stopped); returns the next chunk."""
        state = self._state
        assert state is not None
        doubtful = set(state.held_back)
        doubtful.update(index for index in state.in_flight if index < state.confirmed_chunks)
        if state.uploads_done and not doubtful:
            return None
        in_doubt: list[tuple[int, _Chunk]] = []
        for index in range(state.confirmed_chunks):
            pending = yield from self._next_chunk()
            if pending is None:
                raise SourceChangedError("the source has fewer contacts than were already sent")
            self._digest.update(pending[1])
            if index in doubtful:
                in_doubt.append((index, pending))
        if self._digest.hexdigest() != state.confirmed_digest:
            raise SourceChangedError(
                "the contacts already sent differ from the source given now; not resuming"
            )
        if in_doubt:
            self._set_phase(UPLOADING)
        for index, (rows, chunk) in in_doubt:
            self._check_cancel()
            yield from self._bulk(index, rows, chunk, in_doubt=True)
        if state.uploads_done:
            return None
        return (yield from self._next_chunk())

    def _bulk(
        self, index: int, rows: Rows, chunk: list[dict[str, Any]], *, in_doubt: bool
    ) -> Steps[None]:
        """Send chunk ``index``, recorded as in flight first. A chunk in doubt (``in_doubt``, or
        after a failure that leaves its outcome unknown) is sent (again) only where a repeat is
        harmless or ``send_in_doubt`` says so; otherwise it is held back."""
        state = self._state
        assert state is not None
        repeatable = self._send_in_doubt or repeat_is_harmless(
            state.settings, chunk, self._document
        )
        if in_doubt and not repeatable:
            self._hold_back(index, rows, chunk)
            return
        first = index * self._chunk_size + 1
        attempt = 0
        while True:
            current = self._state
            assert current is not None
            if index not in current.in_flight:
                self._set_state(replace(current, in_flight=(*current.in_flight, index)))
            try:
                queued: BulkImportResult = yield _Bulk(state.import_config_id, chunk)
                break
            except Exception as error:
                attempt += 1
                known = _not_processed(error)
                if not known:
                    if not repeatable:
                        self._hold_back(index, rows, chunk)
                        return
                    in_doubt = True
                if not is_transient(error) or attempt >= self._retry.max_attempts:
                    if not in_doubt:  # known not queued: no longer in flight
                        self._land(index)
                    raise self._interrupted(
                        f"bulk import of contacts {first}-{first + len(chunk) - 1} failed: {error}"
                    ) from error
                if not in_doubt:
                    self._land(index)
            yield Pause(self._retry.delay(attempt))
            self._check_cancel()
        self._done_with(index, chunk, queued=queued.queue_item_id)
        self._set_phase(UPLOADING)

    def _land(self, index: int) -> None:
        """Chunk ``index`` is known not to be queued: it is no longer in flight."""
        state = self._state
        assert state is not None
        self._set_state(replace(state, in_flight=_without(state.in_flight, index)))

    def _hold_back(self, index: int, rows: Rows, chunk: list[dict[str, Any]]) -> None:
        self._held.append(HeldBackChunk(index * self._chunk_size + 1, tuple(rows)))
        self._done_with(index, chunk, queued=None)

    def _done_with(
        self,
        index: int,
        chunk: list[dict[str, Any]],
        *,
        queued: int | None,
    ) -> None:
        """Record chunk ``index`` as queued (``queued`` its queue item) or else held back; it is
        no longer in flight. A chunk not done with before moves the position on."""
        state = self._state
        assert state is not None
        held_back = set(state.held_back) - {index}
        changes: dict[str, Any] = {"in_flight": _without(state.in_flight, index)}
        if queued is None:
            held_back.add(index)
        else:
            changes["queue_item_ids"] = (*state.queue_item_ids, queued)
        changes["held_back"] = tuple(sorted(held_back))
        if index == state.confirmed_chunks:
            self._digest.update(chunk)
            changes.update(
                confirmed_chunks=state.confirmed_chunks + 1,
                confirmed_contacts=state.confirmed_contacts + len(chunk),
                confirmed_digest=self._digest.hexdigest(),
            )
        self._set_state(replace(state, **changes))

    def _poll(self) -> Steps[BulkImportOutcome]:
        state = self._state
        assert state is not None
        finals: dict[int, ImportQueueItem] = {}
        pacer = PollPacer(self._poll_interval, self._max_poll_interval)
        self._set_phase(PROCESSING)
        while True:
            for queue_item_id in state.queue_item_ids:
                if queue_item_id in finals:
                    continue
                item: ImportQueueItem = yield from self._retrying(
                    _GetResult(queue_item_id), "reading the import result"
                )
                if item.status_id in self._states.final:
                    finals[queue_item_id] = item
            self._completed = len(finals)
            if len(finals) == len(state.queue_item_ids):
                break
            self._set_phase(PROCESSING)
            # The share of queue items that are final is the import's progress.
            progress = 100 * len(finals) / len(state.queue_item_ids)
            yield Pause(pacer.next(progress, monotonic()))
            self._check_cancel()
        counts: dict[str, int] = {}
        for queue_item_id in state.queue_item_ids:
            result = finals[queue_item_id].result
            for row in [] if isinstance(result, Unset) else result.import_result:
                code = row.result_code
                counts[code] = counts.get(code, 0) + row.contact_count
        ended = [finals[queue_item_id].status_id for queue_item_id in state.queue_item_ids]
        failed = [status for status in ended if status in self._states.failed]
        # The first failed queue item's state, else the first one's (all succeeded).
        final = next(iter(failed or ended), None)
        status = "" if final is None else self._states.meanings()[final]
        self._set_phase(status)
        return BulkImportOutcome(
            import_config_id=state.import_config_id,
            queue_item_ids=state.queue_item_ids,
            status=status,
            results=tuple(
                ResultCodeCount(
                    code,
                    self._meanings.get(code, "Unknown result code"),
                    count,
                    self._outcomes.get(code, "rejected"),
                )
                for code, count in sorted(counts.items())
            ),
            queue_items=tuple(finals[i] for i in state.queue_item_ids),
            failed=bool(failed),
            held_back=tuple(sorted(self._held, key=lambda chunk: chunk.first)),
        )

    def _invoke(self, client: CheckMarket | AsyncCheckMarket, action: Any) -> Any:
        """The client's own call for ``action`` (with ``AsyncCheckMarket``: its coroutine)."""
        if isinstance(action, _Bulk):
            return client.bulk_import_contacts(action.import_config_id, action.contacts)
        if isinstance(action, _GetResult):
            return client.get_import_result(action.queue_item_id)
        if isinstance(action, _ListConfigs):
            return client.list_import_configs()
        if isinstance(action, _GetConfig):
            return client.get_import_config(action.import_config_id)
        if isinstance(action, _CreateConfig):
            return client.create_import_config(action.config)
        raise TypeError(f"unknown action {action!r}")
