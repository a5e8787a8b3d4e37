"""The W50 import workflow end to end (batching, retries, resume, pollers): a real ``Which50``
client over ``httpx.MockTransport`` answered by an in-memory fake of the API (the step logic
alone, action by action: test_workflow_steps_which50.py).

The fake follows the spec's ImportJob semantics (Created → Loaded → Running → Finished, a batch
applied atomically, 409 on wrong-state requests) and injects faults either before a call takes
effect or after it did (the response is lost). Over-the-wire behaviour is in tests/e2e.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import json
import re
import threading
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from contactimport import workflows
from contactimport.errors import (
    PermissionDeniedError,
)
from contactimport.generated.which50_client.models import ImportJob
from contactimport.workflows import (
    ImportCancelled,
    ImportInterrupted,
    ImportJobFailed,
    ImportProgress,
    ImportStateConflict,
    InvalidResumeToken,
    ResumeArgumentConflict,
    ResumeState,
    RetrySettings,
    SourceChangedError,
    UnknownFieldsError,
    begin_import,
    begin_import_async,
    upload_batch_limit,
)
from contactimport.workflows.resume import TOKEN_VERSIONS, decode_token, encode_token
from contactimport.workflows.which50 import (
    FAILED_STATES,
    RUNNING_STATES,
    SUCCEEDED_STATES,
    TERMINAL_STATES,
    UPLOADABLE_STATES,
    job_states,
)

from .fake_servers import async_which50_over, which50_over
from .workflow_steps import conflict, connection_dropped, forbidden, server_error


@dataclass
class Job:
    id: int
    list_id: int
    field_names: list[str]
    status: str = "Created"
    loaded: list[dict[str, Any]] = field(default_factory=list)
    polls_until_done: int = 2
    fail: bool = False
    finish_as: str = "Finished"
    interim: list[str] = field(default_factory=list)
    run_args: dict[str, Any] = field(default_factory=dict)
    runs: int = 0

    def as_json(self) -> dict[str, Any]:
        finished = self.status in ("Finished", "Failed", self.finish_as)
        return {
            "Id": self.id,
            "ContactListId": self.list_id,
            "CurrentStatus": self.status,
            "ProgressPercent": 100 if finished else 0,
            "TotalContacts": len(self.loaded),
            "InsertedContacts": len(self.loaded) if self.status == self.finish_as else 0,
            "UpdatedContacts": 0,
            "NotUpdatedContacts": 0,
            "DroppedContacts": 0,
            "InvalidEmailCount": 0,
            "InvalidSmsCount": 0,
            "StartDate": None if self.status in ("Created", "Loaded") else "2026-01-01T00:00:00Z",
            "FinishDate": "2026-01-01T00:01:00Z" if finished else None,
        }


class FakeWhich50:
    """Faults: ``faults[(operation, call_number)] = ("before" | "after", exception)``.

    "before": the call fails without any effect; "after": the call takes effect, then the
    response is lost (the exception is raised). Call numbers count from 1 per operation.
    """

    def __init__(self) -> None:
        self.jobs: dict[int, Job] = {}
        self.calls: dict[str, int] = {}
        self.faults: dict[tuple[str, int], tuple[str, Exception]] = {}
        self.upload_sizes: list[int] = []
        self.lock = threading.Lock()
        self.release_run = threading.Event()
        self.release_run.set()
        self.fail_jobs = False
        self.finish_as = "Finished"  # the status a job that did not fail ends in
        self.interim: list[str] = []  # statuses reported, one a poll, between Running and the end

    def _enter(self, operation: str) -> tuple[str, Exception] | None:
        with self.lock:
            self.calls[operation] = self.calls.get(operation, 0) + 1
            fault = self.faults.get((operation, self.calls[operation]))
        if fault is not None and fault[0] == "before":
            raise fault[1]
        return fault

    @staticmethod
    def _leave(fault: tuple[str, Exception] | None) -> None:
        if fault is not None:
            raise fault[1]

    def create_import_job(self, contact_list_id: int, field_names: Sequence[str]) -> dict[str, Any]:
        fault = self._enter("create")
        job = Job(
            len(self.jobs) + 1,
            contact_list_id,
            list(field_names),
            fail=self.fail_jobs,
            finish_as=self.finish_as,
            interim=list(self.interim),
        )
        self.jobs[job.id] = job
        self._leave(fault)
        return job.as_json()

    def upload_import_batch(
        self, contact_list_id: int, import_job_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> dict[str, Any]:
        fault = self._enter("upload")
        job = self.jobs[import_job_id]
        if job.status not in ("Created", "Loaded"):
            raise conflict()
        assert len(contacts) <= 10_000
        job.loaded.extend(dict(contact) for contact in contacts)
        job.status = "Loaded"
        self.upload_sizes.append(len(contacts))
        self._leave(fault)
        return job.as_json()

    def get_import_job(self, contact_list_id: int, import_job_id: int) -> dict[str, Any]:
        fault = self._enter("get")
        job = self.jobs[import_job_id]
        if job.status in ("Running", *self.interim) and self.release_run.is_set():
            if job.interim:
                job.status = job.interim.pop(0)
            else:
                job.polls_until_done -= 1
                if job.polls_until_done <= 0:
                    job.status = "Failed" if job.fail else job.finish_as
        self._leave(fault)
        return job.as_json()

    def run_import_job(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: Sequence[str],
        custom_events: Sequence[str],
        match_values: Mapping[str, str],
        method: str,
    ) -> dict[str, Any]:
        fault = self._enter("run")
        job = self.jobs[import_job_id]
        if job.status != "Loaded":
            raise conflict()
        job.status = "Running"
        job.runs += 1
        job.run_args = {
            "match": list(match),
            "custom_events": list(custom_events),
            "match_values": dict(match_values),
            "method": method,
        }
        self._leave(fault)
        return job.as_json()


# ---------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------

FAST = RetrySettings(max_attempts=5, initial_backoff=0.001, max_backoff=0.002)
SPEC = yaml.safe_load((Path(__file__).parents[2] / "spec" / "which50.openapi.yaml").read_text())


def contacts(count: int, start: int = 0) -> Iterator[dict[str, Any]]:
    for number in range(start, start + count):
        yield {"Email": f"c{number}@example.com", "Name": f"Contact {number}"}


def loaded_emails(fake: FakeWhich50, job_id: int = 1) -> list[str]:
    return [contact["Values"]["Email"] for contact in fake.jobs[job_id].loaded]


def start(fake: FakeWhich50, source: Iterable[dict[str, Any]], **kwargs: Any) -> ImportJob:
    options: dict[str, Any] = {"poll_interval": 0.001, "retry": FAST, "spec_document": SPEC}
    options.update(kwargs)
    return begin_import(which50_over(fake), 1, source, **options).result(timeout=30)


def test_the_batch_limit_is_read_from_the_spec() -> None:
    assert upload_batch_limit(SPEC) == 10_000
    shrunk = copy.deepcopy(SPEC)
    shrunk["components"]["schemas"]["ArrayOfContact"]["maxItems"] = 7
    assert upload_batch_limit(shrunk) == 7


def test_imports_in_batches_of_the_spec_limit_and_returns_the_final_counters() -> None:
    fake = FakeWhich50()
    result = start(fake, contacts(25_000), match=["Email"], custom_events=["Welcome"])
    assert fake.upload_sizes == [10_000, 10_000, 5_000]
    assert loaded_emails(fake) == [f"c{n}@example.com" for n in range(25_000)]
    assert result.current_status == "Finished"
    assert result.total_contacts == 25_000
    assert result.inserted_contacts == 25_000
    assert fake.jobs[1].run_args == {
        "match": ["Email"],
        "custom_events": ["Welcome"],
        "match_values": {},
        "method": "POST",
    }


def test_a_batch_size_above_the_spec_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="exceeds the API's limit of 10000"):
        begin_import(
            which50_over(FakeWhich50()), 1, contacts(1), batch_size=10_001, spec_document=SPEC
        )


def test_the_source_is_read_lazily_one_batch_ahead_at_most() -> None:
    fake = FakeWhich50()
    read = 0
    ahead: list[int] = []

    def source() -> Iterator[dict[str, Any]]:
        nonlocal read
        for contact in contacts(1_000):
            read += 1
            yield contact

    original = fake.upload_import_batch

    def watching_upload(
        list_id: int, job_id: int, batch: Sequence[Mapping[str, Any]]
    ) -> dict[str, Any]:
        ahead.append(read - len(fake.jobs[job_id].loaded))
        return original(list_id, job_id, batch)

    fake.upload_import_batch = watching_upload  # type: ignore[method-assign,assignment]
    start(fake, source(), batch_size=100)
    assert len(ahead) == 10
    # the batch being uploaded and, read while it is on the wire, the next one: never more
    assert max(ahead) <= 200
    assert ahead[-1] == 100  # nothing is read past the end


def test_field_names_are_derived_from_the_first_batch_unless_given() -> None:
    fake = FakeWhich50()
    rows = [{"Email": "a@x"}, {"Email": "b@x", "City": "Gent"}, {"City": "Brugge"}]
    start(fake, rows, batch_size=2)
    assert fake.jobs[1].field_names == ["Email", "City"]
    start(fake, rows, field_names=["Email", "Mobile", "City"])
    assert fake.jobs[2].field_names == ["Email", "Mobile", "City"]


def test_an_upload_whose_response_is_lost_after_it_was_applied_is_not_sent_again() -> None:
    fake = FakeWhich50()
    fake.faults[("upload", 2)] = ("after", connection_dropped())
    fake.faults[("upload", 3)] = ("after", server_error(502))
    start(fake, contacts(500), batch_size=100)
    assert loaded_emails(fake) == [f"c{n}@example.com" for n in range(500)]
    assert fake.upload_sizes == [100] * 5


def test_a_non_transient_error_interrupts_with_a_token_and_resuming_uploads_only_the_rest() -> None:
    fake = FakeWhich50()
    fake.faults[("upload", 4)] = ("before", forbidden())
    with pytest.raises(ImportInterrupted) as caught:
        start(fake, contacts(1_000), batch_size=100)
    token = caught.value.continuation_token
    assert token is not None
    assert isinstance(caught.value.__cause__, PermissionDeniedError)
    assert len(fake.jobs[1].loaded) == 300
    state = ResumeState.decode(token, api="which50")
    assert (state.confirmed_batches, state.confirmed_contacts) == (3, 300)

    result = start(fake, contacts(1_000), continuation_token=token)
    assert loaded_emails(fake) == [f"c{n}@example.com" for n in range(1_000)]
    assert result.total_contacts == 1_000
    assert len(fake.jobs) == 1  # no second job


def test_resuming_after_a_crash_between_upload_and_checkpoint_does_not_resend_that_batch() -> None:
    fake = FakeWhich50()
    tokens: list[str] = []
    fake.faults[("upload", 3)] = ("after", forbidden())  # applied, then the client "crashed"
    with pytest.raises(ImportInterrupted):
        start(fake, contacts(500), batch_size=100, on_checkpoint=tokens.append)
    assert len(fake.jobs[1].loaded) == 300
    last = ResumeState.decode(tokens[-1], api="which50")
    assert last.confirmed_contacts == 200
    start(fake, contacts(500), continuation_token=tokens[-1])
    assert loaded_emails(fake) == [f"c{n}@example.com" for n in range(500)]


def test_resuming_with_a_different_source_is_refused_and_uploads_nothing() -> None:
    fake = FakeWhich50()
    fake.faults[("upload", 3)] = ("before", forbidden())
    with pytest.raises(ImportInterrupted) as caught:
        start(fake, contacts(500), batch_size=100)
    uploads = fake.calls["upload"]
    with pytest.raises(SourceChangedError):
        start(fake, contacts(500, start=1), continuation_token=caught.value.continuation_token)
    with pytest.raises(SourceChangedError):
        start(fake, contacts(150), continuation_token=caught.value.continuation_token)
    assert fake.calls["upload"] == uploads


def test_resuming_after_the_last_short_batch_was_confirmed_runs_without_uploading() -> None:
    """Every batch confirmed, the last one shorter than the batch size, the run not yet asked
    for: resuming checks the source against the token and runs the job (a short last batch is
    no sign of a changed source)."""
    fake = FakeWhich50()
    tokens: list[str] = []
    fake.faults[("run", 1)] = ("before", forbidden())
    with pytest.raises(ImportInterrupted):
        start(fake, contacts(250), batch_size=100, on_checkpoint=tokens.append)
    states = [ResumeState.decode(token, api="which50") for token in tokens]
    (uploaded,) = [
        token
        for token, state in zip(tokens, states, strict=True)
        if state.confirmed_batches == 3 and not state.run_requested
    ]
    assert fake.upload_sizes == [100, 100, 50]
    result = start(fake, contacts(250), continuation_token=uploaded)
    assert (result.current_status, result.total_contacts) == ("Finished", 250)
    assert fake.upload_sizes == [100, 100, 50]  # nothing uploaded again
    assert fake.jobs[1].runs == 1


def with_job_states(*states: dict[str, Any]) -> dict[str, Any]:
    """The W50 spec with ImportJob.CurrentStatus's x-status-values replaced."""
    document: dict[str, Any] = copy.deepcopy(SPEC)
    status = document["components"]["schemas"]["ImportJob"]["properties"]["CurrentStatus"]
    status["x-status-values"] = [{"meaning": "m", **state} for state in states]
    return document


