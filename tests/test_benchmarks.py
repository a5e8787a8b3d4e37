"""Issue 21: `nox -s bench`'s harness as CI runs it (`--quick`): every benchmark runs, checks its
paths against their baselines and lands in the table. No timing is asserted (they mean nothing
on a shared machine); the regeneration benchmark needs the generators and runs in `nox -s
bench` only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUICK = ["client", "xml", "import", "bulk-import", "sandbox", "polling", "csv-memory", "kill-loop"]


def test_the_harness_writes_one_table_of_every_benchmark(tmp_path: Path) -> None:
    markdown, report = tmp_path / "benchmarks.md", tmp_path / "benchmarks.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run_benchmarks.py"),
            "--quick",
            "--only",
            *QUICK,
            "--markdown",
            str(markdown),
            "--json",
            str(report),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["quick"] is True and data["failed"] == {}
    assert {figure["benchmark"] for figure in data["figures"]} == set(QUICK)
    for figure in data["figures"]:
        assert figure["ours"] > 0, figure
        if figure["goal"] is not None:
            assert figure["baseline"] and figure["ratio"] is not None, figure
    text = markdown.read_text(encoding="utf-8")
    assert "| benchmark | figure | ours | baseline | ratio | goal | met | note |" in text
    assert text.count("\n| ") - 1 == len(data["figures"])  # one row per figure
    assert "exactly once" in text
