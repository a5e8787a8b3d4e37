"""The import workflows against the sandbox over real HTTP, in JSON and DataContract XML.

Contents are checked in the sandbox's database (the W50API cannot list a list's contacts), so a
lost or duplicated contact fails the test even when the job's counters look right.
"""

from __future__ import annotations

import asyncio
import random
import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from contactimport.checkmarket import AsyncCheckMarket, CheckMarket
from contactimport.generated.which50_client.models import ImportJob
from contactimport.which50 import AsyncWhich50, Which50
from contactimport.workflows import (
    EmptyImportError,
    RetrySettings,
    begin_import,
    begin_import_async,
)
from contactimport.workflows.checkmarket import begin_bulk_import, begin_bulk_import_async

from .e2e_support import CM_KEY, CM_MASTER_KEY, W50_TOKEN, Sandbox

FAST = RetrySettings(max_attempts=10, initial_backoff=0.02, max_backoff=0.2)


def people(count: int, start: int = 0, name: str = "P") -> Iterator[dict[str, Any]]:
    for number in range(start, start + count):
        yield {
            "Email": f"p{number}@example.com",
            "FirstName": f"{name}{number}",
            "ReferanceAccountId": str(number),
        }


def which50(sandbox: Sandbox, wire_format: str = "json", **options: Any) -> Which50:
    return Which50(W50_TOKEN, base_url=sandbox.which50_url, wire_format=wire_format, **options)


def custom_events(sandbox: Sandbox) -> list[dict[str, Any]]:
    answer = httpx.get(
        f"{sandbox.url}/_sandbox/which50/custom-events",
        headers={"Authorization": f"Bearer {W50_TOKEN}"},
        params={"limit": 10000},
    )
    answer.raise_for_status()
    events: list[dict[str, Any]] = answer.json()["Events"]
    return events


@pytest.mark.parametrize("wire_format", ["json", "xml"])
def test_w50_import_inserts_then_updates_by_match_with_custom_events(
    sandbox: Sandbox, wire_format: str
) -> None:
    with which50(sandbox, wire_format) as client:
        first = begin_import(
            client, 1, people(2_500), batch_size=1_000, poll_interval=0.05, retry=FAST
        ).result(timeout=60)
        assert (first.current_status, first.total_contacts) == ("Finished", 2_500)
        assert first.inserted_contacts == 2_500
        progress: list[int] = []
        second = begin_import(
            client,
            1,
            people(500, start=2_000, name="Renamed"),
            match=["Email"],
            custom_events=["SendWelcomeEmail"],
            poll_interval=0.05,
            retry=FAST,
            on_progress=lambda p: progress.append(p.uploaded_contacts),
        ).result(timeout=60)
    assert (second.inserted_contacts, second.updated_contacts, second.total_contacts) == (
        0,
        500,
        500,
    )
    assert second.progress_percent == 100 and progress[-1] == 500
    contacts = sandbox.contacts(1)
    assert len(contacts) == 2_500
    assert Counter(c["Email"] for c in contacts) == Counter(
        f"p{n}@example.com" for n in range(2_500)
    )
    renamed = {c["Email"]: c["FirstName"] for c in contacts if c["FirstName"].startswith("R")}
    assert renamed == {f"p{n}@example.com": f"Renamed{n}" for n in range(2_000, 2_500)}
    events = [e for e in custom_events(sandbox) if e.get("Event") == "SendWelcomeEmail"]
    assert len(events) == 500


def test_w50_async_import_from_an_async_source(sandbox: Sandbox) -> None:
    async def source() -> Any:
        for contact in people(1_200):
            yield contact

    async def scenario() -> ImportJob:
        async with AsyncWhich50(W50_TOKEN, base_url=sandbox.which50_url) as client:
            poller = await begin_import_async(
                client, 1, source(), batch_size=500, poll_interval=0.05, retry=FAST
            )
            return await poller.result(timeout=60)

    result = asyncio.run(scenario())
    assert (result.total_contacts, result.inserted_contacts) == (1_200, 1_200)
    assert sorted(c["Email"] for c in sandbox.contacts(1)) == sorted(
        f"p{n}@example.com" for n in range(1_200)
    )