SPEC_STATES: list[dict[str, Any]] = SPEC["components"]["schemas"]["ImportJob"]["properties"][
    "CurrentStatus"
]["x-status-values"]


def names(values: Iterable[str | int]) -> set[str]:
    return {str(value) for value in values}


def test_the_job_states_are_the_stages_of_the_spec() -> None:
    states = job_states(SPEC)
    assert names(states.open) == {"Created", "Loaded"} == UPLOADABLE_STATES
    assert names(states.in_progress) == {"Running"}
    assert names(states.succeeded) == {"Finished"} == SUCCEEDED_STATES
    assert names(states.failed) == {"Failed"} == FAILED_STATES
    assert names(states.started) == {"Running", "Finished", "Failed"} == RUNNING_STATES
    assert names(states.final) == {"Finished", "Failed"} == TERMINAL_STATES
    assert list(states.meanings()) == ["Created", "Loaded", "Running", "Finished", "Failed"]
    exported = (workflows.TERMINAL_STATES, workflows.SUCCEEDED_STATES, workflows.FAILED_STATES)
    assert exported == (TERMINAL_STATES, SUCCEEDED_STATES, FAILED_STATES)
    assert workflows.job_states is job_states


def test_a_final_state_the_spec_marks_failed_raises_import_job_failed() -> None:
    document = copy.deepcopy(SPEC)
    status = document["components"]["schemas"]["ImportJob"]["properties"]["CurrentStatus"]
    for item in status["x-status-values"]:
        if item["value"] == "Finished":
            item["outcome"] = "failed"
    with pytest.raises(ImportJobFailed) as caught:
        start(FakeWhich50(), contacts(5), spec_document=document)
    assert caught.value.result.current_status == "Finished"


