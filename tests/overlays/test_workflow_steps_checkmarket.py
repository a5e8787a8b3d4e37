"""The CheckMarket bulk import's ``steps()`` driven directly: the exact actions (read, find or
create the configuration, bulk import, poll the results) it yields for each outcome sent or error
thrown, including chunks in doubt (docs/adr/0004-checkmarket-chunks-in-doubt.md): held back where
a repeat could store contacts twice, sent again where the spec's ``x-repeat-harmless`` says it
cannot or ``send_in_doubt`` asks for it."""

from __future__ import annotations

from typing import Any

import pytest
from contactimport.errors import OperationFailedError
from contactimport.generated.checkmarket_client.models import (
    BulkImportResult,
    CreateImportConfigResult,
    ImportConfig,
    ImportQueueItem,
)
from contactimport.workflows import (
    BulkImportOutcome,
    EmptyImportError,
    ImportCancelled,
    ImportInterrupted,
    RetrySettings,
    checkmarket_process,
)
from contactimport.workflows.checkmarket import _process
from contactimport.workflows.checkmarket_process import (
    BulkImportProcess,
    _Bulk,
    _BulkState,
    _CreateConfig,
    _GetConfig,
    _GetResult,
    _ListConfigs,
)
from contactimport.workflows.poller import Pause
from contactimport.workflows.process import NEXT_CONTACTS

from .workflow_steps import Driver, connection_dropped, forbidden, rate_limited

CONFIG = 5
RETRY = RetrySettings(max_attempts=3, initial_backoff=0.5, max_backoff=8.0)
FIRST = [{"Email": "ann@example.com", "Team": "blue"}, {"Email": "bob@example.com"}]
SECOND = [{"Email": "cy@example.com"}]
#: UpdateTypeId 1 with an Email on every contact: a repeat stores nothing twice (x-repeat-harmless)
HARMLESS = {"ImportConfigId": CONFIG, "Name": "Sign-ups", "UpdateTypeId": 1}
#: any other UpdateTypeId: a repeat may store contacts twice
RISKY = {"ImportConfigId": CONFIG, "Name": "Sign-ups", "UpdateTypeId": 2}


def process(continuation_token: str | None = None, **given: Any) -> BulkImportProcess:
    options: dict[str, Any] = {
        "import_config_id": None if continuation_token else CONFIG,
        "config": None,
        "reuse_config": True,
        "chunk_size": 2,
        "send_in_doubt": False,
        "on_progress": None,
        "on_checkpoint": None,
        "poll_interval": 1.0,
        "max_poll_interval": 10.0,
        "retry": RETRY,
        "spec_document": None,
    }
    options.update(given)
    return _process(continuation_token=continuation_token, **options)


