"""Schemathesis over real HTTP: the st CLI against the sandbox running under uvicorn.

The sandbox is started as a user would start it (`python -m contactimport_sandbox`, in-memory
SQLite, the packaged fixtures); `st run` then drives each spec with every phase and check of
schemathesis.toml (each API once in the fast profile, once per Accept variant in the full one),
each run writing its JUnit report to reports/conformance/. A run passes only when st exits 0
(no failure, no error).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import harness
import pytest
from contactimport_sandbox import spawn_sandbox

PROFILE = harness.active_profile()
STARTUP_TIMEOUT = 30.0


@pytest.fixture(scope="module")
def sandbox_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log_path = tmp_path_factory.mktemp("sandbox") / "sandbox.log"
    with spawn_sandbox(
        db=":memory:", cwd=harness.REPO_ROOT, output=log_path, timeout=STARTUP_TIMEOUT
    ) as server:
        yield server.url


def st_command(api: harness.Api, accept: str | None, base_url: str, junit: Path) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(harness.CONFIG_FILE.relative_to(harness.REPO_ROOT)),
        "run",
        str(harness.SPEC_FILES[api].relative_to(harness.REPO_ROOT)),
        "--url",
        base_url + harness.MOUNTS[api],
        "--report",
        "junit",
        "--report-junit-path",
        str(junit),
        "--workers",
        "1",
    ]
    if PROFILE.max_examples is not None:
        command += ["--max-examples", str(PROFILE.max_examples)]
    if accept is not None:
        command += ["--header", f"Accept: {accept}"]
    return command


@pytest.mark.parametrize(
    ("api", "accept"),
    harness.http_runs(PROFILE),
    ids=[f"{api}-{harness.accept_label(accept)}" for api, accept in harness.http_runs(PROFILE)],
)
def test_st_cli_finds_no_failure(api: harness.Api, accept: str | None, sandbox_url: str) -> None:
    junit = harness.REPORTS_DIR / f"st-{api}-{harness.accept_label(accept)}.xml"
    junit.parent.mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(
        st_command(api, accept, sandbox_url, junit),
        cwd=harness.REPO_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    # The whole st report (phases, operations, "Test cases: N generated ...") beside the JUnit
    # file, so a run's case counts can be read afterwards, passed or failed.
    junit.with_suffix(".txt").write_text(completed.stdout + completed.stderr, encoding="utf-8")
    assert completed.returncode == 0, completed.stdout[-20000:] + completed.stderr[-5000:]
    harness.count_cases(
        f"st {api} {harness.accept_label(accept)}",
        "cases",
        harness.st_generated_cases(completed.stdout),
    )
    assert junit.is_file()
