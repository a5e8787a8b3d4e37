"""Retries, backoff and request logging as httpx transports (sync and async).

The clients mount `RetryTransport` / `AsyncRetryTransport` around the real transport, so the
generated code never knows about resilience. The rule for what is retried:

* **Nothing reached the server** (connection refused, DNS failure, connect or pool timeout):
  retried for every request.
* **429 Too Many Requests, 503 Service Unavailable *with* Retry-After**: the server says it did
  not process the request (our spec documents both as "rejected before processing", the usual
  meaning of these codes with Retry-After); retried for every request, waiting Retry-After
  (capped by `RetryPolicy.max_retry_after`).
* **The request may have been processed** (read timeout, connection dropped after sending,
  502, 503 without Retry-After, 504): retried only for *replay-safe* requests, i.e. requests whose
  repetition cannot change the outcome: GET/HEAD/OPTIONS, DELETE, a full-replace PUT, and W50
  upserts that carry `match` (a repeat matches the contact the first attempt wrote). A batch
  upload, a job run, creating a job or configuration, a bulk import, an upsert without `match`
  are **not** replayed: a second copy could duplicate contacts or start work twice. The error is
  raised instead, and the caller (e.g. the import workflow) checks the job's state before
  deciding what to resend.
* **500 Internal Server Error**: retried only for safe methods (GET/HEAD/OPTIONS).
* **409 Conflict** and every other answer: returned. A 409 says the request clashed with the
  resource's state (a W50 job that already runs): a caller looks at the state instead (the W50
  import workflow does, `CONFLICT_STATUSES`).

These rules are exported for the import workflows, which retry a whole step (after the client's
own retries) by the same ones: `TRANSIENT_STATUSES`, `rejected_before_processing`,
`CONFLICT_STATUSES` and the one backoff formula, `backoff_delay`.

Responses are read whole inside the transport (these APIs never stream), so a connection dropped
in the middle of a body counts as a failed attempt.

Delays grow exponentially (`initial_backoff * 2**n`, capped at `max_backoff`) with random jitter
(`backoff_delay`), or follow Retry-After when the server sends it. Each attempt is logged on the
`contactimport.http` logger with credentials redacted.

The clients mark each request with its replay-safety through the request extension
`"contactimport"` (a dict with `operation`, `replay_safe` and, from the clients, the
`retry_policy` of the client that sent it, which wins over the transport's: copies made with
`with_options(max_retries=...)` share one pool and transport); unmarked requests are judged by
method: GET, HEAD, OPTIONS and DELETE are replayed; PUT is not (a W50 PUT runs a job or upserts).
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Final

import httpx

from .._spec import REPLAY_SAFE_METHODS, SAFE_METHODS
from .redaction import redact_headers, redact_request, redact_url

__all__ = [
    "ATTEMPTS_EXTENSION",
    "CONFLICT_STATUSES",
    "DEFAULT_JITTER",
    "EXTENSION",
    "REPLAY_SAFE_METHODS",
    "TRANSIENT_STATUSES",
    "AsyncRetryTransport",
    "RetryPolicy",
    "RetryTransport",
    "attempts_made",
    "backoff_delay",
    "is_replay_safe",
    "mark_request",
    "parse_retry_after",
    "rejected_before_processing",
]

logger = logging.getLogger("contactimport.http")

EXTENSION: Final = "contactimport"
"""Request extension key: ``{"operation": str, "replay_safe": bool}`` set by the clients."""

ATTEMPTS_EXTENSION: Final = "contactimport.attempts"
"""Response extension key: how many attempts the transport made (1 = no retry)."""


TRANSIENT_STATUSES: Final = frozenset({408, 425, 429, 500, 502, 503, 504})
"""Answers that may go away on their own: sent again when the request may be (see the module's
rule), and the statuses the workflows count as transient (`workflows.errors.is_transient`)."""

NOT_PROCESSED_STATUSES: Final = frozenset({429, 503})
"""With Retry-After, these answers say the request was rejected before processing."""

CONFLICT_STATUSES: Final = frozenset({409})
"""Answers saying the request clashed with the resource's state (perhaps one an earlier copy of
it made): never sent again; the caller reads the state instead."""

DEFAULT_JITTER: Final = 0.25
"""Up to this fraction of each backoff delay is removed at random (spreads out clients)."""

# Errors raised before the request left this machine: replaying them can never duplicate work.
_NOT_SENT_ERRORS: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class RetryPolicy:
    """How many times and how long to retry. `max_retries=0` switches retries off."""

    max_retries: int = 2
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    jitter: float = DEFAULT_JITTER
    """Up to this fraction of each backoff delay is removed at random (spreads out clients)."""
    max_retry_after: float = 60.0
    """Retry-After values above this are capped to it."""

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {self.max_retries}")
        if self.initial_backoff < 0 or self.max_backoff < 0 or self.max_retry_after < 0:
            raise ValueError("backoff delays must be >= 0")
        if not 0 <= self.jitter <= 1:
            raise ValueError(f"jitter must be between 0 and 1, got {self.jitter}")

    def backoff(self, retry_number: int, rng: random.Random) -> float:
        """Delay before retry `retry_number` (0-based) when the server gave no Retry-After."""
        return backoff_delay(
            retry_number, self.initial_backoff, self.max_backoff, jitter=self.jitter, rng=rng
        )


def backoff_delay(
    retry_number: int,
    initial_backoff: float,
    max_backoff: float,
    *,
    jitter: float = DEFAULT_JITTER,
    rng: random.Random | None = None,
) -> float:
    """The one backoff formula: ``min(max_backoff, initial_backoff * 2**retry_number)`` with up
    to ``jitter`` of it removed at random (retry 0 is the first one)."""
    base = min(max_backoff, math.ldexp(initial_backoff, max(0, retry_number)))
    return base * (1 - jitter * (rng or random).random())


def rejected_before_processing(status: int, retry_after: float | None) -> bool:
    """Whether an answer says the server did not process the request: 429 or 503 with
    Retry-After (RFC 9110 §15.6.4, RFC 6585 §4; the specs document both so)."""
    return status in NOT_PROCESSED_STATUSES and retry_after is not None


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date); None if absent or bad."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def mark_request(operation: str, *, replay_safe: bool) -> dict[str, Any]:
    """The `extensions` argument that tells the retry transport how to treat a request."""
    return {EXTENSION: {"operation": operation, "replay_safe": replay_safe}}


def is_replay_safe(request: httpx.Request) -> bool:
    """Whether sending this request twice has the same effect as sending it once."""
    mark = request.extensions.get(EXTENSION)
    if isinstance(mark, dict) and isinstance(mark.get("replay_safe"), bool):
        return bool(mark["replay_safe"])
    return request.method.upper() in REPLAY_SAFE_METHODS


def _operation(request: httpx.Request) -> str:
    mark = request.extensions.get(EXTENSION)
    if isinstance(mark, dict) and isinstance(mark.get("operation"), str):
        return str(mark["operation"])
    return "-"


def _retry_after_seconds(response: httpx.Response) -> float | None:
    return parse_retry_after(response.headers.get("retry-after"))


class _Decider:
    """The retry rule shared by the sync and async transports."""

    def __init__(self, policy: RetryPolicy, rng: random.Random) -> None:
        self.policy = policy
        self.rng = rng

    def for_response(
        self, request: httpx.Request, response: httpx.Response, retry_number: int
    ) -> float | None:
        """Seconds to wait before retrying, or None to return the response as it is."""
        policy = self.policy_for(request)
        if retry_number >= policy.max_retries:
            return None
        status = response.status_code
        if status not in TRANSIENT_STATUSES:
            return None  # the answer (read no header for it: this runs for every response)
        retry_after = _retry_after_seconds(response)
        if rejected_before_processing(status, retry_after):
            eligible = True  # documented as not processed: safe to resend anything
        elif status == 500:
            eligible = request.method.upper() in SAFE_METHODS
        else:
            eligible = is_replay_safe(request)
        if not eligible:
            return None
        if retry_after is not None:
            return min(retry_after, policy.max_retry_after)
        return policy.backoff(retry_number, self.rng)

    def for_error(
        self, request: httpx.Request, error: httpx.TransportError, retry_number: int
    ) -> float | None:
        policy = self.policy_for(request)
        if retry_number >= policy.max_retries:
            return None
        if isinstance(error, _NOT_SENT_ERRORS) or is_replay_safe(request):
            return policy.backoff(retry_number, self.rng)
        return None

    def policy_for(self, request: httpx.Request) -> RetryPolicy:
        """The request's own policy (a client copy made by `with_options` marks its requests
        with it), else the transport's."""
        mark = request.extensions.get(EXTENSION)
        policy = mark.get("retry_policy") if isinstance(mark, dict) else None
        return policy if isinstance(policy, RetryPolicy) else self.policy

    # The two steps of an attempt's outcome the sync and async loops share (with the logging):
    # only sending, reading and sleeping differ between them.

    def after_error(
        self, request: httpx.Request, error: httpx.TransportError, retry_number: int
    ) -> float | None:
        """Seconds to wait before retrying after a transport error, or None when the error is
        to be raised (then it carries the number of attempts: `attempts_made`)."""
        attempt = retry_number + 1
        delay = self.for_error(request, error, retry_number)
        if delay is None:
            if retry_number or not isinstance(error, _NOT_SENT_ERRORS):
                _log_giving_up(request, _error_reason(error), attempt)
            _annotate(error, attempt)
            # The error is raised to the caller: it keeps a copy of the request without the
            # credentials (an httpx client sending through this transport attaches its own
            # request again; the SDK's clients never pass the httpx error on).
            error.request = redact_request(request)
            return None
        _log_retry(request, _error_reason(error), delay, retry_number)
        return delay

    def after_response(
        self, request: httpx.Request, response: httpx.Response, retry_number: int, started: float
    ) -> float | None:
        """Seconds to wait before retrying after a response, or None when the response is the
        answer (then it carries the number of attempts in ATTEMPTS_EXTENSION)."""
        attempt = retry_number + 1
        _log_response(request, response, started)
        delay = self.for_response(request, response, retry_number)
        if delay is None:
            if response.status_code in (429, 500, 502, 503, 504):
                _log_giving_up(request, f"status {response.status_code}", attempt)
            if isinstance(response.extensions, dict):
                response.extensions[ATTEMPTS_EXTENSION] = attempt
            else:
                response.extensions = {**response.extensions, ATTEMPTS_EXTENSION: attempt}
            return None
        _log_retry(request, f"status {response.status_code}", delay, retry_number)
        return delay


