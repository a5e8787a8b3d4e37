"""Issue 21: a batch's CPU work (``StepProcess.prepare``: shaping, digest lines) is done by the
reader, ahead of the batch's turn, while the previous batch is on the wire: in the reader's
thread for a sync import, in a worker thread for an async one (never on the loop, nor on the
driver's thread). Without an override the rows reach the workflow as read."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from contactimport.workflows.poller import Steps
from contactimport.workflows.process import NEXT_CONTACTS, Rows, StepProcess
from contactimport.workflows.retrying import RetrySettings

ROWS = [{"n": n} for n in range(7)]


class _State:
    def encode(self) -> str:
        return "token"


class Recording(StepProcess[_State]):
    """Reads every batch and "uploads" it; records where and when each batch was prepared."""

    def __init__(self) -> None:
        super().__init__()
        self._phase = "Uploading"
        self._retry = RetrySettings()
        self._state = None
        self._on_checkpoint = None
        self.prepared: list[tuple[int, int]] = []  # (first row's n, thread ident)

    def prepare(self, rows: Rows) -> Any:
        self.prepared.append((rows[0]["n"], threading.get_ident()))
        return ("prepared", [row["n"] for row in rows])

    def steps(self) -> Steps[list[Any]]:
        received: list[Any] = []
        while (batch := (yield NEXT_CONTACTS)) is not None:
            received.append((yield ("upload", len(received), batch)))
        return received

    def _invoke(self, api: Any, action: Any) -> Any:
        return api(action)


class Plain(Recording):
    """No override of ``prepare``: the reader hands the rows over as read."""

    prepare = StepProcess.prepare


def _next_is_prepared(process: Recording, index: int, batches: int) -> bool:
    """Whether the batch after ``index`` has been prepared (the last one has none after it)."""
    return index + 1 >= batches or len(process.prepared) >= index + 2


def test_a_sync_import_prepares_the_next_batch_in_the_reader_while_one_is_on_the_wire() -> None:
    process = Recording()
    threads: list[int] = []

    def upload(action: tuple[str, int, Any]) -> Any:
        _, index, batch = action
        threads.append(threading.get_ident())
        deadline = time.monotonic() + 5
        while not _next_is_prepared(process, index, 3) and time.monotonic() < deadline:
            time.sleep(0.005)  # on the wire
        return (batch, _next_is_prepared(process, index, 3))

    received = process.start(process.steps(), upload, iter(ROWS), 3).result(timeout=10)
    assert received == [
        (("prepared", [0, 1, 2]), True),
        (("prepared", [3, 4, 5]), True),
        (("prepared", [6]), True),
    ]
    assert [n for n, _ in process.prepared] == [0, 3, 6]
    assert not {thread for _, thread in process.prepared} & set(threads)


def test_an_async_import_prepares_the_next_batch_in_a_worker_thread() -> None:
    process = Recording()

    async def main() -> tuple[list[Any], int]:
        async def upload(action: tuple[str, int, Any]) -> Any:
            _, index, batch = action
            deadline = time.monotonic() + 5
            while not _next_is_prepared(process, index, 3) and time.monotonic() < deadline:
                await asyncio.sleep(0.005)  # on the wire
            return (batch, _next_is_prepared(process, index, 3))

        poller = process.start_async(process.steps(), upload, ROWS, 3)
        return await poller.result(timeout=10), threading.get_ident()

    received, loop_thread = asyncio.run(main())
    assert [batch for batch, _ in received] == [
        ("prepared", [0, 1, 2]),
        ("prepared", [3, 4, 5]),
        ("prepared", [6]),
    ]
    assert all(ahead for _, ahead in received)
    assert loop_thread not in {thread for _, thread in process.prepared}


def _counting_source(read: list[int]) -> Iterator[dict[str, int]]:
    for n in range(1_000):
        read.append(n)
        yield {"n": n}


def _stop_after_first(action: tuple[str, int, Any]) -> Any:
    raise RuntimeError("the upload failed")


def test_an_import_that_stops_stops_the_preparing_reader() -> None:
    for prepares in (False, True):
        read: list[int] = []
        process = Recording() if prepares else Plain()
        poller = process.start(process.steps(), _stop_after_first, _counting_source(read), 10)
        poller.wait(timeout=10)
        assert poller.done()
        time.sleep(0.05)
        assert len(read) <= 20, prepares  # the failed batch and the one read ahead, no more
        assert len(process.prepared) <= 2


def test_without_an_override_the_rows_reach_the_workflow_as_read() -> None:
    process = Plain()
    echo: Callable[[tuple[str, int, Any]], Any] = lambda action: action[2]  # noqa: E731

    async def main() -> list[Any]:
        async def upload(action: tuple[str, int, Any]) -> Any:
            return action[2]

        poller = process.start_async(process.steps(), upload, ROWS, 4)
        return await poller.result(timeout=10)

    assert process.start(process.steps(), echo, ROWS, 4).result(timeout=10) == [ROWS[:4], ROWS[4:]]
    process = Plain()
    assert asyncio.run(main()) == [ROWS[:4], ROWS[4:]]
    assert process.prepared == []
