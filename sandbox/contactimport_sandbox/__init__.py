"""contactimport sandbox: a stateful reference server for the W50API and CheckMarket v3 import APIs.

``create_app(db, fixtures, options)`` gives the ASGI app; ``serve(host, port, db, fixtures)`` runs
it with uvicorn; ``python -m contactimport_sandbox --help`` does the same from a shell.
``running_sandbox`` serves it in a background thread (tests), ``spawn_sandbox`` in a child
process on a free port (``free_port``: benchmarks, the demo, the examples); ``SandboxHandle``
drives a running one (reset, faults, seeding, the clock); ``contactimport_sandbox.pytest_plugin``
gives both as pytest fixtures.

The names that need the ``[sandbox]`` extra (Starlette, uvicorn) are imported when first used, so
importing this package (pytest loads the plugin module inside it) costs nothing without it.
"""

from __future__ import annotations

import importlib
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .faults import FaultRule, FaultSettings
from .fixtures import Fixtures, FixturesError, load_fixtures
from .launch import SandboxStartError, SpawnedSandbox, free_port, spawn_sandbox
from .paths import W50_PREFIX
from .store import MEMORY

if TYPE_CHECKING:
    from .app import Sandbox, SandboxOptions, create_app
    from .running import RunningSandbox, running_sandbox
    from .testing import SandboxHandle

# name -> the submodule it is imported from on first use
_LAZY = {
    "Sandbox": "app",
    "SandboxOptions": "app",
    "create_app": "app",
    "RunningSandbox": "running",
    "running_sandbox": "running",
    "SandboxHandle": "testing",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


DEFAULT_DB = "contactimport-sandbox.db"

__all__ = [
    "DEFAULT_DB",
    "MEMORY",
    "FaultRule",
    "FaultSettings",
    "Fixtures",
    "FixturesError",
    "RunningSandbox",
    "Sandbox",
    "SandboxHandle",
    "SandboxOptions",
    "SandboxStartError",
    "SpawnedSandbox",
    "create_app",
    "export_lines",
    "free_port",
    "load_fixtures",
    "running_sandbox",
    "serve",
    "serve_proxy",
    "serve_replay",
    "spawn_sandbox",
]


def serve(
    host: str = "127.0.0.1",
    port: int = 8080,
    db: str | Path = DEFAULT_DB,
    fixtures: str | Path | None = None,
    options: SandboxOptions | None = None,
    log_level: str = "info",
) -> None:
    """Run the sandbox with uvicorn until interrupted (state in ``db``; ``:memory:`` for none).

    Before it serves, it prints to stderr the ``export`` lines that point the clients at it, with
    the fixtures' credentials (port 0 binds a free port, and the lines name it).
    It sets the process's switch interval (``sys.setswitchinterval``) for the server's sake.
    """
    import uvicorn

    from .app import create_app
    from .serving import SWITCH_INTERVAL_S, listening_socket, server_config

    app = create_app(db=db, fixtures=fixtures, options=options)
    listener = listening_socket(host, port)
    bound_host, bound_port = listener.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    environment = app.state.sandbox.fixtures.client_environment(
        f"http://{shown_host}:{bound_port}", W50_PREFIX
    )
    print(
        f"# serving http://{shown_host}:{bound_port} (W50API under {W50_PREFIX}, CheckMarket"
        " under /3); point the clients at it with:\n"
        + export_lines(environment)
        + "\n# its control endpoints (/_sandbox/faults, /_sandbox/reset, /_sandbox/clock, ...)"
        " take the header"
        f" X-Sandbox-Admin-Key: {app.state.sandbox.fixtures.admin_key}",
        file=sys.stderr,
        flush=True,
    )
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    uvicorn.Server(server_config(app, host, bound_port, log_level)).run(sockets=[listener])


def serve_proxy(
    upstreams: Mapping[str, str],
    host: str = "127.0.0.1",
    port: int = 8080,
    record: str | Path | None = None,
    log_level: str = "info",
) -> None:
    """Run the validating proxy (``proxy.create_proxy_app``) until interrupted: ``upstreams``
    maps ``which50`` and/or ``checkmarket`` to the vendor's base URL; ``record``: a folder to
    write the exchanges to as cassettes."""
    from .proxy import create_proxy_app

    app = create_proxy_app(upstreams, record=record)
    lines = [f"#   {api} -> {url}" for api, url in sorted(upstreams.items())]
    recording = f"; recording to {record}" if record is not None else ""
    _serve(app, host, port, log_level, "validating proxy" + recording, lines)


def serve_replay(
    folder: str | Path, host: str = "127.0.0.1", port: int = 8080, log_level: str = "info"
) -> None:
    """Answer from the cassettes in ``folder`` (``replay.create_replay_app``) until interrupted."""
    from .replay import create_replay_app

    app = create_replay_app(folder)
    _serve(app, host, port, log_level, f"replaying the cassettes in {folder}", [])


def _serve(app: Any, host: str, port: int, log_level: str, what: str, lines: list[str]) -> None:
    import uvicorn

    from .serving import listening_socket

    listener = listening_socket(host, port)
    bound_host, bound_port = listener.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(
        f"# {what} at http://{shown_host}:{bound_port} (W50API under {W50_PREFIX}, CheckMarket"
        " under /3); clients send their own credentials, which are forwarded, never logged;"
        " GET /_sandbox/violations lists what does not match the specs (header"
        " X-Sandbox-Admin-Key)",
        *lines,
        sep="\n",
        file=sys.stderr,
        flush=True,
    )
    config = uvicorn.Config(app, host=host, port=bound_port, log_level=log_level, access_log=False)
    uvicorn.Server(config).run(sockets=[listener])


def export_lines(environment: Mapping[str, str]) -> str:
    """``export NAME=value`` lines a POSIX shell reads back as ``environment``."""
    return "\n".join(f"export {name}={shlex.quote(value)}" for name, value in environment.items())