def test_the_workflow_ends_on_a_final_state_the_spec_adds() -> None:
    fake = FakeWhich50()
    fake.finish_as = "Archived"
    document = with_job_states(
        *SPEC_STATES, {"value": "Archived", "stage": "final", "outcome": "succeeded"}
    )
    result = start(fake, contacts(5), spec_document=document)
    assert (result.current_status, result.inserted_contacts) == ("Archived", 5)


def test_a_state_the_spec_does_not_list_keeps_the_workflow_polling() -> None:
    fake = FakeWhich50()
    fake.interim = ["Verifying", "Indexing"]  # not in x-status-values: neither open nor final
    progress: list[str] = []
    result = start(fake, contacts(5), on_progress=lambda update: progress.append(update.phase))
    assert result.current_status == "Finished"
    phases = list(dict.fromkeys(progress))
    assert phases == [
        "Starting",
        "Uploading",
        "RunRequested",
        "Running",
        "Verifying",
        "Indexing",
        "Finished",
    ]


def test_open_states_are_the_ones_a_resumed_import_uploads_to() -> None:
    fake = FakeWhich50()
    fake.faults[("upload", 2)] = ("before", forbidden())
    with pytest.raises(ImportInterrupted) as caught:
        start(fake, contacts(300), batch_size=100)
    token = caught.value.continuation_token
    # The same job (Loaded), with a spec that does not list Loaded: nothing is uploaded.
    not_open = with_job_states(*(item for item in SPEC_STATES if item["value"] != "Loaded"))
    uploads = fake.calls["upload"]
    with pytest.raises(ImportStateConflict, match="'Loaded'"):
        start(fake, contacts(300), continuation_token=token, spec_document=not_open)
    assert fake.calls["upload"] == uploads
    result = start(fake, contacts(300), continuation_token=token)
    assert (result.current_status, result.total_contacts) == ("Finished", 300)


