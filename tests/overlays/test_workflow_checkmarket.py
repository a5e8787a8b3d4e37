"""The CheckMarket bulk import workflow end to end: a real ``CheckMarket`` client over
``httpx.MockTransport`` answered by an in-memory fake of the calls it makes (the step logic alone,
action by action: test_workflow_steps_checkmarket.py)."""

from __future__ import annotations

import asyncio
import base64
import copy
import json
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from contactimport.errors import (
    ErrorDetails,
    PermissionDeniedError,
)
from contactimport.workflows import (
    EmptyImportError,
    ImportInterrupted,
    InvalidResumeToken,
    ResumeArgumentConflict,
    RetrySettings,
    SourceChangedError,
)
from contactimport.workflows.checkmarket import (
    BulkImportOutcome,
    BulkImportProgress,
    ResultCodeCount,
    begin_bulk_import,
    begin_bulk_import_async,
    contact_from_row,
    contact_properties,
    queue_states,
    queue_status_meanings,
    result_code_meanings,
    result_code_outcomes,
)
from contactimport.workflows.resume import decode_token, encode_token

from .fake_servers import async_checkmarket_over, checkmarket_over

SPEC = yaml.safe_load((Path(__file__).parents[2] / "spec" / "checkmarket.openapi.yaml").read_text())
FAST = RetrySettings(max_attempts=4, initial_backoff=0.001, max_backoff=0.002)
URL = "https://api.checkmarket.com/3/contacts/import/1"


