"""Cut any iterable into lists of at most N items (read one ahead while an upload is on the
wire); N is read from the spec by `contactimport._spec` (re-exported here)."""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    Generator,
    Iterable,
    Iterator,
)
from itertools import islice
from typing import Any, Generic, TypeVar, cast

from .._spec import find_operation, request_body_max_items

__all__ = [
    "ReadAhead",
    "abatched",
    "aread_ahead",
    "batched",
    "find_operation",
    "request_body_max_items",
]

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Generator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter); holds one list at a time."""
    if size < 1:
        raise ValueError(f"the batch size must be at least 1, got {size}")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


async def abatched(items: AsyncIterable[T] | Iterable[T], size: int) -> AsyncGenerator[list[T]]:
    """:func:`batched` for an async (or plain) iterable."""
    if size < 1:
        raise ValueError(f"the batch size must be at least 1, got {size}")
    if not isinstance(items, AsyncIterable):
        for whole in batched(items, size):
            yield whole
        return
    batch: list[T] = []
    async for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class ReadAhead(Generic[T]):
    """Reads the next item of ``source`` in a thread of its own while the caller works on the
    current one (an import reads and parses the next batch while the current one is on the
    wire). Holds at most one item ahead: the next is read only once the caller has taken the
    previous one, so an import holds two batches at most. Errors of the source are raised by
    ``next`` in order. ``close()`` stops the reader and closes the source (from its thread)."""

    def __init__(self, source: Iterator[T]) -> None:
        self._source = source
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=1)
        self._stop = threading.Event()
        self._wanted = threading.Semaphore(1)  # one read ahead, then wait for the caller
        self._done = False
        self._thread = threading.Thread(
            target=self._read, name="contactimport-read-ahead", daemon=True
        )
        self._thread.start()

    def _put(self, entry: tuple[str, Any]) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(entry, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _read(self) -> None:
        try:
            iterator = iter(self._source)
            while True:
                self._wanted.acquire()
                if self._stop.is_set():
                    return
                try:
                    item = next(iterator)
                except StopIteration:
                    self._put(("end", None))
                    return
                if not self._put(("item", item)):
                    return
        except BaseException as error:
            self._put(("error", error))
        finally:
            close = getattr(self._source, "close", None)
            if callable(close):
                close()

    def __iter__(self) -> ReadAhead[T]:
        return self

    def __next__(self) -> T:
        if self._done:
            raise StopIteration
        kind, value = self._queue.get()
        if kind == "item":
            self._wanted.release()  # read the next one while the caller works on this one
            return cast(T, value)
        self._done = True
        if kind == "end":
            raise StopIteration
        raise value

    def close(self) -> None:
        """Stop reading ahead (the source is closed from the reader's thread) and wait for it."""
        self._stop.set()
        self._wanted.release()
        while True:  # unblock a reader waiting to hand over an item
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._thread.join()


async def aread_ahead(source: AsyncGenerator[T]) -> AsyncGenerator[T]:
    """The async twin of :class:`ReadAhead`: the next item is fetched by a task of the loop
    while the caller awaits its own work (the upload's network wait), one item ahead."""
    pending: asyncio.Task[T] | None = asyncio.ensure_future(anext(source))
    try:
        while pending is not None:
            try:
                item = await pending
            except StopAsyncIteration:
                pending = None
                return
            pending = asyncio.ensure_future(anext(source))
            yield item
    finally:
        if pending is not None:
            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration, Exception):
                await pending
        await source.aclose()
