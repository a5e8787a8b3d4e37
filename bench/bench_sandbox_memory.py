"""The sandbox's resident memory per request body size: peak while handling it and what is held
after, for one body at a time and for three at once.

    python bench/bench_sandbox_memory.py [--contacts 10000 100000 780000] [--xml-contacts 100000]
                                         [--field-names 1850000] [--concurrent 3]
                                         [--skip-concurrent]

Each measurement starts a fresh sandbox (``python -m contactimport_sandbox``, file database) on
127.0.0.1, sends one warm-up bulk import, reads its idle RSS (the base), then sends the body (or
``--concurrent`` copies at once) and reads ``VmHWM`` (peak) from ``/proc/PID/status``; once every
accepted import is processed it reads ``VmRSS`` (after). Bodies: CheckMarket bulk imports of N
contacts (JSON and XML) and a W50 ``ImportJobCreateRequest`` holding N FieldNames (XML).

The goal (issue 20): peak - base within 4x the bytes received plus a fixed 16 MB, RSS after back
near the base, and a body past a documented limit refused cheaply. Reports one line per
measurement; exits non-zero when a measurement misses the peak goal. Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from contactimport_sandbox import SpawnedSandbox, spawn_sandbox

CM_AUTH = {"X-Master-Key": "cm-acme-master", "X-Key": "cm-acme-contacts-write"}
W50_AUTH = {"Authorization": "Bearer w50-acme-full"}
PEAK_FACTOR = 4.0
FIXED_MB = 16.0  # the fixed part of the goal: what any import request costs beyond its body
TIMEOUT = 300.0  # seconds any one request or wait may take


def status_kib(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def mb(kib: int) -> float:
    return kib / 1024


def contacts_body(count: int) -> bytes:
    parts = [
        f'{{"FirstName":"F{n}","LastName":"L{n}","Email":"p{n}@x.io","LangCode":"en"}}'
        for n in range(count)
    ]
    return ("[" + ",".join(parts) + "]").encode()


def contacts_xml(count: int) -> bytes:
    from contactimport.datacontract import DataContractCodec

    contacts = [
        {"FirstName": f"F{n}", "LastName": f"L{n}", "Email": f"p{n}@x.io", "LangCode": "en"}
        for n in range(count)
    ]
    return DataContractCodec.for_api("checkmarket").encode("ImportContactList", contacts)


def field_names_xml(count: int) -> bytes:
    arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
    names = "".join(f"<d2p1:string>F{n}</d2p1:string>" for n in range(count))
    return (
        '<ImportJobCreateRequest xmlns="http://schemas.datacontract.org/2004/07/W50API.Controllers"'
        f' xmlns:d2p1="{arrays}"><FieldNames>{names}</FieldNames></ImportJobCreateRequest>'
    ).encode()


def start(workdir: Path) -> SpawnedSandbox:
    """A fresh sandbox; a start failure quotes its log."""
    return spawn_sandbox(workdir / "sandbox.db", output=workdir / "sandbox.log")


def create_config(client: httpx.Client) -> int:
    answer = client.post(
        "/3/contacts/import/configs",
        json={"Name": "memory bench", "IsReusable": True, "DefaultLanguageCode": "en"},
        headers=CM_AUTH,
    )
    answer.raise_for_status()
    return int(answer.json()["Data"]["ImportConfigId"])


def wait_processed(client: httpx.Client, queue_items: list[int]) -> None:
    deadline = time.monotonic() + TIMEOUT
    for item in queue_items:
        while True:
            data = client.get(f"/3/contacts/import/{item}", headers=CM_AUTH).json()
            if data["Data"]["StatusId"] in (3, 4):
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"queue item {item} not processed within {TIMEOUT} s")
            time.sleep(0.2)


@dataclass
class Measurement:
    label: str
    body_mb: float
    copies: int
    statuses: list[int]
    base_mb: float
    peak_mb: float
    after_mb: float

    @property
    def ratio(self) -> float:
        """(peak - base) / bytes received at once."""
        return (self.peak_mb - self.base_mb) / (self.body_mb * self.copies)

    def line(self) -> str:
        return (
            f"{self.label:<28} {self.body_mb:7.1f} MB x{self.copies}  statuses {self.statuses}  "
            f"base {self.base_mb:6.0f} MB  peak {self.peak_mb:6.0f} MB  after "
            f"{self.after_mb:6.0f} MB  (peak-base)/body {self.ratio:5.2f}"
        )


def measure(label: str, kind: str, body: bytes, copies: int) -> Measurement:
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as temporary:
        sandbox = start(Path(temporary))
        pid = sandbox.process.pid
        try:
            with httpx.Client(base_url=sandbox.url, timeout=TIMEOUT) as client:
                config = create_config(client)
                warm = client.post(
                    f"/3/contacts/import/{config}",
                    content=contacts_body(100),
                    headers={**CM_AUTH, "Content-Type": "application/json"},
                )
                wait_processed(client, [int(warm.json()["Data"]["QueueItemId"])])
                base = status_kib(pid, "VmRSS")
                results: list[httpx.Response | None] = [None] * copies

                def send(index: int) -> None:
                    with httpx.Client(base_url=sandbox.url, timeout=TIMEOUT) as own:
                        if kind in ("cm", "cm-xml"):
                            media = "application/xml" if kind == "cm-xml" else "application/json"
                            results[index] = own.post(
                                f"/3/contacts/import/{config}",
                                content=body,
                                headers={**CM_AUTH, "Content-Type": media},
                            )
                        else:
                            results[index] = own.post(
                                "/Which50API/contactLists/1/import",
                                content=body,
                                headers={**W50_AUTH, "Content-Type": "application/xml"},
                            )

                threads = [threading.Thread(target=send, args=(i,)) for i in range(copies)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join(TIMEOUT)
                answers = [r for r in results if r is not None]
                items = [
                    int(r.json()["Data"]["QueueItemId"])
                    for r in answers
                    if kind in ("cm", "cm-xml") and r.status_code == 200
                ]
                wait_processed(client, items)
                time.sleep(1.0)
                peak = status_kib(pid, "VmHWM")
                after = status_kib(pid, "VmRSS")
        finally:
            sandbox.stop()
    return Measurement(
        label,
        len(body) / 2**20,
        copies,
        [r.status_code for r in answers],
        mb(base),
        mb(peak),
        mb(after),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--contacts", type=int, nargs="*", default=[10_000, 100_000, 780_000])
    parser.add_argument("--xml-contacts", type=int, nargs="*", default=[100_000])
    parser.add_argument("--field-names", type=int, nargs="*", default=[1_850_000])
    parser.add_argument("--concurrent", type=int, default=3)
    parser.add_argument("--skip-concurrent", action="store_true")
    args = parser.parse_args()
    runs: list[tuple[str, str, bytes]] = [
        (f"CM bulk import {n:,}", "cm", contacts_body(n)) for n in args.contacts
    ]
    runs += [(f"CM bulk import XML {n:,}", "cm-xml", contacts_xml(n)) for n in args.xml_contacts]
    runs += [(f"W50 FieldNames XML {n:,}", "w50", field_names_xml(n)) for n in args.field_names]
    missed = 0
    for label, kind, body in runs:
        for copies in (1,) if args.skip_concurrent else (1, args.concurrent):
            result = measure(label, kind, body, copies)
            print(result.line(), flush=True)
            if result.peak_mb - result.base_mb > PEAK_FACTOR * result.body_mb * copies + FIXED_MB:
                missed += 1
    print(
        f"# goal: peak - base <= {PEAK_FACTOR:g} x the bytes received + {FIXED_MB:g} MB; "
        f"missed {missed}"
    )
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
