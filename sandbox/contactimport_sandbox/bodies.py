"""Request bodies: read within the spec's size limit (``x-request-limits``), and a bounded number
of large ones handled at once."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from starlette.requests import Request

from .errors import BadRequest, ServiceUnavailable
from .spec import RequestLimits


class LargeBodies:
    """At most ``limits.concurrent_large_bodies`` requests with a body over
    ``limits.large_body_bytes`` are handled at once (assumption request-limits); another is
    refused with 503 and Retry-After as soon as its size is known, before it is read."""

    def __init__(self, limits: RequestLimits) -> None:
        self.limits = limits
        self.lock = threading.Lock()
        self.active = 0

    @contextlib.contextmanager
    def slot(self) -> Iterator[BodySlot]:
        """One request's claim: taken by ``BodySlot.admit`` once its body is known to be large,
        given back when the request is done."""
        claim = BodySlot(self)
        try:
            yield claim
        finally:
            if claim.held:
                with self.lock:
                    self.active -= 1


class BodySlot:
    def __init__(self, bodies: LargeBodies) -> None:
        self.bodies = bodies
        self.held = False

    def admit(self, size: int) -> None:
        """Note that the body has ``size`` bytes (at least); 503 when it is large and every
        slot for large bodies is taken."""
        limits = self.bodies.limits
        if self.held or size <= limits.large_body_bytes:
            return
        with self.bodies.lock:
            if self.bodies.active >= limits.concurrent_large_bodies:
                raise ServiceUnavailable(
                    f"The service is handling {limits.concurrent_large_bodies} request bodies "
                    f"over {limits.large_body_bytes} bytes; retry after "
                    f"{limits.retry_after_seconds} seconds.",
                    limits.retry_after_seconds,
                )
            self.bodies.active += 1
            self.held = True


async def read_body(
    request: Request, max_bytes: int, slot: BodySlot | None = None
) -> bytes | bytearray:
    """The request body, refused with 400 as soon as it is known to exceed ``max_bytes`` (the
    spec's ``x-request-limits`` ``maxBodyBytes``).

    A Content-Length over the limit is refused before any of the body is read; a body without
    one (chunked) is read chunk by chunk and refused at the first chunk past the limit, so an
    oversized body is never held in memory whole. 400, not 413: the specs document 400 for a
    malformed body on every operation that takes one, and no 413. A large body takes a ``slot``
    first (503 when none is free): on its Content-Length, else once that much has arrived. The
    body is gathered into one buffer of its declared size (no list of chunks joined at the end:
    that holds it twice).
    """
    too_large = f"The request body exceeds {max_bytes} bytes."
    declared = request.headers.get("content-length")
    expected = 0
    if declared is not None:
        if not declared.strip().isdigit():
            raise BadRequest(f"The Content-Length header '{declared}' is not a byte count.")
        expected = int(declared)
        if expected > max_bytes:
            raise BadRequest(too_large)
        if slot is not None:
            slot.admit(expected)
    buffer = bytearray(expected)
    size = 0
    async for chunk in request.stream():
        end = size + len(chunk)
        if end > max_bytes:
            raise BadRequest(too_large)
        if slot is not None:
            slot.admit(end)
        if end <= len(buffer):
            buffer[size:end] = chunk
        else:
            del buffer[size:]
            buffer += chunk
        size = end
    del buffer[size:]
    return buffer


def blank(raw: bytes | bytearray) -> bool:
    """Whether a body is empty or only whitespace (without copying it, as strip() would)."""
    return not raw or raw.isspace()
