"""What the W50 and CheckMarket import processes share.

Status, cancellation, retried steps, the resume state behind the continuation token, reading the
contacts, and executing actions with a sync or an async API (each process maps its actions to API
calls once, in ``_invoke``; the two executors differ only in awaiting the call).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    Callable,
    Coroutine,
    Generator,
    Iterable,
    Iterator,
    Mapping,
)
from typing import TYPE_CHECKING, Any, Final, Generic, Protocol, TypeVar

from .batching import ReadAhead, abatched, aread_ahead, batched
from .errors import ImportCancelled, ImportInterrupted, is_transient
from .poller import AsyncImportPoller, ImportPoller, Pause, Steps, drive_async, drive_sync

if TYPE_CHECKING:
    from .retrying import RetrySettings

__all__ = ["NEXT_CONTACTS", "Rows", "StepProcess"]

R = TypeVar("R")


class _Encodable(Protocol):
    def encode(self) -> str: ...


S = TypeVar("S", bound=_Encodable)

Rows = list[Mapping[str, Any]]


class _NextContacts:
    """The action "the next batch of contacts from the source" (None at its end)."""

    def __repr__(self) -> str:
        return "NextContacts()"


NEXT_CONTACTS: Final = _NextContacts()


class StepProcess(Generic[S]):
    """Base of an import process: a generator of actions driven by a sync or async poller.

    Subclasses set ``_phase``, ``_retry``, ``_state`` (its ``encode()`` is the continuation
    token) and ``_on_checkpoint``, and implement ``_invoke``; the poller reads ``status()`` and
    ``continuation_token()`` and calls ``request_cancel()`` from other threads.
    """

    _phase: str
    _retry: RetrySettings
    _state: S | None
    _on_checkpoint: Callable[[str], None] | None

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._client: Any = None
        """The client the import runs with (set by ``start``), for :meth:`prepare`."""

    def status(self) -> str:
        """The import's current phase, as text."""
        with self._lock:
            return self._phase

    def continuation_token(self) -> str | None:
        """A token to resume the import from its last checkpoint (None before the first)."""
        with self._lock:
            return None if self._state is None else self._state.encode()

    def request_cancel(self) -> None:
        """Ask the import to stop at its next step."""
        self._cancel.set()

    def _set_state(self, state: S) -> None:
        """Record a new resume state and hand its token to ``on_checkpoint``."""
        with self._lock:
            self._state = state
        if self._on_checkpoint is not None:
            self._on_checkpoint(state.encode())

    def _interrupted(self, message: str) -> ImportInterrupted:
        return ImportInterrupted(message, continuation_token=self.continuation_token())

    def _check_cancel(self) -> None:
        if self._cancel.is_set():
            raise ImportCancelled(
                "the import was cancelled", continuation_token=self.continuation_token()
            )

    def _retrying(self, action: Any, what: str) -> Steps[Any]:
        """Yield ``action`` until it succeeds; transient errors are retried with backoff."""
        attempt = 0
        while True:
            try:
                return (yield action)
            except Exception as error:
                attempt += 1
                if not is_transient(error) or attempt >= self._retry.max_attempts:
                    raise self._interrupted(f"{what} failed: {error}") from error
            yield Pause(self._retry.delay(attempt))
            self._check_cancel()

    def _read_contacts(self) -> Steps[Rows | None]:
        """The next batch of contacts from the source; a source error interrupts the import."""
        try:
            rows: Rows | None = yield NEXT_CONTACTS
        except Exception as error:
            raise self._interrupted(f"reading the contacts failed: {error}") from error
        return rows

    # -- reading ahead -----------------------------------------------------------------------
    def prepare(self, rows: Rows) -> Any:
        """What the workflow receives for a batch read from the source (``NEXT_CONTACTS``): the
        rows as they are. A process overrides this to do a batch's CPU work ahead of its turn
        (shaping, encoding): it runs in the reader, while the previous batch is on the wire (in
        the reader's thread for a sync import, in a worker thread for an async one, so that the
        loop is free to take the upload's answer)."""
        return rows

    def _prepares(self) -> bool:
        return type(self).prepare is not StepProcess.prepare

    def _prepared(self, batches: Generator[Rows]) -> Generator[Any]:
        """``batches`` through :meth:`prepare`; closing it closes ``batches``."""
        try:
            for rows in batches:
                yield self.prepare(rows)
        finally:
            batches.close()

    async def _aprepared(self, batches: AsyncGenerator[Rows]) -> AsyncGenerator[Any]:
        """:meth:`_prepared` for an async import: :meth:`prepare` runs in a worker thread (when
        overridden), so that its CPU work does not hold the loop."""
        try:
            async for rows in batches:
                yield await asyncio.to_thread(self.prepare, rows) if self._prepares() else rows
        finally:
            await batches.aclose()

    # -- executing actions -----------------------------------------------------------------
    def _invoke(self, api: Any, action: Any) -> Any:
        """Call the API method ``action`` stands for (with an async API: the coroutine)."""
        raise NotImplementedError

    def execute_sync(self, api: Any, source: Iterator[Rows]) -> Callable[[Any], Any]:
        """A function executing one action against a sync API, reading ``source``."""

        def execute(action: Any) -> Any:
            if action is NEXT_CONTACTS:
                return next(source, None)
            return self._invoke(api, action)

        return execute

    def execute_async(
        self, api: Any, source: AsyncGenerator[Rows]
    ) -> Callable[[Any], Coroutine[Any, Any, Any]]:
        """A coroutine function executing one action against an async API, reading ``source``."""

        async def execute(action: Any) -> Any:
            if action is NEXT_CONTACTS:
                return await anext(source, None)
            return await self._invoke(api, action)

        return execute

    def start(
        self, steps: Steps[R], api: Any, contacts: Iterable[Any], batch_size: int
    ) -> ImportPoller[R]:
        """Run ``steps`` in a background thread, reading ``contacts`` in batches."""

        self._client = api  # what prepare() encodes for, ahead of a batch's turn

        def run(cancelled: threading.Event) -> R:
            # The next batch is read (and prepared) while the current one is on the wire.
            batches = batched(contacts, batch_size)
            source = ReadAhead(self._prepared(batches) if self._prepares() else batches)
            try:
                return drive_sync(steps, self.execute_sync(api, source), cancelled)
            finally:
                source.close()

        return ImportPoller(run, self)

    def start_async(
        self,
        steps: Steps[R],
        api: Any,
        contacts: Iterable[Any] | AsyncIterable[Any],
        batch_size: int,
    ) -> AsyncImportPoller[R]:
        """Run ``steps`` as a task of the running loop, reading ``contacts`` in batches."""

        self._client = api

        async def run(cancelled: asyncio.Event) -> R:
            source = aread_ahead(self._aprepared(abatched(contacts, batch_size)))
            try:
                return await drive_async(steps, self.execute_async(api, source), cancelled)
            finally:
                await source.aclose()

        return AsyncImportPoller(run, self)
