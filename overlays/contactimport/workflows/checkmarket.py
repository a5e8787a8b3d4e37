"""CheckMarket bulk import workflow: configuration → bulk import(s) → poll → counts per ResultCode.

``begin_bulk_import(api, contacts, import_config_id=... | config=...)`` returns a poller whose
result is a :class:`BulkImportOutcome`: how many contacts got each ResultCode, with the code's
documented meaning read from the spec (``x-result-codes`` of the ``ResultCode`` schema).

Contacts are mappings; keys that are ``ImportContact`` properties in the spec (``Email``,
``FirstName``, ...) are sent as such, every other key goes into ``CustomFields``. They are sent in
chunks (``chunk_size``, 5,000 by default, at most the spec's ``maxItems`` of a bulk import), one
queue item per chunk. A bulk import is never re-sent automatically when its outcome is unknown
(CheckMarket offers no way to tell whether it was queued, and a repeat may import the contacts
twice): the workflow stops with a continuation token recording the chunks whose queue items are
known. Resuming skips those and sends the rest, including the chunk whose outcome was unknown;
with a configuration that updates existing contacts (``UpdateTypeId`` 1 and unique emails) a
repeat updates rather than duplicates.

Queue item states: what a ``StatusId`` means to the workflow is its stage in the spec's
``x-status-values`` (:mod:`.states`): a final one ends the polling of its queue item, a failed one
fails the bulk import, and the outcome's ``status`` is the spec's meaning of the final
``StatusId``. A ``StatusId`` the spec does not list keeps the workflow polling.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final, Protocol

from .batching import request_body_max_items
from .errors import (
    EmptyImportError,
    ImportStateConflict,
    ResumeArgumentConflict,
    SourceChangedError,
)
from .poller import AsyncImportPoller, ImportPoller, Pause, Steps
from .process import StepProcess
from .resume import ContactDigest, decode_state, encode_state
from .states import StatusValues, status_values
from .which50 import RetrySettings

if TYPE_CHECKING:
    from ..checkmarket import AsyncCheckMarket, CheckMarket

__all__ = [
    "AsyncCheckMarketImportApi",
    "BulkImportOutcome",
    "BulkImportProgress",
    "CheckMarketImportApi",
    "ResultCodeCount",
    "begin_bulk_import",
    "begin_bulk_import_async",
    "contact_from_row",
    "queue_states",
    "queue_status",
    "queue_status_meanings",
    "result_code_meanings",
    "result_code_outcomes",
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


def _spec(document: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if document is not None:
        return document
    from contactimport_spec import document as spec_document

    return spec_document(API)


def result_code_meanings(document: Mapping[str, Any] | None = None) -> dict[str, str]:
    """``{code: meaning}`` from the spec's ``x-result-codes`` (R0300 → "Successfully updated")."""
    schema = _spec(document)["components"]["schemas"]["ResultCode"]
    return {str(item["code"]): str(item["meaning"]) for item in schema["x-result-codes"]}


def result_code_outcomes(document: Mapping[str, Any] | None = None) -> dict[str, str]:
    """``{code: outcome}`` from the spec's ``x-result-codes``: imported, rejected or warning."""
    schema = _spec(document)["components"]["schemas"]["ResultCode"]
    return {str(item["code"]): str(item["outcome"]) for item in schema["x-result-codes"]}


def queue_states(document: Mapping[str, Any] | None = None) -> StatusValues:
    """The ``ImportQueueItem.StatusId`` states and their stages, read from the CheckMarket spec."""
    return status_values(_spec(document), *QUEUE_STATUS)


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


def contact_properties(document: Mapping[str, Any] | None = None) -> tuple[str, ...]:
    """The named ``ImportContact`` members (everything else goes into ``CustomFields``)."""
    schema = _spec(document)["components"]["schemas"]["ImportContact"]
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