class Crash(Exception):
    """Stands for the process dying between two instructions."""


@pytest.mark.parametrize("wire_format", ["json", "xml"])
def test_w50_import_resumes_after_a_crash_without_uploading_a_batch_twice(
    sandbox: Sandbox, wire_format: str
) -> None:
    saved: list[str] = []

    def checkpoint(token: str) -> None:
        if len(saved) == 3:  # the 3rd batch is on the server, its checkpoint never written
            raise Crash
        saved.append(token)

    with which50(sandbox, wire_format) as client:
        poller = begin_import(
            client, 1, people(1_000), batch_size=200, poll_interval=0.05, on_checkpoint=checkpoint
        )
        with pytest.raises(Crash):
            poller.result(timeout=60)
    assert len(sandbox.contacts(1)) == 0  # loaded into the job, not yet run
    with which50(sandbox, wire_format) as client:  # a new process: only the token survives
        result = begin_import(
            client, 1, people(1_000), continuation_token=saved[-1], poll_interval=0.05
        ).result(timeout=60)
    assert (result.total_contacts, result.inserted_contacts) == (1_000, 1_000)
    emails = [c["Email"] for c in sandbox.contacts(1)]
    assert sorted(emails) == sorted(f"p{n}@example.com" for n in range(1_000))


def test_w50_patch_import_resumed_from_the_token_alone_patches_the_matching_contact(
    sandbox: Sandbox,
) -> None:
    saved: list[str] = []

    def checkpoint(token: str) -> None:
        if len(saved) == 2:  # the 2nd batch is on the server, its checkpoint never written
            raise Crash
        saved.append(token)

    patches = [{"FirstName": f"Patched{n}"} for n in range(3)]
    with which50(sandbox) as client:
        begin_import(client, 1, people(10), poll_interval=0.05, retry=FAST).result(timeout=60)
        poller = begin_import(
            client,
            1,
            patches,
            match=["Email"],
            match_values={"Email": "p3@example.com"},
            run_method="PATCH",
            batch_size=1,
            poll_interval=0.05,
            on_checkpoint=checkpoint,
        )
        with pytest.raises(Crash):
            poller.result(timeout=60)

    async def resume() -> ImportJob:
        # A new process (async this time) with only the token: match, match values and the
        # run method come from it.
        async with AsyncWhich50(W50_TOKEN, base_url=sandbox.which50_url) as client:
            resumed = await begin_import_async(
                client, 1, patches, continuation_token=saved[-1], poll_interval=0.05
            )
            return await resumed.result(timeout=60)

    result = asyncio.run(resume())
    assert (result.current_status, result.total_contacts, result.inserted_contacts) == (
        "Finished",
        3,
        0,
    )
    names = {c["Email"]: c["FirstName"] for c in sandbox.contacts(1)}
    assert len(names) == 10
    assert names.pop("p3@example.com") == "Patched2"  # each loaded contact patched it in turn
    assert names == {f"p{n}@example.com": f"P{n}" for n in range(10) if n != 3}


