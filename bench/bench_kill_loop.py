"""kill -9 of the CLI in the middle of a CheckMarket bulk import, again and again, then count.

    python bench/bench_kill_loop.py [--rows 30000] [--chunk 2500] [--kills 10] [--update-type 2]
                                    [--answer-latency-ms 800] [--seed 20]

A sandbox (its own process, an SQLite file) gets a configuration that always creates
(`UpdateTypeId` 2, the default here) or updates by e-mail (1). `contactimport checkmarket import
FILE --config ID` runs as a subprocess and is killed with SIGKILL at a random moment while a
chunk is in flight: the sandbox holds every bulk import's answer back for
`--answer-latency-ms` AFTER it queued the contacts, so most kills land after the server took the
chunk and before the CLI learnt it did, the case that doubles contacts when a resume re-sends
blindly. `--resume` follows each kill, until one run ends (a kill after the import ended, when
its state file is gone, ends the loop too: nothing is left to resume). Then the contacts the
sandbox stored are counted (read from its database: CheckMarket has no operation that lists
contacts).

Exactly-once holds when stored == distinct (no contact twice) and every contact is accounted
for: imported + in doubt (held back, reported with their rows) == rows, and the stored count is
between imported and imported + in doubt. Prints one JSON line; exit 1 when that does not hold.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from contactimport_sandbox import spawn_sandbox

MASTER, KEY = "cm-acme-master", "cm-acme-contacts-write"
ADMIN = {"X-Sandbox-Admin-Key": "sandbox-admin-local"}  # the default fixtures' admin key


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--chunk", type=int, default=2_500)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--update-type", type=int, default=2, choices=(1, 2))
    parser.add_argument("--answer-latency-ms", type=int, default=800)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="contactimport-kill-loop-") as scratch:
        result = kill_loop(Path(scratch), args)
    print(json.dumps(result))
    return 0 if result["exactlyOnce"] else 1


def queued_anything(db: Path) -> bool:
    """Whether the sandbox queued any bulk import (the CLI's state is written before the first)."""
    with sqlite3.connect(db) as connection:
        (count,) = connection.execute("SELECT COUNT(*) FROM cm_queue").fetchone()
    return bool(count)


def kill_loop(work: Path, args: argparse.Namespace) -> dict[str, Any]:
    db = work / "sandbox.db"
    server = spawn_sandbox(db, output=subprocess.DEVNULL)
    origin = server.url
    try:
        headers = {"X-Master-Key": MASTER, "X-Key": KEY}
        created = httpx.post(
            f"{origin}/3/contacts/import/configs",
            headers=headers,
            json={"Name": "kill loop", "UpdateTypeId": args.update_type, "IsReusable": True},
        ).json()
        config_id = str(created["Data"]["ImportConfigId"])
        httpx.put(
            f"{origin}/_sandbox/faults",
            headers=ADMIN,
            json={
                "seed": args.seed,
                "rules": [
                    {
                        "route": "bulkImportContacts",
                        "answer_latency_ms": args.answer_latency_ms,
                    }
                ],
            },
        ).raise_for_status()
        source = work / "contacts.csv"
        source.write_text(
            "Email,FirstName,LangCode\n"
            + "".join(f"k{n}@example.com,K{n},en\n" for n in range(args.rows)),
            encoding="utf-8",
        )
        state = work / "contacts.csv.checkmarket-import-state.json"
        env = {
            **os.environ,
            "CHECKMARKET_BASE_URL": origin,
            "CHECKMARKET_MASTER_KEY": MASTER,
            "CHECKMARKET_KEY": KEY,
        }
        command = [
            sys.executable, "-m", "contactimport.cli", "checkmarket", "import", str(source),
            "--config", config_id, "--chunk-size", str(args.chunk), "--poll-interval", "0.05",
            "--json",
        ]  # fmt: skip
        rng = random.Random(args.seed)
        kills = runs = 0
        last: dict[str, Any] = {}
        exit_code = None
        while runs < args.kills + 20:
            runs += 1
            resume = ["--resume"] if state.exists() else []
            process = subprocess.Popen(
                command + resume, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
            if kills < args.kills:
                # Past start-up (about a second) and into a chunk whose answer is held back.
                time.sleep(rng.uniform(1.0, 1.0 + 3 * args.answer_latency_ms / 1000))
                if process.poll() is None:
                    process.send_signal(signal.SIGKILL)
                    process.wait()
                    kills += 1
                    if state.exists() or not queued_anything(db):
                        continue  # resume it, or (killed before its first checkpoint) start it
                    # The state is removed only once the import ended with nothing in doubt:
                    # the kill came after that, before the summary was printed.
                    last = {"bulkImport": {"Imported": args.rows, "InDoubt": 0}}
                    exit_code = None
                    break
            out, err = process.communicate(timeout=900)
            exit_code = process.returncode
            if exit_code in (0, 1):
                try:
                    last = json.loads(out)
                except ValueError:
                    raise RuntimeError(f"exit {exit_code}, no JSON: {err[-800:]}") from None
                break
            if not state.exists():
                raise RuntimeError(f"the import ended with {exit_code} and no state: {err[-800:]}")
        time.sleep(0.5)
        with sqlite3.connect(db) as connection:
            stored, distinct = connection.execute(
                "SELECT COUNT(*), COUNT(DISTINCT email) FROM cm_contacts"
            ).fetchone()
        bulk = last.get("bulkImport", {})
        imported, in_doubt = bulk.get("Imported"), bulk.get("InDoubt", 0)
        accounted = imported is not None and imported + in_doubt == args.rows
        exactly_once = (
            stored == distinct
            and accounted
            and imported is not None
            and imported <= stored <= imported + in_doubt
        )
        return {
            "rows": args.rows,
            "chunk": args.chunk,
            "updateTypeId": args.update_type,
            "kills": kills,
            "runs": runs,
            "stored": stored,
            "distinct": distinct,
            "imported": imported,
            "inDoubt": in_doubt,
            "exitCode": exit_code,
            "exactlyOnce": exactly_once,
        }
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
