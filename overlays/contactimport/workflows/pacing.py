"""How often an import polls what it waits for: at the pace of the progress it reads.

A W50 job reports its ``ProgressPercent``; a CheckMarket bulk import's progress is the share of its
queue items that are final. Either way the next poll comes when the work should be done, so its
end is seen soon after it happens without polling a long import often.
"""

from __future__ import annotations

from typing import Final

__all__ = ["FIRST_POLL_INTERVAL", "MIN_POLL_INTERVAL", "PollPacer"]


MIN_POLL_INTERVAL: Final = 0.05
"""No two polls of one job come closer than this (seconds)."""
FIRST_POLL_INTERVAL: Final = 0.1
"""The first poll after an import's start comes at most this soon (seconds): a small import is
seen done at once, a large one gives an early reading of its pace."""


class PollPacer:
    """When to poll a running import next: from the pace of its progress (a percentage).

    With two readings of rising progress, the job's rate gives the time it still needs; the next
    poll comes halfway to that moment (at least MIN_POLL_INTERVAL, at most `max_interval`), so
    the end is seen soon after it happens without polling a long job often: a job that speeds
    up (its estimate too long) is not waited for past its end, and an accurate estimate is met
    within MIN_POLL_INTERVAL after a few polls (a 1.5 s run: about six). Without a rate (no
    progress yet, or none reported), the first poll comes after FIRST_POLL_INTERVAL (a small
    import is seen done at once, a large one gives an early reading), the wait doubles up to
    `interval`, then grows by half each time, up to `max_interval`.
    """

    def __init__(self, interval: float, max_interval: float) -> None:
        self.interval = max(MIN_POLL_INTERVAL, min(interval, max_interval))
        self.max_interval = max_interval
        self._ramp: float | None = 0.0
        """The last wait of the early ramp (FIRST_POLL_INTERVAL, doubling up to `interval`);
        None once it is over."""
        self._start: tuple[float, float] | None = None

    def next(self, progress: object, now: float) -> float:
        """Seconds to wait before the next poll, given the progress just read (a percentage,
        or anything else when none was reported) and the time it was read (``now``)."""
        percent = float(progress) if isinstance(progress, int | float) else None
        if percent is not None and 0 < percent < 100 and self._start is not None:
            started_at, started_percent = self._start
            if percent > started_percent and now > started_at:
                rate = (percent - started_percent) / (now - started_at)
                remaining = (100 - percent) / rate
                return max(MIN_POLL_INTERVAL, min(self.max_interval, remaining / 2))
        if percent is not None and self._start is None:
            self._start = (now, percent)
        if self._ramp is not None:
            self._ramp = self._ramp * 2 if self._ramp else FIRST_POLL_INTERVAL
            if self._ramp < self.interval:
                return self._ramp
            self._ramp = None
        wait = self.interval
        self.interval = min(self.max_interval, self.interval * 1.5)
        return wait
