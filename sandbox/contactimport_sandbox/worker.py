"""The background worker: runs W50 import jobs and CheckMarket bulk imports step by step.

Each step is one transaction, so stopping the process at any moment leaves every contact either
written or not, and a new worker on the same database resumes where the last step ended.
"""

from __future__ import annotations

import logging
import threading

from .checkmarket import CheckMarket
from .w50 import JobStepFailed, Which50

log = logging.getLogger("contactimport_sandbox.worker")


class Worker:
    """One background thread at most, stepping imports until stopped."""

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
        # The thread that may still take a step; None only once it has decided to end (under
        # _lock), so start() never puts a second thread beside one that is still stepping.
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        """Make sure the thread runs (idempotent); it first resumes whatever a previous run left.

        A thread asked to stop that has not ended yet is kept and simply goes on: the stop is
        withdrawn rather than a second thread started beside it.
        """
        with self._lock:
            self._stop.clear()
            if self._thread is not None:
                return
            self._thread = threading.Thread(
                target=self._run, name="contactimport-sandbox-worker", daemon=True
            )
            self._thread.start()

    def wake(self) -> None:
        self.start()
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop after the current step (which commits or rolls back as a whole).

        Waits up to ``timeout`` seconds; True when the thread has ended. A thread still in its
        step after that stays recorded (``running``) and ends when the step does.
        """
        with self._lock:
            self._stop.set()
            self._wake.set()
            thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def step(self) -> bool:
        """One step of a W50 job and one CheckMarket bulk import; False when both were idle.

        Both kinds advance together, so a long import job never holds back a bulk import, and
        running jobs take steps in turn.
        """
        worked = False
        try:
            worked = self.which50.process_step(self.chunk_size)
        except JobStepFailed as exc:
            log.exception("a step of import job %s failed; the job is marked Failed", exc.job_id)
            self.which50.fail_job(exc.job_id, "The import job failed on an internal error.")
            worked = True
        except Exception:
            log.exception("an import job step failed before it chose a job; no job is failed")
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

    def _should_end(self) -> bool:
        """Whether to end now; when so, the thread is forgotten in the same locked moment."""
        with self._lock:
            if not self._stop.is_set():
                return False
            self._thread = None
            return True

    def _run(self) -> None:
        try:
            while not self._should_end():
                if self.step():
                    if self.step_delay:
                        self._stop.wait(self.step_delay)
                    continue
                self._wake.wait(0.5)
                self._wake.clear()
        finally:  # ended on an error too: the next start() starts a new thread
            with self._lock:
                if self._thread is threading.current_thread():
                    self._thread = None
