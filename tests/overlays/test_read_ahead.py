"""Issue 21: the next batch is read while the current one is on the wire, one ahead at most,
with the source's errors and its end in order, and the source closed when the import stops."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncGenerator, Iterator

import pytest
from contactimport.workflows.batching import ReadAhead, aread_ahead


def test_the_next_item_is_read_while_the_caller_works() -> None:
    read: list[int] = []

    def source() -> Iterator[int]:
        for n in range(3):
            read.append(n)
            yield n

    ahead = ReadAhead(source())
    assert next(ahead) == 0
    deadline = time.monotonic() + 5
    while len(read) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)  # the caller "uploads" item 0
    assert read == [0, 1]  # item 1 was read meanwhile, and nothing further
    time.sleep(0.05)
    assert read == [0, 1]
    assert list(ahead) == [1, 2]
    ahead.close()


def test_an_error_of_the_source_comes_after_the_items_before_it() -> None:
    def source() -> Iterator[int]:
        yield 1
        raise OSError("disk gone")

    ahead = ReadAhead(source())
    assert next(ahead) == 1
    with pytest.raises(OSError, match="disk gone"):
        next(ahead)
    with pytest.raises(StopIteration):
        next(ahead)
    ahead.close()


def test_closing_early_stops_reading_and_closes_the_source() -> None:
    closed = threading.Event()
    read: list[int] = []

    def source() -> Iterator[int]:
        try:
            for n in range(1_000):
                read.append(n)
                yield n
        finally:
            closed.set()

    ahead = ReadAhead(source())
    assert next(ahead) == 0
    ahead.close()
    assert closed.is_set() and len(read) <= 2


def test_the_async_twin_reads_one_ahead_and_closes_the_source() -> None:
    read: list[int] = []
    closed: list[bool] = []

    async def source() -> AsyncGenerator[int]:
        try:
            for n in range(5):
                read.append(n)
                yield n
        finally:
            closed.append(True)

    async def main() -> list[int]:
        ahead = aread_ahead(source())
        first = await anext(ahead)
        await asyncio.sleep(0.01)  # the caller awaits its upload
        assert read == [0, 1]
        rest = [item async for item in ahead]
        return [first, *rest]

    assert asyncio.run(main()) == [0, 1, 2, 3, 4]
    assert closed == [True]
