"""The sandbox in a process of its own: ``python -m contactimport_sandbox`` on a free port, handed
out once ``/_sandbox/health`` answers, stopped when the block ends (or by ``stop()``).

For benchmarks, the demo, the examples and tests that restart or kill the server; in-process
tests use ``running_sandbox`` (a thread)::

    with spawn_sandbox(db=":memory:") as server:
        httpx.get(server.url + "/_sandbox/health")

Needs only the standard library and httpx, so that it can be imported without the extra (the
child process needs it).
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import httpx

from .paths import ClientUrls
from .store import MEMORY

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0


class SandboxStartError(RuntimeError):
    """The server did not come up (it ended, or did not answer its health check in time)."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port free on ``host`` now (another process may take it before it is bound again)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class SpawnedSandbox(ClientUrls):
    """A sandbox in a child process: its origin URL and the process."""

    url: str
    process: subprocess.Popen[bytes]
    _log: IO[Any] | None = field(default=None, repr=False)

    def stop(self) -> int:
        """Terminate the server (kill it after ``STOP_TIMEOUT_S``); its exit code. Idempotent."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_TIMEOUT_S)
        if self._log is not None:
            self._log.close()
            self._log = None
        return self.process.returncode

    def __enter__(self) -> SpawnedSandbox:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def spawn_sandbox(
    db: str | Path = MEMORY,
    *,
    fixtures: str | Path | None = None,
    host: str = "127.0.0.1",
    port: int | None = None,
    args: Sequence[str] = (),
    output: Path | IO[Any] | int | None = None,
    command: Sequence[str | Path] | None = None,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = START_TIMEOUT_S,
) -> SpawnedSandbox:
    """Start the sandbox's command line in a child process and wait until it answers.

    ``port`` None takes a free one; ``args``: more options (``--chunk-size 100``). ``output``:
    where stdout and stderr go (a file path, whose text a start failure quotes; a file; DEVNULL;
    None inherits). ``command`` replaces ``python -m contactimport_sandbox`` (an installed
    ``contactimport sandbox``).
    """
    port = free_port(host) if port is None else port
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}"
    argv = [str(part) for part in command or (sys.executable, "-m", "contactimport_sandbox")]
    argv += ["--host", host, "--port", str(port), "--db", str(db), "--log-level", "warning"]
    if fixtures is not None:
        argv += ["--fixtures", str(fixtures)]
    argv += args
    log_path = output if isinstance(output, Path) else None
    log = log_path.open("wb") if log_path is not None else None
    target = log if log is not None else output
    assert not isinstance(target, Path)
    process = subprocess.Popen(
        argv,
        cwd=cwd,
        env=None if env is None else dict(env),
        stdout=target,
        stderr=None if target is None else subprocess.STDOUT,
    )
    server = SpawnedSandbox(url, process, log)
    try:
        wait_until_healthy(url, process, timeout, log_path)
    except BaseException:
        server.stop()
        raise
    return server


def wait_until_healthy(
    url: str,
    process: subprocess.Popen[Any],
    timeout: float = START_TIMEOUT_S,
    log_path: Path | None = None,
) -> None:
    """Return once ``url``'s ``/_sandbox/health`` answers 200; ``SandboxStartError`` when the
    process ends first (quoting ``log_path``) or ``timeout`` seconds pass."""

    def ended() -> str | None:
        if process.poll() is None:
            return None
        told = ""
        if log_path is not None:
            with contextlib.suppress(OSError):
                told = ":\n" + log_path.read_text(errors="replace")
        return f"exited with {process.returncode} while starting{told}"

    await_health(url, ended, timeout)


def await_health(
    url: str, ended: Callable[[], str | None], timeout: float, interval: float = 0.05
) -> None:
    """Poll ``url``'s ``/_sandbox/health`` until it answers 200 (either launcher's wait).

    ``ended()`` says why the server is gone (None while it runs): ``SandboxStartError`` then,
    or after ``timeout`` seconds without an answer.
    """
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2.0, trust_env=False) as http:
        while True:
            gone = ended()
            if gone is not None:
                raise SandboxStartError(f"the sandbox at {url} {gone}")
            try:
                if http.get(url + "/_sandbox/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SandboxStartError(f"the sandbox at {url} did not answer within {timeout} s")
            time.sleep(interval)
