"""The W50 import's ``steps()`` driven directly: the exact actions (create job, upload, pause,
poll, run) it yields for each outcome sent or error thrown, no driver, thread or sleep."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from contactimport.generated.which50_client.models import ImportJob
from contactimport.workflows import (
    EmptyImportError,
    ImportCancelled,
    ImportInterrupted,
    ImportJobFailed,
    ImportStateConflict,
    ResumeState,
    RetrySettings,
    UnknownFieldsError,
)
from contactimport.workflows.pacing import MIN_POLL_INTERVAL
from contactimport.workflows.process import NEXT_CONTACTS
from contactimport.workflows.resume import DigestedBatch
from contactimport.workflows.which50 import _process
from contactimport.workflows.which50_process import (
    Which50ImportProcess,
    _CreateJob,
    _GetJob,
    _Run,
    _Upload,
)

from .workflow_steps import Driver, conflict, connection_dropped, forbidden

LIST = 1
JOB = 7
MAX_POLL = 10.0
RETRY = RetrySettings(max_attempts=3, initial_backoff=0.5, max_backoff=8.0)
FIRST = [{"Email": "ann@example.com", "FirstName": "Ann"}, {"Email": "bob@example.com"}]
SECOND = [{"Email": "cy@example.com"}]


def process(
    continuation_token: str | None = None, checkpoints: list[str] | None = None, **given: Any
) -> Which50ImportProcess:
    options: dict[str, Any] = {
        "field_names": None,
        "match": None,
        "custom_events": None,
        "match_values": None,
        "run_method": None,
        "batch_size": 2,
        "source_fingerprint": None,
        "on_progress": None,
        "on_checkpoint": None if checkpoints is None else checkpoints.append,
        "poll_interval": 1.0,
        "max_poll_interval": MAX_POLL,
        "retry": RETRY,
        "spec_document": None,
    }
    options.update(given)
    return _process(LIST, continuation_token=continuation_token, **options)


def job(status: str, total: int = 0, **more: Any) -> ImportJob:
    """The job as the client returns it (the generated model), with ``more`` members set."""
    counters = "InvalidEmailCount InvalidSmsCount ProgressPercent InsertedContacts UpdatedContacts"
    shape: dict[str, Any] = dict.fromkeys([*counters.split(), "DroppedContacts"], 0)
    shape["NotUpdatedContacts"] = 0
    shape.update(StartDate=None, FinishDate=None)
    shape.update(Id=JOB, ContactListId=LIST, CurrentStatus=status, TotalContacts=total, **more)
    return ImportJob.from_dict(shape)


def wire(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{"Values": dict(row)} for row in rows]


def uploading(workflow: Which50ImportProcess) -> Driver:
    """A new import at its first upload (the job created from the first batch)."""
    steps = Driver(workflow.steps())
    assert steps.action is NEXT_CONTACTS
    assert steps.send(FIRST) == _CreateJob(("Email", "FirstName"))
    assert steps.send(job("Created")) == _Upload(JOB, wire(FIRST))
    return steps


def test_an_import_creates_the_job_uploads_each_batch_runs_it_and_polls_to_the_end() -> None:
    checkpoints: list[str] = []
    workflow = process(checkpoints=checkpoints)
    assert workflow.status() == "Starting" and workflow.continuation_token() is None
    steps = uploading(workflow)
    assert workflow.status() == "Uploading"
    assert steps.action.contacts == wire(FIRST)  # a row is sent as {"Values": row}
    assert steps.send(None) is NEXT_CONTACTS
    assert steps.send(SECOND) == _Upload(JOB, wire(SECOND))
    assert steps.send(None) is NEXT_CONTACTS
    assert steps.send(None) == _Run(JOB)
    assert workflow.status() == "RunRequested"  # not "Starting" again: the job exists
    first_wait = steps.send(job("Running", 3, ProgressPercent=0))
    assert workflow.status() == "Running"
    assert steps.pause(0.25) >= MIN_POLL_INTERVAL  # the first poll comes early
    assert steps.action == _GetJob(JOB)
    assert first_wait.seconds <= 0.25
    steps.send(job("Running", 3, ProgressPercent=40))
    assert steps.pause(MAX_POLL) >= MIN_POLL_INTERVAL
    assert steps.action == _GetJob(JOB)
    result = steps.finish(job("Finished", 3, ProgressPercent=100, InsertedContacts=3))
    assert isinstance(result, ImportJob)  # the client's own model, not a copy
    assert (result.id, result.current_status, result.inserted_contacts) == (JOB, "Finished", 3)
    assert workflow.status() == "Finished"
    final = ResumeState.decode(checkpoints[-1], api="which50")
    assert (final.confirmed_batches, final.confirmed_contacts, final.run_requested) == (2, 3, True)


def test_an_empty_source_creates_no_job() -> None:
    steps = Driver(process().steps())
    assert steps.action is NEXT_CONTACTS
    with pytest.raises(EmptyImportError):
        steps.send(None)


def test_a_transient_upload_error_then_the_batch_on_the_server_is_not_sent_again() -> None:
    workflow = process()
    steps = uploading(workflow)
    steps.throw(connection_dropped())
    steps.pause(RETRY.max_backoff)  # first wait, so that a request still being written lands
    assert steps.action == _GetJob(JOB)
    assert steps.send(job("Loaded", len(FIRST))) is NEXT_CONTACTS  # confirmed, not re-sent
    token = workflow.continuation_token()
    assert token is not None
    assert ResumeState.decode(token, api="which50").confirmed_contacts == len(FIRST)


def test_a_transient_upload_error_then_the_batch_missing_sends_it_again() -> None:
    steps = uploading(process())
    steps.throw(connection_dropped())
    steps.pause(RETRY.max_backoff)
    assert steps.action == _GetJob(JOB)
    assert steps.send(job("Created", 0)) == _Upload(JOB, wire(FIRST))
    assert steps.send(None) is NEXT_CONTACTS


def test_a_transient_upload_error_then_other_counts_on_the_server_stop_the_import() -> None:
    steps = uploading(process())
    steps.throw(connection_dropped())
    steps.pause(RETRY.max_backoff)
    with pytest.raises(ImportStateConflict, match="holds 5 contacts, expected 0 or 2"):
        steps.send(job("Loaded", 5))


def test_a_failing_job_check_after_an_upload_error_is_retried_then_interrupts() -> None:
    steps = uploading(process())
    steps.throw(connection_dropped())
    steps.pause(RETRY.max_backoff)
    for _ in range(RETRY.max_attempts - 1):
        assert steps.action == _GetJob(JOB)
        steps.throw(connection_dropped())
        steps.pause(RETRY.max_backoff)
    assert steps.action == _GetJob(JOB)
    with pytest.raises(ImportInterrupted, match="checking the import job failed") as stopped:
        steps.throw(connection_dropped())
    assert stopped.value.continuation_token is not None


def test_an_upload_missing_after_every_attempt_interrupts_with_a_token() -> None:
    steps = uploading(process())
    for attempt in range(1, RETRY.max_attempts + 1):
        assert steps.action == _Upload(JOB, wire(FIRST))
        steps.throw(connection_dropped())
        steps.pause(RETRY.max_backoff)
        assert steps.action == _GetJob(JOB)
        if attempt < RETRY.max_attempts:
            steps.send(job("Created", 0))
    with pytest.raises(ImportInterrupted, match="uploading a batch failed") as stopped:
        steps.send(job("Created", 0))
    token = stopped.value.continuation_token
    assert token is not None
    assert ResumeState.decode(token, api="which50").confirmed_batches == 0


def test_a_refused_upload_interrupts_at_once() -> None:
    steps = uploading(process())
    with pytest.raises(ImportInterrupted, match="uploading a batch failed") as stopped:
        steps.throw(forbidden())
    assert stopped.value.continuation_token is not None


def running(workflow: Which50ImportProcess) -> Driver:
    """A new import of FIRST at its run request."""
    steps = uploading(workflow)
    assert steps.send(None) is NEXT_CONTACTS
    assert steps.send(None) == _Run(JOB)
    return steps


def test_a_409_on_run_for_a_job_already_running_polls_it() -> None:
    steps = running(process())
    assert steps.throw(conflict()) == _GetJob(JOB)
    steps.send(job("Running", 2, ProgressPercent=10))  # an earlier attempt did start it
    steps.pause(0.25)
    assert steps.action == _GetJob(JOB)
    assert steps.finish(job("Finished", 2)).current_status == "Finished"


def test_a_409_on_run_for_a_job_not_started_interrupts() -> None:
    steps = running(process())
    assert steps.throw(conflict()) == _GetJob(JOB)
    with pytest.raises(ImportInterrupted, match="running the import job failed"):
        steps.send(job("Loaded", 2))


def test_a_transient_run_error_for_a_job_not_started_runs_it_again() -> None:
    steps = running(process())
    assert steps.throw(connection_dropped()) == _GetJob(JOB)
    steps.send(job("Loaded", 2))
    steps.pause(RETRY.max_backoff)
    assert steps.action == _Run(JOB)


def test_a_job_that_fails_raises_with_its_counters() -> None:
    steps = running(process())
    with pytest.raises(ImportJobFailed) as failed:
        steps.send(job("Failed", 2, DroppedContacts=2))
    assert failed.value.result.dropped_contacts == 2


def test_polls_stay_between_the_floor_and_max_poll_interval() -> None:
    steps = running(process(poll_interval=0.5, max_poll_interval=2.0))
    steps.send(job("Running", 2))
    for _ in range(8):  # no progress reported: the interval grows by half, up to the maximum
        assert steps.pause(2.0) >= MIN_POLL_INTERVAL
        assert steps.action == _GetJob(JOB)
        steps.send(job("Running", 2))
    assert steps.action.seconds == pytest.approx(2.0)


def test_cancelling_stops_at_the_next_step_with_a_token() -> None:
    workflow = process()
    steps = uploading(workflow)
    assert steps.send(None) is NEXT_CONTACTS
    workflow.request_cancel()
    with pytest.raises(ImportCancelled) as cancelled:
        steps.send(SECOND)
    token = cancelled.value.continuation_token
    assert token is not None
    assert ResumeState.decode(token, api="which50").confirmed_batches == 1


def test_cancelling_while_polling_stops_after_the_pause() -> None:
    workflow = process()
    steps = running(workflow)
    steps.send(job("Running", 2))
    workflow.request_cancel()
    with pytest.raises(ImportCancelled):
        steps.send(None)


def token_after_first_batch() -> str:
    workflow = process()
    steps = uploading(workflow)
    steps.send(None)
    token = workflow.continuation_token()
    assert token is not None
    return token


def test_resuming_rereads_the_confirmed_batch_and_uploads_from_the_next() -> None:
    steps = Driver(process(token_after_first_batch()).steps())
    assert steps.action == _GetJob(JOB)
    assert steps.send(job("Loaded", len(FIRST))) is NEXT_CONTACTS
    assert steps.send(FIRST) is NEXT_CONTACTS  # the confirmed batch, checked, not sent
    assert steps.send(SECOND) == _Upload(JOB, wire(SECOND))
    assert steps.send(None) is NEXT_CONTACTS
    assert steps.send(None) == _Run(JOB)


def test_resuming_confirms_a_batch_the_server_applied_after_the_token_was_written() -> None:
    steps = Driver(process(token_after_first_batch()).steps())
    steps.send(job("Loaded", len(FIRST) + len(SECOND)))
    steps.send(FIRST)
    assert steps.send(SECOND) is NEXT_CONTACTS  # on the server already: not sent again
    assert steps.send(None) == _Run(JOB)


def test_resuming_with_other_contacts_is_refused() -> None:
    steps = Driver(process(token_after_first_batch()).steps())
    steps.send(job("Loaded", len(FIRST)))
    with pytest.raises(Exception, match="differ from the source"):
        steps.send([{"Email": "someone-else@example.com"}, {"Email": "bob@example.com"}])


def test_resuming_after_the_run_was_requested_polls_without_uploading() -> None:
    workflow = process()
    running(workflow)
    token = workflow.continuation_token()
    assert token is not None and ResumeState.decode(token, api="which50").run_requested
    resumed = Driver(process(token).steps())
    assert resumed.action == _GetJob(JOB)
    resumed.send(job("Running", 2))
    resumed.pause(0.25)
    assert resumed.action == _GetJob(JOB)
    assert resumed.finish(job("Finished", 2)).total_contacts == 2


def test_resuming_a_run_request_that_never_took_effect_runs_the_job() -> None:
    workflow = process()
    running(workflow)
    token = workflow.continuation_token()
    assert token is not None
    resumed = Driver(process(token).steps())
    assert resumed.action == _GetJob(JOB)
    assert resumed.send(job("Loaded", 2)) == _Run(JOB)


def test_a_transient_error_creating_the_job_is_retried_after_a_pause() -> None:
    steps = Driver(process(field_names=["Email"]).steps())
    assert steps.send(FIRST) == _CreateJob(("Email",))
    steps.throw(connection_dropped())
    steps.pause(RETRY.max_backoff)
    assert steps.action == _CreateJob(("Email",))
    assert steps.send(job("Created")) == _Upload(JOB, wire(FIRST))


def test_a_transient_run_error_for_a_job_already_running_polls_it_without_a_second_run() -> None:
    steps = running(process())
    assert steps.throw(connection_dropped()) == _GetJob(JOB)  # did the run arrive?
    steps.send(job("Running", 2))  # it did: poll, never run again
    steps.pause(0.25)
    assert steps.action == _GetJob(JOB)
    assert steps.finish(job("Finished", 2)).current_status == "Finished"


def test_a_field_the_first_batch_lacked_stops_the_import_before_its_batch_is_sent() -> None:
    """Field names derived from the first batch: a later contact with another field would lose
    that value on the server, so its batch is not sent."""
    steps = uploading(process())
    assert steps.send(None) is NEXT_CONTACTS
    with pytest.raises(UnknownFieldsError, match="Mobile"):
        steps.send([{"Email": "c@example.com", "Mobile": "+32"}])


def test_resuming_when_the_job_holds_unexpected_contacts_is_a_conflict() -> None:
    steps = Driver(process(token_after_first_batch()).steps())
    assert steps.action == _GetJob(JOB)
    assert steps.send(job("Loaded", len(FIRST) + 1)) is NEXT_CONTACTS
    steps.send(FIRST)
    with pytest.raises(ImportStateConflict, match="holds 3 contacts, the resume token 2"):
        steps.send(SECOND + SECOND)  # neither the token's count nor that plus the next batch


def test_a_job_resumed_while_running_is_polled_to_its_end() -> None:
    workflow = process()
    running(workflow)
    token = workflow.continuation_token()
    assert token is not None
    resumed = Driver(process(token).steps())
    assert resumed.action == _GetJob(JOB)
    with pytest.raises(ImportJobFailed) as failed:
        resumed.send(job("Failed", 2, DroppedContacts=2))
    assert failed.value.result.current_status == "Failed"


def test_a_batch_prepared_ahead_is_uploaded_as_made_and_digested_as_the_same_rows() -> None:
    """What the reader prepared (``prepare``: the rows shaped, their digest lines made ahead of
    the batch's turn) is what the upload carries; a token resumes against the rows as read."""
    ahead, inline = process(), process()
    prepared = ahead.prepare(list(SECOND))
    assert isinstance(prepared, DigestedBatch) and prepared == wire(SECOND)
    tokens = []
    for workflow, second in ((ahead, prepared), (inline, SECOND)):
        steps = uploading(workflow)
        assert steps.send(None) is NEXT_CONTACTS
        upload = steps.send(second)
        assert upload == _Upload(JOB, wire(SECOND))
        if second is prepared:
            assert upload.contacts is prepared  # not shaped again
        steps.send(None)
        tokens.append(workflow.continuation_token())
    assert tokens[0] == tokens[1]
