"""How an import workflow retries one of its steps, after the client's own retries: by the
transport's rules (what is transient, `workflows.errors.is_transient`) and its one backoff
formula (`transport.retry.backoff_delay`).

The worst case for one replay-safe call: the client sends it up to ``1 + max_retries`` times
(default 3) for each of the workflow's ``max_attempts`` (default 8), 24 sends in all
(docs/retries.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..transport.retry import CONFLICT_STATUSES, backoff_delay

__all__ = ["RetrySettings", "is_conflict"]


@dataclass(frozen=True)
class RetrySettings:
    """How the workflow retries a step whose error may be transient (after the client's own)."""

    max_attempts: int = 8
    initial_backoff: float = 0.5
    max_backoff: float = 8.0

    def delay(self, attempt: int) -> float:
        """The pause after failed attempt ``attempt`` (1-based): the transport's backoff."""
        return backoff_delay(attempt - 1, self.initial_backoff, self.max_backoff)


def is_conflict(error: BaseException) -> bool:
    """Whether an error is an answer saying the request clashed with the resource's state
    (409): never resent; the workflow reads the state instead."""
    return getattr(error, "status_code", None) in CONFLICT_STATUSES
