"""Benchmark the sandbox: 100,000 contacts from upload to a finished import job, and the rate of
GET import-job status requests, side by side with Stoplight Prism mocking the same W50 spec.

    python bench/bench_sandbox.py [--contacts 100000] [--batch 10000] [--seconds 5]
                                  [--connections 16] [--no-prism] [--match]
    python bench/bench_sandbox.py --pollers 50 [--contacts 300000] [--poll-interval 0.1]

Both servers run on 127.0.0.1 in their own processes; the same load generator (a minimal
keep-alive HTTP/1.1 client on asyncio, so that the client is not the bottleneck) drives both.
Targets: the 100,000 contacts finish within 5 s; the sandbox serves at least twice Prism's rate.

With ``--pollers N`` it measures instead how fast a job's status is answered while that job is
imported: N clients (each on a keep-alive connection of its own, with the minimal client, in a
process of their own beside the uploader and the server) poll the job's status from its creation
until it is finished, while the contacts are uploaded in batches and the job runs on a file
database. It reports the p50, p99 and max latency of those polls, for the upload and the run and
overall (and, as the floor, for the idle server during the IDLE_POLLING seconds before the
upload), and the polls that got no answer (a connection closed or reset, a timeout). Targets:
p99 under 250 ms, none unanswered.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from contactimport.workflows import SUCCEEDED_STATES, TERMINAL_STATES
from contactimport_sandbox import free_port, spawn_sandbox

ROOT = Path(__file__).resolve().parents[1]
PRISM = "@stoplight/prism-cli@5.14.2"  # the newest release that runs on node 20
TOKEN = "w50-acme-full"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIST_ID = 1
ADMIN = {"X-Sandbox-Admin-Key": "sandbox-admin-local"}  # the default fixtures' sandbox.adminKey


def reset(origin: str) -> None:
    """Back to the fixtures (``/_sandbox/reset``): every way of a benchmark then imports into
    the same empty database, so the order of the ways in a round favours none of them."""
    httpx.post(f"{origin}/_sandbox/reset", headers=ADMIN, timeout=60).raise_for_status()


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            httpx.get(url, headers=AUTH, timeout=2)
            return
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not come up in {timeout} s") from None
            time.sleep(0.1)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server and, when it leads a process group of its own (Prism: npx starts node),
    every process of the group: terminating npx alone left node serving after the benchmark."""
    group = _own_group(process)
    _signal(process, group, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        _signal(process, group, signal.SIGKILL)
        process.wait(10)
    if group is not None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)  # children that outlived the leader


def _own_group(process: subprocess.Popen[bytes]) -> int | None:
    try:
        group = os.getpgid(process.pid)
    except ProcessLookupError:
        return None
    return group if group == process.pid else None


