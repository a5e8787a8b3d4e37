"""Pollers for long-running imports, modelled on Azure's ``LROPoller`` (sync and async).

A workflow's logic is a generator of *actions* (sans-IO): it yields what it wants done (an API
call, a pause, the next batch of contacts) and receives the outcome, or the exception, back. The
pollers here drive such a generator, the sync one in a background thread, the async one in an
asyncio task, so the same logic serves both and can be tested without a network.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Coroutine, Generator
from typing import Any, Generic, Protocol, TypeVar

__all__ = ["AsyncImportPoller", "ImportPoller", "OperationState", "Pause", "drive_sync"]

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


class Pause:
    """The action "wait this many seconds" (interrupted early by a cancel)."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = max(0.0, seconds)

    def __repr__(self) -> str:
        return f"Pause({self.seconds:.3f})"


class OperationState(Protocol):
    """What a poller can ask the running workflow at any time, from any thread."""

    def status(self) -> str:
        """The import's current phase, as text."""

    def continuation_token(self) -> str | None:
        """A token to resume the import from its last checkpoint (None before the first)."""

    def request_cancel(self) -> None:
        """Ask the import to stop at its next step."""


Steps = Generator[Any, Any, R]


def drive_sync(
    steps: Steps[R], execute: Callable[[Any], Any], cancelled: threading.Event | None = None
) -> R:
    """Run a workflow generator to its end, executing each action with ``execute``."""
    value: Any = None
    error: BaseException | None = None
    while True:
        try:
            action = steps.throw(error) if error is not None else steps.send(value)
        except StopIteration as stop:
            result: R = stop.value
            return result
        value, error = None, None
        try:
            if isinstance(action, Pause):
                if cancelled is not None:
                    cancelled.wait(action.seconds)
                elif action.seconds:
                    threading.Event().wait(action.seconds)
            else:
                value = execute(action)
        except Exception as caught:
            error = caught


async def drive_async(
    steps: Steps[R],
    execute: Callable[[Any], Coroutine[Any, Any, Any]],
    cancelled: asyncio.Event | None = None,
) -> R:
    """:func:`drive_sync` for an async ``execute``."""
    value: Any = None
    error: BaseException | None = None
    while True:
        try:
            action = steps.throw(error) if error is not None else steps.send(value)
        except StopIteration as stop:
            result: R = stop.value
            return result
        value, error = None, None
        try:
            if isinstance(action, Pause):
                if cancelled is None:
                    await asyncio.sleep(action.seconds)
                else:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(cancelled.wait(), action.seconds)
            else:
                value = await execute(action)
        except Exception as caught:
            error = caught


class ImportPoller(Generic[R_co]):
    """Handle on an import running in a background thread.

    ``result(timeout)`` waits and returns the outcome (or raises the workflow's error, or
    ``TimeoutError`` if it is still running after ``timeout`` seconds); ``wait(timeout)`` waits
    without raising; ``done()``; ``status()``; ``continuation_token()`` (pass it to the workflow
    again to resume after a crash or a cancel); ``cancel()`` stops at the next safe point.
    """

    def __init__(self, run: Callable[[threading.Event], R_co], operation: OperationState) -> None:
        self._operation = operation
        self._cancelled = threading.Event()
        self._finished = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[ImportPoller[R_co]], None]] = []
        self._result: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._work, args=(run,), name="contactimport-poller", daemon=True
        )
        self._thread.start()

    def _work(self, run: Callable[[threading.Event], R_co]) -> None:
        try:
            self._result = run(self._cancelled)
        except BaseException as error:  # handed to result(); the thread must not die noisily
            self._error = error
        with self._lock:
            self._finished.set()
            callbacks = list(self._callbacks)
        for callback in callbacks:
            callback(self)

    def result(self, timeout: float | None = None) -> R_co:
        """The final outcome; raises the workflow's error, or TimeoutError if not done in time."""
        self.wait(timeout)
        if not self._finished.is_set():
            raise TimeoutError(f"the import is still {self.status()} after {timeout} s")
        if self._error is not None:
            raise self._error
        result: R_co = self._result
        return result

    def wait(self, timeout: float | None = None) -> None:
        """Wait until the workflow ends or ``timeout`` seconds pass; never raises its error."""
        self._finished.wait(timeout)

    def done(self) -> bool:
        """Whether the import has ended (succeeded, failed or cancelled)."""
        return self._finished.is_set()

    def status(self) -> str:
        """The import's current phase, as text."""
        return self._operation.status()

    def continuation_token(self) -> str | None:
        """The resume token as of now (None before the import job exists)."""
        return self._operation.continuation_token()

    def cancel(self) -> None:
        """Ask the workflow to stop at the next safe point (never in the middle of an upload)."""
        self._operation.request_cancel()
        self._cancelled.set()

    def add_done_callback(self, callback: Callable[[ImportPoller[R_co]], None]) -> None:
        """Call ``callback(poller)`` when the workflow ends (at once if it already has)."""
        with self._lock:
            if not self._finished.is_set():
                self._callbacks.append(callback)
                return
        callback(self)


class AsyncImportPoller(Generic[R_co]):
    """:class:`ImportPoller` for asyncio: the workflow runs as a task of the current loop."""

    def __init__(
        self,
        run: Callable[[asyncio.Event], Coroutine[Any, Any, R_co]],
        operation: OperationState,
    ) -> None:
        self._operation = operation
        self._cancelled = asyncio.Event()
        self._task: asyncio.Task[R_co] = asyncio.get_running_loop().create_task(
            run(self._cancelled), name="contactimport-poller"
        )

    async def result(self, timeout: float | None = None) -> R_co:
        """The final outcome; raises the workflow's error, or TimeoutError if not done in time."""
        await self.wait(timeout)
        if not self._task.done():
            raise TimeoutError(f"the import is still {self.status()} after {timeout} s")
        return self._task.result()

    async def wait(self, timeout: float | None = None) -> None:
        """Wait until the import ends, or `timeout` seconds pass."""
        await asyncio.wait({self._task}, timeout=timeout)

    def done(self) -> bool:
        """Whether the import has ended (succeeded, failed or cancelled)."""
        return self._task.done()

    def status(self) -> str:
        """The import's current phase, as text."""
        return self._operation.status()

    def continuation_token(self) -> str | None:
        """A token to resume the import from its last checkpoint (None before the first)."""
        return self._operation.continuation_token()

    def cancel(self) -> None:
        """Ask the import to stop at its next step."""
        self._operation.request_cancel()
        self._cancelled.set()
