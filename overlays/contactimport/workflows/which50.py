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
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final, Protocol

from .. import _spec
from .._spec import request_body_max_items
from .errors import (
    EmptyImportError,
    ImportJobFailed,
    ImportStateConflict,
    ResumeArgumentConflict,
    SourceChangedError,
    UnknownFieldsError,
    is_transient,
)
from .poller import AsyncImportPoller, ImportPoller, Pause, Steps
from .process import StepProcess
from .resume import ContactDigest, ResumeState, RunMethod
from .retrying import RetrySettings, is_conflict
from .states import StatusValues, status_values

if TYPE_CHECKING:
    from ..which50 import AsyncWhich50, Which50

__all__ = [
    "FAILED_STATES",
    "RUNNING_STATES",
    "SUCCEEDED_STATES",
    "TERMINAL_STATES",
    "UPLOADABLE_STATES",
    "AsyncWhich50ImportApi",
    "ImportJobResult",
    "ImportProgress",
    "RetrySettings",
    "RunMethod",
    "Which50ImportApi",
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


def _status(job: Mapping[str, Any]) -> str:
    """A job's ``CurrentStatus`` as text (whatever a server sent: unknown ones are no stage)."""
    return str(job.get("CurrentStatus"))


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


class Which50ImportApi(Protocol):
    """The four W50 calls the workflow needs; JSON-shaped dicts in and out."""

    def create_import_job(
        self, contact_list_id: int, field_names: Sequence[str]
    ) -> Mapping[str, Any]:
        """Create an import job for the list's `field_names`; the job as a JSON-shaped mapping."""

    def upload_import_batch(
        self, contact_list_id: int, import_job_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> None:
        """Load one batch of contacts into the job."""

    def get_import_job(self, contact_list_id: int, import_job_id: int) -> Mapping[str, Any]:
        """The import job (status and counters) as a JSON-shaped mapping."""

    def run_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: Sequence[str],
        custom_events: Sequence[str],
        match_values: Mapping[str, str],
        method: RunMethod,
    ) -> Mapping[str, Any]:
        """Run the loaded job: insert or update by `match`, firing `custom_events`."""


class AsyncWhich50ImportApi(Protocol):
    """:class:`Which50ImportApi` with coroutines."""

    async def create_import_job(
        self, contact_list_id: int, field_names: Sequence[str]
    ) -> Mapping[str, Any]:
        """Create an import job for the list's `field_names`; the job as a JSON-shaped mapping."""

    async def upload_import_batch(
        self, contact_list_id: int, import_job_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> None:
        """Load one batch of contacts into the job."""

    async def get_import_job(self, contact_list_id: int, import_job_id: int) -> Mapping[str, Any]:
        """The import job (status and counters) as a JSON-shaped mapping."""

    async def run_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: Sequence[str],
        custom_events: Sequence[str],
        match_values: Mapping[str, str],
        method: RunMethod,
    ) -> Mapping[str, Any]:
        """Run the loaded job: insert or update by `match`, firing `custom_events`."""


@dataclass(frozen=True)
class ImportJobResult:
    """An ImportJob's state and counters (the W50 ``ImportJob`` schema, snake_case)."""

    id: int
    contact_list_id: int
    current_status: str
    progress_percent: int
    total_contacts: int
    inserted_contacts: int
    updated_contacts: int
    not_updated_contacts: int
    dropped_contacts: int
    invalid_email_count: int
    invalid_sms_count: int
    start_date: str | None
    finish_date: str | None
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, job: Mapping[str, Any]) -> ImportJobResult:
        """The result read from a JSON-shaped ImportJob (a missing counter is 0)."""

        def number(name: str) -> int:
            value = job.get(name)
            return int(value) if isinstance(value, int | float | str) and value != "" else 0

        return cls(
            id=number("Id"),
            contact_list_id=number("ContactListId"),
            current_status=str(job.get("CurrentStatus") or ""),
            progress_percent=number("ProgressPercent"),
            total_contacts=number("TotalContacts"),
            inserted_contacts=number("InsertedContacts"),
            updated_contacts=number("UpdatedContacts"),
            not_updated_contacts=number("NotUpdatedContacts"),
            dropped_contacts=number("DroppedContacts"),
            invalid_email_count=number("InvalidEmailCount"),
            invalid_sms_count=number("InvalidSmsCount"),
            start_date=None if job.get("StartDate") is None else str(job["StartDate"]),
            finish_date=None if job.get("FinishDate") is None else str(job["FinishDate"]),
            raw=dict(job),
        )

    def as_json(self) -> dict[str, Any]:
        """The ImportJob exactly as the API returned it."""
        return dict(self.raw)


