"""``spawn_sandbox``: the sandbox in a child process on a free port, handed out once healthy.

The one launcher the demo, the examples, the benchmarks and the subprocess tests use
(``running_sandbox`` is its in-thread twin, tested through every live fixture).
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import httpx
import pytest
from contactimport_sandbox import SandboxStartError, free_port, spawn_sandbox

W50_AUTH = {"Authorization": "Bearer w50-acme-full"}


def test_free_port_is_bindable() -> None:
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_a_spawned_sandbox_answers_once_handed_out_and_stops_at_the_block_end(
    tmp_path: Path,
) -> None:
    with spawn_sandbox(tmp_path / "sandbox.db", output=tmp_path / "sandbox.log") as server:
        assert server.process.poll() is None
        assert httpx.get(server.url + "/_sandbox/health").status_code == 200
        lists = httpx.get(server.which50_url + "/contactLists", headers=W50_AUTH)
        assert lists.status_code == 200
        assert server.checkmarket_url == server.url
    assert server.process.poll() is not None
    assert server.stop() == server.process.returncode  # a second stop is harmless


def test_a_sandbox_that_exits_while_starting_is_reported_with_its_output(tmp_path: Path) -> None:
    log = tmp_path / "sandbox.log"
    with pytest.raises(SandboxStartError, match="nonexistent"):
        spawn_sandbox(":memory:", fixtures=tmp_path / "nonexistent.json", output=log, timeout=60)


def test_a_command_that_never_answers_is_stopped_after_the_timeout(tmp_path: Path) -> None:
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)", "--"]
    with pytest.raises(SandboxStartError, match="did not answer"):
        spawn_sandbox(command=sleeper, output=tmp_path / "out.log", timeout=0.5)