class LosingResponses(httpx.BaseTransport):
    """Sends W50 uploads to the server, then (sometimes) loses the answer: the nastiest fault,
    where the request took effect but the client cannot know."""

    def __init__(self, rate: float, seed: int) -> None:
        self.inner = httpx.HTTPTransport()
        self.rate = rate
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.lost = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        is_upload = request.method == "POST" and "/import/" in request.url.path
        with self.lock:
            lose = is_upload and self.random.random() < self.rate
        if lose:
            response.read()
            response.close()
            with self.lock:
                self.lost += 1
            raise httpx.ReadError("connection dropped after the server answered", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


@pytest.mark.slow
def test_w50_import_of_100000_contacts_under_injected_faults_loses_and_duplicates_none(
    sandbox: Sandbox,
) -> None:
    # 10 % of all requests fail before the server processes them (5 % dropped connections,
    # 5 % 500/503), and 20 % of the uploads that did succeed lose their response.
    sandbox.set_faults(
        {
            "seed": 20261125,
            "rules": [
                {
                    "route": "*",
                    "drop_rate": 0.05,
                    "error_rate": 0.05,
                    "error_statuses": [500, 503],
                    "retry_after": 0,
                }
            ],
        }
    )
    transport = LosingResponses(rate=0.2, seed=8)
    total = 100_000
    with which50(sandbox, transport=transport) as client:
        # No match: every loaded contact is inserted, so a batch sent twice would show up as
        # duplicate contacts in the list.
        result = begin_import(client, 1, people(total), poll_interval=0.2, retry=FAST).result(
            timeout=150
        )
    sandbox.set_faults(None)
    assert (result.current_status, result.total_contacts) == ("Finished", total)
    assert result.inserted_contacts == total
    records = sandbox.contact_records(1)
    assert len(records) == total
    assert len({record["EncContactId"] for record in records}) == total  # no contact listed twice
    emails = Counter(record["Values"]["Email"] for record in records)
    assert len(emails) == total
    assert max(emails.values()) == 1
    assert set(emails) == {f"p{n}@example.com" for n in range(total)}
    assert transport.lost > 0  # the test did exercise lost responses


@pytest.mark.parametrize("wire_format", ["json", "xml"])
def test_checkmarket_bulk_import_reports_counts_per_result_code(
    sandbox: Sandbox, wire_format: str
) -> None:
    rows = [
        {"Email": "ada@example.com", "FirstName": "Ada", "LangCode": "en"},
        {"Email": "alan@example.com", "FirstName": "Alan", "LangCode": "en", "Tier": "gold"},
        {"Email": "broken", "FirstName": "Broken", "LangCode": "en"},
        {"Email": "xx@example.com", "FirstName": "Xavier", "LangCode": "xx"},
    ]
    with CheckMarket(
        CM_MASTER_KEY, CM_KEY, base_url=sandbox.url, wire_format=wire_format
    ) as client:
        outcome = begin_bulk_import(
            client,
            rows,
            config={"Name": "E2E import", "IsReusable": True, "UpdateTypeId": 1},
            chunk_size=3,
            poll_interval=0.05,
            retry=FAST,
        ).result(timeout=60)
        again = begin_bulk_import(
            client, rows[:1], config={"Name": "E2E import"}, poll_interval=0.05
        ).result(timeout=60)
    assert outcome.status == "Completed"
    assert len(outcome.queue_item_ids) == 2
    assert {r.code: (r.meaning, r.count) for r in outcome.results} == {
        "R0301": ("Successfully created", 2),
        "R0306": ("Invalid language code", 1),
        "R0308": ("Invalid email address", 1),
    }
    assert (outcome.imported, outcome.not_imported) == (2, 2)
    assert again.import_config_id == outcome.import_config_id  # reused by name
    assert [(r.code, r.count) for r in again.results] == [("R0300", 1)]


def test_checkmarket_bulk_import_of_no_contacts_leaves_no_configuration(sandbox: Sandbox) -> None:
    checkpoints: list[str] = []
    with CheckMarket(CM_MASTER_KEY, CM_KEY, base_url=sandbox.url) as client:
        poller = begin_bulk_import(
            client,
            [],
            config={"Name": "Nothing to import"},
            on_checkpoint=checkpoints.append,
            poll_interval=0.05,
        )
        with pytest.raises(EmptyImportError):
            poller.result(timeout=60)
        assert client.list_import_configs() == []
    assert checkpoints == []


def test_checkmarket_async_bulk_import(sandbox: Sandbox) -> None:
    async def scenario() -> Any:
        async with AsyncCheckMarket(CM_MASTER_KEY, CM_KEY, base_url=sandbox.url) as client:
            poller = await begin_bulk_import_async(
                client,
                [{"Email": f"c{n}@example.com", "LangCode": "en"} for n in range(50)],
                config={"Name": "Async import"},
                chunk_size=20,
                poll_interval=0.05,
            )
            return await poller.result(timeout=60)

    outcome = asyncio.run(scenario())
    assert [(r.code, r.count) for r in outcome.results] == [("R0301", 50)]
    assert len(outcome.queue_item_ids) == 3
