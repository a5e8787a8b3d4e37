"""Run every client example against a fresh sandbox (what `nox -s examples` and CI do).

Starts `python -m contactimport_sandbox` on a free port with an in-memory database, points the
examples at it through the environment variables the clients read, runs each example, and
stops the sandbox. Exits non-zero if any example fails.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = [
    "which50_quickstart.py",
    "checkmarket_quickstart.py",
    "async_which50.py",
    "typed_usage.py",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_healthy(origin: str, server: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the sandbox exited before it was ready")
        try:
            with urllib.request.urlopen(f"{origin}/_sandbox/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the sandbox did not become ready")


def main() -> int:
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "contactimport_sandbox",
            "--port",
            str(port),
            "--db",
            ":memory:",
            "--log-level",
            "warning",
        ],
    )
    failures = 0
    try:
        wait_healthy(origin, server)
        env = {
            **os.environ,
            "WHICH50_API_TOKEN": "w50-acme-full",
            "WHICH50_BASE_URL": f"{origin}/Which50API",
            "CHECKMARKET_MASTER_KEY": "cm-acme-master",
            "CHECKMARKET_KEY": "cm-acme-contacts-write",
            "CHECKMARKET_BASE_URL": origin,
        }
        for example in EXAMPLES:
            print(f"--- {example}", flush=True)
            result = subprocess.run([sys.executable, str(HERE / example)], env=env, check=False)
            if result.returncode != 0:
                print(f"--- {example} FAILED with exit code {result.returncode}", flush=True)
                failures += 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