def _log_request(request: httpx.Request, attempt: int) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "request %s %s operation=%s attempt=%d headers=%s body_bytes=%d",
            request.method,
            redact_url(request.url),
            _operation(request),
            attempt,
            redact_headers(request.headers),
            len(request.content) if _has_content(request) else -1,
        )


def _has_content(request: httpx.Request) -> bool:
    try:
        request.content  # noqa: B018 - raises when the body is an unread stream
    except httpx.RequestNotRead:
        return False
    return True


def _log_response(request: httpx.Request, response: httpx.Response, started: float) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "response %s %s status=%d elapsed_ms=%.1f headers=%s",
            request.method,
            redact_url(request.url),
            response.status_code,
            (time.perf_counter() - started) * 1000,
            redact_headers(response.headers),
        )


def _log_retry(request: httpx.Request, reason: str, delay: float, retry_number: int) -> None:
    logger.warning(
        "retrying %s %s (operation %s) after %s in %.2f s (retry %d)",
        request.method,
        redact_url(request.url),
        _operation(request),
        reason,
        delay,
        retry_number + 1,
    )


def _log_giving_up(request: httpx.Request, reason: str, attempts: int) -> None:
    level = logging.WARNING if attempts > 1 else logging.DEBUG
    logger.log(
        level,
        "not retrying %s %s (operation %s) after %s (attempts: %d, replay-safe: %s)",
        request.method,
        redact_url(request.url),
        _operation(request),
        reason,
        attempts,
        is_replay_safe(request),
    )


