"""The one way to run the sandbox in the background of a Python process: a uvicorn server in a
thread, on a free port, answering ``/_sandbox/health`` before it is handed out, stopped on exit.

Used by the pytest plugin (``contactimport_sandbox.pytest_plugin``) and by our end-to-end tests
(``spawn_sandbox`` runs it in a process of its own instead)::

    with running_sandbox(db=":memory:") as server:
        httpx.get(server.url + "/_sandbox/health")
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .app import SandboxOptions, create_app
from .fixtures import Fixtures
from .launch import START_TIMEOUT_S, STOP_TIMEOUT_S, await_health
from .paths import ClientUrls
from .serving import listening_socket, server_config
from .store import MEMORY


@dataclass(frozen=True)
class RunningSandbox(ClientUrls):
    """A sandbox served in this process: its origin URL and the app (``app.state.sandbox``)."""

    url: str
    app: Any


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
        await_health(url, lambda: None if thread.is_alive() else "ended while starting",
                     START_TIMEOUT_S, interval=0.005)  # fmt: skip
        yield url
    finally:
        server.should_exit = True
        thread.join(STOP_TIMEOUT_S)
        listener.close()
