"""The one way to run the sandbox in the background of a Python process: a uvicorn server in a
thread, on a free port, answering ``/_sandbox/health`` before it is handed out, stopped on exit.

Used by the pytest plugin (``contactimport_sandbox.pytest_plugin``) and by our end-to-end tests
(``spawn_sandbox`` runs it in a process of its own instead)::

    with running_sandbox(db=":memory:") as server:
        httpx.get(server.url + "/_sandbox/health")
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from .app import SandboxOptions, create_app
from .fixtures import Fixtures
from .launch import START_TIMEOUT_S, STOP_TIMEOUT_S, SandboxStartError
from .paths import W50_PREFIX
from .serving import listening_socket, server_config
from .store import MEMORY


@dataclass(frozen=True)
class RunningSandbox:
    """A sandbox served in this process: its origin URL and the app (``app.state.sandbox``)."""

    url: str
    app: Any

    @property
    def which50_url(self) -> str:
        return self.url + W50_PREFIX

    @property
    def checkmarket_url(self) -> str:
        return self.url


@contextmanager
def running_sandbox(
    db: str | Path = MEMORY,
    fixtures: str | Path | Fixtures | None = None,
    options: SandboxOptions | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    log_level: str = "warning",
) -> Iterator[RunningSandbox]:
    """Serve a sandbox (``create_app``'s arguments) in a daemon thread until the block ends.

    Port 0 binds a free port. The process's logging configuration is left alone.
    """
    app = create_app(db=db, fixtures=fixtures, options=options)
    try:
        with serving(app, host, port, log_level) as url:
            yield RunningSandbox(url, app)
    finally:
        app.state.sandbox.close()


@contextmanager
def serving(
    app: Any, host: str = "127.0.0.1", port: int = 0, log_level: str = "warning"
) -> Iterator[str]:
    """Serve any of the sandbox's ASGI apps (the sandbox, the proxy, a replay) in a daemon
    thread until the block ends; yields its origin URL once ``/_sandbox/health`` answers."""
    import uvicorn

    listener = listening_socket(host, port)
    bound_host, bound_port = listener.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    url = f"http://{shown}:{bound_port}"
    if hasattr(getattr(app, "state", None), "sandbox"):
        config = server_config(app, host, bound_port, log_level, configure_logging=False)
    else:
        config = uvicorn.Config(
            app, host=host, port=bound_port, log_level=log_level, log_config=None, access_log=False
        )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run,
        kwargs={"sockets": [listener]},
        name=f"contactimport-sandbox-{bound_port}",
        daemon=True,
    )
    thread.start()
    try:
        _wait_until_healthy(url, server, thread)
        yield url
    finally:
        server.should_exit = True
        thread.join(STOP_TIMEOUT_S)
        listener.close()


def _wait_until_healthy(url: str, server: Any, thread: threading.Thread) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    with httpx.Client(timeout=2.0, trust_env=False) as http:
        while True:
            if not thread.is_alive():
                raise SandboxStartError(f"the sandbox server at {url} ended while starting")
            if server.started:
                try:
                    if http.get(url + "/_sandbox/health").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
            if time.monotonic() > deadline:
                raise SandboxStartError(f"the sandbox at {url} did not answer in time")
            time.sleep(0.005)