@pytest.mark.parametrize(
    "broken, rule",
    [
        ({"value": "Done", "stage": "closed"}, "stage must be one of open, in-progress, final"),
        ({"value": "Done", "stage": "final"}, "a final state needs outcome succeeded or failed"),
        ({"value": "Done", "stage": "open", "outcome": "failed"}, "outcome is only for final"),
        ({"value": None, "stage": "open"}, "value must be a string or an integer"),
        ({"value": "Created", "stage": "open"}, "a value is listed twice"),
    ],
)
def test_a_broken_state_list_is_refused_before_anything_is_sent(
    broken: dict[str, Any], rule: str
) -> None:
    fake = FakeWhich50()
    with pytest.raises(ValueError, match=re.escape(rule)) as caught:
        start(fake, contacts(5), spec_document=with_job_states(*SPEC_STATES, broken))
    assert "ImportJob/properties/CurrentStatus/x-status-values" in str(caught.value)
    assert fake.calls == {}


def test_the_job_states_follow_the_packaged_spec_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import contactimport.generated.spec

    original = contactimport.generated.spec.document
    renamed = with_job_states(
        *SPEC_STATES[:3],
        {"value": "Done", "stage": "final", "outcome": "succeeded"},
        {"value": "Broken", "stage": "final", "outcome": "failed"},
    )

    def patched(api: Any) -> dict[str, Any]:
        return copy.deepcopy(renamed) if api == "which50" else original(api)

    monkeypatch.setattr(contactimport.generated.spec, "document", patched)
    assert job_states().final == {"Done", "Broken"}
    fake = FakeWhich50()
    fake.finish_as = "Done"
    poller = begin_import(which50_over(fake), 1, contacts(5), poll_interval=0.001, retry=FAST)
    assert poller.result(timeout=30).current_status == "Done"