class CheckMarketImportApi(Protocol):
    """The CheckMarket calls the workflow needs; JSON-shaped ``Data`` in and out."""

    def list_import_configs(self) -> Sequence[Mapping[str, Any]]: ...

    def create_import_config(self, config: Mapping[str, Any]) -> Mapping[str, Any]: ...

    def bulk_import_contacts(
        self, import_config_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> Mapping[str, Any]: ...

    def get_import_result(self, queue_item_id: int) -> Mapping[str, Any]: ...


class AsyncCheckMarketImportApi(Protocol):
    """:class:`CheckMarketImportApi` with coroutines."""

    async def list_import_configs(self) -> Sequence[Mapping[str, Any]]: ...

    async def create_import_config(self, config: Mapping[str, Any]) -> Mapping[str, Any]: ...

    async def bulk_import_contacts(
        self, import_config_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> Mapping[str, Any]: ...

    async def get_import_result(self, queue_item_id: int) -> Mapping[str, Any]: ...


@dataclass(frozen=True)
class ResultCodeCount:
    """How many contacts got one ResultCode, and what the code means (from the spec)."""

    code: str
    meaning: str
    count: int
    outcome: str = "rejected"
    """From the spec: ``imported``, ``rejected`` or ``warning`` (unknown codes: ``rejected``)."""

    @property
    def imported(self) -> bool:
        """Whether the code says the contact was created or updated."""
        return self.outcome == "imported"

    @property
    def warning(self) -> bool:
        """Whether the code only accompanies another code of the same contact (e.g. R0318)."""
        return self.outcome == "warning"


@dataclass(frozen=True)
class BulkImportOutcome:
    """The result of a whole bulk import: the queue items and the counts per ResultCode."""

    import_config_id: int
    queue_item_ids: tuple[int, ...]
    status: str
    """The spec's meaning of the final ``StatusId``: a failed queue item's if one failed."""
    results: tuple[ResultCodeCount, ...]
    queue_items: tuple[Mapping[str, Any], ...] = field(repr=False, compare=False)
    failed: bool = False
    """Whether a queue item ended in a ``StatusId`` whose outcome the spec says is failed."""

    @property
    def total(self) -> int:
        """Contacts sent: every code's count except warnings, which accompany another code."""
        return sum(row.count for row in self.results if not row.warning)

    @property
    def imported(self) -> int:
        return sum(row.count for row in self.results if row.imported)

    @property
    def not_imported(self) -> int:
        return self.total - self.imported

    def as_json(self) -> dict[str, Any]:
        return {
            "ImportConfigId": self.import_config_id,
            "QueueItemIds": list(self.queue_item_ids),
            "Status": self.status,
            "Results": [
                {"ResultCode": r.code, "Meaning": r.meaning, "ContactCount": r.count}
                for r in self.results
            ],
            "Total": self.total,
            "Imported": self.imported,
        }


@dataclass(frozen=True)
class BulkImportProgress:
    """What the progress callback receives."""

    phase: str
    """``Configuring``, ``Uploading``, ``Processing``, then the outcome's ``status`` (the spec's
    meaning of the final ``StatusId``: ``Completed`` or ``Failed`` in the spec)."""
    uploaded_contacts: int
    queue_items: int
    completed_queue_items: int
    sent: bool = False
    """Whether every chunk was sent: the queue items are being processed, or are final."""


@dataclass(frozen=True)
class _BulkState:
    import_config_id: int
    chunk_size: int
    confirmed_chunks: int = 0
    confirmed_contacts: int = 0
    confirmed_digest: str = field(default_factory=lambda: ContactDigest().hexdigest())
    queue_item_ids: tuple[int, ...] = ()
    uploads_done: bool = False
    config: Mapping[str, Any] | None = field(default=None, hash=False)
    """The ``config`` the import began with (None: it was given ``import_config_id``)."""
    single_use: bool = False
    """The configuration was created with ``IsReusable`` false: it serves one bulk import."""

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


@dataclass(frozen=True)
class _ListConfigs:
    pass


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
        limit = request_body_max_items(_spec(document), BULK_IMPORT)
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

    @property
    def chunk_size(self) -> int:
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

    def _next_chunk(self) -> Steps[list[dict[str, Any]] | None]:
        rows = yield from self._read_contacts()
        if rows is None:
            return None
        return [contact_from_row(row, self._properties) for row in rows]

    def steps(self) -> Steps[BulkImportOutcome]:
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
                )
            )
        else:
            pending = yield from self._skip_confirmed()
        self._set_phase(UPLOADING)
        while pending is not None:
            self._check_cancel()
            state = self._state
            if state is not None and state.single_use and state.confirmed_chunks:
                raise self._interrupted(
                    "the import configuration is not reusable (IsReusable false), so it served "
                    f"only the first {state.confirmed_contacts} contacts; use a reusable "
                    "configuration or a chunk size covering every contact"
                )
            yield from self._bulk(pending)
            pending = yield from self._next_chunk()
        state = self._state
        assert state is not None
        self._set_state(replace(state, uploads_done=True))
        return (yield from self._poll())

    def _configure(self) -> Steps[int]:
        self._set_phase(CONFIGURING)
        if self._config_id is not None:
            return self._config_id
        assert self._config is not None
        name = self._config.get("Name")
        if self._reuse and name:
            configs = yield from self._retrying(_ListConfigs(), "listing import configurations")
            for existing in configs:
                if existing.get("Name") == name and existing.get("ImportConfigId") is not None:
                    return int(existing["ImportConfigId"])
        config = dict(self._config)
        # A configuration that is not reusable disappears after one bulk import, and the
        # workflow sends one bulk import per chunk: reusable unless the caller says otherwise.
        config.setdefault("IsReusable", True)
        self._single_use = config["IsReusable"] is False
        created = yield from self._retrying(
            _CreateConfig(config), "creating the import configuration"
        )
        if not created.get("Succeeded", True) or created.get("ImportConfigId") is None:
            raise self._interrupted(
                f"creating the import configuration failed: {created.get('FailureMessage')}"
            )
        return int(created["ImportConfigId"])

    def _skip_confirmed(self) -> Steps[list[dict[str, Any]] | None]:
        state = self._state
        assert state is not None
        if state.uploads_done:
            return None
        for _ in range(state.confirmed_chunks):
            chunk = yield from self._next_chunk()
            if chunk is None:
                raise SourceChangedError("the source has fewer contacts than were already sent")
            self._digest.update(chunk)
        if self._digest.hexdigest() != state.confirmed_digest:
            raise SourceChangedError(
                "the contacts already sent differ from the source given now; not resuming"
            )
        return (yield from self._next_chunk())

    def _bulk(self, chunk: list[dict[str, Any]]) -> Steps[None]:
        state = self._state
        assert state is not None
        try:
            data: Mapping[str, Any] = yield _Bulk(state.import_config_id, chunk)
        except Exception as error:
            # Not re-sent: if it reached the server, a repeat would import these contacts twice.
            raise self._interrupted(
                f"bulk import of contacts {state.confirmed_contacts + 1}-"
                f"{state.confirmed_contacts + len(chunk)} failed: {error}"
            ) from error
        queue_item_id = data.get("QueueItemId")
        if queue_item_id is None:
            raise ImportStateConflict(f"the bulk import answered without a QueueItemId: {data!r}")
        self._digest.update(chunk)
        self._set_state(
            replace(
                state,
                confirmed_chunks=state.confirmed_chunks + 1,
                confirmed_contacts=state.confirmed_contacts + len(chunk),
                confirmed_digest=self._digest.hexdigest(),
                queue_item_ids=(*state.queue_item_ids, int(queue_item_id)),
            )
        )
        self._set_phase(UPLOADING)

    def _poll(self) -> Steps[BulkImportOutcome]:
        state = self._state
        assert state is not None
        finals: dict[int, Mapping[str, Any]] = {}
        interval = self._poll_interval
        self._set_phase(PROCESSING)
        while True:
            for queue_item_id in state.queue_item_ids:
                if queue_item_id in finals:
                    continue
                item: Mapping[str, Any] = yield from self._retrying(
                    _GetResult(queue_item_id), "reading the import result"
                )
                if queue_status(item) in self._states.final:
                    finals[queue_item_id] = item
            self._completed = len(finals)
            if len(finals) == len(state.queue_item_ids):
                break
            self._set_phase(PROCESSING)
            yield Pause(interval)
            self._check_cancel()
            interval = min(self._max_poll_interval, interval * 1.5)
        counts: dict[str, int] = {}
        for queue_item_id in state.queue_item_ids:
            rows = (finals[queue_item_id].get("Result") or {}).get("ImportResult") or []
            for row in rows:
                code = str(row.get("ResultCode"))
                counts[code] = counts.get(code, 0) + int(row.get("ContactCount") or 0)
        ended = [queue_status(finals[queue_item_id]) for queue_item_id in state.queue_item_ids]
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
        )

    def _invoke(self, api: CheckMarketImportApi | AsyncCheckMarketImportApi, action: Any) -> Any:
        if isinstance(action, _ListConfigs):
            return api.list_import_configs()
        if isinstance(action, _CreateConfig):
            return api.create_import_config(action.config)
        if isinstance(action, _Bulk):
            return api.bulk_import_contacts(action.import_config_id, action.contacts)
        if isinstance(action, _GetResult):
            return api.get_import_result(action.queue_item_id)
        raise TypeError(f"unknown action {action!r}")


