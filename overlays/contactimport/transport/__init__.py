"""HTTP plumbing shared by the clients: retrying/logging transports and credential redaction."""

from .redaction import REDACTED, redact_headers, redact_text, redact_url
from .retry import (
    ATTEMPTS_EXTENSION,
    EXTENSION,
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
    is_replay_safe,
    mark_request,
)

__all__ = [
    "ATTEMPTS_EXTENSION",
    "EXTENSION",
    "REDACTED",
    "AsyncRetryTransport",
    "RetryPolicy",
    "RetryTransport",
    "is_replay_safe",
    "mark_request",
    "redact_headers",
    "redact_text",
    "redact_url",
]