@dataclass(frozen=True)
class ImportProgress:
    """What the progress callback receives: the phase, what was uploaded, the job's state."""

    phase: str
    """``Starting`` (before the job exists, and again once its run is requested), ``Uploading``,
    or else the job's ``CurrentStatus`` while it runs and once it is final (``Running``,
    ``Finished``, ``Failed`` in the spec)."""
    uploaded_contacts: int
    uploaded_batches: int
    job: ImportJobResult | None


MIN_POLL_INTERVAL: Final = 0.05
"""No two polls of one job come closer than this (seconds)."""


class PollPacer:
    """When to poll a running job next: from the pace of its `ProgressPercent`.

    With two readings of rising progress, the job's rate gives the time it still needs; the next
    poll comes then (at least MIN_POLL_INTERVAL, at most `max_interval`), so the end is seen
    soon after it happens without polling a long job often. Without a rate (no progress yet, or
    none reported), the interval starts at `interval` (the first poll after the start at most
    a quarter of a second, to get a reading early) and grows by half each time, up to
    `max_interval`.
    """

    def __init__(self, interval: float, max_interval: float) -> None:
        self.interval = max(MIN_POLL_INTERVAL, min(interval, max_interval))
        self.max_interval = max_interval
        self._first = True
        self._start: tuple[float, float] | None = None

    def next(self, progress: object, now: float) -> float:
        percent = float(progress) if isinstance(progress, int | float) else None
        if percent is not None and 0 < percent < 100 and self._start is not None:
            started_at, started_percent = self._start
            if percent > started_percent and now > started_at:
                rate = (percent - started_percent) / (now - started_at)
                remaining = (100 - percent) / rate
                return max(MIN_POLL_INTERVAL, min(self.max_interval, remaining))
        if percent is not None and self._start is None:
            self._start = (now, percent)
        if self._first:
            self._first = False
            return min(self.interval, 0.25)
        wait = self.interval
        self.interval = min(self.max_interval, self.interval * 1.5)
        return wait


# Actions the workflow yields (executed by the sync or async driver).
@dataclass(frozen=True)
class _CreateJob:
    field_names: tuple[str, ...]


@dataclass(frozen=True)
class _Upload:
    job_id: int
    contacts: list[dict[str, Any]] = field(repr=False)


@dataclass(frozen=True)
class _GetJob:
    job_id: int


@dataclass(frozen=True)
class _Run:
    job_id: int


@dataclass(frozen=True)
class _Settings:
    """What an import runs with: the caller's arguments, or when resuming what the token says."""

    field_names: tuple[str, ...] | None
    match: tuple[str, ...]
    custom_events: tuple[str, ...]
    match_values: Mapping[str, str]
    run_method: RunMethod
    batch_size: int

    def check(self, limit: int) -> None:
        if self.batch_size < 1:
            raise ValueError(f"the batch size must be at least 1, got {self.batch_size}")
        if self.batch_size > limit:
            raise ValueError(
                f"the batch size {self.batch_size} exceeds the API's limit of {limit} contacts"
            )
        if self.run_method == "PATCH" and not self.match_values:
            raise ValueError("a PATCH run needs match_values (the values contacts must match)")
        if self.match_values and self.run_method != "PATCH":
            raise ValueError("match_values only apply to a PATCH run (run_method='PATCH')")
        if set(self.match_values) - set(self.match):
            raise ValueError("every name in match_values must also be listed in match")


