"""CheckMarket `begin_bulk_import` of 100,000 contacts to completed queue items against the
limit: raw httpx posting the same contacts as pre-encoded chunks to the same sandbox's bulk-import
endpoint (`POST /3/contacts/import/{importConfigId}`), then polling every queue item's result
(`GET /3/contacts/import/{queueItemId}`) every 50 ms until each is final. Sync against
httpx.Client, async (`begin_bulk_import_async`) against httpx.AsyncClient; interleaved rounds
against one sandbox (its own process, a file database).

    python bench/bench_bulk_import.py [--contacts 100000] [--chunk 5000] [--rounds 3] [--quick]
                                      [--ways raw sync ...] [--profile WAY]

Each run imports new contacts (their e-mail addresses name the run) through one reusable
configuration that always creates (`UpdateTypeId` 2); each is checked afterwards: every queue
item completed, the result codes count every contact as imported, and the sandbox's database
holds exactly those contacts once each. So a fast wrong path cannot win. The figure is ours /
raw (the limit); the goal is ours within 1 / 0.9 of it (at least 0.9 of its throughput).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_sandbox import reset
from contactimport_sandbox import spawn_sandbox
from figures import Figure, profiled

MASTER, KEY = "cm-acme-master", "cm-acme-contacts-write"  # the default fixtures' keys
HEADERS = {"X-Master-Key": MASTER, "X-Key": KEY}
CHUNK = 5_000
"""Contacts per bulk import: the workflow's default chunk (the spec allows up to 100,000)."""
COMPLETED = 4  # StatusId "Completed" in the spec's x-status-values
FINAL = (4, 5)  # Completed, Failed

Run = Callable[[str, int, str, int], tuple[float, dict[str, int]]]
"""(origin, config id, run name, contacts) -> (seconds, {ResultCode: contacts})."""


def contacts(run: str, total: int) -> Iterator[dict[str, Any]]:
    """The contacts of one run (what `begin_bulk_import` takes); the e-mail names the run."""
    for n in range(total):
        yield {
            "Email": f"{run}-{n}@example.com",
            "FirstName": f"F{n}",
            "LastName": f"L{n}",
            "LangCode": "en",
        }


