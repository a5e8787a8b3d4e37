"""Reads come first: a long write (a W50 job step, a CheckMarket bulk import) works in bounded
slices and, between them, waits for the reads in progress (a store read, a GET request in the
server), so a client polling a status is not slowed by the background worker's GIL; the server's
keep-alive outlasts its clients' own.

Everything here is ordering: events, threads joined, reads held open; nothing is timed.
"""

from __future__ import annotations

import asyncio
import inspect
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from contactimport.workflows import which50 as w50_workflow
from contactimport_sandbox import SandboxOptions, create_app, serve
from contactimport_sandbox import store as store_module
from contactimport_sandbox.app import Sandbox
from contactimport_sandbox.serving import SWITCH_INTERVAL_S, ReadsFirst, server_config
from contactimport_sandbox.store import MEMORY, SLICE_CONTACTS, Store
from starlette.types import Message, Receive, Scope, Send

from .conftest import CUSTOMERS

SAFETY = 30.0  # seconds; only ever reached when a test fails


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """A file sandbox whose worker runs only when a test steps it; yield points wait for reads
    for as long as a test holds them (SAFETY)."""
    monkeypatch.setattr(store_module, "READS_FIRST_LIMIT_S", SAFETY)
    application = create_app(db=tmp_path / "s.db", options=SandboxOptions(chunk_size=10_000))
    state: Sandbox = application.state.sandbox
    yield state
    state.close()


def account(sandbox: Sandbox) -> Any:
    found = sandbox.fixtures.w50_token("w50-acme-full")
    assert found is not None
    return found[0]


def running_job(sandbox: Sandbox, values: list[dict[str, Any]], match: list[str]) -> int:
    w50 = sandbox.which50
    names = sorted({name for contact in values for name in contact})
    job_id = int(w50.create_job(account(sandbox), CUSTOMERS, names)["Id"])
    w50.upload_batch(account(sandbox), CUSTOMERS, job_id, [{"Values": v} for v in values])
    w50.run_job(account(sandbox), CUSTOMERS, job_id, match, None, [])
    return job_id


def job(sandbox: Sandbox, job_id: int) -> dict[str, Any]:
    return sandbox.which50.get_job(account(sandbox), CUSTOMERS, job_id)


class Gate:
    """Records, in order, when a yield point is reached and passed (``Store.wait_for_reads``)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reached = threading.Event()
        self.events: list[str] = []
        original = Store.wait_for_reads
        gate = self

        def wait_for_reads(self: Store) -> bool:
            gate.reached.set()
            waited = original(self)
            gate.events.append("yield point passed")
            return waited

        monkeypatch.setattr(Store, "wait_for_reads", wait_for_reads)


def step_in_thread(sandbox: Sandbox) -> threading.Thread:
    thread = threading.Thread(target=sandbox.worker.step, daemon=True)
    thread.start()
    return thread


def test_a_step_waits_at_its_yield_point_for_a_read_in_progress(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id = running_job(sandbox, [{"FirstName": f"n{n}"} for n in range(3 * SLICE_CONTACTS)], [])
    gate = Gate(monkeypatch)
    with sandbox.store.read() as conn:  # a status poll in progress
        stepping = step_in_thread(sandbox)
        assert gate.reached.wait(SAFETY)  # the step is between two slices of its one chunk
        assert conn.execute("SELECT processed FROM w50_jobs").fetchone() == (0,)
        gate.events.append("read ended")
    stepping.join(SAFETY)
    assert not stepping.is_alive()
    assert gate.events[:2] == ["read ended", "yield point passed"]
    state = job(sandbox, job_id)
    assert (state["CurrentStatus"], state["InsertedContacts"]) == ("Finished", 3 * SLICE_CONTACTS)


def test_reads_begun_while_a_step_waits_do_not_hold_it_back(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two slices, one yield point (a later one would wait for the reads in progress then).
    job_id = running_job(sandbox, [{"FirstName": f"n{n}"} for n in range(SLICE_CONTACTS + 1)], [])
    gate = Gate(monkeypatch)
    first = sandbox.store.read()
    first.__enter__()
    try:
        stepping = step_in_thread(sandbox)
        assert gate.reached.wait(SAFETY)
        with sandbox.store.read():  # begun while the step waits, held until the step is done
            first.__exit__(None, None, None)
            stepping.join(SAFETY)
            assert not stepping.is_alive()  # the step went on, this read still in progress
    finally:
        first.__exit__(None, None, None)  # idempotent once exited (a finished generator)
    assert job(sandbox, job_id)["CurrentStatus"] == "Finished"


def test_a_yield_point_waits_for_a_read_no_longer_than_its_limit(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "READS_FIRST_LIMIT_S", 0.0)
    job_id = running_job(sandbox, [{"FirstName": f"n{n}"} for n in range(3 * SLICE_CONTACTS)], [])
    with sandbox.store.read():  # held (a GET under an injected latency, say) the whole step
        stepping = step_in_thread(sandbox)
        stepping.join(SAFETY)
        assert not stepping.is_alive()
    assert job(sandbox, job_id)["CurrentStatus"] == "Finished"


def test_an_in_memory_store_never_waits_at_a_yield_point() -> None:
    store = Store(MEMORY)
    try:
        with store.write():  # a long write's yield point: its reads would wait for this lock
            assert store.wait_for_reads()
    finally:
        store.close()


def test_contacts_of_an_earlier_slice_are_matched_by_a_later_one_in_the_same_step(
    sandbox: Sandbox,
) -> None:
    keys = SLICE_CONTACTS + SLICE_CONTACTS // 2  # the second occurrences start in slice two
    values = [{"ReferanceAccountId": n % keys, "FirstName": f"n{n}"} for n in range(2 * keys)]
    job_id = running_job(sandbox, values, ["ReferanceAccountId"])
    assert sandbox.worker.step()  # one step, one transaction, several slices
    state = job(sandbox, job_id)
    assert (state["CurrentStatus"], state["InsertedContacts"], state["UpdatedContacts"]) == (
        "Finished",
        keys,
        keys,
    )
    with sandbox.store.read() as conn:
        rows = conn.execute("SELECT values_json FROM w50_contacts ORDER BY id").fetchall()
    assert len(rows) == keys
    assert f'"n{keys}"' in rows[0][0]  # the later occurrence's values won


def test_a_bulk_import_waits_at_its_yield_point_for_a_read_in_progress(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = sandbox.fixtures.checkmarket_key("cm-acme-master", "cm-acme-contacts-write")
    assert found is not None
    cm, cm_account = sandbox.checkmarket, found[0]
    config_id = cm.create_config(cm_account, {"Name": "slices"})
    contacts = [{"Email": f"c{n}@example.com"} for n in range(SLICE_CONTACTS + 1)]
    item = cm.queue_import(cm_account, config_id, contacts)
    gate = Gate(monkeypatch)
    with sandbox.store.read():
        stepping = step_in_thread(sandbox)
        assert gate.reached.wait(SAFETY)
        gate.events.append("read ended")
    stepping.join(SAFETY)
    assert not stepping.is_alive()
    assert gate.events[:2] == ["read ended", "yield point passed"]
    assert cm.import_result(cm_account, item)["StatusId"] == 4


# -- the server ----------------------------------------------------------------------------


def http_scope(method: str) -> Scope:
    return {
        "type": "http",
        "method": method,
        "path": "/",
        "raw_path": b"/",
        "query_string": b"",
        "headers": [],
    }


class HeldApp:
    """An ASGI app whose answer waits for ``proceed``; ``entered`` once it was called."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.proceed = asyncio.Event()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.entered.set()
        await self.proceed.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})


