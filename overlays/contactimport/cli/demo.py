"""The guided demo behind ``nox -s demo``: a sandbox on a free port, then the CLI against it.

``python -m contactimport.cli.demo --data examples/data`` starts the sandbox (a subprocess with a
fresh SQLite file), runs each ``contactimport`` command as a user would type it (printed before it
runs), and stops the sandbox, whatever happens. It exits non-zero if any step fails unexpectedly.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..workflows import SUCCEEDED_STATES

__all__ = ["main"]

W50_TOKEN = "w50-acme-full"  # public credentials of the sandbox's packaged fixtures
CM_MASTER_KEY = "cm-acme-master"
CM_KEY = "cm-acme-contacts-write"


@contextlib.contextmanager
def running_sandbox(workdir: Path, fixtures: Path | None) -> Iterator[str]:
    """The sandbox (``contactimport_sandbox.spawn_sandbox``: a child process with a fresh SQLite
    file, on a free port) until the block ends; yields its base URL."""
    try:  # the optional extra: the CLI itself does not need it
        import uvicorn  # noqa: F401  (the child process serves with it)
        from contactimport_sandbox import spawn_sandbox
    except ImportError as error:
        raise SystemExit(
            f"the demo needs the sandbox's extra: pip install 'contactimport[sandbox]' ({error})"
        ) from None
    try:
        with spawn_sandbox(
            workdir / "sandbox.db", fixtures=fixtures, output=workdir / "sandbox.log"
        ) as server:
            print(f"# sandbox running on {server.url} (pid {server.process.pid})", flush=True)
            yield server.url
    finally:
        print("# sandbox stopped", flush=True)


class Steps:
    """Runs CLI commands as a user would, printing each first; collects unexpected failures."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.failures: list[str] = []

    def run(self, *args: str, expect: Sequence[int] = (0,), capture: bool = False) -> str:
        shown = " ".join(shlex.quote(a) for a in ("contactimport", *args))
        print(f"\n$ {shown}", flush=True)
        result = subprocess.run(
            [sys.executable, "-m", "contactimport.cli", *args],
            env=self.env,
            text=True,
            stdout=subprocess.PIPE if capture else None,
            check=False,
        )
        if capture and result.stdout:
            print(result.stdout, end="", flush=True)
        print(f"# exit code {result.returncode}", flush=True)
        if result.returncode not in expect:
            self.failures.append(f"{shown} exited {result.returncode}, expected {list(expect)}")
        return result.stdout or ""


def run_demo(data: Path, fixtures: Path | None) -> int:
    with tempfile.TemporaryDirectory(prefix="contactimport-demo-") as temporary:
        workdir = Path(temporary)
        with running_sandbox(workdir, fixtures) as url:
            env = dict(os.environ)
            env.update(
                {
                    "WHICH50_BASE_URL": f"{url}/Which50API",
                    "WHICH50_API_TOKEN": W50_TOKEN,
                    "CHECKMARKET_BASE_URL": url,
                    "CHECKMARKET_MASTER_KEY": CM_MASTER_KEY,
                    "CHECKMARKET_KEY": CM_KEY,
                    "COLUMNS": env.get("COLUMNS", "100"),
                }
            )
            steps = Steps(env)
            print("\n## W50API: the contact lists and the fields of list 1", flush=True)
            steps.run("which50", "lists")
            steps.run("which50", "fields", "--list", "1")
            print("\n## W50API: load some existing customers (no --match: every row inserted)")
            steps.run(
                "which50", "import", str(data / "w50-existing.csv"), "--list", "1",
                "--poll-interval", "0.2",
            )  # fmt: skip
            print(
                "\n## W50API: import customers.csv, matching existing contacts on Email and "
                "running the SendWelcomeEmail custom event.\n"
                "## The file has one bad row (reported with its line number, written to "
                "rejects.csv) and one invalid e-mail: exit code 1 says so."
            )
            steps.run(
                "which50", "import", str(data / "w50-customers.csv"), "--list", "1",
                "--match", "Email", "--custom-events", "SendWelcomeEmail",
                "--rejects", str(workdir / "rejects.csv"), "--poll-interval", "0.2",
                expect=(1,),
            )  # fmt: skip
            print("\n## The same import's result, as JSON for scripts")
            document = steps.run("which50", "status", "--list", "1", "--job", "2", "--json",
                                 capture=True)  # fmt: skip
            try:
                job = json.loads(document)
                if job.get("CurrentStatus") not in SUCCEEDED_STATES:
                    succeeded = " or ".join(sorted(SUCCEEDED_STATES))
                    steps.failures.append(f"job 2 is {job.get('CurrentStatus')}, not {succeeded}")
            except ValueError:
                steps.failures.append("`which50 status --json` did not print JSON")
            print("\n## CheckMarket: bulk import through a configuration (created on first use)")
            steps.run(
                "checkmarket", "import", str(data / "checkmarket-contacts.csv"),
                "--config-name", "Demo import", "--poll-interval", "0.2", expect=(1,),
            )  # fmt: skip
            steps.run("checkmarket", "configs", "list")
        if steps.failures:
            print("\nDEMO FAILED:\n  " + "\n  ".join(steps.failures), file=sys.stderr)
            return 1
        print("\nDemo finished: every step behaved as expected.")
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("examples/data"))
    parser.add_argument("--fixtures", type=Path, default=None)
    args = parser.parse_args(argv)
    return run_demo(args.data, args.fixtures)


if __name__ == "__main__":
    raise SystemExit(main())