def contacts(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """The ImportContacts the rows become: spec members as such, the rest as CustomFields."""
    shaped: list[dict[str, Any]] = []
    for row in rows:
        contact: dict[str, Any] = {"Email": row["Email"]}
        if "Team" in row:
            contact["CustomFields"] = {"Team": row["Team"]}
        shaped.append(contact)
    return shaped


# What the client methods return: the generated models.


def config(shape: dict[str, Any]) -> ImportConfig:
    return ImportConfig.from_dict(shape)


def queued(queue_item_id: int) -> BulkImportResult:
    return BulkImportResult(queue_item_id=queue_item_id)


def status(status_id: int) -> ImportQueueItem:
    return ImportQueueItem(queue_item_id=0, status_id=status_id)


def completed(*codes: tuple[str, int]) -> ImportQueueItem:
    rows = [{"ResultCode": code, "ContactCount": count} for code, count in codes]
    return ImportQueueItem.from_dict(
        {"QueueItemId": 0, "StatusId": 4, "Result": {"ImportResult": rows}}
    )


def sending(workflow: BulkImportProcess, settings: dict[str, Any]) -> Driver:
    """An import given ``import_config_id``, at its first bulk import."""
    steps = Driver(workflow.steps())
    assert steps.action is NEXT_CONTACTS
    assert steps.send(FIRST) == _GetConfig(CONFIG)
    assert workflow.status() == "Configuring"
    assert steps.send(config(settings)) == _Bulk(CONFIG, contacts(FIRST))
    assert workflow.status() == "Uploading"
    return steps


def state(workflow: BulkImportProcess) -> _BulkState:
    token = workflow.continuation_token()
    assert token is not None
    return _BulkState.decode(token)


def test_a_bulk_import_reads_the_config_sends_each_chunk_and_polls_every_queue_item() -> None:
    workflow = process()
    steps = sending(workflow, HARMLESS)
    assert state(workflow).in_flight == (0,)  # recorded before it is sent
    assert steps.send(queued(11)) is NEXT_CONTACTS
    assert state(workflow).in_flight == ()
    assert steps.send(SECOND) == _Bulk(CONFIG, contacts(SECOND))
    assert steps.send(queued(12)) is NEXT_CONTACTS
    assert steps.send(None) == _GetResult(11)
    assert workflow.status() == "Processing"
    assert steps.send(completed(("R0300", 2))) == _GetResult(12)
    steps.send(status(2))
    steps.pause(1.0)
    assert steps.action == _GetResult(12)  # the final one is not read again
    outcome = steps.finish(completed(("R0300", 1)))
    assert isinstance(outcome, BulkImportOutcome)
    assert (outcome.import_config_id, outcome.queue_item_ids) == (CONFIG, (11, 12))
    assert (outcome.status, outcome.total, outcome.imported, outcome.in_doubt) == (
        "Completed",
        3,
        3,
        0,
    )
    assert workflow.status() == "Completed"


def test_an_empty_source_reads_and_creates_nothing() -> None:
    steps = Driver(process().steps())
    with pytest.raises(EmptyImportError):
        steps.send(None)


def test_a_config_found_by_name_is_reused_with_its_own_settings() -> None:
    steps = Driver(process(import_config_id=None, config={"Name": "Sign-ups"}).steps())
    assert steps.send(FIRST) == _ListConfigs()
    assert steps.send([config({"ImportConfigId": 3, "Name": "Other"}), config(RISKY)]) == _Bulk(
        CONFIG, contacts(FIRST)
    )
    # its settings (UpdateTypeId 2), not the ones given, decide: a chunk in doubt is held back
    assert steps.throw(connection_dropped()) is NEXT_CONTACTS


def test_a_config_not_found_is_created_reusable() -> None:
    workflow = process(import_config_id=None, config={"Name": "Sign-ups", "UpdateTypeId": 1})
    steps = Driver(workflow.steps())
    assert steps.send(FIRST) == _ListConfigs()
    assert steps.send([]) == _CreateConfig(
        {"Name": "Sign-ups", "UpdateTypeId": 1, "IsReusable": True}
    )
    assert steps.send(CreateImportConfigResult(import_config_id=9, succeeded=True)) == _Bulk(
        9, contacts(FIRST)
    )
    assert state(workflow).import_config_id == 9


def test_a_config_the_server_did_not_create_interrupts() -> None:
    steps = Driver(process(import_config_id=None, config={"Name": "X"}, reuse_config=False).steps())
    assert isinstance(steps.send(FIRST), _CreateConfig)
    failed = OperationFailedError(
        "createImportConfig was not carried out (Succeeded: false): name taken",
        operation="createImportConfig",
        failure_message="name taken",
    )
    with pytest.raises(ImportInterrupted, match="name taken") as stopped:
        steps.throw(failed)  # what the client raises for `Succeeded: false`
    assert stopped.value.__cause__ is failed


def test_a_chunk_in_doubt_is_held_back_where_a_repeat_may_store_it_twice() -> None:
    workflow = process()
    steps = sending(workflow, RISKY)
    assert steps.throw(connection_dropped()) is NEXT_CONTACTS  # not sent again, no pause
    held = state(workflow)
    assert (held.held_back, held.in_flight, held.confirmed_chunks) == ((0,), (), 1)
    assert steps.send(SECOND) == _Bulk(CONFIG, contacts(SECOND))
    assert steps.send(queued(12)) is NEXT_CONTACTS
    assert steps.send(None) == _GetResult(12)
    outcome = steps.finish(completed(("R0300", 1)))
    assert outcome.in_doubt == 2 and outcome.total == 1
    assert [(chunk.first, chunk.rows) for chunk in outcome.held_back] == [(1, tuple(FIRST))]


def test_a_chunk_in_doubt_is_sent_again_where_the_spec_says_a_repeat_is_harmless() -> None:
    workflow = process()
    steps = sending(workflow, HARMLESS)
    steps.throw(connection_dropped())
    steps.pause(RETRY.max_backoff)
    assert steps.action == _Bulk(CONFIG, contacts(FIRST))
    assert state(workflow).in_flight == (0,)  # still in doubt until it is answered
    assert steps.send(queued(11)) is NEXT_CONTACTS


def test_a_chunk_without_an_email_is_held_back_even_under_a_harmless_config() -> None:
    workflow = process()
    steps = Driver(workflow.steps())
    steps.send([{"Email": "ann@example.com"}, {"FirstName": "Nobody"}])
    assert isinstance(steps.send(config(HARMLESS)), _Bulk)
    assert steps.throw(connection_dropped()) is NEXT_CONTACTS
    assert state(workflow).held_back == (0,)


def test_send_in_doubt_sends_a_chunk_in_doubt_again_whatever_the_config() -> None:
    steps = sending(process(send_in_doubt=True), RISKY)
    steps.throw(connection_dropped())
    steps.pause(RETRY.max_backoff)
    assert steps.action == _Bulk(CONFIG, contacts(FIRST))


def test_a_429_with_retry_after_was_not_queued_so_the_chunk_is_sent_again() -> None:
    workflow = process()
    steps = sending(workflow, RISKY)
    steps.throw(rate_limited("1"))
    assert state(workflow).in_flight == ()  # known not queued: no longer in flight
    steps.pause(RETRY.max_backoff)
    assert steps.action == _Bulk(CONFIG, contacts(FIRST))


def test_a_refused_chunk_interrupts_and_is_not_in_doubt() -> None:
    workflow = process()
    steps = sending(workflow, RISKY)
    with pytest.raises(ImportInterrupted, match="bulk import of contacts 1-2 failed"):
        steps.throw(forbidden())
    assert (state(workflow).in_flight, state(workflow).held_back) == ((), ())


def test_a_chunk_still_in_doubt_after_every_attempt_interrupts_in_flight() -> None:
    workflow = process()
    steps = sending(workflow, HARMLESS)
    for _ in range(RETRY.max_attempts - 1):
        steps.throw(connection_dropped())
        steps.pause(RETRY.max_backoff)
    with pytest.raises(ImportInterrupted) as stopped:
        steps.throw(connection_dropped())
    assert stopped.value.continuation_token is not None
    assert state(workflow).in_flight == (0,)


def test_polling_comes_early_then_pauses_grow_up_to_max_poll_interval() -> None:
    workflow = process(poll_interval=1.0, max_poll_interval=2.0)
    steps = sending(workflow, HARMLESS)
    steps.send(queued(11))
    steps.send(None)
    waits = []
    for _ in range(8):
        assert steps.action == _GetResult(11)
        assert isinstance(steps.send(status(1)), Pause)
        waits.append(steps.pause(2.0))
    # No queue item final yet, so no pace to go by: an early ramp, then growing pauses.
    assert waits == [0.1, 0.2, 0.4, 0.8, 1.0, 1.5, 2.0, 2.0]


def test_polling_follows_the_pace_at_which_queue_items_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two chunks, two queue items: once one of them is final (half the import, 3 s after the
    first reading), the next poll comes halfway to when the other should be (3 s later), not
    after a growing pause."""
    clock = iter([100.0, 103.0])
    monkeypatch.setattr(checkmarket_process, "monotonic", lambda: next(clock))
    workflow = process(poll_interval=1.0, max_poll_interval=10.0)
    steps = sending(workflow, HARMLESS)
    assert steps.send(queued(11)) is NEXT_CONTACTS
    assert steps.send(SECOND) == _Bulk(CONFIG, contacts(SECOND))
    assert steps.send(queued(12)) is NEXT_CONTACTS
    assert steps.send(None) == _GetResult(11)
    assert steps.send(status(1)) == _GetResult(12)
    assert isinstance(steps.send(status(1)), Pause)
    assert steps.pause(10.0) == 0.1  # the first poll comes early
    assert steps.send(completed(("R0100", 2))) == _GetResult(12)
    assert isinstance(steps.send(status(1)), Pause)
    assert steps.pause(10.0) == pytest.approx(1.5)  # halfway to when the other should end


def test_cancelling_stops_before_the_next_chunk_with_a_token() -> None:
    workflow = process()
    steps = sending(workflow, HARMLESS)
    steps.send(queued(11))
    workflow.request_cancel()
    with pytest.raises(ImportCancelled) as cancelled:
        steps.send(SECOND)
    assert cancelled.value.continuation_token == workflow.continuation_token()
    assert state(workflow).queue_item_ids == (11,)


def token_in_flight(settings: dict[str, Any]) -> str:
    """The token of an import stopped while its first chunk was on the wire."""
    workflow = process()
    sending(workflow, settings)
    token = workflow.continuation_token()
    assert token is not None
    return token


def test_resuming_holds_back_the_chunk_in_flight_where_a_repeat_may_store_it_twice() -> None:
    workflow = process(token_in_flight(RISKY))
    steps = Driver(workflow.steps())
    assert steps.action is NEXT_CONTACTS
    assert steps.send(FIRST) is NEXT_CONTACTS  # held back, not sent
    assert state(workflow).held_back == (0,)
    assert steps.send(SECOND) == _Bulk(CONFIG, contacts(SECOND))


def test_resuming_sends_the_chunk_in_flight_again_where_a_repeat_is_harmless() -> None:
    steps = Driver(process(token_in_flight(HARMLESS)).steps())
    assert steps.send(FIRST) == _Bulk(CONFIG, contacts(FIRST))
    assert steps.send(queued(11)) is NEXT_CONTACTS


def test_resuming_with_send_in_doubt_sends_a_held_back_chunk() -> None:
    workflow = process()
    steps = sending(workflow, RISKY)
    steps.throw(connection_dropped())  # held back
    first_run = steps.finish(None)  # the end of the source: no queue item to poll
    assert (first_run.queue_item_ids, first_run.in_doubt) == ((), 2)
    token = workflow.continuation_token()
    assert token is not None and _BulkState.decode(token).uploads_done
    resumed = Driver(process(token, send_in_doubt=True).steps())
    assert resumed.action is NEXT_CONTACTS
    assert resumed.send(FIRST) == _Bulk(CONFIG, contacts(FIRST))  # the held-back chunk
    assert resumed.send(queued(11)) == _GetResult(11)
    assert resumed.finish(completed(("R0300", 2))).in_doubt == 0


def test_resuming_with_other_contacts_is_refused() -> None:
    workflow = process()
    steps = sending(workflow, HARMLESS)
    steps.send(queued(11))
    resumed = Driver(process(workflow.continuation_token()).steps())
    with pytest.raises(Exception, match="differ from the source"):
        resumed.send([{"Email": "someone-else@example.com"}, {"Email": "bob@example.com"}])


def test_a_transient_error_reading_a_result_is_retried_after_a_pause() -> None:
    steps = sending(process(), HARMLESS)
    steps.send(queued(11))
    assert steps.send(None) == _GetResult(11)
    steps.throw(connection_dropped())
    steps.pause(RETRY.max_backoff)
    assert steps.action == _GetResult(11)
    assert steps.finish(completed(("R0300", 2))).imported == 2


def test_a_failed_queue_item_makes_the_outcome_failed_with_the_spec_meaning() -> None:
    workflow = process()
    steps = sending(workflow, HARMLESS)
    steps.send(queued(11))
    steps.send(None)
    outcome = steps.finish(status(3))
    assert (outcome.failed, outcome.status, outcome.total) == (True, "Failed", 0)
    assert workflow.status() == "Failed"