class FakeCheckMarket:
    """Queues bulk imports; each completes after two polls with R0301 per valid email."""

    def __init__(self) -> None:
        self.configs: list[dict[str, Any]] = [{"ImportConfigId": 7, "Name": "Existing"}]
        self.queue: dict[int, dict[str, Any]] = {}
        self.sent: list[list[Mapping[str, Any]]] = []
        self.faults: dict[tuple[str, int], Exception] = {}
        self.calls: dict[str, int] = {}
        self.finish_as: list[Any] = [4]  # the StatusId each queue item ends in, cycled
        self.interim: list[Any] = []  # StatusIds reported, one a poll, before the final one

    def _enter(self, operation: str) -> None:
        self.calls[operation] = self.calls.get(operation, 0) + 1
        fault = self.faults.get((operation, self.calls[operation]))
        if fault is not None:
            raise fault

    def list_import_configs(self) -> list[dict[str, Any]]:
        self._enter("list")
        return list(self.configs)

    def get_import_config(self, import_config_id: int) -> dict[str, Any]:
        self._enter("read")
        for config in self.configs:
            if config["ImportConfigId"] == import_config_id:
                return dict(config)
        raise KeyError(import_config_id)

    def create_import_config(self, config: Mapping[str, Any]) -> dict[str, Any]:
        self._enter("create")
        new_id = 100 + len(self.configs)
        self.configs.append({"ImportConfigId": new_id, **config})
        return {"ImportConfigId": new_id, "Succeeded": True}

    def bulk_import_contacts(
        self, import_config_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> dict[str, Any]:
        self._enter("bulk")
        self.sent.append(list(contacts))
        queue_item_id = 4700 + len(self.queue)
        valid = sum(1 for c in contacts if "@" in str(c.get("Email", "")))
        rows = [{"ResultCode": "R0301", "ContactCount": valid}]
        if len(contacts) - valid:
            rows.append({"ResultCode": "R0308", "ContactCount": len(contacts) - valid})
        self.queue[queue_item_id] = {
            "polls": 2,
            "rows": rows,
            "config": import_config_id,
            "interim": list(self.interim),
            "final": self.finish_as[len(self.queue) % len(self.finish_as)],
            "polled": 0,
        }
        return {"QueueItemId": queue_item_id}

    def get_import_result(self, queue_item_id: int) -> dict[str, Any]:
        self._enter("get")
        item = self.queue[queue_item_id]
        item["polled"] += 1
        if item["polled"] > 20:  # a workflow that does not see the final state stops here
            raise RuntimeError(f"queue item {queue_item_id} polled after it ended")
        item["polls"] -= 1
        if item["polls"] > 0:
            return {"QueueItemId": queue_item_id, "StatusId": 2}
        if item["interim"]:
            return {"QueueItemId": queue_item_id, "StatusId": item["interim"].pop(0)}
        return {
            "QueueItemId": queue_item_id,
            "StatusId": item["final"],
            "Result": {"ImportResult": item["rows"]},
        }


def rows(count: int, bad_every: int = 0) -> Iterator[dict[str, str]]:
    for n in range(count):
        bad = bad_every and n % bad_every == 0
        yield {
            "Email": f"not-an-email-{n}" if bad else f"c{n}@example.com",
            "FirstName": f"First{n}",
            "LangCode": "en",
            "Segment": "gold",
        }


def refused() -> PermissionDeniedError:
    """A bulk import refused (so known not queued): the import stops, resumable."""
    return PermissionDeniedError(
        status_code=403, method="POST", url=URL, details=ErrorDetails(message="no role")
    )


def run(fake: FakeCheckMarket, source: Any, **kwargs: Any) -> BulkImportOutcome:
    options: dict[str, Any] = {"poll_interval": 0.001, "retry": FAST, "spec_document": SPEC}
    options.update(kwargs)
    return begin_bulk_import(checkmarket_over(fake), source, **options).result(timeout=30)


def test_meanings_and_contact_members_are_read_from_the_spec() -> None:
    meanings = result_code_meanings(SPEC)
    assert meanings["R0301"] == "Successfully created"
    assert meanings["R0308"] == "Invalid email address"
    assert "Email" in contact_properties(SPEC)
    assert "CustomFields" not in contact_properties(SPEC)


def test_result_outcomes_come_from_the_spec_and_warnings_are_not_counted_as_contacts() -> None:
    outcomes = result_code_outcomes(SPEC)
    assert (outcomes["R0300"], outcomes["R0301"]) == ("imported", "imported")
    assert (outcomes["R0308"], outcomes["R0318"]) == ("rejected", "warning")
    outcome = BulkImportOutcome(
        import_config_id=1,
        queue_item_ids=(1,),
        status="Completed",
        results=(
            ResultCodeCount("R0301", "Successfully created", 5, "imported"),
            ResultCodeCount("R0308", "Invalid email address", 2, "rejected"),
            ResultCodeCount("R0318", "Using default language code", 3, "warning"),
        ),
        queue_items=(),
    )
    assert (outcome.total, outcome.imported, outcome.not_imported) == (7, 5, 2)


def test_unknown_columns_go_to_custom_fields_and_empty_cells_are_left_out() -> None:
    contact = contact_from_row(
        {"Email": "a@x.com", "FirstName": "", "Segment": "gold"}, contact_properties(SPEC)
    )
    assert contact == {"Email": "a@x.com", "CustomFields": {"Segment": "gold"}}


def test_bulk_import_returns_counts_per_result_code_with_their_meaning() -> None:
    fake = FakeCheckMarket()
    progress: list[BulkImportProgress] = []
    outcome = run(fake, rows(12, bad_every=4), import_config_id=7, on_progress=progress.append)
    assert outcome.status == "Completed"
    assert [(r.code, r.meaning, r.count) for r in outcome.results] == [
        ("R0301", "Successfully created", 9),
        ("R0308", "Invalid email address", 3),
    ]
    assert (outcome.total, outcome.imported, outcome.not_imported) == (12, 9, 3)
    assert fake.sent[0][1] == {
        "Email": "c1@example.com",
        "FirstName": "First1",
        "LangCode": "en",
        "CustomFields": {"Segment": "gold"},
    }
    assert progress[-1].phase == "Completed" and not outcome.failed
    assert progress[-1].sent and not any(
        update.sent for update in progress if update.phase == "Uploading"
    )
    assert outcome.as_json()["Results"][1] == {
        "ResultCode": "R0308",
        "Meaning": "Invalid email address",
        "ContactCount": 3,
    }


def test_large_imports_are_sent_in_chunks_and_the_results_added_up() -> None:
    fake = FakeCheckMarket()
    outcome = run(fake, rows(2_500), import_config_id=7, chunk_size=1_000)
    assert [len(chunk) for chunk in fake.sent] == [1_000, 1_000, 500]
    assert len(outcome.queue_item_ids) == 3
    assert outcome.imported == 2_500


def test_a_configuration_with_the_same_name_is_reused_otherwise_created() -> None:
    fake = FakeCheckMarket()
    reused = run(fake, rows(1), config={"Name": "Existing"})
    assert reused.import_config_id == 7
    created = run(fake, rows(1), config={"Name": "New one", "UpdateTypeId": 1})
    assert created.import_config_id == 101
    fresh = run(fake, rows(1), config={"Name": "Existing"}, reuse_config=False)
    assert fresh.import_config_id == 102
    with pytest.raises(ValueError, match="either import_config_id or config"):
        begin_bulk_import(checkmarket_over(fake), rows(1), spec_document=SPEC)


def test_a_bulk_import_refused_with_a_4xx_stops_the_workflow_and_a_resume_sends_it() -> None:
    fake = FakeCheckMarket()
    fake.faults[("bulk", 2)] = refused()
    with pytest.raises(ImportInterrupted) as caught:
        run(fake, rows(300), import_config_id=7, chunk_size=100)
    assert fake.calls["bulk"] == 2
    token = caught.value.continuation_token
    assert token is not None
    outcome = run(fake, rows(300), continuation_token=token)
    assert [len(chunk) for chunk in fake.sent] == [100, 100, 100]
    assert [c["Email"] for c in fake.sent[1]][:1] == ["c100@example.com"]
    assert outcome.imported == 300
    assert outcome.in_doubt == 0  # a refusal is no doubt: the chunk was not queued


def test_resuming_with_another_source_is_refused() -> None:
    fake = FakeCheckMarket()
    fake.faults[("bulk", 2)] = refused()
    with pytest.raises(ImportInterrupted) as caught:
        run(fake, rows(300), import_config_id=7, chunk_size=100)
    with pytest.raises(SourceChangedError):
        run(fake, rows(300, bad_every=2), continuation_token=caught.value.continuation_token)
    with pytest.raises(InvalidResumeToken):
        run(fake, rows(1), continuation_token="garbage")


@pytest.mark.parametrize("reuse_config", [True, False])
def test_an_empty_source_creates_no_configuration_and_emits_no_checkpoint(
    reuse_config: bool,
) -> None:
    fake = FakeCheckMarket()
    checkpoints: list[str] = []
    with pytest.raises(EmptyImportError, match="no contacts"):
        run(
            fake,
            [],
            config={"Name": "Never made"},
            reuse_config=reuse_config,
            on_checkpoint=checkpoints.append,
        )
    assert fake.calls == {}  # not even the list of configurations was read
    assert [c["Name"] for c in fake.configs] == ["Existing"]
    assert checkpoints == []


def test_an_empty_async_source_creates_no_configuration() -> None:
    async def empty() -> AsyncIterator[dict[str, str]]:
        return
        yield {}

    async def scenario() -> None:
        poller = await begin_bulk_import_async(
            async_checkmarket_over(fake),
            empty(),
            config={"Name": "Never made"},
            reuse_config=False,
            on_checkpoint=checkpoints.append,
            spec_document=SPEC,
        )
        await poller.result(timeout=10)

    fake = FakeCheckMarket()
    checkpoints: list[str] = []
    with pytest.raises(EmptyImportError):
        asyncio.run(scenario())
    assert fake.calls == {} and checkpoints == []


def test_the_async_workflow() -> None:
    async def scenario() -> BulkImportOutcome:
        poller = await begin_bulk_import_async(
            async_checkmarket_over(FakeCheckMarket()),
            rows(30, bad_every=10),
            config={"Name": "Existing"},
            poll_interval=0.001,
            spec_document=SPEC,
        )
        return await poller.result(timeout=10)

    outcome = asyncio.run(scenario())
    assert [(r.code, r.count) for r in outcome.results] == [("R0301", 27), ("R0308", 3)]


def interrupted_token(fake: FakeCheckMarket, source: Any, **kwargs: Any) -> str:
    """Run an import that stops (or is stopped by a fault the caller set); returns its token."""
    with pytest.raises(ImportInterrupted) as caught:
        run(fake, source, **kwargs)
    token = caught.value.continuation_token
    assert token is not None
    return token


def test_a_non_reusable_configuration_serves_one_chunk_even_after_a_resume() -> None:
    fake = FakeCheckMarket()
    one_off = {"Name": "One-off", "IsReusable": False}
    token = interrupted_token(fake, rows(300), config=one_off, chunk_size=100)
    assert [len(chunk) for chunk in fake.sent] == [100]
    with pytest.raises(ImportInterrupted, match="not reusable"):
        run(fake, rows(300), continuation_token=token)
    assert [len(chunk) for chunk in fake.sent] == [100]  # nothing sent to the spent config


def test_a_non_reusable_configuration_whose_first_chunk_failed_still_serves_it_on_resume() -> None:
    fake = FakeCheckMarket()
    fake.faults[("bulk", 1)] = refused()
    one_off = {"Name": "One-off", "IsReusable": False}
    token = interrupted_token(fake, rows(200), config=one_off, chunk_size=100)
    assert fake.sent == []
    with pytest.raises(ImportInterrupted, match="not reusable"):
        run(fake, rows(200), continuation_token=token)
    assert [len(chunk) for chunk in fake.sent] == [100]


def test_resuming_with_the_same_arguments_as_the_token_is_allowed() -> None:
    fake = FakeCheckMarket()
    fake.faults[("bulk", 2)] = refused()
    config = {"Name": "New one", "UpdateTypeId": 1}
    token = interrupted_token(fake, rows(300), config=config, chunk_size=100)
    outcome = run(fake, rows(300), continuation_token=token, config=dict(config), chunk_size=100)
    assert outcome.imported == 300
    again = run(fake, rows(300), continuation_token=token, import_config_id=101)
    assert again.import_config_id == 101


@pytest.mark.parametrize(
    ("argument", "value", "in_token"),
    [
        ("import_config_id", 7, "101"),
        ("chunk_size", 5_000, "100"),
        ("config", {"Name": "Other"}, "{'Name': 'New one', 'UpdateTypeId': 1}"),
    ],
)
def test_an_argument_contradicting_the_token_is_refused_before_anything_is_sent(
    argument: str, value: Any, in_token: str
) -> None:
    fake = FakeCheckMarket()
    fake.faults[("bulk", 2)] = refused()
    config = {"Name": "New one", "UpdateTypeId": 1}
    token = interrupted_token(fake, rows(300), config=config, chunk_size=100)
    calls = dict(fake.calls)
    with pytest.raises(ResumeArgumentConflict) as caught:
        run(fake, rows(300), continuation_token=token, **{argument: value})
    message = str(caught.value)
    assert argument in message and in_token in message and repr(value) in message
    assert fake.calls == calls
    conflict = caught.value
    assert (conflict.argument, conflict.given, repr(conflict.recorded)) == (
        argument,
        value,
        in_token,
    )


def test_a_config_given_by_id_is_not_taken_for_one_given_by_name_on_resume() -> None:
    fake = FakeCheckMarket()
    fake.faults[("bulk", 2)] = refused()
    token = interrupted_token(fake, rows(300), import_config_id=7, chunk_size=100)
    with pytest.raises(ResumeArgumentConflict, match="config"):
        run(fake, rows(300), continuation_token=token, config={"Name": "Existing"})


def test_tokens_of_another_api_or_an_older_version_are_refused() -> None:
    fake = FakeCheckMarket()
    fake.faults[("bulk", 2)] = refused()
    token = interrupted_token(fake, rows(300), import_config_id=7, chunk_size=100)
    document = decode_token(token, api="checkmarket")
    with pytest.raises(InvalidResumeToken, match="for 'checkmarket', not 'which50'"):
        decode_token(token, api="which50")
    old = base64.urlsafe_b64encode(json.dumps({**document, "v": 1}).encode()).decode()
    with pytest.raises(InvalidResumeToken, match=r"unknown version.*older version"):
        run(fake, rows(300), continuation_token=old)
    damaged = encode_token("checkmarket", {**document, "queue_item_ids": ["x"]})
    with pytest.raises(InvalidResumeToken, match="'queue_item_ids' must be a list of integers"):
        run(fake, rows(300), continuation_token=damaged)


def with_queue_states(*states: dict[str, Any]) -> dict[str, Any]:
    """The CheckMarket spec with ImportQueueItem.StatusId's x-status-values replaced."""
    document: dict[str, Any] = copy.deepcopy(SPEC)
    status = document["components"]["schemas"]["ImportQueueItem"]["properties"]["StatusId"]
    status["x-status-values"] = [dict(state) for state in states]
    return document


SPEC_QUEUE_STATES: list[dict[str, Any]] = SPEC["components"]["schemas"]["ImportQueueItem"][
    "properties"
]["StatusId"]["x-status-values"]


def test_the_queue_states_are_the_stages_of_the_spec() -> None:
    states = queue_states(SPEC)
    assert (set(states.in_progress), set(states.final)) == ({1, 2}, {3, 4})
    assert (set(states.succeeded), set(states.failed)) == ({4}, {3})
    assert queue_status_meanings(SPEC) == {
        1: "Queued",
        2: "Processing",
        3: "Failed",
        4: "Completed",
    }


def test_a_failed_queue_item_fails_the_bulk_import_with_the_spec_meaning_as_status() -> None:
    fake = FakeCheckMarket()
    fake.finish_as = [4, 3]
    outcome = run(fake, rows(300), import_config_id=7, chunk_size=100)
    assert [item.status_id for item in outcome.queue_items] == [4, 3, 4]
    assert (outcome.status, outcome.failed) == ("Failed", True)


def test_the_outcome_follows_the_stages_and_meanings_the_spec_gives() -> None:
    renamed = [
        {**item, "meaning": "Done"} if item["value"] == 4 else item for item in SPEC_QUEUE_STATES
    ]
    outcome = run(FakeCheckMarket(), rows(5), import_config_id=7,
                  spec_document=with_queue_states(*renamed))  # fmt: skip
    assert (outcome.status, outcome.failed) == ("Done", False)
    marked_failed = [
        {**item, "outcome": "failed"} if item["value"] == 4 else item for item in SPEC_QUEUE_STATES
    ]
    outcome = run(FakeCheckMarket(), rows(5), import_config_id=7,
                  spec_document=with_queue_states(*marked_failed))  # fmt: skip
    assert (outcome.status, outcome.failed) == ("Completed", True)


def test_a_final_state_the_spec_adds_ends_the_polling() -> None:
    fake = FakeCheckMarket()
    fake.finish_as = [5]
    archived = {"value": 5, "meaning": "Archived", "stage": "final", "outcome": "succeeded"}
    progress: list[BulkImportProgress] = []
    outcome = run(fake, rows(5), import_config_id=7, on_progress=progress.append,
                  spec_document=with_queue_states(*SPEC_QUEUE_STATES, archived))  # fmt: skip
    assert (outcome.status, outcome.failed, outcome.imported) == ("Archived", False, 5)
    assert progress[-1].phase == "Archived"


def test_a_state_the_spec_does_not_list_keeps_the_workflow_polling() -> None:
    fake = FakeCheckMarket()
    fake.interim = [7, "Verifying"]
    outcome = run(fake, rows(5), import_config_id=7)
    assert outcome.status == "Completed" and outcome.imported == 5
    assert fake.queue[4700]["polled"] == 4


def test_a_broken_queue_state_list_is_refused_before_anything_is_sent() -> None:
    fake = FakeCheckMarket()
    broken = with_queue_states(*SPEC_QUEUE_STATES, {"value": 9, "meaning": "x", "stage": "final"})
    with pytest.raises(ValueError, match="ImportQueueItem/properties/StatusId/x-status-values"):
        run(fake, rows(5), import_config_id=7, spec_document=broken)
    assert fake.calls == {}


def test_a_chunk_size_above_the_specs_max_items_is_refused() -> None:
    limit = SPEC["components"]["schemas"]["ImportContactList"]["maxItems"]
    with pytest.raises(ValueError, match=f"exceeds the API's limit of {limit} contacts"):
        begin_bulk_import(
            checkmarket_over(FakeCheckMarket()),
            rows(1),
            import_config_id=7,
            chunk_size=limit + 1,
            spec_document=SPEC,
        )


def test_a_row_is_shaped_once_on_its_way_to_the_wire(monkeypatch: pytest.MonkeyPatch) -> None:
    """The workflow hands the client ImportContact mappings and the client sends them as they
    are: no ``ImportContact`` model is built for a row."""
    from contactimport import _parameters

    def no_model(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a row went through a model")

    monkeypatch.setattr(_parameters, "model", no_model)
    fake = FakeCheckMarket()
    assert run(fake, rows(3), import_config_id=7).imported == 3
    assert fake.sent[0][0] == {
        "Email": "c0@example.com",
        "FirstName": "First0",
        "LangCode": "en",
        "CustomFields": {"Segment": "gold"},
    }
