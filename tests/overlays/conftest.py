"""Fixtures for the overlay tests: the sandbox in process (sync via a2wsgi, async via ASGI) and
over real HTTP (uvicorn on a free port, one server per test session), plus fast retry policies."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from .overlay_support import LiveSandbox


@pytest.fixture
def sandbox_app() -> Iterator[Any]:
    """A fresh sandbox (in-memory SQLite, default fixtures) for one test."""
    pytest.importorskip("starlette")
    from contactimport_sandbox import create_app

    app = create_app()
    yield app
    app.state.sandbox.worker.stop()


@pytest.fixture
def sync_transport(sandbox_app: Any) -> httpx.BaseTransport:
    """The sandbox behind a sync in-process transport (a2wsgi bridges ASGI to WSGI)."""
    a2wsgi = pytest.importorskip("a2wsgi")
    return httpx.WSGITransport(app=a2wsgi.ASGIMiddleware(sandbox_app))


@pytest.fixture
def async_transport(sandbox_app: Any) -> httpx.AsyncBaseTransport:
    return httpx.ASGITransport(app=sandbox_app)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveSandbox]:
    """One uvicorn server for the session (in-memory state; tests use their own jobs/contacts)."""
    pytest.importorskip("uvicorn")
    import uvicorn
    from contactimport_sandbox import create_app

    app = create_app()
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="sandbox-uvicorn", daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while True:
        try:
            if httpx.get(f"{origin}/_sandbox/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the sandbox did not start")
        time.sleep(0.05)
    try:
        yield LiveSandbox(origin=origin, app=app)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def live(live_server: LiveSandbox) -> Iterator[LiveSandbox]:
    """The live server with fault injection switched off before and after the test."""
    live_server.clear_faults()
    yield live_server
    live_server.clear_faults()
