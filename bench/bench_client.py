"""The clients against raw httpx through the same `httpx.MockTransport`: per call, and a full
W50 batch upload in JSON and in XML.

- per call: `Which50.get_import_job` (sync and async) against raw httpx `GET` + `.json()` with
  the same headers; the generated openapi-python-client function is shown beside them (it parses
  the same model, which raw httpx does not).
- upload: `upload_import_batch` of 10,000 contacts given as mappings against raw httpx
  `post(json=contacts)`; in XML against raw httpx posting `codec.encode(...)` of the same batch.

Before timing, each pair is checked to send the same request body (parsed) and read the same
answer, so a fast wrong path cannot win. Interleaved rounds, medians. `--quick` runs small and
few rounds for CI: it checks the paths; its timings mean nothing.

    python bench/bench_client.py [--contacts 10000] [--rounds 7] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_xml import batch, load_codec
from figures import AsyncInterleaved, Figure, Interleaved

BASE = "http://bench.test/Which50API"
TOKEN = "bench-token"
JOB = {
    "Id": 7,
    "ContactListId": 1,
    "InvalidEmailCount": 0,
    "InvalidSmsCount": 0,
    "ProgressPercent": 0,
    "CurrentStatus": "Loaded",
    "StartDate": None,
    "FinishDate": None,
    "InsertedContacts": 0,
    "UpdatedContacts": 0,
    "DroppedContacts": 0,
    "NotUpdatedContacts": 0,
    "TotalContacts": 2,
}
JOB_BODY = json.dumps(JOB).encode()


class Server:
    """Answers every request with the job, remembering the last request's body."""

    def __init__(self) -> None:
        self.last_body = b""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.last_body = request.content
        return httpx.Response(200, content=JOB_BODY, headers={"content-type": "application/json"})


def per_call(rounds: int, repeat: int) -> list[Figure]:
    from contactimport import AsyncWhich50, Which50
    from contactimport.generated.which50_client import AuthenticatedClient
    from contactimport.generated.which50_client.api.import_jobs import get_import_job

    server = Server()
    transport = httpx.MockTransport(server)
    url = f"{BASE}/contactLists/1/import/7"
    headers = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}
    ours = Which50(TOKEN, base_url=BASE, transport=transport)
    raw = httpx.Client(transport=transport, headers=headers)
    generated = AuthenticatedClient(base_url=BASE, token=TOKEN).set_httpx_client(
        httpx.Client(base_url=BASE, transport=transport, headers=headers)
    )
    if ours.get_import_job(1, 7).to_dict() != raw.get(url).json():
        raise SystemExit("per call: ours and raw httpx read different jobs")
    sync = Interleaved(
        {
            "ours": lambda: ours.get_import_job(1, 7),
            "raw": lambda: raw.get(url).json(),
            "generated": lambda: get_import_job.sync(1, 7, client=generated),
        },
        rounds,
        repeat,
    ).run()

    async def async_medians() -> dict[str, float]:
        async with (
            AsyncWhich50(TOKEN, base_url=BASE, transport=transport) as async_ours,
            httpx.AsyncClient(transport=transport, headers=headers) as async_raw,
        ):

            async def ours_call() -> object:
                return await async_ours.get_import_job(1, 7)

            async def raw_call() -> object:
                return (await async_raw.get(url)).json()

            ways = {"ours": ours_call, "raw": raw_call}
            return await AsyncInterleaved(ways, rounds, repeat).run()

    asynchronous = asyncio.run(async_medians())
    ours.close()
    return [
        Figure(
            "client",
            "get_import_job per call (sync)",
            sync["ours"] * 1e6,
            "µs",
            sync["raw"] * 1e6,
            "raw httpx GET + .json()",
            1.05,
            f"the generated o-p-c function: {sync['generated'] * 1e6:.0f} µs",
            rounds,
        ),
        Figure(
            "client",
            "get_import_job per call (async)",
            asynchronous["ours"] * 1e6,
            "µs",
            asynchronous["raw"] * 1e6,
            "raw httpx AsyncClient GET + .json()",
            1.05,
            "",
            rounds,
        ),
    ]


def upload(count: int, rounds: int) -> list[Figure]:
    from contactimport import Which50

    contacts = batch(count)
    codec = load_codec()
    url = f"{BASE}/contactLists/1/import/7"
    figures: list[Figure] = []
    for fmt in ("json", "xml"):
        server = Server()
        transport = httpx.MockTransport(server)
        ours = Which50(TOKEN, base_url=BASE, transport=transport, wire_format=fmt)
        raw = httpx.Client(
            transport=transport,
            headers={"Authorization": f"Bearer {TOKEN}", "Accept": f"application/{fmt}"},
        )

        def ours_upload(client: Any = ours) -> object:
            return client.upload_import_batch(1, 7, contacts)

        if fmt == "json":

            def raw_upload(client: httpx.Client = raw) -> object:
                return client.post(url, json=contacts).json()

            baseline = "raw httpx post(json=contacts)"
        else:

            def raw_upload(client: httpx.Client = raw) -> object:
                document = codec.encode("ArrayOfContact", contacts)
                headers = {"Content-Type": "application/xml"}
                return client.post(url, content=document, headers=headers).json()

            baseline = "raw httpx post(content=codec.encode(contacts))"
        ours_upload()
        sent_by_ours = server.last_body
        raw_upload()
        sent_by_raw = server.last_body
        if fmt == "json":
            same = json.loads(sent_by_ours) == json.loads(sent_by_raw) == contacts
        else:
            same = codec.decode("ArrayOfContact", sent_by_ours) == contacts
            same = same and codec.decode("ArrayOfContact", sent_by_raw) == contacts
        if not same:
            raise SystemExit(f"upload ({fmt}): ours and raw httpx sent different batches")
        medians = Interleaved({"ours": ours_upload, "raw": raw_upload}, rounds).run()
        ours.close()
        figures.append(
            Figure(
                "client",
                f"upload_import_batch, {count:,} contacts ({fmt.upper()})",
                medians["ours"] * 1000,
                "ms",
                medians["raw"] * 1000,
                baseline,
                1.5,
                "",
                rounds,
            )
        )
    return figures


def figures(quick: bool, contacts: int | None = None, rounds: int | None = None) -> list[Figure]:
    count = contacts if contacts is not None else (200 if quick else 10_000)
    rounds = rounds if rounds is not None else (1 if quick else 7)
    return per_call(rounds, 20 if quick else 500) + upload(count, rounds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--contacts", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    for figure in figures(args.quick, args.contacts, args.rounds):
        ratio = figure.ratio
        print(
            f"{figure.name}: {figure.ours:.1f} {figure.unit} vs {figure.baseline_name} "
            f"{figure.baseline:.1f} {figure.unit}: {ratio:.2f}x (goal <= {figure.goal}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
