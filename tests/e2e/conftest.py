"""End-to-end fixtures: the sandbox served by uvicorn on a free port (real HTTP, real SQLite).

Each test gets a fresh sandbox with its own database file, so list contents can be checked
exactly (see ``e2e_support.Sandbox``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

from contactimport_sandbox import SandboxOptions, create_app

from .e2e_support import Sandbox, free_port


@pytest.fixture
def sandbox_options() -> SandboxOptions:
    return SandboxOptions()


@pytest.fixture
def sandbox(tmp_path: Path, sandbox_options: SandboxOptions) -> Iterator[Sandbox]:
    import uvicorn

    db = tmp_path / "sandbox.db"
    application = create_app(db=db, options=sandbox_options)
    port = free_port()
    config = uvicorn.Config(application, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    yield Sandbox(f"http://127.0.0.1:{port}")
    server.should_exit = True
    thread.join(10)
    application.state.sandbox.close()