async def nothing() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def read_in_progress(store: Store, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether a long write's yield point would wait now (asked without waiting)."""
    monkeypatch.setattr(store_module, "READS_FIRST_LIMIT_S", 0.0)
    return not store.wait_for_reads()


@pytest.mark.anyio
async def test_a_get_request_is_a_read_in_progress_until_it_is_answered(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = HeldApp()
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    app = ReadsFirst(inner, sandbox.store)
    assert not read_in_progress(sandbox.store, monkeypatch)
    request = asyncio.ensure_future(app(http_scope("GET"), nothing, send))
    await inner.entered.wait()
    assert read_in_progress(sandbox.store, monkeypatch)
    inner.proceed.set()
    await request
    assert not read_in_progress(sandbox.store, monkeypatch)
    assert [message["type"] for message in sent] == ["http.response.start", "http.response.body"]


@pytest.mark.anyio
async def test_a_write_request_is_not_a_read_in_progress(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = HeldApp()

    async def send(message: Message) -> None:
        pass

    request = asyncio.ensure_future(
        ReadsFirst(inner, sandbox.store)(http_scope("POST"), nothing, send)
    )
    await inner.entered.wait()
    assert not read_in_progress(sandbox.store, monkeypatch)
    inner.proceed.set()
    await request


@pytest.mark.anyio
async def test_a_get_is_no_read_in_progress_once_its_answer_is_handed_over(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = HeldApp()
    inner.proceed.set()
    handed_over = asyncio.Event()
    client_reads = asyncio.Event()

    async def slow_client(message: Message) -> None:
        if message["type"] == "http.response.body":
            handed_over.set()
            await client_reads.wait()  # the server waits for a client that reads slowly

    request = asyncio.ensure_future(
        ReadsFirst(inner, sandbox.store)(http_scope("GET"), nothing, slow_client)
    )
    await handed_over.wait()
    assert not read_in_progress(sandbox.store, monkeypatch)  # no long write waits on a client
    client_reads.set()
    await request


def test_the_server_keeps_idle_connections_longer_than_its_clients_and_switches_threads_often(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client reusing a keep-alive connection just as the server closes it gets no answer:
    httpx drops an idle connection after 5 s, uvicorn's default closes it after 5 s too. And the
    event loop waits for the GIL a short switch interval at most, not Python's 5 ms."""
    import uvicorn

    configs: list[Any] = []
    monkeypatch.setattr(
        uvicorn.Server, "run", lambda self, *args, **kwargs: configs.append(self.config)
    )
    interval = sys.getswitchinterval()
    try:
        serve(port=0, db=tmp_path / "s.db")
        assert sys.getswitchinterval() == SWITCH_INTERVAL_S < interval
    finally:
        sys.setswitchinterval(interval)
    (config,) = configs
    wrapped: Any = config.app
    inner: Any = getattr(wrapped, "app", wrapped)  # the sandbox app inside ReadsFirst
    try:
        assert isinstance(wrapped, ReadsFirst)
        httpx_idle = httpx.Limits().keepalive_expiry
        assert httpx_idle is not None
        longest_poll = max(
            inspect.signature(begin).parameters["max_poll_interval"].default
            for begin in (w50_workflow.begin_import, w50_workflow.begin_import_async)
        )
        assert config.timeout_keep_alive > max(httpx_idle, longest_poll)
        again = server_config(inner, "127.0.0.1", 0, "warning")
        assert again.timeout_keep_alive == config.timeout_keep_alive
    finally:
        inner.state.sandbox.close()
