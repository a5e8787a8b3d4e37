"""Fixtures for the overlay tests: the sandbox in process (sync via a2wsgi, async via ASGI) and
over real HTTP (uvicorn on a free port, one server per test session), plus fast retry policies."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveSandbox]:
    """One uvicorn server for the session (in-memory state; tests use their own jobs/contacts)."""
    pytest.importorskip("uvicorn")
    from contactimport_sandbox import running_sandbox

    with running_sandbox() as server:
        yield LiveSandbox(origin=server.url, app=server.app)


@pytest.fixture
def live(live_server: LiveSandbox) -> Iterator[LiveSandbox]:
    """The live server with fault injection switched off before and after the test."""
    live_server.clear_faults()
    yield live_server
    live_server.clear_faults()
