"""Errors the domain raises; the HTTP layer turns each into the API's documented error body."""

from __future__ import annotations

from typing import ClassVar


class SandboxError(Exception):
    """An error with an HTTP status and a message safe to show the client."""

    status: ClassVar[int] = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadRequest(SandboxError):
    status = 400


class Unauthorized(SandboxError):
    status = 401


class Forbidden(SandboxError):
    status = 403


class NotFound(SandboxError):
    status = 404


class NotAcceptable(SandboxError):
    status = 406


class Conflict(SandboxError):
    status = 409


class UnsupportedMediaType(SandboxError):
    status = 415


class ExpectationFailed(SandboxError):
    status = 417


class ServiceUnavailable(SandboxError):
    """503: the request was not processed; the client may send it again after ``retry_after``
    seconds (answered with a Retry-After header)."""

    status = 503

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
