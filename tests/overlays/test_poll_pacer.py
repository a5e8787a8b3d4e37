"""Issue 21: polling follows the job's ProgressPercent, so the end is seen soon after it happens
without polling a long job often."""

from __future__ import annotations

import pytest
from contactimport.workflows.pacing import FIRST_POLL_INTERVAL, MIN_POLL_INTERVAL, PollPacer


def test_the_next_poll_comes_halfway_to_when_the_progress_rate_says_the_job_ends() -> None:
    pacer = PollPacer(1.0, 10.0)
    assert pacer.next(0, now=100.0) == FIRST_POLL_INTERVAL == 0.1  # an early first reading
    assert pacer.next(20, now=100.25) == pytest.approx(0.5)  # 20 % in 0.25 s: 80 % in 1 s
    assert pacer.next(60, now=101.0) == pytest.approx(1 / 3)  # 60 % in 1 s: 40 % in 0.67 s
    assert pacer.next(99, now=101.65) == pytest.approx(max(MIN_POLL_INTERVAL, 1.65 / 99 / 2))


def test_a_job_that_speeds_up_is_not_waited_for_past_its_end() -> None:
    """14 % in the first 0.26 s says 1.6 s more; the job ends 1.15 s later (it sped up)."""
    pacer, now, end = PollPacer(1.0, 10.0), 0.0, 1.41
    pacer.next(0, now=now)
    now = 0.26
    while now < end:
        percent = 14 if now == 0.26 else min(99, 14 + 86 * (now - 0.26) / (end - 0.26))
        now += pacer.next(percent, now=now)
    assert now - end < 0.25  # seen within a quarter second (the whole wait was 0.4 s before)


def test_a_slow_job_is_polled_at_most_every_max_interval() -> None:
    pacer = PollPacer(1.0, 10.0)
    pacer.next(0, now=0.0)
    assert pacer.next(1, now=10.0) == 10.0  # 99 % left at 0.1 %/s: capped


def test_without_progress_the_interval_grows_to_its_maximum() -> None:
    pacer = PollPacer(1.0, 3.0)
    waits = [pacer.next(None, now=float(n)) for n in range(9)]
    assert waits[:4] == [FIRST_POLL_INTERVAL, 0.2, 0.4, 0.8]  # an early ramp, doubling
    assert waits[4:] == [1.0, 1.5, 2.25, 3.0, 3.0]
    stalled = PollPacer(1.0, 3.0)
    assert [stalled.next(0, now=float(n)) for n in range(3)] == [FIRST_POLL_INTERVAL, 0.2, 0.4]
