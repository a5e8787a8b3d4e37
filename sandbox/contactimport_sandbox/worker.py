"""The background worker: runs W50 import jobs and CheckMarket bulk imports step by step.

Each step is one transaction, so stopping the process at any moment leaves every contact either
written or not, and a new worker on the same database resumes where the last step ended.
"""

from __future__ import annotations

import logging
import threading

from .checkmarket import CheckMarket
from .w50 import Which50

log = logging.getLogger("contactimport_sandbox.worker")


class Worker:
    def __init__(
        self,
        which50: Which50,
        checkmarket: CheckMarket,
        chunk_size: int = 2000,
        step_delay: float = 0.0,
    ) -> None:
        if chunk_size < 1:
            raise ValueError("chunk_size must be at least 1")
        self.which50 = which50
        self.checkmarket = checkmarket
        self.chunk_size = chunk_size
        self.step_delay = step_delay
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the thread (idempotent); it first resumes whatever a previous run left."""
        if self.running:
            return
        with self._start_lock:
            if self.running:
                return
            self._stop.clear()
            self._thread = threading.Thread(
                target=self._run, name="contactimport-sandbox-worker", daemon=True
            )
            self._thread.start()

    def wake(self) -> None:
        self.start()
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the current step (which commits or rolls back as a whole)."""
        self._stop.set()
        self._wake.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        self._thread = None

    def step(self) -> bool:
        """One step of a W50 job and one CheckMarket bulk import; False when both were idle.

        Both kinds advance together, so a long import job never holds back a bulk import, and
        running jobs take steps in turn.
        """
        worked = False
        try:
            worked = self.which50.process_step(self.chunk_size)
        except Exception:
            log.exception("an import job step failed; the job is marked Failed")
            self.which50.fail_last_stepped("The import job failed on an internal error.")
            worked = True
        item = self.checkmarket.start_next()
        if item is None:
            return worked
        if self.step_delay and self._stop.wait(self.step_delay):
            return True  # stopping: the item stays Processing and is redone on resume
        try:
            self.checkmarket.process(item)
        except Exception:
            log.exception("bulk import %s failed", item)
            self.checkmarket.fail(item)
        return True

    def _run(self) -> None:
        while not self._stop.is_set():
            if self.step():
                if self.step_delay:
                    self._stop.wait(self.step_delay)
                continue
            self._wake.wait(0.5)
            self._wake.clear()
