"""Replay: answer from a folder of cassettes the proxy recorded (``--record DIR``), offline.

A request is answered by the next unused cassette recorded for the same method, path and query,
in recorded order; once they are used, the last one answers again (a client that polls a status
more often than when it was recorded still gets the final answer). A request with no cassette
gets 404 with ``{"Message": ...}`` naming it. Credentials are not compared: the cassettes hold
none. ``GET /_sandbox/replay`` (admin key) tells which cassettes were used.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .proxy import ADMIN_HEADER, body_from_record

Key = tuple[str, str, str]  # method, path, query


class CassetteError(ValueError):
    """A cassette folder or file is not as the proxy writes them."""


def load_cassettes(folder: str | Path) -> list[tuple[Path, dict[str, Any]]]:
    """Every cassette of a folder, in recorded order (their file names)."""
    root = Path(folder)
    if not root.is_dir():
        raise CassetteError(f"{root} is not a folder of cassettes")
    found = []
    for path in sorted(root.glob("*.json")):
        try:
            exchange = json.loads(path.read_text("utf-8"))
            if not isinstance(exchange["request"]["method"], str):
                raise TypeError("request.method is not a string")
            int(exchange["response"]["status"])
        except (ValueError, KeyError, TypeError) as exc:
            raise CassetteError(f"{path.name} is not a cassette: {exc!r}") from None
        found.append((path, exchange))
    return found


def create_replay_app(folder: str | Path, admin_key: str | None = None) -> Starlette:
    """The replay as an ASGI app answering from the cassettes in ``folder``."""
    if admin_key is None:
        from .fixtures import load_fixtures

        admin_key = load_fixtures().admin_key
    queues: dict[Key, deque[tuple[Path, dict[str, Any]]]] = {}
    for path, exchange in load_cassettes(folder):
        request = exchange["request"]
        key = (str(request["method"]), str(request["path"]), str(request.get("query", "")))
        queues.setdefault(key, deque()).append((path, exchange))
    used: list[str] = []
    lock = threading.Lock()

    async def answer(request: Request) -> Response:
        key = (request.method, request.url.path, request.url.query)
        with lock:
            queue = queues.get(key)
            if not queue:
                return JSONResponse(
                    {"Message": f"No recorded exchange for {request.method} {request.url.path}"},
                    status_code=404,
                )
            path, exchange = queue.popleft() if len(queue) > 1 else queue[0]
            used.append(path.name)
        recorded = exchange["response"]
        response = Response(body_from_record(recorded.get("body", {})), int(recorded["status"]))
        headers = [
            (str(k).encode("latin-1"), str(v).encode("latin-1"))
            for k, v in dict(recorded.get("headers", {})).items()
            if str(k).lower() not in ("content-length", "content-encoding", "transfer-encoding")
        ]
        response.raw_headers = [
            *headers,
            *[(k, v) for k, v in response.raw_headers if k == b"content-length"],
        ]
        return response

    async def replay_state(request: Request) -> Response:
        import hmac

        given = request.headers.get(ADMIN_HEADER, "")
        if not given or not hmac.compare_digest(given.encode(), str(admin_key).encode()):
            return JSONResponse({"Message": f"The {ADMIN_HEADER} header is needed."}, 401)
        with lock:
            return JSONResponse({"Used": list(used)})

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "replay": str(folder)})

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
    return Starlette(
        routes=[
            Route("/_sandbox/replay", replay_state, methods=["GET"]),
            Route("/_sandbox/health", health, methods=["GET"]),
            Route("/{path:path}", answer, methods=methods),
        ]
    )
