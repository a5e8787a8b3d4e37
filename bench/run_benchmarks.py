"""Every benchmark, one table: writes docs/benchmarks.md and docs/benchmarks.json.

    python bench/run_benchmarks.py [--quick] [--only NAME ...] [--markdown PATH] [--json PATH]

Each benchmark measures ours beside its baseline in the same run (interleaved rounds, medians or
the benchmark's own rule) and checks first that both produced the same result. The table gives,
per figure, ours, the baseline, the ratio and the goal. `--quick` (CI) runs every benchmark small
and writes the table to a temporary place by default: it keeps the harness working; its timings
mean nothing. No test asserts a timing.

Benchmarks: client (per-call overhead and the batch upload, in process), xml (the codec),
import (`begin_import` of 100,000 contacts, sync and async, each against raw httpx at the limit:
httpx.Client, httpx.AsyncClient), bulk-import (CheckMarket `begin_bulk_import` of 100,000
contacts, sync and async, against its own raw httpx limit), sandbox (100,000 contacts to a
finished job; status GET rate against Stoplight Prism), polling (status latency during a large
import), csv-memory (peak memory at 100,000 and 1,000,000 rows),
kill-loop (a CheckMarket import killed again and again: contacts stored vs rows), regenerate
(`scripts/generate.py`, full regeneration).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from figures import Figure  # noqa: E402


def _last_json(text: str) -> Any:
    """The last JSON object a benchmark printed (each prints one near its end)."""
    decoder = json.JSONDecoder()
    found: Any = None
    for index, char in enumerate(text):
        if char == "{" and (index == 0 or text[index - 1] == "\n"):
            try:
                found, _end = decoder.raw_decode(text, index)
            except ValueError:
                continue
    if found is None:
        raise ValueError(f"no JSON object in the output: {text[-300:]!r}")
    return found


def _run(script: str, *args: str, timeout: float = 1800) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def client(quick: bool) -> list[Figure]:
    import bench_client

    return bench_client.figures(quick)


def xml(quick: bool) -> list[Figure]:
    import bench_xml

    return bench_xml.figures(quick)


def import_(quick: bool) -> list[Figure]:
    import bench_import

    return bench_import.figures(quick)


def bulk_import(quick: bool) -> list[Figure]:
    import bench_bulk_import

    return bench_bulk_import.figures(quick)


def sandbox(quick: bool) -> list[Figure]:
    args = (
        ["--contacts", "2000", "--batch", "1000", "--seconds", "0.5", "--no-prism"] if quick else []
    )
    code, out, err = _run("bench_sandbox.py", *args)
    result = _last_json(out)
    if result["import"]["status"] not in ("Finished", "Completed"):
        raise SystemExit(f"sandbox: the import did not finish: {err[-500:]}")
    contacts = 2000 if quick else 100_000
    figures = [
        Figure(
            "sandbox",
            f"{contacts:,} contacts uploaded and imported to Finished",
            float(result["import"]["total_s"]),
            "s",
            note="target: under 5 s for 100,000",
        )
    ]
    if "prism_get_rps" in result:
        figures.append(
            Figure(
                "sandbox",
                "GET import job: time per request (16 connections)",
                1e6 / result["sandbox_get_rps"],
                "µs",
                1e6 / result["prism_get_rps"],
                "Stoplight Prism mocking the same spec",
                0.5,
                f"{result['sandbox_get_rps']:,} vs {result['prism_get_rps']:,} requests/s",
            )
        )
    del code
    return figures


def polling(quick: bool) -> list[Figure]:
    args = ["--pollers", "5" if quick else "50", "--contacts", "3000" if quick else "300000"]
    if quick:
        args += ["--batch", "1000"]
    _code, out, _err = _run("bench_sandbox.py", *args)
    result = _last_json(out)
    every = result["polling_all"]
    idle = result.get("polling_idle", {})
    return [
        Figure(
            "polling",
            "status poll p99 during an import",
            float(every.get("p99_ms") or 0),
            "ms",
            float(idle["p99_ms"]) if idle.get("p99_ms") else None,
            "the idle server's p99",
            None,
            f"target: p99 under 250 ms; {result['unanswered']} unanswered",
        )
    ]


def csv_memory(quick: bool) -> list[Figure]:
    rows = ["2000", "20000"] if quick else ["100000", "1000000"]
    code, out, err = _run("bench_csv_memory.py", "--rows", *rows, "--json")
    if code != 0 and "FAIL" not in out:
        raise SystemExit(f"csv-memory failed: {err[-500:]}")
    result = _last_json(out)
    small, large = result["runs"][0], result["runs"][-1]
    return [
        Figure(
            "csv-memory",
            f"peak RSS of a CSV import, {large['rows']:,} rows",
            large["peak_mb"],
            "MB",
            small["peak_mb"],
            f"the same at {small['rows']:,} rows",
            1.25,
            f"and under {result['goal_mb']:.0f} MB; {large['seconds']:.1f} s",
        )
    ]


def kill_loop(quick: bool) -> list[Figure]:
    args = ["--rows", "3000", "--chunk", "500", "--kills", "2"] if quick else []
    _code, out, _err = _run("bench_kill_loop.py", *args)
    result = _last_json(out)
    return [
        Figure(
            "kill-loop",
            f"contacts stored after {result.get('kills')} kills (SIGKILL)",
            float(result["stored"]),
            "contacts",
            float(result["distinct"]),
            "distinct rows of the file",
            1.0,
            "exactly once" if result["exactlyOnce"] else "NOT exactly once",
        )
    ]


def regenerate(quick: bool) -> list[Figure]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"regenerate: {done.stderr[-500:]}")
    return [Figure("regenerate", "full regeneration (nox -s generate)", seconds, "s")]


BENCHMARKS: dict[str, Callable[[bool], list[Figure]]] = {
    "client": client,
    "xml": xml,
    "import": import_,
    "bulk-import": bulk_import,
    "sandbox": sandbox,
    "polling": polling,
    "csv-memory": csv_memory,
    "kill-loop": kill_loop,
    "regenerate": regenerate,
}


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"


def markdown(
    figures: list[Figure], failed: dict[str, str], info: dict[str, Any], quick: bool
) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `nox -s bench` (`bench/run_benchmarks.py`); do not edit by hand. Each figure",
        "is measured beside its baseline in the same run (interleaved rounds, medians), after",
        "checking that both produced the same result. Ratio = ours / baseline; the goal is the",
        "ratio not to exceed.",
        "",
        f"Machine: {info['processor']}, {info['cpus']} CPUs, {info['platform']}, Python "
        f"{info['python']}; {info['date']}.",
    ]
    if quick:
        lines += ["", "**--quick run: small sizes, one round; the timings mean nothing.**"]
    lines += [
        "",
        "| benchmark | figure | ours | baseline | ratio | goal | met | note |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for figure in figures:
        baseline = (
            f"{_number(figure.baseline)} {figure.unit} ({figure.baseline_name})"
            if figure.baseline is not None
            else ""
        )
        ratio = f"{figure.ratio:.2f}x" if figure.ratio is not None else ""
        goal = f"<= {figure.goal}x" if figure.goal is not None else ""
        met = {True: "yes", False: "**no**", None: ""}[figure.met]
        lines.append(
            f"| {figure.benchmark} | {figure.name} | {_number(figure.ours)} {figure.unit} | "
            f"{baseline} | {ratio} | {goal} | {met} | {figure.note} |"
        )
    for name, reason in failed.items():
        lines.append(f"| {name} | did not run | | | | | | {reason} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI: small, one round")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), default=None)
    parser.add_argument("--markdown", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="contactimport-bench-"))
    markdown_path = args.markdown or (
        scratch / "benchmarks.md" if args.quick else ROOT / "docs" / "benchmarks.md"
    )
    json_path = args.json or (
        scratch / "benchmarks.json" if args.quick else ROOT / "docs" / "benchmarks.json"
    )
    figures: list[Figure] = []
    failed: dict[str, str] = {}
    for name in args.only or list(BENCHMARKS):
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        try:
            found = BENCHMARKS[name](args.quick)
        except (SystemExit, Exception) as error:
            failed[name] = f"{type(error).__name__}: {error}"[:300]
            print(f"bench: {name} failed: {failed[name]}", file=sys.stderr)
            continue
        for figure in found:
            ratio = f" = {figure.ratio:.2f}x" if figure.ratio is not None else ""
            print(f"  {figure.name}: {_number(figure.ours)} {figure.unit}{ratio}", file=sys.stderr)
        figures += found
    info = machine()
    markdown_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    markdown_path.write_text(markdown(figures, failed, info, args.quick), encoding="utf-8")
    json_path.write_text(
        json.dumps(
            {
                "machine": info,
                "quick": args.quick,
                "figures": [f.as_json() for f in figures],
                "failed": failed,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"bench: wrote {markdown_path} and {json_path}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
