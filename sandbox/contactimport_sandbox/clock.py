"""The sandbox's clock: real time (the default), or a manual clock that a test moves.

Under the manual clock the background worker takes no step on its own: import jobs (W50) and
bulk imports (CheckMarket) move only when the clock is advanced (``Sandbox.advance``), one
background step for each ``step_seconds`` of clock time, so a test sees ``Running`` and then
``Finished`` without sleeping. The timestamps the domains write (StartDate, FinishDate, ...) are
the clock's.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

REAL = "real"
MANUAL = "manual"
MODES = (REAL, MANUAL)


def iso(moment: datetime) -> str:
    """A UTC moment as .NET writes a DateTime: 7 fraction digits and an offset."""
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond:06d}0+00:00"


class Clock:
    """Real time, or a manual time that moves only by ``advance`` (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._manual_now: datetime | None = None

    @property
    def mode(self) -> str:
        return REAL if self._manual_now is None else MANUAL

    @property
    def manual(self) -> bool:
        return self._manual_now is not None

    def now(self) -> datetime:
        with self._lock:
            return self._manual_now or datetime.now(UTC)

    def now_iso(self) -> str:
        return iso(self.now())

    def set_manual(self, start: datetime | None = None) -> None:
        """Stop the clock at ``start`` (default: now); only ``advance`` moves it from there."""
        moment = start or datetime.now(UTC)
        if moment.tzinfo is None:
            raise ValueError("a manual clock's start needs a time zone")
        with self._lock:
            self._manual_now = moment.astimezone(UTC)

    def set_real(self) -> None:
        with self._lock:
            self._manual_now = None

    def advance(self, seconds: float) -> None:
        """Move a manual clock forward (a real clock refuses: it moves by itself)."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            if self._manual_now is None:
                raise ValueError("the clock is real: switch it to manual to advance it")
            self._manual_now += timedelta(seconds=seconds)
