"""Driving a workflow's ``steps()`` generator by hand: each test sends the outcome of the action
yielded (or throws its error) and asserts the next action, with no driver, thread or sleep; and
the API errors the workflow tests throw."""

from __future__ import annotations

from typing import Any

import pytest
from contactimport.errors import (
    APIConnectionError,
    ConflictError,
    ErrorDetails,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)
from contactimport.workflows.poller import Pause, Steps

URL = "https://api.example.com/import"


def connection_dropped() -> APIConnectionError:
    return APIConnectionError("connection dropped", method="POST", url=URL)


def server_error(status: int = 503) -> ServerError:
    return ServerError(status_code=status, method="POST", url=URL, details=ErrorDetails())


def forbidden() -> PermissionDeniedError:
    return PermissionDeniedError(status_code=403, method="POST", url=URL, details=ErrorDetails())


def conflict() -> ConflictError:
    return ConflictError(status_code=409, method="POST", url=URL, details=ErrorDetails())


def rate_limited(retry_after: str | None = "1") -> RateLimitError:
    headers = {} if retry_after is None else {"retry-after": retry_after}  # as httpx gives them
    return RateLimitError(
        status_code=429, method="POST", url=URL, details=ErrorDetails(), headers=headers
    )


class Driver:
    """A workflow generator at the action it yielded last (``action``)."""

    def __init__(self, steps: Steps[Any]) -> None:
        self.steps = steps
        self.action: Any = next(steps)

    def send(self, value: Any = None) -> Any:
        """Give the current action's outcome; the next action."""
        self.action = self.steps.send(value)
        return self.action

    def throw(self, error: BaseException) -> Any:
        """Fail the current action with ``error``; the next action."""
        self.action = self.steps.throw(error)
        return self.action

    def finish(self, value: Any = None) -> Any:
        """Give the last action's outcome; the workflow's result."""
        with pytest.raises(StopIteration) as stop:
            self.steps.send(value)
        return stop.value.value

    def pause(self, most: float) -> float:
        """Assert the current action is a Pause of at most ``most`` seconds; ends it."""
        assert isinstance(self.action, Pause), self.action
        seconds = self.action.seconds
        assert 0 < seconds <= most
        self.send(None)
        return seconds
