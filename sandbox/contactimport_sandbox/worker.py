"""The background worker: runs W50 import jobs and CheckMarket bulk imports step by step.

Each step is one transaction, so stopping the process at any moment leaves every contact either
written or not, and a new worker on the same database resumes where the last step ended.

Under a manual clock (``manual``) there is no thread: ``advance`` and ``run_to_completion`` take
the steps, on the caller's thread, as the clock moves.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from .checkmarket import CheckMarket
from .clock import Clock
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
        clock: Clock | None = None,
        step_seconds: float = 1.0,
    ) -> None:
        if chunk_size < 1:
            raise ValueError("chunk_size must be at least 1")
        if step_seconds <= 0:
            raise ValueError("step_seconds must be more than 0")
        self.clock = clock or Clock()
        self.step_seconds = step_seconds
        # Manual clock: the bulk import a manual step marked Processing, processed by the next
        # one (as the thread waits step_delay between the two); the clock time not yet stepped.
        self._started_item: int | None = None
        self._carried = 0.0
        self._manual_lock = threading.Lock()
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
            if self.clock.manual:
                return  # the clock's advance takes the steps
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

    def _which50_step(self) -> bool:
        worked = False
        try:
            worked = self.which50.process_step(self.chunk_size)
        except JobStepFailed as exc:
            log.exception("a step of import job %s failed; the job is marked Failed", exc.job_id)
            self.which50.fail_job(exc.job_id, "The import job failed on an internal error.")
            worked = True
        except Exception:
            log.exception("an import job step failed before it chose a job; no job is failed")
        return worked

    def _process(self, item: int) -> None:
        try:
            self.checkmarket.process(item)
        except Exception:
            log.exception("bulk import %s failed", item)
            self.checkmarket.fail(item)

    def step(self) -> bool:
        """One step of a W50 job and one CheckMarket bulk import; False when both were idle.

        Both kinds advance together, so a long import job never holds back a bulk import, and
        running jobs take steps in turn.
        """
        worked = self._which50_step()
        item = self.checkmarket.start_next()
        if item is None:
            return worked
        if self.step_delay and self._stop.wait(self.step_delay):
            return True  # stopping: the item stays Processing and is redone on resume
        self._process(item)
        return True

    # -- the manual clock ----------------------------------------------------------------------
    def use_manual_clock(self, start: datetime | None = None) -> None:
        """Stop the thread (after its step) and the clock; from now on ``advance`` steps."""
        with self._manual_lock:
            self.clock.set_manual(start)
            self._carried = 0.0
            self._started_item = None
        if not self.stop():
            raise RuntimeError("the background worker did not end its step within 10 s")

    def use_real_clock(self) -> None:
        """Back to real time and the thread (a bulk import left Processing is redone)."""
        with self._manual_lock:
            self.clock.set_real()
            self._started_item = None
        self.start()

    def manual_step(self) -> bool:
        """One step under the manual clock; False when there was nothing to do.

        A W50 job takes a step (``chunk_size`` contacts); a bulk import is marked Processing by
        one step and imported by the next, so a test sees each status.
        """
        worked = self._which50_step()
        item, self._started_item = self._started_item, None
        if item is not None:
            self._process(item)
            return True
        self._started_item = self.checkmarket.start_next()
        return worked or self._started_item is not None

    def advance(self, seconds: float) -> int:
        """Move the manual clock ``seconds`` forward, taking one step for each ``step_seconds``
        in them (fractions carry over to the next advance; once idle, the rest is skipped).
        Returns how many steps were taken."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._manual_lock:
            if not self.clock.manual:
                raise ValueError("the clock is real: switch it to manual to advance it")
            due = self._carried + seconds
            steps = int(due // self.step_seconds)
            self._carried = due - steps * self.step_seconds
            moved = 0.0
            taken = 0
            for _ in range(steps):
                if not self.has_work():
                    self._carried = 0.0
                    break
                move = min(self.step_seconds, seconds - moved)
                self.clock.advance(move)
                moved += move
                self.manual_step()
                taken += 1
            self.clock.advance(seconds - moved)
            return taken

    def run_to_completion(self, max_steps: int = 100_000) -> int:
        """Step the manual clock (``step_seconds`` a step) until nothing is left to do; returns
        how many steps were taken. RuntimeError after ``max_steps``."""
        with self._manual_lock:
            if not self.clock.manual:
                raise ValueError("the clock is real: switch it to manual to step it")
            for taken in range(max_steps):
                if not self.has_work():
                    return taken
                self.clock.advance(self.step_seconds)
                self.manual_step()
        raise RuntimeError(f"background work still pending after {max_steps} steps")

    def has_work(self) -> bool:
        """Whether a step would do something: a job Running, a bulk import not yet imported."""
        return (
            self._started_item is not None
            or self.which50.has_running_jobs()
            or self.checkmarket.has_queued()
        )

    def forget_manual_work(self) -> None:
        """After a reset: the bulk import a manual step started is gone."""
        with self._manual_lock:
            self._started_item = None
            self._carried = 0.0

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
