"""Run every client example against a fresh sandbox (what `nox -s examples` and CI do).

Starts the sandbox in a process of its own (`contactimport_sandbox.spawn_sandbox`: a free port, an
in-memory database), points the examples at it through the environment variables the clients
read, runs each example, and stops the sandbox. Exits non-zero if any example fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from contactimport_sandbox import spawn_sandbox

HERE = Path(__file__).resolve().parent
EXAMPLES = [
    "which50_quickstart.py",
    "checkmarket_quickstart.py",
    "async_which50.py",
    "typed_usage.py",
]


def main() -> int:
    failures = 0
    with spawn_sandbox(db=":memory:") as server:
        env = {
            **os.environ,
            "WHICH50_API_TOKEN": "w50-acme-full",
            "WHICH50_BASE_URL": server.which50_url,
            "CHECKMARKET_MASTER_KEY": "cm-acme-master",
            "CHECKMARKET_KEY": "cm-acme-contacts-write",
            "CHECKMARKET_BASE_URL": server.checkmarket_url,
        }
        for example in EXAMPLES:
            print(f"--- {example}", flush=True)
            result = subprocess.run([sys.executable, str(HERE / example)], env=env, check=False)
            if result.returncode != 0:
                print(f"--- {example} FAILED with exit code {result.returncode}", flush=True)
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