def test_the_poller_reports_status_times_out_and_can_be_cancelled_and_resumed() -> None:
    fake = FakeWhich50()
    fake.release_run.clear()  # the job stays Running until released
    poller = begin_import(
        which50_over(fake), 1, contacts(50), poll_interval=0.001, spec_document=SPEC
    )
    with pytest.raises(TimeoutError):
        poller.result(timeout=0.3)
    assert not poller.done()
    assert poller.status() == "Running"
    token = poller.continuation_token()
    assert token is not None
    poller.cancel()
    with pytest.raises(ImportCancelled):
        poller.result(timeout=10)
    fake.release_run.set()
    resumed = begin_import(
        which50_over(fake),
        1,
        contacts(50),
        continuation_token=token,
        poll_interval=0.001,
        spec_document=SPEC,
    )
    assert resumed.result(timeout=10).current_status == "Finished"
    assert fake.jobs[1].runs == 1


def test_done_callbacks_and_progress_reports() -> None:
    fake = FakeWhich50()
    progress: list[ImportProgress] = []
    finished = threading.Event()
    poller = begin_import(
        which50_over(fake),
        1,
        contacts(250),
        batch_size=100,
        on_progress=progress.append,
        poll_interval=0.001,
        spec_document=SPEC,
    )
    poller.add_done_callback(lambda p: finished.set())
    poller.wait(10)
    assert finished.wait(5)
    assert poller.done()
    uploaded = [p.uploaded_contacts for p in progress if p.phase == "Uploading"]
    assert uploaded == sorted(uploaded)
    assert uploaded[-1] == 250
    assert progress[-1].phase == "Finished"
    assert progress[-1].job is not None and progress[-1].job.total_contacts == 250


def test_patch_runs_carry_match_values_and_validate_them() -> None:
    fake = FakeWhich50()
    start(fake, contacts(3), match=["Email"], match_values={"Email": "a@x"}, run_method="PATCH")
    assert fake.jobs[1].run_args["match_values"] == {"Email": "a@x"}
    assert fake.jobs[1].run_args["method"] == "PATCH"
    with pytest.raises(ValueError, match="PATCH run needs match_values"):
        start(fake, contacts(3), run_method="PATCH")
    with pytest.raises(ValueError, match="must also be listed in match"):
        start(fake, contacts(3), match_values={"City": "x"}, run_method="PATCH")


def test_a_token_for_another_list_or_api_is_refused() -> None:
    state = ResumeState(
        api="which50", contact_list_id=2, import_job_id=1, field_names=("E",), batch_size=10
    )
    with pytest.raises(ImportStateConflict):
        begin_import(
            which50_over(FakeWhich50()),
            1,
            [],
            continuation_token=state.encode(),
            spec_document=SPEC,
        )
    with pytest.raises(InvalidResumeToken):
        ResumeState.decode(state.encode(), api="checkmarket")
    with pytest.raises(InvalidResumeToken):
        ResumeState.decode("not a token", api="which50")