def _error_reason(error: httpx.TransportError) -> str:
    return f"{type(error).__name__}"


class RetryTransport(httpx.BaseTransport):
    """Wraps a sync transport with the retry rule above and redacted request logging."""

    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        *,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.transport = transport if transport is not None else httpx.HTTPTransport()
        self.policy = policy if policy is not None else RetryPolicy()
        self._decider = _Decider(self.policy, rng if rng is not None else random.Random())
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send the request; again after a failure only where the retry rule allows it."""
        retry_number = 0
        while True:
            if logger.isEnabledFor(logging.DEBUG):
                _log_request(request, retry_number + 1)
            started = time.perf_counter()
            try:
                response = self.transport.handle_request(request)
                # Read the body here: a connection dropped mid-body is a failure of this
                # attempt and must go through the same retry rule.
                try:
                    response.read()
                finally:
                    response.close()
            except httpx.TransportError as error:
                delay = self._decider.after_error(request, error, retry_number)
                if delay is None:
                    raise
            else:
                delay = self._decider.after_response(request, response, retry_number, started)
                if delay is None:
                    return response
            self._sleep(delay)
            retry_number += 1

    def close(self) -> None:
        """Close the wrapped transport."""
        self.transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps an async transport with the retry rule above and redacted request logging."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport | None = None,
        *,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.transport = transport if transport is not None else httpx.AsyncHTTPTransport()
        self.policy = policy if policy is not None else RetryPolicy()
        self._decider = _Decider(self.policy, rng if rng is not None else random.Random())
        self._sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send the request, retrying it as `RetryTransport.handle_request` does."""
        retry_number = 0
        while True:  # as RetryTransport.handle_request; only the I/O differs
            if logger.isEnabledFor(logging.DEBUG):
                _log_request(request, retry_number + 1)
            started = time.perf_counter()
            try:
                response = await self.transport.handle_async_request(request)
                try:
                    await response.aread()
                finally:
                    await response.aclose()
            except httpx.TransportError as error:
                delay = self._decider.after_error(request, error, retry_number)
                if delay is None:
                    raise
            else:
                delay = self._decider.after_response(request, response, retry_number, started)
                if delay is None:
                    return response
            await self._sleep(delay)
            retry_number += 1

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self.transport.aclose()


_ATTEMPTS_ATTRIBUTE: Final = "contactimport_attempts"


def _annotate(error: httpx.TransportError, attempts: int) -> None:
    """Record the number of attempts on a transport error for the client's exception message."""
    setattr(error, _ATTEMPTS_ATTRIBUTE, attempts)


def attempts_made(error: BaseException) -> int:
    """How many attempts the retry transport made before raising this transport error."""
    attempts = getattr(error, _ATTEMPTS_ATTRIBUTE, 1)
    return attempts if isinstance(attempts, int) else 1
