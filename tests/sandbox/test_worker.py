"""The background worker beside the server: reads go on while a step holds the store, a failed
step fails exactly its own job, and a worker never runs two threads.

Steps are driven by hand (``Worker.step``) or held inside the store with events, so nothing here
depends on how fast anything runs.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any

import httpx
import pytest
from contactimport_sandbox import SandboxOptions, create_app
from contactimport_sandbox.app import Sandbox
from contactimport_sandbox.store import MEMORY, Store
from contactimport_sandbox.w50 import Which50
from contactimport_sandbox.worker import Worker

from .conftest import CUSTOMERS, W50, W50_AUTH, Live, check

SAFETY = 30  # seconds; only ever reached when a test fails
HOLD = 3 * SAFETY  # a held step outlasts a client's SAFETY timeout, so a stalled loop shows


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A sandbox that serves no request, so its worker runs only when a test steps it."""
    application = create_app(options=SandboxOptions(chunk_size=10))
    state: Sandbox = application.state.sandbox
    yield state
    state.close()


def running_job(sandbox: Sandbox, size: int) -> int:
    account, _ = sandbox.fixtures.w50_token("w50-acme-full") or (None, None)
    assert account is not None
    w50 = sandbox.which50
    job_id = int(w50.create_job(account, CUSTOMERS, ["FirstName"])["Id"])
    contacts = [{"Values": {"FirstName": f"n{n}"}} for n in range(size)]
    w50.upload_batch(account, CUSTOMERS, job_id, contacts)
    w50.run_job(account, CUSTOMERS, job_id, [], None, [])
    return job_id


def job_state(sandbox: Sandbox, job_id: int) -> tuple[str, int, int]:
    account, _ = sandbox.fixtures.w50_token("w50-acme-full") or (None, None)
    assert account is not None
    job = sandbox.which50.get_job(account, CUSTOMERS, job_id)
    return job["CurrentStatus"], job["ProgressPercent"], job["InsertedContacts"]


def test_a_step_failing_before_it_chose_a_job_fails_no_job(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id = running_job(sandbox, 30)
    assert sandbox.worker.step()
    assert job_state(sandbox, job_id) == ("Running", 33, 10)
    original = Store.write
    calls = 0

    def refuse_once(self: Store) -> AbstractContextManager[sqlite3.Connection]:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise sqlite3.OperationalError("database is locked")
        return original(self)

    monkeypatch.setattr(Store, "write", refuse_once)
    sandbox.worker.step()  # the W50 step never got its transaction: no job is to blame
    assert calls > 1
    assert job_state(sandbox, job_id) == ("Running", 33, 10)
    monkeypatch.undo()
    while sandbox.worker.step():
        pass
    assert job_state(sandbox, job_id) == ("Finished", 100, 30)


def test_a_failed_step_fails_its_own_job_and_no_other(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = running_job(sandbox, 30), running_job(sandbox, 30)
    original = Which50._step

    def broken_second(self: Which50, conn: sqlite3.Connection, row: Any, size: int) -> None:
        if row[0] == second:
            raise RuntimeError("disk on fire")
        original(self, conn, row, size)

    monkeypatch.setattr(Which50, "_step", broken_second)
    while sandbox.worker.step():
        pass
    assert job_state(sandbox, first) == ("Finished", 100, 30)
    assert job_state(sandbox, second) == ("Failed", 0, 0)


class HeldStep:
    """Patches ``Which50.process_step`` of one sandbox (``target``): each of its calls is
    recorded, and the first one waits for ``release`` (holding the store when ``hold_store``)
    before doing the real step.

    The patch is on the class, so the worker thread of another sandbox still running in this
    process (an earlier test's, ending its step) calls it too: those calls go straight to the
    real step, unrecorded, or a test saw a second thread that was not its worker's.
    """

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, target: Sandbox, hold_store: bool = False
    ) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.second_call = threading.Event()
        self.threads: list[threading.Thread] = []
        original = Which50.process_step
        held = self

        def process_step(self: Which50, max_contacts: int) -> bool:
            if self is not target.which50:
                return original(self, max_contacts)
            held.threads.append(threading.current_thread())
            if len(held.threads) == 1:
                if hold_store:
                    with self.store.write():
                        held.entered.set()
                        held.release.wait(HOLD)
                else:
                    held.entered.set()
                    held.release.wait(HOLD)
            else:
                held.second_call.set()
            return original(self, max_contacts)

        monkeypatch.setattr(Which50, "process_step", process_step)


def test_start_after_a_stop_that_timed_out_keeps_one_thread(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldStep(monkeypatch, sandbox)
    worker: Worker = sandbox.worker
    worker.start()
    assert held.entered.wait(SAFETY)
    try:
        assert worker.stop(timeout=0) is False  # still in its step
        assert worker.running
        worker.start()  # withdraws the stop instead of starting a second thread
    finally:
        held.release.set()
    assert held.second_call.wait(SAFETY)
    assert worker.stop(timeout=SAFETY)
    assert not worker.running
    assert len(set(held.threads)) == 1, held.threads


def test_a_worker_whose_thread_ended_starts_a_new_one(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker: Worker = sandbox.worker
    worker.start()
    assert worker.stop(timeout=SAFETY)
    assert not worker.running
    job_id = running_job(sandbox, 5)
    finished = threading.Event()
    original = Which50.process_step

    def process_step(self: Which50, max_contacts: int) -> bool:
        worked = original(self, max_contacts)
        if job_state(sandbox, job_id)[0] == "Finished":
            finished.set()
        return worked

    monkeypatch.setattr(Which50, "process_step", process_step)
    worker.wake()
    assert worker.running
    assert finished.wait(SAFETY)


@pytest.mark.parametrize("live_db", [MEMORY])
def test_requests_are_answered_while_a_worker_step_holds_an_in_memory_store(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldStep(monkeypatch, live.app.state.sandbox, hold_store=True)
    reading = threading.Event()
    original_read = Store.read

    def read(self: Store) -> AbstractContextManager[sqlite3.Connection]:
        reading.set()
        return original_read(self)

    monkeypatch.setattr(Store, "read", read)
    live.app.state.sandbox.worker.wake()
    answers: list[httpx.Response] = []
    with httpx.Client(base_url=live.origin + W50, headers=W50_AUTH, timeout=SAFETY) as http:
        try:
            assert held.entered.wait(SAFETY)
            # In memory, a read of the store waits for the step; it must wait off the event loop.
            waiting = threading.Thread(target=lambda: answers.append(http.get("/contactLists")))
            waiting.start()
            assert reading.wait(SAFETY)
            fields = http.get(f"/contactLists/{CUSTOMERS}/fields")
            check("which50", "listContactListFields", fields)
            assert answers == []  # the store read is still waiting for the step
        finally:
            held.release.set()
        waiting.join(SAFETY)
    assert [answer.status_code for answer in answers] == [200]


def test_reads_of_a_file_store_are_answered_while_a_worker_step_holds_it(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldStep(monkeypatch, live.app.state.sandbox, hold_store=True)
    live.app.state.sandbox.worker.wake()
    with httpx.Client(base_url=live.origin + W50, headers=W50_AUTH, timeout=SAFETY) as http:
        try:
            assert held.entered.wait(SAFETY)
            # A file store's reads have connections of their own: they do not wait for the step.
            lists = check("which50", "listContactLists", http.get("/contactLists"))
            assert {item["Count"] for item in lists} == {0}
        finally:
            held.release.set()