def test_the_async_workflow_imports_from_an_async_source() -> None:
    async def source() -> AsyncIterator[dict[str, Any]]:
        for contact in contacts(2_500):
            yield contact

    async def scenario() -> tuple[ImportJob, FakeWhich50]:
        fake = FakeWhich50()
        fake.faults[("upload", 2)] = ("after", connection_dropped())
        poller = await begin_import_async(
            async_which50_over(fake),
            1,
            source(),
            batch_size=1_000,
            poll_interval=0.001,
            retry=FAST,
            spec_document=SPEC,
            match=["Email"],
        )
        return await poller.result(timeout=30), fake

    result, fake = asyncio.run(scenario())
    assert result.total_contacts == 2_500
    assert loaded_emails(fake) == [f"c{n}@example.com" for n in range(2_500)]
    assert fake.upload_sizes == [1_000, 1_000, 500]


def test_the_async_poller_times_out_and_cancels() -> None:
    async def scenario() -> None:
        fake = FakeWhich50()
        fake.release_run.clear()
        poller = await begin_import_async(
            async_which50_over(fake), 1, contacts(10), poll_interval=0.001, spec_document=SPEC
        )
        with pytest.raises(TimeoutError):
            await poller.result(timeout=0.2)
        assert poller.status() == "Running"
        poller.cancel()
        with pytest.raises(ImportCancelled) as caught:
            await poller.result(timeout=5)
        assert caught.value.continuation_token == poller.continuation_token()

    asyncio.run(scenario())


PATCH_RUN: dict[str, Any] = {
    "batch_size": 100,
    "match": ["Email"],
    "match_values": {"Email": "a@x"},
    "run_method": "PATCH",
    "custom_events": ["Welcome"],
}


def interrupted_token(fake: FakeWhich50, source: Iterable[dict[str, Any]], **kwargs: Any) -> str:
    """Start an import that stops at its second upload (403); returns the continuation token."""
    fake.faults[("upload", 2)] = ("before", forbidden())
    with pytest.raises(ImportInterrupted) as caught:
        start(fake, source, **kwargs)
    token = caught.value.continuation_token
    assert token is not None
    return token


def test_a_patch_run_resumed_from_the_token_alone_sends_the_match_values_of_the_token() -> None:
    fake = FakeWhich50()
    token = interrupted_token(fake, contacts(300), **PATCH_RUN)
    assert ResumeState.decode(token, api="which50").match_values == {"Email": "a@x"}
    start(fake, contacts(300), continuation_token=token)
    assert fake.jobs[1].run_args == {
        "match": ["Email"],
        "custom_events": ["Welcome"],
        "match_values": {"Email": "a@x"},
        "method": "PATCH",
    }
    assert len(fake.jobs[1].loaded) == 300


def test_resuming_with_the_same_arguments_as_the_token_is_allowed() -> None:
    fake = FakeWhich50()
    options: dict[str, Any] = {**PATCH_RUN, "field_names": ["Email", "Name"]}
    token = interrupted_token(fake, contacts(300), **options)
    result = start(fake, contacts(300), continuation_token=token, **options)
    assert result.total_contacts == 300
    assert fake.jobs[1].run_args["match_values"] == {"Email": "a@x"}


@pytest.mark.parametrize(
    ("argument", "value", "in_token"),
    [
        ("run_method", "POST", "'PATCH'"),
        ("match", ["Email", "Name"], "['Email']"),
        ("custom_events", [], "['Welcome']"),
        ("match_values", {"Email": "b@x"}, "{'Email': 'a@x'}"),
        ("field_names", ["Email"], "['Email', 'Name']"),
        ("batch_size", 50, "100"),
    ],
)
def test_an_argument_contradicting_the_token_is_refused_before_anything_is_sent(
    argument: str, value: Any, in_token: str
) -> None:
    fake = FakeWhich50()
    token = interrupted_token(fake, contacts(300), **PATCH_RUN)
    calls = dict(fake.calls)
    with pytest.raises(ResumeArgumentConflict) as caught:
        start(fake, contacts(300), continuation_token=token, **{argument: value})
    message = str(caught.value)
    assert argument in message and in_token in message and repr(value) in message
    assert isinstance(caught.value, ValueError | ImportStateConflict)
    assert fake.calls == calls
    conflict = caught.value
    listed = [list(v) if isinstance(v, tuple) else v for v in (conflict.given, conflict.recorded)]
    assert (conflict.argument, listed[0], repr(listed[1])) == (argument, value, in_token)


