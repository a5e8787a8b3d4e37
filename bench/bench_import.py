"""`begin_import` of 100,000 contacts to a finished job against the limit: raw httpx posting the
same contacts as pre-encoded batches to the same sandbox, then running the job and polling every
50 ms. Sync (`begin_import`) against httpx.Client, async (`begin_import_async`) against
httpx.AsyncClient doing the same; interleaved rounds against one sandbox (its own process, a
file database).

    python bench/bench_import.py [--contacts 100000] [--rounds 3] [--quick]
                                 [--ways raw sync raw-async async] [--profile WAY]

Each run checks that its job finished with every contact (TotalContacts, InsertedContacts), so a
fast wrong path cannot win. The figure is ours / raw (the limit); the goal is ours within 1 / 0.9
of it (at least 0.9 of the limit's throughput). `--ways` times only some paths (medians of
each); `--profile` profiles one run of a path with pyinstrument (async-aware; not a dependency).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_sandbox import AUTH, LIST_ID, TOKEN, reset
from contactimport_sandbox import spawn_sandbox
from figures import Figure, profiled

FIELDS = ["Email", "FirstName", "ReferanceAccountId"]
BATCH = 10_000


def contacts(total: int, offset: int) -> Iterator[dict[str, Any]]:
    """The values of each contact (what `begin_import` takes)."""
    for n in range(offset, offset + total):
        yield {"Email": f"bench{n}@example.com", "FirstName": f"F{n}", "ReferanceAccountId": n}


def raw(origin: str, total: int, offset: int) -> tuple[float, dict[str, Any]]:
    """The limit: pre-encoded batches (encoding not timed), run, poll every 50 ms."""
    items = [{"Values": values} for values in contacts(total, offset)]
    bodies = [json.dumps(items[i : i + BATCH]).encode() for i in range(0, total, BATCH)]
    base = f"{origin}/Which50API/contactLists/{LIST_ID}/import"
    with httpx.Client(headers=AUTH, timeout=120) as http:
        started = time.perf_counter()
        job = http.post(base, json={"FieldNames": FIELDS}).json()
        url = f"{base}/{job['Id']}"
        for body in bodies:
            http.post(url, content=body, headers={"Content-Type": "application/json"})
        http.post(f"{url}/run").raise_for_status()
        while (state := http.get(url).json())["CurrentStatus"] not in ("Finished", "Failed"):
            time.sleep(0.05)
        return time.perf_counter() - started, state


def raw_async(origin: str, total: int, offset: int) -> tuple[float, dict[str, Any]]:
    """The async limit: `raw` with httpx.AsyncClient (pre-encoded batches, run, poll each 50 ms)."""
    items = [{"Values": values} for values in contacts(total, offset)]
    bodies = [json.dumps(items[i : i + BATCH]).encode() for i in range(0, total, BATCH)]
    base = f"{origin}/Which50API/contactLists/{LIST_ID}/import"

    async def main() -> tuple[float, dict[str, Any]]:
        async with httpx.AsyncClient(headers=AUTH, timeout=120) as http:
            started = time.perf_counter()
            job = (await http.post(base, json={"FieldNames": FIELDS})).json()
            url = f"{base}/{job['Id']}"
            for body in bodies:
                await http.post(url, content=body, headers={"Content-Type": "application/json"})
            (await http.post(f"{url}/run")).raise_for_status()
            while (state := (await http.get(url)).json())["CurrentStatus"] not in (
                "Finished",
                "Failed",
            ):
                await asyncio.sleep(0.05)
            return time.perf_counter() - started, state

    return asyncio.run(main())


def ours(origin: str, total: int, offset: int) -> tuple[float, dict[str, Any]]:
    from contactimport import Which50, begin_import

    with Which50(TOKEN, base_url=f"{origin}/Which50API") as w50:
        started = time.perf_counter()
        poller = begin_import(w50, LIST_ID, contacts(total, offset), field_names=FIELDS)
        result = poller.result()
        elapsed = time.perf_counter() - started
        return elapsed, result.to_dict()


def ours_async(origin: str, total: int, offset: int) -> tuple[float, dict[str, Any]]:
    from contactimport import AsyncWhich50, begin_import_async

    async def main() -> tuple[float, dict[str, Any]]:
        async with AsyncWhich50(TOKEN, base_url=f"{origin}/Which50API") as w50:
            started = time.perf_counter()
            poller = await begin_import_async(
                w50, LIST_ID, contacts(total, offset), field_names=FIELDS
            )
            result = await poller.result()
            return time.perf_counter() - started, result.to_dict()

    return asyncio.run(main())


def check(name: str, job: dict[str, Any], total: int) -> None:
    inserted = job.get("InsertedContacts", job.get("insertedContacts"))
    count = job.get("TotalContacts", job.get("totalContacts"))
    if count != total or inserted != total:
        raise SystemExit(
            f"{name}: the job holds {count} contacts, {inserted} inserted, not {total}"
        )


WAYS = {"raw": raw, "sync": ours, "raw-async": raw_async, "async": ours_async}
"""Each of ours beside its own limit: sync against raw httpx.Client, async against raw
httpx.AsyncClient (the same requests, the same pacing)."""


def measure(total: int, rounds: int, ways: dict[str, Any] | None = None) -> dict[str, list[float]]:
    """Every way once per round, in turn, after a warm-up round, each into the fixtures'
    database as it was (reset before each run); the samples of each way."""
    ways = WAYS if ways is None else ways
    samples: dict[str, list[float]] = {name: [] for name in ways}
    with (
        tempfile.TemporaryDirectory(prefix="contactimport-bench-import-") as scratch,
        spawn_sandbox(Path(scratch) / "bench.db", output=subprocess.DEVNULL) as server,
    ):
        origin = server.url
        offset = 0
        for round_number in range(rounds + 1):
            for name, way in ways.items():
                reset(origin)
                elapsed, job = way(origin, total, offset)
                offset += total  # new contacts each run: every job inserts them all
                check(name, job, total)
                if round_number:
                    samples[name].append(elapsed)
    return samples


def figures(quick: bool, total: int | None = None, rounds: int | None = None) -> list[Figure]:
    total = total if total is not None else (3_000 if quick else 100_000)
    rounds = rounds if rounds is not None else (1 if quick else 3)
    median = {name: statistics.median(values) for name, values in measure(total, rounds).items()}
    goal = round(1 / 0.9, 3)
    return [
        Figure(
            "import",
            f"begin_import of {total:,} contacts to Finished (sync)",
            median["sync"],
            "s",
            median["raw"],
            "raw httpx.Client: pre-encoded batches, run, poll every 50 ms",
            goal,
            "goal: at least 0.9 of the limit's throughput",
            rounds,
        ),
        Figure(
            "import",
            f"begin_import_async of {total:,} contacts to Finished (async)",
            median["async"],
            "s",
            median["raw-async"],
            "raw httpx.AsyncClient: pre-encoded batches, run, poll every 50 ms",
            goal,
            "goal: at least 0.9 of the limit's throughput; "
            f"{median['async'] / median['raw']:.2f}x the sync limit",
            rounds,
        ),
    ]


def profile(way: str, total: int, path: Path) -> None:
    """Profile one run of ``way`` (pyinstrument, async-aware) after a warm-up run; HTML to path."""
    with (
        tempfile.TemporaryDirectory(prefix="contactimport-bench-import-") as scratch,
        spawn_sandbox(Path(scratch) / "bench.db", output=subprocess.DEVNULL) as server,
    ):
        WAYS[way](server.url, total, 0)
        elapsed, job = profiled(lambda: WAYS[way](server.url, total, total), path)
        check(way, job, total)
    print(f"{way}: {elapsed:.2f} s; profile written to {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--contacts", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--ways", nargs="+", choices=sorted(WAYS), default=None, help="time only these, raw"
    )
    parser.add_argument("--profile", choices=sorted(WAYS), default=None, help="pyinstrument")
    args = parser.parse_args(argv)
    total = args.contacts if args.contacts is not None else (3_000 if args.quick else 100_000)
    if args.profile:
        profile(
            args.profile, total, Path(tempfile.gettempdir()) / f"profile-import-{args.profile}.html"
        )
        return 0
    if args.ways:
        rounds = args.rounds if args.rounds is not None else 3
        samples = measure(total, rounds, {name: WAYS[name] for name in args.ways})
        for name, values in samples.items():
            shown = ", ".join(f"{value:.2f}" for value in values)
            print(f"{name}: median {statistics.median(values):.2f} s ({shown})")
        return 0
    for figure in figures(args.quick, args.contacts, args.rounds):
        print(
            f"{figure.name}: {figure.ours:.2f} s vs the limit {figure.baseline:.2f} s: "
            f"{figure.ratio:.2f}x (goal <= {figure.goal}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
