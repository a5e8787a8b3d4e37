"""One figure of a benchmark: ours beside its baseline measured in the same run, and the goal.

Every benchmark of `bench/` that the harness (`bench/run_benchmarks.py`) collects returns a list of
these; the harness writes them to docs/benchmarks.md and docs/benchmarks.json.
"""

from __future__ import annotations

import importlib
import statistics
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass
class Figure:
    benchmark: str
    name: str
    ours: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    goal: float | None = None
    """The ratio ours/baseline must stay at or under (None: no goal, a figure to watch)."""
    note: str = ""
    rounds: int = 0

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.ours / self.baseline

    @property
    def met(self) -> bool | None:
        ratio = self.ratio
        if self.goal is None or ratio is None:
            return None
        return ratio <= self.goal

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["met"] = self.met
        return data


@dataclass
class Interleaved:
    """Times several ways of doing the same thing in interleaved rounds (each round runs every
    way once, in turn), after one warm-up round; the median of each way is kept."""

    ways: dict[str, Callable[[], object]]
    rounds: int
    repeat: int = 1
    """Calls per timing (for calls too short to time one by one)."""
    samples: dict[str, list[float]] = field(default_factory=dict)

    def run(self) -> dict[str, float]:
        self.samples = {name: [] for name in self.ways}
        for round_number in range(self.rounds + 1):
            for name, way in self.ways.items():
                started = time.perf_counter()
                for _ in range(self.repeat):
                    way()
                elapsed = (time.perf_counter() - started) / self.repeat
                if round_number:
                    self.samples[name].append(elapsed)
        return {name: statistics.median(values) for name, values in self.samples.items()}


@dataclass
class AsyncInterleaved:
    """`Interleaved` for coroutine functions (awaited in turn on the running loop)."""

    ways: Mapping[str, Callable[[], Awaitable[object]]]
    rounds: int
    repeat: int = 1

    async def run(self) -> dict[str, float]:
        samples: dict[str, list[float]] = {name: [] for name in self.ways}
        for round_number in range(self.rounds + 1):
            for name, way in self.ways.items():
                started = time.perf_counter()
                for _ in range(self.repeat):
                    await way()
                if round_number:
                    samples[name].append((time.perf_counter() - started) / self.repeat)
        return {name: statistics.median(values) for name, values in samples.items()}


def profiled(run: Callable[[], T], path: Path) -> T:
    """``run()`` under pyinstrument (async-aware, 1 ms): its tree printed, its HTML to ``path``.

    pyinstrument is no dependency of the project: install it to profile (pip install
    pyinstrument); it is imported by name so that type checking does without it."""
    profiler: Any = importlib.import_module("pyinstrument").Profiler(
        interval=0.001, async_mode="enabled"
    )
    profiler.start()
    try:
        return run()
    finally:
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False))
        path.write_text(profiler.output_html(), encoding="utf-8")
