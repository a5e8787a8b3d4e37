"""Benchmark the sandbox: 100,000 contacts from upload to a finished import job, and the rate of
GET import-job status requests, side by side with Stoplight Prism mocking the same W50 spec.

    python bench/bench_sandbox.py [--contacts 100000] [--batch 10000] [--seconds 5]
                                  [--connections 16] [--no-prism] [--match]

Both servers run on 127.0.0.1 in their own processes; the same load generator (a minimal
keep-alive HTTP/1.1 client on asyncio, so that the client is not the bottleneck) drives both.
Targets: the 100,000 contacts finish within 5 s; the sandbox serves at least twice Prism's rate.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from contactimport.workflows import SUCCEEDED_STATES, TERMINAL_STATES

ROOT = Path(__file__).resolve().parents[1]
PRISM = "@stoplight/prism-cli@5.14.2"  # the newest release that runs on node 20
TOKEN = "w50-acme-full"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIST_ID = 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


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
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


async def get_rate(
    port: int, path: str, seconds: float, connections: int
) -> tuple[float, int, int]:
    """(requests per second, requests answered 200, other answers) of keep-alive GETs."""
    request = (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\n"
        f"Authorization: Bearer {TOKEN}\r\n\r\n"
    ).encode()
    ok = other = 0
    deadline = time.monotonic() + seconds

    async def worker() -> None:
        nonlocal ok, other
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.monotonic() < deadline:
                writer.write(request)
                await writer.drain()
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
                if chunked:
                    while True:
                        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
                        await reader.readexactly(size + 2)
                        if size == 0:
                            break
                else:
                    await reader.readexactly(length)
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


def import_contacts(origin: str, total: int, batch: int, match: bool) -> dict[str, Any]:
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
    bodies = [
        json.dumps(contacts[start : start + batch]).encode() for start in range(0, total, batch)
    ]
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
    args = parser.parse_args()
    results: dict[str, Any] = {}

    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        sandbox = subprocess.Popen(
            [sys.executable, "-m", "contactimport_sandbox", "--port", str(port), "--db",
             os.path.join(tmp, "bench.db"), "--log-level", "warning"],
            cwd=ROOT,
        )  # fmt: skip
        try:
            wait_until_up(f"{origin}/_sandbox/health", sandbox, 30)
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
            stop(sandbox)

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


if __name__ == "__main__":
    raise SystemExit(main())
