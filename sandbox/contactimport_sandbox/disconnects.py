"""Clients that go away mid-request (logged in one line, never a traceback), the dropped
connection of a fault, and errors whose frames must not keep a request's body alive."""

from __future__ import annotations

import logging
from collections.abc import Coroutine

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("contactimport_sandbox")


def forget_frames(exc: BaseException) -> None:
    """Drop the tracebacks of an answered error and of the errors it was raised from.

    Their frames hold the request's body, its text and what was decoded from it, and the error
    itself stays referenced from a reference cycle through the thread pool's future: without
    this a refused 60 MB body stayed resident until the next garbage collection (issue 20).
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__


async def drop_connection(send: Send) -> None:
    """Start a response and stop mid-body: the client sees the connection dropped."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"1024")],
        }
    )
    await send({"type": "http.response.body", "body": b'{"', "more_body": True})
    raise ConnectionAbortedError("sandbox fault injection: connection dropped")


def _arrived(receive: Receive) -> Message | None:
    """The message ``receive()`` has ready, or None when it would have to wait: the coroutine is
    run to its first suspension and closed there (a cancelled scope would cost an event loop
    turn on every request; this costs nothing when the client is still there)."""
    step = receive()
    if not isinstance(step, Coroutine):
        return None
    try:
        step.send(None)
    except StopIteration as done:
        message: Message = done.value
        return message
    step.close()
    return None


class ClientGone:
    """ASGI middleware: a client that goes away mid-request is logged as one WARNING line (the
    method, the path, how far the request got), never as a traceback.

    Noticed two ways: reading the body fails (Starlette's ``ClientDisconnect``: the connection
    closed mid-upload), or a non-blocking look at the connection just before the answer starts
    finds it closed (uvicorn would drop the answer silently; the work was done, the client does
    not know). The answer to a client that has gone is not sent. The look is taken only when
    nothing of the body is left to read (none was declared, or the endpoint read it all): it
    never takes a chunk of a body the endpoint refused unread, nor invites one with
    ``100 Continue``.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        gone = False
        may_look = not any(
            name == b"transfer-encoding" or (name == b"content-length" and value.strip() != b"0")
            for name, value in scope["headers"]
        )

        async def watched_receive() -> Message:
            nonlocal gone, may_look
            message = await receive()
            if message["type"] == "http.disconnect":
                gone = True
            elif not message.get("more_body", False):
                may_look = True  # the body is read to its end
            return message

        async def checked_send(message: Message) -> None:
            nonlocal gone
            if message["type"] == "http.response.start" and may_look and not gone:
                arrived = _arrived(receive)
                gone = arrived is not None and arrived["type"] == "http.disconnect"
            if not gone:
                await send(message)

        try:
            await self.app(scope, watched_receive, checked_send)
        except ClientDisconnect:
            self.log(scope, "before its request body was complete")
            return
        if gone:
            self.log(scope, "before the answer was sent")

    @staticmethod
    def log(scope: Scope, when: str) -> None:
        log.warning("%s %s: the client went away %s", scope["method"], scope["path"], when)
