"""Peak memory of a CSV import through the CLI: 100,000 rows versus 1,000,000 rows.

    python bench/bench_csv_memory.py [--rows 100000 1000000] [--wire-format json]

The sandbox runs in its own process (its memory is not counted). Each import runs in a fresh
child process (`contactimport which50 import FILE.csv --list 1 --json`, in-process via the CLI's
`main`) that reports its own peak RSS (`ru_maxrss`) when done. The goal: the peak is flat from
100,000 to 1,000,000 rows (streaming: one batch of 10,000 contacts in memory at a time) and under
200 MB. The script exits non-zero if the goal is missed or an import does not finish correctly.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_MB = 200.0
FLAT_TOLERANCE = 1.25  # the 1M-row peak may exceed the 100k-row peak by at most 25 %


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("Email,FirstName,LastName,Mobile,ReferanceAccountId,Segment\n")
        for number in range(rows):
            handle.write(
                f'person{number}@example.com,Fïrst{number},"Last, {number}",'
                f"3538{number:08d},{number},Gold\n"
            )


def child(argv: list[str]) -> int:
    """Run one CLI import in this process, then print its peak RSS as JSON on stderr."""
    from contactimport.cli import main

    started = time.perf_counter()
    code = main(argv)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        json.dumps({"exit": code, "peak_mb": peak_kib / 1024, "seconds": elapsed}),
        file=sys.stderr,
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--wire-format", choices=["json", "xml"], default="json")
    parser.add_argument("--json", action="store_true", help="end with the figures as JSON")
    args = parser.parse_args()

    from contactimport.cli.demo import W50_TOKEN
    from contactimport_sandbox import spawn_sandbox

    results: list[tuple[int, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-csv-") as temporary:
        workdir = Path(temporary)
        with spawn_sandbox(workdir / "sandbox.db", output=workdir / "sandbox.log") as server:
            url = server.url
            for rows in args.rows:
                csv_file = workdir / f"contacts-{rows}.csv"
                write_csv(csv_file, rows)
                size_mb = csv_file.stat().st_size / 1e6
                env = dict(os.environ)
                env.update(
                    {
                        "WHICH50_BASE_URL": f"{url}/Which50API",
                        "WHICH50_API_TOKEN": W50_TOKEN,
                        "CONTACTIMPORT_WIRE_FORMAT": args.wire_format,
                    }
                )
                command = [
                    sys.executable,
                    __file__,
                    "--child",
                    "which50",
                    "import",
                    str(csv_file),
                    "--list",
                    "1",
                    "--poll-interval",
                    "0.5",
                    "--json",
                ]
                done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
                report = json.loads(done.stderr.strip().splitlines()[-1])
                document = json.loads(done.stdout)
                total = document.get("importJob", {}).get("TotalContacts")
                peak, seconds = report["peak_mb"], report["seconds"]
                print(
                    f"{rows:>9,} rows ({size_mb:6.1f} MB CSV): peak RSS {peak:6.1f} MB, "
                    f"{seconds:6.1f} s, exit {report['exit']}, TotalContacts {total}",
                    flush=True,
                )
                if report["exit"] != 0 or total != rows:
                    print(f"the import of {rows} rows did not finish cleanly", file=sys.stderr)
                    return 1
                results.append((rows, report["peak_mb"], report["seconds"]))
    peaks = [peak for _, peak, _ in results]
    if args.json:
        runs = [{"rows": r, "peak_mb": p, "seconds": s} for r, p, s in results]
        print(json.dumps({"runs": runs, "goal_mb": GOAL_MB, "flat_tolerance": FLAT_TOLERANCE}))
    if max(peaks) > GOAL_MB:
        print(f"FAIL: peak {max(peaks):.1f} MB exceeds the {GOAL_MB:.0f} MB goal")
        return 1
    if len(peaks) > 1 and peaks[-1] > peaks[0] * FLAT_TOLERANCE:
        print(f"FAIL: memory grows with the file ({peaks[0]:.1f} -> {peaks[-1]:.1f} MB)")
        return 1
    print(f"OK: peak RSS flat ({', '.join(f'{p:.1f}' for p in peaks)} MB), under {GOAL_MB:.0f} MB")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        raise SystemExit(child(sys.argv[2:]))
    raise SystemExit(main())
