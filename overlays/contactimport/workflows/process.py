"""What the W50 and CheckMarket import processes share: status, cancellation and retried steps."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from .errors import ImportCancelled, ImportInterrupted, is_transient
from .poller import Pause, Steps

if TYPE_CHECKING:
    from .which50 import RetrySettings


class StepProcess:
    """Base of an import process: a generator of actions driven by a sync or async poller.

    Subclasses set ``_phase``, ``_retry`` and implement ``continuation_token``; the poller reads
    ``status()`` and calls ``request_cancel()`` from other threads.
    """

    _phase: str
    _retry: RetrySettings

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancel = threading.Event()

    def status(self) -> str:
        with self._lock:
            return self._phase

    def continuation_token(self) -> str | None:
        raise NotImplementedError

    def request_cancel(self) -> None:
        self._cancel.set()

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
