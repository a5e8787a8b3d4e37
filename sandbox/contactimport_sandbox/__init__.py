"""contactimport sandbox: a stateful reference server for the W50API and CheckMarket v3 import APIs.

``create_app(db, fixtures, options)`` gives the ASGI app; ``serve(host, port, db, fixtures)`` runs
it with uvicorn; ``python -m contactimport_sandbox --help`` does the same from a shell.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .app import Sandbox, SandboxOptions, create_app
from .faults import FaultRule, FaultSettings
from .fixtures import Fixtures, FixturesError, load_fixtures
from .store import MEMORY

DEFAULT_DB = "contactimport-sandbox.db"

__all__ = [
    "DEFAULT_DB",
    "MEMORY",
    "FaultRule",
    "FaultSettings",
    "Fixtures",
    "FixturesError",
    "Sandbox",
    "SandboxOptions",
    "create_app",
    "load_fixtures",
    "serve",
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

    It sets the process's switch interval (``sys.setswitchinterval``) for the server's sake.
    """
    import uvicorn

    from .serving import SWITCH_INTERVAL_S, server_config

    app = create_app(db=db, fixtures=fixtures, options=options)
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    uvicorn.Server(server_config(app, host, port, log_level)).run()