class Which50ImportProcess(StepProcess[ResumeState]):
    """The workflow's logic as a generator of actions; thread-safe ``status``/``token`` reads."""

    def __init__(
        self,
        contact_list_id: int,
        *,
        settings: _Settings,
        states: StatusValues,
        state: ResumeState | None,
        source_fingerprint: str | None,
        on_progress: Callable[[ImportProgress], None] | None,
        on_checkpoint: Callable[[str], None] | None,
        poll_interval: float,
        max_poll_interval: float,
        retry: RetrySettings,
    ) -> None:
        self.contact_list_id = contact_list_id
        super().__init__()
        self._settings = settings
        self._states = states
        self._source_fingerprint = source_fingerprint
        self._derived_field_names: frozenset[str] | None = (
            frozenset(state.field_names) if state is not None and state.fields_derived else None
        )
        self._phase = "Starting"
        self._on_progress = on_progress
        self._on_checkpoint = on_checkpoint
        self._poll_interval = poll_interval
        self._max_poll_interval = max_poll_interval
        self._retry = retry
        self._digest = ContactDigest()
        self._job: ImportJobResult | None = None
        self._state = state

    # -- read from any thread ------------------------------------------------------------
    @property
    def batch_size(self) -> int:
        """Contacts per uploaded batch."""
        return self._settings.batch_size

    # -- helpers ---------------------------------------------------------------------------
    def _set_phase(self, phase: str, job: Mapping[str, Any] | None = None) -> None:
        with self._lock:
            self._phase = phase
            if job is not None:
                self._job = ImportJobResult.from_json(job)
        self._report()

    def _started(self, job: Mapping[str, Any]) -> bool:
        """Whether the job's run took effect (its status is in progress or final)."""
        return _status(job) in self._states.started

    def _report(self) -> None:
        if self._on_progress is None:
            return
        state = self._state
        self._on_progress(
            ImportProgress(
                phase=self._phase,
                uploaded_contacts=0 if state is None else state.confirmed_contacts,
                uploaded_batches=0 if state is None else state.confirmed_batches,
                job=self._job,
            )
        )

    def _next_batch(self) -> Steps[list[dict[str, Any]] | None]:
        batch = yield from self._read_contacts()
        if batch is None:
            return None
        return [{"Values": dict(values)} for values in batch]

    # -- the workflow ----------------------------------------------------------------------
    def steps(self) -> Steps[ImportJobResult]:
        """The whole import: create or resume, upload, run, poll; returns the final job."""
        if self._state is None:
            pending = yield from self._start()
        else:
            pending, job_after_run = yield from self._resume()
            if job_after_run is not None:
                if not self._started(job_after_run):
                    job_after_run = yield from self._run()  # the run request never took effect
                return (yield from self._finish(job_after_run))
        while pending is not None:
            self._check_cancel()
            yield from self._upload(pending)
            pending = yield from self._next_batch()
        job = yield from self._run()
        return (yield from self._finish(job))

    def _start(self) -> Steps[list[dict[str, Any]] | None]:
        settings = self._settings
        self._set_phase("Starting")
        first = yield from self._next_batch()
        if first is None:
            raise EmptyImportError("there are no contacts to import")
        field_names = settings.field_names
        if field_names is None:
            seen: dict[str, None] = {}
            for contact in first:
                seen.update(dict.fromkeys(contact["Values"]))
            field_names = tuple(seen)
            self._derived_field_names = frozenset(field_names)
        job = yield from self._retrying(_CreateJob(field_names), "creating the import job")
        state = ResumeState(
            api=API,
            contact_list_id=self.contact_list_id,
            import_job_id=int(job["Id"]),
            field_names=field_names,
            batch_size=settings.batch_size,
            match=settings.match,
            custom_events=settings.custom_events,
            run_method=settings.run_method,
            source_fingerprint=self._source_fingerprint,
            match_values=dict(settings.match_values),
            fields_derived=self._derived_field_names is not None,
        )
        self._set_state(state)
        self._set_phase("Uploading", job)
        return first

    def _resume(self) -> Steps[tuple[list[dict[str, Any]] | None, Mapping[str, Any] | None]]:
        """Skip the confirmed batches; returns (next batch to upload, job if uploads are over)."""
        state = self._state
        assert state is not None
        job = yield from self._retrying(_GetJob(state.import_job_id), "reading the import job")
        status = _status(job)
        started = self._started(job)
        if state.run_requested or started:
            if started and not state.run_requested:
                self._set_state(replace(state, run_requested=True))
            self._set_phase(status, job)
            return None, job
        if status not in self._states.open:
            raise ImportStateConflict(f"import job {state.import_job_id} is {status!r}")
        self._set_phase("Uploading", job)
        for index in range(state.confirmed_batches):
            batch = yield from self._next_batch()
            if batch is None or (
                index < state.confirmed_batches - 1 and len(batch) != state.batch_size
            ):
                raise SourceChangedError("the source has fewer contacts than were already uploaded")
            self._digest.update(batch)
        if self._digest.hexdigest() != state.confirmed_digest:
            raise SourceChangedError(
                "the contacts already uploaded differ from the source given now; not resuming"
            )
        pending = yield from self._next_batch()
        on_server = int(job.get("TotalContacts") or 0)
        if on_server == state.confirmed_contacts:
            return pending, None
        if pending is not None and on_server == state.confirmed_contacts + len(pending):
            # Interrupted after the server applied the batch but before we recorded it.
            self._confirm(pending)
            return (yield from self._next_batch()), None
        raise ImportStateConflict(
            f"import job {state.import_job_id} holds {on_server} contacts, the resume token "
            f"{state.confirmed_contacts}; was something else uploading to it?"
        )

    def _confirm(self, batch: list[dict[str, Any]]) -> None:
        state = self._state
        assert state is not None
        self._digest.update(batch)
        self._set_state(state.confirm(len(batch), self._digest.hexdigest()))
        self._report()

    def _upload(self, batch: list[dict[str, Any]]) -> Steps[None]:
        state = self._state
        assert state is not None
        job_id = state.import_job_id
        before = state.confirmed_contacts
        if self._derived_field_names is not None:
            for contact in batch:
                extra = contact["Values"].keys() - self._derived_field_names
                if extra:
                    raise UnknownFieldsError(
                        f"a contact has fields {sorted(extra)} that the first batch did not have, "
                        f"so the job's FieldNames ({sorted(self._derived_field_names)}) lack them "
                        "and the API would drop their values; pass field_names= naming every field"
                    )
        attempt = 0
        while True:
            try:
                yield _Upload(job_id, batch)
            except Exception as error:
                if not is_transient(error):
                    raise self._interrupted(f"uploading a batch failed: {error}") from error
                attempt += 1
                # The outcome is unknown: wait first, so that a request the server is still
                # writing has landed, then ask the server whether the batch is there.
                yield Pause(self._retry.delay(attempt))
                self._check_cancel()
                job = yield from self._retrying(_GetJob(job_id), "checking the import job")
                on_server = int(job.get("TotalContacts") or 0)
                if on_server == before + len(batch):
                    break
                if on_server != before:
                    raise ImportStateConflict(
                        f"import job {job_id} holds {on_server} contacts, expected {before} "
                        f"or {before + len(batch)}; was something else uploading to it?"
                    ) from error
                if attempt >= self._retry.max_attempts:
                    raise self._interrupted(f"uploading a batch failed: {error}") from error
            else:
                break
        self._confirm(batch)

    def _run(self) -> Steps[Mapping[str, Any]]:
        state = self._state
        assert state is not None
        if state.confirmed_contacts == 0:
            raise EmptyImportError("there are no contacts to import")
        self._check_cancel()
        self._set_state(replace(state, run_requested=True))
        self._set_phase("Starting")
        attempt = 0
        while True:
            try:
                job: Mapping[str, Any] = yield _Run(state.import_job_id)
                return job
            except Exception as error:
                conflict = is_conflict(error)
                if not (conflict or is_transient(error)):
                    raise self._interrupted(f"running the import job failed: {error}") from error
                attempt += 1
                current: Mapping[str, Any] = yield from self._retrying(
                    _GetJob(state.import_job_id), "checking the import job"
                )
                if self._started(current):
                    return current  # an earlier attempt did start it
                if conflict or attempt >= self._retry.max_attempts:
                    raise self._interrupted(f"running the import job failed: {error}") from error
                yield Pause(self._retry.delay(attempt))

    def _finish(self, job: Mapping[str, Any]) -> Steps[ImportJobResult]:
        state = self._state
        assert state is not None
        pacer = PollPacer(self._poll_interval, self._max_poll_interval)
        while True:
            status = _status(job)
            self._set_phase(status, job)
            if status in self._states.final:
                break
            yield Pause(pacer.next(job.get("ProgressPercent"), time.monotonic()))
            self._check_cancel()
            job = yield from self._retrying(_GetJob(state.import_job_id), "polling the import job")
        result = ImportJobResult.from_json(job)
        if _status(job) in self._states.failed:
            raise ImportJobFailed(f"import job {result.id} failed", result=result)
        return result

    # -- executing actions -----------------------------------------------------------------
    def _invoke(self, api: Which50ImportApi | AsyncWhich50ImportApi, action: Any) -> Any:
        if isinstance(action, _CreateJob):
            return api.create_import_job(self.contact_list_id, action.field_names)
        if isinstance(action, _Upload):
            return api.upload_import_batch(self.contact_list_id, action.job_id, action.contacts)
        if isinstance(action, _GetJob):
            return api.get_import_job(self.contact_list_id, action.job_id)
        if isinstance(action, _Run):
            state = self._state
            assert state is not None
            return api.run_import_job(
                self.contact_list_id,
                action.job_id,
                match=state.match,
                custom_events=state.custom_events,
                match_values=state.match_values,
                method=state.run_method,
            )
        raise TypeError(f"unknown action {action!r}")


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


def _sync_api(api: Which50ImportApi | Which50) -> Which50ImportApi:
    from ..which50 import Which50

    if isinstance(api, Which50):
        from .adapters import Which50Adapter

        return Which50Adapter(api)
    return api


def _async_api(api: AsyncWhich50ImportApi | AsyncWhich50) -> AsyncWhich50ImportApi:
    from ..which50 import AsyncWhich50

    if isinstance(api, AsyncWhich50):
        from .adapters import AsyncWhich50Adapter

        return AsyncWhich50Adapter(api)
    return api


def begin_import(
    api: Which50ImportApi | Which50,
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
) -> ImportPoller[ImportJobResult]:
    """Start importing ``contacts`` into a W50 contact list; returns a poller at once.

    ``api``: a :class:`contactimport.which50.Which50` client (or any :class:`Which50ImportApi`).

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
    ``poller.result()`` returns the final :class:`ImportJobResult`; it raises
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

    return process.start(process.steps(), _sync_api(api), contacts, process.batch_size)


async def begin_import_async(
    api: AsyncWhich50ImportApi | AsyncWhich50,
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
) -> AsyncImportPoller[ImportJobResult]:
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

    return process.start_async(process.steps(), _async_api(api), contacts, process.batch_size)