def _signal(process: subprocess.Popen[bytes], group: int | None, number: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        if group is not None:
            os.killpg(group, number)
        else:
            process.send_signal(number)


def get_request(port: int, path: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\n"
        f"Authorization: Bearer {TOKEN}\r\n\r\n"
    ).encode()


async def read_answer(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """The status and body of one HTTP/1.1 answer (Content-Length or chunked)."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    chunked = False
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
        elif name.lower() == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if not chunked:
        return status, await reader.readexactly(length)
    parts = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
        parts.append((await reader.readexactly(size + 2))[:size])
        if size == 0:
            return status, b"".join(parts)


async def get_rate(
    port: int, path: str, seconds: float, connections: int
) -> tuple[float, int, int]:
    """(requests per second, requests answered 200, other answers) of keep-alive GETs."""
    request = get_request(port, path)
    ok = other = 0
    deadline = time.monotonic() + seconds

    async def worker() -> None:
        nonlocal ok, other
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.monotonic() < deadline:
                writer.write(request)
                await writer.drain()
                status, _ = await read_answer(reader)
                if status == 200:
                    ok += 1
                else:
                    other += 1
        finally:
            writer.close()

    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.monotonic() - started
    return ok / elapsed, ok, other


POLL_TIMEOUT = 30.0  # seconds; a poll unanswered for that long counts as failed
IDLE_POLLING = 3.0  # seconds of polling before the upload: the latency of an idle server


async def poll_status(
    port: int,
    path: str,
    pollers: int,
    interval: float,
    limit: float,
    ready: Callable[[], None] = lambda: None,
) -> tuple[list[tuple[float, float]], dict[str, int]]:
    """Each of ``pollers`` clients GETs ``path`` every ``interval`` seconds (after each answer),
    on a keep-alive connection of its own, until one reads a terminal status or ``limit``
    seconds have passed.

    The client is the minimal one of ``get_rate``, so that the latency is the server's, not the
    client's (50 httpx clients in one process spend more time than the server on each poll, and
    making one takes a while: made between polls it stalls the polls in flight). ``ready`` is
    called once every connection is open. A poll whose connection is closed or reset before the
    answer, or that gets none within POLL_TIMEOUT, fails; the poller then opens a new
    connection. Returns the answered polls as (time sent, latency) in seconds (time.time(),
    comparable across processes) and the failed polls by kind (the exception's name, or
    "status NNN").
    """
    request = get_request(port, path)
    samples: list[tuple[float, float]] = []
    failures: dict[str, int] = {}
    done = asyncio.Event()
    connections = [await asyncio.open_connection("127.0.0.1", port) for _ in range(pollers)]
    ready()
    deadline = time.monotonic() + limit

    def failed(kind: str) -> None:
        failures[kind] = failures.get(kind, 0) + 1

    async def poller(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while not done.is_set() and time.monotonic() < deadline:
                sent = time.time()
                started = time.perf_counter()
                try:
                    writer.write(request)
                    await writer.drain()
                    status, body = await asyncio.wait_for(read_answer(reader), POLL_TIMEOUT)
                except (OSError, asyncio.IncompleteReadError, TimeoutError) as exc:
                    failed(type(exc).__name__)
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                else:
                    if status != 200:
                        failed(f"status {status}")
                    else:
                        samples.append((sent, time.perf_counter() - started))
                        if json.loads(body)["CurrentStatus"] in TERMINAL_STATES:
                            done.set()
                await asyncio.sleep(interval)
        finally:
            writer.close()

    await asyncio.gather(*(poller(reader, writer) for reader, writer in connections))
    return samples, failures


def _poll_process(
    port: int,
    path: str,
    pollers: int,
    interval: float,
    limit: float,
    out: multiprocessing.connection.Connection,
) -> None:
    """The pollers in a process of their own: sends "ready", then (samples, failures)."""
    result = asyncio.run(
        poll_status(port, path, pollers, interval, limit, lambda: out.send("ready"))
    )
    out.send(result)
    out.close()


def percentiles(latencies: list[float]) -> dict[str, Any]:
    """Count, p50, p99 and max of latencies in seconds, as milliseconds."""
    if not latencies:
        return {"polls": 0}
    ordered = sorted(latencies)

    def at(fraction: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 1)

    return {
        "polls": len(ordered),
        "p50_ms": at(0.50),
        "p99_ms": at(0.99),
        "max_ms": round(1000 * ordered[-1], 1),
    }


def polling_during_import(
    port: int, total: int, batch: int, match: bool, pollers: int, interval: float
) -> dict[str, Any]:
    """Upload ``total`` contacts and run the job while ``pollers`` clients poll its status."""
    bodies = contact_batches(total, batch)
    path = f"/Which50API/contactLists/{LIST_ID}/import"
    base = f"http://127.0.0.1:{port}{path}"
    with httpx.Client(headers=AUTH, timeout=120) as http:
        fields = {"FieldNames": ["Email", "FirstName", "ReferanceAccountId"]}
        job = http.post(base, json=fields).json()
        url = f"{base}/{job['Id']}"
        path += f"/{job['Id']}"
        receive, send = multiprocessing.Pipe(duplex=False)
        polling = multiprocessing.get_context("spawn").Process(
            target=_poll_process, args=(port, path, pollers, interval, 600.0, send)
        )
        polling.start()
        try:
            if not receive.poll(120) or receive.recv() != "ready":
                raise RuntimeError("the pollers did not start")
            idle = time.time()
            time.sleep(IDLE_POLLING)  # the pollers poll the idle server first: the floor
            started = time.time()
            for body in bodies:
                response = http.post(
                    url, content=body, headers={"Content-Type": "application/json"}
                )
                response.raise_for_status()
            uploaded = time.time()
            run = f"{url}/run" + ("?match=ReferanceAccountId" if match else "")
            http.post(run).raise_for_status()
            samples, failures = receive.recv()
            finished = time.time()
        finally:
            polling.join(60)
            if polling.is_alive():
                polling.kill()
        state = http.get(url).json()
    return {
        "contacts": total,
        "pollers": pollers,
        "poll_interval_s": interval,
        "upload_s": round(uploaded - started, 3),
        "run_s": round(finished - uploaded, 3),
        "status": state["CurrentStatus"],
        "inserted": state["InsertedContacts"],
        "polling_idle": percentiles([lat for sent, lat in samples if idle <= sent < started]),
        "polling_upload": percentiles([lat for sent, lat in samples if started <= sent < uploaded]),
        "polling_run": percentiles([lat for sent, lat in samples if sent >= uploaded]),
        "polling_all": percentiles([lat for _, lat in samples]),
        "unanswered": sum(failures.values()),
        "unanswered_by_kind": failures,
    }


def contact_batches(total: int, batch: int) -> list[bytes]:
    """``total`` contacts as JSON upload bodies of ``batch`` contacts each."""
    contacts = [
        {
            "Values": {
                "Email": f"bench{n}@example.com",
                "FirstName": f"F{n}",
                "ReferanceAccountId": n,
            }
        }
        for n in range(total)
    ]
    return [
        json.dumps(contacts[start : start + batch]).encode() for start in range(0, total, batch)
    ]


def import_contacts(origin: str, total: int, batch: int, match: bool) -> dict[str, Any]:
    bodies = contact_batches(total, batch)
    base = f"{origin}/Which50API/contactLists/{LIST_ID}/import"
    with httpx.Client(headers=AUTH, timeout=120) as http:
        fields = {"FieldNames": ["Email", "FirstName", "ReferanceAccountId"]}
        job = http.post(base, json=fields).json()
        url = f"{base}/{job['Id']}"
        started = time.monotonic()
        for body in bodies:
            response = http.post(url, content=body, headers={"Content-Type": "application/json"})
            response.raise_for_status()
        uploaded = time.monotonic()
        http.post(f"{url}/run" + ("?match=ReferanceAccountId" if match else "")).raise_for_status()
        while True:
            state = http.get(url).json()
            if state["CurrentStatus"] in TERMINAL_STATES:
                break
            time.sleep(0.01)
        finished = time.monotonic()
    return {
        "contacts": total,
        "batches": len(bodies),
        "upload_s": round(uploaded - started, 3),
        "run_s": round(finished - uploaded, 3),
        "total_s": round(finished - started, 3),
        "job": state,
        "job_id": job["Id"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each GET run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--no-prism", action="store_true", help="skip the Prism comparison")
    parser.add_argument("--match", action="store_true", help="run the job with a match key")
    parser.add_argument(
        "--pollers",
        type=int,
        default=0,
        help="measure status polling by this many clients during the import instead",
    )
    parser.add_argument(
        "--poll-interval", type=float, default=0.1, help="seconds each poller waits between polls"
    )
    args = parser.parse_args()
    if args.pollers:
        return polling_main(args)
    results: dict[str, Any] = {}

    with tempfile.TemporaryDirectory() as tmp:
        sandbox = spawn_sandbox(os.path.join(tmp, "bench.db"), cwd=ROOT)
        origin = sandbox.url
        port = int(origin.rsplit(":", 1)[1])
        try:
            outcome = import_contacts(origin, args.contacts, args.batch, args.match)
            job = outcome.pop("job")
            job_id = outcome.pop("job_id")
            outcome["status"] = job["CurrentStatus"]
            outcome["inserted"] = job["InsertedContacts"]
            outcome["updated"] = job["UpdatedContacts"]
            results["import"] = outcome
            path = f"/Which50API/contactLists/{LIST_ID}/import/{job_id}"
            rate, ok, other = asyncio.run(get_rate(port, path, args.seconds, args.connections))
            results["sandbox_get_rps"] = round(rate)
            results["sandbox_get"] = {"ok": ok, "other": other}
        finally:
            sandbox.stop()

    if not args.no_prism:
        npx = shutil.which("npx")
        if npx is None:
            results["prism"] = "skipped: npx not found"
        else:
            prism_port = free_port()
            prism = subprocess.Popen(
                [npx, "--yes", PRISM, "mock", "spec/which50.openapi.yaml", "-p", str(prism_port),
                 "-h", "127.0.0.1", "--errors", "false"],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: npx and node stop together
            )  # fmt: skip
            try:
                path = f"/contactLists/{LIST_ID}/import/1"
                wait_until_up(f"http://127.0.0.1:{prism_port}{path}", prism, 180)
                rate, ok, other = asyncio.run(
                    get_rate(prism_port, path, args.seconds, args.connections)
                )
                results["prism_get_rps"] = round(rate)
                results["prism_get"] = {"ok": ok, "other": other}
                results["ratio"] = round(results["sandbox_get_rps"] / max(rate, 1e-9), 2)
            finally:
                stop(prism)

    print(json.dumps(results, indent=2))
    failures = []
    if results["import"]["status"] not in SUCCEEDED_STATES:
        failures.append("the import job did not finish")
    if args.contacts >= 100_000 and results["import"]["total_s"] > 5.0:
        failures.append(f"100,000 contacts took {results['import']['total_s']} s (> 5 s)")
    if "ratio" in results and results["ratio"] < 2.0:
        failures.append(f"only {results['ratio']}x Prism's GET rate (< 2x)")
    for failure in failures:
        print(f"TARGET MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


def polling_main(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        sandbox = spawn_sandbox(os.path.join(tmp, "bench.db"), cwd=ROOT)
        origin = sandbox.url
        port = int(origin.rsplit(":", 1)[1])
        print(f"sandbox server: pid {sandbox.process.pid}, {origin}", file=sys.stderr)
        try:
            results = polling_during_import(
                port, args.contacts, args.batch, args.match, args.pollers, args.poll_interval
            )
        finally:
            sandbox.stop()
    print(json.dumps(results, indent=2))
    failures = []
    if results["status"] not in SUCCEEDED_STATES:
        failures.append("the import job did not finish")
    p99 = results["polling_all"].get("p99_ms")
    if p99 is None or p99 >= 250:
        failures.append(f"polling p99 {p99} ms (>= 250 ms)")
    if results["unanswered"]:
        failures.append(f"{results['unanswered']} polls got no answer")
    for failure in failures:
        print(f"TARGET MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
