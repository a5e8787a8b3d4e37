"""The W50 import as a generator of actions (sans I/O): create or resume the job, upload the
batches (a batch in doubt is checked against the job's ``TotalContacts``, never replayed blindly),
run it, poll it until its status is final. :mod:`contactimport.workflows.which50` builds it and
drives it.

The actions are the client's own calls (``Which50``/``AsyncWhich50`` methods); what comes back is
the client's ``ImportJob`` model, read as is.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

from .. import _parameters
from ..generated.which50_client.models import ImportJob
from ..which50 import AsyncWhich50, Which50
from .errors import (
    EmptyImportError,
    ImportJobFailed,
    ImportStateConflict,
    SourceChangedError,
    UnknownFieldsError,
    is_transient,
)
from .pacing import PollPacer
from .poller import Pause, Steps
from .process import Rows, StepProcess
from .resume import ContactDigest, DigestedBatch, ResumeState, RunMethod
from .retrying import RetrySettings, is_conflict
from .states import StatusValues

__all__ = ["ImportProgress", "Which50ImportProcess"]

API: Final = "which50"
UPLOAD_OPERATION: Final = "uploadImportBatch"
"""The operation `_Upload` calls (`Which50.upload_import_batch`): a batch is encoded for it."""
STARTING: Final = "Starting"
"""The phase before the job exists (reading the first batch, creating the job)."""
UPLOADING: Final = "Uploading"
"""The phase while batches are uploaded to the job."""
RUN_REQUESTED: Final = "RunRequested"
"""The phase once every batch is confirmed and the run is requested, until the job's status
says the run took effect."""


@dataclass(frozen=True)
class ImportProgress:
    """What the progress callback receives: the phase, what was uploaded, the job's state."""

    phase: str
    """``Starting`` (before the job exists), ``Uploading`` (batches going to the job),
    ``RunRequested`` (every batch confirmed, the run requested), then the job's
    ``CurrentStatus`` once the run took effect and until it is final (``Running``, ``Finished``,
    ``Failed`` in the spec)."""
    uploaded_contacts: int
    uploaded_batches: int
    job: ImportJob | None
    """The job as the client last returned it (None before it exists)."""


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
        self._phase = STARTING
        self._on_progress = on_progress
        self._on_checkpoint = on_checkpoint
        self._poll_interval = poll_interval
        self._max_poll_interval = max_poll_interval
        self._retry = retry
        self._digest = ContactDigest()
        self._job: ImportJob | None = None
        self._state = state

    # -- read from any thread ------------------------------------------------------------
    @property
    def batch_size(self) -> int:
        """Contacts per uploaded batch."""
        return self._settings.batch_size

    # -- helpers ---------------------------------------------------------------------------
    def _set_phase(self, phase: str, job: ImportJob | None = None) -> None:
        with self._lock:
            self._phase = phase
            if job is not None:
                self._job = job
        self._report()

    def _started(self, job: ImportJob) -> bool:
        """Whether the job's run took effect (its status is in progress or final)."""
        return job.current_status in self._states.started

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

    def prepare(self, rows: Rows) -> DigestedBatch:
        """A batch as uploaded, checked and encoded by the client's rules, with its digest lines:
        made in the reader, ahead of its turn."""
        batch = DigestedBatch(_parameters.contacts([{"Values": dict(values)} for values in rows]))
        if self._client is not None:
            self._client._encode_ahead(UPLOAD_OPERATION, batch)
        return batch

    def _next_batch(self) -> Steps[list[dict[str, Any]] | None]:
        batch = yield from self._read_contacts()
        if batch is None or type(batch) is DigestedBatch:
            return batch
        return self.prepare(batch)

    # -- the workflow ----------------------------------------------------------------------
    def steps(self) -> Steps[ImportJob]:
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
        self._set_phase(STARTING)
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
            import_job_id=job.id,
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
        self._set_phase(UPLOADING, job)
        return first

    def _resume(self) -> Steps[tuple[list[dict[str, Any]] | None, ImportJob | None]]:
        """Skip the confirmed batches; returns (next batch to upload, job if uploads are over)."""
        state = self._state
        assert state is not None
        job = yield from self._retrying(_GetJob(state.import_job_id), "reading the import job")
        status = job.current_status
        started = self._started(job)
        if state.run_requested or started:
            if started and not state.run_requested:
                self._set_state(replace(state, run_requested=True))
            self._set_phase(status, job)
            return None, job
        if status not in self._states.open:
            raise ImportStateConflict(f"import job {state.import_job_id} is {status!r}")
        self._set_phase(UPLOADING, job)
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
        on_server = job.total_contacts
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
                on_server = job.total_contacts
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

    def _run(self) -> Steps[ImportJob]:
        state = self._state
        assert state is not None
        if state.confirmed_contacts == 0:
            raise EmptyImportError("there are no contacts to import")
        self._check_cancel()
        self._set_state(replace(state, run_requested=True))
        self._set_phase(RUN_REQUESTED)
        attempt = 0
        while True:
            try:
                job: ImportJob = yield _Run(state.import_job_id)
                return job
            except Exception as error:
                conflict = is_conflict(error)
                if not (conflict or is_transient(error)):
                    raise self._interrupted(f"running the import job failed: {error}") from error
                attempt += 1
                current: ImportJob = yield from self._retrying(
                    _GetJob(state.import_job_id), "checking the import job"
                )
                if self._started(current):
                    return current  # an earlier attempt did start it
                if conflict or attempt >= self._retry.max_attempts:
                    raise self._interrupted(f"running the import job failed: {error}") from error
                yield Pause(self._retry.delay(attempt))

    def _finish(self, job: ImportJob) -> Steps[ImportJob]:
        state = self._state
        assert state is not None
        pacer = PollPacer(self._poll_interval, self._max_poll_interval)
        while True:
            status = job.current_status
            self._set_phase(status, job)
            if status in self._states.final:
                break
            yield Pause(pacer.next(job.progress_percent, time.monotonic()))
            self._check_cancel()
            job = yield from self._retrying(_GetJob(state.import_job_id), "polling the import job")
        if job.current_status in self._states.failed:
            raise ImportJobFailed(f"import job {job.id} failed", result=job)
        return job

    # -- executing actions -----------------------------------------------------------------
    def _invoke(self, client: Which50 | AsyncWhich50, action: Any) -> Any:
        """The client's own call for ``action`` (with ``AsyncWhich50``: its coroutine)."""
        contact_list_id = self.contact_list_id
        if isinstance(action, _Upload):
            return client.upload_import_batch(contact_list_id, action.job_id, action.contacts)
        if isinstance(action, _GetJob):
            return client.get_import_job(contact_list_id, action.job_id)
        if isinstance(action, _CreateJob):
            return client.create_import_job(contact_list_id, action.field_names)
        if isinstance(action, _Run):
            state = self._state
            assert state is not None
            events = list(state.custom_events) or None
            if state.run_method == "PATCH":
                return client.run_import_job_patch(
                    contact_list_id, action.job_id, match=state.match_values, custom_events=events
                )
            run = client.run_import_job_put if state.run_method == "PUT" else client.run_import_job
            match = list(state.match) or None
            return run(contact_list_id, action.job_id, match=match, custom_events=events)
        raise TypeError(f"unknown action {action!r}")