def _counts(results: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in results:
        if item.get("StatusId") != COMPLETED:
            raise SystemExit(f"a queue item ended with StatusId {item.get('StatusId')}: {item}")
        for row in (item.get("Result") or {}).get("ImportResult") or []:
            code = str(row.get("ResultCode"))
            counts[code] = counts.get(code, 0) + int(row.get("ContactCount") or 0)
    return counts


def _bodies(run: str, total: int, chunk: int) -> list[bytes]:
    items = list(contacts(run, total))
    return [json.dumps(items[i : i + chunk]).encode() for i in range(0, total, chunk)]


def raw(origin: str, config_id: int, run: str, total: int, chunk: int) -> tuple[float, Any]:
    """The limit: pre-encoded chunks (encoding not timed), then every result polled each 50 ms."""
    bodies = _bodies(run, total, chunk)
    base = f"{origin}/3/contacts/import"
    with httpx.Client(headers=HEADERS, timeout=120) as http:
        started = time.perf_counter()
        queued = []
        for body in bodies:
            answer = http.post(
                f"{base}/{config_id}", content=body, headers={"Content-Type": "application/json"}
            )
            answer.raise_for_status()
            queued.append(int(answer.json()["Data"]["QueueItemId"]))
        finals: dict[int, dict[str, Any]] = {}
        while True:
            for item_id in queued:
                if item_id not in finals:
                    item = http.get(f"{base}/{item_id}").json()["Data"]
                    if item["StatusId"] in FINAL:
                        finals[item_id] = item
            if len(finals) == len(queued):
                break
            time.sleep(0.05)
        return time.perf_counter() - started, _counts([finals[i] for i in queued])


def raw_async(origin: str, config_id: int, run: str, total: int, chunk: int) -> tuple[float, Any]:
    """`raw` with httpx.AsyncClient."""
    bodies = _bodies(run, total, chunk)
    base = f"{origin}/3/contacts/import"

    async def main() -> tuple[float, Any]:
        async with httpx.AsyncClient(headers=HEADERS, timeout=120) as http:
            started = time.perf_counter()
            queued = []
            for body in bodies:
                answer = await http.post(
                    f"{base}/{config_id}",
                    content=body,
                    headers={"Content-Type": "application/json"},
                )
                answer.raise_for_status()
                queued.append(int(answer.json()["Data"]["QueueItemId"]))
            finals: dict[int, dict[str, Any]] = {}
            while True:
                for item_id in queued:
                    if item_id not in finals:
                        item = (await http.get(f"{base}/{item_id}")).json()["Data"]
                        if item["StatusId"] in FINAL:
                            finals[item_id] = item
                if len(finals) == len(queued):
                    break
                await asyncio.sleep(0.05)
            return time.perf_counter() - started, _counts([finals[i] for i in queued])

    return asyncio.run(main())


def _outcome_counts(outcome: Any) -> dict[str, int]:
    if outcome.failed or outcome.held_back:
        raise SystemExit(f"the bulk import failed or held chunks back: {outcome.status}")
    return {result.code: result.count for result in outcome.results}


def ours(origin: str, config_id: int, run: str, total: int, chunk: int) -> tuple[float, Any]:
    from contactimport import CheckMarket
    from contactimport.workflows import begin_bulk_import

    with CheckMarket(MASTER, KEY, base_url=origin) as cm:
        started = time.perf_counter()
        poller = begin_bulk_import(
            cm, contacts(run, total), import_config_id=config_id, chunk_size=chunk
        )
        outcome = poller.result()
        return time.perf_counter() - started, _outcome_counts(outcome)


def ours_async(origin: str, config_id: int, run: str, total: int, chunk: int) -> tuple[float, Any]:
    from contactimport import AsyncCheckMarket
    from contactimport.workflows import begin_bulk_import_async

    async def main() -> tuple[float, Any]:
        async with AsyncCheckMarket(MASTER, KEY, base_url=origin) as cm:
            started = time.perf_counter()
            poller = await begin_bulk_import_async(
                cm, contacts(run, total), import_config_id=config_id, chunk_size=chunk
            )
            outcome = await poller.result()
            return time.perf_counter() - started, _outcome_counts(outcome)

    return asyncio.run(main())


WAYS = {"raw": raw, "sync": ours, "raw-async": raw_async, "async": ours_async}
"""Each of ours beside its own limit: sync against raw httpx.Client, async against raw
httpx.AsyncClient (the same requests, the same pacing)."""


def check(name: str, counts: dict[str, int], stored: tuple[int, int], total: int) -> None:
    """Every contact imported (the result codes) and stored exactly once (the database)."""
    imported = sum(counts.values())
    if imported != total or stored != (total, total):
        raise SystemExit(
            f"{name}: the results count {counts} ({imported} contacts), the database holds "
            f"{stored[0]} rows of {stored[1]} distinct e-mails, not {total}"
        )


def _stored(db: Path, run: str) -> tuple[int, int]:
    with sqlite3.connect(db) as connection:
        count, distinct = connection.execute(
            "SELECT COUNT(*), COUNT(DISTINCT email) FROM cm_contacts WHERE email LIKE ?",
            (f"{run}-%",),
        ).fetchone()
    return int(count), int(distinct)


def _config(origin: str) -> int:
    created = httpx.post(
        f"{origin}/3/contacts/import/configs",
        headers=HEADERS,
        json={"Name": "bench bulk import", "UpdateTypeId": 2, "IsReusable": True},
    )
    created.raise_for_status()
    return int(created.json()["Data"]["ImportConfigId"])


def measure(
    total: int, chunk: int, rounds: int, ways: dict[str, Any] | None = None
) -> tuple[dict[str, list[float]], dict[str, dict[str, int]]]:
    """Every way once per round, in turn, after a warm-up round: the samples of each way and
    the result codes it counted."""
    ways = WAYS if ways is None else ways
    samples: dict[str, list[float]] = {name: [] for name in ways}
    results: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory(prefix="contactimport-bench-bulk-") as scratch:
        db = Path(scratch) / "bench.db"
        with spawn_sandbox(db, output=subprocess.DEVNULL) as server:
            for round_number in range(rounds + 1):
                for name, way in ways.items():
                    reset(server.url)  # each run into the same database (the order is fair)
                    config_id = _config(server.url)
                    run = f"r{round_number}{name}"
                    elapsed, counts = way(server.url, config_id, run, total, chunk)
                    check(name, counts, _stored(db, run), total)
                    results[name] = counts
                    if round_number:
                        samples[name].append(elapsed)
    if len({json.dumps(counts, sort_keys=True) for counts in results.values()}) != 1:
        raise SystemExit(f"the ways counted different results: {results}")
    return samples, results


def figures(
    quick: bool, total: int | None = None, rounds: int | None = None, chunk: int | None = None
) -> list[Figure]:
    total = total if total is not None else (3_000 if quick else 100_000)
    chunk = chunk if chunk is not None else (1_000 if quick else CHUNK)
    rounds = rounds if rounds is not None else (1 if quick else 3)
    samples, _results = measure(total, chunk, rounds)
    median = {name: statistics.median(values) for name, values in samples.items()}
    goal = round(1 / 0.9, 3)
    chunks = -(-total // chunk)
    return [
        Figure(
            "bulk-import",
            f"begin_bulk_import of {total:,} contacts ({chunks} chunks) to Completed (sync)",
            median["sync"],
            "s",
            median["raw"],
            "raw httpx.Client: pre-encoded chunks, poll every 50 ms",
            goal,
            "goal: at least 0.9 of the limit's throughput",
            rounds,
        ),
        Figure(
            "bulk-import",
            f"begin_bulk_import_async of {total:,} contacts ({chunks} chunks) to Completed (async)",
            median["async"],
            "s",
            median["raw-async"],
            "raw httpx.AsyncClient: pre-encoded chunks, poll every 50 ms",
            goal,
            "goal: at least 0.9 of the limit's throughput",
            rounds,
        ),
    ]


def profile(way: str, total: int, chunk: int, path: Path) -> None:
    """Profile one run of ``way`` (pyinstrument, async-aware) after a warm-up run; HTML to path."""
    with tempfile.TemporaryDirectory(prefix="contactimport-bench-bulk-") as scratch:
        db = Path(scratch) / "bench.db"
        with spawn_sandbox(db, output=subprocess.DEVNULL) as server:
            config_id = _config(server.url)
            WAYS[way](server.url, config_id, "warm", total, chunk)
            elapsed, counts = profiled(
                lambda: WAYS[way](server.url, config_id, "profiled", total, chunk), path
            )
            check(way, counts, _stored(db, "profiled"), total)
    print(f"{way}: {elapsed:.2f} s; profile written to {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--contacts", type=int, default=None)
    parser.add_argument("--chunk", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--ways", nargs="+", choices=sorted(WAYS), default=None, help="time only these, raw"
    )
    parser.add_argument("--profile", choices=sorted(WAYS), default=None, help="pyinstrument")
    args = parser.parse_args(argv)
    total = args.contacts if args.contacts is not None else (3_000 if args.quick else 100_000)
    chunk = args.chunk if args.chunk is not None else (1_000 if args.quick else CHUNK)
    if args.profile:
        profile(
            args.profile,
            total,
            chunk,
            Path(tempfile.gettempdir()) / f"profile-bulk-{args.profile}.html",
        )
        return 0
    if args.ways:
        rounds = args.rounds if args.rounds is not None else 3
        samples, results = measure(total, chunk, rounds, {name: WAYS[name] for name in args.ways})
        for name, values in samples.items():
            shown = ", ".join(f"{value:.2f}" for value in values)
            print(f"{name}: median {statistics.median(values):.2f} s ({shown})")
        print(f"results: {results}")
        return 0
    for figure in figures(args.quick, args.contacts, args.rounds, args.chunk):
        print(
            f"{figure.name}: {figure.ours:.2f} s vs the limit {figure.baseline:.2f} s: "
            f"{figure.ratio:.2f}x (goal <= {figure.goal}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