def test_match_names_in_another_order_say_the_same_on_resume() -> None:
    fake = FakeWhich50()
    began = {"match": ["Email", "Name"], "custom_events": ["Welcome", "Invite"]}
    token = interrupted_token(fake, contacts(300), batch_size=100, **began)
    result = start(fake, contacts(300), continuation_token=token, match=["Name", "Email", "Name"])
    assert result.total_contacts == 300
    assert fake.jobs[1].run_args["match"] == ["Email", "Name"]  # as the import began
    # The order of custom events may matter (the spec does not say): another order is refused.
    with pytest.raises(ResumeArgumentConflict, match="custom_events"):
        start(fake, contacts(300), continuation_token=token, custom_events=["Invite", "Welcome"])


def test_field_names_derived_from_the_first_batch_still_guard_the_batches_after_a_resume() -> None:
    fake = FakeWhich50()
    rows = [{"Email": f"{n}@x"} for n in range(4)] + [{"Email": "e@x", "Mobile": "+3"}]
    token = interrupted_token(fake, rows, batch_size=2)
    with pytest.raises(UnknownFieldsError, match="Mobile"):
        start(fake, rows, continuation_token=token)
    assert fake.upload_sizes == [2, 2]  # the batch holding Mobile was never sent


def test_a_token_of_an_older_version_is_refused_saying_so() -> None:
    fake = FakeWhich50()
    token = interrupted_token(fake, contacts(300), batch_size=100)
    document = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    assert document["v"] == TOKEN_VERSIONS["which50"] == 2  # unchanged by CheckMarket's 3
    document["v"] = TOKEN_VERSIONS["which50"] - 1
    old = base64.urlsafe_b64encode(json.dumps(document).encode()).decode()
    with pytest.raises(InvalidResumeToken, match=r"unknown version.*older version"):
        start(fake, contacts(300), continuation_token=old)
    document["v"] = TOKEN_VERSIONS["which50"] + 1
    newer = base64.urlsafe_b64encode(json.dumps(document).encode()).decode()
    with pytest.raises(InvalidResumeToken, match=r"unknown version.*newer version"):
        start(fake, contacts(300), continuation_token=newer)


def test_a_damaged_token_names_the_field_and_the_rule() -> None:
    state = ResumeState(
        api="which50", contact_list_id=1, import_job_id=1, field_names=("E",), batch_size=10
    )
    document = decode_token(state.encode(), api="which50")
    assert document["match_values"] == {}
    for key, value, rule in [
        ("match", "Email", "'match' must be a list of strings"),
        ("batch_size", "10", "'batch_size' must be an integer"),
        ("match_values", ["Email"], "'match_values' must be an object of strings"),
        ("run_requested", 0, "'run_requested' must be true or false"),
        ("run_method", "DELETE", "'run_method' must be one of POST, PUT, PATCH"),
        ("source_fingerprint", 1, "'source_fingerprint' must be a string or null"),
    ]:
        damaged = encode_token("which50", {**document, key: value})
        with pytest.raises(InvalidResumeToken, match=re.escape(rule)):
            ResumeState.decode(damaged, api="which50")
    del document["confirmed_digest"]
    with pytest.raises(InvalidResumeToken, match="'confirmed_digest' is missing"):
        ResumeState.decode(encode_token("which50", document), api="which50")


def test_the_result_is_the_clients_import_job_and_the_old_name_warns() -> None:
    result = start(FakeWhich50(), contacts(3))
    assert type(result) is ImportJob  # the client's own model, no copy of it
    with pytest.warns(DeprecationWarning, match="ImportJobResult is deprecated"):
        old = workflows.ImportJobResult
    assert old is ImportJob


def test_a_row_is_shaped_once_on_its_way_to_the_wire(monkeypatch: pytest.MonkeyPatch) -> None:
    """The workflow hands the client ``{"Values": row}`` and the client sends it as it is: no
    ``Contact`` model is built for a row (nor its values checked a second time)."""
    from contactimport import _parameters

    def no_model(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a row went through the Contact model")

    monkeypatch.setattr(_parameters, "to_contact", no_model)
    fake = FakeWhich50()
    assert start(fake, contacts(3)).total_contacts == 3
    assert fake.jobs[1].loaded[0] == {"Values": {"Email": "c0@example.com", "Name": "Contact 0"}}