def _process(**options: Any) -> BulkImportProcess:
    document = _spec(options.pop("spec_document"))
    retry = options.pop("retry") or RetrySettings()
    return BulkImportProcess(document=document, retry=retry, **options)


def _sync_api(api: CheckMarketImportApi | CheckMarket) -> CheckMarketImportApi:
    from ..checkmarket import CheckMarket

    if isinstance(api, CheckMarket):
        from .adapters import CheckMarketAdapter

        return CheckMarketAdapter(api)
    return api


def _async_api(api: AsyncCheckMarketImportApi | AsyncCheckMarket) -> AsyncCheckMarketImportApi:
    from ..checkmarket import AsyncCheckMarket

    if isinstance(api, AsyncCheckMarket):
        from .adapters import AsyncCheckMarketAdapter

        return AsyncCheckMarketAdapter(api)
    return api


def begin_bulk_import(
    api: CheckMarketImportApi | CheckMarket,
    contacts: Iterable[Mapping[str, Any]],
    *,
    import_config_id: int | None = None,
    config: Mapping[str, Any] | None = None,
    reuse_config: bool = True,
    chunk_size: int | None = None,
    continuation_token: str | None = None,
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
    """
    process = _process(
        import_config_id=import_config_id,
        config=config,
        reuse_config=reuse_config,
        chunk_size=chunk_size,
        continuation_token=continuation_token,
        on_progress=on_progress,
        on_checkpoint=on_checkpoint,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        retry=retry,
        spec_document=spec_document,
    )

    return process.start(process.steps(), _sync_api(api), contacts, process.chunk_size)


async def begin_bulk_import_async(
    api: AsyncCheckMarketImportApi | AsyncCheckMarket,
    contacts: Iterable[Mapping[str, Any]] | AsyncIterable[Mapping[str, Any]],
    *,
    import_config_id: int | None = None,
    config: Mapping[str, Any] | None = None,
    reuse_config: bool = True,
    chunk_size: int | None = None,
    continuation_token: str | None = None,
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
        on_progress=on_progress,
        on_checkpoint=on_checkpoint,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        retry=retry,
        spec_document=spec_document,
    )

    return process.start_async(process.steps(), _async_api(api), contacts, process.chunk_size)
