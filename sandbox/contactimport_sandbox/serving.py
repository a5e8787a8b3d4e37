"""How the sandbox server runs: uvicorn's settings, and GET requests ahead of the background worker.

The background worker and the thread pool share the process (and its GIL) with the event loop
that answers every request. ``ReadsFirst`` marks each GET request as a read in progress for its
handling, so the worker's long steps step aside for it at their next yield point
(``Store.wait_for_reads``); a short switch interval bounds how long the loop waits for the GIL
otherwise. So a client polling a job's status is answered about as fast during an import as
before it (``python bench/bench_sandbox.py --pollers 50 --contacts 300000``).
"""

from __future__ import annotations

import socket
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .store import Store

# Seconds uvicorn keeps an idle keep-alive connection open. Longer than the clients' own idle
# limit (httpx closes a pooled connection idle for 5 s) and than the SDK's longest pause between
# polls (10 s): a client then always drops an idle connection before the server does, never
# sends a request on a connection the server is closing at that moment (the request would get
# no answer). uvicorn's default, 5 s, is exactly httpx's: the two raced.
KEEP_ALIVE_S = 75
# The interpreter's switch interval while the server runs (Python's default: 5 ms). A thread
# waiting for the GIL waits that long for a thread busy in Python to let it go; the event loop
# waits so at every socket or SQLite call while an upload is decoded and validated in the thread
# pool (which no yield point parts), so a poll took several of those waits.
SWITCH_INTERVAL_S = 0.0005


class ReadsFirst:
    """ASGI middleware: a GET or HEAD request is a read in progress (``Store.start_read``) from
    when it reaches the app until the last part of its answer is handed to the server."""

    def __init__(self, app: ASGIApp, store: Store) -> None:
        self.app = app
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        store = self.store
        ticket = store.start_read()

        async def answer(message: Message) -> None:
            # Ended before the last part is sent: the worker must not wait while the answer waits
            # for a slow client to read it.
            if message["type"] == "http.response.body" and not message.get("more_body"):
                store.end_read(ticket)
            await send(message)

        try:
            await self.app(scope, receive, answer)
        finally:
            store.end_read(ticket)


BACKLOG = 2048  # uvicorn's own


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host``:``port`` (0: a free port) and listening, for uvicorn to
    serve on: so the port is known before serving (the export lines name it).

    Its protocol is IPPROTO_TCP, stated: asyncio sets TCP_NODELAY only on sockets whose ``proto``
    says TCP, and ``socket.create_server`` leaves it 0; without TCP_NODELAY every answer waited
    for the client's delayed ACK, about 40 ms a request on Linux.
    """
    family, kind, proto, _name, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )[0]
    listener = socket.socket(family, kind, proto)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(BACKLOG)
    except OSError:
        listener.close()
        raise
    return listener


def server_config(
    app: Any, host: str, port: int, log_level: str, configure_logging: bool = True
) -> Any:
    """uvicorn's Config for the sandbox app (``create_app``'s), with ReadsFirst around it.

    ``configure_logging=False`` leaves the process's logging as it is (uvicorn otherwise
    installs its own configuration): for a server inside someone else's process, a test run.
    """
    import uvicorn

    extra: dict[str, Any] = {} if configure_logging else {"log_config": None}
    return uvicorn.Config(
        ReadsFirst(app, app.state.sandbox.store),
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        timeout_keep_alive=KEEP_ALIVE_S,
        **extra,
    )
